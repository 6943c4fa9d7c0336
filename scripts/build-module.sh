#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build kapi.ko (and the other in-tree modules listed in Kbuild) for one
# kernel, in a build directory of its own so that builds for several kernels
# coexist. Kbuild writes its objects next to the sources it is given, so the
# build directory mirrors the source tree with symlinks. The spec image
# generator kapi-gen, a host tool, is built first (CMake target kapi-gen in
# the userspace build directory) and handed to Kbuild as KAPI_GEN; set
# KAPI_GEN to an existing kapi-gen to skip that step.
#
#   build-module.sh --kernel 6.1|6.12 [--werror]   a provisioned Debian kernel
#   build-module.sh --kdir DIR [--werror]           any kernel build tree
#
# KAPI_TRACEPOINTS=n in the environment builds kapi.ko with its trace events
# compiled out (Documentation/tracing.rst), into a build directory of its
# own (kernel-<tag>-notrace), so that it sits next to the ordinary build.
#
# Prints the build directory on the last line of stdout.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

kernel= kdir= werror=
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernel=$2; shift 2 ;;
	--kdir) kdir=$2; shift 2 ;;
	--werror) werror=y; shift ;;
	*) kapi_die "build-module.sh: unknown argument '$1'" ;;
	esac
done

if [ -n "$kernel" ]; then
	kapi_load_kernel "$kernel"
	kdir=$KAPI_KDIR
	tag=$kernel
else
	[ -n "$kdir" ] || kapi_die "build-module.sh: --kernel or --kdir is required"
	if [ ! -e "$kdir/Makefile" ]; then
		kapi_die "no kernel build tree at $kdir; install the headers of that kernel, pass KDIR=DIR, or use KERNEL=6.1 / KERNEL=6.12 (provisioned by 'make provision')"
	fi
	tag=$(cat "$kdir/include/config/kernel.release" 2>/dev/null) ||
		kapi_die "$kdir is not a configured kernel tree (no include/config/kernel.release)"
fi

tracepoints=${KAPI_TRACEPOINTS:-y}
case $tracepoints in
y) suffix= ;;
n) suffix=-notrace ;;
*) kapi_die "build-module.sh: KAPI_TRACEPOINTS must be y or n, not '$tracepoints'" ;;
esac

out="${KAPI_BUILD:-$src/build}/kernel-$tag$suffix"
mkdir -p "$out"
# Drop links to sources that no longer exist, then mirror the sources.
find "$out" -xtype l -delete
cp -rsf "$src/Kbuild" "$src/VERSION" "$src/module" "$src/include" "$src/samples" "$src/kunit" "$out/"

kapi_gen_tool ${werror:+-DKAPI_WERROR=ON} || kapi_die "cannot build kapi-gen"

make -C "$kdir" M="$out" KAPI_WERROR="$werror" KAPI_TRACEPOINTS="$tracepoints" \
	KAPI_GEN="$KAPI_GEN" -j"$(nproc)" modules >&2
printf '%s\n' "$out"

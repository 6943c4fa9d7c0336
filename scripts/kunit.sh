#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make kunit': kapi_kunit.ko's suites in QEMU on KUnit kernels built from
# Debian's sources (scripts/kunit-kernel.sh), per kernel of KAPI_KERNELS:
# the kernel and the modules build (-Werror), scripts/guest/kunit-suites.sh
# loads them, and scripts/results.py kunit decides from the console's KTAP
# (every case passes, every suite of kunit/*.c reports, debugfs agrees);
# the console must be clean. Documentation/kunit.rst.
#
#   kunit.sh [--filter GLOB] [--results FILE]
#
# --filter (or KUNIT_FILTER): KUnit's SUITE_GLOB[.TEST_GLOB]; --results:
# add to FILE instead of build/kunit/results. Exits 1 on any failure.

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

filter=${KUNIT_FILTER:-}
results=
while [ $# -gt 0 ]; do
	case "$1" in
	--filter) filter=$2; shift 2 ;;
	--results) results=$2; shift 2 ;;
	*) kapi_die "kunit.sh: unknown argument '$1' (usage: kunit.sh [--filter GLOB] [--results FILE])" ;;
	esac
done
case "$filter" in *[[:space:]]*) kapi_die "kunit.sh: the filter must not contain spaces" ;; esac

build="${KAPI_BUILD:-$src/build}"
kernels=${KAPI_KERNELS:-6.1 6.12}
out="$build/kunit"
mkdir -p "$out"
kapi_results kunit "$results"

# The suites kunit/*.c registers: each must report.
if suites=$(python3 "$here/results.py" suites "$src/kunit" 2>&1); then
	echo "  suites in kunit/: ${suites//$'\n'/ }${filter:+ (filter: $filter)}"
else
	echo "  $suites"
fi

# kernel K - build (or reuse) the KUnit kernel of series K; sets $kdir.
kernel() {
	kdir=$("$here/kunit-kernel.sh" "$1" | tail -n1) && [ -e "$kdir/arch/x86/boot/bzImage" ]
}

# modules K - build kapi.ko and kapi_kunit.ko against $kdir; sets $mdir.
modules() {
	mdir=$("$here/build-module.sh" --kdir "$kdir" --werror | tail -n1) || return 1
	[ -e "$mdir/kunit/kapi_kunit.ko" ] ||
		{ echo "no kunit/kapi_kunit.ko in $mdir: is kunit/ built by the top-level Kbuild?"; return 1; }
}

for k in $kernels; do
	group="kunit $k"
	kdir= mdir=
	if ! step "KUnit kernel $k builds (tinyconfig + kunit/kunit.config)" "$out/kernel-$k.log" kernel "$k"; then
		continue
	fi
	grep '^kapi: KUnit kernel' "$out/kernel-$k.log" | sed 's/^kapi: /  /'
	if ! step "kapi.ko and kapi_kunit.ko build for KUnit kernel $k (-Werror)" "$out/modules-$k.log" modules "$k"; then
		continue
	fi

	rel=$(cat "$kdir/include/config/kernel.release")
	# KUnit filters the suites of a module by kunit.filter_glob on 6.12,
	# not yet on 6.1: there every suite runs and results.py filters.
	kapi_guest "$group" "$kdir/arch/x86/boot/bzImage" "$rel" kunit --timeout 300 --mem 256 \
		--script "$here/guest/kunit-suites.sh" \
		--module "$mdir/kapi.ko" --module "$mdir/kunit/kapi_kunit.ko" \
		${filter:+--append "kunit.filter_glob=$filter"}
	kapi_parse ktap "$output" --group "$group guest"
	kapi_parse kunit "$console" --group "$group" --sources "$src/kunit" \
		--output "$output" ${filter:+--filter "$filter"}
done

kapi_summary

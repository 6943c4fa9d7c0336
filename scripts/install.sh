#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make install': kapi.ko for one kernel, installed by that kernel's own
# modules_install into lib/modules/<release>/updates/ under DESTDIR, and
# kapi-dump, its man page and the documentation under DESTDIR/PREFIX.
# kapi.ko is built from the DKMS source tree (scripts/dkms-source.sh), in a
# directory of its own: what is installed is exactly what DKMS would build,
# and kapi.ko alone, without the sample and test modules of a development
# build. With DESTDIR set (staging, packaging, 'make check') depmod never
# runs: the target system's package manager or administrator runs it.
# Without DESTDIR (a real install, as root) depmod updates that kernel's
# module index afterwards.
#
# Environment: DESTDIR; PREFIX (default /usr/local); KERNEL=6.1|6.12 (a
# provisioned Debian kernel) or KDIR (default: the running kernel's build
# tree); KAPI_BUILD. kapi-dump must have been built ('make tool').
# Prints each installed file.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

build="${KAPI_BUILD:-$src/build}"
destdir=${DESTDIR:-}
prefix=${PREFIX:-/usr/local}
kernel=${KERNEL:-}
kdir=${KDIR:-/lib/modules/$(uname -r)/build}
version=$(cat "$src/VERSION")

if [ -n "$kernel" ]; then
	kapi_load_kernel "$kernel"
	kdir=$KAPI_KDIR
fi
[ -e "$kdir/Makefile" ] ||
	kapi_die "no kernel build tree at $kdir; install the headers of that kernel or pass KDIR=DIR"
krel=$(cat "$kdir/include/config/kernel.release") ||
	kapi_die "$kdir is not a configured kernel tree (no include/config/kernel.release)"
[ -x "$build/userspace/kapi-dump" ] || kapi_die "kapi-dump is not built: run 'make tool'"

# put MODE SRC DST - install one file under DESTDIR and name it.
put() {
	install -D -m "$1" "$2" "$destdir$3"
	printf '%s\n' "$destdir$3"
}

# kapi.ko: from the DKMS source tree, with the kapi-gen already built.
[ -x "$build/userspace/kapi-gen" ] && export KAPI_GEN="$build/userspace/kapi-gen"
tree=$("$here/dkms-source.sh" "$build/install/kapi-$version" | tail -n 1)
obj="$build/install/kernel-$krel"
# Only what changed (by content) is copied, so that Kbuild rebuilds only that.
mkdir -p "$obj"
rsync -rl --checksum "$tree/" "$obj/"
make -C "$kdir" M="$obj" -j"$(nproc)" modules >&2
# DEPMOD=true: the kernel's modules_install never runs depmod here; it
# runs below, and only for a real install.
make -C "$kdir" M="$obj" INSTALL_MOD_PATH="$destdir" INSTALL_MOD_DIR=updates \
	DEPMOD=true modules_install >&2
find "$destdir/lib/modules/$krel/updates" -name 'kapi*.ko*' -type f
if [ -z "$destdir" ]; then
	depmod -a "$krel"
fi

put 0755 "$build/userspace/kapi-dump" "$prefix/bin/kapi-dump"
put 0644 "$src/userspace/man/kapi-dump.1" "$prefix/share/man/man1/kapi-dump.1"
# The documentation as reStructuredText, with the schema and netlink specs
# it refers to ('make docs' renders it as HTML).
doc=$prefix/share/doc/kapi
put 0644 "$src/README.md" "$doc/README.md"
for f in "$src"/Documentation/*.rst "$src"/Documentation/schema/* \
	"$src"/Documentation/netlink/specs/*; do
	put 0644 "$f" "$doc/${f#"$src"/Documentation/}"
done

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make demo': provision what is missing, build kapi.ko for Debian 6.12 and
# kapi-dump, boot a 6.12 guest and show what kapi offers: the module loads
# and publishes its specs in /sys/kernel/debug/kapi/, a sample module adds
# specs of its own, "kapi-dump monitor" catches a bad call live through the
# netlink family, and everything unloads leaving nothing behind.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"
build="${KAPI_BUILD:-$src/build}"
kernel=${KAPI_DEMO_KERNEL:-6.12}

echo "== provisioning (installs only what is missing)"
"$here/provision.sh"
mkdir -p "$build"
echo "== building kapi.ko for Debian $kernel and kapi-dump"
"$here/build-module.sh" --kernel "$kernel" >/dev/null 2>"$build/demo-build.log" ||
	{ cat "$build/demo-build.log" >&2; exit 1; }
cmake -S "$src/userspace" -B "$build/userspace" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build/userspace" -j"$(nproc)" >/dev/null
echo "== booting Debian $kernel in QEMU (the kernel console goes to build/vm/)"
"$here/vm.sh" --kernel "$kernel" --name demo --stream output --timeout 180 \
	--script "$here/guest/demo-tour.sh" --module "$build/kernel-$kernel/kapi.ko" \
	--module "$build/kernel-$kernel/samples/kapi_sample.ko" \
	--bin "$build/userspace/kapi-dump:/kapi/bin/kapi-dump"

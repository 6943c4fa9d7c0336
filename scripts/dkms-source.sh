#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Write the DKMS source tree of kapi.ko ('make dkms-source'): dkms.conf,
# Kbuild, VERSION, include/ and module/ with the spec image already generated
# by kapi-gen (module/generated/specs.c, and checks.c, the check engine
# specialised for those specs), so that DKMS rebuilds kapi.ko for a
# new kernel with nothing but that kernel's headers, make and the compiler
# (the generated C is the same for every kernel: its numbers are expressions
# the target's compiler evaluates). Without samples/ and kunit/, Kbuild
# builds kapi.ko alone. kapi-gen is built first (CMake target kapi-gen), or
# taken from KAPI_GEN.
#
#   dkms-source.sh [DIR]    default: build/dkms/kapi-<VERSION>
#
# Prints the directory on the last line of stdout. 'sudo dkms add DIR' (or a
# copy in /usr/src/kapi-<VERSION>) then registers it with DKMS.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

build="${KAPI_BUILD:-$src/build}"
version=$(cat "$src/VERSION")
grep -qx "PACKAGE_VERSION=\"$version\"" "$src/dkms.conf" ||
	kapi_die "dkms.conf: PACKAGE_VERSION is not \"$version\" (the VERSION file)"
out=${1:-$build/dkms/kapi-$version}

kapi_gen_tool || kapi_die "cannot build kapi-gen"

rm -rf "$out"
mkdir -p "$out"
cp "$src/dkms.conf" "$src/Kbuild" "$src/VERSION" "$out/"
cp -r "$src/include" "$src/module" "$out/"
rm -rf "$out/module/generated"
mkdir "$out/module/generated"
# The same command line as Kbuild's (module/kapi-gen.mk), so that the file
# is byte for byte what a build from the git tree generates.
"$KAPI_GEN" --source-root "$out" --symbol kapi_builtin_image \
	-o "$out/module/generated/specs.c" "$out"/module/specs/*.c
"$KAPI_GEN" --checks --source-root "$out" --symbol kapi_builtin_image \
	-o "$out/module/generated/checks.c" "$out"/module/specs/*.c
printf '%s\n' "$out"

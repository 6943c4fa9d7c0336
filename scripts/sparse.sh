#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run sparse (Debian package "sparse") over kapi's kernel C code: everything
# the top-level Kbuild builds for a kernel (kapi.ko, the sample modules; the
# KUnit tests only for a kernel with KUnit), for each provisioned Debian
# kernel. Kbuild's C=2 checks every file, whether it needs rebuilding or not,
# with the kernel's own CHECKFLAGS (address spaces, endianness, context),
# in a scratch build directory of its own. Prints each sparse warning or
# error about one of kapi's files and fails if there is any; warnings about
# the kernel's own headers are left out.
#
#   sparse.sh [--kernel 6.1|6.12]... [--kdir DIR]...
#
# Default: both Debian kernels. --kdir checks against any configured kernel
# build tree instead, e.g. a KUnit kernel (scripts/kunit-kernel.sh prints
# its tree), where Kbuild builds the KUnit tests too.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

# Each target is a Debian series (6.1, 6.12) or a kernel build tree.
targets=()
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) targets+=("$2"); shift 2 ;;
	--kdir) targets+=("$(realpath "$2")"); shift 2 ;;
	*) kapi_die "sparse.sh: unknown argument '$1'" ;;
	esac
done
[ ${#targets[@]} -gt 0 ] || targets=(6.1 6.12)

command -v sparse >/dev/null ||
	kapi_die "sparse is not installed: run 'make provision' (Debian package sparse)"

# kapi-gen, the spec image generator, is a host tool (see build-module.sh).
kapi_gen_tool || kapi_die "cannot build kapi-gen"

found=0
for k in "${targets[@]}"; do
	(
		if [ -d "$k" ]; then
			KAPI_KDIR=$k
			k=$(cat "$k/include/config/kernel.release") ||
				kapi_die "$KAPI_KDIR is not a configured kernel tree"
		else
			kapi_load_kernel "$k"
		fi
		out="${KAPI_BUILD:-$src/build}/sparse-$k"
		rm -rf "$out"
		mkdir -p "$out"
		cp -rs "$src/Kbuild" "$src/VERSION" "$src/module" "$src/include" \
			"$src/samples" "$src/kunit" "$out/"
		log="$out/sparse.log"
		t=$SECONDS
		make -C "$KAPI_KDIR" M="$out" KAPI_GEN="$KAPI_GEN" C=2 CHECK=sparse \
			-j"$(nproc)" modules >"$log" 2>&1 ||
			{ tail -n 30 "$log" >&2; kapi_die "sparse build for $k failed, log: $log"; }
		# Diagnostics name the file as Kbuild passed it: $out/<path>.
		# The one exception: a spec image that kapi-gen generated into
		# the build directory (not a link to a source) has its string
		# table as one long literal, which C allows and sparse's
		# tokenizer cannot hold (8191 bytes); that says nothing about
		# the code.
		grep -E "^$out/[^:]+:[0-9]+:[0-9]+: (warning|error):" "$log" |
			sed "s|^$out/||" | sort -u >"$out/findings" || true
		while IFS= read -r line; do
			file=${line%%:*}
			if [ ! -L "$out/$file" ] && [[ $line =~ :\ warning:\ trying\ to\ concatenate\ [0-9]+-character\ string ]]; then
				continue
			fi
			printf '%s\n' "$line"
		done <"$out/findings" >"$out/ours"
		if [ -s "$out/ours" ]; then
			cat "$out/ours"
			kapi_log "sparse ($k): $(wc -l <"$out/ours") findings in kapi's files (log: $log)"
			exit 1
		fi
		kapi_log "sparse ($k): clean, $(grep -c '^  CHECK' "$log") files checked ($((SECONDS - t)) s)"
	) || found=1
done
exit $found

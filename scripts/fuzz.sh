#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fuzz kapi's parsers of untrusted input with libFuzzer: the spec image
# decoder (decode_fuzz) and the annotation parser (parse_fuzz). Builds them
# with clang, ASan and UBSan into build/fuzz, then runs each for a bounded
# time from the in-tree seeds (userspace/fuzz/corpus/decode/, the annotated
# files of the repository), keeping what it learns in build/fuzz/corpus/.
# Prints, per target, the executions and findings; a finding (crash, leak,
# timeout, failed property) is saved under build/fuzz/artifacts/ (moved to
# build/fuzz/findings/ by the next run) and makes
# the script exit 1. 'make check' runs it for 20 s per target; run it longer
# by hand: scripts/fuzz.sh --time 600.

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

time_per_target=20
targets=()
while [ $# -gt 0 ]; do
	case "$1" in
	--time) time_per_target=$2; shift 2 ;;
	-h|--help)
		echo "usage: fuzz.sh [--time SECONDS] [decode_fuzz|parse_fuzz ...]"
		exit 0 ;;
	-*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
	*) targets+=("$1"); shift ;;
	esac
done
[ ${#targets[@]} -gt 0 ] || targets=(decode_fuzz parse_fuzz)

build="${KAPI_BUILD:-$src/build}/fuzz"
command -v clang++ >/dev/null || kapi_die "clang++ missing: run 'make provision'"
mkdir -p "$build"
if ! { CXX=clang++ cmake -S "$src/userspace" -B "$build/cmake" -DKAPI_FUZZ=ON \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo &&
	cmake --build "$build/cmake" -j"$(nproc)" --target "${targets[@]}"; } \
	>"$build/build.log" 2>&1; then
	tail -n 30 "$build/build.log" >&2
	kapi_die "building the fuzz targets failed (log: $build/build.log)"
fi

# seeds TARGET - the in-tree seed directories of TARGET.
seeds() {
	case "$1" in
	decode_fuzz) echo "$src/userspace/fuzz/corpus/decode" ;;
	parse_fuzz)
		echo "$src/module/specs $src/samples $src/userspace/tests/data/upstream" \
			"$src/userspace/tests/data/parser $src/userspace/tests/data/render" ;;
	esac
}

status=0
for t in "${targets[@]}"; do
	corpus="$build/corpus/$t"
	artifacts="$build/artifacts/$t/"
	# Count the findings of this run only, keeping earlier ones for a look.
	mkdir -p "$corpus" "$artifacts" "$build/findings/$t"
	find "$artifacts" -type f -exec mv -t "$build/findings/$t/" {} +
	opts=(-max_total_time="$time_per_target" -timeout=10 -rss_limit_mb=2048
		-print_final_stats=1 -artifact_prefix="$artifacts")
	case $t in
	decode_fuzz) opts+=(-max_len=65536) ;;
	parse_fuzz) opts+=(-max_len=4096 -dict="$src/userspace/fuzz/parse.dict") ;;
	esac
	# shellcheck disable=SC2046
	"$build/cmake/fuzz/$t" "${opts[@]}" "$corpus" $(seeds "$t") >"$build/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$t.log" | tail -n1)
	found=$(find "$artifacts" -type f | wc -l)
	printf 'fuzz %s: %s executions (%s s), corpus %s inputs, %s findings\n' "$t" \
		"${runs:-?}" "$time_per_target" "$(find "$corpus" -type f | wc -l)" "$found"
	if [ $rc -ne 0 ] || [ "$found" -ne 0 ]; then
		status=1
		grep -E 'ERROR|SUMMARY|Test unit written' "$build/$t.log" | head -n 10 >&2
		echo "fuzz $t: finding (exit $rc), see $build/$t.log and $artifacts" >&2
	fi
done
exit $status

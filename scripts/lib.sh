# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared shell helpers for kapi's scripts: logging, the cache location and
# the per-kernel environment files written by fetch-kernels.sh. Sourced, never
# executed.

KAPI_CACHE="${KAPI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kapi}"

kapi_log() { printf 'kapi: %s\n' "$*" >&2; }
kapi_die() { printf 'kapi: error: %s\n' "$*" >&2; exit 1; }

# kapi_kernel_env SERIES - print the path of the environment file describing
# the provisioned kernel of SERIES (6.1 or 6.12).
kapi_kernel_env() { printf '%s/kernels/%s.env\n' "$KAPI_CACHE" "$1"; }

# kapi_load_kernel SERIES - source the environment file of SERIES, or die with
# the command that creates it.
kapi_load_kernel() {
	local env
	env=$(kapi_kernel_env "$1")
	[ -r "$env" ] || kapi_die "kernel $1 is not provisioned ($env missing): run 'make provision'"
	# shellcheck disable=SC1090
	. "$env"
}

# kapi_gen_tool [CMAKE-ARGS...] - set KAPI_GEN to the spec image generator,
# a host tool: the kapi-gen that KAPI_GEN names already, else one built with
# CMake (CMAKE-ARGS added) into the userspace build directory. Needs $src.
kapi_gen_tool() {
	local us="${KAPI_BUILD:-$src/build}/userspace"
	if [ -z "${KAPI_GEN:-}" ]; then
		cmake -S "$src/userspace" -B "$us" "$@" >&2 || return 1
		cmake --build "$us" --target kapi-gen -j"$(nproc)" >&2 || return 1
		KAPI_GEN="$us/kapi-gen"
	fi
	[ -x "$KAPI_GEN" ] || kapi_die "kapi-gen not found at $KAPI_GEN"
	KAPI_GEN=$(realpath "$KAPI_GEN")
}

# Test results, shared by check.sh, kunit.sh, debug.sh, stress.sh and
# bench/run.sh: one "PASS|FAIL|SKIP<tab>name" line per case in the file
# $results.
#
# kapi_results NAME [FILE] - start the results of the run NAME: append to
# FILE (a caller's, e.g. make check's), or own build/NAME/results, emptied.
# Sets $results, $results_first (its first line of this run), $results_own
# (1 if the file is this run's own) and $results_t0.
kapi_results() {
	results_name=$1 results=${2:-} results_own=0 results_t0=$SECONDS
	if [ -z "$results" ]; then
		results_own=1
		results="${KAPI_BUILD:-$src/build}/$1/results"
		mkdir -p "$(dirname "$results")"
		: >"$results"
	fi
	touch "$results"
	results_first=$(($(wc -l <"$results") + 1))
}

# record VERDICT NAME - add one result.
record() { printf '%s\t%s\n' "$1" "$2" >>"$results"; }

# kapi_failures - the number of failures recorded so far.
kapi_failures() { grep -c '^FAIL' "$results"; }

# step NAME LOGFILE CMD... - run CMD with its output in LOGFILE; record it.
step() {
	local name=$1 log=$2 t=$SECONDS
	shift 2
	if "$@" >"$log" 2>&1; then
		record PASS "$name"
		printf '  PASS %s (%ds)\n' "$name" $((SECONDS - t))
	else
		record FAIL "$name"
		printf '  FAIL %s (%ds), log: %s\n' "$name" $((SECONDS - t)) "$log"
		tail -n 30 "$log" | sed 's/^/    | /'
		return 1
	fi
}

# kapi_parse KIND LOG --group G [ARGS...] - record the cases scripts/results.py
# finds in LOG (quietly: failures and a count). If it fails without recording
# a failure (it crashed), that is a failure of its own.
kapi_parse() {
	local before rc group=
	before=$(kapi_failures)
	[ "$3" = --group ] && group=$4
	python3 "$src/scripts/results.py" "$@" --results "$results" --quiet
	rc=$?
	if [ $rc -ne 0 ] && [ "$(kapi_failures)" -eq "$before" ]; then
		record FAIL "$group: results.py $1 $2 failed ($rc)"
	fi
	return $rc
}

# kapi_sections LOG DIR - split a guest's output LOG into DIR/NAME.ktap, one
# file per part printed between "# kapi-section-begin NAME" and
# "# kapi-section-end NAME" lines. DIR is emptied first.
kapi_sections() {
	rm -rf "$2"
	mkdir -p "$2"
	awk -v dir="$2" '
		/^# kapi-section-begin / { f = dir "/" $3 ".ktap"; next }
		/^# kapi-section-end / { close(f); f = ""; next }
		f != "" { print > f }' "$1"
}

# kapi_parse_sections LOG DIR PREFIX [NAME=GROUP]... - split LOG into
# sections (kapi_sections) and record each named section's KTAP as GROUP;
# with no NAME=GROUP, every section found, as "PREFIX NAME". A named
# section the guest did not print fails.
kapi_parse_sections() {
	local log=$1 dir=$2 prefix=$3 f pair
	shift 3
	kapi_sections "$log" "$dir"
	if [ $# -gt 0 ]; then
		for pair in "$@"; do
			kapi_parse ktap "$dir/${pair%%=*}.ktap" --group "${pair#*=}"
		done
		return
	fi
	for f in "$dir"/*.ktap; do
		[ -e "$f" ] || { record FAIL "$prefix the guest printed no section"; return; }
		kapi_parse ktap "$f" --group "$prefix $(basename "$f" .ktap)"
	done
}

# kapi_missing VM-ARGS... - print what the --module, --file, --bin and
# --script arguments of scripts/vm.sh name and is not there; fails if any.
kapi_missing() {
	local miss=() f
	while [ $# -gt 1 ]; do
		case $1 in
		--module|--file|--bin|--script)
			f=${2%%:*}
			case $f in
			*/*) [ -e "$f" ] || miss+=("$f") ;;
			*) command -v "$f" >/dev/null || miss+=("$f") ;;
			esac
			shift 2 ;;
		*) shift ;;
		esac
	done
	[ ${#miss[@]} -eq 0 ] || { echo "${miss[*]}"; return 1; }
}

# kapi_guest GROUP KERNEL TAG NAME VM-ARGS... - boot KERNEL (6.1, 6.12 or
# a bzImage whose release is TAG) with scripts/vm.sh as the run NAME, the
# guest KTAP helper in /kapi/ktap.sh; the harness's own messages go to
# build/vm/TAG-NAME.vm.log and are shown. Records the verdict as "GROUP:
# guest finished, console clean" or why not, and sets $console and $output
# (the guest's logs). Returns vm.sh's exit code.
kapi_guest() {
	local group=$1 kernel=$2 run="${KAPI_BUILD:-$src/build}/vm/$3-$4" name=$4 rc
	shift 4
	console="$run.console.log" output="$run.output.log"
	mkdir -p "$(dirname "$run")"
	rm -f "$console" "$output"
	"$src/scripts/vm.sh" --kernel "$kernel" --name "$name" --stream none \
		--file "$src/scripts/guest/ktap.sh:/kapi/ktap.sh" "$@" 2>"$run.vm.log"
	rc=$?
	sed 's/^/  /' "$run.vm.log"
	case $rc in
	0) record PASS "$group: guest finished, console clean" ;;
	124) record FAIL "$group: guest timed out (see $console)" ;;
	125) record FAIL "$group: guest crashed or its console shows a kernel report (see $console)" ;;
	*) record FAIL "$group: guest verdict $rc (see $output)" ;;
	esac
	return $rc
}

# kapi_summary - end the run started by kapi_results: list its failures
# and print its counts. A run that owns its results file prints its closing
# line, "NAME: N passed, N failed, N skipped"; one that adds to a caller's
# prints an indented total in another shape, so that the caller's closing
# line stays the only one (the CI output contract, Documentation/testing.rst).
# Fails if this run recorded a failure.
kapi_summary() {
	local this p f s
	this=$(tail -n +"$results_first" "$results")
	p=$(grep -c '^PASS' <<<"$this")
	f=$(grep -c '^FAIL' <<<"$this")
	s=$(grep -c '^SKIP' <<<"$this")
	if [ "$f" -gt 0 ]; then
		echo "  failed:"
		grep '^FAIL' <<<"$this" | cut -f2 | sed 's/^/    /'
	fi
	if [ "$results_own" -eq 1 ]; then
		echo "  ($((SECONDS - results_t0)) s)"
		echo "$results_name: $p passed, $f failed, $s skipped"
	else
		echo "  $results_name total ($((SECONDS - results_t0)) s): passed $p, failed $f, skipped $s"
	fi
	[ "$f" -eq 0 ]
}

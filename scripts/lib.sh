# SPDX-License-Identifier: GPL-2.0
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

# Test results (check.sh, kunit.sh): one "PASS|FAIL|SKIP<tab>name" line per
# case in the file $results, which the caller names.
# record VERDICT NAME - add one result.
record() { printf '%s\t%s\n' "$1" "$2" >>"$results"; }

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

# kapi_vm_guest K NAME GROUP VM-ARGS... - boot K with scripts/vm.sh as the
# run NAME (logs in $build/vm/K-NAME.*, the harness's own messages in
# $build/vm/K-NAME.vm.log), show the harness's summary and record its
# verdict as "GROUP: guest finished, console clean". The caller sets
# $here (the scripts directory), $build and $results.
kapi_vm_guest() {
	local k=$1 name=$2 group=$3 rc
	shift 3
	mkdir -p "$build/vm"
	"$here/vm.sh" --kernel "$k" --name "$name" --stream none "$@" 2>"$build/vm/$k-$name.vm.log"
	rc=$?
	sed 's/^/  /' "$build/vm/$k-$name.vm.log"
	if [ $rc -eq 0 ]; then
		record PASS "$group: guest finished, console clean"
	else
		record FAIL "$group: guest verdict $rc (see $build/vm/$k-$name.console.log)"
	fi
}

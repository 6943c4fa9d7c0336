#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make kunit': run kapi's KUnit suites (kapi_kunit.ko, kunit/) in QEMU on
# KUnit kernels built from Debian's 6.1 and 6.12 sources. For each kernel:
# build or reuse it (scripts/kunit-kernel.sh), build kapi.ko and
# kapi_kunit.ko against it with -Werror, boot it with both modules
# (scripts/guest/kunit.sh), and decide the verdict from the KTAP KUnit
# printed on the console (scripts/results.py kunit): every case must pass,
# every suite registered in kunit/*.c must report, and the guest must end
# cleanly (no crash, timeout or kernel report). Prints one line per suite
# and, last, "kunit: N passed, N failed, N skipped"; exits 1 on any failure.
#
#   kunit.sh [--filter GLOB] [--results FILE]
#
# --filter (or KUNIT_FILTER) runs only the cases matching KUnit's
# filter_glob syntax SUITE_GLOB[.TEST_GLOB]; --results appends the result
# lines to FILE ('make check' passes its own) instead of build/kunit/results.
# KAPI_KERNELS limits the kernels (default "6.1 6.12").

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
if [ -z "$results" ]; then
	results="$out/results"
	: >"$results"
fi
first=$(($(wc -l <"$results") + 1))
t_start=$SECONDS

# verdict KIND LOG ARGS... - record the cases results.py finds in LOG. If
# it fails without recording a failure (it crashed), that is one.
verdict() {
	local before rc
	before=$(grep -c '^FAIL' "$results")
	python3 "$here/results.py" "$@" --results "$results"
	rc=$?
	if [ $rc -ne 0 ] && [ "$(grep -c '^FAIL' "$results")" -eq "$before" ]; then
		record FAIL "${group:-kunit}: results.py $1 $2 failed ($rc)"
	fi
}

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
	console="$build/vm/$rel-kunit.console.log"
	output="$build/vm/$rel-kunit.output.log"
	rm -f "$console" "$output"
	# KUnit filters the suites of a module by kunit.filter_glob on 6.12,
	# not yet on 6.1: there every suite runs and results.py filters.
	"$here/vm.sh" --kernel "$kdir/arch/x86/boot/bzImage" --name kunit --stream none \
		--timeout 300 --mem 256 --script "$here/guest/kunit.sh" \
		--file "$here/guest/ktap.sh:/kapi/ktap.sh" \
		--module "$mdir/kapi.ko" --module "$mdir/kunit/kapi_kunit.ko" \
		${filter:+--append "kunit.filter_glob=$filter"} 2>"$out/vm-$k.log"
	rc=$?
	sed 's/^/  /' "$out/vm-$k.log"
	case $rc in
	0) record PASS "$group: guest finished, console clean" ;;
	124) record FAIL "$group: guest timed out (see $console)" ;;
	125) record FAIL "$group: guest crashed or its console shows a kernel report (see $console)" ;;
	*) record FAIL "$group: guest verdict $rc (see $output)" ;;
	esac
	verdict ktap "$output" --group "$group guest" --quiet
	verdict kunit "$console" --group "$group" --sources "$src/kunit" \
		--output "$output" ${filter:+--filter "$filter"} --quiet
done

tail -n +"$first" "$results" >"$out/this-run"
p=$(grep -c '^PASS' "$out/this-run")
f=$(grep -c '^FAIL' "$out/this-run")
s=$(grep -c '^SKIP' "$out/this-run")
if [ "$f" -gt 0 ]; then
	echo "  failed:"
	grep '^FAIL' "$out/this-run" | cut -f2 | sed 's/^/    /'
fi
echo "  ($((SECONDS - t_start)) s)"
echo "kunit: $p passed, $f failed, $s skipped"
[ "$f" -eq 0 ]

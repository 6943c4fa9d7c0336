#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make debug': kapi's tests on the debug kernel, a KUnit kernel built from
# Debian's 6.12 source with the kernel's bug detectors on (KASAN, lockdep,
# sleep-in-atomic checks, kmemleak, debug objects, UBSAN) and fault
# injection (scripts/kunit-kernel.sh --fragment kunit/debug.config 6.12).
# Builds or reuses the kernel, builds kapi.ko, kapi_kunit.ko, the samples
# and the selftest programs against it, then boots it once per part, each
# run by selftests/debug.sh with the existing guest script of that part:
#
#   kunit      kapi_kunit.ko's suites (scripts/guest/kunit.sh)
#   runtime    the selftest programs in every mode, unload under load
#              (selftests/runtime.sh)
#   netlink    the generic netlink family and kapi-dump (selftests/netlink.sh)
#   hardening  load/unload cycles under fire, debugfs fuzz
#              (selftests/hardening.sh), if it exists
#   stress     stress-ng's file and I/O stressors on two vCPUs, kapi's
#              counters against the syscall tracepoints', the selftest
#              programs in a loop under it (selftests/stress-ng.sh)
#   faults     every allocation of kapi.ko's init and of an image
#              registration made to fail in turn (selftests/faults.sh)
#
# A part passes if its cases pass, kmemleak suspects nothing of kapi's
# afterwards, and the console is clean: any KASAN, lockdep, UBSAN, debug
# objects or kmemleak report, warning or oops fails the run (scripts/vm.sh).
#
#   debug.sh [--quick] [--parts "PART..."] [--results FILE]
#
# --quick is the bounded version 'make check' runs: fewer load/unload
# cycles and fuzz writes, and of the fault points the first 12 of each
# sweep, then every 25th, without the clean reload after a failed insmod. --results appends the result lines to FILE instead of
# build/debug/results. Prints the result of every step and part and, last,
# "debug: N passed, N failed, N skipped"; exits 1 on any failure.

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

quick=0 results=
parts="kunit runtime netlink hardening stress faults"
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) quick=1; shift ;;
	--parts) parts=$2; shift 2 ;;
	--results) results=$2; shift 2 ;;
	*) kapi_die "debug.sh: unknown argument '$1' (usage: debug.sh [--quick] [--parts \"PART...\"] [--results FILE])" ;;
	esac
done

build="${KAPI_BUILD:-$src/build}"
out="$build/debug"
mkdir -p "$out"
if [ -z "$results" ]; then
	results="$out/results"
	: >"$results"
fi
touch "$results"
first=$(($(wc -l <"$results") + 1))
t_start=$SECONDS

kernel() {
	kdir=$("$here/kunit-kernel.sh" --fragment "$src/kunit/debug.config" 6.12 | tail -n1) &&
		[ -e "$kdir/arch/x86/boot/bzImage" ]
}
modules() {
	mdir=$("$here/build-module.sh" --kdir "$kdir" --werror | tail -n1) || return 1
	[ -e "$mdir/kunit/kapi_kunit.ko" ] && [ -e "$mdir/samples/kapi_sample.ko" ]
}
# The static selftest programs, the benchmark program and kapi-dump.
programs() {
	make -C "$src/selftests" O="$build/selftests" &&
		make -C "$src/bench" O="$build/bench" || return 1
	if [ ! -x "$build/userspace/kapi-dump" ]; then
		cmake -S "$src/userspace" -B "$build/userspace" -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
			cmake --build "$build/userspace" --target kapi-dump -j"$(nproc)"
	fi
}

kdir= mdir=
if ! step "debug kernel 6.12 builds (tinyconfig + kunit/kunit.config + kunit/debug.config)" \
	"$out/kernel.log" kernel; then
	echo "debug: 0 passed, 1 failed, 0 skipped"
	exit 1
fi
grep '^kapi: KUnit kernel' "$out/kernel.log" | sed 's/^kapi: /  /'
step "kapi.ko, kapi_kunit.ko and the samples build for the debug kernel (-Werror)" \
	"$out/modules.log" modules
step "selftest programs, kapi_bench and kapi-dump build" "$out/programs.log" programs

rel=$(cat "$kdir/include/config/kernel.release")
st="$build/selftests"
if [ $quick -eq 1 ]; then
	cycles=6 writes=1000 seconds=20 reload=0 fault_first=12 stride=25
else
	cycles=${KAPI_CYCLES:-24} writes=${KAPI_FUZZ_WRITES:-5000} seconds=${KAPI_STRESS_SECONDS:-120}
	reload=1 fault_first=0 stride=1
fi

# part_args PART - the files a part needs in the guest (beyond kapi.ko),
# and its time limit; fails if something was not built.
part_args() {
	local need=()
	args=()
	case $1 in
	kunit)
		need=("$mdir/kunit/kapi_kunit.ko")
		args=(--module "$mdir/kunit/kapi_kunit.ko" --file "$here/guest/kunit.sh:/kapi/kunit.sh")
		limit=600 ;;
	runtime)
		need=("$st/kapi_syscalls" "$st/kapi_runtime" "$st/kapi_filter" "$st/kapi_stress"
		      "$build/bench/kapi_bench")
		args=(--file "$src/selftests/runtime.sh:/kapi/runtime.sh"
		      --file "$src/selftests/unload.sh:/kapi/unload.sh")
		limit=1500 ;;
	netlink)
		need=("$src/selftests/netlink.sh" "$mdir/samples/kapi_sample.ko" "$build/userspace/kapi-dump"
		      "$st/kapi_netlink" "$st/kapi_syscalls")
		args=(--file "$src/selftests/netlink.sh:/kapi/netlink.sh" --module "$mdir/samples/kapi_sample.ko"
		      --bin "$build/userspace/kapi-dump:/kapi/bin/kapi-dump")
		limit=1200 ;;
	hardening)
		need=("$src/selftests/hardening.sh" "$st/kapi_stress" "$st/kapi_fuzz")
		args=(--file "$src/selftests/hardening.sh:/kapi/hardening.sh"
		      --file "$src/selftests/unload.sh:/kapi/unload.sh"
		      --append "KAPI_DEBUG_PART=$1 KAPI_CYCLES=$cycles KAPI_FUZZ_WRITES=$writes")
		limit=1500 ;;
	stress)
		need=("$st/kapi_count" "$st/kapi_stress" "$st/kapi_syscalls" "$st/kapi_runtime"
		      "$st/kapi_filter")
		command -v stress-ng >/dev/null || { echo "stress-ng is not installed"; return 1; }
		args=(--file "$src/selftests/stress-ng.sh:/kapi/stress.sh" --bin "$(command -v stress-ng)"
		      --append "KAPI_DEBUG_PART=$1 KAPI_STRESS_SECONDS=$seconds")
		limit=$((900 + seconds * 6)) ;;
	faults)
		need=("$mdir/samples/kapi_sample.ko" "$st/kapi_finit")
		# Failed allocations make the kernel warn (with a stack dump).
		args=(--file "$src/selftests/faults.sh:/kapi/faults.sh" --module "$mdir/samples/kapi_sample.ko"
		      --alloc-failures --append "KAPI_DEBUG_PART=$1 KAPI_FAULT_RELOAD=$reload KAPI_FAULT_FIRST=$fault_first KAPI_FAULT_STRIDE=$stride")
		limit=1500 ;;
	*) echo "no such part '$1'"; return 1 ;;
	esac
	for f in "${need[@]}"; do
		[ -e "$f" ] || { echo "$f is missing"; return 1; }
	done
	case $1 in
	runtime|netlink|hardening|stress|faults)
		for f in "${need[@]}"; do
			case $f in "$st"/*|"$build"/bench/*) args+=(--file "$f") ;; esac
		done
		;;
	esac
	case " ${args[*]} " in *" --append "*) ;; *) args+=(--append "KAPI_DEBUG_PART=$1") ;; esac
}

# sections LOG PART - one result group per section of the guest output.
sections() {
	local log=$1 part=$2 dir="$build/vm/$rel-debug-$2" f name
	kapi_sections "$log" "$dir"
	for f in "$dir"/*.ktap; do
		[ -e "$f" ] || { record FAIL "debug $part: the guest printed no section"; return; }
		name=$(basename "$f" .ktap)
		python3 "$here/results.py" ktap "$f" --group "debug $part: $name" --results "$results" --quiet
	done
}

for part in $parts; do
	if [ -z "$mdir" ]; then
		record FAIL "debug $part: the modules were not built"
		continue
	fi
	if ! part_args "$part" >"$out/$part-args.log" 2>&1; then
		if [ "$part" = hardening ] && [ ! -e "$src/selftests/hardening.sh" ]; then
			record SKIP "debug $part: selftests/hardening.sh does not exist"
			continue
		fi
		record FAIL "debug $part: $(cat "$out/$part-args.log")"
		continue
	fi
	console="$build/vm/$rel-debug-$part.console.log"
	output="$build/vm/$rel-debug-$part.output.log"
	t=$SECONDS
	# The stress part's two vCPUs run on two host threads.
	tcg=single
	[ "$part" = stress ] && tcg=multi
	KAPI_TCG_THREAD=$tcg "$here/vm.sh" --kernel "$kdir/arch/x86/boot/bzImage" --name "debug-$part" --stream none \
		--timeout "$limit" --smp 2 --mem 1024 --script "$src/selftests/debug.sh" \
		--file "$here/guest/ktap.sh:/kapi/ktap.sh" --module "$mdir/kapi.ko" \
		"${args[@]}" 2>"$out/vm-$part.log"
	rc=$?
	sed 's/^/  /' "$out/vm-$part.log"
	case $rc in
	0) record PASS "debug $part: guest finished, console clean" ;;
	124) record FAIL "debug $part: guest timed out after ${limit}s (see $console)" ;;
	125) record FAIL "debug $part: guest crashed or its console shows a kernel report (see $console)" ;;
	*) record FAIL "debug $part: guest verdict $rc (see $output)" ;;
	esac
	sections "$output" "$part"
	if [ "$part" = kunit ]; then
		before=$(grep -c '^FAIL' "$results")
		if ! python3 "$here/results.py" kunit "$console" --group "debug kunit" --sources "$src/kunit" \
			--output "$output" --results "$results" --quiet &&
			[ "$(grep -c '^FAIL' "$results")" -eq "$before" ]; then
			record FAIL "debug kunit: results.py kunit failed"
		fi
	fi
	grep -hE '^# (.*injection points tried|counted: |selftests: )' "$output" | sed 's/^# /  /'
	printf '  (%s: %ds)\n' "$part" $((SECONDS - t))
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
echo "debug: $p passed, $f failed, $s skipped"
[ "$f" -eq 0 ]

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make debug': kapi's tests on a 6.12 KUnit kernel with the bug detectors
# on and fault injection (scripts/kunit-kernel.sh --fragment
# kunit/debug.config 6.12), one boot per part, each run by
# scripts/guest/debug-part.sh with the part's guest script, then a check of
# the detectors and kmemleak. Parts: kunit runtime netlink hardening stress
# faults (Documentation/testing.rst, "Debug kernel").
#
#   debug.sh [--quick] [--parts "PART..."] [--results FILE]
#
# --quick: the bounded version 'make check' runs (fewer cycles and writes;
# of the fault points the first 12 of each sweep, then every 25th, without
# the reload after a failed insmod). --results: add to FILE instead of
# build/debug/results. Exits 1 on any failure.

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
kapi_results debug "$results"

kernel() {
	kdir=$("$here/kunit-kernel.sh" --fragment "$src/kunit/debug.config" 6.12 | tail -n1) &&
		[ -e "$kdir/arch/x86/boot/bzImage" ]
}
modules() {
	mdir=$("$here/build-module.sh" --kdir "$kdir" --werror | tail -n1) || return 1
	[ -e "$mdir/kunit/kapi_kunit.ko" ] && [ -e "$mdir/samples/kapi_sample.ko" ]
}
# kapi-dump, kapi-gen (kapi_conform's case tables), the static selftest
# programs and the benchmark program.
programs() {
	if [ ! -x "$build/userspace/kapi-dump" ] || [ ! -x "$build/userspace/kapi-gen" ]; then
		cmake -S "$src/userspace" -B "$build/userspace" -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
			cmake --build "$build/userspace" --target kapi-dump kapi-gen -j"$(nproc)" ||
			return 1
	fi
	make -C "$src/selftests" O="$build/selftests" &&
		make -C "$src/bench" O="$build/bench"
}

kdir= mdir=
if ! step "debug kernel 6.12 builds (tinyconfig + kunit/kunit.config + kunit/debug.config)" \
	"$out/kernel.log" kernel; then
	kapi_summary
	exit 1
fi
grep '^kapi: KUnit kernel' "$out/kernel.log" | sed 's/^kapi: /  /'
step "kapi.ko, kapi_kunit.ko and the samples build for the debug kernel (-Werror)" \
	"$out/modules.log" modules
step "selftest programs, kapi_bench and kapi-dump build" "$out/programs.log" programs

rel=$(cat "$kdir/include/config/kernel.release")
st="$build/selftests" g="$here/guest"
if [ $quick -eq 1 ]; then
	cycles=6 writes=1000 seconds=20 reload=0 fault_first=12 stride=25
else
	cycles=${KAPI_CYCLES:-24} writes=${KAPI_FUZZ_WRITES:-5000} seconds=${KAPI_STRESS_SECONDS:-120}
	reload=1 fault_first=0 stride=1
fi

# part_args PART - the guest script of PART (as /kapi/PART.sh), what else
# it needs beyond kapi.ko, and its time limit.
part_args() {
	case $1 in
	kunit)
		args=(--file "$g/kunit-suites.sh:/kapi/kunit.sh" --module "$mdir/kunit/kapi_kunit.ko")
		limit=600 ;;
	runtime)
		args=(--file "$g/runtime.sh:/kapi/runtime.sh" --file "$g/unload.sh:/kapi/unload.sh"
		      --file "$st/kapi_syscalls" --file "$st/kapi_runtime" --file "$st/kapi_filter"
		      --file "$st/kapi_stress" --file "$st/kapi_sleepers" --file "$st/kapi_matrix"
		      --file "$build/bench/kapi_bench" --bin "$build/userspace/kapi-dump:/kapi/bin/kapi-dump")
		limit=1500 ;;
	netlink)
		args=(--file "$g/netlink.sh:/kapi/netlink.sh" --module "$mdir/samples/kapi_sample.ko"
		      --bin "$build/userspace/kapi-dump:/kapi/bin/kapi-dump"
		      --file "$st/kapi_netlink" --file "$st/kapi_syscalls")
		limit=1200 ;;
	hardening)
		args=(--file "$g/hardening.sh:/kapi/hardening.sh" --file "$g/unload.sh:/kapi/unload.sh"
		      --file "$st/kapi_stress" --file "$st/kapi_sleepers" --file "$st/kapi_fuzz"
		      --append "KAPI_CYCLES=$cycles KAPI_FUZZ_WRITES=$writes")
		limit=1500 ;;
	stress)
		args=(--file "$g/stress-ng.sh:/kapi/stress.sh" --bin stress-ng
		      --file "$st/kapi_count" --file "$st/kapi_stress" --file "$st/kapi_syscalls"
		      --file "$st/kapi_runtime" --file "$st/kapi_filter"
		      --append "KAPI_STRESS_SECONDS=$seconds")
		limit=$((900 + seconds * 6)) ;;
	faults)
		# Failed allocations make the kernel warn (with a stack dump).
		args=(--file "$g/faults.sh:/kapi/faults.sh" --module "$mdir/samples/kapi_sample.ko"
		      --file "$st/kapi_finit" --alloc-failures
		      --append "KAPI_FAULT_RELOAD=$reload KAPI_FAULT_FIRST=$fault_first KAPI_FAULT_STRIDE=$stride")
		limit=1500 ;;
	*) echo "no such part '$1'"; return 1 ;;
	esac
	kapi_missing "${args[@]}" >/dev/null || { echo "missing: $(kapi_missing "${args[@]}")"; return 1; }
}

for part in $parts; do
	if [ -z "$mdir" ]; then
		record FAIL "debug $part: the modules were not built"
		continue
	fi
	if ! why=$(part_args "$part"); then
		record FAIL "debug $part: $why"
		continue
	fi
	part_args "$part"
	# rmmod kapi must succeed at once with tasks asleep in hooked calls
	# (scripts/guest/unload.sh); with KASAN and lockdep under TCG an unload
	# takes most of a second even with nothing hooked, so the limit is
	# wider here than the second of the Debian kernels.
	unload_ms=4000
	t=$SECONDS
	# The stress part's two vCPUs run on two host threads.
	tcg=single
	[ "$part" = stress ] && tcg=multi
	KAPI_TCG_THREAD=$tcg kapi_guest "debug $part" "$kdir/arch/x86/boot/bzImage" "$rel" "debug-$part" \
		--timeout "$limit" --smp 2 --mem 1024 --script "$g/debug-part.sh" \
		--module "$mdir/kapi.ko" "${args[@]}" --append "KAPI_DEBUG_PART=$part KAPI_UNLOAD_MS=$unload_ms"
	kapi_parse_sections "$output" "$build/vm/$rel-debug-$part" "debug $part:"
	[ "$part" != kunit ] ||
		kapi_parse kunit "$console" --group "debug kunit" --sources "$src/kunit" --output "$output"
	grep -hE '^# (.*injection points tried|counted: |selftests: )' "$output" | sed 's/^# /  /'
	printf '  (%s: %ds)\n' "$part" $((SECONDS - t))
done

kapi_summary

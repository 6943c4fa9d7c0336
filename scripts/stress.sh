#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make stress' (and, short, part of 'make check'): two boots per kernel.
# scripts/guest/hardening.sh loads, switches and unloads kapi.ko CYCLES
# times under load, makes WRITES hostile debugfs writes (from SEED) and
# checks a DKMS-built kapi.ko; scripts/guest/stress-ng.sh runs stress-ng on
# two vCPUs for 2 x SECONDS (0: no such boot). Documentation/testing.rst,
# "Hardening" and "Stress".
#
#   stress.sh [--kernel K]... [--cycles N] [--writes N] [--seed S]
#             [--seconds N] [--results FILE] [--name NAME] [--dkms-ko PATH]
#             [--no-build]
#
# Defaults: KAPI_KERNELS (6.1 6.12), 100 cycles, 100000 writes, seed
# 20260301, 300 s, results in build/stress/results, logs build/vm/K-NAME.*
# and K-NAME-ng.* (NAME: stress); in --dkms-ko, %k is the kernel. Unless
# --no-build, kapi.ko and the selftest programs are built first. Exits 1
# if anything of this run failed.

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

build="${KAPI_BUILD:-$src/build}"
kernels= cycles=100 writes=100000 seed=20260301 seconds=300 results= name=stress dkms_ko= do_build=1
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernels="$kernels $2"; shift 2 ;;
	--cycles) cycles=$2; shift 2 ;;
	--writes) writes=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--seconds) seconds=$2; shift 2 ;;
	--results) results=$2; shift 2 ;;
	--name) name=$2; shift 2 ;;
	--dkms-ko) dkms_ko=$2; shift 2 ;;
	--no-build) do_build=0; shift ;;
	*) kapi_die "stress.sh: unknown argument '$1'" ;;
	esac
done
kernels=${kernels:-${KAPI_KERNELS:-6.1 6.12}}
kapi_results stress "$results"
st="$build/selftests" g="$here/guest"

if [ $do_build -eq 1 ]; then
	for k in $kernels; do
		"$here/build-module.sh" --kernel "$k" >/dev/null || kapi_die "kapi.ko does not build for $k"
	done
	make -s -C "$src/selftests" O="$st" >/dev/null || kapi_die "the selftest programs do not build"
fi

# Timeout: generous for TCG; a cycle under fire takes about 7 s, a
# thousand writes about 2 s.
timeout=$((300 + cycles * 20 + writes / 200))

for k in $kernels; do
	mod="$build/kernel-$k/kapi.ko"
	ko=${dkms_ko//%k/$k}
	extra=()
	[ -n "$ko" ] && [ -e "$ko" ] &&
		extra=(--file "$ko:/kapi/dkms/kapi.ko" --file "$(dirname "$ko")/kapi_tramp.ko:/kapi/dkms/kapi_tramp.ko")
	args=(--timeout "$timeout" --smp 2 --script "$g/hardening.sh"
	      --append "KAPI_CYCLES=$cycles KAPI_FUZZ_WRITES=$writes KAPI_FUZZ_SEED=$seed"
	      --module "$mod" --file "$g/unload.sh:/kapi/unload.sh" --file "$src/VERSION:/kapi/VERSION"
	      --file "$st/kapi_stress" --file "$st/kapi_sleepers" --file "$st/kapi_fuzz" "${extra[@]}")
	if ! missing=$(kapi_missing "${args[@]}" --file "$st/kapi_count" --bin stress-ng); then
		record FAIL "vm $k hardening (missing: $missing)"
		continue
	fi
	t=$SECONDS
	kapi_guest "vm $k hardening" "$k" "$k" "$name" "${args[@]}"
	grep -E '^# ([0-9]+ load/unload cycles \(|kmalloc .* after|[0-9]+ writes \()' "$output" |
		sed "s/^# /  $k hardening: /"
	printf '  %s hardening: %d cycles, %d writes (%d s)\n' "$k" "$cycles" "$writes" $((SECONDS - t))
	kapi_parse_sections "$output" "$build/vm/$k-$name" "" "cycles=vm $k load/unload cycles" \
		"fuzz=vm $k debugfs fuzz" "install=vm $k install (DKMS-built kapi.ko)"

	[ "$seconds" -gt 0 ] || continue
	# Two vCPUs on two host threads. The guest keeps the second CPU
	# offline but for the workload: kernel text is patched (kapi.ko's
	# hooks, tracepoints) with one CPU running, as QEMU 7.2's
	# multi-threaded TCG can run stale code after text patching (see
	# scripts/guest/stress-ng.sh).
	t=$SECONDS
	KAPI_TCG_THREAD=multi kapi_guest "vm $k stress-ng" "$k" "$k" "$name-ng" \
		--timeout $((400 + seconds * 4)) --smp 2 --mem 1024 --script "$g/stress-ng.sh" \
		--append "KAPI_STRESS_SECONDS=$seconds" --module "$mod" --bin stress-ng \
		--file "$st/kapi_count" --file "$st/kapi_stress" --file "$st/kapi_syscalls" \
		--file "$st/kapi_runtime" --file "$st/kapi_filter"
	grep -E '^# (counted|selftests): ' "$output" | sed "s/^# /  $k stress-ng /"
	printf '  %s stress-ng: 2 x %d s (%d s)\n' "$k" "$seconds" $((SECONDS - t))
	kapi_parse_sections "$output" "$build/vm/$k-$name-ng" "" \
		"counted=vm $k stress-ng counted" "selftests=vm $k stress-ng selftests"
done

kapi_summary

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The hardening and stress tests in QEMU ('make stress'; 'make check' runs a
# short version), two boots per kernel:
#
# - hardening (selftests/hardening.sh): loads, switches and unloads kapi.ko
#   CYCLES times while workers hammer the hooked system calls and a reader
#   blocks in read(), then makes WRITES random writes (from SEED) and its
#   fixed hostile writes to the runtime debugfs files, then, when given a
#   DKMS-built kapi.ko, runs the install guide's checks on it. Result groups
#   "vm K load/unload cycles", "vm K debugfs fuzz", "vm K install".
# - stress-ng (selftests/stress-ng.sh), on two vCPUs with multi-threaded
#   TCG: stress-ng's file and I/O stressors for SECONDS with kapi's counters
#   checked against the syscall tracepoints', then again for SECONDS under
#   the selftest programs in a loop. Result groups "vm K stress-ng counted",
#   "vm K stress-ng selftests". --seconds 0 leaves this boot out.
#
# The guest's verdict is a case of its own (a crash or an unclean console
# fails it).
#
#   stress.sh [--kernel K]... [--cycles N] [--writes N] [--seed S]
#             [--seconds N] [--results FILE] [--name NAME] [--dkms-ko PATH]
#             [--no-build]
#
# Defaults: the kernels of KAPI_KERNELS (6.1 6.12), 100 cycles, 100000
# writes, seed 20260301, 300 seconds, results in build/stress/results,
# logs in build/vm/K-NAME.* and build/vm/K-NAME-ng.* (NAME: stress).
# --dkms-ko names the DKMS-built module, with %k standing for the kernel.
# Unless --no-build, kapi.ko and the selftest programs are built first.
# Prints "stress: N passed, N failed, N skipped" (without --results) and
# exits 1 if anything of this run failed.

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
own_results=0
if [ -z "$results" ]; then
	own_results=1
	results="$build/stress/results"
	mkdir -p "$(dirname "$results")"
	: >"$results"
fi
st="$build/selftests"
t_start=$SECONDS
failed_before=$(grep -c '^FAIL' "$results")
mkdir -p "$build/vm"

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
	if [ ! -e "$mod" ] || [ ! -x "$st/kapi_fuzz" ] || [ ! -x "$st/kapi_stress" ] ||
	   [ ! -x "$st/kapi_count" ] || ! command -v stress-ng >/dev/null; then
		record FAIL "vm $k hardening (kapi.ko, the selftest programs or stress-ng missing)"
		continue
	fi
	extra=()
	ko=${dkms_ko//%k/$k}
	[ -n "$ko" ] && [ -e "$ko" ] && extra=(--file "$ko:/kapi/dkms/kapi.ko")
	t=$SECONDS
	kapi_vm_guest "$k" "$name" "vm $k hardening" --timeout "$timeout" --smp 2 \
		--script "$src/selftests/hardening.sh" --file "$here/guest/ktap.sh:/kapi/ktap.sh" \
		--append "KAPI_CYCLES=$cycles KAPI_FUZZ_WRITES=$writes KAPI_FUZZ_SEED=$seed" \
		--module "$mod" --file "$src/selftests/unload.sh:/kapi/unload.sh" \
		--file "$src/VERSION:/kapi/VERSION" --file "$st/kapi_stress" --file "$st/kapi_fuzz" \
		"${extra[@]}"
	log="$build/vm/$k-$name.output.log"
	grep -E '^# ([0-9]+ cycles in|kmalloc .* after|[0-9]+ writes in)' "$log" | sed 's/^#/ /'
	printf '  %s: %d cycles, %d writes in %d s\n' "$k" "$cycles" "$writes" $((SECONDS - t))
	dir="$build/vm/$k-$name"
	kapi_sections "$log" "$dir"
	for part in cycles fuzz install; do
		case $part in
		cycles) group="vm $k load/unload cycles" ;;
		fuzz) group="vm $k debugfs fuzz" ;;
		install) group="vm $k install (DKMS-built kapi.ko)" ;;
		esac
		python3 "$here/results.py" ktap "$dir/$part.ktap" --group "$group" \
			--results "$results" --quiet
	done

	[ "$seconds" -gt 0 ] || continue
	# Two vCPUs on two host threads. The guest keeps the second CPU
	# offline but for the workload: kernel text is patched (kapi.ko's
	# hooks, tracepoints) with one CPU running, as QEMU 7.2's
	# multi-threaded TCG can run stale code after text patching (see
	# selftests/stress-ng.sh).
	t=$SECONDS
	KAPI_TCG_THREAD=multi kapi_vm_guest "$k" "$name-ng" "vm $k stress-ng" \
		--timeout $((400 + seconds * 4)) --smp 2 --mem 1024 \
		--script "$src/selftests/stress-ng.sh" --file "$here/guest/ktap.sh:/kapi/ktap.sh" \
		--append "KAPI_STRESS_SECONDS=$seconds" --module "$mod" \
		--bin "$(command -v stress-ng)" --file "$st/kapi_count" --file "$st/kapi_stress" \
		--file "$st/kapi_syscalls" --file "$st/kapi_runtime" --file "$st/kapi_filter"
	log="$build/vm/$k-$name-ng.output.log"
	grep -E '^# (counted|selftests): ' "$log" | sed 's/^#/ /'
	printf '  %s: stress-ng, 2 x %d s in %d s\n' "$k" "$seconds" $((SECONDS - t))
	dir="$build/vm/$k-$name-ng"
	kapi_sections "$log" "$dir"
	for part in counted selftests; do
		python3 "$here/results.py" ktap "$dir/$part.ktap" --group "vm $k stress-ng $part" \
			--results "$results" --quiet
	done
done

if [ $own_results -eq 1 ]; then
	p=$(grep -c '^PASS' "$results")
	f=$(grep -c '^FAIL' "$results")
	s=$(grep -c '^SKIP' "$results")
	[ "$f" -eq 0 ] || { echo "failed:"; grep '^FAIL' "$results" | cut -f2 | sed 's/^/  /'; }
	echo "stress ($((SECONDS - t_start)) s): $p passed, $f failed, $s skipped"
	[ "$f" -eq 0 ]
else
	[ "$(grep -c '^FAIL' "$results")" -eq "$failed_before" ]
fi

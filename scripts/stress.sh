#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The hardening tests in QEMU ('make stress'; 'make check' runs a short
# version): one boot per kernel running selftests/hardening.sh, which loads,
# switches and unloads kapi.ko CYCLES times while workers hammer the hooked
# system calls and a reader blocks in read(), then makes WRITES random
# writes (from SEED) and its fixed hostile writes to the runtime debugfs
# files, then, when given a DKMS-built kapi.ko, runs the install guide's
# checks on it. Each part of the guest's KTAP becomes a result group ("vm K
# load/unload cycles", "vm K debugfs fuzz", "vm K install"), and the guest's
# verdict a case of its own (a crash or an unclean console fails it).
#
#   stress.sh [--kernel K]... [--cycles N] [--writes N] [--seed S]
#             [--results FILE] [--name NAME] [--dkms-ko PATH] [--no-build]
#
# Defaults: the kernels of KAPI_KERNELS (6.1 6.12), 100 cycles, 100000
# writes, seed 20260301, results in build/stress/results, logs in
# build/vm/K-NAME.* (NAME: stress). --dkms-ko names the DKMS-built module,
# with %k standing for the kernel. Unless --no-build, kapi.ko and the
# selftest programs are built first. Prints "stress: N passed, N failed, N
# skipped" (without --results) and exits 1 if anything of this run failed.

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

build="${KAPI_BUILD:-$src/build}"
kernels= cycles=100 writes=100000 seed=20260301 results= name=stress dkms_ko= do_build=1
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernels="$kernels $2"; shift 2 ;;
	--cycles) cycles=$2; shift 2 ;;
	--writes) writes=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
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
	if [ ! -e "$mod" ] || [ ! -x "$st/kapi_fuzz" ] || [ ! -x "$st/kapi_stress" ]; then
		record FAIL "vm $k hardening (kapi.ko or the selftest programs were not built)"
		continue
	fi
	extra=()
	ko=${dkms_ko//%k/$k}
	[ -n "$ko" ] && [ -e "$ko" ] && extra=(--file "$ko:/kapi/dkms/kapi.ko")
	t=$SECONDS
	"$here/vm.sh" --kernel "$k" --name "$name" --stream none --timeout "$timeout" --smp 2 \
		--script "$src/selftests/hardening.sh" --file "$here/guest/ktap.sh:/kapi/ktap.sh" \
		--append "KAPI_CYCLES=$cycles KAPI_FUZZ_WRITES=$writes KAPI_FUZZ_SEED=$seed" \
		--module "$mod" --file "$src/selftests/unload.sh:/kapi/unload.sh" \
		--file "$src/VERSION:/kapi/VERSION" --file "$st/kapi_stress" --file "$st/kapi_fuzz" \
		"${extra[@]}" 2>"$build/vm/$k-$name.vm.log"
	rc=$?
	sed 's/^/  /' "$build/vm/$k-$name.vm.log"
	if [ $rc -eq 0 ]; then
		record PASS "vm $k hardening: guest finished, console clean"
	else
		record FAIL "vm $k hardening: guest verdict $rc (see $build/vm/$k-$name.console.log)"
	fi
	log="$build/vm/$k-$name.output.log"
	grep -E '^# ([0-9]+ cycles in|kmalloc .* after|[0-9]+ writes in)' "$log" | sed 's/^#/ /'
	printf '  %s: %d cycles, %d writes in %d s\n' "$k" "$cycles" "$writes" $((SECONDS - t))
	dir="$build/vm/$k-$name"
	rm -rf "$dir"
	mkdir -p "$dir"
	awk -v dir="$dir" '
		/^# kapi-section-begin / { f = dir "/" $3 ".ktap"; next }
		/^# kapi-section-end / { close(f); f = ""; next }
		f != "" { print > f }' "$log"
	for part in cycles fuzz install; do
		case $part in
		cycles) group="vm $k load/unload cycles" ;;
		fuzz) group="vm $k debugfs fuzz" ;;
		install) group="vm $k install (DKMS-built kapi.ko)" ;;
		esac
		python3 "$here/results.py" ktap "$dir/$part.ktap" --group "$group" \
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

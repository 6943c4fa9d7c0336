#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make itrace': where the instructions of a checked call go
# (Documentation/bench.rst, "Instruction traces"). Per kernel of
# KAPI_KERNELS, one TCG boot: kapi.ko loads in KAPI_ITRACE_MODE (default
# audit; KAPI_ITRACE_ARGS are more load parameters, e.g. specialised=0),
# then QEMU logs every instruction the guest executes while kapi_itrace
# makes one read(), write(), openat() and close(); bench/itrace.py prints,
# per call, the kernel's instructions and kapi's per function
# (build/itrace/itrace-K.txt). KAPI_ITRACE_DETAIL="read close" lists those
# calls instruction by instruction too. A few minutes per kernel.

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$src/scripts/lib.sh"

build="${KAPI_BUILD:-$src/build}"
kernels=${KAPI_KERNELS:-6.1 6.12}
out="$build/itrace"
mkdir -p "$out"
make -s -C "$here" O="$build/bench" "$build/bench/kapi_itrace" || exit 1
cat >"$out/run.sh" <<EOS
insmod /kapi/kapi.ko mode=${KAPI_ITRACE_MODE:-audit} ${KAPI_ITRACE_ARGS:-} || exit 1
# Warm up, then wait for the host to turn the trace on.
/kapi/bin/kapi_itrace || exit 1
echo "itrace: ready"
sleep 3
/kapi/bin/kapi_itrace || exit 1
echo "itrace: done"
sleep 2
grep -E ' [tT] ' /proc/kallsyms
EOS
rc=0
for k in $kernels; do
	"$src/scripts/build-module.sh" --kernel "$k" >"$out/module-$k.log" 2>&1 ||
		{ kapi_log "kapi.ko does not build for $k: $out/module-$k.log"; rc=1; continue; }
	sock="$out/monitor-$k"
	rm -f "$sock" "$sock.log" "$build/vm/$k-itrace.output.log"
	python3 "$here/itrace.py" monitor "$sock" "$build/vm/$k-itrace.output.log" &
	mon=$!
	"$src/scripts/vm.sh" --kernel "$k" --name itrace --stream none --timeout 1800 \
		--monitor "$sock" --script "$out/run.sh" --module "$build/kernel-$k/kapi.ko" \
		--file "$build/bench/kapi_itrace" || rc=1
	wait $mon || rc=1
	# shellcheck disable=SC2086
	python3 "$here/itrace.py" report "$build/vm/$k-itrace.output.log" "$sock.log" \
		${KAPI_ITRACE_DETAIL:-} | tee "$out/itrace-$k.txt" || rc=1
	rm -f "$sock.log"
done
exit $rc

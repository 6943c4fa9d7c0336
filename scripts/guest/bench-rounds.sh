# SPDX-License-Identifier: GPL-2.0
#
# Benchmark (guest side, busybox sh; run by bench/run.sh through
# scripts/vm.sh): kapi_bench in each configuration, in one boot. ROUNDS
# rounds of: kapi not loaded, loaded with mode=off, switched to audit and
# to enforce (taking turns at going first; the filter is left cleared, so
# every call is checked), unloaded again; then one run under strace -f
# tracing the same system calls. The configurations alternate within each
# round so that a slow drift of the host's speed affects them alike. Each
# run prints a "kapi-bench label=..." line; the host makes the table.

D=/sys/kernel/debug/kapi
ROUNDS=${KAPI_BENCH_ROUNDS:-5}
RUN="--runs 3 --ms 100"
rc=0

bench() {
	# shellcheck disable=SC2086
	kapi_bench --label "$1" $RUN || rc=1
}

# The first run after boot is slower (the boot's last work); discard it.
bench warmup
round=0
while [ $round -lt "$ROUNDS" ]; do
	round=$((round + 1))
	echo "# round $round"
	bench not_loaded
	if ! insmod /kapi/kapi.ko mode=off; then
		echo "# insmod kapi.ko mode=off failed"
		exit 1
	fi
	bench off
	# Audit and enforce take turns going first.
	if [ $((round % 2)) -eq 1 ]; then
		echo audit >$D/runtime/mode && bench audit || rc=1
		echo enforce >$D/runtime/mode && bench enforce || rc=1
	else
		echo enforce >$D/runtime/mode && bench enforce || rc=1
		echo audit >$D/runtime/mode && bench audit || rc=1
	fi
	# Evidence that the loaded runs were checked: the calls kapi counted.
	[ $round -gt 1 ] ||
		grep -E '^sys_(read|write|openat|close) calls=' $D/runtime/stats | sed 's/^/# /'
	rmmod kapi || rc=1
done
strace -f -e trace=read,write,openat,close -o /dev/null kapi_bench --label strace $RUN || rc=1
exit $rc

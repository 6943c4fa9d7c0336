# SPDX-License-Identifier: GPL-2.0
#
# Benchmark (guest side, busybox sh; run by bench/run.sh through
# scripts/vm.sh): kapi_bench in each configuration, in one boot. ROUNDS
# rounds of: kapi not loaded, loaded with mode=off, switched to audit and
# to enforce (taking turns at going first; the filter is left cleared, so
# every call is checked), in audit with the kapi:kapi_call tracepoint
# enabled (when kapi.ko has it), unloaded again, loaded in audit with the
# interpreter (specialised=0); then the eBPF equivalent
# of kapi's read() and write() checks (kapi_bpf, libbpf fentry/fexit), the
# same with empty programs (the trampolines alone), and the bpftrace
# version (when the guest has bpftrace). Then one run under strace -f
# tracing the same system calls. The configurations alternate within each
# round so that a slow drift of the host's speed affects them alike. Each
# run prints a "kapi-bench label=..." line; the host makes the table.
#
# Before the rounds, untimed: the eBPF program's counts of known calls and
# violations are checked (kapi_bpf --selftest, "kapi-bpf selftest: ok"),
# and bpftrace's of the same calls ("kapi-bpftrace selftest: ok").

D=/sys/kernel/debug/kapi
T=/sys/kernel/tracing
ROUNDS=${KAPI_BENCH_ROUNDS:-5}
RUN="--runs 3 --ms 100"
rc=0

bench() {
	# shellcheck disable=SC2086
	kapi_bench --label "$1" $RUN || rc=1
}

# bpftrace's map lines (@read_fd: 4) in kapi_bpf's form (sys_read ... fd=4 ...).
bt_counts() {
	awk '/^@(read|write)_[a-z_]+: [0-9]+$/ {
		split($1, a, "_"); call = substr(a[1], 2)
		rule = substr($1, length(a[1]) + 2); sub(/:$/, "", rule)
		v[call, rule] = $2
	}
	END {
		n = split("calls fd buf return_range return_count failed undocumented divergences", r, " ")
		for (c = 1; c <= 2; c++) {
			call = c == 1 ? "read" : "write"
			line = "sys_" call
			for (i = 1; i <= n; i++)
				line = line " " r[i] "=" ((call, r[i]) in v ? v[call, r[i]] : 0)
			print line
		}
	}'
}

# bpftrace -c COMMAND: the command line in one argument, the program by its
# path. Called through tool.
# shellcheck disable=SC2317
bt_run() {
	prog=$(command -v "$1")
	shift
	bpftrace /kapi/kapi_bpf.bt 0 -c "$prog $*"
}

# kapi_bench under a checker: tool LABEL COMMAND...; the checker's counts
# of the first round as comments.
tool() {
	label=$1
	shift
	# shellcheck disable=SC2086
	"$@" kapi_bench --label "$label" $RUN >/tmp/tool.out 2>&1 || rc=1
	grep -E '^(kapi-bench|#)' /tmp/tool.out
	[ "$round" -gt 1 ] && return
	grep '^kapi-bpf ' /tmp/tool.out | sed 's/^/# /'
	grep -q '^@' /tmp/tool.out && bt_counts </tmp/tool.out | sed 's/^/# bpftrace /'
}

ebpf=0
if [ -e /sys/kernel/btf/vmlinux ] && command -v kapi_bpf >/dev/null; then
	ebpf=1
else
	echo "# no /sys/kernel/btf/vmlinux or no kapi_bpf: no eBPF configurations"
fi
bt=0
if [ $ebpf = 1 ] && command -v bpftrace >/dev/null && [ -e /kapi/kapi_bpf.bt ]; then
	bt=1
fi
[ -d $T/events ] || mount -t tracefs nodev $T 2>/dev/null

# The first run after boot is slower (the boot's last work); discard it.
bench warmup

if [ $ebpf = 1 ]; then
	kapi_bpf --selftest || rc=1
fi
if [ $bt = 1 ]; then
	bpftrace /kapi/kapi_bpf.bt 1 -c "$(command -v kapi_bpf) --violations" >/tmp/bt.out 2>&1
	want=$(sed -n 's/^kapi-bpf expected //p' /tmp/bt.out)
	got=$(bt_counts </tmp/bt.out)
	echo "$got" | sed 's/^/# bpftrace counted /'
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		echo "kapi-bpftrace selftest: ok (the counts of known calls and violations)"
	else
		sed 's/^/# /' /tmp/bt.out
		echo "kapi-bpftrace selftest: FAILED"
		rc=1
	fi
fi

# "not loaded" means neither kapi.ko nor its resident, kapi_tramp.ko, which
# /init loaded and which keeps its slots for two seconds after kapi.ko
# goes (Documentation/runtime.rst, "Unloading"): it is removed once idle
# (and an eBPF program could not attach to a function it still hooks).
unload_resident() {
	n=0
	while grep -q '^kapi_tramp ' /proc/modules; do
		rmmod kapi_tramp 2>/dev/null && return 0
		n=$((n + 1))
		[ $n -lt 200 ] || { echo "# kapi_tramp.ko stays loaded: $(cat /sys/kernel/debug/kapi_tramp/stats)"; return 1; }
		sleep 0.1
	done
}
unload_resident || rc=1

round=0
while [ $round -lt "$ROUNDS" ]; do
	round=$((round + 1))
	echo "# round $round"
	bench not_loaded
	if ! insmod /kapi/kapi_tramp.ko || ! insmod /kapi/kapi.ko mode=off; then
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
	# Audit with the kapi:kapi_call tracepoint enabled, if kapi.ko has it.
	if [ -d $T/events/kapi/kapi_call ]; then
		echo audit >$D/runtime/mode &&
			echo 1 >$T/events/kapi/kapi_call/enable &&
			bench audit_tp || rc=1
		echo 0 >$T/events/kapi/kapi_call/enable
		echo >$T/trace
	fi
	# Evidence that the loaded runs were checked: the calls kapi counted.
	[ $round -gt 1 ] ||
		grep -E '^sys_(read|write|openat|close|pread64|readv) calls=' $D/runtime/stats | sed 's/^/# /'
	rmmod kapi || rc=1
	# kapi's own specs checked as another module's are: the interpreter
	# and the hooks' generic pre() and post().
	if insmod /kapi/kapi.ko mode=audit specialised=0; then
		bench audit_interp
		rmmod kapi || rc=1
	else
		echo "# insmod kapi.ko specialised=0 failed"
		rc=1
	fi
	# The same kapi.ko built without its tracepoints (KAPI_TRACEPOINTS=n):
	# against "audit", what the disabled tracepoints cost.
	if [ -e /kapi/notrace/kapi.ko ]; then
		if insmod /kapi/notrace/kapi.ko mode=audit; then
			bench audit_notp
			rmmod kapi || rc=1
		else
			echo "# insmod of the kapi.ko without tracepoints failed"
			rc=1
		fi
	fi
	unload_resident || rc=1
	if [ $ebpf = 1 ]; then
		tool ebpf kapi_bpf --
		tool ebpf_empty kapi_bpf --empty --
	fi
	if [ $bt = 1 ]; then
		tool bpftrace bt_run
	fi
done
strace -f -e trace=read,write,openat,close,pread64,readv -o /dev/null kapi_bench --label strace $RUN || rc=1
exit $rc

# SPDX-License-Identifier: GPL-2.0
#
# The stress run (guest side, busybox sh): stress-ng's file and I/O
# stressors against kapi.ko in audit mode, on two vCPUs, in two parts of
# KAPI_STRESS_SECONDS each (kernel command line; default 30):
#
#   counted    stress-ng and kapi_stress's hammer run as uid 65534 under
#              kapi_count, which counts their hooked calls twice over:
#              kapi's counters (filter uid=65534) and the raw_syscalls
#              tracepoints' histograms (every task but kapi_count). They
#              must agree call for call, for every hooked call; no
#              valid call may be reported (no return violation,
#              undocumented error or divergence); a parameter's violations
#              cannot outnumber the failed calls of its system call; the
#              hammer's violating calls must all be counted; the violation
#              ring must account for every report.
#   selftests  stress-ng runs again while kapi_syscalls, kapi_runtime and
#              kapi_filter run round after round in audit mode (each sets
#              its own filter, so stress-ng is checked between them); every
#              round must pass.
#
# Each part is a KTAP document between "# kapi-section-begin NAME" and
# "# kapi-section-end NAME" lines. Run by scripts/stress.sh and by the
# debug kernel's 'stress' part (scripts/debug.sh); "$0 worker" is the
# counted part's uid 65534 side.

. /kapi/ktap.sh
R=/sys/kernel/debug/kapi/runtime
W=/tmp/stress
secs=${KAPI_STRESS_SECONDS:-30}
PROGS="kapi_syscalls kapi_runtime kapi_filter"

# The stressors: regular files on tmpfs (bounded in size), directories,
# names and links, descriptors, pipes and FIFOs, character devices, /proc
# and /sys. One instance each; every one must run to its end. (Not fsize:
# on 6.1 its own SIGXFSZ interrupts its fallocate() and it gives up.)
stressors() {
	echo --temp-path $W --timeout "${secs}s" --metrics-brief \
		--hdd 1 --hdd-bytes 4M --iomix 1 --iomix-bytes 4M \
		--seek 1 --seek-size 4M --readahead 1 --readahead-bytes 4M \
		--revio 1 --revio-bytes 4M \
		--fallocate 1 --fallocate-bytes 4M --io 1 \
		--open 1 --dup 1 --fstat 1 --fcntl 1 --flock 1 --lockf 1 \
		--dentry 1 --dir 1 --getdent 1 --filename 1 --rename 1 \
		--link 1 --symlink 1 --touch 1 --utime 1 \
		--pipe 1 --fifo 1 --sendfile 1 --splice 1 --tee 1 \
		--null 1 --zero 1 --full 1 --procfs 1
}

if [ "${1:-}" = worker ]; then
	cd $W || exit 1
	/kapi/bin/kapi_stress hammer $W/stop >$W/hammer.out 2>&1 &
	hammer=$!
	# shellcheck disable=SC2046
	stress-ng $(stressors) >$W/stress-ng.out 2>&1
	echo $? >$W/stress-ng.rc
	touch $W/stop
	wait $hammer
	echo $? >$W/hammer.rc
	exit 0
fi

rc=0
# QEMU 7.2's multi-threaded TCG can run stale code after the kernel patches
# its text while another vCPU runs (seen as an int3 oops in scheduler code
# when tracepoints were switched on). So every CPU but CPU 0 goes offline
# first: kapi.ko is loaded and the tracepoints are switched with one CPU
# online, and the others come online only for the workload.
# cpus_online 0|1 - take every CPU but CPU 0 offline, or bring all online.
cpus_online() {
	for c in /sys/devices/system/cpu/cpu[1-9]*/online; do
		[ -e "$c" ] || continue
		[ "$(cat "$c")" = "$1" ] || echo "$1" >"$c" || return 1
	done
}
ncpus() { grep -c '^processor' /proc/cpuinfo; }
as_nobody() { su -s /bin/sh nobody -c "$*"; }
cpus_online 0

# stat_of SPEC FIELD - FIELD of SPEC's summary line in the saved stats.
stat_of() {
	v=$(grep "^$1 calls=" /tmp/stats | tr ' ' '\n' | sed -n "s/^$2=//p")
	echo "${v:-0}"
}
# param_of SPEC PARAM - the saved violations of SPEC's parameter PARAM.
param_of() { sed -n "s/^$1 param=$2 rule=[a-z_]* violations=\([0-9]*\)$/\1/p" /tmp/stats; }
# hist_of EVENT ID - the saved hit count of syscall ID in EVENT's histogram.
hist_of() {
	awk -v id="$2" '{ gsub(",", "") } $1 == "{" && $2 == "id:" && $3 == id {
			for (i = 4; i < NF; i++) if ($i == "hitcount:") n += $(i + 1)
		} END { print n + 0 }' /tmp/$1.hist
}
# specs: the hooked system calls and their x86_64 numbers (ktap.sh).
SPECS=$KAPI_SYSCALL_NRS

# --- counted ---------------------------------------------------------------
echo "# kapi-section-begin counted"
ktap_plan $((6 + $(echo $SPECS | wc -w)))
tracing=0 t=0 cpus=0
: >/tmp/stats
: >/tmp/violations
rm -rf $W && mkdir -p $W/count && chown 65534 $W || rc=1
# Attached while one CPU is online, this paused histogram keeps the syscall
# tracepoints on, so that kapi_count's histograms patch no text.
KEEP='hist:keys=common_pid:size=128:pause'
EV=/sys/kernel/debug/tracing/events/raw_syscalls
if insmod /kapi/kapi.ko mode=audit; then
	for e in sys_enter sys_exit; do
		[ -e $EV/$e/trigger ] && echo "$KEEP" >$EV/$e/trigger
	done
	cpus_online 1
	cpus=$(ncpus)
	t0=$(date +%s)
	# kapi_count runs the worker as uid 65534 from its execve() on and
	# leaves its own calls out of both counts (selftests/count.c).
	kapi_count $W/count 65534 sh $0 worker ||
		echo "# kapi_count: exit $?"
	t=$(($(date +%s) - t0))
	cpus_online 0
	for e in sys_enter sys_exit; do
		[ -e $EV/$e/trigger ] && echo "!$KEEP" >$EV/$e/trigger
	done
	for f in stats violations sys_enter.hist sys_exit.hist; do
		[ -e $W/count/$f ] && cp $W/count/$f /tmp/$f
	done
	[ -e /tmp/sys_enter.hist ] && tracing=1
else
	echo "# insmod kapi.ko mode=audit failed"
fi

# stress_ng_ok OUT RC CPUS - stress-ng ran on two CPUs or more and every
# stressor ran to its end.
stress_ng_ok() {
	[ "$3" -ge 2 ] || { echo "only $3 CPU online"; return 1; }
	grep -E '^stress-ng: (fail|warn|error)' "$1"
	[ "$(cat "$2" 2>/dev/null)" = 0 ] && grep -q 'successful run completed' "$1" ||
		{ tail -n 20 "$1"; return 1; }
}
hammer_ok() {
	cat $W/hammer.out
	[ "$(cat $W/hammer.rc 2>/dev/null)" = 0 ] && [ "$(hammer_rounds)" -gt 0 ]
}
hammer_rounds() { sed -n 's/^hammer [0-9]*: \([0-9]*\) rounds$/\1/p' $W/hammer.out; }
ktap_check "stress-ng ran every stressor to its end, uid 65534, ${secs} s, $cpus CPUs" stress_ng_ok $W/stress-ng.out $W/stress-ng.rc $cpus
ktap_check "kapi_stress's hammer: every call behaved, valid or violating" hammer_ok

calls_match() {
	k=$(stat_of "$1" calls) n=$(hist_of sys_enter "$2")
	echo "$1: kapi counted $k calls, the tracepoint $n"
	[ -n "$k" ] && [ "$k" -gt 0 ] && [ "$k" -eq "$n" ]
}
for s in $SPECS; do
	if [ $tracing -eq 1 ]; then
		ktap_check "${s%:*}: kapi counted every call the syscall tracepoint counted" calls_match ${s%:*} ${s#*:}
	else
		ktap_skip "${s%:*}: kapi counted every call the syscall tracepoint counted" \
			"no syscall tracepoints or histogram triggers in this kernel"
	fi
done

no_false_positives() {
	bad=0
	for s in $SPECS; do
		for f in return_violations undocumented divergences enforced; do
			v=$(stat_of ${s%:*} $f)
			[ "$v" = 0 ] || { echo "${s%:*} $f=$v"; bad=1; }
		done
	done
	# The errno lines that count undocumented errors (every failed call
	# has a line, most of them with undocumented=0).
	grep ' errno=' /tmp/stats | grep -v ' undocumented=0$'
	grep -E 'rule=(return|undocumented|divergence)' /tmp/violations | head -n 20
	[ $bad -eq 0 ]
}
ktap_check "no valid call reported: no return violation, undocumented error or divergence" no_false_positives

# Each call violates a parameter at most once, so a parameter's violations
# cannot exceed the failed calls of its system call.
violations_failed() {
	bad=0
	for s in $SPECS; do
		f=$(hist_of sys_exit ${s#*:})
		for p in $(sed -n "s/^${s%:*} param=\([a-z_]*\) .*/\1/p" /tmp/stats); do
			v=$(param_of ${s%:*} "$p")
			echo "${s%:*} $p: $v violations, $f failed calls"
			[ "$v" -le "$f" ] || bad=1
		done
	done
	[ $bad -eq 0 ]
}
if [ $tracing -eq 1 ]; then
	ktap_check "every parameter violation was a call the kernel failed" violations_failed
else
	ktap_skip "every parameter violation was a call the kernel failed" \
		"no syscall tracepoints or histogram triggers in this kernel"
fi

# The hammer's four violating calls of a round: close(1 << 30), read(-1),
# open(NULL), read() of SIZE_MAX bytes.
hammer_counted() {
	r=$(hammer_rounds)
	echo "hammer: $r rounds; close fd $(param_of sys_close fd), read fd $(param_of sys_read fd), open filename $(param_of sys_open filename), read buf $(param_of sys_read buf)"
	[ -n "$r" ] && [ "$(param_of sys_close fd)" -ge "$r" ] && [ "$(param_of sys_read fd)" -ge "$r" ] &&
		[ "$(param_of sys_open filename)" -ge "$r" ] && [ "$(param_of sys_read buf)" -ge "$r" ]
}
ktap_check "every violating call of the hammer was counted" hammer_counted

ring_accounts() {
	total=0
	for s in $SPECS; do
		for f in violations return_violations undocumented divergences; do
			total=$((total + $(stat_of ${s%:*} $f)))
		done
	done
	kept=$(sed -n 's/^# capacity=[0-9]* records=\([0-9]*\) dropped=[0-9]*$/\1/p' /tmp/violations)
	lost=$(sed -n 's/^# capacity=[0-9]* records=[0-9]* dropped=\([0-9]*\)$/\1/p' /tmp/violations)
	echo "$total reports: $kept records kept, $lost dropped"
	[ -n "$kept" ] && [ $((kept + lost)) -eq "$total" ]
}
ktap_check "the violation ring accounts for every report" ring_accounts

calls=0
for s in $SPECS; do
	calls=$((calls + $(stat_of ${s%:*} calls)))
	echo "# $(grep "^${s%:*} calls=" /tmp/stats)"
done
if [ $tracing -eq 1 ]; then
	for s in $SPECS; do
		echo "# exact ${s%:*}: kapi $(stat_of ${s%:*} calls), tracepoint $(hist_of sys_enter ${s#*:})"
	done
fi
echo "# records by task, call and rule:"
sed -n 's/^seq=.* comm=\([^ ]*\) syscall=\([^ ]*\) .* rule=\([^ ]*\) .*/\1 \2 \3/p' /tmp/violations |
	sort | uniq -c | sort -rn | head -n 20 | sed 's/^ */#   /'
echo "# counted: $calls calls checked ($t s)"
[ "$KTAP_FAILED" -eq 0 ] || rc=1
echo "# kapi-section-end counted"

# --- selftests -------------------------------------------------------------
# stress-ng again, checked by kapi whenever the selftests' own filter is not
# set, while the selftest programs run round after round in audit mode.
echo "# kapi-section-begin selftests"
KTAP_N=0
KTAP_FAILED=0
ktap_plan 4
rm -f $W/load.rc
cpus_online 1
cpus=$(ncpus)
as_nobody "cd $W && stress-ng $(stressors) >$W/load.out 2>&1; echo \$? >$W/load.rc" &
load=$!
rounds=0 failed=
while [ -z "$failed" ] && { [ $rounds -eq 0 ] || kill -0 $load 2>/dev/null; }; do
	for p in $PROGS; do
		# kapi_runtime switches kapi off and on, which patches text.
		[ $p = kapi_runtime ] && cpus_online 0
		if ! /kapi/bin/$p --mode audit >/tmp/$p.out 2>&1; then
			failed="$failed $p"
			cp /tmp/$p.out /tmp/$p.failed
		fi
		cpus_online 1
	done
	rounds=$((rounds + 1))
done
wait $load
cpus_online 0
selftests_passed() {
	echo "$rounds rounds"
	[ -d $R ] || { echo "kapi.ko is not loaded"; return 1; }
	for p in $failed; do
		echo "$p failed:"
		grep -B 5 '^not ok' /tmp/$p.failed | head -n 60
	done
	[ -z "$failed" ]
}
ktap_check "stress-ng ran every stressor to its end, uid 65534, ${secs} s, $cpus CPUs" stress_ng_ok $W/load.out $W/load.rc $cpus
ktap_check "kapi_syscalls, kapi_runtime and kapi_filter passed round after round under it" selftests_passed
# kapi_runtime switches modes and must put back the one it found.
still_audit() {
	echo "mode $(cat $R/mode)"
	[ "$(cat $R/mode)" = audit ]
}
ktap_check "kapi is in audit mode after the rounds" still_audit
ktap_check "rmmod kapi" rmmod kapi
[ "$rounds" -eq 1 ] && w=round || w=rounds
echo "# selftests: $rounds $w under stress-ng ($secs s)"
[ "$KTAP_FAILED" -eq 0 ] || rc=1
echo "# kapi-section-end selftests"
exit $rc

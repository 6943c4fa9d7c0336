# SPDX-License-Identifier: GPL-2.0
#
# kapi's trace events consumed by real tools (guest side, busybox sh;
# Documentation/tracing.rst). kapi_trace (selftests/trace.c) makes BAD
# read(-1) calls, each a violation of sys_read's descriptor rule that fails
# with EBADF, then GOOD valid reads; tracefs (trace_pipe), perf record/
# script, bpftrace and trace-cmd start/extract/report must each see exactly
# those kapi:kapi_violation events and the kapi:kapi_call events of those
# reads,
# in order, with the right fields, and the violations' sequence numbers must
# be those of kapi's own violation ring. A disabled event records nothing;
# an enabled event filter and enforce mode show in the events; perf and
# bpftrace pin kapi.ko while attached (rmmod fails with EAGAIN, the
# kernel's EWOULDBLOCK for a module in use) and not after they exit; an
# event enabled through tracefs does not pin it; the events directory goes
# away with the module and comes back with it. Prints KTAP; run by 'make
# check' through scripts/vm.sh, with perf, bpftrace and trace-cmd copied
# from the host (--bin).

. /kapi/ktap.sh
T=/sys/kernel/tracing
E=$T/events/kapi
R=/sys/kernel/debug/kapi/runtime
PROG=/kapi/bin/kapi_trace
BAD=3
GOOD=2
# No pager, whatever the tools think of the terminal.
export PAGER=cat

grep -q " $T tracefs " /proc/mounts || mount -t tracefs tracefs $T

# expect MODE ENFORCED P - the normalized events of "kapi_trace $BAD
# $GOOD" run as pid P with kapi in MODE (enforced: 1 if the bad calls are
# refused), in order: each bad read makes a violation, then its call ends.
expect() {
	i=0
	while [ $i -lt $BAD ]; do
		echo "V spec=sys_read rule=param:fd:fd expected=fd_open actual=4294967295 object=- pid=$3 tgid=$3 uid=0 comm=kapi_trace mode=$1"
		echo "C spec=sys_read mode=$1 ret=-9 enforced=$2 records=1 object=unknown"
		i=$((i + 1))
	done
	i=0
	while [ $i -lt $GOOD ]; do
		echo "C spec=sys_read mode=$1 ret=1 enforced=0 records=0 object=unknown"
		i=$((i + 1))
	done
}

# normalize P - from the text of perf script, trace-cmd report or tracefs
# (the events' own print format after "kapi_violation: " or
# "kapi_call: "), the violations of pid P without their sequence number
# and arguments, and its calls of sys_read. Other tasks' calls are
# dropped: their lines do not name P.
normalize() {
	sed -n -e "s/.*kapi_violation: *seq=[0-9]* \(spec=.* pid=$1 .* mode=[a-z]*\) args=.*/V \1/p" \
		-e "/kapi_trace[- ]*$1 /s/.*kapi_call: *\(spec=sys_read .*\)/C \1/p"
}

# pid_of FILE - the pid kapi_trace printed into FILE.
pid_of() {
	sed -n 's/^pid=\([0-9]*\) bad=.*/\1/p' "$1"
}

# same_events NAME FILE P MODE ENFORCED - FILE, normalized, is what
# expect says; shows both otherwise.
same_events() {
	[ -n "$3" ] || { echo "$1: kapi_trace printed no pid"; return 1; }
	expect "$4" "$5" "$3" >/tmp/$1.expected
	normalize "$3" <"$2" >/tmp/$1.seen
	cmp -s /tmp/$1.expected /tmp/$1.seen && return 0
	echo "$1 expected:"; cat /tmp/$1.expected
	echo "$1 saw:"; cat /tmp/$1.seen
	echo "$1 raw:"; head -n 40 "$2"
	return 1
}

# ring_seqs P - the sequence numbers of pid P's records in kapi's ring.
ring_seqs() {
	sed -n "s/^seq=\([0-9]*\) .* pid=$1 .*/\1/p" $R/violations | tr '\n' ' '
}
# event_seqs FILE P - the sequence numbers of pid P's kapi_violation events.
event_seqs() {
	sed -n "s/.*kapi_violation: *seq=\([0-9]*\) .* pid=$2 .*/\1/p" "$1" | tr '\n' ' '
}

# wait_for TRIES CMD... - run CMD every 0.2 s until it succeeds, at most
# TRIES times.
wait_for() {
	n=$1
	shift
	while ! "$@"; do
		n=$((n - 1))
		[ $n -gt 0 ] || return 1
		sleep 0.2
	done
}
# refcnt - set RC to kapi.ko's reference count, read by the shell itself:
# a call that kapi checks may hold a reference while it runs, and so does
# the read of this very file, or the shell's read of a $(...) pipe; BASE
# is RC with nothing attached, read the same way.
refcnt() {
	read -r RC </sys/module/kapi/refcnt
}
pinned() {
	refcnt && [ "$RC" -gt "$BASE" ]
}
unpinned() {
	refcnt && [ "$RC" -eq "$BASE" ]
}
# pinned_stably - pinned at five reads in a row, 0.2 s apart: not a call
# of the tool's that kapi was checking at one read.
pinned_stably() {
	k=0
	while [ $k -lt 5 ]; do
		pinned || return 1
		k=$((k + 1))
		sleep 0.2
	done
}
count_lines() {
	[ "$(grep -c "$2" "$1")" -ge "$3" ]
}

# --- tracefs ---------------------------------------------------------------

events_present() {
	for e in kapi_violation kapi_call; do
		for f in enable filter format id trigger; do
			[ -e $E/$e/$f ] || { echo "no $E/$e/$f"; return 1; }
		done
		[ "$(cat $E/$e/enable)" = 0 ] || { echo "$e is enabled at load"; return 1; }
	done
	grep -qx 'kapi:kapi_violation' $T/available_events &&
		grep -qx 'kapi:kapi_call' $T/available_events
}

# fields EVENT - the names of EVENT's own fields, from its format file.
fields() {
	sed -n 's/^\tfield:.* \([a-z_]*\)\(\[[0-9]*\]\)\{0,1\};\toffset:.*/\1\2/p' $E/$1/format |
		grep -v '^common_' | tr '\n' ' '
}
format_fields() {
	v="seq pid tgid uid mode nargs has_object obj_type obj_impl comm[16] spec[48] rule[80] expected[96] actual[48] object[32] args[6] "
	c="ret mode enforced records obj_type obj_impl spec[48] object[32] "
	[ "$(fields kapi_violation)" = "$v" ] && [ "$(fields kapi_call)" = "$c" ] && return 0
	cat $E/kapi_violation/format $E/kapi_call/format
	return 1
}

# filter TEXT - set both events' filters to TEXT ("0" clears them).
filter() {
	echo "$1" >$E/kapi_violation/filter && echo "$1" >$E/kapi_call/filter
}

# tracefs_pipe - both events through trace_pipe, for kapi_trace alone:
# every other task's calls (cat's writes of what it reads from the pipe
# among them) would be events too.
tracefs_pipe() {
	echo >$T/trace
	filter 'comm == "kapi_trace"' || return 1
	echo 1 >$E/enable || return 1
	cat $T/trace_pipe >/tmp/pipe.out &
	cat_pid=$!
	$PROG $BAD $GOOD >/tmp/pipe.prog || { cat /tmp/pipe.prog; return 1; }
	p=$(pid_of /tmp/pipe.prog)
	wait_for 50 count_lines /tmp/pipe.out "kapi_trace-$p .* kapi_call: spec=sys_write" 1
	echo 0 >$E/enable
	filter 0
	kill $cat_pid
	wait $cat_pid 2>/dev/null
	same_events tracefs /tmp/pipe.out "$p" audit 0 || return 1
	# The same records as the ring, by sequence number.
	[ "$(event_seqs /tmp/pipe.out "$p")" = "$(ring_seqs "$p")" ] || {
		echo "events: $(event_seqs /tmp/pipe.out "$p"); ring: $(ring_seqs "$p")"
		return 1
	}
	# The arguments as the kernel prints them: fd -1 as an unsigned int.
	[ "$(grep -c "kapi_violation: .* pid=$p .* args={0xffffffff,0x[0-9a-f]*,0x1}$" /tmp/pipe.out)" -eq $BAD ] || {
		grep "pid=$p" /tmp/pipe.out
		return 1
	}
}

# tracefs_disabled - with the events off, the violations still go to the
# ring but nothing reaches the trace buffer.
tracefs_disabled() {
	echo >$T/trace
	[ "$(cat $E/kapi_violation/enable)$(cat $E/kapi_call/enable)" = 00 ] || return 1
	$PROG $BAD $GOOD >/tmp/off.prog || { cat /tmp/off.prog; return 1; }
	p=$(pid_of /tmp/off.prog)
	n=$(ring_seqs "$p" | wc -w)
	[ "$n" -eq $BAD ] || { echo "the ring has $n records of pid $p, not $BAD"; return 1; }
	if grep -q 'kapi_' $T/trace; then
		cat $T/trace
		return 1
	fi
}

# tracefs_enforce_filter - enforce mode, kapi_call alone with a filter on
# its enforced field: exactly the refused reads.
tracefs_enforce_filter() {
	echo enforce >$R/mode || return 1
	echo >$T/trace
	echo 'enforced == 1' >$E/kapi_call/filter || return 1
	echo 1 >$E/kapi_call/enable
	$PROG $BAD $GOOD >/tmp/enf.prog
	r=$?
	echo 0 >$E/kapi_call/enable
	echo 0 >$E/kapi_call/filter
	echo audit >$R/mode
	[ $r -eq 0 ] || { cat /tmp/enf.prog; return 1; }
	p=$(pid_of /tmp/enf.prog)
	grep 'kapi_' $T/trace >/tmp/enf.out
	n=$(grep -c "kapi_trace-$p .* kapi_call: spec=sys_read mode=enforce ret=-9 enforced=1 records=1 object=unknown$" /tmp/enf.out)
	[ "$n" -eq $BAD ] && [ "$(wc -l </tmp/enf.out)" -eq $BAD ] && return 0
	cat /tmp/enf.out
	return 1
}

# --- the tools -------------------------------------------------------------

perf_events() {
	perf record -e kapi:kapi_violation -e kapi:kapi_call -o /tmp/perf.data -- \
		$PROG $BAD $GOOD >/tmp/perf.prog 2>&1 || { cat /tmp/perf.prog; return 1; }
	perf --no-pager script -i /tmp/perf.data -F comm,pid,event,trace >/tmp/perf.out 2>/tmp/perf.err ||
		{ cat /tmp/perf.err; return 1; }
	p=$(pid_of /tmp/perf.prog)
	same_events perf /tmp/perf.out "$p" audit 0 &&
		[ "$(event_seqs /tmp/perf.out "$p")" = "$(ring_seqs "$p")" ]
}

# The probes print the events as the others print them, less the fields
# expected, object and comm of a violation, and the mode as a number
# (turned into its name below): bpftrace copies every string it prints to
# the BPF stack, which has 512 bytes.
BT_PROG='
tracepoint:kapi:kapi_violation /comm == "kapi_trace"/ {
	printf("V spec=%s rule=%s ", args->spec, args->rule);
	printf("actual=%s pid=%d tgid=%d uid=%d mode=%d\n", args->actual, args->pid, args->tgid,
	       args->uid, args->mode);
}
tracepoint:kapi:kapi_call /comm == "kapi_trace"/ {
	printf("C spec=%s mode=%d ret=%d enforced=%d ", args->spec, args->mode, args->ret,
	       args->enforced);
	printf("records=%d object=%s\n", args->records, args->object);
}'

bpftrace_events() {
	bpftrace -e "$BT_PROG" -c "$PROG $BAD $GOOD" >/tmp/bt.raw 2>&1 || { cat /tmp/bt.raw; return 1; }
	p=$(pid_of /tmp/bt.raw)
	[ -n "$p" ] || { cat /tmp/bt.raw; return 1; }
	expect audit 0 "$p" | sed -e 's/ expected=[^ ]*//' -e 's/ object=-//' \
		-e 's/ comm=[^ ]*//' >/tmp/bt.expected
	sed -n -e 's/ mode=1\( \|$\)/ mode=audit\1/' -e '/^[VC] spec=sys_read /p' /tmp/bt.raw >/tmp/bt.seen
	cmp -s /tmp/bt.expected /tmp/bt.seen && return 0
	echo "expected:"; cat /tmp/bt.expected
	echo "bpftrace:"; cat /tmp/bt.raw
	return 1
}

# trace-cmd start/stop/extract rather than record: "trace-cmd record -F
# kapi_trace" once came back with no event at all on 6.1 (its recorder
# processes flush when the short command has ended), where the kernel's
# buffer, extracted after stop, always has them.
trace_cmd_events() {
	trace-cmd start -e 'kapi:*' >/tmp/tc.start 2>&1 || { cat /tmp/tc.start; return 1; }
	$PROG $BAD $GOOD >/tmp/tc.prog
	r=$?
	trace-cmd stop >/tmp/tc.stop 2>&1 || r=1
	trace-cmd extract -o /tmp/trace.dat >/tmp/tc.extract 2>&1 || r=1
	trace-cmd reset >/dev/null 2>&1
	echo 1 >$T/tracing_on
	[ $r -eq 0 ] || { cat /tmp/tc.start /tmp/tc.prog /tmp/tc.stop /tmp/tc.extract; return 1; }
	trace-cmd report -i /tmp/trace.dat >/tmp/tc.out 2>/tmp/tc.err || { cat /tmp/tc.err; return 1; }
	p=$(pid_of /tmp/tc.prog)
	same_events trace-cmd /tmp/tc.out "$p" audit 0 &&
		[ "$(event_seqs /tmp/tc.out "$p")" = "$(ring_seqs "$p")" ]
}

# --- unloading -------------------------------------------------------------

# rmmod_busy - rmmod kapi fails, because the module is in use, and kapi
# stays.
rmmod_busy() {
	if rmmod kapi >/tmp/rmmod.out 2>&1; then
		echo "rmmod kapi succeeded"
		return 1
	fi
	cat /tmp/rmmod.out
	grep -q 'Resource temporarily unavailable' /tmp/rmmod.out && [ -d /sys/module/kapi ]
}

# stop PID - SIGINT, as a user ends a tracing session, unless PID has
# ended already; wait for the exit (perf record ends by its signal: the
# status is not checked), killing PID if it has not exited after 30 s.
# (bpftrace, started in the background here, was seen to stay on SIGINT,
# and on an exit() of its program, on 6.12: its session ends with the
# command it runs instead, as in bpftrace_events.)
stop() {
	kill -INT "$1"
	(sleep 30; kill -KILL "$1" 2>/dev/null) &
	wd=$!
	wait "$1"
	st=$?
	kill $wd 2>/dev/null
	wait $wd 2>/dev/null
	[ $st -ne 137 ] || { echo "pid $1 did not end on SIGINT"; return 1; }
}

# pinned_by NAME CMD... - CMD, started in the background, pins kapi.ko while
# it is attached: rmmod fails; once it is stopped, the pin is gone.
pinned_by() {
	name=$1
	shift
	refcnt
	BASE=$RC
	rm -f /tmp/stop
	"$@" >/tmp/$name.pin 2>&1 &
	pid=$!
	r=0
	wait_for 300 pinned_stably || { echo "$name never took a reference"; r=1; }
	[ $r -ne 0 ] || echo "refcnt $RC while $name is attached, $BASE before"
	[ $r -ne 0 ] || rmmod_busy || r=1
	# The end of the command bpftrace runs ends its session.
	touch /tmp/stop
	stop $pid || r=1
	cat /tmp/$name.pin
	wait_for 50 unpinned || { echo "refcnt $RC after $name, $BASE before"; r=1; }
	return $r
}

# tracefs_no_pin - an event enabled through tracefs takes no reference:
# rmmod succeeds and the events go with the module.
tracefs_no_pin() {
	refcnt
	BASE=$RC
	echo 1 >$E/enable || return 1
	unpinned || { echo "refcnt $RC with the events enabled, $BASE before"; return 1; }
	rmmod kapi || return 1
	[ ! -e $E ] || { echo "$E is still there"; return 1; }
	! grep -q '^kapi:' $T/available_events
}

reload() {
	insmod /kapi/kapi.ko || return 1
	events_present || return 1
	# The events are not enabled again.
	[ "$(cat $E/enable)" = 0 ] || return 1
	rmmod kapi && [ ! -e $E ]
}

# with TOOL DESCRIPTION CMD... - a case of TOOL, skipped if the guest has
# no TOOL ('make check' copies all three from the host).
with() {
	tool=$1
	shift
	if command -v "$tool" >/dev/null; then
		ktap_check "$@"
	else
		ktap_skip "$1" "$tool is not in the guest (vm.sh --bin $tool)"
	fi
}

# What bpftrace runs while it pins kapi.ko: until pinned_by says stop.
echo 'until [ -e /tmp/stop ]; do sleep 0.2; done' >/tmp/wait-stop.sh

ktap_plan 13
if ! ktap_check "insmod kapi.ko" insmod /kapi/kapi.ko; then
	ktap_finish
fi
ktap_check "events/kapi has kapi_violation and kapi_call, disabled" events_present
ktap_check "the format files list the documented fields" format_fields
ktap_check "tracefs trace_pipe: the violations and calls of kapi_trace, as the ring has them" tracefs_pipe
ktap_check "events disabled: the ring has the records, the trace buffer nothing" tracefs_disabled
ktap_check "enforce mode and an event filter: exactly the refused calls" tracefs_enforce_filter
with perf "perf record -e kapi:* / perf script sees the events of kapi_trace" perf_events
with bpftrace "bpftrace tracepoint:kapi:* sees the events of kapi_trace" bpftrace_events
with trace-cmd "trace-cmd start -e 'kapi:*' / extract / report sees the events of kapi_trace" \
	trace_cmd_events
with perf "perf record -a attached: rmmod kapi fails (EAGAIN); the pin goes with perf" \
	pinned_by perf perf record -a -e kapi:kapi_violation -o /tmp/pin.data
with bpftrace "bpftrace attached: rmmod kapi fails (EAGAIN); the pin goes with bpftrace" \
	pinned_by bpftrace bpftrace -e 'tracepoint:kapi:kapi_call { @calls = count(); }' \
	-c "/bin/sh /tmp/wait-stop.sh"
ktap_check "tracefs enable does not pin: rmmod kapi succeeds, events/kapi goes" tracefs_no_pin
ktap_check "insmod again: the events are back, disabled; rmmod" reload
ktap_finish

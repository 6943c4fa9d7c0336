# SPDX-License-Identifier: GPL-2.0
#
# VM test of kapi.ko's generic netlink family and its client (guest side,
# busybox sh): kapi_netlink speaks the family on a raw socket (every
# operation, strict policies, permissions as uid 65534, events, overflow,
# a bounded fuzz) as a KTAP subtest; then kapi-dump: --netlink gives
# --debugfs's output byte for byte for every spec in every format, also
# for a module's specs and with debugfs unmounted; stats, mode, filter and log
# show and change what runtime/ shows; "monitor" receives exactly the
# violations a selftest run produced (as many as runtime/stats counts, the
# same lines as runtime/violations) and reports the events it lost while
# stopped; uid 65534 is refused the changes and the events with a message;
# without kapi.ko every command says so. The JSON of "kapi-dump --netlink
# --json" is printed between "# kapi-json-begin NAME" and "# kapi-json-end
# NAME" lines for the host (scripts/check.sh) to check against the schema
# and against "kapi-dump --elf kapi.ko --json". Prints KTAP; run by 'make
# check' through scripts/vm.sh with kapi-dump, kapi_netlink, kapi_syscalls,
# kapi.ko and kapi_sample.ko.

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
R=$D/runtime
K=/kapi/bin/kapi-dump
N=/kapi/bin/kapi_netlink
SYSCALLS="sys_read sys_write sys_open sys_close sys_openat sys_dup sys_dup2 sys_dup3 sys_close_range sys_creat sys_readv sys_writev sys_preadv sys_pwritev sys_preadv2 sys_pwritev2"
SAMPLE="kapi_sample_ioc_set kapi_sample_ioc_get kapi_sample_ioc_config"
# FUSE for kapi_syscalls' undocumented errors (as in runtime.sh).
for m in /kapi/kmod/*.ko; do
	[ -e "$m" ] && { insmod "$m" || echo "# insmod $m failed"; }
done
[ -c /dev/fuse ] || mknod /dev/fuse c 10 229

# --netlink and --debugfs give the same bytes: the list, and every spec
# in every format.
same_as_debugfs() {
	for f in json plain rst syzlang; do
		"$K" --netlink -f $f >/tmp/n.out && "$K" --debugfs -f $f >/tmp/d.out &&
			cmp /tmp/n.out /tmp/d.out || { echo "list, $f differs"; return 1; }
	done
	for n; do
		for f in json plain rst syzlang; do
			"$K" --netlink -f $f $n >/tmp/n.out && "$K" -f $f $n >/tmp/d.out &&
				cmp /tmp/n.out /tmp/d.out || { echo "$n, $f differs"; return 1; }
		done
		"$K" --netlink --json --pretty $n | cmp - $D/specs-json/$n ||
			{ echo "$n: --netlink --pretty is not specs-json/$n"; return 1; }
	done
}
without_debugfs() {
	"$K" --netlink --json >/tmp/with.json || return 1
	umount /sys/kernel/debug || return 1
	"$K" --netlink --json >/tmp/without.json
	r=$?
	"$K" --netlink --json sys_read >/dev/null || r=1
	mount -t debugfs debugfs /sys/kernel/debug || return 1
	[ $r -eq 0 ] && cmp /tmp/with.json /tmp/without.json
}
print_json() {
	echo "# kapi-json-begin list"
	"$K" --netlink --json | sed 's/^/# /'
	echo "# kapi-json-end list"
	for n; do
		echo "# kapi-json-begin $n"
		"$K" --netlink --json $n | sed 's/^/# /'
		echo "# kapi-json-end $n"
	done
}

# While a filter admits no process, the counters stand still.
freeze() { "$K" filter comm=kapi_nobody_x; }
stats_is_debugfs() {
	freeze || return 1
	"$K" stats >/tmp/stats.nl && cat $R/stats >/tmp/stats.d || return 1
	grep -v '^#' /tmp/stats.nl | cmp - /tmp/stats.d || return 1
	grep -q '^# mode=audit ring=[0-9]*/256 dropped=[0-9]* seq=[0-9]* events: sent=[0-9]* lost=[0-9]* failed=[0-9]*$' /tmp/stats.nl ||
		{ tail -n 1 /tmp/stats.nl; return 1; }
	"$K" stats sys_read >/tmp/stats.nl && grep '^sys_read ' $R/stats | cmp - /tmp/stats.nl
}
stats_json() {
	"$K" stats -j >/tmp/stats.json || return 1
	grep -q '^{"stats":\[{"name":"sys_[a-z0-9_]*","calls":[0-9]*,.*\],"status":{"mode":"audit",.*}}$' /tmp/stats.json &&
		grep -q '{"name":"sys_read","calls":[0-9]*,' /tmp/stats.json ||
		{ cat /tmp/stats.json; return 1; }
}
stats_unknown() {
	"$K" stats sys_nope >/tmp/out 2>/tmp/err
	[ $? -eq 2 ] && [ ! -s /tmp/out ] && grep -q 'no hooked spec of that name' /tmp/err ||
		{ cat /tmp/err; return 1; }
}
stats_reset() {
	"$K" filter comm=kapi_netlink || return 1
	"$N" violate 3
	grep -q '^sys_read param=fd rule=fd violations=3$' $R/stats || { cat $R/stats; return 1; }
	"$K" stats --reset || return 1
	grep -q '^sys_read param=fd rule=fd violations=0$' $R/stats || { cat $R/stats; return 1; }
	"$K" filter clear
}
modes() {
	for m in enforce off audit; do
		"$K" mode $m && [ "$(cat $R/mode)" = $m ] && [ "$("$K" mode)" = $m ] &&
			[ "$("$K" mode -j)" = "{\"mode\":\"$m\"}" ] || { echo "mode $m"; return 1; }
	done
}
# The kernel log switch: off at load, on and off again; runtime/log agrees.
logs() {
	[ "$("$K" log)" = off ] && [ "$("$K" log -j)" = '{"log":"off"}' ] || return 1
	for l in on off; do
		"$K" log $l && [ "$(cat $R/log)" = $l ] && [ "$("$K" log)" = $l ] ||
			{ echo "log $l"; return 1; }
	done
}
filters() {
	"$K" filter pid=42 uid=0 comm=foo || return 1
	[ "$(cat $R/filter)" = "pid=42 tgid=- uid=0 comm=foo" ] || { cat $R/filter; return 1; }
	[ "$("$K" filter)" = "pid=42 tgid=- uid=0 comm=foo" ] || return 1
	[ "$("$K" filter -j)" = '{"filter":{"pid":42,"tgid":null,"uid":0,"comm":"foo"}}' ] || return 1
	"$K" filter tgid=7 && [ "$(cat $R/filter)" = "pid=- tgid=7 uid=- comm=-" ] || return 1
	"$K" filter clear && [ "$(cat $R/filter)" = "pid=- tgid=- uid=- comm=-" ] || return 1
	"$K" filter pid=0 2>/tmp/err
	[ $? -eq 2 ] && grep -q "pid='0'" /tmp/err
}

# start_monitor OUT [ARGS] - kapi-dump monitor in the background, once it
# listens; its pid in MON.
start_monitor() {
	out=$1
	shift
	"$K" monitor "$@" >"$out" 2>"$out.err" &
	MON=$!
	i=0
	while ! grep -q 'waiting for violations' "$out.err"; do
		i=$((i + 1))
		[ $i -lt 100 ] || { cat "$out.err"; return 1; }
		sleep 0.1
	done
}
# stop_monitor PID - interrupt it; it must exit 0.
stop_monitor() {
	kill -INT $1
	wait $1
}
# wait_lines FILE N - until FILE has N lines (at most 60 s).
wait_lines() {
	i=0
	while [ "$(wc -l <"$1")" -lt $2 ]; do
		i=$((i + 1))
		[ $i -lt 600 ] || { echo "$1: $(wc -l <"$1") lines, expected $2"; return 1; }
		sleep 0.1
	done
}
seq_now() { "$K" stats | sed -n 's/^# .* seq=\([0-9]*\) .*/\1/p'; }
# Records counted in runtime/stats: parameter and context violations,
# return violations, undocumented errors and divergences.
stats_records() {
	awk '/ calls=/ { for (i = 3; i <= 6; i++) { split($i, kv, "="); n += kv[2] } }
	     END { print n + 0 }' $R/stats
}
monitor_selftest() {
	"$K" filter clear && "$K" stats --reset || return 1
	echo clear >$R/violations
	start_monitor /tmp/mon.txt || return 1
	M1=$MON
	start_monitor /tmp/monj.txt -j || return 1
	M2=$MON
	before=$(seq_now)
	/kapi/bin/kapi_syscalls --mode audit >/tmp/selftest.out 2>&1 || { cat /tmp/selftest.out; return 1; }
	"$K" filter clear || return 1
	after=$(seq_now)
	made=$((after - before))
	counted=$(stats_records)
	echo "selftest run: $made records, runtime/stats counts $counted"
	[ "$made" -gt 0 ] && [ "$made" -eq "$counted" ] || return 1
	wait_lines /tmp/mon.txt $made && wait_lines /tmp/monj.txt $made || return 1
	sleep 0.5
	stop_monitor $M1 || { echo "monitor exited $?"; return 1; }
	stop_monitor $M2 || { echo "monitor -j exited $?"; return 1; }
	[ "$(wc -l </tmp/mon.txt)" -eq $made ] && [ "$(wc -l </tmp/monj.txt)" -eq $made ] ||
		{ echo "too many events"; return 1; }
	grep -q "^kapi-dump: $made events, 0 lost$" /tmp/mon.txt.err || { cat /tmp/mon.txt.err; return 1; }
	# The undocumented errors of the FUSE server were events too.
	grep -q ' syscall=sys_read .*rule=undocumented .*actual=EXFULL' /tmp/mon.txt ||
		{ echo "no event for the undocumented EXFULL of a read"; return 1; }
	# The same records as runtime/violations, line for line.
	grep -v '^#' $R/violations >/tmp/ring.txt
	if [ "$made" -le 256 ]; then
		cmp /tmp/ring.txt /tmp/mon.txt || return 1
	else
		tail -n 256 /tmp/mon.txt | cmp - /tmp/ring.txt || return 1
	fi
	n=$(grep -c '^{"seq":[0-9]*,"ts":[0-9]*,"pid":[0-9]*,"tgid":[0-9]*,"uid":[0-9]*,"comm":".*","syscall":"sys_[a-z0-9_]*","args":\[.*\],"rule":".*","expected":".*","actual":".*","mode":"audit"}$' /tmp/monj.txt)
	[ "$n" -eq $made ] || { echo "$n of $made JSON lines in the documented form"; head -n 3 /tmp/monj.txt; return 1; }
}
# A monitor that is stopped misses the events its buffer cannot hold;
# the next event it gets shows the gap, so violations continue until one
# gets through.
monitor_lost() {
	"$K" filter clear && "$K" mode audit || return 1
	start_monitor /tmp/lost.txt || return 1
	before=$(seq_now)
	kill -STOP $MON
	"$N" violate 3000
	kill -CONT $MON
	i=0
	while :; do
		"$N" violate 1
		sleep 0.2
		made=$(($(seq_now) - before))
		events=$(grep -c '^seq=' /tmp/lost.txt)
		lost=$(sed -n 's/^# lost \([0-9]*\) events$/\1/p' /tmp/lost.txt | awk '{ n += $1 } END { print n + 0 }')
		[ $((events + lost)) -eq $made ] && break
		i=$((i + 1))
		[ $i -lt 300 ] || { echo "$events events and $lost lost of $made"; return 1; }
	done
	stop_monitor $MON || return 1
	echo "stopped monitor: $events events, $lost lost of $made"
	[ "$lost" -gt 0 ] && grep -q "^kapi-dump: $events events, $lost lost$" /tmp/lost.txt.err ||
		{ cat /tmp/lost.txt.err; return 1; }
}

# as_nobody CMD... - run CMD as uid 65534; its stderr in /tmp/err.
as_nobody() { su -s /bin/sh nobody -c "$*" >/tmp/out 2>/tmp/err; }
nobody_refused() {
	as_nobody "$K" "$@"
	r=$?
	[ $r -eq 2 ] && [ ! -s /tmp/out ] && grep -q 'Operation not permitted' /tmp/err ||
		{ echo "kapi-dump $* as nobody: exit $r"; cat /tmp/err; return 1; }
}
nobody() {
	nobody_refused mode off && nobody_refused filter comm=x && nobody_refused log on &&
		nobody_refused stats --reset && nobody_refused monitor || return 1
	grep -q 'needs CAP_SYS_ADMIN' /tmp/err || return 1
	[ "$(cat $R/mode)" = audit ] && [ "$(cat $R/filter)" = "pid=- tgid=- uid=- comm=-" ] &&
		[ "$(cat $R/log)" = off ] || return 1
	# Reading is for everyone: no debugfs needed.
	as_nobody "$K" --netlink --json && cmp /tmp/out /tmp/with.json || return 1
	as_nobody "$K" stats sys_read && grep -q '^sys_read calls=' /tmp/out
}
not_loaded() {
	for c in --netlink stats mode filter log monitor; do
		"$K" $c >/tmp/out 2>/tmp/err
		r=$?
		[ $r -eq 2 ] && [ ! -s /tmp/out ] && grep -q "^kapi-dump: kapi.ko is not loaded" /tmp/err ||
			{ echo "kapi-dump $c: exit $r"; cat /tmp/err; return 1; }
	done
}

ktap_plan 21
ktap_check "insmod kapi.ko" insmod /kapi/kapi.ko
echo "# Subtest: kapi_netlink"
if "$N" >/tmp/netlink.out 2>&1; then r=0; else r=1; fi
sed 's/^/    /' /tmp/netlink.out
ktap_result $r "kapi_netlink"
ktap_check "kapi-dump --netlink is --debugfs, every spec and format" same_as_debugfs $SYSCALLS
ktap_check "kapi-dump --netlink works with debugfs unmounted" without_debugfs
print_json $SYSCALLS
ktap_check "insmod kapi_sample.ko" insmod /kapi/kapi_sample.ko
ktap_check "a module's specs: --netlink is --debugfs" same_as_debugfs $SAMPLE $SYSCALLS
ktap_check "rmmod kapi_sample" rmmod kapi_sample
ktap_check "kapi-dump stats is runtime/stats, all specs and one" stats_is_debugfs
ktap_check "kapi-dump stats -j: every spec and the status" stats_json
ktap_check "kapi-dump stats of an unknown spec: exit 2 and the kernel's reason" stats_unknown
ktap_check "kapi-dump stats --reset zeroes the counters" stats_reset
ktap_check "kapi-dump mode shows and switches the mode" modes
ktap_check "kapi-dump filter shows, sets and clears the filter" filters
ktap_check "kapi-dump log shows and switches the kernel log switch" logs
ktap_check "kapi-dump monitor gets exactly the violations of a selftest run" monitor_selftest
ktap_check "kapi-dump monitor reports the events it lost while stopped" monitor_lost
ktap_check "uid 65534: changes and events refused with a message, reading works" nobody
ktap_check "the mode is audit and the filter clear after all that" \
	sh -c "[ \"\$(cat $R/mode)\" = audit ] && [ \"\$(cat $R/filter)\" = 'pid=- tgid=- uid=- comm=-' ]"
ktap_check "rmmod kapi" rmmod kapi
ktap_check "without kapi.ko: every netlink command exits 2 saying so" not_loaded
ktap_check "kapi-dump --netlink --json without kapi.ko: a JSON error" \
	sh -c "\"$K\" --netlink --json 2>/dev/null | grep -q '^{\"error\":\"kapi.ko is not loaded'"
ktap_finish

# SPDX-License-Identifier: GPL-2.0
#
# No observer effect (guest side, busybox sh): a checked program must see
# what it sees without kapi. kapi_kmsg (selftests/kmsg.c) measures how many
# times a reader of /dev/kmsg gets EPIPE after the log buffer wrapped under
# it, several trials a run; the counts must be the same without kapi, with
# kapi off and with kapi in audit mode (its kernel log switch off, the
# default). With the switch on, kapi's lines do reach the log, and when kapi
# reports the reader's own EPIPE, the reader gets more of them: the
# feedback the switch keeps out. Reading kapi's own runtime files gives the
# same text in audit mode as with kapi off. Prints KTAP; run by 'make
# check' through scripts/vm.sh.

. /kapi/ktap.sh
R=/sys/kernel/debug/kapi/runtime
K=/kapi/bin/kapi_kmsg
TRIALS=5

# epipe NAME - measure; the counts go to /tmp/epipe.NAME and to the log.
epipe() {
	$K epipe $TRIALS >/tmp/epipe.$1 || { cat /tmp/epipe.$1; return 1; }
	echo "# $1: $(cat /tmp/epipe.$1)" >>/tmp/quiet.diag
}
# same A B - the files A and B are equal, or show both.
same() {
	cmp -s "$1" "$2" && return 0
	echo "$1:"; cat "$1"; echo "$2:"; cat "$2"
	return 1
}
# sum FILE - the sum of the counts of an epipe file.
sum() {
	s=0
	for c in $(sed 's/^epipe//' "$1"); do s=$((s + c)); done
	echo $s
}
# epipe_as_none NAME - measure NAME; the counts equal those without kapi.
epipe_as_none() {
	epipe $1 && same /tmp/epipe.none /tmp/epipe.$1
}
selfread_as_off() {
	$K selfread >/tmp/self.audit && same /tmp/self.off /tmp/self.audit
}
# logged EXPECTED - kapi_kmsg logged prints EXPECTED.
logged() {
	out=$($K logged) || return 1
	[ "$out" = "$1" ] || { echo "kapi_kmsg logged: '$out', expected '$1'"; return 1; }
}
# log_on_feeds_back - with the log on, kapi's report of a reader's EPIPE
# (if sys_read does not list EPIPE) is a log line that costs the reader more
# EPIPEs; if kapi made no such report, the counts stay as without kapi.
log_on_feeds_back() {
	epipe audit-log-on || return 1
	if grep -q 'syscall=sys_read .*rule=undocumented .*actual=EPIPE' $R/violations; then
		echo "kapi reported the EPIPE of a /dev/kmsg read"
		[ "$(sum /tmp/epipe.audit-log-on)" -gt "$(sum /tmp/epipe.none)" ]
	else
		same /tmp/epipe.none /tmp/epipe.audit-log-on
	fi
}
log_param() {
	insmod /kapi/kapi.ko log=1 || return 1
	r=0
	[ "$(cat $R/log)" = on ] && [ "$(cat /sys/module/kapi/parameters/log)" = Y ] || r=1
	echo off >$R/log && [ "$(cat /sys/module/kapi/parameters/log)" = N ] || r=1
	rmmod kapi || return 1
	insmod /kapi/kapi.ko || return 1
	[ "$(cat $R/log)" = off ] || r=1
	rmmod kapi || r=1
	return $r
}
log_file_strict() {
	for w in 1 yes ON 'on off' 'on\n\n' ' on'; do
		if printf "$w" >$R/log 2>/dev/null; then
			echo "'$w' was accepted"
			return 1
		fi
	done
	[ "$(stat -c %a $R/log)" = 600 ] && echo off >$R/log && [ "$(cat $R/log)" = off ] &&
		printf on >$R/log && [ "$(cat $R/log)" = on ]
}

: >/tmp/quiet.diag
ktap_plan 13
ktap_check "EPIPE counts without kapi" epipe none
ktap_check "insmod kapi.ko mode=off" insmod /kapi/kapi.ko mode=off
ktap_check "the kernel log switch is off by default" test "$(cat $R/log)" = off
ktap_check "EPIPE counts with kapi off equal those without kapi" epipe_as_none off
ktap_check "reading runtime files with kapi off" sh -c "$K selfread >/tmp/self.off"
echo audit >$R/mode
ktap_check "EPIPE counts in audit mode equal those without kapi" epipe_as_none audit
ktap_check "reading runtime files in audit mode gives what it gives with kapi off" \
	selfread_as_off
ktap_check "a violation with the log off: a record, no log line" logged "lines=0 records=1"
ktap_check "runtime/log takes exactly on or off (and is on now)" log_file_strict
ktap_check "a violation with the log on: a record and a log line" logged "lines=1 records=1"
ktap_check "with the log on, a report of the reader's EPIPE costs it EPIPEs" log_on_feeds_back
ktap_check "rmmod kapi" rmmod kapi
ktap_check "log=1 at load turns the log on; the parameter shows the switch" log_param
cat /tmp/quiet.diag
ktap_finish

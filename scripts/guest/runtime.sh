# SPDX-License-Identifier: GPL-2.0
#
# Runtime verification tests (guest side, busybox sh), all in one boot: the
# selftest programs skip without kapi, without root and without debugfs;
# then, for each mode (off, audit, enforce), kapi.ko is loaded with mode=
# set to it and kapi_syscalls, kapi_runtime and kapi_filter run, each as a
# KTAP subtest; then the same in audit with the interpreter and the hooks'
# generic pre() and post() (specialised=0); then kapi_matrix compares the errno of each call of its
# matrix without kapi and with kapi in enforce mode; then kapi-dump monitor
# and stats show the object kinds of failed calls (the objects section);
# then scripts/guest/unload.sh unloads kapi under load, and the benchmark
# program runs once, briefly, so that it cannot rot. Each part is
# a KTAP document between "# kapi-section-begin NAME" and
# "# kapi-section-end NAME" lines, which the host splits into one result
# group per part. Run by 'make check' through scripts/vm.sh, which puts
# the Debian kernel's fuse module into /kapi/kmod where FUSE is a module
# (6.1): the undocumented-error cases read a file of a FUSE server that
# answers with an errno no spec lists (kapi_fuse_error_fd() in
# selftests/kapi_test.c).

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
PROGS="kapi_syscalls kapi_runtime kapi_filter"
rc=0

# all_skip PROG REASON [as nobody] - PROG exits 0 and skips every case,
# giving REASON.
all_skip() {
	prog=$1 reason=$2
	if [ -n "$3" ]; then
		su -s /bin/sh nobody -c "/kapi/bin/$prog" >/tmp/skip.out 2>&1 || return 1
	else
		/kapi/bin/$prog >/tmp/skip.out 2>&1 || return 1
	fi
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' /tmp/skip.out)
	skipped=$(grep -c "^ok [0-9]* .* # SKIP $reason" /tmp/skip.out)
	[ -n "$plan" ] && [ "$plan" -gt 0 ] && [ "$skipped" -eq "$plan" ] || {
		cat /tmp/skip.out
		return 1
	}
}
all_skip_everywhere() {
	for p in $PROGS; do
		all_skip "$p" "$@" || return 1
	done
}
skip_without_debugfs() {
	umount /sys/kernel/debug || return 1
	all_skip_everywhere "debugfs is not mounted"
	r=$?
	mount -t debugfs debugfs /sys/kernel/debug || return 1
	return $r
}

# FUSE for the undocumented-error cases: the module where it is one, and
# its device node where devtmpfs did not make it.
for m in /kapi/kmod/*.ko; do
	[ -e "$m" ] || continue
	insmod "$m" || echo "# insmod $m failed"
done
[ -c /dev/fuse ] || mknod /dev/fuse c 10 229
fuse_available() {
	grep -qw fuse /proc/filesystems || { echo "no fuse in /proc/filesystems"; return 1; }
	[ -c /dev/fuse ] || { echo "no /dev/fuse"; return 1; }
}

echo "# kapi-section-begin skip"
ktap_plan 4
ktap_check "FUSE is available for the undocumented-error cases" fuse_available
ktap_check "selftests skip when kapi is not loaded" all_skip_everywhere "kapi is not loaded"
ktap_check "selftests skip when debugfs is not mounted" skip_without_debugfs
# debugfs is mounted 0700; open it up so that only being root matters.
mount -o remount,mode=755 /sys/kernel/debug
ktap_check "selftests skip when not root" all_skip_everywhere "not root" nobody
mount -o remount,mode=700 /sys/kernel/debug
[ "$KTAP_FAILED" -eq 0 ] || rc=1
echo "# kapi-section-end skip"

for mode in off audit enforce; do
	echo "# kapi-section-begin $mode"
	echo "KTAP version 1"
	echo "1..3"
	loaded=0
	if insmod /kapi/kapi.ko mode=$mode; then
		loaded=1
	else
		echo "# insmod kapi.ko mode=$mode failed"
	fi
	i=0
	for p in $PROGS; do
		i=$((i + 1))
		if [ $loaded -eq 1 ] && /kapi/bin/$p --mode $mode >/tmp/$p.out 2>&1; then
			sed 's/^/    /' /tmp/$p.out
			echo "ok $i $p"
		else
			[ $loaded -eq 1 ] && sed 's/^/    /' /tmp/$p.out
			echo "not ok $i $p"
			rc=1
		fi
	done
	if [ $loaded -eq 1 ] && ! rmmod kapi; then
		echo "# rmmod kapi failed after the $mode tests"
		rc=1
	fi
	echo "# kapi-section-end $mode"
done

# The same programs in audit with kapi.ko's own specs checked by the
# interpreter and the hooks' generic pre() and post() (specialised=0), the
# path of every spec another module registers: runtime/checks must name the
# interpreter for every spec.
echo "# kapi-section-begin interpreter"
echo "KTAP version 1"
echo "1..4"
if insmod /kapi/kapi.ko mode=audit specialised=0; then
	if grep -q . $D/runtime/checks && ! grep -qv ' interpreter$' $D/runtime/checks; then
		echo "ok 1 runtime/checks names the interpreter for every spec"
	else
		sed 's/^/# /' $D/runtime/checks
		echo "not ok 1 runtime/checks names the interpreter for every spec"
		rc=1
	fi
	i=1
	for p in $PROGS; do
		i=$((i + 1))
		if /kapi/bin/$p --mode audit >/tmp/$p.out 2>&1; then
			sed 's/^/    /' /tmp/$p.out
			echo "ok $i $p"
		else
			sed 's/^/    /' /tmp/$p.out
			echo "not ok $i $p"
			rc=1
		fi
	done
	rmmod kapi || { echo "# rmmod kapi failed after the interpreter tests"; rc=1; }
else
	echo "not ok 1 insmod kapi.ko mode=audit specialised=0"
	rc=1
fi
echo "# kapi-section-end interpreter"

# The errno matrix: every call of kapi_matrix without kapi, then with kapi
# in enforce mode, must return the same (Documentation/runtime.rst).
echo "# kapi-section-begin matrix"
if /kapi/bin/kapi_matrix --record /tmp/matrix.off >/tmp/matrix.rec 2>&1 &&
	insmod /kapi/kapi.ko mode=enforce; then
	/kapi/bin/kapi_matrix --compare /tmp/matrix.off >/tmp/matrix.out 2>&1 || rc=1
	cat /tmp/matrix.out
	rmmod kapi || { echo "# rmmod kapi failed after the matrix"; rc=1; }
else
	cat /tmp/matrix.rec
	echo "KTAP version 1"
	echo "1..1"
	echo "not ok 1 kapi_matrix could not record or kapi.ko could not load"
	rc=1
fi
echo "# kapi-section-end matrix"

# Object kinds over netlink: kapi-dump monitor shows the object of each
# record of a failed call, and kapi-dump stats counts failed calls and the
# undocumented errors among them per error code and object kind, as
# runtime/violations and runtime/stats.
objects_monitor() {
	/kapi/bin/kapi-dump monitor >/tmp/monitor.out 2>/tmp/monitor.err &
	mon=$!
	i=0
	while ! grep -q 'waiting for violations' /tmp/monitor.err; do
		i=$((i + 1))
		[ $i -lt 100 ] || { cat /tmp/monitor.err; kill -INT $mon; return 1; }
		sleep 0.1
	done
	/kapi/bin/kapi_runtime --mode audit --case "object kind" >/tmp/objects.out 2>&1
	r=$?
	sleep 1
	kill -INT $mon
	wait $mon || r=1
	cat /tmp/objects.out /tmp/monitor.out /tmp/monitor.err
	[ $r -eq 0 ] &&
		grep -q ' syscall=sys_read .* rule=undocumented expected=documented_error actual=EXFULL object=reg:fuse mode=audit$' /tmp/monitor.out &&
		grep -q ' syscall=sys_write .* actual=EXFULL object=reg:fuse mode=audit$' /tmp/monitor.out &&
		! grep -q ' rule=param:.* object=' /tmp/monitor.out
}
objects_stats() {
	# Every failed call counts, so the counters stand still only while a
	# filter admits no process.
	/kapi/bin/kapi-dump filter comm=kapi_nobody_x || return 1
	/kapi/bin/kapi-dump stats >/tmp/nlstats.out 2>&1 || { cat /tmp/nlstats.out; return 1; }
	cat /tmp/nlstats.out
	grep ' errno=' /tmp/nlstats.out >/tmp/nlerrnos.out
	grep ' errno=' /sys/kernel/debug/kapi/runtime/stats >/tmp/dferrnos.out
	/kapi/bin/kapi-dump filter clear || return 1
	grep -q '^sys_read errno=EXFULL object=reg:fuse failed=[1-9][0-9]* undocumented=[1-9][0-9]*$' /tmp/nlstats.out &&
		grep -q '^sys_write errno=EXFULL object=reg:fuse failed=[1-9][0-9]* undocumented=[1-9][0-9]*$' /tmp/nlstats.out &&
		grep -q '^sys_read errno=ECONNREFUSED object=sock:tcp failed=[1-9][0-9]* undocumented=0$' /tmp/nlstats.out &&
		cmp /tmp/nlerrnos.out /tmp/dferrnos.out
}
echo "# kapi-section-begin objects"
KTAP_N=0
KTAP_FAILED=0
ktap_plan 2
if insmod /kapi/kapi.ko mode=audit; then
	ktap_check "kapi-dump monitor names the object kind of failed calls" objects_monitor
	ktap_check "kapi-dump stats counts failed calls per error and object kind, as debugfs" objects_stats
	rmmod kapi || rc=1
else
	ktap_result 1 "kapi-dump monitor names the object kind of failed calls"
	ktap_result 1 "kapi-dump stats counts failed calls per error and object kind, as debugfs"
fi
[ "$KTAP_FAILED" -eq 0 ] || rc=1
echo "# kapi-section-end objects"

sh /kapi/unload.sh || rc=1

# The benchmark program, briefly: its table line has every measurement.
bench_runs() {
	insmod /kapi/kapi.ko mode=audit || return 1
	kapi_bench --label smoke --quick >/tmp/bench.out 2>&1
	r=$?
	rmmod kapi || r=1
	cat /tmp/bench.out
	[ $r -eq 0 ] &&
		grep -Eq '^kapi-bench label=smoke read=[0-9.]+ write=[0-9.]+ openat_close=[0-9.]+ pread64=[0-9.]+ readv=[0-9.]+$' /tmp/bench.out
}
echo "# kapi-section-begin bench"
KTAP_N=0
KTAP_FAILED=0
ktap_plan 1
ktap_check "kapi_bench measures read, write, openat+close, pread64 and readv" bench_runs
[ "$KTAP_FAILED" -eq 0 ] || rc=1
echo "# kapi-section-end bench"
exit $rc

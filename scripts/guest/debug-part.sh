# SPDX-License-Identifier: GPL-2.0
#
# Guest side of the debug kernel tests (busybox sh, run by scripts/debug.sh
# through scripts/vm.sh on the debug kernel: KASAN, lockdep, kmemleak,
# debug objects, UBSAN, fault injection). Runs one part of the tests,
# named by KAPI_DEBUG_PART on the kernel command line, with the existing
# guest script of that part, unchanged:
#   kunit     scripts/guest/kunit-suites.sh: kapi_kunit.ko's suites
#   runtime   scripts/guest/runtime.sh: the selftest programs in every mode,
#             unload under load, the benchmark program
#   netlink   scripts/guest/netlink.sh: the generic netlink family, kapi-dump
#   hardening scripts/guest/hardening.sh: load/unload cycles under fire, fuzz
#   stress    scripts/guest/stress-ng.sh (as /kapi/stress.sh): stress-ng on two
#             vCPUs, counters against the tracepoints', selftests under it
#   faults    scripts/guest/faults.sh: every allocation of module init and of
#             image registration made to fail in turn
# first checking that the kernel's detectors are on, and then asking
# kmemleak for a scan: any object it suspects whose allocation trace names
# kapi fails the run (the VM harness also fails it on the scan's console
# message, and on any KASAN, lockdep, UBSAN or debug-objects report). Each
# part is printed between "# kapi-section-begin NAME" and
# "# kapi-section-end NAME" lines (a part that prints sections of its own
# keeps them), then the section "detectors".

. /kapi/ktap.sh
F=/sys/kernel/debug
part=${KAPI_DEBUG_PART:-}
rc=0

# Checked before the part runs, while the boot messages are still there.
kasan_on() { dmesg | grep -q 'KernelAddressSanitizer initialized'; }
lockdep_on() { grep -Eq 'debug_locks: +1$' /proc/lockdep_stats; }
kmemleak_on() { [ -w $F/kmemleak ]; }
debug_objects_on() { grep -Eq '^warnings +:0$' $F/debug_objects/stats; }
fault_injection_on() { [ -e $F/failslab/times ] && [ -e $F/fail_page_alloc/times ]; }
kasan=0
kasan_on && kasan=1

case "$part" in
runtime|hardening|stress|faults)
	sh /kapi/$part.sh || rc=1
	;;
kunit|netlink)
	echo "# kapi-section-begin $part"
	sh /kapi/$part.sh || rc=1
	echo "# kapi-section-end $part"
	;;
*)
	echo "# no such part: '$part' (KAPI_DEBUG_PART)"
	exit 2
	;;
esac

# kmemleak_scan - scan twice (an object must be older than 5 s to be
# reported); none of the suspects may name kapi.
kmemleak_scan() {
	sleep 6
	echo scan >$F/kmemleak || return 1
	echo scan >$F/kmemleak || return 1
	cat $F/kmemleak >/tmp/kmemleak.out
	n=$(grep -c '^unreferenced object' /tmp/kmemleak.out)
	echo "kmemleak: $n suspected leaks"
	if grep -q kapi /tmp/kmemleak.out; then
		cat /tmp/kmemleak.out
		return 1
	fi
	# Others' suspects are shown, not counted against kapi.
	[ "$n" -eq 0 ] || cat /tmp/kmemleak.out
}

echo "# kapi-section-begin detectors"
KTAP_N=0
KTAP_FAILED=0
ktap_plan 6
ktap_result $((1 - kasan)) "KASAN was on at boot"
ktap_check "lockdep is still on (no report turned it off)" lockdep_on
ktap_check "debug objects are on and warned of nothing" debug_objects_on
ktap_check "fault injection is there (failslab, fail_page_alloc)" fault_injection_on
ktap_check "kmemleak is on" kmemleak_on
ktap_check "kmemleak suspects nothing of kapi's after the $part part" kmemleak_scan
sed 's/^/# /' /tmp/ktap.out
[ "$KTAP_FAILED" -eq 0 ] || rc=1
echo "# kapi-section-end detectors"
exit $rc

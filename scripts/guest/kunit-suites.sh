# SPDX-License-Identifier: GPL-2.0
#
# Guest side of 'make kunit' (busybox sh, run by scripts/kunit.sh through
# scripts/vm.sh on a KUnit kernel): load kapi.ko, then kapi_kunit.ko, whose
# suites KUnit runs while the module loads, printing KTAP on the console.
# Then copy each suite's /sys/kernel/debug/kunit/SUITE/results to the output
# between "# kapi-kunit-debugfs-begin/-end SUITE" lines (each line prefixed
# with "# ", so the output stays one KTAP document), and unload both modules.
# The guest's own steps are KTAP cases; the tests' verdict is decided on the
# host from the console (scripts/results.py kunit), never from insmod's exit
# status, which is 0 even when cases fail.

. /kapi/ktap.sh

ktap_plan 5
ktap_check "kapi.ko loads" insmod /kapi/kapi.ko
if ! ktap_check "kapi_kunit.ko loads (KUnit runs its suites)" insmod /kapi/kapi_kunit.ko; then
	ktap_skip "debugfs has KUnit results" "kapi_kunit.ko did not load"
	ktap_skip "kapi_kunit.ko unloads" "kapi_kunit.ko did not load"
	ktap_check "kapi.ko unloads" rmmod kapi
	ktap_finish
fi

n=0
for dir in /sys/kernel/debug/kunit/*/; do
	[ -r "$dir/results" ] || continue
	suite=$(basename "$dir")
	echo "# kapi-kunit-debugfs-begin $suite"
	sed 's/^/# /' "$dir/results"
	echo "# kapi-kunit-debugfs-end $suite"
	n=$((n + 1))
done
ktap_check "debugfs has KUnit results ($n suites)" [ "$n" -gt 0 ]
ktap_check "kapi_kunit.ko unloads" rmmod kapi_kunit
ktap_check "kapi.ko unloads" rmmod kapi
ktap_finish

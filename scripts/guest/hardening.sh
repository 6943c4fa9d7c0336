# SPDX-License-Identifier: GPL-2.0
#
# Hardening and packaging tests (guest side, busybox sh), in one boot:
# load/unload under fire (scripts/guest/unload.sh cycles: KAPI_CYCLES cycles of
# load, mode switches and unload while workers hammer the hooked calls and
# a reader blocks in read()), then hostile writes to the runtime debugfs
# files (kapi_fuzz: KAPI_FUZZ_WRITES random writes from seed
# KAPI_FUZZ_SEED, after its fixed cases) with kapi.ko loaded in audit mode,
# then the checks of Documentation/install.rst on the kapi.ko that DKMS
# built on the host (/kapi/dkms/kapi.ko, when given). The variables come
# from the kernel command line; 'make check' runs a short version, 'make
# stress' (scripts/stress.sh) the long one. Each part is a KTAP document
# between "# kapi-section-begin NAME" and "# kapi-section-end NAME" lines
# (cycles, fuzz, install), which the host turns into result groups.

. /kapi/ktap.sh
cycles=${KAPI_CYCLES:-12}
writes=${KAPI_FUZZ_WRITES:-5000}
seed=${KAPI_FUZZ_SEED:-20260301}
rc=0

sh /kapi/unload.sh cycles "$cycles" || rc=1

echo "# kapi-section-begin fuzz"
if insmod /kapi/kapi.ko mode=audit; then
	t0=$(date +%s)
	kapi_fuzz --mode audit --writes "$writes" --seed "$seed" || rc=1
	echo "# kapi_fuzz took $(($(date +%s) - t0)) s"
	rmmod kapi || { echo "# rmmod kapi failed after the fuzz"; rc=1; }
else
	echo "KTAP version 1"
	echo "1..1"
	echo "not ok 1 insmod kapi.ko mode=audit"
	rc=1
fi
echo "# kapi-section-end fuzz"

# What Documentation/install.rst tells a user to check after insmod.
D=/sys/kernel/debug/kapi
M=/kapi/dkms/kapi.ko
T=/kapi/dkms/kapi_tramp.ko
ver=$(cat /kapi/VERSION 2>/dev/null)
# The DKMS-built resident replaces the one /init loaded, once that one has
# let go of its slots and itself (a few seconds after the last unload).
resident() {
	n=0
	while grep -q '^kapi_tramp ' /proc/modules; do
		rmmod kapi_tramp 2>/dev/null && break
		n=$((n + 1))
		[ $n -lt 100 ] || { echo "kapi_tramp stays pinned: $(cat /sys/kernel/debug/kapi_tramp/stats)"; return 1; }
		sleep 0.1
	done
	insmod $T && grep -q '^kapi_tramp ' /proc/modules
}
loads() {
	dmesg -c >/dev/null
	insmod $M "$@" && dmesg | grep -q "kapi: version $ver loaded"
}
verify() {
	grep -q '^kapi ' /proc/modules &&
		[ "$(cat /sys/module/kapi/version)" = "$ver" ] &&
		[ "$(cat /sys/module/kapi/parameters/mode)" = "$1" ] &&
		[ "$(cat $D/runtime/mode)" = "$1" ] &&
		n=$(grep -c '^sys_' $D/list) && [ "$n" -ge 10 ] &&
		grep -q "^Total: $n specifications" $D/list &&
		[ "$(grep -c ' hooked$' $D/runtime/hooks)" -eq "$n" ] &&
		grep -q "^sys_read calls=" $D/runtime/stats
}
removed() {
	rmmod kapi && ! grep -q '^kapi ' /proc/modules && [ ! -e $D ] &&
		dmesg | grep -q 'kapi: unloaded'
}
echo "# kapi-section-begin install"
KTAP_N=0
KTAP_FAILED=0
ktap_plan 7
if [ -e $M ] && [ -e $T ]; then
	echo "# $(modinfo $M | grep -E '^(version|vermagic):' | tr '\n' ' ')"
	ktap_check "the DKMS-built kapi_tramp.ko replaces the resident" resident
	ktap_check "the DKMS-built kapi.ko loads and says so in the log" loads
	ktap_check "it is listed, with its debugfs files, in audit mode" verify audit
	ktap_check "rmmod removes it and its debugfs directory" removed
	ktap_check "mode=enforce at load time" loads mode=enforce
	ktap_check "it runs in enforce mode" verify enforce
	ktap_check "rmmod removes it again" removed
	[ "$KTAP_FAILED" -eq 0 ] || rc=1
else
	for c in 1 2 3 4 5 6 7; do
		ktap_skip "install check $c" "no DKMS-built kapi.ko and kapi_tramp.ko"
	done
fi
echo "# kapi-section-end install"
exit $rc

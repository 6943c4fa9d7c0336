# SPDX-License-Identifier: GPL-2.0
#
# Conformance tests (guest side, busybox sh): kapi_conform, generated from
# the specs by kapi-gen --conformance, provokes every documented error that
# has a trigger and calls each descriptor, buffer and path constraint at its
# bounds. It runs three times: without kapi's checks (kapi.ko in mode off,
# for kapi_sample.ko's device and ioctl specs: the specs against the kernel;
# section "none", whose coverage matrix the host keeps), then with
# kapi.ko in audit and in enforce mode (sections "audit" and "enforce":
# every case must still get its documented errno, so enforce refuses no
# valid call and predicts the kernel's own error), each followed by a
# section "MODE-reports" that checks kapi's counters: none of the errors
# the program provoked is undocumented, none contradicts a prediction, no
# result breaks a return rule, and every failed close() of an open
# descriptor names its object kind. FUSE, brd, inet_diag and tcp_diag
# (modules of the Debian kernels, put into /kapi/kmod by scripts/vm.sh
# --kmod) serve the fixtures of the FUSE errors, of a swap area and of a
# destroyed TCP socket. Each part is a KTAP document between "# kapi-section-begin
# NAME" and "# kapi-section-end NAME" lines (Documentation/testing.rst,
# "Conformance tests"); run by 'make check' through scripts/vm.sh.

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
rc=0

# No usermode modprobe: the guest has no module tree, and the helper that a
# request_module() starts (opening a misc device without a driver does) would
# write its complaint to a closed stderr, a violation kapi reports that no
# case made. kapi_conform requires kapi's reports to be its cases' deliberate
# violations, one for one, and nothing else.
echo >/proc/sys/kernel/modprobe

# FUSE, the RAM disk of the swap fixture, and sock_diag's TCP handler (for
# SOCK_DESTROY), when they are modules; missing ones make their cases skips.
for m in fuse brd inet_diag tcp_diag; do
	[ -e /kapi/kmod/$m.ko ] && insmod /kapi/kmod/$m.ko
done
[ -c /dev/fuse ] || mknod /dev/fuse c 10 229

# reports MODE - kapi's counters after the run in MODE, as KTAP.
reports() {
	ktap_plan 4
	for c in undocumented divergences return_violations; do
		sed -n "s/^\(sys_[a-z0-9_]*\) calls=.* $c=\([0-9]*\).*/\1 \2/p" $D/runtime/stats |
			awk '$2 != 0' >/tmp/nonzero
		if [ -s /tmp/nonzero ]; then
			sed "s/^/# $1: $c: /" /tmp/nonzero
			grep "^sys_" $D/runtime/stats | sed 's/^/# /'
			ktap_result 1 "$1: kapi counts no $c in the provoked errors"
		else
			ktap_result 0 "$1: kapi counts no $c in the provoked errors"
		fi
	done
	# close() releases its descriptor: its object is read before the call.
	# Every failure but EBADF had an open descriptor, so a known object.
	if grep '^sys_close errno=' $D/runtime/stats | grep -v '^sys_close errno=EBADF ' |
		grep ' object=unknown ' >/tmp/unknown; then
		sed "s/^/# $1: /" /tmp/unknown
		ktap_result 1 "$1: every failed close() of an open descriptor names its object kind"
	else
		ktap_result 0 "$1: every failed close() of an open descriptor names its object kind"
	fi
	grep '^sys_close errno=' $D/runtime/stats | sed "s/^/# $1: /"
	# The deliberate violations, for the log.
	echo "# $1: calls and violations seen: $(awk '/^sys_[a-z0-9_]* calls=/ { printf "%s %s %s; ", $1, $2, $3 }' $D/runtime/stats)"
	ktap_finish
}

# load MODE - kapi.ko in MODE, then kapi_sample.ko (its ioctl specs have
# triggers too, and it registers them with kapi.ko, so it needs kapi.ko
# loaded); unload - both again.
load() {
	insmod /kapi/kapi.ko mode=$1 || { echo "# insmod kapi.ko mode=$1 failed"; return 1; }
	[ ! -e /kapi/kapi_sample.ko ] || insmod /kapi/kapi_sample.ko ||
		{ echo "# insmod kapi_sample.ko failed"; rmmod kapi; return 1; }
}
unload() {
	[ ! -e /kapi/kapi_sample.ko ] || rmmod kapi_sample || { echo "# rmmod kapi_sample failed"; return 1; }
	rmmod kapi || { echo "# rmmod kapi failed"; return 1; }
}

# The run without kapi's checks: kapi.ko in mode off, its hooks parked, so
# every call runs as it does without kapi (the specs against the kernel);
# loaded only for kapi_sample.ko's device and specs.
echo "# kapi-section-begin none"
if load off; then
	/kapi/bin/kapi_conform || rc=1
	unload || rc=1
else
	rc=1
fi
echo "# kapi-section-end none"

for mode in audit enforce; do
	load $mode || { rc=1; continue; }
	echo "# kapi-section-begin $mode"
	/kapi/bin/kapi_conform >/tmp/conform.out 2>&1 || rc=1
	# One coverage matrix is enough: the one without kapi's checks.
	grep -v '^# \(conformance \|kapi-conform-json \)' /tmp/conform.out
	echo "# kapi-section-end $mode"
	echo "# kapi-section-begin $mode-reports"
	(KTAP_N=0 KTAP_FAILED=0; reports $mode) || rc=1
	echo "# kapi-section-end $mode-reports"
	unload || rc=1
done
exit $rc

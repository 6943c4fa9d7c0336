# SPDX-License-Identifier: GPL-2.0
#
# A small KTAP producer for guest shell tests (sourced, busybox sh). Each
# check runs a command; its output is shown as KTAP diagnostics only when it
# fails. ktap_finish exits non-zero if any case failed.

KTAP_N=0
KTAP_FAILED=0

# The system calls kapi.ko's own specs describe (module/specs/*.c), each
# hooked at run time, with their x86_64 numbers: the one list the guest
# tests count and name them by, read from selftests/kapi_syscalls.h (the
# list the C selftests use too), which scripts/vm.sh puts into every guest
# as /kapi/kapi_syscalls.h. KAPI_SYSCALL_NRS is "sys_CALL:NR ...",
# KAPI_SYSCALLS has the names alone, KAPI_NSYSCALLS their number.
KAPI_SYSCALL_NRS=$(sed -n 's/^KAPI_SYSCALL(\([a-z0-9_]*\), \([0-9]*\))$/sys_\1:\2/p' \
	/kapi/kapi_syscalls.h 2>/dev/null)
[ -n "$KAPI_SYSCALL_NRS" ] || echo "# ktap.sh: no /kapi/kapi_syscalls.h: no list of the hooked calls"
KAPI_SYSCALLS=$(for s in $KAPI_SYSCALL_NRS; do printf '%s ' "${s%%:*}"; done)
KAPI_NSYSCALLS=$(set -- $KAPI_SYSCALLS; echo $#)

# ktap_plan N - print the header and the number of cases that will follow.
ktap_plan() {
	echo "KTAP version 1"
	echo "1..$1"
}

# ktap_result STATUS DESCRIPTION - report one case; STATUS 0 means pass.
ktap_result() {
	KTAP_N=$((KTAP_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $KTAP_N $2"
	else
		echo "not ok $KTAP_N $2"
		KTAP_FAILED=$((KTAP_FAILED + 1))
	fi
}

# ktap_check DESCRIPTION CMD... - run CMD; pass if it succeeds.
ktap_check() {
	_desc=$1
	shift
	if "$@" >/tmp/ktap.out 2>&1; then
		ktap_result 0 "$_desc"
	else
		sed 's/^/# /' /tmp/ktap.out
		ktap_result 1 "$_desc"
	fi
}

# ktap_skip DESCRIPTION REASON - a case that cannot run here, and why.
ktap_skip() {
	KTAP_N=$((KTAP_N + 1))
	echo "ok $KTAP_N $1 # SKIP $2"
}

ktap_finish() {
	[ "$KTAP_FAILED" -eq 0 ]
	exit $?
}

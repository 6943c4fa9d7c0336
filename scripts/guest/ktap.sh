# SPDX-License-Identifier: GPL-2.0
#
# A small KTAP producer for guest shell tests (sourced, busybox sh). Each
# check runs a command; its output is shown as KTAP diagnostics only when it
# fails. ktap_finish exits non-zero if any case failed.

KTAP_N=0
KTAP_FAILED=0

# The system calls kapi.ko's own specs describe (module/specs/*.c), each
# hooked at run time, with their x86_64 numbers: the one list the guest
# tests count and name them by. KAPI_SYSCALLS has the names alone,
# KAPI_NSYSCALLS their number.
KAPI_SYSCALL_NRS="sys_read:0 sys_write:1 sys_open:2 sys_close:3 sys_lseek:8 sys_pread64:17
	sys_pwrite64:18 sys_readv:19 sys_writev:20 sys_dup:32 sys_dup2:33 sys_creat:85
	sys_openat:257 sys_preadv:295 sys_pwritev:296 sys_dup3:292 sys_preadv2:327
	sys_pwritev2:328 sys_close_range:436 sys_openat2:437"
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

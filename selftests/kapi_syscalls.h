/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system calls kapi.ko's own specs describe (module/specs/), each
 * hooked at run time, with their x86_64 numbers: the one list the tests
 * count and name them by. One line per call, in registration order:
 *
 *   KAPI_SYSCALL(CALL, NR)   the spec sys_CALL, system call number NR
 *
 * An X-macro list, without an include guard: define KAPI_SYSCALL, include
 * this file, undefine it. Its users:
 *
 * - the C selftests (runtime.c's list of hooked specs; kapi_test.c checks
 *   at compile time that NR is the C library's __NR_CALL);
 * - the guest scripts: scripts/vm.sh puts this file into every guest as
 *   /kapi/kapi_syscalls.h, and scripts/guest/ktap.sh reads its lines into
 *   KAPI_SYSCALL_NRS ("sys_CALL:NR ..."), KAPI_SYSCALLS and KAPI_NSYSCALLS,
 *   so each line must keep exactly this shape.
 *
 * Adding a syscall spec: the spec in module/specs/ and one line here
 * (Documentation/testing.rst, "One list of the hooked calls").
 */
KAPI_SYSCALL(read, 0)
KAPI_SYSCALL(write, 1)
KAPI_SYSCALL(open, 2)
KAPI_SYSCALL(close, 3)
KAPI_SYSCALL(lseek, 8)
KAPI_SYSCALL(pread64, 17)
KAPI_SYSCALL(pwrite64, 18)
KAPI_SYSCALL(readv, 19)
KAPI_SYSCALL(writev, 20)
KAPI_SYSCALL(dup, 32)
KAPI_SYSCALL(dup2, 33)
KAPI_SYSCALL(creat, 85)
KAPI_SYSCALL(openat, 257)
KAPI_SYSCALL(preadv, 295)
KAPI_SYSCALL(pwritev, 296)
KAPI_SYSCALL(dup3, 292)
KAPI_SYSCALL(preadv2, 327)
KAPI_SYSCALL(pwritev2, 328)
KAPI_SYSCALL(close_range, 436)
KAPI_SYSCALL(openat2, 437)

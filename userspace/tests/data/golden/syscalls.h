/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A stand-in for the target kernel's include/linux/syscalls.h in the tests
 * of kapi-gen's cross-check: declarations in the shapes the real header
 * uses (spanning lines, unnamed parameters, (void), several declarations
 * of one call under #ifdef), plus macros and comments that must be skipped.
 */
#define __SYSCALL_DEFINEx(x, name, ...) \
	asmlinkage long sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)) \
	asmlinkage long sys_in_a_macro(int a)

/* asmlinkage long sys_in_a_comment(int a); */
asmlinkage long sys_golden_read(unsigned int fd, char __user *buf,
				size_t count);
asmlinkage long sys_socket(int, int, int);
asmlinkage long sys_sync(void);
asmlinkage long sys_pipe2(int __user *fildes, int flags);
asmlinkage long sys_rt_sigaction(int,
				 const struct sigaction __user *,
				 struct sigaction __user *,
				 size_t);
#ifdef CONFIG_CLONE_BACKWARDS
asmlinkage long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
			  unsigned long tls, int __user *child_tid);
#else
asmlinkage long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
			  int __user *child_tid, unsigned long tls);
#endif

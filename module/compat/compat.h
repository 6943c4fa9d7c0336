/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel version compatibility for kapi. Feature macros (KAPI_HAVE_*) come
 * from the probes in compat.mk; this header turns them into one interface
 * for the rest of the module and refuses kernels that already carry the
 * in-kernel Kernel API Specification framework. The macros, each named by
 * kapi_compat_features() and in Documentation/design.rst:
 *
 *   KAPI_HAVE_IBT                     indirect branch tracking
 *   KAPI_HAVE_FTRACE_DIRECT_MULTI     register_ftrace_direct_multi() (6.1)
 *   KAPI_HAVE_SYNCHRONIZE_RCU_TASKS   synchronize_rcu_tasks() is exported
 *   KAPI_HAVE_GENL_MCAST_CAP          privileged generic netlink groups
 *   KAPI_HAVE_CALL_DEPTH_ACCOUNT      call depth tracking (tramp/entry.S)
 */
#ifndef KAPI_COMPAT_H
#define KAPI_COMPAT_H

#ifdef CONFIG_KAPI_SPEC
/* The kernel has the framework built in: use it, not this module. */
#error "kapi: this kernel already has CONFIG_KAPI_SPEC"
#endif

#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/irqflags.h>
#include <linux/kconfig.h>
#include <linux/magic.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

#include "../check.h"

const char *kapi_compat_features(void);
unsigned long kapi_compat_symbol_address(const char *name);

#ifndef CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS
/* The hooks are ftrace direct calls (tramp/entry.S). */
#error "kapi: the kernel needs CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS"
#endif

/*
 * kapi_ftrace_direct_register() - make the functions that @ops is filtered
 * to call @addr on entry, with no ftrace trampoline in between
 *
 * Return: 0; -EBUSY if another direct call or a livepatch owns a function.
 */
static inline int kapi_ftrace_direct_register(struct ftrace_ops *ops,
					      unsigned long addr)
{
#ifdef KAPI_HAVE_FTRACE_DIRECT_MULTI
	return register_ftrace_direct_multi(ops, addr);
#else
	return register_ftrace_direct(ops, addr);
#endif
}

/*
 * kapi_ftrace_direct_unregister() - undo kapi_ftrace_direct_register(),
 * keeping @ops's filter for the next registration
 */
static inline int kapi_ftrace_direct_unregister(struct ftrace_ops *ops,
						unsigned long addr)
{
#ifdef KAPI_HAVE_FTRACE_DIRECT_MULTI
	return unregister_ftrace_direct_multi(ops, addr);
#else
	return unregister_ftrace_direct(ops, addr, false);
#endif
}

/*
 * The %KAPI_CHECK_FD_* bits of an open file, but %KAPI_CHECK_FD_DIR: its
 * mode bits moved to their places with two shifts.
 */
static __always_inline u16 kapi_compat_file_state(const struct file *file)
{
	u32 mode = (__force u32)READ_ONCE(file->f_mode);

	BUILD_BUG_ON((__force u32)FMODE_READ != 0x1 ||
		     (__force u32)FMODE_WRITE != 0x2 ||
		     (__force u32)FMODE_PATH != 0x4000 ||
		     (__force u32)FMODE_CAN_READ != 0x20000 ||
		     (__force u32)FMODE_CAN_WRITE != 0x40000);
	BUILD_BUG_ON(KAPI_CHECK_FD_READ != 0x8 || KAPI_CHECK_FD_WRITE != 0x10 ||
		     KAPI_CHECK_FD_PATH != 0x4 ||
		     KAPI_CHECK_FD_CAN_READ != 0x20 ||
		     KAPI_CHECK_FD_CAN_WRITE != 0x40);
	return KAPI_CHECK_FD_KNOWN | KAPI_CHECK_FD_OPEN |
	       ((mode & 0x3) << 3) | ((mode >> 12) & 0x64);
}

/*
 * kapi_compat_fd_state() - the state of descriptor @fd of the current task,
 * as the check engine needs it (%KAPI_CHECK_FD_* bits); whether it is a
 * directory only if @dir (that takes a load more)
 *
 * Looked up without taking a reference, with preemption disabled: that is
 * an RCU read-side section (the descriptor table and the files are freed
 * after a grace period), and costs less than rcu_read_lock() under
 * preemptible RCU. A snapshot, as good as the kernel's own look-up a
 * moment later (another thread may close or replace the descriptor in
 * between either way). Only the file's mode and its inode are read, which
 * RCU keeps alive (a file's dentry may not be: anonymous inodes' dentries
 * are freed at once).
 */
static __always_inline u16 kapi_compat_fd_state(unsigned int fd, bool dir)
{
	struct files_struct *files = current->files;
	struct inode *inode;
	struct file *file;
	u16 st;

	if (unlikely(!files))
		return 0;
	preempt_disable();
	file = files_lookup_fd_raw(files, fd);
	if (!file) {
		preempt_enable();
		return KAPI_CHECK_FD_KNOWN;
	}
	st = kapi_compat_file_state(file);
	if (dir) {
		inode = READ_ONCE(file->f_inode);
		if (inode && S_ISDIR(READ_ONCE(inode->i_mode)))
			st |= KAPI_CHECK_FD_DIR;
	}
	preempt_enable();
	return st;
}

/*
 * kapi_compat_fd_arg() - &kapi_check_call.fd of descriptor argument @arg,
 * for a rule with access bits @need (enum kapi_fd_access)
 *
 * AT_FDCWD, where the rule allows it, is not looked up: the rule holds for
 * it whatever the state, and 0 ("not looked up") says the same.
 */
static __always_inline u16 kapi_compat_fd_arg(u64 arg, u32 need)
{
	if ((need & KAPI_FD_AT_FDCWD) && (s32)(u32)arg == AT_FDCWD)
		return 0;
	return kapi_compat_fd_state((u32)arg, need & KAPI_FD_DIR);
}

/*
 * kapi_compat_fd_state_facts() - kapi_compat_fd_state() and
 * kapi_object_facts_of_fd() of descriptor @fd in one look-up
 * @fd: a descriptor of the current task
 * @dir: as for kapi_compat_fd_state()
 * @f: receives the facts of its object, or its kind where the facts are not
 *     enough (%KAPI_OBJ_ANY if @fd is not open)
 *
 * For close(), whose descriptor rule and object are the same descriptor,
 * which the call releases (hook_call.h). Looked up as kapi_compat_fd_state()
 * does; the kind of a socket, of a file of tmpfs or ramfs and of an
 * anonymous inode is found at once (out of line).
 */
static __always_inline u16
kapi_compat_fd_state_facts(unsigned int fd, bool dir,
			   struct kapi_object_facts *f)
{
	struct files_struct *files = current->files;
	const struct super_block *sb;
	const struct inode *inode;
	struct file *file;
	u16 st = 0;

	if (unlikely(!files))
		goto unknown;
	preempt_disable();
	file = files_lookup_fd_raw(files, fd);
	inode = file ? READ_ONCE(file->f_inode) : NULL;
	if (unlikely(!inode)) {
		st = file ? kapi_compat_file_state(file) : KAPI_CHECK_FD_KNOWN;
		preempt_enable();
		goto unknown;
	}
	st = kapi_compat_file_state(file);
	sb = READ_ONCE(inode->i_sb);
	f->mode = READ_ONCE(inode->i_mode);
	f->rdev = READ_ONCE(inode->i_rdev);
	f->magic = sb ? READ_ONCE(sb->s_magic) : 0;
	if (dir && S_ISDIR(f->mode))
		st |= KAPI_CHECK_FD_DIR;
	/* The kind, @f->obj, is read only if @f->known. */
	f->known = !kapi_object_facts_tell_all(f->mode, f->magic);
	if (unlikely(f->known)) {
		kapi_object_of_inode(inode, &f->obj);
		preempt_enable();
		if (f->obj.type == KAPI_OBJ_ANON &&
		    f->obj.impl == KAPI_IMPL_OTHER)
			kapi_object_of_anon_fd(fd, &f->obj);
		return st;
	}
	preempt_enable();
	return st;

unknown:
	f->known = true;
	f->obj.type = KAPI_OBJ_ANY;
	f->obj.impl = KAPI_IMPL_ANY;
	return st;
}

/*
 * kapi_compat_sleepable() - may the current context sleep?
 *
 * Without a preempt count (CONFIG_PREEMPT_COUNT off), preemptible() is
 * always false; interrupts being on is the best sign left then.
 */
static __always_inline bool kapi_compat_sleepable(void)
{
	return IS_ENABLED(CONFIG_PREEMPT_COUNT) ? preemptible() :
						 !irqs_disabled();
}

/*
 * kapi_synchronize_rcu_tasks() - wait until every task that was running
 * kapi's code has left it: each task has since switched voluntarily, or run
 * in user space. A kernel without tasks RCU cannot preempt kernel code, and
 * an RCU grace period does the same there.
 */
static inline void kapi_synchronize_rcu_tasks(void)
{
#ifdef KAPI_HAVE_SYNCHRONIZE_RCU_TASKS
	synchronize_rcu_tasks();
#else
	synchronize_rcu();
#endif
}

/*
 * KAPI_COMPAT_GENL_PRIVATE_MCGRP(name) - a generic netlink multicast group
 * that only CAP_SYS_ADMIN may join, which needs the flags of struct
 * genl_multicast_group. A kernel without them cannot restrict who joins a
 * group: KAPI_COMPAT_GENL_PRIVATE_MCGRPS is false there, and kapi's family
 * registers no group at all.
 */
#ifdef KAPI_HAVE_GENL_MCAST_CAP
#define KAPI_COMPAT_GENL_PRIVATE_MCGRPS true
#define KAPI_COMPAT_GENL_PRIVATE_MCGRP(grp)	\
	{ .name = grp, .flags = GENL_MCAST_CAP_SYS_ADMIN }
#else
#define KAPI_COMPAT_GENL_PRIVATE_MCGRPS false
#define KAPI_COMPAT_GENL_PRIVATE_MCGRP(grp) { .name = grp }
#endif

#endif /* KAPI_COMPAT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel version compatibility for kapi. Feature macros (KAPI_HAVE_*) come
 * from the probes in compat.mk; this header turns them into one interface
 * for the rest of the module and refuses kernels that already carry the
 * in-kernel Kernel API Specification framework.
 */
#ifndef KAPI_COMPAT_H
#define KAPI_COMPAT_H

#ifdef CONFIG_KAPI_SPEC
/* The kernel has the framework built in: use it, not this module. */
#error "kapi: this kernel already has CONFIG_KAPI_SPEC"
#endif

#include <linux/ftrace.h>
#include <linux/irqflags.h>
#include <linux/kconfig.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>

const char *kapi_compat_features(void);
unsigned long kapi_compat_callable_start(unsigned long ip);
unsigned long kapi_compat_symbol_address(const char *name);

/*
 * FTRACE_OPS_FL_RECURSION: ftrace keeps the callback from recursing and runs
 * it with preemption disabled. Kernels before 5.11 did that by default.
 */
#ifdef KAPI_HAVE_FTRACE_OPS_FL_RECURSION
#define KAPI_FTRACE_OPS_FL_RECURSION FTRACE_OPS_FL_RECURSION
#else
#define KAPI_FTRACE_OPS_FL_RECURSION 0
#endif

/*
 * kapi_ftrace_set_ip() - make the traced function continue at @ip
 * @fregs: the callback's ftrace_regs
 * @regs: ftrace_get_regs(@fregs) of an ops with FTRACE_OPS_FL_SAVE_REGS
 * @ip: where execution continues when the ftrace trampoline returns
 *
 * The architecture's setter where it has one (renamed between 6.1 and
 * 6.12); else the saved pt_regs, which the trampoline restores from.
 */
static __always_inline void kapi_ftrace_set_ip(struct ftrace_regs *fregs,
					       struct pt_regs *regs,
					       unsigned long ip)
{
#if defined(CONFIG_HAVE_DYNAMIC_FTRACE_WITH_ARGS) && \
	defined(KAPI_HAVE_FTRACE_REGS_SET_IP)
	ftrace_regs_set_instruction_pointer(fregs, ip);
#elif defined(CONFIG_HAVE_DYNAMIC_FTRACE_WITH_ARGS) && \
	defined(KAPI_HAVE_FTRACE_IP_SET)
	ftrace_instruction_pointer_set(fregs, ip);
#else
	instruction_pointer_set(regs, ip);
#endif
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

#endif /* KAPI_COMPAT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interface between kapi's hook trampolines (hook_tramp.S) and the C
 * code of the hooks (hooks.c), shared by both languages.
 */
#ifndef KAPI_HOOK_TRAMP_H
#define KAPI_HOOK_TRAMP_H

/* Hooks that can be installed at once: one entry stub each. */
#define KAPI_HOOK_SLOTS 512
/* Bytes from one entry stub to the next. */
#define KAPI_HOOK_STUB_SIZE 16

#ifndef __ASSEMBLY__
#include <linux/ptrace.h>
#include <linux/types.h>

/* The x86-64 system call entry points' type. */
typedef long (*kapi_syscall_fn)(const struct pt_regs *regs);

/* KAPI_HOOK_SLOTS stubs, KAPI_HOOK_STUB_SIZE bytes apart. */
extern const u8 kapi_hook_stubs[];

long kapi_hook_call_orig(kapi_syscall_fn fn, const struct pt_regs *regs);
bool kapi_hook_run(const struct pt_regs *uregs, unsigned int slot,
		   unsigned long resume, long *result);
#endif

#endif /* KAPI_HOOK_TRAMP_H */

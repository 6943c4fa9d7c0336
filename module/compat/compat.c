// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line part of kapi's compatibility layer: the list of features
 * detected for the target kernel (for the debugfs version file and bug
 * reports), and the helpers whose work differs between kernels: where a
 * function that ftrace patched can be called through a pointer (indirect
 * branch tracking), and how a symbol's address is found without the
 * unexported kallsyms_lookup_name().
 */
#include <linux/kprobes.h>
#include <linux/uaccess.h>

#include "compat/compat.h"

/**
 * kapi_compat_features() - the compatibility features of this build
 *
 * Every KAPI_HAVE_* macro that compat.mk defines has a name here (and a
 * row in Documentation/design.rst).
 *
 * Return: the names of the KAPI_HAVE_* features detected for the target
 * kernel, each preceded by a space; "" if none.
 */
const char *kapi_compat_features(void)
{
	return ""
#ifdef KAPI_HAVE_IBT
	" ibt"
#endif
#ifdef KAPI_HAVE_FTRACE_DIRECT_MULTI
	" ftrace-direct-multi"
#endif
#ifdef KAPI_HAVE_SYNCHRONIZE_RCU_TASKS
	" rcu-tasks"
#endif
#ifdef KAPI_HAVE_GENL_MCAST_CAP
	" genl-mcast-cap"
#endif
#ifdef KAPI_HAVE_CALL_DEPTH_ACCOUNT
	" call-depth-account"
#endif

	;
}

/**
 * kapi_compat_symbol_address() - the address of a kernel symbol
 * @name: the symbol
 *
 * kallsyms_lookup_name() is not exported to modules; kprobes resolves the
 * name instead, where the kernel has kprobes. The address is for comparing
 * only, never for calling: it may point past an ENDBR64.
 *
 * Context: process context; may sleep.
 * Return: the address, or 0 if the symbol is unknown or cannot be probed,
 * or the kernel has no kprobes.
 */
unsigned long kapi_compat_symbol_address(const char *name)
{
#ifdef CONFIG_KPROBES
	struct kprobe kp = { .symbol_name = name };
	unsigned long addr;

	if (register_kprobe(&kp))
		return 0;
	addr = (unsigned long)kp.addr;
	unregister_kprobe(&kp);
	return addr;
#else
	return 0;
#endif
}

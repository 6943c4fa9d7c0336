// SPDX-License-Identifier: GPL-2.0
/*
 * The list of compatibility features detected for the target kernel, for
 * the debugfs version file and bug reports.
 */
#include "compat/compat.h"

/**
 * kapi_compat_features() - the compatibility features of this build
 *
 * Return: the names of the KAPI_HAVE_* features detected for the target
 * kernel, each preceded by a space; "" if none.
 */
const char *kapi_compat_features(void)
{
	return ""
#ifdef KAPI_HAVE_FTRACE_REGS_SET_IP
	" ftrace-regs-set-ip"
#endif
#ifdef KAPI_HAVE_FTRACE_GET_REGS
	" ftrace-get-regs"
#endif
#ifdef KAPI_HAVE_IBT
	" ibt"
#endif
#ifdef KAPI_HAVE_FPROBE
	" fprobe"
#endif
#ifdef KAPI_HAVE_FTRACE_IP_SET
	" ftrace-ip-set"
#endif
#ifdef KAPI_HAVE_FTRACE_OPS_FL_RECURSION
	" ftrace-recursion"
#endif
#ifdef KAPI_HAVE_SYNCHRONIZE_RCU_TASKS
	" rcu-tasks"
#endif
	;
}

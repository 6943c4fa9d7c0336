/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hooks of kapi's runtime verification: one hook per registered
 * syscall spec, on the kernel's x86-64 entry point of that system call
 * (__x64_sys_<name>), through a slot of the resident module kapi_tramp.ko
 * (module/tramp/), which owns the ftrace direct call. A hooked call runs
 * through two generic functions: one decodes the arguments, asks the check
 * engine for a verdict, hands it to the report layer and, in enforce mode,
 * fails a call that violates a parameter constraint without running it;
 * the other checks the result. Hooks follow the registry: they attach when
 * a syscall spec registers and detach when it goes.
 *
 * LOCKING: the hook list has a mutex, taken after the registry's (the
 * registry listener runs under the registry lock). A hooked call takes no
 * lock and no reference: the resident's read-side sections keep its hook
 * alive (hooks.c).
 */
#ifndef KAPI_HOOKS_H
#define KAPI_HOOKS_H

#include <linux/list.h>
#include <linux/types.h>

#include "check.h"
#include "kapi_tramp.h"
#include "kapi.h"
#include "report.h"

struct kapi_registry_spec;

/* Room for "__x64_" and a spec name. */
#define KAPI_HOOK_FUNC_LEN 64

/**
 * struct kapi_hook - a syscall spec and the hook on its entry point
 * @node: entry in the hook list, in registration order (hooks lock)
 * @client: what the resident calls, bound to @slot
 * @spec: the registered spec, with a reference on its image
 * @image: the image that holds the spec record
 * @record: the spec record
 * @name: the spec's name, "sys_<name>"
 * @func: the hooked function, "__x64_sys_<name>"
 * @slot: the hook's slot in the resident, if @attached
 * @error: 0 while hooked; otherwise the negative errno why the function
 *	   is not (or no longer) hooked
 * @attached: @client is bound to @slot
 * @registered: the slot is enabled (not in off mode)
 * @nparams: the spec's number of parameters
 * @type: the declared C type of each parameter
 * @slimit: for each parameter, the string length to measure, or 0
 * @fdcheck: bit i set: parameter i is a descriptor whose state the check
 *	     engine needs (%KAPI_CONSTRAINT_FD)
 * @fdneed: for each such parameter, the access bits its rule needs (enum
 *	    kapi_fd_access), for kapi_compat_fd_arg()
 * @obj_how: enum kapi_object_how: how a failed call's object is found
 * @obj_param: the descriptor or path parameter that names the object
 * @obj_dfd: %KAPI_OBJECT_PATH: the directory descriptor parameter a
 *	     relative path starts from, or -1 for the working directory
 * @impl: the check engine of the spec: checks kapi-gen specialised for
 *	  it, or the interpreter (kapi_check_impl_for())
 * @report: the spec's counters
 * @sparam: the parameter whose struct the interpreter's decoding reads
 *	    (the first that names one kapi can read), or -1
 * @sdesc: its description (kapi_check_struct_of())
 */
struct kapi_hook {
	struct list_head node;
	struct kapi_tramp_client client;
	struct kapi_registry_spec *spec;
	const void *image;
	const struct kapi_image_spec *record;
	const char *name;
	char func[KAPI_HOOK_FUNC_LEN];
	unsigned int slot;
	int error;
	bool attached;
	bool registered;
	u32 nparams;
	struct kapi_check_type type[KAPI_CHECK_MAX_PARAMS];
	long slimit[KAPI_CHECK_MAX_PARAMS];
	u32 fdcheck;
	u32 fdneed[KAPI_CHECK_MAX_PARAMS];
	u8 obj_how;
	u8 obj_param;
	s8 obj_dfd;
	s8 sparam;
	struct kapi_check_struct sdesc;
	const struct kapi_check_impl *impl;
	struct kapi_report_spec report;
};

/* The mode, enum kapi_mode (kapi_hooks_set_mode()). */
extern int kapi_hooks_cur_mode;

/**
 * kapi_hooks_mode() - the current mode
 *
 * Return: %KAPI_MODE_OFF, %KAPI_MODE_AUDIT or %KAPI_MODE_ENFORCE.
 */
static inline enum kapi_mode kapi_hooks_mode(void)
{
	return READ_ONCE(kapi_hooks_cur_mode);
}

void kapi_hooks_set_mode(enum kapi_mode mode);

void kapi_hooks_lock(void);
void kapi_hooks_unlock(void);
struct kapi_hook *kapi_hooks_next(struct kapi_hook *prev);
void kapi_hooks_reset_stats(void);

int kapi_hooks_init(void);
void kapi_hooks_exit(void);

#endif /* KAPI_HOOKS_H */

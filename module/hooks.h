/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hooks of kapi's runtime verification: one hook per registered
 * syscall spec, on the kernel's x86-64 entry point of that system call
 * (__x64_sys_<name>), installed as an ftrace direct call. A hooked call
 * runs through one generic function that decodes the arguments, asks the check engine for a
 * verdict, hands it to the report layer and, in enforce mode, fails a call
 * that violates a parameter constraint without running it. Hooks follow the
 * registry: they attach when a syscall spec registers and detach when it
 * goes. Everything that knows about ftrace lives in hooks.c and
 * hook_tramp.S.
 *
 * LOCKING: the hook list has a mutex, taken after the registry's (the
 * registry listener runs under the registry lock). A hooked call takes no
 * lock; it holds a reference on its hook and on kapi.ko until it returns.
 */
#ifndef KAPI_HOOKS_H
#define KAPI_HOOKS_H

#include <linux/ftrace.h>
#include <linux/list.h>
#include <linux/percpu-refcount.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "check.h"
#include "kapi.h"
#include "report.h"

struct kapi_registry_spec;

/* Room for "__x64_" and a spec name. */
#define KAPI_HOOK_FUNC_LEN 64

/**
 * struct kapi_hook - a syscall spec and the hook on its entry point
 * @node: entry in the hook list, in registration order (hooks lock)
 * @ops: the ftrace_ops, filtered to @func, a direct call to @slot's stub
 * @ref: one reference while attached, one per call in kapi_hook_run()
 * @spec: the registered spec, with a reference on its image
 * @image: the image that holds the spec record
 * @record: the spec record
 * @name: the spec's name, "sys_<name>"
 * @func: the hooked function, "__x64_sys_<name>"
 * @orig: the address kapi_hook_run() calls to run the system call, learnt
 *	  from the first hooked call (0 until then)
 * @ip: the address of the hooked function's entry call, learnt with @orig
 * @slot: the hook's entry stub (hook_tramp.S); %KAPI_HOOK_SLOTS if none
 * @error: 0 while hooked; otherwise the negative errno why the function
 *	   is not (or no longer) hooked
 * @filtered: @ops has its filter set (and must free it)
 * @registered: @ops is registered with ftrace (not in off mode)
 * @nparams: the spec's number of parameters
 * @type: the declared C type of each parameter
 * @slimit: for each parameter, the string length to measure, or 0
 * @fdcheck: bit i set: parameter i is a descriptor whose state the check
 *	     engine needs (%KAPI_CONSTRAINT_FD)
 * @obj_how: enum kapi_object_how: how a failed call's object is found
 * @obj_param: the descriptor or path parameter that names the object
 * @obj_dfd: %KAPI_OBJECT_PATH: the directory descriptor parameter a
 *	     relative path starts from, or -1 for the working directory
 * @report: the spec's counters
 * @free_work: frees the hook once the last call has left kapi_hook_run()
 */
struct kapi_hook {
	struct list_head node;
	struct ftrace_ops ops;
	struct percpu_ref ref;
	struct kapi_registry_spec *spec;
	const void *image;
	const struct kapi_image_spec *record;
	const char *name;
	char func[KAPI_HOOK_FUNC_LEN];
	unsigned long orig;
	unsigned long ip;
	unsigned int slot;
	int error;
	bool filtered;
	bool registered;
	u32 nparams;
	struct kapi_check_type type[KAPI_CHECK_MAX_PARAMS];
	long slimit[KAPI_CHECK_MAX_PARAMS];
	u32 fdcheck;
	u8 obj_how;
	u8 obj_param;
	s8 obj_dfd;
	struct kapi_report_spec report;
	struct work_struct free_work;
};

enum kapi_mode kapi_hooks_mode(void);
void kapi_hooks_set_mode(enum kapi_mode mode);

void kapi_hooks_lock(void);
void kapi_hooks_unlock(void);
struct kapi_hook *kapi_hooks_next(struct kapi_hook *prev);
void kapi_hooks_reset_stats(void);

int kapi_hooks_init(void);
void kapi_hooks_exit(void);

#endif /* KAPI_HOOKS_H */

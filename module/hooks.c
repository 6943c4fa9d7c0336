// SPDX-License-Identifier: GPL-2.0
/*
 * Hooks on the x86-64 system call entry points, for kapi's runtime
 * verification. Each registered syscall spec "sys_<name>" gets a hook on
 * __x64_sys_<name>, bound to a slot of the resident module kapi_tramp.ko
 * (module/tramp/): the resident makes the function's entry call the slot's
 * entry stub directly (an ftrace "direct call"), and calls kapi_hook_pre()
 * before the function runs and kapi_hook_post() after it returned.
 * kapi_hook_pre() decodes the user arguments from the entry point's
 * pt_regs as the spec's parameter types say, runs the check engine and
 * reports, and in enforce mode refuses the call; kapi_hook_post() checks
 * and reports the result. Table-driven: a spec for another system call
 * needs no new code (a call without parameters is found under its
 * __do_sys_<name> alias). In off mode the hooks are disabled, so hooked
 * functions run at full speed; they are enabled again when the mode
 * changes.
 *
 * Lifetime and unload safety: kapi.ko's code runs on the call path only
 * inside kapi_hook_pre() and kapi_hook_post(), each in a read-side section
 * of the resident; a task asleep in a hooked function has only the
 * resident's code on its stack. A hook is detached from its slot and freed
 * after kapi_tramp_synchronize(), which waits for those sections and not
 * for the sleepers; so kapi.ko unloads at once however many tasks sleep in
 * hooked calls, and no call takes a reference on anything. Nothing on the
 * call path allocates or takes a sleeping lock; user memory is read only
 * to measure strings (kapi_compat_strnlen_user()).
 */
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "check.h"
#include "hooks.h"
#include "kapi_tramp.h"
#include "image.h"
#include "hook_call.h"
#include "kapi.h"
#include "object.h"
#include "registry.h"
#include "report.h"

int kapi_hooks_cur_mode = KAPI_MODE_AUDIT;

/*
 * LOCKING: kapi_hooks_mutex protects kapi_hooks_list. Attach and detach
 * are also serialised by the registry lock, under which the listener runs.
 */
static DEFINE_MUTEX(kapi_hooks_mutex);
static LIST_HEAD(kapi_hooks_list);
/* --- mode -------------------------------------------------------------- */

static int kapi_hooks_mode_param_set(const char *val,
				     const struct kernel_param *kp)
{
	int m;

	for (m = 0; m < KAPI_MODE_COUNT; m++) {
		if (sysfs_streq(val, kapi_mode_name(m))) {
			kapi_hooks_set_mode(m);
			return 0;
		}
	}
	return -EINVAL;
}

static int kapi_hooks_mode_param_get(char *buf,
				     const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%s\n",
			 kapi_mode_name(kapi_hooks_mode()));
}

static const struct kernel_param_ops kapi_hooks_mode_param_ops = {
	.set = kapi_hooks_mode_param_set,
	.get = kapi_hooks_mode_param_get,
};

module_param_cb(mode, &kapi_hooks_mode_param_ops, NULL, 0400);
MODULE_PARM_DESC(mode, "runtime checks: off, audit (default) or enforce");

/* --- the call path ----------------------------------------------------- */

/*
 * The arguments of a call, as the spec's parameter types say, and what the
 * rules read of them: the state of descriptors, the length and first byte
 * of strings, what breaks a rule in a struct argument, the calling context.
 * Return: false if a string or a struct must be read again where page
 * faults are served (kapi_check_decode_string(), kapi_check_decode_struct()).
 */
static bool kapi_hook_decode(const struct kapi_hook *hook,
			     const struct pt_regs *uregs,
			     struct kapi_check_call *call, u32 flags)
{
	const unsigned long raw[KAPI_CHECK_MAX_PARAMS] = {
		uregs->di, uregs->si, uregs->dx, uregs->r10, uregs->r8, uregs->r9,
	};
	u32 i;

	for (i = 0; i < hook->nparams; i++) {
		call->args[i] = kapi_check_convert(raw[i], hook->type[i]);
		call->slen[i] = 0;
		call->head[i] = 0;
		call->fd[i] = 0;
		if (hook->slimit[i] &&
		    !kapi_check_decode_string(call, i, hook->slimit[i], flags))
			return false;
		if (hook->fdcheck & BIT(i))
			call->fd[i] = kapi_compat_fd_arg(call->args[i],
							 hook->fdneed[i]);
	}
	/* After every argument: the struct's count or size is one of them. */
	call->sbad = 0;
	if (hook->sparam >= 0 &&
	    !kapi_check_decode_struct(call, hook->sparam, &hook->sdesc, flags))
		return false;
	call->context = kapi_check_context_now(flags);
	return true;
}

/*
 * The decoding and the checks before the call of a spec without
 * specialised checks (&kapi_check_impl.enter): out of line, so that the
 * call path of the others keeps a small frame.
 */
static noinline enum kapi_check_entered
kapi_hook_enter_image(const struct kapi_hook *hook, const struct pt_regs *uregs,
		      struct kapi_check_call *call, struct kapi_check_pre *pre,
		      u32 flags)
{
	if (!kapi_hook_decode(hook, uregs, call, flags))
		return KAPI_CHECK_AGAIN;
	hook->impl->before(call, pre);
	return KAPI_CHECK_FOUND;
}

/*
 * The kind of object a failed call worked on (Documentation/runtime.rst):
 * kept out of line, so that a call that succeeds pays one branch for it.
 */
noinline void kapi_hook_object(const struct kapi_hook *hook,
			       struct kapi_check_call *call)
{
	int dfd = AT_FDCWD;

	switch (hook->obj_how) {
	case KAPI_OBJECT_FD:
		kapi_object_of_fd((unsigned int)call->args[hook->obj_param],
				  &call->object);
		break;
	case KAPI_OBJECT_FD_BEFORE:
		/* kapi_hook_post_begin() has it from what was read before. */
		break;
	case KAPI_OBJECT_PATH:
		if (hook->obj_dfd >= 0)
			dfd = (int)call->args[hook->obj_dfd];
		kapi_object_of_path(dfd, (const char __user *)
				    (uintptr_t)call->args[hook->obj_param],
				    &call->object);
		break;
	default:
		call->object.type = KAPI_OBJ_ANY;
		call->object.impl = KAPI_IMPL_ANY;
		break;
	}
}

/*
 * How the calls of @hook's spec name their object: the first path
 * parameter (relative to the descriptor parameter before it, if any), else
 * the first descriptor parameter. close() releases its descriptor, so its
 * object is found before the call (kapi-gen --checks knows the same rule,
 * and reads it in the look-up of the descriptor's state).
 */
static void kapi_hook_object_param(struct kapi_hook *hook)
{
	const struct kapi_image_param *p;
	int fd = -1;
	u32 i;

	hook->obj_how = KAPI_OBJECT_NONE;
	hook->obj_dfd = -1;
	for (i = 0; i < hook->nparams; i++) {
		p = kapi_image_param(hook->image, hook->record, i);
		if (p->type == KAPI_TYPE_PATH) {
			hook->obj_how = KAPI_OBJECT_PATH;
			hook->obj_param = i;
			hook->obj_dfd = fd;
			return;
		}
		if (p->type == KAPI_TYPE_FD && fd < 0)
			fd = i;
	}
	if (fd < 0)
		return;
	hook->obj_param = fd;
	hook->obj_how = strcmp(hook->name, "sys_close") ? KAPI_OBJECT_FD :
			KAPI_OBJECT_FD_BEFORE;
}

/*
 * kapi_hook_pre() - the entry of a call of a hooked function
 *
 * Called by the resident (kapi_tramp_run()) in the context of the system
 * call, in a read-side section that kapi_hooks_exit() waits for: first
 * with preemption disabled, again preemptible if this asks for it (a
 * string that faults). The call runs unchecked if the mode is off or the
 * filter leaves the task out. Otherwise it is decoded and checked; enforce
 * mode refuses it here, before it runs. The hooks of kapi.ko's own specs
 * use the same pieces (hook_call.h) around their specialised checks
 * instead (kapi_hook_prepare()).
 */
static notrace enum kapi_tramp_verdict
kapi_hook_pre(struct kapi_tramp_client *client, const struct pt_regs *uregs,
	      void *frame, long *result, unsigned int flags)
{
	struct kapi_hook *hook = kapi_hook_of(client);
	struct kapi_hook_frame *f = frame;

	if (!kapi_hook_pre_begin(hook, f, hook->nparams))
		return KAPI_TRAMP_RUN;
	kapi_hook_frame_spec(hook, f);
	if ((hook->impl->enter ?
	     hook->impl->enter(uregs, &f->call, &f->pre, flags) :
	     kapi_hook_enter_image(hook, uregs, &f->call, &f->pre, flags)) ==
	    KAPI_CHECK_AGAIN)
		return KAPI_TRAMP_SLEEP;
	return kapi_hook_pre_end(hook, f, result, false);
}

/*
 * kapi_hook_post() - the return of a call that kapi_hook_pre() checked
 *
 * As kapi_hook_pre(); the resident calls it only if the hook is still
 * attached to the slot it was at the entry. The object of a failed call
 * named by a path is looked up where the task may sleep: asked for by
 * returning false.
 */
static notrace bool kapi_hook_post(struct kapi_tramp_client *client,
				   const struct pt_regs *uregs, void *frame,
				   long ret, unsigned int flags)
{
	struct kapi_hook *hook = kapi_hook_of(client);
	struct kapi_hook_frame *f = frame;
	unsigned long nofile;

	if (!kapi_hook_post_begin(hook, f, ret, flags))
		return false;
	nofile = kapi_hook_nofile(f->call.spec->ret.check);
	hook->impl->after(&f->call, &f->pre, ret, nofile, &f->post);
	kapi_hook_post_end(hook, f, ret, nofile);
	return true;
}

/* --- hook descriptors -------------------------------------------------- */

/* "sys_" and lower-case letters, digits and underscores. */
static bool kapi_hook_name_ok(const char *name)
{
	size_t i, len = strlen(name);

	if (len <= 4 || strncmp(name, "sys_", 4) ||
	    len + sizeof("__x64_") > KAPI_HOOK_FUNC_LEN)
		return false;
	for (i = 4; i < len; i++)
		if (!islower(name[i]) && !isdigit(name[i]) && name[i] != '_')
			return false;
	return true;
}

/*
 * SYSCALL_DEFINE0 makes __x64_sys_<name> an alias of the static
 * __do_sys_<name>, and ftrace knows the function by the latter name. Only
 * when both names are the same address is the function an entry point
 * that takes the user pt_regs and nothing else.
 */
static bool kapi_hook_do_sys(struct kapi_hook *hook)
{
	char name[KAPI_HOOK_FUNC_LEN];
	unsigned long a;

	snprintf(name, sizeof(name), "__do_%s", hook->name);
	a = kapi_compat_symbol_address(hook->func);
	if (!a || a != kapi_compat_symbol_address(name))
		return false;
	strscpy(hook->func, name, sizeof(hook->func));
	return true;
}

/*
 * kapi_hook_prepare() - bind the hook to a slot of the resident on the
 * function to hook, without hooking it yet
 * @hook: a new hook
 *
 * Return: 0; -EINVAL if the kernel has no such function or ftrace cannot
 * trace it; -ENOSPC if the resident has no free slot.
 */
static int kapi_hook_prepare(struct kapi_hook *hook)
{
	int ret;

	const struct kapi_check_gen *gen;

	hook->client.pre = kapi_hook_pre;
	hook->client.post = kapi_hook_post;
	/* The spec's own pre() and post(), if kapi-gen made them. */
	if (hook->impl != &kapi_check_interpreter) {
		gen = container_of(hook->impl, struct kapi_check_gen, impl);
		if (gen->hook) {
			hook->client.pre = gen->hook->pre;
			hook->client.post = gen->hook->post;
		}
	}
	ret = kapi_tramp_attach(&hook->client, hook->func, KAPI_TRAMP_ABI);
	if (ret == -EINVAL && !hook->nparams && kapi_hook_do_sys(hook)) {
		ret = kapi_tramp_attach(&hook->client, hook->func,
					KAPI_TRAMP_ABI);
		if (ret < 0)
			snprintf(hook->func, sizeof(hook->func), "__x64_%s",
				 hook->name);
	}
	if (ret < 0)
		return ret;
	hook->slot = ret;
	hook->attached = true;
	return 0;
}

static const char *kapi_hook_why(int error)
{
	switch (error) {
	case -EBUSY:
		return "another ftrace user (livepatch, BPF, a hooking module) owns its entry";
	case -ENOSPC:
		return "all " __stringify(KAPI_TRAMP_SLOTS) " hook slots are taken";
	case -EINVAL:
		return "this kernel has no such function, or ftrace cannot trace it";
	case -E2BIG:
		return "the spec has more than 6 parameters";
	case -EOPNOTSUPP:
		return "the spec says it does not return, and a hook must return";
	case -ENOENT:
		return "the spec's name is not sys_ followed by [a-z0-9_]";
	case -EPROTO:
		return "kapi_tramp.ko is of another version than kapi.ko";
	default:
		return "ftrace refused";
	}
}

/*
 * kapi_hook_activate() - make the hooked function call the resident
 * @hook: a hook on the list
 *
 * A hook whose registration failed with -EBUSY (another ftrace user owns
 * the function's entry) or -ENOMEM is tried again; other errors, and a
 * hook without a slot, are final. LOCKING: the hooks lock.
 */
static void kapi_hook_activate(struct kapi_hook *hook)
{
	int error = READ_ONCE(hook->error), ret;

	lockdep_assert_held(&kapi_hooks_mutex);
	if (hook->registered || !hook->attached ||
	    (error && error != -EBUSY && error != -ENOMEM))
		return;
	ret = kapi_fail("ftrace_direct") ? -EBUSY :
	      kapi_tramp_enable(hook->slot);
	if (!ret) {
		hook->registered = true;
		if (error)
			pr_info("%s: %s is hooked now\n", hook->name,
				hook->func);
	} else if (ret != error) {
		pr_warn("%s: cannot hook %s: %s (%pe); the other specs are checked\n",
			hook->name, hook->func, kapi_hook_why(ret),
			ERR_PTR(ret));
	}
	WRITE_ONCE(hook->error, ret);
}

/*
 * kapi_hook_deactivate() - stop the hooked function calling the resident
 * @hook: a hook
 *
 * When this returns no new call enters the hook; calls already in it run
 * to their end as they started. LOCKING: the hooks lock.
 */
static void kapi_hook_deactivate(struct kapi_hook *hook)
{
	if (hook->registered && !kapi_tramp_disable(hook->slot))
		hook->registered = false;
}

/*
 * Detach every hook on @gone from its slot, wait until no call is in
 * kapi_hook_pre() or kapi_hook_post() any more, and free them. Calls that
 * sleep in a hooked function meanwhile are not waited for: they return
 * through the resident, which skips their post (and counts it).
 */
static void kapi_hooks_free_list(struct list_head *gone)
{
	struct kapi_hook *hook, *tmp;

	if (list_empty(gone))
		return;
	list_for_each_entry(hook, gone, node)
		if (hook->attached)
			kapi_tramp_detach(hook->slot);
	kapi_tramp_synchronize();
	list_for_each_entry_safe(hook, tmp, gone, node) {
		list_del(&hook->node);
		kapi_report_spec_destroy(&hook->report);
		kapi_registry_put(hook->spec);
		kfree(hook);
	}
}

/*
 * Prepare the hook of syscall spec @s, put it on the list and, unless the
 * mode is off, register it.
 */
static void kapi_hook_attach(const struct kapi_registry_spec *s)
{
	const struct kapi_image_param *p;
	struct kapi_hook *hook;
	u32 i;

	hook = kzalloc(sizeof(*hook), GFP_KERNEL);
	if (!hook)
		goto nomem;
	hook->spec = kapi_registry_get(s->name);
	if (!hook->spec) {
		kfree(hook);
		return;
	}
	if (kapi_report_spec_init(&hook->report))
		goto free_spec;
	hook->image = hook->spec->image->data;
	hook->record = hook->spec->spec;
	hook->name = hook->spec->name;
	hook->nparams = hook->record->params.count;

	if (!kapi_hook_name_ok(hook->name)) {
		strscpy(hook->func, "-", sizeof(hook->func));
		hook->error = -ENOENT;
	} else {
		snprintf(hook->func, sizeof(hook->func), "__x64_%s",
			 hook->name);
	}
	if (hook->nparams > KAPI_CHECK_MAX_PARAMS)
		hook->error = -E2BIG;
	else if (hook->record->ret.check == KAPI_RETURN_NO_RETURN)
		hook->error = -EOPNOTSUPP;
	hook->sparam = -1;
	for (i = 0; !hook->error && i < hook->nparams; i++) {
		p = kapi_image_param(hook->image, hook->record, i);
		hook->type[i] = kapi_check_param_type(hook->image, p);
		if (hook->sparam < 0 &&
		    kapi_check_struct_of(hook->image, p, &hook->sdesc))
			hook->sparam = i;
		hook->slimit[i] = kapi_check_string_limit(p);
		if (p->constraint == KAPI_CONSTRAINT_FD) {
			hook->fdcheck |= BIT(i);
			hook->fdneed[i] = (u32)p->mask.value;
		}
	}
	if (!hook->error) {
		kapi_hook_object_param(hook);
		hook->impl = kapi_check_impl_for(hook->image, hook->record);
	}
	if (!hook->error)
		hook->error = kapi_hook_prepare(hook);
	if (hook->error)
		pr_warn("%s: cannot hook %s: %s (%pe); the other specs are checked\n",
			hook->name, hook->func, kapi_hook_why(hook->error),
			ERR_PTR(hook->error));

	mutex_lock(&kapi_hooks_mutex);
	list_add_tail(&hook->node, &kapi_hooks_list);
	if (kapi_hooks_mode() != KAPI_MODE_OFF)
		kapi_hook_activate(hook);
	mutex_unlock(&kapi_hooks_mutex);
	return;

free_spec:
	kapi_registry_put(hook->spec);
	kfree(hook);
nomem:
	pr_warn("%s: cannot hook it: out of memory\n", s->name);
}

/**
 * kapi_hooks_set_mode() - change the mode
 * @mode: the new mode
 *
 * Takes effect for calls that enter a hook from now on. In off mode the
 * hooks' ftrace_ops are unregistered, so that hooked functions run at
 * full speed; leaving off registers them again, and tries again the hooks
 * that another ftrace user had kept busy.
 *
 * Context: process context; may sleep (unregistering waits for tasks RCU).
 */
void kapi_hooks_set_mode(enum kapi_mode mode)
{
	struct kapi_hook *hook;

	if ((unsigned int)mode >= KAPI_MODE_COUNT)
		return;
	mutex_lock(&kapi_hooks_mutex);
	/* ORDER: callbacks see the new mode before ops come or go. */
	WRITE_ONCE(kapi_hooks_cur_mode, mode);
	list_for_each_entry(hook, &kapi_hooks_list, node) {
		if (mode == KAPI_MODE_OFF)
			kapi_hook_deactivate(hook);
		else
			kapi_hook_activate(hook);
	}
	mutex_unlock(&kapi_hooks_mutex);
}

/* --- following the registry -------------------------------------------- */

/* LOCKING: called with the registry lock held (see registry.h). */
static void kapi_hooks_added(const struct kapi_registry_image *img)
{
	u32 i;

	for (i = 0; i < img->nspecs; i++)
		if (img->specs[i].spec->kind == KAPI_KIND_SYSCALL)
			kapi_hook_attach(&img->specs[i]);
}

/*
 * LOCKING: called with the registry lock held. The hooks leave the list
 * under the hooks lock and are freed after it is dropped, because that
 * waits for the calls in them.
 */
static void kapi_hooks_removed(const struct kapi_registry_image *img)
{
	struct kapi_hook *hook, *tmp;
	LIST_HEAD(gone);

	mutex_lock(&kapi_hooks_mutex);
	list_for_each_entry_safe(hook, tmp, &kapi_hooks_list, node)
		if (hook->spec->image == img)
			list_move_tail(&hook->node, &gone);
	mutex_unlock(&kapi_hooks_mutex);
	kapi_hooks_free_list(&gone);
}

static struct kapi_registry_listener kapi_hooks_listener = {
	.added = kapi_hooks_added,
	.removed = kapi_hooks_removed,
};

/* --- iteration, for the views ------------------------------------------ */

/**
 * kapi_hooks_lock() - hold the hook list still, for kapi_hooks_next()
 */
void kapi_hooks_lock(void)
{
	mutex_lock(&kapi_hooks_mutex);
}

/**
 * kapi_hooks_unlock() - release kapi_hooks_lock()
 */
void kapi_hooks_unlock(void)
{
	mutex_unlock(&kapi_hooks_mutex);
}

/**
 * kapi_hooks_next() - iterate over the hooks of all syscall specs
 * @prev: the previous hook, or NULL to start
 *
 * Hooks that could not be attached are included, with their error.
 *
 * Context: with kapi_hooks_lock() held.
 * Return: the next hook in registration order; NULL after the last.
 */
struct kapi_hook *kapi_hooks_next(struct kapi_hook *prev)
{
	lockdep_assert_held(&kapi_hooks_mutex);
	if (!prev)
		return list_first_entry_or_null(&kapi_hooks_list,
						struct kapi_hook, node);
	if (list_is_last(&prev->node, &kapi_hooks_list))
		return NULL;
	return list_next_entry(prev, node);
}

/**
 * kapi_hooks_reset_stats() - set every hook's counters and the violation
 * ring's drop count to zero
 *
 * What "reset" means in both views (runtime/stats, %KAPI_CMD_RESET_STATS):
 * the records in the ring stay.
 *
 * Context: process context; takes the hooks lock.
 */
void kapi_hooks_reset_stats(void)
{
	struct kapi_hook *hook;

	mutex_lock(&kapi_hooks_mutex);
	list_for_each_entry(hook, &kapi_hooks_list, node)
		kapi_report_spec_reset(&hook->report);
	mutex_unlock(&kapi_hooks_mutex);
	kapi_report_ring_reset_dropped();
}

/* --- init and exit ----------------------------------------------------- */

/**
 * kapi_hooks_init() - hook every registered syscall spec, and follow them
 *
 * Return: 0. A function that cannot be hooked is reported and is not an
 * error.
 */
int kapi_hooks_init(void)
{
	BUILD_BUG_ON(sizeof(struct kapi_hook_frame) > KAPI_TRAMP_FRAME_SIZE);
	/* The resident's flags are passed on to the check engine as they are. */
	BUILD_BUG_ON((KAPI_CHECK_ATOMIC ^ KAPI_TRAMP_F_ATOMIC) |
		     (KAPI_CHECK_CALLER_ATOMIC ^ KAPI_TRAMP_F_CALLER_ATOMIC));
	kapi_registry_listen(&kapi_hooks_listener);
	return 0;
}

/**
 * kapi_hooks_exit() - remove every hook
 *
 * Detaches every hook from the resident (kapi_tramp.ko) and waits for the
 * calls inside kapi_hook_pre() or kapi_hook_post(), but not for the tasks
 * asleep in a hooked function: they return through the resident, which
 * no longer calls kapi.ko. So this takes one grace period, however many
 * tasks sleep in hooked calls (Documentation/runtime.rst, "Unloading").
 */
void kapi_hooks_exit(void)
{
	LIST_HEAD(gone);

	kapi_registry_unlisten(&kapi_hooks_listener);
	mutex_lock(&kapi_hooks_mutex);
	list_splice_init(&kapi_hooks_list, &gone);
	mutex_unlock(&kapi_hooks_mutex);
	kapi_hooks_free_list(&gone);
}

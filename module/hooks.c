// SPDX-License-Identifier: GPL-2.0
/*
 * Hooks on the x86-64 system call entry points, for kapi's runtime
 * verification. Each registered syscall spec "sys_<name>" gets a hook on
 * __x64_sys_<name>: an ftrace_ops, filtered to that one function, that
 * makes the function's entry call one of kapi's entry stubs directly (an
 * ftrace "direct call", hook_tramp.S), with no ftrace trampoline and no
 * register saving in between. The stub says which hook it belongs to (its
 * slot), and kapi_hook_run() decodes the user arguments from the entry
 * point's pt_regs as the spec's parameter types say, runs the check engine,
 * reports, and calls the original function from its start (the nested
 * entry passes straight through the stub). Table-driven: a spec for another
 * system call needs no new code (a call without parameters is found under
 * its __do_sys_<name> alias). In off mode the ops are unregistered, so
 * hooked functions run at full speed; they are registered again when the
 * mode changes.
 *
 * Lifetime and unload safety: a call in kapi_hook_run() holds a reference
 * on its hook (a percpu_ref) and on kapi.ko, so rmmod fails with EBUSY
 * while a task sleeps inside a hooked call instead of freeing code under
 * it. A task may be preempted in an entry stub before it takes those
 * references: a hook and its slot are released only after tasks RCU has
 * seen every task leave (kapi_hook_free_work()), and the exit path waits
 * for tasks RCU, so that no task still runs the stub's last instructions
 * after its module_put(). Nothing on the call path allocates or takes a
 * sleeping lock; user memory is read only with strnlen_user().
 */
#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/percpu-refcount.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait_bit.h>
#include <linux/workqueue.h>

#include "check.h"
#include "hook_tramp.h"
#include "hooks.h"
#include "image.h"
#include "kapi.h"
#include "object.h"
#include "registry.h"
#include "report.h"

static int kapi_hooks_cur_mode = KAPI_MODE_AUDIT;

/*
 * LOCKING: kapi_hooks_mutex protects kapi_hooks_list. Attach and detach
 * are also serialised by the registry lock, under which the listener runs.
 */
static DEFINE_MUTEX(kapi_hooks_mutex);
static LIST_HEAD(kapi_hooks_list);
/*
 * The hook of each entry stub. LOCKING: set and cleared under the hooks
 * lock; read locklessly by kapi_hook_run(). A slot is taken until its hook
 * is freed (kapi_hook_free_work()).
 */
static struct kapi_hook *kapi_hook_slot[KAPI_HOOK_SLOTS];
static struct workqueue_struct *kapi_hooks_wq;
/* Hooks not yet freed, attached or not; kapi_hooks_exit() waits for 0. */
static atomic_t kapi_hooks_alive = ATOMIC_INIT(0);

/* --- mode -------------------------------------------------------------- */

/**
 * kapi_hooks_mode() - the current mode
 *
 * Return: %KAPI_MODE_OFF, %KAPI_MODE_AUDIT or %KAPI_MODE_ENFORCE.
 */
enum kapi_mode kapi_hooks_mode(void)
{
	return READ_ONCE(kapi_hooks_cur_mode);
}

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

/* The arguments of a call, checked as the spec's parameter types say. */
static void kapi_hook_decode(const struct kapi_hook *hook,
			     const struct pt_regs *uregs,
			     struct kapi_check_call *call)
{
	const unsigned long raw[KAPI_CHECK_MAX_PARAMS] = {
		uregs->di, uregs->si, uregs->dx, uregs->r10, uregs->r8, uregs->r9,
	};
	u32 i;

	call->image = hook->image;
	call->spec = hook->record;
	call->nargs = hook->nparams;
	call->type = hook->type;
	for (i = 0; i < hook->nparams; i++) {
		const char __user *s;

		call->args[i] = kapi_check_convert(raw[i], hook->type[i]);
		s = (const char __user *)(uintptr_t)call->args[i];
		call->slen[i] = 0;
		call->head[i] = 0;
		call->fd[i] = 0;
		if (hook->slimit[i] && call->args[i])
			call->slen[i] = strnlen_user(s, hook->slimit[i]);
		if (call->slen[i] > 0 && get_user(call->head[i], s))
			call->slen[i] = 0;
		if (hook->fdcheck & BIT(i))
			call->fd[i] = kapi_compat_fd_state((u32)call->args[i]);
	}
	call->context = kapi_check_context(in_task(), kapi_compat_sleepable(),
					   irqs_disabled());
}

/*
 * The kind of object a failed call worked on (Documentation/runtime.rst):
 * kept out of line, so that a call that succeeds pays one branch for it.
 */
static noinline void kapi_hook_object(const struct kapi_hook *hook,
				      struct kapi_check_call *call)
{
	int dfd = AT_FDCWD;

	switch (hook->obj_how) {
	case KAPI_OBJECT_FD:
		kapi_object_of_fd((unsigned int)call->args[hook->obj_param],
				  &call->object);
		break;
	case KAPI_OBJECT_FD_BEFORE:
		/* Found before the call, which released the descriptor. */
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
 * object is found before the call.
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
 * The address to call for the hooked function whose entry call is at @ip;
 * a function that cannot be called through a pointer (a sealed ENDBR64
 * under IBT) is given up. Learnt at the first call and cached; a later
 * call from another address (which would be a bug) is not checked.
 */
static kapi_syscall_fn kapi_hook_resolve(struct kapi_hook *hook,
					 unsigned long ip)
{
	/* ORDER: pairs with the release below; @hook->ip is set before. */
	unsigned long orig = smp_load_acquire(&hook->orig);

	if (likely(orig))
		return READ_ONCE(hook->ip) == ip ? (kapi_syscall_fn)orig : NULL;
	if (READ_ONCE(hook->error))
		return NULL;
	orig = kapi_compat_callable_start(ip);
	if (!orig) {
		if (!cmpxchg(&hook->error, 0, -EOPNOTSUPP))
			pr_warn("%s: %s has no ENDBR64 before its ftrace site and cannot be called indirectly; calls are not checked\n",
				hook->name, hook->func);
		return NULL;
	}
	WRITE_ONCE(hook->ip, ip);
	/* ORDER: @ip before @orig, for the acquire above. */
	smp_store_release(&hook->orig, orig);
	return (kapi_syscall_fn)orig;
}

/**
 * kapi_hook_run() - check one call of a hooked function
 * @uregs: the user registers, the hooked function's argument
 * @slot: the hook's slot, from the entry stub
 * @resume: where the hooked function continues after its entry call
 * @result: receives what the caller gets, if the call is handled here
 *
 * Called by kapi_hook_tramp (hook_tramp.S) on entry to a hooked function,
 * in the context of the system call, preemptible. The call runs unchecked
 * if the mode is off, the filter leaves the task out, or kapi.ko or the
 * hook is going away.
 *
 * Return: true if the call was handled (checked and run, or refused in
 * enforce mode) and @result is its result; false to let the hooked
 * function run unchecked.
 */
bool kapi_hook_run(const struct pt_regs *uregs, unsigned int slot,
		   unsigned long resume, long *result)
{
	enum kapi_mode mode = kapi_hooks_mode();
	/*
	 * Filled in by the functions they are passed to, as far as they are
	 * read: zeroing ~400 bytes per call would cost more than the checks.
	 */
	struct kapi_check_call call __uninitialized;
	struct kapi_check_post post __uninitialized;
	struct kapi_check_pre pre __uninitialized;
	struct kapi_hook *hook;
	unsigned long nofile;
	kapi_syscall_fn orig;
	bool enforce;
	long ret;

	if (mode == KAPI_MODE_OFF || slot >= KAPI_HOOK_SLOTS)
		return false;
	hook = READ_ONCE(kapi_hook_slot[slot]);
	if (!hook)
		return false;
	orig = kapi_hook_resolve(hook, resume - MCOUNT_INSN_SIZE);
	if (!orig || !kapi_report_filter_match())
		return false;
	if (!try_module_get(THIS_MODULE))
		return false;
	if (!percpu_ref_tryget_live(&hook->ref)) {
		module_put(THIS_MODULE);
		return false;
	}

	kapi_hook_decode(hook, uregs, &call);
	kapi_check_before(&call, &pre);
	enforce = mode == KAPI_MODE_ENFORCE && pre.predicted && pre.enforce;
	kapi_report_before(&hook->report, hook->name, &call, &pre, mode,
			   enforce);
	if (enforce) {
		ret = pre.predicted;
		goto out;
	}
	if (unlikely(hook->obj_how == KAPI_OBJECT_FD_BEFORE))
		kapi_object_of_fd((unsigned int)call.args[hook->obj_param],
				  &call.object);
	/* Its entry call comes back to the stub, which lets it through. */
	ret = kapi_hook_call_orig(orig, uregs);
	/* Only a failed call's object is looked for. */
	if (IS_ERR_VALUE(ret))
		kapi_hook_object(hook, &call);
	/* Only an fd result is checked against the limit. */
	nofile = call.spec->ret.check == KAPI_RETURN_FD ?
		 rlimit(RLIMIT_NOFILE) : 0;
	kapi_check_after(&call, &pre, ret, nofile, &post);
	kapi_report_after(&hook->report, hook->name, &call, &pre, &post, ret,
			  nofile, mode);
out:
	percpu_ref_put(&hook->ref);
	module_put(THIS_MODULE);
	*result = ret;
	return true;
}

/* --- hook descriptors -------------------------------------------------- */

/* The address of the entry stub of @hook's slot. */
static unsigned long kapi_hook_stub(const struct kapi_hook *hook)
{
	return (unsigned long)kapi_hook_stubs +
	       hook->slot * KAPI_HOOK_STUB_SIZE;
}

/*
 * The hook's ops is gone and so is the last call in kapi_hook_run(). A task
 * preempted in the entry stub may still be about to read the slot: wait
 * for tasks RCU before the slot and the hook go.
 */
static void kapi_hook_free_work(struct work_struct *work)
{
	struct kapi_hook *hook = container_of(work, struct kapi_hook, free_work);

	kapi_synchronize_rcu_tasks();
	if (hook->slot < KAPI_HOOK_SLOTS) {
		mutex_lock(&kapi_hooks_mutex);
		WRITE_ONCE(kapi_hook_slot[hook->slot], NULL);
		mutex_unlock(&kapi_hooks_mutex);
	}
	percpu_ref_exit(&hook->ref);
	kapi_report_spec_destroy(&hook->report);
	kapi_registry_put(hook->spec);
	kfree(hook);
	if (atomic_dec_and_test(&kapi_hooks_alive))
		wake_up_var(&kapi_hooks_alive);
}

/* The last reference is gone; may run in RCU callback context. */
static void kapi_hook_release(struct percpu_ref *ref)
{
	struct kapi_hook *hook = container_of(ref, struct kapi_hook, ref);

	queue_work(kapi_hooks_wq, &hook->free_work);
}

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

/* Point the hook's ftrace_ops at the function named @hook->func. */
static int kapi_hook_set_filter(struct kapi_hook *hook)
{
	int ret;

	ret = ftrace_set_filter(&hook->ops, (unsigned char *)hook->func,
				strlen(hook->func), 1);
	if (ret)
		ftrace_free_filter(&hook->ops);
	return ret;
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
 * kapi_hook_prepare() - find the function to hook
 * @hook: a new hook
 *
 * Sets up the hook's ftrace_ops, filtered to the function, without
 * registering it.
 *
 * Return: 0, or -EINVAL if the kernel has no such function or ftrace
 * cannot trace it.
 */
static int kapi_hook_prepare(struct kapi_hook *hook)
{
	int ret;

	/*
	 * A direct call: ftrace fills in the ops when it is registered.
	 * ORDER: an ops without a filter would trace every function.
	 */
	ret = kapi_hook_set_filter(hook);
	if (ret == -EINVAL && !hook->nparams && kapi_hook_do_sys(hook)) {
		ret = kapi_hook_set_filter(hook);
		if (ret)
			snprintf(hook->func, sizeof(hook->func), "__x64_%s",
				 hook->name);
	}
	hook->filtered = !ret;
	return ret;
}

static const char *kapi_hook_why(int error)
{
	switch (error) {
	case -EBUSY:
		return "another ftrace user (livepatch, BPF, a hooking module) owns its entry";
	case -ENOSPC:
		return "all " __stringify(KAPI_HOOK_SLOTS) " hook slots are taken";
	case -EINVAL:
		return "this kernel has no such function, or ftrace cannot trace it";
	case -E2BIG:
		return "the spec has more than 6 parameters";
	case -EOPNOTSUPP:
		return "the spec says it does not return, and a hook must return";
	case -ENOENT:
		return "the spec's name is not sys_ followed by [a-z0-9_]";
	default:
		return "ftrace refused";
	}
}

/*
 * kapi_hook_activate() - register the hook's ftrace_ops
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
	if (hook->registered || hook->slot >= KAPI_HOOK_SLOTS ||
	    (error && error != -EBUSY && error != -ENOMEM))
		return;
	ret = kapi_fail("ftrace_direct") ? -EBUSY :
	      kapi_ftrace_direct_register(&hook->ops, kapi_hook_stub(hook));
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
 * kapi_hook_deactivate() - unregister the hook's ftrace_ops
 * @hook: a hook
 *
 * When this returns no new call enters the entry stub; calls already in
 * kapi_hook_run() keep their references until they leave it.
 *
 * Return: 0, or the error of the unregistration, after which the hooked
 * function may still call the stub. LOCKING: the hooks lock, or @hook is no
 * longer on the list.
 */
static int kapi_hook_deactivate(struct kapi_hook *hook)
{
	int ret;

	if (!hook->registered)
		return 0;
	ret = kapi_ftrace_direct_unregister(&hook->ops, kapi_hook_stub(hook));
	if (ret) {
		pr_err("%s: cannot unhook %s (%pe)\n", hook->name, hook->func,
		       ERR_PTR(ret));
		return ret;
	}
	hook->registered = false;
	return 0;
}

/*
 * kapi_hook_detach() - stop hooking and let the hook go
 * @hook: a hook no longer on the list
 *
 * The hook is freed when the last call has left kapi_hook_run().
 */
static void kapi_hook_detach(struct kapi_hook *hook)
{
	if (kapi_hook_deactivate(hook)) {
		/* ftrace may still call it: keep the hook forever. */
		if (atomic_dec_and_test(&kapi_hooks_alive))
			wake_up_var(&kapi_hooks_alive);
		return;
	}
	if (hook->filtered)
		ftrace_free_filter(&hook->ops);
	percpu_ref_kill(&hook->ref);
}

/*
 * Give @hook a free slot, or fail it with -ENOSPC. LOCKING: the hooks lock.
 */
static void kapi_hook_take_slot(struct kapi_hook *hook)
{
	unsigned int i;

	lockdep_assert_held(&kapi_hooks_mutex);
	hook->slot = KAPI_HOOK_SLOTS;
	if (hook->error)
		return;
	for (i = 0; i < KAPI_HOOK_SLOTS; i++) {
		if (!kapi_hook_slot[i]) {
			hook->slot = i;
			WRITE_ONCE(kapi_hook_slot[i], hook);
			return;
		}
	}
	hook->error = -ENOSPC;
	pr_warn("%s: cannot hook %s: %s (%pe); the other specs are checked\n",
		hook->name, hook->func, kapi_hook_why(hook->error),
		ERR_PTR(hook->error));
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
	if (percpu_ref_init(&hook->ref, kapi_hook_release, 0, GFP_KERNEL))
		goto free_report;
	INIT_WORK(&hook->free_work, kapi_hook_free_work);
	atomic_inc(&kapi_hooks_alive);
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
	for (i = 0; !hook->error && i < hook->nparams; i++) {
		p = kapi_image_param(hook->image, hook->record, i);
		hook->type[i] = kapi_check_param_type(hook->image, p);
		hook->slimit[i] = kapi_check_string_limit(p);
		if (p->constraint == KAPI_CONSTRAINT_FD)
			hook->fdcheck |= BIT(i);
	}
	if (!hook->error)
		kapi_hook_object_param(hook);
	if (!hook->error)
		hook->error = kapi_hook_prepare(hook);
	if (hook->error)
		pr_warn("%s: cannot hook %s: %s (%pe); the other specs are checked\n",
			hook->name, hook->func, kapi_hook_why(hook->error),
			ERR_PTR(hook->error));

	mutex_lock(&kapi_hooks_mutex);
	kapi_hook_take_slot(hook);
	list_add_tail(&hook->node, &kapi_hooks_list);
	if (kapi_hooks_mode() != KAPI_MODE_OFF)
		kapi_hook_activate(hook);
	mutex_unlock(&kapi_hooks_mutex);
	return;

free_report:
	kapi_report_spec_destroy(&hook->report);
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

static void kapi_hooks_detach_list(struct list_head *gone)
{
	struct kapi_hook *hook, *tmp;

	list_for_each_entry_safe(hook, tmp, gone, node) {
		list_del(&hook->node);
		kapi_hook_detach(hook);
	}
}

/*
 * LOCKING: called with the registry lock held. The hooks leave the list
 * under the hooks lock and are detached after it is dropped, because
 * unregistering an ftrace_ops waits for tasks RCU.
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
	kapi_hooks_detach_list(&gone);
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
 * Return: 0 or -ENOMEM. A function that cannot be hooked is reported and
 * is not an error.
 */
int kapi_hooks_init(void)
{
	kapi_hooks_wq = alloc_workqueue("kapi_hooks", 0, 0);
	if (!kapi_hooks_wq)
		return -ENOMEM;
	kapi_registry_listen(&kapi_hooks_listener);
	return 0;
}

/**
 * kapi_hooks_exit() - remove every hook
 *
 * On unload kapi.ko's reference count is zero, so no call is in
 * kapi_hook_run() except, possibly, for its last instructions after
 * module_put(). When kapi_init() fails after the hooks came up, calls may
 * still be in it (a module's init may fail with references held), and this
 * waits for them. ORDER: unregister the ops (no new calls), wait until
 * every hook is freed (no call in kapi_hook_run() before its puts), wait
 * for tasks RCU (no task in the stubs' tail) and for RCU callbacks, then
 * drain the work queue.
 */
void kapi_hooks_exit(void)
{
	LIST_HEAD(gone);

	kapi_registry_unlisten(&kapi_hooks_listener);
	mutex_lock(&kapi_hooks_mutex);
	list_splice_init(&kapi_hooks_list, &gone);
	mutex_unlock(&kapi_hooks_mutex);
	kapi_hooks_detach_list(&gone);
	wait_var_event(&kapi_hooks_alive, !atomic_read(&kapi_hooks_alive));
	kapi_synchronize_rcu_tasks();
	rcu_barrier();
	destroy_workqueue(kapi_hooks_wq);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Hooks on the x86-64 system call entry points, for kapi's runtime
 * verification. Each registered syscall spec "sys_<name>" gets a hook on
 * __x64_sys_<name>: an ftrace_ops, filtered to that one function, that may
 * change the instruction pointer. The ftrace callback sends the call to one
 * generic wrapper, passing the hook in the second argument register (the
 * entry points take a single const struct pt_regs *, so %rsi is free, and
 * ftrace_regs_caller restores every argument register from the saved
 * pt_regs). The wrapper decodes the user arguments from those pt_regs as
 * the spec's parameter types say, runs the check engine, reports, and calls
 * the original function through its address, which ftrace gives at the
 * first call; that nested entry comes from kapi's own text and passes
 * through. Table-driven: a spec for another system call needs no new code
 * (a call without parameters is found under its __do_sys_<name> alias).
 * In off mode the ops are unregistered, so hooked functions run at full
 * speed; they are registered again when the mode changes.
 *
 * Lifetime and unload safety: a call in the wrapper holds a reference on
 * its hook (a percpu_ref, freed by a work item after the last call leaves)
 * and on kapi.ko, so rmmod fails with EBUSY while a task sleeps inside a
 * hooked call instead of freeing code under it. After the ops are gone,
 * the exit path waits for tasks RCU, so that no task still runs the
 * wrapper's last instructions after its module_put(). Nothing on the call
 * path allocates or takes a sleeping lock; user memory is read only with
 * strnlen_user().
 */
#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/err.h>
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
#include "hooks.h"
#include "image.h"
#include "kapi.h"
#include "registry.h"
#include "report.h"

/* The x86-64 system call entry points' type. */
typedef long (*kapi_syscall_fn)(const struct pt_regs *regs);

static int kapi_hooks_cur_mode = KAPI_MODE_AUDIT;

/*
 * LOCKING: kapi_hooks_mutex protects kapi_hooks_list. Attach and detach
 * are also serialised by the registry lock, under which the listener runs.
 */
static DEFINE_MUTEX(kapi_hooks_mutex);
static LIST_HEAD(kapi_hooks_list);
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

static int kapi_mode_param_set(const char *val, const struct kernel_param *kp)
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

static int kapi_mode_param_get(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%s\n",
			 kapi_mode_name(kapi_hooks_mode()));
}

static const struct kernel_param_ops kapi_mode_param_ops = {
	.set = kapi_mode_param_set,
	.get = kapi_mode_param_get,
};

module_param_cb(mode, &kapi_mode_param_ops, NULL, 0400);
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

	memset(call, 0, sizeof(*call));
	call->image = hook->image;
	call->spec = hook->record;
	call->nargs = hook->nparams;
	call->type = hook->type;
	for (i = 0; i < hook->nparams; i++) {
		call->args[i] = kapi_check_convert(raw[i], hook->type[i]);
		if (hook->slimit[i] && call->args[i])
			call->slen[i] = strnlen_user((const char __user *)
						     (uintptr_t)call->args[i],
						     hook->slimit[i]);
	}
	call->context = kapi_check_context(in_task(), kapi_compat_sleepable(),
					   irqs_disabled());
}

/*
 * kapi_hook_wrapper() - what a hooked system call runs instead
 * @uregs: the user registers, the entry point's own argument
 * @hook: put into %rsi by kapi_hook_callback()
 *
 * The callback took a reference on @hook and on kapi.ko for this call;
 * they are dropped last. Must not be inlined: ftrace returns into it.
 */
static noinline long kapi_hook_wrapper(const struct pt_regs *uregs,
				       struct kapi_hook *hook)
{
	kapi_syscall_fn orig = (kapi_syscall_fn)READ_ONCE(hook->orig);
	enum kapi_mode mode = kapi_hooks_mode();
	struct kapi_check_call call;
	struct kapi_check_post post;
	struct kapi_check_pre pre;
	unsigned long nofile;
	bool enforce;
	long ret;

	if (mode == KAPI_MODE_OFF) {
		ret = orig(uregs);
		goto out;
	}
	kapi_hook_decode(hook, uregs, &call);
	kapi_check_before(&call, &pre);
	enforce = mode == KAPI_MODE_ENFORCE && pre.predicted;
	kapi_report_before(&hook->report, hook->name, &call, &pre, mode,
			   enforce);
	if (enforce) {
		ret = pre.predicted;
		goto out;
	}
	/* The nested entry comes from kapi's text: the callback lets it be. */
	ret = orig(uregs);
	/* Only an fd result is checked against the limit. */
	nofile = call.spec->ret.check == KAPI_RETURN_FD ?
		 rlimit(RLIMIT_NOFILE) : 0;
	kapi_check_after(&call, &pre, ret, nofile, &post);
	kapi_report_after(&hook->report, hook->name, &call, &pre, &post, ret,
			  nofile, mode);
out:
	percpu_ref_put(&hook->ref);
	module_put(THIS_MODULE);
	return ret;
}

/*
 * The address to call for the hooked function, from the address ftrace
 * patched (@ip); a function that cannot be called through a pointer (a
 * sealed ENDBR64 under IBT) is given up. The result is cached.
 */
static unsigned long kapi_hook_resolve(struct kapi_hook *hook, unsigned long ip)
{
	unsigned long orig = READ_ONCE(hook->orig);

	if (likely(orig))
		return orig;
	if (READ_ONCE(hook->error))
		return 0;
	orig = kapi_compat_callable_start(ip);
	if (!orig) {
		if (!cmpxchg(&hook->error, 0, -EOPNOTSUPP))
			pr_warn("%s: %s has no ENDBR64 before its ftrace site and cannot be called indirectly; calls are not checked\n",
				hook->name, hook->func);
		return 0;
	}
	WRITE_ONCE(hook->orig, orig);
	return orig;
}

/*
 * The ftrace callback, on entry to the hooked function. ftrace runs it
 * with preemption disabled and keeps it from recursing. It sends the call
 * to the wrapper unless the call comes from the wrapper itself, the mode
 * is off, the filter leaves the task out, or kapi.ko is going away.
 */
static void notrace kapi_hook_callback(unsigned long ip,
				       unsigned long parent_ip,
				       struct ftrace_ops *ops,
				       struct ftrace_regs *fregs)
{
	struct kapi_hook *hook = container_of(ops, struct kapi_hook, ops);
	struct pt_regs *regs;

	if (within_module(parent_ip, THIS_MODULE))
		return;
	if (kapi_hooks_mode() == KAPI_MODE_OFF)
		return;
	regs = ftrace_get_regs(fregs);
	if (!regs || !kapi_hook_resolve(hook, ip))
		return;
	if (!kapi_report_filter_match())
		return;
	if (!try_module_get(THIS_MODULE))
		return;
	if (!percpu_ref_tryget_live(&hook->ref)) {
		module_put(THIS_MODULE);
		return;
	}
	regs->si = (unsigned long)hook;
	kapi_ftrace_set_ip(fregs, regs, (unsigned long)kapi_hook_wrapper);
}

/* --- hook descriptors -------------------------------------------------- */

static void kapi_hook_free_work(struct work_struct *work)
{
	struct kapi_hook *hook = container_of(work, struct kapi_hook, free_work);

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

	hook->ops.func = kapi_hook_callback;
	hook->ops.flags = FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_IPMODIFY |
			  KAPI_FTRACE_OPS_FL_RECURSION;
	/* ORDER: an ops without a filter would trace every function. */
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
		return "another ftrace user (a livepatch or a hooking module) already modifies it";
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
 * A hook that failed with -EBUSY (another ftrace user modifies the
 * function's instruction pointer) or -ENOMEM is tried again; other errors
 * are final. LOCKING: the hooks lock.
 */
static void kapi_hook_activate(struct kapi_hook *hook)
{
	int error = READ_ONCE(hook->error), ret;

	lockdep_assert_held(&kapi_hooks_mutex);
	if (hook->registered ||
	    (error && error != -EBUSY && error != -ENOMEM))
		return;
	ret = register_ftrace_function(&hook->ops);
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
 * kapi_hook_park() - unregister the hook's ftrace_ops
 * @hook: a hook
 *
 * When this returns no callback runs any more; calls already in the
 * wrapper keep their references until they leave it.
 *
 * Return: 0, or the error of unregister_ftrace_function(), after which
 * ftrace may still call the ops. LOCKING: the hooks lock, or @hook is no
 * longer on the list.
 */
static int kapi_hook_park(struct kapi_hook *hook)
{
	int ret;

	if (!hook->registered)
		return 0;
	ret = unregister_ftrace_function(&hook->ops);
	if (ret) {
		pr_err("%s: cannot unhook %s (%pe)\n", hook->name, hook->func,
		       ERR_PTR(ret));
		return ret;
	}
	hook->registered = false;
	return 0;
}

/*
 * kapi_hook_uninstall() - stop hooking and let the hook go
 * @hook: a hook no longer on the list
 *
 * The hook is freed when the last call has left the wrapper.
 */
static void kapi_hook_uninstall(struct kapi_hook *hook)
{
	if (kapi_hook_park(hook)) {
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
			kapi_hook_park(hook);
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

static void kapi_hooks_uninstall_list(struct list_head *gone)
{
	struct kapi_hook *hook, *tmp;

	list_for_each_entry_safe(hook, tmp, gone, node) {
		list_del(&hook->node);
		kapi_hook_uninstall(hook);
	}
}

/*
 * LOCKING: called with the registry lock held. The hooks leave the list
 * under the hooks lock and are uninstalled after it is dropped, because
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
	kapi_hooks_uninstall_list(&gone);
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
 * Hooks that could not be installed are included, with their error.
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
 * On unload kapi.ko's reference count is zero, so no call is in the
 * wrapper except, possibly, for its last instructions after module_put().
 * When kapi_init() fails after the hooks came up, calls may still be in
 * the wrapper (a module's init may fail with references held), and this
 * waits for them. ORDER: unregister the ops (no new calls), wait until
 * every hook is freed (no call in the wrapper before its puts), wait for
 * tasks RCU (no task in the wrapper's tail) and for RCU callbacks, then
 * drain the work queue.
 */
void kapi_hooks_exit(void)
{
	LIST_HEAD(gone);

	kapi_registry_unlisten(&kapi_hooks_listener);
	mutex_lock(&kapi_hooks_mutex);
	list_splice_init(&kapi_hooks_list, &gone);
	mutex_unlock(&kapi_hooks_mutex);
	kapi_hooks_uninstall_list(&gone);
	wait_var_event(&kapi_hooks_alive, !atomic_read(&kapi_hooks_alive));
	kapi_synchronize_rcu_tasks();
	rcu_barrier();
	destroy_workqueue(kapi_hooks_wq);
}

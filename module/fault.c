// SPDX-License-Identifier: GPL-2.0
/*
 * Injected refusals: fault injection for the steps of kapi.ko's init and of
 * an image registration that fail without an allocation (registrations the
 * kernel may refuse). Allocation failures come from the kernel's failslab
 * and fail_page_alloc; these steps ask kapi_fail() instead. Only in builds
 * for kernels with KUnit (the debug kernel): there kapi.ko has a parameter
 * "fail" naming one step, which fails once, the next time it is reached,
 * and says so in the log. Built for any other kernel, nothing fails here
 * and the parameter does not exist.
 *
 * LOCKING: the step's name is under a spinlock of its own, not the
 * module's parameter lock, which is held while the "mode" parameter takes
 * the hooks lock: the steps are reached with that lock held.
 */
#include <linux/moduleparam.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "kapi.h"

#if IS_ENABLED(CONFIG_KUNIT)
static char kapi_fail_step[32];
static DEFINE_SPINLOCK(kapi_fail_lock);

static int kapi_fail_set(const char *val, const struct kernel_param *kp)
{
	size_t len = strcspn(val, "\n");

	if (len >= sizeof(kapi_fail_step))
		return -ENOSPC;
	spin_lock(&kapi_fail_lock);
	memcpy(kapi_fail_step, val, len);
	kapi_fail_step[len] = '\0';
	spin_unlock(&kapi_fail_lock);
	return 0;
}

static int kapi_fail_get(char *buf, const struct kernel_param *kp)
{
	int n;

	spin_lock(&kapi_fail_lock);
	n = sysfs_emit(buf, "%s\n", kapi_fail_step);
	spin_unlock(&kapi_fail_lock);
	return n;
}

static const struct kernel_param_ops kapi_fail_ops = {
	.set = kapi_fail_set,
	.get = kapi_fail_get,
};
module_param_cb(fail, &kapi_fail_ops, NULL, 0600);
MODULE_PARM_DESC(fail,
		 "fault injection (kernels with KUnit only): the step that fails once, the next time it is reached: module_notifier, image_insert, debugfs_dir, ftrace_direct or genl_family");

/**
 * kapi_fail() - should @step fail now?
 * @step: the step's name, as the parameter "fail" names it
 *
 * Context: any; takes a spinlock.
 * Return: true once after "fail" was set to @step, which clears it.
 */
bool kapi_fail(const char *step)
{
	bool hit;

	spin_lock(&kapi_fail_lock);
	hit = !strcmp(kapi_fail_step, step);
	if (hit)
		kapi_fail_step[0] = '\0';
	spin_unlock(&kapi_fail_lock);
	if (hit)
		pr_notice("fault injection: %s fails\n", step);
	return hit;
}
#endif

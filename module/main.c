// SPDX-License-Identifier: GPL-2.0
/*
 * kapi.ko entry points: bring the layers up in dependency order and take
 * them down in exact reverse order. Nothing else lives here.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/init.h>

#include <kapi/kapi_module.h>

#include "debugfs.h"
#include "hooks.h"
#include "kapi.h"
#include "netlink.h"
#include "registry.h"
#include "report.h"

/*
 * log=1 logs every violation record to the kernel log as well (ratelimited);
 * off by default, so that checking never adds lines to a log that a checked
 * program reads. runtime/log changes it later; the parameter shows it.
 */
static int kapi_log_param_set(const char *val, const struct kernel_param *kp)
{
	bool on = true;	/* a bare "log" */

	if (val && kstrtobool(val, &on))
		return -EINVAL;
	kapi_report_set_log(on);
	return 0;
}

static int kapi_log_param_get(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%c\n", kapi_report_log() ? 'Y' : 'N');
}

static const struct kernel_param_ops kapi_log_param_ops = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = kapi_log_param_set,
	.get = kapi_log_param_get,
};

module_param_cb(log, &kapi_log_param_ops, NULL, 0400);
MODULE_PARM_DESC(log, "log each violation to the kernel log as well, ratelimited (default: off)");

static int __init kapi_init(void)
{
	int ret;

	ret = kapi_registry_init();
	if (ret)
		return ret;
	/* ORDER: kapi's own specs first, so every view starts with them. */
	ret = kapi_register_image(kapi_builtin_image_data,
				  kapi_builtin_image_size, THIS_MODULE);
	if (ret)
		goto err_registry_exit;
	ret = kapi_debugfs_init();
	if (ret)
		goto err_unregister_builtin;
	ret = kapi_report_init();
	if (ret)
		goto err_debugfs_exit;
	/* ORDER: the hooks report, so the report layer comes up first. */
	ret = kapi_hooks_init();
	if (ret)
		goto err_report_exit;
	ret = kapi_debugfs_runtime_init();
	if (ret)
		goto err_hooks_exit;
	/* ORDER: the family reads the runtime state, so it comes up last. */
	ret = kapi_netlink_init();
	if (ret)
		goto err_debugfs_runtime_exit;

	pr_info("version %s loaded (spec image format %u.%u, features:%s)\n",
		KAPI_VERSION, KAPI_IMAGE_VERSION_MAJOR,
		KAPI_IMAGE_VERSION_MINOR, kapi_compat_features());
	return 0;

err_debugfs_runtime_exit:
	kapi_debugfs_runtime_exit();
err_hooks_exit:
	kapi_hooks_exit();
err_report_exit:
	kapi_report_exit();
err_debugfs_exit:
	kapi_debugfs_exit();
err_unregister_builtin:
	kapi_unregister_image(kapi_builtin_image_data);
err_registry_exit:
	kapi_registry_exit();
	return ret;
}

static void __exit kapi_exit(void)
{
	kapi_netlink_exit();
	kapi_debugfs_runtime_exit();
	kapi_hooks_exit();
	kapi_report_exit();
	kapi_debugfs_exit();
	kapi_unregister_image(kapi_builtin_image_data);
	kapi_registry_exit();
	pr_info("unloaded\n");
}

module_init(kapi_init);
module_exit(kapi_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernel API Specification Framework for stock kernels");
MODULE_VERSION(KAPI_VERSION);

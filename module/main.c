// SPDX-License-Identifier: GPL-2.0
/*
 * kapi.ko entry points: bring the layers up in dependency order and take
 * them down in exact reverse order. Nothing else lives here.
 */
#include <linux/module.h>
#include <linux/init.h>

#include "kapi.h"

static int __init kapi_init(void)
{
	int ret;

	ret = kapi_debugfs_init();
	if (ret)
		return ret;

	pr_info("version %s loaded (spec image format %u.%u, features:%s)\n",
		KAPI_VERSION, KAPI_IMAGE_VERSION_MAJOR,
		KAPI_IMAGE_VERSION_MINOR, kapi_compat_features());
	return 0;
}

static void __exit kapi_exit(void)
{
	kapi_debugfs_exit();
	pr_info("unloaded\n");
}

module_init(kapi_init);
module_exit(kapi_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernel API Specification Framework for stock kernels");
MODULE_VERSION(KAPI_VERSION);

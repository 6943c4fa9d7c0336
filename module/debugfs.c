// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs view of kapi: /sys/kernel/debug/kapi/. Files are root-only; they
 * read module state through the lower layers and never change it except
 * through explicit control files.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>

#include "kapi.h"

static struct dentry *kapi_debugfs_root;

static int kapi_version_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "kapi %s\n", KAPI_VERSION);
	seq_printf(m, "image-format %u.%u\n", KAPI_IMAGE_VERSION_MAJOR,
		   KAPI_IMAGE_VERSION_MINOR);
	seq_printf(m, "netlink %s %u\n", KAPI_GENL_NAME, KAPI_GENL_VERSION);
	seq_printf(m, "kernel %s\n", init_utsname()->release);
	seq_printf(m, "features%s\n", kapi_compat_features());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(kapi_version);

/**
 * kapi_debugfs_init() - create /sys/kernel/debug/kapi/ and its files
 *
 * A kernel without debugfs (or booted with debugfs=off) is not an error:
 * kapi keeps working and only this view is missing.
 *
 * Return: 0 on success or when debugfs is unavailable, a negative errno if
 * the directory cannot be created (for example because it already exists).
 */
int kapi_debugfs_init(void)
{
	struct dentry *root;

	root = debugfs_create_dir(KAPI_DEBUGFS_DIR, NULL);
	if (IS_ERR(root)) {
		if (PTR_ERR(root) == -ENODEV) {
			pr_notice("debugfs is not available; /sys/kernel/debug/%s is disabled\n",
				  KAPI_DEBUGFS_DIR);
			return 0;
		}
		pr_err("cannot create debugfs directory %s: %ld\n",
		       KAPI_DEBUGFS_DIR, PTR_ERR(root));
		return PTR_ERR(root);
	}
	debugfs_create_file("version", 0400, root, NULL, &kapi_version_fops);
	kapi_debugfs_root = root;
	return 0;
}

/**
 * kapi_debugfs_exit() - remove everything kapi_debugfs_init() created
 *
 * debugfs waits for readers still inside a file operation, so no file
 * outlives the module.
 */
void kapi_debugfs_exit(void)
{
	debugfs_remove_recursive(kapi_debugfs_root);
	kapi_debugfs_root = NULL;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs view of kapi's runtime verification:
 * /sys/kernel/debug/kapi/runtime/ with the files mode, stats, violations,
 * filter and hooks (formats in Documentation/runtime.rst). All are
 * root-only (0600). Reads print what the hooks and report layers keep;
 * writes are the only way to change it at run time, and each is parsed
 * strictly: one exact command, at most one trailing newline, at most a
 * page; anything else fails with EINVAL and changes nothing.
 */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/threads.h>
#include <linux/uaccess.h>

#include "hooks.h"
#include "kapi.h"
#include "report.h"

static struct dentry *kapi_runtime_root;	/* kapi/, a looked-up reference */
static struct dentry *kapi_runtime_dir;		/* kapi/runtime/ */

/*
 * A write, as a NUL-terminated string without its one optional trailing
 * newline; kfree() it. ERR_PTR(-EINVAL) for an empty write, one of more
 * than a page, or one with a NUL byte in it.
 */
static char *kapi_runtime_get_write(const char __user *ubuf, size_t count)
{
	char *buf;

	if (!count || count > PAGE_SIZE)
		return ERR_PTR(-EINVAL);
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return buf;
	if (buf[count - 1] == '\n')
		buf[--count] = '\0';
	if (strlen(buf) != count) {
		kfree(buf);
		return ERR_PTR(-EINVAL);
	}
	return buf;
}

/* Run @cmd on a write that is exactly @word; -EINVAL for anything else. */
static ssize_t kapi_runtime_command(const char __user *ubuf, size_t count,
				    const char *word, void (*cmd)(void))
{
	char *buf = kapi_runtime_get_write(ubuf, count);
	ssize_t ret = count;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	if (strcmp(buf, word))
		ret = -EINVAL;
	else
		cmd();
	kfree(buf);
	return ret;
}

/* --- mode -------------------------------------------------------------- */

static int kapi_rt_mode_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "%s\n", kapi_mode_name(kapi_hooks_mode()));
	return 0;
}

static ssize_t kapi_rt_mode_write(struct file *file,
				  const char __user *ubuf, size_t count,
				  loff_t *ppos)
{
	char *buf = kapi_runtime_get_write(ubuf, count);
	ssize_t ret = -EINVAL;
	int m;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	for (m = 0; m < KAPI_MODE_COUNT; m++) {
		if (!strcmp(buf, kapi_mode_name(m))) {
			kapi_hooks_set_mode(m);
			ret = count;
			break;
		}
	}
	kfree(buf);
	return ret;
}

/* --- stats ------------------------------------------------------------- */

static int kapi_rt_stats_show(struct seq_file *m, void *unused)
{
	struct kapi_hook *hook = NULL;

	kapi_hooks_lock();
	while ((hook = kapi_hooks_next(hook))) {
		if (READ_ONCE(hook->error))
			continue;
		kapi_report_spec_show(m, hook->name, &hook->report,
				      hook->image, hook->record);
	}
	kapi_hooks_unlock();
	return 0;
}

static void kapi_rt_stats_reset(void)
{
	struct kapi_hook *hook = NULL;

	kapi_hooks_lock();
	while ((hook = kapi_hooks_next(hook)))
		kapi_report_spec_reset(&hook->report);
	kapi_hooks_unlock();
	kapi_report_ring_reset_dropped();
}

static ssize_t kapi_rt_stats_write(struct file *file,
				   const char __user *ubuf, size_t count,
				   loff_t *ppos)
{
	return kapi_runtime_command(ubuf, count, "reset", kapi_rt_stats_reset);
}

/* --- violations -------------------------------------------------------- */

static int kapi_rt_violations_show(struct seq_file *m, void *unused)
{
	return kapi_report_ring_show(m);
}

static ssize_t kapi_rt_violations_write(struct file *file,
					const char __user *ubuf, size_t count,
					loff_t *ppos)
{
	return kapi_runtime_command(ubuf, count, "clear",
				    kapi_report_ring_clear);
}

/* --- filter ------------------------------------------------------------ */

/**
 * kapi_rt_filter_show() - print the filter file
 * @m: the file
 * @unused: unused
 *
 * Return: 0.
 */
int kapi_rt_filter_show(struct seq_file *m, void *unused)
{
	char pid[12] = "-", tgid[12] = "-", uid[12] = "-";
	struct kapi_report_filter f;

	/* A field that is not set prints as "-". */
	kapi_report_filter_get(&f);
	if (f.set & KAPI_FILTER_PID)
		snprintf(pid, sizeof(pid), "%d", f.pid);
	if (f.set & KAPI_FILTER_TGID)
		snprintf(tgid, sizeof(tgid), "%d", f.tgid);
	if (f.set & KAPI_FILTER_UID)
		snprintf(uid, sizeof(uid), "%u", f.uid);
	seq_printf(m, "pid=%s tgid=%s uid=%s comm=%s\n", pid, tgid, uid,
		   (f.set & KAPI_FILTER_COMM) ? f.comm : "-");
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_rt_filter_show);

/* A decimal number of digits only, at most @max. */
static int kapi_rt_filter_number(const char *s, u32 max, u32 *out)
{
	const char *c;

	if (!*s)
		return -EINVAL;
	for (c = s; *c; c++)
		if (*c < '0' || *c > '9')
			return -EINVAL;
	if (kstrtou32(s, 10, out) || *out > max)
		return -EINVAL;
	return 0;
}

/* A comm: 1 to TASK_COMM_LEN - 1 printable characters, no space. */
static int kapi_rt_filter_comm(const char *s, char *comm)
{
	size_t len = strlen(s), i;

	if (!len || len >= TASK_COMM_LEN)
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] > '~')
			return -EINVAL;
	strscpy(comm, s, TASK_COMM_LEN);
	return 0;
}

/**
 * kapi_rt_filter_parse() - parse a write to the filter file
 * @s: the write, without its trailing newline; changed while parsing
 * @f: receives the filter
 *
 * "clear", or space-separated key=value pairs, each key at most once.
 *
 * Return: 0, or -EINVAL for anything else (@f is then undefined).
 */
int kapi_rt_filter_parse(char *s, struct kapi_report_filter *f)
{
	char *tok, *val;
	u32 bit, n;
	int ret;

	memset(f, 0, sizeof(*f));
	if (!strcmp(s, "clear"))
		return 0;
	while ((tok = strsep(&s, " "))) {
		val = strchr(tok, '=');
		if (!val || val == tok)
			return -EINVAL;
		*val++ = '\0';
		if (!strcmp(tok, "pid")) {
			bit = KAPI_FILTER_PID;
			ret = kapi_rt_filter_number(val, PID_MAX_LIMIT, &n);
			f->pid = n;
			ret = ret ?: (n ? 0 : -EINVAL);
		} else if (!strcmp(tok, "tgid")) {
			bit = KAPI_FILTER_TGID;
			ret = kapi_rt_filter_number(val, PID_MAX_LIMIT, &n);
			f->tgid = n;
			ret = ret ?: (n ? 0 : -EINVAL);
		} else if (!strcmp(tok, "uid")) {
			bit = KAPI_FILTER_UID;
			/* (uid_t)-1 is no user. */
			ret = kapi_rt_filter_number(val, U32_MAX - 1, &n);
			f->uid = n;
		} else if (!strcmp(tok, "comm")) {
			bit = KAPI_FILTER_COMM;
			ret = kapi_rt_filter_comm(val, f->comm);
		} else {
			return -EINVAL;
		}
		if (ret || (f->set & bit))
			return -EINVAL;
		f->set |= bit;
	}
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_rt_filter_parse);

static ssize_t kapi_rt_filter_write(struct file *file,
				    const char __user *ubuf, size_t count,
				    loff_t *ppos)
{
	char *buf = kapi_runtime_get_write(ubuf, count);
	struct kapi_report_filter f;
	ssize_t ret = count;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	if (kapi_rt_filter_parse(buf, &f))
		ret = -EINVAL;
	else
		kapi_report_filter_set(&f);
	kfree(buf);
	return ret;
}

/* --- hooks ------------------------------------------------------------- */

static int kapi_rt_hooks_show(struct seq_file *m, void *unused)
{
	struct kapi_hook *hook = NULL;
	int error;

	kapi_hooks_lock();
	while ((hook = kapi_hooks_next(hook))) {
		error = READ_ONCE(hook->error);
		if (error)
			seq_printf(m, "%s %s failed error=%d\n", hook->name,
				   hook->func, error);
		else
			seq_printf(m, "%s %s hooked\n", hook->name, hook->func);
	}
	kapi_hooks_unlock();
	return 0;
}

/* --- files ------------------------------------------------------------- */

static int kapi_rt_mode_open(struct inode *inode, struct file *file)
{
	return single_open(file, kapi_rt_mode_show, NULL);
}

static int kapi_rt_stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, kapi_rt_stats_show, NULL);
}

static int kapi_rt_violations_open(struct inode *inode, struct file *file)
{
	/* About 300 bytes a record: one buffer for a full ring. */
	return single_open_size(file, kapi_rt_violations_show, NULL,
				KAPI_REPORT_RING_SIZE * 384);
}

static int kapi_rt_filter_open(struct inode *inode, struct file *file)
{
	return single_open(file, kapi_rt_filter_show, NULL);
}

static int kapi_rt_hooks_open(struct inode *inode, struct file *file)
{
	return single_open(file, kapi_rt_hooks_show, NULL);
}

#define KAPI_RUNTIME_FOPS(name, writer)			\
	static const struct file_operations name##_fops = {	\
		.owner = THIS_MODULE,				\
		.open = name##_open,				\
		.read = seq_read,				\
		.write = writer,				\
		.llseek = seq_lseek,				\
		.release = single_release,			\
	}

KAPI_RUNTIME_FOPS(kapi_rt_mode, kapi_rt_mode_write);
KAPI_RUNTIME_FOPS(kapi_rt_stats, kapi_rt_stats_write);
KAPI_RUNTIME_FOPS(kapi_rt_violations, kapi_rt_violations_write);
KAPI_RUNTIME_FOPS(kapi_rt_filter, kapi_rt_filter_write);
KAPI_RUNTIME_FOPS(kapi_rt_hooks, NULL);

/**
 * kapi_debugfs_runtime_init() - create /sys/kernel/debug/kapi/runtime/
 *
 * Nothing is created when kapi's debugfs directory does not exist
 * (debugfs unavailable); kapi_debugfs_init() has said so already.
 *
 * Return: 0.
 */
int kapi_debugfs_runtime_init(void)
{
	struct dentry *root, *dir;

	root = debugfs_lookup(KAPI_DEBUGFS_DIR, NULL);
	if (IS_ERR_OR_NULL(root))
		return 0;
	dir = debugfs_create_dir("runtime", root);
	if (IS_ERR(dir)) {
		pr_warn("cannot create debugfs directory %s/runtime: %pe\n",
			KAPI_DEBUGFS_DIR, dir);
		dput(root);
		return 0;
	}
	debugfs_create_file("mode", 0600, dir, NULL, &kapi_rt_mode_fops);
	debugfs_create_file("stats", 0600, dir, NULL, &kapi_rt_stats_fops);
	debugfs_create_file("violations", 0600, dir, NULL,
			    &kapi_rt_violations_fops);
	debugfs_create_file("filter", 0600, dir, NULL, &kapi_rt_filter_fops);
	debugfs_create_file("hooks", 0600, dir, NULL, &kapi_rt_hooks_fops);
	kapi_runtime_root = root;
	kapi_runtime_dir = dir;
	return 0;
}

/**
 * kapi_debugfs_runtime_exit() - remove kapi/runtime/
 *
 * debugfs waits for file operations in progress; an open file holds a
 * reference on kapi.ko, so none outlives it.
 */
void kapi_debugfs_runtime_exit(void)
{
	if (!kapi_runtime_root)
		return;
	debugfs_remove_recursive(kapi_runtime_dir);
	dput(kapi_runtime_root);
	kapi_runtime_dir = NULL;
	kapi_runtime_root = NULL;
}

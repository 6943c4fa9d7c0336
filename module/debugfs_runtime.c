// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs view of kapi's runtime verification:
 * /sys/kernel/debug/kapi/runtime/ with the files mode, log, stats,
 * violations, filter, hooks and checks (formats in
 * Documentation/runtime.rst). All are root-only (0600). Reads print what
 * the hooks and report layers keep, in text this file formats; writes are
 * the only way to change it at run time, and each is parsed strictly: one
 * exact command, at most one trailing newline, at most a page; anything
 * else fails with EINVAL and changes nothing.
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

#include "debugfs.h"
#include "hooks.h"
#include "image.h"
#include "kapi.h"
#include "report.h"

static struct dentry *kapi_debugfs_runtime_dir;	/* kapi/runtime/ */

/*
 * A write, as a NUL-terminated string without its one optional trailing
 * newline; kfree() it. ERR_PTR(-EINVAL) for an empty write, one of more
 * than a page, or one with a NUL byte in it.
 */
static char *kapi_debugfs_runtime_get_write(const char __user *ubuf,
					    size_t count)
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
static ssize_t kapi_debugfs_runtime_command(const char __user *ubuf,
					    size_t count, const char *word,
					    void (*cmd)(void))
{
	char *buf = kapi_debugfs_runtime_get_write(ubuf, count);
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

static int kapi_debugfs_runtime_mode_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "%s\n", kapi_mode_name(kapi_hooks_mode()));
	return 0;
}

static ssize_t kapi_debugfs_runtime_mode_write(struct file *file,
					       const char __user *ubuf,
					       size_t count, loff_t *ppos)
{
	char *buf = kapi_debugfs_runtime_get_write(ubuf, count);
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

/* --- log -------------------------------------------------------------- */

static int kapi_debugfs_runtime_log_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "%s\n", kapi_report_log() ? "on" : "off");
	return 0;
}

static ssize_t kapi_debugfs_runtime_log_write(struct file *file,
					      const char __user *ubuf,
					      size_t count, loff_t *ppos)
{
	char *buf = kapi_debugfs_runtime_get_write(ubuf, count);
	ssize_t ret = count;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	if (!strcmp(buf, "on"))
		kapi_report_set_log(true);
	else if (!strcmp(buf, "off"))
		kapi_report_set_log(false);
	else
		ret = -EINVAL;
	kfree(buf);
	return ret;
}

/* --- stats ------------------------------------------------------------- */

/**
 * kapi_debugfs_runtime_spec_stats() - print the counters of one spec
 * @m: the runtime/stats file
 * @name: the spec's name
 * @rs: its counters
 * @image: the image that holds @spec
 * @spec: the spec
 *
 * One summary line, a line per checked parameter, a context line if a
 * context violation was counted, and a line per error code and object kind
 * that failed calls met, with how many of them the spec does not list.
 *
 * Return: 0 or -ENOMEM.
 */
int kapi_debugfs_runtime_spec_stats(struct seq_file *m, const char *name,
				    struct kapi_report_spec *rs,
				    const void *image,
				    const struct kapi_image_spec *spec)
{
	struct kapi_report_counters *sum;
	char obj[KAPI_OBJECT_NAME_LEN];
	char err[32];
	u32 i, n;

	/* Too large for the stack with its 2 * 65 errno counters. */
	sum = kmalloc(sizeof(*sum), GFP_KERNEL);
	if (!sum)
		return -ENOMEM;
	kapi_report_spec_counters(rs, sum);
	seq_printf(m, "%s calls=%llu violations=%llu return_violations=%llu undocumented=%llu divergences=%llu enforced=%llu\n",
		   name, sum->calls, sum->violations, sum->return_violations,
		   sum->undocumented, sum->divergences, sum->enforced);
	n = min_t(u32, spec->params.count, KAPI_CHECK_MAX_PARAMS);
	for (i = 0; i < n; i++) {
		const struct kapi_image_param *p;

		p = kapi_image_param(image, spec, i);
		/* A param's own rule, or the struct it points to. */
		if (!kapi_check_constrained(p) &&
		    !kapi_image_param_struct_id(image, p))
			continue;
		seq_printf(m, "%s param=%s rule=%s violations=%llu\n", name,
			   kapi_image_str(image, p->name),
			   kapi_check_constraint_token(p->constraint),
			   sum->param[i]);
	}
	if (sum->context)
		seq_printf(m, "%s rule=context violations=%llu\n", name,
			   sum->context);
	for (i = 0; i < KAPI_REPORT_ERRNO_SLOTS; i++) {
		u32 key = READ_ONCE(rs->errno_slot[i]);

		if (!key || (!sum->failed[i] && !sum->errnos[i]))
			continue;
		kapi_report_errno(err, sizeof(err),
				  -kapi_report_errno_key_code(key));
		kapi_object_name(obj, sizeof(obj),
				 kapi_report_errno_key_object(key));
		seq_printf(m, "%s errno=%s object=%s failed=%llu undocumented=%llu\n",
			   name, err, obj, sum->failed[i], sum->errnos[i]);
	}
	if (sum->failed[KAPI_REPORT_ERRNO_SLOTS] ||
	    sum->errnos[KAPI_REPORT_ERRNO_SLOTS])
		seq_printf(m, "%s errno=other failed=%llu undocumented=%llu\n",
			   name, sum->failed[KAPI_REPORT_ERRNO_SLOTS],
			   sum->errnos[KAPI_REPORT_ERRNO_SLOTS]);
	kfree(sum);
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_debugfs_runtime_spec_stats);

static int kapi_debugfs_runtime_stats_show(struct seq_file *m, void *unused)
{
	struct kapi_hook *hook = NULL;
	int ret = 0;

	kapi_hooks_lock();
	while (!ret && (hook = kapi_hooks_next(hook))) {
		if (READ_ONCE(hook->error))
			continue;
		ret = kapi_debugfs_runtime_spec_stats(m, hook->name,
						      &hook->report,
						      hook->image,
						      hook->record);
	}
	kapi_hooks_unlock();
	return ret;
}

static ssize_t kapi_debugfs_runtime_stats_write(struct file *file,
						const char __user *ubuf,
						size_t count, loff_t *ppos)
{
	return kapi_debugfs_runtime_command(ubuf, count, "reset",
					    kapi_hooks_reset_stats);
}

/* --- violations -------------------------------------------------------- */

/* Print @s with spaces as '_' and control characters as '?'. */
static void kapi_debugfs_runtime_put_word(struct seq_file *m, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ')
			seq_putc(m, '_');
		else if ((u8)*s < 0x20 || *s == 0x7f)
			seq_putc(m, '?');
		else
			seq_putc(m, *s);
	}
}

static void kapi_debugfs_runtime_record(struct seq_file *m,
					const struct kapi_report_record *r)
{
	u32 i;

	seq_printf(m, "seq=%llu ts=%llu pid=%d tgid=%d uid=%u comm=", r->seq,
		   r->ts, r->pid, r->tgid, r->uid);
	kapi_debugfs_runtime_put_word(m, r->comm);
	seq_puts(m, " syscall=");
	kapi_debugfs_runtime_put_word(m, r->syscall);
	seq_puts(m, " args=");
	if (!r->nargs)
		seq_putc(m, '-');
	for (i = 0; i < r->nargs; i++)
		seq_printf(m, "%s0x%llx", i ? "," : "", r->args[i]);
	seq_puts(m, " rule=");
	kapi_debugfs_runtime_put_word(m, r->rule);
	seq_puts(m, " expected=");
	kapi_debugfs_runtime_put_word(m, r->expected);
	seq_puts(m, " actual=");
	kapi_debugfs_runtime_put_word(m, r->actual);
	if (r->has_object) {
		char obj[KAPI_OBJECT_NAME_LEN];

		kapi_object_name(obj, sizeof(obj), r->object);
		seq_printf(m, " object=%s", obj);
	}
	seq_printf(m, " mode=%s\n", kapi_mode_name(r->mode));
}

/**
 * kapi_debugfs_runtime_violations_show() - print the violations file
 * @m: the file
 * @unused: unused
 *
 * A header line, then the records of the violation ring oldest first,
 * printed from a copy (kapi_report_ring_copy()).
 *
 * Context: process context; allocates.
 * Return: 0 or -ENOMEM.
 */
int kapi_debugfs_runtime_violations_show(struct seq_file *m, void *unused)
{
	struct kapi_report_record *copy;
	unsigned int i, n;
	u64 dropped;

	copy = kvmalloc_array(KAPI_REPORT_RING_SIZE, sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	n = kapi_report_ring_copy(copy, &dropped);
	seq_printf(m, "# capacity=%u records=%u dropped=%llu\n",
		   KAPI_REPORT_RING_SIZE, n, dropped);
	for (i = 0; i < n; i++)
		kapi_debugfs_runtime_record(m, &copy[i]);
	kvfree(copy);
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_debugfs_runtime_violations_show);

static ssize_t kapi_debugfs_runtime_violations_write(struct file *file,
						     const char __user *ubuf,
						     size_t count, loff_t *ppos)
{
	return kapi_debugfs_runtime_command(ubuf, count, "clear",
					    kapi_report_ring_clear);
}

/* --- filter ------------------------------------------------------------ */

/**
 * kapi_debugfs_runtime_filter_show() - print the filter file
 * @m: the file
 * @unused: unused
 *
 * Return: 0.
 */
int kapi_debugfs_runtime_filter_show(struct seq_file *m, void *unused)
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
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_debugfs_runtime_filter_show);

/* A decimal number of digits only, at most @max. */
static int kapi_debugfs_runtime_number(const char *s, u32 max, u32 *out)
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

/**
 * kapi_debugfs_runtime_filter_parse() - parse a write to the filter file
 * @s: the write, without its trailing newline; changed while parsing
 * @f: receives the filter
 *
 * "clear", or space-separated key=value pairs, each key at most once.
 *
 * Return: 0, or -EINVAL for anything else (@f is then undefined).
 */
int kapi_debugfs_runtime_filter_parse(char *s, struct kapi_report_filter *f)
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
			ret = kapi_debugfs_runtime_number(val, PID_MAX_LIMIT,
							  &n);
			f->pid = n;
			ret = ret ?: (n ? 0 : -EINVAL);
		} else if (!strcmp(tok, "tgid")) {
			bit = KAPI_FILTER_TGID;
			ret = kapi_debugfs_runtime_number(val, PID_MAX_LIMIT,
							  &n);
			f->tgid = n;
			ret = ret ?: (n ? 0 : -EINVAL);
		} else if (!strcmp(tok, "uid")) {
			bit = KAPI_FILTER_UID;
			/* (uid_t)-1 is no user. */
			ret = kapi_debugfs_runtime_number(val, U32_MAX - 1, &n);
			f->uid = n;
		} else if (!strcmp(tok, "comm")) {
			bit = KAPI_FILTER_COMM;
			ret = kapi_report_filter_comm_ok(val) ? 0 : -EINVAL;
			strscpy(f->comm, val, sizeof(f->comm));
		} else {
			return -EINVAL;
		}
		if (ret || (f->set & bit))
			return -EINVAL;
		f->set |= bit;
	}
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_debugfs_runtime_filter_parse);

static ssize_t kapi_debugfs_runtime_filter_write(struct file *file,
						 const char __user *ubuf,
						 size_t count, loff_t *ppos)
{
	char *buf = kapi_debugfs_runtime_get_write(ubuf, count);
	struct kapi_report_filter f;
	ssize_t ret = count;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	if (kapi_debugfs_runtime_filter_parse(buf, &f))
		ret = -EINVAL;
	else
		kapi_report_filter_set(&f);
	kfree(buf);
	return ret;
}

/* --- hooks ------------------------------------------------------------- */

static int kapi_debugfs_runtime_hooks_show(struct seq_file *m, void *unused)
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

/* --- checks ------------------------------------------------------------ */

/*
 * Which check engine each syscall spec runs, as its hook chose it when it
 * attached (kapi_check_impl_for()); "none" for a spec that could not be
 * hooked.
 */
static int kapi_debugfs_runtime_checks_show(struct seq_file *m, void *unused)
{
	struct kapi_hook *hook = NULL;

	kapi_hooks_lock();
	while ((hook = kapi_hooks_next(hook)))
		seq_printf(m, "%s %s\n", hook->name,
			   hook->impl ? hook->impl->name : "none");
	kapi_hooks_unlock();
	return 0;
}

/* --- files ------------------------------------------------------------- */

static int kapi_debugfs_runtime_mode_open(struct inode *inode,
					  struct file *file)
{
	return single_open(file, kapi_debugfs_runtime_mode_show, NULL);
}

static int kapi_debugfs_runtime_log_open(struct inode *inode,
					 struct file *file)
{
	return single_open(file, kapi_debugfs_runtime_log_show, NULL);
}

static int kapi_debugfs_runtime_stats_open(struct inode *inode,
					   struct file *file)
{
	return single_open(file, kapi_debugfs_runtime_stats_show, NULL);
}

static int kapi_debugfs_runtime_violations_open(struct inode *inode,
						struct file *file)
{
	/* About 300 bytes a record: one buffer for a full ring. */
	return single_open_size(file, kapi_debugfs_runtime_violations_show,
				NULL, KAPI_REPORT_RING_SIZE * 384);
}

static int kapi_debugfs_runtime_filter_open(struct inode *inode,
					    struct file *file)
{
	return single_open(file, kapi_debugfs_runtime_filter_show, NULL);
}

static int kapi_debugfs_runtime_hooks_open(struct inode *inode,
					   struct file *file)
{
	return single_open(file, kapi_debugfs_runtime_hooks_show, NULL);
}

static int kapi_debugfs_runtime_checks_open(struct inode *inode,
					    struct file *file)
{
	return single_open(file, kapi_debugfs_runtime_checks_show, NULL);
}

/* The file_operations of runtime/@name; @writer handles writes, or NULL. */
#define KAPI_DEBUGFS_RUNTIME_FOPS(name, writer)				\
	static const struct file_operations				\
	kapi_debugfs_runtime_##name##_fops = {				\
		.owner = THIS_MODULE,					\
		.open = kapi_debugfs_runtime_##name##_open,		\
		.read = seq_read,					\
		.write = writer,					\
		.llseek = seq_lseek,					\
		.release = single_release,				\
	}

KAPI_DEBUGFS_RUNTIME_FOPS(mode, kapi_debugfs_runtime_mode_write);
KAPI_DEBUGFS_RUNTIME_FOPS(log, kapi_debugfs_runtime_log_write);
KAPI_DEBUGFS_RUNTIME_FOPS(stats, kapi_debugfs_runtime_stats_write);
KAPI_DEBUGFS_RUNTIME_FOPS(violations, kapi_debugfs_runtime_violations_write);
KAPI_DEBUGFS_RUNTIME_FOPS(filter, kapi_debugfs_runtime_filter_write);
KAPI_DEBUGFS_RUNTIME_FOPS(hooks, NULL);
KAPI_DEBUGFS_RUNTIME_FOPS(checks, NULL);

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
	struct dentry *root = kapi_debugfs_root(), *dir;

	if (!root)
		return 0;
	dir = debugfs_create_dir("runtime", root);
	if (IS_ERR(dir)) {
		pr_warn("cannot create debugfs directory %s/runtime: %pe\n",
			KAPI_DEBUGFS_DIR, dir);
		return 0;
	}
	debugfs_create_file("mode", 0600, dir, NULL,
			    &kapi_debugfs_runtime_mode_fops);
	debugfs_create_file("log", 0600, dir, NULL,
			    &kapi_debugfs_runtime_log_fops);
	debugfs_create_file("stats", 0600, dir, NULL,
			    &kapi_debugfs_runtime_stats_fops);
	debugfs_create_file("violations", 0600, dir, NULL,
			    &kapi_debugfs_runtime_violations_fops);
	debugfs_create_file("filter", 0600, dir, NULL,
			    &kapi_debugfs_runtime_filter_fops);
	debugfs_create_file("hooks", 0600, dir, NULL,
			    &kapi_debugfs_runtime_hooks_fops);
	debugfs_create_file("checks", 0600, dir, NULL,
			    &kapi_debugfs_runtime_checks_fops);
	kapi_debugfs_runtime_dir = dir;
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
	debugfs_remove_recursive(kapi_debugfs_runtime_dir);
	kapi_debugfs_runtime_dir = NULL;
}

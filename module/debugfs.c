// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs view of kapi: /sys/kernel/debug/kapi/. Files are root-only; they
 * read module state through the lower layers and never change it except
 * through explicit control files. Besides the version file: "list" (one
 * line per spec, upstream's layout), "image" (the raw registered images,
 * for kapi-dump), and per spec "specs/<name>" (text) and
 * "specs-json/<name>" (JSON as Documentation/json.rst defines it). The
 * per-spec files follow the registry through a listener; opening one looks
 * the spec up by the file's name and holds a reference until release.
 * Functions are named kapi_debugfs_*, except the text and JSON formatters
 * of the per-spec files (kapi_text_*, kapi_json_*), which are this file's
 * own.
 */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/utsname.h>

#include "debugfs.h"
#include "image.h"
#include "kapi.h"
#include "registry.h"

static struct dentry *kapi_debugfs_dir;		/* kapi/ */
static struct dentry *kapi_debugfs_specs;
static struct dentry *kapi_debugfs_json;

static int kapi_debugfs_version_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "kapi %s\n", KAPI_VERSION);
	seq_printf(m, "image-format %u.%u\n", KAPI_IMAGE_VERSION_MAJOR,
		   KAPI_IMAGE_VERSION_MINOR);
	seq_printf(m, "netlink %s %u\n", KAPI_GENL_NAME, KAPI_GENL_VERSION);
	seq_printf(m, "kernel %s\n", init_utsname()->release);
	seq_printf(m, "features%s\n", kapi_compat_features());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(kapi_debugfs_version);

/*
 * @len bytes of spec text; control characters other than tab (C0 and DEL)
 * become '?', so that no spec can send escape sequences to a terminal or
 * break a line of the list.
 */
static void kapi_text_put(struct seq_file *m, const char *text, size_t len)
{
	size_t i;
	u8 c;

	for (i = 0; i < len; i++) {
		c = text[i];
		seq_putc(m, (c < 0x20 && c != '\t') || c == 0x7f ? '?' : c);
	}
}

/**
 * kapi_debugfs_list_show() - print the list file
 * @m: the file
 * @unused: unused
 *
 * Upstream's layout, so that its tools read it too.
 *
 * Return: 0.
 */
int kapi_debugfs_list_show(struct seq_file *m, void *unused)
{
	const struct kapi_registry_image *img = NULL;
	unsigned int total = 0;
	u32 i;

	seq_puts(m, "Available Kernel API Specifications\n");
	seq_puts(m, "===================================\n\n");
	kapi_registry_lock();
	while ((img = kapi_registry_next(img))) {
		for (i = 0; i < img->nspecs; i++) {
			const char *summary;

			summary = kapi_image_str(img->data,
						 img->specs[i].spec->summary);
			seq_printf(m, "%s - ", img->specs[i].name);
			kapi_text_put(m, summary, strlen(summary));
			seq_putc(m, '\n');
		}
		total += img->nspecs;
	}
	kapi_registry_unlock();
	seq_printf(m, "\nTotal: %u specifications\n", total);
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_debugfs_list_show);
DEFINE_SHOW_ATTRIBUTE(kapi_debugfs_list);

/*
 * image: every registered image in registration order, each padded with
 * zero bytes to a multiple of KAPI_IMAGE_ALIGN. A seq_file record is one
 * chunk of an image, so a reader of any size never makes seq_file hold a
 * whole (up to 16 MiB) image at once.
 */
#define KAPI_DEBUGFS_IMAGE_CHUNK 2048

struct kapi_debugfs_image_cursor {
	const struct kapi_registry_image *img;
	size_t off;
};

static size_t kapi_debugfs_image_padded(const struct kapi_registry_image *img)
{
	return ALIGN(img->size, KAPI_IMAGE_ALIGN);
}

/* LOCKING: takes the registry lock; kapi_debugfs_image_stop() releases it. */
static void *kapi_debugfs_image_start(struct seq_file *m, loff_t *pos)
{
	struct kapi_debugfs_image_cursor *c = m->private;
	loff_t n = *pos;

	kapi_registry_lock();
	for (c->img = kapi_registry_next(NULL); c->img;
	     c->img = kapi_registry_next(c->img)) {
		loff_t chunks = DIV_ROUND_UP(kapi_debugfs_image_padded(c->img),
					     KAPI_DEBUGFS_IMAGE_CHUNK);

		if (n < chunks) {
			c->off = n * KAPI_DEBUGFS_IMAGE_CHUNK;
			return c;
		}
		n -= chunks;
	}
	return NULL;
}

static void *kapi_debugfs_image_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct kapi_debugfs_image_cursor *c = v;

	++*pos;
	c->off += KAPI_DEBUGFS_IMAGE_CHUNK;
	if (c->off < kapi_debugfs_image_padded(c->img))
		return c;
	c->img = kapi_registry_next(c->img);
	c->off = 0;
	return c->img ? c : NULL;
}

static void kapi_debugfs_image_stop(struct seq_file *m, void *v)
{
	kapi_registry_unlock();
}

static int kapi_debugfs_image_show(struct seq_file *m, void *v)
{
	static const u8 zeros[KAPI_IMAGE_ALIGN];
	struct kapi_debugfs_image_cursor *c = v;
	size_t end = min(c->off + KAPI_DEBUGFS_IMAGE_CHUNK,
			 kapi_debugfs_image_padded(c->img));
	size_t data_end = min(end, c->img->size);

	if (c->off < data_end)
		seq_write(m, (const u8 *)c->img->data + c->off,
			  data_end - c->off);
	if (end > data_end)
		seq_write(m, zeros, end - max(c->off, data_end));
	return 0;
}

static const struct seq_operations kapi_debugfs_image_seq_ops = {
	.start = kapi_debugfs_image_start,
	.next = kapi_debugfs_image_next,
	.stop = kapi_debugfs_image_stop,
	.show = kapi_debugfs_image_show,
};

static int kapi_debugfs_image_open(struct inode *inode, struct file *file)
{
	return seq_open_private(file, &kapi_debugfs_image_seq_ops,
				sizeof(struct kapi_debugfs_image_cursor));
}

static const struct file_operations kapi_debugfs_image_fops = {
	.owner = THIS_MODULE,
	.open = kapi_debugfs_image_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

/* Long enough for "-EPROTONOSUPPORT" and for "-4095". */
#define KAPI_DEBUGFS_ERRNO_LEN 24

/* Per-spec files: the file's name is the spec's name. */
static int kapi_debugfs_spec_open(struct file *file,
				  int (*show)(struct seq_file *, void *))
{
	struct kapi_registry_spec *spec;
	int ret;

	spec = kapi_registry_get(file->f_path.dentry->d_name.name);
	if (!spec)
		return -ENOENT;
	ret = single_open(file, show, spec);
	if (ret)
		kapi_registry_put(spec);
	return ret;
}

static int kapi_debugfs_spec_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;
	struct kapi_registry_spec *spec = m->private;
	int ret;

	ret = single_release(inode, file);
	kapi_registry_put(spec);
	return ret;
}

/* --- specs/<name>: text ------------------------------------------------ */

/* "key: value"; text of several lines goes below the key, indented. */
static void kapi_text(struct seq_file *m, const char *indent, const char *key,
		      const char *text)
{
	const char *nl;
	size_t len;

	if (!strchr(text, '\n')) {
		seq_printf(m, "%s%s:%s", indent, key, *text ? " " : "");
		kapi_text_put(m, text, strlen(text));
		seq_putc(m, '\n');
		return;
	}
	seq_printf(m, "%s%s:\n", indent, key);
	for (; text; text = nl ? nl + 1 : NULL) {
		nl = strchr(text, '\n');
		len = nl ? nl - text : strlen(text);
		if (len) {
			seq_printf(m, "%s  ", indent);
			kapi_text_put(m, text, len);
		}
		seq_putc(m, '\n');
	}
}

static void kapi_text_str(struct seq_file *m, const void *img,
			  const char *indent, const char *key, u32 str)
{
	kapi_text(m, indent, key, kapi_image_str(img, str));
}

/* "Objects: sock:tcp, *:proc", or "Objects: every object" if unqualified. */
static void kapi_text_objects(struct seq_file *m, const void *img,
			      const char *indent,
			      const struct kapi_image_error *e)
{
	char buf[KAPI_IMAGE_OBJECT_NAME_LEN];
	u32 i;

	seq_printf(m, "%sObjects:", indent);
	if (!e->objects.count)
		seq_puts(m, " every object");
	for (i = 0; i < e->objects.count; i++) {
		const struct kapi_image_object *o;

		o = kapi_image_error_object(img, e, i);
		seq_printf(m, "%s %s", i ? "," : "",
			   kapi_image_object_name(buf, sizeof(buf), o->type,
						  o->impl));
	}
	seq_putc(m, '\n');
}

/*
 * A number with the expression it was written as: "2147483647 (INT_MAX)";
 * @fmt 'x' prints it in hexadecimal, 'u' unsigned, else signed.
 */
static void kapi_text_numv(struct seq_file *m, const void *img,
			   const char *indent, const char *key, s64 value,
			   u32 expr_off, char fmt)
{
	const char *expr = kapi_image_str(img, expr_off);

	seq_printf(m, "%s%s: ", indent, key);
	if (fmt == 'x')
		seq_printf(m, "0x%llx", (u64)value);
	else if (fmt == 'u')
		seq_printf(m, "%llu", (u64)value);
	else
		seq_printf(m, "%lld", value);
	if (*expr)
		seq_printf(m, " (%s)", expr);
	seq_putc(m, '\n');
}

static void kapi_text_num(struct seq_file *m, const void *img,
			  const char *indent, const char *key,
			  const struct kapi_image_num *n, char fmt)
{
	kapi_text_numv(m, img, indent, key, n->value, n->expr, fmt);
}

static void kapi_text_num32(struct seq_file *m, const void *img,
			    const char *indent, const char *key,
			    const struct kapi_image_num32 *n, char fmt)
{
	kapi_text_numv(m, img, indent, key, n->value, n->expr, fmt);
}

static void kapi_text_enum(struct seq_file *m, const char *indent,
			   const char *key, enum kapi_image_enum e, u32 v)
{
	seq_printf(m, "%s%s: %s\n", indent, key,
		   kapi_image_enum_name(e, v) ?: "?");
}

static void kapi_text_bits(struct seq_file *m, const char *indent,
			   const char *key, enum kapi_image_bits b, u32 v)
{
	unsigned long bits = v;
	unsigned int bit;
	const char *sep = " ";

	seq_printf(m, "%s%s:", indent, key);
	if (!v)
		seq_puts(m, " none");
	for_each_set_bit(bit, &bits, 32) {
		seq_printf(m, "%s%s", sep, kapi_image_bit_name(b, bit) ?: "?");
		sep = " | ";
	}
	seq_putc(m, '\n');
}

/*
 * The name of error code @code: as the spec's own error list names it,
 * else the kernel's name for it ("EINVAL"); NULL if neither has one.
 * @buf holds the kernel's name.
 */
static const char *kapi_debugfs_errno_name(const void *img,
					   const struct kapi_image_spec *s,
					   s32 code,
					   char buf[KAPI_DEBUGFS_ERRNO_LEN])
{
	const char *name = kapi_image_error_name(img, s, code);

	if (name)
		return name;
	/* %pe prints "-EINVAL", or the number for a code without a name. */
	snprintf(buf, KAPI_DEBUGFS_ERRNO_LEN, "%pe", ERR_PTR(code));
	return buf[0] == '-' && buf[1] == 'E' ? buf + 1 : NULL;
}

/* An error code by its name: "EINVAL (-22)". */
static void kapi_text_errno(struct seq_file *m, const void *img,
			    const struct kapi_image_spec *s, const char *indent,
			    const char *key, s32 code)
{
	char buf[KAPI_DEBUGFS_ERRNO_LEN];
	const char *name;

	name = code ? kapi_debugfs_errno_name(img, s, code, buf) : NULL;
	if (!code)
		seq_printf(m, "%s%s: none\n", indent, key);
	else
		seq_printf(m, "%s%s: %s (%d)\n", indent, key, name ?: "?",
			   code);
}

static void kapi_text_param(struct seq_file *m, const void *img,
			    const struct kapi_image_spec *s, u32 i)
{
	const struct kapi_image_param *p = kapi_image_param(img, s, i);
	char f = p->type == KAPI_TYPE_UINT ? 'u' : 'd';
	const char *in = "    ";
	u32 v;

	seq_printf(m, "  [%u] %s\n", i, kapi_image_str(img, p->name));
	kapi_text_str(m, img, in, "Type name", p->type_name);
	kapi_text_str(m, img, in, "Description", p->description);
	kapi_text_enum(m, in, "Type", KAPI_ENUM_PARAM_TYPE, p->type);
	kapi_text_bits(m, in, "Flags", KAPI_BITS_PARAM_FLAGS, p->flags);
	kapi_text_enum(m, in, "Constraint", KAPI_ENUM_CONSTRAINT,
		       p->constraint);
	kapi_text_str(m, img, in, "Constraint text", p->constraint_text);
	kapi_text_num(m, img, in, "Min", &p->min, f);
	kapi_text_num(m, img, in, "Max", &p->max, f);
	kapi_text_num(m, img, in, "Mask", &p->mask, 'x');
	seq_printf(m, "%sValues:", in);
	if (!p->values.count)
		seq_puts(m, " none");
	for (v = 0; v < p->values.count; v++) {
		const struct kapi_image_num *n = kapi_image_param_value(img, p, v);
		const char *expr = kapi_image_str(img, n->expr);

		seq_printf(m, "%s %lld", v ? "," : "", n->value);
		if (*expr)
			seq_printf(m, " (%s)", expr);
	}
	seq_putc(m, '\n');
	kapi_text_num(m, img, in, "Size", &p->size, 'u');
	kapi_text_num(m, img, in, "Size multiplier", &p->size_mult, 'u');
	if (p->size_param < 0)
		seq_printf(m, "%sSize parameter: none\n", in);
	else
		seq_printf(m, "%sSize parameter: %d (%s)\n", in, p->size_param,
			   kapi_image_str(img,
					  kapi_image_param(img, s,
							   p->size_param)->name));
	kapi_text_num32(m, img, in, "Alignment", &p->alignment, 'u');
	kapi_text_errno(m, img, s, in, "Violation error", p->violation_error);
	if (p->order & KAPI_PARAM_ORDER_RANK)
		seq_printf(m, "%sCheck order: %u%s\n", in,
			   p->order & KAPI_PARAM_ORDER_RANK,
			   p->order & KAPI_PARAM_ORDER_AUDIT ? ", audit" : "");
	else
		seq_printf(m, "%sCheck order: unranked%s\n", in,
			   p->order & KAPI_PARAM_ORDER_AUDIT ? ", audit" : "");
}

static void kapi_text_signal(struct seq_file *m, const void *img,
			     const struct kapi_image_spec *s, u32 i)
{
	const struct kapi_image_signal *g = kapi_image_signal(img, s, i);
	const char *in = "    ";

	seq_printf(m, "  [%u] %s\n", i, kapi_image_str(img, g->name));
	kapi_text_num32(m, img, in, "Number", &g->number, 'd');
	kapi_text_bits(m, in, "Direction", KAPI_BITS_SIGNAL_DIRECTION,
		       g->direction);
	kapi_text_enum(m, in, "Action", KAPI_ENUM_SIGNAL_ACTION, g->action);
	kapi_text_enum(m, in, "Timing", KAPI_ENUM_SIGNAL_TIMING, g->timing);
	seq_printf(m, "%sRestartable: %s\n", in,
		   g->flags & KAPI_SIGNAL_RESTARTABLE ? "yes" : "no");
	seq_printf(m, "%sInterruptible: %s\n", in,
		   g->flags & KAPI_SIGNAL_INTERRUPTIBLE ? "yes" : "no");
	kapi_text_errno(m, img, s, in, "Error", g->error);
	kapi_text_str(m, img, in, "Target", g->target);
	kapi_text_str(m, img, in, "Condition", g->condition);
	kapi_text_str(m, img, in, "Description", g->description);
	seq_printf(m, "%sPriority: %u\n", in, g->priority);
	seq_printf(m, "%sSA flags required: 0x%x\n", in, g->sa_flags_required);
	seq_printf(m, "%sSA flags forbidden: 0x%x\n", in,
		   g->sa_flags_forbidden);
	seq_printf(m, "%sTransform to: %d\n", in, g->transform_to);
	kapi_text_bits(m, in, "State required", KAPI_BITS_SIGNAL_STATE,
		       g->state_required);
	kapi_text_bits(m, in, "State forbidden", KAPI_BITS_SIGNAL_STATE,
		       g->state_forbidden);
	kapi_text_str(m, img, in, "Queue", g->queue);
}

/**
 * kapi_debugfs_spec_text_show() - print a specs/<name> file
 * @m: the file; @m->private is the spec (struct kapi_registry_spec)
 * @unused: unused
 *
 * Return: 0.
 */
int kapi_debugfs_spec_text_show(struct seq_file *m, void *unused)
{
	const struct kapi_registry_spec *rs = m->private;
	const struct kapi_image_spec *s = rs->spec;
	const void *img = rs->image->data;
	const char *in = "    ";
	u32 i;

	seq_puts(m, "Kernel API Specification\n");
	seq_puts(m, "========================\n\n");
	seq_printf(m, "Name: %s\n", rs->name);
	kapi_text_enum(m, "", "Type", KAPI_ENUM_KIND, s->kind);
	kapi_text_str(m, img, "", "Description", s->summary);
	kapi_text_str(m, img, "", "Long description", s->description);
	kapi_text_bits(m, "", "Context", KAPI_BITS_CONTEXT, s->context);
	seq_printf(m, "Deprecated: %s\n",
		   s->flags & KAPI_SPEC_DEPRECATED ? "yes" : "no");
	kapi_text_str(m, img, "", "Since", s->since);
	kapi_text_str(m, img, "", "Replacement", s->replacement);
	kapi_text_str(m, img, "", "Examples", s->examples);
	kapi_text_str(m, img, "", "Notes", s->notes);
	seq_printf(m, "Source: %s:%u\n", kapi_image_str(img, s->source_file),
		   s->source_line);
	if (s->kind == KAPI_KIND_IOCTL)
		kapi_text_numv(m, img, "", "Ioctl command",
			       kapi_image_ioctl_cmd(s), s->ioctl_cmd.expr, 'x');
	else
		seq_puts(m, "Ioctl command: none\n");

	seq_printf(m, "\nParameters (%u):\n", s->params.count);
	for (i = 0; i < s->params.count; i++)
		kapi_text_param(m, img, s, i);

	seq_puts(m, "\nReturn:\n");
	kapi_text_str(m, img, "  ", "Type name", s->ret.type_name);
	kapi_text_enum(m, "  ", "Type", KAPI_ENUM_PARAM_TYPE, s->ret.type);
	kapi_text_enum(m, "  ", "Check", KAPI_ENUM_RETURN_CHECK, s->ret.check);
	kapi_text_num(m, img, "  ", "Success min", &s->ret.success_min, 'd');
	kapi_text_num(m, img, "  ", "Success max", &s->ret.success_max, 'd');
	kapi_text_str(m, img, "  ", "Description", s->ret.description);

	seq_printf(m, "\nErrors (%u):\n", s->errors.count);
	for (i = 0; i < s->errors.count; i++) {
		const struct kapi_image_error *e = kapi_image_error(img, s, i);

		seq_printf(m, "  [%u] %s (%d)\n", i,
			   kapi_image_str(img, e->name), e->code);
		kapi_text_objects(m, img, in, e);
		kapi_text_str(m, img, in, "Condition", e->condition);
		kapi_text_str(m, img, in, "Description", e->description);
	}

	seq_printf(m, "\nLocks (%u):\n", s->locks.count);
	for (i = 0; i < s->locks.count; i++) {
		const struct kapi_image_lock *l = kapi_image_lock(img, s, i);

		seq_printf(m, "  [%u] %s\n", i, kapi_image_str(img, l->name));
		kapi_text_enum(m, in, "Type", KAPI_ENUM_LOCK_TYPE, l->type);
		kapi_text_enum(m, in, "Scope", KAPI_ENUM_LOCK_SCOPE, l->scope);
		kapi_text_str(m, img, in, "Description", l->description);
	}

	seq_printf(m, "\nSignals (%u):\n", s->signals.count);
	for (i = 0; i < s->signals.count; i++)
		kapi_text_signal(m, img, s, i);

	seq_printf(m, "\nSide effects (%u):\n", s->effects.count);
	for (i = 0; i < s->effects.count; i++) {
		const struct kapi_image_effect *e = kapi_image_effect(img, s, i);

		seq_printf(m, "  [%u]\n", i);
		kapi_text_bits(m, in, "Type", KAPI_BITS_EFFECT, e->type);
		kapi_text_str(m, img, in, "Target", e->target);
		kapi_text_str(m, img, in, "Condition", e->condition);
		kapi_text_str(m, img, in, "Description", e->description);
		seq_printf(m, "%sReversible: %s\n", in,
			   e->flags & KAPI_EFFECT_REVERSIBLE ? "yes" : "no");
	}

	seq_printf(m, "\nState transitions (%u):\n", s->transitions.count);
	for (i = 0; i < s->transitions.count; i++) {
		const struct kapi_image_transition *t;

		t = kapi_image_transition(img, s, i);
		seq_printf(m, "  [%u] %s\n", i, kapi_image_str(img, t->object));
		kapi_text_str(m, img, in, "From", t->from);
		kapi_text_str(m, img, in, "To", t->to);
		kapi_text_str(m, img, in, "Condition", t->condition);
		kapi_text_str(m, img, in, "Description", t->description);
	}

	seq_printf(m, "\nCapabilities (%u):\n", s->caps.count);
	for (i = 0; i < s->caps.count; i++) {
		const struct kapi_image_cap *c = kapi_image_cap(img, s, i);

		seq_printf(m, "  [%u] %s\n", i, kapi_image_str(img, c->name));
		kapi_text_num32(m, img, in, "Capability", &c->cap, 'd');
		kapi_text_enum(m, in, "Action", KAPI_ENUM_CAP_ACTION, c->action);
		kapi_text_str(m, img, in, "Allows", c->allows);
		kapi_text_str(m, img, in, "Without", c->without);
		kapi_text_str(m, img, in, "Condition", c->condition);
		seq_printf(m, "%sPriority: %u\n", in, c->priority);
	}

	seq_printf(m, "\nConstraints (%u):\n", s->constraints.count);
	for (i = 0; i < s->constraints.count; i++) {
		const struct kapi_image_constraint *k;

		k = kapi_image_constraint(img, s, i);
		seq_printf(m, "  [%u] %s\n", i, kapi_image_str(img, k->name));
		kapi_text_str(m, img, in, "Description", k->description);
		kapi_text_str(m, img, in, "Expression", k->expr);
	}
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_debugfs_spec_text_show);

static int kapi_debugfs_spec_text_open(struct inode *inode, struct file *file)
{
	return kapi_debugfs_spec_open(file, kapi_debugfs_spec_text_show);
}

static const struct file_operations kapi_debugfs_spec_text_fops = {
	.owner = THIS_MODULE,
	.open = kapi_debugfs_spec_text_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = kapi_debugfs_spec_release,
};

/* --- specs-json/<name>: JSON, layout of Documentation/json.rst --------- */

/*
 * A small pretty-printing JSON writer: two spaces per level, one member
 * per line, empty containers as {} and [], which is what common JSON
 * libraries print too.
 */
struct kapi_json {
	struct seq_file *m;
	unsigned int depth;
	u32 nonempty;		/* bit d: the container at depth d has members */
};

static void kapi_json_member(struct kapi_json *j, const char *key)
{
	if (j->depth) {
		seq_puts(j->m, j->nonempty & BIT(j->depth) ? ",\n" : "\n");
		j->nonempty |= BIT(j->depth);
		seq_printf(j->m, "%*s", j->depth * 2, "");
	}
	if (key)
		seq_printf(j->m, "\"%s\": ", key);
}

static void kapi_json_open(struct kapi_json *j, const char *key, char bracket)
{
	kapi_json_member(j, key);
	seq_putc(j->m, bracket);
	j->depth++;
	j->nonempty &= ~BIT(j->depth);
}

static void kapi_json_close(struct kapi_json *j, char bracket)
{
	if (j->nonempty & BIT(j->depth))
		seq_printf(j->m, "\n%*s", (j->depth - 1) * 2, "");
	j->depth--;
	seq_putc(j->m, bracket);
}

/* Length of the valid UTF-8 sequence at @p, 0 if it is not one. */
static unsigned int kapi_json_utf8_len(const u8 *p)
{
	unsigned int n, i;
	u32 cp;

	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		cp = p[0] & 0x07;
	} else {
		return 0;
	}
	/* A NUL byte is not a continuation byte: this stops at the end. */
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/*
 * A JSON string: '"' and '\' escaped with a backslash, control characters
 * as \b \f \n \r \t or \u00XX, valid UTF-8 as it is, and every byte that
 * is not valid UTF-8 as U+FFFD, so that the output is always valid JSON.
 */
static void kapi_json_escape(struct seq_file *m, const char *str)
{
	const u8 *p = (const u8 *)str;
	unsigned int n;

	seq_putc(m, '"');
	while (*p) {
		switch (*p) {
		case '"':
			seq_puts(m, "\\\"");
			break;
		case '\\':
			seq_puts(m, "\\\\");
			break;
		case '\b':
			seq_puts(m, "\\b");
			break;
		case '\f':
			seq_puts(m, "\\f");
			break;
		case '\n':
			seq_puts(m, "\\n");
			break;
		case '\r':
			seq_puts(m, "\\r");
			break;
		case '\t':
			seq_puts(m, "\\t");
			break;
		default:
			if (*p < 0x20) {
				seq_printf(m, "\\u%04x", *p);
			} else if (*p < 0x80) {
				seq_putc(m, *p);
			} else {
				n = kapi_json_utf8_len(p);
				if (n) {
					seq_write(m, p, n);
					p += n;
					continue;
				}
				seq_puts(m, "\\ufffd");
			}
		}
		p++;
	}
	seq_putc(m, '"');
}

static void kapi_json_str(struct kapi_json *j, const char *key,
			  const char *str)
{
	kapi_json_member(j, key);
	kapi_json_escape(j->m, str);
}

static void kapi_json_istr(struct kapi_json *j, const void *img,
			   const char *key, u32 str)
{
	kapi_json_str(j, key, kapi_image_str(img, str));
}

static void kapi_json_int(struct kapi_json *j, const char *key, s64 v)
{
	kapi_json_member(j, key);
	seq_printf(j->m, "%lld", v);
}

static void kapi_json_bool(struct kapi_json *j, const char *key, bool v)
{
	kapi_json_member(j, key);
	seq_puts(j->m, v ? "true" : "false");
}

static void kapi_json_null(struct kapi_json *j, const char *key)
{
	kapi_json_member(j, key);
	seq_puts(j->m, "null");
}

/* number: {"value": 2147483647, "expr": "INT_MAX"}, expr null if literal */
static void kapi_json_numv(struct kapi_json *j, const void *img,
			   const char *key, s64 value, u32 expr)
{
	kapi_json_open(j, key, '{');
	kapi_json_int(j, "value", value);
	if (expr)
		kapi_json_istr(j, img, "expr", expr);
	else
		kapi_json_null(j, "expr");
	kapi_json_close(j, '}');
}

static void kapi_json_num(struct kapi_json *j, const void *img,
			  const char *key, const struct kapi_image_num *n)
{
	kapi_json_numv(j, img, key, n->value, n->expr);
}

static void kapi_json_num32(struct kapi_json *j, const void *img,
			    const char *key, const struct kapi_image_num32 *n)
{
	kapi_json_numv(j, img, key, n->value, n->expr);
}

static void kapi_json_num_if(struct kapi_json *j, const void *img,
			     const char *key, const struct kapi_image_num *n,
			     bool present)
{
	if (present)
		kapi_json_num(j, img, key, n);
	else
		kapi_json_null(j, key);
}

/* Sizes: a number if nonzero or symbolic, else null. */
static void kapi_json_size(struct kapi_json *j, const void *img,
			   const char *key, const struct kapi_image_num *n)
{
	kapi_json_num_if(j, img, key, n, n->value || n->expr);
}

static void kapi_json_enum(struct kapi_json *j, const char *key,
			   enum kapi_image_enum e, u32 v)
{
	kapi_json_str(j, key, kapi_image_enum_name(e, v) ?: "");
}

static void kapi_json_bits(struct kapi_json *j, const char *key,
			   enum kapi_image_bits b, u32 v)
{
	unsigned long bits = v;
	unsigned int bit;

	kapi_json_open(j, key, '[');
	for_each_set_bit(bit, &bits, 32)
		kapi_json_str(j, NULL, kapi_image_bit_name(b, bit) ?: "");
	kapi_json_close(j, ']');
}

/*
 * error reference: {"name": "EINVAL", "code": -22}, named as the spec's
 * own error list names the code, else by the kernel's errno name; null
 * for no error, or for a code that has no name anywhere.
 */
static void kapi_json_errno(struct kapi_json *j, const void *img,
			    const struct kapi_image_spec *s, const char *key,
			    s32 code)
{
	char buf[KAPI_DEBUGFS_ERRNO_LEN];
	const char *name;

	name = code ? kapi_debugfs_errno_name(img, s, code, buf) : NULL;
	if (!name) {
		kapi_json_null(j, key);
		return;
	}
	kapi_json_open(j, key, '{');
	kapi_json_str(j, "name", name);
	kapi_json_int(j, "code", code);
	kapi_json_close(j, '}');
}

static void kapi_json_param(struct kapi_json *j, const void *img,
			    const struct kapi_image_spec *s, u32 i)
{
	const struct kapi_image_param *p = kapi_image_param(img, s, i);
	bool range = p->constraint == KAPI_CONSTRAINT_RANGE ||
		     p->constraint == KAPI_CONSTRAINT_USER_STRING;
	u32 v;

	kapi_json_open(j, NULL, '{');
	kapi_json_int(j, "index", i);
	kapi_json_istr(j, img, "name", p->name);
	kapi_json_istr(j, img, "type_name", p->type_name);
	kapi_json_istr(j, img, "description", p->description);
	kapi_json_enum(j, "param_type", KAPI_ENUM_PARAM_TYPE, p->type);
	kapi_json_bits(j, "flags", KAPI_BITS_PARAM_FLAGS, p->flags);
	kapi_json_enum(j, "constraint_type", KAPI_ENUM_CONSTRAINT,
		       p->constraint);
	kapi_json_istr(j, img, "constraint", p->constraint_text);
	kapi_json_num_if(j, img, "min_value", &p->min, range);
	kapi_json_num_if(j, img, "max_value", &p->max, range);
	kapi_json_num_if(j, img, "valid_mask", &p->mask,
			 p->constraint == KAPI_CONSTRAINT_MASK);
	kapi_json_open(j, "enum_values", '[');
	if (p->constraint == KAPI_CONSTRAINT_ENUM)
		for (v = 0; v < p->values.count; v++)
			kapi_json_num(j, img, NULL,
				      kapi_image_param_value(img, p, v));
	kapi_json_close(j, ']');
	kapi_json_size(j, img, "size", &p->size);
	kapi_json_size(j, img, "size_multiplier", &p->size_mult);
	/* Like a size: a number if nonzero or symbolic, else null. */
	if (p->alignment.value || p->alignment.expr)
		kapi_json_num32(j, img, "alignment", &p->alignment);
	else
		kapi_json_null(j, "alignment");
	if (p->size_param < 0)
		kapi_json_null(j, "size_param_idx");
	else
		kapi_json_int(j, "size_param_idx", p->size_param);
	kapi_json_errno(j, img, s, "violation_error", p->violation_error);
	kapi_json_num_if(j, img, "fd_access", &p->mask,
			 p->constraint == KAPI_CONSTRAINT_FD);
	kapi_json_int(j, "order", p->order & KAPI_PARAM_ORDER_RANK);
	kapi_json_bool(j, "order_audit", p->order & KAPI_PARAM_ORDER_AUDIT);
	/* Format 2.1's struct reference; a 2.0 image's params have none. */
	if (kapi_image_param_struct_id(img, p))
		kapi_json_istr(j, img, "struct",
			       kapi_image_struct(img, p->struct_id - 1)->name);
	else
		kapi_json_null(j, "struct");
	if (!kapi_image_params_have_structs(img) || p->count_param < 0)
		kapi_json_null(j, "count_param_idx");
	else
		kapi_json_int(j, "count_param_idx", p->count_param);
	if (kapi_image_params_have_structs(img))
		kapi_json_size(j, img, "max_count", &p->max_count);
	else
		kapi_json_null(j, "max_count");
	kapi_json_close(j, '}');
}

/* A spec without errors: struct fields name their errors by errno alone. */
static const struct kapi_image_spec kapi_json_no_spec;

/* Struct @id - 1 of the image and its fields (Documentation/json.rst). */
static void kapi_json_struct(struct kapi_json *j, const void *img, u32 id)
{
	const struct kapi_image_struct *st = kapi_image_struct(img, id - 1);
	u32 i, v;

	kapi_json_open(j, NULL, '{');
	kapi_json_istr(j, img, "name", st->name);
	kapi_json_istr(j, img, "description", st->description);
	kapi_json_num(j, img, "size", &st->size);
	if (st->alignment.value || st->alignment.expr)
		kapi_json_num32(j, img, "alignment", &st->alignment);
	else
		kapi_json_null(j, "alignment");
	kapi_json_open(j, "fields", '[');
	for (i = 0; i < st->fields.count; i++) {
		const struct kapi_image_struct_field *f;
		bool range;

		f = kapi_image_struct_field(img, st, i);
		range = f->constraint == KAPI_CONSTRAINT_RANGE ||
			f->constraint == KAPI_CONSTRAINT_USER_STRING;
		kapi_json_open(j, NULL, '{');
		kapi_json_istr(j, img, "name", f->name);
		kapi_json_istr(j, img, "type_name", f->type_name);
		kapi_json_istr(j, img, "description", f->description);
		kapi_json_enum(j, "field_type", KAPI_ENUM_PARAM_TYPE, f->type);
		kapi_json_bits(j, "flags", KAPI_BITS_PARAM_FLAGS, f->flags);
		kapi_json_enum(j, "constraint_type", KAPI_ENUM_CONSTRAINT,
			       f->constraint);
		kapi_json_num(j, img, "offset", &f->offset);
		kapi_json_num(j, img, "size", &f->size);
		kapi_json_num_if(j, img, "min_value", &f->min, range);
		kapi_json_num_if(j, img, "max_value", &f->max, range);
		kapi_json_num_if(j, img, "valid_mask", &f->mask,
				 f->constraint == KAPI_CONSTRAINT_MASK);
		kapi_json_open(j, "enum_values", '[');
		if (f->constraint == KAPI_CONSTRAINT_ENUM)
			for (v = 0; v < f->values.count; v++)
				kapi_json_num(j, img, NULL,
					      kapi_image_slice_at(img, KAPI_TABLE_VALUES,
								  &f->values, v));
		kapi_json_close(j, ']');
		kapi_json_errno(j, img, &kapi_json_no_spec, "violation_error",
				f->violation_error);
		kapi_json_close(j, '}');
	}
	kapi_json_close(j, ']');
	kapi_json_close(j, '}');
}

/*
 * The structs the params of @s point to, each once, in the order of the
 * params that first name them.
 */
static void kapi_json_structs(struct kapi_json *j, const void *img,
			      const struct kapi_image_spec *s)
{
	u32 i, k, id;

	kapi_json_open(j, "structs", '[');
	for (i = 0; i < s->params.count; i++) {
		id = kapi_image_param_struct_id(img, kapi_image_param(img, s, i));
		if (!id)
			continue;
		for (k = 0; k < i; k++)
			if (kapi_image_param_struct_id(img, kapi_image_param(img, s, k)) == id)
				break;
		if (k == i)
			kapi_json_struct(j, img, id);
	}
	kapi_json_close(j, ']');
}

static void kapi_json_return(struct kapi_json *j, const void *img,
			     const struct kapi_image_return *r)
{
	bool exact = r->check == KAPI_RETURN_EXACT;
	bool range = r->check == KAPI_RETURN_RANGE;

	kapi_json_open(j, "return_spec", '{');
	kapi_json_istr(j, img, "type_name", r->type_name);
	kapi_json_enum(j, "return_type", KAPI_ENUM_PARAM_TYPE, r->type);
	kapi_json_enum(j, "check_type", KAPI_ENUM_RETURN_CHECK, r->check);
	kapi_json_istr(j, img, "description", r->description);
	kapi_json_num_if(j, img, "success_value", &r->success_min, exact);
	kapi_json_num_if(j, img, "success_min", &r->success_min, range);
	kapi_json_num_if(j, img, "success_max", &r->success_max, range);
	kapi_json_close(j, '}');
}

static void kapi_json_signal(struct kapi_json *j, const void *img,
			     const struct kapi_image_spec *s, u32 i)
{
	const struct kapi_image_signal *g = kapi_image_signal(img, s, i);

	kapi_json_open(j, NULL, '{');
	kapi_json_num32(j, img, "signal_num", &g->number);
	kapi_json_istr(j, img, "signal_name", g->name);
	kapi_json_bits(j, "direction", KAPI_BITS_SIGNAL_DIRECTION,
		       g->direction);
	kapi_json_enum(j, "action", KAPI_ENUM_SIGNAL_ACTION, g->action);
	kapi_json_enum(j, "timing", KAPI_ENUM_SIGNAL_TIMING, g->timing);
	kapi_json_bool(j, "restartable", g->flags & KAPI_SIGNAL_RESTARTABLE);
	kapi_json_bool(j, "interruptible",
		       g->flags & KAPI_SIGNAL_INTERRUPTIBLE);
	kapi_json_errno(j, img, s, "error_on_signal", g->error);
	kapi_json_istr(j, img, "target", g->target);
	kapi_json_istr(j, img, "condition", g->condition);
	kapi_json_istr(j, img, "description", g->description);
	kapi_json_int(j, "priority", g->priority);
	kapi_json_int(j, "sa_flags_required", g->sa_flags_required);
	kapi_json_int(j, "sa_flags_forbidden", g->sa_flags_forbidden);
	kapi_json_int(j, "transform_to", g->transform_to);
	kapi_json_bits(j, "state_required", KAPI_BITS_SIGNAL_STATE,
		       g->state_required);
	kapi_json_bits(j, "state_forbidden", KAPI_BITS_SIGNAL_STATE,
		       g->state_forbidden);
	kapi_json_istr(j, img, "queue", g->queue);
	kapi_json_close(j, '}');
}

/* An error's selectors: ["sock:tcp", "*:proc"], [] for every object. */
static void kapi_json_objects(struct kapi_json *j, const void *img,
			      const struct kapi_image_error *e)
{
	char buf[KAPI_IMAGE_OBJECT_NAME_LEN];
	u32 i;

	kapi_json_open(j, "objects", '[');
	for (i = 0; i < e->objects.count; i++) {
		const struct kapi_image_object *o;

		o = kapi_image_error_object(img, e, i);
		kapi_json_str(j, NULL, kapi_image_object_name(buf, sizeof(buf),
							      o->type, o->impl));
	}
	kapi_json_close(j, ']');
}

static void kapi_json_lists(struct kapi_json *j, const void *img,
			    const struct kapi_image_spec *s)
{
	u32 i;

	kapi_json_open(j, "errors", '[');
	for (i = 0; i < s->errors.count; i++) {
		const struct kapi_image_error *e = kapi_image_error(img, s, i);

		kapi_json_open(j, NULL, '{');
		kapi_json_istr(j, img, "name", e->name);
		kapi_json_int(j, "error_code", e->code);
		kapi_json_istr(j, img, "condition", e->condition);
		kapi_json_istr(j, img, "description", e->description);
		kapi_json_objects(j, img, e);
		kapi_json_close(j, '}');
	}
	kapi_json_close(j, ']');

	kapi_json_open(j, "locks", '[');
	for (i = 0; i < s->locks.count; i++) {
		const struct kapi_image_lock *l = kapi_image_lock(img, s, i);

		kapi_json_open(j, NULL, '{');
		kapi_json_istr(j, img, "lock_name", l->name);
		kapi_json_enum(j, "lock_type", KAPI_ENUM_LOCK_TYPE, l->type);
		kapi_json_enum(j, "scope", KAPI_ENUM_LOCK_SCOPE, l->scope);
		kapi_json_istr(j, img, "description", l->description);
		kapi_json_close(j, '}');
	}
	kapi_json_close(j, ']');

	kapi_json_open(j, "signals", '[');
	for (i = 0; i < s->signals.count; i++)
		kapi_json_signal(j, img, s, i);
	kapi_json_close(j, ']');

	kapi_json_open(j, "side_effects", '[');
	for (i = 0; i < s->effects.count; i++) {
		const struct kapi_image_effect *e = kapi_image_effect(img, s, i);

		kapi_json_open(j, NULL, '{');
		kapi_json_bits(j, "effect_type", KAPI_BITS_EFFECT, e->type);
		kapi_json_istr(j, img, "target", e->target);
		kapi_json_istr(j, img, "condition", e->condition);
		kapi_json_istr(j, img, "description", e->description);
		kapi_json_bool(j, "reversible",
			       e->flags & KAPI_EFFECT_REVERSIBLE);
		kapi_json_close(j, '}');
	}
	kapi_json_close(j, ']');

	kapi_json_open(j, "state_transitions", '[');
	for (i = 0; i < s->transitions.count; i++) {
		const struct kapi_image_transition *t;

		t = kapi_image_transition(img, s, i);
		kapi_json_open(j, NULL, '{');
		kapi_json_istr(j, img, "object", t->object);
		kapi_json_istr(j, img, "from_state", t->from);
		kapi_json_istr(j, img, "to_state", t->to);
		kapi_json_istr(j, img, "condition", t->condition);
		kapi_json_istr(j, img, "description", t->description);
		kapi_json_close(j, '}');
	}
	kapi_json_close(j, ']');

	kapi_json_open(j, "capabilities", '[');
	for (i = 0; i < s->caps.count; i++) {
		const struct kapi_image_cap *c = kapi_image_cap(img, s, i);

		kapi_json_open(j, NULL, '{');
		kapi_json_num32(j, img, "capability", &c->cap);
		kapi_json_istr(j, img, "name", c->name);
		kapi_json_enum(j, "action", KAPI_ENUM_CAP_ACTION, c->action);
		kapi_json_istr(j, img, "allows", c->allows);
		kapi_json_istr(j, img, "without_cap", c->without);
		kapi_json_istr(j, img, "check_condition", c->condition);
		kapi_json_int(j, "priority", c->priority);
		kapi_json_close(j, '}');
	}
	kapi_json_close(j, ']');

	kapi_json_open(j, "constraints", '[');
	for (i = 0; i < s->constraints.count; i++) {
		const struct kapi_image_constraint *k;

		k = kapi_image_constraint(img, s, i);
		kapi_json_open(j, NULL, '{');
		kapi_json_istr(j, img, "name", k->name);
		kapi_json_istr(j, img, "description", k->description);
		kapi_json_istr(j, img, "expression", k->expr);
		kapi_json_close(j, '}');
	}
	kapi_json_close(j, ']');
}

/**
 * kapi_debugfs_spec_json_show() - print a specs-json/<name> file
 * @m: the file; @m->private is the spec (struct kapi_registry_spec)
 * @unused: unused
 *
 * Return: 0.
 */
int kapi_debugfs_spec_json_show(struct seq_file *m, void *unused)
{
	const struct kapi_registry_spec *rs = m->private;
	const struct kapi_image_spec *s = rs->spec;
	const void *img = rs->image->data;
	struct kapi_json j = { .m = m };
	u32 i;

	kapi_json_open(&j, NULL, '{');
	kapi_json_open(&j, "api_details", '{');
	kapi_json_str(&j, "name", rs->name);
	kapi_json_enum(&j, "api_type", KAPI_ENUM_KIND, s->kind);
	kapi_json_istr(&j, img, "description", s->summary);
	kapi_json_istr(&j, img, "long_description", s->description);
	kapi_json_bits(&j, "context_flags", KAPI_BITS_CONTEXT, s->context);
	kapi_json_bool(&j, "deprecated", s->flags & KAPI_SPEC_DEPRECATED);
	kapi_json_istr(&j, img, "since", s->since);
	kapi_json_istr(&j, img, "replacement", s->replacement);
	kapi_json_istr(&j, img, "examples", s->examples);
	kapi_json_istr(&j, img, "notes", s->notes);
	kapi_json_open(&j, "source", '{');
	kapi_json_istr(&j, img, "file", s->source_file);
	kapi_json_int(&j, "line", s->source_line);
	kapi_json_close(&j, '}');
	/* An ioctl command is an unsigned int: its value is never negative. */
	if (s->kind == KAPI_KIND_IOCTL)
		kapi_json_numv(&j, img, "ioctl_cmd", kapi_image_ioctl_cmd(s),
			       s->ioctl_cmd.expr);
	else
		kapi_json_null(&j, "ioctl_cmd");
	kapi_json_open(&j, "parameters", '[');
	for (i = 0; i < s->params.count; i++)
		kapi_json_param(&j, img, s, i);
	kapi_json_close(&j, ']');
	kapi_json_return(&j, img, &s->ret);
	kapi_json_lists(&j, img, s);
	kapi_json_structs(&j, img, s);
	kapi_json_close(&j, '}');
	kapi_json_close(&j, '}');
	seq_putc(m, '\n');
	return 0;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_debugfs_spec_json_show);

static int kapi_debugfs_spec_json_open(struct inode *inode, struct file *file)
{
	return kapi_debugfs_spec_open(file, kapi_debugfs_spec_json_show);
}

static const struct file_operations kapi_debugfs_spec_json_fops = {
	.owner = THIS_MODULE,
	.open = kapi_debugfs_spec_json_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = kapi_debugfs_spec_release,
};

/* --- following the registry -------------------------------------------- */

static void kapi_debugfs_create(const char *name, struct dentry *dir,
				const struct file_operations *fops)
{
	struct dentry *d = debugfs_create_file(name, 0400, dir, NULL, fops);

	if (IS_ERR(d))
		pr_warn("cannot create debugfs file %s: %pe\n", name, d);
}

/* LOCKING: called with the registry lock held (see registry.h). */
static void kapi_debugfs_added(const struct kapi_registry_image *img)
{
	u32 i;

	for (i = 0; i < img->nspecs; i++) {
		kapi_debugfs_create(img->specs[i].name, kapi_debugfs_specs,
				    &kapi_debugfs_spec_text_fops);
		kapi_debugfs_create(img->specs[i].name, kapi_debugfs_json,
				    &kapi_debugfs_spec_json_fops);
	}
}

/*
 * LOCKING: called with the registry lock held. Removing a debugfs file
 * waits for the file operations running in it, which take no registry lock.
 */
static void kapi_debugfs_removed(const struct kapi_registry_image *img)
{
	u32 i;

	for (i = 0; i < img->nspecs; i++) {
		debugfs_lookup_and_remove(img->specs[i].name,
					  kapi_debugfs_specs);
		debugfs_lookup_and_remove(img->specs[i].name,
					  kapi_debugfs_json);
	}
}

static struct kapi_registry_listener kapi_debugfs_listener = {
	.added = kapi_debugfs_added,
	.removed = kapi_debugfs_removed,
};

/**
 * kapi_debugfs_init() - create /sys/kernel/debug/kapi/ and its files
 *
 * A kernel without debugfs (or booted with debugfs=off) is not an error:
 * kapi keeps working and only this view is missing. The per-spec files are
 * created for the images registered so far and then follow the registry.
 *
 * Return: 0 on success or when debugfs is unavailable, a negative errno if
 * the directory cannot be created (for example because it already exists).
 */
int kapi_debugfs_init(void)
{
	struct dentry *root;

	root = kapi_fail("debugfs_dir") ? ERR_PTR(-EEXIST) :
	       debugfs_create_dir(KAPI_DEBUGFS_DIR, NULL);
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
	debugfs_create_file("version", 0400, root, NULL,
			    &kapi_debugfs_version_fops);
	debugfs_create_file("list", 0400, root, NULL, &kapi_debugfs_list_fops);
	debugfs_create_file("image", 0400, root, NULL,
			    &kapi_debugfs_image_fops);
	kapi_debugfs_specs = debugfs_create_dir("specs", root);
	kapi_debugfs_json = debugfs_create_dir("specs-json", root);
	kapi_debugfs_dir = root;
	kapi_registry_listen(&kapi_debugfs_listener);
	return 0;
}

/**
 * kapi_debugfs_root() - kapi's debugfs directory, for the other debugfs files
 *
 * Context: between kapi_debugfs_init() and kapi_debugfs_exit().
 * Return: the dentry of /sys/kernel/debug/kapi/, or NULL if debugfs is not
 * available.
 */
struct dentry *kapi_debugfs_root(void)
{
	return kapi_debugfs_dir;
}

/**
 * kapi_debugfs_exit() - remove everything kapi_debugfs_init() created
 *
 * debugfs waits for readers still inside a file operation, and an open
 * file holds a reference on the module, so no file outlives the module.
 */
void kapi_debugfs_exit(void)
{
	if (!kapi_debugfs_dir)
		return;
	kapi_registry_unlisten(&kapi_debugfs_listener);
	debugfs_remove_recursive(kapi_debugfs_dir);
	kapi_debugfs_dir = NULL;
	kapi_debugfs_specs = NULL;
	kapi_debugfs_json = NULL;
}

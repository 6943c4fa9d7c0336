// SPDX-License-Identifier: GPL-2.0
/*
 * One spec of a validated image as a spec image of its own: its spec
 * record, the records its slices name and every string they use, laid out
 * as a new, complete image of this module's format version (the canonical
 * layout of Documentation/image-format.rst, without string sharing). The
 * generic netlink view sends a spec this way, so that a reader decodes and
 * checks it with the same code as any other image, and a message holds one
 * spec rather than the whole image it came from. Part of the image layer:
 * no I/O, no locks, no allocation; the caller provides the buffer.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/string.h>

#include "image.h"
#include "kapi.h"

/*
 * struct kapi_extract - the state of one extraction
 * @src: the validated source image
 * @out: the new image, or NULL while measuring
 * @off: offset of each table in the new image
 * @count: records written (or counted) so far in each table; for the
 *	   string table, its bytes
 * @too_big: the new image would exceed %KAPI_IMAGE_MAX_SIZE
 */
struct kapi_extract {
	const void *src;
	u8 *out;
	size_t off[KAPI_TABLE_COUNT];
	size_t count[KAPI_TABLE_COUNT];
	bool too_big;
};

static const size_t kapi_extract_recsize[KAPI_TABLE_COUNT] = {
	[KAPI_TABLE_SPECS] = sizeof(struct kapi_image_spec),
	[KAPI_TABLE_PARAMS] = sizeof(struct kapi_image_param),
	[KAPI_TABLE_ERRORS] = sizeof(struct kapi_image_error),
	[KAPI_TABLE_LOCKS] = sizeof(struct kapi_image_lock),
	[KAPI_TABLE_SIGNALS] = sizeof(struct kapi_image_signal),
	[KAPI_TABLE_EFFECTS] = sizeof(struct kapi_image_effect),
	[KAPI_TABLE_TRANSITIONS] = sizeof(struct kapi_image_transition),
	[KAPI_TABLE_CAPS] = sizeof(struct kapi_image_cap),
	[KAPI_TABLE_CONSTRAINTS] = sizeof(struct kapi_image_constraint),
	[KAPI_TABLE_VALUES] = sizeof(struct kapi_image_num),
	[KAPI_TABLE_STRINGS] = 1,
};

/*
 * Copy the string at @offset of the source; return its offset in the new
 * image. Offset 0, the empty string, stays 0.
 */
static u32 kapi_x_str(struct kapi_extract *x, u32 offset)
{
	const char *s;
	size_t len, at;

	if (!offset)
		return 0;
	s = kapi_image_str(x->src, offset);
	len = strlen(s) + 1;
	at = x->count[KAPI_TABLE_STRINGS];
	if (check_add_overflow(at, len, &x->count[KAPI_TABLE_STRINGS]) ||
	    x->count[KAPI_TABLE_STRINGS] > KAPI_IMAGE_MAX_SIZE) {
		x->too_big = true;
		return 0;
	}
	if (x->out)
		memcpy(x->out + x->off[KAPI_TABLE_STRINGS] + at, s, len);
	return at;
}

/*
 * The next record of table @id in the new image, or NULL while measuring
 * (or once too big); its index goes to @index.
 */
static void *kapi_x_rec(struct kapi_extract *x, enum kapi_image_table_id id,
			u32 *index)
{
	size_t i = x->count[id]++;

	*index = i;
	if (i >= KAPI_IMAGE_MAX_SIZE / kapi_extract_recsize[id]) {
		x->too_big = true;
		return NULL;
	}
	if (!x->out || x->too_big)
		return NULL;
	return x->out + x->off[id] + i * kapi_extract_recsize[id];
}

static void kapi_x_num(struct kapi_extract *x, struct kapi_image_num *n)
{
	n->expr = kapi_x_str(x, n->expr);
	n->reserved = 0;
}

static void kapi_x_num32(struct kapi_extract *x, struct kapi_image_num32 *n)
{
	n->expr = kapi_x_str(x, n->expr);
}

static void kapi_x_param(struct kapi_extract *x,
			 const struct kapi_image_param *src)
{
	struct kapi_image_param p = *src, *dst;
	u32 i, index, first = 0;

	dst = kapi_x_rec(x, KAPI_TABLE_PARAMS, &index);
	p.name = kapi_x_str(x, p.name);
	p.type_name = kapi_x_str(x, p.type_name);
	p.description = kapi_x_str(x, p.description);
	p.constraint_text = kapi_x_str(x, p.constraint_text);
	kapi_x_num(x, &p.size);
	kapi_x_num(x, &p.size_mult);
	kapi_x_num32(x, &p.alignment);
	kapi_x_num(x, &p.min);
	kapi_x_num(x, &p.max);
	kapi_x_num(x, &p.mask);
	for (i = 0; i < src->values.count; i++) {
		struct kapi_image_num v, *vdst;
		u32 vi;

		v = *kapi_image_param_value(x->src, src, i);
		vdst = kapi_x_rec(x, KAPI_TABLE_VALUES, &vi);
		if (!i)
			first = vi;
		kapi_x_num(x, &v);
		if (vdst)
			*vdst = v;
	}
	p.values.first = p.values.count ? first : 0;
	p.reserved = 0;
	if (dst)
		*dst = p;
}

static void kapi_x_error(struct kapi_extract *x,
			 const struct kapi_image_error *src)
{
	struct kapi_image_error e = *src, *dst;
	u32 index;

	dst = kapi_x_rec(x, KAPI_TABLE_ERRORS, &index);
	e.name = kapi_x_str(x, e.name);
	e.condition = kapi_x_str(x, e.condition);
	e.description = kapi_x_str(x, e.description);
	if (dst)
		*dst = e;
}

static void kapi_x_lock(struct kapi_extract *x,
			const struct kapi_image_lock *src)
{
	struct kapi_image_lock l = *src, *dst;
	u32 index;

	dst = kapi_x_rec(x, KAPI_TABLE_LOCKS, &index);
	l.name = kapi_x_str(x, l.name);
	l.description = kapi_x_str(x, l.description);
	if (dst)
		*dst = l;
}

static void kapi_x_signal(struct kapi_extract *x,
			  const struct kapi_image_signal *src)
{
	struct kapi_image_signal s = *src, *dst;
	u32 index;

	dst = kapi_x_rec(x, KAPI_TABLE_SIGNALS, &index);
	kapi_x_num32(x, &s.number);
	s.name = kapi_x_str(x, s.name);
	s.target = kapi_x_str(x, s.target);
	s.condition = kapi_x_str(x, s.condition);
	s.description = kapi_x_str(x, s.description);
	s.queue = kapi_x_str(x, s.queue);
	if (dst)
		*dst = s;
}

static void kapi_x_effect(struct kapi_extract *x,
			  const struct kapi_image_effect *src)
{
	struct kapi_image_effect e = *src, *dst;
	u32 index;

	dst = kapi_x_rec(x, KAPI_TABLE_EFFECTS, &index);
	e.target = kapi_x_str(x, e.target);
	e.condition = kapi_x_str(x, e.condition);
	e.description = kapi_x_str(x, e.description);
	e.reserved = 0;
	if (dst)
		*dst = e;
}

static void kapi_x_transition(struct kapi_extract *x,
			      const struct kapi_image_transition *src)
{
	struct kapi_image_transition t = *src, *dst;
	u32 index;

	dst = kapi_x_rec(x, KAPI_TABLE_TRANSITIONS, &index);
	t.object = kapi_x_str(x, t.object);
	t.from = kapi_x_str(x, t.from);
	t.to = kapi_x_str(x, t.to);
	t.condition = kapi_x_str(x, t.condition);
	t.description = kapi_x_str(x, t.description);
	t.reserved = 0;
	if (dst)
		*dst = t;
}

static void kapi_x_cap(struct kapi_extract *x, const struct kapi_image_cap *src)
{
	struct kapi_image_cap c = *src, *dst;
	u32 index;

	dst = kapi_x_rec(x, KAPI_TABLE_CAPS, &index);
	kapi_x_num32(x, &c.cap);
	c.name = kapi_x_str(x, c.name);
	c.allows = kapi_x_str(x, c.allows);
	c.without = kapi_x_str(x, c.without);
	c.condition = kapi_x_str(x, c.condition);
	if (dst)
		*dst = c;
}

static void kapi_x_constraint(struct kapi_extract *x,
			      const struct kapi_image_constraint *src)
{
	struct kapi_image_constraint c = *src, *dst;
	u32 index;

	dst = kapi_x_rec(x, KAPI_TABLE_CONSTRAINTS, &index);
	c.name = kapi_x_str(x, c.name);
	c.description = kapi_x_str(x, c.description);
	c.expr = kapi_x_str(x, c.expr);
	c.reserved = 0;
	if (dst)
		*dst = c;
}

/* A slice of @count records, starting at the next record of table @id. */
static struct kapi_image_slice kapi_x_slice(struct kapi_extract *x,
					    enum kapi_image_table_id id,
					    u32 count)
{
	struct kapi_image_slice s = { 0, 0 };

	if (count) {
		s.first = x->count[id];
		s.count = count;
	}
	return s;
}

/* Copy @src and everything it refers to, in the canonical record order. */
static void kapi_x_spec(struct kapi_extract *x,
			const struct kapi_image_spec *src)
{
	struct kapi_image_spec s = *src, *dst;
	const void *img = x->src;
	u32 i, index;

	dst = kapi_x_rec(x, KAPI_TABLE_SPECS, &index);
	s.name = kapi_x_str(x, s.name);
	s.summary = kapi_x_str(x, s.summary);
	s.description = kapi_x_str(x, s.description);
	s.since = kapi_x_str(x, s.since);
	s.replacement = kapi_x_str(x, s.replacement);
	s.examples = kapi_x_str(x, s.examples);
	s.notes = kapi_x_str(x, s.notes);
	s.source_file = kapi_x_str(x, s.source_file);
	kapi_x_num32(x, &s.ioctl_cmd);

	s.params = kapi_x_slice(x, KAPI_TABLE_PARAMS, src->params.count);
	for (i = 0; i < src->params.count; i++)
		kapi_x_param(x, kapi_image_param(img, src, i));
	s.errors = kapi_x_slice(x, KAPI_TABLE_ERRORS, src->errors.count);
	for (i = 0; i < src->errors.count; i++)
		kapi_x_error(x, kapi_image_error(img, src, i));
	s.locks = kapi_x_slice(x, KAPI_TABLE_LOCKS, src->locks.count);
	for (i = 0; i < src->locks.count; i++)
		kapi_x_lock(x, kapi_image_lock(img, src, i));
	s.signals = kapi_x_slice(x, KAPI_TABLE_SIGNALS, src->signals.count);
	for (i = 0; i < src->signals.count; i++)
		kapi_x_signal(x, kapi_image_signal(img, src, i));
	s.effects = kapi_x_slice(x, KAPI_TABLE_EFFECTS, src->effects.count);
	for (i = 0; i < src->effects.count; i++)
		kapi_x_effect(x, kapi_image_effect(img, src, i));
	s.transitions = kapi_x_slice(x, KAPI_TABLE_TRANSITIONS,
				     src->transitions.count);
	for (i = 0; i < src->transitions.count; i++)
		kapi_x_transition(x, kapi_image_transition(img, src, i));
	s.caps = kapi_x_slice(x, KAPI_TABLE_CAPS, src->caps.count);
	for (i = 0; i < src->caps.count; i++)
		kapi_x_cap(x, kapi_image_cap(img, src, i));
	s.constraints = kapi_x_slice(x, KAPI_TABLE_CONSTRAINTS,
				     src->constraints.count);
	for (i = 0; i < src->constraints.count; i++)
		kapi_x_constraint(x, kapi_image_constraint(img, src, i));

	s.ret.type_name = kapi_x_str(x, s.ret.type_name);
	s.ret.description = kapi_x_str(x, s.ret.description);
	kapi_x_num(x, &s.ret.success_min);
	kapi_x_num(x, &s.ret.success_max);
	if (dst)
		*dst = s;
}

/* Start a pass: no records, the string table holds "" only. */
static void kapi_x_start(struct kapi_extract *x)
{
	memset(x->count, 0, sizeof(x->count));
	x->count[KAPI_TABLE_STRINGS] = 1;
	x->too_big = false;
}

/**
 * kapi_image_extract() - one spec of an image, as an image of its own
 * @image: an image that kapi_image_validate() accepted
 * @spec: one of its specs
 * @buf: where the new image goes, or NULL to learn its size only
 * @size: bytes at @buf
 *
 * The new image holds @spec alone: its records, the records of its lists
 * and the strings they use, in the canonical layout (tables in id order,
 * strings last, each string stored once per use). It is an image of this
 * module's format version; fields that a newer minor version of the
 * source image added are not carried, and reserved fields are 0. It
 * passes kapi_image_validate().
 *
 * Return: the size of the new image in bytes (a multiple of
 * %KAPI_IMAGE_ALIGN); -ENOSPC if @buf is not NULL and @size is smaller
 * (nothing is written then); -E2BIG if it would exceed %KAPI_IMAGE_MAX_SIZE.
 */
ssize_t kapi_image_extract(const void *image,
			   const struct kapi_image_spec *spec, void *buf,
			   size_t size)
{
	struct kapi_image_header *h;
	struct kapi_extract x = { .src = image };
	size_t off, total;
	unsigned int t;

	/* Measure: count the records and the string bytes. */
	kapi_x_start(&x);
	kapi_x_spec(&x, spec);
	if (x.too_big)
		return -E2BIG;

	off = sizeof(struct kapi_image_header);
	for (t = 0; t < KAPI_TABLE_COUNT; t++) {
		x.off[t] = off;
		off += x.count[t] * kapi_extract_recsize[t];
		if (off > KAPI_IMAGE_MAX_SIZE)
			return -E2BIG;
	}
	total = round_up(off, KAPI_IMAGE_ALIGN);
	if (total > KAPI_IMAGE_MAX_SIZE)
		return -E2BIG;
	if (!buf)
		return total;
	if (size < total)
		return -ENOSPC;

	/* Write: the same walk, now with somewhere to put things. */
	memset(buf, 0, total);
	h = buf;
	h->magic = KAPI_IMAGE_MAGIC;
	h->version_major = KAPI_IMAGE_VERSION_MAJOR;
	h->version_minor = KAPI_IMAGE_VERSION_MINOR;
	h->size = total;
	h->header_size = sizeof(*h);
	h->table_count = KAPI_TABLE_COUNT;
	for (t = 0; t < KAPI_TABLE_COUNT; t++) {
		h->tables[t].offset = x.off[t];
		h->tables[t].count = x.count[t];
		h->tables[t].entsize = kapi_extract_recsize[t];
	}
	x.out = buf;
	kapi_x_start(&x);
	kapi_x_spec(&x, spec);
	return total;
}

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
	if (i >= KAPI_IMAGE_MAX_SIZE / kapi_image_tables[id].size) {
		x->too_big = true;
		return NULL;
	}
	if (!x->out || x->too_big)
		return NULL;
	return x->out + x->off[id] + i * kapi_image_tables[id].size;
}

static void kapi_x_num(struct kapi_extract *x, struct kapi_image_num *n)
{
	n->expr = kapi_x_str(x, n->expr);
	n->reserved = 0;
}

/*
 * Copy the strings of a record (a copy of the source's) and clear its
 * reserved fields; which fields those are, include/kapi/image_records.h
 * says. Slices are left to the caller.
 */
static void kapi_x_fields(struct kapi_extract *x,
			  const struct kapi_image_fields *fields, void *rec)
{
	unsigned int i;

	for (i = 0; i < fields->count; i++) {
		const struct kapi_image_field *f = &fields->fields[i];
		void *p = (u8 *)rec + f->offset;

		switch (f->kind) {
		case KAPI_FIELD_STR:
		case KAPI_FIELD_SPEC_NAME:
		case KAPI_FIELD_PARAM_NAME:
		case KAPI_FIELD_ERROR_NAME:
			*(u32 *)p = kapi_x_str(x, *(u32 *)p);
			break;
		case KAPI_FIELD_RESERVED:
			*(u32 *)p = 0;
			break;
		case KAPI_FIELD_NUM:
			kapi_x_num(x, p);
			break;
		case KAPI_FIELD_NUM32:
			((struct kapi_image_num32 *)p)->expr =
				kapi_x_str(x, ((struct kapi_image_num32 *)p)->expr);
			break;
		case KAPI_FIELD_RET:
			kapi_x_fields(x, &kapi_image_ret_fields, p);
			break;
		default:
			break;
		}
	}
}

/*
 * Copy record @src of table @id, which has no slices, and its strings
 * (locks, signals, effects, transitions, caps, constraints).
 */
static void kapi_x_record(struct kapi_extract *x, enum kapi_image_table_id id,
			  const void *src)
{
	u8 rec[sizeof(struct kapi_image_signal)];
	void *dst;
	u32 index;

	BUILD_BUG_ON(sizeof(rec) < sizeof(struct kapi_image_lock) ||
		     sizeof(rec) < sizeof(struct kapi_image_effect) ||
		     sizeof(rec) < sizeof(struct kapi_image_transition) ||
		     sizeof(rec) < sizeof(struct kapi_image_cap) ||
		     sizeof(rec) < sizeof(struct kapi_image_constraint));
	if (WARN_ON_ONCE(kapi_image_tables[id].size > sizeof(rec)))
		return;
	dst = kapi_x_rec(x, id, &index);
	memcpy(rec, src, kapi_image_tables[id].size);
	kapi_x_fields(x, &kapi_image_record_fields[id], rec);
	if (dst)
		memcpy(dst, rec, kapi_image_tables[id].size);
}

/* A copy of @src with its values, like a param's. */
static void kapi_x_values(struct kapi_extract *x,
			  const struct kapi_image_slice *src,
			  struct kapi_image_slice *dst)
{
	u32 i, first = 0;

	for (i = 0; i < src->count; i++) {
		struct kapi_image_num v, *vdst;
		u32 vi;

		v = *(const struct kapi_image_num *)
			kapi_image_slice_at(x->src, KAPI_TABLE_VALUES, src, i);
		vdst = kapi_x_rec(x, KAPI_TABLE_VALUES, &vi);
		if (!i)
			first = vi;
		kapi_x_num(x, &v);
		if (vdst)
			*vdst = v;
	}
	dst->first = src->count ? first : 0;
	dst->count = src->count;
}

/*
 * Struct @id - 1 of the source and its fields; returns 1 + its index in
 * the new image.
 */
static u32 kapi_x_struct(struct kapi_extract *x, u32 id)
{
	const struct kapi_image_struct *src = kapi_image_struct(x->src, id - 1);
	struct kapi_image_struct st = *src, *dst;
	u32 i, index, first = 0;

	dst = kapi_x_rec(x, KAPI_TABLE_STRUCTS, &index);
	kapi_x_fields(x, &kapi_image_record_fields[KAPI_TABLE_STRUCTS], &st);
	for (i = 0; i < src->fields.count; i++) {
		const struct kapi_image_struct_field *fsrc;
		struct kapi_image_struct_field f, *fdst;
		u32 fi;

		fsrc = kapi_image_struct_field(x->src, src, i);
		f = *fsrc;
		fdst = kapi_x_rec(x, KAPI_TABLE_FIELDS, &fi);
		if (!i)
			first = fi;
		kapi_x_fields(x, &kapi_image_record_fields[KAPI_TABLE_FIELDS], &f);
		kapi_x_values(x, &fsrc->values, &f.values);
		if (fdst)
			*fdst = f;
	}
	st.fields.first = st.fields.count ? first : 0;
	if (dst)
		*dst = st;
	return index + 1;
}

/*
 * The new struct id of param @j of @spec: the struct is copied once, for
 * the first param of the spec that names it; a later one takes the id the
 * first one got (in the new image's param records, written by then).
 * Quadratic in the params of one spec, like the validator's name check.
 */
static u32 kapi_x_param_struct(struct kapi_extract *x,
			       const struct kapi_image_spec *spec, u32 j,
			       u32 params_first)
{
	u32 id = kapi_image_param_struct_id(x->src, kapi_image_param(x->src, spec, j));
	const struct kapi_image_param *q;
	u32 i;

	if (!id)
		return 0;
	for (i = 0; i < j; i++) {
		q = kapi_image_param(x->src, spec, i);
		if (kapi_image_param_struct_id(x->src, q) != id)
			continue;
		if (!x->out || x->too_big)
			return 0;
		q = (const struct kapi_image_param *)(x->out + x->off[KAPI_TABLE_PARAMS]) +
		    params_first + i;
		return q->struct_id;
	}
	return kapi_x_struct(x, id);
}

static void kapi_x_param(struct kapi_extract *x,
			 const struct kapi_image_spec *spec, u32 j,
			 u32 params_first)
{
	const struct kapi_image_param *src = kapi_image_param(x->src, spec, j);
	struct kapi_image_param p, *dst;
	u32 i, index, first = 0;

	/* A 2.0 record ends before struct_id: no struct, no count. */
	if (kapi_image_params_have_structs(x->src)) {
		p = *src;
	} else {
		memcpy(&p, src, KAPI_IMAGE_PARAM_SIZE_2_0);
		p.struct_id = 0;
		p.count_param = -1;
		memset(&p.max_count, 0, sizeof(p.max_count));
	}
	dst = kapi_x_rec(x, KAPI_TABLE_PARAMS, &index);
	kapi_x_fields(x, &kapi_image_record_fields[KAPI_TABLE_PARAMS], &p);
	p.struct_id = kapi_x_param_struct(x, spec, j, params_first);
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
	if (dst)
		*dst = p;
}

/* An error and its object selectors, whose reserved fields become 0. */
static void kapi_x_error(struct kapi_extract *x,
			 const struct kapi_image_error *src)
{
	struct kapi_image_error e = *src, *dst;
	u32 i, index, first = 0;

	dst = kapi_x_rec(x, KAPI_TABLE_ERRORS, &index);
	kapi_x_fields(x, &kapi_image_record_fields[KAPI_TABLE_ERRORS], &e);
	for (i = 0; i < src->objects.count; i++) {
		struct kapi_image_object o, *odst;
		u32 oi;

		o = *kapi_image_error_object(x->src, src, i);
		odst = kapi_x_rec(x, KAPI_TABLE_OBJECTS, &oi);
		if (!i)
			first = oi;
		o.reserved = 0;
		if (odst)
			*odst = o;
	}
	e.objects.first = e.objects.count ? first : 0;
	if (dst)
		*dst = e;
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
	u32 i, index, params_first;

	dst = kapi_x_rec(x, KAPI_TABLE_SPECS, &index);
	kapi_x_fields(x, &kapi_image_record_fields[KAPI_TABLE_SPECS], &s);

	s.params = kapi_x_slice(x, KAPI_TABLE_PARAMS, src->params.count);
	params_first = x->count[KAPI_TABLE_PARAMS];
	for (i = 0; i < src->params.count; i++)
		kapi_x_param(x, src, i, params_first);
	s.errors = kapi_x_slice(x, KAPI_TABLE_ERRORS, src->errors.count);
	for (i = 0; i < src->errors.count; i++)
		kapi_x_error(x, kapi_image_error(img, src, i));
	s.locks = kapi_x_slice(x, KAPI_TABLE_LOCKS, src->locks.count);
	for (i = 0; i < src->locks.count; i++)
		kapi_x_record(x, KAPI_TABLE_LOCKS,
			      kapi_image_lock(img, src, i));
	s.signals = kapi_x_slice(x, KAPI_TABLE_SIGNALS, src->signals.count);
	for (i = 0; i < src->signals.count; i++)
		kapi_x_record(x, KAPI_TABLE_SIGNALS,
			      kapi_image_signal(img, src, i));
	s.effects = kapi_x_slice(x, KAPI_TABLE_EFFECTS, src->effects.count);
	for (i = 0; i < src->effects.count; i++)
		kapi_x_record(x, KAPI_TABLE_EFFECTS,
			      kapi_image_effect(img, src, i));
	s.transitions = kapi_x_slice(x, KAPI_TABLE_TRANSITIONS,
				     src->transitions.count);
	for (i = 0; i < src->transitions.count; i++)
		kapi_x_record(x, KAPI_TABLE_TRANSITIONS,
			      kapi_image_transition(img, src, i));
	s.caps = kapi_x_slice(x, KAPI_TABLE_CAPS, src->caps.count);
	for (i = 0; i < src->caps.count; i++)
		kapi_x_record(x, KAPI_TABLE_CAPS,
			      kapi_image_cap(img, src, i));
	s.constraints = kapi_x_slice(x, KAPI_TABLE_CONSTRAINTS,
				     src->constraints.count);
	for (i = 0; i < src->constraints.count; i++)
		kapi_x_record(x, KAPI_TABLE_CONSTRAINTS,
			      kapi_image_constraint(img, src, i));

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
 * The new image holds @spec alone: its records, the records of its lists,
 * the structs its params point to (each once) and the strings they use,
 * in the canonical layout (tables in id order,
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
		/* The string table is bytes: a table after it is aligned. */
		off = round_up(off, KAPI_IMAGE_ALIGN);
		x.off[t] = off;
		off += x.count[t] * kapi_image_tables[t].size;
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
		h->tables[t].entsize = kapi_image_tables[t].size;
	}
	x.out = buf;
	kapi_x_start(&x);
	kapi_x_spec(&x, spec);
	return total;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_image_extract);

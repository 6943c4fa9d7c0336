// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kapi_image": validation of spec images
 * (kapi_image_validate() in module/image.c) and the names of the model's
 * enumerations. The valid image is the one kapi-gen built from
 * kapi_kunit_specs.c; every malformed one is a copy of it with one fault
 * poked in at the byte level (the layout is include/uapi/linux/kapi.h's),
 * and must be refused with the exact error code and the exact reason the
 * validator gives, naming the record and field at fault. The faults that
 * need no knowledge of this image are in include/kapi/image_bad_cases.h,
 * which libkapi's decoder is tested with too; the others are here.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/uio.h>

#include "image.h"
#include "kapi/image_bad_cases.h"
#include "kapi_kunit.h"

/* A copy of the test image being corrupted, and the reason expected. */
struct kapi_image_ctx {
	struct kunit *test;
	void *img;
	size_t size;
	char want[KAPI_IMAGE_WHY_LEN];
};

struct kapi_image_case {
	const char *what;
	int err;
	void (*poke)(struct kapi_image_ctx *t);
};

static __printf(2, 3) void kapi_want(struct kapi_image_ctx *t,
				     const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(t->want, sizeof(t->want), fmt, args);
	va_end(args);
}

static struct kapi_image_header *kapi_hdr(struct kapi_image_ctx *t)
{
	return t->img;
}

static struct kapi_image_table *kapi_tab(struct kapi_image_ctx *t,
					 enum kapi_image_table_id id)
{
	return &kapi_hdr(t)->tables[id];
}

static u32 kapi_nstr(struct kapi_image_ctx *t)
{
	return kapi_tab(t, KAPI_TABLE_STRINGS)->count;
}

/* Spec @name of the copy, writable, and its index. */
static struct kapi_image_spec *kapi_spec_w(struct kapi_image_ctx *t,
					   const char *name, u32 *index)
{
	u32 i = kapi_kunit_spec_index(t->test, t->img, name);

	if (index)
		*index = i;
	return kapi_kunit_rec(t->img, KAPI_TABLE_SPECS, i);
}

/* Parameter @param of spec @spec, writable, and its index in the table. */
static struct kapi_image_param *kapi_param_w(struct kapi_image_ctx *t,
					     const char *spec,
					     const char *param, u32 *index)
{
	const struct kapi_image_spec *s = kapi_spec_w(t, spec, NULL);
	u32 i = s->params.first +
		kapi_kunit_param_index(t->test, t->img, s, param);

	if (index)
		*index = i;
	return kapi_kunit_rec(t->img, KAPI_TABLE_PARAMS, i);
}

/* Record @i of the view spec's slice of @table (it has one of each). */
static void *kapi_view_rec(struct kapi_image_ctx *t,
			   enum kapi_image_table_id table, u32 *index)
{
	const struct kapi_image_spec *s = kapi_spec_w(t, "kapi_kunit_view",
						      NULL);
	const struct kapi_image_slice *slice;

	switch (table) {
	case KAPI_TABLE_ERRORS:
		slice = &s->errors;
		break;
	case KAPI_TABLE_LOCKS:
		slice = &s->locks;
		break;
	case KAPI_TABLE_SIGNALS:
		slice = &s->signals;
		break;
	case KAPI_TABLE_EFFECTS:
		slice = &s->effects;
		break;
	case KAPI_TABLE_TRANSITIONS:
		slice = &s->transitions;
		break;
	case KAPI_TABLE_CAPS:
		slice = &s->caps;
		break;
	default:
		slice = &s->constraints;
		break;
	}
	*index = slice->first;
	return kapi_kunit_rec(t->img, table, slice->first);
}

/* --- accepted images --------------------------------------------------- */

static void kapi_ok(struct kapi_image_ctx *t)
{
	kapi_want(t, "%s", "");
}

static void kapi_ok_minor(struct kapi_image_ctx *t)
{
	kapi_hdr(t)->version_minor = KAPI_IMAGE_VERSION_MINOR + 1;
	kapi_ok(t);
}

/* A newer minor version may use the reserved fields for data of its own. */
static void kapi_ok_minor_reserved(struct kapi_image_ctx *t)
{
	struct kapi_image_param *p;

	kapi_hdr(t)->version_minor = KAPI_IMAGE_VERSION_MINOR + 1;
	kapi_hdr(t)->reserved = 7;
	kapi_tab(t, KAPI_TABLE_LOCKS)->reserved = 7;
	p = kapi_param_w(t, "kapi_kunit_numbers", "value", NULL);
	p->order = 7;
	p->min.reserved = 7;
	kapi_ok(t);
}

/* --- the header -------------------------------------------------------- */

static void kapi_bad_truncated(struct kapi_image_ctx *t)
{
	t->size -= KAPI_IMAGE_ALIGN;
	kapi_want(t,
		  "header, field size: the header says %zu bytes, the image has %zu (truncated?)",
		  t->size + KAPI_IMAGE_ALIGN, t->size);
}

static void kapi_bad_trailing(struct kapi_image_ctx *t)
{
	t->size += KAPI_IMAGE_ALIGN;
	kapi_want(t,
		  "header, field size: the header says %zu bytes, the image has %zu (truncated?)",
		  t->size - KAPI_IMAGE_ALIGN, t->size);
}

static void kapi_bad_short(struct kapi_image_ctx *t)
{
	t->size = KAPI_IMAGE_HEADER_SIZE_2_0 - 1;
	kapi_want(t, "header: truncated: 215 bytes, a header alone is 216");
}

static void kapi_bad_empty(struct kapi_image_ctx *t)
{
	t->size = 0;
	kapi_want(t, "header: truncated: 0 bytes, a header alone is 216");
}

static void kapi_bad_null(struct kapi_image_ctx *t)
{
	t->img = NULL;
	kapi_want(t, "header: no image");
}

/* Refused on its size alone: nothing past the copy is read. */
static void kapi_bad_huge(struct kapi_image_ctx *t)
{
	t->size = KAPI_IMAGE_MAX_SIZE + 1;
	kapi_want(t, "header: 16777217 bytes, more than the limit of 16777216");
}

static void kapi_bad_magic(struct kapi_image_ctx *t)
{
	kapi_hdr(t)->magic = 0x464c457f;
	kapi_want(t, "header, field magic: 0x464c457f is not a spec image (0x4950414b)");
}

static void kapi_bad_major_zero(struct kapi_image_ctx *t)
{
	kapi_hdr(t)->version_major = 0;
	kapi_hdr(t)->version_minor = 9;
	kapi_want(t, "%s%s",
		  "header, field version_major: format 0.9 is older than this module's 2.x: ",
		  "rebuild the image with a matching kapi-gen");
}

static void kapi_bad_header_large(struct kapi_image_ctx *t)
{
	kapi_hdr(t)->header_size = t->size + KAPI_IMAGE_ALIGN;
	kapi_want(t, "header, field header_size: %zu is larger than the image (%zu bytes)",
		  t->size + KAPI_IMAGE_ALIGN, t->size);
}

/* --- the table directory ------------------------------------------------ */

static void kapi_bad_tab_align(struct kapi_image_ctx *t)
{
	struct kapi_image_table *e = kapi_tab(t, KAPI_TABLE_ERRORS);

	e->offset += 4;
	kapi_want(t, "tables[2] (errors), field offset: %u is not 8-byte aligned",
		  e->offset);
}

/* count * entsize overflows 32 bits, but not the validator's arithmetic. */
static void kapi_bad_count_huge(struct kapi_image_ctx *t)
{
	struct kapi_image_table *p = kapi_tab(t, KAPI_TABLE_PARAMS);

	p->count = U32_MAX;
	kapi_want(t,
		  "tables[1] (params), field count: 4294967295 records of 160 bytes at offset %u run past the end of the image (%zu bytes)",
		  p->offset, t->size);
}

static void kapi_bad_count_strings(struct kapi_image_ctx *t)
{
	struct kapi_image_table *s = kapi_tab(t, KAPI_TABLE_STRINGS);

	s->count = t->size - s->offset + 1;
	kapi_want(t,
		  "tables[11] (strings), field count: %u records of 1 bytes at offset %u run past the end of the image (%zu bytes)",
		  s->count, s->offset, t->size);
}

static void kapi_bad_overlap(struct kapi_image_ctx *t)
{
	kapi_tab(t, KAPI_TABLE_ERRORS)->offset =
		kapi_tab(t, KAPI_TABLE_PARAMS)->offset;
	kapi_want(t, "tables[2] (errors), field offset: table errors overlaps table params");
}

/* --- the string table --------------------------------------------------- */

static void kapi_bad_str_first(struct kapi_image_ctx *t)
{
	kapi_kunit_strings(t->img)[0] = 'x';
	kapi_want(t, "strings[0]: the string table must start with a NUL byte (offset 0 is \"\")");
}

/* The last string becomes "x" without its NUL; the zero padding after the
 * table is not part of it.
 */
static void kapi_bad_str_last(struct kapi_image_ctx *t)
{
	char *s = kapi_kunit_strings(t->img);
	u32 n = kapi_nstr(t);

	s[n - 2] = '\0';
	s[n - 1] = 'x';
	kapi_want(t,
		  "strings[0]: the string table does not end with a NUL byte (the string at offset %u is not terminated)",
		  n - 1);
}

/* --- specs --------------------------------------------------------------- */

static void kapi_bad_spec_name_str(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_ret_fd", &i)->name = kapi_nstr(t);
	kapi_want(t,
		  "specs[%u], field name: string offset %u is outside the string table (%u bytes)",
		  i, kapi_nstr(t), kapi_nstr(t));
}

static void kapi_bad_spec_summary(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_numbers", &i)->summary = kapi_nstr(t) + 9;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_numbers), field summary: string offset %u is outside the string table (%u bytes)",
		  i, kapi_nstr(t) + 9, kapi_nstr(t));
}

static void kapi_bad_spec_empty_name(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_ret_fd", &i)->name = 0;
	kapi_want(t, "specs[%u], field name: is empty", i);
}

static void kapi_bad_spec_name_char(struct kapi_image_ctx *t)
{
	struct kapi_image_spec *s;
	u32 i;

	s = kapi_spec_w(t, "kapi_kunit_ret_custom", &i);
	kapi_kunit_strings(t->img)[s->name + 4] = ' ';
	kapi_want(t,
		  "specs[%u], field name: byte 4 (0x20) is not allowed in a name ([A-Za-z0-9_][A-Za-z0-9_.-]*)",
		  i);
}

static void kapi_bad_spec_name_first(struct kapi_image_ctx *t)
{
	struct kapi_image_spec *s;
	u32 i;

	s = kapi_spec_w(t, "kapi_kunit_ret_custom", &i);
	kapi_kunit_strings(t->img)[s->name] = '.';
	kapi_want(t,
		  "specs[%u], field name: byte 0 (0x2e) is not allowed in a name ([A-Za-z0-9_][A-Za-z0-9_.-]*)",
		  i);
}

static void kapi_bad_spec_dup(struct kapi_image_ctx *t)
{
	struct kapi_image_spec *a, *b;
	u32 i, j;

	a = kapi_spec_w(t, "kapi_kunit_ret_range", &i);
	b = kapi_spec_w(t, "kapi_kunit_ret_fd", &j);
	b->name = a->name;
	/* The later of the two is named, with the index of the earlier. */
	kapi_want(t, "specs[%u] (kapi_kunit_ret_range), field name: specs[%u] has the same name",
		  max(i, j), min(i, j));
}

static void kapi_bad_spec_kind(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_numbers", &i)->kind = KAPI_KIND_COUNT;
	kapi_want(t, "specs[%u] (kapi_kunit_numbers), field kind: value 3 is out of range (0..2)",
		  i);
}

static void kapi_bad_spec_context(struct kapi_image_ctx *t)
{
	struct kapi_image_spec *s;
	u32 i;

	s = kapi_spec_w(t, "kapi_kunit_numbers", &i);
	s->context |= 0x100;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_numbers), field context: 0x%x sets bit 8, which has no meaning",
		  i, s->context);
}

static void kapi_bad_spec_flags(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_numbers", &i)->flags = 6;
	kapi_want(t, "specs[%u] (kapi_kunit_numbers), field flags: 0x6 sets unknown bits 0x6",
		  i);
}

static void kapi_bad_ret_check(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_ret_fd", &i)->ret.check = KAPI_RETURN_COUNT;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_ret_fd), field ret.check: value 6 is out of range (0..5)",
		  i);
}

static void kapi_bad_ret_type(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_ret_fd", &i)->ret.type = KAPI_TYPE_COUNT;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_ret_fd), field ret.type: value 13 is out of range (0..12)",
		  i);
}

static void kapi_bad_ret_reserved(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_ret_range", &i)->ret.success_min.reserved = 1;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_ret_range), field ret.success_min.reserved: is 1, must be 0",
		  i);
}

static void kapi_bad_ret_expr(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_ret_range", &i)->ret.success_max.expr =
		U32_MAX;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_ret_range), field ret.success_max.expr: string offset 4294967295 is outside the string table (%u bytes)",
		  i, kapi_nstr(t));
}

static void kapi_bad_ioctl_expr(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_spec_w(t, "kapi_kunit_ioctl", &i)->ioctl_cmd.expr = kapi_nstr(t);
	kapi_want(t,
		  "specs[%u] (kapi_kunit_ioctl), field ioctl_cmd.expr: string offset %u is outside the string table (%u bytes)",
		  i, kapi_nstr(t), kapi_nstr(t));
}

static void kapi_bad_slice(struct kapi_image_ctx *t)
{
	struct kapi_image_spec *s;
	u32 i, n = kapi_tab(t, KAPI_TABLE_PARAMS)->count;

	s = kapi_spec_w(t, "kapi_kunit_numbers", &i);
	s->params.count = n - s->params.first + 1;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_numbers), field params: records %u..%u are outside table params (%u records)",
		  i, s->params.first, n + 1, n);
}

/* first + count wraps around 32 bits: the check must not. */
static void kapi_bad_slice_wrap(struct kapi_image_ctx *t)
{
	struct kapi_image_spec *s;
	u32 i;

	s = kapi_spec_w(t, "kapi_kunit_numbers", &i);
	s->errors.first = U32_MAX;
	s->errors.count = 2;
	kapi_want(t,
		  "specs[%u] (kapi_kunit_numbers), field errors: records 4294967295..4294967297 are outside table errors (%u records)",
		  i, kapi_tab(t, KAPI_TABLE_ERRORS)->count);
}

static void kapi_bad_size_param_self(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_user", "buf", NULL)->size_param = 2;
	kapi_spec_w(t, "kapi_kunit_user", &i);
	kapi_want(t,
		  "specs[%u] (kapi_kunit_user), field params: parameter 2 (buf): size_param 2 is neither -1 nor the index of another parameter (0..5)",
		  i);
}

static void kapi_bad_size_param_range(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_user", "buf", NULL)->size_param = 6;
	kapi_spec_w(t, "kapi_kunit_user", &i);
	kapi_want(t,
		  "specs[%u] (kapi_kunit_user), field params: parameter 2 (buf): size_param 6 is neither -1 nor the index of another parameter (0..5)",
		  i);
}

static void kapi_bad_param_dup(struct kapi_image_ctx *t)
{
	struct kapi_image_param *a, *b;
	u32 i;

	a = kapi_param_w(t, "kapi_kunit_numbers", "value", NULL);
	b = kapi_param_w(t, "kapi_kunit_numbers", "flags", NULL);
	b->name = a->name;
	kapi_spec_w(t, "kapi_kunit_numbers", &i);
	kapi_want(t,
		  "specs[%u] (kapi_kunit_numbers), field params: parameters 0 and 2 are both named value",
		  i);
}

/* --- parameters ---------------------------------------------------------- */

static void kapi_bad_param_name(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_memory", "id", &i)->name = 0;
	kapi_want(t, "params[%u], field name: is empty or longer than 127 bytes",
		  i);
}

static void kapi_bad_param_type(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_memory", "id", &i)->type = KAPI_TYPE_COUNT;
	kapi_want(t, "params[%u], field type: value 13 is out of range (0..12)",
		  i);
}

static void kapi_bad_param_constraint(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_memory", "id", &i)->constraint =
		KAPI_CONSTRAINT_COUNT;
	kapi_want(t, "params[%u], field constraint: value %u is out of range (0..%u)",
		  i, (u32)KAPI_CONSTRAINT_COUNT, (u32)KAPI_CONSTRAINT_COUNT - 1);
}

static void kapi_bad_param_flags(struct kapi_image_ctx *t)
{
	struct kapi_image_param *p;
	u32 i;

	p = kapi_param_w(t, "kapi_kunit_memory", "id", &i);
	p->flags |= BIT(2);
	kapi_want(t, "params[%u], field flags: 0x%x sets bit 2, which has no meaning",
		  i, p->flags);
}

static void kapi_bad_param_size_param(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_user", "count", &i)->size_param = -2;
	kapi_want(t, "params[%u], field size_param: -2, must be -1 or a parameter index",
		  i);
}

static void kapi_bad_param_num(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_numbers", "count", &i)->max.reserved = 3;
	kapi_want(t, "params[%u], field max.reserved: is 3, must be 0", i);
}

static void kapi_bad_param_expr(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_numbers", "flags", &i)->mask.expr =
		kapi_nstr(t);
	kapi_want(t,
		  "params[%u], field mask.expr: string offset %u is outside the string table (%u bytes)",
		  i, kapi_nstr(t), kapi_nstr(t));
}

static void kapi_bad_param_num32(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_numbers", "align", &i)->alignment.expr =
		kapi_nstr(t);
	kapi_want(t,
		  "params[%u], field alignment.expr: string offset %u is outside the string table (%u bytes)",
		  i, kapi_nstr(t), kapi_nstr(t));
}

static void kapi_bad_param_values(struct kapi_image_ctx *t)
{
	struct kapi_image_param *p;
	u32 i, n = kapi_tab(t, KAPI_TABLE_VALUES)->count;

	p = kapi_param_w(t, "kapi_kunit_numbers", "whence", &i);
	p->values.first = n;
	kapi_want(t,
		  "params[%u], field values: records %u..%u are outside table values (%u records)",
		  i, n, n + p->values.count, n);
}

static void kapi_bad_param_errno(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_numbers", "whence", &i)->violation_error =
		ENXIO;
	kapi_want(t,
		  "params[%u], field violation_error: 6 is not a negative error code (-4095..-1) or 0",
		  i);
}

static void kapi_bad_param_order(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_numbers", "whence", &i)->order = BIT(20);
	kapi_want(t, "params[%u], field order: 0x100000 sets unknown bits 0x100000",
		  i);
}

/* --- the other records ---------------------------------------------------- */

static void kapi_bad_error_positive(struct kapi_image_ctx *t)
{
	struct kapi_image_error *e;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_ERRORS, &i);
	e->code = ENXIO;
	kapi_want(t, "errors[%u], field code: 6 is not a negative error code (-4095..-1)",
		  i);
}

/* The view spec's ENXIO has the selectors sock:tcp, *:proc, fifo:*. */
static void kapi_bad_object_dup(struct kapi_image_ctx *t)
{
	struct kapi_image_error *e;
	struct kapi_image_object *o;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_ERRORS, &i);
	o = kapi_kunit_rec(t->img, KAPI_TABLE_OBJECTS, e->objects.first);
	o[2] = o[0];
	kapi_want(t, "errors[%u], field objects: selectors 0 and 2 are the same (type %u, impl %u)",
		  i, KAPI_OBJ_SOCK, KAPI_IMPL_TCP);
}

static void kapi_bad_object_slice(struct kapi_image_ctx *t)
{
	u32 n = kapi_tab(t, KAPI_TABLE_OBJECTS)->count;
	struct kapi_image_error *e;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_ERRORS, &i);
	e->objects.count = n + 1;
	kapi_want(t, "errors[%u], field objects: records %u..%u are outside %s (%u records)",
		  i, e->objects.first, e->objects.first + n + 1, "table objects", n);
}

static void kapi_bad_error_zero(struct kapi_image_ctx *t)
{
	struct kapi_image_error *e;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_ERRORS, &i);
	e->code = 0;
	kapi_want(t, "errors[%u], field code: 0 is not a negative error code (-4095..-1)",
		  i);
}

static void kapi_bad_error_low(struct kapi_image_ctx *t)
{
	struct kapi_image_error *e;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_ERRORS, &i);
	e->code = -MAX_ERRNO - 1;
	kapi_want(t, "errors[%u], field code: -4096 is not a negative error code (-4095..-1)",
		  i);
}

static void kapi_bad_error_name(struct kapi_image_ctx *t)
{
	struct kapi_image_error *e;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_ERRORS, &i);
	e->name = kapi_spec_w(t, "kapi_kunit_ret_fd", NULL)->name;
	kapi_want(t,
		  "errors[%u], field name: \"kapi_kunit_ret_fd\" is not an error name (E[A-Z0-9_]+)",
		  i);
}

static void kapi_bad_lock_type(struct kapi_image_ctx *t)
{
	struct kapi_image_lock *l;
	u32 i;

	l = kapi_view_rec(t, KAPI_TABLE_LOCKS, &i);
	l->type = KAPI_LOCK_COUNT;
	kapi_want(t, "locks[%u], field type: value 8 is out of range (0..7)", i);
}

static void kapi_bad_lock_scope(struct kapi_image_ctx *t)
{
	struct kapi_image_lock *l;
	u32 i;

	l = kapi_view_rec(t, KAPI_TABLE_LOCKS, &i);
	l->scope = KAPI_LOCK_SCOPE_COUNT;
	kapi_want(t, "locks[%u], field scope: value 4 is out of range (0..3)",
		  i);
}

static void kapi_bad_signal_action(struct kapi_image_ctx *t)
{
	struct kapi_image_signal *g;
	u32 i;

	g = kapi_view_rec(t, KAPI_TABLE_SIGNALS, &i);
	g->action = KAPI_SIGNAL_ACTION_COUNT;
	kapi_want(t, "signals[%u], field action: value 11 is out of range (0..10)",
		  i);
}

static void kapi_bad_signal_timing(struct kapi_image_ctx *t)
{
	struct kapi_image_signal *g;
	u32 i;

	g = kapi_view_rec(t, KAPI_TABLE_SIGNALS, &i);
	g->timing = KAPI_SIGNAL_TIME_COUNT;
	kapi_want(t, "signals[%u], field timing: value 6 is out of range (0..5)",
		  i);
}

static void kapi_bad_signal_direction(struct kapi_image_ctx *t)
{
	struct kapi_image_signal *g;
	u32 i;

	g = kapi_view_rec(t, KAPI_TABLE_SIGNALS, &i);
	g->direction |= BIT(5);
	kapi_want(t, "signals[%u], field direction: 0x%x sets bit 5, which has no meaning",
		  i, g->direction);
}

static void kapi_bad_signal_state(struct kapi_image_ctx *t)
{
	struct kapi_image_signal *g;
	u32 i;

	g = kapi_view_rec(t, KAPI_TABLE_SIGNALS, &i);
	g->state_forbidden = BIT(6);
	kapi_want(t, "signals[%u], field state_forbidden: 0x40 sets bit 6, which has no meaning",
		  i);
}

static void kapi_bad_signal_flags(struct kapi_image_ctx *t)
{
	struct kapi_image_signal *g;
	u32 i;

	g = kapi_view_rec(t, KAPI_TABLE_SIGNALS, &i);
	g->flags |= 4;
	kapi_want(t, "signals[%u], field flags: 0x%x sets unknown bits 0x4", i,
		  g->flags);
}

static void kapi_bad_signal_error(struct kapi_image_ctx *t)
{
	struct kapi_image_signal *g;
	u32 i;

	g = kapi_view_rec(t, KAPI_TABLE_SIGNALS, &i);
	g->error = EINTR;
	kapi_want(t, "signals[%u], field error: 4 is not a negative error code (-4095..-1) or 0",
		  i);
}

static void kapi_bad_effect_type(struct kapi_image_ctx *t)
{
	struct kapi_image_effect *e;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_EFFECTS, &i);
	e->type |= BIT(15);
	kapi_want(t, "effects[%u], field type: 0x%x sets bit 15, which has no meaning",
		  i, e->type);
}

static void kapi_bad_effect_reserved(struct kapi_image_ctx *t)
{
	struct kapi_image_effect *e;
	u32 i;

	e = kapi_view_rec(t, KAPI_TABLE_EFFECTS, &i);
	e->reserved = 2;
	kapi_want(t, "effects[%u], field reserved: is 2, must be 0", i);
}

static void kapi_bad_transition_str(struct kapi_image_ctx *t)
{
	struct kapi_image_transition *r;
	u32 i;

	r = kapi_view_rec(t, KAPI_TABLE_TRANSITIONS, &i);
	r->to = kapi_nstr(t);
	kapi_want(t,
		  "transitions[%u], field to: string offset %u is outside the string table (%u bytes)",
		  i, kapi_nstr(t), kapi_nstr(t));
}

static void kapi_bad_cap_action(struct kapi_image_ctx *t)
{
	struct kapi_image_cap *c;
	u32 i;

	c = kapi_view_rec(t, KAPI_TABLE_CAPS, &i);
	c->action = KAPI_CAP_COUNT;
	kapi_want(t, "caps[%u], field action: value 7 is out of range (0..6)", i);
}

static void kapi_bad_constraint_reserved(struct kapi_image_ctx *t)
{
	struct kapi_image_constraint *k;
	u32 i;

	k = kapi_view_rec(t, KAPI_TABLE_CONSTRAINTS, &i);
	k->reserved = 1;
	kapi_want(t, "constraints[%u], field reserved: is 1, must be 0", i);
}

static void kapi_bad_value_reserved(struct kapi_image_ctx *t)
{
	struct kapi_image_num *v;
	const struct kapi_image_param *p;

	p = kapi_param_w(t, "kapi_kunit_numbers", "whence", NULL);
	v = kapi_kunit_rec(t->img, KAPI_TABLE_VALUES, p->values.first + 1);
	v->reserved = 1;
	kapi_want(t, "values[%u], field value.reserved: is 1, must be 0",
		  p->values.first + 1);
}

/* --- structs (format 2.1) ---------------------------------------------- */

/*
 * An image whose header has only 2.0's tables: structs and fields read as
 * empty, so no param may point to a struct.
 */
static void kapi_ok_no_struct_tables(struct kapi_image_ctx *t)
{
	kapi_hdr(t)->table_count = KAPI_TABLE_COUNT_2_0;
	kapi_hdr(t)->version_minor = 0;
	kapi_param_w(t, "kapi_kunit_user", "st", NULL)->struct_id = 0;
	kapi_ok(t);
}

static void kapi_bad_struct_ref_2_0(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_hdr(t)->table_count = KAPI_TABLE_COUNT_2_0;
	kapi_param_w(t, "kapi_kunit_user", "st", &i);
	kapi_want(t,
		  "params[%u], field struct_id: 1 is neither 0 nor 1 + a record of table structs (0 records)",
		  i);
}

static void kapi_bad_struct_ref(struct kapi_image_ctx *t)
{
	u32 i, n = kapi_tab(t, KAPI_TABLE_STRUCTS)->count;

	kapi_param_w(t, "kapi_kunit_user", "st", &i)->struct_id = n + 1;
	kapi_want(t,
		  "params[%u], field struct_id: %u is neither 0 nor 1 + a record of table structs (%u records)",
		  i, n + 1, n);
}

static void kapi_bad_count_param_self(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_user", "st", NULL)->count_param = 4;
	kapi_spec_w(t, "kapi_kunit_user", &i);
	kapi_want(t,
		  "specs[%u] (kapi_kunit_user), field params: parameter 4 (st): count_param 4 is neither -1 nor the index of another parameter (0..5)",
		  i);
}

static void kapi_bad_count_param_low(struct kapi_image_ctx *t)
{
	u32 i;

	kapi_param_w(t, "kapi_kunit_user", "st", &i)->count_param = -2;
	kapi_want(t, "params[%u], field count_param: -2, must be -1 or a parameter index",
		  i);
}

/* The test image's only struct (iovec) and its field @f, writable. */
static struct kapi_image_struct *kapi_struct_w(struct kapi_image_ctx *t)
{
	KUNIT_ASSERT_EQ(t->test, kapi_tab(t, KAPI_TABLE_STRUCTS)->count, 1);
	return kapi_kunit_rec(t->img, KAPI_TABLE_STRUCTS, 0);
}

static struct kapi_image_struct_field *kapi_field_w(struct kapi_image_ctx *t,
						    u32 f)
{
	return kapi_kunit_rec(t->img, KAPI_TABLE_FIELDS,
			      kapi_struct_w(t)->fields.first + f);
}

static void kapi_bad_field_beyond(struct kapi_image_ctx *t)
{
	kapi_field_w(t, 1)->offset.value = 9;
	kapi_want(t,
		  "structs[0], field fields: field 1 (iov_len): offset 9 + size 8 is outside the struct (16 bytes)");
}

static void kapi_bad_field_negative(struct kapi_image_ctx *t)
{
	kapi_field_w(t, 0)->size.value = -1;
	kapi_want(t,
		  "structs[0], field fields: field 0 (iov_base): offset 0 + size -1 is outside the struct (16 bytes)");
}

static void kapi_bad_field_overflow(struct kapi_image_ctx *t)
{
	kapi_field_w(t, 1)->offset.value = S64_MAX;
	kapi_want(t,
		  "structs[0], field fields: field 1 (iov_len): offset %lld + size 8 is outside the struct (16 bytes)",
		  S64_MAX);
}

static void kapi_bad_field_dup(struct kapi_image_ctx *t)
{
	kapi_field_w(t, 1)->name = kapi_field_w(t, 0)->name;
	kapi_want(t,
		  "structs[0], field fields: fields 0 and 1 are both named iov_base");
}

static void kapi_bad_fields_slice(struct kapi_image_ctx *t)
{
	u32 n = kapi_tab(t, KAPI_TABLE_FIELDS)->count;

	kapi_struct_w(t)->fields.first = n;
	kapi_want(t,
		  "structs[0], field fields: records %u..%u are outside table fields (%u records)",
		  n, n + 2, n);
}

static void kapi_bad_field_type(struct kapi_image_ctx *t)
{
	u32 i = kapi_struct_w(t)->fields.first;

	kapi_field_w(t, 0)->type = KAPI_TYPE_COUNT;
	kapi_want(t, "fields[%u], field type: value %u is out of range (0..%u)",
		  i, KAPI_TYPE_COUNT, KAPI_TYPE_COUNT - 1);
}

static void kapi_bad_field_name(struct kapi_image_ctx *t)
{
	u32 i = kapi_struct_w(t)->fields.first;

	kapi_field_w(t, 0)->name = kapi_nstr(t);
	kapi_want(t,
		  "fields[%u], field name: string offset %u is outside the string table (%u bytes)",
		  i, kapi_nstr(t), kapi_nstr(t));
}

static const struct kapi_image_case kapi_image_cases[] = {
	{ "valid image", 0, kapi_ok },
	{ "no struct tables (format 2.0)", 0, kapi_ok_no_struct_tables },
	{ "struct reference without struct tables", -EBADMSG,
	  kapi_bad_struct_ref_2_0 },
	{ "struct reference out of range", -EBADMSG, kapi_bad_struct_ref },
	{ "count_param names the param itself", -EBADMSG,
	  kapi_bad_count_param_self },
	{ "count_param below -1", -EBADMSG, kapi_bad_count_param_low },
	{ "field beyond its struct", -EBADMSG, kapi_bad_field_beyond },
	{ "field with a negative size", -EBADMSG, kapi_bad_field_negative },
	{ "field offset + size overflows", -EBADMSG, kapi_bad_field_overflow },
	{ "two fields with one name", -EBADMSG, kapi_bad_field_dup },
	{ "struct's fields outside the table", -EBADMSG, kapi_bad_fields_slice },
	{ "field type out of range", -EBADMSG, kapi_bad_field_type },
	{ "field name offset out of range", -EBADMSG, kapi_bad_field_name },
	{ "newer minor version", 0, kapi_ok_minor },
	{ "newer minor version with reserved fields set", 0,
	  kapi_ok_minor_reserved },
	{ "truncated", -EBADMSG, kapi_bad_truncated },
	{ "trailing bytes", -EBADMSG, kapi_bad_trailing },
	{ "shorter than a header", -EBADMSG, kapi_bad_short },
	{ "empty", -EBADMSG, kapi_bad_empty },
	{ "no image", -EINVAL, kapi_bad_null },
	{ "larger than the limit", -E2BIG, kapi_bad_huge },
	{ "major version 0", -EOPNOTSUPP, kapi_bad_major_zero },
	{ "header larger than the image", -EBADMSG, kapi_bad_header_large },
	{ "misaligned table", -EBADMSG, kapi_bad_tab_align },
	{ "record count overflows", -EBADMSG, kapi_bad_count_huge },
	{ "string table past the end", -EBADMSG, kapi_bad_count_strings },
	{ "overlapping tables", -EBADMSG, kapi_bad_overlap },
	{ "string table without a leading NUL", -EBADMSG, kapi_bad_str_first },
	{ "unterminated last string", -EBADMSG, kapi_bad_str_last },
	{ "spec name offset out of range", -EBADMSG, kapi_bad_spec_name_str },
	{ "string offset out of range", -EBADMSG, kapi_bad_spec_summary },
	{ "empty spec name", -EBADMSG, kapi_bad_spec_empty_name },
	{ "space in a spec name", -EBADMSG, kapi_bad_spec_name_char },
	{ "spec name starting with a dot", -EBADMSG, kapi_bad_spec_name_first },
	{ "duplicate spec name", -EEXIST, kapi_bad_spec_dup },
	{ "spec kind out of range", -EBADMSG, kapi_bad_spec_kind },
	{ "undefined context bit", -EBADMSG, kapi_bad_spec_context },
	{ "unknown spec flags", -EBADMSG, kapi_bad_spec_flags },
	{ "return check out of range", -EBADMSG, kapi_bad_ret_check },
	{ "return type out of range", -EBADMSG, kapi_bad_ret_type },
	{ "return number reserved", -EBADMSG, kapi_bad_ret_reserved },
	{ "return expression out of range", -EBADMSG, kapi_bad_ret_expr },
	{ "ioctl expression out of range", -EBADMSG, kapi_bad_ioctl_expr },
	{ "the same object selector twice", -EBADMSG, kapi_bad_object_dup },
	{ "object selectors out of range", -EBADMSG, kapi_bad_object_slice },
	{ "parameter slice out of range", -EBADMSG, kapi_bad_slice },
	{ "error slice wrapping around", -EBADMSG, kapi_bad_slice_wrap },
	{ "size parameter is itself", -EBADMSG, kapi_bad_size_param_self },
	{ "size parameter out of range", -EBADMSG, kapi_bad_size_param_range },
	{ "duplicate parameter name", -EBADMSG, kapi_bad_param_dup },
	{ "empty parameter name", -EBADMSG, kapi_bad_param_name },
	{ "parameter type out of range", -EBADMSG, kapi_bad_param_type },
	{ "constraint out of range", -EBADMSG, kapi_bad_param_constraint },
	{ "undefined parameter flag", -EBADMSG, kapi_bad_param_flags },
	{ "size parameter below -1", -EBADMSG, kapi_bad_param_size_param },
	{ "parameter number reserved", -EBADMSG, kapi_bad_param_num },
	{ "parameter expression out of range", -EBADMSG, kapi_bad_param_expr },
	{ "32-bit number expression out of range", -EBADMSG,
	  kapi_bad_param_num32 },
	{ "enum value slice out of range", -EBADMSG, kapi_bad_param_values },
	{ "positive violation error", -EBADMSG, kapi_bad_param_errno },
	{ "parameter order bits", -EBADMSG, kapi_bad_param_order },
	{ "positive error code", -EBADMSG, kapi_bad_error_positive },
	{ "zero error code", -EBADMSG, kapi_bad_error_zero },
	{ "error code below -MAX_ERRNO", -EBADMSG, kapi_bad_error_low },
	{ "error name not E[A-Z0-9_]+", -EBADMSG, kapi_bad_error_name },
	{ "lock type out of range", -EBADMSG, kapi_bad_lock_type },
	{ "lock scope out of range", -EBADMSG, kapi_bad_lock_scope },
	{ "signal action out of range", -EBADMSG, kapi_bad_signal_action },
	{ "signal timing out of range", -EBADMSG, kapi_bad_signal_timing },
	{ "undefined signal direction", -EBADMSG, kapi_bad_signal_direction },
	{ "undefined signal state", -EBADMSG, kapi_bad_signal_state },
	{ "unknown signal flags", -EBADMSG, kapi_bad_signal_flags },
	{ "positive signal error", -EBADMSG, kapi_bad_signal_error },
	{ "undefined side-effect type", -EBADMSG, kapi_bad_effect_type },
	{ "side-effect reserved", -EBADMSG, kapi_bad_effect_reserved },
	{ "transition string out of range", -EBADMSG, kapi_bad_transition_str },
	{ "capability action out of range", -EBADMSG, kapi_bad_cap_action },
	{ "constraint reserved", -EBADMSG, kapi_bad_constraint_reserved },
	{ "enum value reserved", -EBADMSG, kapi_bad_value_reserved },
};

static void kapi_image_case_desc(const struct kapi_image_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_image, kapi_image_cases, kapi_image_case_desc);

/*
 * Each case: a fresh copy of the test image, one fault, the exact error
 * and reason; the copy itself is never changed by the validator.
 */
static void kapi_image_validate_test(struct kunit *test)
{
	const struct kapi_image_case *c = test->param_value;
	struct kapi_image_ctx t = { .test = test };
	char why[KAPI_IMAGE_WHY_LEN];
	void *before;
	int ret;

	t.img = kapi_kunit_copy(test, KAPI_IMAGE_ALIGN);
	t.size = kapi_kunit_image_size;
	c->poke(&t);
	before = kunit_kmalloc(test, kapi_kunit_image_size + KAPI_IMAGE_ALIGN,
			       GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, before);
	if (t.img)
		memcpy(before, t.img, kapi_kunit_image_size + KAPI_IMAGE_ALIGN);

	memset(why, 'z', sizeof(why));
	ret = kapi_image_validate(t.img, t.size, why, sizeof(why));
	KUNIT_EXPECT_EQ(test, ret, c->err);
	KUNIT_EXPECT_STREQ(test, why, t.want);
	if (t.img)
		KUNIT_EXPECT_EQ(test, memcmp(before, t.img,
					     kapi_kunit_image_size +
					     KAPI_IMAGE_ALIGN), 0);
}

/*
 * The shared cases (include/kapi/image_bad_cases.h): one value written into
 * the header, a table descriptor or record 0 of a table of a fresh copy.
 */
static void kapi_image_bad_desc(const struct kapi_image_bad_case *c,
				char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_image_bad, kapi_image_bad_cases, kapi_image_bad_desc);

static void kapi_image_shared_test(struct kunit *test)
{
	const struct kapi_image_bad_case *c = test->param_value;
	char why[KAPI_IMAGE_WHY_LEN];
	struct kapi_image_header *h;

	h = kapi_kunit_copy(test, 0);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, h);
	if (c->at == KAPI_BAD_AT_RECORD)
		KUNIT_ASSERT_GT(test, h->tables[c->table].count, 0);
	kapi_image_bad_apply(h, c);
	memset(why, 'z', sizeof(why));
	KUNIT_EXPECT_EQ(test, kapi_image_validate(h, kapi_kunit_image_size, why,
						  sizeof(why)), c->err);
	KUNIT_EXPECT_STREQ(test, why, c->reason);
}

/* The reason is cut to the buffer and always terminated; NULL is fine. */
static void kapi_image_why_buffer_test(struct kunit *test)
{
	struct kapi_image_ctx t = { .test = test };
	char why[16];

	t.img = kapi_kunit_copy(test, 0);
	kapi_bad_magic(&t);
	memset(why, 'z', sizeof(why));
	KUNIT_EXPECT_EQ(test, kapi_image_validate(t.img, kapi_kunit_image_size,
						  why, sizeof(why)), -ENOEXEC);
	KUNIT_EXPECT_STREQ(test, why, "header, field m");
	KUNIT_EXPECT_EQ(test, kapi_image_validate(t.img, kapi_kunit_image_size,
						  NULL, 0), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, kapi_image_validate(kapi_kunit_image_data,
						  kapi_kunit_image_size,
						  NULL, 0), 0);
}

/* The generator's image of no specs at all is valid too. */
static void kapi_image_empty_test(struct kunit *test)
{
	const struct kapi_image_header *h = kapi_kunit_empty_data;
	char why[KAPI_IMAGE_WHY_LEN];
	unsigned int i;

	KUNIT_EXPECT_EQ(test, kapi_image_validate(kapi_kunit_empty_data,
						  kapi_kunit_empty_size, why,
						  sizeof(why)), 0);
	KUNIT_EXPECT_STREQ(test, why, "");
	KUNIT_EXPECT_EQ(test, kapi_image_spec_count(kapi_kunit_empty_data), 0);
	for (i = 0; i < KAPI_TABLE_STRINGS; i++)
		KUNIT_EXPECT_EQ(test, h->tables[i].count, 0);
	/* Offset 0 of every string table is the empty string. */
	KUNIT_EXPECT_EQ(test, h->tables[KAPI_TABLE_STRINGS].count, 1);
	KUNIT_EXPECT_EQ(test, h->size, kapi_kunit_empty_size);
}

/* The test image holds what kapi_kunit_specs.c says, in its order. */
static void kapi_image_content_test(struct kunit *test)
{
	static const char *const names[KAPI_KUNIT_NSPECS] = {
		"kapi_kunit_view", "kapi_kunit_numbers", "kapi_kunit_memory",
		"kapi_kunit_user", "kapi_kunit_ret_exact",
		"kapi_kunit_ret_range", "kapi_kunit_ret_fd",
		"kapi_kunit_ret_errcheck", "kapi_kunit_ret_custom",
		"kapi_kunit_ctx_atomic", "kapi_kunit_ctx_irq",
		"kapi_kunit_ioctl",
	};
	const void *img = kapi_kunit_image_data;
	const struct kapi_image_spec *s;
	u32 i;

	KUNIT_ASSERT_EQ(test, kapi_image_validate(img, kapi_kunit_image_size,
						  NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, kapi_image_spec_count(img), KAPI_KUNIT_NSPECS);
	for (i = 0; i < KAPI_KUNIT_NSPECS; i++)
		KUNIT_EXPECT_STREQ(test, kapi_image_spec_name(img,
							      kapi_image_spec(img, i)),
				   names[i]);
	s = kapi_kunit_spec(test, img, "kapi_kunit_ioctl");
	KUNIT_EXPECT_EQ(test, s->kind, KAPI_KIND_IOCTL);
	KUNIT_EXPECT_EQ(test, kapi_image_ioctl_cmd(s), _IOW('k', 1, int));
	KUNIT_EXPECT_STREQ(test, kapi_image_str(img, s->ioctl_cmd.expr),
			   "_IOW('k', 1, int)");
	s = kapi_kunit_spec(test, img, "kapi_kunit_numbers");
	KUNIT_EXPECT_EQ(test, s->kind, KAPI_KIND_FUNCTION);
	KUNIT_EXPECT_EQ(test, s->params.count, 6);
	KUNIT_EXPECT_STREQ(test, kapi_image_error_name(img, s, -EXDEV),
			   "EXDEV");
	KUNIT_EXPECT_NULL(test, kapi_image_error_name(img, s, -EBADF));
}

struct kapi_name_case {
	bool bits;
	unsigned int set;
	u32 value;
	const char *want;
};

static const struct kapi_name_case kapi_name_cases[] = {
	{ false, KAPI_ENUM_KIND, KAPI_KIND_SYSCALL, "syscall" },
	{ false, KAPI_ENUM_KIND, KAPI_KIND_FUNCTION, "function" },
	{ false, KAPI_ENUM_KIND, KAPI_KIND_COUNT, NULL },
	{ false, KAPI_ENUM_OBJECT_TYPE, KAPI_OBJ_ANY, "*" },
	{ false, KAPI_ENUM_OBJECT_TYPE, KAPI_OBJ_ANON, "anon" },
	{ false, KAPI_ENUM_OBJECT_TYPE, KAPI_OBJ_TYPE_COUNT, NULL },
	{ false, KAPI_ENUM_OBJECT_IMPL, KAPI_IMPL_ANY, "*" },
	{ false, KAPI_ENUM_OBJECT_IMPL, KAPI_IMPL_INET_RAW, "inet-raw" },
	{ false, KAPI_ENUM_OBJECT_IMPL, KAPI_IMPL_BPF, "bpf" },
	{ false, KAPI_ENUM_OBJECT_IMPL, KAPI_IMPL_COUNT, NULL },
	{ false, KAPI_ENUM_PARAM_TYPE, KAPI_TYPE_CUSTOM, "KAPI_TYPE_CUSTOM" },
	{ false, KAPI_ENUM_CONSTRAINT, KAPI_CONSTRAINT_BUFFER,
	  "KAPI_CONSTRAINT_BUFFER" },
	{ false, KAPI_ENUM_RETURN_CHECK, KAPI_RETURN_NO_RETURN,
	  "KAPI_RETURN_NO_RETURN" },
	{ false, KAPI_ENUM_RETURN_CHECK, KAPI_RETURN_COUNT, NULL },
	{ false, KAPI_ENUM_LOCK_SCOPE, KAPI_LOCK_CALLER_HELD,
	  "KAPI_LOCK_CALLER_HELD" },
	{ false, KAPI_ENUM_SIGNAL_TIMING, KAPI_SIGNAL_TIME_SLEEPING,
	  "KAPI_SIGNAL_TIME_SLEEPING" },
	{ false, KAPI_ENUM_CAP_ACTION, KAPI_CAP_PERFORM_OPERATION,
	  "KAPI_CAP_PERFORM_OPERATION" },
	{ false, KAPI_ENUM_COUNT, 0, NULL },
	{ true, KAPI_BITS_CONTEXT, 7, "KAPI_CTX_IRQ_DISABLED" },
	{ true, KAPI_BITS_CONTEXT, 8, NULL },
	{ true, KAPI_BITS_PARAM_FLAGS, 2, NULL },
	{ true, KAPI_BITS_PARAM_FLAGS, 8, "KAPI_PARAM_ALIGNED" },
	{ true, KAPI_BITS_SIGNAL_STATE, 6, NULL },
	{ true, KAPI_BITS_EFFECT, 14, "KAPI_EFFECT_IRREVERSIBLE" },
	{ true, KAPI_BITS_COUNT, 0, NULL },
};

static void kapi_name_case_desc(const struct kapi_name_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s %u value %u -> %s",
		 c->bits ? "bits" : "enum", c->set, c->value,
		 c->want ?: "NULL");
}

KUNIT_ARRAY_PARAM(kapi_name, kapi_name_cases, kapi_name_case_desc);

static void kapi_image_names_test(struct kunit *test)
{
	const struct kapi_name_case *c = test->param_value;
	const char *got;

	if (c->bits)
		got = kapi_image_bit_name(c->set, c->value);
	else
		got = kapi_image_enum_name(c->set, c->value);
	if (c->want)
		KUNIT_EXPECT_STREQ(test, got, c->want);
	else
		KUNIT_EXPECT_NULL(test, got);
}

/*
 * An error's selectors as the accessors give them, what they match, and
 * that a spec extracted as an image of its own keeps them.
 */
static void kapi_image_objects_test(struct kunit *test)
{
	static const char *const want[] = { "sock:tcp", "*:proc", "fifo:*" };
	const void *img = kapi_kunit_image_data;
	const struct kapi_image_spec *s, *xs;
	const struct kapi_image_error *e, *xe;
	char name[KAPI_IMAGE_OBJECT_NAME_LEN];
	ssize_t size;
	void *x;
	u32 i;

	s = kapi_kunit_spec(test, img, "kapi_kunit_view");
	KUNIT_ASSERT_EQ(test, s->errors.count, 4);
	e = kapi_image_error(img, s, 0);
	KUNIT_ASSERT_EQ(test, e->objects.count, ARRAY_SIZE(want));
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const struct kapi_image_object *o;

		o = kapi_image_error_object(img, e, i);
		KUNIT_EXPECT_STREQ(test, kapi_image_object_name(name, sizeof(name),
								o->type, o->impl),
				   want[i]);
	}
	KUNIT_EXPECT_TRUE(test, kapi_image_error_objects_match(img, e,
							       KAPI_OBJ_SOCK,
							       KAPI_IMPL_TCP));
	KUNIT_EXPECT_TRUE(test, kapi_image_error_objects_match(img, e,
							       KAPI_OBJ_REG,
							       KAPI_IMPL_PROC));
	KUNIT_EXPECT_TRUE(test, kapi_image_error_objects_match(img, e,
							       KAPI_OBJ_FIFO,
							       KAPI_IMPL_PIPEFS));
	KUNIT_EXPECT_FALSE(test, kapi_image_error_objects_match(img, e,
								KAPI_OBJ_SOCK,
								KAPI_IMPL_UDP));
	KUNIT_EXPECT_FALSE(test, kapi_image_error_objects_match(img, e,
								KAPI_OBJ_REG,
								KAPI_IMPL_EXT4));
	/* Without selectors: every object. */
	e = kapi_image_error(img, s, 1);
	KUNIT_EXPECT_EQ(test, e->objects.count, 0);
	KUNIT_EXPECT_TRUE(test, kapi_image_error_objects_match(img, e,
							       KAPI_OBJ_ANON,
							       KAPI_IMPL_BPF));
	KUNIT_EXPECT_STREQ(test, kapi_image_object_name(name, sizeof(name), 99,
							KAPI_IMPL_ANY), "99:*");

	size = kapi_image_extract(img, s, NULL, 0);
	KUNIT_ASSERT_GT(test, size, 0);
	x = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_ASSERT_EQ(test, kapi_image_extract(img, s, x, size), size);
	KUNIT_ASSERT_EQ(test, kapi_image_validate(x, size, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, kapi_image_count(x, KAPI_TABLE_OBJECTS), 4);
	xs = kapi_image_spec(x, 0);
	for (i = 0; i < s->errors.count; i++) {
		u32 k;

		e = kapi_image_error(img, s, i);
		xe = kapi_image_error(x, xs, i);
		KUNIT_ASSERT_EQ(test, xe->objects.count, e->objects.count);
		for (k = 0; k < e->objects.count; k++) {
			const struct kapi_image_object *a, *b;

			a = kapi_image_error_object(img, e, k);
			b = kapi_image_error_object(x, xe, k);
			KUNIT_EXPECT_EQ(test, a->type, b->type);
			KUNIT_EXPECT_EQ(test, a->impl, b->impl);
		}
	}
}

/*
 * A spec extracted on its own (netlink, debugfs) carries the structs its
 * params point to, with their fields, and nothing else; a spec without
 * one carries none.
 */
static void kapi_image_struct_extract_test(struct kunit *test)
{
	const void *img = kapi_kunit_image_data;
	const struct kapi_image_spec *s, *xs;
	const struct kapi_image_struct *st;
	const struct kapi_image_struct_field *f;
	u32 j;
	ssize_t size;
	void *x;

	KUNIT_ASSERT_EQ(test, kapi_image_validate(img, kapi_kunit_image_size,
						  NULL, 0), 0);
	s = kapi_kunit_spec(test, img, "kapi_kunit_user");
	size = kapi_image_extract(img, s, NULL, 0);
	KUNIT_ASSERT_GT(test, size, 0);
	x = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_ASSERT_EQ(test, kapi_image_extract(img, s, x, size), size);
	KUNIT_ASSERT_EQ(test, kapi_image_validate(x, size, NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, kapi_image_count(x, KAPI_TABLE_STRUCTS), 1);
	KUNIT_EXPECT_EQ(test, kapi_image_count(x, KAPI_TABLE_FIELDS), 2);
	xs = kapi_image_spec(x, 0);
	for (j = 0; j < xs->params.count; j++) {
		u32 want = strcmp(kapi_image_str(x, kapi_image_param(x, xs, j)->name),
				  "st") ? 0 : 1;

		KUNIT_EXPECT_EQ(test, kapi_image_param_struct_id(x, kapi_image_param(x, xs, j)),
				want);
	}
	st = kapi_image_struct(x, 0);
	KUNIT_EXPECT_STREQ(test, kapi_image_str(x, st->name), "iovec");
	KUNIT_EXPECT_EQ(test, st->size.value, (s64)sizeof(struct iovec));
	f = kapi_image_struct_field(x, st, 1);
	KUNIT_EXPECT_STREQ(test, kapi_image_str(x, f->name), "iov_len");
	KUNIT_EXPECT_EQ(test, f->offset.value,
			(s64)offsetof(struct iovec, iov_len));
	KUNIT_EXPECT_EQ(test, f->max.value, (s64)SSIZE_MAX);
	KUNIT_EXPECT_STREQ(test, kapi_image_str(x, f->max.expr), "SSIZE_MAX");

	/* A spec without struct params: no structs. */
	s = kapi_kunit_spec(test, img, "kapi_kunit_numbers");
	size = kapi_image_extract(img, s, NULL, 0);
	KUNIT_ASSERT_GT(test, size, 0);
	x = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_ASSERT_EQ(test, kapi_image_extract(img, s, x, size), size);
	KUNIT_ASSERT_EQ(test, kapi_image_validate(x, size, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, kapi_image_count(x, KAPI_TABLE_STRUCTS), 0);
}

static struct kunit_case kapi_image_test_cases[] = {
	KUNIT_CASE_PARAM(kapi_image_validate_test, kapi_image_gen_params),
	KUNIT_CASE_PARAM(kapi_image_shared_test, kapi_image_bad_gen_params),
	KUNIT_CASE(kapi_image_why_buffer_test),
	KUNIT_CASE(kapi_image_empty_test),
	KUNIT_CASE(kapi_image_content_test),
	KUNIT_CASE(kapi_image_objects_test),
	KUNIT_CASE(kapi_image_struct_extract_test),
	KUNIT_CASE_PARAM(kapi_image_names_test, kapi_name_gen_params),
	{}
};

static struct kunit_suite kapi_image_suite = {
	.name = "kapi_image",
	.test_cases = kapi_image_test_cases,
};

kunit_test_suite(kapi_image_suite);

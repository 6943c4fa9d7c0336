/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The spec image and its model inside kapi.ko: validation of an untrusted
 * image (include/uapi/linux/kapi.h) and accessors for the records and
 * strings of an image that passed validation. This layer does no I/O, takes
 * no locks and allocates nothing; it tells its caller why an image is
 * refused through a message buffer, and the caller decides what to print.
 */
#ifndef KAPI_IMAGE_H
#define KAPI_IMAGE_H

#include <linux/types.h>

#include "uapi/linux/kapi.h"
#include "kapi/image_records.h"

/* Size of the buffer that receives the reason for refusing an image. */
#define KAPI_IMAGE_WHY_LEN 192

/*
 * The kinds of fields of include/kapi/image_records.h. The kinds before
 * %KAPI_FIELD_NUM are 32-bit integers; the others are structures, except
 * %KAPI_FIELD_ENUM16, a 16-bit integer.
 */
enum kapi_image_field_kind {
	KAPI_FIELD_U32,
	KAPI_FIELD_S32,
	KAPI_FIELD_STR,
	KAPI_FIELD_SPEC_NAME,
	KAPI_FIELD_PARAM_NAME,
	KAPI_FIELD_ERROR_NAME,
	KAPI_FIELD_ENUM,
	KAPI_FIELD_BITS,
	KAPI_FIELD_FLAGS,
	KAPI_FIELD_ERRNO,
	KAPI_FIELD_SIZE_PARAM,
	KAPI_FIELD_RESERVED,
	KAPI_FIELD_NUM,
	KAPI_FIELD_NUM32,
	KAPI_FIELD_SLICE,
	KAPI_FIELD_RET,
	KAPI_FIELD_ENUM16,
	KAPI_FIELD_STRUCT_REF,
};

/**
 * struct kapi_image_field - one field of a record
 * @name: its name in messages ("ret.type" for a field of the return)
 * @offset: its byte offset in the record
 * @kind: enum kapi_image_field_kind
 * @arg: the kind's argument: an enumeration's count, the defined bits, the
 *	 table a slice points into, 1 if an errno may be 0
 */
struct kapi_image_field {
	const char *name;
	u16 offset;
	u16 kind;
	u32 arg;
};

/**
 * struct kapi_image_fields - the fields of one record type, in memory order
 * @fields: the fields
 * @count: how many
 */
struct kapi_image_fields {
	const struct kapi_image_field *fields;
	unsigned int count;
};

/**
 * struct kapi_image_table_desc - a table of the format this module knows
 * @name: its name in messages ("specs")
 * @size: the size of its records (1 for the string table)
 */
struct kapi_image_table_desc {
	const char *name;
	size_t size;
};

/* All from include/kapi/image_records.h, indexed by table id. */
extern const struct kapi_image_table_desc kapi_image_tables[KAPI_TABLE_COUNT];
extern const struct kapi_image_fields kapi_image_record_fields[KAPI_TABLE_COUNT];
extern const struct kapi_image_fields kapi_image_ret_fields;

int kapi_image_validate(const void *data, size_t size, char *why,
			size_t why_len);

/* One spec as an image of its own (image_extract.c). */
ssize_t kapi_image_extract(const void *image,
			   const struct kapi_image_spec *spec, void *buf,
			   size_t size);

/*
 * Enumerations and bit sets of the model, for kapi_image_enum_name() and
 * kapi_image_bit_name(): the names renderers print (the UAPI identifiers)
 * and the ranges the validator enforces come from the same tables.
 */
enum kapi_image_enum {
	KAPI_ENUM_KIND,			/* "syscall", "ioctl", "function" */
	KAPI_ENUM_PARAM_TYPE,
	KAPI_ENUM_CONSTRAINT,
	KAPI_ENUM_RETURN_CHECK,
	KAPI_ENUM_LOCK_TYPE,
	KAPI_ENUM_LOCK_SCOPE,
	KAPI_ENUM_SIGNAL_ACTION,
	KAPI_ENUM_SIGNAL_TIMING,
	KAPI_ENUM_CAP_ACTION,
	KAPI_ENUM_OBJECT_TYPE,		/* "*", "reg", ... (kapi/objects.h) */
	KAPI_ENUM_OBJECT_IMPL,		/* "*", "other", "ext4", ... */
	KAPI_ENUM_COUNT
};

enum kapi_image_bits {
	KAPI_BITS_CONTEXT,
	KAPI_BITS_PARAM_FLAGS,
	KAPI_BITS_SIGNAL_DIRECTION,
	KAPI_BITS_SIGNAL_STATE,
	KAPI_BITS_EFFECT,
	KAPI_BITS_COUNT
};

const char *kapi_image_enum_name(enum kapi_image_enum e, u32 value);
const char *kapi_image_bit_name(enum kapi_image_bits b, unsigned int bit);

/* Enough for "TYPE:IMPL" of any two names of include/kapi/objects.h. */
#define KAPI_IMAGE_OBJECT_NAME_LEN 32
const char *kapi_image_object_name(char *buf, size_t size, u32 type, u32 impl);

/*
 * Accessors. They do no checking: use them only on an image that
 * kapi_image_validate() accepted and that nobody changed since, with
 * indexes below the counts of the slices they come from.
 */

static inline const struct kapi_image_header *
kapi_image_header(const void *image)
{
	return image;
}

/* Records of @table; 0 for a table newer than the image (2.0: structs). */
static inline u32 kapi_image_count(const void *image,
				   enum kapi_image_table_id table)
{
	if (table >= kapi_image_header(image)->table_count)
		return 0;
	return kapi_image_header(image)->tables[table].count;
}

/* Record @index of @table; tables may have records larger than ours. */
static inline const void *kapi_image_record(const void *image,
					    enum kapi_image_table_id table,
					    u32 index)
{
	const struct kapi_image_table *t;

	t = &kapi_image_header(image)->tables[table];
	return (const u8 *)image + t->offset + (size_t)index * t->entsize;
}

/* The string at string table offset @offset; offset 0 is "". */
static inline const char *kapi_image_str(const void *image, u32 offset)
{
	return kapi_image_record(image, KAPI_TABLE_STRINGS, offset);
}

static inline u32 kapi_image_spec_count(const void *image)
{
	return kapi_image_count(image, KAPI_TABLE_SPECS);
}

static inline const struct kapi_image_spec *
kapi_image_spec(const void *image, u32 index)
{
	return kapi_image_record(image, KAPI_TABLE_SPECS, index);
}

static inline const char *kapi_image_spec_name(const void *image,
					       const struct kapi_image_spec *s)
{
	return kapi_image_str(image, s->name);
}

/*
 * The ioctl command of a %KAPI_KIND_IOCTL spec. It is an unsigned int; the
 * image keeps its 32 bits in the __s32 of a struct kapi_image_num32.
 */
static inline u32 kapi_image_ioctl_cmd(const struct kapi_image_spec *s)
{
	return (u32)s->ioctl_cmd.value;
}

/* Element @i of @slice, a slice into @table. */
static inline const void *kapi_image_slice_at(const void *image,
					      enum kapi_image_table_id table,
					      const struct kapi_image_slice *slice,
					      u32 i)
{
	return kapi_image_record(image, table, slice->first + i);
}

static inline const struct kapi_image_param *
kapi_image_param(const void *image, const struct kapi_image_spec *s, u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_PARAMS, &s->params, i);
}

static inline const struct kapi_image_num *
kapi_image_param_value(const void *image, const struct kapi_image_param *p,
		       u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_VALUES, &p->values, i);
}

static inline const struct kapi_image_error *
kapi_image_error(const void *image, const struct kapi_image_spec *s, u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_ERRORS, &s->errors, i);
}

static inline const struct kapi_image_lock *
kapi_image_lock(const void *image, const struct kapi_image_spec *s, u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_LOCKS, &s->locks, i);
}

static inline const struct kapi_image_signal *
kapi_image_signal(const void *image, const struct kapi_image_spec *s, u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_SIGNALS, &s->signals, i);
}

static inline const struct kapi_image_effect *
kapi_image_effect(const void *image, const struct kapi_image_spec *s, u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_EFFECTS, &s->effects, i);
}

static inline const struct kapi_image_transition *
kapi_image_transition(const void *image, const struct kapi_image_spec *s,
		      u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_TRANSITIONS,
				   &s->transitions, i);
}

static inline const struct kapi_image_cap *
kapi_image_cap(const void *image, const struct kapi_image_spec *s, u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_CAPS, &s->caps, i);
}

static inline const struct kapi_image_constraint *
kapi_image_constraint(const void *image, const struct kapi_image_spec *s,
		      u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_CONSTRAINTS,
				   &s->constraints, i);
}

/*
 * kapi_image_error_object() - selector @i of error @e, below
 * @e->objects.count. An error without selectors (count 0) applies to every
 * object; a selector's type or impl %KAPI_OBJ_ANY / %KAPI_IMPL_ANY matches
 * every value of that coordinate, and the validator guarantees that no
 * selector has both.
 */
static inline const struct kapi_image_object *
kapi_image_error_object(const void *image, const struct kapi_image_error *e,
			u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_OBJECTS, &e->objects, i);
}

/*
 * kapi_image_error_objects_match() - whether error @e of a validated image
 * is documented for an object of type @type (enum kapi_object_type) and
 * implementation @impl (enum kapi_object_impl): it has no selectors, or
 * one of them matches both coordinates.
 */
static inline bool
kapi_image_error_objects_match(const void *image,
			       const struct kapi_image_error *e,
			       u16 type, u16 impl)
{
	u32 i;

	if (!e->objects.count)
		return true;
	for (i = 0; i < e->objects.count; i++) {
		const struct kapi_image_object *o;

		o = kapi_image_error_object(image, e, i);
		if ((o->type == KAPI_OBJ_ANY || o->type == type) &&
		    (o->impl == KAPI_IMPL_ANY || o->impl == impl))
			return true;
	}
	return false;
}

/*
 * kapi_image_error_name() - the name of error code @code for @spec: the
 * name of the spec's own error record with that code, else NULL.
 */
static inline const char *
kapi_image_error_name(const void *image, const struct kapi_image_spec *s,
		      s32 code)
{
	u32 i;

	for (i = 0; i < s->errors.count; i++) {
		const struct kapi_image_error *e = kapi_image_error(image, s, i);

		if (e->code == code)
			return kapi_image_str(image, e->name);
	}
	return NULL;
}

/*
 * The fields format 2.1 appended to the param record, which a 2.0 image's
 * records end before: such a param points to no struct.
 */
static inline bool kapi_image_params_have_structs(const void *image)
{
	return kapi_image_header(image)->tables[KAPI_TABLE_PARAMS].entsize >=
	       sizeof(struct kapi_image_param);
}

/* 1 + the struct @p points to (or is an array of), or 0 for none. */
static inline u32 kapi_image_param_struct_id(const void *image,
					     const struct kapi_image_param *p)
{
	return kapi_image_params_have_structs(image) ? p->struct_id : 0;
}

static inline const struct kapi_image_struct *
kapi_image_struct(const void *image, u32 index)
{
	return kapi_image_record(image, KAPI_TABLE_STRUCTS, index);
}

static inline const struct kapi_image_struct_field *
kapi_image_struct_field(const void *image, const struct kapi_image_struct *st,
			u32 i)
{
	return kapi_image_slice_at(image, KAPI_TABLE_FIELDS, &st->fields, i);
}

#endif /* KAPI_IMAGE_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Malformed spec images, one table for every validator of the format:
 * kapi.ko's (KUnit, kunit/image_test.c) and libkapi's decoder (GoogleTest,
 * userspace/tests/image_test.cpp). Each case takes a valid image that has
 * at least one record in every table, writes one value into it, and says
 * how kapi.ko refuses the result: the errno, and the reason exactly as
 * kapi_image_validate() writes it. Records are addressed as record 0 of
 * their table, so the reasons do not depend on the base image; libkapi
 * words its own messages, and must refuse with the same errno.
 *
 * Kernel code gets the cases as kapi_image_bad_cases[] and writes one into
 * an image with kapi_image_bad_apply(); C++ expands the list itself.
 *
 * KAPI_IMAGE_BAD_CASES is an X-macro without arguments: define
 * KAPI_IMAGE_BAD(what, err, at, table, offset, width, value, reason),
 * expand the list (a braced initializer list) and undefine it again.
 *   what    the case's name
 *   err     the negative errno kapi.ko returns
 *   at      where the value goes: KAPI_BAD_AT_HEADER (@offset into the
 *           header), KAPI_BAD_AT_TABLE (@offset into the header's
 *           descriptor of table @table), KAPI_BAD_AT_RECORD (@offset into
 *           record 0 of table @table)
 *   width   2 or 4 bytes, little-endian
 *   value   the value written (its low @width bytes)
 *   reason  kapi.ko's reason for refusing the image
 */
#ifndef _KAPI_IMAGE_BAD_CASES_H
#define _KAPI_IMAGE_BAD_CASES_H

#define KAPI_BAD_AT_HEADER 0
#define KAPI_BAD_AT_TABLE 1
#define KAPI_BAD_AT_RECORD 2

#define KAPI_BAD_HDR(f) offsetof(struct kapi_image_header, f)
#define KAPI_BAD_TAB(f) offsetof(struct kapi_image_table, f)

#define KAPI_IMAGE_BAD_CASES {						\
	KAPI_IMAGE_BAD("bad magic", -ENOEXEC, KAPI_BAD_AT_HEADER, 0,	\
		       KAPI_BAD_HDR(magic), 4, 0x464c457f,		\
		       "header, field magic: 0x464c457f is not a spec image (0x4950414b)") \
	KAPI_IMAGE_BAD("newer major version", -EOPNOTSUPP,		\
		       KAPI_BAD_AT_HEADER, 0, KAPI_BAD_HDR(version_major), \
		       2, 3,						\
		       "header, field version_major: format 3.1 is not supported (major 2)") \
	KAPI_IMAGE_BAD("format 1 image", -EOPNOTSUPP,			\
		       KAPI_BAD_AT_HEADER, 0, KAPI_BAD_HDR(version_major), \
		       2, 1,						\
		       "header, field version_major: format 1.1 is older than " \
		       "this module's 2.x: rebuild the image with a matching kapi-gen") \
	KAPI_IMAGE_BAD("header flags", -EBADMSG, KAPI_BAD_AT_HEADER, 0,	\
		       KAPI_BAD_HDR(flags), 4, 0x80,			\
		       "header, field flags: 0x80, must be 0")		\
	KAPI_IMAGE_BAD("header reserved", -EBADMSG, KAPI_BAD_AT_HEADER,	\
		       0, KAPI_BAD_HDR(reserved), 4, 5,			\
		       "header, field reserved: is 5, must be 0")	\
	KAPI_IMAGE_BAD("too few tables", -EBADMSG, KAPI_BAD_AT_HEADER,	\
		       0, KAPI_BAD_HDR(table_count), 2, 11,		\
		       "header, field table_count: 11, fewer than the 12 tables of format 2") \
	KAPI_IMAGE_BAD("misaligned header size", -EBADMSG,		\
		       KAPI_BAD_AT_HEADER, 0, KAPI_BAD_HDR(header_size),	\
		       2, 252,						\
		       "header, field header_size: 252, must be a multiple " \
		       "of 8 and at least 248 for 14 tables")		\
	KAPI_IMAGE_BAD("header too small for its tables", -EBADMSG,	\
		       KAPI_BAD_AT_HEADER, 0, KAPI_BAD_HDR(header_size),	\
		       2, 240,						\
		       "header, field header_size: 240, must be a multiple " \
		       "of 8 and at least 248 for 14 tables")		\
	KAPI_IMAGE_BAD("table reserved", -EBADMSG, KAPI_BAD_AT_TABLE,	\
		       KAPI_TABLE_PARAMS, KAPI_BAD_TAB(reserved), 4, 1,	\
		       "tables[1] (params), field reserved: is 1, must be 0") \
	KAPI_IMAGE_BAD("entsize below the record size", -EBADMSG,	\
		       KAPI_BAD_AT_TABLE, KAPI_TABLE_SPECS,		\
		       KAPI_BAD_TAB(entsize), 4, 160,			\
		       "tables[0] (specs), field entsize: 160, must be a " \
		       "multiple of 8 and at least 168")		\
	KAPI_IMAGE_BAD("entsize not a multiple of 8", -EBADMSG,		\
		       KAPI_BAD_AT_TABLE, KAPI_TABLE_PARAMS,		\
		       KAPI_BAD_TAB(entsize), 4, 140,			\
		       "tables[1] (params), field entsize: 140, must be a " \
		       "multiple of 8 and at least 136")		\
	KAPI_IMAGE_BAD("string entsize not 1", -EBADMSG,		\
		       KAPI_BAD_AT_TABLE, KAPI_TABLE_STRINGS,		\
		       KAPI_BAD_TAB(entsize), 4, 2,			\
		       "tables[11] (strings), field entsize: 2, must be 1") \
	KAPI_IMAGE_BAD("table inside the header", -EBADMSG,		\
		       KAPI_BAD_AT_TABLE, KAPI_TABLE_SPECS,		\
		       KAPI_BAD_TAB(offset), 4, 0,			\
		       "tables[0] (specs), field offset: 0 is inside the header (248 bytes)") \
	KAPI_IMAGE_BAD("empty spec name", -EBADMSG, KAPI_BAD_AT_RECORD,	\
		       KAPI_TABLE_SPECS,				\
		       offsetof(struct kapi_image_spec, name), 4, 0,	\
		       "specs[0], field name: is empty")		\
	KAPI_IMAGE_BAD("empty parameter name", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, name), 4, 0,	\
		       "params[0], field name: is empty or longer than 127 bytes") \
	KAPI_IMAGE_BAD("parameter type out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, type), 4, 13,	\
		       "params[0], field type: value 13 is out of range (0..12)") \
	KAPI_IMAGE_BAD("constraint out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, constraint), 4, 15, \
		       "params[0], field constraint: value 15 is out of range (0..14)") \
	KAPI_IMAGE_BAD("undefined parameter flag", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, flags), 4, 0x4,	\
		       "params[0], field flags: 0x4 sets bit 2, which has no meaning") \
	KAPI_IMAGE_BAD("size parameter below -1", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, size_param), 4,	\
		       0xfffffffe,					\
		       "params[0], field size_param: -2, must be -1 or a parameter index") \
	KAPI_IMAGE_BAD("parameter number reserved", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, max) +		\
		       offsetof(struct kapi_image_num, reserved), 4, 3,	\
		       "params[0], field max.reserved: is 3, must be 0")	\
	KAPI_IMAGE_BAD("positive violation error", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, violation_error), \
		       4, 6,						\
		       "params[0], field violation_error: 6 is not a "	\
		       "negative error code (-4095..-1) or 0")		\
	KAPI_IMAGE_BAD("parameter order bits", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_PARAMS,		\
		       offsetof(struct kapi_image_param, order), 4, 0x100000, \
		       "params[0], field order: 0x100000 sets unknown bits 0x100000") \
	KAPI_IMAGE_BAD("positive error code", -EBADMSG,			\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_ERRORS,		\
		       offsetof(struct kapi_image_error, code), 4, 6,	\
		       "errors[0], field code: 6 is not a negative error code (-4095..-1)") \
	KAPI_IMAGE_BAD("zero error code", -EBADMSG, KAPI_BAD_AT_RECORD,	\
		       KAPI_TABLE_ERRORS,				\
		       offsetof(struct kapi_image_error, code), 4, 0,	\
		       "errors[0], field code: 0 is not a negative error code (-4095..-1)") \
	KAPI_IMAGE_BAD("error code below -MAX_ERRNO", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_ERRORS,		\
		       offsetof(struct kapi_image_error, code), 4,	\
		       0xfffff000,					\
		       "errors[0], field code: -4096 is not a negative error code (-4095..-1)") \
	KAPI_IMAGE_BAD("empty error name", -EBADMSG, KAPI_BAD_AT_RECORD,	\
		       KAPI_TABLE_ERRORS,				\
		       offsetof(struct kapi_image_error, name), 4, 0,	\
		       "errors[0], field name: \"\" is not an error name (E[A-Z0-9_]+)") \
	KAPI_IMAGE_BAD("lock type out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_LOCKS,		\
		       offsetof(struct kapi_image_lock, type), 4, 8,	\
		       "locks[0], field type: value 8 is out of range (0..7)") \
	KAPI_IMAGE_BAD("lock scope out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_LOCKS,		\
		       offsetof(struct kapi_image_lock, scope), 4, 4,	\
		       "locks[0], field scope: value 4 is out of range (0..3)") \
	KAPI_IMAGE_BAD("signal action out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_SIGNALS,		\
		       offsetof(struct kapi_image_signal, action), 4, 11,	\
		       "signals[0], field action: value 11 is out of range (0..10)") \
	KAPI_IMAGE_BAD("signal timing out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_SIGNALS,		\
		       offsetof(struct kapi_image_signal, timing), 4, 6,	\
		       "signals[0], field timing: value 6 is out of range (0..5)") \
	KAPI_IMAGE_BAD("undefined signal direction", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_SIGNALS,		\
		       offsetof(struct kapi_image_signal, direction), 4,	\
		       0x20,						\
		       "signals[0], field direction: 0x20 sets bit 5, which has no meaning") \
	KAPI_IMAGE_BAD("undefined signal state", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_SIGNALS,		\
		       offsetof(struct kapi_image_signal, state_forbidden), \
		       4, 0x40,						\
		       "signals[0], field state_forbidden: 0x40 sets bit 6, which has no meaning") \
	KAPI_IMAGE_BAD("unknown signal flags", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_SIGNALS,		\
		       offsetof(struct kapi_image_signal, flags), 4, 4,	\
		       "signals[0], field flags: 0x4 sets unknown bits 0x4") \
	KAPI_IMAGE_BAD("positive signal error", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_SIGNALS,		\
		       offsetof(struct kapi_image_signal, error), 4, 4,	\
		       "signals[0], field error: 4 is not a negative error code (-4095..-1) or 0") \
	KAPI_IMAGE_BAD("undefined side-effect type", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_EFFECTS,		\
		       offsetof(struct kapi_image_effect, type), 4, 0x8000, \
		       "effects[0], field type: 0x8000 sets bit 15, which has no meaning") \
	KAPI_IMAGE_BAD("side-effect reserved", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_EFFECTS,		\
		       offsetof(struct kapi_image_effect, reserved), 4, 2,	\
		       "effects[0], field reserved: is 2, must be 0")	\
	KAPI_IMAGE_BAD("capability action out of range", -EBADMSG,	\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_CAPS,		\
		       offsetof(struct kapi_image_cap, action), 4, 7,	\
		       "caps[0], field action: value 7 is out of range (0..6)") \
	KAPI_IMAGE_BAD("constraint reserved", -EBADMSG,			\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_CONSTRAINTS,	\
		       offsetof(struct kapi_image_constraint, reserved), 4, \
		       1,						\
		       "constraints[0], field reserved: is 1, must be 0") \
	KAPI_IMAGE_BAD("enum value reserved", -EBADMSG,			\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_VALUES,		\
		       offsetof(struct kapi_image_num, reserved), 4, 1,	\
		       "values[0], field value.reserved: is 1, must be 0") \
	KAPI_IMAGE_BAD("object type out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_OBJECTS,		\
		       offsetof(struct kapi_image_object, type), 2,	\
		       KAPI_OBJ_TYPE_COUNT,				\
		       "objects[0], field type: value 9 is out of range (0..8)") \
	KAPI_IMAGE_BAD("object impl out of range", -EBADMSG,		\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_OBJECTS,		\
		       offsetof(struct kapi_image_object, impl), 2, 0xffff, \
		       "objects[0], field impl: value 65535 is out of range (0..57)") \
	KAPI_IMAGE_BAD("object reserved", -EBADMSG,			\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_OBJECTS,		\
		       offsetof(struct kapi_image_object, reserved), 4, 1, \
		       "objects[0], field reserved: is 1, must be 0")	\
	KAPI_IMAGE_BAD("object selector *:*", -EBADMSG,			\
		       KAPI_BAD_AT_RECORD, KAPI_TABLE_OBJECTS,		\
		       offsetof(struct kapi_image_object, type), 4, 0,	\
		       "objects[0]: selector *:* (every object): an error " \
		       "for every object has no selectors")		\
}

#ifdef __KERNEL__
#include <linux/string.h>
#include <linux/types.h>
#include "uapi/linux/kapi.h"

/* One case of KAPI_IMAGE_BAD_CASES, for kapi's kernel-side tests. */
struct kapi_image_bad_case {
	const char *what;
	int err;
	u8 at;
	u8 table;
	u16 offset;
	u8 width;
	u32 value;
	const char *reason;
};

#define KAPI_IMAGE_BAD(what, err, at, table, offset, width, value, reason) \
	{ what, err, at, table, offset, width, value, reason },
static const struct kapi_image_bad_case kapi_image_bad_cases[] =
	KAPI_IMAGE_BAD_CASES;
#undef KAPI_IMAGE_BAD

/**
 * kapi_image_bad_apply() - write a case's value into an image
 * @img: a valid image whose every table has at least one record
 * @c: the case
 *
 * Every address is taken from @img, the whole image: the value lands past
 * the header for table and record cases, which a pointer to the header
 * struct would make a field-spanning write to FORTIFY_SOURCE. Images are
 * little-endian, like every target of kapi.
 */
static inline void kapi_image_bad_apply(void *img,
					const struct kapi_image_bad_case *c)
{
	const struct kapi_image_header *h = img;
	u8 *at = (u8 *)img + c->offset;
	u16 v16 = c->value;

	if (c->at == KAPI_BAD_AT_TABLE)
		at += offsetof(struct kapi_image_header, tables) +
		      c->table * sizeof(h->tables[0]);
	else if (c->at == KAPI_BAD_AT_RECORD)
		at += h->tables[c->table].offset;
	if (c->width == 2)
		memcpy(at, &v16, sizeof(v16));
	else
		memcpy(at, &c->value, sizeof(c->value));
}
#endif /* __KERNEL__ */

#endif /* _KAPI_IMAGE_BAD_CASES_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The records of the spec image (include/uapi/linux/kapi.h), described once
 * for every reader and writer: kapi.ko's validator (module/image.c) and
 * extractor (module/image_extract.c), and libkapi's codec
 * (userspace/lib/image.cpp) in C++. Each list names every field of one
 * record in memory order with what it holds, so that "which fields are
 * strings", "which are enumerations and how many values they have" and
 * "how large is each record" are answered here and nowhere else.
 *
 * The lists are X-macros without arguments: a user defines the macro a list
 * calls, expands the list (a braced initializer list or block) and
 * undefines the macro again.
 *
 * KAPI_IMAGE_TABLES calls KAPI_IMAGE_T(name, type) for each table, in table
 * id order: its name in messages and the record type (char for the string
 * table).
 *
 * KAPI_IMAGE_<RECORD>_FIELDS calls KAPI_IMAGE_F(kind, field, arg) for each
 * field of the record, where kind is
 *   STR         a string offset
 *   SPEC_NAME   a string offset, a spec name ([A-Za-z0-9_][A-Za-z0-9_.-]*,
 *               1..KAPI_IMAGE_MAX_NAME - 1 bytes)
 *   PARAM_NAME  a string offset, 1..KAPI_IMAGE_MAX_NAME - 1 bytes
 *   ERROR_NAME  a string offset, an errno name (E[A-Z0-9_]+)
 *   NUM         a struct kapi_image_num (expression string, reserved)
 *   NUM32       a struct kapi_image_num32 (expression string)
 *   ENUM        a value below arg (the enumeration's _COUNT)
 *   ENUM16      a 16-bit value below arg (the enumeration's _COUNT)
 *   BITS        a bit set whose defined bits are arg (a named bit each)
 *   FLAGS       a bit set whose known bits are arg
 *   ERRNO       a negative errno, or 0 if arg is 1
 *   SIZE_PARAM  -1 or a parameter index of the same spec
 *   STRUCT_REF  0 (none) or 1 + a record index of the structs table
 *   SLICE       a struct kapi_image_slice into table arg
 *   RET         the struct kapi_image_return (KAPI_IMAGE_RETURN_FIELDS)
 *   RESERVED    reserved, 0 (a newer minor version may use it)
 *   U32, S32    a number with no rule
 * Every kind is 32 bits wide or a structure, except ENUM16 (16 bits).
 * The order of a list is the order of the checks, too: the first field at
 * fault is the one reported.
 */
#ifndef _KAPI_IMAGE_RECORDS_H
#define _KAPI_IMAGE_RECORDS_H

#define KAPI_IMAGE_TABLES {						\
	KAPI_IMAGE_T("specs", struct kapi_image_spec)			\
	KAPI_IMAGE_T("params", struct kapi_image_param)			\
	KAPI_IMAGE_T("errors", struct kapi_image_error)			\
	KAPI_IMAGE_T("locks", struct kapi_image_lock)			\
	KAPI_IMAGE_T("signals", struct kapi_image_signal)		\
	KAPI_IMAGE_T("effects", struct kapi_image_effect)		\
	KAPI_IMAGE_T("transitions", struct kapi_image_transition)	\
	KAPI_IMAGE_T("caps", struct kapi_image_cap)			\
	KAPI_IMAGE_T("constraints", struct kapi_image_constraint)	\
	KAPI_IMAGE_T("values", struct kapi_image_num)			\
	KAPI_IMAGE_T("objects", struct kapi_image_object)		\
	KAPI_IMAGE_T("strings", char)					\
	KAPI_IMAGE_T("structs", struct kapi_image_struct)		\
	KAPI_IMAGE_T("fields", struct kapi_image_struct_field)		\
}

#define KAPI_IMAGE_RETURN_FIELDS {					\
	KAPI_IMAGE_F(STR, type_name, 0)					\
	KAPI_IMAGE_F(ENUM, type, KAPI_TYPE_COUNT)			\
	KAPI_IMAGE_F(ENUM, check, KAPI_RETURN_COUNT)			\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(NUM, success_min, 0)				\
	KAPI_IMAGE_F(NUM, success_max, 0)				\
}

#define KAPI_IMAGE_SPEC_FIELDS {					\
	KAPI_IMAGE_F(SPEC_NAME, name, 0)				\
	KAPI_IMAGE_F(ENUM, kind, KAPI_KIND_COUNT)			\
	KAPI_IMAGE_F(STR, summary, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(BITS, context, KAPI_CTX_ALL)			\
	KAPI_IMAGE_F(FLAGS, flags, KAPI_SPEC_DEPRECATED)		\
	KAPI_IMAGE_F(STR, since, 0)					\
	KAPI_IMAGE_F(STR, replacement, 0)				\
	KAPI_IMAGE_F(STR, examples, 0)					\
	KAPI_IMAGE_F(STR, notes, 0)					\
	KAPI_IMAGE_F(STR, source_file, 0)				\
	KAPI_IMAGE_F(U32, source_line, 0)				\
	KAPI_IMAGE_F(NUM32, ioctl_cmd, 0)				\
	KAPI_IMAGE_F(SLICE, params, KAPI_TABLE_PARAMS)			\
	KAPI_IMAGE_F(SLICE, errors, KAPI_TABLE_ERRORS)			\
	KAPI_IMAGE_F(SLICE, locks, KAPI_TABLE_LOCKS)			\
	KAPI_IMAGE_F(SLICE, signals, KAPI_TABLE_SIGNALS)		\
	KAPI_IMAGE_F(SLICE, effects, KAPI_TABLE_EFFECTS)		\
	KAPI_IMAGE_F(SLICE, transitions, KAPI_TABLE_TRANSITIONS)	\
	KAPI_IMAGE_F(SLICE, caps, KAPI_TABLE_CAPS)			\
	KAPI_IMAGE_F(SLICE, constraints, KAPI_TABLE_CONSTRAINTS)	\
	KAPI_IMAGE_F(RET, ret, 0)					\
}

#define KAPI_IMAGE_PARAM_FIELDS {					\
	KAPI_IMAGE_F(PARAM_NAME, name, 0)				\
	KAPI_IMAGE_F(STR, type_name, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(STR, constraint_text, 0)				\
	KAPI_IMAGE_F(ENUM, type, KAPI_TYPE_COUNT)			\
	KAPI_IMAGE_F(BITS, flags, KAPI_PARAM_FLAGS_ALL)			\
	KAPI_IMAGE_F(ENUM, constraint, KAPI_CONSTRAINT_COUNT)		\
	KAPI_IMAGE_F(SIZE_PARAM, size_param, 0)				\
	KAPI_IMAGE_F(NUM, size, 0)					\
	KAPI_IMAGE_F(NUM, size_mult, 0)					\
	KAPI_IMAGE_F(NUM32, alignment, 0)				\
	KAPI_IMAGE_F(NUM, min, 0)					\
	KAPI_IMAGE_F(NUM, max, 0)					\
	KAPI_IMAGE_F(NUM, mask, 0)					\
	KAPI_IMAGE_F(SLICE, values, KAPI_TABLE_VALUES)			\
	KAPI_IMAGE_F(ERRNO, violation_error, 1)				\
	KAPI_IMAGE_F(FLAGS, order, KAPI_PARAM_ORDER_ALL)		\
	KAPI_IMAGE_F(STRUCT_REF, struct_id, 0)				\
	KAPI_IMAGE_F(SIZE_PARAM, count_param, 0)			\
	KAPI_IMAGE_F(NUM, max_count, 0)					\
}

#define KAPI_IMAGE_ERROR_FIELDS {					\
	KAPI_IMAGE_F(ERRNO, code, 0)					\
	KAPI_IMAGE_F(ERROR_NAME, name, 0)				\
	KAPI_IMAGE_F(STR, condition, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(SLICE, objects, KAPI_TABLE_OBJECTS)		\
}

/*
 * An error's object selector. Beyond its fields, kapi.ko refuses a
 * selector of every type and every implementation ("*:*": an error
 * without selectors says that) and the same selector twice in one error.
 */
#define KAPI_IMAGE_OBJECT_FIELDS {					\
	KAPI_IMAGE_F(ENUM16, type, KAPI_OBJ_TYPE_COUNT)			\
	KAPI_IMAGE_F(ENUM16, impl, KAPI_IMPL_COUNT)			\
	KAPI_IMAGE_F(RESERVED, reserved, 0)				\
}

#define KAPI_IMAGE_LOCK_FIELDS {					\
	KAPI_IMAGE_F(STR, name, 0)					\
	KAPI_IMAGE_F(ENUM, type, KAPI_LOCK_COUNT)			\
	KAPI_IMAGE_F(ENUM, scope, KAPI_LOCK_SCOPE_COUNT)		\
	KAPI_IMAGE_F(STR, description, 0)				\
}

#define KAPI_IMAGE_SIGNAL_FIELDS {					\
	KAPI_IMAGE_F(NUM32, number, 0)					\
	KAPI_IMAGE_F(STR, name, 0)					\
	KAPI_IMAGE_F(BITS, direction, KAPI_SIGNAL_DIRECTION_ALL)	\
	KAPI_IMAGE_F(ENUM, action, KAPI_SIGNAL_ACTION_COUNT)		\
	KAPI_IMAGE_F(ENUM, timing, KAPI_SIGNAL_TIME_COUNT)		\
	KAPI_IMAGE_F(FLAGS, flags, KAPI_SIGNAL_RESTARTABLE | KAPI_SIGNAL_INTERRUPTIBLE) \
	KAPI_IMAGE_F(ERRNO, error, 1)					\
	KAPI_IMAGE_F(STR, target, 0)					\
	KAPI_IMAGE_F(STR, condition, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(U32, priority, 0)					\
	KAPI_IMAGE_F(U32, sa_flags_required, 0)				\
	KAPI_IMAGE_F(U32, sa_flags_forbidden, 0)			\
	KAPI_IMAGE_F(S32, transform_to, 0)				\
	KAPI_IMAGE_F(BITS, state_required, KAPI_SIGNAL_STATE_ALL)	\
	KAPI_IMAGE_F(BITS, state_forbidden, KAPI_SIGNAL_STATE_ALL)	\
	KAPI_IMAGE_F(STR, queue, 0)					\
}

#define KAPI_IMAGE_EFFECT_FIELDS {					\
	KAPI_IMAGE_F(BITS, type, KAPI_EFFECT_ALL)			\
	KAPI_IMAGE_F(FLAGS, flags, KAPI_EFFECT_REVERSIBLE)		\
	KAPI_IMAGE_F(STR, target, 0)					\
	KAPI_IMAGE_F(STR, condition, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(RESERVED, reserved, 0)				\
}

#define KAPI_IMAGE_TRANSITION_FIELDS {					\
	KAPI_IMAGE_F(STR, object, 0)					\
	KAPI_IMAGE_F(STR, from, 0)					\
	KAPI_IMAGE_F(STR, to, 0)					\
	KAPI_IMAGE_F(STR, condition, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(RESERVED, reserved, 0)				\
}

#define KAPI_IMAGE_CAP_FIELDS {						\
	KAPI_IMAGE_F(NUM32, cap, 0)					\
	KAPI_IMAGE_F(STR, name, 0)					\
	KAPI_IMAGE_F(ENUM, action, KAPI_CAP_COUNT)			\
	KAPI_IMAGE_F(STR, allows, 0)					\
	KAPI_IMAGE_F(STR, without, 0)					\
	KAPI_IMAGE_F(STR, condition, 0)					\
	KAPI_IMAGE_F(U32, priority, 0)					\
}

#define KAPI_IMAGE_CONSTRAINT_FIELDS {					\
	KAPI_IMAGE_F(STR, name, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(STR, expr, 0)					\
	KAPI_IMAGE_F(RESERVED, reserved, 0)				\
}

/*
 * A struct (format 2.1). Beyond its fields, kapi.ko refuses two fields of
 * one struct with the same name and a field whose offset + size exceeds
 * the struct's size.
 */
#define KAPI_IMAGE_STRUCT_FIELDS {					\
	KAPI_IMAGE_F(PARAM_NAME, name, 0)				\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(NUM, size, 0)					\
	KAPI_IMAGE_F(NUM32, alignment, 0)				\
	KAPI_IMAGE_F(SLICE, fields, KAPI_TABLE_FIELDS)			\
}

#define KAPI_IMAGE_STRUCT_FIELD_FIELDS {				\
	KAPI_IMAGE_F(PARAM_NAME, name, 0)				\
	KAPI_IMAGE_F(STR, type_name, 0)					\
	KAPI_IMAGE_F(STR, description, 0)				\
	KAPI_IMAGE_F(ENUM, type, KAPI_TYPE_COUNT)			\
	KAPI_IMAGE_F(BITS, flags, KAPI_PARAM_FLAGS_ALL)			\
	KAPI_IMAGE_F(ENUM, constraint, KAPI_CONSTRAINT_COUNT)		\
	KAPI_IMAGE_F(NUM, offset, 0)					\
	KAPI_IMAGE_F(NUM, size, 0)					\
	KAPI_IMAGE_F(NUM, min, 0)					\
	KAPI_IMAGE_F(NUM, max, 0)					\
	KAPI_IMAGE_F(NUM, mask, 0)					\
	KAPI_IMAGE_F(SLICE, values, KAPI_TABLE_VALUES)			\
	KAPI_IMAGE_F(ERRNO, violation_error, 1)				\
	KAPI_IMAGE_F(RESERVED, reserved, 0)				\
}

#endif /* _KAPI_IMAGE_RECORDS_H */

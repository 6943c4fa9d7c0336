// SPDX-License-Identifier: GPL-2.0
/*
 * Validation of spec images and the names of the model's enumerations. An
 * image is input like any other, even when a module hands it over: before
 * anything reads a record, kapi_image_validate() checks every byte the
 * accessors in image.h will touch (bounds with overflow-safe arithmetic,
 * alignment, string offsets, slices, enumeration ranges, bit sets, reserved
 * fields, names), so that nothing a bad image contains can make a reader
 * step outside it. No I/O, no locks, no allocation: the reason for a refusal
 * goes into the caller's buffer, naming the record and the field.
 */
#include <linux/bitops.h>
#include <linux/build_bug.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include "image.h"
#include "kapi.h"
#include "kapi/objects.h"

#ifdef __BIG_ENDIAN
#error "kapi: spec images are little-endian and this target is not"
#endif

struct kapi_names {
	const char *const *names;
	unsigned int count;
};

static const char *const kapi_kind_names[] = {
	[KAPI_KIND_SYSCALL] = "syscall",
	[KAPI_KIND_IOCTL] = "ioctl",
	[KAPI_KIND_FUNCTION] = "function",
};

static const char *const kapi_type_names[] = {
	[KAPI_TYPE_VOID] = "KAPI_TYPE_VOID",
	[KAPI_TYPE_INT] = "KAPI_TYPE_INT",
	[KAPI_TYPE_UINT] = "KAPI_TYPE_UINT",
	[KAPI_TYPE_PTR] = "KAPI_TYPE_PTR",
	[KAPI_TYPE_STRUCT] = "KAPI_TYPE_STRUCT",
	[KAPI_TYPE_UNION] = "KAPI_TYPE_UNION",
	[KAPI_TYPE_ENUM] = "KAPI_TYPE_ENUM",
	[KAPI_TYPE_FUNC_PTR] = "KAPI_TYPE_FUNC_PTR",
	[KAPI_TYPE_ARRAY] = "KAPI_TYPE_ARRAY",
	[KAPI_TYPE_FD] = "KAPI_TYPE_FD",
	[KAPI_TYPE_USER_PTR] = "KAPI_TYPE_USER_PTR",
	[KAPI_TYPE_PATH] = "KAPI_TYPE_PATH",
	[KAPI_TYPE_CUSTOM] = "KAPI_TYPE_CUSTOM",
};

static const char *const kapi_constraint_names[] = {
	[KAPI_CONSTRAINT_NONE] = "KAPI_CONSTRAINT_NONE",
	[KAPI_CONSTRAINT_RANGE] = "KAPI_CONSTRAINT_RANGE",
	[KAPI_CONSTRAINT_MASK] = "KAPI_CONSTRAINT_MASK",
	[KAPI_CONSTRAINT_ENUM] = "KAPI_CONSTRAINT_ENUM",
	[KAPI_CONSTRAINT_ALIGNMENT] = "KAPI_CONSTRAINT_ALIGNMENT",
	[KAPI_CONSTRAINT_POWER_OF_TWO] = "KAPI_CONSTRAINT_POWER_OF_TWO",
	[KAPI_CONSTRAINT_PAGE_ALIGNED] = "KAPI_CONSTRAINT_PAGE_ALIGNED",
	[KAPI_CONSTRAINT_NONZERO] = "KAPI_CONSTRAINT_NONZERO",
	[KAPI_CONSTRAINT_USER_STRING] = "KAPI_CONSTRAINT_USER_STRING",
	[KAPI_CONSTRAINT_USER_PATH] = "KAPI_CONSTRAINT_USER_PATH",
	[KAPI_CONSTRAINT_USER_PTR] = "KAPI_CONSTRAINT_USER_PTR",
	[KAPI_CONSTRAINT_BUFFER] = "KAPI_CONSTRAINT_BUFFER",
	[KAPI_CONSTRAINT_CUSTOM] = "KAPI_CONSTRAINT_CUSTOM",
	[KAPI_CONSTRAINT_FD] = "KAPI_CONSTRAINT_FD",
	[KAPI_CONSTRAINT_OPEN_FLAGS] = "KAPI_CONSTRAINT_OPEN_FLAGS",
};

static const char *const kapi_return_names[] = {
	[KAPI_RETURN_EXACT] = "KAPI_RETURN_EXACT",
	[KAPI_RETURN_RANGE] = "KAPI_RETURN_RANGE",
	[KAPI_RETURN_ERROR_CHECK] = "KAPI_RETURN_ERROR_CHECK",
	[KAPI_RETURN_FD] = "KAPI_RETURN_FD",
	[KAPI_RETURN_CUSTOM] = "KAPI_RETURN_CUSTOM",
	[KAPI_RETURN_NO_RETURN] = "KAPI_RETURN_NO_RETURN",
};

static const char *const kapi_lock_type_names[] = {
	[KAPI_LOCK_NONE] = "KAPI_LOCK_NONE",
	[KAPI_LOCK_MUTEX] = "KAPI_LOCK_MUTEX",
	[KAPI_LOCK_SPINLOCK] = "KAPI_LOCK_SPINLOCK",
	[KAPI_LOCK_RWLOCK] = "KAPI_LOCK_RWLOCK",
	[KAPI_LOCK_SEQLOCK] = "KAPI_LOCK_SEQLOCK",
	[KAPI_LOCK_RCU] = "KAPI_LOCK_RCU",
	[KAPI_LOCK_SEMAPHORE] = "KAPI_LOCK_SEMAPHORE",
	[KAPI_LOCK_CUSTOM] = "KAPI_LOCK_CUSTOM",
};

static const char *const kapi_lock_scope_names[] = {
	[KAPI_LOCK_INTERNAL] = "KAPI_LOCK_INTERNAL",
	[KAPI_LOCK_ACQUIRES] = "KAPI_LOCK_ACQUIRES",
	[KAPI_LOCK_RELEASES] = "KAPI_LOCK_RELEASES",
	[KAPI_LOCK_CALLER_HELD] = "KAPI_LOCK_CALLER_HELD",
};

static const char *const kapi_signal_action_names[] = {
	[KAPI_SIGNAL_ACTION_DEFAULT] = "KAPI_SIGNAL_ACTION_DEFAULT",
	[KAPI_SIGNAL_ACTION_TERMINATE] = "KAPI_SIGNAL_ACTION_TERMINATE",
	[KAPI_SIGNAL_ACTION_COREDUMP] = "KAPI_SIGNAL_ACTION_COREDUMP",
	[KAPI_SIGNAL_ACTION_STOP] = "KAPI_SIGNAL_ACTION_STOP",
	[KAPI_SIGNAL_ACTION_CONTINUE] = "KAPI_SIGNAL_ACTION_CONTINUE",
	[KAPI_SIGNAL_ACTION_CUSTOM] = "KAPI_SIGNAL_ACTION_CUSTOM",
	[KAPI_SIGNAL_ACTION_RETURN] = "KAPI_SIGNAL_ACTION_RETURN",
	[KAPI_SIGNAL_ACTION_RESTART] = "KAPI_SIGNAL_ACTION_RESTART",
	[KAPI_SIGNAL_ACTION_QUEUE] = "KAPI_SIGNAL_ACTION_QUEUE",
	[KAPI_SIGNAL_ACTION_DISCARD] = "KAPI_SIGNAL_ACTION_DISCARD",
	[KAPI_SIGNAL_ACTION_TRANSFORM] = "KAPI_SIGNAL_ACTION_TRANSFORM",
};

static const char *const kapi_signal_timing_names[] = {
	[KAPI_SIGNAL_TIME_BEFORE] = "KAPI_SIGNAL_TIME_BEFORE",
	[KAPI_SIGNAL_TIME_DURING] = "KAPI_SIGNAL_TIME_DURING",
	[KAPI_SIGNAL_TIME_AFTER] = "KAPI_SIGNAL_TIME_AFTER",
	[KAPI_SIGNAL_TIME_ANYTIME] = "KAPI_SIGNAL_TIME_ANYTIME",
	[KAPI_SIGNAL_TIME_BLOCKING] = "KAPI_SIGNAL_TIME_BLOCKING",
	[KAPI_SIGNAL_TIME_SLEEPING] = "KAPI_SIGNAL_TIME_SLEEPING",
};

static const char *const kapi_cap_action_names[] = {
	[KAPI_CAP_BYPASS_CHECK] = "KAPI_CAP_BYPASS_CHECK",
	[KAPI_CAP_INCREASE_LIMIT] = "KAPI_CAP_INCREASE_LIMIT",
	[KAPI_CAP_OVERRIDE_RESTRICTION] = "KAPI_CAP_OVERRIDE_RESTRICTION",
	[KAPI_CAP_GRANT_PERMISSION] = "KAPI_CAP_GRANT_PERMISSION",
	[KAPI_CAP_MODIFY_BEHAVIOR] = "KAPI_CAP_MODIFY_BEHAVIOR",
	[KAPI_CAP_ACCESS_RESOURCE] = "KAPI_CAP_ACCESS_RESOURCE",
	[KAPI_CAP_PERFORM_OPERATION] = "KAPI_CAP_PERFORM_OPERATION",
};

/*
 * The object kinds, from include/kapi/objects.h: "*" is ANY. The lists'
 * third argument, the words for people, is not needed here.
 */
#define KAPI_OT(e, name, ...)						\
	[KAPI_OBJ_##e] = name,
static const char *const kapi_object_type_names[] = KAPI_OBJECT_TYPES;
#undef KAPI_OT

#define KAPI_OI(e, name, ...)						\
	[KAPI_IMPL_##e] = name,
static const char *const kapi_object_impl_names[] = KAPI_OBJECT_IMPLS;
#undef KAPI_OI

static const struct kapi_names kapi_enums[KAPI_ENUM_COUNT] = {
	[KAPI_ENUM_KIND] = { kapi_kind_names, ARRAY_SIZE(kapi_kind_names) },
	[KAPI_ENUM_PARAM_TYPE] = {
		kapi_type_names, ARRAY_SIZE(kapi_type_names)
	},
	[KAPI_ENUM_CONSTRAINT] = {
		kapi_constraint_names, ARRAY_SIZE(kapi_constraint_names)
	},
	[KAPI_ENUM_RETURN_CHECK] = {
		kapi_return_names, ARRAY_SIZE(kapi_return_names)
	},
	[KAPI_ENUM_LOCK_TYPE] = {
		kapi_lock_type_names, ARRAY_SIZE(kapi_lock_type_names)
	},
	[KAPI_ENUM_LOCK_SCOPE] = {
		kapi_lock_scope_names, ARRAY_SIZE(kapi_lock_scope_names)
	},
	[KAPI_ENUM_SIGNAL_ACTION] = {
		kapi_signal_action_names, ARRAY_SIZE(kapi_signal_action_names)
	},
	[KAPI_ENUM_SIGNAL_TIMING] = {
		kapi_signal_timing_names, ARRAY_SIZE(kapi_signal_timing_names)
	},
	[KAPI_ENUM_CAP_ACTION] = {
		kapi_cap_action_names, ARRAY_SIZE(kapi_cap_action_names)
	},
	[KAPI_ENUM_OBJECT_TYPE] = {
		kapi_object_type_names, ARRAY_SIZE(kapi_object_type_names)
	},
	[KAPI_ENUM_OBJECT_IMPL] = {
		kapi_object_impl_names, ARRAY_SIZE(kapi_object_impl_names)
	},
};

/* Bit sets: entry N names bit N; a NULL entry is a bit with no meaning. */
static const char *const kapi_ctx_names[] = {
	"KAPI_CTX_PROCESS",
	"KAPI_CTX_SOFTIRQ",
	"KAPI_CTX_HARDIRQ",
	"KAPI_CTX_NMI",
	"KAPI_CTX_ATOMIC",
	"KAPI_CTX_SLEEPABLE",
	"KAPI_CTX_PREEMPT_DISABLED",
	"KAPI_CTX_IRQ_DISABLED",
};

/* Bit 2 is unassigned (KAPI_PARAM_INOUT is IN | OUT, not a bit of its own). */
static const char *const kapi_param_flag_names[] = {
	"KAPI_PARAM_IN",
	"KAPI_PARAM_OUT",
	NULL,
	"KAPI_PARAM_OPTIONAL",
	"KAPI_PARAM_CONST",
	"KAPI_PARAM_VOLATILE",
	"KAPI_PARAM_USER",
	"KAPI_PARAM_DMA",
	"KAPI_PARAM_ALIGNED",
};

static const char *const kapi_signal_direction_names[] = {
	"KAPI_SIGNAL_RECEIVE",
	"KAPI_SIGNAL_SEND",
	"KAPI_SIGNAL_HANDLE",
	"KAPI_SIGNAL_BLOCK",
	"KAPI_SIGNAL_IGNORE",
};

static const char *const kapi_signal_state_names[] = {
	"KAPI_SIGNAL_STATE_RUNNING",
	"KAPI_SIGNAL_STATE_SLEEPING",
	"KAPI_SIGNAL_STATE_STOPPED",
	"KAPI_SIGNAL_STATE_TRACED",
	"KAPI_SIGNAL_STATE_ZOMBIE",
	"KAPI_SIGNAL_STATE_DEAD",
};

static const char *const kapi_effect_names[] = {
	"KAPI_EFFECT_ALLOC_MEMORY",
	"KAPI_EFFECT_FREE_MEMORY",
	"KAPI_EFFECT_MODIFY_STATE",
	"KAPI_EFFECT_SIGNAL_SEND",
	"KAPI_EFFECT_FILE_POSITION",
	"KAPI_EFFECT_LOCK_ACQUIRE",
	"KAPI_EFFECT_LOCK_RELEASE",
	"KAPI_EFFECT_RESOURCE_CREATE",
	"KAPI_EFFECT_RESOURCE_DESTROY",
	"KAPI_EFFECT_SCHEDULE",
	"KAPI_EFFECT_HARDWARE",
	"KAPI_EFFECT_NETWORK",
	"KAPI_EFFECT_FILESYSTEM",
	"KAPI_EFFECT_PROCESS_STATE",
	"KAPI_EFFECT_IRREVERSIBLE",
};

static const struct kapi_names kapi_bits[KAPI_BITS_COUNT] = {
	[KAPI_BITS_CONTEXT] = { kapi_ctx_names, ARRAY_SIZE(kapi_ctx_names) },
	[KAPI_BITS_PARAM_FLAGS] = {
		kapi_param_flag_names, ARRAY_SIZE(kapi_param_flag_names)
	},
	[KAPI_BITS_SIGNAL_DIRECTION] = {
		kapi_signal_direction_names, ARRAY_SIZE(kapi_signal_direction_names)
	},
	[KAPI_BITS_SIGNAL_STATE] = {
		kapi_signal_state_names, ARRAY_SIZE(kapi_signal_state_names)
	},
	[KAPI_BITS_EFFECT] = {
		kapi_effect_names, ARRAY_SIZE(kapi_effect_names)
	},
};

/*
 * The tables of format 2 and the fields of their records, from
 * include/kapi/image_records.h.
 */
#define KAPI_IMAGE_T(name, type) { name, sizeof(type) },
const struct kapi_image_table_desc kapi_image_tables[] = KAPI_IMAGE_TABLES;
#undef KAPI_IMAGE_T

/* The return record is the spec's field "ret": its fields are "ret.*". */
#define KAPI_IMAGE_F(kind, f, arg)					\
	{ "ret." #f, offsetof(struct kapi_image_return, f),		\
	  KAPI_FIELD_##kind, arg },
static const struct kapi_image_field kapi_image_return_fields[] =
	KAPI_IMAGE_RETURN_FIELDS;
#undef KAPI_IMAGE_F

#define KAPI_IMAGE_F(kind, f, arg)					\
	{ #f, offsetof(KAPI_IMAGE_RECORD, f), KAPI_FIELD_##kind, arg },

#define KAPI_IMAGE_RECORD struct kapi_image_spec
static const struct kapi_image_field kapi_image_spec_fields[] =
	KAPI_IMAGE_SPEC_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_param
static const struct kapi_image_field kapi_image_param_fields[] =
	KAPI_IMAGE_PARAM_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_error
static const struct kapi_image_field kapi_image_error_fields[] =
	KAPI_IMAGE_ERROR_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_object
static const struct kapi_image_field kapi_image_object_fields[] =
	KAPI_IMAGE_OBJECT_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_lock
static const struct kapi_image_field kapi_image_lock_fields[] =
	KAPI_IMAGE_LOCK_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_signal
static const struct kapi_image_field kapi_image_signal_fields[] =
	KAPI_IMAGE_SIGNAL_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_effect
static const struct kapi_image_field kapi_image_effect_fields[] =
	KAPI_IMAGE_EFFECT_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_transition
static const struct kapi_image_field kapi_image_transition_fields[] =
	KAPI_IMAGE_TRANSITION_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_cap
static const struct kapi_image_field kapi_image_cap_fields[] =
	KAPI_IMAGE_CAP_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_constraint
static const struct kapi_image_field kapi_image_constraint_fields[] =
	KAPI_IMAGE_CONSTRAINT_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_struct
static const struct kapi_image_field kapi_image_struct_fields[] =
	KAPI_IMAGE_STRUCT_FIELDS;
#undef KAPI_IMAGE_RECORD

#define KAPI_IMAGE_RECORD struct kapi_image_struct_field
static const struct kapi_image_field kapi_image_struct_field_fields[] =
	KAPI_IMAGE_STRUCT_FIELD_FIELDS;
#undef KAPI_IMAGE_RECORD
#undef KAPI_IMAGE_F

/* A values record is a bare number. */
static const struct kapi_image_field kapi_image_value_fields[] = {
	{ "value", 0, KAPI_FIELD_NUM, 0 },
};

const struct kapi_image_fields kapi_image_record_fields[KAPI_TABLE_COUNT] = {
	[KAPI_TABLE_SPECS] = {
		kapi_image_spec_fields, ARRAY_SIZE(kapi_image_spec_fields)
	},
	[KAPI_TABLE_PARAMS] = {
		kapi_image_param_fields, ARRAY_SIZE(kapi_image_param_fields)
	},
	[KAPI_TABLE_ERRORS] = {
		kapi_image_error_fields, ARRAY_SIZE(kapi_image_error_fields)
	},
	[KAPI_TABLE_LOCKS] = {
		kapi_image_lock_fields, ARRAY_SIZE(kapi_image_lock_fields)
	},
	[KAPI_TABLE_SIGNALS] = {
		kapi_image_signal_fields, ARRAY_SIZE(kapi_image_signal_fields)
	},
	[KAPI_TABLE_EFFECTS] = {
		kapi_image_effect_fields, ARRAY_SIZE(kapi_image_effect_fields)
	},
	[KAPI_TABLE_TRANSITIONS] = {
		kapi_image_transition_fields, ARRAY_SIZE(kapi_image_transition_fields)
	},
	[KAPI_TABLE_CAPS] = {
		kapi_image_cap_fields, ARRAY_SIZE(kapi_image_cap_fields)
	},
	[KAPI_TABLE_CONSTRAINTS] = {
		kapi_image_constraint_fields, ARRAY_SIZE(kapi_image_constraint_fields)
	},
	[KAPI_TABLE_VALUES] = {
		kapi_image_value_fields, ARRAY_SIZE(kapi_image_value_fields)
	},
	[KAPI_TABLE_OBJECTS] = {
		kapi_image_object_fields, ARRAY_SIZE(kapi_image_object_fields)
	},
	[KAPI_TABLE_STRUCTS] = {
		kapi_image_struct_fields, ARRAY_SIZE(kapi_image_struct_fields)
	},
	[KAPI_TABLE_FIELDS] = {
		kapi_image_struct_field_fields,
		ARRAY_SIZE(kapi_image_struct_field_fields)
	},
};

const struct kapi_image_fields kapi_image_ret_fields = {
	kapi_image_return_fields, ARRAY_SIZE(kapi_image_return_fields)
};

/* The name tables must cover exactly what the UAPI header defines. */
static inline void kapi_image_build_checks(void)
{
	BUILD_BUG_ON(ARRAY_SIZE(kapi_kind_names) != KAPI_KIND_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_image_tables) != KAPI_TABLE_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_type_names) != KAPI_TYPE_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_constraint_names) != KAPI_CONSTRAINT_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_return_names) != KAPI_RETURN_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_lock_type_names) != KAPI_LOCK_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_lock_scope_names) != KAPI_LOCK_SCOPE_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_signal_action_names) !=
		     KAPI_SIGNAL_ACTION_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_signal_timing_names) !=
		     KAPI_SIGNAL_TIME_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_cap_action_names) != KAPI_CAP_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_object_type_names) != KAPI_OBJ_TYPE_COUNT);
	BUILD_BUG_ON(ARRAY_SIZE(kapi_object_impl_names) != KAPI_IMPL_COUNT);
	BUILD_BUG_ON(BIT(ARRAY_SIZE(kapi_ctx_names)) - 1 != KAPI_CTX_ALL);
	/* Bit 2 has no name (NULL above) and is not in the _ALL mask. */
	BUILD_BUG_ON(BIT(ARRAY_SIZE(kapi_param_flag_names)) - 1 !=
		     (KAPI_PARAM_FLAGS_ALL | BIT(2)));
	BUILD_BUG_ON(KAPI_PARAM_FLAGS_ALL & BIT(2));
	BUILD_BUG_ON(BIT(ARRAY_SIZE(kapi_signal_direction_names)) - 1 !=
		     KAPI_SIGNAL_DIRECTION_ALL);
	BUILD_BUG_ON(BIT(ARRAY_SIZE(kapi_signal_state_names)) - 1 !=
		     KAPI_SIGNAL_STATE_ALL);
	BUILD_BUG_ON(BIT(ARRAY_SIZE(kapi_effect_names)) - 1 != KAPI_EFFECT_ALL);
	/*
	 * Records are 8-byte multiples so that tables stay aligned, and have
	 * the sizes of format 2.1: 2.0's, with the param record grown by the
	 * fields from struct_id on (only appending is a minor change).
	 */
	BUILD_BUG_ON(sizeof(struct kapi_image_header) % KAPI_IMAGE_ALIGN);
	BUILD_BUG_ON(sizeof(struct kapi_image_spec) % KAPI_IMAGE_ALIGN);
	BUILD_BUG_ON(sizeof(struct kapi_image_param) % KAPI_IMAGE_ALIGN);
	BUILD_BUG_ON(sizeof(struct kapi_image_signal) % KAPI_IMAGE_ALIGN);
	BUILD_BUG_ON(sizeof(struct kapi_image_cap) % KAPI_IMAGE_ALIGN);
	BUILD_BUG_ON(sizeof(struct kapi_image_num32) != 8);
	BUILD_BUG_ON(sizeof(struct kapi_image_spec) != 168);
	BUILD_BUG_ON(sizeof(struct kapi_image_param) != 160);
	BUILD_BUG_ON(offsetof(struct kapi_image_param, struct_id) !=
		     KAPI_IMAGE_PARAM_SIZE_2_0);
	BUILD_BUG_ON(sizeof(struct kapi_image_struct) != 40);
	BUILD_BUG_ON(sizeof(struct kapi_image_struct_field) != 120);
	/* 2.1's tables come after all of 2.0's, whose ids stay. */
	BUILD_BUG_ON(KAPI_TABLE_STRUCTS != KAPI_TABLE_COUNT_2_0);
	BUILD_BUG_ON(offsetof(struct kapi_image_header, tables) +
		     KAPI_TABLE_COUNT_2_0 * sizeof(struct kapi_image_table) !=
		     KAPI_IMAGE_HEADER_SIZE_2_0);
	BUILD_BUG_ON(sizeof(struct kapi_image_signal) != 72);
	BUILD_BUG_ON(sizeof(struct kapi_image_cap) != 32);
	BUILD_BUG_ON(sizeof(struct kapi_image_error) != 24);
	BUILD_BUG_ON(sizeof(struct kapi_image_object) != 8);
	BUILD_BUG_ON(sizeof(struct kapi_image_header) != 248);
	/* The validator reads an ENUM16 field as a u16. */
	BUILD_BUG_ON(sizeof(((struct kapi_image_object *)0)->type) != 2);
	BUILD_BUG_ON(sizeof(((struct kapi_image_object *)0)->impl) != 2);
}

/**
 * kapi_image_enum_name() - the name of a value of an enumeration
 * @e: the enumeration
 * @value: the value
 *
 * Return: the UAPI identifier of @value (for %KAPI_ENUM_KIND the API type
 * as JSON writes it, "syscall"), or NULL if @value is out of range.
 */
const char *kapi_image_enum_name(enum kapi_image_enum e, u32 value)
{
	if (e >= KAPI_ENUM_COUNT || value >= kapi_enums[e].count)
		return NULL;
	return kapi_enums[e].names[value];
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_image_enum_name);

/**
 * kapi_image_object_name() - an object selector or kind as "TYPE:IMPL"
 * @buf: where the name goes
 * @size: bytes at @buf (%KAPI_IMAGE_OBJECT_NAME_LEN is enough)
 * @type: an enum kapi_object_type value
 * @impl: an enum kapi_object_impl value
 *
 * Names come from include/kapi/objects.h, "*" for ANY: "sock:tcp",
 * "*:proc", "fifo:*"; a value without a name is written as its number.
 * This is the canonical form libkapi writes too (JSON "objects").
 *
 * Return: @buf.
 */
const char *kapi_image_object_name(char *buf, size_t size, u32 type, u32 impl)
{
	const char *t = kapi_image_enum_name(KAPI_ENUM_OBJECT_TYPE, type);
	const char *i = kapi_image_enum_name(KAPI_ENUM_OBJECT_IMPL, impl);
	size_t n = 0;

	if (t)
		n = scnprintf(buf, size, "%s:", t);
	else
		n = scnprintf(buf, size, "%u:", type);
	if (i)
		scnprintf(buf + n, size - n, "%s", i);
	else
		scnprintf(buf + n, size - n, "%u", impl);
	return buf;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_image_object_name);

/**
 * kapi_image_bit_name() - the name of one bit of a bit set
 * @b: the bit set
 * @bit: the bit number (0 is the least significant bit)
 *
 * Return: the UAPI identifier of the bit, or NULL if it has no meaning.
 */
const char *kapi_image_bit_name(enum kapi_image_bits b, unsigned int bit)
{
	if (b >= KAPI_BITS_COUNT || bit >= kapi_bits[b].count)
		return NULL;
	return kapi_bits[b].names[bit];
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_image_bit_name);

/* State of one validation, and what to name in a message. */
struct kapi_image_validator {
	const u8 *base;
	size_t size;
	const struct kapi_image_header *hdr;
	/* The record being checked: table name, index, spec name if known. */
	const char *table;
	u32 index;
	const char *name;
	/* Bytes of the record being checked (its table's entsize). */
	u32 rec_size;
	char *why;
	size_t why_len;
};

/* What a table the image does not have (2.0: structs, fields) reads as. */
static const struct kapi_image_table kapi_image_no_table;

/*
 * Write why the image is refused, as "<table>[<index>] (<name>), field
 * <field><sub>: <detail>", and return @err.
 */
static __printf(5, 6) int kapi_image_refuse(struct kapi_image_validator *v,
					    int err,
					    const char *field, const char *sub,
					    const char *fmt, ...)
{
	va_list args;
	size_t n = 0;

	if (!v->why || !v->why_len)
		return err;
	v->why[0] = '\0';
	if (v->table)
		n += scnprintf(v->why + n, v->why_len - n, "%s[%u]", v->table,
			       v->index);
	else
		n += scnprintf(v->why + n, v->why_len - n, "header");
	if (v->name)
		n += scnprintf(v->why + n, v->why_len - n, " (%s)", v->name);
	if (field)
		n += scnprintf(v->why + n, v->why_len - n, ", field %s%s",
			       field, sub);
	n += scnprintf(v->why + n, v->why_len - n, ": ");
	va_start(args, fmt);
	vscnprintf(v->why + n, v->why_len - n, fmt, args);
	va_end(args);
	return err;
}

static const struct kapi_image_table *kapi_image_v_table(struct kapi_image_validator *v,
							 enum kapi_image_table_id id)
{
	if (id >= v->hdr->table_count)
		return &kapi_image_no_table;
	return &v->hdr->tables[id];
}

static const void *kapi_image_v_rec(struct kapi_image_validator *v,
				    enum kapi_image_table_id id,
				    u32 i)
{
	const struct kapi_image_table *t = kapi_image_v_table(v, id);

	return v->base + t->offset + (size_t)i * t->entsize;
}

static void kapi_image_v_at(struct kapi_image_validator *v,
			    enum kapi_image_table_id id, u32 i)
{
	v->table = kapi_image_tables[id].name;
	v->index = i;
	v->name = NULL;
}

/* The string at @offset, which kapi_image_check_str() accepted. */
static const char *kapi_image_v_str(struct kapi_image_validator *v, u32 offset)
{
	return (const char *)v->base +
	       kapi_image_v_table(v, KAPI_TABLE_STRINGS)->offset + offset;
}

static int kapi_image_check_str(struct kapi_image_validator *v,
				const char *field,
				const char *sub, u32 offset)
{
	u32 len = kapi_image_v_table(v, KAPI_TABLE_STRINGS)->count;

	/* The string table ends with a NUL byte: every string in it ends. */
	if (offset < len)
		return 0;
	return kapi_image_refuse(v, -EBADMSG, field, sub,
				 "string offset %u is outside the string table (%u bytes)",
				 offset, len);
}

/*
 * A reserved field must be 0, unless the image comes from a newer minor
 * version of the format, which may use it for a field kapi does not read.
 */
static bool kapi_image_reserved_ok(struct kapi_image_validator *v, u32 value)
{
	return !value || v->hdr->version_minor > KAPI_IMAGE_VERSION_MINOR;
}

static int kapi_image_check_num(struct kapi_image_validator *v,
				const char *field,
				const struct kapi_image_num *num)
{
	if (!kapi_image_reserved_ok(v, num->reserved))
		return kapi_image_refuse(v, -EBADMSG, field, ".reserved",
					 "is %u, must be 0", num->reserved);
	return kapi_image_check_str(v, field, ".expr", num->expr);
}

/* A 32-bit number has no reserved field: any value, a valid expression. */
static int kapi_image_check_num32(struct kapi_image_validator *v,
				  const char *field,
				  const struct kapi_image_num32 *num)
{
	return kapi_image_check_str(v, field, ".expr", num->expr);
}

/* An enumeration: a value below @count, the enumeration's _COUNT. */
static int kapi_image_check_enum(struct kapi_image_validator *v,
				 const char *field, u32 value, u32 count)
{
	if (value < count)
		return 0;
	return kapi_image_refuse(v, -EBADMSG, field, "",
				 "value %u is out of range (0..%u)", value,
				 count - 1);
}

/* A bit set whose defined bits are @all: the lowest other bit is named. */
static int kapi_image_check_bits(struct kapi_image_validator *v,
				 const char *field, u32 value, u32 all)
{
	if (!(value & ~all))
		return 0;
	return kapi_image_refuse(v, -EBADMSG, field, "",
				 "0x%x sets bit %u, which has no meaning",
				 value, (unsigned int)__ffs(value & ~all));
}

static int kapi_image_check_flags(struct kapi_image_validator *v,
				  const char *field,
				  u32 value, u32 known)
{
	if (!(value & ~known))
		return 0;
	return kapi_image_refuse(v, -EBADMSG, field, "",
				 "0x%x sets unknown bits 0x%x", value, value & ~known);
}

static int kapi_image_check_zero(struct kapi_image_validator *v,
				 const char *field, u32 value)
{
	if (kapi_image_reserved_ok(v, value))
		return 0;
	return kapi_image_refuse(v, -EBADMSG, field, "", "is %u, must be 0", value);
}

/* An error code: 0 where "none" is allowed, else -MAX_ERRNO..-1. */
static int kapi_image_check_errno(struct kapi_image_validator *v,
				  const char *field, s32 code,
				  bool zero_ok)
{
	if ((zero_ok && code == 0) || (code < 0 && code >= -MAX_ERRNO))
		return 0;
	return kapi_image_refuse(v, -EBADMSG, field, "",
				 "%d is not a negative error code (-%d..-1)%s", code,
				 MAX_ERRNO, zero_ok ? " or 0" : "");
}

static int kapi_image_check_slice(struct kapi_image_validator *v,
				  const char *field,
				  const struct kapi_image_slice *s,
				  enum kapi_image_table_id id)
{
	u32 n = kapi_image_v_table(v, id)->count;

	if (s->first <= n && s->count <= n - s->first)
		return 0;
	return kapi_image_refuse(v, -EBADMSG, field, "",
				 "records %u..%llu are outside table %s (%u records)",
				 s->first, (u64)s->first + s->count, kapi_image_tables[id].name,
				 n);
}

static int kapi_image_check_header(struct kapi_image_validator *v)
{
	const struct kapi_image_header *h = v->hdr;
	size_t need;

	if (h->magic != KAPI_IMAGE_MAGIC)
		return kapi_image_refuse(v, -ENOEXEC, "magic", "",
					 "0x%08x is not a spec image (0x%08x)",
					 h->magic, KAPI_IMAGE_MAGIC);
	if (h->version_major < KAPI_IMAGE_VERSION_MAJOR)
		return kapi_image_refuse(v, -EOPNOTSUPP, "version_major", "",
					 "format %u.%u is older than this module's %u.x: rebuild the image with a matching kapi-gen",
					 h->version_major, h->version_minor,
					 KAPI_IMAGE_VERSION_MAJOR);
	if (h->version_major != KAPI_IMAGE_VERSION_MAJOR)
		return kapi_image_refuse(v, -EOPNOTSUPP, "version_major", "",
					 "format %u.%u is not supported (major %u)",
					 h->version_major, h->version_minor,
					 KAPI_IMAGE_VERSION_MAJOR);
	if (h->size != v->size)
		return kapi_image_refuse(v, -EBADMSG, "size", "",
					 "the header says %u bytes, the image has %zu (truncated?)",
					 h->size, v->size);
	if (h->flags)
		return kapi_image_refuse(v, -EBADMSG, "flags", "",
					 "0x%x, must be 0", h->flags);
	if (!kapi_image_reserved_ok(v, h->reserved))
		return kapi_image_refuse(v, -EBADMSG, "reserved", "",
					 "is %u, must be 0", h->reserved);
	if (h->table_count < KAPI_TABLE_COUNT_2_0)
		return kapi_image_refuse(v, -EBADMSG, "table_count", "",
					 "%u, fewer than the %u tables of format %u",
					 h->table_count, KAPI_TABLE_COUNT_2_0,
					 KAPI_IMAGE_VERSION_MAJOR);
	need = offsetof(struct kapi_image_header, tables) +
	       (size_t)h->table_count * sizeof(struct kapi_image_table);
	if (h->header_size < need || h->header_size % KAPI_IMAGE_ALIGN)
		return kapi_image_refuse(v, -EBADMSG, "header_size", "",
					 "%u, must be a multiple of %u and at least %zu for %u tables",
					 h->header_size, KAPI_IMAGE_ALIGN, need,
					 h->table_count);
	if (h->header_size > v->size)
		return kapi_image_refuse(v, -EBADMSG, "header_size", "",
					 "%u is larger than the image (%zu bytes)",
					 h->header_size, v->size);
	return 0;
}

/*
 * The smallest record of table @id a reader takes: a 2.0 param record ends
 * before the fields of 2.1, which then read as "no struct".
 */
static size_t kapi_image_min_size(unsigned int id)
{
	if (id == KAPI_TABLE_PARAMS)
		return KAPI_IMAGE_PARAM_SIZE_2_0;
	return kapi_image_tables[id].size;
}

static int kapi_image_check_tables(struct kapi_image_validator *v)
{
	const struct kapi_image_header *h = v->hdr;
	size_t start[KAPI_TABLE_COUNT] = {}, end[KAPI_TABLE_COUNT] = {};
	unsigned int i, j;

	v->table = "tables";
	for (i = 0; i < h->table_count; i++) {
		const struct kapi_image_table *t = &h->tables[i];
		size_t bytes, last;

		v->index = i;
		v->name = i < KAPI_TABLE_COUNT ? kapi_image_tables[i].name : NULL;
		if (!kapi_image_reserved_ok(v, t->reserved))
			return kapi_image_refuse(v, -EBADMSG, "reserved", "",
						 "is %u, must be 0", t->reserved);
		if (t->offset % KAPI_IMAGE_ALIGN)
			return kapi_image_refuse(v, -EBADMSG, "offset", "",
						 "%u is not %u-byte aligned",
						 t->offset, KAPI_IMAGE_ALIGN);
		if (i == KAPI_TABLE_STRINGS) {
			if (t->entsize != 1)
				return kapi_image_refuse(v, -EBADMSG, "entsize", "",
							 "%u, must be 1", t->entsize);
		} else if (i < KAPI_TABLE_COUNT &&
			   (t->entsize < kapi_image_min_size(i) ||
			    t->entsize % KAPI_IMAGE_ALIGN)) {
			return kapi_image_refuse(v, -EBADMSG, "entsize", "",
						 "%u, must be a multiple of %u and at least %zu",
						 t->entsize, KAPI_IMAGE_ALIGN,
						 kapi_image_min_size(i));
		}
		if (check_mul_overflow((size_t)t->count, (size_t)t->entsize,
				       &bytes) ||
		    check_add_overflow((size_t)t->offset, bytes, &last) ||
		    last > v->size)
			return kapi_image_refuse(v, -EBADMSG, "count", "",
						 "%u records of %u bytes at offset %u run past the end of the image (%zu bytes)",
						 t->count, t->entsize, t->offset,
						 v->size);
		if (bytes && t->offset < h->header_size)
			return kapi_image_refuse(v, -EBADMSG, "offset", "",
						 "%u is inside the header (%u bytes)",
						 t->offset, h->header_size);
		if (i < KAPI_TABLE_COUNT) {
			start[i] = t->offset;
			end[i] = bytes ? last : t->offset;
		}
	}
	/* Tables must not share bytes: each byte has one meaning. */
	for (i = 0; i < KAPI_TABLE_COUNT; i++) {
		for (j = i + 1; j < KAPI_TABLE_COUNT; j++) {
			if (start[i] == end[i] || start[j] == end[j])
				continue;
			if (start[i] < end[j] && start[j] < end[i]) {
				v->index = j;
				v->name = kapi_image_tables[j].name;
				return kapi_image_refuse(v, -EBADMSG, "offset", "",
							 "table %s overlaps table %s",
							 kapi_image_tables[j].name,
							 kapi_image_tables[i].name);
			}
		}
	}
	v->table = NULL;
	v->name = NULL;
	return 0;
}

static int kapi_image_check_strings(struct kapi_image_validator *v)
{
	const struct kapi_image_table *t = kapi_image_v_table(v, KAPI_TABLE_STRINGS);
	const char *s = (const char *)v->base + t->offset;
	u32 end = t->count;

	kapi_image_v_at(v, KAPI_TABLE_STRINGS, 0);
	if (!t->count || s[0] != '\0')
		return kapi_image_refuse(v, -EBADMSG, NULL, "",
					 "the string table must start with a NUL byte (offset 0 is \"\")");
	/*
	 * With a NUL byte at the end, a string at any offset in the table
	 * ends inside it: offsets need no other check.
	 */
	if (s[end - 1] != '\0') {
		while (s[end - 1] != '\0')
			end--;
		return kapi_image_refuse(v, -EBADMSG, NULL, "",
					 "the string table does not end with a NUL byte (the string at offset %u is not terminated)",
					 end);
	}
	return 0;
}

static bool kapi_image_name_char(char ch, bool first)
{
	if (isalnum(ch) || ch == '_')
		return true;
	return !first && (ch == '.' || ch == '-');
}

static int kapi_image_check_spec_name(struct kapi_image_validator *v,
				      const char *name)
{
	size_t len = strnlen(name, KAPI_IMAGE_MAX_NAME);
	size_t i;

	if (!len)
		return kapi_image_refuse(v, -EBADMSG, "name", "", "is empty");
	if (len >= KAPI_IMAGE_MAX_NAME)
		return kapi_image_refuse(v, -EBADMSG, "name", "",
					 "longer than %u bytes", KAPI_IMAGE_MAX_NAME - 1);
	for (i = 0; i < len; i++) {
		if (!kapi_image_name_char(name[i], i == 0))
			return kapi_image_refuse(v, -EBADMSG, "name", "",
						 "byte %zu (0x%02x) is not allowed in a name ([A-Za-z0-9_][A-Za-z0-9_.-]*)",
						 i, (u8)name[i]);
	}
	return 0;
}

/* Parameter @j of @s has a name no earlier parameter of @s has. */
static int kapi_image_check_param_unique(struct kapi_image_validator *v,
					 const struct kapi_image_spec *s, u32 j)
{
	const struct kapi_image_param *p, *q;
	u32 i;

	p = kapi_image_v_rec(v, KAPI_TABLE_PARAMS, s->params.first + j);
	for (i = 0; i < j; i++) {
		q = kapi_image_v_rec(v, KAPI_TABLE_PARAMS, s->params.first + i);
		if (p->name == q->name ||
		    !strcmp(kapi_image_v_str(v, p->name),
			    kapi_image_v_str(v, q->name)))
			return kapi_image_refuse(v, -EBADMSG, "params", "",
						 "parameters %u and %u are both named %s",
						 i, j, kapi_image_v_str(v, p->name));
	}
	return 0;
}

/*
 * What a spec's fields cannot say alone: size_param is an index into the
 * spec's own parameter list, and parameter names are unique within it.
 */
/*
 * A descriptor rule: its access bits (the mask) are known ones, and with
 * KAPI_FD_IF_RELATIVE its size_param names the path parameter.
 */
static int kapi_image_check_param_fd(struct kapi_image_validator *v,
				     const struct kapi_image_spec *s, u32 j,
				     const struct kapi_image_param *p)
{
	const struct kapi_image_param *path;
	u64 need = p->mask.value;

	if (p->constraint != KAPI_CONSTRAINT_FD)
		return 0;
	if (need & ~(u64)KAPI_FD_ACCESS_ALL)
		return kapi_image_refuse(v, -EBADMSG, "params", "",
					 "parameter %u (%s): fd access 0x%llx sets unknown bits",
					 j, kapi_image_v_str(v, p->name), need);
	if (!(need & KAPI_FD_IF_RELATIVE))
		return 0;
	if (p->size_param >= 0) {
		path = kapi_image_v_rec(v, KAPI_TABLE_PARAMS,
					s->params.first + p->size_param);
		if (path->constraint == KAPI_CONSTRAINT_USER_PATH)
			return 0;
	}
	return kapi_image_refuse(v, -EBADMSG, "params", "",
				 "parameter %u (%s): KAPI_FD_IF_RELATIVE needs size_param to name a user_path parameter",
				 j, kapi_image_v_str(v, p->name));
}

static int kapi_image_check_spec(struct kapi_image_validator *v,
				 const struct kapi_image_spec *s)
{
	u32 j;
	int ret;

	for (j = 0; j < s->params.count; j++) {
		const struct kapi_image_param *p;

		p = kapi_image_v_rec(v, KAPI_TABLE_PARAMS, s->params.first + j);
		if (p->size_param != -1 &&
		    (p->size_param < 0 || p->size_param >= s->params.count ||
		     p->size_param == j))
			return kapi_image_refuse(v, -EBADMSG, "params", "",
						 "parameter %u (%s): size_param %d is neither -1 nor the index of another parameter (0..%u)",
						 j, kapi_image_v_str(v, p->name),
						 p->size_param, s->params.count - 1);
		if (kapi_image_params_have_structs(v->base) &&
		    p->count_param != -1 &&
		    (p->count_param < 0 || p->count_param >= s->params.count ||
		     p->count_param == j))
			return kapi_image_refuse(v, -EBADMSG, "params", "",
						 "parameter %u (%s): count_param %d is neither -1 nor the index of another parameter (0..%u)",
						 j, kapi_image_v_str(v, p->name),
						 p->count_param, s->params.count - 1);
		ret = kapi_image_check_param_fd(v, s, j, p);
		ret = ret ?: kapi_image_check_param_unique(v, s, j);
		if (ret)
			return ret;
	}
	return 0;
}

/* Error names are errno symbols: "E" and capitals, digits, underscores. */
static int kapi_image_check_error_name(struct kapi_image_validator *v,
				       const char *name)
{
	size_t i, len = strlen(name);

	if (len < 2 || len > KAPI_IMAGE_MAX_NAME || name[0] != 'E')
		goto bad;
	for (i = 1; i < len; i++)
		if (!isupper(name[i]) && !isdigit(name[i]) && name[i] != '_')
			goto bad;
	return 0;
bad:
	return kapi_image_refuse(v, -EBADMSG, "name", "",
				 "\"%.*s\" is not an error name (E[A-Z0-9_]+)",
				 KAPI_IMAGE_MAX_NAME, name);
}

static int kapi_image_check_param_name(struct kapi_image_validator *v,
				       const char *name)
{
	size_t len = strnlen(name, KAPI_IMAGE_MAX_NAME);

	if (len && len < KAPI_IMAGE_MAX_NAME)
		return 0;
	return kapi_image_refuse(v, -EBADMSG, "name", "",
				 "is empty or longer than %u bytes",
				 KAPI_IMAGE_MAX_NAME - 1);
}

static int kapi_image_check_fields(struct kapi_image_validator *v,
				   const struct kapi_image_fields *fields,
				   const void *rec);

/* A selector names a type, an implementation or both, never neither. */
static int kapi_image_check_object(struct kapi_image_validator *v,
				   const struct kapi_image_object *o)
{
	if (o->type != KAPI_OBJ_ANY || o->impl != KAPI_IMPL_ANY)
		return 0;
	return kapi_image_refuse(v, -EBADMSG, NULL, "",
				 "selector *:* (every object): an error for every object has no selectors");
}

/*
 * The selectors of an error are distinct. Its slice was checked with the
 * error's fields, and the objects table before the errors table.
 */
static int kapi_image_check_error_objects(struct kapi_image_validator *v,
					  const struct kapi_image_error *e)
{
	const struct kapi_image_object *a, *b;
	u32 i, j;

	for (j = 1; j < e->objects.count; j++) {
		a = kapi_image_v_rec(v, KAPI_TABLE_OBJECTS, e->objects.first + j);
		for (i = 0; i < j; i++) {
			b = kapi_image_v_rec(v, KAPI_TABLE_OBJECTS,
					     e->objects.first + i);
			if (a->type == b->type && a->impl == b->impl)
				return kapi_image_refuse(v, -EBADMSG, "objects", "",
							 "selectors %u and %u are the same (type %u, impl %u)",
							 i, j, a->type, a->impl);
		}
	}
	return 0;
}

/* One field of a record, by the rule its kind in image_records.h names. */
static int kapi_image_check_field(struct kapi_image_validator *v,
				  const struct kapi_image_field *f,
				  const void *rec)
{
	const void *p = (const u8 *)rec + f->offset;
	u32 u = 0;
	s32 n;
	int ret;

	/* A field a shorter record (an older minor version) does not have. */
	if (f->offset >= v->rec_size)
		return 0;
	/* Every kind below RET is 32 bits wide (image_records.h). */
	if (f->kind < KAPI_FIELD_NUM || f->kind == KAPI_FIELD_STRUCT_REF)
		memcpy(&u, p, sizeof(u));
	n = (s32)u;
	switch (f->kind) {
	case KAPI_FIELD_STR:
		return kapi_image_check_str(v, f->name, "", u);
	case KAPI_FIELD_SPEC_NAME:
		ret = kapi_image_check_str(v, f->name, "", u);
		ret = ret ?: kapi_image_check_spec_name(v, kapi_image_v_str(v, u));
		if (!ret)
			v->name = kapi_image_v_str(v, u);
		return ret;
	case KAPI_FIELD_PARAM_NAME:
		ret = kapi_image_check_str(v, f->name, "", u);
		return ret ?: kapi_image_check_param_name(v, kapi_image_v_str(v, u));
	case KAPI_FIELD_ERROR_NAME:
		ret = kapi_image_check_str(v, f->name, "", u);
		return ret ?: kapi_image_check_error_name(v, kapi_image_v_str(v, u));
	case KAPI_FIELD_ENUM:
		return kapi_image_check_enum(v, f->name, u, f->arg);
	case KAPI_FIELD_ENUM16: {
		u16 u16v;

		memcpy(&u16v, p, sizeof(u16v));
		return kapi_image_check_enum(v, f->name, u16v, f->arg);
	}
	case KAPI_FIELD_BITS:
		return kapi_image_check_bits(v, f->name, u, f->arg);
	case KAPI_FIELD_FLAGS:
		return kapi_image_check_flags(v, f->name, u, f->arg);
	case KAPI_FIELD_ERRNO:
		return kapi_image_check_errno(v, f->name, n, f->arg);
	case KAPI_FIELD_SIZE_PARAM:
		if (n >= -1)
			return 0;
		return kapi_image_refuse(v, -EBADMSG, f->name, "",
					 "%d, must be -1 or a parameter index",
					 n);
	case KAPI_FIELD_RESERVED:
		return kapi_image_check_zero(v, f->name, u);
	case KAPI_FIELD_NUM:
		return kapi_image_check_num(v, f->name, p);
	case KAPI_FIELD_NUM32:
		return kapi_image_check_num32(v, f->name, p);
	case KAPI_FIELD_SLICE:
		return kapi_image_check_slice(v, f->name, p, f->arg);
	case KAPI_FIELD_RET:
		return kapi_image_check_fields(v, &kapi_image_ret_fields, p);
	case KAPI_FIELD_STRUCT_REF:
		if (u <= kapi_image_v_table(v, KAPI_TABLE_STRUCTS)->count)
			return 0;
		return kapi_image_refuse(v, -EBADMSG, f->name, "",
					 "%u is neither 0 nor 1 + a record of table structs (%u records)",
					 u, kapi_image_v_table(v, KAPI_TABLE_STRUCTS)->count);
	default:
		return 0;
	}
}

static int kapi_image_check_fields(struct kapi_image_validator *v,
				   const struct kapi_image_fields *fields,
				   const void *rec)
{
	unsigned int i;
	int ret;

	for (i = 0; i < fields->count; i++) {
		ret = kapi_image_check_field(v, &fields->fields[i], rec);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * What a struct's fields cannot say alone: each field lies inside the
 * struct (offset + size <= size, none negative) and has a name no earlier
 * field of the struct has. The fields table is checked before the structs.
 */
static int kapi_image_check_struct(struct kapi_image_validator *v,
				   const struct kapi_image_struct *st)
{
	const struct kapi_image_struct_field *f, *g;
	s64 size = st->size.value;
	u32 i, j;

	for (j = 0; j < st->fields.count; j++) {
		f = kapi_image_v_rec(v, KAPI_TABLE_FIELDS, st->fields.first + j);
		if (size < 0 || f->offset.value < 0 || f->size.value < 0 ||
		    f->offset.value > size || f->size.value > size - f->offset.value)
			return kapi_image_refuse(v, -EBADMSG, "fields", "",
						 "field %u (%s): offset %lld + size %lld is outside the struct (%lld bytes)",
						 j, kapi_image_v_str(v, f->name),
						 f->offset.value, f->size.value, size);
		for (i = 0; i < j; i++) {
			g = kapi_image_v_rec(v, KAPI_TABLE_FIELDS,
					     st->fields.first + i);
			if (f->name == g->name ||
			    !strcmp(kapi_image_v_str(v, f->name),
				    kapi_image_v_str(v, g->name)))
				return kapi_image_refuse(v, -EBADMSG, "fields", "",
							 "fields %u and %u are both named %s",
							 i, j, kapi_image_v_str(v, f->name));
		}
	}
	return 0;
}

static int kapi_image_check_record(struct kapi_image_validator *v,
				   enum kapi_image_table_id id, const void *rec)
{
	int ret;

	ret = kapi_image_check_fields(v, &kapi_image_record_fields[id], rec);
	if (!ret && id == KAPI_TABLE_SPECS)
		ret = kapi_image_check_spec(v, rec);
	if (!ret && id == KAPI_TABLE_OBJECTS)
		ret = kapi_image_check_object(v, rec);
	if (!ret && id == KAPI_TABLE_ERRORS)
		ret = kapi_image_check_error_objects(v, rec);
	if (!ret && id == KAPI_TABLE_STRUCTS)
		ret = kapi_image_check_struct(v, rec);
	return ret;
}

/*
 * Spec names, and struct names, are unique within an image. Quadratic,
 * but with a fast path for the common case of a writer that stores each
 * string once; the check yields the CPU between rows so that a huge image
 * cannot stall it.
 */
static int kapi_image_check_unique(struct kapi_image_validator *v)
{
	u32 n = kapi_image_v_table(v, KAPI_TABLE_SPECS)->count;
	u32 i, j;

	for (i = 1; i < n; i++) {
		const struct kapi_image_spec *a = kapi_image_v_rec(v, KAPI_TABLE_SPECS, i);

		for (j = 0; j < i; j++) {
			const struct kapi_image_spec *b;

			b = kapi_image_v_rec(v, KAPI_TABLE_SPECS, j);
			if (a->name != b->name &&
			    strcmp(kapi_image_v_str(v, a->name), kapi_image_v_str(v, b->name)))
				continue;
			kapi_image_v_at(v, KAPI_TABLE_SPECS, i);
			v->name = kapi_image_v_str(v, a->name);
			return kapi_image_refuse(v, -EEXIST, "name", "",
						 "specs[%u] has the same name", j);
		}
		cond_resched();
	}
	n = kapi_image_v_table(v, KAPI_TABLE_STRUCTS)->count;
	for (i = 1; i < n; i++) {
		const struct kapi_image_struct *a = kapi_image_v_rec(v, KAPI_TABLE_STRUCTS, i);

		for (j = 0; j < i; j++) {
			const struct kapi_image_struct *b;

			b = kapi_image_v_rec(v, KAPI_TABLE_STRUCTS, j);
			if (a->name != b->name &&
			    strcmp(kapi_image_v_str(v, a->name), kapi_image_v_str(v, b->name)))
				continue;
			kapi_image_v_at(v, KAPI_TABLE_STRUCTS, i);
			v->name = kapi_image_v_str(v, a->name);
			return kapi_image_refuse(v, -EBADMSG, "name", "",
						 "structs[%u] has the same name", j);
		}
		cond_resched();
	}
	return 0;
}

/*
 * ORDER: specs last, objects before errors, fields before structs. A
 * spec's checks read the parameter records its slice names, an error's the
 * selectors of its slice, a struct's its fields, so those must be known
 * good by then.
 */
static const enum kapi_image_table_id kapi_image_check_order[] = {
	KAPI_TABLE_OBJECTS, KAPI_TABLE_FIELDS, KAPI_TABLE_STRUCTS,
	KAPI_TABLE_PARAMS, KAPI_TABLE_ERRORS, KAPI_TABLE_LOCKS, KAPI_TABLE_SIGNALS,
	KAPI_TABLE_EFFECTS, KAPI_TABLE_TRANSITIONS,
	KAPI_TABLE_CAPS, KAPI_TABLE_CONSTRAINTS, KAPI_TABLE_VALUES,
	KAPI_TABLE_SPECS,
};

/**
 * kapi_image_validate() - check a spec image completely before any use
 * @data: the image
 * @size: its size in bytes, as the caller knows it
 * @why: buffer for the reason of a refusal (may be NULL)
 * @why_len: size of @why, %KAPI_IMAGE_WHY_LEN is enough
 *
 * Checks everything the accessors in image.h rely on, and the rules of the
 * format in include/uapi/linux/kapi.h and Documentation/abi.rst. @data must
 * not change during or after the check: validate a private copy.
 *
 * Context: process context; may sleep (it yields on very large images).
 * Return: 0 if the image is good; on refusal a negative errno, with the
 * record and field at fault described in @why: -E2BIG larger than
 * %KAPI_IMAGE_MAX_SIZE, -ENOEXEC not a spec image (bad magic),
 * -EOPNOTSUPP a major version this module does not know, -EEXIST two specs
 * with the same name, -EBADMSG anything else (truncated, out of bounds,
 * bad string, slice, enumeration value, bit or reserved field).
 */
int kapi_image_validate(const void *data, size_t size, char *why,
			size_t why_len)
{
	struct kapi_image_validator v = {
		.base = data,
		.size = size,
		.hdr = data,
		.why = why,
		.why_len = why_len,
	};
	unsigned int t;
	u32 i;
	int ret;

	kapi_image_build_checks();
	if (why && why_len)
		why[0] = '\0';
	if (!data)
		return kapi_image_refuse(&v, -EINVAL, NULL, "", "no image");
	if (size > KAPI_IMAGE_MAX_SIZE)
		return kapi_image_refuse(&v, -E2BIG, NULL, "",
					 "%zu bytes, more than the limit of %u",
					 size, KAPI_IMAGE_MAX_SIZE);
	if (size < KAPI_IMAGE_HEADER_SIZE_2_0)
		return kapi_image_refuse(&v, -EBADMSG, NULL, "",
					 "truncated: %zu bytes, a header alone is %u",
					 size, KAPI_IMAGE_HEADER_SIZE_2_0);

	ret = kapi_image_check_header(&v);
	ret = ret ?: kapi_image_check_tables(&v);
	ret = ret ?: kapi_image_check_strings(&v);
	if (ret)
		return ret;

	for (t = 0; t < ARRAY_SIZE(kapi_image_check_order); t++) {
		enum kapi_image_table_id id = kapi_image_check_order[t];
		u32 n = kapi_image_v_table(&v, id)->count;

		v.rec_size = kapi_image_v_table(&v, id)->entsize;
		for (i = 0; i < n; i++) {
			kapi_image_v_at(&v, id, i);
			ret = kapi_image_check_record(&v, id, kapi_image_v_rec(&v, id, i));
			if (ret)
				return ret;
			if (id == KAPI_TABLE_SPECS)
				cond_resched();
		}
	}
	return kapi_image_check_unique(&v);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_image_validate);

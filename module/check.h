/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The check engine of kapi's runtime verification: pure functions from a
 * syscall spec, the arguments of one call (and what the hooks observed in
 * user memory for it) and the call's result to verdicts. The engine takes
 * no locks, allocates nothing, prints nothing and keeps no state, so the
 * hooks can run it on every call and tests can run it on any input. What a
 * verdict means, and why each rule cannot report a call that the kernel
 * accepts, is explained in Documentation/runtime.rst.
 *
 * The engine has two implementations of one interface (struct
 * kapi_check_impl): the interpreter in check.c, which reads each rule from
 * the spec image, and the checks kapi-gen specialises per spec of kapi.ko's
 * own image (module/generated/checks.c). Both are made of the inline rule
 * helpers below; KUnit suite kapi_check_gen compares them.
 */
#ifndef KAPI_CHECK_H
#define KAPI_CHECK_H

#include <linux/bits.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/irqflags.h>
#include <linux/limits.h>
#include <linux/overflow.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/sizes.h>
#include <linux/types.h>
#include <linux/uaccess.h>

#include "compat/user_string.h"
#include "compat/user_struct.h"
#include "image.h"
#include "object.h"

/* A system call has at most six arguments, passed in registers. */
#define KAPI_CHECK_MAX_PARAMS 6

/**
 * struct kapi_check_type - how the kernel reads one argument register
 * @bits: width of the declared C type: 8, 16, 32 or 64
 * @is_signed: whether the declared type is signed
 *
 * The syscall wrappers convert each 64-bit register to the parameter's
 * declared type (an unsigned int fd ignores the upper half), so the engine
 * compares values in that type.
 */
struct kapi_check_type {
	u8 bits;
	bool is_signed;
};

/**
 * struct kapi_check_call - one call, as the engine sees it
 * @image: the validated image that holds @spec
 * @spec: the syscall spec
 * @nargs: number of parameters of @spec (at most %KAPI_CHECK_MAX_PARAMS)
 * @type: the declared type of each of the @nargs parameters
 *	  (kapi_check_param_type()), computed once when the spec is hooked
 * @args: each argument converted to its declared type and widened to 64
 *	  bits again (sign-extended for signed types), by kapi_check_convert()
 * @slen: for a parameter that kapi_check_string_limit() names, what
 *	  strnlen_user(arg, limit) returned: 0 if the string could not be
 *	  read, its length with the NUL (1..limit), or more than limit if no
 *	  NUL was found within limit bytes
 * @head: for a string parameter whose @slen is at least 1, its first byte
 * @fd: for a %KAPI_CONSTRAINT_FD parameter, the state of the descriptor as
 *	the hooks found it: %KAPI_CHECK_FD_* bits, 0 if not looked up (then
 *	the rule holds)
 * @context: the KAPI_CTX_* bits of the calling context (kapi_check_context())
 * @object: the kind of object the call worked on; set by the hooks only
 *	    for a call that failed (kapi_object_of_fd(), kapi_object_of_path()),
 *	    and read by kapi_check_after() only then; %KAPI_OBJ_ANY if unknown
 * @sbad: BIT(i) if the struct (or array of structs) behind parameter i,
 *	  as kapi_check_decode_struct() read it, breaks a rule; 0 if none
 *	  does or none was read. The first such finding of the call is kept in
 *	  @swhy, @serror, @svalue and @sat.
 * @swhy: %KAPI_WHY_STRUCT_FAULT, %KAPI_WHY_STRUCT_TRAILING,
 *	  %KAPI_WHY_FIELD_RANGE or %KAPI_WHY_FIELD_MASK
 * @serror: the error it predicts (negative), or 0
 * @svalue: the field's value; for a fault or a non-zero trailing byte the
 *	    user address that could not be read or is not zero
 * @sat: where: for a field, element index * 256 + field index; else the
 *	 byte offset from the argument
 */
struct kapi_check_call {
	const void *image;
	const struct kapi_image_spec *spec;
	u32 nargs;
	const struct kapi_check_type *type;
	u64 args[KAPI_CHECK_MAX_PARAMS];
	long slen[KAPI_CHECK_MAX_PARAMS];
	char head[KAPI_CHECK_MAX_PARAMS];
	u16 fd[KAPI_CHECK_MAX_PARAMS];
	u32 context;
	struct kapi_object object;
	u8 sbad;
	u32 swhy;
	s32 serror;
	u64 svalue;
	u64 sat;
};

/*
 * The state of a descriptor (&kapi_check_call.fd), as
 * kapi_compat_fd_state() reads it from the caller's table: KNOWN that it
 * was looked up; OPEN that it is in the table; the rest only when OPEN: an
 * O_PATH file (FMODE_PATH), opened for reading or writing (FMODE_READ,
 * FMODE_WRITE), with a read or write method (FMODE_CAN_READ,
 * FMODE_CAN_WRITE), a directory the path walk can start from
 * (d_can_lookup()).
 */
#define KAPI_CHECK_FD_KNOWN	BIT(0)
#define KAPI_CHECK_FD_OPEN	BIT(1)
#define KAPI_CHECK_FD_PATH	BIT(2)
#define KAPI_CHECK_FD_READ	BIT(3)
#define KAPI_CHECK_FD_WRITE	BIT(4)
#define KAPI_CHECK_FD_CAN_READ	BIT(5)
#define KAPI_CHECK_FD_CAN_WRITE	BIT(6)
#define KAPI_CHECK_FD_DIR	BIT(7)

/* Why a parameter violates its constraint; selects the report's wording. */
enum kapi_check_why {
	KAPI_WHY_RANGE,		/* outside [min, max] */
	KAPI_WHY_MASK,		/* bits outside the valid mask */
	KAPI_WHY_ENUM,		/* not one of the listed values */
	KAPI_WHY_ALIGNMENT,	/* not a multiple of the alignment */
	KAPI_WHY_POWER_OF_TWO,	/* not a power of two */
	KAPI_WHY_PAGE_ALIGNED,	/* not a multiple of PAGE_SIZE */
	KAPI_WHY_NONZERO,	/* zero */
	KAPI_WHY_UNREADABLE,	/* a string that cannot be read */
	KAPI_WHY_TOO_LONG,	/* a string longer than allowed */
	KAPI_WHY_TOO_SHORT,	/* a string shorter than allowed */
	KAPI_WHY_USER_RANGE,	/* pointer + size outside user space */
	KAPI_WHY_SIZE_OVERFLOW,	/* size param * multiplier overflows */
	KAPI_WHY_FD_CLOSED,	/* a descriptor that is not open */
	KAPI_WHY_FD_PATH,	/* an O_PATH descriptor */
	KAPI_WHY_FD_MODE,	/* not opened for reading or writing */
	KAPI_WHY_FD_METHOD,	/* a file without a read or write method */
	KAPI_WHY_FD_NOTDIR,	/* not a directory */
	KAPI_WHY_OPEN_FLAGS,	/* flags that build_open_flags() refuses */
	KAPI_WHY_STRUCT_FAULT,	/* a struct or array that cannot be read */
	KAPI_WHY_STRUCT_TRAILING,	/* non-zero bytes past a struct's size */
	KAPI_WHY_FIELD_RANGE,	/* a struct field outside [min, max] */
	KAPI_WHY_FIELD_MASK,	/* a struct field with bits outside its mask */
};

/**
 * struct kapi_check_violation - one parameter that violates its constraint
 * @param: index of the parameter
 * @constraint: its enum kapi_constraint_type
 * @why: enum kapi_check_why
 * @error: the error the violation predicts (negative), or 0 if none
 * @order: the parameter's order field (%KAPI_PARAM_ORDER_*)
 * @value: the offending value: the argument, or for a string its length
 *	   without the NUL (%KAPI_WHY_TOO_LONG: at least the limit); for a
 *	   struct rule &kapi_check_call.svalue
 * @size: %KAPI_WHY_USER_RANGE: the size that was checked; for a struct
 *	  rule &kapi_check_call.sat
 */
struct kapi_check_violation {
	u32 param;
	u32 constraint;
	u32 why;
	s32 error;
	u32 order;
	u64 value;
	u64 size;
};

/**
 * struct kapi_check_pre - the verdict before the call
 * @nviolations: number of entries in @v, in parameter order
 * @v: the parameters that violate their constraints
 * @context_violation: the calling context is not one the spec allows
 * @predicted: the error the call is predicted to fail with: that of the
 *	       violation the kernel checks first (lowest rank; unranked
 *	       after every ranked one, in parameter order) among those that
 *	       name one; 0 if none
 * @first: index into @v of that violation, if @predicted is not 0
 * @enforce: enforce mode may fail the call with @predicted: the first
 *	     violation is not marked %KAPI_PARAM_ORDER_AUDIT
 */
struct kapi_check_pre {
	u32 nviolations;
	struct kapi_check_violation v[KAPI_CHECK_MAX_PARAMS];
	bool context_violation;
	s32 predicted;
	u32 first;
	bool enforce;
};

/**
 * struct kapi_check_post - the verdict after the call
 * @is_error: the call failed (its result is an error code)
 * @return_violation: a success value outside what the return spec allows
 * @undocumented: an error code that the spec's error list does not name
 *		  for the call's object (kapi_check_documented())
 * @divergence: the pre-check predicted an error and the call succeeded, or
 *		failed with an error that is neither predicted nor listed
 */
struct kapi_check_post {
	bool is_error;
	bool return_violation;
	bool undocumented;
	bool divergence;
};

struct kapi_check_type kapi_check_param_type(const void *image,
					     const struct kapi_image_param *p);
long kapi_check_string_limit(const struct kapi_image_param *p);

/* The helpers below run on the path of every hooked call: inline. */

/**
 * kapi_check_convert() - an argument register as its declared type sees it
 * @raw: the 64-bit register
 * @type: the parameter's declared type
 *
 * Return: @raw cut to @type's width, then widened back to 64 bits:
 * sign-extended for a signed type, zero-extended for an unsigned one.
 */
static inline u64 kapi_check_convert(u64 raw, struct kapi_check_type type)
{
	unsigned int shift;

	if (type.bits >= 64 || !type.bits)
		return raw;
	shift = 64 - type.bits;
	if (type.is_signed)
		return (u64)((s64)(raw << shift) >> shift);
	return (raw << shift) >> shift;
}

/**
 * kapi_check_bits() - the bits of a value in its type's width
 * @value: a value as kapi_check_convert() returns it
 * @type: its declared type
 *
 * Return: @value cut to @type's width and zero-extended: the argument's
 * bits as the kernel sees them (-1 as an int is 0xffffffff).
 */
static inline u64 kapi_check_bits(u64 value, struct kapi_check_type type)
{
	type.is_signed = false;
	return kapi_check_convert(value, type);
}

/**
 * kapi_check_context() - the KAPI_CTX_* bits of a calling context
 * @in_task: in_task()
 * @preemptible: preemptible()
 * @irqs_disabled: irqs_disabled()
 *
 * Return: %KAPI_CTX_PROCESS for task context; %KAPI_CTX_SLEEPABLE when
 * preemptible, else %KAPI_CTX_ATOMIC and %KAPI_CTX_PREEMPT_DISABLED;
 * %KAPI_CTX_IRQ_DISABLED with interrupts off.
 */
static inline u32 kapi_check_context(bool in_task, bool preemptible,
				     bool irqs_disabled)
{
	u32 ctx = 0;

	if (in_task)
		ctx |= KAPI_CTX_PROCESS;
	if (preemptible)
		ctx |= KAPI_CTX_SLEEPABLE;
	else
		ctx |= KAPI_CTX_ATOMIC | KAPI_CTX_PREEMPT_DISABLED;
	if (irqs_disabled)
		ctx |= KAPI_CTX_IRQ_DISABLED;
	return ctx;
}

/*
 * How the hooks decode a call (kapi_check_decode_string(),
 * &kapi_check_impl.enter): ATOMIC when the decoding runs with preemption
 * disabled, where it must not sleep or fault on user memory;
 * CALLER_ATOMIC when the system call was made where it could not sleep.
 */
#define KAPI_CHECK_ATOMIC		0x1
#define KAPI_CHECK_CALLER_ATOMIC	0x2

/* What &kapi_check_impl.enter did with a call. */
enum kapi_check_entered {
	KAPI_CHECK_AGAIN,	/* a string faulted: decode where faults are served */
	KAPI_CHECK_CLEAN,	/* checked: every rule holds */
	KAPI_CHECK_FOUND,	/* checked: the verdict may have violations */
};

/* The KAPI_CTX_* bits of the calling context, for decoding @flags. */
static __always_inline u32 kapi_check_context_now(u32 flags)
{
	/*
	 * A caller that could sleep had a preempt count of zero (no
	 * interrupt bits) and interrupts on: a task that may sleep.
	 */
	if (likely(!(flags & KAPI_CHECK_CALLER_ATOMIC)) &&
	    IS_ENABLED(CONFIG_PREEMPT_COUNT))
		return KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE;
	return kapi_check_context(in_task(), !(flags & KAPI_CHECK_CALLER_ATOMIC),
				  irqs_disabled());
}

/**
 * kapi_check_decode_string() - read what the engine needs of a string
 * argument: &kapi_check_call.slen and .head of argument @i
 * @call: the call, its argument @i decoded
 * @i: the parameter
 * @limit: kapi_check_string_limit() of the parameter
 * @flags: KAPI_CHECK_ATOMIC if page faults cannot be served
 *
 * Return: false if the string could not be read with faults disabled
 * (it may be paged out): decode again where they are served.
 */
static __always_inline bool kapi_check_decode_string(struct kapi_check_call *call,
						     u32 i, long limit, u32 flags)
{
	const char __user *s = (const char __user *)(uintptr_t)call->args[i];
	long slen = 0;
	char head = 0;

	if (s) {
		slen = kapi_compat_strnlen_user(s, limit, &head,
						flags & KAPI_CHECK_ATOMIC);
		if (slen <= 0)
			head = 0;
		if (!slen && (flags & KAPI_CHECK_ATOMIC))
			return false;
	}
	call->slen[i] = slen;
	call->head[i] = head;
	return true;
}

/*
 * The rules, shared by the interpreter (check.c, which reads each rule's
 * numbers from the image) and the checks kapi-gen specialises per spec
 * (module/generated/checks.c, which passes them as constants for the
 * compiler to fold). Each returns true if its rule holds; if not, it fills
 * in @v's why, error, value and size, where @error is the parameter's
 * violation_error and @value its argument.
 */

/* The longest user string kapi reads to check a USER_STRING maximum. */
#define KAPI_CHECK_STRING_MAX SZ_64K

/* kapi_check_string_limit() of a parameter with @constraint and @max. */
static __always_inline long kapi_check_string_limit_of(u32 constraint,
						       s64 max)
{
	if (constraint == KAPI_CONSTRAINT_USER_PATH)
		return PATH_MAX;
	if (constraint != KAPI_CONSTRAINT_USER_STRING)
		return 0;
	if (max > 0 && max < KAPI_CHECK_STRING_MAX)
		return max + 1;
	if (max > 0)
		return KAPI_CHECK_STRING_MAX;
	return PATH_MAX;
}

/* Fill in a violation found by a rule. */
static __always_inline bool kapi_check_fail(struct kapi_check_violation *v,
					    u32 why, s32 error, u64 value,
					    u64 size)
{
	v->why = why;
	v->error = error;
	v->value = value;
	v->size = size;
	return false;
}

/* Whether the context the call runs in is one the spec allows. */
static __always_inline bool kapi_check_context_ok(u32 allowed, u32 seen)
{
	if (!allowed)
		return true;
	if ((seen & KAPI_CTX_PROCESS) && !(allowed & KAPI_CTX_PROCESS))
		return false;
	/* A sleepable API may also be called atomic if the spec says so. */
	if (!(seen & KAPI_CTX_SLEEPABLE) && (allowed & KAPI_CTX_SLEEPABLE) &&
	    !(allowed & (KAPI_CTX_ATOMIC | KAPI_CTX_PREEMPT_DISABLED)))
		return false;
	return true;
}

/* RANGE: @value in [@min, @max], compared in @type's signedness. */
static __always_inline bool kapi_check_range_ok(u64 value,
						struct kapi_check_type type,
						s64 min, s64 max)
{
	if (type.is_signed)
		return (s64)value >= min && (s64)value <= max;
	return value >= (u64)min && value <= (u64)max;
}

/*
 * USER_STRING, USER_PATH: readable (@slen as &kapi_check_call.slen has
 * it), and as long as the spec allows.
 */
static __always_inline bool
kapi_check_string_ok(u32 constraint, u32 flags, s64 min, s64 max, u64 value,
		     long slen, s32 error, struct kapi_check_violation *v)
{
	long limit = kapi_check_string_limit_of(constraint, max);

	if (!value && (flags & KAPI_PARAM_OPTIONAL))
		return true;
	if (slen <= 0)
		return kapi_check_fail(v, KAPI_WHY_UNREADABLE, error, value, 0);
	if (constraint == KAPI_CONSTRAINT_USER_PATH) {
		/* No NUL within PATH_MAX bytes: getname() says ENAMETOOLONG. */
		if (slen > limit)
			return kapi_check_fail(v, KAPI_WHY_TOO_LONG,
					       -ENAMETOOLONG, limit, 0);
		return true;
	}
	if (max > 0 && max < KAPI_CHECK_STRING_MAX && slen > limit)
		return kapi_check_fail(v, KAPI_WHY_TOO_LONG, error, limit, 0);
	if (min > 0 && slen <= limit && slen - 1 < min)
		return kapi_check_fail(v, KAPI_WHY_TOO_SHORT, error, slen - 1,
				       0);
	return true;
}

/*
 * USER_PTR, BUFFER: the range the pointer covers lies in user space. Its
 * size is @count * @mult if @has_count (the size parameter's argument),
 * else @size if positive, else 0.
 */
static __always_inline bool
kapi_check_user_range_ok(u32 flags, bool has_count, u64 count, s64 mult,
			 s64 size, u64 value, s32 error,
			 struct kapi_check_violation *v)
{
	u64 bytes = 0;

	if (!value && (flags & KAPI_PARAM_OPTIONAL))
		return true;
	if (has_count) {
		if (check_mul_overflow(count, mult > 0 ? (u64)mult : 1,
				       &bytes))
			return kapi_check_fail(v, KAPI_WHY_SIZE_OVERFLOW, error,
					       value, count);
	} else if (size > 0) {
		bytes = size;
	}
	/*
	 * x86's access_ok() checks only the start of a range whose size is a
	 * constant of at most a page (the guard page catches the rest): hide
	 * the size, so that specialised checks test what the interpreter does.
	 */
	OPTIMIZER_HIDE_VAR(bytes);
	if (access_ok((const void __user *)(uintptr_t)value, bytes))
		return true;
	return kapi_check_fail(v, KAPI_WHY_USER_RANGE, error, value, bytes);
}

/*
 * FD: argument @i of @call, a descriptor, is in the state the access bits
 * @need (the param's mask, enum kapi_fd_access) require, checked in the
 * kernel's order; @path is the param's size_param, the path a relative
 * walk starts from for %KAPI_FD_IF_RELATIVE.
 */
static __always_inline bool
kapi_check_fd_ok(const struct kapi_check_call *call, u32 i, u32 need,
		 s32 path, s32 error, struct kapi_check_violation *v)
{
	u32 st = call->fd[i];
	u64 value = call->args[i];
	/* The state that passes every test below, the common case. */
	u32 good = KAPI_CHECK_FD_KNOWN | KAPI_CHECK_FD_OPEN |
		   (need & KAPI_FD_READ ? KAPI_CHECK_FD_READ : 0) |
		   (need & KAPI_FD_WRITE ? KAPI_CHECK_FD_WRITE : 0) |
		   (need & KAPI_FD_CAN_READ ? KAPI_CHECK_FD_CAN_READ : 0) |
		   (need & KAPI_FD_CAN_WRITE ? KAPI_CHECK_FD_CAN_WRITE : 0) |
		   (need & KAPI_FD_DIR ? KAPI_CHECK_FD_DIR : 0);
	u32 bad = need & KAPI_FD_NOT_PATH ? KAPI_CHECK_FD_PATH : 0;

	if ((st & (good | bad)) == good || !(st & KAPI_CHECK_FD_KNOWN))
		return true;
	if (need & KAPI_FD_IF_RELATIVE) {
		/* No walk without a readable, nonempty path; none from dfd for '/'. */
		if (path < 0 || path >= call->nargs || call->slen[path] <= 1 ||
		    call->head[path] == '/')
			return true;
	}
	if ((need & KAPI_FD_AT_FDCWD) && (s32)(u32)value == AT_FDCWD)
		return true;
	if ((need & KAPI_FD_NEGATIVE_OK) && (s32)(u32)value < 0)
		return true;
	if (!(st & KAPI_CHECK_FD_OPEN))
		return kapi_check_fail(v, KAPI_WHY_FD_CLOSED, error, value, 0);
	if ((need & KAPI_FD_NOT_PATH) && (st & KAPI_CHECK_FD_PATH))
		return kapi_check_fail(v, KAPI_WHY_FD_PATH, error, value, 0);
	if (((need & KAPI_FD_READ) && !(st & KAPI_CHECK_FD_READ)) ||
	    ((need & KAPI_FD_WRITE) && !(st & KAPI_CHECK_FD_WRITE)))
		return kapi_check_fail(v, KAPI_WHY_FD_MODE, error, value, 0);
	if (((need & KAPI_FD_CAN_READ) && !(st & KAPI_CHECK_FD_CAN_READ)) ||
	    ((need & KAPI_FD_CAN_WRITE) && !(st & KAPI_CHECK_FD_CAN_WRITE)))
		return kapi_check_fail(v, KAPI_WHY_FD_METHOD, -EINVAL, value,
				       0);
	if ((need & KAPI_FD_DIR) && !(st & KAPI_CHECK_FD_DIR))
		return kapi_check_fail(v, KAPI_WHY_FD_NOTDIR, -ENOTDIR, value,
				       0);
	return true;
}

/*
 * OPEN_FLAGS: open(2) flags as build_open_how() and build_open_flags() see
 * them (the same on 6.1 and 6.12): without O_PATH, O_CREAT with
 * O_DIRECTORY, the __O_TMPFILE bit without O_DIRECTORY, and O_TMPFILE with
 * O_RDONLY are refused. With O_PATH every other bit but O_DIRECTORY,
 * O_NOFOLLOW and O_CLOEXEC is dropped first, so nothing is refused.
 */
static __always_inline bool kapi_check_open_flags_ok(u64 bits)
{
	if (bits & O_PATH)
		return true;
	if ((bits & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return false;
	if ((bits & __O_TMPFILE) &&
	    (!(bits & O_DIRECTORY) || (bits & O_ACCMODE) == O_RDONLY))
		return false;
	return true;
}

/*
 * Struct and array arguments (Documentation/runtime.rst, "Struct
 * arguments"): the hooks read the bytes behind a parameter that names a
 * struct (kapi_check_decode_struct(), before the rules run) and record the
 * first rule they break in &kapi_check_call; the rule of the parameter
 * (kapi_check_struct_ok()) only reads that record.
 */

/* The most fields of a struct that are checked; more are not. */
#define KAPI_CHECK_FIELDS_MAX 8
/* Bytes of user memory read at a time, on the stack; the largest struct. */
#define KAPI_CHECK_STRUCT_BUF 128
/* The most elements of an array without a max-count that are read. */
#define KAPI_CHECK_ELEMS_MAX 1024

/**
 * struct kapi_check_field - a described field of a struct, as checked
 * @offset: its offset in the struct
 * @size: its size in bytes: 1, 2, 4 or 8 (else it is not checked)
 * @is_signed: its value is signed (a %KAPI_TYPE_INT field)
 * @constraint: %KAPI_CONSTRAINT_RANGE or %KAPI_CONSTRAINT_MASK; any other
 *		is not checked
 * @error: the error a violation predicts (negative), or 0
 * @min: RANGE: the lowest valid value
 * @max: RANGE: the highest valid value
 * @mask: MASK: the valid bits
 */
struct kapi_check_field {
	u32 offset;
	u8 size;
	bool is_signed;
	u16 constraint;
	s32 error;
	s64 min;
	s64 max;
	u64 mask;
};

/**
 * struct kapi_check_struct - what the hooks read behind one parameter
 * @size: bytes of the struct (of one element), 1..%KAPI_CHECK_STRUCT_BUF
 * @nfields: entries of @field
 * @size_param: a size-versioned struct: the parameter that holds the
 *		caller's size (copy_struct_from_user()), or -1
 * @count_param: an array: the parameter that holds the element count, or -1
 * @max_count: an array: above this count nothing is read (the count's own
 *	       rule decides), 0 for %KAPI_CHECK_ELEMS_MAX
 * @field: the fields checked, in the struct's order
 */
struct kapi_check_struct {
	u32 size;
	u32 nfields;
	s32 size_param;
	s32 count_param;
	u64 max_count;
	struct kapi_check_field field[KAPI_CHECK_FIELDS_MAX];
};

bool kapi_check_decode_struct(struct kapi_check_call *call, u32 i,
			      const struct kapi_check_struct *st, u32 flags);

/*
 * The rule field @f breaks with @value: 0 when it holds (or has no range or
 * mask rule), else %KAPI_WHY_FIELD_RANGE or %KAPI_WHY_FIELD_MASK.
 */
static __always_inline u32 kapi_check_field_why(const struct kapi_check_field *f,
						u64 value)
{
	if (f->constraint == KAPI_CONSTRAINT_RANGE &&
	    !kapi_check_range_ok(value,
				 (struct kapi_check_type){ 64, f->is_signed },
				 f->min, f->max))
		return KAPI_WHY_FIELD_RANGE;
	if (f->constraint == KAPI_CONSTRAINT_MASK && (value & ~f->mask))
		return KAPI_WHY_FIELD_MASK;
	return 0;
}

/* Does field @k (if any) of the words @w of a struct @st hold its rule? */
static __always_inline bool
kapi_check_word_field_ok(const struct kapi_check_struct *st, const u64 *w,
			 u32 k)
{
	const struct kapi_check_field *f = &st->field[k];

	BUILD_BUG_ON(KAPI_CHECK_FIELDS_MAX != 8);
	if (k >= st->nfields || f->offset >= st->size ||
	    f->size > st->size - f->offset)
		return true;
	return !kapi_check_field_why(f, w[f->offset / 8]);
}

/*
 * kapi_check_decode_struct_inline() - kapi_check_decode_struct() for a
 * constant @st (kapi-gen's checks): an array of one element of 8 or 16
 * bytes (readv() of one struct iovec) whose checked fields are aligned
 * 8-byte words is read in one copy and checked here, where @st folds into
 * the code; anything else, and any copy that fails, is decoded out of line
 * (which reads the bytes again and records what kapi_check_decode_struct()
 * records).
 */
static __always_inline bool
kapi_check_decode_struct_inline(struct kapi_check_call *call, u32 i,
				const struct kapi_check_struct *st, u32 flags)
{
	bool atomic = flags & (KAPI_CHECK_ATOMIC | KAPI_CHECK_CALLER_ATOMIC);
	u64 w[2];
	u32 k;

	if (st->count_param < 0 || (st->size != 8 && st->size != 16))
		goto general;
	for (k = 0; k < st->nfields && k < KAPI_CHECK_FIELDS_MAX; k++) {
		const struct kapi_check_field *f = &st->field[k];

		if ((f->constraint != KAPI_CONSTRAINT_RANGE &&
		     f->constraint != KAPI_CONSTRAINT_MASK) ||
		    f->offset >= st->size || f->size > st->size - f->offset)
			continue;
		if (f->size != 8 || (f->offset & 7))
			goto general;
	}
	if (call->sbad || i >= call->nargs ||
	    st->count_param >= call->nargs || call->args[st->count_param] != 1)
		goto general;
	if (kapi_compat_copy_user_words(w,
					(const void __user *)(uintptr_t)call->args[i],
					st->size / 8, atomic))
		goto general;
	/* One call per field: with @st constant, a comparison or two each. */
	if (!kapi_check_word_field_ok(st, w, 0) ||
	    !kapi_check_word_field_ok(st, w, 1) ||
	    !kapi_check_word_field_ok(st, w, 2) ||
	    !kapi_check_word_field_ok(st, w, 3) ||
	    !kapi_check_word_field_ok(st, w, 4) ||
	    !kapi_check_word_field_ok(st, w, 5) ||
	    !kapi_check_word_field_ok(st, w, 6) ||
	    !kapi_check_word_field_ok(st, w, 7))
		goto general;
	return true;
general:
	return kapi_check_decode_struct(call, i, st, flags);
}

bool kapi_check_struct_of(const void *image, const struct kapi_image_param *p,
			  struct kapi_check_struct *st);

/*
 * STRUCT: what kapi_check_decode_struct() found behind argument @i of
 * @call holds every rule.
 */
static __always_inline bool
kapi_check_struct_ok(const struct kapi_check_call *call, u32 i,
		     struct kapi_check_violation *v)
{
	if (likely(!(call->sbad & BIT(i))))
		return true;
	return kapi_check_fail(v, call->swhy, call->serror, call->svalue,
			       call->sat);
}

/* The sort key of a rule's order field: unranked (0) after every rank. */
static __always_inline u32 kapi_check_rank(u32 order)
{
	u32 rank = order & KAPI_PARAM_ORDER_RANK;

	return rank ? rank : KAPI_PARAM_ORDER_RANK + 1;
}

/* What kapi_check_before() finds when every rule holds. */
static __always_inline void kapi_check_pre_clean(struct kapi_check_pre *pre)
{
	pre->nviolations = 0;
	pre->context_violation = false;
	pre->predicted = 0;
	pre->first = 0;
	pre->enforce = false;
}

/* No violation yet: what kapi_check_before() starts from. */
static __always_inline void kapi_check_pre_init(struct kapi_check_pre *pre)
{
	pre->nviolations = 0;
	pre->predicted = 0;
	pre->first = 0;
	pre->enforce = false;
}

/*
 * Count @pre->v[@pre->nviolations], just filled in but for its param,
 * constraint and order, as a violation of parameter @param; @best is the
 * lowest rank of a predicting violation so far (U32_MAX for none).
 */
static __always_inline void kapi_check_note(struct kapi_check_pre *pre,
					    u32 *best, u32 param,
					    u32 constraint, u32 order)
{
	struct kapi_check_violation *v = &pre->v[pre->nviolations];
	u32 rank = kapi_check_rank(order);

	v->param = param;
	v->constraint = constraint;
	v->order = order;
	if (v->error && rank < *best) {
		*best = rank;
		pre->first = pre->nviolations;
		pre->predicted = v->error;
		pre->enforce = !(order & KAPI_PARAM_ORDER_AUDIT);
	}
	pre->nviolations++;
}

/*
 * kapi_check_after() up to the error list: classify @ret by the return
 * rule (@check, @min, @max as in &kapi_image_return) and fill in @post for
 * a success. Return: true if @ret is an error, which the caller checks
 * against the error list and then passes to kapi_check_error_divergence().
 */
static __always_inline bool
kapi_check_result(u32 check, s64 min, s64 max, long ret, unsigned long nofile,
		  const struct kapi_check_pre *pre, struct kapi_check_post *post)
{
	bool success;

	post->return_violation = false;
	post->undocumented = false;
	post->divergence = false;
	switch (check) {
	case KAPI_RETURN_EXACT:
		success = ret == min;
		break;
	case KAPI_RETURN_RANGE:
		success = ret >= min && ret <= max;
		break;
	default:
		success = false;
		break;
	}
	post->is_error = !success && IS_ERR_VALUE(ret);
	if (post->is_error)
		return true;
	switch (check) {
	case KAPI_RETURN_EXACT:
	case KAPI_RETURN_RANGE:
		post->return_violation = !success;
		break;
	case KAPI_RETURN_FD:
		post->return_violation = ret < 0 || (unsigned long)ret >= nofile;
		break;
	default:
		break;
	}
	post->divergence = pre->predicted != 0;
	return false;
}

/*
 * kapi_check_result_ok() - whether @ret is a result the return rule @check
 * allows, the case in which kapi_check_result() finds nothing to report
 * unless the call was predicted to fail; false when it cannot tell.
 */
static __always_inline bool kapi_check_result_ok(u32 check, s64 min, s64 max,
						 long ret,
						 unsigned long nofile)
{
	switch (check) {
	case KAPI_RETURN_EXACT:
		return ret == min;
	case KAPI_RETURN_RANGE:
		return ret >= min && ret <= max;
	case KAPI_RETURN_FD:
		return ret >= 0 && (unsigned long)ret < nofile;
	default:
		return false;
	}
}

bool kapi_check_is_restart(long ret);

/*
 * The end of kapi_check_after() for a failed call whose documentation
 * (@post->undocumented) is known: does it contradict the prediction?
 */
static __always_inline void
kapi_check_error_divergence(const struct kapi_check_pre *pre, long ret,
			    struct kapi_check_post *post)
{
	u32 i;

	if (!pre->predicted || kapi_check_is_restart(ret))
		return;
	for (i = 0; i < pre->nviolations; i++)
		if (pre->v[i].error == ret)
			return;
	post->divergence = post->undocumented;
}

/* Does object selector (@type, @impl) match @obj? */
static __always_inline bool kapi_check_selector_is(u16 type, u16 impl,
						   struct kapi_object obj)
{
	return (type == KAPI_OBJ_ANY || type == obj.type) &&
	       (impl == KAPI_IMPL_ANY || impl == obj.impl);
}

void kapi_check_before(const struct kapi_check_call *call,
		       struct kapi_check_pre *pre);
void kapi_check_after(const struct kapi_check_call *call,
		      const struct kapi_check_pre *pre, long ret,
		      unsigned long nofile, struct kapi_check_post *post);

/**
 * struct kapi_check_impl - one implementation of the check engine
 * @name: "interpreter", or "generated" for checks kapi-gen specialised
 * @enter: if not NULL, decodes the call from the user registers @uregs as
 *	   the hooks do (the fields but @image, @spec, @nargs, @type and
 *	   @object, which the caller sets: only those the rules read) and
 *	   does what @before does; %KAPI_CHECK_AGAIN, as
 *	   kapi_check_decode_string() returns false, if it must be called
 *	   again where page faults are served. The interpreter has none: the
 *	   hooks decode as the spec's image says.
 * @before: does what kapi_check_before() does
 * @after: does what kapi_check_after() does
 *
 * The hooks pick one per spec when they attach (kapi_check_impl_for()) and
 * call it on every call: both implementations give the same verdicts for
 * the same call (KUnit suite kapi_check_gen compares them).
 */
struct kapi_check_impl {
	const char *name;
	enum kapi_check_entered (*enter)(const struct pt_regs *uregs,
					 struct kapi_check_call *call,
					 struct kapi_check_pre *pre, u32 flags);
	void (*before)(const struct kapi_check_call *call,
		       struct kapi_check_pre *pre);
	void (*after)(const struct kapi_check_call *call,
		      const struct kapi_check_pre *pre, long ret,
		      unsigned long nofile, struct kapi_check_post *post);
};

struct kapi_tramp_client;

/**
 * struct kapi_check_gen - checks kapi-gen specialised for one spec
 * @spec: the spec's name
 * @nparams: its number of parameters
 * @type: the declared type of each parameter, as the generator read the
 *	  type names; the checks are used only if kapi_check_param_type()
 *	  agrees
 * @impl: the checks
 * @hook: the hook's pre() and post() made of them (hook_call.h), for the
 *	  specs of kapi.ko's own image, as a client to copy; NULL elsewhere
 *
 * kapi-gen --checks writes a table of these (SYMBOL_checks, with
 * SYMBOL_checks_count entries) for the syscall specs of an image.
 */
struct kapi_check_gen {
	const char *spec;
	u32 nparams;
	struct kapi_check_type type[KAPI_CHECK_MAX_PARAMS];
	struct kapi_check_impl impl;
	const struct kapi_tramp_client *hook;
};

/*
 * KAPI_CHECKS_DECLARE(sym) - declare the checks that kapi-gen generated with
 * "--checks --symbol sym" (kapi_gen_checks in module/kapi-gen.mk).
 */
#define KAPI_CHECKS_DECLARE(sym)					\
	extern const struct kapi_check_gen sym##_checks[];		\
	extern const unsigned int sym##_checks_count

extern const struct kapi_check_impl kapi_check_interpreter;

/* The checks generated for kapi.ko's own image (module/generated/checks.c). */
KAPI_CHECKS_DECLARE(kapi_builtin_image);

const struct kapi_check_impl *
kapi_check_impl_find(const struct kapi_check_gen *table, unsigned int count,
		     const void *image, const struct kapi_image_spec *spec);
const struct kapi_check_impl *
kapi_check_impl_for(const void *image, const struct kapi_image_spec *spec);
const void *kapi_check_builtin(size_t *size,
			       const struct kapi_check_gen **table,
			       unsigned int *count);

/* Used by the generated checks when a parameter violates its rule. */
u32 kapi_check_violation(struct kapi_check_pre *pre, u32 best, u32 param,
			 u32 constraint, u32 why, s32 error, u32 order,
			 u64 value);
u32 kapi_check_noted(struct kapi_check_pre *pre, u32 best, u32 param,
		     u32 constraint, u32 order);

bool kapi_check_selector_match(const struct kapi_image_object *sel,
			       struct kapi_object obj);
bool kapi_check_documented(const void *image, const struct kapi_image_spec *spec,
			   s32 code, struct kapi_object obj);
const char *kapi_check_constraint_token(u32 constraint);
const char *kapi_check_return_token(u32 check);
bool kapi_check_constrained(const struct kapi_image_param *p);

#endif /* KAPI_CHECK_H */

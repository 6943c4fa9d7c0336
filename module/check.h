/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The check engine of kapi's runtime verification: pure functions from a
 * syscall spec, the arguments of one call (and what the hooks observed in
 * user memory for it) and the call's result to verdicts. The engine takes
 * no locks, allocates nothing, prints nothing and keeps no state, so the
 * hooks can run it on every call and tests can run it on any input. What a
 * verdict means, and why each rule cannot report a call that the kernel
 * accepts, is explained in Documentation/runtime.rst.
 */
#ifndef KAPI_CHECK_H
#define KAPI_CHECK_H

#include <linux/bits.h>
#include <linux/types.h>

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
};

/**
 * struct kapi_check_violation - one parameter that violates its constraint
 * @param: index of the parameter
 * @constraint: its enum kapi_constraint_type
 * @why: enum kapi_check_why
 * @error: the error the violation predicts (negative), or 0 if none
 * @order: the parameter's order field (%KAPI_PARAM_ORDER_*)
 * @value: the offending value: the argument, or for a string its length
 *	   without the NUL (%KAPI_WHY_TOO_LONG: at least the limit)
 * @size: %KAPI_WHY_USER_RANGE: the size that was checked
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

void kapi_check_before(const struct kapi_check_call *call,
		       struct kapi_check_pre *pre);
void kapi_check_after(const struct kapi_check_call *call,
		      const struct kapi_check_pre *pre, long ret,
		      unsigned long nofile, struct kapi_check_post *post);

bool kapi_check_selector_match(const struct kapi_image_object *sel,
			       struct kapi_object obj);
bool kapi_check_documented(const void *image, const struct kapi_image_spec *spec,
			   s32 code, struct kapi_object obj);
bool kapi_check_is_restart(long ret);
const char *kapi_check_constraint_token(u32 constraint);
const char *kapi_check_return_token(u32 check);
bool kapi_check_constrained(const struct kapi_image_param *p);

#endif /* KAPI_CHECK_H */

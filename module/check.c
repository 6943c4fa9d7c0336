// SPDX-License-Identifier: GPL-2.0
/*
 * The check engine: given a syscall spec, the arguments of one call in
 * their declared C types and what the hooks read from user memory for it,
 * decide which parameters violate their constraints and which error the
 * call is therefore predicted to fail with; given the call's result, decide
 * whether it breaks the return spec, is an error the spec does not list, or
 * contradicts the prediction. Everything here is a pure function of its
 * arguments (access_ok() only compares an address range with the top of
 * user space), so the hooks can call it on every system call. The rules
 * and the reasons they cannot flag a call the kernel accepts are in
 * Documentation/runtime.rst.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/overflow.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "check.h"
#include "kapi.h"

/* Longest C type name that kapi_check_param_type() looks up. */
#define KAPI_CHECK_TYPE_LEN 48

/*
 * The C types of system call parameters, without qualifiers, and their
 * width on x86-64. A pointer is recognised by its '*'.
 */
static const struct {
	const char *name;
	struct kapi_check_type type;
} kapi_check_types[] = {
	{ "char", { 8, true } },
	{ "signed char", { 8, true } },
	{ "s8", { 8, true } },
	{ "__s8", { 8, true } },
	{ "int8_t", { 8, true } },
	{ "unsigned char", { 8, false } },
	{ "u8", { 8, false } },
	{ "__u8", { 8, false } },
	{ "uint8_t", { 8, false } },
	{ "bool", { 8, false } },
	{ "short", { 16, true } },
	{ "short int", { 16, true } },
	{ "signed short", { 16, true } },
	{ "s16", { 16, true } },
	{ "__s16", { 16, true } },
	{ "int16_t", { 16, true } },
	{ "unsigned short", { 16, false } },
	{ "unsigned short int", { 16, false } },
	{ "u16", { 16, false } },
	{ "__u16", { 16, false } },
	{ "uint16_t", { 16, false } },
	{ "umode_t", { 16, false } },
	{ "old_uid_t", { 16, false } },
	{ "old_gid_t", { 16, false } },
	{ "int", { 32, true } },
	{ "signed", { 32, true } },
	{ "signed int", { 32, true } },
	{ "s32", { 32, true } },
	{ "__s32", { 32, true } },
	{ "int32_t", { 32, true } },
	{ "pid_t", { 32, true } },
	{ "key_serial_t", { 32, true } },
	{ "clockid_t", { 32, true } },
	{ "timer_t", { 32, true } },
	{ "mqd_t", { 32, true } },
	{ "rwf_t", { 32, true } },
	{ "unsigned", { 32, false } },
	{ "unsigned int", { 32, false } },
	{ "u32", { 32, false } },
	{ "__u32", { 32, false } },
	{ "uint32_t", { 32, false } },
	{ "uid_t", { 32, false } },
	{ "gid_t", { 32, false } },
	{ "qid_t", { 32, false } },
	{ "dev_t", { 32, false } },
	{ "mode_t", { 32, false } },
	{ "key_perm_t", { 32, false } },
	{ "long", { 64, true } },
	{ "long int", { 64, true } },
	{ "signed long", { 64, true } },
	{ "long long", { 64, true } },
	{ "long long int", { 64, true } },
	{ "s64", { 64, true } },
	{ "__s64", { 64, true } },
	{ "int64_t", { 64, true } },
	{ "ssize_t", { 64, true } },
	{ "loff_t", { 64, true } },
	{ "off_t", { 64, true } },
	{ "time_t", { 64, true } },
	{ "clock_t", { 64, true } },
	{ "unsigned long", { 64, false } },
	{ "unsigned long int", { 64, false } },
	{ "long unsigned int", { 64, false } },
	{ "unsigned long long", { 64, false } },
	{ "u64", { 64, false } },
	{ "__u64", { 64, false } },
	{ "uint64_t", { 64, false } },
	{ "size_t", { 64, false } },
	{ "aio_context_t", { 64, false } },
};

/* Copy @name without qualifiers and with single spaces into @buf. */
static bool kapi_check_type_words(const char *name, char *buf, size_t size)
{
	static const char *const skip[] = {
		"const", "volatile", "__user", "__force", "restrict",
	};
	size_t len = 0, n, i;

	while (*name) {
		while (*name == ' ' || *name == '\t')
			name++;
		n = strcspn(name, " \t");
		if (!n)
			break;
		for (i = 0; i < ARRAY_SIZE(skip); i++)
			if (strlen(skip[i]) == n && !strncmp(name, skip[i], n))
				break;
		if (i == ARRAY_SIZE(skip)) {
			if (len + !!len + n >= size)
				return false;
			if (len)
				buf[len++] = ' ';
			memcpy(buf + len, name, n);
			len += n;
		}
		name += n;
	}
	buf[len] = '\0';
	return true;
}

/**
 * kapi_check_param_type() - how the kernel reads a parameter's register
 * @image: a validated image
 * @p: a parameter of one of its syscall specs
 *
 * Pointers are 64-bit unsigned; the integer types of the syscall ABI have
 * their C widths. A type name kapi does not know is taken as 64 bits wide,
 * signed unless @p's type is %KAPI_TYPE_UINT or a pointer type, so that no
 * bit of the register is ignored.
 *
 * Return: the width and signedness to compare @p's argument in.
 */
struct kapi_check_type kapi_check_param_type(const void *image,
					     const struct kapi_image_param *p)
{
	const char *name = kapi_image_str(image, p->type_name);
	struct kapi_check_type t = { 64, true };
	char buf[KAPI_CHECK_TYPE_LEN];
	size_t i;

	switch (p->type) {
	case KAPI_TYPE_UINT:
	case KAPI_TYPE_PTR:
	case KAPI_TYPE_USER_PTR:
	case KAPI_TYPE_PATH:
	case KAPI_TYPE_FUNC_PTR:
	case KAPI_TYPE_ARRAY:
	case KAPI_TYPE_STRUCT:
	case KAPI_TYPE_UNION:
		t.is_signed = false;
		break;
	default:
		break;
	}
	if (strpbrk(name, "*[")) {
		t.is_signed = false;
		return t;
	}
	if (!kapi_check_type_words(name, buf, sizeof(buf)))
		return t;
	for (i = 0; i < ARRAY_SIZE(kapi_check_types); i++)
		if (!strcmp(buf, kapi_check_types[i].name))
			return kapi_check_types[i].type;
	return t;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_param_type);

/**
 * kapi_check_string_limit() - how much of a string argument to measure
 * @p: a parameter
 *
 * The hooks measure strnlen_user(arg, limit) (kapi_compat_strnlen_user())
 * for every parameter with a nonzero limit and pass the result to the engine in
 * &kapi_check_call.slen. A path may be PATH_MAX bytes long with its NUL; a
 * USER_STRING with a maximum length (@p's max) is measured one byte past
 * it (at most 64 KiB), one without a maximum for readability within
 * PATH_MAX bytes.
 *
 * Return: the limit, or 0 for a parameter that is not a string.
 */
long kapi_check_string_limit(const struct kapi_image_param *p)
{
	return kapi_check_string_limit_of(p->constraint, p->max.value);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_string_limit);

static bool kapi_check_enum(const void *image, const struct kapi_image_param *p,
			    u64 value, struct kapi_check_type type)
{
	u64 bits = kapi_check_bits(value, type);
	u32 i;

	if (!p->values.count)
		return true;
	for (i = 0; i < p->values.count; i++) {
		const struct kapi_image_num *n = kapi_image_param_value(image, p, i);

		if (kapi_check_bits((u64)n->value, type) == bits)
			return true;
	}
	return false;
}

/*
 * Check argument @i against its parameter's constraint. Return: true if it
 * holds; false with @v's why, error, value and size filled in otherwise.
 */
static bool kapi_check_param(const struct kapi_check_call *call,
			     const struct kapi_image_param *p, u32 i,
			     struct kapi_check_violation *v)
{
	struct kapi_check_type type = call->type[i];
	u64 value = call->args[i], bits = kapi_check_bits(value, type);
	s32 error = p->violation_error;
	u32 why;

	switch (p->constraint) {
	case KAPI_CONSTRAINT_RANGE:
		if (kapi_check_range_ok(value, type, p->min.value, p->max.value))
			return true;
		why = KAPI_WHY_RANGE;
		break;
	case KAPI_CONSTRAINT_MASK:
		if (!(bits & ~(u64)p->mask.value))
			return true;
		why = KAPI_WHY_MASK;
		break;
	case KAPI_CONSTRAINT_ENUM:
		if (kapi_check_enum(call->image, p, value, type))
			return true;
		why = KAPI_WHY_ENUM;
		break;
	case KAPI_CONSTRAINT_ALIGNMENT:
		if (p->alignment.value <= 0 ||
		    !(bits % (u64)p->alignment.value))
			return true;
		why = KAPI_WHY_ALIGNMENT;
		break;
	case KAPI_CONSTRAINT_POWER_OF_TWO:
		if (bits && !(bits & (bits - 1)))
			return true;
		why = KAPI_WHY_POWER_OF_TWO;
		break;
	case KAPI_CONSTRAINT_PAGE_ALIGNED:
		if (!(bits & ~PAGE_MASK))
			return true;
		why = KAPI_WHY_PAGE_ALIGNED;
		break;
	case KAPI_CONSTRAINT_NONZERO:
		if (bits)
			return true;
		why = KAPI_WHY_NONZERO;
		break;
	case KAPI_CONSTRAINT_USER_STRING:
	case KAPI_CONSTRAINT_USER_PATH:
		return kapi_check_string_ok(p->constraint, p->flags,
					    p->min.value, p->max.value, value,
					    call->slen[i], error, v);
	case KAPI_CONSTRAINT_USER_PTR:
	case KAPI_CONSTRAINT_BUFFER: {
		bool has_count = p->size_param >= 0 &&
				 p->size_param < call->nargs;

		return kapi_check_user_range_ok(p->flags, has_count,
						has_count ?
						call->args[p->size_param] : 0,
						p->size_mult.value,
						p->size.value, value, error, v);
	}
	case KAPI_CONSTRAINT_FD:
		return kapi_check_fd_ok(call, i, (u32)p->mask.value,
					p->size_param, error, v);
	case KAPI_CONSTRAINT_OPEN_FLAGS:
		if (kapi_check_open_flags_ok(bits))
			return true;
		why = KAPI_WHY_OPEN_FLAGS;
		break;
	default:
		/* NONE, and CUSTOM which only words describe. */
		return true;
	}
	return kapi_check_fail(v, why, error, value, 0);
}

/* Record the first struct rule that argument @i of @call breaks. */
static void kapi_check_struct_found(struct kapi_check_call *call, u32 i,
				    u32 why, s32 error, u64 value, u64 at)
{
	call->sbad |= BIT(i);
	call->swhy = why;
	call->serror = error;
	call->svalue = value;
	call->sat = at;
}

/* Does element @index of a struct at @elem hold its fields' rules? */
static bool kapi_check_fields(struct kapi_check_call *call, u32 i,
			      const struct kapi_check_struct *st,
			      const u8 *elem, u64 index)
{
	u32 k, why;

	for (k = 0; k < st->nfields && k < KAPI_CHECK_FIELDS_MAX; k++) {
		const struct kapi_check_field *f = &st->field[k];
		u64 value = 0;

		if (f->offset >= st->size || f->size > st->size - f->offset)
			continue;
		switch (f->size) {
		case 1: {
			u8 x = elem[f->offset];

			value = f->is_signed ? (u64)(s64)(s8)x : x;
			break;
		}
		case 2: {
			u16 x;

			memcpy(&x, elem + f->offset, sizeof(x));
			value = f->is_signed ? (u64)(s64)(s16)x : x;
			break;
		}
		case 4: {
			u32 x;

			memcpy(&x, elem + f->offset, sizeof(x));
			value = f->is_signed ? (u64)(s64)(s32)x : x;
			break;
		}
		case 8:
			memcpy(&value, elem + f->offset, sizeof(value));
			break;
		default:
			continue;
		}
		why = kapi_check_field_why(f, value);
		if (why) {
			kapi_check_struct_found(call, i, why, f->error, value,
						index * 256 + k);
			return false;
		}
	}
	return true;
}

/*
 * A fault at byte @off from the argument: EFAULT, as the kernel's copy
 * gives; or, for a fault that could not be served, decode again.
 */
static bool kapi_check_struct_fault(struct kapi_check_call *call, u32 i,
				    int err, u64 off)
{
	if (err == -EAGAIN)
		return false;
	kapi_check_struct_found(call, i, KAPI_WHY_STRUCT_FAULT, -EFAULT,
				call->args[i] + off, off);
	return true;
}

/*
 * The general case of kapi_check_decode_struct(), @count elements (1 if
 * @st is not an array) at @src: out of line, so that the common case
 * does not set up (and, with CONFIG_INIT_STACK_ALL_ZERO, clear) the chunk
 * buffer.
 */
static noinline bool
kapi_check_decode_struct_chunks(struct kapi_check_call *call, u32 i,
				const struct kapi_check_struct *st,
				const u8 __user *src, u64 count, bool atomic)
{
	u8 buf[KAPI_CHECK_STRUCT_BUF] __aligned(8);
	u64 done, n, per, size = st->size;
	int err;

	if (st->count_param < 0 && st->size_param >= 0) {
		u64 usize, off;

		if (st->size_param >= call->nargs)
			return true;
		usize = call->args[st->size_param];
		if (usize > PAGE_SIZE)
			return true;
		/* check_zeroed_user(), before the struct is copied. */
		for (off = size; off < usize; off += n) {
			const u8 *nz;

			n = min_t(u64, usize - off, sizeof(buf));
			err = kapi_compat_copy_user(buf, src + off, n, atomic);
			if (err)
				return kapi_check_struct_fault(call, i, err, off);
			nz = memchr_inv(buf, 0, n);
			if (nz) {
				off += nz - buf;
				kapi_check_struct_found(call, i,
							KAPI_WHY_STRUCT_TRAILING,
							-E2BIG, call->args[i] + off,
							off);
				return true;
			}
		}
		memset(buf, 0, size);
		n = min(usize, size);
		err = kapi_compat_copy_user(buf, src, n, atomic);
		if (err)
			return kapi_check_struct_fault(call, i, err, 0);
		kapi_check_fields(call, i, st, buf, 0);
		return true;
	}
	per = sizeof(buf) / size;
	for (done = 0; done < count; done += n) {
		u64 k;

		n = min_t(u64, count - done, per);
		err = kapi_compat_copy_user(buf, src + done * size, n * size,
					    atomic);
		if (err == -EFAULT && n > 1) {
			/*
			 * The kernel reads element by element: the elements
			 * before the one that faults are checked first.
			 */
			per = 1;
			n = 0;
			continue;
		}
		if (err)
			return kapi_check_struct_fault(call, i, err,
						       done * size);
		for (k = 0; k < n; k++)
			if (!kapi_check_fields(call, i, st, buf + k * size,
					       done + k))
				return true;
	}
	return true;
}

/*
 * Bytes of the array that kapi_check_decode_struct() reads in one copy of
 * constant size (8 or 16: one or two words, e.g. one struct iovec), with no
 * chunk buffer and no per-call size for CONFIG_HARDENED_USERCOPY to check.
 */
#define KAPI_CHECK_STRUCT_SMALL 16

/*
 * Does the 8-byte field @f of the element in @w hold its rule? Like
 * kapi_check_fields() for one field.
 */
static __always_inline bool
kapi_check_word_ok(struct kapi_check_call *call, u32 i,
		   const struct kapi_check_field *f, u64 value, u32 k)
{
	if (f->constraint == KAPI_CONSTRAINT_RANGE &&
	    !kapi_check_range_ok(value,
				 (struct kapi_check_type){ 64, f->is_signed },
				 f->min, f->max)) {
		kapi_check_struct_found(call, i, KAPI_WHY_FIELD_RANGE,
					f->error, value, k);
		return false;
	}
	if (f->constraint == KAPI_CONSTRAINT_MASK && (value & ~f->mask)) {
		kapi_check_struct_found(call, i, KAPI_WHY_FIELD_MASK,
					f->error, value, k);
		return false;
	}
	return true;
}

/*
 * The common case of kapi_check_decode_struct(): an array of @count
 * elements of @st->size bytes, together 8 or 16 bytes, read in one copy.
 * Return: 1 if decoded (as kapi_check_decode_struct() returns true), 0 if
 * a fault could not be served, -1 if the general case must decide (a
 * fault with more than one element: the kernel reads them one by one).
 */
static __always_inline int
kapi_check_decode_struct_small(struct kapi_check_call *call, u32 i,
			       const struct kapi_check_struct *st,
			       const u8 __user *src, u64 count, bool atomic)
{
	u64 w[KAPI_CHECK_STRUCT_SMALL / 8];
	u32 size = st->size, k, e;
	int err;

	if (count * size == 8)
		err = kapi_compat_copy_user(w, src, 8, atomic);
	else
		err = kapi_compat_copy_user(w, src, 16, atomic);
	if (err == -EFAULT && count > 1)
		return -1;
	if (err)
		return kapi_check_struct_fault(call, i, err, 0);
	/* Elements in order, each field in order, as kapi_check_fields(). */
	for (e = 0; e < count; e++) {
		for (k = 0; k < st->nfields && k < KAPI_CHECK_FIELDS_MAX; k++) {
			const struct kapi_check_field *f = &st->field[k];
			u32 at = e * size + f->offset;

			if (f->offset >= size || f->size > size - f->offset)
				continue;
			if (f->size != 8 || (at & 7)) {
				/* Any other field: the general check. */
				if (!kapi_check_fields(call, i, st,
						       (const u8 *)w + e * size,
						       e))
					return 1;
				break;
			}
			if (!kapi_check_word_ok(call, i, f, w[at / 8],
						(u64)e * 256 + k))
				return 1;
		}
	}
	return 1;
}

/**
 * kapi_check_decode_struct() - read the struct or array behind an argument
 * @call: the call, its arguments decoded
 * @i: the parameter, which names a struct
 * @st: the struct, as kapi_check_struct_of() or kapi-gen describe it
 * @flags: KAPI_CHECK_ATOMIC if page faults cannot be served;
 *	   KAPI_CHECK_CALLER_ATOMIC if the system call was made where it could
 *	   not sleep (then a fault is never served: the call is not checked)
 *
 * Reads the bytes the kernel will copy, %KAPI_CHECK_STRUCT_BUF at a time
 * into a buffer on the stack (an array of 8 or 16 bytes in one copy), in
 * the kernel's order, and records the first rule they break in @call
 * (&kapi_check_call.sbad):
 *
 * - an array of @st->count_param elements (import_iovec()): read a chunk
 *   of elements at a time, checked in order up to the first that breaks a
 *   field's rule; a chunk that faults is read again element by element,
 *   so that the elements before the fault are checked first, as 6.12's
 *   copy_iovec_from_user() does; nothing for a count of 0 or above
 *   @st->max_count (the count's own rule);
 * - a size-versioned struct (copy_struct_from_user()) of the size in
 *   @st->size_param, read only up to PAGE_SIZE (the size's own rule
 *   above): bytes past @st->size must be zero (E2BIG), checked before the
 *   struct, whose missing tail reads as zero;
 * - else one struct of @st->size bytes.
 *
 * A fault is EFAULT. The kernel copies the same memory again when the call
 * runs: another thread can change it in between, so the verdict is about
 * what the hook read (Documentation/runtime.rst).
 *
 * Return: false if a fault could not be served (@flags has
 * KAPI_CHECK_ATOMIC): decode again where page faults are served.
 */
bool kapi_check_decode_struct(struct kapi_check_call *call, u32 i,
			      const struct kapi_check_struct *st, u32 flags)
{
	const u8 __user *src = (const u8 __user *)(uintptr_t)call->args[i];
	/* A caller that cannot sleep cannot have a fault served either. */
	bool atomic = flags & (KAPI_CHECK_ATOMIC | KAPI_CHECK_CALLER_ATOMIC);
	u64 count = 1, max, size = st->size;

	if (call->sbad || !size || size > KAPI_CHECK_STRUCT_BUF ||
	    i >= call->nargs)
		return true;
	if (st->count_param >= 0) {
		int r;

		if (st->count_param >= call->nargs)
			return true;
		count = call->args[st->count_param];
		max = st->max_count ? st->max_count : KAPI_CHECK_ELEMS_MAX;
		if (!count || count > max)
			return true;
		if (count * size == 8 || count * size == KAPI_CHECK_STRUCT_SMALL) {
			r = kapi_check_decode_struct_small(call, i, st, src,
							   count, atomic);
			if (r >= 0)
				return r;
		}
	}
	return kapi_check_decode_struct_chunks(call, i, st, src, count, atomic);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_decode_struct);

/**
 * kapi_check_struct_of() - what the hooks read behind a parameter
 * @image: a validated image
 * @p: a parameter of it
 * @st: receives the description
 *
 * The image's struct record and its first %KAPI_CHECK_FIELDS_MAX fields,
 * the count and size parameters of @p; what kapi-gen writes as constants
 * for its specialised checks.
 *
 * Return: false if @p names no struct, or one kapi cannot read (larger
 * than %KAPI_CHECK_STRUCT_BUF bytes).
 */
bool kapi_check_struct_of(const void *image, const struct kapi_image_param *p,
			  struct kapi_check_struct *st)
{
	u32 id = kapi_image_param_struct_id(image, p), k;
	const struct kapi_image_struct *s;

	memset(st, 0, sizeof(*st));
	if (!id)
		return false;
	s = kapi_image_struct(image, id - 1);
	if (!s || s->size.value <= 0 || s->size.value > KAPI_CHECK_STRUCT_BUF)
		return false;
	st->size = s->size.value;
	st->count_param = p->count_param;
	st->max_count = p->max_count.value > 0 ? p->max_count.value : 0;
	st->size_param = p->count_param < 0 ? p->size_param : -1;
	for (k = 0; k < s->fields.count && k < KAPI_CHECK_FIELDS_MAX; k++) {
		const struct kapi_image_struct_field *f;
		struct kapi_check_field *c = &st->field[k];

		f = kapi_image_struct_field(image, s, k);
		c->offset = f->offset.value;
		c->size = f->size.value;
		c->is_signed = f->type == KAPI_TYPE_INT;
		c->constraint = f->constraint;
		c->error = f->violation_error;
		c->min = f->min.value;
		c->max = f->max.value;
		c->mask = f->mask.value;
	}
	st->nfields = k;
	return true;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_struct_of);

/**
 * kapi_check_before() - check a call's arguments and context
 * @call: the call
 * @pre: receives the verdict
 *
 * Every parameter is checked against its constraint; each one that
 * violates it is listed, in parameter order, with the error it predicts:
 * the parameter's violation_error, except where the kernel's own check
 * has an error of its own (a path without a NUL within PATH_MAX bytes
 * gives ENAMETOOLONG, a descriptor without a read or write method EINVAL,
 * one that is not a directory ENOTDIR). The predicted error is that of the
 * violation the kernel checks first: the lowest rank in the parameters'
 * order fields, unranked rules after ranked ones, ties in parameter order.
 * Enforce mode may fail the call with it unless that rule is marked
 * %KAPI_PARAM_ORDER_AUDIT (the kernel checks something kapi cannot see
 * before it).
 */
void kapi_check_before(const struct kapi_check_call *call,
		       struct kapi_check_pre *pre)
{
	u32 i, n = min_t(u32, call->nargs, KAPI_CHECK_MAX_PARAMS);
	u32 best = U32_MAX;

	/* Only the violations found are filled in: no memset on the hot path. */
	kapi_check_pre_init(pre);
	for (i = 0; i < n; i++) {
		const struct kapi_image_param *p;

		p = kapi_image_param(call->image, call->spec, i);
		if (!kapi_check_param(call, p, i, &pre->v[pre->nviolations]) ||
		    !kapi_check_struct_ok(call, i, &pre->v[pre->nviolations]))
			kapi_check_note(pre, &best, i, p->constraint, p->order);
	}
	pre->context_violation = !kapi_check_context_ok(call->spec->context,
							call->context);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_before);

/**
 * kapi_check_is_restart() - is @ret a kernel-internal restart code?
 * @ret: a system call's result
 *
 * The signal code turns these into EINTR or restarts the call before user
 * space sees them; a hook on the system call function sees them as they are.
 *
 * Return: true for ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND and
 * ERESTART_RESTARTBLOCK.
 */
bool kapi_check_is_restart(long ret)
{
	return ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	       ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_is_restart);

/**
 * kapi_check_selector_match() - does an object selector match an object?
 * @sel: the selector, from an error's object list
 * @obj: the kind of the call's object
 *
 * Return: true if the selector's type is %KAPI_OBJ_ANY or @obj's type, and
 * its implementation %KAPI_IMPL_ANY or @obj's implementation.
 */
bool kapi_check_selector_match(const struct kapi_image_object *sel,
			       struct kapi_object obj)
{
	return kapi_check_selector_is(sel->type, sel->impl, obj);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_selector_match);

/**
 * kapi_check_documented() - does a spec document an error for an object?
 * @image: a validated image
 * @spec: a spec of it
 * @code: the error, negative
 * @obj: the kind of object the call worked on; %KAPI_OBJ_ANY if unknown
 *
 * An error may be listed more than once (for different conditions or
 * objects). It is documented for @obj if one of its records has no object
 * selectors (it holds for every object) or a selector that matches @obj.
 * For an object of unknown type every record of the code counts: the
 * engine cannot tell the object apart, and does not guess.
 *
 * Return: true if @code is documented for @obj.
 */
bool kapi_check_documented(const void *image, const struct kapi_image_spec *spec,
			   s32 code, struct kapi_object obj)
{
	u32 i, j;

	for (i = 0; i < spec->errors.count; i++) {
		const struct kapi_image_error *e = kapi_image_error(image, spec, i);

		if (e->code != code)
			continue;
		if (!e->objects.count || obj.type == KAPI_OBJ_ANY)
			return true;
		for (j = 0; j < e->objects.count; j++) {
			const struct kapi_image_object *sel;

			sel = kapi_image_error_object(image, e, j);
			if (kapi_check_selector_match(sel, obj))
				return true;
		}
	}
	return false;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_documented);

/**
 * kapi_check_after() - check a call's result
 * @call: the call, as passed to kapi_check_before()
 * @pre: the verdict of kapi_check_before()
 * @ret: the system call's result
 * @nofile: the caller's RLIMIT_NOFILE soft limit; read only for a spec
 *	    that returns %KAPI_RETURN_FD
 * @post: receives the verdict
 *
 * A result in -MAX_ERRNO..-1 is an error unless the return spec counts it
 * as success (an EXACT value or a RANGE that includes it). A success value
 * is checked against the return spec; an error against the spec's error
 * list, as documented for @call->object (kapi_check_documented()). A
 * call with a predicted error diverges if it succeeds, or fails with an
 * error that no violated constraint predicts and the spec does not list;
 * a listed error may come from a check the kernel makes before the
 * violated one, and a restart code means the call was interrupted.
 */
void kapi_check_after(const struct kapi_check_call *call,
		      const struct kapi_check_pre *pre, long ret,
		      unsigned long nofile, struct kapi_check_post *post)
{
	const struct kapi_image_return *r = &call->spec->ret;

	if (!kapi_check_result(r->check, r->success_min.value,
			       r->success_max.value, ret, nofile, pre, post))
		return;
	post->undocumented = !kapi_check_documented(call->image, call->spec,
						    (s32)ret, call->object);
	kapi_check_error_divergence(pre, ret, post);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_after);

/**
 * kapi_check_constraint_token() - the short name of a constraint type
 * @constraint: enum kapi_constraint_type
 *
 * Return: "range", "mask", ..., "buffer", as runtime/stats and
 * runtime/violations print it; "none" or "custom" for those; "unknown"
 * for a value out of range.
 */
const char *kapi_check_constraint_token(u32 constraint)
{
	static const char *const tokens[] = {
		[KAPI_CONSTRAINT_NONE] = "none",
		[KAPI_CONSTRAINT_RANGE] = "range",
		[KAPI_CONSTRAINT_MASK] = "mask",
		[KAPI_CONSTRAINT_ENUM] = "enum",
		[KAPI_CONSTRAINT_ALIGNMENT] = "alignment",
		[KAPI_CONSTRAINT_POWER_OF_TWO] = "power_of_two",
		[KAPI_CONSTRAINT_PAGE_ALIGNED] = "page_aligned",
		[KAPI_CONSTRAINT_NONZERO] = "nonzero",
		[KAPI_CONSTRAINT_USER_STRING] = "user_string",
		[KAPI_CONSTRAINT_USER_PATH] = "user_path",
		[KAPI_CONSTRAINT_USER_PTR] = "user_ptr",
		[KAPI_CONSTRAINT_BUFFER] = "buffer",
		[KAPI_CONSTRAINT_CUSTOM] = "custom",
		[KAPI_CONSTRAINT_FD] = "fd",
		[KAPI_CONSTRAINT_OPEN_FLAGS] = "open_flags",
	};

	BUILD_BUG_ON(ARRAY_SIZE(tokens) != KAPI_CONSTRAINT_COUNT);
	return constraint < ARRAY_SIZE(tokens) ? tokens[constraint] : "unknown";
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_constraint_token);

/**
 * kapi_check_return_token() - the short name of a return check type
 * @check: enum kapi_return_check_type
 *
 * Return: "exact", "range", "error_check", "fd", "custom" or "no_return";
 * "unknown" for a value out of range.
 */
const char *kapi_check_return_token(u32 check)
{
	static const char *const tokens[] = {
		[KAPI_RETURN_EXACT] = "exact",
		[KAPI_RETURN_RANGE] = "range",
		[KAPI_RETURN_ERROR_CHECK] = "error_check",
		[KAPI_RETURN_FD] = "fd",
		[KAPI_RETURN_CUSTOM] = "custom",
		[KAPI_RETURN_NO_RETURN] = "no_return",
	};

	BUILD_BUG_ON(ARRAY_SIZE(tokens) != KAPI_RETURN_COUNT);
	return check < ARRAY_SIZE(tokens) ? tokens[check] : "unknown";
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_return_token);

/**
 * kapi_check_constrained() - does the engine check this parameter?
 * @p: a parameter
 *
 * Return: true unless its constraint is NONE or CUSTOM.
 */
bool kapi_check_constrained(const struct kapi_image_param *p)
{
	return p->constraint != KAPI_CONSTRAINT_NONE &&
	       p->constraint != KAPI_CONSTRAINT_CUSTOM &&
	       p->constraint < KAPI_CONSTRAINT_COUNT;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_constrained);

/**
 * kapi_check_violation() - record a violation found by generated checks
 * @pre: the verdict being made
 * @best: the lowest rank of a predicting violation so far
 * @param: index of the parameter
 * @constraint: its enum kapi_constraint_type
 * @why: enum kapi_check_why
 * @error: the error the violation predicts (negative), or 0
 * @order: the parameter's order field
 * @value: the argument
 *
 * Kept out of line: the generated checks call it only for a violation.
 *
 * Return: the new lowest rank, for @best of the next call.
 */
u32 kapi_check_violation(struct kapi_check_pre *pre, u32 best, u32 param,
			 u32 constraint, u32 why, s32 error, u32 order,
			 u64 value)
{
	kapi_check_fail(&pre->v[pre->nviolations], why, error, value, 0);
	kapi_check_note(pre, &best, param, constraint, order);
	return best;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_violation);

/**
 * kapi_check_noted() - count a violation a rule has filled in
 * @pre: the verdict being made, whose next violation a kapi_check_*_ok()
 *	 rule has just filled in
 * @best: the lowest rank of a predicting violation so far
 * @param: index of the parameter
 * @constraint: its enum kapi_constraint_type
 * @order: the parameter's order field
 *
 * Return: the new lowest rank, for @best of the next call.
 */
u32 kapi_check_noted(struct kapi_check_pre *pre, u32 best, u32 param,
		     u32 constraint, u32 order)
{
	kapi_check_note(pre, &best, param, constraint, order);
	return best;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_noted);

/* The reference implementation: the interpreter above. */
const struct kapi_check_impl kapi_check_interpreter = {
	.name = "interpreter",
	.before = kapi_check_before,
	.after = kapi_check_after,
};
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_interpreter);

/**
 * kapi_check_impl_find() - the generated checks of a spec, if any
 * @table: a table kapi-gen --checks wrote for @image's spec files
 * @count: its number of entries
 * @image: a validated image
 * @spec: a spec of @image
 *
 * The caller vouches that @table was generated from the specs @image was
 * made of. The entry is found by name, and used only if it has the
 * spec's number of parameters, each of the type kapi_check_param_type()
 * gives (the generated code compares in those types).
 *
 * Return: the generated checks, or NULL if there are none.
 */
const struct kapi_check_impl *
kapi_check_impl_find(const struct kapi_check_gen *table, unsigned int count,
		     const void *image, const struct kapi_image_spec *spec)
{
	const char *name = kapi_image_spec_name(image, spec);
	unsigned int i;
	u32 j;

	for (i = 0; i < count; i++) {
		const struct kapi_check_gen *g = &table[i];

		if (strcmp(g->spec, name))
			continue;
		if (g->nparams != spec->params.count ||
		    g->nparams > KAPI_CHECK_MAX_PARAMS)
			return NULL;
		for (j = 0; j < g->nparams; j++) {
			struct kapi_check_type t;

			t = kapi_check_param_type(image,
						  kapi_image_param(image, spec,
								   j));
			if (t.bits != g->type[j].bits ||
			    t.is_signed != g->type[j].is_signed)
				return NULL;
		}
		return &g->impl;
	}
	return NULL;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_impl_find);

/* Is @image (a registered copy, or the original) kapi.ko's own image? */
static bool kapi_check_is_builtin(const void *image)
{
	size_t size = kapi_image_header(image)->size;

	if (image == kapi_builtin_image_data)
		return true;
	return size == kapi_builtin_image_size &&
	       !memcmp(image, kapi_builtin_image_data, size);
}

/*
 * specialised=0 at load has kapi.ko's own specs checked by the interpreter
 * and the hooks' generic pre() and post() too, as any other image's: for
 * the tests of that path on real calls, and to measure it.
 */
static bool kapi_check_specialised = true;
module_param_named(specialised, kapi_check_specialised, bool, 0400);
MODULE_PARM_DESC(specialised,
		 "check kapi's own specs with the code kapi-gen specialised for them (default 1), or with the interpreter (0)");

/**
 * kapi_check_impl_for() - the check engine to run for a spec
 * @image: a validated image, as registered
 * @spec: a spec of it
 *
 * Called once when a spec is hooked, not per call. kapi.ko's own image
 * (the registry's copy of it is recognised by its bytes) has checks that
 * kapi-gen specialised per syscall spec at build time; every other image,
 * registered at run time by another module, is checked by the
 * interpreter, as are all with specialised=0.
 *
 * Return: the generated checks of @spec if there are any, else
 * &kapi_check_interpreter.
 */
const struct kapi_check_impl *
kapi_check_impl_for(const void *image, const struct kapi_image_spec *spec)
{
	const struct kapi_check_impl *impl = NULL;

	if (kapi_check_specialised && kapi_check_is_builtin(image))
		impl = kapi_check_impl_find(kapi_builtin_image_checks,
					    kapi_builtin_image_checks_count,
					    image, spec);
	return impl ?: &kapi_check_interpreter;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_impl_for);

/**
 * kapi_check_builtin() - kapi.ko's own image and the checks generated for it
 * @size: receives the image's size
 * @table: receives the generated checks
 * @count: receives their number
 *
 * For the KUnit suite kapi_check_gen, which compares them with the
 * interpreter.
 *
 * Return: the image, kapi_builtin_image_data.
 */
const void *kapi_check_builtin(size_t *size,
			       const struct kapi_check_gen **table,
			       unsigned int *count)
{
	*size = kapi_builtin_image_size;
	*table = kapi_builtin_image_checks;
	*count = kapi_builtin_image_checks_count;
	return kapi_builtin_image_data;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_check_builtin);

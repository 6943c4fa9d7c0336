// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kapi_check": the check engine (module/check.c), which the
 * hooks run on every checked call. Calls are put together as the hooks put
 * them together (each register converted to the parameter's declared type
 * with kapi_check_convert(), string lengths as strnlen_user() reports
 * them) against the specs of the test image, one parameter per constraint
 * kind; every constraint is checked inside, at and past its boundaries,
 * with the violation, its reason, the value shown, the error it predicts
 * and the prediction of the whole call asserted exactly. Then the return
 * checks, error-list membership, divergence, the calling context, type
 * widths and the names the reports print.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/mman.h>
#include <linux/openat2.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "check.h"
#include "image.h"
#include "kapi_kunit.h"

/* --- parameter constraints ----------------------------------------------- */

/* Registers relative to the top of user space: TASK_SIZE_MAX - value. */
#define KAPI_TOP(bit) BIT(bit)

struct kapi_cons_case {
	const char *what;
	const char *spec;
	u64 raw[KAPI_CHECK_MAX_PARAMS];
	long slen[KAPI_CHECK_MAX_PARAMS];
	u32 top;		/* KAPI_TOP() bits of @raw */
	u32 nviolations;
	/* The first violation, if any. */
	u32 param;
	u32 why;
	s32 error;
	u64 value;
	bool value_top;		/* @value is TASK_SIZE_MAX - value */
	u64 size;
	/* The second violation's parameter, if any. */
	u32 param2;
	s32 predicted;
};

/* Valid arguments of each spec, with one or two of them changed. */
#define NUM(v, c, f, w, a, o) "kapi_kunit_numbers", { v, c, f, w, a, o }
#define NUMS NUM(0, 0, 0, 0, 0, 1)
#define MEM(p, i, s, m, d, x) "kapi_kunit_memory", { p, i, s, m, d, x }
#define MEMS MEM(0, 1, 1, 0, 0, 0)
#define USR(n, p, b, c, s, o) "kapi_kunit_user", { n, p, b, c, s, o }
#define USRS USR(0x10000, 0x20000, 0x30000, 1, 0x40000, 0)
/* String lengths of name and path, as strnlen_user() returns them. */
#define SLEN(n, p) { n, p }
#define SLENS SLEN(3, 2)

#define OK(what, call, slen) { what, call, slen }
#define BAD(what, call, slen, param, why, err, value) \
	{ what, call, slen, 0, 1, param, KAPI_WHY_##why, err, value }

static const struct kapi_cons_case kapi_cons_cases[] = {
	/* range, signed int: -5..100 */
	OK("numbers valid", NUMS, {}),
	OK("range at min", NUM(-5, 0, 0, 0, 0, 1), {}),
	OK("range at max", NUM(100, 0, 0, 0, 0, 1), {}),
	BAD("range below min", NUM(-6, 0, 0, 0, 0, 1), {}, 0, RANGE, -ERANGE,
	    (u64)-6),
	BAD("range above max", NUM(101, 0, 0, 0, 0, 1), {}, 0, RANGE, -ERANGE,
	    101),
	OK("range of an int ignores the upper half",
	   NUM(0x100000064ULL, 0, 0, 0, 0, 1), {}),
	OK("range of an int sign-extends", NUM(0xffffffff, 0, 0, 0, 0, 1), {}),
	BAD("range of an int: 0x80000000 is INT_MIN",
	    NUM(0x80000000, 0, 0, 0, 0, 1), {}, 0, RANGE, -ERANGE,
	    (u64)(s64)INT_MIN),
	/* range, unsigned int: 0..4096 */
	OK("unsigned range at max", NUM(0, 4096, 0, 0, 0, 1), {}),
	BAD("unsigned range above max", NUM(0, 4097, 0, 0, 0, 1), {}, 1, RANGE,
	    -E2BIG, 4097),
	BAD("unsigned range: -1 is UINT_MAX", NUM(0, -1, 0, 0, 0, 1), {}, 1,
	    RANGE, -E2BIG, 0xffffffff),
	/* mask 0x10f, unsigned long */
	OK("mask of every valid bit", NUM(0, 0, 0x10f, 0, 0, 1), {}),
	BAD("mask with an invalid bit", NUM(0, 0, 0x110, 0, 0, 1), {}, 2, MASK,
	    -EINVAL, 0x110),
	BAD("mask with bit 63", NUM(0, 0, BIT_ULL(63), 0, 0, 1), {}, 2, MASK,
	    -EINVAL, BIT_ULL(63)),
	/* enum 0, 1, 2, -1 of an int */
	OK("enum last value", NUM(0, 0, 0, 2, 0, 1), {}),
	OK("enum negative value", NUM(0, 0, 0, -1, 0, 1), {}),
	OK("enum negative value as 32 bits", NUM(0, 0, 0, 0xffffffff, 0, 1),
	   {}),
	BAD("enum value not listed", NUM(0, 0, 0, 3, 0, 1), {}, 3, ENUM,
	    -ENXIO, 3),
	/* alignment 16 */
	OK("aligned multiple", NUM(0, 0, 0, 0, 48, 1), {}),
	BAD("misaligned", NUM(0, 0, 0, 0, 8, 1), {}, 4, ALIGNMENT, -EXDEV, 8),
	/* power of two, unsigned long */
	OK("power of two, top bit", NUM(0, 0, 0, 0, 0, BIT_ULL(63)), {}),
	BAD("power of two: 0", NUM(0, 0, 0, 0, 0, 0), {}, 5, POWER_OF_TWO,
	    -EDOM, 0),
	BAD("power of two: 6", NUM(0, 0, 0, 0, 0, 6), {}, 5, POWER_OF_TWO,
	    -EDOM, 6),
	/* page aligned */
	OK("memory valid", MEMS, {}),
	OK("page aligned", MEM(PAGE_SIZE * 3, 1, 1, 0, 0, 0), {}),
	BAD("not page aligned", MEM(PAGE_SIZE + 1, 1, 1, 0, 0, 0), {}, 0,
	    PAGE_ALIGNED, -EINVAL, PAGE_SIZE + 1),
	/* nonzero, unsigned int */
	BAD("zero", MEM(0, 0, 1, 0, 0, 0), {}, 1, NONZERO, -ENOENT, 0),
	BAD("zero in the lower half", MEM(0, BIT_ULL(32), 1, 0, 0, 0), {}, 1,
	    NONZERO, -ENOENT, 0),
	/* range 1..200 of a u8 */
	OK("u8 at max", MEM(0, 1, 200, 0, 0, 0), {}),
	BAD("u8 above max", MEM(0, 1, 201, 0, 0, 0), {}, 2, RANGE, -ERANGE,
	    201),
	OK("u8 ignores the upper bits", MEM(0, 1, 0x101, 0, 0, 0), {}),
	BAD("u8 below min", MEM(0, 1, 0x100, 0, 0, 0), {}, 2, RANGE, -ERANGE,
	    0),
	/* mask 0777 of a umode_t */
	OK("mode of every valid bit", MEM(0, 1, 1, 0777, 0, 0), {}),
	BAD("mode with an invalid bit", MEM(0, 1, 1, 01777, 0, 0), {}, 3, MASK,
	    -EPERM, 01777),
	OK("mode ignores the upper bits", MEM(0, 1, 1, 0x10000, 0, 0), {}),
	/* range -100..100 of an s16 */
	OK("s16 sign-extends", MEM(0, 1, 1, 0, 0xffff, 0), {}),
	BAD("s16 at its minimum", MEM(0, 1, 1, 0, 0x8000, 0), {}, 4, RANGE,
	    -EDOM, (u64)-32768),
	/* custom: never checked */
	OK("custom is never violated", MEM(0, 1, 1, 0, 0, -1), {}),
	/* user_string of 2..8 characters */
	OK("user valid", USRS, SLENS),
	OK("string of the maximum length", USRS, SLEN(9, 2)),
	OK("string of the minimum length", USRS, SLEN(3, 2)),
	BAD("string too long", USRS, SLEN(10, 2), 0, TOO_LONG, -EFAULT, 9),
	BAD("string too short", USRS, SLEN(2, 2), 0, TOO_SHORT, -EFAULT, 1),
	BAD("string unreadable", USRS, SLEN(0, 2), 0, UNREADABLE, -EFAULT,
	    0x10000),
	BAD("string NULL", USR(0, 0x20000, 0x30000, 1, 0x40000, 0), SLEN(0, 2),
	    0, UNREADABLE, -EFAULT, 0),
	/* user_path */
	OK("path of PATH_MAX bytes", USRS, SLEN(3, PATH_MAX)),
	BAD("path without a NUL within PATH_MAX", USRS, SLEN(3, PATH_MAX + 1),
	    1, TOO_LONG, -ENAMETOOLONG, PATH_MAX),
	BAD("path unreadable", USRS, SLEN(3, 0), 1, UNREADABLE, -EFAULT,
	    0x20000),
	/* buffer(count, 8) */
	{ "buffer reaching the top of user space",
	  USR(0x10000, 0x20000, 128, 16, 0x40000, 0), SLENS, KAPI_TOP(2) },
	{ "buffer past the top of user space",
	  USR(0x10000, 0x20000, 128, 17, 0x40000, 0), SLENS, KAPI_TOP(2), 1, 2,
	  KAPI_WHY_USER_RANGE, -EFAULT, 128, true, 136 },
	BAD("buffer at a kernel address, count 0",
	    USR(0x10000, 0x20000, 0xffff888000000000ULL, 0, 0x40000, 0), SLENS,
	    2, USER_RANGE, -EFAULT, 0xffff888000000000ULL),
	OK("buffer NULL, count 0", USR(0x10000, 0x20000, 0, 0, 0x40000, 0),
	   SLENS),
	{ "buffer size overflows",
	  USR(0x10000, 0x20000, 0x30000, BIT_ULL(61), 0x40000, 0), SLENS, 0, 1,
	  2, KAPI_WHY_SIZE_OVERFLOW, -EFAULT, 0x30000, false, BIT_ULL(61) },
	{ "buffer size just below overflow",
	  USR(0x10000, 0x20000, 0, BIT_ULL(61) - 1, 0x40000, 0), SLENS, 0, 1,
	  2, KAPI_WHY_USER_RANGE, -EFAULT, 0, false, (u64)-8 },
	/* user_ptr of 64 bytes */
	{ "pointer reaching the top of user space",
	  USR(0x10000, 0x20000, 0x30000, 1, 64, 0), SLENS, KAPI_TOP(4) },
	{ "pointer past the top of user space",
	  USR(0x10000, 0x20000, 0x30000, 1, 63, 0), SLENS, KAPI_TOP(4), 1, 4,
	  KAPI_WHY_USER_RANGE, -EFAULT, 63, true, 64 },
	OK("pointer NULL is in user space", USR(0x10000, 0x20000, 0x30000, 1,
						0, 0), SLENS),
	/* optional user_ptr of 16 bytes */
	{ "optional pointer past the top",
	  USR(0x10000, 0x20000, 0x30000, 1, 0x40000, 8), SLENS, KAPI_TOP(5), 1,
	  5, KAPI_WHY_USER_RANGE, -EINVAL, 8, true, 16 },
	/* several violations: the first in parameter order predicts */
	{ "two violations", NUM(101, 0, 0, 0, 0, 6), {}, 0, 2, 0,
	  KAPI_WHY_RANGE, -ERANGE, 101, false, 0, 5, -ERANGE },
	{ "two violations, later parameters", NUM(0, 0, 0, 9, 7, 1), {}, 0, 2,
	  3, KAPI_WHY_ENUM, -ENXIO, 9, false, 0, 4, -ENXIO },
	{ "a path too long before a bad buffer",
	  USR(0x10000, 0x20000, 0x30000, BIT_ULL(62), 0x40000, 0),
	  SLEN(3, PATH_MAX + 1), 0, 2, 1, KAPI_WHY_TOO_LONG, -ENAMETOOLONG,
	  PATH_MAX, false, 0, 2, -ENAMETOOLONG },
};

static void kapi_cons_desc(const struct kapi_cons_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_cons, kapi_cons_cases, kapi_cons_desc);

static void kapi_check_constraint_test(struct kunit *test)
{
	const struct kapi_cons_case *c = test->param_value;
	u64 raw[KAPI_CHECK_MAX_PARAMS], value = c->value;
	const struct kapi_check_violation *v;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;
	s32 predicted = c->predicted;
	unsigned int i;

	for (i = 0; i < KAPI_CHECK_MAX_PARAMS; i++)
		raw[i] = c->top & KAPI_TOP(i) ? TASK_SIZE_MAX - c->raw[i] :
						c->raw[i];
	if (c->value_top)
		value = TASK_SIZE_MAX - c->value;
	if (c->nviolations == 1 && !predicted)
		predicted = c->error;
	kapi_kunit_call_init(test, &call, kapi_kunit_image_data, c->spec, raw,
			     c->slen, KAPI_KUNIT_CTX_TASK);
	memset(&pre, 0xa5, sizeof(pre));
	kapi_check_before(&call.call, &pre);

	KUNIT_EXPECT_EQ(test, pre.nviolations, c->nviolations);
	KUNIT_EXPECT_EQ(test, pre.predicted, predicted);
	KUNIT_EXPECT_FALSE(test, pre.context_violation);
	if (!c->nviolations || !pre.nviolations)
		return;
	v = &pre.v[0];
	KUNIT_EXPECT_EQ(test, v->param, c->param);
	KUNIT_EXPECT_EQ(test, v->why, c->why);
	KUNIT_EXPECT_EQ(test, v->error, c->error);
	KUNIT_EXPECT_EQ(test, v->value, value);
	KUNIT_EXPECT_EQ(test, v->size, c->size);
	KUNIT_EXPECT_EQ(test, v->constraint,
			kapi_image_param(call.call.image, call.call.spec,
					 c->param)->constraint);
	if (c->nviolations > 1 && pre.nviolations > 1)
		KUNIT_EXPECT_EQ(test, pre.v[1].param, c->param2);
}

/* Every parameter violates its constraint: six violations, in order. */
static void kapi_check_all_violate_test(struct kunit *test)
{
	static const u64 raw[] = { 101, 4097, 0x200, 5, 1, 3 };
	static const s32 errors[] = {
		-ERANGE, -E2BIG, -EINVAL, -ENXIO, -EXDEV, -EDOM,
	};
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;
	u32 i;

	kapi_kunit_call_init(test, &call, kapi_kunit_image_data,
			     "kapi_kunit_numbers", raw, NULL,
			     KAPI_KUNIT_CTX_TASK);
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, KAPI_CHECK_MAX_PARAMS);
	for (i = 0; i < KAPI_CHECK_MAX_PARAMS; i++) {
		KUNIT_EXPECT_EQ(test, pre.v[i].param, i);
		KUNIT_EXPECT_EQ(test, pre.v[i].error, errors[i]);
		KUNIT_EXPECT_EQ(test, pre.v[i].value, raw[i]);
	}
	KUNIT_EXPECT_EQ(test, pre.predicted, -ERANGE);
}

/*
 * The prediction is the error of the first violation that names one: a
 * violated parameter without a violation error predicts nothing.
 */
static void kapi_check_prediction_test(struct kunit *test)
{
	static const u64 raw[] = { 101, 0, 0, 0, 0, 6 };
	void *img = kapi_kunit_copy(test, 0);
	const struct kapi_image_spec *s;
	struct kapi_image_param *p;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;

	s = kapi_kunit_spec(test, img, "kapi_kunit_numbers");
	p = (struct kapi_image_param *)kapi_image_param(img, s, 0);
	p->violation_error = 0;
	kapi_kunit_call_init(test, &call, img, "kapi_kunit_numbers", raw, NULL,
			     KAPI_KUNIT_CTX_TASK);
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 2);
	KUNIT_EXPECT_EQ(test, pre.v[0].error, 0);
	KUNIT_EXPECT_EQ(test, pre.v[1].error, -EDOM);
	KUNIT_EXPECT_EQ(test, pre.predicted, -EDOM);

	/* Nothing predicted at all when no violation names an error. */
	p = (struct kapi_image_param *)kapi_image_param(img, s, 5);
	p->violation_error = 0;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.nviolations, 2);
	KUNIT_EXPECT_EQ(test, pre.predicted, 0);
}

/* The param of @spec at @i in a writable image copy. */
static struct kapi_image_param *
kapi_check_wparam(struct kunit *test, void *img, const char *spec, u32 i)
{
	const struct kapi_image_spec *s = kapi_kunit_spec(test, img, spec);

	return (struct kapi_image_param *)kapi_image_param(img, s, i);
}

/*
 * With order fields, the prediction is the error of the broken rule of the
 * lowest rank, unranked rules after ranked ones; an audit-only first rule
 * is predicted but not enforced. The violations stay in parameter order.
 */
static void kapi_check_order_test(struct kunit *test)
{
	static const u64 raw[] = { 101, 0, 0, 0, 0, 6 };
	void *img = kapi_kunit_copy(test, 0);
	struct kapi_image_param *value, *order;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;

	value = kapi_check_wparam(test, img, "kapi_kunit_numbers", 0);
	order = kapi_check_wparam(test, img, "kapi_kunit_numbers", 5);
	kapi_kunit_call_init(test, &call, img, "kapi_kunit_numbers", raw, NULL,
			     KAPI_KUNIT_CTX_TASK);
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 2);
	KUNIT_EXPECT_EQ(test, pre.predicted, -ERANGE);
	KUNIT_EXPECT_TRUE(test, pre.enforce);

	value->order = 2;
	order->order = 1;
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 2);
	KUNIT_EXPECT_EQ(test, pre.v[0].param, 0);
	KUNIT_EXPECT_EQ(test, pre.v[1].param, 5);
	KUNIT_EXPECT_EQ(test, pre.predicted, -EDOM);
	KUNIT_EXPECT_EQ(test, pre.first, 1);
	KUNIT_EXPECT_TRUE(test, pre.enforce);

	/* An audit-only first rule: predicted, not enforced. */
	order->order = 1 | KAPI_PARAM_ORDER_AUDIT;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.predicted, -EDOM);
	KUNIT_EXPECT_FALSE(test, pre.enforce);

	/* A ranked rule comes before an unranked one. */
	order->order = 0;
	value->order = 7;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.predicted, -ERANGE);
	KUNIT_EXPECT_TRUE(test, pre.enforce);

	/* Equal ranks go by parameter order. */
	order->order = 7;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.predicted, -ERANGE);
	KUNIT_EXPECT_EQ(test, pre.first, 0);
}

/* A descriptor rule, requirement by requirement, in the kernel's order. */
static void kapi_check_fd_test(struct kunit *test)
{
	static const struct {
		u16 state;
		bool ok;
		u32 why;
		s32 error;
	} cases[] = {
		{ 0, true },	/* not looked up: the rule holds */
		{ KAPI_CHECK_FD_KNOWN, false, KAPI_WHY_FD_CLOSED, -EBADF },
		{ KAPI_CHECK_FD_KNOWN | KAPI_CHECK_FD_OPEN | KAPI_CHECK_FD_PATH,
		  false, KAPI_WHY_FD_PATH, -EBADF },
		{ KAPI_CHECK_FD_KNOWN | KAPI_CHECK_FD_OPEN | KAPI_CHECK_FD_WRITE |
		  KAPI_CHECK_FD_CAN_WRITE, false, KAPI_WHY_FD_MODE, -EBADF },
		{ KAPI_CHECK_FD_KNOWN | KAPI_CHECK_FD_OPEN | KAPI_CHECK_FD_READ,
		  false, KAPI_WHY_FD_METHOD, -EINVAL },
		{ KAPI_CHECK_FD_KNOWN | KAPI_CHECK_FD_OPEN | KAPI_CHECK_FD_READ |
		  KAPI_CHECK_FD_CAN_READ, true },
	};
	static const u64 raw[] = { 3, 0, 0, 0, 0, 1 };
	void *img = kapi_kunit_copy(test, 0);
	struct kapi_image_param *p;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;
	unsigned int i;

	p = kapi_check_wparam(test, img, "kapi_kunit_numbers", 0);
	p->constraint = KAPI_CONSTRAINT_FD;
	p->mask.value = KAPI_FD_OPEN | KAPI_FD_NOT_PATH | KAPI_FD_READ |
			KAPI_FD_CAN_READ;
	p->violation_error = -EBADF;
	kapi_kunit_call_init(test, &call, img, "kapi_kunit_numbers", raw, NULL,
			     KAPI_KUNIT_CTX_TASK);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		call.call.fd[0] = cases[i].state;
		kapi_check_before(&call.call, &pre);
		KUNIT_EXPECT_EQ_MSG(test, pre.nviolations, (u32)!cases[i].ok,
				    "case %u", i);
		if (cases[i].ok || !pre.nviolations)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, pre.v[0].why, cases[i].why, "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, pre.v[0].error, cases[i].error,
				    "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, pre.predicted, cases[i].error,
				    "case %u", i);
	}
}

/* close()'s rule: a negative number is no violation, a closed one is. */
static void kapi_check_fd_negative_test(struct kunit *test)
{
	static const struct {
		u64 fd;
		u32 mask;
		u32 nviolations;
	} cases[] = {
		{ 0xffffffff, KAPI_FD_OPEN | KAPI_FD_NEGATIVE_OK, 0 },	/* -1 */
		{ 0x80000000, KAPI_FD_OPEN | KAPI_FD_NEGATIVE_OK, 0 },	/* INT_MIN */
		{ 0x7fffffff, KAPI_FD_OPEN | KAPI_FD_NEGATIVE_OK, 1 },	/* INT_MAX */
		{ 0x40000000, KAPI_FD_OPEN | KAPI_FD_NEGATIVE_OK, 1 },
		{ 0xffffffff, KAPI_FD_OPEN, 1 },
	};
	u64 raw[] = { 0, 0, 0, 0, 0, 1 };
	void *img = kapi_kunit_copy(test, 0);
	struct kapi_image_param *p;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;
	unsigned int i;

	p = kapi_check_wparam(test, img, "kapi_kunit_numbers", 0);
	p->constraint = KAPI_CONSTRAINT_FD;
	p->violation_error = -EBADF;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		p->mask.value = cases[i].mask;
		raw[0] = cases[i].fd;
		kapi_kunit_call_init(test, &call, img, "kapi_kunit_numbers",
				     raw, NULL, KAPI_KUNIT_CTX_TASK);
		call.call.fd[0] = KAPI_CHECK_FD_KNOWN;	/* not open */
		kapi_check_before(&call.call, &pre);
		KUNIT_EXPECT_EQ_MSG(test, pre.nviolations, cases[i].nviolations,
				    "case %u", i);
		if (pre.nviolations)
			KUNIT_EXPECT_EQ_MSG(test, pre.v[0].why,
					    (u32)KAPI_WHY_FD_CLOSED, "case %u", i);
	}
}

/* A dfd: looked at only for a relative path; AT_FDCWD; a directory. */
static void kapi_check_fd_relative_test(struct kunit *test)
{
	static const long slen[KAPI_CHECK_MAX_PARAMS] = { 3, 5 };
	u64 raw[] = { 0x10000, 0x20000, 0, 0, 0x40000, 0 };
	const u16 closed = KAPI_CHECK_FD_KNOWN;
	const u16 file = KAPI_CHECK_FD_KNOWN | KAPI_CHECK_FD_OPEN;
	void *img = kapi_kunit_copy(test, 0);
	struct kapi_image_param *p;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;

	/* count (3) becomes the dfd of path (1); buf is NULL with it */
	p = kapi_check_wparam(test, img, "kapi_kunit_user", 3);
	p->constraint = KAPI_CONSTRAINT_FD;
	p->mask.value = KAPI_FD_OPEN | KAPI_FD_DIR | KAPI_FD_AT_FDCWD |
			KAPI_FD_IF_RELATIVE;
	p->size_param = 1;
	p->violation_error = -EBADF;
	p->order = 3 | KAPI_PARAM_ORDER_AUDIT;
	kapi_kunit_call_init(test, &call, img, "kapi_kunit_user", raw, slen,
			     KAPI_KUNIT_CTX_TASK);

	call.call.head[1] = '/';
	call.call.fd[3] = closed;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.nviolations, 0);

	call.call.head[1] = 'a';
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 1);
	KUNIT_EXPECT_EQ(test, pre.v[0].why, KAPI_WHY_FD_CLOSED);
	KUNIT_EXPECT_EQ(test, pre.predicted, -EBADF);
	KUNIT_EXPECT_FALSE(test, pre.enforce);

	call.call.fd[3] = file;
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 1);
	KUNIT_EXPECT_EQ(test, pre.v[0].why, KAPI_WHY_FD_NOTDIR);
	KUNIT_EXPECT_EQ(test, pre.predicted, -ENOTDIR);

	call.call.fd[3] = file | KAPI_CHECK_FD_DIR | KAPI_CHECK_FD_PATH;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.nviolations, 0);

	/* AT_FDCWD, as the int the register holds, is the working directory. */
	call.call.fd[3] = closed;
	call.call.args[3] = (u32)AT_FDCWD;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.nviolations, 0);

	/* An empty or unreadable path is refused before any walk. */
	call.call.args[3] = 7;
	call.call.slen[1] = 1;
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.nviolations, 0);
	call.call.slen[1] = 0;
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 1);
	KUNIT_EXPECT_EQ(test, pre.v[0].param, 1);
}

/* The flags build_open_flags() refuses, the same on 6.1 and 6.12. */
static void kapi_check_open_flags_test(struct kunit *test)
{
	static const struct {
		u64 flags;
		bool ok;
	} cases[] = {
		{ O_RDONLY, true },
		{ O_RDWR | O_CREAT | O_EXCL, true },
		{ O_CREAT | O_DIRECTORY, false },
		{ O_PATH | O_CREAT | O_DIRECTORY, true },
		{ __O_TMPFILE | O_RDWR, false },
		{ O_TMPFILE | O_RDONLY, false },
		{ O_TMPFILE | O_WRONLY, true },
		{ O_TMPFILE | O_CREAT | O_RDWR, false },
		{ O_RDONLY | 0x10000000, true },
	};
	u64 raw[] = { 0, 0, 0, 0, 0, 1 };
	void *img = kapi_kunit_copy(test, 0);
	struct kapi_image_param *p;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;
	unsigned int i;

	p = kapi_check_wparam(test, img, "kapi_kunit_numbers", 2);
	p->constraint = KAPI_CONSTRAINT_OPEN_FLAGS;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		raw[2] = cases[i].flags;
		kapi_kunit_call_init(test, &call, img, "kapi_kunit_numbers", raw,
				     NULL, KAPI_KUNIT_CTX_TASK);
		kapi_check_before(&call.call, &pre);
		KUNIT_EXPECT_EQ_MSG(test, pre.nviolations, (u32)!cases[i].ok,
				    "flags 0x%llx", cases[i].flags);
		if (!cases[i].ok && pre.nviolations) {
			KUNIT_EXPECT_EQ(test, pre.v[0].why, KAPI_WHY_OPEN_FLAGS);
			KUNIT_EXPECT_EQ(test, pre.predicted, -EINVAL);
		}
	}
}

/* The validator refuses bad order fields and descriptor rules. */
static void kapi_check_order_validate_test(struct kunit *test)
{
	void *img = kapi_kunit_copy(test, 0);
	struct kapi_image_param *p, *q;

	p = kapi_check_wparam(test, img, "kapi_kunit_user", 3);
	q = kapi_check_wparam(test, img, "kapi_kunit_user", 1);
	p->order = 5 | KAPI_PARAM_ORDER_AUDIT;
	KUNIT_EXPECT_EQ(test, kapi_image_validate(img, kapi_kunit_image_size,
						  NULL, 0), 0);
	p->order = BIT(20);
	KUNIT_EXPECT_EQ(test, kapi_image_validate(img, kapi_kunit_image_size,
						  NULL, 0), -EBADMSG);
	p->order = 0;
	p->constraint = KAPI_CONSTRAINT_FD;
	p->size_param = 1;
	p->mask.value = KAPI_FD_OPEN | KAPI_FD_IF_RELATIVE;
	KUNIT_EXPECT_EQ(test, kapi_image_validate(img, kapi_kunit_image_size,
						  NULL, 0), 0);
	p->mask.value = KAPI_FD_ACCESS_ALL + 1;
	KUNIT_EXPECT_EQ(test, kapi_image_validate(img, kapi_kunit_image_size,
						  NULL, 0), -EBADMSG);
	/* IF_RELATIVE needs a user_path parameter. */
	p->mask.value = KAPI_FD_OPEN | KAPI_FD_IF_RELATIVE;
	q->constraint = KAPI_CONSTRAINT_USER_STRING;
	KUNIT_EXPECT_EQ(test, kapi_image_validate(img, kapi_kunit_image_size,
						  NULL, 0), -EBADMSG);
}

/* A user string whose maximum is beyond what kapi reads is not measured. */
static void kapi_check_long_string_test(struct kunit *test)
{
	static const long slen[KAPI_CHECK_MAX_PARAMS] = { SZ_64K + 1, 2 };
	static const u64 raw[] = { 0x10000, 0x20000, 0x30000, 1, 0x40000, 0 };
	void *img = kapi_kunit_copy(test, 0);
	const struct kapi_image_spec *s;
	struct kapi_image_param *p;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;

	s = kapi_kunit_spec(test, img, "kapi_kunit_user");
	p = (struct kapi_image_param *)kapi_image_param(img, s, 0);
	p->max.value = 100000;
	KUNIT_EXPECT_EQ(test, kapi_check_string_limit(p), SZ_64K);
	kapi_kunit_call_init(test, &call, img, "kapi_kunit_user", raw, slen,
			     KAPI_KUNIT_CTX_TASK);
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.nviolations, 0);

	/* Just below the limit, the maximum is enforced. */
	p->max.value = SZ_64K - 1;
	KUNIT_EXPECT_EQ(test, kapi_check_string_limit(p), SZ_64K);
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 1);
	KUNIT_EXPECT_EQ(test, pre.v[0].why, KAPI_WHY_TOO_LONG);
	KUNIT_EXPECT_EQ(test, pre.v[0].value, SZ_64K);

	/* Without a maximum, a string is read up to PATH_MAX bytes. */
	p->max.value = 0;
	p->min.value = 0;
	KUNIT_EXPECT_EQ(test, kapi_check_string_limit(p), PATH_MAX);
	kapi_check_before(&call.call, &pre);
	KUNIT_EXPECT_EQ(test, pre.nviolations, 0);
}

/* --- string limits, constrained parameters, types ----------------------- */

struct kapi_param_case {
	const char *spec;
	const char *param;
	long limit;		/* kapi_check_string_limit() */
	bool constrained;	/* kapi_check_constrained() */
	u8 bits;		/* kapi_check_param_type() */
	bool is_signed;
};

static const struct kapi_param_case kapi_param_cases[] = {
	{ "kapi_kunit_numbers", "value", 0, true, 32, true },
	{ "kapi_kunit_numbers", "count", 0, true, 32, false },
	{ "kapi_kunit_numbers", "flags", 0, true, 64, false },
	{ "kapi_kunit_numbers", "whence", 0, true, 32, true },
	{ "kapi_kunit_memory", "small", 0, true, 8, false },
	{ "kapi_kunit_memory", "mode", 0, true, 16, false },
	{ "kapi_kunit_memory", "delta", 0, true, 16, true },
	{ "kapi_kunit_memory", "check", 0, false, 32, true },
	{ "kapi_kunit_user", "name", 9, true, 64, false },
	{ "kapi_kunit_user", "path", PATH_MAX, true, 64, false },
	{ "kapi_kunit_user", "count", 0, false, 64, false },
	{ "kapi_kunit_user", "opt", 0, true, 64, false },
	{ "kapi_kunit_view", "buf", 0, true, 64, false },
	{ "kapi_kunit_ret_exact", "fd", 0, true, 32, true },
	{ "kapi_kunit_ioctl", "arg", 0, true, 64, false },
};

static void kapi_param_desc(const struct kapi_param_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s %s", c->spec, c->param);
}

KUNIT_ARRAY_PARAM(kapi_param, kapi_param_cases, kapi_param_desc);

static void kapi_check_param_test(struct kunit *test)
{
	const struct kapi_param_case *c = test->param_value;
	const struct kapi_image_param *p;
	struct kapi_check_type t;

	p = kapi_kunit_param(test, kapi_kunit_image_data, c->spec, c->param);
	KUNIT_EXPECT_EQ(test, kapi_check_string_limit(p), c->limit);
	KUNIT_EXPECT_EQ(test, kapi_check_constrained(p), c->constrained);
	t = kapi_check_param_type(kapi_kunit_image_data, p);
	KUNIT_EXPECT_EQ(test, t.bits, c->bits);
	KUNIT_EXPECT_EQ(test, t.is_signed, c->is_signed);
}

struct kapi_type_case {
	const char *type_name;
	u32 type;
	u8 bits;
	bool is_signed;
};

static const struct kapi_type_case kapi_type_cases[] = {
	{ "volatile  const   unsigned\tint", KAPI_TYPE_UINT, 32, false },
	{ "long unsigned int", KAPI_TYPE_UINT, 64, false },
	{ "unsigned long long", KAPI_TYPE_UINT, 64, false },
	{ "signed char", KAPI_TYPE_INT, 8, true },
	{ "bool", KAPI_TYPE_INT, 8, false },
	{ "__u8", KAPI_TYPE_UINT, 8, false },
	{ "short", KAPI_TYPE_INT, 16, true },
	{ "pid_t", KAPI_TYPE_INT, 32, true },
	{ "loff_t", KAPI_TYPE_INT, 64, true },
	{ "struct stat __user *", KAPI_TYPE_INT, 64, false },
	{ "char name[16]", KAPI_TYPE_INT, 64, false },
	/* Unknown names: every bit counts, signed unless UINT or a pointer. */
	{ "kapi_kunit_t", KAPI_TYPE_INT, 64, true },
	{ "kapi_kunit_t", KAPI_TYPE_UINT, 64, false },
	{ "kapi_kunit_t", KAPI_TYPE_USER_PTR, 64, false },
	{ "unsigned int unsigned int unsigned int unsigned int", KAPI_TYPE_INT,
	  64, true },
};

static void kapi_type_desc(const struct kapi_type_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\" as %s", c->type_name,
		 kapi_image_enum_name(KAPI_ENUM_PARAM_TYPE, c->type));
}

KUNIT_ARRAY_PARAM(kapi_type, kapi_type_cases, kapi_type_desc);

/*
 * The width and signedness of C type names, put into a copy of the image
 * in place of a description (the parameter now names that text as its
 * type).
 */
static void kapi_check_type_test(struct kunit *test)
{
	const struct kapi_type_case *c = test->param_value;
	void *img = kapi_kunit_copy(test, 0);
	const struct kapi_image_spec *s;
	struct kapi_image_param *p;
	struct kapi_check_type t;

	s = kapi_kunit_spec(test, img, "kapi_kunit_view");
	KUNIT_ASSERT_GT(test, strlen(kapi_image_str(img, s->description)),
			strlen(c->type_name));
	strscpy(kapi_kunit_strings(img) + s->description, c->type_name,
		strlen(kapi_image_str(img, s->description)) + 1);
	p = (struct kapi_image_param *)kapi_image_param(img, s, 0);
	p->type_name = s->description;
	p->type = c->type;
	t = kapi_check_param_type(img, p);
	KUNIT_EXPECT_EQ(test, t.bits, c->bits);
	KUNIT_EXPECT_EQ(test, t.is_signed, c->is_signed);
}

struct kapi_convert_case {
	u64 raw;
	struct kapi_check_type type;
	u64 converted;		/* kapi_check_convert() */
	u64 bits;		/* kapi_check_bits() of that */
};

static const struct kapi_convert_case kapi_convert_cases[] = {
	{ 0xffffffff, { 32, true }, U64_MAX, 0xffffffff },
	{ 0x7fffffff, { 32, true }, 0x7fffffff, 0x7fffffff },
	{ 0x180000000ULL, { 32, true }, 0xffffffff80000000ULL, 0x80000000 },
	{ 0x100000005ULL, { 32, false }, 5, 5 },
	{ 0x180, { 8, true }, 0xffffffffffffff80ULL, 0x80 },
	{ 0x180, { 8, false }, 0x80, 0x80 },
	{ 0x12345, { 16, false }, 0x2345, 0x2345 },
	{ 0x18000, { 16, true }, 0xffffffffffff8000ULL, 0x8000 },
	{ 0xdeadbeefcafef00dULL, { 64, true }, 0xdeadbeefcafef00dULL,
	  0xdeadbeefcafef00dULL },
	{ 0xdeadbeefcafef00dULL, { 0, false }, 0xdeadbeefcafef00dULL,
	  0xdeadbeefcafef00dULL },
};

static void kapi_convert_desc(const struct kapi_convert_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "0x%llx as %s%u", c->raw,
		 c->type.is_signed ? "s" : "u", c->type.bits);
}

KUNIT_ARRAY_PARAM(kapi_convert, kapi_convert_cases, kapi_convert_desc);

static void kapi_check_convert_test(struct kunit *test)
{
	const struct kapi_convert_case *c = test->param_value;
	u64 v = kapi_check_convert(c->raw, c->type);

	KUNIT_EXPECT_EQ(test, v, c->converted);
	KUNIT_EXPECT_EQ(test, kapi_check_bits(v, c->type), c->bits);
}

/* --- the calling context ------------------------------------------------ */

struct kapi_ctx_case {
	const char *what;
	bool in_task, preemptible, irqs_disabled;
	u32 ctx;		/* kapi_check_context() */
	/* Whether it violates each of these specs' contexts. */
	bool numbers, atomic, irq;
};

static const struct kapi_ctx_case kapi_ctx_cases[] = {
	{ "task, preemptible", true, true, false, 0x21, false, false, true },
	{ "task, preemption off", true, false, false, 0x51, true, false, true },
	{ "task, interrupts off", true, false, true, 0xd1, true, false, true },
	{ "interrupt", false, false, true, 0xd0, true, false, false },
	{ "softirq", false, false, false, 0x50, true, false, false },
	{ "not a task, preemptible", false, true, false, 0x20, false, false,
	  false },
};

static void kapi_ctx_desc(const struct kapi_ctx_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_ctx, kapi_ctx_cases, kapi_ctx_desc);

static bool kapi_ctx_violation(struct kunit *test, const void *img,
			       const char *spec, u32 ctx)
{
	static const u64 raw[] = { 0, 0, 0, 0, 0, 1 };
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;

	kapi_kunit_call_init(test, &call, img, spec, raw, NULL, ctx);
	kapi_check_before(&call.call, &pre);
	/* A context violation predicts no error. */
	KUNIT_EXPECT_EQ(test, pre.nviolations, 0);
	KUNIT_EXPECT_EQ(test, pre.predicted, 0);
	return pre.context_violation;
}

/* Contexts: process|sleepable, the same or atomic, interrupts only. */
static void kapi_check_context_test(struct kunit *test)
{
	const struct kapi_ctx_case *c = test->param_value;
	const void *img = kapi_kunit_image_data;
	struct kapi_image_spec *s;
	void *copy;

	KUNIT_EXPECT_EQ(test, kapi_check_context(c->in_task, c->preemptible,
						 c->irqs_disabled), c->ctx);
	KUNIT_EXPECT_EQ(test, kapi_ctx_violation(test, img, "kapi_kunit_numbers",
						 c->ctx), c->numbers);
	KUNIT_EXPECT_EQ(test, kapi_ctx_violation(test, img,
						 "kapi_kunit_ctx_atomic",
						 c->ctx), c->atomic);
	KUNIT_EXPECT_EQ(test, kapi_ctx_violation(test, img, "kapi_kunit_ctx_irq",
						 c->ctx), c->irq);
	/* A spec that names no context allows every one. */
	copy = kapi_kunit_copy(test, 0);
	s = (struct kapi_image_spec *)kapi_kunit_spec(test, copy,
						      "kapi_kunit_ctx_irq");
	s->context = 0;
	KUNIT_EXPECT_FALSE(test, kapi_ctx_violation(test, copy,
						    "kapi_kunit_ctx_irq",
						    c->ctx));
}

/* --- results ------------------------------------------------------------ */

struct kapi_ret_case {
	const char *what;
	const char *spec;
	u64 raw[2];		/* fd and arg of kapi_kunit_ret_exact */
	long ret;
	unsigned long nofile;
	bool is_error, return_violation, undocumented, divergence;
};

#define EXACT(fd, arg) "kapi_kunit_ret_exact", { fd, arg }

static const struct kapi_ret_case kapi_ret_cases[] = {
	/* exact 0 */
	{ "exact: the success value", EXACT(3, 1), 0 },
	{ "exact: another value", EXACT(3, 1), 1, 0, false, true },
	{ "exact: a listed error", EXACT(3, 1), -EBADF, 0, true },
	{ "exact: an unlisted error", EXACT(3, 1), -ENOENT, 0, true, false,
	  true },
	{ "exact: below the error range", EXACT(3, 1), -MAX_ERRNO - 1, 0, false,
	  true },
	{ "exact: an unlisted restart", EXACT(3, 1), -ERESTARTSYS, 0, true,
	  false, true },
	/* the same spec with fd out of range, predicting EBADF */
	{ "predicted error returned", EXACT(-1, 1), -EBADF, 0, true },
	{ "predicted error, call succeeds", EXACT(-1, 1), 0, 0, false, false,
	  false, true },
	{ "predicted error, another listed error", EXACT(-1, 1), -ENOMEM, 0,
	  true },
	{ "predicted error, an unlisted error", EXACT(-1, 1), -ENOSPC, 0, true,
	  false, true, true },
	{ "predicted error, a restart", EXACT(-1, 1), -ERESTARTNOHAND, 0, true,
	  false, true },
	{ "predicted error, a wrong success value", EXACT(-1, 1), 5, 0, false,
	  true, false, true },
	{ "error of the second violation", EXACT(-1, 4), -EINVAL, 0, true },
	/* range -10..S64_MAX */
	{ "range: inside", "kapi_kunit_ret_range", {}, 4096 },
	{ "range: S64_MAX", "kapi_kunit_ret_range", {}, S64_MAX },
	{ "range: an error code inside is success", "kapi_kunit_ret_range", {},
	  -EIO },
	{ "range: at min", "kapi_kunit_ret_range", {}, -10 },
	{ "range: an unlisted error below", "kapi_kunit_ret_range", {},
	  -EAGAIN, 0, true, false, true },
	{ "range: below, not an error", "kapi_kunit_ret_range", {}, -5000, 0,
	  false, true },
	/* fd */
	{ "fd: 0", "kapi_kunit_ret_fd", {}, 0, 1024 },
	{ "fd: below the limit", "kapi_kunit_ret_fd", {}, 1023, 1024 },
	{ "fd: at the limit", "kapi_kunit_ret_fd", {}, 1024, 1024, false,
	  true },
	{ "fd: a listed error", "kapi_kunit_ret_fd", {}, -EMFILE, 1024, true },
	{ "fd: not an error", "kapi_kunit_ret_fd", {}, -4096, 1024, false,
	  true },
	/* error_check, custom: only errors are checked */
	{ "error_check: any value", "kapi_kunit_ret_errcheck", {}, 123456 },
	{ "error_check: a listed error", "kapi_kunit_ret_errcheck", {},
	  -EAGAIN, 0, true },
	{ "error_check: an unlisted error", "kapi_kunit_ret_errcheck", {},
	  -EPERM, 0, true, false, true },
	{ "custom: any value", "kapi_kunit_ret_custom", {}, -4096 },
	{ "custom: an error, none listed", "kapi_kunit_ret_custom", {}, -EPERM,
	  0, true, false, true },
};

static void kapi_ret_desc(const struct kapi_ret_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_ret, kapi_ret_cases, kapi_ret_desc);

static void kapi_check_return_test(struct kunit *test)
{
	const struct kapi_ret_case *c = test->param_value;
	struct kapi_check_post post;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;

	kapi_kunit_call_init(test, &call, kapi_kunit_image_data, c->spec,
			     c->raw, NULL, KAPI_KUNIT_CTX_TASK);
	kapi_check_before(&call.call, &pre);
	memset(&post, 0xa5, sizeof(post));
	kapi_check_after(&call.call, &pre, c->ret, c->nofile, &post);
	KUNIT_EXPECT_EQ(test, post.is_error, c->is_error);
	KUNIT_EXPECT_EQ(test, post.return_violation, c->return_violation);
	KUNIT_EXPECT_EQ(test, post.undocumented, c->undocumented);
	KUNIT_EXPECT_EQ(test, post.divergence, c->divergence);
}

/* An error is documented exactly when the spec's error list names it. */
static void kapi_check_error_list_test(struct kunit *test)
{
	static const int listed[] = { ERANGE, E2BIG, EINVAL, ENXIO, EXDEV,
				      EDOM };
	const void *img = kapi_kunit_image_data;
	struct kapi_check_post post;
	struct kapi_check_pre pre;
	struct kapi_kunit_call call;
	unsigned int i;
	int code;

	kapi_kunit_call_init(test, &call, img, "kapi_kunit_numbers", NULL, NULL,
			     KAPI_KUNIT_CTX_TASK);
	kapi_check_before(&call.call, &pre);
	KUNIT_ASSERT_EQ(test, pre.nviolations, 1);	/* order 0 */
	for (code = 1; code <= 133; code++) {
		bool is_listed = false;

		for (i = 0; i < ARRAY_SIZE(listed); i++)
			is_listed |= code == listed[i];
		kapi_check_after(&call.call, &pre, -code, 0, &post);
		KUNIT_EXPECT_TRUE(test, post.is_error);
		KUNIT_EXPECT_EQ_MSG(test, post.undocumented, !is_listed,
				    "error %d", code);
		KUNIT_EXPECT_EQ_MSG(test, !!kapi_image_error_name(img,
								  call.call.spec,
								  -code),
				    is_listed, "error %d", code);
		/* EDOM is predicted; any other listed error is no divergence. */
		KUNIT_EXPECT_EQ_MSG(test, post.divergence, !is_listed,
				    "error %d", code);
	}
}

/* --- object selectors ------------------------------------------------------ */

struct kapi_sel_case {
	const char *what;
	struct kapi_image_object sel;
	struct kapi_object obj;
	bool match;
};

#define SEL(w, st, si, ot, oi, m) \
	{ w, { KAPI_OBJ_##st, KAPI_IMPL_##si, 0 }, \
	  { KAPI_OBJ_##ot, KAPI_IMPL_##oi }, m }

static const struct kapi_sel_case kapi_sel_cases[] = {
	SEL("*:* matches a TCP socket", ANY, ANY, SOCK, TCP, true),
	SEL("*:* matches an unknown object", ANY, ANY, ANY, ANY, true),
	SEL("sock:* matches a TCP socket", SOCK, ANY, SOCK, TCP, true),
	SEL("sock:* matches a UNIX socket", SOCK, ANY, SOCK, UNIX_STREAM, true),
	SEL("sock:* does not match a file on ext4", SOCK, ANY, REG, EXT4, false),
	SEL("sock:tcp matches a TCP socket", SOCK, TCP, SOCK, TCP, true),
	SEL("sock:tcp does not match a UDP socket", SOCK, TCP, SOCK, UDP, false),
	SEL("*:proc matches a proc file", ANY, PROC, REG, PROC, true),
	SEL("*:proc matches a proc directory", ANY, PROC, DIR, PROC, true),
	SEL("*:proc does not match sysfs", ANY, PROC, REG, SYSFS, false),
	SEL("reg:ext4 does not match a directory on ext4", REG, EXT4, DIR, EXT4,
	    false),
	SEL("fifo:* matches a pipe", FIFO, ANY, FIFO, PIPEFS, true),
	SEL("anon:timerfd does not match an eventfd", ANON, TIMERFD, ANON,
	    EVENTFD, false),
	SEL("sock:tcp does not match an unknown object", SOCK, TCP, ANY, ANY,
	    false),
};

static void kapi_sel_desc(const struct kapi_sel_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_sel, kapi_sel_cases, kapi_sel_desc);

/* A selector matches when each coordinate is ANY or equal. */
static void kapi_check_selector_test(struct kunit *test)
{
	const struct kapi_sel_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kapi_check_selector_match(&c->sel, c->obj),
			c->match);
}

/*
 * An image with only what kapi_check_documented() reads: an error list in
 * which EPIPE holds for pipes and sockets, EINVAL for every object, and
 * ETIMEDOUT, listed twice, for TCP sockets and for anything on NFS.
 */
struct kapi_sel_image {
	struct kapi_image_header h;
	struct kapi_image_error errors[4];
	struct kapi_image_object objects[4];
};

static void kapi_sel_image_init(struct kapi_sel_image *img,
				struct kapi_image_spec *spec)
{
	static const struct kapi_image_object sel[] = {
		{ KAPI_OBJ_FIFO, KAPI_IMPL_ANY, 0 },
		{ KAPI_OBJ_SOCK, KAPI_IMPL_ANY, 0 },
		{ KAPI_OBJ_SOCK, KAPI_IMPL_TCP, 0 },
		{ KAPI_OBJ_ANY, KAPI_IMPL_NFS, 0 },
	};

	memset(img, 0, sizeof(*img));
	memset(spec, 0, sizeof(*spec));
	img->h.tables[KAPI_TABLE_ERRORS].offset =
		offsetof(struct kapi_sel_image, errors);
	img->h.tables[KAPI_TABLE_ERRORS].count = 4;
	img->h.tables[KAPI_TABLE_ERRORS].entsize =
		sizeof(struct kapi_image_error);
	img->h.tables[KAPI_TABLE_OBJECTS].offset =
		offsetof(struct kapi_sel_image, objects);
	img->h.tables[KAPI_TABLE_OBJECTS].count = 4;
	img->h.tables[KAPI_TABLE_OBJECTS].entsize =
		sizeof(struct kapi_image_object);
	memcpy(img->objects, sel, sizeof(sel));
	img->errors[0].code = -EPIPE;
	img->errors[0].objects.first = 0;
	img->errors[0].objects.count = 2;
	img->errors[1].code = -EINVAL;
	img->errors[2].code = -ETIMEDOUT;
	img->errors[2].objects.first = 2;
	img->errors[2].objects.count = 1;
	img->errors[3].code = -ETIMEDOUT;
	img->errors[3].objects.first = 3;
	img->errors[3].objects.count = 1;
	spec->errors.count = 4;
	spec->ret.check = KAPI_RETURN_ERROR_CHECK;
}

/*
 * An error is documented for an object when one of its records has no
 * selectors or a matching one; an error listed only for other objects is
 * undocumented, and the check after the call says so.
 */
static void kapi_check_documented_test(struct kunit *test)
{
	static const struct {
		int code;
		struct kapi_object obj;
		bool documented;
	} cases[] = {
		{ EPIPE, { KAPI_OBJ_FIFO, KAPI_IMPL_PIPEFS }, true },
		{ EPIPE, { KAPI_OBJ_SOCK, KAPI_IMPL_UNIX_STREAM }, true },
		{ EPIPE, { KAPI_OBJ_REG, KAPI_IMPL_EXT4 }, false },
		{ EPIPE, { KAPI_OBJ_ANON, KAPI_IMPL_EVENTFD }, false },
		{ EPIPE, { KAPI_OBJ_ANY, KAPI_IMPL_ANY }, true },
		{ EINVAL, { KAPI_OBJ_ANON, KAPI_IMPL_TIMERFD }, true },
		{ EINVAL, { KAPI_OBJ_REG, KAPI_IMPL_EXT4 }, true },
		{ ETIMEDOUT, { KAPI_OBJ_SOCK, KAPI_IMPL_TCP }, true },
		{ ETIMEDOUT, { KAPI_OBJ_REG, KAPI_IMPL_NFS }, true },
		{ ETIMEDOUT, { KAPI_OBJ_DIR, KAPI_IMPL_NFS }, true },
		{ ETIMEDOUT, { KAPI_OBJ_REG, KAPI_IMPL_EXT4 }, false },
		{ ETIMEDOUT, { KAPI_OBJ_SOCK, KAPI_IMPL_UDP }, false },
		{ ETIMEDOUT, { KAPI_OBJ_ANY, KAPI_IMPL_ANY }, true },
		{ ENOENT, { KAPI_OBJ_REG, KAPI_IMPL_EXT4 }, false },
		{ ENOENT, { KAPI_OBJ_ANY, KAPI_IMPL_ANY }, false },
	};
	struct kapi_sel_image *img;
	struct kapi_image_spec *spec;
	struct kapi_check_call call;
	struct kapi_check_post post;
	struct kapi_check_pre pre;
	u32 i;

	img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	spec = kunit_kzalloc(test, sizeof(*spec), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, img);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, spec);
	kapi_sel_image_init(img, spec);
	memset(&call, 0, sizeof(call));
	memset(&pre, 0, sizeof(pre));
	call.image = img;
	call.spec = spec;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char name[KAPI_OBJECT_NAME_LEN];

		kapi_object_name(name, sizeof(name), cases[i].obj);
		KUNIT_EXPECT_EQ_MSG(test,
				    kapi_check_documented(img, spec,
							  -cases[i].code,
							  cases[i].obj),
				    cases[i].documented, "error %d on %s",
				    cases[i].code, name);
		call.object = cases[i].obj;
		kapi_check_after(&call, &pre, -cases[i].code, 0, &post);
		KUNIT_EXPECT_TRUE(test, post.is_error);
		KUNIT_EXPECT_EQ_MSG(test, post.undocumented, !cases[i].documented,
				    "error %d on %s", cases[i].code, name);
		KUNIT_EXPECT_FALSE(test, post.divergence);
	}
}

/* Every kind has the name include/kapi/objects.h gives it. */
static void kapi_check_object_names_test(struct kunit *test)
{
	static const struct {
		struct kapi_object obj;
		const char *name;
	} cases[] = {
		{ { KAPI_OBJ_ANY, KAPI_IMPL_ANY }, "unknown" },
		{ { KAPI_OBJ_ANY, KAPI_IMPL_TCP }, "unknown" },
		{ { KAPI_OBJ_SOCK, KAPI_IMPL_TCP }, "sock:tcp" },
		{ { KAPI_OBJ_REG, KAPI_IMPL_EXT4 }, "reg:ext4" },
		{ { KAPI_OBJ_DIR, KAPI_IMPL_PROC }, "dir:proc" },
		{ { KAPI_OBJ_FIFO, KAPI_IMPL_PIPEFS }, "fifo:pipefs" },
		{ { KAPI_OBJ_CHR, KAPI_IMPL_KMSG }, "chr:kmsg" },
		{ { KAPI_OBJ_BLK, KAPI_IMPL_LOOP }, "blk:loop" },
		{ { KAPI_OBJ_ANON, KAPI_IMPL_TIMERFD }, "anon:timerfd" },
		{ { KAPI_OBJ_ANON, KAPI_IMPL_BPF }, "anon:bpf" },
		{ { KAPI_OBJ_SOCK, KAPI_IMPL_UNIX_SEQPACKET },
		  "sock:unix-seqpacket" },
		{ { KAPI_OBJ_TYPE_COUNT, KAPI_IMPL_COUNT }, "?:?" },
	};
	char buf[KAPI_OBJECT_NAME_LEN];
	u32 i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		kapi_object_name(buf, sizeof(buf), cases[i].obj);
		KUNIT_EXPECT_STREQ(test, buf, cases[i].name);
	}
	/* Every name fits, and every value has one. */
	for (i = 0; i < KAPI_IMPL_COUNT; i++) {
		struct kapi_object o = { KAPI_OBJ_SOCK, i };

		KUNIT_EXPECT_STRNEQ(test, kapi_object_impl_name(i), "?");
		KUNIT_EXPECT_LT(test, strlen(kapi_object_impl_name(i)) +
				strlen("sock:"), (size_t)KAPI_OBJECT_NAME_LEN);
		kapi_object_name(buf, sizeof(buf), o);
		KUNIT_EXPECT_TRUE(test, str_has_prefix(buf, "sock:"));
	}
	for (i = 0; i < KAPI_OBJ_TYPE_COUNT; i++)
		KUNIT_EXPECT_STRNEQ(test, kapi_object_type_name(i), "?");
	KUNIT_EXPECT_STREQ(test, kapi_object_type_name(KAPI_OBJ_ANY), "*");
	KUNIT_EXPECT_STREQ(test, kapi_object_impl_name(KAPI_IMPL_ANY), "*");
}

static void kapi_check_restart_test(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, kapi_check_is_restart(-ERESTARTSYS));
	KUNIT_EXPECT_TRUE(test, kapi_check_is_restart(-ERESTARTNOINTR));
	KUNIT_EXPECT_TRUE(test, kapi_check_is_restart(-ERESTARTNOHAND));
	KUNIT_EXPECT_TRUE(test, kapi_check_is_restart(-ERESTART_RESTARTBLOCK));
	KUNIT_EXPECT_FALSE(test, kapi_check_is_restart(-EINTR));
	KUNIT_EXPECT_FALSE(test, kapi_check_is_restart(-EAGAIN));
	KUNIT_EXPECT_FALSE(test, kapi_check_is_restart(0));
	KUNIT_EXPECT_FALSE(test, kapi_check_is_restart(ERESTARTSYS));
}

/* The names runtime/stats and runtime/violations print. */
static void kapi_check_tokens_test(struct kunit *test)
{
	static const char *const constraints[] = {
		"none", "range", "mask", "enum", "alignment", "power_of_two",
		"page_aligned", "nonzero", "user_string", "user_path",
		"user_ptr", "buffer", "custom", "fd", "open_flags", "unknown",
	};
	static const char *const returns[] = {
		"exact", "range", "error_check", "fd", "custom", "no_return",
		"unknown",
	};
	u32 i;

	for (i = 0; i < ARRAY_SIZE(constraints); i++)
		KUNIT_EXPECT_STREQ(test, kapi_check_constraint_token(i),
				   constraints[i]);
	KUNIT_EXPECT_STREQ(test, kapi_check_constraint_token(U32_MAX),
			   "unknown");
	for (i = 0; i < ARRAY_SIZE(returns); i++)
		KUNIT_EXPECT_STREQ(test, kapi_check_return_token(i), returns[i]);
	KUNIT_EXPECT_STREQ(test, kapi_check_return_token(U32_MAX), "unknown");
}

/* --- struct and array arguments (kapi_check_decode_struct()) --------- */

/* struct iovec as kapi.ko's spec describes it: iov_len in [0, SSIZE_MAX]. */
static const struct kapi_check_struct kapi_test_iovec = {
	.size = sizeof(struct iovec),
	.nfields = 1,
	.size_param = -1,
	.count_param = 1,
	.max_count = UIO_MAXIOV,
	.field = {
		{ .offset = offsetof(struct iovec, iov_len), .size = 8,
		  .constraint = KAPI_CONSTRAINT_RANGE, .error = -EINVAL,
		  .min = 0, .max = SSIZE_MAX },
	},
};

/* struct open_how, size-versioned by argument 1, masks as in structs.c. */
static const struct kapi_check_struct kapi_test_open_how = {
	.size = sizeof(struct open_how),
	.nfields = 3,
	.size_param = 1,
	.count_param = -1,
	.field = {
		{ .offset = offsetof(struct open_how, flags), .size = 8,
		  .constraint = KAPI_CONSTRAINT_MASK, .error = -EINVAL,
		  .mask = VALID_OPEN_FLAGS | O_CLOEXEC | __FMODE_NONOTIFY },
		{ .offset = offsetof(struct open_how, mode), .size = 8,
		  .constraint = KAPI_CONSTRAINT_MASK, .error = -EINVAL,
		  .mask = S_IALLUGO },
		{ .offset = offsetof(struct open_how, resolve), .size = 8,
		  .constraint = KAPI_CONSTRAINT_MASK, .error = -EINVAL,
		  .mask = VALID_RESOLVE_FLAGS },
	},
};

#ifdef KAPI_HAVE_KUNIT_VM_MMAP
/*
 * Two pages of user memory in the test's own mm, the second unmapped
 * again, so that reading across the first page's end faults. Return: the
 * first page's address, 0 (the test failed) if there is none.
 */
static unsigned long kapi_test_user_pages(struct kunit *test)
{
	unsigned long addr;

	addr = kunit_vm_mmap(test, NULL, 0, 2 * PAGE_SIZE,
			     PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE,
			     0);
	KUNIT_ASSERT_NE_MSG(test, addr, 0UL, "no user memory");
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(addr));
	KUNIT_ASSERT_EQ(test, vm_munmap(addr + PAGE_SIZE, PAGE_SIZE), 0);
	return addr;
}

/* Decode argument 0 of a two-argument call (@arg1: the count or size). */
static bool kapi_test_decode(struct kapi_check_call *call, u64 ptr, u64 arg1,
			     const struct kapi_check_struct *st, u32 flags)
{
	memset(call, 0, sizeof(*call));
	call->nargs = 2;
	call->args[0] = ptr;
	call->args[1] = arg1;
	return kapi_check_decode_struct(call, 0, st, flags);
}

static void kapi_check_struct_array_test(struct kunit *test)
{
	unsigned long addr = kapi_test_user_pages(test);
	struct iovec iov[20] = {};
	struct kapi_check_call call;
	struct kapi_check_violation v = {};
	unsigned long at;
	u32 k;

	for (k = 0; k < ARRAY_SIZE(iov); k++)
		iov[k].iov_len = k * 100;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)addr, iov, sizeof(iov)), 0UL);
	/* 20 elements, three chunks: every length holds. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 20, &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	KUNIT_EXPECT_TRUE(test, kapi_check_struct_ok(&call, 0, &v));
	/* Present pages read with faults disabled too. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 20, &kapi_test_iovec,
						 KAPI_CHECK_ATOMIC));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);

	/* Element 13 (third chunk): iov_len SIZE_MAX is negative as ssize_t. */
	iov[13].iov_len = SIZE_MAX;
	iov[17].iov_len = SIZE_MAX;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)addr, iov, sizeof(iov)), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 20, &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, (u8)BIT(0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_FIELD_RANGE);
	KUNIT_EXPECT_EQ(test, call.serror, -EINVAL);
	KUNIT_EXPECT_EQ(test, call.svalue, (u64)SIZE_MAX);
	KUNIT_EXPECT_EQ(test, call.sat, 13ULL * 256);
	KUNIT_EXPECT_FALSE(test, kapi_check_struct_ok(&call, 0, &v));
	KUNIT_EXPECT_EQ(test, v.why, (u32)KAPI_WHY_FIELD_RANGE);
	KUNIT_EXPECT_EQ(test, v.error, -EINVAL);
	KUNIT_EXPECT_EQ(test, v.size, 13ULL * 256);
	/* Only the first 13 elements: no violation. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 13, &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	/* A count above max-count is the count's own rule: nothing read. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, UIO_MAXIOV + 1,
						 &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	/* A count of 0 reads nothing, not even a NULL array. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, 0, 0, &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);

	/* Five elements before the unmapped page, eight in the array. */
	at = addr + PAGE_SIZE - 5 * sizeof(struct iovec);
	memset(iov, 0, sizeof(iov));
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)at, iov,
					   5 * sizeof(struct iovec)), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, at, 8, &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, (u8)BIT(0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_STRUCT_FAULT);
	KUNIT_EXPECT_EQ(test, call.serror, -EFAULT);
	KUNIT_EXPECT_EQ(test, call.sat, 5ULL * sizeof(struct iovec));
	/* With faults disabled: decode again where they are served. */
	KUNIT_EXPECT_FALSE(test, kapi_test_decode(&call, at, 8, &kapi_test_iovec,
						  KAPI_CHECK_ATOMIC));
	/* A bad length before the fault is found first, as 6.12 does. */
	iov[2].iov_len = SIZE_MAX;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)at, iov,
					   5 * sizeof(struct iovec)), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, at, 8, &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_FIELD_RANGE);
	KUNIT_EXPECT_EQ(test, call.sat, 2ULL * 256);
	/* An array outside user space. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, (u64)-4096, 2,
						 &kapi_test_iovec, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_STRUCT_FAULT);
	KUNIT_EXPECT_EQ(test, call.serror, -EFAULT);
}

static void kapi_check_struct_versioned_test(struct kunit *test)
{
	unsigned long addr = kapi_test_user_pages(test);
	struct open_how how = { .flags = O_RDONLY };
	struct kapi_check_call call;
	u8 one = 1;
	unsigned long end;

	KUNIT_ASSERT_EQ(test, clear_user((void __user *)addr, PAGE_SIZE), 0UL);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)addr, &how, sizeof(how)), 0UL);
	/* The kernel's size, a smaller one, a larger one with zeros. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, sizeof(how),
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 16, &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 32, &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	/* size PAGE_SIZE, all zero past the struct: read in chunks, holds. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, PAGE_SIZE,
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	/* The last byte of the page is not zero: E2BIG, at its offset. */
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(addr + PAGE_SIZE - 1),
					   &one, 1), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, PAGE_SIZE,
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, (u8)BIT(0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_STRUCT_TRAILING);
	KUNIT_EXPECT_EQ(test, call.serror, -E2BIG);
	KUNIT_EXPECT_EQ(test, call.sat, (u64)PAGE_SIZE - 1);
	/* Above PAGE_SIZE: the size's own rule, nothing read. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, PAGE_SIZE + 1,
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	/* A non-zero byte at 30 of 32. */
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(addr + 30), &one, 1), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 32, &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_STRUCT_TRAILING);
	KUNIT_EXPECT_EQ(test, call.sat, 30ULL);
	/* The trailing bytes are checked first, as check_zeroed_user() is. */
	how.flags = BIT_ULL(40);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)addr, &how, sizeof(how)), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, 32, &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_STRUCT_TRAILING);
	/* Within the kernel's size: an unknown flag bit, EINVAL. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, sizeof(how),
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_FIELD_MASK);
	KUNIT_EXPECT_EQ(test, call.serror, -EINVAL);
	KUNIT_EXPECT_EQ(test, call.svalue, BIT_ULL(40));
	KUNIT_EXPECT_EQ(test, call.sat, 0ULL);
	/* FMODE_NONOTIFY and O_CLOEXEC are stripped, not refused. */
	how.flags = O_RDWR | O_CLOEXEC | __FMODE_NONOTIFY;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)addr, &how, sizeof(how)), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, sizeof(how),
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.sbad, 0);
	/* A mode bit outside S_IALLUGO; a resolve bit outside the valid ones. */
	how.mode = S_IFREG;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)addr, &how, sizeof(how)), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, sizeof(how),
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_FIELD_MASK);
	KUNIT_EXPECT_EQ(test, call.sat, 1ULL);
	how.mode = 0644;
	how.resolve = (u64)VALID_RESOLVE_FLAGS + 1;
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)addr, &how, sizeof(how)), 0UL);
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, addr, sizeof(how),
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_FIELD_MASK);
	KUNIT_EXPECT_EQ(test, call.sat, 2ULL);
	KUNIT_EXPECT_EQ(test, call.serror, -EINVAL);

	/* A struct that ends 8 bytes into the unmapped page: EFAULT. */
	end = addr + PAGE_SIZE - 16;
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, end, sizeof(how),
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_STRUCT_FAULT);
	KUNIT_EXPECT_EQ(test, call.serror, -EFAULT);
	/* Its trailing bytes fault first. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, end, 40, &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.swhy, (u32)KAPI_WHY_STRUCT_FAULT);
	KUNIT_EXPECT_EQ(test, call.sat, (u64)sizeof(how));
	KUNIT_EXPECT_FALSE(test, kapi_test_decode(&call, end, sizeof(how),
						  &kapi_test_open_how,
						  KAPI_CHECK_ATOMIC));
	/* NULL with a valid size faults as copy_struct_from_user() does. */
	KUNIT_EXPECT_TRUE(test, kapi_test_decode(&call, 0, sizeof(how),
						 &kapi_test_open_how, 0));
	KUNIT_EXPECT_EQ(test, call.serror, -EFAULT);
}
#else
static void kapi_check_struct_array_test(struct kunit *test)
{
	kunit_skip(test, "the kernel has no kunit_vm_mmap(): no user memory to read");
}

static void kapi_check_struct_versioned_test(struct kunit *test)
{
	kunit_skip(test, "the kernel has no kunit_vm_mmap(): no user memory to read");
}
#endif

/* The parameter's rule reports what decoding found, and only for it. */
static void kapi_check_struct_rule_test(struct kunit *test)
{
	struct kapi_check_call call = {};
	struct kapi_check_violation v = {};

	KUNIT_EXPECT_TRUE(test, kapi_check_struct_ok(&call, 1, &v));
	call.sbad = BIT(1);
	call.swhy = KAPI_WHY_STRUCT_TRAILING;
	call.serror = -E2BIG;
	call.svalue = 0x1000;
	call.sat = 30;
	KUNIT_EXPECT_TRUE(test, kapi_check_struct_ok(&call, 0, &v));
	KUNIT_EXPECT_FALSE(test, kapi_check_struct_ok(&call, 1, &v));
	KUNIT_EXPECT_EQ(test, v.why, (u32)KAPI_WHY_STRUCT_TRAILING);
	KUNIT_EXPECT_EQ(test, v.error, -E2BIG);
	KUNIT_EXPECT_EQ(test, v.value, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, v.size, 30ULL);
}

static struct kunit_case kapi_check_test_cases[] = {
	KUNIT_CASE_PARAM(kapi_check_constraint_test, kapi_cons_gen_params),
	KUNIT_CASE(kapi_check_all_violate_test),
	KUNIT_CASE(kapi_check_prediction_test),
	KUNIT_CASE(kapi_check_long_string_test),
	KUNIT_CASE(kapi_check_order_test),
	KUNIT_CASE(kapi_check_fd_test),
	KUNIT_CASE(kapi_check_fd_negative_test),
	KUNIT_CASE(kapi_check_fd_relative_test),
	KUNIT_CASE(kapi_check_open_flags_test),
	KUNIT_CASE(kapi_check_order_validate_test),
	KUNIT_CASE_PARAM(kapi_check_param_test, kapi_param_gen_params),
	KUNIT_CASE_PARAM(kapi_check_type_test, kapi_type_gen_params),
	KUNIT_CASE_PARAM(kapi_check_convert_test, kapi_convert_gen_params),
	KUNIT_CASE_PARAM(kapi_check_context_test, kapi_ctx_gen_params),
	KUNIT_CASE_PARAM(kapi_check_return_test, kapi_ret_gen_params),
	KUNIT_CASE(kapi_check_error_list_test),
	KUNIT_CASE_PARAM(kapi_check_selector_test, kapi_sel_gen_params),
	KUNIT_CASE(kapi_check_documented_test),
	KUNIT_CASE(kapi_check_object_names_test),
	KUNIT_CASE(kapi_check_restart_test),
	KUNIT_CASE(kapi_check_tokens_test),
	KUNIT_CASE(kapi_check_struct_array_test),
	KUNIT_CASE(kapi_check_struct_versioned_test),
	KUNIT_CASE(kapi_check_struct_rule_test),
	{}
};

static struct kunit_suite kapi_check_suite = {
	.name = "kapi_check",
	.test_cases = kapi_check_test_cases,
};

kunit_test_suite(kapi_check_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kapi_report": the report layer (module/report.c) and how
 * the debugfs runtime view prints it and parses the filter file
 * (module/debugfs_runtime.c). Calls are checked by
 * the check engine and handed to the report layer exactly as the hooks do
 * it, then the counters are read as runtime/stats prints them and the
 * violation ring as runtime/violations prints it, and compared with the
 * exact text Documentation/runtime.rst gives: counters per parameter, per
 * error code and object kind of failed calls, with the undocumented ones
 * (64 slots, then "other"), every kind of record, the
 * ring's overflow and drop count, and the filter on pid, tgid, uid and
 * comm. While the suite runs, a filter that admits no task keeps the real
 * hooks from adding records of their own.
 */
#include <kunit/test.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/threads.h>
#include <linux/uidgid.h>

#include "check.h"
#include "debugfs.h"
#include "image.h"
#include "kapi.h"
#include "kapi_kunit.h"
#include "report.h"

/* Room for a full ring of records as runtime/violations prints them. */
#define KAPI_RING_TEXT (KAPI_REPORT_RING_SIZE * 512)

static struct kapi_report_filter kapi_saved_filter;

/* A filter no task matches: the hooks check nothing meanwhile. */
static const struct kapi_report_filter kapi_no_task = {
	.set = KAPI_FILTER_PID,
	.pid = -1,
};

static int kapi_report_suite_init(struct kunit_suite *suite)
{
	kapi_report_filter_get(&kapi_saved_filter);
	kapi_report_filter_set(&kapi_no_task);
	return 0;
}

static void kapi_report_suite_exit(struct kunit_suite *suite)
{
	kapi_report_ring_clear();
	kapi_report_ring_reset_dropped();
	kapi_report_filter_set(&kapi_saved_filter);
}

static int kapi_report_test_init(struct kunit *test)
{
	kapi_report_ring_clear();
	kapi_report_ring_reset_dropped();
	kapi_report_filter_set(&kapi_no_task);
	return 0;
}

/* The counters of the case, if it made some (test->priv). */
static void kapi_report_test_exit(struct kunit *test)
{
	struct kapi_report_spec *rs = test->priv;

	if (rs)
		kapi_report_spec_destroy(rs);
	kapi_report_filter_set(&kapi_no_task);
}

static struct kapi_report_spec *kapi_counters(struct kunit *test)
{
	struct kapi_report_spec *rs;

	rs = kunit_kzalloc(test, sizeof(*rs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, rs);
	KUNIT_ASSERT_EQ(test, kapi_report_spec_init(rs), 0);
	test->priv = rs;
	return rs;
}

/* Only the verdict before the call matters: its result is not checked. */
#define KAPI_NO_RESULT LONG_MIN

/*
 * What a hook does with a call: check it, report the verdict, and unless
 * enforce mode refuses it, check and report its result @ret.
 */
static void kapi_run(struct kapi_report_spec *rs, struct kapi_kunit_call *c,
		     long ret, unsigned long nofile, enum kapi_mode mode)
{
	struct kapi_check_post post;
	struct kapi_check_pre pre;
	bool enforce;

	kapi_check_before(&c->call, &pre);
	enforce = mode == KAPI_MODE_ENFORCE && pre.predicted;
	kapi_report_before(rs, c->name, &c->call, &pre, mode, enforce);
	if (enforce || ret == KAPI_NO_RESULT)
		return;
	kapi_check_after(&c->call, &pre, ret, nofile, &post);
	kapi_report_after(rs, c->name, &c->call, &pre, &post, ret, nofile,
			  mode);
}

static void kapi_run_spec(struct kunit *test, struct kapi_report_spec *rs,
			  const char *spec, const u64 *raw, long ret,
			  enum kapi_mode mode)
{
	struct kapi_kunit_call c;

	kapi_kunit_call_init(test, &c, kapi_kunit_image_data, spec, raw, NULL,
			     KAPI_KUNIT_CTX_TASK);
	kapi_run(rs, &c, ret, 0, mode);
}

static const char *kapi_stats(struct kunit *test, struct kapi_report_spec *rs,
			      const char *spec)
{
	const void *img = kapi_kunit_image_data;
	struct seq_file *m = kapi_kunit_seq(test, 8192, NULL);

	KUNIT_ASSERT_EQ(test,
			kapi_debugfs_runtime_spec_stats(m, spec, rs, img,
							kapi_kunit_spec(test, img, spec)),
			0);
	return kapi_kunit_seq_text(test, m);
}

static const char *kapi_ring(struct kunit *test)
{
	struct seq_file *m = kapi_kunit_seq(test, KAPI_RING_TEXT, NULL);

	KUNIT_EXPECT_EQ(test, kapi_debugfs_runtime_violations_show(m, NULL), 0);
	return kapi_kunit_seq_text(test, m);
}

/* An error as the reports print it: its name, or else its number. */
static const char *kapi_err(struct kunit *test, int code)
{
	char *buf;

	if (kapi_kunit_errname(code))
		return kapi_kunit_errname(code);
	buf = kunit_kzalloc(test, 16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	snprintf(buf, 16, "%d", -code);
	return buf;
}

/* --- counters ------------------------------------------------------------ */

static const u64 kapi_numbers_ok[] = { 0, 0, 0, 0, 0, 1 };
static const u64 kapi_numbers_bad[] = { 101, 0, 0, 0, 0, 6 };

/* Calls, violations per parameter and context, enforced calls. */
static void kapi_report_counters_test(struct kunit *test)
{
	struct kapi_report_spec *rs = kapi_counters(test);
	struct kapi_kunit_call c;

	kapi_run_spec(test, rs, "kapi_kunit_numbers", kapi_numbers_bad, 0,
		      KAPI_MODE_ENFORCE);
	kapi_run_spec(test, rs, "kapi_kunit_numbers", kapi_numbers_bad, -ERANGE,
		      KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, "kapi_kunit_numbers", kapi_numbers_ok, 0,
		      KAPI_MODE_AUDIT);
	/* A call with preemption disabled breaks the spec's context. */
	kapi_kunit_call_init(test, &c, kapi_kunit_image_data,
			     "kapi_kunit_numbers", kapi_numbers_ok, NULL,
			     kapi_check_context(true, false, false));
	kapi_run(rs, &c, 0, 0, KAPI_MODE_ENFORCE);

	kapi_kunit_expect_text(test, kapi_stats(test, rs, "kapi_kunit_numbers"),
			       kapi_kunit_printf(test,
						 "kapi_kunit_numbers calls=4 violations=5 return_violations=0 undocumented=0 divergences=0 enforced=1\n"
						 "kapi_kunit_numbers param=value rule=range violations=2\n"
						 "kapi_kunit_numbers param=count rule=range violations=0\n"
						 "kapi_kunit_numbers param=flags rule=mask violations=0\n"
						 "kapi_kunit_numbers param=whence rule=enum violations=0\n"
						 "kapi_kunit_numbers param=align rule=alignment violations=0\n"
						 "kapi_kunit_numbers param=order rule=power_of_two violations=2\n"
						 "kapi_kunit_numbers rule=context violations=1\n"
						 "kapi_kunit_numbers errno=%s object=unknown failed=1 undocumented=0\n",
						 kapi_err(test, ERANGE)));

	/* Reset: every counter is 0 again. */
	kapi_report_spec_reset(rs);
	kapi_kunit_expect_text(test, kapi_stats(test, rs, "kapi_kunit_numbers"),
			       "kapi_kunit_numbers calls=0 violations=0 return_violations=0 undocumented=0 divergences=0 enforced=0\n"
			       "kapi_kunit_numbers param=value rule=range violations=0\n"
			       "kapi_kunit_numbers param=count rule=range violations=0\n"
			       "kapi_kunit_numbers param=flags rule=mask violations=0\n"
			       "kapi_kunit_numbers param=whence rule=enum violations=0\n"
			       "kapi_kunit_numbers param=align rule=alignment violations=0\n"
			       "kapi_kunit_numbers param=order rule=power_of_two violations=0\n");
}

/* Return violations, undocumented errors by code, divergences. */
static void kapi_report_results_test(struct kunit *test)
{
	static const u64 ok[] = { 3, 1 }, bad_fd[] = { -1, 1 };
	struct kapi_report_spec *rs = kapi_counters(test);
	const char *spec = "kapi_kunit_ret_exact";
	char *want;

	kapi_run_spec(test, rs, spec, ok, 0, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, ok, 1, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, ok, -ENOSPC, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, ok, -EPERM, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, ok, -ENOSPC, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, ok, -EBADF, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, bad_fd, 0, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, bad_fd, -EBADF, KAPI_MODE_AUDIT);

	want = kapi_kunit_printf(test,
				 "kapi_kunit_ret_exact calls=8 violations=2 return_violations=1 undocumented=3 divergences=1 enforced=0\n"
				 "kapi_kunit_ret_exact param=fd rule=range violations=2\n"
				 "kapi_kunit_ret_exact param=arg rule=mask violations=0\n"
				 "kapi_kunit_ret_exact errno=%s object=unknown failed=2 undocumented=2\n"
				 "kapi_kunit_ret_exact errno=%s object=unknown failed=1 undocumented=1\n"
				 "kapi_kunit_ret_exact errno=%s object=unknown failed=2 undocumented=0\n",
				 kapi_err(test, ENOSPC), kapi_err(test, EPERM),
				 kapi_err(test, EBADF));
	kapi_kunit_expect_text(test, kapi_stats(test, rs, spec), want);
}

/* 64 error codes get a line each, in the order seen; more are "other". */
static void kapi_report_errno_slots_test(struct kunit *test)
{
	struct kapi_report_spec *rs = kapi_counters(test);
	const char *spec = "kapi_kunit_ret_custom";
	size_t len = 0, size = 8192;
	char *want;
	int code;

	want = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, want);
	len += scnprintf(want + len, size - len,
			 "kapi_kunit_ret_custom calls=%d violations=0 return_violations=0 undocumented=%d divergences=0 enforced=0\n",
			 KAPI_REPORT_ERRNO_SLOTS + 3, KAPI_REPORT_ERRNO_SLOTS + 3);
	for (code = 1; code <= KAPI_REPORT_ERRNO_SLOTS + 1; code++)
		kapi_run_spec(test, rs, spec, NULL, -code, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, NULL, -1, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, NULL, -(KAPI_REPORT_ERRNO_SLOTS + 1),
		      KAPI_MODE_AUDIT);
	for (code = 1; code <= KAPI_REPORT_ERRNO_SLOTS; code++)
		len += scnprintf(want + len, size - len,
				 "kapi_kunit_ret_custom errno=%s object=unknown failed=%d undocumented=%d\n",
				 kapi_err(test, code), code == 1 ? 2 : 1,
				 code == 1 ? 2 : 1);
	scnprintf(want + len, size - len,
		  "kapi_kunit_ret_custom errno=other failed=2 undocumented=2\n");
	kapi_kunit_expect_text(test, kapi_stats(test, rs, spec), want);

	/* After a reset the slots keep their codes but print nothing. */
	kapi_report_spec_reset(rs);
	kapi_kunit_expect_text(test, kapi_stats(test, rs, spec),
			       "kapi_kunit_ret_custom calls=0 violations=0 return_violations=0 undocumented=0 divergences=0 enforced=0\n");
	kapi_run_spec(test, rs, spec, NULL, -2, KAPI_MODE_AUDIT);
	want = kapi_kunit_printf(test,
				 "kapi_kunit_ret_custom calls=1 violations=0 return_violations=0 undocumented=1 divergences=0 enforced=0\n"
				 "kapi_kunit_ret_custom errno=%s object=unknown failed=1 undocumented=1\n",
				 kapi_err(test, 2));
	kapi_kunit_expect_text(test, kapi_stats(test, rs, spec), want);
}

/*
 * Failed calls are counted per error code and object kind: the same code
 * on two kinds is two lines, the same kind twice is one; a slot holds one
 * pair, and pairs past the 64 slots are "other".
 */
static void kapi_report_errno_objects_test(struct kunit *test)
{
	static const char other[] =
		"kapi_kunit_ret_custom errno=other failed=1 undocumented=1\n";
	static const struct kapi_object tcp = { KAPI_OBJ_SOCK, KAPI_IMPL_TCP };
	static const struct kapi_object ext4 = { KAPI_OBJ_REG, KAPI_IMPL_EXT4 };
	struct kapi_report_spec *rs = kapi_counters(test);
	const char *spec = "kapi_kunit_ret_custom";
	struct kapi_kunit_call c;
	struct kapi_object obj;
	u32 i;

	kapi_kunit_call_init(test, &c, kapi_kunit_image_data, spec, NULL, NULL,
			     KAPI_KUNIT_CTX_TASK);
	c.call.object = tcp;
	kapi_run(rs, &c, -EIO, 0, KAPI_MODE_AUDIT);
	kapi_run(rs, &c, -EIO, 0, KAPI_MODE_AUDIT);
	c.call.object = ext4;
	kapi_run(rs, &c, -EIO, 0, KAPI_MODE_AUDIT);
	c.call.object.type = KAPI_OBJ_ANY;
	c.call.object.impl = KAPI_IMPL_ANY;
	kapi_run(rs, &c, -EIO, 0, KAPI_MODE_AUDIT);
	kapi_kunit_expect_text(test, kapi_stats(test, rs, spec),
			       kapi_kunit_printf(test,
						 "kapi_kunit_ret_custom calls=4 violations=0 return_violations=0 undocumented=4 divergences=0 enforced=0\n"
						 "kapi_kunit_ret_custom errno=%s object=sock:tcp failed=2 undocumented=2\n"
						 "kapi_kunit_ret_custom errno=%s object=reg:ext4 failed=1 undocumented=1\n"
						 "kapi_kunit_ret_custom errno=%s object=unknown failed=1 undocumented=1\n",
						 kapi_err(test, EIO),
						 kapi_err(test, EIO),
						 kapi_err(test, EIO)));

	/* The key keeps both coordinates of every kind. */
	for (i = 0; i < KAPI_IMPL_COUNT; i++) {
		obj.type = KAPI_OBJ_TYPE_COUNT - 1;
		obj.impl = i;
		obj = kapi_report_errno_key_object(kapi_report_errno_key(MAX_ERRNO,
									 obj));
		KUNIT_EXPECT_EQ(test, obj.type, KAPI_OBJ_TYPE_COUNT - 1);
		KUNIT_EXPECT_EQ(test, obj.impl, i);
	}
	KUNIT_EXPECT_EQ(test,
			kapi_report_errno_key_code(kapi_report_errno_key(MAX_ERRNO,
									 tcp)),
			MAX_ERRNO);

	/* 61 more pairs fill the 64 slots; the 65th pair is "other". */
	for (i = 0; i < KAPI_REPORT_ERRNO_SLOTS - 3 + 1; i++) {
		c.call.object.type = KAPI_OBJ_REG;
		c.call.object.impl = KAPI_IMPL_EXT4 + 1 + i;
		kapi_run(rs, &c, -EIO, 0, KAPI_MODE_AUDIT);
	}
	KUNIT_EXPECT_NOT_NULL(test, strstr(kapi_stats(test, rs, spec), other));
}

/*
 * Every failed call is counted in its slot, a documented error as failed
 * only, an undocumented one as failed and undocumented; a success is no
 * line, and a call that enforce mode refuses is enforced, not failed.
 */
static void kapi_report_failed_test(struct kunit *test)
{
	static const struct kapi_object tcp = { KAPI_OBJ_SOCK, KAPI_IMPL_TCP };
	static const u64 ok[] = { 3, 1 }, bad_fd[] = { -1, 1 };
	struct kapi_report_spec *rs = kapi_counters(test);
	const char *spec = "kapi_kunit_ret_exact";
	struct kapi_kunit_call c;

	/* EBADF and ENOMEM are listed, ENOSPC is not. */
	kapi_kunit_call_init(test, &c, kapi_kunit_image_data, spec, ok, NULL,
			     KAPI_KUNIT_CTX_TASK);
	c.call.object = tcp;
	kapi_run(rs, &c, -EBADF, 0, KAPI_MODE_AUDIT);
	kapi_run(rs, &c, -EBADF, 0, KAPI_MODE_ENFORCE);
	kapi_run(rs, &c, -ENOSPC, 0, KAPI_MODE_AUDIT);
	kapi_run(rs, &c, 0, 0, KAPI_MODE_AUDIT);
	kapi_run_spec(test, rs, spec, ok, -ENOMEM, KAPI_MODE_AUDIT);
	/* Refused before it runs: counted as enforced only. */
	kapi_run_spec(test, rs, spec, bad_fd, -EBADF, KAPI_MODE_ENFORCE);
	kapi_kunit_expect_text(test, kapi_stats(test, rs, spec),
			       kapi_kunit_printf(test,
						 "kapi_kunit_ret_exact calls=6 violations=1 return_violations=0 undocumented=1 divergences=0 enforced=1\n"
						 "kapi_kunit_ret_exact param=fd rule=range violations=1\n"
						 "kapi_kunit_ret_exact param=arg rule=mask violations=0\n"
						 "kapi_kunit_ret_exact errno=%s object=sock:tcp failed=2 undocumented=0\n"
						 "kapi_kunit_ret_exact errno=%s object=sock:tcp failed=1 undocumented=1\n"
						 "kapi_kunit_ret_exact errno=%s object=unknown failed=1 undocumented=0\n",
						 kapi_err(test, EBADF),
						 kapi_err(test, ENOSPC),
						 kapi_err(test, ENOMEM)));
}

/* --- records --------------------------------------------------------------- */

/* The record lines of what runtime/violations printed, in order. */
struct kapi_records {
	unsigned int n;
	char *line[KAPI_REPORT_RING_SIZE];
};

static struct kapi_records *kapi_records(struct kunit *test, const char *text)
{
	struct kapi_records *r;
	char *copy, *line;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	copy = kapi_kunit_printf(test, "%s", text);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	while ((line = strsep(&copy, "\n"))) {
		if (strncmp(line, "seq=", 4))
			continue;
		KUNIT_ASSERT_LT(test, r->n, KAPI_REPORT_RING_SIZE);
		r->line[r->n++] = line;
	}
	return r;
}

/* The sequence number and the time of a record line. */
static u64 kapi_seq(struct kunit *test, const char *line)
{
	unsigned long long seq = 0, ts = 0;
	int n = sscanf(line, "seq=%llu ts=%llu ", &seq, &ts);

	KUNIT_EXPECT_EQ(test, n, 2);
	return seq;
}

static u64 kapi_ts(struct kunit *test, const char *line)
{
	unsigned long long seq = 0, ts = 0;
	int n = sscanf(line, "seq=%llu ts=%llu ", &seq, &ts);

	KUNIT_EXPECT_EQ(test, n, 2);
	return ts;
}

/* Does @line end with @tail? */
static bool kapi_ends(const char *line, const char *tail)
{
	size_t n = strlen(line), m = strlen(tail);

	return n >= m && !strcmp(line + n - m, tail);
}

struct kapi_record_case {
	const char *what;
	const char *spec;
	u64 raw[KAPI_CHECK_MAX_PARAMS];
	long slen[KAPI_CHECK_MAX_PARAMS];
	u32 ctx;		/* 0: a system call's */
	bool enforce;		/* enforce mode, else audit */
	long ret;		/* the result, or KAPI_NO_RESULT */
	unsigned long nofile;
	unsigned int nrecords;	/* records the call makes */
	/* The last of them. */
	const char *args;
	const char *rule;
	const char *expected;
	const char *actual;
	int expected_err;	/* expected is this error's name */
	int actual_err;		/* actual is this error's name */
	const char *object;	/* the object the record names, or none */
	struct kapi_object obj;	/* the call's object, if it failed */
};

#define NUM(v, c, f, w, a, o) "kapi_kunit_numbers", { v, c, f, w, a, o }
#define MEM(p, i, s, m, d, x) "kapi_kunit_memory", { p, i, s, m, d, x }
#define USR(n, p, b, c, s, o) "kapi_kunit_user", { n, p, b, c, s, o }
#define USRS USR(0x10000, 0x20000, 0x30000, 1, 0x40000, 0)
#define USR_ARGS "0x10000,0x20000,0x30000,0x1,0x40000,0x0"
/* String lengths of name and path, as strnlen_user() returns them. */
#define SLEN(n, p) { n, p }

/* A parameter violation, checked before the call, in audit mode. */
#define PARAM(w, call, sl, a, r, e, x) \
	{ w, call, sl, .ret = KAPI_NO_RESULT, .nrecords = 1, .args = a, \
	  .rule = r, .expected = e, .actual = x }

static const struct kapi_record_case kapi_record_cases[] = {
	PARAM("range", NUM(101, 0, 0, 0, 0, 1), {},
	      "0x65,0x0,0x0,0x0,0x0,0x1", "param:value:range", "range[-5,100]",
	      "101"),
	PARAM("range, negative int", NUM(-6, 0, 0, 0, 0, 1), {},
	      "0xfffffffa,0x0,0x0,0x0,0x0,0x1", "param:value:range",
	      "range[-5,100]", "-6"),
	PARAM("range, unsigned int", NUM(0, -1, 0, 0, 0, 1), {},
	      "0x0,0xffffffff,0x0,0x0,0x0,0x1", "param:count:range",
	      "range[0,4096]", "4294967295"),
	PARAM("mask", NUM(0, 0, 0x110, 0, 0, 1), {},
	      "0x0,0x0,0x110,0x0,0x0,0x1", "param:flags:mask", "mask[0x10f]",
	      "0x110"),
	PARAM("enum", NUM(0, 0, 0, 3, 0, 1), {}, "0x0,0x0,0x0,0x3,0x0,0x1",
	      "param:whence:enum", "enum[0,1,2,-1]", "3"),
	PARAM("alignment", NUM(0, 0, 0, 0, 8, 1), {},
	      "0x0,0x0,0x0,0x0,0x8,0x1", "param:align:alignment",
	      "aligned[16]", "0x8"),
	PARAM("power of two", NUM(0, 0, 0, 0, 0, 6), {},
	      "0x0,0x0,0x0,0x0,0x0,0x6", "param:order:power_of_two",
	      "power_of_two", "6"),
	PARAM("page aligned", MEM(0x1001, 1, 1, 0, 0, 0), {},
	      "0x1001,0x1,0x1,0x0,0x0,0x0", "param:page:page_aligned",
	      "page_aligned[4096]", "0x1001"),
	PARAM("nonzero", MEM(0, 0, 1, 0, 0, 0), {}, "0x0,0x0,0x1,0x0,0x0,0x0",
	      "param:id:nonzero", "nonzero", "0"),
	PARAM("range of a u8", MEM(0, 1, 0x1ff, 0, 0, 0), {},
	      "0x0,0x1,0xff,0x0,0x0,0x0", "param:small:range", "range[1,200]",
	      "255"),
	PARAM("mask of a umode_t", MEM(0, 1, 1, 0x11ff, 0, 0), {},
	      "0x0,0x1,0x1,0x11ff,0x0,0x0", "param:mode:mask", "mask[0x1ff]",
	      "0x11ff"),
	PARAM("range of an s16", MEM(0, 1, 1, 0, 0x18000, 0), {},
	      "0x0,0x1,0x1,0x0,0x8000,0x0", "param:delta:range",
	      "range[-100,100]", "-32768"),
	PARAM("string unreadable", USRS, SLEN(0, 2), USR_ARGS,
	      "param:name:user_string", "readable", "0x10000"),
	PARAM("string too long", USRS, SLEN(10, 2), USR_ARGS,
	      "param:name:user_string", "length<9", "length>=9"),
	PARAM("string too short", USRS, SLEN(2, 2), USR_ARGS,
	      "param:name:user_string", "length>=2", "length=1"),
	PARAM("buffer outside user space",
	      USR(0x10000, 0x20000, 0xffff888000000000ULL, 2, 0x40000, 0),
	      SLEN(3, 2), "0x10000,0x20000,0xffff888000000000,0x2,0x40000,0x0",
	      "param:buf:buffer", "user_range", "0xffff888000000000+16"),
	PARAM("buffer size overflow",
	      USR(0x10000, 0x20000, 0x30000, BIT_ULL(61), 0x40000, 0),
	      SLEN(3, 2),
	      "0x10000,0x20000,0x30000,0x2000000000000000,0x40000,0x0",
	      "param:buf:buffer", "user_range",
	      "0x30000+2305843009213693952x8"),
	{ "path too long, enforced", USRS, SLEN(3, PATH_MAX + 1),
	  .enforce = true, .ret = 0, .nrecords = 1,
	  .args = USR_ARGS, .rule = "param:path:user_path",
	  .expected = "length<4096", .actual = "length>=4096" },
	{ "context", "kapi_kunit_ctx_irq", .ret = KAPI_NO_RESULT, .nrecords = 1,
	  .args = "-", .rule = "context", .expected = "ctx[0x6]",
	  .actual = "ctx[0x21]" },
	{ "return exact", "kapi_kunit_ret_exact", { 3, 1 }, .ret = 1,
	  .nrecords = 1, .args = "0x3,0x1", .rule = "return:exact",
	  .expected = "exact[0]", .actual = "1" },
	{ "return range", "kapi_kunit_ret_range", .ret = -5000, .nrecords = 1,
	  .args = "-", .rule = "return:range",
	  .expected = "range[-10,9223372036854775807]", .actual = "-5000" },
	{ "return fd", "kapi_kunit_ret_fd", .ret = 1024, .nofile = 1024,
	  .nrecords = 1, .args = "-", .rule = "return:fd",
	  .expected = "fd[0,1023]", .actual = "1024" },
	{ "undocumented error", "kapi_kunit_ret_exact", { 3, 1 },
	  .ret = -ENOSPC, .nrecords = 1, .args = "0x3,0x1",
	  .rule = "undocumented", .expected = "documented_error",
	  .actual_err = ENOSPC, .object = "unknown" },
	{ "undocumented error on a TCP socket", "kapi_kunit_ret_exact", { 3, 1 },
	  .ret = -EAGAIN, .nrecords = 1, .args = "0x3,0x1",
	  .rule = "undocumented", .expected = "documented_error",
	  .actual_err = EAGAIN, .object = "sock:tcp",
	  .obj = { KAPI_OBJ_SOCK, KAPI_IMPL_TCP } },
	{ "undocumented error on a timerfd", "kapi_kunit_ret_exact", { 3, 1 },
	  .ret = -EPIPE, .nrecords = 1, .args = "0x3,0x1",
	  .rule = "undocumented", .expected = "documented_error",
	  .actual_err = EPIPE, .object = "anon:timerfd",
	  .obj = { KAPI_OBJ_ANON, KAPI_IMPL_TIMERFD } },
	{ "divergence: success", "kapi_kunit_ret_exact", { -1, 1 }, .ret = 0,
	  .nrecords = 2, .args = "0xffffffff,0x1", .rule = "divergence",
	  .expected_err = EBADF, .actual = "0" },
	{ "divergence: another error", "kapi_kunit_ret_exact", { -1, 1 },
	  .ret = -ENOSPC, .nrecords = 3, .args = "0xffffffff,0x1",
	  .rule = "divergence", .expected_err = EBADF, .actual_err = ENOSPC,
	  .object = "dir:proc", .obj = { KAPI_OBJ_DIR, KAPI_IMPL_PROC } },
};

static void kapi_record_desc(const struct kapi_record_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_record, kapi_record_cases, kapi_record_desc);

/* Each kind of record, field by field, as runtime/violations prints it. */
static void kapi_report_record_test(struct kunit *test)
{
	const struct kapi_record_case *c = test->param_value;
	struct kapi_report_spec *rs = kapi_counters(test);
	char comm[TASK_COMM_LEN];
	struct kapi_kunit_call call;
	struct kapi_records *r;
	const char *text, *last;
	char *want;

	kapi_kunit_call_init(test, &call, kapi_kunit_image_data, c->spec,
			     c->raw, c->slen, c->ctx ?: KAPI_KUNIT_CTX_TASK);
	call.call.object = c->obj;
	kapi_run(rs, &call, c->ret, c->nofile,
		 c->enforce ? KAPI_MODE_ENFORCE : KAPI_MODE_AUDIT);
	text = kapi_ring(test);
	want = kapi_kunit_printf(test, "# capacity=%u records=%u dropped=0",
				 KAPI_REPORT_RING_SIZE, c->nrecords);
	KUNIT_EXPECT_STREQ(test, kapi_kunit_line(test, text, "# "), want);
	r = kapi_records(test, text);
	KUNIT_ASSERT_EQ(test, r->n, c->nrecords);
	last = r->line[r->n - 1];

	/* "seq=N ts=T", then who called, what, which rule, the mode. */
	get_task_comm(comm, current);
	want = kapi_kunit_printf(test,
				 " pid=%d tgid=%d uid=%u comm=%s syscall=%s args=%s rule=%s expected=%s actual=%s%s%s mode=%s",
				 task_pid_nr(current), task_tgid_nr(current),
				 from_kuid(&init_user_ns, current_uid()), comm,
				 c->spec, c->args, c->rule,
				 c->expected_err ?
				 kapi_err(test, c->expected_err) : c->expected,
				 c->actual_err ?
				 kapi_err(test, c->actual_err) : c->actual,
				 c->object ? " object=" : "",
				 c->object ?: "",
				 c->enforce ? "enforce" : "audit");
	kapi_ts(test, last);
	KUNIT_EXPECT_STREQ(test, strchr(strchr(last, ' ') + 1, ' '), want);
}

/* seq counts on, also across clear; ts is monotonic; clear empties. */
static void kapi_report_ring_test(struct kunit *test)
{
	static const char *const rule[] = {
		" rule=param:value:range expected=range[-5,100] actual=101 mode=audit",
		" rule=param:order:power_of_two expected=power_of_two actual=6 mode=audit",
	};
	struct kapi_report_spec *rs = kapi_counters(test);
	struct kapi_records *r;
	unsigned int i;
	u64 first;

	for (i = 0; i < 3; i++)
		kapi_run_spec(test, rs, "kapi_kunit_numbers", kapi_numbers_bad,
			      KAPI_NO_RESULT, KAPI_MODE_AUDIT);
	/* Two records a call: value, then order. */
	r = kapi_records(test, kapi_ring(test));
	KUNIT_ASSERT_EQ(test, r->n, 6);
	first = kapi_seq(test, r->line[0]);
	for (i = 0; i < 6; i++) {
		KUNIT_EXPECT_EQ(test, kapi_seq(test, r->line[i]), first + i);
		if (i)
			KUNIT_EXPECT_GE(test, kapi_ts(test, r->line[i]),
					kapi_ts(test, r->line[i - 1]));
		KUNIT_EXPECT_TRUE(test, kapi_ends(r->line[i], rule[i % 2]));
	}

	kapi_report_ring_clear();
	KUNIT_EXPECT_STREQ(test, kapi_ring(test),
			   "# capacity=256 records=0 dropped=0\n");
	kapi_run_spec(test, rs, "kapi_kunit_numbers", kapi_numbers_bad,
		      KAPI_NO_RESULT, KAPI_MODE_AUDIT);
	r = kapi_records(test, kapi_ring(test));
	KUNIT_ASSERT_EQ(test, r->n, 2);
	KUNIT_EXPECT_EQ(test, kapi_seq(test, r->line[0]), first + 6);
}

/* A full ring keeps the newest records and counts the others dropped. */
static void kapi_report_overflow_test(struct kunit *test)
{
	struct kapi_report_spec *rs = kapi_counters(test);
	u64 raw[KAPI_CHECK_MAX_PARAMS] = { 0, 0, 0, 0, 0, 1 };
	struct kapi_records *r;
	const char *text;
	unsigned int i;
	u64 first;

	kapi_run_spec(test, rs, "kapi_kunit_numbers", kapi_numbers_bad,
		      KAPI_NO_RESULT, KAPI_MODE_AUDIT);
	r = kapi_records(test, kapi_ring(test));
	KUNIT_ASSERT_EQ(test, r->n, 2);
	first = kapi_seq(test, r->line[0]);
	kapi_report_ring_clear();

	/* 300 records, one a call, seq first + 2 on, "value" 200 to 499. */
	for (i = 0; i < 300; i++) {
		raw[0] = 200 + i;
		kapi_run_spec(test, rs, "kapi_kunit_numbers", raw,
			      KAPI_NO_RESULT, KAPI_MODE_AUDIT);
	}
	text = kapi_ring(test);
	KUNIT_EXPECT_STREQ(test, kapi_kunit_line(test, text, "# "),
			   "# capacity=256 records=256 dropped=44");
	r = kapi_records(test, text);
	KUNIT_ASSERT_EQ(test, r->n, KAPI_REPORT_RING_SIZE);
	/* The oldest 44 are gone: the 45th call's record comes first. */
	for (i = 0; i < KAPI_REPORT_RING_SIZE; i++) {
		char *tail = kapi_kunit_printf(test, " actual=%u mode=audit",
					       200 + 44 + i);

		KUNIT_EXPECT_EQ(test, kapi_seq(test, r->line[i]),
				first + 2 + 44 + i);
		KUNIT_EXPECT_TRUE_MSG(test, kapi_ends(r->line[i], tail),
				      "record %u: %s", i, r->line[i]);
	}

	/* clear keeps the drop count; only a reset sets it to 0. */
	kapi_report_ring_clear();
	KUNIT_EXPECT_STREQ(test, kapi_ring(test),
			   "# capacity=256 records=0 dropped=44\n");
	kapi_report_ring_reset_dropped();
	KUNIT_EXPECT_STREQ(test, kapi_ring(test),
			   "# capacity=256 records=0 dropped=0\n");
}

/* --- the filter ------------------------------------------------------------ */

/* Which fields a filter sets, and whether each names this task. */
struct kapi_match_case {
	const char *what;
	u32 set;
	u32 other;		/* fields that name another task */
	bool match;
};

#define F_PID KAPI_FILTER_PID
#define F_TGID KAPI_FILTER_TGID
#define F_UID KAPI_FILTER_UID
#define F_COMM KAPI_FILTER_COMM
#define F_ALL (F_PID | F_TGID | F_UID | F_COMM)
/* A comm that is a prefix of this task's: compared whole, it differs. */
#define F_PREFIX BIT(8)

static const struct kapi_match_case kapi_match_cases[] = {
	{ "no filter", 0, 0, true },
	{ "pid", F_PID, 0, true },
	{ "another pid", F_PID, F_PID, false },
	{ "tgid", F_TGID, 0, true },
	{ "another tgid", F_TGID, F_TGID, false },
	{ "uid", F_UID, 0, true },
	{ "another uid", F_UID, F_UID, false },
	{ "comm", F_COMM, 0, true },
	{ "another comm", F_COMM, F_COMM, false },
	{ "a prefix of the comm", F_COMM, F_PREFIX, false },
	{ "every field", F_ALL, 0, true },
	{ "every field but the comm", F_ALL, F_COMM, false },
	{ "every field but the pid", F_ALL, F_PID, false },
	{ "an unset field naming another task", F_PID, F_UID | F_COMM, true },
};

static void kapi_match_desc(const struct kapi_match_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kapi_match, kapi_match_cases, kapi_match_desc);

/* Does the filter admit the test's own task? */
static void kapi_report_filter_match_test(struct kunit *test)
{
	const struct kapi_match_case *c = test->param_value;
	struct kapi_report_filter f = { .set = c->set };

	f.pid = task_pid_nr(current) + !!(c->other & F_PID);
	f.tgid = task_tgid_nr(current) + !!(c->other & F_TGID);
	f.uid = from_kuid(&init_user_ns, current_uid()) +
		!!(c->other & F_UID);
	get_task_comm(f.comm, current);
	if (c->other & F_COMM)
		strscpy(f.comm, "kapi_nobody", sizeof(f.comm));
	if (c->other & F_PREFIX)
		f.comm[strlen(f.comm) - 1] = '\0';
	kapi_report_filter_set(&f);
	KUNIT_EXPECT_EQ(test, kapi_report_filter_match(), c->match);
}

/* The filter reads back as it was set, its comm always terminated. */
static void kapi_report_filter_get_test(struct kunit *test)
{
	struct kapi_report_filter f = {
		.set = F_TGID | F_COMM, .pid = 5, .tgid = 77, .uid = 1000,
	}, g;

	memset(f.comm, 'x', sizeof(f.comm));
	kapi_report_filter_set(&f);
	memset(&g, 0xa5, sizeof(g));
	kapi_report_filter_get(&g);
	KUNIT_EXPECT_EQ(test, g.set, F_TGID | F_COMM);
	KUNIT_EXPECT_EQ(test, g.pid, 5);
	KUNIT_EXPECT_EQ(test, g.tgid, 77);
	KUNIT_EXPECT_EQ(test, g.uid, 1000);
	KUNIT_EXPECT_STREQ(test, g.comm, "xxxxxxxxxxxxxxx");
	KUNIT_EXPECT_FALSE(test, kapi_report_filter_match());
}

struct kapi_parse_case {
	const char *input;
	int ret;
	const char *shown;	/* the filter file afterwards */
};

static const struct kapi_parse_case kapi_parse_cases[] = {
	{ "clear", 0, "pid=- tgid=- uid=- comm=-\n" },
	{ "pid=42", 0, "pid=42 tgid=- uid=- comm=-\n" },
	{ "comm=bash uid=0 tgid=7 pid=9", 0, "pid=9 tgid=7 uid=0 comm=bash\n" },
	{ "uid=4294967294", 0, "pid=- tgid=- uid=4294967294 comm=-\n" },
	{ "comm=123456789012345", 0, "pid=- tgid=- uid=- comm=123456789012345\n" },
	{ "comm=a=b", 0, "pid=- tgid=- uid=- comm=a=b\n" },
	{ "uid=4294967295", -EINVAL },
	{ "pid=0", -EINVAL },
	{ "tgid=0", -EINVAL },
	{ "pid=+1", -EINVAL },
	{ "pid=-1", -EINVAL },
	{ "pid=1x", -EINVAL },
	{ "pid=", -EINVAL },
	{ "pid=99999999999", -EINVAL },
	{ "pid=1 pid=2", -EINVAL },
	{ "comm=1234567890123456", -EINVAL },
	{ "comm=", -EINVAL },
	{ "comm=caf\xc3\xa9", -EINVAL },
	{ "=1", -EINVAL },
	{ "pid", -EINVAL },
	{ "mode=1", -EINVAL },
	{ "", -EINVAL },
	{ "pid=1  tgid=2", -EINVAL },
	{ " pid=1", -EINVAL },
	{ "pid=1\n", -EINVAL },
	{ "clear ", -EINVAL },
	{ "clear pid=1", -EINVAL },
};

static void kapi_parse_desc(const struct kapi_parse_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", c->input);
	strreplace(desc, '\n', '^');
}

KUNIT_ARRAY_PARAM(kapi_parse, kapi_parse_cases, kapi_parse_desc);

/* What the filter file accepts, and how it then reads. */
static void kapi_report_filter_parse_test(struct kunit *test)
{
	const struct kapi_parse_case *c = test->param_value;
	struct kapi_report_filter f;
	struct seq_file *m;
	char *buf;

	buf = kapi_kunit_printf(test, "%s", c->input);
	KUNIT_ASSERT_EQ(test, kapi_debugfs_runtime_filter_parse(buf, &f),
			c->ret);
	if (c->ret)
		return;
	kapi_report_filter_set(&f);
	m = kapi_kunit_seq(test, 256, NULL);
	KUNIT_EXPECT_EQ(test, kapi_debugfs_runtime_filter_show(m, NULL), 0);
	KUNIT_EXPECT_STREQ(test, kapi_kunit_seq_text(test, m), c->shown);
}

/* pid and tgid go up to this kernel's PID_MAX_LIMIT. */
static void kapi_report_filter_pid_max_test(struct kunit *test)
{
	struct kapi_report_filter f;
	char *ok, *bad;

	ok = kapi_kunit_printf(test, "tgid=%d", (int)PID_MAX_LIMIT);
	bad = kapi_kunit_printf(test, "pid=%d", (int)PID_MAX_LIMIT + 1);
	KUNIT_EXPECT_EQ(test, kapi_debugfs_runtime_filter_parse(ok, &f), 0);
	KUNIT_EXPECT_EQ(test, f.set, F_TGID);
	KUNIT_EXPECT_EQ(test, f.tgid, (int)PID_MAX_LIMIT);
	KUNIT_EXPECT_EQ(test, kapi_debugfs_runtime_filter_parse(bad, &f),
			-EINVAL);
}

struct kapi_comm_case {
	const char *comm;
	bool ok;
};

static const struct kapi_comm_case kapi_comm_cases[] = {
	{ "bash", true },
	{ "a=b", true },
	{ "123456789012345", true },
	{ "~!", true },
	{ "", false },
	{ "1234567890123456", false },
	{ "two words", false },
	{ "tab\there", false },
	{ "del\x7f", false },
	{ "caf\xc3\xa9", false },
};

static void kapi_comm_desc(const struct kapi_comm_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", c->comm);
}

KUNIT_ARRAY_PARAM(kapi_comm, kapi_comm_cases, kapi_comm_desc);

/* The one comm check of both views (filter file, KAPI_CMD_SET_FILTER). */
static void kapi_report_filter_comm_test(struct kunit *test)
{
	const struct kapi_comm_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kapi_report_filter_comm_ok(c->comm), c->ok);
}

static struct kunit_case kapi_report_test_cases[] = {
	KUNIT_CASE(kapi_report_counters_test),
	KUNIT_CASE(kapi_report_results_test),
	KUNIT_CASE(kapi_report_errno_slots_test),
	KUNIT_CASE(kapi_report_errno_objects_test),
	KUNIT_CASE(kapi_report_failed_test),
	KUNIT_CASE_PARAM(kapi_report_record_test, kapi_record_gen_params),
	KUNIT_CASE(kapi_report_ring_test),
	KUNIT_CASE(kapi_report_overflow_test),
	KUNIT_CASE_PARAM(kapi_report_filter_match_test, kapi_match_gen_params),
	KUNIT_CASE(kapi_report_filter_get_test),
	KUNIT_CASE_PARAM(kapi_report_filter_parse_test, kapi_parse_gen_params),
	KUNIT_CASE(kapi_report_filter_pid_max_test),
	KUNIT_CASE_PARAM(kapi_report_filter_comm_test, kapi_comm_gen_params),
	{}
};

static struct kunit_suite kapi_report_suite = {
	.name = "kapi_report",
	.suite_init = kapi_report_suite_init,
	.suite_exit = kapi_report_suite_exit,
	.init = kapi_report_test_init,
	.exit = kapi_report_test_exit,
	.test_cases = kapi_report_test_cases,
};

kunit_test_suite(kapi_report_suite);

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared helpers of kapi's selftests (static C programs run as root in the
 * QEMU guests): KTAP output with a case table, the files of
 * /sys/kernel/debug/kapi/runtime/ (mode, stats, violations, filter, hooks),
 * parsing stats lines into numbers and violation records into fields, and a
 * "subject": a child process that makes the system calls of a scenario
 * while a filter admits only it, so that the counters and records kapi
 * produced can be compared exactly with what the scenario predicts from the
 * specs in module/specs/fs.c. Every selftest program uses these helpers;
 * none of them repeats this code.
 */
#ifndef KAPI_TEST_H
#define KAPI_TEST_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define KAPI_DEBUGFS "/sys/kernel/debug"
#define KAPI_RUNTIME KAPI_DEBUGFS "/kapi/runtime"

/* The comm every subject gets, unless it asks for another. */
#define KAPI_SUBJECT_COMM "kapi_subject"

/* Capacity of the violation ring, as the violations header states it. */
#define KAPI_RING_CAPACITY 256

/* ------------------------------------------------------------------ KTAP */

/**
 * struct kt_case - one test case of a program.
 * @name: KTAP description (no '#').
 * @fn: the case; it reports problems with kt_fail() or kt_check(), or
 *      calls kt_skip(); a case that reports nothing passes.
 */
struct kt_case {
	const char *name;
	void (*fn)(void);
};

/* Mode kapi was loaded with, from --mode; KAPI_MODE_UNKNOWN without it. */
extern int kt_loaded_mode;

#ifndef __printf
#define __printf(a, b) __attribute__((format(printf, a, b)))
#endif

int kt_main(int argc, char **argv, const struct kt_case *cases, size_t n);
__printf(1, 2) void kt_diag(const char *fmt, ...);
__printf(1, 2) void kt_fail(const char *fmt, ...);
__printf(2, 3) bool kt_check(bool cond, const char *fmt, ...);
void kt_skip(const char *reason);
bool kt_failed(void);

/* ----------------------------------------------------------- runtime files */

enum kapi_mode {
	KAPI_MODE_OFF,
	KAPI_MODE_AUDIT,
	KAPI_MODE_ENFORCE,
	KAPI_MODE_UNKNOWN,
};

const char *kapi_mode_name(int mode);
int kapi_mode_parse(const char *name);

ssize_t kapi_read(const char *file, char *buf, size_t size);
int kapi_write(const char *file, const char *text);
int kapi_mode(void);
int kapi_set_mode(int mode);
bool kapi_filter_set(const char *text);

const char *kapi_errno_name(int err);

/* ------------------------------------------------------------------ stats */

#define KAPI_STATS_MAX 1024
#define KAPI_KEY_LEN 96

/*
 * The stats file as flat counters. A counter's key is the line's
 * non-numeric words followed by the counter's name:
 *   "sys_read calls", "sys_read param=fd rule=fd violations",
 *   "sys_read errno=EXFULL object=reg:fuse failed",
 *   "sys_read errno=EXFULL undocumented" (an errno line's sum over all
 *   object kinds).
 */
struct kapi_counter {
	char key[KAPI_KEY_LEN];
	long long value;
};

struct kapi_stats {
	size_t n;
	struct kapi_counter c[KAPI_STATS_MAX];
};

int kapi_stats_parse(const char *text, struct kapi_stats *s);
int kapi_stats_read(struct kapi_stats *s);
long long kapi_stats_get(const struct kapi_stats *s, const char *key);
void kapi_stats_add(struct kapi_stats *s, const char *key, long long delta);
bool kapi_stats_expect_delta(const struct kapi_stats *before,
			     const struct kapi_stats *after,
			     const struct kapi_stats *delta);

/* ------------------------------------------------------------- violations */

struct kapi_record {
	long long seq;
	unsigned long long ts;
	long pid, tgid, uid;
	char comm[32];
	char syscall[32];
	char args[160];
	char rule[64];
	char expected[64];
	char actual[64];
	char object[48];	/* "" unless the record names its object */
	char mode[16];
};

#define KAPI_RING_MAX 1024

struct kapi_ring {
	long capacity, records, dropped;
	size_t n;
	struct kapi_record r[KAPI_RING_MAX];
};

int kapi_record_parse(const char *line, struct kapi_record *rec);
int kapi_ring_read(struct kapi_ring *ring);
long long kapi_ring_last_seq(const struct kapi_ring *ring);

/* --------------------------------------------------------------- subjects */

#define KAPI_MAX_CALLS 24

/* A system call a subject made: its arguments and what it returned. */
struct kapi_call {
	long nr;
	int nargs;
	unsigned long args[6];
	long ret;		/* the value, or -errno */
};

/* What a subject did, in memory shared with the parent. */
struct kapi_outcome {
	int ncalls;
	struct kapi_call call[KAPI_MAX_CALLS];
	long note[8];		/* free for the scenario */
};

long kapi_call(struct kapi_outcome *o, long nr, int nargs, ...);

/* Make a system call from a scenario and record it; arguments as numbers. */
#define kapi_call1(o, nr, a) kapi_call(o, nr, 1, (unsigned long)(a))
#define kapi_call2(o, nr, a, b) \
	kapi_call(o, nr, 2, (unsigned long)(a), (unsigned long)(b))
#define kapi_call3(o, nr, a, b, c) \
	kapi_call(o, nr, 3, (unsigned long)(a), (unsigned long)(b), \
		  (unsigned long)(c))
#define kapi_call4(o, nr, a, b, c, d) \
	kapi_call(o, nr, 4, (unsigned long)(a), (unsigned long)(b), \
		  (unsigned long)(c), (unsigned long)(d))

/**
 * struct kapi_subject - how to run a subject.
 * @filter: filter to install while it runs, where every "%d" stands for
 *          its pid; NULL means "pid=%d".
 * @comm: its comm; NULL means KAPI_SUBJECT_COMM.
 * @uid: switch to this uid before the scenario when @set_uid is true.
 * @set_uid: see @uid.
 */
struct kapi_subject {
	const char *filter;
	const char *comm;
	uid_t uid;
	bool set_uid;
};

/* A finished subject: what it did and what kapi showed around it. */
struct kapi_run {
	pid_t pid;
	int status;
	uid_t uid;
	const char *comm;
	struct kapi_outcome out;
	struct kapi_stats before, after;
	long long mark;		/* last violation sequence before it ran */
	struct kapi_ring *ring;	/* the ring after it ran */
};

typedef void (*kapi_scenario_fn)(struct kapi_outcome *o, void *arg);

bool kapi_run_subject(struct kapi_run *run, const struct kapi_subject *opt,
		      kapi_scenario_fn fn, void *arg);

/* ------------------------------------------------------------ expectations */

/* "kernel" value for a call that returns some new descriptor (>= 0). */
#define KAPI_ANY_FD (-100000L)

/**
 * struct kapi_expect - what one call of a scenario does, from the spec.
 * @spec: the spec that covers the call ("sys_read").
 * @kernel: what the system call returns without kapi: a value, -errno or
 *          KAPI_ANY_FD.
 * @param: the parameter whose constraint the call violates, or NULL.
 * @rule: that constraint's token ("fd", "buffer", "user_path").
 * @predicted: the errno that violation predicts (the param's errno:).
 * @undocumented: the kernel's error is not in the spec's error list.
 * @exp: the violation record's expected text, NULL to derive it from @rule.
 * @act: its actual text, NULL to derive it.
 * @param2: a second parameter whose constraint the call violates (after
 *          @param in parameter order), or NULL; @rule2 and @predicted2 as
 *          @rule and @predicted.
 * @first: the errno of the violated rule the kernel checks first (enforce
 *         mode returns it); 0 means @predicted.
 * @audit: that rule is audit only: enforce mode lets the call run.
 */
struct kapi_expect {
	const char *spec;
	long kernel;
	const char *param;
	const char *rule;
	int predicted;
	bool undocumented;
	const char *exp;
	const char *act;
	const char *param2;
	const char *rule2;
	int predicted2;
	int first;
	bool audit;
};

bool kapi_expect_run(const struct kapi_run *run, const struct kapi_expect *e,
		     size_t n, int mode);
size_t kapi_run_records(const struct kapi_run *run,
			const struct kapi_record **first);

unsigned long kapi_task_size_max(void);
int kapi_fuse_error_fd(int err);
/* What kapi_fuse_error_fd() files give: an errno read()'s spec does not list. */
#define KAPI_UNDOC_ERR EXFULL

/* An address above the user address space with 4- and 5-level paging. */
#define KAPI_KERNEL_ADDR 0xffff888000000000UL
/* -1 as the unsigned int a descriptor parameter is: above INT_MAX. */
#define KAPI_FD_MINUS_1 0xffffffffUL
/*
 * A nonnegative number no descriptor table reaches (fs.nr_open is 1048576
 * unless raised): never open. close() accepts -1 (KAPI_FD_NEGATIVE_OK), so
 * this is the close() that breaks its fd rule.
 */
#define KAPI_FD_NEVER_OPEN 0x40000000UL

/* Spec names, for struct kapi_expect. */
#define KAPI_READ "sys_read"
#define KAPI_WRITE "sys_write"
#define KAPI_OPEN "sys_open"
#define KAPI_OPENAT "sys_openat"
#define KAPI_CLOSE "sys_close"
#define KAPI_DUP "sys_dup"
#define KAPI_DUP2 "sys_dup2"
#define KAPI_DUP3 "sys_dup3"
#define KAPI_CLOSE_RANGE "sys_close_range"
#define KAPI_CREAT "sys_creat"
#define KAPI_LSEEK "sys_lseek"
#define KAPI_PREAD "sys_pread64"
#define KAPI_PWRITE "sys_pwrite64"
#define KAPI_OPENAT2 "sys_openat2"
#define KAPI_READV "sys_readv"
#define KAPI_WRITEV "sys_writev"
#define KAPI_PREADV "sys_preadv"
#define KAPI_PWRITEV "sys_pwritev"
#define KAPI_PREADV2 "sys_preadv2"
#define KAPI_PWRITEV2 "sys_pwritev2"

/* One call: which spec, what the kernel returns, no violation. */
#define KAPI_OK(sp, ret) { .spec = sp, .kernel = (ret) }
/* A call that violates parameter @pa's constraint @ru, which predicts @err. */
#define KAPI_BAD(sp, ret, pa, ru, err) \
	{ .spec = sp, .kernel = (ret), .param = pa, .rule = ru, .predicted = (err) }
/* The same, with the record's expected and actual text given. */
#define KAPI_BADX(sp, ret, pa, ru, err, ex, ac) \
	{ .spec = sp, .kernel = (ret), .param = pa, .rule = ru, .predicted = (err), \
	  .exp = ex, .act = ac }
/* A violation of an audit-only rule: enforce mode lets the kernel answer. */
#define KAPI_AUDIT(sp, ret, pa, ru, err) \
	{ .spec = sp, .kernel = (ret), .param = pa, .rule = ru, .predicted = (err), \
	  .audit = true }
/*
 * Two violations, in parameter order (the first one's texts @ex and @ac, or
 * NULL); enforce mode fails the call with @fi, the error of the rule the
 * kernel checks first.
 */
#define KAPI_BAD2(sp, ret, pa, ru, err, ex, ac, pa2, ru2, err2, fi) \
	{ .spec = sp, .kernel = (ret), .param = pa, .rule = ru, .predicted = (err), \
	  .exp = ex, .act = ac, .param2 = pa2, .rule2 = ru2, .predicted2 = (err2), \
	  .first = (fi) }
/* A call that fails with an error the spec does not list. */
#define KAPI_UNDOC(sp, ret) { .spec = sp, .kernel = (ret), .undocumented = true }

#define KAPI_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* KAPI_TEST_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * Implementation of the selftests' shared helpers declared in kapi_test.h:
 * the KTAP case runner, access to kapi's runtime files, the stats and
 * violations parsers, subjects (child processes that run a scenario while
 * the filter admits only them) and the expectation engine that turns a
 * scenario's per-call facts from the spec into the exact result, counters
 * and records each mode must produce.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <linux/magic.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuse_server.h"
#include "kapi_test.h"

/* Each hooked call's number in kapi_syscalls.h is the C library's. */
#define KAPI_SYSCALL(call, nr) \
	_Static_assert(__NR_##call == (nr), "kapi_syscalls.h: the number of " #call);
#include "kapi_syscalls.h"
#undef KAPI_SYSCALL

/* ------------------------------------------------------------------ KTAP */

int kt_loaded_mode = KAPI_MODE_UNKNOWN;

enum { KT_PASS, KT_FAIL, KT_SKIP };
static int kt_state;
static char kt_skip_reason[160];

/* Print a KTAP diagnostic line ("# ..."). */
static void kt_vdiag(const char *fmt, va_list ap)
{
	fputs("# ", stdout);
	vprintf(fmt, ap);
	fputc('\n', stdout);
	fflush(stdout);
}

/**
 * kt_diag() - print a KTAP diagnostic line ("# ...").
 * @fmt: printf format.
 */
void kt_diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kt_vdiag(fmt, ap);
	va_end(ap);
}

/**
 * kt_fail() - fail the running case, saying why.
 * @fmt: printf format.
 */
void kt_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kt_vdiag(fmt, ap);
	va_end(ap);
	kt_state = KT_FAIL;
}

/**
 * kt_check() - fail the running case with a message unless @cond holds.
 * @cond: the assertion.
 * @fmt: printf format of the message.
 *
 * Return: @cond.
 */
bool kt_check(bool cond, const char *fmt, ...)
{
	va_list ap;

	if (cond)
		return true;
	va_start(ap, fmt);
	kt_vdiag(fmt, ap);
	va_end(ap);
	kt_state = KT_FAIL;
	return false;
}

/**
 * kt_skip() - report the running case as skipped (unless it failed).
 * @reason: why it cannot run here.
 */
void kt_skip(const char *reason)
{
	if (kt_state == KT_FAIL)
		return;
	kt_state = KT_SKIP;
	snprintf(kt_skip_reason, sizeof(kt_skip_reason), "%s", reason);
}

/**
 * kt_failed() - whether the running case has failed so far.
 *
 * Return: true after a failed check.
 */
bool kt_failed(void)
{
	return kt_state == KT_FAIL;
}

/* Why no case can run here, or NULL when they can. */
static const char *kt_unavailable(void)
{
	struct statfs sfs;

	if (geteuid() != 0)
		return "not root";
	if (statfs(KAPI_DEBUGFS, &sfs) != 0 || sfs.f_type != DEBUGFS_MAGIC)
		return "debugfs is not mounted on " KAPI_DEBUGFS;
	if (access(KAPI_RUNTIME "/mode", F_OK) != 0)
		return "kapi is not loaded (no " KAPI_RUNTIME ")";
	return NULL;
}

static void kt_usage(const char *prog)
{
	fprintf(stderr,
		"usage: %s [--mode off|audit|enforce] [--case TEXT]\n"
		"  --mode M    the mode= kapi.ko was loaded with (checked)\n"
		"  --case TEXT run only the cases whose name contains TEXT\n",
		prog);
}

/**
 * kt_main() - run a program's cases and print KTAP.
 * @argc: from main().
 * @argv: from main().
 * @cases: the case table.
 * @n: its size.
 *
 * Every case is reported: skipped (with the reason) when the program is
 * not root, debugfs is missing or kapi is not loaded, or when --case
 * leaves it out.
 *
 * Return: the exit status, 0 unless a case failed.
 */
int kt_main(int argc, char **argv, const struct kt_case *cases, size_t n)
{
	static const struct option opts[] = {
		{ "mode", required_argument, NULL, 'm' },
		{ "case", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *only = NULL, *why;
	size_t i, failed = 0;
	int c;

	while ((c = getopt_long(argc, argv, "m:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			kt_loaded_mode = kapi_mode_parse(optarg);
			if (kt_loaded_mode == KAPI_MODE_UNKNOWN) {
				kt_usage(argv[0]);
				return 2;
			}
			break;
		case 'c':
			only = optarg;
			break;
		case 'h':
			kt_usage(argv[0]);
			return 0;
		default:
			kt_usage(argv[0]);
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	why = kt_unavailable();
	printf("KTAP version 1\n1..%zu\n", n);
	for (i = 0; i < n; i++) {
		const char *name = cases[i].name;

		if (why) {
			printf("ok %zu %s # SKIP %s\n", i + 1, name, why);
			continue;
		}
		if (only && !strstr(name, only)) {
			printf("ok %zu %s # SKIP not selected\n", i + 1, name);
			continue;
		}
		kt_state = KT_PASS;
		cases[i].fn();
		if (kt_state == KT_SKIP) {
			printf("ok %zu %s # SKIP %s\n", i + 1, name, kt_skip_reason);
		} else if (kt_state == KT_FAIL) {
			printf("not ok %zu %s\n", i + 1, name);
			failed++;
		} else {
			printf("ok %zu %s\n", i + 1, name);
		}
	}
	if (failed)
		kt_diag("%zu of %zu cases failed", failed, n);
	return failed ? 1 : 0;
}

/* ----------------------------------------------------------- runtime files */

static const char *const kapi_mode_names[] = {
	[KAPI_MODE_OFF] = "off",
	[KAPI_MODE_AUDIT] = "audit",
	[KAPI_MODE_ENFORCE] = "enforce",
};

/**
 * kapi_mode_name() - the word for a mode.
 * @mode: enum kapi_mode.
 *
 * Return: "off", "audit", "enforce" or "unknown".
 */
const char *kapi_mode_name(int mode)
{
	if (mode < 0 || mode >= KAPI_MODE_UNKNOWN)
		return "unknown";
	return kapi_mode_names[mode];
}

/**
 * kapi_mode_parse() - the mode a word names.
 * @name: "off", "audit" or "enforce", optionally followed by a newline.
 *
 * Return: enum kapi_mode, KAPI_MODE_UNKNOWN for anything else.
 */
int kapi_mode_parse(const char *name)
{
	size_t len = strcspn(name, "\n");
	int m;

	for (m = 0; m < KAPI_MODE_UNKNOWN; m++)
		if (strlen(kapi_mode_names[m]) == len &&
		    !strncmp(name, kapi_mode_names[m], len))
			return m;
	return KAPI_MODE_UNKNOWN;
}

/**
 * kapi_read() - read a runtime file whole.
 * @file: its name under KAPI_RUNTIME ("stats").
 * @buf: receives the text, NUL-terminated.
 * @size: size of @buf.
 *
 * Return: the length, or -errno (-EFBIG if it does not fit).
 */
ssize_t kapi_read(const char *file, char *buf, size_t size)
{
	char path[256];
	size_t len = 0;
	ssize_t r;
	int fd;

	snprintf(path, sizeof(path), KAPI_RUNTIME "/%s", file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	for (;;) {
		if (len + 1 >= size) {
			close(fd);
			return -EFBIG;
		}
		r = read(fd, buf + len, size - 1 - len);
		if (r < 0) {
			r = -errno;
			close(fd);
			return r;
		}
		if (r == 0)
			break;
		len += r;
	}
	close(fd);
	buf[len] = '\0';
	return len;
}

/**
 * kapi_write() - write a runtime file with one write().
 * @file: its name under KAPI_RUNTIME.
 * @text: what to write (all of it, in one call).
 *
 * Return: 0, or -errno of the open or the write.
 */
int kapi_write(const char *file, const char *text)
{
	char path[256];
	size_t len = strlen(text);
	ssize_t r;
	int fd, err = 0;

	snprintf(path, sizeof(path), KAPI_RUNTIME "/%s", file);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	r = write(fd, text, len);
	if (r < 0)
		err = -errno;
	else if ((size_t)r != len)
		err = -EIO;
	close(fd);
	return err;
}

/**
 * kapi_mode() - the current mode, from the mode file.
 *
 * Return: enum kapi_mode; KAPI_MODE_UNKNOWN if it cannot be read.
 */
int kapi_mode(void)
{
	char buf[32];

	if (kapi_read("mode", buf, sizeof(buf)) < 0)
		return KAPI_MODE_UNKNOWN;
	return kapi_mode_parse(buf);
}

/**
 * kapi_set_mode() - switch modes through the mode file.
 * @mode: enum kapi_mode.
 *
 * Return: 0 or -errno.
 */
int kapi_set_mode(int mode)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%s\n", kapi_mode_name(mode));
	return kapi_write("mode", buf);
}

/**
 * kapi_filter_set() - replace the filter; fails the case if it cannot.
 * @text: what to write ("clear", "pid=12 comm=cat").
 *
 * Return: true on success.
 */
bool kapi_filter_set(const char *text)
{
	int err = kapi_write("filter", text);

	return kt_check(!err, "writing '%s' to filter: %s", text, strerror(-err));
}

/**
 * kapi_errno_name() - the symbolic name of an errno value.
 * @err: a positive errno.
 *
 * Return: "EBADF" and the like; "E<number>" for unknown values.
 */
const char *kapi_errno_name(int err)
{
	static char unknown[4][16];
	static int next;
	const char *name = strerrorname_np(err);

	if (name)
		return name;
	next = (next + 1) % 4;
	snprintf(unknown[next], sizeof(unknown[next]), "E%d", err);
	return unknown[next];
}

/* ------------------------------------------------------------------ stats */

static const char *const kapi_counter_names[] = {
	"calls", "violations", "return_violations", "undocumented",
	"divergences", "enforced", "failed",
};

static bool kapi_is_counter(const char *word, size_t len)
{
	size_t i;

	for (i = 0; i < KAPI_ARRAY_SIZE(kapi_counter_names); i++)
		if (strlen(kapi_counter_names[i]) == len &&
		    !strncmp(word, kapi_counter_names[i], len))
			return true;
	return false;
}

static struct kapi_counter *kapi_stats_slot(struct kapi_stats *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->c[i].key, key))
			return &s->c[i];
	if (s->n == KAPI_STATS_MAX)
		return NULL;
	snprintf(s->c[s->n].key, KAPI_KEY_LEN, "%s", key);
	s->c[s->n].value = 0;
	return &s->c[s->n++];
}

/* One stats line into @s. */
static int kapi_stats_line(char *line, struct kapi_stats *s)
{
	char prefix[KAPI_KEY_LEN] = "", key[2 * KAPI_KEY_LEN];
	char *save = NULL, *word;
	struct {
		char *name;
		long long value;
	} counters[8];
	int nc = 0, i;

	for (word = strtok_r(line, " \t", &save); word;
	     word = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(word, '='), *end;

		if (!prefix[0]) {
			/* The spec's name comes first. */
			if (eq)
				return -EINVAL;
			snprintf(prefix, sizeof(prefix), "%s", word);
			continue;
		}
		if (!eq || eq == word)
			return -EINVAL;
		if (kapi_is_counter(word, eq - word)) {
			if (nc == 8)
				return -EINVAL;
			errno = 0;
			counters[nc].value = strtoll(eq + 1, &end, 10);
			if (errno || end == eq + 1 || *end)
				return -EINVAL;
			*eq = '\0';
			counters[nc++].name = word;
		} else {
			size_t len = strlen(prefix);

			snprintf(prefix + len, sizeof(prefix) - len, " %s", word);
		}
	}
	if (!prefix[0])
		return 0;	/* an empty line */
	if (!nc)
		return -EINVAL;
	for (i = 0; i < nc; i++) {
		struct kapi_counter *c;
		char *obj;

		snprintf(key, sizeof(key), "%s %s", prefix, counters[i].name);
		c = kapi_stats_slot(s, key);
		if (!c)
			return -ENOSPC;
		c->value = counters[i].value;
		/*
		 * An errno line counts one error code on one kind of object;
		 * its "errno=E failed" and "errno=E undocumented" sums over
		 * all kinds are kept too.
		 */
		obj = strstr(key, " object=");
		if (obj && strstr(key, " errno=")) {
			char *end = strchr(obj + 1, ' ');

			if (!end)
				return -EINVAL;
			memmove(obj, end, strlen(end) + 1);
			kapi_stats_add(s, key, counters[i].value);
		}
	}
	return 0;
}

/**
 * kapi_stats_parse() - parse the text of the stats file.
 * @text: the file's content.
 * @s: receives the counters.
 *
 * Return: 0, or -EINVAL for a line that is not in the documented format.
 */
int kapi_stats_parse(const char *text, struct kapi_stats *s)
{
	char *copy = strdup(text), *line, *save = NULL;
	int err = 0;

	s->n = 0;
	if (!copy)
		return -ENOMEM;
	for (line = strtok_r(copy, "\n", &save); line && !err;
	     line = strtok_r(NULL, "\n", &save)) {
		char saved[512];

		snprintf(saved, sizeof(saved), "%s", line);
		err = kapi_stats_line(line, s);
		if (err)
			kt_diag("stats: cannot parse '%s'", saved);
	}
	free(copy);
	return err;
}

/**
 * kapi_stats_read() - read and parse the stats file.
 * @s: receives the counters.
 *
 * Return: 0 or -errno; a failure is also reported on the running case.
 */
int kapi_stats_read(struct kapi_stats *s)
{
	static char buf[65536];
	ssize_t len = kapi_read("stats", buf, sizeof(buf));
	int err;

	if (len < 0) {
		kt_fail("reading stats: %s", strerror(-len));
		return len;
	}
	err = kapi_stats_parse(buf, s);
	if (err)
		kt_fail("stats is not in the documented format");
	return err;
}

/**
 * kapi_stats_get() - one counter.
 * @s: parsed stats.
 * @key: its key ("sys_read calls").
 *
 * Return: the value, or -1 if the stats have no such counter.
 */
long long kapi_stats_get(const struct kapi_stats *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->c[i].key, key))
			return s->c[i].value;
	return -1;
}

/**
 * kapi_stats_add() - add @delta to a counter, creating it at 0.
 * @s: counters (typically expected deltas).
 * @key: the counter's key.
 * @delta: what to add.
 */
void kapi_stats_add(struct kapi_stats *s, const char *key, long long delta)
{
	struct kapi_counter *c = kapi_stats_slot(s, key);

	if (c)
		c->value += delta;
}

static long long kapi_value(const struct kapi_stats *s, const char *key)
{
	long long v = kapi_stats_get(s, key);

	return v < 0 ? 0 : v;
}

static bool kapi_delta_one(const struct kapi_stats *before,
			   const struct kapi_stats *after,
			   const struct kapi_stats *delta, const char *key)
{
	long long got = kapi_value(after, key) - kapi_value(before, key);
	long long want = kapi_value(delta, key);

	if (want && kapi_stats_get(after, key) < 0)
		return kt_check(false, "stats has no counter '%s' (expected +%lld)",
				key, want);
	return kt_check(got == want, "stats '%s' changed by %lld, expected %lld",
			key, got, want);
}

/**
 * kapi_stats_expect_delta() - check that every counter moved as predicted.
 * @before: counters before.
 * @after: counters after.
 * @delta: expected changes; every counter not listed must not change.
 *
 * Failures are reported on the running case, one line per counter.
 *
 * Return: true if all counters agree.
 */
bool kapi_stats_expect_delta(const struct kapi_stats *before,
			     const struct kapi_stats *after,
			     const struct kapi_stats *delta)
{
	bool ok = true;
	size_t i;

	for (i = 0; i < after->n; i++) {
		/* Per object kind only where the case expects it. */
		if (strstr(after->c[i].key, " object=") &&
		    kapi_stats_get(delta, after->c[i].key) < 0)
			continue;
		ok &= kapi_delta_one(before, after, delta, after->c[i].key);
	}
	for (i = 0; i < before->n; i++)
		if (kapi_stats_get(after, before->c[i].key) < 0)
			ok &= kt_check(false, "stats lost the counter '%s'",
				       before->c[i].key);
	for (i = 0; i < delta->n; i++)
		if (kapi_stats_get(after, delta->c[i].key) < 0)
			ok &= kapi_delta_one(before, after, delta, delta->c[i].key);
	return ok;
}

/* ------------------------------------------------------------- violations */

static int kapi_field(struct kapi_record *rec, const char *key, const char *val,
		      char **last, size_t *last_size)
{
	struct {
		const char *key;
		char *dst;
		size_t size;
	} strs[] = {
		{ "comm", rec->comm, sizeof(rec->comm) },
		{ "syscall", rec->syscall, sizeof(rec->syscall) },
		{ "args", rec->args, sizeof(rec->args) },
		{ "rule", rec->rule, sizeof(rec->rule) },
		{ "expected", rec->expected, sizeof(rec->expected) },
		{ "actual", rec->actual, sizeof(rec->actual) },
		{ "mode", rec->mode, sizeof(rec->mode) },
		/* Optional: only records of a failed call have it. */
		{ "object", rec->object, sizeof(rec->object) },
	};
	char *end;
	size_t i;

	for (i = 0; i < KAPI_ARRAY_SIZE(strs); i++) {
		if (strcmp(key, strs[i].key))
			continue;
		snprintf(strs[i].dst, strs[i].size, "%s", val);
		*last = strs[i].dst;
		*last_size = strs[i].size;
		return 1 << (i + 5);
	}
	*last = NULL;
	errno = 0;
	if (!strcmp(key, "seq")) {
		rec->seq = strtoll(val, &end, 10);
		i = 0;
	} else if (!strcmp(key, "ts")) {
		rec->ts = strtoull(val, &end, 10);
		i = 1;
	} else if (!strcmp(key, "pid")) {
		rec->pid = strtol(val, &end, 10);
		i = 2;
	} else if (!strcmp(key, "tgid")) {
		rec->tgid = strtol(val, &end, 10);
		i = 3;
	} else if (!strcmp(key, "uid")) {
		rec->uid = strtol(val, &end, 10);
		i = 4;
	} else {
		return -EINVAL;
	}
	if (errno || end == val || *end)
		return -EINVAL;
	return 1 << i;
}

/**
 * kapi_record_parse() - parse one line of the violations file.
 * @line: the line, without its newline.
 * @rec: receives the fields.
 *
 * Return: 0, or -EINVAL if a field is missing, unknown or malformed.
 */
int kapi_record_parse(const char *line, struct kapi_record *rec)
{
	char copy[1024], *save = NULL, *word, *last = NULL;
	size_t last_size = 0;
	int seen = 0, bit;

	memset(rec, 0, sizeof(*rec));
	snprintf(copy, sizeof(copy), "%s", line);
	for (word = strtok_r(copy, " ", &save); word;
	     word = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(word, '=');

		if (!eq) {
			/* A comm with a space in it. */
			size_t len;

			if (!last)
				return -EINVAL;
			len = strlen(last);
			snprintf(last + len, last_size - len, " %s", word);
			continue;
		}
		*eq = '\0';
		bit = kapi_field(rec, word, eq + 1, &last, &last_size);
		if (bit < 0 || (seen & bit))
			return -EINVAL;
		seen |= bit;
	}
	/* Every field but the optional object (bit 12). */
	return (seen & ((1 << 12) - 1)) == (1 << 12) - 1 ? 0 : -EINVAL;
}

/**
 * kapi_ring_read() - read and parse the violations file.
 * @ring: receives the header and the records, oldest first.
 *
 * Return: 0 or -errno; failures are also reported on the running case.
 */
int kapi_ring_read(struct kapi_ring *ring)
{
	static char buf[KAPI_RING_MAX * 512];
	char *line, *save = NULL;
	ssize_t len = kapi_read("violations", buf, sizeof(buf));
	bool header = true;

	ring->n = 0;
	if (len < 0) {
		kt_fail("reading violations: %s", strerror(-len));
		return len;
	}
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (header) {
			if (sscanf(line, "# capacity=%ld records=%ld dropped=%ld",
				   &ring->capacity, &ring->records,
				   &ring->dropped) != 3) {
				kt_fail("violations header '%s' is not in the documented format",
					line);
				return -EINVAL;
			}
			header = false;
			continue;
		}
		if (ring->n == KAPI_RING_MAX) {
			kt_fail("violations has more than %d records", KAPI_RING_MAX);
			return -EFBIG;
		}
		if (kapi_record_parse(line, &ring->r[ring->n])) {
			kt_fail("violation record '%s' is not in the documented format",
				line);
			return -EINVAL;
		}
		ring->n++;
	}
	if (header) {
		kt_fail("violations has no header line");
		return -EINVAL;
	}
	kt_check(ring->records == (long)ring->n,
		 "violations header says records=%ld, the file has %zu",
		 ring->records, ring->n);
	return 0;
}

/**
 * kapi_ring_last_seq() - the sequence number of the newest record.
 * @ring: a parsed ring.
 *
 * Return: that number, or -1 if the ring is empty.
 */
long long kapi_ring_last_seq(const struct kapi_ring *ring)
{
	return ring->n ? ring->r[ring->n - 1].seq : -1;
}

/* --------------------------------------------------------------- subjects */

/**
 * kapi_call() - make and record a system call of a scenario.
 * @o: the outcome it is recorded in.
 * @nr: the system call's number.
 * @nargs: how many arguments follow (those of the spec), each an
 *         unsigned long (use the kapi_callN() macros).
 *
 * Return: its result, or -errno.
 */
long kapi_call(struct kapi_outcome *o, long nr, int nargs, ...)
{
	unsigned long a[6] = { 0 };
	va_list ap;
	long ret;
	int i;

	va_start(ap, nargs);
	for (i = 0; i < nargs && i < 6; i++)
		a[i] = va_arg(ap, unsigned long);
	va_end(ap);
	errno = 0;
	ret = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (ret == -1 && errno)
		ret = -errno;
	if (o->ncalls < KAPI_MAX_CALLS) {
		struct kapi_call *c = &o->call[o->ncalls];

		c->nr = nr;
		c->nargs = nargs;
		memcpy(c->args, a, sizeof(a));
		c->ret = ret;
	}
	o->ncalls++;
	return ret;
}

static struct kapi_ring kapi_ring_buf;

/* @fmt with every "%d" replaced by @pid. */
static void kapi_format_filter(char *dst, size_t size, const char *fmt, pid_t pid)
{
	size_t len = 0;

	while (*fmt && len + 1 < size) {
		if (fmt[0] == '%' && fmt[1] == 'd') {
			len += snprintf(dst + len, size - len, "%d", (int)pid);
			fmt += 2;
		} else {
			dst[len++] = *fmt++;
		}
	}
	dst[len < size ? len : size - 1] = '\0';
}

/**
 * kapi_run_subject() - run a scenario in a child process that kapi watches.
 * @run: receives what happened.
 * @opt: how to run it (NULL for the defaults).
 * @fn: the scenario; it runs in the child and records its calls in the
 *      outcome with kapi_call().
 * @arg: passed to @fn.
 *
 * The child names itself, drops privileges if asked, and stops itself; the
 * parent installs the filter (by default: only the child's pid), reads the
 * counters and the newest violation sequence number, lets the child run
 * the scenario and exit, and reads the counters and the ring again. The
 * parent's own reads of kapi's files are filtered out, so the differences
 * are exactly the scenario's calls.
 *
 * Return: true if the subject ran and exited with status 0.
 */
bool kapi_run_subject(struct kapi_run *run, const struct kapi_subject *opt,
		      kapi_scenario_fn fn, void *arg)
{
	static struct kapi_outcome *shared;
	static const struct kapi_subject defaults = { 0 };
	char filter[256];
	int st;
	pid_t pid;

	if (!opt)
		opt = &defaults;
	if (!shared) {
		shared = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
			      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (shared == MAP_FAILED) {
			shared = NULL;
			kt_fail("mmap: %s", strerror(errno));
			return false;
		}
	}
	memset(shared, 0, sizeof(*shared));
	memset(&run->out, 0, sizeof(run->out));
	run->comm = opt->comm ? opt->comm : KAPI_SUBJECT_COMM;
	run->uid = opt->set_uid ? opt->uid : getuid();
	run->ring = &kapi_ring_buf;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		kt_fail("fork: %s", strerror(errno));
		return false;
	}
	if (pid == 0) {
		prctl(PR_SET_NAME, run->comm, 0, 0, 0);
		signal(SIGPIPE, SIG_IGN);
		if (opt->set_uid && (setresgid(opt->uid, opt->uid, opt->uid) ||
				     setresuid(opt->uid, opt->uid, opt->uid)))
			_exit(100);
		raise(SIGSTOP);
		fn(shared, arg);
		_exit(0);
	}
	run->pid = pid;
	if (waitpid(pid, &st, WUNTRACED) != pid || !WIFSTOPPED(st)) {
		kt_fail("subject %d did not stop itself (status %#x)", pid, st);
		if (!WIFEXITED(st) && !WIFSIGNALED(st)) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
		}
		return false;
	}
	kapi_format_filter(filter, sizeof(filter),
			   opt->filter ? opt->filter : "pid=%d", pid);
	if (!kapi_filter_set(filter) || kapi_stats_read(&run->before) ||
	    kapi_ring_read(run->ring)) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		return false;
	}
	run->mark = kapi_ring_last_seq(run->ring);
	kill(pid, SIGCONT);
	if (waitpid(pid, &st, 0) != pid) {
		kt_fail("waitpid %d: %s", pid, strerror(errno));
		return false;
	}
	run->status = st;
	memcpy(&run->out, shared, sizeof(run->out));
	if (kapi_stats_read(&run->after) || kapi_ring_read(run->ring))
		return false;
	return kt_check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
			"subject %d ended with status %#x", pid, st);
}

/**
 * kapi_run_records() - the records a subject's run added to the ring.
 * @run: a finished run.
 * @first: receives the oldest of them.
 *
 * Return: how many there are.
 */
size_t kapi_run_records(const struct kapi_run *run,
			const struct kapi_record **first)
{
	const struct kapi_ring *ring = run->ring;
	size_t i = 0;

	while (i < ring->n && ring->r[i].seq <= run->mark)
		i++;
	*first = &ring->r[i];
	return ring->n - i;
}

/* ------------------------------------------------------------ expectations */

/* A record the expectation engine predicts. */
struct kapi_want_record {
	const struct kapi_call *call;
	const struct kapi_expect *e;
	char rule[64];
	char expected[64];
	char actual[64];
};

/*
 * The width in bits of each parameter's declared C type, from the
 * declarations in module/specs/fs.c: records show every argument cut to
 * it (an int of -100 is 0xffffff9c).
 */
static const struct {
	const char *spec;
	unsigned char bits[4];
} kapi_param_bits[] = {
	{ KAPI_READ, { 32, 64, 64 } },		/* unsigned int, char *, size_t */
	{ KAPI_WRITE, { 32, 64, 64 } },		/* unsigned int, const char *, size_t */
	{ KAPI_OPEN, { 64, 32, 16 } },		/* const char *, int, umode_t */
	{ KAPI_CLOSE, { 32 } },			/* unsigned int */
	{ KAPI_OPENAT, { 32, 64, 32, 16 } },	/* int, const char *, int, umode_t */
	/* module/specs/fd.c: unsigned int, unsigned int, int or unsigned int */
	{ KAPI_DUP, { 32 } },
	{ KAPI_DUP2, { 32, 32 } },
	{ KAPI_DUP3, { 32, 32, 32 } },
	{ KAPI_CLOSE_RANGE, { 32, 32, 32 } },
	{ KAPI_CREAT, { 64, 16 } },		/* const char *, umode_t */
	{ KAPI_LSEEK, { 32, 64, 32 } },		/* unsigned int, off_t, unsigned int */
	{ KAPI_PREAD, { 32, 64, 64, 64 } },	/* unsigned int, char *, size_t, loff_t */
	{ KAPI_PWRITE, { 32, 64, 64, 64 } },	/* unsigned int, const char *, size_t, loff_t */
	{ KAPI_OPENAT2, { 32, 64, 64, 64 } },	/* int, const char *, struct open_how *, size_t */
};

static unsigned long kapi_arg_bits(const char *spec, int i, unsigned long v)
{
	size_t k;

	for (k = 0; k < KAPI_ARRAY_SIZE(kapi_param_bits); k++) {
		unsigned int bits;

		if (strcmp(kapi_param_bits[k].spec, spec) || i >= 4)
			continue;
		bits = kapi_param_bits[k].bits[i];
		return bits && bits < 64 ? v & ((1UL << bits) - 1) : v;
	}
	return v;
}

static void kapi_result_token(char *dst, size_t size, long ret)
{
	if (ret < 0)
		snprintf(dst, size, "%s", kapi_errno_name(-ret));
	else
		snprintf(dst, size, "%ld", ret);
}

static void kapi_args_token(char *dst, size_t size, const char *spec,
			    const struct kapi_call *c)
{
	size_t len = 0;
	int i;

	dst[0] = '\0';
	for (i = 0; i < c->nargs && len < size; i++)
		len += snprintf(dst + len, size - len, "%s0x%lx", i ? "," : "",
				kapi_arg_bits(spec, i, c->args[i]));
}

static bool kapi_ret_matches(long got, long want)
{
	if (want == KAPI_ANY_FD)
		return got >= 0;
	return got == want;
}

static void kapi_want_desc(char *dst, size_t size, long want)
{
	if (want == KAPI_ANY_FD)
		snprintf(dst, size, "a descriptor");
	else
		kapi_result_token(dst, size, want);
}

static bool kapi_check_record(const struct kapi_run *run,
			      const struct kapi_record *r,
			      const struct kapi_want_record *w, int mode)
{
	char args[160];
	bool ok = true;

	kapi_args_token(args, sizeof(args), w->e->spec, w->call);
	ok &= kt_check(!strcmp(r->syscall, w->e->spec),
		       "record %lld: syscall=%s, expected %s", r->seq,
		       r->syscall, w->e->spec);
	ok &= kt_check(!strcmp(r->rule, w->rule),
		       "record %lld: rule=%s, expected %s", r->seq, r->rule,
		       w->rule);
	ok &= kt_check(!strcmp(r->expected, w->expected),
		       "record %lld (%s): expected=%s, expected %s", r->seq,
		       w->rule, r->expected, w->expected);
	ok &= kt_check(!strcmp(r->actual, w->actual),
		       "record %lld (%s): actual=%s, expected %s", r->seq,
		       w->rule, r->actual, w->actual);
	ok &= kt_check(!strcmp(r->args, args),
		       "record %lld: args=%s, expected %s", r->seq, r->args,
		       args);
	ok &= kt_check(!strcmp(r->mode, kapi_mode_name(mode)),
		       "record %lld: mode=%s, expected %s", r->seq, r->mode,
		       kapi_mode_name(mode));
	ok &= kt_check(r->pid == run->pid && r->tgid == run->pid,
		       "record %lld: pid=%ld tgid=%ld, expected %d", r->seq,
		       r->pid, r->tgid, run->pid);
	ok &= kt_check(r->uid == (long)run->uid, "record %lld: uid=%ld, expected %u",
		       r->seq, r->uid, run->uid);
	ok &= kt_check(!strcmp(r->comm, run->comm),
		       "record %lld: comm=%s, expected %s", r->seq, r->comm,
		       run->comm);
	return ok;
}

/*
 * What a parameter violation record says, from the constraint in
 * module/specs/fs.c that the call breaks: a range gives its bounds and the
 * value in the parameter's type; a buffer the address and the size taken
 * from count; a path that cannot be read its address, one without a NUL
 * within PATH_MAX bytes the length limit (and predicts ENAMETOOLONG).
 */
static void kapi_param_tokens(struct kapi_want_record *w, const struct kapi_call *c,
			      const struct kapi_expect *e, const char *rule, int predicted,
			      const char *ex, const char *ac)
{
	int i = !strcmp(e->spec, KAPI_OPENAT) ? 1 : 0;

	w->expected[0] = '\0';
	w->actual[0] = '\0';
	if (ex || ac) {
		snprintf(w->expected, sizeof(w->expected), "%s", ex ? ex : "");
		snprintf(w->actual, sizeof(w->actual), "%s", ac ? ac : "");
	} else if (!strcmp(rule, "fd")) {
		/* A descriptor that is not open: the value in its type. */
		snprintf(w->expected, sizeof(w->expected), "fd_open");
		snprintf(w->actual, sizeof(w->actual), "%lu",
			 kapi_arg_bits(e->spec, 0, c->args[0]));
	} else if (!strcmp(rule, "open_flags")) {
		snprintf(w->expected, sizeof(w->expected), "open_flags");
		snprintf(w->actual, sizeof(w->actual), "0x%lx",
			 kapi_arg_bits(e->spec, i + 1, c->args[i + 1]));
	} else if (!strcmp(rule, "buffer")) {
		/* buf: buffer(count), count is parameter 2. */
		snprintf(w->expected, sizeof(w->expected), "user_range");
		snprintf(w->actual, sizeof(w->actual), "0x%lx+%lu", c->args[1],
			 c->args[2]);
	} else if (!strcmp(rule, "user_path") && predicted == ENAMETOOLONG) {
		snprintf(w->expected, sizeof(w->expected), "length<%d", PATH_MAX);
		snprintf(w->actual, sizeof(w->actual), "length>=%d", PATH_MAX);
	} else if (!strcmp(rule, "user_path")) {
		snprintf(w->expected, sizeof(w->expected), "readable");
		snprintf(w->actual, sizeof(w->actual), "0x%lx", c->args[i]);
	} else if (!strcmp(rule, "range") && c->nargs == 4) {
		/* pread64, pwrite64 (module/specs/rw.c): pos, a loff_t, from 0 */
		snprintf(w->expected, sizeof(w->expected), "range[0,%lld]", LLONG_MAX);
		snprintf(w->actual, sizeof(w->actual), "%ld", (long)c->args[3]);
	} else if (!strcmp(rule, "enum") && !strcmp(e->spec, KAPI_LSEEK)) {
		/* whence: SEEK_SET to SEEK_HOLE, an unsigned int */
		snprintf(w->expected, sizeof(w->expected), "enum[0,1,2,3,4]");
		snprintf(w->actual, sizeof(w->actual), "%lu",
			 kapi_arg_bits(e->spec, 2, c->args[2]));
	}
}

/**
 * kapi_expect_run() - check a subject's run against its scenario's facts.
 * @run: the finished run.
 * @e: one entry per call the scenario makes, in order.
 * @n: number of entries.
 * @mode: the mode kapi was in for the subject (KAPI_MODE_OFF also for a
 *        subject that the filter left out).
 *
 * From the facts and the mode it derives, and checks exactly: what each
 * call returned to the caller (the kernel's result, except in enforce mode
 * for a call that violates a parameter constraint that is not audit only,
 * which gets the error of the violated rule the kernel checks first); how every counter in stats changed (no others may);
 * and the records added to the violation ring, field by field. Failures are
 * reported on the running case.
 *
 * Return: true if everything agrees.
 */
bool kapi_expect_run(const struct kapi_run *run, const struct kapi_expect *e,
		     size_t n, int mode)
{
	static struct kapi_stats delta;
	struct kapi_want_record want[4 * KAPI_MAX_CALLS];
	const struct kapi_record *rec;
	char key[2 * KAPI_KEY_LEN], got[32], exp[32];
	size_t i, nwant = 0, nrec;
	bool ok = true;

	if (!kt_check(run->out.ncalls == (int)n,
		      "the subject made %d calls, the scenario has %zu",
		      run->out.ncalls, n))
		return false;
	delta.n = 0;
	for (i = 0; i < n; i++) {
		const struct kapi_call *c = &run->out.call[i];
		bool violates = e[i].param;
		bool enforced = violates && !e[i].audit && mode == KAPI_MODE_ENFORCE;
		int first = e[i].first ? e[i].first : e[i].predicted;
		long seen = enforced ? -first : e[i].kernel;
		bool ran = !enforced;
		struct kapi_want_record *w;

		kapi_result_token(got, sizeof(got), c->ret);
		kapi_want_desc(exp, sizeof(exp), seen);
		ok &= kt_check(kapi_ret_matches(c->ret, seen),
			       "call %zu (%s): the caller got %s, expected %s (%s mode)",
			       i + 1, e[i].spec, got, exp, kapi_mode_name(mode));
		if (mode == KAPI_MODE_OFF)
			continue;

		snprintf(key, sizeof(key), "%s calls", e[i].spec);
		kapi_stats_add(&delta, key, 1);
		if (enforced) {
			snprintf(key, sizeof(key), "%s enforced", e[i].spec);
			kapi_stats_add(&delta, key, 1);
		}
		if (violates) {
			snprintf(key, sizeof(key), "%s violations", e[i].spec);
			kapi_stats_add(&delta, key, e[i].param2 ? 2 : 1);
			snprintf(key, sizeof(key), "%s param=%s rule=%s violations",
				 e[i].spec, e[i].param, e[i].rule);
			kapi_stats_add(&delta, key, 1);
			w = &want[nwant++];
			w->call = c;
			w->e = &e[i];
			snprintf(w->rule, sizeof(w->rule), "param:%s:%s",
				 e[i].param, e[i].rule);
			kapi_param_tokens(w, c, &e[i], e[i].rule, e[i].predicted,
					  e[i].exp, e[i].act);
		}
		if (violates && e[i].param2) {
			snprintf(key, sizeof(key), "%s param=%s rule=%s violations",
				 e[i].spec, e[i].param2, e[i].rule2);
			kapi_stats_add(&delta, key, 1);
			w = &want[nwant++];
			w->call = c;
			w->e = &e[i];
			snprintf(w->rule, sizeof(w->rule), "param:%s:%s",
				 e[i].param2, e[i].rule2);
			kapi_param_tokens(w, c, &e[i], e[i].rule2, e[i].predicted2,
					  NULL, NULL);
		}
		if (!ran)
			continue;
		/* Every failed call that ran, documented error or not. */
		if (c->ret < 0 && c->ret >= -4095) {
			snprintf(key, sizeof(key), "%s errno=%s failed",
				 e[i].spec, kapi_errno_name(-c->ret));
			kapi_stats_add(&delta, key, 1);
		}
		if (e[i].undocumented) {
			snprintf(key, sizeof(key), "%s undocumented", e[i].spec);
			kapi_stats_add(&delta, key, 1);
			snprintf(key, sizeof(key), "%s errno=%s undocumented",
				 e[i].spec, kapi_errno_name(-c->ret));
			kapi_stats_add(&delta, key, 1);
			w = &want[nwant++];
			w->call = c;
			w->e = &e[i];
			snprintf(w->rule, sizeof(w->rule), "undocumented");
			snprintf(w->expected, sizeof(w->expected), "documented_error");
			kapi_result_token(w->actual, sizeof(w->actual), c->ret);
		}
		/*
		 * A divergence: the call succeeded although a constraint
		 * predicted failure, or failed with an error that neither
		 * the violation predicts nor the spec lists (a listed one
		 * may come from a check the kernel makes first).
		 */
		if (violates && (e[i].kernel >= 0 || e[i].kernel == KAPI_ANY_FD ||
				 (e[i].undocumented && e[i].kernel != -e[i].predicted &&
				  (!e[i].param2 || e[i].kernel != -e[i].predicted2)))) {
			snprintf(key, sizeof(key), "%s divergences", e[i].spec);
			kapi_stats_add(&delta, key, 1);
			w = &want[nwant++];
			w->call = c;
			w->e = &e[i];
			snprintf(w->rule, sizeof(w->rule), "divergence");
			snprintf(w->expected, sizeof(w->expected), "%s",
				 kapi_errno_name(first));
			kapi_result_token(w->actual, sizeof(w->actual), c->ret);
		}
	}
	ok &= kapi_stats_expect_delta(&run->before, &run->after, &delta);

	nrec = kapi_run_records(run, &rec);
	ok &= kt_check(nrec == nwant, "%zu new violation records, expected %zu",
		       nrec, nwant);
	for (i = 0; i < nrec && i < nwant; i++)
		ok &= kapi_check_record(run, &rec[i], &want[i], mode);
	for (i = nwant; i < nrec; i++)
		kt_diag("unexpected record: seq=%lld syscall=%s rule=%s expected=%s actual=%s",
			rec[i].seq, rec[i].syscall, rec[i].rule, rec[i].expected,
			rec[i].actual);
	return ok;
}

/**
 * kapi_task_size_max() - the top of the user address space (TASK_SIZE_MAX).
 *
 * Four-level paging gives 2^47 - 4096, five-level paging 2^56 - 4096; the
 * kernel shows "la57" among the CPU flags only when it uses five levels.
 *
 * Return: the kernel's TASK_SIZE_MAX.
 */
unsigned long kapi_task_size_max(void)
{
	static unsigned long size;
	char line[4096];
	bool la57 = false;
	FILE *f;

	if (size)
		return size;
	f = fopen("/proc/cpuinfo", "re");
	while (f && fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "flags", 5)) {
			la57 = strstr(line, " la57");
			break;
		}
	}
	if (f)
		fclose(f);
	size = (1UL << (la57 ? 56 : 47)) - 4096;
	return size;
}

/* ------------------------------------------------------------------ FUSE */

#define KAPI_FUSE_FILE "undoc"

/* Whether @err from opening /dev/fuse or mounting says there is no FUSE. */
static bool kapi_fuse_missing(int err)
{
	return err == ENOENT || err == ENODEV || err == ENXIO;
}

/**
 * kapi_fuse_error_fd() - a file whose read() and write() fail with @err,
 * given by a FUSE server.
 * @err: a positive errno, below 512 (FUSE passes on no larger one).
 *
 * The selftests' undocumented error: FUSE hands a server's error to the
 * caller unchanged, so a read() can fail with any errno, and no spec can
 * list them all. Opens /dev/fuse (after making the node, c 10 229, in
 * /tmp if /dev has none), mounts a FUSE file system on a directory in /tmp
 * with the descriptor, forks the server (a child killed when its parent
 * dies), opens the server's one file read-write and detaches the mount;
 * the file stays open, the server keeps answering, and the directory is
 * removed. The file is "reg:fuse" to kapi. None of these calls is made by
 * a subject, so none is counted.
 *
 * Return: the descriptor, or -1 with errno set: ENODEV if the kernel has
 * no FUSE (no fuse module loaded), another value if something else failed.
 */
int kapi_fuse_error_fd(int err)
{
	char dir[] = "/tmp/kapi-fuse.XXXXXX", node[] = "/tmp/kapi-fuse-dev.XXXXXX";
	char opts[128], path[64];
	int dev, fd = -1, saved;
	pid_t srv;

	dev = open("/dev/fuse", O_RDWR | O_CLOEXEC);
	if (dev < 0 && errno == ENOENT) {
		/* No node in /dev: a private one. */
		int tmp = mkstemp(node);

		if (tmp < 0)
			return -1;
		close(tmp);
		unlink(node);
		if (mknod(node, S_IFCHR | 0600, makedev(10, 229)))
			return -1;
		dev = open(node, O_RDWR | O_CLOEXEC);
		saved = errno;
		unlink(node);
		errno = saved;
	}
	if (dev < 0) {
		if (kapi_fuse_missing(errno))
			errno = ENODEV;
		return -1;
	}
	if (!mkdtemp(dir)) {
		saved = errno;
		close(dev);
		errno = saved;
		return -1;
	}
	snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=0,group_id=0", dev);
	if (mount("kapi", dir, "fuse.kapi", MS_NOSUID | MS_NODEV, opts)) {
		saved = kapi_fuse_missing(errno) ? ENODEV : errno;
		goto out;
	}
	fflush(stdout);
	fflush(stderr);
	srv = fork();
	if (srv < 0) {
		saved = errno;
		umount2(dir, MNT_DETACH);
		goto out;
	}
	if (srv == 0)
		kapi_fuse_serve(dev, &(struct kapi_fuse_server){
					.file = KAPI_FUSE_FILE, .error = err });
	snprintf(path, sizeof(path), "%s/" KAPI_FUSE_FILE, dir);
	fd = open(path, O_RDWR | O_CLOEXEC);
	saved = errno;
	umount2(dir, MNT_DETACH);
	if (fd < 0) {
		kill(srv, SIGKILL);
		waitpid(srv, NULL, 0);
	}
out:
	close(dev);
	rmdir(dir);
	errno = saved;
	return fd;
}

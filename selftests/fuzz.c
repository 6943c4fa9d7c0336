// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_fuzz: hostile input for the files of /sys/kernel/debug/kapi/runtime/.
 * Every write is judged against the grammar Documentation/runtime.rst gives
 * (one command, at most one trailing newline, no NUL byte, at most a page,
 * the filter's keys and ranges), modelled here independently of the
 * module: a write the model accepts must succeed and change the state as
 * it says, any other must fail with EINVAL (EFAULT for a buffer that cannot
 * be read) and change nothing. After every write the mode and filter files
 * must read back what the model holds, and stats and violations must not
 * lose counts or records except through "reset" and "clear". The writes
 * are deterministic cases (size limits, NUL bytes, commands split over
 * several writes, odd file positions, pwrite(), unreadable buffers, huge
 * writes) and a bounded random run from a seed it prints: random bytes,
 * mutated commands, out-of-range filter values, each written plainly,
 * after an lseek() or a read(), with pwrite() (ESPIPE: seq_file), through
 * writev() or from a buffer that runs into an unmapped page. "--writes N"
 * sets the random run's length (default 5000), "--seed S" its seed. Prints
 * KTAP; run as root in the VM by scripts/guest/hardening.sh with kapi.ko
 * loaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "kapi_test.h"

#define FZ_PAGE 4096		/* the kernel's PAGE_SIZE on x86-64 */
#define FZ_HUGE (2u << 20)	/* a write far beyond a page */
#define FZ_PID_MAX 4194304u	/* PID_MAX_LIMIT on 64-bit */
#define FZ_UID_MAX 4294967294u	/* (uid_t)-1 is no user */
#define FZ_COMM_MAX 15		/* TASK_COMM_LEN - 1 */
/* A filter that no task matches (pid_max is far lower in the guests). */
#define FZ_NOBODY "pid=4194304"

static unsigned long long fz_seed = 20260301;
static unsigned long fz_writes = 5000;

/* ------------------------------------------------------------- random */

static unsigned long long fz_state;

/* splitmix64: small, fast and the same everywhere. */
static unsigned long long fz_rand(void)
{
	unsigned long long z = (fz_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static size_t fz_below(size_t n)
{
	return n ? fz_rand() % n : 0;
}

/* ------------------------------------------------------------- the model */

enum fz_file { FZ_MODE, FZ_STATS, FZ_VIOLATIONS, FZ_FILTER, FZ_HOOKS, FZ_NFILES };

static const char *const fz_names[FZ_NFILES] = {
	"mode", "stats", "violations", "filter", "hooks",
};

struct fz_filter {
	bool has_pid, has_tgid, has_uid, has_comm;
	unsigned int pid, tgid, uid;
	char comm[FZ_COMM_MAX + 1];
};

/* What the model knows of the module's state. */
static int fz_mode;
static struct fz_filter fz_filt;
static unsigned long fz_offs;	/* switches to off, which wait for tasks RCU */

/*
 * The command in a write: the bytes without one trailing newline, as a
 * string in @out (FZ_PAGE + 1 bytes). False when the write is empty,
 * longer than a page or has a NUL byte in the command.
 */
static bool fz_command(const char *b, size_t len, char *out)
{
	if (!len || len > FZ_PAGE)
		return false;
	if (b[len - 1] == '\n')
		len--;
	if (memchr(b, '\0', len))
		return false;
	memcpy(out, b, len);
	out[len] = '\0';
	return true;
}

/* A decimal number of digits only, at most @max (kstrtou32 rules). */
static bool fz_number(const char *s, unsigned int max, unsigned int *out)
{
	unsigned long long v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (unsigned long long)(*s - '0');
		if (v > UINT_MAX)
			return false;
	}
	*out = (unsigned int)v;
	return v <= max;
}

/* "clear", or space-separated key=value pairs, each key at most once. */
static bool fz_filter_parse(char *s, struct fz_filter *f)
{
	char *tok, *val;

	memset(f, 0, sizeof(*f));
	if (!strcmp(s, "clear"))
		return true;
	while ((tok = strsep(&s, " "))) {
		val = strchr(tok, '=');
		if (!val || val == tok)
			return false;
		*val++ = '\0';
		if (!strcmp(tok, "pid")) {
			if (f->has_pid || !fz_number(val, FZ_PID_MAX, &f->pid) || !f->pid)
				return false;
			f->has_pid = true;
		} else if (!strcmp(tok, "tgid")) {
			if (f->has_tgid || !fz_number(val, FZ_PID_MAX, &f->tgid) || !f->tgid)
				return false;
			f->has_tgid = true;
		} else if (!strcmp(tok, "uid")) {
			if (f->has_uid || !fz_number(val, FZ_UID_MAX, &f->uid))
				return false;
			f->has_uid = true;
		} else if (!strcmp(tok, "comm")) {
			size_t i, n = strlen(val);

			if (f->has_comm || !n || n > FZ_COMM_MAX)
				return false;
			for (i = 0; i < n; i++)
				if ((unsigned char)val[i] <= ' ' || (unsigned char)val[i] > '~')
					return false;
			memcpy(f->comm, val, n + 1);
			f->has_comm = true;
		} else {
			return false;
		}
	}
	return true;
}

/* The filter file's text for @f. */
static void fz_filter_text(const struct fz_filter *f, char *out, size_t size)
{
	char pid[12] = "-", tgid[12] = "-", uid[12] = "-";

	if (f->has_pid)
		snprintf(pid, sizeof(pid), "%u", f->pid);
	if (f->has_tgid)
		snprintf(tgid, sizeof(tgid), "%u", f->tgid);
	if (f->has_uid)
		snprintf(uid, sizeof(uid), "%u", f->uid);
	snprintf(out, size, "pid=%s tgid=%s uid=%s comm=%s\n", pid, tgid, uid,
		 f->has_comm ? f->comm : "-");
}

/* What a model-accepted write does. */
struct fz_effect {
	bool ok;
	int mode;		/* FZ_MODE: the new mode */
	struct fz_filter filt;	/* FZ_FILTER: the new filter */
};

/* Whether one write(@b, @len) to @file is accepted, and what it does. */
static struct fz_effect fz_judge(int file, const char *b, size_t len)
{
	static char cmd[FZ_PAGE + 1];
	struct fz_effect e = { .ok = false };
	int m;

	if (file == FZ_HOOKS || !fz_command(b, len, cmd))
		return e;
	switch (file) {
	case FZ_MODE:
		m = kapi_mode_parse(cmd);
		/* kapi_mode_parse() allows a newline; the file does not. */
		if (m != KAPI_MODE_UNKNOWN && !strchr(cmd, '\n')) {
			e.ok = true;
			e.mode = m;
		}
		break;
	case FZ_STATS:
		e.ok = !strcmp(cmd, "reset");
		break;
	case FZ_VIOLATIONS:
		e.ok = !strcmp(cmd, "clear");
		break;
	case FZ_FILTER:
		e.ok = fz_filter_parse(cmd, &e.filt);
		break;
	}
	return e;
}

/* ---------------------------------------------------------- the module */

/* Totals of stats and the ring, which only "reset" and "clear" lower. */
struct fz_counts {
	long long calls, violations, records;
};

static char fz_text[1 << 18];

static bool fz_counts_read(struct fz_counts *c)
{
	static struct kapi_stats s;
	ssize_t n;
	size_t i;
	long records;

	memset(c, 0, sizeof(*c));
	if (kapi_stats_read(&s) < 0)
		return kt_check(false, "stats cannot be read or parsed");
	for (i = 0; i < s.n; i++) {
		const char *sp = strrchr(s.c[i].key, ' ');

		if (!sp || strchr(s.c[i].key, '='))
			continue;	/* only the summary lines */
		if (!strcmp(sp + 1, "calls"))
			c->calls += s.c[i].value;
		else if (!strcmp(sp + 1, "violations"))
			c->violations += s.c[i].value;
	}
	n = kapi_read("violations", fz_text, sizeof(fz_text));
	if (!kt_check(n > 0, "violations cannot be read: %s",
		      n < 0 ? strerror((int)-n) : "empty"))
		return false;
	if (!kt_check(sscanf(fz_text, "# capacity=%*d records=%ld", &records) == 1,
		      "violations header is '%.60s'", fz_text))
		return false;
	c->records = records;
	return true;
}

/* The mode and filter files read back what the model holds. */
static bool fz_state_matches(const char *after)
{
	char buf[256], want[256];
	ssize_t n;

	n = kapi_read("mode", buf, sizeof(buf));
	snprintf(want, sizeof(want), "%s\n", kapi_mode_name(fz_mode));
	if (!kt_check(n > 0 && !strcmp(buf, want), "mode reads '%s', expected %s after %s",
		      n > 0 ? buf : strerror((int)-n), kapi_mode_name(fz_mode), after))
		return false;
	n = kapi_read("filter", buf, sizeof(buf));
	fz_filter_text(&fz_filt, want, sizeof(want));
	return kt_check(n > 0 && !strcmp(buf, want), "filter reads '%s', expected '%s' after %s",
			n > 0 ? buf : strerror((int)-n), want, after);
}

/* A short printable picture of a write, for messages. */
static const char *fz_show(const char *b, size_t len)
{
	static char out[200];
	size_t i, o = 0;

	o += (size_t)snprintf(out, sizeof(out), "%zu bytes '", len);
	for (i = 0; i < len && o < sizeof(out) - 12; i++) {
		unsigned char c = (unsigned char)b[i];

		if (c >= ' ' && c <= '~' && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, sizeof(out) - o, "\\x%02x", c);
	}
	snprintf(out + o, sizeof(out) - o, "%s'", i < len ? "..." : "");
	return out;
}

static int fz_open(int file, int flags)
{
	char path[128];

	snprintf(path, sizeof(path), KAPI_RUNTIME "/%s", fz_names[file]);
	return open(path, flags | O_CLOEXEC);
}

/* Make the model follow a write it accepted. */
static void fz_apply(int file, const struct fz_effect *e)
{
	if (file == FZ_MODE) {
		fz_offs += e->mode == KAPI_MODE_OFF && fz_mode != KAPI_MODE_OFF;
		fz_mode = e->mode;
	} else if (file == FZ_FILTER) {
		fz_filt = e->filt;
	}
}

/*
 * A few violating calls (a bad descriptor), so that counters and the ring
 * have something to lose. They fail with EBADF in every mode.
 */
static void fz_poke(void)
{
	char c;
	int i;

	for (i = 0; i < 3; i++)
		syscall(SYS_read, KAPI_FD_MINUS_1, &c, 1);
}

/* ------------------------------------------------------------- writing */

enum fz_how {
	FZ_PLAIN,	/* write() on a new descriptor */
	FZ_SEEK,	/* write() after lseek() to an odd offset */
	FZ_PWRITE,	/* pwrite(): seq_file files refuse it with ESPIPE */
	FZ_AFTER_READ,	/* write() after a read() moved the file position */
	FZ_WRITEV,	/* writev() of the bytes in two or three pieces */
	FZ_FAULT,	/* write() whose buffer runs into an unmapped page */
	FZ_NHOW,
};

static const char *const fz_how_names[FZ_NHOW] = {
	"write", "write after lseek", "pwrite", "write after read", "writev",
	"unreadable buffer",
};

/* Two pages, the second PROT_NONE: bytes placed at its end fault. */
static char *fz_guard;

/* Counters for the summary. */
static unsigned long fz_done, fz_accepted, fz_per_file[FZ_NFILES], fz_per_how[FZ_NHOW];

/*
 * Write @b/@len to @file as @how says and check the result and the state
 * against the model; the model follows an accepted write. Returns false
 * (and fails the case) on a mismatch.
 */
static bool fz_write(int file, const char *b, size_t len, int how)
{
	struct fz_effect e = { .ok = false };
	struct fz_counts before = { 0 }, after;
	long want = -EINVAL, got;
	char what[320];
	size_t cut[3], n = 0, i;
	int fd;

	/* Too short to split, or too long to fault: a plain write. */
	if ((how == FZ_WRITEV && len < 2) || (how == FZ_FAULT && (!len || len > FZ_PAGE)))
		how = FZ_PLAIN;
	snprintf(what, sizeof(what), "%s of %s to %s", fz_how_names[how],
		 fz_show(b, len), fz_names[file]);
	if ((file == FZ_STATS || file == FZ_VIOLATIONS) && !fz_counts_read(&before))
		return false;

	fd = fz_open(file, how == FZ_AFTER_READ ? O_RDWR : O_WRONLY);
	if (!kt_check(fd >= 0, "opening %s: %m", fz_names[file]))
		return false;
	errno = 0;
	switch (how) {
	case FZ_PLAIN:
		e = fz_judge(file, b, len);
		got = write(fd, b, len);
		break;
	case FZ_SEEK:
	case FZ_PWRITE: {
		static const off_t offs[] = { 1, 3, 4095, 4097, 65537, 1ll << 40 };
		off_t off = offs[fz_below(KAPI_ARRAY_SIZE(offs))];

		if (how == FZ_PWRITE) {
			/* before the file's write method: no effect at all */
			got = pwrite(fd, b, len, off);
			want = -ESPIPE;
			break;
		}
		/* Where the file position is does not matter. */
		lseek(fd, off, SEEK_SET);
		e = fz_judge(file, b, len);
		got = write(fd, b, len);
		break;
	}
	case FZ_AFTER_READ: {
		char skip[7];

		if (!kt_check(read(fd, skip, 1 + fz_below(sizeof(skip))) > 0,
			      "reading %s: %m", fz_names[file])) {
			close(fd);
			return false;
		}
		e = fz_judge(file, b, len);
		got = write(fd, b, len);
		break;
	}
	case FZ_WRITEV: {
		/*
		 * Each piece is a write of its own to a file with only a
		 * write method: the pieces run in order until one fails,
		 * and writev() returns the bytes of those that succeeded,
		 * or the first one's error.
		 */
		struct iovec iov[3];
		struct fz_effect pe;
		size_t at = 0;

		cut[n++] = 1 + fz_below(len - 1);
		if (len - cut[0] >= 2 && fz_below(2))
			cut[n++] = cut[0] + 1 + fz_below(len - cut[0] - 1);
		cut[n++] = len;
		want = 0;
		for (i = 0; i < n; i++) {
			iov[i].iov_base = (void *)(b + at);
			iov[i].iov_len = cut[i] - at;
			at = cut[i];
		}
		for (i = 0, at = 0; i < n; at = cut[i], i++) {
			pe = fz_judge(file, b + at, cut[i] - at);
			if (!pe.ok) {
				if (!want)
					want = -EINVAL;
				break;
			}
			fz_apply(file, &pe);
			want += (long)(cut[i] - at);
			e = pe;
		}
		got = writev(fd, iov, (int)n);
		break;
	}
	case FZ_FAULT: {
		/* The last byte (at least) lies in the unmapped page. */
		size_t bad = 1 + fz_below(len < 64 ? len : 64);

		memcpy(fz_guard + FZ_PAGE - (len - bad), b, len - bad);
		got = write(fd, fz_guard + FZ_PAGE - (len - bad), len);
		/* hooks has no write method: EINVAL before the copy */
		want = file == FZ_HOOKS ? -EINVAL : -EFAULT;
		break;
	}
	default:
		close(fd);
		return false;
	}
	if (got < 0)
		got = -errno;
	close(fd);

	if (how != FZ_WRITEV && how != FZ_FAULT && how != FZ_PWRITE) {
		want = e.ok ? (long)len : -EINVAL;
		if (e.ok)
			fz_apply(file, &e);
	}
	fz_done++;
	fz_per_file[file]++;
	fz_per_how[how]++;
	if (got > 0)
		fz_accepted++;
	if (!kt_check(got == want, "%s returned %ld (%s), expected %ld (%s)", what, got,
		      got < 0 ? kapi_errno_name((int)-got) : "bytes", want,
		      want < 0 ? kapi_errno_name((int)-want) : "bytes"))
		return false;
	if (!fz_state_matches(what))
		return false;
	if (file != FZ_STATS && file != FZ_VIOLATIONS)
		return true;
	if (!fz_counts_read(&after))
		return false;
	if (file == FZ_STATS && got > 0) {
		/* Only this program's reads of kapi's files run meanwhile. */
		return kt_check(after.calls <= 64 && after.violations == 0,
				"stats keep calls=%lld violations=%lld after %s",
				after.calls, after.violations, what);
	}
	if (file == FZ_VIOLATIONS && got > 0)
		return kt_check(after.records == 0, "violations keeps %lld records after %s",
				after.records, what);
	return kt_check(after.calls >= before.calls && after.violations >= before.violations &&
			after.records >= before.records,
			"counts went down after %s: calls %lld->%lld violations %lld->%lld records %lld->%lld",
			what, before.calls, after.calls, before.violations, after.violations,
			before.records, after.records);
}

/* fz_write() of a string. */
static bool fz_write_str(int file, const char *s, int how)
{
	return fz_write(file, s, strlen(s), how);
}

/* Read what the module holds into the model, with a clear filter. */
static bool fz_start(void)
{
	fz_mode = kapi_mode();
	if (!kt_check(fz_mode != KAPI_MODE_UNKNOWN, "mode cannot be read"))
		return false;
	memset(&fz_filt, 0, sizeof(fz_filt));
	if (!kapi_filter_set("clear"))
		return false;
	fz_poke();
	return fz_state_matches("the start");
}

/* Put mode and filter back as they were before the program ran. */
static void fz_finish(int mode)
{
	if (fz_mode != mode)
		kt_check(!kapi_set_mode(mode), "restoring mode %s", kapi_mode_name(mode));
	kapi_filter_set("clear");
}

/* ---------------------------------------------------------------- cases */

static int fz_loaded_mode;

static void t_valid_commands(void)
{
	static const char *const mode_words[] = { "audit", "enforce\n", "off", "audit\n" };
	static const char *const filters[] = {
		"pid=1", "tgid=4194304", "uid=0 comm=sh", "comm=a=b pid=7 uid=4294967294 tgid=9\n",
		"pid=0000000000000000000000000000012", "clear\n",
	};
	size_t i;

	if (!fz_start())
		return;
	for (i = 0; i < KAPI_ARRAY_SIZE(mode_words); i++)
		fz_write_str(FZ_MODE, mode_words[i], FZ_PLAIN);
	for (i = 0; i < KAPI_ARRAY_SIZE(filters); i++)
		fz_write_str(FZ_FILTER, filters[i], FZ_PLAIN);
	fz_write_str(FZ_STATS, "reset\n", FZ_PLAIN);
	fz_poke();
	fz_write_str(FZ_VIOLATIONS, "clear", FZ_PLAIN);
	for (i = 0; i < KAPI_ARRAY_SIZE(mode_words); i++)
		fz_write_str(FZ_HOOKS, mode_words[i], FZ_PLAIN);
	fz_write_str(FZ_HOOKS, "", FZ_PLAIN);
	fz_finish(fz_loaded_mode);
}

/* Files outside runtime/ are read-only; a write changes nothing. */
static void t_readonly_files(void)
{
	static const char *const files[] = {
		"version", "list", "image", "specs/sys_read", "specs-json/sys_openat",
	};
	static char before[1 << 16], after[1 << 16];
	char path[128];
	size_t i;

	for (i = 0; i < KAPI_ARRAY_SIZE(files); i++) {
		ssize_t nb, na, w;
		int fd;

		snprintf(path, sizeof(path), KAPI_DEBUGFS "/kapi/%s", files[i]);
		fd = open(path, O_RDONLY);
		if (!kt_check(fd >= 0, "opening %s: %m", path))
			continue;
		nb = read(fd, before, sizeof(before));
		close(fd);
		fd = open(path, O_WRONLY);
		if (fd >= 0) {
			w = write(fd, "clear\n", 6);
			kt_check(w < 0 && errno == EINVAL, "writing %s gave %zd (%s)", path, w,
				 w < 0 ? kapi_errno_name(errno) : "success");
			close(fd);
		} else {
			kt_check(errno == EACCES || errno == EPERM, "opening %s to write: %m",
				 path);
		}
		fd = open(path, O_RDONLY);
		if (!kt_check(fd >= 0, "opening %s again: %m", path))
			continue;
		na = read(fd, after, sizeof(after));
		close(fd);
		kt_check(nb > 0 && na == nb && !memcmp(before, after, (size_t)nb),
			 "%s changed after a write", path);
	}
}

static void t_size_limits(void)
{
	static char big[FZ_PAGE + 2];
	char *huge;
	int f;

	if (!fz_start())
		return;
	/* A filter of exactly one page parses; one byte more does not. */
	memset(big, '0', sizeof(big));
	memcpy(big, "pid=", 4);
	big[FZ_PAGE - 2] = '5';
	big[FZ_PAGE - 1] = '\n';
	fz_write(FZ_FILTER, big, FZ_PAGE, FZ_PLAIN);
	big[FZ_PAGE - 1] = '6';
	fz_write(FZ_FILTER, big, FZ_PAGE, FZ_PLAIN);
	big[FZ_PAGE - 1] = '0';
	big[FZ_PAGE] = '7';
	fz_write(FZ_FILTER, big, FZ_PAGE + 1, FZ_PLAIN);
	/* Writes far beyond a page, valid command first. */
	huge = malloc(FZ_HUGE);
	if (!kt_check(huge, "no memory"))
		goto out;
	memset(huge, '\n', FZ_HUGE);
	for (f = FZ_MODE; f < FZ_NFILES; f++) {
		memcpy(huge, f == FZ_STATS ? "reset" : f == FZ_FILTER ? "clear" :
			     f == FZ_VIOLATIONS ? "clear" : "audit", 5);
		fz_write(f, huge, FZ_HUGE, FZ_PLAIN);
		fz_write(f, huge, FZ_PAGE + 1, FZ_SEEK);
		fz_write(f, huge, FZ_PAGE + 1, FZ_PWRITE);
	}
	memset(huge, 0, FZ_HUGE);
	fz_write(FZ_FILTER, huge, FZ_HUGE, FZ_PLAIN);
	free(huge);
	/* Empty writes. */
	for (f = FZ_MODE; f < FZ_NFILES; f++) {
		fz_write(f, "", 0, FZ_PLAIN);
		fz_write(f, "\n", 1, FZ_PLAIN);
	}
out:
	fz_finish(fz_loaded_mode);
}

/* Every valid command, with a NUL byte at every position. */
static void t_nul_bytes(void)
{
	static const struct {
		int file;
		const char *cmd;
	} cmds[] = {
		{ FZ_MODE, "enforce\n" }, { FZ_MODE, "audit" }, { FZ_STATS, "reset\n" },
		{ FZ_VIOLATIONS, "clear" }, { FZ_FILTER, "pid=12 comm=x\n" },
	};
	char buf[64];
	size_t i, at, len;

	if (!fz_start())
		return;
	for (i = 0; i < KAPI_ARRAY_SIZE(cmds) && !kt_failed(); i++) {
		len = strlen(cmds[i].cmd);
		for (at = 0; at <= len; at++) {
			memcpy(buf, cmds[i].cmd, at);
			buf[at] = '\0';
			memcpy(buf + at + 1, cmds[i].cmd + at, len - at);
			if (!fz_write(cmds[i].file, buf, len + 1, FZ_PLAIN))
				break;
		}
	}
	fz_finish(fz_loaded_mode);
}

/* A command in pieces: each piece is a write of its own, never joined. */
static void t_split_writes(void)
{
	static const char *const pieces[][3] = {
		{ "au", "dit", NULL }, { "enforce", "\n", NULL }, { "res", "et\n", NULL },
		{ "pid=1", " comm=x", NULL }, { "comm=", "x", NULL }, { "c", "lea", "r" },
	};
	static const int files[] = { FZ_MODE, FZ_MODE, FZ_STATS, FZ_FILTER, FZ_FILTER,
				     FZ_VIOLATIONS };
	size_t i, j;

	if (!fz_start())
		return;
	/* Separate write() calls on one descriptor. */
	for (i = 0; i < KAPI_ARRAY_SIZE(pieces); i++) {
		int fd = fz_open(files[i], O_WRONLY);

		if (!kt_check(fd >= 0, "opening %s: %m", fz_names[files[i]]))
			continue;
		for (j = 0; j < 3 && pieces[i][j]; j++) {
			const char *p = pieces[i][j];
			struct fz_effect e = fz_judge(files[i], p, strlen(p));
			ssize_t w = write(fd, p, strlen(p));

			kt_check(e.ok ? w == (ssize_t)strlen(p) : w < 0 && errno == EINVAL,
				 "piece '%s' of a split write to %s returned %zd (%m)", p,
				 fz_names[files[i]], w);
			if (e.ok)
				fz_apply(files[i], &e);
		}
		close(fd);
		fz_state_matches("a split write");
	}
	/* writev() of each command, as often as it is long, cut at random. */
	for (i = 0; i < KAPI_ARRAY_SIZE(pieces); i++) {
		char whole[64];
		size_t len;

		snprintf(whole, sizeof(whole), "%s%s%s", pieces[i][0], pieces[i][1],
			 pieces[i][2] ? pieces[i][2] : "");
		len = strlen(whole);
		for (j = 0; j < len && !kt_failed(); j++)
			fz_write(files[i], whole, len, FZ_WRITEV);
	}
	fz_finish(fz_loaded_mode);
}

static void t_offsets(void)
{
	static const char *const words[] = { "enforce", "audit\n", "bogus", "audit\n\n" };
	size_t i, k;

	if (!fz_start())
		return;
	for (k = 0; k < 4; k++) {
		for (i = 0; i < KAPI_ARRAY_SIZE(words); i++) {
			fz_write_str(FZ_MODE, words[i], FZ_SEEK);
			fz_write_str(FZ_MODE, words[i], FZ_AFTER_READ);
			fz_write_str(FZ_MODE, words[i], FZ_PWRITE);
		}
		fz_write_str(FZ_FILTER, "uid=3", FZ_SEEK);
		fz_write_str(FZ_FILTER, "uid=3 uid=4", FZ_AFTER_READ);
		fz_write_str(FZ_FILTER, "clear", FZ_PWRITE);
		fz_write_str(FZ_FILTER, "clear", FZ_AFTER_READ);
		fz_poke();
		fz_write_str(FZ_STATS, "reset", FZ_PWRITE);
		fz_write_str(FZ_STATS, "reset", FZ_SEEK);
		fz_poke();
		fz_write_str(FZ_VIOLATIONS, "clear", FZ_PWRITE);
		fz_write_str(FZ_VIOLATIONS, "clear\n", FZ_AFTER_READ);
		fz_write_str(FZ_HOOKS, "audit", FZ_SEEK);
		fz_write_str(FZ_HOOKS, "audit", FZ_PWRITE);
	}
	fz_finish(fz_loaded_mode);
}

static void t_unreadable_buffers(void)
{
	static const char *const cmds[] = { "audit\n", "clear", "reset", "pid=1 uid=2\n" };
	static const int files[] = { FZ_MODE, FZ_FILTER, FZ_STATS, FZ_FILTER };
	size_t i, k;
	int f;

	if (!fz_start())
		return;
	for (k = 0; k < 8; k++)
		for (i = 0; i < KAPI_ARRAY_SIZE(cmds); i++)
			fz_write_str(files[i], cmds[i], FZ_FAULT);
	/* NULL and a buffer wholly in the unmapped page. */
	for (f = FZ_MODE; f < FZ_HOOKS; f++) {
		int fd = fz_open(f, O_WRONLY);
		ssize_t w1, w2;
		int e1, e2;

		if (!kt_check(fd >= 0, "opening %s: %m", fz_names[f]))
			continue;
		w1 = syscall(SYS_write, fd, NULL, 5);
		e1 = errno;
		w2 = write(fd, fz_guard + FZ_PAGE, 5);
		e2 = errno;
		close(fd);
		kt_check(w1 < 0 && e1 == EFAULT, "a write of NULL to %s gave %zd (%s)",
			 fz_names[f], w1, kapi_errno_name(e1));
		kt_check(w2 < 0 && e2 == EFAULT, "a write of unmapped memory to %s gave %zd (%s)",
			 fz_names[f], w2, kapi_errno_name(e2));
	}
	fz_state_matches("unreadable buffers");
	fz_finish(fz_loaded_mode);
}

/* ---------------------------------------------------------- random run */

static const char fz_alphabet[] = "pidtgucomearsfnlxv=0123456789 -+\n";

/* Valid commands of each file, the seeds of mutation. */
static const char *const fz_valid[FZ_NFILES][6] = {
	[FZ_MODE] = { "audit", "enforce", "off", "audit\n", "enforce\n", NULL },
	[FZ_STATS] = { "reset", "reset\n", NULL },
	[FZ_VIOLATIONS] = { "clear", "clear\n", NULL },
	[FZ_FILTER] = { "pid=1", "comm=kapi_fuzz\n", "tgid=12 uid=0", "clear",
			"uid=4294967294 comm=x pid=4194304 tgid=1", NULL },
	[FZ_HOOKS] = { "audit", "clear", NULL },
};

static size_t fz_valid_count(int file)
{
	size_t n = 0;

	while (n < 6 && fz_valid[file][n])
		n++;
	return n;
}

/* Bytes from anywhere, or from the grammar's alphabet. */
static size_t fz_gen_random(char *b, size_t cap)
{
	size_t len, i;
	size_t r = fz_below(10);

	if (r < 4)
		len = 1 + fz_below(16);
	else if (r < 7)
		len = 1 + fz_below(300);
	else if (r < 8)
		len = FZ_PAGE - 4 + fz_below(9);
	else
		len = 1 + fz_below(FZ_PAGE);
	if (len > cap)
		len = cap;
	if (fz_below(2)) {
		for (i = 0; i < len; i++)
			b[i] = (char)fz_rand();
	} else {
		for (i = 0; i < len; i++)
			b[i] = fz_alphabet[fz_below(sizeof(fz_alphabet) - 1)];
	}
	return len;
}

/* A valid command of @file with one to three mutations. */
static size_t fz_gen_mutant(int file, char *b, size_t cap)
{
	static const char specials[] = { '\0', '\n', ' ', '=', '\r', '\t', '\x7f', '\xff', '-' };
	const char *v = fz_valid[file][fz_below(fz_valid_count(file))];
	size_t len = strlen(v), k, n = 1 + fz_below(3), at;

	memcpy(b, v, len);
	for (k = 0; k < n && len + 2 < cap; k++) {
		at = fz_below(len + 1);
		switch (fz_below(8)) {
		case 0:		/* insert a special byte */
			memmove(b + at + 1, b + at, len - at);
			b[at] = specials[fz_below(sizeof(specials))];
			len++;
			break;
		case 1:		/* delete a byte */
			if (len > 1 && at < len) {
				memmove(b + at, b + at + 1, len - at - 1);
				len--;
			}
			break;
		case 2:		/* replace a byte */
			if (at < len)
				b[at] = (char)fz_rand();
			break;
		case 3:		/* change case */
			if (at < len)
				b[at] ^= 0x20;
			break;
		case 4:		/* truncate */
			len = at ? at : 1;
			break;
		case 5:		/* append a newline */
			b[len++] = '\n';
			break;
		case 6:		/* prepend or append a space */
			if (fz_below(2)) {
				memmove(b + 1, b, len);
				b[0] = ' ';
			} else {
				b[len] = ' ';
			}
			len++;
			break;
		default:	/* repeat the command */
			if (2 * len + 1 < cap) {
				b[len] = fz_below(2) ? ' ' : '\n';
				memcpy(b + len + 1, b, len);
				len = 2 * len + 1;
			}
			break;
		}
	}
	return len;
}

/* A filter of valid keys with values at and around their limits. */
static size_t fz_gen_filter(char *b, size_t cap)
{
	static const char *const keys[] = { "pid", "tgid", "uid", "comm", "PID", "gid", "" };
	static const char *const numbers[] = {
		"0", "1", "4194304", "4194305", "4294967294", "4294967295", "4294967296",
		"99999999999999999999", "-1", "+1", "0x10", "1e3", "", " 1", "007",
		"18446744073709551617",
	};
	static const char *const comms[] = {
		"x", "kapi_fuzz", "fifteen_chars_x", "sixteen_chars_xx", "a=b", "tab\there",
		"del\x7f", "hi\xff", "", "sh", "-",
	};
	size_t len = 0, k, n = 1 + fz_below(4);

	for (k = 0; k < n && len + 64 < cap; k++) {
		const char *key = keys[fz_below(KAPI_ARRAY_SIZE(keys))];
		const char *val;

		if (!strcmp(key, "comm"))
			val = comms[fz_below(KAPI_ARRAY_SIZE(comms))];
		else
			val = numbers[fz_below(KAPI_ARRAY_SIZE(numbers))];
		if (k)
			b[len++] = fz_below(8) ? ' ' : fz_below(2) ? '\t' : ',';
		len += (size_t)snprintf(b + len, cap - len, "%s=%s", key, val);
	}
	if (fz_below(20) == 0 && len + 3000 < cap) {
		/* leading zeros by the thousand */
		memmove(b + 4 + 3000, b + 4, len - 4);
		memset(b + 4, '0', 3000);
		memcpy(b, "uid=", 4);
		len += 3000;
	}
	if (fz_below(2))
		b[len++] = '\n';
	return len;
}

static void t_random(void)
{
	static char buf[FZ_PAGE * 2];
	struct timespec t0, t1;
	const char *v;
	unsigned long i;
	size_t len;
	int file, how;

	kt_diag("seed=%llu writes=%lu (again: kapi_fuzz --seed %llu --writes %lu --case random)",
		fz_seed, fz_writes, fz_seed, fz_writes);
	fz_state = fz_seed;
	fz_done = 0;
	fz_accepted = 0;
	fz_offs = 0;
	memset(fz_per_file, 0, sizeof(fz_per_file));
	memset(fz_per_how, 0, sizeof(fz_per_how));
	if (!fz_start())
		return;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < fz_writes && !kt_failed(); i++) {
		file = (int)fz_below(FZ_NFILES);
		switch (fz_below(8)) {
		case 0:
		case 1:
		case 2:
			len = fz_gen_random(buf, sizeof(buf));
			break;
		case 3:
			len = fz_gen_filter(buf, sizeof(buf));
			break;
		case 4:
			if (file == FZ_MODE && fz_below(16)) {
				/* "off" waits for tasks RCU: keep it rare */
				len = fz_gen_mutant(file, buf, sizeof(buf));
				break;
			}
			v = fz_valid[file][fz_below(fz_valid_count(file))];
			len = strlen(v);
			memcpy(buf, v, len);
			break;
		default:
			len = fz_gen_mutant(file, buf, sizeof(buf));
			break;
		}
		how = (int)fz_below(FZ_NHOW + 3);
		if (how >= FZ_NHOW)
			how = FZ_PLAIN;
		if (!fz_write(file, buf, len, how)) {
			kt_diag("at write %lu of seed %llu", i + 1, fz_seed);
			break;
		}
		if (i % 64 == 0)
			fz_poke();
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	kt_diag("%lu writes (%.1f s): %lu accepted (%lu switches to off)", fz_done,
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		fz_accepted, fz_offs);
	kt_diag("to mode %lu, stats %lu, violations %lu, filter %lu, hooks %lu",
		fz_per_file[FZ_MODE], fz_per_file[FZ_STATS], fz_per_file[FZ_VIOLATIONS],
		fz_per_file[FZ_FILTER], fz_per_file[FZ_HOOKS]);
	kt_diag("by write %lu, lseek %lu, pwrite %lu, read %lu, writev %lu, unreadable %lu",
		fz_per_how[FZ_PLAIN], fz_per_how[FZ_SEEK], fz_per_how[FZ_PWRITE],
		fz_per_how[FZ_AFTER_READ], fz_per_how[FZ_WRITEV], fz_per_how[FZ_FAULT]);
	fz_finish(fz_loaded_mode);
}

/* ---------------------------------------------------------- concurrency */

static int fz_stop;	/* set by the writer, read by the readers */

static void *fz_reader(void *arg)
{
	static const char *const files[] = { "mode", "filter", "stats", "violations", "hooks" };
	char *buf = malloc(1 << 18);
	long bad = 0;
	size_t i = 0;

	while (buf && !__atomic_load_n(&fz_stop, __ATOMIC_RELAXED)) {
		ssize_t n = kapi_read(files[i++ % KAPI_ARRAY_SIZE(files)], buf, 1 << 18);

		if (n <= 0 || buf[n - 1] != '\n')
			bad++;
	}
	free(buf);
	return (void *)bad;
}

/* Writers and readers at once: every read is whole, every file sane. */
static void t_concurrent(void)
{
	static const char *const words[][2] = {
		{ "mode", "audit" }, { "mode", "enforce" }, { "mode", "bogus" },
		{ "filter", "pid=1" }, { "filter", "comm=x uid=3" }, { "filter", "clear" },
		{ "filter", "pid=0" }, { "stats", "reset" }, { "violations", "clear" },
		{ "violations", "nope" },
	};
	pthread_t readers[2];
	void *bad;
	long total = 0;
	unsigned long i, n = fz_writes / 5 + 200;
	int k, err;

	__atomic_store_n(&fz_stop, 0, __ATOMIC_RELAXED);
	for (k = 0; k < 2; k++)
		pthread_create(&readers[k], NULL, fz_reader, NULL);
	for (i = 0; i < n; i++) {
		size_t w = (size_t)(i * 7 + i / 3) % KAPI_ARRAY_SIZE(words);
		bool valid = strcmp(words[w][1], "bogus") && strcmp(words[w][1], "pid=0") &&
			     strcmp(words[w][1], "nope");

		err = kapi_write(words[w][0], words[w][1]);
		if (!kt_check(valid ? !err : err == -EINVAL, "writing '%s' to %s: %s", words[w][1],
			      words[w][0], err ? kapi_errno_name(-err) : "success"))
			break;
		if (i % 16 == 0)
			fz_poke();
	}
	__atomic_store_n(&fz_stop, 1, __ATOMIC_RELAXED);
	for (k = 0; k < 2; k++) {
		pthread_join(readers[k], &bad);
		total += (long)bad;
	}
	kt_check(total == 0, "%ld reads were empty or cut short", total);
	kapi_write("mode", kapi_mode_name(fz_loaded_mode));
	kapi_filter_set("clear");
	kt_check(kapi_mode() == fz_loaded_mode, "mode is %s at the end",
		 kapi_mode_name(kapi_mode()));
}

/*
 * Afterwards: the mode the module was loaded with, every syscall hooked
 * (hooks has a line per system call spec, each "hooked").
 */
static void t_after(void)
{
	static char buf[16384];
	char *line;
	int hooked = 0, lines = 0;

	kt_check(kapi_mode() == fz_loaded_mode, "mode is %s, loaded as %s",
		 kapi_mode_name(kapi_mode()), kapi_mode_name(fz_loaded_mode));
	if (!kt_check(kapi_read("hooks", buf, sizeof(buf)) > 0, "hooks cannot be read"))
		return;
	for (line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		lines++;
		if (strstr(line, " hooked"))
			hooked++;
	}
	kt_check(lines >= 8 && hooked == lines, "%d of %d syscalls hooked", hooked, lines);
}

static const struct kt_case cases[] = {
	{ "valid commands succeed and read back, hooks refuses writes", t_valid_commands },
	{ "files outside runtime/ refuse writes and stay as they were", t_readonly_files },
	{ "a page parses, a byte more, 2 MiB and empty writes do not", t_size_limits },
	{ "a NUL byte anywhere in a command is refused", t_nul_bytes },
	{ "a command split over writes is never joined", t_split_writes },
	{ "writes after lseek or read act as at 0, pwrite fails ESPIPE", t_offsets },
	{ "unreadable buffers fail with EFAULT and change nothing", t_unreadable_buffers },
	{ "random writes: results and state as the grammar predicts", t_random },
	{ "concurrent writers and readers see whole, sane files", t_concurrent },
	{ "afterwards the mode is the loaded one and every syscall hooked", t_after },
};

int main(int argc, char **argv)
{
	char **rest = calloc((size_t)argc + 1, sizeof(*rest));
	int i, n = 0;

	if (!rest)
		return 1;
	/* --seed and --writes are this program's; the rest go to kt_main(). */
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			fz_seed = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--writes") && i + 1 < argc)
			fz_writes = strtoul(argv[++i], NULL, 0);
		else
			rest[n++] = argv[i];
	}
	fz_guard = mmap(NULL, 2 * FZ_PAGE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (fz_guard == MAP_FAILED || mprotect(fz_guard + FZ_PAGE, FZ_PAGE, PROT_NONE)) {
		perror("kapi_fuzz: mmap");
		return 1;
	}
	fz_state = fz_seed;
	fz_loaded_mode = kapi_mode();
	if (fz_loaded_mode == KAPI_MODE_UNKNOWN)
		fz_loaded_mode = KAPI_MODE_AUDIT;
	return kt_main(n, rest, cases, KAPI_ARRAY_SIZE(cases));
}

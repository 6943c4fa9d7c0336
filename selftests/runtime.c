// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_runtime: the control files of /sys/kernel/debug/kapi/runtime/. The
 * mode file reports the module parameter and switches modes at run time
 * (the same violating call behaves as off, audit and enforce demand); the
 * hooks file lists every syscall spec as hooked; stats has the documented
 * lines and resets; the violation ring records every field, clears, and
 * keeps the newest records with a count of those dropped on overflow; the
 * filter reads back what was written; every file refuses malformed writes
 * with EINVAL and stays as it was. Prints KTAP; run as root in the VM by
 * scripts/guest/runtime.sh after loading kapi.ko in each mode; cases that need
 * a mode switch to it and switch back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kapi_test.h"

/* A filter that admits no process: the program's own calls stay uncounted. */
#define QUIET "comm=kapi_nobody"

/* The hooked syscall specs (kapi_syscalls.h). */
static const char *const specs[] = {
#define KAPI_SYSCALL(call, nr) "sys_" #call,
#include "kapi_syscalls.h"
#undef KAPI_SYSCALL
};

/* The constrained parameters of the specs in module/specs/ and their rules. */
static const char *const param_lines[] = {
	"sys_read param=fd rule=fd violations",
	"sys_read param=buf rule=buffer violations",
	"sys_write param=fd rule=fd violations",
	"sys_write param=buf rule=buffer violations",
	"sys_close param=fd rule=fd violations",
	"sys_open param=filename rule=user_path violations",
	"sys_open param=flags rule=open_flags violations",
	"sys_openat param=dfd rule=fd violations",
	"sys_openat param=filename rule=user_path violations",
	"sys_openat param=flags rule=open_flags violations",
	/* module/specs/fd.c */
	"sys_dup param=fildes rule=fd violations",
	"sys_dup2 param=oldfd rule=fd violations",
	"sys_dup2 param=newfd rule=range violations",
	"sys_dup3 param=oldfd rule=fd violations",
	"sys_dup3 param=newfd rule=range violations",
	"sys_dup3 param=flags rule=mask violations",
	"sys_close_range param=flags rule=mask violations",
	/* module/specs/creat.c */
	"sys_creat param=pathname rule=user_path violations",
	"sys_lseek param=fd rule=fd violations",
	"sys_lseek param=whence rule=enum violations",
	"sys_pread64 param=fd rule=fd violations",
	"sys_pread64 param=buf rule=buffer violations",
	"sys_pread64 param=pos rule=range violations",
	"sys_pwrite64 param=fd rule=fd violations",
	"sys_pwrite64 param=buf rule=buffer violations",
	"sys_pwrite64 param=pos rule=range violations",
	/* module/specs/vec.c */
	"sys_readv param=fd rule=fd violations",
	"sys_readv param=vec rule=none violations",
	"sys_readv param=vlen rule=range violations",
	"sys_writev param=fd rule=fd violations",
	"sys_writev param=vec rule=none violations",
	"sys_writev param=vlen rule=range violations",
	"sys_preadv param=fd rule=fd violations",
	"sys_preadv param=vec rule=none violations",
	"sys_preadv param=vlen rule=range violations",
	"sys_preadv param=pos_l rule=range violations",
	"sys_pwritev param=fd rule=fd violations",
	"sys_pwritev param=vec rule=none violations",
	"sys_pwritev param=vlen rule=range violations",
	"sys_pwritev param=pos_l rule=range violations",
	"sys_preadv2 param=fd rule=fd violations",
	"sys_preadv2 param=vec rule=none violations",
	"sys_preadv2 param=vlen rule=range violations",
	"sys_preadv2 param=flags rule=mask violations",
	"sys_pwritev2 param=fd rule=fd violations",
	"sys_pwritev2 param=vec rule=none violations",
	"sys_pwritev2 param=vlen rule=range violations",
	"sys_pwritev2 param=flags rule=mask violations",
	/* module/specs/openat2.c */
	"sys_openat2 param=dfd rule=fd violations",
	"sys_openat2 param=filename rule=user_path violations",
	"sys_openat2 param=how rule=buffer violations",
	"sys_openat2 param=size rule=range violations",
};

/*
 * Parameters without a checked constraint: no line of their own. (The
 * vectored calls' vec has a line for its struct rule, an iovec array,
 * with the rule of its own constraint, none.)
 */
static const char *const unchecked_params[] = {
	"sys_read param=count", "sys_write param=count", "sys_open param=mode",
	"sys_openat param=mode",
	"sys_close_range param=fd ", "sys_close_range param=max_fd", "sys_creat param=mode",
	"sys_lseek param=offset", "sys_pread64 param=count", "sys_pwrite64 param=count",
	"sys_preadv param=pos_h", "sys_pwritev param=pos_h",
	"sys_preadv2 param=pos_l", "sys_preadv2 param=pos_h",
	"sys_pwritev2 param=pos_l", "sys_pwritev2 param=pos_h",
};

static struct kapi_run run;
static struct kapi_stats stats;
static struct kapi_ring ring;
static int saved_mode = KAPI_MODE_UNKNOWN;

/* Switch to @mode for the rest of the case; restore_mode() switches back. */
static bool use_mode(int mode)
{
	int err;

	if (saved_mode == KAPI_MODE_UNKNOWN)
		saved_mode = kapi_mode();
	err = kapi_set_mode(mode);
	return kt_check(!err, "cannot switch to %s: %s", kapi_mode_name(mode),
			strerror(-err));
}

static void restore_mode(void)
{
	if (saved_mode != KAPI_MODE_UNKNOWN)
		kapi_set_mode(saved_mode);
	saved_mode = KAPI_MODE_UNKNOWN;
}

/* /dev/null open for writing only, opened by the parent. */
static int null_w = -1;

/* --------------------------------------------------------------- mode */

static void t_mode_parameter(void)
{
	int mode = kapi_mode();

	if (kt_loaded_mode == KAPI_MODE_UNKNOWN) {
		kt_skip("the loaded mode was not given (--mode)");
		return;
	}
	kt_check(mode == kt_loaded_mode, "mode is %s, kapi.ko was loaded with mode=%s",
		 kapi_mode_name(mode), kapi_mode_name(kt_loaded_mode));
}

static void t_mode_switch(void)
{
	static const char *const words[] = {
		"off\n", "audit\n", "enforce\n", "off", "enforce", "audit",
	};
	char buf[32], want[32];
	size_t i;

	saved_mode = kapi_mode();
	for (i = 0; i < KAPI_ARRAY_SIZE(words); i++) {
		int len = (int)strcspn(words[i], "\n"), err;

		err = kapi_write("mode", words[i]);
		if (!kt_check(!err, "writing '%.*s' to mode: %s", len, words[i],
			      strerror(-err)))
			continue;
		snprintf(want, sizeof(want), "%.*s\n", len, words[i]);
		kt_check(kapi_read("mode", buf, sizeof(buf)) > 0 && !strcmp(buf, want),
			 "mode reads '%s' after writing '%.*s'", buf, len, words[i]);
	}
	restore_mode();
}

static void t_mode_strict(void)
{
	static const char *const bad[] = {
		"bogus", "AUDIT", "audit enforce", "enforced", "1", "aud", "off\nx",
		" audit", "audit ", "audit\n\n", "audit\r\n",
	};
	int before = kapi_mode();
	size_t i;

	for (i = 0; i < KAPI_ARRAY_SIZE(bad); i++) {
		int err = kapi_write("mode", bad[i]);

		kt_check(err == -EINVAL, "writing '%s' to mode gave %s, expected EINVAL",
			 bad[i], err ? kapi_errno_name(-err) : "success");
		kt_check(kapi_mode() == before, "mode changed to %s after writing '%s'",
			 kapi_mode_name(kapi_mode()), bad[i]);
		if (kapi_mode() != before)
			kapi_set_mode(before);
	}
}

static void s_violations(struct kapi_outcome *o, void *arg)
{
	kapi_call3(o, SYS_read, null_w, KAPI_KERNEL_ADDR, 1);
	kapi_call1(o, SYS_close, KAPI_FD_NEVER_OPEN);
}

static const struct kapi_expect e_violations[] = {
	/* fd and buf are broken; the kernel's EBADF comes first, in every mode. */
	KAPI_BAD2(KAPI_READ, -EBADF, "fd", "fd", EBADF, "fd_mode[r]", "fd_mode[w]",
		  "buf", "buffer", EFAULT, EBADF),
	KAPI_BAD(KAPI_CLOSE, -EBADF, "fd", "fd", EBADF),
};

static void t_modes_at_runtime(void)
{
	static const int order[] = { KAPI_MODE_AUDIT, KAPI_MODE_ENFORCE, KAPI_MODE_OFF,
				     KAPI_MODE_AUDIT };
	size_t i;

	for (i = 0; i < KAPI_ARRAY_SIZE(order) && !kt_failed(); i++) {
		if (!use_mode(order[i]))
			break;
		if (kapi_run_subject(&run, NULL, s_violations, NULL) &&
		    !kapi_expect_run(&run, e_violations, KAPI_ARRAY_SIZE(e_violations),
				     order[i]))
			kt_diag("in %s mode", kapi_mode_name(order[i]));
	}
	restore_mode();
}

#define THREADS 4
#define PER_THREAD 2000

static void *close_never_open(void *arg)
{
	long *wrong = arg;
	int i;

	for (i = 0; i < PER_THREAD; i++)
		if (syscall(SYS_close, KAPI_FD_NEVER_OPEN) != -1 || errno != EBADF)
			__atomic_add_fetch(wrong, 1, __ATOMIC_RELAXED);
	return NULL;
}

static void s_threads(struct kapi_outcome *o, void *arg)
{
	pthread_t t[THREADS];
	int i, n = 0;

	for (i = 0; i < THREADS; i++)
		n += !pthread_create(&t[i], NULL, close_never_open, &o->note[0]);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	o->note[1] = n;
}

static void t_counters_concurrent(void)
{
	static struct kapi_stats delta;
	struct kapi_subject opt = { .filter = "tgid=%d" };
	int mode = kapi_mode();
	long long n = THREADS * PER_THREAD;

	if (!kapi_run_subject(&run, &opt, s_threads, NULL))
		return;
	kt_check(run.out.note[1] == THREADS && run.out.note[0] == 0,
		 "%ld threads ran, %ld calls did not fail with EBADF", run.out.note[1],
		 run.out.note[0]);
	/* Every call counted once, whichever CPU it ran on; nothing else. */
	delta.n = 0;
	if (mode != KAPI_MODE_OFF) {
		kapi_stats_add(&delta, "sys_close calls", n);
		kapi_stats_add(&delta, "sys_close violations", n);
		kapi_stats_add(&delta, "sys_close param=fd rule=fd violations", n);
	}
	if (mode == KAPI_MODE_ENFORCE)
		kapi_stats_add(&delta, "sys_close enforced", n);
	/* In audit mode every call runs, and fails. */
	if (mode == KAPI_MODE_AUDIT)
		kapi_stats_add(&delta, "sys_close errno=EBADF failed", n);
	kapi_stats_expect_delta(&run.before, &run.after, &delta);
}

/* -------------------------------------------------------------- hooks */

static void t_hooks(void)
{
	char buf[4096], want[128];
	size_t i, lines = 0;
	ssize_t len = kapi_read("hooks", buf, sizeof(buf));
	char *p;

	if (!kt_check(len >= 0, "reading hooks: %s", strerror(-len)))
		return;
	for (p = buf; *p; p++)
		lines += *p == '\n';
	for (i = 0; i < KAPI_ARRAY_SIZE(specs); i++) {
		snprintf(want, sizeof(want), "%s __x64_%s hooked\n", specs[i], specs[i]);
		kt_check(strstr(buf, want), "hooks has no line '%.*s'",
			 (int)strlen(want) - 1, want);
	}
	kt_check(lines == KAPI_ARRAY_SIZE(specs), "hooks has %zu lines, expected %zu:\n%s",
		 lines, KAPI_ARRAY_SIZE(specs), buf);
}

/* -------------------------------------------------------------- stats */

static bool kapi_ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && !strcmp(s + n - t, tail);
}

static void t_stats_format(void)
{
	static const char *const counters[] = {
		"calls", "violations", "return_violations", "undocumented",
		"divergences", "enforced",
	};
	size_t i, j, errno_lines = 0;
	char key[128];

	if (kapi_stats_read(&stats))
		return;
	for (i = 0; i < KAPI_ARRAY_SIZE(specs); i++)
		for (j = 0; j < KAPI_ARRAY_SIZE(counters); j++) {
			snprintf(key, sizeof(key), "%s %s", specs[i], counters[j]);
			kt_check(kapi_stats_get(&stats, key) >= 0, "stats has no '%s'", key);
		}
	for (i = 0; i < KAPI_ARRAY_SIZE(param_lines); i++)
		kt_check(kapi_stats_get(&stats, param_lines[i]) >= 0,
			 "stats has no '%s'", param_lines[i]);
	for (i = 0; i < stats.n; i++) {
		for (j = 0; j < KAPI_ARRAY_SIZE(unchecked_params); j++)
			kt_check(strncmp(stats.c[i].key, unchecked_params[j],
					 strlen(unchecked_params[j])),
				 "stats has a line for an unchecked parameter: '%s'",
				 stats.c[i].key);
		if (!strstr(stats.c[i].key, " errno="))
			continue;
		/* An errno line counts failed calls, some undocumented. */
		if (kapi_ends_with(stats.c[i].key, " failed")) {
			kt_check(stats.c[i].value > 0, "stats lists a zero errno line '%s'",
				 stats.c[i].key);
		} else {
			size_t len = strlen(stats.c[i].key) - strlen("undocumented");

			kt_check(kapi_ends_with(stats.c[i].key, " undocumented"),
				 "stats has an errno counter '%s'", stats.c[i].key);
			snprintf(key, sizeof(key), "%.*sfailed", (int)len, stats.c[i].key);
			kt_check(stats.c[i].value <= kapi_stats_get(&stats, key),
				 "stats '%s' is more than '%s'", stats.c[i].key, key);
		}
	}
	for (i = 0; i < stats.n; i++)
		errno_lines += !!strstr(stats.c[i].key, " errno=");
	kt_check(stats.n == KAPI_ARRAY_SIZE(specs) * KAPI_ARRAY_SIZE(counters) +
		 KAPI_ARRAY_SIZE(param_lines) + errno_lines,
		 "stats has %zu counters, expected %zu", stats.n,
		 KAPI_ARRAY_SIZE(specs) * KAPI_ARRAY_SIZE(counters) +
		 KAPI_ARRAY_SIZE(param_lines) + errno_lines);
}

static void s_reset_fodder(struct kapi_outcome *o, void *arg)
{
	char buf[64];

	kapi_call1(o, SYS_close, KAPI_FD_NEVER_OPEN);
	kapi_call3(o, SYS_read, (long)arg, buf, sizeof(buf));
}

static void t_stats_reset(void)
{
	int gone = kapi_fuse_error_fd(KAPI_UNDOC_ERR);
	/* Without FUSE there is no undocumented errno line to reset. */
	bool no_fuse = gone < 0 && errno == ENODEV;
	size_t i, nonzero = 0;
	int err;

	if (!kt_check(gone >= 0 || no_fuse, "cannot make a FUSE file that fails reads: %m") ||
	    !use_mode(KAPI_MODE_AUDIT))
		goto out;
	/* A violation and an undocumented errno to reset. */
	if (!kapi_run_subject(&run, NULL, s_reset_fodder, (void *)(long)gone))
		goto out;
	for (i = 0; i < run.after.n; i++)
		nonzero += run.after.c[i].value != 0;
	if (no_fuse)
		kt_diag("no FUSE in this kernel: no undocumented errno to reset");
	else
		kt_check(kapi_stats_get(&run.after, "sys_read errno=EXFULL undocumented") > 0,
			 "no errno=EXFULL line before the reset");
	if (!kapi_filter_set(QUIET))
		goto out;
	err = kapi_write("stats", "reset\n");
	if (!kt_check(!err, "writing reset to stats: %s", strerror(-err)))
		goto out;
	if (kapi_stats_read(&stats))
		goto out;
	kt_check(nonzero > 0, "nothing was counted before the reset");
	for (i = 0; i < stats.n; i++)
		kt_check(stats.c[i].value == 0, "'%s' is %lld after reset",
			 stats.c[i].key, stats.c[i].value);
	for (i = 0; i < KAPI_ARRAY_SIZE(param_lines); i++)
		kt_check(kapi_stats_get(&stats, param_lines[i]) == 0,
			 "'%s' is missing after reset", param_lines[i]);
out:
	if (gone >= 0)
		close(gone);
	restore_mode();
}

/* Write @bad words to @file and check each fails with EINVAL. */
static void refuse_all(const char *file, const char *const *bad, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int err = kapi_write(file, bad[i]);

		kt_check(err == -EINVAL, "writing '%s' to %s gave %s, expected EINVAL",
			 bad[i], file, err ? kapi_errno_name(-err) : "success");
	}
}

static void t_stats_strict(void)
{
	static const char *const bad[] = {
		"clear", "Reset", "reset now", "resets", "0", " reset", "reset\n\n",
	};
	static char before[65536], after[65536];

	if (!use_mode(KAPI_MODE_AUDIT) || !kapi_filter_set(QUIET))
		goto out;
	if (!kt_check(kapi_read("stats", before, sizeof(before)) >= 0, "reading stats"))
		goto out;
	refuse_all("stats", bad, KAPI_ARRAY_SIZE(bad));
	if (!kt_check(kapi_read("stats", after, sizeof(after)) >= 0, "reading stats"))
		goto out;
	kt_check(!strcmp(before, after), "stats changed after refused writes");
out:
	restore_mode();
}

/* --------------------------------------------------------- violations */

static void s_three(struct kapi_outcome *o, void *arg)
{
	kapi_call1(o, SYS_close, KAPI_FD_NEVER_OPEN);
	kapi_call3(o, SYS_write, KAPI_FD_MINUS_1, "x", 1);
	kapi_call3(o, SYS_open, NULL, 0, 0);
}

static void t_records(void)
{
	static const struct kapi_expect e[] = {
		KAPI_BAD(KAPI_CLOSE, -EBADF, "fd", "fd", EBADF),
		KAPI_BAD(KAPI_WRITE, -EBADF, "fd", "fd", EBADF),
		KAPI_BAD(KAPI_OPEN, -EFAULT, "filename", "user_path", EFAULT),
	};
	const struct kapi_record *r;
	size_t n, i;

	if (!use_mode(KAPI_MODE_AUDIT))
		goto out;
	if (!kapi_run_subject(&run, NULL, s_three, NULL) ||
	    !kapi_expect_run(&run, e, KAPI_ARRAY_SIZE(e), KAPI_MODE_AUDIT))
		goto out;
	n = kapi_run_records(&run, &r);
	for (i = 0; i < n; i++) {
		kt_check(r[i].ts > 0, "record %lld has ts=0", r[i].seq);
		if (i || run.mark >= 0)
			kt_check(r[i].seq == (i ? r[i - 1].seq : run.mark) + 1,
				 "record %lld does not follow %lld", r[i].seq,
				 i ? r[i - 1].seq : run.mark);
		if (i)
			kt_check(r[i].ts >= r[i - 1].ts, "record %lld is older than %lld",
				 r[i].seq, r[i - 1].seq);
	}
	kt_check(run.ring->capacity == KAPI_RING_CAPACITY, "capacity=%ld, expected %d",
		 run.ring->capacity, KAPI_RING_CAPACITY);
out:
	restore_mode();
}

/*
 * A path in a page of the subject's that is not in its page table yet: the
 * hooks read strings with page faults disabled first (Documentation/
 * runtime.rst, "The hook"), fail, and read the path again where faults are
 * served. The call is neither reported nor refused, and the resident
 * counts a call made again.
 */
static void s_paged_out(struct kapi_outcome *o, void *arg)
{
	kapi_call4(o, SYS_openat, AT_FDCWD, arg, O_RDONLY, 0);
}

/* The resident's count of calls made again, or -1. */
static long long tramp_again(void)
{
	FILE *f = fopen("/sys/kernel/debug/kapi_tramp/stats", "r");
	long long n = -1;

	if (f) {
		if (fscanf(f, "skipped=%*u again=%lld", &n) != 1)
			n = -1;
		fclose(f);
	}
	return n;
}

static void t_paged_out(void)
{
	static const struct kapi_expect e[] = { KAPI_OK(KAPI_OPENAT, KAPI_ANY_FD) };
	static const char file[] = "/tmp/kapi_paged_out";
	static const char path[] = "/dev/null";
	static const int modes[] = { KAPI_MODE_AUDIT, KAPI_MODE_ENFORCE };
	long long before, after;
	size_t i;
	void *map;
	int fd;

	for (i = 0; i < KAPI_ARRAY_SIZE(modes); i++) {
		fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0600);
		if (!kt_check(fd >= 0 && write(fd, path, sizeof(path)) == sizeof(path),
			      "cannot write %s: %s", file, strerror(errno)))
			break;
		/* Mapped before the subject forks, touched by nobody. */
		map = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
		close(fd);
		if (!kt_check(map != MAP_FAILED, "mmap: %s", strerror(errno)))
			break;
		before = tramp_again();
		if (kt_check(before >= 0, "no again= in kapi_tramp/stats") &&
		    use_mode(modes[i]) &&
		    kapi_run_subject(&run, NULL, s_paged_out, map) &&
		    kapi_expect_run(&run, e, KAPI_ARRAY_SIZE(e), modes[i])) {
			after = tramp_again();
			kt_check(after > before,
				 "%s: the path was not read again (again=%lld, %lld before)",
				 kapi_mode_name(modes[i]), after, before);
		}
		munmap(map, 4096);
	}
	unlink(file);
	restore_mode();
}

/*
 * openat() relative to a directory descriptor, open for reading and
 * O_PATH, opened before the subject forks: valid, so neither reported nor
 * refused (the descriptor rule reads whether the descriptor is a
 * directory).
 */
static void s_relative(struct kapi_outcome *o, void *arg)
{
	const int *dfd = arg;

	kapi_call4(o, SYS_openat, dfd[0], "kapi_relative", O_RDONLY, 0);
	kapi_call4(o, SYS_openat, dfd[1], "kapi_relative", O_RDONLY, 0);
}

static void t_relative(void)
{
	static const struct kapi_expect e[] = {
		KAPI_OK(KAPI_OPENAT, KAPI_ANY_FD),
		KAPI_OK(KAPI_OPENAT, KAPI_ANY_FD),
	};
	static const int modes[] = { KAPI_MODE_AUDIT, KAPI_MODE_ENFORCE };
	int dfd[2] = { -1, -1 }, fd;
	size_t i;

	fd = open("/tmp/kapi_relative", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dfd[0] = open("/tmp", O_RDONLY | O_DIRECTORY);
	dfd[1] = open("/tmp", O_PATH | O_DIRECTORY);
	if (kt_check(fd >= 0 && dfd[0] >= 0 && dfd[1] >= 0,
		     "cannot open /tmp or /tmp/kapi_relative: %s", strerror(errno)))
		for (i = 0; i < KAPI_ARRAY_SIZE(modes); i++)
			if (!use_mode(modes[i]) ||
			    !kapi_run_subject(&run, NULL, s_relative, dfd) ||
			    !kapi_expect_run(&run, e, KAPI_ARRAY_SIZE(e), modes[i]))
				break;
	if (fd >= 0)
		close(fd);
	for (i = 0; i < 2; i++)
		if (dfd[i] >= 0)
			close(dfd[i]);
	unlink("/tmp/kapi_relative");
	restore_mode();
}

static void t_ring_clear(void)
{
	int err;

	if (!use_mode(KAPI_MODE_AUDIT))
		goto out;
	if (!kapi_run_subject(&run, NULL, s_three, NULL))
		goto out;
	kt_check(run.ring->n >= 3, "the ring has %zu records, expected at least 3",
		 run.ring->n);
	err = kapi_write("violations", "clear\n");
	if (!kt_check(!err, "writing clear to violations: %s", strerror(-err)))
		goto out;
	if (kapi_ring_read(&ring))
		goto out;
	kt_check(ring.records == 0 && ring.n == 0,
		 "after clear: records=%ld and %zu lines", ring.records, ring.n);
out:
	restore_mode();
}

#define FLOOD (KAPI_RING_CAPACITY + 44)

static void s_flood(struct kapi_outcome *o, void *arg)
{
	long i;

	for (i = 0; i < FLOOD; i++)
		if (syscall(SYS_close, KAPI_FD_NEVER_OPEN) == -1 && errno == EBADF)
			o->note[0]++;
}

static void t_ring_overflow(void)
{
	const struct kapi_record *r;
	long dropped0;
	size_t n, i;
	int err;

	if (!use_mode(KAPI_MODE_AUDIT) || !kapi_filter_set(QUIET))
		goto out;
	err = kapi_write("violations", "clear");
	if (!kt_check(!err, "writing clear to violations: %s", strerror(-err)) ||
	    kapi_ring_read(&ring))
		goto out;
	dropped0 = ring.dropped;
	if (!kapi_run_subject(&run, NULL, s_flood, NULL))
		goto out;
	kt_check(run.out.note[0] == FLOOD, "%ld of %d calls failed with EBADF",
		 run.out.note[0], FLOOD);
	kt_check(kapi_stats_get(&run.after, "sys_close calls") -
		 kapi_stats_get(&run.before, "sys_close calls") == FLOOD,
		 "sys_close calls grew by %lld, expected %d",
		 kapi_stats_get(&run.after, "sys_close calls") -
		 kapi_stats_get(&run.before, "sys_close calls"), FLOOD);
	kt_check(kapi_stats_get(&run.after, "sys_close param=fd rule=fd violations") -
		 kapi_stats_get(&run.before, "sys_close param=fd rule=fd violations") ==
		 FLOOD, "the fd rule violations did not grow by %d", FLOOD);
	kt_check(run.ring->records == KAPI_RING_CAPACITY && run.ring->n == KAPI_RING_CAPACITY,
		 "records=%ld (%zu lines), expected %d", run.ring->records, run.ring->n,
		 KAPI_RING_CAPACITY);
	kt_check(run.ring->dropped == dropped0 + FLOOD - KAPI_RING_CAPACITY,
		 "dropped=%ld, expected %ld", run.ring->dropped,
		 dropped0 + FLOOD - KAPI_RING_CAPACITY);
	n = kapi_run_records(&run, &r);
	kt_check(n == KAPI_RING_CAPACITY, "%zu records of the subject, expected %d", n,
		 KAPI_RING_CAPACITY);
	for (i = 0; i < n && !kt_failed(); i++) {
		kt_check(r[i].pid == run.pid && !strcmp(r[i].rule, "param:fd:fd") &&
			 !strcmp(r[i].syscall, KAPI_CLOSE),
			 "record %lld is not the subject's close: pid=%ld rule=%s", r[i].seq,
			 r[i].pid, r[i].rule);
		if (i)
			kt_check(r[i].seq == r[i - 1].seq + 1, "record %lld follows %lld",
				 r[i].seq, r[i - 1].seq);
	}
	/* The oldest 44 went: the ring holds the newest ones. */
	if (n == KAPI_RING_CAPACITY && run.mark >= 0)
		kt_check(r[0].seq == run.mark + 1 + FLOOD - KAPI_RING_CAPACITY,
			 "the oldest record is %lld, expected %lld", r[0].seq,
			 run.mark + 1 + FLOOD - KAPI_RING_CAPACITY);
out:
	restore_mode();
}

static void t_ring_strict(void)
{
	static const char *const bad[] = {
		"reset", "Clear", "clear all", "clears", "0", "clear ", "clear\n\n",
	};
	long long last;
	long records;

	if (!use_mode(KAPI_MODE_AUDIT))
		goto out;
	if (!kapi_run_subject(&run, NULL, s_three, NULL) || !kapi_filter_set(QUIET))
		goto out;
	last = kapi_ring_last_seq(run.ring);
	records = run.ring->records;
	refuse_all("violations", bad, KAPI_ARRAY_SIZE(bad));
	if (kapi_ring_read(&ring))
		goto out;
	kt_check(ring.records == records && kapi_ring_last_seq(&ring) == last,
		 "the ring changed: records %ld -> %ld, last %lld -> %lld", records,
		 ring.records, last, kapi_ring_last_seq(&ring));
out:
	restore_mode();
}

/* ------------------------------------------------------------- filter */

static void t_filter_readback(void)
{
	static const struct {
		const char *write, *read;
	} t[] = {
		{ "pid=5 tgid=6 uid=7 comm=foo", "pid=5 tgid=6 uid=7 comm=foo\n" },
		{ "comm=bar\n", "pid=- tgid=- uid=- comm=bar\n" },
		{ "uid=0 pid=12", "pid=12 tgid=- uid=0 comm=-\n" },
		{ "clear", "pid=- tgid=- uid=- comm=-\n" },
		{ "tgid=1", "pid=- tgid=1 uid=- comm=-\n" },
		{ "comm=fifteen_chars__", "pid=- tgid=- uid=- comm=fifteen_chars__\n" },
		{ "clear\n", "pid=- tgid=- uid=- comm=-\n" },
	};
	char buf[256];
	size_t i;

	for (i = 0; i < KAPI_ARRAY_SIZE(t); i++) {
		int err = kapi_write("filter", t[i].write);
		ssize_t len;

		if (!kt_check(!err, "writing '%s' to filter: %s", t[i].write, strerror(-err)))
			continue;
		len = kapi_read("filter", buf, sizeof(buf));
		kt_check(len > 0 && !strcmp(buf, t[i].read),
			 "filter reads '%s' after '%s', expected '%s'", len > 0 ? buf : "",
			 t[i].write, t[i].read);
	}
	kapi_filter_set(QUIET);
}

static void t_filter_strict(void)
{
	static const char *const bad[] = {
		"pid=abc", "pid=", "bogus=1", "pid", "uid=12x", "pid=1 =2",
		"pid=0", "pid=-1", "pid=1 pid=2", "pid=1  comm=x", "comm=",
		"comm=sixteen_chars___", "comm=a b", "uid=4294967295", "clear pid=1",
		"pid=0x10",
	};
	char before[256], after[256];

	if (!kapi_filter_set("pid=77 comm=kapi_keep"))
		return;
	if (!kt_check(kapi_read("filter", before, sizeof(before)) > 0, "reading filter"))
		return;
	refuse_all("filter", bad, KAPI_ARRAY_SIZE(bad));
	if (kt_check(kapi_read("filter", after, sizeof(after)) > 0, "reading filter"))
		kt_check(!strcmp(before, after), "filter changed from '%s' to '%s'",
			 before, after);
	kapi_filter_set(QUIET);
}

/* ------------------------------------------------------------ objects */

/*
 * Failing calls on several kinds of object. Only an error the spec does
 * not document for the object makes a record; each record of a failed call
 * names its object, and must name the right one.
 */
enum { OBJ_TCP, OBJ_UNIX, OBJ_FUSE_READ, OBJ_FUSE_WRITE, OBJ_PIPE, OBJ_TIMERFD,
       OBJ_DIR, OBJ_PROC, OBJ_OPENAT, OBJ_COUNT };

static const struct {
	const char *syscall;
	int err;		/* what the call fails with */
	const char *object;	/* what a record of it must name */
	bool undocumented;	/* fs.c does not list the error at all */
} obj_calls[OBJ_COUNT] = {
	[OBJ_TCP] = { KAPI_READ, ECONNREFUSED, "sock:tcp" },
	[OBJ_UNIX] = { KAPI_WRITE, ECONNREFUSED, "sock:unix-dgram" },
	[OBJ_FUSE_READ] = { KAPI_READ, KAPI_UNDOC_ERR, "reg:fuse", true },
	[OBJ_FUSE_WRITE] = { KAPI_WRITE, KAPI_UNDOC_ERR, "reg:fuse", true },
	[OBJ_PIPE] = { KAPI_WRITE, EPIPE, "fifo:pipefs" },
	[OBJ_TIMERFD] = { KAPI_READ, EINVAL, "anon:timerfd" },
	[OBJ_DIR] = { KAPI_READ, EISDIR, "dir:proc" },
	[OBJ_PROC] = { KAPI_READ, ESRCH, "reg:proc" },
	[OBJ_OPENAT] = { KAPI_OPENAT, ENOENT, "dir:proc" },
};

/* Bring the loopback interface up (root); false without IPv4. */
static bool loopback_up(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	bool up = false;

	if (fd < 0)
		return false;
	if (!ioctl(fd, SIOCGIFFLAGS, &ifr)) {
		up = ifr.ifr_flags & IFF_UP;
		if (!up) {
			ifr.ifr_flags |= IFF_UP;
			up = !ioctl(fd, SIOCSIFFLAGS, &ifr);
		}
	}
	close(fd);
	return up;
}

/* A TCP socket whose connection was refused; its next read() says so. */
static int refused_tcp_fd(void)
{
	struct sockaddr_in to = {
		.sin_family = AF_INET,
		.sin_port = htons(9),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct pollfd p = { .events = POLLOUT };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	if (!connect(fd, (struct sockaddr *)&to, sizeof(to)) || errno != EINPROGRESS)
		goto fail;
	p.fd = fd;
	if (poll(&p, 1, 5000) != 1 || !(p.revents & (POLLERR | POLLHUP)))
		goto fail;
	return fd;
fail:
	close(fd);
	return -1;
}

/* A UNIX datagram socket connected to a peer that is gone. */
static int orphan_unix_fd(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	socklen_t len;
	int srv, fd;

	/* An abstract name: nothing in the file system. */
	len = offsetof(struct sockaddr_un, sun_path) + 1 +
	      snprintf(a.sun_path + 1, sizeof(a.sun_path) - 1, "kapi-obj-%d", getpid());
	srv = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (srv < 0 || fd < 0 || bind(srv, (struct sockaddr *)&a, len) ||
	    connect(fd, (struct sockaddr *)&a, len)) {
		close(srv);
		close(fd);
		return -1;
	}
	close(srv);
	return fd;
}

/* /proc/PID/stat of a process that has exited and been reaped. */
static int reaped_proc_fd(void)
{
	char path[64];
	pid_t pid;
	int fd;

	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return fd;
}

struct obj_fds {
	int fd[OBJ_COUNT];
};

static void s_objects(struct kapi_outcome *o, void *arg)
{
	struct obj_fds *f = arg;
	char buf[64];
	int i;

	for (i = 0; i < OBJ_COUNT; i++) {
		if (f->fd[i] < 0) {
			o->note[0]++;
			continue;
		}
		switch (i) {
		case OBJ_UNIX:
		case OBJ_FUSE_WRITE:
		case OBJ_PIPE:
			kapi_call3(o, SYS_write, f->fd[i], "x", 1);
			break;
		case OBJ_TIMERFD:
			/* Shorter than the 8-byte expiry count. */
			kapi_call3(o, SYS_read, f->fd[i], buf, 4);
			break;
		case OBJ_OPENAT:
			kapi_call3(o, SYS_openat, f->fd[i], "kapi-missing", O_RDONLY);
			break;
		default:
			kapi_call3(o, SYS_read, f->fd[i], buf, sizeof(buf));
			break;
		}
	}
}

/* How much a counter of the objects run moved (absent: 0). */
static long long obj_delta(const char *key)
{
	long long before = kapi_stats_get(&run.before, key);
	long long after = kapi_stats_get(&run.after, key);

	return (after > 0 ? after : 0) - (before > 0 ? before : 0);
}

static void t_objects(void)
{
	struct obj_fds f;
	char key[160], args[32];
	size_t i, j;
	int k, made = 0;
	bool lo_up, no_fuse;

	signal(SIGPIPE, SIG_IGN);
	lo_up = loopback_up();
	f.fd[OBJ_TCP] = lo_up ? refused_tcp_fd() : -1;
	f.fd[OBJ_UNIX] = orphan_unix_fd();
	/* EXFULL from a FUSE server: an error fs.c lists for no object. */
	f.fd[OBJ_FUSE_READ] = kapi_fuse_error_fd(KAPI_UNDOC_ERR);
	no_fuse = f.fd[OBJ_FUSE_READ] < 0 && errno == ENODEV;
	f.fd[OBJ_FUSE_WRITE] = f.fd[OBJ_FUSE_READ] >= 0 ? dup(f.fd[OBJ_FUSE_READ]) : -1;
	{
		int p[2];

		f.fd[OBJ_PIPE] = -1;
		if (!pipe2(p, O_CLOEXEC)) {
			close(p[0]);
			f.fd[OBJ_PIPE] = p[1];
		}
	}
	f.fd[OBJ_TIMERFD] = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	f.fd[OBJ_DIR] = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	f.fd[OBJ_PROC] = reaped_proc_fd();
	f.fd[OBJ_OPENAT] = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (k = 0; k < OBJ_COUNT; k++)
		kt_check(f.fd[k] >= 0 || (k == OBJ_TCP && !lo_up) ||
			 ((k == OBJ_FUSE_READ || k == OBJ_FUSE_WRITE) && no_fuse),
			 "cannot set up the object for %s %s", obj_calls[k].syscall,
			 kapi_errno_name(obj_calls[k].err));
	if (no_fuse)
		kt_diag("no FUSE in this kernel: no undocumented error to record");
	if (!use_mode(KAPI_MODE_AUDIT) ||
	    !kapi_run_subject(&run, NULL, s_objects, &f))
		goto out;

	for (k = 0, i = 0; k < OBJ_COUNT; k++) {
		if (f.fd[k] < 0)
			continue;
		kt_check(run.out.call[i].ret == -obj_calls[k].err,
			 "%s on %s returned %ld, expected -%s", obj_calls[k].syscall,
			 obj_calls[k].object, run.out.call[i].ret,
			 kapi_errno_name(obj_calls[k].err));
		i++;
	}
	/* Every record of these calls names the object of its call. */
	for (j = 0; j < run.ring->n; j++) {
		const struct kapi_record *r = &run.ring->r[j];

		if (r->seq <= run.mark || strcmp(r->rule, "undocumented"))
			continue;
		for (k = 0; k < OBJ_COUNT; k++) {
			snprintf(args, sizeof(args), "0x%x,", f.fd[k]);
			if (f.fd[k] < 0 || strcmp(r->syscall, obj_calls[k].syscall) ||
			    strncmp(r->args, args, strlen(args)) ||
			    strcmp(r->actual, kapi_errno_name(obj_calls[k].err)))
				continue;
			made |= 1 << k;
			kt_check(!strcmp(r->object, obj_calls[k].object),
				 "the record of %s %s names object=%s, expected %s",
				 r->syscall, r->actual, r->object, obj_calls[k].object);
		}
	}
	/*
	 * Every failed call counts once as failed on its object; errors fs.c
	 * lists for no object make a record, and count as undocumented too.
	 */
	for (k = 0; k < OBJ_COUNT; k++) {
		if (f.fd[k] < 0)
			continue;
		if (obj_calls[k].undocumented)
			kt_check(made & (1 << k), "no undocumented record of %s %s on %s",
				 obj_calls[k].syscall, kapi_errno_name(obj_calls[k].err),
				 obj_calls[k].object);
		snprintf(key, sizeof(key), "%s errno=%s object=%s failed",
			 obj_calls[k].syscall, kapi_errno_name(obj_calls[k].err),
			 obj_calls[k].object);
		kt_check(obj_delta(key) == 1, "stats '%s' did not count the call once", key);
		snprintf(key, sizeof(key), "%s errno=%s object=%s undocumented",
			 obj_calls[k].syscall, kapi_errno_name(obj_calls[k].err),
			 obj_calls[k].object);
		kt_check(obj_delta(key) == (obj_calls[k].undocumented ? 1 : 0),
			 "stats '%s' changed by %lld, expected %d", key, obj_delta(key),
			 obj_calls[k].undocumented ? 1 : 0);
	}
	kt_diag("object records made for %d of %d calls", __builtin_popcount(made),
		OBJ_COUNT);
out:
	for (k = 0; k < OBJ_COUNT; k++)
		if (f.fd[k] >= 0)
			close(f.fd[k]);
	restore_mode();
}

/* ------------------------------------------------------------ access */

static void t_root_only(void)
{
	static const char *const files[] = {
		"mode", "stats", "violations", "filter", "hooks",
	};
	char path[256];
	struct stat st;
	size_t i;

	for (i = 0; i < KAPI_ARRAY_SIZE(files); i++) {
		snprintf(path, sizeof(path), KAPI_RUNTIME "/%s", files[i]);
		if (!kt_check(!stat(path, &st), "%s: %m", path))
			continue;
		kt_check(st.st_uid == 0 && !(st.st_mode & 077),
			 "%s is mode %o, owner %u: not root-only", path,
			 st.st_mode & 07777, st.st_uid);
	}
}

static const struct kt_case cases[] = {
	{ "mode file shows the mode= module parameter", t_mode_parameter },
	{ "hooks lists every syscall spec as hooked", t_hooks },
	{ "runtime files are root-only", t_root_only },
	{ "mode file switches between off, audit and enforce", t_mode_switch },
	{ "mode file refuses other words with EINVAL", t_mode_strict },
	{ "the same violations in audit, enforce, off and audit again", t_modes_at_runtime },
	{ "counters are exact with four threads on two CPUs", t_counters_concurrent },
	{ "stats lists every spec and constrained parameter", t_stats_format },
	{ "stats reset zeroes every counter", t_stats_reset },
	{ "stats refuses writes other than reset", t_stats_strict },
	{ "violation records carry every field in order", t_records },
	{ "a path in a page not yet faulted in is read again, not reported", t_paged_out },
	{ "openat() relative to a directory descriptor is not reported", t_relative },
	{ "violations clear empties the ring", t_ring_clear },
	{ "violation ring keeps the newest records and counts dropped ones", t_ring_overflow },
	{ "violations refuses writes other than clear", t_ring_strict },
	{ "filter reads back what was written", t_filter_readback },
	{ "filter refuses malformed writes with EINVAL", t_filter_strict },
	{ "a failed call's records and stats name its object kind", t_objects },
};

int main(int argc, char **argv)
{
	null_w = open("/dev/null", O_WRONLY);
	return kt_main(argc, argv, cases, KAPI_ARRAY_SIZE(cases));
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The conformance runner: every case of the generated tables (cf_cases) in
 * a child process of its own, in a mount namespace of its own and a fresh
 * directory under /tmp, its fixtures built, its setups applied, the system
 * call made raw (syscall(2)), its result and its checks compared with the
 * spec. Prints KTAP, then the coverage matrix: one diagnostic line per spec
 * and a total, and the same as one JSON object on a line starting with
 * "# kapi-conform-json ". Exit status 0 unless a case failed.
 *
 * Usage: kapi_conform [--case TEXT]   (only the cases whose name contains
 * TEXT; the others are reported as skipped)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ftw.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

#include "conform.h"

volatile int cf_sigpipes, cf_alarms;
const struct cf_case *cf_current;

void cf_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

static __attribute__((noreturn)) void cf_exit(int status, const char *what, const char *fmt,
					      va_list ap)
{
	printf("# %s: ", what);
	vprintf(fmt, ap);
	fputc('\n', stdout);
	fflush(stdout);
	_exit(status);
}

void cf_broken(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cf_exit(CF_BROKEN, "fixture failed", fmt, ap);
}

void cf_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cf_exit(CF_SKIP, "fixture unavailable", fmt, ap);
}

static void on_sigpipe(int sig)
{
	cf_sigpipes++;
}

static const char *errname(int err)
{
	static char buf[32];

	switch (err) {
#define E(x) case x: return #x
	E(EPERM); E(ENOENT); E(ESRCH); E(EINTR); E(EIO); E(ENXIO); E(E2BIG);
	E(EBADF); E(EAGAIN); E(ENOMEM); E(EACCES); E(EFAULT); E(EBUSY);
	E(EEXIST); E(EXDEV); E(ENODEV); E(ENOTDIR); E(EISDIR); E(EINVAL);
	E(ENFILE); E(EMFILE); E(ETXTBSY); E(EFBIG); E(ENOSPC); E(EROFS);
	E(EPIPE); E(ERANGE); E(ENAMETOOLONG); E(ELOOP); E(EOVERFLOW);
	E(EOPNOTSUPP); E(ENOTCONN); E(ECONNRESET); E(ECONNREFUSED);
	E(EDESTADDRREQ); E(EMSGSIZE); E(ETIMEDOUT); E(ECANCELED);
	E(EHOSTUNREACH); E(ENETUNREACH); E(ENOBUFS); E(EDQUOT); E(ESTALE);
#undef E
	}
	snprintf(buf, sizeof(buf), "errno %d", err);
	return buf;
}

static void case_name(const struct cf_case *c, char *buf, size_t size)
{
	if (c->bound)
		snprintf(buf, size, "%s bound %s: %s", c->api, c->label,
			 c->err ? c->error : "success");
	else
		snprintf(buf, size, "%s %s: %s", c->api, c->error, c->label);
}

/* The child: build, call, compare. Never returns. */
static void run_case(const struct cf_case *c, const char *dir)
{
	struct sigaction sa = { .sa_handler = on_sigpipe };
	struct itimerval off = { 0 };
	struct cf_call call = { .c = c };
	bool ok = true;
	int i;

	cf_current = c;
	/* Mounts made by fixtures go away with this process. */
	if (unshare(CLONE_NEWNS) == 0)
		mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
	if (mkdir(dir, 0755) || chmod(dir, 0755) || chdir(dir))
		cf_broken("cannot make %s: %m", dir);
	sigaction(SIGPIPE, &sa, NULL);
	for (i = 0; i < c->nargs; i++)
		call.args[i] = c->args[i].fx ? c->args[i].fx() : c->args[i].val;
	for (i = 0; i < CF_MAX_SETUP && c->setup[i]; i++)
		c->setup[i]();
	for (i = 0; i < CF_MAX_CHECKS && c->checks[i]; i++)
		if (c->checks[i]->before && !c->checks[i]->before(&call))
			cf_broken("check %s: its precondition does not hold", c->checks[i]->name);
	fflush(stdout);
	errno = 0;
	call.ret = syscall(c->nr, call.args[0], call.args[1], call.args[2], call.args[3],
			   call.args[4], call.args[5]);
	call.err = call.ret < 0 ? errno : 0;
	setitimer(ITIMER_REAL, &off, NULL);
	if (c->err && !(call.ret == -1 && call.err == c->err)) {
		if (call.ret < 0)
			cf_diag("%s failed with %s, the spec says %s (%s)", c->api,
				errname(call.err), c->error, c->where);
		else
			cf_diag("%s returned %ld, the spec says %s (%s)", c->api, call.ret,
				c->error, c->where);
		ok = false;
	} else if (!c->err && call.ret < 0) {
		cf_diag("%s failed with %s, expected success (%s)", c->api, errname(call.err),
			c->where);
		ok = false;
	}
	for (i = 0; i < CF_MAX_CHECKS && c->checks[i]; i++)
		if (c->checks[i]->after && !c->checks[i]->after(&call)) {
			cf_diag("check %s does not hold", c->checks[i]->name);
			ok = false;
		}
	fflush(stdout);
	_exit(ok ? CF_PASS : CF_FAIL);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	if (remove(path))
		fprintf(stderr, "kapi_conform: cannot remove %s: %m\n", path);
	return 0;
}

/* Runs case C in a child in DIR; returns its exit status (CF_*). */
static int run_child(const struct cf_case *c, const char *dir)
{
	int status, waited;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return CF_BROKEN;
	if (pid == 0)
		run_case(c, dir);
	for (waited = 0; waitpid(pid, &status, WNOHANG) == 0; waited++) {
		if (waited == 1000) {	/* 10 s */
			cf_diag("the case did not finish in 10 s");
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return CF_FAIL;
		}
		usleep(10000);
	}
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	if (WIFSIGNALED(status)) {
		cf_diag("the case's process died of signal %d", WTERMSIG(status));
		return CF_FAIL;
	}
	return WEXITSTATUS(status);
}

/* The loopback interface, up: the socket fixtures talk to 127.0.0.1. */
static void loopback_up(void)
{
	struct ifreq ifr = { 0 };
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		return;
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0 && !(ifr.ifr_flags & IFF_UP)) {
		ifr.ifr_flags |= IFF_UP;
		ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	close(s);
}

/*
 * The settings fixtures change for the whole guest (file_max_reached,
 * kmsg_overwritten, fd_table_shared_nr_open_low): put back after every case
 * as they were when the runner started.
 */
static struct {
	const char *path;
	char value[32];
} sysctls[] = {
	{ .path = "/proc/sys/fs/file-max" },
	{ .path = "/proc/sys/kernel/printk_devkmsg" },
	{ .path = "/proc/sys/fs/nr_open" },
};

static void sysctls_save(void)
{
	for (size_t i = 0; i < sizeof(sysctls) / sizeof(sysctls[0]); i++) {
		FILE *f = fopen(sysctls[i].path, "r");

		if (f) {
			if (!fgets(sysctls[i].value, sizeof(sysctls[i].value), f))
				sysctls[i].value[0] = 0;
			fclose(f);
		}
	}
}

static void sysctls_restore(void)
{
	for (size_t i = 0; i < sizeof(sysctls) / sizeof(sysctls[0]); i++) {
		char now[32] = "";
		FILE *f = fopen(sysctls[i].path, "r+");

		if (!f)
			continue;
		if (sysctls[i].value[0] && fgets(now, sizeof(now), f) &&
		    strcmp(now, sysctls[i].value)) {
			rewind(f);
			fputs(sysctls[i].value, f);
		}
		fclose(f);
	}
}

struct cf_count {
	const char *api;
	unsigned int documented, trigger, none, untriaged, verified, failed, skipped;
	unsigned int bounds, bounds_ok;
};

static struct cf_count *count_of(struct cf_count *counts, unsigned int *n, const char *api)
{
	unsigned int i;

	for (i = 0; i < *n; i++)
		if (!strcmp(counts[i].api, api))
			return &counts[i];
	counts[*n].api = api;
	return &counts[(*n)++];
}

static void matrix(struct cf_count *counts, unsigned int n)
{
	struct cf_count t = { .api = "total" };
	unsigned int i;

	for (i = 0; i <= n; i++) {
		struct cf_count *c = i < n ? &counts[i] : &t;

		if (i < n) {
			t.documented += c->documented;
			t.trigger += c->trigger;
			t.none += c->none;
			t.untriaged += c->untriaged;
			t.verified += c->verified;
			t.failed += c->failed;
			t.skipped += c->skipped;
			t.bounds += c->bounds;
			t.bounds_ok += c->bounds_ok;
		}
		cf_diag("conformance %s: errors documented %u, with a trigger %u, provoked and verified %u, differing %u, fixture missing %u, not provokable %u, untriaged %u; constraint bounds %u of %u",
			c->api, c->documented, c->trigger, c->verified, c->failed, c->skipped,
			c->none, c->untriaged, c->bounds_ok, c->bounds);
	}
	printf("# kapi-conform-json {\"specs\": [");
	for (i = 0; i <= n; i++) {
		struct cf_count *c = i < n ? &counts[i] : &t;

		printf("%s{\"spec\": \"%s\", \"documented\": %u, \"trigger\": %u, \"verified\": %u, \"differing\": %u, \"fixture_missing\": %u, \"not_provokable\": %u, \"untriaged\": %u, \"bounds\": %u, \"bounds_verified\": %u}",
		       i == n ? "], \"total\": " : i ? ", " : "", c->api, c->documented, c->trigger, c->verified, c->failed, c->skipped,
		       c->none, c->untriaged, c->bounds, c->bounds_ok);
	}
	printf("}\n");
	fflush(stdout);
}

int main(int argc, char **argv)
{
	static struct cf_count counts[64];
	char base[] = "/tmp/kapi-conform.XXXXXX", dir[64], name[512];
	const char *only = NULL;
	unsigned int i, n = 0, failed = 0;

	if (argc == 3 && !strcmp(argv[1], "--case")) {
		only = argv[2];
	} else if (argc != 1) {
		fprintf(stderr, "usage: kapi_conform [--case TEXT]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!mkdtemp(base) || chmod(base, 0755)) {
		fprintf(stderr, "kapi_conform: cannot make %s: %m\n", base);
		return 1;
	}
	loopback_up();
	sysctls_save();
	for (i = 0; i < cf_errors_count; i++) {
		struct cf_count *c = count_of(counts, &n, cf_errors[i].api);

		c->documented++;
		c->trigger += cf_errors[i].how == CF_TRIGGER;
		c->none += cf_errors[i].how == CF_NONE;
		c->untriaged += cf_errors[i].how == CF_UNTRIAGED;
	}
	printf("KTAP version 1\n1..%u\n", cf_cases_count);
	for (i = 0; i < cf_cases_count; i++) {
		const struct cf_case *c = &cf_cases[i];
		struct cf_count *cnt = count_of(counts, &n, c->api);
		int status;

		case_name(c, name, sizeof(name));
		if (only && !strstr(name, only)) {
			printf("ok %u %s # SKIP not selected\n", i + 1, name);
			continue;
		}
		snprintf(dir, sizeof(dir), "%s/%u", base, i + 1);
		status = run_child(c, dir);
		sysctls_restore();
		if (c->bound) {
			cnt->bounds++;
			cnt->bounds_ok += status == CF_PASS;
		} else {
			cnt->verified += status == CF_PASS;
			cnt->skipped += status == CF_SKIP;
			cnt->failed += status != CF_PASS && status != CF_SKIP;
		}
		if (status == CF_PASS) {
			printf("ok %u %s\n", i + 1, name);
		} else if (status == CF_SKIP) {
			printf("ok %u %s # SKIP fixture unavailable\n", i + 1, name);
		} else {
			printf("not ok %u %s\n", i + 1, name);
			failed++;
		}
	}
	rmdir(base);
	matrix(counts, n);
	return failed ? 1 : 0;
}

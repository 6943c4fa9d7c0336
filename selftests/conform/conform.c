// SPDX-License-Identifier: GPL-2.0
/*
 * The conformance runner: every case of the generated tables (cf_cases) in
 * a child process of its own, in a mount namespace of its own and a fresh
 * directory under /tmp, its fixtures built, its setups applied, the system
 * call made raw (syscall(2)), its result and its checks compared with the
 * spec. Prints KTAP, then the coverage matrix: one diagnostic line per spec
 * and a total, and the same as one JSON object on a line starting with
 * "# kapi-conform-json ". With kapi.ko loaded (audit or enforce), each case
 * also requires kapi's violation records of its call to be exactly the
 * parameters it breaks on purpose, and a last KTAP case requires every
 * record of the run to be one of those. Exit status 0 unless a case failed.
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
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

#include "conform.h"
#include "uapi/linux/kapi.h"

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
		snprintf(buf, size, "%s bound %s: %s%s", c->api, c->label,
			 c->not_err ? "not " : "", c->err ? c->error : "success");
	else
		snprintf(buf, size, "%s %s: %s", c->api, c->error, c->label);
}

/*
 * kapi's reports, when kapi.ko is loaded (Documentation/runtime.rst,
 * "violations"): one record per broken rule of a call. The case's process
 * notes the newest record before its call; afterwards its own records of
 * the spec, "rule=param:NAME:...", must be exactly the parameters the
 * call breaks on purpose, each once (deliberate()).
 */
#define KAPI_VIOLATIONS "/sys/kernel/debug/kapi/runtime/violations"

/* Calls FN for each record line of the ring; returns false without kapi. */
static bool violations_each(void (*fn)(const char *line, void *arg), void *arg)
{
	char line[1024];
	FILE *f = fopen(KAPI_VIOLATIONS, "r");

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "seq=", 4))
			fn(line, arg);
	fclose(f);
	return true;
}

static void newest_seq(const char *line, void *arg)
{
	unsigned long long seq = strtoull(line + 4, NULL, 10);

	if (seq > *(unsigned long long *)arg)
		*(unsigned long long *)arg = seq;
}

/* The deliberate violations kapi reported one for one, counted by the cases. */
static int *cf_matched;

/*
 * Whether kapi.ko checks calls: loaded, and not in mode "off" (the run
 * without kapi's checks loads it in mode off for kapi_sample.ko's specs).
 */
static bool kapi_checks;

static bool kapi_checking(void)
{
	char mode[16] = "";
	FILE *f = fopen("/sys/kernel/debug/kapi/runtime/mode", "r");

	if (!f)
		return false;
	if (!fgets(mode, sizeof(mode), f))
		mode[0] = 0;
	fclose(f);
	return strncmp(mode, "off", 3) != 0;
}

static void count_record(const char *line, void *arg)
{
	unsigned long long *a = arg;

	if (strtoull(line + 4, NULL, 10) > a[0])
		a[1]++;
}

struct cf_reports {
	const struct cf_case *c;
	unsigned long long after;
	int counts[CF_MAX_ARGS];	/* per parameter */
	int others;			/* any other record of the call */
};

static void own_record(const char *line, void *arg)
{
	struct cf_reports *r = arg;
	char want[96], rule[128] = "";
	const char *p;
	int i;

	snprintf(want, sizeof(want), " tgid=%d ", (int)getpid());
	if (strtoull(line + 4, NULL, 10) <= r->after || !strstr(line, want))
		return;
	snprintf(want, sizeof(want), " syscall=%s ", r->c->api);
	if (!strstr(line, want))
		return;
	p = strstr(line, " rule=");
	if (p)
		sscanf(p + 6, "%127s", rule);
	for (i = 0; i < r->c->spec->nparams; i++) {
		size_t n = strlen(r->c->spec->params[i].name);

		if (!strncmp(rule, "param:", 6) && !strncmp(rule + 6, r->c->spec->params[i].name, n) &&
		    rule[6 + n] == ':') {
			r->counts[i]++;
			return;
		}
	}
	cf_diag("kapi reported %s, which the case does not break on purpose", rule);
	r->others++;
}

/* The top of the user address space, as access_ok() sees it. */
unsigned long cf_user_top(void)
{
	static unsigned long top;
	char line[4096];
	FILE *f;

	if (top)
		return top;
	top = (1UL << 47) - 4096;
	f = fopen("/proc/cpuinfo", "r");
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "flags", 5)) {
			if (strstr(line, " la57"))
				top = (1UL << 56) - 4096;
			break;
		}
	if (f)
		fclose(f);
	return top;
}

/* The length of the string at P with its NUL, up to LIMIT + 1; 0 if unreadable. */
static long user_strlen(long p, long limit)
{
	int fds[2];
	long n = 0;
	char ch;

	if ((unsigned long)p >= cf_user_top() || pipe(fds))
		return 0;
	/* A pipe's write copies from the caller: EFAULT where nothing is mapped. */
	for (n = 0; n <= limit; n++) {
		if (write(fds[1], (const char *)p + n, 1) != 1 || read(fds[0], &ch, 1) != 1) {
			n = -1;
			break;
		}
		if (!ch)
			break;
	}
	close(fds[0]);
	close(fds[1]);
	return n < 0 ? 0 : n + 1;
}

/* VALUE as kapi reads it for P: cut to the declared type's width, unsigned. */
static unsigned long bits_of(const struct cf_param *p, long value)
{
	return p->bits >= 64 ? (unsigned long)value : (unsigned long)value & ((1UL << p->bits) - 1);
}

/* The same, sign-extended for a signed type (kapi_check_convert()). */
static long value_of(const struct cf_param *p, long value)
{
	unsigned long v = bits_of(p, value);

	if (p->is_signed && p->bits < 64 && (v >> (p->bits - 1)) & 1)
		v |= ~((1UL << p->bits) - 1);
	return (long)v;
}

/*
 * Whether argument I of the call breaks its parameter's constraint the way
 * kapi checks it (module/check.h): a descriptor that is not open, O_PATH
 * where refused, without the access mode or the read or write method it
 * needs, or not a directory (with the exemptions of AT_FDCWD, negative
 * values and absolute paths); a buffer reaching past the user address
 * space; a path that cannot be read or has no NUL within PATH_MAX bytes;
 * open flags that build_open_flags() refuses; a value out of its range,
 * mask, list, alignment, or zero where that is refused.
 */
static bool deliberate(const struct cf_case *c, const long *args, int i)
{
	const struct cf_param *p = &c->spec->params[i];

	if (p->optional && !args[i])
		return false;
	switch (p->constraint) {
	case KAPI_CONSTRAINT_FD: {
		unsigned int need = p->mask;
		int fd = (int)args[i], fl;
		char link[64], target[64] = "";
		struct stat st;

		if (need & KAPI_FD_IF_RELATIVE) {
			int j;

			for (j = 0; j < c->spec->nparams; j++)
				if (c->spec->params[j].constraint == KAPI_CONSTRAINT_USER_PATH) {
					long len = user_strlen(args[j], PATH_MAX);

					if (len <= 1 || *(const char *)args[j] == '/')
						return false;
				}
		}
		if ((need & KAPI_FD_AT_FDCWD) && fd == AT_FDCWD)
			return false;
		if ((need & KAPI_FD_NEGATIVE_OK) && fd < 0)
			return false;
		fl = fcntl(fd, F_GETFL);
		if (fl < 0)
			return true;
		if (fl & O_PATH)
			return need & KAPI_FD_NOT_PATH;
		if (((need & KAPI_FD_READ) && (fl & O_ACCMODE) != O_RDONLY &&
		     (fl & O_ACCMODE) != O_RDWR) ||
		    ((need & KAPI_FD_WRITE) && (fl & O_ACCMODE) != O_WRONLY &&
		     (fl & O_ACCMODE) != O_RDWR))
			return true;
		/* An epoll descriptor has neither a read nor a write method. */
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		(void)!readlink(link, target, sizeof(target) - 1);
		if ((need & (KAPI_FD_CAN_READ | KAPI_FD_CAN_WRITE)) &&
		    !strcmp(target, "anon_inode:[eventpoll]"))
			return true;
		return (need & KAPI_FD_DIR) && !fstat(fd, &st) && !S_ISDIR(st.st_mode);
	}
	case KAPI_CONSTRAINT_USER_PTR:
		return (unsigned long)args[i] > cf_user_top() ||
		       (unsigned long)(p->size > 0 ? p->size : 0) > cf_user_top() - (unsigned long)args[i];
	case KAPI_CONSTRAINT_BUFFER: {
		unsigned long bytes = 0;

		if (p->size_param >= 0 && p->size_param < c->spec->nparams &&
		    __builtin_mul_overflow((unsigned long)args[p->size_param],
					   p->size_mult > 0 ? (unsigned long)p->size_mult : 1UL,
					   &bytes))
			return true;
		return (unsigned long)args[i] > cf_user_top() ||
		       bytes > cf_user_top() - (unsigned long)args[i];
	}
	case KAPI_CONSTRAINT_USER_PATH: {
		long len = user_strlen(args[i], PATH_MAX);

		return len == 0 || len > PATH_MAX;
	}
	case KAPI_CONSTRAINT_OPEN_FLAGS: {
		long bits = args[i];

		if (bits & O_PATH)
			return false;
		if ((bits & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
			return true;
		return (bits & __O_TMPFILE) &&
		       (!(bits & O_DIRECTORY) || (bits & O_ACCMODE) == O_RDONLY);
	}
	case KAPI_CONSTRAINT_RANGE: {
		long v = value_of(p, args[i]);

		if (p->is_signed)
			return v < p->min || v > p->max;
		return (unsigned long)v < (unsigned long)p->min ||
		       (unsigned long)v > (unsigned long)p->max;
	}
	case KAPI_CONSTRAINT_MASK:
		return bits_of(p, args[i]) & ~p->mask;
	case KAPI_CONSTRAINT_NONZERO:
		return bits_of(p, args[i]) == 0;
	case KAPI_CONSTRAINT_ENUM: {
		int j;

		for (j = 0; j < p->nvalues; j++)
			if (bits_of(p, p->values[j]) == bits_of(p, args[i]))
				return false;
		return p->nvalues > 0;
	}
	case KAPI_CONSTRAINT_ALIGNMENT:
		return p->alignment > 0 && bits_of(p, args[i]) % (unsigned long)p->alignment;
	case KAPI_CONSTRAINT_POWER_OF_TWO: {
		unsigned long v = bits_of(p, args[i]);

		return !v || (v & (v - 1));
	}
	case KAPI_CONSTRAINT_PAGE_ALIGNED:
		return bits_of(p, args[i]) & 4095;
	case KAPI_CONSTRAINT_USER_STRING: {
		/* The length limit of kapi_check_string_limit_of(), 64 KiB at most. */
		long limit = p->max > 0 && p->max < 65536 ? p->max + 1 : p->max > 0 ? 65536 : PATH_MAX;
		long len = user_strlen(args[i], limit);

		return len == 0 || (p->max > 0 && len > limit) ||
		       (p->min > 0 && len <= limit && len - 1 < p->min);
	}
	default:
		/* NONE, and CUSTOM, which only words describe. */
		return false;
	}
}

/* FMODE_NONOTIFY of the running kernel (conform.h), set by main(). */
long cf_fmode_nonotify = 0x4000000;

/* Whether @n bytes at user address @p can be read, into @dst. */
static bool user_read(void *dst, unsigned long p, unsigned long n)
{
	int fds[2];
	bool ok;

	if (!n)
		return true;
	if (p >= cf_user_top() || n > cf_user_top() - p || pipe(fds))
		return false;
	/* A pipe's write copies from the caller: EFAULT where nothing is mapped. */
	ok = write(fds[1], (const void *)p, n) == (ssize_t)n &&
	     read(fds[0], dst, n) == (ssize_t)n;
	close(fds[0]);
	close(fds[1]);
	return ok;
}

/* Whether a struct at @elem breaks one of @p's field rules (kapi_check_fields()). */
static bool fields_break(const struct cf_param *p, const unsigned char *elem)
{
	int k;

	for (k = 0; k < p->nfields; k++) {
		const struct cf_field *f = &p->fields[k];
		unsigned long v = 0;

		if (f->offset < 0 || f->offset >= p->struct_size ||
		    f->size > p->struct_size - f->offset)
			continue;
		if (f->size != 1 && f->size != 2 && f->size != 4 && f->size != 8)
			continue;
		/* Little-endian: the field's bytes are the low bytes of v. */
		memcpy(&v, elem + f->offset, f->size);
		if (f->is_signed && f->size < 8 && (v >> (8 * f->size - 1)) & 1)
			v |= ~0UL << (8 * f->size);
		if (f->constraint == KAPI_CONSTRAINT_RANGE &&
		    (f->is_signed ? (long)v < f->min || (long)v > f->max
				  : v < (unsigned long)f->min || v > (unsigned long)f->max))
			return true;
		if (f->constraint == KAPI_CONSTRAINT_MASK && (v & ~f->mask))
			return true;
	}
	return false;
}

/*
 * Whether the struct behind argument I breaks a rule as kapi reads it
 * (kapi_check_decode_struct()): an array element by element, a
 * size-versioned struct by copy_struct_from_user()'s rules, a fault.
 */
static bool struct_breaks(const struct cf_case *c, const long *args, int i)
{
	const struct cf_param *p = &c->spec->params[i];
	unsigned char buf[128];
	unsigned long src = (unsigned long)args[i], size = p->struct_size, count, max, k, n;

	if (!size || size > sizeof(buf))
		return false;
	if (p->count_param >= 0) {
		if (p->count_param >= c->spec->nparams)
			return false;
		count = (unsigned long)args[p->count_param];
		max = p->max_count > 0 ? (unsigned long)p->max_count : 1024;
		if (!count || count > max)
			return false;
		for (k = 0; k < count; k++)
			if (!user_read(buf, src + k * size, size) || fields_break(p, buf))
				return true;
		return false;
	}
	if (p->size_param >= 0 && p->size_param < c->spec->nparams) {
		unsigned long usize = (unsigned long)args[p->size_param], off;

		if (usize > 4096)
			return false;
		for (off = size; off < usize; off += n) {
			n = usize - off < sizeof(buf) ? usize - off : sizeof(buf);
			if (!user_read(buf, src + off, n))
				return true;
			for (k = 0; k < n; k++)
				if (buf[k])
					return true;
		}
		memset(buf, 0, size);
		return !user_read(buf, src, usize < size ? usize : size) || fields_break(p, buf);
	}
	return !user_read(buf, src, size) || fields_break(p, buf);
}

/*
 * The rule kapi checks for argument I: its constraint's, or when that
 * holds, its struct's (one report per parameter, module/check.c).
 */
static bool deliberate_any(const struct cf_case *c, const long *args, int i)
{
	return deliberate(c, args, i) || struct_breaks(c, args, i);
}

/* The bit of FMODE_NONOTIFY that the running kernel's openat2() strips. */
static long fmode_nonotify_probe(void)
{
	struct open_how how = { .flags = O_RDONLY | O_DIRECTORY | 0x2000000 };
	long fd = syscall(SYS_openat2, AT_FDCWD, "/", &how, sizeof(how));

	if (fd < 0)
		return 0x4000000;
	close((int)fd);
	return 0x2000000;
}

/* The child: build, call, compare. Never returns. */
static void run_case(const struct cf_case *c, const char *dir)
{
	struct sigaction sa = { .sa_handler = on_sigpipe };
	struct itimerval off = { 0 };
	struct cf_call call = { .c = c };
	struct cf_reports reports = { .c = c };
	bool expect[CF_MAX_ARGS] = { false };
	bool ok = true, kapi;
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
	for (i = 0; i < c->nargs; i++)
		expect[i] = deliberate_any(c, call.args, i);
	kapi = c->spec->hooked && kapi_checks && violations_each(newest_seq, &reports.after);
	fflush(stdout);
	errno = 0;
	call.ret = syscall(c->nr, call.args[0], call.args[1], call.args[2], call.args[3],
			   call.args[4], call.args[5]);
	call.err = call.ret < 0 ? errno : 0;
	setitimer(ITIMER_REAL, &off, NULL);
	if (kapi) {
		int deliberate_n = 0;

		violations_each(own_record, &reports);
		ok = !reports.others;
		for (i = 0; i < c->nargs; i++) {
			deliberate_n += expect[i];
			if (reports.counts[i] != (int)expect[i]) {
				cf_diag("kapi reported %d violation%s of %s, the case makes %d",
					reports.counts[i], reports.counts[i] == 1 ? "" : "s",
					c->spec->params[i].name, (int)expect[i]);
				ok = false;
			}
		}
		if (ok)
			__atomic_add_fetch(cf_matched, deliberate_n, __ATOMIC_SEQ_CST);
	}
	if (c->not_err) {
		if (call.ret == -1 && call.err == c->err) {
			cf_diag("%s failed with %s inside the bound (%s)", c->api, c->error,
				c->where);
			ok = false;
		}
	} else if (c->err && !(call.ret == -1 && call.err == c->err)) {
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
	unsigned long long ring[2] = { 0, 0 };	/* the newest record before the run, records since */
	bool kapi;

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
	cf_matched = mmap(NULL, sizeof(*cf_matched), PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (cf_matched == MAP_FAILED) {
		fprintf(stderr, "kapi_conform: mmap: %m\n");
		return 1;
	}
	/* Before the newest record is taken: a wrong guess kapi reports is not counted. */
	cf_fmode_nonotify = fmode_nonotify_probe();
	cf_structs_init();
	kapi_checks = kapi_checking();
	kapi = kapi_checks && violations_each(newest_seq, &ring[0]);
	for (i = 0; i < cf_errors_count; i++) {
		struct cf_count *c = count_of(counts, &n, cf_errors[i].api);

		c->documented++;
		c->trigger += cf_errors[i].how == CF_TRIGGER;
		c->none += cf_errors[i].how == CF_NONE;
		c->untriaged += cf_errors[i].how == CF_UNTRIAGED;
	}
	/* With kapi.ko loaded, one more case: its reports of the whole run. */
	printf("KTAP version 1\n1..%u\n", cf_cases_count + kapi);
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
		cf_fixtures_restore();
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
	if (kapi) {
		/*
		 * Every record the ring got during the run (any process) is a
		 * deliberate violation a case matched: nothing else, no drops.
		 */
		violations_each(count_record, ring);
		cf_diag("kapi reported %llu violations during the run, %d of them deliberate ones matched by their cases",
			ring[1], *cf_matched);
		if (ring[1] != (unsigned long long)*cf_matched || only) {
			printf("%s %u kapi's reports match the deliberate violations one for one%s\n",
			       only ? "ok" : "not ok", cf_cases_count + 1,
			       only ? " # SKIP not every case ran" : "");
			failed += !only;
		} else {
			printf("ok %u kapi's reports match the deliberate violations one for one\n",
			       cf_cases_count + 1);
		}
	}
	matrix(counts, n);
	return failed ? 1 : 0;
}

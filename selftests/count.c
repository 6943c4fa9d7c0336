// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_count: run a command as another user and count the hooked system
 * calls made while it runs, twice over: by kapi (runtime/stats) and by the
 * raw_syscalls tracepoints (histogram triggers keyed by system call
 * number), for the stress run (scripts/guest/stress-ng.sh).
 *
 *   kapi_count DIR UID CMD [ARG...]
 *
 * The window opens with kapi's filter set to uid=UID, its counters reset,
 * its violation ring cleared and the two histograms attached, and closes
 * when CMD has exited, with a snapshot of all four. CMD runs as UID (real,
 * effective and saved user and group IDs, no supplementary groups) from its
 * execve() on. kapi_count's own calls in the window (writev() and pread()
 * of files opened beforehand, calls kapi hooks) are invisible to both
 * counters: kapi's filter leaves kapi_count (uid 0) out, and each histogram
 * has the filter "common_pid != <kapi_count's PID>". So where nothing but
 * kapi_count and tasks of UID run, kapi's count of each hooked call equals
 * the tracepoint's. Saves DIR/stats, DIR/violations, DIR/sys_enter.hist
 * (calls per system call number) and DIR/sys_exit.hist (failed calls per
 * number); without syscall tracepoints or histogram triggers in the kernel,
 * only the first two (saying so). Clears kapi's filter when done.
 * Exits with CMD's status (128 + the signal that killed it), or 125 if the
 * window could not be opened or its snapshot taken.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define RUNTIME "/sys/kernel/debug/kapi/runtime/"
#define EVENTS "/sys/kernel/debug/tracing/events/raw_syscalls/"
#define HIST_ENTER "hist:keys=id:size=256 if common_pid != %d"
#define HIST_EXIT "hist:keys=id:size=256 if ret < 0 && common_pid != %d"

/* One file of the snapshot: read in the window, saved after it. */
struct part {
	const char *name;
	int fd;
	ssize_t len;
	char buf[256 << 10];
};

static struct part parts[4] = {
	{ .name = "stats" }, { .name = "violations" },
	{ .name = "sys_enter.hist" }, { .name = "sys_exit.hist" },
};

static int open_or_die(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0) {
		fprintf(stderr, "kapi_count: %s: %s\n", path, strerror(errno));
		exit(125);
	}
	return fd;
}

/*
 * writev() @text to @fd, the file @name; say why it failed. (Not pwrite():
 * seq_file files refuse it.)
 */
static int put(int fd, const char *name, const char *text)
{
	struct iovec iov = { .iov_base = (void *)text, .iov_len = strlen(text) };
	ssize_t n = writev(fd, &iov, 1);

	if (n == (ssize_t)strlen(text))
		return 0;
	fprintf(stderr, "kapi_count: writing '%s' to %s: %s\n", text, name,
		n < 0 ? strerror(errno) : "short write");
	return -1;
}

/* Read all of @p's file with pread(); -1 if it failed or did not fit. */
static int take(struct part *p)
{
	ssize_t n;

	p->len = 0;
	while ((n = pread(p->fd, p->buf + p->len, sizeof(p->buf) - p->len, p->len)) > 0)
		p->len += n;
	if (n < 0 || p->len == sizeof(p->buf))
		p->len = -1;
	return p->len < 0 ? -1 : 0;
}

/* Save @p as @dir/<its name>. */
static int save(const char *dir, const struct part *p)
{
	char path[4096];
	FILE *f;

	if (p->len < 0) {
		fprintf(stderr, "kapi_count: reading %s failed or it did not fit\n", p->name);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, p->name);
	f = fopen(path, "w");
	if (!f || fwrite(p->buf, 1, p->len, f) != (size_t)p->len || fclose(f)) {
		fprintf(stderr, "kapi_count: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Parse a user ID: a decimal number below (uid_t)-1. */
static int parse_uid(const char *s, uid_t *uid)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v >= (uid_t)-1)
		return -1;
	*uid = v;
	return 0;
}

int main(int argc, char **argv)
{
	char enter_on[128], exit_on[128], enter_off[130], exit_off[130], filter[32];
	int enter = -1, exit_ = -1, filt, status, nparts = 2, err = 0, i;
	bool tracing;
	uid_t uid;
	pid_t pid;

	if (argc < 4 || parse_uid(argv[2], &uid)) {
		fprintf(stderr, "usage: kapi_count DIR UID CMD [ARG...]\n");
		return 125;
	}
	/* Both histograms leave kapi_count's own calls out. */
	snprintf(enter_on, sizeof(enter_on), HIST_ENTER, (int)getpid());
	snprintf(exit_on, sizeof(exit_on), HIST_EXIT, (int)getpid());
	snprintf(enter_off, sizeof(enter_off), "!%s", enter_on);
	snprintf(exit_off, sizeof(exit_off), "!%s", exit_on);
	/* So does kapi's filter: kapi_count's uid is not UID. */
	if (getuid() == uid) {
		fprintf(stderr, "kapi_count: UID %u is kapi_count's own\n", (unsigned int)uid);
		return 125;
	}
	snprintf(filter, sizeof(filter), "uid=%u", (unsigned int)uid);
	filt = open_or_die(RUNTIME "filter", O_WRONLY);
	parts[0].fd = open_or_die(RUNTIME "stats", O_RDWR);
	parts[1].fd = open_or_die(RUNTIME "violations", O_RDWR);
	tracing = access(EVENTS "sys_enter/hist", R_OK) == 0;
	if (tracing) {
		enter = open_or_die(EVENTS "sys_enter/trigger", O_WRONLY);
		exit_ = open_or_die(EVENTS "sys_exit/trigger", O_WRONLY);
		parts[2].fd = open_or_die(EVENTS "sys_enter/hist", O_RDONLY);
		parts[3].fd = open_or_die(EVENTS "sys_exit/hist", O_RDONLY);
		nparts = 4;
	} else {
		fprintf(stderr, "kapi_count: no syscall tracepoints or histogram triggers in this kernel\n");
	}

	/* The window opens; kapi_count's own calls stay out of both counts. */
	if (put(filt, "filter", filter) || put(parts[0].fd, "stats", "reset") ||
	    put(parts[1].fd, "violations", "clear") ||
	    (tracing && (put(exit_, "sys_exit/trigger", exit_on) ||
			 put(enter, "sys_enter/trigger", enter_on))))
		return 125;
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "kapi_count: fork: %s\n", strerror(errno));
		return 125;
	}
	if (pid == 0) {
		/* No hooked call before execve(): these are not hooked. */
		if (setgroups(0, NULL) || setresgid(uid, uid, uid) || setresuid(uid, uid, uid)) {
			fprintf(stderr, "kapi_count: becoming uid %u: %s\n", (unsigned int)uid,
				strerror(errno));
			_exit(126);
		}
		execvp(argv[3], argv + 3);
		fprintf(stderr, "kapi_count: %s: %s\n", argv[3], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "kapi_count: waitpid: %s\n", strerror(errno));
			return 125;
		}
	}
	/* The snapshot. */
	for (i = 0; i < nparts; i++)
		take(&parts[i]);
	for (i = 0; i < nparts; i++)
		err |= save(argv[1], &parts[i]);
	if (tracing && (put(enter, "sys_enter/trigger", enter_off) ||
			put(exit_, "sys_exit/trigger", exit_off)))
		err = -1;
	if (put(filt, "filter", "clear"))
		err = -1;
	if (err)
		return 125;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

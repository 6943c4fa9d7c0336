// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_count: run a command and count the hooked system calls made while
 * it runs, twice over: by kapi (runtime/stats) and by the raw_syscalls
 * tracepoints (histogram triggers keyed by system call number), system
 * wide, for the stress run (scripts/guest/stress-ng.sh).
 *
 *   kapi_count DIR CMD [ARG...]
 *
 * The window opens with kapi's counters reset, its violation ring cleared
 * and the two histograms attached, and closes when CMD has exited, with a
 * snapshot of all four. Every one of those steps is a writev() or pread()
 * of a file opened beforehand, calls that kapi hooks too (module/specs/rw.c
 * and vec.c) and counts in part, as the histograms do. So where nothing but
 * CMD runs, kapi's count of each hooked call but those two must equal the
 * tracepoint's. Saves DIR/stats,
 * DIR/violations, DIR/sys_enter.hist (calls per system call number) and
 * DIR/sys_exit.hist (failed calls per number); without syscall tracepoints
 * or histogram triggers in the kernel, only the first two (saying so).
 * Exits with CMD's status (128 + the signal that killed it), or 125 if the
 * window could not be opened or its snapshot taken.
 */
#define _GNU_SOURCE
#include <errno.h>
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
#define HIST_ENTER "hist:keys=id:size=256"
#define HIST_EXIT "hist:keys=id:size=256 if ret < 0"

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

int main(int argc, char **argv)
{
	int enter = -1, exit_ = -1, status, nparts = 2, err = 0, i;
	bool tracing;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: kapi_count DIR CMD [ARG...]\n");
		return 125;
	}
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

	/* The window opens: from here to the snapshot only writev/pread. */
	if (put(parts[0].fd, "stats", "reset") || put(parts[1].fd, "violations", "clear") ||
	    (tracing && (put(exit_, "sys_exit/trigger", HIST_EXIT) ||
			 put(enter, "sys_enter/trigger", HIST_ENTER))))
		return 125;
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "kapi_count: fork: %s\n", strerror(errno));
		return 125;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "kapi_count: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "kapi_count: waitpid: %s\n", strerror(errno));
			return 125;
		}
	}
	/* The snapshot, all of it before any call that either side counts. */
	for (i = 0; i < nparts; i++)
		take(&parts[i]);
	for (i = 0; i < nparts; i++)
		err |= save(argv[1], &parts[i]);
	if (tracing && (put(enter, "sys_enter/trigger", "!" HIST_ENTER) ||
			put(exit_, "sys_exit/trigger", "!" HIST_EXIT)))
		err = -1;
	if (err)
		return 125;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_sleepers: tasks asleep in hooked system calls, for the unload tests
 * (scripts/guest/unload.sh, Documentation/testing.rst).
 *
 *   kapi_sleepers sleep KIND
 *	forks a child that blocks in one hooked call, prints
 *	"KIND child=PID nr=NR" (NR: the system call it blocks in, as
 *	/proc/PID/syscall shows it), then waits for SIGUSR1, wakes the child
 *	(writes to its pipe, terminal or socket, or opens its FIFO for
 *	writing) and checks what the call returned: "KIND: ok ..." and exit
 *	0, or "KIND: FAIL ..." and exit 1; "KIND unsupported: REASON" and
 *	exit 77 if the kernel cannot make that kind. KIND is one of
 *	  pipe       read() on a pipe
 *	  tty        read() on a pseudo-terminal, canonical mode
 *	  unix       read() on a UNIX stream socket
 *	  dgram      read() on a UNIX datagram socket
 *	  fifo_open  open() of a FIFO without a writer (the open system call)
 *	  fifo_openat openat() of a FIFO without a writer
 *   kapi_sleepers probe KIND
 *	exit 0 if this kernel can make KIND, 77 ("KIND unsupported: ...")
 *	if not.
 *   kapi_sleepers unload MODULE
 *	delete_module(MODULE, O_NONBLOCK), timed: prints "unload MODULE: ok
 *	in N ms" and exits 0, or the error and exits 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MSG "kapi\n"
#define MSG_LEN 5

static volatile sig_atomic_t woken;

static void on_usr1(int sig)
{
	woken = 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: kapi_sleepers sleep|probe pipe|tty|unix|dgram|fifo_open|fifo_openat\n"
			"       kapi_sleepers unload MODULE\n");
	return 2;
}

/*
 * The child's side: block in read() on @fd, then exit 0 if it read MSG,
 * else 1 (the reason on stderr).
 */
static int child_read(int fd)
{
	char buf[64];
	ssize_t n = read(fd, buf, sizeof(buf));

	if (n != MSG_LEN || memcmp(buf, MSG, MSG_LEN)) {
		fprintf(stderr, "read returned %zd (%s)\n", n,
			n < 0 ? strerror(errno) : "wrong data");
		return 1;
	}
	return 0;
}

/* The child's side of the FIFO kinds: block in open(), then read. */
static int child_open(const char *fifo, int at)
{
	long fd = at ? syscall(SYS_openat, AT_FDCWD, fifo, O_RDONLY) :
		       syscall(SYS_open, fifo, O_RDONLY);

	if (fd < 0) {
		fprintf(stderr, "open returned %s\n", strerror(errno));
		return 1;
	}
	return child_read((int)fd);
}

static int sleep_kind(const char *kind, int probe)
{
	char fifo[64] = "";
	int fds[2] = { -1, -1 }, nr = 0, in = -1, out = -1, status;
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t mask, old;
	pid_t child;

	if (!strcmp(kind, "pipe")) {
		if (pipe(fds))
			return perror("pipe"), 1;
		in = fds[0], out = fds[1];
	} else if (!strcmp(kind, "tty")) {
		struct termios t;
		int master = posix_openpt(O_RDWR | O_NOCTTY);

		if (master < 0 || grantpt(master) || unlockpt(master))
			return perror("posix_openpt"), 1;
		in = open(ptsname(master), O_RDWR | O_NOCTTY);
		if (in < 0 || tcgetattr(in, &t))
			return perror("pty"), 1;
		t.c_lflag |= ICANON;
		t.c_lflag &= ~ECHO;
		tcsetattr(in, TCSANOW, &t);
		out = master;
	} else if (!strcmp(kind, "unix") || !strcmp(kind, "dgram")) {
		int type = kind[0] == 'u' ? SOCK_STREAM : SOCK_DGRAM;

		if (socketpair(AF_UNIX, type, 0, fds)) {
			/* A kernel without CONFIG_UNIX (the debug kernel). */
			if (errno == EAFNOSUPPORT) {
				printf("%s unsupported: this kernel has no AF_UNIX\n",
				       kind);
				return 77;
			}
			return perror("socketpair"), 1;
		}
		in = fds[0], out = fds[1];
	} else if (!strcmp(kind, "fifo_open") || !strcmp(kind, "fifo_openat")) {
		snprintf(fifo, sizeof(fifo), "/tmp/kapi-sleepers.%d", getpid());
		unlink(fifo);
		if (mkfifo(fifo, 0600))
			return perror("mkfifo"), 1;
		nr = !strcmp(kind, "fifo_open") ? SYS_open : SYS_openat;
	} else {
		return usage();
	}
	if (!nr)
		nr = SYS_read;
	if (probe) {
		if (fifo[0])
			unlink(fifo);
		printf("%s: supported\n", kind);
		return 0;
	}

	/* SIGUSR1 held until pause-free waiting below, so none is lost. */
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	sigprocmask(SIG_BLOCK, &mask, &old);
	sigaction(SIGUSR1, &sa, NULL);
	fflush(stdout);
	child = fork();
	if (child < 0)
		return perror("fork"), 1;
	if (!child) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (out >= 0)
			close(out);
		_exit(fifo[0] ? child_open(fifo, nr == SYS_openat) :
				child_read(in));
	}
	printf("%s child=%d nr=%d\n", kind, child, nr);
	fflush(stdout);
	while (!woken)
		sigsuspend(&old);

	if (fifo[0]) {
		out = open(fifo, O_WRONLY);
		if (out < 0)
			return perror("open fifo for writing"), 1;
	}
	if (write(out, MSG, MSG_LEN) != MSG_LEN)
		return perror("write"), 1;
	if (waitpid(child, &status, 0) != child)
		return perror("waitpid"), 1;
	if (fifo[0])
		unlink(fifo);
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		printf("%s: FAIL: the woken call did not return its normal result (status 0x%x)\n",
		       kind, status);
		return 1;
	}
	printf("%s: ok: the woken %s returned its normal result\n", kind,
	       fifo[0] ? "open and read" : "read");
	return 0;
}

static int unload(const char *module)
{
	struct timespec a, b;
	long ms;
	int r;

	clock_gettime(CLOCK_MONOTONIC, &a);
	r = syscall(SYS_delete_module, module, O_NONBLOCK);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	if (r) {
		printf("unload %s: %s after %ld ms\n", module, strerror(errno),
		       ms);
		return 1;
	}
	printf("unload %s: ok in %ld ms\n", module, ms);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "sleep"))
		return sleep_kind(argv[2], 0);
	if (argc == 3 && !strcmp(argv[1], "probe"))
		return sleep_kind(argv[2], 1);
	if (argc == 3 && !strcmp(argv[1], "unload"))
		return unload(argv[2]);
	return usage();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_stress: the load of the unload-under-load test (scripts/guest/unload.sh).
 * "hammer STOPFILE" makes valid and violating open, openat, read, write and
 * close calls in a loop until STOPFILE exists, checking every result, and
 * prints how many rounds it made; "block FIFO" opens FIFO for reading and
 * writing (so that the open never waits) and blocks in read() until data
 * arrives, then prints what it read. Exits 0 when everything behaved, 1
 * otherwise.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kapi_test.h"

static int usage(void)
{
	fprintf(stderr, "usage: kapi_stress hammer STOPFILE | block FIFO\n");
	return 2;
}

/*
 * A violating call returns the same error in every mode (enforce predicts
 * the kernel's own error for these), so the checks hold whatever the mode
 * and even while kapi.ko goes away.
 */
static int hammer(const char *stop)
{
	unsigned long rounds = 0;
	char buf[16];
	int zero = open("/dev/zero", O_RDONLY);

	if (zero < 0) {
		perror("kapi_stress: /dev/zero");
		return 1;
	}
	while (access(stop, F_OK) != 0) {
		int fd = open("/dev/null", O_WRONLY);
		int at = openat(AT_FDCWD, "/dev/null", O_RDONLY);

		if (fd < 0 || at < 0 || write(fd, "x", 1) != 1 ||
		    read(zero, buf, sizeof(buf)) != sizeof(buf) || read(at, buf, 1) != 0 ||
		    close(fd) || close(at)) {
			fprintf(stderr, "kapi_stress: a valid call failed: %m\n");
			return 1;
		}
		if (syscall(SYS_close, KAPI_FD_NEVER_OPEN) != -1 || errno != EBADF ||
		    syscall(SYS_read, KAPI_FD_MINUS_1, buf, 1) != -1 || errno != EBADF ||
		    syscall(SYS_open, NULL, O_RDONLY, 0) != -1 || errno != EFAULT ||
		    syscall(SYS_read, zero, buf, SIZE_MAX) != -1 || errno != EFAULT) {
			fprintf(stderr, "kapi_stress: a violating call did not fail as specified: %m\n");
			return 1;
		}
		rounds++;
	}
	printf("hammer %d: %lu rounds\n", getpid(), rounds);
	return 0;
}

static int block(const char *fifo)
{
	char buf[64];
	ssize_t n;
	int fd = open(fifo, O_RDWR);

	if (fd < 0) {
		perror("kapi_stress: open fifo");
		return 1;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n <= 0) {
		fprintf(stderr, "kapi_stress: read returned %zd: %m\n", n);
		return 1;
	}
	buf[n] = '\0';
	printf("block %d: read %zd bytes: %s", getpid(), n, buf);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 3)
		return usage();
	if (!strcmp(argv[1], "hammer"))
		return hammer(argv[2]);
	if (!strcmp(argv[1], "block"))
		return block(argv[2]);
	return usage();
}

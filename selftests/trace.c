// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_trace: the calls whose trace events scripts/guest/tracing.sh counts
 * (Documentation/tracing.rst). "kapi_trace BAD GOOD" makes BAD calls
 * read(-1, buf, 1), each a violation of sys_read's descriptor rule
 * (param:fd:fd) that fails with EBADF in every mode, then GOOD valid
 * one-byte reads of /dev/zero, checking every result, and prints
 * "pid=P bad=BAD good=GOOD". Exits 0 when every call behaved, 1 otherwise.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kapi_test.h"

int main(int argc, char **argv)
{
	char buf[1];
	long bad, good, i;
	int zero;

	if (argc != 3 || (bad = atol(argv[1])) < 0 || (good = atol(argv[2])) < 0) {
		fprintf(stderr, "usage: kapi_trace BAD GOOD\n");
		return 2;
	}
	zero = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	if (zero < 0) {
		perror("kapi_trace: /dev/zero");
		return 1;
	}
	for (i = 0; i < bad; i++) {
		if (syscall(SYS_read, KAPI_FD_MINUS_1, buf, 1) != -1 || errno != EBADF) {
			fprintf(stderr, "kapi_trace: read(-1) did not fail with EBADF: %m\n");
			return 1;
		}
	}
	for (i = 0; i < good; i++) {
		if (syscall(SYS_read, zero, buf, 1) != 1) {
			fprintf(stderr, "kapi_trace: read of /dev/zero failed: %m\n");
			return 1;
		}
	}
	close(zero);
	printf("pid=%d bad=%ld good=%ld\n", getpid(), bad, good);
	return 0;
}

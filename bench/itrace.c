// SPDX-License-Identifier: GPL-2.0
/*
 * The guest side of bench/itrace.sh: each system call the benchmark loops
 * make (a one-byte read() of /dev/zero, a one-byte write() to /dev/null,
 * openat() and close() of /dev/null, a one-byte pread64() and readv() of
 * /dev/zero), once to warm up and once to be
 * traced, each between two marker calls (getpid() and getppid(), which
 * kapi does not hook) that bench/itrace.py cuts the trace at. The host
 * turns the trace on before it starts (the guest script waits for that).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static void marker(int odd)
{
	syscall(odd ? SYS_getppid : SYS_getpid);
}

int main(void)
{
	int zero = open("/dev/zero", O_RDONLY);
	int null = open("/dev/null", O_WRONLY);
	char b[1];
	struct iovec iov = { .iov_base = b, .iov_len = 1 };
	int i, fd;

	if (zero < 0 || null < 0) {
		perror("itrace: open");
		return 1;
	}
	for (i = 0; i < 2; i++) {
		marker(0);
		if (read(zero, b, 1) != 1)
			return 1;
		marker(1);
		if (write(null, b, 1) != 1)
			return 1;
		marker(0);
		fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);
		marker(1);
		if (fd < 0 || close(fd))
			return 1;
		marker(0);
		if (pread(zero, b, 1, 0) != 1)
			return 1;
		marker(1);
		if (readv(zero, &iov, 1) != 1)
			return 1;
	}
	marker(0);
	return 0;
}

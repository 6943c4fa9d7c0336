// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_finit: load one module with finit_module(2), once, and say why it
 * failed. The fault injection test (scripts/guest/faults.sh) needs this:
 * busybox's insmod retries a failed finit_module() with init_module(),
 * which would load the module a second time, after the injected failure
 * was spent, and hide the first attempt's outcome.
 *
 *   kapi_finit MODULE [PARAMS]
 *
 * Exits 0 if the module loaded, 1 (printing the error) if not, 2 on a
 * usage error or if MODULE cannot be opened.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *params = argc > 2 ? argv[2] : "";
	int fd;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: kapi_finit MODULE [PARAMS]\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "kapi_finit: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	if (syscall(SYS_finit_module, fd, params, 0) != 0) {
		fprintf(stderr, "kapi_finit: %s: %s\n", argv[1], strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

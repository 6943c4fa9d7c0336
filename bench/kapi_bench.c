// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_bench: the cost of one hooked system call, for 'make bench'. It
 * times five loops with clock_gettime(CLOCK_MONOTONIC): read() of one byte
 * from /dev/zero, write() of one byte to /dev/null, openat() of /dev/null
 * followed by close(), pread64() of one byte from /dev/zero at position 0,
 * and readv() of one byte (one iovec) from /dev/zero. Each loop is first calibrated so that one
 * run lasts about --ms milliseconds, then run --runs times; the median of
 * the runs' nanoseconds per iteration is reported, on one line that
 * bench/run.sh reads:
 *   kapi-bench label=LABEL read=NS write=NS openat_close=NS pread64=NS readv=NS
 * and the spread of the runs on a "#" line. Static, so that it runs in the
 * test guests as it is.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_RUNS 64
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static int zero_fd, null_fd;
static char byte;

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void op_read(unsigned long n)
{
	while (n--)
		if (read(zero_fd, &byte, 1) != 1)
			die("kapi_bench: read");
}

static void op_write(unsigned long n)
{
	while (n--)
		if (write(null_fd, &byte, 1) != 1)
			die("kapi_bench: write");
}

static void op_openat_close(unsigned long n)
{
	while (n--) {
		int fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);

		if (fd < 0 || close(fd))
			die("kapi_bench: openat/close");
	}
}

static void op_pread64(unsigned long n)
{
	while (n--)
		if (pread(zero_fd, &byte, 1, 0) != 1)
			die("kapi_bench: pread64");
}

static void op_readv(unsigned long n)
{
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };

	while (n--)
		if (readv(zero_fd, &iov, 1) != 1)
			die("kapi_bench: readv");
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Nanoseconds per iteration of @op over @n iterations. */
static double timed(void (*op)(unsigned long n), unsigned long n)
{
	double t0 = now_ns();

	op(n);
	return (now_ns() - t0) / n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

struct result {
	double median, min, max;
};

static struct result measure(void (*op)(unsigned long n), int runs, double ms)
{
	double ns[MAX_RUNS], per;
	unsigned long n = 16, iters;
	struct result r;
	int i;

	/* Calibrate: grow the loop until it takes a tenth of a run. */
	for (;;) {
		per = timed(op, n);
		if (per * n >= ms * 1e5 || n >= 1UL << 30)
			break;
		n *= 2;
	}
	iters = ms * 1e6 / per;
	if (iters < 1)
		iters = 1;
	for (i = 0; i < runs; i++)
		ns[i] = timed(op, iters);
	qsort(ns, runs, sizeof(ns[0]), cmp_double);
	r.median = runs % 2 ? ns[runs / 2] : (ns[runs / 2 - 1] + ns[runs / 2]) / 2;
	r.min = ns[0];
	r.max = ns[runs - 1];
	return r;
}

static void usage(const char *prog)
{
	fprintf(stderr,
		"usage: %s [--label NAME] [--runs N] [--ms MS] [--quick]\n"
		"  --label NAME  name of the configuration in the output (default: run)\n"
		"  --runs N      timed runs per loop, the median is reported (default 7)\n"
		"  --ms MS       length of one run in milliseconds (default 200)\n"
		"  --quick       3 runs of 5 ms: checks that it works, measures little\n",
		prog);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "label", required_argument, NULL, 'l' },
		{ "runs", required_argument, NULL, 'r' },
		{ "ms", required_argument, NULL, 'm' },
		{ "quick", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct {
		const char *name;
		void (*op)(unsigned long n);
	} loops[] = {
		{ "read", op_read },
		{ "write", op_write },
		{ "openat_close", op_openat_close },
		{ "pread64", op_pread64 },
		{ "readv", op_readv },
	};
	struct result res[ARRAY_SIZE(loops)];
	const char *label = "run";
	double ms = 200;
	int runs = 7, c;
	size_t i;

	while ((c = getopt_long(argc, argv, "l:r:m:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			label = optarg;
			break;
		case 'r':
			runs = atoi(optarg);
			break;
		case 'm':
			ms = atof(optarg);
			break;
		case 'q':
			runs = 3;
			ms = 5;
			break;
		case 'h':
			usage(argv[0]);
			return 0;
		default:
			usage(argv[0]);
			return 2;
		}
	}
	if (runs < 1 || runs > MAX_RUNS || ms <= 0 || strchr(label, ' ')) {
		usage(argv[0]);
		return 2;
	}
	zero_fd = open("/dev/zero", O_RDONLY);
	null_fd = open("/dev/null", O_WRONLY);
	if (zero_fd < 0 || null_fd < 0)
		die("kapi_bench: /dev/zero, /dev/null");
	for (i = 0; i < ARRAY_SIZE(loops); i++)
		res[i] = measure(loops[i].op, runs, ms);
	printf("kapi-bench label=%s read=%.1f write=%.1f openat_close=%.1f pread64=%.1f readv=%.1f\n",
	       label, res[0].median, res[1].median, res[2].median, res[3].median,
	       res[4].median);
	printf("# %s: %d runs of %.0f ms;", label, runs, ms);
	for (i = 0; i < ARRAY_SIZE(loops); i++)
		printf(" %s %.1f-%.1f", loops[i].name, res[i].min, res[i].max);
	printf(" ns\n");
	return 0;
}

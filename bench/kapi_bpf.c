// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_bpf: loads kapi_bpf.bpf.c (the read() and write() rules of kapi's
 * specs as an eBPF program, fentry/fexit on __x64_sys_read and
 * __x64_sys_write), and prints what it counted when it stops:
 *
 *   kapi_bpf [--empty] [--] COMMAND [ARG...]  attach, run COMMAND, detach
 *   kapi_bpf [--empty]               attach until SIGINT or SIGTERM
 *   kapi_bpf --selftest              make known violations, check the counts
 *                                    (and again under deliberately bent rules)
 *   kapi_bpf --violations            the known calls, without the program
 *
 * --empty attaches programs that return at once: the trampolines' cost.
 *
 * Every process is checked (as kapi with its filter cleared), except with
 * --selftest, which checks its own calls only. One line per system call:
 *   kapi-bpf sys_read calls=N fd=N buf=N return_range=N return_count=N
 *            failed=N undocumented=N divergences=N
 * For 'make bench' (bench/run.sh, Documentation/bench.rst). Statically
 * linked with libbpf, so that it runs in the test guests as it is.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "kapi_bpf.h"
#include "kapi_bpf.skel.h"

static const char *const call_names[KAPI_BPF_NR_CALLS] = { "sys_read", "sys_write" };
static const char *const rule_names[KAPI_BPF_NR_RULES] = {
	"calls", "fd", "buf", "return_range", "return_count", "failed",
	"undocumented", "divergences",
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

/* Sum of each counter over the CPUs. */
static int read_counters(struct kapi_bpf *skel, unsigned long long *out)
{
	int ncpus = libbpf_num_possible_cpus(), fd = bpf_map__fd(skel->maps.counters);
	unsigned long long *vals;
	__u32 i;
	int c;

	if (ncpus <= 0)
		return -1;
	vals = calloc(ncpus, sizeof(*vals));
	if (!vals)
		return -1;
	for (i = 0; i < KAPI_BPF_NR_COUNTERS; i++) {
		if (bpf_map_lookup_elem(fd, &i, vals)) {
			free(vals);
			return -1;
		}
		out[i] = 0;
		for (c = 0; c < ncpus; c++)
			out[i] += vals[c];
	}
	free(vals);
	return 0;
}

static void print_counters(FILE *f, const char *prefix, const unsigned long long *v)
{
	int call, rule;

	for (call = 0; call < KAPI_BPF_NR_CALLS; call++) {
		fprintf(f, "%s %s", prefix, call_names[call]);
		for (rule = 0; rule < KAPI_BPF_NR_RULES; rule++)
			fprintf(f, " %s=%llu", rule_names[rule], v[KAPI_BPF_IDX(call, rule)]);
		fprintf(f, "\n");
	}
}

/*
 * The top of the user address range, TASK_SIZE_MAX, as access_ok() uses
 * it: (1 << 47) - PAGE_SIZE with 4-level page tables, (1 << 56) - PAGE_SIZE
 * with 5. Asked of the kernel itself: a one-byte write() to /dev/null
 * passes access_ok() and then touches nothing, so it succeeds exactly when
 * the byte lies below the top.
 */
static unsigned long long user_max(void)
{
	const unsigned long long l4 = (1ULL << 47) - 4096, l5 = (1ULL << 56) - 4096;
	int fd = open("/dev/null", O_WRONLY);
	ssize_t below, at;

	if (fd < 0)
		return l4;
	below = write(fd, (void *)(uintptr_t)(l4 - 1), 1);
	at = write(fd, (void *)(uintptr_t)l4, 1);
	close(fd);
	if (below != 1)
		fprintf(stderr, "kapi_bpf: write() below TASK_SIZE_MAX failed; assuming 4-level paging\n");
	return below == 1 && at == 1 ? l5 : l4;
}

/*
 * Known calls, each violating known rules or none, made by --selftest under
 * the program and by --violations under another checker (bpftrace). Sets
 * @want to the counts they must give; returns nonzero if a call did not
 * return what the kernel returns for it.
 */
static int make_calls(unsigned long long *want)
{
	void *const kaddr = (void *)0xffff888000000000UL;	/* kernel space */
	int zfd = open("/dev/zero", O_RDONLY), nfd = open("/dev/null", O_WRONLY);
	int pfd = open("/", O_PATH), dfd = open("/", O_RDONLY | O_DIRECTORY);
	char b = 0;
	int i, n = 0, bad = 0;
	struct {
		const char *what;
		long got, want;
	} calls[10];

#define R(rule) want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_##rule)]++
#define W(rule) want[KAPI_BPF_IDX(KAPI_BPF_WRITE, KAPI_BPF_##rule)]++
#define CALL(desc, expr, expect) do {					\
		long r_ = (expr);					\
		calls[n].what = (desc);					\
		calls[n].got = r_ < 0 ? -errno : r_;			\
		calls[n++].want = (expect);				\
	} while (0)

	memset(want, 0, KAPI_BPF_NR_COUNTERS * sizeof(*want));
	if (zfd < 0 || nfd < 0 || pfd < 0 || dfd < 0) {
		perror("kapi_bpf: open");
		return 1;
	}
	/* Valid calls: counted, nothing broken. */
	CALL("read(zero, buf, 1)", read(zfd, &b, 1), 1);
	R(CALLS);
	CALL("write(null, buf, 1)", write(nfd, &b, 1), 1);
	W(CALLS);
	/* A directory: the call fails with a listed error, but breaks no rule. */
	CALL("read(dir, buf, 1)", read(dfd, &b, 1), -EISDIR);
	R(CALLS); R(FAILED);
	/* Broken descriptors: -1, O_PATH, not open for reading or writing. */
	CALL("read(-1, buf, 1)", read(-1, &b, 1), -EBADF);
	R(CALLS); R(FD); R(FAILED);
	CALL("read(O_PATH, buf, 1)", read(pfd, &b, 1), -EBADF);
	R(CALLS); R(FD); R(FAILED);
	CALL("read(null O_WRONLY, buf, 1)", read(nfd, &b, 1), -EBADF);
	R(CALLS); R(FD); R(FAILED);
	CALL("write(zero O_RDONLY, buf, 1)", write(zfd, &b, 1), -EBADF);
	W(CALLS); W(FD); W(FAILED);
	/* Kernel addresses. */
	CALL("read(zero, kernel, 1)", read(zfd, kaddr, 1), -EFAULT);
	R(CALLS); R(BUF); R(FAILED);
	CALL("write(null, kernel, 1)", write(nfd, kaddr, 1), -EFAULT);
	W(CALLS); W(BUF); W(FAILED);
	/* Both rules at once: EBADF (the descriptor is checked first). */
	CALL("read(1000, kernel, 1)", read(1000, kaddr, 1), -EBADF);
	R(CALLS); R(FD); R(BUF); R(FAILED);

	close(zfd);
	close(nfd);
	close(pfd);
	close(dfd);
	for (i = 0; i < n; i++)
		if (calls[i].got != calls[i].want) {
			printf("kapi-bpf selftest: %s returned %ld, expected %ld\n",
			       calls[i].what, calls[i].got, calls[i].want);
			bad = 1;
		}
	return bad;
#undef R
#undef W
#undef CALL
}

/*
 * Calls under a program whose rules were bent on purpose (the top of user
 * space put at 64 KiB, EISDIR struck from the lists), so that the checks
 * after the call have something to find: a predicted EFAULT that does not
 * come (divergence), an error no rule predicts and the lists do not name
 * (undocumented, divergence), and a predicted EBADF that does come.
 */
static int bent_calls(unsigned long long *want)
{
	int zfd = open("/dev/zero", O_RDONLY), nfd = open("/dev/null", O_WRONLY);
	int dfd = open("/", O_RDONLY | O_DIRECTORY);
	char b = 0;
	int bad = 0;

	memset(want, 0, KAPI_BPF_NR_COUNTERS * sizeof(*want));
	if (zfd < 0 || nfd < 0 || dfd < 0) {
		perror("kapi_bpf: open");
		return 1;
	}
	bad |= read(zfd, &b, 1) != 1;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_CALLS)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_BUF)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_DIVERGENCE)]++;
	bad |= write(nfd, &b, 1) != 1;
	want[KAPI_BPF_IDX(KAPI_BPF_WRITE, KAPI_BPF_CALLS)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_WRITE, KAPI_BPF_BUF)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_WRITE, KAPI_BPF_DIVERGENCE)]++;
	bad |= read(dfd, &b, 1) != -1 || errno != EISDIR;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_CALLS)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_BUF)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_FAILED)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_UNDOCUMENTED)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_DIVERGENCE)]++;
	bad |= read(-1, &b, 1) != -1 || errno != EBADF;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_CALLS)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_FD)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_BUF)]++;
	want[KAPI_BPF_IDX(KAPI_BPF_READ, KAPI_BPF_FAILED)]++;
	close(zfd);
	close(nfd);
	close(dfd);
	if (bad)
		printf("kapi-bpf selftest: a bent call did not return what the kernel returns\n");
	return bad;
}

/*
 * Open, configure, load and attach the program: @empty programs, checking
 * process @tgid only (0: every process), with @umax as the top of user
 * space, and @drop struck from both lists of errors (0: none).
 */
static struct kapi_bpf *start(int empty, pid_t tgid, unsigned long long umax, int drop)
{
	struct kapi_bpf *skel = kapi_bpf__open();
	int err, call;

	if (!skel) {
		fprintf(stderr, "kapi_bpf: opening the BPF object failed: %s\n", strerror(errno));
		return NULL;
	}
	skel->rodata->user_max = umax;
	skel->rodata->empty = empty;
	skel->rodata->filter_tgid = tgid;
	for (call = 0; drop && call < KAPI_BPF_NR_CALLS; call++)
		skel->rodata->documented[call][drop / 64] &= ~(1ULL << (drop % 64));
	err = kapi_bpf__load(skel);
	if (!err)
		err = kapi_bpf__attach(skel);
	if (err) {
		fprintf(stderr, "kapi_bpf: loading or attaching failed: %s\n", strerror(-err));
		kapi_bpf__destroy(skel);
		return NULL;
	}
	return skel;
}

/*
 * make_calls() under the program, then bent_calls() under a bent one, each
 * checking this process only; every counter must be exactly as expected.
 */
static int selftest(void)
{
	static const struct {
		const char *name;
		int (*calls)(unsigned long long *want);
		int bent;
	} phases[] = {
		{ "known calls", make_calls, 0 },
		{ "bent rules", bent_calls, 1 },
	};
	unsigned long long before[KAPI_BPF_NR_COUNTERS], after[KAPI_BPF_NR_COUNTERS];
	unsigned long long want[KAPI_BPF_NR_COUNTERS];
	unsigned long long umax = user_max();
	struct kapi_bpf *skel;
	int i, bad = 0;
	size_t p;
	char what[64];

	for (p = 0; p < sizeof(phases) / sizeof(phases[0]); p++) {
		skel = start(0, getpid(), phases[p].bent ? 0x10000 : umax,
			     phases[p].bent ? EISDIR : 0);
		if (!skel || read_counters(skel, before)) {
			bad = 1;
			break;
		}
		bad |= phases[p].calls(want);
		if (read_counters(skel, after)) {
			kapi_bpf__destroy(skel);
			bad = 1;
			break;
		}
		kapi_bpf__destroy(skel);
		for (i = 0; i < KAPI_BPF_NR_COUNTERS; i++)
			after[i] -= before[i];
		snprintf(what, sizeof(what), "kapi-bpf selftest, %s: counted", phases[p].name);
		print_counters(stdout, what, after);
		snprintf(what, sizeof(what), "kapi-bpf selftest, %s: expected", phases[p].name);
		print_counters(stdout, what, want);
		for (i = 0; i < KAPI_BPF_NR_COUNTERS; i++)
			if (after[i] != want[i]) {
				printf("kapi-bpf selftest, %s: %s %s: counted %llu, expected %llu\n",
				       phases[p].name, call_names[i / KAPI_BPF_NR_RULES],
				       rule_names[i % KAPI_BPF_NR_RULES], after[i], want[i]);
				bad = 1;
			}
	}
	printf("kapi-bpf selftest: %s (the counts of known calls and violations)\n",
	       bad ? "FAILED" : "ok");
	return bad;
}

/*
 * --violations: make_calls() under another checker, which counts this
 * process's read() and write() calls; so the expected counts go out with
 * writev(), which it does not count, in one piece.
 */
static int violations(void)
{
	unsigned long long want[KAPI_BPF_NR_COUNTERS];
	struct iovec iov;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int bad;

	bad = make_calls(want);
	f = open_memstream(&text, &len);
	if (!f)
		return 1;
	print_counters(f, "kapi-bpf expected", want);
	if (fclose(f))
		return 1;
	iov.iov_base = text;
	iov.iov_len = len;
	if (writev(STDOUT_FILENO, &iov, 1) != (ssize_t)len)
		bad = 1;
	free(text);
	return bad;
}

static void usage(const char *prog)
{
	fprintf(stderr,
		"usage: %s [--empty] [--] COMMAND [ARG...]\n"
		"                      check every process's read() and write() while COMMAND runs\n"
		"       %s [--empty]   the same until SIGINT or SIGTERM\n"
		"       %s --selftest  make known calls and violations, check the counts\n"
		"       %s --violations\n"
		"                      make the same calls without the program, print the counts\n"
		"                      a checker must give for them\n"
		"  --empty  programs that return at once: the cost of the trampolines alone\n",
		prog, prog, prog, prog);
}

int main(int argc, char **argv)
{
	unsigned long long v[KAPI_BPF_NR_COUNTERS];
	struct kapi_bpf *skel;
	int argi, self = 0, empty = 0, status = 0;

	for (argi = 1; argi < argc && argv[argi][0] == '-'; argi++) {
		if (!strcmp(argv[argi], "--")) {
			argi++;
			break;
		} else if (!strcmp(argv[argi], "--selftest")) {
			self = 1;
		} else if (!strcmp(argv[argi], "--empty")) {
			empty = 1;
		} else if (!strcmp(argv[argi], "--violations")) {
			return violations();
		} else {
			usage(argv[0]);
			return strcmp(argv[argi], "-h") && strcmp(argv[argi], "--help") ? 2 : 0;
		}
	}
	if (self && (empty || argi < argc)) {
		usage(argv[0]);
		return 2;
	}
	libbpf_set_print(libbpf_print);
	if (self)
		return selftest();
	skel = start(empty, 0, user_max(), 0);
	if (!skel)
		return 1;
	if (argi < argc) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("kapi_bpf: fork");
			status = 1;
		} else if (pid == 0) {
			execvp(argv[argi], argv + argi);
			perror(argv[argi]);
			_exit(127);
		} else if (waitpid(pid, &status, 0) < 0) {
			perror("kapi_bpf: waitpid");
			status = 1;
		} else {
			status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		}
	} else {
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		while (!stop)
			pause();
	}
	if (read_counters(skel, v)) {
		fprintf(stderr, "kapi_bpf: reading the counters failed\n");
		status = 1;
	} else {
		print_counters(stdout, "kapi-bpf", v);
	}
	kapi_bpf__destroy(skel);
	return status;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_filter: auditing one program with /sys/kernel/debug/kapi/runtime/
 * filter. A subject makes the same violating calls under filters on pid,
 * tgid, uid and comm that do or do not match it: when the filter leaves it
 * out, its calls are neither counted, recorded nor enforced (the caller
 * sees what the kernel returns, the counters do not move); when the filter
 * matches, kapi acts as its mode says. All keys of a filter must match,
 * and a cleared filter watches every process. Prints KTAP; run as root in
 * the VM by scripts/guest/runtime.sh in each mode.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kapi_test.h"

#define NOBODY 65534

static struct kapi_run run;
static int null_w = -1;

static void s_violations(struct kapi_outcome *o, void *arg)
{
	kapi_call3(o, SYS_read, null_w, KAPI_KERNEL_ADDR, 1);
	kapi_call1(o, SYS_close, KAPI_FD_NEVER_OPEN);
	kapi_call3(o, SYS_open, "/dev/null", O_RDONLY | O_DIRECTORY, 0);
}

static const struct kapi_expect e_violations[] = {
	KAPI_BAD2(KAPI_READ, -EBADF, "fd", "fd", EBADF, "fd_mode[r]", "fd_mode[w]",
		  "buf", "buffer", EFAULT, EBADF),
	KAPI_BAD(KAPI_CLOSE, -EBADF, "fd", "fd", EBADF),
	KAPI_OK(KAPI_OPEN, -ENOTDIR),
};

/*
 * Run the subject under @filter (a format; "%d" is its pid). @matches says
 * whether the filter admits it: if not, kapi must act as if it were off.
 */
static void filtered(const struct kapi_subject *opt, bool matches)
{
	int mode = kapi_mode();

	if (null_w < 0)
		null_w = open("/dev/null", O_WRONLY);
	if (!kt_check(null_w >= 0 && mode != KAPI_MODE_UNKNOWN,
		      "cannot open /dev/null or read the mode"))
		return;
	if (kapi_run_subject(&run, opt, s_violations, NULL))
		kapi_expect_run(&run, e_violations, KAPI_ARRAY_SIZE(e_violations),
				matches ? mode : KAPI_MODE_OFF);
}

static void t_pid_other(void)
{
	struct kapi_subject opt = { 0 };
	char filter[64];
	pid_t bystander;

	/* A process that makes no calls at all while the subject runs. */
	fflush(stdout);
	bystander = fork();
	if (bystander == 0) {
		pause();
		_exit(0);
	}
	if (!kt_check(bystander > 0, "fork: %m"))
		return;
	snprintf(filter, sizeof(filter), "pid=%d", bystander);
	opt.filter = filter;
	filtered(&opt, false);
	kill(bystander, SIGKILL);
	waitpid(bystander, NULL, 0);
}

static void t_pid_own(void)
{
	struct kapi_subject opt = { .filter = "pid=%d" };

	filtered(&opt, true);
}

static void t_tgid(void)
{
	struct kapi_subject opt = { .filter = "tgid=%d" };

	filtered(&opt, true);
}

static void t_comm_other(void)
{
	struct kapi_subject opt = { .filter = "comm=kapi_other" };

	filtered(&opt, false);
}

static void t_comm_own(void)
{
	struct kapi_subject opt = { .filter = "comm=kapi_prog", .comm = "kapi_prog" };

	filtered(&opt, true);
}

static void t_uid_own(void)
{
	struct kapi_subject opt = {
		.filter = "uid=65534", .uid = NOBODY, .set_uid = true,
	};

	filtered(&opt, true);
}

static void t_uid_other(void)
{
	struct kapi_subject opt = { .filter = "uid=65534" };

	filtered(&opt, false);
}

static void t_all_keys_other(void)
{
	struct kapi_subject opt = { .filter = "pid=%d comm=kapi_other" };

	filtered(&opt, false);
}

static void t_all_keys_own(void)
{
	struct kapi_subject opt = {
		.filter = "pid=%d tgid=%d uid=0 comm=" KAPI_SUBJECT_COMM,
	};

	filtered(&opt, true);
}

static void t_cleared(void)
{
	struct kapi_subject opt = { .filter = "clear" };
	const struct kapi_record *r;
	size_t n, i, mine = 0, want;
	int mode = kapi_mode();

	if (null_w < 0)
		null_w = open("/dev/null", O_WRONLY);
	if (!kapi_run_subject(&run, &opt, s_violations, NULL))
		return;
	/*
	 * Everything is counted now, this program's reads of kapi's files
	 * too, so only the subject's records are exact: the read's fd and
	 * buffer violations and the close's fd violation.
	 */
	want = mode == KAPI_MODE_OFF ? 0 : 3;
	n = kapi_run_records(&run, &r);
	for (i = 0; i < n; i++)
		mine += r[i].pid == run.pid;
	kt_check(mine == want, "%zu records of the subject, expected %zu in %s mode",
		 mine, want, kapi_mode_name(mode));
	/* The kernel's EBADF in every mode: enforce returns the first error. */
	kt_check(run.out.call[0].ret == -EBADF,
		 "the read returned %ld in %s mode", run.out.call[0].ret,
		 kapi_mode_name(mode));
	kapi_filter_set("comm=kapi_nobody");
}

static const struct kt_case cases[] = {
	{ "pid filter leaves out another process", t_pid_other },
	{ "pid filter admits its process", t_pid_own },
	{ "tgid filter admits its process", t_tgid },
	{ "comm filter leaves out another program", t_comm_other },
	{ "comm filter admits its program", t_comm_own },
	{ "uid filter admits a process of that user", t_uid_own },
	{ "uid filter leaves out another user", t_uid_other },
	{ "every key must match: pid matches, comm does not", t_all_keys_other },
	{ "every key must match: all four match", t_all_keys_own },
	{ "a cleared filter watches every process", t_cleared },
};

int main(int argc, char **argv)
{
	return kt_main(argc, argv, cases, KAPI_ARRAY_SIZE(cases));
}

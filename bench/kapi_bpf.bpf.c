// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_bpf.bpf.c: the machine-checked rules of kapi's read() and write()
 * specs (module/specs/fs.c), as an eBPF program -- what a kernel developer
 * would write today instead of loading kapi.ko. For 'make bench', which
 * runs it next to kapi (Documentation/bench.rst).
 *
 * BPF trampolines on the functions kapi hooks, __x64_sys_read and
 * __x64_sys_write: the fentry program checks the arguments read from the
 * user registers (struct pt_regs *, whose di, si, dx are fd, buf, count),
 * the fexit program the return value. Per system call and rule, a per-CPU
 * array counts (kapi_bpf.h):
 *
 *   fd      the descriptor is not open, is an O_PATH one, is not open for
 *           reading (writing), or has no read (write) method -- the spec's
 *           KAPI_FD_OPEN | NOT_PATH | READ | CAN_READ (WRITE | CAN_WRITE),
 *           looked up in the caller's table as kapi does (a snapshot under
 *           RCU, no reference taken)
 *   buf     buf .. buf + count is not a user range that access_ok() accepts
 *           (the buffer constraint with size-param count)
 *   return  a success value outside 0..S64_MAX (the return range), or more
 *           bytes than min(count, MAX_RW_COUNT) (the "Transfer size"
 *           constraint, which kapi states but does not check)
 *   failed, undocumented
 *           calls that failed, and those whose error the spec does not list
 *           (the lists are generated from the specs at build time:
 *           kapi_bpf_errors.h); object-qualified errors count as listed for
 *           every object, as kapi counts them for an object it cannot tell
 *   divergence
 *           a call for which a parameter rule predicted an error (fd's
 *           EBADF, or EINVAL for a missing method; else buf's EFAULT) but
 *           which succeeded, or failed with another error the spec does not
 *           list (restart codes excepted), as kapi's check after the call
 *
 * Without vmlinux.h: the few kernel structures it reads are declared here
 * with preserve_access_index, so that libbpf relocates the field offsets
 * against the running kernel's BTF (CO-RE); one object for 6.1 and 6.12.
 */
#include <linux/bpf.h>
#include <linux/types.h>
#include <stdbool.h>
#include <asm-generic/errno.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "kapi_bpf.h"
#include "kapi_bpf_errors.h"

/* Kernel-internal codes that the specs list (include/linux/errno.h). */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514
#define ERESTART_RESTARTBLOCK	516
#define MAX_ERRNO		4095

/* include/linux/fs.h, the same on 6.1 and 6.12 */
#define FMODE_READ		0x1
#define FMODE_WRITE		0x2
#define FMODE_PATH		0x4000
#define FMODE_CAN_READ		0x20000
#define FMODE_CAN_WRITE		0x40000
#define MAX_RW_COUNT		0x7ffff000UL	/* INT_MAX & PAGE_MASK */
#define S64_MAX			0x7fffffffffffffffLL

#define __pai __attribute__((preserve_access_index))

struct pt_regs {
	unsigned long di, si, dx;
} __pai;

struct file {
	unsigned int f_mode;
} __pai;

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
} __pai;

struct files_struct {
	struct fdtable *fdt;
} __pai;

struct task_struct {
	struct files_struct *files;
} __pai;

char LICENSE[] SEC("license") = "GPL";

/* Set by the loader before loading. */
const volatile __u64 user_max = 0x7ffffffff000ULL;	/* TASK_SIZE_MAX */
const volatile __u32 filter_tgid;			/* 0: every process */
const volatile bool empty;	/* return at once: the trampolines' cost alone */

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, KAPI_BPF_NR_COUNTERS);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

/* A call's predicted errors, from its entry to its exit (rare: violations). */
struct pending {
	int fd_err, buf_err;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct pending);
} pending SEC(".maps");

/* Calls between an entry that stored a prediction and its exit. */
int npending;

/*
 * The errors each spec lists, as bitmaps of 16 x 64 codes (0..1023; the
 * verifier's bounds on the word index are those of a power of two).
 */
#define DOC_BIT(e, w)	| (((e) >> 6) == (w) ? 1ULL << ((e) & 63) : 0)
#define DOC_W0(e)	DOC_BIT(e, 0)
#define DOC_W1(e)	DOC_BIT(e, 1)
#define DOC_W2(e)	DOC_BIT(e, 2)
#define DOC_W3(e)	DOC_BIT(e, 3)
#define DOC_W4(e)	DOC_BIT(e, 4)
#define DOC_W5(e)	DOC_BIT(e, 5)
#define DOC_W6(e)	DOC_BIT(e, 6)
#define DOC_W7(e)	DOC_BIT(e, 7)
#define DOC_W8(e)	DOC_BIT(e, 8)
#define DOC_W9(e)	DOC_BIT(e, 9)
#define DOC_W10(e)	DOC_BIT(e, 10)
#define DOC_W11(e)	DOC_BIT(e, 11)
#define DOC_W12(e)	DOC_BIT(e, 12)
#define DOC_W13(e)	DOC_BIT(e, 13)
#define DOC_W14(e)	DOC_BIT(e, 14)
#define DOC_W15(e)	DOC_BIT(e, 15)
#define DOC_WORDS	16
#define DOC(list) {							\
	0 list(DOC_W0), 0 list(DOC_W1), 0 list(DOC_W2), 0 list(DOC_W3),	\
	0 list(DOC_W4), 0 list(DOC_W5), 0 list(DOC_W6), 0 list(DOC_W7),	\
	0 list(DOC_W8), 0 list(DOC_W9), 0 list(DOC_W10), 0 list(DOC_W11), \
	0 list(DOC_W12), 0 list(DOC_W13), 0 list(DOC_W14), 0 list(DOC_W15) }

const __u64 documented[KAPI_BPF_NR_CALLS][DOC_WORDS] = {
	[KAPI_BPF_READ] = DOC(KAPI_BPF_ERRORS_read),
	[KAPI_BPF_WRITE] = DOC(KAPI_BPF_ERRORS_write),
};

static __always_inline void count(int call, int rule)
{
	__u32 idx = KAPI_BPF_IDX(call, rule);
	__u64 *c = bpf_map_lookup_elem(&counters, &idx);

	if (c)
		(*c)++;
}

static __always_inline bool filtered(void)
{
	return filter_tgid && (bpf_get_current_pid_tgid() >> 32) != filter_tgid;
}

/* The error the descriptor rule predicts, 0 if it holds (or is unknown). */
static __always_inline int fd_error(unsigned int fd, unsigned int need,
				    unsigned int can)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct files_struct *files = task->files;
	struct fdtable *fdt;
	struct file **arr, *file = 0;
	unsigned int mode;

	if (!files)
		return 0;
	fdt = files->fdt;
	if (fd >= fdt->max_fds)
		return -EBADF;
	arr = fdt->fd;
	if (bpf_probe_read_kernel(&file, sizeof(file), &arr[fd]))
		return 0;
	if (!file)
		return -EBADF;
	if (bpf_core_read(&mode, sizeof(mode), &file->f_mode))
		return 0;
	if ((mode & FMODE_PATH) || !(mode & need))
		return -EBADF;
	if (!(mode & can))
		return -EINVAL;
	return 0;
}

static __always_inline int enter(int call, struct pt_regs *regs,
				 unsigned int need, unsigned int can)
{
	unsigned int fd = regs->di;		/* unsigned int fd */
	__u64 buf = regs->si, n = regs->dx;
	int fd_err, buf_err = 0;

	if (empty || filtered())
		return 0;
	count(call, KAPI_BPF_CALLS);
	fd_err = fd_error(fd, need, can);
	if (fd_err)
		count(call, KAPI_BPF_FD);
	if (n > user_max || buf > user_max - n) {
		buf_err = -EFAULT;
		count(call, KAPI_BPF_BUF);
	}
	if (fd_err || buf_err) {
		struct pending *p;

		p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0,
					 BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (p) {
			if (!p->fd_err && !p->buf_err)
				__sync_fetch_and_add(&npending, 1);
			p->fd_err = fd_err;
			p->buf_err = buf_err;
		}
	}
	return 0;
}

static __always_inline bool is_documented(int call, unsigned long code)
{
	if (code >= DOC_WORDS * 64)
		return false;
	return (documented[call][code >> 6] >> (code & 63)) & 1;
}

static __always_inline int leave(int call, struct pt_regs *regs, long ret)
{
	struct pending pred = {};
	bool undocumented;

	if (empty || filtered())
		return 0;
	if (npending) {
		struct pending *p;

		p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (p && (p->fd_err || p->buf_err)) {
			pred = *p;
			p->fd_err = 0;
			p->buf_err = 0;
			__sync_fetch_and_add(&npending, -1);
		}
	}
	/* Success is 0..S64_MAX: only -MAX_ERRNO..-1 is an error. */
	if (ret >= 0 || ret < -MAX_ERRNO) {
		__u64 n = regs->dx;

		if (ret < 0)
			count(call, KAPI_BPF_RET_RANGE);
		else if ((__u64)ret > (n < MAX_RW_COUNT ? n : MAX_RW_COUNT))
			count(call, KAPI_BPF_RET_COUNT);
		if (pred.fd_err || pred.buf_err)
			count(call, KAPI_BPF_DIVERGENCE);
		return 0;
	}
	count(call, KAPI_BPF_FAILED);
	undocumented = !is_documented(call, (unsigned long)-ret);
	if (undocumented)
		count(call, KAPI_BPF_UNDOCUMENTED);
	if (!pred.fd_err && !pred.buf_err)
		return 0;
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	    ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK)
		return 0;
	if (ret == pred.fd_err || ret == pred.buf_err)
		return 0;
	if (undocumented)
		count(call, KAPI_BPF_DIVERGENCE);
	return 0;
}

SEC("fentry/__x64_sys_read")
int BPF_PROG(enter_read, struct pt_regs *regs)
{
	return enter(KAPI_BPF_READ, regs, FMODE_READ, FMODE_CAN_READ);
}

SEC("fexit/__x64_sys_read")
int BPF_PROG(leave_read, struct pt_regs *regs, long ret)
{
	return leave(KAPI_BPF_READ, regs, ret);
}

SEC("fentry/__x64_sys_write")
int BPF_PROG(enter_write, struct pt_regs *regs)
{
	return enter(KAPI_BPF_WRITE, regs, FMODE_WRITE, FMODE_CAN_WRITE);
}

SEC("fexit/__x64_sys_write")
int BPF_PROG(leave_write, struct pt_regs *regs, long ret)
{
	return leave(KAPI_BPF_WRITE, regs, ret);
}

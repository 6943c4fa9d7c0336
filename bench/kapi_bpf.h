/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kapi_bpf.bpf.c counts, shared with its loader kapi_bpf.c: one
 * counter per system call and rule, in a per-CPU array indexed by
 * KAPI_BPF_IDX(call, rule).
 */
#ifndef KAPI_BPF_H
#define KAPI_BPF_H

enum kapi_bpf_call {
	KAPI_BPF_READ,
	KAPI_BPF_WRITE,
	KAPI_BPF_NR_CALLS,
};

enum kapi_bpf_rule {
	KAPI_BPF_CALLS,		/* calls checked */
	KAPI_BPF_FD,		/* param fd: not open, O_PATH, wrong mode, no method */
	KAPI_BPF_BUF,		/* param buf: buf .. buf + count not in user space */
	KAPI_BPF_RET_RANGE,	/* return: a success value outside 0..S64_MAX */
	KAPI_BPF_RET_COUNT,	/* return: more bytes than min(count, MAX_RW_COUNT) */
	KAPI_BPF_FAILED,	/* calls that failed (not a violation) */
	KAPI_BPF_UNDOCUMENTED,	/* an error the spec does not list */
	KAPI_BPF_DIVERGENCE,	/* predicted error, but success or another unlisted error */
	KAPI_BPF_NR_RULES,
};

#define KAPI_BPF_IDX(call, rule) ((call) * KAPI_BPF_NR_RULES + (rule))
#define KAPI_BPF_NR_COUNTERS (KAPI_BPF_NR_CALLS * KAPI_BPF_NR_RULES)

#endif

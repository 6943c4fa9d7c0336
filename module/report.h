/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The report layer of kapi's runtime verification: per-spec per-CPU
 * counters, the bounded ring of recent violation records, the ratelimited
 * kernel log line of each violation, and the filter that selects which
 * tasks are checked. The hooks feed it the check engine's verdicts; the
 * debugfs runtime view prints it. It calls nothing above it.
 *
 * LOCKING: counters are per-CPU and need no lock. The ring has a spinlock
 * taken with interrupts off, for a bounded copy only. The filter is read
 * under a seqlock that its writers take; readers never wait on a lock.
 */
#ifndef KAPI_REPORT_H
#define KAPI_REPORT_H

#include <linux/bits.h>
#include <linux/sched.h>
#include <linux/types.h>

#include "check.h"
#include "kapi.h"

struct seq_file;

/* Distinct undocumented error codes counted per spec; more go to "other". */
#define KAPI_REPORT_ERRNO_SLOTS 32
/* Records the violation ring holds. */
#define KAPI_REPORT_RING_SIZE 256

/**
 * struct kapi_report_counters - one CPU's counters of one spec
 * @calls: calls checked
 * @violations: parameter and context violations
 * @return_violations: success values outside the return spec
 * @undocumented: errors the spec does not list
 * @divergences: results that contradict the predicted error
 * @enforced: calls failed in enforce mode without running
 * @context: context violations (also in @violations)
 * @param: violations per parameter (also in @violations)
 * @errnos: undocumented errors per slot of &kapi_report_spec.errno_slot,
 *	    then those that found no slot
 */
struct kapi_report_counters {
	u64 calls;
	u64 violations;
	u64 return_violations;
	u64 undocumented;
	u64 divergences;
	u64 enforced;
	u64 context;
	u64 param[KAPI_CHECK_MAX_PARAMS];
	u64 errnos[KAPI_REPORT_ERRNO_SLOTS + 1];
};

/**
 * struct kapi_report_spec - the counters of one hooked spec
 * @counters: per-CPU counters, summed when printed
 * @errno_slot: the positive error code each slot of
 *		&kapi_report_counters.errnos counts, 0 for a free slot; a slot
 *		is claimed with cmpxchg() and keeps its code until the spec
 *		goes away
 */
struct kapi_report_spec {
	struct kapi_report_counters __percpu *counters;
	int errno_slot[KAPI_REPORT_ERRNO_SLOTS];
};

/* Bits of &kapi_report_filter.set. */
#define KAPI_FILTER_PID BIT(0)
#define KAPI_FILTER_TGID BIT(1)
#define KAPI_FILTER_UID BIT(2)
#define KAPI_FILTER_COMM BIT(3)

/**
 * struct kapi_report_filter - which tasks are checked
 * @set: KAPI_FILTER_* bits of the fields that are set; 0 admits every task
 * @pid: thread ID (task_pid_nr()), in the initial PID namespace
 * @tgid: process ID (task_tgid_nr())
 * @uid: real user ID, in the initial user namespace
 * @comm: the task's comm, compared whole
 *
 * A task is checked when every field that is set matches it.
 */
struct kapi_report_filter {
	u32 set;
	pid_t pid;
	pid_t tgid;
	uid_t uid;
	char comm[TASK_COMM_LEN];
};

int kapi_report_spec_init(struct kapi_report_spec *rs);
void kapi_report_spec_destroy(struct kapi_report_spec *rs);
void kapi_report_spec_reset(struct kapi_report_spec *rs);
void kapi_report_spec_show(struct seq_file *m, const char *name,
			   struct kapi_report_spec *rs, const void *image,
			   const struct kapi_image_spec *spec);

void kapi_report_before(struct kapi_report_spec *rs, const char *name,
			const struct kapi_check_call *call,
			const struct kapi_check_pre *pre, enum kapi_mode mode,
			bool enforced);
void kapi_report_after(struct kapi_report_spec *rs, const char *name,
		       const struct kapi_check_call *call,
		       const struct kapi_check_pre *pre,
		       const struct kapi_check_post *post, long ret,
		       unsigned long nofile, enum kapi_mode mode);

bool kapi_report_filter_match(void);
void kapi_report_filter_get(struct kapi_report_filter *f);
void kapi_report_filter_set(const struct kapi_report_filter *f);

int kapi_report_ring_show(struct seq_file *m);
void kapi_report_ring_clear(void);
void kapi_report_ring_reset_dropped(void);

#endif /* KAPI_REPORT_H */

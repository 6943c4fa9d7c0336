/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The report layer of kapi's runtime verification: per-spec per-CPU
 * counters, the bounded ring of recent violation records, the ratelimited
 * kernel log line of each violation (off unless asked for), and the filter that selects which
 * tasks are checked. The hooks feed it the check engine's verdicts; the
 * views (debugfs_runtime.c, netlink.c) read and format it. It prints
 * nothing but its kernel log lines, and calls nothing above it.
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

/*
 * Distinct (error code, object kind) pairs of failed calls counted per
 * spec; more go to "other".
 */
#define KAPI_REPORT_ERRNO_SLOTS 64
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
 * @failed: failed calls, documented errors or not, per slot of
 *	    &kapi_report_spec.errno_slot (an error code and an object kind),
 *	    then those that found no slot
 * @errnos: undocumented errors per slot, as @failed (so never more than
 *	    @failed of the same slot)
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
	u64 failed[KAPI_REPORT_ERRNO_SLOTS + 1];
	u64 errnos[KAPI_REPORT_ERRNO_SLOTS + 1];
};

/**
 * struct kapi_report_spec - the counters of one hooked spec
 * @counters: per-CPU counters, summed when printed
 * @errno_slot: what each slot of &kapi_report_counters.failed and .errnos
 *		counts, as kapi_report_errno_key() packs an error code and
 *		an object kind, 0 for a free slot; a slot is claimed with
 *		cmpxchg() and keeps its key until the spec goes away
 */
struct kapi_report_spec {
	struct kapi_report_counters __percpu *counters;
	u32 errno_slot[KAPI_REPORT_ERRNO_SLOTS];
};

/*
 * An errno slot's key: the positive error code (at most MAX_ERRNO) in bits
 * 0-15, the object type in bits 16-23 and its implementation in 24-31.
 */
static inline u32 kapi_report_errno_key(int code, struct kapi_object obj)
{
	return (u32)(code & 0xffff) | (u32)(obj.type & 0xff) << 16 |
	       (u32)(obj.impl & 0xff) << 24;
}

/* The positive error code of an errno slot's key. */
static inline int kapi_report_errno_key_code(u32 key)
{
	return key & 0xffff;
}

/* The object kind of an errno slot's key. */
static inline struct kapi_object kapi_report_errno_key_object(u32 key)
{
	struct kapi_object obj = {
		.type = (key >> 16) & 0xff,
		.impl = key >> 24,
	};

	return obj;
}

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

#define KAPI_REPORT_NAME_LEN 48
#define KAPI_REPORT_RULE_LEN 80
#define KAPI_REPORT_EXPECTED_LEN 96
#define KAPI_REPORT_ACTUAL_LEN 48

/**
 * struct kapi_report_record - one entry of the violation ring
 * @seq: sequence number, from 1, in the order records are made
 * @ts: CLOCK_MONOTONIC time of the record, in ns
 * @pid: the caller's thread ID
 * @tgid: its process ID
 * @uid: its real user ID
 * @mode: the &enum kapi_mode of the check
 * @nargs: entries of @args
 * @comm: the caller's command name
 * @syscall: the spec's name
 * @rule: what was violated, "param:fd:range"
 * @expected: what the rule wants, one token
 * @actual: what the call had, one token
 * @args: the arguments, each cut to its declared C type
 * @has_object: the record is about a failed call and names its object
 * @object: the kind of object the failed call worked on (%KAPI_OBJ_ANY:
 *	    unknown)
 *
 * Everything is copied, so a record outlives the spec and the task it
 * names (Documentation/runtime.rst describes the fields).
 */
struct kapi_report_record {
	u64 seq;
	u64 ts;
	pid_t pid;
	pid_t tgid;
	uid_t uid;
	u8 mode;
	u8 nargs;
	char comm[TASK_COMM_LEN];
	char syscall[KAPI_REPORT_NAME_LEN];
	char rule[KAPI_REPORT_RULE_LEN];
	char expected[KAPI_REPORT_EXPECTED_LEN];
	char actual[KAPI_REPORT_ACTUAL_LEN];
	u64 args[KAPI_CHECK_MAX_PARAMS];
	bool has_object;
	struct kapi_object object;
};

/**
 * struct kapi_report_ring_state - what the violation ring holds
 * @seq: sequence number of the last record made, 0 before the first
 * @records: records that runtime/violations shows
 * @dropped: records overwritten since the last reset
 */
struct kapi_report_ring_state {
	u64 seq;
	u32 records;
	u64 dropped;
};

/**
 * struct kapi_report_listener - told of every new violation record
 * @recorded: a record entered the ring; called on the path of the system
 *	      call, under rcu_read_lock(): schedule work, do not sleep
 */
struct kapi_report_listener {
	void (*recorded)(void);
};

int kapi_report_spec_init(struct kapi_report_spec *rs);
void kapi_report_spec_destroy(struct kapi_report_spec *rs);
void kapi_report_spec_reset(struct kapi_report_spec *rs);
void kapi_report_spec_counters(struct kapi_report_spec *rs,
			       struct kapi_report_counters *sum);

/**
 * kapi_report_before_quiet() - count a call that kapi_report_before()
 * would only count
 * @rs: the counters of the call's spec
 * @pre: the engine's verdict
 * @enforced: the call is refused
 * @traced: trace_kapi_call_enabled() (kapi_trace.h)
 *
 * The whole of kapi_report_before() for a call without violations that
 * runs while kapi:kapi_call is off, inline for the path of every call.
 *
 * Return: true if the call was counted; false if kapi_report_before()
 * must have it.
 */
static __always_inline bool
kapi_report_before_quiet(struct kapi_report_spec *rs,
			 const struct kapi_check_pre *pre, bool enforced,
			 bool traced)
{
	if (unlikely(enforced || pre->nviolations || pre->context_violation ||
		     traced))
		return false;
	this_cpu_inc(rs->counters->calls);
	return true;
}

/*
 * kapi_report_after_quiet() - whether kapi_report_after() has nothing to
 * do for a call: it succeeded as the spec says, and kapi:kapi_call is off
 * (@traced, trace_kapi_call_enabled()).
 */
static __always_inline bool
kapi_report_after_quiet(const struct kapi_check_post *post, bool traced)
{
	/* An undocumented error is an error: no more tests than that. */
	return !(post->is_error || post->return_violation || post->divergence ||
		 traced);
}

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

/* A filter is set (kapi_report_filter_set()); for kapi_report_admits(). */
extern bool kapi_report_filter_on;

/*
 * kapi_report_admits() - kapi_report_filter_match(), inline while no
 * filter is set
 */
static __always_inline bool kapi_report_admits(void)
{
	return likely(!READ_ONCE(kapi_report_filter_on)) ||
	       kapi_report_filter_match();
}

bool kapi_report_filter_comm_ok(const char *s);
void kapi_report_filter_get(struct kapi_report_filter *f);
void kapi_report_filter_set(const struct kapi_report_filter *f);

void kapi_report_errno(char *buf, size_t size, long code);

unsigned int kapi_report_ring_copy(struct kapi_report_record *buf, u64 *dropped);
unsigned int kapi_report_ring_read(u64 after, struct kapi_report_record *buf,
				   unsigned int n, u64 *lost);
void kapi_report_ring_state(struct kapi_report_ring_state *st);
void kapi_report_listen(const struct kapi_report_listener *l);
void kapi_report_ring_clear(void);
void kapi_report_ring_reset_dropped(void);

bool kapi_report_log(void);
void kapi_report_set_log(bool on);

int kapi_report_init(void);
void kapi_report_exit(void);

#endif /* KAPI_REPORT_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * Reports of kapi's runtime verification. Every verdict of the check engine
 * that the hooks hand over is counted in per-CPU counters of its spec (so
 * that counting costs no shared cache line and no lock), written as one
 * record into a bounded ring of recent violations (the oldest record is
 * overwritten and counted as dropped when the ring is full), and, only
 * when the log switch is on, logged with a ratelimited warning: a checker
 * that writes to the kernel log changes what a reader of that log sees.
 * Each record is also the trace event kapi:kapi_violation, and each checked
 * call ends with a kapi:kapi_call event (kapi_trace.h; a NOP while the
 * event is disabled).
 * The filter that decides which tasks the
 * hooks check lives here too. Nothing here allocates or sleeps on the path
 * of a system call. The views format what is kept here: runtime/stats and
 * runtime/violations (debugfs_runtime.c), the netlink family (netlink.c).
 */
#include <linux/atomic.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/ratelimit.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/seqlock.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uidgid.h>

#include "check.h"
#include "image.h"
#include "kapi.h"
#include "object.h"
#include "report.h"

/* This file defines kapi's trace events, unless they are built out. */
#ifndef KAPI_NO_TRACEPOINTS
#define CREATE_TRACE_POINTS
#endif
#include "kapi_trace.h"

/*
 * LOCKING: kapi_ring_lock protects the ring, its counts and the sequence
 * number; it is taken with interrupts off and held only to copy a record.
 */
static DEFINE_SPINLOCK(kapi_ring_lock);
static struct kapi_report_record kapi_ring[KAPI_REPORT_RING_SIZE];
static unsigned int kapi_ring_head;	/* the slot the next record takes */
static unsigned int kapi_ring_count;
static u64 kapi_ring_dropped;
static u64 kapi_ring_seq;

/* Told of every new record (the netlink view), under RCU; or NULL. */
static const struct kapi_report_listener __rcu *kapi_report_listener;

/*
 * LOCKING: writers of the filter take kapi_filter_lock; readers on the
 * system call path retry on a concurrent change instead of waiting.
 * kapi_report_filter_on lets them skip all of it while no filter is set.
 */
static DEFINE_SEQLOCK(kapi_filter_lock);
static struct kapi_report_filter kapi_filter;
bool kapi_report_filter_on;

/* Log each record to the kernel log too (the log parameter, runtime/log). */
static bool kapi_report_log_on;

/* --- per-spec counters ------------------------------------------------- */

/**
 * kapi_report_spec_init() - prepare the counters of a spec
 * @rs: the counters, zeroed by the caller or not
 *
 * Context: process context; allocates.
 * Return: 0 or -ENOMEM.
 */
int kapi_report_spec_init(struct kapi_report_spec *rs)
{
	memset(rs, 0, sizeof(*rs));
	rs->counters = alloc_percpu(struct kapi_report_counters);
	return rs->counters ? 0 : -ENOMEM;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_spec_init);

/**
 * kapi_report_spec_destroy() - free what kapi_report_spec_init() allocated
 * @rs: the counters; nobody may update them any more
 */
void kapi_report_spec_destroy(struct kapi_report_spec *rs)
{
	free_percpu(rs->counters);
	rs->counters = NULL;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_spec_destroy);

/**
 * kapi_report_spec_reset() - set every counter of a spec to zero
 * @rs: the counters
 *
 * Calls that are being counted at the same time may keep their counts.
 */
void kapi_report_spec_reset(struct kapi_report_spec *rs)
{
	int cpu;

	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(rs->counters, cpu), 0,
		       sizeof(struct kapi_report_counters));
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_spec_reset);

/**
 * kapi_report_spec_counters() - the counters of one spec, summed over CPUs
 * @rs: the counters
 * @sum: receives the sums
 */
void kapi_report_spec_counters(struct kapi_report_spec *rs,
			       struct kapi_report_counters *sum)
{
	const u64 *src;
	u64 *dst = (u64 *)sum;
	size_t i, n = sizeof(*sum) / sizeof(u64);
	int cpu;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		src = (const u64 *)per_cpu_ptr(rs->counters, cpu);
		for (i = 0; i < n; i++)
			dst[i] += READ_ONCE(src[i]);
	}
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_spec_counters);

/**
 * kapi_report_errno() - the name of an error code
 * @buf: receives the name
 * @size: size of @buf
 * @code: the error, negative
 *
 * The name without its sign, as the kernel's %pe prints it ("EXDEV"), or
 * the number if it has no name.
 */
void kapi_report_errno(char *buf, size_t size, long code)
{
	char name[32];

	snprintf(name, sizeof(name), "%pe", ERR_PTR(code));
	if (name[0] == '-' && name[1] >= 'A' && name[1] <= 'Z')
		strscpy(buf, name + 1, size);
	else
		snprintf(buf, size, "%ld", code);
}

/*
 * The slot that counts failed calls with error @code (positive) on objects
 * of kind @obj, or "other".
 */
static unsigned int kapi_report_errno_slot(struct kapi_report_spec *rs,
					   int code, struct kapi_object obj)
{
	u32 key = kapi_report_errno_key(code, obj), cur;
	unsigned int i;

	BUILD_BUG_ON(KAPI_IMPL_COUNT > 256 || KAPI_OBJ_TYPE_COUNT > 256);
	for (i = 0; i < KAPI_REPORT_ERRNO_SLOTS; i++) {
		cur = READ_ONCE(rs->errno_slot[i]);
		if (!cur)
			cur = cmpxchg(&rs->errno_slot[i], 0, key) ?: key;
		if (cur == key)
			return i;
	}
	return KAPI_REPORT_ERRNO_SLOTS;
}

/* --- records ----------------------------------------------------------- */

/* Fill in who made the call and what it passed. */
static void kapi_report_record_init(struct kapi_report_record *r,
				    const char *name,
				    const struct kapi_check_call *call,
				    enum kapi_mode mode)
{
	u32 i;

	memset(r, 0, sizeof(*r));
	r->pid = task_pid_nr(current);
	r->tgid = task_tgid_nr(current);
	r->uid = from_kuid(&init_user_ns, current_uid());
	r->mode = mode;
	get_task_comm(r->comm, current);
	strscpy(r->syscall, name, sizeof(r->syscall));
	r->nargs = min_t(u32, call->nargs, KAPI_CHECK_MAX_PARAMS);
	for (i = 0; i < r->nargs; i++)
		r->args[i] = kapi_check_bits(call->args[i], call->type[i]);
}

/* Tell the listener, if any, that the ring has a new record. */
static void kapi_report_notify(void)
{
	const struct kapi_report_listener *l;

	rcu_read_lock();
	l = rcu_dereference(kapi_report_listener);
	if (l)
		l->recorded();
	rcu_read_unlock();
}

/* Add @r to the ring, taking the next sequence number; log it if asked. */
static void kapi_report_push(struct kapi_report_record *r)
{
	/* " object=KIND" for a failed call whose object is known */
	char obj[sizeof(" object=") + KAPI_OBJECT_NAME_LEN] = "";
	unsigned long flags;

	spin_lock_irqsave(&kapi_ring_lock, flags);
	r->seq = ++kapi_ring_seq;
	r->ts = ktime_get_ns();
	kapi_ring[kapi_ring_head] = *r;
	kapi_ring_head = (kapi_ring_head + 1) % KAPI_REPORT_RING_SIZE;
	if (kapi_ring_count < KAPI_REPORT_RING_SIZE)
		kapi_ring_count++;
	else
		kapi_ring_dropped++;
	spin_unlock_irqrestore(&kapi_ring_lock, flags);
	kapi_report_notify();
	trace_kapi_violation(r);

	if (!READ_ONCE(kapi_report_log_on))
		return;
	if (r->has_object) {
		strscpy(obj, " object=", sizeof(obj));
		kapi_object_name(obj + strlen(obj), sizeof(obj) - strlen(obj),
				 r->object);
	}
	pr_warn_ratelimited("%s: %s expected=%s actual=%s%s pid=%d comm=%s mode=%s\n",
			    r->syscall, r->rule, r->expected, r->actual, obj,
			    r->pid, r->comm, kapi_mode_name(r->mode));
}

/* A value of a parameter, in decimal, signed or not as its type. */
static int kapi_report_value(char *buf, size_t size, u64 value,
			     struct kapi_check_type type)
{
	if (type.is_signed)
		return snprintf(buf, size, "%lld", (s64)value);
	return snprintf(buf, size, "%llu", value);
}

/* "enum[1,2,4]", with "..." for values that do not fit. */
static void kapi_report_enum(char *buf, size_t size, const void *image,
			     const struct kapi_image_param *p,
			     struct kapi_check_type type)
{
	size_t len = scnprintf(buf, size, "enum[");
	char value[24];
	u32 i;

	for (i = 0; i < p->values.count; i++) {
		const struct kapi_image_num *n = kapi_image_param_value(image, p, i);

		kapi_report_value(value, sizeof(value),
				  kapi_check_convert(n->value, type), type);
		if (len + strlen(value) + 6 >= size) {
			len += scnprintf(buf + len, size - len, "...");
			break;
		}
		len += scnprintf(buf + len, size - len, "%s%s", i ? "," : "",
				 value);
	}
	scnprintf(buf + len, size - len, "]");
}

/* Expected and actual text of a parameter violation. */
static void kapi_report_param_text(struct kapi_report_record *r,
				   const struct kapi_check_call *call,
				   const struct kapi_check_violation *v)
{
	const struct kapi_image_param *p;
	struct kapi_check_type type = call->type[v->param];
	u64 bits = kapi_check_bits(v->value, type);
	char *exp = r->expected, *act = r->actual;
	size_t es = sizeof(r->expected), as = sizeof(r->actual);
	char min[24], max[24];

	p = kapi_image_param(call->image, call->spec, v->param);
	/* The argument's bits in hex, unless the rule shows something else. */
	snprintf(act, as, "0x%llx", bits);
	switch (v->why) {
	case KAPI_WHY_RANGE:
		/* The bounds as kapi_check_range() compares them. */
		kapi_report_value(min, sizeof(min), p->min.value, type);
		kapi_report_value(max, sizeof(max), p->max.value, type);
		snprintf(exp, es, "range[%s,%s]", min, max);
		kapi_report_value(act, as, v->value, type);
		break;
	case KAPI_WHY_MASK:
		snprintf(exp, es, "mask[0x%llx]",
			 kapi_check_bits(p->mask.value, type));
		break;
	case KAPI_WHY_ENUM:
		kapi_report_enum(exp, es, call->image, p, type);
		kapi_report_value(act, as, v->value, type);
		break;
	case KAPI_WHY_ALIGNMENT:
		snprintf(exp, es, "aligned[%d]", p->alignment.value);
		break;
	case KAPI_WHY_POWER_OF_TWO:
		snprintf(exp, es, "power_of_two");
		snprintf(act, as, "%llu", bits);
		break;
	case KAPI_WHY_PAGE_ALIGNED:
		snprintf(exp, es, "page_aligned[%lu]", PAGE_SIZE);
		break;
	case KAPI_WHY_NONZERO:
		snprintf(exp, es, "nonzero");
		snprintf(act, as, "0");
		break;
	case KAPI_WHY_UNREADABLE:
		snprintf(exp, es, "readable");
		break;
	case KAPI_WHY_TOO_LONG:
		snprintf(exp, es, "length<%llu", v->value);
		snprintf(act, as, "length>=%llu", v->value);
		break;
	case KAPI_WHY_TOO_SHORT:
		snprintf(exp, es, "length>=%lld", p->min.value);
		snprintf(act, as, "length=%llu", v->value);
		break;
	case KAPI_WHY_USER_RANGE:
		snprintf(exp, es, "user_range");
		snprintf(act, as, "0x%llx+%llu", bits, v->size);
		break;
	case KAPI_WHY_SIZE_OVERFLOW:
		snprintf(exp, es, "user_range");
		snprintf(act, as, "0x%llx+%llux%lld", bits, v->size,
			 p->size_mult.value);
		break;
	case KAPI_WHY_FD_CLOSED:
		snprintf(exp, es, "fd_open");
		kapi_report_value(act, as, v->value, type);
		break;
	case KAPI_WHY_FD_PATH:
		snprintf(exp, es, "fd_not_path");
		snprintf(act, as, "o_path");
		break;
	case KAPI_WHY_FD_MODE:
		snprintf(exp, es, "fd_mode[%s%s]",
			 p->mask.value & KAPI_FD_READ ? "r" : "",
			 p->mask.value & KAPI_FD_WRITE ? "w" : "");
		snprintf(act, as, "fd_mode[%s%s]",
			 call->fd[v->param] & KAPI_CHECK_FD_READ ? "r" : "",
			 call->fd[v->param] & KAPI_CHECK_FD_WRITE ? "w" : "");
		break;
	case KAPI_WHY_FD_METHOD:
		snprintf(exp, es, "fd_method[%s%s]",
			 p->mask.value & KAPI_FD_CAN_READ ? "r" : "",
			 p->mask.value & KAPI_FD_CAN_WRITE ? "w" : "");
		snprintf(act, as, "fd_method[%s%s]",
			 call->fd[v->param] & KAPI_CHECK_FD_CAN_READ ? "r" : "",
			 call->fd[v->param] & KAPI_CHECK_FD_CAN_WRITE ? "w" : "");
		break;
	case KAPI_WHY_FD_NOTDIR:
		snprintf(exp, es, "fd_dir");
		snprintf(act, as, "not_dir");
		break;
	case KAPI_WHY_OPEN_FLAGS:
		snprintf(exp, es, "open_flags");
		break;
	case KAPI_WHY_STRUCT_FAULT:
		snprintf(exp, es, "struct_readable");
		snprintf(act, as, "fault@+%llu", v->size);
		break;
	case KAPI_WHY_STRUCT_TRAILING:
		snprintf(exp, es, "struct_tail_zero");
		snprintf(act, as, "nonzero@+%llu", v->size);
		break;
	case KAPI_WHY_FIELD_RANGE:
	case KAPI_WHY_FIELD_MASK:
		/* Element and field index, as kapi_check_decode_struct() notes them. */
		snprintf(exp, es, "field_%s[%llu].%llu",
			 v->why == KAPI_WHY_FIELD_RANGE ? "range" : "mask",
			 v->size / 256, v->size % 256);
		snprintf(act, as, "0x%llx", v->value);
		break;
	}
}

/*
 * The kapi:kapi_call event of a call that ends, out of line: callers test
 * trace_kapi_call_enabled() (one NOP while the event is off) and call one
 * of these last, with their own parameters in their own order, so that
 * their fast path neither saves nor moves a register for it. A call
 * refused before it ran gets the error it was refused with.
 */
static noinline __noclone void
kapi_report_trace_refused(struct kapi_report_spec *rs, const char *name,
			  const struct kapi_check_call *call,
			  const struct kapi_check_pre *pre, enum kapi_mode mode)
{
	trace_kapi_call(name, call, pre, NULL, pre->predicted, mode);
}

static noinline __noclone void
kapi_report_trace_after(struct kapi_report_spec *rs, const char *name,
			const struct kapi_check_call *call,
			const struct kapi_check_pre *pre,
			const struct kapi_check_post *post, long ret,
			unsigned long nofile, enum kapi_mode mode)
{
	trace_kapi_call(name, call, pre, post, ret, mode);
}

/*
 * Record the violations kapi_check_before() found, then the kapi_call
 * event of a call refused for them (@enforced); kept off the hot path.
 */
static noinline void kapi_report_record_before(struct kapi_report_spec *rs,
					       const char *name,
					       const struct kapi_check_call *call,
					       const struct kapi_check_pre *pre,
					       enum kapi_mode mode,
					       bool enforced)
{
	struct kapi_report_record r;
	u32 i;

	for (i = 0; i < pre->nviolations; i++) {
		const struct kapi_check_violation *v = &pre->v[i];
		const struct kapi_image_param *p;

		p = kapi_image_param(call->image, call->spec, v->param);
		this_cpu_inc(rs->counters->violations);
		this_cpu_inc(rs->counters->param[v->param]);
		kapi_report_record_init(&r, name, call, mode);
		snprintf(r.rule, sizeof(r.rule), "param:%s:%s",
			 kapi_image_str(call->image, p->name),
			 kapi_check_constraint_token(v->constraint));
		kapi_report_param_text(&r, call, v);
		kapi_report_push(&r);
	}
	if (pre->context_violation) {
		this_cpu_inc(rs->counters->violations);
		this_cpu_inc(rs->counters->context);
		kapi_report_record_init(&r, name, call, mode);
		snprintf(r.rule, sizeof(r.rule), "context");
		snprintf(r.expected, sizeof(r.expected), "ctx[0x%x]",
			 call->spec->context);
		snprintf(r.actual, sizeof(r.actual), "ctx[0x%x]", call->context);
		kapi_report_push(&r);
	}
	if (trace_kapi_call_enabled() && enforced)
		kapi_report_trace_refused(rs, name, call, pre, mode);
}

/**
 * kapi_report_before() - count and record the verdict before a call
 * @rs: the counters of the call's spec
 * @name: the spec's name
 * @call: the call
 * @pre: the engine's verdict
 * @mode: %KAPI_MODE_AUDIT or %KAPI_MODE_ENFORCE
 * @enforced: the call fails with @pre->predicted without running
 *
 * A call without violations only counts; records are built out of line.
 * A call refused here (@enforced) ends here, so its kapi:kapi_call event
 * comes from here, after those of its records; that of a call that runs
 * comes from kapi_report_after().
 *
 * Context: process context, on the path of the system call.
 */
void kapi_report_before(struct kapi_report_spec *rs, const char *name,
			const struct kapi_check_call *call,
			const struct kapi_check_pre *pre, enum kapi_mode mode,
			bool enforced)
{
	if (kapi_report_before_quiet(rs, pre, enforced,
				     trace_kapi_call_enabled()))
		return;
	this_cpu_inc(rs->counters->calls);
	if (enforced)
		this_cpu_inc(rs->counters->enforced);
	if (pre->nviolations || pre->context_violation)
		kapi_report_record_before(rs, name, call, pre, mode, enforced);
	else if (trace_kapi_call_enabled() && enforced)
		kapi_report_trace_refused(rs, name, call, pre, mode);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_before);

/* The result of a call as a token: an error's name, else the number. */
static void kapi_report_result(char *buf, size_t size,
			       const struct kapi_check_post *post, long ret)
{
	if (post->is_error)
		kapi_report_errno(buf, size, ret);
	else
		snprintf(buf, size, "%ld", ret);
}

/*
 * Record what kapi_check_after() found, then the call's kapi_call event;
 * kept off the hot path.
 */
static noinline void kapi_report_record_after(struct kapi_report_spec *rs,
					      const char *name,
					      const struct kapi_check_call *call,
					      const struct kapi_check_pre *pre,
					      const struct kapi_check_post *post,
					      long ret, unsigned long nofile,
					      enum kapi_mode mode)
{
	const struct kapi_image_return *rt = &call->spec->ret;
	struct kapi_report_record r;
	unsigned int slot = KAPI_REPORT_ERRNO_SLOTS;

	if (post->is_error) {
		slot = kapi_report_errno_slot(rs, (int)-ret, call->object);
		this_cpu_inc(rs->counters->failed[slot]);
	}
	if (post->return_violation) {
		this_cpu_inc(rs->counters->return_violations);
		kapi_report_record_init(&r, name, call, mode);
		snprintf(r.rule, sizeof(r.rule), "return:%s",
			 kapi_check_return_token(rt->check));
		if (rt->check == KAPI_RETURN_EXACT)
			snprintf(r.expected, sizeof(r.expected), "exact[%lld]",
				 rt->success_min.value);
		else if (rt->check == KAPI_RETURN_RANGE)
			snprintf(r.expected, sizeof(r.expected),
				 "range[%lld,%lld]", rt->success_min.value,
				 rt->success_max.value);
		else
			snprintf(r.expected, sizeof(r.expected), "fd[0,%lu]",
				 nofile ? nofile - 1 : 0);
		snprintf(r.actual, sizeof(r.actual), "%ld", ret);
		kapi_report_push(&r);
	}
	if (post->undocumented) {
		this_cpu_inc(rs->counters->undocumented);
		this_cpu_inc(rs->counters->errnos[slot]);
		kapi_report_record_init(&r, name, call, mode);
		r.has_object = true;
		r.object = call->object;
		snprintf(r.rule, sizeof(r.rule), "undocumented");
		snprintf(r.expected, sizeof(r.expected), "documented_error");
		kapi_report_result(r.actual, sizeof(r.actual), post, ret);
		kapi_report_push(&r);
	}
	if (post->divergence) {
		this_cpu_inc(rs->counters->divergences);
		kapi_report_record_init(&r, name, call, mode);
		snprintf(r.rule, sizeof(r.rule), "divergence");
		r.has_object = post->is_error;
		if (post->is_error)
			r.object = call->object;
		kapi_report_errno(r.expected, sizeof(r.expected), pre->predicted);
		kapi_report_result(r.actual, sizeof(r.actual), post, ret);
		kapi_report_push(&r);
	}
	if (trace_kapi_call_enabled())
		kapi_report_trace_after(rs, name, call, pre, post, ret, nofile,
					mode);
}

/**
 * kapi_report_after() - count and record the verdict after a call
 * @rs: the counters of the call's spec
 * @name: the spec's name
 * @call: the call
 * @pre: the engine's verdict before the call
 * @post: the engine's verdict after it
 * @ret: the call's result
 * @nofile: the RLIMIT_NOFILE an fd result was checked against
 * @mode: %KAPI_MODE_AUDIT or %KAPI_MODE_ENFORCE
 *
 * A call that succeeded without findings returns at once; a failed call
 * is counted in its (error code, object kind) slot, and records are built,
 * out of line; then the call's kapi:kapi_call event.
 *
 * Context: process context, on the path of the system call.
 */
void kapi_report_after(struct kapi_report_spec *rs, const char *name,
		       const struct kapi_check_call *call,
		       const struct kapi_check_pre *pre,
		       const struct kapi_check_post *post, long ret,
		       unsigned long nofile, enum kapi_mode mode)
{
	if (kapi_report_after_quiet(post, trace_kapi_call_enabled()))
		return;
	if (post->is_error || post->return_violation || post->divergence)
		kapi_report_record_after(rs, name, call, pre, post, ret, nofile,
					 mode);
	else if (trace_kapi_call_enabled())
		kapi_report_trace_after(rs, name, call, pre, post, ret, nofile,
					mode);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_after);

/* --- the ring ----------------------------------------------------------- */

/**
 * kapi_report_ring_copy() - copy the records runtime/violations shows
 * @buf: receives the records, oldest first; room for
 *	 %KAPI_REPORT_RING_SIZE of them
 * @dropped: receives the ring's drop count
 *
 * The ring is copied under its lock, so that the caller can format the
 * copy at leisure.
 *
 * Return: the number of records copied.
 */
unsigned int kapi_report_ring_copy(struct kapi_report_record *buf, u64 *dropped)
{
	unsigned int i, n, first;
	unsigned long flags;

	spin_lock_irqsave(&kapi_ring_lock, flags);
	n = kapi_ring_count;
	*dropped = kapi_ring_dropped;
	first = (kapi_ring_head + KAPI_REPORT_RING_SIZE - n) %
		KAPI_REPORT_RING_SIZE;
	for (i = 0; i < n; i++)
		buf[i] = kapi_ring[(first + i) % KAPI_REPORT_RING_SIZE];
	spin_unlock_irqrestore(&kapi_ring_lock, flags);
	return n;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_ring_copy);

/**
 * kapi_report_ring_clear() - empty the violation ring
 *
 * The sequence number keeps counting; the drop count stays.
 */
void kapi_report_ring_clear(void)
{
	unsigned long flags;

	spin_lock_irqsave(&kapi_ring_lock, flags);
	kapi_ring_count = 0;
	spin_unlock_irqrestore(&kapi_ring_lock, flags);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_ring_clear);

/**
 * kapi_report_ring_reset_dropped() - set the ring's drop count to zero
 */
void kapi_report_ring_reset_dropped(void)
{
	unsigned long flags;

	spin_lock_irqsave(&kapi_ring_lock, flags);
	kapi_ring_dropped = 0;
	spin_unlock_irqrestore(&kapi_ring_lock, flags);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_ring_reset_dropped);

/**
 * kapi_report_ring_read() - copy the records made after a sequence number
 * @after: the sequence number of the last record the caller has
 * @buf: receives the records, oldest first
 * @n: room in @buf
 * @lost: receives how many records after @after are gone (overwritten)
 *
 * Reads the ring by sequence number, whatever runtime/violations shows:
 * clearing the ring does not take records away from this reader.
 *
 * Return: the number of records copied, at most @n.
 */
unsigned int kapi_report_ring_read(u64 after, struct kapi_report_record *buf,
				   unsigned int n, u64 *lost)
{
	unsigned long flags;
	unsigned int i = 0;
	u64 seq, oldest;

	spin_lock_irqsave(&kapi_ring_lock, flags);
	/* Record seq (from 1) is in slot (seq - 1) % size while it lasts. */
	oldest = kapi_ring_seq > KAPI_REPORT_RING_SIZE ?
		 kapi_ring_seq - KAPI_REPORT_RING_SIZE + 1 : 1;
	seq = max(after + 1, oldest);
	*lost = after < kapi_ring_seq ? seq - (after + 1) : 0;
	for (; seq <= kapi_ring_seq && i < n; seq++)
		buf[i++] = kapi_ring[(seq - 1) % KAPI_REPORT_RING_SIZE];
	spin_unlock_irqrestore(&kapi_ring_lock, flags);
	return i;
}

/**
 * kapi_report_ring_state() - what the ring holds
 * @st: receives the sequence number of the last record, the records that
 *	runtime/violations shows and the drop count
 */
void kapi_report_ring_state(struct kapi_report_ring_state *st)
{
	unsigned long flags;

	spin_lock_irqsave(&kapi_ring_lock, flags);
	st->seq = kapi_ring_seq;
	st->records = kapi_ring_count;
	st->dropped = kapi_ring_dropped;
	spin_unlock_irqrestore(&kapi_ring_lock, flags);
}

/**
 * kapi_report_listen() - be told of every new record
 * @l: the listener, or NULL to stop telling the current one
 *
 * @l->recorded() is called after each record enters the ring, on the path
 * of the system call that made it, under rcu_read_lock(): it must not
 * sleep, and should only schedule work. After kapi_report_listen(NULL)
 * returns, no call of the previous listener is running or will run.
 *
 * Context: process context; kapi_report_listen(NULL) may sleep.
 */
void kapi_report_listen(const struct kapi_report_listener *l)
{
	rcu_assign_pointer(kapi_report_listener, l);
	if (!l)
		synchronize_rcu();
}

/* --- the filter -------------------------------------------------------- */

/**
 * kapi_report_filter_match() - does the filter admit the current task?
 *
 * Context: any task context; takes no lock and does not sleep.
 * Return: true if no filter is set or every field that is set matches.
 */
bool kapi_report_filter_match(void)
{
	struct kapi_report_filter f;
	unsigned int seq;

	if (!READ_ONCE(kapi_report_filter_on))
		return true;
	do {
		seq = read_seqbegin(&kapi_filter_lock);
		f = kapi_filter;
	} while (read_seqretry(&kapi_filter_lock, seq));

	if ((f.set & KAPI_FILTER_PID) && task_pid_nr(current) != f.pid)
		return false;
	if ((f.set & KAPI_FILTER_TGID) && task_tgid_nr(current) != f.tgid)
		return false;
	if ((f.set & KAPI_FILTER_UID) &&
	    from_kuid(&init_user_ns, current_uid()) != f.uid)
		return false;
	if ((f.set & KAPI_FILTER_COMM) &&
	    strncmp(current->comm, f.comm, TASK_COMM_LEN))
		return false;
	return true;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_filter_match);

/**
 * kapi_report_filter_comm_ok() - may a filter select the command name @s?
 * @s: the name, NUL-terminated
 *
 * A comm is 1 to TASK_COMM_LEN - 1 printable characters without spaces,
 * whichever view sets the filter.
 *
 * Return: true if @s is such a name.
 */
bool kapi_report_filter_comm_ok(const char *s)
{
	size_t len = strlen(s), i;

	if (!len || len >= TASK_COMM_LEN)
		return false;
	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] > '~')
			return false;
	return true;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_filter_comm_ok);

/**
 * kapi_report_filter_get() - the current filter
 * @f: receives it
 */
void kapi_report_filter_get(struct kapi_report_filter *f)
{
	unsigned int seq;

	do {
		seq = read_seqbegin(&kapi_filter_lock);
		*f = kapi_filter;
	} while (read_seqretry(&kapi_filter_lock, seq));
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_filter_get);

/**
 * kapi_report_filter_set() - replace the filter
 * @f: the new filter; @f->set == 0 removes it
 */
void kapi_report_filter_set(const struct kapi_report_filter *f)
{
	write_seqlock(&kapi_filter_lock);
	kapi_filter = *f;
	kapi_filter.comm[TASK_COMM_LEN - 1] = '\0';
	WRITE_ONCE(kapi_report_filter_on, f->set != 0);
	write_sequnlock(&kapi_filter_lock);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_report_filter_set);

/**
 * kapi_report_log() - is every record logged to the kernel log too?
 *
 * Return: the log switch; off unless the log parameter or runtime/log set it.
 */
bool kapi_report_log(void)
{
	return READ_ONCE(kapi_report_log_on);
}

/**
 * kapi_report_set_log() - turn the kernel log line of each record on or off
 * @on: the new state; records made from now on follow it
 */
void kapi_report_set_log(bool on)
{
	WRITE_ONCE(kapi_report_log_on, on);
}

/**
 * kapi_report_init() - start the report layer
 *
 * Return: 0.
 */
int kapi_report_init(void)
{
	struct kapi_report_filter none = { 0 };

	kapi_report_filter_set(&none);
	kapi_report_ring_clear();
	kapi_report_ring_reset_dropped();
	return 0;
}

/**
 * kapi_report_exit() - stop the report layer
 *
 * The hooks are gone by now, so nothing reports any more.
 */
void kapi_report_exit(void)
{
}

// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_tramp.ko, the resident part of kapi's hooks (kapi_tramp.h says why
 * it exists). It owns, per slot, an ftrace_ops that makes the entry of one
 * hooked function call the slot's entry stub directly (an ftrace "direct
 * call", entry.S), and it runs every hooked call: kapi_tramp_run() asks
 * the slot's client (kapi.ko) whether to check the call, runs the
 * function, and hands the result back to the client.
 *
 * Unloading the client, the argument in short (Documentation/runtime.rst,
 * "Unloading", has it in full):
 *
 * - the client's code runs only inside its pre() and post(), each called
 *   with preemption disabled (an RCU read-side section) and, if it must
 *   sleep, again in an SRCU read-side section; a task asleep in the hooked
 *   function holds no section, and its stack has only this module's code
 *   on it;
 * - kapi_tramp_detach() unbinds the client and bumps the slot's sequence
 *   number, so no new call reaches the client and a call that slept across
 *   the detach skips its post() (counted); kapi_tramp_synchronize() then
 *   waits for the calls still inside pre() or post(); after that, nothing
 *   of the client is used again and it may go;
 * - the slot's ftrace_ops stays registered until a work item unregisters
 *   it, two seconds later (KAPI_TRAMP_DRAIN_DELAY), which waits for tasks
 *   RCU and can take a while; meanwhile the function runs unchecked
 *   through the stub, and attaching a slot first finishes that work.
 *
 * This module itself stays loaded while any slot is in use or any task is
 * inside its code (a per-CPU count): it pins itself with a module
 * reference, dropped by a work item once it is idle.
 */
#include <linux/debugfs.h>
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/srcu.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "compat/compat.h"
#include "kapi_tramp.h"

/* Room for a function's name. */
#define KAPI_TRAMP_FUNC_LEN 64
/*
 * How long after a detach the slots' ftrace_ops are unregistered. The
 * unregistration holds ftrace's lock for two tasks RCU grace periods, and
 * unloading a module takes that lock too (ftrace_release_mod()): started
 * at once, it would make the unload of kapi.ko that detached the slots
 * wait for it.
 */
#define KAPI_TRAMP_DRAIN_DELAY (2 * HZ)

enum kapi_tramp_state {
	KAPI_TRAMP_FREE,	/* no client, no ops registered */
	KAPI_TRAMP_BOUND,	/* a client; the ops registered or not */
	KAPI_TRAMP_DRAINING,	/* detached, the ops still registered */
};

/**
 * struct kapi_tramp_slot - one entry stub and what it is bound to
 * @ops: the direct-call ftrace_ops, filtered to @func
 * @func: the hooked function
 * @state: enum kapi_tramp_state (the resident's lock)
 * @registered: @ops is registered with ftrace (the resident's lock)
 *
 * What a call reads, the client and its sequence number, is apart, in
 * kapi_tramp_hot[] (kapi_tramp.h).
 */
struct kapi_tramp_slot {
	struct ftrace_ops ops;
	char func[KAPI_TRAMP_FUNC_LEN];
	u8 state;
	bool registered;
};

/* LOCKING: the state of every slot, the pin. */
static DEFINE_MUTEX(kapi_tramp_mutex);
static struct kapi_tramp_slot kapi_tramp_slots[KAPI_TRAMP_SLOTS];
/* Each slot's client and sequence number, read by every call. */
struct kapi_tramp_hot kapi_tramp_hot[KAPI_TRAMP_SLOTS] __cacheline_aligned;
static_assert(sizeof(struct kapi_tramp_hot) == KAPI_TRAMP_HOT_SIZE);
/* This module holds a reference on itself (the resident's lock). */
static bool kapi_tramp_pinned;
/* Tasks in kapi_tramp_run(), summed over CPUs. */
static DEFINE_PER_CPU(long, kapi_tramp_in_flight);
/* Calls whose post() was skipped, summed over CPUs. */
static DEFINE_PER_CPU(u64, kapi_tramp_skipped);
/* Calls of pre() or post() made again where they may sleep. */
static DEFINE_PER_CPU(u64, kapi_tramp_again);

static void kapi_tramp_drain_fn(struct work_struct *work);
static void kapi_tramp_unpin_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(kapi_tramp_drain_work, kapi_tramp_drain_fn);
static DECLARE_DELAYED_WORK(kapi_tramp_unpin_work, kapi_tramp_unpin_fn);

/* --- read-side sections ------------------------------------------------ */

/*
 * What kapi_tramp_synchronize() waits for: a client's pre() and post() run
 * first with preemption disabled, an RCU read-side section that costs a
 * per-CPU increment; what must sleep (a fault on user memory in a client's
 * checks) runs again in an SRCU read-side section, whose readers may
 * sleep. Neither takes an atomic operation.
 */
DEFINE_STATIC_SRCU(kapi_tramp_srcu);

/**
 * kapi_tramp_synchronize() - wait until no client pre() or post() runs
 * that started before the call
 *
 * After kapi_tramp_detach() of a slot and this, the slot's former client
 * is never called again. Tasks asleep in hooked functions do not hold
 * this up.
 *
 * Context: process context; sleeps.
 */
void kapi_tramp_synchronize(void)
{
	synchronize_rcu_expedited();
	synchronize_srcu_expedited(&kapi_tramp_srcu);
}
EXPORT_SYMBOL_GPL(kapi_tramp_synchronize);

/* --- the call path ----------------------------------------------------- */

/*
 * Whether slot @h is still bound to @client as it was when a call read
 * @seq: kapi_tramp_attach() publishes a new client with a new @seq.
 */
static __always_inline bool kapi_tramp_still(struct kapi_tramp_hot *h,
					     struct kapi_tramp_client *client,
					     unsigned long seq)
{
	/* ORDER: the client before its @seq; pairs with kapi_tramp_attach(). */
	return smp_load_acquire(&h->client) == client &&
	       READ_ONCE(h->seq) == seq;
}

/*
 * The second call of a client's pre(), preemptible, in an SRCU read-side
 * section, for a call whose first asked to sleep. A new client (or none)
 * since is a call that runs unchecked, and so is a client that asks twice
 * (a bug).
 */
static noinline enum kapi_tramp_verdict
kapi_tramp_pre_sleep(struct kapi_tramp_hot *h, struct kapi_tramp_client *client,
		     unsigned long seq, const struct pt_regs *uregs,
		     void *frame, long *result, unsigned int flags)
{
	enum kapi_tramp_verdict verdict = KAPI_TRAMP_RUN;
	int idx;

	this_cpu_inc(kapi_tramp_again);
	idx = srcu_read_lock(&kapi_tramp_srcu);
	if (kapi_tramp_still(h, client, seq))
		verdict = client->pre(client, uregs, frame, result, flags);
	srcu_read_unlock(&kapi_tramp_srcu, idx);
	return verdict == KAPI_TRAMP_SLEEP ? KAPI_TRAMP_RUN : verdict;
}

/* The same for post(), whose first call returned false. */
static noinline void
kapi_tramp_post_sleep(struct kapi_tramp_hot *h, struct kapi_tramp_client *client,
		      unsigned long seq, const struct pt_regs *uregs,
		      void *frame, long ret, unsigned int flags)
{
	int idx;

	this_cpu_inc(kapi_tramp_again);
	idx = srcu_read_lock(&kapi_tramp_srcu);
	if (kapi_tramp_still(h, client, seq))
		client->post(client, uregs, frame, ret, flags);
	else
		this_cpu_inc(kapi_tramp_skipped);
	srcu_read_unlock(&kapi_tramp_srcu, idx);
}

static_assert(offsetof(struct kapi_tramp_call, hot) == KAPI_TRAMP_CALL_HOT);
static_assert(offsetof(struct kapi_tramp_call, result) ==
	      KAPI_TRAMP_CALL_RESULT);
static_assert(offsetof(struct kapi_tramp_call, uregs) ==
		      KAPI_TRAMP_CALL_SIZE &&
	      offsetof(struct kapi_tramp_call, resume) ==
		      KAPI_TRAMP_CALL_SIZE + 8 &&
	      KAPI_TRAMP_CALL_SIZE % 16 == 8);

/**
 * kapi_tramp_run() - run one call of a hooked function
 * @c: the call, its argument, slot and resume address filled in
 *
 * Called by kapi_tramp_entry (entry.S) on entry to a hooked function, in
 * the context of the system call. Not traced, and without a stack
 * protector: it is on the path of every hooked call, and its only array is
 * the client's frame, whose size the client checks at build time. What
 * it keeps across its calls is in @c, read again after each (the compiler
 * must assume the calls change it), so that it saves one register only.
 *
 * The client's pre() and post() are called first with preemption disabled
 * (an RCU read-side section, the cheapest there is), and again in an SRCU
 * one if they ask to sleep.
 *
 * Return: true if the call was handled (checked and run, or refused) and
 * @c->result is its result; false to let the hooked function run
 * unchecked.
 */
notrace __no_stack_protector bool kapi_tramp_run(struct kapi_tramp_call *c)
{
	enum kapi_tramp_verdict verdict = KAPI_TRAMP_RUN;
	struct kapi_tramp_client *client;
	bool done = true;

	c->flags = 0;
	if (unlikely(!kapi_compat_sleepable()))
		c->flags = KAPI_TRAMP_F_CALLER_ATOMIC;
	this_cpu_inc(kapi_tramp_in_flight);
	preempt_disable();
	/* ORDER: the client before its @seq; pairs with kapi_tramp_attach(). */
	client = smp_load_acquire(&c->hot->client);
	c->client = client;
	c->seq = READ_ONCE(c->hot->seq);
	if (likely(client))
		verdict = client->pre(client, c->uregs, c->frame, &c->result,
				      c->flags | KAPI_TRAMP_F_ATOMIC);
	preempt_enable();
	if (unlikely(verdict == KAPI_TRAMP_SLEEP))
		verdict = kapi_tramp_pre_sleep(c->hot, c->client, c->seq,
					       c->uregs, c->frame, &c->result,
					       c->flags);
	if (verdict != KAPI_TRAMP_CHECK)
		goto out;

	/* The rest of the function, which may sleep for as long as it likes. */
	c->result = kapi_tramp_call_body(c->resume, c->uregs);

	preempt_disable();
	client = c->client;
	if (likely(kapi_tramp_still(c->hot, client, c->seq)))
		done = client->post(client, c->uregs, c->frame, c->result,
				    c->flags | KAPI_TRAMP_F_ATOMIC);
	else
		this_cpu_inc(kapi_tramp_skipped);
	preempt_enable();
	if (unlikely(!done))
		kapi_tramp_post_sleep(c->hot, c->client, c->seq, c->uregs,
				      c->frame, c->result, c->flags);
out:
	this_cpu_dec(kapi_tramp_in_flight);
	return verdict != KAPI_TRAMP_RUN;
}

/* --- slots ------------------------------------------------------------- */

/* The address of the entry stub of slot @slot. */
static unsigned long kapi_tramp_stub(unsigned int slot)
{
	return (unsigned long)kapi_tramp_stubs + slot * KAPI_TRAMP_STUB_SIZE;
}

/* The bound slot @slot, or NULL. LOCKING: the resident's lock. */
static struct kapi_tramp_slot *kapi_tramp_bound(unsigned int slot)
{
	lockdep_assert_held(&kapi_tramp_mutex);
	if (slot >= KAPI_TRAMP_SLOTS ||
	    kapi_tramp_slots[slot].state != KAPI_TRAMP_BOUND)
		return NULL;
	return &kapi_tramp_slots[slot];
}

/*
 * kapi_tramp_attach() - bind a client to a free slot on a function
 * @client: the client, valid until detached and synchronized
 * @func: the name of the function to hook, as ftrace knows it
 * @abi: %KAPI_TRAMP_ABI, as the caller was built
 *
 * The slot's ftrace_ops is filtered to @func but not registered; see
 * kapi_tramp_enable(). Slots being drained are waited for first, so that
 * a function just detached can be attached again.
 *
 * Context: process context; sleeps.
 * Return: the slot; -EPROTO if @abi is not this module's; -EINVAL if ftrace
 * knows no function @func; -ENOSPC if every slot is taken.
 */
int kapi_tramp_attach(struct kapi_tramp_client *client, const char *func,
		      u32 abi)
{
	struct kapi_tramp_slot *s;
	unsigned int i;
	int ret;

	if (abi != KAPI_TRAMP_ABI)
		return -EPROTO;
	flush_delayed_work(&kapi_tramp_drain_work);
	mutex_lock(&kapi_tramp_mutex);
	for (i = 0; i < KAPI_TRAMP_SLOTS; i++)
		if (kapi_tramp_slots[i].state == KAPI_TRAMP_FREE)
			break;
	if (i == KAPI_TRAMP_SLOTS) {
		ret = -ENOSPC;
		goto out;
	}
	s = &kapi_tramp_slots[i];
	/* A fresh ops: ftrace keeps nothing of an unregistered one. */
	memset(&s->ops, 0, sizeof(s->ops));
	strscpy(s->func, func, sizeof(s->func));
	ret = ftrace_set_filter(&s->ops, (unsigned char *)s->func,
				strlen(s->func), 1);
	if (ret) {
		ftrace_free_filter(&s->ops);
		goto out;
	}
	s->state = KAPI_TRAMP_BOUND;
	if (!kapi_tramp_pinned) {
		__module_get(THIS_MODULE);
		kapi_tramp_pinned = true;
	}
	WRITE_ONCE(kapi_tramp_hot[i].seq, kapi_tramp_hot[i].seq + 1);
	/* ORDER: @seq before the client; pairs with kapi_tramp_run(). */
	smp_store_release(&kapi_tramp_hot[i].client, client);
	ret = i;
out:
	mutex_unlock(&kapi_tramp_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(kapi_tramp_attach);

/**
 * kapi_tramp_enable() - make the slot's function call its stub
 * @slot: a bound slot
 *
 * Context: process context; sleeps.
 * Return: 0; -EBUSY if another ftrace user (a livepatch, another direct
 * call) owns the function's entry; -ENOENT if the slot is not bound; what
 * ftrace returns otherwise.
 */
int kapi_tramp_enable(unsigned int slot)
{
	struct kapi_tramp_slot *s;
	int ret = -ENOENT;

	mutex_lock(&kapi_tramp_mutex);
	s = kapi_tramp_bound(slot);
	if (s && s->registered)
		ret = 0;
	else if (s)
		ret = kapi_ftrace_direct_register(&s->ops,
						  kapi_tramp_stub(slot));
	if (s && !ret)
		s->registered = true;
	mutex_unlock(&kapi_tramp_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(kapi_tramp_enable);

/**
 * kapi_tramp_disable() - undo kapi_tramp_enable()
 * @slot: a bound slot
 *
 * When this returns no new call enters the stub; calls already in it run
 * to their end as they started.
 *
 * Context: process context; sleeps (ftrace waits for tasks RCU).
 * Return: 0, or the error of the unregistration, after which the function
 * may still call the stub.
 */
int kapi_tramp_disable(unsigned int slot)
{
	struct kapi_tramp_slot *s;
	int ret = 0;

	mutex_lock(&kapi_tramp_mutex);
	s = kapi_tramp_bound(slot);
	if (s && s->registered) {
		ret = kapi_ftrace_direct_unregister(&s->ops,
						    kapi_tramp_stub(slot));
		if (!ret)
			s->registered = false;
		else
			pr_err("cannot unhook %s (%pe)\n", s->func,
			       ERR_PTR(ret));
	}
	mutex_unlock(&kapi_tramp_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(kapi_tramp_disable);

/**
 * kapi_tramp_detach() - unbind the slot's client
 * @slot: a bound slot
 *
 * From now on calls through the slot run unchecked, and calls that began
 * before skip their post() (counted). The client may still be inside its
 * pre() or post(): kapi_tramp_synchronize() waits for that. The slot's
 * ftrace_ops is unregistered later, by a work item, and the slot is free
 * again after that.
 *
 * Context: process context; does not wait.
 */
void kapi_tramp_detach(unsigned int slot)
{
	struct kapi_tramp_slot *s;

	mutex_lock(&kapi_tramp_mutex);
	s = kapi_tramp_bound(slot);
	if (s) {
		WRITE_ONCE(kapi_tramp_hot[slot].client, NULL);
		WRITE_ONCE(kapi_tramp_hot[slot].seq,
			   kapi_tramp_hot[slot].seq + 1);
		s->state = KAPI_TRAMP_DRAINING;
		queue_delayed_work(system_long_wq, &kapi_tramp_drain_work,
				   KAPI_TRAMP_DRAIN_DELAY);
	}
	mutex_unlock(&kapi_tramp_mutex);
}
EXPORT_SYMBOL_GPL(kapi_tramp_detach);

/* Unregister the ops of the detached slots and free them. */
static void kapi_tramp_drain_fn(struct work_struct *work)
{
	struct kapi_tramp_slot *s;
	unsigned int i;
	int ret;

	mutex_lock(&kapi_tramp_mutex);
	for (i = 0; i < KAPI_TRAMP_SLOTS; i++) {
		s = &kapi_tramp_slots[i];
		if (s->state != KAPI_TRAMP_DRAINING)
			continue;
		if (s->registered) {
			ret = kapi_ftrace_direct_unregister(&s->ops,
							    kapi_tramp_stub(i));
			if (ret) {
				/* ftrace may still call the stub: keep it. */
				pr_err("cannot unhook %s (%pe); its slot stays taken\n",
				       s->func, ERR_PTR(ret));
				continue;
			}
			s->registered = false;
		}
		ftrace_free_filter(&s->ops);
		s->state = KAPI_TRAMP_FREE;
	}
	mutex_unlock(&kapi_tramp_mutex);
	mod_delayed_work(system_long_wq, &kapi_tramp_unpin_work, 0);
}

/* Tasks in this module's code, at the time of the call. */
static long kapi_tramp_in_flight_sum(void)
{
	long n = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		n += per_cpu(kapi_tramp_in_flight, cpu);
	return n;
}

/* Slots in use. LOCKING: the resident's lock. */
static u32 kapi_tramp_slots_used(void)
{
	u32 i, n = 0;

	for (i = 0; i < KAPI_TRAMP_SLOTS; i++)
		n += kapi_tramp_slots[i].state != KAPI_TRAMP_FREE;
	return n;
}

/*
 * Drop the module's reference on itself once no slot is in use and no
 * task is in its code; until then, look again every second. No slot being
 * registered, no new call can enter; a task that has left
 * kapi_tramp_run() may still run entry.S's last instructions, which
 * tasks RCU waits for (they never sleep there).
 */
static void kapi_tramp_unpin_fn(struct work_struct *work)
{
	bool idle;

	mutex_lock(&kapi_tramp_mutex);
	idle = kapi_tramp_pinned && !kapi_tramp_slots_used();
	mutex_unlock(&kapi_tramp_mutex);
	if (!idle)
		return;
	if (kapi_tramp_in_flight_sum()) {
		queue_delayed_work(system_long_wq, &kapi_tramp_unpin_work, HZ);
		return;
	}
	kapi_synchronize_rcu_tasks();
	mutex_lock(&kapi_tramp_mutex);
	idle = kapi_tramp_pinned && !kapi_tramp_slots_used() &&
	       !kapi_tramp_in_flight_sum();
	if (idle)
		kapi_tramp_pinned = false;
	mutex_unlock(&kapi_tramp_mutex);
	if (idle)
		module_put(THIS_MODULE);
}

/**
 * kapi_tramp_stats() - what the resident counted
 * @stats: filled in
 */
void kapi_tramp_stats(struct kapi_tramp_stats *stats)
{
	int cpu;

	stats->skipped = 0;
	stats->again = 0;
	for_each_possible_cpu(cpu) {
		stats->skipped += per_cpu(kapi_tramp_skipped, cpu);
		stats->again += per_cpu(kapi_tramp_again, cpu);
	}
	stats->in_flight = kapi_tramp_in_flight_sum();
	mutex_lock(&kapi_tramp_mutex);
	stats->slots = kapi_tramp_slots_used();
	mutex_unlock(&kapi_tramp_mutex);
}
EXPORT_SYMBOL_GPL(kapi_tramp_stats);

static struct dentry *kapi_tramp_dir;

/* /sys/kernel/debug/kapi_tramp/stats: kapi_tramp_stats(), one line. */
static int kapi_tramp_stats_show(struct seq_file *m, void *v)
{
	struct kapi_tramp_stats st;

	kapi_tramp_stats(&st);
	seq_printf(m, "skipped=%llu again=%llu in_flight=%ld slots=%u\n",
		   st.skipped, st.again, st.in_flight, st.slots);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(kapi_tramp_stats);

static int __init kapi_tramp_init(void)
{
	/* Only a view: the module works without it. */
	kapi_tramp_dir = debugfs_create_dir("kapi_tramp", NULL);
	debugfs_create_file("stats", 0444, kapi_tramp_dir, NULL,
			    &kapi_tramp_stats_fops);
	return 0;
}

/*
 * Unloading is possible only while the module is not pinned: no slot in
 * use, no task in its code. Work items may still be queued or running.
 */
static void __exit kapi_tramp_exit(void)
{
	debugfs_remove(kapi_tramp_dir);
	flush_delayed_work(&kapi_tramp_drain_work);
	cancel_delayed_work_sync(&kapi_tramp_unpin_work);
}

module_init(kapi_tramp_init);
module_exit(kapi_tramp_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kapi's resident hook trampolines: lets kapi.ko unload at any time");
MODULE_VERSION(KAPI_VERSION);

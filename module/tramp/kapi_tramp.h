/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kapi_tramp.ko: the resident part of kapi's hooks. It owns everything a
 * task can have on its stack while it sleeps in a hooked system call: the
 * entry stubs, the trampoline and the call of the original function
 * (entry.S), and the ftrace_ops of each hooked function (tramp.c). The
 * checks themselves live in kapi.ko, which binds a client to a slot and is
 * called before and after the function; kapi.ko's code runs only inside
 * those two calls, each in a read-side section (RCU, or SRCU where they may
 * sleep) that kapi_tramp_synchronize() waits for. So kapi.ko can unload at
 * any time, however many tasks sleep in hooked calls
 * (Documentation/runtime.rst, "Unloading").
 *
 * The interface between the two modules, shared with the assembler. Both
 * are built from the same tree; KAPI_TRAMP_ABI guards against a kapi.ko
 * built against another version of this header.
 */
#ifndef KAPI_TRAMP_H
#define KAPI_TRAMP_H

/* Hooks that can be installed at once: one entry stub each. */
#define KAPI_TRAMP_SLOTS 128
/* Bytes from one entry stub to the next. */
#define KAPI_TRAMP_STUB_SIZE 16
/* Bytes of a slot's hot state (struct kapi_tramp_hot), for entry.S. */
#define KAPI_TRAMP_HOT_SIZE 16
/*
 * The layout of struct kapi_tramp_call, for entry.S: where it puts the
 * slot's hot state, where it finds the result, and the size it reserves
 * below the argument it pushes (8 more than a multiple of 16, so that the
 * stack stays aligned); the pushed argument and the return address of the
 * entry call above it are the structure's last two fields.
 */
#define KAPI_TRAMP_CALL_HOT	512
#define KAPI_TRAMP_CALL_RESULT	520
#define KAPI_TRAMP_CALL_SIZE	552
/* Bytes of per-call state a client gets (on the calling task's stack). */
#define KAPI_TRAMP_FRAME_SIZE 512
/* The version of this interface; bump on any change. */
#define KAPI_TRAMP_ABI 2

#ifndef __ASSEMBLY__
#include <linux/ptrace.h>
#include <linux/types.h>

/* What kapi_tramp_client.pre() decided about a call. */
enum kapi_tramp_verdict {
	KAPI_TRAMP_RUN,		/* run the function unchecked */
	KAPI_TRAMP_CHECK,	/* run it, then call post() with its result */
	KAPI_TRAMP_DONE,	/* do not run it: *result is the caller's */
	KAPI_TRAMP_SLEEP,	/* call pre() again where it may sleep */
};

/*
 * The flags of a call of pre() or post(). ATOMIC: preemption is disabled
 * (the call is inside an RCU read-side section), so the client must not
 * sleep or fault on user memory (pagefault_disable() around its reads);
 * what needs to, it asks for again: pre() by returning %KAPI_TRAMP_SLEEP,
 * post() by returning false. CALLER_ATOMIC: the hooked function was
 * called where it could not sleep (preemption or interrupts disabled).
 */
#define KAPI_TRAMP_F_ATOMIC		0x1
#define KAPI_TRAMP_F_CALLER_ATOMIC	0x2

/**
 * struct kapi_tramp_client - what a slot calls
 * @pre: on entry to the hooked function, in the context of the system
 *	 call, first with preemption disabled (%KAPI_TRAMP_F_ATOMIC); if it
 *	 returns %KAPI_TRAMP_SLEEP, once more, preemptible, inside an SRCU
 *	 read-side section, where it may fault on user memory but must not
 *	 block for long. @frame is %KAPI_TRAMP_FRAME_SIZE bytes, 8-aligned,
 *	 uninitialised, for the call's state; it is passed to @post of the
 *	 same call.
 * @post: after the function returned @ret, under the same rules (false
 *	  asks for the second call); called only if the slot is still bound
 *	  to the same client as at @pre (else the call is counted as
 *	  skipped).
 *
 * The client is the caller's memory; it must stay valid until
 * kapi_tramp_synchronize() returns after kapi_tramp_detach().
 */
struct kapi_tramp_client {
	enum kapi_tramp_verdict (*pre)(struct kapi_tramp_client *client,
				       const struct pt_regs *uregs,
				       void *frame, long *result,
				       unsigned int flags);
	bool (*post)(struct kapi_tramp_client *client,
		     const struct pt_regs *uregs, void *frame, long ret,
		     unsigned int flags);
};

/**
 * struct kapi_tramp_stats - what the resident counted since it loaded
 * @skipped: calls whose post() was skipped because their slot's client was
 *	     detached (kapi.ko unloaded, or the spec went away) while they ran
 * @again: calls of a client's pre() or post() that asked to be made again
 *	   where they may sleep (%KAPI_TRAMP_SLEEP, or false from post())
 * @in_flight: tasks inside the resident's code (most asleep in a hooked
 *	       function) at the time of the call
 * @slots: slots in use, bound or waiting to be freed
 */
struct kapi_tramp_stats {
	u64 skipped;
	u64 again;
	long in_flight;
	u32 slots;
};

int kapi_tramp_attach(struct kapi_tramp_client *client, const char *func,
		      u32 abi);
int kapi_tramp_enable(unsigned int slot);
int kapi_tramp_disable(unsigned int slot);
void kapi_tramp_detach(unsigned int slot);
void kapi_tramp_synchronize(void);
void kapi_tramp_stats(struct kapi_tramp_stats *stats);

/* The resident's own, between entry.S and tramp.c. */

/**
 * struct kapi_tramp_hot - what a call reads of its slot
 * @client: the client calls go to, NULL if none (published with a release)
 * @seq: bumped on every attach and detach: a call's post() is made only if
 *	 the slot's @seq is still the one of its pre()
 *
 * The entry stub of slot N passes &kapi_tramp_hot[N]. Slots are never
 * freed, only reused, so that a call that slept across a detach can still
 * read both when it returns.
 */
struct kapi_tramp_hot {
	struct kapi_tramp_client *client;
	unsigned long seq;
};

/**
 * struct kapi_tramp_call - one hooked call, on the calling task's stack
 * @frame: the client's state of the call (kapi_tramp_client)
 * @hot: the hot state of the hook's slot
 * @result: what the caller gets, if the call is handled
 * @client: the client pre() was called on
 * @seq: the slot's sequence number at pre()
 * @flags: the flags of the calls of pre() and post()
 * @uregs: the user registers, the hooked function's argument: the register
 *	   entry.S pushed
 * @resume: where the hooked function continues after its entry call: the
 *	    return address of that call (read only)
 *
 * entry.S fills in @hot; kapi_tramp_run() keeps the rest here rather than
 * in registers it would have to save.
 */
struct kapi_tramp_call {
	u64 frame[KAPI_TRAMP_FRAME_SIZE / sizeof(u64)];
	struct kapi_tramp_hot *hot;
	long result;
	struct kapi_tramp_client *client;
	unsigned long seq;
	unsigned int flags;
	const struct pt_regs *uregs;
	const unsigned long resume;
};

extern const u8 kapi_tramp_stubs[];
extern struct kapi_tramp_hot kapi_tramp_hot[KAPI_TRAMP_SLOTS];
long kapi_tramp_call_body(unsigned long resume, const struct pt_regs *regs);
bool kapi_tramp_run(struct kapi_tramp_call *c);
#endif

#endif /* KAPI_TRAMP_H */

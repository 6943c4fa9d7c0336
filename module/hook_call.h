/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The call path of a hook (hooks.c): what a hooked call does before and
 * after the function runs, in inline pieces. hooks.c puts them together
 * around the generic decoding and the interpreter; kapi-gen --checks puts
 * them together around each spec's specialised decoding and checks
 * (module/generated/checks.c, built with KAPI_CHECKS_HOOKS), so that a
 * spec of kapi.ko's own image has its pre() and post() in one piece each,
 * with nothing called through a pointer but the resident's two calls.
 */
#ifndef KAPI_HOOK_CALL_H
#define KAPI_HOOK_CALL_H

#include <linux/err.h>
#include <linux/sched/signal.h>

#include "check.h"
#include "hooks.h"
#include "kapi_trace.h"
#include "kapi_tramp.h"
#include "report.h"

/*
 * What a checked call keeps from its entry to its return: in the frame the
 * resident gives it (kapi_tramp.h), on the calling task's stack.
 */
struct kapi_hook_frame {
	struct kapi_check_call call;
	struct kapi_check_pre pre;
	struct kapi_check_post post;
	enum kapi_mode mode;
	struct kapi_object_facts facts;
};

void kapi_hook_object(const struct kapi_hook *hook,
		      struct kapi_check_call *call);

static __always_inline struct kapi_hook *
kapi_hook_of(struct kapi_tramp_client *client)
{
	return container_of(client, struct kapi_hook, client);
}

/*
 * What the interpreter and the reports read of the spec in @f: set by the
 * interpreter's pre() before it decodes, by a spec's own pre() and post()
 * only before a report (their checks have the spec written in).
 */
static __always_inline void kapi_hook_frame_spec(const struct kapi_hook *hook,
						 struct kapi_hook_frame *f)
{
	f->call.image = hook->image;
	f->call.spec = hook->record;
	f->call.type = hook->type;
}

/*
 * The start of pre(): false if the call runs unchecked (mode off, or the
 * filter leaves the task out); else @f is ready for a spec's own decoding
 * (the interpreter's needs kapi_hook_frame_spec() too). @nargs is the
 * hook's nparams (a constant in a spec's own pre(), for the compiler to
 * fold the decoding's test of it).
 */
static __always_inline bool kapi_hook_pre_begin(const struct kapi_hook *hook,
						struct kapi_hook_frame *f,
						u32 nargs)
{
	enum kapi_mode mode = kapi_hooks_mode();

	if (mode == KAPI_MODE_OFF || !kapi_report_admits())
		return false;
	f->mode = mode;
	f->call.nargs = nargs;
	return true;
}

/*
 * The end of pre(), once the call is decoded and checked: report, and in
 * enforce mode refuse a call that violates a rule that predicts an error.
 * @facts_read: the decoding read the facts of the object of a call that
 * releases its descriptor (kapi_compat_fd_state_facts(), in the same
 * look-up as the descriptor's state), a constant.
 */
static __always_inline enum kapi_tramp_verdict
kapi_hook_pre_end(struct kapi_hook *hook, struct kapi_hook_frame *f,
		  long *result, bool facts_read)
{
	bool enforce = f->mode == KAPI_MODE_ENFORCE && f->pre.predicted &&
		       f->pre.enforce;

	if (!kapi_report_before_quiet(&hook->report, &f->pre, enforce,
				      trace_kapi_call_enabled())) {
		kapi_hook_frame_spec(hook, f);
		kapi_report_before(&hook->report, hook->name, &f->call,
				   &f->pre, f->mode, enforce);
	}
	if (enforce) {
		*result = f->pre.predicted;
		return KAPI_TRAMP_DONE;
	}
	/*
	 * close() releases its descriptor: what its object's kind is made of
	 * is read before, and the kind found if the call fails.
	 */
	if (!facts_read && unlikely(hook->obj_how == KAPI_OBJECT_FD_BEFORE))
		kapi_object_facts_of_fd((unsigned int)f->call.args[hook->obj_param],
					&f->facts);
	return KAPI_TRAMP_CHECK;
}

/*
 * The start of post(): the object a failed call worked on. One named by a
 * path is looked up where the task may sleep: false asks for that.
 */
static __always_inline bool kapi_hook_post_begin(const struct kapi_hook *hook,
						 struct kapi_hook_frame *f,
						 long ret, unsigned int flags)
{
	if (!IS_ERR_VALUE(ret))
		return true;
	if (hook->obj_how == KAPI_OBJECT_PATH && (flags & KAPI_TRAMP_F_ATOMIC))
		return false;
	if (hook->obj_how == KAPI_OBJECT_FD_BEFORE)
		kapi_object_of_facts(&f->facts, &f->call.object);
	else
		kapi_hook_object(hook, &f->call);
	return true;
}

/*
 * A call whose result the return rule allows (@ok, kapi_check_result_ok()),
 * that was not predicted to fail, while kapi:kapi_call is off: post() has
 * nothing to record or report (kapi_check_result() and
 * kapi_report_after_quiet() would find so).
 */
static __always_inline bool kapi_hook_post_clean(const struct kapi_hook_frame *f,
						 bool ok)
{
	return ok && !f->pre.predicted && !trace_kapi_call_enabled();
}

/* The limit an fd result is checked against (return rule @check). */
static __always_inline unsigned long kapi_hook_nofile(u32 check)
{
	return check == KAPI_RETURN_FD ? rlimit(RLIMIT_NOFILE) : 0;
}

/* The end of post(), once the result is checked: report. */
static __always_inline void kapi_hook_post_end(struct kapi_hook *hook,
					       struct kapi_hook_frame *f,
					       long ret, unsigned long nofile)
{
	if (!kapi_report_after_quiet(&f->post, trace_kapi_call_enabled())) {
		kapi_hook_frame_spec(hook, f);
		kapi_report_after(&hook->report, hook->name, &f->call, &f->pre,
				  &f->post, ret, nofile, f->mode);
	}
}

#endif /* KAPI_HOOK_CALL_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kapi's trace events (Documentation/tracing.rst): kapi:kapi_violation, one
 * per record of the violation ring, and kapi:kapi_call, one per checked
 * call. report.c emits both and is the one file that defines them
 * (CREATE_TRACE_POINTS). A disabled event costs its call site one NOP (a
 * static key); the arguments are pointers and values the caller already
 * has, and everything else is computed in TP_fast_assign, only while the
 * event is enabled. Strings are fixed-size arrays, not __string(), whose
 * __assign_str() changed between 6.1 and 6.12.
 *
 * Built with KAPI_TRACEPOINTS=n (Kbuild: KAPI_NO_TRACEPOINTS), the events
 * are TRACE_EVENT_NOP: empty inline functions, no tracefs directory.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kapi

#if !defined(KAPI_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define KAPI_TRACE_H

#include <linux/string.h>
#include <linux/tracepoint.h>

#include "check.h"
#include "kapi.h"
#include "object.h"
#include "report.h"

#ifdef KAPI_NO_TRACEPOINTS
#define KAPI_TRACE_EVENT TRACE_EVENT_NOP
#else
#define KAPI_TRACE_EVENT TRACE_EVENT
#endif

/* The modes by name in the events' text; TRACE_DEFINE_ENUM for the tools. */
TRACE_DEFINE_ENUM(KAPI_MODE_OFF);
TRACE_DEFINE_ENUM(KAPI_MODE_AUDIT);
TRACE_DEFINE_ENUM(KAPI_MODE_ENFORCE);

#define kapi_trace_mode_name(mode)					\
	__print_symbolic(mode, { KAPI_MODE_OFF, "off" },		\
			 { KAPI_MODE_AUDIT, "audit" },			\
			 { KAPI_MODE_ENFORCE, "enforce" })

/*
 * kapi:kapi_violation - a violation record (struct kapi_report_record)
 * entered the ring; every field of the record but its time stamp (the
 * event has its own). The 8 in __print_array() is sizeof(u64), written
 * out: perf's libtraceevent (6.1) cannot parse sizeof in a format.
 */
KAPI_TRACE_EVENT(kapi_violation,
		 TP_PROTO(const struct kapi_report_record *r),
		 TP_ARGS(r),
		 TP_STRUCT__entry(__field(u64, seq)
				  __field(pid_t, pid)
				  __field(pid_t, tgid)
				  __field(uid_t, uid)
				  __field(u8, mode)
				  __field(u8, nargs)
				  __field(u8, has_object)
				  __field(u16, obj_type)
				  __field(u16, obj_impl)
				  __array(char, comm, TASK_COMM_LEN)
				  __array(char, spec, KAPI_REPORT_NAME_LEN)
				  __array(char, rule, KAPI_REPORT_RULE_LEN)
				  __array(char, expected, KAPI_REPORT_EXPECTED_LEN)
				  __array(char, actual, KAPI_REPORT_ACTUAL_LEN)
				  __array(char, object, KAPI_OBJECT_NAME_LEN)
				  __array(u64, args, KAPI_CHECK_MAX_PARAMS)),
		 TP_fast_assign(__entry->seq = r->seq;
				__entry->pid = r->pid;
				__entry->tgid = r->tgid;
				__entry->uid = r->uid;
				__entry->mode = r->mode;
				__entry->nargs = min_t(u8, r->nargs,
						       KAPI_CHECK_MAX_PARAMS);
				__entry->has_object = r->has_object;
				__entry->obj_type = r->has_object ?
						    r->object.type : KAPI_OBJ_ANY;
				__entry->obj_impl = r->has_object ?
						    r->object.impl : KAPI_IMPL_ANY;
				strscpy_pad(__entry->comm, r->comm,
					    sizeof(__entry->comm));
				strscpy_pad(__entry->spec, r->syscall,
					    sizeof(__entry->spec));
				strscpy_pad(__entry->rule, r->rule,
					    sizeof(__entry->rule));
				strscpy_pad(__entry->expected, r->expected,
					    sizeof(__entry->expected));
				strscpy_pad(__entry->actual, r->actual,
					    sizeof(__entry->actual));
				memset(__entry->object, 0,
				       sizeof(__entry->object));
				if (r->has_object)
					kapi_object_name(__entry->object,
							 sizeof(__entry->object),
							 r->object);
				else
					__entry->object[0] = '-';
				memcpy(__entry->args, r->args,
				       sizeof(__entry->args));),
		 TP_printk("seq=%llu spec=%s rule=%s expected=%s actual=%s object=%s pid=%d tgid=%d uid=%u comm=%s mode=%s args=%s",
			   __entry->seq, __entry->spec, __entry->rule,
			   __entry->expected, __entry->actual, __entry->object,
			   __entry->pid, __entry->tgid, __entry->uid,
			   __entry->comm, kapi_trace_mode_name(__entry->mode),
			   __print_array(__entry->args, __entry->nargs, 8))
);

/*
 * kapi:kapi_call - a checked call ended: it ran (@post set) or was refused
 * in enforce mode before it could run (@post NULL, @ret the error it got).
 * @records counts the violation records the call made, before and after.
 * Its object is known for a failed call that ran (runtime.rst, "Object
 * kinds"), else "unknown".
 */
KAPI_TRACE_EVENT(kapi_call,
		 TP_PROTO(const char *name, const struct kapi_check_call *call,
			  const struct kapi_check_pre *pre,
			  const struct kapi_check_post *post, long ret,
			  enum kapi_mode mode),
		 TP_ARGS(name, call, pre, post, ret, mode),
		 TP_STRUCT__entry(__field(long, ret)
				  __field(u8, mode)
				  __field(u8, enforced)
				  __field(u8, records)
				  __field(u16, obj_type)
				  __field(u16, obj_impl)
				  __array(char, spec, KAPI_REPORT_NAME_LEN)
				  __array(char, object, KAPI_OBJECT_NAME_LEN)),
		 TP_fast_assign(struct kapi_object obj = {
					.type = KAPI_OBJ_ANY,
					.impl = KAPI_IMPL_ANY,
				};

				__entry->ret = ret;
				__entry->mode = mode;
				__entry->enforced = !post;
				__entry->records = pre->nviolations +
						   pre->context_violation;
				if (post) {
					__entry->records +=
						post->return_violation +
						post->undocumented +
						post->divergence;
					if (post->is_error)
						obj = call->object;
				}
				__entry->obj_type = obj.type;
				__entry->obj_impl = obj.impl;
				strscpy_pad(__entry->spec, name,
					    sizeof(__entry->spec));
				memset(__entry->object, 0,
				       sizeof(__entry->object));
				kapi_object_name(__entry->object,
						 sizeof(__entry->object), obj);),
		 TP_printk("spec=%s mode=%s ret=%ld enforced=%u records=%u object=%s",
			   __entry->spec, kapi_trace_mode_name(__entry->mode),
			   __entry->ret, __entry->enforced, __entry->records,
			   __entry->object)
);

#endif /* KAPI_TRACE_H */

/* This part must be outside the include guard. */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE kapi_trace
#include <trace/define_trace.h>

// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kapi_check_gen": the checks kapi-gen specialises per spec
 * (kapi-gen --checks, module/generated/checks.c) against the interpreter
 * (kapi_check_before(), kapi_check_after()), which stays the reference.
 * For every spec of kapi.ko's own image and of the test image (whose specs
 * have a parameter of every constraint kind), both run on the same calls
 * and must give the same verdicts, field for field. The calls are made
 * here, not listed: each parameter gets a set of variants from its rule
 * (every bound of a range or mask and the values around it, each listed
 * value, alignments, open flag combinations, pointers near the top of user
 * space, string lengths at and around the limits, descriptors in every
 * state &kapi_check_call.fd can encode), then every variant of one
 * parameter with the others at their base, every pair of parameters on a
 * sample of their variants, every calling context, and for each call
 * results from the return rule's bounds, every listed and some unlisted
 * errors and restart codes, against objects of every kind the spec's
 * error selectors name. The single-parameter calls are also decoded from
 * user registers by the specialised decoding, against the interpreter on
 * the same call. Then how kapi_check_impl_for() picks.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "check.h"
#include "compat/compat.h"
#include "image.h"
#include "kapi_kunit.h"

KAPI_CHECKS_DECLARE(kapi_kunit_image);

/* Variants of one parameter; a descriptor has 8 values in 256 states. */
#define KAPI_GEN_VARIANTS 2304
/* Variants of each parameter combined with those of each other one. */
#define KAPI_GEN_PAIR_SAMPLE 40
#define KAPI_GEN_RETS 160
#define KAPI_GEN_OBJS 48
#define KAPI_GEN_NOFILE 1024
/* Mismatches described in the log; all are counted. */
#define KAPI_GEN_SHOWN 8

/* One value of a parameter, as the hooks would have seen it. */
struct kapi_gen_variant {
	u64 raw;
	long slen;
	char head;
	u16 fd;
};

struct kapi_gen_ctx {
	struct kunit *test;
	const void *image;
	const struct kapi_image_spec *spec;
	const char *name;
	const struct kapi_check_impl *impl;
	u32 nparams;
	struct kapi_check_type type[KAPI_CHECK_MAX_PARAMS];
	struct kapi_gen_variant *var[KAPI_CHECK_MAX_PARAMS];
	u32 nvar[KAPI_CHECK_MAX_PARAMS];
	long rets[KAPI_GEN_RETS];
	u32 nrets;
	struct kapi_object objs[KAPI_GEN_OBJS];
	u32 nobjs;
	/* What the calls did: the input set must reach every outcome. */
	u64 calls, afters, mismatches;
	u64 violations, predicted, enforce, audit, context, errors;
	u64 undocumented, documented, divergence, return_violation;
	u64 entered, clean, ok_results;
	/* The struct kapi_gen_enter() decodes for the reference. */
	struct kapi_check_struct st;
	/* kapi_gen_enter()'s calls and verdicts, off the stack. */
	struct kapi_check_call ref, got;
	struct kapi_check_pre pi, pg;
};

static void kapi_gen_add(struct kapi_gen_ctx *c, u32 i, u64 raw, long slen,
			 char head, u16 fd)
{
	struct kapi_gen_variant *v;

	if (c->nvar[i] >= KAPI_GEN_VARIANTS)
		return;
	v = &c->var[i][c->nvar[i]++];
	v->raw = raw;
	v->slen = slen;
	v->head = head;
	v->fd = fd;
}

static void kapi_gen_add_value(struct kapi_gen_ctx *c, u32 i, u64 raw)
{
	kapi_gen_add(c, i, raw, 0, 0, 0);
}

/* Values any parameter is tried with: edges of every width, pointers. */
static const u64 kapi_gen_common[] = {
	0, 1, 2, 3, 7, 16, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
	0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ULL, BIT_ULL(61),
	BIT_ULL(62), S64_MAX, (u64)S64_MIN, U64_MAX, U64_MAX - 1, PAGE_SIZE - 1,
	PAGE_SIZE, PAGE_SIZE + 1, 0x10000, 0xffff888000000000ULL,
	(u64)(s64)AT_FDCWD, (u32)AT_FDCWD, (u64)-2,
};

/* Offsets below the top of user space that pointers are tried at. */
static const u64 kapi_gen_top[] = { 0, 1, 8, 15, 16, 17, 63, 64, 65, 128,
				    PAGE_SIZE };

/* Descriptors: valid, 0, large, negative, AT_FDCWD, upper bits set. */
static const u64 kapi_gen_fds[] = {
	3, 0, 1023, 0xffffffff, (u32)AT_FDCWD, (u32)-2, 0x80000000,
	0x100000003ULL,
};

static void kapi_gen_add_signed(struct kapi_gen_ctx *c, u32 i, s64 v)
{
	kapi_gen_add_value(c, i, (u64)v - 1);
	kapi_gen_add_value(c, i, (u64)v);
	kapi_gen_add_value(c, i, (u64)v + 1);
}

/* The variants of parameter @i; the first is its base value. */
static void kapi_gen_variants(struct kapi_gen_ctx *c, u32 i)
{
	const struct kapi_image_param *p;
	long lens[20], limit;
	u32 k, n = 0, b;

	p = kapi_image_param(c->image, c->spec, i);
	switch (p->constraint) {
	case KAPI_CONSTRAINT_FD:
		kapi_gen_add(c, i, 3, 0, 0, 0xfb);
		for (k = 0; k < ARRAY_SIZE(kapi_gen_fds); k++)
			for (b = 0; b < 256; b++)
				kapi_gen_add(c, i, kapi_gen_fds[k], 0, 0, b);
		return;
	case KAPI_CONSTRAINT_USER_STRING:
	case KAPI_CONSTRAINT_USER_PATH:
		limit = kapi_check_string_limit(p);
		kapi_gen_add(c, i, 0x10000,
			     p->min.value > 0 && p->min.value < 64 ?
			     p->min.value + 1 : 5, 'a', 0);
		lens[n++] = 0;
		lens[n++] = -EFAULT;
		lens[n++] = 1;
		lens[n++] = 2;
		lens[n++] = 3;
		lens[n++] = limit - 1;
		lens[n++] = limit;
		lens[n++] = limit + 1;
		lens[n++] = PATH_MAX;
		lens[n++] = PATH_MAX + 1;
		lens[n++] = SZ_64K + 1;
		if (p->min.value > 0 && p->min.value < SZ_64K) {
			lens[n++] = p->min.value;
			lens[n++] = p->min.value + 1;
			lens[n++] = p->min.value + 2;
		}
		if (p->max.value > 0 && p->max.value < SZ_64K) {
			lens[n++] = p->max.value;
			lens[n++] = p->max.value + 1;
			lens[n++] = p->max.value + 2;
		}
		for (k = 0; k < n; k++) {
			kapi_gen_add(c, i, 0x10000, lens[k], 'a', 0);
			kapi_gen_add(c, i, 0x10000, lens[k], '/', 0);
			kapi_gen_add(c, i, 0, lens[k], 0, 0);
			kapi_gen_add(c, i, TASK_SIZE_MAX - 1, lens[k], 'a', 0);
			kapi_gen_add(c, i, 0xffff888000000000ULL, lens[k], 0,
				     0);
		}
		return;
	case KAPI_CONSTRAINT_USER_PTR:
	case KAPI_CONSTRAINT_BUFFER:
		kapi_gen_add_value(c, i, 0x10000);
		for (k = 0; k < ARRAY_SIZE(kapi_gen_top); k++)
			kapi_gen_add_value(c, i, TASK_SIZE_MAX - kapi_gen_top[k]);
		break;
	case KAPI_CONSTRAINT_RANGE:
		kapi_gen_add_value(c, i, p->min.value);
		kapi_gen_add_signed(c, i, p->min.value);
		kapi_gen_add_signed(c, i, p->max.value);
		break;
	case KAPI_CONSTRAINT_MASK:
		kapi_gen_add_value(c, i, 0);
		kapi_gen_add_value(c, i, p->mask.value);
		kapi_gen_add_value(c, i, ~(u64)p->mask.value);
		for (k = 0; k < 64; k++)
			kapi_gen_add_value(c, i, BIT_ULL(k));
		break;
	case KAPI_CONSTRAINT_ENUM:
		kapi_gen_add_value(c, i, p->values.count ?
				   kapi_image_param_value(c->image, p, 0)->value :
				   0);
		for (k = 0; k < p->values.count; k++)
			kapi_gen_add_signed(c, i,
					    kapi_image_param_value(c->image, p,
								   k)->value);
		break;
	case KAPI_CONSTRAINT_ALIGNMENT:
		kapi_gen_add_value(c, i, max(p->alignment.value, 0));
		kapi_gen_add_signed(c, i, p->alignment.value);
		kapi_gen_add_signed(c, i, 2 * (s64)p->alignment.value);
		kapi_gen_add_signed(c, i, 3 * (s64)p->alignment.value);
		break;
	case KAPI_CONSTRAINT_OPEN_FLAGS:
		kapi_gen_add_value(c, i, O_RDONLY);
		for (k = 0; k < 64; k++)
			kapi_gen_add_value(c, i,
					   (k & 3) |
					   (k & 4 ? O_PATH : 0) |
					   (k & 8 ? O_CREAT : 0) |
					   (k & 16 ? O_DIRECTORY : 0) |
					   (k & 32 ? __O_TMPFILE : 0));
		kapi_gen_add_value(c, i, O_TMPFILE | O_RDWR);
		kapi_gen_add_value(c, i, O_TMPFILE | O_RDONLY);
		break;
	case KAPI_CONSTRAINT_POWER_OF_TWO:
	case KAPI_CONSTRAINT_NONZERO:
		kapi_gen_add_value(c, i, 1);
		break;
	default:
		/* Unchecked; as a size, a count of 16 is a good base. */
		kapi_gen_add_value(c, i, 16);
		break;
	}
	for (k = 0; k < ARRAY_SIZE(kapi_gen_common); k++)
		kapi_gen_add_value(c, i, kapi_gen_common[k]);
}

static void kapi_gen_add_ret(struct kapi_gen_ctx *c, long ret)
{
	if (c->nrets < KAPI_GEN_RETS)
		c->rets[c->nrets++] = ret;
}

static void kapi_gen_add_obj(struct kapi_gen_ctx *c, u16 type, u16 impl)
{
	if (c->nobjs < KAPI_GEN_OBJS) {
		c->objs[c->nobjs].type = type;
		c->objs[c->nobjs].impl = impl;
		c->nobjs++;
	}
}

/* Results and objects: the return rule's edges, the error list, others. */
static void kapi_gen_results(struct kapi_gen_ctx *c)
{
	static const long others[] = {
		0, 1, 2, -1, KAPI_GEN_NOFILE - 1, KAPI_GEN_NOFILE,
		KAPI_GEN_NOFILE + 1, LONG_MAX, LONG_MIN, -MAX_ERRNO,
		-MAX_ERRNO - 1, -ENOTTY, -EDOM, -ECHILD, -ENAMETOOLONG,
		-ENOTDIR, -EINVAL, -EFAULT, -EBADF, -ERESTARTSYS,
		-ERESTARTNOINTR, -ERESTARTNOHAND, -ERESTART_RESTARTBLOCK, -4000,
	};
	const struct kapi_image_return *r = &c->spec->ret;
	u32 i, j;

	for (i = 0; i < ARRAY_SIZE(others); i++)
		kapi_gen_add_ret(c, others[i]);
	for (i = 0; i < 3; i++) {
		kapi_gen_add_ret(c, (long)((u64)r->success_min.value + i - 1));
		kapi_gen_add_ret(c, (long)((u64)r->success_max.value + i - 1));
	}
	for (i = 0; i < c->nparams; i++)
		kapi_gen_add_ret(c, kapi_image_param(c->image, c->spec,
						     i)->violation_error);
	kapi_gen_add_obj(c, KAPI_OBJ_ANY, KAPI_IMPL_ANY);
	kapi_gen_add_obj(c, KAPI_OBJ_REG, KAPI_IMPL_OTHER);
	for (i = 0; i < c->spec->errors.count; i++) {
		const struct kapi_image_error *e;

		e = kapi_image_error(c->image, c->spec, i);
		kapi_gen_add_ret(c, e->code);
		for (j = 0; j < e->objects.count; j++) {
			const struct kapi_image_object *o;

			o = kapi_image_error_object(c->image, e, j);
			kapi_gen_add_obj(c, o->type ?: KAPI_OBJ_REG,
					 o->impl ?: KAPI_IMPL_OTHER);
			kapi_gen_add_obj(c, o->type, o->impl ?: KAPI_IMPL_OTHER);
		}
	}
}

static bool kapi_gen_same_pre(const struct kapi_check_pre *a,
			      const struct kapi_check_pre *b)
{
	u32 i;

	if (a->nviolations != b->nviolations ||
	    a->context_violation != b->context_violation ||
	    a->predicted != b->predicted || a->first != b->first ||
	    a->enforce != b->enforce)
		return false;
	for (i = 0; i < a->nviolations && i < KAPI_CHECK_MAX_PARAMS; i++) {
		const struct kapi_check_violation *x = &a->v[i], *y = &b->v[i];

		if (x->param != y->param || x->constraint != y->constraint ||
		    x->why != y->why || x->error != y->error ||
		    x->order != y->order || x->value != y->value ||
		    x->size != y->size)
			return false;
	}
	return true;
}

static bool kapi_gen_same_post(const struct kapi_check_post *a,
			       const struct kapi_check_post *b)
{
	return a->is_error == b->is_error &&
	       a->return_violation == b->return_violation &&
	       a->undocumented == b->undocumented &&
	       a->divergence == b->divergence;
}

static void kapi_gen_mismatch(struct kapi_gen_ctx *c,
			      const struct kapi_check_call *call,
			      const char *what, long ret)
{
	u32 i;

	if (c->mismatches++ >= KAPI_GEN_SHOWN)
		return;
	kunit_info(c->test, "%s: %s differs (context %#x, result %ld, object %u:%u)",
		   c->name, what, call->context, ret, call->object.type,
		   call->object.impl);
	for (i = 0; i < call->nargs; i++)
		kunit_info(c->test, "  arg %u: %#llx slen %ld head %d fd %#x",
			   i, call->args[i], call->slen[i], call->head[i],
			   call->fd[i]);
}

/* Run both implementations on one call and its results. */
static void kapi_gen_run(struct kapi_gen_ctx *c, struct kapi_check_call *call,
			 bool every_object)
{
	struct kapi_check_pre pi, pg;
	struct kapi_check_post qi, qg;
	u32 r, o, o0, o1;

	/* Different garbage in each: a field one leaves unset shows. */
	memset(&pi, 0xa5, sizeof(pi));
	memset(&pg, 0x5a, sizeof(pg));
	kapi_check_before(call, &pi);
	c->impl->before(call, &pg);
	c->calls++;
	if (!kapi_gen_same_pre(&pi, &pg)) {
		kapi_gen_mismatch(c, call, "before", 0);
		return;
	}
	c->violations += !!pi.nviolations;
	c->predicted += !!pi.predicted;
	c->enforce += pi.predicted && pi.enforce;
	c->audit += pi.predicted && !pi.enforce;
	c->context += pi.context_violation;

	o0 = every_object ? 0 : c->calls % c->nobjs;
	o1 = every_object ? c->nobjs : o0 + 1;
	for (o = o0; o < o1; o++) {
		call->object = c->objs[o];
		for (r = 0; r < c->nrets; r++) {
			long ret = c->rets[r];
			unsigned long nofile = r & 1 ? KAPI_GEN_NOFILE : 3;

			memset(&qi, 0xa5, sizeof(qi));
			memset(&qg, 0x5a, sizeof(qg));
			kapi_check_after(call, &pi, ret, nofile, &qi);
			c->impl->after(call, &pg, ret, nofile, &qg);
			c->afters++;
			if (!kapi_gen_same_post(&qi, &qg)) {
				kapi_gen_mismatch(c, call, "after", ret);
				return;
			}
			/*
			 * A spec's own post() skips the checks for a result
			 * kapi_check_result_ok() allows, if none was predicted.
			 */
			if (!pi.predicted &&
			    kapi_check_result_ok(c->spec->ret.check,
						 c->spec->ret.success_min.value,
						 c->spec->ret.success_max.value,
						 ret, nofile)) {
				c->ok_results++;
				if (qi.is_error || qi.return_violation ||
				    qi.divergence) {
					kapi_gen_mismatch(c, call,
							  "the test of an allowed result",
							  ret);
					return;
				}
			}
			c->errors += qi.is_error;
			c->undocumented += qi.is_error && qi.undocumented;
			c->documented += qi.is_error && !qi.undocumented;
			c->divergence += qi.divergence;
			c->return_violation += qi.return_violation;
		}
	}
}

/* A call with parameter i at variant sel[i]. */
static void kapi_gen_call(struct kapi_gen_ctx *c, struct kapi_check_call *call,
			  const u32 *sel, u32 context)
{
	u32 i;

	memset(call, 0, sizeof(*call));
	call->image = c->image;
	call->spec = c->spec;
	call->nargs = c->nparams;
	call->type = c->type;
	call->context = context;
	for (i = 0; i < c->nparams; i++) {
		const struct kapi_gen_variant *v = &c->var[i][sel[i]];

		call->args[i] = kapi_check_convert(v->raw, c->type[i]);
		call->slen[i] = v->slen;
		call->head[i] = v->head;
		call->fd[i] = v->fd;
	}
}

/*
 * The specialised decoding (&kapi_check_impl.enter) of a call whose
 * argument registers hold the variants @sel, against the call decoded here
 * and checked by the interpreter. A kernel thread has no user memory, so
 * every string reads as unreadable; descriptors are looked up in its
 * table. What is compared is what the decoding must get right: which
 * register, which type, which parameters' strings and descriptors (and
 * whether the rule wants a directory), and the verdict.
 */
static void kapi_gen_enter(struct kapi_gen_ctx *c, const u32 *sel)
{
	struct pt_regs regs = {};
	unsigned long *reg[KAPI_CHECK_MAX_PARAMS] = {
		&regs.di, &regs.si, &regs.dx, &regs.r10, &regs.r8, &regs.r9,
	};
	struct kapi_check_call *ref = &c->ref, *got = &c->got;
	enum kapi_check_entered entered;
	bool same = true, has_struct;
	u32 i;

	kapi_gen_call(c, ref, sel, KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE);
	memset(got, 0x5a, sizeof(*got));
	got->image = c->image;
	got->spec = c->spec;
	got->nargs = c->nparams;
	got->type = c->type;
	for (i = 0; i < c->nparams; i++) {
		const struct kapi_image_param *p;

		p = kapi_image_param(c->image, c->spec, i);
		*reg[i] = c->var[i][sel[i]].raw;
		if (kapi_check_string_limit(p)) {
			ref->slen[i] = 0;
			ref->head[i] = 0;
		}
		if (p->constraint == KAPI_CONSTRAINT_FD)
			ref->fd[i] = kapi_compat_fd_arg(ref->args[i],
							(u32)p->mask.value);
	}
	/* The struct the hooks' decoding reads (kapi_hook_decode()). */
	ref->sbad = 0;
	for (i = 0, has_struct = false; !has_struct && i < c->nparams; i++) {
		const struct kapi_image_param *p;

		p = kapi_image_param(c->image, c->spec, i);
		if (kapi_check_struct_of(c->image, p, &c->st)) {
			KUNIT_ASSERT_TRUE(c->test,
					  kapi_check_decode_struct(ref, i, &c->st, 0));
			has_struct = true;
		}
	}
	memset(&c->pi, 0xa5, sizeof(c->pi));
	memset(&c->pg, 0x5a, sizeof(c->pg));
	entered = c->impl->enter(&regs, got, &c->pg, 0);
	KUNIT_ASSERT_NE(c->test, entered, KAPI_CHECK_AGAIN);
	kapi_check_before(ref, &c->pi);
	c->entered++;
	for (i = 0; i < c->nparams; i++) {
		const struct kapi_image_param *p;

		p = kapi_image_param(c->image, c->spec, i);
		same = same && got->args[i] == ref->args[i];
		if (kapi_check_string_limit(p))
			same = same && got->slen[i] == ref->slen[i] &&
			       got->head[i] == ref->head[i];
		if (p->constraint == KAPI_CONSTRAINT_FD)
			same = same && got->fd[i] == ref->fd[i];
	}
	if (c->spec->context)
		same = same && got->context == ref->context;
	/* Only a spec with a struct parameter decodes one. */
	if (has_struct)
		same = same && got->sbad == ref->sbad;
	/*
	 * "Clean" is a promise: no violation of any kind. (Few calls are
	 * clean here: a kernel thread has no user memory and few open
	 * descriptors. The runtime selftests make clean calls by the million.)
	 */
	if (entered == KAPI_CHECK_CLEAN)
		same = same && !c->pi.nviolations && !c->pi.context_violation;
	c->clean += entered == KAPI_CHECK_CLEAN;
	if (!same || !kapi_gen_same_pre(&c->pi, &c->pg))
		kapi_gen_mismatch(c, got, "enter", 0);
}

/* Every call of the sweep for one spec. */
static void kapi_gen_sweep(struct kapi_gen_ctx *c)
{
	u32 sel[KAPI_CHECK_MAX_PARAMS] = {}, i, j, a, b, k, ctx;
	struct kapi_check_call call;

	/* The base call in every context, with every object. */
	for (ctx = 0; ctx < 32; ctx++) {
		kapi_gen_call(c, &call, sel, ctx);
		kapi_gen_run(c, &call, ctx == KAPI_KUNIT_CTX_TASK);
	}
	/* Each variant of one parameter, some of them in every context. */
	for (i = 0; i < c->nparams; i++) {
		for (k = 0; k < c->nvar[i]; k++) {
			sel[i] = k;
			kapi_gen_call(c, &call, sel, KAPI_KUNIT_CTX_TASK);
			kapi_gen_run(c, &call, !(k % 64));
			kapi_gen_enter(c, sel);
			if (k % 16)
				continue;
			for (ctx = 0; ctx < 32; ctx++) {
				kapi_gen_call(c, &call, sel, ctx);
				kapi_gen_run(c, &call, false);
			}
		}
		sel[i] = 0;
	}
	/* Pairs of parameters, on a sample of their variants. */
	for (i = 0; i < c->nparams; i++) {
		for (j = i + 1; j < c->nparams; j++) {
			u32 si = max_t(u32, 1, c->nvar[i] / KAPI_GEN_PAIR_SAMPLE);
			u32 sj = max_t(u32, 1, c->nvar[j] / KAPI_GEN_PAIR_SAMPLE);

			for (a = 0; a < c->nvar[i]; a += si) {
				for (b = 0; b < c->nvar[j]; b += sj) {
					sel[i] = a;
					sel[j] = b;
					kapi_gen_call(c, &call, sel,
						      KAPI_KUNIT_CTX_TASK);
					kapi_gen_run(c, &call, false);
				}
			}
			sel[i] = 0;
			sel[j] = 0;
		}
	}
}

/* Whether the engine checks anything of @s's parameters. */
static bool kapi_gen_checks_params(const void *image,
				   const struct kapi_image_spec *s)
{
	u32 i;

	for (i = 0; i < s->params.count; i++)
		if (kapi_check_constrained(kapi_image_param(image, s, i)))
			return true;
	return false;
}

/* Compare the implementations on every spec of @image that has checks. */
static void kapi_gen_image(struct kunit *test, const void *image,
			   const struct kapi_check_gen *table,
			   unsigned int count)
{
	struct kapi_gen_ctx *c;
	u64 total = 0, documented = 0, context = 0, n;
	u32 s, i, compared = 0;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	for (i = 0; i < KAPI_CHECK_MAX_PARAMS; i++) {
		c->var[i] = kunit_kcalloc(test, KAPI_GEN_VARIANTS,
					  sizeof(*c->var[i]), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, c->var[i]);
	}
	for (s = 0; s < kapi_image_spec_count(image); s++) {
		const struct kapi_image_spec *spec = kapi_image_spec(image, s);

		memset(c->nvar, 0, sizeof(c->nvar));
		c->test = test;
		c->image = image;
		c->spec = spec;
		c->name = kapi_image_spec_name(image, spec);
		c->impl = kapi_check_impl_find(table, count, image, spec);
		if (spec->params.count > KAPI_CHECK_MAX_PARAMS) {
			KUNIT_EXPECT_NULL(test, c->impl);
			continue;
		}
		KUNIT_ASSERT_NOT_NULL_MSG(test, c->impl, "no checks for %s",
					  c->name);
		KUNIT_EXPECT_STREQ(test, c->impl->name, "generated");
		c->nparams = spec->params.count;
		for (i = 0; i < c->nparams; i++) {
			const struct kapi_image_param *p;

			p = kapi_image_param(image, spec, i);
			c->type[i] = kapi_check_param_type(image, p);
			kapi_gen_variants(c, i);
		}
		c->nrets = 0;
		c->nobjs = 0;
		kapi_gen_results(c);
		c->calls = 0;
		c->afters = 0;
		c->mismatches = 0;
		c->violations = 0;
		c->predicted = 0;
		c->enforce = 0;
		c->audit = 0;
		c->context = 0;
		c->errors = 0;
		c->undocumented = 0;
		c->documented = 0;
		c->divergence = 0;
		c->return_violation = 0;
		c->entered = 0;
		c->clean = 0;
		c->ok_results = 0;
		kapi_gen_sweep(c);

		kunit_info(test, "%s: %llu calls (%llu decoded from registers, %llu of them clean), %llu results, %llu with violations, %llu predicted, %llu mismatches",
			   c->name, c->calls, c->entered, c->clean, c->afters,
			   c->violations, c->predicted, c->mismatches);
		KUNIT_EXPECT_EQ_MSG(test, c->mismatches, 0ULL,
				    "%s: the generated checks differ", c->name);
		/*
		 * The input set reaches every outcome it can for the spec;
		 * listed errors and contexts may all be fine for one spec
		 * (a range that counts small negative values as success, a
		 * spec that allows every context), not for all of them.
		 */
		KUNIT_EXPECT_GE(test, c->calls, 32ULL + 100 * c->nparams);
		/* Every single-parameter call was decoded from registers too. */
		for (i = 0, n = 0; i < c->nparams; i++)
			n += c->nvar[i];
		KUNIT_EXPECT_EQ(test, c->entered, n);
		KUNIT_EXPECT_GT(test, c->errors, 0ULL);
		KUNIT_EXPECT_GT(test, c->undocumented, 0ULL);
		documented += c->documented;
		context += c->context;
		if (spec->ret.check == KAPI_RETURN_EXACT ||
		    spec->ret.check == KAPI_RETURN_RANGE ||
		    spec->ret.check == KAPI_RETURN_FD) {
			KUNIT_EXPECT_GT(test, c->return_violation, 0ULL);
			KUNIT_EXPECT_GT(test, c->ok_results, 0ULL);
		}
		if (kapi_gen_checks_params(image, spec)) {
			KUNIT_EXPECT_GT(test, c->violations, 0ULL);
			KUNIT_EXPECT_GT(test, c->predicted, 0ULL);
			KUNIT_EXPECT_GT(test, c->divergence, 0ULL);
		}
		total += c->calls;
		compared++;
	}
	KUNIT_EXPECT_GT(test, compared, 0U);
	KUNIT_EXPECT_GE(test, total, 10000ULL);
	KUNIT_EXPECT_GT(test, documented, 0ULL);
	KUNIT_EXPECT_GT(test, context, 0ULL);
	kunit_info(test, "%u specs, %llu calls compared", compared, total);
}

static void kapi_check_gen_builtin_test(struct kunit *test)
{
	const struct kapi_check_gen *table;
	unsigned int count;
	const void *img;
	size_t size;

	img = kapi_check_builtin(&size, &table, &count);
	kapi_gen_image(test, img, table, count);
}

static void kapi_check_gen_kunit_test(struct kunit *test)
{
	kapi_gen_image(test, kapi_kunit_image_data, kapi_kunit_image_checks,
		       kapi_kunit_image_checks_count);
}

/* The constraint kinds of the parameters @table has checks for. */
static u32 kapi_gen_kinds(const void *img, const struct kapi_check_gen *table,
			  unsigned int count)
{
	u32 seen = 0, s, i;

	for (s = 0; s < kapi_image_spec_count(img); s++) {
		const struct kapi_image_spec *spec = kapi_image_spec(img, s);

		if (!kapi_check_impl_find(table, count, img, spec))
			continue;
		for (i = 0; i < spec->params.count; i++)
			seen |= BIT(kapi_image_param(img, spec, i)->constraint);
	}
	return seen;
}

/* Every constraint kind is among the rules compared above. */
static void kapi_check_gen_kinds_test(struct kunit *test)
{
	const struct kapi_check_gen *table;
	unsigned int count;
	const void *img;
	size_t size;
	u32 seen, i;

	img = kapi_check_builtin(&size, &table, &count);
	seen = kapi_gen_kinds(img, table, count) |
	       kapi_gen_kinds(kapi_kunit_image_data, kapi_kunit_image_checks,
			      kapi_kunit_image_checks_count);
	for (i = 0; i < KAPI_CONSTRAINT_COUNT; i++)
		KUNIT_EXPECT_TRUE_MSG(test, seen & BIT(i),
				      "no generated %s rule",
				      kapi_check_constraint_token(i));
}

/* kapi_check_impl_for(): generated for kapi.ko's image and its copies. */
static void kapi_check_gen_select_test(struct kunit *test)
{
	const struct kapi_image_spec *spec;
	const struct kapi_check_gen *table;
	unsigned int count;
	const void *img;
	size_t size;
	u8 *copy;
	u32 s;

	img = kapi_check_builtin(&size, &table, &count);
	KUNIT_EXPECT_EQ(test, count, kapi_image_spec_count(img));
	copy = kunit_kmalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	memcpy(copy, img, size);
	KUNIT_EXPECT_GT(test, kapi_image_spec_count(img), 0U);
	for (s = 0; s < kapi_image_spec_count(img); s++) {
		const struct kapi_check_impl *impl;

		spec = kapi_image_spec(img, s);
		impl = kapi_check_impl_for(img, spec);
		KUNIT_EXPECT_STREQ(test, impl->name, "generated");
		/* The registry's copy of it, and the spec in the copy. */
		spec = kapi_image_spec(copy, s);
		KUNIT_EXPECT_PTR_EQ(test, kapi_check_impl_for(copy, spec),
				    impl);
	}
	/* A copy that differs in one byte (its last string) is not it. */
	copy[size - 2] ^= 1;
	spec = kapi_image_spec(copy, 0);
	KUNIT_EXPECT_PTR_EQ(test, kapi_check_impl_for(copy, spec),
			    &kapi_check_interpreter);

	/* Images registered by other modules keep the interpreter. */
	img = kapi_kunit_image_data;
	for (s = 0; s < kapi_image_spec_count(img); s++)
		KUNIT_EXPECT_PTR_EQ(test,
				    kapi_check_impl_for(img,
							kapi_image_spec(img, s)),
				    &kapi_check_interpreter);
}

/* An entry whose parameter types the kernel reads otherwise is not used. */
static void kapi_check_gen_types_test(struct kunit *test)
{
	const void *img = kapi_kunit_image_data;
	const struct kapi_image_spec *spec;
	struct kapi_check_gen *g;
	unsigned int n = kapi_kunit_image_checks_count;
	unsigned int i;

	KUNIT_ASSERT_GT(test, n, 0U);
	g = kunit_kmalloc_array(test, n, sizeof(*g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, g);
	for (i = 0; i < n; i++) {
		memcpy(g, kapi_kunit_image_checks, n * sizeof(*g));
		spec = kapi_kunit_spec(test, img, g[i].spec);
		KUNIT_EXPECT_PTR_EQ(test, kapi_check_impl_find(g, n, img, spec),
				    &g[i].impl);
		if (!g[i].nparams)
			continue;
		g[i].type[0].is_signed = !g[i].type[0].is_signed;
		KUNIT_EXPECT_NULL(test, kapi_check_impl_find(g, n, img, spec));
		g[i].type[0].is_signed = !g[i].type[0].is_signed;
		g[i].nparams++;
		KUNIT_EXPECT_NULL(test, kapi_check_impl_find(g, n, img, spec));
	}
	/* A spec the table does not name. */
	spec = kapi_image_spec(img, 0);
	KUNIT_EXPECT_NULL(test, kapi_check_impl_find(g, 0, img, spec));
}

static struct kunit_case kapi_check_gen_test_cases[] = {
	KUNIT_CASE(kapi_check_gen_select_test),
	KUNIT_CASE(kapi_check_gen_types_test),
	KUNIT_CASE(kapi_check_gen_kinds_test),
	KUNIT_CASE(kapi_check_gen_builtin_test),
	KUNIT_CASE(kapi_check_gen_kunit_test),
	{}
};

static struct kunit_suite kapi_check_gen_suite = {
	.name = "kapi_check_gen",
	.test_cases = kapi_check_gen_test_cases,
};

kunit_test_suite(kapi_check_gen_suite);

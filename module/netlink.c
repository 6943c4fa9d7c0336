// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink family "kapi": specs, runtime counters and controls
 * for programs, and a multicast group that carries every violation record
 * as an event (Documentation/netlink.rst, the format in
 * Documentation/netlink/specs/kapi.yaml). Each operation has a strict
 * policy, so the core refuses unknown and malformed attributes with an
 * extended ACK before a handler runs; the handlers check what a policy
 * cannot. Changes (mode, filter, reset) need CAP_NET_ADMIN, joining the
 * group CAP_SYS_ADMIN, because events show other processes' arguments.
 *
 * A spec travels as a spec image of its own (kapi_image_extract()), so that
 * a reader decodes it like any image. Events are sent by a work item: the
 * report layer only tells us that the ring has a new record, and the work
 * copies the records it has not sent yet, by sequence number; records that
 * were overwritten first are counted as lost.
 *
 * LOCKING: handlers run in parallel (parallel_ops) and take the registry
 * lock or the hooks lock, never both. The event state belongs to the work
 * item, which never runs twice at once.
 */
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/threads.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "check.h"
#include "hooks.h"
#include "image.h"
#include "kapi.h"
#include "netlink.h"
#include "registry.h"
#include "report.h"

/* Violation records the event work copies at a time. */
#define KAPI_NL_BATCH 16
/*
 * Bytes of a summary the key attributes carry at most, NUL included: an
 * attribute holds 64 KiB, an image's strings may be longer, and the image
 * in the same message has the whole text anyway.
 */
#define KAPI_NL_SUMMARY_MAX 1024

static struct genl_family kapi_genl_family;

/*
 * Bumped whenever an image comes or goes (registry lock), so that a dump
 * that spans a change is flagged NLM_F_DUMP_INTR. Starts at 1: 0 means
 * "not tracked" to the netlink core.
 */
static unsigned int kapi_nl_generation = 1;

/* The event work and its state. */
static struct work_struct kapi_nl_event_work;
static struct kapi_report_record kapi_nl_batch[KAPI_NL_BATCH];
static u64 kapi_nl_sent_seq;	/* the last record handled */
static atomic64_t kapi_nl_events_sent;
static atomic64_t kapi_nl_events_lost;
static atomic64_t kapi_nl_events_failed;

/* --- policies ----------------------------------------------------------- */

static const struct nla_policy kapi_nl_name_policy[KAPI_A_SPEC_NAME + 1] = {
	[KAPI_A_SPEC_NAME] = { .type = NLA_NUL_STRING,
			       .len = KAPI_IMAGE_MAX_NAME - 1 },
};

static const struct nla_policy kapi_nl_mode_policy[KAPI_A_MODE + 1] = {
	[KAPI_A_MODE] = NLA_POLICY_MAX(NLA_U32, KAPI_GENL_MODE_ENFORCE),
};

static const struct nla_policy kapi_nl_log_policy[KAPI_A_LOG + 1] = {
	[KAPI_A_LOG] = NLA_POLICY_MAX(NLA_U32, 1),
};

/* Not const: older kernels' policies point to them without const. */
static struct netlink_range_validation kapi_nl_pid_range = {
	.min = 1,
	.max = PID_MAX_LIMIT,
};

/* (uid_t)-1 is no user. */
static struct netlink_range_validation kapi_nl_uid_range = {
	.min = 0,
	.max = U32_MAX - 1,
};

static const struct nla_policy kapi_nl_filter_policy[KAPI_FILTER_A_MAX + 1] = {
	[KAPI_FILTER_A_PID] = NLA_POLICY_FULL_RANGE(NLA_U32, &kapi_nl_pid_range),
	[KAPI_FILTER_A_TGID] = NLA_POLICY_FULL_RANGE(NLA_U32, &kapi_nl_pid_range),
	[KAPI_FILTER_A_UID] = NLA_POLICY_FULL_RANGE(NLA_U32, &kapi_nl_uid_range),
	[KAPI_FILTER_A_COMM] = { .type = NLA_NUL_STRING,
				 .len = TASK_COMM_LEN - 1 },
};

static const struct nla_policy kapi_nl_set_filter_policy[KAPI_A_FILTER + 1] = {
	[KAPI_A_FILTER] = NLA_POLICY_NESTED(kapi_nl_filter_policy),
};

/* Operations without attributes: the core refuses every attribute. */
static const struct nla_policy kapi_nl_none_policy[KAPI_A_PAD + 1] = {
	[KAPI_A_PAD] = { .type = NLA_REJECT },
};

/* --- specs -------------------------------------------------------------- */

/* LOCKING: the registry lock, while which the owner cannot go away. */
static const char *kapi_nl_owner(const struct kapi_registry_image *img)
{
	return img->owner ? module_name(img->owner) : NULL;
}

/* Length of @spec's summary as KAPI_A_SPEC_SUMMARY carries it. */
static size_t kapi_nl_summary_len(const void *image,
				  const struct kapi_image_spec *spec)
{
	return strnlen(kapi_image_str(image, spec->summary),
		       KAPI_NL_SUMMARY_MAX - 1);
}

/* Bytes of the attributes of the GET_SPEC message of @spec. */
static size_t kapi_nl_spec_payload(const struct kapi_registry_image *img,
				   const struct kapi_image_spec *spec,
				   size_t image_size)
{
	const char *owner = kapi_nl_owner(img);
	size_t chunks = DIV_ROUND_UP(image_size, KAPI_GENL_IMAGE_CHUNK);

	return nla_total_size(strlen(kapi_image_spec_name(img->data, spec)) + 1) +
	       nla_total_size(kapi_nl_summary_len(img->data, spec) + 1) +
	       6 * nla_total_size(sizeof(u32)) +
	       (owner ? nla_total_size(strlen(owner) + 1) : 0) +
	       image_size + chunks * NLA_ALIGN(NLA_HDRLEN + 3);
}

/*
 * The image of @spec alone, in a new buffer (kvfree() it), its size and
 * the size of the attributes that will carry it; ERR_PTR(-EMSGSIZE) if the
 * message would be larger than %KAPI_GENL_SPEC_MSG_MAX.
 * LOCKING: the registry lock (the owner module's name is read).
 */
static void *kapi_nl_spec_image(const struct kapi_registry_image *img,
				const struct kapi_image_spec *spec,
				size_t *size, size_t *payload)
{
	char why[KAPI_IMAGE_WHY_LEN] = "";
	ssize_t n;
	void *buf;

	n = kapi_image_extract(img->data, spec, NULL, 0);
	if (n < 0)
		return ERR_PTR(n == -E2BIG ? -EMSGSIZE : n);
	*payload = kapi_nl_spec_payload(img, spec, n);
	if (genlmsg_total_size(*payload) > KAPI_GENL_SPEC_MSG_MAX)
		return ERR_PTR(-EMSGSIZE);
	buf = kvmalloc(n, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	n = kapi_image_extract(img->data, spec, buf, n);
	/* An extracted image that does not validate is a bug here. */
	if (WARN_ON_ONCE(n < 0 || kapi_image_validate(buf, n, why, sizeof(why)))) {
		pr_err("%s: extracted image refused: %s\n",
		       kapi_image_spec_name(img->data, spec), why);
		kvfree(buf);
		return ERR_PTR(-EIO);
	}
	*size = n;
	return buf;
}

/* Put one GET_SPEC message; -EMSGSIZE (and nothing put) if it does not fit. */
static int kapi_nl_fill_spec(struct sk_buff *msg, u32 portid, u32 seq,
			     int flags, const struct kapi_registry_image *img,
			     const struct kapi_image_spec *spec,
			     const u8 *image, size_t size, void **hdrp)
{
	const void *data = img->data;
	const char *owner = kapi_nl_owner(img);
	size_t off, chunk, len = kapi_nl_summary_len(data, spec);
	struct nlattr *summary;
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &kapi_genl_family, flags,
			  KAPI_CMD_GET_SPEC);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(msg, KAPI_A_SPEC_NAME,
			   kapi_image_spec_name(data, spec)) ||
	    nla_put_u32(msg, KAPI_A_SPEC_KIND, spec->kind))
		goto cancel;
	/* The summary, cut to KAPI_NL_SUMMARY_MAX - 1 bytes if longer. */
	summary = nla_reserve(msg, KAPI_A_SPEC_SUMMARY, len + 1);
	if (!summary)
		goto cancel;
	memcpy(nla_data(summary), kapi_image_str(data, spec->summary), len);
	((char *)nla_data(summary))[len] = '\0';
	if (nla_put_u32(msg, KAPI_A_SPEC_CONTEXT, spec->context) ||
	    nla_put_u32(msg, KAPI_A_SPEC_FLAGS, spec->flags) ||
	    nla_put_u32(msg, KAPI_A_SPEC_PARAMS, spec->params.count) ||
	    nla_put_u32(msg, KAPI_A_SPEC_ERRORS, spec->errors.count) ||
	    (owner && nla_put_string(msg, KAPI_A_SPEC_OWNER, owner)) ||
	    nla_put_u32(msg, KAPI_A_SPEC_IMAGE_SIZE, size))
		goto cancel;
	for (off = 0; off < size; off += chunk) {
		chunk = min_t(size_t, size - off, KAPI_GENL_IMAGE_CHUNK);
		if (nla_put(msg, KAPI_A_SPEC_IMAGE, chunk, image + off))
			goto cancel;
	}
	genlmsg_end(msg, hdr);
	if (hdrp)
		*hdrp = hdr;
	return 0;

cancel:
	genlmsg_cancel(msg, hdr);
	return -EMSGSIZE;
}

/*
 * The registered image that holds the spec called @name, and the spec.
 * LOCKING: the registry lock, which keeps both (and the owner) alive.
 */
static const struct kapi_registry_image *
kapi_nl_find_spec(const char *name, const struct kapi_image_spec **spec)
{
	const struct kapi_registry_image *img = NULL;
	u32 i;

	while ((img = kapi_registry_next(img))) {
		for (i = 0; i < img->nspecs; i++) {
			if (!strcmp(img->specs[i].name, name)) {
				*spec = img->specs[i].spec;
				return img;
			}
		}
	}
	return NULL;
}

static int kapi_nl_get_spec_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *attr = info->attrs[KAPI_A_SPEC_NAME];
	const struct kapi_registry_image *img;
	const struct kapi_image_spec *spec;
	struct sk_buff *msg = NULL;
	size_t size, payload;
	void *image;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, KAPI_A_SPEC_NAME)) {
		NL_SET_ERR_MSG(info->extack, "the spec's name (KAPI_A_SPEC_NAME) is required");
		return -EINVAL;
	}
	kapi_registry_lock();
	img = kapi_nl_find_spec(nla_data(attr), &spec);
	if (!img) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "no spec of that name is registered");
		ret = -ENOENT;
		goto unlock;
	}
	image = kapi_nl_spec_image(img, spec, &size, &payload);
	if (IS_ERR(image)) {
		ret = PTR_ERR(image);
		if (ret == -EMSGSIZE)
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "the spec is too large for a netlink message");
		goto unlock;
	}
	ret = -ENOMEM;
	msg = genlmsg_new(payload, GFP_KERNEL);
	if (msg)
		ret = kapi_nl_fill_spec(msg, info->snd_portid, info->snd_seq,
					0, img, spec, image, size, NULL);
	kvfree(image);
unlock:
	kapi_registry_unlock();
	if (ret) {
		nlmsg_free(msg);
		return ret;
	}
	return genlmsg_reply(msg, info);
}

/*
 * Before a dump: make every message buffer large enough for the largest
 * spec (the default holds a few KiB; a spec is tens of KiB).
 */
static int kapi_nl_get_spec_start(struct netlink_callback *cb)
{
	const struct kapi_registry_image *img = NULL;
	size_t max = 0;
	ssize_t n;
	u32 i;

	kapi_registry_lock();
	while ((img = kapi_registry_next(img))) {
		for (i = 0; i < img->nspecs; i++) {
			n = kapi_image_extract(img->data, img->specs[i].spec,
					       NULL, 0);
			if (n < 0)
				continue;
			n = nlmsg_total_size(GENL_HDRLEN +
					     kapi_nl_spec_payload(img, img->specs[i].spec, n));
			if (n <= KAPI_GENL_SPEC_MSG_MAX)
				max = max_t(size_t, max, n);
		}
	}
	kapi_registry_unlock();
	cb->min_dump_alloc = max;
	return 0;
}

/* cb->args[0]: how many specs, in registration order, were sent. */
static int kapi_nl_get_spec_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb)
{
	const struct kapi_registry_image *img = NULL;
	long idx = 0, start = cb->args[0];
	size_t size, payload;
	void *image, *hdr;
	int ret = 0;
	u32 i;

	kapi_registry_lock();
	cb->seq = kapi_nl_generation;
	while (!ret && (img = kapi_registry_next(img))) {
		for (i = 0; i < img->nspecs; i++, idx++) {
			const struct kapi_image_spec *spec = img->specs[i].spec;

			if (idx < start)
				continue;
			image = kapi_nl_spec_image(img, spec, &size, &payload);
			if (IS_ERR(image)) {
				ret = PTR_ERR(image);
				NL_SET_ERR_MSG(cb->extack,
					       "a spec cannot be sent (too large, or out of memory)");
				break;
			}
			ret = kapi_nl_fill_spec(skb, NETLINK_CB(cb->skb).portid,
						cb->nlh->nlmsg_seq, NLM_F_MULTI,
						img, spec, image, size, &hdr);
			kvfree(image);
			if (ret) {
				/* Full: the next call goes on from here. */
				if (skb->len)
					ret = 0;
				else
					NL_SET_ERR_MSG(cb->extack,
						       "a spec registered during the dump is too large for its buffer");
				goto out;
			}
			genl_dump_check_consistent(cb, hdr);
		}
	}
out:
	kapi_registry_unlock();
	cb->args[0] = idx;
	return ret ?: skb->len;
}

/* --- runtime counters ----------------------------------------------------- */

static int kapi_nl_put_u64(struct sk_buff *msg, int type, u64 value, int pad)
{
	return nla_put_u64_64bit(msg, type, value, pad);
}

static int kapi_nl_put_params(struct sk_buff *msg, const struct kapi_hook *hook,
			      const struct kapi_report_counters *sum)
{
	struct nlattr *nest;
	u32 i, n;

	n = min_t(u32, hook->record->params.count, KAPI_CHECK_MAX_PARAMS);
	for (i = 0; i < n; i++) {
		const struct kapi_image_param *p;

		p = kapi_image_param(hook->image, hook->record, i);
		/* A param's own rule, or the struct it points to. */
		if (!kapi_check_constrained(p) &&
		    !kapi_image_param_struct_id(hook->image, p))
			continue;
		nest = nla_nest_start(msg, KAPI_STATS_A_PARAM);
		if (!nest ||
		    nla_put_u32(msg, KAPI_PARAM_STATS_A_INDEX, i) ||
		    nla_put_string(msg, KAPI_PARAM_STATS_A_NAME,
				   kapi_image_str(hook->image, p->name)) ||
		    nla_put_string(msg, KAPI_PARAM_STATS_A_RULE,
				   kapi_check_constraint_token(p->constraint)) ||
		    kapi_nl_put_u64(msg, KAPI_PARAM_STATS_A_VIOLATIONS,
				    sum->param[i], KAPI_PARAM_STATS_A_PAD))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	return 0;
}

static int kapi_nl_put_errnos(struct sk_buff *msg, struct kapi_hook *hook,
			      const struct kapi_report_counters *sum)
{
	struct kapi_object obj;
	struct nlattr *nest;
	char name[32];
	unsigned int i;
	u32 key;
	int code;

	for (i = 0; i < KAPI_REPORT_ERRNO_SLOTS; i++) {
		key = READ_ONCE(hook->report.errno_slot[i]);
		if (!key || (!sum->failed[i] && !sum->errnos[i]))
			continue;
		code = kapi_report_errno_key_code(key);
		obj = kapi_report_errno_key_object(key);
		kapi_report_errno(name, sizeof(name), -code);
		nest = nla_nest_start(msg, KAPI_STATS_A_ERRNO);
		if (!nest ||
		    nla_put_u32(msg, KAPI_ERRNO_STATS_A_CODE, code) ||
		    nla_put_string(msg, KAPI_ERRNO_STATS_A_NAME, name) ||
		    kapi_nl_put_u64(msg, KAPI_ERRNO_STATS_A_COUNT,
				    sum->errnos[i], KAPI_ERRNO_STATS_A_PAD) ||
		    nla_put_u32(msg, KAPI_ERRNO_STATS_A_OBJ_TYPE, obj.type) ||
		    nla_put_u32(msg, KAPI_ERRNO_STATS_A_OBJ_IMPL, obj.impl) ||
		    kapi_nl_put_u64(msg, KAPI_ERRNO_STATS_A_FAILED,
				    sum->failed[i], KAPI_ERRNO_STATS_A_PAD))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	return 0;
}

/*
 * Room for one GET_STATS message: NLMSG_GOODSIZE holds the name, the
 * counters and the parameters, as it did before failed calls had slots;
 * every errno slot and "other" may add a nest of their own.
 */
static size_t kapi_nl_stats_payload(void)
{
	size_t nest = nla_total_size(0) + 3 * nla_total_size(sizeof(u32)) +
		      nla_total_size(32) +
		      2 * nla_total_size_64bit(sizeof(u64));

	return NLMSG_GOODSIZE + (KAPI_REPORT_ERRNO_SLOTS + 1) * nest;
}

/*
 * One GET_STATS message: the spec's name and its counters, summed over
 * the CPUs, as runtime/stats shows them.
 * LOCKING: the hooks lock.
 */
static int kapi_nl_fill_stats(struct sk_buff *msg, u32 portid, u32 seq,
			      int flags, struct kapi_hook *hook, void **hdrp)
{
	struct kapi_report_counters *sum;
	struct nlattr *nest;
	void *hdr;
	int ret = -EMSGSIZE;

	sum = kmalloc(sizeof(*sum), GFP_KERNEL);
	if (!sum)
		return -ENOMEM;
	kapi_report_spec_counters(&hook->report, sum);
	hdr = genlmsg_put(msg, portid, seq, &kapi_genl_family, flags,
			  KAPI_CMD_GET_STATS);
	if (!hdr)
		goto out;
	if (nla_put_string(msg, KAPI_A_SPEC_NAME, hook->name))
		goto cancel;
	nest = nla_nest_start(msg, KAPI_A_STATS);
	if (!nest ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_CALLS, sum->calls,
			    KAPI_STATS_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_VIOLATIONS, sum->violations,
			    KAPI_STATS_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_RETURN_VIOLATIONS,
			    sum->return_violations, KAPI_STATS_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_UNDOCUMENTED, sum->undocumented,
			    KAPI_STATS_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_DIVERGENCES, sum->divergences,
			    KAPI_STATS_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_ENFORCED, sum->enforced,
			    KAPI_STATS_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_CONTEXT, sum->context,
			    KAPI_STATS_A_PAD) ||
	    kapi_nl_put_params(msg, hook, sum) ||
	    kapi_nl_put_errnos(msg, hook, sum) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_ERRNO_OTHER,
			    sum->errnos[KAPI_REPORT_ERRNO_SLOTS],
			    KAPI_STATS_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_STATS_A_ERRNO_OTHER_FAILED,
			    sum->failed[KAPI_REPORT_ERRNO_SLOTS],
			    KAPI_STATS_A_PAD))
		goto cancel;
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	if (hdrp)
		*hdrp = hdr;
	ret = 0;
	goto out;
cancel:
	genlmsg_cancel(msg, hdr);
out:
	kfree(sum);
	return ret;
}

static int kapi_nl_get_stats_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *attr = info->attrs[KAPI_A_SPEC_NAME];
	struct kapi_hook *hook = NULL;
	struct sk_buff *msg;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, KAPI_A_SPEC_NAME)) {
		NL_SET_ERR_MSG(info->extack, "the spec's name (KAPI_A_SPEC_NAME) is required");
		return -EINVAL;
	}
	msg = genlmsg_new(kapi_nl_stats_payload(), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	ret = -ENOENT;
	kapi_hooks_lock();
	while ((hook = kapi_hooks_next(hook))) {
		if (strcmp(hook->name, nla_data(attr)) || READ_ONCE(hook->error))
			continue;
		ret = kapi_nl_fill_stats(msg, info->snd_portid, info->snd_seq,
					 0, hook, NULL);
		break;
	}
	kapi_hooks_unlock();
	if (ret) {
		if (ret == -ENOENT)
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "no hooked spec of that name");
		nlmsg_free(msg);
		return ret;
	}
	return genlmsg_reply(msg, info);
}

/* A dump buffer takes at least one whole GET_STATS message. */
static int kapi_nl_get_stats_start(struct netlink_callback *cb)
{
	cb->min_dump_alloc = nlmsg_total_size(GENL_HDRLEN +
					      kapi_nl_stats_payload());
	return 0;
}

/* cb->args[0]: how many hooks, in registration order, were looked at. */
static int kapi_nl_get_stats_dumpit(struct sk_buff *skb,
				    struct netlink_callback *cb)
{
	struct kapi_hook *hook = NULL;
	long idx = 0, start = cb->args[0];
	void *hdr;
	int ret = 0;

	cb->seq = READ_ONCE(kapi_nl_generation);
	kapi_hooks_lock();
	while ((hook = kapi_hooks_next(hook))) {
		if (idx++ < start || READ_ONCE(hook->error))
			continue;
		ret = kapi_nl_fill_stats(skb, NETLINK_CB(cb->skb).portid,
					 cb->nlh->nlmsg_seq, NLM_F_MULTI, hook,
					 &hdr);
		if (ret) {
			idx--;
			break;
		}
		genl_dump_check_consistent(cb, hdr);
	}
	kapi_hooks_unlock();
	cb->args[0] = idx;
	/* A full buffer is not an error: the next call goes on from here. */
	if (ret == -EMSGSIZE && skb->len)
		ret = 0;
	return ret ?: skb->len;
}

/* --- status and controls ------------------------------------------------ */

static int kapi_nl_put_filter(struct sk_buff *msg)
{
	struct kapi_report_filter f;
	struct nlattr *nest;

	kapi_report_filter_get(&f);
	nest = nla_nest_start(msg, KAPI_A_FILTER);
	if (!nest ||
	    ((f.set & KAPI_FILTER_PID) &&
	     nla_put_u32(msg, KAPI_FILTER_A_PID, f.pid)) ||
	    ((f.set & KAPI_FILTER_TGID) &&
	     nla_put_u32(msg, KAPI_FILTER_A_TGID, f.tgid)) ||
	    ((f.set & KAPI_FILTER_UID) &&
	     nla_put_u32(msg, KAPI_FILTER_A_UID, f.uid)) ||
	    ((f.set & KAPI_FILTER_COMM) &&
	     nla_put_string(msg, KAPI_FILTER_A_COMM, f.comm)))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

static int kapi_nl_get_status_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct kapi_report_ring_state st;
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &kapi_genl_family, 0,
				KAPI_CMD_GET_STATUS);
	if (!hdr)
		goto nospace;
	kapi_report_ring_state(&st);
	if (nla_put_u32(msg, KAPI_A_MODE, kapi_hooks_mode()) ||
	    kapi_nl_put_filter(msg) ||
	    nla_put_u32(msg, KAPI_A_RING_CAPACITY, KAPI_REPORT_RING_SIZE) ||
	    nla_put_u32(msg, KAPI_A_RING_RECORDS, st.records) ||
	    kapi_nl_put_u64(msg, KAPI_A_RING_DROPPED, st.dropped, KAPI_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_A_SEQ, st.seq, KAPI_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_A_EVENTS_SENT,
			    atomic64_read(&kapi_nl_events_sent), KAPI_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_A_EVENTS_LOST,
			    atomic64_read(&kapi_nl_events_lost), KAPI_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_A_EVENTS_FAILED,
			    atomic64_read(&kapi_nl_events_failed), KAPI_A_PAD) ||
	    nla_put_u32(msg, KAPI_A_LOG, kapi_report_log()))
		goto nospace;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

nospace:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

static int kapi_nl_set_mode_doit(struct sk_buff *skb, struct genl_info *info)
{
	BUILD_BUG_ON((int)KAPI_GENL_MODE_OFF != (int)KAPI_MODE_OFF);
	BUILD_BUG_ON((int)KAPI_GENL_MODE_AUDIT != (int)KAPI_MODE_AUDIT);
	BUILD_BUG_ON((int)KAPI_GENL_MODE_ENFORCE != (int)KAPI_MODE_ENFORCE);

	if (GENL_REQ_ATTR_CHECK(info, KAPI_A_MODE)) {
		NL_SET_ERR_MSG(info->extack, "the mode (KAPI_A_MODE) is required");
		return -EINVAL;
	}
	/* The policy keeps the value within the modes. */
	kapi_hooks_set_mode(nla_get_u32(info->attrs[KAPI_A_MODE]));
	return 0;
}

static int kapi_nl_set_log_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, KAPI_A_LOG)) {
		NL_SET_ERR_MSG(info->extack, "the log switch (KAPI_A_LOG) is required");
		return -EINVAL;
	}
	/* The policy keeps the value 0 or 1. */
	kapi_report_set_log(nla_get_u32(info->attrs[KAPI_A_LOG]));
	return 0;
}

static int kapi_nl_set_filter_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[KAPI_FILTER_A_MAX + 1];
	struct kapi_report_filter f = { 0 };
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, KAPI_A_FILTER)) {
		NL_SET_ERR_MSG(info->extack, "the filter (KAPI_A_FILTER) is required");
		return -EINVAL;
	}
	ret = nla_parse_nested(tb, KAPI_FILTER_A_MAX, info->attrs[KAPI_A_FILTER],
			       kapi_nl_filter_policy, info->extack);
	if (ret)
		return ret;
	if (tb[KAPI_FILTER_A_PID]) {
		f.set |= KAPI_FILTER_PID;
		f.pid = nla_get_u32(tb[KAPI_FILTER_A_PID]);
	}
	if (tb[KAPI_FILTER_A_TGID]) {
		f.set |= KAPI_FILTER_TGID;
		f.tgid = nla_get_u32(tb[KAPI_FILTER_A_TGID]);
	}
	if (tb[KAPI_FILTER_A_UID]) {
		f.set |= KAPI_FILTER_UID;
		f.uid = nla_get_u32(tb[KAPI_FILTER_A_UID]);
	}
	if (tb[KAPI_FILTER_A_COMM]) {
		const char *comm = nla_data(tb[KAPI_FILTER_A_COMM]);

		if (!kapi_report_filter_comm_ok(comm)) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[KAPI_FILTER_A_COMM],
					    "comm must be 1 to 15 printable characters without spaces");
			return -EINVAL;
		}
		f.set |= KAPI_FILTER_COMM;
		strscpy(f.comm, comm, sizeof(f.comm));
	}
	kapi_report_filter_set(&f);
	return 0;
}

static int kapi_nl_reset_stats_doit(struct sk_buff *skb, struct genl_info *info)
{
	kapi_hooks_reset_stats();
	atomic64_set(&kapi_nl_events_sent, 0);
	atomic64_set(&kapi_nl_events_lost, 0);
	atomic64_set(&kapi_nl_events_failed, 0);
	return 0;
}

/* --- violation events ---------------------------------------------------- */

static int kapi_nl_put_violation(struct sk_buff *msg,
				 const struct kapi_report_record *r)
{
	struct nlattr *nest;
	unsigned int i;

	nest = nla_nest_start(msg, KAPI_A_VIOLATION);
	if (!nest ||
	    kapi_nl_put_u64(msg, KAPI_VIOLATION_A_SEQ, r->seq,
			    KAPI_VIOLATION_A_PAD) ||
	    kapi_nl_put_u64(msg, KAPI_VIOLATION_A_TS, r->ts,
			    KAPI_VIOLATION_A_PAD) ||
	    nla_put_u32(msg, KAPI_VIOLATION_A_PID, r->pid) ||
	    nla_put_u32(msg, KAPI_VIOLATION_A_TGID, r->tgid) ||
	    nla_put_u32(msg, KAPI_VIOLATION_A_UID, r->uid) ||
	    nla_put_string(msg, KAPI_VIOLATION_A_COMM, r->comm) ||
	    nla_put_string(msg, KAPI_VIOLATION_A_SPEC, r->syscall))
		return -EMSGSIZE;
	for (i = 0; i < r->nargs && i < KAPI_CHECK_MAX_PARAMS; i++)
		if (kapi_nl_put_u64(msg, KAPI_VIOLATION_A_ARG, r->args[i],
				    KAPI_VIOLATION_A_PAD))
			return -EMSGSIZE;
	if (nla_put_string(msg, KAPI_VIOLATION_A_RULE, r->rule) ||
	    nla_put_string(msg, KAPI_VIOLATION_A_EXPECTED, r->expected) ||
	    nla_put_string(msg, KAPI_VIOLATION_A_ACTUAL, r->actual) ||
	    nla_put_u32(msg, KAPI_VIOLATION_A_MODE, r->mode))
		return -EMSGSIZE;
	if (r->has_object &&
	    (nla_put_u32(msg, KAPI_VIOLATION_A_OBJ_TYPE, r->object.type) ||
	     nla_put_u32(msg, KAPI_VIOLATION_A_OBJ_IMPL, r->object.impl)))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

/*
 * Bytes of the attributes of a VIOLATION event at most: sized exactly, so
 * that a listener's receive buffer holds as many events as it can.
 */
static size_t kapi_nl_violation_payload(void)
{
	return nla_total_size(0) +
	       (2 + KAPI_CHECK_MAX_PARAMS) * nla_total_size_64bit(sizeof(u64)) +
	       6 * nla_total_size(sizeof(u32)) +
	       nla_total_size(sizeof_field(struct kapi_report_record, comm)) +
	       nla_total_size(sizeof_field(struct kapi_report_record, syscall)) +
	       nla_total_size(sizeof_field(struct kapi_report_record, rule)) +
	       nla_total_size(sizeof_field(struct kapi_report_record, expected)) +
	       nla_total_size(sizeof_field(struct kapi_report_record, actual)) +
	       nla_total_size_64bit(sizeof(u64));
}

/* Multicast one record; count it as sent, failed or lost. */
static void kapi_nl_send_violation(const struct kapi_report_record *r)
{
	struct sk_buff *msg;
	void *hdr;
	int ret;

	msg = genlmsg_new(kapi_nl_violation_payload(), GFP_KERNEL);
	if (!msg)
		goto lost;
	hdr = genlmsg_put(msg, 0, 0, &kapi_genl_family, 0, KAPI_CMD_VIOLATION);
	if (!hdr || kapi_nl_put_violation(msg, r) ||
	    kapi_nl_put_u64(msg, KAPI_A_EVENTS_LOST,
			    atomic64_read(&kapi_nl_events_lost), KAPI_A_PAD)) {
		nlmsg_free(msg);
		goto lost;
	}
	genlmsg_end(msg, hdr);
	ret = genlmsg_multicast(&kapi_genl_family, msg, 0, 0, GFP_KERNEL);
	if (!ret)
		atomic64_inc(&kapi_nl_events_sent);
	else if (ret == -ENOBUFS)
		atomic64_inc(&kapi_nl_events_failed);
	/* -ESRCH: the last listener left meanwhile. */
	return;
lost:
	atomic64_inc(&kapi_nl_events_lost);
}

/*
 * Send the records made since the last run, oldest first. Without
 * listeners the records are skipped, not lost: nobody waited for them.
 */
static void kapi_nl_event_fn(struct work_struct *work)
{
	struct kapi_report_ring_state st;
	unsigned int i, n, round;
	u64 lost;

	for (round = 0; round < KAPI_REPORT_RING_SIZE / KAPI_NL_BATCH; round++) {
		if (!genl_has_listeners(&kapi_genl_family, &init_net, 0)) {
			kapi_report_ring_state(&st);
			kapi_nl_sent_seq = st.seq;
			return;
		}
		n = kapi_report_ring_read(kapi_nl_sent_seq, kapi_nl_batch,
					  KAPI_NL_BATCH, &lost);
		if (lost)
			atomic64_add(lost, &kapi_nl_events_lost);
		if (!n)
			return;
		kapi_nl_sent_seq = kapi_nl_batch[n - 1].seq;
		for (i = 0; i < n; i++)
			kapi_nl_send_violation(&kapi_nl_batch[i]);
		cond_resched();
	}
	/* A ring's worth was sent and more may wait: yield, then go on. */
	queue_work(system_wq, work);
}

/* On the path of a system call, under rcu_read_lock(): only queue work. */
static void kapi_nl_recorded(void)
{
	queue_work(system_wq, &kapi_nl_event_work);
}

static const struct kapi_report_listener kapi_nl_report_listener = {
	.recorded = kapi_nl_recorded,
};

/* --- the family ----------------------------------------------------------- */

static void kapi_nl_images_changed(const struct kapi_registry_image *image)
{
	WRITE_ONCE(kapi_nl_generation, kapi_nl_generation + 1);
}

static struct kapi_registry_listener kapi_nl_registry_listener = {
	.added = kapi_nl_images_changed,
	.removed = kapi_nl_images_changed,
};

static const struct genl_ops kapi_nl_ops[] = {
	{
		.cmd = KAPI_CMD_GET_SPEC,
		.doit = kapi_nl_get_spec_doit,
		.start = kapi_nl_get_spec_start,
		.dumpit = kapi_nl_get_spec_dumpit,
		.policy = kapi_nl_name_policy,
		.maxattr = KAPI_A_SPEC_NAME,
	},
	{
		.cmd = KAPI_CMD_GET_STATS,
		.doit = kapi_nl_get_stats_doit,
		.start = kapi_nl_get_stats_start,
		.dumpit = kapi_nl_get_stats_dumpit,
		.policy = kapi_nl_name_policy,
		.maxattr = KAPI_A_SPEC_NAME,
	},
	{
		.cmd = KAPI_CMD_GET_STATUS,
		.doit = kapi_nl_get_status_doit,
		.policy = kapi_nl_none_policy,
		.maxattr = KAPI_A_PAD,
	},
	{
		.cmd = KAPI_CMD_SET_MODE,
		.doit = kapi_nl_set_mode_doit,
		.policy = kapi_nl_mode_policy,
		.maxattr = KAPI_A_MODE,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = KAPI_CMD_SET_FILTER,
		.doit = kapi_nl_set_filter_doit,
		.policy = kapi_nl_set_filter_policy,
		.maxattr = KAPI_A_FILTER,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = KAPI_CMD_RESET_STATS,
		.doit = kapi_nl_reset_stats_doit,
		.policy = kapi_nl_none_policy,
		.maxattr = KAPI_A_PAD,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = KAPI_CMD_SET_LOG,
		.doit = kapi_nl_set_log_doit,
		.policy = kapi_nl_log_policy,
		.maxattr = KAPI_A_LOG,
		.flags = GENL_ADMIN_PERM,
	},
};

static const struct genl_multicast_group kapi_nl_mcgrps[] = {
	KAPI_COMPAT_GENL_PRIVATE_MCGRP(KAPI_MCGRP_VIOLATIONS),
};

static struct genl_family kapi_genl_family = {
	.name = KAPI_GENL_NAME,
	.version = KAPI_GENL_VERSION,
	.module = THIS_MODULE,
	/* The handlers take kapi's own locks; genl_mutex is not needed. */
	.parallel_ops = true,
	.ops = kapi_nl_ops,
	.n_ops = ARRAY_SIZE(kapi_nl_ops),
	.mcgrps = kapi_nl_mcgrps,
	.n_mcgrps = KAPI_COMPAT_GENL_PRIVATE_MCGRPS ? ARRAY_SIZE(kapi_nl_mcgrps) : 0,
};

/**
 * kapi_netlink_init() - register the generic netlink family "kapi"
 *
 * Context: process context, after the report and hooks layers are up.
 * Return: 0 or a negative errno from genl_register_family().
 */
int kapi_netlink_init(void)
{
	struct kapi_report_ring_state st;
	int ret;

	INIT_WORK(&kapi_nl_event_work, kapi_nl_event_fn);
	kapi_registry_listen(&kapi_nl_registry_listener);
	ret = kapi_fail("genl_family") ? -EEXIST :
	      genl_register_family(&kapi_genl_family);
	if (ret) {
		kapi_registry_unlisten(&kapi_nl_registry_listener);
		pr_err("cannot register the generic netlink family %s: %pe\n",
		       KAPI_GENL_NAME, ERR_PTR(ret));
		return ret;
	}
	if (!KAPI_COMPAT_GENL_PRIVATE_MCGRPS) {
		pr_notice("no violation events: this kernel cannot restrict who joins a netlink multicast group\n");
		return 0;
	}
	/* Events start with the records made from now on. */
	kapi_report_ring_state(&st);
	kapi_nl_sent_seq = st.seq;
	kapi_report_listen(&kapi_nl_report_listener);
	return 0;
}

/**
 * kapi_netlink_exit() - unregister the family
 *
 * ORDER: no more records are announced, the event work has finished, then
 * the family goes; genetlink waits for handlers and dumps in progress.
 */
void kapi_netlink_exit(void)
{
	kapi_report_listen(NULL);
	cancel_work_sync(&kapi_nl_event_work);
	genl_unregister_family(&kapi_genl_family);
	kapi_registry_unlisten(&kapi_nl_registry_listener);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_netlink: the generic netlink family "kapi" seen from a raw netlink
 * socket, without libnl, so that messages can be as wrong as a test wants:
 * the family and its group resolve; GET_SPEC dumps every spec of debugfs's
 * list, in order, each with its own image; every operation refuses unknown
 * and malformed attributes (EINVAL or ERANGE, with an extended ACK
 * message); the privileged commands and the group refuse uid 65534 (EPERM)
 * while the read-only commands serve it; SET_MODE, SET_FILTER and
 * RESET_STATS change what debugfs shows; each violation record is
 * multicast once, in order, with every field; a listener that does not
 * read loses events, which the sequence numbers and the kernel's counters
 * show; and a bounded fuzz of random and malformed messages (20000 by
 * default, KAPI_NETLINK_FUZZ=N to change, KAPI_NETLINK_SEED to replay)
 * leaves the family answering. Prints KTAP; run as root in the VM by
 * scripts/guest/netlink.sh. "kapi_netlink violate N" makes N violating read()
 * calls (fd -1) and exits, for the shell tests.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "kapi_test.h"
#include "uapi/linux/kapi.h"

#define NOBODY 65534
#define BUF_SIZE (1 << 20)

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static uint16_t family;
static uint32_t group;
static uint32_t seq_next = 1;
static unsigned char rx[BUF_SIZE];

/* --------------------------------------------------------------- messages */

struct msg {
	unsigned char buf[8192];
	size_t len;
};

static struct nlmsghdr *msg_init(struct msg *m, uint16_t type, uint16_t flags,
				 uint8_t cmd)
{
	struct nlmsghdr *h = (struct nlmsghdr *)m->buf;
	struct genlmsghdr *g;

	memset(m->buf, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	h->nlmsg_type = type;
	h->nlmsg_flags = NLM_F_REQUEST | flags;
	h->nlmsg_seq = seq_next++;
	g = (struct genlmsghdr *)(m->buf + NLMSG_HDRLEN);
	g->cmd = cmd;
	g->version = type == GENL_ID_CTRL ? 2 : KAPI_GENL_VERSION;
	m->len = NLMSG_HDRLEN + GENL_HDRLEN;
	h->nlmsg_len = m->len;
	return h;
}

/* Append an attribute; returns its offset (for nests). */
static size_t msg_put(struct msg *m, uint16_t type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(m->buf + m->len);
	size_t at = m->len;

	if (m->len + NLA_HDRLEN + NLA_ALIGN(len) > sizeof(m->buf))
		return at;
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy(m->buf + m->len + NLA_HDRLEN, data, len);
	memset(m->buf + m->len + NLA_HDRLEN + len, 0, NLA_ALIGN(len) - len);
	m->len += NLA_HDRLEN + NLA_ALIGN(len);
	((struct nlmsghdr *)m->buf)->nlmsg_len = m->len;
	return at;
}

static void msg_u32(struct msg *m, uint16_t type, uint32_t v)
{
	msg_put(m, type, &v, sizeof(v));
}

static void msg_str(struct msg *m, uint16_t type, const char *s)
{
	msg_put(m, type, s, strlen(s) + 1);
}

static size_t msg_nest(struct msg *m, uint16_t type)
{
	return msg_put(m, type | NLA_F_NESTED, NULL, 0);
}

static void msg_nest_end(struct msg *m, size_t at)
{
	((struct nlattr *)(m->buf + at))->nla_len = m->len - at;
}

/* The attributes of a payload, by type (the last one of each type). */
static void attrs(const void *data, size_t len, const struct nlattr **tb,
		  unsigned int max)
{
	const unsigned char *p = data;
	size_t off = 0;

	memset(tb, 0, (max + 1) * sizeof(*tb));
	while (len - off >= NLA_HDRLEN) {
		const struct nlattr *a = (const void *)(p + off);
		unsigned int type = a->nla_type & NLA_TYPE_MASK;

		if (a->nla_len < NLA_HDRLEN || a->nla_len > len - off)
			break;
		if (type <= max)
			tb[type] = a;
		off += NLA_ALIGN(a->nla_len);
	}
}

static const void *nla_payload(const struct nlattr *a)
{
	return (const unsigned char *)a + NLA_HDRLEN;
}

static size_t nla_size(const struct nlattr *a)
{
	return a->nla_len - NLA_HDRLEN;
}

static uint32_t nla_u32(const struct nlattr *a)
{
	uint32_t v = 0;

	if (a && nla_size(a) == sizeof(v))
		memcpy(&v, nla_payload(a), sizeof(v));
	return v;
}

static uint64_t nla_u64(const struct nlattr *a)
{
	uint64_t v = 0;

	if (a && nla_size(a) == sizeof(v))
		memcpy(&v, nla_payload(a), sizeof(v));
	return v;
}

/* --------------------------------------------------------------- sockets */

static int nl_open(int rcvbuf)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct timeval tv = { .tv_sec = 10 };
	int fd, one = 1;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return -errno;
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(fd);
		return -errno;
	}
	return fd;
}

/*
 * The outcome of a request: the kernel's error (0 for an ACK or a dump's
 * end), its extended ACK message, and how many messages of the family
 * came before; -ETIMEDOUT if nothing final came.
 */
struct reply {
	int error;
	char ext[256];
	int messages;
	bool intr;
};

typedef void (*reply_fn)(const struct nlmsghdr *h, void *arg);

static void ext_msg(const struct nlmsghdr *h, size_t tlv_off, struct reply *r)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t len = h->nlmsg_len - NLMSG_HDRLEN;

	if (!(h->nlmsg_flags & NLM_F_ACK_TLVS) || tlv_off >= len)
		return;
	attrs((const unsigned char *)NLMSG_DATA(h) + tlv_off, len - tlv_off, tb,
	      NLMSGERR_ATTR_MAX);
	if (tb[NLMSGERR_ATTR_MSG] && nla_size(tb[NLMSGERR_ATTR_MSG]))
		snprintf(r->ext, sizeof(r->ext), "%.*s",
			 (int)nla_size(tb[NLMSGERR_ATTR_MSG]),
			 (const char *)nla_payload(tb[NLMSGERR_ATTR_MSG]));
}

static struct reply nl_request(int fd, struct msg *m, reply_fn fn, void *arg)
{
	const struct nlmsghdr *req = (const void *)m->buf;
	struct reply r = { .error = -ETIMEDOUT };
	uint32_t seq = req->nlmsg_seq;

	if (send(fd, m->buf, m->len, 0) < 0) {
		r.error = -errno;
		snprintf(r.ext, sizeof(r.ext), "send: %s", strerror(errno));
		return r;
	}
	for (;;) {
		ssize_t n = recv(fd, rx, sizeof(rx), 0);
		const struct nlmsghdr *h;
		size_t left;

		if (n < 0) {
			if (errno != EAGAIN)
				r.error = -errno;
			return r;
		}
		left = n;
		for (h = (const void *)rx; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_seq != seq)
				continue;
			if (h->nlmsg_flags & NLM_F_DUMP_INTR)
				r.intr = true;
			if (h->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = NLMSG_DATA(h);

				r.error = e->error;
				ext_msg(h, sizeof(*e), &r);
				return r;
			}
			if (h->nlmsg_type == NLMSG_DONE) {
				memcpy(&r.error, NLMSG_DATA(h), sizeof(int));
				ext_msg(h, sizeof(int), &r);
				return r;
			}
			r.messages++;
			if (fn)
				fn(h, arg);
		}
	}
}

/* Resolve the family and its group through nlctrl. */
static void ctrl_reply(const struct nlmsghdr *h, void *arg)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1], *g[CTRL_ATTR_MCAST_GRP_MAX + 1];
	const unsigned char *p;
	uint32_t *version = arg;
	size_t off = 0, len;

	attrs((const unsigned char *)NLMSG_DATA(h) + GENL_HDRLEN,
	      h->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN, tb, CTRL_ATTR_MAX);
	if (tb[CTRL_ATTR_FAMILY_ID] && nla_size(tb[CTRL_ATTR_FAMILY_ID]) == 2)
		memcpy(&family, nla_payload(tb[CTRL_ATTR_FAMILY_ID]), 2);
	*version = nla_u32(tb[CTRL_ATTR_VERSION]);
	if (!tb[CTRL_ATTR_MCAST_GROUPS])
		return;
	p = nla_payload(tb[CTRL_ATTR_MCAST_GROUPS]);
	len = nla_size(tb[CTRL_ATTR_MCAST_GROUPS]);
	while (len - off >= NLA_HDRLEN) {
		const struct nlattr *a = (const void *)(p + off);

		if (a->nla_len < NLA_HDRLEN || a->nla_len > len - off)
			break;
		attrs(nla_payload(a), nla_size(a), g, CTRL_ATTR_MCAST_GRP_MAX);
		if (g[CTRL_ATTR_MCAST_GRP_NAME] &&
		    !strcmp(nla_payload(g[CTRL_ATTR_MCAST_GRP_NAME]), KAPI_MCGRP_VIOLATIONS))
			group = nla_u32(g[CTRL_ATTR_MCAST_GRP_ID]);
		off += NLA_ALIGN(a->nla_len);
	}
}

static int resolve(uint32_t *version)
{
	struct msg m;
	struct reply r;
	int fd = nl_open(1 << 16);

	if (fd < 0)
		return fd;
	msg_init(&m, GENL_ID_CTRL, NLM_F_ACK, CTRL_CMD_GETFAMILY);
	msg_str(&m, CTRL_ATTR_FAMILY_NAME, KAPI_GENL_NAME);
	r = nl_request(fd, &m, ctrl_reply, version);
	close(fd);
	return r.error;
}

/* A request of command @cmd to the family, with or without NLM_F_DUMP. */
static struct nlmsghdr *kapi_msg(struct msg *m, uint8_t cmd, bool dump)
{
	return msg_init(m, family, dump ? NLM_F_DUMP : NLM_F_ACK, cmd);
}

/* Open a socket, send @m, close it. */
static struct reply request1(struct msg *m, reply_fn fn, void *arg)
{
	struct reply r = { .error = -EBADF };
	int fd = nl_open(BUF_SIZE);

	if (fd < 0) {
		r.error = fd;
		return r;
	}
	r = nl_request(fd, m, fn, arg);
	close(fd);
	return r;
}

/*
 * Fail unless @r is error @err; a refused attribute or name (EINVAL,
 * ERANGE, ENOENT) must come with an extended ACK message.
 */
static bool expect_error(const char *what, struct reply r, int err)
{
	bool need_msg = err == -EINVAL || err == -ERANGE || err == -ENOENT;

	if (!kt_check(r.error == err, "%s: error %d (%s), expected %d (%s)", what,
		      r.error, strerror(-r.error), err, strerror(-err)))
		return false;
	return kt_check(!need_msg || r.ext[0], "%s: no extended ACK message", what);
}

static bool family_ok(void)
{
	return kt_check(family != 0, "the family 'kapi' was not resolved");
}

/* ----------------------------------------------------------------- cases */

static void t_family(void)
{
	uint32_t version = 0;
	int err = resolve(&version);

	if (!kt_check(!err, "CTRL_CMD_GETFAMILY kapi: %s", strerror(-err)))
		return;
	kt_check(family != 0, "no family id");
	kt_check(version == KAPI_GENL_VERSION, "version %u, expected %u", version,
		 KAPI_GENL_VERSION);
	kt_check(group != 0, "no multicast group '%s'", KAPI_MCGRP_VIOLATIONS);
}

struct dump {
	int n;
	char names[64][KAPI_IMAGE_MAX_NAME];
	bool bad;
};

static void spec_reply(const struct nlmsghdr *h, void *arg)
{
	const struct nlattr *tb[KAPI_A_MAX + 1];
	const struct genlmsghdr *g = NLMSG_DATA(h);
	const unsigned char *p = (const unsigned char *)g + GENL_HDRLEN;
	size_t len = h->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN, off = 0;
	struct dump *d = arg;
	uint32_t size, got = 0, magic = 0;

	attrs(p, len, tb, KAPI_A_MAX);
	if (g->cmd != KAPI_CMD_GET_SPEC || !tb[KAPI_A_SPEC_NAME] ||
	    !tb[KAPI_A_SPEC_KIND] || !tb[KAPI_A_SPEC_PARAMS] ||
	    !tb[KAPI_A_SPEC_IMAGE_SIZE] || !tb[KAPI_A_SPEC_IMAGE]) {
		kt_fail("a GET_SPEC message lacks attributes");
		d->bad = true;
		return;
	}
	size = nla_u32(tb[KAPI_A_SPEC_IMAGE_SIZE]);
	/* The image is the concatenation of every KAPI_A_SPEC_IMAGE. */
	while (len - off >= NLA_HDRLEN) {
		const struct nlattr *a = (const void *)(p + off);

		if ((a->nla_type & NLA_TYPE_MASK) == KAPI_A_SPEC_IMAGE) {
			if (!got && nla_size(a) >= 4)
				memcpy(&magic, nla_payload(a), 4);
			got += nla_size(a);
		}
		off += NLA_ALIGN(a->nla_len);
	}
	if (got != size || magic != KAPI_IMAGE_MAGIC) {
		kt_fail("%s: image of %u bytes (magic 0x%x), the message says %u",
			(const char *)nla_payload(tb[KAPI_A_SPEC_NAME]), got, magic, size);
		d->bad = true;
	}
	if (d->n < 64)
		snprintf(d->names[d->n++], KAPI_IMAGE_MAX_NAME, "%s",
			 (const char *)nla_payload(tb[KAPI_A_SPEC_NAME]));
}

static void t_dump_specs(void)
{
	static char list[65536];
	struct dump d = { 0 };
	struct msg m;
	struct reply r;
	char *line, *save = NULL;
	int i = 0;
	FILE *f;
	size_t n;

	if (!family_ok())
		return;
	kapi_msg(&m, KAPI_CMD_GET_SPEC, true);
	r = request1(&m, spec_reply, &d);
	if (!expect_error("GET_SPEC dump", r, 0) || d.bad)
		return;
	f = fopen(KAPI_DEBUGFS "/kapi/list", "r");
	if (!kt_check(f != NULL, "cannot open the debugfs list"))
		return;
	n = fread(list, 1, sizeof(list) - 1, f);
	fclose(f);
	list[n] = '\0';
	for (line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *dash = strstr(line, " - ");

		if (!dash)
			continue;
		*dash = '\0';
		if (!kt_check(i < d.n && !strcmp(d.names[i], line),
			      "spec %d: debugfs lists %s, the dump has %s", i, line,
			      i < d.n ? d.names[i] : "nothing"))
			return;
		i++;
	}
	kt_check(i == d.n && i > 0, "debugfs lists %d specs, the dump has %d", i, d.n);
}

static void t_get_spec(void)
{
	struct dump d = { 0 };
	struct msg m;

	if (!family_ok())
		return;
	kapi_msg(&m, KAPI_CMD_GET_SPEC, false);
	msg_str(&m, KAPI_A_SPEC_NAME, KAPI_OPENAT);
	if (expect_error("GET_SPEC sys_openat", request1(&m, spec_reply, &d), 0))
		kt_check(d.n == 1 && !strcmp(d.names[0], KAPI_OPENAT),
			 "GET_SPEC sys_openat answered %d messages", d.n);
	kapi_msg(&m, KAPI_CMD_GET_SPEC, false);
	msg_str(&m, KAPI_A_SPEC_NAME, "sys_nope");
	expect_error("GET_SPEC sys_nope", request1(&m, NULL, NULL), -ENOENT);
	kapi_msg(&m, KAPI_CMD_GET_SPEC, false);
	expect_error("GET_SPEC without a name", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_GET_STATS, false);
	msg_str(&m, KAPI_A_SPEC_NAME, "sys_nope");
	expect_error("GET_STATS sys_nope", request1(&m, NULL, NULL), -ENOENT);
}

/* Every command refuses an attribute it does not know. */
static void t_unknown_attr(void)
{
	static const uint8_t cmds[] = {
		KAPI_CMD_GET_SPEC, KAPI_CMD_GET_STATS, KAPI_CMD_GET_STATUS,
		KAPI_CMD_SET_MODE, KAPI_CMD_SET_FILTER, KAPI_CMD_RESET_STATS,
		KAPI_CMD_SET_LOG,
	};
	static const uint16_t types[] = { KAPI_A_PAD, KAPI_A_STATS, KAPI_A_VIOLATION,
					  KAPI_A_MAX + 1, 0x3fff };
	char what[64];
	size_t i, j;
	struct msg m;

	if (!family_ok())
		return;
	for (i = 0; i < KAPI_ARRAY_SIZE(cmds); i++) {
		for (j = 0; j < KAPI_ARRAY_SIZE(types); j++) {
			kapi_msg(&m, cmds[i], false);
			msg_u32(&m, types[j], 0);
			snprintf(what, sizeof(what), "command %u, attribute %u",
				 cmds[i], types[j]);
			if (!expect_error(what, request1(&m, NULL, NULL), -EINVAL))
				return;
		}
	}
}

static void t_malformed(void)
{
	char name[4] = { 's', 'y', 's', '_' };
	struct msg m;
	size_t nest;

	if (!family_ok())
		return;
	kapi_msg(&m, KAPI_CMD_GET_SPEC, false);
	msg_put(&m, KAPI_A_SPEC_NAME, name, sizeof(name));
	expect_error("a name without its NUL", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_SET_MODE, false);
	msg_put(&m, KAPI_A_MODE, name, 2);
	expect_error("a u32 of 2 bytes", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_SET_MODE, false);
	msg_u32(&m, KAPI_A_MODE, 3);
	expect_error("mode 3", request1(&m, NULL, NULL), -ERANGE);
	kapi_msg(&m, KAPI_CMD_SET_MODE, false);
	expect_error("SET_MODE without a mode", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_SET_LOG, false);
	msg_u32(&m, KAPI_A_LOG, 2);
	expect_error("log 2", request1(&m, NULL, NULL), -ERANGE);
	kapi_msg(&m, KAPI_CMD_SET_LOG, false);
	expect_error("SET_LOG without a switch", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_SET_FILTER, false);
	expect_error("SET_FILTER without a filter", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_SET_FILTER, false);
	nest = msg_nest(&m, KAPI_A_FILTER);
	msg_str(&m, KAPI_FILTER_A_COMM, "two words");
	msg_nest_end(&m, nest);
	expect_error("comm with a space", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_SET_FILTER, false);
	nest = msg_nest(&m, KAPI_A_FILTER);
	msg_str(&m, KAPI_FILTER_A_COMM, "sixteen_chars_xx");
	msg_nest_end(&m, nest);
	expect_error("comm of 16 characters", request1(&m, NULL, NULL), -EINVAL);
	kapi_msg(&m, KAPI_CMD_SET_FILTER, false);
	nest = msg_nest(&m, KAPI_A_FILTER);
	msg_u32(&m, KAPI_FILTER_A_PID, 0);
	msg_nest_end(&m, nest);
	expect_error("pid 0", request1(&m, NULL, NULL), -ERANGE);
	kapi_msg(&m, KAPI_CMD_SET_FILTER, false);
	nest = msg_nest(&m, KAPI_A_FILTER);
	msg_u32(&m, KAPI_FILTER_A_UID, 0xffffffff);
	msg_nest_end(&m, nest);
	expect_error("uid 4294967295", request1(&m, NULL, NULL), -ERANGE);
	kapi_msg(&m, KAPI_CMD_SET_FILTER, false);
	nest = msg_nest(&m, KAPI_A_FILTER);
	msg_u32(&m, KAPI_FILTER_A_MAX + 1, 1);
	msg_nest_end(&m, nest);
	expect_error("an unknown filter attribute", request1(&m, NULL, NULL), -EINVAL);
	/* Whole messages that are wrong. */
	kapi_msg(&m, KAPI_CMD_MAX + 1, false);
	expect_error("an unknown command", request1(&m, NULL, NULL), -EOPNOTSUPP);
	kapi_msg(&m, KAPI_CMD_GET_STATUS, true);
	expect_error("a dump of GET_STATUS", request1(&m, NULL, NULL), -EOPNOTSUPP);
	kapi_msg(&m, KAPI_CMD_GET_STATUS, false);
	((struct genlmsghdr *)(m.buf + NLMSG_HDRLEN))->reserved = 1;
	expect_error("a reserved header field set", request1(&m, NULL, NULL), -EINVAL);
	/* After all that, the filter and the mode are as they were. */
	kt_check(kapi_mode() == KAPI_MODE_AUDIT, "the mode changed");
}

/* GET_STATUS's mode, or -1. */
static void status_reply(const struct nlmsghdr *h, void *arg)
{
	const struct nlattr *tb[KAPI_A_MAX + 1];
	uint64_t *out = arg;

	attrs((const unsigned char *)NLMSG_DATA(h) + GENL_HDRLEN,
	      h->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN, tb, KAPI_A_MAX);
	out[0] = tb[KAPI_A_MODE] ? nla_u32(tb[KAPI_A_MODE]) : (uint64_t)-1;
	out[1] = nla_u64(tb[KAPI_A_SEQ]);
	out[2] = nla_u64(tb[KAPI_A_EVENTS_SENT]);
	out[3] = nla_u64(tb[KAPI_A_EVENTS_LOST]);
	out[4] = nla_u64(tb[KAPI_A_EVENTS_FAILED]);
}

static struct reply get_status(uint64_t st[5])
{
	struct msg m;

	memset(st, 0, 5 * sizeof(*st));
	kapi_msg(&m, KAPI_CMD_GET_STATUS, false);
	return request1(&m, status_reply, st);
}

static struct reply set_filter_comm(const char *comm)
{
	struct msg m;
	size_t nest;

	kapi_msg(&m, KAPI_CMD_SET_FILTER, false);
	nest = msg_nest(&m, KAPI_A_FILTER);
	if (comm)
		msg_str(&m, KAPI_FILTER_A_COMM, comm);
	msg_nest_end(&m, nest);
	return request1(&m, NULL, NULL);
}

static void t_controls(void)
{
	char buf[256];
	uint64_t st[5];
	struct msg m;

	if (!family_ok())
		return;
	kapi_msg(&m, KAPI_CMD_SET_MODE, false);
	msg_u32(&m, KAPI_A_MODE, KAPI_GENL_MODE_ENFORCE);
	if (expect_error("SET_MODE enforce", request1(&m, NULL, NULL), 0))
		kt_check(kapi_mode() == KAPI_MODE_ENFORCE, "runtime/mode is not enforce");
	get_status(st);
	kt_check(st[0] == KAPI_GENL_MODE_ENFORCE, "GET_STATUS says mode %llu",
		 (unsigned long long)st[0]);
	kapi_msg(&m, KAPI_CMD_SET_MODE, false);
	msg_u32(&m, KAPI_A_MODE, KAPI_GENL_MODE_AUDIT);
	expect_error("SET_MODE audit", request1(&m, NULL, NULL), 0);
	kt_check(kapi_mode() == KAPI_MODE_AUDIT, "runtime/mode is not audit");

	if (expect_error("SET_FILTER comm=nlfilter", set_filter_comm("nlfilter"), 0) &&
	    kapi_read("filter", buf, sizeof(buf)) > 0)
		kt_check(!strcmp(buf, "pid=- tgid=- uid=- comm=nlfilter\n"),
			 "runtime/filter reads '%s'", buf);
	if (expect_error("SET_FILTER (empty)", set_filter_comm(NULL), 0) &&
	    kapi_read("filter", buf, sizeof(buf)) > 0)
		kt_check(!strcmp(buf, "pid=- tgid=- uid=- comm=-\n"),
			 "runtime/filter reads '%s'", buf);

	/* A violation of ours, then RESET_STATS: every counter is 0. */
	syscall(SYS_close, KAPI_FD_NEVER_OPEN);
	kapi_msg(&m, KAPI_CMD_RESET_STATS, false);
	if (expect_error("RESET_STATS", request1(&m, NULL, NULL), 0) &&
	    kapi_read("stats", buf, sizeof(buf)) > 0)
		kt_check(strstr(buf, "sys_close param=fd rule=fd violations=0\n") != NULL,
			 "the counters were not reset: %s", buf);
}

/* Fork a child that runs @fn as uid and gid 65534; its exit status. */
static int as_nobody(void (*fn)(void))
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		if (setgroups(0, NULL) || setgid(NOBODY) || setuid(NOBODY))
			_exit(100);
		fn();
		_exit(kt_failed() ? 1 : 0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void nobody_checks(void)
{
	struct dump d = { 0 };
	uint64_t st[5];
	struct msg m;
	int fd;

	kapi_msg(&m, KAPI_CMD_SET_MODE, false);
	msg_u32(&m, KAPI_A_MODE, KAPI_GENL_MODE_OFF);
	expect_error("SET_MODE as nobody", request1(&m, NULL, NULL), -EPERM);
	expect_error("SET_FILTER as nobody", set_filter_comm("x"), -EPERM);
	kapi_msg(&m, KAPI_CMD_RESET_STATS, false);
	expect_error("RESET_STATS as nobody", request1(&m, NULL, NULL), -EPERM);
	kapi_msg(&m, KAPI_CMD_SET_LOG, false);
	msg_u32(&m, KAPI_A_LOG, 1);
	expect_error("SET_LOG as nobody", request1(&m, NULL, NULL), -EPERM);
	fd = nl_open(1 << 16);
	kt_check(fd >= 0 && setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
				       &group, sizeof(group)) < 0 && errno == EPERM,
		 "nobody joined the group 'violations' (or got %s)", strerror(errno));
	if (fd >= 0)
		close(fd);
	/* Reading is for everyone. */
	kapi_msg(&m, KAPI_CMD_GET_SPEC, true);
	expect_error("GET_SPEC dump as nobody", request1(&m, spec_reply, &d), 0);
	kt_check(d.n >= 5, "nobody's dump had %d specs", d.n);
	kapi_msg(&m, KAPI_CMD_GET_STATS, true);
	expect_error("GET_STATS dump as nobody", request1(&m, NULL, NULL), 0);
	expect_error("GET_STATUS as nobody", get_status(st), 0);
}

static void t_nobody(void)
{
	int status;

	if (!family_ok())
		return;
	status = as_nobody(nobody_checks);
	kt_check(status == 0, "the checks as uid %d failed (status %d)", NOBODY, status);
	kt_check(kapi_mode() == KAPI_MODE_AUDIT, "the mode changed");
}

/*
 * A socket in the group, or a negative errno. It asks for broadcast
 * errors, so that kapi.ko counts the events it could not take.
 */
static int listener(int rcvbuf)
{
	int fd = nl_open(rcvbuf), one = 1;

	if (fd >= 0)
		setsockopt(fd, SOL_NETLINK, NETLINK_BROADCAST_ERROR, &one, sizeof(one));
	if (fd >= 0 && setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

struct event {
	uint64_t seq, lost, args0;
	uint32_t pid, nargs;
	char spec[KAPI_IMAGE_MAX_NAME];
	char rule[96];
	char actual[64];
};

/* The next event on @fd within @ms, 1; 0 on timeout; -errno (ENOBUFS). */
static int next_event(int fd, int ms, struct event *ev)
{
	static unsigned char buf[65536];
	static size_t have, pos;
	const struct nlattr *tb[KAPI_A_MAX + 1], *v[KAPI_VIOLATION_A_MAX + 1];
	const struct nlmsghdr *h;

	for (;;) {
		if (pos < have) {
			const unsigned char *p;
			size_t len, off = 0;

			h = (const void *)(buf + pos);
			pos += NLMSG_ALIGN(h->nlmsg_len);
			if (h->nlmsg_type != family)
				continue;
			attrs((const unsigned char *)NLMSG_DATA(h) + GENL_HDRLEN,
			      h->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN, tb, KAPI_A_MAX);
			if (!tb[KAPI_A_VIOLATION])
				continue;
			attrs(nla_payload(tb[KAPI_A_VIOLATION]),
			      nla_size(tb[KAPI_A_VIOLATION]), v, KAPI_VIOLATION_A_MAX);
			memset(ev, 0, sizeof(*ev));
			ev->seq = nla_u64(v[KAPI_VIOLATION_A_SEQ]);
			ev->pid = nla_u32(v[KAPI_VIOLATION_A_PID]);
			ev->lost = nla_u64(tb[KAPI_A_EVENTS_LOST]);
			if (v[KAPI_VIOLATION_A_SPEC])
				snprintf(ev->spec, sizeof(ev->spec), "%s",
					 (const char *)nla_payload(v[KAPI_VIOLATION_A_SPEC]));
			if (v[KAPI_VIOLATION_A_RULE])
				snprintf(ev->rule, sizeof(ev->rule), "%s",
					 (const char *)nla_payload(v[KAPI_VIOLATION_A_RULE]));
			if (v[KAPI_VIOLATION_A_ACTUAL])
				snprintf(ev->actual, sizeof(ev->actual), "%s",
					 (const char *)nla_payload(v[KAPI_VIOLATION_A_ACTUAL]));
			/* The arguments: every KAPI_VIOLATION_A_ARG, in order. */
			p = nla_payload(tb[KAPI_A_VIOLATION]);
			len = nla_size(tb[KAPI_A_VIOLATION]);
			while (len - off >= NLA_HDRLEN) {
				const struct nlattr *a = (const void *)(p + off);

				if ((a->nla_type & NLA_TYPE_MASK) == KAPI_VIOLATION_A_ARG) {
					if (!ev->nargs)
						ev->args0 = nla_u64(a);
					ev->nargs++;
				}
				off += NLA_ALIGN(a->nla_len);
			}
			return 1;
		}
		{
			struct pollfd pfd = { .fd = fd, .events = POLLIN };
			ssize_t n;

			if (poll(&pfd, 1, ms) <= 0)
				return 0;
			n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
			if (n < 0)
				return errno == EAGAIN ? 0 : -errno;
			have = n;
			pos = 0;
		}
	}
}

static void violate(long n)
{
	char b;

	while (n-- > 0)
		syscall(SYS_read, KAPI_FD_MINUS_1, &b, 1);
}

static void t_events(void)
{
	uint64_t st[5], first;
	struct event ev;
	int fd, i, got;

	if (!family_ok())
		return;
	fd = listener(1 << 20);
	if (!kt_check(fd >= 0, "joining the group: %s", strerror(-fd)))
		return;
	get_status(st);
	first = st[1] + 1;
	violate(5);
	for (i = 0; i < 5; i++) {
		got = next_event(fd, 5000, &ev);
		if (!kt_check(got == 1, "event %d of 5 did not come (%d)", i + 1, got))
			break;
		if (!kt_check(ev.seq == first + i && ev.pid == (uint32_t)getpid() &&
			      !strcmp(ev.spec, KAPI_READ) &&
			      !strcmp(ev.rule, "param:fd:fd") &&
			      !strcmp(ev.actual, "4294967295") && ev.nargs == 3 &&
			      ev.args0 == 0xffffffff,
			      "event %d: seq %llu pid %u %s %s actual=%s nargs %u arg0 0x%llx",
			      i + 1, (unsigned long long)ev.seq, ev.pid, ev.spec,
			      ev.rule, ev.actual, ev.nargs,
			      (unsigned long long)ev.args0))
			break;
	}
	kt_check(next_event(fd, 300, &ev) == 0, "an event too many: seq %llu",
		 (unsigned long long)ev.seq);
	close(fd);
}

/*
 * A listener that does not read: its buffer fills, and the events that do
 * not fit are lost to it. What it gets, plus the gaps in the sequence
 * numbers, is every record; kapi.ko counts the failed deliveries.
 */
static void t_overflow(void)
{
	uint64_t before[5], after[5], expect_seq, received = 0, gaps = 0;
	const long n = 2000;
	struct event ev;
	int fd, got;

	if (!family_ok())
		return;
	fd = listener(4096);
	if (!kt_check(fd >= 0, "joining the group: %s", strerror(-fd)))
		return;
	get_status(before);
	violate(n);
	expect_seq = before[1] + 1;
	/* Let the work item finish before draining. */
	for (got = 0; got < 100; got++) {
		get_status(after);
		if (after[2] + after[3] + after[4] >= before[2] + before[3] + before[4] + n)
			break;
		usleep(50000);
	}
	for (;;) {
		got = next_event(fd, 500, &ev);
		if (got == -ENOBUFS)
			continue;
		if (got <= 0)
			break;
		if (ev.seq > expect_seq)
			gaps += ev.seq - expect_seq;
		expect_seq = ev.seq + 1;
		received++;
	}
	close(fd);
	get_status(after);
	gaps += before[1] + n + 1 - expect_seq;
	kt_check(received + gaps == (uint64_t)n,
		 "received %llu events and %llu gaps, %ld records were made",
		 (unsigned long long)received, (unsigned long long)gaps, n);
	kt_check(received < (uint64_t)n, "a 4 KiB buffer took all %ld events", n);
	kt_check(after[4] > before[4],
		 "kapi.ko counted no failed event (lost %llu->%llu, failed %llu->%llu)",
		 (unsigned long long)before[3], (unsigned long long)after[3],
		 (unsigned long long)before[4], (unsigned long long)after[4]);
	kt_diag("overflow: %llu of %ld events received; kapi.ko: lost %llu, failed %llu",
		(unsigned long long)received, n,
		(unsigned long long)(after[3] - before[3]),
		(unsigned long long)(after[4] - before[4]));
}

/* ------------------------------------------------------------------ fuzz */

static uint64_t rng_state;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

static const char *const fuzz_names[] = {
	"sys_read", "sys_openat", "kapi_sample_ioc_set", "", "x", "sys_",
};

/* Random attributes, some well-formed, some not, some nested. */
static void fuzz_attrs(struct msg *m, int depth, bool root_mode)
{
	int i, n = rnd() % 6;

	for (i = 0; i < n && m->len < sizeof(m->buf) - 256; i++) {
		uint16_t type = rnd() % 4 ? rnd() % (KAPI_A_MAX + 3) : rnd();
		unsigned char junk[96];
		uint32_t v;
		size_t j, len = rnd() % sizeof(junk);

		for (j = 0; j < len; j++)
			junk[j] = rnd();
		switch (rnd() % 6) {
		case 0:
			v = rnd() % 8 ? rnd() % 8 : rnd();
			/* As root, never a valid mode: switching costs a second. */
			if (root_mode && (type & NLA_TYPE_MASK) == KAPI_A_MODE && v <= 2)
				v = 3 + rnd() % 100;
			msg_u32(m, type, v);
			break;
		case 1:
			msg_str(m, type, fuzz_names[rnd() % KAPI_ARRAY_SIZE(fuzz_names)]);
			break;
		case 2:
			if (root_mode && (type & NLA_TYPE_MASK) == KAPI_A_MODE)
				type = KAPI_A_SPEC_NAME;
			msg_put(m, type, junk, len);
			break;
		case 3:
			if (depth < 3) {
				size_t at = msg_nest(m, rnd() % 2 ? KAPI_A_FILTER : type);

				fuzz_attrs(m, depth + 1, root_mode);
				msg_nest_end(m, at);
			}
			break;
		case 4: {
			/* A length that lies. */
			size_t at = msg_put(m, type, junk, len);

			((struct nlattr *)(m->buf + at))->nla_len = rnd() % 0x200;
			break;
		}
		default:
			msg_put(m, type, NULL, 0);
			break;
		}
	}
}

/* Send @count random messages on @fd; return how many failed a check. */
static int fuzz(int fd, long count, bool root_mode)
{
	static const int ok_errors[] = {
		0, -EINVAL, -ERANGE, -EPERM, -EOPNOTSUPP, -ENOENT, -EMSGSIZE,
		-E2BIG, -ENOMEM,
	};
	int bad = 0;
	long i;

	for (i = 0; i < count && bad < 5; i++) {
		struct nlmsghdr *h;
		struct reply r;
		struct msg m;
		uint8_t cmd = rnd() % 10 ? rnd() % (KAPI_CMD_MAX + 2) : rnd();
		bool dump = rnd() % 50 == 0;
		size_t k;

		if (root_mode && cmd == KAPI_CMD_SET_MODE && rnd() % 2)
			cmd = KAPI_CMD_GET_STATUS;
		h = kapi_msg(&m, cmd, dump);
		if (rnd() % 20 == 0)
			((struct genlmsghdr *)(m.buf + NLMSG_HDRLEN))->version = rnd();
		if (rnd() % 30 == 0)
			((struct genlmsghdr *)(m.buf + NLMSG_HDRLEN))->reserved = rnd();
		fuzz_attrs(&m, 0, root_mode);
		if (rnd() % 25 == 0 && m.len > NLMSG_HDRLEN + GENL_HDRLEN) {
			/* Cut the message short: the kernel drops or refuses it. */
			m.len -= 1 + rnd() % (m.len - NLMSG_HDRLEN - GENL_HDRLEN);
			h->nlmsg_len = m.len;
			h->nlmsg_flags |= NLM_F_ACK;
		}
		r = nl_request(fd, &m, NULL, NULL);
		for (k = 0; k < KAPI_ARRAY_SIZE(ok_errors); k++)
			if (r.error == ok_errors[k])
				break;
		if (k == KAPI_ARRAY_SIZE(ok_errors)) {
			kt_diag("fuzz message %ld (cmd %u, %zu bytes): error %d (%s)", i,
				cmd, m.len, r.error, strerror(-r.error));
			bad++;
		}
	}
	return bad;
}

static long fuzz_count(void)
{
	const char *s = getenv("KAPI_NETLINK_FUZZ");

	return s ? atol(s) : 20000;
}

static void fuzz_nobody(void)
{
	int fd = nl_open(BUF_SIZE);

	kt_check(fd >= 0 && !fuzz(fd, fuzz_count() / 4, false),
		 "fuzzing as nobody failed");
}

static void t_fuzz(void)
{
	const char *s = getenv("KAPI_NETLINK_SEED");
	long count = fuzz_count();
	uint64_t st[5];
	int fd, status;
	struct msg m;

	if (!family_ok())
		return;
	rng_state = s ? strtoull(s, NULL, 0) : (uint64_t)time(NULL) * 2654435761u;
	if (!rng_state)
		rng_state = 1;
	kt_diag("fuzz: %ld messages as root, %ld as nobody, KAPI_NETLINK_SEED=%llu",
		count, count / 4, (unsigned long long)rng_state);
	fd = nl_open(BUF_SIZE);
	if (!kt_check(fd >= 0, "socket: %s", strerror(-fd)))
		return;
	kt_check(!fuzz(fd, count, true), "replies outside the expected errors");
	close(fd);
	status = as_nobody(fuzz_nobody);
	kt_check(status == 0, "the fuzz as nobody failed (status %d)", status);
	/*
	 * The family still answers, and the fuzz changed nothing lasting. The
	 * root fuzz may have set a filter or switched the kernel log on (a
	 * random SET_LOG): both are put back for the cases that follow.
	 */
	set_filter_comm(NULL);
	kapi_msg(&m, KAPI_CMD_SET_LOG, false);
	msg_u32(&m, KAPI_A_LOG, 0);
	expect_error("SET_LOG off after the fuzz", request1(&m, NULL, NULL), 0);
	expect_error("GET_STATUS after the fuzz", get_status(st), 0);
	kt_check(st[0] == KAPI_GENL_MODE_AUDIT, "the mode is %llu after the fuzz",
		 (unsigned long long)st[0]);
}

static const struct kt_case cases[] = {
	{ "the family kapi resolves, version 1, with the group violations", t_family },
	{ "a GET_SPEC dump has debugfs's specs, in order, each with its image", t_dump_specs },
	{ "GET_SPEC and GET_STATS by name; unknown and missing names refused", t_get_spec },
	{ "every command refuses unknown attributes with EINVAL and a message", t_unknown_attr },
	{ "malformed and out-of-range attributes and messages are refused", t_malformed },
	{ "SET_MODE, SET_FILTER and RESET_STATS change what debugfs shows", t_controls },
	{ "uid 65534: EPERM for changes and the group, reading works", t_nobody },
	{ "every violation is one event, in order, with its fields", t_events },
	{ "a listener that does not read loses events, and it shows", t_overflow },
	{ "a fuzz of random and malformed messages leaves the family working", t_fuzz },
};

int main(int argc, char **argv)
{
	uint32_t version;

	if (argc == 3 && !strcmp(argv[1], "violate")) {
		violate(atol(argv[2]));
		return 0;
	}
	if (geteuid() == 0)
		resolve(&version);
	return kt_main(argc, argv, cases, KAPI_ARRAY_SIZE(cases));
}

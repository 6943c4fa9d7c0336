/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal FUSE server speaking /dev/fuse directly (no libfuse: the test
 * guests have no C library), shared by the runtime selftests (kapi_test.c:
 * a file whose read() and write() fail with an errno no spec lists), the
 * wild guest's workload (wild.c: a file that reads, then a server that dies)
 * and the conformance tests' fixtures (conform/fixtures.c: requests refused
 * with the case's error, a directory for FUSE notifications). The file
 * system is one root directory holding one regular file and, with @tree, a
 * directory "tree" holding a regular file "leaf".
 */
#ifndef KAPI_FUSE_SERVER_H
#define KAPI_FUSE_SERVER_H

#include <errno.h>
#include <linux/fuse.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

struct kapi_fuse_server {
	const char *file;	/* the name of the one file */
	const char *data;	/* its contents (NULL: 4096 bytes, unreadable) */
	int error;		/* nonzero: READ and WRITE fail with -error */
	int reads;		/* nonzero: exit after this many READs */
	bool writable;		/* WRITE succeeds (else it fails, ENOSYS) */
	bool tree;		/* the root also holds "tree", holding "leaf" */
	/* Nonzero: the request fails with -ERROR (CREATE: ENOSYS else). */
	int init_error, open_error, flush_error, create_error;
	uint32_t init_flags;	/* FUSE_* flags of the INIT reply */
};

/* The node IDs: the root is FUSE_ROOT_ID (1). */
#define KAPI_FUSE_FILE_ID 2
#define KAPI_FUSE_TREE_ID 3
#define KAPI_FUSE_LEAF_ID 4

static inline void kapi_fuse_reply(int dev, uint64_t unique, int error,
				   const void *arg, size_t len)
{
	struct fuse_out_header out = { .error = error, .unique = unique };
	char buf[sizeof(out) + 512];

	if (len > sizeof(buf) - sizeof(out))
		len = sizeof(buf) - sizeof(out);
	out.len = sizeof(out) + (error ? 0 : len);
	memcpy(buf, &out, sizeof(out));
	if (!error && len)
		memcpy(buf + sizeof(out), arg, len);
	(void)!write(dev, buf, out.len);
}

static inline void kapi_fuse_attr(const struct kapi_fuse_server *s,
				  struct fuse_attr *a, uint64_t ino)
{
	bool dir = ino == FUSE_ROOT_ID || ino == KAPI_FUSE_TREE_ID;

	memset(a, 0, sizeof(*a));
	a->ino = ino;
	a->mode = dir ? S_IFDIR | 0755 : S_IFREG | 0644;
	a->nlink = dir ? 2 : 1;
	if (!dir)
		a->size = s->data ? strlen(s->data) : 4096;
}

/* The node NAME names in directory PARENT, 0 if none. */
static inline uint64_t kapi_fuse_lookup(const struct kapi_fuse_server *s,
					uint64_t parent, const char *name)
{
	if (parent == FUSE_ROOT_ID && !strcmp(name, s->file))
		return KAPI_FUSE_FILE_ID;
	if (s->tree && parent == FUSE_ROOT_ID && !strcmp(name, "tree"))
		return KAPI_FUSE_TREE_ID;
	if (s->tree && parent == KAPI_FUSE_TREE_ID && !strcmp(name, "leaf"))
		return KAPI_FUSE_LEAF_ID;
	return 0;
}

/*
 * kapi_fuse_serve() - answer the requests of the mount whose /dev/fuse
 * descriptor is @dev, as @s says. Ends (the process exits) when the
 * connection does (the file's last descriptor closed and the mount
 * detached), after @s->reads READ requests if that is set, or when the
 * parent dies. Run it in a child of its own.
 */
static inline void __attribute__((noreturn))
kapi_fuse_serve(int dev, const struct kapi_fuse_server *s)
{
	static char buf[FUSE_MIN_READ_BUFFER + 4096];
	int reads = 0;

	prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
	prctl(PR_SET_NAME, "kapi_fuse", 0, 0, 0);
	for (;;) {
		struct fuse_in_header *in = (void *)buf;
		void *arg = buf + sizeof(*in);
		ssize_t n = read(dev, buf, sizeof(buf));

		/* ENOENT: a request was interrupted before it was read. */
		if (n < 0 && (errno == EINTR || errno == ENOENT))
			continue;
		if (n < (ssize_t)sizeof(*in))
			_exit(0);
		switch (in->opcode) {
		case FUSE_INIT: {
			struct fuse_init_out o = {
				.major = FUSE_KERNEL_VERSION,
				.minor = 31,
				.max_write = 4096,
				.max_readahead = 4096,
				.flags = s->init_flags,
			};

			kapi_fuse_reply(dev, in->unique, -s->init_error, &o, sizeof(o));
			break;
		}
		case FUSE_LOOKUP: {
			struct fuse_entry_out o = {
				.nodeid = kapi_fuse_lookup(s, in->nodeid, arg),
			};

			if (!o.nodeid) {
				kapi_fuse_reply(dev, in->unique, -ENOENT, NULL, 0);
				break;
			}
			kapi_fuse_attr(s, &o.attr, o.nodeid);
			kapi_fuse_reply(dev, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_CREATE:
			/* Nothing is ever created. */
			kapi_fuse_reply(dev, in->unique,
					s->create_error ? -s->create_error : -ENOSYS, NULL, 0);
			break;
		case FUSE_GETATTR: {
			struct fuse_attr_out o = { 0 };

			kapi_fuse_attr(s, &o.attr, in->nodeid);
			kapi_fuse_reply(dev, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_OPEN:
		case FUSE_OPENDIR: {
			/* Direct I/O: each read() is one READ request, uncached. */
			struct fuse_open_out o = { .fh = 1, .open_flags = FOPEN_DIRECT_IO };

			kapi_fuse_reply(dev, in->unique, -s->open_error, &o, sizeof(o));
			break;
		}
		case FUSE_READ: {
			const struct fuse_read_in *r = arg;
			size_t len = s->data ? strlen(s->data) : 0;

			if (s->error)
				kapi_fuse_reply(dev, in->unique, -s->error, NULL, 0);
			else if (r->offset >= len)
				kapi_fuse_reply(dev, in->unique, 0, NULL, 0);
			else
				kapi_fuse_reply(dev, in->unique, 0, s->data + r->offset,
						len - r->offset < r->size ?
						len - r->offset : r->size);
			if (s->reads && ++reads >= s->reads)
				_exit(0); /* the server dies with requests to come */
			break;
		}
		case FUSE_WRITE: {
			const struct fuse_write_in *w = arg;
			struct fuse_write_out o = { .size = w->size };

			if (s->error || !s->writable)
				kapi_fuse_reply(dev, in->unique, s->error ? -s->error : -ENOSYS,
						NULL, 0);
			else
				kapi_fuse_reply(dev, in->unique, 0, &o, sizeof(o));
			break;
		}
		case FUSE_LSEEK:	/* lseek() SEEK_DATA, SEEK_HOLE (specs/rw.c) */
			kapi_fuse_reply(dev, in->unique, s->error ? -s->error : -ENOSYS, NULL, 0);
			break;
		case FUSE_FORGET:
		case FUSE_BATCH_FORGET:
			break;
		case FUSE_FLUSH:
			kapi_fuse_reply(dev, in->unique, -s->flush_error, NULL, 0);
			break;
		case FUSE_RELEASE:
		case FUSE_RELEASEDIR:
			kapi_fuse_reply(dev, in->unique, 0, NULL, 0);
			break;
		case FUSE_DESTROY:
			kapi_fuse_reply(dev, in->unique, 0, NULL, 0);
			_exit(0);
		default:
			kapi_fuse_reply(dev, in->unique, -ENOSYS, NULL, 0);
			break;
		}
	}
}

#endif /* KAPI_FUSE_SERVER_H */

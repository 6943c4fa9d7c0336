/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Object kinds for kapi's runtime checks: what the file descriptor or path
 * of a failed call refers to, as a file type (enum kapi_object_type) and an
 * implementation (enum kapi_object_impl), both from
 * include/uapi/linux/kapi.h. The check engine matches them against an
 * error's object selectors; the reports name them "type:impl". How each
 * call's object is found, and why it is a best effort, is explained in
 * Documentation/runtime.rst.
 */
#ifndef KAPI_OBJECT_H
#define KAPI_OBJECT_H

#include <linux/magic.h>
#include <linux/stat.h>
#include <linux/types.h>

#include "uapi/linux/kapi.h"

struct inode;
struct file;

/**
 * struct kapi_object - the kind of object a call worked on
 * @type: enum kapi_object_type; %KAPI_OBJ_ANY if unknown
 * @impl: enum kapi_object_impl; %KAPI_IMPL_ANY if unknown
 */
struct kapi_object {
	u16 type;
	u16 impl;
};

/* How a spec's calls name their object (struct kapi_hook's obj_how). */
enum kapi_object_how {
	KAPI_OBJECT_NONE,	/* no object: never classified */
	KAPI_OBJECT_FD,		/* a descriptor parameter, after a failure */
	KAPI_OBJECT_FD_BEFORE,	/* a descriptor the call releases: before it */
	KAPI_OBJECT_PATH,	/* a path, relative to a dfd parameter or cwd */
};

/* "type:impl" needs at most this much room, with its NUL. */
#define KAPI_OBJECT_NAME_LEN 32

const char *kapi_object_type_name(u32 type);
const char *kapi_object_impl_name(u32 impl);
void kapi_object_name(char *buf, size_t size, struct kapi_object obj);

/**
 * struct kapi_object_facts - what the kind of a descriptor's object is
 * made of, read before a call that releases the descriptor
 * @magic: the s_magic of its inode's file system, 0 if none
 * @rdev: its inode's i_rdev
 * @mode: its inode's i_mode
 * @known: the kind is @obj already; else it follows from the rest
 * @obj: the kind, if @known
 *
 * Reading three fields costs less than classifying them, which is left
 * for a call that failed (kapi_object_of_facts()).
 */
struct kapi_object_facts {
	unsigned long magic;
	dev_t rdev;
	umode_t mode;
	bool known;
	struct kapi_object obj;
};

/*
 * Whether an inode's mode and file system magic are all its kind is made
 * of: not for a socket of sockfs, a file that may be devtmpfs' (tmpfs and
 * ramfs), or an anonymous inode (whose class is its file's name).
 */
static __always_inline bool kapi_object_facts_tell_all(umode_t mode,
						       unsigned long magic)
{
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return true;
	return magic != SOCKFS_MAGIC && magic != ANON_INODE_FS_MAGIC &&
	       magic != TMPFS_MAGIC && magic != RAMFS_MAGIC;
}

void kapi_object_of_inode(const struct inode *inode, struct kapi_object *obj);
void kapi_object_of_fd(unsigned int fd, struct kapi_object *obj);
void kapi_object_of_anon_fd(unsigned int fd, struct kapi_object *obj);
void kapi_object_of_path(int dfd, const char __user *name,
			 struct kapi_object *obj);
void kapi_object_facts_of_fd(unsigned int fd, struct kapi_object_facts *f);
void kapi_object_of_facts(const struct kapi_object_facts *f,
			  struct kapi_object *obj);

#endif /* KAPI_OBJECT_H */

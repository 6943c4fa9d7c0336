// SPDX-License-Identifier: GPL-2.0
/*
 * Object kinds of the runtime checks: what a failed call's descriptor or
 * path refers to. The file type comes from the inode's mode; what
 * implements it from the superblock's magic number (file systems), the
 * socket's family and type (sockets), the device number (character and
 * block devices) or the name anon_inode_getfile() gave the file
 * (anonymous inodes).
 *
 * Everything here runs only on the path of a call that failed (and before
 * close()), and reads only what RCU keeps alive: a descriptor is looked up
 * under rcu_read_lock() without taking a reference, and from the file only
 * its inode is followed (inodes, superblocks and socket inodes are freed
 * after an RCU grace period). The dentry of an anonymous file is freed at
 * once when its file goes (DCACHE_NORCU), so its name is read only from a
 * file pinned with fget_raw(). The descriptor may have been closed or
 * replaced by another thread after the call returned: the result is a best
 * effort, which Documentation/runtime.rst explains.
 */
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kdev_t.h>
#include <linux/magic.h>
#include <linux/major.h>
#include <linux/net.h>
#include <linux/path.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#include <kapi/objects.h>

#include "compat/compat.h"
#include "kapi.h"
#include "object.h"

/* Magic numbers that linux/magic.h does not have on every kernel. */
#ifndef PID_FS_MAGIC
#define PID_FS_MAGIC 0x50494446
#endif
#define KAPI_MQUEUE_MAGIC 0x19800202
#define KAPI_CONFIGFS_MAGIC 0x62656570

/*
 * The names of include/kapi/objects.h, in value order (the lists are); the
 * words are what the names mean, for nobody but this table's readers.
 */
struct kapi_object_name {
	u16 value;
	const char *name;
	const char *words;
};

#define KAPI_OT(e, name, words) { KAPI_OBJ_##e, name, words },
static const struct kapi_object_name kapi_object_types[] = KAPI_OBJECT_TYPES;
#undef KAPI_OT

#define KAPI_OI(e, name, words) { KAPI_IMPL_##e, name, words },
static const struct kapi_object_name kapi_object_impls[] = KAPI_OBJECT_IMPLS;
#undef KAPI_OI

/**
 * kapi_object_type_name() - the name of an object type
 * @type: enum kapi_object_type
 *
 * Return: "reg", "dir", ..., "*" for %KAPI_OBJ_ANY; "?" out of range.
 */
const char *kapi_object_type_name(u32 type)
{
	BUILD_BUG_ON(ARRAY_SIZE(kapi_object_types) != KAPI_OBJ_TYPE_COUNT);
	if (type >= ARRAY_SIZE(kapi_object_types) ||
	    kapi_object_types[type].value != type)
		return "?";
	return kapi_object_types[type].name;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_object_type_name);

/**
 * kapi_object_impl_name() - the name of an object implementation
 * @impl: enum kapi_object_impl
 *
 * Return: "ext4", "tcp", ..., "*" for %KAPI_IMPL_ANY; "?" out of range.
 */
const char *kapi_object_impl_name(u32 impl)
{
	BUILD_BUG_ON(ARRAY_SIZE(kapi_object_impls) != KAPI_IMPL_COUNT);
	if (impl >= ARRAY_SIZE(kapi_object_impls) ||
	    kapi_object_impls[impl].value != impl)
		return "?";
	return kapi_object_impls[impl].name;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_object_impl_name);

/**
 * kapi_object_name() - an object kind as reports name it
 * @buf: receives the name
 * @size: size of @buf, %KAPI_OBJECT_NAME_LEN is enough
 * @obj: the object kind
 *
 * "type:impl" ("sock:tcp", "reg:ext4"); "unknown" for an object whose type
 * is not known (%KAPI_OBJ_ANY).
 */
void kapi_object_name(char *buf, size_t size, struct kapi_object obj)
{
	if (obj.type == KAPI_OBJ_ANY)
		strscpy(buf, "unknown", size);
	else
		snprintf(buf, size, "%s:%s", kapi_object_type_name(obj.type),
			 kapi_object_impl_name(obj.impl));
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_object_name);

/* File systems by superblock magic. devtmpfs is told apart by name. */
static const struct {
	unsigned long magic;
	u16 impl;
} kapi_object_fs[] = {
	{ EXT4_SUPER_MAGIC, KAPI_IMPL_EXT4 },	/* also ext2 and ext3 */
	{ XFS_SUPER_MAGIC, KAPI_IMPL_XFS },
	{ BTRFS_SUPER_MAGIC, KAPI_IMPL_BTRFS },
	{ TMPFS_MAGIC, KAPI_IMPL_TMPFS },
	{ RAMFS_MAGIC, KAPI_IMPL_RAMFS },
	{ PROC_SUPER_MAGIC, KAPI_IMPL_PROC },
	{ SYSFS_MAGIC, KAPI_IMPL_SYSFS },
	{ CGROUP2_SUPER_MAGIC, KAPI_IMPL_CGROUP2 },
	{ CGROUP_SUPER_MAGIC, KAPI_IMPL_CGROUP },
	{ DEVPTS_SUPER_MAGIC, KAPI_IMPL_DEVPTS },
	{ DEBUGFS_MAGIC, KAPI_IMPL_DEBUGFS },
	{ TRACEFS_MAGIC, KAPI_IMPL_TRACEFS },
	{ SECURITYFS_MAGIC, KAPI_IMPL_SECURITYFS },
	{ BPF_FS_MAGIC, KAPI_IMPL_BPF_FS },
	{ KAPI_MQUEUE_MAGIC, KAPI_IMPL_MQUEUE },
	{ HUGETLBFS_MAGIC, KAPI_IMPL_HUGETLBFS },
	{ FUSE_SUPER_MAGIC, KAPI_IMPL_FUSE },
	{ NFS_SUPER_MAGIC, KAPI_IMPL_NFS },
	{ OVERLAYFS_SUPER_MAGIC, KAPI_IMPL_OVERLAY },
	{ MSDOS_SUPER_MAGIC, KAPI_IMPL_VFAT },
	{ ISOFS_SUPER_MAGIC, KAPI_IMPL_ISO9660 },
	{ SQUASHFS_MAGIC, KAPI_IMPL_SQUASHFS },
	{ PIPEFS_MAGIC, KAPI_IMPL_PIPEFS },
	{ NSFS_MAGIC, KAPI_IMPL_NSFS },
	{ KAPI_CONFIGFS_MAGIC, KAPI_IMPL_CONFIGFS },
	{ EFIVARFS_MAGIC, KAPI_IMPL_EFIVARFS },
	{ PSTOREFS_MAGIC, KAPI_IMPL_PSTORE },
	{ AUTOFS_SUPER_MAGIC, KAPI_IMPL_AUTOFS },
	{ BINFMTFS_MAGIC, KAPI_IMPL_BINFMT_MISC },
	{ PID_FS_MAGIC, KAPI_IMPL_PIDFS },
};

/*
 * Anonymous inodes by the name their creator passed to anon_inode_getfd()
 * or anon_inode_getfile() (and their _secure and _create variants), the
 * same in 6.1 and 6.12. A pidfd has its own file system (pidfs) from 6.9.
 */
static const struct {
	const char *name;
	u16 impl;
} kapi_object_anon[] = {
	{ "[timerfd]", KAPI_IMPL_TIMERFD },
	{ "[eventfd]", KAPI_IMPL_EVENTFD },
	{ "[signalfd]", KAPI_IMPL_SIGNALFD },
	{ "inotify", KAPI_IMPL_INOTIFY },
	{ "[fanotify]", KAPI_IMPL_FANOTIFY },
	{ "[eventpoll]", KAPI_IMPL_EPOLL },
	{ "[pidfd]", KAPI_IMPL_PIDFD },
	{ "[io_uring]", KAPI_IMPL_IO_URING },
	{ "[userfaultfd]", KAPI_IMPL_USERFAULTFD },
	{ "[perf_event]", KAPI_IMPL_PERF_EVENT },
	{ "bpf-map", KAPI_IMPL_BPF },
	{ "bpf-prog", KAPI_IMPL_BPF },
	{ "bpf_link", KAPI_IMPL_BPF },
	{ "bpf-link", KAPI_IMPL_BPF },
};

/* The implementation of a file system by its magic alone. */
static u16 kapi_object_magic_impl(unsigned long magic)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kapi_object_fs); i++)
		if (kapi_object_fs[i].magic == magic)
			return kapi_object_fs[i].impl;
	return KAPI_IMPL_OTHER;
}

/* devtmpfs is a tmpfs (or ramfs) superblock of its own file_system_type. */
static bool kapi_object_devtmpfs(const struct super_block *sb)
{
	const struct file_system_type *fst = READ_ONCE(sb->s_type);

	return fst && fst->name && !strcmp(fst->name, "devtmpfs");
}

static u16 kapi_object_sock_impl(const struct inode *inode)
{
	/* A socket inode of sockfs is the vfs_inode of a struct socket_alloc. */
	struct socket *sock = SOCKET_I((struct inode *)inode);
	const struct proto_ops *ops = READ_ONCE(sock->ops);
	short type = READ_ONCE(sock->type);
	int family;

	if (!ops)
		return KAPI_IMPL_OTHER;
	family = READ_ONCE(ops->family);
	switch (family) {
	case AF_INET:
	case AF_INET6:
		if (type == SOCK_STREAM)
			return KAPI_IMPL_TCP;
		if (type == SOCK_DGRAM)
			return KAPI_IMPL_UDP;
		if (type == SOCK_RAW)
			return KAPI_IMPL_INET_RAW;
		return KAPI_IMPL_OTHER;
	case AF_UNIX:
		if (type == SOCK_STREAM)
			return KAPI_IMPL_UNIX_STREAM;
		if (type == SOCK_DGRAM)
			return KAPI_IMPL_UNIX_DGRAM;
		if (type == SOCK_SEQPACKET)
			return KAPI_IMPL_UNIX_SEQPACKET;
		return KAPI_IMPL_OTHER;
	case AF_NETLINK:
		return KAPI_IMPL_NETLINK;
	case AF_PACKET:
		return KAPI_IMPL_PACKET;
	case AF_VSOCK:
		return KAPI_IMPL_VSOCK;
	default:
		return KAPI_IMPL_OTHER;
	}
}

static u16 kapi_object_chr_impl(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	if (major == MEM_MAJOR)
		return minor == 11 ? KAPI_IMPL_KMSG : KAPI_IMPL_MEM;
	if (major == TTY_MAJOR || major == TTYAUX_MAJOR ||
	    (major >= UNIX98_PTY_SLAVE_MAJOR &&
	     major < UNIX98_PTY_SLAVE_MAJOR + UNIX98_PTY_MAJOR_COUNT))
		return KAPI_IMPL_TTY;
	if (major == MISC_MAJOR)
		return minor == 229 ? KAPI_IMPL_FUSE : KAPI_IMPL_MISC;
	return KAPI_IMPL_OTHER;
}

/**
 * kapi_object_classify() - the object kind from an inode's facts
 * @mode: its i_mode
 * @rdev: its i_rdev
 * @magic: the s_magic of its file system, 0 if none
 * @obj: receives the kind
 *
 * All that kapi_object_of_inode() finds but the implementation of a socket
 * of sockfs (%KAPI_IMPL_OTHER here) and devtmpfs (tmpfs or ramfs here).
 *
 * Return: true if @obj->impl is the file system's (by @magic).
 */
static bool kapi_object_classify(umode_t mode, dev_t rdev, unsigned long magic,
				 struct kapi_object *obj)
{
	obj->impl = KAPI_IMPL_OTHER;
	switch (mode & S_IFMT) {
	case S_IFREG:
		obj->type = KAPI_OBJ_REG;
		break;
	case S_IFDIR:
		obj->type = KAPI_OBJ_DIR;
		break;
	case S_IFLNK:
		obj->type = KAPI_OBJ_LNK;
		break;
	case S_IFIFO:
		obj->type = KAPI_OBJ_FIFO;
		break;
	case S_IFCHR:
		obj->type = KAPI_OBJ_CHR;
		obj->impl = kapi_object_chr_impl(rdev);
		return false;
	case S_IFBLK:
		obj->type = KAPI_OBJ_BLK;
		if (MAJOR(rdev) == LOOP_MAJOR)
			obj->impl = KAPI_IMPL_LOOP;
		return false;
	case S_IFSOCK:
		obj->type = KAPI_OBJ_SOCK;
		if (magic == SOCKFS_MAGIC)
			return false;
		break;
	default:
		/* Anonymous inodes and pidfs inodes have no file type bits. */
		obj->type = KAPI_OBJ_ANON;
		if (magic == ANON_INODE_FS_MAGIC)
			return false;
		break;
	}
	/* pidfs inodes have the type bits of a regular file on some kernels. */
	if (magic == PID_FS_MAGIC)
		obj->type = KAPI_OBJ_ANON;
	if (magic == ANON_INODE_FS_MAGIC) {
		obj->type = KAPI_OBJ_ANON;
		return false;
	}
	obj->impl = kapi_object_magic_impl(magic);
	return true;
}

/**
 * kapi_object_facts_of_fd() - what kapi_object_of_fd() would find, read
 * for later
 * @fd: a descriptor of the caller
 * @f: receives the facts of its object, or its kind where the facts are not
 *     enough (%KAPI_OBJ_ANY if @fd is not open)
 *
 * Looked up as kapi_object_of_fd() does (preemption disabled, no
 * reference); the kind of a socket, of a file of tmpfs or ramfs and of an
 * anonymous inode is found at once.
 */
void kapi_object_facts_of_fd(unsigned int fd, struct kapi_object_facts *f)
{
	kapi_compat_fd_state_facts(fd, false, f);
}

/**
 * kapi_object_of_facts() - the kind of a descriptor's object from what
 * kapi_object_facts_of_fd() found
 * @f: the facts
 * @obj: receives the kind
 */
void kapi_object_of_facts(const struct kapi_object_facts *f,
			  struct kapi_object *obj)
{
	if (f->known)
		*obj = f->obj;
	else
		kapi_object_classify(f->mode, f->rdev, f->magic, obj);
}

/**
 * kapi_object_of_inode() - the object kind of an inode
 * @inode: the inode; under rcu_read_lock() or a reference
 * @obj: receives the kind
 *
 * An anonymous inode's class is not in its inode (one inode serves every
 * class): its implementation is %KAPI_IMPL_OTHER here, and
 * kapi_object_of_fd() finds it from the file.
 */
void kapi_object_of_inode(const struct inode *inode, struct kapi_object *obj)
{
	umode_t mode = READ_ONCE(inode->i_mode);
	const struct super_block *sb = READ_ONCE(inode->i_sb);
	unsigned long magic = sb ? READ_ONCE(sb->s_magic) : 0;

	if (kapi_object_classify(mode, READ_ONCE(inode->i_rdev), magic, obj)) {
		if (sb && (magic == TMPFS_MAGIC || magic == RAMFS_MAGIC) &&
		    kapi_object_devtmpfs(sb))
			obj->impl = KAPI_IMPL_DEVTMPFS;
	} else if (obj->type == KAPI_OBJ_SOCK && magic == SOCKFS_MAGIC) {
		obj->impl = kapi_object_sock_impl(inode);
	}
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_object_of_inode);

/* The class of an anonymous inode's file, by the name of its dentry. */
static u16 kapi_object_anon_impl(const struct file *file)
{
	const char *name = (const char *)file->f_path.dentry->d_name.name;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kapi_object_anon); i++)
		if (!strcmp(name, kapi_object_anon[i].name))
			return kapi_object_anon[i].impl;
	return KAPI_IMPL_OTHER;
}

/**
 * kapi_object_of_fd() - the object kind of a descriptor of the caller
 * @fd: the descriptor
 * @obj: receives the kind; %KAPI_OBJ_ANY if @fd is not open
 *
 * The descriptor is looked up with preemption disabled (an RCU read-side
 * section) without taking a reference, and only the file's inode is read.
 * For an anonymous inode, whose class is the name of the file's dentry,
 * the file is pinned with fget_raw() to read it (kapi_object_of_anon_fd());
 * it may by then be another file than the one the call used, which is why
 * the inode is classified again from the pinned file.
 *
 * Context: process context, on the path of a system call; does not sleep
 * unless the pinned file's last reference goes (its release is deferred to
 * the return to user space).
 */
void kapi_object_of_fd(unsigned int fd, struct kapi_object *obj)
{
	struct file *file;
	struct inode *inode;

	obj->type = KAPI_OBJ_ANY;
	obj->impl = KAPI_IMPL_ANY;
	if (unlikely(!current->files))
		return;
	/* An RCU read-side section, as in kapi_compat_fd_state(). */
	preempt_disable();
	file = files_lookup_fd_raw(current->files, fd);
	inode = file ? READ_ONCE(file->f_inode) : NULL;
	if (inode)
		kapi_object_of_inode(inode, obj);
	preempt_enable();
	if (obj->type == KAPI_OBJ_ANON && obj->impl == KAPI_IMPL_OTHER)
		kapi_object_of_anon_fd(fd, obj);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_object_of_fd);

/**
 * kapi_object_of_anon_fd() - the rest of kapi_object_of_fd() for a
 * descriptor whose inode is anonymous (%KAPI_OBJ_ANON, %KAPI_IMPL_OTHER)
 * @fd: the descriptor
 * @obj: the kind found from its inode; receives the class of its file
 */
void kapi_object_of_anon_fd(unsigned int fd, struct kapi_object *obj)
{
	struct file *file;

	file = fget_raw(fd);
	if (!file)
		return;
	kapi_object_of_inode(file_inode(file), obj);
	if (obj->type == KAPI_OBJ_ANON && obj->impl == KAPI_IMPL_OTHER &&
	    file_inode(file)->i_sb->s_magic == ANON_INODE_FS_MAGIC)
		obj->impl = kapi_object_anon_impl(file);
	fput(file);
}

/**
 * kapi_object_of_path() - the object kind of where a path walk starts
 * @dfd: the directory descriptor of an *at() call, or %AT_FDCWD
 * @name: the path, in user memory
 * @obj: receives the kind: the root directory for an absolute path, the
 *	 working directory or @dfd's object for a relative one;
 *	 %KAPI_OBJ_ANY if that cannot be found
 *
 * Only the starting point: walking the path, even with LOOKUP_CACHED,
 * leaves audit records (audit_inode()) and may reach security modules, so
 * the object a path names is not looked up (Documentation/runtime.rst).
 *
 * Context: process context, on the path of a system call.
 */
void kapi_object_of_path(int dfd, const char __user *name,
			 struct kapi_object *obj)
{
	struct path start;
	char c;

	obj->type = KAPI_OBJ_ANY;
	obj->impl = KAPI_IMPL_ANY;
	if (!name || get_user(c, name))
		return;
	if (c != '/' && dfd != AT_FDCWD) {
		kapi_object_of_fd(dfd, obj);
		return;
	}
	if (!current->fs)
		return;
	if (c == '/')
		get_fs_root(current->fs, &start);
	else
		get_fs_pwd(current->fs, &start);
	if (start.dentry && d_inode(start.dentry))
		kapi_object_of_inode(d_inode(start.dentry), obj);
	path_put(&start);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_object_of_path);

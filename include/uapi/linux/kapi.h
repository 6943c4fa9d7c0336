/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kapi - Kernel API Specification Framework for stock kernels: the
 * interface between kapi.ko and userspace (kapi-dump and other consumers).
 * Everything a program needs to talk to the module is defined here, once:
 * the spec image format and the enumerations it uses, the name of the
 * debugfs directory, and the generic netlink family (commands, attributes
 * and the multicast group).
 *
 * Versioning rules (see Documentation/abi.rst): a change that an old reader
 * can ignore bumps the MINOR number; a change that an old reader would
 * misread bumps the MAJOR number and resets MINOR. Readers refuse a MAJOR
 * they do not know.
 */
#ifndef _UAPI_LINUX_KAPI_H
#define _UAPI_LINUX_KAPI_H

#include <linux/types.h>

/* Directory of kapi's files under the debugfs mount point. */
#define KAPI_DEBUGFS_DIR "kapi"

/* Generic netlink family. */
#define KAPI_GENL_NAME "kapi"
#define KAPI_GENL_VERSION 1

/*
 * Enumerations of the specification model. The identifiers and values
 * follow the upstream proposal, so that specs written for it read the same.
 */

/* What kind of API a spec describes. */
enum kapi_api_kind {
	KAPI_KIND_SYSCALL = 0,	/* a system call; name "sys_<name>" */
	KAPI_KIND_IOCTL,	/* an ioctl command; the spec's cmd is its number */
	KAPI_KIND_FUNCTION,	/* a kernel function */
	KAPI_KIND_COUNT
};

/* enum kapi_param_type - what a parameter (or return value) is. */
enum kapi_param_type {
	KAPI_TYPE_VOID = 0,
	KAPI_TYPE_INT,
	KAPI_TYPE_UINT,
	KAPI_TYPE_PTR,
	KAPI_TYPE_STRUCT,
	KAPI_TYPE_UNION,
	KAPI_TYPE_ENUM,
	KAPI_TYPE_FUNC_PTR,
	KAPI_TYPE_ARRAY,
	KAPI_TYPE_FD,
	KAPI_TYPE_USER_PTR,
	KAPI_TYPE_PATH,
	KAPI_TYPE_CUSTOM,
	KAPI_TYPE_COUNT
};

/* enum kapi_param_flags - attributes of a parameter (a bit set). */
enum kapi_param_flags {
	KAPI_PARAM_IN = 1 << 0,
	KAPI_PARAM_OUT = 1 << 1,
	KAPI_PARAM_INOUT = KAPI_PARAM_IN | KAPI_PARAM_OUT,
	KAPI_PARAM_OPTIONAL = 1 << 3,
	KAPI_PARAM_CONST = 1 << 4,
	KAPI_PARAM_VOLATILE = 1 << 5,
	KAPI_PARAM_USER = 1 << 6,
	KAPI_PARAM_DMA = 1 << 7,
	KAPI_PARAM_ALIGNED = 1 << 8,
};

#define KAPI_PARAM_FLAGS_ALL 0x1fbU /* bit 2 is unused */

/* enum kapi_constraint_type - how a parameter's value is constrained. */
enum kapi_constraint_type {
	KAPI_CONSTRAINT_NONE = 0,
	KAPI_CONSTRAINT_RANGE,		/* min <= value <= max */
	KAPI_CONSTRAINT_MASK,		/* no bits outside valid_mask */
	KAPI_CONSTRAINT_ENUM,		/* one of the listed values */
	KAPI_CONSTRAINT_ALIGNMENT,	/* a multiple of alignment */
	KAPI_CONSTRAINT_POWER_OF_TWO,	/* a power of two */
	KAPI_CONSTRAINT_PAGE_ALIGNED,	/* a multiple of PAGE_SIZE */
	KAPI_CONSTRAINT_NONZERO,	/* not zero */
	KAPI_CONSTRAINT_USER_STRING,	/* a readable NUL-terminated string */
	KAPI_CONSTRAINT_USER_PATH,	/* a readable path, < PATH_MAX */
	KAPI_CONSTRAINT_USER_PTR,	/* a user pointer to size bytes */
	KAPI_CONSTRAINT_BUFFER,		/* user buffer of size_param * mult */
	KAPI_CONSTRAINT_CUSTOM,		/* described in text only */
	KAPI_CONSTRAINT_FD,		/* a descriptor in the state mask names */
	KAPI_CONSTRAINT_OPEN_FLAGS,	/* open(2) flags build_open_flags() takes */
	KAPI_CONSTRAINT_COUNT
};

/*
 * enum kapi_fd_access - what a KAPI_CONSTRAINT_FD parameter requires of the
 * descriptor (a bit set, in the param's mask). The kernel looks at the
 * requirements in the order of the bits, and each has its own error: a
 * descriptor that is not open in the caller's table (OPEN), an O_PATH
 * descriptor (NOT_PATH), one opened without read or write access (READ,
 * WRITE) fail with the param's violation_error (EBADF); a file without a
 * read or write method (CAN_READ, CAN_WRITE) with EINVAL; one that is not
 * a directory (DIR) with ENOTDIR. AT_FDCWD: the value AT_FDCWD (as an int)
 * is accepted and names the working directory. IF_RELATIVE: the descriptor
 * is looked at only when the path parameter that size_param names is a
 * relative path (does not start with '/'). NEGATIVE_OK: a negative value
 * (as an int) is no violation; the call fails with the documented EBADF
 * without touching any descriptor (programs keep -1 for "no descriptor"
 * and close it unconditionally, as dash does in every pipeline), while a
 * nonnegative number that is not open still breaks OPEN.
 */
enum kapi_fd_access {
	KAPI_FD_OPEN = 1 << 0,
	KAPI_FD_NOT_PATH = 1 << 1,
	KAPI_FD_READ = 1 << 2,
	KAPI_FD_WRITE = 1 << 3,
	KAPI_FD_CAN_READ = 1 << 4,
	KAPI_FD_CAN_WRITE = 1 << 5,
	KAPI_FD_DIR = 1 << 6,
	KAPI_FD_AT_FDCWD = 1 << 7,
	KAPI_FD_IF_RELATIVE = 1 << 8,
	KAPI_FD_NEGATIVE_OK = 1 << 9,
};

#define KAPI_FD_ACCESS_ALL 0x3ffU

/*
 * The order field of a parameter: where the kernel checks the parameter's
 * rule among the rules of the same spec. The low 16 bits are the rank: 1
 * is checked first; 0 means unknown, and such a rule counts as checked after
 * every ranked rule, unranked rules in declaration order. With
 * KAPI_PARAM_ORDER_AUDIT the kernel makes checks kapi cannot see before this
 * rule: a violation of it is reported, but enforce mode lets the call run
 * when it is the first broken rule (the kernel then answers itself).
 */
#define KAPI_PARAM_ORDER_RANK 0xffffU
#define KAPI_PARAM_ORDER_AUDIT (1U << 31)
#define KAPI_PARAM_ORDER_ALL (KAPI_PARAM_ORDER_RANK | KAPI_PARAM_ORDER_AUDIT)

/* enum kapi_return_check_type - how success is told from failure. */
enum kapi_return_check_type {
	KAPI_RETURN_EXACT = 0,		/* success is exactly success_min */
	KAPI_RETURN_RANGE,		/* success_min <= ret <= success_max */
	KAPI_RETURN_ERROR_CHECK,	/* success unless a listed error */
	KAPI_RETURN_FD,			/* a new file descriptor (>= 0) */
	KAPI_RETURN_CUSTOM,		/* described in text only */
	KAPI_RETURN_NO_RETURN,		/* does not return */
	KAPI_RETURN_COUNT
};

/* enum kapi_context_flags - where an API may be called (a bit set). */
enum kapi_context_flags {
	KAPI_CTX_PROCESS = 1 << 0,
	KAPI_CTX_SOFTIRQ = 1 << 1,
	KAPI_CTX_HARDIRQ = 1 << 2,
	KAPI_CTX_NMI = 1 << 3,
	KAPI_CTX_ATOMIC = 1 << 4,
	KAPI_CTX_SLEEPABLE = 1 << 5,
	KAPI_CTX_PREEMPT_DISABLED = 1 << 6,
	KAPI_CTX_IRQ_DISABLED = 1 << 7,
};

#define KAPI_CTX_ALL 0xffU

/* enum kapi_lock_type - the kind of a lock an API takes or needs. */
enum kapi_lock_type {
	KAPI_LOCK_NONE = 0,
	KAPI_LOCK_MUTEX,
	KAPI_LOCK_SPINLOCK,
	KAPI_LOCK_RWLOCK,
	KAPI_LOCK_SEQLOCK,
	KAPI_LOCK_RCU,
	KAPI_LOCK_SEMAPHORE,
	KAPI_LOCK_CUSTOM,
	KAPI_LOCK_COUNT
};

/* enum kapi_lock_scope - what an API does with a lock. */
enum kapi_lock_scope {
	KAPI_LOCK_INTERNAL = 0,		/* taken and released inside */
	KAPI_LOCK_ACQUIRES,		/* taken, still held on return */
	KAPI_LOCK_RELEASES,		/* held on entry, released inside */
	KAPI_LOCK_CALLER_HELD,		/* the caller must hold it */
	KAPI_LOCK_SCOPE_COUNT
};

/* enum kapi_signal_direction - how an API relates to a signal (bits). */
enum kapi_signal_direction {
	KAPI_SIGNAL_RECEIVE = 1 << 0,
	KAPI_SIGNAL_SEND = 1 << 1,
	KAPI_SIGNAL_HANDLE = 1 << 2,
	KAPI_SIGNAL_BLOCK = 1 << 3,
	KAPI_SIGNAL_IGNORE = 1 << 4,
};

#define KAPI_SIGNAL_DIRECTION_ALL 0x1fU

/* enum kapi_signal_action - what happens when the signal arrives. */
enum kapi_signal_action {
	KAPI_SIGNAL_ACTION_DEFAULT = 0,
	KAPI_SIGNAL_ACTION_TERMINATE,
	KAPI_SIGNAL_ACTION_COREDUMP,
	KAPI_SIGNAL_ACTION_STOP,
	KAPI_SIGNAL_ACTION_CONTINUE,
	KAPI_SIGNAL_ACTION_CUSTOM,
	KAPI_SIGNAL_ACTION_RETURN,
	KAPI_SIGNAL_ACTION_RESTART,
	KAPI_SIGNAL_ACTION_QUEUE,
	KAPI_SIGNAL_ACTION_DISCARD,
	KAPI_SIGNAL_ACTION_TRANSFORM,
	KAPI_SIGNAL_ACTION_COUNT
};

/*
 * enum kapi_signal_timing - when during the call a signal matters. Upstream
 * v2 spelled ENTRY and EXIT for BEFORE and AFTER.
 */
enum kapi_signal_timing {
	KAPI_SIGNAL_TIME_BEFORE = 0,
	KAPI_SIGNAL_TIME_DURING,
	KAPI_SIGNAL_TIME_AFTER,
	KAPI_SIGNAL_TIME_ANYTIME,
	KAPI_SIGNAL_TIME_BLOCKING,	/* while blocked waiting */
	KAPI_SIGNAL_TIME_SLEEPING,	/* while sleeping */
	KAPI_SIGNAL_TIME_COUNT
};

/* enum kapi_signal_state - process states for signal delivery (bits). */
enum kapi_signal_state {
	KAPI_SIGNAL_STATE_RUNNING = 1 << 0,
	KAPI_SIGNAL_STATE_SLEEPING = 1 << 1,
	KAPI_SIGNAL_STATE_STOPPED = 1 << 2,
	KAPI_SIGNAL_STATE_TRACED = 1 << 3,
	KAPI_SIGNAL_STATE_ZOMBIE = 1 << 4,
	KAPI_SIGNAL_STATE_DEAD = 1 << 5,
};

#define KAPI_SIGNAL_STATE_ALL 0x3fU

/* Signal record flags. */
#define KAPI_SIGNAL_RESTARTABLE (1U << 0)
#define KAPI_SIGNAL_INTERRUPTIBLE (1U << 1)

/* enum kapi_side_effect_type - kinds of side effect (a bit set). */
enum kapi_side_effect_type {
	KAPI_EFFECT_NONE = 0,
	KAPI_EFFECT_ALLOC_MEMORY = 1 << 0,
	KAPI_EFFECT_FREE_MEMORY = 1 << 1,
	KAPI_EFFECT_MODIFY_STATE = 1 << 2,
	KAPI_EFFECT_SIGNAL_SEND = 1 << 3,
	KAPI_EFFECT_FILE_POSITION = 1 << 4,
	KAPI_EFFECT_LOCK_ACQUIRE = 1 << 5,
	KAPI_EFFECT_LOCK_RELEASE = 1 << 6,
	KAPI_EFFECT_RESOURCE_CREATE = 1 << 7,
	KAPI_EFFECT_RESOURCE_DESTROY = 1 << 8,
	KAPI_EFFECT_SCHEDULE = 1 << 9,
	KAPI_EFFECT_HARDWARE = 1 << 10,
	KAPI_EFFECT_NETWORK = 1 << 11,
	KAPI_EFFECT_FILESYSTEM = 1 << 12,
	KAPI_EFFECT_PROCESS_STATE = 1 << 13,
	KAPI_EFFECT_IRREVERSIBLE = 1 << 14,
};

#define KAPI_EFFECT_ALL 0x7fffU

/* Side-effect record flags. */
#define KAPI_EFFECT_REVERSIBLE (1U << 0)

/* enum kapi_capability_action - what holding a capability changes. */
enum kapi_capability_action {
	KAPI_CAP_BYPASS_CHECK = 0,
	KAPI_CAP_INCREASE_LIMIT,
	KAPI_CAP_OVERRIDE_RESTRICTION,
	KAPI_CAP_GRANT_PERMISSION,
	KAPI_CAP_MODIFY_BEHAVIOR,
	KAPI_CAP_ACCESS_RESOURCE,
	KAPI_CAP_PERFORM_OPERATION,
	KAPI_CAP_COUNT
};

/* Spec record flags. */
#define KAPI_SPEC_DEPRECATED (1U << 0)

/*
 * Object kinds
 * ============
 *
 * What a file descriptor refers to, in two coordinates: the file type
 * (enum kapi_object_type) and what implements it (enum kapi_object_impl):
 * the file system for files, directories, symbolic links and FIFOs; the
 * family and type for sockets; the driver for character and block devices;
 * the class for anonymous inodes. An error of a spec may be qualified by a
 * list of selectors (struct kapi_image_object): it is documented for an
 * object that matches one of them, and for every object if the list is
 * empty. The runtime checker names the object of every failed call it
 * reports. Names (as written in specs and shown in reports) are in
 * include/kapi/objects.h; Documentation/spec-language.rst lists them.
 * Values may only be appended.
 */
enum kapi_object_type {
	KAPI_OBJ_ANY = 0,	/* a selector: every type; a report: unknown */
	KAPI_OBJ_REG,		/* regular file */
	KAPI_OBJ_DIR,		/* directory */
	KAPI_OBJ_LNK,		/* symbolic link (O_PATH | O_NOFOLLOW) */
	KAPI_OBJ_FIFO,		/* pipe or named FIFO */
	KAPI_OBJ_CHR,		/* character device */
	KAPI_OBJ_BLK,		/* block device */
	KAPI_OBJ_SOCK,		/* socket */
	KAPI_OBJ_ANON,		/* anonymous inode (timerfd, eventfd, ...) */
	KAPI_OBJ_TYPE_COUNT
};

enum kapi_object_impl {
	KAPI_IMPL_ANY = 0,	/* a selector: every implementation */
	KAPI_IMPL_OTHER,	/* none of the names below */
	/* file systems (by superblock magic) */
	KAPI_IMPL_EXT4,		/* ext2, ext3 and ext4 */
	KAPI_IMPL_XFS,
	KAPI_IMPL_BTRFS,
	KAPI_IMPL_TMPFS,
	KAPI_IMPL_RAMFS,
	KAPI_IMPL_PROC,
	KAPI_IMPL_SYSFS,
	KAPI_IMPL_CGROUP2,
	KAPI_IMPL_CGROUP,	/* cgroup v1 hierarchies */
	KAPI_IMPL_DEVTMPFS,
	KAPI_IMPL_DEVPTS,
	KAPI_IMPL_DEBUGFS,
	KAPI_IMPL_TRACEFS,
	KAPI_IMPL_SECURITYFS,
	KAPI_IMPL_BPF_FS,
	KAPI_IMPL_MQUEUE,
	KAPI_IMPL_HUGETLBFS,
	KAPI_IMPL_FUSE,		/* a FUSE mount; CHR: /dev/fuse */
	KAPI_IMPL_NFS,
	KAPI_IMPL_OVERLAY,
	KAPI_IMPL_VFAT,
	KAPI_IMPL_ISO9660,
	KAPI_IMPL_SQUASHFS,
	KAPI_IMPL_PIPEFS,	/* pipe(2) pipes */
	KAPI_IMPL_NSFS,
	KAPI_IMPL_CONFIGFS,
	KAPI_IMPL_EFIVARFS,
	KAPI_IMPL_PSTORE,
	KAPI_IMPL_AUTOFS,
	KAPI_IMPL_BINFMT_MISC,
	KAPI_IMPL_PIDFS,	/* pidfd on kernels with pidfs (6.9 and later) */
	/* sockets (by family and type) */
	KAPI_IMPL_TCP,		/* AF_INET/AF_INET6 SOCK_STREAM */
	KAPI_IMPL_UDP,		/* AF_INET/AF_INET6 SOCK_DGRAM */
	KAPI_IMPL_INET_RAW,	/* AF_INET/AF_INET6 SOCK_RAW */
	KAPI_IMPL_UNIX_STREAM,
	KAPI_IMPL_UNIX_DGRAM,
	KAPI_IMPL_UNIX_SEQPACKET,
	KAPI_IMPL_NETLINK,
	KAPI_IMPL_PACKET,
	KAPI_IMPL_VSOCK,
	/* character and block device drivers (by major and minor number) */
	KAPI_IMPL_TTY,		/* terminals, consoles and pseudo terminals */
	KAPI_IMPL_MEM,		/* /dev/null, /dev/zero, /dev/random, ... */
	KAPI_IMPL_KMSG,		/* /dev/kmsg */
	KAPI_IMPL_MISC,		/* other misc devices (major 10) */
	KAPI_IMPL_LOOP,		/* loop block devices */
	/* anonymous inodes (by class) */
	KAPI_IMPL_TIMERFD,
	KAPI_IMPL_EVENTFD,
	KAPI_IMPL_SIGNALFD,
	KAPI_IMPL_INOTIFY,
	KAPI_IMPL_FANOTIFY,
	KAPI_IMPL_EPOLL,
	KAPI_IMPL_PIDFD,	/* pidfd as an anonymous inode (before 6.9) */
	KAPI_IMPL_IO_URING,
	KAPI_IMPL_USERFAULTFD,
	KAPI_IMPL_PERF_EVENT,
	KAPI_IMPL_BPF,		/* BPF maps, programs and links */
	KAPI_IMPL_COUNT
};

/*
 * The spec image
 * ==============
 *
 * One self-contained, position-independent blob: a header, then tables of
 * fixed-size records, then a string table. All integers are little-endian
 * (kapi supports x86-64 only; a big-endian reader must swap). Records
 * contain no pointers: strings are byte offsets into the string table
 * (offset 0 is the empty string), lists are (first, count) slices of a
 * table. Every table starts at an 8-byte aligned offset. Every record size
 * is a multiple of 8; a table's entsize may be larger than the record this
 * header defines (a newer minor version appended fields): readers use the
 * fields they know and step by entsize.
 *
 * Numbers that authors write symbolically (O_CREAT, INT_MAX, CAP_SYS_ADMIN)
 * are struct kapi_image_num: the value the compiler computed for the target
 * kernel, and the expression text as written (0 if the author wrote a
 * literal). Numbers that are always small (a capability, a signal number,
 * an alignment, an ioctl command) are struct kapi_image_num32, half the
 * size.
 *
 * Record sizes (bytes): header 248, spec 168, param 160, error 24, lock 16,
 * signal 72, effect 24, transition 24, cap 32, constraint 16, value 16,
 * object 8, struct 40, field 120.
 *
 * Format 2.1 appended the structs and fields tables (ids 12 and 13, after
 * the string table, so that every 2.0 id keeps its meaning) and the fields
 * of kapi_image_param from struct_id on. A 2.0 image has 12 tables and
 * 136-byte param records: a reader takes the missing tables as empty and
 * the missing param fields as "no struct" (struct_id 0, count_param -1,
 * max_count 0).
 * Every field is naturally aligned and no record has padding.
 */

/* "KAPI" in little-endian byte order at offset 0. */
#define KAPI_IMAGE_MAGIC 0x4950414bU
#define KAPI_IMAGE_VERSION_MAJOR 2
#define KAPI_IMAGE_VERSION_MINOR 1
/* ELF section that carries a module's spec image. */
#define KAPI_IMAGE_SECTION ".kapi_specs"
/* Alignment of the image and of every table in it. */
#define KAPI_IMAGE_ALIGN 8
/* Limits a reader may rely on (the kernel refuses larger images). */
#define KAPI_IMAGE_MAX_SIZE (16U << 20)
#define KAPI_IMAGE_MAX_NAME 128

/* Index of each table in kapi_image_header.tables. */
enum kapi_image_table_id {
	KAPI_TABLE_SPECS = 0,		/* struct kapi_image_spec */
	KAPI_TABLE_PARAMS,		/* struct kapi_image_param */
	KAPI_TABLE_ERRORS,		/* struct kapi_image_error */
	KAPI_TABLE_LOCKS,		/* struct kapi_image_lock */
	KAPI_TABLE_SIGNALS,		/* struct kapi_image_signal */
	KAPI_TABLE_EFFECTS,		/* struct kapi_image_effect */
	KAPI_TABLE_TRANSITIONS,		/* struct kapi_image_transition */
	KAPI_TABLE_CAPS,		/* struct kapi_image_cap */
	KAPI_TABLE_CONSTRAINTS,		/* struct kapi_image_constraint */
	KAPI_TABLE_VALUES,		/* struct kapi_image_num */
	KAPI_TABLE_OBJECTS,		/* struct kapi_image_object */
	KAPI_TABLE_STRINGS,		/* char, entsize 1 */
	KAPI_TABLE_STRUCTS,		/* struct kapi_image_struct (2.1) */
	KAPI_TABLE_FIELDS,		/* struct kapi_image_struct_field (2.1) */
	KAPI_TABLE_COUNT
};

/* The tables of format 2.0: an image of minor version 0 has only these. */
#define KAPI_TABLE_COUNT_2_0 12
/* The header of format 2.0, the smallest header a 2.x reader accepts. */
#define KAPI_IMAGE_HEADER_SIZE_2_0 216
/* The param record of format 2.0 (it ends before struct_id). */
#define KAPI_IMAGE_PARAM_SIZE_2_0 136

/* Where a table is: byte offset from the image start, records, size. */
struct kapi_image_table {
	__u32 offset;
	__u32 count;
	__u32 entsize;
	__u32 reserved;			/* 0 */
};

struct kapi_image_header {
	__u32 magic;			/* KAPI_IMAGE_MAGIC */
	__u16 version_major;
	__u16 version_minor;
	__u32 size;			/* of the whole image, header included */
	__u16 header_size;		/* sizeof(struct kapi_image_header) */
	__u16 table_count;		/* KAPI_TABLE_COUNT of the writer */
	__u32 flags;			/* 0 */
	__u32 reserved;			/* 0 */
	struct kapi_image_table tables[KAPI_TABLE_COUNT];
};

/* A number and the expression text it was written as (string offset). */
struct kapi_image_num {
	__s64 value;
	__u32 expr;
	__u32 reserved;			/* 0 */
};

/*
 * A number that always fits in 32 bits, and its expression text. A field
 * of this type that holds an unsigned quantity (kapi_image_spec.ioctl_cmd)
 * stores its 32 bits in value, and readers take them as __u32.
 */
struct kapi_image_num32 {
	__s32 value;
	__u32 expr;
};

/* A list: records [first, first + count) of one table. */
struct kapi_image_slice {
	__u32 first;
	__u32 count;
};

struct kapi_image_return {
	__u32 type_name;		/* C type, e.g. "ssize_t" */
	__u32 type;			/* enum kapi_param_type */
	__u32 check;			/* enum kapi_return_check_type */
	__u32 description;
	struct kapi_image_num success_min;	/* EXACT: the value */
	struct kapi_image_num success_max;
};

struct kapi_image_spec {
	__u32 name;			/* "sys_read", unique in an image */
	__u32 kind;			/* enum kapi_api_kind */
	__u32 summary;			/* one line */
	__u32 description;		/* long description */
	__u32 context;			/* enum kapi_context_flags bits */
	__u32 flags;			/* KAPI_SPEC_* */
	__u32 since;			/* kernel version that added the API */
	__u32 replacement;		/* API to use instead, if deprecated */
	__u32 examples;
	__u32 notes;
	__u32 source_file;		/* where the spec was written */
	__u32 source_line;
	struct kapi_image_num32 ioctl_cmd;	/* KAPI_KIND_IOCTL only; a __u32 */
	struct kapi_image_slice params;		/* in declaration order */
	struct kapi_image_slice errors;
	struct kapi_image_slice locks;
	struct kapi_image_slice signals;
	struct kapi_image_slice effects;
	struct kapi_image_slice transitions;
	struct kapi_image_slice caps;
	struct kapi_image_slice constraints;
	struct kapi_image_return ret;
};

struct kapi_image_param {
	__u32 name;
	__u32 type_name;		/* C type, e.g. "const char __user *" */
	__u32 description;
	__u32 constraint_text;		/* the constraint in words */
	__u32 type;			/* enum kapi_param_type */
	__u32 flags;			/* enum kapi_param_flags bits */
	__u32 constraint;		/* enum kapi_constraint_type */
	__s32 size_param;		/* index of the size parameter, or -1 */
	struct kapi_image_num size;	/* fixed size in bytes, 0 if none */
	struct kapi_image_num size_mult;	/* bytes per unit of size_param */
	struct kapi_image_num32 alignment;
	struct kapi_image_num min;	/* RANGE */
	struct kapi_image_num max;	/* RANGE */
	struct kapi_image_num mask;	/* MASK: the valid bits; FD: access */
	struct kapi_image_slice values;	/* ENUM: records of KAPI_TABLE_VALUES */
	__s32 violation_error;		/* -errno a violation predicts, or 0 */
	__u32 order;			/* KAPI_PARAM_ORDER_* rank and flags */
	/* Format 2.1; absent from (and read as "none" in) 2.0 records. */
	__u32 struct_id;		/* 1 + KAPI_TABLE_STRUCTS index, 0: none */
	__s32 count_param;		/* array: index of the count param, or -1 */
	struct kapi_image_num max_count;	/* array: most elements, 0: no limit */
};

/*
 * A C structure a parameter points to (format 2.1): its size and
 * alignment on the target kernel and its described fields, which lie
 * inside size (offset + size <= size).
 */
struct kapi_image_struct {
	__u32 name;			/* "iovec", unique in an image */
	__u32 description;
	struct kapi_image_num size;	/* sizeof(struct iovec) */
	struct kapi_image_num32 alignment;	/* 0 if not given */
	struct kapi_image_slice fields;	/* records of KAPI_TABLE_FIELDS */
};

/*
 * A field of a struct (format 2.1): like a parameter, a type, flags and a
 * constraint with its values, and where it lies in the struct.
 */
struct kapi_image_struct_field {
	__u32 name;			/* unique in its struct */
	__u32 type_name;		/* C type, e.g. "__kernel_size_t" */
	__u32 description;		/* the constraint in words */
	__u32 type;			/* enum kapi_param_type */
	__u32 flags;			/* enum kapi_param_flags bits */
	__u32 constraint;		/* enum kapi_constraint_type */
	struct kapi_image_num offset;	/* offsetof() in the struct */
	struct kapi_image_num size;	/* bytes */
	struct kapi_image_num min;	/* RANGE */
	struct kapi_image_num max;	/* RANGE */
	struct kapi_image_num mask;	/* MASK: the valid bits */
	struct kapi_image_slice values;	/* ENUM: records of KAPI_TABLE_VALUES */
	__s32 violation_error;		/* -errno a violation predicts, or 0 */
	__u32 reserved;			/* 0 */
};

struct kapi_image_error {
	__s32 code;			/* negative errno, e.g. -EBADF */
	__u32 name;			/* "EBADF" */
	__u32 condition;		/* when it is returned, one line */
	__u32 description;
	struct kapi_image_slice objects;	/* empty: every object */
};

/* An object selector: type and impl, each 0 (ANY) for every value. */
struct kapi_image_object {
	__u16 type;			/* enum kapi_object_type */
	__u16 impl;			/* enum kapi_object_impl */
	__u32 reserved;			/* 0 */
};

struct kapi_image_lock {
	__u32 name;
	__u32 type;			/* enum kapi_lock_type */
	__u32 scope;			/* enum kapi_lock_scope */
	__u32 description;
};

struct kapi_image_signal {
	struct kapi_image_num32 number;	/* e.g. SIGINT */
	__u32 name;
	__u32 direction;		/* enum kapi_signal_direction bits */
	__u32 action;			/* enum kapi_signal_action */
	__u32 timing;			/* enum kapi_signal_timing */
	__u32 flags;			/* KAPI_SIGNAL_RESTARTABLE, ... */
	__s32 error;			/* -errno returned when it hits, or 0 */
	__u32 target;
	__u32 condition;
	__u32 description;
	__u32 priority;
	__u32 sa_flags_required;
	__u32 sa_flags_forbidden;
	__s32 transform_to;		/* signal number, TRANSFORM only */
	__u32 state_required;		/* enum kapi_signal_state bits */
	__u32 state_forbidden;		/* enum kapi_signal_state bits */
	__u32 queue;			/* queueing behaviour, in words */
};

struct kapi_image_effect {
	__u32 type;			/* enum kapi_side_effect_type bits */
	__u32 flags;			/* KAPI_EFFECT_REVERSIBLE */
	__u32 target;
	__u32 condition;
	__u32 description;
	__u32 reserved;			/* 0 */
};

struct kapi_image_transition {
	__u32 object;
	__u32 from;
	__u32 to;
	__u32 condition;
	__u32 description;
	__u32 reserved;			/* 0 */
};

struct kapi_image_cap {
	struct kapi_image_num32 cap;	/* e.g. CAP_DAC_OVERRIDE */
	__u32 name;
	__u32 action;			/* enum kapi_capability_action */
	__u32 allows;
	__u32 without;
	__u32 condition;
	__u32 priority;
};

struct kapi_image_constraint {
	__u32 name;
	__u32 description;
	__u32 expr;			/* a formal expression, if any */
	__u32 reserved;			/* 0 */
};

/*
 * The generic netlink family
 * ==========================
 *
 * Family KAPI_GENL_NAME, version KAPI_GENL_VERSION, registered by kapi.ko in
 * the initial network namespace. Documentation/netlink/specs/kapi.yaml
 * describes it in the format of the kernel's own families, and
 * Documentation/netlink.rst in words. Every request is validated strictly
 * against its operation's policy: an unknown or malformed attribute fails
 * with EINVAL and an extended ACK message. Requests and replies carry the
 * attributes of enum kapi_genl_attr at the top level.
 *
 * Everything below may only grow: a new attribute, command or enum value
 * bumps nothing (readers skip what they do not know); a change of meaning
 * bumps KAPI_GENL_VERSION (Documentation/abi.rst).
 */

/* Multicast group of the violation events (joining needs CAP_SYS_ADMIN). */
#define KAPI_MCGRP_VIOLATIONS "violations"

/*
 * A spec travels as a spec image of its own that holds just that spec
 * (and the strings it uses), split into KAPI_A_SPEC_IMAGE attributes of at
 * most KAPI_GENL_IMAGE_CHUNK bytes, in order. A spec whose message would be
 * larger than KAPI_GENL_SPEC_MSG_MAX is refused with EMSGSIZE.
 */
#define KAPI_GENL_IMAGE_CHUNK 32768
#define KAPI_GENL_SPEC_MSG_MAX (256U << 10)

enum kapi_genl_cmd {
	KAPI_CMD_UNSPEC,
	KAPI_CMD_GET_SPEC,	/* do: KAPI_A_SPEC_NAME; dump: every spec */
	KAPI_CMD_GET_STATS,	/* do: KAPI_A_SPEC_NAME; dump: every hooked spec */
	KAPI_CMD_GET_STATUS,	/* do: mode, filter, ring, event counters, log */
	KAPI_CMD_SET_MODE,	/* admin: KAPI_A_MODE */
	KAPI_CMD_SET_FILTER,	/* admin: KAPI_A_FILTER, empty to clear */
	KAPI_CMD_RESET_STATS,	/* admin: counters, drop and event counts */
	KAPI_CMD_VIOLATION,	/* event: KAPI_A_VIOLATION, KAPI_A_EVENTS_LOST */
	KAPI_CMD_SET_LOG,	/* admin: KAPI_A_LOG */

	__KAPI_CMD_MAX
};

#define KAPI_CMD_MAX (__KAPI_CMD_MAX - 1)

/* The runtime mode (Documentation/runtime.rst). */
enum kapi_genl_mode {
	KAPI_GENL_MODE_OFF,
	KAPI_GENL_MODE_AUDIT,
	KAPI_GENL_MODE_ENFORCE,
};

/* Attributes at the top level of every message. */
enum kapi_genl_attr {
	KAPI_A_UNSPEC,
	KAPI_A_PAD,
	KAPI_A_SPEC_NAME,		/* string, "sys_read" */
	KAPI_A_SPEC_KIND,		/* u32, enum kapi_api_kind */
	KAPI_A_SPEC_SUMMARY,		/* string, one line, at most 1023 bytes */
	KAPI_A_SPEC_CONTEXT,		/* u32, KAPI_CTX_* bits */
	KAPI_A_SPEC_FLAGS,		/* u32, KAPI_SPEC_* bits */
	KAPI_A_SPEC_PARAMS,		/* u32, number of parameters */
	KAPI_A_SPEC_ERRORS,		/* u32, number of errors */
	KAPI_A_SPEC_OWNER,		/* string, the module that registered it */
	KAPI_A_SPEC_IMAGE_SIZE,		/* u32, bytes of the spec's image */
	KAPI_A_SPEC_IMAGE,		/* binary, a chunk of the image (multi) */
	KAPI_A_STATS,			/* nest, enum kapi_stats_attr */
	KAPI_A_MODE,			/* u32, enum kapi_genl_mode */
	KAPI_A_FILTER,			/* nest, enum kapi_filter_attr */
	KAPI_A_RING_CAPACITY,		/* u32, records the ring holds */
	KAPI_A_RING_RECORDS,		/* u32, records in the ring now */
	KAPI_A_RING_DROPPED,		/* u64, records overwritten (debugfs) */
	KAPI_A_SEQ,			/* u64, sequence number of the last record */
	KAPI_A_EVENTS_SENT,		/* u64, violation events multicast */
	KAPI_A_EVENTS_LOST,		/* u64, records overwritten before sent */
	KAPI_A_EVENTS_FAILED,		/* u64, events a listener could not take */
	KAPI_A_VIOLATION,		/* nest, enum kapi_violation_attr */
	KAPI_A_LOG,			/* u32, 1: violations go to the kernel log too */

	__KAPI_A_MAX
};

#define KAPI_A_MAX (__KAPI_A_MAX - 1)

/* The counters of one hooked spec (KAPI_A_STATS). */
enum kapi_stats_attr {
	KAPI_STATS_A_UNSPEC,
	KAPI_STATS_A_PAD,
	KAPI_STATS_A_CALLS,		/* u64, calls checked */
	KAPI_STATS_A_VIOLATIONS,	/* u64, parameter and context */
	KAPI_STATS_A_RETURN_VIOLATIONS,	/* u64 */
	KAPI_STATS_A_UNDOCUMENTED,	/* u64, errors the spec does not list */
	KAPI_STATS_A_DIVERGENCES,	/* u64 */
	KAPI_STATS_A_ENFORCED,		/* u64, calls failed in enforce mode */
	KAPI_STATS_A_CONTEXT,		/* u64, context violations */
	KAPI_STATS_A_PARAM,		/* nest, enum kapi_param_stats_attr (multi) */
	KAPI_STATS_A_ERRNO,		/* nest, enum kapi_errno_stats_attr (multi) */
	KAPI_STATS_A_ERRNO_OTHER,	/* u64, undocumented errors without a slot */
	KAPI_STATS_A_ERRNO_OTHER_FAILED, /* u64, failed calls without a slot */

	__KAPI_STATS_A_MAX
};

#define KAPI_STATS_A_MAX (__KAPI_STATS_A_MAX - 1)

/* Violations of one checked parameter (KAPI_STATS_A_PARAM). */
enum kapi_param_stats_attr {
	KAPI_PARAM_STATS_A_UNSPEC,
	KAPI_PARAM_STATS_A_PAD,
	KAPI_PARAM_STATS_A_INDEX,	/* u32, position in the spec */
	KAPI_PARAM_STATS_A_NAME,	/* string */
	KAPI_PARAM_STATS_A_RULE,	/* string, the constraint, "range" */
	KAPI_PARAM_STATS_A_VIOLATIONS,	/* u64 */

	__KAPI_PARAM_STATS_A_MAX
};

#define KAPI_PARAM_STATS_A_MAX (__KAPI_PARAM_STATS_A_MAX - 1)

/*
 * One error code that failed calls returned on one kind of object
 * (KAPI_STATS_A_ERRNO): COUNT of them undocumented, FAILED in all; the
 * same code on another kind is another nest.
 */
enum kapi_errno_stats_attr {
	KAPI_ERRNO_STATS_A_UNSPEC,
	KAPI_ERRNO_STATS_A_PAD,
	KAPI_ERRNO_STATS_A_CODE,	/* u32, the positive error number */
	KAPI_ERRNO_STATS_A_NAME,	/* string, "ESRCH", or the number */
	KAPI_ERRNO_STATS_A_COUNT,	/* u64 */
	KAPI_ERRNO_STATS_A_OBJ_TYPE,	/* u32, enum kapi_object_type, 0: unknown */
	KAPI_ERRNO_STATS_A_OBJ_IMPL,	/* u32, enum kapi_object_impl */
	KAPI_ERRNO_STATS_A_FAILED,	/* u64, failed calls, listed errors too */

	__KAPI_ERRNO_STATS_A_MAX
};

#define KAPI_ERRNO_STATS_A_MAX (__KAPI_ERRNO_STATS_A_MAX - 1)

/*
 * The filter (KAPI_A_FILTER): the fields that are set. A task is checked
 * when it matches every one of them; an empty nest is no filter.
 */
enum kapi_filter_attr {
	KAPI_FILTER_A_UNSPEC,
	KAPI_FILTER_A_PID,		/* u32, 1..4194304, the thread ID */
	KAPI_FILTER_A_TGID,		/* u32, 1..4194304, the process ID */
	KAPI_FILTER_A_UID,		/* u32, 0..4294967294, the real user ID */
	KAPI_FILTER_A_COMM,		/* string, 1..15 printable, no space */

	__KAPI_FILTER_A_MAX
};

#define KAPI_FILTER_A_MAX (__KAPI_FILTER_A_MAX - 1)

/* One violation record (KAPI_A_VIOLATION), as runtime/violations shows it. */
enum kapi_violation_attr {
	KAPI_VIOLATION_A_UNSPEC,
	KAPI_VIOLATION_A_PAD,
	KAPI_VIOLATION_A_SEQ,		/* u64, from 1, in the order made */
	KAPI_VIOLATION_A_TS,		/* u64, CLOCK_MONOTONIC ns */
	KAPI_VIOLATION_A_PID,		/* u32 */
	KAPI_VIOLATION_A_TGID,		/* u32 */
	KAPI_VIOLATION_A_UID,		/* u32 */
	KAPI_VIOLATION_A_COMM,		/* string */
	KAPI_VIOLATION_A_SPEC,		/* string, the spec's name */
	KAPI_VIOLATION_A_ARG,		/* u64, one per argument, in order (multi) */
	KAPI_VIOLATION_A_RULE,		/* string, "param:fd:range" */
	KAPI_VIOLATION_A_EXPECTED,	/* string */
	KAPI_VIOLATION_A_ACTUAL,	/* string */
	KAPI_VIOLATION_A_MODE,		/* u32, enum kapi_genl_mode */
	/* Only in records of a failed call (undocumented, divergence): */
	KAPI_VIOLATION_A_OBJ_TYPE,	/* u32, enum kapi_object_type, 0: unknown */
	KAPI_VIOLATION_A_OBJ_IMPL,	/* u32, enum kapi_object_impl */

	__KAPI_VIOLATION_A_MAX
};

#define KAPI_VIOLATION_A_MAX (__KAPI_VIOLATION_A_MAX - 1)

#endif /* _UAPI_LINUX_KAPI_H */

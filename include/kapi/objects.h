/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The names of the object kinds of include/uapi/linux/kapi.h, described once
 * for kapi.ko (reports, views) and libkapi (the spec parser, renderers):
 * KAPI_OBJECT_TYPES calls KAPI_OT(ENUM, name, words) for every enum
 * kapi_object_type value and KAPI_OBJECT_IMPLS calls KAPI_OI(ENUM, name,
 * words) for every enum kapi_object_impl value, both in value order, ANY
 * first. A user defines the macro a list calls, expands the list and
 * undefines the macro again.
 *
 * In a spec a selector is written TYPE, IMPL or TYPE:IMPL (Documentation/
 * spec-language.rst); a report names an object as TYPE:IMPL. Type and
 * implementation names never clash, so a lone name says which one it is.
 */
#ifndef _KAPI_OBJECTS_H
#define _KAPI_OBJECTS_H

#define KAPI_OBJECT_TYPES {						\
	KAPI_OT(ANY, "*", "any type")					\
	KAPI_OT(REG, "reg", "regular file")				\
	KAPI_OT(DIR, "dir", "directory")				\
	KAPI_OT(LNK, "lnk", "symbolic link")				\
	KAPI_OT(FIFO, "fifo", "pipe or FIFO")				\
	KAPI_OT(CHR, "chr", "character device")				\
	KAPI_OT(BLK, "blk", "block device")				\
	KAPI_OT(SOCK, "sock", "socket")					\
	KAPI_OT(ANON, "anon", "anonymous inode")			\
}

#define KAPI_OBJECT_IMPLS {						\
	KAPI_OI(ANY, "*", "any implementation")				\
	KAPI_OI(OTHER, "other", "an implementation without a name here") \
	KAPI_OI(EXT4, "ext4", "ext2, ext3 or ext4 file system")		\
	KAPI_OI(XFS, "xfs", "XFS file system")				\
	KAPI_OI(BTRFS, "btrfs", "Btrfs file system")			\
	KAPI_OI(TMPFS, "tmpfs", "tmpfs (also shmem and memfd files)")	\
	KAPI_OI(RAMFS, "ramfs", "ramfs (also the initramfs rootfs)")	\
	KAPI_OI(PROC, "proc", "procfs")					\
	KAPI_OI(SYSFS, "sysfs", "sysfs")				\
	KAPI_OI(CGROUP2, "cgroup2", "cgroup v2 file system")		\
	KAPI_OI(CGROUP, "cgroup", "cgroup v1 file system")		\
	KAPI_OI(DEVTMPFS, "devtmpfs", "devtmpfs")			\
	KAPI_OI(DEVPTS, "devpts", "devpts")				\
	KAPI_OI(DEBUGFS, "debugfs", "debugfs")				\
	KAPI_OI(TRACEFS, "tracefs", "tracefs")				\
	KAPI_OI(SECURITYFS, "securityfs", "securityfs")			\
	KAPI_OI(BPF_FS, "bpffs", "BPF file system")			\
	KAPI_OI(MQUEUE, "mqueue", "POSIX message queue file system")	\
	KAPI_OI(HUGETLBFS, "hugetlbfs", "hugetlbfs")			\
	KAPI_OI(FUSE, "fuse", "FUSE mount, or /dev/fuse")		\
	KAPI_OI(NFS, "nfs", "NFS mount")				\
	KAPI_OI(OVERLAY, "overlay", "overlayfs")			\
	KAPI_OI(VFAT, "vfat", "FAT file system")			\
	KAPI_OI(ISO9660, "iso9660", "ISO 9660 file system")		\
	KAPI_OI(SQUASHFS, "squashfs", "squashfs")			\
	KAPI_OI(PIPEFS, "pipefs", "pipe(2) pipe")			\
	KAPI_OI(NSFS, "nsfs", "namespace file")				\
	KAPI_OI(CONFIGFS, "configfs", "configfs")			\
	KAPI_OI(EFIVARFS, "efivarfs", "efivarfs")			\
	KAPI_OI(PSTORE, "pstore", "pstore")				\
	KAPI_OI(AUTOFS, "autofs", "autofs")				\
	KAPI_OI(BINFMT_MISC, "binfmt_misc", "binfmt_misc")		\
	KAPI_OI(PIDFS, "pidfs", "pidfd on pidfs (6.9 and later)")	\
	KAPI_OI(TCP, "tcp", "TCP socket (IPv4 or IPv6)")		\
	KAPI_OI(UDP, "udp", "UDP socket (IPv4 or IPv6)")		\
	KAPI_OI(INET_RAW, "inet-raw", "raw IPv4 or IPv6 socket")	\
	KAPI_OI(UNIX_STREAM, "unix-stream", "UNIX stream socket")	\
	KAPI_OI(UNIX_DGRAM, "unix-dgram", "UNIX datagram socket")	\
	KAPI_OI(UNIX_SEQPACKET, "unix-seqpacket", "UNIX seqpacket socket") \
	KAPI_OI(NETLINK, "netlink", "netlink socket")			\
	KAPI_OI(PACKET, "packet", "packet socket")			\
	KAPI_OI(VSOCK, "vsock", "vsock socket")				\
	KAPI_OI(TTY, "tty", "terminal, console or pseudo terminal")	\
	KAPI_OI(MEM, "mem", "memory devices: null, zero, random, ...")	\
	KAPI_OI(KMSG, "kmsg", "/dev/kmsg")				\
	KAPI_OI(MISC, "misc", "misc device")				\
	KAPI_OI(LOOP, "loop", "loop block device")			\
	KAPI_OI(TIMERFD, "timerfd", "timerfd")				\
	KAPI_OI(EVENTFD, "eventfd", "eventfd")				\
	KAPI_OI(SIGNALFD, "signalfd", "signalfd")			\
	KAPI_OI(INOTIFY, "inotify", "inotify instance")			\
	KAPI_OI(FANOTIFY, "fanotify", "fanotify group")			\
	KAPI_OI(EPOLL, "epoll", "epoll instance")			\
	KAPI_OI(PIDFD, "pidfd", "pidfd as an anonymous inode")		\
	KAPI_OI(IO_URING, "io_uring", "io_uring instance")		\
	KAPI_OI(USERFAULTFD, "userfaultfd", "userfaultfd")		\
	KAPI_OI(PERF_EVENT, "perf_event", "perf event")			\
	KAPI_OI(BPF, "bpf", "BPF map, program or link")			\
}

#endif /* _KAPI_OBJECTS_H */

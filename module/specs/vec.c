// SPDX-License-Identifier: GPL-2.0
/*
 * Specifications of the vectored I/O system calls readv, writev, preadv,
 * pwritev, preadv2 and pwritev2, as the Debian 6.1 and 6.12 kernels
 * implement them (x86-64, native entry points). Same conventions as fs.c:
 * each kerneldoc block is one spec in kapi's annotation language, followed
 * by the declaration exactly as include/linux/syscalls.h has it; kapi-gen
 * checks it against both kernels' prototypes. The file is an input to the
 * generator and is not compiled on its own.
 *
 * What the checker verifies before the call: the descriptor (fd), the
 * number of segments (vlen, 0 to UIO_MAXIOV), the position (pos_l, for the
 * p*v calls) and the RWF_* flags (preadv2, pwritev2). Each vec is an array
 * of vlen struct iovec ('struct: iovec' in structs.c, with count-param and
 * max-count on vec): the runtime checks read it before the call and check
 * each segment's length (audit only, each spec says why under vec); a
 * segment's address is not machine-checked, and the total length cannot
 * overflow.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uio.h>

/**
 * sys_readv - read from a file descriptor into several user buffers
 * @fd: descriptor to read from
 * @vec: user array of struct iovec, the segments to fill
 * @vlen: number of elements of vec
 *
 * long-desc: Like read(), but the data goes to vlen segments, each a
 *   struct iovec { iov_base, iov_len }, filled in array order; the return
 *   value is the total number of bytes transferred. The file's
 *   read_iter method sees all segments in one call (files with only a
 *   read method get one call per segment, do_loop_readv_writev()).
 *
 *   The checks run in this order and the first one that fails decides the
 *   result.
 *   The descriptor is looked up (EBADF).
 *   On 6.12 the file must be open for reading (EBADF) and have a
 *   read method (EINVAL), and then the iovec array is copied in
 *   (import_iovec(): vlen above UIO_MAXIOV or an iov_len negative as a
 *   ssize_t give EINVAL, an array or a segment outside user space
 *   EFAULT). On 6.1 the array is copied in before the access mode and
 *   method checks, so its EINVAL and EFAULT win over them. A total
 *   length of 0 ends the call with 0 here: no position check, no
 *   read method, no flags check. Otherwise the total is clamped to
 *   MAX_RW_COUNT (so it never overflows ssize_t; no EINVAL for it),
 *   rw_verify_area() checks position and permission as for
 *   read() (EINVAL, EOVERFLOW, EACCES, EPERM), and the read method runs.
 *   Everything after that, and so most error codes, is as for read():
 *   the file's method decides.
 *
 *   A fault in a segment after some bytes were transferred, or a signal
 *   after some bytes, gives a short count, not an error.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH | KAPI_FD_READ | KAPI_FD_CAN_READ
 *   errno: EBADF
 *   order: 1
 *   cdesc: The descriptor is an unsigned long that fdget() truncates to
 *     unsigned int, so only the low 32 bits name the descriptor. It must
 *     be open, not O_PATH, and opened with O_RDONLY or O_RDWR (EBADF),
 *     and have a read method (EINVAL).
 *
 * param: vec
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   struct: iovec
 *   count-param: vlen
 *   max-count: UIO_MAXIOV
 *   order: 3, audit
 *   cdesc: An array of vlen struct iovec (16 bytes each on x86-64; its
 *     fields are described as data by 'struct: iovec' in structs.c),
 *     read once by import_iovec(). The whole array must lie in user
 *     space and be readable, or the call fails with EFAULT (a vlen of 0
 *     never touches it, so NULL is fine then). Each iov_len, taken as a
 *     ssize_t, must not be negative (EINVAL). Each segment iov_base to
 *     iov_base + iov_len must lie in user space (EFAULT); whether it is
 *     mapped is found out while copying. The total length is clamped to
 *     MAX_RW_COUNT, the last segments cut short, so it cannot overflow:
 *     the EINVAL that POSIX has for an overflowing total never happens
 *     on Linux. Before the call kapi reads the array (at most
 *     UIO_MAXIOV elements, in chunks of 8) and checks each iov_len as
 *     the kernel does: the first negative one predicts EINVAL, an array
 *     it cannot read EFAULT (a segment's iov_base range is not checked).
 *     The rule is audit only: on 6.1 the array is copied before the
 *     access mode checks, on 6.12 after them, and 6.1 copies the whole
 *     array before it looks at a length, so a fault further on wins
 *     over an earlier negative length there.
 *
 * param: vlen
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, UIO_MAXIOV
 *   errno: EINVAL
 *   order: 2
 *   cdesc: At most UIO_MAXIOV (1024) segments; more fail with EINVAL. On
 *     6.12 that check comes after the access mode checks, on 6.1 before
 *     them. A vlen of 0 returns 0 once the descriptor and its access
 *     mode have been checked.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The total number of bytes stored in the segments, at most the
 *     smaller of their total length and MAX_RW_COUNT; 0 for a vlen of 0,
 *     segments of length 0, or at end of file. On failure a negative error
 *     code, and the file position is left unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for reading
 *   trigger: fd=file_accmode3, vec=iov_1, vlen=1, check=pos_unchanged
 *   desc: The descriptor lookup found nothing (never opened, already closed, or
 *     a number above the table size), found an O_PATH descriptor (those cannot
 *     be used for I/O), or found a file opened with O_WRONLY or with the access
 *     mode 3 (no FMODE_READ). This is the first check made.
 *
 * error: EFAULT, the array or a segment is outside user space, or the copy faulted at once
 *   trigger: fd=file_rdonly, vec=iov_unmapped, vlen=1, check=pos_unchanged
 *   desc: The iovec array is outside user space or not readable, or a segment's
 *     address range check failed (see the vec parameter), or the read method
 *     could not store the first byte because the memory is not mapped or not
 *     writable. A fault after some bytes were stored yields a short count
 *     instead.
 *
 * error: EINVAL, too many segments, negative iov_len, no read method, bad position, or size refused
 *   trigger: fd=epoll, vec=iov_1, vlen=1
 *   desc: vlen is above UIO_MAXIOV or an iov_len is negative as a ssize_t
 *     (import_iovec()); the file has no read method (for example an epoll
 *     descriptor); the file position is negative or position + total length
 *     overflows, on a file that does not allow unsigned offsets; an O_DIRECT
 *     read does not meet the alignment the filesystem requires for the
 *     segments' addresses and lengths, or the position; or the read method
 *     refuses the request. Read methods that refuse it: eventfd, timerfd and
 *     signalfd (eventfd_read(); timerfd_read() and signalfd_read() in 6.1,
 *     timerfd_read_iter() and signalfd_read_iter() in 6.12) for a buffer
 *     shorter than one record (8, 8 and 128 bytes); inotify (inotify_read())
 *     for a buffer that cannot hold the next event; /dev/kmsg (devkmsg_read())
 *     for a buffer shorter than the next record; /dev/fuse (fuse_dev_do_read())
 *     for a buffer shorter than FUSE_MIN_READ_BUFFER; a UNIX stream socket that
 *     is not connected (unix_stream_read_generic(): EINVAL, not ENOTCONN);
 *     sysfs binary attributes and drivers that refuse the offset or size.
 *
 * error: EISDIR, fd refers to a directory
 *   trigger: fd=dir, vec=iov_1, vlen=1, check=pos_unchanged
 *   objects: dir, fuse, nfs, overlay, other
 *   desc: Directories are read with getdents64(); their read method (the
 *     generic_read_dir() helper on practically all filesystems) refuses read().
 *     A FUSE server or an NFS server may also answer EISDIR.
 *
 * error: EAGAIN, O_NONBLOCK is set and no data is available yet
 *   trigger: fd=pipe_rd_empty_nonblock, vec=iov_1, vlen=1
 *   desc: Pipes, FIFOs, sockets, terminals, eventfd, timerfd, signalfd,
 *     inotify, /dev/kmsg, /dev/fuse and similar files opened or switched to
 *     non-blocking mode report that the read would block. A socket receive
 *     timeout (SO_RCVTIMEO) that expires also ends in EAGAIN. EWOULDBLOCK is
 *     the same error number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was copied
 *   trigger: fd=pipe_rd_empty, vec=iov_1, vlen=1, setup=alarm
 *   desc: The read method was waiting (for data in a pipe, socket or terminal,
 *     for a lock, for a device, for a FUSE server's answer) and a signal
 *     arrived before any byte was stored; waits that only a fatal signal ends
 *     (killable waits, as in FUSE requests) return it too. Methods that allow a
 *     restart return ERESTARTSYS instead, which reaches user space as EINTR
 *     only when the handler was installed without SA_RESTART.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code. The signal delivery code on the way back to
 *     user space turns it into EINTR, or restarts the system call when the
 *     signal has no handler or its handler uses SA_RESTART, so a program never
 *     sees it; a probe on the system call's return value does. It is also the
 *     return value after SIGTTIN was sent for a background read from the
 *     controlling terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs attributes
 *     (for example those of network devices, which only try to take the RTNL
 *     lock) give up at once when another task holds the lock they need, and the
 *     call starts over on the way back to user space, so a program never sees
 *     it; a probe on the system call's return value does.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: fd=proc_stat_exited, vec=iov_4096, vlen=1
 *   desc: Files under /proc/PID (stat, status, environ, io, ...) look up their
 *     task on every read; once it has exited and been reaped the read fails
 *     with ESRCH, although the open succeeded.
 *
 * error: ENOENT, the object behind a pseudo file is gone
 *   trigger: fd=fdinfo_closed, vec=iov_4096, vlen=1
 *   desc: /proc/PID/fdinfo/N (seq_show() in fs/proc/fd.c) once descriptor N of
 *     the task is closed or the task has exited; a /proc/sys file whose sysctl
 *     table was unregistered (proc_sys_call_handler()); FUSE servers and
 *     drivers that look an object up on every read.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, vec=iov_4096, vlen=1
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed (a
 *     device unplugged, a cgroup deleted) every read through a descriptor
 *     opened before fails with ENODEV (kernfs_file_read_iter(),
 *     kernfs_seq_start()). /dev/fuse fails with it when the connection is gone
 *     (fuse_dev_do_read()), and drivers of unplugged devices return it.
 *
 * error: ENXIO, the NFS server's client behind a /proc/fs/nfsd file is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: /proc/fs/nfsd/clients/N/info looks its NFSv4 client up on every read
 *     (client_info_show() in fs/nfsd/nfs4state.c); once the client is expired
 *     or unmounted the read fails with ENXIO, although the open succeeded.
 *     rpc.mountd reads these files when inotify reports a new client, and meets
 *     it when a client comes and goes quickly. Drivers whose device is not
 *     there return it too.
 *
 * error: EIO, I/O error, or a background read from a terminal that cannot stop
 *   trigger: fd=pty_master_hungup, vec=iov_1, vlen=1
 *   desc: The device or filesystem reported an I/O error (media, network
 *     filesystem, corrupted metadata). For terminals it is also the answer to a
 *     process in a background process group reading its controlling terminal
 *     when SIGTTIN is ignored or blocked or the process group is orphaned, and
 *     to reading a pseudo terminal whose other side is closed. A /proc file
 *     whose entry was removed while open (proc_reg_read_iter()) and
 *     /proc/PID/mem for memory that cannot be read return it too; FUSE returns
 *     it for an inode it marked bad.
 *
 * error: EOVERFLOW, negative position on a file with unsigned offsets
 *   trigger: fd=proc_mem_high, vec=iov_2, vlen=1
 *   desc: Files that use the full unsigned 64-bit offset range (for example
 *     /proc/PID/mem) hold positions above LLONG_MAX, which look negative; a
 *     read whose count reaches past the top of that range fails. Some
 *     filesystems and pseudo files also return it when a value does not fit.
 *
 * error: ENOBUFS, a message does not fit, or a netlink socket lost messages
 *   trigger: fd=netlink_overrun, vec=iov_4096, vlen=1
 *   objects: sock, pipefs, chr, fuse, overlay, other
 *   desc: A notification pipe (watch queue) holding a record longer than count;
 *     the Debian kernels are built without CONFIG_WATCH_QUEUE, so this case
 *     cannot happen there. A netlink socket whose receive queue overflowed
 *     reports ENOBUFS once on the next read (its pending socket error).
 *
 * error: EACCES, a security module refused the read
 *   trigger: fd=udp6_icmp_prohibited, vec=iov_1, vlen=1
 *   desc: The file_permission hook of an LSM (SELinux, AppArmor, ...) checks
 *     every read again, so a policy change or a relabel can refuse a read on a
 *     file that was opened successfully. An IPv6 socket can also hold it as a
 *     pending error (ICMPv6 "administratively prohibited").
 *
 * error: EPERM, a fanotify permission listener or a security module refused it
 *   trigger: fd=proc_sys_root_only, vec=iov_64, vlen=1, setup=nobody
 *   desc: A fanotify group watching the file with FAN_ACCESS_PERM answered
 *     FAN_DENY (which needs CONFIG_FANOTIFY_ACCESS_PERMISSIONS, enabled on the
 *     Debian kernels), or an LSM refused with EPERM. /proc/sys files check the
 *     caller's permission on every read (proc_sys_call_handler()), and
 *     /dev/fuse refuses reads before it is attached to a mount.
 *
 * error: ENODATA, the file has no data to report
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: Returned by read methods that have nothing to show, for example sysfs
 *     attributes whose driver has no value available and cache-backed
 *     filesystems whose data is missing from the cache.
 *
 * error: EOPNOTSUPP, the file does not support reading in this way
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   desc: For example a socket whose protocol has no receive operation, or the
 *     pending error that ICMP source route failed leaves on a TCP or connected
 *     UDP socket.
 *
 * error: ECANCELED, a timerfd armed with TFD_TIMER_CANCEL_ON_SET saw the clock set
 *   trigger: fd=timerfd_canceled, vec=iov_8, vlen=1
 *   objects: timerfd, fuse, overlay, other
 *   desc: A CLOCK_REALTIME or CLOCK_REALTIME_ALARM timerfd armed as an absolute
 *     timer with TFD_TIMER_CANCEL_ON_SET fails every read with ECANCELED after
 *     the clock was set (settimeofday(), clock_settime(), an NTP step), until
 *     it is armed again (timerfd_read() in 6.1, timerfd_read_iter() in 6.12).
 *
 * error: EPIPE, /dev/kmsg records were overwritten, or a socket's pending error
 *   trigger: fd=kmsg_overwritten, vec=iov_8192, vlen=1
 *   objects: kmsg, sock, fuse, overlay, other
 *   desc: /dev/kmsg: the record the reader would read next was overwritten in
 *     the ring buffer before it was read; the read fails once with EPIPE and
 *     the reader continues at the oldest record (devkmsg_read()). No signal is
 *     sent. TCP: a reset that arrives in the CLOSE_WAIT state leaves EPIPE as
 *     the socket's pending error (tcp_reset()).
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=tcp_unconnected, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A connection-oriented socket that has not been connected or is
 *     listening (tcp_recvmsg(); UNIX seqpacket sockets; a UNIX stream socket
 *     gives EINVAL instead). Files of a FUSE mount whose server has exited or
 *     was aborted fail every request with ENOTCONN (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=tcp_reset, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A stream socket whose peer aborted the connection: a TCP reset, or a
 *     UNIX stream or seqpacket peer that was closed without reading everything
 *     sent to it (unix_release_sock()). A UNIX datagram socket gets it when its
 *     peer, connected back to it, connects elsewhere or disconnects while
 *     messages from it were still unread there, which are dropped
 *     (unix_dgram_disconnected()). It is the socket's pending error and is
 *     reported once.
 *
 * error: ECONNREFUSED, a socket's pending error: the peer refused
 *   trigger: fd=tcp_refused, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or write,
 *     and clear it (sock_error()). ECONNREFUSED is left by a TCP reset during
 *     the connection attempt and by an ICMP port unreachable answer to a
 *     connected UDP socket. A FUSE connection whose initialisation failed
 *     refuses every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=fuse_dev_aborted, vec=iov_131072, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by tcp_abort();
 *     /dev/fuse after the connection was aborted through its abort file in the
 *     fusectl file system (fuse_dev_do_read()), when the server asked for
 *     FUSE_ABORT_ERROR in its INIT reply (without it the read fails with
 *     ENODEV).
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with the
 *     softerr option; a driver or block device request that timed out (O_DIRECT
 *     reads see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, a socket's pending error: no route to the host
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host unreachable (and the other host and filter codes)
 *     for TCP and connected UDP sockets (icmp_err_convert[]), or by a failed
 *     neighbour resolution.
 *
 * error: ENETUNREACH, a socket's pending error: the network is unreachable
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP network unreachable for TCP and connected UDP sockets.
 *
 * error: ENETDOWN, a socket's pending error: the network device went down
 *   trigger: fd=packet_dev_down, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Packet sockets bound to a device that went down report it
 *     (packet_notifier()); other families can hold it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, a socket's pending error: the message was too large for the path
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, chr, fuse, overlay, other
 *   desc: An ICMP "fragmentation needed" answer to a datagram that a connected
 *     UDP socket sent with path MTU discovery on leaves EMSGSIZE as its pending
 *     error (__udp4_lib_err()), reported once.
 *
 * error: ENOSPC, the buffer cannot hold the record
 *   trigger: fd=perf_event, vec=iov_1, vlen=1
 *   desc: A perf event descriptor refuses a read shorter than its record
 *     (perf_read(): count below the event's read_size).
 *
 * error: EMFILE, the reader's descriptor table is full
 *   trigger: fd=fanotify_pending, vec=iov_4096, vlen=1, setup=fd_table_full
 *   objects: fanotify, fuse, overlay, other
 *   desc: fanotify: each event read opens a descriptor of the file it is about
 *     (create_fd()); when none is free the read fails with EMFILE.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: fd=fanotify_pending, vec=iov_4096, vlen=1, setup=file_max_reached,
 *     setup=nobody
 *   objects: fanotify, fuse, overlay, other
 *   desc: fanotify: opening the event's file failed at fs.file-max.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they find
 *     inconsistent metadata while reading the file's block map or extents; the
 *     filesystem may also be shut down or remounted read-only as a result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks whose
 *     checksum is wrong while reading the file's block map.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: Read methods that need temporary buffers (seq_file based pseudo
 *     files, sysfs, /proc/sys, sockets, some drivers) can fail this way.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Taken by fdget_pos() as for read(), when the file has atomic
 *     position semantics and the open file description is shared
 *     position semantics and the open file description is shared.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table during the lookup of fd, as for
 *     read().
 *
 * lock: read method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: The same as for read(): pipe->mutex, the inode lock of the
 *     filesystem, the socket lock, a driver's own locks; all released
 *     before the call returns.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The read method sleeps interruptibly
 *   desc: As for read(): with nothing transferred the call fails with
 *     ERESTARTSYS (restarted or turned into EINTR) or EINTR; with some
 *     bytes transferred it returns the partial count.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION
 *   target: file->f_pos
 *   condition: The file keeps a position, and the call succeeded
 *   desc: The position advances by the number of bytes returned.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: queued data, inode access time, fsnotify
 *   condition: Data was read
 *   desc: As for read(): data read from a pipe, socket or terminal is
 *     consumed, atime may change, and an FS_ACCESS event is generated
 *     (also for a total length of 0).
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The read method was called
 *   desc: syscr grows by one and rchar by the bytes transferred.
 *   reversible: no
 *
 * constraint: Segment count
 *   desc: vlen is at most UIO_MAXIOV, or the call fails with EINVAL.
 *   expr: vlen <= UIO_MAXIOV
 *
 * constraint: Transfer size
 *   desc: The result never exceeds the total of the segment lengths nor
 *     MAX_RW_COUNT; larger totals are clamped.
 *   expr: ret <= min(sum(vec[i].iov_len), MAX_RW_COUNT)
 *
 * examples: n = readv(fd, iov, 2);                   // fill iov[0], then iov[1]
 *
 * notes: Differences between 6.1 and 6.12: 6.1 copies the iovec array
 *   in (vfs_readv(), import_iovec()) before it checks the access mode and
 *   the read method (do_iter_read()), so an unmapped array or vlen above
 *   UIO_MAXIOV on a descriptor not open for reading fails with EFAULT or
 *   EINVAL there and with EBADF on 6.12, which checks the file first; both
 *   errors are documented, and kapi's prediction follows 6.12. 6.12 takes
 *   a single segment through import_ubuf(), which clamps its length to
 *   MAX_RW_COUNT before the address check; 6.1 checks the whole length
 *   first (a huge iov_len that is not negative passes on 6.12, fails with
 *   EFAULT on 6.1).
 *
 *   The errors and their objects: lines are those of read() (see fs.c),
 *   with a segment array in place of the buffer; the triggers pass one
 *   segment (the iov_* fixtures).
 */
asmlinkage long sys_readv(unsigned long fd,
			  const struct iovec __user *vec,
			  unsigned long vlen);

/**
 * sys_writev - write several user buffers to a file descriptor
 * @fd: descriptor to write to
 * @vec: user array of struct iovec, the segments to write
 * @vlen: number of elements of vec
 *
 * long-desc: Like write(), but the data comes from vlen segments, each a
 *   struct iovec { iov_base, iov_len }, taken in array order; the return
 *   value is the total number of bytes transferred. The file's
 *   write_iter method sees all segments in one call (files with only a
 *   write method get one call per segment, do_loop_readv_writev()).
 *
 *   The checks run in this order and the first one that fails decides the
 *   result.
 *   The descriptor is looked up (EBADF).
 *   On 6.12 the file must be open for writing (EBADF) and have a
 *   write method (EINVAL), and then the iovec array is copied in
 *   (import_iovec(): vlen above UIO_MAXIOV or an iov_len negative as a
 *   ssize_t give EINVAL, an array or a segment outside user space
 *   EFAULT). On 6.1 the array is copied in before the access mode and
 *   method checks, so its EINVAL and EFAULT win over them. A total
 *   length of 0 ends the call with 0 here: no position check, no
 *   write method, no flags check. Otherwise the total is clamped to
 *   MAX_RW_COUNT (so it never overflows ssize_t; no EINVAL for it),
 *   rw_verify_area() checks position and permission as for
 *   write() (EINVAL, EOVERFLOW, EACCES, EPERM), and the write method runs.
 *   Everything after that, and so most error codes, is as for write():
 *   the file's method decides.
 *
 *   A fault in a segment after some bytes were transferred, or a signal
 *   after some bytes, gives a short count, not an error.
 *   Writes of regular files are serialised against other writers
 *   by the filesystem (usually the inode lock), so one writev() is one
 *   atomic unit with respect to other writes of the same file through
 *   the page cache; pipes keep writes up to PIPE_BUF atomic.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH | KAPI_FD_WRITE | KAPI_FD_CAN_WRITE
 *   errno: EBADF
 *   order: 1
 *   cdesc: The descriptor is an unsigned long that fdget() truncates to
 *     unsigned int, so only the low 32 bits name the descriptor. It must
 *     be open, not O_PATH, and opened with O_WRONLY or O_RDWR (EBADF),
 *     and have a write method (EINVAL).
 *
 * param: vec
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   struct: iovec
 *   count-param: vlen
 *   max-count: UIO_MAXIOV
 *   order: 3, audit
 *   cdesc: An array of vlen struct iovec (16 bytes each on x86-64; its
 *     fields are described as data by 'struct: iovec' in structs.c),
 *     read once by import_iovec(). The whole array must lie in user
 *     space and be readable, or the call fails with EFAULT (a vlen of 0
 *     never touches it, so NULL is fine then). Each iov_len, taken as a
 *     ssize_t, must not be negative (EINVAL). Each segment iov_base to
 *     iov_base + iov_len must lie in user space (EFAULT); whether it is
 *     mapped is found out while copying. The total length is clamped to
 *     MAX_RW_COUNT, the last segments cut short, so it cannot overflow:
 *     the EINVAL that POSIX has for an overflowing total never happens
 *     on Linux. Before the call kapi reads the array (at most
 *     UIO_MAXIOV elements, in chunks of 8) and checks each iov_len as
 *     the kernel does: the first negative one predicts EINVAL, an array
 *     it cannot read EFAULT (a segment's iov_base range is not checked).
 *     The rule is audit only: on 6.1 the array is copied before the
 *     access mode checks, on 6.12 after them, and 6.1 copies the whole
 *     array before it looks at a length, so a fault further on wins
 *     over an earlier negative length there.
 *
 * param: vlen
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, UIO_MAXIOV
 *   errno: EINVAL
 *   order: 2
 *   cdesc: At most UIO_MAXIOV (1024) segments; more fail with EINVAL. On
 *     6.12 that check comes after the access mode checks, on 6.1 before
 *     them. A vlen of 0 returns 0 once the descriptor and its access
 *     mode have been checked.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The total number of bytes written from the segments, at most the
 *     smaller of their total length and MAX_RW_COUNT; 0 for a vlen of 0,
 *     segments of length 0. On failure a negative error
 *     code, and the file position is left unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for writing
 *   trigger: fd=opath, vec=iov_1, vlen=1
 *   desc: The descriptor lookup found nothing (never opened, already closed, or
 *     a number above the table size), found an O_PATH descriptor, or found a
 *     file opened with O_RDONLY or with the access mode 3 (no FMODE_WRITE).
 *     This is the first check made.
 *
 * error: EFAULT, the array or a segment is outside user space, or the copy faulted at once
 *   trigger: fd=file_wronly, vec=iov_kernel_ptr, vlen=1, check=pos_unchanged
 *   desc: The iovec array is outside user space or not readable, or a segment's
 *     address range check failed (see the vec parameter), or the write method
 *     could not read the first byte because the memory is not mapped or not
 *     readable. A fault after some bytes were taken yields a short count
 *     instead.
 *
 * error: EINVAL, too many segments, negative iov_len, no write method, bad position, or refused
 *   trigger: fd=eventfd, vec=iov_1, vlen=1
 *   desc: vlen is above UIO_MAXIOV or an iov_len is negative as a ssize_t
 *     (import_iovec()); the file has no write method; the file position is
 *     negative or position + total length overflows, on a file that does not
 *     allow unsigned offsets; an O_DIRECT write does not meet the alignment the
 *     filesystem requires for the segments' addresses and lengths, or the
 *     position; or the write method refuses the data: eventfd (eventfd_write())
 *     for a buffer shorter than 8 bytes or for the reserved value; /dev/kmsg
 *     (devkmsg_write()) for a record longer than its line limit; /dev/fuse
 *     (fuse_dev_do_write()) for a malformed reply; and sysfs attributes, cgroup
 *     control files (cgroup.procs, cgroup.subtree_control, memory.max, ...) and
 *     /proc/sys files for a value they do not accept, which is the most common
 *     case on an ordinary system.
 *
 * error: EAGAIN, O_NONBLOCK is set and the data cannot be accepted yet
 *   trigger: fd=pipe_wr_full_nonblock, vec=iov_1, vlen=1
 *   desc: A pipe, FIFO, socket, eventfd or terminal in non-blocking mode has no
 *     room. A socket send timeout (SO_SNDTIMEO) that expires also ends in
 *     EAGAIN. Control files use it too: memory.reclaim of a cgroup when it
 *     could not reclaim the amount written (memory_reclaim()), and some sysfs
 *     attributes for an operation that is busy. EWOULDBLOCK is the same error
 *     number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was written
 *   trigger: fd=pipe_wr_full, vec=iov_1, vlen=1, setup=alarm
 *   desc: The write method was waiting (for room in a pipe or socket, for a
 *     device, for a FUSE server's answer) and a signal arrived before any byte
 *     was accepted. Methods that allow a restart return ERESTARTSYS instead.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code, turned into EINTR or a restart of the system
 *     call on the way back to user space, so a program never sees it; a probe
 *     on the system call's return value does. It is also the return value after
 *     SIGTTOU was sent for a background write to the controlling terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs attributes
 *     (for example a device's online file, through lock_device_hotplug_sysfs(),
 *     or network device settings under the RTNL lock) give up at once when
 *     another task holds the lock they need, and the call starts over on the
 *     way back to user space, so a program never sees it; a probe on the system
 *     call's return value does.
 *
 * error: ESRCH, the process a /proc file or a cgroup write names does not exist
 *   trigger: fd=cgroup_procs, vec=iov_absent_pid, vlen=1
 *   desc: Files under /proc/PID that take writes (oom_score_adj, comm,
 *     attr/..., ...) look up their task on every write; once it has exited and
 *     been reaped the write fails with ESRCH. Writing a process or thread ID
 *     that does not exist to cgroup.procs, cgroup.threads or a cgroup v1 tasks
 *     file fails with ESRCH too (cgroup_procs_write_start()).
 *
 * error: EPIPE, the reading side of the pipe or socket is gone
 *   trigger: fd=pipe_wr_no_reader, vec=iov_1, vlen=1, check=sigpipe
 *   objects: fifo, sock, fuse, overlay, other
 *   desc: A pipe or FIFO with no reader left (pipe_write()); a TCP socket that
 *     is not connected, was shut down for writing or whose connection is
 *     closed, with no pending error (tcp_sendmsg_locked(), sk_stream_error());
 *     a UNIX stream socket whose peer is closed or shut down for reading
 *     (unix_stream_sendmsg()); a UNIX datagram or seqpacket socket whose peer
 *     shut down reading (unix_dgram_sendmsg()). Pipes, FIFOs, TCP and UNIX
 *     stream sockets also send SIGPIPE to the calling thread, and return EPIPE
 *     whether that signal is ignored, blocked or handled; UNIX datagram and
 *     seqpacket sockets send no signal.
 *
 * error: EFBIG, the position is at or beyond the file size limit
 *   trigger: fd=file_wronly, vec=iov_1, vlen=1, setup=fsize_zero,
 *     check=pos_unchanged
 *   desc: The position is at or beyond the caller's RLIMIT_FSIZE (SIGXFSZ is
 *     sent too), beyond the filesystem's maximum file size, or beyond
 *     MAX_NON_LFS for a file opened without O_LARGEFILE (possible only for a
 *     descriptor opened by a 32-bit program; the native open() always sets
 *     O_LARGEFILE). A write that merely crosses one of these limits is cut
 *     short at the limit instead. A sysfs binary attribute refuses writes at or
 *     past its size the same way.
 *
 * error: E2BIG, the write is longer than the file accepts at once
 *   trigger: fd=cgroup_procs, vec=iov_8192, vlen=1
 *   objects: cgroup2, cgroup, fuse, overlay, other
 *   desc: cgroup control files take a value in one write of at most a page (or
 *     the file's own limit) and refuse a longer one (kernfs_fop_write_iter(),
 *     atomic_write_len). sysfs attributes instead take at most a page and
 *     return a short count.
 *
 * error: ENOSPC, no space left on the device
 *   trigger: fd=dev_full, vec=iov_1, vlen=1
 *   desc: The filesystem or device has no room for the data; a write that runs
 *     out of space after some data was stored returns the short count. Some
 *     control files (cgroup, sysfs) use it for a table that is full.
 *
 * error: EDQUOT, the disk quota is exhausted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The block quota of the file's owner on the filesystem is used up.
 *
 * error: EIO, I/O error, or a background write to a terminal that cannot stop
 *   trigger: fd=pty_slave_hungup, vec=iov_1, vlen=1
 *   desc: The device or filesystem reported an I/O error, including errors from
 *     the flush of an O_SYNC or O_DSYNC write. For terminals, a process in an
 *     orphaned background process group writing its controlling terminal while
 *     TOSTOP is set gets EIO, and so does a write to a terminal that was hung
 *     up. A /proc file whose entry was removed while open returns it too.
 *
 * error: EPERM, a file seal, a file attribute or a security module forbids it
 *   trigger: fd=memfd_sealed, vec=iov_1, vlen=1
 *   desc: A memfd or shmem file sealed with F_SEAL_WRITE or F_SEAL_FUTURE_WRITE
 *     refuses all writes, and with F_SEAL_GROW refuses writes past its end;
 *     some filesystems refuse writes to a file that became immutable after it
 *     was opened; an LSM may refuse with EPERM. fanotify has no permission
 *     event for writes on these kernels. Also: /proc/sys files check the
 *     caller's permission on every write (proc_sys_call_handler()); on a
 *     cgroup2 mount with nsdelegate, the files of a cgroup namespace's root
 *     cgroup that are not delegated refuse writers from that namespace
 *     (cgroup_file_write()); /dev/fuse refuses writes before it is attached to
 *     a mount; a UNIX datagram socket whose peer is connected to another socket
 *     (unix_dgram_sendmsg()); packets dropped by netfilter or a cgroup BPF
 *     program.
 *
 * error: EOVERFLOW, negative position on a file with unsigned offsets
 *   trigger: fd=proc_mem_high, vec=iov_2, vlen=1
 *   desc: Files that use the full unsigned 64-bit offset range hold positions
 *     above LLONG_MAX, which look negative; a write whose count reaches past
 *     the top of that range fails.
 *
 * error: EDESTADDRREQ, datagram socket without a peer address
 *   trigger: fd=udp_unconnected, vec=iov_1, vlen=1
 *   objects: sock, fuse, overlay, other
 *   desc: write() has no address argument, so a datagram socket such as a UDP
 *     socket must have been connected with connect() first (udp_sendmsg()). An
 *     unconnected UNIX datagram socket gives ENOTCONN instead.
 *
 * error: ETXTBSY, the file is an active swap file
 *   trigger: fd=bdev_swap_active, vec=iov_1, vlen=1
 *   desc: Regular files and block devices in use as swap space refuse writes,
 *     even a write of 0 bytes (generic_write_checks_count(),
 *     blkdev_write_iter()). Writing to a running program's executable is
 *     refused earlier, by open() with write access, not here.
 *
 * error: EXDEV, the pipe is a notification pipe
 *   trigger: none -- the Debian kernels are built without CONFIG_WATCH_QUEUE
 *   desc: Pipes created with O_NOTIFICATION_PIPE (watch queues) cannot be
 *     written with write(). The Debian kernels are built without
 *     CONFIG_WATCH_QUEUE, so this case cannot happen there.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: For example a page for a pipe buffer, socket buffers, or the copy of
 *     a value written to sysfs, /proc/sys or /dev/kmsg.
 *
 * error: ENOBUFS, no buffer space for the outgoing data
 *   trigger: fd=udp_small_sndbuf, vec=iov_60000, vlen=1
 *   desc: Some socket families report a full transmit path this way; a netlink
 *     socket's pending overrun error is reported on writes too.
 *
 * error: EACCES, a security module refused the write
 *   trigger: fd=udp6_icmp_prohibited, vec=iov_1, vlen=1
 *   desc: The file_permission hook of an LSM checks every write again, so a
 *     policy change can refuse a write on a file that was opened successfully.
 *     Also: writing a process to cgroup.procs without write permission on the
 *     common ancestor of its old and new cgroup
 *     (cgroup_procs_write_permission()); a UDP datagram to a broadcast address
 *     without SO_BROADCAST (udp_sendmsg()); an IPv6 pending error (ICMPv6
 *     "administratively prohibited").
 *
 * error: ENOENT, the object behind a pseudo file is gone, or a reply has no request
 *   trigger: fd=fuse_dev, vec=iov_fuse_reply_unknown, vlen=1
 *   desc: A /proc/sys file whose sysctl table was unregistered
 *     (proc_sys_call_handler()); /dev/fuse for a reply whose request is not (or
 *     no longer) pending (fuse_dev_do_write()); sysfs and cgroup files for a
 *     name they do not know.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, vec=iov_1, vlen=1
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed (a
 *     device unplugged, a cgroup deleted) every write through a descriptor
 *     opened before fails with ENODEV (kernfs_fop_write_iter()); cgroup control
 *     files of a cgroup that is being removed; drivers of unplugged devices.
 *
 * error: ENXIO, no such device or address
 *   trigger: fd=packet_unbound, vec=iov_64, vlen=1
 *   desc: A packet socket not bound to a device (packet_snd()); sysfs
 *     attributes and drivers whose device is not there.
 *
 * error: EBUSY, the object is busy
 *   trigger: fd=cgroup_busy_subtree, vec=iov_plus_memory, vlen=1
 *   desc: Control files refuse changes that conflict with the current state:
 *     cgroup.subtree_control and cgroup.procs under the cgroup v2 rules (for
 *     example the no-internal-process rule), cgroup v1 files of an active
 *     hierarchy, sysfs attributes of a device in use.
 *
 * error: ERANGE, a value written is out of range
 *   trigger: fd=cgroup_pids_max, vec=iov_huge_number, vlen=1
 *   desc: sysfs, cgroup and /proc/sys write methods that parse numbers with
 *     kstrto*() return it for a number that does not fit.
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=unix_stream_unconnected, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A UNIX stream, seqpacket or datagram socket that has no peer
 *     (unix_stream_sendmsg(), unix_dgram_sendmsg()); other connection-oriented
 *     families. An unconnected TCP socket gives EPIPE instead. Files of a FUSE
 *     mount whose server has exited or was aborted fail every request with
 *     ENOTCONN (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=tcp_reset, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A TCP connection that was reset (its pending error, reported on the
 *     first write after the reset; later writes fail with EPIPE); a UNIX stream
 *     peer that was closed with unread data; a UNIX datagram socket whose peer
 *     reconnected elsewhere and dropped unread messages from it.
 *
 * error: ECONNREFUSED, the peer refused, or a socket's pending error
 *   trigger: fd=tcp_refused, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or write,
 *     and clear it (sock_error(), also checked by sock_alloc_send_pskb()).
 *     ECONNREFUSED is left by an ICMP port unreachable answer to an earlier
 *     datagram of a connected UDP socket and by a TCP reset during the
 *     connection attempt. A UNIX datagram socket whose connected peer was
 *     closed gets it directly (unix_dgram_sendmsg(); typical for logging to a
 *     restarted journald or syslog socket), and so does a netlink socket that
 *     sends to a port with no listener. A FUSE connection whose initialisation
 *     failed refuses every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=tcp_destroyed, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by tcp_abort().
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with the
 *     softerr option; a driver or block device request that timed out (O_DIRECT
 *     writes see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, no route to the host, or a socket's pending error
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route or a prohibit or
 *     unreachable route (udp_sendmsg()), or ICMP host unreachable left it as
 *     the pending error of a TCP or connected UDP socket.
 *
 * error: ENETUNREACH, the network is unreachable, or a socket's pending error
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route to the network, or ICMP
 *     network unreachable left it as a pending error.
 *
 * error: ENETDOWN, the network device is down
 *   trigger: fd=packet_dev_down, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A packet socket's device is down (packet_snd()), or another family
 *     holds it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=udp_icmp_error, vec=iov_1, vlen=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, the datagram is too large
 *   trigger: fd=udp_loopback, vec=iov_70000, vlen=1
 *   objects: sock, chr, fuse, overlay, other
 *   desc: A datagram socket cannot send count bytes as one message: more than
 *     65507 bytes of UDP payload, more than the send buffer of a UNIX datagram
 *     socket, or more than the path MTU with the don't-fragment setting.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they find
 *     inconsistent metadata while allocating or mapping blocks for the data;
 *     the filesystem may also be shut down or remounted read-only as a result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks whose
 *     checksum is wrong while allocating blocks.
 *
 * error: EROFS, the filesystem became read-only after fd was opened
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 with errors=remount-ro and Btrfs switch to read-only after an
 *     error, and later writes fail with EROFS; an NFS server that exports the
 *     file system read-only refuses the write-back of data written through fd,
 *     reported by a later write.
 *
 * error: ENOTDIR, a FUSE notification names a non-directory
 *   trigger: fd=fuse_dev_served, vec=iov_fuse_notify_delete_in_file, vlen=1
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: an invalidation or delete notification written by the
 *     server names a parent that is not a directory
 *     (fuse_reverse_inval_entry()); a FUSE server's answer.
 *
 * error: ENOTEMPTY, a FUSE delete notification names a non-empty directory
 *   trigger: fd=fuse_dev_served, vec=iov_fuse_notify_delete_tree, vlen=1
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: a FUSE_NOTIFY_DELETE written by the server names a
 *     directory that still has entries (fuse_reverse_inval_entry()); a FUSE
 *     server's answer.
 *
 * error: EOPNOTSUPP, the file does not support writing in this way
 *   trigger: fd=cgroup_thread_root_subtree, vec=iov_plus_memory, vlen=1
 *   desc: For example a socket whose protocol has no send operation, or a
 *     cgroup control file that does not apply to a threaded cgroup.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Taken by fdget_pos() as for write(), when the file has atomic
 *     position semantics and the open file description is shared
 *     position semantics and the open file description is shared.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table during the lookup of fd, as for
 *     write().
 *
 * lock: write method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: The same as for write(): pipe->mutex, the inode lock of the
 *     filesystem, the socket lock, a driver's own locks; all released
 *     before the call returns.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The write method sleeps interruptibly
 *   desc: As for write(): with nothing transferred the call fails with
 *     ERESTARTSYS (restarted or turned into EINTR) or EINTR; with some
 *     bytes transferred it returns the partial count.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * signal: SIGPIPE
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_TERMINATE
 *   condition: The pipe or stream socket has no reader left
 *   desc: Sent to the caller before the call fails with EPIPE, as for
 *     write().
 *   errno: EPIPE
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION
 *   target: file->f_pos
 *   condition: The file keeps a position, and the call succeeded
 *   desc: The position advances by the number of bytes returned.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: file contents and inode times
 *   condition: Bytes were written
 *   desc: As for write(): the data is stored or queued, mtime and ctime
 *     change, setuid and setgid bits may be dropped, and an FS_MODIFY
 *     event is generated.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The write method was called
 *   desc: syscw grows by one and wchar by the bytes transferred.
 *   reversible: no
 *
 * constraint: Segment count
 *   desc: vlen is at most UIO_MAXIOV, or the call fails with EINVAL.
 *   expr: vlen <= UIO_MAXIOV
 *
 * constraint: Transfer size
 *   desc: The result never exceeds the total of the segment lengths nor
 *     MAX_RW_COUNT; larger totals are clamped.
 *   expr: ret <= min(sum(vec[i].iov_len), MAX_RW_COUNT)
 *
 * examples: n = writev(fd, iov, 2);                  // header and body in one call
 *
 * notes: Differences between 6.1 and 6.12: 6.1 copies the iovec array
 *   in (vfs_writev(), import_iovec()) before it checks the access mode and
 *   the write method (do_iter_write()), so an unmapped array or vlen above
 *   UIO_MAXIOV on a descriptor not open for writing fails with EFAULT or
 *   EINVAL there and with EBADF on 6.12, which checks the file first; both
 *   errors are documented, and kapi's prediction follows 6.12. 6.12 takes
 *   a single segment through import_ubuf(), which clamps its length to
 *   MAX_RW_COUNT before the address check; 6.1 checks the whole length
 *   first (a huge iov_len that is not negative passes on 6.12, fails with
 *   EFAULT on 6.1).
 *
 *   The errors and their objects: lines are those of write() (see fs.c),
 *   with a segment array in place of the buffer; the triggers pass one
 *   segment (the iov_* fixtures).
 */
asmlinkage long sys_writev(unsigned long fd,
			   const struct iovec __user *vec,
			   unsigned long vlen);

/**
 * sys_preadv - read at a given position into several user buffers
 * @fd: descriptor to read from
 * @vec: user array of struct iovec, the segments to fill
 * @vlen: number of elements of vec
 * @pos_l: the file position (all 64 bits on x86-64)
 * @pos_h: the high half of the position on 32-bit ABIs; ignored on x86-64
 *
 * long-desc: Like read(), but the data goes to vlen segments, each a
 *   struct iovec { iov_base, iov_len }, filled in array order; the return
 *   value is the total number of bytes transferred. The file's
 *   read_iter method sees all segments in one call (files with only a
 *   read method get one call per segment, do_loop_readv_writev()).
 *   The transfer happens at the position pos_l, not at the file's
 *   position, which is neither used nor changed; the file must allow
 *   positioned I/O (FMODE_PREAD), or the call fails with ESPIPE.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result.
 *   A negative position (below -1 for preadv) fails with EINVAL before
 *   anything else. The descriptor is looked up (EBADF), then for a
 *   The descriptor is looked up (EBADF), then the file must allow positioned I/O (ESPIPE).
 *   On 6.12 the file must be open for reading (EBADF) and have a
 *   read method (EINVAL), and then the iovec array is copied in
 *   (import_iovec(): vlen above UIO_MAXIOV or an iov_len negative as a
 *   ssize_t give EINVAL, an array or a segment outside user space
 *   EFAULT). On 6.1 the array is copied in before the access mode and
 *   method checks, so its EINVAL and EFAULT win over them. A total
 *   length of 0 ends the call with 0 here: no position check, no
 *   read method, no flags check. Otherwise the total is clamped to
 *   MAX_RW_COUNT (so it never overflows ssize_t; no EINVAL for it),
 *   rw_verify_area() checks position and permission as for
 *   read() (EINVAL, EOVERFLOW, EACCES, EPERM), and the read method runs.
 *   Everything after that, and so most error codes, is as for read():
 *   the file's method decides.
 *
 *   A fault in a segment after some bytes were transferred, or a signal
 *   after some bytes, gives a short count, not an error.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH | KAPI_FD_READ | KAPI_FD_CAN_READ
 *   errno: EBADF
 *   order: 2
 *   cdesc: The descriptor is an unsigned long that fdget() truncates to
 *     unsigned int, so only the low 32 bits name the descriptor. It must
 *     be open, not O_PATH, and opened with O_RDONLY or O_RDWR (EBADF),
 *     and have a read method (EINVAL).
 *     Its file must allow positioned I/O (FMODE_PREAD), or the call
 *     fails with ESPIPE; that is text only (the fd constraint has no bit
 *     for it).
 *
 * param: vec
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   struct: iovec
 *   count-param: vlen
 *   max-count: UIO_MAXIOV
 *   order: 4, audit
 *   cdesc: An array of vlen struct iovec (16 bytes each on x86-64; its
 *     fields are described as data by 'struct: iovec' in structs.c),
 *     read once by import_iovec(). The whole array must lie in user
 *     space and be readable, or the call fails with EFAULT (a vlen of 0
 *     never touches it, so NULL is fine then). Each iov_len, taken as a
 *     ssize_t, must not be negative (EINVAL). Each segment iov_base to
 *     iov_base + iov_len must lie in user space (EFAULT); whether it is
 *     mapped is found out while copying. The total length is clamped to
 *     MAX_RW_COUNT, the last segments cut short, so it cannot overflow:
 *     the EINVAL that POSIX has for an overflowing total never happens
 *     on Linux. Before the call kapi reads the array (at most
 *     UIO_MAXIOV elements, in chunks of 8) and checks each iov_len as
 *     the kernel does: the first negative one predicts EINVAL, an array
 *     it cannot read EFAULT (a segment's iov_base range is not checked).
 *     The rule is audit only: on 6.1 the array is copied before the
 *     access mode checks, on 6.12 after them, and 6.1 copies the whole
 *     array before it looks at a length, so a fault further on wins
 *     over an earlier negative length there.
 *
 * param: vlen
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, UIO_MAXIOV
 *   errno: EINVAL
 *   order: 3
 *   cdesc: At most UIO_MAXIOV (1024) segments; more fail with EINVAL. On
 *     6.12 that check comes after the access mode checks, on 6.1 before
 *     them. A vlen of 0 returns 0 once the position, the descriptor and
 *     its access mode have been checked.
 *
 * param: pos_l
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, LLONG_MAX
 *   errno: EINVAL
 *   order: 1
 *   cdesc: On x86-64 the position is pos_l as a loff_t (pos_h is
 *     shifted out: pos_l | (pos_h << 64)). A negative position fails
 *     with EINVAL before the descriptor is looked up.
 *
 * param: pos_h
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Ignored on x86-64 (64-bit longs hold the whole position in
 *     pos_l); every value is accepted.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The total number of bytes stored in the segments, at most the
 *     smaller of their total length and MAX_RW_COUNT; 0 for a vlen of 0,
 *     segments of length 0, or at end of file. On failure a negative error
 *     code, and the file position is left unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for reading
 *   trigger: fd=file_accmode3, vec=iov_1, vlen=1, check=pos_unchanged
 *   desc: The descriptor lookup found nothing (never opened, already closed, or
 *     a number above the table size), found an O_PATH descriptor (those cannot
 *     be used for I/O), or found a file opened with O_WRONLY or with the access
 *     mode 3 (no FMODE_READ). This is the first check made.
 *
 * error: EFAULT, the array or a segment is outside user space, or the copy faulted at once
 *   trigger: fd=file_rdonly, vec=iov_unmapped, vlen=1, check=pos_unchanged
 *   desc: The iovec array is outside user space or not readable, or a segment's
 *     address range check failed (see the vec parameter), or the read method
 *     could not store the first byte because the memory is not mapped or not
 *     writable. A fault after some bytes were stored yields a short count
 *     instead.
 *
 * error: EINVAL, too many segments, negative iov_len, no read method, bad position, or size refused
 *   trigger: fd=file_rdonly, vec=iov_1, vlen=1, pos_l=-1
 *   desc: vlen is above UIO_MAXIOV or an iov_len is negative as a ssize_t
 *     (import_iovec()); pos_l is negative (below -1 for preadv2() and
 *     pwritev2()); the file has no read method (for example an epoll
 *     descriptor); the file position is negative or position + total length
 *     overflows, on a file that does not allow unsigned offsets; an O_DIRECT
 *     read does not meet the alignment the filesystem requires for the
 *     segments' addresses and lengths, or the position; or the read method
 *     refuses the request. Read methods that refuse it: eventfd, timerfd and
 *     signalfd (eventfd_read(); timerfd_read() and signalfd_read() in 6.1,
 *     timerfd_read_iter() and signalfd_read_iter() in 6.12) for a buffer
 *     shorter than one record (8, 8 and 128 bytes); inotify (inotify_read())
 *     for a buffer that cannot hold the next event; /dev/kmsg (devkmsg_read())
 *     for a buffer shorter than the next record; /dev/fuse (fuse_dev_do_read())
 *     for a buffer shorter than FUSE_MIN_READ_BUFFER; a UNIX stream socket that
 *     is not connected (unix_stream_read_generic(): EINVAL, not ENOTCONN);
 *     sysfs binary attributes and drivers that refuse the offset or size.
 *
 * error: EISDIR, fd refers to a directory
 *   trigger: fd=dir, vec=iov_1, vlen=1, check=pos_unchanged
 *   objects: dir, fuse, nfs, overlay, other
 *   desc: Directories are read with getdents64(); their read method (the
 *     generic_read_dir() helper on practically all filesystems) refuses read().
 *     A FUSE server or an NFS server may also answer EISDIR.
 *
 * error: EAGAIN, O_NONBLOCK is set and no data is available yet
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: Pipes, FIFOs, sockets, terminals, eventfd, timerfd, signalfd,
 *     inotify, /dev/kmsg, /dev/fuse and similar files opened or switched to
 *     non-blocking mode report that the read would block. A socket receive
 *     timeout (SO_RCVTIMEO) that expires also ends in EAGAIN. EWOULDBLOCK is
 *     the same error number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was copied
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The read method was waiting (for data in a pipe, socket or terminal,
 *     for a lock, for a device, for a FUSE server's answer) and a signal
 *     arrived before any byte was stored; waits that only a fatal signal ends
 *     (killable waits, as in FUSE requests) return it too. Methods that allow a
 *     restart return ERESTARTSYS instead, which reaches user space as EINTR
 *     only when the handler was installed without SA_RESTART.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code. The signal delivery code on the way back to
 *     user space turns it into EINTR, or restarts the system call when the
 *     signal has no handler or its handler uses SA_RESTART, so a program never
 *     sees it; a probe on the system call's return value does. It is also the
 *     return value after SIGTTIN was sent for a background read from the
 *     controlling terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs attributes
 *     (for example those of network devices, which only try to take the RTNL
 *     lock) give up at once when another task holds the lock they need, and the
 *     call starts over on the way back to user space, so a program never sees
 *     it; a probe on the system call's return value does.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: fd=proc_stat_exited, vec=iov_4096, vlen=1
 *   desc: Files under /proc/PID (stat, status, environ, io, ...) look up their
 *     task on every read; once it has exited and been reaped the read fails
 *     with ESRCH, although the open succeeded.
 *
 * error: ENOENT, the object behind a pseudo file is gone
 *   trigger: fd=fdinfo_closed, vec=iov_4096, vlen=1
 *   desc: /proc/PID/fdinfo/N (seq_show() in fs/proc/fd.c) once descriptor N of
 *     the task is closed or the task has exited; a /proc/sys file whose sysctl
 *     table was unregistered (proc_sys_call_handler()); FUSE servers and
 *     drivers that look an object up on every read.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, vec=iov_4096, vlen=1
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed (a
 *     device unplugged, a cgroup deleted) every read through a descriptor
 *     opened before fails with ENODEV (kernfs_file_read_iter(),
 *     kernfs_seq_start()). /dev/fuse fails with it when the connection is gone
 *     (fuse_dev_do_read()), and drivers of unplugged devices return it.
 *
 * error: ENXIO, the NFS server's client behind a /proc/fs/nfsd file is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: /proc/fs/nfsd/clients/N/info looks its NFSv4 client up on every read
 *     (client_info_show() in fs/nfsd/nfs4state.c); once the client is expired
 *     or unmounted the read fails with ENXIO, although the open succeeded.
 *     rpc.mountd reads these files when inotify reports a new client, and meets
 *     it when a client comes and goes quickly. Drivers whose device is not
 *     there return it too.
 *
 * error: EIO, I/O error, or a background read from a terminal that cannot stop
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The device or filesystem reported an I/O error (media, network
 *     filesystem, corrupted metadata). For terminals it is also the answer to a
 *     process in a background process group reading its controlling terminal
 *     when SIGTTIN is ignored or blocked or the process group is orphaned, and
 *     to reading a pseudo terminal whose other side is closed. A /proc file
 *     whose entry was removed while open (proc_reg_read_iter()) and
 *     /proc/PID/mem for memory that cannot be read return it too; FUSE returns
 *     it for an inode it marked bad.
 *
 * error: EOVERFLOW, the file or filesystem reports a value that does not fit
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The position comes from pos_l and must be at least 0, so the
 *     negative-position case of read() on files with unsigned offsets cannot
 *     arise here; a FUSE server or another filesystem can still return it.
 *
 * error: ENOBUFS, a message does not fit, or a netlink socket lost messages
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: chr, fuse, overlay, other
 *   desc: A notification pipe (watch queue) holding a record longer than count;
 *     the Debian kernels are built without CONFIG_WATCH_QUEUE, so this case
 *     cannot happen there. A netlink socket whose receive queue overflowed
 *     reports ENOBUFS once on the next read (its pending socket error).
 *
 * error: EACCES, a security module refused the read
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The file_permission hook of an LSM (SELinux, AppArmor, ...) checks
 *     every read again, so a policy change or a relabel can refuse a read on a
 *     file that was opened successfully. An IPv6 socket can also hold it as a
 *     pending error (ICMPv6 "administratively prohibited").
 *
 * error: EPERM, a fanotify permission listener or a security module refused it
 *   trigger: fd=proc_sys_root_only, vec=iov_64, vlen=1, setup=nobody
 *   desc: A fanotify group watching the file with FAN_ACCESS_PERM answered
 *     FAN_DENY (which needs CONFIG_FANOTIFY_ACCESS_PERMISSIONS, enabled on the
 *     Debian kernels), or an LSM refused with EPERM. /proc/sys files check the
 *     caller's permission on every read (proc_sys_call_handler()), and
 *     /dev/fuse refuses reads before it is attached to a mount.
 *
 * error: ENODATA, the file has no data to report
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: Returned by read methods that have nothing to show, for example sysfs
 *     attributes whose driver has no value available and cache-backed
 *     filesystems whose data is missing from the cache.
 *
 * error: EOPNOTSUPP, the file does not support reading in this way
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: For example a socket whose protocol has no receive operation, or the
 *     pending error that ICMP source route failed leaves on a TCP or connected
 *     UDP socket.
 *
 * error: ECANCELED, a timerfd armed with TFD_TIMER_CANCEL_ON_SET saw the clock set
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: timerfd, fuse, overlay, other
 *   desc: A CLOCK_REALTIME or CLOCK_REALTIME_ALARM timerfd armed as an absolute
 *     timer with TFD_TIMER_CANCEL_ON_SET fails every read with ECANCELED after
 *     the clock was set (settimeofday(), clock_settime(), an NTP step), until
 *     it is armed again (timerfd_read() in 6.1, timerfd_read_iter() in 6.12).
 *
 * error: EPIPE, /dev/kmsg records were overwritten, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: kmsg, fuse, overlay, other
 *   desc: /dev/kmsg: the record the reader would read next was overwritten in
 *     the ring buffer before it was read; the read fails once with EPIPE and
 *     the reader continues at the oldest record (devkmsg_read()). No signal is
 *     sent. TCP: a reset that arrives in the CLOSE_WAIT state leaves EPIPE as
 *     the socket's pending error (tcp_reset()).
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A connection-oriented socket that has not been connected or is
 *     listening (tcp_recvmsg(); UNIX seqpacket sockets; a UNIX stream socket
 *     gives EINVAL instead). Files of a FUSE mount whose server has exited or
 *     was aborted fail every request with ENOTCONN (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A stream socket whose peer aborted the connection: a TCP reset, or a
 *     UNIX stream or seqpacket peer that was closed without reading everything
 *     sent to it (unix_release_sock()). A UNIX datagram socket gets it when its
 *     peer, connected back to it, connects elsewhere or disconnects while
 *     messages from it were still unread there, which are dropped
 *     (unix_dgram_disconnected()). It is the socket's pending error and is
 *     reported once.
 *
 * error: ECONNREFUSED, a socket's pending error: the peer refused
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or write,
 *     and clear it (sock_error()). ECONNREFUSED is left by a TCP reset during
 *     the connection attempt and by an ICMP port unreachable answer to a
 *     connected UDP socket. A FUSE connection whose initialisation failed
 *     refuses every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=fuse_dev_aborted, vec=iov_131072, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by tcp_abort();
 *     /dev/fuse after the connection was aborted through its abort file in the
 *     fusectl file system (fuse_dev_do_read()), when the server asked for
 *     FUSE_ABORT_ERROR in its INIT reply (without it the read fails with
 *     ENODEV).
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with the
 *     softerr option; a driver or block device request that timed out (O_DIRECT
 *     reads see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, a socket's pending error: no route to the host
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host unreachable (and the other host and filter codes)
 *     for TCP and connected UDP sockets (icmp_err_convert[]), or by a failed
 *     neighbour resolution.
 *
 * error: ENETUNREACH, a socket's pending error: the network is unreachable
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP network unreachable for TCP and connected UDP sockets.
 *
 * error: ENETDOWN, a socket's pending error: the network device went down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Packet sockets bound to a device that went down report it
 *     (packet_notifier()); other families can hold it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, a socket's pending error: the message was too large for the path
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: chr, fuse, overlay, other
 *   desc: An ICMP "fragmentation needed" answer to a datagram that a connected
 *     UDP socket sent with path MTU discovery on leaves EMSGSIZE as its pending
 *     error (__udp4_lib_err()), reported once.
 *
 * error: ENOSPC, the buffer cannot hold the record
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A perf event descriptor refuses a read shorter than its record
 *     (perf_read(): count below the event's read_size).
 *
 * error: EMFILE, the reader's descriptor table is full
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, overlay, other
 *   desc: fanotify: each event read opens a descriptor of the file it is about
 *     (create_fd()); when none is free the read fails with EMFILE.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, overlay, other
 *   desc: fanotify: opening the event's file failed at fs.file-max.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they find
 *     inconsistent metadata while reading the file's block map or extents; the
 *     filesystem may also be shut down or remounted read-only as a result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks whose
 *     checksum is wrong while reading the file's block map.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: Read methods that need temporary buffers (seq_file based pseudo
 *     files, sysfs, /proc/sys, sockets, some drivers) can fail this way.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned I/O
 *   trigger: fd=pipe_rd_empty, vec=iov_1, vlen=1
 *   desc: The file was not opened with FMODE_PREAD (pipes, FIFOs, sockets,
 *     terminals, eventfd, epoll and other anonymous-inode files, and files
 *     whose open method called nonseekable_open() or stream_open()). It is
 *     checked right after the descriptor lookup, before the access mode.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Not taken: preadv() and pwritev() use their own position, not
 *     the file's (fdget(), not fdget_pos()). Listed to say so.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table during the lookup of fd, as for
 *     read().
 *
 * lock: read method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: The same as for read(): pipe->mutex, the inode lock of the
 *     filesystem, the socket lock, a driver's own locks; all released
 *     before the call returns.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The read method sleeps interruptibly
 *   desc: As for read(): with nothing transferred the call fails with
 *     ERESTARTSYS (restarted or turned into EINTR) or EINTR; with some
 *     bytes transferred it returns the partial count.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: queued data, inode access time, fsnotify
 *   condition: Data was read
 *   desc: As for read(): data read from a pipe, socket or terminal is
 *     consumed, atime may change, and an FS_ACCESS event is generated
 *     (also for a total length of 0).
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The read method was called
 *   desc: syscr grows by one and rchar by the bytes transferred.
 *   reversible: no
 *
 * constraint: Segment count
 *   desc: vlen is at most UIO_MAXIOV, or the call fails with EINVAL.
 *   expr: vlen <= UIO_MAXIOV
 *
 * constraint: Transfer size
 *   desc: The result never exceeds the total of the segment lengths nor
 *     MAX_RW_COUNT; larger totals are clamped.
 *   expr: ret <= min(sum(vec[i].iov_len), MAX_RW_COUNT)
 *
 * constraint: Position
 *   desc: The position is not negative; the file
 *     allows positioned I/O.
 *   expr: ((loff_t)pos_l >= 0 && (file->f_mode & FMODE_PREAD))
 *
 * examples: n = preadv(fd, iov, 2, 4096);            // at offset 4096; f_pos unchanged
 *
 * notes: Differences between 6.1 and 6.12: 6.1 copies the iovec array
 *   in (vfs_readv(), import_iovec()) before it checks the access mode and
 *   the read method (do_iter_read()), so an unmapped array or vlen above
 *   UIO_MAXIOV on a descriptor not open for reading fails with EFAULT or
 *   EINVAL there and with EBADF on 6.12, which checks the file first; both
 *   errors are documented, and kapi's prediction follows 6.12. 6.12 takes
 *   a single segment through import_ubuf(), which clamps its length to
 *   MAX_RW_COUNT before the address check; 6.1 checks the whole length
 *   first (a huge iov_len that is not negative passes on 6.12, fails with
 *   EFAULT on 6.1).
 *
 *   The errors and their objects: lines are those of read() (see fs.c),
 *   with a segment array in place of the buffer; the triggers pass one
 *   segment (the iov_* fixtures).
 *   Pipes, sockets, terminals and anonymous-inode files refuse
 *   positioned I/O with ESPIPE before their read method runs, so the errors
 *   that only they give to read() (pending socket errors, EAGAIN of an
 *   empty pipe, ...) reach this call only from files that pass them on,
 *   such as FUSE (which returns its server's error as it is), network
 *   filesystems and overlays; their triggers use a FUSE file.
 */
asmlinkage long sys_preadv(unsigned long fd, const struct iovec __user *vec,
			   unsigned long vlen, unsigned long pos_l, unsigned long pos_h);

/**
 * sys_pwritev - write several user buffers at a given position
 * @fd: descriptor to write to
 * @vec: user array of struct iovec, the segments to write
 * @vlen: number of elements of vec
 * @pos_l: the file position (all 64 bits on x86-64)
 * @pos_h: the high half of the position on 32-bit ABIs; ignored on x86-64
 *
 * long-desc: Like write(), but the data comes from vlen segments, each a
 *   struct iovec { iov_base, iov_len }, taken in array order; the return
 *   value is the total number of bytes transferred. The file's
 *   write_iter method sees all segments in one call (files with only a
 *   write method get one call per segment, do_loop_readv_writev()).
 *   The transfer happens at the position pos_l, not at the file's
 *   position, which is neither used nor changed; the file must allow
 *   positioned I/O (FMODE_PWRITE), or the call fails with ESPIPE.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result.
 *   A negative position (below -1 for pwritev) fails with EINVAL before
 *   anything else. The descriptor is looked up (EBADF), then for a
 *   The descriptor is looked up (EBADF), then the file must allow positioned I/O (ESPIPE).
 *   On 6.12 the file must be open for writing (EBADF) and have a
 *   write method (EINVAL), and then the iovec array is copied in
 *   (import_iovec(): vlen above UIO_MAXIOV or an iov_len negative as a
 *   ssize_t give EINVAL, an array or a segment outside user space
 *   EFAULT). On 6.1 the array is copied in before the access mode and
 *   method checks, so its EINVAL and EFAULT win over them. A total
 *   length of 0 ends the call with 0 here: no position check, no
 *   write method, no flags check. Otherwise the total is clamped to
 *   MAX_RW_COUNT (so it never overflows ssize_t; no EINVAL for it),
 *   rw_verify_area() checks position and permission as for
 *   write() (EINVAL, EOVERFLOW, EACCES, EPERM), and the write method runs.
 *   Everything after that, and so most error codes, is as for write():
 *   the file's method decides.
 *
 *   A fault in a segment after some bytes were transferred, or a signal
 *   after some bytes, gives a short count, not an error.
 *   Writes of regular files are serialised against other writers
 *   by the filesystem (usually the inode lock), so one writev() is one
 *   atomic unit with respect to other writes of the same file through
 *   the page cache; pipes keep writes up to PIPE_BUF atomic.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH | KAPI_FD_WRITE | KAPI_FD_CAN_WRITE
 *   errno: EBADF
 *   order: 2
 *   cdesc: The descriptor is an unsigned long that fdget() truncates to
 *     unsigned int, so only the low 32 bits name the descriptor. It must
 *     be open, not O_PATH, and opened with O_WRONLY or O_RDWR (EBADF),
 *     and have a write method (EINVAL).
 *     Its file must allow positioned I/O (FMODE_PWRITE), or the call
 *     fails with ESPIPE; that is text only (the fd constraint has no bit
 *     for it).
 *
 * param: vec
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   struct: iovec
 *   count-param: vlen
 *   max-count: UIO_MAXIOV
 *   order: 4, audit
 *   cdesc: An array of vlen struct iovec (16 bytes each on x86-64; its
 *     fields are described as data by 'struct: iovec' in structs.c),
 *     read once by import_iovec(). The whole array must lie in user
 *     space and be readable, or the call fails with EFAULT (a vlen of 0
 *     never touches it, so NULL is fine then). Each iov_len, taken as a
 *     ssize_t, must not be negative (EINVAL). Each segment iov_base to
 *     iov_base + iov_len must lie in user space (EFAULT); whether it is
 *     mapped is found out while copying. The total length is clamped to
 *     MAX_RW_COUNT, the last segments cut short, so it cannot overflow:
 *     the EINVAL that POSIX has for an overflowing total never happens
 *     on Linux. Before the call kapi reads the array (at most
 *     UIO_MAXIOV elements, in chunks of 8) and checks each iov_len as
 *     the kernel does: the first negative one predicts EINVAL, an array
 *     it cannot read EFAULT (a segment's iov_base range is not checked).
 *     The rule is audit only: on 6.1 the array is copied before the
 *     access mode checks, on 6.12 after them, and 6.1 copies the whole
 *     array before it looks at a length, so a fault further on wins
 *     over an earlier negative length there.
 *
 * param: vlen
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, UIO_MAXIOV
 *   errno: EINVAL
 *   order: 3
 *   cdesc: At most UIO_MAXIOV (1024) segments; more fail with EINVAL. On
 *     6.12 that check comes after the access mode checks, on 6.1 before
 *     them. A vlen of 0 returns 0 once the position, the descriptor and
 *     its access mode have been checked.
 *
 * param: pos_l
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, LLONG_MAX
 *   errno: EINVAL
 *   order: 1
 *   cdesc: On x86-64 the position is pos_l as a loff_t (pos_h is
 *     shifted out: pos_l | (pos_h << 64)). A negative position fails
 *     with EINVAL before the descriptor is looked up.
 *
 * param: pos_h
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Ignored on x86-64 (64-bit longs hold the whole position in
 *     pos_l); every value is accepted.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The total number of bytes written from the segments, at most the
 *     smaller of their total length and MAX_RW_COUNT; 0 for a vlen of 0,
 *     segments of length 0. On failure a negative error
 *     code, and the file position is left unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for writing
 *   trigger: fd=opath, vec=iov_1, vlen=1
 *   desc: The descriptor lookup found nothing (never opened, already closed, or
 *     a number above the table size), found an O_PATH descriptor, or found a
 *     file opened with O_RDONLY or with the access mode 3 (no FMODE_WRITE).
 *     This is the first check made.
 *
 * error: EFAULT, the array or a segment is outside user space, or the copy faulted at once
 *   trigger: fd=file_wronly, vec=iov_kernel_ptr, vlen=1, check=pos_unchanged
 *   desc: The iovec array is outside user space or not readable, or a segment's
 *     address range check failed (see the vec parameter), or the write method
 *     could not read the first byte because the memory is not mapped or not
 *     readable. A fault after some bytes were taken yields a short count
 *     instead.
 *
 * error: EINVAL, too many segments, negative iov_len, no write method, bad position, or refused
 *   trigger: fd=file_wronly, vec=iov_1, vlen=1, pos_l=-1
 *   desc: vlen is above UIO_MAXIOV or an iov_len is negative as a ssize_t
 *     (import_iovec()); pos_l is negative (below -1 for preadv2() and
 *     pwritev2()); the file has no write method; the file position is negative
 *     or position + total length overflows, on a file that does not allow
 *     unsigned offsets; an O_DIRECT write does not meet the alignment the
 *     filesystem requires for the segments' addresses and lengths, or the
 *     position; or the write method refuses the data: eventfd (eventfd_write())
 *     for a buffer shorter than 8 bytes or for the reserved value; /dev/kmsg
 *     (devkmsg_write()) for a record longer than its line limit; /dev/fuse
 *     (fuse_dev_do_write()) for a malformed reply; and sysfs attributes, cgroup
 *     control files (cgroup.procs, cgroup.subtree_control, memory.max, ...) and
 *     /proc/sys files for a value they do not accept, which is the most common
 *     case on an ordinary system.
 *
 * error: EAGAIN, O_NONBLOCK is set and the data cannot be accepted yet
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A pipe, FIFO, socket, eventfd or terminal in non-blocking mode has no
 *     room. A socket send timeout (SO_SNDTIMEO) that expires also ends in
 *     EAGAIN. Control files use it too: memory.reclaim of a cgroup when it
 *     could not reclaim the amount written (memory_reclaim()), and some sysfs
 *     attributes for an operation that is busy. EWOULDBLOCK is the same error
 *     number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was written
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The write method was waiting (for room in a pipe or socket, for a
 *     device, for a FUSE server's answer) and a signal arrived before any byte
 *     was accepted. Methods that allow a restart return ERESTARTSYS instead.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code, turned into EINTR or a restart of the system
 *     call on the way back to user space, so a program never sees it; a probe
 *     on the system call's return value does. It is also the return value after
 *     SIGTTOU was sent for a background write to the controlling terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs attributes
 *     (for example a device's online file, through lock_device_hotplug_sysfs(),
 *     or network device settings under the RTNL lock) give up at once when
 *     another task holds the lock they need, and the call starts over on the
 *     way back to user space, so a program never sees it; a probe on the system
 *     call's return value does.
 *
 * error: ESRCH, the process a /proc file or a cgroup write names does not exist
 *   trigger: fd=cgroup_procs, vec=iov_absent_pid, vlen=1
 *   desc: Files under /proc/PID that take writes (oom_score_adj, comm,
 *     attr/..., ...) look up their task on every write; once it has exited and
 *     been reaped the write fails with ESRCH. Writing a process or thread ID
 *     that does not exist to cgroup.procs, cgroup.threads or a cgroup v1 tasks
 *     file fails with ESRCH too (cgroup_procs_write_start()).
 *
 * error: EPIPE, the reading side of the pipe or socket is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fifo, fuse, overlay, other
 *   desc: A pipe or FIFO with no reader left (pipe_write()); a TCP socket that
 *     is not connected, was shut down for writing or whose connection is
 *     closed, with no pending error (tcp_sendmsg_locked(), sk_stream_error());
 *     a UNIX stream socket whose peer is closed or shut down for reading
 *     (unix_stream_sendmsg()); a UNIX datagram or seqpacket socket whose peer
 *     shut down reading (unix_dgram_sendmsg()). Pipes, FIFOs, TCP and UNIX
 *     stream sockets also send SIGPIPE to the calling thread, and return EPIPE
 *     whether that signal is ignored, blocked or handled; UNIX datagram and
 *     seqpacket sockets send no signal.
 *
 * error: EFBIG, the position is at or beyond the file size limit
 *   trigger: fd=file_wronly, vec=iov_1, vlen=1, setup=fsize_zero,
 *     check=pos_unchanged
 *   desc: The position is at or beyond the caller's RLIMIT_FSIZE (SIGXFSZ is
 *     sent too), beyond the filesystem's maximum file size, or beyond
 *     MAX_NON_LFS for a file opened without O_LARGEFILE (possible only for a
 *     descriptor opened by a 32-bit program; the native open() always sets
 *     O_LARGEFILE). A write that merely crosses one of these limits is cut
 *     short at the limit instead. A sysfs binary attribute refuses writes at or
 *     past its size the same way.
 *
 * error: E2BIG, the write is longer than the file accepts at once
 *   trigger: fd=cgroup_procs, vec=iov_8192, vlen=1
 *   objects: cgroup2, cgroup, fuse, overlay, other
 *   desc: cgroup control files take a value in one write of at most a page (or
 *     the file's own limit) and refuse a longer one (kernfs_fop_write_iter(),
 *     atomic_write_len). sysfs attributes instead take at most a page and
 *     return a short count.
 *
 * error: ENOSPC, no space left on the device
 *   trigger: fd=dev_full, vec=iov_1, vlen=1
 *   desc: The filesystem or device has no room for the data; a write that runs
 *     out of space after some data was stored returns the short count. Some
 *     control files (cgroup, sysfs) use it for a table that is full.
 *
 * error: EDQUOT, the disk quota is exhausted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The block quota of the file's owner on the filesystem is used up.
 *
 * error: EIO, I/O error, or a background write to a terminal that cannot stop
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The device or filesystem reported an I/O error, including errors from
 *     the flush of an O_SYNC or O_DSYNC write. For terminals, a process in an
 *     orphaned background process group writing its controlling terminal while
 *     TOSTOP is set gets EIO, and so does a write to a terminal that was hung
 *     up. A /proc file whose entry was removed while open returns it too.
 *
 * error: EPERM, a file seal, a file attribute or a security module forbids it
 *   trigger: fd=memfd_sealed, vec=iov_1, vlen=1
 *   desc: A memfd or shmem file sealed with F_SEAL_WRITE or F_SEAL_FUTURE_WRITE
 *     refuses all writes, and with F_SEAL_GROW refuses writes past its end;
 *     some filesystems refuse writes to a file that became immutable after it
 *     was opened; an LSM may refuse with EPERM. fanotify has no permission
 *     event for writes on these kernels. Also: /proc/sys files check the
 *     caller's permission on every write (proc_sys_call_handler()); on a
 *     cgroup2 mount with nsdelegate, the files of a cgroup namespace's root
 *     cgroup that are not delegated refuse writers from that namespace
 *     (cgroup_file_write()); /dev/fuse refuses writes before it is attached to
 *     a mount; a UNIX datagram socket whose peer is connected to another socket
 *     (unix_dgram_sendmsg()); packets dropped by netfilter or a cgroup BPF
 *     program.
 *
 * error: EOVERFLOW, the file or filesystem reports a value that does not fit
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The position comes from pos_l and must be at least 0, so the
 *     negative-position case of write() on files with unsigned offsets cannot
 *     arise here; a FUSE server or another filesystem can still return it.
 *
 * error: EDESTADDRREQ, datagram socket without a peer address
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, overlay, other
 *   desc: write() has no address argument, so a datagram socket such as a UDP
 *     socket must have been connected with connect() first (udp_sendmsg()). An
 *     unconnected UNIX datagram socket gives ENOTCONN instead.
 *
 * error: ETXTBSY, the file is an active swap file
 *   trigger: fd=bdev_swap_active, vec=iov_1, vlen=1
 *   desc: Regular files and block devices in use as swap space refuse writes,
 *     even a write of 0 bytes (generic_write_checks_count(),
 *     blkdev_write_iter()). Writing to a running program's executable is
 *     refused earlier, by open() with write access, not here.
 *
 * error: EXDEV, the pipe is a notification pipe
 *   trigger: none -- the Debian kernels are built without CONFIG_WATCH_QUEUE
 *   desc: Pipes created with O_NOTIFICATION_PIPE (watch queues) cannot be
 *     written with write(). The Debian kernels are built without
 *     CONFIG_WATCH_QUEUE, so this case cannot happen there.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: For example a page for a pipe buffer, socket buffers, or the copy of
 *     a value written to sysfs, /proc/sys or /dev/kmsg.
 *
 * error: ENOBUFS, no buffer space for the outgoing data
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: Some socket families report a full transmit path this way; a netlink
 *     socket's pending overrun error is reported on writes too.
 *
 * error: EACCES, a security module refused the write
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The file_permission hook of an LSM checks every write again, so a
 *     policy change can refuse a write on a file that was opened successfully.
 *     Also: writing a process to cgroup.procs without write permission on the
 *     common ancestor of its old and new cgroup
 *     (cgroup_procs_write_permission()); a UDP datagram to a broadcast address
 *     without SO_BROADCAST (udp_sendmsg()); an IPv6 pending error (ICMPv6
 *     "administratively prohibited").
 *
 * error: ENOENT, the object behind a pseudo file is gone, or a reply has no request
 *   trigger: fd=fuse_dev, vec=iov_fuse_reply_unknown, vlen=1
 *   desc: A /proc/sys file whose sysctl table was unregistered
 *     (proc_sys_call_handler()); /dev/fuse for a reply whose request is not (or
 *     no longer) pending (fuse_dev_do_write()); sysfs and cgroup files for a
 *     name they do not know.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, vec=iov_1, vlen=1
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed (a
 *     device unplugged, a cgroup deleted) every write through a descriptor
 *     opened before fails with ENODEV (kernfs_fop_write_iter()); cgroup control
 *     files of a cgroup that is being removed; drivers of unplugged devices.
 *
 * error: ENXIO, no such device or address
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A packet socket not bound to a device (packet_snd()); sysfs
 *     attributes and drivers whose device is not there.
 *
 * error: EBUSY, the object is busy
 *   trigger: fd=cgroup_busy_subtree, vec=iov_plus_memory, vlen=1
 *   desc: Control files refuse changes that conflict with the current state:
 *     cgroup.subtree_control and cgroup.procs under the cgroup v2 rules (for
 *     example the no-internal-process rule), cgroup v1 files of an active
 *     hierarchy, sysfs attributes of a device in use.
 *
 * error: ERANGE, a value written is out of range
 *   trigger: fd=cgroup_pids_max, vec=iov_huge_number, vlen=1
 *   desc: sysfs, cgroup and /proc/sys write methods that parse numbers with
 *     kstrto*() return it for a number that does not fit.
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A UNIX stream, seqpacket or datagram socket that has no peer
 *     (unix_stream_sendmsg(), unix_dgram_sendmsg()); other connection-oriented
 *     families. An unconnected TCP socket gives EPIPE instead. Files of a FUSE
 *     mount whose server has exited or was aborted fail every request with
 *     ENOTCONN (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A TCP connection that was reset (its pending error, reported on the
 *     first write after the reset; later writes fail with EPIPE); a UNIX stream
 *     peer that was closed with unread data; a UNIX datagram socket whose peer
 *     reconnected elsewhere and dropped unread messages from it.
 *
 * error: ECONNREFUSED, the peer refused, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or write,
 *     and clear it (sock_error(), also checked by sock_alloc_send_pskb()).
 *     ECONNREFUSED is left by an ICMP port unreachable answer to an earlier
 *     datagram of a connected UDP socket and by a TCP reset during the
 *     connection attempt. A UNIX datagram socket whose connected peer was
 *     closed gets it directly (unix_dgram_sendmsg(); typical for logging to a
 *     restarted journald or syslog socket), and so does a netlink socket that
 *     sends to a port with no listener. A FUSE connection whose initialisation
 *     failed refuses every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by tcp_abort().
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with the
 *     softerr option; a driver or block device request that timed out (O_DIRECT
 *     writes see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, no route to the host, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route or a prohibit or
 *     unreachable route (udp_sendmsg()), or ICMP host unreachable left it as
 *     the pending error of a TCP or connected UDP socket.
 *
 * error: ENETUNREACH, the network is unreachable, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route to the network, or ICMP
 *     network unreachable left it as a pending error.
 *
 * error: ENETDOWN, the network device is down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A packet socket's device is down (packet_snd()), or another family
 *     holds it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, the datagram is too large
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: chr, fuse, overlay, other
 *   desc: A datagram socket cannot send count bytes as one message: more than
 *     65507 bytes of UDP payload, more than the send buffer of a UNIX datagram
 *     socket, or more than the path MTU with the don't-fragment setting.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they find
 *     inconsistent metadata while allocating or mapping blocks for the data;
 *     the filesystem may also be shut down or remounted read-only as a result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks whose
 *     checksum is wrong while allocating blocks.
 *
 * error: EROFS, the filesystem became read-only after fd was opened
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 with errors=remount-ro and Btrfs switch to read-only after an
 *     error, and later writes fail with EROFS; an NFS server that exports the
 *     file system read-only refuses the write-back of data written through fd,
 *     reported by a later write.
 *
 * error: ENOTDIR, a FUSE notification names a non-directory
 *   trigger: fd=fuse_dev_served, vec=iov_fuse_notify_delete_in_file, vlen=1
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: an invalidation or delete notification written by the
 *     server names a parent that is not a directory
 *     (fuse_reverse_inval_entry()); a FUSE server's answer.
 *
 * error: ENOTEMPTY, a FUSE delete notification names a non-empty directory
 *   trigger: fd=fuse_dev_served, vec=iov_fuse_notify_delete_tree, vlen=1
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: a FUSE_NOTIFY_DELETE written by the server names a
 *     directory that still has entries (fuse_reverse_inval_entry()); a FUSE
 *     server's answer.
 *
 * error: EOPNOTSUPP, the file does not support writing in this way
 *   trigger: fd=cgroup_thread_root_subtree, vec=iov_plus_memory, vlen=1
 *   desc: For example a socket whose protocol has no send operation, or a
 *     cgroup control file that does not apply to a threaded cgroup.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned I/O
 *   trigger: fd=pipe_wr_full_nonblock, vec=iov_1, vlen=1
 *   desc: The file was not opened with FMODE_PWRITE (pipes, FIFOs, sockets,
 *     terminals, eventfd, epoll and other anonymous-inode files, and files
 *     whose open method called nonseekable_open() or stream_open()). It is
 *     checked right after the descriptor lookup, before the access mode.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Not taken: preadv() and pwritev() use their own position, not
 *     the file's (fdget(), not fdget_pos()). Listed to say so.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table during the lookup of fd, as for
 *     write().
 *
 * lock: write method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: The same as for write(): pipe->mutex, the inode lock of the
 *     filesystem, the socket lock, a driver's own locks; all released
 *     before the call returns.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The write method sleeps interruptibly
 *   desc: As for write(): with nothing transferred the call fails with
 *     ERESTARTSYS (restarted or turned into EINTR) or EINTR; with some
 *     bytes transferred it returns the partial count.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * signal: SIGPIPE
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_TERMINATE
 *   condition: The pipe or stream socket has no reader left
 *   desc: Sent to the caller before the call fails with EPIPE, as for
 *     write(). Pipes and sockets refuse positioned writes, so with a
 *     position pwritev() never gets that far.
 *   errno: EPIPE
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: file contents and inode times
 *   condition: Bytes were written
 *   desc: As for write(): the data is stored or queued, mtime and ctime
 *     change, setuid and setgid bits may be dropped, and an FS_MODIFY
 *     event is generated.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The write method was called
 *   desc: syscw grows by one and wchar by the bytes transferred.
 *   reversible: no
 *
 * constraint: Segment count
 *   desc: vlen is at most UIO_MAXIOV, or the call fails with EINVAL.
 *   expr: vlen <= UIO_MAXIOV
 *
 * constraint: Transfer size
 *   desc: The result never exceeds the total of the segment lengths nor
 *     MAX_RW_COUNT; larger totals are clamped.
 *   expr: ret <= min(sum(vec[i].iov_len), MAX_RW_COUNT)
 *
 * constraint: Position
 *   desc: The position is not negative; the file
 *     allows positioned I/O.
 *   expr: ((loff_t)pos_l >= 0 && (file->f_mode & FMODE_PWRITE))
 *
 * examples: n = pwritev(fd, iov, 2, 0);              // at offset 0; f_pos unchanged
 *
 * notes: Differences between 6.1 and 6.12: 6.1 copies the iovec array
 *   in (vfs_writev(), import_iovec()) before it checks the access mode and
 *   the write method (do_iter_write()), so an unmapped array or vlen above
 *   UIO_MAXIOV on a descriptor not open for writing fails with EFAULT or
 *   EINVAL there and with EBADF on 6.12, which checks the file first; both
 *   errors are documented, and kapi's prediction follows 6.12. 6.12 takes
 *   a single segment through import_ubuf(), which clamps its length to
 *   MAX_RW_COUNT before the address check; 6.1 checks the whole length
 *   first (a huge iov_len that is not negative passes on 6.12, fails with
 *   EFAULT on 6.1).
 *
 *   The errors and their objects: lines are those of write() (see fs.c),
 *   with a segment array in place of the buffer; the triggers pass one
 *   segment (the iov_* fixtures).
 *   Pipes, sockets, terminals and anonymous-inode files refuse
 *   positioned I/O with ESPIPE before their write method runs, so the errors
 *   that only they give to write() (pending socket errors, EAGAIN of an
 *   empty pipe, ...) reach this call only from files that pass them on,
 *   such as FUSE (which returns its server's error as it is), network
 *   filesystems and overlays; their triggers use a FUSE file.
 */
asmlinkage long sys_pwritev(unsigned long fd, const struct iovec __user *vec,
			    unsigned long vlen, unsigned long pos_l, unsigned long pos_h);

/**
 * sys_preadv2 - read into several user buffers, with a position and flags
 * @fd: descriptor to read from
 * @vec: user array of struct iovec, the segments to fill
 * @vlen: number of elements of vec
 * @pos_l: the file position (all 64 bits on x86-64)
 * @pos_h: the high half of the position on 32-bit ABIs; ignored on x86-64
 * @flags: RWF_* flags for this call
 *
 * long-desc: Like read(), but the data goes to vlen segments, each a
 *   struct iovec { iov_base, iov_len }, filled in array order; the return
 *   value is the total number of bytes transferred. The file's
 *   read_iter method sees all segments in one call (files with only a
 *   read method get one call per segment, do_loop_readv_writev()).
 *   The transfer happens at the position pos_l, not at the file's
 *   position, which is neither used nor changed; the file must allow
 *   positioned I/O (FMODE_PREAD), or the call fails with ESPIPE.
 *   A pos_l of -1 means the file's current position, which then
 *   advances as with readv() (and the file needs no positioned I/O);
 *   flags holds RWF_* bits that apply to this call only.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result.
 *   A negative position (below -1 for preadv2) fails with EINVAL before
 *   anything else. The descriptor is looked up (EBADF), then for a
 *   position other than -1 the file must allow positioned I/O (ESPIPE).
 *   On 6.12 the file must be open for reading (EBADF) and have a
 *   read method (EINVAL), and then the iovec array is copied in
 *   (import_iovec(): vlen above UIO_MAXIOV or an iov_len negative as a
 *   ssize_t give EINVAL, an array or a segment outside user space
 *   EFAULT). On 6.1 the array is copied in before the access mode and
 *   method checks, so its EINVAL and EFAULT win over them. A total
 *   length of 0 ends the call with 0 here: no position check, no
 *   read method, no flags check. Otherwise the total is clamped to
 *   MAX_RW_COUNT (so it never overflows ssize_t; no EINVAL for it),
 *   rw_verify_area() checks position and permission as for
 *   read() (EINVAL, EOVERFLOW, EACCES, EPERM), and the read method runs.
 *   Everything after that, and so most error codes, is as for read():
 *   the file's method decides.
 *
 *   A fault in a segment after some bytes were transferred, or a signal
 *   after some bytes, gives a short count, not an error.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH | KAPI_FD_READ | KAPI_FD_CAN_READ
 *   errno: EBADF
 *   order: 2
 *   cdesc: The descriptor is an unsigned long that fdget() truncates to
 *     unsigned int, so only the low 32 bits name the descriptor. It must
 *     be open, not O_PATH, and opened with O_RDONLY or O_RDWR (EBADF),
 *     and have a read method (EINVAL).
 *     Its file must allow positioned I/O (FMODE_PREAD), or the call
 *     fails with ESPIPE; that is text only (the fd constraint has no bit
 *     for it).
 *
 * param: vec
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   struct: iovec
 *   count-param: vlen
 *   max-count: UIO_MAXIOV
 *   order: 4, audit
 *   cdesc: An array of vlen struct iovec (16 bytes each on x86-64; its
 *     fields are described as data by 'struct: iovec' in structs.c),
 *     read once by import_iovec(). The whole array must lie in user
 *     space and be readable, or the call fails with EFAULT (a vlen of 0
 *     never touches it, so NULL is fine then). Each iov_len, taken as a
 *     ssize_t, must not be negative (EINVAL). Each segment iov_base to
 *     iov_base + iov_len must lie in user space (EFAULT); whether it is
 *     mapped is found out while copying. The total length is clamped to
 *     MAX_RW_COUNT, the last segments cut short, so it cannot overflow:
 *     the EINVAL that POSIX has for an overflowing total never happens
 *     on Linux. Before the call kapi reads the array (at most
 *     UIO_MAXIOV elements, in chunks of 8) and checks each iov_len as
 *     the kernel does: the first negative one predicts EINVAL, an array
 *     it cannot read EFAULT (a segment's iov_base range is not checked).
 *     The rule is audit only: on 6.1 the array is copied before the
 *     access mode checks, on 6.12 after them, and 6.1 copies the whole
 *     array before it looks at a length, so a fault further on wins
 *     over an earlier negative length there.
 *
 * param: vlen
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, UIO_MAXIOV
 *   errno: EINVAL
 *   order: 3
 *   cdesc: At most UIO_MAXIOV (1024) segments; more fail with EINVAL. On
 *     6.12 that check comes after the access mode checks, on 6.1 before
 *     them. A vlen of 0 returns 0 once the position, the descriptor and
 *     its access mode have been checked.
 *
 * param: pos_l
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Text only: on x86-64 the position is pos_l as a loff_t
 *     (pos_h is shifted out). -1 means the file's current position
 *     (the call then works as readv()/writev() with flags, also on
 *     pipes and sockets); any other negative value fails with EINVAL
 *     before the descriptor is looked up. A range constraint cannot
 *     say "0 to LLONG_MAX, or -1", so kapi does not check it.
 *
 * param: pos_h
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Ignored on x86-64 (64-bit longs hold the whole position in
 *     pos_l); every value is accepted.
 *
 * param: flags
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_MASK
 *   valid-mask: RWF_SUPPORTED
 *   errno: EOPNOTSUPP
 *   order: 10, audit
 *   cdesc: RWF_HIPRI, RWF_DSYNC, RWF_SYNC, RWF_NOWAIT, RWF_APPEND on both
 *     kernels; RWF_NOAPPEND and RWF_ATOMIC on 6.12 only (RWF_SUPPORTED
 *     is evaluated against each kernel's headers). Another bit fails with
 *     EOPNOTSUPP, but only once the call reaches the method with a total
 *     length above 0: the check is in kiocb_set_rw_flags(), after the
 *     descriptor, array and position checks, so a call with an empty
 *     vector succeeds whatever its flags (kapi, which cannot see the
 *     total, reports such a call as a divergence; enforce mode leaves it
 *     to the kernel, as the rule is marked audit). Text only: RWF_NOWAIT
 *     on a file without FMODE_NOWAIT, and RWF_ATOMIC on a read or a file
 *     without atomic writes, fail with EOPNOTSUPP;
 *     RWF_APPEND with RWF_NOAPPEND fails with EINVAL on 6.12;
 *     RWF_NOAPPEND on an append-only (chattr +a) O_APPEND file with
 *     EPERM on 6.12; RWF_NOWAIT makes a call that would block fail with
 *     EAGAIN.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The total number of bytes stored in the segments, at most the
 *     smaller of their total length and MAX_RW_COUNT; 0 for a vlen of 0,
 *     segments of length 0, or at end of file. On failure a negative error
 *     code, and the file position is left unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for reading
 *   trigger: fd=file_accmode3, vec=iov_1, vlen=1, check=pos_unchanged
 *   desc: The descriptor lookup found nothing (never opened, already closed, or
 *     a number above the table size), found an O_PATH descriptor (those cannot
 *     be used for I/O), or found a file opened with O_WRONLY or with the access
 *     mode 3 (no FMODE_READ). This is the first check made.
 *
 * error: EFAULT, the array or a segment is outside user space, or the copy faulted at once
 *   trigger: fd=file_rdonly, vec=iov_unmapped, vlen=1, check=pos_unchanged
 *   desc: The iovec array is outside user space or not readable, or a segment's
 *     address range check failed (see the vec parameter), or the read method
 *     could not store the first byte because the memory is not mapped or not
 *     writable. A fault after some bytes were stored yields a short count
 *     instead.
 *
 * error: EINVAL, too many segments, negative iov_len, no read method, bad position, or size refused
 *   trigger: fd=file_rdonly, vec=iov_1, vlen=1, pos_l=-2
 *   desc: vlen is above UIO_MAXIOV or an iov_len is negative as a ssize_t
 *     (import_iovec()); pos_l is negative (below -1 for preadv2() and
 *     pwritev2()); the file has no read method (for example an epoll
 *     descriptor); the file position is negative or position + total length
 *     overflows, on a file that does not allow unsigned offsets; an O_DIRECT
 *     read does not meet the alignment the filesystem requires for the
 *     segments' addresses and lengths, or the position; or the read method
 *     refuses the request. Read methods that refuse it: eventfd, timerfd and
 *     signalfd (eventfd_read(); timerfd_read() and signalfd_read() in 6.1,
 *     timerfd_read_iter() and signalfd_read_iter() in 6.12) for a buffer
 *     shorter than one record (8, 8 and 128 bytes); inotify (inotify_read())
 *     for a buffer that cannot hold the next event; /dev/kmsg (devkmsg_read())
 *     for a buffer shorter than the next record; /dev/fuse (fuse_dev_do_read())
 *     for a buffer shorter than FUSE_MIN_READ_BUFFER; a UNIX stream socket that
 *     is not connected (unix_stream_read_generic(): EINVAL, not ENOTCONN);
 *     sysfs binary attributes and drivers that refuse the offset or size.
 *
 * error: EISDIR, fd refers to a directory
 *   trigger: fd=dir, vec=iov_1, vlen=1, check=pos_unchanged
 *   objects: dir, fuse, nfs, overlay, other
 *   desc: Directories are read with getdents64(); their read method (the
 *     generic_read_dir() helper on practically all filesystems) refuses read().
 *     A FUSE server or an NFS server may also answer EISDIR.
 *
 * error: EAGAIN, O_NONBLOCK is set and no data is available yet
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: Pipes, FIFOs, sockets, terminals, eventfd, timerfd, signalfd,
 *     inotify, /dev/kmsg, /dev/fuse and similar files opened or switched to
 *     non-blocking mode report that the read would block. A socket receive
 *     timeout (SO_RCVTIMEO) that expires also ends in EAGAIN. EWOULDBLOCK is
 *     the same error number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was copied
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The read method was waiting (for data in a pipe, socket or terminal,
 *     for a lock, for a device, for a FUSE server's answer) and a signal
 *     arrived before any byte was stored; waits that only a fatal signal ends
 *     (killable waits, as in FUSE requests) return it too. Methods that allow a
 *     restart return ERESTARTSYS instead, which reaches user space as EINTR
 *     only when the handler was installed without SA_RESTART.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code. The signal delivery code on the way back to
 *     user space turns it into EINTR, or restarts the system call when the
 *     signal has no handler or its handler uses SA_RESTART, so a program never
 *     sees it; a probe on the system call's return value does. It is also the
 *     return value after SIGTTIN was sent for a background read from the
 *     controlling terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs attributes
 *     (for example those of network devices, which only try to take the RTNL
 *     lock) give up at once when another task holds the lock they need, and the
 *     call starts over on the way back to user space, so a program never sees
 *     it; a probe on the system call's return value does.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: fd=proc_stat_exited, vec=iov_4096, vlen=1
 *   desc: Files under /proc/PID (stat, status, environ, io, ...) look up their
 *     task on every read; once it has exited and been reaped the read fails
 *     with ESRCH, although the open succeeded.
 *
 * error: ENOENT, the object behind a pseudo file is gone
 *   trigger: fd=fdinfo_closed, vec=iov_4096, vlen=1
 *   desc: /proc/PID/fdinfo/N (seq_show() in fs/proc/fd.c) once descriptor N of
 *     the task is closed or the task has exited; a /proc/sys file whose sysctl
 *     table was unregistered (proc_sys_call_handler()); FUSE servers and
 *     drivers that look an object up on every read.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, vec=iov_4096, vlen=1
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed (a
 *     device unplugged, a cgroup deleted) every read through a descriptor
 *     opened before fails with ENODEV (kernfs_file_read_iter(),
 *     kernfs_seq_start()). /dev/fuse fails with it when the connection is gone
 *     (fuse_dev_do_read()), and drivers of unplugged devices return it.
 *
 * error: ENXIO, the NFS server's client behind a /proc/fs/nfsd file is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: /proc/fs/nfsd/clients/N/info looks its NFSv4 client up on every read
 *     (client_info_show() in fs/nfsd/nfs4state.c); once the client is expired
 *     or unmounted the read fails with ENXIO, although the open succeeded.
 *     rpc.mountd reads these files when inotify reports a new client, and meets
 *     it when a client comes and goes quickly. Drivers whose device is not
 *     there return it too.
 *
 * error: EIO, I/O error, or a background read from a terminal that cannot stop
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The device or filesystem reported an I/O error (media, network
 *     filesystem, corrupted metadata). For terminals it is also the answer to a
 *     process in a background process group reading its controlling terminal
 *     when SIGTTIN is ignored or blocked or the process group is orphaned, and
 *     to reading a pseudo terminal whose other side is closed. A /proc file
 *     whose entry was removed while open (proc_reg_read_iter()) and
 *     /proc/PID/mem for memory that cannot be read return it too; FUSE returns
 *     it for an inode it marked bad.
 *
 * error: EOVERFLOW, negative position on a file with unsigned offsets
 *   trigger: fd=proc_mem_high, vec=iov_2, vlen=1, pos_l=-1
 *   desc: Files that use the full unsigned 64-bit offset range (for example
 *     /proc/PID/mem) hold positions above LLONG_MAX, which look negative; a
 *     read whose count reaches past the top of that range fails. Some
 *     filesystems and pseudo files also return it when a value does not fit.
 *
 * error: ENOBUFS, a message does not fit, or a netlink socket lost messages
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: chr, fuse, overlay, other
 *   desc: A notification pipe (watch queue) holding a record longer than count;
 *     the Debian kernels are built without CONFIG_WATCH_QUEUE, so this case
 *     cannot happen there. A netlink socket whose receive queue overflowed
 *     reports ENOBUFS once on the next read (its pending socket error).
 *
 * error: EACCES, a security module refused the read
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The file_permission hook of an LSM (SELinux, AppArmor, ...) checks
 *     every read again, so a policy change or a relabel can refuse a read on a
 *     file that was opened successfully. An IPv6 socket can also hold it as a
 *     pending error (ICMPv6 "administratively prohibited").
 *
 * error: EPERM, a fanotify permission listener or a security module refused it
 *   trigger: fd=proc_sys_root_only, vec=iov_64, vlen=1, setup=nobody
 *   desc: A fanotify group watching the file with FAN_ACCESS_PERM answered
 *     FAN_DENY (which needs CONFIG_FANOTIFY_ACCESS_PERMISSIONS, enabled on the
 *     Debian kernels), or an LSM refused with EPERM. /proc/sys files check the
 *     caller's permission on every read (proc_sys_call_handler()), and
 *     /dev/fuse refuses reads before it is attached to a mount.
 *
 * error: ENODATA, the file has no data to report
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: Returned by read methods that have nothing to show, for example sysfs
 *     attributes whose driver has no value available and cache-backed
 *     filesystems whose data is missing from the cache.
 *
 * error: EOPNOTSUPP, flags has an unknown bit, or a flag the file does not support
 *   trigger: vec=iov_1, vlen=1, flags=0x40000000
 *   desc: kiocb_set_rw_flags() refuses a bit outside RWF_SUPPORTED (0x1f on
 *     6.1, 0x7f on 6.12), RWF_NOWAIT on a file without FMODE_NOWAIT, and on
 *     6.12 RWF_ATOMIC, which only writes take. A file without a read_iter
 *     method (read through do_loop_readv_writev()) refuses every flag but
 *     RWF_HIPRI. The flags are looked at only when the total length is not 0,
 *     after the position checks. A FUSE server or a driver can return it for
 *     its own reasons too, as for read().
 *
 * error: ECANCELED, a timerfd armed with TFD_TIMER_CANCEL_ON_SET saw the clock set
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: timerfd, fuse, overlay, other
 *   desc: A CLOCK_REALTIME or CLOCK_REALTIME_ALARM timerfd armed as an absolute
 *     timer with TFD_TIMER_CANCEL_ON_SET fails every read with ECANCELED after
 *     the clock was set (settimeofday(), clock_settime(), an NTP step), until
 *     it is armed again (timerfd_read() in 6.1, timerfd_read_iter() in 6.12).
 *
 * error: EPIPE, /dev/kmsg records were overwritten, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: kmsg, fuse, overlay, other
 *   desc: /dev/kmsg: the record the reader would read next was overwritten in
 *     the ring buffer before it was read; the read fails once with EPIPE and
 *     the reader continues at the oldest record (devkmsg_read()). No signal is
 *     sent. TCP: a reset that arrives in the CLOSE_WAIT state leaves EPIPE as
 *     the socket's pending error (tcp_reset()).
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A connection-oriented socket that has not been connected or is
 *     listening (tcp_recvmsg(); UNIX seqpacket sockets; a UNIX stream socket
 *     gives EINVAL instead). Files of a FUSE mount whose server has exited or
 *     was aborted fail every request with ENOTCONN (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A stream socket whose peer aborted the connection: a TCP reset, or a
 *     UNIX stream or seqpacket peer that was closed without reading everything
 *     sent to it (unix_release_sock()). A UNIX datagram socket gets it when its
 *     peer, connected back to it, connects elsewhere or disconnects while
 *     messages from it were still unread there, which are dropped
 *     (unix_dgram_disconnected()). It is the socket's pending error and is
 *     reported once.
 *
 * error: ECONNREFUSED, a socket's pending error: the peer refused
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or write,
 *     and clear it (sock_error()). ECONNREFUSED is left by a TCP reset during
 *     the connection attempt and by an ICMP port unreachable answer to a
 *     connected UDP socket. A FUSE connection whose initialisation failed
 *     refuses every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=fuse_dev_aborted, vec=iov_131072, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by tcp_abort();
 *     /dev/fuse after the connection was aborted through its abort file in the
 *     fusectl file system (fuse_dev_do_read()), when the server asked for
 *     FUSE_ABORT_ERROR in its INIT reply (without it the read fails with
 *     ENODEV).
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with the
 *     softerr option; a driver or block device request that timed out (O_DIRECT
 *     reads see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, a socket's pending error: no route to the host
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host unreachable (and the other host and filter codes)
 *     for TCP and connected UDP sockets (icmp_err_convert[]), or by a failed
 *     neighbour resolution.
 *
 * error: ENETUNREACH, a socket's pending error: the network is unreachable
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP network unreachable for TCP and connected UDP sockets.
 *
 * error: ENETDOWN, a socket's pending error: the network device went down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Packet sockets bound to a device that went down report it
 *     (packet_notifier()); other families can hold it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, a socket's pending error: the message was too large for the path
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: chr, fuse, overlay, other
 *   desc: An ICMP "fragmentation needed" answer to a datagram that a connected
 *     UDP socket sent with path MTU discovery on leaves EMSGSIZE as its pending
 *     error (__udp4_lib_err()), reported once.
 *
 * error: ENOSPC, the buffer cannot hold the record
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A perf event descriptor refuses a read shorter than its record
 *     (perf_read(): count below the event's read_size).
 *
 * error: EMFILE, the reader's descriptor table is full
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, overlay, other
 *   desc: fanotify: each event read opens a descriptor of the file it is about
 *     (create_fd()); when none is free the read fails with EMFILE.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, overlay, other
 *   desc: fanotify: opening the event's file failed at fs.file-max.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they find
 *     inconsistent metadata while reading the file's block map or extents; the
 *     filesystem may also be shut down or remounted read-only as a result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks whose
 *     checksum is wrong while reading the file's block map.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: Read methods that need temporary buffers (seq_file based pseudo
 *     files, sysfs, /proc/sys, sockets, some drivers) can fail this way.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned I/O
 *   trigger: fd=pipe_rd_empty, vec=iov_1, vlen=1
 *   desc: The file was not opened with FMODE_PREAD (pipes, FIFOs, sockets,
 *     terminals, eventfd, epoll and other anonymous-inode files, and files
 *     whose open method called nonseekable_open() or stream_open()). It is
 *     checked right after the descriptor lookup, before the access mode.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Taken by fdget_pos() as for read(), when the file has atomic
 *     position semantics and the open file description is shared
 *     (only for a pos_l of -1 in the case of p*v2). Not interruptible.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table during the lookup of fd, as for
 *     read().
 *
 * lock: read method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: The same as for read(): pipe->mutex, the inode lock of the
 *     filesystem, the socket lock, a driver's own locks; all released
 *     before the call returns.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The read method sleeps interruptibly
 *   desc: As for read(): with nothing transferred the call fails with
 *     ERESTARTSYS (restarted or turned into EINTR) or EINTR; with some
 *     bytes transferred it returns the partial count.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION
 *   target: file->f_pos
 *   condition: The file keeps a position and pos_l is -1, and the call succeeded
 *   desc: The position advances by the number of bytes returned.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: queued data, inode access time, fsnotify
 *   condition: Data was read
 *   desc: As for read(): data read from a pipe, socket or terminal is
 *     consumed, atime may change, and an FS_ACCESS event is generated
 *     (also for a total length of 0).
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The read method was called
 *   desc: syscr grows by one and rchar by the bytes transferred.
 *   reversible: no
 *
 * constraint: Segment count
 *   desc: vlen is at most UIO_MAXIOV, or the call fails with EINVAL.
 *   expr: vlen <= UIO_MAXIOV
 *
 * constraint: Transfer size
 *   desc: The result never exceeds the total of the segment lengths nor
 *     MAX_RW_COUNT; larger totals are clamped.
 *   expr: ret <= min(sum(vec[i].iov_len), MAX_RW_COUNT)
 *
 * constraint: Position
 *   desc: The position is not negative (or is -1, the file's position); the file
 *     allows positioned I/O.
 *   expr: pos_l == -1 || ((loff_t)pos_l >= 0 && (file->f_mode & FMODE_PREAD))
 *
 * examples: n = preadv2(fd, iov, 1, -1, RWF_NOWAIT); // EAGAIN unless cached
 *
 * notes: Differences between 6.1 and 6.12: 6.1 copies the iovec array
 *   in (vfs_readv(), import_iovec()) before it checks the access mode and
 *   the read method (do_iter_read()), so an unmapped array or vlen above
 *   UIO_MAXIOV on a descriptor not open for reading fails with EFAULT or
 *   EINVAL there and with EBADF on 6.12, which checks the file first; both
 *   errors are documented, and kapi's prediction follows 6.12. 6.12 takes
 *   a single segment through import_ubuf(), which clamps its length to
 *   MAX_RW_COUNT before the address check; 6.1 checks the whole length
 *   first (a huge iov_len that is not negative passes on 6.12, fails with
 *   EFAULT on 6.1). RWF_SUPPORTED grows from 0x1f to 0x7f (RWF_NOAPPEND,
 *   RWF_ATOMIC); RWF_APPEND with RWF_NOAPPEND is EINVAL on 6.12 and
 *   EOPNOTSUPP on 6.1 (unknown bit).
 *
 *   The errors and their objects: lines are those of read() (see fs.c),
 *   with a segment array in place of the buffer; the triggers pass one
 *   segment (the iov_* fixtures).
 *   Pipes, sockets, terminals and anonymous-inode files refuse
 *   positioned I/O with ESPIPE before their read method runs, so the errors
 *   that only they give to read() (pending socket errors, EAGAIN of an
 *   empty pipe, ...) reach this call only from files that pass them on,
 *   such as FUSE (which returns its server's error as it is), network
 *   filesystems and overlays; their triggers use a FUSE file.
 *   With a pos_l of -1 the call is readv()/writev() with flags, and
 *   every error of those applies, from every kind of file.
 */
asmlinkage long sys_preadv2(unsigned long fd, const struct iovec __user *vec,
			    unsigned long vlen, unsigned long pos_l, unsigned long pos_h,
			    rwf_t flags);

/**
 * sys_pwritev2 - write several user buffers, with a position and flags
 * @fd: descriptor to write to
 * @vec: user array of struct iovec, the segments to write
 * @vlen: number of elements of vec
 * @pos_l: the file position (all 64 bits on x86-64)
 * @pos_h: the high half of the position on 32-bit ABIs; ignored on x86-64
 * @flags: RWF_* flags for this call
 *
 * long-desc: Like write(), but the data comes from vlen segments, each a
 *   struct iovec { iov_base, iov_len }, taken in array order; the return
 *   value is the total number of bytes transferred. The file's
 *   write_iter method sees all segments in one call (files with only a
 *   write method get one call per segment, do_loop_readv_writev()).
 *   The transfer happens at the position pos_l, not at the file's
 *   position, which is neither used nor changed; the file must allow
 *   positioned I/O (FMODE_PWRITE), or the call fails with ESPIPE.
 *   A pos_l of -1 means the file's current position, which then
 *   advances as with writev() (and the file needs no positioned I/O);
 *   flags holds RWF_* bits that apply to this call only.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result.
 *   A negative position (below -1 for pwritev2) fails with EINVAL before
 *   anything else. The descriptor is looked up (EBADF), then for a
 *   position other than -1 the file must allow positioned I/O (ESPIPE).
 *   On 6.12 the file must be open for writing (EBADF) and have a
 *   write method (EINVAL), and then the iovec array is copied in
 *   (import_iovec(): vlen above UIO_MAXIOV or an iov_len negative as a
 *   ssize_t give EINVAL, an array or a segment outside user space
 *   EFAULT). On 6.1 the array is copied in before the access mode and
 *   method checks, so its EINVAL and EFAULT win over them. A total
 *   length of 0 ends the call with 0 here: no position check, no
 *   write method, no flags check. Otherwise the total is clamped to
 *   MAX_RW_COUNT (so it never overflows ssize_t; no EINVAL for it),
 *   rw_verify_area() checks position and permission as for
 *   write() (EINVAL, EOVERFLOW, EACCES, EPERM), and the write method runs.
 *   Everything after that, and so most error codes, is as for write():
 *   the file's method decides.
 *
 *   A fault in a segment after some bytes were transferred, or a signal
 *   after some bytes, gives a short count, not an error.
 *   Writes of regular files are serialised against other writers
 *   by the filesystem (usually the inode lock), so one writev() is one
 *   atomic unit with respect to other writes of the same file through
 *   the page cache; pipes keep writes up to PIPE_BUF atomic.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH | KAPI_FD_WRITE | KAPI_FD_CAN_WRITE
 *   errno: EBADF
 *   order: 2
 *   cdesc: The descriptor is an unsigned long that fdget() truncates to
 *     unsigned int, so only the low 32 bits name the descriptor. It must
 *     be open, not O_PATH, and opened with O_WRONLY or O_RDWR (EBADF),
 *     and have a write method (EINVAL).
 *     Its file must allow positioned I/O (FMODE_PWRITE), or the call
 *     fails with ESPIPE; that is text only (the fd constraint has no bit
 *     for it).
 *
 * param: vec
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   struct: iovec
 *   count-param: vlen
 *   max-count: UIO_MAXIOV
 *   order: 4, audit
 *   cdesc: An array of vlen struct iovec (16 bytes each on x86-64; its
 *     fields are described as data by 'struct: iovec' in structs.c),
 *     read once by import_iovec(). The whole array must lie in user
 *     space and be readable, or the call fails with EFAULT (a vlen of 0
 *     never touches it, so NULL is fine then). Each iov_len, taken as a
 *     ssize_t, must not be negative (EINVAL). Each segment iov_base to
 *     iov_base + iov_len must lie in user space (EFAULT); whether it is
 *     mapped is found out while copying. The total length is clamped to
 *     MAX_RW_COUNT, the last segments cut short, so it cannot overflow:
 *     the EINVAL that POSIX has for an overflowing total never happens
 *     on Linux. Before the call kapi reads the array (at most
 *     UIO_MAXIOV elements, in chunks of 8) and checks each iov_len as
 *     the kernel does: the first negative one predicts EINVAL, an array
 *     it cannot read EFAULT (a segment's iov_base range is not checked).
 *     The rule is audit only: on 6.1 the array is copied before the
 *     access mode checks, on 6.12 after them, and 6.1 copies the whole
 *     array before it looks at a length, so a fault further on wins
 *     over an earlier negative length there.
 *
 * param: vlen
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, UIO_MAXIOV
 *   errno: EINVAL
 *   order: 3
 *   cdesc: At most UIO_MAXIOV (1024) segments; more fail with EINVAL. On
 *     6.12 that check comes after the access mode checks, on 6.1 before
 *     them. A vlen of 0 returns 0 once the position, the descriptor and
 *     its access mode have been checked.
 *
 * param: pos_l
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Text only: on x86-64 the position is pos_l as a loff_t
 *     (pos_h is shifted out). -1 means the file's current position
 *     (the call then works as readv()/writev() with flags, also on
 *     pipes and sockets); any other negative value fails with EINVAL
 *     before the descriptor is looked up. A range constraint cannot
 *     say "0 to LLONG_MAX, or -1", so kapi does not check it.
 *
 * param: pos_h
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Ignored on x86-64 (64-bit longs hold the whole position in
 *     pos_l); every value is accepted.
 *
 * param: flags
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_MASK
 *   valid-mask: RWF_SUPPORTED
 *   errno: EOPNOTSUPP
 *   order: 10, audit
 *   cdesc: RWF_HIPRI, RWF_DSYNC, RWF_SYNC, RWF_NOWAIT, RWF_APPEND on both
 *     kernels; RWF_NOAPPEND and RWF_ATOMIC on 6.12 only (RWF_SUPPORTED
 *     is evaluated against each kernel's headers). Another bit fails with
 *     EOPNOTSUPP, but only once the call reaches the method with a total
 *     length above 0: the check is in kiocb_set_rw_flags(), after the
 *     descriptor, array and position checks, so a call with an empty
 *     vector succeeds whatever its flags (kapi, which cannot see the
 *     total, reports such a call as a divergence; enforce mode leaves it
 *     to the kernel, as the rule is marked audit). Text only: RWF_NOWAIT
 *     on a file without FMODE_NOWAIT, and RWF_ATOMIC on a read or a file
 *     without atomic writes, fail with EOPNOTSUPP;
 *     RWF_APPEND with RWF_NOAPPEND fails with EINVAL on 6.12;
 *     RWF_NOAPPEND on an append-only (chattr +a) O_APPEND file with
 *     EPERM on 6.12; RWF_NOWAIT makes a call that would block fail with
 *     EAGAIN.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The total number of bytes written from the segments, at most the
 *     smaller of their total length and MAX_RW_COUNT; 0 for a vlen of 0,
 *     segments of length 0. On failure a negative error
 *     code, and the file position is left unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for writing
 *   trigger: fd=opath, vec=iov_1, vlen=1
 *   desc: The descriptor lookup found nothing (never opened, already closed, or
 *     a number above the table size), found an O_PATH descriptor, or found a
 *     file opened with O_RDONLY or with the access mode 3 (no FMODE_WRITE).
 *     This is the first check made.
 *
 * error: EFAULT, the array or a segment is outside user space, or the copy faulted at once
 *   trigger: fd=file_wronly, vec=iov_kernel_ptr, vlen=1, check=pos_unchanged
 *   desc: The iovec array is outside user space or not readable, or a segment's
 *     address range check failed (see the vec parameter), or the write method
 *     could not read the first byte because the memory is not mapped or not
 *     readable. A fault after some bytes were taken yields a short count
 *     instead.
 *
 * error: EINVAL, too many segments, negative iov_len, no write method, bad position, or refused
 *   trigger: fd=file_wronly, vec=iov_1, vlen=1, pos_l=-2
 *   desc: vlen is above UIO_MAXIOV or an iov_len is negative as a ssize_t
 *     (import_iovec()); pos_l is negative (below -1 for preadv2() and
 *     pwritev2()); the file has no write method; the file position is negative
 *     or position + total length overflows, on a file that does not allow
 *     unsigned offsets; an O_DIRECT write does not meet the alignment the
 *     filesystem requires for the segments' addresses and lengths, or the
 *     position; or the write method refuses the data: eventfd (eventfd_write())
 *     for a buffer shorter than 8 bytes or for the reserved value; /dev/kmsg
 *     (devkmsg_write()) for a record longer than its line limit; /dev/fuse
 *     (fuse_dev_do_write()) for a malformed reply; and sysfs attributes, cgroup
 *     control files (cgroup.procs, cgroup.subtree_control, memory.max, ...) and
 *     /proc/sys files for a value they do not accept, which is the most common
 *     case on an ordinary system.
 *
 * error: EAGAIN, O_NONBLOCK is set and the data cannot be accepted yet
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A pipe, FIFO, socket, eventfd or terminal in non-blocking mode has no
 *     room. A socket send timeout (SO_SNDTIMEO) that expires also ends in
 *     EAGAIN. Control files use it too: memory.reclaim of a cgroup when it
 *     could not reclaim the amount written (memory_reclaim()), and some sysfs
 *     attributes for an operation that is busy. EWOULDBLOCK is the same error
 *     number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was written
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The write method was waiting (for room in a pipe or socket, for a
 *     device, for a FUSE server's answer) and a signal arrived before any byte
 *     was accepted. Methods that allow a restart return ERESTARTSYS instead.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code, turned into EINTR or a restart of the system
 *     call on the way back to user space, so a program never sees it; a probe
 *     on the system call's return value does. It is also the return value after
 *     SIGTTOU was sent for a background write to the controlling terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs attributes
 *     (for example a device's online file, through lock_device_hotplug_sysfs(),
 *     or network device settings under the RTNL lock) give up at once when
 *     another task holds the lock they need, and the call starts over on the
 *     way back to user space, so a program never sees it; a probe on the system
 *     call's return value does.
 *
 * error: ESRCH, the process a /proc file or a cgroup write names does not exist
 *   trigger: fd=cgroup_procs, vec=iov_absent_pid, vlen=1
 *   desc: Files under /proc/PID that take writes (oom_score_adj, comm,
 *     attr/..., ...) look up their task on every write; once it has exited and
 *     been reaped the write fails with ESRCH. Writing a process or thread ID
 *     that does not exist to cgroup.procs, cgroup.threads or a cgroup v1 tasks
 *     file fails with ESRCH too (cgroup_procs_write_start()).
 *
 * error: EPIPE, the reading side of the pipe or socket is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fifo, fuse, overlay, other
 *   desc: A pipe or FIFO with no reader left (pipe_write()); a TCP socket that
 *     is not connected, was shut down for writing or whose connection is
 *     closed, with no pending error (tcp_sendmsg_locked(), sk_stream_error());
 *     a UNIX stream socket whose peer is closed or shut down for reading
 *     (unix_stream_sendmsg()); a UNIX datagram or seqpacket socket whose peer
 *     shut down reading (unix_dgram_sendmsg()). Pipes, FIFOs, TCP and UNIX
 *     stream sockets also send SIGPIPE to the calling thread, and return EPIPE
 *     whether that signal is ignored, blocked or handled; UNIX datagram and
 *     seqpacket sockets send no signal.
 *
 * error: EFBIG, the position is at or beyond the file size limit
 *   trigger: fd=file_wronly, vec=iov_1, vlen=1, setup=fsize_zero,
 *     check=pos_unchanged
 *   desc: The position is at or beyond the caller's RLIMIT_FSIZE (SIGXFSZ is
 *     sent too), beyond the filesystem's maximum file size, or beyond
 *     MAX_NON_LFS for a file opened without O_LARGEFILE (possible only for a
 *     descriptor opened by a 32-bit program; the native open() always sets
 *     O_LARGEFILE). A write that merely crosses one of these limits is cut
 *     short at the limit instead. A sysfs binary attribute refuses writes at or
 *     past its size the same way.
 *
 * error: E2BIG, the write is longer than the file accepts at once
 *   trigger: fd=cgroup_procs, vec=iov_8192, vlen=1
 *   objects: cgroup2, cgroup, fuse, overlay, other
 *   desc: cgroup control files take a value in one write of at most a page (or
 *     the file's own limit) and refuse a longer one (kernfs_fop_write_iter(),
 *     atomic_write_len). sysfs attributes instead take at most a page and
 *     return a short count.
 *
 * error: ENOSPC, no space left on the device
 *   trigger: fd=dev_full, vec=iov_1, vlen=1
 *   desc: The filesystem or device has no room for the data; a write that runs
 *     out of space after some data was stored returns the short count. Some
 *     control files (cgroup, sysfs) use it for a table that is full.
 *
 * error: EDQUOT, the disk quota is exhausted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The block quota of the file's owner on the filesystem is used up.
 *
 * error: EIO, I/O error, or a background write to a terminal that cannot stop
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The device or filesystem reported an I/O error, including errors from
 *     the flush of an O_SYNC or O_DSYNC write. For terminals, a process in an
 *     orphaned background process group writing its controlling terminal while
 *     TOSTOP is set gets EIO, and so does a write to a terminal that was hung
 *     up. A /proc file whose entry was removed while open returns it too.
 *
 * error: EPERM, a file seal, a file attribute or a security module forbids it
 *   trigger: fd=memfd_sealed, vec=iov_1, vlen=1
 *   desc: A memfd or shmem file sealed with F_SEAL_WRITE or F_SEAL_FUTURE_WRITE
 *     refuses all writes, and with F_SEAL_GROW refuses writes past its end;
 *     some filesystems refuse writes to a file that became immutable after it
 *     was opened; an LSM may refuse with EPERM. fanotify has no permission
 *     event for writes on these kernels. Also: /proc/sys files check the
 *     caller's permission on every write (proc_sys_call_handler()); on a
 *     cgroup2 mount with nsdelegate, the files of a cgroup namespace's root
 *     cgroup that are not delegated refuse writers from that namespace
 *     (cgroup_file_write()); /dev/fuse refuses writes before it is attached to
 *     a mount; a UNIX datagram socket whose peer is connected to another socket
 *     (unix_dgram_sendmsg()); packets dropped by netfilter or a cgroup BPF
 *     program.
 *
 * error: EOVERFLOW, negative position on a file with unsigned offsets
 *   trigger: fd=proc_mem_high, vec=iov_2, vlen=1, pos_l=-1
 *   desc: Files that use the full unsigned 64-bit offset range hold positions
 *     above LLONG_MAX, which look negative; a write whose count reaches past
 *     the top of that range fails.
 *
 * error: EDESTADDRREQ, datagram socket without a peer address
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, overlay, other
 *   desc: write() has no address argument, so a datagram socket such as a UDP
 *     socket must have been connected with connect() first (udp_sendmsg()). An
 *     unconnected UNIX datagram socket gives ENOTCONN instead.
 *
 * error: ETXTBSY, the file is an active swap file
 *   trigger: fd=bdev_swap_active, vec=iov_1, vlen=1
 *   desc: Regular files and block devices in use as swap space refuse writes,
 *     even a write of 0 bytes (generic_write_checks_count(),
 *     blkdev_write_iter()). Writing to a running program's executable is
 *     refused earlier, by open() with write access, not here.
 *
 * error: EXDEV, the pipe is a notification pipe
 *   trigger: none -- the Debian kernels are built without CONFIG_WATCH_QUEUE
 *   desc: Pipes created with O_NOTIFICATION_PIPE (watch queues) cannot be
 *     written with write(). The Debian kernels are built without
 *     CONFIG_WATCH_QUEUE, so this case cannot happen there.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: For example a page for a pipe buffer, socket buffers, or the copy of
 *     a value written to sysfs, /proc/sys or /dev/kmsg.
 *
 * error: ENOBUFS, no buffer space for the outgoing data
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: Some socket families report a full transmit path this way; a netlink
 *     socket's pending overrun error is reported on writes too.
 *
 * error: EACCES, a security module refused the write
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: The file_permission hook of an LSM checks every write again, so a
 *     policy change can refuse a write on a file that was opened successfully.
 *     Also: writing a process to cgroup.procs without write permission on the
 *     common ancestor of its old and new cgroup
 *     (cgroup_procs_write_permission()); a UDP datagram to a broadcast address
 *     without SO_BROADCAST (udp_sendmsg()); an IPv6 pending error (ICMPv6
 *     "administratively prohibited").
 *
 * error: ENOENT, the object behind a pseudo file is gone, or a reply has no request
 *   trigger: fd=fuse_dev, vec=iov_fuse_reply_unknown, vlen=1
 *   desc: A /proc/sys file whose sysctl table was unregistered
 *     (proc_sys_call_handler()); /dev/fuse for a reply whose request is not (or
 *     no longer) pending (fuse_dev_do_write()); sysfs and cgroup files for a
 *     name they do not know.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, vec=iov_1, vlen=1
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed (a
 *     device unplugged, a cgroup deleted) every write through a descriptor
 *     opened before fails with ENODEV (kernfs_fop_write_iter()); cgroup control
 *     files of a cgroup that is being removed; drivers of unplugged devices.
 *
 * error: ENXIO, no such device or address
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A packet socket not bound to a device (packet_snd()); sysfs
 *     attributes and drivers whose device is not there.
 *
 * error: EBUSY, the object is busy
 *   trigger: fd=cgroup_busy_subtree, vec=iov_plus_memory, vlen=1
 *   desc: Control files refuse changes that conflict with the current state:
 *     cgroup.subtree_control and cgroup.procs under the cgroup v2 rules (for
 *     example the no-internal-process rule), cgroup v1 files of an active
 *     hierarchy, sysfs attributes of a device in use.
 *
 * error: ERANGE, a value written is out of range
 *   trigger: fd=cgroup_pids_max, vec=iov_huge_number, vlen=1
 *   desc: sysfs, cgroup and /proc/sys write methods that parse numbers with
 *     kstrto*() return it for a number that does not fit.
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A UNIX stream, seqpacket or datagram socket that has no peer
 *     (unix_stream_sendmsg(), unix_dgram_sendmsg()); other connection-oriented
 *     families. An unconnected TCP socket gives EPIPE instead. Files of a FUSE
 *     mount whose server has exited or was aborted fail every request with
 *     ENOTCONN (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A TCP connection that was reset (its pending error, reported on the
 *     first write after the reset; later writes fail with EPIPE); a UNIX stream
 *     peer that was closed with unread data; a UNIX datagram socket whose peer
 *     reconnected elsewhere and dropped unread messages from it.
 *
 * error: ECONNREFUSED, the peer refused, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or write,
 *     and clear it (sock_error(), also checked by sock_alloc_send_pskb()).
 *     ECONNREFUSED is left by an ICMP port unreachable answer to an earlier
 *     datagram of a connected UDP socket and by a TCP reset during the
 *     connection attempt. A UNIX datagram socket whose connected peer was
 *     closed gets it directly (unix_dgram_sendmsg(); typical for logging to a
 *     restarted journald or syslog socket), and so does a netlink socket that
 *     sends to a port with no listener. A FUSE connection whose initialisation
 *     failed refuses every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by tcp_abort().
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with the
 *     softerr option; a driver or block device request that timed out (O_DIRECT
 *     writes see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, no route to the host, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route or a prohibit or
 *     unreachable route (udp_sendmsg()), or ICMP host unreachable left it as
 *     the pending error of a TCP or connected UDP socket.
 *
 * error: ENETUNREACH, the network is unreachable, or a socket's pending error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route to the network, or ICMP
 *     network unreachable left it as a pending error.
 *
 * error: ENETDOWN, the network device is down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: A packet socket's device is down (packet_snd()), or another family
 *     holds it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, the datagram is too large
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: chr, fuse, overlay, other
 *   desc: A datagram socket cannot send count bytes as one message: more than
 *     65507 bytes of UDP payload, more than the send buffer of a UNIX datagram
 *     socket, or more than the path MTU with the don't-fragment setting.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they find
 *     inconsistent metadata while allocating or mapping blocks for the data;
 *     the filesystem may also be shut down or remounted read-only as a result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks whose
 *     checksum is wrong while allocating blocks.
 *
 * error: EROFS, the filesystem became read-only after fd was opened
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   desc: ext4 with errors=remount-ro and Btrfs switch to read-only after an
 *     error, and later writes fail with EROFS; an NFS server that exports the
 *     file system read-only refuses the write-back of data written through fd,
 *     reported by a later write.
 *
 * error: ENOTDIR, a FUSE notification names a non-directory
 *   trigger: fd=fuse_dev_served, vec=iov_fuse_notify_delete_in_file, vlen=1
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: an invalidation or delete notification written by the
 *     server names a parent that is not a directory
 *     (fuse_reverse_inval_entry()); a FUSE server's answer.
 *
 * error: ENOTEMPTY, a FUSE delete notification names a non-empty directory
 *   trigger: fd=fuse_dev_served, vec=iov_fuse_notify_delete_tree, vlen=1
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: a FUSE_NOTIFY_DELETE written by the server names a
 *     directory that still has entries (fuse_reverse_inval_entry()); a FUSE
 *     server's answer.
 *
 * error: EOPNOTSUPP, an unknown or unsupported flag, or the file refuses this write
 *   trigger: vec=iov_1, vlen=1, flags=0x40000000
 *   desc: kiocb_set_rw_flags() refuses a bit outside RWF_SUPPORTED (0x1f on
 *     6.1, 0x7f on 6.12), RWF_NOWAIT on a file without FMODE_NOWAIT, and on
 *     6.12 RWF_ATOMIC on a file that cannot write atomically
 *     (FMODE_CAN_ATOMIC_WRITE). A file without a write_iter method (written
 *     through do_loop_readv_writev()) refuses every flag but RWF_HIPRI. The
 *     flags are looked at only when the total length is not 0, after the
 *     position checks. As for write(), a cgroup's cgroup.subtree_control
 *     refuses a controller on a threaded subtree with it.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, vec=iov_1, vlen=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * error: ESPIPE, fd refers to a pipe, FIFO, socket or other file without positioned I/O
 *   trigger: fd=pipe_wr_full_nonblock, vec=iov_1, vlen=1
 *   desc: The file was not opened with FMODE_PWRITE (pipes, FIFOs, sockets,
 *     terminals, eventfd, epoll and other anonymous-inode files, and files
 *     whose open method called nonseekable_open() or stream_open()). It is
 *     checked right after the descriptor lookup, before the access mode.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Taken by fdget_pos() as for write(), when the file has atomic
 *     position semantics and the open file description is shared
 *     (only for a pos_l of -1 in the case of p*v2). Not interruptible.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table during the lookup of fd, as for
 *     write().
 *
 * lock: write method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: The same as for write(): pipe->mutex, the inode lock of the
 *     filesystem, the socket lock, a driver's own locks; all released
 *     before the call returns.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The write method sleeps interruptibly
 *   desc: As for write(): with nothing transferred the call fails with
 *     ERESTARTSYS (restarted or turned into EINTR) or EINTR; with some
 *     bytes transferred it returns the partial count.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * signal: SIGPIPE
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_TERMINATE
 *   condition: The pipe or stream socket has no reader left
 *   desc: Sent to the caller before the call fails with EPIPE, as for
 *     write().
 *   errno: EPIPE
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION
 *   target: file->f_pos
 *   condition: The file keeps a position and pos_l is -1, and the call succeeded
 *   desc: The position advances by the number of bytes returned.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: file contents and inode times
 *   condition: Bytes were written
 *   desc: As for write(): the data is stored or queued, mtime and ctime
 *     change, setuid and setgid bits may be dropped, and an FS_MODIFY
 *     event is generated.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The write method was called
 *   desc: syscw grows by one and wchar by the bytes transferred.
 *   reversible: no
 *
 * constraint: Segment count
 *   desc: vlen is at most UIO_MAXIOV, or the call fails with EINVAL.
 *   expr: vlen <= UIO_MAXIOV
 *
 * constraint: Transfer size
 *   desc: The result never exceeds the total of the segment lengths nor
 *     MAX_RW_COUNT; larger totals are clamped.
 *   expr: ret <= min(sum(vec[i].iov_len), MAX_RW_COUNT)
 *
 * constraint: Position
 *   desc: The position is not negative (or is -1, the file's position); the file
 *     allows positioned I/O.
 *   expr: pos_l == -1 || ((loff_t)pos_l >= 0 && (file->f_mode & FMODE_PWRITE))
 *
 * examples: n = pwritev2(fd, iov, 1, -1, RWF_DSYNC); // like O_DSYNC for this call
 *
 * notes: Differences between 6.1 and 6.12: 6.1 copies the iovec array
 *   in (vfs_writev(), import_iovec()) before it checks the access mode and
 *   the write method (do_iter_write()), so an unmapped array or vlen above
 *   UIO_MAXIOV on a descriptor not open for writing fails with EFAULT or
 *   EINVAL there and with EBADF on 6.12, which checks the file first; both
 *   errors are documented, and kapi's prediction follows 6.12. 6.12 takes
 *   a single segment through import_ubuf(), which clamps its length to
 *   MAX_RW_COUNT before the address check; 6.1 checks the whole length
 *   first (a huge iov_len that is not negative passes on 6.12, fails with
 *   EFAULT on 6.1). RWF_SUPPORTED grows from 0x1f to 0x7f (RWF_NOAPPEND,
 *   RWF_ATOMIC); RWF_APPEND with RWF_NOAPPEND is EINVAL on 6.12 and
 *   EOPNOTSUPP on 6.1 (unknown bit).
 *
 *   The errors and their objects: lines are those of write() (see fs.c),
 *   with a segment array in place of the buffer; the triggers pass one
 *   segment (the iov_* fixtures).
 *   Pipes, sockets, terminals and anonymous-inode files refuse
 *   positioned I/O with ESPIPE before their write method runs, so the errors
 *   that only they give to write() (pending socket errors, EAGAIN of an
 *   empty pipe, ...) reach this call only from files that pass them on,
 *   such as FUSE (which returns its server's error as it is), network
 *   filesystems and overlays; their triggers use a FUSE file.
 *   With a pos_l of -1 the call is readv()/writev() with flags, and
 *   every error of those applies, from every kind of file.
 */
asmlinkage long sys_pwritev2(unsigned long fd, const struct iovec __user *vec,
			     unsigned long vlen, unsigned long pos_l, unsigned long pos_h,
			     rwf_t flags);

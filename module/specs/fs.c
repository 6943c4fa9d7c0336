// SPDX-License-Identifier: GPL-2.0
/*
 * Specifications of the file system calls open, openat, close, read and
 * write, as the Debian 6.1 and 6.12 kernels implement them (x86-64, native
 * entry points). Each kerneldoc block below is one spec in kapi's annotation
 * language and is followed by the declaration of the system call exactly as
 * include/linux/syscalls.h has it. kapi-gen reads this file, checks every
 * declaration against the target kernel's prototype and emits spec image
 * records; the symbolic constants used in the blocks are left for the
 * compiler to evaluate against the target kernel's headers, which is why the
 * headers they come from are included here. The file is an input to the
 * generator and is not compiled on its own. Where the two kernels differ,
 * the spec says so in its notes, and every machine-checked constraint holds
 * on both.
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/signal.h>
#include <linux/syscalls.h>

/**
 * sys_read - read from a file descriptor into a user buffer
 * @fd: descriptor to read from
 * @buf: user memory that receives the data
 * @count: number of bytes asked for
 *
 * long-desc: Transfers up to count bytes from the file open on fd into the
 *   user buffer at buf and returns the number of bytes transferred. The system
 *   call itself only looks up the descriptor and checks the request; the data
 *   is produced by the file's read method (->read or ->read_iter). Blocking,
 *   short reads, end of file and most error codes therefore depend on what fd
 *   refers to: a regular file, a directory, a pipe, a socket, a terminal, a
 *   device or a pseudo file.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result. The descriptor is looked up (EBADF if it is not open or is an
 *   O_PATH descriptor). The file must be open for reading (EBADF) and must
 *   have a read method (EINVAL). The range buf to buf + count must lie in the
 *   user part of the address space (EFAULT). For files with a position, the
 *   position and count must not overflow (EINVAL, EOVERFLOW). Security modules
 *   and fanotify permission listeners may refuse the access (EACCES, EPERM).
 *   Only then is count clamped to MAX_RW_COUNT and the read method called.
 *
 *   Files that keep a position (all but stream files such as pipes and
 *   sockets) are read from their current position, which then advances by the
 *   number of bytes returned. When the open file description is shared (after
 *   dup() or fork(), or between threads), reads of regular files and
 *   directories are serialised on the description's position lock, so that
 *   each read sees and updates a consistent position.
 *
 *   Zero is returned at end of file and when a pipe has no writer left. A
 *   count of 0 is not special to the system call: it passes every check
 *   above (vfs_read() has no test for it in either kernel) and the read
 *   method is called with an empty buffer. What happens then is the
 *   method's choice: regular files of local filesystems (filemap_read()
 *   and the read_iter methods of ext4, XFS, Btrfs, tmpfs), pipes and
 *   sockets return 0 at once without looking for data or pending errors
 *   (an ext4 or XFS filesystem shut down after an error fails with EIO
 *   first); network filesystems may revalidate the file first and fail as any read
 *   does (NFS with ESTALE, FUSE with ENOTCONN); eventfd, timerfd and
 *   signalfd fail with
 *   EINVAL because no record fits; inotify and /dev/kmsg first wait for an
 *   event or a record (or fail with EAGAIN under O_NONBLOCK) and then fail
 *   with EINVAL because it does not fit; a terminal makes its job control
 *   checks first. Returning fewer bytes than asked for is not an error: a
 *   signal that arrives after some data has been copied makes the call return
 *   the partial count instead of failing.
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
 *   cdesc: The descriptor is an unsigned int. A descriptor table never grows
 *     beyond INT_MAX entries, so a larger value is never open and always fails
 *     with EBADF; AT_FDCWD and other negative numbers arrive as such large
 *     values. Inside the range, fd must be open in the caller's table, must
 *     not be an O_PATH descriptor, and must have been opened with O_RDONLY or
 *     O_RDWR; otherwise the result is EBADF as well.
 *
 * param: buf
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_OUT | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_BUFFER
 *   size-param: 2
 *   errno: EFAULT
 *   order: 2
 *   cdesc: The only check made before the read method runs is that the range
 *     buf to buf + count lies below the top of the user address space
 *     (TASK_SIZE_MAX on x86-64) without wrapping around; if it does not, the
 *     result is EFAULT, even for a count of 0. This check comes after the
 *     descriptor checks (EBADF, EINVAL). Whether the memory is mapped and
 *     writable is found out only while copying: a fault before the first byte
 *     gives EFAULT, a fault after some bytes gives a short count, and a read
 *     that returns no data never touches the buffer (so NULL with a count of
 *     0 succeeds). O_DIRECT reads may require buf to be aligned as statx()
 *     reports with STATX_DIOALIGN, and fail with EINVAL otherwise.
 *
 * param: count
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: No value of count is an error by itself. A count above MAX_RW_COUNT
 *     is silently reduced to MAX_RW_COUNT before the read method runs, so one
 *     call never transfers more than that. The limit that does apply is the
 *     address range check on buf, which covers buf + count. On x86-64 that
 *     check fails, with EFAULT, for every count that is negative as a
 *     ssize_t, so the EINVAL that rw_verify_area() has for such counts is not
 *     reachable through this system call.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The number of bytes stored in buf, at most the smaller of count and
 *     MAX_RW_COUNT. Zero at end of file, and for a count of 0 when the read
 *     method accepts an empty buffer (see the description). On failure a
 *     negative error code, and the file position is left unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for reading
 *   trigger: fd=file_accmode3, count=1, check=pos_unchanged
 *   desc: The descriptor lookup found nothing (never opened, already closed,
 *     or a number above the table size), found an O_PATH descriptor (those
 *     cannot be used for I/O), or found a file opened with O_WRONLY or with
 *     the access mode 3 (no FMODE_READ). This is the first check made.
 *
 * error: EFAULT, buf to buf + count is outside user space, or the copy faulted at once
 *   trigger: fd=file_rdonly, buf=unmapped_ptr, count=1, check=pos_unchanged
 *   desc: Either the address range check on buf failed (see the buf
 *     parameter), or the read method could not store the first byte because
 *     the memory is not mapped or not writable. A fault after some bytes were
 *     stored yields a short count instead.
 *
 * error: EINVAL, no read method, bad position, misaligned O_DIRECT, or size refused
 *   trigger: fd=epoll, count=1
 *   desc: The file has no read method (for example an epoll descriptor); the
 *     file position is negative or position + count overflows, on a file that
 *     does not allow unsigned offsets; an O_DIRECT read does not meet the
 *     alignment the filesystem requires for buf, count or position; or the
 *     read method refuses the request. Read methods that refuse it: eventfd,
 *     timerfd and signalfd (eventfd_read(); timerfd_read() and
 *     signalfd_read() in 6.1, timerfd_read_iter() and signalfd_read_iter()
 *     in 6.12) for a buffer shorter than one record (8, 8 and 128 bytes),
 *     count 0 included; inotify (inotify_read()) for a buffer that cannot hold the
 *     next event; /dev/kmsg (devkmsg_read()) for a buffer shorter than the
 *     next record; /dev/fuse (fuse_dev_do_read()) for a buffer shorter than
 *     FUSE_MIN_READ_BUFFER; a UNIX stream socket that is not connected
 *     (unix_stream_read_generic(): EINVAL, not ENOTCONN); sysfs binary
 *     attributes and drivers that refuse the offset or size. A count that
 *     is negative as a ssize_t gives EFAULT, not EINVAL, on x86-64 (see the
 *     count parameter).
 *
 * error: EISDIR, fd refers to a directory
 *   trigger: fd=dir, count=1, check=pos_unchanged
 *   objects: dir, fuse, nfs, overlay, other
 *   desc: Directories are read with getdents64(); their read method (the
 *     generic_read_dir() helper on practically all filesystems) refuses
 *     read(). A FUSE server or an NFS server may also answer EISDIR.
 *
 * error: EAGAIN, O_NONBLOCK is set and no data is available yet
 *   trigger: fd=pipe_rd_empty_nonblock, count=1
 *   desc: Pipes, FIFOs, sockets, terminals, eventfd, timerfd, signalfd,
 *     inotify, /dev/kmsg, /dev/fuse and similar files opened or switched to
 *     non-blocking mode report that the read would block. A socket receive
 *     timeout (SO_RCVTIMEO) that expires also ends in EAGAIN. EWOULDBLOCK is
 *     the same error number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was copied
 *   trigger: fd=pipe_rd_empty, count=1, setup=alarm
 *   desc: The read method was waiting (for data in a pipe, socket or
 *     terminal, for a lock, for a device, for a FUSE server's answer) and a
 *     signal arrived before any byte was stored; waits that only a fatal
 *     signal ends (killable waits, as in FUSE requests) return it too.
 *     Methods that allow a restart return ERESTARTSYS instead, which reaches
 *     user space as EINTR only when the handler was installed without
 *     SA_RESTART.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code. The signal delivery code on the way back to
 *     user space turns it into EINTR, or restarts the system call when the
 *     signal has no handler or its handler uses SA_RESTART, so a program
 *     never sees it; a probe on the system call's return value does. It is
 *     also the return value after SIGTTIN was sent for a background read
 *     from the controlling terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs
 *     attributes (for example those of network devices, which only try to
 *     take the RTNL lock) give up at once when another task holds the lock
 *     they need, and the call starts over on the way back to user space, so
 *     a program never sees it; a probe on the system call's return value
 *     does.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: fd=proc_stat_exited, count=4096
 *   desc: Files under /proc/PID (stat, status, environ, io, ...) look up
 *     their task on every read; once it has exited and been reaped the read
 *     fails with ESRCH, although the open succeeded.
 *
 * error: ENOENT, the object behind a pseudo file is gone
 *   trigger: fd=fdinfo_closed, count=4096
 *   desc: /proc/PID/fdinfo/N (seq_show() in fs/proc/fd.c) once descriptor
 *     N of the task is closed or the task has exited; a /proc/sys file whose
 *     sysctl table was unregistered (proc_sys_call_handler()); FUSE servers
 *     and drivers that look an object up on every read.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, count=4096
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed
 *     (a device unplugged, a cgroup deleted) every read through a
 *     descriptor opened before fails with ENODEV (kernfs_file_read_iter(),
 *     kernfs_seq_start()). /dev/fuse fails with it when the connection is
 *     gone (fuse_dev_do_read()), and drivers of unplugged devices return it.
 *
 * error: ENXIO, the NFS server's client behind a /proc/fs/nfsd file is gone
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: /proc/fs/nfsd/clients/N/info looks its NFSv4 client up on every
 *     read (client_info_show() in fs/nfsd/nfs4state.c); once the client is
 *     expired or unmounted the read fails with ENXIO, although the open
 *     succeeded. rpc.mountd reads these files when inotify reports a new
 *     client, and meets it when a client comes and goes quickly. Drivers
 *     whose device is not there return it too.
 *
 * error: EIO, I/O error, or a background read from a terminal that cannot stop
 *   trigger: fd=pty_master_hungup, count=1
 *   desc: The device or filesystem reported an I/O error (media, network
 *     filesystem, corrupted metadata). For terminals it is also the answer to
 *     a process in a background process group reading its controlling
 *     terminal when SIGTTIN is ignored or blocked or the process group is
 *     orphaned, and to reading a pseudo terminal whose other side is closed.
 *     A /proc file whose entry was removed while open (proc_reg_read_iter())
 *     and /proc/PID/mem for memory that cannot be read return it too; FUSE
 *     returns it for an inode it marked bad.
 *
 * error: EOVERFLOW, negative position on a file with unsigned offsets
 *   trigger: fd=proc_mem_high, count=2
 *   desc: Files that use the full unsigned 64-bit offset range (for example
 *     /proc/PID/mem) hold positions above LLONG_MAX, which look negative; a
 *     read whose count reaches past the top of that range fails. Some
 *     filesystems and pseudo files also return it when a value does not fit.
 *
 * error: ENOBUFS, a message does not fit, or a netlink socket lost messages
 *   trigger: fd=netlink_overrun, count=4096
 *   objects: sock, pipefs, chr, fuse, overlay, other
 *   desc: A notification pipe (watch queue) holding a record longer than
 *     count; the Debian kernels are built without CONFIG_WATCH_QUEUE, so
 *     this case cannot happen there. A netlink socket whose receive queue
 *     overflowed reports ENOBUFS once on the next read (its pending socket
 *     error).
 *
 * error: EACCES, a security module refused the read
 *   trigger: fd=udp6_icmp_prohibited, count=1
 *   desc: The file_permission hook of an LSM (SELinux, AppArmor, ...) checks
 *     every read again, so a policy change or a relabel can refuse a read on
 *     a file that was opened successfully. An IPv6 socket can also hold it
 *     as a pending error (ICMPv6 "administratively prohibited").
 *
 * error: EPERM, a fanotify permission listener or a security module refused it
 *   trigger: fd=proc_sys_root_only, count=64, setup=nobody
 *   desc: A fanotify group watching the file with FAN_ACCESS_PERM answered
 *     FAN_DENY (which needs CONFIG_FANOTIFY_ACCESS_PERMISSIONS, enabled on the
 *     Debian kernels), or an LSM refused with EPERM. /proc/sys files check
 *     the caller's permission on every read (proc_sys_call_handler()), and
 *     /dev/fuse refuses reads before it is attached to a mount.
 *
 * error: ENODATA, the file has no data to report
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: Returned by read methods that have nothing to show, for example
 *     sysfs attributes whose driver has no value available and
 *     cache-backed filesystems whose data is missing from the cache.
 *
 * error: EOPNOTSUPP, the file does not support reading in this way
 *   trigger: fd=udp_icmp_error, count=1
 *   desc: For example a socket whose protocol has no receive operation, or
 *     the pending error that ICMP source route failed leaves on a TCP or
 *     connected UDP socket.
 *
 * error: ECANCELED, a timerfd armed with TFD_TIMER_CANCEL_ON_SET saw the clock set
 *   trigger: fd=timerfd_canceled, count=8
 *   objects: timerfd, fuse, overlay, other
 *   desc: A CLOCK_REALTIME or CLOCK_REALTIME_ALARM timerfd armed as an
 *     absolute timer with TFD_TIMER_CANCEL_ON_SET fails every read with
 *     ECANCELED after the clock was set (settimeofday(), clock_settime(),
 *     an NTP step), until it is armed again (timerfd_read() in 6.1,
 *     timerfd_read_iter() in 6.12).
 *
 * error: EPIPE, /dev/kmsg records were overwritten, or a socket's pending error
 *   trigger: fd=kmsg_overwritten, count=8192
 *   objects: kmsg, sock, fuse, overlay, other
 *   desc: /dev/kmsg: the record the reader would read next was overwritten
 *     in the ring buffer before it was read; the read fails once with EPIPE
 *     and the reader continues at the oldest record (devkmsg_read()). No
 *     signal is sent. TCP: a reset that arrives in the CLOSE_WAIT state
 *     leaves EPIPE as the socket's pending error (tcp_reset()).
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=tcp_unconnected, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A connection-oriented socket that has not been connected or is
 *     listening (tcp_recvmsg(); UNIX seqpacket sockets; a UNIX stream
 *     socket gives EINVAL instead). Files of a FUSE mount whose server has
 *     exited or was aborted fail every request with ENOTCONN
 *     (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=tcp_reset, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A stream socket whose peer aborted the connection: a TCP reset,
 *     or a UNIX stream or seqpacket peer that was closed without reading
 *     everything sent to it (unix_release_sock()). A UNIX datagram socket
 *     gets it when its peer, connected back to it, connects elsewhere or
 *     disconnects while messages from it were still unread there, which
 *     are dropped (unix_dgram_disconnected()). It is the socket's pending
 *     error and is reported once.
 *
 * error: ECONNREFUSED, a socket's pending error: the peer refused
 *   trigger: fd=tcp_refused, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or
 *     write, and clear it (sock_error()). ECONNREFUSED is left by a TCP
 *     reset during the connection attempt and by an ICMP port unreachable
 *     answer to a connected UDP socket. A FUSE connection whose
 *     initialisation failed refuses every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=fuse_dev_aborted, count=131072
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by
 *     tcp_abort(); /dev/fuse after the connection was aborted through its
 *     abort file in the fusectl file system (fuse_dev_do_read()), when the
 *     server asked for FUSE_ABORT_ERROR in its INIT reply (without it the
 *     read fails with ENODEV).
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with
 *     the softerr option; a driver or block device request that timed out
 *     (O_DIRECT reads see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, a socket's pending error: no route to the host
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host unreachable (and the other host and filter
 *     codes) for TCP and connected UDP sockets (icmp_err_convert[]), or by
 *     a failed neighbour resolution.
 *
 * error: ENETUNREACH, a socket's pending error: the network is unreachable
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP network unreachable for TCP and connected UDP
 *     sockets.
 *
 * error: ENETDOWN, a socket's pending error: the network device went down
 *   trigger: fd=packet_dev_down, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Packet sockets bound to a device that went down report it
 *     (packet_notifier()); other families can hold it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP
 *     sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=udp_icmp_error, count=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, a socket's pending error: the message was too large for the path
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, chr, fuse, overlay, other
 *   desc: An ICMP "fragmentation needed" answer to a datagram that a
 *     connected UDP socket sent with path MTU discovery on leaves EMSGSIZE
 *     as its pending error (__udp4_lib_err()), reported once.
 *
 * error: ENOSPC, the buffer cannot hold the record
 *   trigger: fd=perf_event, count=1
 *   desc: A perf event descriptor refuses a read shorter than its record
 *     (perf_read(): count below the event's read_size).
 *
 * error: EMFILE, the reader's descriptor table is full
 *   trigger: fd=fanotify_pending, count=4096, setup=fd_table_full
 *   objects: fanotify, fuse, overlay, other
 *   desc: fanotify: each event read opens a descriptor of the file it is
 *     about (create_fd()); when none is free the read fails with EMFILE.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: fd=fanotify_pending, count=4096, setup=file_max_reached,
 *     setup=nobody
 *   objects: fanotify, fuse, overlay, other
 *   desc: fanotify: opening the event's file failed at fs.file-max.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, count=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they
 *     find inconsistent metadata while reading the file's block map or
 *     extents; the filesystem may also be shut down or remounted read-only as
 *     a result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks
 *     whose checksum is wrong while reading the file's block map.
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
 *   desc: Taken by fdget_pos() before the read and released by fdput_pos()
 *     after it, when the file has atomic position semantics (regular files
 *     and directories) and the open file description is used by more than
 *     one holder at the time, or is a directory. The wait for it is not
 *     interruptible. Stream files never take it.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table while fd is looked up, when the table
 *     is shared with other threads; a reference to the file is taken and the
 *     read-side section ends before the read method runs.
 *
 * lock: pipe->mutex
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Pipes and FIFOs hold it while taking data out of the pipe buffers
 *     and drop it while sleeping for data.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Some filesystems take the file's inode lock shared for direct and
 *     DAX reads. Buffered reads of regular files go through the page cache
 *     without it.
 *
 * lock: read method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: Whatever the read method of the file takes internally, such as the
 *     socket lock, terminal line discipline locks or a driver's own mutex.
 *     All of them are released before the call returns.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The read method sleeps interruptibly waiting for data
 *   desc: A pending signal ends the wait. With nothing copied yet the call
 *     fails with ERESTARTSYS (restarted or turned into EINTR on the way back
 *     to user space) or EINTR; with some data copied it returns the partial
 *     count. Fatal signals also end waits that are only killable.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * signal: SIGTTIN
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_STOP
 *   condition: A background process group reads its controlling terminal
 *   desc: The terminal sends SIGTTIN to the caller's whole process group and
 *     the call returns ERESTARTSYS, so it is restarted once the group is
 *     continued. If SIGTTIN is ignored or blocked, or the process group is
 *     orphaned, no signal is sent and the read fails with EIO instead.
 *   errno: ERESTARTSYS
 *   timing: KAPI_SIGNAL_TIME_BEFORE
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION
 *   target: file->f_pos
 *   condition: The file keeps a position and the read returned a count >= 0
 *   desc: The position advances by the number of bytes returned. Stream
 *     files (pipes, sockets, FIFOs) have no position. A failed read leaves
 *     the position as it was. lseek() can move it back on seekable files.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_IRREVERSIBLE
 *   target: queued data of pipes, sockets, terminals and event files
 *   condition: The file is a queue rather than storage and data was returned
 *   desc: Bytes read from a pipe, FIFO, socket or terminal are removed from
 *     it, and counters such as eventfd's are reset; waiting writers are woken.
 *     A later read cannot return the same data again.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: inode access time
 *   condition: Data was read and atime updates are not suppressed
 *   desc: Reads through the page cache and pipe reads mark the inode as
 *     accessed. Mount options (noatime, relatime, nodiratime), O_NOATIME and
 *     the filesystem decide whether and when atime really changes.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The read method was called
 *   desc: The task's syscr counter is incremented and, when bytes were
 *     returned, rchar grows by their number (/proc/PID/io). Calls that fail
 *     before the read method runs (EBADF, EFAULT, the position and permission
 *     checks) change neither.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: fsnotify access event
 *   condition: The read returned a count > 0
 *   desc: An FS_ACCESS event is generated for the file, seen as IN_ACCESS by
 *     inotify and FAN_ACCESS by fanotify watchers.
 *   reversible: no
 *
 * constraint: Transfer size
 *   desc: A successful read never reports more bytes than were asked for,
 *     and never more than MAX_RW_COUNT, however large count is. Larger counts
 *     are clamped, not refused.
 *   expr: ret <= min(count, MAX_RW_COUNT)
 *
 * constraint: Open for reading
 *   desc: The file behind fd must have been opened for reading (EBADF
 *     otherwise) and must have a read method (EINVAL otherwise). O_PATH
 *     descriptors are not found by the lookup at all (EBADF).
 *   expr: (file->f_mode & FMODE_READ) && (file->f_mode & FMODE_CAN_READ)
 *
 * constraint: User address range
 *   desc: After the descriptor checks, the buffer range must lie inside the
 *     user address space, or the call fails with EFAULT. This is the same
 *     condition in 6.1 and 6.12 although the code of access_ok() differs.
 *   expr: count <= TASK_SIZE_MAX && (unsigned long)buf <= TASK_SIZE_MAX - count
 *
 * constraint: Position range
 *   desc: For a file with a position and without unsigned offsets, a
 *     negative position or a position + count that overflows loff_t fails
 *     with EINVAL; with unsigned offsets, a negative position with count at
 *     least its distance to the top of the range fails with EOVERFLOW.
 *   expr: pos >= 0 && pos + count >= 0
 *
 * examples: n = read(fd, buf, sizeof(buf));    // one read of up to sizeof(buf) bytes
 *   while ((n = read(fd, buf, sizeof(buf))) > 0)
 *           consume(buf, n);                 // read until end of file
 *   n = read(fd, NULL, 0);                   // 0 for files, pipes, sockets;
 *                                            // EINVAL for eventfd, timerfd
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers: in 6.1 the
 *   fanotify read permission event (FAN_ACCESS_PERM) is raised from inside
 *   security_file_permission(), while 6.12 raises it separately from
 *   rw_verify_area() and only for files that a permission watch applies to;
 *   the result (EPERM on denial) is the same. Unsigned offsets are a flag of
 *   the open file (FMODE_UNSIGNED_OFFSET) in 6.1 and a flag of the file
 *   operations (FOP_UNSIGNED_OFFSET) in 6.12. For directories, 6.1 decides to
 *   take the position lock from the file type and 6.12 from the presence of
 *   an iterate_shared method, which selects the same files. The access_ok()
 *   implementation differs but accepts the same ranges. A read of 0 bytes
 *   reaches the read method on both kernels (vfs_read() is the same), and
 *   the methods named in the description treat it the same way on both.
 *   O_DIRECT reads of tmpfs files exist only on 6.12, because 6.1 refuses
 *   O_DIRECT at open on tmpfs.
 *
 *   Errors and objects: an error with an objects: line is returned only by
 *   the object kinds listed there (by file type, implementation, or both);
 *   an error without one can come from any file. Every qualified error
 *   also lists fuse (a FUSE server's answer is passed to the caller as it
 *   is, any error below 512, fuse_dev_do_write()), overlay (which passes on
 *   the errors of the file systems below it) and other (implementations
 *   kapi has no name for, such as CIFS, 9p or Ceph files and sockets and
 *   devices of other kinds). Generic errors (EBADF, EFAULT, EINTR,
 *   ERESTARTSYS, EIO, ENOMEM, EACCES, EPERM, ...) and errors that the
 *   write methods of sysfs, cgroup and /proc/sys files or drivers may
 *   return for their own reasons (EINVAL, ENODEV, ENOENT, ETIMEDOUT, ...)
 *   are not qualified. The pending socket errors (ECONNREFUSED,
 *   EHOSTUNREACH, ...) are those sock_error() hands out: TCP's come from
 *   tcp_reset(), tcp_write_err() and ICMP errors (icmp_err_convert[],
 *   tcp_v4_err()), connected UDP sockets' from ICMP errors (__udp4_lib_err()),
 *   UNIX sockets' from unix_release_sock() and unix_dgram_disconnected().
 *   They are the same on 6.1 and 6.12.
 *
 *   Differences from upstream's specification of read: the capabilities
 *   CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH are not listed, because read
 *   makes no discretionary access check (that happens at open time); the
 *   syscr counter is only incremented when the read method runs; count is
 *   not given a range, since no value is refused; and a count that is
 *   negative as a ssize_t gives EFAULT on x86-64, not EINVAL.
 */
asmlinkage long sys_read(unsigned int fd, char __user *buf, size_t count);

/**
 * sys_write - write from a user buffer to a file descriptor
 * @fd: descriptor to write to
 * @buf: user memory that holds the data
 * @count: number of bytes to write
 *
 * long-desc: Transfers up to count bytes from the user buffer at buf to the
 *   file open on fd and returns the number of bytes accepted. As for read(),
 *   the system call looks up the descriptor and checks the request, and the
 *   file's write method (->write or ->write_iter) does the work, so blocking,
 *   short writes and most error codes depend on what fd refers to.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result. The descriptor is looked up (EBADF if it is not open or is an
 *   O_PATH descriptor). The file must be open for writing (EBADF) and must
 *   have a write method (EINVAL). The range buf to buf + count must lie in the
 *   user part of the address space (EFAULT). For files with a position, the
 *   position and count must not overflow (EINVAL, EOVERFLOW). Security modules
 *   may refuse the access (EACCES, EPERM). Then count is clamped to
 *   MAX_RW_COUNT; for regular files the call waits while the filesystem is
 *   frozen, and the write method is called.
 *
 *   Regular files are written at the current position, or at the end of the
 *   file when it was opened with O_APPEND (the end is found under the inode
 *   lock, so appends from several writers do not overwrite each other). The
 *   position then advances by the number of bytes written. The file size
 *   limit RLIMIT_FSIZE and the filesystem's maximum file size end a write
 *   early (a short write) or, when the position is already at or beyond
 *   them, fail it with EFBIG. Writing to a regular file also clears the
 *   set-user-ID bit and usually the set-group-ID bit unless the caller has
 *   CAP_FSETID, and updates the modification and change times. Data normally
 *   reaches the page cache only; O_SYNC and O_DSYNC files are flushed to
 *   storage before the call returns.
 *
 *   Pipes and FIFOs accept writes of up to PIPE_BUF bytes atomically. Writing
 *   to a pipe or FIFO with no reader left, to a TCP socket that can no longer
 *   send and has no pending error, or to a UNIX stream socket whose peer is
 *   gone, raises SIGPIPE against the calling thread and fails with EPIPE.
 *   Not every EPIPE comes with SIGPIPE: UNIX datagram and seqpacket sockets
 *   return EPIPE without a signal, and a TCP socket with a pending error
 *   (ECONNRESET after a reset, for example) returns that error, without a
 *   signal, instead of EPIPE. Sockets report such asynchronous errors once,
 *   on the next read or write.
 *
 *   A count of 0 still passes every check above and reaches the write method;
 *   regular files and pipes then return 0 without changing anything, while
 *   other files may act on it (a datagram socket can send an empty datagram,
 *   and a TCP socket still reports its pending error, or EPIPE with
 *   SIGPIPE when it cannot send).
 *   A signal that arrives after some data has been written makes the call
 *   return the partial count instead of failing.
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
 *   cdesc: The descriptor is an unsigned int. A descriptor table never grows
 *     beyond INT_MAX entries, so a larger value is never open and always fails
 *     with EBADF; AT_FDCWD and other negative numbers arrive as such large
 *     values. Inside the range, fd must be open in the caller's table, must
 *     not be an O_PATH descriptor, and must have been opened with O_WRONLY or
 *     O_RDWR; otherwise the result is EBADF as well.
 *
 * param: buf
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_BUFFER
 *   size-param: 2
 *   errno: EFAULT
 *   order: 2
 *   cdesc: The only check made before the write method runs is that the range
 *     buf to buf + count lies below the top of the user address space
 *     (TASK_SIZE_MAX on x86-64) without wrapping around; if it does not, the
 *     result is EFAULT, even for a count of 0. This check comes after the
 *     descriptor checks (EBADF, EINVAL). Whether the memory is mapped and
 *     readable is found out only while copying: a fault before the first byte
 *     gives EFAULT and a fault after some bytes gives a short count. O_DIRECT
 *     writes may require buf to be aligned as statx() reports with
 *     STATX_DIOALIGN, and fail with EINVAL otherwise.
 *
 * param: count
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: No value of count is an error by itself. A count above MAX_RW_COUNT
 *     is silently reduced to MAX_RW_COUNT before the write method runs, so one
 *     call never transfers more than that. The limit that does apply is the
 *     address range check on buf, which covers buf + count. On x86-64 that
 *     check fails, with EFAULT, for every count that is negative as a
 *     ssize_t, so the EINVAL that rw_verify_area() has for such counts is not
 *     reachable through this system call.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The number of bytes written, at most the smaller of count and
 *     MAX_RW_COUNT, and possibly fewer (a short write: a full device, the
 *     file size limit, a signal, a non-blocking pipe or socket with little
 *     room). On failure a negative error code, and the file position is left
 *     unchanged.
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for writing
 *   trigger: fd=opath, count=1
 *   desc: The descriptor lookup found nothing (never opened, already closed,
 *     or a number above the table size), found an O_PATH descriptor, or found
 *     a file opened with O_RDONLY or with the access mode 3 (no FMODE_WRITE).
 *     This is the first check made.
 *
 * error: EFAULT, buf to buf + count is outside user space, or the copy faulted at once
 *   trigger: fd=file_wronly, buf=kernel_ptr, count=1, check=pos_unchanged
 *   desc: Either the address range check on buf failed (see the buf
 *     parameter), or the write method could not read the first byte because
 *     the memory is not mapped or not readable. A fault after some bytes were
 *     taken yields a short count instead.
 *
 * error: EINVAL, no write method, bad position, misaligned O_DIRECT, or data refused
 *   trigger: fd=eventfd, count=1
 *   desc: The file has no write method; the file position is negative or
 *     position + count overflows, on a file that does not allow unsigned
 *     offsets; an O_DIRECT write does not meet the alignment the filesystem
 *     requires for buf, count or position; or the write method refuses the
 *     data: eventfd (eventfd_write()) for a buffer shorter than 8 bytes or
 *     for the reserved value; /dev/kmsg (devkmsg_write()) for a record
 *     longer than its line limit; /dev/fuse (fuse_dev_do_write()) for a
 *     malformed reply; and sysfs attributes, cgroup control files
 *     (cgroup.procs, cgroup.subtree_control, memory.max, ...) and /proc/sys
 *     files for a value they do not accept, which is the most common case
 *     on an ordinary system. A count that is negative as a ssize_t gives
 *     EFAULT, not EINVAL, on x86-64 (see the count parameter).
 *
 * error: EAGAIN, O_NONBLOCK is set and the data cannot be accepted yet
 *   trigger: fd=pipe_wr_full_nonblock, count=1
 *   desc: A pipe, FIFO, socket, eventfd or terminal in non-blocking mode has
 *     no room. A socket send timeout (SO_SNDTIMEO) that expires also ends in
 *     EAGAIN. Control files use it too: memory.reclaim of a cgroup when it
 *     could not reclaim the amount written (memory_reclaim()), and some
 *     sysfs attributes for an operation that is busy. EWOULDBLOCK is the
 *     same error number on Linux.
 *
 * error: EINTR, a signal interrupted a wait before any data was written
 *   trigger: fd=pipe_wr_full, count=1, setup=alarm
 *   desc: The write method was waiting (for room in a pipe or socket, for a
 *     device, for a FUSE server's answer) and a signal arrived before any
 *     byte was accepted. Methods that allow a restart return ERESTARTSYS
 *     instead.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code, turned into EINTR or a restart of the system
 *     call on the way back to user space, so a program never sees it; a probe
 *     on the system call's return value does. It is also the return value
 *     after SIGTTOU was sent for a background write to the controlling
 *     terminal.
 *
 * error: ERESTARTNOINTR, a lock was busy; the call is always restarted
 *   trigger: none -- kernel-internal code: the call is restarted before it
 *     returns to user space
 *   desc: Kernel-internal code, from restart_syscall(): some sysfs
 *     attributes (for example a device's online file, through
 *     lock_device_hotplug_sysfs(), or network device settings under the
 *     RTNL lock) give up at once when another task holds the lock they
 *     need, and the call starts over on the way back to user space, so a
 *     program never sees it; a probe on the system call's return value does.
 *
 * error: ESRCH, the process a /proc file or a cgroup write names does not exist
 *   trigger: fd=cgroup_procs, buf=buf_absent_pid, count=7
 *   desc: Files under /proc/PID that take writes (oom_score_adj, comm,
 *     attr/..., ...) look up their task on every write; once it has exited
 *     and been reaped the write fails with ESRCH. Writing a process or
 *     thread ID that does not exist to cgroup.procs, cgroup.threads or a
 *     cgroup v1 tasks file fails with ESRCH too (cgroup_procs_write_start()).
 *
 * error: EPIPE, the reading side of the pipe or socket is gone
 *   trigger: fd=pipe_wr_no_reader, count=1, check=sigpipe
 *   objects: fifo, sock, fuse, overlay, other
 *   desc: A pipe or FIFO with no reader left (pipe_write()); a TCP socket
 *     that is not connected, was shut down for writing or whose connection
 *     is closed, with no pending error (tcp_sendmsg_locked(),
 *     sk_stream_error()); a UNIX stream socket whose peer is closed or shut
 *     down for reading (unix_stream_sendmsg()); a UNIX datagram or
 *     seqpacket socket whose peer shut down reading (unix_dgram_sendmsg()).
 *     Pipes, FIFOs, TCP and UNIX stream sockets also send SIGPIPE to the
 *     calling thread, and return EPIPE whether that signal is ignored,
 *     blocked or handled; UNIX datagram and seqpacket sockets send no
 *     signal.
 *
 * error: EFBIG, the position is at or beyond the file size limit
 *   trigger: fd=file_wronly, count=1, setup=fsize_zero, check=pos_unchanged
 *   desc: The position is at or beyond the caller's RLIMIT_FSIZE (SIGXFSZ is
 *     sent too), beyond the filesystem's maximum file size, or beyond
 *     MAX_NON_LFS for a file opened without O_LARGEFILE (possible only for a
 *     descriptor opened by a 32-bit program; the native open() always sets
 *     O_LARGEFILE). A write that merely crosses one of these limits is cut
 *     short at the limit instead. A sysfs binary attribute refuses writes at
 *     or past its size the same way.
 *
 * error: E2BIG, the write is longer than the file accepts at once
 *   trigger: fd=cgroup_procs, count=8192
 *   objects: cgroup2, cgroup, fuse, overlay, other
 *   desc: cgroup control files take a value in one write of at most a page
 *     (or the file's own limit) and refuse a longer one
 *     (kernfs_fop_write_iter(), atomic_write_len). sysfs attributes instead
 *     take at most a page and return a short count.
 *
 * error: ENOSPC, no space left on the device
 *   trigger: fd=dev_full, count=1
 *   desc: The filesystem or device has no room for the data; a write that
 *     runs out of space after some data was stored returns the short count.
 *     Some control files (cgroup, sysfs) use it for a table that is full.
 *
 * error: EDQUOT, the disk quota is exhausted
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: The block quota of the file's owner on the filesystem is used up.
 *
 * error: EIO, I/O error, or a background write to a terminal that cannot stop
 *   trigger: fd=pty_slave_hungup, count=1
 *   desc: The device or filesystem reported an I/O error, including errors
 *     from the flush of an O_SYNC or O_DSYNC write. For terminals, a process
 *     in an orphaned background process group writing its controlling
 *     terminal while TOSTOP is set gets EIO, and so does a write to a
 *     terminal that was hung up. A /proc file whose entry was removed while
 *     open returns it too.
 *
 * error: EPERM, a file seal, a file attribute or a security module forbids it
 *   trigger: fd=memfd_sealed, count=1
 *   desc: A memfd or shmem file sealed with F_SEAL_WRITE or
 *     F_SEAL_FUTURE_WRITE refuses all writes, and with F_SEAL_GROW refuses
 *     writes past its end; some filesystems refuse writes to a file that
 *     became immutable after it was opened; an LSM may refuse with EPERM.
 *     fanotify has no permission event for writes on these kernels. Also:
 *     /proc/sys files check the caller's permission on every write
 *     (proc_sys_call_handler()); on a cgroup2 mount with nsdelegate, the
 *     files of a cgroup namespace's root cgroup that are not delegated
 *     refuse writers from that namespace (cgroup_file_write()); /dev/fuse
 *     refuses writes before
 *     it is attached to a mount; a UNIX datagram socket whose peer is
 *     connected to another socket (unix_dgram_sendmsg()); packets dropped by
 *     netfilter or a cgroup BPF program.
 *
 * error: EOVERFLOW, negative position on a file with unsigned offsets
 *   trigger: fd=proc_mem_high, count=2
 *   desc: Files that use the full unsigned 64-bit offset range hold positions
 *     above LLONG_MAX, which look negative; a write whose count reaches past
 *     the top of that range fails.
 *
 * error: EDESTADDRREQ, datagram socket without a peer address
 *   trigger: fd=udp_unconnected, count=1
 *   objects: sock, fuse, overlay, other
 *   desc: write() has no address argument, so a datagram socket such as a
 *     UDP socket must have been connected with connect() first
 *     (udp_sendmsg()). An unconnected UNIX datagram socket gives ENOTCONN
 *     instead.
 *
 * error: ETXTBSY, the file is an active swap file
 *   trigger: fd=bdev_swap_active, count=1
 *   desc: Regular files and block devices in use as swap space refuse
 *     writes, even a write of 0 bytes (generic_write_checks_count(),
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
 *   desc: For example a page for a pipe buffer, socket buffers, or the copy
 *     of a value written to sysfs, /proc/sys or /dev/kmsg.
 *
 * error: ENOBUFS, no buffer space for the outgoing data
 *   trigger: fd=udp_small_sndbuf, count=60000
 *   desc: Some socket families report a full transmit path this way; a
 *     netlink socket's pending overrun error is reported on writes too.
 *
 * error: EACCES, a security module refused the write
 *   trigger: fd=udp6_icmp_prohibited, count=1
 *   desc: The file_permission hook of an LSM checks every write again, so a
 *     policy change can refuse a write on a file that was opened
 *     successfully. Also: writing a process to cgroup.procs without write
 *     permission on the common ancestor of its old and new cgroup
 *     (cgroup_procs_write_permission()); a UDP datagram to a broadcast
 *     address without SO_BROADCAST (udp_sendmsg()); an IPv6 pending error
 *     (ICMPv6 "administratively prohibited").
 *
 * error: ENOENT, the object behind a pseudo file is gone, or a reply has no request
 *   trigger: fd=fuse_dev, buf=buf_fuse_reply_unknown, count=16
 *   desc: A /proc/sys file whose sysctl table was unregistered
 *     (proc_sys_call_handler()); /dev/fuse for a reply whose request is not
 *     (or no longer) pending (fuse_dev_do_write()); sysfs and cgroup files
 *     for a name they do not know.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, count=1
 *   desc: sysfs and cgroup files are kernfs nodes: once the node is removed
 *     (a device unplugged, a cgroup deleted) every write through a
 *     descriptor opened before fails with ENODEV (kernfs_fop_write_iter());
 *     cgroup control files of a cgroup that is being removed; drivers of
 *     unplugged devices.
 *
 * error: ENXIO, no such device or address
 *   trigger: fd=packet_unbound, count=64
 *   desc: A packet socket not bound to a device (packet_snd()); sysfs
 *     attributes and drivers whose device is not there.
 *
 * error: EBUSY, the object is busy
 *   trigger: fd=cgroup_busy_subtree, buf=buf_plus_memory, count=7
 *   desc: Control files refuse changes that conflict with the current
 *     state: cgroup.subtree_control and cgroup.procs under the cgroup v2
 *     rules (for example the no-internal-process rule), cgroup v1 files of
 *     an active hierarchy, sysfs attributes of a device in use.
 *
 * error: ERANGE, a value written is out of range
 *   trigger: fd=cgroup_pids_max, buf=buf_huge_number, count=20
 *   desc: sysfs, cgroup and /proc/sys write methods that parse numbers with
 *     kstrto*() return it for a number that does not fit.
 *
 * error: ENOTCONN, the socket is not connected, or the FUSE connection is gone
 *   trigger: fd=unix_stream_unconnected, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A UNIX stream, seqpacket or datagram socket that has no peer
 *     (unix_stream_sendmsg(), unix_dgram_sendmsg()); other
 *     connection-oriented families. An unconnected TCP socket gives EPIPE
 *     instead. Files of a FUSE mount whose server has exited or was
 *     aborted fail every request with ENOTCONN (fuse_get_req()).
 *
 * error: ECONNRESET, the peer reset the connection
 *   trigger: fd=tcp_reset, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A TCP connection that was reset (its pending error, reported on
 *     the first write after the reset; later writes fail with EPIPE); a
 *     UNIX stream peer that was closed with unread data; a UNIX datagram
 *     socket whose peer reconnected elsewhere and dropped unread messages
 *     from it.
 *
 * error: ECONNREFUSED, the peer refused, or a socket's pending error
 *   trigger: fd=tcp_refused, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Sockets report an asynchronous error once, on the next read or
 *     write, and clear it (sock_error(), also checked by
 *     sock_alloc_send_pskb()). ECONNREFUSED is left by an ICMP port
 *     unreachable answer to an earlier datagram of a connected UDP socket
 *     and by a TCP reset during the connection attempt. A UNIX datagram
 *     socket whose connected peer was closed gets it directly
 *     (unix_dgram_sendmsg(); typical for logging to a restarted journald or
 *     syslog socket), and so does a netlink socket that sends to a port with
 *     no listener. A FUSE connection whose initialisation failed refuses
 *     every request with it.
 *
 * error: ECONNABORTED, the connection was aborted locally
 *   trigger: fd=tcp_destroyed, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A TCP socket destroyed with SOCK_DESTROY (ss -K) or by
 *     tcp_abort().
 *
 * error: ETIMEDOUT, a connection or request timed out
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: A TCP connection whose retransmissions or keepalive probes went
 *     unanswered (tcp_write_err(), a pending error); an NFS soft mount with
 *     the softerr option; a driver or block device request that timed out
 *     (O_DIRECT writes see BLK_STS_TIMEOUT this way).
 *
 * error: EHOSTUNREACH, no route to the host, or a socket's pending error
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route or a prohibit or
 *     unreachable route (udp_sendmsg()), or ICMP host unreachable left it as
 *     the pending error of a TCP or connected UDP socket.
 *
 * error: ENETUNREACH, the network is unreachable, or a socket's pending error
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: The route lookup of a datagram found no route to the network, or
 *     ICMP network unreachable left it as a pending error.
 *
 * error: ENETDOWN, the network device is down
 *   trigger: fd=packet_dev_down, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: A packet socket's device is down (packet_snd()), or another
 *     family holds it as a pending error.
 *
 * error: EHOSTDOWN, a socket's pending error: the host is down
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host unknown for TCP and connected UDP sockets.
 *
 * error: ENONET, a socket's pending error: the host is isolated
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP host isolated for TCP and connected UDP sockets.
 *
 * error: ENOPROTOOPT, a socket's pending error: protocol unreachable
 *   trigger: fd=udp_icmp_error, count=1
 *   objects: sock, fuse, nfs, overlay, other
 *   desc: Left by ICMP protocol unreachable for TCP and connected UDP
 *     sockets.
 *
 * error: EPROTO, a protocol error
 *   trigger: fd=udp_icmp_error, count=1
 *   desc: A socket's pending error after an ICMP parameter problem; USB and
 *     other drivers that got a malformed answer from their device.
 *
 * error: EMSGSIZE, the datagram is too large
 *   trigger: fd=udp_loopback, count=70000
 *   objects: sock, chr, fuse, overlay, other
 *   desc: A datagram socket cannot send count bytes as one message: more
 *     than 65507 bytes of UDP payload, more than the send buffer of a UNIX
 *     datagram socket, or more than the path MTU with the don't-fragment
 *     setting.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they
 *     find inconsistent metadata while allocating or mapping blocks for the
 *     data; the filesystem may also be shut down or remounted read-only as a
 *     result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks
 *     whose checksum is wrong while allocating blocks.
 *
 * error: EROFS, the filesystem became read-only after fd was opened
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: ext4 with errors=remount-ro and Btrfs switch to read-only after
 *     an error, and later writes fail with EROFS; an NFS server that
 *     exports the file system read-only refuses the write-back of data
 *     written through fd, reported by a later write.
 *
 * error: ENOTDIR, a FUSE notification names a non-directory
 *   trigger: fd=fuse_dev_served, buf=buf_fuse_notify_delete_in_file, count=45
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: an invalidation or delete notification written by the
 *     server names a parent that is not a directory
 *     (fuse_reverse_inval_entry()); a FUSE server's answer.
 *
 * error: ENOTEMPTY, a FUSE delete notification names a non-empty directory
 *   trigger: fd=fuse_dev_served, buf=buf_fuse_notify_delete_tree, count=45
 *   objects: fuse, overlay, other
 *   desc: /dev/fuse: a FUSE_NOTIFY_DELETE written by the server names a
 *     directory that still has entries (fuse_reverse_inval_entry()); a
 *     FUSE server's answer.
 *
 * error: EOPNOTSUPP, the file does not support writing in this way
 *   trigger: fd=cgroup_thread_root_subtree, buf=buf_plus_memory, count=7
 *   desc: For example a socket whose protocol has no send operation, or a
 *     cgroup control file that does not apply to a threaded cgroup.
 *
 * error: ESTALE, a network filesystem's file handle went stale
 *   trigger: fd=fuse_file_io_fails, count=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the NFS server (or another
 *     network filesystem's server) while it was open here.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Taken by fdget_pos() before the write and released by fdput_pos()
 *     after it, when the file has atomic position semantics (regular files
 *     and directories) and the open file description is used by more than
 *     one holder at the time. The wait for it is not interruptible. Stream
 *     files never take it.
 *
 * lock: sb->s_writers
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: Freeze protection of the filesystem, taken for writes to regular
 *     files only (file_start_write() and file_end_write() around the write
 *     method). While the filesystem is frozen (fsfreeze) the write waits,
 *     uninterruptibly, until it is thawed.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Regular files on most filesystems take the inode lock exclusively
 *     around the write, which also makes O_APPEND writes atomic with respect
 *     to each other; some filesystems take it shared for direct I/O.
 *
 * lock: pipe->mutex
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Pipes and FIFOs hold it while filling the pipe buffers and drop it
 *     while sleeping for room.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table while fd is looked up, when the table
 *     is shared with other threads; it ends before the write method runs.
 *
 * signal: SIGPIPE
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_TERMINATE
 *   condition: A pipe or FIFO without readers, or a TCP or UNIX stream socket that cannot send
 *   desc: Sent with send_sig() to the calling thread by pipe_write(),
 *     sk_stream_error() (TCP and the other stream protocols built on it) and
 *     unix_stream_sendmsg() (only when nothing was sent yet); its default
 *     action ends the process. The write fails with EPIPE whether the signal
 *     is handled, ignored or blocked. No signal comes with the EPIPE of UNIX
 *     datagram and seqpacket sockets, nor when a socket's pending error is
 *     returned instead of EPIPE. (send() with MSG_NOSIGNAL avoids it;
 *     write() has no such option.)
 *   errno: EPIPE
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * signal: SIGXFSZ
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_COREDUMP
 *   condition: The position of a regular file write is at or beyond RLIMIT_FSIZE
 *   desc: Sent to the calling thread together with the EFBIG failure. Its
 *     default action ends the process with a core dump. A write that only
 *     crosses the limit is shortened and sends nothing.
 *   errno: EFBIG
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * signal: SIGTTOU
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_STOP
 *   condition: A background process group writes its terminal with TOSTOP set
 *   desc: The terminal sends SIGTTOU to the caller's whole process group and
 *     the call returns ERESTARTSYS, so it is restarted once the group is
 *     continued. If SIGTTOU is ignored or blocked the write simply goes ahead;
 *     if the process group is orphaned the write fails with EIO.
 *   errno: ERESTARTSYS
 *   timing: KAPI_SIGNAL_TIME_BEFORE
 *   restartable: yes
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The write method sleeps interruptibly waiting for room
 *   desc: A pending signal ends the wait. With nothing written yet the call
 *     fails with ERESTARTSYS (restarted or turned into EINTR on the way back
 *     to user space) or EINTR; with some data written it returns the partial
 *     count.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION
 *   target: file->f_pos
 *   condition: The file keeps a position and the write returned a count >= 0
 *   desc: The position advances by the number of bytes written; with
 *     O_APPEND it is first moved to the end of the file. Stream files have no
 *     position. A failed write leaves the position as it was.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: file data and size
 *   condition: Bytes were written to a regular file or block device
 *   desc: The data replaces or extends the file's contents, normally in the
 *     page cache first; the file grows when the write ends past its size.
 *     Only O_SYNC, O_DSYNC, fsync() or writeback make it durable.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: queued data of pipes, sockets and terminals
 *   condition: The file is a queue or a communication endpoint
 *   desc: The bytes are queued for the reader or sent to the peer, and
 *     waiting readers are woken. They cannot be taken back.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: inode modification and change times
 *   condition: Bytes were written (regular files, pipes and FIFOs)
 *   desc: mtime and ctime are set to the current time; for regular files this
 *     happens before the data is copied, for pipes after.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: set-user-ID and set-group-ID mode bits
 *   condition: Writing a regular file that has S_ISUID or S_ISGID set
 *   desc: The set-user-ID bit is removed, and so is the set-group-ID bit when
 *     group execute is set or the caller is not in the file's group, unless
 *     the caller has CAP_FSETID.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The write method was called
 *   desc: The task's syscw counter is incremented and, when bytes were
 *     written, wchar grows by their number (/proc/PID/io). Calls that fail
 *     before the write method runs change neither.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: fsnotify modify event
 *   condition: The write returned a count > 0
 *   desc: An FS_MODIFY event is generated for the file, seen as IN_MODIFY by
 *     inotify and FAN_MODIFY by fanotify watchers.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_SIGNAL_SEND
 *   target: the calling thread or its process group
 *   condition: EPIPE (pipe, FIFO, stream socket), EFBIG (size limit), background terminal output
 *   desc: SIGPIPE, SIGXFSZ or SIGTTOU, as described under the signals.
 *   reversible: no
 *
 * capability: CAP_FSETID
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: Writing a set-user-ID or set-group-ID file keeps those mode bits
 *   without: The bits are removed by the first write that changes the file
 *   condition: The file is a regular file with S_ISUID or S_ISGID set
 *
 * capability: CAP_SYS_RESOURCE
 *   type: KAPI_CAP_INCREASE_LIMIT
 *   allows: Using blocks reserved for privileged users and exceeding quota hard limits
 *   without: The write fails with ENOSPC or EDQUOT earlier
 *   condition: Filesystems with a root reserve (ext2/3/4) or with quotas enabled
 *
 * constraint: Transfer size
 *   desc: A successful write never reports more bytes than were asked for,
 *     and never more than MAX_RW_COUNT, however large count is. Larger counts
 *     are clamped, not refused.
 *   expr: ret <= min(count, MAX_RW_COUNT)
 *
 * constraint: Open for writing
 *   desc: The file behind fd must have been opened for writing (EBADF
 *     otherwise) and must have a write method (EINVAL otherwise). O_PATH
 *     descriptors are not found by the lookup at all (EBADF).
 *   expr: (file->f_mode & FMODE_WRITE) && (file->f_mode & FMODE_CAN_WRITE)
 *
 * constraint: User address range
 *   desc: After the descriptor checks, the buffer range must lie inside the
 *     user address space, or the call fails with EFAULT.
 *   expr: count <= TASK_SIZE_MAX && (unsigned long)buf <= TASK_SIZE_MAX - count
 *
 * constraint: Position range
 *   desc: For a file with a position and without unsigned offsets, a
 *     negative position or a position + count that overflows loff_t fails
 *     with EINVAL; with unsigned offsets, a negative position with count at
 *     least its distance to the top of the range fails with EOVERFLOW.
 *   expr: pos >= 0 && pos + count >= 0
 *
 * constraint: RLIMIT_FSIZE
 *   desc: For regular files, the position where the write starts (the end of
 *     file with O_APPEND) must be below the soft file size limit, or the call
 *     sends SIGXFSZ and fails with EFBIG. A write that starts below the limit
 *     and would cross it is shortened to end at the limit.
 *   expr: rlimit(RLIMIT_FSIZE) == RLIM_INFINITY || pos < rlimit(RLIMIT_FSIZE)
 *
 * constraint: File seals
 *   desc: memfd and shmem files sealed with F_SEAL_WRITE or
 *     F_SEAL_FUTURE_WRITE refuse every write with EPERM; with F_SEAL_GROW a
 *     write that would extend the file fails with EPERM.
 *   expr: !(seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) &&
 *     (!(seals & F_SEAL_GROW) || pos + count <= i_size)
 *
 * examples: n = write(fd, buf, len);            // may write fewer than len bytes
 *   for (done = 0; done < len; done += n)
 *           if ((n = write(fd, buf + done, len - done)) < 0)
 *                   break;                   // loop over short writes
 *   write(pipefd[1], "x", 1);                // EPIPE and SIGPIPE if no reader
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers: unsigned
 *   offsets are a flag of the open file (FMODE_UNSIGNED_OFFSET) in 6.1 and of
 *   the file operations (FOP_UNSIGNED_OFFSET) in 6.12; whether a buffered
 *   write may be attempted without blocking is a flag of the open file in 6.1
 *   and of the file operations in 6.12, which matters only for the io_uring
 *   and pwritev2() paths, not for write(); the access_ok() code differs but
 *   accepts the same ranges. Neither kernel raises a fanotify permission
 *   event for writes. O_DIRECT writes of tmpfs files exist only on 6.12,
 *   because 6.1 refuses O_DIRECT at open on tmpfs. SIGPIPE is sent by the
 *   same functions in both kernels (pipe_write(), sk_stream_error(),
 *   unix_stream_sendmsg()); 6.1 also has unix_stream_sendpage(), reached by
 *   sendfile() and splice(), not by write().
 *
 *   Errors and objects: an error with an objects: line is returned only by
 *   the object kinds listed there (by file type, implementation, or both);
 *   an error without one can come from any file. Every qualified error
 *   also lists fuse (a FUSE server's answer is passed to the caller as it
 *   is, any error below 512, fuse_dev_do_write()), overlay (which passes on
 *   the errors of the file systems below it) and other (implementations
 *   kapi has no name for, such as CIFS, 9p or Ceph files and sockets and
 *   devices of other kinds). Generic errors (EBADF, EFAULT, EINTR,
 *   ERESTARTSYS, EIO, ENOMEM, EACCES, EPERM, ...) and errors that the
 *   write methods of sysfs, cgroup and /proc/sys files or drivers may
 *   return for their own reasons (EINVAL, ENODEV, ENOENT, ETIMEDOUT, ...)
 *   are not qualified. The pending socket errors (ECONNREFUSED,
 *   EHOSTUNREACH, ...) are those sock_error() hands out: TCP's come from
 *   tcp_reset(), tcp_write_err() and ICMP errors (icmp_err_convert[],
 *   tcp_v4_err()), connected UDP sockets' from ICMP errors (__udp4_lib_err()),
 *   UNIX sockets' from unix_release_sock() and unix_dgram_disconnected().
 *   They are the same on 6.1 and 6.12.
 *
 *   Differences from upstream's specification of write: CAP_DAC_OVERRIDE
 *   and CAP_FOWNER are not listed, because write makes no discretionary
 *   access check and the set-ID bits are kept by CAP_FSETID; CAP_SYS_RESOURCE
 *   is added. A count of 0 is not a no-op: it reaches the write method. The
 *   RLIMIT_FSIZE rule concerns where the write starts; crossing the limit
 *   shortens the write. EPERM does not come from fanotify. Failing calls do
 *   not touch the syscw counter unless the write method ran.
 */
asmlinkage long sys_write(unsigned int fd, const char __user *buf, size_t count);

/**
 * sys_open - open or create a file and return a new file descriptor
 * @filename: path name of the file, in user memory
 * @flags: access mode, creation flags and file status flags (O_*)
 * @mode: permission bits for a file that the call creates
 *
 * long-desc: Resolves filename and opens the file it names, first creating it
 *   when O_CREAT asks for that, or creates an unnamed file in the directory it
 *   names when O_TMPFILE is given. A relative filename is resolved from the
 *   caller's working directory. On success the new open file description is
 *   installed at the lowest descriptor number not open in the caller's table,
 *   and that number is returned. open(filename, flags, mode) does exactly
 *   what openat(AT_FDCWD, filename, flags, mode) does.
 *
 *   The kernel reads the arguments this way. The native x86-64 entry adds
 *   O_LARGEFILE to flags. Bits outside VALID_OPEN_FLAGS are dropped without an
 *   error (only openat2() refuses unknown bits). With O_PATH, only
 *   O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC are kept besides it and every other
 *   flag, O_CREAT and O_TMPFILE included, is dropped. mode is cut down to the
 *   S_IALLUGO bits and is used only when a file is created (O_CREAT or
 *   O_TMPFILE without O_PATH); the new file gets mode minus the umask, or the
 *   parent directory's default ACL applies instead of the umask.
 *
 *   The work is done in this order, and the first failure decides the result:
 *   the flag combinations are checked (EINVAL); filename is copied in (EFAULT,
 *   ENAMETOOLONG, ENOENT for an empty name); a descriptor number is reserved
 *   (EMFILE); a struct file is allocated (ENFILE); the path is walked, the
 *   file is looked up or created, permissions are checked and the file's open
 *   method runs (all other errors). The reserved number is released again
 *   when a later step fails; other threads can see the descriptor only once
 *   the open has succeeded.
 *
 *   The access mode flags & O_ACCMODE is O_RDONLY, O_WRONLY or O_RDWR. The
 *   value 3 is also accepted: it needs read and write permission but opens
 *   for neither reading nor writing, which some drivers use for ioctl-only
 *   descriptors. O_TRUNC truncates an existing regular file even with
 *   O_RDONLY, as long as the caller may write to it; it is ignored for FIFOs,
 *   terminals and other device files. O_EXCL without O_CREAT has a meaning
 *   only for block devices (exclusive use). O_CREAT | O_EXCL never follows a
 *   symbolic link in the last component.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: filename
 *   type: KAPI_TYPE_PATH
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PATH
 *   errno: EFAULT
 *   order: 2
 *   cdesc: A NUL-terminated string in user memory. If it cannot be read up to
 *     its NUL the result is EFAULT. The string including its NUL must fit in
 *     PATH_MAX bytes, otherwise ENAMETOOLONG; an empty string gives ENOENT.
 *     These checks come after the flag checks, so an invalid flag combination
 *     reports EINVAL even when filename is a bad pointer. Every component
 *     must also be within the filesystem's name length limit (NAME_MAX on
 *     most filesystems), else ENAMETOOLONG.
 *
 * param: flags
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_OPEN_FLAGS
 *   errno: EINVAL
 *   order: 1
 *   cdesc: Any bits may be passed: bits outside VALID_OPEN_FLAGS are ignored,
 *     and with O_PATH everything but O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC is
 *     ignored. Only three combinations are refused, with EINVAL and before any
 *     other check, and only when O_PATH is not set: O_CREAT together with
 *     O_DIRECTORY (this includes O_TMPFILE | O_CREAT, because O_TMPFILE
 *     contains O_DIRECTORY); the __O_TMPFILE bit without O_DIRECTORY; and
 *     O_TMPFILE with the access mode O_RDONLY. They are spelled out as the
 *     constraints below.
 *
 * param: mode
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: A umode_t, so only the low 16 bits of the argument count. No value
 *     is an error for this call: bits outside S_IALLUGO (the permission,
 *     set-user-ID, set-group-ID and sticky bits) are dropped, and the value is
 *     ignored unless a file is created. The created file's mode is mode minus
 *     the umask (or as the default ACL says). In a set-group-ID directory
 *     whose group the caller is not in, S_ISGID is dropped from a mode that
 *     has S_IXGRP unless the caller has CAP_FSETID.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_FD
 *   success: >= 0
 *   desc: The new descriptor: the lowest number that was free in the caller's
 *     table, with its close-on-exec flag set if O_CLOEXEC was given. On
 *     failure a negative error code; no descriptor is left allocated, although
 *     a file created by O_CREAT before a later step failed stays created.
 *
 * error: EACCES, permission denied on the file, on a directory of the path, or to create
 *   trigger: filename=path_private, flags=O_RDONLY, setup=nobody
 *   desc: Search permission is missing on a directory of the path; the file
 *     does not grant the access the open needs (read for O_RDONLY, write for
 *     O_WRONLY and for O_TRUNC, both for O_RDWR and for the access mode 3);
 *     creating needs write and search permission on the parent directory; a
 *     device file lies on a filesystem mounted nodev; the protected_fifos or
 *     protected_regular sysctl refuses an O_CREAT open of someone else's FIFO
 *     or regular file in a sticky world-writable directory; or a security
 *     module (open, create or post-open hook, IMA) refused. Files under
 *     /proc/PID that expose another process (mem, environ, auxv, ...) need
 *     ptrace access to it (EACCES without it, proc_mem_open()).
 *
 * error: EAGAIN, O_NONBLOCK is set and the open conflicts with a lease
 *   trigger: filename=path_leased, flags=O_WRONLY | O_NONBLOCK
 *   desc: Another open file description holds a lease (F_SETLEASE) that
 *     this open would break: a write lease against any open, or a read lease
 *     against an open for writing. Without O_NONBLOCK the call breaks the
 *     lease and waits for the holder instead. EWOULDBLOCK is the same error
 *     number on Linux.
 *
 * error: EBUSY, O_EXCL on a block device in use, or a device with one user
 *   trigger: filename=path_pty_exclusive, flags=O_RDWR | O_NOCTTY, setup=nobody
 *   desc: Opening a block device with O_EXCL claims it exclusively, which
 *     fails while it is mounted or claimed by another exclusive user (swap,
 *     device mapper, md). Devices that allow one opener at a time refuse
 *     the next one: a terminal in exclusive mode (TIOCEXCL) for callers
 *     without CAP_SYS_ADMIN, /dev/watchdog, and other drivers.
 *
 * error: EDQUOT, creating the file would exceed the disk quota
 *   trigger: filename=path_fuse_create_fails, flags=O_CREAT | O_WRONLY, mode=0600,
 *     check=not_created
 *   desc: O_CREAT or O_TMPFILE needs a new inode or directory block and the
 *     quota of the caller on that filesystem is used up.
 *
 * error: EEXIST, O_CREAT and O_EXCL were given and the name exists
 *   trigger: filename=path_file, flags=O_CREAT | O_EXCL | O_WRONLY, mode=0600
 *   desc: The last component exists, as any kind of file, including a
 *     symbolic link whether or not it points anywhere. The test and the
 *     creation are one atomic step.
 *
 * error: EFAULT, filename cannot be read
 *   trigger: filename=kernel_ptr
 *   desc: The string is not (or not entirely, up to its NUL) in readable
 *     user memory.
 *
 * error: EINTR, a signal interrupted a wait
 *   trigger: filename=path_fifo, flags=O_RDONLY, setup=alarm
 *   desc: Opening a FIFO without O_NONBLOCK waits for the other end; breaking
 *     a lease waits for its holder; open methods of terminals and other
 *     devices, and of network and FUSE filesystems, can wait too. Waits that
 *     allow a restart return ERESTARTSYS instead.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code returned by FIFO opens, lease breaks and many
 *     device open methods when a signal arrives; the signal delivery code
 *     turns it into EINTR or restarts the call, so a program never sees it,
 *     but a probe on the system call's return value does.
 *
 * error: EINVAL, an invalid flag combination, or O_DIRECT is not supported
 *   trigger: filename=path_dir, flags=O_TMPFILE | O_RDONLY, mode=0600
 *   desc: Without O_PATH: O_CREAT together with O_DIRECTORY (O_TMPFILE |
 *     O_CREAT included); __O_TMPFILE without O_DIRECTORY; O_TMPFILE with the
 *     access mode O_RDONLY. These are checked before anything else. Later in
 *     the open: O_DIRECT on a file whose filesystem cannot do direct I/O
 *     (do_dentry_open(): no FMODE_CAN_ODIRECT), or a filesystem or driver
 *     open method that refuses the flags. Unknown flag bits and extra mode
 *     bits are not errors for this call. O_DIRECT differs between the
 *     kernels on tmpfs (and memfd and shmem files): 6.1 refuses it with
 *     EINVAL, because shmem has no direct_IO method, while 6.12 accepts it
 *     (shmem_file_open() sets FMODE_CAN_ODIRECT, since 6.6). procfs, sysfs
 *     and most pseudo filesystems refuse O_DIRECT on both.
 *
 * error: EISDIR, write access to a directory, or O_CREAT naming a directory
 *   trigger: filename=path_dir, flags=O_WRONLY
 *   desc: The file is a directory and the access mode is O_WRONLY, O_RDWR or
 *     3, or O_TRUNC is given; or O_CREAT is given and the name is an existing
 *     directory or ends with a slash.
 *
 * error: ELOOP, too many symbolic links, or O_NOFOLLOW found one at the end
 *   trigger: filename=path_loop
 *   desc: More than MAXSYMLINKS symbolic links were followed while resolving
 *     filename, or O_NOFOLLOW was given (without O_PATH) and the last
 *     component is a symbolic link. O_PATH | O_NOFOLLOW opens the link itself.
 *
 * error: EMFILE, the caller's descriptor table is full
 *   trigger: filename=path_file, setup=fd_table_full
 *   desc: No number below the soft RLIMIT_NOFILE is free, or the table would
 *     have to grow beyond the fs.nr_open limit.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   trigger: filename=path_too_long
 *   desc: The string with its NUL does not fit in PATH_MAX bytes, or a
 *     component is longer than the filesystem's name limit.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: filename=path_file, setup=file_max_reached, setup=nobody
 *   desc: fs.file-max files are open and the caller lacks CAP_SYS_ADMIN.
 *
 * error: ENODEV, the driver reports that the device does not exist
 *   trigger: filename=path_misc_unregistered
 *   desc: Device open methods return it when the hardware behind a device
 *     file is absent; the kernel also returns it (with a warning) for an inode
 *     that has no file operations. A sysfs or cgroup file whose kernfs node
 *     is being removed fails to open with it (kernfs_fop_open()).
 *
 * error: ENOENT, a component is missing, filename is empty, or no O_CREAT
 *   trigger: filename=path_missing, check=not_created
 *   desc: A directory of the path does not exist or is a dangling symbolic
 *     link; the last component does not exist and O_CREAT is not given (or
 *     is a dangling symbolic link); filename is the empty string; or a
 *     directory used for the lookup has been deleted. Pseudo files that
 *     disappear between the lookup and the open give it too (a /proc/PID
 *     entry of a task that is exiting, /proc/PID/fd/N of a descriptor just
 *     closed, a /proc/sys entry being unregistered).
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: For the file name, the struct file, a larger descriptor table,
 *     dentries, inodes or a driver's state.
 *
 * error: ENOSPC, no room for the new file, or no pseudo terminal left
 *   trigger: filename=path_fullfs, flags=O_CREAT | O_WRONLY, mode=0600, check=not_created
 *   desc: O_CREAT or O_TMPFILE needs an inode or a directory block and the
 *     filesystem has none left; or /dev/ptmx (or devpts's ptmx) finds that
 *     kernel.pty.max pseudo terminals exist already (devpts_new_index()).
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   trigger: filename=path_enotdir
 *   desc: A directory component of the path is a regular file or other
 *     non-directory; O_DIRECTORY or O_TMPFILE names something that is not a
 *     directory; or filename ends with a slash and names a non-directory.
 *
 * error: ENXIO, no reader on a FIFO, no device for a device file, or a socket
 *   trigger: filename=path_fifo, flags=O_WRONLY | O_NONBLOCK
 *   desc: O_WRONLY | O_NONBLOCK on a FIFO that nobody has open for reading; a
 *     character or block device file whose device number has no driver or no
 *     device; or a UNIX domain socket file, which cannot be opened.
 *
 * error: EOPNOTSUPP, O_TMPFILE on a filesystem that does not support it
 *   trigger: filename=path_proc, flags=O_TMPFILE | O_RDWR, mode=0600
 *   desc: The directory's filesystem has no tmpfile operation (procfs,
 *     sysfs, NFS, vfat, ...), or has one that declines, as a FUSE server
 *     without tmpfile support does. ext4, XFS, Btrfs and tmpfs support
 *     O_TMPFILE on both kernels; overlayfs only on 6.12 (since 6.6).
 *
 * error: EOVERFLOW, a file larger than MAX_NON_LFS opened without O_LARGEFILE
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: The generic open of regular files refuses large files without
 *     O_LARGEFILE. The native x86-64 entry always adds O_LARGEFILE, so this
 *     call does not fail for that reason; a filesystem's open method (for
 *     example a FUSE server's) may still return it.
 *
 * error: EPERM, O_NOATIME not by the owner, append-only or immutable file, seal
 *   trigger: filename=path_file, flags=O_RDONLY | O_NOATIME, setup=nobody
 *   desc: O_NOATIME on a file the caller neither owns nor has CAP_FOWNER
 *     for; an append-only file opened for writing without O_APPEND or with
 *     O_TRUNC; an immutable file opened for writing or with O_TRUNC; O_TRUNC
 *     on a memfd sealed against shrinking; a fanotify FAN_OPEN_PERM listener
 *     that answered FAN_DENY; or a security module. Device open methods use
 *     it too: /dev/kmsg refuses readers without CAP_SYSLOG (or
 *     CAP_SYS_ADMIN) when kernel.dmesg_restrict is set, and every opener
 *     when printk.devkmsg=off (devkmsg_open()); an encrypted file whose
 *     encryption policy differs from its directory's (fscrypt_file_open()).
 *
 * error: EROFS, write access, creation or truncation on a read-only filesystem
 *   trigger: filename=path_rofs_file, flags=O_WRONLY
 *   desc: The filesystem or the mount is read-only and the open would write:
 *     O_WRONLY or O_RDWR on a regular file or directory, O_TRUNC, or creating
 *     a file. Device files and FIFOs on read-only filesystems can still be
 *     opened for writing.
 *
 * error: ETXTBSY, write access to a running executable or truncation of swap
 *   trigger: filename=path_running_exe, flags=O_WRONLY
 *   desc: The file is the executable of a running program, which denies
 *     write access while it runs, and the open asks for O_WRONLY or O_RDWR;
 *     or O_TRUNC is given for a file in use as swap space.
 *
 * error: ESTALE, a network filesystem handle went stale
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: Returned when the lookup still finds a stale handle after the
 *     kernel has retried it once with every component revalidated.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: filename=path_proc_environ_reaped, flags=O_RDONLY
 *   desc: Some files under /proc/PID (mem, environ, auxv, ...) look up their
 *     task when they are opened; once it has exited and been reaped the open
 *     fails with ESRCH, although the path was found.
 *
 * error: ENOMEDIUM, a removable-media device has no medium
 *   trigger: none -- needs a removable-media drive without a medium
 *   desc: Opening the block device of an empty drive: a SCSI disk with
 *     removable media, such as a card reader without a card (sd_open()), a
 *     CD or DVD drive without a disc (cdrom_open()), a floppy drive. Opening
 *     with O_NONBLOCK skips the check for these drivers.
 *
 * error: ENOKEY, the encryption key of the file or directory is not available
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: fscrypt (ext4, f2fs, ubifs): opening an encrypted regular file
 *     while its key is not added (fscrypt_file_open()), or creating a file
 *     with O_CREAT or O_TMPFILE in an encrypted directory without its key
 *     (fscrypt_prepare_new_inode()). Encrypted directories themselves can
 *     be opened without the key.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: filename=path_fuse_conn_gone
 *   desc: The lookup or open reaches a FUSE mount whose server has exited
 *     or whose connection was aborted (fuse_get_req()); the mount stays in
 *     place until it is unmounted, and every request fails with ENOTCONN.
 *
 * error: ECONNREFUSED, the FUSE connection never came up
 *   trigger: filename=path_fuse_init_fails
 *   desc: The FUSE server's initialisation failed (fuse conn_error), so
 *     every request on the mount is refused.
 *
 * error: ETIMEDOUT, a network filesystem did not answer
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: An NFS soft mount with the softerr option, or another network
 *     filesystem, timed out during the lookup or open.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they
 *     find inconsistent metadata while looking up the path or reading the
 *     inode; the filesystem may also be shut down or remounted read-only as a
 *     result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks
 *     whose checksum is wrong while looking up the path.
 *
 * error: EIO, an I/O error while looking up, creating or opening the file
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: The filesystem could not read a directory or inode, or a device's
 *     open method reported an I/O error.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while a descriptor number is reserved (and, on failure,
 *     released again). Installing the file in the reserved slot normally
 *     needs no lock and takes it only while the table is being resized.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: The path walk first runs in RCU mode without taking references; if
 *     that cannot complete it is redone with references, and once more with
 *     every component revalidated if a network filesystem reported a stale
 *     handle.
 *
 * lock: parent directory inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Taken in open_last_lookups() around the lookup (and creation) of
 *     the last component, exclusively for O_CREAT and shared otherwise, and
 *     released before the file's open method runs. Without O_CREAT it is
 *     taken only when the name is not in the dentry cache, on both kernels.
 *     With O_CREAT the kernels differ: 6.1 takes it exclusively for every
 *     O_CREAT open, even when the file exists and is cached; 6.12 first
 *     tries the dentry cache (lookup_fast_for_open()) unless O_EXCL is
 *     given, and takes no parent lock when it finds an existing file there.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Taken exclusively on the opened file while O_TRUNC truncates it.
 *
 * lock: sb->s_writers
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: Freeze protection, taken through mnt_want_write() for O_TMPFILE,
 *     for O_TRUNC of an existing file (do_open()), and around the slow
 *     lookup of the last component when the open has O_CREAT, O_TRUNC,
 *     O_WRONLY or O_RDWR (open_last_lookups(); so on 6.1 for every O_CREAT
 *     open, on 6.12 only when the name was not found in the dentry cache).
 *     While the filesystem is frozen the open waits, uninterruptibly, until
 *     it is thawed.
 *
 * lock: flc_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: The file lock context's spinlock, taken to find and break
 *     conflicting leases when the inode has any.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The open waits for a FIFO partner, a lease holder or a device
 *   desc: A pending signal ends the wait and the open fails with ERESTARTSYS
 *     (restarted or turned into EINTR on the way back to user space) or with
 *     EINTR. The reserved descriptor is released; a file already created by
 *     O_CREAT stays.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * signal: SIGIO
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_TERMINATE
 *   condition: The open conflicts with a lease held through another file
 *   desc: The lease holder is notified that it must give the lease up, with
 *     SIGIO or the signal it chose with F_SETSIG. Without O_NONBLOCK the open
 *     then waits until the lease is released or the lease break time
 *     (fs.lease-break-time) has passed.
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_RESOURCE_CREATE | KAPI_EFFECT_ALLOC_MEMORY
 *   target: file descriptor and struct file
 *   condition: The open succeeded
 *   desc: A struct file is allocated, counted against fs.file-max, and
 *     installed at a new descriptor, with the close-on-exec flag from
 *     O_CLOEXEC. close() undoes it.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: new file and its parent directory
 *   condition: O_CREAT is given and the last component does not exist
 *   desc: A new empty regular file is created, owned by the caller's
 *     filesystem user ID, and its directory entry is added; the parent's
 *     modification and change times are updated. This stays done even when
 *     a later step of the open fails.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: unnamed file
 *   condition: O_TMPFILE is given
 *   desc: An inode without a name is created in the directory's filesystem.
 *     It disappears at the last close unless linkat() gives it a name first,
 *     which O_EXCL forbids.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM | KAPI_EFFECT_IRREVERSIBLE
 *   target: file contents
 *   condition: O_TRUNC is given and the file is an existing regular file
 *   desc: The file is truncated to length 0 and its modification and change
 *     times are updated; the data is gone.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: fsnotify events
 *   condition: The open succeeded, or created a file
 *   desc: FS_CREATE is reported on the parent directory for a created file
 *     and FS_OPEN for the opened file (IN_CREATE and IN_OPEN for inotify).
 *     O_PATH opens report nothing. A fanotify FAN_OPEN_PERM listener is
 *     asked before the open completes and can hold it up.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_SIGNAL_SEND | KAPI_EFFECT_MODIFY_STATE
 *   target: leases held by other open files
 *   condition: The open conflicts with a lease
 *   desc: The lease holder is signalled and the lease is downgraded or
 *     removed once it gives it up or the break time passes.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_PROCESS_STATE
 *   target: controlling terminal of the session
 *   condition: A session leader without a controlling terminal opens a terminal without O_NOCTTY
 *   desc: The terminal becomes the session's controlling terminal.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: FIFO reader and writer counts
 *   condition: filename names a FIFO
 *   desc: The FIFO counts the new reader or writer and wakes an opener that
 *     waits for the other end.
 *   reversible: yes
 *
 * state-trans: file descriptor
 *   from: free
 *   to: open
 *   condition: The open succeeded
 *   desc: The lowest free descriptor number now refers to the new open file
 *     description.
 *
 * state-trans: file
 *   from: absent
 *   to: existing, empty
 *   condition: O_CREAT is given and the last component did not exist
 *   desc: A regular file of size 0 exists under the name.
 *
 * state-trans: file size
 *   from: any
 *   to: 0
 *   condition: O_TRUNC on an existing regular file
 *   desc: The file has been truncated.
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: Opening for reading or writing and searching directories regardless of permission bits
 *   without: The file and directory permission bits and ACLs are enforced
 *   condition: Checked when the permission bits or ACL would deny the access
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: Opening for reading and searching directories regardless of permission bits
 *   without: Read permission on the file and search permission on directories are needed
 *   condition: Checked for read and search access that the permission bits deny
 *
 * capability: CAP_FOWNER
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: O_NOATIME on a file the caller does not own
 *   without: O_NOATIME on someone else's file fails with EPERM
 *   condition: O_NOATIME is given and the caller's filesystem user ID is not the owner's
 *
 * capability: CAP_SYS_ADMIN
 *   type: KAPI_CAP_INCREASE_LIMIT
 *   allows: Opening files beyond the system-wide fs.file-max limit
 *   without: The open fails with ENFILE at the limit
 *   condition: The number of open files has reached fs.file-max
 *
 * capability: CAP_FSETID
 *   type: KAPI_CAP_MODIFY_BEHAVIOR
 *   allows: A new file keeps S_ISGID although the caller is not in its group
 *   without: S_ISGID is dropped from the new file's mode in that case
 *   condition: Creating with S_ISGID | S_IXGRP in mode in a set-group-ID directory
 *
 * capability: CAP_SYS_RESOURCE
 *   type: KAPI_CAP_INCREASE_LIMIT
 *   allows: Creating files beyond quota hard limits and in blocks reserved for privileged users
 *   without: Creation fails with EDQUOT or ENOSPC earlier
 *   condition: O_CREAT or O_TMPFILE on a filesystem with quotas or a root reserve
 *
 * constraint: O_CREAT with O_DIRECTORY
 *   desc: Unless O_PATH is set, O_CREAT and O_DIRECTORY together fail with
 *     EINVAL before anything else is done (O_TMPFILE | O_CREAT included).
 *   expr: (flags & O_PATH) || (flags & (O_CREAT | O_DIRECTORY)) != (O_CREAT | O_DIRECTORY)
 *
 * constraint: O_TMPFILE needs O_DIRECTORY and write access
 *   desc: Unless O_PATH is set, the __O_TMPFILE bit needs O_DIRECTORY and an
 *     access mode other than O_RDONLY; otherwise EINVAL before anything else.
 *   expr: (flags & O_PATH) || !(flags & __O_TMPFILE) ||
 *     ((flags & O_DIRECTORY) && (flags & O_ACCMODE) != O_RDONLY)
 *
 * constraint: Effective flags
 *   desc: The flags the kernel acts on. Unknown bits are dropped silently, and
 *     O_PATH drops everything but a few flags; neither is an error.
 *   expr: eff_flags = (flags & O_PATH) ?
 *     (flags & (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) :
 *     ((flags | O_LARGEFILE) & VALID_OPEN_FLAGS)
 *
 * constraint: Effective mode
 *   desc: The mode the kernel uses for a new file, before the umask or the
 *     default ACL is applied. Extra bits are dropped silently.
 *   expr: eff_mode = (!(flags & O_PATH) && (flags & (O_CREAT | __O_TMPFILE))) ?
 *     (mode & S_IALLUGO) : 0
 *
 * constraint: PATH_MAX
 *   desc: filename with its NUL must fit in PATH_MAX bytes (ENAMETOOLONG);
 *     components must fit the filesystem's limit, usually NAME_MAX.
 *   expr: strlen(filename) < PATH_MAX
 *
 * constraint: RLIMIT_NOFILE
 *   desc: The returned descriptor is below the caller's soft RLIMIT_NOFILE
 *     limit; when no such number is free the open fails with EMFILE.
 *   expr: ret < rlimit(RLIMIT_NOFILE)
 *
 * constraint: fs.file-max
 *   desc: The system-wide count of open files must be below fs.file-max
 *     unless the caller has CAP_SYS_ADMIN (ENFILE otherwise).
 *   expr: get_nr_files() < files_stat.max_files || capable(CAP_SYS_ADMIN)
 *
 * examples: fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
 *   fd = open("app.log", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
 *   fd = open("lockfile", O_RDWR | O_CREAT | O_EXCL, 0600);  // EEXIST if present
 *   fd = open("/tmp", O_TMPFILE | O_RDWR, 0600);             // unnamed file
 *   fd = open("/srv/data", O_PATH | O_DIRECTORY);            // handle for *at() calls
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers. The FS_OPEN
 *   event is raised by do_sys_openat2() after the file is opened in 6.1, and
 *   from inside the open path (vfs_open(), or after an atomic open) in 6.12;
 *   the events are the same. The fanotify open permission event comes from
 *   security_file_open() in 6.1 and from do_dentry_open() after the LSM hook
 *   in 6.12; a denial is EPERM in both. Write access to the inode and the
 *   mount is taken in two steps in 6.1 and by file_get_write_access() in 6.12,
 *   with the same errors (ETXTBSY, EROFS). The truncation hook of security
 *   modules is security_path_truncate() in 6.1 and security_file_truncate()
 *   in 6.12, and the post-open check is ima_file_check() in 6.1 and
 *   security_file_post_open() in 6.12. The lookup of the last component is
 *   organised differently (lookup_fast_for_open() in 6.12) with the same
 *   results but different locking: an O_CREAT open of an existing, cached
 *   name takes the parent directory's inode lock exclusively and the
 *   filesystem's freeze protection on 6.1 (so it waits while the filesystem
 *   is frozen, and is serialised with other creations in the directory),
 *   and neither on 6.12 (see the locks). Both Debian kernels refuse
 *   O_CREAT | O_DIRECTORY with EINVAL (mainline since 6.4, present in
 *   Debian's 6.1.192).
 *
 *   Differences a program can observe: O_DIRECT on a tmpfs, memfd or shmem
 *   file fails with EINVAL on 6.1 and succeeds on 6.12 (shmem supports
 *   direct I/O since 6.6); O_TMPFILE on overlayfs fails with EOPNOTSUPP on
 *   6.1 and works on 6.12 (since 6.6). The O_CREAT locking above is
 *   visible as a blocked open on a frozen filesystem.
 *
 *   The errors of open are not qualified by objects: a failed open has no
 *   descriptor, so the object it failed on is at best the file system of
 *   the path. Their descriptions name the file systems and drivers that
 *   return them.
 *
 *   Differences from upstream's specification of open: flags has no MASK
 *   constraint and mode none either, because bits outside the valid sets are
 *   ignored rather than refused; O_PATH combined with other flags is not an
 *   error (they are dropped; only openat2() refuses them); O_CREAT with
 *   O_DIRECTORY is refused with EINVAL, not ignored; EWOULDBLOCK is not listed
 *   on its own because it is EAGAIN; the open itself does not change the
 *   access time; and EOVERFLOW is not returned for large files by the native
 *   x86-64 entry, which always adds O_LARGEFILE.
 */
asmlinkage long sys_open(const char __user *filename, int flags, umode_t mode);

/**
 * sys_close - close a file descriptor
 * @fd: descriptor to close
 *
 * long-desc: Removes fd from the caller's descriptor table and drops the
 *   table's reference to the open file description behind it. Once fd has
 *   been found, it is removed first, under the table lock, and that step
 *   cannot fail: whatever close() returns afterwards, fd is closed, and its
 *   number may already have been reused by another thread's open() by the
 *   time close() returns. A close() that failed must therefore never be
 *   retried.
 *
 *   Then the file is flushed: if the file has a flush method (NFS, FUSE, CIFS,
 *   overlayfs, which flushes the file below it, and some drivers have one),
 *   it runs and its result becomes the result of close(), which is how write
 *   errors that a network filesystem deferred are reported. A FUSE server's
 *   answer to FLUSH is returned as it is (ENOSYS excepted, which turns
 *   FLUSH off for the mount), so any error can come from there. For files
 *   other than O_PATH files, dnotify registrations made through this
 *   descriptor table are dropped and all POSIX record locks
 *   (fcntl() F_SETLK) on the file's inode whose owner is the caller's
 *   descriptor table are released (locks_remove_posix(file,
 *   current->files)): locks taken through any descriptor of that table, by
 *   any thread sharing it, including locks taken through other descriptors
 *   of the same file that stay open. Locks owned by other descriptor tables
 *   (other processes, unless they share this table through CLONE_FILES) and
 *   open file description locks (F_OFD_SETLK) are not touched.
 *
 *   Last, the reference is dropped. If it was the last one (no other
 *   descriptor, in this process or another, and no memory mapping or other
 *   kernel user holds the open file description), the file is released: an
 *   FS_CLOSE_WRITE or FS_CLOSE_NOWRITE event is reported, the file leaves
 *   every epoll set, its flock() and open file description locks and its
 *   leases are removed, FASYNC notification is turned off, the file's
 *   release method runs, and a file that was unlinked while open is deleted
 *   for good when this was its last user. Errors of the release step are not
 *   reported. A successful close() does not mean that written data has reached
 *   storage; fsync() does that.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NEGATIVE_OK
 *   errno: EBADF
 *   order: 1
 *   cdesc: The descriptor is an unsigned int. A descriptor table never grows
 *     beyond INT_MAX entries, so a larger value is never open and always fails
 *     with EBADF; AT_FDCWD and other negative numbers arrive as such large
 *     values. A negative number (as an int) is no violation: it names no
 *     descriptor, so nothing can be closed by mistake, and programs close -1
 *     on purpose (dash does in every pipeline); the call just fails with
 *     EBADF. A nonnegative number must be open in the caller's table: closing
 *     one that is not (a double close, a never-opened number) could close a
 *     descriptor another thread opened meanwhile. Any open descriptor
 *     qualifies, O_PATH descriptors and 0, 1 and 2 included.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_EXACT
 *   success: 0
 *   desc: 0 on success. A negative error code otherwise; every error except
 *     EBADF is reported after fd has already been closed.
 *
 * error: EBADF, fd is not an open descriptor
 *   trigger: fd=closed
 *   desc: The number is beyond the table or its slot is empty (never opened,
 *     or already closed). This is the only error after which nothing has
 *     been closed.
 *
 * error: EINTR, a signal interrupted the flush
 *   trigger: fd=fuse_file_flush_fails
 *   desc: The flush method waited interruptibly and a signal arrived. Restart
 *     codes (ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND and
 *     ERESTART_RESTARTBLOCK) from the flush are turned into EINTR by close()
 *     itself, because the call cannot be restarted once fd is gone. A FUSE
 *     server answers an interrupted FLUSH with EINTR, which close() passes
 *     on. fd is closed all the same.
 *
 * error: EIO, the flush reported an I/O error
 *   trigger: fd=fuse_file_flush_fails
 *   desc: Typically a network filesystem that could not write back data
 *     written earlier; that data may be lost. FUSE also returns it for an
 *     inode it marked bad (fuse_flush()). fd is closed all the same.
 *
 * error: ENOSPC, the flush found no space for deferred writes
 *   trigger: fd=fuse_file_flush_fails
 *   desc: A network filesystem ran out of space while writing back data
 *     written earlier (nfs_file_flush() reports the write-back error
 *     recorded since the open). fd is closed all the same.
 *
 * error: EDQUOT, the flush exceeded the disk quota
 *   trigger: fd=fuse_file_flush_fails
 *   desc: A network filesystem hit the quota while writing back data written
 *     earlier. fd is closed all the same.
 *
 * error: ESTALE, the flush found the file gone on the server
 *   trigger: fd=fuse_file_flush_fails
 *   desc: NFS: the file was removed or replaced on the server, so data
 *     written through fd could not be written back (a write-back error
 *     reported by nfs_file_flush()). fd is closed all the same.
 *
 * error: EFBIG, deferred writes went past the server's file size limit
 *   trigger: fd=fuse_file_flush_fails
 *   desc: NFS or FUSE write-back of data written earlier was refused as too
 *     large. fd is closed all the same.
 *
 * error: EROFS, deferred writes were refused by a read-only export
 *   trigger: fd=fuse_file_flush_fails
 *   desc: NFS write-back of data written earlier found the export or the
 *     server's file system read-only. fd is closed all the same.
 *
 * error: EACCES, deferred writes were refused by the server
 *   trigger: fd=fuse_file_flush_fails
 *   desc: NFS write-back with credentials the server no longer accepts (an
 *     expired Kerberos ticket, changed permissions), or a FUSE server's
 *     answer to FLUSH. fd is closed all the same.
 *
 * error: EPERM, deferred writes or the flush were not permitted
 *   trigger: fd=fuse_file_flush_fails
 *   desc: NFS write-back refused by the server, or a FUSE server's answer to
 *     FLUSH. fd is closed all the same.
 *
 * error: ETIMEDOUT, the server did not answer the flush
 *   trigger: fd=fuse_file_flush_fails
 *   desc: An NFS soft mount with the softerr option whose write-back timed
 *     out. fd is closed all the same.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: fd=fuse_file_conn_gone
 *   desc: The FUSE server of the file's mount has exited or the connection
 *     was aborted, so the FLUSH request fails (fuse_flush(),
 *     fuse_simple_request()). fd is closed all the same.
 *
 * error: ECONNREFUSED, the FUSE server refused the flush
 *   trigger: fd=fuse_file_flush_fails
 *   desc: A FUSE server answered FLUSH with ECONNREFUSED (fuse_flush()
 *     passes the server's error on), as a network file system in user space
 *     does when its server refuses it. A failed initialisation of the
 *     connection (conn_error), which refuses every request, cannot be met
 *     here: open() of a file on such a connection fails, so no descriptor
 *     of it exists. fd is closed all the same.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while fd is looked up and removed from the table and its
 *     number is marked free; released before the flush.
 *
 * lock: flc_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: The file lock context's spinlock, taken when POSIX locks are
 *     removed during the flush and when all locks and leases are removed at
 *     the last reference, if the inode has any.
 *
 * lock: file->f_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Taken at the last reference while the file is unlinked from the
 *     epoll sets that watch it.
 *
 * lock: ep->mtx
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: The mutex of each epoll instance that watches the file, taken at the
 *     last reference to remove the file from it.
 *
 * lock: dnotify mark locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: For a directory with dnotify registrations, the dnotify group's
 *     mark mutex and the mark's spinlock are taken while this table's
 *     registrations are removed.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The flush method waits interruptibly
 *   desc: A pending signal can end the flush early. close() then fails with
 *     EINTR, never with a restart code, and fd is closed regardless.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_RESOURCE_DESTROY | KAPI_EFFECT_IRREVERSIBLE
 *   target: descriptor table entry
 *   condition: fd is open
 *   desc: The entry is cleared and the number becomes free for the next
 *     open(), dup() or similar call of any thread sharing the table. This
 *     happens before anything that can fail.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_LOCK_RELEASE
 *   target: POSIX record locks owned by the caller's descriptor table on the file
 *   condition: The file is not an O_PATH file
 *   desc: Every fcntl() record lock on the inode whose owner is the
 *     descriptor table (current->files) is released, even if it was taken
 *     through another descriptor that stays open or by another thread
 *     sharing the table. A process created with CLONE_FILES shares the
 *     table and so the locks; a child created by fork() has its own table
 *     and holds no locks of its parent.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: data written earlier (network filesystems)
 *   condition: The file has a flush method
 *   desc: The flush method may write back cached data and collect errors of
 *     earlier writes; its error is the error of close().
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: dnotify registrations
 *   condition: The file is a directory with dnotify registrations
 *   desc: The registrations made through this descriptor table for this file
 *     are removed.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_LOCK_RELEASE | KAPI_EFFECT_RESOURCE_DESTROY
 *   target: flock() locks, open file description locks and leases
 *   condition: This was the last reference to the open file description
 *   desc: All of them are removed together with the open file description.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: epoll interest lists and fsnotify close event
 *   condition: This was the last reference to the open file description
 *   desc: The file is removed from every epoll set watching it, and an
 *     FS_CLOSE_WRITE or FS_CLOSE_NOWRITE event is reported (IN_CLOSE_WRITE
 *     or IN_CLOSE_NOWRITE for inotify). O_PATH files report nothing.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FREE_MEMORY | KAPI_EFFECT_RESOURCE_DESTROY
 *   target: struct file and the file's release method
 *   condition: This was the last reference to the open file description
 *   desc: The file's release method runs (a device, pipe or socket end is
 *     closed for good, a pipe's remaining side sees end of file or EPIPE),
 *     and the struct file with its references to the dentry and the mount is
 *     freed.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM | KAPI_EFFECT_IRREVERSIBLE
 *   target: unlinked file
 *   condition: The file was unlinked while open and this was its last user
 *   desc: The inode and its data are removed from the filesystem.
 *   reversible: no
 *
 * state-trans: file descriptor
 *   from: open
 *   to: free
 *   condition: fd was open
 *   desc: fd no longer refers to anything; this holds whatever close()
 *     returns, except EBADF, where fd was not open to begin with.
 *
 * state-trans: open file description
 *   from: referenced n times
 *   to: referenced n - 1 times, released when n was 1
 *   condition: fd was open
 *   desc: The table's reference is dropped; the last reference releases the
 *     file.
 *
 * constraint: No retry after an error
 *   desc: Only EBADF means that fd was not closed. After any other error fd
 *     is closed, and its number may belong to a file another thread has
 *     opened since; calling close() again could close that file.
 *   expr: ret == -EBADF || fd is closed
 *
 * examples: if (close(fd) < 0 && errno != EBADF)
 *           report_lost_writes();          // do not retry: fd is closed
 *   fsync(fd); close(fd);                  // make written data durable first
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers. In 6.1,
 *   close() goes through close_fd(), which removes the entry and calls
 *   filp_close(); filp_close() flushes and drops the reference with fput(),
 *   which defers the release of a last reference to task work that runs just
 *   before the caller returns to user space. In 6.12, close() removes the
 *   entry with file_close_fd(), flushes with filp_flush() and drops the
 *   reference with __fput_sync(), so the release of a last reference runs
 *   inside the system call. A program sees the same result; a probe on the
 *   system call's return sees the release already done in 6.12 but not yet
 *   in 6.1.
 *
 *   Errors of the flush method are filesystem-specific; the list above has
 *   the common ones, and a filesystem (a FUSE server in particular) can
 *   report others. Whatever the error, fd is closed.
 *
 *   Compared with upstream's specification of close, the dnotify locks are
 *   added, and the fact that POSIX locks taken through other descriptors of
 *   the same file are released too is spelled out.
 */
asmlinkage long sys_close(unsigned int fd);

/**
 * sys_openat - open or create a file relative to a directory descriptor
 * @dfd: directory a relative filename starts from, or AT_FDCWD
 * @filename: path name of the file, in user memory
 * @flags: access mode, creation flags and file status flags (O_*)
 * @mode: permission bits for a file that the call creates
 *
 * long-desc: Resolves filename and opens the file it names, first creating it
 *   when O_CREAT asks for that, or creates an unnamed file in the directory it
 *   names when O_TMPFILE is given. A relative filename is resolved from the
 *   directory open on dfd, or from the caller's working directory when dfd is
 *   AT_FDCWD; an absolute filename does not look at dfd. On success the new
 *   open file description is installed at the lowest descriptor number not
 *   open in the caller's table, and that number is returned. open() is this
 *   call with dfd set to AT_FDCWD; both run the same code.
 *
 *   The kernel reads the arguments this way. The native x86-64 entry adds
 *   O_LARGEFILE to flags. Bits outside VALID_OPEN_FLAGS are dropped without an
 *   error (only openat2() refuses unknown bits). With O_PATH, only
 *   O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC are kept besides it and every other
 *   flag, O_CREAT and O_TMPFILE included, is dropped. mode is cut down to the
 *   S_IALLUGO bits and is used only when a file is created (O_CREAT or
 *   O_TMPFILE without O_PATH); the new file gets mode minus the umask, or the
 *   parent directory's default ACL applies instead of the umask.
 *
 *   The work is done in this order, and the first failure decides the result:
 *   the flag combinations are checked (EINVAL); filename is copied in (EFAULT,
 *   ENAMETOOLONG, ENOENT for an empty name); a descriptor number is reserved
 *   (EMFILE); a struct file is allocated (ENFILE); the path is walked,
 *   starting with dfd for a relative name (EBADF, ENOTDIR), the file is
 *   looked up or created, permissions are checked and the file's open method
 *   runs (all other errors). The reserved number is released again
 *   when a later step fails; other threads can see the descriptor only once
 *   the open has succeeded.
 *
 *   The access mode flags & O_ACCMODE is O_RDONLY, O_WRONLY or O_RDWR. The
 *   value 3 is also accepted: it needs read and write permission but opens
 *   for neither reading nor writing, which some drivers use for ioctl-only
 *   descriptors. O_TRUNC truncates an existing regular file even with
 *   O_RDONLY, as long as the caller may write to it; it is ignored for FIFOs,
 *   terminals and other device files. O_EXCL without O_CREAT has a meaning
 *   only for block devices (exclusive use). O_CREAT | O_EXCL never follows a
 *   symbolic link in the last component.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: dfd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_DIR | KAPI_FD_AT_FDCWD | KAPI_FD_IF_RELATIVE
 *   path-param: filename
 *   errno: EBADF
 *   order: 3, audit
 *   cdesc: Used only when filename is relative. Then it must be AT_FDCWD,
 *     meaning the working directory, or a descriptor open in the caller's
 *     table that refers to a directory. An O_PATH descriptor is fine, and the
 *     directory needs search permission, not read permission. A number that
 *     is not open, or any negative value other than AT_FDCWD, gives EBADF; a
 *     descriptor of something other than a directory gives ENOTDIR. With an
 *     absolute filename dfd is not looked at, so every value is accepted.
 *     These errors come from the path walk, after the flag checks, the copy
 *     of filename and the reservation of the new descriptor (EMFILE), which
 *     kapi cannot foresee: the rule is audit only, and enforce mode leaves a
 *     call whose first broken rule it is to the kernel.
 *
 * param: filename
 *   type: KAPI_TYPE_PATH
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PATH
 *   errno: EFAULT
 *   order: 2
 *   cdesc: A NUL-terminated string in user memory. If it cannot be read up to
 *     its NUL the result is EFAULT. The string including its NUL must fit in
 *     PATH_MAX bytes, otherwise ENAMETOOLONG; an empty string gives ENOENT.
 *     These checks come after the flag checks, so an invalid flag combination
 *     reports EINVAL even when filename is a bad pointer. Every component
 *     must also be within the filesystem's name length limit (NAME_MAX on
 *     most filesystems), else ENAMETOOLONG.
 *
 * param: flags
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_OPEN_FLAGS
 *   errno: EINVAL
 *   order: 1
 *   cdesc: Any bits may be passed: bits outside VALID_OPEN_FLAGS are ignored,
 *     and with O_PATH everything but O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC is
 *     ignored. Only three combinations are refused, with EINVAL and before any
 *     other check, and only when O_PATH is not set: O_CREAT together with
 *     O_DIRECTORY (this includes O_TMPFILE | O_CREAT, because O_TMPFILE
 *     contains O_DIRECTORY); the __O_TMPFILE bit without O_DIRECTORY; and
 *     O_TMPFILE with the access mode O_RDONLY. They are spelled out as the
 *     constraints below.
 *
 * param: mode
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: A umode_t, so only the low 16 bits of the argument count. No value
 *     is an error for this call: bits outside S_IALLUGO (the permission,
 *     set-user-ID, set-group-ID and sticky bits) are dropped, and the value is
 *     ignored unless a file is created. The created file's mode is mode minus
 *     the umask (or as the default ACL says). In a set-group-ID directory
 *     whose group the caller is not in, S_ISGID is dropped from a mode that
 *     has S_IXGRP unless the caller has CAP_FSETID.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_FD
 *   success: >= 0
 *   desc: The new descriptor: the lowest number that was free in the caller's
 *     table, with its close-on-exec flag set if O_CLOEXEC was given. On
 *     failure a negative error code; no descriptor is left allocated, although
 *     a file created by O_CREAT before a later step failed stays created.
 *
 * error: EACCES, permission denied on the file, on a directory of the path, or to create
 *   trigger: filename=path_private, flags=O_RDONLY, setup=nobody
 *   desc: Search permission is missing on a directory of the path; the file
 *     does not grant the access the open needs (read for O_RDONLY, write for
 *     O_WRONLY and for O_TRUNC, both for O_RDWR and for the access mode 3);
 *     creating needs write and search permission on the parent directory; a
 *     device file lies on a filesystem mounted nodev; the protected_fifos or
 *     protected_regular sysctl refuses an O_CREAT open of someone else's FIFO
 *     or regular file in a sticky world-writable directory; or a security
 *     module (open, create or post-open hook, IMA) refused. Files under
 *     /proc/PID that expose another process (mem, environ, auxv, ...) need
 *     ptrace access to it (EACCES without it, proc_mem_open()).
 *
 * error: EAGAIN, O_NONBLOCK is set and the open conflicts with a lease
 *   trigger: filename=path_leased, flags=O_WRONLY | O_NONBLOCK
 *   desc: Another open file description holds a lease (F_SETLEASE) that
 *     this open would break: a write lease against any open, or a read lease
 *     against an open for writing. Without O_NONBLOCK the call breaks the
 *     lease and waits for the holder instead. EWOULDBLOCK is the same error
 *     number on Linux.
 *
 * error: EBUSY, O_EXCL on a block device in use, or a device with one user
 *   trigger: filename=path_pty_exclusive, flags=O_RDWR | O_NOCTTY, setup=nobody
 *   desc: Opening a block device with O_EXCL claims it exclusively, which
 *     fails while it is mounted or claimed by another exclusive user (swap,
 *     device mapper, md). Devices that allow one opener at a time refuse
 *     the next one: a terminal in exclusive mode (TIOCEXCL) for callers
 *     without CAP_SYS_ADMIN, /dev/watchdog, and other drivers.
 *
 * error: EDQUOT, creating the file would exceed the disk quota
 *   trigger: filename=path_fuse_create_fails, flags=O_CREAT | O_WRONLY, mode=0600,
 *     check=not_created
 *   desc: O_CREAT or O_TMPFILE needs a new inode or directory block and the
 *     quota of the caller on that filesystem is used up.
 *
 * error: EEXIST, O_CREAT and O_EXCL were given and the name exists
 *   trigger: filename=path_file, flags=O_CREAT | O_EXCL | O_WRONLY, mode=0600
 *   desc: The last component exists, as any kind of file, including a
 *     symbolic link whether or not it points anywhere. The test and the
 *     creation are one atomic step.
 *
 * error: EFAULT, filename cannot be read
 *   trigger: filename=kernel_ptr
 *   desc: The string is not (or not entirely, up to its NUL) in readable
 *     user memory.
 *
 * error: EINTR, a signal interrupted a wait
 *   trigger: filename=path_fifo, flags=O_RDONLY, setup=alarm
 *   desc: Opening a FIFO without O_NONBLOCK waits for the other end; breaking
 *     a lease waits for its holder; open methods of terminals and other
 *     devices, and of network and FUSE filesystems, can wait too. Waits that
 *     allow a restart return ERESTARTSYS instead.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted

 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code returned by FIFO opens, lease breaks and many
 *     device open methods when a signal arrives; the signal delivery code
 *     turns it into EINTR or restarts the call, so a program never sees it,
 *     but a probe on the system call's return value does.
 *
 * error: EINVAL, an invalid flag combination, or O_DIRECT is not supported
 *   trigger: filename=path_dir, flags=O_TMPFILE | O_RDONLY, mode=0600
 *   desc: Without O_PATH: O_CREAT together with O_DIRECTORY (O_TMPFILE |
 *     O_CREAT included); __O_TMPFILE without O_DIRECTORY; O_TMPFILE with the
 *     access mode O_RDONLY. These are checked before anything else. Later in
 *     the open: O_DIRECT on a file whose filesystem cannot do direct I/O
 *     (do_dentry_open(): no FMODE_CAN_ODIRECT), or a filesystem or driver
 *     open method that refuses the flags. Unknown flag bits and extra mode
 *     bits are not errors for this call. O_DIRECT differs between the
 *     kernels on tmpfs (and memfd and shmem files): 6.1 refuses it with
 *     EINVAL, because shmem has no direct_IO method, while 6.12 accepts it
 *     (shmem_file_open() sets FMODE_CAN_ODIRECT, since 6.6). procfs, sysfs
 *     and most pseudo filesystems refuse O_DIRECT on both.
 *
 * error: EISDIR, write access to a directory, or O_CREAT naming a directory
 *   trigger: filename=path_dir, flags=O_WRONLY
 *   desc: The file is a directory and the access mode is O_WRONLY, O_RDWR or
 *     3, or O_TRUNC is given; or O_CREAT is given and the name is an existing
 *     directory or ends with a slash.
 *
 * error: ELOOP, too many symbolic links, or O_NOFOLLOW found one at the end
 *   trigger: filename=path_symlink, flags=O_RDONLY | O_NOFOLLOW
 *   desc: More than MAXSYMLINKS symbolic links were followed while resolving
 *     filename, or O_NOFOLLOW was given (without O_PATH) and the last
 *     component is a symbolic link. O_PATH | O_NOFOLLOW opens the link itself.
 *
 * error: EMFILE, the caller's descriptor table is full
 *   trigger: filename=path_file, setup=fd_table_full
 *   desc: No number below the soft RLIMIT_NOFILE is free, or the table would
 *     have to grow beyond the fs.nr_open limit.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   trigger: filename=path_name_too_long
 *   desc: The string with its NUL does not fit in PATH_MAX bytes, or a
 *     component is longer than the filesystem's name limit.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: filename=path_file, setup=file_max_reached, setup=nobody
 *   desc: fs.file-max files are open and the caller lacks CAP_SYS_ADMIN.
 *
 * error: ENODEV, the driver reports that the device does not exist
 *   trigger: filename=path_misc_unregistered
 *   desc: Device open methods return it when the hardware behind a device
 *     file is absent; the kernel also returns it (with a warning) for an inode
 *     that has no file operations. A sysfs or cgroup file whose kernfs node
 *     is being removed fails to open with it (kernfs_fop_open()).
 *
 * error: ENOENT, a component is missing, filename is empty, or no O_CREAT
 *   trigger: filename=path_empty
 *   desc: A directory of the path does not exist or is a dangling symbolic
 *     link; the last component does not exist and O_CREAT is not given (or
 *     is a dangling symbolic link); filename is the empty string; or a
 *     directory used for the lookup has been deleted. Pseudo files that
 *     disappear between the lookup and the open give it too (a /proc/PID
 *     entry of a task that is exiting, /proc/PID/fd/N of a descriptor just
 *     closed, a /proc/sys entry being unregistered).
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: For the file name, the struct file, a larger descriptor table,
 *     dentries, inodes or a driver's state.
 *
 * error: ENOSPC, no room for the new file, or no pseudo terminal left
 *   trigger: filename=path_fullfs, flags=O_CREAT | O_WRONLY, mode=0600, check=not_created
 *   desc: O_CREAT or O_TMPFILE needs an inode or a directory block and the
 *     filesystem has none left; or /dev/ptmx (or devpts's ptmx) finds that
 *     kernel.pty.max pseudo terminals exist already (devpts_new_index()).
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   trigger: filename=path_enotdir
 *   desc: A directory component of the path is a regular file or other
 *     non-directory; O_DIRECTORY or O_TMPFILE names something that is not a
 *     directory; filename ends with a slash and names a non-directory; or
 *     filename is relative and dfd refers to something other than a directory.
 *
 * error: ENXIO, no reader on a FIFO, no device for a device file, or a socket
 *   trigger: filename=path_socket
 *   desc: O_WRONLY | O_NONBLOCK on a FIFO that nobody has open for reading; a
 *     character or block device file whose device number has no driver or no
 *     device; or a UNIX domain socket file, which cannot be opened.
 *
 * error: EOPNOTSUPP, O_TMPFILE on a filesystem that does not support it
 *   trigger: filename=path_proc, flags=O_TMPFILE | O_RDWR, mode=0600
 *   desc: The directory's filesystem has no tmpfile operation (procfs,
 *     sysfs, NFS, vfat, ...), or has one that declines, as a FUSE server
 *     without tmpfile support does. ext4, XFS, Btrfs and tmpfs support
 *     O_TMPFILE on both kernels; overlayfs only on 6.12 (since 6.6).
 *
 * error: EOVERFLOW, a file larger than MAX_NON_LFS opened without O_LARGEFILE
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: The generic open of regular files refuses large files without
 *     O_LARGEFILE. The native x86-64 entry always adds O_LARGEFILE, so this
 *     call does not fail for that reason; a filesystem's open method (for
 *     example a FUSE server's) may still return it.
 *
 * error: EPERM, O_NOATIME not by the owner, append-only or immutable file, seal
 *   trigger: filename=path_file, flags=O_RDONLY | O_NOATIME, setup=nobody
 *   desc: O_NOATIME on a file the caller neither owns nor has CAP_FOWNER
 *     for; an append-only file opened for writing without O_APPEND or with
 *     O_TRUNC; an immutable file opened for writing or with O_TRUNC; O_TRUNC
 *     on a memfd sealed against shrinking; a fanotify FAN_OPEN_PERM listener
 *     that answered FAN_DENY; or a security module. Device open methods use
 *     it too: /dev/kmsg refuses readers without CAP_SYSLOG (or
 *     CAP_SYS_ADMIN) when kernel.dmesg_restrict is set, and every opener
 *     when printk.devkmsg=off (devkmsg_open()); an encrypted file whose
 *     encryption policy differs from its directory's (fscrypt_file_open()).
 *
 * error: EROFS, write access, creation or truncation on a read-only filesystem
 *   trigger: filename=path_rofs_file, flags=O_WRONLY
 *   desc: The filesystem or the mount is read-only and the open would write:
 *     O_WRONLY or O_RDWR on a regular file or directory, O_TRUNC, or creating
 *     a file. Device files and FIFOs on read-only filesystems can still be
 *     opened for writing.
 *
 * error: ETXTBSY, write access to a running executable or truncation of swap
 *   trigger: filename=path_running_exe, flags=O_WRONLY
 *   desc: The file is the executable of a running program, which denies
 *     write access while it runs, and the open asks for O_WRONLY or O_RDWR;
 *     or O_TRUNC is given for a file in use as swap space.
 *
 * error: ESTALE, a network filesystem handle went stale
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: Returned when the lookup still finds a stale handle after the
 *     kernel has retried it once with every component revalidated.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: filename=path_proc_environ_reaped, flags=O_RDONLY
 *   desc: Some files under /proc/PID (mem, environ, auxv, ...) look up their
 *     task when they are opened; once it has exited and been reaped the open
 *     fails with ESRCH, although the path was found.
 *
 * error: ENOMEDIUM, a removable-media device has no medium
 *   trigger: none -- needs a removable-media drive without a medium
 *   desc: Opening the block device of an empty drive: a SCSI disk with
 *     removable media, such as a card reader without a card (sd_open()), a
 *     CD or DVD drive without a disc (cdrom_open()), a floppy drive. Opening
 *     with O_NONBLOCK skips the check for these drivers.
 *
 * error: ENOKEY, the encryption key of the file or directory is not available
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: fscrypt (ext4, f2fs, ubifs): opening an encrypted regular file
 *     while its key is not added (fscrypt_file_open()), or creating a file
 *     with O_CREAT or O_TMPFILE in an encrypted directory without its key
 *     (fscrypt_prepare_new_inode()). Encrypted directories themselves can
 *     be opened without the key.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: filename=path_fuse_conn_gone
 *   desc: The lookup or open reaches a FUSE mount whose server has exited
 *     or whose connection was aborted (fuse_get_req()); the mount stays in
 *     place until it is unmounted, and every request fails with ENOTCONN.
 *
 * error: ECONNREFUSED, the FUSE connection never came up
 *   trigger: filename=path_fuse_init_fails
 *   desc: The FUSE server's initialisation failed (fuse conn_error), so
 *     every request on the mount is refused.
 *
 * error: ETIMEDOUT, a network filesystem did not answer
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: An NFS soft mount with the softerr option, or another network
 *     filesystem, timed out during the lookup or open.
 *
 * error: EUCLEAN, the filesystem's metadata is corrupted
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when they
 *     find inconsistent metadata while looking up the path or reading the
 *     inode; the filesystem may also be shut down or remounted read-only as a
 *     result.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks
 *     whose checksum is wrong while looking up the path.
 *
 * error: EIO, an I/O error while looking up, creating or opening the file
 *   trigger: filename=path_fuse_open_fails, flags=O_RDWR
 *   desc: The filesystem could not read a directory or inode, or a device's
 *     open method reported an I/O error.
 *
 * error: EBADF, filename is relative and dfd is neither AT_FDCWD nor open
 *   trigger: dfd=closed, filename=path_relative
 *   desc: dfd is a number that is not open in the caller's table, or a
 *     negative value other than AT_FDCWD. Not returned for an absolute
 *     filename, whatever dfd is.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while a descriptor number is reserved (and, on failure,
 *     released again). Installing the file in the reserved slot normally
 *     needs no lock and takes it only while the table is being resized.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: The path walk first runs in RCU mode without taking references; if
 *     that cannot complete it is redone with references, and once more with
 *     every component revalidated if a network filesystem reported a stale
 *     handle.
 *
 * lock: parent directory inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Taken in open_last_lookups() around the lookup (and creation) of
 *     the last component, exclusively for O_CREAT and shared otherwise, and
 *     released before the file's open method runs. Without O_CREAT it is
 *     taken only when the name is not in the dentry cache, on both kernels.
 *     With O_CREAT the kernels differ: 6.1 takes it exclusively for every
 *     O_CREAT open, even when the file exists and is cached; 6.12 first
 *     tries the dentry cache (lookup_fast_for_open()) unless O_EXCL is
 *     given, and takes no parent lock when it finds an existing file there.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Taken exclusively on the opened file while O_TRUNC truncates it.
 *
 * lock: sb->s_writers
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: Freeze protection, taken through mnt_want_write() for O_TMPFILE,
 *     for O_TRUNC of an existing file (do_open()), and around the slow
 *     lookup of the last component when the open has O_CREAT, O_TRUNC,
 *     O_WRONLY or O_RDWR (open_last_lookups(); so on 6.1 for every O_CREAT
 *     open, on 6.12 only when the name was not found in the dentry cache).
 *     While the filesystem is frozen the open waits, uninterruptibly, until
 *     it is thawed.
 *
 * lock: flc_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: The file lock context's spinlock, taken to find and break
 *     conflicting leases when the inode has any.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The open waits for a FIFO partner, a lease holder or a device
 *   desc: A pending signal ends the wait and the open fails with ERESTARTSYS
 *     (restarted or turned into EINTR on the way back to user space) or with
 *     EINTR. The reserved descriptor is released; a file already created by
 *     O_CREAT stays.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * signal: SIGIO
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_TERMINATE
 *   condition: The open conflicts with a lease held through another file
 *   desc: The lease holder is notified that it must give the lease up, with
 *     SIGIO or the signal it chose with F_SETSIG. Without O_NONBLOCK the open
 *     then waits until the lease is released or the lease break time
 *     (fs.lease-break-time) has passed.
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_RESOURCE_CREATE | KAPI_EFFECT_ALLOC_MEMORY
 *   target: file descriptor and struct file
 *   condition: The open succeeded
 *   desc: A struct file is allocated, counted against fs.file-max, and
 *     installed at a new descriptor, with the close-on-exec flag from
 *     O_CLOEXEC. close() undoes it.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: new file and its parent directory
 *   condition: O_CREAT is given and the last component does not exist
 *   desc: A new empty regular file is created, owned by the caller's
 *     filesystem user ID, and its directory entry is added; the parent's
 *     modification and change times are updated. This stays done even when
 *     a later step of the open fails.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: unnamed file
 *   condition: O_TMPFILE is given
 *   desc: An inode without a name is created in the directory's filesystem.
 *     It disappears at the last close unless linkat() gives it a name first,
 *     which O_EXCL forbids.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM | KAPI_EFFECT_IRREVERSIBLE
 *   target: file contents
 *   condition: O_TRUNC is given and the file is an existing regular file
 *   desc: The file is truncated to length 0 and its modification and change
 *     times are updated; the data is gone.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: fsnotify events
 *   condition: The open succeeded, or created a file
 *   desc: FS_CREATE is reported on the parent directory for a created file
 *     and FS_OPEN for the opened file (IN_CREATE and IN_OPEN for inotify).
 *     O_PATH opens report nothing. A fanotify FAN_OPEN_PERM listener is
 *     asked before the open completes and can hold it up.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_SIGNAL_SEND | KAPI_EFFECT_MODIFY_STATE
 *   target: leases held by other open files
 *   condition: The open conflicts with a lease
 *   desc: The lease holder is signalled and the lease is downgraded or
 *     removed once it gives it up or the break time passes.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_PROCESS_STATE
 *   target: controlling terminal of the session
 *   condition: A session leader without a controlling terminal opens a terminal without O_NOCTTY
 *   desc: The terminal becomes the session's controlling terminal.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: FIFO reader and writer counts
 *   condition: filename names a FIFO
 *   desc: The FIFO counts the new reader or writer and wakes an opener that
 *     waits for the other end.
 *   reversible: yes
 *
 * state-trans: file descriptor
 *   from: free
 *   to: open
 *   condition: The open succeeded
 *   desc: The lowest free descriptor number now refers to the new open file
 *     description.
 *
 * state-trans: file
 *   from: absent
 *   to: existing, empty
 *   condition: O_CREAT is given and the last component did not exist
 *   desc: A regular file of size 0 exists under the name.
 *
 * state-trans: file size
 *   from: any
 *   to: 0
 *   condition: O_TRUNC on an existing regular file
 *   desc: The file has been truncated.
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: Opening for reading or writing and searching directories regardless of permission bits
 *   without: The file and directory permission bits and ACLs are enforced
 *   condition: Checked when the permission bits or ACL would deny the access
 *
 * capability: CAP_DAC_READ_SEARCH
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: Opening for reading and searching directories regardless of permission bits
 *   without: Read permission on the file and search permission on directories are needed
 *   condition: Checked for read and search access that the permission bits deny
 *
 * capability: CAP_FOWNER
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: O_NOATIME on a file the caller does not own
 *   without: O_NOATIME on someone else's file fails with EPERM
 *   condition: O_NOATIME is given and the caller's filesystem user ID is not the owner's
 *
 * capability: CAP_SYS_ADMIN
 *   type: KAPI_CAP_INCREASE_LIMIT
 *   allows: Opening files beyond the system-wide fs.file-max limit
 *   without: The open fails with ENFILE at the limit
 *   condition: The number of open files has reached fs.file-max
 *
 * capability: CAP_FSETID
 *   type: KAPI_CAP_MODIFY_BEHAVIOR
 *   allows: A new file keeps S_ISGID although the caller is not in its group
 *   without: S_ISGID is dropped from the new file's mode in that case
 *   condition: Creating with S_ISGID | S_IXGRP in mode in a set-group-ID directory
 *
 * capability: CAP_SYS_RESOURCE
 *   type: KAPI_CAP_INCREASE_LIMIT
 *   allows: Creating files beyond quota hard limits and in blocks reserved for privileged users
 *   without: Creation fails with EDQUOT or ENOSPC earlier
 *   condition: O_CREAT or O_TMPFILE on a filesystem with quotas or a root reserve
 *
 * constraint: O_CREAT with O_DIRECTORY
 *   desc: Unless O_PATH is set, O_CREAT and O_DIRECTORY together fail with
 *     EINVAL before anything else is done (O_TMPFILE | O_CREAT included).
 *   expr: (flags & O_PATH) || (flags & (O_CREAT | O_DIRECTORY)) != (O_CREAT | O_DIRECTORY)
 *
 * constraint: O_TMPFILE needs O_DIRECTORY and write access
 *   desc: Unless O_PATH is set, the __O_TMPFILE bit needs O_DIRECTORY and an
 *     access mode other than O_RDONLY; otherwise EINVAL before anything else.
 *   expr: (flags & O_PATH) || !(flags & __O_TMPFILE) ||
 *     ((flags & O_DIRECTORY) && (flags & O_ACCMODE) != O_RDONLY)
 *
 * constraint: Effective flags
 *   desc: The flags the kernel acts on. Unknown bits are dropped silently, and
 *     O_PATH drops everything but a few flags; neither is an error.
 *   expr: eff_flags = (flags & O_PATH) ?
 *     (flags & (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) :
 *     ((flags | O_LARGEFILE) & VALID_OPEN_FLAGS)
 *
 * constraint: Effective mode
 *   desc: The mode the kernel uses for a new file, before the umask or the
 *     default ACL is applied. Extra bits are dropped silently.
 *   expr: eff_mode = (!(flags & O_PATH) && (flags & (O_CREAT | __O_TMPFILE))) ?
 *     (mode & S_IALLUGO) : 0
 *
 * constraint: Directory descriptor
 *   desc: A relative filename needs dfd to be AT_FDCWD or an open descriptor
 *     of a directory (EBADF or ENOTDIR otherwise); an absolute one ignores dfd.
 *   expr: filename[0] == '/' || dfd == AT_FDCWD ||
 *     S_ISDIR(file_inode(fget_raw(dfd))->i_mode)
 *
 * constraint: PATH_MAX
 *   desc: filename with its NUL must fit in PATH_MAX bytes (ENAMETOOLONG);
 *     components must fit the filesystem's limit, usually NAME_MAX.
 *   expr: strlen(filename) < PATH_MAX
 *
 * constraint: RLIMIT_NOFILE
 *   desc: The returned descriptor is below the caller's soft RLIMIT_NOFILE
 *     limit; when no such number is free the open fails with EMFILE.
 *   expr: ret < rlimit(RLIMIT_NOFILE)
 *
 * constraint: fs.file-max
 *   desc: The system-wide count of open files must be below fs.file-max
 *     unless the caller has CAP_SYS_ADMIN (ENFILE otherwise).
 *   expr: get_nr_files() < files_stat.max_files || capable(CAP_SYS_ADMIN)
 *
 * examples: dirfd = open("/srv/data", O_PATH | O_DIRECTORY | O_CLOEXEC);
 *   fd = openat(dirfd, "index.db", O_RDWR | O_CLOEXEC);      // relative to dirfd
 *   fd = openat(dirfd, "new.tmp", O_WRONLY | O_CREAT | O_EXCL, 0600);
 *   fd = openat(AT_FDCWD, "notes.txt", O_RDONLY);             // same as open()
 *   fd = openat(-1, "/etc/hostname", O_RDONLY);               // dfd ignored
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers. The FS_OPEN
 *   event is raised by do_sys_openat2() after the file is opened in 6.1, and
 *   from inside the open path (vfs_open(), or after an atomic open) in 6.12;
 *   the events are the same. The fanotify open permission event comes from
 *   security_file_open() in 6.1 and from do_dentry_open() after the LSM hook
 *   in 6.12; a denial is EPERM in both. Write access to the inode and the
 *   mount is taken in two steps in 6.1 and by file_get_write_access() in 6.12,
 *   with the same errors (ETXTBSY, EROFS). The truncation hook of security
 *   modules is security_path_truncate() in 6.1 and security_file_truncate()
 *   in 6.12, and the post-open check is ima_file_check() in 6.1 and
 *   security_file_post_open() in 6.12. The lookup of the last component is
 *   organised differently (lookup_fast_for_open() in 6.12) with the same
 *   results but different locking: an O_CREAT open of an existing, cached
 *   name takes the parent directory's inode lock exclusively and the
 *   filesystem's freeze protection on 6.1 (so it waits while the filesystem
 *   is frozen, and is serialised with other creations in the directory),
 *   and neither on 6.12 (see the locks). Both Debian kernels refuse
 *   O_CREAT | O_DIRECTORY with EINVAL (mainline since 6.4, present in
 *   Debian's 6.1.192). For dfd, 6.12's path walk has an
 *   extra check that only linkat() with AT_EMPTY_PATH reaches.
 *
 *   Differences a program can observe: O_DIRECT on a tmpfs, memfd or shmem
 *   file fails with EINVAL on 6.1 and succeeds on 6.12 (shmem supports
 *   direct I/O since 6.6); O_TMPFILE on overlayfs fails with EOPNOTSUPP on
 *   6.1 and works on 6.12 (since 6.6). The O_CREAT locking above is
 *   visible as a blocked open on a frozen filesystem.
 *
 *   The errors of open are not qualified by objects: a failed open has no
 *   descriptor, so the object it failed on is at best the file system of
 *   the path. Their descriptions name the file systems and drivers that
 *   return them.
 *
 *   There is no upstream specification of openat; compared with upstream's
 *   specification of open: flags has no MASK
 *   constraint and mode none either, because bits outside the valid sets are
 *   ignored rather than refused; O_PATH combined with other flags is not an
 *   error (they are dropped; only openat2() refuses them); O_CREAT with
 *   O_DIRECTORY is refused with EINVAL, not ignored; EWOULDBLOCK is not listed
 *   on its own because it is EAGAIN; the open itself does not change the
 *   access time; and EOVERFLOW is not returned for large files by the native
 *   x86-64 entry, which always adds O_LARGEFILE.
 */
asmlinkage long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode);

// SPDX-License-Identifier: GPL-2.0
/*
 * Specifications of the positioned file I/O system calls lseek, pread64 and
 * pwrite64, as the Debian 6.1 and 6.12 kernels implement them (x86-64,
 * native entry points), in kapi's annotation language. Like fs.c, each
 * kerneldoc block is one spec followed by the declaration exactly as
 * include/linux/syscalls.h has it; kapi-gen checks the declarations against
 * the target kernel and leaves the symbolic constants to the compiler, which
 * is why their headers are included. The file is a generator input and is
 * not compiled on its own. pread64 and pwrite64 share the read and write
 * methods with read() and write() (fs.c): their specs repeat what those
 * methods do only where the positioned calls can reach it, since pipes,
 * sockets, terminals and anonymous-inode files fail with ESPIPE first.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/signal.h>
#include <linux/syscalls.h>

/**
 * sys_lseek - set or query the file position of an open file description
 * @fd: descriptor whose open file description is repositioned
 * @offset: offset in bytes, relative to what whence names
 * @whence: SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA or SEEK_HOLE
 *
 * long-desc: Moves the file position of the open file description fd refers
 *   to and returns the new position. The position is shared by every
 *   descriptor that refers to the same open file description (after dup()
 *   or fork()), so moving it through one moves it for all of them.
 *   SEEK_SET moves it to offset, SEEK_CUR to the current position plus
 *   offset, SEEK_END to the file's size plus offset; SEEK_DATA moves it to
 *   the next byte at or after offset that holds data and SEEK_HOLE to the
 *   next hole at or after offset (the end of the file counts as a hole).
 *   lseek(fd, 0, SEEK_CUR) only reports the position.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result. The descriptor is looked up with fdget_pos() (EBADF if it is not
 *   open or is an O_PATH descriptor; the file need not be open for reading
 *   or writing, the access mode 3 included). whence must not be above
 *   SEEK_MAX, which is SEEK_HOLE (EINVAL). The file must be seekable: files
 *   opened with stream_open() or nonseekable_open() (pipes, FIFOs,
 *   terminals, many character devices) and files whose operations have no
 *   llseek method (sockets, most anonymous-inode files) lack FMODE_LSEEK
 *   and fail with ESPIPE. Everything else is up to the file's llseek
 *   method: the generic methods of regular files and block devices
 *   (generic_file_llseek(), iomap and shmem variants) refuse a negative
 *   result or one above the filesystem's maximum file size (EINVAL) and
 *   answer SEEK_DATA and SEEK_HOLE at or beyond the end of the file with
 *   ENXIO; directories of tmpfs and ramfs (dcache_dir_lseek()) accept only
 *   SEEK_SET and SEEK_CUR; seq_file pseudo files
 *   (seq_lseek()) accept only SEEK_SET and SEEK_CUR and regenerate their
 *   text up to the new position, so their show method's errors (ESRCH,
 *   ENOENT, EPERM, EACCES, ENOMEM) come back from lseek; some devices
 *   ignore the call (noop_llseek() returns the position unchanged) or
 *   accept only a few whence values.
 *
 *   Files with unsigned offsets (/proc/PID/mem, /dev/mem, /dev/kmem) accept
 *   positions above LLONG_MAX, which the system call returns as negative
 *   numbers; /dev/mem refuses (EOVERFLOW) the last 4095 positions, which
 *   would read as error codes, but /proc/PID/mem does not, so a position in
 *   that range comes back looking like a failure with the matching errno.
 *
 *   The call never transfers data and never waits for I/O, except that
 *   network and FUSE file systems may ask their server for the file's size
 *   (SEEK_END) or for its data and holes (SEEK_DATA, SEEK_HOLE).
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH
 *   errno: EBADF
 *   order: 1
 *   cdesc: An unsigned int; values above INT_MAX (AT_FDCWD and other
 *     negative numbers among them) are never open. fd must be open in the
 *     caller's table and must not be an O_PATH descriptor; the access mode
 *     does not matter. That the file is seekable is checked after whence,
 *     and fails with ESPIPE, not EBADF.
 *
 * param: offset
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   cdesc: No value is refused by the system call itself. Whether the
 *     resulting position is valid is the llseek method's decision: negative
 *     results fail with EINVAL except on files with unsigned offsets, results
 *     above the filesystem's maximum file size fail with EINVAL, and SEEK_DATA
 *     and SEEK_HOLE with an offset at or beyond the end of the file fail with
 *     ENXIO. For SEEK_CUR and SEEK_END the sum with the position or the size
 *     is computed in loff_t and may wrap around, which generic methods then
 *     refuse as a negative position.
 *
 * param: whence
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_ENUM
 *   valid-values: SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA, SEEK_HOLE
 *   errno: EINVAL
 *   order: 2
 *   cdesc: ksys_lseek() refuses values above SEEK_MAX (SEEK_HOLE) with
 *     EINVAL after the descriptor lookup and before the file's seekability
 *     is looked at, so lseek(pipe, 0, 7) fails with EINVAL, not ESPIPE. An
 *     accepted value may still be refused by the llseek method (EINVAL):
 *     seq_file pseudo files and the directories of tmpfs and ramfs accept
 *     only SEEK_SET and SEEK_CUR, fixed-size devices only SEEK_SET,
 *     SEEK_CUR and SEEK_END.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_ERROR_CHECK
 *   desc: The new file position, counted in bytes from the start of the
 *     file; for lseek(fd, 0, SEEK_CUR) the current one. On files with
 *     unsigned offsets (/proc/PID/mem, /dev/mem) a position above LLONG_MAX
 *     is returned as a negative number, and /proc/PID/mem even returns the
 *     positions 2^64 - 4095 to 2^64 - 1 as they are, which look like error
 *     codes: this is why the return value has no range to check. Some
 *     devices (noop_llseek()) return the position without changing it.
 *     On failure a negative error code, and the position is unchanged.
 *
 * error: EBADF, fd is not open or is an O_PATH descriptor
 *   trigger: fd=opath
 *   desc: fdget_pos() found no file, or an O_PATH file, which it does not
 *     hand out. This is the first check made.
 *
 * error: EINVAL, whence is unknown, or the method refuses whence or the new position
 *   trigger: fd=file_rdonly, offset=-1, whence=SEEK_SET, check=pos_unchanged
 *   desc: whence is above SEEK_MAX (checked by the system call), or the
 *     file's llseek method refuses it (seq_file files and tmpfs and ramfs
 *     directories take only SEEK_SET and SEEK_CUR; block devices and
 *     fixed_size_llseek() and no_seek_end_llseek() devices refuse SEEK_DATA
 *     and SEEK_HOLE), or the new position is negative on a file without
 *     unsigned offsets, or beyond the maximum the file system or device
 *     allows (vfs_setpos()).
 *
 * error: ESPIPE, the file is a pipe, FIFO, socket, terminal or another file without a position
 *   trigger: fd=pipe_rd_empty, check=pos_unchanged
 *   objects: fifo, sock, chr, anon, fuse, overlay, other
 *   desc: The open file has no FMODE_LSEEK: it was opened with
 *     stream_open() or nonseekable_open() (pipes, FIFOs, terminals, FUSE
 *     files opened with FOPEN_STREAM or FOPEN_NONSEEKABLE, many devices), or
 *     its file operations have no llseek method (sockets, and
 *     anonymous-inode files such as epoll, inotify and fanotify). Some
 *     methods return ESPIPE themselves: /dev/kmsg for any nonzero offset
 *     (devkmsg_llseek()), and on 6.1 the no_llseek() helper of drivers.
 *
 * error: ENXIO, SEEK_DATA or SEEK_HOLE at or beyond the end of the file
 *   trigger: fd=file_rdonly, offset=4, whence=SEEK_DATA, check=pos_unchanged
 *   objects: reg, dir, fuse, nfs, overlay, other
 *   desc: There is no data and no hole at or after offset because offset is
 *     at or beyond the file's size (generic_file_llseek_size(),
 *     shmem_file_llseek(), iomap_seek_data() and iomap_seek_hole() on ext4
 *     and XFS). A negative offset gives ENXIO too on most file systems.
 *
 * error: EOVERFLOW, the new position would read as an error code
 *   trigger: fd=dev_mem, offset=-2, whence=SEEK_SET, check=pos_unchanged
 *   objects: chr, fuse, overlay, other
 *   desc: /dev/mem and /dev/port (memory_lseek()) refuse positions in the
 *     last 4095 bytes of the 64-bit range, which the caller could not tell
 *     from error codes. The system call's own EOVERFLOW for a position that
 *     does not fit off_t cannot happen on x86-64, where off_t and loff_t are
 *     the same.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: fd=proc_stat_exited, offset=1, whence=SEEK_SET
 *   objects: reg, fuse, overlay, other
 *   desc: Moving a /proc/PID seq_file (stat, status, limits, ...) to a
 *     nonzero position regenerates its text with the show method
 *     (seq_lseek(), traverse()), which fails with ESRCH once the task has
 *     been reaped. The position is reset to 0.
 *
 * error: ENOENT, the object behind a pseudo file is gone
 *   trigger: fd=fdinfo_closed, offset=1, whence=SEEK_SET
 *   objects: reg, fuse, overlay, other
 *   desc: /proc/PID/fdinfo/N once descriptor N is closed (seq_show() in
 *     fs/proc/fd.c), through the same regeneration as ESRCH.
 *
 * error: EPERM, a /proc file's show method refused the caller
 *   trigger: fd=proc_init_syscall, offset=1, whence=SEEK_SET, setup=nobody
 *   objects: reg, fuse, overlay, other
 *   desc: /proc/PID/syscall, wchan and the other files guarded by
 *     lock_trace() check ptrace access on every regeneration; a caller that
 *     lost the right since the open (dropped privileges) gets EPERM.
 *
 * error: EACCES, a /proc file's show method needs a capability of the opener
 *   trigger: fd=proc_stack_unprivileged, offset=1, whence=SEEK_SET
 *   objects: reg, fuse, overlay, other
 *   desc: /proc/PID/stack regenerates its text only for an opener with
 *     CAP_SYS_ADMIN (proc_pid_stack()).
 *
 * error: ENODEV, the sysfs or cgroup node behind fd was removed
 *   trigger: fd=fuse_file_io_fails, whence=SEEK_DATA
 *   objects: reg, fuse, nfs, overlay, other
 *   desc: On 6.12, sysfs and cgroup files (kernfs_fop_llseek()) refuse to
 *     seek once their node is removed; 6.1 seeks them with
 *     generic_file_llseek() and succeeds. FUSE servers may answer a
 *     FUSE_LSEEK request (SEEK_DATA, SEEK_HOLE) with it as with any error,
 *     which is how the trigger provokes it on both kernels.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: fd=fuse_file_conn_gone, whence=SEEK_DATA
 *   objects: fuse, overlay, other
 *   desc: SEEK_DATA and SEEK_HOLE on a FUSE file send FUSE_LSEEK (until
 *     the server answered ENOSYS once), and SEEK_END may ask for the size
 *     (FUSE_GETATTR); with the server gone or the connection aborted every
 *     request fails with ENOTCONN (fuse_get_req()).
 *
 * error: EIO, the server or device reported an I/O error
 *   trigger: fd=fuse_file_io_fails, whence=SEEK_DATA
 *   objects: reg, dir, blk, fuse, nfs, overlay, other
 *   desc: A FUSE or NFS server answering the SEEK_DATA or SEEK_HOLE
 *     request with an I/O error, a FUSE inode marked bad, an ext4 or XFS
 *     file system whose extent tree could not be read while looking for
 *     data or holes.
 *
 * error: ETIMEDOUT, a network file system's request timed out
 *   trigger: fd=fuse_file_io_fails, whence=SEEK_DATA
 *   objects: fuse, nfs, overlay, other
 *   desc: An NFS soft mount or a FUSE server that gave up on the
 *     SEEK_DATA or SEEK_HOLE request, or on the attribute refresh of
 *     SEEK_END.
 *
 * error: ESTALE, a network file system's file handle went stale
 *   trigger: fd=fuse_file_io_fails, whence=SEEK_DATA
 *   objects: fuse, nfs, overlay, other
 *   desc: The file was removed or replaced on the server while it was open
 *     here; the server says so when asked for the size or for data and
 *     holes.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: seq_file pseudo files allocate their buffer when they regenerate
 *     their text at the new position (traverse()); network file systems
 *     allocate their requests.
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Taken by fdget_pos() and released by fdput_pos(), when the file
 *     has atomic position semantics (regular files, directories) and the
 *     open file description is shared at the time, so that a seek and a
 *     read() or write() through another descriptor of the same description
 *     do not interleave. The wait is not interruptible.
 *
 * lock: file->f_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: generic_file_llseek_size() holds it for SEEK_CUR, so that two
 *     relative seeks on the same description both take effect.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: default_llseek(), memory_lseek(), shmem and iomap SEEK_DATA and
 *     SEEK_HOLE, and FUSE for SEEK_END, SEEK_DATA and SEEK_HOLE take the
 *     inode lock (shared or exclusive) while they look at the size or the
 *     block map. seq_file files take the seq_file's mutex instead.
 *
 * signal: Fatal signals
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: A network file system waits for its server
 *   desc: lseek itself does not wait interruptibly; FUSE and NFS requests
 *     made for SEEK_END, SEEK_DATA or SEEK_HOLE end when the caller gets a
 *     fatal signal, and the caller never returns to user space.
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION
 *   target: file->f_pos
 *   condition: The call succeeded and whence is not SEEK_CUR with offset 0
 *   desc: The position of the open file description is set to the value
 *     returned, for every descriptor sharing it; the next read() or write()
 *     starts there (pread64 and pwrite64 ignore it). A failed call leaves it
 *     unchanged, except on seq_file files, whose position is reset to 0 when
 *     regenerating their text fails. Seeking beyond the end of a regular
 *     file is allowed and does not change the file; a later write there
 *     leaves a hole.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: directory stream and file cookies
 *   condition: A directory or a device with its own iteration state is repositioned
 *   desc: Directories reset their readdir cursor or cookie (6.1 clears
 *     f_version, 6.12 the file system's own cookie); /dev/kmsg moves its
 *     reader to the first record (SEEK_SET), after the last cleared one
 *     (SEEK_DATA) or to the end (SEEK_END).
 *   reversible: yes
 *
 * state-trans: file position
 *   from: any
 *   to: the returned value
 *   condition: The call succeeded
 *   desc: lseek(fd, 0, SEEK_CUR) and noop_llseek() devices leave it as it
 *     was; every other success sets it.
 *
 * constraint: Seekable file
 *   desc: After the descriptor and whence checks, the file must have
 *     FMODE_LSEEK, or the call fails with ESPIPE. kapi does not check it
 *     before the call because the state it would need is not among what
 *     the hooks read of a descriptor; the error is listed per object.
 *   expr: file->f_mode & FMODE_LSEEK
 *
 * constraint: Position range
 *   desc: On files without unsigned offsets the new position must be at
 *     least 0 and at most the file system's maximum file size (sb->s_maxbytes)
 *     or the device's size.
 *   expr: pos >= 0 && pos <= maxsize
 *
 * examples: off = lseek(fd, 0, SEEK_CUR);        // where am I
 *   size = lseek(fd, 0, SEEK_END);            // size of a regular file
 *   lseek(fd, 0, SEEK_SET);                   // rewind
 *   data = lseek(fd, off, SEEK_DATA);         // next data at or after off;
 *                                             // ENXIO beyond the end
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers: 6.12 dropped
 *   the no_llseek() helper (files that used it now simply have no llseek
 *   method and fail with ESPIPE from vfs_llseek(), as before), clears the
 *   file system's directory cookie instead of f_version when the position
 *   changes (vfs_setpos_cookie(), generic_llseek_cookie()), and seeks sysfs
 *   and cgroup files through kernfs_fop_llseek(), which fails with ENODEV
 *   once the node was removed, where 6.1 uses generic_file_llseek() and
 *   succeeds. vfs_llseek(), ksys_lseek() and must_set_pos()'s rules are the
 *   same. The x86-64 system call has no llseek() (the 32-bit _llseek()).
 *
 *   Errors and objects: as in fs.c, an error with an objects: line comes
 *   only from the object kinds listed there; fuse (whose server's answer to
 *   FUSE_LSEEK or FUSE_GETATTR reaches the caller unchanged), overlay and
 *   other are listed with every qualified error. kapi checks fd and whence
 *   before the call; ESPIPE and everything after it are the file's.
 */
asmlinkage long sys_lseek(unsigned int fd, off_t offset,
			  unsigned int whence);

/**
 * sys_pread64 - read from a file descriptor at a given position
 * @fd: descriptor to read from
 * @buf: user memory that receives the data
 * @count: number of bytes asked for
 * @pos: file position to read from
 *
 * long-desc: Transfers up to count bytes from the file open on fd, starting
 *   at position pos, into the user buffer at buf, and returns the number of
 *   bytes transferred. Unlike read(), it neither uses nor changes the file
 *   position of the open file description, so several threads can read one
 *   file through one descriptor without seeking, and it does not take the
 *   description's position lock.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result. pos must not be negative (EINVAL), checked before the descriptor
 *   is looked at. The descriptor is looked up with fdget() (EBADF if it is
 *   not open or is an O_PATH descriptor). The file must allow positioned
 *   reads (FMODE_PREAD), or the call fails with ESPIPE: pipes, FIFOs,
 *   sockets, terminals, most anonymous-inode files (eventfd, epoll, timerfd,
 *   signalfd, inotify, fanotify, perf events) and files opened with
 *   stream_open() or nonseekable_open() do not. Then vfs_read() checks the
 *   rest as for read(): the file must be open for reading (EBADF) and have a
 *   read method (EINVAL), buf to buf + count must lie in user space
 *   (EFAULT), pos + count must not overflow (EINVAL) and security modules
 *   and fanotify may refuse (EACCES, EPERM). count is clamped to
 *   MAX_RW_COUNT and the read method is called with the position pos.
 *
 *   What remains are the read method's answers for the files that accept
 *   positioned reads: regular files (the page cache or direct I/O),
 *   directories (EISDIR), block and character devices, /proc, sysfs,
 *   cgroup and /proc/sys pseudo files, memfd and FUSE or NFS files. Zero
 *   is returned at and beyond the end of the file. Devices that have no
 *   notion of a position, such as /dev/kmsg, /dev/zero or /dev/urandom,
 *   accept pread64 and ignore pos. A signal that arrives after some data
 *   was copied makes the call return the partial count.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH
 *   errno: EBADF
 *   order: 2
 *   cdesc: An unsigned int; values above INT_MAX are never open. fd must be
 *     open and must not be an O_PATH descriptor (EBADF). Then, in this
 *     order, the file must allow positioned reads (ESPIPE otherwise), must
 *     have been opened with O_RDONLY or O_RDWR (EBADF) and must have a read
 *     method (EINVAL). kapi checks the first two conditions before the
 *     call; the others come after the ESPIPE check, which depends on
 *     FMODE_PREAD, a file state the hooks do not read, so checking them
 *     too would predict EBADF or EINVAL where the kernel answers ESPIPE.
 *
 * param: buf
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_OUT | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_BUFFER
 *   size-param: 2
 *   errno: EFAULT
 *   order: 3, audit
 *   cdesc: buf to buf + count must lie below the top of the user address
 *     space (TASK_SIZE_MAX) without wrapping around, or the call fails with
 *     EFAULT, even for a count of 0; mapped and writable memory is found
 *     out only while copying (a fault before the first byte gives EFAULT, a
 *     later one a short count). The rule is checked after the ESPIPE,
 *     access mode and read method checks, which kapi does not see, so
 *     enforce mode leaves a call that breaks it to the kernel.
 *
 * param: count
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: No value is refused by itself: counts above MAX_RW_COUNT are
 *     clamped, and counts that are negative as a ssize_t fail the address
 *     range check of buf (EFAULT) on x86-64. pos + count must not overflow
 *     loff_t on files without unsigned offsets (EINVAL).
 *
 * param: pos
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, LLONG_MAX
 *   errno: EINVAL
 *   order: 1
 *   cdesc: A negative position fails with EINVAL before anything else is
 *     checked, the descriptor included (ksys_pread64()), even on files with
 *     unsigned offsets such as /proc/PID/mem, whose upper half therefore
 *     cannot be read with pread64. A position at or beyond the end of the
 *     file is not an error: the read returns 0.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The number of bytes stored in buf, at most the smaller of count
 *     and MAX_RW_COUNT; 0 at or beyond the end of the file and for a count
 *     of 0. On failure a negative error code. The file position is never
 *     changed.
 *
 * error: EINVAL, pos is negative, pos + count overflows, no read method, or the method refuses
 *   trigger: fd=file_rdonly, count=1, pos=-1, check=pos_unchanged
 *   desc: pos is negative (the first check of the call); the file has no
 *     read method; pos + count overflows loff_t on a file without unsigned
 *     offsets (rw_verify_area()); an O_DIRECT read does not meet the
 *     alignment the file system requires for buf, count or pos; or the
 *     read method refuses the request (/dev/kmsg for a buffer shorter than
 *     the next record, sysfs binary attributes and drivers for an offset or
 *     size they do not take).
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for reading
 *   trigger: fd=file_wronly, count=1, check=pos_unchanged
 *   desc: The lookup found nothing or an O_PATH file (fdget() does not hand
 *     those out), or the file was opened with O_WRONLY or the access mode 3
 *     (no FMODE_READ; checked after ESPIPE).
 *
 * error: ESPIPE, the file does not allow positioned reads
 *   trigger: fd=pipe_rd_empty, count=1
 *   objects: fifo, sock, chr, anon, fuse, overlay, other
 *   desc: The file has no FMODE_PREAD: pipes and FIFOs, sockets, terminals
 *     and pseudo terminals (nonseekable_open()), anonymous-inode files
 *     (eventfd, epoll, timerfd, signalfd, inotify, fanotify, userfaultfd,
 *     perf events, BPF objects), devices opened with stream_open() or
 *     nonseekable_open(), and FUSE files the server opened with
 *     FOPEN_STREAM or FOPEN_NONSEEKABLE. The call does not wait, even on an
 *     empty pipe, and the file's read method is not called.
 *
 * error: EFAULT, buf to buf + count is outside user space, or the copy faulted at once
 *   trigger: fd=file_rdonly, buf=unmapped_ptr, count=1, check=pos_unchanged
 *   desc: The address range check failed (see buf), or the read method
 *     could not store the first byte because the memory is not mapped or
 *     not writable.
 *
 * error: EISDIR, fd refers to a directory
 *   trigger: fd=dir, count=1
 *   objects: dir, fuse, nfs, overlay, other
 *   desc: Directories allow positioned reads (they have FMODE_PREAD), and
 *     their read method, generic_read_dir() on practically every file
 *     system, refuses them.
 *
 * error: EAGAIN, O_NONBLOCK is set and no data is available yet
 *   trigger: fd=kmsg_end_nonblock, count=8192
 *   objects: chr, fuse, nfs, overlay, other
 *   desc: Character devices that queue data and ignore pos, such as
 *     /dev/kmsg with no new record, report that the read would block when
 *     the file is non-blocking. Regular files do not block this way (RWF_NOWAIT
 *     is not available through pread64).
 *
 * error: EINTR, a signal interrupted a wait before any data was copied
 *   trigger: fd=kmsg_end, count=8192, setup=alarm
 *   desc: The read method was waiting (a device for data, /dev/kmsg for a
 *     record, a FUSE or NFS request for its answer, a lock) and a signal
 *     arrived before any byte was stored. Methods that allow a restart
 *     return ERESTARTSYS, which reaches user space as EINTR only when the
 *     handler was installed without SA_RESTART.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted
 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code that a probe on the return value sees; the
 *     signal code turns it into EINTR or restarts the call.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: fd=proc_stat_exited, count=4096
 *   objects: reg, fuse, overlay, other
 *   desc: /proc/PID files look their task up on every read (seq_file show
 *     methods such as proc_single_show()); once it was reaped the read fails.
 *
 * error: ENOENT, the object behind a pseudo file is gone
 *   trigger: fd=fdinfo_closed, count=4096
 *   desc: /proc/PID/fdinfo/N once descriptor N is closed, a /proc/sys file
 *     whose table was unregistered, FUSE servers and drivers that look an
 *     object up on every read.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, count=4096
 *   desc: sysfs and cgroup (kernfs) files once their node is removed, and
 *     drivers of unplugged devices.
 *
 * error: EIO, an I/O error
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: The device or file system reported an I/O error (media, network
 *     file system, corrupted metadata); a /proc file whose entry was removed
 *     while open (proc_reg_read_iter()); /proc/PID/mem for memory that
 *     cannot be read; a FUSE inode marked bad.
 *
 * error: EPIPE, /dev/kmsg records were overwritten
 *   trigger: fd=kmsg_overwritten, count=8192
 *   objects: kmsg, fuse, overlay, other
 *   desc: /dev/kmsg (which ignores pos) fails once with EPIPE when the
 *     record its reader would read next was overwritten in the ring buffer.
 *     No signal is sent.
 *
 * error: EPERM, a /proc file refused the caller, or fanotify or a security module denied it
 *   trigger: fd=proc_sys_root_only, count=64, setup=nobody
 *   desc: /proc/sys files check the caller's permission on every read
 *     (proc_sys_call_handler()); files guarded by lock_trace() check ptrace
 *     access; a fanotify FAN_ACCESS_PERM listener answered FAN_DENY; an LSM
 *     refused with EPERM.
 *
 * error: EACCES, a security module or the file refused the read
 *   trigger: fd=proc_stack_unprivileged, count=4096
 *   desc: The file_permission hook of an LSM checks every read again;
 *     /proc/PID/stack gives its text only to an opener with CAP_SYS_ADMIN
 *     (proc_pid_stack()); network file systems' servers may refuse.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: fd=fuse_file_conn_gone, count=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Files of a FUSE mount whose server has exited or was aborted
 *     fail every request with ENOTCONN (fuse_get_req()).
 *
 * error: ETIMEDOUT, a request timed out
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: An NFS soft mount with softerr, a FUSE server, or a driver or
 *     block device request that timed out (O_DIRECT reads see
 *     BLK_STS_TIMEOUT this way).
 *
 * error: ESTALE, a network file system's file handle went stale
 *   trigger: fd=fuse_file_io_fails, count=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the server while it was open.
 *
 * error: ENODATA, the file has no data to report
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: sysfs attributes whose driver has no value, cache-backed file
 *     systems whose data is missing from the cache, FUSE servers.
 *
 * error: EUCLEAN, the file system's metadata is corrupted
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: ext4, XFS and Btrfs return EFSCORRUPTED (EUCLEAN) when the block
 *     map or extents of the file are inconsistent; a FUSE server's answer
 *     reaches the caller unchanged, which is how the trigger provokes it.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: ext4 and XFS return EFSBADCRC (EBADMSG) for metadata blocks with
 *     a wrong checksum; provoked, like EUCLEAN, through a FUSE server.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: seq_file, sysfs and /proc/sys files and some drivers allocate
 *     buffers per read.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table while fd is looked up, when the
 *     table is shared; released before the read method runs. pread64 does
 *     not take file->f_pos_lock: it has its own position.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Some file systems take it shared for direct and DAX reads.
 *     Buffered reads of regular files go through the page cache without it.
 *
 * lock: read method locks
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: Whatever the read method takes internally (the seq_file mutex, a
 *     driver's lock, FUSE request queues); all released before the return.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The read method sleeps interruptibly
 *   desc: With nothing copied yet the call fails with ERESTARTSYS or EINTR;
 *     with some data copied it returns the partial count. Fatal signals also
 *     end killable waits (FUSE requests, page cache locks).
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: inode access time
 *   condition: Data was read and atime updates are not suppressed
 *   desc: As for read(): reads through the page cache mark the inode
 *     accessed; mount options and O_NOATIME decide whether atime changes.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The read method was called
 *   desc: syscr grows by one and rchar by the bytes returned
 *     (/proc/PID/io); calls that fail before the read method change neither.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: fsnotify access event
 *   condition: The read returned a count > 0
 *   desc: An FS_ACCESS event (IN_ACCESS, FAN_ACCESS) is generated.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_IRREVERSIBLE
 *   target: queued data of devices that ignore pos
 *   condition: The file is a queue rather than storage and data was returned
 *   desc: /dev/kmsg advances its reader by the record returned; other
 *     devices that ignore pos consume what they return.
 *   reversible: no
 *
 * state-trans: file position
 *   from: any
 *   to: unchanged
 *   condition: Always
 *   desc: The position of the open file description is neither read nor
 *     written, whatever the result: a following read() starts where it
 *     would have without the pread64.
 *
 * constraint: Transfer size
 *   desc: A successful call never reports more bytes than were asked for,
 *     nor more than MAX_RW_COUNT.
 *   expr: ret <= min(count, MAX_RW_COUNT)
 *
 * constraint: Positioned reads allowed
 *   desc: After the descriptor lookup the file must have FMODE_PREAD (ESPIPE
 *     otherwise), then FMODE_READ (EBADF) and FMODE_CAN_READ (EINVAL).
 *   expr: (file->f_mode & FMODE_PREAD) && (file->f_mode & FMODE_READ) &&
 *     (file->f_mode & FMODE_CAN_READ)
 *
 * constraint: Position range
 *   desc: pos is not negative, and on files without unsigned offsets
 *     pos + count does not overflow loff_t (EINVAL).
 *   expr: pos >= 0 && pos + count >= 0
 *
 * examples: n = pread64(fd, buf, sizeof(buf), off);   // read at off, position unchanged
 *   n = pread(fd, hdr, sizeof(*hdr), 0);             // the C library's name
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers:
 *   ksys_pread64() is the same on both (6.12 spells the file fd_file(f));
 *   what differs is inside vfs_read() and the read methods, as described
 *   for read(): the fanotify permission event's place, unsigned offsets as
 *   a file flag (6.1) or a file-operations flag (6.12), and the read_iter
 *   methods of timerfd and signalfd, which pread64 never reaches because
 *   those files fail with ESPIPE.
 *
 *   What kapi checks before the call: pos (EINVAL, the kernel's first
 *   check), then that fd is open and not O_PATH (EBADF). The access mode,
 *   the read method and FMODE_PREAD are listed as errors; the buffer rule is
 *   reported in audit mode and left to the kernel in enforce mode.
 *
 *   Errors and objects: qualified errors list fuse, overlay and other as in
 *   fs.c. The errors of pipes, sockets, terminals and anonymous-inode files
 *   that read() lists (ECONNRESET, ENOBUFS, ECANCELED, ...) cannot come from
 *   pread64, which fails on those files with ESPIPE first.
 */
asmlinkage long sys_pread64(unsigned int fd, char __user *buf,
			    size_t count, loff_t pos);

/**
 * sys_pwrite64 - write to a file descriptor at a given position
 * @fd: descriptor to write to
 * @buf: user memory that holds the data
 * @count: number of bytes to write
 * @pos: file position to write at
 *
 * long-desc: Transfers up to count bytes from the user buffer at buf to the
 *   file open on fd, starting at position pos, and returns the number of
 *   bytes accepted. It neither uses nor changes the position of the open
 *   file description and does not take its position lock. One exception is
 *   inherited from the write path: when the file was opened with O_APPEND,
 *   Linux appends the data at the end of the file whatever pos says
 *   (generic_write_checks() moves the write's own position to the size);
 *   the description's position is still unchanged.
 *
 *   The checks run in this order and the first one that fails decides the
 *   result. pos must not be negative (EINVAL), before the descriptor is
 *   looked at. The descriptor is looked up with fdget() (EBADF if it is not
 *   open or is an O_PATH descriptor). The file must allow positioned writes
 *   (FMODE_PWRITE), or the call fails with ESPIPE: pipes, FIFOs, sockets,
 *   terminals, anonymous-inode files, stream and non-seekable devices, and
 *   seq_file pseudo files (seq_open() clears FMODE_PWRITE) do not. Then
 *   vfs_write() checks as for write(): the file must be open for writing
 *   (EBADF) and have a write method (EINVAL), buf to buf + count must lie in
 *   user space (EFAULT), pos + count must not overflow (EINVAL), and
 *   security modules may refuse (EACCES, EPERM). count is clamped to
 *   MAX_RW_COUNT; for regular files the call waits while the file system is
 *   frozen, and the write method runs at pos.
 *
 *   For regular files the file size limit RLIMIT_FSIZE and the file
 *   system's maximum size shorten the write or, when pos is already at or
 *   beyond them, fail it with EFBIG (with SIGXFSZ for RLIMIT_FSIZE).
 *   Writing beyond the end of the file extends it, leaving a hole between
 *   the old end and pos. The set-user-ID bit and usually the set-group-ID
 *   bit are cleared unless the caller has CAP_FSETID, and the modification
 *   and change times are updated. Pseudo files of sysfs, cgroup and
 *   /proc/sys and devices such as /dev/kmsg or /dev/null accept pwrite64
 *   and interpret the data as write() would, mostly ignoring pos. A signal
 *   that arrives after some data was written makes the call return the
 *   partial count.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_NOT_PATH
 *   errno: EBADF
 *   order: 2
 *   cdesc: An unsigned int; values above INT_MAX are never open. fd must be
 *     open and must not be an O_PATH descriptor (EBADF). Then, in this
 *     order, the file must allow positioned writes (ESPIPE), must have been
 *     opened with O_WRONLY or O_RDWR (EBADF) and must have a write method
 *     (EINVAL). kapi checks the first two conditions before the call; the
 *     others come after the ESPIPE check, whose file state (FMODE_PWRITE)
 *     the hooks do not read.
 *
 * param: buf
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_BUFFER
 *   size-param: 2
 *   errno: EFAULT
 *   order: 3, audit
 *   cdesc: buf to buf + count must lie below the top of the user address
 *     space without wrapping around, or the call fails with EFAULT, even for
 *     a count of 0; whether the memory is mapped and readable is found out
 *     while copying. Checked after ESPIPE and the access mode checks, which
 *     kapi does not see: reported in audit mode, left to the kernel in
 *     enforce mode.
 *
 * param: count
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: No value is refused by itself: counts above MAX_RW_COUNT are
 *     clamped, negative ones (as a ssize_t) fail the address check of buf
 *     (EFAULT). pos + count must not overflow loff_t (EINVAL).
 *
 * param: pos
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, LLONG_MAX
 *   errno: EINVAL
 *   order: 1
 *   cdesc: A negative position fails with EINVAL before anything else is
 *     checked, the descriptor included (ksys_pwrite64()). A position beyond
 *     the end of a regular file is allowed and leaves a hole; at or beyond
 *     RLIMIT_FSIZE or the maximum file size it fails with EFBIG.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The number of bytes written, at most the smaller of count and
 *     MAX_RW_COUNT; fewer when a limit, a full device or a signal ends the
 *     write early. On failure a negative error code. The file position is
 *     never changed.
 *
 * error: EINVAL, pos is negative, pos + count overflows, no write method, or data refused
 *   trigger: fd=file_wronly, count=1, pos=-1, check=pos_unchanged
 *   desc: pos is negative (the first check); the file has no write method;
 *     pos + count overflows loff_t (rw_verify_area()); an O_DIRECT write is
 *     misaligned; or the write method refuses the data (sysfs, cgroup and
 *     /proc/sys files that cannot parse it, drivers).
 *
 * error: EBADF, fd is not open, is an O_PATH descriptor, or is not open for writing
 *   trigger: fd=file_rdonly, count=1, check=pos_unchanged
 *   desc: The lookup found nothing or an O_PATH file, or the file was
 *     opened with O_RDONLY or the access mode 3 (no FMODE_WRITE; checked
 *     after ESPIPE).
 *
 * error: ESPIPE, the file does not allow positioned writes
 *   trigger: fd=pipe_wr_full, count=1
 *   objects: fifo, sock, chr, anon, reg, fuse, overlay, other
 *   desc: The file has no FMODE_PWRITE: pipes and FIFOs, sockets,
 *     terminals, anonymous-inode files, stream and non-seekable devices, FUSE
 *     files opened with FOPEN_STREAM or FOPEN_NONSEEKABLE, and seq_file
 *     pseudo files (most of /proc; seq_open() clears FMODE_PWRITE, which
 *     kernfs restores for its writable files). Nothing is written and the
 *     call does not wait, even on a full pipe; no SIGPIPE is sent.
 *
 * error: EFAULT, buf to buf + count is outside user space, or the copy faulted at once
 *   trigger: fd=file_wronly, buf=unmapped_ptr, count=1, check=pos_unchanged
 *   desc: The address range check failed (see buf), or the write method
 *     could not read the first byte because the memory is not mapped or
 *     not readable.
 *
 * error: EFBIG, pos is at or beyond the file size limit
 *   trigger: fd=file_wronly, count=1, setup=fsize_zero, check=pos_unchanged
 *   objects: reg, blk, fuse, nfs, overlay, other
 *   desc: pos is at or beyond RLIMIT_FSIZE (SIGXFSZ is sent too) or the
 *     file system's maximum file size, or the device's end for block
 *     devices (generic_write_checks(), generic_write_check_limits()).
 *
 * error: ENOSPC, no space left on the device
 *   trigger: fd=dev_full, count=1
 *   desc: The file system has no free blocks for the data, or the device
 *     is full (/dev/full always).
 *
 * error: EPERM, a seal, a file attribute or a security module forbids the write
 *   trigger: fd=memfd_sealed, count=1
 *   desc: A memfd sealed with F_SEAL_WRITE (or F_SEAL_GROW for a write
 *     beyond its end, F_SEAL_FUTURE_WRITE); an append-only or immutable file
 *     whose attribute was set after the open; /proc/sys files the caller may
 *     not write; an LSM or fanotify permission listener.
 *
 * error: ESRCH, the process a cgroup or /proc write names does not exist
 *   trigger: fd=cgroup_procs, buf=buf_absent_pid, count=7
 *   objects: reg, fuse, overlay, other
 *   desc: cgroup.procs and cgroup.threads (cgroup_procs_write()) and other
 *     control files that take a process ID.
 *
 * error: E2BIG, the write is longer than the file accepts at once
 *   trigger: fd=cgroup_procs, count=8192
 *   objects: reg, fuse, overlay, other
 *   desc: kernfs files take at most a page at once, or their max_write_len
 *     (kernfs_fop_write_iter()).
 *
 * error: EBUSY, the object is busy
 *   trigger: fd=cgroup_busy_subtree, buf=buf_plus_memory, count=7
 *   desc: A cgroup's subtree_control with processes in the cgroup, and
 *     drivers that are busy.
 *
 * error: ERANGE, a value written is out of range
 *   trigger: fd=cgroup_pids_max, buf=buf_huge_number, count=20
 *   objects: reg, fuse, overlay, other
 *   desc: cgroup and sysfs attributes that parse numbers.
 *
 * error: EOPNOTSUPP, the file does not support the request
 *   trigger: fd=cgroup_thread_root_subtree, buf=buf_plus_memory, count=7
 *   desc: A threaded cgroup's subtree_control refuses domain controllers;
 *     drivers without the requested operation.
 *
 * error: ENODEV, the device or pseudo file behind fd was removed
 *   trigger: fd=cgroup_removed, count=1
 *   desc: sysfs and cgroup files once their node is removed, drivers of
 *     unplugged devices.
 *
 * error: EIO, an I/O error
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: The device or file system reported an I/O error, for example
 *     when writeback failed earlier on a synchronous write, or a FUSE inode
 *     marked bad.
 *
 * error: EDQUOT, the disk quota is exhausted
 *   trigger: fd=fuse_file_io_fails, count=1
 *   objects: reg, blk, fuse, nfs, overlay, other
 *   desc: The block quota of the file's owner is used up; network file
 *     systems' servers report their own quotas the same way.
 *
 * error: EAGAIN, the write would block and the file is non-blocking
 *   trigger: fd=fuse_file_io_fails, count=1
 *   objects: chr, fuse, nfs, overlay, other
 *   desc: Devices that accept positioned writes but queue the data, and
 *     network file systems' servers. Regular files on local file systems do
 *     not block this way.
 *
 * error: EINTR, a signal interrupted a wait before any data was written
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: A device or a FUSE or NFS request waiting interruptibly, ended by
 *     a signal before anything was written; a FUSE server may also answer
 *     an interrupted request with EINTR.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted
 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: Kernel-internal code that a probe on the return value sees.
 *
 * error: EACCES, a security module or the server refused the write
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: The file_permission hook of an LSM checks every write again;
 *     network file systems' servers check permissions themselves.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: fd=fuse_file_conn_gone, count=1
 *   objects: fuse, nfs, overlay, other
 *   desc: Files of a FUSE mount whose server has exited or was aborted.
 *
 * error: ETIMEDOUT, a request timed out
 *   trigger: fd=fuse_file_io_fails, count=1
 *   desc: An NFS soft mount, a FUSE server, or a device request.
 *
 * error: ESTALE, a network file system's file handle went stale
 *   trigger: fd=fuse_file_io_fails, count=1
 *   objects: nfs, fuse, overlay, other
 *   desc: The file was removed or replaced on the server.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: Page cache pages, kernfs and /proc/sys buffers, network requests.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: Protects the descriptor table during the lookup when it is shared.
 *     pwrite64 does not take file->f_pos_lock.
 *
 * lock: sb->s_writers
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: Freeze protection, taken for regular files around the write
 *     method (file_start_write()); while the file system is frozen the
 *     write waits, uninterruptibly.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Regular files on most file systems take the inode lock
 *     exclusively around the write (shared for some direct I/O).
 *
 * signal: SIGXFSZ
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_COREDUMP
 *   condition: pos of a regular file write is at or beyond RLIMIT_FSIZE
 *   desc: Sent to the calling thread together with the EFBIG failure; a
 *     write that only crosses the limit is shortened and sends nothing.
 *   errno: EFBIG
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The write method sleeps interruptibly
 *   desc: With nothing written the call fails with ERESTARTSYS or EINTR;
 *     with some data written it returns the partial count. No SIGPIPE can
 *     come from pwrite64: the files that raise it fail with ESPIPE first.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: file data and size
 *   condition: The write returned a count > 0
 *   desc: The bytes at pos (or at the end, with O_APPEND) are replaced; the
 *     size grows when the write ends beyond it, leaving a hole when pos was
 *     beyond the old end. O_SYNC and O_DSYNC flush before the return.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: inode times and set-ID bits
 *   condition: A regular file was written
 *   desc: mtime and ctime are updated; S_ISUID and usually S_ISGID are
 *     cleared unless the caller has CAP_FSETID.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: task I/O accounting
 *   condition: The write method was called
 *   desc: syscw grows by one and wchar by the bytes written.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: fsnotify modify event
 *   condition: The write returned a count > 0
 *   desc: An FS_MODIFY event (IN_MODIFY, FAN_MODIFY) is generated.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_SIGNAL_SEND
 *   target: the calling thread
 *   condition: EFBIG because of RLIMIT_FSIZE
 *   desc: SIGXFSZ, as described under the signals.
 *   reversible: no
 *
 * state-trans: file position
 *   from: any
 *   to: unchanged
 *   condition: Always
 *   desc: The position of the open file description is neither read nor
 *     written, with O_APPEND too.
 *
 * state-trans: file size
 *   from: size
 *   to: max(size, pos + ret)
 *   condition: A regular file without O_APPEND was written
 *   desc: With O_APPEND the data goes to the end: size + ret.
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
 *   desc: A successful call never reports more bytes than were asked for,
 *     nor more than MAX_RW_COUNT.
 *   expr: ret <= min(count, MAX_RW_COUNT)
 *
 * constraint: Positioned writes allowed
 *   desc: After the lookup the file must have FMODE_PWRITE (ESPIPE), then
 *     FMODE_WRITE (EBADF) and FMODE_CAN_WRITE (EINVAL).
 *   expr: (file->f_mode & FMODE_PWRITE) && (file->f_mode & FMODE_WRITE) &&
 *     (file->f_mode & FMODE_CAN_WRITE)
 *
 * constraint: Position range
 *   desc: pos is not negative and pos + count does not overflow loff_t
 *     (EINVAL); for regular files pos is below RLIMIT_FSIZE and the maximum
 *     file size (EFBIG).
 *   expr: pos >= 0 && pos + count >= 0
 *
 * examples: n = pwrite64(fd, buf, len, off);   // write at off, position unchanged
 *   n = pwrite(fd, rec, sizeof(*rec), i * sizeof(*rec));   // update record i
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers:
 *   ksys_pwrite64() is the same on both; vfs_write() and the write methods
 *   differ as described for write() (the fanotify permission event, the
 *   unsigned offsets flag). On both kernels O_APPEND makes pwrite64 append,
 *   a long-standing Linux deviation from POSIX that the man page documents.
 *
 *   What kapi checks before the call: pos (EINVAL), then that fd is open and
 *   not O_PATH (EBADF); the buffer rule is reported in audit mode only.
 *   Qualified errors list fuse, overlay and other as in fs.c. write()'s
 *   errors of pipes and sockets (EPIPE, ECONNRESET, EDESTADDRREQ, ...) cannot
 *   come from pwrite64.
 */
asmlinkage long sys_pwrite64(unsigned int fd, const char __user *buf,
			     size_t count, loff_t pos);

// SPDX-License-Identifier: GPL-2.0
/*
 * The specification of the system call creat, as the Debian 6.1 and 6.12
 * kernels implement it (x86-64, native entry point; fs/open.c). Like
 * module/specs/fs.c, the kerneldoc block is a spec in kapi's annotation
 * language, followed by the declaration exactly as include/linux/syscalls.h
 * has it; kapi-gen checks it against the target kernel's prototype, and the
 * symbolic constants are left for the compiler to evaluate against the
 * target kernel's headers. The file is an input to the generator and is not
 * compiled on its own. creat() is open() with fixed flags; the open spec
 * (fs.c) describes the machinery the two share, this one what the fixed
 * flags make of it.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/limits.h>
#include <linux/stat.h>
#include <linux/syscalls.h>

/**
 * sys_creat - create a file, or truncate an existing one, and open it for writing
 * @pathname: path name of the file, in user memory
 * @mode: permission bits for a file that the call creates
 *
 * long-desc: Does what open(pathname, O_CREAT | O_WRONLY | O_TRUNC, mode)
 *   does (the native x86-64 entry adds O_LARGEFILE, as open() does): if the
 *   last component of pathname does not exist, a regular file is created
 *   there with mode minus the umask (or as the parent directory's default
 *   ACL says), owned by the caller's file system user ID; if it exists, it
 *   is opened for writing and, if it is a regular file, truncated to length
 *   0. A symbolic link in the last component is followed, also to create its
 *   target. A relative pathname is resolved from the working directory. The
 *   new descriptor is the lowest number not open in the caller's table, with
 *   its close-on-exec flag clear, open for writing only (reading it fails
 *   with EBADF).
 *
 *   The work is done in this order, and the first failure decides the
 *   result: pathname is copied in (EFAULT, ENAMETOOLONG, ENOENT for an empty
 *   name); a descriptor number is reserved (EMFILE); a struct file is
 *   allocated (ENFILE); the path is walked and the last component looked up
 *   or created (the parent directory's write and search permission, the
 *   file system's space and quota, read-only mounts); then the file is
 *   opened for writing (write permission, append-only and immutable files,
 *   running executables, read-only file systems, directories) and its open
 *   method runs (devices, FIFOs, sockets, FUSE and network file systems);
 *   last, a regular file is truncated. A file that was created stays
 *   created when a later step fails.
 *
 *   Because the flags are fixed, the errors that need other flags cannot
 *   occur: no EINVAL for flag combinations, no EEXIST (there is no O_EXCL),
 *   no EAGAIN for leases (there is no O_NONBLOCK: the call breaks a
 *   conflicting lease and waits), no EOVERFLOW for large files. A FIFO opened
 *   this way waits for a reader.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: pathname
 *   type: KAPI_TYPE_PATH
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PATH
 *   errno: EFAULT
 *   order: 1
 *   cdesc: A NUL-terminated string in user memory, checked first: if it
 *     cannot be read up to its NUL the result is EFAULT. The string including
 *     its NUL must fit in PATH_MAX bytes, otherwise ENAMETOOLONG; an empty
 *     string gives ENOENT. Every component must be within the file system's
 *     name length limit (NAME_MAX on most), else ENAMETOOLONG.
 *
 * param: mode
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: A umode_t, so only the low 16 bits of the argument count. No value
 *     is an error: bits outside S_IALLUGO are dropped, and the value is used
 *     only if the file is created (an existing file keeps its mode). A mode
 *     without S_IWUSR still gives a descriptor open for writing, since the
 *     permission check of a file the call created is skipped.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_FD
 *   success: >= 0
 *   desc: The new descriptor, open for writing only, close-on-exec clear. On
 *     failure a negative error code; no descriptor is left allocated, but a
 *     file the call created before a later step failed stays created.
 *
 * error: EACCES, permission denied on a directory of the path, on the file, or to create
 *   trigger: pathname=path_private, setup=nobody
 *   desc: Search permission is missing on a directory of the path; the
 *     parent directory does not grant write and search permission for a
 *     name that must be created; an existing file does not grant write
 *     permission; a device file lies on a file system mounted nodev; the
 *     protected_fifos or protected_regular sysctl refuses someone else's
 *     FIFO or regular file in a sticky world-writable directory; or a
 *     security module refused.
 *
 * error: EBUSY, a device that admits one user, or one exclusive user, is in use
 *   trigger: pathname=path_pty_exclusive, setup=nobody
 *   desc: The open method of a device refuses a second opener: a terminal
 *     in exclusive mode (TIOCEXCL) for a caller without CAP_SYS_ADMIN, and
 *     drivers that admit one open at a time.
 *
 * error: EDQUOT, creating the file would exceed the disk quota
 *   trigger: pathname=path_fuse_create_fails, mode=0600, check=not_created
 *   desc: A new inode or directory block would exceed the caller's block or
 *     inode quota. Nothing is created.
 *
 * error: EFAULT, pathname cannot be read
 *   trigger: pathname=kernel_ptr
 *   desc: The string is not, up to its NUL, in readable user memory. Nothing
 *     else has been looked at.
 *
 * error: EINTR, a signal interrupted a wait
 *   trigger: pathname=path_fifo, setup=alarm
 *   desc: Opening a FIFO for writing waits for a reader; breaking a lease
 *     waits for its holder; device, FUSE and network file system open
 *     methods can wait. A handler without SA_RESTART makes the wait end
 *     with EINTR.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted
 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: What the waits above return to the system call; a probe on the
 *     system call's return sees it, a program never does.
 *
 * error: EISDIR, pathname names a directory
 *   trigger: pathname=path_dir
 *   desc: O_CREAT on an existing directory, or write access to one.
 *
 * error: ELOOP, too many symbolic links while resolving pathname
 *   trigger: pathname=path_loop
 *   desc: More than MAXSYMLINKS (40) symbolic links were followed, a
 *     symbolic link loops, or a link in the last component is refused by
 *     the protected_symlinks sysctl.
 *
 * error: EMFILE, the caller's descriptor table is full
 *   trigger: setup=fd_table_full
 *   desc: No number below the soft RLIMIT_NOFILE is free. Nothing is
 *     created: the number is reserved before the path is walked.
 *
 * error: ENAMETOOLONG, pathname or one of its components is too long
 *   trigger: pathname=path_too_long
 *   desc: The string with its NUL does not fit in PATH_MAX bytes, or a
 *     component exceeds the file system's name length limit.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: setup=file_max_reached, setup=nobody
 *   desc: fs.file-max files are open and the caller lacks CAP_SYS_ADMIN.
 *     Nothing is created: the file is allocated before the path is walked.
 *
 * error: ENODEV, a device file without a device
 *   trigger: pathname=path_misc_unregistered
 *   desc: The device's open method reports that no device or driver is
 *     there (a misc or character device number without a driver).
 *
 * error: ENOENT, a directory of the path is missing, or pathname is empty
 *   trigger: pathname=path_empty
 *   desc: A directory component does not exist or is a dangling symbolic
 *     link, or pathname is the empty string. A missing last component is
 *     not an error: it is created, also through a symbolic link in the last
 *     component whose target does not exist yet.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the test kernels have no
 *     fault injection (CONFIG_FAULT_INJECTION is off)
 *   desc: For the file name, the struct file, a larger descriptor table,
 *     the new inode or a file system's own structures.
 *
 * error: ENOSPC, no room for the new file
 *   trigger: pathname=path_fullfs, check=not_created
 *   desc: The file system has no free inode or no room for the directory
 *     entry. Nothing is created.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   trigger: pathname=path_enotdir
 *   desc: A directory component of the path is a regular file or another
 *     non-directory.
 *
 * error: ENXIO, the file is a socket or a device without its unit
 *   trigger: pathname=path_socket
 *   desc: A UNIX domain socket's file cannot be opened; a device number
 *     whose driver has no such unit.
 *
 * error: EPERM, the file is append-only or immutable
 *   trigger: pathname=path_append_only
 *   desc: Write access without O_APPEND to an append-only file, or write
 *     access to an immutable one (chattr +a, +i); also a security module's
 *     refusal, and a memfd sealed against writing opened through
 *     /proc/PID/fd.
 *
 * error: EROFS, the file system is read-only
 *   trigger: pathname=path_rofs_file
 *   desc: The mount or the file system is read-only: neither creating nor
 *     opening for writing is possible.
 *
 * error: ETXTBSY, the file is a running executable
 *   trigger: pathname=path_running_exe
 *   desc: The file is the executable of a running program or an active swap
 *     file, which deny write access.
 *
 * error: ESTALE, a network file system handle went stale
 *   trigger: pathname=path_fuse_open_fails
 *   desc: NFS or FUSE: the file or a directory of the path was replaced on
 *     the server and the lookup still finds a stale handle after one retry.
 *
 * error: ETIMEDOUT, a network file system did not answer
 *   trigger: pathname=path_fuse_open_fails
 *   desc: An NFS soft mount with softerr, or a FUSE server's answer.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: pathname=path_fuse_conn_gone
 *   desc: The lookup, creation or open reaches a FUSE mount whose server
 *     has exited or whose connection was aborted.
 *
 * error: ECONNREFUSED, the FUSE connection never came up
 *   trigger: pathname=path_fuse_init_fails
 *   desc: The FUSE server refused the connection's initialisation, so every
 *     request is refused.
 *
 * error: EIO, an I/O error while looking up, creating or opening the file
 *   trigger: pathname=path_fuse_open_fails
 *   desc: The file system could not read a directory or an inode, or a
 *     device's or FUSE server's open failed with an I/O error.
 *
 * error: EUCLEAN, the file system's metadata is corrupted
 *   trigger: pathname=path_fuse_open_fails
 *   desc: ext4, XFS and Btrfs report EFSCORRUPTED (EUCLEAN) for metadata
 *     they find inconsistent while looking up or creating.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while a descriptor number is reserved, and while it is
 *     released again after a failure.
 *
 * lock: parent directory inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: Taken exclusively around the lookup and the creation of the last
 *     component (open_last_lookups()), shared on 6.12 when the name is in
 *     the dentry cache and exists.
 *
 * lock: inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: The file's own lock, taken exclusively to truncate it.
 *
 * lock: sb_writers
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: The file system's freeze protection (mnt_want_write()), taken to
 *     create and to truncate: the call waits while the file system is
 *     frozen.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The open waits interruptibly (a FIFO without a reader, a lease
 *     break, a device or FUSE open)
 *   desc: The wait ends; the call fails with EINTR, or is restarted when the
 *     handler has SA_RESTART.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_RESOURCE_CREATE | KAPI_EFFECT_FILESYSTEM
 *   target: the file named by pathname
 *   condition: The last component did not exist
 *   desc: A regular file is created with mode minus the umask, owned by the
 *     caller's file system IDs (its group is the directory's in a
 *     set-group-ID directory). It stays even if a later step fails.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM | KAPI_EFFECT_IRREVERSIBLE
 *   target: the contents of an existing regular file
 *   condition: The file existed and is a regular file
 *   desc: Truncated to length 0, its data discarded; set-user-ID and
 *     set-group-ID bits are cleared unless the caller has CAP_FSETID. FIFOs,
 *     terminals and device files are not truncated.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_RESOURCE_CREATE | KAPI_EFFECT_ALLOC_MEMORY
 *   target: descriptor table entry and open file description
 *   condition: The call succeeds
 *   desc: A new open file description, open for writing, at the lowest free
 *     number; a lease held by another open file description is broken first.
 *   reversible: yes
 *
 * state-trans: file named by pathname
 *   from: absent, or existing with any length
 *   to: existing, length 0 if regular
 *   condition: The call succeeds
 *   desc: As after open() with O_CREAT | O_WRONLY | O_TRUNC.
 *
 * state-trans: descriptor number
 *   from: free
 *   to: open for writing
 *   condition: The call succeeds
 *   desc: The lowest free number.
 *
 * examples: int fd = creat("out.txt", 0644);   // new or emptied, write only
 *   if (fd < 0) err(1, "creat");
 *
 * notes: The system call is the same on 6.1 and 6.12 (do_sys_open() with
 *   O_CREAT | O_WRONLY | O_TRUNC | O_LARGEFILE); the differences between the
 *   kernels are those of open() (fs.c): on 6.12 an existing name found in the
 *   dentry cache is opened without the parent directory's lock and without
 *   the freeze protection, which 6.1 always takes for O_CREAT. The C library
 *   implements creat() with openat() on most architectures; a test of this
 *   spec must call syscall(SYS_creat, ...).
 */
asmlinkage long sys_creat(const char __user *pathname, umode_t mode);

// SPDX-License-Identifier: GPL-2.0
/*
 * The specification of the system call openat2, as the Debian 6.1 and 6.12
 * kernels implement it (x86-64, native entry point; fs/open.c, fs/namei.c,
 * include/linux/uaccess.h). Like module/specs/fs.c, the kerneldoc block is a
 * spec in kapi's annotation language, followed by the declaration exactly as
 * include/linux/syscalls.h has it; kapi-gen checks it against the target
 * kernel's prototype, and the symbolic constants are left for the compiler
 * to evaluate against the target kernel's headers, which is why the headers
 * they come from are included here. The file is an input to the generator
 * and is not compiled on its own. openat2() is openat() with its flags and
 * mode in a versioned structure and path resolution restrictions beside
 * them; the openat spec (fs.c) describes the open machinery the two share,
 * this one the structure, its strict checks and the RESOLVE_* restrictions.
 */
#include <asm/page.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/limits.h>
#include <linux/syscalls.h>

/**
 * sys_openat2 - open or create a file, with its flags, mode and resolution restrictions in a struct
 * @dfd: directory a relative filename starts from, or AT_FDCWD
 * @filename: path name of the file, in user memory
 * @how: struct open_how in user memory: flags, mode and resolve
 * @size: size of the caller's struct open_how in bytes
 *
 * long-desc: Opens (and with O_CREAT or O_TMPFILE creates) the file that
 *   filename names, as openat(dfd, filename, how->flags, how->mode) does,
 *   with three differences: the flags and the mode come in a struct open_how
 *   whose size the caller passes, so that later kernels can extend it;
 *   every unknown or contradictory bit is refused with EINVAL instead of
 *   being dropped; and how->resolve restricts how the path may be resolved
 *   (no mount crossings, no symbolic or magic links, no escape from dfd,
 *   dfd as the root, or the dentry cache only). On success the new open
 *   file description is installed at the lowest free descriptor number,
 *   which is returned.
 *
 *   The work is done in this order, and the first failure decides the
 *   result. A size below OPEN_HOW_SIZE_VER0 (24) is EINVAL, one above
 *   PAGE_SIZE E2BIG. The structure is copied in by copy_struct_from_user(): when size
 *   is larger than the kernel's struct open_how (24 bytes on both kernels),
 *   the bytes beyond it are read first and must all be zero (E2BIG
 *   otherwise), and a fault anywhere in the size bytes is EFAULT. The
 *   native x86-64 entry then adds O_LARGEFILE to flags unless O_PATH is set.
 *   build_open_flags() checks the fields (EINVAL, and EAGAIN for
 *   RESOLVE_CACHED with O_CREAT, O_TRUNC or O_TMPFILE, see the how
 *   parameter); filename is copied in (EFAULT, ENAMETOOLONG, ENOENT for an
 *   empty name); a descriptor number is reserved (EMFILE); a struct file is
 *   allocated (ENFILE); the path is walked from dfd (EBADF, ENOTDIR), under
 *   the RESOLVE_* restrictions (EXDEV, ELOOP, EAGAIN), and the file looked
 *   up or created, its permissions checked and its open method run (all
 *   other errors, as for openat()). The reserved number is released again
 *   when a later step fails.
 *
 *   Because flags and mode are checked strictly, a call that works with
 *   openat() may fail here: unknown flag bits (including any of the upper 32
 *   bits of the 64-bit field), a non-zero mode without O_CREAT or
 *   O_TMPFILE, mode bits outside S_IALLUGO, and O_PATH with any flag other
 *   than O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC are all EINVAL, where openat()
 *   drops them.
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
 *   order: 4, audit
 *   cdesc: As for openat(): used only when filename is relative, and with
 *     RESOLVE_IN_ROOT also when it is absolute (it is then resolved from
 *     dfd); RESOLVE_BENEATH and RESOLVE_IN_ROOT make dfd the root of the
 *     walk. It must then be AT_FDCWD (the working directory) or a
 *     descriptor open in the caller's table that refers to a directory; an
 *     O_PATH descriptor is fine, and the directory needs search permission.
 *     A number that is not open, or a negative value other than AT_FDCWD,
 *     gives EBADF; a descriptor of something other than a directory gives
 *     ENOTDIR. These errors come from the path walk, after the structure,
 *     its flags (the runtime checks see only their masks), filename and the
 *     descriptor reservation (EMFILE): the rule is audit only, and its
 *     exemption of absolute paths does not know RESOLVE_IN_ROOT, so an
 *     absolute filename with RESOLVE_IN_ROOT and a bad dfd fails with EBADF
 *     without a report.
 *
 * param: filename
 *   type: KAPI_TYPE_PATH
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PATH
 *   errno: EFAULT
 *   order: 3, audit
 *   cdesc: A NUL-terminated string in user memory: EFAULT if it cannot be
 *     read up to its NUL, ENAMETOOLONG if it does not fit in PATH_MAX bytes
 *     with its NUL, ENOENT if it is empty. Components must be within the
 *     file system's name length limit (NAME_MAX on most), else ENAMETOOLONG.
 *     The string is copied only after the structure has been copied in and
 *     its fields checked, of which the runtime checks see only the field
 *     masks (how's rule, ranked before this one): a structure that breaks a
 *     rule they do not check (RESOLVE_BENEATH with RESOLVE_IN_ROOT, a mode
 *     without O_CREAT, RESOLVE_CACHED with O_CREAT) fails even when
 *     filename is a bad pointer, so the rule is audit only.
 *
 * param: how
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_BUFFER
 *   size-param: size
 *   errno: EFAULT
 *   order: 2
 *   struct: open_how
 *   cdesc: A struct open_how (include/uapi/linux/openat2.h) of size bytes,
 *     read once by copy_struct_from_user() before anything but size is
 *     looked at: the size bytes from how must be readable (EFAULT); the
 *     bytes beyond the kernel's 24-byte struct must be zero (E2BIG, checked
 *     before the first 24 bytes are copied). Its fields are 64-bit:
 *
 *     - flags (u64): O_* flags as for openat(), refused rather than dropped.
 *       After O_CLOEXEC and FMODE_NONOTIFY (an internal bit, 0x4000000 on
 *       6.1 and 0x2000000 on 6.12) are masked out, any bit outside
 *       VALID_OPEN_FLAGS is EINVAL, the upper 32 bits included. O_CREAT with
 *       O_DIRECTORY is EINVAL; __O_TMPFILE needs O_DIRECTORY and an access
 *       mode that writes (EINVAL); O_PATH admits only O_DIRECTORY,
 *       O_NOFOLLOW and O_CLOEXEC beside it (EINVAL, O_LARGEFILE included,
 *       which the entry adds itself only without O_PATH).
 *     - mode (u64): with O_CREAT or __O_TMPFILE, bits outside S_IALLUGO are
 *       EINVAL; without them mode must be 0 (EINVAL). The file is created
 *       with mode minus the umask, or as the default ACL says.
 *     - resolve (u64): RESOLVE_* bits; any bit outside VALID_RESOLVE_FLAGS
 *       is EINVAL, and RESOLVE_BENEATH with RESOLVE_IN_ROOT is EINVAL.
 *       RESOLVE_NO_XDEV: no mount point or bind mount may be crossed,
 *       including by symbolic links, magic links and ".." (EXDEV); an
 *       absolute filename starts at the root without counting as a
 *       crossing. RESOLVE_NO_MAGICLINKS: procfs
 *       magic links (/proc/PID/fd/N, /proc/PID/exe, ...) are refused with
 *       ELOOP, also in the last component unless O_PATH | O_NOFOLLOW opens
 *       the link itself. RESOLVE_NO_SYMLINKS: every symbolic link on the
 *       way is refused with ELOOP (magic links too); a last component that
 *       is one is still opened as the link with O_PATH | O_NOFOLLOW.
 *       RESOLVE_BENEATH: the walk must stay below dfd (the working
 *       directory for AT_FDCWD): an absolute filename, an absolute symbolic
 *       link, a ".." above dfd and any magic link fail with EXDEV.
 *       RESOLVE_IN_ROOT: dfd acts as the root: "/" and ".." above it stay at
 *       dfd, absolute paths and links are resolved from it, magic links
 *       fail with EXDEV. A "..", while any rename or mount happened in the
 *       system during a scoped walk, is EAGAIN (the walk could not be proved
 *       to stay inside; retrying is safe). RESOLVE_CACHED: the walk must
 *       complete in RCU mode from the dentry cache; otherwise EAGAIN, and
 *       always EAGAIN with O_CREAT, O_TRUNC or __O_TMPFILE (checked with the
 *       flags, before filename is read).
 *
 *     The runtime checks read the structure as copy_struct_from_user()
 *     does, before the call (struct: open_how in structs.c): size bytes
 *     outside user space or unreadable predict EFAULT, a non-zero byte
 *     past the kernel's struct E2BIG, a flags bit outside VALID_OPEN_FLAGS
 *     (FMODE_NONOTIFY and O_CLOEXEC aside), a mode bit outside S_IALLUGO
 *     or a resolve bit outside VALID_RESOLVE_FLAGS EINVAL. The other
 *     EINVAL rules above span two fields and stay in words. These are the
 *     kernel's first checks after size's, on both kernels, so the rule is
 *     ranked right after it.
 *
 * param: size
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: OPEN_HOW_SIZE_VER0, PAGE_SIZE
 *   errno: EINVAL
 *   order: 1, audit
 *   cdesc: The size of the caller's struct open_how: at least
 *     OPEN_HOW_SIZE_VER0 (24, the first published version; EINVAL below it)
 *     and at most PAGE_SIZE (E2BIG above it). These are the kernel's first
 *     two checks, before how is read. A larger size than the kernel's own
 *     struct is accepted when the extra bytes are zero, which is how a
 *     program built against a newer struct runs on an older kernel. The
 *     rule's error is EINVAL; a size above PAGE_SIZE breaks the same rule but
 *     fails with E2BIG, an error a range rule cannot predict, so the rule is
 *     audit only: audit reports both sides, and enforce mode leaves both to
 *     the kernel.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_FD
 *   success: >= 0
 *   desc: The new descriptor, the lowest number that was free in the
 *     caller's table, with its close-on-exec flag set if how->flags has
 *     O_CLOEXEC. On failure a negative error code; no descriptor is left
 *     allocated, although a file created by O_CREAT before a later step
 *     failed stays created.
 *
 * error: E2BIG, size is above PAGE_SIZE, or how has non-zero bytes the kernel does not know
 *   trigger: how=how_trailing_nonzero, size=32
 *   desc: size is larger than PAGE_SIZE; or it is larger than the
 *     kernel's struct open_how (24 bytes) and one of the bytes beyond it is
 *     not zero: the caller asks for an extension this kernel does not have.
 *
 * error: EACCES, permission denied on the file, on a directory of the path, or to create
 *   trigger: filename=path_private, setup=nobody
 *   desc: As for openat(): search permission missing on a directory of the
 *     path, the access the open needs not granted by the file, no write and
 *     search permission on the parent to create, a device on a nodev mount,
 *     the protected_fifos or protected_regular sysctl, a security module, or
 *     a /proc/PID file of a process the caller may not ptrace.
 *
 * error: EAGAIN, RESOLVE_CACHED could not be honoured, a scoped ".." raced, or a lease conflict
 *   trigger: filename=path_missing, how=how_resolve_cached
 *   desc: RESOLVE_CACHED with O_CREAT, O_TRUNC or __O_TMPFILE (before
 *     anything is looked up); RESOLVE_CACHED and the walk needs to leave RCU
 *     mode: a name not in the dentry cache (a missing name whose negative
 *     dentry is not cached either), a file system that revalidates or a
 *     symbolic link that cannot be followed in RCU mode; a ".." during a
 *     RESOLVE_BENEATH or RESOLVE_IN_ROOT walk while a rename or mount
 *     changed the tree; or, as for openat(), O_NONBLOCK and an open that
 *     conflicts with another file's lease.
 *
 * error: EBUSY, O_EXCL on a block device in use, or a device with one user
 *   trigger: filename=path_pty_exclusive, how=how_rdwr_noctty, setup=nobody
 *   desc: As for openat(): an exclusive open of a block device in use, or
 *     a device that admits one opener (a terminal in TIOCEXCL mode for
 *     callers without CAP_SYS_ADMIN).
 *
 * error: EDQUOT, creating the file would exceed the disk quota
 *   trigger: filename=path_fuse_create_fails, how=how_creat, check=not_created
 *   desc: O_CREAT or O_TMPFILE needs an inode or a directory block beyond
 *     the caller's quota.
 *
 * error: EEXIST, O_CREAT and O_EXCL were given and the name exists
 *   trigger: filename=path_file, how=how_creat_excl
 *   desc: The last component exists, as any kind of file, including a
 *     symbolic link whether or not it points anywhere.
 *
 * error: EFAULT, how or filename cannot be read
 *   trigger: how=unmapped_ptr
 *   desc: The size bytes at how are not all readable user memory (checked
 *     before filename is looked at), or filename is not, up to its NUL, in
 *     readable user memory.
 *
 * error: EINTR, a signal interrupted a wait
 *   trigger: filename=path_fifo, setup=alarm
 *   desc: Opening a FIFO without O_NONBLOCK waits for the other end;
 *     breaking a lease waits for its holder; device, FUSE and network file
 *     system open methods can wait too.
 *
 * error: ERESTARTSYS, a signal interrupted a wait; the call may be restarted
 *   trigger: none -- kernel-internal code, turned into EINTR or a restart
 *     before the call returns to user space
 *   desc: What the interruptible waits return to the system call; a probe on
 *     the system call's return sees it, a program never does.
 *
 * error: EINVAL, size too small, or an unknown, contradictory or misplaced bit in how
 *   trigger: how=how_flags_unknown
 *   desc: size is below OPEN_HOW_SIZE_VER0; a flags bit outside
 *     VALID_OPEN_FLAGS (upper 32 bits included); a resolve bit outside
 *     VALID_RESOLVE_FLAGS; RESOLVE_BENEATH with RESOLVE_IN_ROOT; a non-zero
 *     mode without O_CREAT or O_TMPFILE, or mode bits outside S_IALLUGO
 *     with them; O_CREAT with O_DIRECTORY; __O_TMPFILE without O_DIRECTORY
 *     or with O_RDONLY; O_PATH with a flag other than O_DIRECTORY,
 *     O_NOFOLLOW and O_CLOEXEC. All of these are checked before filename is
 *     read. Later, as for openat(): O_DIRECT where the file cannot do direct
 *     I/O (tmpfs on 6.1), or an open method that refuses the flags.
 *
 * error: EISDIR, write access to a directory, or O_CREAT naming a directory
 *   trigger: filename=path_dir, how=how_wronly
 *   desc: The file is a directory and the access mode writes, or O_TRUNC is
 *     given; or O_CREAT names an existing directory or ends with a slash.
 *
 * error: ELOOP, a symbolic or magic link that resolve forbids, too many links, or O_NOFOLLOW
 *   trigger: filename=path_symlink, how=how_resolve_no_symlinks
 *   desc: RESOLVE_NO_SYMLINKS and the walk meets a symbolic link (a last
 *     component that is one too, unless O_PATH | O_NOFOLLOW);
 *     RESOLVE_NO_MAGICLINKS and it meets a procfs magic link; more than
 *     MAXSYMLINKS (40) links; O_NOFOLLOW without O_PATH and the last
 *     component is a symbolic link; the protected_symlinks sysctl.
 *
 * error: EMFILE, the caller's descriptor table is full
 *   trigger: filename=path_file, setup=fd_table_full
 *   desc: No number below the soft RLIMIT_NOFILE is free, or the table
 *     would have to grow beyond fs.nr_open.
 *
 * error: ENAMETOOLONG, filename or one of its components is too long
 *   trigger: filename=path_name_too_long
 *   desc: The string with its NUL does not fit in PATH_MAX bytes, or a
 *     component is longer than the file system's name limit.
 *
 * error: ENFILE, the system-wide limit on open files is reached
 *   trigger: filename=path_file, setup=file_max_reached, setup=nobody
 *   desc: fs.file-max files are open and the caller lacks CAP_SYS_ADMIN.
 *
 * error: ENODEV, the driver reports that the device does not exist
 *   trigger: filename=path_misc_unregistered
 *   desc: As for openat(): a device file whose driver finds no device, an
 *     inode without file operations, a kernfs node being removed.
 *
 * error: ENOENT, a component is missing, filename is empty, or no O_CREAT
 *   trigger: filename=path_empty
 *   desc: A directory of the path does not exist or is a dangling symbolic
 *     link; the last component does not exist and O_CREAT is not given;
 *     filename is empty; a directory of the walk was deleted; a /proc entry
 *     went away between lookup and open.
 *
 * error: ENOMEM, the kernel could not allocate memory
 *   trigger: none -- needs an allocation to fail; the Debian kernels have no fault
 *     injection (CONFIG_FAULT_INJECTION is off)
 *   desc: For the file name, the struct file, a larger descriptor table,
 *     dentries, inodes or a driver's state.
 *
 * error: ENOSPC, no room for the new file, or no pseudo terminal left
 *   trigger: filename=path_fullfs, how=how_creat, check=not_created
 *   desc: O_CREAT or O_TMPFILE needs an inode or a directory block and the
 *     file system has none left; or kernel.pty.max pseudo terminals exist.
 *
 * error: ENOTDIR, a component used as a directory is not one
 *   trigger: filename=path_enotdir
 *   desc: A directory component is not a directory; O_DIRECTORY or
 *     O_TMPFILE names a non-directory; filename ends with a slash and names
 *     a non-directory; or dfd, where it is used, is not a directory.
 *
 * error: ENXIO, no reader on a FIFO, no device for a device file, or a socket
 *   trigger: filename=path_socket
 *   desc: O_WRONLY | O_NONBLOCK on a FIFO without a reader; a device number
 *     without a driver or unit; a UNIX domain socket file.
 *
 * error: EOPNOTSUPP, O_TMPFILE on a file system that does not support it
 *   trigger: filename=path_proc, how=how_tmpfile
 *   desc: The directory's file system has no tmpfile operation (procfs,
 *     sysfs, NFS, vfat, ...) or declines; overlayfs on 6.1.
 *
 * error: EOVERFLOW, a file too large for the open
 *   trigger: filename=path_fuse_open_fails, how=how_rdwr
 *   desc: The native x86-64 entry adds O_LARGEFILE to flags without O_PATH,
 *     so the generic open does not refuse large files; a file system's open
 *     method (a FUSE server's) may still return it.
 *
 * error: EPERM, O_NOATIME not by the owner, append-only or immutable file, seal
 *   trigger: filename=path_file, how=how_noatime, setup=nobody
 *   desc: As for openat(): O_NOATIME on a file the caller neither owns nor
 *     has CAP_FOWNER for; write access or O_TRUNC on an append-only or
 *     immutable file; O_TRUNC on a sealed memfd; a fanotify permission
 *     listener's denial; a security module; /dev/kmsg restrictions.
 *
 * error: EROFS, write access, creation or truncation on a read-only file system
 *   trigger: filename=path_rofs_file, how=how_wronly
 *   desc: The file system or the mount is read-only and the open would
 *     write to it.
 *
 * error: ETXTBSY, write access to a running executable or truncation of swap
 *   trigger: filename=path_running_exe, how=how_wronly
 *   desc: The file is a running program's executable and the access mode
 *     writes, or O_TRUNC is given for an active swap file.
 *
 * error: ESTALE, a network file system handle went stale
 *   trigger: filename=path_fuse_open_fails, how=how_rdwr
 *   desc: The lookup still finds a stale handle after one retry with every
 *     component revalidated.
 *
 * error: ESRCH, the process a /proc file describes has exited
 *   trigger: filename=path_proc_environ_reaped
 *   desc: /proc/PID files that look up their task when opened (mem,
 *     environ, auxv, ...) fail once it has been reaped.
 *
 * error: ENOMEDIUM, a removable-media device has no medium
 *   trigger: none -- needs a removable-media drive without a medium
 *   desc: Opening the block device of an empty removable-media drive.
 *
 * error: ENOKEY, the encryption key of the file or directory is not available
 *   trigger: filename=path_fuse_open_fails, how=how_rdwr
 *   desc: fscrypt: an encrypted file opened, or a file created in an
 *     encrypted directory, without its key.
 *
 * error: ENOTCONN, the FUSE connection is gone
 *   trigger: filename=path_fuse_conn_gone
 *   desc: The lookup or open reaches a FUSE mount whose server has exited
 *     or whose connection was aborted.
 *
 * error: ECONNREFUSED, the FUSE connection never came up
 *   trigger: filename=path_fuse_init_fails
 *   desc: The FUSE server's initialisation failed, so every request on the
 *     mount is refused.
 *
 * error: ETIMEDOUT, a network file system did not answer
 *   trigger: filename=path_fuse_open_fails, how=how_rdwr
 *   desc: An NFS soft mount with softerr, or a FUSE server's answer.
 *
 * error: EUCLEAN, the file system's metadata is corrupted
 *   trigger: filename=path_fuse_open_fails, how=how_rdwr
 *   desc: ext4, XFS and Btrfs report EFSCORRUPTED (EUCLEAN) for
 *     inconsistent metadata met during the lookup or open.
 *
 * error: EBADMSG, a metadata checksum does not match
 *   trigger: filename=path_fuse_open_fails, how=how_rdwr
 *   desc: ext4 and XFS report EFSBADCRC (EBADMSG) for a metadata block with
 *     a wrong checksum.
 *
 * error: EIO, an I/O error while looking up, creating or opening the file
 *   trigger: filename=path_fuse_open_fails, how=how_rdwr
 *   desc: The file system could not read a directory or an inode, or a
 *     device's or FUSE server's open failed with an I/O error.
 *
 * error: EBADF, dfd is used and is neither AT_FDCWD nor open
 *   trigger: dfd=closed, filename=path_relative
 *   desc: filename is relative (or absolute with RESOLVE_IN_ROOT) and dfd
 *     is a number not open in the caller's table, or a negative value other
 *     than AT_FDCWD.
 *
 * error: EXDEV, the walk would leave dfd or cross a mount that resolve forbids
 *   trigger: filename=path_file, how=how_resolve_beneath
 *   desc: RESOLVE_BENEATH and the path is absolute, an absolute symbolic
 *     link is met, ".." would go above dfd, or a magic link is met;
 *     RESOLVE_IN_ROOT and a magic link is met; RESOLVE_NO_XDEV and the walk
 *     (a component, "..", a symbolic or magic link) crosses a mount point;
 *     or a scoped walk
 *     ends outside dfd after a concurrent rename (a last sanity check).
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while a descriptor number is reserved, and while it is
 *     released again after a failure.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: The path walk runs in RCU mode first; with RESOLVE_CACHED it must
 *     finish that way (EAGAIN otherwise), without it the walk is redone
 *     with references, and once more revalidating every component after a
 *     stale handle.
 *
 * lock: mount_lock and rename_lock
 *   type: KAPI_LOCK_SEQLOCK
 *   acquired: true
 *   released: true
 *   desc: Their sequence counts are sampled when the walk starts; a scoped
 *     walk (RESOLVE_BENEATH, RESOLVE_IN_ROOT) that meets ".." rechecks them
 *     and fails with EAGAIN if a mount or rename happened meanwhile.
 *
 * lock: parent directory inode->i_rwsem
 *   type: KAPI_LOCK_RWLOCK
 *   acquired: true
 *   released: true
 *   desc: As for openat(): taken around the lookup or creation of the last
 *     component when it is not answered from the dentry cache, exclusively
 *     for O_CREAT (on 6.1 for every O_CREAT open, on 6.12 only when the name
 *     is not found in the cache or O_EXCL is given).
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
 *   desc: Freeze protection for O_TMPFILE, O_TRUNC and the slow lookup of an
 *     open that may write, as for openat(); the open waits while the file
 *     system is frozen.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: The open waits for a FIFO partner, a lease holder or a device
 *   desc: The wait ends and the call fails with ERESTARTSYS (restarted or
 *     turned into EINTR on the way back) or EINTR; the reserved descriptor
 *     is released, a file already created stays.
 *   errno: EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *
 * side-effect: KAPI_EFFECT_RESOURCE_CREATE | KAPI_EFFECT_ALLOC_MEMORY
 *   target: file descriptor and struct file
 *   condition: The open succeeded
 *   desc: A struct file is allocated, counted against fs.file-max, and
 *     installed at a new descriptor, close-on-exec if how->flags has
 *     O_CLOEXEC.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM
 *   target: new file and its parent directory
 *   condition: O_CREAT is given and the last component does not exist
 *   desc: A new empty regular file with how->mode minus the umask; it stays
 *     when a later step of the open fails.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_FILESYSTEM | KAPI_EFFECT_IRREVERSIBLE
 *   target: file contents
 *   condition: O_TRUNC on an existing regular file
 *   desc: The file is truncated to length 0.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: audit record of the call
 *   condition: System call auditing is active for the task
 *   desc: The copied struct open_how is recorded in the audit context
 *     (audit_openat2_how()), an OPENAT2 record with flags, mode and resolve.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: fsnotify events
 *   condition: The open succeeded, or created a file
 *   desc: As for openat(): FS_CREATE on the parent for a created file,
 *     FS_OPEN for the opened file, nothing for O_PATH.
 *   reversible: no
 *
 * state-trans: file descriptor
 *   from: free
 *   to: open
 *   condition: The open succeeded
 *   desc: The lowest free number refers to the new open file description.
 *
 * state-trans: file
 *   from: absent
 *   to: existing, empty
 *   condition: O_CREAT is given and the last component did not exist
 *   desc: A regular file of size 0 exists under the name.
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: Opening and searching regardless of permission bits
 *   without: The file and directory permission bits and ACLs are enforced
 *   condition: The permission bits or ACL would deny the access
 *
 * capability: CAP_FOWNER
 *   type: KAPI_CAP_BYPASS_CHECK
 *   allows: O_NOATIME on a file the caller does not own
 *   without: EPERM
 *   condition: O_NOATIME and the caller is not the owner
 *
 * capability: CAP_SYS_ADMIN
 *   type: KAPI_CAP_INCREASE_LIMIT
 *   allows: Opening files beyond fs.file-max
 *   without: ENFILE at the limit
 *   condition: The number of open files has reached fs.file-max
 *
 * constraint: size at most PAGE_SIZE
 *   desc: The upper bound of size's range fails with E2BIG, not with the
 *     rule's EINVAL; both are checked before how is read.
 *   expr: size <= PAGE_SIZE || ret == -E2BIG
 *
 * constraint: Trailing bytes of how
 *   desc: Bytes of how beyond the kernel's struct open_how must be zero
 *     (E2BIG), so that a newer program's request is never half understood.
 *   expr: size <= sizeof(struct open_how) ||
 *     all bytes in ((char *)how)[sizeof(struct open_how) .. size - 1] == 0
 *
 * constraint: Known flags
 *   desc: Every flags bit, after O_CLOEXEC and FMODE_NONOTIFY are masked
 *     out, must be in VALID_OPEN_FLAGS (EINVAL).
 *   expr: !((how->flags & ~(O_CLOEXEC | FMODE_NONOTIFY)) & ~VALID_OPEN_FLAGS)
 *
 * constraint: Known resolve bits and one scope
 *   desc: resolve has only VALID_RESOLVE_FLAGS bits and not both
 *     RESOLVE_BENEATH and RESOLVE_IN_ROOT (EINVAL).
 *   expr: !(how->resolve & ~VALID_RESOLVE_FLAGS) &&
 *     (how->resolve & (RESOLVE_BENEATH | RESOLVE_IN_ROOT)) != (RESOLVE_BENEATH | RESOLVE_IN_ROOT)
 *
 * constraint: Mode only when creating
 *   desc: mode must be 0 unless O_CREAT or __O_TMPFILE is set, and within
 *     S_IALLUGO when one is (EINVAL).
 *   expr: (how->flags & (O_CREAT | __O_TMPFILE)) ? !(how->mode & ~S_IALLUGO) : how->mode == 0
 *
 * constraint: O_PATH alone
 *   desc: With O_PATH only O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC may be set
 *     beside it (EINVAL).
 *   expr: !(how->flags & O_PATH) ||
 *     !(how->flags & ~(O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC))
 *
 * constraint: RESOLVE_CACHED without creation
 *   desc: RESOLVE_CACHED cannot create, truncate or make a temporary file
 *     (EAGAIN, before filename is read).
 *   expr: !(how->resolve & RESOLVE_CACHED) ||
 *     !(how->flags & (O_CREAT | O_TRUNC | __O_TMPFILE))
 *
 * examples: struct open_how how = {
 *       .flags = O_RDONLY | O_CLOEXEC,
 *       .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
 *   };
 *   int fd = syscall(SYS_openat2, rootfd, "etc/passwd", &how, sizeof(how));
 *   if (fd < 0 && errno == EXDEV)
 *       warnx("path escapes rootfd");
 *
 * notes: The system call is the same on 6.1 and 6.12 (SYSCALL_DEFINE4 in
 *   fs/open.c, build_open_flags(), copy_struct_from_user(), and the scoped
 *   lookup code of fs/namei.c agree line for line); struct open_how is 24
 *   bytes (OPEN_HOW_SIZE_VER0 = OPEN_HOW_SIZE_LATEST) on both. Differences:
 *   the internal bit FMODE_NONOTIFY, which build_open_flags() masks out of
 *   flags before refusing unknown bits, is 0x4000000 on 6.1 and 0x2000000
 *   on 6.12, so a program that sets bit 0x2000000 gets EINVAL on 6.1 and is
 *   silently accepted on 6.12, and bit 0x4000000 the other way round. The
 *   FS_OPEN event is raised by do_sys_openat2() on 6.1 and inside the open
 *   path on 6.12, and the openat() differences (O_DIRECT on tmpfs, O_TMPFILE
 *   on overlayfs, the O_CREAT locking) apply here too.
 *
 *   The runtime checks read size's range, filename's string, dfd's
 *   descriptor and the structure (how: readable, a zero tail, the masks of
 *   flags, mode and resolve, as struct: open_how in structs.c says); the
 *   structure's other rules are the constraints above, in words. The
 *   structure is copied by the kernel after the hook has run, so the check
 *   of its contents sees what the caller's memory held at the entry, which
 *   another thread may change before the kernel's copy: a report describes
 *   what the hook read, and enforce mode decides on it.
 */
asmlinkage long sys_openat2(int dfd, const char __user *filename,
			    struct open_how __user *how, size_t size);

// SPDX-License-Identifier: GPL-2.0
/*
 * Specifications of the descriptor table calls dup, dup2, dup3 and
 * close_range, as the Debian 6.1 and 6.12 kernels implement them (x86-64,
 * native entry points; fs/file.c and fs/open.c). Like module/specs/fs.c,
 * each kerneldoc block is one spec in kapi's annotation language, followed
 * by the declaration of the system call exactly as include/linux/syscalls.h
 * has it; kapi-gen checks every declaration against the target kernel's
 * prototype, and the symbolic constants are left for the compiler to
 * evaluate against the target kernel's headers, which is why the headers
 * they come from are included here. The file is an input to the generator
 * and is not compiled on its own. Where the two kernels differ, the spec
 * says so in its notes, and every machine-checked constraint holds on both.
 *
 * These calls change which open file description a descriptor number names,
 * so they matter to everything that checks descriptors: kapi reads the
 * state of a descriptor argument at the entry of each call and the kind of
 * a failed call's object after that call, never from an earlier call
 * (Documentation/runtime.rst), so a number that dup2() or close_range()
 * replaced or freed is never described with what it named before.
 */
#include <linux/close_range.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/limits.h>
#include <linux/syscalls.h>

/**
 * sys_dup - duplicate a file descriptor at the lowest free number
 * @fildes: descriptor to duplicate
 *
 * long-desc: Makes a second descriptor for the open file description that
 *   fildes refers to, at the lowest number that is not open in the caller's
 *   descriptor table, and returns that number. Both descriptors then name
 *   the same open file description: they share the file position, the file
 *   status flags (O_APPEND, O_NONBLOCK and the others F_SETFL changes) and
 *   the POSIX record locks, which belong to the descriptor table, not to a
 *   descriptor. The close-on-exec flag is a property of the descriptor: the
 *   new one has it clear, whatever fildes has.
 *
 *   The checks run in this order. fildes is looked up with a reference taken
 *   (fget_raw(): O_PATH descriptors qualify); a number that is not open
 *   fails with EBADF. Then the lowest free number below the caller's
 *   RLIMIT_NOFILE soft limit is reserved under the table lock: none free
 *   (EMFILE), or the table must grow and the kernel cannot allocate the
 *   larger table (ENOMEM; growing past fs.nr_open is EMFILE). Only then is
 *   the file installed at the reserved number, which cannot fail. On an
 *   error, the reference to the file is dropped and the table is as it was.
 *
 *   Another thread of the same table may close fildes or take the lowest
 *   free number at any moment: the number returned was the lowest free one
 *   when it was reserved, and the new descriptor refers to the file that
 *   fildes named when it was looked up.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fildes
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN
 *   errno: EBADF
 *   order: 1
 *   cdesc: The descriptor is an unsigned int and must be open in the
 *     caller's table; any open descriptor qualifies, O_PATH descriptors and
 *     0, 1 and 2 included. A table never has INT_MAX entries, so a larger
 *     value (AT_FDCWD and every other negative int arrive as such values) is
 *     never open. A number that is not open fails with EBADF before anything
 *     else is looked at.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_FD
 *   success: >= 0
 *   desc: The new descriptor: the lowest number that was free in the
 *     caller's table, below its RLIMIT_NOFILE soft limit, with its
 *     close-on-exec flag clear. A negative error code otherwise; then no
 *     descriptor was added.
 *
 * error: EBADF, fildes is not an open descriptor
 *   trigger: fildes=closed
 *   desc: The number is beyond the table or its slot is empty (never
 *     opened, or closed already). Nothing has changed.
 *
 * error: EMFILE, no descriptor number below RLIMIT_NOFILE is free
 *   trigger: fildes=file_rdwr, setup=fd_table_full
 *   desc: Every number below the caller's RLIMIT_NOFILE soft limit is open
 *     (or reserved by another thread's call in progress), or the table would
 *     have to grow to fs.nr_open entries or more, which happens when
 *     fs.nr_open was lowered below the limit after the limit was set. The
 *     limit is per process, but a table shared with CLONE_FILES is full for
 *     every task sharing it. Nothing has changed.
 *
 * error: ENOMEM, the larger descriptor table cannot be allocated
 *   trigger: none -- the table's allocation would have to fail; the test
 *     kernels have no fault injection (CONFIG_FAULT_INJECTION is off) and a
 *     memory cgroup at its limit invokes the OOM killer for these small
 *     allocations instead of failing them
 *   desc: The lowest free number is beyond the table's current size and
 *     allocating a table twice as large (the descriptor array with
 *     kvmalloc(), the bitmaps, charged to the caller's memory cgroup)
 *     failed. Nothing has changed.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: The table's lock, held while the lowest free number is found and
 *     marked open. Growing the table drops it to allocate (and, if the table
 *     is shared, to wait for an RCU grace period), then takes it again.
 *     Installing the file at the reserved number takes it only while
 *     another thread is growing the table.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: fildes is looked up under rcu_read_lock(), and the reference to
 *     its file is taken there.
 *
 * lock: files->resize_wait
 *   type: KAPI_LOCK_CUSTOM
 *   acquired: true
 *   released: true
 *   desc: A call that finds another thread growing the same table waits on
 *     this wait queue, uninterruptibly, until that thread is done, then
 *     looks for a free number again.
 *
 * side-effect: KAPI_EFFECT_RESOURCE_CREATE
 *   target: descriptor table entry
 *   condition: The call succeeds
 *   desc: The returned number is open and names the same open file
 *     description as fildes; its close-on-exec flag is clear. The file's
 *     reference count goes up by one.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_ALLOC_MEMORY
 *   target: descriptor table
 *   condition: The lowest free number is beyond the table's size
 *   desc: The table is replaced by one twice as large (at least), which
 *     stays in place after the descriptor is closed; the old one is freed
 *     after an RCU grace period.
 *   reversible: no
 *
 * state-trans: descriptor number
 *   from: free
 *   to: open, close-on-exec clear
 *   condition: The call succeeds
 *   desc: The lowest free number now names fildes's open file description.
 *
 * state-trans: open file description
 *   from: referenced n times
 *   to: referenced n + 1 times
 *   condition: The call succeeds
 *   desc: Closing either descriptor leaves the file open through the other.
 *
 * constraint: Lowest free number below the limit
 *   desc: The result is the lowest number that was free when it was
 *     reserved, and it is below the RLIMIT_NOFILE soft limit in force then;
 *     the runtime checks compare it with the limit read after the call.
 *   expr: ret >= 0 && ret < rlimit(RLIMIT_NOFILE)
 *
 * examples: int saved = dup(STDOUT_FILENO);  // keep stdout before redirecting it
 *   if (saved < 0) err(1, "dup");
 *
 * notes: The system call is the same on 6.1 and 6.12: fget_raw(), then
 *   get_unused_fd_flags(0) and fd_install(). Both kernels have the same table
 *   growth (expand_files(), expand_fdtable(), alloc_fdtable()); in both, a
 *   table cannot grow to fs.nr_open entries or more (EMFILE). fcntl(fd,
 *   F_DUPFD, 0) does what dup() does; F_DUPFD with a minimum and
 *   F_DUPFD_CLOEXEC are fcntl()'s, which has no spec here yet.
 */
asmlinkage long sys_dup(unsigned int fildes);

/**
 * sys_dup2 - make newfd a copy of oldfd, closing newfd first
 * @oldfd: descriptor to duplicate
 * @newfd: descriptor number the copy is put at
 *
 * long-desc: Makes newfd name the open file description that oldfd refers
 *   to, and returns newfd. If newfd was open, the file it named is closed
 *   first, silently: the entry is replaced under the table lock in one step
 *   (no other thread can open a file at newfd in between), and the old file
 *   is then flushed and released as close() would do it, but whatever that
 *   flush reports (a network filesystem's deferred write error, say) is
 *   lost. A program that needs those errors closes newfd itself first. The
 *   new descriptor's close-on-exec flag is clear.
 *
 *   When oldfd and newfd are the same number, nothing changes: the call
 *   returns newfd if it is open and fails with EBADF if not, and the
 *   close-on-exec flag is left as it is (dup3() refuses this case with
 *   EINVAL).
 *
 *   Otherwise the checks run in this order. newfd must be below the
 *   caller's RLIMIT_NOFILE soft limit (EBADF, not EMFILE). Under the table
 *   lock, the table is grown to hold newfd if needed (ENOMEM when that
 *   fails; growing to fs.nr_open entries or more gives EBADF) and oldfd is
 *   looked up (EBADF if it is not open; O_PATH descriptors qualify). The
 *   lookup decides before the growth's result: with oldfd not open the
 *   result is EBADF even if the growth failed. Last, if newfd has been
 *   reserved by another thread's call that is still opening a file for it
 *   (open(), socket(), accept() and the like reserve the number first and
 *   install the file at the end), the call fails with EBUSY. After any
 *   error newfd is unchanged, but the table may have grown.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: oldfd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN
 *   errno: EBADF
 *   order: 2
 *   cdesc: The descriptor is an unsigned int and must be open in the
 *     caller's table; any open descriptor qualifies, O_PATH descriptors
 *     included. A value of INT_MAX or more (AT_FDCWD and every other
 *     negative int) is never open. The kernel looks at oldfd after newfd's
 *     limit, with the same error, EBADF.
 *
 * param: newfd
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, INT_MAX - 1
 *   errno: EBADF
 *   order: 1
 *   cdesc: A descriptor number, open or not. The kernel's rule is newfd <
 *     RLIMIT_NOFILE (the soft limit), checked first, with EBADF. The limit
 *     is the caller's, at the time of the call, and the runtime checks do
 *     not read it before a call; what they check is the bound that holds
 *     whatever the limit is: the limit cannot be set above fs.nr_open,
 *     fs.nr_open cannot be set above INT_MAX rounded down to a multiple of
 *     BITS_PER_LONG, so a newfd of INT_MAX or more (a negative int) always
 *     fails with EBADF. Only when newfd equals oldfd is the limit not
 *     looked at (see the long description).
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: newfd on success; a negative error code otherwise. newfd is below
 *     the RLIMIT_NOFILE soft limit, except when oldfd equals newfd, which is
 *     returned as it is even if the limit was lowered below it after it was
 *     opened (the reason the runtime checks compare the result with 0 only,
 *     not with the limit).
 *
 * error: EBADF, oldfd is not open, or newfd is not below RLIMIT_NOFILE
 *   trigger: oldfd=closed
 *   desc: oldfd is beyond the table or its slot is empty; or newfd is at or
 *     above the caller's RLIMIT_NOFILE soft limit (oldfd different from
 *     newfd); or the table would have to grow to fs.nr_open entries or more
 *     to hold newfd, which happens when fs.nr_open was lowered below the
 *     limit after the limit was set. newfd is unchanged.
 *
 * error: EBUSY, newfd is reserved by another thread's open in progress
 *   trigger: oldfd=file_rdwr, newfd=fd_reserved
 *   desc: Only with a descriptor table shared between threads (or
 *     CLONE_FILES processes): another one has reserved newfd for a file it
 *     is still opening (its number is marked open, its slot still empty). A
 *     race of the program with itself; Linux reports it instead of waiting.
 *     newfd is unchanged and the other call goes on.
 *
 * error: ENOMEM, the larger descriptor table cannot be allocated
 *   trigger: none -- the table's allocation would have to fail; the test
 *     kernels have no fault injection (CONFIG_FAULT_INJECTION is off) and a
 *     memory cgroup at its limit invokes the OOM killer for these small
 *     allocations instead of failing them
 *   desc: newfd is beyond the table's current size and the larger table
 *     cannot be allocated. oldfd is open (else EBADF). newfd is unchanged.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while the table is grown, oldfd is looked up and newfd's
 *     entry is replaced and its close-on-exec flag cleared; dropped before
 *     the file that newfd named is flushed and released. Growing the table
 *     drops it to allocate and takes it again.
 *
 * lock: RCU read-side
 *   type: KAPI_LOCK_RCU
 *   acquired: true
 *   released: true
 *   desc: When oldfd equals newfd, the descriptor is only looked up, under
 *     rcu_read_lock().
 *
 * lock: flc_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: When newfd was open: the file lock context's spinlock, taken while
 *     the caller's POSIX locks on the old file's inode are removed, as
 *     close() does.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: newfd was open and its file's flush method waits interruptibly
 *   desc: A signal can cut short the flush of the file newfd named (NFS,
 *     FUSE); the flush's error is dropped and dup2() still succeeds, with
 *     newfd replaced. The call itself never fails with EINTR.
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: descriptor table entry newfd
 *   condition: The call succeeds and oldfd differs from newfd
 *   desc: newfd names oldfd's open file description, with its close-on-exec
 *     flag clear; the file's reference count goes up by one.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_RESOURCE_DESTROY | KAPI_EFFECT_LOCK_RELEASE | KAPI_EFFECT_IRREVERSIBLE
 *   target: the file newfd named before
 *   condition: The call succeeds, oldfd differs from newfd, and newfd was open
 *   desc: It is closed as close() closes it after removing the entry: the
 *     flush method runs, the table's POSIX locks on its inode and its
 *     dnotify registrations are dropped (not for O_PATH files), and the
 *     reference is put; a last reference releases the file (in task work,
 *     before the call returns to user space). Every error of these steps is
 *     lost.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_ALLOC_MEMORY
 *   target: descriptor table
 *   condition: newfd is beyond the table's size
 *   desc: The table is grown to hold newfd, even if the call then fails
 *     (oldfd not open, EBUSY); the larger table stays.
 *   reversible: no
 *
 * state-trans: descriptor number newfd
 *   from: free, or open on another file
 *   to: open on oldfd's file, close-on-exec clear
 *   condition: The call succeeds and oldfd differs from newfd
 *   desc: One step under the table lock: there is no moment at which newfd
 *     is free for another thread to take.
 *
 * state-trans: open file description of newfd's former file
 *   from: referenced n times
 *   to: referenced n - 1 times, released when n was 1
 *   condition: The call succeeds, oldfd differs from newfd, and newfd was open
 *   desc: As after close().
 *
 * constraint: oldfd equals newfd
 *   desc: Not an error for dup2(): the call only checks that the descriptor
 *     is open, returns it, and leaves its close-on-exec flag alone.
 *   expr: oldfd != newfd || ret == newfd || ret == -EBADF
 *
 * constraint: Below the file limit
 *   desc: newfd must be below the caller's RLIMIT_NOFILE soft limit unless
 *     it equals oldfd. The runtime checks see only the bound INT_MAX that
 *     holds for every limit.
 *   expr: oldfd == newfd || newfd < rlimit(RLIMIT_NOFILE)
 *
 * examples: if (dup2(fd, STDOUT_FILENO) < 0)     // stdout now writes to fd
 *           err(1, "dup2");
 *   close(fd);
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers: when oldfd
 *   equals newfd, 6.1 checks that it is open with files_lookup_fd_rcu(),
 *   without a reference, and 6.12 with __fget_files_rcu(), which takes a
 *   reference and drops it again (fput()). The result is the same. The rest
 *   (ksys_dup3(), do_dup2(), expand_files()) is the same code in both; in
 *   both, the replaced file is closed with filp_close(), whose fput()
 *   leaves a last reference's release to task work, unlike close() in 6.12.
 *
 *   The C library's dup2() is this call on x86-64; on architectures without
 *   the system call it is emulated with dup3() or fcntl().
 */
asmlinkage long sys_dup2(unsigned int oldfd, unsigned int newfd);

/**
 * sys_dup3 - make newfd a copy of oldfd, with flags, closing newfd first
 * @oldfd: descriptor to duplicate
 * @newfd: descriptor number the copy is put at
 * @flags: 0 or O_CLOEXEC
 *
 * long-desc: dup2() with two differences: flags may set the new
 *   descriptor's close-on-exec flag (O_CLOEXEC; with 0 it is cleared), and
 *   oldfd equal to newfd is an error (EINVAL) instead of a no-op. Like
 *   dup2(), it makes newfd name oldfd's open file description, closing the
 *   file newfd named before, silently: the replacement is one step under
 *   the table lock, and the errors of the old file's flush are lost.
 *
 *   The checks run in this order: flags has a bit other than O_CLOEXEC
 *   (EINVAL); oldfd equals newfd (EINVAL); newfd is not below the caller's
 *   RLIMIT_NOFILE soft limit (EBADF). Under the table lock, the table is
 *   grown to hold newfd (ENOMEM; growing to fs.nr_open entries or more gives
 *   EBADF) and oldfd is looked up (EBADF if it is not open; O_PATH
 *   descriptors qualify), and the lookup decides first. Last, newfd
 *   reserved by another thread's call still opening a file for it gives
 *   EBUSY. After any error newfd is unchanged, but the table may have
 *   grown.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: oldfd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN
 *   errno: EBADF
 *   order: 4, audit
 *   cdesc: The descriptor is an unsigned int and must be open in the
 *     caller's table; any open descriptor qualifies, O_PATH descriptors
 *     included. A value of INT_MAX or more (AT_FDCWD and every other
 *     negative int) is never open. The kernel looks at oldfd last, after
 *     the test oldfd == newfd (EINVAL), which the runtime checks do not
 *     make: enforce mode therefore leaves a call whose first broken rule
 *     this is to the kernel.
 *
 * param: newfd
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, INT_MAX - 1
 *   errno: EBADF
 *   order: 3, audit
 *   cdesc: A descriptor number, open or not, other than oldfd. The kernel's
 *     rule is newfd < RLIMIT_NOFILE (the soft limit), with EBADF, checked
 *     after flags and after oldfd == newfd (EINVAL), so enforce mode leaves
 *     a call whose first broken rule this is to the kernel. The runtime
 *     checks do not read the limit before a call; they check the bound that
 *     holds whatever the limit is: a newfd of INT_MAX or more (a negative
 *     int) always fails (see dup2()).
 *
 * param: flags
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_MASK
 *   valid-mask: O_CLOEXEC
 *   errno: EINVAL
 *   order: 1
 *   cdesc: 0 or O_CLOEXEC; any other bit fails with EINVAL before anything
 *     else is looked at.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_FD
 *   success: >= 0
 *   desc: newfd on success, which is below the RLIMIT_NOFILE soft limit the
 *     call checked; a negative error code otherwise.
 *
 * error: EINVAL, flags has a bit other than O_CLOEXEC, or oldfd equals newfd
 *   trigger: flags=O_NONBLOCK
 *   desc: Checked first, in this order, before the descriptors are looked
 *     at: dup3(fd, fd, 0) fails with EINVAL even if fd is not open. Nothing
 *     has changed.
 *
 * error: EBADF, oldfd is not open, or newfd is not below RLIMIT_NOFILE
 *   trigger: oldfd=closed
 *   desc: newfd is at or above the caller's RLIMIT_NOFILE soft limit
 *     (checked first); oldfd is beyond the table or its slot is empty; or
 *     the table would have to grow to fs.nr_open entries or more to hold
 *     newfd (fs.nr_open lowered below the limit after the limit was set).
 *     newfd is unchanged.
 *
 * error: EBUSY, newfd is reserved by another thread's open in progress
 *   trigger: oldfd=file_rdwr, newfd=fd_reserved
 *   desc: As for dup2(): another thread sharing the table has reserved
 *     newfd for a file it is still opening. newfd is unchanged.
 *
 * error: ENOMEM, the larger descriptor table cannot be allocated
 *   trigger: none -- the table's allocation would have to fail; the test
 *     kernels have no fault injection (CONFIG_FAULT_INJECTION is off) and a
 *     memory cgroup at its limit invokes the OOM killer for these small
 *     allocations instead of failing them
 *   desc: newfd is beyond the table's current size and the larger table
 *     cannot be allocated. oldfd is open (else EBADF). newfd is unchanged.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while the table is grown, oldfd is looked up and newfd's
 *     entry is replaced and its close-on-exec flag set or cleared; dropped
 *     before the file that newfd named is flushed and released. Growing the
 *     table drops it to allocate and takes it again.
 *
 * lock: flc_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: When newfd was open: the file lock context's spinlock, taken while
 *     the caller's POSIX locks on the old file's inode are removed.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: newfd was open and its file's flush method waits interruptibly
 *   desc: A signal can cut short the flush of the file newfd named; the
 *     flush's error is dropped and dup3() still succeeds. The call itself
 *     never fails with EINTR.
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: descriptor table entry newfd
 *   condition: The call succeeds
 *   desc: newfd names oldfd's open file description; its close-on-exec flag
 *     is set if flags has O_CLOEXEC and cleared otherwise. The file's
 *     reference count goes up by one.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_RESOURCE_DESTROY | KAPI_EFFECT_LOCK_RELEASE | KAPI_EFFECT_IRREVERSIBLE
 *   target: the file newfd named before
 *   condition: The call succeeds and newfd was open
 *   desc: Closed as close() closes it after removing the entry (flush,
 *     POSIX locks of the table and dnotify registrations dropped, reference
 *     put, a last reference released in task work). Every error of these
 *     steps is lost.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_ALLOC_MEMORY
 *   target: descriptor table
 *   condition: newfd is beyond the table's size
 *   desc: The table is grown to hold newfd, even if the call then fails
 *     with EBADF (oldfd not open) or EBUSY.
 *   reversible: no
 *
 * state-trans: descriptor number newfd
 *   from: free, or open on another file
 *   to: open on oldfd's file, close-on-exec as flags says
 *   condition: The call succeeds
 *   desc: One step under the table lock.
 *
 * state-trans: open file description of newfd's former file
 *   from: referenced n times
 *   to: referenced n - 1 times, released when n was 1
 *   condition: The call succeeds and newfd was open
 *   desc: As after close().
 *
 * constraint: Distinct descriptors
 *   desc: oldfd must differ from newfd, else EINVAL (checked after flags,
 *     before everything else). A rule over two parameters, which the
 *     runtime checks do not make.
 *   expr: oldfd != newfd
 *
 * constraint: Below the file limit
 *   desc: newfd must be below the caller's RLIMIT_NOFILE soft limit, else
 *     EBADF. The runtime checks see only the bound INT_MAX that holds for
 *     every limit, and check the result against the limit after the call.
 *   expr: newfd < rlimit(RLIMIT_NOFILE)
 *
 * examples: if (dup3(fd, 3, O_CLOEXEC) < 0)   // fd at 3, closed on execve()
 *           err(1, "dup3");
 *
 * notes: The same code on 6.1 and 6.12 (ksys_dup3(), do_dup2(),
 *   expand_files()); the replaced file is closed with filp_close() in both,
 *   whose fput() leaves a last reference's release to task work. 6.12
 *   splits filp_close() into filp_flush() and fput(); 6.1 has the same
 *   steps inline.
 */
asmlinkage long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);

/**
 * sys_close_range - close, or mark close-on-exec, a range of descriptors
 * @fd: first descriptor number of the range
 * @max_fd: last descriptor number of the range, included
 * @flags: 0, or CLOSE_RANGE_UNSHARE and CLOSE_RANGE_CLOEXEC
 *
 * long-desc: Closes every open descriptor from fd to max_fd, both included,
 *   as close() closes one (flush, POSIX locks of the table and dnotify
 *   registrations dropped, reference put), or, with CLOSE_RANGE_CLOEXEC,
 *   sets their close-on-exec flag instead and closes nothing. Numbers in the
 *   range that are not open are skipped, and max_fd may be far beyond the
 *   table (~0U means "to the end"): the range is cut at the table's size.
 *   The errors of the individual closes are lost; the call returns 0 once
 *   its arguments were accepted and, with CLOSE_RANGE_UNSHARE, the table
 *   was copied.
 *
 *   With CLOSE_RANGE_UNSHARE, if the table is shared with other tasks
 *   (threads, CLONE_FILES), the caller first gets a private copy of it, as
 *   unshare(CLONE_FILES) would make, and the range is closed (or marked) in
 *   the copy only: the other tasks keep their descriptors. Without
 *   CLOSE_RANGE_CLOEXEC, descriptors in the range that are above every
 *   descriptor kept are not copied at all. The copy fails with ENOMEM, or
 *   with EMFILE if it would need more than fs.nr_open entries (fs.nr_open
 *   lowered below the highest open descriptor). Without sharing, the flag
 *   changes nothing.
 *
 *   The checks run in this order: flags has an unknown bit (EINVAL); fd is
 *   above max_fd (EINVAL); the copy of a shared table (ENOMEM, EMFILE).
 *   After that nothing fails. Another thread of a shared table (without
 *   CLOSE_RANGE_UNSHARE) may open descriptors in the range while it is
 *   being closed: those that it opens at numbers already passed stay open.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * param: fd
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Any number; it need not be open, and none in the range need be.
 *     The only rule is fd <= max_fd (EINVAL), over two parameters, which the
 *     runtime checks do not make.
 *
 * param: max_fd
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   cdesc: Any number not below fd. Values beyond the table are cut to its
 *     last entry; ~0U closes to the end.
 *
 * param: flags
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_MASK
 *   valid-mask: CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC
 *   errno: EINVAL
 *   order: 1
 *   cdesc: Any combination of CLOSE_RANGE_UNSHARE and CLOSE_RANGE_CLOEXEC;
 *     any other bit fails with EINVAL before anything else is looked at.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_EXACT
 *   success: 0
 *   desc: 0 on success, even if no descriptor was open in the range and
 *     whatever the closes reported; a negative error code otherwise, after
 *     which nothing was closed or marked.
 *
 * error: EINVAL, flags has an unknown bit, or fd is above max_fd
 *   trigger: flags=1
 *   desc: Checked before anything else, in this order. Nothing has changed.
 *
 * error: EMFILE, the private copy of a shared table would exceed fs.nr_open
 *   trigger: fd=3, max_fd=3, flags=CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC,
 *     setup=fd_table_shared_nr_open_low
 *   desc: CLOSE_RANGE_UNSHARE with a shared table, and the copy must hold a
 *     descriptor at or above fs.nr_open (which was lowered after that
 *     descriptor was opened): the table cannot be copied. Nothing has
 *     changed; the table is still shared.
 *
 * error: ENOMEM, the private copy of a shared table cannot be allocated
 *   trigger: none -- the table's allocation would have to fail; the test
 *     kernels have no fault injection (CONFIG_FAULT_INJECTION is off) and a
 *     memory cgroup at its limit invokes the OOM killer for these small
 *     allocations instead of failing them
 *   desc: CLOSE_RANGE_UNSHARE with a shared table, and the new
 *     files_struct or its descriptor table cannot be allocated. Nothing has
 *     changed; the table is still shared.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Held while each entry is removed (6.1 takes it once per number;
 *     6.12 holds it across the range and drops it around each close and
 *     each reschedule), while the close-on-exec bits are set, and, with
 *     CLOSE_RANGE_UNSHARE, while the shared table is copied.
 *
 * lock: task_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: With CLOSE_RANGE_UNSHARE and a shared table: the caller's
 *     alloc_lock, held while current->files is switched to the private copy.
 *
 * lock: flc_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   acquired: true
 *   released: true
 *   desc: Per closed file with POSIX locks: taken while the table's locks on
 *     its inode are removed, as close() does.
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: A closed file's flush method waits interruptibly
 *   desc: A signal can cut short the flush of one of the closed files; its
 *     error is dropped, the descriptor is closed regardless and the call
 *     goes on with the rest of the range. The call never fails with EINTR.
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: no
 *
 * side-effect: KAPI_EFFECT_RESOURCE_DESTROY | KAPI_EFFECT_LOCK_RELEASE | KAPI_EFFECT_IRREVERSIBLE
 *   target: descriptor table entries fd to max_fd
 *   condition: flags has no CLOSE_RANGE_CLOEXEC
 *   desc: Each open one is closed as close() closes it; a last reference is
 *     released in task work, before the call returns to user space. The
 *     errors of the flushes are lost. The numbers become free.
 *   reversible: no
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: close-on-exec flags of fd to max_fd
 *   condition: flags has CLOSE_RANGE_CLOEXEC
 *   desc: The close-on-exec bit of every number in the range that the table
 *     holds is set, open or not (a number opened later gets its flag from
 *     the call that opens it).
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_ALLOC_MEMORY | KAPI_EFFECT_PROCESS_STATE
 *   target: the caller's descriptor table
 *   condition: flags has CLOSE_RANGE_UNSHARE and the table is shared
 *   desc: The caller gets a private copy; the other tasks keep the shared
 *     table, with the range still open, and the caller's reference to it is
 *     dropped.
 *   reversible: no
 *
 * state-trans: descriptor numbers fd to max_fd
 *   from: open or free
 *   to: free
 *   condition: The call succeeds without CLOSE_RANGE_CLOEXEC
 *   desc: In the caller's table (its private copy with CLOSE_RANGE_UNSHARE).
 *
 * state-trans: descriptor table
 *   from: shared
 *   to: private to the caller
 *   condition: The call succeeds with CLOSE_RANGE_UNSHARE and the table was shared
 *   desc: As unshare(CLONE_FILES), with the range already closed or marked.
 *
 * constraint: Ordered range
 *   desc: fd must not be above max_fd, else EINVAL. A rule over two
 *     parameters, which the runtime checks do not make.
 *   expr: fd <= max_fd
 *
 * examples: close_range(3, ~0U, 0);                    // close all but 0, 1, 2
 *   close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);  // keep them until execve()
 *
 * notes: Differences between 6.1 and 6.12 that this spec covers: 6.1 cuts
 *   max_fd at the table's size once, under RCU, and then takes the table
 *   lock for each number; 6.12 holds the lock across the range, dropping it
 *   to close each file and to reschedule, and removes entries with
 *   file_close_fd_locked(). Both close each file with filp_close(), whose
 *   fput() leaves a last reference's release to task work (unlike close() in
 *   6.12), and both copy a shared table with dup_fd() and a range to leave
 *   out. The results are the same.
 *
 *   Available since Linux 5.9 (CLOSE_RANGE_CLOEXEC since 5.11); the C
 *   library's closefrom() uses it.
 */
asmlinkage long sys_close_range(unsigned int fd, unsigned int max_fd,
				unsigned int flags);

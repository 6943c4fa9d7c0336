// SPDX-License-Identifier: GPL-2.0
/*
 * Parser test fixture: every tag of the spec language written with upstream
 * v2's KAPI_* identifiers. short.c says the same with the short tokens, line
 * for line; parser_test.cpp checks that both give the same specs.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>

/**
 * sys_kapi_sample - a system call that uses every constraint type
 * @fd: descriptor to work on
 * @buf: user buffer
 * @count: size of buf
 * @flags: O_* flags
 * @whence: where to start
 * @addr: an aligned address
 * @name: a name in user memory
 * @path: a path in user memory
 * @order: a power of two
 * @arg: a user pointer
 * @len: a page-aligned length
 * @nr: not zero
 * @cookie: checked by a function
 *
 * long-desc: Does nothing useful. It exists so that the parser tests can
 *   use every tag.
 *
 *   Second paragraph.
 *
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 * api-type: KAPI_KIND_SYSCALL
 * since: 6.1
 * deprecated: yes
 * replacement: sys_kapi_sample2
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_RANGE
 *   range: 0, INT_MAX
 *   cdesc: An open descriptor.
 *
 * param: buf
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_OUT | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_BUFFER
 *   size-param: 2
 *   size-mult: 4
 *
 * param: count
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *
 * param: flags
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_MASK
 *   valid-mask: O_ACCMODE | O_CREAT |
 *     O_EXCL
 *
 * param: whence
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_ENUM
 *   valid-values: 0, 1, SEEK_END
 *
 * param: addr
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_OPTIONAL
 *   constraint-type: KAPI_CONSTRAINT_ALIGNMENT
 *   alignment: 8
 *
 * param: name
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_CONST
 *   constraint-type: KAPI_CONSTRAINT_USER_STRING
 *   size: 256
 *   range: 1, 255
 *
 * param: path
 *   type: KAPI_TYPE_PATH
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PATH
 *
 * param: order
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_POWER_OF_TWO
 *
 * param: arg
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_INOUT | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PTR
 *   size: 16
 *   errno: EINVAL
 *
 * param: len
 *   type: KAPI_TYPE_UINT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_PAGE_ALIGNED
 *
 * param: nr
 *   type: KAPI_TYPE_INT
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_NONZERO
 *
 * param: cookie
 *   type: KAPI_TYPE_CUSTOM
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_CUSTOM
 *   cdesc: kapi_check_cookie
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_RANGE
 *   success: >= 0
 *   desc: The number of bytes.
 *
 * error: EBADF, fd is not open
 *   desc: The descriptor lookup failed.
 *
 * error: EINTR, a signal arrived
 *
 * lock: file->f_pos_lock
 *   type: KAPI_LOCK_MUTEX
 *   acquired: true
 *   released: true
 *   desc: Serialises position updates.
 *
 * lock: files->file_lock
 *   type: KAPI_LOCK_SPINLOCK
 *   scope: KAPI_LOCK_CALLER_HELD
 *
 * signal: Any signal
 *   direction: KAPI_SIGNAL_RECEIVE
 *   action: KAPI_SIGNAL_ACTION_RETURN
 *   condition: While waiting
 *   desc: Interrupts the wait.
 *   error: -EINTR
 *   timing: KAPI_SIGNAL_TIME_DURING
 *   restartable: yes
 *   interruptible: yes
 *   priority: 2
 *   state-required: KAPI_SIGNAL_STATE_SLEEPING
 *   state-forbidden: KAPI_SIGNAL_STATE_STOPPED | KAPI_SIGNAL_STATE_TRACED
 *   sa-flags-required: SA_RESTART
 *   sa-flags-forbidden: SA_RESETHAND | SA_NODEFER
 *   queue: realtime
 *
 * signal: SIGPIPE
 *   direction: KAPI_SIGNAL_SEND
 *   action: KAPI_SIGNAL_ACTION_TRANSFORM
 *   transform-to: SIGTERM
 *   target: the calling thread
 *   timing: KAPI_SIGNAL_TIME_EXIT
 *
 * side-effect: KAPI_EFFECT_FILE_POSITION | KAPI_EFFECT_MODIFY_STATE
 *   target: file->f_pos
 *   condition: On success
 *   desc: The position advances.
 *   reversible: yes
 *
 * side-effect: KAPI_EFFECT_ALLOC_MEMORY, page cache, pages may be allocated
 *
 * state-trans: file position
 *   from: p
 *   to: p + n
 *   condition: On success
 *   desc: Advances by the count returned.
 *
 * state-trans: descriptor, open, closed, released, even on error
 *
 * capability: CAP_SYS_ADMIN
 *   type: KAPI_CAP_INCREASE_LIMIT
 *   allows: Exceeding the limit
 *   without: ENFILE
 *   condition: At the limit
 *   priority: 1
 *
 * capability: CAP_DAC_OVERRIDE, KAPI_CAP_BYPASS_CHECK, Bypass permission checks
 *
 * constraint: MAX_RW_COUNT
 *   desc: Counts are clamped.
 *   expr: count <= MAX_RW_COUNT
 *
 * examples: n = kapi_sample(fd, buf, 4);
 *   if (n < 0)
 *       perror("kapi_sample");
 *
 * notes: First note
 *   paragraph.
 *
 *   - one
 *   - two
 */
asmlinkage long sys_kapi_sample(int fd, char __user *buf, size_t count, unsigned int flags,
				int whence, unsigned long addr, const char __user *name,
				const char __user *path, unsigned int order, void __user *arg,
				size_t len, int nr, unsigned long cookie);

/**
 * kapi_sample_ioc_set - set the sample value
 * @arg: the new value
 *
 * context-flags: KAPI_CTX_PROCESS
 * api-type: KAPI_KIND_IOCTL
 * ioctl-cmd: KAPI_SAMPLE_IOC_SET
 *
 * param: arg
 *   type: KAPI_TYPE_USER_PTR
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PTR
 *   size: sizeof(struct kapi_sample)
 *   ctype: const struct kapi_sample __user *
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_EXACT
 *   success: 0
 *
 * error: EFAULT, arg is not readable
 */
#define KAPI_SAMPLE_IOC_SET _IOW('k', 1, struct kapi_sample)

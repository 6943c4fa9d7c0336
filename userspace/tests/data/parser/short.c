// SPDX-License-Identifier: GPL-2.0
/*
 * Parser test fixture: the specs of long.c written with the short tokens
 * (and, where both exist, the other spelling of each tag and sub-key).
 * parser_test.cpp checks that both files give the same specs.
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
 * Long-Desc: Does nothing useful. It exists so that the parser tests can use
 *   every tag.
 *
 *   Second paragraph.
 *
 * contexts: Process, SLEEPABLE
 * api-type: syscall
 * since-version: 6.1
 * deprecated: true
 * replacement: sys_kapi_sample2
 *
 * param: fd
 *   type: fd, input
 *   constraint-type: range(0, INT_MAX)
 *   constraint: An open descriptor.
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(count, 4)
 *
 * param: count
 *   type: uint, in
 *
 * param: flags
 *   type: uint
 *   flags: input
 *   constraint-type: mask(O_ACCMODE | O_CREAT |
 *                         O_EXCL)
 *
 * param: whence
 *   type: int, input
 *   constraint-type: enum(0, 1, SEEK_END)
 *
 * param: addr
 *   type: uint, input, optional
 *   constraint-type: align(8)
 *
 * param: name
 *   type: uptr, input, const
 *   constraint-type: user_string(256)
 *   range: 1, 255
 *
 * param: path
 *   type: path, input
 *   constraint-type: user_path
 *
 * param: order
 *   type: uint, input
 *   constraint-type: power_of_two
 *
 * param: arg
 *   type: user_ptr, inout
 *   constraint-type: user_ptr
 *   size: 16
 *   errno: -EINVAL
 *
 * param: len
 *   type: uint, input
 *   constraint-type: page_aligned
 *
 * param: nr
 *   type: int, input
 *   constraint-type: nonzero
 *
 * param: cookie
 *   type: custom, input
 *   constraint-type: custom(kapi_check_cookie)
 *
 * return:
 *   type: int
 *   success: >= 0
 *   description: The number of bytes.
 *
 * error: EBADF, fd is not open
 *   description: The descriptor lookup failed.
 *
 * error: -EINTR
 *   condition: a signal arrived
 *
 * lock: file->f_pos_lock, mutex
 *   acquired: yes
 *   released: yes
 *   desc: Serialises position updates.
 *
 * lock: files->file_lock
 *   type: spinlock
 *   held-on-entry: yes
 *
 * signal: Any signal
 *   direction: receive
 *   action: return
 *   condition: While waiting
 *   desc: Interrupts the wait.
 *   errno: EINTR
 *   timing: during
 *   restartable: true
 *   interruptible: 1
 *   priority: 0x2
 *   state_required: sleeping
 *   state_forbidden: stopped, traced
 *   sa_flags_required: SA_RESTART
 *   sa_flags_forbidden: SA_ONESHOT | SA_NOMASK
 *   queue_behavior: realtime
 *
 * signal: SIGPIPE
 *   direction: send
 *   action: transform
 *   transform: 15
 *   target: the calling thread
 *   timing: after
 *
 * side-effect: file_position | modify_state
 *   target: file->f_pos
 *   condition: On success
 *   desc: The position advances.
 *   reversible: yes
 *
 * side-effect: alloc_memory
 *   target: page cache
 *   desc: pages may be allocated
 *
 * state-trans: file position, p, p + n, Advances by the count returned.
 *   condition: On success
 *
 * state-trans: descriptor
 *   from: open
 *   to: closed
 *   desc: released, even on error
 *
 * capability: CAP_SYS_ADMIN, increase_limit, Exceeding the limit
 *   without: ENFILE
 *   condition: At the limit
 *   priority: 1
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass
 *   desc: Bypass permission checks
 *
 * constraint: MAX_RW_COUNT, Counts are clamped.
 *   expr: count <= MAX_RW_COUNT
 *
 * Example: n = kapi_sample(fd, buf, 4);
 *     if (n < 0)
 *         perror("kapi_sample");
 *
 * Notes: First note paragraph.
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
 * contexts: process
 * api-type: ioctl
 * ioctl-cmd: KAPI_SAMPLE_IOC_SET
 *
 * param: arg
 *   type: uptr, input
 *   constraint-type: user_ptr
 *   size: sizeof(struct kapi_sample)
 *   ctype: const struct kapi_sample __user *
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: == 0
 *
 * error: EFAULT, arg is not readable
 */
#define KAPI_SAMPLE_IOC_SET _IOW('k', 1, struct kapi_sample)

// SPDX-License-Identifier: GPL-2.0
/*
 * Specifications used by kapi's KUnit tests, in kapi's annotation language.
 * kapi-gen turns this file into the spec image that kapi_kunit.ko carries
 * (kunit/Kbuild), exactly as it does for kapi.ko's own specs and for the
 * sample module; the file is never compiled on its own. The specs describe
 * no real API: each exists to give the tests records of a known shape (one
 * parameter per constraint kind, each return check, each calling context,
 * and one spec with every kind of record for the debugfs views). All are
 * functions or ioctls, never system calls, so that registering them hooks
 * nothing. The tests look specs up by name and read their fields from the
 * image, so reordering the specs below changes no expected value.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/limits.h>
#include <linux/capability.h>
#include <linux/signal.h>
#include <linux/uio.h>

/**
 * kapi_kunit_view - a spec with one record of every kind, for the views
 * @mode: how to seek
 * @buf: where the data goes
 * @count: number of records
 *
 * long-desc: The first paragraph says "what" the API does, with a
 *   back\slash.
 *
 *   The second paragraph follows a blank line.
 *
 * contexts: process, sleepable
 * since: 6.1
 * deprecated: yes
 * replacement: kapi_kunit_numbers
 * notes: Not a real API.
 * examples: kapi_kunit_view(SEEK_SET, buf, 2);
 *
 * param: mode
 *   type: int, input
 *   constraint-type: enum(SEEK_SET, SEEK_END, 7)
 *   errno: ENXIO
 *   cdesc: One of the seek modes.
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(count, 16)
 *   cdesc: count records of 16 bytes.
 *
 * param: count
 *   type: uint, input, optional
 *   constraint-type: range(0, INT_MAX)
 *
 * return:
 *   type: int
 *   check-type: range
 *   success: >= 0
 *   desc: The number of records.
 *
 * error: ENXIO, mode is not a seek mode
 *   desc: Nothing is read.
 *   objects: sock:tcp, proc, fifo:*
 *
 * error: EFAULT, buf is not in user space
 *
 * error: EINVAL, count is too large
 *
 * error: EINTR, a signal arrived while waiting
 *   objects: chr:tty
 *
 * lock: kapi_kunit_lock, mutex
 *   scope: acquires
 *   desc: Held on return.
 *
 * signal: SIGINT
 *   direction: receive
 *   action: return
 *   timing: during
 *   errno: EINTR
 *   restartable: yes
 *   interruptible: yes
 *   priority: 2
 *   state-required: sleeping
 *   condition: while waiting
 *   desc: The wait ends.
 *
 * side-effect: alloc_memory | modify_state
 *   target: the records
 *   condition: on success
 *   reversible: yes
 *   desc: Records are kept.
 *
 * state-trans: the device, idle, busy, until the records are read
 *
 * capability: CAP_SYS_ADMIN
 *   type: bypass_check
 *   allows: more records
 *   without: at most INT_MAX records
 *   condition: count is large
 *   priority: 1
 *
 * constraint: record size
 *   desc: Records are 16 bytes.
 *   expr: count * 16 <= INT_MAX
 */
static int kapi_kunit_view(int mode, void __user *buf, unsigned int count);

/**
 * kapi_kunit_numbers - one parameter per numeric constraint kind
 * @value: a signed range
 * @count: an unsigned range
 * @flags: a bit mask
 * @whence: one of a list, negative values included
 * @align: a multiple of 16
 * @order: a power of two
 *
 * contexts: process, sleepable
 *
 * param: value
 *   type: int, input
 *   constraint-type: range(-5, 100)
 *   errno: ERANGE
 *
 * param: count
 *   type: uint, input
 *   constraint-type: range(0, 4096)
 *   errno: E2BIG
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(0x10f)
 *   errno: EINVAL
 *
 * param: whence
 *   type: int, input
 *   constraint-type: enum(0, 1, 2, -1)
 *   errno: ENXIO
 *
 * param: align
 *   type: uint, input
 *   constraint-type: alignment(16)
 *   errno: EXDEV
 *
 * param: order
 *   type: uint, input
 *   constraint-type: power_of_two
 *   errno: EDOM
 *
 * return:
 *   type: int
 *   success: 0
 *
 * error: ERANGE, value is out of range
 * error: E2BIG, count is too large
 * error: EINVAL, flags has unknown bits
 * error: ENXIO, whence is unknown
 * error: EXDEV, align is misaligned
 * error: EDOM, order is not a power of two
 */
static int kapi_kunit_numbers(int value, unsigned int count,
			      unsigned long flags, int whence,
			      unsigned long align, unsigned long order);

/**
 * kapi_kunit_memory - constraints on page alignment, zero and narrow types
 * @page: a page-aligned address
 * @id: an identifier that is never 0
 * @small: a byte
 * @mode: file mode bits
 * @delta: a short
 * @check: checked by code, not by kapi
 *
 * contexts: process, sleepable
 *
 * param: page
 *   type: uint, input
 *   constraint-type: page_aligned
 *   errno: EINVAL
 *
 * param: id
 *   type: uint, input
 *   constraint-type: nonzero
 *   errno: ENOENT
 *
 * param: small
 *   type: uint, input
 *   constraint-type: range(1, 200)
 *   errno: ERANGE
 *
 * param: mode
 *   type: uint, input
 *   constraint-type: mask(0777)
 *   errno: EPERM
 *
 * param: delta
 *   type: int, input
 *   constraint-type: range(-100, 100)
 *   errno: EDOM
 *
 * param: check
 *   type: int, input
 *   constraint-type: custom(kapi_kunit_check)
 *
 * return:
 *   type: int
 *   success: 0
 *
 * error: EINVAL, page is not page-aligned
 * error: ENOENT, id is 0
 * error: ERANGE, small is out of range
 * error: EPERM, mode has unknown bits
 * error: EDOM, delta is out of range
 */
static int kapi_kunit_memory(unsigned long page, unsigned int id, u8 small,
			     umode_t mode, s16 delta, int check);

/**
 * kapi_kunit_user - constraints on user memory
 * @name: a string of 2 to 8 characters
 * @path: a path
 * @buf: count elements of 8 bytes
 * @count: the number of elements
 * @st: a 64-byte structure
 * @opt: an optional 16-byte structure
 *
 * contexts: process, sleepable
 *
 * param: name
 *   type: user_ptr, input
 *   constraint-type: user_string
 *   range: 2, 8
 *   errno: EFAULT
 *
 * param: path
 *   type: path, input
 *   constraint-type: user_path
 *   errno: EFAULT
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(count, 8)
 *   errno: EFAULT
 *
 * param: count
 *   type: uint, input
 *
 * param: st
 *   type: user_ptr, output
 *   constraint-type: user_ptr
 *   size: 64
 *   errno: EFAULT
 *   struct: iovec
 *
 * param: opt
 *   type: user_ptr, input, optional
 *   constraint-type: user_ptr
 *   size: 16
 *   errno: EINVAL
 *
 * return:
 *   type: int
 *   success: 0
 *
 * error: EFAULT, a pointer is outside user space
 * error: ENAMETOOLONG, path is too long
 * error: EINVAL, opt is outside user space
 */
static int kapi_kunit_user(const char __user *name, const char __user *path,
			   void __user *buf, size_t count, void __user *st,
			   const void __user *opt);

/**
 * kapi_kunit_ret_exact - succeeds with exactly 0
 * @fd: a descriptor
 * @arg: two flag bits
 *
 * contexts: process, sleepable
 *
 * param: fd
 *   type: fd, input
 *   constraint-type: range(0, INT_MAX)
 *
 * param: arg
 *   type: uint, input
 *   constraint-type: mask(0x3)
 *
 * return:
 *   type: int
 *   success: 0
 *
 * error: EBADF, fd is not open
 * error: EINVAL, arg has unknown bits
 * error: ENOMEM, out of memory
 */
static int kapi_kunit_ret_exact(int fd, unsigned int arg);

/**
 * kapi_kunit_ret_range - succeeds with -10 or more
 *
 * contexts: process, sleepable
 *
 * return:
 *   type: int
 *   check-type: range
 *   success: >= -10
 *
 * error: EIO, the device failed
 */
static long kapi_kunit_ret_range(void);

/**
 * kapi_kunit_ret_fd - returns a new descriptor
 *
 * contexts: process, sleepable
 *
 * return:
 *   type: fd
 *   check-type: fd
 *
 * error: EMFILE, too many open files
 */
static int kapi_kunit_ret_fd(void);

/**
 * kapi_kunit_ret_errcheck - fails only with a listed error
 *
 * contexts: process, sleepable
 *
 * return:
 *   type: int
 *   check-type: error_check
 *
 * error: EAGAIN, try again
 */
static long kapi_kunit_ret_errcheck(void);

/**
 * kapi_kunit_ret_custom - a return value described in words
 *
 * contexts: process, sleepable
 *
 * return:
 *   type: int
 *   check-type: custom
 *   desc: Anything.
 */
static long kapi_kunit_ret_custom(void);

/**
 * kapi_kunit_ctx_atomic - may be called atomic too
 *
 * contexts: process, sleepable, atomic
 *
 * return:
 *   type: void
 */
static void kapi_kunit_ctx_atomic(void);

/**
 * kapi_kunit_ctx_irq - for interrupt context only
 *
 * contexts: hardirq, softirq
 *
 * return:
 *   type: void
 */
static void kapi_kunit_ctx_irq(void);

/**
 * kapi_kunit_ioctl - an ioctl command
 *
 * api-type: ioctl
 * ioctl-cmd: _IOW('k', 1, int)
 * contexts: process, sleepable
 *
 * param: arg
 *   type: user_ptr, input
 *   ctype: const int __user *
 *   constraint-type: user_ptr
 *   size: sizeof(int)
 *
 * return:
 *   type: int
 *   success: 0
 *
 * error: EFAULT, arg is not readable
 */

/*
 * A struct the image validation tests poke at (kapi_kunit_user's st param
 * points to one): two fields inside its 16 bytes.
 */
/**
 * struct: iovec
 * desc: one segment
 * size: sizeof(struct iovec)
 *
 * field: iov_base
 *   type: user_ptr, input
 *   offset: offsetof(struct iovec, iov_base)
 *   size: sizeof(void *)
 *
 * field: iov_len
 *   type: uint, input
 *   offset: offsetof(struct iovec, iov_len)
 *   size: sizeof(__kernel_size_t)
 *   constraint-type: range(0, SSIZE_MAX)
 */

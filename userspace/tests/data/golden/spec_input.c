// SPDX-License-Identifier: GPL-2.0
/*
 * Golden input of the C generator (userspace/tests/generator_test.cpp): a
 * small spec file that uses every record kind of the spec image (params
 * with each kind of number, errors, locks, signals, side effects, state
 * transitions, capabilities, constraints, enumeration values) and strings
 * the generator must escape. Its output is spec_input.generated.c; the
 * test also compiles that output on the host and decodes the bytes. Not
 * compiled on its own.
 */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/limits.h>

/**
 * sys_golden_read - read "bytes" from a descriptor
 * @fd: descriptor to read from
 * @buf: where the bytes go
 * @count: how many bytes, at most
 *
 * long-desc: Reads up to count bytes from fd into buf. This description is
 *   long enough to be split over several string literals in the generated
 *   file, and it holds a backslash \, a pair of question marks ??, a tab	and
 *   a non-ASCII letter: é.
 *
 * contexts: process, sleepable
 * since: 2.0
 *
 * param: fd
 *   type: fd, input
 *   constraint-type: range(0, INT_MAX)
 *   cdesc: an open descriptor
 *   errno: EBADF
 *
 * param: buf
 *   type: user_ptr, output
 *   constraint-type: buffer(count)
 *   alignment: sizeof(long)
 *   errno: -EFAULT
 *   struct: iovec
 *   count-param: count
 *   max-count: UIO_MAXIOV
 *
 * param: count
 *   type: uint, input
 *
 * return:
 *   type: int
 *   check-type: range
 *   success: >= 0
 *   desc: the number of bytes read
 *
 * error: EBADF, fd is not open for reading
 *   desc: Bad file descriptor.
 *   objects: sock:tcp, proc, fifo
 *
 * error: EFAULT, buf is outside the accessible address space
 *
 * error: EINTR, a signal arrived before any data was read
 *
 * lock: file->f_pos_lock
 *   type: mutex
 *   acquired: yes
 *   desc: serializes the readers of one open file description
 *
 * signal: SIGINT
 *   direction: receive
 *   action: return
 *   timing: during
 *   restartable: yes
 *   errno: -EINTR
 *   condition: while waiting for data
 *   desc: interrupts a blocking read
 *   priority: 1
 *   sa-flags-required: SA_RESTART
 *   state-required: sleeping
 *   state-forbidden: zombie
 *   queue: standard
 *
 * side-effect: file_position | modify_state
 *   target: file->f_pos
 *   condition: when bytes were read
 *   desc: advances the position
 *   reversible: no
 *
 * state-trans: file position, p, p + n, advances by the bytes read
 *
 * capability: CAP_DAC_OVERRIDE
 *   type: bypass_check
 *   allows: reading a file without read permission
 *   without: the permission check applies
 *   condition: when the file was opened
 *   priority: 2
 *
 * constraint: MAX_RW_COUNT
 *   desc: count is clamped to MAX_RW_COUNT
 *   expr: min(count, MAX_RW_COUNT)
 *
 * examples: n = golden_read(fd, buf, sizeof(buf));
 *
 * notes: A note.
 */
SYSCALL_DEFINE3(golden_read, unsigned int, fd, char __user *, buf, size_t, count)

/**
 * golden_ioctl_getflags - get the flags of an inode
 * @arg: where the flags go
 *
 * api-type: ioctl
 * ioctl-cmd: FS_IOC_GETFLAGS
 * contexts: process
 * deprecated: yes
 * replacement: golden_ioctl_getflags2
 *
 * param: arg
 *   ctype: long __user *
 *   type: user_ptr, output
 *   constraint-type: user_ptr
 *   size: sizeof(long)
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *
 * error: ENOTTY, the file has no flags
 */

/**
 * golden_open - open a golden file
 * @path: the file
 * @flags: how to open it
 * @whence: where to start
 *
 * contexts: process | sleepable
 *
 * param: path
 *   type: path, input
 *   constraint-type: user_string(PATH_MAX)
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL)
 *   errno: EINVAL
 *
 * param: whence
 *   type: int, input
 *   constraint-type: enum(SEEK_SET, SEEK_CUR, SEEK_END, 4)
 *
 * return:
 *   type: fd
 *   check-type: fd
 *
 * error: ENOENT, the file does not exist
 */
long golden_open(const char __user *path, int flags, int whence);

#include <linux/uio.h>

/**
 * struct: iovec
 * desc: one segment of a vectored transfer
 * size: sizeof(struct iovec)
 * alignment: __alignof__(struct iovec)
 *
 * field: iov_base
 *   type: user_ptr, input
 *   type-name: void __user *
 *   offset: offsetof(struct iovec, iov_base)
 *   size: sizeof(void *)
 *   cdesc: start of the segment
 *
 * field: iov_len
 *   type: uint, input
 *   type-name: __kernel_size_t
 *   offset: offsetof(struct iovec, iov_len)
 *   size: 8
 *   constraint-type: range(0, S64_MAX)
 *   cdesc: bytes in the segment
 */

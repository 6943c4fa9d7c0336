// SPDX-License-Identifier: GPL-2.0
/*
 * Input of the renderer golden files (userspace/tests/render_test.cpp) and
 * of kapi-dump's command-line tests: specs that use what the renderers
 * treat specially - every constraint type, masks and enumerations (flag
 * sets in syzlang), symbolic and literal numbers, an optional and an inout
 * pointer, a buffer counted in units, a deprecated call, an ioctl, a kernel
 * function, and prose that looks like markup (reStructuredText lists,
 * emphasis, a trailing "::", JSON quotes and backslashes). Every symbol it
 * uses is in the host's UAPI headers, so the build compiles the generated
 * image with the host compiler into an ELF object, the fixture of the ELF
 * and debugfs sources. Not compiled on its own.
 */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/limits.h>

/**
 * sys_render_open - open a file with "flags" and a whence
 * @path: the file, a *path* name
 * @flags: how to open it
 * @whence: where to start
 * @mode: permission bits of a new file
 *
 * long-desc: The first paragraph has `backticks`, *stars*, _underscores_,
 *   |bars|, a backslash \ and "quotes".
 *
 *   - a line that looks like a list item
 *   - and another one
 *
 *   1. Not a list either, and this paragraph ends with a double colon::
 *
 * contexts: process | sleepable
 * since: 6.1
 *
 * param: path
 *   type: path, input
 *   constraint-type: user_string(PATH_MAX)
 *   range: 1, PATH_MAX
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL)
 *   errno: EINVAL
 *   cdesc: Only the access modes, O_CREAT and O_EXCL.
 *
 * param: whence
 *   type: int, input
 *   constraint-type: enum(SEEK_SET, SEEK_CUR, SEEK_END, 4)
 *
 * param: mode
 *   type: uint, input
 *   constraint-type: mask(0x1ff)
 *
 * return:
 *   type: fd
 *   check-type: fd
 *   desc: A new descriptor.
 *
 * error: EINVAL, flags or whence are not valid
 * error: ENOENT, the file does not exist
 *   desc: And O_CREAT was not given.
 *
 * capability: CAP_DAC_OVERRIDE, bypass_check, opens files regardless of their mode
 *
 * examples: fd = render_open("/etc/hostname", O_RDONLY, SEEK_SET, 0);
 *   if (fd < 0)
 *           return -1;
 */
SYSCALL_DEFINE4(render_open, const char __user *, path, int, flags, int, whence, umode_t, mode)

/**
 * sys_render_xfer - move records between two user buffers
 * @fd: descriptor
 * @in: records to send
 * @out: the previous records, returned
 * @nrec: how many records
 * @opt: optional extra, 16 bytes
 * @align: alignment of the records
 *
 * contexts: process
 * deprecated: yes
 * replacement: sys_render_xfer2
 *
 * param: fd
 *   type: fd, input
 *   constraint-type: fd
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_READ
 *   order: 1, audit
 *
 * param: in
 *   type: user_ptr, inout
 *   constraint-type: buffer(nrec, 8)
 *
 * param: out
 *   type: user_ptr, output
 *   constraint-type: buffer(nrec, 8)
 *
 * param: nrec
 *   type: uint, input
 *   constraint-type: range(0, 1 << 10)
 *
 * param: opt
 *   type: user_ptr, input, optional
 *   constraint-type: user_ptr
 *   size: 16
 *
 * param: align
 *   type: uint, input
 *   constraint-type: alignment(8)
 *
 * return:
 *   type: int
 *   check-type: range
 *   success: >= 0
 *
 * error: EBADF, fd is not open
 *
 * signal: SIGUSR1
 *   direction: receive
 *   action: transform
 *   transform-to: SIGUSR2
 *   timing: during
 *   interruptible: yes
 *   errno: -EINTR
 *   sa-flags-forbidden: SA_RESTART | SA_NODEFER
 *   state-forbidden: stopped, traced
 *
 * side-effect: alloc_memory | irreversible
 *   target: the records
 *   reversible: no
 *
 * state-trans: record, queued, sent
 *
 * lock: render_lock
 *   type: spinlock
 *   acquired: yes
 *   released: yes
 *
 * notes: Use sys_render_xfer2.
 */
SYSCALL_DEFINE6(render_xfer, int, fd, void __user *, in, void __user *, out, unsigned int, nrec,
		void __user *, opt, unsigned int, align)

/**
 * sys_render_misc - the remaining constraint types
 * @pages: a page-aligned length
 * @order: a power of two
 * @id: not zero
 * @hook: something custom
 * @oflags: open(2) flags
 *
 * contexts: process
 *
 * param: pages
 *   type: uint, input
 *   constraint-type: page_aligned
 *
 * param: order
 *   type: uint, input
 *   constraint-type: power_of_two
 *
 * param: id
 *   type: uint, input
 *   constraint-type: nonzero
 *
 * param: hook
 *   type: custom, input
 *   constraint-type: custom(render_hook_ok)
 *
 * param: oflags
 *   type: int, input
 *   constraint-type: open_flags
 *   order: 2
 *
 * return:
 *   type: int
 *   check-type: no_return
 */
SYSCALL_DEFINE5(render_misc, unsigned long, pages, unsigned int, order, unsigned int, id,
		unsigned long, hook, int, oflags)

/**
 * render_ioc_get - read a value through an ioctl
 *
 * api-type: ioctl
 * ioctl-cmd: FS_IOC_GETFLAGS
 * contexts: process
 *
 * param: arg
 *   ctype: long __user *
 *   type: user_ptr, output
 *   constraint-type: user_ptr
 *   size: 8
 *
 * return:
 *   type: int
 *   success: 0
 *
 * error: ENOTTY, not a file that has flags
 */

/**
 * render_helper - a kernel function
 * @n: a count
 *
 * contexts: process, atomic
 *
 * param: n
 *   type: int, input
 *
 * return:
 *   type: int
 *   check-type: error_check
 */
int render_helper(int n);

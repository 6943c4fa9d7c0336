/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How the hooks copy the bytes of a struct argument (a struct open_how, an
 * array of struct iovec) from user memory: bounded by the caller, into a
 * kernel buffer of its own, without serving a page fault where the hook
 * runs with preemption disabled. The kernel copies the same bytes again
 * when the call runs; kapi's copy changes nothing it reads. Apart from
 * compat.h for the same reason as user_string.h: the check engine's
 * decoding (check.c) uses it.
 */
#ifndef KAPI_COMPAT_USER_STRUCT_H
#define KAPI_COMPAT_USER_STRUCT_H

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/uaccess.h>

/*
 * kapi_compat_copy_user() - copy @n bytes from user address @src to @dst
 * @dst: a kernel buffer of at least @n bytes
 * @src: the user address
 * @n: bytes, small (the caller's stack buffer)
 * @atomic: preemption is disabled: page faults must not be served
 *
 * A range outside user space fails as the kernel's own copy would
 * (access_ok()). With @atomic the copy runs with page faults disabled
 * (__copy_from_user_inatomic(), as copy_from_user_nofault() does), and a
 * fault may only mean that a page is not present: the caller decodes
 * again where faults are served. Without it, copy_from_user() serves
 * faults as the system call's own copy will.
 *
 * Return: 0; -EFAULT if the bytes cannot be read; -EAGAIN if @atomic and a
 * fault was not served.
 */
static inline int kapi_compat_copy_user(void *dst, const void __user *src,
					size_t n, bool atomic)
{
	unsigned long left;

	if (!access_ok(src, n))
		return -EFAULT;
	if (!atomic)
		return copy_from_user(dst, src, n) ? -EFAULT : 0;
	pagefault_disable();
	left = __copy_from_user_inatomic(dst, src, n);
	pagefault_enable();
	return left ? -EAGAIN : 0;
}

/*
 * kapi_compat_copy_user_words() - kapi_compat_copy_user() of @words (1 or
 * 2) aligned 8-byte words to @dst: one load each between
 * user_access_begin() and user_access_end(), no copy routine to call.
 * Return: as kapi_compat_copy_user().
 */
static __always_inline int kapi_compat_copy_user_words(u64 *dst,
						       const void __user *src,
						       u32 words, bool atomic)
{
	const u64 __user *p = src;
	int err = 0;

	if (atomic)
		pagefault_disable();
	if (!user_access_begin(src, words * sizeof(u64))) {
		err = -EFAULT;
		goto out;
	}
	unsafe_get_user(dst[0], p, fault);
	if (words > 1)
		unsafe_get_user(dst[1], p + 1, fault);
	user_access_end();
	goto out;
fault:
	user_access_end();
	err = atomic ? -EAGAIN : -EFAULT;
out:
	if (atomic)
		pagefault_enable();
	return err;
}

#endif /* KAPI_COMPAT_USER_STRUCT_H */

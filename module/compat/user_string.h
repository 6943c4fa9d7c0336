/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the hooks measure of a string argument on the path of every call
 * that has one (a path): its length within a limit and its first byte,
 * read inline, one aligned word at a time, with the kernel's word-at-a-time
 * helpers. Apart from compat.h because the check engine's decoding
 * (check.h), which compat.h includes, uses it.
 */
#ifndef KAPI_COMPAT_USER_STRING_H
#define KAPI_COMPAT_USER_STRING_H

#include <linux/kernel.h>
#include <linux/uaccess.h>
#include <asm/word-at-a-time.h>

/*
 * kapi_compat_strnlen_user() - strnlen_user(@s, @limit), and the string's
 * first byte in *@head when that is not 0
 * @s: the user string
 * @limit: at most this many bytes are measured, 0 < @limit
 * @head: receives the first byte
 * @atomic: preemption is disabled: page faults must not be served
 *
 * Return: as strnlen_user(): 0 if the string cannot be read, its length
 * with the NUL if that is at most @limit, else more than @limit.
 *
 * A string that ends at least @limit bytes below the top of user space,
 * the common case, is read here: aligned words never cross a page, the
 * first one begins at most 7 bytes before @s in the same page, and none
 * reaches TASK_SIZE_MAX, which is page aligned. Each word's NUL, if any,
 * is found with has_zero(). Any other address (the kernel's, a tagged
 * one) goes to strnlen_user() and get_user(), which decide for it.
 * Without calls between the opening and the closing of user access, and
 * no access to user memory after a fault.
 *
 * With @atomic, a fault fails the read instead of being served. The fault
 * handler serves none in atomic context (faulthandler_disabled()), which
 * a disabled preemption is where the kernel counts it
 * (CONFIG_PREEMPT_COUNT); elsewhere, and around strnlen_user() and
 * get_user(), whose might_fault() would complain, pagefault_disable() says
 * so.
 */
static __always_inline long kapi_compat_strnlen_user(const char __user *s,
						     long limit, char *head,
						     bool atomic)
{
	/* Whether a disabled preemption alone keeps faults from being served. */
	const bool counted = IS_ENABLED(CONFIG_PREEMPT_COUNT);
	const struct word_at_a_time ones = WORD_AT_A_TIME_CONSTANTS;
	unsigned long addr = (unsigned long)s;
	unsigned long skew = addr & (sizeof(unsigned long) - 1);
	const unsigned long __user *w =
		(const unsigned long __user *)(addr - skew);
	unsigned long word, zeros, done = 0;
	long len;

	if (unlikely(addr >= TASK_SIZE_MAX - limit))
		goto slow;
	if (atomic && !counted)
		pagefault_disable();
	if (!user_read_access_begin(w, sizeof(*w))) {
		len = 0;
		goto enable;
	}
	unsafe_get_user(word, w, fault);
	*head = (char)(word >> (8 * skew));
	/* The bytes before @s are not its NUL. */
	word |= aligned_byte_mask(skew);
	while (!has_zero(word, &zeros, &ones)) {
		done += sizeof(unsigned long);
		if ((long)(done - skew) >= limit) {
			len = limit + 1;
			goto out;
		}
		unsafe_get_user(word, w + done / sizeof(unsigned long), fault);
	}
	zeros = prep_zero_mask(word, zeros, &ones);
	zeros = create_zero_mask(zeros);
	len = done + find_zero(zeros) + 1 - skew;
out:
	user_read_access_end();
enable:
	if (atomic && !counted)
		pagefault_enable();
	return len;

fault:
	len = 0;
	goto out;

slow:
	if (atomic)
		pagefault_disable();
	len = strnlen_user(s, limit);
	if (len > 0 && get_user(*head, s))
		len = 0;
	if (atomic)
		pagefault_enable();
	return len;
}

#endif /* KAPI_COMPAT_USER_STRING_H */

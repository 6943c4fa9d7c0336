/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the kernel build gives generated spec image C that a host compiler
 * does not: the attribute macros of <linux/compiler_attributes.h>, offsetof
 * and size_t, INT_MAX and S64_MAX. generator_test compiles the golden
 * generated file against the host's UAPI headers with this file forced in
 * first (-include), to show that the output is C a compiler accepts and
 * that its bytes are a valid image.
 */
#include <limits.h>
#include <stddef.h>

#define __section(s) __attribute__((__section__(s)))
#define __aligned(n) __attribute__((__aligned__(n)))
#define __used __attribute__((__used__))
#define __force
#define S64_MAX ((long long)(~0ULL >> 1))

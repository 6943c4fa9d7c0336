// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptions of the C structures that system call parameters point to,
 * in kapi's annotation language ("struct:" comments, see
 * Documentation/spec-language.rst, "Structs"): their size, alignment and
 * fields, each field with its type, where it lies and the values the
 * kernel accepts in it. A param names one with "struct: NAME" (vec.c's
 * vec params are arrays of iovec). The numbers are C expressions that the
 * compiler evaluates for the target kernel, which is why the headers are
 * included. The descriptions are data for tools (fuzzers, documentation,
 * kapi-dump) and for kapi.ko's runtime checks, which read the struct
 * behind such a param before the call and check each field's RANGE or
 * MASK constraint (Documentation/runtime.rst, "Struct arguments"). The
 * file holds no spec, so where it sorts among the spec files does not
 * change the order of the specs; it is a generator input and is not
 * compiled on its own.
 */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/openat2.h>
#include <linux/stat.h>
#include <linux/types.h>
#include <linux/uio.h>

/**
 * struct: iovec
 * desc: One segment of a vectored transfer (readv(), writev() and the
 *   p*v calls): import_iovec() copies an array of them from user space.
 * size: sizeof(struct iovec)
 * alignment: __alignof__(struct iovec)
 *
 * field: iov_base
 *   type: user_ptr, input
 *   type-name: void __user *
 *   offset: offsetof(struct iovec, iov_base)
 *   size: sizeof(void __user *)
 *   cdesc: Start of the segment's user buffer. The segment iov_base to
 *     iov_base + iov_len must lie in user space (EFAULT); whether it is
 *     mapped is found out while copying.
 *
 * field: iov_len
 *   type: uint, input
 *   type-name: __kernel_size_t
 *   offset: offsetof(struct iovec, iov_len)
 *   size: sizeof(__kernel_size_t)
 *   constraint-type: range(0, SSIZE_MAX)
 *   errno: EINVAL
 *   cdesc: Bytes in the segment. Taken as a ssize_t it must not be
 *     negative: above SSIZE_MAX import_iovec() fails with EINVAL.
 */

/**
 * struct: open_how
 * desc: How openat2() opens a file. Size-versioned: the caller passes its
 *   size, and copy_struct_from_user() accepts a larger struct whose extra
 *   bytes are zero (else E2BIG) and refuses one smaller than
 *   OPEN_HOW_SIZE_VER0 (EINVAL).
 * size: OPEN_HOW_SIZE_LATEST
 * alignment: __alignof__(struct open_how)
 *
 * field: flags
 *   type: uint, input
 *   type-name: __u64
 *   offset: offsetof(struct open_how, flags)
 *   size: sizeof(__u64)
 *   constraint-type: mask(VALID_OPEN_FLAGS | O_CLOEXEC | __FMODE_NONOTIFY)
 *   errno: EINVAL
 *   cdesc: The O_* flags of open(). Unlike open(), openat2() refuses
 *     unknown bits, and bits above the low 32, with EINVAL.
 *     build_open_flags() first strips O_CLOEXEC and FMODE_NONOTIFY, an
 *     internal bit (0x4000000 on 6.1, 0x2000000 on 6.12) that it accepts
 *     and ignores; the mask is evaluated for each kernel. The contradictory
 *     combinations (O_CREAT with O_DIRECTORY, __O_TMPFILE without
 *     O_DIRECTORY or with O_RDONLY, O_PATH with other bits) are EINVAL too
 *     and are described in words only.
 *
 * field: mode
 *   type: uint, input
 *   type-name: __u64
 *   offset: offsetof(struct open_how, mode)
 *   size: sizeof(__u64)
 *   constraint-type: mask(S_IALLUGO)
 *   errno: EINVAL
 *   cdesc: The mode of a file that O_CREAT or O_TMPFILE creates: only
 *     permission and set-id bits (EINVAL, the rule checked), and 0 without
 *     those flags (EINVAL, in words only: the rule sees one field).
 *
 * field: resolve
 *   type: uint, input
 *   type-name: __u64
 *   offset: offsetof(struct open_how, resolve)
 *   size: sizeof(__u64)
 *   constraint-type: mask(VALID_RESOLVE_FLAGS)
 *   errno: EINVAL
 *   cdesc: RESOLVE_* bits that restrict path resolution; an unknown bit
 *     is EINVAL (the rule checked), and so are RESOLVE_BENEATH with
 *     RESOLVE_IN_ROOT together (in words only).
 */

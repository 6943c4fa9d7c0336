/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel version compatibility for kapi. Feature macros (KAPI_HAVE_*) come
 * from the probes in compat.mk; this header turns them into one interface
 * for the rest of the module and refuses kernels that already carry the
 * in-kernel Kernel API Specification framework.
 */
#ifndef KAPI_COMPAT_H
#define KAPI_COMPAT_H

#ifdef CONFIG_KAPI_SPEC
/* The kernel has the framework built in: use it, not this module. */
#error "kapi: this kernel already has CONFIG_KAPI_SPEC"
#endif

const char *kapi_compat_features(void);

#endif /* KAPI_COMPAT_H */

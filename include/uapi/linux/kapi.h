/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kapi - Kernel API Specification Framework for stock kernels: the
 * interface between kapi.ko and userspace (kapi-dump and other consumers).
 * Everything a program needs to talk to the module is defined here, once.
 *
 * Versioning rules (see Documentation/abi.rst): a change that an old reader
 * can ignore bumps the MINOR number; a change that an old reader would
 * misread bumps the MAJOR number and resets MINOR. Readers refuse a MAJOR
 * they do not know.
 */
#ifndef _UAPI_LINUX_KAPI_H
#define _UAPI_LINUX_KAPI_H

#include <linux/types.h>

/* Directory of kapi's files under the debugfs mount point. */
#define KAPI_DEBUGFS_DIR "kapi"

/* Spec image: "KAPI" in little-endian byte order at offset 0. */
#define KAPI_IMAGE_MAGIC 0x4950414bU
#define KAPI_IMAGE_VERSION_MAJOR 1
#define KAPI_IMAGE_VERSION_MINOR 0
/* ELF section that carries a module's spec image. */
#define KAPI_IMAGE_SECTION ".kapi_specs"

/* Generic netlink family. */
#define KAPI_GENL_NAME "kapi"
#define KAPI_GENL_VERSION 1

#endif /* _UAPI_LINUX_KAPI_H */

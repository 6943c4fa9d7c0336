/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between kapi.ko's layers. Each layer has an init/exit
 * pair; main.c calls them in order and unwinds in exact reverse order. The
 * layers' own headers (image.h, registry.h) hold their detailed interfaces.
 */
#ifndef KAPI_KAPI_H
#define KAPI_KAPI_H

#include <linux/types.h>

#include "uapi/linux/kapi.h"
#include "compat/compat.h"

/*
 * kapi's own spec image (module/specs/), emitted by the kapi generator into
 * section .kapi_specs of kapi.ko.
 */
extern const void *const kapi_builtin_image_data;
extern const size_t kapi_builtin_image_size;

int kapi_registry_init(void);
void kapi_registry_exit(void);

int kapi_debugfs_init(void);
void kapi_debugfs_exit(void);

#endif /* KAPI_KAPI_H */

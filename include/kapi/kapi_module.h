/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kapi.ko offers other kernel modules: registering the spec image a
 * module carries, so that its specifications appear in kapi's registry and
 * views (debugfs, netlink) for as long as the module wants. A module
 * includes this header, builds its image with the kapi generator and
 * depends on kapi.ko through these symbols; see Documentation/module-api.rst
 * and samples/kapi_sample_main.c. Kernel-only, not UAPI.
 */
#ifndef _KAPI_KAPI_MODULE_H
#define _KAPI_KAPI_MODULE_H

#include <linux/types.h>

struct module;

/*
 * KAPI_IMAGE_DECLARE(sym) - declare the image that kapi-gen generated with
 * "--symbol sym" (kapi_gen_image in module/kapi-gen.mk): sym_data points to
 * the image, sym_size is its size in bytes.
 */
#define KAPI_IMAGE_DECLARE(sym)					\
	extern const void *const sym##_data;			\
	extern const size_t sym##_size

int kapi_register_image(const void *data, size_t size, struct module *owner);
int kapi_unregister_image(const void *data);

#endif /* _KAPI_KAPI_MODULE_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between kapi.ko's layers. Each layer has an init/exit
 * pair; main.c calls them in order and unwinds in exact reverse order. The
 * layers' own headers (image.h, registry.h, check.h, report.h, hooks.h) hold
 * their detailed interfaces.
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

/*
 * enum kapi_mode - what the runtime checks do (module parameter "mode",
 * debugfs runtime/mode). OFF: the hooks stay attached and let every call
 * through unchecked. AUDIT: calls run as without kapi and are reported.
 * ENFORCE: a call that violates a parameter constraint fails with the
 * error the spec predicts, without running.
 */
enum kapi_mode {
	KAPI_MODE_OFF,
	KAPI_MODE_AUDIT,
	KAPI_MODE_ENFORCE,
	KAPI_MODE_COUNT
};

/* The name of @mode, as runtime/mode and the violation records show it. */
static inline const char *kapi_mode_name(enum kapi_mode mode)
{
	static const char *const names[] = {
		[KAPI_MODE_OFF] = "off",
		[KAPI_MODE_AUDIT] = "audit",
		[KAPI_MODE_ENFORCE] = "enforce",
	};

	return (unsigned int)mode < KAPI_MODE_COUNT ? names[mode] : "?";
}

int kapi_report_init(void);
void kapi_report_exit(void);

int kapi_hooks_init(void);
void kapi_hooks_exit(void);

int kapi_debugfs_runtime_init(void);
void kapi_debugfs_runtime_exit(void);

#endif /* KAPI_KAPI_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every layer of kapi.ko shares: the UAPI and compat headers, the
 * export of internals to kapi's KUnit tests, fault injection, kapi's own
 * spec image and the runtime mode. Each layer's interface, its init/exit
 * pair included, is in its own header (registry.h, check.h, report.h,
 * hooks.h, debugfs.h, netlink.h); main.c calls the pairs in order and
 * unwinds in exact reverse order.
 */
#ifndef KAPI_KAPI_H
#define KAPI_KAPI_H

#include <linux/build_bug.h>
#include <linux/export.h>
#include <linux/kconfig.h>
#include <linux/types.h>

#include "uapi/linux/kapi.h"
#include "compat/compat.h"

/*
 * EXPORT_SYMBOL_FOR_KAPI_KUNIT(sym) - let kapi's KUnit tests (kunit/) call
 * the internal function @sym. The export is in the symbol namespace
 * KAPI_INTERNAL, which the tests import, and exists only when the target
 * kernel has KUnit: built for a kernel without it, kapi.ko exports nothing
 * but its module API (include/kapi/kapi_module.h). Named like the kernel's
 * EXPORT_SYMBOL_IF_KUNIT(), it follows the function it exports.
 */
#if IS_ENABLED(CONFIG_KUNIT)
#define EXPORT_SYMBOL_FOR_KAPI_KUNIT(sym) \
	EXPORT_SYMBOL_NS_GPL(sym, KAPI_INTERNAL)
#else
/* Nothing: a compile-time check that @sym exists, to take the semicolon. */
#define EXPORT_SYMBOL_FOR_KAPI_KUNIT(sym) static_assert(sizeof(typeof(sym) *))
#endif

/*
 * kapi's own spec image (module/specs/), emitted by the kapi generator into
 * section .kapi_specs of kapi.ko.
 */
extern const void *const kapi_builtin_image_data;
extern const size_t kapi_builtin_image_size;

/*
 * kapi_fail() - fault injection of the steps that fail without allocating
 * (module/fault.c): true once after kapi.ko's parameter "fail" named @step.
 * Only in builds for kernels with KUnit; elsewhere always false.
 */
#if IS_ENABLED(CONFIG_KUNIT)
bool kapi_fail(const char *step);
#else
static inline bool kapi_fail(const char *step)
{
	return false;
}
#endif

/*
 * enum kapi_mode - what the runtime checks do (module parameter "mode",
 * debugfs runtime/mode). OFF: the hooks stay attached but deactivated, so
 * every call runs unchecked. AUDIT: calls run as without kapi and are reported.
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

#endif /* KAPI_KAPI_H */

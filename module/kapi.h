/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between kapi.ko's layers. Each layer has an init/exit
 * pair; main.c calls them in order and unwinds in exact reverse order. The
 * layers' own headers (image.h, registry.h, check.h, report.h, hooks.h) hold
 * their detailed interfaces.
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

int kapi_registry_init(void);
void kapi_registry_exit(void);

int kapi_debugfs_init(void);
void kapi_debugfs_exit(void);

/* What debugfs files print, for the tests (@m->private as the file has it). */
struct seq_file;
int kapi_list_show(struct seq_file *m, void *unused);
int kapi_spec_text_show(struct seq_file *m, void *unused);
int kapi_spec_json_show(struct seq_file *m, void *unused);

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

/* The filter file's parser and printer, for the tests. */
struct kapi_report_filter;
int kapi_rt_filter_parse(char *s, struct kapi_report_filter *f);
int kapi_rt_filter_show(struct seq_file *m, void *unused);

#endif /* KAPI_KAPI_H */

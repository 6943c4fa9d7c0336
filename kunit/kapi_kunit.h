/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared fixtures of kapi's KUnit tests: the spec images kapi_kunit.ko
 * carries (kapi_kunit_specs.c through kapi-gen, and an image without
 * specs), lookups of the specs and parameters the tests name, writable
 * copies of the image for tests that corrupt it, and seq_files that print
 * into memory so that the tests can read what a debugfs file would show.
 * The tests reach kapi.ko's internals through the functions it exports to
 * the namespace KAPI_INTERNAL (EXPORT_SYMBOL_FOR_KAPI_KUNIT in module/kapi.h).
 */
#ifndef KAPI_KUNIT_H
#define KAPI_KUNIT_H

#include <kunit/test.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include <kapi/kapi_module.h>

#include "check.h"
#include "image.h"

KAPI_IMAGE_DECLARE(kapi_kunit_image);
KAPI_IMAGE_DECLARE(kapi_kunit_empty);

/* Number of specs in kapi_kunit_specs.c. */
#define KAPI_KUNIT_NSPECS 12

const struct kapi_image_spec *kapi_kunit_spec(struct kunit *test,
					      const void *image,
					      const char *name);
u32 kapi_kunit_spec_index(struct kunit *test, const void *image,
			  const char *name);
u32 kapi_kunit_param_index(struct kunit *test, const void *image,
			   const struct kapi_image_spec *s, const char *name);
const struct kapi_image_param *kapi_kunit_param(struct kunit *test,
						const void *image,
						const char *spec,
						const char *param);

void *kapi_kunit_copy(struct kunit *test, size_t extra);
void *kapi_kunit_rec(void *image, enum kapi_image_table_id table, u32 index);
char *kapi_kunit_strings(void *image);

/* The context of a system call: a task, preemptible. */
#define KAPI_KUNIT_CTX_TASK (KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

/**
 * struct kapi_kunit_call - one call as a hook decodes it
 * @call: what the check engine gets
 * @type: the declared type of each parameter
 * @name: the spec's name
 */
struct kapi_kunit_call {
	struct kapi_check_call call;
	struct kapi_check_type type[KAPI_CHECK_MAX_PARAMS];
	const char *name;
};

void kapi_kunit_call_init(struct kunit *test, struct kapi_kunit_call *c,
			  const void *image, const char *spec, const u64 *raw,
			  const long *slen, u32 ctx);

__printf(2, 3) char *kapi_kunit_printf(struct kunit *test, const char *fmt,
				       ...);

struct seq_file *kapi_kunit_seq(struct kunit *test, size_t size,
				void *private);
const char *kapi_kunit_seq_text(struct kunit *test, struct seq_file *m);
void kapi_kunit_expect_text(struct kunit *test, const char *got,
			    const char *want);
const char *kapi_kunit_line(struct kunit *test, const char *text,
			    const char *prefix);

/*
 * The kernel's name of error @code (positive) where it prints names
 * (CONFIG_SYMBOLIC_ERRNAME), else NULL: what "%pe" shows decides what
 * kapi's views can print.
 */
const char *kapi_kunit_errname(int code);

#endif /* KAPI_KUNIT_H */

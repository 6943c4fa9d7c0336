// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_badimage.ko: a test of kapi's image validation from the outside, as
 * any module sees it. At load it hands kapi_register_image() a small valid
 * image, built here field by field, and corrupted copies of it, one fault
 * each; every corrupted copy must be refused with the expected error and
 * leave nothing registered; the malformed images every validator of the
 * format is tested with (include/kapi/image_bad_cases.h) are among them.
 * The results are printed as KTAP in the kernel
 * log, where scripts/guest/specs.sh reads them. The module keeps no image
 * registered; unload it after reading the results.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <kapi/kapi_module.h>

#include "uapi/linux/kapi.h"
#include "kapi/image_bad_cases.h"

/* The string table, one member per string; offset 0 is "". */
struct kapi_badimage_strings {
	char empty[1];
	char name_a[sizeof("kapi_badimage_a")];
	char name_b[sizeof("kapi_badimage_b")];
	char summary[sizeof("a spec of kapi_badimage")];
	char param_a[sizeof("arg")];
	char param_b[sizeof("len")];
	char einval[sizeof("EINVAL")];
	char sys_read[sizeof("sys_read")];
};

#define KAPI_BAD_STR(member) offsetof(struct kapi_badimage_strings, member)

/*
 * A complete image: two specs, two parameters, one error with two object
 * selectors, one record of every other table (all zero, which is valid; no
 * spec refers to them, and kapi checks them all the same), strings.
 */
struct kapi_badimage_fixture {
	struct kapi_image_header hdr;
	struct kapi_image_spec specs[2];
	struct kapi_image_param params[2];
	struct kapi_image_error errors[1];
	struct kapi_image_lock locks[1];
	struct kapi_image_signal signals[1];
	struct kapi_image_effect effects[1];
	struct kapi_image_transition transitions[1];
	struct kapi_image_cap caps[1];
	struct kapi_image_constraint constraints[1];
	struct kapi_image_num values[1];
	struct kapi_image_object objects[2];
	struct kapi_badimage_strings str;
} __aligned(KAPI_IMAGE_ALIGN);

#define KAPI_BAD_TABLE(member, n, type)					\
	{ .offset = offsetof(struct kapi_badimage_fixture, member),	\
	  .count = (n), .entsize = sizeof(type) }

static const struct kapi_badimage_fixture kapi_badimage_good = {
	.hdr = {
		.magic = KAPI_IMAGE_MAGIC,
		.version_major = KAPI_IMAGE_VERSION_MAJOR,
		.version_minor = KAPI_IMAGE_VERSION_MINOR,
		.size = sizeof(struct kapi_badimage_fixture),
		.header_size = sizeof(struct kapi_image_header),
		.table_count = KAPI_TABLE_COUNT,
		.tables = {
			[KAPI_TABLE_SPECS] = KAPI_BAD_TABLE(specs, 2,
							    struct kapi_image_spec),
			[KAPI_TABLE_PARAMS] = KAPI_BAD_TABLE(params, 2,
							     struct kapi_image_param),
			[KAPI_TABLE_ERRORS] = KAPI_BAD_TABLE(errors, 1,
							     struct kapi_image_error),
			[KAPI_TABLE_LOCKS] = KAPI_BAD_TABLE(locks, 1,
							    struct kapi_image_lock),
			[KAPI_TABLE_SIGNALS] =
				KAPI_BAD_TABLE(signals, 1,
					       struct kapi_image_signal),
			[KAPI_TABLE_EFFECTS] =
				KAPI_BAD_TABLE(effects, 1,
					       struct kapi_image_effect),
			[KAPI_TABLE_TRANSITIONS] =
				KAPI_BAD_TABLE(transitions, 1,
					       struct kapi_image_transition),
			[KAPI_TABLE_CAPS] = KAPI_BAD_TABLE(caps, 1,
							   struct kapi_image_cap),
			[KAPI_TABLE_CONSTRAINTS] =
				KAPI_BAD_TABLE(constraints, 1,
					       struct kapi_image_constraint),
			[KAPI_TABLE_VALUES] = KAPI_BAD_TABLE(values, 1,
							     struct kapi_image_num),
			[KAPI_TABLE_OBJECTS] =
				KAPI_BAD_TABLE(objects, 2,
					       struct kapi_image_object),
			[KAPI_TABLE_STRINGS] = {
				.offset = offsetof(struct kapi_badimage_fixture,
						   str),
				.count = sizeof(struct kapi_badimage_strings),
				.entsize = 1,
			},
			/* Format 2.1's tables, empty. */
			[KAPI_TABLE_STRUCTS] = {
				.entsize = sizeof(struct kapi_image_struct),
			},
			[KAPI_TABLE_FIELDS] = {
				.entsize = sizeof(struct kapi_image_struct_field),
			},
		},
	},
	.specs = {
		{
			.name = KAPI_BAD_STR(name_a),
			.kind = KAPI_KIND_FUNCTION,
			.summary = KAPI_BAD_STR(summary),
			.context = KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE,
			.params = { .first = 0, .count = 2 },
			.errors = { .first = 0, .count = 1 },
			.ret = {
				.type = KAPI_TYPE_INT,
				.check = KAPI_RETURN_EXACT,
			},
		},
		{
			.name = KAPI_BAD_STR(name_b),
			.kind = KAPI_KIND_FUNCTION,
			.summary = KAPI_BAD_STR(summary),
			.ret = { .type = KAPI_TYPE_VOID },
		},
	},
	.params = {
		{
			.name = KAPI_BAD_STR(param_a),
			.type = KAPI_TYPE_PTR,
			.flags = KAPI_PARAM_IN,
			.constraint = KAPI_CONSTRAINT_BUFFER,
			.size_param = 1,
			.count_param = -1,
			.violation_error = -EINVAL,
		},
		{
			.name = KAPI_BAD_STR(param_b),
			.type = KAPI_TYPE_UINT,
			.flags = KAPI_PARAM_IN,
			.constraint = KAPI_CONSTRAINT_RANGE,
			.size_param = -1,
			.count_param = -1,
			.max = { .value = 4096 },
		},
	},
	.errors = {
		{
			.code = -EINVAL,
			.name = KAPI_BAD_STR(einval),
			.objects = { .first = 0, .count = 2 },
		},
	},
	.objects = {
		{ .type = KAPI_OBJ_REG, .impl = KAPI_IMPL_ANY },
		{ .type = KAPI_OBJ_ANY, .impl = KAPI_IMPL_PROC },
	},
	.str = {
		.name_a = "kapi_badimage_a",
		.name_b = "kapi_badimage_b",
		.summary = "a spec of kapi_badimage",
		.param_a = "arg",
		.param_b = "len",
		.einval = "EINVAL",
		.sys_read = "sys_read",
	},
};

/* One fault each; @size may be changed too. */
struct kapi_badimage_case {
	const char *what;
	int expect;
	void (*corrupt)(struct kapi_badimage_fixture *f, size_t *size);
};

static void kapi_bad_none(struct kapi_badimage_fixture *f, size_t *size)
{
}

static void kapi_bad_minor(struct kapi_badimage_fixture *f, size_t *size)
{
	f->hdr.version_minor = KAPI_IMAGE_VERSION_MINOR + 7;
}

static void kapi_bad_magic(struct kapi_badimage_fixture *f, size_t *size)
{
	f->hdr.magic = 0x464c457f;	/* "\x7fELF" */
}

static void kapi_bad_major(struct kapi_badimage_fixture *f, size_t *size)
{
	f->hdr.version_major = KAPI_IMAGE_VERSION_MAJOR + 1;
}

static void kapi_bad_truncated(struct kapi_badimage_fixture *f, size_t *size)
{
	*size -= KAPI_IMAGE_ALIGN;
}

static void kapi_bad_short(struct kapi_badimage_fixture *f, size_t *size)
{
	*size = sizeof(f->hdr) / 2;
}

static void kapi_bad_overflow(struct kapi_badimage_fixture *f, size_t *size)
{
	f->hdr.tables[KAPI_TABLE_PARAMS].count = U32_MAX;
}

static void kapi_bad_align(struct kapi_badimage_fixture *f, size_t *size)
{
	f->hdr.tables[KAPI_TABLE_ERRORS].offset += 4;
}

static void kapi_bad_string(struct kapi_badimage_fixture *f, size_t *size)
{
	f->specs[1].summary = sizeof(f->str) + 100;
}

/* The padding after the string table is zero, but not part of the table. */
static void kapi_bad_unterminated(struct kapi_badimage_fixture *f,
				  size_t *size)
{
	f->str.sys_read[sizeof(f->str.sys_read) - 1] = 'x';
	f->specs[1].summary = KAPI_BAD_STR(sys_read);
}

static void kapi_bad_enum(struct kapi_badimage_fixture *f, size_t *size)
{
	f->specs[0].kind = KAPI_KIND_COUNT;
}

static void kapi_bad_bit(struct kapi_badimage_fixture *f, size_t *size)
{
	f->specs[0].context |= KAPI_CTX_ALL + 1;
}

static void kapi_bad_reserved(struct kapi_badimage_fixture *f, size_t *size)
{
	f->params[1].max.reserved = 1;
}

/* A 32-bit number has no reserved field, but its expression is checked. */
static void kapi_bad_num32_expr(struct kapi_badimage_fixture *f, size_t *size)
{
	f->params[0].alignment.expr = sizeof(f->str);
}

static void kapi_bad_slice(struct kapi_badimage_fixture *f, size_t *size)
{
	f->specs[1].errors.first = 1;
	f->specs[1].errors.count = 1;
}

static void kapi_bad_size_param(struct kapi_badimage_fixture *f, size_t *size)
{
	f->params[0].size_param = 0;
}

static void kapi_bad_errno(struct kapi_badimage_fixture *f, size_t *size)
{
	f->errors[0].code = EINVAL;
}

static void kapi_bad_dup_object(struct kapi_badimage_fixture *f, size_t *size)
{
	f->objects[1] = f->objects[0];
}

static void kapi_bad_object_slice(struct kapi_badimage_fixture *f,
				  size_t *size)
{
	f->errors[0].objects.count = 3;
}

static void kapi_bad_empty_name(struct kapi_badimage_fixture *f, size_t *size)
{
	f->specs[1].name = 0;
}

static void kapi_bad_dup_name(struct kapi_badimage_fixture *f, size_t *size)
{
	f->specs[1].name = f->specs[0].name;
}

static void kapi_bad_builtin_name(struct kapi_badimage_fixture *f,
				  size_t *size)
{
	f->specs[1].name = KAPI_BAD_STR(sys_read);
}

static const struct kapi_badimage_case kapi_badimage_cases[] = {
	{ "a valid image is accepted", 0, kapi_bad_none },
	{ "a newer minor version is accepted", 0, kapi_bad_minor },
	{ "bad magic is refused", -ENOEXEC, kapi_bad_magic },
	{ "an unknown major version is refused", -EOPNOTSUPP, kapi_bad_major },
	{ "a truncated image is refused", -EBADMSG, kapi_bad_truncated },
	{ "an image shorter than a header is refused", -EBADMSG,
	  kapi_bad_short },
	{ "a table past the end of the image is refused", -EBADMSG,
	  kapi_bad_overflow },
	{ "a misaligned table is refused", -EBADMSG, kapi_bad_align },
	{ "a string offset out of range is refused", -EBADMSG,
	  kapi_bad_string },
	{ "an unterminated string is refused", -EBADMSG,
	  kapi_bad_unterminated },
	{ "an enum value out of range is refused", -EBADMSG, kapi_bad_enum },
	{ "an undefined flag bit is refused", -EBADMSG, kapi_bad_bit },
	{ "a nonzero reserved field is refused", -EBADMSG, kapi_bad_reserved },
	{ "a 32-bit number's expression out of range is refused", -EBADMSG,
	  kapi_bad_num32_expr },
	{ "a slice out of range is refused", -EBADMSG, kapi_bad_slice },
	{ "a self-referencing size_param is refused", -EBADMSG,
	  kapi_bad_size_param },
	{ "a positive error code is refused", -EBADMSG, kapi_bad_errno },
	{ "the same object selector twice in an error is refused", -EBADMSG,
	  kapi_bad_dup_object },
	{ "an object slice out of range is refused", -EBADMSG,
	  kapi_bad_object_slice },
	{ "an empty spec name is refused", -EBADMSG, kapi_bad_empty_name },
	{ "a duplicate name in the image is refused", -EEXIST,
	  kapi_bad_dup_name },
	{ "the name of a kapi built-in spec is refused", -EEXIST,
	  kapi_bad_builtin_name },
};

/* Extra cases that are not a corruption of one copy. */
#define KAPI_BADIMAGE_EXTRA 6

static unsigned int kapi_badimage_n;
static unsigned int kapi_badimage_failed;

static void kapi_badimage_report(bool ok, const char *what, int got,
				 int expect)
{
	kapi_badimage_n++;
	if (ok) {
		pr_info("ok %u %s\n", kapi_badimage_n, what);
		return;
	}
	kapi_badimage_failed++;
	pr_info("# got %pe, expected %pe\n", ERR_PTR(got), ERR_PTR(expect));
	pr_info("not ok %u %s\n", kapi_badimage_n, what);
}

/*
 * Register a corrupted copy; check the result, and that nothing of a
 * refused image is registered (unregistering it finds nothing).
 */
static void kapi_badimage_run(const struct kapi_badimage_case *c)
{
	struct kapi_badimage_fixture *f;
	size_t size = sizeof(*f);
	int ret, left;

	f = kmemdup(&kapi_badimage_good, sizeof(*f), GFP_KERNEL);
	if (!f) {
		kapi_badimage_report(false, c->what, -ENOMEM, c->expect);
		return;
	}
	c->corrupt(f, &size);
	ret = kapi_register_image(f, size, THIS_MODULE);
	left = kapi_unregister_image(f);
	kapi_badimage_report(ret == c->expect &&
			     left == (c->expect ? -ENOENT : 0),
			     c->what, ret, c->expect);
	kfree(f);
}

/* A malformed image of include/kapi/image_bad_cases.h: register a copy. */
static void kapi_badimage_run_shared(const struct kapi_image_bad_case *c)
{
	struct kapi_badimage_fixture *f;
	int ret, left;

	f = kmemdup(&kapi_badimage_good, sizeof(*f), GFP_KERNEL);
	if (!f) {
		kapi_badimage_report(false, c->what, -ENOMEM, c->err);
		return;
	}
	kapi_image_bad_apply(f, c);
	ret = kapi_register_image(f, sizeof(*f), THIS_MODULE);
	left = kapi_unregister_image(f);
	if (ret != c->err)
		pr_info("# kapi refuses it with the reason \"%s\"\n", c->reason);
	kapi_badimage_report(ret == c->err && left == -ENOENT, c->what, ret,
			     c->err);
	kfree(f);
}

/* Two copies of one image: the names of the first block the second. */
static void kapi_badimage_run_twice(void)
{
	const char *what = "a name another image registered is refused";
	struct kapi_badimage_fixture *a, *b;
	int ret = -ENOMEM, first = -ENOMEM;

	a = kmemdup(&kapi_badimage_good, sizeof(*a), GFP_KERNEL);
	b = kmemdup(&kapi_badimage_good, sizeof(*b), GFP_KERNEL);
	if (a && b) {
		first = kapi_register_image(a, sizeof(*a), THIS_MODULE);
		ret = kapi_register_image(b, sizeof(*b), THIS_MODULE);
		kapi_badimage_report(first == 0 && ret == -EEXIST, what, ret,
				     -EEXIST);
		ret = kapi_register_image(a, sizeof(*a), THIS_MODULE);
		kapi_badimage_report(first == 0 && ret == -EEXIST,
				     "the same image registered twice is refused",
				     ret, -EEXIST);
		ret = kapi_unregister_image(b);
		kapi_badimage_report(ret == -ENOENT,
				     "a refused image is not registered", ret,
				     -ENOENT);
		ret = kapi_unregister_image(a);
		kapi_badimage_report(ret == 0, "the first image unregisters",
				     ret, 0);
	} else {
		kapi_badimage_report(false, what, -ENOMEM, -EEXIST);
	}
	kfree(b);
	kfree(a);
}

static int __init kapi_badimage_init(void)
{
	unsigned int i;
	int ret;

	pr_info("KTAP version 1\n");
	pr_info("1..%zu\n",
		ARRAY_SIZE(kapi_badimage_cases) +
		ARRAY_SIZE(kapi_image_bad_cases) + KAPI_BADIMAGE_EXTRA);
	for (i = 0; i < ARRAY_SIZE(kapi_badimage_cases); i++)
		kapi_badimage_run(&kapi_badimage_cases[i]);
	for (i = 0; i < ARRAY_SIZE(kapi_image_bad_cases); i++)
		kapi_badimage_run_shared(&kapi_image_bad_cases[i]);
	kapi_badimage_run_twice();

	ret = kapi_register_image(NULL, 0, THIS_MODULE);
	kapi_badimage_report(ret == -EINVAL, "no image is refused", ret,
			     -EINVAL);
	/* kapi must refuse this before it reads beyond the fixture. */
	ret = kapi_register_image(&kapi_badimage_good,
				  (size_t)KAPI_IMAGE_MAX_SIZE + 1, THIS_MODULE);
	kapi_badimage_report(ret == -E2BIG,
			     "an image larger than KAPI_IMAGE_MAX_SIZE is refused",
			     ret, -E2BIG);

	pr_info("# %u of %u cases failed\n", kapi_badimage_failed,
		kapi_badimage_n);
	return 0;
}

static void __exit kapi_badimage_exit(void)
{
}

module_init(kapi_badimage_init);
module_exit(kapi_badimage_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kapi test: corrupted spec images are refused");

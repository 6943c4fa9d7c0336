// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_kunit.ko: KUnit tests of kapi.ko's layers, one suite per layer
 * (image validation, registry, check engine, reports, debugfs views) in
 * the *_test.c files of this directory. This file holds the module's
 * declarations and the fixtures the suites share: finding the specs of the
 * test image by name, writable copies of it, and seq_files backed by
 * memory. The suites run when the module is loaded, on a kernel with
 * KUnit, with kapi.ko loaded first; results are in the kernel log and in
 * /sys/kernel/debug/kunit/<suite>/results as KTAP.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "kapi_kunit.h"

/**
 * kapi_kunit_spec_index() - the index of a spec of an image
 * @test: the test, failed if there is no such spec
 * @image: a validated image
 * @name: the spec's name
 *
 * Return: the index of the spec in the image's specs table.
 */
u32 kapi_kunit_spec_index(struct kunit *test, const void *image,
			  const char *name)
{
	u32 i;

	for (i = 0; i < kapi_image_spec_count(image); i++)
		if (!strcmp(kapi_image_spec_name(image,
						 kapi_image_spec(image, i)),
			    name))
			return i;
	KUNIT_ASSERT_TRUE_MSG(test, false, "no spec %s in the test image", name);
	return 0;
}

/**
 * kapi_kunit_spec() - a spec of an image, by name
 * @test: the test, failed if there is no such spec
 * @image: a validated image
 * @name: the spec's name
 *
 * Return: the spec record.
 */
const struct kapi_image_spec *kapi_kunit_spec(struct kunit *test,
					      const void *image,
					      const char *name)
{
	return kapi_image_spec(image, kapi_kunit_spec_index(test, image, name));
}

/**
 * kapi_kunit_param_index() - the index of a parameter of a spec, by name
 * @test: the test, failed if there is no such parameter
 * @image: a validated image
 * @s: a spec of @image
 * @name: the parameter's name
 *
 * Return: the parameter's index in @s's parameter list.
 */
u32 kapi_kunit_param_index(struct kunit *test, const void *image,
			   const struct kapi_image_spec *s, const char *name)
{
	u32 i;

	for (i = 0; i < s->params.count; i++)
		if (!strcmp(kapi_image_str(image,
					   kapi_image_param(image, s, i)->name),
			    name))
			return i;
	KUNIT_ASSERT_TRUE_MSG(test, false, "no parameter %s", name);
	return 0;
}

/**
 * kapi_kunit_param() - a parameter of a spec of the test image, by name
 * @test: the test, failed if there is no such parameter
 * @image: a validated image
 * @spec: the spec's name
 * @param: the parameter's name
 *
 * Return: the parameter record.
 */
const struct kapi_image_param *kapi_kunit_param(struct kunit *test,
						const void *image,
						const char *spec,
						const char *param)
{
	const struct kapi_image_spec *s = kapi_kunit_spec(test, image, spec);

	return kapi_image_param(image, s,
				kapi_kunit_param_index(test, image, s, param));
}

/**
 * kapi_kunit_copy() - a writable copy of the test image
 * @test: the test; the copy is freed when it ends
 * @extra: zero bytes to append after the image
 *
 * Return: the copy.
 */
void *kapi_kunit_copy(struct kunit *test, size_t extra)
{
	void *copy;

	copy = kunit_kzalloc(test, kapi_kunit_image_size + extra, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, copy);
	memcpy(copy, kapi_kunit_image_data, kapi_kunit_image_size);
	return copy;
}

/**
 * kapi_kunit_rec() - a record of a copy of an image, writable
 * @image: the copy
 * @table: the table
 * @index: the record's index
 *
 * Return: the record.
 */
void *kapi_kunit_rec(void *image, enum kapi_image_table_id table, u32 index)
{
	return (void *)kapi_image_record(image, table, index);
}

/**
 * kapi_kunit_strings() - the string table of a copy of an image, writable
 * @image: the copy
 *
 * Return: the first byte of the string table.
 */
char *kapi_kunit_strings(void *image)
{
	return kapi_kunit_rec(image, KAPI_TABLE_STRINGS, 0);
}

/**
 * kapi_kunit_call_init() - put a call together as a hook does
 * @test: the test
 * @c: the call
 * @image: a validated image
 * @spec: the name of the spec called
 * @raw: the argument registers (NULL: all 0)
 * @slen: what strnlen_user() returned for each string argument (NULL: 0)
 * @ctx: the KAPI_CTX_* bits of the calling context
 *
 * The parameters' types and the arguments in those types come from the
 * check engine's own functions, as in the hooks.
 */
void kapi_kunit_call_init(struct kunit *test, struct kapi_kunit_call *c,
			  const void *image, const char *spec, const u64 *raw,
			  const long *slen, u32 ctx)
{
	const struct kapi_image_spec *s = kapi_kunit_spec(test, image, spec);
	u32 i;

	memset(c, 0, sizeof(*c));
	c->name = spec;
	c->call.image = image;
	c->call.spec = s;
	c->call.nargs = min_t(u32, s->params.count, KAPI_CHECK_MAX_PARAMS);
	c->call.type = c->type;
	c->call.context = ctx;
	for (i = 0; i < c->call.nargs; i++) {
		c->type[i] = kapi_check_param_type(image,
						   kapi_image_param(image, s, i));
		c->call.args[i] = kapi_check_convert(raw ? raw[i] : 0,
						     c->type[i]);
		c->call.slen[i] = slen ? slen[i] : 0;
	}
}

/**
 * kapi_kunit_printf() - a formatted string
 * @test: the test, failed if there is no memory; the string is freed
 *	  when it ends
 * @fmt: the format
 *
 * Return: the string.
 */
char *kapi_kunit_printf(struct kunit *test, const char *fmt, ...)
{
	va_list args;
	char *buf;
	int len;

	va_start(args, fmt);
	len = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	buf = kunit_kzalloc(test, len + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	va_start(args, fmt);
	vsnprintf(buf, len + 1, fmt, args);
	va_end(args);
	return buf;
}

/**
 * kapi_kunit_seq() - a seq_file that prints into memory
 * @test: the test; the memory is freed when it ends
 * @size: room for this many bytes of output
 * @private: what the show function finds in m->private
 *
 * The show functions of kapi's debugfs files print into it as they print
 * into a file; kapi_kunit_seq_text() returns what they printed.
 *
 * Return: the seq_file.
 */
struct seq_file *kapi_kunit_seq(struct kunit *test, size_t size,
				void *private)
{
	struct seq_file *m;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m);
	/* One more byte than seq_file may use, for the terminating NUL. */
	m->buf = kunit_kzalloc(test, size + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m->buf);
	m->size = size;
	m->private = private;
	return m;
}

/**
 * kapi_kunit_seq_text() - what was printed into a kapi_kunit_seq()
 * @test: the test, failed if the output did not fit
 * @m: the seq_file
 *
 * Return: the output, NUL-terminated.
 */
const char *kapi_kunit_seq_text(struct kunit *test, struct seq_file *m)
{
	KUNIT_ASSERT_FALSE_MSG(test, seq_has_overflowed(m),
			       "output longer than %zu bytes", m->size);
	m->buf[m->count] = '\0';
	return m->buf;
}

/**
 * kapi_kunit_expect_text() - expect a text, line by line
 * @test: the test
 * @got: the text
 * @want: the text expected
 *
 * A mismatch is reported with the number and content of the first line
 * that differs, which a comparison of whole texts would bury.
 */
void kapi_kunit_expect_text(struct kunit *test, const char *got,
			    const char *want)
{
	unsigned int line = 1;
	size_t n, m;

	while (*got && *want) {
		n = strchrnul(got, '\n') - got;
		m = strchrnul(want, '\n') - want;
		if (n != m || memcmp(got, want, n)) {
			KUNIT_FAIL(test, "line %u is \"%.*s\", expected \"%.*s\"",
				   line, (int)n, got, (int)m, want);
			return;
		}
		got += n + !!got[n];
		want += m + !!want[m];
		line++;
	}
	if (*got || *want)
		KUNIT_FAIL(test, "from line %u: got \"%.40s\", expected \"%.40s\"",
			   line, got, want);
}

/**
 * kapi_kunit_line() - the line of a text that starts with a prefix
 * @test: the test, failed if there is no such line
 * @text: the text
 * @prefix: what the line starts with
 *
 * Return: the line without its newline, in memory the test owns.
 */
const char *kapi_kunit_line(struct kunit *test, const char *text,
			    const char *prefix)
{
	size_t len = strlen(prefix);
	const char *p = text;
	char *line;

	while (*p) {
		const char *end = strchrnul(p, '\n');

		if (!strncmp(p, prefix, len)) {
			line = kunit_kzalloc(test, end - p + 1, GFP_KERNEL);
			KUNIT_ASSERT_NOT_ERR_OR_NULL(test, line);
			memcpy(line, p, end - p);
			return line;
		}
		p = *end ? end + 1 : end;
	}
	KUNIT_ASSERT_TRUE_MSG(test, false, "no line starts with \"%s\"", prefix);
	return NULL;
}

/**
 * kapi_kunit_errname() - the kernel's name of an error code, if it has names
 * @code: a positive error code
 *
 * Return: the name of @code (for the codes the tests use) on a kernel with
 * CONFIG_SYMBOLIC_ERRNAME; NULL on one without.
 */
const char *kapi_kunit_errname(int code)
{
	static const char *const names[] = {
		[EPERM] = "EPERM", [ENOENT] = "ENOENT", [ESRCH] = "ESRCH",
		[EINTR] = "EINTR", [EIO] = "EIO", [ENXIO] = "ENXIO",
		[E2BIG] = "E2BIG", [ENOEXEC] = "ENOEXEC", [EBADF] = "EBADF",
		[ECHILD] = "ECHILD", [EAGAIN] = "EAGAIN", [ENOMEM] = "ENOMEM",
		[EACCES] = "EACCES", [EFAULT] = "EFAULT",
		[ENOTBLK] = "ENOTBLK", [EBUSY] = "EBUSY", [EEXIST] = "EEXIST",
		[EXDEV] = "EXDEV", [ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR",
		[EISDIR] = "EISDIR", [EINVAL] = "EINVAL", [ENFILE] = "ENFILE",
		[EMFILE] = "EMFILE", [ENOTTY] = "ENOTTY",
		[ETXTBSY] = "ETXTBSY", [EFBIG] = "EFBIG", [ENOSPC] = "ENOSPC",
		[ESPIPE] = "ESPIPE", [EROFS] = "EROFS", [EMLINK] = "EMLINK",
		[EPIPE] = "EPIPE", [EDOM] = "EDOM", [ERANGE] = "ERANGE",
		/* The errno slots case uses the codes up to 65. */
		[EDEADLK] = "EDEADLK", [ENAMETOOLONG] = "ENAMETOOLONG",
		/* 38 is ENOSYS: a name, not a use (checkpatch warns of one) */
		[ENOLCK] = "ENOLCK", [38] = "ENOSYS",
		[ENOTEMPTY] = "ENOTEMPTY", [ELOOP] = "ELOOP",
		[ENOMSG] = "ENOMSG", [EIDRM] = "EIDRM", [ECHRNG] = "ECHRNG",
		[EL2NSYNC] = "EL2NSYNC", [EL3HLT] = "EL3HLT",
		[EL3RST] = "EL3RST", [ELNRNG] = "ELNRNG",
		[EUNATCH] = "EUNATCH", [ENOCSI] = "ENOCSI",
		[EL2HLT] = "EL2HLT", [EBADE] = "EBADE", [EBADR] = "EBADR",
		[EXFULL] = "EXFULL", [ENOANO] = "ENOANO",
		[EBADRQC] = "EBADRQC", [EBADSLT] = "EBADSLT",
		[EBFONT] = "EBFONT", [ENOSTR] = "ENOSTR",
		[ENODATA] = "ENODATA", [ETIME] = "ETIME", [ENOSR] = "ENOSR",
		[ENONET] = "ENONET", [ENOPKG] = "ENOPKG",
	};

	if (!IS_ENABLED(CONFIG_SYMBOLIC_ERRNAME) || code <= 0 ||
	    code >= ARRAY_SIZE(names))
		return NULL;
	return names[code];
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests of kapi.ko");
MODULE_IMPORT_NS(KAPI_INTERNAL);

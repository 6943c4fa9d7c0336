/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The conformance test program (Documentation/testing.rst, "Conformance
 * tests"): the case tables come from the specs (kapi-gen --conformance
 * writes them into the build tree), the runner (conform.c) and the
 * fixtures (fixtures.c) are written once here and shared by every spec.
 */
#ifndef KAPI_CONFORM_H
#define KAPI_CONFORM_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
/* RWF_SUPPORTED and UIO_MAXIOV, named by the vectored calls' specs. */
#include <linux/fs.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/types.h>
#include <unistd.h>
/* struct open_how and RESOLVE_*; PAGE_SIZE: named by openat2's spec. */
#include <linux/openat2.h>
#include <sys/user.h>

/*
 * The size of the first published struct open_how, fixed by the ABI; the
 * kernel defines it in include/linux/fcntl.h, which is not exported.
 */
#ifndef OPEN_HOW_SIZE_VER0
#define OPEN_HOW_SIZE_VER0 24
#endif

/*
 * What kapi's struct rules (module/specs/structs.c) name that the kernel
 * does not export to user space: the same on 6.1 and 6.12 but for
 * FMODE_NONOTIFY, an internal bit that openat2() strips from how->flags,
 * 0x4000000 on 6.1 and 0x2000000 on 6.12: the runner asks the kernel which
 * one it accepts (cf_fmode_nonotify) before cf_structs_init().
 */
#ifndef OPEN_HOW_SIZE_LATEST
#define OPEN_HOW_SIZE_LATEST OPEN_HOW_SIZE_VER0
#endif
#ifndef VALID_OPEN_FLAGS
#define VALID_OPEN_FLAGS                                                              \
	(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | \
	 O_NDELAY | O_NONBLOCK | O_SYNC | O_DSYNC |   FASYNC | O_DIRECT | O_LARGEFILE |  \
	 O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH | __O_TMPFILE)
#endif
#ifndef VALID_RESOLVE_FLAGS
#define VALID_RESOLVE_FLAGS                                                 \
	(RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS |      \
	 RESOLVE_BENEATH | RESOLVE_IN_ROOT | RESOLVE_CACHED)
#endif
#ifndef S_IALLUGO
#define S_IALLUGO (S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)
#endif
/* The kernel's annotation in the fields' C types (void __user *). */
#ifndef __user
#define __user
#endif
#ifndef UIO_MAXIOV
#define UIO_MAXIOV 1024
#endif
extern long cf_fmode_nonotify;
#define __FMODE_NONOTIFY cf_fmode_nonotify

#define CF_MAX_ARGS 6
#define CF_MAX_SETUP 4
#define CF_MAX_CHECKS 4

/* One argument: a fixture's value, or a constant. */
struct cf_arg {
	long (*fx)(void);
	long val;
	const char *text;
};

#define CF_FX(name) { cf_fx_##name, 0, #name }
#define CF_VAL(expr) { NULL, (long)(expr), #expr }

/*
 * A parameter's constraint as the spec has it (enum kapi_constraint_type,
 * the access bits of a descriptor), for the count of the violations kapi
 * must report for a call.
 */
/* A field of a struct param, as kapi checks it (struct kapi_check_field). */
struct cf_field {
	long offset, size;
	int constraint;		/* RANGE or MASK; others are not checked */
	bool is_signed;
	long min, max;
	unsigned long mask;
};

struct cf_param {
	const char *name;
	int constraint;
	bool optional;
	int bits;		/* the declared type as kapi reads it */
	bool is_signed;
	long min, max;		/* RANGE */
	unsigned long mask;	/* MASK: valid bits; FD: enum kapi_fd_access */
	int size_param;		/* BUFFER */
	long size_mult;
	long size;		/* USER_PTR */
	long alignment;		/* ALIGNMENT */
	int nvalues;		/* ENUM */
	const long *values;
	/* The struct kapi reads behind the param (module/check.c). */
	long struct_size;	/* bytes of one element; 0: no struct */
	int count_param;	/* an array's count, or -1 (size-versioned by size_param) */
	long max_count;		/* an array's most elements, 0: 1024 */
	int nfields;
	const struct cf_field *fields;
};

struct cf_spec {
	bool hooked;		/* a system call, which kapi checks at run time */
	int nparams;
	struct cf_param params[CF_MAX_ARGS];
};

/* The call a case makes, as its checks see it. */
struct cf_call {
	const struct cf_case *c;
	long args[CF_MAX_ARGS];
	long ret;
	int err;
	off_t pos;		/* pos_unchanged: the position before the call */
	const char *path;	/* not_created: the path it looks at */
};

/* A side effect verified around the call; false fails the case. */
struct cf_check {
	const char *name;
	bool (*before)(struct cf_call *call);
	bool (*after)(struct cf_call *call);
};

struct cf_case {
	const struct cf_spec *spec;
	const char *api;	/* "sys_read" */
	const char *error;	/* "EBADF"; "" when the call must succeed */
	int err;		/* its number; 0 when the call must succeed */
	bool bound;		/* a constraint bound, not an error's trigger */
	bool not_err;		/* a bound inside: any outcome but err */
	const char *label;	/* the trigger as written, or the bound's value */
	const char *where;	/* file:line of the trigger or the spec */
	long nr;		/* the system call number */
	int nargs;
	struct cf_arg args[CF_MAX_ARGS];
	void (*setup[CF_MAX_SETUP])(void);
	const struct cf_check *checks[CF_MAX_CHECKS];
};

/* How the spec treats a documented error. */
enum { CF_TRIGGER, CF_NONE, CF_UNTRIAGED };

struct cf_error {
	const char *api;
	const char *error;
	int how;
};

extern const struct cf_case cf_cases[];
void cf_structs_init(void);
extern const unsigned int cf_cases_count;
extern const struct cf_error cf_errors[];
extern const unsigned int cf_errors_count;

/* Exit statuses of a case's child process. */
enum { CF_PASS = 0, CF_FAIL = 1, CF_BROKEN = 2, CF_SKIP = 3 };

/*
 * For fixtures: a fixture that cannot be built ends the case, as a failure
 * (cf_broken) or, when the guest lacks what it needs, as a skip (cf_skip).
 */
__attribute__((noreturn, format(printf, 1, 2))) void cf_broken(const char *fmt, ...);
__attribute__((noreturn, format(printf, 1, 2))) void cf_skip(const char *fmt, ...);
__attribute__((format(printf, 1, 2))) void cf_diag(const char *fmt, ...);

/* The case the process runs (for fixtures that take its error). */
extern const struct cf_case *cf_current;

/*
 * Puts back what fixtures change for the whole guest beyond the case's
 * process (the runner calls it after each case).
 */
void cf_fixtures_restore(void);

/* The top of the user address space, as access_ok() sees it. */
unsigned long cf_user_top(void);

/* The number of SIGPIPE and SIGALRM signals the case's process caught. */
extern volatile int cf_sigpipes, cf_alarms;

#endif

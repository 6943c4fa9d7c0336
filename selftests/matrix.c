// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_matrix: the errno matrix of enforce mode. A fixed list of invalid
 * (and a few valid) calls of read, write, close, open, openat, lseek,
 * pread64, pwrite64, dup, dup2, dup3, close_range, creat, openat2 and readv, each with
 * one broken rule or several at once, is run twice: once without kapi
 * (--record FILE writes what each call returned), once with kapi.ko loaded
 * in enforce mode (--compare FILE). Enforce mode must give every call the
 * result the kernel gives it: the same error (the error of the check the
 * kernel makes first, not of the first parameter in declaration order), and
 * success where the kernel succeeds (openat with a bad dfd and an absolute
 * path). The compare run prints KTAP, one case per call. Run as root in
 * the VM by scripts/guest/runtime.sh; needs no other kapi helper.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* An address above the user address space with 4- and 5-level paging. */
#define K 0xffff888000000000UL
/* Never mapped: below vm.mmap_min_addr. */
#define UNMAPPED 0x1000UL
/* In range, never open here. */
#define NOFD 1000UL
/* -1 as an unsigned int descriptor. */
#define FD_M1 0xffffffffUL
/* A relative path that does not exist in the working directory. */
#define REL "kapi-matrix-missing"
#define MAX_CALLS 256
/* The kernel's __O_TMPFILE (the C library's includes O_DIRECTORY). */
#define TMPFILE_BIT 020000000UL

static struct {
	unsigned long null_w, zero_r, opath, opath_dir, dir, file, epoll;
	unsigned long pipe_r, pipe_w;
	char buf[64];
	char long_path[PATH_MAX + 2];	/* no NUL within PATH_MAX bytes */
	char long_rel[PATH_MAX + 2];
} fx;

struct call {
	const char *what;
	long nr;
	unsigned long a[4];
	bool no_fd;		/* run with no free descriptor (RLIMIT_NOFILE) */
};

static struct call calls[MAX_CALLS];
static int ncalls;

static void add(const char *what, long nr, unsigned long a0, unsigned long a1,
		unsigned long a2, unsigned long a3, bool no_fd)
{
	struct call *c;

	if (ncalls == MAX_CALLS) {
		fprintf(stderr, "kapi_matrix: more than %d calls; raise MAX_CALLS\n", MAX_CALLS);
		exit(2);
	}
	c = &calls[ncalls++];
	c->what = what;
	c->nr = nr;
	c->a[0] = a0;
	c->a[1] = a1;
	c->a[2] = a2;
	c->a[3] = a3;
	c->no_fd = no_fd;
}

#define R(what, fd, buf, n) add(what, SYS_read, fd, (unsigned long)(buf), n, 0, false)
#define W(what, fd, buf, n) add(what, SYS_write, fd, (unsigned long)(buf), n, 0, false)
#define C(what, fd) add(what, SYS_close, fd, 0, 0, 0, false)
#define O(what, path, flags) \
	add(what, SYS_open, (unsigned long)(path), flags, 0600, 0, false)
#define OA(what, dfd, path, flags) \
	add(what, SYS_openat, dfd, (unsigned long)(path), flags, 0600, false)
#define OA_NOFD(what, dfd, path, flags) \
	add(what, SYS_openat, dfd, (unsigned long)(path), flags, 0600, true)
#define O_NOFD(what, path, flags) \
	add(what, SYS_open, (unsigned long)(path), flags, 0600, 0, true)
#define D(what, fd) add(what, SYS_dup, fd, 0, 0, 0, false)
#define D_NOFD(what, fd) add(what, SYS_dup, fd, 0, 0, 0, true)
#define D2(what, oldfd, newfd) add(what, SYS_dup2, oldfd, newfd, 0, 0, false)
#define D3(what, oldfd, newfd, flags) add(what, SYS_dup3, oldfd, newfd, flags, 0, false)
#define CR(what, fd, max_fd, flags) add(what, SYS_close_range, fd, max_fd, flags, 0, false)
#define CT(what, path) add(what, SYS_creat, (unsigned long)(path), 0600, 0, 0, false)
#define CT_NOFD(what, path) add(what, SYS_creat, (unsigned long)(path), 0600, 0, 0, true)
#define L(what, fd, off, whence) add(what, SYS_lseek, fd, (unsigned long)(off), whence, 0, false)
#define PR(what, fd, buf, n, pos) \
	add(what, SYS_pread64, fd, (unsigned long)(buf), n, (unsigned long)(pos), false)
#define PW(what, fd, buf, n, pos) \
	add(what, SYS_pwrite64, fd, (unsigned long)(buf), n, (unsigned long)(pos), false)
#define O2(what, dfd, path, how, size) \
	add(what, SYS_openat2, dfd, (unsigned long)(path), (unsigned long)(how), size, false)
#define O2_NOFD(what, dfd, path, how, size) \
	add(what, SYS_openat2, dfd, (unsigned long)(path), (unsigned long)(how), size, true)
#define RV(what, fd, vec, vlen) add(what, SYS_readv, fd, (unsigned long)(vec), vlen, 0, false)

/*
 * openat2's struct open_how, in a page of its own: what follows the kernel's
 * 24 bytes is zero, except in how_tail.
 */
static union {
	struct open_how how;
	char page[4096];
} how_rd = { .how = { .flags = O_RDONLY } }, how_tail = { .how = { .flags = O_RDONLY } },
  how_bad = { .how = { .flags = O_RDONLY | (1ULL << 32) } },
  how_bit30 = { .how = { .flags = O_RDONLY | (1ULL << 30) } },
  how_nonotify61 = { .how = { .flags = O_RDONLY | 0x4000000 } },
  how_nonotify612 = { .how = { .flags = O_RDONLY | 0x2000000 } },
  how_resolve_bad = { .how = { .flags = O_RDONLY, .resolve = 0x40 } },
  how_mode_bad = { .how = { .flags = O_CREAT | O_WRONLY, .mode = 0100600 } },
  how_cached = { .how = { .flags = O_CREAT | O_WRONLY, .mode = 0600, .resolve = RESOLVE_CACHED } };

/* readv's arrays: one good segment; a good one and one of SIZE_MAX bytes. */
static struct iovec iov_ok[1], iov_bad[2];

static int setup(void)
{
	int p[2];

	if (chdir("/tmp") || pipe(p))
		return -1;
	fx.pipe_r = p[0];
	fx.pipe_w = p[1];
	fx.null_w = open("/dev/null", O_WRONLY);
	fx.zero_r = open("/dev/zero", O_RDONLY);
	fx.opath = open("/dev/null", O_PATH);
	fx.opath_dir = open("/tmp", O_PATH | O_DIRECTORY);
	fx.dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	fx.file = open("/proc/self/exe", O_RDONLY);
	fx.epoll = epoll_create1(0);
	if ((long)fx.null_w < 0 || (long)fx.zero_r < 0 || (long)fx.opath < 0 ||
	    (long)fx.opath_dir < 0 || (long)fx.dir < 0 || (long)fx.file < 0 ||
	    (long)fx.epoll < 0)
		return -1;
	memset(fx.long_path, 'x', sizeof(fx.long_path) - 1);
	fx.long_path[0] = '/';
	memset(fx.long_rel, 'y', sizeof(fx.long_rel) - 1);
	return 0;
}

static void build(void)
{
	const unsigned long top_ro = O_TMPFILE | O_RDONLY;

	/* read: fdget_pos (EBADF), FMODE_READ (EBADF), FMODE_CAN_READ (EINVAL), access_ok (EFAULT) */
	R("read fd not open", NOFD, fx.buf, 1);
	R("read fd -1", FD_M1, fx.buf, 1);
	R("read write-only fd", fx.null_w, fx.buf, 1);
	R("read O_PATH fd", fx.opath, fx.buf, 1);
	R("read kernel buffer", fx.zero_r, K, 1);
	R("read huge count", fx.zero_r, fx.buf, SIZE_MAX);
	R("read bad fd + kernel buffer", NOFD, K, 1);
	R("read fd -1 + huge count", FD_M1, fx.buf, SIZE_MAX);
	R("read write-only fd + kernel buffer", fx.null_w, K, 1);
	R("read O_PATH fd + NULL buffer", fx.opath, NULL, 1);
	R("read O_PATH fd + kernel buffer", fx.opath, K, 1);
	R("read no read method (epoll)", fx.epoll, fx.buf, 1);
	R("read no read method + kernel buffer", fx.epoll, K, 1);
	R("read directory + kernel buffer", fx.dir, K, 1);
	R("read directory", fx.dir, fx.buf, 1);
	R("read unmapped buffer", fx.zero_r, UNMAPPED, 16);
	R("read NULL buffer, count 0", fx.zero_r, NULL, 0);
	R("read kernel buffer, count 0", fx.zero_r, K, 0);
	R("read write-only fd + kernel buffer, count 0", fx.null_w, K, 0);
	/* write: the same order with FMODE_WRITE and FMODE_CAN_WRITE */
	W("write fd not open", NOFD, fx.buf, 1);
	W("write fd -1", FD_M1, fx.buf, 1);
	W("write read-only fd", fx.zero_r, fx.buf, 1);
	W("write O_PATH fd", fx.opath, fx.buf, 1);
	W("write kernel buffer", fx.null_w, K, 1);
	W("write bad fd + kernel buffer", NOFD, K, 1);
	W("write read-only fd + kernel buffer", fx.zero_r, K, 1);
	W("write O_PATH fd + NULL buffer", fx.opath, NULL, 1);
	W("write no write method (epoll) + kernel buffer", fx.epoll, K, 1);
	W("write directory + kernel buffer", fx.dir, K, 1);
	W("write huge count", fx.null_w, fx.buf, SIZE_MAX);
	W("write read-only fd + huge count", fx.zero_r, fx.buf, SIZE_MAX);
	/* close: pick_file (EBADF); any open descriptor, O_PATH included */
	C("close fd not open", NOFD);
	C("close fd -1", FD_M1);
	C("close fd INT_MAX", INT_MAX);
	/* open: build_open_flags (EINVAL), getname (EFAULT, ENAMETOOLONG, ENOENT) */
	O("open NULL path", NULL, O_RDONLY);
	O("open kernel path", K, O_RDONLY);
	O("open over-long path", fx.long_path, O_RDONLY);
	O("open empty path", "", O_RDONLY);
	O("open O_CREAT|O_DIRECTORY", "/tmp/" REL, O_RDWR | O_CREAT | O_DIRECTORY);
	O("open bad flags + NULL path", NULL, O_RDWR | O_CREAT | O_DIRECTORY);
	O("open bad flags + kernel path", K, O_CREAT | O_DIRECTORY);
	O("open bad flags + over-long path", fx.long_path, O_CREAT | O_DIRECTORY);
	O("open O_TMPFILE|O_RDONLY + NULL path", NULL, top_ro);
	O("open __O_TMPFILE bit without O_DIRECTORY + NULL path", NULL, TMPFILE_BIT | O_RDWR);
	O("open O_PATH drops O_CREAT|O_DIRECTORY + NULL path", NULL,
	  O_PATH | O_CREAT | O_DIRECTORY);
	O("open unknown flag bits + NULL path", NULL, O_RDONLY | 0x10000000);
	O("open O_DIRECTORY on a file", "/proc/self/exe", O_RDONLY | O_DIRECTORY);
	/* openat: flags, then path, then a descriptor slot, then the walk from dfd */
	OA("openat relative path + fd not open", NOFD, REL, O_RDONLY);
	OA("openat relative path + dfd -1", -1UL, REL, O_RDONLY);
	OA("openat relative path + dfd a file", fx.file, REL, O_RDONLY);
	OA("openat relative path + O_PATH dfd", fx.opath_dir, REL, O_RDONLY);
	OA("openat relative path + dfd O_PATH non-directory", fx.opath, REL, O_RDONLY);
	OA("openat relative path + AT_FDCWD", (unsigned long)AT_FDCWD, REL, O_RDONLY);
	OA("openat absolute path + fd not open (succeeds)", NOFD, "/dev/null", O_RDONLY);
	OA("openat absolute path + dfd -1 (succeeds)", -1UL, "/dev/null", O_RDONLY);
	OA("openat absolute path + dfd a file (succeeds)", fx.file, "/dev/null", O_RDONLY);
	OA("openat absolute directory + bad dfd (succeeds)", NOFD, "/tmp",
	   O_RDONLY | O_DIRECTORY);
	OA("openat relative path + bad dfd + bad flags", NOFD, REL, O_CREAT | O_DIRECTORY);
	OA("openat relative path + bad dfd + O_TMPFILE|O_RDONLY", NOFD, REL, top_ro);
	OA("openat NULL path + bad dfd", NOFD, NULL, O_RDONLY);
	OA("openat kernel path + bad dfd + bad flags", NOFD, K, O_CREAT | O_DIRECTORY);
	OA("openat empty path + bad dfd", NOFD, "", O_RDONLY);
	OA("openat empty path + dfd a file", fx.file, "", O_RDONLY);
	OA("openat over-long relative path + bad dfd", NOFD, fx.long_rel, O_RDONLY);
	OA("openat NULL path + dfd a file", fx.file, NULL, O_RDONLY);
	OA("openat bad flags + NULL path", (unsigned long)AT_FDCWD, NULL,
	   O_CREAT | O_DIRECTORY);
	/* no free descriptor: EMFILE comes before the walk from dfd */
	OA_NOFD("openat (no free fd) relative path + bad dfd", NOFD, REL, O_RDONLY);
	OA_NOFD("openat (no free fd) relative path + dfd a file", fx.file, REL, O_RDONLY);
	OA_NOFD("openat (no free fd) NULL path + bad dfd", NOFD, NULL, O_RDONLY);
	OA_NOFD("openat (no free fd) bad flags + bad dfd", NOFD, REL, O_CREAT | O_DIRECTORY);
	O_NOFD("open (no free fd) NULL path", NULL, O_RDONLY);
	O_NOFD("open (no free fd) missing path", "/tmp/" REL, O_RDONLY);
	/* dup: fget_raw (EBADF), then a free number below RLIMIT_NOFILE (EMFILE) */
	D("dup fd not open", NOFD);
	D("dup fd -1", FD_M1);
	D("dup O_PATH fd (succeeds)", fx.opath);
	D_NOFD("dup (no free fd) fd not open", NOFD);
	D_NOFD("dup (no free fd)", fx.file);
	/* dup2: oldfd == newfd only looks oldfd up; else newfd's limit, then oldfd */
	D2("dup2 fd not open", NOFD, NOFD + 1);
	D2("dup2 fd -1", FD_M1, NOFD + 1);
	D2("dup2 newfd INT_MAX", fx.file, INT_MAX);
	D2("dup2 newfd -1", fx.file, FD_M1);
	D2("dup2 fd not open + newfd INT_MAX", NOFD, INT_MAX);
	D2("dup2 same fd, not open", NOFD, NOFD);
	D2("dup2 same fd -1", FD_M1, FD_M1);
	D2("dup2 same fd, open (succeeds)", fx.file, fx.file);
	/* dup3: flags, oldfd == newfd (EINVAL), newfd's limit, oldfd (EBADF) */
	D3("dup3 bad flags", fx.file, NOFD, O_NONBLOCK);
	D3("dup3 bad flags + fd not open + newfd INT_MAX", NOFD, INT_MAX, O_NONBLOCK);
	D3("dup3 same fd, not open", NOFD, NOFD, 0);
	D3("dup3 same fd INT_MAX", INT_MAX, INT_MAX, 0);
	D3("dup3 same fd -1 + O_CLOEXEC", FD_M1, FD_M1, O_CLOEXEC);
	D3("dup3 fd not open", NOFD, NOFD + 1, O_CLOEXEC);
	D3("dup3 newfd INT_MAX", fx.file, INT_MAX, 0);
	D3("dup3 fd not open + newfd -1", NOFD, FD_M1, 0);
	/* close_range: flags, then fd <= max_fd (EINVAL); nothing open above NOFD */
	CR("close_range bad flags", NOFD, NOFD, 1);
	CR("close_range bad flags + reversed range", NOFD + 1, NOFD, 8);
	CR("close_range reversed range", NOFD + 1, NOFD, 0);
	CR("close_range nothing open (succeeds)", NOFD, UINT_MAX, 0);
	CR("close_range CLOEXEC of nothing open (succeeds)", NOFD, NOFD + 10, 1U << 2);
	/* creat: getname (EFAULT, ENAMETOOLONG, ENOENT), then a descriptor (EMFILE) */
	CT("creat NULL path", NULL);
	CT("creat kernel path", K);
	CT("creat over-long path", fx.long_path);
	CT("creat empty path", "");
	CT("creat a directory", "/tmp");
	CT_NOFD("creat (no free fd) NULL path", NULL);
	CT_NOFD("creat (no free fd) over-long path", fx.long_path);
	CT_NOFD("creat (no free fd)", "/tmp/" REL);
	/* lseek: fdget_pos (EBADF), whence > SEEK_MAX (EINVAL), FMODE_LSEEK (ESPIPE), method */
	L("lseek fd not open", NOFD, 0, SEEK_SET);
	L("lseek O_PATH fd", fx.opath, 0, SEEK_SET);
	L("lseek bad whence", fx.file, 0, 5);
	L("lseek fd not open + bad whence", NOFD, 0, 99);
	L("lseek pipe", fx.pipe_r, 0, SEEK_CUR);
	L("lseek pipe + bad whence (EINVAL first)", fx.pipe_r, 0, 7);
	L("lseek negative position", fx.file, -1L, SEEK_SET);
	L("lseek SEEK_DATA past the end", fx.file, 1L << 40, SEEK_DATA);
	L("lseek SEEK_HOLE (succeeds)", fx.file, 0, SEEK_HOLE);
	L("lseek write-only /dev/null (succeeds)", fx.null_w, 0, SEEK_SET);
	/* pread64: pos < 0 (EINVAL) before fdget (EBADF), FMODE_PREAD (ESPIPE), then vfs_read */
	PR("pread64 fd not open", NOFD, fx.buf, 1, 0);
	PR("pread64 O_PATH fd", fx.opath, fx.buf, 1, 0);
	PR("pread64 negative pos + fd not open", NOFD, fx.buf, 1, -1L);
	PR("pread64 negative pos + kernel buffer", fx.zero_r, K, 1, -1L);
	PR("pread64 pipe", fx.pipe_r, fx.buf, 1, 0);
	PR("pread64 pipe write end (ESPIPE before EBADF)", fx.pipe_w, fx.buf, 1, 0);
	PR("pread64 epoll (ESPIPE before EINVAL)", fx.epoll, fx.buf, 1, 0);
	PR("pread64 pipe + kernel buffer", fx.pipe_r, K, 1, 0);
	PR("pread64 write-only fd", fx.null_w, fx.buf, 1, 0);
	PR("pread64 write-only fd + kernel buffer", fx.null_w, K, 1, 0);
	PR("pread64 kernel buffer", fx.zero_r, K, 1, 0);
	PR("pread64 directory", fx.dir, fx.buf, 1, 0);
	PR("pread64 pos + count overflows", fx.file, fx.buf, 2, LLONG_MAX);
	PR("pread64 (succeeds)", fx.file, fx.buf, 4, 0);
	/* pwrite64: the same with FMODE_PWRITE and FMODE_WRITE */
	PW("pwrite64 negative pos + O_PATH fd", fx.opath, fx.buf, 1, -1L);
	PW("pwrite64 pipe read end (ESPIPE before EBADF)", fx.pipe_r, fx.buf, 1, 0);
	PW("pwrite64 pipe + kernel buffer", fx.pipe_w, K, 1, 0);
	PW("pwrite64 read-only fd", fx.zero_r, fx.buf, 1, 0);
	PW("pwrite64 kernel buffer", fx.null_w, K, 1, 0);
	PW("pwrite64 read-only fd + kernel buffer", fx.zero_r, K, 1, 0);
	PW("pwrite64 (succeeds)", fx.null_w, fx.buf, 1, 4096);
	/*
	 * openat2: size (EINVAL below 24, E2BIG above a page), then the
	 * structure (EFAULT, E2BIG, EINVAL, EAGAIN), then the path (EFAULT),
	 * a descriptor (EMFILE), dfd (EBADF). The size, path and dfd rules
	 * are audit only: enforce must change none of these results.
	 */
	how_tail.page[31] = 1;
	O2("openat2 size 0", AT_FDCWD, "/tmp", &how_rd, 0);
	O2("openat2 size 23", AT_FDCWD, "/tmp", &how_rd, 23);
	O2("openat2 size 24 (succeeds)", AT_FDCWD, "/tmp", &how_rd, 24);
	O2("openat2 size 4096, zero tail (succeeds)", AT_FDCWD, "/tmp", &how_rd, 4096);
	O2("openat2 size 4097", AT_FDCWD, "/tmp", &how_rd, 4097);
	O2("openat2 size SIZE_MAX", AT_FDCWD, "/tmp", &how_rd, SIZE_MAX);
	O2("openat2 non-zero tail", AT_FDCWD, "/tmp", &how_tail, 32);
	O2("openat2 NULL how", AT_FDCWD, "/tmp", NULL, 24);
	O2("openat2 kernel how", AT_FDCWD, "/tmp", K, 24);
	O2("openat2 unknown flag", AT_FDCWD, "/tmp", &how_bad, 24);
	O2("openat2 RESOLVE_CACHED with O_CREAT", AT_FDCWD, "/tmp/" REL, &how_cached, 24);
	O2("openat2 NULL path", AT_FDCWD, NULL, &how_rd, 24);
	O2("openat2 kernel path", AT_FDCWD, K, &how_rd, 24);
	O2("openat2 over-long path", AT_FDCWD, fx.long_path, &how_rd, 24);
	O2("openat2 size 0 + NULL path", AT_FDCWD, NULL, &how_rd, 0);
	O2("openat2 size 4097 + NULL path", AT_FDCWD, NULL, &how_rd, 4097);
	O2("openat2 unknown flag + NULL path", AT_FDCWD, NULL, &how_bad, 24);
	O2("openat2 relative path, dfd not open", NOFD, REL, &how_rd, 24);
	O2("openat2 relative path, dfd -1", FD_M1, REL, &how_rd, 24);
	O2("openat2 relative path, dfd not a directory", fx.file, REL, &how_rd, 24);
	O2("openat2 absolute path, dfd not open (succeeds)", NOFD, "/tmp", &how_rd, 24);
	O2("openat2 size 23 + dfd not open", NOFD, REL, &how_rd, 23);
	O2_NOFD("openat2 (no free fd) NULL path", AT_FDCWD, NULL, &how_rd, 24);
	O2_NOFD("openat2 (no free fd) relative path, dfd not open", NOFD, REL, &how_rd, 24);
	O2_NOFD("openat2 (no free fd) size 23", AT_FDCWD, "/tmp", &how_rd, 23);
	/* The fields kapi reads from the structure (struct: open_how). */
	O2("openat2 flag bit 30", AT_FDCWD, "/tmp", &how_bit30, 24);
	O2("openat2 flag 0x4000000 (FMODE_NONOTIFY on 6.1)", AT_FDCWD, "/tmp", &how_nonotify61, 24);
	O2("openat2 flag 0x2000000 (FMODE_NONOTIFY on 6.12)", AT_FDCWD, "/tmp", &how_nonotify612, 24);
	O2("openat2 unknown resolve bit", AT_FDCWD, "/tmp", &how_resolve_bad, 24);
	O2("openat2 mode with S_IFREG", AT_FDCWD, "/tmp/" REL, &how_mode_bad, 24);
	O2("openat2 unknown flag, size 32", AT_FDCWD, "/tmp", &how_bad, 32);
	O2("openat2 how ends in an unmapped page", AT_FDCWD, "/tmp", UNMAPPED - 8, 24);
	O2("openat2 unknown flag + dfd not open", NOFD, REL, &how_bad, 24);
	/*
	 * readv: the descriptor (EBADF), then (6.12) its mode, vlen
	 * (EINVAL above UIO_MAXIOV) and the array: EFAULT if it cannot be
	 * read, EINVAL for an iov_len negative as a ssize_t.
	 */
	iov_ok[0].iov_base = fx.buf;
	iov_ok[0].iov_len = 4;
	iov_bad[0].iov_base = fx.buf;
	iov_bad[0].iov_len = 1;
	iov_bad[1].iov_base = fx.buf;
	iov_bad[1].iov_len = SIZE_MAX;
	RV("readv (succeeds)", fx.zero_r, iov_ok, 1);
	RV("readv vlen 0, unmapped array (succeeds)", fx.zero_r, UNMAPPED, 0);
	RV("readv iov_len SIZE_MAX", fx.zero_r, iov_bad, 2);
	RV("readv iov_len SIZE_MAX, one segment", fx.zero_r, &iov_bad[1], 1);
	RV("readv unmapped array", fx.zero_r, UNMAPPED, 2);
	RV("readv kernel array", fx.zero_r, K, 2);
	RV("readv vlen above UIO_MAXIOV", fx.zero_r, iov_bad, 1025);
	RV("readv fd not open + iov_len SIZE_MAX", NOFD, iov_bad, 2);
	RV("readv fd not open + unmapped array", NOFD, UNMAPPED, 2);
}

/* Run call @i; return 0 for success (a new descriptor is closed), else errno. */
static int run(int i)
{
	struct call *c = &calls[i];
	struct rlimit saved, none;
	long ret;
	int err, lowest = -1;

	if (c->no_fd) {
		/* The lowest free descriptor is the limit: no slot is free. */
		lowest = dup(0);
		if (lowest < 0 || getrlimit(RLIMIT_NOFILE, &saved))
			return -1;
		close(lowest);
		none = saved;
		none.rlim_cur = lowest;
		if (setrlimit(RLIMIT_NOFILE, &none))
			return -1;
	}
	ret = syscall(c->nr, c->a[0], c->a[1], c->a[2], c->a[3]);
	err = ret < 0 ? errno : 0;
	if (c->no_fd)
		setrlimit(RLIMIT_NOFILE, &saved);
	if (ret >= 0 && (c->nr == SYS_open || c->nr == SYS_openat || c->nr == SYS_dup ||
			 c->nr == SYS_creat || c->nr == SYS_openat2))
		close((int)ret);
	return err;
}

static const char *name(int err)
{
	static char num[16];

	switch (err) {
	case 0: return "success";
	case EBADF: return "EBADF";
	case EFAULT: return "EFAULT";
	case EINVAL: return "EINVAL";
	case ENOENT: return "ENOENT";
	case ENOTDIR: return "ENOTDIR";
	case EISDIR: return "EISDIR";
	case EMFILE: return "EMFILE";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case EACCES: return "EACCES";
	case EEXIST: return "EEXIST";
	case ESPIPE: return "ESPIPE";
	case ENXIO: return "ENXIO";
	case E2BIG: return "E2BIG";
	case EAGAIN: return "EAGAIN";
	}
	snprintf(num, sizeof(num), "errno%d", err);
	return num;
}

static int usage(void)
{
	fprintf(stderr, "usage: kapi_matrix --record FILE | --compare FILE\n");
	return 2;
}

int main(int argc, char **argv)
{
	int want[MAX_CALLS], i, n = 0, failed = 0;
	FILE *f;

	if (argc != 3 || (strcmp(argv[1], "--record") && strcmp(argv[1], "--compare")))
		return usage();
	if (setup()) {
		perror("kapi_matrix: setup");
		return 1;
	}
	build();
	if (!strcmp(argv[1], "--record")) {
		f = fopen(argv[2], "w");
		if (!f)
			return 1;
		for (i = 0; i < ncalls; i++)
			fprintf(f, "%d\n", run(i));
		return fclose(f) ? 1 : 0;
	}
	f = fopen(argv[2], "r");
	if (!f)
		return 1;
	while (n < MAX_CALLS && fscanf(f, "%d", &want[n]) == 1)
		n++;
	fclose(f);
	printf("KTAP version 1\n1..%d\n", ncalls);
	if (n != ncalls)
		printf("# the record has %d results for %d calls\n", n, ncalls);
	for (i = 0; i < ncalls; i++) {
		int got = run(i);
		bool ok = i < n && got == want[i];

		if (!ok)
			printf("# %s: %s with kapi enforcing, %s without kapi\n", calls[i].what,
			       name(got), i < n ? name(want[i]) : "none");
		printf("%s %d %s: %s\n", ok ? "ok" : "not ok", i + 1, calls[i].what,
		       i < n ? name(want[i]) : "?");
		failed += !ok;
	}
	printf("# %d calls, %d identical, %d different\n", ncalls, ncalls - failed, failed);
	return failed ? 1 : 0;
}

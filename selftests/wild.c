// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_wild: the system calls of the wild guest's workload that no Debian
 * tool makes on purpose (scripts/guest/wild-workload.sh, Documentation/
 * wild.rst). Each subcommand runs one step and prints one line,
 *
 *   wild-step NAME key=value ...
 *
 * naming what each call returned (a count, "ok" or an errno name), so that
 * the host can compare the step between a boot without kapi, one in audit
 * and one in enforce mode. Nothing printed depends on timing or on kapi:
 * a value that may vary goes into a "wild-info NAME ..." line, which is
 * shown but not compared.
 *
 * Steps marked "valid" make only valid calls (every argument within its
 * spec), so enforce mode must not change them; the others also make calls
 * that violate a spec on purpose.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fuse_server.h"

static char line[4096];
static size_t used;

static void add(const char *key, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add(const char *key, const char *fmt, ...)
{
	va_list ap;

	if (used < sizeof(line))
		used += snprintf(line + used, sizeof(line) - used, " %s=", key);
	va_start(ap, fmt);
	if (used < sizeof(line))
		used += vsnprintf(line + used, sizeof(line) - used, fmt, ap);
	va_end(ap);
}

/* res - "ok" for a call that succeeded, else its errno's name. */
static const char *res(long r)
{
	const char *n;

	if (r >= 0)
		return "ok";
	n = strerrorname_np(errno);
	return n ? n : "E?";
}

/* rv - the result of a call that returns a count: the count or an errno. */
static void rv(const char *key, long r)
{
	if (r >= 0)
		add(key, "%ld", r);
	else
		add(key, "%s", res(r));
}

static void step_begin(void)
{
	used = 0;
	line[0] = 0;
}

static int step_end(const char *name)
{
	printf("wild-step %s%s\n", name, line);
	fflush(stdout);
	return 0;
}

/* --------------------------------------------------------------- sockets */

static int tcp_listener(struct sockaddr_in *a, int backlog)
{
	socklen_t len = sizeof(*a);
	int s = socket(AF_INET, SOCK_STREAM, 0);

	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || bind(s, (struct sockaddr *)a, sizeof(*a)) || listen(s, backlog) ||
	    getsockname(s, (struct sockaddr *)a, &len))
		return -1;
	return s;
}

/* valid */
static int step_sockets(void)
{
	struct sockaddr_in a, b;
	struct sockaddr_un u = { .sun_family = AF_UNIX };
	struct linger lg = { 1, 0 };
	struct timeval tv = { 0, 200000 };
	char buf[64];
	int l, c, s, sv[2];

	signal(SIGPIPE, SIG_IGN);
	step_begin();
	/* TCP: refused (a port nobody listens on any more). */
	l = tcp_listener(&a, 1);
	close(l);
	c = socket(AF_INET, SOCK_STREAM, 0);
	add("tcp_refused", "%s", res(connect(c, (struct sockaddr *)&a, sizeof(a))));
	close(c);

	/* TCP: data, then a reset (linger 0) seen by read and write. */
	l = tcp_listener(&a, 4);
	c = socket(AF_INET, SOCK_STREAM, 0);
	add("tcp_connect", "%s", res(connect(c, (struct sockaddr *)&a, sizeof(a))));
	s = accept(l, NULL, NULL);
	rv("tcp_write", write(c, "hello", 5));
	rv("tcp_read", read(s, buf, sizeof(buf)));
	setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(s);
	usleep(50000);
	rv("tcp_read_reset", read(c, buf, sizeof(buf)));
	rv("tcp_read_after", read(c, buf, sizeof(buf)));
	rv("tcp_write_after", write(c, "x", 1));
	close(c);

	/* TCP: a read that times out (SO_RCVTIMEO), then the peer's EOF. */
	c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&a, sizeof(a));
	s = accept(l, NULL, NULL);
	setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	rv("tcp_read_timeout", read(c, buf, sizeof(buf)));
	shutdown(s, SHUT_WR);
	rv("tcp_read_eof", read(c, buf, sizeof(buf)));
	close(s);
	usleep(50000);
	rv("tcp_write_closed", write(c, "x", 1));
	usleep(50000);
	rv("tcp_write_closed2", write(c, "x", 1));
	close(c);
	close(l);

	/* UDP: a datagram to a closed port, then the ICMP error. */
	l = socket(AF_INET, SOCK_DGRAM, 0);
	b = a;
	bind(l, (struct sockaddr *)&b, sizeof(b));
	close(l);
	c = socket(AF_INET, SOCK_DGRAM, 0);
	connect(c, (struct sockaddr *)&b, sizeof(b));
	rv("udp_write", write(c, "x", 1));
	usleep(50000);
	rv("udp_read_refused", recv(c, buf, sizeof(buf), MSG_DONTWAIT));
	rv("udp_read_again", read(c, buf, 0) < 0 ? -1 : recv(c, buf, sizeof(buf), MSG_DONTWAIT));
	close(c);

	/* UNIX: no such path, a socket file without listener, vanished peers. */
	snprintf(u.sun_path, sizeof(u.sun_path), "/tmp/kapi-wild-%d.sock", getpid());
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	add("unix_noent", "%s", res(connect(c, (struct sockaddr *)&u, sizeof(u))));
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(l, (struct sockaddr *)&u, sizeof(u));
	close(l);
	add("unix_refused", "%s", res(connect(c, (struct sockaddr *)&u, sizeof(u))));
	close(c);
	unlink(u.sun_path);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	close(sv[1]);
	rv("unix_read_gone", read(sv[0], buf, sizeof(buf)));
	rv("unix_write_gone", write(sv[0], "x", 1));
	close(sv[0]);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	close(sv[1]);
	rv("unix_dgram_write_gone", write(sv[0], "x", 1));
	rv("unix_dgram_read_gone", recv(sv[0], buf, sizeof(buf), MSG_DONTWAIT));
	close(sv[0]);
	return step_end("sockets");
}

/* ----------------------------------------------------------- pipes, FIFOs */

/* valid */
static int step_pipes(void)
{
	char path[64], buf[16];
	int p[2], f, w;

	signal(SIGPIPE, SIG_IGN);
	step_begin();
	pipe(p);
	close(p[0]);
	rv("pipe_write_noreader", write(p[1], "x", 1));
	close(p[1]);
	pipe(p);
	close(p[1]);
	rv("pipe_read_nowriter", read(p[0], buf, sizeof(buf)));
	close(p[0]);
	pipe2(p, O_NONBLOCK);
	rv("pipe_read_empty", read(p[0], buf, sizeof(buf)));
	close(p[0]);
	close(p[1]);

	snprintf(path, sizeof(path), "/tmp/kapi-wild-%d.fifo", getpid());
	mkfifo(path, 0600);
	f = open(path, O_WRONLY | O_NONBLOCK);
	add("fifo_open_noreader", "%s", res(f));
	f = open(path, O_RDONLY | O_NONBLOCK);
	add("fifo_open_reader", "%s", res(f));
	w = open(path, O_WRONLY | O_NONBLOCK);
	rv("fifo_write", write(w, "abc", 3));
	close(w);
	rv("fifo_read", read(f, buf, sizeof(buf)));
	rv("fifo_read_gone", read(f, buf, sizeof(buf)));
	w = open(path, O_WRONLY | O_NONBLOCK);
	close(f);
	rv("fifo_write_gone", write(w, "x", 1));
	close(w);
	unlink(path);
	return step_end("pipes");
}

/* ------------------------------------------------- timerfd, eventfd, ... */

/* valid: short reads and writes of 8-byte counters, overflows */
static int step_fds(void)
{
	struct itimerspec its = { .it_value = { 0, 1000000 } };
	uint64_t v;
	sigset_t ss;
	char buf[8];
	int t, e, s, i, w;

	step_begin();
	t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	rv("timerfd_read_unarmed", read(t, &v, sizeof(v)));
	rv("timerfd_read_short", read(t, buf, 4));
	timerfd_settime(t, 0, &its, NULL);
	usleep(20000);
	add("timerfd_read_fired", "%s", res(read(t, &v, sizeof(v))));
	close(t);

	e = eventfd(0, EFD_NONBLOCK);
	rv("eventfd_read_zero", read(e, &v, sizeof(v)));
	v = 0xfffffffffffffffeULL;
	rv("eventfd_write", write(e, &v, sizeof(v)));
	v = 1;
	rv("eventfd_write_overflow", write(e, &v, sizeof(v)));
	v = ~0ULL;
	rv("eventfd_write_max", write(e, &v, sizeof(v)));
	rv("eventfd_write_short", write(e, &v, 4));
	rv("eventfd_read", read(e, &v, sizeof(v)));
	close(e);

	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	sigprocmask(SIG_BLOCK, &ss, NULL);
	s = signalfd(-1, &ss, SFD_NONBLOCK);
	rv("signalfd_read_short", read(s, buf, sizeof(buf)));
	{
		struct signalfd_siginfo si;

		rv("signalfd_read_empty", read(s, &si, sizeof(si)));
		kill(getpid(), SIGUSR1);
		rv("signalfd_read", read(s, &si, sizeof(si)));
	}
	close(s);

	i = inotify_init1(IN_NONBLOCK);
	w = inotify_add_watch(i, "/tmp", IN_CREATE);
	add("inotify_watch", "%s", res(w));
	rv("inotify_read_empty", read(i, buf, sizeof(buf)));
	close(open("/tmp/kapi-wild-inotify", O_CREAT | O_WRONLY, 0600));
	unlink("/tmp/kapi-wild-inotify");
	rv("inotify_read_small", read(i, buf, 4));
	close(i);
	return step_end("fds");
}

/* valid: a clock step cancels a TFD_TIMER_CANCEL_ON_SET timer */
static int step_clockstep(void)
{
	struct itimerspec its = { 0 };
	struct timespec now;
	uint64_t v;
	int t;

	step_begin();
	t = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);
	clock_gettime(CLOCK_REALTIME, &now);
	its.it_value.tv_sec = now.tv_sec + 3600;
	add("settime", "%s", res(timerfd_settime(t, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET,
						 &its, NULL)));
	rv("read_before", read(t, &v, sizeof(v)));
	clock_gettime(CLOCK_REALTIME, &now);
	now.tv_sec += 1;
	add("clock_settime", "%s", res(clock_settime(CLOCK_REALTIME, &now)));
	rv("read_after", read(t, &v, sizeof(v)));
	rv("read_again", read(t, &v, sizeof(v)));
	clock_gettime(CLOCK_REALTIME, &now);
	now.tv_sec -= 1;
	clock_settime(CLOCK_REALTIME, &now);
	close(t);
	return step_end("clockstep");
}

/* ------------------------------------------------------------ /dev/kmsg */

/*
 * valid: flood the kernel log past its size, then read from where the
 * reader was: the first read fails with EPIPE (the records it had not read
 * were overwritten). The reader then skips to the end of the log (SEEK_END)
 * and reads what came since, to EAGAIN. Catching up record by record
 * instead would cost one more EPIPE for every record that anything else
 * logs meanwhile (systemd-journald's own "buffer overrun" lines, for
 * one), so the count would depend on the system's activity; this way it
 * is exactly one per flood, whatever else logs.
 */
static int step_kmsg(int rounds)
{
	int size = klogctl(10, NULL, 0), r, i, n, w, fd, epipe = 0, first = 0, bad = 0;
	static char rec[8192], msg[256];
	long got = 0, writes = 0;

	step_begin();
	fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	w = open("/dev/kmsg", O_WRONLY);
	add("open", "%s", res(fd < 0 ? fd : w));
	if (fd < 0 || w < 0 || size <= 0)
		return step_end("kmsg");
	lseek(fd, 0, SEEK_END);
	for (r = 0; r < rounds; r++) {
		/* About 1.5 times the log's size in records of 200 bytes. */
		for (i = 0; i < 3 * size / 400 + 64; i++) {
			n = snprintf(msg, sizeof(msg), "<7>kapi-wild kmsg flood round %d record %d %0*d\n",
				     r, i, 140, 0);
			if (write(w, msg, n) != n)
				bad++;
			writes++;
		}
		n = read(fd, rec, sizeof(rec));
		if (n < 0 && errno == EPIPE)
			first++;
		else
			bad++;
		if (lseek(fd, 0, SEEK_END) < 0)
			bad++;
		for (;;) {
			n = read(fd, rec, sizeof(rec));
			if (n > 0) {
				got++;
				continue;
			}
			if (n < 0 && errno == EPIPE) {
				epipe++;
				continue;
			}
			break;
		}
		if (n < 0 && errno != EAGAIN)
			bad++;
	}
	add("rounds", "%d", rounds);
	add("epipe_first", "%d", first);
	add("epipe_after_seek", "%d", epipe);
	add("errors", "%d", bad);
	close(fd);
	close(w);
	step_end("kmsg");
	printf("wild-info kmsg log_buf=%d writes=%ld records_read=%ld\n", size, writes, got);
	return 0;
}

/* --------------------------------------------------------- sysfs, cgroups */

static long wr(const char *path, const char *s, size_t n)
{
	int fd = open(path, O_WRONLY);
	long r;

	if (fd < 0)
		return -1;
	r = write(fd, s, n);
	if (r < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return r;
	}
	close(fd);
	return r;
}

/* valid: refused values, an oversize write, a removed cgroup's files */
static int step_cgroup(void)
{
	const char *cg = "/sys/fs/cgroup/kapi-wild";
	static char big[3 * 4096];
	char path[128];
	int fd;

	step_begin();
	memset(big, '1', sizeof(big));
	rmdir(cg);
	add("mkdir", "%s", res(mkdir(cg, 0755)));
	snprintf(path, sizeof(path), "%s/cgroup.procs", cg);
	rv("procs_nopid", wr(path, "4194303\n", 8));
	rv("procs_garbage", wr(path, "abc\n", 4));
	snprintf(path, sizeof(path), "%s/memory.max", cg);
	rv("memory_max_bad", wr(path, "lots\n", 5));
	rv("memory_max", wr(path, "max\n", 4));
	snprintf(path, sizeof(path), "%s/pids.max", cg);
	rv("pids_max_negative", wr(path, "-5\n", 3));
	rv("pids_max_big", wr(path, big, sizeof(big)));
	snprintf(path, sizeof(path), "%s/cgroup.subtree_control", cg);
	rv("subtree_bad", wr(path, "+nosuchcontroller\n", 18));
	snprintf(path, sizeof(path), "%s/memory.max", cg);
	fd = open(path, O_RDWR);
	add("rmdir", "%s", res(rmdir(cg)));
	rv("write_removed", write(fd, "max\n", 4));
	rv("read_removed", read(fd, big, 64));
	close(fd);
	rv("sysfs_thp_bad", wr("/sys/kernel/mm/transparent_hugepage/enabled", "bogus\n", 6));
	rv("sysfs_big", wr("/sys/kernel/mm/transparent_hugepage/enabled", big, sizeof(big)));
	rv("sysfs_readonly", wr("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "1\n", 2));
	rv("proc_sys_bad", wr("/proc/sys/kernel/printk_ratelimit", "x\n", 2));
	return step_end("cgroup");
}

/* ------------------------------------------------------------ file limits */

/* valid: EFBIG through RLIMIT_FSIZE, ENOSPC, EROFS, O_DIRECT on DIR */
static int step_files(const char *dir, const char *small, const char *ro)
{
	struct rlimit rl = { 8192, 8192 }, old;
	static char buf[65536] __attribute__((aligned(4096)));
	char path[256];
	long r, total = 0;
	int fd;

	step_begin();
	signal(SIGXFSZ, SIG_IGN);
	snprintf(path, sizeof(path), "%s/kapi-wild-fsize", dir);
	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	getrlimit(RLIMIT_FSIZE, &old);
	setrlimit(RLIMIT_FSIZE, &rl);
	rv("fsize_write", write(fd, buf, 6000));
	rv("fsize_write_partial", write(fd, buf, 6000));
	rv("fsize_write_over", write(fd, buf, 10));
	setrlimit(RLIMIT_FSIZE, &old);
	close(fd);
	unlink(path);

	/* A small tmpfs (the workload mounts it) filled up. */
	snprintf(path, sizeof(path), "%s/fill", small);
	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	add("small_open", "%s", res(fd));
	while ((r = write(fd, buf, sizeof(buf))) > 0)
		total += r;
	add("small_full", "%s", res(r));
	rv("small_full_again", write(fd, buf, 1));
	add("small_total_kb", "%ld", total / 1024);
	close(fd);
	snprintf(path, sizeof(path), "%s/another", small);
	add("small_create", "%s", res(open(path, O_CREAT | O_WRONLY, 0600)));
	snprintf(path, sizeof(path), "%s/fill", small);
	unlink(path);

	/* A read-only mount. */
	snprintf(path, sizeof(path), "%s/new", ro);
	add("ro_create", "%s", res(open(path, O_CREAT | O_WRONLY, 0600)));
	snprintf(path, sizeof(path), "%s/file", ro);
	add("ro_open_write", "%s", res(open(path, O_WRONLY)));
	fd = open(path, O_RDONLY);
	rv("ro_read", read(fd, buf, sizeof(buf)));
	rv("ro_write_rdonly_fd", write(fd, buf, 1));
	close(fd);

	/* O_DIRECT: aligned, then misaligned buffer and size. */
	snprintf(path, sizeof(path), "%s/kapi-wild-direct", dir);
	fd = open(path, O_CREAT | O_TRUNC | O_RDWR | O_DIRECT, 0600);
	add("direct_open", "%s", res(fd));
	if (fd >= 0) {
		rv("direct_write", pwrite(fd, buf, 4096, 0));
		rv("direct_write_misaligned", pwrite(fd, buf + 1, 4096, 0));
		rv("direct_write_oddsize", pwrite(fd, buf, 100, 0));
		rv("direct_read", pread(fd, buf, 4096, 0));
		rv("direct_read_misaligned", pread(fd, buf + 1, 4096, 0));
		close(fd);
	}
	unlink(path);
	return step_end("files");
}

/* ---------------------------------------------------------------- /proc */

/* valid: fdinfo of closed descriptors, files of a task that is gone */
static int step_procfs(void)
{
	char path[64], buf[4096];
	int fd, st, sf, fi;
	pid_t pid;

	step_begin();
	fd = open("/dev/null", O_RDONLY);
	close(fd);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	add("fdinfo_closed", "%s", res(open(path, O_RDONLY)));
	fd = open("/dev/null", O_RDONLY);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	fi = open(path, O_RDONLY);
	close(fd);
	rv("fdinfo_read_after_close", read(fi, buf, sizeof(buf)) < 0 ? -1 : 0);
	close(fi);

	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	st = open(path, O_RDONLY);
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/0", pid);
	fi = open(path, O_RDONLY);
	snprintf(path, sizeof(path), "/proc/%d/environ", pid);
	sf = open(path, O_RDONLY);
	add("open_alive", "%s", res(st < 0 ? st : fi < 0 ? fi : sf));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	rv("stat_gone", read(st, buf, sizeof(buf)));
	rv("fdinfo_gone", read(fi, buf, sizeof(buf)));
	rv("environ_gone", read(sf, buf, sizeof(buf)));
	add("open_gone", "%s", res(open(path, O_RDONLY)));
	close(st);
	close(fi);
	close(sf);
	return step_end("procfs");
}

/* ----------------------------------------------------------------- FUSE */

/* The server's one file. */
#define FUSE_FILE "hello"
#define FUSE_DATA "hello from kapi_wild\n"

/* valid: a FUSE file read, then its server dies */
static int step_fuse(const char *mnt)
{
	char opts[128], path[256], buf[64];
	struct stat sb;
	pid_t srv;
	int dev, fd, fd2;

	step_begin();
	dev = open("/dev/fuse", O_RDWR);
	add("dev_open", "%s", res(dev));
	if (dev < 0)
		return step_end("fuse");
	snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=0,group_id=0", dev);
	add("mount", "%s", res(mount("kapi-wild", mnt, "fuse.kapi-wild", MS_NOSUID | MS_NODEV, opts)));
	srv = fork();
	if (srv == 0)
		kapi_fuse_serve(dev, &(struct kapi_fuse_server){
					.file = FUSE_FILE, .data = FUSE_DATA, .reads = 2 });
	close(dev);
	snprintf(path, sizeof(path), "%s/" FUSE_FILE, mnt);
	add("stat", "%s", res(stat(path, &sb)));
	snprintf(path, sizeof(path), "%s/missing", mnt);
	add("stat_missing", "%s", res(stat(path, &sb)));
	snprintf(path, sizeof(path), "%s/" FUSE_FILE, mnt);
	fd = open(path, O_RDONLY);
	fd2 = open(path, O_RDONLY);
	add("open", "%s", res(fd));
	rv("read", read(fd, buf, sizeof(buf)));
	rv("read_eof", read(fd, buf, sizeof(buf)));
	waitpid(srv, NULL, 0);
	rv("read_server_gone", read(fd2, buf, sizeof(buf)));
	add("stat_server_gone", "%s", res(stat(path, &sb)));
	add("open_server_gone", "%s", res(open(path, O_RDONLY)));
	close(fd);
	close(fd2);
	add("umount", "%s", res(umount2(mnt, MNT_DETACH)));
	return step_end("fuse");
}

/* One round of the invalid step's calls, their results added to the line. */
static void invalid_calls(const char *longpath)
{
	char buf[16];
	int z = open("/dev/zero", O_RDONLY), p[2];

	if (z < 0 || pipe(p)) {
		add("setup", "%s", res(-1));
		if (z >= 0)
			close(z);
		return;
	}
	/* Calls that would copy, so that each fails as kapi predicts. */
	rv("read_at_fdcwd", read(AT_FDCWD, buf, sizeof(buf)));
	rv("read_kernel_buf", read(z, (void *)0xffffffffff600000UL, 16));
	rv("write_kernel_buf", write(p[1], (void *)0xffffffffff600000UL, 16));
	close(z);
	close(p[0]);
	close(p[1]);
	add("open_long_path", "%s", res(open(longpath, O_RDONLY)));
	add("open_bad_path", "%s", res(open((char *)0xffffffffff600000UL, O_RDONLY)));
	add("close_bad", "%s", res(close(0x40000000)));
}

/*
 * invalid: arguments that break the read, write, open and close specs,
 * @reps times (in enforce, thousands of refused calls): the results of the
 * first time, and how many later times gave other results.
 */
static int step_invalid(long reps)
{
	static char longpath[8192];
	char first[sizeof(line)] = "";
	long i, differ = 0;

	memset(longpath, 'a', sizeof(longpath) - 1);
	for (i = 0; i < reps; i++) {
		step_begin();
		invalid_calls(longpath);
		if (i == 0)
			memcpy(first, line, sizeof(first));
		else if (strcmp(first, line))
			differ++;
	}
	memcpy(line, first, sizeof(line));
	used = strlen(line);
	if (differ)
		add("repetitions_differing", "%ld", differ);
	return step_end("invalid");
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 2 && !strcmp(argv[1], "sockets"))
		return step_sockets();
	if (argc >= 2 && !strcmp(argv[1], "pipes"))
		return step_pipes();
	if (argc >= 2 && !strcmp(argv[1], "fds"))
		return step_fds();
	if (argc >= 2 && !strcmp(argv[1], "clockstep"))
		return step_clockstep();
	if (argc >= 3 && !strcmp(argv[1], "kmsg"))
		return step_kmsg(atoi(argv[2]));
	if (argc >= 2 && !strcmp(argv[1], "cgroup"))
		return step_cgroup();
	if (argc >= 5 && !strcmp(argv[1], "files"))
		return step_files(argv[2], argv[3], argv[4]);
	if (argc >= 2 && !strcmp(argv[1], "procfs"))
		return step_procfs();
	if (argc >= 3 && !strcmp(argv[1], "fuse"))
		return step_fuse(argv[2]);
	if (argc >= 2 && !strcmp(argv[1], "invalid"))
		return step_invalid(argc >= 3 && atol(argv[2]) > 0 ? atol(argv[2]) : 1);
	fprintf(stderr, "usage: kapi_wild sockets|pipes|fds|clockstep|kmsg ROUNDS|cgroup|"
		"files DIR SMALLDIR RODIR|procfs|fuse MOUNTPOINT|invalid [REPS]\n");
	return 2;
}

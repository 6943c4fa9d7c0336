// SPDX-License-Identifier: GPL-2.0
/*
 * The fixtures of the conformance tests, written once and shared by every
 * spec: cf_fx_NAME builds what a trigger's NAME stands for and returns the
 * argument (a descriptor, a pointer, a path), cf_setup_NAME changes the
 * calling process, cf_check_NAME verifies a side effect. They run in the
 * case's own child process, in its own directory (the working directory)
 * and mount namespace, so nothing needs undoing. The list, with what each
 * is, is kapi-gen's (userspace/lib/conformance.cpp) and
 * Documentation/spec-language.rst's, "Fixtures".
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <grp.h>
#include <linux/fuse.h>
#include <linux/if_packet.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/icmp6.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/ip_icmp.h>
#include <netinet/udp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <linux/netlink.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/klog.h>
#include <sys/fanotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>

#include "conform.h"
#include "fuse_server.h"
#include "kapi_sample.h"

#define FX(name) long cf_fx_##name(void); long cf_fx_##name(void)
#define SETUP(name) void cf_setup_##name(void); void cf_setup_##name(void)

static const char data[] = "data";

/* A regular file of 4 bytes in the working directory, mode 0644. */
static const char *plain_file(void)
{
	static char path[PATH_MAX];
	int fd;

	if (path[0])
		return path;
	if (!getcwd(path, sizeof(path) - 8))
		cf_broken("getcwd: %m");
	strcat(path, "/file");
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0 || write(fd, data, 4) != 4 || fchmod(fd, 0644) || close(fd))
		cf_broken("create %s: %m", path);
	return path;
}

static long open_or_die(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		cf_broken("open %s: %m", path);
	return fd;
}

/* Above the lowest free number, below the table's end. */
FX(closed)
{
	int fd = open_or_die(plain_file(), O_RDONLY);

	if (dup2(fd, 100) != 100 || close(100))
		cf_broken("dup2 and close: %m");
	return 100;
}

FX(first_unused)
{
	int fd = open_or_die(plain_file(), O_RDONLY);

	close(fd);
	return fd;
}

FX(opath) { return open_or_die(plain_file(), O_PATH); }
FX(file_rdonly) { return open_or_die(plain_file(), O_RDONLY); }
FX(file_wronly) { return open_or_die(plain_file(), O_WRONLY); }
FX(file_rdwr) { return open_or_die(plain_file(), O_RDWR); }
FX(file_accmode3) { return open_or_die(plain_file(), 3); }

/* A directory holding a regular file "file", as the working directory does. */
FX(dir)
{
	int fd;

	if (mkdir("dir", 0755))
		cf_broken("mkdir dir: %m");
	fd = open("dir/file", O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || close(fd))
		cf_broken("create dir/file: %m");
	return open_or_die("dir", O_RDONLY | O_DIRECTORY);
}

FX(epoll)
{
	int fd = epoll_create1(0);

	if (fd < 0)
		cf_broken("epoll_create1: %m");
	return fd;
}

FX(eventfd)
{
	int fd = eventfd(0, 0);

	if (fd < 0)
		cf_broken("eventfd: %m");
	return fd;
}

static int pipe_end(int end, int flags, bool fill, bool close_other)
{
	int p[2];

	if (pipe2(p, flags))
		cf_broken("pipe2: %m");
	if (fill) {
		static char chunk[4096];
		int fl = fcntl(p[1], F_GETFL);

		fcntl(p[1], F_SETFL, fl | O_NONBLOCK);
		while (write(p[1], chunk, sizeof(chunk)) > 0)
			;
		while (write(p[1], chunk, 1) > 0)
			;
		fcntl(p[1], F_SETFL, fl);
	}
	if (close_other)
		close(p[!end]);
	return p[end];
}

FX(pipe_rd_empty) { return pipe_end(0, 0, false, false); }
FX(pipe_rd_empty_nonblock) { return pipe_end(0, O_NONBLOCK, false, false); }
FX(pipe_wr_full) { return pipe_end(1, 0, true, false); }
FX(pipe_wr_full_nonblock) { return pipe_end(1, O_NONBLOCK, true, false); }
FX(pipe_wr_no_reader) { return pipe_end(1, 0, false, true); }

static int sock(int domain, int type)
{
	int fd = socket(domain, type, 0);

	if (fd < 0)
		cf_broken("socket(%d, %d): %m", domain, type);
	return fd;
}

FX(unix_stream_unconnected) { return sock(AF_UNIX, SOCK_STREAM); }
FX(tcp_unconnected) { return sock(AF_INET, SOCK_STREAM); }
FX(udp_unconnected) { return sock(AF_INET, SOCK_DGRAM); }

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

FX(udp_loopback)
{
	struct sockaddr_in a = loopback(9);
	int fd = sock(AF_INET, SOCK_DGRAM);

	if (connect(fd, (struct sockaddr *)&a, sizeof(a)))
		cf_broken("connect to 127.0.0.1: %m");
	return fd;
}

/* A port on 127.0.0.1 that nobody listens on: bound, then released. */
static int free_port(void)
{
	struct sockaddr_in a = loopback(0);
	socklen_t len = sizeof(a);
	int fd = sock(AF_INET, SOCK_STREAM);

	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) ||
	    getsockname(fd, (struct sockaddr *)&a, &len))
		cf_broken("bind to 127.0.0.1: %m");
	close(fd);
	return ntohs(a.sin_port);
}

/* Waits until FD reports one of EVENTS (or 2 s pass). */
static void wait_for(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	poll(&p, 1, 2000);
}

FX(tcp_refused)
{
	struct sockaddr_in a = loopback(free_port());
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	if (fd < 0)
		cf_broken("socket: %m");
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0 || errno != EINPROGRESS)
		cf_broken("non-blocking connect to a free port: %m");
	wait_for(fd, POLLOUT);
	fcntl(fd, F_SETFL, 0);
	return fd;
}

FX(tcp_reset)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	struct sockaddr_in a = loopback(0);
	socklen_t len = sizeof(a);
	int l = sock(AF_INET, SOCK_STREAM), c = sock(AF_INET, SOCK_STREAM), s;

	if (bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&a, &len) ||
	    connect(c, (struct sockaddr *)&a, sizeof(a)))
		cf_broken("connect on 127.0.0.1: %m");
	s = accept(l, NULL, NULL);
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)))
		cf_broken("accept: %m");
	close(s);
	close(l);
	wait_for(c, POLLERR | POLLHUP);
	return c;
}

FX(timerfd_canceled)
{
	struct itimerspec its = { 0 };
	struct timespec now;
	int fd = timerfd_create(CLOCK_REALTIME, 0);

	if (fd < 0)
		cf_broken("timerfd_create: %m");
	clock_gettime(CLOCK_REALTIME, &now);
	its.it_value.tv_sec = now.tv_sec + 3600;
	if (timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL))
		cf_broken("timerfd_settime: %m");
	clock_gettime(CLOCK_REALTIME, &now);
	if (clock_settime(CLOCK_REALTIME, &now))
		cf_broken("clock_settime: %m");
	return fd;
}

FX(proc_stat_exited)
{
	char path[64];
	pid_t pid = fork();
	int fd, status;

	if (pid < 0)
		cf_broken("fork: %m");
	if (pid == 0) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open_or_die(path, O_RDONLY);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return fd;
}

FX(fdinfo_closed)
{
	char path[64];
	int n = open_or_die(plain_file(), O_RDONLY), fd;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", n);
	fd = open_or_die(path, O_RDONLY);
	close(n);
	return fd;
}

FX(proc_mem_high)
{
	int fd = open_or_die("/proc/self/mem", O_RDWR);

	/* mem_lseek() takes any position; 2^64 - 2 reads as -2. */
	syscall(SYS_lseek, fd, -2L, SEEK_SET);
	return fd;
}

/* A pseudo terminal pair in a devpts instance of this case's own. */
static int pty_pair(int *slave)
{
	char path[64];
	int m, n, unlock = 0;

	if (mkdir("pts", 0755) ||
	    mount("devpts", "pts", "devpts", 0, "newinstance,ptmxmode=0666"))
		cf_skip("mount devpts: %m");
	m = open_or_die("pts/ptmx", O_RDWR | O_NOCTTY);
	if (ioctl(m, TIOCSPTLCK, &unlock) || ioctl(m, TIOCGPTN, &n))
		cf_broken("unlock the pty: %m");
	snprintf(path, sizeof(path), "pts/%d", n);
	*slave = open_or_die(path, O_RDWR | O_NOCTTY);
	return m;
}

FX(pty_slave_hungup)
{
	int s;

	close(pty_pair(&s));
	return s;
}

FX(pty_master_hungup)
{
	int s, m = pty_pair(&s);

	close(s);
	return m;
}

FX(dev_full)
{
	int fd = open("/dev/full", O_WRONLY);

	if (fd >= 0)
		return fd;
	if (mknod("full", S_IFCHR | 0666, makedev(1, 7)))
		cf_skip("no /dev/full, and mknod: %m");
	return open_or_die("full", O_WRONLY);
}

FX(memfd_sealed)
{
	int fd = memfd_create("kapi-conform", MFD_ALLOW_SEALING);

	if (fd < 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE))
		cf_broken("memfd_create and F_SEAL_WRITE: %m");
	return fd;
}

FX(buf)
{
	static char buffer[128 * 1024];

	return (long)buffer;
}

/* Above TASK_SIZE_MAX: the direct map of x86-64. */
FX(kernel_ptr) { return (long)0xffff888000000000UL; }

FX(unmapped_ptr)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || munmap(p, 4096))
		cf_broken("mmap and munmap: %m");
	return (long)p;
}

/* A path in the working directory, absolute, kept for the process. */
static long here(const char *name)
{
	char cwd[PATH_MAX];
	char *path;

	if (!getcwd(cwd, sizeof(cwd)) || asprintf(&path, "%s/%s", cwd, name) < 0)
		cf_broken("getcwd: %m");
	return (long)path;
}

FX(path_file) { return (long)plain_file(); }

FX(path_relative)
{
	plain_file();
	return (long)"file";
}

FX(path_dir)
{
	if (mkdir("pdir", 0755))
		cf_broken("mkdir: %m");
	return here("pdir");
}

FX(path_missing) { return here("missing"); }

FX(path_enotdir)
{
	plain_file();
	return here("file/x");
}

FX(path_loop)
{
	if (symlink("loop", "loop"))
		cf_broken("symlink: %m");
	return here("loop");
}

FX(path_symlink)
{
	if (symlink(plain_file(), "link"))
		cf_broken("symlink: %m");
	return here("link");
}

FX(path_too_long)
{
	static char path[PATH_MAX + 1];

	/* "/" and then "./" repeated: PATH_MAX bytes without the NUL. */
	memset(path, '/', PATH_MAX);
	for (int i = 1; i + 1 < PATH_MAX; i += 2)
		path[i] = '.';
	return (long)path;
}

/*
 * A path of LEN bytes (and its NUL) naming plain_file(): its absolute path
 * after "/./././" padding, so that the open calls open it read-only and
 * creat() truncates it, both successfully.
 */
static long path_of_len(size_t len)
{
	static char path[PATH_MAX];
	const char *file = plain_file();
	size_t n = strlen(file), pad;

	if (n >= len)
		cf_broken("%s is too long to pad to %zu bytes", file, len);
	pad = len - n;
	memset(path, '/', pad);
	for (size_t i = 1; i + 1 < pad; i += 2)
		path[i] = '.';
	memcpy(path + pad, file, n + 1);
	return (long)path;
}

FX(path_max_with_nul) { return path_of_len(PATH_MAX - 1); }
FX(path_max_minus_one) { return path_of_len(PATH_MAX - 2); }

FX(path_name_too_long)
{
	static char name[NAME_MAX + 2];

	memset(name, 'n', NAME_MAX + 1);
	return here(name);
}

FX(path_empty) { return (long)""; }

FX(path_fifo)
{
	if (mkfifo("fifo", 0666))
		cf_broken("mkfifo: %m");
	return here("fifo");
}

FX(path_socket)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd = sock(AF_UNIX, SOCK_STREAM);

	strcpy(a.sun_path, "sock");
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)))
		cf_broken("bind a UNIX socket: %m");
	return here("sock");
}

FX(path_private)
{
	int fd = open("private", O_CREAT | O_WRONLY, 0600);

	if (fd < 0 || fchmod(fd, 0600) || close(fd))
		cf_broken("create a private file: %m");
	return here("private");
}

FX(path_leased)
{
	int fd = open_or_die(plain_file(), O_RDONLY);

	/* The lease break notifies the holder, this process, with SIGIO. */
	signal(SIGIO, SIG_IGN);
	if (fcntl(fd, F_SETLEASE, F_RDLCK))
		cf_broken("F_SETLEASE: %m");
	return (long)plain_file();
}

FX(path_running_exe) { return (long)"/proc/self/exe"; }
FX(path_proc) { return (long)"/proc"; }

FX(path_rofs_file)
{
	int fd;

	if (mkdir("ro", 0755) || mount("tmpfs", "ro", "tmpfs", 0, "size=64k"))
		cf_broken("mount tmpfs: %m");
	fd = open("ro/file", O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || close(fd))
		cf_broken("create ro/file: %m");
	if (mount(NULL, "ro", NULL, MS_REMOUNT | MS_RDONLY, NULL))
		cf_broken("remount read-only: %m");
	return here("ro/file");
}

FX(path_fullfs)
{
	char name[32];
	int i, fd;

	if (mkdir("full", 0755) || mount("tmpfs", "full", "tmpfs", 0, "size=64k,nr_inodes=4"))
		cf_broken("mount tmpfs: %m");
	for (i = 0; i < 16; i++) {
		snprintf(name, sizeof(name), "full/f%d", i);
		fd = open(name, O_CREAT | O_WRONLY, 0644);
		if (fd < 0)
			break;
		close(fd);
	}
	if (i == 16 || errno != ENOSPC)
		cf_broken("filling the inodes of a tmpfs: %m");
	return here("full/missing");
}

SETUP(nobody)
{
	if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
	    setresuid(65534, 65534, 65534))
		cf_broken("becoming nobody: %m");
}

static void on_alarm(int sig)
{
	cf_alarms++;
}

SETUP(alarm)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	struct itimerval it = { .it_value = { .tv_usec = 50000 } };

	if (sigaction(SIGALRM, &sa, NULL) || setitimer(ITIMER_REAL, &it, NULL))
		cf_broken("arming SIGALRM: %m");
}

SETUP(fd_table_full)
{
	int fd = open_or_die("/", O_RDONLY);
	struct rlimit rl = { fd, fd };

	close(fd);
	if (setrlimit(RLIMIT_NOFILE, &rl))
		cf_broken("setrlimit RLIMIT_NOFILE: %m");
}

SETUP(fsize_zero)
{
	struct rlimit rl = { 0, 0 };

	signal(SIGXFSZ, SIG_IGN);
	if (setrlimit(RLIMIT_FSIZE, &rl))
		cf_broken("setrlimit RLIMIT_FSIZE: %m");
}

static bool pos_before(struct cf_call *call)
{
	call->pos = lseek((int)call->args[0], 0, SEEK_CUR);
	return true;
}

static bool pos_after(struct cf_call *call)
{
	off_t now = lseek((int)call->args[0], 0, SEEK_CUR);

	if (now == call->pos)
		return true;
	cf_diag("the position moved from %lld to %lld", (long long)call->pos, (long long)now);
	return false;
}

const struct cf_check cf_check_pos_unchanged = { "pos_unchanged", pos_before, pos_after };

static bool absent(const char *path)
{
	struct stat st;

	return lstat(path, &st) && errno == ENOENT;
}

static bool created_before(struct cf_call *call)
{
	for (int i = 0; i < call->c->nargs; i++)
		if (call->c->args[i].fx && !strncmp(call->c->args[i].text, "path_", 5)) {
			call->path = (const char *)call->args[i];
			return absent(call->path);
		}
	return false;
}

static bool created_after(struct cf_call *call)
{
	if (absent(call->path))
		return true;
	cf_diag("%s was created", call->path);
	return false;
}

const struct cf_check cf_check_not_created = { "not_created", created_before, created_after };

static bool sigpipe_before(struct cf_call *call)
{
	cf_sigpipes = 0;
	return true;
}

static bool sigpipe_after(struct cf_call *call)
{
	if (cf_sigpipes == 1)
		return true;
	cf_diag("%d SIGPIPE signals, expected 1", cf_sigpipes);
	return false;
}

const struct cf_check cf_check_sigpipe = { "sigpipe", sigpipe_before, sigpipe_after };

/* Buffers holding what a control file is given. */
FX(buf_absent_pid) { return (long)"4194303"; }	/* above PID_MAX_DEFAULT's reach */
FX(buf_plus_memory) { return (long)"+memory"; }
FX(buf_huge_number) { return (long)"99999999999999999999"; }

/* cgroup v2, mounted in this case's mount namespace at ./cg. */
static void cgroup_mount(void)
{
	if (mkdir("cg", 0755) || mount("cgroup2", "cg", "cgroup2", 0, NULL))
		cf_skip("mount cgroup2: %m");
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, text, strlen(text)) < 0 || close(fd))
		cf_broken("write '%s' to %s: %m", text, path);
}

/* A new cgroup below the root with the pids controller; returns its path. */
static const char *cgroup_child(const char *what)
{
	static char path[64];

	cgroup_mount();
	write_file("cg/cgroup.subtree_control", "+pids +memory");
	snprintf(path, sizeof(path), "cg/kapi-conform-%s-%d", what, getpid());
	if (mkdir(path, 0755))
		cf_broken("mkdir %s: %m", path);
	return path;
}

static long open_in(const char *dir, const char *file, int flags)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	return open_or_die(path, flags);
}

FX(cgroup_procs)
{
	cgroup_mount();
	return open_or_die("cg/cgroup.procs", O_WRONLY);
}

/* The memory controller is a domain one: not below a cgroup with tasks. */
FX(cgroup_busy_subtree)
{
	const char *cg = cgroup_child("busy");
	char pid[16];
	long fd;

	snprintf(pid, sizeof(pid), "%d", getpid());
	fd = open_in(cg, "cgroup.procs", O_WRONLY);
	if (write(fd, pid, strlen(pid)) < 0)
		cf_broken("join %s: %m", cg);
	close(fd);
	return open_in(cg, "cgroup.subtree_control", O_WRONLY);
}

FX(cgroup_pids_max) { return open_in(cgroup_child("max"), "pids.max", O_WRONLY); }

FX(cgroup_removed)
{
	const char *cg = cgroup_child("gone");
	long fd = open_in(cg, "cgroup.procs", O_RDWR);

	if (rmdir(cg))
		cf_broken("rmdir %s: %m", cg);
	return fd;
}

FX(perf_event)
{
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(attr),
		.config = PERF_COUNT_SW_TASK_CLOCK,
	};
	long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);

	if (fd < 0)
		cf_skip("perf_event_open: %m");
	return fd;
}

FX(fanotify_pending)
{
	int fd = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY);

	if (fd < 0)
		cf_skip("fanotify_init: %m");
	if (fanotify_mark(fd, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, plain_file()))
		cf_broken("fanotify_mark: %m");
	close(open_or_die(plain_file(), O_RDONLY));
	return fd;
}

FX(proc_sys_root_only) { return open_or_die("/proc/sys/kernel/cad_pid", O_RDONLY); }

FX(path_misc_unregistered)
{
	if (mknod("misc100", S_IFCHR | 0600, makedev(10, 100)))
		cf_broken("mknod: %m");
	return here("misc100");
}

/*
 * fs.file-max is 0: every open of a caller without CAP_SYS_ADMIN fails (0,
 * since the kernel's first test reads an approximate count, which can be
 * below the real one). The runner puts the old value back after the case.
 */
SETUP(file_max_reached)
{
	write_file("/proc/sys/fs/file-max", "0");
}

/*
 * A FUSE file system of one regular file, "file", and a directory "tree"
 * holding "leaf", served by a child process (selftests/fuse_server.h,
 * killed when the case's process dies). What it refuses, it refuses with
 * the case's own error: FUSE hands a server's error to the caller
 * unchanged, which is how a network or user-space file system makes the
 * errors the specs list for them.
 */
struct fuse_plan {
	int init_err, open_err, io_err, flush_err, create_err;
	uint32_t init_flags;	/* FUSE_* flags of the INIT reply */
	bool keep_dev;		/* fuse_dev_fd stays open in the case's process */
};

#define FUSE_FILE_ID KAPI_FUSE_FILE_ID
#define FUSE_TREE_ID KAPI_FUSE_TREE_ID
#define FUSE_LEAF_ID KAPI_FUSE_LEAF_ID

static pid_t fuse_server;
static int fuse_dev_fd = -1;

static __attribute__((noreturn)) void fuse_serve(int dev, const struct fuse_plan *p)
{
	/* "file" has 4096 bytes, and reads of it get none (or the error). */
	const struct kapi_fuse_server s = {
		.file = "file", .error = p->io_err, .writable = true, .tree = true,
		.init_error = p->init_err, .open_error = p->open_err,
		.flush_error = p->flush_err, .create_error = p->create_err,
		.init_flags = p->init_flags,
	};

	kapi_fuse_serve(dev, &s);
}

/* Mounts the file system at ./fuse; returns the file's absolute path. */
static const char *fuse_mount(const struct fuse_plan *p)
{
	char opts[128];
	int dev = open("/dev/fuse", O_RDWR);

	if (dev < 0 && errno == ENOENT && !mknod("fusedev", S_IFCHR | 0600, makedev(10, 229)))
		dev = open("fusedev", O_RDWR);
	if (dev < 0)
		cf_skip("no FUSE: %m");
	snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=0,group_id=0", dev);
	if (mkdir("fuse", 0755))
		cf_broken("mkdir fuse: %m");
	if (mount("kapi", "fuse", "fuse.kapi", MS_NOSUID | MS_NODEV, opts))
		cf_skip("mount a FUSE file system: %m");
	fflush(stdout);
	fuse_server = fork();
	if (fuse_server < 0)
		cf_broken("fork: %m");
	if (fuse_server == 0)
		fuse_serve(dev, p);
	if (p->keep_dev)
		fuse_dev_fd = dev;
	else
		close(dev);
	return (const char *)here("fuse/file");
}

/* Ends the server: the connection is aborted. */
static void fuse_kill(void)
{
	kill(fuse_server, SIGKILL);
	waitpid(fuse_server, NULL, 0);
}

FX(fuse_file_flush_fails)
{
	struct fuse_plan p = { .flush_err = cf_current->err };

	return open_or_die(fuse_mount(&p), O_RDWR);
}

FX(fuse_file_io_fails)
{
	struct fuse_plan p = { .io_err = cf_current->err };

	return open_or_die(fuse_mount(&p), O_RDWR);
}

FX(path_fuse_open_fails)
{
	struct fuse_plan p = { .open_err = cf_current->err };

	return (long)fuse_mount(&p);
}

FX(fuse_file_conn_gone)
{
	struct fuse_plan p = { 0 };
	long fd = open_or_die(fuse_mount(&p), O_RDWR);

	fuse_kill();
	return fd;
}

FX(path_fuse_conn_gone)
{
	struct fuse_plan p = { 0 };
	long path = (long)fuse_mount(&p);

	fuse_kill();
	return path;
}

FX(path_fuse_init_fails)
{
	struct fuse_plan p = { .init_err = EIO };

	return (long)fuse_mount(&p);
}

/* The Internet checksum of LEN bytes at P. */
static uint16_t inet_csum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint32_t sum = 0;

	for (; len > 1; b += 2, len -= 2)
		sum += (uint32_t)b[0] << 8 | b[1];
	if (len)
		sum += (uint32_t)b[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

/*
 * A UDP socket on 127.0.0.1, connected, with IP_RECVERR, that has been
 * sent the ICMP error the kernel turns into the case's errno: its pending
 * error (sk_err), which the next receive returns.
 */
FX(udp_icmp_error)
{
	static const struct { int err, type, code; } map[] = {
		{ ENETUNREACH, ICMP_DEST_UNREACH, ICMP_NET_UNREACH },
		{ EHOSTUNREACH, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH },
		{ ENOPROTOOPT, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH },
		{ EMSGSIZE, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED },
		{ EOPNOTSUPP, ICMP_DEST_UNREACH, ICMP_SR_FAILED },
		{ EHOSTDOWN, ICMP_DEST_UNREACH, ICMP_HOST_UNKNOWN },
		{ ENONET, ICMP_DEST_UNREACH, ICMP_HOST_ISOLATED },
		{ EPROTO, ICMP_PARAMETERPROB, 0 },
	};
	struct {
		struct icmphdr icmp;
		struct iphdr ip;
		struct udphdr udp;
	} __attribute__((packed)) pkt = { 0 };
	struct sockaddr_in me = loopback(0), peer = loopback(free_port());
	socklen_t len = sizeof(me);
	int fd = sock(AF_INET, SOCK_DGRAM), raw, on = 1;
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]) && map[i].err != cf_current->err; i++)
		;
	if (i == sizeof(map) / sizeof(map[0]))
		cf_broken("no ICMP error gives errno %d", cf_current->err);
	if (setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof(on)) ||
	    bind(fd, (struct sockaddr *)&me, sizeof(me)) ||
	    getsockname(fd, (struct sockaddr *)&me, &len) ||
	    connect(fd, (struct sockaddr *)&peer, sizeof(peer)))
		cf_broken("a connected UDP socket on 127.0.0.1: %m");
	pkt.icmp.type = map[i].type;
	pkt.icmp.code = map[i].code;
	if (map[i].code == ICMP_FRAG_NEEDED && map[i].type == ICMP_DEST_UNREACH)
		pkt.icmp.un.frag.mtu = htons(1000);
	/* The datagram it answers: from the socket to its peer. */
	pkt.ip.version = 4;
	pkt.ip.ihl = 5;
	pkt.ip.ttl = 64;
	pkt.ip.protocol = IPPROTO_UDP;
	pkt.ip.tot_len = htons(sizeof(pkt.ip) + sizeof(pkt.udp));
	pkt.ip.saddr = me.sin_addr.s_addr;
	pkt.ip.daddr = peer.sin_addr.s_addr;
	pkt.ip.check = inet_csum(&pkt.ip, sizeof(pkt.ip));
	pkt.udp.source = me.sin_port;
	pkt.udp.dest = peer.sin_port;
	pkt.udp.len = htons(sizeof(pkt.udp));
	pkt.icmp.checksum = inet_csum(&pkt, sizeof(pkt));
	raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (raw < 0 || sendto(raw, &pkt, sizeof(pkt), 0, (struct sockaddr *)&peer,
			      sizeof(peer)) != sizeof(pkt))
		cf_broken("send an ICMP error on 127.0.0.1: %m");
	close(raw);
	wait_for(fd, POLLERR);
	return fd;
}

/*
 * cgroup.subtree_control, O_WRONLY, of a thread root: a domain cgroup with
 * a threaded child, where domain controllers cannot be enabled.
 */
FX(cgroup_thread_root_subtree)
{
	const char *cg = cgroup_child("thr");
	char path[128];

	snprintf(path, sizeof(path), "%s/t", cg);
	if (mkdir(path, 0755))
		cf_broken("mkdir %s: %m", path);
	snprintf(path, sizeof(path), "%s/t/cgroup.type", cg);
	write_file(path, "threaded");
	return open_in(cg, "cgroup.subtree_control", O_WRONLY);
}

/* A reply to a request the FUSE connection never sent. */
FX(buf_fuse_reply_unknown)
{
	static struct fuse_out_header out = { .len = sizeof(out), .unique = 0x7ffffff0 };

	return (long)&out;
}

/* /dev/fuse of a mounted FUSE file system, with no server reading it. */
FX(fuse_dev)
{
	char opts[128];
	int dev = open("/dev/fuse", O_RDWR);

	if (dev < 0)
		cf_skip("no FUSE: %m");
	snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=0,group_id=0", dev);
	if (mkdir("fuse", 0755) || mount("kapi", "fuse", "fuse.kapi", MS_NOSUID | MS_NODEV, opts))
		cf_skip("mount a FUSE file system: %m");
	return dev;
}

/*
 * A UDP socket on ::1, connected, that has been sent ICMPv6 destination
 * unreachable, administratively prohibited: its pending error is EACCES.
 */
FX(udp6_icmp_prohibited)
{
	struct {
		struct icmp6_hdr icmp;
		struct ip6_hdr ip;
		struct udphdr udp;
	} __attribute__((packed)) pkt = { 0 };
	struct sockaddr_in6 me = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	struct sockaddr_in6 peer = me, dst = { .sin6_family = AF_INET6 };
	socklen_t len = sizeof(me);
	int fd = sock(AF_INET6, SOCK_DGRAM), p = sock(AF_INET6, SOCK_DGRAM), raw;

	/* A free port for the peer: bound, then released. */
	if (bind(p, (struct sockaddr *)&peer, sizeof(peer)) ||
	    getsockname(p, (struct sockaddr *)&peer, &len))
		cf_skip("no IPv6 loopback: %m");
	close(p);
	len = sizeof(me);
	if (bind(fd, (struct sockaddr *)&me, sizeof(me)) ||
	    getsockname(fd, (struct sockaddr *)&me, &len) ||
	    connect(fd, (struct sockaddr *)&peer, sizeof(peer)))
		cf_broken("a connected UDP socket on ::1: %m");
	pkt.icmp.icmp6_type = ICMP6_DST_UNREACH;
	pkt.icmp.icmp6_code = ICMP6_DST_UNREACH_ADMIN;
	pkt.ip.ip6_flow = htonl(6U << 28);
	pkt.ip.ip6_plen = htons(sizeof(pkt.udp));
	pkt.ip.ip6_nxt = IPPROTO_UDP;
	pkt.ip.ip6_hlim = 64;
	pkt.ip.ip6_src = me.sin6_addr;
	pkt.ip.ip6_dst = peer.sin6_addr;
	pkt.udp.source = me.sin6_port;
	pkt.udp.dest = peer.sin6_port;
	pkt.udp.len = htons(sizeof(pkt.udp));
	/*
	 * The kernel computes the checksum of ICMPv6 raw sockets; their
	 * destination's port is 0 (or the protocol).
	 */
	dst.sin6_addr = peer.sin6_addr;
	raw = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	if (raw < 0 || sendto(raw, &pkt, sizeof(pkt), 0, (struct sockaddr *)&dst,
			      sizeof(dst)) != sizeof(pkt))
		cf_broken("send an ICMPv6 error on ::1: %m");
	close(raw);
	wait_for(fd, POLLERR);
	return fd;
}

/*
 * /dev/kmsg opened O_RDONLY | O_NONBLOCK at the oldest record, then twice
 * the log buffer written (at debug level, not rate limited: the runner
 * restores kernel.printk_devkmsg): every record the reader could see has
 * been overwritten.
 */
FX(kmsg_overwritten)
{
	int size = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0);
	char line[256];
	long done, i = 0;
	int fd, w;

	if (size <= 0)
		cf_broken("the log buffer's size: %m");
	write_file("/proc/sys/kernel/printk_devkmsg", "on\n");
	fd = open_or_die("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	w = open_or_die("/dev/kmsg", O_WRONLY);
	for (done = 0; done < 2L * size; done += sizeof(line)) {
		int len = snprintf(line, sizeof(line), "<7>kapi_conform flood %ld ", i++);

		memset(line + len, 'x', sizeof(line) - len - 1);
		line[sizeof(line) - 1] = '\n';
		if (write(w, line, sizeof(line)) != sizeof(line))
			cf_broken("write /dev/kmsg: %m");
	}
	close(w);
	return fd;
}

/* A packet socket bound to no device (protocol 0). */
FX(packet_unbound)
{
	int fd = socket(AF_PACKET, SOCK_RAW, 0);

	if (fd < 0)
		cf_skip("socket(AF_PACKET): %m");
	return fd;
}

/*
 * A NETLINK_USERSOCK socket in multicast group 1 with the smallest receive
 * buffer, sent more messages to that group than it holds: the overrun
 * leaves ENOBUFS as its pending error.
 */
FX(netlink_overrun)
{
	struct sockaddr_nl me = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	struct sockaddr_nl group = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	static char msg[1024];
	struct nlmsghdr *h = (struct nlmsghdr *)msg;
	int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_USERSOCK), tx, size = 0, i;

	if (fd < 0)
		cf_skip("socket(NETLINK_USERSOCK): %m");
	tx = socket(AF_NETLINK, SOCK_RAW, NETLINK_USERSOCK);
	if (tx < 0 || setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size)) ||
	    bind(fd, (struct sockaddr *)&me, sizeof(me)))
		cf_broken("a NETLINK_USERSOCK socket in group 1: %m");
	h->nlmsg_len = sizeof(msg);
	h->nlmsg_type = NLMSG_MIN_TYPE;
	/*
	 * Each message goes to the group, then to port 0, the kernel, which
	 * has no NETLINK_USERSOCK socket: ECONNREFUSED after the broadcast.
	 */
	for (i = 0; i < 64; i++)
		if (sendto(tx, msg, sizeof(msg), 0, (struct sockaddr *)&group, sizeof(group)) < 0 &&
		    errno != ECONNREFUSED)
			cf_broken("send to group 1: %m");
	close(tx);
	return fd;
}

/*
 * The last byte below TASK_SIZE_MAX (2^47 - 4096, or 2^56 - 4096 with
 * five-level paging, which the CPU flag la57 shows), its page mapped.
 */
FX(buf_user_top)
{
	unsigned long top = cf_user_top();
	void *p;

	p = mmap((void *)(top - 4096), 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != (void *)(top - 4096))
		cf_skip("cannot map the page below TASK_SIZE_MAX: %m");
	return (long)(top - 1);
}

/*
 * The path of a pseudo terminal's slave in exclusive mode (TIOCEXCL), mode
 * 0666: only callers with CAP_SYS_ADMIN may open it again.
 */
FX(path_pty_exclusive)
{
	char path[64];
	int s, n, m = pty_pair(&s);

	if (ioctl(m, TIOCGPTN, &n))
		cf_broken("TIOCGPTN: %m");
	snprintf(path, sizeof(path), "pts/%d", n);
	if (ioctl(s, TIOCEXCL) || chmod(path, 0666))
		cf_broken("TIOCEXCL on %s: %m", path);
	return here(path);
}

/*
 * The fixtures of the errors triaged last (issue 16, phase 2): FUSE
 * notifications and an aborted FUSE connection, network devices that went
 * down in a network namespace of the case's own, a TCP socket destroyed
 * through sock_diag, a swap area on a RAM disk, a /proc file of a reaped
 * process reached through a magic link.
 */

/* The kernel's dev_t of the file system mounted at ./DIR. */
static unsigned int mount_kdev(const char *dir)
{
	const char *want = (const char *)here(dir);
	char line[2 * PATH_MAX], point[PATH_MAX];
	unsigned int major, minor;
	FILE *f = fopen("/proc/self/mountinfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%*d %*d %u:%u %*s %4095s", &major, &minor, point) == 3 &&
		    !strcmp(point, want)) {
			fclose(f);
			return major << 20 | minor;
		}
	cf_broken("%s not in /proc/self/mountinfo", want);
}

/*
 * /dev/fuse of a FUSE file system whose server asked for FUSE_ABORT_ERROR
 * in its INIT reply, the connection aborted through the abort file of the
 * fusectl file system (without FUSE_ABORT_ERROR, reads get ENODEV).
 */
FX(fuse_dev_aborted)
{
	struct fuse_plan p = { .keep_dev = true, .init_flags = FUSE_ABORT_ERROR };
	struct stat st;
	char path[64];
	int fd;

	/* A lookup waits until the server has answered INIT. */
	if (stat(fuse_mount(&p), &st))
		cf_broken("stat fuse/file: %m");

	if (mkdir("fusectl", 0755))
		cf_broken("mkdir fusectl: %m");
	if (mount("fusectl", "fusectl", "fusectl", 0, NULL))
		cf_skip("mount the fusectl file system: %m");
	snprintf(path, sizeof(path), "fusectl/%u/abort", mount_kdev("fuse"));
	fd = open(path, O_WRONLY);
	if (fd < 0 || write(fd, "1", 1) != 1 || close(fd))
		cf_broken("write 1 to %s: %m", path);
	return fuse_dev_fd;
}

/*
 * /dev/fuse of a FUSE file system whose server runs; the kernel knows
 * "file" and "tree", and "tree/leaf" is in use (an O_PATH descriptor).
 */
FX(fuse_dev_served)
{
	struct fuse_plan p = { .keep_dev = true };

	fuse_mount(&p);
	if (open("fuse/file", O_PATH) < 0 || open("fuse/tree/leaf", O_PATH) < 0)
		cf_broken("look up fuse/file and fuse/tree/leaf: %m");
	return fuse_dev_fd;
}

/* A FUSE_NOTIFY_DELETE message of 45 bytes (a name of 4 characters). */
static long fuse_notify_delete(uint64_t parent, uint64_t child, const char *name)
{
	static char msg[128];
	struct fuse_notify_delete_out d = {
		.parent = parent, .child = child, .namelen = strlen(name),
	};
	struct fuse_out_header h = {
		.len = sizeof(h) + sizeof(d) + d.namelen + 1, .error = FUSE_NOTIFY_DELETE,
	};

	memcpy(msg, &h, sizeof(h));
	memcpy(msg + sizeof(h), &d, sizeof(d));
	memcpy(msg + sizeof(h) + sizeof(d), name, d.namelen + 1);
	return (long)msg;
}

FX(buf_fuse_notify_delete_in_file)
{
	return fuse_notify_delete(FUSE_FILE_ID, FUSE_LEAF_ID, "leaf");
}

FX(buf_fuse_notify_delete_tree)
{
	return fuse_notify_delete(FUSE_ROOT_ID, FUSE_TREE_ID, "tree");
}

/* The path of a file the FUSE server refuses to create, with the case's error. */
FX(path_fuse_create_fails)
{
	struct fuse_plan p = { .create_err = cf_current->err };

	fuse_mount(&p);
	return here("fuse/new");
}

/* The calling process gets a network namespace of its own; lo is down there. */
static int own_netns(void)
{
	if (unshare(CLONE_NEWNET))
		cf_skip("unshare(CLONE_NEWNET): %m");
	return sock(AF_INET, SOCK_DGRAM);
}

static void lo_set(int ctl, bool up, int mtu)
{
	struct ifreq r = { 0 };

	strcpy(r.ifr_name, "lo");
	if (ioctl(ctl, SIOCGIFFLAGS, &r))
		cf_broken("SIOCGIFFLAGS lo: %m");
	r.ifr_flags = up ? r.ifr_flags | IFF_UP : r.ifr_flags & ~IFF_UP;
	if (ioctl(ctl, SIOCSIFFLAGS, &r))
		cf_broken("SIOCSIFFLAGS lo: %m");
	r.ifr_mtu = mtu;
	if (mtu && ioctl(ctl, SIOCSIFMTU, &r))
		cf_broken("SIOCSIFMTU lo: %m");
}

/*
 * A packet socket bound to lo while lo was up, then lo set down: the
 * socket's pending error is ENETDOWN (packet_notifier()) and sends fail
 * with ENETDOWN (packet_snd()).
 */
FX(packet_dev_down)
{
	struct sockaddr_ll a = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL) };
	int ctl = own_netns(), fd;

	lo_set(ctl, true, 0);
	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	a.sll_ifindex = if_nametoindex("lo");
	if (fd < 0 || !a.sll_ifindex || bind(fd, (struct sockaddr *)&a, sizeof(a)))
		cf_broken("a packet socket bound to lo: %m");
	lo_set(ctl, false, 0);
	return fd;
}

/*
 * A UDP socket connected to 127.0.0.1 with the smallest send buffer, where
 * lo's MTU is 1500: a datagram of many fragments outgrows twice the send
 * buffer before it is sent (__ip_append_data()).
 */
FX(udp_small_sndbuf)
{
	struct sockaddr_in a = loopback(9);
	int ctl = own_netns(), fd, size = 0;

	lo_set(ctl, true, 1500);
	fd = sock(AF_INET, SOCK_DGRAM);
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size)) ||
	    connect(fd, (struct sockaddr *)&a, sizeof(a)))
		cf_broken("a UDP socket on 127.0.0.1: %m");
	return fd;
}

/*
 * A connected TCP socket that sock_diag's SOCK_DESTROY destroyed (what
 * "ss -K" does; the guest loads inet_diag and tcp_diag): its pending error
 * is ECONNABORTED (tcp_abort()).
 */
FX(tcp_destroyed)
{
	struct sockaddr_in a = loopback(0), me;
	socklen_t len = sizeof(a);
	int l = sock(AF_INET, SOCK_STREAM), c = sock(AF_INET, SOCK_STREAM), nl;
	struct {
		struct nlmsghdr h;
		struct inet_diag_req_v2 r;
	} req = { 0 };
	struct {
		struct nlmsghdr h;
		struct nlmsgerr e;
	} ack;

	if (bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&a, &len) ||
	    connect(c, (struct sockaddr *)&a, sizeof(a)) || accept(l, NULL, NULL) < 0 ||
	    getsockname(c, (struct sockaddr *)&me, &len))
		cf_broken("connect on 127.0.0.1: %m");
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = SOCK_DESTROY;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req.r.sdiag_family = AF_INET;
	req.r.sdiag_protocol = IPPROTO_TCP;
	req.r.idiag_states = ~0U;
	req.r.id.idiag_sport = me.sin_port;
	req.r.id.idiag_dport = a.sin_port;
	req.r.id.idiag_src[0] = me.sin_addr.s_addr;
	req.r.id.idiag_dst[0] = a.sin_addr.s_addr;
	req.r.id.idiag_cookie[0] = req.r.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
	nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
	if (nl < 0 || send(nl, &req, sizeof(req), 0) != sizeof(req) ||
	    recv(nl, &ack, sizeof(ack), 0) < (ssize_t)sizeof(ack))
		cf_broken("SOCK_DESTROY: %m");
	if (ack.h.nlmsg_type != NLMSG_ERROR)
		cf_broken("SOCK_DESTROY: answer of type %u", ack.h.nlmsg_type);
	if (ack.e.error == -ENOENT || ack.e.error == -EOPNOTSUPP)
		cf_skip("SOCK_DESTROY: %s (tcp_diag not loaded?)", strerror(-ack.e.error));
	if (ack.e.error)
		cf_broken("SOCK_DESTROY: %s", strerror(-ack.e.error));
	close(nl);
	return c;
}

/*
 * A RAM disk (the guest loads brd) in use as swap space, opened O_RDWR
 * before swapon(): writes to it fail (blkdev_write_iter()). Each run
 * switches the swap area off first and makes it anew.
 */
FX(bdev_swap_active)
{
	static char page[4096];
	uint32_t *info = (uint32_t *)(page + 1024);
	off_t size;
	int fd;

	if (mknod("ram0", S_IFBLK | 0600, makedev(1, 0)))
		cf_broken("mknod ram0: %m");
	fd = open("ram0", O_RDWR);
	if (fd < 0)
		cf_skip("no RAM disk (brd): %m");
	swapoff("ram0");
	size = lseek(fd, 0, SEEK_END);
	if (size < 16 * 4096)
		cf_broken("the size of ram0: %lld: %m", (long long)size);
	info[0] = 1;				/* version */
	info[1] = size / 4096 - 1;		/* last page */
	memcpy(page + 4096 - 10, "SWAPSPACE2", 10);
	if (pwrite(fd, page, sizeof(page), 0) != sizeof(page) || fsync(fd))
		cf_broken("write a swap header to ram0: %m");
	if (swapon("ram0", 0))
		cf_broken("swapon ram0: %m");
	return fd;
}

/*
 * /proc/self/fd/N, N an O_PATH descriptor of /proc/PID/environ taken
 * before PID was killed and reaped: the magic link reaches the file
 * without a lookup, and its open finds no task (proc_mem_open()).
 */
FX(path_proc_environ_reaped)
{
	static char path[64];
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		cf_broken("fork: %m");
	if (pid == 0) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/environ", pid);
	fd = open_or_die(path, O_PATH);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return (long)path;
}

/*
 * The sample module's device (/dev/kapi_sample, of kapi_sample.ko, whose
 * ioctl specs have triggers too), opened O_RDWR by root.
 */
static int sample_dev(void)
{
	int fd = open("/dev/kapi_sample", O_RDWR);

	if (fd < 0)
		cf_skip("no /dev/kapi_sample (kapi_sample.ko not loaded): %m");
	return fd;
}

FX(kapi_sample_dev) { return sample_dev(); }

/* The same, locked (KAPI_SAMPLE_FLAG_LOCKED): cf_fixtures_restore() unlocks it. */
FX(kapi_sample_locked)
{
	struct kapi_sample_config cfg = { .flags = KAPI_SAMPLE_FLAG_LOCKED };
	int fd = sample_dev();

	if (ioctl(fd, KAPI_SAMPLE_IOC_CONFIG, &cfg))
		cf_broken("KAPI_SAMPLE_IOC_CONFIG with KAPI_SAMPLE_FLAG_LOCKED: %m");
	return fd;
}

FX(buf_int_minus_one)
{
	static int minus_one = -1;

	return (long)&minus_one;
}

FX(buf_ones)
{
	static char ones[4096];

	memset(ones, 0xff, sizeof(ones));
	return (long)ones;
}

void cf_fixtures_restore(void)
{
	struct kapi_sample_config cfg = { 0 };
	int fd = open("/dev/kapi_sample", O_RDWR | O_CLOEXEC);

	/* The sample device's configuration: unlocked, as the module starts. */
	if (fd >= 0) {
		if (ioctl(fd, KAPI_SAMPLE_IOC_CONFIG, &cfg))
			fprintf(stderr, "kapi_conform: cannot reset /dev/kapi_sample: %m\n");
		close(fd);
	}
}

/*
 * Segment arrays for readv(), writev() and the positioned and flagged
 * variants (module/specs/vec.c): each is one struct iovec (the triggers pass
 * vlen=1) over the buffer of the fixture of the same name, and of the
 * length that read() and write() triggers give as count.
 */
static long one_iovec(long base, size_t len)
{
	static struct iovec iov;

	iov.iov_base = (void *)base;
	iov.iov_len = len;
	return (long)&iov;
}

FX(iov_1) { return one_iovec(cf_fx_buf(), 1); }
FX(iov_2) { return one_iovec(cf_fx_buf(), 2); }
FX(iov_8) { return one_iovec(cf_fx_buf(), 8); }
FX(iov_64) { return one_iovec(cf_fx_buf(), 64); }
FX(iov_4096) { return one_iovec(cf_fx_buf(), 4096); }
FX(iov_8192) { return one_iovec(cf_fx_buf(), 8192); }
FX(iov_60000) { return one_iovec(cf_fx_buf(), 60000); }
FX(iov_70000) { return one_iovec(cf_fx_buf(), 70000); }
FX(iov_131072) { return one_iovec(cf_fx_buf(), 131072); }
FX(iov_absent_pid) { return one_iovec(cf_fx_buf_absent_pid(), 7); }
FX(iov_plus_memory) { return one_iovec(cf_fx_buf_plus_memory(), 7); }
FX(iov_huge_number) { return one_iovec(cf_fx_buf_huge_number(), 20); }
FX(iov_fuse_reply_unknown) { return one_iovec(cf_fx_buf_fuse_reply_unknown(), 16); }
FX(iov_fuse_notify_delete_in_file)
{
	return one_iovec(cf_fx_buf_fuse_notify_delete_in_file(), 45);
}

FX(iov_fuse_notify_delete_tree)
{
	return one_iovec(cf_fx_buf_fuse_notify_delete_tree(), 45);
}

FX(iov_kernel_ptr) { return one_iovec(cf_fx_kernel_ptr(), 1); }
FX(iov_unmapped) { return one_iovec(cf_fx_unmapped_ptr(), 1); }

/* --- The descriptor table calls (module/specs/fd.c) ---------------------- */

static pid_t fd_waiter_tid;

/* A thread that opens a file of a FUSE mount whose server never answers. */
static void *fd_open_waits(void *path)
{
	fd_waiter_tid = (pid_t)syscall(SYS_gettid);
	(void)!open(path, O_RDONLY);
	return NULL;
}

/* Does thread TID sleep in system call NR? */
static bool fd_thread_sleeps_in(pid_t tid, long nr)
{
	char path[64], buf[512], *p;
	bool sleeps = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	f = fopen(path, "r");
	if (f) {
		if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')))
			sleeps = p[1] == ' ' && (p[2] == 'S' || p[2] == 'D');
		fclose(f);
	}
	if (!sleeps)
		return false;
	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", tid);
	f = fopen(path, "r");
	if (!f)
		return false;
	sleeps = fgets(buf, sizeof(buf), f) && strtol(buf, NULL, 10) == nr;
	fclose(f);
	return sleeps;
}

/*
 * The lowest free descriptor number, reserved by another thread of the
 * process: open() reserves the number before it walks the path, and the
 * walk waits in a FUSE mount whose server never answers INIT. The thread
 * dies with the case's process.
 */
FX(fd_reserved)
{
	static char path[PATH_MAX];
	char opts[128];
	pthread_t t;
	int dev, fd, i;

	dev = open("/dev/fuse", O_RDWR);
	if (dev < 0)
		cf_skip("no FUSE: %m");
	snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=0,group_id=0", dev);
	if (mkdir("fdres", 0755) || mount("kapi", "fdres", "fuse.kapi", MS_NOSUID | MS_NODEV, opts))
		cf_skip("mount a FUSE file system: %m");
	strcpy(path, "fdres/file");
	fd = open_or_die("/", O_RDONLY);
	close(fd);
	if (pthread_create(&t, NULL, fd_open_waits, path))
		cf_broken("pthread_create failed");
	for (i = 0; i < 500; i++) {
		if (fd_waiter_tid && fd_thread_sleeps_in(fd_waiter_tid, SYS_openat))
			return fd;
		usleep(10000);
	}
	cf_broken("the thread's open() of %s does not wait", path);
}

static void *fd_sleeps(void *arg)
{
	for (;;)
		pause();
	return arg;
}

/*
 * Descriptor 1000 is open, fs.nr_open is lowered to its minimum, 64 (the
 * runner puts it back), and a second thread shares the descriptor table: a
 * private copy of the table (close_range() with CLOSE_RANGE_UNSHARE,
 * unshare(CLONE_FILES)) cannot hold descriptor 1000.
 */
SETUP(fd_table_shared_nr_open_low)
{
	struct rlimit rl;
	pthread_t t;
	int fd;

	if (getrlimit(RLIMIT_NOFILE, &rl))
		cf_broken("getrlimit: %m");
	if (rl.rlim_cur <= 1000 && rl.rlim_max > 1000) {
		rl.rlim_cur = 1001;
		if (setrlimit(RLIMIT_NOFILE, &rl))
			cf_broken("setrlimit RLIMIT_NOFILE: %m");
	}
	fd = open_or_die(plain_file(), O_RDONLY);
	if (dup2(fd, 1000) != 1000 || close(fd))
		cf_broken("dup2 to 1000: %m");
	write_file("/proc/sys/fs/nr_open", "64");
	if (pthread_create(&t, NULL, fd_sleeps, NULL))
		cf_broken("pthread_create failed");
}

/* --- creat (module/specs/creat.c) ---------------------------------------- */

/*
 * A regular file marked append-only (chattr +a) on a tmpfs mount of the
 * case's own (tmpfs has the flag on both kernels, since 6.0). linux/fs.h
 * does not go with sys/mount.h, hence the two numbers here.
 */
#define CF_FS_IOC_SETFLAGS _IOW('f', 2, long)
#define CF_FS_APPEND_FL 0x00000020

FX(path_append_only)
{
	int fd, flags = CF_FS_APPEND_FL;

	if (mkdir("appendfs", 0755) || mount("tmpfs", "appendfs", "tmpfs", 0, "size=64k"))
		cf_broken("mount tmpfs on appendfs: %m");
	fd = open("appendfs/file", O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || write(fd, data, 4) != 4)
		cf_broken("create appendfs/file: %m");
	if (ioctl(fd, CF_FS_IOC_SETFLAGS, &flags))
		cf_skip("chattr +a on tmpfs: %m");
	close(fd);
	return here("appendfs/file");
}

/*
 * The fixtures of the positioned I/O specs (module/specs/rw.c): lseek,
 * pread64 and pwrite64 reach the files that keep a position, so what makes
 * them fail is a device that ignores the position, a /proc file that
 * regenerates its text, or a device with unsigned offsets.
 */

/* /dev/kmsg at its end (SEEK_END): a read waits for the next record. */
static long kmsg_at_end(int flags)
{
	int fd = open_or_die("/dev/kmsg", O_RDONLY | flags);

	if (lseek(fd, 0, SEEK_END) < 0)
		cf_broken("lseek /dev/kmsg SEEK_END: %m");
	return fd;
}

FX(kmsg_end) { return kmsg_at_end(0); }
FX(kmsg_end_nonblock) { return kmsg_at_end(O_NONBLOCK); }

/* /dev/mem, whose llseek (memory_lseek()) refuses positions that look like errors. */
FX(dev_mem)
{
	int fd = open("/dev/mem", O_RDONLY);

	if (fd < 0 && errno == ENOENT && !mknod("mem", S_IFCHR | 0600, makedev(1, 1)))
		fd = open("mem", O_RDONLY);
	if (fd < 0)
		cf_skip("no /dev/mem: %m");
	return fd;
}

/* /proc/1/syscall opened by root: its show method checks ptrace access (lock_trace()). */
FX(proc_init_syscall) { return open_or_die("/proc/1/syscall", O_RDONLY); }

/*
 * /proc/self/stack opened by the caller after it became user 65534 without
 * capabilities (dumpable again, so that it owns its /proc files): its show
 * method wants CAP_SYS_ADMIN of the opener (proc_pid_stack()). The case then
 * runs as that user.
 */
FX(proc_stack_unprivileged)
{
	cf_setup_nobody();
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
		cf_broken("PR_SET_DUMPABLE: %m");
	return open_or_die("/proc/self/stack", O_RDONLY);
}

/* --- openat2 (module/specs/openat2.c) ------------------------------------ */

/*
 * A struct open_how in memory of the case's own, followed by 8 bytes that
 * are zero unless @tail is set (then its last byte is 1): with a usize of
 * 32 the kernel reads them as an extension it does not know.
 */
static long open_how_at(unsigned long long flags, unsigned long long mode,
			unsigned long long resolve, bool tail)
{
	static struct {
		struct open_how how;
		unsigned char ext[8];
	} h;

	h.how.flags = flags;
	h.how.mode = mode;
	h.how.resolve = resolve;
	memset(h.ext, 0, sizeof(h.ext));
	if (tail)
		h.ext[sizeof(h.ext) - 1] = 1;
	return (long)&h;
}

FX(how_wronly) { return open_how_at(O_WRONLY, 0, 0, false); }
FX(how_rdwr) { return open_how_at(O_RDWR, 0, 0, false); }
FX(how_rdwr_noctty) { return open_how_at(O_RDWR | O_NOCTTY, 0, 0, false); }
FX(how_creat) { return open_how_at(O_CREAT | O_WRONLY, 0600, 0, false); }
FX(how_creat_excl) { return open_how_at(O_CREAT | O_EXCL | O_WRONLY, 0600, 0, false); }
FX(how_tmpfile) { return open_how_at(O_TMPFILE | O_RDWR, 0600, 0, false); }
FX(how_noatime) { return open_how_at(O_RDONLY | O_NOATIME, 0, 0, false); }
/* Bit 32: VALID_OPEN_FLAGS fits in 32 bits on every kernel (build_open_flags()). */
FX(how_flags_unknown) { return open_how_at(O_RDONLY | (1ULL << 32), 0, 0, false); }
FX(how_resolve_beneath) { return open_how_at(O_RDONLY, 0, RESOLVE_BENEATH, false); }
FX(how_resolve_no_symlinks) { return open_how_at(O_RDONLY, 0, RESOLVE_NO_SYMLINKS, false); }
FX(how_resolve_cached) { return open_how_at(O_RDONLY, 0, RESOLVE_CACHED, false); }
FX(how_trailing_nonzero) { return open_how_at(O_RDONLY, 0, 0, true); }

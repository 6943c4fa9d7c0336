// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_kmsg: does checking change what a checked program observes? Three
 * measurements, each printed as one line that scripts/guest/quiet.sh
 * compares between runs without kapi, with kapi off and with kapi in audit
 * mode (the kernel log switch off and on):
 *
 *   kapi_kmsg epipe TRIALS
 *	Per trial, a reader opens /dev/kmsg, the log is flooded (lines
 *	written to /dev/kmsg, at debug level so that the console stays quiet)
 *	until the reader's next record has been overwritten, and the reader
 *	then reads until no record is left, counting the reads that fail with
 *	EPIPE (the buffer wrapped under it). Prints "epipe N N ...", one
 *	count per trial. A line that anyone adds to the log while the reader
 *	sits at its oldest record costs the reader one more EPIPE: a report
 *	about the reader's own EPIPE, logged, would be such a line.
 *	Exits 1 if a trial saw no EPIPE at all (the flood did not wrap).
 *
 *   kapi_kmsg logged
 *	Makes one call that violates a spec (read() of descriptor -1:
 *	sys_read's descriptor rule) and prints "lines=N records=M": the kapi lines
 *	that the log got for it and the records of the violation ring that
 *	name this process (-1 without kapi).
 *
 *   kapi_kmsg selfread
 *	Clears the violation ring and reads runtime/violations and
 *	runtime/stats three times each, 64 bytes a read(); prints the reads
 *	that failed, the last violations text and the last stats text with
 *	the numbers of calls blanked. Reading kapi's own files must add no
 *	record and no violation: the output is the same with kapi off.
 *
 * Needs root; writes "on" to /proc/sys/kernel/printk_devkmsg for the flood
 * (so that the writes are not ratelimited) and puts the old value back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#include "kapi_test.h"

#define DEVKMSG_CTL "/proc/sys/kernel/printk_devkmsg"
#define SYSLOG_ACTION_SIZE_BUFFER 10
#define FLOOD_LINE 900
#define MAX_TRIALS 64

static char devkmsg_old[32];

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* printk_devkmsg=on for the flood; the old value back at exit. */
static void devkmsg_restore(void)
{
	if (devkmsg_old[0])
		write_file(DEVKMSG_CTL, devkmsg_old);
}

static int devkmsg_unlimit(void)
{
	int fd = open(DEVKMSG_CTL, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, devkmsg_old, sizeof(devkmsg_old) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	devkmsg_old[n] = '\0';
	atexit(devkmsg_restore);
	return write_file(DEVKMSG_CTL, "on\n");
}

/*
 * Write @bytes worth of debug-level lines to the log. The writes are hooked
 * calls too; they succeed and violate nothing.
 */
static int flood(long bytes)
{
	char line[FLOOD_LINE + 1];
	long done = 0, i = 0;
	int fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
	int len;

	if (fd < 0)
		return -1;
	while (done < bytes) {
		len = snprintf(line, sizeof(line), "<7>kapi_kmsg flood %ld ", i++);
		memset(line + len, 'x', FLOOD_LINE - len - 1);
		line[FLOOD_LINE - 1] = '\n';
		if (write(fd, line, FLOOD_LINE) != FLOOD_LINE) {
			close(fd);
			return -1;
		}
		done += FLOOD_LINE;
	}
	close(fd);
	return 0;
}

static int epipe(int trials)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	int counts[MAX_TRIALS], t, fd, ok = 1;
	char rec[8192];
	ssize_t n;

	if (size <= 0 || trials < 1 || trials > MAX_TRIALS) {
		fprintf(stderr, "kapi_kmsg: log buffer size %d, %d trials\n",
			size, trials);
		return 2;
	}
	if (devkmsg_unlimit()) {
		perror("kapi_kmsg: " DEVKMSG_CTL);
		return 2;
	}
	for (t = 0; t < trials; t++) {
		fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			perror("kapi_kmsg: /dev/kmsg");
			return 2;
		}
		/* Twice the buffer: every record the reader could see is gone. */
		if (flood(2L * size)) {
			perror("kapi_kmsg: flood");
			return 2;
		}
		counts[t] = 0;
		for (;;) {
			n = read(fd, rec, sizeof(rec));
			if (n >= 0)
				continue;
			if (errno == EPIPE)
				counts[t]++;
			else if (errno == EAGAIN)
				break;
			else if (errno != EINTR) {
				perror("kapi_kmsg: read /dev/kmsg");
				return 2;
			}
		}
		close(fd);
		if (!counts[t])
			ok = 0;
	}
	printf("epipe");
	for (t = 0; t < trials; t++)
		printf(" %d", counts[t]);
	printf("\n");
	return ok ? 0 : 1;
}

/* Records of the ring made by this process with rule @rule; -1 without kapi. */
static int my_records(const char *rule)
{
	static struct kapi_ring ring;
	size_t i;
	int n = 0;

	if (kapi_ring_read(&ring))
		return -1;
	for (i = 0; i < ring.n; i++)
		if (ring.r[i].pid == getpid() && !strcmp(ring.r[i].rule, rule))
			n++;
	return n;
}

static int logged(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	char rec[8192], buf[1];
	int lines = 0;
	ssize_t n;

	if (fd < 0 || lseek(fd, 0, SEEK_END) < 0) {
		perror("kapi_kmsg: /dev/kmsg");
		return 2;
	}
	/* sys_read's fd must be open; -1 arrives as 4294967295, never open. */
	if (read(-1, buf, 1) != -1 || errno != EBADF) {
		fprintf(stderr, "kapi_kmsg: read(-1) did not fail with EBADF\n");
		return 2;
	}
	for (;;) {
		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0 && errno != EPIPE && errno != EINTR) {
			perror("kapi_kmsg: read /dev/kmsg");
			return 2;
		}
		if (n <= 0)
			continue;
		rec[n] = '\0';
		if (strstr(rec, ";kapi: sys_read: param:fd:fd "))
			lines++;
	}
	close(fd);
	printf("lines=%d records=%d\n", lines, my_records("param:fd:fd"));
	return 0;
}

/* Read runtime/@name with 64-byte reads into @buf; count failed reads. */
static void read_small(const char *name, char *buf, size_t size, int *failed)
{
	char path[256];
	size_t len = 0;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), KAPI_RUNTIME "/%s", name);
	buf[0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		(*failed)++;
		return;
	}
	for (;;) {
		n = read(fd, buf + len, size - len - 1 < 64 ? size - len - 1 : 64);
		if (n < 0) {
			(*failed)++;
			break;
		}
		if (!n)
			break;
		len += n;
	}
	buf[len] = '\0';
	close(fd);
}

/* Print @text with the number after every "calls=" replaced by '#'. */
static void put_blanked(const char *text)
{
	const char *p = text, *c;

	while ((c = strstr(p, "calls="))) {
		fwrite(p, 1, c + 6 - p, stdout);
		putchar('#');
		p = c + 6;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	fputs(p, stdout);
}

static int selfread(void)
{
	static char violations[512 << 10], stats[64 << 10];
	int i, failed = 0;

	if (kapi_write("violations", "clear") || kapi_write("stats", "reset")) {
		fprintf(stderr, "kapi_kmsg: cannot clear runtime/violations or reset stats\n");
		return 2;
	}
	for (i = 0; i < 3; i++) {
		read_small("violations", violations, sizeof(violations), &failed);
		read_small("stats", stats, sizeof(stats), &failed);
	}
	printf("failed=%d\n", failed);
	fputs(violations, stdout);
	put_blanked(stats);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "epipe"))
		return epipe(atoi(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "logged"))
		return logged();
	if (argc == 2 && !strcmp(argv[1], "selfread"))
		return selfread();
	fprintf(stderr, "usage: kapi_kmsg epipe TRIALS | logged | selfread\n");
	return 2;
}

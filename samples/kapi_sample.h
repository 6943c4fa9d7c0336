/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The ioctl interface of kapi's sample module (/dev/kapi_sample), shared by
 * the driver, its annotated specs (the generator pastes the spec file's
 * #include lines into the image's C source, so the compiler evaluates
 * KAPI_SAMPLE_IOC_SET and friends) and any program that talks to the device.
 */
#ifndef _KAPI_SAMPLE_H
#define _KAPI_SAMPLE_H

#include <linux/ioctl.h>
#include <linux/types.h>

/* The value KAPI_SAMPLE_IOC_SET accepts: 0 to KAPI_SAMPLE_VALUE_MAX. */
#define KAPI_SAMPLE_VALUE_MAX 100

/* Flags of struct kapi_sample_config. */
#define KAPI_SAMPLE_FLAG_VERBOSE 0x1U
#define KAPI_SAMPLE_FLAG_LOCKED 0x2U
#define KAPI_SAMPLE_FLAGS_ALL (KAPI_SAMPLE_FLAG_VERBOSE | KAPI_SAMPLE_FLAG_LOCKED)

/* Length of kapi_sample_config.name, terminating NUL included. */
#define KAPI_SAMPLE_NAME_LEN 16

struct kapi_sample_config {
	__u32 flags;			/* KAPI_SAMPLE_FLAG_* */
	__u32 reserved;			/* 0 */
	char name[KAPI_SAMPLE_NAME_LEN];	/* NUL-terminated */
};

#define KAPI_SAMPLE_IOC_MAGIC 0xb7
#define KAPI_SAMPLE_IOC_SET _IOW(KAPI_SAMPLE_IOC_MAGIC, 1, int)
#define KAPI_SAMPLE_IOC_GET _IOR(KAPI_SAMPLE_IOC_MAGIC, 2, int)
#define KAPI_SAMPLE_IOC_CONFIG _IOW(KAPI_SAMPLE_IOC_MAGIC, 3, \
				    struct kapi_sample_config)

#endif /* _KAPI_SAMPLE_H */

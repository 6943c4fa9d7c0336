// SPDX-License-Identifier: GPL-2.0
/*
 * Specifications of the ioctls of kapi's sample module (/dev/kapi_sample),
 * written in kapi's annotation language: one kerneldoc block per ioctl
 * command, marked "api-type: ioctl" and naming its command with
 * "ioctl-cmd:". An ioctl spec has no C declaration after it, so each
 * parameter gives its C type with "ctype:". kapi-gen turns this file into
 * the module's spec image (see samples/Kbuild); it is never compiled on its
 * own. The #include lines are repeated in the generated C, so that the
 * compiler evaluates KAPI_SAMPLE_IOC_SET, KAPI_SAMPLE_VALUE_MAX and the
 * error names for the target kernel.
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/limits.h>

#include "kapi_sample.h"

/**
 * kapi_sample_ioc_set - set the sample device's value
 *
 * api-type: ioctl
 * ioctl-cmd: KAPI_SAMPLE_IOC_SET
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * long-desc: Stores the int that arg points to as the device's value. The
 *   value must lie between 0 and KAPI_SAMPLE_VALUE_MAX, and the device must
 *   not be locked (see KAPI_SAMPLE_IOC_CONFIG). The value is shared by every
 *   open file of the device and lasts until the module is unloaded.
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   ctype: int
 *   flags: KAPI_PARAM_IN
 *   desc: An open file of /dev/kapi_sample.
 *
 * param: cmd
 *   type: KAPI_TYPE_UINT
 *   ctype: unsigned int
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_ENUM
 *   valid-values: KAPI_SAMPLE_IOC_SET
 *   errno: ENOTTY
 *   desc: The command, KAPI_SAMPLE_IOC_SET.
 *
 * param: arg
 *   type: KAPI_TYPE_USER_PTR
 *   ctype: const int __user *
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PTR
 *   size: sizeof(int)
 *   errno: EFAULT
 *   desc: Where the new value is read from.
 *   cdesc: Must point to a readable int. The int itself must be in the range
 *     0 to KAPI_SAMPLE_VALUE_MAX; any other value fails with EINVAL.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_EXACT
 *   success: 0
 *   desc: 0 on success, else a negative error code.
 *
 * error: EBADF, fd is not an open file descriptor
 *   trigger: fd=closed, arg=buf
 *   desc: The ioctl system call checks fd before the driver runs.
 *
 * error: ENOTTY, fd is not an open file of /dev/kapi_sample
 *   trigger: fd=file_rdwr, arg=buf
 *   desc: Other files do not know the command (or have no ioctls at all).
 *
 * error: EFAULT, arg does not point to a readable int
 *   trigger: fd=kapi_sample_dev, arg=unmapped_ptr
 *   desc: Reading the new value from user memory faulted.
 *
 * error: EINVAL, the new value is below 0 or above KAPI_SAMPLE_VALUE_MAX
 *   trigger: fd=kapi_sample_dev, arg=buf_int_minus_one
 *   desc: The value is left unchanged.
 *
 * error: EPERM, the device is locked
 *   trigger: fd=kapi_sample_locked, arg=buf
 *   desc: KAPI_SAMPLE_IOC_CONFIG set KAPI_SAMPLE_FLAG_LOCKED; the value cannot
 *     change until a later KAPI_SAMPLE_IOC_CONFIG clears it.
 *
 * lock: kapi_sample_lock
 *   type: KAPI_LOCK_MUTEX
 *   desc: Serialises access to the value and the configuration.
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: the device's value
 *   condition: on success
 *   desc: Every later KAPI_SAMPLE_IOC_GET returns the new value.
 *
 * state-trans: device value
 *   from: any value
 *   to: the new value
 *   condition: the device is not locked
 *   desc: The value changes for every user of the device.
 *
 * constraint: value range
 *   desc: The int arg points to is between 0 and KAPI_SAMPLE_VALUE_MAX.
 *   expr: 0 <= *arg && *arg <= KAPI_SAMPLE_VALUE_MAX
 */

/**
 * kapi_sample_ioc_get - read the sample device's value
 *
 * api-type: ioctl
 * ioctl-cmd: KAPI_SAMPLE_IOC_GET
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * long-desc: Stores the device's current value, 0 after loading, in the int
 *   that arg points to.
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   ctype: int
 *   flags: KAPI_PARAM_IN
 *   desc: An open file of /dev/kapi_sample.
 *
 * param: cmd
 *   type: KAPI_TYPE_UINT
 *   ctype: unsigned int
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_ENUM
 *   valid-values: KAPI_SAMPLE_IOC_GET
 *   errno: ENOTTY
 *   desc: The command, KAPI_SAMPLE_IOC_GET.
 *
 * param: arg
 *   type: KAPI_TYPE_USER_PTR
 *   ctype: int __user *
 *   flags: KAPI_PARAM_OUT | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PTR
 *   size: sizeof(int)
 *   errno: EFAULT
 *   desc: Where the value is stored.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_EXACT
 *   success: 0
 *   desc: 0 on success, else a negative error code.
 *
 * error: EBADF, fd is not an open file descriptor
 *   trigger: fd=closed, arg=buf
 *   desc: The ioctl system call checks fd before the driver runs.
 *
 * error: ENOTTY, fd is not an open file of /dev/kapi_sample
 *   trigger: fd=file_rdwr, arg=buf
 *   desc: Other files do not know the command (or have no ioctls at all).
 *
 * error: EFAULT, arg does not point to a writable int
 *   trigger: fd=kapi_sample_dev, arg=unmapped_ptr
 *   desc: Storing the value in user memory faulted.
 *
 * lock: kapi_sample_lock
 *   type: KAPI_LOCK_MUTEX
 *   desc: Serialises access to the value and the configuration.
 */

/**
 * kapi_sample_ioc_config - configure the sample device
 *
 * api-type: ioctl
 * ioctl-cmd: KAPI_SAMPLE_IOC_CONFIG
 * context-flags: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE
 *
 * long-desc: Replaces the device's configuration with the struct
 *   kapi_sample_config that arg points to: its flags (KAPI_SAMPLE_FLAG_VERBOSE,
 *   KAPI_SAMPLE_FLAG_LOCKED) and its name. While KAPI_SAMPLE_FLAG_LOCKED is
 *   set, KAPI_SAMPLE_IOC_SET fails with EPERM.
 *
 *   Only a caller with CAP_SYS_ADMIN may change the configuration.
 *
 * param: fd
 *   type: KAPI_TYPE_FD
 *   ctype: int
 *   flags: KAPI_PARAM_IN
 *   desc: An open file of /dev/kapi_sample.
 *
 * param: cmd
 *   type: KAPI_TYPE_UINT
 *   ctype: unsigned int
 *   flags: KAPI_PARAM_IN
 *   constraint-type: KAPI_CONSTRAINT_ENUM
 *   valid-values: KAPI_SAMPLE_IOC_CONFIG
 *   errno: ENOTTY
 *   desc: The command, KAPI_SAMPLE_IOC_CONFIG.
 *
 * param: arg
 *   type: KAPI_TYPE_USER_PTR
 *   ctype: const struct kapi_sample_config __user *
 *   flags: KAPI_PARAM_IN | KAPI_PARAM_USER
 *   constraint-type: KAPI_CONSTRAINT_USER_PTR
 *   size: sizeof(struct kapi_sample_config)
 *   errno: EFAULT
 *   desc: The new configuration.
 *   cdesc: Must point to a readable struct kapi_sample_config whose flags
 *     have no bits outside KAPI_SAMPLE_FLAGS_ALL, whose reserved field is 0
 *     and whose name is NUL-terminated within KAPI_SAMPLE_NAME_LEN bytes;
 *     otherwise the result is EINVAL.
 *
 * return:
 *   type: KAPI_TYPE_INT
 *   check-type: KAPI_RETURN_EXACT
 *   success: 0
 *   desc: 0 on success, else a negative error code.
 *
 * error: EBADF, fd is not an open file descriptor
 *   trigger: fd=closed, arg=buf
 *   desc: The ioctl system call checks fd before the driver runs.
 *
 * error: ENOTTY, fd is not an open file of /dev/kapi_sample
 *   trigger: fd=file_rdwr, arg=buf
 *   desc: Other files do not know the command (or have no ioctls at all).
 *
 * error: EFAULT, arg does not point to a readable struct kapi_sample_config
 *   trigger: fd=kapi_sample_dev, arg=kernel_ptr
 *   desc: Reading the configuration from user memory faulted.
 *
 * error: EINVAL, unknown flags, a nonzero reserved field or an unterminated name
 *   trigger: fd=kapi_sample_dev, arg=buf_ones
 *   desc: The configuration is left unchanged.
 *
 * error: EPERM, the caller lacks CAP_SYS_ADMIN
 *   trigger: fd=kapi_sample_dev, arg=buf, setup=nobody
 *   desc: Checked after the configuration was read and found valid.
 *
 * capability: CAP_SYS_ADMIN
 *   type: KAPI_CAP_PERFORM_OPERATION
 *   allows: changing the configuration
 *   without: the call fails with EPERM
 *
 * lock: kapi_sample_lock
 *   type: KAPI_LOCK_MUTEX
 *   desc: Serialises access to the value and the configuration.
 *
 * side-effect: KAPI_EFFECT_MODIFY_STATE
 *   target: the device's configuration
 *   condition: on success
 *   desc: Locking the device makes later KAPI_SAMPLE_IOC_SET calls fail.
 *
 * constraint: valid flags
 *   desc: No flag outside KAPI_SAMPLE_FLAGS_ALL is set.
 *   expr: (arg->flags & ~KAPI_SAMPLE_FLAGS_ALL) == 0
 */

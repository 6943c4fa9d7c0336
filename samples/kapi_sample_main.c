// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_sample.ko: how a module ships specifications of its own API. The
 * module is a small misc device, /dev/kapi_sample, with three ioctls (set
 * and get a value, configure the device). Their specs are written next to
 * the code in kapi_sample_specs.c; kapi-gen turns that file into a spec
 * image linked into this module (samples/Kbuild), and the module hands the
 * image to kapi.ko when it loads and takes it back when it unloads. With
 * forget_unregister=1 it "forgets" the second step, to show (and test) that
 * kapi cleans up after a module that goes away.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <kapi/kapi_module.h>

#include "kapi_sample.h"

/* The spec image kapi-gen made from kapi_sample_specs.c. */
KAPI_IMAGE_DECLARE(kapi_sample_image);

static bool forget_unregister;
module_param(forget_unregister, bool, 0444);
MODULE_PARM_DESC(forget_unregister,
		 "leave the spec image registered at unload (kapi unregisters it)");

/* LOCKING: kapi_sample_lock protects the value and the configuration. */
static DEFINE_MUTEX(kapi_sample_lock);
static int kapi_sample_value;
static struct kapi_sample_config kapi_sample_cfg;

static long kapi_sample_set(const int __user *arg)
{
	long ret = 0;
	int value;

	if (get_user(value, arg))
		return -EFAULT;
	if (value < 0 || value > KAPI_SAMPLE_VALUE_MAX)
		return -EINVAL;
	mutex_lock(&kapi_sample_lock);
	if (kapi_sample_cfg.flags & KAPI_SAMPLE_FLAG_LOCKED)
		ret = -EPERM;
	else
		kapi_sample_value = value;
	mutex_unlock(&kapi_sample_lock);
	return ret;
}

static long kapi_sample_get(int __user *arg)
{
	int value;

	mutex_lock(&kapi_sample_lock);
	value = kapi_sample_value;
	mutex_unlock(&kapi_sample_lock);
	return put_user(value, arg) ? -EFAULT : 0;
}

static long kapi_sample_config(const struct kapi_sample_config __user *arg)
{
	struct kapi_sample_config cfg;

	if (copy_from_user(&cfg, arg, sizeof(cfg)))
		return -EFAULT;
	if ((cfg.flags & ~KAPI_SAMPLE_FLAGS_ALL) || cfg.reserved ||
	    !memchr(cfg.name, '\0', sizeof(cfg.name)))
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	mutex_lock(&kapi_sample_lock);
	kapi_sample_cfg = cfg;
	mutex_unlock(&kapi_sample_lock);
	return 0;
}

static long kapi_sample_ioctl(struct file *file, unsigned int cmd,
			      unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case KAPI_SAMPLE_IOC_SET:
		return kapi_sample_set(uarg);
	case KAPI_SAMPLE_IOC_GET:
		return kapi_sample_get(uarg);
	case KAPI_SAMPLE_IOC_CONFIG:
		return kapi_sample_config(uarg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations kapi_sample_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = kapi_sample_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static struct miscdevice kapi_sample_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kapi_sample",
	.fops = &kapi_sample_fops,
	.mode = 0600,
};

static int __init kapi_sample_init(void)
{
	int ret;

	/*
	 * ORDER: specs first, so that they are there before anyone can make
	 * a call they describe. kapi validates the image and refuses it (with
	 * a message naming the fault) if it is malformed or a name is taken.
	 */
	ret = kapi_register_image(kapi_sample_image_data,
				  kapi_sample_image_size, THIS_MODULE);
	if (ret)
		return ret;
	ret = misc_register(&kapi_sample_dev);
	if (ret)
		goto err_unregister_specs;
	return 0;

err_unregister_specs:
	kapi_unregister_image(kapi_sample_image_data);
	return ret;
}

static void __exit kapi_sample_exit(void)
{
	misc_deregister(&kapi_sample_dev);
	/* kapi would do this for us when the module goes, with a notice. */
	if (!forget_unregister)
		kapi_unregister_image(kapi_sample_image_data);
}

module_init(kapi_sample_init);
module_exit(kapi_sample_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kapi sample: a misc device that ships specs of its ioctls");

// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of spec images: kapi's own built-in image and the images
 * other modules register through kapi_register_image(). A registered image
 * is a private copy, validated before anything reads it, so that neither a
 * corrupt image nor a caller that changes or frees its bytes afterwards can
 * hurt a reader. Specs are found by name in a hash table read under RCU;
 * readers hold a reference on the image they use, so an image outlives its
 * unregistration until the last reader lets go. Images of a module that
 * goes away are unregistered for it. Views learn of changes through
 * listeners; the registry itself calls nothing above it.
 */
#include <linux/err.h>
#include <linux/hashtable.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include <kapi/kapi_module.h>

#include "image.h"
#include "kapi.h"
#include "registry.h"

#define KAPI_REGISTRY_HASH_BITS 9

/*
 * LOCKING: kapi_registry_mutex protects the image list, the listener list
 * and writes to the name table. Lookups read the name table under RCU and
 * pin the image with a reference. An unregistered image leaves the table,
 * then waits for an RCU grace period before the registry drops its own
 * reference, so a lookup never finds an image that is already free.
 */
static DEFINE_MUTEX(kapi_registry_mutex);
static DEFINE_HASHTABLE(kapi_registry_names, KAPI_REGISTRY_HASH_BITS);
static LIST_HEAD(kapi_registry_images);
static LIST_HEAD(kapi_registry_listeners);

static void kapi_registry_release(struct kref *ref)
{
	struct kapi_registry_image *img;

	img = container_of(ref, struct kapi_registry_image, ref);
	kvfree(img->data);
	kvfree(img);
}

static u32 kapi_registry_hash(const char *name)
{
	return full_name_hash(NULL, name, strlen(name));
}

/* LOCKING: the registry lock or rcu_read_lock(). */
static struct kapi_registry_spec *kapi_registry_find(const char *name, u32 hash)
{
	struct kapi_registry_spec *s;

	hash_for_each_possible_rcu(kapi_registry_names, s, node, hash,
				   lockdep_is_held(&kapi_registry_mutex)) {
		if (s->hash == hash && !strcmp(s->name, name))
			return s;
	}
	return NULL;
}

/* LOCKING: the registry lock. */
static struct kapi_registry_image *kapi_registry_find_image(const void *key)
{
	struct kapi_registry_image *img;

	lockdep_assert_held(&kapi_registry_mutex);
	list_for_each_entry(img, &kapi_registry_images, node) {
		if (img->key == key)
			return img;
	}
	return NULL;
}

/*
 * Take @img out of the name table and the image list and tell the
 * listeners. The caller then waits for a grace period and drops the
 * registry's reference. LOCKING: the registry lock.
 */
static void kapi_registry_remove(struct kapi_registry_image *img)
{
	struct kapi_registry_listener *l;
	u32 i;

	lockdep_assert_held(&kapi_registry_mutex);
	for (i = 0; i < img->nspecs; i++)
		hash_del_rcu(&img->specs[i].node);
	list_del(&img->node);
	list_for_each_entry(l, &kapi_registry_listeners, node)
		l->removed(img);
}

/* Copy and validate an image; build its registry entry, not yet visible. */
static struct kapi_registry_image *kapi_registry_prepare(const void *data,
							 size_t size,
							 char *why,
							 size_t why_len)
{
	struct kapi_registry_image *img;
	void *copy;
	u32 i, n;
	int ret;

	/* Sizes that are wrong on their face are refused before copying. */
	if (!data || size < sizeof(struct kapi_image_header) ||
	    size > KAPI_IMAGE_MAX_SIZE)
		return ERR_PTR(kapi_image_validate(data, size, why, why_len));

	/* Validate the copy: the caller's bytes could change under us. */
	copy = kvmalloc(size, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	memcpy(copy, data, size);
	ret = kapi_image_validate(copy, size, why, why_len);
	if (ret) {
		kvfree(copy);
		return ERR_PTR(ret);
	}

	n = kapi_image_spec_count(copy);
	img = kvzalloc(struct_size(img, specs, n), GFP_KERNEL);
	if (!img) {
		kvfree(copy);
		return ERR_PTR(-ENOMEM);
	}
	kref_init(&img->ref);
	img->key = data;
	img->data = copy;
	img->size = size;
	img->nspecs = n;
	for (i = 0; i < n; i++) {
		struct kapi_registry_spec *s = &img->specs[i];

		s->image = img;
		s->spec = kapi_image_spec(copy, i);
		s->name = kapi_image_spec_name(copy, s->spec);
		s->hash = kapi_registry_hash(s->name);
	}
	return img;
}

/**
 * kapi_register_image() - register a module's spec image
 * @data: the image, as the kapi generator emits it (section .kapi_specs)
 * @size: its size in bytes
 * @owner: the module the image belongs to (THIS_MODULE), or NULL
 *
 * The image is copied and validated completely before use; a refused image
 * is reported in the kernel log, naming the record and field at fault, and
 * nothing of it is registered. Every name in the image must be new: if any
 * spec name is already registered (by this or any other image) the whole
 * image is refused. After success the specs can be looked up and appear in
 * kapi's views until kapi_unregister_image(), or until @owner is unloaded:
 * kapi unregisters the images of a module that goes away (and says so, as
 * the module should have done it itself). @data need not stay valid, but it
 * is the key for kapi_unregister_image().
 *
 * Context: process context; may sleep.
 * Return: 0 on success; -EINVAL no image; -E2BIG larger than
 * %KAPI_IMAGE_MAX_SIZE; -ENOEXEC not a spec image; -EOPNOTSUPP an
 * unsupported major version; -EBADMSG a malformed image; -EEXIST a spec
 * name that is not unique, or @data already registered; -ENOMEM.
 */
int kapi_register_image(const void *data, size_t size, struct module *owner)
{
	struct kapi_registry_listener *l;
	struct kapi_registry_image *img;
	struct kapi_registry_spec *dup;
	char why[KAPI_IMAGE_WHY_LEN];
	int ret = 0;
	u32 i;

	img = kapi_registry_prepare(data, size, why, sizeof(why));
	if (IS_ERR(img)) {
		ret = PTR_ERR(img);
		if (ret == -ENOMEM)
			return ret;
		pr_err("module %s: spec image refused (%pe): %s\n",
		       module_name(owner), img, why);
		return ret;
	}
	img->owner = owner;

	mutex_lock(&kapi_registry_mutex);
	if (kapi_fail("image_insert")) {
		ret = -EEXIST;
		goto unlock;
	}
	if (kapi_registry_find_image(data)) {
		pr_err("module %s: spec image refused (%pe): this image is already registered\n",
		       module_name(owner), ERR_PTR(-EEXIST));
		ret = -EEXIST;
		goto unlock;
	}
	for (i = 0; i < img->nspecs; i++) {
		dup = kapi_registry_find(img->specs[i].name,
					 img->specs[i].hash);
		if (dup) {
			pr_err("module %s: spec image refused (%pe): specs[%u] (%s) is already registered by module %s\n",
			       module_name(owner), ERR_PTR(-EEXIST), i,
			       dup->name, module_name(dup->image->owner));
			ret = -EEXIST;
			goto unlock;
		}
	}
	for (i = 0; i < img->nspecs; i++)
		hash_add_rcu(kapi_registry_names, &img->specs[i].node,
			     img->specs[i].hash);
	list_add_tail(&img->node, &kapi_registry_images);
	list_for_each_entry(l, &kapi_registry_listeners, node)
		l->added(img);
	pr_debug("module %s: registered %u specs\n", module_name(owner),
		 img->nspecs);
unlock:
	mutex_unlock(&kapi_registry_mutex);
	/* A refused image was never visible: the reference is the only one. */
	if (ret)
		kref_put(&img->ref, kapi_registry_release);
	return ret;
}
EXPORT_SYMBOL_GPL(kapi_register_image);

/**
 * kapi_unregister_image() - unregister a spec image
 * @data: the pointer that was passed to kapi_register_image()
 *
 * The image's specs disappear from lookups and views at once; readers that
 * still use one keep it valid until they finish.
 *
 * Context: process context; may sleep (it waits for an RCU grace period).
 * Return: 0, or -ENOENT if @data is not registered.
 */
int kapi_unregister_image(const void *data)
{
	struct kapi_registry_image *img;

	mutex_lock(&kapi_registry_mutex);
	img = kapi_registry_find_image(data);
	if (img)
		kapi_registry_remove(img);
	mutex_unlock(&kapi_registry_mutex);
	if (!img)
		return -ENOENT;

	synchronize_rcu();
	kref_put(&img->ref, kapi_registry_release);
	return 0;
}
EXPORT_SYMBOL_GPL(kapi_unregister_image);

/**
 * kapi_registry_get() - look up a spec by name
 * @name: the spec's name, e.g. "sys_read"
 *
 * Context: any context that may take an RCU read lock.
 * Return: the spec with a reference on its image, to be dropped with
 * kapi_registry_put(); NULL if no spec has that name.
 */
struct kapi_registry_spec *kapi_registry_get(const char *name)
{
	struct kapi_registry_spec *s;

	rcu_read_lock();
	s = kapi_registry_find(name, kapi_registry_hash(name));
	if (s && !kref_get_unless_zero(&s->image->ref))
		s = NULL;
	rcu_read_unlock();
	return s;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_get);

/**
 * kapi_registry_put() - drop the reference kapi_registry_get() took
 * @spec: the spec, or NULL
 *
 * Context: process context (the last reference frees the image).
 */
void kapi_registry_put(struct kapi_registry_spec *spec)
{
	if (spec)
		kref_put(&spec->image->ref, kapi_registry_release);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_put);

/**
 * kapi_registry_lock() - hold the registry still, for iteration
 *
 * While it is held no image is registered or unregistered. Do not hold it
 * across anything that waits for userspace.
 */
void kapi_registry_lock(void)
{
	mutex_lock(&kapi_registry_mutex);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_lock);

/**
 * kapi_registry_unlock() - release kapi_registry_lock()
 */
void kapi_registry_unlock(void)
{
	mutex_unlock(&kapi_registry_mutex);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_unlock);

/**
 * kapi_registry_next() - iterate over the registered images
 * @prev: the previous image, or NULL to start
 *
 * Context: with kapi_registry_lock() held.
 * Return: the image registered after @prev (the first one if @prev is
 * NULL), in registration order; NULL after the last.
 */
const struct kapi_registry_image *
kapi_registry_next(const struct kapi_registry_image *prev)
{
	lockdep_assert_held(&kapi_registry_mutex);
	if (!prev)
		return list_first_entry_or_null(&kapi_registry_images,
						struct kapi_registry_image,
						node);
	if (list_is_last(&prev->node, &kapi_registry_images))
		return NULL;
	return list_next_entry(prev, node);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_next);

/**
 * kapi_registry_listen() - tell @listener about every change from now on
 * @listener: callbacks; must stay valid until kapi_registry_unlisten()
 *
 * @listener->added() is called at once for each image already registered,
 * so that the listener starts from the current state.
 */
void kapi_registry_listen(struct kapi_registry_listener *listener)
{
	const struct kapi_registry_image *img;

	mutex_lock(&kapi_registry_mutex);
	list_add_tail(&listener->node, &kapi_registry_listeners);
	list_for_each_entry(img, &kapi_registry_images, node)
		listener->added(img);
	mutex_unlock(&kapi_registry_mutex);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_listen);

/**
 * kapi_registry_unlisten() - stop telling @listener about changes
 * @listener: a listener passed to kapi_registry_listen()
 *
 * No callback is made for the images still registered. When this returns,
 * no callback of @listener is running or will run.
 */
void kapi_registry_unlisten(struct kapi_registry_listener *listener)
{
	mutex_lock(&kapi_registry_mutex);
	list_del(&listener->node);
	mutex_unlock(&kapi_registry_mutex);
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_unlisten);

/* Unregister every image of @mod, or every image at all if @all. */
static unsigned int kapi_registry_remove_owned(struct module *mod, bool all)
{
	struct kapi_registry_image *img, *tmp;
	unsigned int n = 0;
	LIST_HEAD(gone);

	mutex_lock(&kapi_registry_mutex);
	list_for_each_entry_safe(img, tmp, &kapi_registry_images, node) {
		if (!all && img->owner != mod)
			continue;
		kapi_registry_remove(img);
		list_add_tail(&img->node, &gone);
	}
	mutex_unlock(&kapi_registry_mutex);
	if (list_empty(&gone))
		return 0;

	synchronize_rcu();
	list_for_each_entry_safe(img, tmp, &gone, node) {
		pr_notice("module %s did not unregister its spec image (%u specs); kapi unregistered it\n",
			  module_name(img->owner), img->nspecs);
		list_del(&img->node);
		kref_put(&img->ref, kapi_registry_release);
		n++;
	}
	return n;
}

/**
 * kapi_registry_module_notify() - the registry's module notifier
 * @nb: the registry's notifier block
 * @action: the module's new state
 * @data: the module
 *
 * A module going away (unloaded, or failed in its init) may leave images
 * behind; they must go with it. GOING is sent after the module's exit
 * function ran, so an image it did unregister is no longer here.
 *
 * Context: process context; may sleep.
 * Return: %NOTIFY_OK if images of the module were unregistered, else
 * %NOTIFY_DONE.
 */
int kapi_registry_module_notify(struct notifier_block *nb,
				unsigned long action, void *data)
{
	if (action != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	return kapi_registry_remove_owned(data, false) ? NOTIFY_OK : NOTIFY_DONE;
}
EXPORT_SYMBOL_FOR_KAPI_KUNIT(kapi_registry_module_notify);

static struct notifier_block kapi_registry_module_nb = {
	.notifier_call = kapi_registry_module_notify,
};

/**
 * kapi_registry_init() - start the registry
 *
 * Return: 0 or a negative errno.
 */
int kapi_registry_init(void)
{
	if (kapi_fail("module_notifier"))
		return -EBUSY;
	return register_module_notifier(&kapi_registry_module_nb);
}

/**
 * kapi_registry_exit() - stop the registry
 *
 * Every image must be unregistered by now: kapi's own by main.c, and other
 * modules' ones cannot outlive kapi, whose symbols they use.
 */
void kapi_registry_exit(void)
{
	unregister_module_notifier(&kapi_registry_module_nb);
	WARN_ON_ONCE(kapi_registry_remove_owned(NULL, true));
}

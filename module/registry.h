/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registry of spec images inside kapi.ko: which images are registered,
 * by which module, and the specs they hold, found by name. The registry
 * owns the locks and the lifetime of everything registered; the layers
 * above read through the lookup and iteration functions here and learn of
 * changes through listeners, so no call ever goes upward.
 *
 * LOCKING: one mutex serialises writers (register, unregister, listeners)
 * and the iteration cursor; name lookups take no lock (RCU) and return a
 * counted reference.
 */
#ifndef KAPI_REGISTRY_H
#define KAPI_REGISTRY_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/types.h>

struct module;
struct notifier_block;
struct kapi_registry_image;

/**
 * struct kapi_registry_spec - one registered spec
 * @node: entry in the name hash table (RCU)
 * @image: the registered image that holds the spec
 * @spec: the spec record, inside @image->data
 * @name: the spec's name, inside @image->data
 * @hash: full_name_hash() of @name
 *
 * Valid while the caller holds a reference on @image (from
 * kapi_registry_get()) or the registry lock.
 */
struct kapi_registry_spec {
	struct hlist_node node;
	struct kapi_registry_image *image;
	const struct kapi_image_spec *spec;
	const char *name;
	u32 hash;
};

/**
 * struct kapi_registry_image - one registered spec image
 * @node: entry in the list of images, in registration order (registry lock)
 * @ref: references: the registry's own until unregistration, one per
 *	 kapi_registry_get()
 * @key: the caller's image pointer, which kapi_unregister_image() names
 * @owner: the module that registered the image, or NULL
 * @data: kapi's private, validated copy of the image
 * @size: its size in bytes
 * @nspecs: number of specs
 * @specs: the specs, in image order
 */
struct kapi_registry_image {
	struct list_head node;
	struct kref ref;
	const void *key;
	struct module *owner;
	const void *data;
	size_t size;
	u32 nspecs;
	struct kapi_registry_spec specs[];
};

/**
 * struct kapi_registry_listener - told when images come and go
 * @added: an image was registered
 * @removed: an image is being unregistered; its specs can no longer be
 *	     looked up, and it stays valid until @removed returns
 * @node: entry in the listener list (registry lock)
 *
 * LOCKING: both callbacks run with the registry lock held, in the order
 * the changes happen. They may sleep, and must not call the register,
 * unregister, listen or iteration functions.
 */
struct kapi_registry_listener {
	void (*added)(const struct kapi_registry_image *image);
	void (*removed)(const struct kapi_registry_image *image);
	struct list_head node;
};

struct kapi_registry_spec *kapi_registry_get(const char *name);
void kapi_registry_put(struct kapi_registry_spec *spec);

void kapi_registry_lock(void);
void kapi_registry_unlock(void);
const struct kapi_registry_image *
kapi_registry_next(const struct kapi_registry_image *prev);

void kapi_registry_listen(struct kapi_registry_listener *listener);
void kapi_registry_unlisten(struct kapi_registry_listener *listener);

int kapi_registry_module_notify(struct notifier_block *nb,
				unsigned long action, void *data);

int kapi_registry_init(void);
void kapi_registry_exit(void);

#endif /* KAPI_REGISTRY_H */

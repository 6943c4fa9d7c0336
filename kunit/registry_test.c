// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kapi_registry": registering spec images with kapi.ko's
 * registry (module/registry.c) and finding their specs again: lookups and
 * their references, private copies, duplicate names, unregistration while
 * a reader still holds a spec, iteration order, listeners, the images of a
 * module that goes away (through the registry's own module notifier), and
 * several threads registering, looking up and unregistering at once. The
 * images are the test image and copies of it with their spec names
 * changed, all of kind function or ioctl, so that no syscall hook follows.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <kapi/kapi_module.h>

#include "image.h"
#include "kapi_kunit.h"
#include "registry.h"

/* Stands in for a module that registers an image and goes away. */
static struct module kapi_fake_module = { .name = "kapi_kunit_fake" };
static struct module kapi_idle_module = { .name = "kapi_kunit_idle" };

/* The name of spec @i of the test image. */
static const char *kapi_name(u32 i)
{
	return kapi_image_spec_name(kapi_kunit_image_data,
				    kapi_image_spec(kapi_kunit_image_data, i));
}

/*
 * Expect every spec of the test image to be registered from the image
 * registered as @key, or, with a NULL @key, none of them to be.
 */
static void kapi_expect_specs(struct kunit *test, const void *key)
{
	struct kapi_registry_spec *s;
	u32 i;

	for (i = 0; i < KAPI_KUNIT_NSPECS; i++) {
		s = kapi_registry_get(kapi_name(i));
		if (!key) {
			KUNIT_EXPECT_NULL_MSG(test, s, "%s", kapi_name(i));
			kapi_registry_put(s);
			continue;
		}
		KUNIT_ASSERT_NOT_NULL_MSG(test, s, "%s", kapi_name(i));
		KUNIT_EXPECT_PTR_EQ(test, s->image->key, key);
		kapi_registry_put(s);
	}
}

/* Registered images, and the last one. */
static unsigned int kapi_count_images(const struct kapi_registry_image **last)
{
	const struct kapi_registry_image *img = NULL, *prev = NULL;
	unsigned int n = 0;

	kapi_registry_lock();
	while ((img = kapi_registry_next(img))) {
		prev = img;
		n++;
	}
	kapi_registry_unlock();
	if (last)
		*last = prev;
	return n;
}

/* Every spec of the test image, found, counted and in image order. */
static void kapi_registry_register_test(struct kunit *test)
{
	void *copy = kapi_kunit_copy(test, 0);
	struct kapi_registry_spec *s;
	unsigned int before = kapi_count_images(NULL);
	u32 i;

	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	KUNIT_EXPECT_EQ(test, kapi_count_images(NULL), before + 1);
	for (i = 0; i < KAPI_KUNIT_NSPECS; i++) {
		s = kapi_registry_get(kapi_name(i));
		KUNIT_ASSERT_NOT_NULL(test, s);
		KUNIT_EXPECT_STREQ(test, s->name, kapi_name(i));
		KUNIT_EXPECT_PTR_EQ(test, s, &s->image->specs[i]);
		KUNIT_EXPECT_PTR_EQ(test, s->spec,
				    kapi_image_spec(s->image->data, i));
		KUNIT_EXPECT_PTR_EQ(test, s->image->key, (const void *)copy);
		KUNIT_EXPECT_PTR_EQ(test, s->image->owner, THIS_MODULE);
		KUNIT_EXPECT_EQ(test, s->image->nspecs, KAPI_KUNIT_NSPECS);
		KUNIT_EXPECT_EQ(test, s->image->size, kapi_kunit_image_size);
		/* The registry's reference and this lookup's. */
		KUNIT_EXPECT_EQ(test, kref_read(&s->image->ref), 2);
		kapi_registry_put(s);
	}
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
	kapi_expect_specs(test, NULL);
	KUNIT_EXPECT_EQ(test, kapi_count_images(NULL), before);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), -ENOENT);
}

/* kapi keeps its own copy: the caller's bytes may change or go. */
static void kapi_registry_private_copy_test(struct kunit *test)
{
	void *copy = kapi_kunit_copy(test, 0);
	struct kapi_registry_spec *s;

	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	memset(copy, 0xa5, kapi_kunit_image_size);
	s = kapi_registry_get("kapi_kunit_numbers");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_PTR_NE(test, s->image->data, (const void *)copy);
	KUNIT_EXPECT_EQ(test, memcmp(s->image->data, kapi_kunit_image_data,
				     kapi_kunit_image_size), 0);
	KUNIT_EXPECT_STREQ(test, kapi_image_str(s->image->data,
						s->spec->summary),
			   "one parameter per numeric constraint kind");
	kapi_registry_put(s);
	/* The pointer is still the key, whatever it now points to. */
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
	kapi_expect_specs(test, NULL);
}

/* Only exact names are found; kapi's own specs are there too. */
static void kapi_registry_lookup_test(struct kunit *test)
{
	static const char *const misses[] = {
		"", "kapi_kunit", "kapi_kunit_numbers ", "KAPI_KUNIT_NUMBERS",
		"kapi_kunit_numbersx", "sys_kapi_kunit_numbers",
	};
	void *copy = kapi_kunit_copy(test, 0);
	struct kapi_registry_spec *s;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	for (i = 0; i < ARRAY_SIZE(misses); i++) {
		s = kapi_registry_get(misses[i]);
		KUNIT_EXPECT_NULL_MSG(test, s, "\"%s\"", misses[i]);
		kapi_registry_put(s);
	}
	s = kapi_registry_get("sys_read");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, module_name(s->image->owner), "kapi");
	KUNIT_EXPECT_EQ(test, s->spec->kind, KAPI_KIND_SYSCALL);
	kapi_registry_put(s);
	/* A NULL spec is nothing to put. */
	kapi_registry_put(NULL);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
}

/* A name is registered once: the same image or another with its names. */
static void kapi_registry_duplicate_test(struct kunit *test)
{
	void *a = kapi_kunit_copy(test, 0), *b = kapi_kunit_copy(test, 0);
	unsigned int before = kapi_count_images(NULL);

	KUNIT_ASSERT_EQ(test, kapi_register_image(a, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	KUNIT_EXPECT_EQ(test, kapi_register_image(a, kapi_kunit_image_size,
						  THIS_MODULE), -EEXIST);
	KUNIT_EXPECT_EQ(test, kapi_register_image(b, kapi_kunit_image_size,
						  THIS_MODULE), -EEXIST);
	KUNIT_EXPECT_EQ(test, kapi_register_image(b, kapi_kunit_image_size,
						  NULL), -EEXIST);
	KUNIT_EXPECT_EQ(test, kapi_count_images(NULL), before + 1);
	kapi_expect_specs(test, a);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(b), -ENOENT);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(a), 0);
	/* Once the names are free, the other image registers. */
	KUNIT_EXPECT_EQ(test, kapi_register_image(b, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	kapi_expect_specs(test, b);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(b), 0);
}

/* One taken name refuses the whole image, also a name of kapi.ko's. */
static void kapi_registry_builtin_name_test(struct kunit *test)
{
	void *copy = kapi_kunit_copy(test, 0);
	const struct kapi_image_spec *s;
	struct kapi_registry_spec *rs;

	s = kapi_kunit_spec(test, copy, "kapi_kunit_ret_fd");
	strscpy(kapi_kunit_strings(copy) + s->name, "sys_read",
		sizeof("kapi_kunit_ret_fd"));
	KUNIT_ASSERT_EQ(test, kapi_image_validate(copy, kapi_kunit_image_size,
						  NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), -EEXIST);
	kapi_expect_specs(test, NULL);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), -ENOENT);
	rs = kapi_registry_get("sys_read");
	KUNIT_ASSERT_NOT_NULL(test, rs);
	KUNIT_EXPECT_STREQ(test, module_name(rs->image->owner), "kapi");
	kapi_registry_put(rs);
}

/* Refused images leave nothing behind; their errors are the validator's. */
static void kapi_registry_refused_test(struct kunit *test)
{
	void *copy = kapi_kunit_copy(test, 0);
	unsigned int before = kapi_count_images(NULL);

	KUNIT_EXPECT_EQ(test, kapi_register_image(NULL, 0, THIS_MODULE),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, kapi_register_image(copy, KAPI_IMAGE_MAX_SIZE + 1,
						  THIS_MODULE), -E2BIG);
	KUNIT_EXPECT_EQ(test, kapi_register_image(copy, 64, THIS_MODULE),
			-EBADMSG);
	((struct kapi_image_header *)copy)->version_major++;
	KUNIT_EXPECT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), -EOPNOTSUPP);
	((struct kapi_image_header *)copy)->magic++;
	KUNIT_EXPECT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, kapi_count_images(NULL), before);
	kapi_expect_specs(test, NULL);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), -ENOENT);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(NULL), -ENOENT);
}

/* A reader keeps the image alive past its unregistration. */
static void kapi_registry_reference_test(struct kunit *test)
{
	void *copy = kapi_kunit_copy(test, 0);
	struct kapi_registry_spec *a, *b, *c;
	struct kapi_registry_image *img;

	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	a = kapi_registry_get("kapi_kunit_view");
	b = kapi_registry_get("kapi_kunit_numbers");
	c = kapi_registry_get("kapi_kunit_view");
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_PTR_EQ(test, a, c);
	img = a->image;
	KUNIT_EXPECT_PTR_EQ(test, b->image, img);
	KUNIT_EXPECT_EQ(test, kref_read(&img->ref), 4);
	kapi_registry_put(c);
	KUNIT_EXPECT_EQ(test, kref_read(&img->ref), 3);

	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
	/* Gone from lookups, alive for its readers. */
	kapi_expect_specs(test, NULL);
	KUNIT_EXPECT_EQ(test, kref_read(&img->ref), 2);
	KUNIT_EXPECT_STREQ(test, a->name, "kapi_kunit_view");
	KUNIT_EXPECT_STREQ(test, kapi_image_spec_name(img->data, b->spec),
			   "kapi_kunit_numbers");
	KUNIT_EXPECT_EQ(test, memcmp(img->data, kapi_kunit_image_data,
				     kapi_kunit_image_size), 0);
	kapi_registry_put(b);
	KUNIT_EXPECT_EQ(test, kref_read(&img->ref), 1);
	/* The last reference frees it. */
	kapi_registry_put(a);
}

/* Images are listed in registration order, kapi.ko's own first. */
static void kapi_registry_iterate_test(struct kunit *test)
{
	const struct kapi_registry_image *img = NULL, *seen[3] = {};
	void *copy = kapi_kunit_copy(test, 0);
	unsigned int i, n = 0, before = kapi_count_images(NULL);

	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	KUNIT_ASSERT_EQ(test, kapi_register_image(kapi_kunit_empty_data,
						  kapi_kunit_empty_size, NULL),
			0);
	kapi_registry_lock();
	while ((img = kapi_registry_next(img))) {
		if (!n)
			seen[0] = img;
		seen[1] = seen[2];
		seen[2] = img;
		n++;
	}
	kapi_registry_unlock();
	KUNIT_EXPECT_EQ(test, n, before + 2);
	KUNIT_ASSERT_NOT_NULL(test, seen[0]);
	KUNIT_EXPECT_STREQ(test, module_name(seen[0]->owner), "kapi");
	/* Its specs are those of module/specs/, sys_read among them. */
	for (i = 0; i < seen[0]->nspecs; i++)
		if (!strcmp(seen[0]->specs[i].name, "sys_read"))
			break;
	KUNIT_EXPECT_LT(test, i, seen[0]->nspecs);
	KUNIT_ASSERT_NOT_NULL(test, seen[1]);
	KUNIT_EXPECT_PTR_EQ(test, seen[1]->key, (const void *)copy);
	KUNIT_EXPECT_EQ(test, seen[1]->nspecs, KAPI_KUNIT_NSPECS);
	KUNIT_EXPECT_PTR_EQ(test, seen[2]->key, kapi_kunit_empty_data);
	KUNIT_EXPECT_EQ(test, seen[2]->nspecs, 0);
	KUNIT_EXPECT_NULL(test, seen[2]->owner);

	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(kapi_kunit_empty_data), 0);
	KUNIT_EXPECT_EQ(test, kapi_count_images(&img), before);
	KUNIT_EXPECT_PTR_NE(test, img->key, kapi_kunit_empty_data);
}

/* What a listener saw; the callbacks have no argument to carry it. */
static struct {
	unsigned int added;
	unsigned int removed;
	const struct kapi_registry_image *last_added;
	const struct kapi_registry_image *last_removed;
	bool gone_when_removed;
} kapi_events;

static void kapi_on_added(const struct kapi_registry_image *img)
{
	kapi_events.added++;
	kapi_events.last_added = img;
}

static void kapi_on_removed(const struct kapi_registry_image *img)
{
	struct kapi_registry_spec *s = NULL;

	kapi_events.removed++;
	kapi_events.last_removed = img;
	if (img->nspecs)
		s = kapi_registry_get(img->specs[0].name);
	kapi_events.gone_when_removed = !s;
	kapi_registry_put(s);
}

static struct kapi_registry_listener kapi_listener = {
	.added = kapi_on_added,
	.removed = kapi_on_removed,
};

/* A listener starts from the current state, then sees every change. */
static void kapi_registry_listener_test(struct kunit *test)
{
	void *copy = kapi_kunit_copy(test, 0);
	unsigned int before = kapi_count_images(NULL);

	memset(&kapi_events, 0, sizeof(kapi_events));
	kapi_registry_listen(&kapi_listener);
	KUNIT_EXPECT_EQ(test, kapi_events.added, before);
	KUNIT_EXPECT_EQ(test, kapi_events.removed, 0);

	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	KUNIT_EXPECT_EQ(test, kapi_events.added, before + 1);
	KUNIT_ASSERT_NOT_NULL(test, kapi_events.last_added);
	KUNIT_EXPECT_PTR_EQ(test, kapi_events.last_added->key,
			    (const void *)copy);
	/* A refused image is not announced. */
	KUNIT_EXPECT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), -EEXIST);
	KUNIT_EXPECT_EQ(test, kapi_events.added, before + 1);

	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
	KUNIT_EXPECT_EQ(test, kapi_events.removed, 1);
	KUNIT_EXPECT_PTR_EQ(test, kapi_events.last_removed,
			    kapi_events.last_added);
	KUNIT_EXPECT_TRUE(test, kapi_events.gone_when_removed);

	kapi_registry_unlisten(&kapi_listener);
	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
	KUNIT_EXPECT_EQ(test, kapi_events.added, before + 1);
	KUNIT_EXPECT_EQ(test, kapi_events.removed, 1);
}

/*
 * The images of a module that goes away are unregistered for it, those of
 * other modules and of no module stay. The registry's notifier is called
 * as the module loader would call it.
 */
static void kapi_registry_owner_gone_test(struct kunit *test)
{
	void *fake = kapi_kunit_copy(test, 0);
	const void *mine = kapi_kunit_empty_data;
	void *none;

	none = kunit_kmalloc(test, kapi_kunit_empty_size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, none);
	memcpy(none, kapi_kunit_empty_data, kapi_kunit_empty_size);

	KUNIT_ASSERT_EQ(test, kapi_register_image(fake, kapi_kunit_image_size,
						  &kapi_fake_module), 0);
	KUNIT_ASSERT_EQ(test, kapi_register_image(mine, kapi_kunit_empty_size,
						  THIS_MODULE), 0);
	KUNIT_ASSERT_EQ(test, kapi_register_image(none, kapi_kunit_empty_size,
						  NULL), 0);

	/* A module without images: nothing to do. */
	KUNIT_EXPECT_EQ(test, kapi_registry_module_notify(NULL,
							  MODULE_STATE_GOING,
							  &kapi_idle_module),
			NOTIFY_DONE);
	kapi_expect_specs(test, fake);

	KUNIT_EXPECT_EQ(test, kapi_registry_module_notify(NULL,
							  MODULE_STATE_GOING,
							  &kapi_fake_module),
			NOTIFY_OK);
	kapi_expect_specs(test, NULL);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(fake), -ENOENT);
	KUNIT_EXPECT_EQ(test, kapi_registry_module_notify(NULL,
							  MODULE_STATE_GOING,
							  &kapi_fake_module),
			NOTIFY_DONE);

	KUNIT_EXPECT_EQ(test, kapi_registry_module_notify(NULL,
							  MODULE_STATE_GOING,
							  THIS_MODULE),
			NOTIFY_OK);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(mine), -ENOENT);
	/* The image of no module stays until it is unregistered. */
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(none), 0);
}

static const unsigned long kapi_not_going[] = {
	MODULE_STATE_LIVE, MODULE_STATE_COMING, MODULE_STATE_UNFORMED,
};

static void kapi_not_going_desc(const unsigned long *state, char *desc)
{
	static const char *const names[] = {
		[MODULE_STATE_LIVE] = "live",
		[MODULE_STATE_COMING] = "coming",
		[MODULE_STATE_GOING] = "going",
		[MODULE_STATE_UNFORMED] = "unformed",
	};

	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "module %s", names[*state]);
}

KUNIT_ARRAY_PARAM(kapi_not_going, kapi_not_going, kapi_not_going_desc);

/* Any other state of a module leaves its images alone. */
static void kapi_registry_owner_stays_test(struct kunit *test)
{
	const unsigned long *state = test->param_value;
	void *copy = kapi_kunit_copy(test, 0);

	KUNIT_ASSERT_EQ(test, kapi_register_image(copy, kapi_kunit_image_size,
						  &kapi_fake_module), 0);
	KUNIT_EXPECT_EQ(test, kapi_registry_module_notify(NULL, *state,
							  &kapi_fake_module),
			NOTIFY_DONE);
	kapi_expect_specs(test, copy);
	KUNIT_EXPECT_EQ(test, kapi_unregister_image(copy), 0);
}

/* --- concurrency --------------------------------------------------------- */

#define KAPI_WRITERS 4
#define KAPI_READERS 2
#define KAPI_ROUNDS 40

struct kapi_race;

struct kapi_racer {
	struct kapi_race *race;
	void *image;		/* this writer's copy, names renamed */
	char names[KAPI_KUNIT_NSPECS][KAPI_IMAGE_MAX_NAME];
	struct completion done;
};

struct kapi_race {
	struct kapi_racer writers[KAPI_WRITERS];
	struct kapi_racer readers[KAPI_READERS];
	bool same_names;
	atomic_t errors;
	atomic_t registered;
	atomic_t refused;
	atomic_t found;
};

/* Rename the specs of @w's copy: "kapi_kunit_x" becomes "kapi_Xunit_x". */
static void kapi_race_rename(struct kapi_racer *w, char letter)
{
	char *strs = kapi_kunit_strings(w->image);
	u32 i;

	for (i = 0; i < KAPI_KUNIT_NSPECS; i++) {
		const struct kapi_image_spec *s = kapi_image_spec(w->image, i);

		strs[s->name + 5] = letter;
		strscpy(w->names[i], strs + s->name, KAPI_IMAGE_MAX_NAME);
	}
}

static void kapi_race_error(struct kapi_race *r, const char *what,
			    const char *name, long v)
{
	if (atomic_inc_return(&r->errors) <= 5)
		pr_err("race: %s: %s (%ld)\n", what, name, v);
}

/* Register, find every spec, unregister; again and again. */
static int kapi_race_writer(void *arg)
{
	struct kapi_racer *w = arg;
	struct kapi_race *r = w->race;
	struct kapi_registry_spec *s;
	unsigned int round;
	u32 i;
	int ret;

	for (round = 0; round < KAPI_ROUNDS; round++) {
		ret = kapi_register_image(w->image, kapi_kunit_image_size,
					  THIS_MODULE);
		if (ret == -EEXIST && r->same_names) {
			atomic_inc(&r->refused);
			cond_resched();
			continue;
		}
		if (ret) {
			kapi_race_error(r, "register", w->names[0], ret);
			continue;
		}
		atomic_inc(&r->registered);
		for (i = 0; i < KAPI_KUNIT_NSPECS; i++) {
			s = kapi_registry_get(w->names[i]);
			if (!s || s->image->key != w->image ||
			    kref_read(&s->image->ref) < 2)
				kapi_race_error(r, "own spec", w->names[i], !s);
			kapi_registry_put(s);
			cond_resched();
		}
		ret = kapi_unregister_image(w->image);
		if (ret)
			kapi_race_error(r, "unregister", w->names[0], ret);
		cond_resched();
	}
	complete(&w->done);
	return 0;
}

/* Look up every writer's specs while they come and go. */
static int kapi_race_reader(void *arg)
{
	struct kapi_racer *me = arg;
	struct kapi_race *r = me->race;
	struct kapi_registry_spec *s;
	unsigned int round, k;
	u32 i;

	for (round = 0; round < KAPI_ROUNDS * 2; round++) {
		for (k = 0; k < KAPI_WRITERS; k++) {
			struct kapi_racer *w = &r->writers[k];

			for (i = 0; i < KAPI_KUNIT_NSPECS; i++) {
				s = kapi_registry_get(w->names[i]);
				if (!s)
					continue;
				atomic_inc(&r->found);
				if (strcmp(s->name, w->names[i]) ||
				    kref_read(&s->image->ref) < 1 ||
				    (!r->same_names &&
				     s->image->key != w->image))
					kapi_race_error(r, "lookup",
							w->names[i], 0);
				kapi_registry_put(s);
			}
			cond_resched();
		}
		/* A spec that stays: its references must balance. */
		s = kapi_registry_get("sys_read");
		if (!s)
			kapi_race_error(r, "lookup", "sys_read", 0);
		kapi_registry_put(s);
	}
	complete(&me->done);
	return 0;
}

static void kapi_race_run(struct kunit *test, bool same_names)
{
	struct kapi_registry_spec *builtin;
	struct kapi_race *r;
	struct task_struct *t;
	unsigned int before = kapi_count_images(NULL), k, started = 0;
	unsigned long deadline;
	unsigned int refs;
	bool timeout = false;

	/* kapi.ko's own spec, looked up by the readers too. */
	builtin = kapi_registry_get("sys_read");
	KUNIT_ASSERT_NOT_NULL(test, builtin);
	refs = kref_read(&builtin->image->ref);
	/* Not test-managed: after a timeout the threads may still use it. */
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r) {
		kapi_registry_put(builtin);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	}
	r->same_names = same_names;
	for (k = 0; k < KAPI_WRITERS + KAPI_READERS; k++) {
		struct kapi_racer *x = k < KAPI_WRITERS ? &r->writers[k] :
				       &r->readers[k - KAPI_WRITERS];

		x->race = r;
		init_completion(&x->done);
		if (k >= KAPI_WRITERS)
			continue;
		x->image = kmemdup(kapi_kunit_image_data, kapi_kunit_image_size,
				   GFP_KERNEL);
		if (!x->image) {
			KUNIT_FAIL(test, "out of memory");
			goto free;
		}
		kapi_race_rename(x, same_names ? 'Z' : 'A' + k);
	}
	for (k = 0; k < KAPI_WRITERS + KAPI_READERS; k++) {
		struct kapi_racer *x = k < KAPI_WRITERS ? &r->writers[k] :
				       &r->readers[k - KAPI_WRITERS];

		t = kthread_run(k < KAPI_WRITERS ? kapi_race_writer :
				kapi_race_reader, x, "kapi_race/%u", k);
		if (IS_ERR(t)) {
			KUNIT_FAIL(test, "kthread_run: %ld", PTR_ERR(t));
			complete(&x->done);
			continue;
		}
		started++;
	}
	/* Bounded loops: all threads end well within two minutes. */
	deadline = jiffies + 120 * HZ;
	for (k = 0; k < KAPI_WRITERS + KAPI_READERS; k++) {
		struct kapi_racer *x = k < KAPI_WRITERS ? &r->writers[k] :
				       &r->readers[k - KAPI_WRITERS];
		long left = max_t(long, (long)(deadline - jiffies), 1);

		if (!wait_for_completion_timeout(&x->done, left))
			timeout = true;
	}
	KUNIT_EXPECT_EQ(test, started, KAPI_WRITERS + KAPI_READERS);
	if (timeout) {
		/* The race and its images stay: a thread may still use them. */
		KUNIT_FAIL(test, "the threads did not finish within 120 s");
		kapi_registry_put(builtin);
		return;
	}
	kunit_info(test, "%d registrations, %d refused, readers found %d specs\n",
		   atomic_read(&r->registered), atomic_read(&r->refused),
		   atomic_read(&r->found));
	KUNIT_EXPECT_EQ(test, atomic_read(&r->errors), 0);
	if (same_names) {
		KUNIT_EXPECT_GE(test, atomic_read(&r->registered), 1);
		KUNIT_EXPECT_EQ(test, atomic_read(&r->registered) +
				atomic_read(&r->refused),
				KAPI_WRITERS * KAPI_ROUNDS);
	} else {
		KUNIT_EXPECT_EQ(test, atomic_read(&r->registered),
				KAPI_WRITERS * KAPI_ROUNDS);
		KUNIT_EXPECT_EQ(test, atomic_read(&r->refused), 0);
	}
	/* Nothing is left registered, and nothing else changed. */
	for (k = 0; k < KAPI_WRITERS; k++) {
		KUNIT_EXPECT_EQ(test, kapi_unregister_image(r->writers[k].image),
				-ENOENT);
		KUNIT_EXPECT_NULL(test, kapi_registry_get(r->writers[k].names[0]));
	}
	KUNIT_EXPECT_EQ(test, kapi_count_images(NULL), before);
	KUNIT_EXPECT_EQ(test, kref_read(&builtin->image->ref), refs);
free:
	kapi_registry_put(builtin);
	for (k = 0; k < KAPI_WRITERS; k++)
		kfree(r->writers[k].image);
	kfree(r);
}

/* Writers with names of their own: every registration succeeds. */
static void kapi_registry_concurrent_test(struct kunit *test)
{
	kapi_race_run(test, false);
}

/* Writers with the same names: at any time at most one holds them. */
static void kapi_registry_contended_test(struct kunit *test)
{
	kapi_race_run(test, true);
}

/* Whatever a failed case left registered goes, as at module unload. */
static void kapi_registry_test_exit(struct kunit *test)
{
	kapi_registry_module_notify(NULL, MODULE_STATE_GOING,
				    &kapi_fake_module);
	kapi_registry_module_notify(NULL, MODULE_STATE_GOING, THIS_MODULE);
	kapi_unregister_image(kapi_kunit_empty_data);
}

static struct kunit_case kapi_registry_test_cases[] = {
	KUNIT_CASE(kapi_registry_register_test),
	KUNIT_CASE(kapi_registry_private_copy_test),
	KUNIT_CASE(kapi_registry_lookup_test),
	KUNIT_CASE(kapi_registry_duplicate_test),
	KUNIT_CASE(kapi_registry_builtin_name_test),
	KUNIT_CASE(kapi_registry_refused_test),
	KUNIT_CASE(kapi_registry_reference_test),
	KUNIT_CASE(kapi_registry_iterate_test),
	KUNIT_CASE(kapi_registry_listener_test),
	KUNIT_CASE(kapi_registry_owner_gone_test),
	KUNIT_CASE_PARAM(kapi_registry_owner_stays_test,
			 kapi_not_going_gen_params),
	KUNIT_CASE(kapi_registry_concurrent_test),
	KUNIT_CASE(kapi_registry_contended_test),
	{}
};

static struct kunit_suite kapi_registry_suite = {
	.name = "kapi_registry",
	.exit = kapi_registry_test_exit,
	.test_cases = kapi_registry_test_cases,
};

kunit_test_suite(kapi_registry_suite);

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The debugfs view of kapi.ko, /sys/kernel/debug/kapi/, for humans and
 * scripts: the specs (debugfs.c) and runtime verification in runtime/
 * (debugfs_runtime.c). It reads the layers below through their iterators
 * and formats what they keep; it changes them only through the runtime
 * control files. The show and parse functions are here for the KUnit
 * tests, which call them on a seq_file of their own.
 */
#ifndef KAPI_DEBUGFS_H
#define KAPI_DEBUGFS_H

#include <linux/types.h>

struct dentry;
struct kapi_image_spec;
struct kapi_report_filter;
struct kapi_report_spec;
struct seq_file;

int kapi_debugfs_init(void);
void kapi_debugfs_exit(void);
struct dentry *kapi_debugfs_root(void);

/* What the spec files print (@m->private as the file has it). */
int kapi_debugfs_list_show(struct seq_file *m, void *unused);
int kapi_debugfs_spec_text_show(struct seq_file *m, void *unused);
int kapi_debugfs_spec_json_show(struct seq_file *m, void *unused);

int kapi_debugfs_runtime_init(void);
void kapi_debugfs_runtime_exit(void);

/* What the runtime files print and parse. */
int kapi_debugfs_runtime_spec_stats(struct seq_file *m, const char *name,
				    struct kapi_report_spec *rs,
				    const void *image,
				    const struct kapi_image_spec *spec);
int kapi_debugfs_runtime_violations_show(struct seq_file *m, void *unused);
int kapi_debugfs_runtime_filter_parse(char *s, struct kapi_report_filter *f);
int kapi_debugfs_runtime_filter_show(struct seq_file *m, void *unused);

#endif /* KAPI_DEBUGFS_H */

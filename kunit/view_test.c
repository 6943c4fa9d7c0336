// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kapi_view": what kapi's debugfs files (module/debugfs.c)
 * print for a registered spec. The test image is registered, its specs are
 * looked up as opening specs/<name> and specs-json/<name> looks them up,
 * and the files' show functions print into memory; the output must be
 * exactly the text and the JSON that Documentation/debugfs.rst and
 * Documentation/json.rst define (the JSON is what kapi-dump prints for the
 * same spec from kapi_kunit.ko's .kapi_specs section). Then the escaping
 * of strings that are not plain text, the names of error codes that the
 * spec does not list, and the list file.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include <kapi/kapi_module.h>

#include "debugfs.h"
#include "image.h"
#include "kapi.h"
#include "kapi_kunit.h"
#include "registry.h"

/* Room for the largest file the suite prints. */
#define KAPI_VIEW_SIZE 16384

/* Register @img (a copy of the test image, or the image itself). */
static void kapi_view_register(struct kunit *test, const void *img)
{
	KUNIT_ASSERT_EQ(test, kapi_register_image(img, kapi_kunit_image_size,
						  THIS_MODULE), 0);
	test->priv = (void *)img;
}

static void kapi_view_test_exit(struct kunit *test)
{
	if (test->priv)
		kapi_unregister_image(test->priv);
}

/* What a debugfs file of spec @name prints through @show. */
static const char *kapi_view(struct kunit *test, const char *name,
			     int (*show)(struct seq_file *, void *))
{
	struct kapi_registry_spec *spec = kapi_registry_get(name);
	struct seq_file *m;

	KUNIT_ASSERT_NOT_NULL(test, spec);
	m = kapi_kunit_seq(test, KAPI_VIEW_SIZE, spec);
	KUNIT_EXPECT_EQ(test, show(m, NULL), 0);
	kapi_registry_put(spec);
	return kapi_kunit_seq_text(test, m);
}

/* The line the image records for spec @name. */
static u32 kapi_view_line(struct kunit *test, const char *name)
{
	return kapi_kunit_spec(test, kapi_kunit_image_data, name)->source_line;
}

static const char kapi_view_text[] =
	"Kernel API Specification\n"
	"========================\n"
	"\n"
	"Name: kapi_kunit_view\n"
	"Type: function\n"
	"Description: a spec with one record of every kind, for the views\n"
	"Long description:\n"
	"  The first paragraph says \"what\" the API does, with a back\\slash.\n"
	"\n"
	"  The second paragraph follows a blank line.\n"
	"Context: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE\n"
	"Deprecated: yes\n"
	"Since: 6.1\n"
	"Replacement: kapi_kunit_numbers\n"
	"Examples: kapi_kunit_view(SEEK_SET, buf, 2);\n"
	"Notes: Not a real API.\n"
	"Source: kunit/kapi_kunit_specs.c:%u\n"
	"Ioctl command: none\n"
	"\n"
	"Parameters (3):\n"
	"  [0] mode\n"
	"    Type name: int\n"
	"    Description: how to seek\n"
	"    Type: KAPI_TYPE_INT\n"
	"    Flags: KAPI_PARAM_IN\n"
	"    Constraint: KAPI_CONSTRAINT_ENUM\n"
	"    Constraint text: One of the seek modes.\n"
	"    Min: 0\n"
	"    Max: 0\n"
	"    Mask: 0x0\n"
	"    Values: 0 (SEEK_SET), 2 (SEEK_END), 7\n"
	"    Size: 0\n"
	"    Size multiplier: 0\n"
	"    Size parameter: none\n"
	"    Alignment: 0\n"
	"    Violation error: ENXIO (-6)\n"
	"    Check order: unranked\n"
	"  [1] buf\n"
	"    Type name: void __user *\n"
	"    Description: where the data goes\n"
	"    Type: KAPI_TYPE_USER_PTR\n"
	"    Flags: KAPI_PARAM_OUT | KAPI_PARAM_USER\n"
	"    Constraint: KAPI_CONSTRAINT_BUFFER\n"
	"    Constraint text: count records of 16 bytes.\n"
	"    Min: 0\n"
	"    Max: 0\n"
	"    Mask: 0x0\n"
	"    Values: none\n"
	"    Size: 0\n"
	"    Size multiplier: 16\n"
	"    Size parameter: 2 (count)\n"
	"    Alignment: 0\n"
	"    Violation error: EFAULT (-14)\n"
	"    Check order: unranked\n"
	"  [2] count\n"
	"    Type name: unsigned int\n"
	"    Description: number of records\n"
	"    Type: KAPI_TYPE_UINT\n"
	"    Flags: KAPI_PARAM_IN | KAPI_PARAM_OPTIONAL\n"
	"    Constraint: KAPI_CONSTRAINT_RANGE\n"
	"    Constraint text:\n"
	"    Min: 0\n"
	"    Max: 2147483647 (INT_MAX)\n"
	"    Mask: 0x0\n"
	"    Values: none\n"
	"    Size: 0\n"
	"    Size multiplier: 0\n"
	"    Size parameter: none\n"
	"    Alignment: 0\n"
	"    Violation error: EINVAL (-22)\n"
	"    Check order: unranked\n"
	"\n"
	"Return:\n"
	"  Type name: int\n"
	"  Type: KAPI_TYPE_INT\n"
	"  Check: KAPI_RETURN_RANGE\n"
	"  Success min: 0\n"
	"  Success max: 9223372036854775807 (S64_MAX)\n"
	"  Description: The number of records.\n"
	"\n"
	"Errors (4):\n"
	"  [0] ENXIO (-6)\n"
	"    Objects: sock:tcp, *:proc, fifo:*\n"
	"    Condition: mode is not a seek mode\n"
	"    Description: Nothing is read.\n"
	"  [1] EFAULT (-14)\n"
	"    Objects: every object\n"
	"    Condition: buf is not in user space\n"
	"    Description:\n"
	"  [2] EINVAL (-22)\n"
	"    Objects: every object\n"
	"    Condition: count is too large\n"
	"    Description:\n"
	"  [3] EINTR (-4)\n"
	"    Objects: chr:tty\n"
	"    Condition: a signal arrived while waiting\n"
	"    Description:\n"
	"\n"
	"Locks (1):\n"
	"  [0] kapi_kunit_lock\n"
	"    Type: KAPI_LOCK_MUTEX\n"
	"    Scope: KAPI_LOCK_ACQUIRES\n"
	"    Description: Held on return.\n"
	"\n"
	"Signals (1):\n"
	"  [0] SIGINT\n"
	"    Number: 2 (SIGINT)\n"
	"    Direction: KAPI_SIGNAL_RECEIVE\n"
	"    Action: KAPI_SIGNAL_ACTION_RETURN\n"
	"    Timing: KAPI_SIGNAL_TIME_DURING\n"
	"    Restartable: yes\n"
	"    Interruptible: yes\n"
	"    Error: EINTR (-4)\n"
	"    Target:\n"
	"    Condition: while waiting\n"
	"    Description: The wait ends.\n"
	"    Priority: 2\n"
	"    SA flags required: 0x0\n"
	"    SA flags forbidden: 0x0\n"
	"    Transform to: 0\n"
	"    State required: KAPI_SIGNAL_STATE_SLEEPING\n"
	"    State forbidden: none\n"
	"    Queue:\n"
	"\n"
	"Side effects (1):\n"
	"  [0]\n"
	"    Type: KAPI_EFFECT_ALLOC_MEMORY | KAPI_EFFECT_MODIFY_STATE\n"
	"    Target: the records\n"
	"    Condition: on success\n"
	"    Description: Records are kept.\n"
	"    Reversible: yes\n"
	"\n"
	"State transitions (1):\n"
	"  [0] the device\n"
	"    From: idle\n"
	"    To: busy\n"
	"    Condition:\n"
	"    Description: until the records are read\n"
	"\n"
	"Capabilities (1):\n"
	"  [0] CAP_SYS_ADMIN\n"
	"    Capability: 21 (CAP_SYS_ADMIN)\n"
	"    Action: KAPI_CAP_BYPASS_CHECK\n"
	"    Allows: more records\n"
	"    Without: at most INT_MAX records\n"
	"    Condition: count is large\n"
	"    Priority: 1\n"
	"\n"
	"Constraints (1):\n"
	"  [0] record size\n"
	"    Description: Records are 16 bytes.\n"
	"    Expression: count * 16 <= INT_MAX\n";

/* specs/kapi_kunit_view: every field of every record. */
static void kapi_view_text_test(struct kunit *test)
{
	kapi_view_register(test, kapi_kunit_image_data);
	kapi_kunit_expect_text(test, kapi_view(test, "kapi_kunit_view",
					       kapi_debugfs_spec_text_show),
			       kapi_kunit_printf(test, kapi_view_text,
						 kapi_view_line(test, "kapi_kunit_view")));
}

static const char kapi_view_ioctl_text[] =
	"Kernel API Specification\n"
	"========================\n"
	"\n"
	"Name: kapi_kunit_ioctl\n"
	"Type: ioctl\n"
	"Description: an ioctl command\n"
	"Long description:\n"
	"Context: KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE\n"
	"Deprecated: no\n"
	"Since:\n"
	"Replacement:\n"
	"Examples:\n"
	"Notes:\n"
	"Source: kunit/kapi_kunit_specs.c:%u\n"
	"Ioctl command: 0x40046b01 (_IOW('k', 1, int))\n"
	"\n"
	"Parameters (1):\n"
	"  [0] arg\n"
	"    Type name: const int __user *\n"
	"    Description:\n"
	"    Type: KAPI_TYPE_USER_PTR\n"
	"    Flags: KAPI_PARAM_IN | KAPI_PARAM_USER\n"
	"    Constraint: KAPI_CONSTRAINT_USER_PTR\n"
	"    Constraint text:\n"
	"    Min: 0\n"
	"    Max: 0\n"
	"    Mask: 0x0\n"
	"    Values: none\n"
	"    Size: 4 (sizeof(int))\n"
	"    Size multiplier: 0\n"
	"    Size parameter: none\n"
	"    Alignment: 0\n"
	"    Violation error: EFAULT (-14)\n"
	"    Check order: unranked\n"
	"\n"
	"Return:\n"
	"  Type name: long\n"
	"  Type: KAPI_TYPE_INT\n"
	"  Check: KAPI_RETURN_EXACT\n"
	"  Success min: 0\n"
	"  Success max: 0\n"
	"  Description:\n"
	"\n"
	"Errors (1):\n"
	"  [0] EFAULT (-14)\n"
	"    Objects: every object\n"
	"    Condition: arg is not readable\n"
	"    Description:\n"
	"\n"
	"Locks (0):\n"
	"\n"
	"Signals (0):\n"
	"\n"
	"Side effects (0):\n"
	"\n"
	"State transitions (0):\n"
	"\n"
	"Capabilities (0):\n"
	"\n"
	"Constraints (0):\n";

/* An ioctl spec shows its command; empty lists show their count. */
static void kapi_view_ioctl_test(struct kunit *test)
{
	kapi_view_register(test, kapi_kunit_image_data);
	kapi_kunit_expect_text(test, kapi_view(test, "kapi_kunit_ioctl",
					       kapi_debugfs_spec_text_show),
			       kapi_kunit_printf(test, kapi_view_ioctl_text,
						 kapi_view_line(test, "kapi_kunit_ioctl")));
}

/* specs-json/kapi_kunit_view: Documentation/json.rst, key for key. */
static const char kapi_view_json[] =
	"{\n"
	"  \"api_details\": {\n"
	"    \"name\": \"kapi_kunit_view\",\n"
	"    \"api_type\": \"function\",\n"
	"    \"description\": \"a spec with one record of every kind, for the views\",\n"
	"    \"long_description\": \"The first paragraph says \\\"what\\\" the API does, with a back\\\\slash.\\n\\nThe second paragraph follows a blank line.\",\n"
	"    \"context_flags\": [\n"
	"      \"KAPI_CTX_PROCESS\",\n"
	"      \"KAPI_CTX_SLEEPABLE\"\n"
	"    ],\n"
	"    \"deprecated\": true,\n"
	"    \"since\": \"6.1\",\n"
	"    \"replacement\": \"kapi_kunit_numbers\",\n"
	"    \"examples\": \"kapi_kunit_view(SEEK_SET, buf, 2);\",\n"
	"    \"notes\": \"Not a real API.\",\n"
	"    \"source\": {\n"
	"      \"file\": \"kunit/kapi_kunit_specs.c\",\n"
	"      \"line\": %u\n"
	"    },\n"
	"    \"ioctl_cmd\": null,\n"
	"    \"parameters\": [\n"
	"      {\n"
	"        \"index\": 0,\n"
	"        \"name\": \"mode\",\n"
	"        \"type_name\": \"int\",\n"
	"        \"description\": \"how to seek\",\n"
	"        \"param_type\": \"KAPI_TYPE_INT\",\n"
	"        \"flags\": [\n"
	"          \"KAPI_PARAM_IN\"\n"
	"        ],\n"
	"        \"constraint_type\": \"KAPI_CONSTRAINT_ENUM\",\n"
	"        \"constraint\": \"One of the seek modes.\",\n"
	"        \"min_value\": null,\n"
	"        \"max_value\": null,\n"
	"        \"valid_mask\": null,\n"
	"        \"enum_values\": [\n"
	"          {\n"
	"            \"value\": 0,\n"
	"            \"expr\": \"SEEK_SET\"\n"
	"          },\n"
	"          {\n"
	"            \"value\": 2,\n"
	"            \"expr\": \"SEEK_END\"\n"
	"          },\n"
	"          {\n"
	"            \"value\": 7,\n"
	"            \"expr\": null\n"
	"          }\n"
	"        ],\n"
	"        \"size\": null,\n"
	"        \"size_multiplier\": null,\n"
	"        \"alignment\": null,\n"
	"        \"size_param_idx\": null,\n"
	"        \"violation_error\": {\n"
	"          \"name\": \"ENXIO\",\n"
	"          \"code\": -6\n"
	"        },\n"
	"        \"fd_access\": null,\n"
	"        \"order\": 0,\n"
	"        \"order_audit\": false,\n"
	"        \"struct\": null,\n"
	"        \"count_param_idx\": null,\n"
	"        \"max_count\": null\n"
	"      },\n"
	"      {\n"
	"        \"index\": 1,\n"
	"        \"name\": \"buf\",\n"
	"        \"type_name\": \"void __user *\",\n"
	"        \"description\": \"where the data goes\",\n"
	"        \"param_type\": \"KAPI_TYPE_USER_PTR\",\n"
	"        \"flags\": [\n"
	"          \"KAPI_PARAM_OUT\",\n"
	"          \"KAPI_PARAM_USER\"\n"
	"        ],\n"
	"        \"constraint_type\": \"KAPI_CONSTRAINT_BUFFER\",\n"
	"        \"constraint\": \"count records of 16 bytes.\",\n"
	"        \"min_value\": null,\n"
	"        \"max_value\": null,\n"
	"        \"valid_mask\": null,\n"
	"        \"enum_values\": [],\n"
	"        \"size\": null,\n"
	"        \"size_multiplier\": {\n"
	"          \"value\": 16,\n"
	"          \"expr\": null\n"
	"        },\n"
	"        \"alignment\": null,\n"
	"        \"size_param_idx\": 2,\n"
	"        \"violation_error\": {\n"
	"          \"name\": \"EFAULT\",\n"
	"          \"code\": -14\n"
	"        },\n"
	"        \"fd_access\": null,\n"
	"        \"order\": 0,\n"
	"        \"order_audit\": false,\n"
	"        \"struct\": null,\n"
	"        \"count_param_idx\": null,\n"
	"        \"max_count\": null\n"
	"      },\n"
	"      {\n"
	"        \"index\": 2,\n"
	"        \"name\": \"count\",\n"
	"        \"type_name\": \"unsigned int\",\n"
	"        \"description\": \"number of records\",\n"
	"        \"param_type\": \"KAPI_TYPE_UINT\",\n"
	"        \"flags\": [\n"
	"          \"KAPI_PARAM_IN\",\n"
	"          \"KAPI_PARAM_OPTIONAL\"\n"
	"        ],\n"
	"        \"constraint_type\": \"KAPI_CONSTRAINT_RANGE\",\n"
	"        \"constraint\": \"\",\n"
	"        \"min_value\": {\n"
	"          \"value\": 0,\n"
	"          \"expr\": null\n"
	"        },\n"
	"        \"max_value\": {\n"
	"          \"value\": 2147483647,\n"
	"          \"expr\": \"INT_MAX\"\n"
	"        },\n"
	"        \"valid_mask\": null,\n"
	"        \"enum_values\": [],\n"
	"        \"size\": null,\n"
	"        \"size_multiplier\": null,\n"
	"        \"alignment\": null,\n"
	"        \"size_param_idx\": null,\n"
	"        \"violation_error\": {\n"
	"          \"name\": \"EINVAL\",\n"
	"          \"code\": -22\n"
	"        },\n"
	"        \"fd_access\": null,\n"
	"        \"order\": 0,\n"
	"        \"order_audit\": false,\n"
	"        \"struct\": null,\n"
	"        \"count_param_idx\": null,\n"
	"        \"max_count\": null\n"
	"      }\n"
	"    ],\n"
	"    \"return_spec\": {\n"
	"      \"type_name\": \"int\",\n"
	"      \"return_type\": \"KAPI_TYPE_INT\",\n"
	"      \"check_type\": \"KAPI_RETURN_RANGE\",\n"
	"      \"description\": \"The number of records.\",\n"
	"      \"success_value\": null,\n"
	"      \"success_min\": {\n"
	"        \"value\": 0,\n"
	"        \"expr\": null\n"
	"      },\n"
	"      \"success_max\": {\n"
	"        \"value\": 9223372036854775807,\n"
	"        \"expr\": \"S64_MAX\"\n"
	"      }\n"
	"    },\n"
	"    \"errors\": [\n"
	"      {\n"
	"        \"name\": \"ENXIO\",\n"
	"        \"error_code\": -6,\n"
	"        \"condition\": \"mode is not a seek mode\",\n"
	"        \"description\": \"Nothing is read.\",\n"
	"        \"objects\": [\n"
	"          \"sock:tcp\",\n"
	"          \"*:proc\",\n"
	"          \"fifo:*\"\n"
	"        ]\n"
	"      },\n"
	"      {\n"
	"        \"name\": \"EFAULT\",\n"
	"        \"error_code\": -14,\n"
	"        \"condition\": \"buf is not in user space\",\n"
	"        \"description\": \"\",\n"
	"        \"objects\": []\n"
	"      },\n"
	"      {\n"
	"        \"name\": \"EINVAL\",\n"
	"        \"error_code\": -22,\n"
	"        \"condition\": \"count is too large\",\n"
	"        \"description\": \"\",\n"
	"        \"objects\": []\n"
	"      },\n"
	"      {\n"
	"        \"name\": \"EINTR\",\n"
	"        \"error_code\": -4,\n"
	"        \"condition\": \"a signal arrived while waiting\",\n"
	"        \"description\": \"\",\n"
	"        \"objects\": [\n"
	"          \"chr:tty\"\n"
	"        ]\n"
	"      }\n"
	"    ],\n"
	"    \"locks\": [\n"
	"      {\n"
	"        \"lock_name\": \"kapi_kunit_lock\",\n"
	"        \"lock_type\": \"KAPI_LOCK_MUTEX\",\n"
	"        \"scope\": \"KAPI_LOCK_ACQUIRES\",\n"
	"        \"description\": \"Held on return.\"\n"
	"      }\n"
	"    ],\n"
	"    \"signals\": [\n"
	"      {\n"
	"        \"signal_num\": {\n"
	"          \"value\": 2,\n"
	"          \"expr\": \"SIGINT\"\n"
	"        },\n"
	"        \"signal_name\": \"SIGINT\",\n"
	"        \"direction\": [\n"
	"          \"KAPI_SIGNAL_RECEIVE\"\n"
	"        ],\n"
	"        \"action\": \"KAPI_SIGNAL_ACTION_RETURN\",\n"
	"        \"timing\": \"KAPI_SIGNAL_TIME_DURING\",\n"
	"        \"restartable\": true,\n"
	"        \"interruptible\": true,\n"
	"        \"error_on_signal\": {\n"
	"          \"name\": \"EINTR\",\n"
	"          \"code\": -4\n"
	"        },\n"
	"        \"target\": \"\",\n"
	"        \"condition\": \"while waiting\",\n"
	"        \"description\": \"The wait ends.\",\n"
	"        \"priority\": 2,\n"
	"        \"sa_flags_required\": 0,\n"
	"        \"sa_flags_forbidden\": 0,\n"
	"        \"transform_to\": 0,\n"
	"        \"state_required\": [\n"
	"          \"KAPI_SIGNAL_STATE_SLEEPING\"\n"
	"        ],\n"
	"        \"state_forbidden\": [],\n"
	"        \"queue\": \"\"\n"
	"      }\n"
	"    ],\n"
	"    \"side_effects\": [\n"
	"      {\n"
	"        \"effect_type\": [\n"
	"          \"KAPI_EFFECT_ALLOC_MEMORY\",\n"
	"          \"KAPI_EFFECT_MODIFY_STATE\"\n"
	"        ],\n"
	"        \"target\": \"the records\",\n"
	"        \"condition\": \"on success\",\n"
	"        \"description\": \"Records are kept.\",\n"
	"        \"reversible\": true\n"
	"      }\n"
	"    ],\n"
	"    \"state_transitions\": [\n"
	"      {\n"
	"        \"object\": \"the device\",\n"
	"        \"from_state\": \"idle\",\n"
	"        \"to_state\": \"busy\",\n"
	"        \"condition\": \"\",\n"
	"        \"description\": \"until the records are read\"\n"
	"      }\n"
	"    ],\n"
	"    \"capabilities\": [\n"
	"      {\n"
	"        \"capability\": {\n"
	"          \"value\": 21,\n"
	"          \"expr\": \"CAP_SYS_ADMIN\"\n"
	"        },\n"
	"        \"name\": \"CAP_SYS_ADMIN\",\n"
	"        \"action\": \"KAPI_CAP_BYPASS_CHECK\",\n"
	"        \"allows\": \"more records\",\n"
	"        \"without_cap\": \"at most INT_MAX records\",\n"
	"        \"check_condition\": \"count is large\",\n"
	"        \"priority\": 1\n"
	"      }\n"
	"    ],\n"
	"    \"constraints\": [\n"
	"      {\n"
	"        \"name\": \"record size\",\n"
	"        \"description\": \"Records are 16 bytes.\",\n"
	"        \"expression\": \"count * 16 <= INT_MAX\"\n"
	"      }\n"
	"    ],\n"
	"    \"structs\": []\n"
	"  }\n"
	"}\n";

static void kapi_view_json_test(struct kunit *test)
{
	kapi_view_register(test, kapi_kunit_image_data);
	kapi_kunit_expect_text(test, kapi_view(test, "kapi_kunit_view",
					       kapi_debugfs_spec_json_show),
			       kapi_kunit_printf(test, kapi_view_json,
						 kapi_view_line(test, "kapi_kunit_view")));
}

/* An ioctl command is a number with its expression, never negative. */
static void kapi_view_ioctl_json_test(struct kunit *test)
{
	const char *json;

	kapi_view_register(test, kapi_kunit_image_data);
	json = kapi_view(test, "kapi_kunit_ioctl", kapi_debugfs_spec_json_show);
	KUNIT_EXPECT_STREQ(test, kapi_kunit_line(test, json, "    \"ioctl_cmd\""),
			   "    \"ioctl_cmd\": {");
	KUNIT_EXPECT_NOT_NULL(test, strstr(json,
					   "    \"ioctl_cmd\": {\n"
					   "      \"value\": 1074031361,\n"
					   "      \"expr\": \"_IOW('k', 1, int)\"\n"
					   "    },\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(json,
					   "        \"size\": {\n"
					   "          \"value\": 4,\n"
					   "          \"expr\": \"sizeof(int)\"\n"
					   "        },\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(json,
					   "    \"locks\": [],\n"
					   "    \"signals\": [],\n"
					   "    \"side_effects\": [],\n"
					   "    \"state_transitions\": [],\n"
					   "    \"capabilities\": [],\n"
					   "    \"constraints\": [],\n"
					   "    \"structs\": []\n"
					   "  }\n"
					   "}\n"));
}

/*
 * A param that points to a described struct names it, and the spec's
 * document carries the struct with its fields (format 2.1).
 */
static void kapi_view_json_struct_test(struct kunit *test)
{
	const char *json;

	kapi_view_register(test, kapi_kunit_image_data);
	json = kapi_view(test, "kapi_kunit_user", kapi_debugfs_spec_json_show);
	KUNIT_EXPECT_NOT_NULL(test, strstr(json,
					   "        \"struct\": \"iovec\",\n"
					   "        \"count_param_idx\": null,\n"
					   "        \"max_count\": null\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(json,
					   "    \"structs\": [\n"
					   "      {\n"
					   "        \"name\": \"iovec\",\n"
					   "        \"description\": \"one segment\",\n"
					   "        \"size\": {\n"
					   "          \"value\": 16,\n"
					   "          \"expr\": \"sizeof(struct iovec)\"\n"
					   "        },\n"
					   "        \"alignment\": null,\n"
					   "        \"fields\": [\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(json,
					   "            \"name\": \"iov_len\",\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(json,
					   "            \"violation_error\": {\n"
					   "              \"name\": \"EINVAL\",\n"
					   "              \"code\": -22\n"
					   "            }\n"));
}

/*
 * Strings are printed as they are only when they are plain text: the text
 * view shows control characters as '?', the JSON view escapes them and
 * replaces every byte that is not valid UTF-8 with U+FFFD.
 */
static void kapi_view_escape_test(struct kunit *test)
{
	static const char notes[] = "\"\\\x01\t\xc3\xa9\n\xff\xed\xa0\x80";
	static const char examples[] =
		"\xe0\x80\x80|\xf4\x90\x80\x80|\xf0\x9f\x98\x80|\x7f|\x1b[1m";
	void *copy = kapi_kunit_copy(test, 0);
	const struct kapi_image_spec *s;
	const char *text, *json;
	char *strs;

	s = kapi_kunit_spec(test, copy, "kapi_kunit_view");
	strs = kapi_kunit_strings(copy);
	KUNIT_ASSERT_GE(test, strlen(strs + s->notes), sizeof(notes) - 1);
	KUNIT_ASSERT_GE(test, strlen(strs + s->examples), sizeof(examples) - 1);
	strscpy(strs + s->notes, notes, strlen(strs + s->notes) + 1);
	strscpy(strs + s->examples, examples, strlen(strs + s->examples) + 1);
	kapi_view_register(test, copy);

	text = kapi_view(test, "kapi_kunit_view", kapi_debugfs_spec_text_show);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text,
					   "\nNotes:\n"
					   "  \"\\?\t\xc3\xa9\n"
					   "  \xff\xed\xa0\x80\n"
					   "Source: "));
	KUNIT_EXPECT_STREQ(test, kapi_kunit_line(test, text, "Examples: "),
			   "Examples: \xe0\x80\x80|\xf4\x90\x80\x80"
			   "|\xf0\x9f\x98\x80|?|?[1m");

	json = kapi_view(test, "kapi_kunit_view", kapi_debugfs_spec_json_show);
	KUNIT_EXPECT_STREQ(test, kapi_kunit_line(test, json, "    \"notes\""),
			   "    \"notes\": \"\\\"\\\\\\u0001\\t\xc3\xa9"
			   "\\n\\ufffd\\ufffd\\ufffd\\ufffd\",");
	KUNIT_EXPECT_STREQ(test, kapi_kunit_line(test, json, "    \"examples\""),
			   "    \"examples\": \"\\ufffd\\ufffd\\ufffd|\\ufffd\\ufffd\\ufffd\\ufffd|\xf0\x9f\x98\x80"
			   "|\x7f|\\u001b[1m\",");
}

/*
 * An error code that the spec's own list does not name is shown by the
 * kernel's name for it, where the kernel has names (the text view shows
 * "?" and the JSON view null where it has none).
 */
static void kapi_view_errno_name_test(struct kunit *test)
{
	void *copy = kapi_kunit_copy(test, 0);
	const struct kapi_image_spec *s;
	struct kapi_image_param *p;
	const char *name = kapi_kunit_errname(EBUSY);
	const char *json;

	s = kapi_kunit_spec(test, copy, "kapi_kunit_view");
	p = (struct kapi_image_param *)kapi_image_param(copy, s, 0);
	p->violation_error = -EBUSY;
	kapi_view_register(test, copy);

	KUNIT_EXPECT_STREQ(test,
			   kapi_kunit_line(test,
					   kapi_view(test, "kapi_kunit_view",
						     kapi_debugfs_spec_text_show),
					   "    Violation error: "),
			   kapi_kunit_printf(test, "    Violation error: %s (-16)",
					     name ?: "?"));
	json = kapi_view(test, "kapi_kunit_view", kapi_debugfs_spec_json_show);
	if (name)
		KUNIT_EXPECT_NOT_NULL(test, strstr(json,
						   "        \"violation_error\": {\n"
						   "          \"name\": \"EBUSY\",\n"
						   "          \"code\": -16\n"
						   "        },\n"));
	else
		KUNIT_EXPECT_NOT_NULL(test, strstr(json,
						   "        \"violation_error\": null\n"));
}

/* The list: one line per spec, in registration order, and the total. */
static void kapi_view_list_test(struct kunit *test)
{
	static const char block[] =
		"kapi_kunit_view - a spec with one record of every kind, for the views\n"
		"kapi_kunit_numbers - one parameter per numeric constraint kind\n"
		"kapi_kunit_memory - constraints on page alignment, zero and narrow types\n"
		"kapi_kunit_user - constraints on user memory\n"
		"kapi_kunit_ret_exact - succeeds with exactly 0\n"
		"kapi_kunit_ret_range - succeeds with -10 or more\n"
		"kapi_kunit_ret_fd - returns a new descriptor\n"
		"kapi_kunit_ret_errcheck - fails only with a listed error\n"
		"kapi_kunit_ret_custom - a return value described in words\n"
		"kapi_kunit_ctx_atomic - may be called atomic too\n"
		"kapi_kunit_ctx_irq - for interrupt context only\n"
		"kapi_kunit_ioctl - an ioctl command\n";
	static const char head[] = "Available Kernel API Specifications\n"
				   "===================================\n\n"
				   "sys_";
	const struct kapi_registry_image *img = NULL;
	struct seq_file *m = kapi_kunit_seq(test, KAPI_VIEW_SIZE, NULL);
	unsigned int total = 0;
	const char *text, *p;

	kapi_view_register(test, kapi_kunit_image_data);
	KUNIT_EXPECT_EQ(test, kapi_debugfs_list_show(m, NULL), 0);
	text = kapi_kunit_seq_text(test, m);
	kapi_registry_lock();
	while ((img = kapi_registry_next(img)))
		total += img->nspecs;
	kapi_registry_unlock();

	/* kapi.ko's own specs first, in the order of their files. */
	KUNIT_EXPECT_EQ(test, strncmp(text, head, strlen(head)), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\nsys_read - "));
	p = strstr(text, block);
	KUNIT_ASSERT_NOT_NULL(test, p);
	/* The test image registered last: its block ends the list. */
	KUNIT_EXPECT_STREQ(test, p + strlen(block),
			   kapi_kunit_printf(test,
					     "\nTotal: %u specifications\n",
					     total));
	KUNIT_EXPECT_GE(test, total, KAPI_KUNIT_NSPECS + 1);
}

static struct kunit_case kapi_view_test_cases[] = {
	KUNIT_CASE(kapi_view_text_test),
	KUNIT_CASE(kapi_view_ioctl_test),
	KUNIT_CASE(kapi_view_json_test),
	KUNIT_CASE(kapi_view_ioctl_json_test),
	KUNIT_CASE(kapi_view_json_struct_test),
	KUNIT_CASE(kapi_view_escape_test),
	KUNIT_CASE(kapi_view_errno_name_test),
	KUNIT_CASE(kapi_view_list_test),
	{}
};

static struct kunit_suite kapi_view_suite = {
	.name = "kapi_view",
	.exit = kapi_view_test_exit,
	.test_cases = kapi_view_test_cases,
};

kunit_test_suite(kapi_view_suite);

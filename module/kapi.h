/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between kapi.ko's layers. Each layer has an init/exit
 * pair; main.c calls them in order and unwinds in exact reverse order.
 */
#ifndef KAPI_KAPI_H
#define KAPI_KAPI_H

#include "uapi/linux/kapi.h"
#include "compat/compat.h"

int kapi_debugfs_init(void);
void kapi_debugfs_exit(void);

#endif /* KAPI_KAPI_H */

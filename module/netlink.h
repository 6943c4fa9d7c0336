/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink view of kapi.ko: the family "kapi" of
 * include/uapi/linux/kapi.h, for programs (Documentation/netlink.rst). It
 * reads the registry, the hooks and the report layer, changes them only
 * through privileged commands, and multicasts each violation record from a
 * work item, never from the path of the system call that made it.
 */
#ifndef KAPI_NETLINK_H
#define KAPI_NETLINK_H

int kapi_netlink_init(void);
void kapi_netlink_exit(void);

#endif /* KAPI_NETLINK_H */

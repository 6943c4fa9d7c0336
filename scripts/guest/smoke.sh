# SPDX-License-Identifier: GPL-2.0
#
# VM smoke test (guest side, busybox sh): kapi.ko loads, publishes its
# debugfs directory with root-only files, unloads leaving nothing behind,
# and loads again. Prints KTAP; run by 'make check' through scripts/vm.sh.

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi

version_matches() {
	grep -qx "kapi $(cat /kapi/VERSION)" $D/version &&
		grep -qx "kernel $(uname -r)" $D/version &&
		grep -q '^image-format [0-9]*\.[0-9]*$' $D/version
}
# debugfs is mounted 0700; open it up so that only the file's own mode
# stands between an unprivileged user and the file.
unprivileged_denied() {
	mount -o remount,mode=755 /sys/kernel/debug &&
		su -s /bin/sh nobody -c "test -d $D" &&
		! su -s /bin/sh nobody -c "cat $D/version" 2>/dev/null
}
# Loading may add only the out-of-tree and unsigned taints (O=4096, E=8192).
taint_clean() {
	[ $(( $(cat /proc/sys/kernel/tainted) & ~(4096 | 8192) )) -eq 0 ]
}

ktap_plan 11
ktap_check "debugfs is mounted" grep -q ' /sys/kernel/debug debugfs ' /proc/mounts
ktap_check "insmod kapi.ko" insmod /kapi/kapi.ko
ktap_check "module is live" grep -qx live /sys/module/kapi/initstate
ktap_check "debugfs directory exists" test -d $D
ktap_check "version file names module, format and running kernel" version_matches
ktap_check "version file is root-only (0400)" test "$(stat -c %a $D/version)" = 400
ktap_check "unprivileged read is denied" unprivileged_denied
ktap_check "rmmod kapi" rmmod kapi
ktap_check "debugfs directory is gone" test ! -e $D
ktap_check "load and unload again" sh -c "insmod /kapi/kapi.ko && test -d $D && rmmod kapi && test ! -e $D"
ktap_check "no taint beyond O and E" taint_clean
ktap_finish

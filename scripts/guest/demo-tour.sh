# SPDX-License-Identifier: GPL-2.0
#
# Guest side of 'make demo' (busybox sh): narrate each command, then run it.

run() {
	echo "guest# $1"
	eval "$1"
	echo
}

echo "kapi demo on Linux $(uname -r)"
echo
run 'insmod /kapi/kapi.ko'
run 'dmesg | grep "kapi:"'
run 'ls -l /sys/kernel/debug/kapi/'
run 'cat /sys/kernel/debug/kapi/version'
run 'cat /sys/kernel/debug/kapi/list'
run 'head -n 40 /sys/kernel/debug/kapi/specs/sys_read'
run 'head -c 400 /sys/kernel/debug/kapi/specs-json/sys_read; echo ...'
run 'insmod /kapi/kapi_sample.ko && grep kapi_sample /sys/kernel/debug/kapi/list && rmmod kapi_sample'
run 'kapi-dump --version'
run 'kapi-dump'
run 'kapi-dump --json sys_read | head -c 400; echo ...'
run 'kapi-dump --json --pretty sys_read | grep -A 24 parameters'
run 'kapi-dump sys_read | head -n 30'
run 'kapi-dump --syzlang'
echo "# kapi-dump monitor streams violations live through netlink; a bad call:"
echo "# a path longer than PATH_MAX, which the spec of openat's filename forbids"
run 'kapi-dump monitor & MON=$!; sleep 1'
run 'cat "$(printf "%05000d" 0)" 2>&1 | cut -c 1-60; sleep 1'
run 'kill -INT $MON; wait $MON'
run 'kapi-dump stats sys_openat'
run 'rmmod kapi'
run 'ls /sys/kernel/debug/kapi 2>&1'
echo "kapi left nothing behind; powering off"

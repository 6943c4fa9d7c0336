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
run 'kapi-dump --version'
run 'rmmod kapi'
run 'ls /sys/kernel/debug/kapi 2>&1'
echo "kapi left nothing behind; powering off"

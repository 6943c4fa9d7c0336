#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the wild guest's initramfs (scripts/vm.sh --init, with --disk):
# loads the modules that reach the disk, then kapi.ko in the mode the
# command line names (kapi.wild=none|off|audit|enforce; none loads nothing),
# mounts the Debian root file system of /dev/vda read-only, puts /kapi (the
# guest script and programs) on a tmpfs in it and hands over to systemd with
# switch_root. kapi is thus checking calls before systemd's first one. On
# any failure it reports an exit status in the line scripts/vm.sh looks for.
/bin/busybox mkdir -p /bin /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mkdir -p /proc /sys /dev /newroot
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null

fail() {
	echo "kapi-vm: wild-init: $*"
	echo "kapi-vm: exit=99"
	reboot -f
	sleep 60
}

mode=none
for a in $(cat /proc/cmdline); do
	case $a in kapi.wild=*) mode=${a#kapi.wild=} ;; esac
done
echo "kapi-vm: wild-init: kernel $(uname -r), kapi mode $mode"

# A module the virtual CPU cannot use (crc32c-intel without SSE 4.2 under
# TCG) refuses to load; the mount below fails if a needed one is missing.
for m in $(cat /kapi/boot/order); do
	insmod "/kapi/boot/$m" 2>/dev/null || echo "kapi-vm: wild-init: $m not loaded"
done
case $mode in
none) ;;
off|audit|enforce)
	insmod /kapi/kapi_tramp.ko || fail "insmod kapi_tramp.ko failed"
	insmod /kapi/kapi.ko mode="$mode" || fail "insmod kapi.ko mode=$mode failed"
	echo "kapi-vm: wild-init: kapi.ko loaded, mode $(cat /sys/module/kapi/parameters/mode)"
	;;
*) fail "unknown kapi.wild=$mode" ;;
esac

i=0
while [ ! -b /dev/vda ]; do
	i=$((i + 1))
	[ $i -le 100 ] || fail "no /dev/vda"
	sleep 0.1
done
mount -t ext4 -o ro /dev/vda /newroot || fail "cannot mount /dev/vda"
[ -L /newroot/sbin/init ] || [ -x /newroot/sbin/init ] || fail "no /sbin/init on /dev/vda"
mount -t tmpfs -o mode=755 kapi /newroot/kapi || fail "cannot mount /newroot/kapi"
cp -a /kapi/. /newroot/kapi/
echo "KAPI_WILD_MODE=$mode" >>/newroot/kapi/env
umount /proc /sys
mount --move /dev /newroot/dev 2>/dev/null || umount /dev
exec switch_root /newroot /sbin/init

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the "wild" guest's root file system (Documentation/wild.rst): a
# Debian 12 (bookworm) system with systemd, made by Debian's own mmdebstrap
# (minbase variant plus the packages below), with the kernel modules of the
# cached Debian kernels (fetch-kernels.sh) in /lib/modules/<release>, packed
# into an ext4 image with mkfs.ext4 -d (no loop mount on the host).
#
# The result is cached in $KAPI_CACHE/rootfs/<key>/, the key being a hash of
# this script (which holds the package list) and the kernel packages; a
# rerun with the same key only prints the directory. It holds:
#   root.ext4            the disk image (booted read-only by QEMU's snapshot=on)
#   boot-<release>/      per kernel: the modules the initramfs loads to reach
#                        the disk (virtio, ext4), uncompressed, and "order",
#                        the file names in load order
#   packages             the Debian packages installed, with versions
# Prints the directory on standard output.
#
# usage: rootfs.sh   (both Debian kernels, 6.1 and 6.12, must be provisioned;
# one image serves both, so that booting one kernel or both uses one key)

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

# minbase plus what the workload (scripts/guest/wild-workload.sh) uses.
PACKAGES=(
	systemd systemd-sysv udev dbus iproute2 procps util-linux kmod
	fuse3 e2fsprogs xfsprogs btrfs-progs netcat-openbsd socat
	nfs-kernel-server
)
SUITE=bookworm
MIRROR=${KAPI_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The modules the initramfs loads before it mounts the disk.
BOOT_MODULES="virtio_pci virtio_blk crc32c_generic crc32c-intel ext4"
# Parts of each kernel's module tree that the guest may load (file
# systems, loop, FUSE, NFS, sockets, crypto and libraries they need).
MODULE_DIRS="fs net lib crypto arch drivers/block drivers/virtio drivers/md drivers/char"

[ "$(id -u)" -eq 0 ] || kapi_die "rootfs.sh needs root (mmdebstrap, device nodes in the image)"
command -v mmdebstrap >/dev/null || kapi_die "mmdebstrap missing: run 'make provision'"
[ $# -eq 0 ] || kapi_die "usage: rootfs.sh (no arguments)"
set -- 6.1 6.12
# Standard output is the image's directory, one line, nothing else (a cold
# run's mkfs.ext4 said "Creating regular file ..." there): every other
# output goes to standard error.
exec 3>&1 1>&2

rels=() debs=()
for s in "$@"; do
	kapi_load_kernel "$s"
	deb=$(find "$KAPI_CACHE/debs/linux-image-$KAPI_KREL" -name '*.deb' | head -n1)
	[ -n "$deb" ] || kapi_die "no linux-image-$KAPI_KREL package in the cache: run 'make provision'"
	rels+=("$KAPI_KREL") debs+=("$deb")
done

key=$({ cat "$0"; printf '%s\n' "${rels[@]}"; for d in "${debs[@]}"; do basename "$d"; done; } |
	sha256sum | cut -c1-16)
out="$KAPI_CACHE/rootfs/$key"
if [ -e "$out/.complete" ]; then
	echo "$out" >&3
	exit 0
fi

tmp="$out.tmp.$$"
rm -rf --one-file-system "$tmp"
mkdir -p "$tmp"
# Never into a mount mmdebstrap may have left in the tree (proc, sys, dev).
trap 'rm -rf --one-file-system "$tmp"' EXIT
root=$tmp/root
t0=$SECONDS
kapi_log "rootfs: mmdebstrap $SUITE minbase + ${PACKAGES[*]}"
include=$(IFS=,; echo "${PACKAGES[*]}")
# The unit that runs the guest script once the system is up: its output
# goes to the test output port (ttyS1), its exit status to the console in
# the line scripts/vm.sh looks for, then the guest powers off at once.
mmdebstrap --variant=minbase --include="$include" --mode=root --format=directory \
	--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
	--dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
	--customize-hook='echo kapi-wild >"$1/etc/hostname"' \
	--customize-hook='chroot "$1" passwd -d root' \
	--customize-hook='printf "/dev/vda / ext4 rw 0 0\ntmpfs /tmp tmpfs mode=1777 0 0\n" >"$1/etc/fstab"' \
	--customize-hook='mkdir -p "$1/kapi" "$1/srv/nfs"' \
	--customize-hook='echo "/srv/nfs 127.0.0.1(rw,sync,no_subtree_check,no_root_squash,fsid=1)" >"$1/etc/exports"' \
	--customize-hook='for u in serial-getty@ttyS0.service serial-getty@ttyS1.service getty@tty1.service \
		apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service fstrim.timer; do \
		ln -sf /dev/null "$1/etc/systemd/system/$u"; done' \
	--customize-hook='cat >"$1/etc/systemd/system/kapi-wild.service" <<EOT
[Unit]
Description=kapi wild workload (scripts/guest/wild-workload.sh)
After=basic.target dbus.service systemd-logind.service systemd-journald.service

[Service]
Type=simple
ExecStart=/usr/local/sbin/kapi-wild-run
StandardOutput=journal+console
StandardError=journal+console

[Install]
WantedBy=multi-user.target
EOT' \
	--customize-hook='cat >"$1/usr/local/sbin/kapi-wild-run" <<"EOT"
#!/bin/sh
# Started by kapi-wild.service: wait for the end of the boot, run
# /kapi/run.sh with its output on ttyS1, report its status on the console.
systemctl is-system-running --wait >/dev/null 2>&1
echo "kapi-vm: system up ($(systemctl is-system-running 2>&1)), kernel $(uname -r)" >/dev/ttyS0
stty -F /dev/ttyS1 raw -echo 2>/dev/null
cd /kapi && sh /kapi/run.sh >/dev/ttyS1 2>&1 </dev/null
rc=$?
echo "kapi-vm: exit=$rc" >/dev/ttyS0
sync
systemctl reboot --force --force
EOT
chmod 755 "$1/usr/local/sbin/kapi-wild-run"' \
	--customize-hook='chroot "$1" systemctl enable kapi-wild.service' \
	--customize-hook='chroot "$1" dpkg-query -W >"$1/../packages"' \
	--customize-hook='rm -rf "$1/var/cache/apt"/*.bin "$1/var/lib/apt/lists"/*' \
	"$SUITE" "$root" "$MIRROR" >"$tmp/mmdebstrap.log" 2>&1 ||
	{ tail -n 30 "$tmp/mmdebstrap.log" >&2; kapi_die "mmdebstrap failed"; }

# Kernel modules of each kernel, straight from its Debian package.
i=0
for rel in "${rels[@]}"; do
	deb=${debs[$i]}
	i=$((i + 1))
	kapi_log "rootfs: modules of $rel"
	paths=()
	for d in $MODULE_DIRS; do paths+=("./lib/modules/$rel/kernel/$d"); done
	dpkg-deb --fsys-tarfile "$deb" |
		tar -x -C "$root" --wildcards "${paths[@]}" "./lib/modules/$rel/modules.*" \
			--exclude='*/net/wireless' --exclude='*/net/bluetooth' --exclude='*/net/mac80211' \
			--exclude='*/drivers/char/tpm' --exclude='*/drivers/char/hw_random' 2>/dev/null ||
		kapi_die "cannot unpack the modules of $rel"
	# Dependencies of the subset (a private tree; nothing is loaded here).
	depmod -b "$root" "$rel"

	# The initramfs' modules, with their dependencies first.
	boot=$tmp/boot-$rel
	mkdir -p "$boot"
	: >"$boot/order"
	add_module() {
		local name=$1 f dep
		f=$(modinfo -b "$root" -k "$rel" -F filename "$name" 2>/dev/null) || return 0
		case $f in /*) ;; *) return 0 ;; esac # built in
		grep -qx "$(basename "${f%.xz}")" "$boot/order" && return 0
		for dep in $(modinfo -b "$root" -k "$rel" -F depends "$name" | tr ',' ' '); do
			add_module "$dep"
		done
		case $f in
		*.ko.xz) xz -dc "$f" >"$boot/$(basename "${f%.xz}")" ;;
		*) cp "$f" "$boot/" ;;
		esac
		basename "${f%.xz}" >>"$boot/order"
	}
	for m in $BOOT_MODULES; do add_module "$m"; done
	grep -q '^ext4\.ko$' "$boot/order" || kapi_die "no ext4 module for $rel"
done

# The image: the tree plus room for the workload's files (QEMU's
# snapshot=on keeps the cached image unchanged).
mb=$(du -sm "$root" | cut -f1)
mkfs.ext4 -q -F -L kapi-wild -d "$root" "$tmp/root.ext4" "$((mb + 1536))M"
rm -rf --one-file-system "$root"
touch "$tmp/.complete"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
kapi_log "rootfs: $out ($((mb)) MB of files, $((SECONDS - t0)) s)"
echo "$out" >&3

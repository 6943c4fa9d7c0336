#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch Debian's kernels for the given series (default: 6.1 6.12) into the
# cache without installing anything on the host: resolve the newest release
# the archive offers, 'apt-get download' the image, headers, headers-common
# and kbuild packages, unpack them privately with dpkg-deb, and point the
# headers' Makefile at the private root. Writes kernels/<series>.env with
# KAPI_KREL, KAPI_KDIR, KAPI_BZIMAGE, KAPI_KPKGVER for the Makefile and the
# VM harness. A tree already unpacked is reused.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

updated=0
apt_refresh() {
	[ $updated -eq 0 ] && [ "$(id -u)" -eq 0 ] || return 1
	kapi_log "refreshing the package lists (apt-get update)"
	apt-get update -q >/dev/null
	updated=1
}

# resolve SERIES - print the newest kernel release name (uname -r) of SERIES.
resolve() {
	case "$1" in
	6.1)
		# The bookworm metapackage always points at the newest 6.1 ABI.
		apt-cache depends linux-image-amd64 2>/dev/null |
			sed -n 's/^ *Depends: linux-image-\(6\.1\.0-[0-9]*-amd64\)$/\1/p' | head -n1
		;;
	6.12)
		apt-cache search --names-only '^linux-image-6\.12\.[0-9]+\+deb12-amd64$' 2>/dev/null |
			sed -n 's/^linux-image-\(6\.12\.[0-9]*+deb12-amd64\) .*/\1/p' | sort -V | tail -n1
		;;
	*)
		kapi_die "unknown kernel series '$1' (supported: 6.1 6.12)"
		;;
	esac
}

# deps PKG - the headers-common and kbuild packages PKG depends on.
deps() {
	apt-cache depends "$1" | sed -n 's/^ *Depends: \(linux-\(headers-.*-common\|kbuild-.*\)\)$/\1/p'
}

# download PKG - make sure PKG's .deb is in the cache, print its path.
download() {
	local dir="$KAPI_CACHE/debs/$1" deb
	deb=$(find "$dir" -name '*.deb' 2>/dev/null | head -n1 || true)
	if [ -z "$deb" ]; then
		mkdir -p "$dir.tmp"
		(cd "$dir.tmp" && apt-get download -q "$1" >/dev/null 2>&1) ||
			(apt_refresh && cd "$dir.tmp" && apt-get download -q "$1" >/dev/null) ||
			kapi_die "cannot download $1"
		rm -rf "$dir" && mv "$dir.tmp" "$dir"
		deb=$(find "$dir" -name '*.deb' | head -n1)
	fi
	printf '%s\n' "$deb"
}

fetch() {
	local series=$1 rel pkgs root tmp kdir envf ver p deb
	envf=$(kapi_kernel_env "$series")
	rel=$(resolve "$series")
	if [ -z "$rel" ] && apt_refresh; then
		rel=$(resolve "$series")
	fi
	if [ -z "$rel" ]; then
		if [ -r "$envf" ]; then
			# Offline or lists missing: keep what is already provisioned.
			. "$envf"
			kapi_log "kernel $series: archive not reachable, using the earlier download of $KAPI_KREL"
			return
		fi
		kapi_die "cannot resolve a Debian $series kernel (is the bookworm archive configured? try apt-get update)"
	fi

	root="$KAPI_CACHE/kernels/$rel"
	kdir="$root/usr/src/linux-headers-$rel"
	if [ ! -e "$root/.complete" ]; then
		mapfile -t pkgs < <(deps "linux-headers-$rel")
		pkgs=("linux-image-$rel" "linux-headers-$rel" "${pkgs[@]}")
		[ ${#pkgs[@]} -ge 4 ] || kapi_die "linux-headers-$rel: unexpected dependencies (${pkgs[*]})"
		kapi_log "kernel $series: fetching ${pkgs[*]}"
		tmp="$root.tmp.$$"
		rm -rf "$tmp"
		mkdir -p "$tmp"
		for p in "${pkgs[@]}"; do
			deb=$(download "$p")
			if [ "$p" = "linux-image-$rel" ]; then
				# Only the kernel and its config: the module tree is
				# ~400 MB that no guest needs.
				dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" ./boot
			else
				dpkg-deb -x "$deb" "$tmp"
			fi
		done
		# The headers' Makefile includes the -common tree by absolute path.
		sed -i "s|^include /usr/src/|include $root/usr/src/|" "$tmp/usr/src/linux-headers-$rel/Makefile"
		[ -s "$tmp/boot/vmlinuz-$rel" ] || kapi_die "linux-image-$rel: no /boot/vmlinuz-$rel"
		[ -e "$tmp/usr/src/linux-headers-$rel/include/config/kernel.release" ] ||
			kapi_die "linux-headers-$rel: incomplete header tree"
		dpkg-deb -f "$(download "linux-image-$rel")" Version >"$tmp/.pkgversion"
		rm -rf "$root"
		# The Makefile fixed above already names $root, not $tmp.
		mv "$tmp" "$root"
		touch "$root/.complete"
	fi
	ver=$(cat "$root/.pkgversion")
	cat >"$envf.tmp" <<EOT
# Written by scripts/fetch-kernels.sh; sourced by the Makefile and scripts.
KAPI_SERIES=$series
KAPI_KREL=$rel
KAPI_KPKGVER=$ver
KAPI_KDIR=$kdir
KAPI_BZIMAGE=$root/boot/vmlinuz-$rel
EOT
	mv "$envf.tmp" "$envf"
	kapi_log "kernel $series: Debian $rel (package $ver)"
}

mkdir -p "$KAPI_CACHE/kernels" "$KAPI_CACHE/debs"
[ $# -gt 0 ] || set -- 6.1 6.12
for s in "$@"; do
	fetch "$s"
done

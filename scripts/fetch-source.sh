#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch and unpack Debian's kernel source for a series (6.1 or 6.12) into the
# cache, for the tools that need a whole tree: checkpatch.pl and the KUnit
# kernel builds. The tree is keyed by the source package version and reused.
# Prints the path of the unpacked tree on stdout.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

series=${1:?usage: fetch-source.sh 6.1|6.12}
case "$series" in 6.1|6.12) ;; *) kapi_die "unknown kernel series '$series'" ;; esac
pkg=linux-source-$series

ver=$(apt-cache policy "$pkg" 2>/dev/null | sed -n 's/^ *Candidate: //p')
if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		apt-get update -q >/dev/null
		ver=$(apt-cache policy "$pkg" | sed -n 's/^ *Candidate: //p')
	fi
fi
dest_base="$KAPI_CACHE/src"
if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
	# Offline: fall back to the newest tree already unpacked.
	tree=$(find "$dest_base" -maxdepth 2 -path "*/$pkg-*/.complete" 2>/dev/null | sort -V | tail -n1 || true)
	[ -n "$tree" ] || kapi_die "cannot resolve $pkg (run apt-get update)"
	dirname "$tree"
	exit 0
fi

tree="$dest_base/$pkg-$ver"
if [ ! -e "$tree/.complete" ]; then
	debdir="$KAPI_CACHE/debs/$pkg-$ver"
	deb=$(find "$debdir" -name '*.deb' 2>/dev/null | head -n1 || true)
	if [ -z "$deb" ]; then
		mkdir -p "$debdir.tmp"
		kapi_log "downloading $pkg $ver"
		(cd "$debdir.tmp" && apt-get download -q "$pkg=$ver" >/dev/null 2>&1) ||
			kapi_die "cannot download $pkg=$ver"
		rm -rf "$debdir" && mv "$debdir.tmp" "$debdir"
		deb=$(find "$debdir" -name '*.deb' | head -n1)
	fi
	kapi_log "unpacking $pkg $ver"
	tmp="$tree.tmp.$$"
	rm -rf "$tmp" && mkdir -p "$tmp"
	dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards './usr/src/linux-source-*.tar.xz' |
		xz -dc -T0 | tar -x -C "$tmp" --strip-components=1
	[ -e "$tmp/Makefile" ] && [ -e "$tmp/scripts/checkpatch.pl" ] || kapi_die "$pkg: unexpected tarball layout"
	rm -rf "$tree" && mv "$tmp" "$tree"
	touch "$tree/.complete"
fi
printf '%s\n' "$tree"

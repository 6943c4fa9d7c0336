#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# DKMS on the host, without touching the host's module trees ('make check'):
# dkms add, build, install, status and remove of kapi's DKMS source tree for
# one provisioned Debian kernel, with every DKMS tree private (--sourcetree,
# --dkmstree, --installtree under WORKDIR), the kernel's header tree given
# with --kernelsourcedir, depmod off and signing off. Asserts that the
# build gives a kapi.ko for that kernel whose spec image (.kapi_specs) is
# byte for byte that of REFERENCE (the module built from the git tree),
# that install puts it in updates/dkms/ and status says so, that remove
# takes it away again, and that nothing appeared in /var/lib/dkms or
# /usr/src. Leaves the built module as WORKDIR/kapi.ko (the VM test loads
# it). dkms install is skipped, with a note, where the host's DKMS
# configuration would load modules after installing (modprobe_on_install).
#
#   dkms-test.sh KERNEL SOURCE-TREE WORKDIR [REFERENCE]

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

[ $# -ge 3 ] || kapi_die "usage: dkms-test.sh KERNEL SOURCE-TREE WORKDIR [REFERENCE]"
kernel=$1 tree=$(readlink -f "$2") work=$3 ref=${4:-}
command -v dkms >/dev/null || kapi_die "dkms is not installed (make provision)"
kapi_load_kernel "$kernel"
name=$(sed -n 's/^PACKAGE_NAME="\(.*\)"$/\1/p' "$tree/dkms.conf")
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$tree/dkms.conf")
[ "$name" = kapi ] && [ -n "$ver" ] || kapi_die "$tree/dkms.conf has no PACKAGE_NAME/PACKAGE_VERSION"

rm -rf "$work"
mkdir -p "$work/src" "$work/tree" "$work/modules/$KAPI_KREL"
trees=(--sourcetree "$work/src" --dkmstree "$work/tree" --installtree "$work/modules")
# Never sign here: DKMS would make a key in /var/lib/dkms for it.
export sign_file="$work/no-sign-file"
host_state() { ls -d /var/lib/dkms/kapi /usr/src/kapi-* 2>/dev/null || true; }
host_before=$(host_state)
fail() { printf 'dkms-test: FAIL: %s\n' "$*"; exit 1; }
run() { printf '+ %s\n' "$*"; "$@"; }

cd "$work"
run dkms add "$tree" "${trees[@]}"
[ -e "$work/src/$name-$ver/dkms.conf" ] || fail "dkms add did not copy the tree into --sourcetree"
run dkms build -m "$name" -v "$ver" -k "$KAPI_KREL" --kernelsourcedir "$KAPI_KDIR" "${trees[@]}"
built="$work/tree/$name/$ver/$KAPI_KREL/$(uname -m)/module/kapi.ko"
[ -e "$built" ] || fail "dkms build left no $built"
cp "$built" "$work/kapi.ko"
[ -e "$(dirname "$built")/kapi_tramp.ko" ] || fail "dkms build left no kapi_tramp.ko next to kapi.ko"
cp "$(dirname "$built")/kapi_tramp.ko" "$work/kapi_tramp.ko"
vermagic=$(modinfo -F vermagic "$built")
case $vermagic in
"$KAPI_KREL "*) echo "built: $built ($vermagic)" ;;
*) fail "vermagic '$vermagic' is not for $KAPI_KREL" ;;
esac
if [ -n "$ref" ]; then
	objcopy -O binary --only-section=.kapi_specs "$built" "$work/dkms.kapi_specs"
	objcopy -O binary --only-section=.kapi_specs "$ref" "$work/ref.kapi_specs"
	[ -s "$work/dkms.kapi_specs" ] && cmp "$work/dkms.kapi_specs" "$work/ref.kapi_specs" ||
		fail "the spec image differs from that of $ref"
	echo "spec image: $(stat -c %s "$work/dkms.kapi_specs") bytes, as in $ref"
fi

if grep -Eqs '^[[:space:]]*modprobe_on_install=.+' /etc/dkms/framework.conf /etc/dkms/framework.conf.d/*.conf; then
	echo "note: dkms install skipped: this host's DKMS loads modules after installing (modprobe_on_install)"
else
	run dkms install -m "$name" -v "$ver" -k "$KAPI_KREL" --kernelsourcedir "$KAPI_KDIR" \
		--no-depmod "${trees[@]}"
	for m in kapi kapi_tramp; do
		[ -e "$work/modules/$KAPI_KREL/updates/dkms/$m.ko" ] ||
			fail "dkms install did not put $m.ko in updates/dkms/"
	done
	status=$(dkms status -m "$name" -v "$ver" -k "$KAPI_KREL" "${trees[@]}")
	echo "status: $status"
	case $status in *": installed"*) ;; *) fail "dkms status does not say installed" ;; esac
fi
run dkms remove -m "$name" -v "$ver" --all --no-depmod "${trees[@]}"
[ -z "$(find "$work/modules" -name 'kapi*.ko*')" ] || fail "dkms remove left a module behind"
[ ! -e "$work/tree/$name/$ver" ] || fail "dkms remove left $work/tree/$name/$ver"
[ "$(host_state)" = "$host_before" ] || fail "the host's /var/lib/dkms or /usr/src changed"
echo "dkms-test: $name $ver for $KAPI_KREL: add, build, install, status, remove passed"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a KUnit kernel for one series (6.1 or 6.12) from Debian's
# linux-source package: "make tinyconfig", the fragment kunit/kunit.config
# merged with the kernel's own scripts/kconfig/merge_config.sh, olddefconfig,
# then bzImage, modules_prepare and one "make modules" (which writes the
# Module.symvers out-of-tree modules link against). The build goes to an O=
# directory in the cache, never into the source tree, keyed by the source
# version and a hash of the fragment:
#
#   $KAPI_CACHE/kunit/<series>-<source version>-<fragment hash>/
#       build/        the O= build tree (KDIR for out-of-tree modules)
#       build.log     the configuration and build output
#       .complete     written last; its presence makes a later run reuse it
#
# A run with the same key reuses the tree; a new source version or a changed
# fragment builds a new one. Fails, naming the option, if olddefconfig drops
# or changes a line of the fragment. Prints the build tree's path on the last
# line of stdout; the bzImage is <tree>/arch/x86/boot/bzImage.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

series=${1:?usage: kunit-kernel.sh 6.1|6.12}
case "$series" in 6.1|6.12) ;; *) kapi_die "unknown kernel series '$series'" ;; esac
frag="$src/kunit/kunit.config"
[ -r "$frag" ] || kapi_die "no Kconfig fragment at $frag"
for tool in flex bison bc gcc make; do
	command -v "$tool" >/dev/null || kapi_die "$tool missing: run 'make provision'"
done
[ -e /usr/include/libelf.h ] || kapi_die "libelf-dev missing: run 'make provision'"

tree=$("$here/fetch-source.sh" "$series" | tail -n1)
srcver=${tree##*/linux-source-"$series"-}
hash=$(sha256sum "$frag" | cut -c1-12)
key="$series-$srcver-$hash"
dir="$KAPI_CACHE/kunit/$key"
obj="$dir/build"
log="$dir/build.log"
mkdir -p "$dir"

# One builder per key; a second run waits and then reuses the result.
exec 9>"$dir/.lock"
flock 9

if [ -e "$dir/.complete" ] && [ -e "$obj/arch/x86/boot/bzImage" ] && [ -e "$obj/Module.symvers" ]; then
	kapi_log "KUnit kernel $series: $(cat "$obj/include/config/kernel.release") (cached, $dir)"
	printf '%s\n' "$obj"
	exit 0
fi

kapi_log "building KUnit kernel $series from linux-source-$series $srcver (log: $log)"
t0=$SECONDS
rm -rf "$obj" "$dir/.complete"
mkdir -p "$obj"
: >"$log"
kmake() { make -C "$tree" O="$obj" "$@" >>"$log" 2>&1; }

kmake tinyconfig || kapi_die "make tinyconfig failed (see $log)"
"$tree/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$frag" >>"$log" 2>&1 ||
	kapi_die "merge_config.sh failed (see $log)"
kmake olddefconfig || kapi_die "make olddefconfig failed (see $log)"

# Every line of the fragment must have survived olddefconfig as written.
dropped=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*)
		grep -qxF "$line" "$obj/.config" && continue
		opt=${line%%=*}
		now=$(grep -m1 -E "^$opt=|^# $opt is not set" "$obj/.config" || echo "absent")
		kapi_log "$series: $opt: the fragment asks for '${line#*=}', olddefconfig left: $now"
		dropped=1
		;;
	"# CONFIG_"*" is not set")
		opt=${line#\# }
		opt=${opt%% *}
		grep -q -E "^$opt=" "$obj/.config" || continue
		kapi_log "$series: $opt: the fragment turns it off, olddefconfig left: $(grep -m1 -E "^$opt=" "$obj/.config")"
		dropped=1
		;;
	esac
done <"$frag"
[ $dropped -eq 0 ] || kapi_die "$series: kunit/kunit.config does not survive olddefconfig (see above; a missing dependency?)"

kmake -j"$(nproc)" bzImage modules_prepare || kapi_die "$series: kernel build failed (see $log)"
# Module.symvers comes from modpost, which only "make modules" runs.
kmake -j"$(nproc)" modules || kapi_die "$series: make modules failed (see $log)"
if [ ! -e "$obj/arch/x86/boot/bzImage" ] || [ ! -e "$obj/Module.symvers" ]; then
	kapi_die "$series: the build left no bzImage or Module.symvers (see $log)"
fi
touch "$dir/.complete"
kapi_log "KUnit kernel $series: $(cat "$obj/include/config/kernel.release") built in $((SECONDS - t0)) s ($dir)"
printf '%s\n' "$obj"

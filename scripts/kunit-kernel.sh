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
#
#   kunit-kernel.sh [--fragment FILE]... 6.1|6.12
#
# --fragment layers another fragment on kunit/kunit.config (repeatable, in
# order; a later line wins): the debug kernel is
# "kunit-kernel.sh --fragment kunit/debug.config 6.12". The hash in the key
# covers every fragment, so each combination is a kernel of its own.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

frags=("$src/kunit/kunit.config")
while [ $# -gt 0 ]; do
	case "$1" in
	--fragment) frags+=("$(readlink -f "$2")"); shift 2 ;;
	*) break ;;
	esac
done
series=${1:?usage: kunit-kernel.sh [--fragment FILE]... 6.1|6.12}
case "$series" in 6.1|6.12) ;; *) kapi_die "unknown kernel series '$series'" ;; esac
for frag in "${frags[@]}"; do
	[ -r "$frag" ] || kapi_die "no Kconfig fragment at $frag"
done
what="KUnit kernel $series"
for frag in "${frags[@]:1}"; do
	what="$what + ${frag##*/}"
done
for tool in flex bison bc gcc make; do
	command -v "$tool" >/dev/null || kapi_die "$tool missing: run 'make provision'"
done
[ -e /usr/include/libelf.h ] || kapi_die "libelf-dev missing: run 'make provision'"

tree=$("$here/fetch-source.sh" "$series" | tail -n1)
srcver=${tree##*/linux-source-"$series"-}
hash=$(cat "${frags[@]}" | sha256sum | cut -c1-12)
key="$series-$srcver-$hash"
dir="$KAPI_CACHE/kunit/$key"
obj="$dir/build"
log="$dir/build.log"
mkdir -p "$dir"

# One builder per key; a second run waits and then reuses the result.
exec 9>"$dir/.lock"
flock 9

if [ -e "$dir/.complete" ] && [ -e "$obj/arch/x86/boot/bzImage" ] && [ -e "$obj/Module.symvers" ]; then
	kapi_log "$what: $(cat "$obj/include/config/kernel.release") (built earlier, key $key)"
	printf '%s\n' "$obj"
	exit 0
fi

kapi_log "building $what from linux-source-$series $srcver (log: $log)"
t0=$SECONDS
rm -rf "$obj" "$dir/.complete"
mkdir -p "$obj"
: >"$log"
kmake() { make -C "$tree" O="$obj" "$@" >>"$log" 2>&1; }

kmake tinyconfig || kapi_die "make tinyconfig failed (see $log)"
"$tree/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "${frags[@]}" >>"$log" 2>&1 ||
	kapi_die "merge_config.sh failed (see $log)"
kmake olddefconfig || kapi_die "make olddefconfig failed (see $log)"

# Every line of the fragments must have survived olddefconfig as written;
# of an option set in several fragments, the last line counts.
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
done < <(cat "${frags[@]}" | awk '
	/^CONFIG_[A-Za-z0-9_]+=/ { o = $0; sub(/=.*/, "", o) }
	/^# CONFIG_[A-Za-z0-9_]+ is not set$/ { o = $2 }
	o != "" { if (!(o in v)) order[n++] = o; v[o] = $0; o = "" }
	END { for (i = 0; i < n; i++) print v[order[i]] }')
[ $dropped -eq 0 ] || kapi_die "$series: ${frags[*]##*/} do not survive olddefconfig (see above; a missing dependency?)"

kmake -j"$(nproc)" bzImage modules_prepare || kapi_die "$series: kernel build failed (see $log)"
# Module.symvers comes from modpost, which only "make modules" runs.
kmake -j"$(nproc)" modules || kapi_die "$series: make modules failed (see $log)"
if [ ! -e "$obj/arch/x86/boot/bzImage" ] || [ ! -e "$obj/Module.symvers" ]; then
	kapi_die "$series: the build left no bzImage or Module.symvers (see $log)"
fi
touch "$dir/.complete"
kapi_log "$what: $(cat "$obj/include/config/kernel.release") (built now, $((SECONDS - t0)) s, $dir)"
printf '%s\n' "$obj"

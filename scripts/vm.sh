#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kapi's VM harness: boot a kernel under QEMU with a generated busybox
# initramfs, run a guest script, and turn what happened into an exit code.
# Used by the tests, the demo and the benchmarks alike.
#
# The guest console (kernel messages, ttyS0) and the script's output (ttyS1)
# go to two logs, both streamed to the terminal. The run fails if the script
# fails, if the guest never reports an exit status (crash, hang, timeout),
# or if the console shows an oops, BUG, WARNING, call trace, KASAN, UBSAN,
# slub_debug, lockdep or kmemleak report, whatever the script said.
#
# Exit codes: 0 success, 1-123 the guest script's status, 124 timeout,
# 125 the guest crashed or the console is not clean, 2 usage error.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

usage() {
	cat <<EOT
usage: vm.sh --kernel SERIES|BZIMAGE [options]
  --kernel K        6.1 or 6.12 (provisioned Debian kernels) or a bzImage path
  --script FILE     guest shell script, run as /kapi/run.sh (its exit status is the verdict)
  --shell           interactive shell instead of a script (Ctrl-A X quits QEMU)
  --module FILE     put a kernel module into /kapi (repeatable); with kapi.ko
                    comes kapi_tramp.ko from the same directory, which the
                    guest's /init loads before anything else
  --kmod NAME       put the Debian kernel's module NAME (e.g. fuse), uncompressed,
                    into /kapi/kmod/NAME.ko, for the guest script to insmod;
                    nothing if the kernel has it built in (repeatable; 6.1 and
                    6.12 only; dependencies are not added)
  --bin PROG[:DST]  put a host program (at its host path, or DST) and its shared
                    libraries into the guest (repeatable)
  --file SRC[:DST]  put a file into the guest, default /kapi/bin/NAME if executable else /kapi/NAME
  --name NAME       name of this run, for the log files (default: the script's name)
  --log-dir DIR     where the logs go (default: build/vm)
  --timeout SEC     give up after SEC seconds (default 300)
  --mem MB          guest memory (default 512)
  --smp N           virtual CPUs (default 1; TCG runs them on one host thread
                    unless KAPI_TCG_THREAD=multi)
  --append ARGS     extra kernel command line (repeatable)
  --disk IMAGE      attach IMAGE as a virtio disk (/dev/vda), read-only for the
                    host (QEMU snapshot=on: the guest's writes are thrown away)
  --init FILE       the initramfs' /init (default scripts/guest/init); with
                    --disk, scripts/guest/wild-init.sh boots the disk's systemd
  --icount          (TCG) count instructions: the guest's clocks advance 1 ns
                    per instruction executed, so timings inside the guest do
                    not depend on the host's speed or load (benchmarks)
  --stream WHAT     what to stream to the terminal: all (default), output (the
                    script's output only) or none; the logs always get everything
  --monitor SOCKET  (TCG) QEMU's human monitor on the Unix socket SOCKET, and
                    QEMU's log (-d) into SOCKET.log: for bench/itrace.sh, which
                    turns on an instruction trace while the guest runs
  --alloc-failures  the guest makes allocations fail on purpose (fault injection):
                    the kernel's allocation-failure warnings ("page allocation
                    failure", "vmalloc error") and their stack dumps are expected,
                    not reports; everything else still fails the run
environment: KAPI_ACCEL=auto|kvm|tcg (default auto: KVM if it boots, else TCG)
EOT
}

kernel= script= shell=0 name= timeout=300 mem=512 smp=1 append= stream=all icount=0 allocfail=0
monitor=
logdir="${KAPI_BUILD:-$src/build}/vm"
init="$here/guest/init" disk=
modules=() bins=() files=() kmods=()
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernel=$2; shift 2 ;;
	--script) script=$2; shift 2 ;;
	--shell) shell=1; shift ;;
	--module) modules+=("$2"); shift 2 ;;
	--kmod) kmods+=("$2"); shift 2 ;;
	--bin) bins+=("$2"); shift 2 ;;
	--file) files+=("$2"); shift 2 ;;
	--name) name=$2; shift 2 ;;
	--log-dir) logdir=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--append) append="${append:+$append }$2"; shift 2 ;;
	--disk) disk=$2; shift 2 ;;
	--init) init=$2; shift 2 ;;
	--icount) icount=1; shift ;;
	--stream) stream=$2; shift 2 ;;
	--alloc-failures) allocfail=1; shift ;;
	--monitor) monitor=$2; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
[ -n "$kernel" ] || { usage >&2; exit 2; }
case $stream in all|output|none) ;; *) usage >&2; exit 2 ;; esac
[ $shell -eq 1 ] || [ -n "$script" ] || { echo "vm.sh: --script or --shell is required" >&2; exit 2; }

# bzimage_release FILE - the kernel release named in a bzImage's setup header
# (x86 boot protocol: "HdrS" at 0x202, the version string at 0x200 plus the
# offset stored at 0x20e).
bzimage_release() {
	local off
	[ "$(dd if="$1" bs=1 skip=514 count=4 2>/dev/null)" = HdrS ] || return 1
	off=$(od -An -tu2 -j 526 -N 2 "$1" | tr -d ' ')
	dd if="$1" bs=1 skip=$((off + 512)) count=64 2>/dev/null | tr '\0' '\n' | sed -n '1s/ .*//p'
}

case "$kernel" in
6.1|6.12) kapi_load_kernel "$kernel"; bzimage=$KAPI_BZIMAGE; ktag=$kernel ;;
*)
	bzimage=$kernel
	[ -r "$bzimage" ] || kapi_die "no kernel image at $bzimage"
	# A kernel given by path is named by its release (logs, KAPI_KERNEL).
	ktag=$(bzimage_release "$bzimage") && [ -n "$ktag" ] || ktag=$(basename "$bzimage")
	KAPI_KPKGVER="a kernel image built here"
	;;
esac
[ -r "$bzimage" ] || kapi_die "no kernel image at $bzimage"
[ -r "$init" ] || kapi_die "no init at $init"
[ -z "$disk" ] || [ -r "$disk" ] || kapi_die "no disk image at $disk"
[ -n "$name" ] || name=$(basename "${script:-shell}" .sh)
command -v qemu-system-x86_64 >/dev/null || kapi_die "qemu-system-x86_64 missing: run 'make provision'"
[ -x /bin/busybox ] || kapi_die "/bin/busybox missing: run 'make provision' (busybox-static)"

work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-vm.XXXXXX")
qpid=
tpid=
cleanup() {
	[ -n "$tpid" ] && kill "$tpid" 2>/dev/null
	[ -n "$qpid" ] && kill -9 "$qpid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- initramfs -------------------------------------------------------------
root=$work/root
mkdir -p "$root"/{bin,kapi/bin,etc}
cp /bin/busybox "$root/bin/busybox"
cp "$init" "$root/init"
chmod 755 "$root/init"
echo "root:x:0:0:root:/root:/bin/sh" >"$root/etc/passwd"
echo "nobody:x:65534:65534:nobody:/:/bin/false" >>"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

# copy_libs FILE - the shared libraries FILE loads, at their host paths.
copy_libs() {
	local lib
	ldd "$1" 2>/dev/null | grep -o '/[^ ]*' | while read -r lib; do
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

for m in "${modules[@]}"; do
	[ -r "$m" ] || kapi_die "no module at $m"
	cp "$m" "$root/kapi/"
	# kapi.ko needs its resident part, built next to it; /init loads it.
	if [ "$(basename "$m")" = kapi.ko ]; then
		[ -r "$(dirname "$m")/kapi_tramp.ko" ] ||
			kapi_die "no kapi_tramp.ko next to $m (built with it by scripts/build-module.sh)"
		cp "$(dirname "$m")/kapi_tramp.ko" "$root/kapi/"
	fi
done
# kmod_file NAME - the path of the Debian kernel's module NAME, uncompressed,
# taken from its linux-image package once and kept in the cache; nothing if
# the package has no such module (built in).
kmod_file() {
	local dir="$KAPI_CACHE/kmod/$KAPI_KREL" deb tmp f
	if [ ! -e "$dir/$1.ko" ] && [ ! -e "$dir/$1.builtin" ]; then
		deb=$(find "$KAPI_CACHE/debs/linux-image-$KAPI_KREL" -name '*.deb' 2>/dev/null | head -n 1) || true
		[ -n "$deb" ] || kapi_die "no linux-image package of $KAPI_KREL in the cache: run 'make provision'"
		mkdir -p "$dir"
		tmp=$(mktemp -d "$dir/.tmp.XXXXXX")
		dpkg-deb --fsys-tarfile "$deb" |
			tar -x -C "$tmp" --wildcards "*/$1.ko" "*/$1.ko.xz" 2>/dev/null || true
		f=$(find "$tmp" -name "$1.ko" -o -name "$1.ko.xz" | head -n 1)
		case $f in
		"") : >"$tmp/$1.builtin"; mv "$tmp/$1.builtin" "$dir/" ;;
		*.xz) xz -dc "$f" >"$tmp/$1.ko.new" && mv "$tmp/$1.ko.new" "$dir/$1.ko" ;;
		*) mv "$f" "$dir/$1.ko" ;;
		esac
		rm -rf "$tmp"
	fi
	[ ! -e "$dir/$1.ko" ] || echo "$dir/$1.ko"
}
for k in "${kmods[@]}"; do
	case $kernel in 6.1|6.12) ;; *) kapi_die "--kmod needs a provisioned kernel (6.1 or 6.12)" ;; esac
	f=$(kmod_file "$k")
	[ -z "$f" ] || { mkdir -p "$root/kapi/kmod"; cp "$f" "$root/kapi/kmod/"; }
done
for b in "${bins[@]}"; do
	s=${b%%:*} d=${b#*:}
	p=$(command -v "$s") || kapi_die "host program '$s' not found"
	p=$(readlink -f "$p")
	[ "$d" != "$b" ] || d=$p
	mkdir -p "$root$(dirname "$d")"
	cp -L "$p" "$root$d"
	copy_libs "$p"
done
for f in "${files[@]}"; do
	s=${f%%:*} d=${f#*:}
	[ -r "$s" ] || kapi_die "no file at $s"
	if [ "$d" = "$f" ]; then
		if [ -x "$s" ]; then d=/kapi/bin/$(basename "$s"); else d=/kapi/$(basename "$s"); fi
	fi
	mkdir -p "$root$(dirname "$d")"
	cp -L "$s" "$root$d"
done
[ -z "$script" ] || cp "$script" "$root/kapi/run.sh"
echo "KAPI_KERNEL=$ktag" >"$root/kapi/env"
# The hooked system calls, for scripts/guest/ktap.sh.
cp "$src/selftests/kapi_syscalls.h" "$root/kapi/kapi_syscalls.h"

initrd=$work/initrd.gz
(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 >"$initrd"

# --- boot ------------------------------------------------------------------
mkdir -p "$logdir"
console=$logdir/$ktag-$name.console.log
output=$logdir/$ktag-$name.output.log
cmdline="console=ttyS0 panic=-1 KAPI_KERNEL=$ktag $append"
[ $shell -eq 1 ] && cmdline="$cmdline KAPI_VM_MODE=shell"
qemu=(qemu-system-x86_64 -nodefaults -no-user-config -no-reboot
      -m "$mem" -smp "$smp" -kernel "$bzimage" -initrd "$initrd")
[ -z "$disk" ] || qemu+=(-drive "file=$disk,format=raw,if=virtio,snapshot=on")

# Accelerator: KVM if it boots Linux here, else TCG. The outcome of the
# first try is remembered per host kernel, so only one boot pays for it.
accel=${KAPI_ACCEL:-auto}
accel_memo="$KAPI_CACHE/accel.$(uname -r)"
if [ "$accel" = auto ]; then
	if [ ! -w /dev/kvm ]; then
		accel=tcg
	elif [ -r "$accel_memo" ]; then
		accel=$(cat "$accel_memo")
	fi
fi
# Several vCPUs share one host thread by default: with multi-threaded TCG
# (QEMU 7.2) a Debian 6.12 guest was seen to die at boot on an int3 left
# by text patching (cross-modifying code between vCPUs), before any kapi
# code ran. KAPI_TCG_THREAD=multi opts back in.
tcg_opts=tcg,thread=${KAPI_TCG_THREAD:-single}
monitor_opts=(-monitor none)
if [ -n "$monitor" ]; then
	[ "$accel" = kvm ] && kapi_die "--monitor needs TCG (KAPI_ACCEL=tcg)"
	accel=tcg
	monitor_opts=(-monitor "unix:$monitor,server,nowait" -D "$monitor.log")
fi
if [ $icount -eq 1 ]; then
	[ "$accel" = kvm ] && kapi_die "--icount needs TCG (KAPI_ACCEL=tcg)"
	accel=tcg
	qemu+=(-icount shift=0,sleep=on)
fi

if [ $shell -eq 1 ]; then
	[ "$accel" = auto ] && accel=tcg
	[ "$accel" = kvm ] && a=(-accel kvm -cpu host) || a=(-accel "$tcg_opts")
	echo "kapi-vm: booting $bzimage ($accel); Ctrl-A X quits QEMU" >&2
	exec "${qemu[@]}" "${a[@]}" -nographic -serial mon:stdio -append "$cmdline"
fi

# boot ACCEL - run the guest once; sets $status to the QEMU outcome:
# done (QEMU exited), timeout, or nokvm (KVM never printed a line).
boot() {
	local acc=$1 start a
	: >"$console"
	: >"$output"
	if [ "$acc" = kvm ]; then a=(-accel kvm -cpu host); else a=(-accel "$tcg_opts"); fi
	"${qemu[@]}" "${a[@]}" -display none "${monitor_opts[@]}" \
		-serial "file:$console" -serial "file:$output" \
		-append "$cmdline" </dev/null >"$work/qemu.err" 2>&1 &
	qpid=$!
	case $stream in
	all) tail -q -s 0.1 -n +1 -F --pid="$qpid" "$console" "$output" 2>/dev/null | tr -d '\r' & tpid=$! ;;
	output) tail -q -s 0.1 -n +1 -F --pid="$qpid" "$output" 2>/dev/null | tr -d '\r' & tpid=$! ;;
	esac
	start=$SECONDS
	status=done
	while kill -0 "$qpid" 2>/dev/null; do
		if [ "$acc" = kvm ] && [ $((SECONDS - start)) -ge 15 ] &&
		   ! grep -q 'Linux version' "$console"; then
			status=nokvm
			break
		fi
		if [ $((SECONDS - start)) -ge "$timeout" ]; then
			status=timeout
			break
		fi
		sleep 0.2
	done
	if [ $status != done ]; then
		kill -9 "$qpid" 2>/dev/null
	fi
	wait "$qpid" 2>/dev/null || true
	qpid=
	if [ -n "$tpid" ]; then
		# tail ends by itself once it has read everything QEMU wrote.
		wait "$tpid" 2>/dev/null || true
		tpid=
	fi
	elapsed=$((SECONDS - start))
}

t0=$(date +%s.%N)
if [ "$accel" = auto ] || [ "$accel" = kvm ]; then
	boot kvm
	if [ $status = nokvm ]; then
		kapi_log "KVM does not boot Linux on this host; using TCG from now on"
		[ "${KAPI_ACCEL:-auto}" = auto ] && echo tcg >"$accel_memo"
		accel=tcg
		boot tcg
	else
		[ "${KAPI_ACCEL:-auto}" = auto ] && echo kvm >"$accel_memo"
		accel=kvm
	fi
else
	boot tcg
fi
wall=$(echo "$(date +%s.%N) - $t0" | bc)

# Keep the logs readable: no carriage returns.
sed -i 's/\r$//' "$console" "$output"

if [ -s "$work/qemu.err" ]; then
	sed 's/^/kapi-vm: qemu: /' "$work/qemu.err" >&2
fi

# Reports that fail a run whatever the guest script said. "BUG CACHE
# (Not tainted): Poison overwritten" and the like are slub_debug's reports.
bad='Oops|BUG:|BUG [^ ]+ \((Not tainted|Tainted)|Poison overwritten|Redzone overwritten|Freepointer corrupt|double fault|WARNING:|Call Trace:|general protection fault|Kernel panic|kernel BUG at|KASAN:|UBSAN:|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|kmemleak:.*suspected memory leak|INFO: task .* blocked|watchdog: BUG|segfault at'
rc=0
if [ $status = timeout ]; then
	kapi_log "$ktag/$name: TIMEOUT after ${timeout}s (console: $console)"
	rc=124
elif ! exit_line=$(grep -a -m1 '^kapi-vm: exit=' "$console"); then
	kapi_log "$ktag/$name: the guest ended without reporting an exit status (crash?); console: $console"
	rc=125
else
	rc=${exit_line#kapi-vm: exit=}
	[ "$rc" -le 123 ] || rc=123
fi
checked=$console
if [ $allocfail -eq 1 ]; then
	# Drop each allocation-failure warning up to the end of its stack dump
	# (at most 80 lines, so that a cut-off dump cannot hide what follows).
	checked=$work/console.checked
	awk '/: (page allocation failure: order:|vmalloc error: size )/ { skip = 80; print "(allocation failure warning)"; next }
	     skip > 0 { skip--; if ($0 ~ /<\/TASK>/) skip = 0; next }
	     { print }' "$console" >"$checked"
fi
if grep -a -E -n "$bad" "$checked" >"$work/bad"; then
	kapi_log "$ktag/$name: the console shows kernel reports:"
	head -n 20 "$work/bad" | sed 's/^/kapi-vm:   /' >&2
	[ $rc -ne 0 ] || rc=125
fi
printf 'kapi-vm: %s/%s: %s, exit %s, %.1fs wall (%s); logs: %s %s\n' \
	"$ktag" "$name" "$accel" "$rc" "$wall" "$KAPI_KPKGVER" "$console" "$output" >&2
exit "$rc"

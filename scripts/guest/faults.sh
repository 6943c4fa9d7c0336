# SPDX-License-Identifier: GPL-2.0
#
# Fault injection (guest side, busybox sh; debug kernel only, run by
# scripts/debug.sh): every allocation that module code makes while
# "insmod kapi.ko" runs, and then while "insmod kapi_sample.ko" registers
# its spec image with kapi, is made to fail in turn. The kernel's
# /proc/<pid>/fail-nth fails the Nth allocation (slab or page) of one task;
# with failslab and fail_page_alloc told to count only allocations with a
# module address on the call stack (require-start/-end: the x86-64 module
# area), the Nth one is the Nth that kapi's code (or the sample's) asks for,
# directly or through the kernel functions it calls. For N = 1, 2, ...
# until an insmod runs without reaching its Nth allocation:
#   - insmod fails, and nothing of the module is left: not loaded, no
#     debugfs directory, no system call left enabled in ftrace, no kprobe
#     left, the spec list unchanged; or the module tolerates the failure
#     (an optional debugfs file, say), loads, and unloads cleanly;
#   - after a failed insmod, a normal load and unload works
#     (KAPI_FAULT_RELOAD=0 skips it).
# One KTAP case per injection point, then the final clean loads. Whether
# an allocation failed, and which kind, is read back from each fault
# attribute's "times" (1 before, 0 once it fired); verbose=1 notes each
# injected failure on the console without a stack dump (which the VM
# harness would count as a kernel report). KAPI_FAULT_MAX bounds N;
# KAPI_FAULT_STRIDE=S tries every point up to KAPI_FAULT_FIRST (default 0),
# then only every Sth (the short version 'make check' runs).
# First, the steps that fail without an allocation (registrations the
# kernel may refuse), injected with kapi.ko's parameter "fail"
# (module/fault.c): each must unwind completely too (faults-steps).
# Prints one KTAP document per part between "# kapi-section-begin NAME"
# and "# kapi-section-end NAME" lines (faults-steps, faults-init,
# faults-image).

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
F=/sys/kernel/debug
MAX=${KAPI_FAULT_MAX:-3000}
RELOAD=${KAPI_FAULT_RELOAD:-1}
STRIDE=${KAPI_FAULT_STRIDE:-1}
FIRST=${KAPI_FAULT_FIRST:-0}
ATTRS="failslab fail_page_alloc"
# The x86-64 module area (MODULES_VADDR without KASLR, MODULES_END).
MOD_START=0xffffffffa0000000
MOD_END=0xffffffffff000000
rc=0
# The cases are printed once their number is known; meanwhile each point
# is noted on the output as it is done (file descriptor 3).
exec 3>&1

# fi_setup - no random failures; the Nth allocation of a task with a
# module frame among its callers' fails, sleeping allocations included.
fi_setup() {
	for a in $ATTRS; do
		echo 0 >$F/$a/probability &&
			echo 1 >$F/$a/verbose &&
			echo N >$F/$a/ignore-gfp-wait &&
			echo 0 >$F/$a/space &&
			echo 32 >$F/$a/stacktrace-depth &&
			echo $MOD_START >$F/$a/require-start &&
			echo $MOD_END >$F/$a/require-end || return 1
	done
	# Order-0 pages too; user pages (highmem flag) stay out.
	echo 0 >$F/fail_page_alloc/min-order
}

tracing=
for t in /sys/kernel/tracing /sys/kernel/debug/tracing; do
	[ -e $t/enabled_functions ] && { tracing=$t; break; }
done
loaded() { grep -q "^$1 " /proc/modules; }
R=/sys/kernel/debug/kapi_tramp/stats
kprobes() { cat $F/kprobes/list 2>/dev/null; }

# The resident kapi_tramp.ko unregisters the hooks of a kapi.ko that went
# two seconds later (Documentation/runtime.rst, "Unloading"): wait for that
# before a fingerprint, 10 s at most (the fingerprint then shows what is
# left).
resident_drained() {
	drain_n=0
	while [ -e $R ] && ! loaded kapi && ! grep -q ' slots=0$' $R; do
		drain_n=$((drain_n + 1))
		[ $drain_n -lt 200 ] || return 0
		sleep 0.05
	done
}

# fingerprint - what a loaded kapi.ko or kapi_sample.ko leaves behind.
fingerprint() {
	resident_drained
	cut -d' ' -f1 /proc/modules | sort
	ls $D 2>/dev/null
	[ ! -e $D/list ] || cat $D/list
	ls $D/specs 2>/dev/null
	[ -z "$tracing" ] || grep -E '__(x64|do)_sys_' $tracing/enabled_functions
	kprobes
	ls -d /dev/kapi* 2>/dev/null
}

# inject N MODULE - load MODULE with its Nth module allocation failing,
# with kapi_finit: busybox's insmod would retry a failed finit_module()
# with init_module(), and so load the module after all.
# Sets $kind: slab, page or none (N was past its last allocation), and
# $ins: insmod's exit status; its output is in /tmp/insmod.out.
inject() {
	for a in $ATTRS; do
		echo 1 >$F/$a/times
	done
	sh -c "echo $1 >/proc/self/fail-nth && exec kapi_finit $2" >/tmp/insmod.out 2>&1
	ins=$?
	kind=none
	[ "$(cat $F/failslab/times)" != 0 ] || kind=slab
	[ "$(cat $F/fail_page_alloc/times)" != 0 ] || kind=page
}

# after_fault NAME BEFORE - the state after an injected failure: the module
# did not load and left nothing, or it loaded (it tolerated the failure)
# and unloads, leaving nothing. BEFORE is the fingerprint before insmod.
after_fault() {
	err=$(tail -n1 /tmp/insmod.out)
	if [ $ins -ne 0 ]; then
		note="insmod fails (${err##*: })"
		! loaded $1 || { echo "insmod failed but $1 is loaded"; return 1; }
	else
		note="tolerated, loads and unloads"
		loaded $1 || { echo "insmod succeeded but $1 is not loaded"; return 1; }
		rmmod $1 || { echo "rmmod $1 failed"; return 1; }
	fi
	fingerprint >/tmp/after
	if ! cmp -s "$2" /tmp/after; then
		echo "left behind (diff before after):"
		diff "$2" /tmp/after
		return 1
	fi
}

# clean_cycle MODULE NAME - a normal load and unload.
clean_cycle() {
	insmod "$1" || return 1
	loaded "$2" || return 1
	rmmod "$2"
}

# section PART CASES ARGS... - print the KTAP document of PART, whose cases
# "CASES ARGS..." prints; they are printed once their number is known.
section() {
	part=$1 cases=$2
	shift 2
	echo "# kapi-section-begin $part"
	KTAP_N=0
	KTAP_FAILED=0
	t0=$(date +%s)
	$cases "$@" >/tmp/$part.ktap
	echo "KTAP version 1"
	echo "1..$KTAP_N"
	cat /tmp/$part.ktap
	echo "# $part took $(($(date +%s) - t0)) s"
	[ "$KTAP_FAILED" -eq 0 ] || rc=1
	echo "# kapi-section-end $part"
}
# sweep_cases PART MODULE NAME [SETUP TEARDOWN] - fail each allocation of
# "insmod MODULE" in turn (SETUP before and TEARDOWN after each, e.g. to
# load kapi.ko for the sample), until one insmod reaches none.
sweep_cases() {
	part=$1 mod=$2 name=$3 setup=${4:-true} teardown=${5:-true}
	$setup || { ktap_result 1 "$part: setup ($setup) failed"; return; }
	fingerprint >/tmp/before
	n=1 slab=0 page=0 tolerated=0 tried=0
	while [ $n -le "$MAX" ]; do
		inject $n "$mod"
		[ $kind != none ] || break
		eval "$kind=\$(($kind + 1))"
		tried=$((tried + 1))
		if after_fault "$name" /tmp/before >/tmp/case.out 2>&1; then
			[ $ins -ne 0 ] || tolerated=$((tolerated + 1))
			# A module that tolerated the failure has just loaded
			# and unloaded: the clean load is for the others.
			if [ "$RELOAD" = 1 ] && [ $ins -ne 0 ] &&
			   ! clean_cycle "$mod" "$name" >>/tmp/case.out 2>&1; then
				note="$note; the clean load or unload afterwards failed"
				sed 's/^/# /' /tmp/case.out
				ktap_result 1 "$name allocation $n ($kind): $note"
			else
				ktap_result 0 "$name allocation $n ($kind): $note"
			fi
		else
			sed 's/^/# /' /tmp/case.out
			ktap_result 1 "$name allocation $n ($kind): $note"
			# Start the next point from a clean state if possible.
			! loaded "$name" || rmmod "$name"
		fi
		echo "# $part: point $n done, $KTAP_FAILED failed so far" >&3
		if [ $n -lt "$FIRST" ]; then
			n=$((n + 1))
		else
			n=$((n + STRIDE))
		fi
	done
	# The last insmod ran with no failure: it must have loaded.
	if [ $kind = none ] && [ $ins -eq 0 ] && loaded "$name" && rmmod "$name"; then
		ktap_result 0 "$name loads and unloads with every allocation succeeding"
	else
		cat /tmp/insmod.out | sed 's/^/# /'
		ktap_result 1 "$name loads with no failure injected (point $n, limit $MAX)"
	fi
	fingerprint >/tmp/after
	ktap_check "$name: nothing left after the injected failures" cmp /tmp/before /tmp/after
	ktap_check "$name: a clean load and unload works at the end" clean_cycle "$mod" "$name"
	$teardown || ktap_result 1 "$part: teardown ($teardown) failed"
	echo "# $name: $tried injection points tried (all up to $FIRST, then stride $STRIDE; $slab slab, $page page; $tolerated tolerated), point $n not reached"
}

load_kapi() { insmod /kapi/kapi.ko && [ -e $D/list ]; }
unload_kapi() { rmmod kapi && [ ! -e $D ]; }

# The steps that fail without an allocation, injected with kapi.ko's
# parameter "fail" (module/fault.c; it exists on the debug kernel, which has
# KUnit): each fails once, the next time it is reached, and says so in the
# log. In kapi.ko's init:
STEPS="module_notifier image_insert debugfs_dir genl_family ftrace_direct"
# injected STEP - the log says that STEP failed.
injected() { dmesg | grep -q "kapi: fault injection: $1 fails"; }
hooked() { grep -c ' hooked$' $D/runtime/hooks; }
# syscall_specs - the number of system call specs kapi.ko registered.
syscall_specs() { grep -c '^sys_' $D/list; }
# busy_hook - kapi.ko loaded with one hook refused (ftrace_direct): it
# reports it, checks the other calls, and hooks it when the mode goes
# off and on again.
busy_hook() {
	loaded kapi || { echo "kapi.ko did not load"; return 1; }
	[ "$(hooked)" -eq $(($(syscall_specs) - 1)) ] || { cat $D/runtime/hooks; return 1; }
	dmesg | grep -q 'cannot hook' || { echo "no 'cannot hook' in the log"; return 1; }
	echo off >$D/runtime/mode && echo audit >$D/runtime/mode || return 1
	[ "$(hooked)" -eq "$(syscall_specs)" ] || { cat $D/runtime/hooks; return 1; }
	rmmod kapi
}
# step_cases - each step of STEPS made to fail in kapi.ko's init, then
# image_insert in the registration of kapi_sample.ko's image.
step_cases() {
	fingerprint >/tmp/before
	for step in $STEPS; do
		dmesg -c >/dev/null
		kapi_finit /kapi/kapi.ko fail=$step >/tmp/insmod.out 2>&1
		ins=$?
		if ! injected $step; then
			cat /tmp/insmod.out | sed 's/^/# /'
			ktap_result 1 "kapi: $step was not reached"
			! loaded kapi || rmmod kapi
			continue
		fi
		if [ $step = ftrace_direct ]; then
			ktap_check "kapi: $step refused: loads without that hook, hooks it later, unloads" busy_hook
		elif [ $ins -eq 0 ]; then
			ktap_result 1 "kapi: $step refused, yet insmod succeeded"
			rmmod kapi
			continue
		else
			ktap_check "kapi: $step refused: insmod fails, nothing left" after_fault kapi /tmp/before
		fi
		fingerprint >/tmp/after
		ktap_check "kapi: nothing left after $step" cmp /tmp/before /tmp/after
		ktap_check "kapi: a clean load and unload works after $step" clean_cycle /kapi/kapi.ko kapi
	done
	load_kapi || { ktap_result 1 "kapi.ko loads for the image step"; return; }
	fingerprint >/tmp/before
	dmesg -c >/dev/null
	echo image_insert >/sys/module/kapi/parameters/fail
	kapi_finit /kapi/kapi_sample.ko >/tmp/insmod.out 2>&1
	ins=$?
	ktap_check "kapi_sample: image_insert reached" injected image_insert
	ktap_check "kapi_sample: image_insert refused: insmod fails, nothing left" after_fault kapi_sample /tmp/before
	ktap_check "kapi_sample: a clean load and unload works after it" \
		clean_cycle /kapi/kapi_sample.ko kapi_sample
	unload_kapi || ktap_result 1 "kapi.ko unloads after the image step"
}

if ! fi_setup; then
	echo "KTAP version 1"
	echo "1..1"
	echo "not ok 1 fault injection is set up (failslab, fail_page_alloc in debugfs)"
	exit 1
fi
section faults-steps step_cases
section faults-init sweep_cases faults-init /kapi/kapi.ko kapi
section faults-image sweep_cases faults-image /kapi/kapi_sample.ko kapi_sample load_kapi unload_kapi
exit $rc

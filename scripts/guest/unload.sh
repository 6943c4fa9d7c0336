# SPDX-License-Identifier: GPL-2.0
#
# Unload at any time (guest side, busybox sh; run by scripts/guest/runtime.sh),
# and, as "unload.sh cycles N", load/unload under fire (run by
# scripts/guest/hardening.sh; described after the first test's helpers below).
#
# For each mode: kapi.ko is loaded; six tasks go to sleep in hooked calls
# (kapi_sleepers: read() on a pipe, a pseudo-terminal, a UNIX stream and a
# UNIX datagram socket; open() and openat() of a FIFO without a writer)
# and three kapi_stress workers hammer the hooked system calls; rmmod must
# then succeed within a second, without a kernel report (the VM harness
# fails the run on any oops, BUG or warning). The sleepers must stay in
# their calls; kapi.ko loads again while they sleep; once woken, each call
# returns its normal result, and the resident (kapi_tramp.ko) counts one
# skipped post-call check per sleeper that kapi checked on entry (none in
# off mode, where no call enters kapi). The workers must see every call
# behave as specified throughout. Prints one KTAP document between section
# markers.

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
STOP=/tmp/kapi-unload.stop
WORKERS="1 2 3"

# in_call PID NR - PID is asleep in system call NR (read is 0 on x86-64).
in_call() {
	read -r nr _ <"/proc/$1/syscall" 2>/dev/null && [ "$nr" = "$2" ] &&
		grep -q '^State:.S' "/proc/$1/status"
}
in_read() { in_call "$1" 0; }
wait_in_call() {
	n=0
	while ! in_call "$1" "$2"; do
		n=$((n + 1))
		[ $n -lt 400 ] || { cat "/proc/$1/syscall" 2>&1; return 1; }
		sleep 0.05
	done
}
wait_in_read() { wait_in_call "$1" 0; }

# The tasks asleep in hooked calls (kapi_sleepers sleep KIND): the parent
# of each waits for SIGUSR1 to wake its child and check the result. A kind
# the kernel cannot make (UNIX sockets on the debug kernel, built without
# CONFIG_UNIX) is left out, said once.
SLEEPERS="pipe tty unix dgram fifo_open fifo_openat"
for k in $SLEEPERS; do
	if ! kapi_sleepers probe $k >/tmp/probe.$k 2>&1; then
		echo "# $(cat /tmp/probe.$k): left out"
		SLEEPERS=$(echo " $SLEEPERS " | sed "s/ $k / /; s/^ //; s/ $//")
	fi
done
NSLEEPERS=$(echo $SLEEPERS | wc -w)
start_sleepers() {
	for k in $SLEEPERS; do
		# Gone before the start: the redirection below truncates the
		# file only when the background job runs, and the last cycle's
		# "child=" must not be read meanwhile.
		rm -f /tmp/sleeper.$k
		kapi_sleepers sleep $k >/tmp/sleeper.$k 2>&1 &
		eval "sleeper_$k=\$!"
	done
	for k in $SLEEPERS; do
		n=0
		until grep -q 'child=' /tmp/sleeper.$k 2>/dev/null; do
			n=$((n + 1))
			[ $n -lt 200 ] || { cat /tmp/sleeper.$k; return 1; }
			sleep 0.05
		done
		set -- $(sed -n 's/.* child=\([0-9]*\) nr=\([0-9]*\)$/\1 \2/p' /tmp/sleeper.$k)
		eval "child_$k=$1 nr_$k=$2"
		wait_in_call "$1" "$2" || { echo "$k: the child did not fall asleep in system call $2"; return 1; }
	done
}
# Every sleeper is still in its call.
sleepers_asleep() {
	for k in $SLEEPERS; do
		eval "in_call \$child_$k \$nr_$k" || { echo "$k: no longer asleep"; return 1; }
	done
}
# Wake every sleeper: each call must return its normal result.
wake_sleepers() {
	r=0
	for k in $SLEEPERS; do
		eval "kill -USR1 \$sleeper_$k"
	done
	for k in $SLEEPERS; do
		eval "wait \$sleeper_$k" || r=1
		grep -q "^$k: ok" /tmp/sleeper.$k || { cat /tmp/sleeper.$k; r=1; }
	done
	return $r
}
# Wake and reap whatever sleeper is left (after a failed case).
reap_sleepers() {
	for k in $SLEEPERS; do
		eval "p=\${sleeper_$k:-}"
		[ -n "$p" ] && kill -0 "$p" 2>/dev/null && { kill -USR1 "$p"; wait "$p"; }
		eval "sleeper_$k="
	done
	return 0
}
# The resident's count of skipped post-call checks.
skipped() { sed -n 's/^skipped=\([0-9]*\) .*/\1/p' /sys/kernel/debug/kapi_tramp/stats; }
# skipped_delta BEFORE N - the count grew by exactly N since BEFORE.
skipped_delta() {
	now=$(skipped)
	[ "$((now - $1))" -eq "$2" ] || { echo "skipped $1 -> $now, expected +$2"; return 1; }
}
# unload_fast - rmmod kapi succeeds within UNLOAD_MS; nothing of it is
# left. A second, except on the debug kernel (scripts/debug.sh sets
# KAPI_UNLOAD_MS): with KASAN and lockdep under TCG, unloading kapi.ko
# takes most of a second even in off mode, where nothing is hooked.
UNLOAD_MS=${KAPI_UNLOAD_MS:-1000}
unload_fast() {
	kapi_sleepers unload kapi >/tmp/unload.out 2>&1 || { cat /tmp/unload.out; return 1; }
	ms=$(sed -n 's/.* ok in \([0-9]*\) ms$/\1/p' /tmp/unload.out)
	echo "$ms" >/tmp/unload.ms
	[ -n "$ms" ] && [ "$ms" -lt "$UNLOAD_MS" ] || { cat /tmp/unload.out; return 1; }
	gone
}
loaded() { grep -q '^kapi ' /proc/modules; }
gone() { ! loaded && [ ! -e $D ]; }

start_workers() {
	rm -f $STOP
	for w in $WORKERS; do
		kapi_stress hammer $STOP >/tmp/hammer.$w.out 2>&1 &
		eval "hammer_$w=\$!"
	done
	sleep 1
	for w in $WORKERS; do
		eval "p=\$hammer_$w"
		kill -0 "$p" || { cat /tmp/hammer.$w.out; return 1; }
	done
}
stop_workers() {
	touch $STOP
	r=0
	for w in $WORKERS; do
		eval "p=\$hammer_$w"
		wait "$p" || { cat /tmp/hammer.$w.out; r=1; }
	done
	return $r
}
rmmod_idle() {
	if loaded; then
		rmmod kapi || return 1
	fi
	gone
}
reload() {
	insmod /kapi/kapi.ko &&
		[ "$(cat $D/runtime/mode)" = audit ] &&
		[ "$(grep -c ' hooked$' $D/runtime/hooks)" -eq "$(grep -c '^sys_' $D/list)" ] &&
		rmmod kapi && gone
}

# unload_test - the unload-at-any-time test of scripts/guest/runtime.sh.
unload_test() {
	echo "# kapi-section-begin unload"
	ktap_plan 31
	for mode in audit enforce off; do
		ktap_check "$mode: kapi.ko loads" insmod /kapi/kapi.ko mode=$mode
		ktap_check "$mode: $NSLEEPERS tasks fall asleep in hooked calls" start_sleepers
		ktap_check "$mode: three workers hammer the hooked calls" start_workers
		ktap_check "$mode: rmmod succeeds within $UNLOAD_MS ms, under load, with the sleepers asleep" unload_fast
		echo "# $mode: rmmod took $(cat /tmp/unload.ms 2>/dev/null) ms"
		ktap_check "$mode: the sleepers are still asleep" sleepers_asleep
		ktap_check "$mode: the workers saw every call behave" stop_workers
		before=$(skipped)
		ktap_check "$mode: kapi.ko loads again while they sleep" insmod /kapi/kapi.ko mode=$mode
		ktap_check "$mode: woken, each call returns its normal result" wake_sleepers
		# A sleeper's post-call check is skipped if kapi checked its entry.
		n=$NSLEEPERS
		[ $mode != off ] || n=0
		ktap_check "$mode: the resident counted $n skipped post-call checks" skipped_delta "$before" $n
		reap_sleepers
		ktap_check "$mode: rmmod succeeds once nothing runs" rmmod_idle
	done
	ktap_check "kapi.ko loads again and hooks every syscall" reload
	echo "# kapi-section-end unload"
	[ "$KTAP_FAILED" -eq 0 ]
}

# Load/unload under fire: "unload.sh cycles N" runs N cycles while
# KAPI_WORKERS (default 2) kapi_stress workers hammer the hooked calls the
# whole time. A cycle loads kapi.ko, puts the six sleepers to sleep in
# hooked calls, switches modes (each switch must read back) and unloads;
# the cycles take three kinds in turn:
#   0. loaded in audit, switched to enforce and off: the sleepers' calls
#      entered kapi's checks, yet no call holds a reference on kapi.ko
#      (/sys/module/kapi/refcnt is 0) and rmmod succeeds within a second
#      with them asleep; woken, each returns its normal result, and the
#      resident counts at least six skipped post-call checks (the workers'
#      calls in flight at the unload are skipped too);
#   1. loaded in enforce, switched to off and back to audit: the same;
#   2. loaded in off, switched to audit, enforce and off: the sleepers'
#      calls never entered kapi; rmmod succeeds within a second as well.
# After every unload nothing of kapi is left: no module, no debugfs
# directory and, once the resident has unregistered them (a work item, in
# the background), no __x64_sys_* function left enabled in ftrace
# (enabled_functions) and no slot in use. After the last cycle the workers
# must have seen every call behave; the kernel's kmalloc objects in use,
# per-CPU memory and vmalloc areas (kernel stacks aside) must not have
# grown by more than a bound (KAPI_LEAK_SLACK_KB, 192 kB, against a
# baseline taken after a warm-up, without workers, caches dropped: a load
# of kapi.ko holds about 150-200 kB of kmalloc and 300-350 kB of vmalloc
# memory, so a leak of what every load allocates shows within two cycles,
# and one of 2 kB a cycle over the 100 cycles of 'make stress'); no slab
# cache is named after kapi; the log must have one "loaded" and one
# "unloaded" line per load and no error. Prints one KTAP document (a case
# per cycle) between section markers.
# The modes of each kind of cycle: loaded in the first, then switched.
CYCLE_MODES_0="audit enforce off"
CYCLE_MODES_1="enforce off audit"
CYCLE_MODES_2="off audit enforce off"
# Slack for the memory checks, in kB: what allocators keep in their caches
# and per-CPU chunks without anything leaking.
LEAK_SLACK_KB=${KAPI_LEAK_SLACK_KB:-192}

tracing=
mount_tracing() {
	for t in /sys/kernel/tracing /sys/kernel/debug/tracing; do
		[ -e $t/enabled_functions ] && { tracing=$t; return 0; }
	done
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
	[ -e /sys/kernel/tracing/enabled_functions ] && tracing=/sys/kernel/tracing
}
# No system call entry point is left hooked by anyone.
no_ftrace_left() {
	[ -n "$tracing" ] || return 0
	! grep -E '__(x64|do)_sys_' $tracing/enabled_functions
}
# meminfo FIELD - its value in kB.
meminfo() { awk -v f="$1:" '$1 == f { print $2 }' /proc/meminfo; }
# mem_snapshot TAG - the memory the leak check compares, in kB:
#   - kmalloc: objects in use in the plain kmalloc caches, plus the slab
#     memory that no cache holds (kmalloc()s too large for a cache, which
#     kvmalloc() makes): where kapi allocates. The caches of tasks, files
#     and inodes, and the kmalloc-cg-* caches of memory charged to a cgroup
#     (kapi charges nothing), are left out: they keep what the workers'
#     processes and the kworkers the workqueue started leave around;
#   - per-CPU memory (Percpu);
#   - vmalloc areas, except kernel stacks (the workqueue keeps the kworkers
#     it started while kapi's work items waited, and stacks are cached),
#     areas freed but not yet purged, and the 2 MB blocks that per-CPU
#     chunks and BPF programs take when the kernel first needs them.
# What each slab cache and vmalloc caller holds goes to /tmp/{slab,vm}.TAG,
# for growth.
mem_snapshot() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	sleep 1
	awk 'NR > 2 { print $1, $2 * $4 }' /proc/slabinfo >/tmp/slab.$1 2>/dev/null
	awk '{ sub(/\+.*/, "", $3); n[$3] += $2 } END { for (c in n) print c, n[c] }' \
		/proc/vmallocinfo >/tmp/vm.$1
	ls /proc | grep -c '^[0-9]' >/tmp/tasks.$1
	# slabinfo: name active_objs num_objs objsize objperslab pagesperslab
	# : tunables ... : slabdata active_slabs num_slabs sharedavail
	kmalloc=$(awk -v slab="$(meminfo Slab)" '
		NR > 2 { pages += $15 * $6 }
		$1 ~ /^kmalloc-[0-9]/ { used += $2 * $4 }
		END { printf "%d", used / 1024 + slab - pages * 4 }' /proc/slabinfo 2>/dev/null)
	vmalloc=$(awk '$3 !~ /thread_stack|kernel_clone|copy_process|dup_task|unpurged|pcpu_|bpf_prog_pack/ {
		n += $2 } END { printf "%d", n / 1024 }' /proc/vmallocinfo)
	echo "${kmalloc:-0} $(meminfo Percpu) $vmalloc"
}
# growth slab|vm - what grew most from the snapshot "before" to "after":
# slab caches (objects in use) or vmalloc areas by caller, in bytes.
growth() {
	awk 'FNR == NR { a[$1] = $2; next } { d = $2 - a[$1]; if (d > 4096) print $1, d }' \
		/tmp/$1.before /tmp/$1.after | sort -k2 -n -r | head -n 6 | tr '\n' ' '
}
refcnt() { cat /sys/module/kapi/refcnt 2>/dev/null; }
# rmmod_retry - rmmod, repeated while something keeps kapi busy.
rmmod_retry() {
	n=0
	until timeout 30 rmmod kapi 2>/tmp/rmmod.out; do
		n=$((n + 1))
		[ $n -lt 50 ] || { cat /tmp/rmmod.out; return 1; }
		sleep 0.1
	done
	gone
}
# drained - within 10 s the resident has no slot in use and ftrace no
# system call enabled.
drained() {
	n=0
	until grep -q ' slots=0$' /sys/kernel/debug/kapi_tramp/stats && no_ftrace_left >/dev/null; do
		n=$((n + 1))
		[ $n -lt 200 ] || { cat /sys/kernel/debug/kapi_tramp/stats; no_ftrace_left; return 1; }
		sleep 0.05
	done
}
# switch_modes WORDS - write each mode in turn; each must read back.
switch_modes() {
	for m in $1; do
		echo $m >$D/runtime/mode || return 1
		[ "$(cat $D/runtime/mode)" = $m ] || { echo "mode reads $(cat $D/runtime/mode) after $m"; return 1; }
	done
}

# cycle I - one load, switch and unload cycle; its kind is I mod 3.
cycle() {
	eval "modes=\$CYCLE_MODES_$(($1 % 3))"
	first=${modes%% *}
	insmod /kapi/kapi.ko mode=$first || { echo "insmod mode=$first failed"; return 1; }
	start_sleepers || return 1
	# The check that nothing is left in ftrace is not vacuous: the hooks
	# are there while kapi checks.
	if [ "$first" != off ] && [ -n "$tracing" ]; then
		grep -q '__x64_sys_read' $tracing/enabled_functions ||
			{ echo "enabled_functions does not show the hooks"; return 1; }
	fi
	switch_modes "${modes#* }" || return 1
	[ "$(refcnt)" = 0 ] || { echo "refcnt is $(refcnt) with calls asleep in hooks"; return 1; }
	skipped0=$(skipped)
	unload_fast || { echo "rmmod did not succeed within a second with the sleepers asleep"; return 1; }
	sleepers_asleep || return 1
	drained || { echo "the resident did not let go of its slots"; return 1; }
	wake_sleepers || return 1
	if [ "$first" != off ]; then
		[ "$(($(skipped) - skipped0))" -ge "$NSLEEPERS" ] ||
			{ echo "skipped $skipped0 -> $(skipped), expected at least +$NSLEEPERS"; return 1; }
	fi
	gone || { echo "kapi is still loaded or its debugfs directory is left"; return 1; }
}

# leak_check BEFORE AFTER - no memory kind grew beyond the slack.
leak_check() {
	set -- $1 $2
	[ $(($4 - $1)) -le $LEAK_SLACK_KB ] && [ $(($5 - $2)) -le $LEAK_SLACK_KB ] &&
		[ $(($6 - $3)) -le $LEAK_SLACK_KB ]
}
# leak_note BEFORE AFTER - the numbers, for the log.
leak_note() {
	set -- $1 $2
	echo "kmalloc ${1}->${4} kB, per-CPU ${2}->${5} kB, vmalloc ${3}->${6} kB"
}
no_kapi_slab() { ! grep -i kapi /proc/slabinfo; }
# The kernel log is collected (and the ring emptied) after every cycle, so
# that a long run cannot overflow it; the console keeps everything.
LOG=/tmp/kapi-cycles.dmesg
collect_log() { dmesg -r -c >>$LOG; }
# log_clean LOADS - one loaded and one unloaded line per load, no error.
log_clean() {
	collect_log
	l=$(grep -c 'kapi: version .* loaded' $LOG)
	u=$(grep -c 'kapi: unloaded' $LOG)
	echo "$l loads and $u unloads in the log"
	[ "$l" -eq "$1" ] && [ "$u" -eq "$1" ] || return 1
	# Errors and worse (levels 0-3) from anyone; warnings from kapi other
	# than its violation reports.
	! grep -E '^<[0-3]>' $LOG &&
		! grep -E '^<4>.*kapi' $LOG |
			grep -vE 'kapi: sys_[a-z0-9_]+: |callbacks suppressed|out-of-tree module taints'
}
# After a cycle, failed or not: no sleeper left, kapi unloaded.
cycle_cleanup() {
	reap_sleepers
	! loaded || rmmod_retry >/dev/null 2>&1
	collect_log
}

warm_up() {
	insmod /kapi/kapi.ko && rmmod_retry && start_workers && sleep 2 && stop_workers
}

cycles_test() {
	cycles=$1
	WORKERS=$(seq 1 "${KAPI_WORKERS:-2}")
	echo "# kapi-section-begin cycles"
	ktap_plan $((cycles + 7))
	mount_tracing || echo "# no tracefs: the ftrace check is skipped"
	dmesg -c >/dev/null
	: >$LOG
	# Warm-up: a load and unload, and the workers for a moment, fill the
	# allocators' caches before the baseline, which is taken without the
	# workers, as is the final count.
	ktap_check "warm-up: kapi.ko loads and unloads, workers run" warm_up
	before=$(mem_snapshot before)
	ktap_check "$(echo $WORKERS | wc -w) workers hammer the hooked calls" start_workers
	i=0
	t0=$(date +%s)
	while [ $i -lt "$cycles" ]; do
		eval "modes=\$CYCLE_MODES_$((i % 3))"
		ktap_check "cycle $((i + 1)): $(echo $modes | tr ' ' '>'), unload" cycle $i
		cycle_cleanup
		i=$((i + 1))
	done
	echo "# $cycles load/unload cycles ($(($(date +%s) - t0)) s)"
	ktap_check "the workers saw every call behave" stop_workers
	after=$(mem_snapshot after)
	echo "# $(leak_note "$before" "$after") after $cycles cycles"
	echo "# grown (bytes): slab caches: $(growth slab) vmalloc by caller: $(growth vm)"
	echo "# tasks: $(cat /tmp/tasks.before) -> $(cat /tmp/tasks.after)"
	ktap_check "no memory left behind (slab, per-CPU, vmalloc)" leak_check "$before" "$after"
	ktap_check "no slab cache of kapi's is left" no_kapi_slab
	ktap_check "no system call is left enabled in ftrace" no_ftrace_left
	ktap_check "the log has a load and an unload per cycle, no error" log_clean $((cycles + 1))
	echo "# kapi-section-end cycles"
	[ "$KTAP_FAILED" -eq 0 ]
}

case "${1:-}" in
cycles) cycles_test "${2:-10}" ;;
*) unload_test ;;
esac

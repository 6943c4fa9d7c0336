# SPDX-License-Identifier: GPL-2.0
#
# Unload under load (guest side, busybox sh; run by selftests/runtime.sh).
# For each mode: kapi.ko is loaded, one task blocks in read() on a FIFO and
# three kapi_stress workers hammer the hooked system calls; rmmod must then
# either succeed or fail with EBUSY/EAGAIN, within seconds and without a
# kernel report (the VM harness fails the run on any oops, BUG or
# warning). The reader must stay blocked, then get its data once it is
# unblocked; the workers must see every call behave as specified
# throughout; rmmod must succeed once they are done (if it did not before). Finally kapi.ko loads
# again and hooks every syscall. Prints one KTAP document between section
# markers.

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
FIFO=/tmp/kapi-unload.fifo
STOP=/tmp/kapi-unload.stop
WORKERS="1 2 3"

# in_read PID - PID is blocked in read() (system call 0 on x86-64).
in_read() {
	read -r nr _ <"/proc/$1/syscall" 2>/dev/null && [ "$nr" = 0 ] &&
		grep -q '^State:.S' "/proc/$1/status"
}
wait_in_read() {
	n=0
	while ! in_read "$1"; do
		n=$((n + 1))
		[ $n -lt 400 ] || { cat "/proc/$1/syscall" 2>&1; return 1; }
		sleep 0.05
	done
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
# rmmod under load: succeeds, or fails because the module is busy.
rmmod_under_load() {
	: >/tmp/rmmod.note
	timeout 30 rmmod kapi >/tmp/rmmod.out 2>&1
	r=$?
	if [ $r -eq 0 ]; then
		gone && echo "unloaded" >/tmp/rmmod.note
		return
	fi
	cat /tmp/rmmod.out
	[ $r -ne 143 ] || { echo "rmmod did not return within 30 s"; return 1; }
	grep -Eq 'Resource temporarily unavailable|Device or resource busy' /tmp/rmmod.out &&
		loaded && echo "busy ($(cat /tmp/rmmod.out)), kapi stays loaded" >/tmp/rmmod.note
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
unblock_reader() {
	echo kapi >$FIFO || return 1
	wait "$reader" || { cat /tmp/reader.out; return 1; }
	grep -q 'read 5 bytes: kapi' /tmp/reader.out || { cat /tmp/reader.out; return 1; }
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
		[ "$(grep -c ' hooked$' $D/runtime/hooks)" -eq 5 ] &&
		rmmod kapi && gone
}

echo "# kapi-section-begin unload"
ktap_plan 25
for mode in audit enforce off; do
	rm -f $FIFO
	mkfifo $FIFO
	ktap_check "$mode: kapi.ko loads" insmod /kapi/kapi.ko mode=$mode
	kapi_stress block $FIFO >/tmp/reader.out 2>&1 &
	reader=$!
	ktap_check "$mode: a reader blocks in read() on a pipe" wait_in_read $reader
	ktap_check "$mode: three workers hammer the hooked calls" start_workers
	ktap_check "$mode: rmmod under load succeeds or fails busy" rmmod_under_load
	[ ! -s /tmp/rmmod.note ] || echo "# $mode: rmmod under load: $(cat /tmp/rmmod.note)"
	ktap_check "$mode: the reader is still blocked" in_read $reader
	ktap_check "$mode: the workers saw every call behave" stop_workers
	ktap_check "$mode: the reader gets its data" unblock_reader
	ktap_check "$mode: rmmod succeeds once nothing runs" rmmod_idle
done
ktap_check "kapi.ko loads again and hooks every syscall" reload
echo "# kapi-section-end unload"
[ "$KTAP_FAILED" -eq 0 ]

# SPDX-License-Identifier: GPL-2.0
#
# VM test of kapi's spec core (guest side, busybox sh): kapi.ko registers
# its built-in specs and publishes them in debugfs (list, specs/, specs-json/,
# image); the raw image equals the .kapi_specs section of kapi.ko (extracted
# on the host into /kapi/kapi_specs.bin); a module's own specs come and go
# with it, also when it forgets to unregister them; corrupted images are
# refused (kapi_badimage.ko reports its cases as a KTAP subtest); readers
# and module loads race without harm. Every specs-json file is printed
# between "# kapi-json-begin NAME" and "# kapi-json-end NAME" lines, one
# "# "-prefixed line per JSON line, for the host to validate. Prints KTAP;
# run by 'make check' through scripts/vm.sh.

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
SYSCALLS="sys_open sys_openat sys_close sys_read sys_write sys_dup sys_dup2 sys_dup3 sys_close_range sys_creat sys_readv sys_writev sys_preadv sys_pwritev sys_preadv2 sys_pwritev2"
NSYS=$(echo $SYSCALLS | wc -w)
SAMPLE="kapi_sample_ioc_set kapi_sample_ioc_get kapi_sample_ioc_config"
NOTICE="module kapi_sample did not unregister its spec image"

total_is() {
	grep -qx "Total: $1 specifications" $D/list || {
		tail -n 1 $D/list
		return 1
	}
}
listed() {
	for n; do
		grep -q "^$n - " $D/list || { echo "$n is not listed"; return 1; }
	done
}
not_listed() {
	for n; do
		! grep -q "^$n - " $D/list || { echo "$n is still listed"; return 1; }
	done
}
list_layout() {
	[ "$(sed -n 1p $D/list)" = "Available Kernel API Specifications" ] &&
		[ "$(sed -n 2p $D/list)" = "===================================" ] &&
		tail -n 1 $D/list | grep -qx 'Total: [0-9]* specifications'
}
# specs/NAME and specs-json/NAME exist, are root-only and not empty (debugfs
# reports size 0, so count the bytes).
files_ok() {
	for n; do
		for f in $D/specs/$n $D/specs-json/$n; do
			[ -e $f ] || { echo "$f is missing"; return 1; }
			[ "$(stat -c %a $f)" = 400 ] || { echo "$f is not 0400"; return 1; }
			[ "$(wc -c <$f)" -gt 0 ] || { echo "$f is empty"; return 1; }
		done
	done
}
files_gone() {
	for n; do
		for f in $D/specs/$n $D/specs-json/$n; do
			[ ! -e $f ] || { echo "$f still exists"; return 1; }
		done
	done
}
print_json() {
	for n; do
		echo "# kapi-json-begin $n"
		sed 's/^/# /' $D/specs-json/$n
		echo "# kapi-json-end $n"
	done
}
u32_at() { od -An -tu4 -j"$2" -N4 "$1" | tr -d ' '; }
hex32_at() { od -An -tx4 -j"$2" -N4 "$1" | tr -d ' '; }
padded() { echo $(( ($1 + 7) / 8 * 8 )); }

first_image_is_section() {
	n=$(wc -c </kapi/kapi_specs.bin)
	[ "$n" -gt 0 ] && [ "$(u32_at /kapi/kapi_specs.bin 8)" -le "$n" ] &&
		head -c "$n" $D/image >/tmp/first.bin &&
		cmp /tmp/first.bin /kapi/kapi_specs.bin
}
image_is_one_image() {
	[ "$(wc -c <$D/image)" -eq "$(padded "$(u32_at $D/image 8)")" ]
}
image_has_sample_second() {
	off=$(padded "$(u32_at $D/image 8)")
	[ "$(hex32_at $D/image "$off")" = 4950414b ] &&
		[ "$(wc -c <$D/image)" -eq $((off + $(padded "$(u32_at $D/image $((off + 8)))"))) ]
}
# Reads of any size give the same bytes.
image_reads_agree() {
	cat $D/image >/tmp/img.cat &&
		dd if=$D/image bs=7 2>/dev/null >/tmp/img.7 &&
		dd if=$D/image bs=65536 2>/dev/null >/tmp/img.64k &&
		cmp /tmp/img.cat /tmp/img.7 && cmp /tmp/img.cat /tmp/img.64k
}
json_shape() {
	for n; do
		f=$D/specs-json/$n
		[ "$(head -n 2 $f | tr -d ' \n')" = '{"api_details":{' ] &&
			grep -q "^    \"name\": \"$n\",\$" $f || { echo "$f"; return 1; }
	done
}
# A reader that keeps a spec file open while the spec's module unloads:
# the file stops working, nothing breaks.
held_file_survives_unload() {
	{
		dd bs=16 count=1 <&3 >/dev/null 2>&1
		rmmod kapi_sample || return 1
		# The file is gone: this read fails (EIO), and must do no more.
		cat <&3 >/dev/null 2>&1 || :
	} 3<$D/specs-json/kapi_sample_ioc_set || return 1
	files_gone $SAMPLE
}
# Readers of every file race with the sample's load and unload.
reader_loop() {
	while [ ! -e /tmp/stop ]; do
		cat $D/list $D/image $D/specs/* $D/specs-json/* >/dev/null 2>&1
	done
}
load_unload_race() {
	rm -f /tmp/stop
	reader_loop &
	pid=$!
	i=0
	rc=0
	while [ $i -lt 10 ]; do
		insmod /kapi/kapi_sample.ko || rc=1
		rmmod kapi_sample || rc=1
		i=$((i + 1))
	done
	touch /tmp/stop
	wait $pid
	[ $rc -eq 0 ] && total_is $NSYS
}
# kapi_badimage.ko's KTAP lines from the kernel log, as a nested subtest.
badimage_subtest() {
	dmesg | sed -n 's/^\[[ 0-9.]*\] kapi_badimage: //p' >/tmp/bad.ktap
	sed 's/^/    /' /tmp/bad.ktap
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' /tmp/bad.ktap)
	[ -n "$plan" ] && [ "$(grep -c '^ok ' /tmp/bad.ktap)" -eq "$plan" ] &&
		! grep -q '^not ok ' /tmp/bad.ktap
}
refusal_is_precise() {
	dmesg | grep -F 'module kapi_badimage: spec image refused (-EBADMSG): specs[0] (kapi_badimage_a), field kind: value 3 is out of range (0..2)'
}

ktap_plan 36
ktap_check "insmod kapi.ko" insmod /kapi/kapi.ko
ktap_check "list has upstream's layout" list_layout
ktap_check "list names every syscall spec" listed $SYSCALLS
ktap_check "list ends with 'Total: N specifications', N the syscall specs" total_is $NSYS
ktap_check "specs/ and specs-json/ files exist, 0400, not empty" files_ok $SYSCALLS
ktap_check "list, image are root-only (0400)" \
	test "$(stat -c %a $D/list)$(stat -c %a $D/image)" = 400400
ktap_check "text view shows numbers with expressions" \
	grep -q '^    Mask: 0x1c1 (KAPI_FD_OPEN | KAPI_FD_DIR | KAPI_FD_AT_FDCWD | KAPI_FD_IF_RELATIVE)$' \
	$D/specs/sys_openat
ktap_check "text view shows the check order of close's fd (rank 1)" \
	grep -q '^    Check order: 1$' $D/specs/sys_close
ktap_check "JSON view is one api_details object per spec" json_shape $SYSCALLS
print_json $SYSCALLS
ktap_check "image starts with kapi.ko's .kapi_specs section" first_image_is_section
ktap_check "image holds exactly one image" image_is_one_image
ktap_check "image reads of 7, 4096 and 65536 bytes agree" image_reads_agree

ktap_check "insmod kapi_sample.ko" insmod /kapi/kapi_sample.ko
ktap_check "sample device exists" test -c /dev/kapi_sample
ktap_check "sample specs are listed" listed $SAMPLE $SYSCALLS
ktap_check "total counts the sample's specs" total_is $((NSYS + 3))
ktap_check "sample spec files exist" files_ok $SAMPLE
ktap_check "sample specs are ioctl specs" \
	grep -q '^    "api_type": "ioctl",$' $D/specs-json/kapi_sample_ioc_set
ktap_check "image holds kapi.ko's image, then the sample's" image_has_sample_second
print_json $SAMPLE
ktap_check "a spec file held open across unregistration" held_file_survives_unload
ktap_check "sample specs are gone after rmmod" not_listed $SAMPLE
ktap_check "total is back to the syscall specs" total_is $NSYS
ktap_check "a module that unregisters gets no notice" sh -c "! dmesg | grep -q '$NOTICE'"

ktap_check "insmod kapi_sample.ko forget_unregister=1" \
	insmod /kapi/kapi_sample.ko forget_unregister=1
ktap_check "sample specs are listed again" listed $SAMPLE
ktap_check "rmmod kapi_sample (forgetting to unregister)" rmmod kapi_sample
ktap_check "kapi unregistered them: not listed" not_listed $SAMPLE
ktap_check "kapi unregistered them: files gone" files_gone $SAMPLE
ktap_check "kapi said so in the log" sh -c "dmesg | grep -q '$NOTICE'"
ktap_check "readers race with 10 loads and unloads" load_unload_race

ktap_check "insmod kapi_badimage.ko" insmod /kapi/kapi_badimage.ko
if badimage_subtest; then
	ktap_result 0 "kapi_badimage: corrupted images are refused"
else
	ktap_result 1 "kapi_badimage: corrupted images are refused"
fi
ktap_check "a refusal names the record and the field" refusal_is_precise
ktap_check "refused images left nothing registered" total_is $NSYS
ktap_check "rmmod kapi_badimage" rmmod kapi_badimage
ktap_check "rmmod kapi removes everything" sh -c "rmmod kapi && test ! -e $D"
ktap_finish

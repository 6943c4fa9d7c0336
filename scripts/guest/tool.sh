# SPDX-License-Identifier: GPL-2.0
#
# VM test of kapi-dump against the live kapi.ko (guest side, busybox sh):
# the default source is debugfs; the list names what debugfs lists; every
# spec renders in every format; kapi-dump --json --pretty is byte for byte
# kapi.ko's own specs-json/<name>; the image in debugfs and kapi.ko's file
# give byte-identical JSON; a module's specs come and go in the list; a
# missing spec is exit status 1, a missing kapi.ko exit status 2 with a
# message. The JSON of "kapi-dump --json" (the list, and each spec) is
# printed between "# kapi-json-begin NAME" and "# kapi-json-end NAME" lines,
# one "# "-prefixed line per JSON line, for the host to validate against the
# schema and to compare with "kapi-dump --elf kapi.ko --json" on the host
# (scripts/check.sh). Prints KTAP; run by 'make check' through
# scripts/vm.sh with /kapi/bin/kapi-dump, kapi.ko and kapi_sample.ko.

. /kapi/ktap.sh
D=/sys/kernel/debug/kapi
K=/kapi/bin/kapi-dump
SYSCALLS="sys_read sys_write sys_open sys_close sys_openat sys_dup sys_dup2 sys_dup3 sys_close_range sys_creat sys_readv sys_writev sys_preadv sys_pwritev sys_preadv2 sys_pwritev2"
SAMPLE="kapi_sample_ioc_set kapi_sample_ioc_get kapi_sample_ioc_config"

# The API names kapi-dump lists, and those debugfs lists, one per line.
# (A wrapped description continues on lines that start with a space.)
dump_names() { "$K" "$@" | tail -n +2 | awk '/^[^ ]/ { print $1 }'; }
debugfs_names() { sed -n 's/^\([^ ]*\) - .*/\1/p' $D/list; }

list_matches_debugfs() {
	dump_names >/tmp/names.dump && debugfs_names >/tmp/names.debugfs &&
		[ -s /tmp/names.dump ] && cmp /tmp/names.dump /tmp/names.debugfs
}
lists() {
	"$K" >/tmp/list.txt || return 1
	for n; do
		grep -q "^$n  *[a-z]*  " /tmp/list.txt || { echo "$n not listed"; return 1; }
	done
}
# Every spec in every format, from the default source and from --debugfs.
every_format() {
	for n in $SYSCALLS; do
		for f in plain json rst syzlang; do
			"$K" -f $f $n >/tmp/out || { echo "$f $n failed"; return 1; }
			[ -s /tmp/out ] || { echo "$f $n is empty"; return 1; }
		done
		"$K" --debugfs=$D --plain $n | head -n 1 | grep -q "^$n - " ||
			{ echo "plain $n has no title"; return 1; }
	done
}
pretty_is_kernel_json() {
	for n; do
		"$K" --json --pretty $n >/tmp/dump.json || return 1
		cmp /tmp/dump.json $D/specs-json/$n || { echo "$n differs"; return 1; }
	done
}
elf_is_debugfs() {
	for n in "" $SYSCALLS; do
		"$K" --json $n >/tmp/a.json && "$K" --elf /kapi/kapi.ko --json $n >/tmp/b.json &&
			cmp /tmp/a.json /tmp/b.json || { echo "'$n' differs"; return 1; }
	done
}
not_found() {
	"$K" no_such_api_at_all 2>/tmp/err >/tmp/out
	[ $? -eq 1 ] && [ ! -s /tmp/out ] && grep -q "^Available APIs:$" /tmp/err &&
		grep -q "^  sys_read$" /tmp/err
}
near_name() {
	"$K" sys_nope 2>/tmp/err >/tmp/out
	[ $? -eq 1 ] && [ ! -s /tmp/out ] && grep -q "^Did you mean:$" /tmp/err &&
		grep -q "^  sys_open$" /tmp/err
}
missing_kapi() {
	"$K" 2>/tmp/err >/tmp/out
	rc=$?
	cat /tmp/err
	[ $rc -eq 2 ] && [ ! -s /tmp/out ] &&
		grep -q "^kapi-dump: cannot read '$D/image': No such file or directory$" /tmp/err
}
missing_kapi_json() {
	"$K" --json sys_read 2>/dev/null >/tmp/out
	[ $? -eq 2 ] && grep -q '^{"error":"cannot read .*"}$' /tmp/out
}
print_json() {
	echo "# kapi-json-begin list"
	"$K" --json | sed 's/^/# /'
	echo "# kapi-json-end list"
	for n; do
		echo "# kapi-json-begin $n"
		"$K" --json $n | sed 's/^/# /'
		echo "# kapi-json-end $n"
	done
}

ktap_plan 17
ktap_check "insmod kapi.ko" insmod /kapi/kapi.ko
ktap_check "kapi-dump lists every syscall spec (default source)" lists $SYSCALLS
ktap_check "kapi-dump lists what debugfs lists, in order" list_matches_debugfs
ktap_check "kapi-dump --json sys_read" "$K" --json sys_read
ktap_check "every spec renders in every format" every_format
ktap_check "kapi-dump --json --pretty is specs-json/ byte for byte" pretty_is_kernel_json $SYSCALLS
ktap_check "kapi-dump --elf kapi.ko and debugfs give identical JSON" elf_is_debugfs
ktap_check "an unknown API exits 1 and lists the names" not_found
ktap_check "a name near a known one exits 1 and suggests it" near_name
print_json $SYSCALLS

ktap_check "insmod kapi_sample.ko" insmod /kapi/kapi_sample.ko
ktap_check "the sample's ioctl specs are listed" lists $SAMPLE $SYSCALLS
ktap_check "the list still matches debugfs" list_matches_debugfs
ktap_check "sample specs: kapi-dump --pretty is specs-json/" pretty_is_kernel_json $SAMPLE
ktap_check "rmmod kapi_sample" rmmod kapi_sample
ktap_check "rmmod kapi" rmmod kapi
ktap_check "without kapi.ko: exit 2 and a precise message" missing_kapi
ktap_check "without kapi.ko: JSON error document" missing_kapi_json
ktap_finish

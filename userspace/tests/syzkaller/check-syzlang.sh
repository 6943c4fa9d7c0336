#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check-syzlang.sh SYZKALLER_DIR WORK_DIR FILE.syz [DEFINES.syz]
#
# Checks kapi-dump --syzlang output with syzkaller's own description
# compiler (Documentation/kapi-dump.rst, "Checking with syzkaller"):
# builds syz-sysgen and kapi-syzcheck.go in SYZKALLER_DIR (a syzkaller
# source tree whose go.mod says go 1.19, built offline from its vendor/
# tree), writes FILE's .const file with syzlang-consts.py, then compiles
# FILE for every Linux architecture twice: standalone (sys/linux holding
# only FILE) and inside a copy of syzkaller's sys/linux. WORK_DIR receives
# the copies. Exit status 0 when syz-sysgen accepted both. Needs Go; never
# run by make check.
set -euo pipefail

[ $# -ge 3 ] || { echo "usage: $0 SYZKALLER_DIR WORK_DIR FILE.syz [DEFINES.syz]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
syz=$(cd "$1" && pwd)
work=$2
file=$3
defs=${4:-}

export GOFLAGS=-mod=vendor GOPROXY=off GOTOOLCHAIN=local
export GOPATH=$work/gopath GOCACHE=$work/gocache
mkdir -p "$work/bin" "$syz/tools/kapi-syzcheck"
cp "$here/kapi-syzcheck.go" "$syz/tools/kapi-syzcheck/main.go"
(cd "$syz" && go build -o "$work/bin/syz-sysgen" ./sys/syz-sysgen &&
	go build -o "$work/bin/kapi-syzcheck" ./tools/kapi-syzcheck)

status=0
for mode in standalone sys-linux; do
	root=$work/$mode
	rm -rf "$root"
	mkdir -p "$root"
	cp -r "$syz/sys" "$root/sys"
	if [ $mode = standalone ]; then
		rm -f "$root"/sys/linux/*.txt "$root"/sys/linux/*.const
	fi
	cp "$file" "$root/sys/linux/kapi.txt"
	python3 "$here/syzlang-consts.py" "$syz" "$file" "$root/sys/linux/kapi.txt.const" $defs
	echo "== $mode: syz-sysgen"
	if (cd "$root" && "$work/bin/syz-sysgen" -src . -out "$root/out" >"$root/sysgen.log" 2>&1); then
		echo "syz-sysgen: ok"
	else
		echo "syz-sysgen: FAILED"
		cat "$root/sysgen.log"
		status=1
	fi
	echo "== $mode: every architecture, warnings of kapi.txt"
	"$work/bin/kapi-syzcheck" -dir "$root/sys/linux" -only kapi.txt || status=1
done
exit $status

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make bench-tool': how fast kapi-dump --source scans a whole kernel tree,
# Debian's linux-source-6.12 unpacked by scripts/fetch-source.sh. One run
# from a cold page cache (the tree's pages are dropped first with
# posix_fadvise, for these files only) and three warm ones; prints files/s
# for each and the best warm rate, which Documentation/kapi-dump.rst quotes.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"
build="${KAPI_BUILD:-$src/build}"
dump="$build/userspace/kapi-dump"

tree=$("$here/fetch-source.sh" 6.12)
cmake -S "$src/userspace" -B "$build/userspace" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build/userspace" -j"$(nproc)" --target kapi-dump >/dev/null

# evict DIR - drop DIR's files from the page cache (nothing else).
evict() {
	python3 - "$1" <<'PY'
import os, sys
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        try:
            fd = os.open(os.path.join(root, f), os.O_RDONLY)
        except OSError:
            continue
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
PY
}

# run - one scan; prints kapi-dump's --stats line, fails if kapi-dump does.
run() {
	local err
	err=$("$dump" --stats --source "$tree" 2>&1 >/dev/null) || {
		echo "$err" >&2
		kapi_die "kapi-dump --source $tree failed"
	}
	echo "${err#kapi-dump: source: }"
}

echo "kapi-dump --source $tree ($(nproc) CPUs)"
evict "$tree"
echo "  cold: $(run)"
best=0
for i in 1 2 3; do
	line=$(run)
	echo "  warm: $line"
	rate=$(sed -n 's/.*(\([0-9]*\) files\/s)$/\1/p' <<<"$line")
	[ "${rate:-0}" -gt "$best" ] && best=$rate
done
echo "bench-tool: $best files/s (best warm run)"

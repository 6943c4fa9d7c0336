#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The error lists of the read and write specs (module/specs/fs.c), as the
# X-macro lists kapi_bpf.bpf.c builds its "documented error" bitmaps from:
#   #define KAPI_BPF_ERRORS_read(X) X(EBADF) X(EFAULT) ...
# Generated at build time, so the eBPF program checks the errors the specs
# list today. Usage: spec-errors.sh module/specs/fs.c > kapi_bpf_errors.h

set -eu
[ $# -eq 1 ] || { echo "usage: $0 SPECS.c" >&2; exit 2; }
awk '
/^\/\*\*/ { n = "" }
/^ \* error: E[A-Z0-9_]+,/ {
	e = $3; sub(/,$/, "", e); n = n " X(" e ")"
}
/^asmlinkage long sys_(read|write)\(/ {
	name = $3; sub(/^sys_/, "", name); sub(/\(.*/, "", name)
	if (n == "") { print "no error: lines for sys_" name > "/dev/stderr"; exit 1 }
	printf "#define KAPI_BPF_ERRORS_%s(X)%s\n", name, n
	found++
}
END { if (found != 2) { print "sys_read and sys_write not both found" > "/dev/stderr"; exit 1 } }
' "$1"

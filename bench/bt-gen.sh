#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench/kapi_bpf.bt.in, once for read and once for write, with the errors
# their specs list (spec-errors.sh, as numbers through the C preprocessor).
# Usage: bt-gen.sh TEMPLATE ERRORS.h CPP > kapi_bpf.bt

set -eu
[ $# -eq 3 ] || { echo "usage: $0 TEMPLATE ERRORS.h CPP" >&2; exit 2; }
tmpl=$1 errors=$2 cpp=$3
nums=$(printf '%s\n' '#include <asm-generic/errno.h>' \
	'#define ERESTARTSYS 512' '#define ERESTARTNOINTR 513' \
	"#include \"$errors\"" '#define N(e) e' \
	'read: KAPI_BPF_ERRORS_read(N)' 'write: KAPI_BPF_ERRORS_write(N)' |
	$cpp -P -I. - | grep -E '^(read|write):')
for call in read write; do
	list=$(printf '%s\n' "$nums" | sed -n "s/^$call: //p")
	case $list in *[!0-9\ ]*|'') echo "$0: $call: not all errors are numbers: $list" >&2; exit 1 ;; esac
	# shellcheck disable=SC2016  # $e is bpftrace's variable
	doc=$(printf '%s\n' "$list" | sed -e 's/ *$//' -e 's/\([0-9][0-9]*\)/$e == \1/g' -e 's/ \$e/ || $e/g')
	case $call in
	read) mode=0x1 can=0x20000 ;;
	write) mode=0x2 can=0x40000 ;;
	esac
	sed -e "s/@CALL@/$call/g" -e "s/@MODE@/$mode/g" -e "s/@CAN@/$can/g" \
		-e "s/@DOC@/$doc/" "$tmpl"
	echo
done

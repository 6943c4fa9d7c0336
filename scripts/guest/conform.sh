# SPDX-License-Identifier: GPL-2.0
#
# Conformance tests (guest side, busybox sh): kapi_conform, generated from
# the specs by kapi-gen --conformance, provokes every documented error that
# has a trigger and calls each descriptor and buffer constraint at its
# bounds, without kapi loaded: the specs against the kernel. FUSE (a module
# of the Debian kernels, put into /kapi/kmod by scripts/vm.sh --kmod fuse)
# serves the fixtures of the FUSE errors. Prints KTAP and the coverage
# matrix (Documentation/testing.rst, "Conformance tests"); run by 'make
# check' through scripts/vm.sh.

[ -e /kapi/kmod/fuse.ko ] && insmod /kapi/kmod/fuse.ko
[ -c /dev/fuse ] || mknod /dev/fuse c 10 229
/kapi/bin/kapi_conform

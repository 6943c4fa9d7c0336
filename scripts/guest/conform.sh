# SPDX-License-Identifier: GPL-2.0
#
# Conformance tests (guest side, busybox sh): kapi_conform, generated from
# the specs by kapi-gen --conformance, provokes every documented error that
# has a trigger and calls each descriptor constraint at its bounds, without
# kapi loaded: the specs against the kernel. Prints KTAP and the coverage
# matrix (Documentation/testing.rst, "Conformance tests"); run by 'make
# check' through scripts/vm.sh.

/kapi/bin/kapi_conform

# SPDX-License-Identifier: GPL-2.0
#
# kapi: Kernel API Specification Framework for stock kernels.
#
#   make                      kapi.ko for KDIR (default: the running kernel) and kapi-dump
#   make KERNEL=6.1|6.12      kapi.ko for a provisioned Debian kernel (build/kernel-<K>/)
#   make provision            host packages + Debian kernels into the cache
#   make check                provision, build, run every test (the CI entry point)
#   make kunit                kapi's KUnit suites in QEMU on KUnit kernels built from
#                             Debian's sources (KAPI_KERNELS=6.12, KUNIT_FILTER=GLOB)
#   make debug                kapi's tests on a 6.12 debug kernel (KASAN, lockdep, kmemleak,
#                             UBSAN, debug objects) and fault injection into kapi.ko's init
#                             and image registration (DEBUG_PARTS='kunit faults', DEBUG_QUICK=1)
#   make demo                 provision, build, show kapi in a Debian 6.12 guest
#   make vm-shell KERNEL=6.12 interactive guest shell with kapi.ko in /kapi
#   make selftests            the static selftest programs (build/selftests)
#   make bench                runtime-check overhead next to eBPF, bpftrace and strace,
#                             one guest per Debian kernel
#   make itrace               every instruction of one checked read, write, openat and
#                             close, per function (a TCG guest per Debian kernel)
#   make docs                 HTML documentation in build/docs
#   make sparse               sparse over kapi.ko and the samples for both Debian
#                             kernels; fails on any warning in kapi's files
#   make bench-tool           kapi-dump --source over a whole kernel tree (files/s)
#   make fuzz                 fuzz the image decoder and the annotation parser
#                             (FUZZ_TIME seconds per target, default 300)
#   make stress               the hardening and stress tests, long: 100 load/unload
#                             cycles under load, 100000 hostile debugfs writes and
#                             2 x 300 s of stress-ng on two vCPUs per kernel
#                             (make check runs a short version)
#   make wild                 a Debian 12 guest with systemd on both Debian kernels, booted
#                             without kapi, in audit and in enforce mode, each running a
#                             workload of ordinary tools for WILD_MINUTES (default 10);
#                             compares the results, summarizes kapi's reports
#                             (KAPI_WILD_STRICT=1: an undocumented error fails)
#   make install              kapi.ko for KDIR or KERNEL= (the kernel's modules_install,
#                             into lib/modules/<release>/updates under $(DESTDIR);
#                             depmod only without DESTDIR), kapi-dump, its man page
#                             and the docs into $(DESTDIR)$(PREFIX) (default /usr/local)
#   make install-tool         kapi-dump alone (stripped, with a debug link), its man
#                             page and bash completion into $(DESTDIR)$(PREFIX):
#                             cmake --install, no kernel tree needed
#   make dkms-source          the DKMS source tree of kapi.ko (build/dkms/kapi-<version>;
#                             see Documentation/install.rst)
#   make clean
#
# Kbuild is in the file Kbuild; this Makefile only drives it.

KERNEL ?=
KDIR ?= /lib/modules/$(shell uname -r)/build
WERROR ?= 0
BUILD := $(CURDIR)/build

export KAPI_BUILD := $(BUILD)

module_args = $(if $(KERNEL),--kernel $(KERNEL),--kdir $(KDIR)) $(if $(filter 1,$(WERROR)),--werror)
cmake_args = -DCMAKE_BUILD_TYPE=RelWithDebInfo $(if $(filter 1,$(WERROR)),-DKAPI_WERROR=ON)

PREFIX ?= /usr/local
DESTDIR ?=
FUZZ_TIME ?= 300

.PHONY: all module tool test provision check demo vm-shell docs checkpatch clean \
	selftests bench kunit debug

all: module tool

# module and tool share the CMake build directory (module builds kapi-gen).
.NOTPARALLEL:

module:
	@scripts/build-module.sh $(module_args) >/dev/null

tool:
	cmake -S userspace -B $(BUILD)/userspace $(cmake_args)
	cmake --build $(BUILD)/userspace -j$(shell nproc)

test: tool
	ctest --test-dir $(BUILD)/userspace --output-on-failure

provision:
	scripts/provision.sh

check:
	scripts/check.sh

kunit:
	scripts/kunit.sh $(if $(KUNIT_FILTER),--filter '$(KUNIT_FILTER)')

debug:
	scripts/debug.sh $(if $(DEBUG_PARTS),--parts '$(DEBUG_PARTS)') $(if $(filter 1,$(DEBUG_QUICK)),--quick)

demo:
	scripts/demo.sh

vm-shell:
	@scripts/build-module.sh --kernel $(or $(KERNEL),6.12) >/dev/null
	scripts/vm.sh --kernel $(or $(KERNEL),6.12) --shell \
		--module $(BUILD)/kernel-$(or $(KERNEL),6.12)/kapi.ko \
		$(if $(wildcard $(BUILD)/userspace/kapi-dump),--bin $(BUILD)/userspace/kapi-dump:/kapi/bin/kapi-dump)

# kapi_conform's case tables are made by kapi-gen from the specs.
selftests:
	cmake -S userspace -B $(BUILD)/userspace $(cmake_args)
	cmake --build $(BUILD)/userspace --target kapi-gen -j$(shell nproc)
	$(MAKE) -C selftests O=$(BUILD)/selftests
	$(MAKE) -C bench O=$(BUILD)/bench

bench:
	bench/run.sh

itrace:
	bench/itrace.sh

# The numbers and tables about the specs are generated from them first.
docs: tool
	scripts/spec-docs.py --kapi-dump $(BUILD)/userspace/kapi-dump \
		--kapi-gen $(BUILD)/userspace/kapi-gen
	sphinx-build -W -b html Documentation $(BUILD)/docs

.PHONY: itrace bench-tool fuzz install install-tool dkms-source stress sparse wild

bench-tool:
	scripts/bench-tool.sh

fuzz:
	scripts/fuzz.sh --time $(FUZZ_TIME)

install: tool
	DESTDIR='$(DESTDIR)' PREFIX='$(PREFIX)' KERNEL='$(KERNEL)' KDIR='$(KDIR)' scripts/install.sh

install-tool: tool
	DESTDIR='$(DESTDIR)' cmake --install $(BUILD)/userspace --prefix '$(PREFIX)'

dkms-source:
	@scripts/dkms-source.sh

stress:
	scripts/stress.sh

wild:
	WILD_MINUTES=$(or $(WILD_MINUTES),10) scripts/wild.sh

checkpatch:
	scripts/checkpatch.sh

sparse:
	scripts/sparse.sh

clean:
	rm -rf $(BUILD)

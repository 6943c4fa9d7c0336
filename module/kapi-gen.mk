# SPDX-License-Identifier: GPL-2.0
#
# Spec image generation for Kbuild, shared by every module that carries
# specs (kapi.ko, the samples). kapi-gen, a host tool that
# scripts/build-module.sh builds first and passes in as KAPI_GEN, turns
# annotated spec files into kernel C defining the image in section
# .kapi_specs, after checking each system call spec against the target
# kernel's include/linux/syscalls.h. A module's Kbuild uses it as
#
#   include <path to>/module/kapi-gen.mk
#   $(eval $(call kapi_gen_image,OUT,INPUTS,SYMBOL))
#   mymod-y += OUT-without-.c.o
#
# and, for the check engine specialised per spec (kapi.ko and its KUnit
# tests; see Documentation/runtime.rst, "Specialised checks"),
#
#   $(eval $(call kapi_gen_checks,CHECKS,INPUTS,SYMBOL))
#   mymod-y += CHECKS-without-.c.o
#
# which defines SYMBOL_checks and SYMBOL_checks_count for the image of the
# same INPUTS and SYMBOL.
#
# OUT is relative to $(obj), INPUTS are the spec files (an empty list gives
# an image with no specs), SYMBOL names the image: the C file defines
# SYMBOL_data and SYMBOL_size. OUT is remade when an input, kapi-gen or the
# command changes, and removed by "make clean".
#
# A source tree that ships OUT already generated (the DKMS source tree that
# "make dkms-source" writes) builds without kapi-gen: when KAPI_GEN is not
# set and OUT exists, OUT is compiled as it is and "make clean" keeps it.
# The generated C does not depend on the target kernel (its numbers are
# expressions the compiler evaluates), so one file serves every kernel.

kapi_syscalls_h := $(srctree)/include/linux/syscalls.h
# Spec file names are recorded relative to the project root: a Kbuild file
# in a subdirectory sets kapi_gen_root to the project root before
# including this file.
kapi_gen_root ?= $(src)

quiet_cmd_kapi_gen = KAPIGEN $@
      cmd_kapi_gen = $(if $(KAPI_GEN),,echo "kapi: KAPI_GEN is not set; build with scripts/build-module.sh, or from the tree that 'make dkms-source' writes" >&2; false;) \
		$(KAPI_GEN) --syscalls-h $(kapi_syscalls_h) --source-root $(kapi_gen_root) \
		--symbol $(kapi_gen_symbol) -o $@ $(filter-out $(KAPI_GEN) FORCE,$^)

quiet_cmd_kapi_gen_checks = KAPIGEN $@
      cmd_kapi_gen_checks = $(if $(KAPI_GEN),,echo "kapi: KAPI_GEN is not set; build with scripts/build-module.sh, or from the tree that 'make dkms-source' writes" >&2; false;) \
		$(KAPI_GEN) --checks --source-root $(kapi_gen_root) \
		--symbol $(kapi_gen_symbol) -o $@ $(filter-out $(KAPI_GEN) FORCE,$^)

# kapi_gen_shipped OUT - OUT if it is to be used as shipped, else empty.
kapi_gen_shipped = $(if $(KAPI_GEN),,$(wildcard $(src)/$(1)))

# kapi_gen_image OUT,INPUTS,SYMBOL - the rule that generates $(obj)/OUT.
define kapi_gen_image
ifeq ($$(call kapi_gen_shipped,$(1)),)
$$(obj)/$(1): $(2) $$(KAPI_GEN) FORCE
	$$(call if_changed,kapi_gen)
$$(obj)/$(1): kapi_gen_symbol := $(3)
targets += $(1)
clean-files += $(1)
endif
endef

# kapi_gen_checks OUT,INPUTS,SYMBOL - the rule that generates $(obj)/OUT,
# the checks specialised for the specs of image SYMBOL.
define kapi_gen_checks
ifeq ($$(call kapi_gen_shipped,$(1)),)
$$(obj)/$(1): $(2) $$(KAPI_GEN) FORCE
	$$(call if_changed,kapi_gen_checks)
$$(obj)/$(1): kapi_gen_symbol := $(3)
targets += $(1)
clean-files += $(1)
endif
endef

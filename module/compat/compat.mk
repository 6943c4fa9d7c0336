# SPDX-License-Identifier: GPL-2.0
#
# Feature probes against the target kernel's headers and exports, turned
# into KAPI_HAVE_* macros. This is the only place that knows kernels differ;
# core code tests these macros, never LINUX_VERSION_CODE. Probe what a
# header declares or Module.symvers exports, not a version number: Debian
# backports features into stable releases.

# kapi_declares FILE WORD - "y" if a target header FILE mentions WORD.
kapi_declares = $(shell grep -qsw '$(2)' $(wildcard $(srctree)/$(1) $(objtree)/$(1)) && echo y)
# kapi_exports SYMBOL - "y" if the target kernel exports SYMBOL to modules.
kapi_exports = $(shell grep -qsP '^\S+\s$(1)\s' $(objtree)/Module.symvers && echo y)

# Indirect branch tracking: never call a sealed function through a pointer.
ccflags-$(CONFIG_X86_KERNEL_IBT) += -DKAPI_HAVE_IBT
# ftrace direct calls on an ftrace_ops are register_ftrace_direct_multi()
# on 6.1; from 6.6 on that is register_ftrace_direct(), whose 6.1 namesake
# takes a single address instead.
ccflags-$(call kapi_declares,include/linux/ftrace.h,register_ftrace_direct_multi) += \
	-DKAPI_HAVE_FTRACE_DIRECT_MULTI
# Waiting for every task to leave the hooks' code on unload needs tasks RCU.
ccflags-$(call kapi_exports,synchronize_rcu_tasks) += -DKAPI_HAVE_SYNCHRONIZE_RCU_TASKS
# Multicast groups that only privileged sockets may join (the violation
# events of the netlink family): the flags of struct genl_multicast_group.
ccflags-$(call kapi_declares,include/net/genetlink.h,GENL_MCAST_CAP_SYS_ADMIN) += \
	-DKAPI_HAVE_GENL_MCAST_CAP
# User memory for KUnit tests (kunit_vm_mmap(), 6.11+): kapi_kunit's struct
# decoding tests read from it; without it they skip.
ccflags-$(call kapi_declares,include/kunit/test.h,kunit_vm_mmap) += -DKAPI_HAVE_KUNIT_VM_MMAP
# Call depth tracking (retbleed=stuff, 6.2+): code that ftrace calls
# directly counts the call itself (module/tramp/entry.S, an assembler file). Also
# for C, where compat.c lists the feature.
kapi_have_call_depth := $(call kapi_declares,arch/x86/include/asm/nospec-branch.h,CALL_DEPTH_ACCOUNT)
asflags-$(kapi_have_call_depth) += -DKAPI_HAVE_CALL_DEPTH_ACCOUNT
ccflags-$(kapi_have_call_depth) += -DKAPI_HAVE_CALL_DEPTH_ACCOUNT

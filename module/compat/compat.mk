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

# The ftrace IP setter was renamed (6.1: ftrace_instruction_pointer_set).
ccflags-$(call kapi_declares,include/linux/ftrace.h,ftrace_regs_set_instruction_pointer) += \
	-DKAPI_HAVE_FTRACE_REGS_SET_IP
# ftrace_get_regs() returns NULL unless the ops asked for full pt_regs.
ccflags-$(call kapi_declares,include/linux/ftrace.h,ftrace_get_regs) += \
	-DKAPI_HAVE_FTRACE_GET_REGS
# Indirect branch tracking: never call a sealed function through a pointer.
ccflags-$(CONFIG_X86_KERNEL_IBT) += -DKAPI_HAVE_IBT
# register_fprobe() is declared on 6.1 but exported only from 6.12 on.
ccflags-$(call kapi_exports,register_fprobe) += -DKAPI_HAVE_FPROBE
# ftrace protects a callback against recursion only on request (5.11+);
# older kernels had FTRACE_OPS_FL_RECURSION_SAFE with the opposite meaning.
ccflags-$(call kapi_declares,include/linux/ftrace.h,FTRACE_OPS_FL_RECURSION) += \
	-DKAPI_HAVE_FTRACE_OPS_FL_RECURSION
# 6.1 names the ftrace_regs IP setter ftrace_instruction_pointer_set().
ccflags-$(call kapi_declares,arch/x86/include/asm/ftrace.h,ftrace_instruction_pointer_set) += \
	-DKAPI_HAVE_FTRACE_IP_SET
# Waiting for every task to leave the hooks' code on unload needs tasks RCU.
ccflags-$(call kapi_exports,synchronize_rcu_tasks) += -DKAPI_HAVE_SYNCHRONIZE_RCU_TASKS

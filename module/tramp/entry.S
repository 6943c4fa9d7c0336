/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a hooked system call runs first. Each hooked function's ftrace_ops
 * (tramp.c) is an ftrace "direct call": the call at the entry of the
 * function calls one of the entry stubs here, the stub of the hook's slot,
 * with no ftrace trampoline and no saved registers in between. The stub
 * puts the address of its slot's hot state (struct kapi_tramp_hot) in %r11
 * and goes to kapi_tramp_entry, which asks kapi_tramp_run() (tramp.c) what
 * to do:
 *
 * - let the function run as if it were not hooked (no checker bound to the
 *   slot, the checker says so): return to it, with its argument restored;
 * - the call has been handled: kapi_tramp_run() had it checked, ran the
 *   rest of the function through kapi_tramp_call_body() and had the result
 *   checked, or the checker refused it. Return its result straight to the
 *   function's caller.
 *
 * kapi_tramp_call_body() enters the function where its entry call would
 * have returned to, with a return address of its own: the call of the
 * function's body is made by a return, which neither indirect branch
 * tracking nor its sealing of unused ENDBR64s restricts, and the entry
 * call is not made twice. A task that sleeps in the hooked function has
 * this module's code on its stack, never kapi.ko's: that is what lets
 * kapi.ko unload at any time (Documentation/runtime.rst, "Unloading").
 *
 * The hooked functions are the x86-64 system call entry points, which take
 * one argument (the user's pt_regs, in %rdi); at their entry call, the
 * other argument registers hold nothing, and %r10 and %r11 are free.
 */
#include <linux/linkage.h>
#include <linux/objtool.h>
#include <asm/ibt.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

#include "kapi_tramp.h"

	.text

/*
 * The entry stubs, one per slot; slot N starts N * KAPI_TRAMP_STUB_SIZE in
 * and loads the address of kapi_tramp_hot[N]. The jump is spelt out so
 * that its size is fixed: the padding to the next stub must not be
 * negative, or the assembler stops.
 */
SYM_CODE_START(kapi_tramp_stubs)
	.set kapi_slot, 0
	.rept KAPI_TRAMP_SLOTS
0:	UNWIND_HINT_FUNC
	ENDBR
	leaq	kapi_tramp_hot + kapi_slot * KAPI_TRAMP_HOT_SIZE(%rip), %r11
	.byte	0xe9			/* jmp kapi_tramp_entry */
	.long	kapi_tramp_entry - . - 4
	.fill	KAPI_TRAMP_STUB_SIZE - (. - 0b), 1, 0xcc
	.set kapi_slot, kapi_slot + 1
	.endr
SYM_CODE_END(kapi_tramp_stubs)

/*
 * On entry: (%rsp) is where the hooked function continues, 8(%rsp) where
 * it returns to, %rdi its argument, %r11 the slot's hot state.
 */
SYM_CODE_START_LOCAL(kapi_tramp_entry)
	UNWIND_HINT_FUNC
#ifdef KAPI_HAVE_CALL_DEPTH_ACCOUNT
	/* The patched entry call did not count itself (retbleed=stuff). */
	CALL_DEPTH_ACCOUNT
#endif
	/* No client bound: a slot being drained, nothing to ask. */
	cmpq	$0, (%r11)
	je	.Lkapi_resume
	/*
	 * kapi_tramp_run(c), c a struct kapi_tramp_call on the stack that
	 * ends with the argument pushed here and the resume address.
	 */
	pushq	%rdi
	subq	$KAPI_TRAMP_CALL_SIZE, %rsp
	movq	%r11, KAPI_TRAMP_CALL_HOT(%rsp)
	movq	%rsp, %rdi
	call	kapi_tramp_run
	testb	%al, %al
	jnz	.Lkapi_handled
	addq	$KAPI_TRAMP_CALL_SIZE, %rsp
	popq	%rdi
.Lkapi_resume:
	RET
.Lkapi_handled:
	movq	KAPI_TRAMP_CALL_RESULT(%rsp), %rax
	addq	$KAPI_TRAMP_CALL_SIZE, %rsp
	popq	%rdi
	/* Skip the rest of the hooked function: return to its caller. */
	addq	$8, %rsp
	UNWIND_HINT_FUNC
	RET
SYM_CODE_END(kapi_tramp_entry)

/*
 * long kapi_tramp_call_body(unsigned long resume, const struct pt_regs *regs)
 *
 * Runs the hooked function from @resume, the instruction after its entry
 * call, with @regs as its argument, and returns its result. The inner call
 * pushes the return address the function returns to; the return that
 * follows the push of @resume goes to the function.
 */
SYM_FUNC_START(kapi_tramp_call_body)
	movq	%rdi, %rax
	movq	%rsi, %rdi
	ANNOTATE_INTRA_FUNCTION_CALL
	call	.Lkapi_enter_body
	/* The function returned here, with its result in %rax. */
	UNWIND_HINT_FUNC
	RET
.Lkapi_enter_body:
	pushq	%rax
	UNWIND_HINT_FUNC
	RET
SYM_FUNC_END(kapi_tramp_call_body)

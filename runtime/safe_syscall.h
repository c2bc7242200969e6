/*
 * Blocking host system calls that a guest signal interrupts reliably.
 *
 * The execution loop delivers pending signals before each guest system
 * call; a host signal that arrives after that check but before the host
 * call blocks would otherwise be seen only when the call returns (seconds
 * later, or never: a futex wait).  fvp_safe_syscall checks the calling
 * thread's host_pending word immediately before the `syscall` instruction;
 * the host signal handler (runtime/signal.c) moves a thread interrupted
 * between that check and the end of the instruction to a path that returns
 * -FVP_ERESTARTSYS without making the call.  The same is done by qemu-user's
 * safe_syscall (the idea, not the code).  The dispatcher then rewinds the
 * guest to its ecall: the handler runs, and the call is made again when it
 * returns (SA_RESTART) or fails with EINTR (no SA_RESTART).
 */
#ifndef FVP_SAFE_SYSCALL_H
#define FVP_SAFE_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>

/* Returned instead of making the call (Linux's internal ERESTARTSYS). */
#define FVP_ERESTARTSYS 512

/* The raw host system call nr with six arguments, unless *pending is
 * non-zero before it starts or a signal lands before it returns:
 * the kernel's result (-errno on error), or -FVP_ERESTARTSYS.  x86-64 only;
 * elsewhere a plain syscall(2). */
long fvp_safe_syscall(const volatile uint64_t *pending, long nr, long a1, long a2, long a3,
                      long a4, long a5, long a6);

/* For the host signal handler: true when pc (the interrupted host pc) lies
 * in the window of fvp_safe_syscall; *restart_pc is where to resume. */
bool fvp_safe_syscall_window(uintptr_t pc, uintptr_t *restart_pc);

#endif /* FVP_SAFE_SYSCALL_H */

/*
 * Guest signals in user mode: actions, masks, delivery on the guest stack
 * with an RV64 Linux signal frame, rt_sigreturn, and the host signal
 * handlers that turn host faults inside guest memory and asynchronous host
 * signals into guest signals.
 */
#ifndef FVP_SIGNAL_H
#define FVP_SIGNAL_H

#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "runtime/process.h"

/*
 * Per-thread fault guard.  Code that touches guest memory directly (the
 * interpreter, guest_read/guest_write) arms it with sigsetjmp; a host
 * SIGSEGV/SIGBUS whose address lies in the guest region then siglongjmps
 * back with the faulting guest address recorded, instead of killing the
 * host.  A fault outside the guest region is a host bug: the default action
 * runs (crash with a core), never silently ignored.
 */
typedef struct FaultGuard {
    sigjmp_buf jb;
    volatile int armed;
    volatile uint64_t fault_addr;   /* guest address of the fault */
    volatile int fault_sig;         /* SIGSEGV or SIGBUS */
    volatile int fault_write;       /* 1 if a write (from the page-fault error code) */
} FaultGuard;

extern _Thread_local FaultGuard *fvp_fault_guard;

/* Installs the host handlers and resets guest dispositions (all SIG_DFL,
 * none blocked); writes the sigreturn trampoline into guest memory.
 * 0 or -errno. */
int signal_init(Process *p) __attribute__((warn_unused_result));

/* Sets up the calling host thread to run guest thread p: the host
 * handlers record into p, a host sigaltstack for the fault handler, the
 * host mask from p's guest mask.  signal_init does it for the first
 * thread.  0 or -errno. */
int signal_thread_init(Process *p) __attribute__((warn_unused_result));

/* The calling host thread runs no guest thread any more: blocks every host
 * signal and drops its sigaltstack. */
void signal_thread_fini(void);

/* Blocks every host signal on the calling thread (around creating a
 * thread); signal_resync_mask, called after the host thread was created,
 * sets the host mask from p's guest mask again (and, after the host's first
 * pthread_create, the host dispositions of 32 and 33). */
void signal_block_all(void);

/* p is going away: the host handlers of the calling thread stop recording
 * into it. */
void signal_thread_detach(const Process *p);
void signal_resync_mask(Process *p);

/*
 * A synchronous guest fault at c->pc: turns a RISC-V trap (cause, tval)
 * into the Linux signal (illegal insn -> SIGILL/ILL_ILLOPC, breakpoint ->
 * SIGTRAP/TRAP_BRKPT, load/store/insn page fault -> SIGSEGV/SEGV_MAPERR or
 * SEGV_ACCERR, misaligned AMO -> SIGBUS/BUS_ADRALN) and makes it pending.
 * Delivery happens in signal_deliver_pending.
 */
void signal_raise_trap(Process *p, RvCpu *c, uint64_t cause, uint64_t tval);

/* Makes sig pending for the guest (kill/tgkill to itself, host signals). */
void signal_raise(Process *p, int sig, const siginfo_t *info);

/*
 * Called by the execution loop between blocks: if an unblocked signal is
 * pending, delivers it: a guest handler gets a signal frame on the guest
 * stack (or alternate stack) and c->pc/ra/a0-a2/sp are set to enter it;
 * SIG_IGN drops it; the default action of terminating signals sets
 * p->exited with the host process to be killed by the same signal
 * (p->exit_code = 128 + sig, p->killed_by = sig).
 * Returns true if something was delivered.
 */
bool signal_deliver_pending(Process *p, RvCpu *c);

/* A blocking system call returned -FVP_ERESTARTSYS (runtime/safe_syscall.h):
 * c->pc goes back to the ecall and the host signals are taken in; the
 * handler runs first and the call is made again when it returns.  (That is
 * right in both cases that lead here: the call had not started, or the host
 * kernel restarted it because the host handler has SA_RESTART, which it has
 * exactly when the guest's has; without SA_RESTART the host call itself
 * returns EINTR.) */
void signal_syscall_interrupted(Process *p, RvCpu *c);

/* True if a signal is pending and not blocked (cheap; checked per block). */
bool signal_has_deliverable(const Process *p);

/* System calls (arguments as the guest passed them; results -errno). */
int64_t signal_sys_rt_sigaction(Process *p, int sig, uint64_t act, uint64_t oldact,
                                uint64_t sigsetsize);
int64_t signal_sys_rt_sigprocmask(Process *p, int how, uint64_t set, uint64_t oldset,
                                  uint64_t sigsetsize);
int64_t signal_sys_sigaltstack(Process *p, RvCpu *c, uint64_t ss, uint64_t old_ss);
int64_t signal_sys_rt_sigreturn(Process *p, RvCpu *c);   /* restores *c */
int64_t signal_sys_kill(Process *p, int pid, int sig);   /* self: raise; else host kill */
int64_t signal_sys_tgkill(Process *p, int tgid, int tid, int sig);
int64_t signal_sys_rt_sigpending(Process *p, uint64_t set, uint64_t sigsetsize);
int64_t signal_sys_rt_sigsuspend(Process *p, uint64_t mask, uint64_t sigsetsize);
int64_t signal_sys_rt_sigtimedwait(Process *p, uint64_t uthese, uint64_t uinfo, uint64_t uts,
                                   uint64_t sigsetsize);
int64_t signal_sys_rt_sigqueueinfo(Process *p, int pid, int sig, uint64_t uinfo);


#endif /* FVP_SIGNAL_H */

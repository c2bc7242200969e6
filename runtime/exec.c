/*
 * Execution loop of a user-mode guest on one vCPU.
 */
#include "runtime/exec.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>

#include "riscv64/rv64_helpers.h"
#include "runtime/fpenv.h"
#include "runtime/signal.h"
#include "runtime/syscall.h"

/* Blocks the interpreter may run in one go when there is no translated
 * code: it stops earlier for everything this loop must see. */
#define EXEC_INTERP_BLOCKS 4096

/* How far below the dispatcher translated code may nest guest calls as host calls:
 * FVP_NATIVE_STACK_BUDGET, or a quarter of the main thread's stack limit when that is
 * smaller (guest threads get at least as much, thread.c). */
static uint64_t native_stack_budget(void)
{
    static uint64_t budget;
    uint64_t b = __atomic_load_n(&budget, __ATOMIC_RELAXED);
    if (b)
        return b;
    b = FVP_NATIVE_STACK_BUDGET;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur / 4 < b)
        b = rl.rlim_cur / 4;
    __atomic_store_n(&budget, b, __ATOMIC_RELAXED);
    return b;
}

/* Runs one block, a chain of interpreted blocks, or one native function
 * and whatever it tail-calls, at c->pc.  Returns its IrExitReason with the next PC in *out_next, or a
 * negative errno. */
static int exec_step(Process *p, Interp *it, Native *nat, uint64_t *out_next)
{
    RvCpu *c = &p->cpu;
    /* Native FP runs under the host's rounding modes; RMM and the reserved
     * frm values have none, so the interpreter runs meanwhile (fpenv.h). */
    if (nat && c->frm < 4) {
        FvpNativeFn fn = native_lookup(nat, c->pc);
        if (fn) {
            p->st.native_entries++;
            /* nested guest calls as host calls go down to here (docs D39) */
            c->native_sp_limit =
                (uint64_t)(uintptr_t)__builtin_frame_address(0) - native_stack_budget();
            /* plain FP in RNE: MXCSR already is what the code needs (aot.h) */
            bool env = !nat->plain_fp || c->frm != 0;
            if (env)
                fvp_fp_enter(c);
            int r = (int)fn(c);
            if (env)
                fvp_fp_leave(c);
            /* runtime/aot.h: c->pc is where to go on (SYSCALL: already past
             * the ecall; TRAP: the faulting instruction, unused here). */
            *out_next = c->pc;
            return r;
        }
        int r = native_note_interp(nat, c->pc);
        if (r < 0)
            return r;
    }
    /* With translated code every block boundary is a place to enter it;
     * without, the interpreter chains blocks and comes back for syscalls,
     * traps, fence.i and signals (exit_req) only, or after a while. */
    return interp_run(it, c, nat ? 1 : EXEC_INTERP_BLOCKS, out_next);
}

/* Runs blocks until the guest exits; returns 0 or -ENOMEM.  A host fault in
 * guest memory leaves this function through the FaultGuard's siglongjmp. */
static int exec_loop(Process *p, Interp *it, Native *nat)
{
    RvCpu *c = &p->cpu;
    while (!p->exited) {
        /* Cleared before the check: a host signal arriving after it sets
         * exit_req again and native code comes back at its next check. */
        __atomic_store_n(&c->exit_req, 0, __ATOMIC_RELAXED);
        if (signal_has_deliverable(p)) {
            signal_deliver_pending(p, c);
            if (p->exited)
                break;
        }
        uint64_t next = 0;
        int r = exec_step(p, it, nat, &next);
        switch (r) {
        case IR_EXIT_SYSCALL:
            c->pc = next;
            p->st.syscalls++;
            syscall_dispatch(p, c);
            break;
        case IR_EXIT_TRAP:
            signal_raise_trap(p, c, c->trap_cause, c->trap_tval);
            break;
        case IR_EXIT_SYNC:
            interp_flush(it);
            if (nat)
                native_sync(nat);
            c->pc = next;
            break;
        default:
            if (r < 0)
                return r;
            c->pc = next;
            break;
        }
    }
    return 0;
}

int exec_run(Process *p, Interp *it, Native *nat)
{
    static _Thread_local FaultGuard guard;
    memset(&guard, 0, sizeof guard);
    fvp_fault_guard = &guard;
    if (sigsetjmp(guard.jb, 1) != 0) {
        /* A guest load/store/AMO hit a page that is unmapped or lacks
         * permission: p->cpu.pc is that instruction (the interpreter
         * stores it and instret before each access or helper call; native
         * code stores it before each access).  Raise
         * the guest fault and go on running (its handler, or the default
         * action ends the guest). */
        guard.armed = 0;
        fvp_fp_reset(); /* the fault handler harvested native FP flags */
        uint64_t cause = guard.fault_write ? RV_CAUSE_STORE_PAGE_FAULT
                                           : RV_CAUSE_LOAD_PAGE_FAULT;
        signal_raise_trap(p, &p->cpu, cause, guard.fault_addr);
    }
    fvp_fp_reset();
    guard.armed = 1;
    int rc = exec_loop(p, it, nat);
    guard.armed = 0;
    fvp_fault_guard = NULL;
    return rc;
}

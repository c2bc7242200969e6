/*
 * Execution loop of a user-mode guest on one vCPU.
 */
#include "runtime/exec.h"

#include <errno.h>
#include <string.h>

#include "riscv64/rv64_helpers.h"
#include "runtime/signal.h"
#include "runtime/syscall.h"

/* Runs blocks until the guest exits; returns 0 or -ENOMEM.  A host fault in
 * guest memory leaves this function through the FaultGuard's siglongjmp. */
static int exec_loop(Process *p, Interp *it)
{
    RvCpu *c = &p->cpu;
    while (!p->exited) {
        if (signal_has_deliverable(p)) {
            signal_deliver_pending(p, c);
            if (p->exited)
                break;
        }
        uint64_t next = 0;
        int r = interp_run_block(it, c, &next);
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

int exec_run(Process *p, Interp *it)
{
    static _Thread_local FaultGuard guard;
    memset(&guard, 0, sizeof guard);
    fvp_fault_guard = &guard;
    if (sigsetjmp(guard.jb, 1) != 0) {
        /* A guest load/store/AMO hit a page that is unmapped or lacks
         * permission: p->cpu.pc is that instruction (IR_INSN marker).
         * Raise the guest fault and go on running (its handler, or the
         * default action ends the guest). */
        guard.armed = 0;
        uint64_t cause = guard.fault_write ? RV_CAUSE_STORE_PAGE_FAULT
                                           : RV_CAUSE_LOAD_PAGE_FAULT;
        signal_raise_trap(p, &p->cpu, cause, guard.fault_addr);
    }
    guard.armed = 1;
    int rc = exec_loop(p, it);
    guard.armed = 0;
    fvp_fault_guard = NULL;
    return rc;
}

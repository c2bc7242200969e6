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

/* fvp_poll (docs D43): how many dispatchers it may nest, and the host stack it needs to
 * run one; beyond either, translated code leaves through the dispatcher as before. */
#define EXEC_POLL_MAX_DEPTH 16
#define EXEC_POLL_STACK_MIN (256u << 10)

/* This thread's dispatcher (exec_run), for fvp_poll. */
typedef struct ExecThread {
    Interp *it;
    Native *nat;
    unsigned depth;        /* fvp_poll dispatchers running */
    uint64_t sp_floor;     /* the outermost dispatcher's c->native_sp_limit */
    int err;               /* a nested dispatcher's negative errno, for its caller */
} ExecThread;
static _Thread_local ExecThread tl_exec;

/* The guest state translated code holds in host registers at a poll: it may go on only
 * when the guest is back in exactly this state. */
typedef struct PollState {
    uint64_t x[32], f[32], pc;
    uint32_t frm;
} PollState;

static bool poll_state_back(const RvCpu *c, const PollState *s)
{
    return c->pc == s->pc && c->frm == s->frm && memcmp(c->x, s->x, sizeof s->x) == 0 &&
           memcmp(c->f, s->f, sizeof s->f) == 0;
}

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
 * and whatever it tail-calls, at c->pc.  Returns its IrExitReason with the
 * next PC in *out_next, or a negative errno. */
static int exec_step(Process *p, Interp *it, Native *nat, uint64_t *out_next)
{
    RvCpu *c = &p->cpu;
    /* Native FP runs under the host's rounding modes; RMM and the reserved
     * frm values have none, so the interpreter runs meanwhile (fpenv.h). */
    if (nat && c->frm < 4) {
        FvpNativeFn fn = native_lookup(nat, c->pc);
        if (fn) {
            p->st.native_entries++;
            /* nested guest calls as host calls go down to here (docs D39); a dispatcher
             * nested by fvp_poll shares the outermost one's budget */
            uint64_t limit = (uint64_t)(uintptr_t)__builtin_frame_address(0) -
                             native_stack_budget();
            if (tl_exec.depth == 0)
                tl_exec.sp_floor = limit;
            else if (limit < tl_exec.sp_floor)
                limit = tl_exec.sp_floor;
            c->native_sp_limit = limit;
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

/* Runs blocks until the guest exits (returns 0) or, with resume, until a system call
 * (rt_sigreturn) has put the guest back in that state (returns 1); or -ENOMEM.  A host
 * fault in guest memory leaves this function through the FaultGuard's siglongjmp. */
static int exec_loop(Process *p, Interp *it, Native *nat, const PollState *resume)
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
        if (tl_exec.err) {
            r = tl_exec.err;
            tl_exec.err = 0;
            return r;
        }
        switch (r) {
        case IR_EXIT_SYSCALL:
            c->pc = next;
            p->st.syscalls++;
            syscall_dispatch(p, c);
            if (resume && poll_state_back(c, resume))
                return 1;
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

/*
 * A poll of translated code saw exit_req set (docs D43).  The registers are in *c and c->pc
 * is the loop header.  Delivers what is pending and runs the guest (its signal handlers) in
 * a dispatcher nested here until an rt_sigreturn puts it back in exactly the state of the
 * poll: then 0, and the loop goes on with the values it holds.  Otherwise (the guest exited,
 * a handler changed the interrupted registers or left by longjmp and came back elsewhere,
 * native code was switched off, too deep a nesting) IR_EXIT_LIMIT, and translated code
 * returns to the dispatcher with the state in *c.
 */
uint32_t fvp_poll(RvCpu *c)
{
    ExecThread *t = &tl_exec;
    Process *p = (Process *)(uintptr_t)c->proc;
    __atomic_store_n(&c->exit_req, 0, __ATOMIC_RELAXED);
    if (!p || &p->cpu != c || !t->nat)
        return IR_EXIT_LIMIT;
    /* nothing to run (a blocked signal): go on if native code may, as the dispatcher's
     * lookup would have decided on the way back in */
    if (!signal_has_deliverable(p))
        return native_on(t->nat) ? 0 : IR_EXIT_LIMIT;
    if (t->depth >= EXEC_POLL_MAX_DEPTH ||
        (uint64_t)(uintptr_t)__builtin_frame_address(0) < t->sp_floor + EXEC_POLL_STACK_MIN)
        return IR_EXIT_LIMIT;
    PollState s;
    memcpy(s.x, c->x, sizeof s.x);
    memcpy(s.f, c->f, sizeof s.f);
    s.pc = c->pc;
    s.frm = c->frm;
    uint64_t limit = c->native_sp_limit;
    /* as exec_step around native code: the nested dispatcher switches MXCSR itself */
    bool env = !t->nat->plain_fp || c->frm != 0;
    if (env)
        fvp_fp_leave(c);
    t->depth++;
    p->st.polls++;
    int r = exec_loop(p, t->it, t->nat, &s);
    t->depth--;
    c->native_sp_limit = limit;
    if (env)
        fvp_fp_enter(c);
    if (r < 0)
        t->err = r;
    return r == 1 && native_on(t->nat) ? 0 : IR_EXIT_LIMIT;
}

int exec_run(Process *p, Interp *it, Native *nat)
{
    static _Thread_local FaultGuard guard;
    memset(&guard, 0, sizeof guard);
    fvp_fault_guard = &guard;
    tl_exec = (ExecThread){ .it = it, .nat = nat };
    if (sigsetjmp(guard.jb, 1) != 0) {
        /* nested dispatchers (fvp_poll) and their native frames are gone */
        tl_exec.depth = 0;
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
    int rc = exec_loop(p, it, nat, NULL);
    guard.armed = 0;
    fvp_fault_guard = NULL;
    return rc;
}

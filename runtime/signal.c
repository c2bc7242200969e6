/*
 * Guest signals in user mode (contracts in runtime/signal.h).
 *
 * Guest state: the dispositions are the thread group's (p->tg->action,
 * changed under tg->lock); each thread (Process) has in p->sig its blocked
 * mask, a pending mask with one siginfo per signal (standard and real-time
 * signals alike are not queued: one pending instance each), and its
 * sigaltstack.  Guest threads are host threads and guest tids host tids, so
 * a signal sent to one thread (tgkill) reaches that host thread, and the
 * host kernel gives a process-directed signal to a thread whose host mask
 * (= its guest mask) does not block it, as Linux does for the guest.
 *
 * Host side:
 *  - SIGSEGV/SIGBUS run host_fault_handler on a host sigaltstack: a fault
 *    inside the guest region while a FaultGuard is armed siglongjmps back
 *    to the guard; anything else is a host bug and crashes with SIG_DFL.
 *  - Every other catchable signal mirrors the guest's disposition
 *    (host_mirror): guest SIG_IGN -> host SIG_IGN (so a write to a closed
 *    pipe returns EPIPE), guest SIG_DFL whose default is ignore or stop ->
 *    host SIG_DFL (the host ignores it, or stops fvp-run, which is what the
 *    guest would do), otherwise host_async_handler, which only records the
 *    signal in an atomic pending mask and sets p->cpu.exit_req, so that
 *    translated code, which polls it, returns to the dispatcher.  The
 *    handler records into the thread it runs on (tl_self).  The host mask likewise follows
 *    the guest mask (host_sync_mask), so a signal the guest blocks stays
 *    pending in the host kernel and interrupts nothing; rt_sigpending and
 *    rt_sigtimedwait look there too.  The host handler gets SA_RESTART
 *    exactly when the guest handler has SA_RESTART, so the host kernel
 *    restarts or interrupts a blocking host call the way Linux would
 *    restart or interrupt the guest's call; an interrupted call returns
 *    -EINTR to the guest and the guest handler runs at the next block
 *    boundary (after the call rather than inside it: our syscalls are
 *    synchronous).  A signal arriving between the check before a block
 *    and a blocking host call is only seen when that call returns (qemu
 *    closes this window with its safe_syscall; we do not yet).
 *    SIGILL/SIGFPE/SIGTRAP/SIGSYS keep their host disposition.  Signals 32
 *    and 33 (the guest glibc's SIGCANCEL and SIGSETXID: pthread_cancel,
 *    setuid in a threaded program) are mirrored like the others; the host
 *    runtime never uses them for itself, but the host glibc's sigaction and
 *    sigset functions refuse them, so host dispositions, masks and sets are
 *    made with the raw system calls and bit masks (kset_*, host_sigaction).
 *  - Stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) raised by the guest
 *    at itself are ignored: fvp-run does not stop itself.
 */
#include "runtime/signal.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "runtime/fpenv.h"
#include "runtime/native.h"
#include "runtime/safe_syscall.h"
#include "runtime/signal_frame.h"

_Thread_local FaultGuard *fvp_fault_guard;

#define SIGBIT(sig) (1ull << ((sig) - 1))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
/* Linux kernel/signal.c SYNCHRONOUS_MASK: dequeued before the others. */
#define SYNC_MASK (SIGBIT(SIGSEGV) | SIGBIT(SIGBUS) | SIGBIT(SIGILL) | SIGBIT(SIGTRAP) | \
                   SIGBIT(SIGFPE) | SIGBIT(SIGSYS))
/* Linux include/linux/signal_types.h UAPI_SA_FLAGS (riscv adds none):
 * unknown bits are cleared on rt_sigaction. */
#define GUEST_SA_EXPOSE_TAGBITS 0x00000800u
#define GUEST_UAPI_SA_FLAGS                                                        \
    ((uint64_t)(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | \
                SA_NODEFER | SA_RESETHAND | GUEST_SA_EXPOSE_TAGBITS))
#define GUEST_SIG_DFL 0
#define GUEST_SIG_IGN 1

/* RISC-V priv 1.12 §3.1.15, table 3.6: exception codes. */
enum {
    CAUSE_INSN_MISALIGNED = 0, CAUSE_INSN_ACCESS = 1, CAUSE_ILLEGAL = 2,
    CAUSE_BREAKPOINT = 3, CAUSE_LOAD_MISALIGNED = 4, CAUSE_LOAD_ACCESS = 5,
    CAUSE_STORE_MISALIGNED = 6, CAUSE_STORE_ACCESS = 7, CAUSE_INSN_PAGE = 12,
    CAUSE_LOAD_PAGE = 13, CAUSE_STORE_PAGE = 15,
};

typedef enum SigDefault { SIGDEF_TERM, SIGDEF_CORE, SIGDEF_IGN, SIGDEF_STOP } SigDefault;

/* The guest thread running on this host thread (NULL on host threads that
 * run none): the host handlers record into it. */
static _Thread_local Process *tl_self;
/* This host thread's sigaltstack for host_fault_handler. */
#define HOST_ALTSTACK_SIZE (64 * 1024)
static _Thread_local void *tl_host_altstack;
/* Signals whose host disposition and mask follow the guest's (set once by
 * signal_init, before any second thread exists). */
static uint64_t g_mirror_bits;
/* The host mask of this thread last set from the guest's (mirrored bits);
 * MASK_UNKNOWN after anything else changed the host mask (a FaultGuard
 * siglongjmp restores the mask saved by sigsetjmp). */
#define MASK_UNKNOWN UINT64_MAX
static _Thread_local uint64_t tl_host_mask = MASK_UNKNOWN;

/* ---- raw host signal sets and actions (32 and 33 included) ---------------- */

/* A host sigset_t holding exactly the guest bits (the kernel's first word). */
static void kset_from_bits(sigset_t *set, uint64_t bits)
{
    sigemptyset(set);
    memcpy(set, &bits, sizeof bits);
}

static uint64_t kset_to_bits(const sigset_t *set)
{
    uint64_t bits;
    memcpy(&bits, set, sizeof bits);
    return bits;
}

static void host_set_mask_bits(uint64_t bits)
{
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &bits, NULL, sizeof bits);
}

#if defined(__x86_64__)
/* x86-64 needs SA_RESTORER with a trampoline that calls rt_sigreturn. */
__asm__(".text\n"
        ".globl fvp_host_sigreturn\n"
        ".type fvp_host_sigreturn, @function\n"
        "fvp_host_sigreturn:\n"
        "  mov $15, %eax\n"   /* __NR_rt_sigreturn */
        "  syscall\n"
        ".size fvp_host_sigreturn, .-fvp_host_sigreturn\n");
void fvp_host_sigreturn(void);
#define HOST_SA_RESTORER 0x04000000ul
#endif

/* sigaction for the signals glibc keeps for itself (32, 33): the raw call.
 * Others go through the C library (sanitizers intercept it). */
static void host_sigaction(int sig, const struct sigaction *sa)
{
#if defined(__x86_64__)
    if (sig == 32 || sig == 33) {
        struct {
            void *handler;
            unsigned long flags;
            void (*restorer)(void);
            uint64_t mask;
        } k = { (sa->sa_flags & SA_SIGINFO) ? (void *)sa->sa_sigaction : (void *)sa->sa_handler,
                (unsigned long)sa->sa_flags | HOST_SA_RESTORER, fvp_host_sigreturn,
                kset_to_bits(&sa->sa_mask) };
        syscall(SYS_rt_sigaction, sig, &k, NULL, sizeof k.mask);
        return;
    }
#endif
    sigaction(sig, sa, NULL);
}

/* Linux man 7 signal, "Standard signals": the default actions. */
static SigDefault sig_default(int sig)
{
    switch (sig) {
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS: case SIGFPE:
    case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
        return SIGDEF_CORE;
    case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
        return SIGDEF_IGN;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return SIGDEF_STOP;
    default:
        return SIGDEF_TERM;
    }
}

/* True when delivering sig now would do nothing (SIG_IGN, or SIG_DFL whose
 * default is ignore; stop is treated as ignore). */
static bool sig_is_ignored(const Process *p, int sig)
{
    uint64_t h = __atomic_load_n(&p->tg->action[sig].handler, __ATOMIC_RELAXED);
    if (h == GUEST_SIG_IGN)
        return sig != SIGKILL && sig != SIGSTOP;
    if (h == GUEST_SIG_DFL) {
        SigDefault d = sig_default(sig);
        return d == SIGDEF_IGN || d == SIGDEF_STOP;
    }
    return false;
}

/* ---- host handlers ------------------------------------------------------ */

static void host_async_handler(int sig, siginfo_t *si, void *ucv)
{
    Process *p = tl_self;
    if (sig < 1 || sig > GUEST_NSIG || !p)
        return;
    if (si)
        p->sig.host_info[sig] = *si;
    else {
        siginfo_t z = {0};
        z.si_signo = sig;
        p->sig.host_info[sig] = z;
    }
    atomic_fetch_or_explicit(&p->sig.host_pending, SIGBIT(sig), memory_order_release);
    /* Translated code polls exit_req at function entries and loop headers
     * and comes back to the dispatcher, which delivers the signal. */
    __atomic_store_n(&p->cpu.exit_req, 1, __ATOMIC_RELAXED);
    /* About to block (or blocked, to be restarted) in a guest system call:
     * do not make it (runtime/safe_syscall.h). */
#if defined(__x86_64__)
    ucontext_t *uc = ucv;
    uintptr_t to;
    if (uc && fvp_safe_syscall_window((uintptr_t)uc->uc_mcontext.gregs[REG_RIP], &to))
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)to;
#else
    (void)ucv;
#endif
}

static void host_fault_handler(int sig, siginfo_t *si, void *ucv)
{
    if (si && si->si_code <= 0) {
        /* Sent by kill/tgkill/sigqueue, not a fault: a guest signal. */
        host_async_handler(sig, si, ucv);
        return;
    }
    FaultGuard *g = fvp_fault_guard;
    Process *p = tl_self;
    if (g && g->armed && p && p->mem->base && si) {
        uintptr_t a = (uintptr_t)si->si_addr, b = (uintptr_t)p->mem->base;
        /* the space and its guards; below it, a - b wraps to the negative guest address */
        if (a - (b - GUEST_GUARD_SIZE) < p->mem->limit + 2 * GUEST_GUARD_SIZE) {
            int write = 0;
#if defined(__x86_64__)
            /* x86-64 page-fault error code bit 1: the access was a write. */
            const ucontext_t *uc = ucv;
            write = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
            /* FP flags native code raised so far live in the interrupted
             * MXCSR (fpenv.h); siglongjmp would lose them */
            if (uc->uc_mcontext.fpregs)
                p->cpu.fflags |= fvp_fp_mxcsr_fflags(uc->uc_mcontext.fpregs->mxcsr);
#else
            (void)ucv;
#endif
            g->fault_addr = a - b;
            g->fault_sig = sig;
            g->fault_write = write;
            siglongjmp(g->jb, 1);
        }
    }
    /* Not ours: crash honestly, the fault re-executes with SIG_DFL. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* Host signals whose disposition follows the guest's. */
static bool host_mirrorable(int sig)
{
    switch (sig) {
    case SIGKILL: case SIGSTOP: case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE:
    case SIGTRAP: case SIGSYS:
        return false;
    default:
        return sig >= 1 && sig <= GUEST_NSIG && sig <= SIGRTMAX;
    }
}

/* Makes the host disposition of sig follow the guest's (file comment). */
static void host_mirror(const Process *p, int sig)
{
    if (!host_mirrorable(sig))
        return;
    const GuestSigaction *a = &p->tg->action[sig];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (a->handler == GUEST_SIG_IGN) {
        sa.sa_handler = SIG_IGN;
    } else if (a->handler == GUEST_SIG_DFL && sig_is_ignored(p, sig)) {
        sa.sa_handler = SIG_DFL;
    } else {
        sa.sa_sigaction = host_async_handler;
        sa.sa_flags = SA_SIGINFO;
        if (a->handler != GUEST_SIG_DFL && (a->flags & SA_RESTART))
            sa.sa_flags |= SA_RESTART;
    }
    host_sigaction(sig, &sa);
}

/*
 * The host blocks what the guest blocks (mirrored signals only; never
 * SIGSEGV/SIGBUS, which the fault guard needs): a signal the guest blocks
 * stays pending in the host kernel, does not interrupt a blocking host
 * call, and is recorded by host_async_handler the moment the guest
 * unblocks it.  force: the host mask may have changed behind our back.
 */
static void host_sync_mask(const Process *p, bool force)
{
    uint64_t want = p->sig.blocked & g_mirror_bits;
    if (!force && want == tl_host_mask)
        return;
    host_set_mask_bits(want);
    tl_host_mask = want;
}

/* Host signals pending (blocked) in the host kernel, as guest bits. */
static uint64_t host_kernel_pending(void)
{
    sigset_t set;
    uint64_t bits = 0;
    if (sigpending(&set) < 0)
        return 0;
    bits = kset_to_bits(&set) & g_mirror_bits;
    return bits;
}

/* Moves signals recorded by the host handler into p->sig.pending. */
static void merge_host_pending(Process *p)
{
    uint64_t bits = atomic_exchange_explicit(&p->sig.host_pending, 0, memory_order_acquire);
    while (bits) {
        int sig = __builtin_ctzll(bits) + 1;
        bits &= bits - 1;
        if (!(p->sig.pending & SIGBIT(sig)))
            p->sig.info[sig] = p->sig.host_info[sig];
        p->sig.pending |= SIGBIT(sig);
    }
}

/* Drops pending signals (including ones the host recorded) that are
 * unblocked and would be ignored: POSIX discards them. */
static void drop_ignored(Process *p)
{
    merge_host_pending(p);
    uint64_t ready = p->sig.pending & ~p->sig.blocked;
    while (ready) {
        int sig = __builtin_ctzll(ready) + 1;
        ready &= ready - 1;
        if (sig_is_ignored(p, sig))
            p->sig.pending &= ~SIGBIT(sig);
    }
}

/* ---- init ----------------------------------------------------------------- */

static int install_tramp(Process *p)
{
    uint64_t at = guestmem_find_free(p->mem, GUEST_PAGE_SIZE, 0);
    if (at == 0)
        return -ENOMEM;
    int rc = guestmem_map(p->mem, at, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, "[vdso]");
    if (rc < 0)
        return rc;
    const uint32_t code[2] = { GUEST_TRAMP_LI_A7_139, GUEST_TRAMP_ECALL };
    rc = guest_write(p->mem, at, code, sizeof code);
    if (rc == 0)
        rc = guestmem_protect(p->mem, at, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC);
    if (rc < 0)
        return rc;
    p->sig.sigreturn_tramp = at;
    return 0;
}

/*
 * Like Linux execve, the guest inherits the host process's ignored
 * signals and blocked mask (nohup, a shell's SIG_IGN); everything else
 * starts SIG_DFL.  (signal.h says "all SIG_DFL, none blocked": that is the
 * case whenever fvp-run itself was started that way.)
 */
int signal_init(Process *p)
{
    memset(&p->sig, 0, sizeof p->sig);
    memset(p->tg->action, 0, sizeof p->tg->action);
    p->sig.altstack_flags = GUEST_SS_DISABLE;
    tl_self = p;

    uint64_t cur;
    if (syscall(SYS_rt_sigprocmask, SIG_SETMASK, NULL, &cur, sizeof cur) < 0)
        return -errno;
    g_mirror_bits = 0;
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        if (!host_mirrorable(sig))
            continue;
        g_mirror_bits |= SIGBIT(sig);
        if (cur & SIGBIT(sig))
            p->sig.blocked |= SIGBIT(sig);
        struct sigaction old;
        if (sigaction(sig, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) &&
            old.sa_handler == SIG_IGN)
            p->tg->action[sig].handler = GUEST_SIG_IGN;
        host_mirror(p, sig);
    }
    int rc = signal_thread_init(p);
    if (rc < 0)
        return rc;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = host_fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, NULL) < 0 || sigaction(SIGBUS, &sa, NULL) < 0)
        return -errno;

    return install_tramp(p);
}

int signal_thread_init(Process *p)
{
    tl_self = p;
    if (!tl_host_altstack) {
        void *st = mmap(NULL, HOST_ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (st == MAP_FAILED)
            return -errno;
        stack_t ss = { .ss_sp = st, .ss_flags = 0, .ss_size = HOST_ALTSTACK_SIZE };
        if (sigaltstack(&ss, NULL) < 0) {
            int e = errno;
            munmap(st, HOST_ALTSTACK_SIZE);
            return -e;
        }
        tl_host_altstack = st;
    }
    host_sync_mask(p, true);
    return 0;
}

void signal_thread_fini(void)
{
    host_set_mask_bits(~0ull);
    tl_host_mask = MASK_UNKNOWN;
    tl_self = NULL;
    if (tl_host_altstack) {
        stack_t ss = { .ss_sp = NULL, .ss_flags = SS_DISABLE, .ss_size = 0 };
        sigaltstack(&ss, NULL);
        munmap(tl_host_altstack, HOST_ALTSTACK_SIZE);
        tl_host_altstack = NULL;
    }
}

void signal_block_all(void)
{
    host_set_mask_bits(~0ull);
    tl_host_mask = MASK_UNKNOWN;
}

void signal_thread_detach(const Process *p)
{
    if (tl_self == p)
        tl_self = NULL;
}

void signal_resync_mask(Process *p)
{
    /* The host glibc's first pthread_create installs its own handler for 33
     * (SIGSETXID) and unblocks 32 and 33 in the creating thread: the guest's
     * dispositions and mask win again. */
    static _Atomic int host_threads_seen;
    if (!atomic_exchange(&host_threads_seen, 1)) {
        pthread_mutex_lock(&p->tg->lock);
        host_mirror(p, 32);
        host_mirror(p, 33);
        pthread_mutex_unlock(&p->tg->lock);
    }
    host_sync_mask(p, true);
}

/* ---- raising -------------------------------------------------------------- */

void signal_raise(Process *p, int sig, const siginfo_t *info)
{
    if (sig < 1 || sig > GUEST_NSIG)
        return;
    /* Linux sig_ignored(): an unblocked ignored signal is discarded now. */
    if (!(p->sig.blocked & SIGBIT(sig)) && sig_is_ignored(p, sig))
        return;
    if (p->sig.pending & SIGBIT(sig))
        return;   /* not queued: the first instance's info stays */
    siginfo_t si;
    if (info)
        si = *info;
    else {
        memset(&si, 0, sizeof si);
        si.si_signo = sig;
        si.si_code = SI_KERNEL;
    }
    p->sig.info[sig] = si;
    p->sig.pending |= SIGBIT(sig);
    __atomic_store_n(&p->cpu.exit_req, 1, __ATOMIC_RELAXED);
}

/* Linux kernel/signal.c force_sig_info_to_task: a synchronous signal that
 * is blocked or ignored gets its default action and is unblocked. */
static void force_sig(Process *p, int sig, const siginfo_t *si)
{
    GuestSigaction *a = &p->tg->action[sig];
    bool blocked = (p->sig.blocked & SIGBIT(sig)) != 0;
    pthread_mutex_lock(&p->tg->lock);
    if (blocked || a->handler == GUEST_SIG_IGN) {
        __atomic_store_n(&a->handler, GUEST_SIG_DFL, __ATOMIC_RELAXED);
        if (blocked)
            p->sig.blocked &= ~SIGBIT(sig);
        host_mirror(p, sig);
    }
    pthread_mutex_unlock(&p->tg->lock);
    p->sig.info[sig] = *si;
    p->sig.pending |= SIGBIT(sig);
}

static void force_sig_code(Process *p, int sig, int code, uint64_t addr)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = sig;
    si.si_code = code;
    si.si_addr = (void *)(uintptr_t)addr;
    force_sig(p, sig, &si);
}

/*
 * Linux arch/riscv/kernel/traps.c and mm/fault.c.  si_addr follows
 * qemu-riscv64 (the reference): the pc for SIGILL/SIGTRAP, the faulting
 * address (tval) for memory faults and misaligned accesses.  Also clears
 * c->trap_pending: the trap is consumed.
 */
void signal_raise_trap(Process *p, RvCpu *c, uint64_t cause, uint64_t tval)
{
    c->trap_pending = 0;
    /* We may come from a FaultGuard siglongjmp, which restored an old
     * host mask. */
    host_sync_mask(p, true);
    switch (cause) {
    case CAUSE_ILLEGAL:
        force_sig_code(p, SIGILL, ILL_ILLOPC, c->pc);
        break;
    case CAUSE_BREAKPOINT:
        force_sig_code(p, SIGTRAP, TRAP_BRKPT, c->pc);
        break;
    case CAUSE_INSN_MISALIGNED:
    case CAUSE_LOAD_MISALIGNED:
    case CAUSE_STORE_MISALIGNED:
        force_sig_code(p, SIGBUS, BUS_ADRALN, tval);
        break;
    case CAUSE_INSN_ACCESS:
    case CAUSE_LOAD_ACCESS:
    case CAUSE_STORE_ACCESS:
    case CAUSE_INSN_PAGE:
    case CAUSE_LOAD_PAGE:
    case CAUSE_STORE_PAGE: {
        int code = guestmem_find_vma(p->mem, tval) ? SEGV_ACCERR : SEGV_MAPERR;
        force_sig_code(p, SIGSEGV, code, tval);
        break;
    }
    default:
        force_sig_code(p, SIGILL, ILL_ILLTRP, c->pc);
        break;
    }
}

void signal_syscall_interrupted(Process *p, RvCpu *c)
{
    c->pc -= 4;   /* ecall: there is no compressed form */
    merge_host_pending(p);
}

bool signal_has_deliverable(const Process *p)
{
    uint64_t host = atomic_load_explicit(&p->sig.host_pending, memory_order_relaxed);
    return ((p->sig.pending | host) & ~p->sig.blocked) != 0;
}

/* ---- sigaltstack ----------------------------------------------------------- */

/* Linux include/linux/sched/signal.h on_sig_stack (stack grows down). */
static bool on_sig_stack(const Process *p, uint64_t sp)
{
    if (p->sig.altstack_flags & GUEST_SS_AUTODISARM)
        return false;
    return sp > p->sig.altstack_sp && sp - p->sig.altstack_sp <= p->sig.altstack_size;
}

static int sas_ss_flags(const Process *p, uint64_t sp)
{
    if (!p->sig.altstack_size)
        return GUEST_SS_DISABLE;
    return on_sig_stack(p, sp) ? GUEST_SS_ONSTACK : 0;
}

/* Linux kernel/signal.c do_sigaltstack. */
static int do_sigaltstack(Process *p, const GuestStackT *ss, GuestStackT *oss, uint64_t sp)
{
    if (oss) {
        memset(oss, 0, sizeof *oss);
        oss->ss_sp = p->sig.altstack_sp;
        oss->ss_size = p->sig.altstack_size;
        oss->ss_flags = sas_ss_flags(p, sp) |
                        (int)((uint32_t)p->sig.altstack_flags & GUEST_SS_AUTODISARM);
    }
    if (!ss)
        return 0;
    if (on_sig_stack(p, sp))
        return -EPERM;
    uint32_t flags = (uint32_t)ss->ss_flags;
    uint32_t mode = flags & ~GUEST_SS_AUTODISARM;
    if (mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK && mode != 0)
        return -EINVAL;
    uint64_t ssp = ss->ss_sp, size = ss->ss_size;
    if (mode == GUEST_SS_DISABLE) {
        ssp = 0;
        size = 0;
    } else if (size < GUEST_MINSIGSTKSZ) {
        return -ENOMEM;
    }
    p->sig.altstack_sp = ssp;
    p->sig.altstack_size = size;
    p->sig.altstack_flags = (int)flags;
    return 0;
}

int64_t signal_sys_sigaltstack(Process *p, RvCpu *c, uint64_t ss, uint64_t old_ss)
{
    GuestStackT nss, oss;
    if (ss && guest_read(p->mem, &nss, ss, sizeof nss) < 0)
        return -EFAULT;
    int rc = do_sigaltstack(p, ss ? &nss : NULL, old_ss ? &oss : NULL, c->x[2]);
    if (rc == 0 && old_ss && guest_write(p->mem, old_ss, &oss, sizeof oss) < 0)
        return -EFAULT;
    return rc;
}

/* ---- delivery ----------------------------------------------------------- */

/* Linux arch/riscv/kernel/signal.c setup_rt_frame / get_sigframe: builds
 * the frame and enters the handler.  0, or -EFAULT if the frame cannot be
 * written. */
static int setup_frame(Process *p, RvCpu *c, int sig, const siginfo_t *si,
                       const GuestSigaction *act, uint64_t oldmask)
{
    const uint64_t size = sizeof(GuestRtSigframe);
    uint64_t osp = c->x[2], sp = osp;
    /* On the alternate stack and about to overflow it: fail, SIGSEGV. */
    if (on_sig_stack(p, sp) && !on_sig_stack(p, sp - size))
        return -EFAULT;
    if ((act->flags & SA_ONSTACK) && sas_ss_flags(p, sp) == 0)
        sp = p->sig.altstack_sp + p->sig.altstack_size;
    sp = (sp - size) & ~(uint64_t)15;

    static _Thread_local GuestRtSigframe f;   /* 1 KiB: off the (host) stack */
    memset(&f, 0, sizeof f);
    memcpy(f.info, si, sizeof f.info);
    f.uc.uc_stack.ss_sp = p->sig.altstack_sp;
    f.uc.uc_stack.ss_size = p->sig.altstack_size;
    f.uc.uc_stack.ss_flags = sas_ss_flags(p, osp) |
                             (int)((uint32_t)p->sig.altstack_flags & GUEST_SS_AUTODISARM);
    f.uc.uc_sigmask = oldmask;
    f.uc.gregs[0] = c->pc;
    for (int i = 1; i < 32; i++)
        f.uc.gregs[i] = c->x[i];
    for (int i = 0; i < 32; i++)
        f.uc.fpregs[i] = c->f[i];
    f.uc.fcsr = ((c->frm & 7u) << 5) | (c->fflags & 0x1fu);
    if (guest_write(p->mem, sp, &f, size) < 0)
        return -EFAULT;

    if (p->sig.altstack_flags & GUEST_SS_AUTODISARM) {
        p->sig.altstack_sp = 0;
        p->sig.altstack_size = 0;
        p->sig.altstack_flags = GUEST_SS_DISABLE;
    }
    /* Linux always passes siginfo and ucontext, SA_SIGINFO or not. */
    c->x[1] = p->sig.sigreturn_tramp;
    c->x[2] = sp;
    c->x[10] = (uint64_t)sig;
    c->x[11] = sp + offsetof(GuestRtSigframe, info);
    c->x[12] = sp + offsetof(GuestRtSigframe, uc);
    c->pc = act->handler;
    c->res_addr = RV_NO_RES;   /* the trap return drops a reservation */
    return 0;
}

static void die_of(Process *p, int sig)
{
    p->exited = true;
    p->group_exit = true;
    p->killed_by = sig;
    p->exit_code = 128 + sig;
}

/* Picks the next signal as Linux next_signal(): synchronous ones first,
 * then the lowest number. */
static int next_signal(uint64_t ready)
{
    if (ready & SYNC_MASK)
        ready &= SYNC_MASK;
    return __builtin_ctzll(ready) + 1;
}

/*
 * Delivers every deliverable pending signal, as the Linux return-to-user
 * path does: each handler gets its frame on top of the previous one, so the
 * last delivered runs first.  A frame that cannot be written turns into
 * SIGSEGV (Linux force_sigsegv): fatal if the signal was SIGSEGV itself.
 */
bool signal_deliver_pending(Process *p, RvCpu *c)
{
    bool done = false;
    merge_host_pending(p);
    for (int n = 0; n <= GUEST_NSIG + 1 && !p->exited; n++) {
        uint64_t ready = p->sig.pending & ~p->sig.blocked;
        if (!ready)
            break;
        int sig = next_signal(ready);
        p->sig.pending &= ~SIGBIT(sig);
        siginfo_t si = p->sig.info[sig];
        GuestSigaction *a = &p->tg->action[sig];
        pthread_mutex_lock(&p->tg->lock);
        GuestSigaction act = *a;
        if (act.handler > GUEST_SIG_IGN && (act.flags & SA_RESETHAND)) {
            /* flags stay, as in Linux get_signal */
            __atomic_store_n(&a->handler, GUEST_SIG_DFL, __ATOMIC_RELAXED);
            host_mirror(p, sig);
        }
        pthread_mutex_unlock(&p->tg->lock);
        if (act.handler > GUEST_SIG_IGN && (act.flags & SA_RESETHAND) &&
            (sig == SIGSEGV || sig == SIGBUS))
            native_actions_changed();
        if (act.handler == GUEST_SIG_IGN && sig != SIGKILL && sig != SIGSTOP)
            continue;
        if (act.handler == GUEST_SIG_DFL || sig == SIGKILL || sig == SIGSTOP) {
            SigDefault d = sig_default(sig);
            if (d == SIGDEF_IGN || d == SIGDEF_STOP)
                continue;
            die_of(p, sig);
            done = true;
            break;
        }
        uint64_t oldmask = p->sig.restore_saved ? p->sig.saved_mask : p->sig.blocked;
        if (setup_frame(p, c, sig, &si, &act, oldmask) < 0) {
            if (sig == SIGSEGV) {
                die_of(p, SIGSEGV);
                done = true;
                break;
            }
            force_sig_code(p, SIGSEGV, SI_KERNEL, 0);
            continue;
        }
        done = true;
        p->sig.restore_saved = false;
        /* Linux kernel/signal.c signal_delivered(). */
        p->sig.blocked |= act.mask;
        if (!(act.flags & SA_NODEFER))
            p->sig.blocked |= SIGBIT(sig);
        p->sig.blocked &= ~UNBLOCKABLE;
    }
    if (p->sig.restore_saved) {   /* rt_sigsuspend woke, no handler ran */
        p->sig.restore_saved = false;
        p->sig.blocked = p->sig.saved_mask;
    }
    host_sync_mask(p, false);
    return done;
}

/* ---- system calls ------------------------------------------------------------ */

/* Linux kernel/signal.c rt_sigaction + do_sigaction. */
int64_t signal_sys_rt_sigaction(Process *p, int sig, uint64_t act, uint64_t oldact,
                                uint64_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    GuestSigaction na;
    if (act && guest_read(p->mem, &na, act, sizeof na) < 0)
        return -EFAULT;
    if (sig < 1 || sig > GUEST_NSIG || (act && (sig == SIGKILL || sig == SIGSTOP)))
        return -EINVAL;
    pthread_mutex_lock(&p->tg->lock);
    GuestSigaction old = p->tg->action[sig];
    if (act) {
        na.flags &= GUEST_UAPI_SA_FLAGS;
        na.mask &= ~UNBLOCKABLE;
        p->tg->action[sig].flags = na.flags;
        p->tg->action[sig].mask = na.mask;
        __atomic_store_n(&p->tg->action[sig].handler, na.handler, __ATOMIC_RELAXED);
        /* POSIX: setting an ignoring action discards a pending instance
         * (in this thread; other threads drop theirs at delivery) */
        if (sig_is_ignored(p, sig)) {
            p->sig.pending &= ~SIGBIT(sig);
            atomic_fetch_and(&p->sig.host_pending, ~SIGBIT(sig));
        }
        host_mirror(p, sig);
    }
    pthread_mutex_unlock(&p->tg->lock);
    if (act && (sig == SIGSEGV || sig == SIGBUS))
        native_actions_changed();
    if (oldact && guest_write(p->mem, oldact, &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

/* Linux kernel/signal.c rt_sigprocmask (SIG_BLOCK 0, SIG_UNBLOCK 1,
 * SIG_SETMASK 2: the same values on x86-64 and asm-generic). */
int64_t signal_sys_rt_sigprocmask(Process *p, int how, uint64_t set, uint64_t oldset,
                                  uint64_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    uint64_t old = p->sig.blocked;
    if (set) {
        uint64_t ns;
        if (guest_read(p->mem, &ns, set, sizeof ns) < 0)
            return -EFAULT;
        ns &= ~UNBLOCKABLE;
        switch (how) {
        case SIG_BLOCK:   p->sig.blocked |= ns; break;
        case SIG_UNBLOCK: p->sig.blocked &= ~ns; break;
        case SIG_SETMASK: p->sig.blocked = ns; break;
        default: return -EINVAL;
        }
        host_sync_mask(p, false);
    }
    if (oldset && guest_write(p->mem, oldset, &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

/*
 * Linux arch/riscv/kernel/signal.c sys_rt_sigreturn: restores x1..x31, pc,
 * f0..f31, fcsr, the mask and the sigaltstack from the frame at sp.
 * Returns the restored a0, so the caller may write the return value into
 * a0 (syscall_dispatch does) without changing anything; c->pc is the
 * restored pc and must not be advanced.  A bad frame forces SIGSEGV.
 */
int64_t signal_sys_rt_sigreturn(Process *p, RvCpu *c)
{
    static _Thread_local GuestRtSigframe f;   /* see setup_frame */
    if (guest_read(p->mem, &f, c->x[2], sizeof f) < 0 ||
        f.uc.fp_reserved[0] || f.uc.fp_reserved[1] || f.uc.fp_reserved[2]) {
        force_sig_code(p, SIGSEGV, SI_KERNEL, 0);
        return (int64_t)c->x[10];
    }
    p->sig.blocked = f.uc.uc_sigmask & ~UNBLOCKABLE;
    c->pc = f.uc.gregs[0];
    for (int i = 1; i < 32; i++)
        c->x[i] = f.uc.gregs[i];
    for (int i = 0; i < 32; i++)
        c->f[i] = f.uc.fpregs[i];
    c->fflags = f.uc.fcsr & 0x1fu;
    c->frm = (f.uc.fcsr >> 5) & 7u;
    c->res_addr = RV_NO_RES;
    host_sync_mask(p, false);
    /* Linux restore_altstack: errors (e.g. -EPERM) are ignored. */
    (void)do_sigaltstack(p, &f.uc.uc_stack, NULL, c->x[2]);
    return (int64_t)c->x[10];
}

static void self_info(siginfo_t *si, int sig, int code)
{
    memset(si, 0, sizeof *si);
    si->si_signo = sig;
    si->si_code = code;
    si->si_pid = getpid();
    si->si_uid = getuid();
}

/* kill(pid, sig): the guest itself (pid == its pid, or 0: its process
 * group is treated as just itself) -> signal_raise with SI_USER on the
 * calling thread; with more than one thread, a signal whose host mask
 * follows the guest's goes through the host kill, so that a thread that
 * does not block it gets it, as on Linux.  Any other pid: the host kill. */
int64_t signal_sys_kill(Process *p, int pid, int sig)
{
    if (sig < 0 || sig > GUEST_NSIG)
        return -EINVAL;
    if (pid == 0 || pid == getpid()) {
        if (sig && __atomic_load_n(&p->tg->nthreads, __ATOMIC_RELAXED) > 1 &&
            (g_mirror_bits & SIGBIT(sig)))
            return kill(getpid(), sig) < 0 ? -errno : 0;
        if (sig) {
            siginfo_t si;
            self_info(&si, sig, SI_USER);
            signal_raise(p, sig, &si);
        }
        return 0;
    }
    if (kill(pid, sig) < 0)
        return -errno;
    return 0;
}

/* tgkill to the guest's own thread -> signal_raise with SI_TKILL (what
 * glibc's raise() produces); other threads go to the host. */
int64_t signal_sys_tgkill(Process *p, int tgid, int tid, int sig)
{
    if (tgid <= 0 || tid <= 0 || sig < 0 || sig > GUEST_NSIG)
        return -EINVAL;
    if (tgid == getpid() && tid == p->tid) {
        if (sig) {
            siginfo_t si;
            self_info(&si, sig, SI_TKILL);
            signal_raise(p, sig, &si);
        }
        return 0;
    }
    if (syscall(SYS_tgkill, tgid, tid, sig) < 0)
        return -errno;
    return 0;
}

/* Linux kernel/signal.c rt_sigpending: sigsetsize up to 8 bytes is
 * copied; the pending signals that are blocked. */
int64_t signal_sys_rt_sigpending(Process *p, uint64_t set, uint64_t sigsetsize)
{
    if (sigsetsize > sizeof(uint64_t))
        return -EINVAL;
    merge_host_pending(p);
    uint64_t v = (p->sig.pending | host_kernel_pending()) & p->sig.blocked;
    if (guest_write(p->mem, set, &v, (size_t)sigsetsize) < 0)
        return -EFAULT;
    return 0;
}

/*
 * Linux kernel/signal.c rt_sigsuspend: runs with mask until a signal that
 * is not ignored becomes deliverable, then returns -EINTR; the old mask is
 * kept in p->sig.saved_mask and goes into the handler's frame (so
 * rt_sigreturn restores it), or back into blocked when no handler runs.
 * Waits on the host with sigsuspend: every mirrored signal is blocked on
 * the host while we look at the pending set, and unblocked per the new
 * mask only inside sigsuspend (no lost wake-up).
 */
int64_t signal_sys_rt_sigsuspend(Process *p, uint64_t mask, uint64_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    uint64_t m;
    if (guest_read(p->mem, &m, mask, sizeof m) < 0)
        return -EFAULT;
    p->sig.saved_mask = p->sig.blocked;
    p->sig.restore_saved = true;
    p->sig.blocked = m & ~UNBLOCKABLE;

    host_set_mask_bits(g_mirror_bits);
    sigset_t wait;
    kset_from_bits(&wait, p->sig.blocked & g_mirror_bits);
    for (;;) {
        drop_ignored(p);
        if (p->sig.pending & ~p->sig.blocked)
            break;
        sigsuspend(&wait);
    }
    host_sync_mask(p, true);
    return -EINTR;
}

/*
 * Linux kernel/signal.c rt_sigtimedwait: dequeues a pending signal of
 * `these` (blocked or not), waiting up to the timeout (NULL: forever).
 * Signals raised inside the guest are pending in p->sig; host signals the
 * guest blocks are pending in the host kernel and are taken with the host
 * sigtimedwait.  Returns the signal, -EAGAIN on timeout, -EINTR when
 * another signal became deliverable.
 */
int64_t signal_sys_rt_sigtimedwait(Process *p, uint64_t uthese, uint64_t uinfo, uint64_t uts,
                                   uint64_t sigsetsize)
{
    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    uint64_t these;
    if (guest_read(p->mem, &these, uthese, sizeof these) < 0)
        return -EFAULT;
    struct { int64_t sec, nsec; } gts = { 0, 0 };
    if (uts && guest_read(p->mem, &gts, uts, sizeof gts) < 0)
        return -EFAULT;
    if (uts && (gts.sec < 0 || gts.nsec < 0 || gts.nsec >= 1000000000))
        return -EINVAL;
    these &= ~UNBLOCKABLE;

    /* Block `these` on the host first, so none slips past the check. */
    host_set_mask_bits((p->sig.blocked | these) & g_mirror_bits);
    tl_host_mask = MASK_UNKNOWN;
    merge_host_pending(p);
    siginfo_t si;
    int sig = 0;
    if (p->sig.pending & these) {
        sig = next_signal(p->sig.pending & these);
    } else {
        sigset_t set;
        kset_from_bits(&set, these & g_mirror_bits);
        struct timespec ts = { .tv_sec = gts.sec, .tv_nsec = gts.nsec };
        int r = sigtimedwait(&set, &si, uts ? &ts : NULL);
        int e = errno;
        merge_host_pending(p);
        if (r > 0 && r <= GUEST_NSIG) {
            host_sync_mask(p, true);
            goto found;
        }
        if (!(p->sig.pending & these)) {
            host_sync_mask(p, true);
            return e == EAGAIN ? -EAGAIN : -EINTR;
        }
        sig = next_signal(p->sig.pending & these);
    }
    host_sync_mask(p, true);
    p->sig.pending &= ~SIGBIT(sig);
    si = p->sig.info[sig];
found:
    sig = si.si_signo;
    if (uinfo && guest_write(p->mem, uinfo, &si, sizeof si) < 0)
        return -EFAULT;
    return sig;
}

/* Linux kernel/signal.c do_rt_sigqueueinfo: to the guest itself any
 * si_code is allowed (the signal is not queued twice: one pending
 * instance, see the file comment); to others, the host call. */
int64_t signal_sys_rt_sigqueueinfo(Process *p, int pid, int sig, uint64_t uinfo)
{
    siginfo_t si;
    if (guest_read(p->mem, &si, uinfo, sizeof si) < 0)
        return -EFAULT;
    if (pid == getpid()) {
        if (sig < 0 || sig > GUEST_NSIG)
            return -EINVAL;
        if (sig) {
            si.si_signo = sig;
            signal_raise(p, sig, &si);
        }
        return 0;
    }
    if (syscall(SYS_rt_sigqueueinfo, pid, sig, &si) < 0)
        return -errno;
    return 0;
}

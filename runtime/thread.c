/*
 * Guest threads on host threads (contracts in runtime/thread.h).
 */
#include "runtime/thread.h"

#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "runtime/exec.h"
#include "runtime/interp.h"
#include "runtime/run_common.h"
#include "runtime/signal.h"
#include "runtime/signal_frame.h"

/* Host stack of a guest thread: translated code makes guest calls as host
 * calls (down to FVP_NATIVE_STACK_BUDGET below the dispatcher), so as much as the main thread
 * gets (RLIMIT_STACK), at least 8 MiB, at most 256 MiB. */
static size_t thread_stack_size(void)
{
    size_t sz = 8u << 20;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur > sz)
        sz = rl.rlim_cur < (256u << 20) ? (size_t)rl.rlim_cur : (256u << 20);
    return sz;
}

bool thread_clone_is_thread(uint64_t flags)
{
    return (flags & CLONE_THREAD) != 0;
}

/* What the new host thread needs from its creator; lives on the creator's
 * stack until the child posts `started`. */
typedef struct ThreadStart {
    Process *child;       /* its interpreter is child->interp */
    uint64_t flags, ptid, ctid;
    int tid;
    sem_t started;
} ThreadStart;

static void *thread_main(void *arg)
{
    ThreadStart *st = arg;
    Process *p = st->child;
    Interp *it = p->interp;
    p->tid = (int)syscall(SYS_gettid);
    /* Linux writes both before the child runs (kernel/fork.c). */
    uint32_t tid = (uint32_t)p->tid;
    if ((st->flags & CLONE_PARENT_SETTID) && guest_write(p->mem, st->ptid, &tid, sizeof tid) != 0) {
        /* Linux ignores a bad address here too */
    }
    if ((st->flags & CLONE_CHILD_SETTID) && guest_write(p->mem, st->ctid, &tid, sizeof tid) != 0) {
    }
    int rc = signal_thread_init(p);
    st->tid = rc < 0 ? rc : p->tid;
    sem_post(&st->started);   /* st is gone after this; on failure the creator frees p */
    if (rc < 0) {
        signal_thread_fini();
        return NULL;
    }
    if (exec_run(p, it, p->tg->nat) != 0) {
        /* out of host memory inside the interpreter: as Linux would on an
         * unrecoverable fault, the process dies */
        p->exited = p->group_exit = true;
        p->killed_by = SIGSEGV;
        p->exit_code = 128 + SIGSEGV;
    }
    /* The interpreter goes first: once thread_exit has counted this thread
     * out, the leader may free the group (and the guest memory the
     * interpreter looks at). */
    pthread_mutex_lock(&p->tg->lock);   /* a fork copies the list under it */
    p->interp = NULL;
    pthread_mutex_unlock(&p->tg->lock);
    interp_free(it);
    if (thread_exit(p))
        /* the only thread left: the child of a fork made on this thread */
        thread_end_process(p);
    signal_thread_fini();
    free(p);
    return NULL;
}

int64_t thread_clone(Process *p, RvCpu *c, uint64_t flags, uint64_t newsp, uint64_t ptid,
                     uint64_t tls, uint64_t ctid)
{
    /* Linux kernel/fork.c copy_process: CLONE_THREAD needs CLONE_SIGHAND,
     * which needs CLONE_VM.  Host threads share the file table and the
     * cwd, so the guest must ask for that too. */
    const uint64_t need = CLONE_VM | CLONE_THREAD | CLONE_SIGHAND;
    const uint64_t share = CLONE_FS | CLONE_FILES;
    const uint64_t ok = need | share | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
                        CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED | CSIGNAL;
    if ((flags & need) != need)
        return -EINVAL;
    if ((flags & share) != share || (flags & ~ok))
        return -ENOSYS;

    Process *n = malloc(sizeof *n);
    if (!n)
        return -ENOMEM;
    memcpy(n, p, sizeof *n);
    /* the vCPU goes on after the ecall with a0 = 0 */
    n->cpu = *c;
    n->cpu.x[10] = 0;
    if (newsp)
        n->cpu.x[2] = newsp;
    if (flags & CLONE_SETTLS)
        n->cpu.x[4] = tls;
    n->cpu.res_addr = RV_NO_RES;
    n->cpu.native_sp_limit = 0; /* set by the dispatcher before native code runs */
    n->cpu.exit_req = 0;
    n->cpu.trap_pending = 0;
    n->cpu.instret = 0;
    n->cpu.proc = (uint64_t)(uintptr_t)n;
    /* signals: the mask is inherited, nothing is pending, and a thread
     * sharing the address space starts without an alternate stack */
    n->sig.pending = 0;
    atomic_store(&n->sig.host_pending, 0);
    n->sig.restore_saved = false;
    n->sig.altstack_sp = n->sig.altstack_size = 0;
    n->sig.altstack_flags = GUEST_SS_DISABLE;
    n->exited = n->group_exit = false;
    n->exit_code = n->killed_by = 0;
    n->clear_child_tid = (flags & CLONE_CHILD_CLEARTID) ? ctid : 0;
    n->robust_list = 0;
    memset(&n->st, 0, sizeof n->st);
    n->tid = 0;

    ThreadStart st = { .child = n, .flags = flags, .ptid = ptid, .ctid = ctid };
    n->interp = interp_new(n);
    if (!n->interp) {
        free(n);
        return -ENOMEM;
    }
    sem_init(&st.started, 0, 0);

    ThreadGroup *tg = p->tg;
    pthread_mutex_lock(&tg->lock);
    n->next_thread = tg->threads;
    tg->threads = n;
    __atomic_store_n(&tg->nthreads, tg->nthreads + 1, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&tg->lock);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, thread_stack_size());
    /* The child starts with every host signal blocked: its handlers have
     * no guest thread to record into until signal_thread_init. */
    signal_block_all();
    pthread_t th;
    int e = pthread_create(&th, &attr, thread_main, &st);
    pthread_attr_destroy(&attr);
    int64_t r;
    if (e != 0) {
        r = -EAGAIN;
    } else {
        while (sem_wait(&st.started) != 0 && errno == EINTR) {
        }
        r = st.tid;
    }
    signal_resync_mask(p);
    sem_destroy(&st.started);
    if (r < 0) {
        pthread_mutex_lock(&tg->lock);
        for (Process **pp = &tg->threads; *pp; pp = &(*pp)->next_thread)
            if (*pp == n) {
                *pp = n->next_thread;
                break;
            }
        __atomic_store_n(&tg->nthreads, tg->nthreads - 1, __ATOMIC_RELAXED);
        pthread_mutex_unlock(&tg->lock);
        interp_free(n->interp);
        free(n);
    }
    return r;
}

/* ---- exit ------------------------------------------------------------------ */

void thread_park(void)
{
    signal_thread_fini();
    for (;;)
        pause();
}

static void release_robust_list(Process *p);

/* The end of the whole process, from any thread. */
static void group_finish(Process *p, int exit_code, int killed_by) __attribute__((noreturn));
static void group_finish(Process *p, int exit_code, int killed_by)
{
    ThreadGroup *tg = p->tg;
    if (__atomic_exchange_n(&tg->dying, 1, __ATOMIC_ACQ_REL))
        thread_park();   /* another thread is already ending it */
    /* every thread dies with the process: Linux releases each one's
     * robust futexes (process-shared ones matter to other processes) */
    pthread_mutex_lock(&tg->lock);
    for (Process *q = tg->threads; q; q = q->next_thread)
        release_robust_list(q);
    pthread_mutex_unlock(&tg->lock);
    if (tg->finish)
        tg->finish(p, exit_code, killed_by);
    /* no front end (unit tests): end as the guest did */
    p->exit_code = exit_code;
    p->killed_by = killed_by;
    fflush(NULL);
    _exit(run_finish(p));
}

void thread_end_process(Process *p)
{
    group_finish(p, p->exit_code, p->killed_by);
}

/* Linux kernel/futex/core.c handle_futex_death: a robust futex word still
 * owned by tid gets FUTEX_OWNER_DIED (waiters bit kept) and one waiter
 * wakes; for the pending operation of a non-PI lock whose word is already
 * 0 (unlocked, the wake not yet made) one waiter wakes too.  Under the
 * mapping lock, so that the word stays mapped while we touch it. */
static void robust_futex_death(Process *p, uint64_t uaddr, bool pi, bool pending)
{
    if (uaddr & 3)
        return;
    guestmem_lock(p->mem);
    if (!guestmem_check(p->mem, uaddr, 4, PROT_READ | PROT_WRITE)) {
        guestmem_unlock(p->mem);
        return;
    }
    uint32_t *w = g2h(p->mem, uaddr);
    uint32_t v = __atomic_load_n(w, __ATOMIC_RELAXED);
    bool wake = false;
    if (pending && !pi && v == 0) {
        wake = true;
    } else {
        for (;;) {
            if ((v & FUTEX_TID_MASK) != (uint32_t)p->tid)
                break;
            uint32_t nv = (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
            if (__atomic_compare_exchange_n(w, &v, nv, false, __ATOMIC_SEQ_CST,
                                            __ATOMIC_RELAXED)) {
                wake = !pi && (v & FUTEX_WAITERS);
                break;
            }
        }
    }
    if (wake)
        syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
    guestmem_unlock(p->mem);
}

/* Linux exit_robust_list: walks the guest's struct robust_list_head
 * { next; long futex_offset; list_op_pending; } (bit 0 of a pointer: PI). */
static void release_robust_list(Process *p)
{
    uint64_t head[3];
    if (!p->robust_list || guest_read(p->mem, head, p->robust_list, sizeof head) != 0)
        return;
    uint64_t entry = head[0], pending = head[2];
    int64_t off = (int64_t)head[1];
    for (int limit = 2048; (entry & ~1ull) != p->robust_list && limit > 0; limit--) {
        uint64_t next;
        if (guest_read(p->mem, &next, entry & ~1ull, sizeof next) != 0)
            return;
        if (entry != pending)
            robust_futex_death(p, (entry & ~1ull) + (uint64_t)off, entry & 1, false);
        entry = next;
    }
    if (pending)
        robust_futex_death(p, (pending & ~1ull) + (uint64_t)off, pending & 1, true);
    p->robust_list = 0;   /* once */
}

bool thread_exit(Process *p)
{
    ThreadGroup *tg = p->tg;
    /* From here on the host gives process-directed signals to the other
     * threads (Linux retargets them away from an exiting thread). */
    signal_block_all();
    if (p->group_exit) {
        pthread_mutex_lock(&tg->lock);
        bool alone = tg->nthreads == 1;
        pthread_mutex_unlock(&tg->lock);
        if (!alone)
            group_finish(p, p->exit_code, p->killed_by);
        release_robust_list(p);
        return true;
    }
    release_robust_list(p);
    if (p->clear_child_tid) {
        /* Linux mm_release: the word is cleared and one waiter woken (a
         * shared futex: glibc's pthread_join waits on it that way) */
        uint32_t zero = 0;
        if (guest_write(p->mem, p->clear_child_tid, &zero, sizeof zero) == 0)
            syscall(SYS_futex, g2h(p->mem, p->clear_child_tid), FUTEX_WAKE, 1, NULL, NULL, 0);
    }
    pthread_mutex_lock(&tg->lock);
    for (Process **pp = &tg->threads; *pp; pp = &(*pp)->next_thread)
        if (*pp == p) {
            *pp = p->next_thread;
            break;
        }
    int left = tg->nthreads - 1;
    __atomic_store_n(&tg->nthreads, left, __ATOMIC_RELAXED);
    bool leader = p == tg->leader;
    /* the leader's status is final once it has exited, which it has when
     * no thread is left (its own exit took this lock before ours) */
    int leader_code = left == 0 && !leader ? tg->leader->exit_code : 0;
    if (!leader) {
        tg->st_gone.blocks_executed += p->st.blocks_executed;
        tg->st_gone.native_entries += p->st.native_entries;
        tg->st_gone.cache_lookups += p->st.cache_lookups;
        tg->st_gone.cache_hits += p->st.cache_hits;
        tg->st_gone.blocks_lifted += p->st.blocks_lifted;
        tg->st_gone.syscalls += p->st.syscalls;
        tg->st_gone.polls += p->st.polls;
        tg->instret_gone += p->cpu.instret;
    }
    pthread_mutex_unlock(&tg->lock);
    if (left == 0) {
        if (leader)
            return true;
        /* the last thread: the process ends with the leader's status */
        group_finish(p, leader_code, 0);
    }
    if (leader)
        thread_park();   /* a zombie leader: the others go on */
    return false;
}

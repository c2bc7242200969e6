/*
 * Creating and freeing a guest process (contracts in runtime/process.h).
 */
#include "runtime/process.h"
#include "runtime/signal.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The thread group of the running process.  Also what keeps it reachable
 * for LeakSanitizer in a child forked on a second thread, where the first
 * thread's stack (which held the leader) is gone. */
static ThreadGroup *g_group;

int process_new(Process **out)
{
    *out = NULL;
    Process *p = calloc(1, sizeof *p);
    ThreadGroup *tg = calloc(1, sizeof *tg);
    if (!p || !tg) {
        free(p);
        free(tg);
        return -ENOMEM;
    }
    int rc = guestmem_init(&tg->mem);
    if (rc != 0) {
        free(p);
        free(tg);
        return rc;
    }
    pthread_mutex_init(&tg->lock, NULL);
    tg->leader = p;
    tg->threads = p;
    tg->nthreads = 1;
    p->tg = tg;
    p->mem = &tg->mem;
    p->tid = (int)syscall(SYS_gettid);
    p->cpu.res_addr = RV_NO_RES;
    p->cpu.proc = (uint64_t)(uintptr_t)p;
    g_group = tg;
    *out = p;
    return 0;
}

void process_free(Process *p)
{
    if (!p)
        return;
    ThreadGroup *tg = p->tg;
    signal_thread_detach(p);
    if (g_group == tg)
        g_group = NULL;
    guestmem_destroy(&tg->mem);
    pthread_mutex_destroy(&tg->lock);
    free(tg);
    free(p);
}

#if defined(__SANITIZE_THREAD__)
/*
 * ThreadSanitizer defaults of every program linking libfvprt (`make SAN=tsan`), compiled in
 * because the test harness runs engines with a clean environment: any report fails the run.
 *
 * Only guest memory is exempt.  The guest's own accesses follow RVWMO: plain loads and
 * stores, AMOs as host atomics, fences as host fences.  A guest release made of
 * `fence rw,w; sw` (C11 atomic_store_explicit(..., release) on RISC-V) is a host fence and a
 * plain store, which ThreadSanitizer does not count as synchronisation, so correctly
 * synchronised guest programs would show races.  The functions named below touch guest
 * memory on the guest's behalf; what they do with the runtime's own state is per thread
 * (the interpreter, its vCPU) or under a lock (the mapping list), and that state is also
 * touched elsewhere, where it is checked.
 */
const char *__tsan_default_options(void);
const char *__tsan_default_options(void)
{
    /* die_after_fork=0: a guest child forked from a threaded process may
     * start threads of its own (thr_fork) */
    return "halt_on_error=1:exitcode=66:second_deadlock_stack=1:die_after_fork=0";
}

const char *__tsan_default_suppressions(void);
const char *__tsan_default_suppressions(void)
{
    return
           "race:interp_run\n"
           "race:rvh_amo*\n"
           "race:rvh_lr_*\n"
           "race:rvh_sc_*\n"
           "race:guest_read_locked\n"
           "race:guest_write_locked\n"
           "race:guest_read_str_locked\n"
           "race:fvp_libc_*\n";
}
#endif

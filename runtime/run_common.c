/*
 * Shared by fvp-run and translated programs (contracts in run_common.h).
 */
#include "runtime/run_common.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/resource.h>
#include <time.h>

double run_clock_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void run_print_stats(const Process *p, const char *prog, double secs, const Native *nat)
{
    /* the first thread's and those of threads that have exited */
    pthread_mutex_lock(&p->tg->lock);
    ExecStats g_copy = p->tg->st_gone, *g = &g_copy;
    uint64_t instret_gone = p->tg->instret_gone;
    pthread_mutex_unlock(&p->tg->lock);
    ExecStats all = p->st, *s = &all;
    s->blocks_executed += g->blocks_executed;
    s->native_entries += g->native_entries;
    s->cache_lookups += g->cache_lookups;
    s->cache_hits += g->cache_hits;
    s->blocks_lifted += g->blocks_lifted;
    s->syscalls += g->syscalls;
    s->polls += g->polls;
    uint64_t instret = p->cpu.instret + instret_gone;
    double insns = (double)instret;
    /* translated without an instruction count (docs D40): only the interpreter's */
    bool part = nat && (nat->mod->flags & FVP_AOT_NO_INSTRET);
    fprintf(stderr,
            "%s: stats: %llu guest instructions%s in %.3f s (%.1f M/s), "
            "%llu blocks executed, %llu lifted, cache hit rate %.2f%%, %llu syscalls",
            prog, (unsigned long long)instret,
            part ? " interpreted (translated code does not count: fvp-xlat --exact-instret)"
                 : "",
            secs, secs > 0 ? insns / secs / 1e6 : 0.0, (unsigned long long)s->blocks_executed,
            (unsigned long long)s->blocks_lifted,
            s->cache_lookups ? 100.0 * (double)s->cache_hits / (double)s->cache_lookups : 0.0,
            (unsigned long long)s->syscalls);
    if (nat) {
        fprintf(stderr, ", %llu native entries, %llu in-place polls",
                (unsigned long long)s->native_entries, (unsigned long long)s->polls);
        if (nat->off)
            fprintf(stderr, " (native code off: %s)", nat->off_why ? nat->off_why : "?");
    }
    fputc('\n', stderr);
}

void run_report(const RunFront *f, const Process *p)
{
    double secs = run_clock_now() - f->t0;
    char err[512];
    if (f->nat && native_write_profile(f->nat, err, sizeof err) != 0)
        fprintf(stderr, "%s: cannot write the profile: %s\n", f->prog, err);
    if (p->stats)
        run_print_stats(p, f->prog, secs, f->nat);
}

void run_group_finish(Process *p, int exit_code, int killed_by)
{
    Process *l = p->tg->leader;
    l->exit_code = exit_code;
    l->killed_by = killed_by;
    run_report(p->tg->finish_arg, l);
    /* _exit, after run_finish flushed stdio: other threads are still
     * running guest code (or, in a child forked on a second thread, exist
     * only in the sanitizers' books), so the host's exit handlers (the
     * sanitizers' leak check among them) have nothing sound to do. */
    _exit(run_finish(l));
}

int run_finish(const Process *p)
{
    fflush(stdout);
    fflush(stderr);
    if (p->killed_by > 0 && p->killed_by < NSIG) {
        /* No host core file of the runtime: the guest's death is what counts. */
        struct rlimit rl = { 0, 0 };
        setrlimit(RLIMIT_CORE, &rl);
        signal(p->killed_by, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, p->killed_by);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(p->killed_by);
        return 128 + p->killed_by; /* not reached for terminating signals */
    }
    return p->exit_code & 0xff;
}

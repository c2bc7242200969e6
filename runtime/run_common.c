/*
 * Shared by fvp-run and translated programs (contracts in run_common.h).
 */
#include "runtime/run_common.h"

#include <signal.h>
#include <stdio.h>
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
    const ExecStats *s = &p->st;
    double insns = (double)p->cpu.instret;
    fprintf(stderr,
            "%s: stats: %llu guest instructions in %.3f s (%.1f M/s), "
            "%llu blocks executed, %llu lifted, cache hit rate %.2f%%, %llu syscalls",
            prog, (unsigned long long)p->cpu.instret, secs,
            secs > 0 ? insns / secs / 1e6 : 0.0, (unsigned long long)s->blocks_executed,
            (unsigned long long)s->blocks_lifted,
            s->cache_lookups ? 100.0 * (double)s->cache_hits / (double)s->cache_lookups : 0.0,
            (unsigned long long)s->syscalls);
    if (nat) {
        fprintf(stderr, ", %llu native entries", (unsigned long long)s->native_entries);
        if (nat->off)
            fprintf(stderr, " (native code off: %s)", nat->off_why ? nat->off_why : "?");
    }
    fputc('\n', stderr);
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

/*
 * fvp-run — run a static RV64 Linux program on x86-64 through the FVP
 * interpreter, as a drop-in replacement for qemu-riscv64.
 *
 *   fvp-run [--strace] [--stats] [--] prog.elf [args...]
 *
 * Exit status: the guest's; a guest killed by a signal kills fvp-run with
 * the same signal.  1 when the program cannot be loaded (one error line),
 * 2 on bad command-line arguments.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "runtime/exec.h"
#include "runtime/interp.h"
#include "runtime/loader.h"
#include "runtime/process.h"
#include "runtime/signal.h"

extern char **environ;

static void run_usage(FILE *f)
{
    fprintf(f, "usage: fvp-run [--strace] [--stats] [--] prog.elf [args...]\n"
               "  Runs a static RV64GC Linux program through the FVP interpreter.\n"
               "  --strace   log every system call to stderr, like strace\n"
               "  --stats    print guest instructions, blocks, cache hit rate and speed at exit\n"
               "  -h, --help this text\n");
}

static double run_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void run_print_stats(const Process *p, double secs)
{
    const ExecStats *s = &p->st;
    double insns = (double)p->cpu.instret;
    fprintf(stderr,
            "fvp-run: stats: %llu guest instructions in %.3f s (%.1f M/s), "
            "%llu blocks executed, %llu lifted, cache hit rate %.2f%%, %llu syscalls\n",
            (unsigned long long)p->cpu.instret, secs, secs > 0 ? insns / secs / 1e6 : 0.0,
            (unsigned long long)s->blocks_executed, (unsigned long long)s->blocks_lifted,
            s->cache_lookups ? 100.0 * (double)s->cache_hits / (double)s->cache_lookups : 0.0,
            (unsigned long long)s->syscalls);
}

/* Ends the host process the way the guest ended. */
static int run_finish(const Process *p)
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

int main(int argc, char **argv)
{
    bool strace = false, stats = false;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--strace") == 0) {
            strace = true;
        } else if (strcmp(a, "--stats") == 0) {
            stats = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            run_usage(stdout);
            return 0;
        } else if (strcmp(a, "--") == 0) {
            first = i + 1;
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "fvp-run: unknown option '%s' (try --help)\n", a);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc) {
        fprintf(stderr, "fvp-run: no program given (try --help)\n");
        return 2;
    }

    Process *p = calloc(1, sizeof *p);
    if (!p) {
        fprintf(stderr, "fvp-run: out of memory\n");
        return 1;
    }
    p->exe_path = argv[first];
    p->strace = strace;
    p->strace_out = stderr;
    p->stats = stats;

    char err[512];
    int status = 1;
    Interp *it = NULL;
    int rc = guestmem_init(&p->mem);
    if (rc != 0) {
        fprintf(stderr, "fvp-run: cannot reserve guest memory: %s\n", strerror(-rc));
        free(p);
        return 1;
    }
    if (loader_load_elf(p, argv[first], err, sizeof err) != 0 ||
        loader_setup_stack(p, argc - first, argv + first, environ, err, sizeof err) != 0) {
        fprintf(stderr, "fvp-run: %s\n", err);
        goto out;
    }
    rc = signal_init(p);
    if (rc != 0) {
        fprintf(stderr, "fvp-run: cannot set up signals: %s\n", strerror(-rc));
        goto out;
    }
    it = interp_new(p);
    if (!it) {
        fprintf(stderr, "fvp-run: out of memory\n");
        goto out;
    }

    double t0 = run_now();
    rc = exec_run(p, it);
    double secs = run_now() - t0;
    if (rc != 0) {
        fprintf(stderr, "fvp-run: %s (guest pc 0x%llx)\n", strerror(-rc),
                (unsigned long long)p->cpu.pc);
        goto out;
    }
    if (stats)
        run_print_stats(p, secs);
    interp_free(it);
    it = NULL;
    guestmem_destroy(&p->mem);
    status = run_finish(p);
    free(p);
    return status;

out:
    interp_free(it);
    guestmem_destroy(&p->mem);
    free(p);
    return status;
}

/*
 * fvp-run — run a static RV64 Linux program on x86-64 through the FVP
 * interpreter, as a drop-in replacement for qemu-riscv64.
 *
 *   fvp-run [--strace] [--stats] [--] prog.elf [args...]
 *
 * Exit status: the guest's; a guest killed by a signal kills fvp-run with
 * the same signal.
 *
 * A guest's execve of an RV64 program comes back here (runtime/exec_guest.h):
 * FVP_EXEC_ELF names the program and argv is the guest's, argv[0] included.  1 when the program cannot be loaded (one error line),
 * 2 on bad command-line arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/exec.h"
#include "runtime/exec_guest.h"
#include "runtime/interp.h"
#include "runtime/loader.h"
#include "runtime/process.h"
#include "runtime/run_common.h"
#include "runtime/signal.h"
#include "runtime/thread.h"

extern char **environ;

static void run_usage(FILE *f)
{
    fprintf(f, "usage: fvp-run [--strace] [--stats] [--] prog.elf [args...]\n"
               "  Runs a static RV64GC Linux program through the FVP interpreter.\n"
               "  --strace   log every system call to stderr, like strace\n"
               "  --stats    print guest instructions, blocks, cache hit rate and speed at exit\n"
               "  -h, --help this text\n");
}

int main(int argc, char **argv)
{
    bool strace = false, stats = false;
    int first = argc;
    char *exec_elf = exec_guest_take();
    if (exec_elf)
        first = 0;
    for (int i = 1; i < argc && !exec_elf; i++) {
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

    Process *p = NULL;
    int rc = process_new(&p);
    if (rc != 0) {
        fprintf(stderr, "fvp-run: cannot reserve guest memory: %s\n", strerror(-rc));
        return 1;
    }
    const char *elf = exec_elf ? exec_elf : argv[first];
    p->exe_path = elf;
    p->strace = strace;
    p->strace_out = stderr;
    p->stats = stats;

    char err[512];
    int status = 1;
    Interp *it = NULL;
    if (loader_load_elf(p, elf, err, sizeof err) != 0 ||
        loader_setup_stack(p, argc - first, argv + first, environ, err, sizeof err) != 0) {
        fprintf(stderr, "fvp-run: %s\n", err);
        goto out;
    }
    rc = signal_init(p);
    if (rc != 0) {
        fprintf(stderr, "fvp-run: cannot set up signals: %s\n", strerror(-rc));
        goto out;
    }
    it = p->interp = interp_new(p);
    if (!it) {
        fprintf(stderr, "fvp-run: out of memory\n");
        goto out;
    }

    RunFront front = { .prog = "fvp-run", .nat = NULL, .t0 = run_clock_now() };
    p->tg->finish = run_group_finish;
    p->tg->finish_arg = &front;
    rc = exec_run(p, it, NULL);
    if (rc != 0) {
        fprintf(stderr, "fvp-run: %s (guest pc 0x%llx)\n", strerror(-rc),
                (unsigned long long)p->cpu.pc);
        goto out;
    }
    /* returns when this was the last thread (else the process ends there) */
    (void)thread_exit(p);
    run_report(&front, p);
    interp_free(it);
    it = NULL;
    status = run_finish(p);
    process_free(p);
    free(exec_elf);
    return status;

out:
    if (__atomic_load_n(&p->tg->nthreads, __ATOMIC_RELAXED) > 1)
        exit(status);   /* other threads still use all of it */
    interp_free(it);
    process_free(p);
    free(exec_elf);
    return status;
}

/*
 * The main of every translated program (fvp-xlat output).  fvp-xlat links
 * libfvprt.a, and crt1's reference to main pulls this object in; fvp-run and
 * the unit tests have their own main and never do.  It runs the guest ELF
 * image embedded in fvp_aot_module (runtime/aot.h) exactly as
 * `fvp-run image args...` would, entering translated code where the module
 * has some.
 *
 * Environment (read here, passed on to the guest unchanged):
 *   FVP_STATS=1      stats line at exit (as fvp-run --stats, plus native entries)
 *   FVP_STRACE=1     log system calls to stderr (as fvp-run --strace)
 *   FVP_NO_NATIVE=1  interpreter only
 *   FVP_CPU_LEVEL=N  take this CPU for x86-64 level N when it is lower than
 *                    the real one (tests of the check below)
 *   FVP_PROFILE=FILE write the guest PCs of blocks that ran in the
 *                    interpreter to FILE (default: fvp-xlat --profile-out)
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "runtime/aot.h"
#include "runtime/exec.h"
#include "runtime/exec_guest.h"
#include "runtime/interp.h"
#include "runtime/loader.h"
#include "runtime/native.h"
#include "runtime/process.h"
#include "runtime/run_common.h"
#include "runtime/signal.h"
#include "runtime/thread.h"

extern char **environ;

/* An environment switch: set, non-empty and not "0". */
static bool aot_env_flag(const char *name)
{
    const char *v = getenv(name);
    return v && v[0] && strcmp(v, "0") != 0;
}

static const char *aot_basename(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* The x86-64 micro-architecture level (1-4) of this CPU, or FVP_CPU_LEVEL when lower. */
static unsigned host_cpu_level(void)
{
    unsigned l = fvp_x86_level();
    const char *v = getenv("FVP_CPU_LEVEL");
    if (v && v[0] >= '1' && v[0] <= '4' && !v[1] && (unsigned)(v[0] - '0') < l)
        l = (unsigned)(v[0] - '0');
    return l;
}

/* Sets up everything exec_run needs: guest memory with the image loaded,
 * the stack, signals, the interpreter and the native table.  0, or 1 after
 * printing one error line. */
static int aot_setup(Process *p, const FvpAotModule *m, const char *prog, int argc,
                     char **argv, const char *exec_elf, Interp **out_it, Native **out_nat)
{
    static char self[PATH_MAX];
    char err[512];
    if (!realpath("/proc/self/exe", self))
        snprintf(self, sizeof self, "%s", argc > 0 ? argv[0] : m->image_name);
    /* The guest's AT_EXECFN is what ours is: the name we were exec'd by. */
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    p->exe_path = execfn ? execfn : self;
    int rc;
    if (exec_elf) {
        /* a guest's execve of another RV64 program (runtime/exec_guest.h) */
        p->exe_path = exec_elf;
        rc = loader_load_elf(p, exec_elf, err, sizeof err);
    } else {
        rc = loader_load_elf_mem(p, m->image, (size_t)m->image_size, m->image_name, self, err,
                                 sizeof err);
    }
    if (rc != 0 || loader_setup_stack(p, argc, argv, environ, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", prog, err);
        return 1;
    }
    rc = signal_init(p);
    if (rc != 0) {
        fprintf(stderr, "%s: cannot set up signals: %s\n", prog, strerror(-rc));
        return 1;
    }
    *out_it = p->interp = interp_new(p);
    if (*out_it && exec_elf)
        return 0;   /* the translated code is for our own image only */
    *out_nat = *out_it ? native_new(p, m) : NULL;
    if (!*out_nat) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    const char *prof = getenv("FVP_PROFILE");
    if (prof && prof[0] && native_set_profile(*out_nat, prof) != 0) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    if (aot_env_flag("FVP_NO_NATIVE"))
        native_disable(*out_nat, "FVP_NO_NATIVE");
    /* Code for a level this CPU lacks would die of SIGILL somewhere: the interpreter runs
     * the program instead (docs D55). */
    unsigned level = host_cpu_level();
    if (m->cpu_level > level) {
        fprintf(stderr, "%s: warning: translated for %s, which needs an x86-64-v%u CPU and "
                        "this one is x86-64-v%u: interpreting (slow); translate again with "
                        "--cpu %s\n",
                prog, m->cpu, (unsigned)m->cpu_level, level, fvp_x86_level_cpu(level));
        native_disable(*out_nat, "the CPU lacks the translation's x86-64 level");
    }
    return 0;
}

int main(int argc, char **argv)
{
    const FvpAotModule *m = &fvp_aot_module;
    const char *prog = aot_basename(argc > 0 && argv[0] ? argv[0] : m->image_name);
    if (m->abi_version != FVP_AOT_ABI_VERSION) {
        fprintf(stderr, "%s: translated for runtime ABI %u, this runtime has ABI %u: "
                        "translate it again with this fvp-xlat\n",
                prog, m->abi_version, FVP_AOT_ABI_VERSION);
        return 1;
    }
    Process *p = NULL;
    int rc = process_new(&p);
    if (rc != 0) {
        fprintf(stderr, "%s: cannot reserve guest memory: %s\n", prog, strerror(-rc));
        return 1;
    }
    p->strace = aot_env_flag("FVP_STRACE");
    p->strace_out = stderr;
    p->stats = aot_env_flag("FVP_STATS");

    Interp *it = NULL;
    Native *nat = NULL;
    int status = 1;
    char *exec_elf = exec_guest_take();
    if (aot_setup(p, m, prog, argc, argv, exec_elf, &it, &nat) != 0)
        goto out;

    RunFront front = { .prog = prog, .nat = nat, .t0 = run_clock_now() };
    p->tg->finish = run_group_finish;
    p->tg->finish_arg = &front;
    p->tg->nat = nat;
    rc = exec_run(p, it, nat);
    if (rc != 0) {
        fprintf(stderr, "%s: %s (guest pc 0x%llx)\n", prog, strerror(-rc),
                (unsigned long long)p->cpu.pc);
        goto out;
    }
    /* returns when this was the last thread (else the process ends there) */
    (void)thread_exit(p);
    /* the profile before anything that can end us: the guest may have died of a signal */
    run_report(&front, p);
    native_free(nat);
    interp_free(it);
    status = run_finish(p);
    process_free(p);
    free(exec_elf);
    return status;

out:
    if (__atomic_load_n(&p->tg->nthreads, __ATOMIC_RELAXED) > 1)
        exit(status);   /* other threads still use all of it */
    native_free(nat);
    interp_free(it);
    process_free(p);
    free(exec_elf);
    return status;
}

/*
 * What the two front ends of the runtime share: fvp-run (runtime/tools/
 * fvp_run.c) and the main of translated programs (runtime/aot_main.c).
 */
#ifndef FVP_RUN_COMMON_H
#define FVP_RUN_COMMON_H

#include "runtime/native.h"
#include "runtime/process.h"

/* What a front end reports at the end, wherever the end happens (the
 * first thread returning from exec_run, or ThreadGroup.finish on another
 * thread). */
typedef struct RunFront {
    const char *prog;      /* name for messages: "fvp-run", the program's */
    Native *nat;           /* translated code (its profile is written), or NULL */
    double t0;             /* run_clock_now() when the guest started */
} RunFront;

/* Writes the profile (when nat has one) and, with p->stats, the stats
 * line; an error writing the profile is one line on stderr. */
void run_report(const RunFront *f, const Process *p);

/* ThreadGroup.finish for both front ends (tg->finish_arg is the RunFront):
 * the leader takes the status, run_report, then the host process ends as
 * the guest did (run_finish, then _exit: no host exit handlers while other
 * threads run).  Does not return. */
void run_group_finish(Process *p, int exit_code, int killed_by) __attribute__((noreturn));

/* Monotonic clock in seconds, for the stats line. */
double run_clock_now(void);

/*
 * Prints the one stats line to stderr, "prog: stats: ...": guest
 * instructions and speed, interpreter blocks, lifted blocks, cache hit rate,
 * syscalls; with nat also native entries and, if it was switched off, why.
 */
void run_print_stats(const Process *p, const char *prog, double secs, const Native *nat);

/*
 * Ends the host process the way the guest ended: flushes stdio, then
 * re-raises the guest's death signal (no core file of the runtime), or
 * returns the exit status to return from main.
 */
int run_finish(const Process *p);

#endif /* FVP_RUN_COMMON_H */

/*
 * What the two front ends of the runtime share: fvp-run (runtime/tools/
 * fvp_run.c) and the main of translated programs (runtime/aot_main.c).
 */
#ifndef FVP_RUN_COMMON_H
#define FVP_RUN_COMMON_H

#include "runtime/native.h"
#include "runtime/process.h"

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

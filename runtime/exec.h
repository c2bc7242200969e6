/*
 * The execution manager: decides who runs the next guest PC (today: the
 * interpreter; with U3 also translated code from the PC table), and turns
 * block exits into system calls, signals and cache flushes.
 */
#ifndef FVP_EXEC_H
#define FVP_EXEC_H

#include "runtime/interp.h"
#include "runtime/process.h"

/*
 * Runs the guest of p from p->cpu.pc until it exits (exit/exit_group, or a
 * signal whose default action ends it).  Returns 0 (p->exit_code and
 * p->killed_by say how it ended), or a negative errno when the host ran out
 * of memory.  Installs the thread's FaultGuard while it runs.
 */
int exec_run(Process *p, Interp *it) __attribute__((warn_unused_result));

#endif /* FVP_EXEC_H */

/*
 * The execution manager: decides who runs the next guest PC (translated
 * code from the PC table when there is some for it, else the interpreter),
 * and turns block exits into system calls, signals and cache flushes.
 */
#ifndef FVP_EXEC_H
#define FVP_EXEC_H

#include "runtime/interp.h"
#include "runtime/native.h"
#include "runtime/process.h"

/*
 * Runs the guest of p from p->cpu.pc until it exits (exit/exit_group, or a
 * signal whose default action ends it).  nat: translated code to enter
 * where it has an entry (NULL: interpreter only, as fvp-run).  Returns 0
 * (p->exit_code and p->killed_by say how it ended), or a negative errno
 * when the host ran out of memory.  Installs the thread's FaultGuard while
 * it runs.
 */
int exec_run(Process *p, Interp *it, Native *nat) __attribute__((warn_unused_result));

#endif /* FVP_EXEC_H */

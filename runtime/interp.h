/*
 * The IR interpreter and its predecode cache.
 *
 * Blocks are lifted from guest memory through the frontend (decode + the
 * one lowering of lifter/riscv64/lower.c), predecoded once into a threaded
 * form (runtime/interp_priv.h) and kept by guest PC; blocks that follow
 * each other are chained without a lookup.  The cache is flushed when guest code may
 * have changed: fence.i (IR_EXIT_SYNC) and any change of executable mappings
 * (GuestMem.code_gen).
 */
#ifndef FVP_INTERP_H
#define FVP_INTERP_H

#include <stdint.h>

#include "ir/ir.h"
#include "runtime/process.h"

typedef struct Interp Interp;

/* A new interpreter for p (its cache is empty).  NULL when out of memory. */
Interp *interp_new(Process *p);
void interp_free(Interp *it);

/* Empties the predecode cache (fence.i, code changes). */
void interp_flush(Interp *it);

/*
 * Runs blocks from c->pc (lifting each first when not cached), one after
 * another, until one of them exits with a reason the caller must handle,
 * max_blocks exits have been taken (0 counts as 1; blocks appended to a
 * trace run on unless max_blocks is 1), a host signal set c->exit_req, or
 * guest code changed.  c must be &p->cpu of the process the
 * interpreter was made for (predecoded operands point into it).  On return
 * *out_next holds the next guest PC and the result is the exit reason:
 *  - IR_EXIT_TRAP: c->pc is the trapping instruction, c->trap_cause and
 *    c->trap_tval say why (the caller raises the guest signal);
 *  - IR_EXIT_SYSCALL: c->pc is the ecall; *out_next the instruction after;
 *  - IR_EXIT_SYNC: the caller flushes and continues at *out_next;
 *  - others: continue at *out_next.
 * c->instret counts every retired instruction.  Guest memory faults do not
 * return: they siglongjmp through the FaultGuard (runtime/signal.h) with
 * c->pc = the faulting instruction and c->instret exact.
 * Returns a negative errno (-ENOMEM) if a block could not be lifted.
 */
int interp_run(Interp *it, RvCpu *c, unsigned max_blocks, uint64_t *out_next);

#endif /* FVP_INTERP_H */

/*
 * Which loop headers of a translated function poll cpu->exit_req (docs D30).
 *
 * A poll is an exit from the loop (to the dispatcher, which delivers the signal), and the
 * header becomes an entry of the PC table so that the dispatcher can come back to it.  Both
 * keep LLVM from optimising the loop (no vectorising with an early exit; every register live
 * into the exit).  A loop needs one only when nothing else bounds how long it can keep a
 * pending signal waiting: a loop with one latch (one block jumping back to the header) whose
 * latch or header leaves it on a condition computed from registers that change in the loop
 * by register arithmetic alone (a counted loop: `for (i = 0; i < n; i++)`, a pointer walked
 * to an end pointer, `while (i != n && a[i] == b[i])` rotated) runs without one (docs D30,
 * D35).  Loops whose exit depends on guest memory (spinning on a flag a signal handler sets,
 * `while (*p)`), with several latches, with calls, ecalls or helper calls that write
 * registers, that come back into the middle of their pc range through blocks outside it
 * without passing a polling header, or that go round through a jump table keep their poll,
 * except that a loop whose every way round makes a call that polls (a translated function
 * checks exit_req at its entry; a system call goes through the dispatcher) needs none of its
 * own (docs D50): a poll's way out writes back every register the function changed, and
 * those write-backs were the biggest part of a program's translated code.
 */
#ifndef FVP_TRANSLATOR_LOOPS_H
#define FVP_TRANSLATOR_LOOPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"
#include "translator/discover.h"

/* What xlat_loop_polls says of a block. */
enum {
    XLAT_LOOP_NONE,     /* no backward edge reaches it */
    XLAT_LOOP_COUNTED,  /* heads a loop that needs no poll */
    XLAT_LOOP_POLL,     /* heads a loop that polls */
    XLAT_LOOP_CALLS,    /* heads a loop that needs no poll of its own: every way round it
                           calls something that polls (XlatPollsAt) */
    XLAT_LOOP_COVERED,  /* heads a loop that needs no poll of its own: every way from it
                           back to it passes another header that polls (docs D53) */
};

/* Whether a direct call to target polls exit_req before any other code runs (a translated
 * function checks it at its entry); ctx: the caller's.  System calls always do (the
 * dispatcher delivers pending signals after each). */
typedef bool XlatPollsAt(const void *ctx, uint64_t target);

/* For every block i of f (ir[i]: its lifted IR), loop[i] = XLAT_LOOP_* (above; CALLS only
 * with polls_at, which says which direct calls poll, docs D50; with it, indirect calls count
 * as polling too, D67), and, when
 * chase is not NULL, chase[i] = the registers (bit r: register r) that a loop containing the
 * block may load from memory, directly or through arithmetic: an address computed from one
 * is a pointer chase, where the clamp of D29 would lengthen the load-to-load latency.
 * Returns -ENOMEM on allocation failure (loop[] then says XLAT_LOOP_POLL wherever a backward
 * edge arrives). */
int xlat_loop_polls(const XlatFunc *f, const IrBlock *const *ir, uint8_t *loop,
                    uint64_t *chase, XlatPollsAt *polls_at, const void *ctx);

/*
 * The registers (bit r: register r, r < 64) that may be read before they are written from
 * the start of each block of f on (live_in[i] for block i; ir[i]: its lifted IR).  Every way
 * out of f reads them all (a call, a return, the dispatcher, a trap, a helper that may trap
 * or reads registers), so a register outside live_in[i] is written again on every way from
 * block i before anything can read it.  (Every bit is set when 1000 passes over the blocks
 * do not reach the fixed point.)
 */
void xlat_live_regs(const XlatFunc *f, const IrBlock *const *ir, uint64_t *live_in);

#endif

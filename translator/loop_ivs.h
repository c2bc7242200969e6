/*
 * Guest accesses at induction addresses, which need no clamp (docs D36, D54).
 *
 * In a loop of a translated function (a natural loop of its block graph, whose roots are
 * the blocks the PC table enters), a register r is an induction register when the loop sets
 * it exactly once, to r plus a constant of magnitude at most XLAT_IV_MAX_STEP, in a block
 * that runs exactly once on every way round (it dominates every block jumping back to the
 * header, and no cycle of the loop avoiding the header passes it), before any branch of that
 * block back into the loop; the loop has no helper that writes registers and no call (a
 * callee could change any register before coming back).  An access whose address is r plus
 * registers the loop does not write plus a constant of magnitude at most XLAT_IV_MAX_OFFSET,
 * in a block that runs exactly once on every way round too, before any branch of its block
 * back into the loop, then moves by exactly the step from one iteration to the next: with
 * the offset `delta = min(v, limit) - v` of its address v computed on every way into the
 * loop but its own ways round (0 for every address an in-space access can have), the first
 * one to leave the guest space faults in a guard (llvm_emit.c).
 */
#ifndef FVP_TRANSLATOR_LOOP_IVS_H
#define FVP_TRANSLATOR_LOOP_IVS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"
#include "translator/discover.h"

enum { XLAT_IV_MAX_STEP = 2048, XLAT_IV_MAX_OFFSET = 2048 };

/* One induction address form of a loop: register reg plus the registers of inv. */
typedef struct XlatIvKey {
    size_t header;  /* block index of the loop's header */
    unsigned reg;   /* the induction register */
    uint64_t inv;   /* registers (bit r: register r) the loop does not write, added to it */
} XlatIvKey;

typedef struct XlatIvs {
    XlatIvKey *keys;
    size_t nkeys;
    int32_t **key_of; /* per block (NULL: none of its accesses): per temp, the key of a
                         load's or store's address temp, or -1 */
    uint32_t *pre, *post; /* per block: its dominator tree interval (0, 0: unreachable) */
    size_t nblocks;
} XlatIvs;

/*
 * Fills out for function f (ir[i]: block i's lifted IR; entry[i]: the PC table or the
 * dispatcher may enter block i).  0 or -ENOMEM (out then holds nothing to use).
 */
int xlat_loop_ivs(const XlatFunc *f, const IrBlock *const *ir, const bool *entry,
                  XlatIvs *out) __attribute__((warn_unused_result));

/* Whether block a dominates block b (a jump from b to a is a way round a's loop). */
bool xlat_ivs_dominates(const XlatIvs *iv, size_t a, size_t b);

void xlat_ivs_free(XlatIvs *iv);

#endif

/*
 * Whether a program can observe the FP environment (docs D31).
 *
 * Translated FP is exact by running every operation as an LLVM constrained intrinsic under
 * an MXCSR that mirrors fcsr (D20), which keeps LLVM from folding, moving or vectorising
 * them.  A program whose code never changes the rounding mode and never looks at the
 * accrued flags cannot tell the difference from plain IEEE operations in round-to-nearest
 * (NaNs stay canonicalised either way), and then the translator emits plain ones.
 *
 * Looked at: every block of the discovered program.  It observes the environment when it
 *  - writes frm, or writes fcsr with anything but a value read from fcsr in the same block;
 *  - reads fflags or fcsr and uses the value for anything but writing it back to fflags or
 *    fcsr in the same block (arithmetic on the way is followed; a compare, branch, store,
 *    address, call or a register still holding an unconsumed copy when the block ends all
 *    count as looking).
 * Reading frm is fine: nothing writes it, so it reads 0 (round to nearest).  Writing fflags
 * is fine: nobody reads them.  The save/restore pairs compilers emit around a quiet compare
 * (frflags a4; flt.d; fsflags a4) therefore pass.  Not seen: code discovered only at run
 * time, and fcsr in a signal handler's ucontext (`fvp-xlat --strict-fp` for those).
 *
 * The same scan says whether the program reads instret: translated code keeps the exact
 * instruction count only then (docs D40; `fvp-xlat --exact-instret` for code found at run
 * time).
 */
#ifndef FVP_TRANSLATOR_FP_OBSERVE_H
#define FVP_TRANSLATOR_FP_OBSERVE_H

#include <stdbool.h>

#include "frontend.h"
#include "ir/ir.h"
#include "translator/discover.h"

/* Whether the RV64 IR block b observes the FP environment (above). */
bool xlat_fp_block_observes(const IrBlock *b);

/* Whether the RV64 IR block b reads the instret CSR (rdinstret; docs D40). */
bool xlat_block_reads_instret(const IrBlock *b);

/* What the blocks of a program can observe; each pc is the first such block. */
typedef struct XlatObserved {
    bool fp;                /* the FP environment (xlat_fp_block_observes) */
    uint64_t fp_pc;
    bool instret;           /* the instruction count (xlat_block_reads_instret) */
    uint64_t instret_pc;
} XlatObserved;

/* Scans every block of prog for what want_fp / want_instret ask (the others stay false).
 * Returns 0 or -ENOMEM. */
int xlat_env_observed(const XlatProgram *prog, const FvpFrontend *fe, const XlatCode *code,
                      bool want_fp, bool want_instret, XlatObserved *out);

#endif

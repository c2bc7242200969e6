/*
 * Native lowering of the RV64 F/D helpers (docs D20, runtime/fpenv.h).
 *
 * The FVP IR keeps one helper call per F/D instruction (the interpreter's
 * exact C code).  When the emitter translates such a call, it first asks
 * xlat_fp_native for an inline equivalent made of LLVM constrained FP
 * intrinsics ("fpexcept.strict": LLVM neither drops, moves, speculates nor
 * folds them), which run under the MXCSR that fvp_fp_enter set from frm
 * and leave their flags there.  The result is bit-exact with the helper:
 * NaN results become the canonical NaN, float->int conversions saturate as
 * RISC-V does, and the one flag x86 misses (fused 0*inf + quiet NaN) is
 * raised by hand.
 *
 * Inline forms exist for: + - * / sqrt, fused multiply-add (when the
 * target has FMA) and single<->double with the dynamic rounding mode;
 * compares; min/max; float->signed int with RTZ (the C cast); signed and
 * 32-bit unsigned int->float with the dynamic mode (exact ones with any
 * valid static mode).  Everything else (static rounding modes, RMM,
 * 64-bit unsigned conversions, fclass) stays a helper call, which the
 * emitter brackets with fvp_fp_leave/fvp_fp_enter (xlat_fp_helper_uses_env).
 */
#ifndef FVP_LLVM_FP_H
#define FVP_LLVM_FP_H

#include <stdbool.h>
#include <stddef.h>

#include <llvm-c/Core.h>

#include "ir/ir.h"

typedef struct XlatFpEnv {
    LLVMModuleRef mod;
    LLVMContextRef ctx;
    LLVMBuilderRef b;
    LLVMAttributeRef a_strictfp;
    LLVMValueRef cpu;     /* the vCPU pointer of the current function */
    bool host_fma;        /* the target CPU has FMA3 */
    bool plain;           /* the program cannot observe the FP environment: plain LLVM
                             FP operations in round-to-nearest (fp_observe.h, D31) */
} XlatFpEnv;

/*
 * The inline equivalent of RV64 helper `helper` (RvHelper) applied to args
 * (the helper's arguments without env; an rm argument must be a constant),
 * built at the builder's position; NULL when there is none for these
 * arguments and the helper must be called.
 */
LLVMValueRef xlat_fp_native(const XlatFpEnv *fe, unsigned helper, LLVMValueRef *args,
                            unsigned nargs);

/* Whether a call of helper with these args reads or changes the FP
 * environment (fflags, frm, the host rounding mode): the F/D helpers and
 * CSR accesses of fflags/frm/fcsr.  *writes_frm: it may change frm. */
bool xlat_fp_helper_uses_env(unsigned helper, LLVMValueRef *args, unsigned nargs,
                             bool *writes_frm);

/*
 * Drops the canonical-NaN selects (of xlat_fp_native) whose value only
 * feeds other constrained FP operations, where a NaN's bits cannot be
 * seen; run after mem2reg, so register round trips are plain bitcasts.
 * Returns how many went.
 */
size_t xlat_fp_prune_canon(LLVMModuleRef mod);

/*
 * Plain FP only (after xlat_fp_prune_canon): a canonicalised result that reaches phis (a
 * register carried round a loop, or to the function's exit) reaches them raw, with an i1
 * twin of each phi saying whether its value came from an FP operation; the NaN test and
 * select then happen where the value is seen (a store, an integer move, the write-back),
 * not in the loop.  Returns how many phis and bitcasts were rewritten.
 */
size_t xlat_fp_defer_canon(LLVMModuleRef mod);

#endif /* FVP_LLVM_FP_H */

/*
 * The host floating-point environment while translated code runs (docs
 * D20).  fvp-xlat lowers most RV64 F/D instructions to native SSE
 * operations (LLVM constrained intrinsics, so nothing is reordered,
 * speculated or folded); they run under an MXCSR that mirrors the guest's
 * fcsr:
 *  - rounding control = frm (RNE/RTZ/RDN/RUP map 1:1; RMM and the reserved
 *    values have no host mode, so native code is never entered, and is
 *    left, while frm >= 4: the interpreter's exact helpers run instead);
 *  - the sticky exception flags collect what the guest's fflags would,
 *    and are folded into cpu->fflags ("harvested") whenever native code
 *    hands control to C code that can look at fflags: the dispatcher, the
 *    FP and CSR helpers, a host fault;
 *  - all exceptions masked, FTZ and DAZ off (RISC-V has neither).
 * x86 and RISC-V raise the same IEEE flags for + - * / sqrt, fused
 * multiply-add (but for 0*inf+qNaN, which the code checks itself), the
 * quiet/signalling compares and float->int conversions, and both detect
 * tininess after rounding, so the harvested flags are exact.
 * Outside native code MXCSR is the host default (FVP_MXCSR_DEFAULT).
 */
#ifndef FVP_FPENV_H
#define FVP_FPENV_H

#include <stdint.h>

#include "runtime/cpu.h"

/* Host default: all exceptions masked, round to nearest, no flags. */
#define FVP_MXCSR_DEFAULT 0x1f80u

/* Before native code runs: MXCSR = default flags-clear, rounding = frm.
 * Returns 0, or 1 (MXCSR left at the default) when frm has no host mode
 * (>= 4): the caller must not run native FP code then. */
uint32_t fvp_fp_enter(RvCpu *c);

/* After native code: ORs the raised host flags into c->fflags and resets
 * MXCSR to the default. */
void fvp_fp_leave(RvCpu *c);

/* The fflags bits of the exception flags in an MXCSR value (Intel SDM
 * vol. 1 §10.2.3: IE 0, DE 1, ZE 2, OE 3, UE 4, PE 5; DE has no RISC-V
 * counterpart). */
static inline uint32_t fvp_fp_mxcsr_fflags(uint32_t m)
{
    return ((m & 0x01) ? RV_FFLAG_NV : 0) | ((m & 0x04) ? RV_FFLAG_DZ : 0) |
           ((m & 0x08) ? RV_FFLAG_OF : 0) | ((m & 0x10) ? RV_FFLAG_UF : 0) |
           ((m & 0x20) ? RV_FFLAG_NX : 0);
}

/* Resets MXCSR to the default (start of a guest run). */
void fvp_fp_reset(void);

#endif /* FVP_FPENV_H */

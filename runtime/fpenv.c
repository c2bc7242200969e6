/*
 * Host floating-point environment for native code (contract in fpenv.h).
 * MXCSR layout: Intel SDM vol. 1 §10.2.3 (flags IE 0, DE 1, ZE 2, OE 3,
 * UE 4, PE 5; masks 12:7; RC 14:13: 0 nearest, 1 down, 2 up, 3 zero).
 */
#include "runtime/fpenv.h"

#if defined(__x86_64__)
static uint32_t mxcsr_get(void)
{
    return __builtin_ia32_stmxcsr();
}

static void mxcsr_set(uint32_t v)
{
    __builtin_ia32_ldmxcsr(v);
}
#else
/* Other hosts run no native code; the environment is never touched. */
static uint32_t mxcsr_get(void)
{
    return FVP_MXCSR_DEFAULT;
}

static void mxcsr_set(uint32_t v)
{
    (void)v;
}
#endif

uint32_t fvp_fp_enter(RvCpu *c)
{
    /* frm RNE RTZ RDN RUP -> RC */
    static const uint32_t rc[4] = { 0, 3, 1, 2 };
    if (c->frm >= 4) {
        mxcsr_set(FVP_MXCSR_DEFAULT);
        return 1;
    }
    mxcsr_set(FVP_MXCSR_DEFAULT | rc[c->frm] << 13);
    return 0;
}

void fvp_fp_leave(RvCpu *c)
{
    uint32_t m = mxcsr_get();
    if (m & 0x3d)
        c->fflags |= fvp_fp_mxcsr_fflags(m);
    mxcsr_set(FVP_MXCSR_DEFAULT);
}

void fvp_fp_reset(void)
{
    mxcsr_set(FVP_MXCSR_DEFAULT);
}

/*
 * RV64 F and D helpers (RISC-V unpriv 20191213 ch. 11, 12): the FP
 * operations whose rounding mode or accrued flags FVP IR cannot express.
 * Contracts: lifter/riscv64/rv64_helpers.def.
 *
 * How results are made exact:
 *  - RNE/RTZ/RDN/RUP: the host's SSE unit (FMA instructions, or glibc's
 *    software fma/fmaf, correctly rounded in every mode, on hosts without
 *    them) under the guest's rounding mode, set in MXCSR (or with
 *    fesetround) and restored afterwards; the host's exception flags map
 *    1:1 onto fflags.  x86 detects tininess after rounding, like RISC-V
 *    (§11.6), so UF can be taken from the host.  Operands and results go
 *    through volatile objects so the compiler cannot move the operation
 *    across the fenv calls (this file is built with -frounding-math
 *    -fsignaling-nans, so nothing is constant-folded either).
 *  - RMM (ties to max magnitude) has no host mode.  The operation is done
 *    on x87 80-bit long doubles (64-bit significand, exponent range wide
 *    enough that no float/double operation can overflow or underflow in it)
 *    in round-towards-zero, and an inexact result gets its lowest bit set
 *    ("round to odd", sticky jamming).  A round-to-odd value with at least
 *    p + 2 bits rounds to p bits exactly as the infinitely precise value
 *    would (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
 *    proved algorithms using rounding to odd", IEEE TC 2008); 64 >= 53 + 2.
 *    The final rounding to single/double (ties away, subnormals, overflow,
 *    tininess after rounding) is done in software by rmm_round().
 *  - Everything without rounding (min/max, compares, class, NaN handling,
 *    float -> int saturation) is computed on the bits directly.
 *  - NaN results are replaced by the canonical NaN (§11.3); x86 would give
 *    the default NaN 0xffc00000 or propagate a payload.
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "runtime/cpu.h"
#include "runtime/fpenv.h"
#include "riscv64/rv64_helpers.h"

enum { RM_RNE = 0, RM_RTZ = 1, RM_RDN = 2, RM_RUP = 3, RM_RMM = 4, RM_DYN = 7 };

#define F32_CANON 0x7fc00000u
#define F64_CANON 0x7ff8000000000000ull

/* Bit access for one format W (f32, f64; C type T, bits U): W_bits and
 * W_from reinterpret, W_is_nan / W_is_snan classify the bits (a NaN has the
 * exponent all ones and a non-zero fraction; QUIET is the quiet bit). */
#define DEF_FMT_BITS(W, T, U, ABS, INF, QUIET)                                 \
    static U W##_bits(T f)                                                     \
    {                                                                          \
        U u;                                                                   \
        memcpy(&u, &f, sizeof u);                                              \
        return u;                                                              \
    }                                                                          \
    static T W##_from(U u)                                                     \
    {                                                                          \
        T f;                                                                   \
        memcpy(&f, &u, sizeof f);                                              \
        return f;                                                              \
    }                                                                          \
    static int W##_is_nan(U u)                                                 \
    {                                                                          \
        return (u & ABS) > INF;                                                \
    }                                                                          \
    static int W##_is_snan(U u)                                                \
    {                                                                          \
        return W##_is_nan(u) && !(u & QUIET);                                  \
    }

DEF_FMT_BITS(f32, float, uint32_t, 0x7fffffffu, 0x7f800000u, 0x00400000u)
DEF_FMT_BITS(f64, double, uint64_t, 0x7fffffffffffffffull, 0x7ff0000000000000ull,
             0x0008000000000000ull)

/* The effective rounding mode of rm (§11.2): the static field, or frm for
 * rm = 7.  Reserved modes raise illegal instruction and return -1. */
static int fp_rm(RvCpu *c, uint32_t rm)
{
    if (rm == RM_DYN)
        rm = c->frm;
    if (rm > RM_RMM) {
        rv_cpu_raise(c, RV_CAUSE_ILLEGAL_INSN, 0);
        return -1;
    }
    return (int)rm;
}

/* ---- host floating-point environment ---------------------------------- */

/*
 * Two ways to run an operation under the guest's rounding mode:
 *  - host_begin/host_end: C99 fenv.  glibc's x86-64 fesetround sets both
 *    the x87 control word and MXCSR, and fetestexcept reads both, so this
 *    is right for x87 long double code (the RMM path) and for library
 *    calls (fma/fmaf, which may be software on hosts without FMA and then
 *    read the mode with fegetround, i.e. from the x87 control word).
 *  - sse_begin/sse_end: on x86-64 only MXCSR is switched, a few cycles
 *    instead of several library calls; used for inline SSE operations
 *    (+ - * / sqrt and int/float conversions).  FTZ and DAZ are cleared
 *    for the operation: RISC-V has neither.  Other hosts use fenv.
 */
typedef struct FpHost {
    int saved_round;
    unsigned saved_csr;
} FpHost;

static const int host_mode[] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD,
                                 FE_TOWARDZERO /* RMM: RTZ + round to odd */ };

static void host_begin(FpHost *h, int rm)
{
    h->saved_round = fegetround();
    feclearexcept(FE_ALL_EXCEPT);
    fesetround(host_mode[rm]);
}

/* Ends a host_begin computation: restores the rounding mode, returns the
 * raised exceptions as fflags bits. */
static uint32_t host_end(FpHost *h)
{
    int ex = fetestexcept(FE_ALL_EXCEPT);
    fesetround(h->saved_round);
    feclearexcept(FE_ALL_EXCEPT);
    uint32_t fl = 0;
    if (ex & FE_INEXACT)
        fl |= RV_FFLAG_NX;
    if (ex & FE_UNDERFLOW)
        fl |= RV_FFLAG_UF;
    if (ex & FE_OVERFLOW)
        fl |= RV_FFLAG_OF;
    if (ex & FE_DIVBYZERO)
        fl |= RV_FFLAG_DZ;
    if (ex & FE_INVALID)
        fl |= RV_FFLAG_NV;
    return fl;
}

#if defined(__x86_64__) && defined(__SSE__)
/* MXCSR (Intel SDM vol. 1 §10.2.3): flags IE 0, DE 1, ZE 2, OE 3, UE 4,
 * PE 5; DAZ 6; RC 14:13 (0 nearest, 1 down, 2 up, 3 towards zero); FTZ 15. */
static void sse_begin(FpHost *h, int rm)
{
    static const unsigned rc[] = { 0, 3, 1, 2, 3 };
    h->saved_csr = __builtin_ia32_stmxcsr();
    unsigned csr = (h->saved_csr & ~(0x3fu | 0x40u | 0x6000u | 0x8000u)) | (rc[rm] << 13);
    __builtin_ia32_ldmxcsr(csr);
}

static uint32_t sse_end(FpHost *h)
{
    unsigned ex = __builtin_ia32_stmxcsr();
    __builtin_ia32_ldmxcsr(h->saved_csr);
    return fvp_fp_mxcsr_fflags(ex);
}
/* Hardware FMA, when the host has it (then glibc's fma() is that same
 * instruction too): an inline vfmadd, run under sse_begin/sse_end like the
 * other SSE operations instead of the slow fenv calls. */
__attribute__((target("fma"))) static float fma_hw_s(float a, float b, float c)
{
    return __builtin_fmaf(a, b, c);
}

__attribute__((target("fma"))) static double fma_hw_d(double a, double b, double c)
{
    return __builtin_fma(a, b, c);
}

static int host_has_fma(void)
{
    static int has = -1;
    if (has < 0)
        has = __builtin_cpu_supports("fma") ? 1 : 0;
    return has;
}
#else
static void sse_begin(FpHost *h, int rm)
{
    host_begin(h, rm);
}

static uint32_t sse_end(FpHost *h)
{
    return host_end(h);
}

static int host_has_fma(void)
{
    return 0;
}

static float fma_hw_s(float a, float b, float c)
{
    return fmaf(a, b, c);
}

static double fma_hw_d(double a, double b, double c)
{
    return fma(a, b, c);
}
#endif

/* ---- RMM: software rounding of an x87 long double ----------------------- */

typedef struct FpFormat {
    int p;      /* significand bits including the hidden one */
    int emin;   /* exponent of the smallest normal */
    int emax;   /* exponent of the largest finite */
} FpFormat;

static const FpFormat fmt_s = { 24, -126, 127 };
static const FpFormat fmt_d = { 53, -1022, 1023 };

/*
 * Rounds the finite non-zero long double x to format f with ties away from
 * zero (IEEE 754 roundTiesToAway); `odd` says x was computed in RTZ and was
 * inexact (its lowest bit is then forced to 1: round to odd).  Returns the
 * raw bits of the result and ORs NX/UF/OF into *fl.  Tininess is detected
 * after rounding (§11.6): the result is tiny when x rounded to p bits with
 * an unbounded exponent is below 2^emin.
 */
static uint64_t rmm_round(long double x, int odd, const FpFormat *f, uint32_t *fl)
{
    struct { uint64_t m; uint16_t se; } raw; /* x87 extended layout */
    memcpy(&raw, &x, 10);
    uint64_t m = raw.m | (uint64_t)(odd != 0);
    uint64_t sign = (uint64_t)(raw.se >> 15) << (f->p == 24 ? 31 : 63);
    int e = (int)(raw.se & 0x7fff) - 16383; /* x in [2^e, 2^(e+1)) */
    int p = f->p;

    /* Tininess after rounding (RMM rounds up iff the first dropped bit is 1). */
    int tiny = 0;
    if (e < f->emin - 1)
        tiny = 1;
    else if (e == f->emin - 1) {
        uint64_t r = (m >> (64 - p)) + ((m >> (63 - p)) & 1);
        tiny = r != (1ull << p);
    }

    int kept = e >= f->emin ? p : p - (f->emin - e);
    uint64_t q;
    int inexact;
    if (kept >= 1) {
        int sh = 64 - kept;
        q = (m >> sh) + ((m >> (sh - 1)) & 1);
        inexact = (m & ((1ull << sh) - 1)) != 0;
    } else {
        /* kept == 0: x is in [2^(emin-p), 2^(emin-p+1)): at least half the
         * smallest subnormal, so it rounds away to it. */
        q = kept == 0 ? 1 : 0;
        inexact = 1;
    }

    uint64_t bits;
    if (kept == p) {
        if (q == (1ull << p)) {
            q >>= 1;
            e++;
        }
        if (e > f->emax) {
            *fl |= RV_FFLAG_OF | RV_FFLAG_NX;
            uint64_t inf = f->p == 24 ? 0x7f800000ull : 0x7ff0000000000000ull;
            return sign | inf;
        }
        int bias = -f->emin + 1;
        bits = ((uint64_t)(e + bias) << (p - 1)) | (q & ((1ull << (p - 1)) - 1));
    } else {
        /* Subnormal encoding: exponent field 0, fraction q; a carry to
         * 2^(p-1) lands exactly on the smallest normal's encoding. */
        bits = q;
    }
    if (inexact)
        *fl |= RV_FFLAG_NX | (tiny ? RV_FFLAG_UF : 0);
    return sign | bits;
}

/* Finishes an RMM result: NaN -> canonical, zero/inf as is, else rounded. */
static uint64_t rmm_finish(long double r, uint32_t hostfl, const FpFormat *f, uint32_t *fl)
{
    *fl |= hostfl & (RV_FFLAG_NV | RV_FFLAG_DZ);
    if (isnan(r))
        return f->p == 24 ? F32_CANON : F64_CANON;
    if (r == 0 || isinf(r)) {
        if (f->p == 24)
            return f32_bits((float)r);
        return f64_bits((double)r);
    }
    return rmm_round(r, (hostfl & RV_FFLAG_NX) != 0, f, fl);
}

/* ---- arithmetic ----------------------------------------------------------- */

typedef enum FpOp { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA } FpOp;

/* 0 * inf in a fused multiply-add is invalid even when the addend is a quiet
 * NaN (§11.6); x86 FMA does not signal that case. */
static int fma_zero_inf(long double a, long double b)
{
    return (a == 0 && isinf(b)) || (isinf(a) && b == 0);
}

/* op(a, b, c) on long doubles in the current (RTZ) mode. */
static long double ld_op(FpOp op, long double a, long double b, long double c)
{
    volatile long double va = a, vb = b, vc = c, r;
    switch (op) {
    case OP_ADD: r = va + vb; break;
    case OP_SUB: r = va - vb; break;
    case OP_MUL: r = va * vb; break;
    case OP_DIV: r = va / vb; break;
    case OP_SQRT: r = sqrtl(va); break;
    default: r = fmal(va, vb, vc); break;
    }
    return r;
}

/*
 * arith_<s>(c, op, a, b, x, rm): op on one format under rm, NaN results
 * canonical, flags accrued into fflags.  Generated once per format: s is the
 * helper suffix (s, d), W the bit-access prefix (f32, f64) and CANON its
 * canonical NaN, T/U the C and bit types, SQRT/FMA the libm functions.
 */
#define DEF_ARITH(s, W, CANON, T, U, SQRT, FMA)                                \
    static T arith_##s(RvCpu *c, FpOp op, T a, T b, T x, uint32_t rm)          \
    {                                                                          \
        int m = fp_rm(c, rm);                                                  \
        if (m < 0)                                                             \
            return 0;                                                          \
        FpHost h;                                                              \
        uint32_t fl = 0;                                                       \
        U bits;                                                                \
        if (m == RM_RMM) {                                                     \
            host_begin(&h, m);                                                 \
            long double r = ld_op(op, a, b, x);                                \
            uint32_t hf = host_end(&h);                                        \
            bits = (U)rmm_finish(r, hf, &fmt_##s, &fl);                        \
        } else {                                                               \
            volatile T va = a, vb = b, vx = x, r;                              \
            int lib = op == OP_FMA && !host_has_fma(); /* software fma: fenv */ \
            if (lib)                                                           \
                host_begin(&h, m);                                             \
            else                                                               \
                sse_begin(&h, m);                                              \
            switch (op) {                                                      \
            case OP_ADD: r = va + vb; break;                                   \
            case OP_SUB: r = va - vb; break;                                   \
            case OP_MUL: r = va * vb; break;                                   \
            case OP_DIV: r = va / vb; break;                                   \
            case OP_SQRT: r = SQRT(va); break;                                 \
            default: r = lib ? FMA(va, vb, vx) : fma_hw_##s(va, vb, vx); break; \
            }                                                                  \
            fl = lib ? host_end(&h) : sse_end(&h);                             \
            bits = W##_bits(r);                                                \
        }                                                                      \
        if (op == OP_FMA && fma_zero_inf(a, b))                                \
            fl |= RV_FFLAG_NV;                                                 \
        if (W##_is_nan(bits))                                                  \
            bits = CANON;                                                      \
        c->fflags |= fl;                                                       \
        return W##_from(bits);                                                 \
    }

DEF_ARITH(s, f32, F32_CANON, float, uint32_t, sqrtf, fmaf)
DEF_ARITH(d, f64, F64_CANON, double, uint64_t, sqrt, fma)

/* ---- min / max / compare / class ---------------------------------------- */

/* IEEE 754-2019 minimumNumber / maximumNumber (§11.6, F 2.2). */
static uint64_t minmax(RvCpu *c, uint64_t a, uint64_t b, int dbl, int is_max)
{
    int an = dbl ? f64_is_nan(a) : f32_is_nan((uint32_t)a);
    int bn = dbl ? f64_is_nan(b) : f32_is_nan((uint32_t)b);
    int as = dbl ? f64_is_snan(a) : f32_is_snan((uint32_t)a);
    int bs = dbl ? f64_is_snan(b) : f32_is_snan((uint32_t)b);
    if (as || bs)
        c->fflags |= RV_FFLAG_NV;
    if (an && bn)
        return dbl ? F64_CANON : F32_CANON;
    if (an)
        return b;
    if (bn)
        return a;
    double da = dbl ? f64_from(a) : f32_from((uint32_t)a);
    double db = dbl ? f64_from(b) : f32_from((uint32_t)b);
    if (da == db) {
        /* equal, possibly +0 and -0: the sign bit decides */
        int aneg = signbit(da) != 0;
        return is_max ? (aneg ? b : a) : (aneg ? a : b);
    }
    return (da < db) != is_max ? a : b;
}

/* Compare: kind 0 eq (quiet), 1 lt, 2 le (signaling) (§11.8). */
static uint64_t fcmp(RvCpu *c, uint64_t a, uint64_t b, int dbl, int kind)
{
    int an = dbl ? f64_is_nan(a) : f32_is_nan((uint32_t)a);
    int bn = dbl ? f64_is_nan(b) : f32_is_nan((uint32_t)b);
    if (an || bn) {
        int snan = dbl ? (f64_is_snan(a) || f64_is_snan(b))
                       : (f32_is_snan((uint32_t)a) || f32_is_snan((uint32_t)b));
        if (kind != 0 || snan)
            c->fflags |= RV_FFLAG_NV;
        return 0;
    }
    double da = dbl ? f64_from(a) : f32_from((uint32_t)a);
    double db = dbl ? f64_from(b) : f32_from((uint32_t)b);
    switch (kind) {
    case 0: return da == db;
    case 1: return da < db;
    default: return da <= db;
    }
}

/* fclass bits (§11.9, table 11.5). */
static uint64_t fclass(int neg, int exp_max, int exp_zero, int frac_zero, int quiet)
{
    if (exp_max) {
        if (frac_zero)
            return neg ? 1u << 0 : 1u << 7;
        return quiet ? 1u << 9 : 1u << 8;
    }
    if (exp_zero) {
        if (frac_zero)
            return neg ? 1u << 3 : 1u << 4;
        return neg ? 1u << 2 : 1u << 5;
    }
    return neg ? 1u << 1 : 1u << 6;
}

/* ---- conversions to integer ---------------------------------------------- */

/* x rounded to an integral value per rm (exact functions, no flags). */
static double round_integral(double x, int rm)
{
    switch (rm) {
    case RM_RNE: return roundeven(x);
    case RM_RTZ: return trunc(x);
    case RM_RDN: return floor(x);
    case RM_RUP: return ceil(x);
    default: return round(x); /* RMM: halfway cases away from zero */
    }
}

typedef enum IntKind { K_W, K_WU, K_L, K_LU } IntKind;

/*
 * x (exact double; `nan` says the source was NaN) to an integer per rm with
 * saturation (§11.7, table 11.4): NaN and +out of range -> maximum,
 * -out of range -> minimum, with NV and no NX; else NX when inexact.
 */
static uint64_t cvt_to_int(RvCpu *c, double x, int nan, uint32_t rm, IntKind k)
{
    int m = fp_rm(c, rm);
    if (m < 0)
        return 0;
    static const uint64_t maxv[] = { INT32_MAX, UINT32_MAX, INT64_MAX, UINT64_MAX };
    static const uint64_t minv[] = { (uint64_t)(int64_t)INT32_MIN, 0,
                                     (uint64_t)INT64_MIN, 0 };
    if (nan) {
        c->fflags |= RV_FFLAG_NV;
        return maxv[k];
    }
    double r = round_integral(x, m);
    double lo, hi_excl; /* valid iff lo <= r < hi_excl */
    switch (k) {
    case K_W: lo = -2147483648.0; hi_excl = 2147483648.0; break;
    case K_WU: lo = 0.0; hi_excl = 4294967296.0; break;
    case K_L: lo = -9223372036854775808.0; hi_excl = 9223372036854775808.0; break;
    default: lo = 0.0; hi_excl = 18446744073709551616.0; break;
    }
    if (!(r >= lo)) {
        c->fflags |= RV_FFLAG_NV;
        return minv[k];
    }
    if (!(r < hi_excl)) {
        c->fflags |= RV_FFLAG_NV;
        return maxv[k];
    }
    if (r != x)
        c->fflags |= RV_FFLAG_NX;
    if (k == K_W || k == K_L)
        return (uint64_t)(int64_t)r;
    return (uint64_t)r;
}

/* ---- conversions from integer --------------------------------------------- */

/* v (signed when sgn) to single or double per rm, NX when inexact. */
static uint64_t cvt_from_int(RvCpu *c, uint64_t v, int sgn, int dbl, uint32_t rm)
{
    int m = fp_rm(c, rm);
    if (m < 0)
        return 0;
    FpHost h;
    uint32_t fl = 0;
    uint64_t bits;
    if (m == RM_RMM) {
        long double x = sgn ? (long double)(int64_t)v : (long double)v; /* exact */
        if (x == 0)
            bits = 0;
        else
            bits = rmm_round(x, 0, dbl ? &fmt_d : &fmt_s, &fl);
    } else {
        volatile int64_t vs = (int64_t)v;
        volatile uint64_t vu = v;
        sse_begin(&h, m);
        if (dbl) {
            volatile double r = sgn ? (double)vs : (double)vu;
            fl = sse_end(&h);
            bits = f64_bits(r);
        } else {
            volatile float r = sgn ? (float)vs : (float)vu;
            fl = sse_end(&h);
            bits = f32_bits(r);
        }
    }
    c->fflags |= fl;
    return bits;
}

/* ==== the helpers ========================================================= */

/*
 * The helpers whose code is the same for F and D, generated once per format
 * (s is the suffix, W the bit-access prefix, T/U the C and bit types, DBL the
 * format flag of minmax/fcmp/cvt_from_int).  Contracts in rv64_helpers.def.
 *  - arithmetic (§11.6, §12.3): rvh_fadd_<s> fsub fmul fdiv fsqrt; the fused
 *    forms fmadd fmsub fnmsub fnmadd, where the negations are exact, so
 *    fma(-a, b, -c) is -(a*b)-c with one rounding in every mode;
 *  - rvh_fmin_<s> fmax, rvh_feq_<s> flt fle;
 *  - rvh_fcvt_{w,wu,l,lu}_<s> (to integer), rvh_fcvt_<s>_{w,wu,l,lu}.
 */
#define DEF_FP_HELPERS(s, W, T, U, DBL)                                        \
    T rvh_fadd_##s(void *env, T a, T b, uint32_t rm)                           \
    {                                                                          \
        return arith_##s(env, OP_ADD, a, b, 0, rm);                            \
    }                                                                          \
    T rvh_fsub_##s(void *env, T a, T b, uint32_t rm)                           \
    {                                                                          \
        return arith_##s(env, OP_SUB, a, b, 0, rm);                            \
    }                                                                          \
    T rvh_fmul_##s(void *env, T a, T b, uint32_t rm)                           \
    {                                                                          \
        return arith_##s(env, OP_MUL, a, b, 0, rm);                            \
    }                                                                          \
    T rvh_fdiv_##s(void *env, T a, T b, uint32_t rm)                           \
    {                                                                          \
        return arith_##s(env, OP_DIV, a, b, 0, rm);                            \
    }                                                                          \
    T rvh_fsqrt_##s(void *env, T a, uint32_t rm)                               \
    {                                                                          \
        return arith_##s(env, OP_SQRT, a, 0, 0, rm);                           \
    }                                                                          \
    T rvh_fmadd_##s(void *env, T a, T b, T c, uint32_t rm)                     \
    {                                                                          \
        return arith_##s(env, OP_FMA, a, b, c, rm);                            \
    }                                                                          \
    T rvh_fmsub_##s(void *env, T a, T b, T c, uint32_t rm)                     \
    {                                                                          \
        return arith_##s(env, OP_FMA, a, b, -c, rm);                           \
    }                                                                          \
    T rvh_fnmsub_##s(void *env, T a, T b, T c, uint32_t rm)                    \
    {                                                                          \
        return arith_##s(env, OP_FMA, -a, b, c, rm);                           \
    }                                                                          \
    T rvh_fnmadd_##s(void *env, T a, T b, T c, uint32_t rm)                    \
    {                                                                          \
        return arith_##s(env, OP_FMA, -a, b, -c, rm);                          \
    }                                                                          \
    T rvh_fmin_##s(void *env, T a, T b)                                        \
    {                                                                          \
        return W##_from((U)minmax(env, W##_bits(a), W##_bits(b), DBL, 0));     \
    }                                                                          \
    T rvh_fmax_##s(void *env, T a, T b)                                        \
    {                                                                          \
        return W##_from((U)minmax(env, W##_bits(a), W##_bits(b), DBL, 1));     \
    }                                                                          \
    uint64_t rvh_feq_##s(void *env, T a, T b)                                  \
    {                                                                          \
        return fcmp(env, W##_bits(a), W##_bits(b), DBL, 0);                    \
    }                                                                          \
    uint64_t rvh_flt_##s(void *env, T a, T b)                                  \
    {                                                                          \
        return fcmp(env, W##_bits(a), W##_bits(b), DBL, 1);                    \
    }                                                                          \
    uint64_t rvh_fle_##s(void *env, T a, T b)                                  \
    {                                                                          \
        return fcmp(env, W##_bits(a), W##_bits(b), DBL, 2);                    \
    }                                                                          \
    uint32_t rvh_fcvt_w_##s(void *env, T a, uint32_t rm)                       \
    {                                                                          \
        return (uint32_t)cvt_to_int(env, a, W##_is_nan(W##_bits(a)), rm, K_W); \
    }                                                                          \
    uint32_t rvh_fcvt_wu_##s(void *env, T a, uint32_t rm)                      \
    {                                                                          \
        return (uint32_t)cvt_to_int(env, a, W##_is_nan(W##_bits(a)), rm, K_WU); \
    }                                                                          \
    uint64_t rvh_fcvt_l_##s(void *env, T a, uint32_t rm)                       \
    {                                                                          \
        return cvt_to_int(env, a, W##_is_nan(W##_bits(a)), rm, K_L);           \
    }                                                                          \
    uint64_t rvh_fcvt_lu_##s(void *env, T a, uint32_t rm)                      \
    {                                                                          \
        return cvt_to_int(env, a, W##_is_nan(W##_bits(a)), rm, K_LU);          \
    }                                                                          \
    T rvh_fcvt_##s##_w(void *env, uint32_t a, uint32_t rm)                     \
    {                                                                          \
        uint64_t v = (uint64_t)(int64_t)(int32_t)a;                            \
        return W##_from((U)cvt_from_int(env, v, 1, DBL, rm));                  \
    }                                                                          \
    T rvh_fcvt_##s##_wu(void *env, uint32_t a, uint32_t rm)                    \
    {                                                                          \
        return W##_from((U)cvt_from_int(env, a, 0, DBL, rm));                  \
    }                                                                          \
    T rvh_fcvt_##s##_l(void *env, uint64_t a, uint32_t rm)                     \
    {                                                                          \
        return W##_from((U)cvt_from_int(env, a, 1, DBL, rm));                  \
    }                                                                          \
    T rvh_fcvt_##s##_lu(void *env, uint64_t a, uint32_t rm)                    \
    {                                                                          \
        return W##_from((U)cvt_from_int(env, a, 0, DBL, rm));                  \
    }

DEF_FP_HELPERS(s, f32, float, uint32_t, 0)
DEF_FP_HELPERS(d, f64, double, uint64_t, 1)

/* fclass (§11.9, §12.7): the fields differ in width between the formats. */
uint64_t rvh_fclass_s(void *env, float a)
{
    (void)env;
    uint32_t u = f32_bits(a);
    uint32_t e = (u >> 23) & 0xff, fr = u & 0x7fffff;
    return fclass(u >> 31, e == 0xff, e == 0, fr == 0, (u >> 22) & 1);
}

uint64_t rvh_fclass_d(void *env, double a)
{
    (void)env;
    uint64_t u = f64_bits(a);
    uint64_t e = (u >> 52) & 0x7ff, fr = u & 0xfffffffffffffull;
    return fclass((int)(u >> 63), e == 0x7ff, e == 0, fr == 0, (u >> 51) & 1);
}

/* double -> single (§12.5): NaN -> canonical (NV if signaling), else
 * rounded per rm with OF/UF/NX. */
float rvh_fcvt_s_d(void *env, double a, uint32_t rm)
{
    RvCpu *c = env;
    int m = fp_rm(c, rm);
    if (m < 0)
        return 0;
    uint64_t u = f64_bits(a);
    if (f64_is_nan(u)) {
        if (f64_is_snan(u))
            c->fflags |= RV_FFLAG_NV;
        return f32_from(F32_CANON);
    }
    uint32_t fl = 0, bits;
    if (m == RM_RMM) {
        if (a == 0 || isinf(a))
            bits = f32_bits((float)a); /* exact */
        else
            bits = (uint32_t)rmm_round(a, 0, &fmt_s, &fl);
    } else {
        FpHost h;
        volatile double va = a;
        sse_begin(&h, m);
        volatile float r = (float)va;
        fl = sse_end(&h);
        bits = f32_bits(r);
    }
    c->fflags |= fl;
    return f32_from(bits);
}

/* single -> double, exact (§12.5): NaN -> canonical, NV if signaling. */
double rvh_fcvt_d_s(void *env, float a, uint32_t rm)
{
    RvCpu *c = env;
    if (fp_rm(c, rm) < 0)
        return 0;
    uint32_t u = f32_bits(a);
    if (f32_is_nan(u)) {
        if (f32_is_snan(u))
            c->fflags |= RV_FFLAG_NV;
        return f64_from(F64_CANON);
    }
    volatile float va = a;
    return (double)va;
}

/*
 * Native lowering of the RV64 F/D helpers (contract in llvm_fp.h; the
 * helpers' semantics in lifter/riscv64/rv64_helpers.def).
 */
#include "translator/llvm_fp.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "riscv64/rv64_helpers.h"
#include "runtime/cpu.h"

#include <stdlib.h>

enum { RM_RTZ = 1, RM_RMM = 4, RM_DYN = 7 };

typedef enum FpnKind {
    FPN_NONE,
    FPN_ARITH,   /* op: the constrained intrinsic's name */
    FPN_FMA,     /* neg: FPN_NEG_* */
    FPN_CMP,     /* op: "fcmp" (quiet) or "fcmps" (signalling); pred */
    FPN_MINMAX,  /* max */
    FPN_F2I,     /* float -> signed int, RTZ only */
    FPN_I2F,     /* int -> float; uns: 32-bit unsigned source; exact */
    FPN_FF,      /* single <-> double; exact: widening */
} FpnKind;

enum { FPN_NEG_PROD = 1, FPN_NEG_ADD = 2 };

typedef struct FpNative {
    FpnKind kind;
    const char *op, *pred;
    unsigned neg;
    bool max, uns, exact;
} FpNative;

#define ARITH(h, name) [RV_HELPER_##h] = { .kind = FPN_ARITH, .op = name }
#define FMA(h, n)      [RV_HELPER_##h] = { .kind = FPN_FMA, .neg = (n) }
#define CMP(h, o, p)   [RV_HELPER_##h] = { .kind = FPN_CMP, .op = o, .pred = p }
#define MINMAX(h, m)   [RV_HELPER_##h] = { .kind = FPN_MINMAX, .max = (m) }
#define F2I(h)         [RV_HELPER_##h] = { .kind = FPN_F2I }
#define I2F(h, u, x)   [RV_HELPER_##h] = { .kind = FPN_I2F, .uns = (u), .exact = (x) }
#define FF(h, x)       [RV_HELPER_##h] = { .kind = FPN_FF, .exact = (x) }

/* The instructions of one format with an inline form: s the helper
 * suffix; single-precision results of int conversions are never exact. */
#define FMT_OPS(s, exact_i2f)                                                  \
    ARITH(fadd_##s, "fadd"), ARITH(fsub_##s, "fsub"),                          \
    ARITH(fmul_##s, "fmul"), ARITH(fdiv_##s, "fdiv"),                          \
    ARITH(fsqrt_##s, "sqrt"),                                                  \
    FMA(fmadd_##s, 0), FMA(fmsub_##s, FPN_NEG_ADD),                            \
    FMA(fnmsub_##s, FPN_NEG_PROD), FMA(fnmadd_##s, FPN_NEG_PROD | FPN_NEG_ADD), \
    CMP(feq_##s, "fcmp", "oeq"), CMP(flt_##s, "fcmps", "olt"),                 \
    CMP(fle_##s, "fcmps", "ole"),                                              \
    MINMAX(fmin_##s, false), MINMAX(fmax_##s, true),                           \
    F2I(fcvt_w_##s), F2I(fcvt_l_##s),                                          \
    I2F(fcvt_##s##_w, false, exact_i2f), I2F(fcvt_##s##_wu, true, exact_i2f),  \
    I2F(fcvt_##s##_l, false, false)

static const FpNative fp_native[RV_NHELPERS] = {
    FMT_OPS(s, false),
    FMT_OPS(d, true),
    FF(fcvt_s_d, false),
    FF(fcvt_d_s, true),
};

#undef FMT_OPS
#undef ARITH
#undef FMA
#undef CMP
#undef MINMAX
#undef F2I
#undef I2F
#undef FF

static LLVMValueRef md_str(const XlatFpEnv *fe, const char *s)
{
    return LLVMMetadataAsValue(fe->ctx, LLVMMDStringInContext2(fe->ctx, s, strlen(s)));
}

/*
 * llvm.experimental.constrained.<op> overloaded on tys, called with args,
 * then `extra` (a rounding mode or compare predicate) when not NULL, then
 * "fpexcept.strict".
 */
static LLVMValueRef plain_fp(const XlatFpEnv *fe, const char *op, LLVMTypeRef *tys,
                             unsigned ntys, LLVMValueRef *args, const char *extra,
                             const char *name);

static LLVMValueRef cfp(const XlatFpEnv *fe, const char *op, LLVMTypeRef *tys, unsigned ntys,
                        LLVMValueRef *args, unsigned nargs, const char *extra, const char *name)
{
    if (fe->plain)
        return plain_fp(fe, op, tys, ntys, args, extra, name);
    char iname[64];
    snprintf(iname, sizeof iname, "llvm.experimental.constrained.%s", op);
    LLVMValueRef a[6];
    unsigned n = 0;
    for (; n < nargs; n++)
        a[n] = args[n];
    if (extra)
        a[n++] = md_str(fe, extra);
    a[n++] = md_str(fe, "fpexcept.strict");
    unsigned id = LLVMLookupIntrinsicID(iname, strlen(iname));
    LLVMTypeRef fnty = LLVMIntrinsicGetType(fe->ctx, id, tys, ntys);
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(fe->mod, id, tys, ntys);
    LLVMValueRef r = LLVMBuildCall2(fe->b, fnty, fn, a, n, name);
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, fe->a_strictfp);
    return r;
}

/*
 * The plain LLVM operation for what cfp would build as a constrained intrinsic, when the
 * program cannot observe the FP environment (fe->plain, fp_observe.h): rounding is always
 * to nearest, which is LLVM's default environment, and flags do not matter.  fptosi is not
 * here (plain fptosi of an out-of-range value is poison; emit_f2i saturates instead).
 */
static LLVMValueRef plain_fp(const XlatFpEnv *fe, const char *op, LLVMTypeRef *tys,
                             unsigned ntys, LLVMValueRef *args, const char *extra,
                             const char *name)
{
    static const struct { const char *name; LLVMRealPredicate pred; } preds[] = {
        { "oeq", LLVMRealOEQ }, { "olt", LLVMRealOLT }, { "ole", LLVMRealOLE },
        { "uno", LLVMRealUNO },
    };
    if (strcmp(op, "fadd") == 0)
        return LLVMBuildFAdd(fe->b, args[0], args[1], name);
    if (strcmp(op, "fsub") == 0)
        return LLVMBuildFSub(fe->b, args[0], args[1], name);
    if (strcmp(op, "fmul") == 0)
        return LLVMBuildFMul(fe->b, args[0], args[1], name);
    if (strcmp(op, "fdiv") == 0)
        return LLVMBuildFDiv(fe->b, args[0], args[1], name);
    if (strcmp(op, "sitofp") == 0)
        return LLVMBuildSIToFP(fe->b, args[0], tys[0], name);
    if (strcmp(op, "fpext") == 0)
        return LLVMBuildFPExt(fe->b, args[0], tys[0], name);
    if (strcmp(op, "fptrunc") == 0)
        return LLVMBuildFPTrunc(fe->b, args[0], tys[0], name);
    if (strcmp(op, "fcmp") == 0 || strcmp(op, "fcmps") == 0) {
        for (size_t i = 0; i < sizeof preds / sizeof preds[0]; i++)
            if (strcmp(extra, preds[i].name) == 0)
                return LLVMBuildFCmp(fe->b, preds[i].pred, args[0], args[1], name);
        return NULL;
    }
    /* sqrt, fma: the plain intrinsics */
    char iname[64];
    snprintf(iname, sizeof iname, "llvm.%s", op);
    unsigned id = LLVMLookupIntrinsicID(iname, strlen(iname));
    LLVMTypeRef fnty = LLVMIntrinsicGetType(fe->ctx, id, tys, ntys);
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(fe->mod, id, tys, ntys);
    return LLVMBuildCall2(fe->b, fnty, fn, args, strcmp(op, "fma") == 0 ? 3 : 1, name);
}

/*
 * v, hidden from LLVM's constant folder by an empty inline asm (no code:
 * the value stays in its xmm register).  LLVM 19 folds a constrained
 * fadd/fsub/fma with dynamic rounding when the exact result needs no
 * rounding, as if the mode did not matter; but an exact zero sum is -0 in
 * round-down and +0 otherwise (IEEE 754 §6.3), so 5.0 + -5.0 must not be
 * folded.  Found by the isa-xlat case fadd.d.dynrdn.
 */
static LLVMValueRef opaque(const XlatFpEnv *fe, LLVMValueRef v)
{
    if (fe->plain)
        return v; /* always round to nearest: folding is right */
    LLVMTypeRef t = LLVMTypeOf(v);
    LLVMTypeRef fnty = LLVMFunctionType(t, &t, 1, 0);
    LLVMValueRef asm_ = LLVMGetInlineAsm(fnty, "", 0, "=x,0", 4, 0, 0,
                                         LLVMInlineAsmDialectATT, 0);
    return LLVMBuildCall2(fe->b, fnty, asm_, &v, 1, "");
}

static bool is_f32(LLVMTypeRef t)
{
    return LLVMGetTypeKind(t) == LLVMFloatTypeKind;
}

/* The integer type as wide as float type t, and constants of that width. */
static LLVMTypeRef bits_type(const XlatFpEnv *fe, LLVMTypeRef t)
{
    return is_f32(t) ? LLVMInt32TypeInContext(fe->ctx) : LLVMInt64TypeInContext(fe->ctx);
}

static LLVMValueRef bits_of(const XlatFpEnv *fe, LLVMValueRef v)
{
    return LLVMBuildBitCast(fe->b, v, bits_type(fe, LLVMTypeOf(v)), "");
}

static LLVMValueRef kbits(LLVMTypeRef it, uint64_t v)
{
    return LLVMConstInt(it, v, 0);
}

/* Bit patterns of format t: magnitude mask, +inf, canonical NaN (§11.3). */
static uint64_t fmt_abs(LLVMTypeRef t)
{
    return is_f32(t) ? 0x7fffffffull : 0x7fffffffffffffffull;
}

static uint64_t fmt_inf(LLVMTypeRef t)
{
    return is_f32(t) ? 0x7f800000ull : 0x7ff0000000000000ull;
}

static uint64_t fmt_canon(LLVMTypeRef t)
{
    return is_f32(t) ? 0x7fc00000ull : 0x7ff8000000000000ull;
}

/* i1: the bits `ib` (of float type t) are a NaN; no FP operation. */
static LLVMValueRef bits_isnan(const XlatFpEnv *fe, LLVMTypeRef t, LLVMValueRef ib)
{
    LLVMTypeRef it = bits_type(fe, t);
    LLVMValueRef mag = LLVMBuildAnd(fe->b, ib, kbits(it, fmt_abs(t)), "");
    return LLVMBuildICmp(fe->b, LLVMIntUGT, mag, kbits(it, fmt_inf(t)), "isnan");
}

/* r, or the canonical NaN when r is a NaN (x86 returns the default NaN or
 * a propagated payload). */
#define CANON_MD "fvp.canon"

/* A canonicalisation select's result is a NaN about never: branch weights say so, and
 * CodeGenPrepare makes a scalar one a well-predicted branch (ucomisd, jp) instead of four
 * to six mask operations (docs D49). */
static void canon_unlikely(LLVMContextRef ctx, LLVMValueRef sel)
{
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
    LLVMMetadataRef md[3] = {
        LLVMMDStringInContext2(ctx, "branch_weights", 14),
        LLVMValueAsMetadata(LLVMConstInt(i32, 1, 0)),
        LLVMValueAsMetadata(LLVMConstInt(i32, (1u << 20) - 1, 0)),
    };
    unsigned kind = LLVMGetMDKindIDInContext(ctx, "prof", 4);
    LLVMSetMetadata(sel, kind, LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, md, 3)));
}

static LLVMValueRef canon_nan(const XlatFpEnv *fe, LLVMValueRef r)
{
    LLVMTypeRef t = LLVMTypeOf(r);
    /* a quiet compare (ucomisd): r is never a signalling NaN, so no flag */
    LLVMValueRef rr[2] = { r, r };
    LLVMValueRef nan = cfp(fe, "fcmp", &t, 1, rr, 2, "uno", "isnan");
    LLVMValueRef cn = LLVMConstBitCast(kbits(bits_type(fe, t), fmt_canon(t)), t);
    LLVMValueRef sel = LLVMBuildSelect(fe->b, nan, cn, r, "canon");
    canon_unlikely(fe->ctx, sel);
    /* marks it for xlat_fp_prune_canon */
    unsigned kind = LLVMGetMDKindIDInContext(fe->ctx, CANON_MD, sizeof CANON_MD - 1);
    LLVMSetMetadata(sel, kind, LLVMMetadataAsValue(fe->ctx, LLVMMDNodeInContext2(fe->ctx, NULL, 0)));
    return sel;
}

/* IEEE minimumNumber / maximumNumber (§11.6): a NaN operand yields the
 * other one, two NaNs the canonical NaN, -0 < +0; NV only for an sNaN,
 * which the quiet unordered compare raises exactly then. */
static LLVMValueRef emit_minmax(const XlatFpEnv *fe, LLVMValueRef a, LLVMValueRef b, bool max)
{
    LLVMTypeRef t = LLVMTypeOf(a), it = bits_type(fe, t);
    LLVMValueRef ab[2] = { a, b };
    cfp(fe, "fcmp", &t, 1, ab, 2, "uno", "snan.check");
    LLVMValueRef ai = bits_of(fe, a), bi = bits_of(fe, b);
    /* non-NaN values ordered as signed integers: negative ones with their
     * magnitude bits flipped, so -0 (all ones) < +0 (zero) */
    LLVMValueRef mag = kbits(it, fmt_abs(t)), zero = kbits(it, 0);
    LLVMValueRef ka = LLVMBuildSelect(fe->b, LLVMBuildICmp(fe->b, LLVMIntSLT, ai, zero, ""),
                                      LLVMBuildXor(fe->b, ai, mag, ""), ai, "key.a");
    LLVMValueRef kb = LLVMBuildSelect(fe->b, LLVMBuildICmp(fe->b, LLVMIntSLT, bi, zero, ""),
                                      LLVMBuildXor(fe->b, bi, mag, ""), bi, "key.b");
    LLVMValueRef a_first = LLVMBuildICmp(fe->b, max ? LLVMIntSGT : LLVMIntSLT, ka, kb, "");
    LLVMValueRef ord = LLVMBuildSelect(fe->b, a_first, ai, bi, "");
    LLVMValueRef an = bits_isnan(fe, t, ai), bn = bits_isnan(fe, t, bi);
    LLVMValueRef if_an = LLVMBuildSelect(fe->b, bn, kbits(it, fmt_canon(t)), bi, "");
    LLVMValueRef if_not_an = LLVMBuildSelect(fe->b, bn, ai, ord, "");
    LLVMValueRef r = LLVMBuildSelect(fe->b, an, if_an, if_not_an, "");
    return LLVMBuildBitCast(fe->b, r, t, max ? "fmax" : "fmin");
}

/* Fused multiply-add; RISC-V (§11.6) raises NV for 0 * inf even when the
 * addend is a quiet NaN, x86 does not: that case ORs NV into fflags. */
static LLVMValueRef emit_fma(const XlatFpEnv *fe, const FpNative *fn, LLVMValueRef *args)
{
    LLVMValueRef a = args[0], b = args[1], c = args[2];
    LLVMTypeRef t = LLVMTypeOf(a), it = bits_type(fe, t);
    if (fn->neg & FPN_NEG_PROD)
        a = LLVMBuildFNeg(fe->b, a, "");
    if (fn->neg & FPN_NEG_ADD)
        c = LLVMBuildFNeg(fe->b, c, "");
    c = opaque(fe, c); /* an exact zero's sign depends on the mode */
    LLVMValueRef abc[3] = { a, b, c };
    LLVMValueRef r = cfp(fe, "fma", &t, 1, abc, 3, "round.dynamic", "fma");
    if (fe->plain)
        return canon_nan(fe, r); /* nobody reads the flags */

    LLVMValueRef mag = kbits(it, fmt_abs(t)), inf = kbits(it, fmt_inf(t)), zero = kbits(it, 0);
    LLVMValueRef am = LLVMBuildAnd(fe->b, bits_of(fe, a), mag, "");
    LLVMValueRef bm = LLVMBuildAnd(fe->b, bits_of(fe, b), mag, "");
    LLVMValueRef zi = LLVMBuildOr(
        fe->b,
        LLVMBuildAnd(fe->b, LLVMBuildICmp(fe->b, LLVMIntEQ, am, zero, ""),
                     LLVMBuildICmp(fe->b, LLVMIntEQ, bm, inf, ""), ""),
        LLVMBuildAnd(fe->b, LLVMBuildICmp(fe->b, LLVMIntEQ, am, inf, ""),
                     LLVMBuildICmp(fe->b, LLVMIntEQ, bm, zero, ""), ""),
        "zero.inf");
    LLVMValueRef nv = LLVMBuildAnd(fe->b, zi, bits_isnan(fe, t, bits_of(fe, c)), "fma.nv");
    LLVMValueRef fn_ = LLVMGetBasicBlockParent(LLVMGetInsertBlock(fe->b));
    LLVMBasicBlockRef set = LLVMAppendBasicBlockInContext(fe->ctx, fn_, "fma.nv.set");
    LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(fe->ctx, fn_, "fma.cont");
    LLVMBuildCondBr(fe->b, nv, set, cont);
    LLVMPositionBuilderAtEnd(fe->b, set);
    LLVMTypeRef i8 = LLVMInt8TypeInContext(fe->ctx), i32 = LLVMInt32TypeInContext(fe->ctx);
    LLVMValueRef off = LLVMConstInt(LLVMInt64TypeInContext(fe->ctx), offsetof(RvCpu, fflags), 0);
    LLVMValueRef p = LLVMBuildInBoundsGEP2(fe->b, i8, fe->cpu, &off, 1, "fflags.p");
    LLVMValueRef fl = LLVMBuildLoad2(fe->b, i32, p, "fflags");
    LLVMSetAlignment(fl, 4);
    LLVMValueRef st = LLVMBuildStore(fe->b, LLVMBuildOr(fe->b, fl, kbits(i32, RV_FFLAG_NV), ""), p);
    LLVMSetAlignment(st, 4);
    LLVMBuildBr(fe->b, cont);
    LLVMPositionBuilderAtEnd(fe->b, cont);
    return canon_nan(fe, r);
}

/* float -> signed int in RTZ (cvttss2si/cvttsd2si: NV on NaN and out of
 * range, else NX when inexact, like RISC-V); x86 answers every invalid
 * case with the minimum, RISC-V saturates NaN and positive overflow to the
 * maximum (§11.7, table 11.4). */
static LLVMValueRef emit_f2i(const XlatFpEnv *fe, LLVMValueRef a, LLVMTypeRef rt)
{
    LLVMTypeRef t = LLVMTypeOf(a), it = bits_type(fe, t);
    LLVMTypeRef tys[2] = { rt, t };
    unsigned w = LLVMGetIntTypeWidth(rt);
    uint64_t min = 1ull << (w - 1), max = min - 1;
    LLVMValueRef ai = bits_of(fe, a);
    if (fe->plain) {
        /* saturating (NaN -> 0), then NaN -> the maximum as RISC-V has it */
        unsigned id = LLVMLookupIntrinsicID("llvm.fptosi.sat", 15);
        LLVMTypeRef fnty = LLVMIntrinsicGetType(fe->ctx, id, tys, 2);
        LLVMValueRef fn = LLVMGetIntrinsicDeclaration(fe->mod, id, tys, 2);
        LLVMValueRef r = LLVMBuildCall2(fe->b, fnty, fn, &a, 1, "fcvt");
        return LLVMBuildSelect(fe->b, bits_isnan(fe, t, ai), kbits(rt, max), r, "fcvt.sat");
    }
    LLVMValueRef r = cfp(fe, "fptosi", tys, 2, &a, 1, NULL, "fcvt");
    LLVMValueRef up = LLVMBuildOr(fe->b, LLVMBuildICmp(fe->b, LLVMIntSGE, ai, kbits(it, 0), ""),
                                  bits_isnan(fe, t, ai), "");
    LLVMValueRef sat = LLVMBuildAnd(fe->b, LLVMBuildICmp(fe->b, LLVMIntEQ, r, kbits(rt, min), ""),
                                    up, "");
    return LLVMBuildSelect(fe->b, sat, kbits(rt, max), r, "fcvt.sat");
}

/* The rm argument's value, or -1 when it is not a constant. */
static int const_rm(LLVMValueRef v)
{
    if (!LLVMIsAConstantInt(v))
        return -1;
    return (int)LLVMConstIntGetZExtValue(v);
}

LLVMValueRef xlat_fp_native(const XlatFpEnv *fe, unsigned helper, LLVMValueRef *args,
                            unsigned nargs)
{
    if (helper >= RV_NHELPERS || fp_native[helper].kind == FPN_NONE)
        return NULL;
    const FpNative *fn = &fp_native[helper];
    const IrHelperInfo *hi = &rv64_helper_info[helper];
    LLVMTypeRef rt = hi->ret == IR_F32   ? LLVMFloatTypeInContext(fe->ctx)
                     : hi->ret == IR_F64 ? LLVMDoubleTypeInContext(fe->ctx)
                     : hi->ret == IR_I32 ? LLVMInt32TypeInContext(fe->ctx)
                                         : LLVMInt64TypeInContext(fe->ctx);
    /* rounding: operations that round need the dynamic mode (MXCSR holds
     * frm); exact ones any valid mode; RTZ conversions to int RTZ */
    int rm = (fn->kind == FPN_CMP || fn->kind == FPN_MINMAX) ? RM_DYN
                                                             : const_rm(args[nargs - 1]);
    if (fe->plain && rm == 0 && fn->kind != FPN_F2I)
        rm = RM_DYN; /* frm is never written: the dynamic mode is RNE */
    bool exact = fn->exact;
    if (fn->kind == FPN_F2I ? rm != RM_RTZ
                            : !(rm == RM_DYN || (exact && rm >= 0 && rm <= RM_RMM)))
        return NULL;
    if (fn->kind == FPN_FMA && !fe->host_fma)
        return NULL;

    LLVMTypeRef t = LLVMTypeOf(args[0]);
    switch (fn->kind) {
    case FPN_ARITH: {
        unsigned n = strcmp(fn->op, "sqrt") == 0 ? 1 : 2;
        LLVMValueRef ab[2] = { args[0], n == 2 ? args[1] : NULL };
        if (strcmp(fn->op, "fadd") == 0 || strcmp(fn->op, "fsub") == 0)
            ab[1] = opaque(fe, ab[1]);
        return canon_nan(fe, cfp(fe, fn->op, &t, 1, ab, n, "round.dynamic", fn->op));
    }
    case FPN_FMA:
        return emit_fma(fe, fn, args);
    case FPN_CMP: {
        LLVMValueRef c = cfp(fe, fn->op, &t, 1, args, 2, fn->pred, fn->pred);
        return LLVMBuildZExt(fe->b, c, rt, "");
    }
    case FPN_MINMAX:
        return emit_minmax(fe, args[0], args[1], fn->max);
    case FPN_F2I:
        return emit_f2i(fe, args[0], rt);
    case FPN_I2F: {
        LLVMValueRef x = args[0];
        if (fn->uns)  /* < 2^32: exact as a signed 64-bit value */
            x = LLVMBuildZExt(fe->b, x, LLVMInt64TypeInContext(fe->ctx), "");
        LLVMTypeRef tys[2] = { rt, LLVMTypeOf(x) };
        return cfp(fe, "sitofp", tys, 2, &x, 1, "round.dynamic", "fcvt");
    }
    case FPN_FF: {
        LLVMTypeRef tys[2] = { rt, t };
        LLVMValueRef r = exact ? cfp(fe, "fpext", tys, 2, args, 1, NULL, "fcvt")
                               : cfp(fe, "fptrunc", tys, 2, args, 1, "round.dynamic", "fcvt");
        return canon_nan(fe, r);
    }
    default:
        return NULL;
    }
}

bool xlat_fp_helper_uses_env(unsigned helper, LLVMValueRef *args, unsigned nargs,
                             bool *writes_frm)
{
    *writes_frm = false;
    if (helper == RV_HELPER_csr_read || helper == RV_HELPER_csr_write) {
        int csr = nargs > 0 ? const_rm(args[0]) : -1;
        bool fp = csr < 0 || ((csr & 0xfff) >= 1 && (csr & 0xfff) <= 3);
        *writes_frm = fp && helper == RV_HELPER_csr_write &&
                      (csr < 0 || (csr & 0xfff) != 1);
        return fp;
    }
    if (helper >= RV_NHELPERS)
        return false;
    /* the F/D helpers come first in rv64_helpers.def; fclass is pure */
    return helper <= RV_HELPER_fcvt_d_s && helper != RV_HELPER_fclass_s &&
           helper != RV_HELPER_fclass_d;
}

/* ---- canonical NaNs nobody can see --------------------------------------- */

/* Whether call u is one of our constrained FP operations: for those a NaN
 * operand's sign and payload do not matter (the result is a NaN again, made
 * canonical, or a compare/conversion that only sees "NaN"), and x86 never
 * produces a signalling NaN, so no flag changes either. */
static bool is_constrained_op(LLVMValueRef u)
{
    if (LLVMIsAInstruction(u)) {
        /* their plain forms (XlatFpEnv.plain): results canonicalised again, or a compare */
        switch (LLVMGetInstructionOpcode(u)) {
        case LLVMFAdd: case LLVMFSub: case LLVMFMul: case LLVMFDiv: case LLVMFCmp:
            return true;
        default:
            break;
        }
    }
    if (!LLVMIsACallInst(u))
        return false;
    LLVMValueRef callee = LLVMGetCalledValue(u);
    if (!callee || !LLVMIsAFunction(callee))
        return false;
    size_t len;
    const char *name = LLVMGetValueName2(callee, &len);
    static const char prefix[] = "llvm.experimental.constrained.";
    return (len > sizeof prefix - 1 && strncmp(name, prefix, sizeof prefix - 1) == 0) ||
           strncmp(name, "llvm.sqrt.", 10) == 0 || strncmp(name, "llvm.fma.", 9) == 0 ||
           strncmp(name, "llvm.fptosi.sat.", 16) == 0;
}

static bool is_opaque_asm(LLVMValueRef u)
{
    return LLVMIsACallInst(u) && LLVMIsAInlineAsm(LLVMGetCalledValue(u));
}

/* Whether every use of v only feeds constrained FP operations, possibly
 * through bitcasts (a register's double <-> i64 round trip), our opaque asm
 * and phis (a loop-carried value: a phi met again on the way counts as
 * agnostic, the cycle adds no other use); seen/nseen: the phis on the way. */
static bool agnostic_in(LLVMValueRef v, LLVMValueRef *seen, int *nseen, int depth)
{
    if (LLVMIsAPHINode(v)) {
        for (int i = 0; i < *nseen; i++)
            if (seen[i] == v)
                return true;
        if (*nseen >= 16)
            return false;
        seen[(*nseen)++] = v;
    }
    if (depth > 6)
        return false;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (is_constrained_op(user))
            continue;
        if ((LLVMIsABitCastInst(user) || is_opaque_asm(user) || LLVMIsAPHINode(user)) &&
            agnostic_in(user, seen, nseen, depth + 1))
            continue;
        return false;
    }
    return true;
}

static bool nan_agnostic(LLVMValueRef v)
{
    LLVMValueRef seen[16];
    int nseen = 0;
    return agnostic_in(v, seen, &nseen, 1);
}

/* b (a bitcast of canonical-NaN select in) also feeds phis that are agnostic (a value
 * carried round a loop into the next FP operation) besides uses that are not (the
 * register's write-back at the loop's exit): those phis get the bitcast of the raw
 * result instead, so the select leaves the loop's dependency chain and LLVM sinks it to
 * where it is seen. */
static void split_phi_uses(LLVMBuilderRef bld, LLVMValueRef b, LLVMValueRef raw)
{
    LLVMValueRef nb = NULL;
    bool changed = true;
    while (changed) {
        changed = false;
        for (LLVMUseRef u = LLVMGetFirstUse(b); u; u = LLVMGetNextUse(u)) {
            LLVMValueRef phi = LLVMGetUser(u);
            if (!LLVMIsAPHINode(phi) || !nan_agnostic(phi))
                continue;
            if (!nb) {
                LLVMPositionBuilderBefore(bld, b);
                nb = LLVMBuildBitCast(bld, raw, LLVMTypeOf(b), "raw.bits");
            }
            unsigned n = LLVMCountIncoming(phi);
            for (unsigned i = 0; i < n; i++)
                if (LLVMGetOperand(phi, i) == b)
                    LLVMSetOperand(phi, i, nb);
            changed = true;
            break;
        }
    }
}

/* Every operand of user that is old becomes new. */
static void replace_operand(LLVMValueRef user, LLVMValueRef old, LLVMValueRef new_)
{
    int nops = LLVMGetNumOperands(user);
    for (int k = 0; k < nops; k++)
        if (LLVMGetOperand(user, (unsigned)k) == old)
            LLVMSetOperand(user, (unsigned)k, new_);
}

size_t xlat_fp_prune_canon(LLVMModuleRef mod)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    unsigned kind = LLVMGetMDKindIDInContext(ctx, CANON_MD, sizeof CANON_MD - 1);
    size_t pruned = 0;
    LLVMBuilderRef bld = LLVMCreateBuilderInContext(ctx);
    for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fn; fn = LLVMGetNextFunction(fn)) {
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
            LLVMValueRef next;
            for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = next) {
                next = LLVMGetNextInstruction(in);
                if (!LLVMIsASelectInst(in) || !LLVMGetMetadata(in, kind))
                    continue;
                LLVMValueRef raw = LLVMGetOperand(in, 2), cond = LLVMGetOperand(in, 0);
                /* rewrite the agnostic uses to the raw result, one at a time
                 * (setting an operand unlinks that use) */
                bool changed = true;
                while (changed) {
                    changed = false;
                    for (LLVMUseRef u = LLVMGetFirstUse(in); u; u = LLVMGetNextUse(u)) {
                        LLVMValueRef user = LLVMGetUser(u);
                        bool ok = is_constrained_op(user) ||
                                  ((LLVMIsABitCastInst(user) || is_opaque_asm(user) ||
                                    LLVMIsAPHINode(user)) &&
                                   nan_agnostic(user));
                        if (!ok)
                            continue;
                        replace_operand(user, in, raw);
                        changed = true;
                        break;
                    }
                }
                for (LLVMUseRef u = LLVMGetFirstUse(in); u; u = LLVMGetNextUse(u))
                    if (LLVMIsABitCastInst(LLVMGetUser(u)))
                        split_phi_uses(bld, LLVMGetUser(u), raw);
                if (!LLVMGetFirstUse(in)) {
                    if (next == cond)
                        next = LLVMGetNextInstruction(cond);
                    LLVMInstructionEraseFromParent(in);
                    /* the quiet compare of a non-signalling value raises nothing */
                    if (LLVMIsAInstruction(cond) && !LLVMGetFirstUse(cond)) {
                        if (next == cond)
                            next = LLVMGetNextInstruction(cond);
                        LLVMInstructionEraseFromParent(cond);
                    }
                    pruned++;
                }
            }
        }
    }
    LLVMDisposeBuilder(bld);
    return pruned;
}

/* ---- canonicalisation deferred past phis (plain FP) ------------------------ */

/* One value of the web: a phi or bitcast fed by canonicalised results, and its raw twin
 * (the same value built from the uncanonicalised results) with a flag saying whether the
 * raw value came from an FP operation and must be canonicalised where it is seen. */
typedef struct WebVal {
    LLVMValueRef v, raw, flag;
    bool keep; /* a bitcast of a canonicalised result: what it gives others stays */
} WebVal;

typedef struct Web {
    WebVal *e;
    size_t n, cap;
} Web;

static WebVal *web_find(Web *w, LLVMValueRef v)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->e[i].v == v)
            return &w->e[i];
    return NULL;
}

static bool is_canon_select(LLVMValueRef v, unsigned kind)
{
    return v && LLVMIsASelectInst(v) && LLVMGetMetadata(v, kind);
}

/* The FP type of t's width (double for i64, float for i32), or t itself. */
static LLVMTypeRef fp_type_of(LLVMContextRef ctx, LLVMTypeRef t)
{
    if (LLVMGetTypeKind(t) != LLVMIntegerTypeKind)
        return t;
    return LLVMGetIntTypeWidth(t) == 64 ? LLVMDoubleTypeInContext(ctx)
                                        : LLVMFloatTypeInContext(ctx);
}

/* The canonical NaN (fmt_canon) in type t: its FP format's, as bits when t is an integer. */
static LLVMValueRef canon_const(LLVMContextRef ctx, LLVMTypeRef t)
{
    LLVMTypeRef ft = fp_type_of(ctx, t);
    LLVMTypeRef it = is_f32(ft) ? LLVMInt32TypeInContext(ctx) : LLVMInt64TypeInContext(ctx);
    LLVMValueRef k = kbits(it, fmt_canon(ft));
    return LLVMGetTypeKind(t) == LLVMIntegerTypeKind ? k : LLVMConstBitCast(k, t);
}

/* Whether the web can take v: a phi or a bitcast between a 64-bit (32-bit) integer and
 * double (float), or the other way round. */
static bool web_kind_ok(LLVMValueRef v)
{
    LLVMTypeKind k = LLVMGetTypeKind(LLVMTypeOf(v));
    if (k == LLVMDoubleTypeKind || k == LLVMFloatTypeKind)
        return true;
    return k == LLVMIntegerTypeKind && (LLVMGetIntTypeWidth(LLVMTypeOf(v)) == 64 ||
                                        LLVMGetIntTypeWidth(LLVMTypeOf(v)) == 32);
}

/* Adds user to the web when it is a phi or bitcast the web can take and not in it yet:
 * 0, or -1 when the web would grow too big (the function is then left as it is). */
static int web_add(Web *w, LLVMValueRef user)
{
    enum { WEB_MAX = 4096 };
    if (!(LLVMIsAPHINode(user) || LLVMIsABitCastInst(user)) || !web_kind_ok(user) ||
        web_find(w, user))
        return 0;
    if (w->n == w->cap) {
        size_t nc = w->cap ? 2 * w->cap : 64;
        WebVal *ne = nc > WEB_MAX ? NULL : realloc(w->e, nc * sizeof *ne);
        if (!ne)
            return -1;
        w->e = ne;
        w->cap = nc;
    }
    w->e[w->n++] = (WebVal){ user, NULL, NULL, false };
    return 0;
}

/* What the web's twin of a user of v takes from v: a web value's twin and flag, a
 * canonicalised result's raw value (flag 1), anything else as it is (flag 0). */
static void web_source(Web *w, LLVMValueRef v, unsigned kind, LLVMValueRef *raw,
                       LLVMValueRef *flag)
{
    LLVMTypeRef i1 = LLVMInt1TypeInContext(LLVMGetTypeContext(LLVMTypeOf(v)));
    WebVal *o = web_find(w, v);
    if (o) {
        *raw = o->raw;
        *flag = o->flag;
    } else if (is_canon_select(v, kind)) {
        *raw = LLVMGetOperand(v, 2);
        *flag = LLVMConstInt(i1, 1, 0);
    } else {
        *raw = v;
        *flag = LLVMConstInt(i1, 0, 0);
    }
}

/* Rewrites one function: returns how many phis and bitcasts it rewrote. */
static size_t defer_fn(LLVMContextRef ctx, LLVMBuilderRef bld, LLVMValueRef fn, unsigned kind)
{
    Web w = { 0 };
    /* the web: every phi or bitcast reachable from a canonicalised result through phis
     * and bitcasts */
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            if (!is_canon_select(in, kind))
                continue;
            for (LLVMUseRef u = LLVMGetFirstUse(in); u; u = LLVMGetNextUse(u)) {
                LLVMValueRef user = LLVMGetUser(u);
                if (web_add(&w, user) < 0)
                    goto out;
            }
        }
    for (size_t i = 0; i < w.n; i++) /* closure (w.n grows as it goes) */
        for (LLVMUseRef u = LLVMGetFirstUse(w.e[i].v); u; u = LLVMGetNextUse(u)) {
            LLVMValueRef user = LLVMGetUser(u);
            if (web_add(&w, user) < 0)
                goto out;
        }
    if (w.n == 0)
        goto out; /* nothing to do */
    LLVMTypeRef i1 = LLVMInt1TypeInContext(ctx);
    /* twins: phis first (their incomings later), then bitcasts of raw operands */
    for (size_t i = 0; i < w.n; i++) {
        if (!LLVMIsAPHINode(w.e[i].v))
            continue;
        LLVMBasicBlockRef bb = LLVMGetInstructionParent(w.e[i].v);
        LLVMPositionBuilder(bld, bb, LLVMGetFirstInstruction(bb));
        w.e[i].raw = LLVMBuildPhi(bld, LLVMTypeOf(w.e[i].v), "raw");
        w.e[i].flag = LLVMBuildPhi(bld, i1, "raw.op");
    }
    /* a bitcast's operand may be a bitcast later in the list: repeat until all are done */
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < w.n; i++) {
            WebVal *x = &w.e[i];
            if (x->raw || LLVMIsAPHINode(x->v))
                continue;
            LLVMValueRef op = LLVMGetOperand(x->v, 0), raw, flag;
            WebVal *o = web_find(&w, op);
            if (o && !o->raw) {
                again = true;
                continue;
            }
            web_source(&w, op, kind, &raw, &flag);
            LLVMPositionBuilderBefore(bld, x->v);
            x->raw = LLVMBuildBitCast(bld, raw, LLVMTypeOf(x->v), "raw.bits");
            x->flag = flag;
        }
    }
    for (size_t i = 0; i < w.n; i++) {
        WebVal *x = &w.e[i];
        if (!LLVMIsAPHINode(x->v))
            continue;
        unsigned n = LLVMCountIncoming(x->v);
        for (unsigned k = 0; k < n; k++) {
            LLVMValueRef in = LLVMGetIncomingValue(x->v, k), raw, flag;
            LLVMBasicBlockRef from = LLVMGetIncomingBlock(x->v, k);
            web_source(&w, in, kind, &raw, &flag);
            LLVMAddIncoming(x->raw, &raw, &from, 1);
            LLVMAddIncoming(x->flag, &flag, &from, 1);
        }
    }
    /* every use outside the web sees the value canonicalised where it is used; the old
     * web values then go */
    for (size_t i = 0; i < w.n; i++) {
        WebVal *x = &w.e[i];
        /* the canonical value is at hand already (and vectorises as it was) */
        x->keep = LLVMIsABitCastInst(x->v) && is_canon_select(LLVMGetOperand(x->v, 0), kind);
        if (x->keep)
            continue;
        for (LLVMUseRef u = LLVMGetFirstUse(x->v); u;) {
            LLVMValueRef user = LLVMGetUser(u);
            LLVMUseRef next = LLVMGetNextUse(u);
            if (web_find(&w, user)) {
                u = next;
                continue;
            }
            if (is_constrained_op(user)) { /* NaN-agnostic: the raw value serves */
                replace_operand(user, x->v, x->raw);
                u = LLVMGetFirstUse(x->v);
                continue;
            }
            LLVMPositionBuilderBefore(bld, user);
            LLVMTypeRef ft = fp_type_of(ctx, LLVMTypeOf(x->raw));
            LLVMValueRef f = LLVMBuildBitCast(bld, x->raw, ft, "");
            LLVMValueRef nan = LLVMBuildFCmp(bld, LLVMRealUNO, f, f, "isnan");
            LLVMValueRef sel = LLVMBuildSelect(
                bld, LLVMBuildAnd(bld, x->flag, nan, ""), canon_const(ctx, LLVMTypeOf(x->raw)),
                x->raw, "canon.late");
            canon_unlikely(ctx, sel);
            replace_operand(user, x->v, sel);
            u = LLVMGetFirstUse(x->v); /* the use list changed */
        }
    }
    /* only web members use the others now: their web uses go to undef, then they go */
    for (size_t i = 0; i < w.n; i++) {
        WebVal *x = &w.e[i];
        for (LLVMUseRef u = LLVMGetFirstUse(x->v); u;) {
            LLVMValueRef user = LLVMGetUser(u);
            if (!web_find(&w, user)) { /* a kept bitcast's own users */
                u = LLVMGetNextUse(u);
                continue;
            }
            replace_operand(user, x->v, LLVMGetUndef(LLVMTypeOf(x->v)));
            u = LLVMGetFirstUse(x->v);
        }
    }
    for (size_t i = 0; i < w.n; i++)
        if (!w.e[i].keep || !LLVMGetFirstUse(w.e[i].v))
            LLVMInstructionEraseFromParent(w.e[i].v);
    free(w.e);
    return w.n;
out:
    free(w.e);
    return 0;
}

size_t xlat_fp_defer_canon(LLVMModuleRef mod)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    unsigned kind = LLVMGetMDKindIDInContext(ctx, CANON_MD, sizeof CANON_MD - 1);
    LLVMBuilderRef bld = LLVMCreateBuilderInContext(ctx);
    size_t n = 0;
    for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fn; fn = LLVMGetNextFunction(fn))
        n += defer_fn(ctx, bld, fn, kind);
    LLVMDisposeBuilder(bld);
    return n;
}

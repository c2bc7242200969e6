/*
 * Rewrites of the optimised LLVM IR before code generation (llvm_emit.h), for shapes the
 * optimisation pipeline leaves that the x86 back end turns into slow code.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Target.h>

#include "translator/llvm_emit.h"

/* C if v is `shl x, 32` (then *x = x), else NULL. */
static LLVMValueRef shl32_of(LLVMValueRef v, LLVMValueRef *x)
{
    if (!LLVMIsAInstruction(v) || LLVMGetInstructionOpcode(v) != LLVMShl)
        return NULL;
    LLVMValueRef k = LLVMGetOperand(v, 1);
    if (!LLVMIsAConstantInt(k) || LLVMConstIntGetZExtValue(k) != 32)
        return NULL;
    *x = LLVMGetOperand(v, 0);
    return v;
}

/* The RV64 W operations lift to `sext(op i32 (trunc x), k)`.  InstCombine does such a sum
 * in i64 and sign-extends with shifts, `ashr(add(shl x, 32), k << 32), 32)`; once
 * constant hoisting has put k << 32 (which no x86 immediate holds) into a register, the x86
 * back end no longer sees the add of a constant and emits shl, movabs, add, sar for what is
 * one lea and one movslq.  This puts those back into the 32-bit form.  Returns how many. */
size_t xlat_sext_peephole(LLVMModuleRef mod)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx), i64 = LLVMInt64TypeInContext(ctx);
    LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
    size_t n = 0;
    for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fn; fn = LLVMGetNextFunction(fn))
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
             bb = LLVMGetNextBasicBlock(bb)) {
            LLVMValueRef next;
            for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = next) {
                next = LLVMGetNextInstruction(in);
                if (LLVMGetInstructionOpcode(in) != LLVMAShr || LLVMTypeOf(in) != i64)
                    continue;
                LLVMValueRef k = LLVMGetOperand(in, 1), sum = LLVMGetOperand(in, 0), x;
                if (!LLVMIsAConstantInt(k) || LLVMConstIntGetZExtValue(k) != 32 ||
                    !LLVMIsAInstruction(sum) || LLVMGetInstructionOpcode(sum) != LLVMAdd)
                    continue;
                LLVMValueRef c = LLVMGetOperand(sum, 1);
                LLVMValueRef shl = shl32_of(LLVMGetOperand(sum, 0), &x);
                if (!shl || !LLVMIsAConstantInt(c) ||
                    (LLVMConstIntGetZExtValue(c) & 0xffffffffu) != 0)
                    continue;
                LLVMPositionBuilderBefore(b, in);
                LLVMValueRef lo = LLVMBuildTrunc(b, x, i32, "");
                LLVMValueRef w = LLVMBuildAdd(
                    b, lo, LLVMConstInt(i32, LLVMConstIntGetZExtValue(c) >> 32, 0), "");
                LLVMValueRef s = LLVMBuildSExt(b, w, i64, "");
                LLVMReplaceAllUsesWith(in, s);
                LLVMInstructionEraseFromParent(in);
                if (!LLVMGetFirstUse(sum))
                    LLVMInstructionEraseFromParent(sum);
                if (!LLVMGetFirstUse(shl))
                    LLVMInstructionEraseFromParent(shl);
                n++;
            }
        }
    LLVMDisposeBuilder(b);
    return n;
}

/* ---- twin arms (docs D56) ---------------------------------------------------------------- */

/* Predecessor counts of a function's blocks, by an open-addressed table on the block. */
typedef struct PredCount {
    LLVMBasicBlockRef *bb;
    unsigned *n;
    size_t cap;
} PredCount;

static size_t pred_slot(const PredCount *pc, LLVMBasicBlockRef bb)
{
    size_t h = ((uintptr_t)bb >> 4) * 0x9e3779b97f4a7c15ull;
    for (size_t i = h & (pc->cap - 1);; i = (i + 1) & (pc->cap - 1))
        if (pc->bb[i] == bb || !pc->bb[i])
            return i;
}

static bool pred_count(PredCount *pc, LLVMValueRef fn)
{
    size_t nbb = LLVMCountBasicBlocks(fn);
    pc->cap = 16;
    while (pc->cap < 2 * nbb + 2)
        pc->cap *= 2;
    pc->bb = calloc(pc->cap, sizeof *pc->bb);
    pc->n = calloc(pc->cap, sizeof *pc->n);
    if (!pc->bb || !pc->n)
        return false;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
        LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
        for (unsigned i = 0, ns = t ? LLVMGetNumSuccessors(t) : 0; i < ns; i++) {
            size_t s = pred_slot(pc, LLVMGetSuccessor(t, i));
            pc->bb[s] = LLVMGetSuccessor(t, i);
            pc->n[s]++;
        }
    }
    return true;
}

/* Arm x of a two-way branch from p qualifies: p is its only predecessor, it has no phis and
 * ends in a two-way branch to two other blocks. */
static bool twin_arm(const PredCount *pc, LLVMBasicBlockRef p, LLVMBasicBlockRef x)
{
    LLVMValueRef t = LLVMGetBasicBlockTerminator(x), first = LLVMGetFirstInstruction(x);
    if (x == p || pc->n[pred_slot(pc, x)] != 1 || LLVMIsAPHINode(first) || !t ||
        !LLVMIsABranchInst(t) || !LLVMIsConditional(t))
        return false;
    LLVMBasicBlockRef s0 = LLVMGetSuccessor(t, 0), s1 = LLVMGetSuccessor(t, 1);
    return s0 != s1 && s0 != x && s1 != x;
}

/* Index of instruction v in block bb (at most limit), or -1. */
static int index_in(LLVMBasicBlockRef bb, LLVMValueRef v, int limit)
{
    if (!LLVMIsAInstruction(v) || LLVMGetInstructionParent(v) != bb)
        return -1;
    int i = 0;
    for (LLVMValueRef x = LLVMGetFirstInstruction(bb); x && i <= limit; x = LLVMGetNextInstruction(x), i++)
        if (x == v)
            return i;
    return -1;
}

enum { TWIN_MAX_INSNS = 24 };

/* The arms run the same operations in the same order, and each operation differs from its
 * twin in at most one operand that is not the twins' own result: what SimplifyCFG sinks
 * whole (one new phi per instruction at most), so that no half-merged pair is left. */
static bool twin_same_shape(LLVMBasicBlockRef a, LLVMBasicBlockRef b)
{
    LLVMValueRef x = LLVMGetFirstInstruction(a), y = LLVMGetFirstInstruction(b);
    int n = 0;
    for (; x && y; x = LLVMGetNextInstruction(x), y = LLVMGetNextInstruction(y), n++) {
        int nops = LLVMGetNumOperands(x);
        if (n >= TWIN_MAX_INSNS || LLVMGetInstructionOpcode(x) != LLVMGetInstructionOpcode(y) ||
            LLVMTypeOf(x) != LLVMTypeOf(y) || nops != LLVMGetNumOperands(y) ||
            (LLVMIsACallInst(x) && LLVMGetCalledValue(x) != LLVMGetCalledValue(y)) ||
            (LLVMIsAICmpInst(x) && LLVMGetICmpPredicate(x) != LLVMGetICmpPredicate(y)) ||
            (LLVMIsAFCmpInst(x) && LLVMGetFCmpPredicate(x) != LLVMGetFCmpPredicate(y)) ||
            LLVMIsAAllocaInst(x))
            return false;
        if (LLVMIsATerminatorInst(x))
            break;
        int phis = 0;
        for (int k = 0; k < nops; k++) {
            LLVMValueRef u = LLVMGetOperand(x, k), v = LLVMGetOperand(y, k);
            int iu = index_in(a, u, n), iv = index_in(b, v, n);
            if (u != v && (iu < 0 || iu != iv))
                phis++;
        }
        if (phis > 1 || (phis && LLVMIsACallInst(x)))
            return false;
    }
    return x && y && LLVMIsATerminatorInst(x) && LLVMIsATerminatorInst(y);
}

/* In successor s, every phi's incoming values from a and b become one phi in j.  False when
 * out of memory. */
static bool twin_phis(LLVMBuilderRef b, LLVMBasicBlockRef s, LLVMBasicBlockRef a,
                      LLVMBasicBlockRef bb, LLVMBasicBlockRef j)
{
    LLVMValueRef next;
    for (LLVMValueRef phi = LLVMGetFirstInstruction(s); phi && LLVMIsAPHINode(phi); phi = next) {
        next = LLVMGetNextInstruction(phi);
        unsigned n = LLVMCountIncoming(phi), k = 0;
        LLVMValueRef va = NULL, vb = NULL, *vals = malloc((n + 1) * sizeof *vals);
        LLVMBasicBlockRef *blks = malloc((n + 1) * sizeof *blks);
        if (!vals || !blks) {
            free(vals);
            free(blks);
            return false;
        }
        for (unsigned i = 0; i < n; i++) {
            LLVMBasicBlockRef from = LLVMGetIncomingBlock(phi, i);
            if (from == a)
                va = LLVMGetIncomingValue(phi, i);
            else if (from == bb)
                vb = LLVMGetIncomingValue(phi, i);
            else {
                vals[k] = LLVMGetIncomingValue(phi, i);
                blks[k++] = from;
            }
        }
        LLVMPositionBuilderBefore(b, LLVMGetFirstInstruction(j));
        LLVMValueRef jv = LLVMBuildPhi(b, LLVMTypeOf(phi), "twin.v");
        LLVMValueRef in[2] = { va, vb };
        LLVMBasicBlockRef from[2] = { a, bb };
        LLVMAddIncoming(jv, in, from, 2);
        vals[k] = jv;
        blks[k++] = j;
        LLVMPositionBuilderBefore(b, phi);
        LLVMValueRef np = LLVMBuildPhi(b, LLVMTypeOf(phi), "");
        LLVMAddIncoming(np, vals, blks, k);
        LLVMReplaceAllUsesWith(phi, np);
        LLVMInstructionEraseFromParent(phi);
        free(vals);
        free(blks);
    }
    return true;
}

/*
 * RV64 has no conditional move, so gcc writes `t = c ? t->left : t->right; if (!t) ...` as
 * two arms that each load and test, both branching to the same two blocks; the x86 compiler
 * makes one load off a selected address.  SimplifyCFG only merges arms that end in a jump to
 * one common block.  This gives every such pair with the same operations in the same order
 * a common block j that takes their branch (its condition and the successors' phis become
 * phis in j); SimplifyCFG, run again when this returns non-zero, then sinks the arms' code
 * into j and folds the branch into selects where its cost model agrees.  Returns the pairs.
 */
size_t xlat_twin_arms(LLVMModuleRef mod)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
    size_t n = 0;
    for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fn; fn = LLVMGetNextFunction(fn)) {
        if (LLVMCountBasicBlocks(fn) < 4)
            continue;
        PredCount pc = { 0 };
        if (!pred_count(&pc, fn)) {
            free(pc.bb);
            free(pc.n);
            break;
        }
        for (LLVMBasicBlockRef p = LLVMGetFirstBasicBlock(fn); p; p = LLVMGetNextBasicBlock(p)) {
            LLVMValueRef t = LLVMGetBasicBlockTerminator(p);
            if (!t || !LLVMIsABranchInst(t) || !LLVMIsConditional(t))
                continue;
            LLVMBasicBlockRef a = LLVMGetSuccessor(t, 0), bb = LLVMGetSuccessor(t, 1);
            if (a == bb || !twin_arm(&pc, p, a) || !twin_arm(&pc, p, bb) ||
                !twin_same_shape(a, bb))
                continue;
            LLVMValueRef ta = LLVMGetBasicBlockTerminator(a), tb = LLVMGetBasicBlockTerminator(bb);
            LLVMBasicBlockRef s0 = LLVMGetSuccessor(ta, 0), s1 = LLVMGetSuccessor(ta, 1);
            bool swapped = LLVMGetSuccessor(tb, 0) == s1 && LLVMGetSuccessor(tb, 1) == s0;
            if (!swapped && (LLVMGetSuccessor(tb, 0) != s0 || LLVMGetSuccessor(tb, 1) != s1))
                continue;
            LLVMValueRef ca = LLVMGetCondition(ta), cb = LLVMGetCondition(tb);
            LLVMBasicBlockRef j = LLVMInsertBasicBlockInContext(ctx, s0, "twin");
            LLVMPositionBuilderAtEnd(b, j);
            LLVMValueRef cj = LLVMBuildPhi(b, LLVMTypeOf(ca), "twin.c");
            LLVMValueRef cin[2] = { ca, cb };
            LLVMBasicBlockRef from[2] = { a, bb };
            LLVMAddIncoming(cj, cin, from, 2);
            if (swapped) {
                /* b's test reads the other way round: flip it in j, not in b (the arms
                 * must stay alike) */
                LLVMValueRef flip = LLVMBuildPhi(b, LLVMTypeOf(ca), "twin.flip");
                LLVMValueRef fin[2] = { LLVMConstInt(LLVMTypeOf(ca), 0, 0),
                                        LLVMConstInt(LLVMTypeOf(ca), 1, 0) };
                LLVMAddIncoming(flip, fin, from, 2);
                cj = LLVMBuildXor(b, cj, flip, "twin.c");
            }
            LLVMBuildCondBr(b, cj, s0, s1);
            if (!twin_phis(b, s0, a, bb, j) || !twin_phis(b, s1, a, bb, j))
                abort(); /* out of memory with the function half rewritten */
            LLVMInstructionEraseFromParent(ta);
            LLVMInstructionEraseFromParent(tb);
            LLVMPositionBuilderAtEnd(b, a);
            LLVMBuildBr(b, j);
            LLVMPositionBuilderAtEnd(b, bb);
            LLVMBuildBr(b, j);
            n++;
        }
        free(pc.bb);
        free(pc.n);
    }
    LLVMDisposeBuilder(b);
    return n;
}

/* ---- byte stores forwarded to a wider load (docs D60) ------------------------------------ */

/* A guest access's address: mem + clamp(g + off), as guest_ptr builds it (llvm_emit.c), plus
 * constant GEP offsets.  The clamp does not matter here: two accesses with the same g and off
 * touch the same bytes whenever g + off is in the guest space, and otherwise the first of
 * them faults in a guard and the second never runs. */
typedef struct GuestAddr {
    LLVMValueRef mem, g;
    int64_t off;
} GuestAddr;

/* x without its added constants (into *off). */
static LLVMValueRef strip_add_const(LLVMValueRef x, int64_t *off)
{
    while (LLVMIsAInstruction(x) && LLVMGetInstructionOpcode(x) == LLVMAdd &&
           LLVMIsAConstantInt(LLVMGetOperand(x, 1))) {
        *off += LLVMConstIntGetSExtValue(LLVMGetOperand(x, 1));
        x = LLVMGetOperand(x, 0);
    }
    return x;
}

/* Whether v calls the intrinsic whose name starts with prefix. */
static bool calls_intrinsic(LLVMValueRef v, const char *prefix)
{
    if (!LLVMIsACallInst(v))
        return false;
    LLVMValueRef f = LLVMGetCalledValue(v);
    size_t len;
    const char *name = f && LLVMIsAFunction(f) ? LLVMGetValueName2(f, &len) : NULL;
    return name && strncmp(name, prefix, strlen(prefix)) == 0;
}

static bool guest_addr(LLVMValueRef p, LLVMTypeRef i8, GuestAddr *a)
{
    int64_t off = 0;
    for (int depth = 0; depth < 4; depth++) {
        if (!LLVMIsAGetElementPtrInst(p) || LLVMGetNumOperands(p) != 2 ||
            LLVMGetGEPSourceElementType(p) != i8)
            return false;
        LLVMValueRef idx = LLVMGetOperand(p, 1);
        p = LLVMGetOperand(p, 0);
        if (LLVMIsAConstantInt(idx)) {
            off += LLVMConstIntGetSExtValue(idx);
            continue;
        }
        idx = strip_add_const(idx, &off);
        if (!calls_intrinsic(idx, "llvm.umin.") || !LLVMIsAConstantInt(LLVMGetOperand(idx, 1)))
            return false;
        a->mem = p;
        a->g = strip_add_const(LLVMGetOperand(idx, 0), &off);
        a->off = off;
        return true;
    }
    return false;
}

/* Whether p points into host memory the guest cannot reach: the vCPU (the function's first
 * argument), a host stack slot or a global. */
static bool host_only(LLVMValueRef p, LLVMValueRef cpu)
{
    while (LLVMIsAGetElementPtrInst(p))
        p = LLVMGetOperand(p, 0);
    return p == cpu || LLVMIsAAllocaInst(p) || LLVMIsAGlobalVariable(p);
}

/* Whether call c may write guest memory: anything but a few pure intrinsics. */
static bool call_may_write(LLVMValueRef c)
{
    static const char *const pure[] = { "llvm.umin.", "llvm.umax.", "llvm.smin.", "llvm.smax.",
                                        "llvm.fsh", "llvm.ctpop.", "llvm.ctlz.", "llvm.cttz.",
                                        "llvm.bswap.", "llvm.abs.", "llvm.expect.",
                                        "llvm.assume" };
    for (size_t i = 0; i < sizeof pure / sizeof *pure; i++)
        if (calls_intrinsic(c, pure[i]))
            return false;
    return true;
}

enum { FWD_MAX = 32 };

typedef struct Fwd {
    GuestAddr a;
    unsigned size;       /* bytes */
    LLVMValueRef val;    /* NULL: not an integer, cannot be forwarded */
} Fwd;

typedef struct FwdSet {
    Fwd s[FWD_MAX];
    size_t n;
} FwdSet;

static bool same_base(const GuestAddr *x, const GuestAddr *y)
{
    return x->mem == y->mem && x->g == y->g;
}

/* A store of size bytes at a: drops the stores off other bases (it may overwrite them); of
 * those off the same base, the newest holding a byte says its value. */
static void fwd_store(FwdSet *fs, const GuestAddr *a, unsigned size, LLVMValueRef val)
{
    size_t k = 0;
    for (size_t i = 0; i < fs->n; i++)
        if (same_base(&fs->s[i].a, a))
            fs->s[k++] = fs->s[i];
    fs->n = k;
    if (fs->n == FWD_MAX) {
        memmove(fs->s, fs->s + 1, (FWD_MAX - 1) * sizeof *fs->s);
        fs->n--;
    }
    fs->s[fs->n++] = (Fwd){ *a, size, val };
}

/* The value of the load ld (size bytes at a) from the stores in fs, built before ld, or NULL
 * when some byte has none. */
static LLVMValueRef fwd_value(LLVMBuilderRef b, const FwdSet *fs, const GuestAddr *a,
                              unsigned size, LLVMValueRef ld)
{
    const Fwd *src[8] = { 0 };
    if (size > 8)
        return NULL;
    for (unsigned i = 0; i < size; i++) {
        for (size_t j = fs->n; j-- > 0 && !src[i];) {
            const Fwd *f = &fs->s[j];
            int64_t at = a->off + i;
            if (same_base(&f->a, a) && at >= f->a.off && at < f->a.off + (int64_t)f->size)
                src[i] = f;
        }
        if (!src[i] || !src[i]->val)
            return NULL;
    }
    LLVMTypeRef ty = LLVMTypeOf(ld);
    bool one = src[0]->a.off == a->off && src[0]->size == size && LLVMTypeOf(src[0]->val) == ty;
    for (unsigned i = 1; i < size && one; i++)
        one = src[i] == src[0]; /* no newer store over part of it */
    if (one)
        return src[0]->val;
    LLVMContextRef ctx = LLVMGetTypeContext(ty);
    LLVMValueRef v = NULL;
    for (unsigned i = 0; i < size;) {
        const Fwd *f = src[i];
        unsigned run = 1;
        while (i + run < size && src[i + run] == f)
            run++;
        LLVMValueRef piece = f->val;
        LLVMTypeRef pty = LLVMTypeOf(piece);
        unsigned skip = (unsigned)(a->off + i - f->a.off);
        if (skip)
            piece = LLVMBuildLShr(b, piece, LLVMConstInt(pty, 8ull * skip, 0), "");
        if (run < f->size)
            piece = LLVMBuildTrunc(b, piece, LLVMIntTypeInContext(ctx, 8 * run), "");
        piece = LLVMBuildZExt(b, piece, ty, "");
        if (i)
            piece = LLVMBuildShl(b, piece, LLVMConstInt(ty, 8ull * i, 0), "");
        v = v ? LLVMBuildOr(b, v, piece, "fwd") : piece;
        i += run;
    }
    return v;
}

/* RISC-V has no unaligned loads to rely on, so gcc copies a word it may not load directly
 * byte by byte into the stack and loads it from there (`memcpy(&v, p, 4)`): four byte stores
 * and a word load of the same bytes, which no x86 store buffer forwards (a stall of about a
 * dozen cycles).  Within a block, a load all of whose bytes were stored by earlier integer
 * stores to the same guest base, with no other store or call that may write guest memory in
 * between, gets their values instead (shifted and or-ed: the byte loads that fed the stores
 * still feed them too, so the back end does not merge them into one wide load).  Returns
 * how many loads. */
size_t xlat_store_forward(LLVMModuleRef mod)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    LLVMTypeRef i8 = LLVMInt8TypeInContext(ctx);
    LLVMTargetDataRef td = LLVMGetModuleDataLayout(mod);
    LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
    FwdSet *fs = malloc(sizeof *fs);
    size_t n = 0;
    for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fs && fn; fn = LLVMGetNextFunction(fn)) {
        if (!LLVMCountParams(fn))
            continue;
        LLVMValueRef cpu = LLVMGetParam(fn, 0);
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
             bb = LLVMGetNextBasicBlock(bb)) {
            fs->n = 0;
            LLVMValueRef next;
            for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = next) {
                next = LLVMGetNextInstruction(in);
                LLVMOpcode op = LLVMGetInstructionOpcode(in);
                GuestAddr a;
                if (op == LLVMStore) {
                    LLVMValueRef p = LLVMGetOperand(in, 1), v = LLVMGetOperand(in, 0);
                    LLVMTypeRef vt = LLVMTypeOf(v);
                    if (host_only(p, cpu))
                        continue;
                    if (LLVMGetVolatile(in) || LLVMGetOrdering(in) != LLVMAtomicOrderingNotAtomic ||
                        !guest_addr(p, i8, &a)) {
                        fs->n = 0;
                        continue;
                    }
                    bool is_int = LLVMGetTypeKind(vt) == LLVMIntegerTypeKind &&
                                  LLVMGetIntTypeWidth(vt) % 8 == 0 && LLVMGetIntTypeWidth(vt) <= 64;
                    unsigned size = (unsigned)LLVMStoreSizeOfType(td, vt);
                    fwd_store(fs, &a, size, is_int ? v : NULL);
                } else if (op == LLVMLoad) {
                    LLVMTypeRef t = LLVMTypeOf(in);
                    if (!fs->n || LLVMGetVolatile(in) ||
                        LLVMGetOrdering(in) != LLVMAtomicOrderingNotAtomic ||
                        LLVMGetTypeKind(t) != LLVMIntegerTypeKind || LLVMGetIntTypeWidth(t) % 8 ||
                        LLVMGetIntTypeWidth(t) > 64 || !guest_addr(LLVMGetOperand(in, 0), i8, &a))
                        continue;
                    LLVMPositionBuilderBefore(b, in);
                    LLVMValueRef v = fwd_value(b, fs, &a, LLVMGetIntTypeWidth(t) / 8, in);
                    if (v) {
                        LLVMReplaceAllUsesWith(in, v);
                        LLVMInstructionEraseFromParent(in);
                        n++;
                    }
                } else if ((op == LLVMCall && call_may_write(in)) || op == LLVMAtomicRMW ||
                           op == LLVMAtomicCmpXchg || op == LLVMFence) {
                    fs->n = 0;
                }
            }
        }
    }
    free(fs);
    LLVMDisposeBuilder(b);
    return n;
}

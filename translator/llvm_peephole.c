/*
 * Rewrites of the optimised LLVM IR before code generation (llvm_emit.h), for shapes the
 * optimisation pipeline leaves that the x86 back end turns into slow code.
 */
#include <stdint.h>
#include <stdlib.h>

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

/*
 * Rewrites of the optimised LLVM IR before code generation (llvm_emit.h), for shapes the
 * optimisation pipeline leaves that the x86 back end turns into slow code.
 */
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

/*
 * Calls that leave translated code for host code doing a guest function's work (part of the
 * LLVM emitter; internals in llvm_emit_int.h): the host C library's string functions
 * (runtime/libc_host.h, docs D24, D57) as function bodies and as direct calls passing a0-a2
 * in host registers, and libgcc's bit helpers as LLVM intrinsics (D52).
 */
#include "translator/llvm_emit_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "runtime/libc_host.h"

/* A call of runtime/libc_host.h's fvp_libc_<name> with a0-a2 (C convention, the result
 * {status, a0} in rax:rdx). */
static LLVMValueRef libc_call(XlatEmitter *e, const char *name, LLVMValueRef a[3])
{
    char sym[64];
    snprintf(sym, sizeof sym, "fvp_libc_%s", name);
    LLVMTypeRef fields[2] = { e->t_i64, e->t_i64 };
    LLVMTypeRef params[4] = { e->t_ptr, e->t_i64, e->t_i64, e->t_i64 };
    LLVMTypeRef ty = LLVMFunctionType(LLVMStructTypeInContext(e->ctx, fields, 2, 0), params, 4, 0);
    LLVMValueRef hf = LLVMGetNamedFunction(e->mod, sym);
    if (!hf) {
        hf = LLVMAddFunction(e->mod, sym, ty);
        LLVMAddAttributeAtIndex(hf, LLVMAttributeFunctionIndex, e->a_nounwind);
    }
    LLVMValueRef args[4] = { e->cpu, a[0], a[1], a[2] };
    LLVMValueRef r = LLVMBuildCall2(e->b, ty, hf, args, 4, "r");
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, e->a_strictfp);
    return r;
}

/* The C library function f is, when the runtime has a host version of it
 * (runtime/libc_host.h) and XLAT_EMIT_HOST_LIBC is on: f's symbol, without
 * glibc's "__" prefix of internal aliases.  Not with precise faults, whose
 * promise of exact registers at a fault inside the function it would break. */
const char *host_libc_name(const XlatEmitter *e, const XlatFunc *f)
{
    static const char *const names[] = {
#define FVP_LIBC_NAME(name) #name,
        FVP_LIBC_HOST_FUNCS(FVP_LIBC_NAME)
#undef FVP_LIBC_NAME
    };
    if (!(e->flags & XLAT_EMIT_HOST_LIBC) || (e->flags & XLAT_EMIT_PRECISE_FAULTS) || !f->name)
        return NULL;
    const char *n = strncmp(f->name, "__", 2) == 0 ? f->name + 2 : f->name;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(n, names[i]) == 0)
            return names[i];
    return NULL;
}

/* f's body is one call of the runtime's fvp_libc_<name> with a0-a2 from the vCPU: on a
 * return a0 = its result and pc = ra, else the fault's reason with pc still f's entry; only
 * f's entry goes into the PC table.  It checks exit_req first, as every function's entry
 * does: loops around indirect calls have no poll of their own (D67). */
int emit_host_libc(XlatEmitter *e, size_t fi, const char *name)
{
    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, e->fn, "host_libc"));
    LLVMValueRef req = LLVMBuildLoad2(e->b, e->t_i32,
                                      cpu_field(e, offsetof(RvCpu, exit_req), "req.p"), "req");
    LLVMSetAlignment(req, 4);
    LLVMSetVolatile(req, 1);
    LLVMBasicBlockRef stop = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "stop");
    LLVMBasicBlockRef go = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "go");
    br_rare(e, LLVMBuildICmp(e->b, LLVMIntNE, req, c32(e, 0), "stop?"), stop, go);
    LLVMPositionBuilderAtEnd(e->b, stop);
    LLVMBuildRet(e->b, c32(e, IR_EXIT_LIMIT));
    LLVMPositionBuilderAtEnd(e->b, go);
    LLVMValueRef a[3];
    for (unsigned i = 0; i < 3; i++) {
        a[i] = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64, cpu_field(e, reg_offset(10 + i), ""),
                                         "arg"));
        LLVMSetAlignment(a[i], 8);
    }
    LLVMValueRef r = libc_call(e, name, a);
    LLVMValueRef status = LLVMBuildTrunc(e->b, LLVMBuildExtractValue(e->b, r, 0, ""), e->t_i32,
                                         "status");
    LLVMBasicBlockRef back = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "libc.ret");
    LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "libc.fault");
    br_rare(e, LLVMBuildICmp(e->b, LLVMIntNE, status, c32(e, IR_EXIT_RETURN), "faulted"), out,
            back);
    LLVMPositionBuilderAtEnd(e->b, out);
    LLVMBuildRet(e->b, status);
    LLVMPositionBuilderAtEnd(e->b, back);
    cpu_store64(e, reg_offset(10), LLVMBuildExtractValue(e->b, r, 1, "ret.v"), "");
    LLVMValueRef ra = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64, cpu_field(e, reg_offset(1), ""),
                                                "ra"));
    LLVMSetAlignment(ra, 8);
    cpu_store64(e, offsetof(RvCpu, pc), ra, "pc.p");
    LLVMBuildRet(e->b, status);
    if (add_entry(e, e->f->entry, (uint32_t)fi) != 0)
        return -ENOMEM;
    e->st.entries++;
    e->st.funcs_ok++;
    e->st.host_libc++;
    return 0;
}

/*
 * A direct call of a host C library function (docs D24), in a function of any size: it
 * reads a0-a2 and writes a0, nothing else, so those pass in host registers and every other
 * register stays where it is; no depth count (it calls nothing).  On IR_EXIT_RETURN the
 * call goes on at its return site ret_bi, or for a tail call (ret_bi NULL) returns to ra as
 * the callee would; anything else is a guest fault at the callee's entry, so the caller's
 * registers go back, c->pc becomes the callee and the reason goes up.
 */
static void emit_libc_call(XlatEmitter *e, const char *name, uint64_t pc, BlockInfo *ret_bi)
{
    LLVMValueRef a[3];
    for (unsigned i = 0; i < 3; i++)
        a[i] = reg_get(e, 10 + i, "arg");
    LLVMValueRef r = libc_call(e, name, a);
    LLVMValueRef status = LLVMBuildExtractValue(e->b, r, 0, "status");
    LLVMBasicBlockRef back = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "libc.ret");
    LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "libc.fault");
    br_rare(e, LLVMBuildICmp(e->b, LLVMIntNE, status, c64(e, IR_EXIT_RETURN), "faulted"), out,
            back);
    LLVMPositionBuilderAtEnd(e->b, out);
    reg_writeback(e);
    cpu_store64(e, offsetof(RvCpu, pc), c64(e, pc), "pc.p");
    build_ret(e, LLVMBuildTrunc(e->b, status, e->t_i32, "reason"));
    LLVMPositionBuilderAtEnd(e->b, back);
    LLVMValueRef v = LLVMBuildExtractValue(e->b, r, 1, "ret.v");
    if (e->reg_slot[10])
        LLVMBuildStore(e->b, v, e->reg_slot[10]);
    /* (the caller's write-backs leave out a register it does not write itself) */
    if (!e->reg_slot[10] || !e->reg_written[10])
        cpu_store64(e, reg_offset(10), v, "");
    if (ret_bi)
        LLVMBuildBr(e->b, ret_bi->bb);
    else
        exit_dynamic(e, reg_get(e, 1, "ra"), IR_EXIT_RETURN, 0);
    e->st.host_calls++;
}

/* The return site of a host C library call (emit_libc_call) is no entry: the call comes back
 * there itself, and the dispatcher gets there only when a guest handler resumed a fault
 * inside the function, where the interpreter can go on.  As an entry it merged every
 * register with its vCPU copy, losing the constants of a loop around the call (strings'
 * divisor became an idiv; docs D57).  After lifting, before the entries are used. */
void libc_return_sites(XlatEmitter *e)
{
    const XlatFunc *f = e->f;
    for (size_t i = 0; ssa_regs(e) && i < f->nblocks; i++) {
        const IrBlock *blk = &e->blocks[i].ir;
        for (uint32_t k = 0; k < blk->ninsns; k++) {
            uint64_t target;
            if (blk->insns[k].op != IR_EXIT || blk->insns[k].aux != IR_EXIT_CALL ||
                !xlat_exit_target(blk, k, &target))
                continue;
            const XlatFunc *callee = xlat_find_region(e->prog, target);
            BlockInfo *ret = callee && host_libc_name(e, callee) ? local_block(e, blk->end_pc)
                                                                 : NULL;
            if (ret && !(f->blocks[ret - e->blocks].flags &
                         (XLAT_BLK_ENTRY | XLAT_BLK_RESUME | XLAT_BLK_REGION)))
                ret->entry = false;
        }
    }
}

/* libgcc's bit helpers, which RV64GC code without Zbb calls for __builtin_clzl and the like
 * (docs D52): the LLVM intrinsic each one computes, for a nonzero argument where the
 * helper's result for 0 is its own (__clzdi2 reads a table for it; __ctzdi2 gives -1). */
typedef struct BitHelper {
    const char *name, *intrinsic;
    bool nonzero;    /* only for a nonzero argument (else the call as it is) */
    bool word;       /* on the low 32 bits, the result sign-extended (int) */
} BitHelper;

static const BitHelper *bit_helper(const XlatFunc *f)
{
    static const BitHelper helpers[] = {
        { "__clzdi2", "llvm.ctlz", true, false },
        { "__ctzdi2", "llvm.cttz", true, false },
        { "__popcountdi2", "llvm.ctpop", false, false },
        { "__bswapdi2", "llvm.bswap", false, false },
        { "__bswapsi2", "llvm.bswap", false, true },
    };
    for (size_t i = 0; f->name && i < sizeof helpers / sizeof *helpers; i++)
        if (strcmp(f->name, helpers[i].name) == 0)
            return &helpers[i];
    return NULL;
}

/* Whether a direct call of callee runs the callee's own translated code, starting with its
 * entry's exit_req check, whatever else: not the host C library's version (D24), not a bit
 * helper's intrinsic (D52).  Loops calling such a callee need no poll (D50). */
bool call_enters_callee(const XlatEmitter *e, const XlatFunc *callee)
{
    return !host_libc_name(e, callee) && !bit_helper(callee);
}

/*
 * A direct call of a libgcc bit helper h as its LLVM intrinsic on a0, on to the return
 * site ret_bi; with h->nonzero, a zero argument leaves the builder in a block that makes
 * the call as it is (returns true), else false.  Only a0 changes: the helper's scratch
 * registers keep their values, which no caller may read (as with the host C library, D24).
 * Not when a0 has no slot or the function never sets it (its write-backs would miss it).
 */
static bool emit_bit_helper(XlatEmitter *e, const BitHelper *h, BlockInfo *ret_bi)
{
    LLVMValueRef x = LLVMBuildLoad2(e->b, e->t_i64, e->reg_slot[10], "bit.arg");
    LLVMBasicBlockRef slow = NULL;
    if (h->nonzero) {
        LLVMBasicBlockRef fast = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "bit.fast");
        slow = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "bit.zero");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, x, c64(e, 0), "bit.is0"), slow,
                        fast);
        LLVMPositionBuilderAtEnd(e->b, fast);
    }
    LLVMTypeRef ty = h->word ? e->t_i32 : e->t_i64;
    /* ctlz and cttz (the nonzero ones) take "zero is poison": true, 0 went the slow way */
    LLVMValueRef args[2] = { h->word ? LLVMBuildTrunc(e->b, x, ty, "") : x,
                             LLVMConstInt(e->t_i1, 1, 0) };
    LLVMValueRef r = call_intrinsic(e, h->intrinsic, ty, args, h->nonzero ? 2 : 1, "bit");
    if (h->word)
        r = LLVMBuildSExt(e->b, r, e->t_i64, "");
    LLVMBuildStore(e->b, r, e->reg_slot[10]);
    LLVMBuildBr(e->b, ret_bi->bb);
    if (slow)
        LLVMPositionBuilderAtEnd(e->b, slow);
    e->st.bit_helpers++;
    return slow != NULL;
}

/* A direct call of callee (a translated function at pc) returning to ret_bi, or a tail
 * call of it (ret_bi NULL), with the registers in SSA values, as host code doing its work:
 * the host C library's version (emit_libc_call; a tail call then returns to ra itself, not
 * through the dispatcher: msort ends with one to memcpy, D64) or a bit helper's intrinsic
 * (emit_bit_helper, calls only).  Returns true when the call is complete; false when it is
 * not such a callee, or the builder is left where the call must be made as it is. */
bool emit_host_work(XlatEmitter *e, const XlatFunc *callee, uint64_t pc, BlockInfo *ret_bi)
{
    const char *libc = host_libc_name(e, callee);
    if (libc) {
        emit_libc_call(e, libc, pc, ret_bi);
        return true;
    }
    const BitHelper *bit = ret_bi ? bit_helper(callee) : NULL;
    return bit && e->reg_slot[10] && e->reg_written[10] && (e->flags & XLAT_EMIT_NO_INSTRET) &&
           (e->flags & XLAT_EMIT_HOST_LIBC) && !emit_bit_helper(e, bit, ret_bi);
}

/*
 * Where control leaves a block of translated code (half of the LLVM emitter; internals in
 * llvm_emit_int.h): exits to the dispatcher and the shared exit and trap blocks, tail
 * calls, host calls of translated functions and of the host C library, the register-passing
 * self-call variant, jump tables and indirect lookups.
 */
#include "translator/llvm_emit_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/aot.h"

/* Direct calls are host calls only in functions of at most this many guest
 * instructions: a host call links the code after the call to the code
 * before it, so all registers stay live across the whole function; in big
 * functions that made register allocation 2-3x slower (docs D19).  Indirect calls are
 * host calls everywhere (exit_via_lookup), and so are a function's calls of itself (D65:
 * glibc's msort is just above the limit and recursive). */
#define XLAT_HOST_CALL_MAX_INSNS 200

/* ---- exits -------------------------------------------------------------- */

/* Instructions of this block retired up to here and not yet counted. */
unsigned take_count(XlatEmitter *e, unsigned retired)
{
    unsigned n = retired > e->flushed ? retired - e->flushed : 0;
    return n;
}

static void build_rec_ret(XlatEmitter *e);

/* Leaves to the dispatcher: cpu->pc = pc, instret += count, return reason. */
void exit_to_dispatcher(XlatEmitter *e, LLVMValueRef pc, unsigned reason, unsigned count)
{
    LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
    if (e->rec && reason == IR_EXIT_RETURN) {
        /* the variant's returns have a block of their own: the status is the pc */
        if (!e->ret_bb) {
            build_rec_ret(e);
            LLVMPositionBuilderAtEnd(e->b, here);
        }
        LLVMValueRef n = c64(e, count);
        LLVMAddIncoming(e->ret_pc, &pc, &here, 1);
        LLVMAddIncoming(e->ret_count, &n, &here, 1);
        LLVMBuildBr(e->b, e->ret_bb);
        e->st.dispatcher_exits++;
        return;
    }
    LLVMValueRef r = c32(e, reason), n = c64(e, count);
    LLVMAddIncoming(e->exit_pc, &pc, &here, 1);
    LLVMAddIncoming(e->exit_reason, &r, &here, 1);
    LLVMAddIncoming(e->exit_count, &n, &here, 1);
    LLVMBuildBr(e->b, e->exit_bb);
    e->st.dispatcher_exits++;
}

void add_instret(XlatEmitter *e, LLVMValueRef n)
{
    if (e->flags & XLAT_EMIT_NO_INSTRET)
        return;
    LLVMValueRef p = e->instret_slot ? e->instret_slot
                                     : cpu_field(e, offsetof(RvCpu, instret), "instret.p");
    LLVMValueRef v = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64, p, "instret"));
    LLVMSetAlignment(v, 8);
    LLVMValueRef st = tag_cpu(e, LLVMBuildStore(e->b, LLVMBuildAdd(e->b, v, n, "instret.n"), p));
    LLVMSetAlignment(st, 8);
}

/* Raises a guest trap through tb: pc, cause, tval (i64 values). */
void exit_trap_via(XlatEmitter *e, TrapBlock *tb, LLVMValueRef pc, LLVMValueRef cause,
                   LLVMValueRef tval, unsigned count)
{
    LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
    LLVMValueRef n = c64(e, count);
    LLVMAddIncoming(tb->pc, &pc, &here, 1);
    LLVMAddIncoming(tb->cause, &cause, &here, 1);
    LLVMAddIncoming(tb->tval, &tval, &here, 1);
    LLVMAddIncoming(tb->count, &n, &here, 1);
    LLVMBuildBr(e->b, tb->bb);
}

void exit_trap(XlatEmitter *e, LLVMValueRef pc, LLVMValueRef cause, LLVMValueRef tval,
               unsigned count)
{
    exit_trap_via(e, &e->trap, pc, cause, tval, count);
}

/*
 * A conditional branch to rare when cond holds (a guest fault, a waiting signal, a return
 * elsewhere, the host stack limit, a missed lookup), else to usual, with branch weights that
 * say so.  Without them LLVM guesses even odds for most of these tests, lays the rare paths
 * out inline and spills a loop's own values to keep registers free for what only a rare path
 * uses (docs D62).
 */
LLVMValueRef br_rare(XlatEmitter *e, LLVMValueRef cond, LLVMBasicBlockRef rare,
                     LLVMBasicBlockRef usual)
{
    LLVMValueRef br = LLVMBuildCondBr(e->b, cond, rare, usual);
    LLVMMetadataRef md[3] = {
        LLVMMDStringInContext2(e->ctx, "branch_weights", 14),
        LLVMValueAsMetadata(c32(e, 1)),
        LLVMValueAsMetadata(c32(e, (1u << 20) - 1)),
    };
    LLVMSetMetadata(br, LLVMGetMDKindIDInContext(e->ctx, "prof", 4),
                    LLVMMetadataAsValue(e->ctx, LLVMMDNodeInContext2(e->ctx, md, 3)));
    return br;
}

/* Whether leaf entries (docs D63) exist and indirect calls use them: registers in SSA
 * values, no instruction count. */
static bool leaf_calls_ok(const XlatEmitter *e)
{
    return ssa_regs(e) && (e->flags & XLAT_EMIT_NO_INSTRET);
}

/* ---- what the register-passing variant returns (docs D34, D46) ----------- */

/* Whether the variant gives register r back to its callers: the function writes it and it
 * is live at a self-call's return site. */
bool rec_gives_back(const XlatEmitter *e, int r)
{
    return e->reg_written[r] && (e->leaf || (e->rec_live >> r & 1));
}

/* A leaf entry's parameters after cpu, in order: a0-a7, sp, ra (docs D63); its results
 * after the status are a0-a7, each in the host register it came in. */
static const int leaf_params[] = { 10, 11, 12, 13, 14, 15, 16, 17, 2, 1 };
enum { LEAF_NPARAMS = sizeof leaf_params / sizeof *leaf_params, LEAF_NRETS = 8 };

/* The register-passing variant's parameters after cpu, in order: -1 for instret, then the
 * registers with slots that it gives back, then the others, each in rec_order (the one
 * definition of the order: what the variant returns is its start, so that a register comes
 * back in the host register it came in, docs D62); returns how many. */
unsigned rec_params(const XlatEmitter *e, int out[1 + XLAT_MAX_REGS])
{
    unsigned n = 0;
    if (e->leaf) {
        memcpy(out, leaf_params, sizeof leaf_params);
        return LEAF_NPARAMS;
    }
    if (e->instret_slot)
        out[n++] = -1;
    for (int back = 1; back >= 0; back--)
        for (int k = 0; k < XLAT_MAX_REGS; k++) {
            int r = rec_order(k);
            if (e->reg_slot[r] && rec_gives_back(e, r) == back)
                out[n++] = r;
        }
    return n;
}

/* e->rec_sites and e->rec_live: every call of f's entry (a superset of the self-calls
 * exit_const makes host calls) and the registers live where it returns. */
void rec_sites_find(XlatEmitter *e)
{
    const XlatFunc *f = e->f;
    e->rec_nsites = 0;
    e->rec_live = 0;
    for (size_t i = 0; i < f->nblocks; i++) {
        const IrBlock *blk = &e->blocks[i].ir;
        for (uint32_t k = 0; k < blk->ninsns; k++) {
            uint64_t pc;
            if (blk->insns[k].op != IR_EXIT || blk->insns[k].aux != IR_EXIT_CALL ||
                !xlat_exit_target(blk, k, &pc) || pc != f->entry)
                continue;
            const BlockInfo *site = local_block(e, blk->end_pc);
            e->rec_live |= site ? site->live_in : UINT64_MAX;
            if (e->rec_nsites == XLAT_REC_SITES)
                e->rec_live = UINT64_MAX;
            else
                e->rec_sites[e->rec_nsites++] = blk->end_pc;
        }
    }
}

LLVMValueRef rec_slot(const XlatEmitter *e, int r)
{
    return r < 0 ? e->instret_slot : e->reg_slot[r];
}

/* The variant's value of a parameter's register r here: its slot's, or for a leaf entry's
 * register without one, the parameter itself. */
LLVMValueRef rec_value(XlatEmitter *e, int r)
{
    if (rec_slot(e, r))
        return LLVMBuildLoad2(e->b, e->t_i64, rec_slot(e, r), "ret.v");
    unsigned i = 0;
    while (leaf_params[i] != r)
        i++;
    return LLVMGetParam(e->fn, 1 + i);
}

/* regcall keeps rbx, rbp, r12-r15 and xmm8-15 callee-saved; a variant that calls a C
 * function (fvp_poll) would save all eight xmm registers on every entry.  With this
 * attribute on the variant and its calls, nothing is callee-saved, as with preserve_none:
 * the caller keeps in host registers only what is live across the call. */
static LLVMAttributeRef rec_no_csr(XlatEmitter *e)
{
    static const char k[] = "no_callee_saved_registers";
    return LLVMCreateStringAttribute(e->ctx, k, sizeof k - 1, "", 0);
}

/* The variant returns a status word and at most this many registers in host registers. */
#define XLAT_REC_RET_MAX 10

/* The slots the variant returns, in rec_params' order (-1: instret, first, when it has a
 * slot; then the registers the function writes, as long as there is room); the other
 * registers it writes go through the vCPU. */
static unsigned rec_returns(const XlatEmitter *e, int out[XLAT_REC_RET_MAX])
{
    int all[1 + XLAT_MAX_REGS];
    unsigned n = 0, np = rec_params(e, all);
    if (e->leaf) {
        memcpy(out, all, LEAF_NRETS * sizeof *out);
        return LEAF_NRETS;
    }
    for (unsigned i = 0; i < np && n < XLAT_REC_RET_MAX; i++)
        if (all[i] < 0 || e->reg_written[all[i]])
            out[n++] = all[i];
    return n;
}

unsigned rec_offset(int r)
{
    return r < 0 ? (unsigned)offsetof(RvCpu, instret) : reg_offset(r);
}

/* rec_returns, and returned[1 + r] for each register r it returns (returned[0]: instret). */
static unsigned rec_returned(const XlatEmitter *e, int regs[XLAT_REC_RET_MAX],
                             bool returned[1 + XLAT_MAX_REGS])
{
    unsigned n = rec_returns(e, regs);
    memset(returned, 0, (1 + XLAT_MAX_REGS) * sizeof *returned);
    for (unsigned i = 0; i < n; i++)
        returned[1 + regs[i]] = true;
    return n;
}

/* Which registers rec_writeback_rest writes back (of those the variant writes and does not
 * return): all, only those it gives back (rec_gives_back), only the others. */
enum { REST_ALL, REST_BACK, REST_DEAD };

/* Where the variant's exits write back: the registers it writes and does not return. */
static unsigned rec_writeback_rest(XlatEmitter *e, int which)
{
    int regs[XLAT_REC_RET_MAX];
    bool returned[1 + XLAT_MAX_REGS];
    rec_returned(e, regs, returned);
    unsigned n = 0;
    for (unsigned r = 0; r < XLAT_MAX_REGS; r++) {
        if (returned[1 + r] || !e->reg_slot[r] || !e->reg_written[r] ||
            (which == REST_BACK && !rec_gives_back(e, (int)r)) ||
            (which == REST_DEAD && rec_gives_back(e, (int)r)))
            continue;
        reg_writeback_one(e, r);
        n++;
    }
    return n;
}

/*
 * The rest of a return's write-back: the registers the variant writes and gives back to no
 * caller are dead at every self-call's return site (written again before anything, even a
 * way out of the function, reads them), so a return there leaves them; a return anywhere
 * else (a frame's return address overwritten) writes them back too (docs D62).
 */
static void rec_writeback_far(XlatEmitter *e)
{
    LLVMBasicBlockRef at = LLVMGetInsertBlock(e->b);
    LLVMBasicBlockRef far = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "ret.far");
    LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "ret.join");
    LLVMPositionBuilderAtEnd(e->b, far);
    if (!rec_writeback_rest(e, REST_DEAD)) {
        LLVMDeleteBasicBlock(far);
        LLVMDeleteBasicBlock(join);
        LLVMPositionBuilderAtEnd(e->b, at);
        return;
    }
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, at);
    LLVMValueRef near = LLVMConstInt(e->t_i1, 0, 0);
    for (unsigned i = 0; i < e->rec_nsites; i++)
        near = LLVMBuildOr(e->b, near,
                           LLVMBuildICmp(e->b, LLVMIntEQ, e->ret_pc, c64(e, e->rec_sites[i]), ""),
                           "ret.near");
    br_rare(e, LLVMBuildNot(e->b, near, ""), far, join);
    LLVMPositionBuilderAtEnd(e->b, join);
}

/* The status word: the pc the variant returned to (IR_EXIT_RETURN), which its callers
 * compare with their return address, when below 2^63; anything else is 2^63 | reason.
 * cpu->pc holds the pc, except after a return (build_rec_ret) with a status below 2^63. */
static LLVMValueRef rec_status(XlatEmitter *e, LLVMValueRef reason, LLVMValueRef pc)
{
    LLVMValueRef other = LLVMBuildOr(e->b, LLVMBuildZExt(e->b, reason, e->t_i64, ""),
                                     c64(e, 1ULL << 63), "status.other");
    LLVMValueRef returned = LLVMBuildAnd(
        e->b, LLVMBuildICmp(e->b, LLVMIntEQ, reason, c32(e, IR_EXIT_RETURN), ""),
        LLVMBuildICmp(e->b, LLVMIntSGE, pc, c64(e, 0), ""), "returned");
    return LLVMBuildSelect(e->b, returned, pc, other, "status");
}

/* The reason a status word stands for. */
static LLVMValueRef rec_reason(XlatEmitter *e, LLVMValueRef status)
{
    return LLVMBuildSelect(e->b, LLVMBuildICmp(e->b, LLVMIntSLT, status, c64(e, 0), ""),
                           LLVMBuildTrunc(e->b, status, e->t_i32, ""),
                           c32(e, IR_EXIT_RETURN), "reason");
}

/* Returns status and the returned registers, from the slots or from the vCPU. */
static void rec_ret(XlatEmitter *e, LLVMValueRef status, bool in_vcpu)
{
    int regs[XLAT_REC_RET_MAX];
    unsigned n = rec_returns(e, regs);
    LLVMValueRef agg = LLVMBuildInsertValue(e->b, LLVMGetUndef(e->rec_ret_ty), status, 0, "");
    for (unsigned i = 0; i < n; i++) {
        LLVMValueRef v;
        if (in_vcpu) {
            v = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64, cpu_field(e, rec_offset(regs[i]), ""),
                                          "ret.v"));
            LLVMSetAlignment(v, 8);
        } else {
            v = rec_value(e, regs[i]);
        }
        agg = LLVMBuildInsertValue(e->b, agg, v, 1 + i, "");
    }
    LLVMBuildRet(e->b, agg);
}

/* Where the variant returns (IR_EXIT_RETURN): the status is the pc, and the pc stays out
 * of the vCPU (the one-argument body stores it when the return is not its own); only a pc at
 * or above 2^63, which no status can carry, goes into the vCPU. */
static void build_rec_ret(XlatEmitter *e)
{
    e->ret_bb = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "ret");
    LLVMPositionBuilderAtEnd(e->b, e->ret_bb);
    e->ret_pc = LLVMBuildPhi(e->b, e->t_i64, "ret.pc");
    e->ret_count = LLVMBuildPhi(e->b, e->t_i64, "ret.count");
    add_instret(e, e->ret_count);
    rec_writeback_rest(e, REST_BACK);
    rec_writeback_far(e);
    LLVMBasicBlockRef high = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "ret.high");
    LLVMBasicBlockRef plain = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "ret.plain");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntSGE, e->ret_pc, c64(e, 0), ""), plain,
                    high);
    LLVMPositionBuilderAtEnd(e->b, plain);
    rec_ret(e, e->ret_pc, false);
    LLVMPositionBuilderAtEnd(e->b, high);
    cpu_store64(e, offsetof(RvCpu, pc), e->ret_pc, "pc.p");
    rec_ret(e, c64(e, 1ULL << 63 | IR_EXIT_RETURN), false);
}

/* The variant returns reason with the whole state (pc included) in the vCPU. */
void rec_ret_vcpu(XlatEmitter *e, LLVMValueRef reason)
{
    LLVMValueRef pc = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64,
                                                cpu_field(e, offsetof(RvCpu, pc), "pc.p"), "pc"));
    LLVMSetAlignment(pc, 8);
    /* a leaf entry's parameters it does not write are not in the vCPU; it calls nothing */
    rec_ret(e, rec_status(e, reason, pc), !e->leaf);
}

/* Returns reason, the whole state being in the vCPU. */
void build_ret(XlatEmitter *e, LLVMValueRef reason)
{
    if (e->rec)
        rec_ret_vcpu(e, reason);
    else
        LLVMBuildRet(e->b, reason);
}

/* cpu->pc/trap_cause/trap_tval from the phis, instret += count, and (if
 * writeback) the registers; returns IR_EXIT_TRAP. */
static void build_trap_block(XlatEmitter *e, TrapBlock *tb, const char *name, bool writeback)
{
    tb->bb = LLVMAppendBasicBlockInContext(e->ctx, e->fn, name);
    LLVMPositionBuilderAtEnd(e->b, tb->bb);
    tb->pc = LLVMBuildPhi(e->b, e->t_i64, "trap.pc");
    tb->cause = LLVMBuildPhi(e->b, e->t_i64, "trap.cause");
    tb->tval = LLVMBuildPhi(e->b, e->t_i64, "trap.tval");
    tb->count = LLVMBuildPhi(e->b, e->t_i64, "trap.count");
    if (writeback) {
        add_instret(e, tb->count);
        reg_writeback(e);
    }
    cpu_store64(e, offsetof(RvCpu, pc), tb->pc, "pc.p");
    cpu_store64(e, offsetof(RvCpu, trap_cause), tb->cause, "cause.p");
    cpu_store64(e, offsetof(RvCpu, trap_tval), tb->tval, "tval.p");
    LLVMValueRef st = LLVMBuildStore(e->b, c32(e, 0),
                                     cpu_field(e, offsetof(RvCpu, trap_pending), "pending.p"));
    LLVMSetAlignment(st, 4);
    build_ret(e, c32(e, IR_EXIT_TRAP));
}

void build_shared_exits(XlatEmitter *e)
{
    e->ret_bb = NULL;
    e->exit_bb = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "exit");
    LLVMPositionBuilderAtEnd(e->b, e->exit_bb);
    e->exit_pc = LLVMBuildPhi(e->b, e->t_i64, "exit.pc");
    e->exit_reason = LLVMBuildPhi(e->b, e->t_i32, "exit.reason");
    e->exit_count = LLVMBuildPhi(e->b, e->t_i64, "exit.count");
    add_instret(e, e->exit_count);
    if (e->rec)
        rec_writeback_rest(e, REST_ALL);
    else
        reg_writeback(e);
    cpu_store64(e, offsetof(RvCpu, pc), e->exit_pc, "pc.p");
    if (e->rec)
        rec_ret(e, rec_status(e, e->exit_reason, e->exit_pc), false);
    else
        LLVMBuildRet(e->b, e->exit_reason);

    build_trap_block(e, &e->trap, "trap", true);
    /* A guest memory fault only reaches native code while it ends the
     * process (native.h), like a host fault: no registers to write back,
     * which keeps them from being live into every access's fault edge. */
    build_trap_block(e, &e->fault, "fault", !ssa_regs(e));
}

/* The block of the current function starting at pc, or NULL. */
BlockInfo *local_block(XlatEmitter *e, uint64_t pc)
{
    const XlatBlock *xb = xlat_find_block(e->f, pc);
    return xb ? &e->blocks[xb - e->f->blocks] : NULL;
}

/* Tail call of fn: registers back in the vCPU, cpu->pc = pc. */
static void emit_tail_call(XlatEmitter *e, LLVMValueRef fn, LLVMValueRef pc)
{
    if (e->rec) {
        /* the variant's signature allows no musttail to fn: the dispatcher goes on at pc
         * (rare: the variant's tail calls and the calls past the depth limit) */
        exit_to_dispatcher(e, pc, IR_EXIT_JUMP, 0);
        return;
    }
    cpu_store64(e, offsetof(RvCpu, pc), pc, "pc.p");
    LLVMValueRef call = LLVMBuildCall2(e->b, e->t_fn, fn, &e->cpu, 1, "r");
    LLVMSetTailCallKind(call, LLVMTailCallKindMustTail);
    LLVMAddCallSiteAttribute(call, LLVMAttributeFunctionIndex, e->a_strictfp);
    LLVMBuildRet(e->b, call);
    e->st.tail_calls++;
}

/* The current function's register-passing variant (docs D34), declared on first use: its
 * parameters are cpu, then the function's slots (instret, then registers in order). */
LLVMValueRef rec_function(XlatEmitter *e, const char *name)
{
    LLVMValueRef fn = LLVMAddFunction(e->mod, name, e->rec_ty);
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    LLVMSetFunctionCallConv(fn, XLAT_REC_CALLCONV);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, e->a_nounwind);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, e->a_strictfp);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, rec_no_csr(e));
    return fn;
}

static void rec_decl(XlatEmitter *e)
{
    if (e->rec_fn)
        return;
    int regs[1 + XLAT_MAX_REGS];
    unsigned n = rec_params(e, regs);
    LLVMTypeRef params[2 + XLAT_MAX_REGS];
    params[0] = e->t_ptr;
    for (unsigned i = 0; i < n; i++)
        params[1 + i] = e->t_i64;
    int rets[XLAT_REC_RET_MAX];
    LLVMTypeRef fields[1 + XLAT_REC_RET_MAX];
    unsigned nr = rec_returns(e, rets);
    for (unsigned i = 0; i < 1 + nr; i++)
        fields[i] = e->t_i64;
    e->rec_ret_ty = LLVMStructTypeInContext(e->ctx, fields, 1 + nr, 0);
    e->rec_ty = LLVMFunctionType(e->rec_ret_ty, params, 1 + n, 0);
    size_t len;
    char name[160];
    snprintf(name, sizeof name, "%s.rec", LLVMGetValueName2(e->fn, &len));
    e->rec_fn = rec_function(e, name);
}

/* A variant's call (self or leaf entry) did not come back here: the registers it returned
 * (regs[0..n-1], after the status in r) go into the vCPU, and the reason goes up. */
static void status_out(XlatEmitter *e, LLVMValueRef r, const int *regs, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        cpu_store64(e, rec_offset(regs[i]), LLVMBuildExtractValue(e->b, r, 1 + i, ""), "");
    /* a status below 2^63 is a return's pc, which the variant did not store */
    LLVMValueRef status = LLVMBuildExtractValue(e->b, r, 0, "status");
    LLVMValueRef pc_p = cpu_field(e, offsetof(RvCpu, pc), "pc.p");
    LLVMValueRef old = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64, pc_p, "pc"));
    LLVMSetAlignment(old, 8);
    LLVMValueRef is_ret = LLVMBuildICmp(e->b, LLVMIntSGE, status, c64(e, 0), "");
    cpu_store64(e, offsetof(RvCpu, pc), LLVMBuildSelect(e->b, is_ret, status, old, ""), "pc.p");
    build_ret(e, rec_reason(e, status));
}

/* A self-call's variant did not return here: what it returned in host registers goes on
 * up as it is from a variant, or into the vCPU from the one-argument body. */
static void rec_call_out(XlatEmitter *e, LLVMValueRef r)
{
    if (e->rec) {
        LLVMBuildRet(e->b, r);
        return;
    }
    int regs[XLAT_REC_RET_MAX];
    unsigned n = rec_returns(e, regs);
    status_out(e, r, regs, n);
}

/* A self-call's variant returned here: the slots take the registers it returned, and the
 * others the vCPU's values (a call inside the callee may have changed any). */
static void rec_call_back(XlatEmitter *e, LLVMValueRef r)
{
    int regs[XLAT_REC_RET_MAX];
    bool returned[1 + XLAT_MAX_REGS];
    unsigned n = rec_returned(e, regs, returned);
    for (unsigned i = 0; i < n; i++)
        LLVMBuildStore(e->b, LLVMBuildExtractValue(e->b, r, 1 + i, "ret.v"),
                       rec_slot(e, regs[i]));
    const IrRegInfo *info = e->fe->ir_env->regs;
    for (int r2 = 0; r2 < XLAT_MAX_REGS; r2++)
        if (e->reg_slot[r2] && !returned[1 + r2])
            slot_load(e, e->reg_slot[r2], reg_offset(r2), info[r2].name);
    if (e->instret_slot && !returned[0])
        slot_load(e, e->instret_slot, offsetof(RvCpu, instret), "instret");
}

/*
 * A guest call to translated function fn as a host call (runtime/aot.h,
 * docs D19): registers are already back in the vCPU, except for self (docs D34): a call of
 * the current function's own entry, which calls its register-passing variant with the
 * slots' values as arguments and writes nothing back first.  Above the host
 * stack limit, call fn; if it comes back with IR_EXIT_RETURN at this call's
 * return address, reload the registers and go on at the return site block
 * (so the host's return predictor sees call/ret pairs), else pass its
 * reason on.  At the limit, a tail call as before.
 */
static void emit_host_call(XlatEmitter *e, LLVMValueRef fn, LLVMValueRef pc, BlockInfo *ret_bi,
                           bool self)
{
    /* the host stack pointer against the dispatcher's limit (docs D39): no counter to keep */
    LLVMMetadataRef rsp_name = LLVMMDStringInContext2(e->ctx, "rsp", 3);
    LLVMValueRef rsp_md =
        LLVMMetadataAsValue(e->ctx, LLVMMDNodeInContext2(e->ctx, &rsp_name, 1));
    LLVMValueRef sp = call_intrinsic(e, "llvm.read_register", e->t_i64, &rsp_md, 1, "host.sp");
    LLVMValueRef limit = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64,
                                                   cpu_field(e, offsetof(RvCpu, native_sp_limit),
                                                             "sp.limit.p"),
                                                   "sp.limit"));
    LLVMSetAlignment(limit, 8);
    LLVMBasicBlockRef call_bb = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "hcall");
    LLVMBasicBlockRef deep_bb = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "hcall.deep");
    LLVMValueRef deep = LLVMBuildICmp(e->b, LLVMIntULT, sp, limit, "deep");
    br_rare(e, deep, deep_bb, call_bb);
    LLVMPositionBuilderAtEnd(e->b, deep_bb);
    if (self && !e->rec)
        reg_writeback(e); /* (the variant's exit block writes everything back) */
    emit_tail_call(e, fn, pc);

    LLVMPositionBuilderAtEnd(e->b, call_bb);
    LLVMValueRef r, ok;
    if (self) {
        int regs[1 + XLAT_MAX_REGS];
        unsigned n = rec_params(e, regs);
        LLVMValueRef args[2 + XLAT_MAX_REGS];
        args[0] = e->cpu;
        for (unsigned i = 0; i < n; i++)
            args[1 + i] = LLVMBuildLoad2(e->b, e->t_i64, rec_slot(e, regs[i]), "arg");
        r = LLVMBuildCall2(e->b, e->rec_ty, e->rec_fn, args, 1 + n, "r");
        LLVMSetInstructionCallConv(r, XLAT_REC_CALLCONV);
        LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, e->a_strictfp);
        LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, rec_no_csr(e));
        ok = LLVMBuildICmp(e->b, LLVMIntEQ, LLVMBuildExtractValue(e->b, r, 0, "status"),
                           c64(e, e->cur_end), "ret.ok");
        e->st.self_calls++;
    } else {
        cpu_store64(e, offsetof(RvCpu, pc), pc, "pc.p");
        r = LLVMBuildCall2(e->b, e->t_fn, fn, &e->cpu, 1, "r");
        LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, e->a_strictfp);
        LLVMValueRef npc = tag_cpu(
            e, LLVMBuildLoad2(e->b, e->t_i64, cpu_field(e, offsetof(RvCpu, pc), "pc.p"),
                              "ret.pc"));
        LLVMSetAlignment(npc, 8);
        ok = LLVMBuildAnd(
            e->b, LLVMBuildICmp(e->b, LLVMIntEQ, r, c32(e, IR_EXIT_RETURN), "returned"),
            LLVMBuildICmp(e->b, LLVMIntEQ, npc, c64(e, e->cur_end), "here"), "ret.ok");
    }
    LLVMBasicBlockRef back = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "hcall.ret");
    LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "hcall.out");
    br_rare(e, LLVMBuildNot(e->b, ok, ""), out, back);
    LLVMPositionBuilderAtEnd(e->b, out);
    if (self)
        rec_call_out(e, r);
    else
        build_ret(e, r); /* the state is in the vCPU: no write-back */
    LLVMPositionBuilderAtEnd(e->b, back);
    if (self)
        rec_call_back(e, r);
    else
        reg_reload(e);
    LLVMBuildBr(e->b, ret_bi->bb);
    e->st.host_calls++;
}

/* A function makes at most this many copies of returning blocks (D66), each of at most
 * XLAT_RET_COPY_MAX_INSNS IR instructions. */
#define XLAT_RET_COPIES 8
#define XLAT_RET_COPY_MAX_INSNS 48

/* Whether a jump to bi may take a copy of its block instead (D66): registers in SSA values,
 * a small block outside every loop that ends in a return (through a register) with no side
 * exit or helper call before, and not the block jumping. */
static bool ret_copy_ok(const XlatEmitter *e, const BlockInfo *bi)
{
    const IrBlock *blk = &bi->ir;
    if (!ssa_regs(e) || bi == e->cur_bi || bi->loop_any || bi->iv_header || bi->back ||
        e->ret_copies >= XLAT_RET_COPIES || blk->ninsns == 0 ||
        blk->ninsns > XLAT_RET_COPY_MAX_INSNS)
        return false;
    const IrInsn *last = &blk->insns[blk->ninsns - 1];
    if (last->op != IR_EXIT || last->aux != IR_EXIT_RETURN ||
        xlat_exit_target(blk, blk->ninsns - 1, &(uint64_t){ 0 }))
        return false;
    for (uint32_t k = 0; k + 1 < blk->ninsns; k++)
        if (blk->insns[k].op == IR_BRANCH || blk->insns[k].op == IR_CALL)
            return false;
    return true;
}

/*
 * A copy of bi's block where the builder is, instead of a branch to it (D66): the function's
 * early returns and its main one each get their own epilogue, where the saved registers'
 * loads meet the stores of the same path (forwarded: tak's leaf calls load nothing back) and
 * the return address is known.  The block being emitted may go on after this (a side exit),
 * so its per-block state and temps are kept aside meanwhile.
 */
static void emit_ret_copy(XlatEmitter *e, BlockInfo *bi)
{
    size_t cap = bi->ir.ntemps + 1;
    LLVMValueRef *temps = calloc(cap, sizeof *temps);
    uint8_t *chase = calloc(cap, 1);
    IrTemp *base_of = calloc(cap, sizeof *base_of);
    int16_t *base_off = calloc(cap, sizeof *base_off);
    if (!temps || !chase || !base_of || !base_off) {
        e->copy_rc = e->copy_rc ? e->copy_rc : -ENOMEM;
    } else {
        /* the block being emitted: its temps and per-block state */
        LLVMValueRef *o_temps = e->temps, o_jt_addr = e->jt_addr, o_frm_bad = e->frm_bad;
        uint8_t *o_chase = e->chase;
        IrTemp *o_base_of = e->base_of;
        int16_t *o_base_off = e->base_off;
        size_t o_cap = e->cap_temps;
        BlockInfo *o_bi = e->cur_bi;
        uint64_t o_pc = e->cur_pc, o_end = e->cur_end, o_jt_load_pc = e->jt_load_pc;
        bool o_pc_stored = e->pc_stored;
        unsigned o_started = e->started, o_flushed = e->flushed;
        e->temps = temps;
        e->chase = chase;
        e->base_of = base_of;
        e->base_off = base_off;
        e->cap_temps = cap;
        e->cur_bi = bi;
        int rc = emit_block(e, &bi->ir, bi->chase);
        if (rc != 0 && e->copy_rc == 0)
            e->copy_rc = rc;
        e->ret_copies++;
        e->temps = o_temps;
        e->chase = o_chase;
        e->base_of = o_base_of;
        e->base_off = o_base_off;
        e->cap_temps = o_cap;
        e->cur_bi = o_bi;
        e->cur_pc = o_pc;
        e->cur_end = o_end;
        e->jt_load_pc = o_jt_load_pc;
        e->jt_addr = o_jt_addr;
        e->frm_bad = o_frm_bad;
        e->pc_stored = o_pc_stored;
        e->started = o_started;
        e->flushed = o_flushed;
    }
    free(temps);
    free(chase);
    free(base_of);
    free(base_off);
}

/*
 * Control leaves the block towards constant pc: a branch inside the
 * function, a call or tail call into another translated function, or the
 * dispatcher.  count: instructions retired and not yet counted.
 */
void exit_const(XlatEmitter *e, uint64_t pc, unsigned reason, unsigned count)
{
    if (reason != IR_EXIT_SYSCALL && reason != IR_EXIT_SYNC && reason != IR_EXIT_TRAP) {
        BlockInfo *bi = local_block(e, pc);
        /* a call to a function's entry becomes a host call, even to this
         * function's own entry; other targets here are plain branches */
        const XlatFunc *callee = xlat_find_region(e->prog, pc);
        if (bi && bi->lifted && (reason != IR_EXIT_CALL || !callee)) {
            if (count)
                add_instret(e, c64(e, count));
            if (ret_copy_ok(e, bi)) {
                emit_ret_copy(e, bi);
                return;
            }
            /* a way round a loop keeps its induction offsets (D36, D54): a jump to a
             * header that dominates this block */
            bool round = bi->back && xlat_ivs_dominates(&e->ivs, (size_t)(bi - e->blocks),
                                                        (size_t)(e->cur_bi - e->blocks));
            LLVMBuildBr(e->b, round ? bi->back : bi->bb);
            return;
        }
        if (callee) {
            /* every way in here but those call_enters_callee names enters the callee's
             * start, which checks exit_req: loops need no poll of their own around it
             * (D50), so a new kind of call that does not must be named there too */
            if (count)
                add_instret(e, c64(e, count));
            BlockInfo *ret_bi = reason == IR_EXIT_CALL ? local_block(e, e->cur_end) : NULL;
            bool tail = reason == IR_EXIT_JUMP || reason == IR_EXIT_BRANCH;
            if (((ret_bi && ret_bi->lifted) || tail) && ssa_regs(e) &&
                emit_host_work(e, callee, pc, tail ? NULL : ret_bi))
                return;
            LLVMValueRef fn = func_decl(e, (size_t)(callee - e->prog->funcs));
            if (e->f->ninsns > XLAT_HOST_CALL_MAX_INSNS && callee != e->f)
                ret_bi = NULL;
            bool self = ret_bi && ret_bi->lifted && callee == e->f && pc == e->f->entry &&
                        ssa_regs(e);
            if (self)
                rec_decl(e);
            else
                reg_writeback(e);
            if (ret_bi && ret_bi->lifted)
                emit_host_call(e, fn, c64(e, pc), ret_bi, self);
            else
                emit_tail_call(e, fn, c64(e, pc));
            return;
        }
    }
    exit_to_dispatcher(e, c64(e, pc), reason, count);
}

/* ---- leaf entries (docs D63) ------------------------------------------- */

/* Functions with at most this many guest instructions may have a leaf entry: the entry is
 * a second copy of the function's code. */
#define XLAT_LEAF_MAX_INSNS 64

/* The registers a leaf entry may write: a0-a7 (LEAF_A) and t0-t6 (LEAF_T); it may read
 * those, sp, ra, gp and tp (LEAF_MAY_READ). */
#define LEAF_A 0x3fc00ull
#define LEAF_T (0xe0ull | 0xf0000000ull)
#define LEAF_MAY_WRITE (LEAF_A | LEAF_T)
#define LEAF_GLOBAL 0x18ull /* gp, tp */
#define LEAF_MAY_READ (LEAF_MAY_WRITE | LEAF_GLOBAL | 0x7ull /* zero, ra, sp */)

/* {status, a0, a1} (ptr cpu, a0, ..., a7, sp, ra): runtime/aot.h's leaf entry. */
LLVMTypeRef leaf_type(XlatEmitter *e)
{
    if (!e->leaf_ty) {
        LLVMTypeRef fields[1 + LEAF_NRETS], params[1 + LEAF_NPARAMS];
        for (unsigned i = 0; i < 1 + LEAF_NRETS; i++)
            fields[i] = e->t_i64;
        params[0] = e->t_ptr;
        for (unsigned i = 0; i < LEAF_NPARAMS; i++)
            params[1 + i] = e->t_i64;
        e->leaf_ret_ty = LLVMStructTypeInContext(e->ctx, fields, 1 + LEAF_NRETS, 0);
        e->leaf_ty = LLVMFunctionType(e->leaf_ret_ty, params, 1 + LEAF_NPARAMS, 0);
    }
    return e->leaf_ty;
}

/* Whether the current function (its main body emitted) gets a leaf entry: registers in SSA
 * values and no instruction count (the entry has no instret parameter), small, no loop (no
 * poll calls fvp_poll, so regcall's callee-saved registers stay free), no call of any kind
 * (a callee could write any register), no helper, no jump out of the function (below), no
 * register written but a0-a7 and t0-t6
 * (its callers keep the others in SSA values across the call) and none read but those, sp,
 * ra, gp and tp (the caller writes back the t and global registers, passes the others). */
bool leaf_qualifies(const XlatEmitter *e)
{
    const XlatFunc *f = e->f;
    if (!leaf_calls_ok(e) || e->rec_fn || f->ninsns > XLAT_LEAF_MAX_INSNS)
        return false;
    for (unsigned r = 0; r < XLAT_MAX_REGS; r++)
        if (e->reg_written[r] && !(LEAF_MAY_WRITE >> r & 1))
            return false;
    for (size_t i = 0; i < f->nblocks; i++) {
        const IrBlock *blk = &e->blocks[i].ir;
        if (!e->blocks[i].lifted || e->blocks[i].loop_any)
            return false;
        for (uint32_t k = 0; k < blk->ninsns; k++) {
            const IrInsn *in = &blk->insns[k];
            if (in->op == IR_CALL ||
                (in->op == IR_GET && (in->imm < 0 || in->imm >= 32 ||
                                      !(LEAF_MAY_READ >> in->imm & 1))) ||
                ((in->op == IR_EXIT || in->op == IR_BRANCH) &&
                 (in->aux == IR_EXIT_CALL || in->aux == IR_EXIT_ICALL)))
                return false;
            /* nor a jump out of the function: a tail call (of the host C library's version
             * too, whose a0 the entry could not return when the function has no slot for
             * it), an indirect jump */
            uint64_t to = (uint64_t)in->imm;
            if ((in->op == IR_EXIT || in->op == IR_BRANCH) && in->aux != IR_EXIT_RETURN &&
                ((in->op == IR_EXIT && !xlat_exit_target(blk, k, &to)) ||
                 !xlat_find_block(f, to) || !e->blocks[xlat_find_block(f, to) - f->blocks].lifted))
                return false;
        }
    }
    return true;
}

/*
 * An indirect call of a function with a leaf entry (leaf, from its PC-table slot): a0-a7,
 * sp and ra go in host registers and a0-a7 come back there; only the t and global
 * registers the caller wrote go back into the vCPU, where the callee may read them.  No
 * host stack check: the callee calls nothing.  Back at the return site, the t registers
 * live there are reloaded (the callee may have written them); every other register keeps
 * its SSA value.  Anywhere else, the caller's other registers go back and the reason goes
 * up with the whole state in the vCPU.
 */
static void emit_leaf_call(XlatEmitter *e, LLVMValueRef leaf, BlockInfo *ret_bi)
{
    const IrRegInfo *info = e->fe->ir_env->regs;
    for (unsigned reg = 0; reg < 32; reg++)
        if ((LEAF_T | LEAF_GLOBAL) >> reg & 1)
            reg_writeback_one(e, reg);
    LLVMValueRef args[1 + LEAF_NPARAMS];
    args[0] = e->cpu;
    for (unsigned i = 0; i < LEAF_NPARAMS; i++)
        args[1 + i] = reg_get(e, leaf_params[i], "arg");
    LLVMValueRef r = LLVMBuildCall2(e->b, leaf_type(e), leaf, args, 1 + LEAF_NPARAMS, "r");
    LLVMSetInstructionCallConv(r, XLAT_REC_CALLCONV);
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, e->a_strictfp);
    LLVMValueRef ok = LLVMBuildICmp(e->b, LLVMIntEQ, LLVMBuildExtractValue(e->b, r, 0, "status"),
                                    c64(e, e->cur_end), "ret.ok");
    LLVMBasicBlockRef back = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "leaf.ret");
    LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "leaf.out");
    br_rare(e, LLVMBuildNot(e->b, ok, ""), out, back);
    LLVMPositionBuilderAtEnd(e->b, out);
    for (unsigned reg = 0; reg < XLAT_MAX_REGS; reg++)
        if (reg >= 32 || !(LEAF_MAY_WRITE >> reg & 1))
            reg_writeback_one(e, reg);
    status_out(e, r, leaf_params, LEAF_NRETS);
    LLVMPositionBuilderAtEnd(e->b, back);
    for (unsigned i = 0; i < LEAF_NRETS; i++) {
        int reg = leaf_params[i];
        LLVMValueRef v = LLVMBuildExtractValue(e->b, r, 1 + i, "ret.v");
        if (e->reg_slot[reg])
            LLVMBuildStore(e->b, v, e->reg_slot[reg]);
        /* (the caller's write-backs leave out the registers it does not write itself) */
        if (!e->reg_slot[reg] || !e->reg_written[reg])
            cpu_store64(e, reg_offset(reg), v, "");
    }
    for (int reg = 0; reg < 32; reg++)
        if (e->reg_slot[reg] && (LEAF_T >> reg & 1) && (ret_bi->live_in >> reg & 1))
            slot_load(e, e->reg_slot[reg], reg_offset(reg), info[reg].name);
    LLVMBuildBr(e->b, ret_bi->bb);
    e->st.leaf_calls++;
}

/* A load of field k of fvp_native_index (type ty), or of a slot's field from p. */
static LLVMValueRef probe_load(XlatEmitter *e, LLVMTypeRef sty, LLVMValueRef p, unsigned k,
                               LLVMTypeRef ty, const char *name)
{
    LLVMValueRef v = LLVMBuildLoad2(e->b, ty, LLVMBuildStructGEP2(e->b, sty, p, k, ""), name);
    LLVMSetAlignment(v, ty == e->t_i32 ? 4 : 8);
    return v;
}

/*
 * The native function at a computed pc: the PC table's first probe inline
 * (fvp_native_index, runtime/aot.h), fvp_native_find when the probe may not
 * be used or misses (docs D58).  NULL when there is none.  With leaf, *leaf = the slot's
 * leaf entry on a hit, else NULL.
 */
static LLVMValueRef native_target(XlatEmitter *e, LLVMValueRef pc, LLVMValueRef *leaf)
{
    LLVMTypeRef ix_fields[5] = { e->t_ptr, e->t_i64, e->t_ptr, e->t_i64, e->t_i32 };
    LLVMTypeRef ix_ty = LLVMStructTypeInContext(e->ctx, ix_fields, 5, 0);
    LLVMTypeRef slot_fields[3] = { e->t_i64, e->t_ptr, e->t_ptr };
    LLVMTypeRef slot_ty = LLVMStructTypeInContext(e->ctx, slot_fields, 3, 0);
    LLVMValueRef ix = LLVMGetNamedGlobal(e->mod, "fvp_native_index");
    if (!ix) {
        ix = LLVMAddGlobal(e->mod, ix_ty, "fvp_native_index");
        LLVMSetVisibility(ix, LLVMHiddenVisibility);
        LLVMSetAlignment(ix, 8);
    }
    LLVMBasicBlockRef probe = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "probe");
    LLVMBasicBlockRef hit = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "probe.hit");
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "probe.slow");
    LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "probe.join");
    /* open: closed == 0 and no code change waits (*code_gen == seen_gen) */
    LLVMValueRef closed = probe_load(e, ix_ty, ix, 4, e->t_i32, "ix.closed");
    LLVMSetOrdering(closed, LLVMAtomicOrderingAcquire);
    LLVMValueRef genp = probe_load(e, ix_ty, ix, 2, e->t_ptr, "ix.gen.p");
    LLVMValueRef gen = LLVMBuildLoad2(e->b, e->t_i64, genp, "ix.gen");
    LLVMSetAlignment(gen, 8);
    LLVMSetOrdering(gen, LLVMAtomicOrderingAcquire);
    LLVMValueRef seen = probe_load(e, ix_ty, ix, 3, e->t_i64, "ix.seen");
    LLVMValueRef open = LLVMBuildAnd(
        e->b, LLVMBuildICmp(e->b, LLVMIntEQ, closed, c32(e, 0), ""),
        LLVMBuildICmp(e->b, LLVMIntEQ, gen, seen, ""), "ix.open");
    br_rare(e, LLVMBuildNot(e->b, open, ""), slow, probe);

    LLVMPositionBuilderAtEnd(e->b, probe);
    LLVMValueRef slots = probe_load(e, ix_ty, ix, 0, e->t_ptr, "ix.slots");
    LLVMValueRef shift = probe_load(e, ix_ty, ix, 1, e->t_i64, "ix.shift");
    LLVMValueRef h = LLVMBuildLShr(e->b, LLVMBuildMul(e->b, pc, c64(e, FVP_NATIVE_HASH), ""),
                                   shift, "ix.h");
    LLVMValueRef slot = LLVMBuildInBoundsGEP2(e->b, slot_ty, slots, &h, 1, "ix.slot");
    LLVMValueRef spc = probe_load(e, slot_ty, slot, 0, e->t_i64, "slot.pc");
    br_rare(e, LLVMBuildICmp(e->b, LLVMIntNE, spc, pc, ""), slow, hit);

    LLVMPositionBuilderAtEnd(e->b, hit);
    LLVMValueRef fast = probe_load(e, slot_ty, slot, 1, e->t_ptr, "slot.fn");
    LLVMValueRef fast_leaf = leaf ? probe_load(e, slot_ty, slot, 2, e->t_ptr, "slot.leaf") : NULL;
    LLVMBuildBr(e->b, join);

    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMTypeRef params[2] = { e->t_ptr, e->t_i64 };
    LLVMTypeRef fty = LLVMFunctionType(e->t_ptr, params, 2, 0);
    LLVMValueRef find = LLVMGetNamedFunction(e->mod, "fvp_native_find");
    if (!find) {
        find = LLVMAddFunction(e->mod, "fvp_native_find", fty);
        LLVMAddAttributeAtIndex(find, LLVMAttributeFunctionIndex, e->a_nounwind);
    }
    LLVMValueRef args[2] = { e->cpu, pc };
    LLVMValueRef found = LLVMBuildCall2(e->b, fty, find, args, 2, "found");
    LLVMAddCallSiteAttribute(found, LLVMAttributeFunctionIndex, e->a_strictfp);
    LLVMBuildBr(e->b, join);

    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef fn = LLVMBuildPhi(e->b, e->t_ptr, "target");
    LLVMValueRef vals[2] = { fast, found };
    LLVMBasicBlockRef preds[2] = { hit, slow };
    LLVMAddIncoming(fn, vals, preds, 2);
    if (leaf) {
        *leaf = LLVMBuildPhi(e->b, e->t_ptr, "target.leaf");
        LLVMValueRef lv[2] = { fast_leaf, LLVMConstNull(e->t_ptr) };
        LLVMAddIncoming(*leaf, lv, preds, 2);
    }
    return fn;
}

/*
 * An indirect call or jump: the target's native function from the PC
 * table (native_target), then a host call (calls, where direct calls
 * would be one too) or a tail call; the dispatcher when there is none.
 */
static void exit_via_lookup(XlatEmitter *e, LLVMValueRef pc, unsigned reason, unsigned count)
{
    if (count)
        add_instret(e, c64(e, count));
    /* Indirect calls are host calls in functions of any size: they are few (qsort's
     * comparator, vfprintf's hooks), so they add little of the register pressure that
     * XLAT_HOST_CALL_MAX_INSNS bounds, and each one saves a trip through the dispatcher
     * on the callee's return (sort: 21M -> 2.2M dispatcher entries). */
    BlockInfo *ret_bi = reason == IR_EXIT_ICALL ? local_block(e, e->cur_end) : NULL;
    if (ret_bi && !ret_bi->lifted)
        ret_bi = NULL;
    LLVMValueRef leaf = NULL;
    LLVMValueRef fn = native_target(e, pc, ret_bi && leaf_calls_ok(e) ? &leaf : NULL);
    LLVMBasicBlockRef go = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "lookup.hit");
    LLVMBasicBlockRef miss = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "lookup.miss");
    LLVMBuildCondBr(e->b, LLVMBuildIsNotNull(e->b, fn, "found"), go, miss);
    LLVMPositionBuilderAtEnd(e->b, miss);
    exit_to_dispatcher(e, pc, reason, 0);
    LLVMPositionBuilderAtEnd(e->b, go);
    if (leaf) {
        LLVMBasicBlockRef lb = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "leaf");
        LLVMBasicBlockRef nb = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "leaf.none");
        LLVMBuildCondBr(e->b, LLVMBuildIsNotNull(e->b, leaf, "has.leaf"), lb, nb);
        LLVMPositionBuilderAtEnd(e->b, lb);
        emit_leaf_call(e, leaf, ret_bi);
        LLVMPositionBuilderAtEnd(e->b, nb);
    }
    reg_writeback(e); /* (a miss goes through the exit block, which writes them back) */
    if (ret_bi)
        emit_host_call(e, fn, pc, ret_bi, false);
    else
        emit_tail_call(e, fn, pc);
    e->st.lookups++;
}

/* Jumps through a recovered jump table; other targets go to the dispatcher.  A table in
 * an executable segment changes only with code changes, which switch translated code off,
 * so there the switch is on the entry's index, from the entry load's address (a whole
 * number of entries past the table: riscv64_jt.c checks the index's scale), and LLVM
 * lowers it to a host jump table that does not wait for the entry (docs D38).  Otherwise
 * (a table found by scanning, in data, or loaded in another block) it is on the target
 * pc, which LLVM lowers to a tree of compares of code addresses. */
static void exit_jump_table(XlatEmitter *e, const XlatJumpTable *jt, LLVMValueRef pc,
                            unsigned reason)
{
    LLVMBasicBlockRef miss = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "jt.miss");
    const XlatJtIndex *ix = &jt->ix;
    if (ix->load_pc && ix->load_pc == e->jt_load_pc && e->jt_addr) {
        LLVMValueRef off = LLVMBuildSub(e->b, e->jt_addr, c64(e, ix->table), "jt.off");
        LLVMValueRef idx = LLVMBuildLShr(e->b, off, c64(e, ix->size == 8 ? 3 : 2), "jt.idx");
        LLVMValueRef sw = LLVMBuildSwitch(e->b, idx, miss, (unsigned)ix->n);
        for (size_t k = 0; k < ix->n; k++) {
            BlockInfo *bi = ix->target[k] ? local_block(e, ix->target[k]) : NULL;
            if (bi && bi->lifted)
                LLVMAddCase(sw, c64(e, k), bi->bb);
        }
    } else {
        LLVMValueRef sw = LLVMBuildSwitch(e->b, pc, miss, (unsigned)jt->ntargets);
        for (size_t i = 0; i < jt->ntargets; i++) {
            BlockInfo *bi = local_block(e, jt->targets[i]);
            if (bi && bi->lifted)
                LLVMAddCase(sw, c64(e, jt->targets[i]), bi->bb);
        }
    }
    LLVMPositionBuilderAtEnd(e->b, miss);
    exit_to_dispatcher(e, pc, reason, 0);
    e->st.jt_switches++;
}

/* Control leaves towards a computed pc (indirect jump, call or return). */
void exit_dynamic(XlatEmitter *e, LLVMValueRef pc, unsigned reason, unsigned count)
{
    const XlatJumpTable *jt = reason == IR_EXIT_INDIRECT ? xlat_find_jt(e->f, e->cur_pc) : NULL;
    if (jt && jt->ntargets > 0) {
        if (count)
            add_instret(e, c64(e, count));
        exit_jump_table(e, jt, pc, reason);
        return;
    }
    if (reason == IR_EXIT_ICALL || reason == IR_EXIT_INDIRECT) {
        exit_via_lookup(e, pc, reason, count);
        return;
    }
    exit_to_dispatcher(e, pc, reason, count);
}


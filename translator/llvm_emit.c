/*
 * FVP IR -> LLVM IR (contract in llvm_emit.h, native ABI in runtime/aot.h).
 *
 * Guest registers, two modes (XLAT_EMIT_PRECISE_FAULTS, docs D17):
 *  - default: each register a function touches lives in an alloca (SSA
 *    after mem2reg) for the whole function: loaded from the vCPU once at
 *    the start, written back (the ones it writes) wherever control leaves
 *    the function: the shared exit and trap blocks and before each tail
 *    call.  A host fault on a guest access (unmapped or protected page)
 *    therefore sees stale registers and pc; the runtime only enters such
 *    code while the guest has no SIGSEGV/SIGBUS handler (native.h), so the
 *    fault can only end the process, where registers do not matter.
 *  - precise: GET/SET are loads/stores of the vCPU field and cpu->pc is
 *    stored before each access that can fault; the cpu pointer is not
 *    noalias, so LLVM never moves a register store past a guest access and
 *    the state is exact when the fault leaves through the FaultGuard.
 * Explicit traps (illegal instruction, ebreak, helper traps) are exact in
 * both modes: they leave through the trap block, which writes everything
 * back.  Bounds and alignment failures of guest accesses (SIGSEGV/SIGBUS)
 * leave through the fault block, which in SSA mode writes nothing back:
 * the same policy as a host fault.
 *
 * instret: the emitter counts guest instructions at translation time and
 * adds them at every exit and before every helper that reads vCPU state, so
 * rdinstret sees the same count as in the interpreter.
 */
#include "translator/llvm_emit_int.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>

#include "riscv64/rv64_helpers.h"
#include "runtime/aot.h"
#include "translator/llvm_fp.h"
#include "translator/loops.h"
#include "runtime/cpu.h"
#include "runtime/guestmem.h"

/* The helpers' C symbols: rvh_<name> (rv64_helpers.h). */
#define HELPER_PREFIX "rvh_"

/* An access at base + offset with |offset| at most this clamps the base (D37).  The guards
 * (GUEST_GUARD_SIZE) must hold twice this, plus the widest access, above the space, and
 * this below it. */
#define XLAT_BASE_MAX_OFFSET 2048
_Static_assert(GUEST_GUARD_SIZE >= 2 * XLAT_BASE_MAX_OFFSET + 64, "guard too small");

/* ---- small helpers ------------------------------------------------------ */

static LLVMTypeRef ir_llvm_type(XlatEmitter *e, unsigned t)
{
    switch (t) {
    case IR_I1: return e->t_i1;
    case IR_I8: return e->t_i8;
    case IR_I16: return e->t_i16;
    case IR_I32: return e->t_i32;
    case IR_I64: return e->t_i64;
    case IR_F32: return e->t_f32;
    case IR_F64: return e->t_f64;
    default: return e->t_void;
    }
}

static unsigned ir_type_bits(unsigned t)
{
    static const unsigned bits[IR_NTYPES] = { 0, 1, 8, 16, 32, 64, 32, 64 };
    return t < IR_NTYPES ? bits[t] : 0;
}

static LLVMValueRef tag_guest(XlatEmitter *e, LLVMValueRef inst)
{
    if (e->tbaa_guest)
        LLVMSetMetadata(inst, e->md_tbaa, e->tbaa_guest);
    return inst;
}

static LLVMValueRef intrinsic(XlatEmitter *e, const char *name, LLVMTypeRef *tys, unsigned ntys,
                              LLVMTypeRef *fnty)
{
    unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
    *fnty = LLVMIntrinsicGetType(e->ctx, id, tys, ntys);
    return LLVMGetIntrinsicDeclaration(e->mod, id, tys, ntys);
}

LLVMValueRef call_intrinsic(XlatEmitter *e, const char *name, LLVMTypeRef ty,
                            LLVMValueRef *args, unsigned nargs, const char *vname)
{
    LLVMTypeRef fnty;
    LLVMValueRef fn = intrinsic(e, name, &ty, 1, &fnty);
    return LLVMBuildCall2(e->b, fnty, fn, args, nargs, vname);
}

/* The value of register r here (a GET; r is not the zero register). */
LLVMValueRef reg_get(XlatEmitter *e, int64_t r, const char *name)
{
    LLVMValueRef v;
    if (r < XLAT_MAX_REGS && e->reg_slot[r]) {
        v = LLVMBuildLoad2(e->b, e->t_i64, e->reg_slot[r], name);
    } else {
        v = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64, cpu_field(e, reg_offset(r), ""), name));
        LLVMSetAlignment(v, 8);
    }
    return v;
}

static void reg_set(XlatEmitter *e, int64_t r, LLVMValueRef v, const char *name)
{
    if (r < XLAT_MAX_REGS && e->reg_slot[r])
        LLVMBuildStore(e->b, v, e->reg_slot[r]);
    else
        cpu_store64(e, reg_offset(r), v, name);
}

/* SSA mode: cpu->instret = the slot's count (before a helper that reads it,
 * and where control leaves the function). */
static void instret_writeback(XlatEmitter *e)
{
    if (e->instret_slot)
        cpu_store64(e, offsetof(RvCpu, instret),
                    LLVMBuildLoad2(e->b, e->t_i64, e->instret_slot, "instret"), "instret.p");
}

/* SSA mode: register r back into the vCPU if the function writes it. */
void reg_writeback_one(XlatEmitter *e, unsigned r)
{
    if (e->reg_slot[r] && e->reg_written[r]) {
        const IrRegInfo *regs = e->fe->ir_env->regs;
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->t_i64, e->reg_slot[r], regs[r].name);
        cpu_store64(e, reg_offset(r), v, "");
    }
}

/* SSA mode: stores the registers the function writes (and instret) back
 * into the vCPU, where control leaves the function. */
void reg_writeback(XlatEmitter *e)
{
    instret_writeback(e);
    for (unsigned r = 0; r < XLAT_MAX_REGS; r++)
        reg_writeback_one(e, r);
}

/* slot = the 64-bit vCPU field at byte offset off. */
void slot_load(XlatEmitter *e, LLVMValueRef slot, unsigned off, const char *name)
{
    LLVMValueRef v = tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i64, cpu_field(e, off, ""), name));
    LLVMSetAlignment(v, 8);
    LLVMBuildStore(e->b, v, slot);
}

/* SSA mode: the slots take the vCPU's values again (after a host call). */
void reg_reload(XlatEmitter *e)
{
    const IrRegInfo *regs = e->fe->ir_env->regs;
    for (unsigned r = 0; r < XLAT_MAX_REGS; r++)
        if (e->reg_slot[r])
            slot_load(e, e->reg_slot[r], reg_offset(r), regs[r].name);
    if (e->instret_slot)
        slot_load(e, e->instret_slot, offsetof(RvCpu, instret), "instret");
}

/* SSA mode, at the start of the function: an alloca for every register its
 * blocks get or set, holding the vCPU's value. */
static void reg_slots_init(XlatEmitter *e, const BlockInfo *blocks, size_t nblocks)
{
    memset(e->reg_slot, 0, sizeof e->reg_slot);
    memset(e->reg_written, 0, sizeof e->reg_written);
    e->instret_slot = NULL;
    if (!ssa_regs(e))
        return;
    if (!(e->flags & XLAT_EMIT_NO_INSTRET)) {
        e->instret_slot = LLVMBuildAlloca(e->b, e->t_i64, "instret.slot");
        if (!e->rec)
            slot_load(e, e->instret_slot, offsetof(RvCpu, instret), "instret");
    }
    const IrEnv *env = e->fe->ir_env;
    bool used[XLAT_MAX_REGS] = { false };
    for (size_t i = 0; i < nblocks; i++)
        for (uint32_t k = 0; k < blocks[i].ir.ninsns; k++) {
            const IrInsn *in = &blocks[i].ir.insns[k];
            if ((in->op != IR_GET && in->op != IR_SET) || in->imm < 0 ||
                in->imm >= XLAT_MAX_REGS || (unsigned)in->imm >= env->nregs ||
                env->regs[in->imm].zero)
                continue;
            used[in->imm] = true;
            if (in->op == IR_SET)
                e->reg_written[in->imm] = true;
        }
    for (unsigned r = 0; r < XLAT_MAX_REGS && r < env->nregs; r++) {
        if (!used[r])
            continue;
        char name[32];
        snprintf(name, sizeof name, "%s.slot", env->regs[r].name);
        e->reg_slot[r] = LLVMBuildAlloca(e->b, e->t_i64, name);
        if (!e->rec || e->leaf)
            slot_load(e, e->reg_slot[r], reg_offset(r), env->regs[r].name);
    }
    if (e->rec) {
        /* the caller's values come as parameters.  The vCPU holds stale values only of
         * registers the function writes (its callers are the same function, which wrote
         * nothing back for the call), and its exits write exactly those back.  A leaf
         * entry's caller wrote everything back (D63): the others come from there. */
        int regs[1 + XLAT_MAX_REGS];
        unsigned n = rec_params(e, regs);
        for (unsigned i = 0; i < n; i++)
            if (rec_slot(e, regs[i]))
                LLVMBuildStore(e->b, LLVMGetParam(e->fn, 1 + i), rec_slot(e, regs[i]));
    }
}

/* ---- emitter lifetime --------------------------------------------------- */

static LLVMAttributeRef enum_attr(LLVMContextRef ctx, const char *name)
{
    return LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName(name, strlen(name)), 0);
}

XlatEmitter *xlat_emitter_new(LLVMModuleRef mod, const XlatProgram *prog,
                              const FvpFrontend *fe, XlatCode *code, FILE *ir_out,
                              unsigned flags)
{
    XlatEmitter *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->mod = mod;
    e->ctx = LLVMGetModuleContext(mod);
    e->b = LLVMCreateBuilderInContext(e->ctx);
    e->prog = prog;
    e->fe = fe;
    e->code = code;
    e->ir_out = ir_out;
    e->flags = flags;
    e->t_i1 = LLVMInt1TypeInContext(e->ctx);
    e->t_i8 = LLVMInt8TypeInContext(e->ctx);
    e->t_i16 = LLVMInt16TypeInContext(e->ctx);
    e->t_i32 = LLVMInt32TypeInContext(e->ctx);
    e->t_i64 = LLVMInt64TypeInContext(e->ctx);
    e->t_f32 = LLVMFloatTypeInContext(e->ctx);
    e->t_f64 = LLVMDoubleTypeInContext(e->ctx);
    e->t_ptr = LLVMPointerTypeInContext(e->ctx, 0);
    e->t_void = LLVMVoidTypeInContext(e->ctx);
    e->t_fn = LLVMFunctionType(e->t_i32, &e->t_ptr, 1, 0);
    e->a_nounwind = enum_attr(e->ctx, "nounwind");
    /* with plain FP nothing is strictfp: where the attribute would go, nounwind (which
     * every function and call here has anyway) */
    e->a_strictfp = flags & XLAT_EMIT_PLAIN_FP ? e->a_nounwind : enum_attr(e->ctx, "strictfp");
    if (!(flags & XLAT_EMIT_PRECISE_FAULTS)) {
        e->md_tbaa = LLVMGetMDKindIDInContext(e->ctx, "tbaa", 4);
        LLVMMetadataRef root_s = LLVMMDStringInContext2(e->ctx, "fvp guest state", 15);
        LLVMMetadataRef root = LLVMMDNodeInContext2(e->ctx, &root_s, 1);
        LLVMMetadataRef zero = LLVMValueAsMetadata(c64(e, 0));
        const char *names[2] = { "fvp vcpu", "fvp guest memory" };
        LLVMValueRef *tags[2] = { &e->tbaa_cpu, &e->tbaa_guest };
        for (int i = 0; i < 2; i++) {
            LLVMMetadataRef ty_ops[3] = {
                LLVMMDStringInContext2(e->ctx, names[i], strlen(names[i])), root, zero };
            LLVMMetadataRef ty = LLVMMDNodeInContext2(e->ctx, ty_ops, 3);
            LLVMMetadataRef tag_ops[3] = { ty, ty, zero };
            *tags[i] = LLVMMetadataAsValue(e->ctx, LLVMMDNodeInContext2(e->ctx, tag_ops, 3));
        }
    }

    const IrEnv *env = fe->ir_env;
    e->helpers = calloc(env->nhelpers, sizeof *e->helpers);
    e->helper_types = calloc(env->nhelpers, sizeof *e->helper_types);
    if (!e->helpers || !e->helper_types) {
        xlat_emitter_free(e);
        return NULL;
    }
    return e;
}

void xlat_emitter_free(XlatEmitter *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->cap_blocks; i++)
        if (e->blocks[i].lifted)
            ir_block_free(&e->blocks[i].ir);
    free(e->blocks);
    free(e->temps);
    free(e->chase);
    xlat_ivs_free(&e->ivs);
    free(e->key_delta);
    free(e->base_of);
    free(e->base_off);
    free(e->helpers);
    free(e->helper_types);
    free(e->entries);
    if (e->b)
        LLVMDisposeBuilder(e->b);
    free(e);
}

const XlatEmitStats *xlat_emitter_stats(const XlatEmitter *e)
{
    return &e->st;
}

static int entry_cmp(const void *a, const void *b)
{
    const XlatEntry *x = a, *y = b;
    if (x->pc != y->pc)
        return x->pc < y->pc ? -1 : 1;
    return x->func < y->func ? -1 : x->func > y->func;
}

const XlatEntry *xlat_emitter_entries(XlatEmitter *e, size_t *n)
{
    qsort(e->entries, e->nentries, sizeof *e->entries, entry_cmp);
    /* One function per pc: prefer the one whose own entry it is. */
    size_t out = 0;
    for (size_t i = 0; i < e->nentries;) {
        size_t j = i, best = i;
        while (j < e->nentries && e->entries[j].pc == e->entries[i].pc) {
            if (e->prog->funcs[e->entries[j].func].entry == e->entries[j].pc)
                best = j;
            j++;
        }
        e->entries[out++] = e->entries[best];
        i = j;
    }
    e->nentries = out;
    *n = out;
    return e->entries;
}

int add_entry(XlatEmitter *e, uint64_t pc, uint32_t func)
{
    if (e->nentries == e->cap_entries) {
        size_t cap = e->cap_entries ? 2 * e->cap_entries : 1024;
        XlatEntry *ne = realloc(e->entries, cap * sizeof *ne);
        if (!ne)
            return -ENOMEM;
        e->entries = ne;
        e->cap_entries = cap;
    }
    e->entries[e->nentries++] = (XlatEntry){ pc, func, false };
    return 0;
}

void xlat_func_symbol(const XlatProgram *prog, size_t i, char *buf, size_t n)
{
    const XlatFunc *f = &prog->funcs[i];
    int len = snprintf(buf, n, "fvp_%" PRIx64, f->entry);
    if (f->name && len > 0 && (size_t)len + 2 < n) {
        size_t k = (size_t)len;
        buf[k++] = '_';
        for (const char *s = f->name; *s && k + 1 < n && k < 80; s++)
            buf[k++] = (char)((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                              (*s >= '0' && *s <= '9') || *s == '_' || *s == '.'
                          ? *s : '_');
        buf[k] = '\0';
    }
}

void xlat_counter_symbol(const XlatProgram *prog, size_t i, char *buf, size_t n)
{
    snprintf(buf, n, "fvp_count_%" PRIx64, prog->funcs[i].entry);
}

void xlat_leaf_symbol(const XlatProgram *prog, size_t i, char *buf, size_t n)
{
    snprintf(buf, n, "fvp_leaf_%" PRIx64, prog->funcs[i].entry);
}

/* Under XLAT_EMIT_COUNT: adds one to the current function's counter (docs D45). */
static void emit_count(XlatEmitter *e)
{
    if (!(e->flags & XLAT_EMIT_COUNT))
        return;
    char name[48];
    xlat_counter_symbol(e->prog, (size_t)(e->f - e->prog->funcs), name, sizeof name);
    LLVMValueRef g = LLVMGetNamedGlobal(e->mod, name);
    if (!g) {
        g = LLVMAddGlobal(e->mod, e->t_i64, name);
        LLVMSetInitializer(g, c64(e, 0));
        LLVMSetVisibility(g, LLVMHiddenVisibility);
        LLVMSetAlignment(g, 8);
    }
    LLVMValueRef v = LLVMBuildLoad2(e->b, e->t_i64, g, "count");
    LLVMSetAlignment(v, 8);
    LLVMValueRef st = LLVMBuildStore(e->b, LLVMBuildAdd(e->b, v, c64(e, 1), "count.1"), g);
    LLVMSetAlignment(st, 8);
}

/* The LLVM function of prog->funcs[i], declared if not yet present. */
LLVMValueRef func_decl(XlatEmitter *e, size_t i)
{
    char name[128];
    xlat_func_symbol(e->prog, i, name, sizeof name);
    LLVMValueRef fn = LLVMGetNamedFunction(e->mod, name);
    if (!fn) {
        fn = LLVMAddFunction(e->mod, name, e->t_fn);
        LLVMSetVisibility(fn, LLVMHiddenVisibility);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, e->a_nounwind);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, e->a_strictfp);
    }
    return fn;
}

static LLVMValueRef helper_decl(XlatEmitter *e, unsigned h, LLVMTypeRef *ty)
{
    if (!e->helpers[h]) {
        const IrHelperInfo *hi = &e->fe->ir_env->helpers[h];
        LLVMTypeRef params[5];
        params[0] = e->t_ptr;
        for (unsigned i = 0; i < hi->nargs; i++)
            params[1 + i] = ir_llvm_type(e, hi->args[i]);
        e->helper_types[h] = LLVMFunctionType(ir_llvm_type(e, hi->ret), params, 1 + hi->nargs, 0);
        char name[96];
        snprintf(name, sizeof name, HELPER_PREFIX "%s", hi->name);
        e->helpers[h] = LLVMGetNamedFunction(e->mod, name);
        if (!e->helpers[h])
            e->helpers[h] = LLVMAddFunction(e->mod, name, e->helper_types[h]);
    }
    *ty = e->helper_types[h];
    return e->helpers[h];
}

/* ---- instructions ------------------------------------------------------- */

/* cpu->pc = the current instruction, before anything that can fault on the host. */
static void store_cur_pc(XlatEmitter *e)
{
    if (e->pc_stored)
        return;
    LLVMValueRef st = LLVMBuildStore(e->b, c64(e, e->cur_pc),
                                     cpu_field(e, offsetof(RvCpu, pc), "pc.p"));
    LLVMSetAlignment(st, 8);
    LLVMSetVolatile(st, 1);
    e->pc_stored = true;
}

/* Branches to the trap block unless ok; continues in a new block. */
static void check_or_trap(XlatEmitter *e, LLVMValueRef ok, uint64_t cause, LLVMValueRef tval,
                          const char *name)
{
    LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(e->ctx, e->fn, name);
    LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "fault");
    br_rare(e, LLVMBuildNot(e->b, ok, ""), bad, cont);
    LLVMPositionBuilderAtEnd(e->b, bad);
    exit_trap_via(e, &e->fault, c64(e, e->cur_pc), c64(e, cause), tval,
                  take_count(e, e->started - 1));
    LLVMPositionBuilderAtEnd(e->b, cont);
}

/* The offset of the induction address a load/store uses (D54), or NULL. */
static LLVMValueRef access_iv_delta(const XlatEmitter *e, const IrInsn *in)
{
    size_t i = e->cur_bi ? (size_t)(e->cur_bi - e->blocks) : SIZE_MAX;
    const int32_t *key_of = i < e->ivs.nblocks && e->ivs.key_of ? e->ivs.key_of[i] : NULL;
    return key_of && key_of[in->args[0]] >= 0 ? e->key_delta[key_of[in->args[0]]] : NULL;
}

/* Host pointer for guest load/store in (address addr), with the range (and, if asked,
 * alignment) checks: a branch to the fault exit with --precise-faults, else a clamp. */
static LLVMValueRef guest_ptr(XlatEmitter *e, const IrInsn *in, LLVMValueRef addr, bool store)
{
    unsigned size = (unsigned)in->imm;
    IrTemp at = in->args[0];
    if (in->aux & IR_MEM_ALIGNED) {
        LLVMValueRef low = LLVMBuildAnd(e->b, addr, c64(e, size - 1), "misal");
        check_or_trap(e, LLVMBuildICmp(e->b, LLVMIntEQ, low, c64(e, 0), "aligned"),
                      store ? RV_CAUSE_STORE_MISALIGNED : RV_CAUSE_LOAD_MISALIGNED, addr, "al.ok");
    }
    LLVMValueRef iv_delta = ssa_regs(e) ? access_iv_delta(e, in) : NULL;
    if (iv_delta) {
        /* An induction address in its loop: moved by iv_delta into the guard if it was
         * outside the space on the way in, it runs at most a few KiB out of the space
         * before an access faults in a guard (D36, D54). */
        addr = LLVMBuildAdd(e->b, addr, iv_delta, "iv.addr");
        return LLVMBuildGEP2(e->b, e->t_i8, e->mem_base, &addr, 1, "host");
    }
    if (ssa_regs(e) && !e->chase[at]) {
        /* An address outside the guest space becomes the space's end: the access faults in
         * the guard above it (GUEST_GUARD_SIZE), no branch (D29).  Registers are stale at a
         * host fault anyway (D17), so nothing is lost against a branch to the fault exit.
         * Not for a pointer chase: there the cmov would sit between one load and the next,
         * where a predicted branch costs nothing.  base + small offset clamps the base to a
         * little past the space and adds the offset (D37): base <= the bound keeps the
         * exact address (or one in a guard), a bigger base lands in the guard above, and
         * all accesses off one base value share one clamp (a stack frame, a struct; an
         * access at offset 0 is one with the register as its base). */
        LLVMValueRef args[2] = { e->base_of[at] ? e->temps[e->base_of[at]] : addr,
                                 c64(e, GUEST_SPACE_SIZE + XLAT_BASE_MAX_OFFSET) };
        addr = call_intrinsic(e, "llvm.umin", e->t_i64, args, 2, "clamp.base");
        if (e->base_of[at])
            addr = LLVMBuildAdd(e->b, addr, c64(e, (uint64_t)(int64_t)e->base_off[at]), "clamp");
        return LLVMBuildGEP2(e->b, e->t_i8, e->mem_base, &addr, 1, "host");
    }
    /* A chase keeps a branch, on the base as the clamp above (all accesses off one base
     * value test one condition, which LLVM tests once; D56) */
    LLVMValueRef ok = ssa_regs(e)
        ? LLVMBuildICmp(e->b, LLVMIntULE, e->base_of[at] ? e->temps[e->base_of[at]] : addr,
                        c64(e, GUEST_SPACE_SIZE + XLAT_BASE_MAX_OFFSET), "base.inrange")
        : LLVMBuildICmp(e->b, LLVMIntULE, addr, c64(e, GUEST_SPACE_SIZE - size), "inrange");
    check_or_trap(e, ok, store ? RV_CAUSE_STORE_PAGE_FAULT : RV_CAUSE_LOAD_PAGE_FAULT, addr,
                  "mem.ok");
    if (!ssa_regs(e))
        store_cur_pc(e);
    return LLVMBuildGEP2(e->b, e->t_i8, e->mem_base, &addr, 1, "host");
}

static LLVMValueRef int_resize(XlatEmitter *e, LLVMValueRef v, LLVMTypeRef to, bool sign)
{
    unsigned from = LLVMGetIntTypeWidth(LLVMTypeOf(v)), w = LLVMGetIntTypeWidth(to);
    if (from == w)
        return v;
    if (from > w)
        return LLVMBuildTrunc(e->b, v, to, "");
    return sign ? LLVMBuildSExt(e->b, v, to, "") : LLVMBuildZExt(e->b, v, to, "");
}

static LLVMValueRef emit_mulh(XlatEmitter *e, const IrInsn *in, LLVMValueRef a, LLVMValueRef b)
{
    unsigned w = ir_type_bits(in->type);
    LLVMTypeRef wide = LLVMIntTypeInContext(e->ctx, 2 * w);
    bool sa = in->op != IR_MULHU, sb = in->op == IR_MULHS;
    LLVMValueRef p = LLVMBuildMul(e->b, int_resize(e, a, wide, sa), int_resize(e, b, wide, sb), "");
    p = LLVMBuildLShr(e->b, p, LLVMConstInt(wide, w, 0), "");
    return LLVMBuildTrunc(e->b, p, ir_llvm_type(e, in->type), "mulh");
}

/* The insn of blk before index k that defines temp t, or NULL. */
static const IrInsn *def_before(const IrBlock *blk, uint32_t k, IrTemp t)
{
    while (k-- > 0)
        if (blk->insns[k].dst == t)
            return &blk->insns[k];
    return NULL;
}

/*
 * Integer division/remainder k of blk: x op d.  The frontend makes a RISC-V divisor safe as
 * d = select(c, 1, y) (lower.c, once for y == 0 and once more for a signed y == -1) and
 * selects the architected result on c afterwards.  Here the selects become a branch round
 * the division: `c ? x op 1 : x op y`, the same value, but the division waits only for x
 * and y (not for a flag computed from y), and LLVM folds the later select of the result
 * into the phi, where c is known.  Any other divisor divides as it is.
 */
static LLVMValueRef emit_divrem(XlatEmitter *e, const IrBlock *blk, uint32_t k, LLVMValueRef x,
                                LLVMValueRef d)
{
    const IrInsn *in = &blk->insns[k];
    LLVMValueRef cond = NULL;
    IrTemp y = in->args[1];
    for (const IrInsn *sel; (sel = def_before(blk, k, y)) && sel->op == IR_SELECT;) {
        const IrInsn *one = def_before(blk, k, sel->args[1]);
        if (!one || one->op != IR_CONST || one->imm != 1)
            break;
        LLVMValueRef c = e->temps[sel->args[0]];
        cond = cond ? LLVMBuildOr(e->b, cond, c, "div.special") : c;
        y = sel->args[2];
        d = e->temps[y];
    }
    LLVMBasicBlockRef from = LLVMGetInsertBlock(e->b), div = NULL, join = NULL;
    if (cond) {
        div = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "div");
        join = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "div.join");
        LLVMBuildCondBr(e->b, cond, join, div);
        LLVMPositionBuilderAtEnd(e->b, div);
    }
    LLVMValueRef v, by_one;
    switch (in->op) {
    case IR_DIV: v = LLVMBuildSDiv(e->b, x, d, ""); by_one = x; break;
    case IR_DIVU: v = LLVMBuildUDiv(e->b, x, d, ""); by_one = x; break;
    case IR_REM: v = LLVMBuildSRem(e->b, x, d, ""); by_one = NULL; break;
    default: v = LLVMBuildURem(e->b, x, d, ""); by_one = NULL; break;
    }
    if (!cond)
        return v;
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, LLVMTypeOf(v), "divrem");
    LLVMValueRef vals[2] = { v, by_one ? by_one : LLVMConstNull(LLVMTypeOf(v)) };
    LLVMBasicBlockRef bbs[2] = { div, from };
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

static LLVMValueRef emit_shift(XlatEmitter *e, const IrInsn *in, LLVMValueRef a, LLVMValueRef amt)
{
    LLVMTypeRef ty = ir_llvm_type(e, in->type);
    unsigned w = ir_type_bits(in->type);
    amt = int_resize(e, amt, ty, false);
    amt = LLVMBuildAnd(e->b, amt, LLVMConstInt(ty, w - 1, 0), "amt");
    switch (in->op) {
    case IR_SHL: return LLVMBuildShl(e->b, a, amt, "");
    case IR_SHR: return LLVMBuildLShr(e->b, a, amt, "");
    case IR_SAR: return LLVMBuildAShr(e->b, a, amt, "");
    default: {
        LLVMValueRef args[3] = { a, a, amt };
        return call_intrinsic(e, in->op == IR_ROTL ? "llvm.fshl" : "llvm.fshr", ty, args, 3, "rot");
    }
    }
}

static LLVMValueRef emit_unary(XlatEmitter *e, const IrInsn *in, LLVMValueRef a)
{
    LLVMTypeRef ty = ir_llvm_type(e, in->type);
    LLVMValueRef args[2] = { a, LLVMConstInt(e->t_i1, 0, 0) };
    switch (in->op) {
    case IR_NOT: return LLVMBuildNot(e->b, a, "");
    case IR_NEG: return LLVMBuildNeg(e->b, a, "");
    case IR_CLZ: return call_intrinsic(e, "llvm.ctlz", ty, args, 2, "clz");
    case IR_CTZ: return call_intrinsic(e, "llvm.cttz", ty, args, 2, "ctz");
    case IR_CPOP: return call_intrinsic(e, "llvm.ctpop", ty, args, 1, "cpop");
    default: return call_intrinsic(e, "llvm.bswap", ty, args, 1, "bswap");
    }
}

static LLVMValueRef emit_cmp(XlatEmitter *e, const IrInsn *in, LLVMValueRef a, LLVMValueRef b)
{
    static const LLVMIntPredicate ip[] = {
        [IR_EQ] = LLVMIntEQ, [IR_NE] = LLVMIntNE, [IR_SLT] = LLVMIntSLT, [IR_SLE] = LLVMIntSLE,
        [IR_SGT] = LLVMIntSGT, [IR_SGE] = LLVMIntSGE, [IR_ULT] = LLVMIntULT,
        [IR_ULE] = LLVMIntULE, [IR_UGT] = LLVMIntUGT, [IR_UGE] = LLVMIntUGE,
    };
    switch (in->aux) {
    case IR_FEQ: return LLVMBuildFCmp(e->b, LLVMRealOEQ, a, b, "");
    case IR_FLT: return LLVMBuildFCmp(e->b, LLVMRealOLT, a, b, "");
    case IR_FLE: return LLVMBuildFCmp(e->b, LLVMRealOLE, a, b, "");
    case IR_FUNO: return LLVMBuildFCmp(e->b, LLVMRealUNO, a, b, "");
    default: return LLVMBuildICmp(e->b, ip[in->aux], a, b, "");
    }
}

static LLVMValueRef emit_fcvt(XlatEmitter *e, const IrInsn *in, LLVMValueRef a)
{
    LLVMTypeRef to = ir_llvm_type(e, in->type);
    switch (in->aux) {
    case IR_CVT_FF:
        return in->type == IR_F64 ? LLVMBuildFPExt(e->b, a, to, "")
                                  : LLVMBuildFPTrunc(e->b, a, to, "");
    case IR_CVT_SF: return LLVMBuildSIToFP(e->b, a, to, "");
    case IR_CVT_UF: return LLVMBuildUIToFP(e->b, a, to, "");
    case IR_CVT_FS: return LLVMBuildFPToSI(e->b, a, to, "");
    default: return LLVMBuildFPToUI(e->b, a, to, "");
    }
}

static LLVMValueRef emit_load(XlatEmitter *e, const IrInsn *in, LLVMValueRef addr)
{
    unsigned size = (unsigned)in->imm;
    if (e->jt_load_pc && e->jt_load_pc == e->cur_pc)
        e->jt_addr = addr;
    LLVMValueRef p = guest_ptr(e, in, addr, false);
    LLVMTypeRef ity = LLVMIntTypeInContext(e->ctx, 8 * size);
    LLVMValueRef v = tag_guest(e, LLVMBuildLoad2(e->b, ity, p, "ld"));
    LLVMSetAlignment(v, 1);
    LLVMTypeRef to = ir_llvm_type(e, in->type);
    if (in->type == IR_F32 || in->type == IR_F64) {
        if (ir_type_bits(in->type) != 8 * size)
            v = int_resize(e, v, in->type == IR_F32 ? e->t_i32 : e->t_i64, false);
        return LLVMBuildBitCast(e->b, v, to, "");
    }
    return int_resize(e, v, to, in->aux & IR_MEM_SIGNED);
}

static void emit_store(XlatEmitter *e, const IrInsn *in, LLVMValueRef addr, LLVMValueRef v)
{
    unsigned size = (unsigned)in->imm;
    LLVMValueRef p = guest_ptr(e, in, addr, true);
    LLVMTypeRef ity = LLVMIntTypeInContext(e->ctx, 8 * size);
    LLVMTypeKind k = LLVMGetTypeKind(LLVMTypeOf(v));
    if (k == LLVMFloatTypeKind)
        v = LLVMBuildBitCast(e->b, v, e->t_i32, "");
    else if (k == LLVMDoubleTypeKind)
        v = LLVMBuildBitCast(e->b, v, e->t_i64, "");
    v = int_resize(e, v, ity, false);
    LLVMValueRef st = tag_guest(e, LLVMBuildStore(e->b, v, p));
    LLVMSetAlignment(st, 1);
}

/* Calls libfvprt's fvp_fp_enter (returns its i32) or fvp_fp_leave (void):
 * opaque calls, which LLVM keeps in order with the constrained FP
 * operations around them. */
static LLVMValueRef call_runtime(XlatEmitter *e, const char *name, bool ret_i32)
{
    LLVMTypeRef fnty = LLVMFunctionType(ret_i32 ? e->t_i32 : e->t_void, &e->t_ptr, 1, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(e->mod, name);
    if (!fn) {
        fn = LLVMAddFunction(e->mod, name, fnty);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, e->a_nounwind);
    }
    LLVMValueRef r = LLVMBuildCall2(e->b, fnty, fn, &e->cpu, 1, "");
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, e->a_strictfp);
    return r;
}

/* After an instruction that wrote frm: if the new mode has no host
 * equivalent (fvp_fp_enter said so), leave for the dispatcher, which runs
 * the interpreter until frm is back to RNE/RTZ/RDN/RUP.  pc/reason: where
 * control was about to go; count: instructions not yet counted. */
static void frm_check(XlatEmitter *e, LLVMValueRef pc, unsigned reason, unsigned count)
{
    LLVMValueRef bad = e->frm_bad;
    e->frm_bad = NULL;
    LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "frm.nohost");
    LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "frm.ok");
    br_rare(e, LLVMBuildICmp(e->b, LLVMIntNE, bad, c32(e, 0), ""), out, cont);
    LLVMPositionBuilderAtEnd(e->b, out);
    exit_to_dispatcher(e, pc, reason, count);
    LLVMPositionBuilderAtEnd(e->b, cont);
}

/* Plain FP (D31): fflags, frm and fcsr are the vCPU fields alone (the host's MXCSR flags
 * are not folded in, nobody observes them), so a constant-CSR read or write of them is a
 * load or store; no helper call, which would spill every XMM register around glibc's
 * frflags/fsflags pairs.  NULL: not such an access. */
static LLVMValueRef emit_plain_fcsr(XlatEmitter *e, const IrInsn *in, LLVMValueRef *args)
{
    bool rd = in->imm == RV_HELPER_csr_read, wr = in->imm == RV_HELPER_csr_write;
    if (!(e->flags & XLAT_EMIT_PLAIN_FP) || !(rd || wr) || !LLVMIsAConstantInt(args[0]))
        return NULL;
    unsigned csr = (unsigned)LLVMConstIntGetZExtValue(args[0]) & 0xfff;
    if (csr < 1 || csr > 3)
        return NULL;
    LLVMValueRef fp = cpu_field(e, offsetof(RvCpu, fflags), "fflags.p");
    LLVMValueRef rp = cpu_field(e, offsetof(RvCpu, frm), "frm.p");
    if (wr) {
        LLVMValueRef v = LLVMBuildTrunc(e->b, args[1], e->t_i32, "");
        LLVMValueRef st = NULL;
        if (csr != 2)
            st = tag_cpu(e, LLVMBuildStore(e->b, LLVMBuildAnd(e->b, v, c32(e, 0x1f), ""), fp));
        if (csr != 1) {
            LLVMValueRef m = csr == 3 ? LLVMBuildLShr(e->b, v, c32(e, 5), "") : v;
            st = tag_cpu(e, LLVMBuildStore(e->b, LLVMBuildAnd(e->b, m, c32(e, 7), ""), rp));
        }
        return st;
    }
    LLVMValueRef f = LLVMBuildAnd(e->b, tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i32, fp, "fflags")),
                                  c32(e, 0x1f), "");
    LLVMValueRef r = LLVMBuildAnd(e->b, tag_cpu(e, LLVMBuildLoad2(e->b, e->t_i32, rp, "frm")),
                                  c32(e, 7), "");
    LLVMValueRef v = csr == 1 ? f : csr == 2 ? r
                              : LLVMBuildOr(e->b, LLVMBuildShl(e->b, r, c32(e, 5), ""), f, "");
    return LLVMBuildZExt(e->b, v, e->t_i64, "fcsr");
}

static LLVMValueRef emit_call(XlatEmitter *e, const IrInsn *in, LLVMValueRef *t)
{
    const IrHelperInfo *hi = &e->fe->ir_env->helpers[in->imm];
    LLVMValueRef args[5];
    args[0] = e->cpu;
    for (unsigned i = 0; i < in->nargs; i++)
        args[1 + i] = t[in->args[i]];
    bool fpenv = false, writes_frm = false;
    LLVMValueRef inl = emit_plain_fcsr(e, in, args + 1);
    if (inl)
        return inl;
    if (!(e->flags & XLAT_EMIT_FP_HELPERS)) {
        XlatFpEnv fe = { e->mod, e->ctx, e->b, e->a_strictfp, e->cpu,
                         (e->flags & XLAT_EMIT_HOST_FMA) != 0,
                         (e->flags & XLAT_EMIT_PLAIN_FP) != 0 };
        LLVMValueRef v = xlat_fp_native(&fe, (unsigned)in->imm, args + 1, in->nargs);
        if (v) {
            e->st.fp_native++;
            return v;
        }
        /* Plain FP (D31): MXCSR stays in its default state (nothing writes frm and the
         * flags are not observed), so helpers need no switch of the host environment;
         * ldmxcsr/stmxcsr around glibc's frflags/fsflags pairs cost nbody half its time. */
        if (!(e->flags & XLAT_EMIT_PLAIN_FP))
            fpenv = xlat_fp_helper_uses_env((unsigned)in->imm, args + 1, in->nargs,
                                            &writes_frm);
    }
    LLVMTypeRef fnty;
    LLVMValueRef fn = helper_decl(e, (unsigned)in->imm, &fnty);
    if (hi->flags & (IR_HF_MEM | IR_HF_TRAPS))
        store_cur_pc(e);
    if (hi->flags & IR_HF_STATE) {
        /* rdinstret and friends see every instruction before this one */
        unsigned n = take_count(e, e->started - 1);
        if (n) {
            add_instret(e, c64(e, n));
            e->flushed += n;
        }
        instret_writeback(e);
    }
    LLVMValueRef pending = NULL;
    if (hi->flags & IR_HF_TRAPS) {
        pending = cpu_field(e, offsetof(RvCpu, trap_pending), "pending.p");
        LLVMValueRef st = LLVMBuildStore(e->b, c32(e, 0), pending);
        LLVMSetAlignment(st, 4);
    }
    /* the helper runs in the host's default FP environment and sees the
     * flags native code raised so far (runtime/fpenv.h) */
    if (fpenv)
        call_runtime(e, "fvp_fp_leave", false);
    LLVMValueRef r = LLVMBuildCall2(e->b, fnty, fn, args, 1 + in->nargs,
                                    hi->ret == IR_VOID ? "" : hi->name);
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, e->a_strictfp);
    if (fpenv) {
        LLVMValueRef bad = call_runtime(e, "fvp_fp_enter", true);
        if (writes_frm)
            e->frm_bad = bad;
    }
    if ((hi->flags & IR_HF_STATE) && e->instret_slot)
        slot_load(e, e->instret_slot, offsetof(RvCpu, instret), "instret");
    if (pending) {
        LLVMValueRef pv = LLVMBuildLoad2(e->b, e->t_i32, pending, "pending");
        LLVMSetAlignment(pv, 4);
        LLVMValueRef ok = LLVMBuildICmp(e->b, LLVMIntEQ, pv, c32(e, 0), "no.trap");
        LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "call.ok");
        LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "call.trap");
        br_rare(e, LLVMBuildNot(e->b, ok, ""), bad, cont);
        LLVMPositionBuilderAtEnd(e->b, bad);
        LLVMValueRef cause = LLVMBuildLoad2(e->b, e->t_i64,
                                            cpu_field(e, offsetof(RvCpu, trap_cause), ""), "cause");
        LLVMValueRef tval = LLVMBuildLoad2(e->b, e->t_i64,
                                           cpu_field(e, offsetof(RvCpu, trap_tval), ""), "tval");
        exit_trap(e, c64(e, e->cur_pc), cause, tval, take_count(e, e->started - 1));
        LLVMPositionBuilderAtEnd(e->b, cont);
    }
    return r;
}

static LLVMValueRef emit_const(XlatEmitter *e, const IrInsn *in)
{
    uint64_t v = (uint64_t)in->imm;
    switch (in->type) {
    case IR_F32:
        return LLVMConstBitCast(LLVMConstInt(e->t_i32, v & 0xffffffffu, 0), e->t_f32);
    case IR_F64:
        return LLVMConstBitCast(LLVMConstInt(e->t_i64, v, 0), e->t_f64);
    default:
        return LLVMConstInt(ir_llvm_type(e, in->type), v, 0);
    }
}

/* Emits one lifted block into the current insertion point. */
/* e->chase[t]: temp t of blk is computed from a register in chase (or from a load of this
 * block): the address of a pointer chase, which keeps the range branch (guest_ptr). */
static void mark_chase(XlatEmitter *e, const IrBlock *blk, uint64_t chase)
{
    memset(e->chase, 0, blk->ntemps);
    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        if (in->dst == IR_NO_TEMP || in->dst >= blk->ntemps)
            continue;
        uint8_t c = 0;
        if (in->op == IR_GET)
            c = in->imm >= 0 && in->imm < 64 && (chase >> in->imm & 1);
        else if (in->op == IR_LOAD)
            c = 1;
        else if (in->op != IR_CALL && in->op != IR_CONST)
            for (unsigned a = 0; a < in->nargs && a < 4; a++)
                c |= in->args[a] < blk->ntemps && e->chase[in->args[a]];
        e->chase[in->dst] = c;
    }
}

/* e->base_of/base_off[t]: temp t of blk is an i64 base temp plus a constant of magnitude at
 * most XLAT_BASE_MAX_OFFSET (D37); 0 when it is not.  (While scanning, BASE_CONST marks
 * such constants themselves.) */
#define BASE_CONST UINT32_MAX
static void mark_bases(XlatEmitter *e, const IrBlock *blk)
{
    memset(e->base_of, 0, blk->ntemps * sizeof *e->base_of);
    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        if (in->dst == IR_NO_TEMP || in->dst >= blk->ntemps)
            continue;
        if (in->op == IR_CONST && in->imm >= -XLAT_BASE_MAX_OFFSET &&
            in->imm <= XLAT_BASE_MAX_OFFSET) {
            e->base_of[in->dst] = BASE_CONST;
            e->base_off[in->dst] = (int16_t)in->imm;
            continue;
        }
        if (in->op != IR_ADD || in->type != IR_I64)
            continue;
        for (int a = 0; a < 2; a++) {
            IrTemp c = in->args[1 - a], b = in->args[a];
            if (c < blk->ntemps && e->base_of[c] == BASE_CONST && b < blk->ntemps &&
                e->base_of[b] != BASE_CONST) {
                e->base_of[in->dst] = b;
                e->base_off[in->dst] = e->base_off[c];
                break;
            }
        }
    }
    for (uint32_t t = 0; t < blk->ntemps; t++)
        if (e->base_of[t] == BASE_CONST)
            e->base_of[t] = 0;
}

int emit_block(XlatEmitter *e, const IrBlock *blk, uint64_t chase)
{
    if (blk->ntemps > e->cap_temps) {
        size_t cap = blk->ntemps + 64;
        LLVMValueRef *nt = realloc(e->temps, cap * sizeof *nt);
        if (!nt)
            return -ENOMEM;
        e->temps = nt;
        uint8_t *nc = realloc(e->chase, cap);
        if (!nc)
            return -ENOMEM;
        e->chase = nc;
        IrTemp *nbo = realloc(e->base_of, cap * sizeof *nbo);
        if (!nbo)
            return -ENOMEM;
        e->base_of = nbo;
        int16_t *nof = realloc(e->base_off, cap * sizeof *nof);
        if (!nof)
            return -ENOMEM;
        e->base_off = nof;
        e->cap_temps = cap;
    }
    mark_chase(e, blk, chase);
    mark_bases(e, blk);
    LLVMValueRef *t = e->temps;
    const IrRegInfo *regs = e->fe->ir_env->regs;
    e->cur_pc = blk->pc;
    e->cur_end = blk->end_pc;
    /* the entry load of a jump table this block ends with (D38) */
    e->jt_load_pc = 0;
    e->jt_addr = NULL;
    for (size_t j = 0; j < e->f->njts; j++)
        if (e->f->jts[j].jr_pc >= blk->pc && e->f->jts[j].jr_pc < blk->end_pc)
            e->jt_load_pc = e->f->jts[j].ix.load_pc;
    e->pc_stored = false;
    e->started = 0;
    e->flushed = 0;
    e->frm_bad = NULL;

    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        LLVMValueRef a0 = in->nargs > 0 && in->op != IR_CALL ? t[in->args[0]] : NULL;
        LLVMValueRef a1 = in->nargs > 1 && in->op != IR_CALL ? t[in->args[1]] : NULL;
        LLVMValueRef v = NULL;
        switch ((IrOp)in->op) {
        case IR_INSN:
            if (e->frm_bad)
                frm_check(e, c64(e, (uint64_t)in->imm), IR_EXIT_JUMP, take_count(e, e->started));
            e->cur_pc = (uint64_t)in->imm;
            e->pc_stored = false;
            e->started++;
            break;
        case IR_CONST: v = emit_const(e, in); break;
        case IR_GET:
            v = regs[in->imm].zero ? c64(e, 0) : reg_get(e, in->imm, regs[in->imm].name);
            break;
        case IR_SET:
            if (!regs[in->imm].zero)
                reg_set(e, in->imm, a0, regs[in->imm].name);
            break;
        case IR_ADD: v = LLVMBuildAdd(e->b, a0, a1, ""); break;
        case IR_SUB: v = LLVMBuildSub(e->b, a0, a1, ""); break;
        case IR_MUL: v = LLVMBuildMul(e->b, a0, a1, ""); break;
        case IR_MULHS: case IR_MULHU: case IR_MULHSU: v = emit_mulh(e, in, a0, a1); break;
        /* the frontend guarantees a non-zero divisor and no MIN / -1 */
        case IR_DIV: case IR_DIVU: case IR_REM: case IR_REMU:
            v = emit_divrem(e, blk, k, a0, a1);
            break;
        case IR_AND: v = LLVMBuildAnd(e->b, a0, a1, ""); break;
        case IR_OR: v = LLVMBuildOr(e->b, a0, a1, ""); break;
        case IR_XOR: v = LLVMBuildXor(e->b, a0, a1, ""); break;
        case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROTL: case IR_ROTR:
            v = emit_shift(e, in, a0, a1);
            break;
        case IR_NOT: case IR_NEG: case IR_CLZ: case IR_CTZ: case IR_CPOP: case IR_BSWAP:
            v = emit_unary(e, in, a0);
            break;
        case IR_ZEXT: v = LLVMBuildZExt(e->b, a0, ir_llvm_type(e, in->type), ""); break;
        case IR_SEXT: v = LLVMBuildSExt(e->b, a0, ir_llvm_type(e, in->type), ""); break;
        case IR_TRUNC: v = LLVMBuildTrunc(e->b, a0, ir_llvm_type(e, in->type), ""); break;
        case IR_BITCAST: v = LLVMBuildBitCast(e->b, a0, ir_llvm_type(e, in->type), ""); break;
        case IR_CMP: v = emit_cmp(e, in, a0, a1); break;
        case IR_SELECT: v = LLVMBuildSelect(e->b, a0, a1, t[in->args[2]], ""); break;
        case IR_FADD: v = LLVMBuildFAdd(e->b, a0, a1, ""); break;
        case IR_FSUB: v = LLVMBuildFSub(e->b, a0, a1, ""); break;
        case IR_FMUL: v = LLVMBuildFMul(e->b, a0, a1, ""); break;
        case IR_FDIV: v = LLVMBuildFDiv(e->b, a0, a1, ""); break;
        case IR_FNEG: v = LLVMBuildFNeg(e->b, a0, ""); break;
        case IR_FSQRT:
            v = call_intrinsic(e, "llvm.sqrt", ir_llvm_type(e, in->type), &a0, 1, "sqrt");
            break;
        case IR_FABS:
            v = call_intrinsic(e, "llvm.fabs", ir_llvm_type(e, in->type), &a0, 1, "fabs");
            break;
        case IR_FMA: {
            LLVMValueRef args[3] = { a0, a1, t[in->args[2]] };
            v = call_intrinsic(e, "llvm.fma", ir_llvm_type(e, in->type), args, 3, "fma");
            break;
        }
        case IR_FCVT: v = emit_fcvt(e, in, a0); break;
        case IR_LOAD: v = emit_load(e, in, a0); break;
        case IR_STORE: emit_store(e, in, a0, a1); break;
        case IR_FENCE:
            /* x86-TSO orders everything but store->load: only a full fence
             * needs an instruction; the others only stop the compiler. */
            LLVMBuildFence(e->b, LLVMAtomicOrderingSequentiallyConsistent,
                           in->aux != IR_FENCE_SEQ, "");
            break;
        case IR_CALL: v = emit_call(e, in, t); break;
        case IR_BRANCH: {
            LLVMBasicBlockRef taken = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "taken");
            LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "cont");
            LLVMBuildCondBr(e->b, a0, taken, cont);
            LLVMPositionBuilderAtEnd(e->b, taken);
            exit_const(e, (uint64_t)in->imm, in->aux, take_count(e, e->started));
            LLVMPositionBuilderAtEnd(e->b, cont);
            break;
        }
        case IR_EXIT: {
            if (e->frm_bad && in->aux != IR_EXIT_TRAP)
                frm_check(e, a0, in->aux, take_count(e, e->started));
            e->frm_bad = NULL;
            if (in->aux == IR_EXIT_TRAP) {
                /* the trapping instruction does not retire; a fetch fault
                 * has no INSN marker of its own */
                LLVMValueRef tval = in->args[1] ? t[in->args[1]] : c64(e, 0);
                bool own = LLVMIsConstant(a0) && LLVMConstIntGetZExtValue(a0) == e->cur_pc &&
                           e->started > 0;
                unsigned retired = own ? e->started - 1 : e->started;
                exit_trap(e, a0, c64(e, (uint64_t)in->imm), tval, take_count(e, retired));
            } else if (LLVMIsConstant(a0) && xlat_exit_target(blk, k, &(uint64_t){ 0 })) {
                /* only an IR constant (what the analyses of loops.c and loop_ivs.c see as
                 * a jump): a target LLVM folded (jalr off(x0)) goes the dynamic way */
                exit_const(e, LLVMConstIntGetZExtValue(a0), in->aux, take_count(e, e->started));
            } else {
                exit_dynamic(e, a0, in->aux, take_count(e, e->started));
            }
            return 0;
        }
        default:
            return -EINVAL;
        }
        if (in->dst)
            t[in->dst] = v;
    }
    return -EINVAL; /* no IR_EXIT: the verifier would have refused it */
}

/* ---- functions ---------------------------------------------------------- */

static int lift_blocks(XlatEmitter *e, char *err, size_t errlen)
{
    const XlatFunc *f = e->f;
    if (f->nblocks > e->cap_blocks) {
        BlockInfo *nb = realloc(e->blocks, f->nblocks * sizeof *nb);
        if (!nb)
            return -ENOMEM;
        memset(nb + e->cap_blocks, 0, (f->nblocks - e->cap_blocks) * sizeof *nb);
        e->blocks = nb;
        e->cap_blocks = f->nblocks;
    }
    for (size_t i = 0; i < f->nblocks; i++) {
        BlockInfo *bi = &e->blocks[i];
        if (!bi->lifted) {
            ir_block_init(&bi->ir, e->fe->ir_env, f->blocks[i].pc);
            bi->lifted = true;
        }
        bi->bb = bi->body = NULL;
        bi->loop_header = bi->loop_any = false;
        bi->entry = (f->blocks[i].flags & (XLAT_BLK_ENTRY | XLAT_BLK_RETSITE | XLAT_BLK_RESUME |
                                           XLAT_BLK_REGION)) != 0;
        if (fvp_lift_block(e->fe, xlat_read_code, e->code, f->blocks[i].pc,
                           f->blocks[i].ninsns, &bi->ir) != 0) {
            snprintf(err, errlen, "out of memory lifting block 0x%" PRIx64, f->blocks[i].pc);
            return -ENOMEM;
        }
        char verr[256];
        if (ir_verify(&bi->ir, verr, sizeof verr) != 0) {
            snprintf(err, errlen, "block 0x%" PRIx64 ": %s", f->blocks[i].pc, verr);
            return -EINVAL;
        }
        if (e->ir_out) {
            fprintf(e->ir_out, "block 0x%" PRIx64 " (function 0x%" PRIx64 "):\n",
                    f->blocks[i].pc, f->entry);
            ir_print_block(&bi->ir, e->ir_out);
        }
    }
    libc_return_sites(e);
    return 0;
}

/* Whether a direct call to target polls exit_req first (XlatPollsAt): it enters a
 * translated function (or region), whose start checks it. */
static bool call_polls(const void *ctx, uint64_t target)
{
    const XlatEmitter *e = ctx;
    const XlatFunc *callee = xlat_find_region(e->prog, target);
    return callee && call_enters_callee(e, callee);
}

/*
 * Loop polls run the pending signals in place (fvp_poll, docs D43) when registers live in
 * SSA values and there is no instruction count: the loop then goes on with the values it
 * holds, and its header is no entry of the PC table (an entry from the function's switch
 * into the middle of a cycle makes it irreducible for LLVM).  Otherwise, and when fvp_poll
 * says the state changed, the poll leaves for the dispatcher.
 */
static bool poll_in_place(const XlatEmitter *e)
{
    return ssa_regs(e) && (e->flags & XLAT_EMIT_NO_INSTRET);
}

/* Marks the loop headers that check exit_req, so that a guest loop that could keep a
 * pending host signal waiting does not (translator/loops.h). */
static int mark_loop_headers(XlatEmitter *e)
{
    const XlatFunc *f = e->f;
    size_t nb = f->nblocks ? f->nblocks : 1;
    const IrBlock **ir = malloc(nb * sizeof *ir);
    uint8_t *loop = malloc(nb);
    uint64_t *chase = malloc(nb * sizeof *chase);
    uint64_t *live = malloc(nb * sizeof *live);
    bool *entry = malloc(nb * sizeof *entry);
    int rc = -ENOMEM;
    if (ir && loop && chase && live && entry) {
        for (size_t i = 0; i < f->nblocks; i++)
            ir[i] = &e->blocks[i].ir;
        rc = xlat_loop_polls(f, ir, loop, chase, call_polls, e);
        xlat_live_regs(f, ir, live);
        for (size_t i = 0; i < f->nblocks; i++) {
            e->blocks[i].live_in = live[i];
            e->blocks[i].loop_header = loop[i] == XLAT_LOOP_POLL;
            e->blocks[i].loop_any = loop[i] != XLAT_LOOP_NONE;
            e->blocks[i].chase = chase[i];
            /* --precise-faults is for programs whose fault handlers return: the
             * dispatcher comes back into counted loops too, without the interpreter
             * running the rest of the loop */
            if (e->blocks[i].loop_any && !e->blocks[i].loop_header && !ssa_regs(e))
                e->blocks[i].entry = true;
            /* emit_body makes polling headers entries when the poll leaves */
            entry[i] = e->blocks[i].entry || (e->blocks[i].loop_header && !poll_in_place(e));
        }
        rec_sites_find(e);
        /* induction addresses (D36, D54) */
        xlat_ivs_free(&e->ivs);
        if (rc == 0 && ssa_regs(e))
            rc = xlat_loop_ivs(f, ir, entry, &e->ivs);
        for (size_t i = 0; i < f->nblocks; i++)
            e->blocks[i].iv_header = false;
        for (size_t k = 0; rc == 0 && k < e->ivs.nkeys; k++)
            e->blocks[e->ivs.keys[k].header].iv_header = true;
        if (rc == 0 && e->ivs.nkeys > e->cap_key_delta) {
            LLVMValueRef *nk = realloc(e->key_delta, e->ivs.nkeys * sizeof *nk);
            if (nk) {
                e->key_delta = nk;
                e->cap_key_delta = e->ivs.nkeys;
            } else {
                rc = -ENOMEM;
            }
        }
    }
    free(ir);
    free(loop);
    free(chase);
    free(live);
    free(entry);
    return rc;
}

/* Replaces fn by one whose body hands everything to the dispatcher (the
 * interpreter runs that code); tail calls to it stay valid. */
static void emit_fallback_body(XlatEmitter *e, LLVMValueRef fn)
{
    size_t len;
    char name[128];
    snprintf(name, sizeof name, "%s", LLVMGetValueName2(fn, &len));
    LLVMValueRef nf = LLVMAddFunction(e->mod, "fvp.fallback.tmp", e->t_fn);
    LLVMSetVisibility(nf, LLVMHiddenVisibility);
    LLVMAddAttributeAtIndex(nf, LLVMAttributeFunctionIndex, e->a_nounwind);
    LLVMAddAttributeAtIndex(nf, LLVMAttributeFunctionIndex, e->a_strictfp);
    LLVMReplaceAllUsesWith(fn, nf);
    LLVMDeleteFunction(fn);
    LLVMSetValueName2(nf, name, strlen(name));
    LLVMBasicBlockRef bb = LLVMAppendBasicBlockInContext(e->ctx, nf, "fallback");
    LLVMPositionBuilderAtEnd(e->b, bb);
    LLVMBuildRet(e->b, c32(e, IR_EXIT_JUMP));
}

static void emit_entry_check(XlatEmitter *e, BlockInfo *bi, uint64_t pc)
{
    LLVMValueRef req = LLVMBuildLoad2(e->b, e->t_i32,
                                      cpu_field(e, offsetof(RvCpu, exit_req), "req.p"), "req");
    LLVMSetAlignment(req, 4);
    LLVMSetVolatile(req, 1);
    LLVMBasicBlockRef stop = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "stop");
    br_rare(e, LLVMBuildICmp(e->b, LLVMIntNE, req, c32(e, 0), "stop?"), stop, bi->body);
    LLVMPositionBuilderAtEnd(e->b, stop);
    if (!poll_in_place(e)) {
        exit_to_dispatcher(e, c64(e, pc), IR_EXIT_LIMIT, 0);
        return;
    }
    /* only what the loop may read before writing it: the others are dead here, and
     * writing them back kept values alive that nothing else uses (D53) */
    instret_writeback(e);
    for (unsigned r = 0; r < XLAT_MAX_REGS; r++)
        if (bi->live_in >> r & 1)
            reg_writeback_one(e, r);
    cpu_store64(e, offsetof(RvCpu, pc), c64(e, pc), "pc.p");
    LLVMValueRef poll = LLVMGetNamedFunction(e->mod, "fvp_poll");
    if (!poll) {
        poll = LLVMAddFunction(e->mod, "fvp_poll", e->t_fn);
        LLVMAddAttributeAtIndex(poll, LLVMAttributeFunctionIndex, e->a_nounwind);
        LLVMAddAttributeAtIndex(poll, LLVMAttributeFunctionIndex,
                                enum_attr(e->ctx, "cold"));
    }
    LLVMValueRef r = LLVMBuildCall2(e->b, e->t_fn, poll, &e->cpu, 1, "poll");
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, e->a_strictfp);
    LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(e->ctx, e->fn, "poll.out");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, r, c32(e, 0), "poll.back"), bi->body,
                    out);
    LLVMPositionBuilderAtEnd(e->b, out);
    build_ret(e, r); /* the state is in the vCPU: no write-back */
    e->st.polls_in_place++;
}


/*
 * Entering a loop with induction addresses from anywhere but its own ways round (D36, D54):
 * for each of its address forms v (an induction register plus invariant registers),
 * key_delta = min(v, limit) - v with limit a page past the guest space: 0 for any value an
 * access can use, and for any other it moves the form's accesses into the guard above.
 * From there each access moves by the register's step per iteration, at most
 * XLAT_IV_MAX_STEP, and is at most XLAT_IV_MAX_OFFSET from v, so the first one to leave the
 * space lands in a guard and faults; the guards are sized for that.
 */
static void emit_iv_deltas(XlatEmitter *e)
{
    enum { SLACK = 4096 };
    _Static_assert(SLACK >= XLAT_IV_MAX_STEP + XLAT_IV_MAX_OFFSET &&
                       GUEST_GUARD_SIZE >= SLACK + XLAT_IV_MAX_STEP + XLAT_IV_MAX_OFFSET + 64,
                   "guards too small for the induction offsets");
    const IrRegInfo *regs = e->fe->ir_env->regs;
    for (size_t k = 0; k < e->ivs.nkeys; k++) {
        const XlatIvKey *key = &e->ivs.keys[k];
        BlockInfo *bi = &e->blocks[key->header];
        LLVMPositionBuilderAtEnd(e->b, bi->bb);
        LLVMValueRef v = reg_get(e, key->reg, regs[key->reg].name);
        for (unsigned r = 0; r < 64; r++)
            if (key->inv >> r & 1)
                v = LLVMBuildAdd(e->b, v, reg_get(e, r, regs[r].name), "iv.v");
        LLVMValueRef args[2] = { v, c64(e, GUEST_SPACE_SIZE + SLACK) };
        LLVMValueRef m = call_intrinsic(e, "llvm.umin", e->t_i64, args, 2, "iv.min");
        e->key_delta[k] = LLVMBuildSub(e->b, m, v, "iv.delta");
        if (k + 1 == e->ivs.nkeys || e->ivs.keys[k + 1].header != key->header)
            LLVMBuildBr(e->b, bi->back);
    }
}

/*
 * Emits the lifted blocks of e->f into fn.  rec: fn is the register-passing variant (docs
 * D34): entered only at the function's entry, slots from its parameters, no entry switch
 * and no PC-table entries.
 */
static int emit_body(XlatEmitter *e, size_t fi, LLVMValueRef fn, bool rec, char *err,
                     size_t errlen)
{
    const XlatFunc *f = e->f;
    e->fn = fn;
    e->rec = rec;
    e->cpu = LLVMGetParam(fn, 0);
    e->frm_bad = NULL;
    e->ret_copies = 0;
    e->copy_rc = 0;
    LLVMBasicBlockRef start = LLVMAppendBasicBlockInContext(e->ctx, fn, "start");
    for (size_t i = 0; i < f->nblocks; i++) {
        BlockInfo *bi = &e->blocks[i];
        char name[32];
        snprintf(name, sizeof name, "b_%" PRIx64, f->blocks[i].pc);
        bi->body = LLVMAppendBasicBlockInContext(e->ctx, fn, name);
        bi->bb = bi->body;
        bi->back = NULL;
        if (bi->loop_header) {
            snprintf(name, sizeof name, "loop_%" PRIx64, f->blocks[i].pc);
            bi->bb = LLVMAppendBasicBlockInContext(e->ctx, fn, name);
            bi->entry |= !poll_in_place(e);
        }
        if (bi->iv_header) {
            snprintf(name, sizeof name, "iv_%" PRIx64, f->blocks[i].pc);
            bi->back = bi->bb;
            bi->bb = LLVMAppendBasicBlockInContext(e->ctx, fn, name);
        }
    }
    LLVMPositionBuilderAtEnd(e->b, start);
    reg_slots_init(e, e->blocks, f->nblocks);
    build_shared_exits(e);

    /* start: mem_base once; stop if a signal is waiting; switch to the entry */
    LLVMPositionBuilderAtEnd(e->b, start);
    LLVMValueRef mb = LLVMBuildLoad2(e->b, e->t_i64,
                                     cpu_field(e, offsetof(RvCpu, mem_base), "mem_base.p"),
                                     "mem_base.i");
    LLVMSetAlignment(mb, 8);
    e->mem_base = LLVMBuildIntToPtr(e->b, mb, e->t_ptr, "mem_base");
    emit_count(e);
    LLVMValueRef pc = c64(e, f->entry);
    if (!rec) {
        pc = LLVMBuildLoad2(e->b, e->t_i64, cpu_field(e, offsetof(RvCpu, pc), "pc.p"), "pc");
        LLVMSetAlignment(pc, 8);
    }
    BlockInfo *main_bi = local_block(e, f->entry);
    if (!main_bi) {
        snprintf(err, errlen, "function 0x%" PRIx64 " has no entry block", f->entry);
        return -EINVAL;
    }
    size_t nent = 0;
    for (size_t i = 0; i < f->nblocks; i++)
        nent += e->blocks[i].entry && f->blocks[i].pc != f->entry;
    /* The entry check of the main entry runs before its loop check.  The variant enters
     * only there, so when that block heads a polling loop its poll is the entry check. */
    LLVMBasicBlockRef dispatch = LLVMAppendBasicBlockInContext(e->ctx, fn, "entry.switch");
    if (rec && main_bi->loop_header) {
        LLVMBuildBr(e->b, dispatch);
    } else {
        LLVMValueRef req = LLVMBuildLoad2(
            e->b, e->t_i32, cpu_field(e, offsetof(RvCpu, exit_req), "req.p"), "req");
        LLVMSetAlignment(req, 4);
        LLVMSetVolatile(req, 1);
        LLVMBasicBlockRef stop = LLVMAppendBasicBlockInContext(e->ctx, fn, "stop");
        br_rare(e, LLVMBuildICmp(e->b, LLVMIntNE, req, c32(e, 0), "stop?"), stop, dispatch);
        LLVMPositionBuilderAtEnd(e->b, stop);
        exit_to_dispatcher(e, pc, IR_EXIT_LIMIT, 0);
    }
    LLVMPositionBuilderAtEnd(e->b, dispatch);
    if (rec) {
        LLVMBuildBr(e->b, main_bi->bb);
    } else {
        LLVMValueRef sw = LLVMBuildSwitch(e->b, pc, main_bi->bb, (unsigned)nent);
        for (size_t i = 0; i < f->nblocks; i++) {
            BlockInfo *bi = &e->blocks[i];
            if (!bi->entry)
                continue;
            if (f->blocks[i].pc != f->entry)
                LLVMAddCase(sw, c64(e, f->blocks[i].pc), bi->bb);
            if (add_entry(e, f->blocks[i].pc, (uint32_t)fi) != 0) {
                snprintf(err, errlen, "out of memory");
                return -ENOMEM;
            }
            e->st.entries++;
        }
    }

    emit_iv_deltas(e);
    for (size_t i = 0; i < f->nblocks; i++) {
        BlockInfo *bi = &e->blocks[i];
        e->cur_bi = bi;
        if (bi->loop_header) {
            LLVMPositionBuilderAtEnd(e->b, bi->back ? bi->back : bi->bb);
            emit_entry_check(e, bi, f->blocks[i].pc);
        }
        LLVMPositionBuilderAtEnd(e->b, bi->body);
        if (bi->loop_any)
            emit_count(e);
        int rc = emit_block(e, &bi->ir, bi->chase);
        rc = rc ? rc : e->copy_rc;
        if (rc != 0) {
            snprintf(err, errlen, "block 0x%" PRIx64 ": cannot translate", f->blocks[i].pc);
            return rc;
        }
    }
    /* Exits nobody used: keep the IR valid. */
    if (LLVMCountIncoming(e->exit_pc) == 0) {
        LLVMDeleteBasicBlock(e->exit_bb);
    }
    if (LLVMCountIncoming(e->trap.pc) == 0)
        LLVMDeleteBasicBlock(e->trap.bb);
    if (LLVMCountIncoming(e->fault.pc) == 0)
        LLVMDeleteBasicBlock(e->fault.bb);
    if (LLVMVerifyFunction(fn, LLVMReturnStatusAction) != 0) {
        snprintf(err, errlen, "LLVM rejected the translation");
        return -EINVAL;
    }
    return 0;
}

/* Replaces the register-passing variant by one that puts its arguments into the vCPU
 * and has the dispatcher go on at the function's entry (its emission failed). */
static void emit_rec_fallback(XlatEmitter *e)
{
    size_t len;
    char name[160];
    snprintf(name, sizeof name, "%s", LLVMGetValueName2(e->rec_fn, &len));
    LLVMSetValueName2(e->rec_fn, "fvp.rec.failed", 14);
    LLVMValueRef nf = rec_function(e, name);
    LLVMReplaceAllUsesWith(e->rec_fn, nf);
    LLVMDeleteFunction(e->rec_fn);
    e->rec_fn = e->fn = nf;
    e->rec = false;
    e->cpu = LLVMGetParam(nf, 0);
    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, nf, "fallback"));
    int regs[1 + XLAT_MAX_REGS];
    unsigned n = rec_params(e, regs);
    for (unsigned i = 0; i < n; i++)
        cpu_store64(e, rec_offset(regs[i]), LLVMGetParam(nf, 1 + i), "");
    cpu_store64(e, offsetof(RvCpu, pc), c64(e, e->f->entry), "pc.p");
    rec_ret_vcpu(e, c32(e, IR_EXIT_JUMP));
}

/* The current function's leaf entry (docs D63) when it qualifies: the body once more, entered
 * only at its entry with a0-a7, sp and ra as parameters; its PC-table entry names it. */
static void emit_leaf(XlatEmitter *e, size_t fi)
{
    if (!leaf_qualifies(e))
        return;
    char name[48], err[256];
    xlat_leaf_symbol(e->prog, fi, name, sizeof name);
    LLVMValueRef fn = e->fn, lf = LLVMAddFunction(e->mod, name, leaf_type(e));
    LLVMSetVisibility(lf, LLVMHiddenVisibility);
    LLVMSetFunctionCallConv(lf, XLAT_REC_CALLCONV);
    LLVMAddAttributeAtIndex(lf, LLVMAttributeFunctionIndex, e->a_nounwind);
    LLVMAddAttributeAtIndex(lf, LLVMAttributeFunctionIndex, e->a_strictfp);
    XlatEmitStats st = e->st;
    e->leaf = true;
    e->rec_ret_ty = e->leaf_ret_ty;
    int rc = emit_body(e, fi, lf, true, err, sizeof err);
    e->leaf = e->rec = false;
    e->st = st;
    e->fn = fn;
    e->cpu = LLVMGetParam(fn, 0);
    if (rc != 0) {
        LLVMDeleteFunction(lf);
        return;
    }
    for (size_t i = e->nentries; i-- > 0 && e->entries[i].func == fi;)
        e->entries[i].leaf |= e->entries[i].pc == e->f->entry;
    e->st.leaves++;
}

int xlat_emit_func(XlatEmitter *e, size_t fi, char *err, size_t errlen)
{
    const XlatFunc *f = &e->prog->funcs[fi];
    e->f = f;
    LLVMValueRef fn = func_decl(e, fi);
    e->fn = fn;
    e->rec = false;
    e->rec_fn = NULL;
    e->cpu = LLVMGetParam(fn, 0);
    LLVMSetValueName2(e->cpu, "cpu", 3);
    if (LLVMCountBasicBlocks(fn) != 0)
        return 0; /* already emitted */
    const char *libc = host_libc_name(e, f);
    if (libc)
        return emit_host_libc(e, fi, libc);

    int rc = lift_blocks(e, err, errlen);
    if (rc != 0)
        goto fail;
    if ((rc = mark_loop_headers(e)) != 0) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    if ((rc = emit_body(e, fi, fn, false, err, errlen)) != 0)
        goto fail;
    if (e->rec_fn) {
        /* the variant the function's own calls call; its stats are not counted again */
        XlatEmitStats st = e->st;
        char rerr[256];
        if (emit_body(e, fi, e->rec_fn, true, rerr, sizeof rerr) != 0)
            emit_rec_fallback(e);
        e->st = st;
        e->rec = false;
        e->fn = fn;
    }
    emit_leaf(e, fi);
    e->st.funcs_ok++;
    e->st.blocks += f->nblocks;
    return 0;

fail:
    /* Entries of a failed function must not stay registered. */
    while (e->nentries > 0 && e->entries[e->nentries - 1].func == fi)
        e->nentries--;
    emit_fallback_body(e, fn);
    if (e->rec_fn) {
        LLVMDeleteFunction(e->rec_fn); /* only the failed body called it */
        e->rec_fn = NULL;
    }
    e->rec = false;
    e->st.funcs_failed++;
    return rc ? rc : -EINVAL;
}

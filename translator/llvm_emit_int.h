/*
 * The LLVM emitter's internals, shared by its parts: llvm_emit.c (the emitter's life,
 * registers, instructions, functions), llvm_exits.c (where control leaves a block: exits to
 * the dispatcher, traps, tail and host calls, the register-passing variants, jump tables,
 * lookups) and llvm_libc.c (calls of host code doing a guest function's work: the host C
 * library, libgcc's bit helpers).  Not for other files: their contract is llvm_emit.h.
 */
#ifndef FVP_LLVM_EMIT_INT_H
#define FVP_LLVM_EMIT_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/cpu.h"
#include "runtime/guestmem.h"
#include "translator/llvm_emit.h"
#include "translator/loop_ivs.h"

/* LLVM's x86-64 regcall convention (CallingConv::X86_RegCall; not in llvm-c's enum): 12
 * integer arguments and up to 11 integer results in registers. */
#define XLAT_REC_CALLCONV 92

/* How many self-call return sites the variant tells apart (docs D62). */
#define XLAT_REC_SITES 8

/* IR registers that can live in SSA: x0..x31, f0..f31. */
#define XLAT_MAX_REGS 64

typedef struct BlockInfo {
    IrBlock ir;
    LLVMBasicBlockRef bb;      /* where branches to this block go */
    LLVMBasicBlockRef body;    /* the block's code (after an exit_req check) */
    bool loop_header;          /* heads a loop that checks exit_req (loops.h) */
    bool loop_any;             /* heads a loop, polling or not */
    bool entry;                /* registered in the PC table */
    uint64_t chase;            /* registers a loop around it loads (loops.h) */
    uint64_t live_in;          /* registers read before written from its start on
                                  (xlat_live_regs) */
    bool iv_header;            /* heads a loop with induction addresses (xlat_loop_ivs) */
    LLVMBasicBlockRef back;    /* with iv_header: where its loop's ways round go (bb: the
                                  block computing their key_delta on the way in) */
    bool lifted;
} BlockInfo;

/* A shared block raising a guest trap; its phis collect the operands. */
typedef struct TrapBlock {
    LLVMBasicBlockRef bb;
    LLVMValueRef pc, cause, tval, count;
} TrapBlock;

struct XlatEmitter {
    LLVMModuleRef mod;
    LLVMContextRef ctx;
    LLVMBuilderRef b;
    const XlatProgram *prog;
    const FvpFrontend *fe;
    XlatCode *code;
    FILE *ir_out;
    unsigned flags;                   /* XLAT_EMIT_* */

    LLVMTypeRef t_i1, t_i8, t_i16, t_i32, t_i64, t_f32, t_f64, t_ptr, t_void;
    LLVMTypeRef t_fn;                 /* i32 (ptr) */
    LLVMValueRef *helpers;            /* declarations, by helper index */
    LLVMTypeRef *helper_types;
    LLVMAttributeRef a_strictfp, a_nounwind;
    unsigned md_tbaa;                 /* the "tbaa" metadata kind */
    LLVMValueRef tbaa_cpu, tbaa_guest;  /* access tags: vCPU fields, guest memory */

    XlatEntry *entries;
    size_t nentries, cap_entries;
    XlatEmitStats st;

    /* per function */
    const XlatFunc *f;
    LLVMValueRef fn, cpu, mem_base;
    BlockInfo *blocks;
    size_t cap_blocks;
    LLVMBasicBlockRef exit_bb;
    LLVMValueRef exit_pc, exit_reason, exit_count;  /* phis of exit_bb */
    LLVMBasicBlockRef ret_bb;          /* the variant's returns (D46), made on first use */
    LLVMValueRef ret_pc, ret_count;    /* phis of ret_bb */
    TrapBlock trap;       /* exact: writes every register back */
    TrapBlock fault;      /* guest memory faults; SSA mode: registers stale */
    LLVMValueRef *temps;
    uint8_t *chase;                   /* per temp: computed from a chased register */
    XlatIvs ivs;                      /* the function's induction addresses (D54) */
    LLVMValueRef *key_delta;          /* per key of ivs: its offset (emit_iv_deltas) */
    size_t cap_key_delta;
    IrTemp *base_of;                  /* per temp: t = base_of[t] + base_off[t] (D37), */
    int16_t *base_off;                /* base_off small; base_of 0: not of that form */
    size_t cap_temps;
    /* SSA mode: the alloca of each register the function touches (else
     * NULL), and which ones it writes */
    LLVMValueRef reg_slot[XLAT_MAX_REGS];
    bool reg_written[XLAT_MAX_REGS];
    LLVMValueRef instret_slot;        /* SSA mode: cpu->instret */
    /* Register-passing self-calls (docs D34): rec_fn is the current function's variant
     * entered only at its entry by its own calls, with the slots (instret first, then
     * registers in order) as parameters; rec says that variant is being emitted. */
    LLVMValueRef rec_fn;
    LLVMTypeRef rec_ty;
    LLVMTypeRef rec_ret_ty; /* what the variant returns: {status, returned registers} */
    bool rec;
    /* with rec: the variant being emitted is the function's leaf entry (docs D63), whose
     * parameters and results are leaf_params' and a0/a1 */
    bool leaf;
    LLVMTypeRef leaf_ty, leaf_ret_ty;  /* its type, made on first use (leaf_type) */
    /* the return sites of the function's calls of its own entry, and the registers live at
     * any of them (every register when there are more than XLAT_REC_SITES; docs D62) */
    uint64_t rec_sites[XLAT_REC_SITES];
    unsigned rec_nsites;
    uint64_t rec_live;
    LLVMValueRef frm_bad;             /* an FP CSR write's fvp_fp_enter result,
                                         checked at the next instruction */
    unsigned ret_copies;              /* copies of returning blocks made (D66) */
    int copy_rc;                      /* the first failure of one, else 0 */
    /* per block */
    BlockInfo *cur_bi;        /* the block being emitted */
    uint64_t cur_pc;          /* pc of the current guest instruction */
    uint64_t cur_end;         /* pc after the block (a call's return address) */
    bool pc_stored;           /* cpu->pc already holds cur_pc */
    uint64_t jt_load_pc;      /* the entry load of the jump table ending this block, or 0 */
    LLVMValueRef jt_addr;     /* its guest address, once emitted */
    unsigned started;         /* INSN markers seen in this block */
    unsigned flushed;         /* of which already added to instret */
};

/* ---- small helpers (llvm_emit.c) ------------------------------------------ */

static inline LLVMValueRef c64(XlatEmitter *e, uint64_t v)
{
    return LLVMConstInt(e->t_i64, v, 0);
}

static inline LLVMValueRef c32(XlatEmitter *e, uint32_t v)
{
    return LLVMConstInt(e->t_i32, v, 0);
}

/* Pointer to the vCPU field at byte offset off. */
static inline LLVMValueRef cpu_field(XlatEmitter *e, unsigned off, const char *name)
{
    LLVMValueRef idx = c64(e, off);
    return LLVMBuildInBoundsGEP2(e->b, e->t_i8, e->cpu, &idx, 1, name);
}

/* SSA mode tells LLVM that vCPU fields and guest memory never alias (two
 * TBAA types under one root), so register and instret accesses need not
 * stay ordered with guest loads and stores. */
static inline LLVMValueRef tag_cpu(XlatEmitter *e, LLVMValueRef inst)
{
    if (e->tbaa_cpu)
        LLVMSetMetadata(inst, e->md_tbaa, e->tbaa_cpu);
    return inst;
}

static inline void cpu_store64(XlatEmitter *e, unsigned off, LLVMValueRef v, const char *name)
{
    LLVMValueRef st = tag_cpu(e, LLVMBuildStore(e->b, v, cpu_field(e, off, name)));
    LLVMSetAlignment(st, 8);
}

/* Byte offset of IR register r in RvCpu: x0..x31, then f0..f31. */
static inline unsigned reg_offset(int64_t r)
{
    return r < 32 ? (unsigned)(offsetof(RvCpu, x) + 8 * r)
                  : (unsigned)(offsetof(RvCpu, f) + 8 * (r - 32));
}

static inline bool ssa_regs(const XlatEmitter *e)
{
    return !(e->flags & XLAT_EMIT_PRECISE_FAULTS);
}

/* ---- defined in llvm_emit.c ------------------------------------------------ */

LLVMValueRef call_intrinsic(XlatEmitter *e, const char *name, LLVMTypeRef ty,
                            LLVMValueRef *args, unsigned nargs, const char *vname);
LLVMValueRef br_rare(XlatEmitter *e, LLVMValueRef cond, LLVMBasicBlockRef rare,
                     LLVMBasicBlockRef usual);
LLVMValueRef reg_get(XlatEmitter *e, int64_t r, const char *name);
int emit_block(XlatEmitter *e, const IrBlock *blk, uint64_t chase);
void reg_writeback_one(XlatEmitter *e, unsigned r);
void reg_writeback(XlatEmitter *e);
void slot_load(XlatEmitter *e, LLVMValueRef slot, unsigned off, const char *name);
void reg_reload(XlatEmitter *e);
bool rec_gives_back(const XlatEmitter *e, int r);
void rec_sites_find(XlatEmitter *e);
unsigned rec_params(const XlatEmitter *e, int out[1 + XLAT_MAX_REGS]);
/* The k-th register in the variant's orders: ra (x1) last, the others by number (docs D62). */
static inline int rec_order(int k)
{
    return k == XLAT_MAX_REGS - 1 ? 1 : k + (k >= 1);
}
LLVMValueRef rec_slot(const XlatEmitter *e, int r);
LLVMValueRef rec_value(XlatEmitter *e, int r);
LLVMValueRef func_decl(XlatEmitter *e, size_t i);
int add_entry(XlatEmitter *e, uint64_t pc, uint32_t func);

/* ---- defined in llvm_libc.c ------------------------------------------------- */

const char *host_libc_name(const XlatEmitter *e, const XlatFunc *f);
int emit_host_libc(XlatEmitter *e, size_t fi, const char *name);
void libc_return_sites(XlatEmitter *e);
bool call_enters_callee(const XlatEmitter *e, const XlatFunc *callee);
bool emit_host_work(XlatEmitter *e, const XlatFunc *callee, uint64_t pc, BlockInfo *ret_bi);

/* ---- defined in llvm_exits.c ----------------------------------------------- */

unsigned take_count(XlatEmitter *e, unsigned retired);
void exit_to_dispatcher(XlatEmitter *e, LLVMValueRef pc, unsigned reason, unsigned count);
void add_instret(XlatEmitter *e, LLVMValueRef n);
void exit_trap_via(XlatEmitter *e, TrapBlock *tb, LLVMValueRef pc, LLVMValueRef cause,
                   LLVMValueRef tval, unsigned count);
void exit_trap(XlatEmitter *e, LLVMValueRef pc, LLVMValueRef cause, LLVMValueRef tval,
               unsigned count);
void build_shared_exits(XlatEmitter *e);

BlockInfo *local_block(XlatEmitter *e, uint64_t pc);
LLVMValueRef rec_function(XlatEmitter *e, const char *name);
unsigned rec_offset(int r); /* vCPU offset of a rec_params/rec_returns entry (-1: instret) */
void rec_ret_vcpu(XlatEmitter *e, LLVMValueRef reason);
void build_ret(XlatEmitter *e, LLVMValueRef reason);

void exit_const(XlatEmitter *e, uint64_t pc, unsigned reason, unsigned count);
void exit_dynamic(XlatEmitter *e, LLVMValueRef pc, unsigned reason, unsigned count);
LLVMTypeRef leaf_type(XlatEmitter *e);
bool leaf_qualifies(const XlatEmitter *e);

#endif /* FVP_LLVM_EMIT_INT_H */

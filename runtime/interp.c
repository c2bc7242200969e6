/*
 * IR interpreter: executes FVP IR blocks lifted from guest memory, in the
 * threaded form of runtime/interp_priv.h (predecoded by interp_pre.c).
 *
 * Guest registers live in RvCpu directly, so the state is exact at every
 * guest instruction boundary, which is what precise traps and signals
 * need.  A block's exit to a constant PC remembers the block it led to
 * (indirect exits the last one), so blocks run one after another without
 * a cache lookup and without returning to the execution manager, until an
 * exit it must see (ecall, trap, fence.i), a host signal (exit_req), a
 * code change (GuestMem.code_gen) or the caller's block budget.
 */
#include "runtime/interp.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "frontend.h"
#include "riscv64/rv64.h"
#include "riscv64/rv64_helpers.h"
#include "runtime/interp_priv.h"

#define INTERP_MAX_BLOCK_INSNS 64
#define INTERP_JC_SIZE 1024 /* a power of two */
#define INTERP_TRACE_BLOCKS 3  /* blocks in one trace at most */
#define INTERP_TRACE_CODE 48   /* no more appended after this many PInsns */

/* ---- helper trampolines, generated from the one helper table ------------ */

typedef uint64_t (*HelperTramp)(RvCpu *env, const uint64_t *a);

#define TR_ARG_VOID(i)
#define TR_ARG_I32(i) , (uint32_t)a[i]
#define TR_ARG_I64(i) , a[i]
#define TR_ARG_F32(i) , bits_f32(a[i])
#define TR_ARG_F64(i) , bits_f64(a[i])
#define TR_RET_VOID(e) e; return 0;
#define TR_RET_I32(e) return (uint32_t)(e);
#define TR_RET_I64(e) return (e);
#define TR_RET_F32(e) return f32_bits(e);
#define TR_RET_F64(e) return f64_bits(e);

#define RVH(name, ret, a0, a1, a2, a3, flags)                                  \
    static uint64_t tramp_##name(RvCpu *env, const uint64_t *a)               \
    {                                                                          \
        (void)a;                                                               \
        TR_RET_##ret(rvh_##name(env TR_ARG_##a0(0) TR_ARG_##a1(1)              \
                                    TR_ARG_##a2(2) TR_ARG_##a3(3)))            \
    }
#include "riscv64/rv64_helpers.def"
#undef RVH

static const HelperTramp helper_tramps[RV_NHELPERS] = {
#define RVH(name, ret, a0, a1, a2, a3, flags) [RV_HELPER_##name] = tramp_##name,
#include "riscv64/rv64_helpers.def"
#undef RVH
};

/* ---- predecode cache ----------------------------------------------------- */

typedef struct CacheSlot {
    uint64_t pc;
    PBlock *blk;       /* NULL: empty */
} CacheSlot;

struct Interp {
    Process *p;
    const FvpFrontend *fe;
    CacheSlot *slots;
    size_t cap, used;  /* cap is a power of two */
    uint64_t code_gen; /* p->mem's code_gen the cache was filled under */
    uint64_t flushes;  /* flushes so far: remembered successors die with one */
    uint64_t *temps;   /* the temps of the running block */
    size_t ntemps_cap;
    uint64_t sink;     /* writes to x0 land here */
    uint64_t zero;     /* reads of x0 and of unused operands */
    IrBlock lift;      /* where blocks are lifted before predecoding */
    /* Direct-mapped by pc, in front of the slots for indirect exits. */
    struct {
        uint64_t pc;
        PBlock *blk;
    } jc[INTERP_JC_SIZE];
};

static size_t cache_hash(uint64_t pc, size_t cap)
{
    return (size_t)((pc >> 1) * 0x9e3779b97f4a7c15ull >> 20) & (cap - 1);
}

Interp *interp_new(Process *p)
{
    Interp *it = calloc(1, sizeof *it);
    if (!it)
        return NULL;
    it->p = p;
    it->fe = &fvp_frontend_riscv64;
    ir_block_init(&it->lift, it->fe->ir_env, 0);
    it->cap = 4096;
    it->slots = calloc(it->cap, sizeof *it->slots);
    it->ntemps_cap = 1024;
    it->temps = calloc(it->ntemps_cap, sizeof *it->temps);
    if (!it->slots || !it->temps) {
        interp_free(it);
        return NULL;
    }
    it->code_gen = guestmem_code_gen(p->mem);
    return it;
}

void interp_flush(Interp *it)
{
    for (size_t i = 0; i < it->cap; i++) {
        if (it->slots[i].blk) {
            pblock_free(it->slots[i].blk);
            it->slots[i].blk = NULL;
        }
    }
    it->used = 0;
    memset(it->jc, 0, sizeof it->jc);
    it->flushes++;
    it->code_gen = guestmem_code_gen(it->p->mem);
}

void interp_free(Interp *it)
{
    if (!it)
        return;
    if (it->slots)
        interp_flush(it);
    free(it->slots);
    free(it->temps);
    ir_block_free(&it->lift);
    free(it);
}

static CacheSlot *cache_find(Interp *it, uint64_t pc)
{
    size_t i = cache_hash(pc, it->cap);
    for (;;) {
        CacheSlot *s = &it->slots[i];
        if (!s->blk || s->pc == pc)
            return s;
        i = (i + 1) & (it->cap - 1);
    }
}

static int cache_grow(Interp *it)
{
    size_t ncap = it->cap * 2;
    CacheSlot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return -ENOMEM;
    CacheSlot *old = it->slots;
    size_t ocap = it->cap;
    it->slots = ns;
    it->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].blk)
            *cache_find(it, old[i].pc) = old[i];
    free(old);
    return 0;
}

/* FvpCodeReader over guest memory: only executable, mapped bytes. */
static size_t interp_read_code(void *ctx, uint64_t pc, uint8_t *buf, size_t n)
{
    const GuestMem *m = ctx;
    size_t got = 0;
    /* Byte pairs: an instruction may straddle into an unmapped page. */
    while (got < n && guestmem_check(m, pc + got, 2, PROT_EXEC)) {
        size_t step = n - got < 2 ? n - got : 2;
        memcpy(buf + got, g2h(m, pc + got), step);
        got += step;
    }
    return got;
}

/* Makes room for n temps.  Predecoded blocks point at the temps, so a
 * move empties the cache. */
static int interp_reserve_temps(Interp *it, size_t n)
{
    if (n <= it->ntemps_cap)
        return 0;
    size_t cap = it->ntemps_cap;
    while (cap < n)
        cap *= 2;
    uint64_t *nt = calloc(cap, sizeof *nt);
    if (!nt)
        return -ENOMEM;
    interp_flush(it);
    free(it->temps);
    it->temps = nt;
    it->ntemps_cap = cap;
    return 0;
}

/* Lifts and predecodes the block at pc.  may_move: the temps may grow
 * (which empties the cache); else a block that needs more fails.  NULL
 * with *err = -ENOMEM when that or memory ran out. */
static PBlock *interp_lift(Interp *it, uint64_t pc, bool may_move, int *err)
{
    Process *p = it->p;
    IrBlock *b = &it->lift;
    if (fvp_lift_block(it->fe, interp_read_code, p->mem, pc, INTERP_MAX_BLOCK_INSNS, b) != 0 ||
        (!may_move && b->ntemps > it->ntemps_cap) ||
        (*err = interp_reserve_temps(it, b->ntemps)) != 0) {
        *err = -ENOMEM;
        return NULL;
    }
    PTarget t = { .cpu = &p->cpu, .temps = it->temps, .sink = &it->sink, .zero = &it->zero };
    PBlock *pb = interp_predecode(b, &t);
    if (!pb) {
        *err = -ENOMEM;
        return NULL;
    }
    p->st.blocks_lifted++;
    return pb;
}

/* The predecoded block at pc, lifted and predecoded on a miss.  NULL with
 * *err = -ENOMEM when memory ran out.  May flush the cache (code changed,
 * temps moved): it->flushes says so. */
static PBlock *interp_lookup(Interp *it, uint64_t pc, int *err)
{
    Process *p = it->p;
    if (it->code_gen != guestmem_code_gen(p->mem))
        interp_flush(it);
    p->st.cache_lookups++;
    CacheSlot *s = cache_find(it, pc);
    if (s->blk) {
        p->st.cache_hits++;
        return s->blk;
    }
    if ((it->used + 1) * 4 > it->cap * 3) {
        if ((*err = cache_grow(it)) != 0)
            return NULL;
    }
    PBlock *pb = interp_lift(it, pc, true, err);
    if (!pb)
        return NULL;
    /* A block that ends jumping to a constant pc gets the block there
     * appended (a trace), up to a few blocks and no cycle. */
    uint64_t seen[INTERP_TRACE_BLOCKS] = { pc };
    for (unsigned n = 1; n < INTERP_TRACE_BLOCKS && pb->ncode < INTERP_TRACE_CODE; n++) {
        const PInsn *last = &pb->code[pb->ncode - 1];
        if (last->kind != PK_EXITC)
            break;
        bool cycle = false;
        for (unsigned j = 0; j < n; j++)
            cycle = cycle || seen[j] == last->imm;
        if (cycle)
            break;
        seen[n] = last->imm;
        int terr = 0;
        PBlock *tail = interp_lift(it, last->imm, false, &terr);
        if (!tail)
            break;
        if (pblock_append(pb, tail) != 0) {
            pblock_free(tail);
            break;
        }
    }
    s = cache_find(it, pc);
    s->pc = pc;
    s->blk = pb;
    it->used++;
    return pb;
}

/* ---- execution ----------------------------------------------------------- */

static int interp_trap(RvCpu *c, uint64_t pc, uint64_t cause, uint64_t tval, uint64_t *out_next)
{
    c->pc = pc;
    c->trap_cause = cause;
    c->trap_tval = tval;
    c->trap_pending = 0;
    *out_next = pc;
    return IR_EXIT_TRAP;
}

static uint64_t mem_load(const uint8_t *h, unsigned size)
{
    switch (size) {
    case 1: return *h;
    case 2: { uint16_t v; memcpy(&v, h, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, h, 4); return v; }
    default: { uint64_t v; memcpy(&v, h, 8); return v; }
    }
}

/* Resolves the handler kinds of a new block to the executor's labels. */
static void pblock_link(PBlock *pb, const void *const *labels)
{
    for (uint32_t i = 0; i < pb->ncode; i++)
        pb->code[i].h = labels[pb->code[i].kind];
}

#define SX32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))

int interp_run(Interp *it, RvCpu *c, unsigned max_blocks, uint64_t *out_next)
{
    static const void *const labels[PK_COUNT] = {
#define PK_LABEL(name) [PK_##name] = &&L_##name,
        PKINDS(PK_LABEL)
#undef PK_LABEL
    };
    Process *p = it->p;
    ExecStats *st = &p->st;
    int err = 0, rc;
    /* Operands point into p->cpu (interp_priv.h). */
    if (c != &p->cpu)
        return -EINVAL;
    PBlock *pb = interp_lookup(it, c->pc, &err);
    if (!pb)
        return err;
    if (!pb->code[0].h)
        pblock_link(pb, labels);
    /* Guest memory does not move while blocks run: syscalls, which may
     * remap it, end the run. */
    uint8_t *const mem = (uint8_t *)(uintptr_t)c->mem_base;
    const uint64_t limit = c->mem_limit;
    /* instret at the start of the running block */
    uint64_t ibase = c->instret;
    uint64_t bpc, next, ea, fault_cause, chained = 0;
    unsigned why, budget = max_blocks ? max_blocks : 1;
    PInsn *ip;
    PBlock *nb;

enter:
    st->blocks_executed++;
    bpc = pb->pc;
    ip = pb->code;
    goto *ip->h;

#define NEXT goto *(++ip)->h
#define LEAVE_TRAP(...)                                                        \
    do {                                                                       \
        rc = interp_trap(__VA_ARGS__);                                         \
        goto out;                                                              \
    } while (0)
/* The guest pc and instret as of the instruction ip belongs to: before
 * anything that can trap, fault or call a helper. */
#define SYNC() (c->pc = bpc + ip->pcoff, c->instret = ibase + ip->idx)

L_COPY: *ip->d = *ip->a; NEXT;
L_SETI: *ip->d = ip->imm; NEXT;
L_ANDI: *ip->d = *ip->a & ip->imm; NEXT;
L_ADD: *ip->d = *ip->a + *ip->b; NEXT;
L_SUB: *ip->d = *ip->a - *ip->b; NEXT;
L_MUL: *ip->d = *ip->a * *ip->b; NEXT;
L_AND: *ip->d = *ip->a & *ip->b; NEXT;
L_OR: *ip->d = *ip->a | *ip->b; NEXT;
L_XOR: *ip->d = *ip->a ^ *ip->b; NEXT;
L_SHL: *ip->d = *ip->a << (*ip->b & 63); NEXT;
L_SHR: *ip->d = *ip->a >> (*ip->b & 63); NEXT;
L_SAR: *ip->d = (uint64_t)((int64_t)*ip->a >> (*ip->b & 63)); NEXT;
L_ADDI: *ip->d = *ip->a + ip->imm; NEXT;
L_ORI: *ip->d = *ip->a | ip->imm; NEXT;
L_XORI: *ip->d = *ip->a ^ ip->imm; NEXT;
L_SHLI: *ip->d = *ip->a << ip->imm; NEXT;
L_SHRI: *ip->d = *ip->a >> ip->imm; NEXT;
L_SARI: *ip->d = (uint64_t)((int64_t)*ip->a >> ip->imm); NEXT;
L_MULHS: *ip->d = op_mulh(IR_MULHS, *ip->a, *ip->b, 64); NEXT;
L_MULHU: *ip->d = op_mulh(IR_MULHU, *ip->a, *ip->b, 64); NEXT;
L_MULHSU: *ip->d = op_mulh(IR_MULHSU, *ip->a, *ip->b, 64); NEXT;
L_DIV: *ip->d = op_div(IR_DIV, *ip->a, *ip->b, 64); NEXT;
L_DIVU: *ip->d = op_div(IR_DIVU, *ip->a, *ip->b, 64); NEXT;
L_REM: *ip->d = op_div(IR_REM, *ip->a, *ip->b, 64); NEXT;
L_REMU: *ip->d = op_div(IR_REMU, *ip->a, *ip->b, 64); NEXT;
L_SEL: *ip->d = *ip->a ? *ip->b : *(const uint64_t *)(uintptr_t)ip->imm; NEXT;
L_ADDW: *ip->d = SX32(*ip->a + *ip->b); NEXT;
L_SUBW: *ip->d = SX32(*ip->a - *ip->b); NEXT;
L_MULW: *ip->d = SX32((uint32_t)*ip->a * (uint32_t)*ip->b); NEXT;
L_SHLW: *ip->d = SX32((uint32_t)*ip->a << (*ip->b & 31)); NEXT;
L_SHRW: *ip->d = SX32((uint32_t)*ip->a >> (*ip->b & 31)); NEXT;
L_SARW: *ip->d = (uint64_t)(int64_t)((int32_t)(uint32_t)*ip->a >> (*ip->b & 31)); NEXT;
L_ADDWI: *ip->d = SX32(*ip->a + ip->imm); NEXT;
L_SHLWI: *ip->d = SX32((uint32_t)*ip->a << ip->imm); NEXT;
L_SHRWI: *ip->d = SX32((uint32_t)*ip->a >> ip->imm); NEXT;
L_SARWI: *ip->d = (uint64_t)(int64_t)((int32_t)(uint32_t)*ip->a >> ip->imm); NEXT;
L_SEXTW: *ip->d = SX32(*ip->a); NEXT;
L_CEQ: *ip->d = *ip->a == *ip->b; NEXT;
L_CNE: *ip->d = *ip->a != *ip->b; NEXT;
L_CSLT: *ip->d = (int64_t)*ip->a < (int64_t)*ip->b; NEXT;
L_CSLE: *ip->d = (int64_t)*ip->a <= (int64_t)*ip->b; NEXT;
L_CSGT: *ip->d = (int64_t)*ip->a > (int64_t)*ip->b; NEXT;
L_CSGE: *ip->d = (int64_t)*ip->a >= (int64_t)*ip->b; NEXT;
L_CULT: *ip->d = *ip->a < *ip->b; NEXT;
L_CULE: *ip->d = *ip->a <= *ip->b; NEXT;
L_CUGT: *ip->d = *ip->a > *ip->b; NEXT;
L_CUGE: *ip->d = *ip->a >= *ip->b; NEXT;

L_BR: if (*ip->a) goto taken; NEXT;
L_BEQ: if (*ip->a == *ip->b) goto taken; NEXT;
L_BNE: if (*ip->a != *ip->b) goto taken; NEXT;
L_BSLT: if ((int64_t)*ip->a < (int64_t)*ip->b) goto taken; NEXT;
L_BSLE: if ((int64_t)*ip->a <= (int64_t)*ip->b) goto taken; NEXT;
L_BSGT: if ((int64_t)*ip->a > (int64_t)*ip->b) goto taken; NEXT;
L_BSGE: if ((int64_t)*ip->a >= (int64_t)*ip->b) goto taken; NEXT;
L_BULT: if (*ip->a < *ip->b) goto taken; NEXT;
L_BULE: if (*ip->a <= *ip->b) goto taken; NEXT;
L_BUGT: if (*ip->a > *ip->b) goto taken; NEXT;
L_BUGE: if (*ip->a >= *ip->b) goto taken; NEXT;

/* Guest memory: the access at ea, after the bounds check.  A PROT_NONE
 * page inside the space faults on the host and leaves through the
 * FaultGuard with pc and instret already stored. */
#define MEM_EA(size, cause)                                                    \
    ea = *ip->a + ip->imm;                                                     \
    SYNC();                                                                    \
    if (__builtin_expect(ea >= limit || (size) > limit - ea, 0)) {             \
        fault_cause = (cause);                                                 \
        goto mem_fault;                                                        \
    }
#define LOAD(type, conv)                                                       \
    do {                                                                       \
        MEM_EA(sizeof(type), RV_CAUSE_LOAD_PAGE_FAULT);                        \
        type v_;                                                               \
        memcpy(&v_, mem + ea, sizeof v_);                                      \
        *ip->d = (conv)v_;                                                     \
        NEXT;                                                                  \
    } while (0)
#define STORE(type)                                                            \
    do {                                                                       \
        MEM_EA(sizeof(type), RV_CAUSE_STORE_PAGE_FAULT);                       \
        type v_ = (type)*ip->b;                                                \
        memcpy(mem + ea, &v_, sizeof v_);                                      \
        NEXT;                                                                  \
    } while (0)

L_LD1U: LOAD(uint8_t, uint64_t);
L_LD1S: LOAD(int8_t, int64_t);
L_LD2U: LOAD(uint16_t, uint64_t);
L_LD2S: LOAD(int16_t, int64_t);
L_LD4U: LOAD(uint32_t, uint64_t);
L_LD4S: LOAD(int32_t, int64_t);
L_LD8: LOAD(uint64_t, uint64_t);
L_LDG: {
    unsigned size = (unsigned)ip->x->in.imm;
    MEM_EA(size, RV_CAUSE_LOAD_PAGE_FAULT);
    uint64_t v = mem_load(mem + ea, size);
    if (ip->x->in.aux & IR_MEM_SIGNED)
        v = (uint64_t)sext(v, size * 8);
    *ip->d = v & ip->x->mask;
    NEXT;
}
L_ST1: STORE(uint8_t);
L_ST2: STORE(uint16_t);
L_ST4: STORE(uint32_t);
L_ST8: STORE(uint64_t);
mem_fault:
    LEAVE_TRAP(c, c->pc, fault_cause, ea, out_next);

L_FENCE_SEQ: {
    /* A locked RMW is a full barrier on x86 (and cheaper than mfence);
     * TSan also understands it, unlike a bare fence. */
    static uint64_t fence_word;
    __atomic_fetch_add(&fence_word, 0, __ATOMIC_SEQ_CST);
    NEXT;
}
L_FENCE:
    /* x86-TSO already orders everything but store->load. */
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    NEXT;

L_GEN: {
    const PExt *x = ip->x;
    *ip->d = interp_eval(&x->in, (IrType)x->from, *x->arg[0], *x->arg[1], *x->arg[2]);
    NEXT;
}
L_CALL: {
    const PExt *x = ip->x;
    const uint64_t a[4] = { *x->arg[0], *x->arg[1], *x->arg[2], *x->arg[3] };
    SYNC();
    c->trap_pending = 0;
    uint64_t r = helper_tramps[x->in.imm](c, a);
    if (c->trap_pending)
        LEAVE_TRAP(c, c->pc, c->trap_cause, c->trap_tval, out_next);
    *ip->d = r & x->mask;
    NEXT;
}

L_TRAP: {
    /* The trapping instruction did not retire.  A fetch fault has no INSN
     * marker of its own: its pc is the exit's, and the one before retired. */
    uint64_t tpc = *ip->x->arg[0];
    unsigned k = ip->idx;
    c->instret = ibase + (k && tpc != bpc + ip->pcoff ? k : k ? k - 1 : 0);
    LEAVE_TRAP(c, tpc, ip->imm, *ip->x->arg[1], out_next);
}
L_BADEND:
    /* A verified block always ends with IR_EXIT; treat a broken one as an
     * illegal instruction rather than running off its end. */
    SYNC();
    LEAVE_TRAP(c, c->pc, RV_CAUSE_ILLEGAL_INSN, 0, out_next);

L_SEG:
    /* The block this one jumped to, appended: as if chained, except that
     * with budget 1 (translated code present) it is an exit. */
    c->instret = ibase += ip->idx;
    if (__builtin_expect(budget == 1, 0)) {
        next = ip->imm;
        why = ip->why;
        goto leave;
    }
    bpc = ip->imm;
    st->blocks_executed++;
    NEXT;
L_EXITC:
taken:
    c->instret = ibase += ip->idx;
    nb = ip->next;
    /* Only chainable exits ever get a successor (below). */
    if (__builtin_expect(nb != NULL, 1))
        goto chain;
    next = ip->imm;
    goto miss;
L_EXITR:
    c->instret = ibase += ip->idx;
    next = *ip->a;
    why = ip->why;
    goto leave;
L_EXITI:
    c->instret = ibase += ip->idx;
    next = *ip->a;
    if (ip->imm == next && ip->next) {
        nb = ip->next;
        goto chain;
    }
    {
        size_t j = (next >> 1) & (INTERP_JC_SIZE - 1);
        if (it->jc[j].pc == next && it->jc[j].blk) {
            nb = it->jc[j].blk;
            ip->imm = next;
            ip->next = nb;
            goto chain;
        }
    }
    goto miss;
chain:
    /* A host signal sets exit_req; exec.c delivers it.  Guest code changes
     * (code_gen) only in syscalls, which end the run anyway. */
    if (__builtin_expect(--budget == 0 || __atomic_load_n(&c->exit_req, __ATOMIC_RELAXED), 0)) {
        next = nb->pc;
        why = ip->why;
        goto leave;
    }
    chained++;
    pb = nb;
    goto enter;
miss:
    /* exec.c handles ecalls, traps and fence.i, and notices code changes. */
    why = ip->why;
    if (why == IR_EXIT_SYSCALL || why == IR_EXIT_TRAP || why == IR_EXIT_SYNC || --budget == 0 ||
        __atomic_load_n(&c->exit_req, __ATOMIC_RELAXED) ||
        it->code_gen != guestmem_code_gen(p->mem))
        goto leave;
    {
        uint64_t flushes = it->flushes;
        nb = interp_lookup(it, next, &err);
        if (!nb) {
            rc = err;
            goto out;
        }
        if (!nb->code[0].h)
            pblock_link(nb, labels);
        if (flushes == it->flushes) {
            /* Remember it: ip's block is still there. */
            ip->next = nb;
            if (ip->kind == PK_EXITI) {
                ip->imm = next;
                it->jc[(next >> 1) & (INTERP_JC_SIZE - 1)].pc = next;
                it->jc[(next >> 1) & (INTERP_JC_SIZE - 1)].blk = nb;
            }
        }
    }
    pb = nb;
    goto enter;
leave:
    c->pc = bpc + ip->pcoff; /* the last instruction (the ecall) */
    *out_next = next;
    rc = (int)why;
out:
    /* Chained blocks were found without a lookup: count them as hits. */
    st->cache_lookups += chained;
    st->cache_hits += chained;
    return rc;
#undef NEXT
#undef LEAVE_TRAP
#undef SYNC
#undef MEM_EA
#undef LOAD
#undef STORE
}

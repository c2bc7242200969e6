/*
 * IR interpreter: executes FVP IR blocks lifted from guest memory.
 *
 * Temps hold their value zero-extended to 64 bits (i1 is 0/1, f32 is its
 * bit pattern in the low 32 bits), so every op masks its result to its
 * type's width.  Guest registers live in RvCpu directly: a block reads and
 * writes them with IR_GET/IR_SET, so the state is exact at every guest
 * instruction boundary, which is what precise traps and signals need.
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

#define INTERP_MAX_BLOCK_INSNS 64

/* ---- helper trampolines, generated from the one helper table ------------ */

typedef uint64_t (*HelperTramp)(RvCpu *env, const uint64_t *a);

static inline float bits_f32(uint64_t v)
{
    uint32_t u = (uint32_t)v;
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static inline double bits_f64(uint64_t v)
{
    double d;
    memcpy(&d, &v, 8);
    return d;
}

static inline uint64_t f32_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static inline uint64_t f64_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

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
    IrBlock *blk;      /* NULL: empty */
} CacheSlot;

struct Interp {
    Process *p;
    const FvpFrontend *fe;
    CacheSlot *slots;
    size_t cap, used;  /* cap is a power of two */
    uint64_t code_gen; /* p->mem.code_gen the cache was filled under */
    uint64_t *temps;
    size_t ntemps_cap;
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
    it->cap = 4096;
    it->slots = calloc(it->cap, sizeof *it->slots);
    it->ntemps_cap = 1024;
    it->temps = calloc(it->ntemps_cap, sizeof *it->temps);
    if (!it->slots || !it->temps) {
        interp_free(it);
        return NULL;
    }
    it->code_gen = p->mem.code_gen;
    return it;
}

void interp_flush(Interp *it)
{
    for (size_t i = 0; i < it->cap; i++) {
        if (it->slots[i].blk) {
            ir_block_free(it->slots[i].blk);
            free(it->slots[i].blk);
            it->slots[i].blk = NULL;
        }
    }
    it->used = 0;
    it->code_gen = it->p->mem.code_gen;
}

void interp_free(Interp *it)
{
    if (!it)
        return;
    if (it->slots)
        interp_flush(it);
    free(it->slots);
    free(it->temps);
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

static IrBlock *interp_lookup(Interp *it, uint64_t pc, int *err)
{
    Process *p = it->p;
    if (it->code_gen != p->mem.code_gen)
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
        s = cache_find(it, pc);
    }
    IrBlock *b = malloc(sizeof *b);
    if (!b) {
        *err = -ENOMEM;
        return NULL;
    }
    ir_block_init(b, it->fe->ir_env, pc);
    if (fvp_lift_block(it->fe, interp_read_code, &p->mem, pc, INTERP_MAX_BLOCK_INSNS, b) != 0) {
        ir_block_free(b);
        free(b);
        *err = -ENOMEM;
        return NULL;
    }
    p->st.blocks_lifted++;
    s->pc = pc;
    s->blk = b;
    it->used++;
    return b;
}

/* ---- execution ----------------------------------------------------------- */

static const uint64_t type_mask[IR_NTYPES] = {
    [IR_VOID] = 0,          [IR_I1] = 1,
    [IR_I8] = 0xff,         [IR_I16] = 0xffff,
    [IR_I32] = 0xffffffffu, [IR_I64] = ~0ull,
    [IR_F32] = 0xffffffffu, [IR_F64] = ~0ull,
};
static const unsigned type_bits[IR_NTYPES] = {
    [IR_I1] = 1, [IR_I8] = 8, [IR_I16] = 16, [IR_I32] = 32, [IR_I64] = 64,
    [IR_F32] = 32, [IR_F64] = 64,
};

static inline int64_t sext(uint64_t v, unsigned bits)
{
    return bits >= 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
}

static uint64_t op_mulh(IrOp op, uint64_t a, uint64_t b, unsigned bits)
{
    if (bits == 64) {
        __int128 r;
        if (op == IR_MULHS)
            r = (__int128)(int64_t)a * (int64_t)b;
        else if (op == IR_MULHSU)
            r = (__int128)(int64_t)a * (__int128)(unsigned __int128)b;
        else
            return (uint64_t)(((unsigned __int128)a * b) >> 64);
        return (uint64_t)(r >> 64);
    }
    int64_t sa = sext(a, bits), sb = sext(b, bits);
    int64_t r;
    if (op == IR_MULHS)
        r = sa * sb;
    else if (op == IR_MULHSU)
        r = sa * (int64_t)b;
    else
        r = (int64_t)(a * b);
    return (uint64_t)r >> bits;
}

static uint64_t op_div(IrOp op, uint64_t a, uint64_t b, unsigned bits)
{
    /* The frontend guarantees b != 0 and no MIN/-1 (ir.h); stay defined
     * even for a broken block: never let the host trap. */
    if (b == 0)
        return 0;
    if (op == IR_DIVU)
        return a / b;
    if (op == IR_REMU)
        return a % b;
    int64_t sa = sext(a, bits), sb = sext(b, bits);
    if (sb == -1)
        return op == IR_DIV ? (uint64_t)0 - (uint64_t)sa : 0;
    return op == IR_DIV ? (uint64_t)(sa / sb) : (uint64_t)(sa % sb);
}

static uint64_t op_shift(IrOp op, uint64_t a, uint64_t amt, unsigned bits)
{
    unsigned s = (unsigned)(amt & (bits - 1));
    switch (op) {
    case IR_SHL:
        return a << s;
    case IR_SHR:
        return a >> s;
    case IR_SAR:
        return (uint64_t)(sext(a, bits) >> s);
    case IR_ROTL:
        return s ? (a << s) | (a >> (bits - s)) : a;
    default: /* IR_ROTR */
        return s ? (a >> s) | (a << (bits - s)) : a;
    }
}

static uint64_t op_unary(IrOp op, uint64_t a, unsigned bits)
{
    switch (op) {
    case IR_NOT:
        return ~a;
    case IR_NEG:
        return (uint64_t)0 - a;
    case IR_CLZ:
        return a ? (uint64_t)(__builtin_clzll(a) - (64 - bits)) : bits;
    case IR_CTZ:
        return a ? (uint64_t)__builtin_ctzll(a) : bits;
    case IR_CPOP:
        return (uint64_t)__builtin_popcountll(a);
    default: /* IR_BSWAP */
        return __builtin_bswap64(a) >> (64 - bits);
    }
}

static bool op_cmp(IrCond cond, uint64_t a, uint64_t b, IrType t)
{
    unsigned bits = type_bits[t];
    if (t == IR_F32 || t == IR_F64) {
        double x = t == IR_F32 ? bits_f32(a) : bits_f64(a);
        double y = t == IR_F32 ? bits_f32(b) : bits_f64(b);
        switch (cond) {
        case IR_FEQ: return x == y;
        case IR_FLT: return __builtin_isless(x, y);
        case IR_FLE: return __builtin_islessequal(x, y);
        case IR_FUNO: return __builtin_isunordered(x, y);
        default: return false;
        }
    }
    int64_t sa = sext(a, bits), sb = sext(b, bits);
    switch (cond) {
    case IR_EQ: return a == b;
    case IR_NE: return a != b;
    case IR_SLT: return sa < sb;
    case IR_SLE: return sa <= sb;
    case IR_SGT: return sa > sb;
    case IR_SGE: return sa >= sb;
    case IR_ULT: return a < b;
    case IR_ULE: return a <= b;
    case IR_UGT: return a > b;
    case IR_UGE: return a >= b;
    default: return false;
    }
}

static uint64_t op_fbin(IrOp op, uint64_t a, uint64_t b, IrType t)
{
    if (t == IR_F32) {
        float x = bits_f32(a), y = bits_f32(b), r;
        switch (op) {
        case IR_FADD: r = x + y; break;
        case IR_FSUB: r = x - y; break;
        case IR_FMUL: r = x * y; break;
        default: r = x / y; break;
        }
        return f32_bits(r);
    }
    double x = bits_f64(a), y = bits_f64(b), r;
    switch (op) {
    case IR_FADD: r = x + y; break;
    case IR_FSUB: r = x - y; break;
    case IR_FMUL: r = x * y; break;
    default: r = x / y; break;
    }
    return f64_bits(r);
}

static uint64_t op_fun(IrOp op, uint64_t a, IrType t)
{
    uint64_t sign = t == IR_F32 ? 1ull << 31 : 1ull << 63;
    switch (op) {
    case IR_FNEG:
        return a ^ sign;
    case IR_FABS:
        return a & ~sign;
    default: /* IR_FSQRT */
        return t == IR_F32 ? f32_bits(__builtin_sqrtf(bits_f32(a)))
                           : f64_bits(__builtin_sqrt(bits_f64(a)));
    }
}

static uint64_t op_fcvt(unsigned kind, uint64_t a, IrType from, IrType to)
{
    bool ffrom = from == IR_F32 || from == IR_F64;
    double d = from == IR_F32 ? bits_f32(a) : bits_f64(a);
    switch (kind) {
    case IR_CVT_FF:
        return to == IR_F32 ? f32_bits((float)d) : f64_bits(d);
    case IR_CVT_SF: {
        int64_t v = sext(a, type_bits[from]);
        return to == IR_F32 ? f32_bits((float)v) : f64_bits((double)v);
    }
    case IR_CVT_UF:
        return to == IR_F32 ? f32_bits((float)a) : f64_bits((double)a);
    case IR_CVT_FS:
        /* Only in-range inputs by contract; clamp so the host never sees UB. */
        if (!ffrom || !(d > -9.3e18 && d < 9.3e18))
            return 0;
        return (uint64_t)(int64_t)d;
    default: /* IR_CVT_FU */
        if (!ffrom || !(d >= 0 && d < 1.8e19))
            return 0;
        return (uint64_t)d;
    }
}

/* Guest memory access from the interpreter.  Addresses outside the space
 * are faults; a PROT_NONE page inside faults on the host and arrives
 * through the fault guard. */
static inline bool mem_ok(const RvCpu *c, uint64_t addr, unsigned size)
{
    return addr < c->mem_limit && size <= c->mem_limit - addr;
}

static inline uint64_t mem_load(const RvCpu *c, uint64_t addr, unsigned size)
{
    const uint8_t *h = (const uint8_t *)(uintptr_t)c->mem_base + addr;
    switch (size) {
    case 1: return *h;
    case 2: { uint16_t v; memcpy(&v, h, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, h, 4); return v; }
    default: { uint64_t v; memcpy(&v, h, 8); return v; }
    }
}

static inline void mem_store(RvCpu *c, uint64_t addr, unsigned size, uint64_t v)
{
    uint8_t *h = (uint8_t *)(uintptr_t)c->mem_base + addr;
    switch (size) {
    case 1: *h = (uint8_t)v; break;
    case 2: { uint16_t x = (uint16_t)v; memcpy(h, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(h, &x, 4); break; }
    default: memcpy(h, &v, 8); break;
    }
}

static inline uint64_t reg_get(const RvCpu *c, int64_t r)
{
    return r < 32 ? c->x[r] : c->f[r - 32];
}

static inline void reg_set(RvCpu *c, int64_t r, uint64_t v)
{
    if (r < 32) {
        if (r != 0)
            c->x[r] = v;
    } else {
        c->f[r - 32] = v;
    }
}

static int interp_trap(RvCpu *c, uint64_t pc, uint64_t cause, uint64_t tval, uint64_t *out_next)
{
    c->pc = pc;
    c->trap_cause = cause;
    c->trap_tval = tval;
    c->trap_pending = 0;
    *out_next = pc;
    return IR_EXIT_TRAP;
}

int interp_run_block(Interp *it, RvCpu *c, uint64_t *out_next)
{
    int err = 0;
    IrBlock *b = interp_lookup(it, c->pc, &err);
    if (!b)
        return err;
    if (b->ntemps > it->ntemps_cap) {
        size_t n = it->ntemps_cap;
        while (n < b->ntemps)
            n *= 2;
        uint64_t *nt = realloc(it->temps, n * sizeof *nt);
        if (!nt)
            return -ENOMEM;
        it->temps = nt;
        it->ntemps_cap = n;
    }
    it->p->st.blocks_executed++;

    uint64_t *t = it->temps;
    /* instret counts retired instructions exactly (rdinstret inside a block
     * sees every instruction before it): an instruction is counted when
     * the next one starts or the block is left past it. */
    uint64_t started = 0;
    const IrInsn *in = b->insns, *end = b->insns + b->ninsns;
    for (; in < end; in++) {
        const unsigned bits = type_bits[in->type];
        const uint64_t mask = type_mask[in->type];
        switch ((IrOp)in->op) {
        case IR_INSN:
            c->pc = (uint64_t)in->imm;
            c->instret += started;
            started = 1;
            break;
        case IR_CONST:
            t[in->dst] = (uint64_t)in->imm & mask;
            break;
        case IR_GET:
            t[in->dst] = reg_get(c, in->imm);
            break;
        case IR_SET:
            reg_set(c, in->imm, t[in->args[0]]);
            break;
        case IR_ADD:
            t[in->dst] = (t[in->args[0]] + t[in->args[1]]) & mask;
            break;
        case IR_SUB:
            t[in->dst] = (t[in->args[0]] - t[in->args[1]]) & mask;
            break;
        case IR_MUL:
            t[in->dst] = (t[in->args[0]] * t[in->args[1]]) & mask;
            break;
        case IR_MULHS: case IR_MULHU: case IR_MULHSU:
            t[in->dst] = op_mulh((IrOp)in->op, t[in->args[0]], t[in->args[1]], bits) & mask;
            break;
        case IR_DIV: case IR_DIVU: case IR_REM: case IR_REMU:
            t[in->dst] = op_div((IrOp)in->op, t[in->args[0]], t[in->args[1]], bits) & mask;
            break;
        case IR_AND:
            t[in->dst] = t[in->args[0]] & t[in->args[1]];
            break;
        case IR_OR:
            t[in->dst] = t[in->args[0]] | t[in->args[1]];
            break;
        case IR_XOR:
            t[in->dst] = t[in->args[0]] ^ t[in->args[1]];
            break;
        case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROTL: case IR_ROTR:
            t[in->dst] = op_shift((IrOp)in->op, t[in->args[0]], t[in->args[1]], bits) & mask;
            break;
        case IR_NOT: case IR_NEG: case IR_CLZ: case IR_CTZ: case IR_CPOP: case IR_BSWAP:
            t[in->dst] = op_unary((IrOp)in->op, t[in->args[0]], bits) & mask;
            break;
        case IR_ZEXT:
        case IR_TRUNC:
        case IR_BITCAST:
            t[in->dst] = t[in->args[0]] & mask;
            break;
        case IR_SEXT: {
            unsigned from = type_bits[b->temp_type[in->args[0]]];
            t[in->dst] = (uint64_t)sext(t[in->args[0]], from) & mask;
            break;
        }
        case IR_CMP:
            t[in->dst] = op_cmp((IrCond)in->aux, t[in->args[0]], t[in->args[1]],
                                (IrType)b->temp_type[in->args[0]]);
            break;
        case IR_SELECT:
            t[in->dst] = t[in->args[0]] ? t[in->args[1]] : t[in->args[2]];
            break;
        case IR_FADD: case IR_FSUB: case IR_FMUL: case IR_FDIV:
            t[in->dst] = op_fbin((IrOp)in->op, t[in->args[0]], t[in->args[1]], (IrType)in->type);
            break;
        case IR_FSQRT: case IR_FNEG: case IR_FABS:
            t[in->dst] = op_fun((IrOp)in->op, t[in->args[0]], (IrType)in->type);
            break;
        case IR_FMA:
            if (in->type == IR_F32)
                t[in->dst] = f32_bits(__builtin_fmaf(bits_f32(t[in->args[0]]),
                                                     bits_f32(t[in->args[1]]),
                                                     bits_f32(t[in->args[2]])));
            else
                t[in->dst] = f64_bits(__builtin_fma(bits_f64(t[in->args[0]]),
                                                    bits_f64(t[in->args[1]]),
                                                    bits_f64(t[in->args[2]])));
            break;
        case IR_FCVT:
            t[in->dst] = op_fcvt(in->aux, t[in->args[0]], (IrType)b->temp_type[in->args[0]],
                                 (IrType)in->type) & mask;
            break;
        case IR_LOAD: {
            uint64_t addr = t[in->args[0]];
            unsigned size = (unsigned)in->imm;
            if (!mem_ok(c, addr, size)) {
                return interp_trap(c, c->pc, RV_CAUSE_LOAD_PAGE_FAULT, addr, out_next);
            }
            uint64_t v = mem_load(c, addr, size);
            if (in->aux & IR_MEM_SIGNED)
                v = (uint64_t)sext(v, size * 8);
            t[in->dst] = v & mask;
            break;
        }
        case IR_STORE: {
            uint64_t addr = t[in->args[0]];
            unsigned size = (unsigned)in->imm;
            if (!mem_ok(c, addr, size)) {
                return interp_trap(c, c->pc, RV_CAUSE_STORE_PAGE_FAULT, addr, out_next);
            }
            mem_store(c, addr, size, t[in->args[1]]);
            break;
        }
        case IR_FENCE:
            if (in->aux == IR_FENCE_SEQ) {
                /* A locked RMW is a full barrier on x86 (and cheaper than
                 * mfence); TSan also understands it, unlike a bare fence. */
                static uint64_t fence_word;
                __atomic_fetch_add(&fence_word, 0, __ATOMIC_SEQ_CST);
            } else {
                /* x86-TSO already orders everything but store->load. */
                __atomic_signal_fence(__ATOMIC_SEQ_CST);
            }
            break;
        case IR_CALL: {
            uint64_t a[4] = { 0 };
            for (unsigned i = 0; i < in->nargs && i < 4; i++)
                a[i] = t[in->args[i]];
            c->trap_pending = 0;
            uint64_t r = helper_tramps[in->imm](c, a);
            if (c->trap_pending) {
                return interp_trap(c, c->pc, c->trap_cause, c->trap_tval, out_next);
            }
            if (in->dst)
                t[in->dst] = r & mask;
            break;
        }
        case IR_BRANCH:
            if (t[in->args[0]]) {
                c->instret += started;
                *out_next = (uint64_t)in->imm;
                return in->aux;
            }
            break;
        case IR_EXIT:
            if (in->aux == IR_EXIT_TRAP) {
                /* The trapping instruction did not retire.  A fetch fault
                 * has no INSN marker of its own: its pc is the exit's. */
                uint64_t tpc = t[in->args[0]];
                if (c->pc != tpc)
                    c->instret += started;
                return interp_trap(c, tpc, (uint64_t)in->imm,
                                   in->args[1] ? t[in->args[1]] : 0, out_next);
            }
            c->instret += started;
            *out_next = t[in->args[0]];
            return in->aux;
        default:
            break;
        }
    }
    /* A verified block always ends with IR_EXIT; treat a broken one as an
     * illegal instruction rather than running off its end. */
    return interp_trap(c, c->pc, RV_CAUSE_ILLEGAL_INSN, 0, out_next);
}

/*
 * Predecoding of IR blocks into the interpreter's threaded form, and the
 * one evaluator of pure IR ops (layout and rules in runtime/interp_priv.h).
 *
 * Temps hold their value zero-extended to 64 bits (i1 is 0/1, f32 is its
 * bit pattern in the low 32 bits), so every op masks its result to its
 * type's width.
 */
#include "runtime/interp_priv.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- evaluation of pure ops ------------------------------------------------ */

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

uint64_t interp_eval(const IrInsn *in, IrType from, uint64_t a0, uint64_t a1, uint64_t a2)
{
    const IrType ty = (IrType)in->type;
    const unsigned bits = type_bits[ty];
    const uint64_t mask = type_mask[ty];
    switch ((IrOp)in->op) {
    case IR_ADD:
        return (a0 + a1) & mask;
    case IR_SUB:
        return (a0 - a1) & mask;
    case IR_MUL:
        return (a0 * a1) & mask;
    case IR_MULHS: case IR_MULHU: case IR_MULHSU:
        return op_mulh((IrOp)in->op, a0, a1, bits) & mask;
    case IR_DIV: case IR_DIVU: case IR_REM: case IR_REMU:
        return op_div((IrOp)in->op, a0, a1, bits) & mask;
    case IR_AND:
        return a0 & a1;
    case IR_OR:
        return a0 | a1;
    case IR_XOR:
        return a0 ^ a1;
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROTL: case IR_ROTR:
        return op_shift((IrOp)in->op, a0, a1, bits) & mask;
    case IR_NOT: case IR_NEG: case IR_CLZ: case IR_CTZ: case IR_CPOP: case IR_BSWAP:
        return op_unary((IrOp)in->op, a0, bits) & mask;
    case IR_ZEXT: case IR_TRUNC: case IR_BITCAST:
        return a0 & mask;
    case IR_SEXT:
        return (uint64_t)sext(a0, type_bits[from]) & mask;
    case IR_CMP:
        return op_cmp((IrCond)in->aux, a0, a1, from);
    case IR_SELECT:
        return a0 ? a1 : a2;
    case IR_FADD: case IR_FSUB: case IR_FMUL: case IR_FDIV:
        return op_fbin((IrOp)in->op, a0, a1, ty);
    case IR_FSQRT: case IR_FNEG: case IR_FABS:
        return op_fun((IrOp)in->op, a0, ty);
    case IR_FMA:
        if (ty == IR_F32)
            return f32_bits(__builtin_fmaf(bits_f32(a0), bits_f32(a1), bits_f32(a2)));
        return f64_bits(__builtin_fma(bits_f64(a0), bits_f64(a1), bits_f64(a2)));
    case IR_FCVT:
        return op_fcvt(in->aux, a0, from, ty) & mask;
    default:
        return 0;
    }
}

/* ---- predecoding ----------------------------------------------------------- */

enum {
    TF_CONST = 1u << 0, /* value known: cval, loc points at a pool slot */
    TF_TRUNC = 1u << 1, /* truncation of src not yet computed (lazy) */
    TF_CMP = 1u << 2,   /* compare fused into the branch that follows */
};

typedef struct Pre {
    const IrBlock *b;
    const PTarget *t;
    PBlock *pb;
    uint32_t ncode, npool, next;
    /* per temp */
    const uint64_t **loc;
    uint64_t *cval;
    uint32_t *uses, *last;
    IrTemp *src;
    uint8_t *flags;
    /* position */
    unsigned k;         /* INSN markers seen */
    uint64_t cur_pc;    /* pc of the last one */
    uint32_t last_ir;   /* IR index that produced code[ncode-1] (+1; 0: none) */
    unsigned last_k;    /* k when code[ncode-1] was emitted */
} Pre;

static bool is_wide(IrType t)
{
    return type_mask[t] == ~0ull;
}

static uint64_t *temp_slot(const Pre *s, IrTemp t)
{
    return &s->t->temps[t];
}

static const uint64_t *pool_const(Pre *s, uint64_t v)
{
    uint64_t *p = &s->pb->pool[s->npool++];
    *p = v;
    return p;
}

static PInsn *emit(Pre *s, uint32_t ir, PKind kind, uint64_t *d, const uint64_t *a,
                   const uint64_t *b, uint64_t imm)
{
    PInsn *p = &s->pb->code[s->ncode++];
    memset(p, 0, sizeof *p);
    p->kind = (uint16_t)kind;
    p->d = d;
    p->a = a;
    p->b = b;
    p->imm = imm;
    p->pcoff = s->k ? (uint16_t)(s->cur_pc - s->b->pc) : 0;
    p->idx = (uint16_t)(s->k ? s->k - 1 : 0);
    s->last_ir = ir + 1;
    s->last_k = s->k;
    return p;
}

/*
 * Where the value of temp t is, for a reader at IR index ir that looks at
 * its low `bits` bits only: a lazy truncation to at least that many bits
 * can be read as its source; otherwise it is computed now.
 */
static const uint64_t *operand_low(Pre *s, uint32_t ir, IrTemp t, unsigned bits)
{
    if (!(s->flags[t] & TF_TRUNC))
        return s->loc[t];
    IrType ty = (IrType)s->b->temp_type[t];
    if (bits <= type_bits[ty])
        return operand_low(s, ir, s->src[t], bits);
    const uint64_t *from = operand_low(s, ir, s->src[t], type_bits[ty]);
    emit(s, ir, PK_ANDI, temp_slot(s, t), from, NULL, type_mask[ty]);
    s->flags[t] &= (uint8_t)~TF_TRUNC;
    s->loc[t] = temp_slot(s, t);
    return s->loc[t];
}

static const uint64_t *operand(Pre *s, uint32_t ir, IrTemp t)
{
    return operand_low(s, ir, t, 64);
}

static const uint64_t *reg_loc(const Pre *s, int64_t r)
{
    RvCpu *c = s->t->cpu;
    return r < 32 ? &c->x[r] : &c->f[r - 32];
}

/* True when reg[r] read at IR index i may be read where its temp is used
 * instead: nothing writes the register up to the temp's last use. */
static bool get_can_alias(const Pre *s, uint32_t i, IrTemp t)
{
    const IrBlock *b = s->b;
    int64_t r = b->insns[i].imm;
    for (uint32_t j = i + 1; j <= s->last[t] && j < b->ninsns; j++) {
        const IrInsn *in = &b->insns[j];
        if (in->op == IR_SET && in->imm == r)
            return false;
        if (in->op == IR_CALL && (b->env->helpers[in->imm].flags & IR_HF_REGS))
            return false;
    }
    return true;
}

static PExt *new_ext(Pre *s, const IrInsn *in)
{
    PExt *x = &s->pb->ext[s->next++];
    memset(x, 0, sizeof *x);
    x->in = *in;
    x->mask = type_mask[in->type];
    for (unsigned j = 0; j < 4; j++)
        x->arg[j] = s->t->zero;
    if (in->nargs > 0 && in->args[0])
        x->from = s->b->temp_type[in->args[0]];
    return x;
}

static void emit_gen(Pre *s, uint32_t i, const IrInsn *in)
{
    PExt *x = new_ext(s, in);
    for (unsigned j = 0; j < in->nargs && j < 3; j++)
        x->arg[j] = operand(s, i, in->args[j]);
    PInsn *p = emit(s, i, PK_GEN, temp_slot(s, in->dst), NULL, NULL, 0);
    p->x = x;
}

static bool foldable(IrOp op)
{
    switch (op) {
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_MULHS: case IR_MULHU: case IR_MULHSU:
    case IR_DIV: case IR_DIVU: case IR_REM: case IR_REMU:
    case IR_AND: case IR_OR: case IR_XOR:
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROTL: case IR_ROTR:
    case IR_NOT: case IR_NEG: case IR_CLZ: case IR_CTZ: case IR_CPOP: case IR_BSWAP:
    case IR_ZEXT: case IR_SEXT: case IR_TRUNC: case IR_BITCAST: case IR_SELECT:
        return true;
    default:
        return false;
    }
}

static bool commutative(IrOp op)
{
    return op == IR_ADD || op == IR_MUL || op == IR_AND || op == IR_OR || op == IR_XOR;
}

/* i32 op at i whose only use is the sign extension at i + 1: one W handler. */
static bool emit_w_op(Pre *s, uint32_t i, const IrInsn *in)
{
    const IrBlock *b = s->b;
    if (i + 1 >= b->ninsns || in->type != IR_I32 || s->uses[in->dst] != 1)
        return false;
    const IrInsn *nx = &b->insns[i + 1];
    if (nx->op != IR_SEXT || nx->args[0] != in->dst || nx->type != IR_I64)
        return false;
    IrTemp x = in->args[0], y = in->args[1];
    PKind reg, immk;
    bool neg = false;
    switch ((IrOp)in->op) {
    case IR_ADD: reg = PK_ADDW; immk = PK_ADDWI; break;
    case IR_SUB: reg = PK_SUBW; immk = PK_ADDWI; neg = true; break;
    case IR_MUL: reg = PK_MULW; immk = PK_COUNT; break;
    case IR_SHL: reg = PK_SHLW; immk = PK_SHLWI; break;
    case IR_SHR: reg = PK_SHRW; immk = PK_SHRWI; break;
    case IR_SAR: reg = PK_SARW; immk = PK_SARWI; break;
    default: return false;
    }
    if (commutative((IrOp)in->op) && (s->flags[x] & TF_CONST) && !(s->flags[y] & TF_CONST)) {
        IrTemp tmp = x;
        x = y;
        y = tmp;
    }
    bool shift = in->op == IR_SHL || in->op == IR_SHR || in->op == IR_SAR;
    uint64_t *d = temp_slot(s, nx->dst);
    if ((s->flags[y] & TF_CONST) && immk != PK_COUNT) {
        uint64_t v = s->cval[y];
        uint64_t imm = shift ? (v & 31) : (neg ? 0 - v : v);
        emit(s, i + 1, immk, d, operand_low(s, i, x, 32), NULL, imm);
    } else {
        const uint64_t *pa = operand_low(s, i, x, 32);
        const uint64_t *pb = operand_low(s, i, y, shift ? 5 : 32);
        emit(s, i + 1, reg, d, pa, pb, 0);
    }
    return true;
}

static const PKind cmp_kinds[10] = {
    PK_CEQ, PK_CNE, PK_CSLT, PK_CSLE, PK_CSGT, PK_CSGE, PK_CULT, PK_CULE, PK_CUGT, PK_CUGE,
};
static const PKind br_kinds[10] = {
    PK_BEQ, PK_BNE, PK_BSLT, PK_BSLE, PK_BSGT, PK_BSGE, PK_BULT, PK_BULE, PK_BUGT, PK_BUGE,
};

static void emit_binop(Pre *s, uint32_t i, const IrInsn *in)
{
    IrTemp x = in->args[0], y = in->args[1];
    IrOp op = (IrOp)in->op;
    if (in->type != IR_I64) {
        if (!emit_w_op(s, i, in))
            emit_gen(s, i, in);
        return;
    }
    if (commutative(op) && (s->flags[x] & TF_CONST) && !(s->flags[y] & TF_CONST)) {
        IrTemp tmp = x;
        x = y;
        y = tmp;
    }
    uint64_t *d = temp_slot(s, in->dst);
    if (s->flags[y] & TF_CONST) {
        uint64_t v = s->cval[y];
        PKind k = PK_COUNT;
        uint64_t imm = v;
        switch (op) {
        case IR_ADD: k = v ? PK_ADDI : PK_COPY; break;
        case IR_SUB: k = v ? PK_ADDI : PK_COPY; imm = 0 - v; break;
        case IR_AND: k = PK_ANDI; break;
        case IR_OR: k = PK_ORI; break;
        case IR_XOR: k = PK_XORI; break;
        case IR_SHL: k = PK_SHLI; imm = v & 63; break;
        case IR_SHR: k = PK_SHRI; imm = v & 63; break;
        case IR_SAR: k = PK_SARI; imm = v & 63; break;
        default: break;
        }
        if (k != PK_COUNT) {
            emit(s, i, k, d, operand(s, i, x), NULL, imm);
            return;
        }
    }
    PKind k;
    switch (op) {
    case IR_ADD: k = PK_ADD; break;
    case IR_SUB: k = PK_SUB; break;
    case IR_MUL: k = PK_MUL; break;
    case IR_AND: k = PK_AND; break;
    case IR_OR: k = PK_OR; break;
    case IR_XOR: k = PK_XOR; break;
    case IR_SHL: k = PK_SHL; break;
    case IR_SHR: k = PK_SHR; break;
    case IR_SAR: k = PK_SAR; break;
    case IR_MULHS: k = PK_MULHS; break;
    case IR_MULHU: k = PK_MULHU; break;
    case IR_MULHSU: k = PK_MULHSU; break;
    case IR_DIV: k = PK_DIV; break;
    case IR_DIVU: k = PK_DIVU; break;
    case IR_REM: k = PK_REM; break;
    case IR_REMU: k = PK_REMU; break;
    default:
        emit_gen(s, i, in);
        return;
    }
    emit(s, i, k, d, operand(s, i, x), operand(s, i, y), 0);
}

/* The address of a load/store at IR index i: a 64-bit add of a constant
 * emitted just before (same guest instruction, no other use) becomes the
 * access's offset. */
static const uint64_t *mem_address(Pre *s, uint32_t i, IrTemp addr, uint64_t *out_off)
{
    *out_off = 0;
    if (s->ncode > 0 && s->uses[addr] == 1 && s->last_k == s->k) {
        PInsn *p = &s->pb->code[s->ncode - 1];
        if (p->kind == PK_ADDI && p->d == temp_slot(s, addr)) {
            s->ncode--;
            s->last_ir = 0;
            *out_off = p->imm;
            return p->a;
        }
    }
    return operand(s, i, addr);
}

static void emit_load(Pre *s, uint32_t i, const IrInsn *in)
{
    static const PKind kinds[9][2] = {
        [1] = { PK_LD1U, PK_LD1S }, [2] = { PK_LD2U, PK_LD2S },
        [4] = { PK_LD4U, PK_LD4S }, [8] = { PK_LD8, PK_LD8 },
    };
    uint64_t off;
    const uint64_t *a = mem_address(s, i, in->args[0], &off);
    unsigned size = (unsigned)in->imm;
    bool sgn = (in->aux & IR_MEM_SIGNED) != 0;
    PKind k = PK_LDG;
    if (size <= 8 && kinds[size][0] &&
        (is_wide((IrType)in->type) || (!sgn && type_bits[in->type] >= size * 8)))
        k = kinds[size][sgn];
    PInsn *p = emit(s, i, k, temp_slot(s, in->dst), a, NULL, off);
    if (k == PK_LDG)
        p->x = new_ext(s, in);
}

static void emit_store(Pre *s, uint32_t i, const IrInsn *in)
{
    static const PKind kinds[9] = { [1] = PK_ST1, [2] = PK_ST2, [4] = PK_ST4, [8] = PK_ST8 };
    uint64_t off;
    const uint64_t *a = mem_address(s, i, in->args[0], &off);
    unsigned size = (unsigned)in->imm;
    if (size > 8 || !kinds[size])
        size = 8; /* the verifier allows 1, 2, 4, 8 only */
    const uint64_t *v = operand_low(s, i, in->args[1], size * 8);
    emit(s, i, kinds[size], NULL, a, v, off);
}

static void emit_cmp(Pre *s, uint32_t i, const IrInsn *in)
{
    const IrBlock *b = s->b;
    IrType from = (IrType)b->temp_type[in->args[0]];
    if (from != IR_I64 || in->aux > IR_UGE) {
        emit_gen(s, i, in);
        return;
    }
    if (i + 1 < b->ninsns && b->insns[i + 1].op == IR_BRANCH &&
        b->insns[i + 1].args[0] == in->dst && s->uses[in->dst] == 1) {
        s->flags[in->dst] |= TF_CMP;
        return; /* emitted with the branch */
    }
    emit(s, i, cmp_kinds[in->aux], temp_slot(s, in->dst), operand(s, i, in->args[0]),
         operand(s, i, in->args[1]), 0);
}

static void emit_branch(Pre *s, uint32_t i, const IrInsn *in)
{
    IrTemp cond = in->args[0];
    PInsn *p;
    if (s->flags[cond] & TF_CMP) {
        const IrInsn *cmp = &s->b->insns[i - 1];
        p = emit(s, i, br_kinds[cmp->aux], NULL, operand(s, i, cmp->args[0]),
                 operand(s, i, cmp->args[1]), (uint64_t)in->imm);
    } else {
        p = emit(s, i, PK_BR, NULL, operand(s, i, cond), NULL, (uint64_t)in->imm);
    }
    p->next = NULL;
    p->idx = (uint16_t)s->k;
    p->why = in->aux;
}

static void emit_exit(Pre *s, uint32_t i, const IrInsn *in)
{
    PInsn *p;
    if (in->aux == IR_EXIT_TRAP) {
        PExt *x = new_ext(s, in);
        x->arg[0] = operand(s, i, in->args[0]);
        if (in->args[1])
            x->arg[1] = operand(s, i, in->args[1]);
        p = emit(s, i, PK_TRAP, NULL, NULL, NULL, (uint64_t)in->imm);
        p->x = x;
    } else if (in->aux == IR_EXIT_SYSCALL || in->aux == IR_EXIT_SYNC) {
        p = emit(s, i, PK_EXITR, NULL, operand(s, i, in->args[0]), NULL, 0);
    } else if (s->flags[in->args[0]] & TF_CONST) {
        p = emit(s, i, PK_EXITC, NULL, NULL, NULL, s->cval[in->args[0]]);
    } else {
        p = emit(s, i, PK_EXITI, NULL, operand(s, i, in->args[0]), NULL, 0);
    }
    p->next = NULL;
    p->idx = (uint16_t)s->k;
    p->why = in->aux;
}

static void emit_set(Pre *s, uint32_t i, const IrInsn *in)
{
    const IrRegInfo *ri = &s->b->env->regs[in->imm];
    uint64_t *reg = ri->zero ? s->t->sink : (uint64_t *)reg_loc(s, in->imm);
    IrTemp v = in->args[0];
    if (s->flags[v] & TF_CONST) {
        emit(s, i, PK_SETI, reg, NULL, NULL, s->cval[v]);
        return;
    }
    /* The op just before computes the value for this SET alone: let it
     * write the register itself. */
    if (s->ncode > 0 && s->last_ir == i && s->uses[v] == 1 && !(s->flags[v] & TF_TRUNC)) {
        PInsn *p = &s->pb->code[s->ncode - 1];
        if (p->d == temp_slot(s, v)) {
            p->d = reg;
            return;
        }
    }
    emit(s, i, PK_COPY, reg, operand(s, i, v), NULL, 0);
}

static void emit_insn(Pre *s, uint32_t i)
{
    const IrBlock *b = s->b;
    const IrInsn *in = &b->insns[i];
    IrTemp dst = in->dst;
    IrOp op = (IrOp)in->op;

    if (foldable(op)) {
        bool all_const = true;
        for (unsigned j = 0; j < in->nargs; j++)
            all_const = all_const && (s->flags[in->args[j]] & TF_CONST);
        if (all_const) {
            IrType from = in->nargs ? (IrType)b->temp_type[in->args[0]] : IR_VOID;
            uint64_t v = interp_eval(in, from, in->nargs > 0 ? s->cval[in->args[0]] : 0,
                                     in->nargs > 1 ? s->cval[in->args[1]] : 0,
                                     in->nargs > 2 ? s->cval[in->args[2]] : 0);
            s->flags[dst] = TF_CONST;
            s->cval[dst] = v;
            s->loc[dst] = pool_const(s, v);
            return;
        }
    }
    s->loc[dst] = temp_slot(s, dst);

    switch (op) {
    case IR_INSN:
        s->k++;
        s->cur_pc = (uint64_t)in->imm;
        break;
    case IR_CONST: {
        uint64_t v = (uint64_t)in->imm & type_mask[in->type];
        s->flags[dst] = TF_CONST;
        s->cval[dst] = v;
        s->loc[dst] = pool_const(s, v);
        break;
    }
    case IR_GET:
        if (b->env->regs[in->imm].zero) {
            s->flags[dst] = TF_CONST;
            s->cval[dst] = 0;
            s->loc[dst] = s->t->zero;
        } else if (get_can_alias(s, i, dst)) {
            s->loc[dst] = reg_loc(s, in->imm);
        } else {
            emit(s, i, PK_COPY, temp_slot(s, dst), reg_loc(s, in->imm), NULL, 0);
        }
        break;
    case IR_SET:
        emit_set(s, i, in);
        break;
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    case IR_SHL: case IR_SHR: case IR_SAR:
    case IR_MULHS: case IR_MULHU: case IR_MULHSU: case IR_DIV: case IR_DIVU: case IR_REM:
    case IR_REMU:
        emit_binop(s, i, in);
        break;
    case IR_SELECT: {
        const uint64_t *x = operand(s, i, in->args[0]);
        const uint64_t *y = operand(s, i, in->args[1]);
        const uint64_t *z = operand(s, i, in->args[2]);
        emit(s, i, PK_SEL, temp_slot(s, dst), x, y, (uint64_t)(uintptr_t)z);
        break;
    }
    case IR_TRUNC:
        s->flags[dst] = TF_TRUNC;
        s->src[dst] = in->args[0];
        break;
    case IR_ZEXT: {
        IrType from = (IrType)b->temp_type[in->args[0]];
        emit(s, i, PK_ANDI, temp_slot(s, dst), operand_low(s, i, in->args[0], type_bits[from]),
             NULL, type_mask[from]);
        break;
    }
    case IR_SEXT:
        if (b->temp_type[in->args[0]] == IR_I32 && in->type == IR_I64)
            emit(s, i, PK_SEXTW, temp_slot(s, dst), operand_low(s, i, in->args[0], 32), NULL, 0);
        else
            emit_gen(s, i, in);
        break;
    case IR_BITCAST:
        emit(s, i, PK_COPY, temp_slot(s, dst), operand(s, i, in->args[0]), NULL, 0);
        break;
    case IR_CMP:
        emit_cmp(s, i, in);
        break;
    case IR_LOAD:
        emit_load(s, i, in);
        break;
    case IR_STORE:
        emit_store(s, i, in);
        break;
    case IR_FENCE:
        emit(s, i, in->aux == IR_FENCE_SEQ ? PK_FENCE_SEQ : PK_FENCE, NULL, NULL, NULL, 0);
        break;
    case IR_CALL: {
        PExt *x = new_ext(s, in);
        for (unsigned j = 0; j < in->nargs && j < 4; j++)
            x->arg[j] = operand(s, i, in->args[j]);
        if (!dst)
            x->mask = 0;
        PInsn *p = emit(s, i, PK_CALL, dst ? temp_slot(s, dst) : s->t->sink, NULL, NULL, 0);
        p->x = x;
        break;
    }
    case IR_BRANCH:
        emit_branch(s, i, in);
        break;
    case IR_EXIT:
        emit_exit(s, i, in);
        break;
    default:
        emit_gen(s, i, in);
        break;
    }
}

void pblock_free(PBlock *pb)
{
    while (pb) {
        PBlock *more = pb->more;
        free(pb->code);
        free(pb->pool);
        free(pb->ext);
        free(pb);
        pb = more;
    }
}

int pblock_append(PBlock *pb, PBlock *tail)
{
    PInsn *code = realloc(pb->code, (pb->ncode + tail->ncode) * sizeof *code);
    if (!code)
        return -ENOMEM;
    pb->code = code;
    PInsn *seam = &code[pb->ncode - 1];
    seam->kind = PK_SEG;
    seam->h = NULL;
    memcpy(&code[pb->ncode], tail->code, tail->ncode * sizeof *code);
    pb->ncode += tail->ncode;
    free(tail->code);
    tail->code = NULL;
    tail->ncode = 0;
    tail->more = pb->more;
    pb->more = tail;
    return 0;
}

/* Uses and last use of every temp; a lazy truncation's source lives as
 * long as the truncation is read. */
static void count_uses(Pre *s)
{
    const IrBlock *b = s->b;
    for (uint32_t i = 0; i < b->ninsns; i++) {
        const IrInsn *in = &b->insns[i];
        for (unsigned j = 0; j < in->nargs && j < 4; j++) {
            IrTemp t = in->args[j];
            if (t && t < b->ntemps) {
                s->uses[t]++;
                s->last[t] = i;
            }
        }
    }
    for (uint32_t i = b->ninsns; i-- > 0;) {
        const IrInsn *in = &b->insns[i];
        if (in->op == IR_TRUNC && s->last[in->dst] > s->last[in->args[0]])
            s->last[in->args[0]] = s->last[in->dst];
    }
}

PBlock *interp_predecode(const IrBlock *b, const PTarget *t)
{
    size_t n = b->ninsns, nt = b->ntemps ? b->ntemps : 1;
    Pre s = { .b = b, .t = t };
    PBlock *pb = calloc(1, sizeof *pb);
    s.pb = pb;
    s.loc = calloc(nt, sizeof *s.loc);
    s.cval = calloc(nt, sizeof *s.cval);
    s.uses = calloc(nt, sizeof *s.uses);
    s.last = calloc(nt, sizeof *s.last);
    s.src = calloc(nt, sizeof *s.src);
    s.flags = calloc(nt, sizeof *s.flags);
    if (pb) {
        /* At most one lazy truncation computed per operand, plus the op. */
        pb->code = malloc((2 * n + 1) * sizeof *pb->code);
        pb->pool = malloc((n + 1) * sizeof *pb->pool);
        pb->ext = malloc((n + 1) * sizeof *pb->ext);
    }
    if (!pb || !pb->code || !pb->pool || !pb->ext || !s.loc || !s.cval || !s.uses ||
        !s.last || !s.src || !s.flags) {
        pblock_free(pb);
        pb = NULL;
        goto out;
    }
    pb->pc = b->pc;
    for (size_t i = 0; i < nt; i++)
        s.loc[i] = t->zero;
    count_uses(&s);
    for (uint32_t i = 0; i < b->ninsns; i++) {
        const IrInsn *in = &b->insns[i];
        /* the sign extension a W handler already did */
        if (in->op == IR_SEXT && s.last_ir == i + 1 && s.ncode > 0 &&
            s.pb->code[s.ncode - 1].d == temp_slot(&s, in->dst))
            continue;
        emit_insn(&s, i);
    }
    if (b->ninsns == 0 || b->insns[b->ninsns - 1].op != IR_EXIT)
        emit(&s, b->ninsns, PK_BADEND, NULL, NULL, NULL, 0);
    pb->ncode = s.ncode;
    PInsn *shrunk = realloc(pb->code, pb->ncode * sizeof *pb->code);
    if (shrunk)
        pb->code = shrunk;
out:
    free(s.loc);
    free(s.cval);
    free(s.uses);
    free(s.last);
    free(s.src);
    free(s.flags);
    return pb;
}

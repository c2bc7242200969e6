/*
 * Jump-table recovery for RISC-V (gcc's switch lowering).
 *
 * gcc emits, for a dense switch (the bounds check ends the previous block):
 *
 *     li    a5, 7                      # predecessor block
 *     bltu  a5, a0, .Ldefault          #   (or bgeu a0, a5, .Ldefault)
 *     lui   a5, %hi(.L4)               # absolute table (-fno-pie, medlow)
 *     addi  a5, a5, %lo(.L4)           #   or auipc+addi (PIC / medany)
 *     slli  a0, a0, 2                  # index scaled (or slli 32 + srli 30)
 *     add   a5, a5, a0
 *     lw    a5, 0(a5)                  # lw/lwu: .word, ld: .dword entries
 *     add   a5, a5, a4                 # only for relative (.L - .L4) entries
 *     jr    a5
 *
 * Instead of matching fixed sequences, a tiny forward abstract interpreter
 * runs over the instructions and tracks, per x register, whether it holds a
 * known constant, a bounded index, table base + index, a table entry, or a
 * table entry plus a constant; anything else it does not understand makes
 * the written register unknown.  Scheduling, register choice and compressed
 * forms then do not matter.
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "riscv64/rv64.h"
#include "translator/discover_priv.h"

typedef enum AbsKind {
    ABS_UNKNOWN = 0,
    ABS_CONST,  /* value */
    ABS_INDEX,  /* the switch index, possibly scaled / zero-extended */
    ABS_SLOT,   /* table + scaled index: table = address of entry 0 */
    ABS_ENTRY,  /* an entry loaded from table */
    ABS_REL,    /* an entry plus value (relative tables) */
} AbsKind;

typedef struct AbsVal {
    AbsKind kind;
    uint64_t value;     /* CONST, REL: the constant */
    uint64_t table;     /* SLOT, ENTRY, REL */
    uint32_t bound;     /* INDEX, SLOT, ENTRY, REL: entries, 0 unknown */
    uint8_t size;       /* ENTRY, REL: 4 or 8 bytes */
    bool sign;          /* ENTRY, REL: sign-extended 4-byte entries */
    uint8_t copy_of;    /* 1 + register this one is a mv / sext.w of, or 0 */
    uint64_t at;        /* ENTRY, REL: pc of the load */
    int8_t shift;       /* INDEX, SLOT, ENTRY, REL: the slot is table + (index << shift)
                           for the index the bounds check saw; -1 not known */
} AbsVal;

typedef struct AbsState {
    AbsVal x[32];
} AbsState;

static AbsVal abs_const(uint64_t v)
{
    return (AbsVal){ .kind = ABS_CONST, .value = v };
}

static AbsVal abs_get(const AbsState *s, unsigned r)
{
    return r == 0 ? abs_const(0) : s->x[r];
}

static void abs_set(AbsState *s, unsigned r, AbsVal v)
{
    if (r == 0 || r >= 32)
        return;
    for (unsigned i = 1; i < 32; i++)
        if (s->x[i].copy_of == r + 1)
            s->x[i].copy_of = 0;
    s->x[r] = v;
}

/* The index register and its copies (gcc often checks a sext.w copy of
 * the register it then scales) now hold a bounded index. */
static void abs_bound(AbsState *s, unsigned r, uint32_t bound)
{
    AbsVal idx = { .kind = ABS_INDEX, .bound = bound };
    unsigned orig = s->x[r].copy_of;
    for (unsigned i = 1; i < 32; i++)
        if (i != r && s->x[i].copy_of == r + 1)
            s->x[i] = idx, s->x[i].copy_of = (uint8_t)(r + 1);
    if (orig && orig - 1 != r)
        s->x[orig - 1] = idx;
    s->x[r] = idx;
    s->x[r].copy_of = (uint8_t)orig;
}

/* base + scaled index: one operand the table address, the other not. */
static AbsVal abs_slot(AbsVal a, AbsVal b)
{
    if (a.kind == ABS_CONST && b.kind == ABS_CONST)
        return abs_const(a.value + b.value);
    if (b.kind == ABS_CONST) {
        AbsVal t = a;
        a = b;
        b = t;
    }
    if (a.kind != ABS_CONST || (b.kind != ABS_INDEX && b.kind != ABS_UNKNOWN))
        return (AbsVal){ .kind = ABS_UNKNOWN };
    return (AbsVal){ .kind = ABS_SLOT, .table = a.value,
                     .bound = b.kind == ABS_INDEX ? b.bound : 0,
                     .shift = b.kind == ABS_INDEX ? b.shift : -1 };
}

/* add rd, rs1, rs2 */
static AbsVal abs_add(AbsVal a, AbsVal b)
{
    if (b.kind == ABS_ENTRY) {
        AbsVal t = a;
        a = b;
        b = t;
    }
    if (a.kind == ABS_ENTRY && b.kind == ABS_CONST) {
        a.kind = ABS_REL;
        a.value = b.value;
        return a;
    }
    return abs_slot(a, b);
}

/* Shifts and zero-extensions keep an index an index (its scale is not
 * checked: the entry size comes from the load). */
static AbsVal abs_index_op(AbsVal a)
{
    return a.kind == ABS_INDEX ? a : (AbsVal){ .kind = ABS_UNKNOWN };
}

/* The index shifted left by sh, or right by -sh: exact while no bit of an index below
 * XLAT_JT_MAX_ENTRIES drops out at either end (gcc zero-extends a 32-bit index with
 * slli 32 then srli 30).  Else the index keeps its bound with an unknown scale. */
static AbsVal abs_scaled(AbsVal a, int sh)
{
    a = abs_index_op(a);
    if (a.kind != ABS_INDEX || a.shift < 0)
        return a;
    int to = a.shift + sh;
    a.shift = to >= 0 && to <= 64 - 12 ? (int8_t)to : -1;
    _Static_assert(XLAT_JT_MAX_ENTRIES <= 1 << 12, "an index has at most 12 bits");
    return a;
}

/* The index zero- or sign-extended from its low bits: its scale is still known when the
 * scaled index fits in bits - 1 of them. */
static AbsVal abs_narrow(AbsVal a, int bits)
{
    a = abs_index_op(a);
    if (a.kind == ABS_INDEX && a.shift > bits - 1 - 12)
        a.shift = -1;
    return a;
}

/* A bounds check in the predecessor: the fall-through path knows the
 * index is below the constant.  bltu K, i: i <= K; bgeu i, K: i < K. */
static void abs_branch(AbsState *s, const RvInsn *in)
{
    AbsVal a = abs_get(s, in->rs1), b = abs_get(s, in->rs2);
    uint64_t bound;
    unsigned idx;

    if (in->op == RV_OP_BLTU && a.kind == ABS_CONST && b.kind != ABS_CONST) {
        if (a.value >= XLAT_JT_MAX_ENTRIES)
            return;
        bound = a.value + 1;
        idx = in->rs2;
    } else if (in->op == RV_OP_BGEU && b.kind == ABS_CONST && a.kind != ABS_CONST) {
        if (b.value > XLAT_JT_MAX_ENTRIES)
            return;
        bound = b.value;
        idx = in->rs1;
    } else {
        return;
    }
    if (idx != 0)
        abs_bound(s, idx, (uint32_t)bound);
}

static void abs_load(AbsState *s, const RvInsn *in, uint64_t pc, unsigned size, bool sign)
{
    AbsVal a = abs_get(s, in->rs1);
    AbsVal r = { .kind = ABS_UNKNOWN };
    if (a.kind == ABS_SLOT)
        r = (AbsVal){ .kind = ABS_ENTRY, .table = a.table + (uint64_t)in->imm,
                      .bound = a.bound, .size = (uint8_t)size, .sign = sign, .at = pc,
                      .shift = a.shift };
    abs_set(s, in->rd, r);
}

/* One instruction's effect on the tracked registers. */
static void abs_step(AbsState *s, const RvInsn *in, uint64_t pc)
{
    AbsVal a = abs_get(s, in->rs1), b = abs_get(s, in->rs2);
    AbsVal unk = { .kind = ABS_UNKNOWN };

    switch (in->op) {
    case RV_OP_LUI:
        abs_set(s, in->rd, abs_const((uint64_t)in->imm));
        return;
    case RV_OP_AUIPC:
        abs_set(s, in->rd, abs_const(pc + (uint64_t)in->imm));
        return;
    case RV_OP_ADDI:
    case RV_OP_ADDIW:
        if (a.kind == ABS_CONST) {
            uint64_t v = a.value + (uint64_t)in->imm;
            if (in->op == RV_OP_ADDIW)
                v = (uint64_t)(int64_t)(int32_t)v;
            abs_set(s, in->rd, abs_const(v));
        } else if (in->imm == 0 && in->rd != in->rs1) {
            /* mv keeps anything; sext.w at least the index-ness */
            AbsVal c = in->op == RV_OP_ADDI ? a : abs_narrow(a, 32);
            c.copy_of = (uint8_t)(in->rs1 + 1);
            abs_set(s, in->rd, c);
        } else if (in->imm != 0 || in->op == RV_OP_ADDIW) {
            abs_set(s, in->rd, in->imm == 0 ? abs_narrow(a, 32) : unk);
        }
        return;
    case RV_OP_ADD:
        abs_set(s, in->rd, abs_add(a, b));
        return;
    case RV_OP_ANDI: /* a mask bounds the index: andi a5, a2, 7 */
        if (a.kind == ABS_CONST)
            abs_set(s, in->rd, abs_const(a.value & (uint64_t)in->imm));
        else if (in->imm >= 0 && in->imm < XLAT_JT_MAX_ENTRIES)
            abs_set(s, in->rd, (AbsVal){ .kind = ABS_INDEX, .bound = (uint32_t)in->imm + 1 });
        else
            abs_set(s, in->rd, unk);
        return;
    case RV_OP_SH2ADD:
    case RV_OP_SH3ADD:
        abs_set(s, in->rd,
                b.kind == ABS_CONST ? abs_slot(b, abs_scaled(a, in->op == RV_OP_SH2ADD ? 2 : 3))
                                    : unk);
        return;
    case RV_OP_SLLI:
        abs_set(s, in->rd, abs_scaled(a, (int)in->imm));
        return;
    case RV_OP_SLLI_UW:
        abs_set(s, in->rd, abs_scaled(abs_narrow(a, 32), (int)in->imm));
        return;
    case RV_OP_SRLI:
        abs_set(s, in->rd, abs_scaled(a, -(int)in->imm));
        return;
    case RV_OP_ZEXT_H:
        abs_set(s, in->rd, abs_narrow(a, 16));
        return;
    case RV_OP_ADD_UW: /* zext.w is add.uw rd, rs, x0 */
        abs_set(s, in->rd, in->rs2 == 0 ? abs_narrow(a, 32) : unk);
        return;
    case RV_OP_LW:
        abs_load(s, in, pc, 4, true);
        return;
    case RV_OP_LWU:
        abs_load(s, in, pc, 4, false);
        return;
    case RV_OP_LD:
        abs_load(s, in, pc, 8, false);
        return;
    case RV_OP_BLTU:
    case RV_OP_BGEU:
        abs_branch(s, in);
        return;
    default:
        break;
    }
    const RvOpInfo *info = in->op < RV_NOPS ? &rv_op_info[in->op] : NULL;
    if (!info || ((info->flags & RV_OPF_RD) && !(info->flags & RV_OPF_RD_FP)))
        abs_set(s, in->rd, unk);
}

/* Reads and decodes the instruction at pc. */
static bool jt_decode(const XlatCode *code, uint64_t pc, RvInsn *in)
{
    uint8_t buf[4];
    size_t got = xlat_read_code((void *)code, pc, buf, sizeof buf);
    unsigned len = got ? rv64_decode(buf, got, pc, in) : 0;
    return len != 0 && len <= got;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Target of entry i, or false when it cannot be read or is implausible. */
static bool jt_entry(const XlatCode *code, const ElfSegment *seg, const AbsVal *v, uint64_t imm,
                     size_t i, uint64_t *out)
{
    uint64_t addr = v->table + (uint64_t)i * v->size, e;
    uint8_t raw[8];

    if (!xlat_read_data(code->img, code->bias, addr, raw, v->size))
        return false;
    if (v->size == 4) {
        uint32_t w = (uint32_t)raw[0] | (uint32_t)raw[1] << 8 | (uint32_t)raw[2] << 16 |
                     (uint32_t)raw[3] << 24;
        e = v->sign ? (uint64_t)(int64_t)(int32_t)w : w;
    } else {
        e = 0;
        for (int k = 7; k >= 0; k--)
            e = e << 8 | raw[k];
    }
    if (v->kind == ABS_REL)
        e += v->value;
    e += imm;
    if (e & 1) /* jalr would clear it, but gcc's targets are 2-aligned: data */
        return false;
    uint64_t start = seg->vaddr + code->bias;
    if (e < start || e - start >= seg->filesz)
        return false;
    *out = e;
    return true;
}

void xlat_rv64_block_consts(const XlatCode *code, const uint64_t *pcs, size_t npcs,
                            bool written[32], XlatRegConsts *out)
{
    /* ra, t0-t2, a0-a7, t3-t6: what a callee may change (psABI) */
    static const uint32_t caller_saved = 1u << 1 | 7u << 5 | 0xffu << 10 | 0xfu << 28;
    AbsState s;
    RvInsn in;
    memset(&s, 0, sizeof s);
    memset(written, 0, 32 * sizeof *written);
    for (size_t i = 0; i < npcs; i++) {
        if (!jt_decode(code, pcs[i], &in)) {
            memset(written, 1, 32 * sizeof *written); /* unknown code: anything */
            memset(&s, 0, sizeof s);
            break;
        }
        abs_step(&s, &in, pcs[i]);
        const RvOpInfo *info = in.op < RV_NOPS ? &rv_op_info[in.op] : NULL;
        if ((in.op == RV_OP_JAL || in.op == RV_OP_JALR) && in.rd != 0) {
            for (unsigned r = 1; r < 32; r++)
                if (caller_saved >> r & 1) {
                    written[r] = true;
                    s.x[r] = (AbsVal){ .kind = ABS_UNKNOWN };
                }
        } else if (info && (info->flags & RV_OPF_RD) && !(info->flags & RV_OPF_RD_FP) &&
                   in.rd != 0) {
            written[in.rd] = true;
        }
    }
    for (unsigned r = 0; r < 32; r++) {
        out->known[r] = r > 0 && written[r] && s.x[r].kind == ABS_CONST;
        out->value[r] = out->known[r] ? s.x[r].value : 0;
    }
}

/* How many entries of size bytes a scanned table at table may have: at most up to the end
 * of the data object (a sized STT_OBJECT symbol) holding its first entry.  gcc puts the
 * tables of neighbouring functions next to each other (glibc's printf_positional's
 * step4_jumps is followed by the six of __vfprintf_internal), and a scan running on into
 * them gave printf_positional a copy of all of __vfprintf_internal's code (docs D59). */
static size_t jt_object_limit(const XlatCode *code, uint64_t table, unsigned size, size_t limit)
{
    uint16_t type = elfimage_type(code->img);
    if (type != ET_EXEC && type != ET_DYN)
        return limit;
    for (size_t i = 0, n = elfimage_symbol_count(code->img); i < n; i++) {
        const ElfSymbol *sym = elfimage_symbol(code->img, i);
        uint64_t lo = sym->value + code->bias;
        if (sym->type == STT_OBJECT && sym->size && sym->shndx != SHN_UNDEF && table >= lo &&
            table - lo < sym->size) {
            size_t k = (size_t)((sym->size - (table - lo)) / size);
            return k < limit ? k : limit;
        }
    }
    return limit;
}

int xlat_rv64_jt_recover(const XlatCode *code, const uint64_t *pcs, size_t npcs, size_t pred_n,
                         const XlatRegConsts *seed, uint64_t **out_targets, size_t *out_n,
                         XlatJtIndex *ix)
{
    AbsState s;
    RvInsn in;

    if (npcs == 0 || pred_n >= npcs)
        return XLAT_JT_NONE;
    memset(&s, 0, sizeof s);
    for (unsigned r = 1; seed && r < 32; r++)
        if (seed->known[r])
            s.x[r] = abs_const(seed->value[r]);
    for (size_t i = 0; i + 1 < npcs; i++) {
        if (!jt_decode(code, pcs[i], &in))
            return XLAT_JT_NONE;
        /* The predecessor's last instruction is the branch; only its
         * fall-through reaches us, which abs_branch models. */
        abs_step(&s, &in, pcs[i]);
    }
    uint64_t jr_pc = pcs[npcs - 1];
    if (!jt_decode(code, jr_pc, &in) || in.op != RV_OP_JALR || in.rd != 0)
        return XLAT_JT_NONE;
    AbsVal v = abs_get(&s, in.rs1);
    if (v.kind != ABS_ENTRY && v.kind != ABS_REL)
        return XLAT_JT_NONE;
    const ElfSegment *seg = xlat_exec_segment(code->img, code->bias, jr_pc);
    if (!seg)
        return XLAT_JT_NONE;

    /* With a bound, read exactly that many entries; without one, scan
     * while entries look like code (over-approximating is harmless: the
     * translated code switches on the real target at run time). */
    size_t limit = v.bound ? v.bound : jt_object_limit(code, v.table, v.size, XLAT_JT_MAX_ENTRIES);
    uint64_t *t = malloc(limit * sizeof *t);
    if (!t)
        return -ENOMEM;
    size_t n = 0;
    while (n < limit && jt_entry(code, seg, &v, (uint64_t)in.imm, n, &t[n]))
        n++;
    if (n == 0) {
        free(t);
        return XLAT_JT_NONE;
    }
    int quality = v.bound && n == limit ? XLAT_JT_BOUNDED : XLAT_JT_SCANNED;
    if (ix) {
        memset(ix, 0, sizeof *ix);
        /* In an executable segment, the table changes only with code changes, which
         * switch translated code off (runtime/native.c): the index says the target. */
        bool own_block = false;
        for (size_t i = pred_n; i + 1 < npcs; i++)
            own_block = own_block || pcs[i] == v.at;
        const ElfSegment *tseg = xlat_exec_segment(code->img, code->bias, v.table);
        uint64_t tstart = tseg ? tseg->vaddr + code->bias : 0;
        /* (index << shift) - table is a whole number of entries, entry i is target i */
        int scale = v.size == 8 ? 3 : 2;
        if (quality == XLAT_JT_BOUNDED && own_block && tseg && v.shift >= scale &&
            v.table + n * v.size - tstart <= tseg->filesz) {
            uint64_t *per = malloc(n * sizeof *per);
            if (!per) {
                free(t);
                return -ENOMEM;
            }
            memcpy(per, t, n * sizeof *t);
            *ix = (XlatJtIndex){ .load_pc = v.at, .table = v.table, .size = v.size,
                                 .target = per, .n = n };
        }
    }
    qsort(t, n, sizeof *t, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || t[u - 1] != t[i])
            t[u++] = t[i];
    *out_targets = t;
    *out_n = u;
    return quality;
}

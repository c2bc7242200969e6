/*
 * Code discovery (contract in discover.h).
 *
 * Two passes over lifted blocks, each guest block lifted once and cached:
 *  1. explore: from every root, follow every edge (branches, jumps, calls,
 *     return and resume sites, recovered jump tables) over the whole
 *     program; direct call targets become roots.  This fixes the root set.
 *  2. for each root, collect its function: the same edges, except that
 *     calls and direct jumps to another root (tail calls) leave the
 *     function.  The leaders found split the cached blocks.
 * Cached blocks are lifted up to max_block_insns and keep their
 * instruction offsets, so cutting a block at a later leader needs no
 * relifting.
 */
#include <elf.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/guestmem.h"
#include "translator/discover_priv.h"

enum {
    DISC_DEFAULT_MAX_INSNS = 256,
    DISC_HARD_MAX_INSNS = 1u << 20, /* keeps offsets and counts in 32 bits */
    DISC_JT_PREDS = 4,              /* fall-through predecessors searched */
};

#define PC_EMPTY UINT64_MAX /* never a guest pc: pcs here are 2-aligned */

/* ---- small containers ------------------------------------------------------ */

/* Grows *p (elements of elem bytes) to hold at least need. */
static int vec_reserve(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap *= 2;
    void *q = realloc(*p, ncap * elem);
    if (!q)
        return -ENOMEM;
    *p = q;
    *cap = ncap;
    return 0;
}

#define VEC_PUSH(v, n, cap, x)                                                 \
    (vec_reserve((void **)&(v), &(cap), (n) + 1, sizeof *(v)) ? -ENOMEM        \
                                                              : ((v)[(n)++] = (x), 0))

/* Open-addressing map from guest pc to a 32-bit value. */
typedef struct PcMap {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n;
} PcMap;

static size_t pcmap_slot(const PcMap *m, uint64_t k)
{
    uint64_t h = k * 0x9e3779b97f4a7c15ull;
    size_t i = (size_t)(h ^ h >> 29) & (m->cap - 1);
    while (m->keys[i] != PC_EMPTY && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static uint32_t *pcmap_find(const PcMap *m, uint64_t k)
{
    if (m->cap == 0)
        return NULL;
    size_t i = pcmap_slot(m, k);
    return m->keys[i] == k ? &m->vals[i] : NULL;
}

static int pcmap_grow(PcMap *m)
{
    PcMap g = { .cap = m->cap ? m->cap * 2 : 64 };
    g.keys = malloc(g.cap * sizeof *g.keys);
    g.vals = malloc(g.cap * sizeof *g.vals);
    if (!g.keys || !g.vals) {
        free(g.keys);
        free(g.vals);
        return -ENOMEM;
    }
    for (size_t i = 0; i < g.cap; i++)
        g.keys[i] = PC_EMPTY;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] == PC_EMPTY)
            continue;
        size_t j = pcmap_slot(&g, m->keys[i]);
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
    }
    g.n = m->n;
    free(m->keys);
    free(m->vals);
    *m = g;
    return 0;
}

/* Inserts k -> v unless k is present.  *out points at k's value either
 * way.  Returns 1 when inserted, 0 when present, -ENOMEM. */
static int pcmap_put(PcMap *m, uint64_t k, uint32_t v, uint32_t **out)
{
    if ((m->n + 1) * 2 > m->cap && pcmap_grow(m) != 0)
        return -ENOMEM;
    size_t i = pcmap_slot(m, k);
    int added = m->keys[i] != k;
    if (added) {
        m->keys[i] = k;
        m->vals[i] = v;
        m->n++;
    }
    if (out)
        *out = &m->vals[i];
    return added;
}

static void pcmap_free(PcMap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* ---- reading the image ------------------------------------------------------ */

const ElfSegment *xlat_exec_segment(const ElfImage *img, uint64_t bias, uint64_t pc)
{
    size_t n = elfimage_segment_count(img);
    for (size_t i = 0; i < n; i++) {
        const ElfSegment *s = elfimage_segment(img, i);
        if (!(s->flags & PF_X) || !s->data)
            continue;
        uint64_t start = s->vaddr + bias;
        if (pc >= start && pc - start < s->filesz)
            return s;
    }
    return NULL;
}

size_t xlat_read_code(void *img_ctx, uint64_t pc, uint8_t *buf, size_t n)
{
    const XlatCode *c = img_ctx;
    const ElfSegment *s = xlat_exec_segment(c->img, c->bias, pc);
    if (!s)
        return 0;
    uint64_t off = pc - (s->vaddr + c->bias);
    size_t got = s->filesz - off < n ? (size_t)(s->filesz - off) : n;
    memcpy(buf, s->data + off, got);
    return got;
}

bool xlat_read_data(const ElfImage *img, uint64_t bias, uint64_t addr, void *buf, size_t n)
{
    size_t ns = elfimage_segment_count(img);
    for (size_t i = 0; i < ns; i++) {
        const ElfSegment *s = elfimage_segment(img, i);
        uint64_t start = s->vaddr + bias;
        if (!s->data || addr < start || addr - start >= s->filesz)
            continue;
        uint64_t off = addr - start;
        if (s->filesz - off < n)
            return false;
        memcpy(buf, s->data + off, n);
        return true;
    }
    return false;
}

/* ---- discovery state -------------------------------------------------------- */

typedef enum SuccKind {
    SUCC_JUMP,    /* branch target, jump, fall-through: tail call if another root */
    SUCC_CALL,    /* callee: a root of its own */
    SUCC_RETSITE, /* after a call */
    SUCC_RESUME,  /* after ecall / fence.i */
    SUCC_NEXT,    /* block cut at the length limit */
} SuccKind;

typedef struct Succ {
    uint64_t pc;
    uint32_t kind;
} Succ;

/* One block lifted from pc (up to max_insns): what discovery needs of it. */
typedef struct LiftRec {
    uint64_t pc, end_pc;
    uint32_t nguest;       /* 0: no code there (not a block) */
    uint32_t off_first;    /* offsets of its instructions from pc in offs[] */
    uint32_t succ_first, nsucc;
    uint8_t reason;        /* IrExitReason of the final IR_EXIT */
} LiftRec;

typedef struct JtRec {
    int quality;           /* XLAT_JT_* */
    uint64_t *targets;
    size_t n;
    XlatJtIndex ix;
} JtRec;

enum { SRC_ENTRY = 1, SRC_SYMBOL = 2, SRC_FDE = 4, SRC_EXTRA = 8, SRC_CALL = 16, SRC_ADDR = 32 };

typedef struct RootInfo {
    uint64_t pc;
    long sym;              /* symbol naming it, or -1 */
    unsigned src;          /* SRC_* */
} RootInfo;

typedef struct Disc {
    const ElfImage *img;
    const FvpFrontend *fe;
    XlatCode code;
    unsigned max_insns;
    bool rv64;             /* jump-table recovery available */
    IrBlock blk;

    LiftRec *recs;
    size_t nrecs, cap_recs;
    PcMap rec_of;          /* pc -> recs index */
    uint32_t *offs;
    size_t noffs, cap_offs;
    Succ *succs;
    size_t nsuccs, cap_succs;
    PcMap fallthru;        /* pc -> rec ending in a conditional branch falling to pc */

    JtRec *jts;
    size_t njts, cap_jts;
    PcMap jt_of;           /* jr pc -> jts index */

    RootInfo *roots;
    size_t nroots, cap_roots;
    PcMap root_of;         /* pc -> roots index */
    bool reachable_only;   /* symbols/FDEs are candidates, see discover.h */
    RootInfo *cands;
    size_t ncands, cap_cands;
    PcMap cand_of;         /* pc -> cands index */
    uint64_t *known;       /* scratch: constant value of each temp */
    uint8_t *is_known;
    size_t cap_known;

    uint64_t *work;
    size_t nwork, cap_work;
    uint64_t *chain;       /* scratch for jump-table recovery */
    size_t cap_chain;
} Disc;

static void disc_free(Disc *d)
{
    ir_block_free(&d->blk);
    free(d->recs);
    pcmap_free(&d->rec_of);
    free(d->offs);
    free(d->succs);
    pcmap_free(&d->fallthru);
    for (size_t i = 0; i < d->njts; i++)
        free(d->jts[i].targets), free(d->jts[i].ix.target);
    free(d->jts);
    pcmap_free(&d->jt_of);
    free(d->roots);
    pcmap_free(&d->root_of);
    free(d->cands);
    pcmap_free(&d->cand_of);
    free(d->known);
    free(d->is_known);
    free(d->work);
    free(d->chain);
}

static bool pc_plausible(const Disc *d, uint64_t pc)
{
    return (pc & 1) == 0 && xlat_exec_segment(d->img, d->code.bias, pc) != NULL;
}

/* ---- lifting ----------------------------------------------------------------- */

/* The constant a block's temp t was defined as, if it was an IR_CONST. */
static bool block_const(const IrBlock *b, IrTemp t, uint64_t *out)
{
    for (uint32_t i = b->ninsns; i-- > 0;) {
        const IrInsn *in = &b->insns[i];
        if (in->dst == t) {
            if (in->op != IR_CONST)
                return false;
            *out = (uint64_t)in->imm;
            return true;
        }
    }
    return false;
}

/* RV64 Linux: the block ending with ecall set a7 (x17) to exit (93) or
 * exit_group (94) itself, so the ecall does not return. */
static bool syscall_is_exit(const IrBlock *b)
{
    for (uint32_t i = b->ninsns; i-- > 0;) {
        const IrInsn *in = &b->insns[i];
        if (in->op == IR_SET && in->imm == 17) {
            /* li a7, N lowers to add(const 0, const N) */
            for (uint32_t j = i; j-- > 0;) {
                const IrInsn *def = &b->insns[j];
                if (def->dst != in->args[0])
                    continue;
                uint64_t x, y = 0;
                bool ok = def->op == IR_CONST ? (x = (uint64_t)def->imm, true)
                        : def->op == IR_ADD && block_const(b, def->args[0], &x) &&
                              block_const(b, def->args[1], &y);
                return ok && (x + y == 93 || x + y == 94);
            }
            return false;
        }
    }
    return false;
}

static int rec_add_succ(Disc *d, uint64_t pc, SuccKind kind)
{
    return VEC_PUSH(d->succs, d->nsuccs, d->cap_succs, ((Succ){ pc, kind }));
}

/* Records the control flow of the lifted block in d->blk as rec. */
static int rec_fill(Disc *d, LiftRec *r)
{
    const IrBlock *b = &d->blk;
    const IrInsn *exit = NULL;
    bool cond = false;
    int rc = 0;

    r->off_first = (uint32_t)d->noffs;
    r->succ_first = (uint32_t)d->nsuccs;
    for (uint32_t i = 0; i < b->ninsns && rc == 0; i++) {
        const IrInsn *in = &b->insns[i];
        if (in->op == IR_INSN) {
            rc = VEC_PUSH(d->offs, d->noffs, d->cap_offs, (uint32_t)((uint64_t)in->imm - r->pc));
        } else if (in->op == IR_BRANCH) {
            cond = true;
            rc = rec_add_succ(d, (uint64_t)in->imm, SUCC_JUMP);
        } else if (in->op == IR_EXIT) {
            exit = in;
        }
    }
    if (rc != 0)
        return rc;
    r->nguest = (uint32_t)(d->noffs - r->off_first);
    if (!exit || r->nguest == 0) {
        r->nguest = 0;
        return 0;
    }
    r->reason = exit->aux;
    uint64_t target;
    bool known = block_const(b, exit->args[0], &target);
    switch (exit->aux) {
    case IR_EXIT_JUMP:
    case IR_EXIT_BRANCH:
        if (known)
            rc = rec_add_succ(d, target, SUCC_JUMP);
        break;
    case IR_EXIT_CALL:
        if (known)
            rc = rec_add_succ(d, target, SUCC_CALL);
        if (rc == 0)
            rc = rec_add_succ(d, r->end_pc, SUCC_RETSITE);
        break;
    case IR_EXIT_ICALL:
        rc = rec_add_succ(d, r->end_pc, SUCC_RETSITE);
        break;
    case IR_EXIT_SYSCALL:
        if (d->rv64 && syscall_is_exit(b))
            break; /* exit / exit_group: nothing after the ecall runs */
        rc = rec_add_succ(d, r->end_pc, SUCC_RESUME);
        break;
    case IR_EXIT_SYNC:
        rc = rec_add_succ(d, r->end_pc, SUCC_RESUME);
        break;
    case IR_EXIT_LIMIT:
        rc = rec_add_succ(d, known ? target : r->end_pc, SUCC_NEXT);
        break;
    default: /* RETURN, INDIRECT (jump tables apart), TRAP: the path ends */
        break;
    }
    r->nsucc = (uint32_t)(d->nsuccs - r->succ_first);
    /* A conditional branch's fall-through block: where a switch's bounds
     * check is.  Keep the longest (earliest-starting) predecessor. */
    if (rc == 0 && cond && exit->aux == IR_EXIT_JUMP) {
        uint32_t *v;
        uint32_t me = (uint32_t)(r - d->recs);
        int added = pcmap_put(&d->fallthru, r->end_pc, me, &v);
        if (added < 0)
            rc = added;
        else if (!added && d->recs[*v].pc > r->pc)
            *v = me;
    }
    return rc;
}

/* The cached block at pc, lifting it first if needed.  *out = recs index. */
static int disc_lift(Disc *d, uint64_t pc, uint32_t *out)
{
    uint32_t *v = pcmap_find(&d->rec_of, pc);
    if (v) {
        *out = *v;
        return 0;
    }
    int rc = vec_reserve((void **)&d->recs, &d->cap_recs, d->nrecs + 1, sizeof *d->recs);
    if (rc == 0)
        rc = fvp_lift_block(d->fe, xlat_read_code, &d->code, pc, d->max_insns, &d->blk);
    if (rc != 0)
        return rc;
    LiftRec *r = &d->recs[d->nrecs];
    memset(r, 0, sizeof *r);
    r->pc = pc;
    r->end_pc = d->blk.end_pc;
    rc = rec_fill(d, r);
    if (rc != 0)
        return rc;
    *out = (uint32_t)d->nrecs++;
    rc = pcmap_put(&d->rec_of, pc, *out, NULL);
    return rc < 0 ? rc : 0;
}

static uint64_t rec_last_pc(const Disc *d, const LiftRec *r)
{
    return r->pc + d->offs[r->off_first + r->nguest - 1];
}

/* ---- roots ------------------------------------------------------------------- */

/* How much a symbol of this binding names its address: a global one before a weak alias
 * (glibc's strchr before its weak `index`, memcmp before `bcmp`: host_libc_name in
 * llvm_emit.c goes by it), a weak one before a local one. */
static int bind_rank(uint8_t bind)
{
    return bind == STB_GLOBAL ? 2 : bind == STB_WEAK ? 1 : 0;
}

/* Merges (src, sym) into the root or candidate *r: the strongest-bound symbol names it. */
static void root_info_merge(const Disc *d, RootInfo *r, unsigned src, long sym)
{
    r->src |= src;
    if (sym >= 0) {
        const ElfSymbol *old = r->sym >= 0 ? elfimage_symbol(d->img, (size_t)r->sym) : NULL;
        const ElfSymbol *cur = elfimage_symbol(d->img, (size_t)sym);
        int rc = bind_rank(cur->bind), ro = old ? bind_rank(old->bind) : -1;
        /* equally bound: the public name before glibc's internal one (memcmp, not
         * __memcmpeq) */
        if (rc > ro || (rc == ro && old->name[0] == '_' && cur->name[0] != '_'))
            r->sym = sym;
    }
}

/* Adds pc to the set behind (map, vec): 1 if new, 0 if merged, -ENOMEM. */
static int root_set_add(const Disc *d, PcMap *map, RootInfo **vec, size_t *n, size_t *cap,
                        uint64_t pc, unsigned src, long sym)
{
    uint32_t *v;
    int added = pcmap_put(map, pc, (uint32_t)*n, &v);
    if (added < 0)
        return added;
    if (added) {
        RootInfo ri = { .pc = pc, .sym = -1, .src = 0 };
        if (VEC_PUSH(*vec, *n, *cap, ri) != 0)
            return -ENOMEM;
    }
    root_info_merge(d, &(*vec)[*v], src, sym);
    return added;
}

/* Adds a root (dropped silently when not plausible code).  sym names it; a
 * candidate at pc gives its name and sources.  Returns 1 if it is new. */
static int disc_add_root(Disc *d, uint64_t pc, unsigned src, long sym)
{
    if (!pc_plausible(d, pc))
        return 0;
    int added = root_set_add(d, &d->root_of, &d->roots, &d->nroots, &d->cap_roots, pc, src, sym);
    const uint32_t *c = added == 1 ? pcmap_find(&d->cand_of, pc) : NULL;
    if (c)
        root_info_merge(d, &d->roots[d->nroots - 1], d->cands[*c].src, d->cands[*c].sym);
    return added;
}

/* A symbol or FDE entry: a root now, or (reachable_only) a candidate. */
static int disc_add_candidate(Disc *d, uint64_t pc, unsigned src, long sym)
{
    if (!d->reachable_only)
        return disc_add_root(d, pc, src, sym) < 0 ? -ENOMEM : 0;
    if (!pc_plausible(d, pc))
        return 0;
    int rc = root_set_add(d, &d->cand_of, &d->cands, &d->ncands, &d->cap_cands, pc, src, sym);
    return rc < 0 ? rc : 0;
}

static int disc_push(Disc *d, uint64_t pc);

/* pc was reached (jumped to, or its address taken): a candidate there
 * becomes a root and is explored.  0 or -ENOMEM. */
static int disc_reach(Disc *d, uint64_t pc, bool addr_taken)
{
    if (!d->reachable_only || !pcmap_find(&d->cand_of, pc))
        return 0;
    int added = disc_add_root(d, pc, addr_taken ? SRC_ADDR : 0, -1);
    if (added < 0)
        return added;
    return added ? disc_push(d, pc) : 0;
}

static bool disc_is_root(const Disc *d, uint64_t pc)
{
    return pcmap_find(&d->root_of, pc) != NULL;
}

static int disc_symbol_roots(Disc *d)
{
    size_t n = elfimage_symbol_count(d->img);
    for (size_t i = 0; i < n; i++) {
        const ElfSymbol *s = elfimage_symbol(d->img, i);
        /* IFUNC resolvers run too (called through IRELATIVE relocs). */
        if ((s->type != STT_FUNC && s->type != STT_GNU_IFUNC) || s->shndx == SHN_UNDEF ||
            !s->name || !s->name[0])
            continue;
        int rc = disc_add_candidate(d, s->value + d->code.bias, SRC_SYMBOL, (long)i);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* ---- .eh_frame (LSB 5.0 "Exception Frames"; DWARF 4 §7.6 LEB128) ---------- */

enum {
    DW_EH_PE_absptr = 0x00, DW_EH_PE_uleb128 = 0x01, DW_EH_PE_udata2 = 0x02,
    DW_EH_PE_udata4 = 0x03, DW_EH_PE_udata8 = 0x04, DW_EH_PE_sleb128 = 0x09,
    DW_EH_PE_sdata2 = 0x0a, DW_EH_PE_sdata4 = 0x0b, DW_EH_PE_sdata8 = 0x0c,
    DW_EH_PE_pcrel = 0x10, DW_EH_PE_omit = 0xff,
};

/* A bounded cursor over .eh_frame bytes; any overrun sets bad. */
typedef struct EhCur {
    const uint8_t *p;
    size_t pos, end;
    bool bad;
} EhCur;

static uint64_t eh_uint(EhCur *c, unsigned n)
{
    if (c->bad || c->end - c->pos < n) {
        c->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (unsigned i = n; i-- > 0;)
        v = v << 8 | c->p[c->pos + i];
    c->pos += n;
    return v;
}

static uint64_t eh_uleb(EhCur *c, bool sign)
{
    uint64_t v = 0;
    unsigned shift = 0;
    uint8_t byte;
    do {
        if (c->bad || c->pos >= c->end) {
            c->bad = true;
            return 0;
        }
        byte = c->p[c->pos++];
        if (shift < 64)
            v |= (uint64_t)(byte & 0x7f) << shift;
        shift += 7;
    } while (byte & 0x80);
    if (sign && shift < 64 && (byte & 0x40))
        v |= ~(uint64_t)0 << shift;
    return v;
}

/* Reads a pointer in encoding enc; field_addr is its guest address.
 * Only absolute and pc-relative applications are understood. */
static bool eh_pointer(EhCur *c, unsigned enc, uint64_t field_addr, uint64_t bias, uint64_t *out)
{
    uint64_t v;
    switch (enc & 0x0f) {
    case DW_EH_PE_absptr: v = eh_uint(c, 8); break;
    case DW_EH_PE_uleb128: v = eh_uleb(c, false); break;
    case DW_EH_PE_udata2: v = eh_uint(c, 2); break;
    case DW_EH_PE_udata4: v = eh_uint(c, 4); break;
    case DW_EH_PE_udata8: v = eh_uint(c, 8); break;
    case DW_EH_PE_sleb128: v = eh_uleb(c, true); break;
    case DW_EH_PE_sdata2: v = (uint64_t)(int64_t)(int16_t)eh_uint(c, 2); break;
    case DW_EH_PE_sdata4: v = (uint64_t)(int64_t)(int32_t)eh_uint(c, 4); break;
    case DW_EH_PE_sdata8: v = eh_uint(c, 8); break;
    default: return false;
    }
    if (c->bad || enc == DW_EH_PE_omit)
        return false;
    switch (enc & 0xf0) {
    case 0: *out = v + bias; return true;
    case DW_EH_PE_pcrel: *out = v + field_addr; return true;
    default: return false; /* textrel, datarel, funcrel, aligned, indirect */
    }
}

/* Reads an entry's length; c->end becomes the entry's end. */
static bool eh_entry_bounds(EhCur *c)
{
    uint64_t len = eh_uint(c, 4);
    if (len == 0xffffffffu)
        len = eh_uint(c, 8);
    if (c->bad || len == 0 || len > c->end - c->pos)
        return false;
    c->end = c->pos + (size_t)len;
    return true;
}

/* The FDE pointer encoding of the CIE at off ('R' of a "z..." augmentation,
 * else absptr).  Returns false for a CIE it cannot read. */
static bool eh_cie_encoding(const uint8_t *p, size_t size, size_t off, uint64_t addr,
                            uint64_t bias, unsigned *out_enc)
{
    EhCur c = { .p = p, .pos = off, .end = size };
    if (!eh_entry_bounds(&c) || eh_uint(&c, 4) != 0)
        return false;
    unsigned version = (unsigned)eh_uint(&c, 1);
    const char *aug = (const char *)p + c.pos;
    size_t auglen = strnlen(aug, c.end - c.pos);
    if (c.bad || auglen == c.end - c.pos || (version != 1 && version != 3 && version != 4))
        return false;
    c.pos += auglen + 1;
    if (strstr(aug, "eh"))
        return false; /* pre-DWARF-2 layout */
    if (version == 4)
        eh_uint(&c, 2); /* address_size, segment_size */
    eh_uleb(&c, false);                 /* code alignment */
    eh_uleb(&c, true);                  /* data alignment */
    if (version == 1)
        eh_uint(&c, 1);                 /* return address register */
    else
        eh_uleb(&c, false);
    *out_enc = DW_EH_PE_absptr;
    if (aug[0] != 'z')
        return !c.bad;
    eh_uleb(&c, false);                 /* augmentation data length */
    for (size_t i = 1; i < auglen && !c.bad; i++) {
        uint64_t ignored;
        unsigned enc;
        switch (aug[i]) {
        case 'R':
            *out_enc = (unsigned)eh_uint(&c, 1);
            break;
        case 'L':
            eh_uint(&c, 1);
            break;
        case 'P':
            enc = (unsigned)eh_uint(&c, 1);
            if (!eh_pointer(&c, enc & 0x7f, addr + c.pos, bias, &ignored))
                return false;
            break;
        case 'S':
        case 'B':
            break;
        default:
            return false; /* unknown: the rest cannot be parsed */
        }
    }
    return !c.bad;
}

/* Every FDE's initial location becomes a root.  Malformed data ends the
 * walk; nothing in it can make us read out of bounds. */
static int disc_fde_roots(Disc *d)
{
    const ElfSection *eh = NULL;
    for (size_t i = 1; i < elfimage_section_count(d->img); i++) {
        const ElfSection *s = elfimage_section(d->img, i);
        if (s->name && strcmp(s->name, ".eh_frame") == 0 && s->data && s->type != SHT_NOBITS) {
            eh = s;
            break;
        }
    }
    if (!eh)
        return 0;
    const uint8_t *p = eh->data;
    size_t size = (size_t)eh->size;
    uint64_t addr = eh->addr + d->code.bias;
    size_t off = 0;
    while (size - off >= 4) {
        EhCur c = { .p = p, .pos = off, .end = size };
        if (!eh_entry_bounds(&c))
            break; /* zero terminator or malformed */
        size_t id_pos = c.pos;
        uint64_t id = eh_uint(&c, 4);
        off = c.end;
        if (c.bad || id == 0 || id > id_pos)
            continue; /* a CIE, or an FDE pointing nowhere */
        unsigned enc;
        uint64_t pc;
        if (!eh_cie_encoding(p, size, id_pos - (size_t)id, addr, d->code.bias, &enc))
            continue;
        if (!eh_pointer(&c, enc, addr + c.pos, d->code.bias, &pc))
            continue;
        int rc = disc_add_candidate(d, pc, SRC_FDE, -1);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* reachable_only: every 8-byte word at a 4-byte aligned offset of a loaded
 * segment that holds a candidate's address takes that address (function
 * pointer tables, init/fini arrays, vtables of libc's FILE, GOT-like data). */
static int disc_scan_data(Disc *d)
{
    for (size_t i = 0; i < elfimage_segment_count(d->img); i++) {
        const ElfSegment *s = elfimage_segment(d->img, i);
        if (!s->data)
            continue;
        for (uint64_t off = 0; off + 8 <= s->filesz; off += 4) {
            uint64_t v;
            memcpy(&v, s->data + off, 8);
            int rc = disc_reach(d, v + d->code.bias, true);
            if (rc != 0)
                return rc;
        }
    }
    return 0;
}

/* reachable_only: the constants the block in d->blk computes (auipc/lui
 * plus addi, li; folded through registers it sets and reads back) take
 * the addresses they equal. */
static int disc_scan_consts(Disc *d)
{
    const IrBlock *b = &d->blk;
    if (!d->reachable_only)
        return 0;
    if (b->ntemps > d->cap_known) {
        size_t cap = b->ntemps + 256;
        uint64_t *kv = realloc(d->known, cap * sizeof *kv);
        if (kv)
            d->known = kv;
        uint8_t *ik = realloc(d->is_known, cap);
        if (ik)
            d->is_known = ik;
        if (!kv || !ik)
            return -ENOMEM;
        d->cap_known = cap;
    }
    memset(d->is_known, 0, b->ntemps);
    uint64_t reg_val[64];
    bool reg_known[64] = { false };
    for (uint32_t i = 0; i < b->ninsns; i++) {
        const IrInsn *in = &b->insns[i];
        uint64_t v = 0;
        bool k = false;
        const uint8_t *ik = d->is_known;
        const uint64_t *kv = d->known;
        switch (in->op) {
        case IR_CONST: v = (uint64_t)in->imm; k = true; break;
        case IR_GET:
            k = in->imm >= 0 && in->imm < 64 && reg_known[in->imm];
            v = k ? reg_val[in->imm] : 0;
            break;
        case IR_SET:
            if (in->imm >= 0 && in->imm < 64) {
                reg_known[in->imm] = ik[in->args[0]];
                reg_val[in->imm] = kv[in->args[0]];
            }
            break;
        case IR_ADD: case IR_SUB: case IR_OR:
            k = ik[in->args[0]] && ik[in->args[1]];
            v = in->op == IR_ADD ? kv[in->args[0]] + kv[in->args[1]]
              : in->op == IR_SUB ? kv[in->args[0]] - kv[in->args[1]]
                                 : (kv[in->args[0]] | kv[in->args[1]]);
            break;
        default: break;
        }
        if (in->dst != IR_NO_TEMP && in->dst < b->ntemps) {
            d->is_known[in->dst] = k;
            d->known[in->dst] = v;
            if (k) {
                int rc = disc_reach(d, v, true);
                if (rc != 0)
                    return rc;
            }
        }
    }
    return 0;
}

/* ---- pass 1: exploring the whole program ---------------------------------- */

static int disc_push(Disc *d, uint64_t pc)
{
    return VEC_PUSH(d->work, d->nwork, d->cap_work, pc);
}

/* Tries to recover the jump table ending rec ri, looking through up to
 * DISC_JT_PREDS blocks that fall through into it after a conditional
 * branch (the bounds check and the table address may be there).  Returns
 * 1 when it found a better table than before (its targets are pushed when
 * push), 0, or -ENOMEM. */
static int disc_try_jt(Disc *d, uint32_t ri, bool push, const XlatRegConsts *seed)
{
    const LiftRec *r = &d->recs[ri];
    uint64_t jr = rec_last_pc(d, r);
    uint32_t preds[DISC_JT_PREDS];
    size_t npreds = 0, npred = 0;
    for (uint64_t pc = r->pc; npreds < DISC_JT_PREDS;) {
        uint32_t *p = pcmap_find(&d->fallthru, pc);
        if (!p || *p == ri)
            break;
        preds[npreds++] = *p;
        npred += d->recs[*p].nguest;
        pc = d->recs[*p].pc;
    }
    size_t n = npred + r->nguest, k = 0;
    if (vec_reserve((void **)&d->chain, &d->cap_chain, n, sizeof *d->chain) != 0)
        return -ENOMEM;
    for (size_t p = npreds; p-- > 0;) {
        const LiftRec *pr = &d->recs[preds[p]];
        for (size_t i = 0; i < pr->nguest; i++)
            d->chain[k++] = pr->pc + d->offs[pr->off_first + i];
    }
    for (size_t i = 0; i < r->nguest; i++)
        d->chain[k++] = r->pc + d->offs[r->off_first + i];

    uint32_t *v = pcmap_find(&d->jt_of, jr);
    int old = v ? d->jts[*v].quality : XLAT_JT_NONE;
    if (old == XLAT_JT_BOUNDED)
        return 0;
    uint64_t *t = NULL;
    size_t nt = 0;
    XlatJtIndex ix;
    int q = xlat_rv64_jt_recover(&d->code, d->chain, n, npred, seed, &t, &nt, &ix);
    if (q < 0)
        return q;
    if (q <= old) {
        if (q > XLAT_JT_NONE)
            free(t), free(ix.target);
        return 0;
    }
    if (!v) {
        JtRec j = { 0 };
        int rc = pcmap_put(&d->jt_of, jr, (uint32_t)d->njts, &v);
        if (rc < 0 || VEC_PUSH(d->jts, d->njts, d->cap_jts, j) != 0) {
            free(t), free(ix.target);
            return -ENOMEM;
        }
    }
    JtRec *j = &d->jts[*v];
    free(j->targets), free(j->ix.target);
    j->quality = q;
    j->targets = t;
    j->n = nt;
    j->ix = ix;
    for (size_t i = 0; push && i < nt; i++)
        if (disc_push(d, t[i]) != 0)
            return -ENOMEM;
    return 1;
}

/* Lifts everything reachable from the roots; direct callees become roots. */
static int disc_explore(Disc *d)
{
    for (size_t i = 0; i < d->nroots; i++)
        if (disc_push(d, d->roots[i].pc) != 0)
            return -ENOMEM;
    for (;;) {
        while (d->nwork > 0) {
            uint64_t pc = d->work[--d->nwork];
            if (pcmap_find(&d->rec_of, pc) || (pc & 1))
                continue;
            uint32_t ri;
            int rc = disc_lift(d, pc, &ri);
            if (rc == 0)
                rc = disc_scan_consts(d);
            if (rc != 0)
                return rc;
            const LiftRec *r = &d->recs[ri];
            for (uint32_t k = 0; k < r->nsucc; k++) {
                Succ s = d->succs[r->succ_first + k];
                if (s.kind == SUCC_CALL && (rc = disc_add_root(d, s.pc, SRC_CALL, -1)) < 0)
                    return rc;
                /* a jump to another function's entry stays a tail call */
                if (s.kind == SUCC_JUMP && (rc = disc_reach(d, s.pc, false)) != 0)
                    return rc;
                if (disc_push(d, s.pc) != 0)
                    return -ENOMEM;
            }
            if (r->nguest && r->reason == IR_EXIT_INDIRECT && d->rv64 &&
                (rc = disc_try_jt(d, ri, true, NULL)) < 0)
                return rc;
        }
        /* Bounds checks in blocks lifted later may improve tables. */
        bool more = false;
        for (size_t i = 0; i < d->nrecs; i++) {
            if (!d->recs[i].nguest || d->recs[i].reason != IR_EXIT_INDIRECT || !d->rv64)
                continue;
            int rc = disc_try_jt(d, (uint32_t)i, true, NULL);
            if (rc < 0)
                return rc;
            more |= rc > 0;
        }
        if (!more)
            return 0;
    }
}

/* ---- pass 2: functions ------------------------------------------------------ */

typedef struct FuncBuild {
    PcMap lead;            /* leader pc -> XLAT_BLK_* flags */
    uint64_t *work;
    size_t nwork, cap_work;
    uint64_t *jrs;         /* jumps whose table the function uses */
    size_t njrs, cap_jrs;
    uint64_t *pcs;         /* sorted leaders */
} FuncBuild;

static void fb_free(FuncBuild *fb)
{
    pcmap_free(&fb->lead);
    free(fb->work);
    free(fb->jrs);
    free(fb->pcs);
}

/* Makes pc a block of the function (when there is code there). */
static int fb_add(Disc *d, FuncBuild *fb, uint64_t pc, uint32_t flags)
{
    uint32_t ri, *v;
    if (pc & 1)
        return 0;
    int rc = disc_lift(d, pc, &ri);
    if (rc != 0)
        return rc;
    if (d->recs[ri].nguest == 0)
        return 0;
    rc = pcmap_put(&fb->lead, pc, flags, &v);
    if (rc < 0)
        return rc;
    *v |= flags;
    return rc ? VEC_PUSH(fb->work, fb->nwork, fb->cap_work, pc) : 0;
}

/* Adds the targets of the table of the jump at jr (when there is one). */
static int fb_add_table(Disc *d, FuncBuild *fb, uint64_t jr)
{
    uint32_t *v = pcmap_find(&d->jt_of, jr);
    if (!v || d->jts[*v].quality == XLAT_JT_NONE)
        return 0;
    int rc = VEC_PUSH(fb->jrs, fb->njrs, fb->cap_jrs, jr);
    const JtRec *j = &d->jts[*v];
    for (size_t i = 0; rc == 0 && i < j->n; i++)
        rc = fb_add(d, fb, j->targets[i], XLAT_BLK_JTARGET);
    return rc;
}

/* Follows the work list: successors and table targets of each block. */
static int fb_drain(Disc *d, FuncBuild *fb, uint64_t entry)
{
    int rc = 0;
    while (rc == 0 && fb->nwork > 0) {
        uint32_t ri;
        rc = disc_lift(d, fb->work[--fb->nwork], &ri);
        if (rc != 0)
            break;
        const LiftRec r = d->recs[ri]; /* a copy: fb_add may move recs */
        for (uint32_t k = 0; rc == 0 && k < r.nsucc; k++) {
            Succ s = d->succs[r.succ_first + k];
            /* Another root is another function's entry, which the
             * dispatcher and tail calls reach: following it here would
             * copy that function (and, past calls to noreturn functions
             * whose return site is the next function, a chain of them). */
            if (s.kind == SUCC_CALL || (s.pc != entry && disc_is_root(d, s.pc)))
                continue;
            static const uint32_t flags[] = {
                [SUCC_JUMP] = 0, [SUCC_RETSITE] = XLAT_BLK_RETSITE,
                [SUCC_RESUME] = XLAT_BLK_RESUME, [SUCC_NEXT] = 0,
            };
            rc = fb_add(d, fb, s.pc, flags[s.kind]);
        }
        if (rc != 0 || r.reason != IR_EXIT_INDIRECT)
            continue;
        rc = fb_add_table(d, fb, rec_last_pc(d, &r));
    }
    return rc;
}

/* The registers every block of the function that writes them leaves
 * holding the same constant (xlat_rv64_block_consts).  *nind: blocks
 * ending with an indirect jump that has no bounded table yet. */
static int fb_consts(Disc *d, FuncBuild *fb, XlatRegConsts *seed, size_t *nind)
{
    bool poisoned[32] = { false };
    memset(seed, 0, sizeof *seed);
    *nind = 0;
    for (size_t i = 0; i < fb->lead.cap; i++) {
        if (fb->lead.keys[i] == PC_EMPTY)
            continue;
        uint32_t *v = pcmap_find(&d->rec_of, fb->lead.keys[i]);
        if (!v || d->recs[*v].nguest == 0)
            continue;
        const LiftRec *r = &d->recs[*v];
        if (vec_reserve((void **)&d->chain, &d->cap_chain, r->nguest, sizeof *d->chain) != 0)
            return -ENOMEM;
        for (size_t k = 0; k < r->nguest; k++)
            d->chain[k] = r->pc + d->offs[r->off_first + k];
        bool w[32];
        XlatRegConsts c;
        xlat_rv64_block_consts(&d->code, d->chain, r->nguest, w, &c);
        for (unsigned x = 1; x < 32; x++) {
            if (!w[x])
                continue;
            if (!c.known[x] || (seed->known[x] && seed->value[x] != c.value[x]))
                poisoned[x] = true;
            seed->known[x] = true;
            seed->value[x] = c.value[x];
        }
        if (r->reason == IR_EXIT_INDIRECT) {
            uint32_t *j = pcmap_find(&d->jt_of, rec_last_pc(d, r));
            *nind += !j || d->jts[*j].quality != XLAT_JT_BOUNDED;
        }
    }
    for (unsigned x = 0; x < 32; x++)
        seed->known[x] &= !poisoned[x];
    return 0;
}

/*
 * Second chance for the function's indirect jumps without a bounded table:
 * recovery again, seeded with the function-wide constants (fb_consts), for
 * switches whose table address and bound gcc hoisted far from the jump.
 * New targets join the function (and may hold more such jumps).
 */
static int fb_seeded_tables(Disc *d, FuncBuild *fb, uint64_t entry)
{
    for (int round = 0; round < 4 && d->rv64; round++) {
        XlatRegConsts seed;
        size_t nind;
        int rc = fb_consts(d, fb, &seed, &nind);
        if (rc != 0 || nind == 0)
            return rc;
        /* the blocks ending with an indirect jump, first: adding tables
         * grows (and may rehash) fb->lead */
        uint32_t *ind = malloc(nind * sizeof *ind);
        if (!ind)
            return -ENOMEM;
        size_t n = 0;
        for (size_t i = 0; i < fb->lead.cap && n < nind; i++) {
            if (fb->lead.keys[i] == PC_EMPTY)
                continue;
            uint32_t *v = pcmap_find(&d->rec_of, fb->lead.keys[i]);
            if (!v || d->recs[*v].nguest == 0 || d->recs[*v].reason != IR_EXIT_INDIRECT)
                continue;
            uint32_t *j = pcmap_find(&d->jt_of, rec_last_pc(d, &d->recs[*v]));
            if (!j || d->jts[*j].quality != XLAT_JT_BOUNDED)
                ind[n++] = *v;
        }
        bool more = false;
        for (size_t i = 0; i < n && rc == 0; i++) {
            rc = disc_try_jt(d, ind[i], false, &seed);
            if (rc > 0) {
                more = true;
                rc = fb_add_table(d, fb, rec_last_pc(d, &d->recs[ind[i]]));
            }
        }
        free(ind);
        if (rc != 0 || !more)
            return rc;
        if ((rc = fb_drain(d, fb, entry)) != 0)
            return rc;
    }
    return 0;
}

static int fb_collect(Disc *d, FuncBuild *fb, uint64_t entry)
{
    int rc = fb_add(d, fb, entry, XLAT_BLK_ENTRY);
    if (rc == 0)
        rc = fb_drain(d, fb, entry);
    if (rc == 0)
        rc = fb_seeded_tables(d, fb, entry);
    return rc;
}

/* Fills f->blocks from the leaders: each cached block cut at the next
 * leader that starts on one of its instruction boundaries. */
static int fb_blocks(Disc *d, FuncBuild *fb, XlatFunc *f, PcMap *covered)
{
    size_t n = 0;
    fb->pcs = malloc((fb->lead.n ? fb->lead.n : 1) * sizeof *fb->pcs);
    f->blocks = calloc(fb->lead.n ? fb->lead.n : 1, sizeof *f->blocks);
    if (!fb->pcs || !f->blocks)
        return -ENOMEM;
    for (size_t i = 0; i < fb->lead.cap; i++)
        if (fb->lead.keys[i] != PC_EMPTY)
            fb->pcs[n++] = fb->lead.keys[i];
    qsort(fb->pcs, n, sizeof *fb->pcs, cmp_u64);
    for (size_t i = 0; i < n; i++) {
        const LiftRec *r = &d->recs[*pcmap_find(&d->rec_of, fb->pcs[i])];
        uint32_t k = 1;
        while (k < r->nguest && !pcmap_find(&fb->lead, r->pc + d->offs[r->off_first + k]))
            k++;
        XlatBlock *b = &f->blocks[i];
        b->pc = r->pc;
        b->ninsns = k;
        b->flags = *pcmap_find(&fb->lead, r->pc);
        if (r->pc != f->entry && disc_is_root(d, r->pc))
            b->flags |= XLAT_BLK_ROOT;
        f->ninsns += k;
        for (uint32_t j = 0; j < k; j++)
            if (pcmap_put(covered, r->pc + d->offs[r->off_first + j], 0, NULL) < 0)
                return -ENOMEM;
    }
    f->nblocks = n;
    return 0;
}

/* Fills f->jts from the jumps fb_collect met (targets kept if blocks). */
static int fb_jts(Disc *d, FuncBuild *fb, XlatFunc *f, size_t *njt_total)
{
    if (fb->njrs == 0)
        return 0;
    qsort(fb->jrs, fb->njrs, sizeof *fb->jrs, cmp_u64);
    f->jts = calloc(fb->njrs, sizeof *f->jts);
    if (!f->jts)
        return -ENOMEM;
    for (size_t i = 0; i < fb->njrs; i++) {
        if (i > 0 && fb->jrs[i] == fb->jrs[i - 1])
            continue;
        const JtRec *j = &d->jts[*pcmap_find(&d->jt_of, fb->jrs[i])];
        XlatJumpTable *t = &f->jts[f->njts];
        t->jr_pc = fb->jrs[i];
        t->targets = malloc(j->n * sizeof *t->targets);
        if (!t->targets)
            return -ENOMEM;
        for (size_t k = 0; k < j->n; k++)
            if (pcmap_find(&fb->lead, j->targets[k]))
                t->targets[t->ntargets++] = j->targets[k];
        f->njts++;
        if (j->ix.load_pc) {
            t->ix = j->ix;
            t->ix.target = malloc(j->ix.n * sizeof *t->ix.target);
            if (!t->ix.target)
                return -ENOMEM;
            for (size_t k = 0; k < j->ix.n; k++)
                t->ix.target[k] = pcmap_find(&fb->lead, j->ix.target[k]) ? j->ix.target[k] : 0;
        }
        (*njt_total)++;
    }
    return 0;
}

static int disc_function(Disc *d, const RootInfo *ri, XlatFunc *f, PcMap *covered,
                         size_t *njt_total)
{
    FuncBuild fb;
    memset(&fb, 0, sizeof fb);
    memset(f, 0, sizeof *f);
    f->entry = ri->pc;
    int rc = fb_collect(d, &fb, ri->pc);
    if (rc == 0)
        rc = fb_blocks(d, &fb, f, covered);
    if (rc == 0)
        rc = fb_jts(d, &fb, f, njt_total);
    if (rc == 0 && ri->sym >= 0) {
        f->name = strdup(elfimage_symbol(d->img, (size_t)ri->sym)->name);
        if (!f->name)
            rc = -ENOMEM;
    }
    fb_free(&fb);
    return rc;
}

static int cmp_root(const void *a, const void *b)
{
    return cmp_u64(&((const RootInfo *)a)->pc, &((const RootInfo *)b)->pc);
}

/* One function per root with code, sorted by entry. */
static int disc_functions(Disc *d, XlatProgram *out)
{
    PcMap covered = { 0 };
    int rc = 0;

    if (d->nroots > 0)
        qsort(d->roots, d->nroots, sizeof *d->roots, cmp_root);
    out->funcs = calloc(d->nroots ? d->nroots : 1, sizeof *out->funcs);
    if (!out->funcs)
        return -ENOMEM;
    for (size_t i = 0; i < d->nroots && rc == 0; i++) {
        const RootInfo *ri = &d->roots[i];
        uint32_t *v = pcmap_find(&d->rec_of, ri->pc);
        if (!v || d->recs[*v].nguest == 0)
            continue; /* no code there */
        rc = disc_function(d, ri, &out->funcs[out->nfuncs++], &covered, &out->njump_tables);
        out->nroots_symbols += (ri->src & SRC_SYMBOL) != 0;
        out->nroots_fde += (ri->src & SRC_FDE) != 0;
        out->nroots_extra += (ri->src & SRC_EXTRA) != 0;
    }
    out->ninsns = covered.n;
    pcmap_free(&covered);
    return rc;
}

/* ---- entry points ------------------------------------------------------------- */

static int disc_check_image(const ElfImage *img, char *err, size_t errlen)
{
    uint16_t type = elfimage_type(img);
    if (type != ET_EXEC && type != ET_DYN) {
        snprintf(err, errlen, "not an executable (ELF type %u)", type);
        return -EINVAL;
    }
    for (size_t i = 0; i < elfimage_segment_count(img); i++)
        if (elfimage_segment(img, i)->flags & PF_X)
            return 0;
    snprintf(err, errlen, "no executable segment");
    return -EINVAL;
}

static int disc_roots(Disc *d, const XlatDiscoverOpts *opts)
{
    int rc = 0;
    if (opts->use_symbols)
        rc = disc_symbol_roots(d);
    if (rc == 0 && opts->use_eh_frame)
        rc = disc_fde_roots(d);
    if (rc == 0)
        rc = disc_add_root(d, elfimage_entry(d->img) + d->code.bias, SRC_ENTRY, -1);
    for (size_t i = 0; rc >= 0 && opts->extra_roots && i < opts->nextra_roots; i++)
        rc = disc_add_root(d, opts->extra_roots[i], SRC_EXTRA, -1);
    if (rc >= 0 && d->reachable_only)
        rc = disc_scan_data(d);
    return rc < 0 ? rc : 0;
}

int xlat_discover(const ElfImage *img, const FvpFrontend *fe, const XlatDiscoverOpts *opts,
                  XlatProgram *out, char *err, size_t errlen)
{
    static const XlatDiscoverOpts defaults = { .use_symbols = 1, .use_eh_frame = 1 };
    Disc d;

    memset(out, 0, sizeof *out);
    if (!opts)
        opts = &defaults;
    int rc = disc_check_image(img, err, errlen);
    if (rc != 0)
        return rc;
    memset(&d, 0, sizeof d);
    d.img = img;
    d.fe = fe;
    d.code.img = img;
    d.code.bias = elfimage_type(img) == ET_DYN ? GUEST_PIE_BASE : 0;
    d.max_insns = opts->max_block_insns ? opts->max_block_insns : DISC_DEFAULT_MAX_INSNS;
    if (d.max_insns > DISC_HARD_MAX_INSNS)
        d.max_insns = DISC_HARD_MAX_INSNS;
    d.rv64 = fe == &fvp_frontend_riscv64;
    d.reachable_only = opts->reachable_only && elfimage_type(img) != ET_DYN;
    ir_block_init(&d.blk, fe->ir_env, 0);
    out->load_bias = d.code.bias;
    out->entry = elfimage_entry(img) + d.code.bias;

    rc = disc_roots(&d, opts);
    if (rc == 0)
        rc = disc_explore(&d);
    if (rc == 0)
        rc = disc_functions(&d, out);
    out->ncandidates = d.ncands;
    for (size_t i = 0; i < d.nroots; i++)
        out->nroots_addr += (d.roots[i].src & (SRC_ADDR | SRC_CALL | SRC_ENTRY)) == SRC_ADDR;
    if (rc == 0 && opts->max_func_insns != UINT_MAX)
        rc = xlat_split_regions(out, fe, &d.code,
                                opts->max_func_insns ? opts->max_func_insns : XLAT_REGION_INSNS);
    disc_free(&d);
    if (rc != 0) {
        xlat_program_free(out);
        snprintf(err, errlen, "code discovery: %s", strerror(-rc));
    }
    return rc;
}

void xlat_program_free(XlatProgram *p)
{
    if (!p)
        return;
    for (size_t i = 0; p->funcs && i < p->nfuncs; i++) {
        XlatFunc *f = &p->funcs[i];
        free(f->name);
        free(f->blocks);
        for (size_t k = 0; k < f->njts; k++)
            xlat_jt_free(&f->jts[k]);
        free(f->jts);
    }
    free(p->funcs);
    free(p->xentries);
    memset(p, 0, sizeof *p);
}

const void *xlat_find_keyed(const void *base, size_t n, size_t size, uint64_t key)
{
    const char *b = base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint64_t k;
        memcpy(&k, b + mid * size, sizeof k);
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint64_t k = 0;
    if (lo < n)
        memcpy(&k, b + lo * size, sizeof k);
    return lo < n && k == key ? b + lo * size : NULL;
}

_Static_assert(offsetof(XlatFunc, entry) == 0, "xlat_find_keyed: key first");
_Static_assert(offsetof(XlatBlock, pc) == 0, "xlat_find_keyed: key first");
_Static_assert(offsetof(XlatJumpTable, jr_pc) == 0, "xlat_find_keyed: key first");
_Static_assert(offsetof(XlatRegionEntry, pc) == 0, "xlat_find_keyed: key first");

const XlatFunc *xlat_find_func(const XlatProgram *p, uint64_t entry)
{
    return xlat_find_keyed(p->funcs, p->nfuncs, sizeof *p->funcs, entry);
}

const XlatBlock *xlat_find_block(const XlatFunc *f, uint64_t pc)
{
    return xlat_find_keyed(f->blocks, f->nblocks, sizeof *f->blocks, pc);
}

const XlatJumpTable *xlat_find_jt(const XlatFunc *f, uint64_t jr_pc)
{
    return xlat_find_keyed(f->jts, f->njts, sizeof *f->jts, jr_pc);
}

void xlat_jt_free(XlatJumpTable *jt)
{
    free(jt->targets);
    free(jt->ix.target);
    jt->targets = jt->ix.target = NULL;
}

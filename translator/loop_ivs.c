/*
 * Induction addresses of a translated function's loops (contract in loop_ivs.h, docs D54).
 *
 * The block graph has an edge for every way the emitted code goes from one block to another
 * inside the function: branches, jumps and fall-throughs to its blocks, every target of a
 * jump table, and the return site of a call (a host call comes back there).  Its roots are
 * the blocks the PC table enters.  Dominators by the iterative algorithm of Cooper, Harvey
 * and Kennedy over a reverse postorder; a natural loop is a header and the blocks that reach
 * a block jumping back to it (a latch, which the header dominates) without passing it.
 */
#include "translator/loop_ivs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LEAVES = 16, MAX_LOOP_BLOCKS = 4096 };

#define NONE SIZE_MAX

typedef struct Graph {
    size_t n;                    /* blocks; index n is the root above the entries */
    size_t *sstart, *succ;       /* successors of v: succ[sstart[v] .. sstart[v + 1]) */
    size_t *pstart, *pred;       /* predecessors, the same way (the root's not listed) */
} Graph;

typedef struct Edges {
    size_t *from, *to;
    size_t n, cap;
} Edges;

static int edge_add(Edges *e, size_t from, size_t to)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 64;
        size_t *nf = realloc(e->from, cap * sizeof *nf);
        if (!nf)
            return -ENOMEM;
        e->from = nf;
        size_t *nt = realloc(e->to, cap * sizeof *nt);
        if (!nt)
            return -ENOMEM;
        e->to = nt;
        e->cap = cap;
    }
    e->from[e->n] = from;
    e->to[e->n++] = to;
    return 0;
}

static int edge_to_pc(Edges *e, const XlatFunc *f, size_t i, uint64_t pc)
{
    const XlatBlock *b = xlat_find_block(f, pc);
    return b ? edge_add(e, i, (size_t)(b - f->blocks)) : 0;
}

/* The edges leaving block i (more than the emitted code has is safe: fewer dominators). */
static int block_edges(Edges *e, const XlatFunc *f, const IrBlock *blk, size_t i)
{
    int rc = 0;
    for (uint32_t k = 0; k < blk->ninsns && rc == 0; k++) {
        const IrInsn *in = &blk->insns[k];
        if (in->op == IR_BRANCH) {
            rc = edge_to_pc(e, f, i, (uint64_t)in->imm);
        } else if (in->op == IR_EXIT && in->aux != IR_EXIT_TRAP) {
            uint64_t pc;
            if (xlat_exit_target(blk, k, &pc))
                rc = edge_to_pc(e, f, i, pc);
            if (rc == 0 && (in->aux == IR_EXIT_CALL || in->aux == IR_EXIT_ICALL))
                rc = edge_to_pc(e, f, i, blk->end_pc);
        }
    }
    for (size_t j = 0; j < f->njts && rc == 0; j++)
        if (f->jts[j].jr_pc >= f->blocks[i].pc && f->jts[j].jr_pc < blk->end_pc)
            for (size_t k = 0; k < f->jts[j].ntargets && rc == 0; k++)
                rc = edge_to_pc(e, f, i, f->jts[j].targets[k]);
    return rc;
}

/* CSR lists: start[v] .. start[v + 1] of out for every key[i] == v. */
static int csr(size_t n, const size_t *key, const size_t *val, size_t ne, size_t **start,
               size_t **out)
{
    *start = calloc(n + 2, sizeof **start);
    *out = malloc((ne ? ne : 1) * sizeof **out);
    if (!*start || !*out)
        return -ENOMEM;
    for (size_t i = 0; i < ne; i++)
        (*start)[key[i] + 1]++;
    for (size_t v = 0; v <= n; v++)
        (*start)[v + 1] += (*start)[v];
    size_t *fill = malloc((n + 1) * sizeof *fill);
    if (!fill)
        return -ENOMEM;
    memcpy(fill, *start, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < ne; i++)
        (*out)[fill[key[i]]++] = val[i];
    free(fill);
    return 0;
}

static void graph_free(Graph *g)
{
    free(g->sstart);
    free(g->succ);
    free(g->pstart);
    free(g->pred);
}

static int graph_build(const XlatFunc *f, const IrBlock *const *ir, const bool *entry, Graph *g)
{
    Edges e = { 0 };
    int rc = 0;
    g->n = f->nblocks;
    for (size_t i = 0; i < f->nblocks && rc == 0; i++)
        rc = block_edges(&e, f, ir[i], i);
    for (size_t i = 0; i < f->nblocks && rc == 0; i++)
        if (entry[i])
            rc = edge_add(&e, g->n, i);
    if (rc == 0)
        rc = csr(g->n, e.from, e.to, e.n, &g->sstart, &g->succ);
    /* predecessors leave the root out: the dominator pass adds it for entries */
    size_t ne = 0;
    for (size_t i = 0; i < e.n; i++)
        if (e.from[i] != g->n) {
            e.from[ne] = e.from[i];
            e.to[ne++] = e.to[i];
        }
    if (rc == 0)
        rc = csr(g->n, e.to, e.from, ne, &g->pstart, &g->pred);
    free(e.from);
    free(e.to);
    return rc;
}

/* Reverse postorder from the root: rpo[] lists the reachable blocks (root first), num[v]
 * is v's position (NONE: unreachable).  Returns how many. */
static size_t reverse_postorder(const Graph *g, size_t *rpo, size_t *num, size_t *stack,
                                size_t *next)
{
    size_t n = g->n + 1, sp = 0, cnt = 0;
    for (size_t v = 0; v < n; v++) {
        num[v] = NONE;
        next[v] = g->sstart[v];
    }
    num[g->n] = 0; /* visited */
    stack[sp++] = g->n;
    while (sp) {
        size_t v = stack[sp - 1];
        if (next[v] < g->sstart[v + 1]) {
            size_t w = g->succ[next[v]++];
            if (num[w] == NONE) {
                num[w] = 0;
                stack[sp++] = w;
            }
        } else {
            rpo[cnt++] = v; /* postorder for now */
            sp--;
        }
    }
    for (size_t i = 0; i < cnt / 2; i++) {
        size_t t = rpo[i];
        rpo[i] = rpo[cnt - 1 - i];
        rpo[cnt - 1 - i] = t;
    }
    for (size_t i = 0; i < cnt; i++)
        num[rpo[i]] = i;
    return cnt;
}

static size_t intersect(const size_t *idom, const size_t *num, size_t a, size_t b)
{
    while (a != b) {
        while (num[a] > num[b])
            a = idom[a];
        while (num[b] > num[a])
            b = idom[b];
    }
    return a;
}

/* Immediate dominators (idom[root] = root; NONE: unreachable), then the dominator tree's
 * pre/post numbers into iv->pre, iv->post. */
static int dominators(const Graph *g, const bool *entry, XlatIvs *iv, size_t *idom)
{
    size_t n = g->n + 1;
    size_t *rpo = malloc(n * sizeof *rpo), *num = malloc(n * sizeof *num);
    size_t *stack = malloc(n * sizeof *stack), *next = malloc(n * sizeof *next);
    iv->pre = calloc(n, sizeof *iv->pre);
    iv->post = calloc(n, sizeof *iv->post);
    int rc = rpo && num && stack && next && iv->pre && iv->post ? 0 : -ENOMEM;
    if (rc == 0) {
        size_t cnt = reverse_postorder(g, rpo, num, stack, next);
        for (size_t v = 0; v < n; v++)
            idom[v] = NONE;
        idom[g->n] = g->n;
        for (bool changed = true; changed;) {
            changed = false;
            for (size_t i = 1; i < cnt; i++) {
                size_t v = rpo[i], d = entry[v] ? g->n : NONE;
                for (size_t k = g->pstart[v]; k < g->pstart[v + 1]; k++) {
                    size_t p = g->pred[k];
                    if (idom[p] != NONE)
                        d = d == NONE ? p : intersect(idom, num, p, d);
                }
                if (d != idom[v]) {
                    idom[v] = d;
                    changed = true;
                }
            }
        }
        /* the tree's intervals: children by idom, iterative DFS from the root */
        size_t *cstart = NULL, *child = NULL, *par = calloc(n, sizeof *par);
        size_t *kid = calloc(n, sizeof *kid), nk = 0;
        rc = par && kid ? 0 : -ENOMEM;
        for (size_t v = 0; v < g->n && rc == 0; v++)
            if (idom[v] != NONE) {
                par[nk] = idom[v];
                kid[nk++] = v;
            }
        if (rc == 0)
            rc = csr(g->n, par, kid, nk, &cstart, &child);
        if (rc == 0) {
            uint32_t clock = 1;
            size_t sp = 0;
            for (size_t v = 0; v < n; v++)
                next[v] = cstart[v];
            stack[sp++] = g->n;
            iv->pre[g->n] = clock++;
            while (sp) {
                size_t v = stack[sp - 1];
                if (next[v] < cstart[v + 1]) {
                    size_t w = child[next[v]++];
                    iv->pre[w] = clock++;
                    stack[sp++] = w;
                } else {
                    iv->post[v] = clock++;
                    sp--;
                }
            }
        }
        free(cstart);
        free(child);
        free(par);
        free(kid);
    }
    free(rpo);
    free(num);
    free(stack);
    free(next);
    return rc;
}

bool xlat_ivs_dominates(const XlatIvs *iv, size_t a, size_t b)
{
    return iv->pre && a < iv->nblocks && b < iv->nblocks && iv->pre[a] && iv->pre[b] &&
           iv->pre[a] <= iv->pre[b] && iv->post[b] <= iv->post[a];
}

/* One loop being looked at. */
typedef struct Loop {
    const XlatFunc *f;
    const IrBlock *const *ir;
    const Graph *g;
    XlatIvs *iv;
    size_t h;                /* header */
    size_t *body, nbody;     /* its blocks */
    size_t *latch, nlatch;
    uint32_t *mark;          /* per block: stamp when in the loop */
    uint32_t stamp;
    uint32_t *seen;          /* per block: stamp of the last once_per_round search */
    uint32_t seen_stamp;
    size_t *queue;
} Loop;

static bool in_loop(const Loop *l, size_t v)
{
    return v < l->g->n && l->mark[v] == l->stamp;
}

/* Whether block x runs on every way round the loop: it dominates every latch. */
static bool every_round(const Loop *l, size_t x)
{
    for (size_t i = 0; i < l->nlatch; i++)
        if (!xlat_ivs_dominates(l->iv, x, l->latch[i]))
            return false;
    return true;
}

/* Whether no cycle of the loop that avoids its header passes block x (so x runs at most
 * once per way round). */
static bool once_per_round(Loop *l, size_t x)
{
    const Graph *g = l->g;
    size_t nq = 0;
    l->seen_stamp++;
    for (size_t k = g->sstart[x]; k < g->sstart[x + 1]; k++) {
        size_t w = g->succ[k];
        if (in_loop(l, w) && w != l->h && l->seen[w] != l->seen_stamp) {
            l->seen[w] = l->seen_stamp;
            l->queue[nq++] = w;
        }
    }
    for (size_t qi = 0; qi < nq; qi++) {
        size_t v = l->queue[qi];
        if (v == x)
            return false;
        for (size_t k = g->sstart[v]; k < g->sstart[v + 1]; k++) {
            size_t w = g->succ[k];
            if (in_loop(l, w) && w != l->h && l->seen[w] != l->seen_stamp) {
                l->seen[w] = l->seen_stamp;
                l->queue[nq++] = w;
            }
        }
    }
    return true;
}

/* Whether the IR_BRANCH in leads back into the loop (skipping the rest of its block). */
static bool branch_into_loop(const Loop *l, const IrInsn *in)
{
    const XlatBlock *b = xlat_find_block(l->f, (uint64_t)in->imm);
    return b && in_loop(l, (size_t)(b - l->f->blocks));
}

/* The registers the loop writes (*written) and those it writes once, as r + small
 * constant, in a block that runs once on every way round, before any branch back into the
 * loop: its induction registers.  All 0 when the loop calls out or has a helper that writes
 * registers. */
static uint64_t loop_ivs(Loop *l, uint64_t *written)
{
    uint64_t twice = 0, stepped = 0;
    *written = 0;
    for (size_t bi = 0; bi < l->nbody; bi++) {
        size_t v = l->body[bi];
        const IrBlock *blk = l->ir[v];
        bool back = false, ok = every_round(l, v);
        ok = ok && once_per_round(l, v);
        for (uint32_t k = 0; k < blk->ninsns; k++) {
            const IrInsn *in = &blk->insns[k];
            if ((in->op == IR_CALL && (blk->env->helpers[in->imm].flags & IR_HF_REGS)) ||
                (in->op == IR_EXIT && (in->aux == IR_EXIT_CALL || in->aux == IR_EXIT_ICALL))) {
                *written = UINT64_MAX;
                return 0;
            }
            if (in->op == IR_BRANCH)
                back |= branch_into_loop(l, in);
            if (in->op != IR_SET || in->imm < 0 || in->imm >= 64)
                continue;
            uint64_t m = 1ull << in->imm;
            twice |= *written & m;
            *written |= m;
            /* r = GET r + CONST c */
            const IrInsn *add = NULL, *get = NULL, *c = NULL;
            for (uint32_t j = 0; j < k; j++)
                if (blk->insns[j].dst == in->args[0])
                    add = &blk->insns[j];
            if (!ok || back || !add || add->op != IR_ADD || add->type != IR_I64)
                continue;
            for (uint32_t j = 0; j < k; j++) {
                const IrInsn *d = &blk->insns[j];
                for (int a = 0; a < 2; a++)
                    if (d->dst == add->args[a]) {
                        if (d->op == IR_GET && d->imm == in->imm)
                            get = d;
                        else if (d->op == IR_CONST && d->imm >= -XLAT_IV_MAX_STEP &&
                                 d->imm <= XLAT_IV_MAX_STEP)
                            c = d;
                    }
            }
            if (get && c)
                stepped |= m;
        }
    }
    uint64_t ivs = stepped & ~twice;
    const IrEnv *env = l->ir[l->h]->env;
    for (unsigned r = 0; r < 64; r++)
        if ((ivs >> r & 1) &&
            (r >= env->nregs || env->regs[r].zero || env->regs[r].type != IR_I64))
            ivs &= ~(1ull << r);
    return ivs;
}

/* Per temp of the block being scanned: the insn defining it, and for a GET of a register
 * set earlier in the block, the temp that set it. */
typedef struct Scan {
    uint32_t *def;
    IrTemp *fwd;
    size_t cap;
} Scan;

/* Adds the leaves of the ADD tree of temp t: registers read (to *regs, each once, else
 * false) and constants (to *off).  False when anything else is in it. */
static bool leaves(const IrBlock *blk, const Scan *s, IrTemp t, uint64_t *regs, unsigned *n,
                   int64_t *off)
{
    if (t >= blk->ntemps || s->def[t] >= blk->ninsns || ++*n > MAX_LEAVES)
        return false;
    if (s->fwd[t])
        return leaves(blk, s, s->fwd[t], regs, n, off);
    const IrInsn *in = &blk->insns[s->def[t]];
    switch (in->op) {
    case IR_GET: {
        if (in->imm < 0 || in->imm >= 64 || (*regs >> in->imm & 1))
            return false;
        *regs |= 1ull << in->imm;
        return true;
    }
    case IR_CONST:
        if (in->imm < -XLAT_IV_MAX_OFFSET || in->imm > XLAT_IV_MAX_OFFSET)
            return false;
        *off += in->imm;
        return *off >= -XLAT_IV_MAX_OFFSET && *off <= XLAT_IV_MAX_OFFSET;
    case IR_ADD:
        return in->type == IR_I64 && leaves(blk, s, in->args[0], regs, n, off) &&
               leaves(blk, s, in->args[1], regs, n, off);
    default:
        return false;
    }
}

static int key_for(XlatIvs *iv, size_t first, size_t h, unsigned r, uint64_t inv)
{
    for (size_t k = first; k < iv->nkeys; k++)
        if (iv->keys[k].reg == r && iv->keys[k].inv == inv)
            return (int)k;
    if (iv->nkeys >= INT32_MAX)
        return -1;
    XlatIvKey *nk = realloc(iv->keys, (iv->nkeys + 1) * sizeof *nk);
    if (!nk)
        return -ENOMEM;
    iv->keys = nk;
    iv->keys[iv->nkeys] = (XlatIvKey){ .header = h, .reg = r, .inv = inv };
    return (int)iv->nkeys++;
}

/* The accesses of block v (of loop l, with induction registers ivs and written registers
 * written) at induction addresses get their keys.  0 or -ENOMEM. */
static int block_accesses(Loop *l, Scan *s, size_t v, uint64_t ivs, uint64_t written,
                          size_t first_key)
{
    const IrBlock *blk = l->ir[v];
    if (blk->ntemps > s->cap) {
        uint32_t *nd = realloc(s->def, blk->ntemps * sizeof *nd);
        if (!nd)
            return -ENOMEM;
        s->def = nd;
        IrTemp *nf = realloc(s->fwd, blk->ntemps * sizeof *nf);
        if (!nf)
            return -ENOMEM;
        s->fwd = nf;
        s->cap = blk->ntemps;
    }
    IrTemp set[64] = { 0 };
    for (uint32_t t = 0; t < blk->ntemps; t++) {
        s->def[t] = UINT32_MAX;
        s->fwd[t] = 0;
    }
    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        if (in->dst != IR_NO_TEMP && in->dst < blk->ntemps)
            s->def[in->dst] = k;
        if (in->op == IR_GET && in->imm >= 0 && in->imm < 64 && in->dst < blk->ntemps)
            s->fwd[in->dst] = set[in->imm];
        if (in->op == IR_SET && in->imm >= 0 && in->imm < 64 && in->args[0] < blk->ntemps)
            set[in->imm] = in->args[0];
        if (in->op == IR_BRANCH && branch_into_loop(l, in))
            return 0; /* the rest of the block may be skipped on a way round */
        if ((in->op != IR_LOAD && in->op != IR_STORE) || in->args[0] >= blk->ntemps)
            continue;
        uint64_t regs = 0;
        unsigned n = 0;
        int64_t off = 0;
        if (!leaves(blk, s, in->args[0], &regs, &n, &off))
            continue;
        uint64_t iv_regs = regs & ivs;
        if (!iv_regs || (iv_regs & (iv_regs - 1)) || (regs & written & ~iv_regs))
            continue;
        if (!l->iv->key_of[v]) {
            l->iv->key_of[v] = malloc(blk->ntemps * sizeof **l->iv->key_of);
            if (!l->iv->key_of[v])
                return -ENOMEM;
            for (uint32_t t = 0; t < blk->ntemps; t++)
                l->iv->key_of[v][t] = -1;
        }
        if (l->iv->key_of[v][in->args[0]] >= 0)
            continue; /* an inner loop's already */
        int key = key_for(l->iv, first_key, l->h, (unsigned)__builtin_ctzll(iv_regs),
                          regs & ~iv_regs);
        if (key == -ENOMEM)
            return key;
        l->iv->key_of[v][in->args[0]] = key;
    }
    return 0;
}

/* The loop headed by block h (when some block jumps back to it): its induction accesses. */
static int header_loop(Loop *l, Scan *s, size_t h)
{
    const Graph *g = l->g;
    l->h = h;
    l->nlatch = 0;
    l->seen_stamp++; /* a block with several edges to h is one latch */
    for (size_t k = g->pstart[h]; k < g->pstart[h + 1]; k++)
        if (xlat_ivs_dominates(l->iv, h, g->pred[k]) && l->seen[g->pred[k]] != l->seen_stamp) {
            l->seen[g->pred[k]] = l->seen_stamp;
            l->latch[l->nlatch++] = g->pred[k];
        }
    if (!l->nlatch)
        return 0;
    /* the body: backwards from the latches, stopping at the header */
    l->stamp++;
    l->mark[h] = l->stamp;
    l->body[0] = h;
    l->nbody = 1;
    for (size_t i = 0; i < l->nlatch; i++)
        if (l->mark[l->latch[i]] != l->stamp) {
            l->mark[l->latch[i]] = l->stamp;
            l->body[l->nbody++] = l->latch[i];
        }
    for (size_t qi = 1; qi < l->nbody; qi++) {
        size_t v = l->body[qi];
        for (size_t k = g->pstart[v]; k < g->pstart[v + 1]; k++) {
            size_t p = g->pred[k];
            if (l->mark[p] != l->stamp && l->iv->pre[p]) {
                if (l->nbody >= MAX_LOOP_BLOCKS)
                    return 0;
                l->mark[p] = l->stamp;
                l->body[l->nbody++] = p;
            }
        }
    }
    uint64_t written;
    uint64_t ivs = loop_ivs(l, &written);
    size_t first_key = l->iv->nkeys;
    for (size_t bi = 0; bi < l->nbody && ivs; bi++) {
        size_t v = l->body[bi];
        if (!every_round(l, v) || !once_per_round(l, v))
            continue;
        int rc = block_accesses(l, s, v, ivs, written, first_key);
        if (rc != 0)
            return rc;
    }
    return 0;
}

void xlat_ivs_free(XlatIvs *iv)
{
    if (iv->key_of)
        for (size_t i = 0; i < iv->nblocks; i++)
            free(iv->key_of[i]);
    free(iv->key_of);
    free(iv->keys);
    free(iv->pre);
    free(iv->post);
    memset(iv, 0, sizeof *iv);
}

int xlat_loop_ivs(const XlatFunc *f, const IrBlock *const *ir, const bool *entry,
                  XlatIvs *out)
{
    memset(out, 0, sizeof *out);
    out->nblocks = f->nblocks;
    if (!f->nblocks)
        return 0;
    size_t n = f->nblocks + 1;
    Graph g = { 0 };
    Scan s = { 0 };
    size_t *idom = malloc(n * sizeof *idom);
    Loop l = { .f = f, .ir = ir, .g = &g, .iv = out };
    l.body = malloc(n * sizeof *l.body);
    l.latch = malloc(n * sizeof *l.latch);
    l.queue = malloc(n * sizeof *l.queue);
    l.mark = calloc(n, sizeof *l.mark);
    l.seen = calloc(n, sizeof *l.seen);
    out->key_of = calloc(f->nblocks, sizeof *out->key_of);
    int rc = idom && l.body && l.latch && l.queue && l.mark && l.seen && out->key_of ? 0
                                                                                   : -ENOMEM;
    if (rc == 0)
        rc = graph_build(f, ir, entry, &g);
    if (rc == 0)
        rc = dominators(&g, entry, out, idom);
    /* inner loops first (deeper in the dominator tree: later preorder), so that an access
     * takes the innermost loop it qualifies in */
    size_t *by_pre = rc == 0 ? malloc((2 * n + 1) * sizeof *by_pre) : NULL;
    if (rc == 0 && !by_pre)
        rc = -ENOMEM;
    if (rc == 0) {
        /* the dominator tree's clock numbers pre and post of n nodes from 1 to 2n */
        for (size_t i = 0; i <= 2 * n; i++)
            by_pre[i] = NONE;
        for (size_t v = 0; v < f->nblocks; v++)
            if (out->pre[v])
                by_pre[out->pre[v]] = v;
        for (size_t i = 2 * n + 1; i-- > 0 && rc == 0;)
            if (by_pre[i] != NONE)
                rc = header_loop(&l, &s, by_pre[i]);
    }
    free(by_pre);
    free(idom);
    free(l.body);
    free(l.latch);
    free(l.queue);
    free(l.mark);
    free(l.seen);
    free(s.def);
    free(s.fwd);
    graph_free(&g);
    if (rc != 0)
        xlat_ivs_free(out);
    return rc;
}

/*
 * Region splitting: a guest function bigger than a limit becomes several
 * translation units ("regions"), each one LLVM function.
 *
 * Why: LLVM's optimisation and code generation are superlinear in the size
 * of a function.  A 33k-instruction function (the ISA test programs are one
 * straight function) took 200 s at -O2; in regions of a few thousand
 * instructions it is linear.
 *
 * How: the function's blocks, in address order, are cut into consecutive
 * chunks of about max_insns instructions.  The chunk holding the function's
 * entry keeps the entry and the name; every other chunk becomes a function
 * whose entry is its first block, named <name>.r<k>.  A block that is the
 * constant target of a branch or jump table in another chunk is flagged
 * XLAT_BLK_REGION: it is an entry of its region (in the region's entry
 * switch and the runtime's PC table) and is listed in XlatProgram.xentries,
 * so the emitter turns the cross-region edge into a tail call with
 * cpu->pc = target.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "translator/discover.h"

bool xlat_exit_target(const IrBlock *blk, uint32_t k, uint64_t *pc)
{
    IrTemp t = blk->insns[k].args[0];
    for (uint32_t j = 0; j < k; j++)
        if (blk->insns[j].dst == t) {
            *pc = (uint64_t)blk->insns[j].imm;
            return blk->insns[j].op == IR_CONST;
        }
    return false;
}

size_t xlat_block_targets(const IrBlock *blk, uint64_t *out, size_t max)
{
    size_t n = 0;
    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        uint64_t target;
        if (in->op == IR_BRANCH) {
            target = (uint64_t)in->imm;
        } else if (in->op == IR_EXIT && in->aux != IR_EXIT_TRAP) {
            if (!xlat_exit_target(blk, k, &target))
                continue;
        } else {
            continue;
        }
        if (n < max)
            out[n++] = target;
    }
    return n;
}

static int cmp_func(const void *a, const void *b)
{
    const XlatFunc *x = a, *y = b;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static int cmp_xentry(const void *a, const void *b)
{
    const XlatRegionEntry *x = a, *y = b;
    return x->pc < y->pc ? -1 : x->pc > y->pc;
}

/* Index of the chunk holding block pc of f, or -1. */
static long chunk_of(const XlatFunc *f, const uint32_t *chunk, uint64_t pc)
{
    const XlatBlock *b = xlat_find_block(f, pc);
    return b ? (long)chunk[b - f->blocks] : -1;
}

/* Splits funcs[fi] (of the original, sorted array orig/norig) into chunks;
 * appends the new functions to *out (capacity managed by the caller). */
static int split_one(const XlatFunc *orig, size_t norig, XlatFunc *f, const FvpFrontend *fe,
                     const XlatCode *code, unsigned max_insns, IrBlock *blk,
                     XlatFunc **out, size_t *nout, size_t *cap)
{
    XlatProgram view = { .funcs = (XlatFunc *)orig, .nfuncs = norig };
    uint32_t *chunk = calloc(f->nblocks, sizeof *chunk);
    if (!chunk)
        return -ENOMEM;
    uint32_t nchunks = 1;
    uint64_t acc = 0;
    for (size_t i = 0; i < f->nblocks; i++) {
        /* cut before a block that does not start another function */
        if (acc >= max_insns && xlat_find_func(&view, f->blocks[i].pc) == NULL) {
            nchunks++;
            acc = 0;
        }
        chunk[i] = nchunks - 1;
        acc += f->blocks[i].ninsns;
    }
    if (nchunks == 1) {
        free(chunk);
        return 0;
    }

    /* cross-chunk edges make their targets region entries */
    int rc = 0;
    for (size_t i = 0; i < f->nblocks && rc == 0; i++) {
        rc = fvp_lift_block(fe, xlat_read_code, (void *)code, f->blocks[i].pc,
                            f->blocks[i].ninsns, blk);
        uint64_t t[64];
        size_t nt = rc == 0 ? xlat_block_targets(blk, t, 64) : 0;
        for (size_t k = 0; k < nt; k++) {
            long c = chunk_of(f, chunk, t[k]);
            if (c >= 0 && (uint32_t)c != chunk[i])
                ((XlatBlock *)xlat_find_block(f, t[k]))->flags |= XLAT_BLK_REGION;
        }
    }
    for (size_t j = 0; j < f->njts && rc == 0; j++) {
        long from = chunk_of(f, chunk, f->jts[j].jr_pc);
        if (from < 0) {
            /* the jump sits inside a block, not at its start */
            for (size_t i = 0; i < f->nblocks; i++)
                if (f->blocks[i].pc <= f->jts[j].jr_pc)
                    from = chunk[i];
        }
        for (size_t k = 0; k < f->jts[j].ntargets; k++) {
            long c = chunk_of(f, chunk, f->jts[j].targets[k]);
            if (c >= 0 && c != from)
                ((XlatBlock *)xlat_find_block(f, f->jts[j].targets[k]))->flags |= XLAT_BLK_REGION;
        }
    }
    if (rc != 0) {
        free(chunk);
        return rc;
    }

    /* carve the chunks out: funcs of their own, then the entry's chunk stays in f */
    long main_chunk = chunk_of(f, chunk, f->entry);
    XlatBlock *blocks = f->blocks;
    size_t nblocks = f->nblocks;
    XlatJumpTable *jts = f->jts;
    size_t njts = f->njts;
    XlatFunc keep = { 0 };
    for (uint32_t c = 0; c < nchunks && rc == 0; c++) {
        size_t first = 0, n = 0;
        while (chunk[first] != c)
            first++;
        while (first + n < nblocks && chunk[first + n] == c)
            n++;
        XlatFunc nf = { 0 };
        nf.blocks = malloc(n * sizeof *nf.blocks);
        if (!nf.blocks) {
            rc = -ENOMEM;
            break;
        }
        memcpy(nf.blocks, blocks + first, n * sizeof *nf.blocks);
        nf.nblocks = n;
        for (size_t i = 0; i < n; i++)
            nf.ninsns += nf.blocks[i].ninsns;
        /* jump tables go with their jump */
        for (size_t j = 0; j < njts; j++)
            if (jts[j].jr_pc >= nf.blocks[0].pc &&
                (first + n >= nblocks || jts[j].jr_pc < blocks[first + n].pc))
                nf.njts++;
        if (nf.njts) {
            nf.jts = malloc(nf.njts * sizeof *nf.jts);
            if (!nf.jts) {
                free(nf.blocks);
                rc = -ENOMEM;
                break;
            }
            size_t k = 0;
            for (size_t j = 0; j < njts; j++)
                if (jts[j].jr_pc >= nf.blocks[0].pc &&
                    (first + n >= nblocks || jts[j].jr_pc < blocks[first + n].pc)) {
                    nf.jts[k++] = jts[j];
                    jts[j].targets = jts[j].ix.target = NULL; /* moved */
                }
        }
        if ((long)c == main_chunk) {
            nf.entry = f->entry;
            nf.name = f->name;
            keep = nf;
            continue;
        }
        nf.entry = nf.blocks[0].pc;
        nf.blocks[0].flags |= XLAT_BLK_ENTRY;
        char name[160];
        if (f->name)
            snprintf(name, sizeof name, "%s.r%u", f->name, c);
        else
            snprintf(name, sizeof name, "f_%" PRIx64 ".r%u", f->entry, c);
        nf.name = strdup(name);
        if (*nout == *cap) {
            size_t ncap = *cap ? 2 * *cap : 16;
            XlatFunc *no = realloc(*out, ncap * sizeof *no);
            if (!no)
                rc = -ENOMEM;
            else {
                *out = no;
                *cap = ncap;
            }
        }
        if (rc != 0 || !nf.name) {
            free(nf.name);
            free(nf.blocks);
            for (size_t j = 0; j < nf.njts; j++)
                xlat_jt_free(&nf.jts[j]);
            free(nf.jts);
            rc = -ENOMEM;
            break;
        }
        (*out)[(*nout)++] = nf;
    }
    if (rc == 0) {
        for (size_t j = 0; j < njts; j++)
            xlat_jt_free(&jts[j]);
        free(jts);
        free(blocks);
        *f = keep;
    }
    free(chunk);
    return rc;
}

int xlat_split_regions(XlatProgram *p, const FvpFrontend *fe, const XlatCode *code,
                       unsigned max_insns)
{
    XlatFunc *extra = NULL;
    size_t nextra = 0, cap = 0;
    IrBlock blk;
    int rc = 0;

    if (max_insns == 0)
        return 0;
    ir_block_init(&blk, fe->ir_env, 0);
    size_t norig = p->nfuncs;
    for (size_t i = 0; i < norig && rc == 0; i++)
        if (p->funcs[i].ninsns > max_insns)
            rc = split_one(p->funcs, norig, &p->funcs[i], fe, code, max_insns, &blk, &extra,
                           &nextra, &cap);
    ir_block_free(&blk);
    if (rc == 0 && nextra > 0) {
        XlatFunc *nf = realloc(p->funcs, (p->nfuncs + nextra) * sizeof *nf);
        if (!nf) {
            rc = -ENOMEM;
        } else {
            p->funcs = nf;
            memcpy(p->funcs + p->nfuncs, extra, nextra * sizeof *extra);
            p->nfuncs += nextra;
            nextra = 0;
            qsort(p->funcs, p->nfuncs, sizeof *p->funcs, cmp_func);
        }
    }
    for (size_t i = 0; i < nextra; i++) {
        free(extra[i].name);
        free(extra[i].blocks);
        for (size_t j = 0; j < extra[i].njts; j++)
            xlat_jt_free(&extra[i].jts[j]);
        free(extra[i].jts);
    }
    free(extra);
    if (rc != 0)
        return rc;

    /* the program-wide list of region entries, for tail calls across regions */
    size_t n = 0;
    for (size_t i = 0; i < p->nfuncs; i++)
        for (size_t k = 0; k < p->funcs[i].nblocks; k++)
            n += (p->funcs[i].blocks[k].flags & XLAT_BLK_REGION) != 0;
    free(p->xentries);
    p->xentries = NULL;
    p->nxentries = 0;
    if (n == 0)
        return 0;
    p->xentries = malloc(n * sizeof *p->xentries);
    if (!p->xentries)
        return -ENOMEM;
    for (size_t i = 0; i < p->nfuncs; i++)
        for (size_t k = 0; k < p->funcs[i].nblocks; k++)
            if (p->funcs[i].blocks[k].flags & XLAT_BLK_REGION)
                p->xentries[p->nxentries++] =
                    (XlatRegionEntry){ p->funcs[i].blocks[k].pc, (uint32_t)i };
    qsort(p->xentries, p->nxentries, sizeof *p->xentries, cmp_xentry);
    return 0;
}

const XlatFunc *xlat_find_region(const XlatProgram *p, uint64_t pc)
{
    const XlatFunc *f = xlat_find_func(p, pc);
    if (f)
        return f;
    const XlatRegionEntry *x = xlat_find_keyed(p->xentries, p->nxentries, sizeof *p->xentries, pc);
    return x ? &p->funcs[x->func] : NULL;
}

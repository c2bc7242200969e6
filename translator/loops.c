/*
 * Which loop headers poll exit_req (contract in loops.h, docs D30).
 *
 * A loop here is the pc range from a header to the last block that jumps back to it (guest
 * compilers lay loops out contiguously; anything else is caught by the entry check below and
 * keeps its poll).  Over that range, to a fixed point: the registers the loop writes, and
 * which of them may hold a value derived from guest memory (a load, a helper's result, or
 * arithmetic on either).  The loop runs without a poll when one of its exits is a branch
 * whose condition is computed from registers the loop changes and from values that do not
 * come from memory: such a loop ends by its own arithmetic, whatever memory (or a signal
 * handler writing it) does.
 */
#include "translator/loops.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TARGETS = 64, MAX_PASSES = 16 };

/* What a temp's value depends on. */
enum { T_MEM = 1, T_VARY = 2 };

typedef struct LoopScan {
    const XlatFunc *f;
    const IrBlock *const *ir;
    size_t lo, hi;          /* the loop's blocks: indexes lo..hi */
    uint64_t written;       /* registers the loop writes */
    uint64_t mem;           /* of those, the ones that may come from memory */
    bool calls;             /* a block calls out (scan_block) */
    uint8_t *bits;          /* per temp of the block being scanned: T_* */
    size_t cap;
    uint8_t *seen;          /* per block: reached from the loop */
    size_t *queue;          /* blocks reached from the loop, to visit */
    const uint8_t *verdict; /* per block: XLAT_LOOP_* decided so far (NONE: not yet) */
    XlatPollsAt *polls_at;  /* which direct calls poll (NULL: none; system calls do) */
    const void *ctx;
} LoopScan;

static uint64_t reg_bit(int64_t r)
{
    return r >= 0 && r < 64 ? 1ull << r : UINT64_MAX;
}

/*
 * Computes the T_* bits of blk's temps; with update, adds the registers blk sets to
 * s->written (and s->mem).  Sets s->calls when blk holds something after which any register
 * may have any value (a call, an ecall, a helper that writes registers): the loop then keeps
 * its poll.  Returns 0 or -ENOMEM.
 */
static int scan_block(LoopScan *s, const IrBlock *blk, bool update)
{
    if (blk->ntemps > s->cap) {
        uint8_t *nb = realloc(s->bits, blk->ntemps);
        if (!nb)
            return -ENOMEM;
        s->bits = nb;
        s->cap = blk->ntemps;
    }
    memset(s->bits, 0, blk->ntemps);
    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        uint8_t b = 0;
        switch (in->op) {
        case IR_INSN:
        case IR_CONST:
        case IR_FENCE:
            break;
        case IR_GET: {
            uint64_t m = reg_bit(in->imm);
            b = (s->mem & m ? T_MEM : 0) | (s->written & m ? T_VARY : 0);
            break;
        }
        case IR_LOAD:
            b = T_MEM;
            break;
        case IR_CALL:
            if (blk->env->helpers[in->imm].flags & IR_HF_REGS)
                s->calls = true;
            b = T_MEM;
            break;
        case IR_SET:
            if (update) {
                uint64_t m = reg_bit(in->imm);
                s->written |= m;
                if (in->args[0] < blk->ntemps && (s->bits[in->args[0]] & T_MEM))
                    s->mem |= m;
            }
            break;
        case IR_EXIT:
            if (in->aux == IR_EXIT_CALL || in->aux == IR_EXIT_ICALL ||
                in->aux == IR_EXIT_SYSCALL || in->aux == IR_EXIT_SYNC)
                s->calls = true;
            break;
        default:
            for (unsigned a = 0; a < in->nargs && a < 4; a++)
                if (in->args[a] != IR_NO_TEMP && in->args[a] < blk->ntemps)
                    b |= s->bits[in->args[a]];
            break;
        }
        if (in->dst != IR_NO_TEMP && in->dst < blk->ntemps)
            s->bits[in->dst] = b;
    }
    return 0;
}

static bool in_loop(const LoopScan *s, uint64_t pc)
{
    return pc >= s->f->blocks[s->lo].pc && pc <= s->f->blocks[s->hi].pc;
}

/* The pcs of f that control can reach from blk next: its constant targets and, when it ends
 * in a call, the return address; at most max + 1 of them. */
static size_t block_succs(const IrBlock *blk, uint64_t *t, size_t max)
{
    size_t nt = xlat_block_targets(blk, t, max);
    for (uint32_t k = 0; k < blk->ninsns; k++)
        if (blk->insns[k].op == IR_EXIT &&
            (blk->insns[k].aux == IR_EXIT_CALL || blk->insns[k].aux == IR_EXIT_ICALL))
            t[nt++] = blk->end_pc;
    return nt;
}

/* Queues the blocks block j jumps to that are not seen yet; returns the queue's length. */
static size_t push_targets(LoopScan *s, size_t j, size_t nq)
{
    uint64_t t[MAX_TARGETS + 1];
    size_t nt = block_succs(s->ir[j], t, MAX_TARGETS);
    for (size_t k = 0; k < nt; k++) {
        const XlatBlock *b = xlat_find_block(s->f, t[k]);
        if (b && !s->seen[b - s->f->blocks]) {
            s->seen[b - s->f->blocks] = 1;
            s->queue[nq++] = (size_t)(b - s->f->blocks);
        }
    }
    return nq;
}

/* The registers loop lo..hi writes and which of them may come from memory (s->written,
 * s->mem), and whether it calls out (s->calls), to a fixed point.  0 or -ENOMEM. */
static int loop_registers(LoopScan *s)
{
    s->written = s->mem = 0;
    s->calls = false;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        uint64_t w = s->written, m = s->mem;
        for (size_t j = s->lo; j <= s->hi; j++) {
            int rc = scan_block(s, s->ir[j], true);
            if (rc != 0)
                return rc;
        }
        if (w == s->written && m == s->mem)
            return 0;
    }
    s->mem = s->written = UINT64_MAX; /* no fixed point: everything may be anything */
    return 0;
}

/* Whether block blk of the loop lo..hi (after loop_registers) can leave it and decides so
 * by a condition computed from loop arithmetic alone: 1, 0, or -ENOMEM. */
static int exits_on_arith(LoopScan *s, const IrBlock *blk)
{
    uint64_t t[MAX_TARGETS];
    size_t nt = xlat_block_targets(blk, t, MAX_TARGETS);
    bool exits = false;
    for (size_t k = 0; k < nt; k++)
        exits |= !in_loop(s, t[k]);
    if (!exits)
        return 0;
    int rc = scan_block(s, blk, false);
    if (rc != 0)
        return rc;
    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        if (in->op == IR_BRANCH && in->args[0] < blk->ntemps &&
            (s->bits[in->args[0]] & (T_MEM | T_VARY)) == T_VARY)
            return 1;
    }
    return 0;
}

/* Whether blk ends in a call that polls, with no branch before it: a system call, a direct
 * call that s->polls_at approves, or (with s->polls_at) an indirect call: every way one
 * goes checks exit_req before anything else, a translated function's entry, a leaf entry, a
 * host C library function's body or the dispatcher (D67). */
static bool ends_in_polling_call(const LoopScan *s, const IrBlock *blk)
{
    for (uint32_t k = 0; k < blk->ninsns; k++) {
        const IrInsn *in = &blk->insns[k];
        if (in->op == IR_BRANCH)
            return false;
        if (in->op != IR_EXIT)
            continue;
        if (in->aux == IR_EXIT_SYSCALL)
            return true;
        if (in->aux == IR_EXIT_ICALL)
            return s->polls_at != NULL;
        uint64_t pc;
        return in->aux == IR_EXIT_CALL && s->polls_at && xlat_exit_target(blk, k, &pc) &&
               s->polls_at(s->ctx, pc);
    }
    return false;
}

/* Whether every way round the loop lo..hi, from its header back to it, passes a block that
 * ends in a polling call (never, without s->polls_at).  Ways round that leave the pc range
 * come back through a polling header, a polling call or the header (loop_verdict checked
 * that first), and inner cycles are inner loops with verdicts of their own. */
static bool calls_poll_every_round(LoopScan *s)
{
    const XlatFunc *f = s->f;
    uint64_t lo_pc = f->blocks[s->lo].pc;
    if (!s->polls_at)
        return false;
    memset(s->seen, 0, f->nblocks);
    s->seen[s->lo] = 1;
    s->queue[0] = s->lo;
    size_t nq = 1;
    for (size_t qi = 0; qi < nq; qi++) {
        const IrBlock *blk = s->ir[s->queue[qi]];
        if (ends_in_polling_call(s, blk))
            continue;
        uint64_t t[MAX_TARGETS + 1];
        size_t nt = block_succs(blk, t, MAX_TARGETS);
        for (size_t k = 0; k < nt; k++) {
            if (t[k] == lo_pc)
                return false;
            const XlatBlock *b = xlat_find_block(f, t[k]);
            size_t j = b ? (size_t)(b - f->blocks) : 0;
            if (b && j > s->lo && j <= s->hi && !s->seen[j]) {
                s->seen[j] = 1;
                s->queue[nq++] = j;
            }
        }
    }
    return true;
}

/* The verdict on the loop lo..hi (after loop_registers) with nlatches blocks jumping back
 * to its header: XLAT_LOOP_POLL, _COUNTED or _CALLS; or -ENOMEM. */
static int loop_verdict(LoopScan *s, size_t nlatches)
{
    const XlatFunc *f = s->f;
    uint64_t lo_pc = f->blocks[s->lo].pc;
    /* Going round through blocks outside the range back into its middle (the analysis
     * would miss them) or through a jump table: keep it.  Coming back through the header is
     * an enclosing loop, with its own header; entries into the middle from blocks the loop
     * does not reach are fine (compilers often enter a rotated loop at its test), and so
     * are ways back that pass a header already known to poll (an enclosing loop entering
     * its rotated inner loop at the test: the way round polls there) or a call that polls
     * (an out-of-line call of sqrt for a negative argument, back into the loop, D50). */
    for (size_t j = 0; j < f->njts; j++) {
        if (in_loop(s, f->jts[j].jr_pc))
            return XLAT_LOOP_POLL;
        for (size_t k = 0; k < f->jts[j].ntargets; k++)
            if (in_loop(s, f->jts[j].targets[k]) && f->jts[j].targets[k] != lo_pc)
                return XLAT_LOOP_POLL;
    }
    memset(s->seen, 0, f->nblocks);
    size_t nq = 0;
    for (size_t j = s->lo; j <= s->hi; j++)
        s->seen[j] = 1;
    for (size_t j = s->lo; j <= s->hi; j++)
        nq = push_targets(s, j, nq);
    for (size_t qi = 0; qi < nq; qi++) {
        size_t j = s->queue[qi];
        if (s->verdict[j] == XLAT_LOOP_POLL || ends_in_polling_call(s, s->ir[j]))
            continue;
        uint64_t t[MAX_TARGETS + 1];
        size_t nt = block_succs(s->ir[j], t, MAX_TARGETS);
        for (size_t k = 0; k < nt; k++)
            if (in_loop(s, t[k]) && t[k] != lo_pc)
                return XLAT_LOOP_POLL;
        nq = push_targets(s, j, nq);
    }
    /* The latch (the one block that jumps back) or the header leaves the loop on a
     * condition that is loop arithmetic alone.  Every way round the loop passes both, so
     * that condition is tested on every iteration (an exit elsewhere could be skipped by an
     * inner cycle spinning on memory).  The header's test is the counted bound of a rotated
     * loop whose latch compares memory (`while (i < n && a[i] == b[i]) i++`). */
    if (!s->calls && nlatches == 1) {
        int rc = exits_on_arith(s, s->ir[s->hi]);
        if (rc == 0 && s->hi != s->lo)
            rc = exits_on_arith(s, s->ir[s->lo]);
        if (rc != 0)
            return rc < 0 ? rc : XLAT_LOOP_COUNTED;
    }
    return calls_poll_every_round(s) ? XLAT_LOOP_CALLS : XLAT_LOOP_POLL;
}

/* Whether block h of s->f can come back to itself by a way that passes no poll: no block
 * with verdict XLAT_LOOP_POLL (h's own aside) and no block ending in a polling call.  Ways
 * out of the function (returns, tail calls, the dispatcher) come back through an entry check
 * of a function's start; a jump table's jump goes on to each of its targets. */
static bool unpolled_round(LoopScan *s, const uint8_t *loop, size_t h)
{
    const XlatFunc *f = s->f;
    memset(s->seen, 0, f->nblocks);
    s->queue[0] = h;
    size_t nq = 1;
    for (size_t qi = 0; qi < nq; qi++) {
        size_t j = s->queue[qi];
        const IrBlock *blk = s->ir[j];
        if ((j != h && loop[j] == XLAT_LOOP_POLL) || ends_in_polling_call(s, blk))
            continue;
        uint64_t t[MAX_TARGETS + 1];
        size_t nt = block_succs(blk, t, MAX_TARGETS);
        /* every jump table whose jump lies in the block's range: a block's code can overlap
         * another's (compressed and full-size instructions read from other offsets) */
        for (size_t jn = 0; jn <= f->njts; jn++) {
            const XlatJumpTable *jt = jn < f->njts ? &f->jts[jn] : NULL;
            if (jt && (jt->jr_pc < f->blocks[j].pc || jt->jr_pc >= blk->end_pc))
                continue;
            size_t n = jt ? jt->ntargets : nt;
            for (size_t k = 0; k < n; k++) {
                const XlatBlock *b = xlat_find_block(f, jt ? jt->targets[k] : t[k]);
                size_t i = b ? (size_t)(b - f->blocks) : 0;
                if (b && i == h)
                    return true;
                if (b && !s->seen[i]) {
                    s->seen[i] = 1;
                    s->queue[nq++] = i;
                }
            }
        }
    }
    return false;
}

/*
 * One poll on every way round is enough (docs D53): a polling header all of whose ways back
 * to itself pass another poll becomes XLAT_LOOP_COVERED.  Headers are taken from the last
 * to the first, so that of an inner loop (later in the layout, run more often) goes before
 * the outer one's.  Every way round kept a poll before each step, and a header goes only
 * when each of its ways round passes another that still polls, so every way round still
 * passes one.
 */
static void drop_covered_polls(LoopScan *s, uint8_t *loop)
{
    for (size_t h = s->f->nblocks; h-- > 0;)
        if (loop[h] == XLAT_LOOP_POLL && !unpolled_round(s, loop, h))
            loop[h] = XLAT_LOOP_COVERED;
}

int xlat_loop_polls(const XlatFunc *f, const IrBlock *const *ir, uint8_t *loop,
                    uint64_t *chase, XlatPollsAt *polls_at, const void *ctx)
{
    /* last[h]: the last block that jumps back to block h (index + 1; 0: none);
     * latches[h]: how many blocks do */
    size_t *last = calloc(f->nblocks ? f->nblocks : 1, sizeof *last);
    size_t *latches = calloc(f->nblocks ? f->nblocks : 1, sizeof *latches);
    if (!last || !latches) {
        free(last);
        free(latches);
        return -ENOMEM;
    }
    for (size_t i = 0; i < f->nblocks; i++) {
        loop[i] = XLAT_LOOP_NONE;
        if (chase)
            chase[i] = 0;
        uint64_t t[MAX_TARGETS];
        size_t nt = xlat_block_targets(ir[i], t, MAX_TARGETS);
        for (size_t k = 0; k < nt && k < MAX_TARGETS; k++) {
            if (t[k] > f->blocks[i].pc)
                continue;
            const XlatBlock *h = xlat_find_block(f, t[k]);
            if (h && last[h - f->blocks] != i + 1) {
                last[h - f->blocks] = i + 1;
                latches[h - f->blocks]++;
            }
        }
    }
    size_t nb = f->nblocks ? f->nblocks : 1;
    LoopScan s = { .f = f, .ir = ir, .seen = malloc(nb), .queue = malloc(nb * sizeof(size_t)),
                   .verdict = loop, .polls_at = polls_at, .ctx = ctx };
    int rc = s.seen && s.queue ? 0 : -ENOMEM;
    for (size_t h = 0; h < f->nblocks; h++) {
        if (!last[h])
            continue;
        s.lo = h;
        s.hi = last[h] - 1;
        int need = rc == 0 ? loop_registers(&s) : 1;
        if (need == 0 && chase)
            for (size_t j = s.lo; j <= s.hi; j++)
                chase[j] |= s.mem;
        int v = need == 0 ? loop_verdict(&s, latches[h]) : XLAT_LOOP_POLL;
        if (need < 0 || v < 0)
            rc = need < 0 ? need : v;
        loop[h] = v < 0 ? XLAT_LOOP_POLL : (uint8_t)v;

    }
    /* Jump-table targets at or before their jump head loops too: always polled. */
    for (size_t j = 0; j < f->njts; j++)
        for (size_t k = 0; k < f->jts[j].ntargets; k++)
            if (f->jts[j].targets[k] <= f->jts[j].jr_pc) {
                const XlatBlock *b = xlat_find_block(f, f->jts[j].targets[k]);
                if (b)
                    loop[b - f->blocks] = XLAT_LOOP_POLL;
            }
    if (rc == 0)
        drop_covered_polls(&s, loop);
    free(s.bits);
    free(s.seen);
    free(s.queue);
    free(last);
    free(latches);
    return rc;
}

/* What block blk reads before writing, given live_in of the blocks it may jump to. */
static uint64_t block_live(const XlatFunc *f, const IrBlock *blk, const uint64_t *live_in)
{
    uint64_t live = UINT64_MAX; /* after the block: it ends with an IR_EXIT */
    for (uint32_t k = blk->ninsns; k-- > 0;) {
        const IrInsn *in = &blk->insns[k];
        switch (in->op) {
        case IR_EXIT: {
            uint64_t pc;
            const XlatBlock *b = NULL;
            if ((in->aux == IR_EXIT_JUMP || in->aux == IR_EXIT_BRANCH ||
                 in->aux == IR_EXIT_LIMIT) && xlat_exit_target(blk, k, &pc))
                b = xlat_find_block(f, pc);
            live = b ? live_in[b - f->blocks] : UINT64_MAX;
            break;
        }
        case IR_BRANCH: {
            const XlatBlock *b = xlat_find_block(f, (uint64_t)in->imm);
            live |= b ? live_in[b - f->blocks] : UINT64_MAX;
            break;
        }
        case IR_SET:
            if (in->imm >= 0 && in->imm < 64)
                live &= ~(1ull << in->imm);
            break;
        case IR_GET:
            live |= in->imm >= 0 && in->imm < 64 ? 1ull << in->imm : 0;
            break;
        case IR_CALL:
            if (blk->env->helpers[in->imm].flags & (IR_HF_REGS | IR_HF_TRAPS))
                live = UINT64_MAX;
            break;
        default:
            break;
        }
    }
    return live;
}

void xlat_live_regs(const XlatFunc *f, const IrBlock *const *ir, uint64_t *live_in)
{
    enum { MAX_LIVE_PASSES = 1000 };
    memset(live_in, 0, f->nblocks * sizeof *live_in);
    /* backwards over the blocks, to a fixed point: the sets only grow */
    for (int pass = 0; pass < MAX_LIVE_PASSES; pass++) {
        bool changed = false;
        for (size_t i = f->nblocks; i-- > 0;) {
            uint64_t l = block_live(f, ir[i], live_in);
            changed |= l != live_in[i];
            live_in[i] = l;
        }
        if (!changed)
            return;
    }
    for (size_t i = 0; i < f->nblocks; i++)
        live_in[i] = UINT64_MAX;
}

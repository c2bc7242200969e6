/*
 * Unit tests for translator/loops.c: which loop headers keep their exit_req poll (D30).
 * Each case builds a small function of hand-written IR blocks and checks the header's
 * verdict: counted loops go without a poll; loops whose exits depend on memory, that call
 * out, or that come back into their middle through blocks outside their range keep it.
 * And which accesses of a loop are at induction addresses that need no clamp
 * (xlat_loop_ivs, D36, D54).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ir/ir.h"
#include "translator/discover.h"
#include "translator/loop_ivs.h"
#include "translator/loops.h"

enum { NREGS = 64, MAXB = 8 };
enum { X5 = 5, X6 = 6, X7 = 7, X10 = 10 };
enum { H_PLAIN, H_REGS };

static IrRegInfo regs[NREGS];
static const IrHelperInfo helpers[] = {
    [H_PLAIN] = { .name = "plain", .ret = IR_I64, .nargs = 1, .args = { IR_I64 } },
    [H_REGS] = { .name = "regs", .ret = IR_VOID, .nargs = 0, .flags = IR_HF_REGS },
};
static IrEnv env = { regs, NREGS, helpers, 2 };

typedef struct Fn {
    XlatFunc f;
    XlatBlock xb[MAXB];
    IrBlock ir[MAXB];
    const IrBlock *irp[MAXB];
    uint8_t loop[MAXB];
    uint64_t chase[MAXB];
} Fn;

static IrBlock *add_block(Fn *fn, uint64_t pc)
{
    size_t i = fn->f.nblocks++;
    fn->xb[i] = (XlatBlock){ .pc = pc, .ninsns = 1 };
    ir_block_init(&fn->ir[i], &env, pc);
    fn->irp[i] = &fn->ir[i];
    fn->f.blocks = fn->xb;
    return &fn->ir[i];
}

static void fn_init(Fn *fn)
{
    memset(fn, 0, sizeof *fn);
    for (unsigned r = 0; r < NREGS; r++)
        regs[r] = (IrRegInfo){ "r", IR_I64, r == 0 };
}

/* Calls to 0x200 enter a function that polls at its start; calls to 0x300 do not (the
 * host C library). */
static bool polls_at(const void *ctx, uint64_t target)
{
    (void)ctx;
    return target == 0x200;
}

/* The verdict (XLAT_LOOP_*) on the loop headed by header_pc. */
static int verdict(Fn *fn, uint64_t header_pc)
{
    fn->f.entry = fn->xb[0].pc;
    assert_int_equal(xlat_loop_polls(&fn->f, fn->irp, fn->loop, fn->chase, polls_at, NULL), 0);
    for (size_t i = 0; i < fn->f.nblocks; i++)
        if (fn->xb[i].pc == header_pc)
            return fn->loop[i];
    fail_msg("no block at %#llx", (unsigned long long)header_pc);
    return -1;
}

/* Whether the loop headed by header_pc polls. */
static bool run(Fn *fn, uint64_t header_pc)
{
    fn->f.entry = fn->xb[0].pc;
    assert_int_equal(xlat_loop_polls(&fn->f, fn->irp, fn->loop, fn->chase, polls_at, NULL), 0);
    for (size_t i = 0; i < fn->f.nblocks; i++)
        if (fn->xb[i].pc == header_pc) {
            assert_int_not_equal(fn->loop[i], XLAT_LOOP_NONE);
            return fn->loop[i] == XLAT_LOOP_POLL;
        }
    fail_msg("no block at %#llx", (unsigned long long)header_pc);
    return false;
}

static void fn_free(Fn *fn)
{
    for (size_t i = 0; i < fn->f.nblocks; i++)
        ir_block_free(&fn->ir[i]);
}

/* A block at pc that returns (jr ra). */
static void return_block(Fn *fn, uint64_t pc)
{
    IrBlock *b = add_block(fn, pc);
    ir_emit_exit(b, ir_emit_get(b, 1), IR_EXIT_RETURN);
}

/* r = r + k */
static void bump(IrBlock *b, unsigned r, uint64_t k)
{
    ir_emit_set(b, r, ir_emit_bin(b, IR_ADD, ir_emit_get(b, r), ir_emit_const(b, IR_I64, k)));
}

/* if (reg a != reg b) goto target; else fall through to next */
static void branch_ne(IrBlock *b, unsigned a, unsigned rb, uint64_t target, uint64_t next)
{
    IrTemp c = ir_emit_cmp(b, IR_NE, ir_emit_get(b, a), ir_emit_get(b, rb));
    ir_emit_branch(b, c, target, IR_EXIT_BRANCH);
    ir_emit_exit_const(b, next, IR_EXIT_JUMP);
}

static void test_counted(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100); /* x5++ while x5 != x6 */
    bump(a, X5, 1);
    branch_ne(a, X5, X6, 0x100, 0x104);
    add_block(&fn, 0x104);
    assert_false(run(&fn, 0x100));
    fn_free(&fn);
}

static void test_spin_on_memory(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100); /* while (*x10 == 0) x5++ */
    bump(a, X5, 1);
    IrTemp v = ir_emit_load(a, IR_I64, 8, 0, ir_emit_get(a, X10));
    ir_emit_branch(a, ir_emit_cmp(a, IR_EQ, v, ir_emit_const(a, IR_I64, 0)), 0x100,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(a, 0x104, IR_EXIT_JUMP);
    add_block(&fn, 0x104);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);
}

static void test_memory_in_counter(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100); /* x7 = *x10; x5 += x7 while x5 != x6 */
    ir_emit_set(a, X7, ir_emit_load(a, IR_I64, 8, 0, ir_emit_get(a, X10)));
    ir_emit_set(a, X5, ir_emit_bin(a, IR_ADD, ir_emit_get(a, X5), ir_emit_get(a, X7)));
    branch_ne(a, X5, X6, 0x100, 0x104);
    add_block(&fn, 0x104);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);
}

static void test_invariant_condition(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100); /* x5++ while x6 != x7: nothing bounds it */
    bump(a, X5, 1);
    branch_ne(a, X6, X7, 0x100, 0x104);
    add_block(&fn, 0x104);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);
}

static void test_unconditional(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100); /* for (;;) x5++ */
    bump(a, X5, 1);
    ir_emit_exit_const(a, 0x100, IR_EXIT_JUMP);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);
}

/* x5++; call target (returning to 0x104); while x5 != x6 */
static void call_loop(Fn *fn, uint64_t target, IrExitReason why)
{
    fn_init(fn);
    IrBlock *a = add_block(fn, 0x100);
    bump(a, X5, 1);
    ir_emit_exit_const(a, target, why);
    a->end_pc = 0x104;
    branch_ne(add_block(fn, 0x104), X5, X6, 0x100, 0x108);
    add_block(fn, 0x108);
}

/* A call makes any register anything, so the loop is not counted; when the call polls
 * (D50: a translated function's entry, a system call; D67: any indirect call) the loop needs
 * no poll of its own. */
static void test_call_in_loop(void **state)
{
    (void)state;
    Fn fn;
    call_loop(&fn, 0x200, IR_EXIT_CALL);
    assert_int_equal(verdict(&fn, 0x100), XLAT_LOOP_CALLS);
    fn_free(&fn);
    call_loop(&fn, 0x300, IR_EXIT_CALL); /* the host C library: no poll there */
    assert_int_equal(verdict(&fn, 0x100), XLAT_LOOP_POLL);
    fn_free(&fn);
    call_loop(&fn, 0x300, IR_EXIT_SYSCALL);
    assert_int_equal(verdict(&fn, 0x100), XLAT_LOOP_CALLS);
    fn_free(&fn);
    call_loop(&fn, 0x300, IR_EXIT_ICALL); /* wherever it goes, it checks exit_req first */
    assert_int_equal(verdict(&fn, 0x100), XLAT_LOOP_CALLS);
    fn_free(&fn);
}

/* if (x7 != x10) call 0x200; while (x5 != x6): the way round past the call has no poll.
 * With a call on both arms (0x104, 0x10c) every way round has one. */
static void test_call_on_one_path(void **state)
{
    (void)state;
    for (int both = 0; both < 2; both++) {
        Fn fn;
        fn_init(&fn);
        IrBlock *h = add_block(&fn, 0x100);
        bump(h, X5, 1);
        branch_ne(h, X7, X10, 0x104, 0x108);
        IrBlock *c = add_block(&fn, 0x104);
        ir_emit_exit_const(c, 0x200, IR_EXIT_CALL);
        c->end_pc = 0x110;
        IrBlock *o = add_block(&fn, 0x108); /* the other arm */
        if (both) {
            ir_emit_exit_const(o, 0x200, IR_EXIT_CALL);
            o->end_pc = 0x10c;
        } else {
            ir_emit_exit_const(o, 0x110, IR_EXIT_JUMP);
        }
        ir_emit_exit_const(add_block(&fn, 0x10c), 0x110, IR_EXIT_JUMP);
        branch_ne(add_block(&fn, 0x110), X5, X6, 0x100, 0x114);
        add_block(&fn, 0x114);
        assert_int_equal(verdict(&fn, 0x100), both ? XLAT_LOOP_CALLS : XLAT_LOOP_POLL);
        fn_free(&fn);
    }
}

/* Two blocks jump back to the header (0x108 after a call, and 0x10c or 0x110): a loop of
 * several latches is no counted loop, but it needs no poll when both ways round call. */
static void test_two_latches(void **state)
{
    (void)state;
    for (int both = 0; both < 2; both++) {
        Fn fn;
        fn_init(&fn);
        IrBlock *h = add_block(&fn, 0x100); /* x5++; if (x7 != x10) goto 0x10c */
        bump(h, X5, 1);
        branch_ne(h, X7, X10, 0x10c, 0x104);
        IrBlock *c = add_block(&fn, 0x104);
        ir_emit_exit_const(c, 0x200, IR_EXIT_CALL);
        c->end_pc = 0x108;
        branch_ne(add_block(&fn, 0x108), X5, X6, 0x100, 0x114);
        IrBlock *o = add_block(&fn, 0x10c);
        if (both) {
            ir_emit_exit_const(o, 0x200, IR_EXIT_CALL);
            o->end_pc = 0x110;
            branch_ne(add_block(&fn, 0x110), X5, X6, 0x100, 0x114);
        } else {
            branch_ne(o, X5, X6, 0x100, 0x114);
        }
        add_block(&fn, 0x114);
        assert_int_equal(verdict(&fn, 0x100), both ? XLAT_LOOP_CALLS : XLAT_LOOP_POLL);
        fn_free(&fn);
    }
}

/* The loop goes round through a call in a block after its range, whose return comes back
 * into its middle.  To the host C library: the analysis follows the return, so the poll
 * stays (before D50 it missed the return address and called the loop counted).  To a
 * function that polls (nbody's out-of-line call of sqrt for a negative argument): every way
 * round through it polls and the rest is counted, so no poll. */
static void test_call_outside_range(void **state)
{
    (void)state;
    for (int polls = 0; polls < 2; polls++) {
        Fn fn;
        fn_init(&fn);
        bump(add_block(&fn, 0x100), X5, 1);
        ir_emit_exit_const(&fn.ir[0], 0x104, IR_EXIT_JUMP);
        IrBlock *l = add_block(&fn, 0x104); /* if (x7 != x10) goto 0x10c; while (x5 != x6) */
        ir_emit_branch(l, ir_emit_cmp(l, IR_NE, ir_emit_get(l, X7), ir_emit_get(l, X10)),
                       0x10c, IR_EXIT_BRANCH);
        branch_ne(l, X5, X6, 0x100, 0x108);
        add_block(&fn, 0x108);
        IrBlock *c = add_block(&fn, 0x10c); /* call, back into 0x104 */
        ir_emit_exit_const(c, polls ? 0x200 : 0x300, IR_EXIT_CALL);
        c->end_pc = 0x110;
        ir_emit_exit_const(add_block(&fn, 0x110), 0x104, IR_EXIT_JUMP);
        /* to the C library, the way round through the call is a loop of its own at 0x104,
         * which polls, and so covers 0x100's (D53) */
        assert_int_equal(verdict(&fn, 0x100), polls ? XLAT_LOOP_COUNTED : XLAT_LOOP_COVERED);
        assert_int_equal(verdict(&fn, 0x104), polls ? XLAT_LOOP_CALLS : XLAT_LOOP_POLL);
        fn_free(&fn);
    }
}

static void test_helpers(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100); /* a helper that writes registers */
    bump(a, X5, 1);
    ir_emit_call(a, H_REGS, NULL, 0);
    branch_ne(a, X5, X6, 0x100, 0x104);
    add_block(&fn, 0x104);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);

    fn_init(&fn);
    a = add_block(&fn, 0x100); /* x5 = plain(x5): a helper's result is not arithmetic */
    IrTemp arg = ir_emit_get(a, X5);
    ir_emit_set(a, X5, ir_emit_call(a, H_PLAIN, &arg, 1));
    branch_ne(a, X5, X6, 0x100, 0x104);
    add_block(&fn, 0x104);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);
}

/* Entered at its test from before the loop: fine.  Going round through a block after the
 * loop back into its middle: the analysis does not see that block, so the poll stays; that
 * way round is a loop headed by the middle, whose poll then covers the first (D53). */
static void test_middle_entries(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    ir_emit_exit_const(add_block(&fn, 0xf0), 0x104, IR_EXIT_JUMP);
    bump(add_block(&fn, 0x100), X5, 1);
    ir_emit_exit_const(&fn.ir[1], 0x104, IR_EXIT_JUMP);
    branch_ne(add_block(&fn, 0x104), X5, X6, 0x100, 0x108);
    add_block(&fn, 0x108);
    assert_false(run(&fn, 0x100));
    fn_free(&fn);

    fn_init(&fn);
    bump(add_block(&fn, 0x100), X5, 1);
    ir_emit_exit_const(&fn.ir[0], 0x104, IR_EXIT_JUMP);
    branch_ne(add_block(&fn, 0x104), X5, X6, 0x100, 0x108);
    IrBlock *c = add_block(&fn, 0x108); /* if (*x10) goto 0x104 */
    IrTemp v = ir_emit_load(c, IR_I64, 8, 0, ir_emit_get(c, X10));
    ir_emit_branch(c, ir_emit_cmp(c, IR_NE, v, ir_emit_const(c, IR_I64, 0)), 0x104,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(c, 0x10c, IR_EXIT_JUMP);
    add_block(&fn, 0x10c);
    assert_false(run(&fn, 0x100));
    assert_int_equal(verdict(&fn, 0x100), XLAT_LOOP_COVERED);
    assert_true(run(&fn, 0x104));
    fn_free(&fn);
}

/* if (*reg r != 0) goto target; else goto next */
static void branch_on_memory(IrBlock *b, unsigned r, uint64_t target, uint64_t next)
{
    IrTemp v = ir_emit_load(b, IR_I64, 8, 0, ir_emit_get(b, r));
    ir_emit_branch(b, ir_emit_cmp(b, IR_NE, v, ir_emit_const(b, IR_I64, 0)), target,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(b, next, IR_EXIT_JUMP);
}

/* An interpreter's dispatch (vm): two headers that both need a poll on their own, but every
 * way round the later one passes the first, so it goes without (D53); not when the later
 * one also spins on its own. */
static void test_covered(void **state)
{
    (void)state;
    for (int spin = 0; spin < 2; spin++) {
        Fn fn;
        fn_init(&fn);
        branch_on_memory(add_block(&fn, 0x100), X10, 0x10c, 0x104); /* dispatch */
        IrBlock *next = add_block(&fn, 0x104);                        /* next op */
        if (spin)
            branch_on_memory(next, X7, 0x104, 0x108);
        else
            ir_emit_exit_const(next, 0x108, IR_EXIT_JUMP);
        bump(add_block(&fn, 0x108), X10, 8);
        ir_emit_exit_const(&fn.ir[2], 0x100, IR_EXIT_JUMP);
        branch_on_memory(add_block(&fn, 0x10c), X6, 0x104, 0x100); /* a jump op */
        assert_int_equal(verdict(&fn, 0x100), XLAT_LOOP_POLL);
        assert_int_equal(run(&fn, 0x104), spin);
        fn_free(&fn);
    }
}

/* Which registers are read before written (xlat_live_regs, D53). */
static void test_live_regs(void **state)
{
    (void)state;
    for (int how = 0; how < 3; how++) {
        Fn fn;
        fn_init(&fn);
        IrBlock *a = add_block(&fn, 0x100); /* x5 = x6 + 1; if (x5 != x7) goto 0x104 */
        ir_emit_set(a, X5, ir_emit_bin(a, IR_ADD, ir_emit_get(a, X6),
                                       ir_emit_const(a, IR_I64, 1)));
        branch_ne(a, X5, X7, 0x104, 0x108);
        IrBlock *b = add_block(&fn, 0x104); /* x6 = 3; loop */
        ir_emit_set(b, X6, ir_emit_const(b, IR_I64, 3));
        if (how == 1)
            ir_emit_call(b, H_REGS, NULL, 0);
        ir_emit_exit_const(b, how == 2 ? 0x1000 : 0x100, IR_EXIT_JUMP);
        return_block(&fn, 0x108);
        uint64_t live[3];
        xlat_live_regs(&fn.f, fn.irp, live);
        uint64_t x5 = 1ull << X5, x6 = 1ull << X6, x7 = 1ull << X7;
        assert_true(live[2] == UINT64_MAX);   /* a return: everything */
        assert_true(live[0] == ~x5);          /* x5 is written first */
        /* x6 is written here; then the loop writes x5 first, but a helper that may read
         * registers or a way out of the function reads everything */
        assert_true(live[1] == (how == 0 ? ~(x5 | x6) : ~x6));
        assert_true(live[1] & x7);
        fn_free(&fn);
    }
}

/* Two nested counted loops: the outer one re-enters the inner one through its header. */
static void test_nested(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    bump(add_block(&fn, 0x100), X7, 1);       /* outer: x7++ */
    ir_emit_exit_const(&fn.ir[0], 0x104, IR_EXIT_JUMP);
    IrBlock *in = add_block(&fn, 0x104);        /* inner: x5++ while x5 != x6 */
    bump(in, X5, 1);
    branch_ne(in, X5, X6, 0x104, 0x108);
    branch_ne(add_block(&fn, 0x108), X7, X10, 0x100, 0x10c); /* outer: while x7 != x10 */
    add_block(&fn, 0x10c);
    assert_false(run(&fn, 0x104));
    assert_false(run(&fn, 0x100));
    fn_free(&fn);
}

/* The header spins on memory by itself while a counted exit waits further down: two
 * blocks jump back to the header, and the spin never passes the counted test. */
/* A rotated loop whose header holds the counted bound and whose latch compares memory
 * (`while (i != n && a[i] == b[i]) i++`): every iteration passes the header, so no poll;
 * the same with the bound in a block some iterations skip keeps it. */
static void test_counted_header(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *h = add_block(&fn, 0x100); /* x5++; if (x5 == x6) goto out */
    bump(h, X5, 1);
    ir_emit_branch(h, ir_emit_cmp(h, IR_EQ, ir_emit_get(h, X5), ir_emit_get(h, X6)), 0x10c,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(h, 0x104, IR_EXIT_JUMP);
    IrBlock *l = add_block(&fn, 0x104); /* if (x10[x5] == x7[x5]) goto 0x100 */
    IrTemp v = ir_emit_load(l, IR_I64, 1, 0,
                            ir_emit_bin(l, IR_ADD, ir_emit_get(l, X10), ir_emit_get(l, X5)));
    IrTemp w = ir_emit_load(l, IR_I64, 1, 0,
                            ir_emit_bin(l, IR_ADD, ir_emit_get(l, X7), ir_emit_get(l, X5)));
    ir_emit_branch(l, ir_emit_cmp(l, IR_EQ, v, w), 0x100, IR_EXIT_BRANCH);
    ir_emit_exit_const(l, 0x10c, IR_EXIT_JUMP);
    add_block(&fn, 0x10c);
    assert_false(run(&fn, 0x100));
    fn_free(&fn);

    fn_init(&fn);
    h = add_block(&fn, 0x100); /* if (*x10 == 0) goto 0x108 (skipping the bound) */
    IrTemp m = ir_emit_load(h, IR_I64, 8, 0, ir_emit_get(h, X10));
    ir_emit_branch(h, ir_emit_cmp(h, IR_EQ, m, ir_emit_const(h, IR_I64, 0)), 0x108,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(h, 0x104, IR_EXIT_JUMP);
    IrBlock *b = add_block(&fn, 0x104); /* x5++; if (x5 == x6) goto out */
    bump(b, X5, 1);
    ir_emit_branch(b, ir_emit_cmp(b, IR_EQ, ir_emit_get(b, X5), ir_emit_get(b, X6)), 0x10c,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(b, 0x108, IR_EXIT_JUMP);
    l = add_block(&fn, 0x108); /* if (*x7 != 0) goto 0x100 */
    IrTemp n = ir_emit_load(l, IR_I64, 8, 0, ir_emit_get(l, X7));
    ir_emit_branch(l, ir_emit_cmp(l, IR_NE, n, ir_emit_const(l, IR_I64, 0)), 0x100,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(l, 0x10c, IR_EXIT_JUMP);
    add_block(&fn, 0x10c);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);
}

/* An outer loop that polls and enters its rotated inner loop at the test: the inner loop's
 * way back through the outer one passes the outer poll, so the inner one needs none. */
static void test_enter_inner_at_test(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *o = add_block(&fn, 0x100); /* outer: x5 = 0; goto 0x108 */
    ir_emit_set(o, X5, ir_emit_const(o, IR_I64, 0));
    ir_emit_exit_const(o, 0x108, IR_EXIT_JUMP);
    IrBlock *h = add_block(&fn, 0x104); /* inner: x5++; if (x5 == x6) goto 0x10c */
    bump(h, X5, 1);
    ir_emit_branch(h, ir_emit_cmp(h, IR_EQ, ir_emit_get(h, X5), ir_emit_get(h, X6)), 0x10c,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(h, 0x108, IR_EXIT_JUMP);
    IrBlock *l = add_block(&fn, 0x108); /* if (x10[x5] == 0) goto 0x104 */
    IrTemp v = ir_emit_load(l, IR_I64, 1, 0,
                            ir_emit_bin(l, IR_ADD, ir_emit_get(l, X10), ir_emit_get(l, X5)));
    ir_emit_branch(l, ir_emit_cmp(l, IR_EQ, v, ir_emit_const(l, IR_I64, 0)), 0x104,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(l, 0x10c, IR_EXIT_JUMP);
    IrBlock *t = add_block(&fn, 0x10c); /* outer latch: if (*x7 != 0) goto 0x100 */
    IrTemp m = ir_emit_load(t, IR_I64, 8, 0, ir_emit_get(t, X7));
    ir_emit_branch(t, ir_emit_cmp(t, IR_NE, m, ir_emit_const(t, IR_I64, 0)), 0x100,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(t, 0x110, IR_EXIT_JUMP);
    add_block(&fn, 0x110);
    assert_true(run(&fn, 0x100));
    assert_false(run(&fn, 0x104));
    fn_free(&fn);
}

static void test_inner_spin(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *m = add_block(&fn, 0x100); /* while (*x10 == 0) ; */
    IrTemp v = ir_emit_load(m, IR_I64, 8, 0, ir_emit_get(m, X10));
    ir_emit_branch(m, ir_emit_cmp(m, IR_EQ, v, ir_emit_const(m, IR_I64, 0)), 0x100,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(m, 0x104, IR_EXIT_JUMP);
    IrBlock *e = add_block(&fn, 0x104); /* x5++; if (x5 != x6) goto 0x100 */
    bump(e, X5, 1);
    branch_ne(e, X5, X6, 0x100, 0x108);
    add_block(&fn, 0x108);
    assert_true(run(&fn, 0x100));
    fn_free(&fn);
}

/* The registers a loop loads are reported for its blocks (pointer chases keep the range
 * branch); a counted loop reports none. */
static void test_chase(void **state)
{
    (void)state;
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100); /* while ((x10 = *x10) != 0) x5++ */
    bump(a, X5, 1);
    ir_emit_set(a, X10, ir_emit_load(a, IR_I64, 8, 0, ir_emit_get(a, X10)));
    branch_ne(a, X10, 0, 0x100, 0x104);
    add_block(&fn, 0x104);
    assert_true(run(&fn, 0x100));
    assert_true(fn.chase[0] & 1ull << X10);
    assert_false(fn.chase[0] & 1ull << X5);
    assert_int_equal(fn.chase[1], 0);
    fn_free(&fn);

    fn_init(&fn);
    a = add_block(&fn, 0x100);
    bump(a, X5, 1);
    branch_ne(a, X5, X6, 0x100, 0x104);
    add_block(&fn, 0x104);
    assert_false(run(&fn, 0x100));
    assert_int_equal(fn.chase[0], 0);
    fn_free(&fn);
}


/* The induction registers xlat_loop_ivs finds in a one-block loop at 0x100 whose body
 * (before its x5 != x6 test) body() emits: the registers of their keys; addr_of[k] gets the
 * k-th access's key register (-1: none, -2: no such access). */
typedef void (*BodyFn)(IrBlock *b, IrTemp *addrs);

static uint64_t ivs_of(BodyFn body, int8_t *addr_of, uint64_t back_pc)
{
    Fn fn;
    fn_init(&fn);
    IrBlock *a = add_block(&fn, 0x100);
    IrTemp addrs[4] = { IR_NO_TEMP, IR_NO_TEMP, IR_NO_TEMP, IR_NO_TEMP };
    body(a, addrs);
    branch_ne(a, X5, X6, back_pc, 0x104);
    return_block(&fn, 0x104);
    fn.f.entry = 0x100;
    bool entry[2] = { true, false };
    XlatIvs iv;
    assert_int_equal(xlat_loop_ivs(&fn.f, fn.irp, entry, &iv), 0);
    uint64_t mask = 0;
    for (int k = 0; k < 4; k++) {
        int32_t key = addrs[k] == IR_NO_TEMP ? -2 : iv.key_of[0] ? iv.key_of[0][addrs[k]] : -1;
        addr_of[k] = key < 0 ? (int8_t)key : (int8_t)iv.keys[key].reg;
        if (key >= 0) {
            assert_int_equal(iv.keys[key].header, 0);
            assert_int_equal(iv.keys[key].inv, 0);
            mask |= 1ull << iv.keys[key].reg;
        }
    }
    xlat_ivs_free(&iv);
    fn_free(&fn);
    return mask;
}

static IrTemp reg_plus(IrBlock *b, unsigned r, uint64_t k)
{
    return ir_emit_bin(b, IR_ADD, ir_emit_get(b, r), ir_emit_const(b, IR_I64, k));
}

/* x7 = x10[2]; x10 += 8; x10[-1] = x7; x5++ (the stepped pointer read before and after) */
static void body_walk(IrBlock *b, IrTemp *addrs)
{
    addrs[0] = reg_plus(b, X10, 16);
    ir_emit_set(b, X7, ir_emit_load(b, IR_I64, 8, 0, addrs[0]));
    bump(b, X10, 8);
    addrs[1] = reg_plus(b, X10, (uint64_t)-8);
    ir_emit_store(b, 8, 0, addrs[1], ir_emit_get(b, X7));
    addrs[2] = ir_emit_get(b, X10);
    ir_emit_store(b, 1, 0, addrs[2], ir_emit_get(b, X7));
    bump(b, X5, 1);
}

/* as body_walk, but x10 also steps by 8 a second time */
static void body_twice(IrBlock *b, IrTemp *addrs)
{
    body_walk(b, addrs);
    bump(b, X10, 8);
}

/* steps bigger than XLAT_IV_MAX_STEP, offsets bigger than XLAT_IV_MAX_OFFSET */
static void body_big_step(IrBlock *b, IrTemp *addrs)
{
    addrs[0] = ir_emit_get(b, X10);
    ir_emit_set(b, X7, ir_emit_load(b, IR_I64, 8, 0, addrs[0]));
    bump(b, X10, XLAT_IV_MAX_STEP + 1);
    bump(b, X5, 1);
}

static void body_big_offset(IrBlock *b, IrTemp *addrs)
{
    addrs[0] = reg_plus(b, X10, XLAT_IV_MAX_OFFSET + 8);
    ir_emit_set(b, X7, ir_emit_load(b, IR_I64, 8, 0, addrs[0]));
    addrs[1] = reg_plus(b, X10, (uint64_t)-XLAT_IV_MAX_OFFSET);
    ir_emit_set(b, X7, ir_emit_load(b, IR_I64, 8, 0, addrs[1]));
    bump(b, X10, 8);
    bump(b, X5, 1);
}

/* x10 = x11 + 8: not a step of x10; address x10 + x7: not a constant offset */
static void body_other(IrBlock *b, IrTemp *addrs)
{
    addrs[0] = ir_emit_get(b, X10);
    ir_emit_set(b, X7, ir_emit_load(b, IR_I64, 8, 0, addrs[0]));
    ir_emit_set(b, X10, reg_plus(b, 11, 8));
    addrs[1] = ir_emit_bin(b, IR_ADD, ir_emit_get(b, 12), ir_emit_get(b, X7));
    ir_emit_set(b, X7, ir_emit_load(b, IR_I64, 8, 0, addrs[1]));
    bump(b, 12, 8);
    bump(b, X5, 1);
}

/* a helper that may write any register */
static void body_regs_helper(IrBlock *b, IrTemp *addrs)
{
    body_walk(b, addrs);
    ir_emit_call(b, H_REGS, NULL, 0);
}

/* the zero register "stepped" */
static void body_zero(IrBlock *b, IrTemp *addrs)
{
    addrs[0] = reg_plus(b, 0, 16);
    ir_emit_set(b, X7, ir_emit_load(b, IR_I64, 8, 0, addrs[0]));
    bump(b, 0, 8);
    bump(b, X5, 1);
}

/* a jump back to the start before x10's step: that way round skips it */
static void body_back_first(IrBlock *b, IrTemp *addrs)
{
    addrs[0] = ir_emit_get(b, X10);
    IrTemp v = ir_emit_load(b, IR_I64, 8, 0, addrs[0]);
    ir_emit_branch(b, ir_emit_cmp(b, IR_EQ, v, ir_emit_const(b, IR_I64, 0)), 0x100,
                   IR_EXIT_BRANCH);
    bump(b, X10, 8);
    bump(b, X5, 1);
}

static void test_induction_registers(void **state)
{
    (void)state;
    int8_t at[4];
    assert_int_equal(ivs_of(body_walk, at, 0x100), 1ull << X10);
    assert_int_equal(at[0], X10);
    assert_int_equal(at[1], X10);
    assert_int_equal(at[2], X10);
    /* not a loop: the same block jumping elsewhere */
    assert_int_equal(ivs_of(body_walk, at, 0x200), 0);
    assert_int_equal(at[0], -1);
    assert_int_equal(ivs_of(body_twice, at, 0x100), 0);
    assert_int_equal(ivs_of(body_big_step, at, 0x100), 0);
    assert_int_equal(ivs_of(body_big_offset, at, 0x100), 1ull << X10);
    assert_int_equal(at[0], -1);
    assert_int_equal(at[1], X10); /* exactly the limit */
    assert_int_equal(ivs_of(body_other, at, 0x100), 0);
    assert_int_equal(at[0], -1);
    assert_int_equal(at[1], -1);
    assert_int_equal(ivs_of(body_regs_helper, at, 0x100), 0);
    assert_int_equal(ivs_of(body_zero, at, 0x100), 0);
    assert_int_equal(ivs_of(body_back_first, at, 0x100), 0);
}

/*
 * lz's match loop (D54): entered at 0x10c, then the loads at x14 + x10 + x8 and x16 + x14
 * (0x110), the step (0x104) and the test (0x108).  how: 0 as it is; 1 the loads in a block
 * that a way round skips; 2 a call in the loop; 3 the step's block entered from the PC
 * table too; 4 the step inside an inner cycle.
 */
static void test_chain_loop(void **state)
{
    (void)state;
    enum { X8 = 8, X13 = 13, X14 = 14, X15 = 15, X16 = 16, X17 = 17 };
    for (int how = 0; how < 5; how++) {
        Fn fn;
        fn_init(&fn);
        ir_emit_exit_const(add_block(&fn, 0x100), 0x10c, IR_EXIT_JUMP);
        IrBlock *st = add_block(&fn, 0x104); /* x14++; if (x14 == x17) goto 0x118 */
        bump(st, X14, 1);
        if (how == 4) /* while (*x13) spin here */
            branch_on_memory(st, X13, 0x104, 0x108);
        else
            ir_emit_exit_const(st, 0x108, IR_EXIT_JUMP);
        IrBlock *t = add_block(&fn, 0x108);
        ir_emit_branch(t, ir_emit_cmp(t, IR_EQ, ir_emit_get(t, X14), ir_emit_get(t, X17)),
                       0x118, IR_EXIT_BRANCH);
        ir_emit_exit_const(t, 0x10c, IR_EXIT_JUMP);
        IrBlock *b = add_block(&fn, 0x10c);
        if (how == 1) /* if (*x13) goto 0x104 first */
            branch_on_memory(b, X13, 0x104, 0x110);
        else
            ir_emit_exit_const(b, 0x110, IR_EXIT_JUMP);
        IrBlock *m = add_block(&fn, 0x110); /* x15 = x14 + x10; x15 += x8; x13 = x16 + x14 */
        ir_emit_set(m, X15, ir_emit_bin(m, IR_ADD, ir_emit_get(m, X14), ir_emit_get(m, X10)));
        ir_emit_set(m, X15, ir_emit_bin(m, IR_ADD, ir_emit_get(m, X15), ir_emit_get(m, X8)));
        IrTemp a0 = ir_emit_get(m, X15);
        IrTemp a1 = ir_emit_bin(m, IR_ADD, ir_emit_get(m, X16), ir_emit_get(m, X14));
        IrTemp v0 = ir_emit_load(m, IR_I64, 1, 0, a0), v1 = ir_emit_load(m, IR_I64, 1, 0, a1);
        if (how == 2) {
            ir_emit_exit_const(m, 0x300, IR_EXIT_CALL);
            m->end_pc = 0x114;
        } else {
            ir_emit_branch(m, ir_emit_cmp(m, IR_EQ, v0, v1), 0x104, IR_EXIT_BRANCH);
            ir_emit_exit_const(m, 0x118, IR_EXIT_JUMP);
        }
        IrBlock *c = add_block(&fn, 0x114);
        ir_emit_exit_const(c, 0x104, IR_EXIT_JUMP);
        return_block(&fn, 0x118);
        fn.f.entry = 0x100;
        bool entry[7] = { true, how == 3, false, false, false, false, false };
        XlatIvs iv;
        assert_int_equal(xlat_loop_ivs(&fn.f, fn.irp, entry, &iv), 0);
        if (how == 0) {
            assert_non_null(iv.key_of[4]);
            int32_t k0 = iv.key_of[4][a0], k1 = iv.key_of[4][a1];
            assert_true(k0 >= 0 && k1 >= 0 && k0 != k1);
            assert_int_equal(iv.keys[k0].header, 3); /* 0x10c, where the loop is entered */
            assert_int_equal(iv.keys[k0].reg, X14);
            assert_true(iv.keys[k0].inv == ((1ull << X10) | (1ull << X8)));
            assert_int_equal(iv.keys[k1].reg, X14);
            assert_true(iv.keys[k1].inv == 1ull << X16);
            /* the jump from 0x108 back to 0x10c is a way round (0x10c dominates 0x108), the
             * one from 0x104 on to 0x108 is not */
            assert_true(xlat_ivs_dominates(&iv, 3, 2));
            assert_false(xlat_ivs_dominates(&iv, 2, 1));
        } else {
            assert_int_equal(iv.nkeys, 0);
        }
        xlat_ivs_free(&iv);
        fn_free(&fn);
    }
}

/*
 * A block whose pc range holds the jumps of several jump tables (compressed and full-size
 * instructions read from other offsets can overlap): every table counts.  0x100 spins on
 * memory (a polling header); 0x108's range holds a table sending it to 0x100 and one
 * sending it back to 0x104, so 0x104's way round through the second table has no other
 * poll and 0x104 keeps its own.  Then eight tables in one block all listing the header: one
 * latch, not eight (ASan caught the overflow before).
 */
static void test_overlapping_tables(void **state)
{
    (void)state;
    uint64_t to_first[1] = { 0x100 }, to_second[1] = { 0x104 };
    Fn fn;
    fn_init(&fn);
    branch_on_memory(add_block(&fn, 0x100), X10, 0x100, 0x104);
    branch_on_memory(add_block(&fn, 0x104), X6, 0x108, 0x110);
    IrBlock *x = add_block(&fn, 0x108);
    ir_emit_exit(x, ir_emit_get(x, X7), IR_EXIT_INDIRECT);
    x->end_pc = 0x10c;
    return_block(&fn, 0x110);
    XlatJumpTable jts[8] = { { .jr_pc = 0x108, .targets = to_first, .ntargets = 1 },
                             { .jr_pc = 0x10a, .targets = to_second, .ntargets = 1 } };
    fn.f.jts = jts;
    fn.f.njts = 2;
    assert_true(run(&fn, 0x100));
    assert_true(run(&fn, 0x104));
    fn_free(&fn);

    fn_init(&fn);
    IrBlock *h = add_block(&fn, 0x100); /* x7 = *x10; x10 += 8; then 0x104's tables */
    ir_emit_set(h, X7, ir_emit_load(h, IR_I64, 8, 0, ir_emit_get(h, X10)));
    bump(h, X10, 8);
    ir_emit_exit_const(h, 0x104, IR_EXIT_JUMP);
    IrBlock *a = add_block(&fn, 0x104);
    ir_emit_exit(a, ir_emit_get(a, X7), IR_EXIT_INDIRECT);
    a->end_pc = 0x114;
    for (int i = 0; i < 8; i++)
        jts[i] = (XlatJumpTable){ .jr_pc = 0x104 + 2 * (uint64_t)i, .targets = to_first,
                                  .ntargets = 1 };
    fn.f.jts = jts;
    fn.f.njts = 8;
    fn.f.entry = 0x100;
    bool entry[2] = { true, false };
    XlatIvs iv;
    assert_int_equal(xlat_loop_ivs(&fn.f, fn.irp, entry, &iv), 0);
    assert_int_equal(iv.nkeys, 1);
    assert_int_equal(iv.keys[0].reg, X10);
    xlat_ivs_free(&iv);
    fn_free(&fn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counted),
        cmocka_unit_test(test_spin_on_memory),
        cmocka_unit_test(test_memory_in_counter),
        cmocka_unit_test(test_invariant_condition),
        cmocka_unit_test(test_unconditional),
        cmocka_unit_test(test_call_in_loop),
        cmocka_unit_test(test_call_on_one_path),
        cmocka_unit_test(test_call_outside_range),
        cmocka_unit_test(test_two_latches),
        cmocka_unit_test(test_helpers),
        cmocka_unit_test(test_middle_entries),
        cmocka_unit_test(test_covered),
        cmocka_unit_test(test_live_regs),
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_counted_header),
        cmocka_unit_test(test_enter_inner_at_test),
        cmocka_unit_test(test_inner_spin),
        cmocka_unit_test(test_chase),
        cmocka_unit_test(test_induction_registers),
        cmocka_unit_test(test_chain_loop),
        cmocka_unit_test(test_overlapping_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests for the interpreter's block chaining (runtime/interp.c): with
 * no translated code, exec_run lets the interpreter run blocks one after
 * another without coming back between them.  These hand-assembled guests
 * check what must not change by that: instret exact at rdinstret, at exit
 * and at a host fault inside a long chained loop (also across the block
 * budget), code rewritten in place and synced with fence.i (no syscall in
 * between) reached through a remembered successor, and a host signal
 * delivered to a guest spinning in one self-chained block.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>

#include <cmocka.h>

#include "riscv64/rv64_helpers.h"
#include "runtime/exec.h"
#include "runtime/interp.h"
#include "runtime/signal.h"
#include "guest_fixture.h"

#define PG GUEST_PAGE_SIZE
#define CODE 0x10000ull     /* guest code, RWX */
#define DATA 0x20000ull     /* a table of instruction words */
#define UNMAPPED 0x500000ull

enum { RA = 1, T0 = 5, T1 = 6, S0 = 8, S1 = 9, A0 = 10, A1 = 11, A7 = 17,
       S2 = 18, S3 = 19, S4 = 20, S5 = 21 };

/* RISC-V unpriv 20191213 §2.2-2.3 instruction formats, ch. 24 opcodes. */
static uint32_t enc_i(int imm, unsigned rs1, unsigned f3, unsigned rd, unsigned opc)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
}

static uint32_t enc_r(unsigned f7, unsigned rs2, unsigned rs1, unsigned f3, unsigned rd)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | 0x33;
}

static uint32_t enc_s(int imm, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)imm;
    return (u >> 5 & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | 0x23;
}

static uint32_t enc_b(int off, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)off;
    return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
           (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63;
}

static uint32_t enc_jal(unsigned rd, int off)
{
    uint32_t u = (uint32_t)off;
    return (u >> 20 & 1) << 31 | (u >> 1 & 0x3ff) << 21 | (u >> 11 & 1) << 20 |
           (u >> 12 & 0xff) << 12 | rd << 7 | 0x6f;
}

#define ADDI(rd, rs, imm) enc_i(imm, rs, 0, rd, 0x13)
#define SLLI(rd, rs, sh) enc_i(sh, rs, 1, rd, 0x13)
#define ADD(rd, a, b) enc_r(0, b, a, 0, rd)
#define SUB(rd, a, b) enc_r(0x20, b, a, 0, rd)
#define LW(rd, rs, imm) enc_i(imm, rs, 2, rd, 0x03)
#define LD(rd, rs, imm) enc_i(imm, rs, 3, rd, 0x03)
#define SW(rs2, rs1, imm) enc_s(imm, rs2, rs1, 2)
#define BNE(a, b, off) enc_b(off, b, a, 1)
#define JALR(rd, rs, imm) enc_i(imm, rs, 0, rd, 0x67)
#define RDINSTRET(rd) enc_i(0xc02, 0, 2, rd, 0x73) /* csrrs rd, instret, x0 */
#define FENCE_I 0x0000100fu
#define ECALL 0x00000073u

static void put(Process *p, uint64_t at, const uint32_t *code, size_t n)
{
    memcpy(g2h(p->mem, at), code, n * sizeof *code);
}

static int setup(void **state)
{
    Process *p = fixture_process(CODE);
    *state = p;
    if (!p)
        return -1;
    if (guestmem_map(p->mem, CODE, PG, PROT_READ | PROT_WRITE | PROT_EXEC,
                     MAP_PRIVATE | MAP_ANONYMOUS, "code") < 0 ||
        guestmem_map(p->mem, DATA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                     "data") < 0)
        return -1;
    return 0;
}

static void run(Process *p)
{
    assert_int_equal(signal_init(p), 0);
    Interp *it = interp_new(p);
    assert_non_null(it);
    assert_int_equal(exec_run(p, it, NULL), 0);
    interp_free(it);
}

/* A loop of two blocks per iteration, n iterations, between two rdinstret;
 * then exit(0).  Instructions: 3 before the loop (the first rdinstret sees
 * 2 retired), 4 per iteration, then rdinstret, sub, li, li, ecall. */
static void put_counting_loop(Process *p)
{
    const uint32_t code[] = {
        /* 0x00 */ ADDI(A0, 0, 0),
        /* 0x04 */ ADDI(A1, A1, 0),          /* a1 = n (preset) */
        /* 0x08 */ RDINSTRET(S0),
        /* 0x0c */ ADDI(A0, A0, 1),         /* loop: */
        /* 0x10 */ enc_jal(0, 8),           /* -> 0x18, a second block */
        /* 0x14 */ ADDI(A0, A0, 100),       /* skipped */
        /* 0x18 */ ADDI(A1, A1, -1),
        /* 0x1c */ BNE(A1, 0, -0x10),       /* -> loop */
        /* 0x20 */ RDINSTRET(S1),
        /* 0x24 */ SUB(S1, S1, S0),
        /* 0x28 */ ADDI(A7, 0, 93),
        /* 0x2c */ ADDI(A0, 0, 0),
        /* 0x30 */ ECALL,
    };
    put(p, CODE, code, sizeof code / sizeof code[0]);
}

static void test_instret_exact(void **state)
{
    Process *p = *state;
    /* 10000 iterations, 20000 blocks: past the block budget several times */
    const uint64_t n = 10000;
    put_counting_loop(p);
    p->cpu.x[A1] = n;
    run(p);
    assert_true(p->exited);
    assert_int_equal(p->exit_code, 0);
    assert_int_equal(p->cpu.x[S0], 2);
    assert_int_equal(p->cpu.x[S1], 1 + 4 * n);
    assert_int_equal(p->cpu.instret, 3 + 4 * n + 5); /* the ecall retires */
    assert_true(p->st.blocks_executed >= 2 * n);
}

/* A load from an unmapped page after k iterations of a chained loop: the
 * host fault arrives through the FaultGuard with pc and instret exact. */
static void test_fault_in_chained_loop(void **state)
{
    Process *p = *state;
    const int k = 5000;
    const uint32_t code[] = {
        /* 0x00 */ ADDI(A1, A1, 0),          /* a1 = k (preset) */
        /* 0x04 */ ADDI(A1, A1, -1),        /* loop: */
        /* 0x08 */ BNE(A1, 0, -4),
        /* 0x0c */ ADDI(A0, 0, 1),
        /* 0x10 */ LD(A0, S2, 8),           /* s2 = UNMAPPED - 8 */
        /* 0x14 */ ECALL,
    };
    put(p, CODE, code, sizeof code / sizeof code[0]);
    p->cpu.x[A1] = k;
    p->cpu.x[S2] = UNMAPPED - 8;
    run(p);
    assert_int_equal(p->killed_by, SIGSEGV);
    assert_int_equal(p->cpu.pc, CODE + 0x10);
    assert_int_equal(p->cpu.x[A0], 1);
    assert_int_equal(p->cpu.instret, 1 + 2 * (uint64_t)k + 1);
}

/*
 * Code rewritten in place and synced with fence.i, with no syscall between:
 * the call site's block remembers the callee's block, which fence.i must
 * drop.  Each round calls f (a0 = K; ret), then stores the next K's
 * instruction word over f's first instruction and runs fence.i.
 */
static void test_fence_i_drops_chains(void **state)
{
    Process *p = *state;
    const uint32_t code[] = {
        /* 0x00 */ ADDI(S2, 0, 3),          /* rounds */
        /* 0x04 */ enc_jal(RA, 0xfc),       /* loop: call f at 0x100 */
        /* 0x08 */ ADD(S3, S3, A0),
        /* 0x0c */ SLLI(T0, S2, 2),
        /* 0x10 */ ADD(T0, T0, S4),         /* s4 = DATA */
        /* 0x14 */ LW(T1, T0, 0),
        /* 0x18 */ SW(T1, S5, 0),           /* s5 = f */
        /* 0x1c */ FENCE_I,
        /* 0x20 */ ADDI(S2, S2, -1),
        /* 0x24 */ BNE(S2, 0, -0x20),       /* -> loop */
        /* 0x28 */ ADDI(A7, 0, 93),
        /* 0x2c */ ADDI(A0, 0, 0),
        /* 0x30 */ ECALL,
    };
    const uint32_t f[] = { ADDI(A0, 0, 1), JALR(0, RA, 0) };
    const uint32_t table[] = { 0, ADDI(A0, 0, 1000), ADDI(A0, 0, 200), ADDI(A0, 0, 30) };
    put(p, CODE, code, sizeof code / sizeof code[0]);
    put(p, CODE + 0x100, f, 2);
    memcpy(g2h(p->mem, DATA), table, sizeof table);
    p->cpu.x[S4] = DATA;
    p->cpu.x[S5] = CODE + 0x100;
    run(p);
    assert_true(p->exited);
    assert_int_equal(p->cpu.x[S3], 1 + 30 + 200); /* stale code would give 3 */
}

/* A guest spinning in one block that jumps to itself gets a host signal:
 * SIGALRM, whose default action ends it. */
static void test_signal_while_spinning(void **state)
{
    Process *p = *state;
    const uint32_t code[] = {
        /* 0x00 */ ADDI(A0, A0, 1),         /* loop: */
        /* 0x04 */ enc_jal(0, -4),
    };
    put(p, CODE, code, 2);
    struct itimerval tv = { .it_value = { .tv_sec = 0, .tv_usec = 50000 } };
    assert_int_equal(signal_init(p), 0);
    assert_int_equal(setitimer(ITIMER_REAL, &tv, NULL), 0);
    Interp *it = interp_new(p);
    assert_non_null(it);
    assert_int_equal(exec_run(p, it, NULL), 0);
    interp_free(it);
    assert_int_equal(p->killed_by, SIGALRM);
    assert_true(p->cpu.x[A0] > 0);
    /* signals are taken between blocks: after whole iterations */
    assert_int_equal(p->cpu.pc, CODE);
    assert_int_equal(p->cpu.instret, 2 * p->cpu.x[A0]);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_instret_exact),
        T(test_fault_in_chained_loop),
        T(test_fence_i_drops_chains),
        T(test_signal_while_spinning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

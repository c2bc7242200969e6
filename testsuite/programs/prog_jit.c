/* JIT test (a fallback case for fvp-xlat: code that is not in the ELF, written at run time,
 * so it can only be interpreted, and rewritten in place, so stale translations must be
 * dropped): RV64 machine code is encoded into an mmap'd RW buffer, the buffer made R|X with
 * mprotect, the instruction cache synced with __builtin___clear_cache (riscv_flush_icache)
 * and the code called through function pointers; then the buffer is rewritten with
 * different code (mprotect RW, write, mprotect RX, clear cache) and called again.
 * Prints its results and "prog_jit: ok", exits 0. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "check.h"

/* registers (RISC-V unprivileged ISA, ch. 25 calling convention) */
enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, A0 = 10, A1 = 11, A2 = 12 };

/* instruction formats (RISC-V unprivileged ISA §2.2/§2.3) */
static uint32_t enc_r(uint32_t f7, int rs2, int rs1, uint32_t f3, int rd, uint32_t opc)
{
    return f7 << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 | f3 << 12 | (uint32_t)rd << 7 | opc;
}
static uint32_t enc_i(int32_t imm, int rs1, uint32_t f3, int rd, uint32_t opc)
{
    return ((uint32_t)imm & 0xfff) << 20 | (uint32_t)rs1 << 15 | f3 << 12 | (uint32_t)rd << 7 | opc;
}
static uint32_t enc_s(int32_t imm, int rs2, int rs1, uint32_t f3, uint32_t opc)
{
    uint32_t u = (uint32_t)imm;
    return (u >> 5 & 0x7f) << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 | f3 << 12 |
           (u & 0x1f) << 7 | opc;
}
static uint32_t enc_b(int32_t off, int rs2, int rs1, uint32_t f3)
{
    uint32_t u = (uint32_t)off;
    return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | (uint32_t)rs2 << 20 |
           (uint32_t)rs1 << 15 | f3 << 12 | (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63;
}
static uint32_t enc_j(int32_t off, int rd)
{
    uint32_t u = (uint32_t)off;
    return (u >> 20 & 1) << 31 | (u >> 1 & 0x3ff) << 21 | (u >> 11 & 1) << 20 |
           (u >> 12 & 0xff) << 12 | (uint32_t)rd << 7 | 0x6f;
}

static uint32_t add(int rd, int a, int b)  { return enc_r(0x00, b, a, 0, rd, 0x33); }
static uint32_t sub(int rd, int a, int b)  { return enc_r(0x20, b, a, 0, rd, 0x33); }
static uint32_t mul(int rd, int a, int b)  { return enc_r(0x01, b, a, 0, rd, 0x33); }
static uint32_t addi(int rd, int a, int32_t imm) { return enc_i(imm, a, 0, rd, 0x13); }
static uint32_t ld(int rd, int base, int32_t off) { return enc_i(off, base, 3, rd, 0x03); }
static uint32_t sd(int rs, int base, int32_t off) { return enc_s(off, rs, base, 3, 0x23); }
static uint32_t beq(int a, int b, int32_t off) { return enc_b(off, b, a, 0); }
static uint32_t jal(int rd, int32_t off) { return enc_j(off, rd); }
static uint32_t jalr(int rd, int base, int32_t off) { return enc_i(off, base, 0, rd, 0x67); }
static uint32_t ret(void) { return jalr(ZERO, RA, 0); }

enum { PAGE = 4096, BUFSZ = 2 * PAGE };
/* where each generated function lives in the buffer */
enum { OFF_ARITH = 0, OFF_LOOP = 64, OFF_CALL = 128, OFF_CONST = PAGE + 32 };

typedef long (*Fn3)(long, long, long);
typedef long (*Fn1)(long);
typedef long (*FnCb)(long, Fn1);
typedef long (*Fn0)(void);

static uint8_t *g_buf;

static void emit(size_t off, const uint32_t *code, size_t n)
{
    memcpy(g_buf + off, code, n * sizeof code[0]);
}

/* make the buffer RW, or R|X with the instruction cache synced to what was written */
static void set_writable(void)
{
    CHECK(mprotect(g_buf, BUFSZ, PROT_READ | PROT_WRITE) == 0);
}
static void set_executable(void)
{
    CHECK(mprotect(g_buf, BUFSZ, PROT_READ | PROT_EXEC) == 0);
    __builtin___clear_cache((char *)g_buf, (char *)g_buf + BUFSZ);
}

static void *at(size_t off) { return g_buf + off; }

/* round 1: a*b + c, sum 1..n, and x -> cb(x) + 1 (JIT code calling back into C) */
static void gen_round1(void)
{
    const uint32_t arith[] = { mul(A0, A0, A1), add(A0, A0, A2), ret() };
    const uint32_t loop[] = {
        addi(T0, ZERO, 0),
        beq(A0, ZERO, 16),          /* -> mv a0, t0 */
        add(T0, T0, A0),
        addi(A0, A0, -1),
        jal(ZERO, -12),             /* -> beq */
        addi(A0, T0, 0),
        ret(),
    };
    const uint32_t call[] = {
        addi(SP, SP, -16), sd(RA, SP, 8),
        jalr(RA, A1, 0),
        addi(A0, A0, 1),
        ld(RA, SP, 8), addi(SP, SP, 16),
        ret(),
    };
    emit(OFF_ARITH, arith, 3);
    emit(OFF_LOOP, loop, sizeof loop / sizeof loop[0]);
    emit(OFF_CALL, call, sizeof call / sizeof call[0]);
}

/* round 2, over the same addresses: a*b - c, and sum of i*i for i in 1..n */
static void gen_round2(void)
{
    const uint32_t arith[] = { mul(A0, A0, A1), sub(A0, A0, A2), ret() };
    const uint32_t loop[] = {
        addi(T0, ZERO, 0),
        beq(A0, ZERO, 20),          /* -> mv a0, t0 */
        mul(T1, A0, A0),
        add(T0, T0, T1),
        addi(A0, A0, -1),
        jal(ZERO, -16),             /* -> beq */
        addi(A0, T0, 0),
        ret(),
    };
    emit(OFF_ARITH, arith, 3);
    emit(OFF_LOOP, loop, sizeof loop / sizeof loop[0]);
}

/* a C callback that itself calls JIT code: C -> JIT -> C -> JIT */
static long square_plus_one(long x)
{
    return ((Fn3)at(OFF_ARITH))(x, x, 1);
}

static void test_round1(void)
{
    Fn3 arith = (Fn3)at(OFF_ARITH);
    Fn1 loop = (Fn1)at(OFF_LOOP);
    FnCb call = (FnCb)at(OFF_CALL);
    long r1 = arith(6, 7, 8), r2 = arith(-3, 1000003, 5);
    long s1 = loop(100), s2 = loop(0), s3 = loop(100000);
    long c1 = call(9, square_plus_one);
    printf("round 1: %ld %ld | %ld %ld %ld | %ld\n", r1, r2, s1, s2, s3, c1);
    CHECK(r1 == 50 && r2 == -3000004);
    CHECK(s1 == 5050 && s2 == 0 && s3 == 5000050000l);
    CHECK(c1 == 83);
}

static void test_round2(void)
{
    Fn3 arith = (Fn3)at(OFF_ARITH);
    Fn1 loop = (Fn1)at(OFF_LOOP);
    FnCb call = (FnCb)at(OFF_CALL);
    long r1 = arith(6, 7, 8), s1 = loop(100), s2 = loop(3);
    long c1 = call(9, square_plus_one);       /* the unchanged caller, a new callee */
    printf("round 2: %ld | %ld %ld | %ld\n", r1, s1, s2, c1);
    CHECK(r1 == 34);
    CHECK(s1 == 338350 && s2 == 14);
    CHECK(c1 == 81);
}

/* round 3: one instruction (an immediate) patched and called, ten times over */
static void test_patch_loop(void)
{
    long sum = 0;
    for (int i = 0; i < 10; i++) {
        set_writable();
        const uint32_t konst[] = { addi(A0, ZERO, i * 100 + 7), ret() };
        emit(OFF_CONST, konst, 2);
        set_executable();
        long v = ((Fn0)at(OFF_CONST))();
        CHECK(v == i * 100 + 7);
        sum += v;
    }
    printf("round 3: patched constants sum %ld\n", sum);
    CHECK(sum == 4570);
}

int main(void)
{
    g_buf = mmap(NULL, BUFSZ, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g_buf == MAP_FAILED) {
        printf("prog_jit: mmap failed\n");
        return 1;
    }
    gen_round1();
    set_executable();
    test_round1();

    set_writable();
    gen_round2();
    set_executable();
    test_round2();

    test_patch_loop();
    CHECK(munmap(g_buf, BUFSZ) == 0);
    printf("prog_jit: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}

/*
 * Unit tests for translator/fp_observe.c (D31): real RV64 instruction sequences, lifted by the
 * riscv64 frontend, and whether each block observes the FP environment.  The patterns are the
 * ones static glibc contains (a quiet compare between frflags/fsflags, fetestexcept, fesetround,
 * feraiseexcept-style csrs, fegetround) and the fenv save/restore of fcsr.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "frontend.h"
#include "ir/ir.h"
#include "translator/fp_observe.h"

enum { BASE = 0x10000 };

enum {
    FRFLAGS_A4 = 0x00102773u,  /* csrrs a4, fflags, x0 */
    FRFLAGS_A5 = 0x001027f3u,
    FSFLAGS_A4 = 0x00171073u,  /* csrrw x0, fflags, a4 */
    FLT_D_A5 = 0xa2f517d3u,    /* flt.d a5, fa0, fa5 */
    SEXT_W_A5 = 0x0007879bu,   /* addiw a5, a5, 0 */
    AND_A0_A5 = 0x00f57533u,   /* and a0, a0, a5 */
    ADDI_A4_0 = 0x00000713u,   /* li a4, 0 */
    SD_A4 = 0x00e13023u,       /* sd a4, 0(sp) */
    FSRM_A0 = 0x00251073u,     /* csrrw x0, frm, a0 */
    FRRM_A0 = 0x00202573u,     /* csrrs a0, frm, x0 */
    CSRS_NV = 0x00186073u,     /* csrrsi x0, fflags, 16 */
    FRCSR_A1 = 0x003025f3u,    /* csrrs a1, fcsr, x0 */
    FSCSR_A1 = 0x00359073u,    /* csrrw x0, fcsr, a1 */
    FSCSR_A0 = 0x00351073u,    /* csrrw x0, fcsr, a0 */
    FADD_D = 0x02b57553u,      /* fadd.d fa0, fa0, fa1, dyn */
    RDINSTRET_A0 = 0xc0202573u, /* csrrs a0, instret, x0 */
    RDCYCLE_A0 = 0xc0002573u,  /* csrrs a0, cycle, x0 */
    RDTIME_A0 = 0xc0102573u,   /* csrrs a0, time, x0 */
    RET = 0x00008067u,
};

typedef struct Code {
    const uint32_t *w;
    size_t n;
} Code;

static size_t read_code(void *ctx, uint64_t pc, uint8_t *buf, size_t n)
{
    const Code *c = ctx;
    uint64_t end = BASE + 4 * c->n;
    if (pc < BASE || pc >= end)
        return 0;
    size_t k = (size_t)(end - pc) < n ? (size_t)(end - pc) : n;
    memcpy(buf, (const uint8_t *)c->w + (pc - BASE), k);
    return k;
}

/* Whether the block made of the n instructions w observes the FP environment, or (instret)
 * reads instret. */
static bool observes(const uint32_t *w, size_t n, bool instret)
{
    Code c = { w, n };
    IrBlock b;
    ir_block_init(&b, fvp_frontend_riscv64.ir_env, BASE);
    assert_int_equal(fvp_lift_block(&fvp_frontend_riscv64, read_code, &c, BASE, (unsigned)n, &b),
                     0);
    bool r = instret ? xlat_block_reads_instret(&b) : xlat_fp_block_observes(&b);
    ir_block_free(&b);
    return r;
}

#define NWORDS(...) (sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t))
#define OBSERVES(...) observes((const uint32_t[]){ __VA_ARGS__ }, NWORDS(__VA_ARGS__), false)
#define READS_INSTRET(...) observes((const uint32_t[]){ __VA_ARGS__ }, NWORDS(__VA_ARGS__), true)

static void test_unobserved(void **state)
{
    (void)state;
    /* isless(): the flags saved and written back around a quiet compare */
    assert_false(OBSERVES(FRFLAGS_A4, FLT_D_A5, FSFLAGS_A4, RET));
    /* ... with a4 overwritten afterwards */
    assert_false(OBSERVES(FRFLAGS_A4, FLT_D_A5, FSFLAGS_A4, ADDI_A4_0, RET));
    /* raising NV (feraiseexcept-like), reading frm, plain arithmetic */
    assert_false(OBSERVES(CSRS_NV, RET));
    assert_false(OBSERVES(FRRM_A0, RET));
    assert_false(OBSERVES(FADD_D, RET));
    /* fcsr saved and restored */
    assert_false(OBSERVES(FRCSR_A1, FADD_D, FSCSR_A1, RET));
}

static void test_observed(void **state)
{
    (void)state;
    /* fetestexcept: the flags returned in a0 */
    assert_true(OBSERVES(FRFLAGS_A5, SEXT_W_A5, AND_A0_A5, RET));
    /* the flags read and left in a4 */
    assert_true(OBSERVES(FRFLAGS_A4, RET));
    /* the flags stored to memory */
    assert_true(OBSERVES(FRFLAGS_A4, SD_A4, RET));
    /* fesetround */
    assert_true(OBSERVES(FSRM_A0, RET));
    /* fesetenv: fcsr from a register that did not come from fcsr */
    assert_true(OBSERVES(FSCSR_A0, RET));
    /* the flags read, then written back only after a4 was stored */
    assert_true(OBSERVES(FRFLAGS_A4, SD_A4, FSFLAGS_A4, RET));
}

/* Translated code counts instructions only for programs that read instret (docs D40). */
static void test_instret(void **state)
{
    (void)state;
    assert_true(READS_INSTRET(RDINSTRET_A0, RET));
    assert_true(READS_INSTRET(FADD_D, RDCYCLE_A0, RDINSTRET_A0, RET));
    assert_false(READS_INSTRET(RDCYCLE_A0, RET));
    assert_false(READS_INSTRET(RDTIME_A0, FRFLAGS_A4, FSRM_A0, RET));
    assert_false(READS_INSTRET(FADD_D, RET));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unobserved),
        cmocka_unit_test(test_observed),
        cmocka_unit_test(test_instret),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

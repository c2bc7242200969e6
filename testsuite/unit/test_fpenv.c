/*
 * Unit tests for runtime/fpenv.c: the MXCSR native FP code runs under
 * (rounding control from frm, flags harvested into fflags, the default
 * restored), the flag mapping x86 -> RISC-V, and the modes without a host
 * equivalent (RMM, reserved) that must keep native code off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime/fpenv.h"

static uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* 1/3 computed in whatever mode MXCSR holds (volatile: not folded). */
static double third(void)
{
    volatile double one = 1.0, three = 3.0;
    return one / three;
}

static void test_flag_mapping(void **state)
{
    (void)state;
    assert_int_equal(fvp_fp_mxcsr_fflags(0x01), RV_FFLAG_NV);
    assert_int_equal(fvp_fp_mxcsr_fflags(0x02), 0); /* DE: no RISC-V flag */
    assert_int_equal(fvp_fp_mxcsr_fflags(0x04), RV_FFLAG_DZ);
    assert_int_equal(fvp_fp_mxcsr_fflags(0x08), RV_FFLAG_OF);
    assert_int_equal(fvp_fp_mxcsr_fflags(0x10), RV_FFLAG_UF);
    assert_int_equal(fvp_fp_mxcsr_fflags(0x20), RV_FFLAG_NX);
    assert_int_equal(fvp_fp_mxcsr_fflags(0x3f), 0x1f);
    /* masks and rounding bits are not flags */
    assert_int_equal(fvp_fp_mxcsr_fflags(FVP_MXCSR_DEFAULT | 0x6000), 0);
}

#if defined(__x86_64__)
static void test_rounding_follows_frm(void **state)
{
    (void)state;
    RvCpu c;
    memset(&c, 0, sizeof c);
    /* 1/3 = 0x3fd5555555555555 (RNE, RTZ, RDN), ...56 (RUP) */
    static const uint64_t want[4] = { 0x3fd5555555555555ull, 0x3fd5555555555555ull,
                                      0x3fd5555555555555ull, 0x3fd5555555555556ull };
    static const uint32_t rc[4] = { 0, 3, 1, 2 }; /* MXCSR RC of RNE RTZ RDN RUP */
    for (uint32_t m = 0; m < 4; m++) {
        c.frm = m;
        c.fflags = 0;
        assert_int_equal(fvp_fp_enter(&c), 0);
        assert_int_equal((__builtin_ia32_stmxcsr() >> 13) & 3, rc[m]);
        double r = third();
        fvp_fp_leave(&c);
        assert_true(dbits(r) == want[m]);
        assert_int_equal(c.fflags, RV_FFLAG_NX);
        assert_int_equal(__builtin_ia32_stmxcsr(), FVP_MXCSR_DEFAULT);
    }
    /* -1/3 in RDN rounds away from zero, in RTZ towards it */
    c.frm = 2;
    fvp_fp_enter(&c);
    volatile double m1 = -1.0, three = 3.0;
    double r = m1 / three;
    fvp_fp_leave(&c);
    assert_true(dbits(r) == 0xbfd5555555555556ull);
}

static void test_flags_accrue_and_stick(void **state)
{
    (void)state;
    RvCpu c;
    memset(&c, 0, sizeof c);
    c.fflags = RV_FFLAG_UF; /* already set: must stay */
    fvp_fp_enter(&c);
    volatile double zero = 0.0, one = 1.0, big = 1e308;
    volatile double r1 = one / zero; /* DZ */
    volatile double r2 = big * big;  /* OF NX */
    volatile double r3 = zero / zero; /* NV */
    (void)r1;
    (void)r2;
    (void)r3;
    fvp_fp_leave(&c);
    assert_int_equal(c.fflags, RV_FFLAG_UF | RV_FFLAG_DZ | RV_FFLAG_OF | RV_FFLAG_NX |
                                   RV_FFLAG_NV);
    /* exact work raises nothing */
    c.fflags = 0;
    fvp_fp_enter(&c);
    volatile double r4 = one + one;
    (void)r4;
    fvp_fp_leave(&c);
    assert_int_equal(c.fflags, 0);
}

static void test_no_host_mode(void **state)
{
    (void)state;
    RvCpu c;
    memset(&c, 0, sizeof c);
    for (uint32_t m = 4; m < 8; m++) {
        c.frm = m;
        assert_int_equal(fvp_fp_enter(&c), 1);
        assert_int_equal(__builtin_ia32_stmxcsr(), FVP_MXCSR_DEFAULT);
    }
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flag_mapping),
#if defined(__x86_64__)
        cmocka_unit_test(test_rounding_follows_frm),
        cmocka_unit_test(test_flags_accrue_and_stick),
        cmocka_unit_test(test_no_host_mode),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests for runtime/libc_host.c: the host string functions translated
 * code calls for the guest's.  The parts no guest program can reach on both
 * engines: strings and ranges that run into the end of the guest space
 * (the guest's page fault at the first address outside it, never a host
 * access beyond it), the return protocol ({status, a0}, the guest's registers and pc left
 * alone) and the exact values.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "ir/ir.h"
#include "riscv64/rv64_helpers.h"
#include "runtime/guestmem.h"
#include "runtime/libc_host.h"

#define PG 4096ull
#define TOP (GUEST_SPACE_SIZE - PG)  /* the last page of the guest space */
#define LOW 0x10000ull
#define RA_PC 0x4444ull

typedef struct Fx {
    GuestMem m;
    RvCpu c;
} Fx;

static int setup(void **state)
{
    static Fx fx;
    memset(&fx, 0, sizeof fx);
    if (guestmem_init(&fx.m) != 0)
        return -1;
    int anon = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
    if (guestmem_map(&fx.m, LOW, 4 * PG, PROT_READ | PROT_WRITE, anon, "") < 0 ||
        guestmem_map(&fx.m, TOP, PG, PROT_READ | PROT_WRITE, anon, "") < 0)
        return -1;
    fx.c.mem_base = (uint64_t)(uintptr_t)fx.m.base;
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    Fx *fx = *state;
    guestmem_destroy(&fx->m);
    return 0;
}

/* Calls f(a0, a1, a2) with other values in the vCPU's a0-a2, ra and pc, which it must leave
 * alone; returns its status and puts its a0 into the vCPU's a0 as translated code does. */
static int call(Fx *fx, FvpLibcRet (*f)(RvCpu *, uint64_t, uint64_t, uint64_t), uint64_t a0,
                uint64_t a1, uint64_t a2)
{
    for (int r = 0; r < 32; r++)
        fx->c.x[r] = 0x5050 + (uint64_t)r;
    fx->c.x[1] = RA_PC;
    fx->c.pc = 0x1234; /* the function's entry */
    fx->c.trap_cause = fx->c.trap_tval = 0;
    FvpLibcRet r = f(&fx->c, a0, a1, a2);
    for (int k = 2; k < 32; k++)
        assert_true(fx->c.x[k] == 0x5050 + (uint64_t)k);
    assert_true(fx->c.x[1] == RA_PC);
    assert_true(fx->c.pc == 0x1234);
    assert_true(r.status == IR_EXIT_RETURN || r.status == IR_EXIT_TRAP);
    if (r.status == IR_EXIT_RETURN)
        fx->c.x[10] = r.a0;
    return (int)r.status;
}

static char *g(Fx *fx, uint64_t a)
{
    return (char *)fx->m.base + a;
}

static void test_return_protocol(void **state)
{
    Fx *fx = *state;
    strcpy(g(fx, LOW), "hello");
    assert_int_equal(call(fx, fvp_libc_strlen, LOW, 0, 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == 5);
    strcpy(g(fx, LOW + 64), "hellp");
    assert_int_equal(call(fx, fvp_libc_memcmp, LOW, LOW + 64, 5), IR_EXIT_RETURN);
    assert_true((int64_t)fx->c.x[10] == 'o' - 'p'); /* the byte difference, sign-extended */
    assert_int_equal(call(fx, fvp_libc_stpcpy, LOW + 128, LOW, 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == LOW + 128 + 5);
    assert_string_equal(g(fx, LOW + 128), "hello");
    assert_int_equal(call(fx, fvp_libc_strchr, LOW, 0, 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == LOW + 5); /* the terminator */
    assert_int_equal(call(fx, fvp_libc_strchr, LOW, 'z', 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == 0);
    assert_int_equal(call(fx, fvp_libc_memchr, LOW, 'l' + 256, 5), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == LOW + 2); /* c as unsigned char */
}

/* A string that fills the last page unterminated: the guest reads on to the
 * end of the space and faults there; the host must not read past it. */
static void test_string_at_the_end(void **state)
{
    Fx *fx = *state;
    memset(g(fx, TOP), 'x', PG);
    assert_int_equal(call(fx, fvp_libc_strlen, TOP + 100, 0, 0), IR_EXIT_TRAP);
    assert_true(fx->c.trap_cause == RV_CAUSE_LOAD_PAGE_FAULT);
    assert_true(fx->c.trap_tval == GUEST_SPACE_SIZE);
    assert_true(fx->c.pc == 0x1234);
    assert_int_equal(call(fx, fvp_libc_strchr, TOP, 'y', 0), IR_EXIT_TRAP);
    assert_true(fx->c.trap_tval == GUEST_SPACE_SIZE);
    assert_int_equal(call(fx, fvp_libc_strcpy, LOW, TOP + 5, 0), IR_EXIT_TRAP);
    /* bounded where the guest's would stop first: no fault */
    assert_int_equal(call(fx, fvp_libc_strnlen, TOP + 100, PG - 100, 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == PG - 100);
    assert_int_equal(call(fx, fvp_libc_strnlen, TOP + 100, PG, 0), IR_EXIT_TRAP);
    assert_int_equal(call(fx, fvp_libc_memchr, TOP, 'y', PG), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == 0);
    assert_int_equal(call(fx, fvp_libc_memchr, TOP, 'y', PG + 1), IR_EXIT_TRAP);
    g(fx, TOP)[PG - 1] = 'y';
    assert_int_equal(call(fx, fvp_libc_memchr, TOP, 'y', ~0ull), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == TOP + PG - 1); /* found before the end: no fault */
    g(fx, TOP)[PG - 1] = 'x';
    /* equal and unterminated up to the end: strcmp reads on and faults */
    assert_int_equal(call(fx, fvp_libc_strcmp, TOP + 3, TOP + 3, 0), IR_EXIT_TRAP);
    assert_true(fx->c.trap_tval == GUEST_SPACE_SIZE);
    assert_int_equal(call(fx, fvp_libc_strncmp, TOP + 3, TOP + 3, PG - 3), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == 0);
    memset(g(fx, LOW), 'x', 64);
    g(fx, LOW)[40] = 'y';
    assert_int_equal(call(fx, fvp_libc_strcmp, LOW, TOP + 1, 0), IR_EXIT_RETURN);
    assert_true((int64_t)fx->c.x[10] == 'y' - 'x');
    g(fx, TOP)[PG - 1] = 0;
    assert_int_equal(call(fx, fvp_libc_strlen, TOP, 0, 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == PG - 1);
}

/* strcmp/strncmp against a byte loop: one difference or terminator at every position of
 * the first 70 bytes, at every pair of alignments, and strings crossing a page (the 16-byte
 * steps stop at the first page end of either string; the answer must not change). */
static int ref_cmp(const uint8_t *a, const uint8_t *b, uint64_t n)
{
    for (uint64_t i = 0; i < n; i++)
        if (a[i] != b[i] || a[i] == 0)
            return (int)a[i] - (int)b[i];
    return 0;
}

static void test_compare_positions(void **state)
{
    Fx *fx = *state;
    uint8_t *base = (uint8_t *)g(fx, LOW);
    for (int cross = 0; cross < 2; cross++)
        for (unsigned al = 0; al < 16; al++)
            for (unsigned bl = 0; bl < 16; bl += 5)
                for (unsigned pos = 0; pos < 70; pos++)
                    for (int kind = 0; kind < 3; kind++) {
                        /* a in page 0 (or ending up across pages 0-1), b in page 2 */
                        uint64_t a = LOW + (cross ? PG - 40 : 0) + al, b = LOW + 2 * PG + bl;
                        uint8_t *pa = base + (a - LOW), *pb = base + (b - LOW);
                        for (unsigned i = 0; i < 100; i++)
                            pa[i] = pb[i] = (uint8_t)('a' + (i * 7) % 26);
                        pa[100] = pb[100] = 0;
                        if (kind == 0)
                            pb[pos] = 0xe9;  /* b differs, high byte */
                        else if (kind == 1)
                            pa[pos] = 0;     /* a ends first */
                        else
                            pa[pos] = pb[pos] = 0; /* both end: equal */
                        int want = ref_cmp(pa, pb, ~0ull);
                        assert_int_equal(call(fx, fvp_libc_strcmp, a, b, 0), IR_EXIT_RETURN);
                        assert_int_equal((int64_t)fx->c.x[10], want);
                        for (uint64_t n = pos > 2 ? pos - 2 : 0; n < pos + 3; n++) {
                            assert_int_equal(call(fx, fvp_libc_strncmp, a, b, n), IR_EXIT_RETURN);
                            assert_int_equal((int64_t)fx->c.x[10], ref_cmp(pa, pb, n));
                        }
                    }
}

/* strchr against a byte loop: the byte sought or the terminator at every position of the
 * first 70 bytes, at every alignment, within a page and across one. */
static void test_strchr_positions(void **state)
{
    Fx *fx = *state;
    uint8_t *base = (uint8_t *)g(fx, LOW);
    for (int cross = 0; cross < 2; cross++)
        for (unsigned al = 0; al < 32; al++)
            for (unsigned pos = 0; pos < 70; pos++)
                for (int kind = 0; kind < 3; kind++) {
                    uint64_t a = LOW + (cross ? PG - 40 : 0) + al;
                    uint8_t *pa = base + (a - LOW);
                    for (unsigned i = 0; i < 100; i++)
                        pa[i] = (uint8_t)('a' + (i * 7) % 25); /* no 'z' */
                    pa[100] = 0;
                    int ch = kind == 2 ? 0 : 'z';
                    if (kind == 0)
                        pa[pos] = 'z';
                    else
                        pa[pos] = 0;
                    uint64_t want = 0;
                    for (unsigned i = 0;; i++)
                        if (pa[i] == ch || !pa[i]) {
                            want = pa[i] == ch ? a + i : 0;
                            break;
                        }
                    assert_int_equal(call(fx, fvp_libc_strchr, a, (uint64_t)ch, 0),
                                     IR_EXIT_RETURN);
                    assert_int_equal(fx->c.x[10], want);
                }
}

static void test_ranges_outside(void **state)
{
    Fx *fx = *state;
    /* a copy into the end of the space: a store fault at its end */
    assert_int_equal(call(fx, fvp_libc_memcpy, TOP + 8, LOW, PG), IR_EXIT_TRAP);
    assert_true(fx->c.trap_cause == RV_CAUSE_STORE_PAGE_FAULT);
    assert_true(fx->c.trap_tval == GUEST_SPACE_SIZE);
    /* from beyond it: a load fault at the source */
    assert_int_equal(call(fx, fvp_libc_memcpy, LOW, GUEST_SPACE_SIZE + 64, 8), IR_EXIT_TRAP);
    assert_true(fx->c.trap_cause == RV_CAUSE_LOAD_PAGE_FAULT);
    assert_true(fx->c.trap_tval == GUEST_SPACE_SIZE + 64);
    /* lengths that wrap around */
    assert_int_equal(call(fx, fvp_libc_memset, LOW, 0, ~0ull), IR_EXIT_TRAP);
    assert_int_equal(call(fx, fvp_libc_memcmp, LOW, LOW, ~0ull - 3), IR_EXIT_TRAP);
    assert_int_equal(call(fx, fvp_libc_memmove, ~0ull - 8, LOW, 16), IR_EXIT_TRAP);
    assert_true(fx->c.trap_tval == ~0ull - 8);
    /* zero lengths touch nothing, wherever they point */
    assert_int_equal(call(fx, fvp_libc_memcpy, ~0ull, ~0ull, 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == ~0ull);
    assert_int_equal(call(fx, fvp_libc_memcmp, ~0ull, 0, 0), IR_EXIT_RETURN);
    assert_true(fx->c.x[10] == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_return_protocol, setup, teardown),
        cmocka_unit_test_setup_teardown(test_string_at_the_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ranges_outside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare_positions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strchr_positions, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

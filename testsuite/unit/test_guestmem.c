/*
 * Unit tests for runtime/guestmem.c (the reserved guest region, the VMA list,
 * guarded copies) and runtime/mm.c (brk, mmap, munmap, mprotect, mremap,
 * madvise, /proc/self/maps text).  Each test gets a fresh Process with a
 * freshly reserved guest space.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/guestmem.h"
#include "runtime/mm.h"
#include "runtime/process.h"

#define PG GUEST_PAGE_SIZE
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define A0 0x100000ull   /* a test area well above mmap_min_addr */

static int setup(void **state)
{
    Process *p = NULL;
    if (process_new(&p) != 0)
        return -1;
    p->mem->brk_start = p->mem->brk_cur = 0x400000;
    p->mem->brk_max = 0x400000 + (64ull << 20);
    *state = p;
    return 0;
}

static int teardown(void **state)
{
    process_free(*state);
    return 0;
}

/* Checks the VMA list against a table of {start, end, prot}. */
typedef struct VmaWant {
    uint64_t start, end;
    int prot;
} VmaWant;

static void expect_vmas(const GuestMem *m, const VmaWant *w, size_t n)
{
    assert_int_equal(m->nvmas, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(m->vmas[i].start, w[i].start);
        assert_int_equal(m->vmas[i].end, w[i].end);
        assert_int_equal(m->vmas[i].prot, w[i].prot);
    }
}

/* ---- guestmem ---------------------------------------------------------------- */

static void test_init(void **state)
{
    Process *p = *state;
    assert_non_null(p->mem->base);
    assert_int_equal(p->mem->limit, GUEST_SPACE_SIZE);
    assert_int_equal(p->mem->nvmas, 0);
    assert_int_equal(p->mem->mmap_top, GUEST_MMAP_TOP);
    /* nothing mapped: every guarded access fails cleanly */
    uint8_t b[8];
    assert_int_equal(guest_read(p->mem, b, A0, 8), -EFAULT);
    assert_int_equal(guest_write(p->mem, A0, b, 8), -EFAULT);
}

static void test_map_bad_args(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    assert_int_equal(guestmem_map(m, A0 + 1, PG, RW, ANON, ""), -EINVAL);
    assert_int_equal(guestmem_map(m, A0, PG + 1, RW, ANON, ""), -EINVAL);
    assert_int_equal(guestmem_map(m, A0, 0, RW, ANON, ""), -EINVAL);
    assert_int_equal(guestmem_map(m, GUEST_SPACE_SIZE, PG, RW, ANON, ""), -ENOMEM);
    assert_int_equal(guestmem_map(m, GUEST_SPACE_SIZE - PG, 2 * PG, RW, ANON, ""), -ENOMEM);
    assert_int_equal(guestmem_map(m, ~0ull & ~(PG - 1), PG, RW, ANON, ""), -ENOMEM);
    assert_int_equal(guestmem_unmap(m, A0, 0), -EINVAL);
    assert_int_equal(guestmem_protect(m, A0, PG, PROT_READ), -ENOMEM);
    assert_int_equal(m->nvmas, 0);
}

static void test_map_unmap_split_merge(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    assert_int_equal(guestmem_map(m, A0, 4 * PG, RW, ANON, "a"), 0);
    assert_int_equal(guestmem_map(m, A0 + 4 * PG, 2 * PG, RW, ANON, "a"), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + 6 * PG, RW } }, 1);   /* merged */
    assert_string_equal(m->vmas[0].name, "a");

    /* punch a hole in the middle: split in two */
    assert_int_equal(guestmem_unmap(m, A0 + 2 * PG, PG), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + 2 * PG, RW }, { A0 + 3 * PG, A0 + 6 * PG, RW } }, 2);
    assert_null(guestmem_find_vma(m, A0 + 2 * PG));
    assert_non_null(guestmem_find_vma(m, A0 + 3 * PG));

    /* data survives in the remaining pages, the hole reads as -EFAULT */
    uint32_t v = 0x12345678, r = 0;
    assert_int_equal(guest_write(m, A0 + 5 * PG, &v, 4), 0);
    assert_int_equal(guest_read(m, &r, A0 + 5 * PG, 4), 0);
    assert_int_equal(r, v);
    assert_int_equal(guest_read(m, &r, A0 + 2 * PG + 8, 4), -EFAULT);
    assert_int_equal(guest_read(m, &r, A0 + 2 * PG - 2, 4), -EFAULT);

    /* refill the hole: everything merges back */
    assert_int_equal(guestmem_map(m, A0 + 2 * PG, PG, RW, ANON, "a"), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + 6 * PG, RW } }, 1);

    /* a different name does not merge */
    assert_int_equal(guestmem_map(m, A0 + 6 * PG, PG, RW, ANON, "b"), 0);
    assert_int_equal(m->nvmas, 2);

    /* unmap across both and beyond, including unmapped space */
    assert_int_equal(guestmem_unmap(m, A0 + PG, 100 * PG), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + PG, RW } }, 1);
    assert_int_equal(guestmem_unmap(m, A0, PG), 0);
    assert_int_equal(m->nvmas, 0);
}

static void test_map_replaces_and_zeroes(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    assert_int_equal(guestmem_map(m, A0, 4 * PG, RW, ANON, ""), 0);
    memset(g2h(m, A0), 0xab, 4 * PG);
    assert_int_equal(guestmem_map(m, A0 + PG, PG, PROT_READ, ANON, ""), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + PG, RW }, { A0 + PG, A0 + 2 * PG, PROT_READ },
                                { A0 + 2 * PG, A0 + 4 * PG, RW } }, 3);
    uint8_t b[PG];
    assert_int_equal(guest_read(m, b, A0 + PG, PG), 0);
    for (size_t i = 0; i < PG; i++)
        assert_int_equal(b[i], 0);
    assert_int_equal(((uint8_t *)g2h(m, A0))[PG - 1], 0xab);
}

static void test_protect_split_merge(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    assert_int_equal(guestmem_map(m, A0, 8 * PG, RW, ANON, ""), 0);
    assert_int_equal(guestmem_protect(m, A0 + 2 * PG, 2 * PG, PROT_READ), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + 2 * PG, RW }, { A0 + 2 * PG, A0 + 4 * PG, PROT_READ },
                                { A0 + 4 * PG, A0 + 8 * PG, RW } }, 3);
    uint8_t x = 1;
    assert_int_equal(guest_write(m, A0 + 2 * PG, &x, 1), -EFAULT);
    assert_int_equal(guest_read(m, &x, A0 + 2 * PG, 1), 0);
    assert_int_equal(guest_write(m, A0 + 2 * PG - 1, (uint8_t[2]){ 0 }, 2), -EFAULT);
    /* protect the middle and the right part: middle + right merge */
    assert_int_equal(guestmem_protect(m, A0 + 4 * PG, 4 * PG, PROT_READ), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + 2 * PG, RW }, { A0 + 2 * PG, A0 + 8 * PG, PROT_READ } }, 2);
    /* back to RW everywhere: one VMA */
    assert_int_equal(guestmem_protect(m, A0, 8 * PG, RW), 0);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + 8 * PG, RW } }, 1);
    /* a range running into unmapped space: -ENOMEM, nothing changed */
    assert_int_equal(guestmem_protect(m, A0 + 6 * PG, 4 * PG, PROT_READ), -ENOMEM);
    expect_vmas(m, (VmaWant[]){ { A0, A0 + 8 * PG, RW } }, 1);
    /* PROT_NONE pages are neither readable nor writable through the guards */
    assert_int_equal(guestmem_protect(m, A0, PG, PROT_NONE), 0);
    assert_int_equal(guest_read(m, &x, A0, 1), -EFAULT);
    assert_false(guestmem_check(m, A0, 1, PROT_READ));
    assert_true(guestmem_check(m, A0, 1, 0));
}

static void test_find_free(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    uint64_t top = m->mmap_top;
    assert_int_equal(guestmem_find_free(m, PG, 0), top - PG);
    assert_int_equal(guestmem_map(m, top - 4 * PG, 4 * PG, RW, ANON, ""), 0);
    assert_int_equal(guestmem_find_free(m, PG, 0), top - 5 * PG);
    /* a gap of 2 pages below: a 2-page request fits there, 3 pages go lower */
    assert_int_equal(guestmem_map(m, top - 10 * PG, 4 * PG, RW, ANON, ""), 0);
    assert_int_equal(guestmem_find_free(m, 2 * PG, 0), top - 6 * PG);
    assert_int_equal(guestmem_find_free(m, 3 * PG, 0), top - 13 * PG);
    /* a mapping straddling mmap_top */
    assert_int_equal(guestmem_map(m, top - PG, 4 * PG, RW, ANON, ""), 0);
    assert_int_equal(guestmem_find_free(m, PG, 0), top - 5 * PG);
    /* hints: used when free, ignored when taken, aligned down */
    assert_int_equal(guestmem_find_free(m, PG, A0), A0);
    assert_int_equal(guestmem_find_free(m, PG, A0 + 123), A0);
    assert_int_equal(guestmem_find_free(m, PG, top - 3 * PG), top - 5 * PG);
    assert_int_equal(guestmem_find_free(m, PG, 0x1000), top - 5 * PG);  /* below mmap_min */
    /* no room below mmap_top: the gap above it, under the stack */
    uint64_t below = top - 13 * PG;
    assert_int_equal(guestmem_map(m, 0x10000, below - 0x10000, PROT_NONE,
                                  ANON | MAP_NORESERVE, ""), 0);
    uint64_t hi = guestmem_find_free(m, 4 * PG, 0);
    assert_true(hi > top && hi + 4 * PG <= GUEST_STACK_TOP - GUEST_STACK_SIZE);
    assert_int_equal(guestmem_find_free(m, 2 * PG, 0), top - 6 * PG);
    assert_int_equal(guestmem_find_free(m, 3 * PG, 0), top - 13 * PG);
    assert_int_equal(guestmem_find_free(m, 1ull << 31, 0), 0);
    /* impossible sizes */
    assert_int_equal(guestmem_find_free(m, 0, 0), 0);
    assert_int_equal(guestmem_find_free(m, GUEST_SPACE_SIZE, 0), 0);
    assert_int_equal(guestmem_find_free(m, PG + 1, 0), 0);
}

typedef struct CopyCase {
    const char *what;
    uint64_t addr;
    size_t len;
    int want_read, want_write;
} CopyCase;

static void test_guarded_copies(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    assert_int_equal(guestmem_map(m, A0, 2 * PG, RW, ANON, ""), 0);
    assert_int_equal(guestmem_map(m, A0 + 2 * PG, PG, PROT_READ, ANON, ""), 0);
    assert_int_equal(guestmem_map(m, A0 + 3 * PG, PG, PROT_WRITE, ANON, ""), 0);
    assert_int_equal(guestmem_map(m, GUEST_SPACE_SIZE - PG, PG, RW, ANON, ""), 0);
    static uint8_t buf[4 * 4096 + 16];
    const CopyCase cases[] = {
        { "rw inside", A0 + 10, 100, 0, 0 },
        { "rw across pages", A0 + PG - 4, 8, 0, 0 },
        { "rw into ro", A0 + 2 * PG - 4, 8, 0, -EFAULT },
        { "ro", A0 + 2 * PG, 16, 0, -EFAULT },
        { "wo", A0 + 3 * PG, 16, -EFAULT, 0 },
        { "all four", A0, 4 * PG, -EFAULT, -EFAULT },
        { "past the end", A0 + 4 * PG - 4, 8, -EFAULT, -EFAULT },
        { "unmapped", 0x5000, 4, -EFAULT, -EFAULT },
        { "null", 0, 1, -EFAULT, -EFAULT },
        { "zero length anywhere", 0x5000, 0, 0, 0 },
        { "last page of space", GUEST_SPACE_SIZE - 8, 8, 0, 0 },
        { "past the space", GUEST_SPACE_SIZE - 8, 9, -EFAULT, -EFAULT },
        { "outside the space", GUEST_SPACE_SIZE, 1, -EFAULT, -EFAULT },
        { "far outside", 1ull << 60, 8, -EFAULT, -EFAULT },
        { "overflowing", ~0ull - 3, 8, -EFAULT, -EFAULT },
        { "huge length", A0, SIZE_MAX, -EFAULT, -EFAULT },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const CopyCase *c = &cases[i];
        size_t len = c->len > sizeof buf ? 8 : c->len;   /* never touched when refused */
        if (c->len > sizeof buf) {
            assert_int_equal(guest_read(m, buf, c->addr, c->len), c->want_read);
            assert_int_equal(guest_write(m, c->addr, buf, c->len), c->want_write);
            continue;
        }
        int rr = guest_read(m, buf, c->addr, len);
        int rw = guest_write(m, c->addr, buf, len);
        if (rr != c->want_read || rw != c->want_write)
            fail_msg("%s: read %d (want %d) write %d (want %d)", c->what, rr, c->want_read, rw,
                     c->want_write);
    }
    /* write then read back across the page boundary */
    const char msg[] = "hello across";
    assert_int_equal(guest_write(m, A0 + PG - 5, msg, sizeof msg), 0);
    char back[sizeof msg];
    assert_int_equal(guest_read(m, back, A0 + PG - 5, sizeof msg), 0);
    assert_string_equal(back, msg);
}

static void test_read_str(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    assert_int_equal(guestmem_map(m, A0, 2 * PG, RW, ANON, ""), 0);
    char out[64];
    assert_int_equal(guest_write(m, A0 + PG - 3, "abcdef", 7), 0);
    assert_int_equal(guest_read_str(m, out, A0 + PG - 3, sizeof out), 0);
    assert_string_equal(out, "abcdef");
    assert_int_equal(guest_read_str(m, out, A0 + PG - 3, 7), 0);
    assert_int_equal(guest_read_str(m, out, A0 + PG - 3, 6), -ENAMETOOLONG);
    assert_int_equal(guest_read_str(m, out, A0 + PG - 3, 0), -ENAMETOOLONG);
    /* a string running off the end of the mapping */
    memset(g2h(m, A0 + 2 * PG - 8), 'x', 8);
    assert_int_equal(guest_read_str(m, out, A0 + 2 * PG - 8, sizeof out), -EFAULT);
    assert_int_equal(guest_read_str(m, out, 0x5000, sizeof out), -EFAULT);
    assert_int_equal(guest_read_str(m, out, GUEST_SPACE_SIZE + 5, sizeof out), -EFAULT);
    assert_int_equal(guest_read_str(m, out, ~0ull, sizeof out), -EFAULT);
    /* unreadable */
    assert_int_equal(guestmem_protect(m, A0, PG, PROT_WRITE), 0);
    assert_int_equal(guest_read_str(m, out, A0 + 4, sizeof out), -EFAULT);
}

static void test_code_gen(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    uint64_t g = m->code_gen;
    assert_int_equal(guestmem_map(m, A0, 4 * PG, RW, ANON, ""), 0);
    assert_int_equal(guest_write(m, A0, "x", 1), 0);
    assert_int_equal(guestmem_protect(m, A0, PG, PROT_READ), 0);
    assert_int_equal(guestmem_unmap(m, A0 + 3 * PG, PG), 0);
    assert_int_equal(m->code_gen, g);   /* no executable memory involved */

    assert_int_equal(guestmem_map(m, A0 + 8 * PG, 2 * PG, RW | PROT_EXEC, ANON, ""), 0);
    assert_true(m->code_gen > g);
    assert_true(guestmem_check(m, A0 + 8 * PG, 4, PROT_EXEC));
    g = m->code_gen;
    assert_int_equal(guest_write(m, A0 + 8 * PG + 4, "abcd", 4), 0);
    assert_true(m->code_gen > g);
    g = m->code_gen;
    assert_int_equal(guestmem_protect(m, A0 + 8 * PG, PG, PROT_READ | PROT_EXEC), 0);
    assert_true(m->code_gen > g);
    g = m->code_gen;
    assert_int_equal(guestmem_map(m, A0 + 8 * PG, PG, RW, ANON, ""), 0);   /* replaced */
    assert_true(m->code_gen > g);
    g = m->code_gen;
    assert_int_equal(guestmem_unmap(m, A0 + 9 * PG, PG), 0);
    assert_true(m->code_gen > g);
    assert_false(guestmem_check(m, A0 + 8 * PG, 4, PROT_EXEC));
}

/*
 * Random map / unmap / protect on a 64-page window against a page-array
 * model: after every step the VMA list must be exactly the model (sorted,
 * page aligned, neighbours merged), the guarded copies must answer as the
 * model says, and page contents must survive protect and partial unmaps.
 */
#define MODEL_PAGES 64
#define MODEL_BASE 0x200000ull

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void model_check(const GuestMem *m, const int *prot, const uint8_t *mark)
{
    for (size_t i = 0; i < m->nvmas; i++) {
        const GuestVma *v = &m->vmas[i];
        assert_true(v->start < v->end);
        assert_int_equal(v->start % PG, 0);
        assert_int_equal(v->end % PG, 0);
        if (i > 0) {
            assert_true(m->vmas[i - 1].end <= v->start);
            /* equal anonymous neighbours are always merged */
            assert_false(m->vmas[i - 1].end == v->start && m->vmas[i - 1].prot == v->prot &&
                         m->vmas[i - 1].flags == v->flags);
        }
    }
    for (int pg = 0; pg < MODEL_PAGES; pg++) {
        uint64_t a = MODEL_BASE + (uint64_t)pg * PG;
        const GuestVma *v = guestmem_find_vma(m, a);
        if (prot[pg] < 0) {
            assert_null(v);
            continue;
        }
        assert_non_null(v);
        assert_int_equal(v->prot, prot[pg]);
        uint8_t b;
        assert_int_equal(guest_read(m, &b, a + 7, 1), (prot[pg] & PROT_READ) ? 0 : -EFAULT);
        if (prot[pg] & PROT_READ)
            assert_int_equal(b, mark[pg]);
    }
}

/* The host's view (/proc/self/maps) of the window must match the model:
 * guest R/W as they are, guest X as host R, unmapped as the PROT_NONE
 * reservation. */
static void host_check(const GuestMem *m, const int *prot)
{
    FILE *f = fopen("/proc/self/maps", "r");
    assert_non_null(f);
    char line[512];
    int seen[MODEL_PAGES];
    for (int i = 0; i < MODEL_PAGES; i++)
        seen[i] = -2;
    uintptr_t lo = (uintptr_t)g2h(m, MODEL_BASE), hi = lo + MODEL_PAGES * PG;
    while (fgets(line, sizeof line, f)) {
        unsigned long s0, e0;
        char perm[5];
        if (sscanf(line, "%lx-%lx %4s", &s0, &e0, perm) != 3 || e0 <= lo || s0 >= hi)
            continue;
        int hp = (perm[0] == 'r' ? PROT_READ : 0) | (perm[1] == 'w' ? PROT_WRITE : 0) |
                 (perm[2] == 'x' ? PROT_EXEC : 0);
        for (uintptr_t a = s0 < lo ? lo : s0; a < e0 && a < hi; a += PG)
            seen[(a - lo) / PG] = hp;
    }
    fclose(f);
    for (int i = 0; i < MODEL_PAGES; i++) {
        int want = prot[i] < 0 ? PROT_NONE : (prot[i] & RW) | ((prot[i] & PROT_EXEC) ? PROT_READ : 0);
        if (seen[i] != want)
            fail_msg("host page %d: prot %d, want %d", i, seen[i], want);
    }
}

static void test_random_model(void **state)
{
    GuestMem *m = ((Process *)*state)->mem;
    int prot[MODEL_PAGES];
    uint8_t mark[MODEL_PAGES] = { 0 };
    static const int prots[] = { PROT_NONE, PROT_READ, RW, PROT_READ | PROT_EXEC, PROT_WRITE };
    for (int i = 0; i < MODEL_PAGES; i++)
        prot[i] = -1;
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    for (int step = 0; step < 3000; step++) {
        int op = (int)(rng_next(&seed) % 3);
        int first = (int)(rng_next(&seed) % MODEL_PAGES);
        int n = 1 + (int)(rng_next(&seed) % (uint64_t)(MODEL_PAGES - first));
        if (n > 12)
            n = 1 + n % 12;
        int pr = prots[rng_next(&seed) % 5];
        uint64_t a = MODEL_BASE + (uint64_t)first * PG, len = (uint64_t)n * PG;
        if (op == 0) {
            assert_int_equal(guestmem_map(m, a, len, pr, ANON, "m"), 0);
            for (int i = first; i < first + n; i++) {
                prot[i] = pr;
                mark[i] = 0;
            }
        } else if (op == 1) {
            assert_int_equal(guestmem_unmap(m, a, len), 0);
            for (int i = first; i < first + n; i++)
                prot[i] = -1;
        } else {
            bool all = true;
            for (int i = first; i < first + n; i++)
                all &= prot[i] >= 0;
            assert_int_equal(guestmem_protect(m, a, len, pr), all ? 0 : -ENOMEM);
            if (all)
                for (int i = first; i < first + n; i++)
                    prot[i] = pr;
        }
        /* stamp writable pages through the guarded copy */
        for (int i = first; i < first + n; i++) {
            uint8_t v = (uint8_t)(step + i);
            int r = guest_write(m, MODEL_BASE + (uint64_t)i * PG + 7, &v, 1);
            assert_int_equal(r, prot[i] >= 0 && (prot[i] & PROT_WRITE) ? 0 : -EFAULT);
            if (r == 0)
                mark[i] = v;
        }
        model_check(m, prot, mark);
        if (step % 25 == 0)
            host_check(m, prot);
    }
}

/* ---- mm: brk ------------------------------------------------------------------ */

static void test_brk(void **state)
{
    Process *p = *state;
    uint64_t b0 = p->mem->brk_start;
    assert_int_equal(mm_sys_brk(p, 0), b0);
    assert_int_equal(mm_sys_brk(p, b0 - 1), b0);          /* below the start */
    assert_int_equal(mm_sys_brk(p, b0 + 100), b0 + 100);  /* grow */
    assert_int_equal(mm_sys_brk(p, 0), b0 + 100);
    const GuestVma *v = guestmem_find_vma(p->mem, b0);
    assert_non_null(v);
    assert_string_equal(v->name, "[heap]");
    assert_int_equal(v->end, b0 + PG);
    assert_int_equal(mm_sys_brk(p, b0 + 3 * PG + 1), b0 + 3 * PG + 1);
    expect_vmas(p->mem, (VmaWant[]){ { b0, b0 + 4 * PG, RW } }, 1);
    memset(g2h(p->mem, b0), 0x5a, 4 * PG);
    /* shrink: pages go, growing again gives zeroes */
    assert_int_equal(mm_sys_brk(p, b0 + PG), b0 + PG);
    expect_vmas(p->mem, (VmaWant[]){ { b0, b0 + PG, RW } }, 1);
    assert_int_equal(mm_sys_brk(p, b0 + 2 * PG), b0 + 2 * PG);
    assert_int_equal(((uint8_t *)g2h(p->mem, b0 + PG))[10], 0);
    assert_int_equal(((uint8_t *)g2h(p->mem, b0))[10], 0x5a);
    /* past brk_max: refused */
    assert_int_equal(mm_sys_brk(p, p->mem->brk_max + PG), b0 + 2 * PG);
    /* into another mapping: refused */
    assert_int_equal(mm_sys_mmap(p, b0 + 8 * PG, PG, RW, ANON | MAP_FIXED, -1, 0), b0 + 8 * PG);
    assert_int_equal(mm_sys_brk(p, b0 + 9 * PG), b0 + 2 * PG);
    assert_int_equal(mm_sys_brk(p, b0 + 8 * PG), b0 + 8 * PG);   /* up to it is fine */
    /* back to the start: heap empty */
    assert_int_equal(mm_sys_brk(p, b0), b0);
    assert_null(guestmem_find_vma(p->mem, b0));
}

/* ---- mm: mmap ----------------------------------------------------------------- */

typedef struct MmapCase {
    const char *what;
    uint64_t addr, len;
    int prot, flags;
    uint64_t off;
    int64_t want;   /* an errno (negative), or 1 for "an address" */
} MmapCase;

static void test_mmap_errors(void **state)
{
    Process *p = *state;
    const MmapCase cases[] = {
        { "len 0", 0, 0, RW, ANON, 0, -EINVAL },
        { "no type", 0, PG, RW, MAP_ANONYMOUS, 0, -EINVAL },
        { "unaligned offset", 0, PG, RW, ANON, 100, -EINVAL },
        { "huge len", 0, ~0ull, RW, ANON, 0, -ENOMEM },
        { "larger than space", 0, GUEST_SPACE_SIZE + PG, RW, ANON, 0, -ENOMEM },
        { "fixed unaligned", A0 + 1, PG, RW, ANON | MAP_FIXED, 0, -EINVAL },
        { "fixed outside", GUEST_SPACE_SIZE, PG, RW, ANON | MAP_FIXED, 0, -ENOMEM },
        { "fixed straddling the end", GUEST_SPACE_SIZE - PG, 2 * PG, RW, ANON | MAP_FIXED, 0, -ENOMEM },
        { "fixed far outside", 1ull << 47, PG, RW, ANON | MAP_FIXED, 0, -ENOMEM },
        { "fixed at 0", 0, PG, RW, ANON | MAP_FIXED, 0, -EPERM },
        { "plain", 0, 3 * PG + 5, RW, ANON, 0, 1 },
        { "stack/noreserve/populate", 0, PG, RW, ANON | MAP_STACK | MAP_NORESERVE | MAP_POPULATE, 0, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const MmapCase *c = &cases[i];
        int64_t r = mm_sys_mmap(p, c->addr, c->len, c->prot, c->flags, -1, c->off);
        if (c->want == 1 ? (r <= 0 || (r & (PG - 1))) : r != c->want)
            fail_msg("%s: got %lld want %lld", c->what, (long long)r, (long long)c->want);
    }
    /* bad fd for a file mapping */
    assert_int_equal(mm_sys_mmap(p, 0, PG, PROT_READ, MAP_PRIVATE, 12345, 0), -EBADF);
}

static void test_mmap_anon_fixed_noreplace_hint(void **state)
{
    Process *p = *state;
    int64_t a = mm_sys_mmap(p, 0, 2 * PG, RW, ANON, -1, 0);
    assert_int_equal(a, p->mem->mmap_top - 2 * PG);
    int64_t b = mm_sys_mmap(p, 0, PG, PROT_READ, ANON, -1, 0);
    assert_int_equal(b, a - PG);
    /* zeroed, writable */
    assert_int_equal(((uint8_t *)g2h(p->mem, (uint64_t)a))[100], 0);
    assert_int_equal(guest_write(p->mem, (uint64_t)a, "hi", 2), 0);
    assert_int_equal(guest_write(p->mem, (uint64_t)b, "hi", 2), -EFAULT);
    /* hint free: used */
    assert_int_equal(mm_sys_mmap(p, A0, PG, RW, ANON, -1, 0), A0);
    /* hint taken: placed elsewhere */
    int64_t c = mm_sys_mmap(p, A0, PG, RW, ANON, -1, 0);
    assert_true(c > 0 && (uint64_t)c != A0);
    /* MAP_FIXED replaces */
    memset(g2h(p->mem, A0), 7, PG);
    assert_int_equal(mm_sys_mmap(p, A0, PG, RW, ANON | MAP_FIXED, -1, 0), A0);
    assert_int_equal(((uint8_t *)g2h(p->mem, A0))[5], 0);
    /* MAP_FIXED_NOREPLACE: -EEXIST on overlap, else like MAP_FIXED */
    assert_int_equal(mm_sys_mmap(p, A0, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
    assert_int_equal(mm_sys_mmap(p, A0 - PG, 2 * PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
    assert_int_equal(mm_sys_mmap(p, A0 + PG, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), A0 + PG);
    /* shared anonymous */
    int64_t s = mm_sys_mmap(p, 0, PG, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    assert_true(s > 0);
    assert_true(guestmem_find_vma(p->mem, (uint64_t)s)->flags & MAP_SHARED);
}

static void test_mmap_file(void **state)
{
    Process *p = *state;
    char path[] = "/tmp/fvp_test_guestmem_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    static uint8_t data[3 * 4096];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i * 7 + 3);
    assert_int_equal(write(fd, data, sizeof data), (ssize_t)sizeof data);

    /* private, at an offset, len beyond the file's end */
    int64_t a = mm_sys_mmap(p, 0, 3 * PG, PROT_READ, MAP_PRIVATE, fd, PG);
    assert_true(a > 0);
    uint8_t buf[2 * 4096];
    assert_int_equal(guest_read(p->mem, buf, (uint64_t)a, sizeof buf), 0);
    assert_memory_equal(buf, data + PG, sizeof buf);
    assert_int_equal(guest_write(p->mem, (uint64_t)a, "x", 1), -EFAULT);
    const GuestVma *v = guestmem_find_vma(p->mem, (uint64_t)a);
    assert_non_null(v);
    assert_false(v->flags & MAP_ANONYMOUS);
    /* the third page lies past the end of the file: SIGBUS if touched on
     * the host, -EFAULT through the guarded copies */
    assert_int_equal(guest_read(p->mem, buf, (uint64_t)a + 2 * PG, 16), -EFAULT);
    assert_int_equal(guest_read(p->mem, buf, (uint64_t)a + 2 * PG - 8, 16), -EFAULT);
    char str[64];
    assert_int_equal(guest_read_str(p->mem, str, (uint64_t)a + 2 * PG - 8, sizeof str), -EFAULT);
    /* strings in a file mapping, across a page boundary */
    assert_int_equal(pwrite(fd, "file str", 9, 2 * PG - 4), 9);
    assert_int_equal(guest_read_str(p->mem, str, (uint64_t)a + PG - 4, sizeof str), 0);
    assert_string_equal(str, "file str");

    /* MAP_FIXED over existing memory, shared: writes reach the file */
    assert_int_equal(mm_sys_mmap(p, A0, 2 * PG, RW, ANON | MAP_FIXED, -1, 0), A0);
    assert_int_equal(mm_sys_mmap(p, A0, PG, RW, MAP_SHARED | MAP_FIXED, fd, 0), A0);
    assert_int_equal(guest_write(p->mem, A0 + 1, "Z", 1), 0);
    uint8_t c = 0;
    assert_int_equal(pread(fd, &c, 1, 1), 1);
    assert_int_equal(c, 'Z');
    /* a refused file mapping leaves MAP_FIXED's target alone */
    memset(g2h(p->mem, A0 + PG), 0x11, 16);
    assert_int_equal(mm_sys_mmap(p, A0 + PG, PG, RW, MAP_PRIVATE | MAP_FIXED, 9999, 0), -EBADF);
    assert_int_equal(((uint8_t *)g2h(p->mem, A0 + PG))[3], 0x11);
    /* a shared writable page past the end of the file */
    assert_int_equal(mm_sys_mmap(p, A0 + 8 * PG, PG, RW, MAP_SHARED | MAP_FIXED, fd, 4 * PG),
                     A0 + 8 * PG);
    assert_int_equal(guest_write(p->mem, A0 + 8 * PG, "x", 1), -EFAULT);

    char maps[4096];
    int n = mm_format_maps(p, maps, sizeof maps);
    assert_true(n > 0 && (size_t)n < sizeof maps);
    assert_non_null(strstr(maps, "fvp_test_guestmem_"));
    assert_non_null(strstr(maps, " r--p "));
    assert_non_null(strstr(maps, " rw-s "));
    close(fd);
}

static void test_munmap_partial(void **state)
{
    Process *p = *state;
    int64_t a = mm_sys_mmap(p, 0, 5 * PG, RW, ANON, -1, 0);
    assert_true(a > 0);
    uint64_t u = (uint64_t)a;
    assert_int_equal(mm_sys_munmap(p, u + PG, 2 * PG - 100), 0);   /* rounded up */
    expect_vmas(p->mem, (VmaWant[]){ { u, u + PG, RW }, { u + 3 * PG, u + 5 * PG, RW } }, 2);
    assert_int_equal(mm_sys_munmap(p, u + 1, PG), -EINVAL);
    assert_int_equal(mm_sys_munmap(p, u, 0), -EINVAL);
    assert_int_equal(mm_sys_munmap(p, GUEST_SPACE_SIZE, PG), -EINVAL);
    assert_int_equal(mm_sys_munmap(p, u - 16 * PG, 16 * PG), 0);   /* nothing there: fine */
    assert_int_equal(mm_sys_munmap(p, u, 5 * PG), 0);
    assert_int_equal(p->mem->nvmas, 0);
}

static void test_mprotect(void **state)
{
    Process *p = *state;
    int64_t a = mm_sys_mmap(p, 0, 4 * PG, RW, ANON, -1, 0);
    uint64_t u = (uint64_t)a;
    assert_int_equal(mm_sys_mprotect(p, u + PG, PG + 1, PROT_READ), 0);
    expect_vmas(p->mem, (VmaWant[]){ { u, u + PG, RW }, { u + PG, u + 3 * PG, PROT_READ },
                                      { u + 3 * PG, u + 4 * PG, RW } }, 3);
    assert_int_equal(mm_sys_mprotect(p, u + 1, PG, PROT_READ), -EINVAL);
    assert_int_equal(mm_sys_mprotect(p, u, PG, 0x100), -EINVAL);
    assert_int_equal(mm_sys_mprotect(p, u, 0, PROT_READ), 0);
    assert_int_equal(mm_sys_mprotect(p, u, 8 * PG, PROT_READ), -ENOMEM);
    assert_int_equal(mm_sys_mprotect(p, GUEST_SPACE_SIZE - PG, 4 * PG, PROT_READ), -ENOMEM);
    assert_int_equal(mm_sys_mprotect(p, u, 4 * PG, PROT_READ | PROT_WRITE), 0);
    expect_vmas(p->mem, (VmaWant[]){ { u, u + 4 * PG, RW } }, 1);
}

static void test_mremap(void **state)
{
    Process *p = *state;
    uint64_t u = (uint64_t)mm_sys_mmap(p, 0, 4 * PG, RW, ANON, -1, 0);
    /* something right above so in-place growth is impossible */
    assert_int_equal(mm_sys_mmap(p, u + 4 * PG, PG, RW, ANON | MAP_FIXED, -1, 0), u + 4 * PG);
    for (uint64_t i = 0; i < 4 * PG; i++)
        ((uint8_t *)g2h(p->mem, u))[i] = (uint8_t)(i * 13);
    assert_int_equal(mm_sys_mremap(p, u, 4 * PG, 8 * PG, 0, 0), -ENOMEM);
    int64_t n = mm_sys_mremap(p, u, 4 * PG, 8 * PG, MREMAP_MAYMOVE, 0);
    assert_true(n > 0 && (uint64_t)n != u);
    uint64_t v = (uint64_t)n;
    for (uint64_t i = 0; i < 4 * PG; i++)
        assert_int_equal(((uint8_t *)g2h(p->mem, v))[i], (uint8_t)(i * 13));
    assert_int_equal(((uint8_t *)g2h(p->mem, v))[6 * PG], 0);   /* growth is zero */
    assert_null(guestmem_find_vma(p->mem, u));                   /* old range gone */
    uint8_t x;
    assert_int_equal(guest_read(p->mem, &x, u, 1), -EFAULT);
    const GuestVma *vm = guestmem_find_vma(p->mem, v);
    assert_int_equal(vm->end - vm->start, 8 * PG);

    /* shrink in place */
    assert_int_equal(mm_sys_mremap(p, v, 8 * PG, 2 * PG, 0, 0), v);
    assert_int_equal(guestmem_find_vma(p->mem, v)->end, v + 2 * PG);
    /* grow in place (space above is free now) */
    assert_int_equal(mm_sys_mremap(p, v, 2 * PG, 3 * PG, 0, 0), v);
    assert_int_equal(((uint8_t *)g2h(p->mem, v))[PG + 1], (uint8_t)((PG + 1) * 13));
    assert_int_equal(((uint8_t *)g2h(p->mem, v))[2 * PG + 1], 0);
    /* MREMAP_FIXED to a chosen place, replacing what is there */
    assert_int_equal(mm_sys_mmap(p, A0, PG, PROT_READ, ANON | MAP_FIXED, -1, 0), A0);
    assert_int_equal(mm_sys_mremap(p, v, 3 * PG, 3 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, A0), A0);
    assert_int_equal(((uint8_t *)g2h(p->mem, A0))[PG + 1], (uint8_t)((PG + 1) * 13));
    assert_int_equal(guestmem_find_vma(p->mem, A0)->prot, RW);
    /* errors */
    assert_int_equal(mm_sys_mremap(p, A0, 3 * PG, 0, MREMAP_MAYMOVE, 0), -EINVAL);
    assert_int_equal(mm_sys_mremap(p, A0 + 1, PG, PG, 0, 0), -EINVAL);
    assert_int_equal(mm_sys_mremap(p, A0, PG, 2 * PG, MREMAP_FIXED, A0 + 16 * PG), -EINVAL);
    assert_int_equal(mm_sys_mremap(p, A0, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, A0), -EINVAL);
    assert_int_equal(mm_sys_mremap(p, 0x5000, PG, 2 * PG, MREMAP_MAYMOVE, 0), -EFAULT);
    assert_int_equal(mm_sys_mremap(p, A0, 8 * PG, 9 * PG, MREMAP_MAYMOVE, 0), -EFAULT);
}

/* One guest VMA made of two host mappings (the host refuses to mremap
 * across them): mremap falls back to copying. */
static void test_mremap_split_host_mapping(void **state)
{
    Process *p = *state;
    assert_int_equal(mm_sys_mmap(p, A0, 4 * PG, RW, ANON | MAP_FIXED, -1, 0), A0);
    assert_int_equal(madvise(g2h(p->mem, A0 + 2 * PG), 2 * PG, MADV_DONTFORK), 0);
    expect_vmas(p->mem, (VmaWant[]){ { A0, A0 + 4 * PG, RW } }, 1);
    for (uint64_t i = 0; i < 4 * PG; i++)
        ((uint8_t *)g2h(p->mem, A0))[i] = (uint8_t)(i * 3);
    assert_int_equal(mm_sys_mmap(p, A0 + 4 * PG, PG, RW, ANON | MAP_FIXED, -1, 0), A0 + 4 * PG);
    int64_t n = mm_sys_mremap(p, A0, 4 * PG, 6 * PG, MREMAP_MAYMOVE, 0);
    assert_true(n > 0 && (uint64_t)n != A0);
    for (uint64_t i = 0; i < 4 * PG; i++)
        assert_int_equal(((uint8_t *)g2h(p->mem, (uint64_t)n))[i], (uint8_t)(i * 3));
    assert_int_equal(((uint8_t *)g2h(p->mem, (uint64_t)n))[5 * PG], 0);
    assert_null(guestmem_find_vma(p->mem, A0));
    const GuestVma *v = guestmem_find_vma(p->mem, (uint64_t)n);
    assert_int_equal(v->end - v->start, 6 * PG);
    assert_int_equal(v->prot, RW);
}

static void test_mremap_file_grow_in_place(void **state)
{
    Process *p = *state;
    char path[] = "/tmp/fvp_test_guestmem_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    static uint8_t data[2 * 4096];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i ^ 0x55);
    assert_int_equal(write(fd, data, sizeof data), (ssize_t)sizeof data);
    assert_int_equal(mm_sys_mmap(p, A0, PG, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0), A0);
    assert_int_equal(mm_sys_mremap(p, A0, PG, 2 * PG, 0, 0), A0);
    uint8_t buf[2 * 4096];
    assert_int_equal(guest_read(p->mem, buf, A0, sizeof buf), 0);
    assert_memory_equal(buf, data, sizeof buf);   /* the second page comes from the file */
    close(fd);
}

static void test_madvise(void **state)
{
    Process *p = *state;
    uint64_t u = (uint64_t)mm_sys_mmap(p, 0, 3 * PG, RW, ANON, -1, 0);
    memset(g2h(p->mem, u), 0x77, 3 * PG);
    assert_int_equal(mm_sys_madvise(p, u + PG, PG, MADV_DONTNEED), 0);
    assert_int_equal(((uint8_t *)g2h(p->mem, u))[PG - 1], 0x77);
    assert_int_equal(((uint8_t *)g2h(p->mem, u))[PG], 0);
    assert_int_equal(((uint8_t *)g2h(p->mem, u))[2 * PG - 1], 0);
    assert_int_equal(((uint8_t *)g2h(p->mem, u))[2 * PG], 0x77);
    assert_int_equal(mm_sys_madvise(p, u, 3 * PG, MADV_WILLNEED), 0);
    assert_int_equal(mm_sys_madvise(p, u + 1, PG, MADV_DONTNEED), -EINVAL);
    assert_int_equal(mm_sys_madvise(p, u, 8 * PG, MADV_DONTNEED), -ENOMEM);
    assert_int_equal(mm_sys_madvise(p, u, 0, MADV_DONTNEED), 0);
    assert_int_equal(mm_sys_madvise(p, GUEST_SPACE_SIZE - PG, 2 * PG, MADV_DONTNEED), -EINVAL);
}

static void test_format_maps(void **state)
{
    Process *p = *state;
    assert_int_equal(mm_sys_brk(p, p->mem->brk_start + PG), p->mem->brk_start + PG);
    assert_int_equal(guestmem_map(p->mem, A0, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE, "prog"), 0);
    char buf[1024];
    int n = mm_format_maps(p, buf, sizeof buf);
    const char *want = "00100000-00101000 r-xp 00000000 00:00 0"
                       "                                  prog\n"
                       "00400000-00401000 rw-p 00000000 00:00 0"
                       "                                  [heap]\n";
    assert_string_equal(buf, want);
    assert_int_equal(n, (int)strlen(want));
    /* truncation: snprintf-like */
    char small[10];
    assert_int_equal(mm_format_maps(p, small, sizeof small), n);
    assert_string_equal(small, "00100000-");
    assert_int_equal(mm_format_maps(p, NULL, 0), n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_init),
        T(test_map_bad_args),
        T(test_map_unmap_split_merge),
        T(test_map_replaces_and_zeroes),
        T(test_protect_split_merge),
        T(test_find_free),
        T(test_guarded_copies),
        T(test_read_str),
        T(test_code_gen),
        T(test_random_model),
        T(test_brk),
        T(test_mmap_errors),
        T(test_mmap_anon_fixed_noreplace_hint),
        T(test_mmap_file),
        T(test_munmap_partial),
        T(test_mprotect),
        T(test_mremap),
        T(test_mremap_split_host_mapping),
        T(test_mremap_file_grow_in_place),
        T(test_madvise),
        T(test_format_maps),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

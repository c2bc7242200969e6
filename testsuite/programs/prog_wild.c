/* Wild pointers outside the guest's address space, with no SIGSEGV handler: every load and
 * store through one must kill the process with SIGSEGV and change nothing.  Translated code
 * clamps such addresses into a guard above the guest space instead of branching (D29), so
 * this pins that the clamp faults for addresses far above the space, for the all-ones and
 * sign-bit addresses, and for an access that starts just below the top of the space and ends
 * above it.  Each access runs in a forked child; the parent reports how it ended.
 * The walks do the same from one-block loops whose pointer is an induction register, whose
 * accesses translated code does not clamp (D36): starting outside the space, going up or
 * down, loads and stores, element by element and with an offset from the pointer.  The based
 * accesses use a register plus the biggest offsets an instruction can hold, whose base
 * translated code clamps instead of the address (D37). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static const uint64_t wild[] = {
    0xdead00000000ull,       /* above 2^38, below the host's 2^47 */
    (1ull << 38) - 4,        /* 8 bytes straddling the top of an Sv39 space */
    (1ull << 38),
    0x8000000000000000ull,
    0xfffffffffffffff8ull,   /* NULL - 8 */
    0x10,                    /* inside the space, unmapped */
};

static volatile uint64_t sink;

static void access_at(uint64_t a, int store, int width)
{
    if (store) {
        if (width == 8)
            *(volatile uint64_t *)(uintptr_t)a = 42;
        else
            *(volatile uint8_t *)(uintptr_t)a = 42;
    } else {
        sink = width == 8 ? *(volatile uint64_t *)(uintptr_t)a : *(volatile uint8_t *)(uintptr_t)a;
    }
}

/* base + 2040 and base - 2040 (one instruction each: a 12-bit offset) */
static __attribute__((noinline)) void based_at(uint64_t base, int store, int up)
{
    volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)base;
    if (store) {
        if (up)
            p[255] = 42;
        else
            p[-255] = 42;
    } else {
        sink = up ? p[255] : p[-255];
    }
}

/* One-block loops: p walks by a constant STEP elements (an induction register), n times. */
#define WALKS(name, STEP)                                                                   \
    static __attribute__((noinline)) uint64_t load_##name(const uint64_t *p, long n)       \
    {                                                                                       \
        uint64_t s = 0;                                                                     \
        for (long i = 0; i < n; i++, p += STEP)                                             \
            s = s * 31 + p[2];                                                              \
        return s;                                                                           \
    }                                                                                       \
    static __attribute__((noinline)) void store_##name(uint64_t *p, long n)                \
    {                                                                                       \
        for (long i = 0; i < n; i++, p += STEP)                                             \
            p[1] = (uint64_t)i;                                                             \
    }
WALKS(up, 1)
WALKS(down, -1)

/* Runs case k of the walks in a child; 1 if it did not end with SIGSEGV. */
static int walk_case(uint64_t start, int store, long step)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        uint64_t *p = (uint64_t *)(uintptr_t)start;
        if (store)
            (step > 0 ? store_up : store_down)(p, 4096);
        else
            sink = (step > 0 ? load_up : load_down)(p, 4096);
        _exit(0); /* survived: wrong */
    }
    int st;
    if (waitpid(pid, &st, 0) != pid) {
        perror("waitpid");
        return 1;
    }
    int segv = WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV;
    printf("walk %-5s step %2ld from %#018llx: %s\n", store ? "store" : "load", step,
           (unsigned long long)start,
           segv ? "SIGSEGV" : WIFSIGNALED(st) ? "other signal" : "no fault");
    return !segv;
}

int main(void)
{
    int bad = 0;
    static const uint64_t walk_from[] = {
        0xdead00000000ull, 0x600000000000ull, (1ull << 38) - 64, 0x8000000000000000ull,
        0xffffffffffffffc0ull, /* NULL - 64: walking up crosses 0 */
        0x1000,                /* inside the space, unmapped */
    };
    static const uint64_t based[] = {
        (1ull << 38) + 2040,          /* - 2040: exactly the end of the space */
        0x600000000008ull,            /* far above */
        0xfffffffffffffff0ull,        /* + 2040 wraps to 2024 */
        0x8000000000000000ull, 0xdead00000000ull,
    };
    for (unsigned i = 0; i < sizeof based / sizeof based[0]; i++)
        for (int store = 0; store < 2; store++)
            for (int up = 0; up < 2; up++) {
                fflush(stdout);
                pid_t pid = fork();
                if (pid < 0) {
                    perror("fork");
                    return 1;
                }
                if (pid == 0) {
                    based_at(based[i], store, up);
                    _exit(0); /* survived: wrong */
                }
                int st;
                if (waitpid(pid, &st, 0) != pid) {
                    perror("waitpid");
                    return 1;
                }
                int segv = WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV;
                printf("based %-5s %#018llx %c 2040: %s\n", store ? "store" : "load",
                       (unsigned long long)based[i], up ? '+' : '-',
                       segv ? "SIGSEGV" : WIFSIGNALED(st) ? "other signal" : "no fault");
                bad += !segv;
            }
    for (unsigned i = 0; i < sizeof walk_from / sizeof walk_from[0]; i++)
        for (int store = 0; store < 2; store++)
            for (long step = -1; step <= 1; step += 2)
                bad += walk_case(walk_from[i], store, step);
    for (unsigned i = 0; i < sizeof wild / sizeof wild[0]; i++) {
        for (int store = 0; store < 2; store++) {
            for (int width = 1; width <= 8; width += 7) {
                fflush(stdout);
                pid_t pid = fork();
                if (pid < 0) {
                    perror("fork");
                    return 1;
                }
                if (pid == 0) {
                    access_at(wild[i], store, width);
                    _exit(0); /* survived: wrong */
                }
                int st;
                if (waitpid(pid, &st, 0) != pid) {
                    perror("waitpid");
                    return 1;
                }
                int segv = WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV;
                printf("%-5s %d bytes at %#018llx: %s\n", store ? "store" : "load", width,
                       (unsigned long long)wild[i],
                       segv ? "SIGSEGV"
                            : WIFSIGNALED(st) ? "other signal" : "no fault");
                bad += !segv;
            }
        }
    }
    /* The parent's memory is untouched: sink still 0. */
    printf("sink %llu\n", (unsigned long long)sink);
    printf("%s\n", bad ? "FAIL" : "ok");
    return bad != 0;
}

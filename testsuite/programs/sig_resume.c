/* A SIGSEGV handler that fixes the fault and returns, so the faulting store
 * runs again (the pattern of GC write barriers and lazy allocation).  The
 * loop keeps its state in registers across every fault: the run is right
 * only if the handler's return resumes with exactly the registers of the
 * faulting instruction.  Also checks that the handler saw each page once and
 * the fault address and code of each.  Then the same through memcpy, which
 * translated code runs as a host C library call: a fault inside it resumes in the
 * guest's memcpy, which returns to the call's return site by way of the dispatcher
 * (no entry there, docs D57: the interpreter goes on with the loop's registers). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGES 64
#define PAGE 4096
#define STEP 40

static char *region, *lo, *hi;
static volatile int faults, bad_addr, bad_code;
static uint64_t steps; /* memory, not a register: counts every iteration once */

static void handler(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    char *a = si->si_addr;
    if (a < lo || a >= hi)
        bad_addr++;
    if (si->si_code != SEGV_ACCERR)
        bad_code++;
    faults++;
    char *page = lo + (a - lo) / PAGE * PAGE;
    if (mprotect(page, PAGE, PROT_READ | PROT_WRITE) != 0)
        _exit(4);
}

/* h over the offsets, storing a byte of h at each: state in registers.
 * Re-running any part of it (resuming anywhere but at the faulting store,
 * with other registers) would count steps twice. */
static __attribute__((noinline)) uint64_t walk(char *buf)
{
    uint64_t h = 1469598103934665603ull, s = 0;
    for (size_t i = 0; i < PAGES * PAGE; i += STEP) {
        h = (h ^ i) * 1099511628211ull;
        s += h >> 7;
        buf[i] = (char)(h >> 13);
        __atomic_fetch_add(&steps, 1, __ATOMIC_RELAXED);
    }
    return h ^ s;
}

static volatile size_t copy_len = 96;

static __attribute__((noinline)) uint64_t copy_walk(char *buf, const char *src, size_t n,
                                                    size_t d)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < PAGES * PAGE; i += PAGE / 2) {
        memcpy(buf + i, src + (i / PAGE) % d, n);
        h = (h ^ (i % d)) * 1099511628211ull + n;
    }
    return h;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, NULL) != 0)
        return 1;
    region = mmap(NULL, PAGES * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *ref = malloc(PAGES * PAGE);
    if (region == MAP_FAILED || !ref)
        return 1;
    memset(ref, 0, PAGES * PAGE);
    lo = region;
    hi = region + PAGES * PAGE;
    uint64_t got = walk(region), want = walk(ref);
    uint64_t expect_steps = 2 * ((PAGES * PAGE + STEP - 1) / STEP);
    int same = memcmp(region, ref, PAGES * PAGE) == 0;
    printf("faults %d (expect %d), bad addr %d, bad code %d\n", faults, PAGES, bad_addr, bad_code);
    printf("result %s, bytes %s, steps %s\n", got == want ? "same" : "DIFFERENT",
           same ? "same" : "DIFFERENT", steps == expect_steps ? "right" : "WRONG");
    int ok = faults == PAGES && !bad_addr && !bad_code && got == want && same &&
             steps == expect_steps;

    char *copies = mmap(NULL, PAGES * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *src = malloc(PAGE), *cref = calloc(PAGES, PAGE);
    if (copies == MAP_FAILED || !src || !cref)
        return 1;
    for (int i = 0; i < PAGE; i++)
        src[i] = (char)(i * 7 + 3);
    faults = 0;
    lo = copies;
    hi = copies + PAGES * PAGE;
    uint64_t cgot = copy_walk(copies, src, copy_len, 13), cwant = copy_walk(cref, src, copy_len, 13);
    int csame = memcmp(copies, cref, PAGES * PAGE) == 0;
    printf("memcpy: faults %d (expect %d), bad addr %d, bad code %d, result %s, bytes %s\n",
           faults, PAGES, bad_addr, bad_code, cgot == cwant ? "same" : "DIFFERENT",
           csame ? "same" : "DIFFERENT");
    ok = ok && faults == PAGES && !bad_addr && !bad_code && cgot == cwant && csame;
    return ok ? 0 : 2;
}

/* bench.h — shared by the benchmark programs in bench/src (included, never built on its own).
 *
 * Every program is one C file, built twice from the same source (RV64 and x86-64, both with
 * -O2 -static -ffp-contract=off) and run as `prog [PERCENT]`:
 *   - PERCENT is the problem size in percent of the default (default 100).  The work is
 *     PERCENT repetitions of a fixed-size unit, so run time is linear in PERCENT: the harness
 *     runs the interpreter at 1/20 size and multiplies its time by 20, which is only honest
 *     when set-up costs are small against one unit.
 *   - Exit status 0 iff every check passed.  Checks are either independent (sortedness and a
 *     multiset checksum, Freivalds' test of a matrix product, energy conservation, a second
 *     simple implementation) or a checksum of one unit that was derived by running the
 *     program natively on x86-64 and found identical under qemu-riscv64 (never from the
 *     output of FVP itself).  Floating-point results are compared with a tolerance, or after
 *     rounding to integers, so that nothing depends on the last bit of a libm function.
 *   - One line on stdout: "<name>: ok <details>" or "<name>: FAIL <what>".
 */
#ifndef FVP_BENCH_H
#define FVP_BENCH_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Upper bound on PERCENT: keeps a typo (an extra zero or two) from running for hours. */
#define BENCH_MAX_PERCENT 100000

/* Stops the compiler from proving a repetition's result equal to the previous one and
 * skipping it: after this, the memory behind `p` may have changed. */
#define BENCH_CLOBBER(p) __asm__ volatile("" : : "r"(p) : "memory")

static int bench_failures;
static const char *bench_name = "bench";

/* Parses argv[1] (PERCENT of the default problem size, default 100); exits with status 2 and
 * a usage line on anything else. */
static inline int bench_init(const char *name, int argc, char **argv)
{
    bench_name = name;
    if (argc < 2)
        return 100;
    char *end;
    long p = strtol(argv[1], &end, 10);
    if (argc > 2 || *argv[1] == '\0' || *end != '\0' || p < 1 || p > BENCH_MAX_PERCENT) {
        fprintf(stderr, "usage: %s [PERCENT]  (problem size in %% of the default, 1..%d)\n",
                name, BENCH_MAX_PERCENT);
        exit(2);
    }
    return (int)p;
}

/* Records a failed check with a printf-style explanation when `ok` is false; returns `ok`. */
__attribute__((format(printf, 2, 3))) static inline int bench_check(int ok, const char *fmt, ...)
{
    if (!ok) {
        va_list ap;
        va_start(ap, fmt);
        printf("%s: FAIL ", bench_name);
        vprintf(fmt, ap);
        printf("\n");
        va_end(ap);
        bench_failures++;
    }
    return ok;
}

/* Prints the final line and returns the exit status for main: 0 iff no check failed. */
__attribute__((format(printf, 1, 2))) static inline int bench_finish(const char *fmt, ...)
{
    if (bench_failures) {
        printf("%s: FAIL (%d checks failed)\n", bench_name, bench_failures);
        return 1;
    }
    va_list ap;
    va_start(ap, fmt);
    printf("%s: ok ", bench_name);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    return 0;
}

/* splitmix64 (Steele, Lea, Flood 2014): a small PRNG with the same output on every host, so
 * the inputs are identical on RV64 and x86-64. */
static inline uint64_t bench_rand(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Calls malloc and exits with a FAIL line when it fails (a benchmark cannot go on). */
static inline void *bench_alloc(size_t size)
{
    void *p = malloc(size);
    if (!p) {
        printf("%s: FAIL out of memory (%zu bytes)\n", bench_name, size);
        exit(1);
    }
    return p;
}

#endif

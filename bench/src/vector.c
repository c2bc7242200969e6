/* vector — plainly vectorisable loops over arrays: daxpy, dot product and sum in double,
 * saxpy in float, the same in 32-bit integers (compilers turn these into SIMD code on x86-64).
 *
 * Check: every value is a small integer, so every FP operation is exact and the results do not
 * depend on the order of summation; they must equal the same computation in 64-bit integers.
 * The multipliers alternate in sign, so the arrays return to their start every two passes. */
#include "bench.h"
#include <string.h>

#define LEN 32768             /* elements per array */
#define PASSES 70             /* passes per unit (even) */

typedef struct { int64_t dot, dsum, fsum, isum; } Sums;

static struct {
    double x[LEN], y[LEN];
    float fx[LEN], fy[LEN];
    int32_t ix[LEN], iy[LEN];
} v;

static __attribute__((noinline)) void daxpy(double a, const double *x, double *y)
{
    for (int i = 0; i < LEN; i++)
        y[i] += a * x[i];
}

static __attribute__((noinline)) void saxpy(float a, const float *x, float *y)
{
    for (int i = 0; i < LEN; i++)
        y[i] += a * x[i];
}

static __attribute__((noinline)) void iaxpy(int32_t a, const int32_t *x, int32_t *y)
{
    for (int i = 0; i < LEN; i++)
        y[i] += a * x[i];
}

static __attribute__((noinline)) double ddot(const double *x, const double *y)
{
    double s = 0;
    for (int i = 0; i < LEN; i++)
        s += x[i] * y[i];
    return s;
}

static __attribute__((noinline)) double dsum(const double *x)
{
    double s = 0;
    for (int i = 0; i < LEN; i++)
        s += x[i];
    return s;
}

/* float values up to 2^24 are exact; their sum is taken in integers to stay exact. */
static __attribute__((noinline)) int64_t fsum(const float *x)
{
    int64_t s = 0;
    for (int i = 0; i < LEN; i++)
        s += (int64_t)x[i];
    return s;
}

static __attribute__((noinline)) int64_t isum(const int32_t *x)
{
    int64_t s = 0;
    for (int i = 0; i < LEN; i++)
        s += x[i];
    return s;
}

static Sums pass(int sign)
{
    Sums s;
    daxpy(3.0 * sign, v.x, v.y);
    s.dot = (int64_t)ddot(v.x, v.y);
    s.dsum = (int64_t)dsum(v.y);
    saxpy(5.0f * (float)sign, v.fx, v.fy);
    s.fsum = fsum(v.fy);
    iaxpy(7 * sign, v.ix, v.iy);
    s.isum = isum(v.iy);
    return s;
}

/* The same pass in 64-bit integers over the initial values x0, y0. */
static Sums reference(int sign)
{
    Sums s = { 0, 0, 0, 0 };
    for (int64_t i = 0; i < LEN; i++) {
        int64_t x0 = i % 1000 - 500, y0 = i * 7 % 1000;
        int64_t y = sign > 0 ? y0 + 3 * x0 : y0;       /* after +3 from y0, or -3 back to y0 */
        s.dot += x0 * y;
        s.dsum += y;
        s.fsum += sign > 0 ? y0 + 5 * x0 : y0;
        s.isum += sign > 0 ? y0 + 7 * x0 : y0;
    }
    return s;
}

int main(int argc, char **argv)
{
    int units = bench_init("vector", argc, argv);
    for (int i = 0; i < LEN; i++) {
        v.x[i] = v.fx[i] = (float)(v.ix[i] = i % 1000 - 500);
        v.y[i] = v.fy[i] = (float)(v.iy[i] = i * 7 % 1000);
    }
    Sums ref[2] = { reference(1), reference(-1) }, got = { 0, 0, 0, 0 };
    for (int u = 0; u < units && !bench_failures; u++)
        for (int p = 0; p < PASSES; p++) {
            BENCH_CLOBBER(&v);
            got = pass(p % 2 ? -1 : 1);
            const Sums *r = &ref[p % 2];
            if (!bench_check(memcmp(&got, r, sizeof got) == 0,
                             "unit %d pass %d: dot %" PRId64 " sums %" PRId64 " %" PRId64 " %"
                             PRId64 ", expected %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64,
                             u, p, got.dot, got.dsum, got.fsum, got.isum, r->dot, r->dsum,
                             r->fsum, r->isum))
                break;
        }
    return bench_finish("%d units, dot %" PRId64, units, got.dot);
}

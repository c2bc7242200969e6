/* FP in a program that never reads the FP flags nor sets the rounding mode: fvp-xlat
 * translates it with plain LLVM FP operations (D31), so this checks their results bit for
 * bit against qemu-riscv64: NaN results canonical (also from loops LLVM may vectorise), the
 * sign of exact zeros, sqrt of negatives, fused multiply-adds, conversions to integers that
 * saturate (NaN, infinities, out of range), min/max with NaNs and signed zeros, float <->
 * double, reductions whose NaN is carried round a loop.  Every operand comes from memory, so that the C compiler folds nothing. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile double dv[] = {
    0.0, -0.0, 1.0, -1.0, 5.0, -5.0, 0.1, 3.0e300, -3.0e300, 1e-310, -1e-310,
    INFINITY, -INFINITY, NAN, -NAN, 2147483647.5, -2147483648.5, 9.3e18, -9.3e18, 4.5,
};
#define ND (sizeof dv / sizeof dv[0])

static volatile float fv[] = { 0.0f, -0.0f, 1.5f, -2.5f, 3.0e38f, 1e-40f, INFINITY, NAN, 7.0f };
#define NF (sizeof fv / sizeof fv[0])

static uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    return (h ^ v) * 0x100000001b3ull;
}

/* A value an FP operation makes in a loop, carried round it and seen only after it (its
 * NaN must be canonical there), or a loaded NaN carried the same way (its payload must
 * stay): the canonicalisation deferred past phis (xlat_fp_defer_canon). */
static __attribute__((noinline)) uint64_t last_op(const volatile double *a, int n)
{
    double d = 0;
    for (int i = 0; i < n; i++)
        d = a[i] - a[i]; /* inf - inf: the x86 default NaN has the sign bit set */
    return dbits(d);
}

static __attribute__((noinline)) uint64_t last_mixed(const volatile double *a, int n)
{
    double d = 1;
    for (int i = 0; i < n; i++)
        d = (i & 1) ? a[i] : d * a[i]; /* odd i: the loaded bits as they are */
    return dbits(d);
}

static __attribute__((noinline)) uint64_t last_float(const volatile float *a, int n)
{
    float d = 0;
    for (int i = 0; i < n; i++)
        d = a[i] * 0.0f; /* inf * 0 */
    return fbits(d);
}

static volatile double lv[] = { 1.0, INFINITY, 2.0, -INFINITY };
static volatile double pv[4];
static volatile float lf[] = { 1.0f, INFINITY };

int main(void)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned i = 0; i < ND; i++) {
        double a = dv[i];
        h = mix(h, dbits(sqrt(a)));
        h = mix(h, (uint64_t)(int64_t)(int32_t)a);   /* fcvt.w.d, rtz, saturating */
        h = mix(h, (uint64_t)(int64_t)a);            /* fcvt.l.d */
        h = mix(h, dbits((double)(float)a));         /* fcvt.s.d then back */
        for (unsigned j = 0; j < ND; j++) {
            double b = dv[j];
            h = mix(h, dbits(a + b));
            h = mix(h, dbits(a - b));
            h = mix(h, dbits(a * b));
            h = mix(h, dbits(a / b));
            h = mix(h, dbits(fmin(a, b)));
            h = mix(h, dbits(fmax(a, b)));
            h = mix(h, dbits(fma(a, b, dv[(i + j) % ND])));
            h = mix(h, (uint64_t)((a < b) | (a <= b) << 1 | (a == b) << 2));
        }
    }
    printf("double ops: %016llx\n", (unsigned long long)h);
    for (unsigned i = 0; i < NF; i++) {
        float a = fv[i];
        h = mix(h, fbits(sqrtf(a)));
        h = mix(h, (uint64_t)(int64_t)(int32_t)a);
        h = mix(h, dbits((double)a));
        for (unsigned j = 0; j < NF; j++) {
            float b = fv[j];
            h = mix(h, fbits(a + b) | (uint64_t)fbits(a * b) << 32);
            h = mix(h, fbits(a / b) | (uint64_t)fbits(fminf(a, b)) << 32);
            h = mix(h, fbits(fmaf(a, b, fv[(i + j) % NF])));
        }
    }
    printf("float ops:  %016llx\n", (unsigned long long)h);

    /* loops LLVM may vectorise: NaNs and signed zeros flow through them */
    static double x[1024], y[1024], z[1024];
    for (unsigned i = 0; i < 1024; i++) {
        x[i] = dv[i % ND];
        y[i] = dv[(i * 7) % ND];
    }
    for (unsigned i = 0; i < 1024; i++)
        z[i] = x[i] * 0.5 + y[i];
    for (unsigned i = 0; i < 1024; i++)
        y[i] = y[i] * x[i] - z[i];
    uint64_t hz = 0;
    for (unsigned i = 0; i < 1024; i++)
        hz = mix(hz, dbits(z[i]) ^ dbits(y[i]) << 1);
    printf("loops:      %016llx\n", (unsigned long long)hz);
    /* reductions: the sum carried round the loop, canonical when it leaves (x holds -NaN) */
    double sum = 0, prod = 1, finite = 0;
    for (unsigned i = 0; i < 1024; i++) {
        sum += x[i];
        prod *= y[i] * 0.25;
        if (x[i] == x[i] && x[i] - x[i] == 0)
            finite += x[i];
    }
    printf("reductions: %016llx %016llx %016llx\n", (unsigned long long)dbits(sum),
           (unsigned long long)dbits(prod), (unsigned long long)dbits(finite));
    printf("signs: %g %g %g\n", dv[4] + dv[5], dv[1] + dv[1], dv[1] - dv[0]);
    /* quiet comparisons: GCC saves and restores fflags round them (frflags, flt/fle,
     * fsflags), which plain FP turns into plain loads and stores of the vCPU's fflags */
    uint64_t hq = 0;
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 0; j < ND; j++) {
            double a = dv[i], b = dv[j];
            float fa = (float)a, fb = fv[j % NF];
            hq = mix(hq, (uint64_t)isless(a, b) | (uint64_t)isgreater(a, b) << 1 |
                             (uint64_t)islessequal(a, b) << 2 | (uint64_t)isgreaterequal(a, b) << 3 |
                             (uint64_t)islessgreater(a, b) << 4 | (uint64_t)isless(fa, fb) << 5 |
                             (uint64_t)isgreaterequal(fa, fb) << 6);
        }
    printf("quiet cmp:  %016llx\n", (unsigned long long)hq);
    uint64_t payload = 0x7ff0000000000123ull, neg = 0xfff8000000000456ull;
    memcpy((void *)&pv[1], &payload, 8);
    memcpy((void *)&pv[3], &neg, 8);
    pv[0] = INFINITY;
    pv[2] = 3.0;
    printf("carried:    %016llx %016llx %016llx %016llx %016llx %08llx\n",
           (unsigned long long)last_op(lv, 2), (unsigned long long)last_op(lv, 4),
           (unsigned long long)last_mixed(pv, 2), (unsigned long long)last_mixed(pv, 4),
           (unsigned long long)last_mixed(pv, 3), (unsigned long long)last_float(lf, 2));
    return 0;
}

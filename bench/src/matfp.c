/* matfp — a double-precision matrix kernel: C = A B for 128x128 matrices (i-k-j loop order,
 * unit-stride inner loop that compilers vectorise), then C^T y (strided column access).
 *
 * Checks: Freivalds' test in floating point, |C x - A (B x)| within a rounding bound, and the
 * sum of C's entries and y^T C 1 within 1e-12 (relative) of the values from a native x86-64
 * run. */
#include "bench.h"
#include <math.h>
#include <string.h>

#define DIM 128
#define PASSES 16             /* products per unit */
/* Sum of the entries of C and y^T C 1, from a native x86-64 run (identical under
 * qemu-riscv64). */
#define EXPECTED_SUM (-252.87128988378532)
#define EXPECTED_TSUM (-86.15863826236189)

typedef struct { double v[DIM][DIM]; } Matrix;

static __attribute__((noinline)) void mat_mul(Matrix *c, const Matrix *a, const Matrix *b)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < DIM; i++)
        for (int k = 0; k < DIM; k++) {
            double aik = a->v[i][k];
            for (int j = 0; j < DIM; j++)
                c->v[i][j] += aik * b->v[k][j];
        }
}

static void mat_vec(double *out, const Matrix *m, const double *x)
{
    for (int i = 0; i < DIM; i++) {
        double s = 0;
        for (int j = 0; j < DIM; j++)
            s += m->v[i][j] * x[j];
        out[i] = s;
    }
}

/* y^T C, column by column: a strided walk over C. */
static __attribute__((noinline)) double mat_tvec_sum(const Matrix *c, const double *y)
{
    double total = 0;
    for (int j = 0; j < DIM; j++) {
        double s = 0;
        for (int i = 0; i < DIM; i++)
            s += c->v[i][j] * y[i];
        total += s;
    }
    return total;
}

/* Freivalds in floating point: |C x - A (B x)| must stay within a bound on the rounding error
 * of both sides (entries of A, B and x are in [-1, 1]: each dot product of DIM terms errs by at
 * most about DIM * 2^-53 times the sum of the magnitudes, which is at most DIM^2 here). */
static int freivalds(const Matrix *c, const Matrix *a, const Matrix *b, uint64_t *seed)
{
    double x[DIM], bx[DIM], abx[DIM], cx[DIM];
    for (int j = 0; j < DIM; j++)
        x[j] = (double)(bench_rand(seed) >> 11) * 0x1p-53 * 2 - 1;
    mat_vec(bx, b, x);
    mat_vec(abx, a, bx);
    mat_vec(cx, c, x);
    const double bound = 4.0 * DIM * DIM * DIM * 0x1p-53;
    for (int i = 0; i < DIM; i++)
        if (!(fabs(cx[i] - abx[i]) <= bound))
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    int units = bench_init("matfp", argc, argv);
    static Matrix a, b, c;
    static double y[DIM];
    uint64_t seed = 1234;
    for (int i = 0; i < DIM; i++) {
        for (int j = 0; j < DIM; j++) {
            a.v[i][j] = (double)(bench_rand(&seed) >> 11) * 0x1p-53 * 2 - 1;
            b.v[i][j] = (double)(bench_rand(&seed) >> 11) * 0x1p-53 * 2 - 1;
        }
        y[i] = 1.0 / (i + 1);
    }
    double sum = 0, tsum = 0;
    for (int u = 0; u < units && !bench_failures; u++) {
        for (int pass = 0; pass < PASSES; pass++) {
            BENCH_CLOBBER(&a);
            mat_mul(&c, &a, &b);
            tsum = mat_tvec_sum(&c, y);
        }
        if (!bench_check(freivalds(&c, &a, &b, &seed), "unit %d: product fails Freivalds' test",
                         u))
            break;
        sum = 0;
        for (int i = 0; i < DIM; i++)
            for (int j = 0; j < DIM; j++)
                sum += c.v[i][j];
        bench_check(fabs(sum - EXPECTED_SUM) <= 1e-12 * fabs(EXPECTED_SUM),
                    "unit %d: sum of C = %.17g, expected %.17g", u, sum, EXPECTED_SUM);
        bench_check(fabs(tsum - EXPECTED_TSUM) <= 1e-12 * fabs(EXPECTED_TSUM),
                    "unit %d: y^T C 1 = %.17g, expected %.17g", u, tsum, EXPECTED_TSUM);
    }
    return bench_finish("%d units, sum of C = %.12g, y^T C 1 = %.12g", units, sum, tsum);
}

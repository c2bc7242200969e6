/* spectral — FP-heavy numerical code: the spectral norm of the infinite matrix
 * A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1) truncated to N x N, by 10 steps of the power method on
 * A^T A (Computer Language Benchmarks Game).  Each unit computes it RUNS times.
 *
 * Check: the Benchmarks Game's published result for N = 100, 1.274219991 (9 printed digits). */
#include "bench.h"
#include <math.h>

#define N 100
#define RUNS 12               /* spectral norms per unit */

static inline double eval_a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mul_av(const double *v, double *out)
{
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < N; j++)
            s += eval_a(i, j) * v[j];
        out[i] = s;
    }
}

static void mul_atv(const double *v, double *out)
{
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < N; j++)
            s += eval_a(j, i) * v[j];
        out[i] = s;
    }
}

static void mul_atav(const double *v, double *out, double *tmp)
{
    mul_av(v, tmp);
    mul_atv(tmp, out);
}

/* noipa: without inputs the function is const to gcc, which could hoist it out of the loop. */
static __attribute__((noipa)) double spectral_norm(void)
{
    double u[N], v[N], tmp[N];
    for (int i = 0; i < N; i++)
        u[i] = 1;
    for (int i = 0; i < 10; i++) {
        mul_atav(u, v, tmp);
        mul_atav(v, u, tmp);
    }
    double vbv = 0, vv = 0;
    for (int i = 0; i < N; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    return sqrt(vbv / vv);
}

int main(int argc, char **argv)
{
    int units = bench_init("spectral", argc, argv);
    double norm = 0;
    for (int u = 0; u < units && !bench_failures; u++)
        for (int r = 0; r < RUNS; r++) {
            BENCH_CLOBBER(&norm);
            norm = spectral_norm();
            if (!bench_check(fabs(norm - 1.274219991) < 5e-10,
                             "unit %d: spectral norm %.9f, expected 1.274219991", u, norm))
                break;
        }
    return bench_finish("%d units, spectral norm %.9f", units, norm);
}

/* matint — an integer matrix kernel: products of 32-bit matrices modulo 2^32 (i-k-j loop
 * order, unit-stride inner loop), each product fed into the next: M <- M * B.
 *
 * Check, independent of the order of arithmetic: Freivalds' test with two pseudo-random
 * vectors per product, M' x == M (B x) (mod 2^32), which a wrong entry fails unless it
 * happens to be orthogonal to both vectors. */
#include "bench.h"
#include <string.h>

#define DIM 128
#define PASSES 20             /* products per unit */

typedef struct { uint32_t v[DIM][DIM]; } Matrix;

static __attribute__((noinline)) void mat_mul(Matrix *c, const Matrix *a, const Matrix *b)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < DIM; i++)
        for (int k = 0; k < DIM; k++) {
            uint32_t aik = a->v[i][k];
            for (int j = 0; j < DIM; j++)
                c->v[i][j] += aik * b->v[k][j];
        }
}

static void mat_vec(uint32_t *out, const Matrix *m, const uint32_t *x)
{
    for (int i = 0; i < DIM; i++) {
        uint32_t s = 0;
        for (int j = 0; j < DIM; j++)
            s += m->v[i][j] * x[j];
        out[i] = s;
    }
}

/* Freivalds: returns 1 when c x == a (b x) for two pseudo-random x. */
static int freivalds(const Matrix *c, const Matrix *a, const Matrix *b, uint64_t *seed)
{
    uint32_t x[DIM], bx[DIM], abx[DIM], cx[DIM];
    for (int trial = 0; trial < 2; trial++) {
        for (int j = 0; j < DIM; j++)
            x[j] = (uint32_t)bench_rand(seed);
        mat_vec(bx, b, x);
        mat_vec(abx, a, bx);
        mat_vec(cx, c, x);
        if (memcmp(abx, cx, sizeof cx) != 0)
            return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    int units = bench_init("matint", argc, argv);
    static Matrix m, next, b;
    uint64_t seed = 77;
    for (int i = 0; i < DIM; i++)
        for (int j = 0; j < DIM; j++) {
            m.v[i][j] = (uint32_t)bench_rand(&seed);
            b.v[i][j] = (uint32_t)bench_rand(&seed);
        }
    for (int u = 0; u < units && !bench_failures; u++) {
        for (int pass = 0; pass < PASSES; pass++) {
            mat_mul(&next, &m, &b);
            if (!bench_check(freivalds(&next, &m, &b, &seed),
                             "unit %d pass %d: product fails Freivalds' test", u, pass))
                break;
            m = next;
        }
    }
    return bench_finish("%d units, %d products of %dx%d matrices, m[0][0] = %#" PRIx32, units,
                        units * PASSES, DIM, DIM, m.v[0][0]);
}

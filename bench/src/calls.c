/* calls — calls and recursion: naive Fibonacci, Gabriel's TAK, Ackermann's function
 * (deep recursion: ~2^(n+3) frames), and indirect calls through a table of function pointers.
 *
 * Checks are all independent: Fibonacci by iteration, tak by memoised recursion over a table,
 * the closed forms of Ackermann (A(2,n) = 2n+3, A(3,n) = 2^(n+3)-3), and the indirect calls
 * against a switch doing the same arithmetic. */
#include "bench.h"

#define FIB_N 27
#define TAK_X 24
#define TAK_Y 16
#define TAK_Z 8
#define ACK2_N 200           /* A(2, n): ~2n^2 calls */
#define ACK_N 7              /* A(3, n): ~0.7 million calls for n = 7, 2^(n+3) deep */
#define INDIRECT_CALLS 400000

static __attribute__((noinline)) uint64_t fib(int n)
{
    return n < 2 ? (uint64_t)n : fib(n - 1) + fib(n - 2);
}

/* Gabriel's TAK (the Lisp benchmark; the classic arguments are 18, 12, 6). */
static __attribute__((noinline)) int tak(int x, int y, int z)
{
    return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
}

/* The same function, each value computed once: arguments stay in [TAK_MIN, TAK_MAX]. */
#define TAK_MIN (-1)
#define TAK_MAX 24
#define TAK_SPAN (TAK_MAX - TAK_MIN + 1)
static int tak_memo_table[TAK_SPAN][TAK_SPAN][TAK_SPAN];

static int tak_memo(int x, int y, int z)
{
    if (!(y < x))
        return z;
    int *slot = &tak_memo_table[x - TAK_MIN][y - TAK_MIN][z - TAK_MIN];
    if (*slot == INT32_MIN)
        *slot = tak_memo(tak_memo(x - 1, y, z), tak_memo(y - 1, z, x), tak_memo(z - 1, x, y));
    return *slot;
}

static __attribute__((noinline)) uint64_t ack(uint64_t m, uint64_t n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

/* Eight small functions called through a table: the target changes on every call. */
typedef uint64_t Op(uint64_t acc, uint64_t i);
static __attribute__((noinline)) uint64_t op_add(uint64_t a, uint64_t i) { return a + i; }
static __attribute__((noinline)) uint64_t op_sub(uint64_t a, uint64_t i) { return a - 3 * i; }
static __attribute__((noinline)) uint64_t op_xor(uint64_t a, uint64_t i) { return a ^ (i << 7); }
static __attribute__((noinline)) uint64_t op_mul(uint64_t a, uint64_t i) { return a * 0x100000001b3ULL + i; }
static __attribute__((noinline)) uint64_t op_rot(uint64_t a, uint64_t i) { return (a << 13 | a >> 51) + i; }
static __attribute__((noinline)) uint64_t op_shr(uint64_t a, uint64_t i) { return a + (a >> 17) + i; }
static __attribute__((noinline)) uint64_t op_neg(uint64_t a, uint64_t i) { return ~a + i; }
static __attribute__((noinline)) uint64_t op_and(uint64_t a, uint64_t i) { return (a & 0xfff0fff0fff0fff0ULL) | i; }
static Op *const ops[8] = { op_add, op_sub, op_xor, op_mul, op_rot, op_shr, op_neg, op_and };

static __attribute__((noinline)) uint64_t indirect_calls(Op *const *table, uint64_t seed)
{
    uint64_t acc = seed;
    for (uint64_t i = 0; i < INDIRECT_CALLS; i++)
        acc = table[(acc ^ i) & 7](acc, i);
    return acc;
}

static uint64_t indirect_reference(uint64_t seed)
{
    uint64_t a = seed;
    for (uint64_t i = 0; i < INDIRECT_CALLS; i++) {
        switch ((a ^ i) & 7) {
        case 0: a = a + i; break;
        case 1: a = a - 3 * i; break;
        case 2: a = a ^ (i << 7); break;
        case 3: a = a * 0x100000001b3ULL + i; break;
        case 4: a = (a << 13 | a >> 51) + i; break;
        case 5: a = a + (a >> 17) + i; break;
        case 6: a = ~a + i; break;
        default: a = (a & 0xfff0fff0fff0fff0ULL) | i; break;
        }
    }
    return a;
}

int main(int argc, char **argv)
{
    int units = bench_init("calls", argc, argv);
    uint64_t fib_ref = 0, f1 = 1;
    for (int i = 0; i < FIB_N; i++) {
        uint64_t t = fib_ref + f1;
        fib_ref = f1;
        f1 = t;
    }
    for (int i = 0; i < TAK_SPAN * TAK_SPAN * TAK_SPAN; i++)
        (&tak_memo_table[0][0][0])[i] = INT32_MIN;
    int tak_ref = tak_memo(TAK_X, TAK_Y, TAK_Z);
    uint64_t ind_ref = indirect_reference(1);

    volatile int n = FIB_N;   /* read each unit: the compiler cannot reuse the last result */
    for (int u = 0; u < units && !bench_failures; u++) {
        uint64_t f = fib(n);
        bench_check(f == fib_ref, "fib(%d) = %" PRIu64 ", expected %" PRIu64, FIB_N, f, fib_ref);
        int t = tak(TAK_X + n - FIB_N, TAK_Y, TAK_Z);
        bench_check(t == tak_ref, "tak(%d, %d, %d) = %d, expected %d", TAK_X, TAK_Y, TAK_Z, t,
                    tak_ref);
        uint64_t a2 = ack(2, ACK2_N + n - FIB_N), a3 = ack(3, ACK_N + n - FIB_N);
        bench_check(a2 == 2 * ACK2_N + 3, "ack(2, %d) = %" PRIu64, ACK2_N, a2);
        bench_check(a3 == (1ULL << (ACK_N + 3)) - 3, "ack(3, %d) = %" PRIu64, ACK_N, a3);
        uint64_t ind = indirect_calls(ops, (uint64_t)n - FIB_N + 1);
        bench_check(ind == ind_ref, "indirect calls: %#" PRIx64 ", expected %#" PRIx64, ind,
                    ind_ref);
    }
    return bench_finish("%d units, fib(%d) = %" PRIu64, units, FIB_N, fib_ref);
}

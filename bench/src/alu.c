/* alu — integer ALU: 64-bit multiply, divide and remainder, shifts, rotates, bit counting.
 *
 * Each unit runs the same mix over 2^17 pseudo-random operand pairs.  Independent checks on
 * every operation: x == q*y + r with r < y, isqrt(x)^2 <= x < (isqrt(x)+1)^2, gcd divides both
 * operands; and the unit's checksum must equal the value from a native x86-64 run. */
#include "bench.h"

#define PAIRS 131072
/* Checksum of one unit: from a native x86-64 run, identical under qemu-riscv64. */
#define UNIT_SUM 0xc8883aae9baffb3bULL

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* Integer square root by Newton's method (floor(sqrt(x)), no FP). */
static uint64_t isqrt(uint64_t x)
{
    if (x < 2)
        return x;
    /* Start above the root (2^ceil(bits/2)); Newton then decreases monotonically to it. */
    uint64_t r = 1ULL << ((65 - __builtin_clzll(x)) / 2);
    for (;;) {
        uint64_t next = (r + x / r) / 2;
        if (next >= r)
            return r;
        r = next;
    }
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* One unit: returns the checksum; counts failed identities in *out_bad. */
static __attribute__((noinline)) uint64_t alu_unit(uint64_t seed, int *out_bad)
{
    uint64_t sum = 0;
    int bad = 0;
    for (int i = 0; i < PAIRS; i++) {
        uint64_t x = bench_rand(&seed);
        uint64_t y = (bench_rand(&seed) >> (i & 31)) | 1;
        uint64_t q = x / y, r = x % y;
        bad += q * y + r != x || r >= y;
        uint64_t s = isqrt(x >> (i & 7));
        uint64_t xs = x >> (i & 7);
        bad += s * s > xs || (s < 0xffffffffULL && (s + 1) * (s + 1) <= xs);
        uint64_t g = gcd(x >> 40, y >> 44 | 1);
        bad += (x >> 40) % g != 0 || (y >> 44 | 1) % g != 0;
        int64_t sx = (int64_t)x >> 3, sy = (int64_t)(y | 0x8000000000000000ULL) >> 17;
        sum += rotl(sum ^ q, i & 63) + (uint64_t)(sx / (sy | 1)) + (uint64_t)(sx % (sy | 1));
        sum ^= (uint64_t)__builtin_popcountll(x) * 0x9e3779b97f4a7c15ULL + s + g;
        sum += (x * y) ^ ((uint64_t)(((unsigned __int128)x * y) >> 64));
        sum += (uint32_t)x * (uint32_t)(y >> 32) + ((int32_t)x >> (y & 31));
    }
    *out_bad = bad;
    return sum;
}

int main(int argc, char **argv)
{
    int units = bench_init("alu", argc, argv);
    uint64_t seed = 12345, sum = 0;
    for (int u = 0; u < units; u++) {
        BENCH_CLOBBER(&seed);
        int bad;
        sum = alu_unit(seed, &bad);
        if (!bench_check(bad == 0, "unit %d: %d arithmetic identities failed", u, bad) ||
            !bench_check(sum == UNIT_SUM, "unit %d: checksum %#" PRIx64 ", expected %#" PRIx64,
                         u, sum, (uint64_t)UNIT_SUM))
            break;
    }
    return bench_finish("%d units, checksum %#" PRIx64, units, sum);
}

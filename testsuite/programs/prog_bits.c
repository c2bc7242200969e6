/* libgcc's bit helpers (__clzdi2, __ctzdi2, __popcountdi2, __bswapsi2, __bswapdi2), which
 * RV64GC code without Zbb calls for __builtin_clzl and the like; fvp-xlat makes such calls
 * LLVM intrinsics (docs D52) and keeps the call for a zero argument of clz/ctz, whose result
 * is the helper's own.  Called directly and through the builtins, over edge values and a
 * stream of pseudo-random ones, with other values live across the calls.  Output must match
 * qemu-riscv64. */
#include <stdint.h>
#include <stdio.h>

int __clzdi2(unsigned long);
int __ctzdi2(unsigned long);
int __popcountdi2(unsigned long);
int32_t __bswapsi2(int32_t);
int64_t __bswapdi2(int64_t);

static uint64_t mix(uint64_t h, uint64_t v)
{
    return (h ^ v) * 0x100000001b3ull;
}

static volatile uint64_t seed = 0x9e3779b97f4a7c15ull;

int main(void)
{
    static const uint64_t edge[] = { 0, 1, 2, 3, 0x80, 0xff, 0x100, 0x8000000000000000ull,
                                     0x7fffffffffffffffull, 0xffffffffffffffffull,
                                     0x00000000ffffffffull, 0x80000000ull, 0x12345678ull,
                                     0xfedcba9876543210ull, 0x0000000100000000ull };
    for (unsigned i = 0; i < sizeof edge / sizeof *edge; i++) {
        uint64_t v = edge[i];
        printf("%#llx: clz %d ctz %d pop %d bswap32 %#x bswap64 %#llx\n", (unsigned long long)v,
               __clzdi2(v), __ctzdi2(v), __popcountdi2(v), (unsigned)__bswapsi2((int32_t)v),
               (unsigned long long)__bswapdi2((int64_t)v));
    }
    /* a stream, every third value shifted so that leading and trailing zeros vary, and with
     * accumulators that stay live across the calls */
    uint64_t x = seed, h1 = 1, h2 = 2, h3 = 3, h4 = 4, h5 = 5, h6 = 6, n0 = 0;
    for (int i = 0; i < 200000; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t v = i % 3 == 0 ? x >> (i % 64) : i % 3 == 1 ? x << (i % 61) : x;
        if (i % 1000 == 7)
            v = 0;
        n0 += v == 0;
        h1 = mix(h1, (uint64_t)(int64_t)__clzdi2(v));
        h2 = mix(h2, (uint64_t)(int64_t)__ctzdi2(v));
        h3 = mix(h3, (uint64_t)(int64_t)__popcountdi2(v));
        h4 = mix(h4, (uint64_t)(int64_t)__bswapsi2((int32_t)v));
        h5 = mix(h5, (uint64_t)__bswapdi2((int64_t)v));
        if (v)
            h6 = mix(h6, (uint64_t)(__builtin_clzll(v) * 64 + __builtin_ctzll(v)) +
                             (uint64_t)__builtin_popcountll(v));
    }
    printf("zeros %llu\nclz %016llx\nctz %016llx\npop %016llx\nbswap32 %016llx\n"
           "bswap64 %016llx\nbuiltins %016llx\n",
           (unsigned long long)n0, (unsigned long long)h1, (unsigned long long)h2,
           (unsigned long long)h3, (unsigned long long)h4, (unsigned long long)h5,
           (unsigned long long)h6);
    return 0;
}

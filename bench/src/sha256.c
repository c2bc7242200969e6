/* sha256 — a crypto kernel: SHA-256 (FIPS 180-4) over a 64 KiB buffer, 32-bit rotates, adds
 * and logic in a 64-round loop.
 *
 * Checks: the FIPS 180-2 example digests of "abc" and of the 448-bit two-block message, and
 * the digest of the buffer, which `sha256sum` computed from a copy of the buffer written by a
 * native run (write it with SHA256_DUMP=file). */
#include "bench.h"
#include <string.h>

#define BUF_SIZE 65536
#define PASSES 30             /* digests of the buffer per unit */

/* sha256sum of the buffer (SHA256_DUMP output of a native run). */
static const char buffer_digest[] =
    "50b2b2cdb09cb42e9a3c61270c0e991c454fed220176dabbd31631fb51264fae";

typedef struct { uint32_t h[8]; uint64_t len; uint8_t block[64]; size_t used; } Sha256;

static const uint32_t K[64] = {  /* FIPS 180-4 §4.2.2 */
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

/* FIPS 180-4 §6.2.2: one 512-bit block. */
static void sha256_block(uint32_t h[8], const uint8_t *p)
{
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
               (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha256_init(Sha256 *s)
{
    static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memcpy(s->h, h0, sizeof h0);
    s->len = 0;
    s->used = 0;
}

static void sha256_update(Sha256 *s, const uint8_t *p, size_t n)
{
    s->len += n;
    if (s->used) {
        size_t take = n < 64 - s->used ? n : 64 - s->used;
        memcpy(s->block + s->used, p, take);
        s->used += take;
        p += take;
        n -= take;
        if (s->used < 64)
            return;
        sha256_block(s->h, s->block);
        s->used = 0;
    }
    for (; n >= 64; p += 64, n -= 64)
        sha256_block(s->h, p);
    memcpy(s->block, p, n);
    s->used = n;
}

/* FIPS 180-4 §5.1.1 padding; writes the digest as 64 lowercase hex digits and a NUL. */
static void sha256_final_hex(Sha256 *s, char out_hex[65])
{
    uint64_t bits = s->len * 8;
    uint8_t pad[72] = { 0x80 };
    size_t padlen = (s->used < 56 ? 56 : 120) - s->used;
    for (int i = 0; i < 8; i++)
        pad[padlen + i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(s, pad, padlen + 8);
    for (int i = 0; i < 8; i++)
        snprintf(out_hex + 8 * i, 9, "%08x", s->h[i]);
}

static __attribute__((noinline)) void sha256_hex(const void *p, size_t n, char out_hex[65])
{
    Sha256 s;
    sha256_init(&s);
    sha256_update(&s, p, n);
    sha256_final_hex(&s, out_hex);
}

int main(int argc, char **argv)
{
    int units = bench_init("sha256", argc, argv);
    char hex[65];
    static const struct { const char *msg, *digest; } fips[] = {   /* FIPS 180-2 appendix B */
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    };
    for (size_t i = 0; i < sizeof fips / sizeof *fips; i++) {
        sha256_hex(fips[i].msg, strlen(fips[i].msg), hex);
        bench_check(strcmp(hex, fips[i].digest) == 0, "sha256(\"%s\") = %s", fips[i].msg, hex);
    }

    uint8_t *buf = bench_alloc(BUF_SIZE);
    uint64_t seed = 2024;
    for (size_t i = 0; i < BUF_SIZE; i += 8) {
        uint64_t r = bench_rand(&seed);
        memcpy(buf + i, &r, 8);                     /* same bytes on both (little-endian) hosts */
    }
    const char *dump = getenv("SHA256_DUMP");
    if (dump) {
        FILE *f = fopen(dump, "wb");
        if (!f || fwrite(buf, 1, BUF_SIZE, f) != BUF_SIZE || fclose(f) != 0)
            bench_check(0, "cannot write %s", dump);
    }
    for (int u = 0; u < units && !bench_failures; u++) {
        for (int pass = 0; pass < PASSES; pass++) {
            BENCH_CLOBBER(buf);
            sha256_hex(buf, BUF_SIZE, hex);
            if (!bench_check(strcmp(hex, buffer_digest) == 0, "unit %d: digest %s, expected %s",
                             u, hex, buffer_digest))
                break;
        }
    }
    free(buf);
    return bench_finish("%d units, digest %.16s...", units, hex);
}

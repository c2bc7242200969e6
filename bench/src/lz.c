/* lz — a compression kernel: LZ77 with hash chains (longest of up to 32 candidates, greedy
 * parsing) and its decompressor, over 64 KiB of generated text made of words of a small
 * vocabulary — byte loads, compares, branches and copies.
 *
 * Checks: decompressing gives back the input exactly (independent of any reference), and the
 * compressed size equals the native x86-64 run's. */
#include "bench.h"
#include <string.h>

#define TEXT_SIZE 65536
#define PASSES 3              /* compress + decompress round trips per unit */
#define HASH_BITS 13
#define MAX_CHAIN 32
#define MIN_MATCH 4
#define MAX_OFFSET 65535
/* Compressed size of the text, from a native x86-64 run (identical under qemu-riscv64). */
#define EXPECTED_SIZE 31479

/* Format: sequences of varint(literal count), literals, varint(match length - MIN_MATCH + 1)
 * and a 16-bit little-endian offset; a match length field of 0 ends the stream. */
static uint8_t *put_varint(uint8_t *p, uint32_t v)
{
    while (v >= 0x80) {
        *p++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *p++ = (uint8_t)v;
    return p;
}

static const uint8_t *get_varint(const uint8_t *p, uint32_t *out_v)
{
    uint32_t v = 0;
    for (int shift = 0;; shift += 7) {
        v |= (uint32_t)(*p & 0x7f) << shift;
        if (!(*p++ & 0x80))
            break;
    }
    *out_v = v;
    return p;
}

static inline uint32_t hash4(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

typedef struct { int32_t head[1 << HASH_BITS]; int32_t prev[TEXT_SIZE]; } Chains;

/* Compresses in[0..n) into out (room for n + n/64 + 16 bytes); returns the compressed size. */
static __attribute__((noinline)) size_t lz_compress(const uint8_t *in, size_t n, uint8_t *out,
                                                    Chains *c)
{
    memset(c->head, -1, sizeof c->head);
    uint8_t *o = out;
    size_t lit = 0, i = 0;
    while (i + MIN_MATCH <= n) {
        uint32_t h = hash4(in + i);
        size_t best_len = 0, best_off = 0;
        int chain = MAX_CHAIN;
        for (int32_t cand = c->head[h]; cand >= 0 && chain-- > 0; cand = c->prev[cand]) {
            size_t off = i - (size_t)cand;
            if (off > MAX_OFFSET)
                break;
            size_t len = 0;
            while (i + len < n && in[cand + len] == in[i + len])
                len++;
            if (len > best_len) {
                best_len = len;
                best_off = off;
            }
        }
        c->prev[i] = c->head[h];
        c->head[h] = (int32_t)i;
        if (best_len < MIN_MATCH) {
            i++;
            continue;
        }
        o = put_varint(o, (uint32_t)(i - lit));
        memcpy(o, in + lit, i - lit);
        o += i - lit;
        o = put_varint(o, (uint32_t)(best_len - MIN_MATCH + 1));
        *o++ = (uint8_t)best_off;
        *o++ = (uint8_t)(best_off >> 8);
        for (size_t end = i + best_len, j = i + 1; j < end && j + MIN_MATCH <= n; j++) {
            uint32_t hj = hash4(in + j);   /* index the matched bytes too */
            c->prev[j] = c->head[hj];
            c->head[hj] = (int32_t)j;
        }
        i += best_len;
        lit = i;
    }
    o = put_varint(o, (uint32_t)(n - lit));
    memcpy(o, in + lit, n - lit);
    o += n - lit;
    o = put_varint(o, 0);
    return (size_t)(o - out);
}

/* Decompresses into out (capacity cap); returns the size, or (size_t)-1 on a malformed
 * stream (a wrong compressor must fail the check, not crash). */
static __attribute__((noinline)) size_t lz_decompress(const uint8_t *in, size_t in_size,
                                                      uint8_t *out, size_t cap)
{
    const uint8_t *p = in, *end = in + in_size;
    size_t n = 0;
    for (;;) {
        uint32_t lit, mlen;
        if (p >= end)
            return (size_t)-1;
        p = get_varint(p, &lit);
        if (lit > cap - n || lit > (size_t)(end - p))
            return (size_t)-1;
        memcpy(out + n, p, lit);
        n += lit;
        p += lit;
        if (p >= end)
            return (size_t)-1;
        p = get_varint(p, &mlen);
        if (mlen == 0)
            return n;
        if (end - p < 2)
            return (size_t)-1;
        size_t off = p[0] | (size_t)p[1] << 8, len = mlen + MIN_MATCH - 1;
        p += 2;
        if (off == 0 || off > n || len > cap - n)
            return (size_t)-1;
        for (size_t k = 0; k < len; k++, n++)   /* byte by byte: source and copy overlap */
            out[n] = out[n - off];
    }
}

/* Text from a 200-word vocabulary with Zipf-like frequencies: compressible, but not trivially. */
static void text_make(uint8_t *text, size_t size)
{
    static const char *syll[] = { "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "xu",
                                  "an", "el", "or", "ith", "ung", "est" };
    char words[200][16];
    uint64_t seed = 8;
    for (int w = 0; w < 200; w++) {
        words[w][0] = '\0';
        for (int s = 0, ns = 1 + (int)(bench_rand(&seed) % 4); s < ns; s++)
            strcat(words[w], syll[bench_rand(&seed) % 16]);
    }
    size_t i = 0;
    while (i < size) {
        uint64_t r = bench_rand(&seed);
        int w = (int)((r % 200) * ((r >> 8) % 200) / 200);   /* small indices more often */
        for (const char *s = words[w]; *s && i < size; s++)
            text[i++] = (uint8_t)*s;
        if (i < size)
            text[i++] = (r >> 20) % 12 == 0 ? (uint8_t)'\n' : (r >> 20) % 7 == 0 ? ',' : ' ';
    }
}

int main(int argc, char **argv)
{
    int units = bench_init("lz", argc, argv);
    uint8_t *text = bench_alloc(TEXT_SIZE), *packed = bench_alloc(TEXT_SIZE + TEXT_SIZE / 64 + 16);
    uint8_t *unpacked = bench_alloc(TEXT_SIZE);
    Chains *chains = bench_alloc(sizeof *chains);
    text_make(text, TEXT_SIZE);
    size_t size = 0;
    for (int u = 0; u < units && !bench_failures; u++)
        for (int pass = 0; pass < PASSES; pass++) {
            BENCH_CLOBBER(text);
            size = lz_compress(text, TEXT_SIZE, packed, chains);
            size_t n = lz_decompress(packed, size, unpacked, TEXT_SIZE);
            if (!bench_check(n == TEXT_SIZE && memcmp(unpacked, text, TEXT_SIZE) == 0,
                             "unit %d: round trip failed (decompressed size %zu)", u, n) ||
                !bench_check(size == EXPECTED_SIZE, "unit %d: compressed size %zu, expected %d",
                             u, size, EXPECTED_SIZE))
                break;
        }
    free(chains);
    free(unpacked);
    free(packed);
    free(text);
    return bench_finish("%d units, %d bytes -> %zu", units, TEXT_SIZE, size);
}

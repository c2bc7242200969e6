/* Bytes stored one at a time and read back wider: RV64 gcc copies a word it may not load
 * directly (`memcpy(&v, p, 4)` from an unaligned pointer) byte by byte into the stack and
 * loads it from there, and fvp-xlat -O2 gives such a load the stored bytes' values (docs D60).
 * Here: unaligned 2/4/8-byte reads at every offset, a hash over them, byte stores over part
 * of a wider value then read back at other offsets and widths, stores through a second
 * pointer that may be the same (in between, so nothing may be forwarded past them), and a
 * union punned between bytes and words.  Output must match qemu-riscv64. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t buf[256];

static __attribute__((noinline)) uint32_t read32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static __attribute__((noinline)) uint64_t read64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static __attribute__((noinline)) uint16_t read16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

/* lz-style hash of the 4 bytes at every position */
static __attribute__((noinline)) uint32_t hash_all(const uint8_t *p, size_t n)
{
    uint32_t h = 0;
    for (size_t i = 0; i + 4 <= n; i++)
        h = h * 31 + ((read32(p + i) * 2654435761u) >> 19);
    return h;
}

/* A doubleword, then bytes written over parts of it, then reads of every width at every
 * offset; q may alias p + k (the caller passes both cases). */
static __attribute__((noinline)) uint64_t overlay(uint8_t *p, uint8_t *q, uint64_t x, int k)
{
    uint64_t sum = 0;
    memcpy(p, &x, 8);
    p[k] = (uint8_t)(x >> 56);
    sum += read16(p + 1) + read32(p + 2);
    *q = 0x5a;                       /* may be p[k]: nothing stored before may be trusted */
    sum = sum * 1000003u + read32(p + k / 2);
    uint16_t h = (uint16_t)(x >> 20);
    memcpy(p + 3, &h, 2);
    sum = sum * 1000003u + read64(p);
    return sum;
}

typedef union { uint8_t b[8]; uint16_t h[4]; uint32_t w[2]; uint64_t d; } Pun;

static __attribute__((noinline)) uint64_t pun(uint64_t seed)
{
    volatile Pun u;
    Pun v;
    for (int i = 0; i < 8; i++)
        v.b[i] = (uint8_t)(seed >> (7 * i));
    u = v;
    uint64_t r = v.d ^ ((uint64_t)v.w[1] << 3) ^ v.h[2];
    v.h[1] = (uint16_t)r;
    r += v.w[0] + v.b[3];
    return r ^ u.d;
}

int main(void)
{
    uint64_t s = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < sizeof buf; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        buf[i] = (uint8_t)s;
    }
    printf("hash %08x\n", (unsigned)hash_all(buf, sizeof buf));
    for (int off = 0; off < 8; off++)
        printf("off %d: %04x %08x %016llx\n", off, (unsigned)read16(buf + off),
               (unsigned)read32(buf + off), (unsigned long long)read64(buf + off));
    uint64_t acc = 0;
    for (int k = 0; k < 8; k++) {
        uint8_t a[16], b[16];
        memcpy(a, buf + 16 * k, 16);
        memcpy(b, a, 16);
        uint64_t x = read64(buf + 100 + k);
        uint64_t same = overlay(a + 1, a + 1 + k, x, k);  /* q aliases p + k */
        uint64_t apart = overlay(b + 1, b + 15, x, k);    /* q elsewhere */
        acc = acc * 31 + same + 7 * apart + a[k] + b[k + 1];
        printf("k %d: %016llx %016llx\n", k, (unsigned long long)same,
               (unsigned long long)apart);
    }
    for (uint64_t i = 1; i < 6; i++)
        acc = acc * 131 + pun(acc + i);
    printf("acc %016llx\n", (unsigned long long)acc);
    return 0;
}

/* CPU-bound checksum loop (~1-2 s under qemu-riscv64): CRC-32 (bitwise and table),
 * FNV-1a and a xorshift stream over a generated buffer.  Used to measure interpreter
 * speed; prints only checksums.  Optional argv[1]: number of rounds (default 3000). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t g_table[256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        g_table[i] = c;
    }
}

static uint32_t crc_table(const uint8_t *p, size_t n, uint32_t crc)
{
    crc = ~crc;
    for (size_t i = 0; i < n; i++) crc = g_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t crc_bitwise(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 3000;
    enum { N = 1 << 16 };
    static uint8_t buf[N];
    uint64_t s = 0x9e3779b97f4a7c15ull;
    for (int i = 0; i < N; i++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        buf[i] = (uint8_t)s;
    }
    crc_init();
    uint32_t crc = 0;
    uint64_t fnv = 0xcbf29ce484222325ull;
    for (int r = 0; r < rounds; r++) {
        crc = crc_table(buf, N, crc);
        for (int i = 0; i < N; i++) fnv = (fnv ^ buf[i]) * 0x100000001b3ull;
        buf[r % N] ^= (uint8_t)crc;
    }
    printf("rounds %d crc32 %08x fnv %016llx bitwise %08x\n", rounds, crc,
           (unsigned long long)fnv, crc_bitwise(buf, N / 4));
    printf("check crc32(\"123456789\") = %08x (expect cbf43926)\n",
           crc_table((const uint8_t *)"123456789", 9, 0));
    return 0;
}

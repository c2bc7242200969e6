/*
 * SHA-256 (FIPS 180-4), for content-addressed keys: the translation cache
 * (translator/cache.c) names each entry by the hash of everything its output
 * depends on.
 */
#ifndef FVP_SHA256_H
#define FVP_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct Sha256 {
    uint32_t h[8];
    uint64_t len;       /* bytes hashed so far */
    uint8_t buf[64];
    size_t nbuf;
} Sha256;

void sha256_init(Sha256 *s);
void sha256_update(Sha256 *s, const void *data, size_t n);
/* Finishes: the 32-byte digest into out (s must be initialised again to reuse). */
void sha256_final(Sha256 *s, uint8_t out[32]);
/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(const uint8_t digest[32], char out[65]);

#endif /* FVP_SHA256_H */

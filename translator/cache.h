/*
 * The persistent translation cache of fvp-xlat: content-addressed, one
 * entry per output executable, named by the SHA-256 of everything the output
 * depends on (the guest ELF, fvp-xlat itself, the runtime libraries it links,
 * the LLVM version, the options that change code and the profile's contents).
 * A hit copies the entry to the output; a miss translates and stores the
 * output.  The cache is bounded in size: storing evicts the least recently
 * used entries (a hit refreshes an entry's time).
 *
 * Where: $FVP_CACHE_DIR, else $XDG_CACHE_HOME/fvp, else $HOME/.cache/fvp.
 * Bound: $FVP_CACHE_SIZE bytes (suffixes K, M, G; default 2G; 0 disables).
 * Entries are written to a temporary name and renamed, so concurrent
 * fvp-xlat processes never see a partial entry.
 */
#ifndef FVP_XLAT_CACHE_H
#define FVP_XLAT_CACHE_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "translator/xlat.h"

typedef struct XlatCache {
    char dir[PATH_MAX];
    uint64_t max_bytes;
    char key[65];           /* hex SHA-256, set by xlat_cache_key */
} XlatCache;

/* Resolves the cache's place and bound.  1: the cache is on; 0: off
 * (FVP_CACHE_SIZE=0, or no directory can be named); negative errno with a
 * one-line reason in err for a malformed FVP_CACHE_SIZE. */
int xlat_cache_open(XlatCache *c, char *err, size_t errlen);

/* The key of translating elf[0..len) with o, the runtime from libdir.
 * Negative errno with err set if a file it depends on cannot be read. */
int xlat_cache_key(XlatCache *c, const XlatOptions *o, const uint8_t *elf, size_t len,
                   const char *libdir, char *err, size_t errlen);

/* Copies the entry of c->key to path (mode 0777 & ~umask).  1: hit; 0: no
 * such entry (or it could not be copied: the caller translates). */
int xlat_cache_fetch(const XlatCache *c, const char *path);

/* Stores path as the entry of c->key and evicts down to the bound.
 * 0, or negative errno with err set (the translation itself stands). */
int xlat_cache_store(const XlatCache *c, const char *path, char *err, size_t errlen);

/* Parses a size such as "512M", "2G", "1048576" (suffixes K, M, G, T, powers
 * of 1024).  0 and the value, or -EINVAL. */
int xlat_cache_parse_size(const char *s, uint64_t *out);

#endif /* FVP_XLAT_CACHE_H */

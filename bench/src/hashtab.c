/* hashtab — a hash table: open addressing with linear probing over 64-bit keys (insert with
 * counting, look up, delete with backward shift), keys drawn with many repeats.
 *
 * Check: the same statistics computed by sorting the key list and binary search — number of
 * distinct keys, sum of squared counts, hits among the probe keys, keys left after deleting
 * those seen an odd number of times. */
#include "bench.h"
#include <string.h>

#define KEYS 40000            /* insertions per pass */
#define KEY_RANGE 60000       /* distinct values a key can take */
#define PROBES 40000          /* look-ups per pass, about a quarter of them hits */
#define SLOTS (1u << 17)      /* table size: load factor below 0.3 */
#define PASSES 4              /* passes per unit */

typedef struct { uint64_t key; uint64_t count; } Slot;   /* count 0: empty */
typedef struct { uint64_t distinct, sumsq, hits, left; } Stats;

static inline uint64_t key_of(uint64_t r) { return (r % KEY_RANGE) * 0x9e3779b97f4a7c15ULL + 1; }
static inline uint32_t slot_of(uint64_t key) { return (uint32_t)((key * 0xff51afd7ed558ccdULL) >> 47); }

/* Returns the slot holding `key`, or the empty slot where it would go. */
static inline uint32_t table_find(const Slot *t, uint64_t key)
{
    uint32_t i = slot_of(key);
    while (t[i].count && t[i].key != key)
        i = (i + 1) & (SLOTS - 1);
    return i;
}

/* Removes slot i and moves later entries of its probe run back (no tombstones): Knuth
 * vol. 3, §6.4, Algorithm R. */
static void table_delete(Slot *t, uint32_t i)
{
    for (uint32_t j = i;;) {
        t[i].count = 0;
        for (;;) {
            j = (j + 1) & (SLOTS - 1);
            if (!t[j].count)
                return;
            uint32_t home = slot_of(t[j].key);
            /* Move t[j] to i unless its home lies cyclically in (i, j]. */
            if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
                continue;
            t[i] = t[j];
            i = j;
            break;
        }
    }
}

static __attribute__((noinline)) Stats table_pass(Slot *t, uint64_t seed)
{
    Stats s = { 0, 0, 0, 0 };
    memset(t, 0, SLOTS * sizeof *t);
    uint64_t r = seed;
    for (int k = 0; k < KEYS; k++) {
        uint64_t key = key_of(bench_rand(&r));
        uint32_t i = table_find(t, key);
        s.distinct += t[i].count == 0;
        t[i].key = key;
        t[i].count++;
    }
    for (int k = 0; k < PROBES; k++)
        s.hits += t[table_find(t, key_of(bench_rand(&r)) + (k & 1))].count != 0;
    r = seed;   /* delete keys seen an odd number of times, found again from the key list */
    for (int k = 0; k < KEYS; k++) {
        uint32_t i = table_find(t, key_of(bench_rand(&r)));
        if (t[i].count & 1)
            table_delete(t, i);
    }
    for (uint32_t i = 0; i < SLOTS; i++)
        if (t[i].count) {
            s.left++;
            s.sumsq += t[i].count * t[i].count;
        }
    return s;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The reference: sort the keys, count runs; binary search for the probes. */
static Stats reference(uint64_t seed)
{
    Stats s = { 0, 0, 0, 0 };
    uint64_t *keys = bench_alloc(KEYS * sizeof *keys), r = seed;
    for (int k = 0; k < KEYS; k++)
        keys[k] = key_of(bench_rand(&r));
    qsort(keys, KEYS, sizeof *keys, cmp_u64);
    for (int k = 0, run; k < KEYS; k += run) {
        for (run = 1; k + run < KEYS && keys[k + run] == keys[k]; run++) {}
        s.distinct++;
        if (run % 2 == 0) {    /* keys with an odd count are deleted */
            s.left++;
            s.sumsq += (uint64_t)run * (uint64_t)run;
        }
    }
    for (int k = 0; k < PROBES; k++) {
        uint64_t key = key_of(bench_rand(&r)) + (k & 1);
        s.hits += bsearch(&key, keys, KEYS, sizeof *keys, cmp_u64) != NULL;
    }
    free(keys);
    return s;
}

int main(int argc, char **argv)
{
    int units = bench_init("hashtab", argc, argv);
    const uint64_t seed = 31337;
    Stats ref = reference(seed), got = { 0, 0, 0, 0 };
    Slot *table = bench_alloc(SLOTS * sizeof *table);
    for (int u = 0; u < units && !bench_failures; u++) {
        for (int pass = 0; pass < PASSES; pass++) {
            BENCH_CLOBBER(table);
            got = table_pass(table, seed);
            if (!bench_check(memcmp(&got, &ref, sizeof got) == 0,
                             "unit %d: table: %" PRIu64 " distinct, %" PRIu64 " hits, %" PRIu64
                             " left, sum of squares %" PRIu64 "; reference %" PRIu64 ", %" PRIu64
                             ", %" PRIu64 ", %" PRIu64, u, got.distinct, got.hits, got.left,
                             got.sumsq, ref.distinct, ref.hits, ref.left, ref.sumsq))
                break;
        }
    }
    free(table);
    return bench_finish("%d units, %" PRIu64 " distinct keys, %" PRIu64 " hits", units,
                        ref.distinct, ref.hits);
}

/* Guest threads: atomic memory operations under contention, each with a known final value.
 * On RV64 (gcc 12) the 32- and 64-bit C11 read-modify-writes are AMOs (amoadd, amoor, amoand,
 * amoxor, amoswap), compare-exchange is an LR/SC loop, and the 8- and 16-bit ones are calls
 * into libatomic (masked LR/SC loops on the aligned doubleword, lr.d/sc.d) or, for the
 * __sync builtins, into libgcc (masked lr.w/sc.w loops); hence -latomic (testsuite/suites.mk).
 *   1. fetch_add / fetch_sub on shared 32- and 64-bit counters from 4 threads: the final value,
 *      and the sum of the old values returned (a permutation of the sequence when every
 *      read-modify-write is atomic).
 *   2. fetch_or / fetch_and / fetch_xor on arrays of 32- and 64-bit words where every thread
 *      owns a lane of bits in every word and sets / clears / toggles them one bit at a time:
 *      the final words, and every returned old value must show exactly the thread's own
 *      earlier updates in its lane (a lost or torn update of a neighbour's lane shows too).
 *   3. a compare-exchange-weak loop (LR/SC) incrementing 32- and 64-bit counters.
 *   4. a spinlock on atomic_exchange (amoswap, acquire / release store) around a plain counter.
 *   5. amomax / amomin (inline asm on RV64, a CAS loop elsewhere): the extreme of all values.
 *   6. 8- and 16-bit atomics: per-thread bytes and halfwords packed in one doubleword (the
 *      masked loops must not clobber the neighbours), a shared byte and halfword that wrap,
 *      exchange and compare-exchange on them, and the __sync builtins.
 *   7. message passing with __atomic acquire / release: a producer fills buffers of a ring
 *      and publishes a sequence number, the consumer acquires it and checks the data, then
 *      hands the buffer back; 3000 rounds.
 *   8. Dekker (store buffering) with seq_cst stores and loads: in no round both threads may
 *      read the other's flag as 0 (up to 20000 rounds, at most 0.3 s of them).
 * Only the main thread prints, after the joins.  A wrong result: a message on stderr and exit
 * status 1; alarm(60) is a safety net (status 2). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define THR_NAME "thr_atomic"
#include "thr_check.h"

#define NT 4 /* threads in every part but the two-thread ones (7, 8) */

/* run_threads: n threads of fn(i), joined; their return values summed. */
static uint64_t run_threads(int n, void *(*fn)(void *))
{
    pthread_t t[NT];
    for (int i = 0; i < n; i++) {
        int r = pthread_create(&t[i], NULL, fn, (void *)(intptr_t)i);
        if (r != 0) {
            fprintf(stderr, "thr_atomic: pthread_create: %s\n", strerror(r));
            exit(1);
        }
    }
    uint64_t sum = 0;
    for (int i = 0; i < n; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        sum += (uint64_t)(uintptr_t)ret;
    }
    return sum;
}

/* A start line for the threads of one part, so that they really run at the same time. */
static atomic_int ready;

static void start_line(int n)
{
    atomic_fetch_add(&ready, 1);
    for (int spins = 0; atomic_load(&ready) < n; spins++)
        if (spins > 100)
            sched_yield();
}

static void relax(int *spins)
{
    if (++*spins > 100)
        sched_yield();
}

/* ---- 1. fetch_add / fetch_sub -------------------------------------------------------- */
#define ADD_ITERS 20000
#define N_ADD ((uint64_t)NT * ADD_ITERS)
#define K64 0x100000001ULL /* carries across the halves of the 64-bit counter */
static _Atomic uint32_t add32, sub32;
static _Atomic uint64_t add64;
static uint64_t olds_add32[NT], olds_add64[NT], olds_sub32[NT];

static void *add_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    uint64_t s32 = 0, s64 = 0, ssub = 0;
    start_line(NT);
    for (int i = 0; i < ADD_ITERS; i++) {
        s32 += atomic_fetch_add(&add32, 1);
        s64 += atomic_fetch_add(&add64, K64);
        ssub += atomic_fetch_sub(&sub32, 3);
    }
    olds_add32[me] = s32;
    olds_add64[me] = s64;
    olds_sub32[me] = ssub;
    return NULL;
}

static void test_add(void)
{
    atomic_store(&sub32, (uint32_t)(3 * N_ADD));
    atomic_store(&ready, 0);
    run_threads(NT, add_worker);
    uint64_t s32 = 0, s64 = 0, ssub = 0;
    for (int i = 0; i < NT; i++) {
        s32 += olds_add32[i];
        s64 += olds_add64[i];
        ssub += olds_sub32[i];
    }
    uint64_t tri = N_ADD * (N_ADD - 1) / 2; /* 0 + 1 + ... + (N-1) */
    CHECK(add32 == N_ADD, "add32 %u", (unsigned)add32);
    CHECK(add64 == N_ADD * K64, "add64 %#llx", (unsigned long long)add64);
    CHECK(sub32 == 0, "sub32 %u", (unsigned)sub32);
    CHECK(s32 == tri, "old values of add32 sum to %llu", (unsigned long long)s32);
    CHECK(s64 == tri * K64, "old values of add64 sum to %#llx", (unsigned long long)s64);
    CHECK(ssub == 3 * (tri + N_ADD), "old values of sub32 sum to %llu", (unsigned long long)ssub);
    printf("fetch_add/sub: %d threads x %d: add32 %u add64 %#llx sub32 %u, old values %s\n", NT,
           ADD_ITERS, (unsigned)add32, (unsigned long long)add64, (unsigned)sub32,
           s32 == tri && s64 == tri * K64 && ssub == 3 * (tri + N_ADD) ? "a permutation"
                                                                        : "WRONG");
}

/* ---- 2. fetch_or / fetch_and / fetch_xor by lanes ------------------------------------ */
#define WORDS 256
#define XOR_ROUNDS(w) ((w) % 3 + 1) /* each bit toggled this often: odd rounds leave it set */
static _Atomic uint32_t or32[WORDS], and32[WORDS], xor32[WORDS];
static _Atomic uint64_t or64[WORDS], and64[WORDS], xor64[WORDS];

static void *bits_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    uint64_t bad = 0;
    start_line(NT);
    const uint32_t lane32 = 0xffu << (8 * me);
    const uint64_t lane64 = 0xffffULL << (16 * me);
    for (int w = 0; w < WORDS; w++) {
        uint32_t mine32 = 0;
        uint64_t mine64 = 0;
        for (int b = 0; b < 16; b++) {
            if (b < 8) {
                uint32_t bit = 1u << (8 * me + b);
                bad += (atomic_fetch_or(&or32[w], bit) & lane32) != mine32;
                bad += (atomic_fetch_and(&and32[w], ~bit) & lane32) != (lane32 & ~mine32);
                mine32 |= bit;
            }
            uint64_t bit = 1ULL << (16 * me + b);
            bad += (atomic_fetch_or(&or64[w], bit) & lane64) != mine64;
            bad += (atomic_fetch_and(&and64[w], ~bit) & lane64) != (lane64 & ~mine64);
            mine64 |= bit;
        }
        /* xor: the whole lane at once, XOR_ROUNDS(w) times, then each bit once more */
        uint32_t x32 = 0;
        uint64_t x64 = 0;
        for (int r = 0; r < XOR_ROUNDS(w); r++) {
            bad += (atomic_fetch_xor(&xor32[w], lane32) & lane32) != x32;
            bad += (atomic_fetch_xor(&xor64[w], lane64) & lane64) != x64;
            x32 ^= lane32;
            x64 ^= lane64;
        }
        for (int b = 0; b < 16; b++) {
            if (b < 8) {
                bad += (atomic_fetch_xor(&xor32[w], 1u << (8 * me + b)) & lane32) != x32;
                x32 ^= 1u << (8 * me + b);
            }
            bad += (atomic_fetch_xor(&xor64[w], 1ULL << (16 * me + b)) & lane64) != x64;
            x64 ^= 1ULL << (16 * me + b);
        }
    }
    return (void *)(uintptr_t)bad;
}

static void test_bits(void)
{
    for (int w = 0; w < WORDS; w++) {
        atomic_store(&and32[w], 0xffffffffu);
        atomic_store(&and64[w], ~0ULL);
    }
    atomic_store(&ready, 0);
    uint64_t bad = run_threads(NT, bits_worker);
    int wrong = 0;
    for (int w = 0; w < WORDS; w++) {
        /* odd XOR_ROUNDS: set, then each bit toggled once more: clear; even: the opposite */
        uint64_t x = XOR_ROUNDS(w) % 2 ? 0 : ~0ULL;
        wrong += or32[w] != 0xffffffffu || and32[w] != 0 || xor32[w] != (uint32_t)x;
        wrong += or64[w] != ~0ULL || and64[w] != 0 || xor64[w] != x;
    }
    CHECK(bad == 0, "%llu old values with a wrong own lane", (unsigned long long)bad);
    CHECK(wrong == 0, "%d words with a wrong final value", wrong);
    printf("fetch_or/and/xor: %d words of 32 and 64 bits, %d lanes: wrong old values %llu, "
           "wrong words %d\n", WORDS, NT, (unsigned long long)bad, wrong);
}

/* ---- 3. compare-exchange loop -------------------------------------------------------- */
#define CAS_ITERS 10000
static _Atomic uint64_t cas64;
static _Atomic uint32_t cas32;

static void *cas_worker(void *arg)
{
    (void)arg;
    uint64_t retries = 0;
    start_line(NT);
    for (int i = 0; i < CAS_ITERS; i++) {
        uint64_t o = atomic_load_explicit(&cas64, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&cas64, &o, o + 1))
            retries++;
        uint32_t o32 = atomic_load_explicit(&cas32, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&cas32, &o32, o32 + 7))
            retries++;
    }
    return (void *)(uintptr_t)retries;
}

static void test_cas(void)
{
    atomic_store(&ready, 0);
    run_threads(NT, cas_worker); /* the number of retries depends on the interleaving */
    CHECK(cas64 == (uint64_t)NT * CAS_ITERS, "cas64 %llu", (unsigned long long)cas64);
    CHECK(cas32 == 7u * NT * CAS_ITERS, "cas32 %u", (unsigned)cas32);
    printf("cas loop: %d threads x %d: cas64 %llu cas32 %u\n", NT, CAS_ITERS,
           (unsigned long long)cas64, (unsigned)cas32);
}

/* ---- 4. spinlock on atomic_exchange -------------------------------------------------- */
#define SPIN_ITERS 10000
static atomic_int spin;
static long spin_counter; /* plain: protected by the spinlock */
static long spin_pair[2]; /* invariant under the lock: pair[0] == pair[1] */

static void *spin_worker(void *arg)
{
    (void)arg;
    long bad = 0;
    start_line(NT);
    for (int i = 0; i < SPIN_ITERS; i++) {
        int spins = 0;
        while (atomic_exchange_explicit(&spin, 1, memory_order_acquire))
            while (atomic_load_explicit(&spin, memory_order_relaxed))
                relax(&spins);
        long v = spin_counter;
        bad += spin_pair[0] != spin_pair[1];
        spin_pair[0]++;
        __asm__ volatile("" ::: "memory");
        spin_counter = v + 1;
        spin_pair[1]++;
        atomic_store_explicit(&spin, 0, memory_order_release);
    }
    return (void *)(intptr_t)bad;
}

static void test_spin(void)
{
    atomic_store(&ready, 0);
    long bad = (long)run_threads(NT, spin_worker);
    CHECK(spin_counter == (long)NT * SPIN_ITERS, "counter %ld", spin_counter);
    CHECK(bad == 0 && spin_pair[0] == spin_counter, "%ld broken invariants", bad);
    printf("spinlock: %d threads x %d: counter %ld, broken invariants %ld\n", NT, SPIN_ITERS,
           spin_counter, bad);
}

/* ---- 5. amomax / amomin -------------------------------------------------------------- */
#define MM_ITERS 5000
static int64_t max64 = INT64_MIN, min64 = INT64_MAX;
static uint32_t maxu32, minu32 = UINT32_MAX;

static void amo_max64(int64_t *p, int64_t v)
{
#if defined(__riscv)
    int64_t old;
    __asm__ volatile("amomax.d.aqrl %0, %2, %1" : "=r"(old), "+A"(*p) : "r"(v) : "memory");
#else
    int64_t o = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (v > o && !__atomic_compare_exchange_n(p, &o, v, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
        ;
#endif
}

static void amo_min64(int64_t *p, int64_t v)
{
#if defined(__riscv)
    int64_t old;
    __asm__ volatile("amomin.d.aqrl %0, %2, %1" : "=r"(old), "+A"(*p) : "r"(v) : "memory");
#else
    int64_t o = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (v < o && !__atomic_compare_exchange_n(p, &o, v, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
        ;
#endif
}

static void amo_maxu32(uint32_t *p, uint32_t v)
{
#if defined(__riscv)
    uint32_t old;
    __asm__ volatile("amomaxu.w.aqrl %0, %2, %1" : "=r"(old), "+A"(*p) : "r"(v) : "memory");
#else
    uint32_t o = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (v > o && !__atomic_compare_exchange_n(p, &o, v, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
        ;
#endif
}

static void amo_minu32(uint32_t *p, uint32_t v)
{
#if defined(__riscv)
    uint32_t old;
    __asm__ volatile("amominu.w.aqrl %0, %2, %1" : "=r"(old), "+A"(*p) : "r"(v) : "memory");
#else
    uint32_t o = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (v < o && !__atomic_compare_exchange_n(p, &o, v, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
        ;
#endif
}

/* the values: a scrambled sequence, so that the extremes come at different times */
static int64_t mm_value(int t, int i)
{
    uint64_t x = (uint64_t)(t * MM_ITERS + i + 1) * 0x9e3779b97f4a7c15ULL;
    return (int64_t)(x ^ (x >> 29));
}

static void *mm_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    start_line(NT);
    for (int i = 0; i < MM_ITERS; i++) {
        int64_t v = mm_value(me, i);
        amo_max64(&max64, v);
        amo_min64(&min64, v);
        amo_maxu32(&maxu32, (uint32_t)v);
        amo_minu32(&minu32, (uint32_t)v);
    }
    return NULL;
}

static void test_minmax(void)
{
    atomic_store(&ready, 0);
    run_threads(NT, mm_worker);
    int64_t mx = INT64_MIN, mn = INT64_MAX;
    uint32_t mxu = 0, mnu = UINT32_MAX;
    for (int t = 0; t < NT; t++)
        for (int i = 0; i < MM_ITERS; i++) {
            int64_t v = mm_value(t, i);
            mx = v > mx ? v : mx;
            mn = v < mn ? v : mn;
            mxu = (uint32_t)v > mxu ? (uint32_t)v : mxu;
            mnu = (uint32_t)v < mnu ? (uint32_t)v : mnu;
        }
    CHECK(max64 == mx && min64 == mn, "max %lld min %lld", (long long)max64, (long long)min64);
    CHECK(maxu32 == mxu && minu32 == mnu, "maxu %u minu %u", maxu32, minu32);
    printf("amomax/amomin: max.d %lld min.d %lld maxu.w %u minu.w %u\n", (long long)max64,
           (long long)min64, maxu32, minu32);
}

/* ---- 6. 8- and 16-bit atomics -------------------------------------------------------- */
#define SMALL_ITERS 3000
static struct {
    _Alignas(8) _Atomic uint8_t own8[8];  /* thread t: own8[t] and own8[t + 4] */
    _Atomic uint16_t own16[4];            /* thread t: own16[t] */
    _Atomic uint8_t shared8;
    _Atomic uint16_t shared16;
    uint8_t sync8;                        /* __sync builtins (libgcc) */
    uint16_t sync16;
    _Atomic uint16_t cas16;
    _Atomic uint8_t xchg8;
} sm;
static uint64_t small_olds[NT];

static void *small_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    uint64_t bad = 0, olds = 0;
    start_line(NT);
    for (int i = 0; i < SMALL_ITERS; i++) {
        bad += atomic_fetch_add(&sm.own8[me], 1) != (uint8_t)i;
        bad += atomic_fetch_sub(&sm.own8[me + 4], 3) != (uint8_t)(-3 * i);
        bad += atomic_fetch_add(&sm.own16[me], 1000) != (uint16_t)(1000 * i);
        olds += atomic_fetch_add(&sm.shared8, 1);
        olds += atomic_fetch_add(&sm.shared16, 1);
        __sync_fetch_and_add(&sm.sync8, 1);
        __sync_fetch_and_add(&sm.sync16, 5);
        uint16_t o = atomic_load_explicit(&sm.cas16, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&sm.cas16, &o, (uint16_t)(o + 1)))
            ;
        /* exchange: each thread swaps in its own tag; the old value is always some tag */
        uint8_t x = atomic_exchange(&sm.xchg8, (uint8_t)(0xa0 + me));
        bad += x != 0 && (x < 0xa0 || x >= 0xa0 + NT);
    }
    small_olds[me] = olds;
    return (void *)(uintptr_t)bad;
}

static void test_small(void)
{
    atomic_store(&ready, 0);
    uint64_t bad = run_threads(NT, small_worker);
    const uint64_t n = (uint64_t)NT * SMALL_ITERS;
    uint64_t olds = 0, want_olds = 0;
    for (int i = 0; i < NT; i++)
        olds += small_olds[i];
    for (uint64_t k = 0; k < n; k++) /* the olds of shared8 and shared16: k mod 2^8, 2^16 */
        want_olds += (k & 0xff) + (k & 0xffff);
    int wrong = 0;
    for (int t = 0; t < NT; t++) {
        wrong += sm.own8[t] != (uint8_t)SMALL_ITERS;
        wrong += sm.own8[t + 4] != (uint8_t)(-3 * SMALL_ITERS);
        wrong += sm.own16[t] != (uint16_t)(1000 * SMALL_ITERS);
    }
    CHECK(bad == 0, "%llu wrong old values of own bytes / halfwords or exchange",
          (unsigned long long)bad);
    CHECK(wrong == 0, "%d own bytes / halfwords clobbered", wrong);
    CHECK(sm.shared8 == (uint8_t)n && sm.shared16 == (uint16_t)n, "shared8 %u shared16 %u",
          sm.shared8, sm.shared16);
    CHECK(olds == want_olds, "old values of shared8/16 sum to %llu, not %llu",
          (unsigned long long)olds, (unsigned long long)want_olds);
    CHECK(sm.sync8 == (uint8_t)n && sm.sync16 == (uint16_t)(5 * n), "__sync %u %u",
          sm.sync8, sm.sync16);
    CHECK(sm.cas16 == (uint16_t)n, "cas16 %u", sm.cas16);
    printf("8/16-bit: own lanes wrong %d, bad olds %llu, shared8 %u shared16 %u, olds sum ok %d,"
           " __sync %u %u, cas16 %u\n", wrong, (unsigned long long)bad, sm.shared8,
           sm.shared16, olds == want_olds, sm.sync8, sm.sync16, sm.cas16);
}

/* ---- 7. message passing (acquire / release) ------------------------------------------ */
/* A ring of MP_SLOTS buffers: the producer fills buffer r % MP_SLOTS for round r once the
 * consumer has released it (mp_ack >= r - MP_SLOTS), then publishes mp_seq = r with a release
 * store; the consumer acquires mp_seq >= r, checks the buffer, releases it with mp_ack = r. */
#define MP_ROUNDS 3000
#define MP_SLOTS 8
#define MP_WORDS 16
static long mp_data[MP_SLOTS][MP_WORDS]; /* plain: published by the release stores */
static long mp_seq, mp_ack;

static void *mp_producer(void *arg)
{
    (void)arg;
    for (long r = 1; r <= MP_ROUNDS; r++) {
        int spins = 0;
        while (__atomic_load_n(&mp_ack, __ATOMIC_ACQUIRE) < r - MP_SLOTS) /* buffer free */
            relax(&spins);
        for (int j = 0; j < MP_WORDS; j++)
            mp_data[r % MP_SLOTS][j] = r * 1000 + j;
        __atomic_store_n(&mp_seq, r, __ATOMIC_RELEASE);
    }
    return NULL;
}

static void *mp_consumer(void *arg)
{
    (void)arg;
    long bad = 0;
    for (long r = 1; r <= MP_ROUNDS; r++) {
        int spins = 0;
        while (__atomic_load_n(&mp_seq, __ATOMIC_ACQUIRE) < r)
            relax(&spins);
        for (int j = 0; j < MP_WORDS; j++)
            bad += mp_data[r % MP_SLOTS][j] != r * 1000 + j;
        __atomic_store_n(&mp_ack, r, __ATOMIC_RELEASE);
    }
    return (void *)(intptr_t)bad;
}

static void test_mp(void)
{
    pthread_t p, c;
    pthread_create(&c, NULL, mp_consumer, NULL);
    pthread_create(&p, NULL, mp_producer, NULL);
    void *bad;
    pthread_join(p, NULL);
    pthread_join(c, &bad);
    CHECK(bad == NULL, "consumer saw %ld stale words", (long)(intptr_t)bad);
    printf("message passing: %d rounds of %d words through %d buffers, stale reads %ld\n",
           MP_ROUNDS, MP_WORDS, MP_SLOTS, (long)(intptr_t)bad);
}

/* ---- 8. Dekker / store buffering with seq_cst ---------------------------------------- */
/* Round r: thread 0 stores x[r] = 1 and loads y[r], thread 1 stores y[r] = 1 and loads x[r],
 * both seq_cst (a fence between the store and the load on RV64): at least one of them must
 * see the other's 1.  The two meet before every round (each publishes the round it reached),
 * so that they run it at the same time.  A violation is rare even when the fence is missing
 * (about 1 in 10^4 rounds on an x86-64 host), hence many rounds, but at most SB_SECONDS of
 * them: thread 0 looks at the clock every 256 rounds and, past the time, ends the run two
 * rounds on (sb_limit; thread 1 is at most one round ahead, and it reads the new limit after
 * meeting thread 0 again).  The number of rounds run is not printed: it depends on the speed. */
#define SB_MAX_ROUNDS 20000
#define SB_SECONDS 0.3
static int sb_x[SB_MAX_ROUNDS], sb_y[SB_MAX_ROUNDS], sb_r0[SB_MAX_ROUNDS], sb_r1[SB_MAX_ROUNDS];
static int sb_go[2]; /* round each thread has reached */
static int sb_limit = SB_MAX_ROUNDS;
static struct timespec sb_start;

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void *sb_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    for (int r = 0; r < __atomic_load_n(&sb_limit, __ATOMIC_RELAXED); r++) {
        if (me == 0 && r > 0 && r % 256 == 0 && since(&sb_start) > SB_SECONDS)
            __atomic_store_n(&sb_limit, r + 2, __ATOMIC_RELAXED);
        __atomic_store_n(&sb_go[me], r + 1, __ATOMIC_RELEASE);
        int spins = 0;
        while (__atomic_load_n(&sb_go[!me], __ATOMIC_ACQUIRE) < r + 1)
            relax(&spins);
        if (me == 0) {
            __atomic_store_n(&sb_x[r], 1, __ATOMIC_SEQ_CST);
            sb_r0[r] = __atomic_load_n(&sb_y[r], __ATOMIC_SEQ_CST);
        } else {
            __atomic_store_n(&sb_y[r], 1, __ATOMIC_SEQ_CST);
            sb_r1[r] = __atomic_load_n(&sb_x[r], __ATOMIC_SEQ_CST);
        }
    }
    return NULL;
}

static void test_sb(void)
{
    pthread_t a, b;
    clock_gettime(CLOCK_MONOTONIC, &sb_start);
    pthread_create(&a, NULL, sb_worker, (void *)0);
    pthread_create(&b, NULL, sb_worker, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    int both_zero = 0, missing = 0;
    for (int r = 0; r < sb_limit; r++) {
        both_zero += sb_r0[r] == 0 && sb_r1[r] == 0;
        missing += !sb_x[r] || !sb_y[r];
    }
    CHECK(both_zero == 0, "%d of %d rounds where both threads read 0 (seq_cst violated)",
          both_zero, sb_limit);
    CHECK(missing == 0 && sb_limit >= 2, "%d rounds not run by both threads", missing);
    printf("store buffering (seq_cst): up to %d rounds in %.1f s, both read 0 in %d\n",
           SB_MAX_ROUNDS, SB_SECONDS, both_zero);
}

int main(void)
{
    thr_watchdog(60);
    test_add();
    test_bits();
    test_cas();
    test_spin();
    test_minmax();
    test_small();
    test_mp();
    test_sb();
    if (failures) {
        fprintf(stderr, "thr_atomic: FAILED (%d checks)\n", failures);
        return 1;
    }
    printf("thr_atomic: ok\n");
    return 0;
}

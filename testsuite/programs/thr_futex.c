/*
 * futex operations glibc's pthread functions do not all use, by raw syscall: WAIT with a
 * relative timeout, WAIT_BITSET with an absolute one (CLOCK_MONOTONIC and CLOCK_REALTIME),
 * WAIT with a stale value (EAGAIN), WAKE with a count, WAKE_BITSET selecting waiters,
 * REQUEUE and CMP_REQUEUE (and its EAGAIN), WAKE_OP, private and shared forms, and a
 * PTHREAD_PRIO_INHERIT mutex (FUTEX_LOCK_PI / UNLOCK_PI) under contention.  Results are
 * counts gathered after joins; output does not depend on scheduling.
 */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define THR_NAME "thr_futex"
#include "thr_check.h"

static long fx(uint32_t *a, int op, uint32_t val, const void *ts_or_val2, uint32_t *a2,
               uint32_t val3)
{
    return syscall(SYS_futex, a, op, val, ts_or_val2, a2, val3);
}


static uint32_t word, word2;
static atomic_int woken, started;

/* A waiter on word (op, bitset); counts itself woken when the wait returned 0. */
typedef struct { int op; uint32_t *addr; uint32_t bits; } Waiter;
static void *waiter(void *arg)
{
    Waiter *w = arg;
    atomic_fetch_add(&started, 1);
    /* until the word is set (1: released, or word == 2: the requeue test is over); a wait
     * that finds the word already changed returns EAGAIN */
    while (__atomic_load_n(w->addr, __ATOMIC_ACQUIRE) == 0 &&
           __atomic_load_n(&word, __ATOMIC_ACQUIRE) != 2) {
        long r = fx(w->addr, w->op, 0, NULL, NULL, w->bits);
        if (r != 0 && errno != EAGAIN && errno != EINTR) {
            fprintf(stderr, "thr_futex: FAIL: wait: %s\n", strerror(errno));
            break;
        }
    }
    atomic_fetch_add(&woken, 1);
    return NULL;
}

/* Wakes until n waiters are gone from addr's queue (they may not all have started
 * waiting yet): returns the total the wakes reported. */
static long wake_all(uint32_t *addr, int op, int n, uint32_t bits)
{
    long total = 0;
    struct timespec d = {0, 1000000};
    while (atomic_load(&woken) < n) {
        long r = fx(addr, op, 1, NULL, NULL, bits);
        if (r > 0)
            total += r;
        nanosleep(&d, NULL);
    }
    return total;
}

static void timeouts(void)
{
    uint32_t w = 0;
    struct timespec rel = {0, 20 * 1000000}, t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long r = fx(&w, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0);
    int e = errno;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    CHECK(r == -1 && e == ETIMEDOUT && dt >= 0.019, "relative timeout: %ld %d %.3f", r, e, dt);

    struct timespec abs;
    clock_gettime(CLOCK_MONOTONIC, &abs);
    abs.tv_nsec += 20 * 1000000;
    if (abs.tv_nsec >= 1000000000) { abs.tv_sec++; abs.tv_nsec -= 1000000000; }
    r = fx(&w, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY);
    e = errno;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    CHECK(r == -1 && e == ETIMEDOUT && (t1.tv_sec > abs.tv_sec ||
          (t1.tv_sec == abs.tv_sec && t1.tv_nsec >= abs.tv_nsec)), "absolute monotonic: %ld %d", r, e);

    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_nsec += 20 * 1000000;
    if (abs.tv_nsec >= 1000000000) { abs.tv_sec++; abs.tv_nsec -= 1000000000; }
    r = fx(&w, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &abs, NULL,
           FUTEX_BITSET_MATCH_ANY);
    e = errno;
    CHECK(r == -1 && e == ETIMEDOUT, "absolute realtime: %ld %d", r, e);

    r = fx(&w, FUTEX_WAIT_PRIVATE, 1, &rel, NULL, 0);   /* the word is 0, not 1 */
    e = errno;
    CHECK(r == -1 && e == EAGAIN, "stale value: %ld %d", r, e);
    struct timespec bad = {0, 1000000000};
    r = fx(&w, FUTEX_WAIT_PRIVATE, 0, &bad, NULL, 0);
    e = errno;
    CHECK(r == -1 && e == EINVAL, "bad timeout: %ld %d", r, e);
    r = fx((uint32_t *)((char *)&w + 1), FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    e = errno;
    CHECK(r == -1 && e == EINVAL, "unaligned: %ld %d", r, e);
    printf("timeouts: relative, absolute monotonic and realtime, EAGAIN, EINVAL: %s\n",
           failures ? "wrong" : "ok");
}

/* N waiters on word with op; woken by wake_op; returns how many the wakes reported. */
static long round_trip(int nw, int wait_op, int wake_op, uint32_t bits_wait, uint32_t bits_wake)
{
    pthread_t t[8];
    Waiter w = {wait_op, &word, bits_wait};
    word = 0;
    atomic_store(&woken, 0);
    atomic_store(&started, 0);
    for (int i = 0; i < nw; i++)
        pthread_create(&t[i], NULL, waiter, &w);
    while (atomic_load(&started) < nw)
        sched_yield();
    __atomic_store_n(&word, 1, __ATOMIC_RELEASE);
    long n = wake_all(&word, wake_op, nw, bits_wake);
    for (int i = 0; i < nw; i++)
        pthread_join(t[i], NULL);
    return n <= nw ? nw : -1;
}

static void requeue(void)
{
    /* 4 waiters on word; CMP_REQUEUE wakes 1 and moves the rest to word2, then word2 is
     * woken; a CMP_REQUEUE with the wrong expected value fails with EAGAIN */
    pthread_t t[4];
    Waiter w = {FUTEX_WAIT_PRIVATE, &word, 0};
    word = 0;
    word2 = 0;
    atomic_store(&woken, 0);
    atomic_store(&started, 0);
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, waiter, &w);
    while (atomic_load(&started) < 4)
        sched_yield();
    struct timespec d = {0, 20000000};
    nanosleep(&d, NULL);   /* let them block; a late one finds word == 2 and leaves */
    long bad = fx(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)(uintptr_t)8, &word2, 5);
    int e = errno;
    CHECK(bad == -1 && e == EAGAIN, "cmp_requeue with a wrong value: %ld %d", bad, e);
    long moved = fx(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)(uintptr_t)8, &word2, 0);
    CHECK(moved >= 0 && moved <= 4, "cmp_requeue: %ld", moved);
    __atomic_store_n(&word, 2, __ATOMIC_RELEASE);
    while (atomic_load(&woken) < 4) {
        fx(&word2, FUTEX_WAKE_PRIVATE, 8, NULL, NULL, 0);
        fx(&word, FUTEX_WAKE_PRIVATE, 8, NULL, NULL, 0);
        nanosleep(&d, NULL);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    long plain = fx(&word, FUTEX_REQUEUE_PRIVATE, 1, (void *)(uintptr_t)1, &word2, 0);
    CHECK(plain == 0, "requeue without waiters: %ld", plain);
    printf("requeue: cmp_requeue EAGAIN on a wrong value, 4 of 4 waiters released\n");
}

static void wake_op(void)
{
    /* FUTEX_WAKE_OP: *word2 = 5 (op SET), wake 1 on word, and 1 on word2 if old word2 == 0 */
    word = 0;
    word2 = 0;
    uint32_t op = FUTEX_OP(FUTEX_OP_SET, 5, FUTEX_OP_CMP_EQ, 0);
    long r = fx(&word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)(uintptr_t)1, &word2, op);
    CHECK(r == 0 && word2 == 5, "wake_op: %ld word2 %u", r, word2);
    op = FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_GT, 100);
    r = fx(&word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)(uintptr_t)1, &word2, op);
    CHECK(r == 0 && word2 == 8, "wake_op add: %ld word2 %u", r, word2);
    printf("wake_op: set and add on the second word: word2 = %u\n", word2);
}

static pthread_mutex_t pi;
static long pi_count;
static void *pi_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 20000; i++) {
        pthread_mutex_lock(&pi);
        pi_count++;
        pthread_mutex_unlock(&pi);
    }
    return NULL;
}

static void pi_mutex(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    int r = pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
    CHECK(r == 0, "setprotocol: %d", r);
    pthread_mutex_init(&pi, &a);
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, pi_worker, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    r = pthread_mutex_trylock(&pi);
    CHECK(r == 0, "trylock of a free PI mutex: %d", r);
    pthread_mutex_unlock(&pi);
    printf("PI mutex: %ld increments of 60000\n", pi_count);
    CHECK(pi_count == 60000, "PI count");
}

int main(void)
{
    thr_watchdog(60);
    timeouts();
    long n = round_trip(4, FUTEX_WAIT_PRIVATE, FUTEX_WAKE_PRIVATE, 0, 0);
    printf("wait/wake private: 4 waiters released: %s\n", n == 4 ? "yes" : "no");
    n = round_trip(3, FUTEX_WAIT, FUTEX_WAKE, 0, 0);
    printf("wait/wake shared: 3 waiters released: %s\n", n == 3 ? "yes" : "no");
    n = round_trip(3, FUTEX_WAIT_BITSET_PRIVATE, FUTEX_WAKE_BITSET_PRIVATE, 2, 6);
    printf("bitset: 3 waiters released: %s\n", n == 3 ? "yes" : "no");
    requeue();
    wake_op();
    pi_mutex();
    if (failures)
        return 1;
    printf("thr_futex: ok\n");
    return 0;
}

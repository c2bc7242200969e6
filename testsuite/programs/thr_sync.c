/* Guest threads: the pthread synchronisation objects, each with a result that does not depend
 * on how the threads interleave.
 *   1. mutex: 4 threads x 20000 increments of a plain counter under a mutex: the exact total;
 *      trylock of a mutex held by another thread is EBUSY, an error-checking mutex refuses an
 *      unlock by a thread that does not own it (EPERM), a recursive one can be locked twice.
 *   2. condition variables: 2 producers, 3 consumers, a bounded queue of 8 (two condvars,
 *      not_full and not_empty); the count and the sum of the items consumed.
 *   3. barrier: 4 threads, 40 phases; in each phase every thread writes its slot, waits, then
 *      checks it sees every other thread's write of this phase; exactly one thread per wait
 *      gets PTHREAD_BARRIER_SERIAL_THREAD.
 *   4. rwlock: 2 writers keep a + b == 0 (updated in two steps under the write lock), 2 readers
 *      check it under the read lock; tryrdlock succeeds and trywrlock is EBUSY while another
 *      thread holds a read lock.
 *   5. pthread_once: 6 threads race into one init routine: it runs once, all see its result.
 *   6. pthread_join returns each thread's value (from return and from pthread_exit).
 *   7. detached threads (PTHREAD_CREATE_DETACHED) report completion through a sem_t.
 * Only the main thread prints, after the joins.  A wrong result: a message on stderr and exit
 * status 1.  alarm(60) is a safety net against a deadlock (message on stderr, status 2). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define THR_NAME "thr_sync"
#include "thr_check.h"

static void start(pthread_t *t, void *(*fn)(void *), void *arg)
{
    int r = pthread_create(t, NULL, fn, arg);
    if (r != 0) {
        fprintf(stderr, "thr_sync: pthread_create: %s\n", strerror(r));
        exit(1);
    }
}

static void *join(pthread_t t)
{
    void *ret = NULL;
    int r = pthread_join(t, &ret);
    if (r != 0) {
        fprintf(stderr, "thr_sync: pthread_join: %s\n", strerror(r));
        exit(1);
    }
    return ret;
}

/* ---- 1. mutex ------------------------------------------------------------------------ */
#define MTX_THREADS 4
#define MTX_ITERS 20000
static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t mtx_start;     /* all start together, so that they contend */
static long mtx_counter;

static void *mtx_worker(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&mtx_start);
    for (int i = 0; i < MTX_ITERS; i++) {
        pthread_mutex_lock(&mtx);
        long v = mtx_counter;          /* read-modify-write in steps: a lost update shows */
        for (volatile int k = 0; k < 5; k++)
            ;
        mtx_counter = v + 1;
        pthread_mutex_unlock(&mtx);
    }
    return NULL;
}

static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t errchk;

static void *try_other(void *arg)
{
    (void)arg;
    intptr_t r = pthread_mutex_trylock(&held);                /* held by main: EBUSY */
    intptr_t e = pthread_mutex_unlock(&errchk);               /* owned by main: EPERM */
    return (void *)(r * 1000 + e);
}

static void test_mutex(void)
{
    pthread_t t[MTX_THREADS];
    pthread_barrier_init(&mtx_start, NULL, MTX_THREADS);
    for (int i = 0; i < MTX_THREADS; i++)
        start(&t[i], mtx_worker, NULL);
    for (int i = 0; i < MTX_THREADS; i++)
        join(t[i]);
    pthread_barrier_destroy(&mtx_start);
    CHECK(mtx_counter == (long)MTX_THREADS * MTX_ITERS, "counter %ld", mtx_counter);
    printf("mutex: %d threads x %d increments = %ld\n", MTX_THREADS, MTX_ITERS, mtx_counter);

    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&errchk, &a);
    pthread_mutex_lock(&held);
    pthread_mutex_lock(&errchk);
    pthread_t o;
    start(&o, try_other, NULL);
    intptr_t r = (intptr_t)join(o);
    pthread_mutex_unlock(&errchk);
    pthread_mutex_unlock(&held);
    CHECK(r == EBUSY * 1000 + EPERM, "trylock/unlock from another thread gave %ld", (long)r);
    printf("mutex: trylock of a held mutex EBUSY %d, foreign unlock of errorcheck EPERM %d\n",
           r / 1000 == EBUSY, r % 1000 == EPERM);

    pthread_mutex_t rec;
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&rec, &a);
    int r1 = pthread_mutex_lock(&rec), r2 = pthread_mutex_lock(&rec);
    int r3 = pthread_mutex_unlock(&rec), r4 = pthread_mutex_unlock(&rec);
    CHECK(r1 == 0 && r2 == 0 && r3 == 0 && r4 == 0, "recursive %d %d %d %d", r1, r2, r3, r4);
    printf("mutex: recursive lock twice %d\n", r1 == 0 && r2 == 0 && r3 == 0 && r4 == 0);
    pthread_mutex_destroy(&rec);
    pthread_mutex_destroy(&errchk);
    pthread_mutexattr_destroy(&a);
}

/* ---- 2. condition variables: a bounded queue ----------------------------------------- */
#define Q_CAP 8
#define PRODUCERS 2
#define CONSUMERS 3
#define ITEMS 3000 /* per producer */
static pthread_mutex_t q_mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER;
static long q_buf[Q_CAP];
static int q_head, q_len, q_max_len;

static void q_put(long v)
{
    pthread_mutex_lock(&q_mtx);
    while (q_len == Q_CAP)
        pthread_cond_wait(&q_not_full, &q_mtx);
    q_buf[(q_head + q_len) % Q_CAP] = v;
    q_len++;
    if (q_len > q_max_len)
        q_max_len = q_len;
    pthread_cond_signal(&q_not_empty);
    pthread_mutex_unlock(&q_mtx);
}

static long q_get(void)
{
    pthread_mutex_lock(&q_mtx);
    while (q_len == 0)
        pthread_cond_wait(&q_not_empty, &q_mtx);
    long v = q_buf[q_head];
    q_head = (q_head + 1) % Q_CAP;
    q_len--;
    pthread_cond_signal(&q_not_full);
    pthread_mutex_unlock(&q_mtx);
    return v;
}

static void *producer(void *arg)
{
    long p = (long)(intptr_t)arg;
    for (long i = 1; i <= ITEMS; i++)
        q_put(p * 100000 + i);
    return NULL;
}

struct consumed {
    long count, sum;
};

static void *consumer(void *arg)
{
    struct consumed *c = arg;
    for (;;) {
        long v = q_get();
        if (v == 0)           /* the poison pill: one per consumer, after the producers */
            return NULL;
        c->count++;
        c->sum += v;
    }
}

static void test_cond(void)
{
    pthread_t p[PRODUCERS], c[CONSUMERS];
    struct consumed got[CONSUMERS];
    memset(got, 0, sizeof got);
    for (int i = 0; i < CONSUMERS; i++)
        start(&c[i], consumer, &got[i]);
    for (int i = 0; i < PRODUCERS; i++)
        start(&p[i], producer, (void *)(intptr_t)(i + 1));
    for (int i = 0; i < PRODUCERS; i++)
        join(p[i]);
    for (int i = 0; i < CONSUMERS; i++)
        q_put(0);
    long count = 0, sum = 0, want = 0;
    for (int i = 0; i < CONSUMERS; i++) {
        join(c[i]);
        count += got[i].count;
        sum += got[i].sum;
    }
    for (long pi = 1; pi <= PRODUCERS; pi++)
        want += pi * 100000 * ITEMS + (long)ITEMS * (ITEMS + 1) / 2;
    CHECK(count == PRODUCERS * ITEMS, "consumed %ld items", count);
    CHECK(sum == want, "sum %ld, expected %ld", sum, want);
    CHECK(q_len == 0 && q_max_len <= Q_CAP, "queue length %d, max %d", q_len, q_max_len);
    printf("condvar: %d producers, %d consumers, queue of %d: consumed %ld items, sum %ld\n",
           PRODUCERS, CONSUMERS, Q_CAP, count, sum);
}

/* ---- 3. barrier ---------------------------------------------------------------------- */
#define BAR_THREADS 4
#define PHASES 40
static pthread_barrier_t bar;
static int bar_slot[BAR_THREADS];
static int bar_serial[PHASES * 2];

struct bar_result {
    int mismatches;
};

static void *bar_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    int bad = 0;
    for (int ph = 0; ph < PHASES; ph++) {
        bar_slot[me] = ph * 1000 + me;
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
            __atomic_fetch_add(&bar_serial[2 * ph], 1, __ATOMIC_RELAXED);
        for (int j = 0; j < BAR_THREADS; j++)
            bad += bar_slot[j] != ph * 1000 + j;
        /* nobody writes the next phase's values before everyone has read this phase's */
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
            __atomic_fetch_add(&bar_serial[2 * ph + 1], 1, __ATOMIC_RELAXED);
    }
    return (void *)(intptr_t)bad;
}

static void test_barrier(void)
{
    pthread_t t[BAR_THREADS];
    pthread_barrier_init(&bar, NULL, BAR_THREADS);
    for (int i = 0; i < BAR_THREADS; i++)
        start(&t[i], bar_worker, (void *)(intptr_t)i);
    long bad = 0;
    for (int i = 0; i < BAR_THREADS; i++)
        bad += (intptr_t)join(t[i]);
    int serial_ok = 1;
    for (int i = 0; i < PHASES * 2; i++)
        serial_ok &= bar_serial[i] == 1;
    pthread_barrier_destroy(&bar);
    CHECK(bad == 0, "%ld stale reads after a barrier", bad);
    CHECK(serial_ok, "not exactly one PTHREAD_BARRIER_SERIAL_THREAD per wait");
    printf("barrier: %d threads x %d phases: stale reads %ld, one serial thread per wait %d\n",
           BAR_THREADS, PHASES, bad, serial_ok);
}

/* ---- 4. rwlock ----------------------------------------------------------------------- */
#define RW_WRITES 1500 /* per writer */
#define RW_READS 3000  /* per reader */
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static volatile long rw_a, rw_b; /* invariant under the lock: rw_a + rw_b == 0 */

static void *rw_writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < RW_WRITES; i++) {
        pthread_rwlock_wrlock(&rw);
        rw_a = rw_a + 1;
        for (volatile int k = 0; k < 20; k++) /* a window in which the invariant is broken */
            ;
        rw_b = rw_b - 1;
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static void *rw_reader(void *arg)
{
    (void)arg;
    long bad = 0;
    for (int i = 0; i < RW_READS; i++) {
        pthread_rwlock_rdlock(&rw);
        long a = rw_a;
        for (volatile int k = 0; k < 5; k++)
            ;
        long b = rw_b;
        bad += a + b != 0;
        pthread_rwlock_unlock(&rw);
    }
    return (void *)(intptr_t)bad;
}

static void *rw_try(void *arg)
{
    (void)arg;
    intptr_t rd = pthread_rwlock_tryrdlock(&rw);
    if (rd == 0)
        pthread_rwlock_unlock(&rw);
    intptr_t wr = pthread_rwlock_trywrlock(&rw);
    if (wr == 0)
        pthread_rwlock_unlock(&rw);
    return (void *)(rd * 1000 + wr);
}

static void test_rwlock(void)
{
    pthread_t w[2], r[2];
    for (int i = 0; i < 2; i++) {
        start(&r[i], rw_reader, NULL);
        start(&w[i], rw_writer, NULL);
    }
    long bad = 0;
    for (int i = 0; i < 2; i++) {
        join(w[i]);
        bad += (intptr_t)join(r[i]);
    }
    CHECK(bad == 0, "%ld reads saw a + b != 0", bad);
    CHECK(rw_a == 2 * RW_WRITES && rw_b == -2 * RW_WRITES, "a %ld b %ld", rw_a, rw_b);
    printf("rwlock: 2 writers x %d, 2 readers x %d: a = %ld, b = %ld, broken invariants %ld\n",
           RW_WRITES, RW_READS, rw_a, rw_b, bad);

    pthread_rwlock_rdlock(&rw);
    pthread_t t;
    start(&t, rw_try, NULL);
    intptr_t res = (intptr_t)join(t);
    pthread_rwlock_unlock(&rw);
    CHECK(res == EBUSY, "tryrdlock/trywrlock under a read lock gave %ld", (long)res);
    printf("rwlock: under another thread's read lock tryrdlock ok %d, trywrlock EBUSY %d\n",
           res / 1000 == 0, res % 1000 == EBUSY);
}

/* ---- 5. pthread_once ----------------------------------------------------------------- */
#define ONCE_THREADS 6
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_barrier_t once_bar;
static int once_runs;
static long once_value;

static void once_init(void)
{
    once_runs++;
    for (volatile int k = 0; k < 10000; k++) /* keep the others waiting for a while */
        ;
    once_value = 4242;
}

static void *once_worker(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&once_bar);
    pthread_once(&once, once_init);
    return (void *)(intptr_t)once_value;
}

static void test_once(void)
{
    pthread_t t[ONCE_THREADS];
    pthread_barrier_init(&once_bar, NULL, ONCE_THREADS);
    for (int i = 0; i < ONCE_THREADS; i++)
        start(&t[i], once_worker, NULL);
    int all_saw = 1;
    for (int i = 0; i < ONCE_THREADS; i++)
        all_saw &= (long)(intptr_t)join(t[i]) == 4242;
    pthread_barrier_destroy(&once_bar);
    CHECK(once_runs == 1, "init ran %d times", once_runs);
    CHECK(all_saw, "a thread returned from pthread_once before init finished");
    printf("once: %d threads, init ran %d time(s), all saw its result %d\n", ONCE_THREADS,
           once_runs, all_saw);
}

/* ---- 6. join values ------------------------------------------------------------------ */
static void *ret_worker(void *arg)
{
    long i = (long)(intptr_t)arg;
    if (i % 2)
        pthread_exit((void *)(intptr_t)(i * i + 7));
    return (void *)(intptr_t)(i * i + 7);
}

static void test_join(void)
{
    pthread_t t[5];
    for (int i = 0; i < 5; i++)
        start(&t[i], ret_worker, (void *)(intptr_t)i);
    printf("join values:");
    for (int i = 0; i < 5; i++) {
        long v = (long)(intptr_t)join(t[i]);
        CHECK(v == (long)i * i + 7, "thread %d returned %ld", i, v);
        printf(" %ld", v);
    }
    printf("\n");
}

/* ---- 7. detached threads and a semaphore --------------------------------------------- */
#define DETACHED 4
static sem_t det_done;
static long det_result[DETACHED];

static void *det_worker(void *arg)
{
    int i = (int)(intptr_t)arg;
    long s = 0;
    for (long k = 1; k <= 1000 * (i + 1); k++)
        s += k;
    det_result[i] = s;
    sem_post(&det_done); /* the last thing it does; it then exits on its own */
    return NULL;
}

static void test_detached(void)
{
    sem_init(&det_done, 0, 0);
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    int st = -1;
    pthread_attr_getdetachstate(&a, &st);
    for (int i = 0; i < DETACHED; i++) {
        pthread_t t;
        int r = pthread_create(&t, &a, det_worker, (void *)(intptr_t)i);
        CHECK(r == 0, "pthread_create detached: %s", strerror(r));
    }
    pthread_attr_destroy(&a);
    for (int i = 0; i < DETACHED; i++)
        while (sem_wait(&det_done) != 0)
            CHECK(errno == EINTR, "sem_wait: %s", strerror(errno));
    int v = -1;
    sem_getvalue(&det_done, &v);
    printf("detached: attr detached %d, results", st == PTHREAD_CREATE_DETACHED);
    for (int i = 0; i < DETACHED; i++) {
        long n = 1000L * (i + 1);
        CHECK(det_result[i] == n * (n + 1) / 2, "detached %d: %ld", i, det_result[i]);
        printf(" %ld", det_result[i]);
    }
    printf(", semaphore left at %d\n", v);
    sem_destroy(&det_done);
}

int main(void)
{
    thr_watchdog(60);
    test_mutex();
    test_cond();
    test_barrier();
    test_rwlock();
    test_once();
    test_join();
    test_detached();
    if (failures) {
        fprintf(stderr, "thr_sync: FAILED (%d checks)\n", failures);
        return 1;
    }
    printf("thr_sync: ok\n");
    return 0;
}

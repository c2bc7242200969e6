/*
 * Robust mutexes: a thread that exits holding one hands it to the next locker with
 * EOWNERDEAD (the runtime walks the thread's robust list at its exit, as Linux's
 * exit_robust_list does).  Exit 0 and "thr_robust: ok" iff right.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define THR_NAME "thr_robust"
#include "thr_check.h"

static pthread_mutex_t m;

static void *die_holding(void *arg)
{
    int r = pthread_mutex_lock(&m);
    CHECK(r == 0, "owner: lock %d", r);
    if (arg) {   /* stay a while so that the main thread waits on the lock */
        struct timespec d = {0, 50 * 1000000};
        nanosleep(&d, NULL);
    }
    return NULL;   /* exits holding m */
}

static void *lock_in_thread(void *arg)
{
    (void)arg;
    int r = pthread_mutex_lock(&m);
    return (void *)(long)r;
}

int main(void)
{
    thr_watchdog(30);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&m, &a);

    /* 1. the owner is gone before anyone asks */
    pthread_t t;
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_join(t, NULL);
    int r = pthread_mutex_lock(&m);
    CHECK(r == EOWNERDEAD, "after the owner exited: %s", strerror(r));
    CHECK(pthread_mutex_consistent(&m) == 0, "consistent");
    CHECK(pthread_mutex_unlock(&m) == 0, "unlock");
    r = pthread_mutex_lock(&m);
    CHECK(r == 0, "lock after consistent: %s", strerror(r));
    pthread_mutex_unlock(&m);

    /* 2. a waiter blocked on the lock wakes when the owner dies */
    pthread_create(&t, NULL, die_holding, (void *)1);
    struct timespec d = {0, 10 * 1000000};
    nanosleep(&d, NULL);
    pthread_t w;
    pthread_create(&w, NULL, lock_in_thread, NULL);
    void *res;
    pthread_join(w, &res);
    CHECK((long)res == EOWNERDEAD, "waiter: %s", strerror((int)(long)res));
    pthread_join(t, NULL);

    /* 3. not made consistent: the waiter's thread has exited holding it too, so the
     * next locker sees EOWNERDEAD again; unlocked without consistent it becomes
     * unusable (ENOTRECOVERABLE) */
    r = pthread_mutex_lock(&m);
    CHECK(r == EOWNERDEAD, "third owner: %s", strerror(r));
    pthread_mutex_unlock(&m);
    r = pthread_mutex_lock(&m);
    CHECK(r == ENOTRECOVERABLE, "not recoverable: %s", strerror(r));
    if (failures)
        return 1;
    printf("thr_robust: ok\n");
    return 0;
}

/*
 * pthread_cancel and the setxid broadcast, which the guest's glibc implements with its
 * internal signals 32 (SIGCANCEL) and 33 (SIGSETXID): deferred cancellation of threads
 * blocked in read, pthread_cond_wait, nanosleep and sem_wait (cleanup handlers run, join
 * sees PTHREAD_CANCELED), pthread_testcancel in a loop, cancellation disabled and enabled
 * again, asynchronous cancellation of a spinning thread, and setuid/setgid to the current
 * ids from a process with several threads (glibc makes every thread do the syscall).
 * Every wait has a safety timeout; output is printed by the main thread after joins.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int pfd[2];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static sem_t sem, ready;
static atomic_int cleanups[8];
static atomic_int spin_started;

static void cleanup(void *arg)
{
    atomic_fetch_add(&cleanups[(int)(long)arg], 1);
}

static void unlock_cleanup(void *arg)
{
    (void)arg;
    pthread_mutex_unlock(&mu);
    atomic_fetch_add(&cleanups[1], 1);
}

static void *in_read(void *arg)
{
    (void)arg;
    char c;
    pthread_cleanup_push(cleanup, (void *)0);
    sem_post(&ready);
    for (;;)
        read(pfd[0], &c, 1);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *in_cond_wait(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    pthread_cleanup_push(unlock_cleanup, NULL);
    sem_post(&ready);
    for (;;)
        pthread_cond_wait(&cv, &mu);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *in_sleep(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, (void *)2);
    sem_post(&ready);
    for (;;)
        sleep(100);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *in_sem_wait(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, (void *)3);
    sem_post(&ready);
    for (;;)
        sem_wait(&sem);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *testcancel_loop(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, (void *)4);
    sem_post(&ready);
    volatile unsigned long n = 0;
    for (;;) {
        n++;
        pthread_testcancel();
    }
    pthread_cleanup_pop(0);
    return NULL;
}

static atomic_int disabled_phase;
static void *disabled_then_enabled(void *arg)
{
    (void)arg;
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    pthread_cleanup_push(cleanup, (void *)5);
    sem_post(&ready);
    struct timespec d = {0, 30 * 1000000};
    nanosleep(&d, NULL);   /* cancelled meanwhile, but disabled: goes on */
    atomic_store(&disabled_phase, 1);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    pthread_testcancel();   /* acts on the pending request here */
    atomic_store(&disabled_phase, 2);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *async_spin(void *arg)
{
    (void)arg;
    int old;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    atomic_store(&spin_started, 1);
    sem_post(&ready);
    volatile unsigned long n = 0;
    for (;;)
        n++;
    return NULL;
}

static void *setxid_helper(void *arg)
{
    (void)arg;
    sem_post(&ready);
    char c;
    read(pfd[0], &c, 1);   /* blocked while the main thread calls setuid */
    return NULL;
}

static void wait_ready(void)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += 20;
    while (sem_timedwait(&ready, &dl) != 0) {
        if (errno == EINTR)
            continue;
        fprintf(stderr, "thr_cancel: FAIL: a thread did not start\n");
        exit(1);
    }
}

static const char *cancel_and_join(void *(*fn)(void *))
{
    pthread_t t;
    pthread_create(&t, NULL, fn, NULL);
    wait_ready();
    struct timespec d = {0, 5 * 1000000};
    nanosleep(&d, NULL);   /* let it reach its blocking call */
    int r = pthread_cancel(t);
    if (r != 0)
        return "pthread_cancel failed";
    void *res;
    pthread_join(t, &res);
    return res == PTHREAD_CANCELED ? "canceled" : "not canceled";
}

int main(void)
{
    alarm(60);
    if (pipe(pfd) != 0)
        return 1;
    sem_init(&sem, 0, 0);
    sem_init(&ready, 0, 0);
    printf("read: %s\n", cancel_and_join(in_read));
    printf("cond_wait: %s\n", cancel_and_join(in_cond_wait));
    printf("sleep: %s\n", cancel_and_join(in_sleep));
    printf("sem_wait: %s\n", cancel_and_join(in_sem_wait));
    printf("testcancel: %s\n", cancel_and_join(testcancel_loop));
    printf("disabled then enabled: %s", cancel_and_join(disabled_then_enabled));
    printf(", phase %d\n", atomic_load(&disabled_phase));
    printf("async: %s\n", cancel_and_join(async_spin));
    printf("cleanups:");
    for (int i = 0; i < 6; i++)
        printf(" %d", atomic_load(&cleanups[i]));
    printf("\n");
    /* the mutex the cond_wait thread held was released by its cleanup handler */
    printf("mutex free after the cancelled cond_wait: %s\n",
           pthread_mutex_trylock(&mu) == 0 ? "yes" : "no");
    pthread_mutex_unlock(&mu);

    pthread_t h[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&h[i], NULL, setxid_helper, NULL);
    for (int i = 0; i < 3; i++)
        wait_ready();
    int r1 = setgid(getgid()), r2 = setuid(getuid());
    printf("setgid/setuid with 4 threads: %d %d\n", r1, r2);
    if (write(pfd[1], "xyz", 3) != 3)
        return 1;
    for (int i = 0; i < 3; i++)
        pthread_join(h[i], NULL);
    printf("thr_cancel: done\n");
    return 0;
}

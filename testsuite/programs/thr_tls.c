/* Guest threads: thread-local storage and per-thread identity.
 *   1. __thread / _Thread_local variables, initialised (.tdata) and zero-initialised (.tbss),
 *      scalars, an array and a large array: every new thread starts with the initial values,
 *      writes its own, and after a barrier (all threads have written) reads its own back; the
 *      main thread's copies keep their values.  The address of a TLS variable differs between
 *      threads (and from the main thread's).
 *   2. errno is per thread: each thread makes a failing system call with its own errno
 *      (EBADF, ENOENT, ENOTDIR, EINVAL), waits at a barrier until all have, then reads errno.
 *   3. pthread_self() and gettid (syscall SYS_gettid) differ between all threads; the main
 *      thread's tid is the pid, the others' are not; getpid() is the same in every thread.
 *      Only "distinct" flags are printed, never the numbers.
 *   4. pthread_key_create with a destructor: it runs at thread exit once for every thread
 *      that set a non-NULL value (threads with NULL are skipped), with that thread's value,
 *      also for threads that end with pthread_exit; a thread sees only its own value.
 * Only the main thread prints, after the joins.  A wrong result: a message on stderr and exit
 * status 1; alarm(60) is a safety net (status 2). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define THR_NAME "thr_tls"
#include "thr_check.h"

#define NT 4

/* ---- the TLS variables --------------------------------------------------------------- */
static __thread int t_init = 42;
static __thread long t_zero;
static _Thread_local long t_arr[16] = {1, 2, 3};     /* .tdata: 1, 2, 3, then zeros */
static _Thread_local unsigned char t_big[20000];     /* .tbss: a large zero block */
_Thread_local double t_dbl = 2.5;                   /* external linkage */
static __thread char t_str[8] = "tls";

struct seen {
    int start_ok;            /* the initial values at thread start */
    int readback_ok;         /* its own values after every thread wrote its own */
    int errno_ok;
    int err_expected;
    void *addr_init, *addr_big, *addr_errno;
    pthread_t self;
    pid_t tid, pid;
};

static struct seen seen[NT + 1]; /* [NT]: the main thread */
static pthread_barrier_t bar;

static int initial_values_ok(void)
{
    int ok = t_init == 42 && t_zero == 0 && t_dbl == 2.5 && strcmp(t_str, "tls") == 0;
    for (int i = 0; i < 16; i++)
        ok &= t_arr[i] == (i < 3 ? i + 1 : 0);
    for (size_t i = 0; i < sizeof t_big; i++)
        ok &= t_big[i] == 0;
    return ok;
}

static void write_own(int me)
{
    t_init = 100 + me;
    t_zero = -1000L * me;
    t_dbl = me + 0.25;
    snprintf(t_str, sizeof t_str, "t%d", me);
    for (int i = 0; i < 16; i++)
        t_arr[i] = me * 1000 + i;
    memset(t_big, 0x10 + me, sizeof t_big);
}

static int own_values_ok(int me)
{
    char want[8];
    snprintf(want, sizeof want, "t%d", me);
    int ok = t_init == 100 + me && t_zero == -1000L * me && t_dbl == me + 0.25 &&
             strcmp(t_str, want) == 0;
    for (int i = 0; i < 16; i++)
        ok &= t_arr[i] == me * 1000 + i;
    for (size_t i = 0; i < sizeof t_big; i++)
        ok &= t_big[i] == 0x10 + me;
    return ok;
}

/* a failing call with a different errno per thread */
static int fail_call(int me)
{
    switch (me % 4) {
    case 0: close(-1); return EBADF;
    case 1: open("/nonexistent-fvp-dir/x", O_RDONLY); return ENOENT;
    case 2: open("/dev/null/x", O_RDONLY); return ENOTDIR;
    default: munmap((void *)1, 4096); return EINVAL;
    }
}

static void *worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    struct seen *s = &seen[me];
    s->start_ok = initial_values_ok();
    write_own(me);
    s->addr_init = &t_init;
    s->addr_big = t_big;
    s->addr_errno = &errno;
    s->self = pthread_self();
    s->tid = (pid_t)syscall(SYS_gettid);
    s->pid = getpid();
    s->err_expected = fail_call(me);
    int e = errno;
    pthread_barrier_wait(&bar);               /* every thread has written its TLS and errno */
    int e2 = errno;
    s->readback_ok = own_values_ok(me);
    s->errno_ok = e2 == s->err_expected && e == s->err_expected;
    pthread_barrier_wait(&bar);               /* main reads its own values while we live */
    return NULL;
}

/* ---- pthread keys -------------------------------------------------------------------- */
#define KEY_THREADS 6
static pthread_key_t key;
static int dtor_calls, dtor_bad_value;
static int dtor_seen[KEY_THREADS];
static pthread_mutex_t dtor_mtx = PTHREAD_MUTEX_INITIALIZER;
static int key_vals[KEY_THREADS];

static void dtor(void *v)
{
    pthread_mutex_lock(&dtor_mtx);
    dtor_calls++;
    int *p = v;
    if (p >= key_vals && p < key_vals + KEY_THREADS && *p == 7 * (int)(p - key_vals))
        dtor_seen[p - key_vals]++;
    else
        dtor_bad_value++;
    pthread_mutex_unlock(&dtor_mtx);
}

static pthread_barrier_t key_bar;

static void *key_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    int ok = pthread_getspecific(key) == NULL;       /* a new thread starts with NULL */
    key_vals[me] = 7 * me;
    if (me % 3 != 2)                                 /* threads 2 and 5 leave it NULL */
        pthread_setspecific(key, &key_vals[me]);
    pthread_barrier_wait(&key_bar);                  /* all have set theirs */
    ok &= pthread_getspecific(key) == (me % 3 != 2 ? &key_vals[me] : NULL);
    pthread_barrier_wait(&key_bar);
    if (me == 1)
        pthread_exit((void *)(intptr_t)ok);          /* destructors run on pthread_exit too */
    return (void *)(intptr_t)ok;
}

int main(void)
{
    thr_watchdog(60);

    /* the main thread changes its own copies first: new threads must still start with the
     * initial values of the TLS image, not the creator's */
    int main_start_ok = initial_values_ok();
    write_own(NT);
    pthread_t t[NT];
    pthread_barrier_init(&bar, NULL, NT + 1);
    for (int i = 0; i < NT; i++) {
        int r = pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i);
        if (r != 0) {
            fprintf(stderr, "thr_tls: pthread_create: %s\n", strerror(r));
            return 1;
        }
    }
    errno = 0;
    pthread_barrier_wait(&bar);
    int main_readback = own_values_ok(NT);
    seen[NT].addr_init = &t_init;
    seen[NT].addr_big = t_big;
    seen[NT].addr_errno = &errno;
    seen[NT].self = pthread_self();
    seen[NT].tid = (pid_t)syscall(SYS_gettid);
    seen[NT].pid = getpid();
    pthread_barrier_wait(&bar);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&bar);

    printf("main: initial values %d, own values kept %d\n", main_start_ok, main_readback);
    CHECK(main_start_ok && main_readback, "main thread's TLS");
    for (int i = 0; i < NT; i++) {
        struct seen *s = &seen[i];
        printf("thread %d: initial values %d, own values after barrier %d, errno %s kept %d\n",
               i, s->start_ok, s->readback_ok, strerrorname_np(s->err_expected), s->errno_ok);
        CHECK(s->start_ok && s->readback_ok && s->errno_ok, "thread %d", i);
    }
    int addr_distinct = 1, self_distinct = 1, tid_distinct = 1, pid_same = 1;
    for (int i = 0; i <= NT; i++)
        for (int j = 0; j < i; j++) {
            addr_distinct &= seen[i].addr_init != seen[j].addr_init &&
                             seen[i].addr_big != seen[j].addr_big &&
                             seen[i].addr_errno != seen[j].addr_errno;
            self_distinct &= !pthread_equal(seen[i].self, seen[j].self);
            tid_distinct &= seen[i].tid != seen[j].tid;
            pid_same &= seen[i].pid == seen[j].pid;
        }
    int main_tid_is_pid = seen[NT].tid == getpid();
    int others_not_pid = 1;
    for (int i = 0; i < NT; i++)
        others_not_pid &= seen[i].tid != getpid() && seen[i].tid > 0;
    printf("TLS and errno addresses distinct: %s\n", addr_distinct ? "yes" : "no");
    printf("pthread_self distinct: %s\n", self_distinct ? "yes" : "no");
    printf("gettid distinct: %s; main tid == pid: %s; others != pid: %s\n",
           tid_distinct ? "yes" : "no", main_tid_is_pid ? "yes" : "no",
           others_not_pid ? "yes" : "no");
    printf("getpid same in all threads: %s\n", pid_same ? "yes" : "no");
    CHECK(addr_distinct && self_distinct && tid_distinct && pid_same, "identities");
    CHECK(main_tid_is_pid && others_not_pid, "tids");

    /* keys */
    CHECK(pthread_key_create(&key, dtor) == 0, "pthread_key_create");
    int main_val = 99;
    pthread_setspecific(key, &main_val);   /* main's value: no destructor, main never exits */
    pthread_barrier_init(&key_bar, NULL, KEY_THREADS);
    pthread_t kt[KEY_THREADS];
    for (int i = 0; i < KEY_THREADS; i++)
        pthread_create(&kt[i], NULL, key_worker, (void *)(intptr_t)i);
    int key_ok = 1;
    for (int i = 0; i < KEY_THREADS; i++) {
        void *r;
        pthread_join(kt[i], &r);
        key_ok &= r == (void *)1;
    }
    pthread_barrier_destroy(&key_bar);
    int want_calls = 0, per_thread_ok = 1;
    for (int i = 0; i < KEY_THREADS; i++) {
        want_calls += i % 3 != 2;
        per_thread_ok &= dtor_seen[i] == (i % 3 != 2);
    }
    printf("keys: %d threads, own values only %d, destructor calls %d (expected %d), "
           "each with its thread's value %d, main's value kept %d\n", KEY_THREADS, key_ok,
           dtor_calls, want_calls, per_thread_ok && dtor_bad_value == 0,
           pthread_getspecific(key) == &main_val);
    CHECK(key_ok && dtor_calls == want_calls && per_thread_ok && dtor_bad_value == 0, "keys");
    CHECK(pthread_getspecific(key) == &main_val, "main's key value");
    pthread_key_delete(key);

    if (failures) {
        fprintf(stderr, "thr_tls: FAILED (%d checks)\n", failures);
        return 1;
    }
    printf("thr_tls: ok\n");
    return 0;
}

/* Guest threads and signals: per-thread signal masks and thread-directed signals.
 *   1. pthread_kill(t, SIGUSR1) runs the handler in thread t: the handler records the thread
 *      it runs in (a __thread id, and pthread_self() compared with the target's pthread_t);
 *      three workers blocked in sem_wait, in a scrambled order, twice each, and the main thread
 *      itself (handled before pthread_kill returns).
 *   2. Process-directed signals go to a thread that does not block them: SIGUSR2 is blocked in
 *      the main thread and in worker A (both inherit the mask at creation; checked), worker B
 *      unblocks it with pthread_sigmask: kill(getpid(), SIGUSR2) from the main thread (4 times)
 *      and from A (once) is handled by B every time.
 *   3. sigwaitinfo in one thread for SIGHUP / SIGTERM, blocked in all threads, sent by another
 *      thread with pthread_kill (thread-directed) and kill (process-directed): the signals arrive
 *      in the order sent, with our pid and si_code SI_USER (kill) or SI_TKILL / SI_USER
 *      (pthread_kill: the host kernel decides).
 *   4. Pending sets: a SIGUSR1 sent with pthread_kill to a thread that blocks it is pending in
 *      that thread only (not in the main thread's sigpending); unblocking it there runs the
 *      handler in that thread.  A kill() to the process while every thread blocks it is pending
 *      for all; the main thread unblocking it runs the handler in the main thread.
 * Semaphores order everything; there are no sleeps.  Every wait has a 20 s timeout as a safety
 * net that fails with a message saying what did not arrive.  Only the main thread prints.  A
 * wrong result: a message on stderr and exit status 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define THR_NAME "thr_signal"
#include "thr_check.h"

/* Thread ids: 0 main, 1-3 part 1, 4 (A) and 5 (B) part 2, 6 (waiter) and 7 (sender) part 3,
 * 8 part 4. */
#define NIDS 9
static __thread int my_id;             /* 0 in the main thread */
static pthread_t th_of[NIDS];
static volatile sig_atomic_t hits[NIDS], self_ok[NIDS], last_id = -1;
static sem_t handled;                   /* posted by the handler (sem_post is async-signal-safe) */

static void handler(int sig)
{
    (void)sig;
    int id = my_id;
    if (id < 0 || id >= NIDS)
        return;
    hits[id]++;
    self_ok[id] = pthread_equal(pthread_self(), th_of[id]);
    last_id = id;
    sem_post(&handled);
}

/* wait_sem: sem_wait with EINTR retried and a 20 s safety net. */
static void wait_sem(sem_t *s, const char *what)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += 20;
    while (sem_timedwait(s, &dl) != 0) {
        if (errno == EINTR)
            continue;
        fprintf(stderr, "thr_signal: FAIL: %s: %s\n", what,
                errno == ETIMEDOUT ? "not within 20 s" : strerror(errno));
        exit(1);
    }
}

static void start(int id, void *(*fn)(void *))
{
    int r = pthread_create(&th_of[id], NULL, fn, (void *)(intptr_t)id);
    if (r != 0) {
        fprintf(stderr, "thr_signal: pthread_create: %s\n", strerror(r));
        exit(1);
    }
}

static void block(int how, int sig)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    pthread_sigmask(how, &s, NULL);
}

static int blocked(int sig)
{
    sigset_t cur;
    pthread_sigmask(SIG_SETMASK, NULL, &cur);
    return sigismember(&cur, sig);
}

static int pending(int sig)
{
    sigset_t p;
    sigpending(&p);
    return sigismember(&p, sig);
}

static sem_t ready, quit[NIDS];

/* ---- 1. pthread_kill to a given thread ---------------------------------------------- */
static void *idle_worker(void *arg)
{
    my_id = (int)(intptr_t)arg;
    sem_post(&ready);
    wait_sem(&quit[my_id], "the quit signal for a worker"); /* signals interrupt this */
    return NULL;
}

static void part1(void)
{
    for (int id = 1; id <= 3; id++)
        start(id, idle_worker);
    for (int id = 1; id <= 3; id++)
        wait_sem(&ready, "part 1 workers to start");
    static const int order[] = {3, 1, 2, 2, 3, 1};
    int wrong = 0;
    for (int k = 0; k < 6; k++) {
        int id = order[k];
        last_id = -1;
        int r = pthread_kill(th_of[id], SIGUSR1);
        CHECK(r == 0, "pthread_kill: %s", strerror(r));
        wait_sem(&handled, "SIGUSR1 to a worker to be handled");
        wrong += last_id != id;
    }
    th_of[0] = pthread_self();
    pthread_kill(pthread_self(), SIGUSR1);
    int main_sync = hits[0] == 1;   /* delivered to ourselves before pthread_kill returned */
    wait_sem(&handled, "SIGUSR1 to the main thread");
    for (int id = 1; id <= 3; id++) {
        sem_post(&quit[id]);
        pthread_join(th_of[id], NULL);
    }
    printf("pthread_kill: worker handler ran in the target thread: %s; hits", wrong ? "no" : "yes");
    for (int id = 0; id <= 3; id++)
        printf(" %d", (int)hits[id]);
    printf("; pthread_self in handler is the target: %d %d %d %d; main's own before return %d\n",
           (int)self_ok[0], (int)self_ok[1], (int)self_ok[2], (int)self_ok[3], main_sync);
    CHECK(wrong == 0, "%d signals handled in the wrong thread", wrong);
    CHECK(hits[0] == 1 && hits[1] == 2 && hits[2] == 2 && hits[3] == 2, "hit counts");
    CHECK(self_ok[0] && self_ok[1] && self_ok[2] && self_ok[3], "pthread_self in handler");
    CHECK(main_sync, "a signal to the calling thread arrived after pthread_kill returned");
}

/* ---- 2. a process-directed signal and per-thread masks ------------------------------ */
static volatile int inherited[NIDS], blocks_now[NIDS];
static sem_t a_go;

static void *mask_worker(void *arg)
{
    my_id = (int)(intptr_t)arg;
    inherited[my_id] = blocked(SIGUSR2);
    if (my_id == 5)
        block(SIG_UNBLOCK, SIGUSR2);
    blocks_now[my_id] = blocked(SIGUSR2);
    sem_post(&ready);
    if (my_id == 4) {                 /* A: sends one SIGUSR2 to the process when told */
        wait_sem(&a_go, "A's turn to send");
        kill(getpid(), SIGUSR2);
    }
    wait_sem(&quit[my_id], "the quit signal for A / B");
    return NULL;
}

static void part2(void)
{
    block(SIG_BLOCK, SIGUSR2);
    start(4, mask_worker);
    start(5, mask_worker);
    wait_sem(&ready, "A and B to start");
    wait_sem(&ready, "A and B to start");
    int wrong = 0;
    for (int k = 0; k < 4; k++) {
        last_id = -1;
        kill(getpid(), SIGUSR2);
        wait_sem(&handled, "SIGUSR2 sent to the process by the main thread");
        wrong += last_id != 5;
    }
    last_id = -1;
    sem_post(&a_go);
    wait_sem(&handled, "SIGUSR2 sent to the process by A");
    wrong += last_id != 5;
    for (int id = 4; id <= 5; id++) {
        sem_post(&quit[id]);
        pthread_join(th_of[id], NULL);
    }
    int main_blocks = blocked(SIGUSR2), left = pending(SIGUSR2);
    printf("process-directed SIGUSR2: masks inherited %d %d, blocked in main %d A %d B %d; "
           "handled by B %d of 5 (A %d, main %d), pending after %d\n", inherited[4],
           inherited[5], main_blocks, blocks_now[4], blocks_now[5], (int)hits[5], (int)hits[4],
           (int)hits[0] - 1, left);
    CHECK(inherited[4] && inherited[5] && main_blocks && blocks_now[4] && !blocks_now[5],
          "masks");
    CHECK(wrong == 0 && hits[5] == 5 && hits[4] == 0 && hits[0] == 1, "%d went elsewhere", wrong);
    CHECK(!left, "SIGUSR2 still pending");
    CHECK(self_ok[5], "pthread_self in B's handler");
}

/* ---- 3. sigwaitinfo in one thread, signals from another ----------------------------- */
#define NSENT 4
static int got_sig[NSENT], got_code[NSENT], got_pid_ok[NSENT];
static sem_t ack;

static void *waiter(void *arg)
{
    my_id = (int)(intptr_t)arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTERM);
    for (int k = 0; k < NSENT; k++) {
        siginfo_t si;
        int s;
        while ((s = sigwaitinfo(&set, &si)) < 0 && errno == EINTR)
            ;
        got_sig[k] = s;
        got_code[k] = si.si_code;
        got_pid_ok[k] = si.si_pid == getpid();
        sem_post(&ack);
    }
    return NULL;
}

static void *sender(void *arg)
{
    my_id = (int)(intptr_t)arg;
    pthread_kill(th_of[6], SIGHUP);
    wait_sem(&ack, "the waiter to get SIGHUP by pthread_kill");
    kill(getpid(), SIGTERM);
    wait_sem(&ack, "the waiter to get SIGTERM by kill");
    pthread_kill(th_of[6], SIGTERM);
    wait_sem(&ack, "the waiter to get SIGTERM by pthread_kill");
    kill(getpid(), SIGHUP);
    wait_sem(&ack, "the waiter to get SIGHUP by kill");
    return NULL;
}


static void part3(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);  /* before the threads: all of them block both */
    start(6, waiter);
    start(7, sender);
    pthread_join(th_of[7], NULL);
    pthread_join(th_of[6], NULL);
    static const int want_sig[NSENT] = {SIGHUP, SIGTERM, SIGTERM, SIGHUP};
    /* kill gives SI_USER; tgkill gives SI_TKILL on most kernels but SI_USER on some (6.18):
     * either is accepted there, and only whether the code is right is printed */
    static const int by_kill[NSENT] = {0, 1, 0, 1};
    printf("sigwaitinfo:");
    for (int k = 0; k < NSENT; k++) {
        int c = got_code[k];
        int code_ok = by_kill[k] ? c == SI_USER : c == SI_TKILL || c == SI_USER;
        printf(" %s (%s, code ok %d, our pid %d)",
               sigabbrev_np(got_sig[k]) ? sigabbrev_np(got_sig[k]) : "?",
               by_kill[k] ? "kill" : "pthread_kill", code_ok, got_pid_ok[k]);
        CHECK(got_sig[k] == want_sig[k] && code_ok && got_pid_ok[k], "signal %d: %d code %d", k,
              got_sig[k], c);
    }
    printf("; pending after: HUP %d TERM %d\n", pending(SIGHUP), pending(SIGTERM));
    CHECK(!pending(SIGHUP) && !pending(SIGTERM), "left pending");
}

/* ---- 4. thread-pending and process-pending ------------------------------------------ */
static sem_t p_go;
static int p_pending_before, p_hits_after;

static void *pend_worker(void *arg)
{
    my_id = (int)(intptr_t)arg;
    sem_post(&ready);
    wait_sem(&p_go, "part 4's go");
    p_pending_before = pending(SIGUSR1);
    block(SIG_UNBLOCK, SIGUSR1);         /* the pending SIGUSR1 is delivered here, to us */
    p_hits_after = hits[8];
    return NULL;
}

static void part4(void)
{
    block(SIG_BLOCK, SIGUSR1);
    start(8, pend_worker);
    wait_sem(&ready, "part 4's worker to start");
    pthread_kill(th_of[8], SIGUSR1);
    int main_sees = pending(SIGUSR1);    /* pending in the other thread, not here */
    sem_post(&p_go);
    wait_sem(&handled, "the worker's handler after it unblocked SIGUSR1");
    pthread_join(th_of[8], NULL);
    printf("thread-pending: main sees it %d, target sees it %d, handled in target on unblock %d\n",
           main_sees, p_pending_before, p_hits_after);
    CHECK(!main_sees && p_pending_before && p_hits_after == 1 && self_ok[8], "thread-pending");

    int before = hits[0];
    kill(getpid(), SIGUSR1);             /* blocked everywhere: pending for the process */
    int proc_pending = pending(SIGUSR1);
    block(SIG_UNBLOCK, SIGUSR1);         /* delivered to us before this returns */
    int main_got = hits[0] - before;
    wait_sem(&handled, "the main thread's handler");
    printf("process-pending: main sees it %d, handled in main on unblock %d\n", proc_pending,
           main_got);
    CHECK(proc_pending && main_got == 1, "process-pending");
}

int main(void)
{
    thr_watchdog(60);
    sem_init(&handled, 0, 0);
    sem_init(&ready, 0, 0);
    sem_init(&ack, 0, 0);
    sem_init(&a_go, 0, 0);
    sem_init(&p_go, 0, 0);
    for (int i = 0; i < NIDS; i++)
        sem_init(&quit[i], 0, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);

    part1();
    part2();
    part3();
    part4();
    if (failures) {
        fprintf(stderr, "thr_signal: FAILED (%d checks)\n", failures);
        return 1;
    }
    printf("thr_signal: ok\n");
    return 0;
}

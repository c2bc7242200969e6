/* Guest threads: how a multi-threaded process ends, and thread start / exit churn.  Each
 * scenario runs in a child of fork(), made while the parent is single-threaded; the parent
 * waits with waitpid and prints how the child ended (only the main thread of the parent
 * prints, after the child is gone; the child's own lines are flushed before it ends).
 *   a. A thread calls exit(7) while the main thread is blocked in pthread_join on a thread
 *      blocked for ever in read() on a pipe: the process exits with 7; the atexit handler runs
 *      (in the exiting thread) and flushes stdio.
 *   b. The main thread calls pthread_exit((void *)42); the other thread joins it (gets 42),
 *      keeps working, prints and returns: the last thread ending ends the process with status
 *      0 (glibc calls exit(0): the atexit handler runs).
 *   c. A thread calls _exit(3) (exit_group) while two others spin and the main thread joins one
 *      of them: status 3.
 *   d. A thread writes through a wild pointer (*(volatile int *)8 = 0) with no handler for
 *      SIGSEGV: the whole process dies of SIGSEGV, the other threads (blocked in read, in
 *      pthread_join) with it.  Core dumps are off (RLIMIT_CORE 0) in that child.
 *   e. A thread calls abort(): the process dies of SIGABRT.
 *   f. main returns 5 while another thread is blocked in read() and one spins: status 5.
 *   g. Churn: 200 threads created and joined one after another, then 16 at once, then 32
 *      detached ones reporting through a semaphore; the return values and results are summed.
 * Every child has alarm(30) as a safety net (SIGALRM's default action kills it, which the
 * parent reports as a wrong status).  A wrong status or result: a message on stderr and exit
 * status 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void start(pthread_t *t, void *(*fn)(void *), void *arg)
{
    int r = pthread_create(t, NULL, fn, arg);
    if (r != 0) {
        fprintf(stderr, "thr_exit: pthread_create: %s\n", strerror(r));
        _exit(100);
    }
}

static int pipefd[2];

/* blocks for ever: nobody writes to the pipe and its write end stays open */
static void *reader(void *arg)
{
    (void)arg;
    char c;
    ssize_t n = read(pipefd[0], &c, 1);
    fprintf(stderr, "thr_exit: read returned %zd\n", n);
    return NULL;
}

static atomic_int spinning;
static volatile int stop_spin;

static void *spinner(void *arg)
{
    (void)arg;
    atomic_fetch_add(&spinning, 1);
    while (!stop_spin)
        ;
    return NULL;
}

static void wait_spinners(int n)
{
    while (atomic_load(&spinning) < n)
        sched_yield();
}

/* a short pause: lets the main thread reach its blocking call first; the results do not
 * depend on it */
static void pause_a_little(void)
{
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

/* ---- a. exit() from a thread --------------------------------------------------------- */
static void atexit_a(void)
{
    printf("a: atexit handler ran, in the main thread: %s\n",
           getpid() == gettid() ? "yes" : "no");
}

static void *exit7(void *arg)
{
    (void)arg;
    pause_a_little();
    printf("a: thread calls exit(7)\n");   /* flushed by exit */
    exit(7);
}

static void case_a(void)
{
    atexit(atexit_a);
    pthread_t r, e;
    start(&r, reader, NULL);
    start(&e, exit7, NULL);
    pthread_join(r, NULL);
    printf("a: not reached\n");
    _exit(1);
}

/* ---- b. pthread_exit in main, the last thread ends the process ------------------------ */
static pthread_t main_thread;

static void atexit_b(void)
{
    printf("b: atexit handler ran\n");
}

static void *survivor(void *arg)
{
    (void)arg;
    void *ret = NULL;
    int r = pthread_join(main_thread, &ret);   /* returns once the main thread has exited */
    long sum = 0;
    for (long i = 1; i <= 100000; i++)
        sum += i % 7;
    printf("b: joined the main thread: %s, its value %ld; last thread's sum %ld\n",
           r == 0 ? "ok" : strerror(r), (long)(intptr_t)ret, sum);
    return NULL;                               /* the last thread: exit(0) */
}

static void case_b(void)
{
    atexit(atexit_b);
    main_thread = pthread_self();
    pthread_t s;
    start(&s, survivor, NULL);
    pthread_exit((void *)42);
}

/* ---- c. _exit() from a thread while others spin -------------------------------------- */
static void *exit3(void *arg)
{
    (void)arg;
    wait_spinners(2);
    _exit(3);
}

static void case_c(void)
{
    pthread_t s1, s2, x;
    start(&s1, spinner, NULL);
    start(&s2, spinner, NULL);
    start(&x, exit3, NULL);
    pthread_join(s1, NULL);
    _exit(1);
}

/* ---- d. a fatal SIGSEGV in a thread -------------------------------------------------- */
static void *segv(void *arg)
{
    (void)arg;
    pause_a_little();
    volatile int *volatile wild = (volatile int *)8;
    *wild = 0;
    return NULL;
}

static void case_d(void)
{
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    pthread_t r, s;
    start(&r, reader, NULL);
    start(&s, segv, NULL);
    pthread_join(s, NULL);
    _exit(1);
}

/* ---- e. abort() in a thread ---------------------------------------------------------- */
static void *aborter(void *arg)
{
    (void)arg;
    wait_spinners(1);
    abort();
}

static void case_e(void)
{
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    pthread_t s, a;
    start(&s, spinner, NULL);
    start(&a, aborter, NULL);
    pthread_join(a, NULL);
    _exit(1);
}

/* ---- f. main returns while other threads run ----------------------------------------- */
static int case_f(void)
{
    pthread_t r, s;
    start(&r, reader, NULL);
    start(&s, spinner, NULL);
    wait_spinners(1);
    printf("f: main returns 5\n");
    return 5;
}

/* ---- g. churn ------------------------------------------------------------------------ */
static void *ret_value(void *arg)
{
    return (void *)((intptr_t)arg * 3 + 1);
}

static void *range_sum(void *arg)
{
    long k = (long)(intptr_t)arg, s = 0;
    for (long i = k * 10000; i < (k + 1) * 10000; i++)
        s += i;
    return (void *)(intptr_t)s;
}

static sem_t det_sem;
static atomic_long det_sum;

static void *detached(void *arg)
{
    atomic_fetch_add(&det_sum, (long)(intptr_t)arg);
    sem_post(&det_sem);
    return NULL;
}

static int case_g(void)
{
    long seq = 0, want_seq = 0;
    for (int i = 0; i < 200; i++) {
        pthread_t t;
        void *r;
        start(&t, ret_value, (void *)(intptr_t)i);
        pthread_join(t, &r);
        seq += (long)(intptr_t)r;
        want_seq += i * 3 + 1;
    }
    pthread_t t16[16];
    for (int i = 0; i < 16; i++)
        start(&t16[i], range_sum, (void *)(intptr_t)i);
    long par = 0, want_par = 160000L * (160000 - 1) / 2;
    for (int i = 0; i < 16; i++) {
        void *r;
        pthread_join(t16[i], &r);
        par += (long)(intptr_t)r;
    }
    sem_init(&det_sem, 0, 0);
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    for (int i = 1; i <= 32; i++) {
        pthread_t t;
        int r = pthread_create(&t, &a, detached, (void *)(intptr_t)i);
        if (r != 0) {
            fprintf(stderr, "thr_exit: pthread_create (detached): %s\n", strerror(r));
            return 1;
        }
    }
    for (int i = 0; i < 32; i++)
        while (sem_wait(&det_sem) != 0)
            ;
    printf("g: 200 sequential threads, sum of return values %ld; 16 at once, sum %ld; "
           "32 detached, sum %ld\n", seq, par, atomic_load(&det_sum));
    int ok = seq == want_seq && par == want_par && atomic_load(&det_sum) == 32 * 33 / 2;
    if (!ok)
        fprintf(stderr, "thr_exit: g: wrong sums (expected %ld, %ld, %d)\n", want_seq, want_par,
                32 * 33 / 2);
    return ok ? 0 : 1;
}

/* ---- the parent ---------------------------------------------------------------------- */
struct scenario {
    char name;
    int (*run)(void);       /* for the cases that return; the others never do */
    void (*run_noreturn)(void);
    int want_exit;          /* -1: want a signal */
    int want_sig;
};

static void describe(int st, char *buf, size_t n)
{
    if (WIFEXITED(st))
        snprintf(buf, n, "exited %d", WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        snprintf(buf, n, "killed by signal %d (%s)", WTERMSIG(st),
                 sigabbrev_np(WTERMSIG(st)) ? sigabbrev_np(WTERMSIG(st)) : "?");
    else
        snprintf(buf, n, "status %#x", st);
}

int main(void)
{
    static const struct scenario sc[] = {
        {'a', NULL, case_a, 7, 0},
        {'b', NULL, case_b, 0, 0},
        {'c', NULL, case_c, 3, 0},
        {'d', NULL, case_d, -1, SIGSEGV},
        {'e', NULL, case_e, -1, SIGABRT},
        {'f', case_f, NULL, 5, 0},
        {'g', case_g, NULL, 0, 0},
    };
    if (pipe(pipefd) != 0) {
        perror("thr_exit: pipe");
        return 1;
    }
    for (size_t i = 0; i < sizeof sc / sizeof sc[0]; i++) {
        fflush(stdout);
        fflush(stderr);
        pid_t pid = fork();
        if (pid < 0) {
            perror("thr_exit: fork");
            return 1;
        }
        if (pid == 0) {
            alarm(30);
            if (sc[i].run)
                exit(sc[i].run());
            sc[i].run_noreturn();
            _exit(99);
        }
        int st = 0;
        pid_t w;
        while ((w = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
            ;
        char got[64];
        describe(st, got, sizeof got);
        printf("%c: %s\n", sc[i].name, got);
        int ok = w == pid && (sc[i].want_exit >= 0
                                  ? WIFEXITED(st) && WEXITSTATUS(st) == sc[i].want_exit
                                  : WIFSIGNALED(st) && WTERMSIG(st) == sc[i].want_sig);
        if (!ok) {
            fprintf(stderr, "thr_exit: FAIL: case %c %s, expected ", sc[i].name, got);
            if (sc[i].want_exit >= 0)
                fprintf(stderr, "exit status %d\n", sc[i].want_exit);
            else
                fprintf(stderr, "death by signal %d\n", sc[i].want_sig);
            failures++;
        }
    }
    if (failures) {
        fprintf(stderr, "thr_exit: FAILED (%d cases)\n", failures);
        return 1;
    }
    printf("thr_exit: ok\n");
    return 0;
}

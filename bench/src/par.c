/* par — the same CPU-bound work on THREADS pthreads: counting the solutions of the 12-queens
 * problem (bitmask backtracking: recursion, bit operations, unpredictable branches; almost no
 * memory traffic, so on a native host the work scales with the cores).
 *
 *   par [PERCENT [THREADS]]      THREADS: 1..64, default 1 (the harness runs 1 and 2)
 *
 * One unit is one full count of the 12-queens solutions, split into 144 tasks by the columns
 * of the queens in the first two rows.  The tasks of all units form one list; the threads
 * take the next task from a shared atomic counter (amoadd on RV64) until none is left, so the
 * work is shared evenly however fast each thread runs, and the result does not depend on the
 * number of threads.  Every thread counts into its own array; the main thread adds them up
 * after the joins.  Checks, independent of any run: every unit finds 14200 solutions (OEIS
 * A000170), and the count for each first-row column equals that of its mirror image. */
#include "bench.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#define N 12
#define TASKS (N * N)           /* per unit: (first-row column, second-row column) */
#define SOLUTIONS 14200         /* 12 queens, A000170 */
#define MAX_THREADS 64

static long solve(uint32_t cols, uint32_t d1, uint32_t d2)
{
    const uint32_t all = (1u << N) - 1;
    if (cols == all)
        return 1;
    long count = 0;
    uint32_t avail = all & ~(cols | d1 | d2);
    while (avail) {
        uint32_t bit = avail & -avail;
        avail ^= bit;
        count += solve(cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
    }
    return count;
}

/* the solutions with the first two queens in columns a and b (rows 0 and 1) */
static long task(int a, int b)
{
    uint32_t qa = 1u << a, qb = 1u << b;
    if (a == b || a == b + 1 || b == a + 1)
        return 0;
    return solve(qa | qb, ((qa << 1) | qb) << 1, ((qa >> 1) | qb) >> 1);
}

static long total_tasks;
static atomic_long next_task;

struct worker {                  /* one cache line or more each: no false sharing */
    _Alignas(64) pthread_t thread;
    long *per_unit;              /* solutions found per unit by this thread */
    long per_column[N];          /* ... and per first-row column */
    long tasks;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    for (;;) {
        long k = atomic_fetch_add_explicit(&next_task, 1, memory_order_relaxed);
        if (k >= total_tasks)
            return NULL;
        int j = (int)(k % TASKS);
        long s = task(j / N, j % N);
        w->per_unit[k / TASKS] += s;
        w->per_column[j / N] += s;
        w->tasks++;
    }
}

int main(int argc, char **argv)
{
    int units = bench_init("par", argc > 2 ? 2 : argc, argv);
    int threads = 1;
    if (argc > 2) {
        char *end;
        long t = strtol(argv[2], &end, 10);
        if (argc > 3 || *argv[2] == '\0' || *end != '\0' || t < 1 || t > MAX_THREADS) {
            fprintf(stderr, "usage: par [PERCENT [THREADS]]  (THREADS 1..%d)\n", MAX_THREADS);
            return 2;
        }
        threads = (int)t;
    }
    total_tasks = (long)units * TASKS;
    struct worker w[MAX_THREADS];
    memset(w, 0, sizeof w);
    for (int t = 0; t < threads; t++) {
        w[t].per_unit = bench_alloc((size_t)units * sizeof(long));
        memset(w[t].per_unit, 0, (size_t)units * sizeof(long));
    }
    /* thread 0 is the main thread itself: THREADS threads do the work, THREADS - 1 are new */
    for (int t = 1; t < threads; t++) {
        int r = pthread_create(&w[t].thread, NULL, work, &w[t]);
        if (!bench_check(r == 0, "pthread_create: error %d", r))
            return bench_finish("%d threads", threads);
    }
    work(&w[0]);
    for (int t = 1; t < threads; t++)
        pthread_join(w[t].thread, NULL);

    long sum = 0, done = 0, column[N] = {0};
    for (int t = 0; t < threads; t++) {
        done += w[t].tasks;
        for (int c = 0; c < N; c++)
            column[c] += w[t].per_column[c];
    }
    bench_check(done == total_tasks, "%ld tasks done of %ld", done, total_tasks);
    for (int u = 0; u < units; u++) {
        long s = 0;
        for (int t = 0; t < threads; t++)
            s += w[t].per_unit[u];
        sum += s;
        if (!bench_check(s == SOLUTIONS, "unit %d: %ld solutions, expected %d", u, s, SOLUTIONS))
            break;
    }
    for (int c = 0; c < N / 2; c++)
        bench_check(column[c] == column[N - 1 - c], "column %d: %ld solutions, column %d: %ld",
                    c, column[c], N - 1 - c, column[N - 1 - c]);
    for (int t = 0; t < threads; t++)
        free(w[t].per_unit);
    return bench_finish("%d units, %d thread%s, %ld solutions", units, threads,
                        threads > 1 ? "s" : "", sum);
}

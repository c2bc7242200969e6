/* Guest threads through OpenMP (libgomp linked statically, -fopenmp: testsuite/suites.mk),
 * with 2 and then 4 threads (omp_set_num_threads, dynamic adjustment off):
 *   1. a parallel region has that many threads, each omp_get_thread_num seen once;
 *   2. parallel for, schedule(static) and schedule(dynamic, 64), with reductions +, ^, max,
 *      min over an integer function, and + over doubles that are small integers (every partial
 *      sum is exact, so the result does not depend on the order);
 *   3. omp critical around a shared histogram, omp atomic on a shared counter;
 *   4. barrier / single / master: in each of 20 phases every thread writes its slot, then
 *      one thread (single) checks all slots after the barrier;
 *   5. sections, and tasks (fib(18) with a cutoff, taskwait).
 * Every result is compared with the same computation done sequentially; only the main thread
 * prints, outside the parallel regions.  A wrong result: a message on stderr and exit status
 * 1; alarm(60) is a safety net (status 2). */
#include <omp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define THR_NAME "thr_omp"
#include "thr_check.h"

#define N 200000
#define MAXT 4

static uint64_t f(uint64_t i)
{
    uint64_t x = i * 0x9e3779b97f4a7c15ULL;
    return (x ^ (x >> 31)) % 1000003;
}

static long fib_seq(int n)
{
    return n < 2 ? n : fib_seq(n - 1) + fib_seq(n - 2);
}

static long fib_task(int n)
{
    if (n < 10)
        return fib_seq(n);
    long a, b;
#pragma omp task shared(a)
    a = fib_task(n - 1);
#pragma omp task shared(b)
    b = fib_task(n - 2);
#pragma omp taskwait
    return a + b;
}

static void run(int nt)
{
    omp_set_num_threads(nt);

    /* 1. the team */
    int team = 0, seen[MAXT] = {0};
#pragma omp parallel
    {
#pragma omp single
        team = omp_get_num_threads();
        int me = omp_get_thread_num();
        if (me >= 0 && me < MAXT) {
#pragma omp atomic
            seen[me]++;
        }
    }
    int seen_ok = 1;
    for (int i = 0; i < MAXT; i++)
        seen_ok &= seen[i] == (i < nt);
    CHECK(team == nt && seen_ok, "team of %d", team);

    /* 2. reductions */
    uint64_t sum = 0, xr = 0, mx = 0, mn = UINT64_MAX;
    double dsum = 0;
#pragma omp parallel for schedule(static) reduction(+ : sum, dsum) reduction(^ : xr) \
    reduction(max : mx) reduction(min : mn)
    for (int i = 0; i < N; i++) {
        uint64_t v = f((uint64_t)i);
        sum += v;
        xr ^= v << (i % 23);
        mx = v > mx ? v : mx;
        mn = v < mn ? v : mn;
        dsum += (double)(v % 4096);
    }
    uint64_t dyn = 0;
#pragma omp parallel for schedule(dynamic, 64) reduction(+ : dyn)
    for (int i = 0; i < N; i++)
        dyn += f((uint64_t)i * 3) % 977;

    uint64_t s_sum = 0, s_xr = 0, s_mx = 0, s_mn = UINT64_MAX, s_dyn = 0;
    double s_dsum = 0;
    for (int i = 0; i < N; i++) {
        uint64_t v = f((uint64_t)i);
        s_sum += v;
        s_xr ^= v << (i % 23);
        s_mx = v > s_mx ? v : s_mx;
        s_mn = v < s_mn ? v : s_mn;
        s_dsum += (double)(v % 4096);
        s_dyn += f((uint64_t)i * 3) % 977;
    }
    CHECK(sum == s_sum && xr == s_xr && mx == s_mx && mn == s_mn && dsum == s_dsum &&
          dyn == s_dyn, "reductions");

    /* 3. critical and atomic */
    long hist[16] = {0}, s_hist[16] = {0};
    long counter = 0, s_counter = 0;
#pragma omp parallel for schedule(static, 100)
    for (int i = 0; i < N / 10; i++) {
        uint64_t v = f((uint64_t)i);
#pragma omp critical(hist)
        hist[v % 16]++;
#pragma omp atomic
        counter += (long)(v % 3);
    }
    for (int i = 0; i < N / 10; i++) {
        s_hist[f((uint64_t)i) % 16]++;
        s_counter += (long)(f((uint64_t)i) % 3);
    }
    CHECK(memcmp(hist, s_hist, sizeof hist) == 0 && counter == s_counter, "critical/atomic");

    /* 4. barrier, single, master */
    int slot[MAXT], phase_bad = 0, master_runs = 0;
#pragma omp parallel
    {
        int me = omp_get_thread_num();
        for (int ph = 0; ph < 20; ph++) {
            slot[me] = ph * 10 + me;
#pragma omp barrier
#pragma omp single
            {
                for (int j = 0; j < omp_get_num_threads(); j++)
                    phase_bad += slot[j] != ph * 10 + j;
            } /* implied barrier: nobody writes the next phase before the check */
#pragma omp master
            master_runs++;
        }
    }
    CHECK(phase_bad == 0 && master_runs == 20, "barrier: %d stale, master %d", phase_bad,
          master_runs);

    /* 5. sections and tasks */
    long sec[3] = {0};
#pragma omp parallel sections
    {
#pragma omp section
        sec[0] = fib_seq(15);
#pragma omp section
        sec[1] = fib_seq(16);
#pragma omp section
        sec[2] = fib_seq(17);
    }
    long fib = 0;
#pragma omp parallel
    {
#pragma omp single
        fib = fib_task(18);
    }
    CHECK(sec[0] == 610 && sec[1] == 987 && sec[2] == 1597 && fib == 2584, "sections/tasks");

    printf("%d threads: team %d, each thread id once %d\n", nt, team, seen_ok);
    printf("  reductions: sum %llu xor %#llx max %llu min %llu double sum %.1f dynamic %llu\n",
           (unsigned long long)sum, (unsigned long long)xr, (unsigned long long)mx,
           (unsigned long long)mn, dsum, (unsigned long long)dyn);
    printf("  critical histogram:");
    for (int i = 0; i < 16; i++)
        printf(" %ld", hist[i]);
    printf("; atomic counter %ld\n", counter);
    printf("  barrier phases with stale slots %d, master ran %d times; sections %ld %ld %ld; "
           "task fib(18) %ld\n", phase_bad, master_runs, sec[0], sec[1], sec[2], fib);
}

int main(void)
{
    thr_watchdog(60);
    omp_set_dynamic(0);
    run(2);
    run(4);
    if (failures) {
        fprintf(stderr, "thr_omp: FAILED (%d checks)\n", failures);
        return 1;
    }
    printf("thr_omp: ok\n");
    return 0;
}

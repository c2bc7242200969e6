/* Time functions with deterministic output: only signs/orderings of differences are
 * printed, plus fixed conversions (gmtime/strftime/mktime of constant times, TZ=UTC). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static long long ts_ns(const struct timespec *t) { return t->tv_sec * 1000000000LL + t->tv_nsec; }

/* The retired-instruction counter (qemu-user returns host ticks: only "it moved" is
 * compared).  A program that reads it keeps fvp-xlat's instruction count (docs D40). */
static unsigned long rdinstret(void)
{
    unsigned long v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    time_t now = time(NULL);
    printf("time() after 2020: %d\n", now > 1577836800);
    struct timespec a, b, res;
    clock_gettime(CLOCK_REALTIME, &a);
    printf("realtime close to time(): %d\n", llabs((long long)a.tv_sec - now) < 5);
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec nap = {0, 20 * 1000 * 1000};
    int rc = nanosleep(&nap, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long d = ts_ns(&b) - ts_ns(&a);
    printf("nanosleep rc %d, monotonic advanced >= 20ms: %d, < 5s: %d\n", rc, d >= 20000000, d < 5000000000LL);
    printf("clock_getres monotonic rc %d positive %d\n", clock_getres(CLOCK_MONOTONIC, &res),
           res.tv_sec > 0 || res.tv_nsec > 0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    volatile double x = 0;
    for (int i = 0; i < 2000000; i++) x += i * 0.5;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    printf("cputime non-decreasing: %d\n", ts_ns(&b) >= ts_ns(&a));
    struct timeval tv;
    printf("gettimeofday rc %d usec in range %d\n", gettimeofday(&tv, NULL),
           tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    clock_t c = clock();
    printf("clock() non-negative %d\n", c >= 0);
    struct tms t;
    printf("times() ok %d\n", times(&t) != (clock_t)-1);
    struct timespec rem;
    struct timespec nap2 = {0, 1000000};
    printf("clock_nanosleep rc %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &nap2, &rem));
    /* fixed conversions */
    time_t fixed = 1700000000;
    struct tm tm;
    gmtime_r(&fixed, &tm);
    char buf[128];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %A %j %U", &tm);
    printf("gmtime: %s\n", buf);
    localtime_r(&fixed, &tm);
    strftime(buf, sizeof buf, "%c %Z", &tm);
    printf("localtime UTC: %s\n", buf);
    struct tm in = {.tm_year = 124, .tm_mon = 1, .tm_mday = 29, .tm_hour = 12};
    printf("mktime 2024-02-29 12:00 = %lld\n", (long long)mktime(&in));
    printf("asctime: %s", asctime(&in));
    printf("difftime %.1f\n", difftime((time_t)100, (time_t)40));
    volatile long sink = 0;
    unsigned long i0 = rdinstret();
    for (int i = 0; i < 1000; i++)
        sink += i;
    unsigned long i1 = rdinstret();
    printf("instret moved by at least 1000 over a 1000-iteration loop: %d\n", i1 - i0 >= 1000);
    return 0;
}

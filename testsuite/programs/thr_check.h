/* Check harness shared by the thr_*.c guest programs (included, never built on its own: the
 * build and run_programs.sh take only *.c here).  Define THR_NAME ("thr_x") first.
 * CHECK(cond, fmt, ...) reports a failed condition on stderr with its line and a message and
 * counts it in `failures`; thr_watchdog(secs) ends the program with a message on stderr and
 * status 2 if it still runs after secs seconds (a deadlock, an endless spin). */
#ifndef FVP_TESTSUITE_PROGRAMS_THR_CHECK_H
#define FVP_TESTSUITE_PROGRAMS_THR_CHECK_H

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, ...)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, THR_NAME ": FAIL line %d: %s: ", __LINE__, #cond);                 \
            fprintf(stderr, __VA_ARGS__);                                                      \
            fputc('\n', stderr);                                                               \
            failures++;                                                                        \
        }                                                                                      \
    } while (0)

static void thr_on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = THR_NAME ": timed out (a deadlock or an endless loop?)\n";
    if (write(2, msg, sizeof msg - 1) < 0)
        _exit(3);
    _exit(2);
}

static void thr_watchdog(unsigned secs)
{
    signal(SIGALRM, thr_on_alarm);
    alarm(secs);
}

#endif

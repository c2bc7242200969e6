/* Check harness shared by the sys_*.c guest programs (included, never built
 * on its own: the build and run_programs.sh take only *.c here).  CHECK
 * reports a failed condition with its line and errno and counts it; main()
 * prints "<name>: ok" or "<name>: FAILED" from `failures`. */
#ifndef FVP_TESTSUITE_PROGRAMS_CHECK_H
#define FVP_TESTSUITE_PROGRAMS_CHECK_H

#include <errno.h>
#include <stdio.h>

static int failures;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL line %d: %s (errno %d)\n", __LINE__, #cond, errno);   \
            failures++;                                                        \
        }                                                                      \
    } while (0)

#endif

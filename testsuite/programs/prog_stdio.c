/* stdio differential test: printf/scanf of integers, floats (%a %e %f %g), 128-bit long
 * double (software FP on RV64), strings, sscanf, fmemopen, and reading stdin. */
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double k_doubles[] = {
    0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3.0, 123456789.125, 1e300, 1e-300, 4.9e-324,
    DBL_MAX, DBL_MIN, 2.5, 3.5, -2.5, 1e15, 1e16, 1e21, 6.02214076e23, 0.000123456};

int main(void)
{
    /* integers */
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%i] [%u] [%x] [%X] [%#x] [%o] [%#o]\n", -7, 4000000000u, 0xbeef, 0xbeef, 255, 8, 8);
    printf("[%ld] [%lld] [%lu] [%hd] [%hhd] [%zu] [%td]\n", LONG_MIN, LLONG_MAX, ULONG_MAX,
           (short)-32768, (signed char)-128, sizeof(long double), (ptrdiff_t)-3);
    printf("[%" PRId64 "] [%" PRIx64 "] [%jd]\n", INT64_MIN, UINT64_MAX, (intmax_t)-1);
    printf("[%*d] [%-*d] [%.3d] [%.0d]\n", 6, 1, 6, 2, 7, 0);
    /* doubles */
    for (size_t i = 0; i < sizeof k_doubles / sizeof k_doubles[0]; i++) {
        double d = k_doubles[i];
        printf("%zu: %a | %e | %.3f | %g | %.17g | %10.4g | %-12.2e|\n", i, d, d, d, d, d, d, d);
    }
    printf("%f %f %f %e %g %a\n", INFINITY, -INFINITY, NAN, INFINITY, -NAN, INFINITY);
    printf("%.0f %.0f %.0f %.0f %.1f %.2f\n", 0.5, 1.5, 2.5, -0.5, 0.05, 0.125);
    printf("%F %E %G %A\n", 1.5, 1.5e-10, 1e-5, -0.75);
    /* floats promoted */
    float f = 1.1f;
    printf("%f %.9g %a\n", f, f, f);
    /* long double: 128-bit IEEE quad in software on riscv64 */
    long double ld = 1.0L / 3.0L;
    printf("%.30Lf\n%La\n%Lg\n%.36Le\n", ld, ld, ld, ld);
    long double big = LDBL_MAX, tiny = LDBL_MIN;
    printf("%Le %Le %Lg\n", big, tiny, (long double)1e4000L);
    long double acc = 0;
    for (int i = 1; i <= 100; i++) acc += 1.0L / i;
    printf("H100 = %.33Lg\n", acc);
    printf("sqrt2 = %.33Lg\n", sqrtl(2.0L));
    /* strings and chars */
    printf("[%s] [%10s] [%-10s] [%.3s] [%c] [%%] [%5c]\n", "abc", "right", "left", "truncate", 'Z', 'q');
    printf("[%p]\n", (void *)0);
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s-%d-%.2f", "x", 7, 2.345);
    printf("snprintf %d \"%s\"\n", n, buf);
    volatile size_t small = 8;
    n = snprintf(buf, small, "%s", "0123456789abcdef");
    printf("truncated %d \"%s\"\n", n, buf);
    /* sscanf */
    int a, b; double d; float g; char word[16]; unsigned long ul; long double lq;
    n = sscanf("12 -34 5.5e3 0x1p-2 hello 0xffffffffff 1.25e-4000", "%d %i %lf %f %15s %li %Lf",
               &a, &b, &d, &g, word, (long *)&ul, &lq);
    printf("sscanf %d: %d %d %g %g %s %lx %Lg\n", n, a, b, d, g, word, ul, lq);
    n = sscanf("3,4;xyz", "%d,%d;%2s", &a, &b, word);
    printf("sscanf %d: %d %d %s\n", n, a, b, word);
    printf("strtod %.17g %.17g %.17g %a\n", strtod("0.1", NULL), strtod("1e-320", NULL),
           strtod("-inf", NULL), strtod("0x1.fffffffffffffp1023", NULL));
    printf("strtold %La\n", strtold("0.1", NULL));
    /* stdin: sum of numbers, echo of words */
    long sum = 0;
    double dsum = 0;
    char tok[128];
    int words = 0;
    while (scanf("%127s", tok) == 1) {
        char *end;
        long v = strtol(tok, &end, 10);
        if (*end == 0) { sum += v; continue; }
        double dv = strtod(tok, &end);
        if (*end == 0) { dsum += dv; continue; }
        printf("word %d: %s (%zu)\n", ++words, tok, strlen(tok));
    }
    printf("stdin sum %ld dsum %.17g words %d\n", sum, dsum, words);
    /* stderr and a flush order check */
    fprintf(stderr, "to stderr: %d %s\n", 99, "done");
    fflush(stdout);
    fputs("last line via fputs\n", stdout);
    return 0;
}

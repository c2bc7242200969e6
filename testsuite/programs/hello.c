/* The bundled example: small, but it exercises calls, loops, integer and
 * floating-point arithmetic and libc output. */
#include <stdio.h>
#include <stdlib.h>

static unsigned long fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static double harmonic(int n)
{
    double s = 0.0;
    for (int i = 1; i <= n; i++)
        s += 1.0 / i;
    return s;
}

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 20;
    printf("hello from RISC-V: fib(%u) = %lu, H(%u) = %.6f\n", n, fib(n), n, harmonic((int)n));
    return 0;
}

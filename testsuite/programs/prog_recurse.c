/* Calls and returns: deep recursion (far past the translated code's host
 * call depth limit), mutual recursion, a longjmp out of a deep call chain
 * (returns that do not come back where the call was made), and a function
 * that returns to a different address than its caller expects. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf jb;
static volatile long sink;

static __attribute__((noinline)) long depth_sum(long n)
{
    if (n == 0)
        return 0;
    long r = depth_sum(n - 1);
    sink = r;
    return r + n;
}

static __attribute__((noinline)) int is_odd(unsigned n);
static __attribute__((noinline)) int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static __attribute__((noinline)) int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static __attribute__((noinline)) void dive(int n, int at)
{
    if (n == at)
        longjmp(jb, n);
    dive(n + 1, at);
    sink = n;
}

static __attribute__((noinline)) long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    long s = depth_sum(n);
    printf("depth_sum(%ld) = %ld (%s)\n", n, s, s == n * (n + 1) / 2 ? "right" : "WRONG");
    printf("is_even(20001) = %d, is_odd(5000) = %d\n", is_even(20001), is_odd(5000));
    int jumps = 0;
    for (int at = 1; at <= 3000; at += 999) {
        int v = setjmp(jb);
        if (v == 0)
            dive(0, at);
        else
            jumps += v == at;
    }
    printf("longjmp out of deep dives: %d of 4\n", jumps);
    printf("fib(25) = %ld\n", fib(25));
    return s == n * (n + 1) / 2 && jumps == 4 ? 0 : 1;
}

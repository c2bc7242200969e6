/* setjmp/longjmp differential test: nested jumps, values, locals kept in volatile,
 * jumps out of deep recursion, sigsetjmp without signals. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf g_env;
static int g_depth;

static void recurse(int n)
{
    char pad[64];
    pad[0] = (char)n;
    g_depth = n + pad[0] - (char)n;
    if (n == 1000) longjmp(g_env, n);
    if (n > 100000) return;             /* never: keeps the recursion finite for gcc */
    recurse(n + 1);
}

static double fp_chain(jmp_buf env, double x)
{
    if (x > 100.0) longjmp(env, 7);
    if (x < 0.0) return x;               /* never */
    return fp_chain(env, x * 1.5 + 0.25);
}

int main(void)
{
    volatile int count = 0;
    int r = setjmp(g_env);
    count++;
    printf("setjmp returned %d (count %d)\n", r, count);
    if (r == 0) longjmp(g_env, 0);          /* longjmp with 0 delivers 1 */
    if (r == 1) longjmp(g_env, 42);
    if (r == 42) recurse(0);
    printf("after recursion depth %d\n", g_depth);

    jmp_buf env2;
    volatile double acc = 1.0;
    if ((r = setjmp(env2)) == 0) {
        acc = 2.5;
        fp_chain(env2, 1.0);
    }
    printf("fp_chain jumped %d acc %.3f\n", r, acc);

    /* nested buffers */
    jmp_buf outer, inner;
    volatile int stage = 0;
    if (setjmp(outer) == 0) {
        stage = 1;
        if (setjmp(inner) == 0) {
            stage = 2;
            longjmp(inner, 3);
        }
        stage = 3;
        longjmp(outer, 4);
    }
    printf("nested stage %d\n", stage);

    sigjmp_buf senv;
    volatile int times = 0;
    if (sigsetjmp(senv, 1) < 5) {
        times++;
        siglongjmp(senv, times);
    }
    printf("sigsetjmp loop %d\n", times);
    return 0;
}

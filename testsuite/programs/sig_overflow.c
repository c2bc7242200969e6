/* Unbounded recursion overflows the stack; a SIGSEGV handler running on
 * a sigaltstack (the main stack is unusable) reports it and exits 5. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char altstack[64 * 1024];
static volatile int depth_reached;

static void segv_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    char local;
    int on_alt = &local >= altstack && &local < altstack + sizeof altstack;
    printf("stack overflow: sig=%d code=%s on_altstack=%d deep=%d\n", sig,
           si->si_code == SEGV_MAPERR || si->si_code == SEGV_ACCERR ? "SEGV_*ERR" : "other",
           on_alt, depth_reached > 1000);
    fflush(stdout);
    _exit(5);
}

static int recurse(volatile char *prev, int n)
{
    volatile char buf[512];
    buf[0] = (char)n;
    buf[511] = prev ? prev[0] : 0;
    depth_reached = n;
    return recurse(buf, n + 1) + buf[511];
}

int main(void)
{
    stack_t ss = { .ss_sp = altstack, .ss_flags = 0, .ss_size = sizeof altstack };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    printf("recursing\n");
    fflush(stdout);
    return recurse(NULL, 0);
}

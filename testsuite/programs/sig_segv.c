/* A guest that segfaults: a write to a read-only page (SEGV_ACCERR,
 * recovered with siglongjmp), then a wild pointer (SEGV_MAPERR) whose
 * handler prints si_addr and exits with status 3. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile int recover;
static void *volatile expect;

static void segv_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    printf("SIGSEGV: sig=%d code=%s addr_ok=%d\n", sig,
           si->si_code == SEGV_MAPERR ? "SEGV_MAPERR" :
           si->si_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other",
           si->si_addr == expect);
    if (recover) {
        recover = 0;
        siglongjmp(jb, 1);
    }
    fflush(stdout);
    _exit(3);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);

    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ro == MAP_FAILED)
        return 1;
    expect = ro + 100;
    recover = 1;
    if (sigsetjmp(jb, 1) == 0) {
        *(volatile char *)(ro + 100) = 1;
        printf("not reached\n");
    }
    printf("recovered from the read-only write\n");

    volatile int *wild = (volatile int *)(uintptr_t)0x1238;
    expect = (void *)wild;
    *wild = 42;
    printf("not reached\n");
    return 0;
}

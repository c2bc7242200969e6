/* An illegal instruction (32 zero bits: the defined-illegal c.unimp
 * encoding): the handler prints the signal, si_code and whether si_addr
 * is the instruction, then exits with status 4. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char ill_insn[];

static void ill_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    printf("SIGILL: sig=%d code=%s addr_ok=%d\n", sig,
           si->si_code == ILL_ILLOPC ? "ILL_ILLOPC" : "other",
           si->si_addr == (void *)ill_insn);
    fflush(stdout);
    _exit(4);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = ill_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGILL, &sa, NULL);
    printf("executing an illegal instruction\n");
    fflush(stdout);
    __asm__ volatile(".globl ill_insn\nill_insn: .4byte 0\n");
    printf("not reached\n");
    return 0;
}

/* Signal handlers interrupting a loop that spins on a register alone (`bnez a0`), from a
 * repeating timer.  Translated code runs a handler from the loop's poll in place (docs D43)
 * and goes on with the register values it holds only when the handler's rt_sigreturn has put
 * the guest back in exactly the state of the poll: the first handlers change nothing (the
 * loop goes on), a later one clears a0 in the interrupted context (uc_mcontext), and the loop
 * must see that and end.  A translation that went on with its own a0 spins forever.  The
 * loop also keeps a count in a1 and stores it to memory each time round: a handler must
 * find a1 in its context equal to that copy or one ahead, so the state a poll hands over has
 * the loop's live registers exact (translated polls write back only those, docs D53). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>

extern const char spin_begin[], spin_end[];
static volatile int hits, changed, counter_bad;
static volatile unsigned long copy;

static void on_alarm(int sig, siginfo_t *si, void *ucv)
{
    (void)sig;
    (void)si;
    ucontext_t *uc = ucv;
    unsigned long pc = uc->uc_mcontext.__gregs[REG_PC];
    if (pc < (unsigned long)spin_begin || pc >= (unsigned long)spin_end)
        return;
    unsigned long a1 = uc->uc_mcontext.__gregs[REG_A0 + 1];
    if (a1 - copy > 1)
        counter_bad = 1;
    if (++hits >= 5 && !changed) {
        uc->uc_mcontext.__gregs[REG_A0] = 0;
        changed = 1;
    }
}

static void arm(long usec)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = usec;
    it.it_interval.tv_usec = usec;
    if (setitimer(ITIMER_REAL, &it, NULL) != 0)
        perror("setitimer");
}

/* Spins while a0 != 0, counting in a1 (and in copy); returns the count. */
static __attribute__((noinline)) unsigned long spin_reg(void)
{
    register unsigned long a0 __asm__("a0") = 1;
    register unsigned long a1 __asm__("a1") = 0;
    register volatile unsigned long *a2 __asm__("a2") = &copy;
    __asm__ volatile(".globl spin_begin\n"
                     "spin_begin:\n"
                     "1: addi a1, a1, 1\n"
                     "   sd a1, 0(a2)\n"
                     "   bnez a0, 1b\n"
                     ".globl spin_end\n"
                     "spin_end:\n"
                     : "+r"(a0), "+r"(a1)
                     : "r"(a2)
                     : "memory");
    return a1;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_alarm;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGALRM, &sa, NULL) != 0) {
        perror("sigaction");
        return 1;
    }
    arm(2000);
    unsigned long n = spin_reg();
    arm(0);
    printf("register spin ended: %s\n", n > 0 && changed ? "yes" : "no");
    printf("handlers that changed nothing ran first: %s\n", hits >= 5 ? "yes" : "no");
    printf("the interrupted counter was exact: %s\n", counter_bad ? "no" : "yes");
    printf("the counter and its copy agree: %s\n", n == copy ? "yes" : "no");
    return 0;
}

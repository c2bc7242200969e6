/* ebreak -> SIGTRAP/TRAP_BRKPT and an unimplemented CSR write -> SIGILL;
 * the handlers step over the instruction through the ucontext
 * (uc_mcontext.__gregs[REG_PC] += 4) and change a0 there, so returning
 * through rt_sigreturn resumes after it with the new a0; the rounding mode
 * set before the trap survives a handler that changes it. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile int seen_sig, seen_code;

/* frm: 0 RNE, 1 RTZ, 3 RUP (RISC-V unpriv 20191213 §11.2); without libm. */
static void set_frm(long rm)
{
    __asm__ volatile("fsrm %0" : : "r"(rm));
}

static long get_frm(void)
{
    long rm;
    __asm__ volatile("frrm %0" : "=r"(rm));
    return rm;
}

static void step_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    seen_sig = sig;
    seen_code = si->si_code;
    uc->uc_mcontext.__gregs[REG_PC] += 4;
    uc->uc_mcontext.__gregs[REG_A0] = 42;
    set_frm(3);   /* must not leak out of the handler */
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = step_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);

    set_frm(1);
    register long a0 __asm__("a0") = 1;
    __asm__ volatile(".option push\n.option norvc\nebreak\n.option pop" : "+r"(a0) : : "memory");
    printf("ebreak: sig=%d code=%s a0=%ld round_ok=%d\n", seen_sig,
           seen_code == TRAP_BRKPT ? "TRAP_BRKPT" : "other", a0,
           get_frm() == 1);

    a0 = 2;
    /* csrrw zero, cycle, zero: writing a read-only CSR is illegal */
    __asm__ volatile(".option push\n.option norvc\n.4byte 0xc0001073\n.option pop"
                     : "+r"(a0) : : "memory");
    printf("unimp: sig=%d code=%s a0=%ld\n", seen_sig,
           seen_code == ILL_ILLOPC ? "ILL_ILLOPC" : "other", a0);
    set_frm(0);
    return 0;
}

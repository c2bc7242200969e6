/* ebreak -> SIGTRAP/TRAP_BRKPT and an unimplemented CSR write -> SIGILL;
 * the handlers step over the instruction through the ucontext
 * (uc_mcontext.__gregs[REG_PC] += 4) and change a0 there, so returning
 * through rt_sigreturn resumes after it with the new a0 and fa0; the
 * rounding mode and fflags set before the trap survive a handler that
 * changes them. */
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
    uc->uc_mcontext.__fpregs.__d.__f[10] = 0x4004000000000000ull;   /* fa0 = 2.5 */
    set_frm(3);   /* must not leak out of the handler */
    volatile double x = 1.0, y = 3.0;
    x = x / y;    /* raises NX inside the handler only */
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
    __asm__ volatile("csrw fflags, zero");
    register long a0 __asm__("a0") = 1;
    register double fa0 __asm__("fa0") = 1.0;
    __asm__ volatile(".option push\n.option norvc\nebreak\n.option pop"
                     : "+r"(a0), "+f"(fa0) : : "memory");
    long fflags;
    __asm__ volatile("frflags %0" : "=r"(fflags));
    printf("ebreak: sig=%d code=%s a0=%ld fa0=%g round_ok=%d fflags=%ld\n", seen_sig,
           seen_code == TRAP_BRKPT ? "TRAP_BRKPT" : "other", a0, fa0,
           get_frm() == 1, fflags);

    a0 = 2;
    /* csrrw zero, cycle, zero: writing a read-only CSR is illegal */
    __asm__ volatile(".option push\n.option norvc\n.4byte 0xc0001073\n.option pop"
                     : "+r"(a0) : : "memory");
    printf("unimp: sig=%d code=%s a0=%ld\n", seen_sig,
           seen_code == ILL_ILLOPC ? "ILL_ILLOPC" : "other", a0);
    set_frm(0);
    return 0;
}

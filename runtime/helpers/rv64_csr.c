/*
 * RV64 Zicsr helpers (RISC-V unpriv 20191213 ch. 9, §11.2; priv 20211203
 * §2.1-2.2): the user-mode CSRs a Linux program can touch.
 *
 *  fflags 0x001 (5 bits), frm 0x002 (3 bits, WARL: every value 0..7 is kept;
 *  the reserved ones make dynamic-rm instructions trap), fcsr 0x003
 *  (frm << 5 | fflags); cycle 0xC00, time 0xC01, instret 0xC02 read-only.
 *  cycle counts host monotonic nanoseconds (a nominal 1 GHz hart) and time
 *  ticks at 10,000,000 Hz (a common RISC-V timebase, e.g. QEMU virt and
 *  SiFive boards); instret is the runtime's retired-instruction count.
 *  Anything else (hpmcounters, RV32-only ...h halves, S/M-mode CSRs, vector
 *  CSRs) and any write to a read-only CSR raises illegal instruction
 *  (cause 2, tval 0).
 */
#include <stdint.h>
#include <time.h>

#include "runtime/cpu.h"
#include "riscv64/rv64_helpers.h"

enum {
    CSR_FFLAGS = 0x001,
    CSR_FRM = 0x002,
    CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00,
    CSR_TIME = 0xc01,
    CSR_INSTRET = 0xc02,
};

#define RV_TIMEBASE_HZ 10000000ull

static uint64_t host_monotonic_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Value of CSR a; illegal instruction for CSRs user mode cannot read. */
uint64_t rvh_csr_read(void *env, uint32_t a)
{
    RvCpu *c = env;
    switch (a & 0xfff) {
    case CSR_FFLAGS:
        return c->fflags & 0x1f;
    case CSR_FRM:
        return c->frm & 7;
    case CSR_FCSR:
        return ((c->frm & 7) << 5) | (c->fflags & 0x1f);
    case CSR_CYCLE:
        return host_monotonic_ns();
    case CSR_TIME:
        return host_monotonic_ns() / (1000000000ull / RV_TIMEBASE_HZ);
    case CSR_INSTRET:
        return c->instret;
    default:
        rv_cpu_raise(c, RV_CAUSE_ILLEGAL_INSN, 0);
        return 0;
    }
}

/* Writes b to CSR a, legalising WARL fields (upper bits are dropped, as
 * fcsr bits 31:8 are reserved and read as zero); illegal instruction for
 * read-only (csr[11:10] == 3, priv §2.1) and unknown CSRs. */
void rvh_csr_write(void *env, uint32_t a, uint64_t b)
{
    RvCpu *c = env;
    switch (a & 0xfff) {
    case CSR_FFLAGS:
        c->fflags = (uint32_t)(b & 0x1f);
        return;
    case CSR_FRM:
        c->frm = (uint32_t)(b & 7);
        return;
    case CSR_FCSR:
        c->fflags = (uint32_t)(b & 0x1f);
        c->frm = (uint32_t)((b >> 5) & 7);
        return;
    default:
        rv_cpu_raise(c, RV_CAUSE_ILLEGAL_INSN, 0);
        return;
    }
}

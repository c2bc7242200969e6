/*
 * A guest process in user mode: its memory, its vCPU, its signal state and
 * the options fvp-run (or a translated program) was given.  One per host
 * process (threads come with U5).
 */
#ifndef FVP_PROCESS_H
#define FVP_PROCESS_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "runtime/cpu.h"
#include "runtime/guestmem.h"

#define GUEST_NSIG 64

/* struct sigaction as the riscv64 guest passes it to rt_sigaction: the
 * asm-generic layout without sa_restorer (riscv defines no SA_RESTORER;
 * Linux include/uapi/asm-generic/signal.h), 24 bytes. */
typedef struct GuestSigaction {
    uint64_t handler;      /* SIG_DFL 0, SIG_IGN 1, or a guest address */
    uint64_t flags;        /* SA_* (same values as the host's asm-generic ones) */
    uint64_t mask;         /* sigset: 64 bits */
} GuestSigaction;

typedef struct SignalState {
    GuestSigaction action[GUEST_NSIG + 1]; /* [1..64] */
    uint64_t blocked;                      /* guest signal mask, bit (sig-1) */
    uint64_t pending;                      /* raised, not yet delivered */
    siginfo_t info[GUEST_NSIG + 1];        /* host-format info of a pending signal */
    uint64_t altstack_sp, altstack_size;   /* sigaltstack */
    int altstack_flags;
    bool restore_saved;                    /* rt_sigsuspend: saved_mask goes into */
    uint64_t saved_mask;                   /* the next frame / back into blocked */
    uint64_t sigreturn_tramp;              /* guest address of `li a7,139; ecall` */
} SignalState;

typedef struct ExecStats {
    uint64_t blocks_executed;      /* by the interpreter */
    uint64_t native_entries;       /* calls into translated code (runtime/native.h) */
    uint64_t cache_lookups, cache_hits;
    uint64_t blocks_lifted;
    uint64_t syscalls;
} ExecStats;

typedef struct Process {
    GuestMem mem;
    RvCpu cpu;
    SignalState sig;

    /* program */
    const char *exe_path;      /* as given on the command line */
    char exe_realpath[4096];   /* for /proc/self/exe and AT_EXECFN */
    uint64_t entry;            /* guest entry point (after load bias) */
    uint64_t load_bias;        /* 0 for ET_EXEC */
    uint64_t phdr_addr;        /* AT_PHDR */
    uint32_t phnum, phent;     /* AT_PHNUM, AT_PHENT */
    bool exec_stack;           /* PT_GNU_STACK has PF_X: map the stack executable */

    /* options */
    bool strace;               /* --strace: log each syscall to strace_out */
    FILE *strace_out;          /* stderr */
    bool stats;                /* --stats: print ExecStats at exit */

    /* lifecycle */
    bool exited;               /* exit/exit_group called */
    int exit_code;
    int killed_by;             /* guest died of this signal: re-raise it on the host */
    uint64_t clear_child_tid;  /* set_tid_address */
    ExecStats st;
} Process;

#endif /* FVP_PROCESS_H */

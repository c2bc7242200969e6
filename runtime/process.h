/*
 * A guest process in user mode.  Like a Linux task, a Process is one guest
 * thread: its vCPU, its signal mask and pending signals, and a copy of the
 * program facts and options; what the threads of a process share (the
 * address space, the signal actions, the thread count and how the process
 * ends) is its ThreadGroup, reached through p->tg (p->mem is &p->tg->mem).
 * Each guest thread runs on its own host thread (runtime/thread.h); the
 * guest's thread ids are the host's.
 */
#ifndef FVP_PROCESS_H
#define FVP_PROCESS_H

#include <pthread.h>
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

/* The signal state of one thread (the actions are the group's). */
typedef struct SignalState {
    uint64_t blocked;                      /* guest signal mask, bit (sig-1) */
    uint64_t pending;                      /* raised, not yet delivered */
    siginfo_t info[GUEST_NSIG + 1];        /* host-format info of a pending signal */
    uint64_t altstack_sp, altstack_size;   /* sigaltstack */
    int altstack_flags;
    bool restore_saved;                    /* rt_sigsuspend: saved_mask goes into */
    uint64_t saved_mask;                   /* the next frame / back into blocked */
    uint64_t sigreturn_tramp;              /* guest address of `li a7,139; ecall` */
    /* Host signals the host handler recorded on this thread, not yet moved
     * into pending (runtime/signal.c). */
    _Atomic uint64_t host_pending;
    siginfo_t host_info[GUEST_NSIG + 1];
} SignalState;

typedef struct ExecStats {
    uint64_t blocks_executed;      /* by the interpreter */
    uint64_t native_entries;       /* calls into translated code (runtime/native.h) */
    uint64_t cache_lookups, cache_hits;
    uint64_t blocks_lifted;
    uint64_t syscalls;
    uint64_t polls;                /* signals run from a loop's poll in place (exec.c) */
} ExecStats;

typedef struct Process Process;

/* What ends the process when a thread other than the one that started it
 * calls exit_group, dies of a signal, or is the last to exit: set by the
 * front end (fvp-run, a translated program's main); never returns. */
typedef void (*GroupFinishFn)(Process *p, int exit_code, int killed_by);

/* The shared part of a guest process (a Linux thread group). */
typedef struct ThreadGroup {
    GuestMem mem;
    GuestSigaction action[GUEST_NSIG + 1]; /* [1..64]; changed under lock */
    pthread_mutex_t lock;      /* the actions, the thread list and counts */
    Process *leader;           /* the first thread; lives as long as the group */
    Process *threads;          /* the live threads (Process.next_thread) */
    int nthreads;              /* guest threads that have not exited */
    GroupFinishFn finish;      /* NULL: single-threaded use (unit tests) */
    void *finish_arg;          /* the front end's, for finish */
    struct Native *nat;        /* translated code new threads enter (NULL: none) */
    int dying;                 /* finish runs: other threads make no more syscalls */
    ExecStats st_gone;         /* stats and instret of threads that exited */
    uint64_t instret_gone;
} ThreadGroup;

struct Process {
    GuestMem *mem;             /* &tg->mem */
    ThreadGroup *tg;
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
    bool exited;               /* this thread ended (exit, exit_group, a fatal signal) */
    bool group_exit;           /* ... and takes the whole process with it */
    int exit_code;
    int killed_by;             /* guest died of this signal: re-raise it on the host */
    uint64_t clear_child_tid;  /* set_tid_address / CLONE_CHILD_CLEARTID */
    uint64_t robust_list;      /* set_robust_list: guest struct robust_list_head */
    ExecStats st;
    int tid;                   /* host (= guest) thread id */
    struct Interp *interp;     /* this thread's interpreter (freed with it) */
    Process *next_thread;      /* ThreadGroup.threads */
};

/* A new process: its thread group with an empty reserved guest address
 * space, and its first thread (the leader).  0, or -errno with *out NULL. */
int process_new(Process **out) __attribute__((warn_unused_result));

/* Frees a process made by process_new (its address space too); only when
 * no other thread of it runs.  NULL is a no-op. */
void process_free(Process *p);

#endif /* FVP_PROCESS_H */

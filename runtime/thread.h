/*
 * Guest threads in user mode: each guest thread (clone with CLONE_VM |
 * CLONE_THREAD, what pthread_create does) is a host thread with its own
 * vCPU, signal mask and interpreter; they share the ThreadGroup: the guest
 * address space, the signal actions, the translated code.  Guest thread ids
 * are the host's, so tgkill, futexes holding thread ids (PI, robust) and
 * gettid need no translation.
 *
 * How a process ends (Linux kernel/exit.c):
 *  - exit (one thread): the thread ends; its clear_child_tid word is set
 *    to 0 and woken (pthread_join), its robust futexes are released.  When
 *    it was the last thread, the process exits with the status of the first
 *    thread (the leader; 0 when it ended with pthread_exit).
 *  - exit_group, or a signal whose default action is to terminate: the
 *    whole process ends at once with that status.
 * The front end's ThreadGroup.finish does the ending when other threads
 * may still run; with one thread left, exec_run simply returns.
 */
#ifndef FVP_THREAD_H
#define FVP_THREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/process.h"

/*
 * clone with CLONE_VM | CLONE_THREAD | CLONE_SIGHAND (+ CLONE_FS and
 * CLONE_FILES, which host threads share anyway): starts a new guest thread
 * that goes on from the instruction after the ecall (c->pc) with a0 = 0,
 * sp = newsp (when non-zero), tp = tls (CLONE_SETTLS), and writes its tid to
 * ptid (CLONE_PARENT_SETTID) and ctid (CLONE_CHILD_SETTID) before it runs;
 * CLONE_CHILD_CLEARTID makes ctid its clear_child_tid.  Returns the new
 * thread's tid, or -EINVAL (an inconsistent flag set), -EAGAIN (no host
 * thread), -ENOMEM.
 */
int64_t thread_clone(Process *p, RvCpu *c, uint64_t flags, uint64_t newsp, uint64_t ptid,
                     uint64_t tls, uint64_t ctid);

/* True when flags ask for a thread (CLONE_THREAD), which thread_clone
 * serves. */
bool thread_clone_is_thread(uint64_t flags);

/*
 * Called by the host thread of p when exec_run returned (p->exited); blocks
 * every host signal on the calling thread first.  For a group exit with
 * other threads alive, or the last thread exiting when it is not the
 * leader, calls tg->finish (does not return).  For a plain exit of one of
 * several threads: releases clear_child_tid and the robust list; the leader
 * then waits for the others without running (does not return) and any other
 * thread returns false (its host thread ends after freeing what
 * thread_clone made).  Returns true when p was the only thread (its robust
 * list released): the caller ends the process, by returning from main (the
 * first thread) or with thread_end_process (the one thread of a fork child).
 */
bool thread_exit(Process *p);

/* Ends the process with p's status through tg->finish.  Does not return. */
void thread_end_process(Process *p) __attribute__((noreturn));

/* For the syscall dispatcher: true when the process is ending (finish runs
 * on another thread); the calling thread must not run the system call. */
static inline bool thread_group_dying(const Process *p)
{
    return __atomic_load_n(&p->tg->dying, __ATOMIC_ACQUIRE) != 0;
}

/* Parks the calling thread for good (the process is ending). */
void thread_park(void) __attribute__((noreturn));

#endif /* FVP_THREAD_H */

/*
 * Linux riscv64 system calls for user-mode guests (asm-generic numbers:
 * openat 56, read 63, write 64, exit 93, exit_group 94, brk 214, mmap 222...).
 */
#ifndef FVP_SYSCALL_H
#define FVP_SYSCALL_H

#include <stdint.h>

#include "runtime/process.h"

/*
 * Performs the system call in the vCPU (number in a7, arguments in a0..a5)
 * and writes the result (value or -errno) to a0, except:
 *  - exit/exit_group set p->exited and p->exit_code (exit_group also
 *    p->group_exit; runtime/thread.h ends the thread or the process);
 *  - rt_sigreturn restores the whole vCPU from the guest signal frame;
 *  - a blocking call a signal interrupted before it could block
 *    (runtime/safe_syscall.h) puts c->pc back on the ecall;
 *  - while another thread ends the process, the calling thread parks.
 * c->pc already holds the address after the ecall.  Never aborts the host:
 * unknown numbers give -ENOSYS, bad guest pointers -EFAULT.
 * With p->strace, logs the call like strace to p->strace_out.
 */
void syscall_dispatch(Process *p, RvCpu *c);

/* The name of syscall number nr ("openat"), or NULL if unknown. */
const char *syscall_name(uint64_t nr);

#endif /* FVP_SYSCALL_H */

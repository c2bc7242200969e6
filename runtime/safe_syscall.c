/*
 * fvp_safe_syscall (contract in runtime/safe_syscall.h).
 */
#include "runtime/safe_syscall.h"

#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
/*
 * System V x86-64: pending in rdi, nr in rsi, a1..a4 in rdx, rcx, r8, r9,
 * a5 and a6 on the stack.  The kernel takes nr in rax and the arguments in
 * rdi, rsi, rdx, r10, r8, r9; it clobbers rcx and r11.  The window is
 * [fvp_safe_syscall_start, fvp_safe_syscall_end): the check and the
 * `syscall` instruction; after a restartable interruption the kernel
 * rewinds rip to the instruction, inside the window again.
 */
__asm__(".text\n"
        ".globl fvp_safe_syscall\n"
        ".type fvp_safe_syscall, @function\n"
        "fvp_safe_syscall:\n"
        "  .cfi_startproc\n"
        "  mov %rdi, %r11\n"
        "  mov %rsi, %rax\n"
        "  mov %rdx, %rdi\n"
        "  mov %rcx, %rsi\n"
        "  mov %r8, %rdx\n"
        "  mov %r9, %r10\n"
        "  mov 8(%rsp), %r8\n"
        "  mov 16(%rsp), %r9\n"
        ".globl fvp_safe_syscall_start\n"
        "fvp_safe_syscall_start:\n"
        "  cmpq $0, (%r11)\n"
        "  jnz fvp_safe_syscall_cancel\n"
        "  syscall\n"
        ".globl fvp_safe_syscall_end\n"
        "fvp_safe_syscall_end:\n"
        "  ret\n"
        ".globl fvp_safe_syscall_cancel\n"
        "fvp_safe_syscall_cancel:\n"
        "  mov $-512, %rax\n"
        "  ret\n"
        "  .cfi_endproc\n"
        ".size fvp_safe_syscall, .-fvp_safe_syscall\n");

extern const char fvp_safe_syscall_start[], fvp_safe_syscall_end[], fvp_safe_syscall_cancel[];

_Static_assert(FVP_ERESTARTSYS == 512, "the assembly returns -512");

bool fvp_safe_syscall_window(uintptr_t pc, uintptr_t *restart_pc)
{
    if (pc >= (uintptr_t)fvp_safe_syscall_start && pc < (uintptr_t)fvp_safe_syscall_end) {
        *restart_pc = (uintptr_t)fvp_safe_syscall_cancel;
        return true;
    }
    return false;
}
#else
long fvp_safe_syscall(const volatile uint64_t *pending, long nr, long a1, long a2, long a3,
                      long a4, long a5, long a6)
{
    if (*pending)
        return -FVP_ERESTARTSYS;
    long r = syscall(nr, a1, a2, a3, a4, a5, a6);
    return r < 0 ? -errno : r;
}

bool fvp_safe_syscall_window(uintptr_t pc, uintptr_t *restart_pc)
{
    (void)pc;
    (void)restart_pc;
    return false;
}
#endif

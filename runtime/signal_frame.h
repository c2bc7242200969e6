/*
 * The RV64 Linux signal frame as the guest sees it, and the guest-side
 * layout of stack_t: private to runtime/signal.c and its unit test.  Also
 * two system calls that runtime/signal.h does not declare yet.
 *
 * Linux arch/riscv/kernel/signal.c: struct rt_sigframe { struct siginfo
 * info; struct ucontext uc; }; the ucontext is uc_flags, uc_link, uc_stack,
 * uc_sigmask (8 bytes) padded to 128 bytes of sigset space, then the
 * 16-byte aligned uc_mcontext = struct sigcontext { user_regs_struct
 * sc_regs; union __riscv_fp_state sc_fpregs; } (arch/riscv/include/uapi/asm/
 * sigcontext.h, ptrace.h; glibc sysdeps/unix/sysv/linux/riscv/sys/ucontext.h).
 * The kernel saves the FP state in the D layout (f[32] then fcsr at +256)
 * inside the Q-sized union, whose q.reserved[3] (at +516) must be zero on
 * sigreturn (there, newer kernels keep the END extension header: zero too).
 */
#ifndef FVP_SIGNAL_FRAME_H
#define FVP_SIGNAL_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "process.h"

/* Guest stack_t (asm-generic): 24 bytes. */
typedef struct GuestStackT {
    uint64_t ss_sp;
    int32_t ss_flags;
    int32_t pad;
    uint64_t ss_size;
} GuestStackT;

typedef struct GuestUcontext {
    uint64_t uc_flags;              /* 0 */
    uint64_t uc_link;               /* 8 */
    GuestStackT uc_stack;           /* 16 */
    uint64_t uc_sigmask;            /* 40: kernel sigset_t, 64 signals */
    uint8_t sigmask_unused[120];    /* 48: 1024/8 - sizeof(sigset_t) */
    uint8_t align_pad[8];           /* 168: uc_mcontext is 16-aligned */
    uint64_t gregs[32];             /* 176: pc, ra, sp, gp, tp, t0.. = x1..x31 */
    uint64_t fpregs[32];            /* 432: __riscv_d_ext_state.f */
    uint32_t fcsr;                  /* 688: frm << 5 | fflags */
    uint8_t q_unused[252];          /* 692: rest of q.f[64] */
    uint32_t q_fcsr;                /* 944: q.fcsr, unused by the kernel */
    uint32_t fp_reserved[3];        /* 948: q.reserved, zero */
} GuestUcontext;

typedef struct GuestRtSigframe {
    uint8_t info[128];              /* struct siginfo (generic 128 bytes) */
    GuestUcontext uc;               /* 128 */
} GuestRtSigframe;

_Static_assert(sizeof(GuestStackT) == 24, "guest stack_t");
_Static_assert(offsetof(GuestUcontext, uc_sigmask) == 40, "uc_sigmask");
_Static_assert(offsetof(GuestUcontext, gregs) == 176, "uc_mcontext");
_Static_assert(offsetof(GuestUcontext, fcsr) == 176 + 256 + 256, "fcsr (D layout)");
_Static_assert(offsetof(GuestUcontext, fp_reserved) == 176 + 256 + 512 + 4, "q.reserved");
_Static_assert(sizeof(GuestUcontext) == 960, "struct ucontext");
_Static_assert(sizeof(GuestRtSigframe) == 1088, "struct rt_sigframe");
_Static_assert(sizeof(siginfo_t) == 128, "host siginfo_t is the generic 128 bytes");
_Static_assert(sizeof(GuestSigaction) == 24, "riscv64 struct sigaction has no sa_restorer");

#define GUEST_SS_ONSTACK    1
#define GUEST_SS_DISABLE    2
#define GUEST_SS_AUTODISARM (1u << 31)
#define GUEST_MINSIGSTKSZ   2048  /* asm-generic/signal.h */

/* The sigreturn trampoline written at p->sig.sigreturn_tramp. */
#define GUEST_TRAMP_LI_A7_139 0x08b00893u  /* addi a7, zero, 139 (rt_sigreturn) */
#define GUEST_TRAMP_ECALL     0x00000073u


#endif /* FVP_SIGNAL_FRAME_H */

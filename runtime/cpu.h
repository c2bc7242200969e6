/*
 * The RV64 vCPU state: one layout, defined once by the X-macro table below,
 * shared by the runtime, the interpreter, the helpers and (U3) the LLVM
 * translator, which addresses fields by the offsets asserted here.
 *
 * Translated code and helpers receive a RvCpu * as their `env` argument.
 */
#ifndef FVP_CPU_H
#define FVP_CPU_H

#include <stddef.h>
#include <stdint.h>

/*
 * RV_CPU_FIELDS(X): X(ctype, name, dims, offset)
 *   dims: empty for a scalar, [N] for an array; offset: its byte offset, checked.
 */
#define RV_CPU_FIELDS(X)                                                       \
    X(uint64_t, x, [32], 0)          /* x0..x31; x[0] is always 0 */             \
    X(uint64_t, f, [32], 256)        /* f0..f31 raw bits, singles NaN-boxed */   \
    X(uint64_t, pc, , 512)        /* pc of the current/next instruction */    \
    X(uint32_t, fflags, , 520)    /* fcsr.fflags: NX=1 UF=2 OF=4 DZ=8 NV=16 */ \
    X(uint32_t, frm, , 524)       /* fcsr.frm (0..7; 5..7 reserved) */        \
    X(uint64_t, res_addr, , 528)  /* LR reservation address, RV_NO_RES if none */ \
    X(uint64_t, res_val, , 536)   /* value LR loaded (for SC's check) */      \
    X(uint64_t, mem_base, , 544)  /* host address of guest address 0 */       \
    X(uint64_t, mem_limit, , 552) /* guest addresses must be < this */        \
    X(uint64_t, trap_cause, , 560) /* pending trap: RV_CAUSE_* */             \
    X(uint64_t, trap_tval, , 568) /* and its tval (address / insn bits) */    \
    X(uint32_t, trap_pending, , 576) /* set by a helper that raised a trap */ \
    X(uint32_t, exit_req, , 580) /* set (async) when a host signal arrived: native code returns to the dispatcher at its next check */ \
    X(uint64_t, instret, , 584)   /* guest instructions retired */            \
    X(uint64_t, proc, , 592)      /* the runtime's Process * (opaque here) */  \
    X(uint64_t, native_sp_limit, , 600) /* host stack pointer below which translated code makes guest calls as tail calls (runtime/aot.h) */

#define RV_NO_RES UINT64_MAX

typedef struct RvCpu {
#define RV_CPU_DECL(ctype, name, dims, off) ctype name dims;
    RV_CPU_FIELDS(RV_CPU_DECL)
#undef RV_CPU_DECL
} RvCpu;

/* The translator and the interpreter rely on these offsets. */
#define RV_CPU_CHECK(ctype, name, dims, off)                                  \
    _Static_assert(offsetof(RvCpu, name) == (off), "RvCpu." #name " offset");
RV_CPU_FIELDS(RV_CPU_CHECK)
#undef RV_CPU_CHECK
_Static_assert(sizeof(RvCpu) == 608, "RvCpu size");

/* fflags bits (RISC-V unpriv 20191213 §11.2, table 11.2). */
enum {
    RV_FFLAG_NX = 1u << 0,
    RV_FFLAG_UF = 1u << 1,
    RV_FFLAG_OF = 1u << 2,
    RV_FFLAG_DZ = 1u << 3,
    RV_FFLAG_NV = 1u << 4,
};

/* Records a guest trap in the vCPU (helpers call this, then return).  The
 * executor turns it into the architected signal / trap. */
static inline void rv_cpu_raise(RvCpu *c, uint64_t cause, uint64_t tval)
{
    c->trap_cause = cause;
    c->trap_tval = tval;
    c->trap_pending = 1;
}

#endif /* FVP_CPU_H */

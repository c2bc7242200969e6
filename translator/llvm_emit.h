/*
 * FVP IR -> LLVM IR: one LLVM function per discovered guest function.
 *
 * Each function follows the native ABI of runtime/aot.h: `i32 fn(ptr cpu)`,
 * guest state in *cpu, a switch on cpu->pc over its entry PCs, blocks as
 * LLVM basic blocks, direct branches inside the function as branches,
 * direct jumps/calls to other translated functions as musttail calls, and a
 * return to the dispatcher (exit reason, cpu->pc) for everything else.
 */
#ifndef FVP_LLVM_EMIT_H
#define FVP_LLVM_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <llvm-c/Core.h>

#include "frontend.h"
#include "translator/discover.h"

/* One PC->function entry of the table (pc registered for function func). */
typedef struct XlatEntry {
    uint64_t pc;
    uint32_t func;       /* index into XlatProgram.funcs */
    bool leaf;           /* pc is func's entry and func has a leaf entry (docs D63) */
} XlatEntry;

typedef struct XlatEmitStats {
    size_t funcs_ok, funcs_failed;
    size_t blocks;
    size_t entries;
    size_t tail_calls, host_calls, dispatcher_exits, jt_switches;
    size_t fp_native;          /* F/D helper calls lowered inline */
    size_t lookups;            /* indirect calls/jumps through fvp_native_find */
    size_t host_libc;          /* functions run by the host's C library (libc_host.h) */
    size_t self_calls;         /* calls of a function's own entry passing registers (D34) */
    size_t polls_in_place;     /* loop polls that run signals in place (fvp_poll, D43) */
    size_t bit_helpers;        /* calls of libgcc's bit helpers made LLVM intrinsics (D52) */
    size_t leaves;             /* functions with a leaf entry (D63) */
    size_t leaf_calls;         /* indirect calls that use a leaf entry when the callee has one */
} XlatEmitStats;

typedef struct XlatEmitter XlatEmitter;

/* Emitter flags. */
enum {
    /* Registers in the vCPU at every guest memory access, cpu->pc stored
     * before it: exact state when a host fault hits translated code, at
     * the cost of speed.  Default: registers in SSA per function (see
     * llvm_emit.c; the runtime keeps such code off while the guest
     * handles SIGSEGV/SIGBUS). */
    XLAT_EMIT_PRECISE_FAULTS = 1u << 0,
    /* Every F/D instruction through its exact C helper, as the
     * interpreter does (fvp-xlat --no-native-fp).  Default: inline
     * constrained FP where it is exact (llvm_fp.h, docs D20). */
    XLAT_EMIT_FP_HELPERS = 1u << 1,
    /* The target CPU has FMA3: fused multiply-adds may be inline. */
    XLAT_EMIT_HOST_FMA = 1u << 2,
    /* Guest C library string functions (by symbol name) run as the
     * runtime's host versions (runtime/libc_host.h, docs D24). */
    XLAT_EMIT_HOST_LIBC = 1u << 3,
    /* The program cannot observe the FP environment (fp_observe.h): inline FP as plain
     * LLVM operations in round-to-nearest, functions not strictfp (docs D31). */
    XLAT_EMIT_PLAIN_FP = 1u << 4,
    /* The program never reads instret (fp_observe.h): no instruction count (docs D40). */
    XLAT_EMIT_NO_INSTRET = 1u << 5,
    /* Each function counts its entries and loop iterations in a global of its own
     * (xlat_counter_symbol), for the profile of the cheap tier (docs D45). */
    XLAT_EMIT_COUNT = 1u << 6,
};

/*
 * An emitter that adds functions of prog to mod (in mod's context).
 * code reads the guest code; ir_out, when not NULL, receives the FVP IR of
 * every lifted block (--emit-ir); flags: XLAT_EMIT_*.  NULL when out of
 * memory.
 */
XlatEmitter *xlat_emitter_new(LLVMModuleRef mod, const XlatProgram *prog,
                              const FvpFrontend *fe, XlatCode *code, FILE *ir_out,
                              unsigned flags);
void xlat_emitter_free(XlatEmitter *e);

/* The LLVM symbol name of prog->funcs[i] (stable: "fvp_<hex entry>[_<symbol>]"). */
void xlat_func_symbol(const XlatProgram *prog, size_t i, char *buf, size_t n);

/* The symbol of prog->funcs[i]'s counter under XLAT_EMIT_COUNT ("fvp_count_<hex entry>"):
 * an i64 that it adds one to at every entry and every loop iteration. */
void xlat_counter_symbol(const XlatProgram *prog, size_t i, char *buf, size_t n);
/* The symbol of function i's leaf entry (XlatEntry.leaf, docs D63). */
void xlat_leaf_symbol(const XlatProgram *prog, size_t i, char *buf, size_t n);

/*
 * Emits function i.  On success appends its entry PCs to the emitter's
 * entry list.  A function that cannot be translated (lifting ran out of
 * memory, the LLVM verifier rejects it) gets a body that returns to the
 * dispatcher, registers no entry, and makes this return -EINVAL with the
 * reason in err (the caller warns; the interpreter runs that code).
 */
int xlat_emit_func(XlatEmitter *e, size_t i, char *err, size_t errlen);

/* The entries registered so far (sorted by pc on return, unique pcs). */
const XlatEntry *xlat_emitter_entries(XlatEmitter *e, size_t *n);
const XlatEmitStats *xlat_emitter_stats(const XlatEmitter *e);

/* After the optimisation pipeline: the shifted sign extensions InstCombine makes of RV64 W
 * operations with a constant go back to `sext(add i32 ...)`, which x86 does in two
 * instructions (llvm_peephole.c).  Returns how many it rewrote. */
size_t xlat_sext_peephole(LLVMModuleRef mod);

/* Two arms of a branch doing the same operations and branching to the same two blocks get a
 * common block taking that branch, for SimplifyCFG to merge them into one (docs D56;
 * llvm_peephole.c).  Returns how many pairs. */
size_t xlat_twin_arms(LLVMModuleRef mod);

/* A load whose bytes earlier stores in its block wrote (off the same guest base, nothing
 * that may write guest memory in between) gets their values (docs D60; llvm_peephole.c).
 * Returns how many loads. */
size_t xlat_store_forward(LLVMModuleRef mod);

#endif /* FVP_LLVM_EMIT_H */

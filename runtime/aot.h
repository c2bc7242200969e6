/*
 * The ABI between ahead-of-time translated code (what fvp-xlat emits) and
 * libfvprt.  fvp-xlat's output object defines one FvpAotModule named
 * fvp_aot_module; libfvprt's fvp_aot_main (runtime/aot_main.c, the `main`
 * of every translated executable) loads the embedded guest ELF image and
 * runs it with the execution loop, entering native code through the PC
 * table and using the interpreter for everything else.
 *
 * Native function contract (FvpNativeFn):
 *  - called with c->pc equal to one of the entry PCs the table registers
 *    for that function (a function may have several entries: it switches on
 *    c->pc first);
 *  - guest registers, fflags/frm, instret and the LR reservation live in *c
 *    at every call and return; in between, registers may live in host
 *    registers (see FVP_AOT_PRECISE_FAULTS);
 *  - returns an IrExitReason (lifter/ir/ir.h) and leaves the next guest PC
 *    in c->pc, as interp_run_block's *out_next — except:
 *      IR_EXIT_TRAP: c->pc is the trapping instruction, c->trap_cause and
 *                    c->trap_tval say why (trap_pending is 0);
 *      IR_EXIT_SYSCALL: c->pc is the instruction after the ecall;
 *      IR_EXIT_SYNC: fence.i; c->pc the instruction after it;
 *      IR_EXIT_LIMIT: c->exit_req was seen set (a host signal arrived) at a
 *                    function entry or loop header: c->pc is where to go on.
 *                    Loop headers of translated code without an instruction count
 *                    first try fvp_poll, which runs the signal's handler in place.
 *  - entered only while c->frm < 4, with MXCSR set up by fvp_fp_enter
 *    (runtime/fpenv.h): native FP instructions accrue their flags there,
 *    and the caller folds them into c->fflags afterwards (fvp_fp_leave);
 *    with FVP_AOT_PLAIN_FP and frm 0, MXCSR is left as it is (RNE; the
 *    flags it gathers are never read: the helpers clear them first).
 *    Native code itself harvests around FP/CSR helper calls and returns
 *    to the dispatcher when a CSR write leaves frm >= 4;
 *  - guest memory faults (unmapped / protected pages) do not return: the
 *    host SIGSEGV/SIGBUS goes through the FaultGuard like the interpreter's;
 *    with FVP_AOT_PRECISE_FAULTS, c->pc already holds the faulting
 *    instruction and the registers are exact, else both may be stale.
 *  - a direct guest call to another translated function is a host call
 *    (c->pc = the callee) while the host stack pointer is above
 *    c->native_sp_limit (docs D39); when it returns IR_EXIT_RETURN with c->pc at
 *    the call's return address, the caller goes on natively, else it
 *    returns the same reason to its own caller (so a longjmp, a syscall or
 *    a trap unwinds the host stack to the dispatcher).  Direct jumps, and
 *    calls below the stack limit, are tail calls (c->pc set first);
 *    an indirect call or jump (not through a recovered table) looks its
 *    target up with fvp_native_find and makes the same host call or tail
 *    call when there is one; anything else returns to the dispatcher.
 */
#ifndef FVP_AOT_H
#define FVP_AOT_H

#include <stdint.h>

#include "runtime/cpu.h"

#define FVP_AOT_ABI_VERSION 9u

/* Host stack that nested guest calls made as host calls may use below the dispatcher:
 * c->native_sp_limit = the dispatcher's stack pointer - this (or a quarter of
 * RLIMIT_STACK when that is smaller; runtime/exec.c).  Deeper calls are tail calls. */
#define FVP_NATIVE_STACK_BUDGET (4ull << 20)

typedef uint32_t (*FvpNativeFn)(RvCpu *c);

/* FvpAotModule.flags */
enum {
    /* Translated with --precise-faults: registers and pc are exact when a
     * guest access faults on the host.  Without it, registers live in host
     * registers inside a function and are stale at such a fault, so the
     * runtime enters native code only while the guest has no handler for
     * SIGSEGV/SIGBUS (a fault then ends the process). */
    FVP_AOT_PRECISE_FAULTS = 1u << 0,
    /* Plain FP (docs D31): native code neither reads the host's FP flags nor changes the
     * rounding mode, so while frm is RNE the dispatcher need not switch MXCSR around it. */
    FVP_AOT_PLAIN_FP = 1u << 1,
    /* No instruction count (docs D40): translated code leaves c->instret alone (the
     * program never reads it), so FVP_STATS counts interpreted instructions only. */
    FVP_AOT_NO_INSTRET = 1u << 2,
};

/*
 * A leaf entry (docs D63), for indirect calls only: a function that calls nothing, has no
 * loop, jumps nowhere outside itself, writes no register but a0-a7 and t0-t6 and reads none
 * but those, sp, ra, gp and tp may also be entered through
 *     {status, a0, ..., a7} leaf(RvCpu *c, a0, ..., a7, sp, ra)
 * in LLVM's x86-64 regcall convention.  The arguments are the current a0-a7, sp and ra; the
 * t registers, gp and tp are current in *c; the other registers may be stale there (the
 * callee neither reads nor writes them).  status below 2^63 is the pc it returned to
 * (IR_EXIT_RETURN; c->pc not set); anything else is 2^63 | the IrExitReason, with c->pc set
 * as FvpNativeFn leaves it, and the caller writes back its own registers other than a0-a7
 * and t0-t6 before passing the reason on.  Either way a0-a7 are the results and the t
 * registers the callee wrote are in *c.  NULL when the function has none.
 */
typedef struct FvpAotEntry {
    uint64_t pc;             /* guest PC (after the load bias) */
    FvpNativeFn fn;          /* native code that can start there */
    const void *leaf;        /* the function's leaf entry when pc is its entry, or NULL */
} FvpAotEntry;

typedef struct FvpAotRange {
    uint64_t start, end;     /* guest code bytes the translation was made from */
} FvpAotRange;

/* A function of the cheap tier (docs D45) and how often it was entered or went round a loop
 * (it counts itself); FVP_PROFILE lists it when that reaches FVP_AOT_HOT_COUNT. */
typedef struct FvpAotCounter {
    uint64_t pc;                  /* its entry */
    const uint64_t *count;        /* NULL when it was left to the interpreter */
} FvpAotCounter;

#define FVP_AOT_HOT_COUNT 65536u

typedef struct FvpAotModule {
    uint32_t abi_version;         /* FVP_AOT_ABI_VERSION */
    uint32_t flags;               /* FVP_AOT_* */
    const uint8_t *image;         /* the original guest ELF file, whole */
    uint64_t image_size;
    const char *image_name;       /* basename of the input ELF (argv[0] default) */
    const FvpAotEntry *entries;   /* sorted by pc, unique pcs */
    uint64_t nentries;
    const FvpAotRange *ranges;    /* code ranges translated (sorted, disjoint) */
    uint64_t nranges;
    const char *profile_out;      /* fvp-xlat --profile-out FILE, or NULL */
    const FvpAotCounter *counters; /* the cheap tier's functions, sorted by pc */
    uint64_t ncounters;
    const char *cpu;              /* the LLVM CPU the code is for (fvp-xlat --cpu) */
    uint64_t cpu_level;           /* the x86-64 level (1-4) it needs, 0: not checked */
} FvpAotModule;

/* For native code (libfvprt, runtime/native.c): the native function that
 * can start at guest pc, under the same rules as the dispatcher's lookup
 * (NULL when there is none or native code is off).  Indirect calls and
 * jumps of translated code try it before returning to the dispatcher. */
FvpNativeFn fvp_native_find(RvCpu *c, uint64_t pc);

/* The PC table's first probe, made inline by translated code before it calls
 * fvp_native_find (docs D58).  A slot of pc is (pc * FVP_NATIVE_HASH) >> shift; the
 * probe may use it when closed is 0 and *code_gen equals seen_gen (no code change
 * waits to be checked), and the slot's fn (or leaf) when its pc is pc; anything else asks
 * fvp_native_find, which decides as the dispatcher does.  closed is nonzero while
 * there is no table, once native code is off, and while the guest has a SIGSEGV or
 * SIGBUS handler that imprecise code would keep from exact registers. */
#define FVP_NATIVE_HASH 0x9e3779b97f4a7c15ull
typedef struct FvpNativeSlot {
    uint64_t pc;
    FvpNativeFn fn;               /* NULL: empty slot */
    const void *leaf;             /* FvpAotEntry.leaf */
} FvpNativeSlot;
typedef struct FvpNativeIndex {
    const FvpNativeSlot *slots;
    uint64_t shift;
    const uint64_t *code_gen;
    uint64_t seen_gen;
    uint32_t closed;
} FvpNativeIndex;
extern FvpNativeIndex fvp_native_index;

/* For native code (libfvprt, runtime/exec.c; docs D43): a loop header's poll saw
 * c->exit_req set.  Registers (those the function writes) are back in *c and c->pc is the
 * header.  Returns 0 when the pending signals have run and the guest is back in exactly
 * that state (the loop goes on with the values it holds), else IR_EXIT_LIMIT: return it,
 * the state is in *c. */
uint32_t fvp_poll(RvCpu *c);

/* The x86-64 micro-architecture level (1-4: x86-64, -v2, -v3, -v4, as gcc and glibc's loader
 * name them) of this CPU: fvp-xlat's default code (docs D55) and the output's check of it. */
static inline unsigned fvp_x86_level(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v4")   ? 4
           : __builtin_cpu_supports("x86-64-v3") ? 3
           : __builtin_cpu_supports("x86-64-v2") ? 2
                                                 : 1;
}

/* The LLVM CPU name (fvp-xlat --cpu) of x86-64 level 1-4. */
static inline const char *fvp_x86_level_cpu(unsigned level)
{
    static const char *const names[] = { "x86-64", "x86-64", "x86-64-v2", "x86-64-v3",
                                         "x86-64-v4" };
    return names[level > 4 ? 4 : level];
}

/* Defined by the translated object (fvp-xlat output), not by libfvprt. */
extern const FvpAotModule fvp_aot_module;

#endif /* FVP_AOT_H */

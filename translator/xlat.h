/*
 * The fvp-xlat pipeline: ELF -> discovery -> FVP IR -> LLVM IR (+ the
 * helpers' bitcode) -> optimised object -> linked native executable.
 */
#ifndef FVP_XLAT_H
#define FVP_XLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct XlatOptions {
    const char *input;          /* guest ELF */
    const char *output;         /* native executable */
    int opt_level;              /* 0..3 */
    const char *cpu;            /* LLVM CPU name; NULL or "host": xlat_cpu's choice */
    const char *emit_llvm;      /* write the optimised LLVM IR here, or NULL */
    const char *emit_ir;        /* write the FVP IR here, or NULL */
    const char *profile;        /* extra roots: one guest PC per line, or NULL */
    const char *profile_out;    /* default FVP_PROFILE of the output, or NULL */
    const char *libdir;         /* where libfvprt.a/liblifter.a are; NULL: next to fvp-xlat */
    bool verify;                /* LLVMVerifyModule before optimising */
    bool all_functions;         /* every symbol/FDE entry, reachable or not */
    bool precise_faults;        /* exact registers at host faults (XLAT_EMIT_PRECISE_FAULTS) */
    bool no_native_fp;          /* F/D through the C helpers only (XLAT_EMIT_FP_HELPERS) */
    bool strict_fp;             /* constrained FP even when the program cannot observe the
                                   FP environment (no XLAT_EMIT_PLAIN_FP, docs D31) */
    bool no_host_libc;          /* guest string functions stay guest code (XLAT_EMIT_HOST_LIBC) */
    bool exact_instret;         /* count guest instructions even when the program cannot
                                   read the count (no XLAT_EMIT_NO_INSTRET, docs D40) */
    bool progress;              /* functions translated / total on stderr */
    bool no_cache;              /* neither use nor fill the translation cache (cache.h) */
    int verbose;
    unsigned jobs;              /* code generation threads, 0: all cores */
    unsigned region_insns;      /* split functions above this (0: default, UINT_MAX: never) */
    unsigned tier_insns;        /* the cheap tier for functions above this (0: default
                                   XLAT_TIER_INSNS at -O1/-O2, UINT_MAX: none; docs D45) */
    unsigned lib_tier_insns;    /* ... and for C library functions above this (0: default
                                   XLAT_LIB_TIER_INSNS, UINT_MAX: tier_insns; docs D51) */
} XlatOptions;

enum { XLAT_CACHE_OFF, XLAT_CACHE_MISS, XLAT_CACHE_HIT };

/* Functions of more instructions than this get the cheap tier at -O1/-O2 (docs D45). */
enum { XLAT_TIER_INSNS = 800 };

/* C library functions (in a static program, the code from __libc_start_main on) of more
 * instructions than this get the cheap tier, unless they are known to run often (docs D51). */
enum { XLAT_LIB_TIER_INSNS = 100 };

typedef struct XlatReport {
    int cache;                      /* XLAT_CACHE_*: on a hit nothing else is set */
    char cache_entry[4200];         /* the cache entry's path (when on) */
    char cache_warning[300];        /* why the output was not stored, or "" */
    size_t funcs, funcs_failed, blocks, entries, jump_tables;
    size_t jt_indexed;              /* jump tables switched on by entry index (docs D38) */
    size_t fp_native;               /* F/D instructions lowered to inline FP */
    bool fp_plain;                  /* ... as plain operations (XLAT_EMIT_PLAIN_FP) */
    uint64_t fp_observed_pc;        /* else a block observing the FP environment, or 0 */
    bool instret_counted;           /* translated code keeps the instruction count */
    uint64_t instret_read_pc;       /* a block reading it (rdinstret), or 0 */
    size_t host_libc;               /* functions run by the host C library */
    size_t self_calls;              /* self-calls passing registers (docs D34) */
    size_t cheap_funcs, cheap_insns; /* functions (and their instructions) in the cheap tier */
    size_t lib_funcs;               /* functions found to be the C library's (docs D51) */
    size_t full_insns;              /* instructions of the full tier's functions (a block
                                       in two functions counts twice, as in cheap_insns) */
    size_t polls_in_place;          /* loop polls running signals in place (docs D43) */
    size_t bit_helpers;             /* libgcc bit helper calls made intrinsics (docs D52) */
    size_t leaves, leaf_calls;      /* leaf entries, indirect calls using them (docs D63) */
    size_t twin_arms;               /* pairs of twin arms given a common block (docs D56) */
    size_t store_forwards;          /* loads given the values of byte stores (docs D60) */
    size_t candidates, addr_taken;  /* symbol/FDE entries; roots by address taken */
    uint64_t guest_insns;
    double t_discover, t_emit, t_opt, t_codegen, t_link;  /* seconds */
} XlatReport;

/*
 * Runs the whole pipeline.  Returns 0, or a non-zero status with a one-line
 * reason (without the program name) in err: 1 for bad input or a failed
 * step.  Functions that cannot be translated are reported through warn (a
 * line each, may be NULL) and left to the interpreter.
 */
int xlat_run(const XlatOptions *o, XlatReport *rep, char *err, size_t errlen,
             void (*warn)(const char *msg));

/* The LLVM CPU the output is for: o->cpu, or for NULL and "host" this machine's x86-64
 * micro-architecture level, at most "x86-64-v3" (docs D55). */
const char *xlat_cpu(const XlatOptions *o);

/* The x86-64 level (1-4) code for cpu needs: x86-64[-vN]; "native": this machine's; 0 for
 * other CPU names (the output does not check them). */
unsigned xlat_cpu_level(const char *cpu);

/* cpu (resolved by xlat_cpu) names a 64-bit x86 CPU LLVM knows. */
bool xlat_cpu_known(const char *cpu);

/* 0 when o's CPU is known, else 2 with a one-line reason in err. */
int xlat_check_cpu(const XlatOptions *o, char *err, size_t errlen);

/* Code for cpu may use FMA instructions (inline fused multiply-adds). */
bool xlat_cpu_has_fma(const char *cpu);

/* Reads a profile file: one guest PC per line (0x-hex or decimal; '#'
 * comments).  Returns 0 and a malloc'ed array, or -errno with err set. */
int xlat_read_profile(const char *path, uint64_t **pcs, size_t *n, char *err, size_t errlen);

#endif /* FVP_XLAT_H */

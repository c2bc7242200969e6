/*
 * Host implementations of a few C library string functions for translated
 * code (fvp-xlat; docs D24).  A static RV64 program carries glibc's generic
 * C string functions, which translate into scalar byte/word loops; the host
 * libc has SIMD ones.  fvp-xlat emits a guest function whose symbol is one
 * of these names as a call of fvp_libc_<name>, which does the work on the
 * guest's memory (base + guest address, ranges checked against the guest
 * space), sets a0 as the guest function would, and returns to ra.
 *
 * What differs from running the guest's own code: no instructions retire
 * (instret), caller-saved registers other than a0 keep their values (the
 * psABI lets callers assume nothing of them), overlapping memcpy/strcpy
 * arguments (undefined in C) copy as memmove does, and a fault reports the
 * function's entry as its pc.  A range that leaves the guest space raises
 * the guest's page fault at the first address outside it.
 *
 * Each function takes a0-a2 as arguments and leaves the guest's registers and pc alone: it
 * returns {IR_EXIT_RETURN, the guest function's a0}, or {IR_EXIT_TRAP, 0} with
 * c->trap_cause and c->trap_tval set (the caller then makes the state the function's entry:
 * c->pc its address, the arguments in c->x).  A C struct of two 64-bit integers comes back
 * in rax:rdx, so translated code's calls pass and take everything in host registers.
 */
#ifndef FVP_LIBC_HOST_H
#define FVP_LIBC_HOST_H

#include <stdint.h>

#include "runtime/cpu.h"

#define FVP_LIBC_HOST_FUNCS(X) \
    X(memcpy) X(memmove) X(memset) X(memcmp) X(memchr) X(strlen) X(strnlen) \
    X(strchr) X(strcpy) X(stpcpy) X(strcat) X(strcmp) X(strncmp)

typedef struct FvpLibcRet {
    uint64_t status;   /* IrExitReason */
    uint64_t a0;
} FvpLibcRet;

#define FVP_LIBC_DECL(name) \
    FvpLibcRet fvp_libc_##name(RvCpu *c, uint64_t a0, uint64_t a1, uint64_t a2);
FVP_LIBC_HOST_FUNCS(FVP_LIBC_DECL)
#undef FVP_LIBC_DECL

#endif /* FVP_LIBC_HOST_H */

/*
 * RV64 A-extension helpers (RISC-V unpriv 20191213 ch. 8): LR/SC and AMOs
 * on guest memory, with host __atomic builtins on the host address
 * mem_base + addr.
 *
 * Checks, in order: natural alignment (else store/AMO address misaligned,
 * cause 6; LR: load address misaligned, cause 4; tval = addr), then the
 * guest address range addr + size <= mem_limit (else store/AMO page fault,
 * cause 15; LR: load page fault, cause 13).  A page inside the range that
 * is not mapped faults on the host; the runtime's fault guard turns that
 * into the guest trap.
 *
 * Ordering (§8.1): aq -> acquire, rl -> release, aq+rl -> seq_cst, none ->
 * relaxed.  On x86-64 every locked RMW is a full barrier anyway; the
 * orders still matter to the compiler.
 *
 * LR/SC: LR records (res_addr, res_val); SC succeeds iff res_addr == addr
 * (of the same width: res_addr keeps the address with bit 0 set for a word,
 * free since LR addresses are aligned, so an SC.D after an LR.W or the
 * reverse fails) and a compare-exchange from res_val to the new value
 * succeeds.  It fails without a preceding LR, after another SC, after a
 * signal handler was entered or returned from, and when the word changed.
 * This is
 * not a true reservation: if other harts change the word and change it back
 * between LR and SC (ABA), SC succeeds although the reservation would have
 * been lost on hardware.  QEMU's user mode accepts the same weakness; the
 * LR/SC loops compilers and libcs emit (CAS, spinlocks) stay correct
 * because they only depend on the value.  SC always clears the reservation.
 */
#include <stdint.h>

#include "runtime/cpu.h"
#include "riscv64/rv64_helpers.h"

/* Host pointer for an access of `size` bytes at guest a, or NULL after
 * raising the trap (`is_load` selects the LR causes). */
static void *amo_host(RvCpu *c, uint64_t a, uint64_t size, int is_load)
{
    if (a & (size - 1)) {
        rv_cpu_raise(c, is_load ? RV_CAUSE_LOAD_MISALIGNED : RV_CAUSE_STORE_MISALIGNED, a);
        return NULL;
    }
    if (a > c->mem_limit || c->mem_limit - a < size) {
        rv_cpu_raise(c, is_load ? RV_CAUSE_LOAD_PAGE_FAULT : RV_CAUSE_STORE_PAGE_FAULT, a);
        return NULL;
    }
    return (void *)(uintptr_t)(c->mem_base + a);
}

/* Runs STMT with ORD bound to the constant memory order of aqrl (constant so
 * that GCC does not fall back to seq_cst for every access). */
#define WITH_ORDER(aqrl, STMT)                                                 \
    do {                                                                       \
        switch ((aqrl) & 3) {                                                  \
        case 0: { const int ORD = __ATOMIC_RELAXED; STMT; } break;             \
        case 1: { const int ORD = __ATOMIC_RELEASE; STMT; } break;             \
        case 2: { const int ORD = __ATOMIC_ACQUIRE; STMT; } break;             \
        default: { const int ORD = __ATOMIC_SEQ_CST; STMT; } break;            \
        }                                                                      \
    } while (0)

/* A load may not be release-ordered: lr.rl alone is made seq_cst. */
static int load_order(uint32_t aqrl)
{
    switch (aqrl & 3) {
    case 0: return __ATOMIC_RELAXED;
    case 2: return __ATOMIC_ACQUIRE;
    default: return __ATOMIC_SEQ_CST;
    }
}

#define LOAD_WITH_ORDER(aqrl, p, out)                                          \
    do {                                                                       \
        switch (load_order(aqrl)) {                                            \
        case __ATOMIC_RELAXED: out = __atomic_load_n(p, __ATOMIC_RELAXED); break; \
        case __ATOMIC_ACQUIRE: out = __atomic_load_n(p, __ATOMIC_ACQUIRE); break; \
        default: out = __atomic_load_n(p, __ATOMIC_SEQ_CST); break;            \
        }                                                                      \
    } while (0)

/* Compare-exchange with failure order derived from the success order. */
#define CAS_WITH_ORDER(aqrl, p, expp, val, ok)                                 \
    do {                                                                       \
        switch ((aqrl) & 3) {                                                  \
        case 0: ok = __atomic_compare_exchange_n(p, expp, val, 0,              \
                        __ATOMIC_RELAXED, __ATOMIC_RELAXED); break;            \
        case 1: ok = __atomic_compare_exchange_n(p, expp, val, 0,              \
                        __ATOMIC_RELEASE, __ATOMIC_RELAXED); break;            \
        case 2: ok = __atomic_compare_exchange_n(p, expp, val, 0,              \
                        __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE); break;            \
        default: ok = __atomic_compare_exchange_n(p, expp, val, 0,             \
                        __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); break;            \
        }                                                                      \
    } while (0)

/* ---- LR / SC -------------------------------------------------------------- */

/* lr: loads the T at a and reserves it. */
#define AMO_LR(name, T, size)                                                  \
    T rvh_##name(void *env, uint64_t a, uint32_t aqrl)                         \
    {                                                                          \
        RvCpu *c = env;                                                        \
        T *p = amo_host(c, a, size, 1);                                        \
        if (!p)                                                                \
            return 0;                                                          \
        T v;                                                                   \
        LOAD_WITH_ORDER(aqrl, p, v);                                           \
        c->res_addr = a | (size == 4);                                         \
        c->res_val = v;                                                        \
        return v;                                                              \
    }

/* sc: 0 and stores b if the reservation on a holds, else 1. */
#define AMO_SC(name, T, size)                                                  \
    uint64_t rvh_##name(void *env, uint64_t a, T b, uint32_t aqrl)             \
    {                                                                          \
        RvCpu *c = env;                                                        \
        T *p = amo_host(c, a, size, 0);                                        \
        if (!p)                                                                \
            return 1;                                                          \
        int ok = 0;                                                            \
        if (c->res_addr == (a | (size == 4))) {                                \
            T expect = (T)c->res_val;                                          \
            CAS_WITH_ORDER(aqrl, p, &expect, b, ok);                           \
        }                                                                      \
        c->res_addr = RV_NO_RES;                                               \
        return ok ? 0 : 1;                                                     \
    }

/* lr.w, sc.w on words; lr.d, sc.d on doublewords. */
AMO_LR(lr_w, uint32_t, 4)
AMO_SC(sc_w, uint32_t, 4)
AMO_LR(lr_d, uint64_t, 8)
AMO_SC(sc_d, uint64_t, 8)

/* ---- AMOs ----------------------------------------------------------------- */

/* fetch-op AMOs: one builtin each. */
#define AMO_FETCH(name, T, size, builtin)                                      \
    T rvh_##name(void *env, uint64_t a, T b, uint32_t aqrl)                    \
    {                                                                          \
        T *p = amo_host(env, a, size, 0);                                      \
        T old = 0;                                                             \
        if (p)                                                                 \
            WITH_ORDER(aqrl, old = builtin(p, b, ORD));                        \
        return old;                                                            \
    }

/* min/max AMOs: a compare-exchange loop; ST is the compared type. */
#define AMO_MINMAX(name, T, ST, size, pick_new)                                \
    T rvh_##name(void *env, uint64_t a, T b, uint32_t aqrl)                    \
    {                                                                          \
        T *p = amo_host(env, a, size, 0);                                      \
        if (!p)                                                                \
            return 0;                                                          \
        T old = __atomic_load_n(p, __ATOMIC_RELAXED);                          \
        for (;;) {                                                             \
            ST o = (ST)old, n = (ST)b;                                         \
            T nv = (pick_new) ? b : old;                                       \
            int ok;                                                            \
            CAS_WITH_ORDER(aqrl, p, &old, nv, ok);                             \
            if (ok)                                                            \
                return old;                                                    \
        }                                                                      \
    }

/* amoswap/add/xor/and/or.w: old = mem32[a]; mem32[a] = old OP b; returns old. */
AMO_FETCH(amoswap_w, uint32_t, 4, __atomic_exchange_n)
AMO_FETCH(amoadd_w, uint32_t, 4, __atomic_fetch_add)
AMO_FETCH(amoxor_w, uint32_t, 4, __atomic_fetch_xor)
AMO_FETCH(amoand_w, uint32_t, 4, __atomic_fetch_and)
AMO_FETCH(amoor_w, uint32_t, 4, __atomic_fetch_or)
/* amomin/max[u].w: mem32[a] = min/max(old, b) signed/unsigned; returns old. */
AMO_MINMAX(amomin_w, uint32_t, int32_t, 4, n < o)
AMO_MINMAX(amomax_w, uint32_t, int32_t, 4, n > o)
AMO_MINMAX(amominu_w, uint32_t, uint32_t, 4, n < o)
AMO_MINMAX(amomaxu_w, uint32_t, uint32_t, 4, n > o)

/* The same on doublewords. */
AMO_FETCH(amoswap_d, uint64_t, 8, __atomic_exchange_n)
AMO_FETCH(amoadd_d, uint64_t, 8, __atomic_fetch_add)
AMO_FETCH(amoxor_d, uint64_t, 8, __atomic_fetch_xor)
AMO_FETCH(amoand_d, uint64_t, 8, __atomic_fetch_and)
AMO_FETCH(amoor_d, uint64_t, 8, __atomic_fetch_or)
AMO_MINMAX(amomin_d, uint64_t, int64_t, 8, n < o)
AMO_MINMAX(amomax_d, uint64_t, int64_t, 8, n > o)
AMO_MINMAX(amominu_d, uint64_t, uint64_t, 8, n < o)
AMO_MINMAX(amomaxu_d, uint64_t, uint64_t, 8, n > o)

/*
 * RV64 helpers: ids, C prototypes and the IrHelperInfo table, all expanded
 * from the one list in rv64_helpers.def (QEMU's DEF_HELPER idea: a helper is
 * declared once, prototype and IR signature cannot drift apart).
 *
 * Helper implementations live with the runtime (later issue); the lifter
 * only needs the ids and the table.  Every helper takes the vCPU state
 * pointer first; IR types map to C types as I32 -> uint32_t,
 * I64 -> uint64_t, F32 -> float, F64 -> double, VOID -> void.
 *
 * Also here: the trap causes the RISC-V lowering raises.
 */
#ifndef FVP_RV64_HELPERS_H
#define FVP_RV64_HELPERS_H

#include <stdint.h>

#include "ir/ir.h"

/* Exception codes of mcause/scause (RISC-V priv 20211203 §3.1.15, table 3.6). */
enum {
    RV_CAUSE_INSN_MISALIGNED = 0,
    RV_CAUSE_INSN_ACCESS     = 1,
    RV_CAUSE_ILLEGAL_INSN    = 2,
    RV_CAUSE_BREAKPOINT      = 3,
    RV_CAUSE_LOAD_MISALIGNED = 4,
    RV_CAUSE_LOAD_ACCESS     = 5,
    RV_CAUSE_STORE_MISALIGNED = 6, /* store/AMO */
    RV_CAUSE_STORE_ACCESS    = 7,  /* store/AMO */
    RV_CAUSE_ECALL_U         = 8,
    RV_CAUSE_ECALL_S         = 9,
    RV_CAUSE_ECALL_M         = 11,
    RV_CAUSE_INSN_PAGE_FAULT = 12,
    RV_CAUSE_LOAD_PAGE_FAULT = 13,
    RV_CAUSE_STORE_PAGE_FAULT = 15, /* store/AMO */
};

/* Helper ids: RV_HELPER_<name>, the index into rv64_helper_info[]. */
typedef enum RvHelper {
#define RVH(name, ret, a0, a1, a2, a3, flags) RV_HELPER_##name,
#include "riscv64/rv64_helpers.def"
#undef RVH
    RV_NHELPERS
} RvHelper;

/* C type of each IR type token used in rv64_helpers.def. */
#define RVH_CTYPE_VOID void
#define RVH_CTYPE_I32  uint32_t
#define RVH_CTYPE_I64  uint64_t
#define RVH_CTYPE_F32  float
#define RVH_CTYPE_F64  double
/* A parameter slot: ", ctype", or nothing for an unused (VOID) slot. */
#define RVH_PARAM_VOID
#define RVH_PARAM_I32  , uint32_t
#define RVH_PARAM_I64  , uint64_t
#define RVH_PARAM_F32  , float
#define RVH_PARAM_F64  , double
/* 1 for a used slot, 0 for VOID: gives the argument count. */
#define RVH_USED_VOID  0
#define RVH_USED_I32   1
#define RVH_USED_I64   1
#define RVH_USED_F32   1
#define RVH_USED_F64   1

/*
 * Prototypes: rvh_<name>(env, args...) as the contract comment in
 * rv64_helpers.def says.  env is the vCPU state; a helper flagged
 * IR_HF_TRAPS records a trap there and returns an unspecified value.
 */
#define RVH(name, ret, a0, a1, a2, a3, flags)                                  \
    RVH_CTYPE_##ret rvh_##name(void *env RVH_PARAM_##a0 RVH_PARAM_##a1         \
                                   RVH_PARAM_##a2 RVH_PARAM_##a3);
#include "riscv64/rv64_helpers.def"
#undef RVH

/* The helper table of the riscv64 IrEnv, indexed by RvHelper. */
extern const IrHelperInfo rv64_helper_info[RV_NHELPERS];

#endif /* FVP_RV64_HELPERS_H */

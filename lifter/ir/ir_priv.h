/*
 * FVP IR internals shared by the builder (ir.c) and the verifier
 * (ir_verify.c); not part of the public interface in ir.h.
 */
#ifndef FVP_LIFTER_IR_IR_PRIV_H
#define FVP_LIFTER_IR_IR_PRIV_H

#include <stdbool.h>

#include "ir/ir.h"

/* Width in bits of an integer or float type; 0 for void or invalid. */
static inline unsigned ir_type_bits(IrType t)
{
    switch (t) {
    case IR_I1: return 1;
    case IR_I8: return 8;
    case IR_I16: return 16;
    case IR_I32: case IR_F32: return 32;
    case IR_I64: case IR_F64: return 64;
    default: return 0;
    }
}

static inline bool ir_is_int(IrType t) { return t >= IR_I1 && t <= IR_I64; }
static inline bool ir_is_float(IrType t) { return t == IR_F32 || t == IR_F64; }

#endif

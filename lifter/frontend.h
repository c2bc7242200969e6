/*
 * The guest-ISA frontend interface.  Every guest ISA (riscv64 now, x86-64
 * later) implements one FvpFrontend; the disassembler, the interpreter and
 * the translator reach the ISA only through it.
 *
 * Decoded instructions are the frontend's own flat struct (insn_size bytes);
 * callers treat them as opaque and hand them back to format/to_ir.
 */
#ifndef FVP_FRONTEND_H
#define FVP_FRONTEND_H

#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"

/* Reads guest code bytes at pc: returns how many of n bytes were copied into
 * buf (fewer at the end of mapped code).  ctx is the caller's. */
typedef size_t (*FvpCodeReader)(void *ctx, uint64_t pc, uint8_t *buf, size_t n);

typedef struct FvpFrontend {
    const char *name;         /* "riscv64" */
    unsigned max_insn_len;    /* bytes */
    size_t insn_size;         /* sizeof the frontend's decoded struct */
    const IrEnv *ir_env;      /* register file and helper table */
    unsigned fetch_fault_cause; /* trap cause when code cannot be read
                                   (RISC-V: 1, instruction access fault) */

    /* Length in bytes of the instruction starting at code[0..avail), or 0
     * when avail is too short to tell. */
    unsigned (*length)(const uint8_t *code, size_t avail);

    /* Decodes one instruction into *out; returns its length, or 0 when avail
     * is too short.  Reserved or unknown encodings decode to the frontend's
     * explicit illegal op (with a length), never to another instruction. */
    unsigned (*decode)(const uint8_t *code, size_t avail, uint64_t pc, void *out);

    /* Decodes up to max consecutive instructions; returns how many. */
    size_t (*decode_batch)(const uint8_t *code, size_t avail, uint64_t pc,
                           void *out, size_t max);

    /* Appends the IR for one decoded instruction at pc.  Returns 1 when the
     * instruction ends the block (the block then ends with IR_EXIT), else 0. */
    int (*to_ir)(IrBlock *b, const void *insn, uint64_t pc);

    /* Disassembles into buf (objdump -M no-aliases style); snprintf return. */
    int (*format)(const void *insn, uint64_t pc, char *buf, size_t n);
} FvpFrontend;

extern const FvpFrontend fvp_frontend_riscv64;

/*
 * Lifts one block: decodes from pc through read, lowers each instruction,
 * stops after an instruction that ends the block, or after max_insns (then
 * adds IR_EXIT_LIMIT to the next pc; max_insns 0 counts as 1), or where code
 * can no longer be read (then the block ends with
 * ir_emit_trap(b, insn pc, fe->fetch_fault_cause, tval = const address of
 * the first byte that could not be read)).  b is reset first and its env
 * set to fe->ir_env.
 * fvp_lift_block emits ir_emit_insn(b, pc, len) before calling fe->to_ir:
 * frontends never emit IR_INSN themselves.  b->nguest and b->end_pc count
 * the instructions lowered (a fetch fault is not one of them).
 * Returns 0, or -ENOMEM if the block ran out of memory.
 */
int fvp_lift_block(const FvpFrontend *fe, FvpCodeReader read, void *ctx,
                   uint64_t pc, unsigned max_insns, IrBlock *b)
    __attribute__((warn_unused_result));

#endif /* FVP_FRONTEND_H */

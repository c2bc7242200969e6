/*
 * RISC-V RV64 frontend: decoded-instruction struct, decoder, disassembler,
 * lowering to FVP IR.
 *
 * The op enum (RvOp), the per-op info table and the decoder tables are
 * generated at build time from lifter/riscv64/rv64.insn into
 * build/gen/rv64_ops.h and build/gen/rv64_decode.inc.
 * Op names: RV_OP_ + mnemonic upper-cased with '.' -> '_'
 * (fcvt.w.s -> RV_OP_FCVT_W_S, c.addi -> RV_OP_C_ADDI, sh1add.uw -> RV_OP_SH1ADD_UW).
 * RV_OP_ILLEGAL (= 0) is every reserved or unknown encoding.
 */
#ifndef FVP_RV64_H
#define FVP_RV64_H

#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"
#include "rv64_ops.h" /* generated: enum RvOp, RV_NOPS, rv_op_info[] */

/*
 * One decoded instruction.  Compressed instructions are decoded to the op of
 * their 32-bit expansion (op, with the expansion's operands) and keep their
 * own mnemonic in cop for the disassembler; cop is RV_OP_ILLEGAL (0) for
 * 32-bit instructions.
 *
 * Field conventions:
 *  - rd/rs1/rs2/rs3: register numbers 0..31 (x or f as the op says);
 *  - imm: sign-extended immediate in bytes/value: I/S-type offsets,
 *    branch/jal byte offsets, lui/auipc already shifted (imm20 << 12),
 *    shift amounts, csr*i zimm (rs1 is then 0), fence: bits 31..20;
 *  - rm: FP rounding-mode field (0..7, 7 = dynamic);
 *  - aqrl: A-extension bits (bit 1 = aq, bit 0 = rl);
 *  - csr: CSR number for Zicsr ops;
 *  - raw: the encoding (16 bits for compressed).
 */
typedef struct RvInsn {
    uint16_t op;
    uint16_t cop;
    uint8_t len;
    uint8_t rd, rs1, rs2, rs3;
    uint8_t rm;
    uint8_t aqrl;
    uint16_t csr;
    int64_t imm;
    uint32_t raw;
} RvInsn;

/* Guest register numbers in the IR register table (IR_GET/IR_SET). */
enum {
    RV_REG_X0 = 0,      /* x0..x31: i64, x0 reads 0 and ignores writes */
    RV_REG_F0 = 32,     /* f0..f31: i64 raw bits (singles NaN-boxed) */
    RV_NREGS = 64
};

/* Length of the instruction starting at code (2 or 4), 0 if avail < 2, or
 * avail < 4 for a 32-bit one. */
unsigned rv64_length(const uint8_t *code, size_t avail);

/* Decodes one instruction at code (little-endian) into *out; returns its
 * length (2 or 4) or 0 when avail is too short.  Unknown/reserved encodings
 * give out->op == RV_OP_ILLEGAL with len set. */
unsigned rv64_decode(const uint8_t *code, size_t avail, uint64_t pc, RvInsn *out);

/* Decodes a 32-bit or 16-bit encoding given as an integer (len from the low
 * bits).  Returns the length. */
unsigned rv64_decode_word(uint32_t word, RvInsn *out);

/* Writes "mnemonic operands" in the style of
 * `riscv64-linux-gnu-objdump -d -M no-aliases` (branch targets as absolute
 * hex addresses computed from pc).  snprintf return convention. */
int rv64_format(const RvInsn *in, uint64_t pc, char *buf, size_t n);

/* Lowers one instruction at pc into b (see FvpFrontend.to_ir). */
int rv64_to_ir(IrBlock *b, const RvInsn *in, uint64_t pc);

#endif /* FVP_RV64_H */

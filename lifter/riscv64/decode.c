/*
 * RV64GC decoder.  The per-encoding work is generated from
 * lifter/riscv64/rv64.insn (see scripts/gen_rv64_decoder.c); this file only
 * finds the length and dispatches.
 */
#include <string.h>

#include "riscv64/rv64.h"

#include "rv64_decode.inc" /* generated: rv_op_info[], rv64_gen_decode32/16 */

/*
 * Instruction length from the low bits of the first parcel
 * (RISC-V unpriv 20191213 §1.5): xx != 11 -> 16 bits; xxx11 with bits 4:2 !=
 * 111 -> 32 bits.  Longer encodings (48/64-bit and beyond) are not part of
 * RV64GC: we give them length 4 here and the decoder calls them illegal, so a
 * caller always makes progress.
 */
unsigned rv64_length(const uint8_t *code, size_t avail)
{
    if (avail < 2)
        return 0;
    if ((code[0] & 3) != 3)
        return 2;
    return avail < 4 ? 0 : 4;
}

/* Decodes the encoding word (len 2: low 16 bits) into *out. */
static unsigned rv64_decode_len(uint32_t word, unsigned len, RvInsn *out)
{
    memset(out, 0, sizeof(*out));
    out->len = (uint8_t)len;
    if (len == 2) {
        out->raw = word & 0xffffu;
        if (!rv64_gen_decode16(out->raw, out))
            out->op = out->cop = RV_OP_ILLEGAL;
    } else {
        out->raw = word;
        /* bits 4:2 == 111 start a >= 48-bit encoding: not RV64GC */
        if ((word & 0x1c) == 0x1c || !rv64_gen_decode32(word, out))
            out->op = RV_OP_ILLEGAL;
    }
    if (out->op == RV_OP_ILLEGAL) {
        /* keep only what identifies the bytes: no stale operand fields */
        uint32_t raw = out->raw;
        memset(out, 0, sizeof(*out));
        out->len = (uint8_t)len;
        out->raw = raw;
    }
    return len;
}

/* See rv64.h. */
unsigned rv64_decode(const uint8_t *code, size_t avail, uint64_t pc, RvInsn *out)
{
    (void)pc;
    unsigned len = rv64_length(code, avail);
    if (len == 0)
        return 0;
    uint32_t word = (uint32_t)code[0] | (uint32_t)code[1] << 8;
    if (len == 4)
        word |= (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
    return rv64_decode_len(word, len, out);
}

/* See rv64.h. */
unsigned rv64_decode_word(uint32_t word, RvInsn *out)
{
    return rv64_decode_len(word, (word & 3) == 3 ? 4 : 2, out);
}

/*
 * Block lifting: the loop that drives any frontend (decode, lower) over a
 * run of guest code.  See fvp_lift_block in frontend.h.
 */
#include "frontend.h"

#include <assert.h>
#include <errno.h>
#include <stddef.h>

enum {
    LIFT_MAX_INSN_LEN = 16,  /* bytes; x86-64's limit is 15 */
    LIFT_MAX_INSN_SIZE = 64, /* bytes of the frontend's decoded struct */
};

/*
 * Lifts the block at pc (contract in frontend.h).  The block's env is set
 * to the frontend's (fe->ir_env).  When the frontend's to_ir leaves the
 * block terminated without returning 1, the block still ends there.
 */
int fvp_lift_block(const FvpFrontend *fe, FvpCodeReader read_code, void *ctx,
                   uint64_t pc, unsigned max_insns, IrBlock *b)
{
    union {
        max_align_t align;
        unsigned char bytes[LIFT_MAX_INSN_SIZE];
    } insn;
    uint8_t code[LIFT_MAX_INSN_LEN];

    /* Frontend configuration, not input: our own invariants. */
    assert(fe->insn_size <= sizeof insn);
    assert(fe->max_insn_len > 0 && fe->max_insn_len <= sizeof code);

    b->env = fe->ir_env;
    ir_block_reset(b, pc);
    if (max_insns == 0)
        max_insns = 1;

    for (;;) {
        size_t got = read_code(ctx, pc, code, fe->max_insn_len);
        if (got > fe->max_insn_len)
            got = fe->max_insn_len; /* a misbehaving reader: trust only n */
        unsigned len = got > 0 ? fe->decode(code, got, pc, &insn) : 0;
        if (len == 0 || len > got) {
            /* RISC-V priv 20211203 §3.1.16: on a fetch fault, mtval holds
             * the address of the portion of the instruction that faulted
             * while the exception pc is the instruction's start. */
            IrTemp tval = ir_emit_const(b, IR_I64, pc + got);
            ir_emit_trap(b, pc, fe->fetch_fault_cause, tval);
            break;
        }
        ir_emit_insn(b, pc, len);
        int ends = fe->to_ir(b, &insn, pc);
        b->nguest++;
        pc += len;
        b->end_pc = pc;
        if (b->oom)
            break;
        if (ends || ir_block_terminated(b))
            break;
        if (b->nguest >= max_insns) {
            ir_emit_exit_const(b, pc, IR_EXIT_LIMIT);
            break;
        }
    }
    return b->oom ? -ENOMEM : 0;
}

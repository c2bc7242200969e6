/*
 * Unit tests of the RV64 -> FVP IR lowering (lifter/riscv64/lower.c):
 *  - every non-compressed RvOp, with varied operands, lowers to a block the
 *    verifier accepts (and never writes x0, never lowers to the illegal trap);
 *  - every 16-bit encoding, a large sample of 32-bit encodings and one real
 *    (GNU as) encoding per op go through the decoder and lower to verified
 *    blocks; a small function goes through fvp_lift_block;
 *  - semantics: a tiny evaluator runs the integer IR of each case of a
 *    table (div/rem corner cases, W forms, shifts, Zba/Zbb/Zbs, loads and
 *    stores, jumps, NaN boxing) and compares with the expected value, and
 *    checks which CSR helpers run (no read for csrrw x0, no write for
 *    csrrs/csrrc with x0);
 *  - golden IR text for instructions whose semantics are easy to get wrong
 *    (div guards, ret, NaN boxing, csr read-only, AMO sext, fences);
 *  - the helper table (rv64_helpers.def) is consistent.
 *
 * FVP_LOWER_DUMP=1 in the environment prints every golden case's text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frontend.h"
#include "ir/ir.h"
#include "riscv64/rv64.h"
#include "riscv64/rv64_helpers.h"

#define PC 0x10000ull

static const IrEnv *rv_env(void)
{
    return fvp_frontend_riscv64.ir_env;
}

static const char *op_name(unsigned op)
{
    return op < RV_NOPS && rv_op_info[op].name ? rv_op_info[op].name : "?";
}

static bool op_is_compressed(unsigned op)
{
    return (rv_op_info[op].flags & RV_OPF_COMPRESSED) != 0;
}

/* The block's text without the "; block" header line; caller frees. */
static char *block_text(const IrBlock *b)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    assert_non_null(f);
    ir_print_block(b, f);
    fclose(f);
    char *nl = strchr(s, '\n');
    if (strncmp(s, "; block", 7) == 0 && nl != NULL)
        memmove(s, nl + 1, strlen(nl + 1) + 1);
    return s;
}

/* True when the block ends in the illegal-instruction trap. */
static bool ends_in_illegal_trap(const IrBlock *b)
{
    const IrInsn *last = &b->insns[b->ninsns - 1];
    return last->op == IR_EXIT && last->aux == IR_EXIT_TRAP &&
           last->imm == RV_CAUSE_ILLEGAL_INSN;
}

/*
 * Lowers in at pc into b the way fvp_lift_block does (IR_INSN marker, then
 * to_ir, then an exit when to_ir did not end the block) and checks the
 * result: to_ir's return agrees with the block's state, the verifier
 * accepts it, and x0 is never written.  what names the case on failure.
 */
static void lower_and_check(IrBlock *b, const RvInsn *in, uint64_t pc, const char *what)
{
    char err[256];
    ir_block_reset(b, pc);
    ir_emit_insn(b, pc, in->len);
    int r = rv64_to_ir(b, in, pc);
    if (r != 0 && r != 1)
        fail_msg("%s: to_ir returned %d", what, r);
    if ((r == 1) != ir_block_terminated(b))
        fail_msg("%s: to_ir returned %d but block %s with an exit", what, r,
                 ir_block_terminated(b) ? "ends" : "does not end");
    if (r == 0)
        ir_emit_exit_const(b, pc + in->len, IR_EXIT_JUMP);
    if (ir_verify(b, err, sizeof err) != 0) {
        char *text = block_text(b);
        print_error("%s", text);
        free(text);
        fail_msg("%s (op %s): %s", what, op_name(in->op), err);
    }
    for (uint32_t i = 0; i < b->ninsns; i++)
        if (b->insns[i].op == IR_SET && b->insns[i].imm == RV_REG_X0)
            fail_msg("%s (op %s): writes x0", what, op_name(in->op));
}

/* ---- every op, built by hand ------------------------------------------- */

/* Operand variants: rd = 0, rd == rs1, all equal, negative / large
 * immediates, rm 7 (dynamic) and static modes, every aqrl. */
static const RvInsn variants[] = {
    { .rd = 1,  .rs1 = 2,  .rs2 = 3,  .rs3 = 4,  .imm = -16,   .rm = 7, .aqrl = 0, .csr = 0x001 },
    { .rd = 0,  .rs1 = 0,  .rs2 = 0,  .rs3 = 0,  .imm = 0,     .rm = 0, .aqrl = 3, .csr = 0xc00 },
    { .rd = 5,  .rs1 = 5,  .rs2 = 5,  .rs3 = 5,  .imm = 31,    .rm = 1, .aqrl = 2, .csr = 0x003 },
    { .rd = 10, .rs1 = 10, .rs2 = 11, .rs3 = 12, .imm = -2048, .rm = 4, .aqrl = 1, .csr = 0x002 },
    { .rd = 31, .rs1 = 1,  .rs2 = 0,  .rs3 = 31, .imm = 63,    .rm = 7, .aqrl = 0, .csr = 0x001 },
    { .rd = 1,  .rs1 = 5,  .rs2 = 31, .rs3 = 0,  .imm = 2047,  .rm = 3, .aqrl = 0, .csr = 0x300 },
    { .rd = 0,  .rs1 = 1,  .rs2 = 2,  .rs3 = 3,  .imm = -4096, .rm = 2, .aqrl = 0, .csr = 0xc01 },
    { .rd = 2,  .rs1 = 0,  .rs2 = 7,  .rs3 = 8,  .imm = 0x7ffff000, .rm = 7, .aqrl = 0, .csr = 0 },
};

static void test_every_op_verifies(void **state)
{
    (void)state;
    IrBlock b;
    ir_block_init(&b, rv_env(), PC);
    for (unsigned op = 1; op < RV_NOPS; op++) {
        if (op_is_compressed(op))
            continue;
        for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
            RvInsn in = variants[v];
            char what[64];
            in.op = (uint16_t)op;
            in.len = 4;
            in.raw = 0x00000013;
            snprintf(what, sizeof what, "%s variant %zu", op_name(op), v);
            lower_and_check(&b, &in, PC, what);
        }
    }
    ir_block_free(&b);
}

/* No op other than the compressed ones (which never reach to_ir as op)
 * may fall through to the illegal-instruction trap. */
static void test_no_op_unimplemented(void **state)
{
    (void)state;
    IrBlock b;
    unsigned missing = 0;
    ir_block_init(&b, rv_env(), PC);
    for (unsigned op = 1; op < RV_NOPS; op++) {
        if (op_is_compressed(op))
            continue;
        RvInsn in = variants[0];
        in.op = (uint16_t)op;
        in.len = 4;
        lower_and_check(&b, &in, PC, op_name(op));
        if (ends_in_illegal_trap(&b)) {
            print_error("op %s lowers to the illegal-instruction trap\n", op_name(op));
            missing++;
        }
    }
    ir_block_free(&b);
    assert_int_equal(missing, 0);
}

static void test_illegal_traps(void **state)
{
    (void)state;
    IrBlock b;
    RvInsn in = { .op = RV_OP_ILLEGAL, .len = 4, .raw = 0xffffffff };
    ir_block_init(&b, rv_env(), PC);
    lower_and_check(&b, &in, PC, "illegal");
    assert_true(ends_in_illegal_trap(&b));
    in.op = RV_NOPS; /* out of range: same */
    lower_and_check(&b, &in, PC, "out of range op");
    assert_true(ends_in_illegal_trap(&b));
    ir_block_free(&b);
}

/* ---- through the decoder ----------------------------------------------- */

/* Every 16-bit encoding: compressed instructions lower as their expansion. */
static void test_all_compressed_encodings(void **state)
{
    (void)state;
    IrBlock b;
    unsigned legal = 0;
    ir_block_init(&b, rv_env(), PC);
    for (uint32_t w = 0; w < 0x10000; w++) {
        if ((w & 3) == 3)
            continue;
        RvInsn in;
        char what[64];
        memset(&in, 0, sizeof in);
        assert_int_equal(rv64_decode_word(w, &in), 2);
        snprintf(what, sizeof what, "c.%04x (%s)", (unsigned)w, op_name(in.cop));
        lower_and_check(&b, &in, PC, what);
        if (in.op != RV_OP_ILLEGAL) {
            legal++;
            if (ends_in_illegal_trap(&b))
                fail_msg("%s lowers to the illegal trap", what);
        }
    }
    ir_block_free(&b);
    assert_true(legal > 40000); /* most of the 16-bit space is defined */
}

/* A deterministic sample of 32-bit encodings, biased towards the defined
 * major opcodes so that most of them decode to real instructions. */
static void test_sampled_32bit_encodings(void **state)
{
    (void)state;
    static const uint8_t opcodes[] = {
        0x03, 0x07, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x27, 0x2f, 0x33, 0x37,
        0x3b, 0x43, 0x47, 0x4b, 0x4f, 0x53, 0x63, 0x67, 0x6f, 0x73,
    };
    uint64_t x = 0x9e3779b97f4a7c15ull;
    uint8_t seen[RV_NOPS] = { 0 };
    unsigned nseen = 0, nops = 0;
    IrBlock b;
    ir_block_init(&b, rv_env(), PC);
    for (unsigned i = 0; i < 400000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        uint32_t w = (uint32_t)(x >> 16);
        w = (w & ~0x7fu) | opcodes[(x >> 8) % sizeof opcodes];
        RvInsn in;
        char what[64];
        memset(&in, 0, sizeof in);
        assert_int_equal(rv64_decode_word(w, &in), 4);
        snprintf(what, sizeof what, "0x%08x", (unsigned)w);
        lower_and_check(&b, &in, PC, what);
        if (in.op != RV_OP_ILLEGAL && ends_in_illegal_trap(&b))
            fail_msg("%s (%s) lowers to the illegal trap", what, op_name(in.op));
        if (in.op < RV_NOPS && !seen[in.op]) {
            seen[in.op] = 1;
            nseen++;
        }
    }
    ir_block_free(&b);
    for (unsigned op = 1; op < RV_NOPS; op++)
        nops += !op_is_compressed(op);
    print_message("# sampled encodings reached %u of %u ops\n", nseen, nops);
    /* the sample reaches most ops (rare ones need exact funct7/rs2 bits) */
    assert_true(nseen > nops / 2);
}

/* One real encoding per non-compressed op, assembled by GNU as 2.40
 * (riscv64-linux-gnu-as -march=rv64gc_zba_zbb_zbs, .option norvc) and
 * checked with objdump -M no-aliases. */
typedef struct RealCase {
    uint32_t word;
    uint16_t op;
    const char *src;
} RealCase;

static const RealCase real_encodings[] = {
    { 0x12345537, RV_OP_LUI, "lui a0, 0x12345" },
    { 0xfffff597, RV_OP_AUIPC, "auipc a1, 0xfffff" },
    { 0x001000ef, RV_OP_JAL, "jal ra, .+2048" },
    { 0xffc58567, RV_OP_JALR, "jalr a0, -4(a1)" },
    { 0xfeb50ce3, RV_OP_BEQ, "beq a0, a1, .-8" },
    { 0x00b51463, RV_OP_BNE, "bne a0, a1, .+8" },
    { 0x80b54063, RV_OP_BLT, "blt a0, a1, .-4096" },
    { 0x7eb55fe3, RV_OP_BGE, "bge a0, a1, .+4094" },
    { 0x00b56863, RV_OP_BLTU, "bltu a0, a1, .+16" },
    { 0x00b57863, RV_OP_BGEU, "bgeu a0, a1, .+16" },
    { 0xfff10503, RV_OP_LB, "lb a0, -1(sp)" },
    { 0x00211503, RV_OP_LH, "lh a0, 2(sp)" },
    { 0x0045a003, RV_OP_LW, "lw zero, 4(a1)" },
    { 0x7ff5b503, RV_OP_LD, "ld a0, 2047(a1)" },
    { 0x8005c503, RV_OP_LBU, "lbu a0, -2048(a1)" },
    { 0x0005d503, RV_OP_LHU, "lhu a0, 0(a1)" },
    { 0x0085e503, RV_OP_LWU, "lwu a0, 8(a1)" },
    { 0xfea10fa3, RV_OP_SB, "sb a0, -1(sp)" },
    { 0x00a11123, RV_OP_SH, "sh a0, 2(sp)" },
    { 0x00a12223, RV_OP_SW, "sw a0, 4(sp)" },
    { 0x00a13423, RV_OP_SD, "sd a0, 8(sp)" },
    { 0xfff50513, RV_OP_ADDI, "addi a0, a0, -1" },
    { 0xffb5a513, RV_OP_SLTI, "slti a0, a1, -5" },
    { 0x0055b513, RV_OP_SLTIU, "sltiu a0, a1, 5" },
    { 0xfff5c513, RV_OP_XORI, "xori a0, a1, -1" },
    { 0x7ff5e513, RV_OP_ORI, "ori a0, a1, 0x7ff" },
    { 0x0ff5f513, RV_OP_ANDI, "andi a0, a1, 0xff" },
    { 0x03f59513, RV_OP_SLLI, "slli a0, a1, 63" },
    { 0x0015d513, RV_OP_SRLI, "srli a0, a1, 1" },
    { 0x4205d513, RV_OP_SRAI, "srai a0, a1, 32" },
    { 0x00c58533, RV_OP_ADD, "add a0, a1, a2" },
    { 0x40c58533, RV_OP_SUB, "sub a0, a1, a2" },
    { 0x00c59533, RV_OP_SLL, "sll a0, a1, a2" },
    { 0x00c5a533, RV_OP_SLT, "slt a0, a1, a2" },
    { 0x00c5b533, RV_OP_SLTU, "sltu a0, a1, a2" },
    { 0x00c5c533, RV_OP_XOR, "xor a0, a1, a2" },
    { 0x00c5d533, RV_OP_SRL, "srl a0, a1, a2" },
    { 0x40c5d533, RV_OP_SRA, "sra a0, a1, a2" },
    { 0x00c5e533, RV_OP_OR, "or a0, a1, a2" },
    { 0x00c5f533, RV_OP_AND, "and a0, a1, a2" },
    { 0x0330000f, RV_OP_FENCE, "fence rw, rw" },
    { 0x8330000f, RV_OP_FENCE_TSO, "fence.tso" },
    { 0x00000073, RV_OP_ECALL, "ecall" },
    { 0x00100073, RV_OP_EBREAK, "ebreak" },
    { 0xfff5851b, RV_OP_ADDIW, "addiw a0, a1, -1" },
    { 0x01f5951b, RV_OP_SLLIW, "slliw a0, a1, 31" },
    { 0x01f5d51b, RV_OP_SRLIW, "srliw a0, a1, 31" },
    { 0x41f5d51b, RV_OP_SRAIW, "sraiw a0, a1, 31" },
    { 0x00c5853b, RV_OP_ADDW, "addw a0, a1, a2" },
    { 0x40c5853b, RV_OP_SUBW, "subw a0, a1, a2" },
    { 0x00c5953b, RV_OP_SLLW, "sllw a0, a1, a2" },
    { 0x00c5d53b, RV_OP_SRLW, "srlw a0, a1, a2" },
    { 0x40c5d53b, RV_OP_SRAW, "sraw a0, a1, a2" },
    { 0x0000100f, RV_OP_FENCE_I, "fence.i" },
    { 0x00359573, RV_OP_CSRRW, "csrrw a0, fcsr, a1" },
    { 0x00102573, RV_OP_CSRRS, "csrrs a0, fflags, zero" },
    { 0x0025b073, RV_OP_CSRRC, "csrrc zero, frm, a1" },
    { 0x0021d573, RV_OP_CSRRWI, "csrrwi a0, frm, 3" },
    { 0x0010e573, RV_OP_CSRRSI, "csrrsi a0, fflags, 1" },
    { 0x001ff573, RV_OP_CSRRCI, "csrrci a0, fflags, 31" },
    { 0x02c58533, RV_OP_MUL, "mul a0, a1, a2" },
    { 0x02c59533, RV_OP_MULH, "mulh a0, a1, a2" },
    { 0x02c5a533, RV_OP_MULHSU, "mulhsu a0, a1, a2" },
    { 0x02c5b533, RV_OP_MULHU, "mulhu a0, a1, a2" },
    { 0x02c5c533, RV_OP_DIV, "div a0, a1, a2" },
    { 0x02c5d533, RV_OP_DIVU, "divu a0, a1, a2" },
    { 0x02c5e533, RV_OP_REM, "rem a0, a1, a2" },
    { 0x02c5f533, RV_OP_REMU, "remu a0, a1, a2" },
    { 0x02c5853b, RV_OP_MULW, "mulw a0, a1, a2" },
    { 0x02c5c53b, RV_OP_DIVW, "divw a0, a1, a2" },
    { 0x02c5d53b, RV_OP_DIVUW, "divuw a0, a1, a2" },
    { 0x02c5e53b, RV_OP_REMW, "remw a0, a1, a2" },
    { 0x02c5f53b, RV_OP_REMUW, "remuw a0, a1, a2" },
    { 0x1005a52f, RV_OP_LR_W, "lr.w a0, (a1)" },
    { 0x18c5a52f, RV_OP_SC_W, "sc.w a0, a2, (a1)" },
    { 0x08c5a52f, RV_OP_AMOSWAP_W, "amoswap.w a0, a2, (a1)" },
    { 0x06c5a52f, RV_OP_AMOADD_W, "amoadd.w.aqrl a0, a2, (a1)" },
    { 0x20c5a52f, RV_OP_AMOXOR_W, "amoxor.w a0, a2, (a1)" },
    { 0x60c5a52f, RV_OP_AMOAND_W, "amoand.w a0, a2, (a1)" },
    { 0x40c5a52f, RV_OP_AMOOR_W, "amoor.w a0, a2, (a1)" },
    { 0x80c5a52f, RV_OP_AMOMIN_W, "amomin.w a0, a2, (a1)" },
    { 0xa0c5a52f, RV_OP_AMOMAX_W, "amomax.w a0, a2, (a1)" },
    { 0xc0c5a52f, RV_OP_AMOMINU_W, "amominu.w a0, a2, (a1)" },
    { 0xe0c5a52f, RV_OP_AMOMAXU_W, "amomaxu.w a0, a2, (a1)" },
    { 0x1405b52f, RV_OP_LR_D, "lr.d.aq a0, (a1)" },
    { 0x1ac5b52f, RV_OP_SC_D, "sc.d.rl a0, a2, (a1)" },
    { 0x08c5b52f, RV_OP_AMOSWAP_D, "amoswap.d a0, a2, (a1)" },
    { 0x00c5b52f, RV_OP_AMOADD_D, "amoadd.d a0, a2, (a1)" },
    { 0x20c5b52f, RV_OP_AMOXOR_D, "amoxor.d a0, a2, (a1)" },
    { 0x60c5b52f, RV_OP_AMOAND_D, "amoand.d a0, a2, (a1)" },
    { 0x40c5b52f, RV_OP_AMOOR_D, "amoor.d a0, a2, (a1)" },
    { 0x80c5b52f, RV_OP_AMOMIN_D, "amomin.d a0, a2, (a1)" },
    { 0xa0c5b52f, RV_OP_AMOMAX_D, "amomax.d a0, a2, (a1)" },
    { 0xc0c5b52f, RV_OP_AMOMINU_D, "amominu.d a0, a2, (a1)" },
    { 0xe0c5b52f, RV_OP_AMOMAXU_D, "amomaxu.d a0, a2, (a1)" },
    { 0x0045a507, RV_OP_FLW, "flw fa0, 4(a1)" },
    { 0x00a5a227, RV_OP_FSW, "fsw fa0, 4(a1)" },
    { 0x68c5f543, RV_OP_FMADD_S, "fmadd.s fa0, fa1, fa2, fa3" },
    { 0x68c59547, RV_OP_FMSUB_S, "fmsub.s fa0, fa1, fa2, fa3, rtz" },
    { 0x68c5f54b, RV_OP_FNMSUB_S, "fnmsub.s fa0, fa1, fa2, fa3" },
    { 0x68c5f54f, RV_OP_FNMADD_S, "fnmadd.s fa0, fa1, fa2, fa3" },
    { 0x00c5f553, RV_OP_FADD_S, "fadd.s fa0, fa1, fa2" },
    { 0x08c58553, RV_OP_FSUB_S, "fsub.s fa0, fa1, fa2, rne" },
    { 0x10c5f553, RV_OP_FMUL_S, "fmul.s fa0, fa1, fa2" },
    { 0x18c5f553, RV_OP_FDIV_S, "fdiv.s fa0, fa1, fa2" },
    { 0x5805f553, RV_OP_FSQRT_S, "fsqrt.s fa0, fa1" },
    { 0x20c58553, RV_OP_FSGNJ_S, "fsgnj.s fa0, fa1, fa2" },
    { 0x20c59553, RV_OP_FSGNJN_S, "fsgnjn.s fa0, fa1, fa2" },
    { 0x20c5a553, RV_OP_FSGNJX_S, "fsgnjx.s fa0, fa1, fa2" },
    { 0x28c58553, RV_OP_FMIN_S, "fmin.s fa0, fa1, fa2" },
    { 0x28c59553, RV_OP_FMAX_S, "fmax.s fa0, fa1, fa2" },
    { 0xc0059553, RV_OP_FCVT_W_S, "fcvt.w.s a0, fa1, rtz" },
    { 0xc015f553, RV_OP_FCVT_WU_S, "fcvt.wu.s a0, fa1" },
    { 0xe0058553, RV_OP_FMV_X_W, "fmv.x.w a0, fa1" },
    { 0xa0c5a553, RV_OP_FEQ_S, "feq.s a0, fa1, fa2" },
    { 0xa0c59553, RV_OP_FLT_S, "flt.s a0, fa1, fa2" },
    { 0xa0c58553, RV_OP_FLE_S, "fle.s a0, fa1, fa2" },
    { 0xe0059553, RV_OP_FCLASS_S, "fclass.s a0, fa1" },
    { 0xd005f553, RV_OP_FCVT_S_W, "fcvt.s.w fa0, a1" },
    { 0xd015f553, RV_OP_FCVT_S_WU, "fcvt.s.wu fa0, a1" },
    { 0xf0058553, RV_OP_FMV_W_X, "fmv.w.x fa0, a1" },
    { 0xc025f553, RV_OP_FCVT_L_S, "fcvt.l.s a0, fa1" },
    { 0xc035f553, RV_OP_FCVT_LU_S, "fcvt.lu.s a0, fa1" },
    { 0xd025f553, RV_OP_FCVT_S_L, "fcvt.s.l fa0, a1" },
    { 0xd035f553, RV_OP_FCVT_S_LU, "fcvt.s.lu fa0, a1" },
    { 0x0085b507, RV_OP_FLD, "fld fa0, 8(a1)" },
    { 0x00a5b427, RV_OP_FSD, "fsd fa0, 8(a1)" },
    { 0x6ac5f543, RV_OP_FMADD_D, "fmadd.d fa0, fa1, fa2, fa3" },
    { 0x6ac5f547, RV_OP_FMSUB_D, "fmsub.d fa0, fa1, fa2, fa3" },
    { 0x6ac5f54b, RV_OP_FNMSUB_D, "fnmsub.d fa0, fa1, fa2, fa3" },
    { 0x6ac5f54f, RV_OP_FNMADD_D, "fnmadd.d fa0, fa1, fa2, fa3" },
    { 0x02c5f553, RV_OP_FADD_D, "fadd.d fa0, fa1, fa2" },
    { 0x0ac5f553, RV_OP_FSUB_D, "fsub.d fa0, fa1, fa2" },
    { 0x12c5f553, RV_OP_FMUL_D, "fmul.d fa0, fa1, fa2" },
    { 0x1ac5f553, RV_OP_FDIV_D, "fdiv.d fa0, fa1, fa2" },
    { 0x5a05f553, RV_OP_FSQRT_D, "fsqrt.d fa0, fa1" },
    { 0x22c58553, RV_OP_FSGNJ_D, "fsgnj.d fa0, fa1, fa2" },
    { 0x22c59553, RV_OP_FSGNJN_D, "fsgnjn.d fa0, fa1, fa2" },
    { 0x22c5a553, RV_OP_FSGNJX_D, "fsgnjx.d fa0, fa1, fa2" },
    { 0x2ac58553, RV_OP_FMIN_D, "fmin.d fa0, fa1, fa2" },
    { 0x2ac59553, RV_OP_FMAX_D, "fmax.d fa0, fa1, fa2" },
    { 0x4015f553, RV_OP_FCVT_S_D, "fcvt.s.d fa0, fa1" },
    { 0x42058553, RV_OP_FCVT_D_S, "fcvt.d.s fa0, fa1" },
    { 0xa2c5a553, RV_OP_FEQ_D, "feq.d a0, fa1, fa2" },
    { 0xa2c59553, RV_OP_FLT_D, "flt.d a0, fa1, fa2" },
    { 0xa2c58553, RV_OP_FLE_D, "fle.d a0, fa1, fa2" },
    { 0xe2059553, RV_OP_FCLASS_D, "fclass.d a0, fa1" },
    { 0xc205f553, RV_OP_FCVT_W_D, "fcvt.w.d a0, fa1" },
    { 0xc215f553, RV_OP_FCVT_WU_D, "fcvt.wu.d a0, fa1" },
    { 0xd2058553, RV_OP_FCVT_D_W, "fcvt.d.w fa0, a1" },
    { 0xd2158553, RV_OP_FCVT_D_WU, "fcvt.d.wu fa0, a1" },
    { 0xc225f553, RV_OP_FCVT_L_D, "fcvt.l.d a0, fa1" },
    { 0xc235f553, RV_OP_FCVT_LU_D, "fcvt.lu.d a0, fa1" },
    { 0xe2058553, RV_OP_FMV_X_D, "fmv.x.d a0, fa1" },
    { 0xd225f553, RV_OP_FCVT_D_L, "fcvt.d.l fa0, a1" },
    { 0xd235f553, RV_OP_FCVT_D_LU, "fcvt.d.lu fa0, a1" },
    { 0xf2058553, RV_OP_FMV_D_X, "fmv.d.x fa0, a1" },
    { 0x08c5853b, RV_OP_ADD_UW, "add.uw a0, a1, a2" },
    { 0x20c5a533, RV_OP_SH1ADD, "sh1add a0, a1, a2" },
    { 0x20c5c533, RV_OP_SH2ADD, "sh2add a0, a1, a2" },
    { 0x20c5e533, RV_OP_SH3ADD, "sh3add a0, a1, a2" },
    { 0x20c5a53b, RV_OP_SH1ADD_UW, "sh1add.uw a0, a1, a2" },
    { 0x20c5c53b, RV_OP_SH2ADD_UW, "sh2add.uw a0, a1, a2" },
    { 0x20c5e53b, RV_OP_SH3ADD_UW, "sh3add.uw a0, a1, a2" },
    { 0x0835951b, RV_OP_SLLI_UW, "slli.uw a0, a1, 3" },
    { 0x40c5f533, RV_OP_ANDN, "andn a0, a1, a2" },
    { 0x40c5e533, RV_OP_ORN, "orn a0, a1, a2" },
    { 0x40c5c533, RV_OP_XNOR, "xnor a0, a1, a2" },
    { 0x60059513, RV_OP_CLZ, "clz a0, a1" },
    { 0x6005951b, RV_OP_CLZW, "clzw a0, a1" },
    { 0x60159513, RV_OP_CTZ, "ctz a0, a1" },
    { 0x6015951b, RV_OP_CTZW, "ctzw a0, a1" },
    { 0x60259513, RV_OP_CPOP, "cpop a0, a1" },
    { 0x6025951b, RV_OP_CPOPW, "cpopw a0, a1" },
    { 0x0ac5e533, RV_OP_MAX, "max a0, a1, a2" },
    { 0x0ac5f533, RV_OP_MAXU, "maxu a0, a1, a2" },
    { 0x0ac5c533, RV_OP_MIN, "min a0, a1, a2" },
    { 0x0ac5d533, RV_OP_MINU, "minu a0, a1, a2" },
    { 0x60459513, RV_OP_SEXT_B, "sext.b a0, a1" },
    { 0x60559513, RV_OP_SEXT_H, "sext.h a0, a1" },
    { 0x0805c53b, RV_OP_ZEXT_H, "zext.h a0, a1" },
    { 0x60c59533, RV_OP_ROL, "rol a0, a1, a2" },
    { 0x60c5953b, RV_OP_ROLW, "rolw a0, a1, a2" },
    { 0x60c5d533, RV_OP_ROR, "ror a0, a1, a2" },
    { 0x60d5d513, RV_OP_RORI, "rori a0, a1, 13" },
    { 0x60d5d51b, RV_OP_RORIW, "roriw a0, a1, 13" },
    { 0x60c5d53b, RV_OP_RORW, "rorw a0, a1, a2" },
    { 0x2875d513, RV_OP_ORC_B, "orc.b a0, a1" },
    { 0x6b85d513, RV_OP_REV8, "rev8 a0, a1" },
    { 0x48c59533, RV_OP_BCLR, "bclr a0, a1, a2" },
    { 0x4bf59513, RV_OP_BCLRI, "bclri a0, a1, 63" },
    { 0x48c5d533, RV_OP_BEXT, "bext a0, a1, a2" },
    { 0x4855d513, RV_OP_BEXTI, "bexti a0, a1, 5" },
    { 0x68c59533, RV_OP_BINV, "binv a0, a1, a2" },
    { 0x68559513, RV_OP_BINVI, "binvi a0, a1, 5" },
    { 0x28c59533, RV_OP_BSET, "bset a0, a1, a2" },
    { 0x28559513, RV_OP_BSETI, "bseti a0, a1, 5" },
};

/* Decodes each real encoding from bytes (rv64_decode), checks the op and
 * lowers it; also checks that the table covers every non-compressed op. */
static void test_real_encodings(void **state)
{
    (void)state;
    uint8_t covered[RV_NOPS] = { 0 };
    IrBlock b;
    ir_block_init(&b, rv_env(), PC);
    for (size_t i = 0; i < sizeof real_encodings / sizeof real_encodings[0]; i++) {
        const RealCase *rc = &real_encodings[i];
        uint8_t code[4] = { (uint8_t)rc->word, (uint8_t)(rc->word >> 8),
                            (uint8_t)(rc->word >> 16), (uint8_t)(rc->word >> 24) };
        RvInsn in;
        memset(&in, 0, sizeof in);
        assert_int_equal(rv64_decode(code, sizeof code, PC, &in), 4);
        if (in.op != rc->op)
            fail_msg("%s: decoded as %s, expected %s", rc->src, op_name(in.op),
                     op_name(rc->op));
        lower_and_check(&b, &in, PC, rc->src);
        if (ends_in_illegal_trap(&b))
            fail_msg("%s lowers to the illegal trap", rc->src);
        covered[rc->op] = 1;
    }
    ir_block_free(&b);
    for (unsigned op = 1; op < RV_NOPS; op++)
        if (!op_is_compressed(op) && !covered[op])
            fail_msg("no real encoding of %s in the table", op_name(op));
}

/* ---- whole blocks through fvp_lift_block ------------------------------- */

/* A small RV64GC function (mostly compressed), assembled by GNU as:
 *   1000 c.addi16sp sp,-32      100c c.fldsp fa0,0(sp)
 *   1002 c.sdsp ra,24(sp)       100e fadd.d fa0,fa0,fa0
 *   1004 c.li a5,10             1012 c.ldsp ra,24(sp)
 *   1006 c.mv a0,a5             1014 c.addi16sp sp,32
 *   1008 c.addiw a0,-1          1016 c.jr ra
 *   100a c.bnez a0,1008                                              */
static const uint8_t prog[] = {
    0x01, 0x11, 0x06, 0xec, 0xa9, 0x47, 0x3e, 0x85, 0x7d, 0x35, 0x7d, 0xfd,
    0x02, 0x25, 0x53, 0x75, 0xa5, 0x02, 0xe2, 0x60, 0x05, 0x61, 0x82, 0x80,
};
#define PROG_PC 0x1000ull

static size_t prog_read(void *ctx, uint64_t pc, uint8_t *buf, size_t n)
{
    (void)ctx;
    if (pc < PROG_PC || pc >= PROG_PC + sizeof prog)
        return 0;
    size_t off = (size_t)(pc - PROG_PC), avail = sizeof prog - off;
    if (n > avail)
        n = avail;
    memcpy(buf, prog + off, n);
    return n;
}

static void lift_checked(IrBlock *b, uint64_t pc, unsigned max)
{
    char err[256];
    assert_int_equal(fvp_lift_block(&fvp_frontend_riscv64, prog_read, NULL, pc, max, b), 0);
    if (ir_verify(b, err, sizeof err) != 0) {
        char *text = block_text(b);
        print_error("%s", text);
        free(text);
        fail_msg("block at 0x%llx: %s", (unsigned long long)pc, err);
    }
}

static const IrInsn *last_insn(const IrBlock *b)
{
    return &b->insns[b->ninsns - 1];
}

static void test_lift_blocks(void **state)
{
    (void)state;
    IrBlock b;
    ir_block_init(&b, rv_env(), PROG_PC);

    /* up to the loop branch: 6 instructions, side exit back to 0x1008 */
    lift_checked(&b, PROG_PC, 64);
    assert_int_equal(b.nguest, 6);
    assert_int_equal(b.end_pc, 0x100c);
    assert_int_equal(last_insn(&b)->aux, IR_EXIT_JUMP);
    bool side_exit = false;
    for (uint32_t i = 0; i < b.ninsns; i++)
        if (b.insns[i].op == IR_BRANCH && (uint64_t)b.insns[i].imm == 0x1008)
            side_exit = true;
    assert_true(side_exit);

    /* from the loop body to the return */
    lift_checked(&b, 0x100c, 64);
    assert_int_equal(b.nguest, 5);
    assert_int_equal(b.end_pc, 0x1018);
    assert_int_equal(last_insn(&b)->aux, IR_EXIT_RETURN);

    /* cut by the instruction limit */
    lift_checked(&b, PROG_PC, 2);
    assert_int_equal(b.nguest, 2);
    assert_int_equal(last_insn(&b)->aux, IR_EXIT_LIMIT);

    /* running off the end of the code: fetch fault trap */
    lift_checked(&b, PROG_PC + sizeof prog - 2, 64);
    assert_int_equal(last_insn(&b)->aux, IR_EXIT_RETURN);
    lift_checked(&b, PROG_PC + sizeof prog, 64);
    assert_int_equal(last_insn(&b)->aux, IR_EXIT_TRAP);
    assert_int_equal(last_insn(&b)->imm, RV_CAUSE_INSN_ACCESS);

    ir_block_free(&b);
}

/* ---- semantics: a tiny evaluator of the integer part of the IR -------- */

/*
 * Runs a block's integer IR on a register file and 16 bytes of memory, so
 * the lowering's meaning can be checked against expected values (Rellume's
 * one-line instruction cases).  Helper calls are only counted.  The
 * evaluator fails the test if IR_DIV/IR_REM ever see a zero divisor or
 * MIN / -1, i.e. if a guard in the lowering is missing.
 */
#define MEM_BASE 0x2000ull

typedef struct Machine {
    uint64_t regs[RV_NREGS];
    uint8_t mem[16];
    uint64_t next_pc;
    unsigned reason;
    int64_t cause;
    unsigned ncalls;
    int64_t calls[4];
} Machine;

static unsigned type_bits(uint8_t t)
{
    switch (t) {
    case IR_I1: return 1;
    case IR_I8: return 8;
    case IR_I16: return 16;
    case IR_I32: case IR_F32: return 32;
    default: return 64;
    }
}

static uint64_t mask_bits(uint64_t v, unsigned bits)
{
    return bits >= 64 ? v : v & ((1ull << bits) - 1);
}

static int64_t sext_bits(uint64_t v, unsigned bits)
{
    if (bits >= 64)
        return (int64_t)v;
    uint64_t m = 1ull << (bits - 1);
    v = mask_bits(v, bits);
    return (int64_t)((v ^ m) - m);
}

static uint64_t *mem_at(Machine *m, uint64_t addr, unsigned size)
{
    if (addr < MEM_BASE || addr + size > MEM_BASE + sizeof m->mem)
        fail_msg("access of %u bytes at 0x%llx outside test memory", size,
                 (unsigned long long)addr);
    return (uint64_t *)(void *)&m->mem[addr - MEM_BASE];
}

static uint64_t eval_bin(const IrInsn *in, uint64_t a, uint64_t c, unsigned bits)
{
    int64_t sa = sext_bits(a, bits), sc = sext_bits(c, bits);
    unsigned sh = (unsigned)(c % bits);
    __int128 p;
    switch (in->op) {
    case IR_ADD: return a + c;
    case IR_SUB: return a - c;
    case IR_MUL: return a * c;
    case IR_MULHS: p = (__int128)sa * sc; return (uint64_t)(p >> bits);
    case IR_MULHU:
        return (uint64_t)((unsigned __int128)mask_bits(a, bits) * mask_bits(c, bits) >> bits);
    case IR_MULHSU: p = (__int128)sa * (__int128)mask_bits(c, bits); return (uint64_t)(p >> bits);
    case IR_DIV: case IR_REM:
        if (sc == 0 || (sc == -1 && sa == sext_bits(1ull << (bits - 1), bits)))
            fail_msg("unguarded signed division");
        return (uint64_t)(in->op == IR_DIV ? sa / sc : sa % sc);
    case IR_DIVU: case IR_REMU:
        if (mask_bits(c, bits) == 0)
            fail_msg("unguarded unsigned division");
        return in->op == IR_DIVU ? mask_bits(a, bits) / mask_bits(c, bits)
                                 : mask_bits(a, bits) % mask_bits(c, bits);
    case IR_AND: return a & c;
    case IR_OR: return a | c;
    case IR_XOR: return a ^ c;
    case IR_SHL: return a << sh;
    case IR_SHR: return mask_bits(a, bits) >> sh;
    case IR_SAR: return (uint64_t)(sa >> sh);
    case IR_ROTL:
        return sh ? (a << sh) | (mask_bits(a, bits) >> (bits - sh)) : a;
    case IR_ROTR:
        return sh ? (mask_bits(a, bits) >> sh) | (a << (bits - sh)) : a;
    default:
        fail_msg("evaluator: unexpected %s", ir_op_name((IrOp)in->op));
        return 0;
    }
}

static uint64_t eval_un(const IrInsn *in, uint64_t a, unsigned bits)
{
    uint64_t r = 0;
    a = mask_bits(a, bits);
    switch (in->op) {
    case IR_NOT: return ~a;
    case IR_NEG: return (uint64_t)0 - a;
    case IR_CLZ:
        while (r < bits && !(a >> (bits - 1 - r) & 1))
            r++;
        return r;
    case IR_CTZ:
        while (r < bits && !(a >> r & 1))
            r++;
        return r;
    case IR_CPOP:
        for (unsigned i = 0; i < bits; i++)
            r += a >> i & 1;
        return r;
    case IR_BSWAP:
        for (unsigned i = 0; i < bits / 8; i++)
            r |= (a >> (8 * i) & 0xff) << (bits - 8 - 8 * i);
        return r;
    default:
        fail_msg("evaluator: unexpected %s", ir_op_name((IrOp)in->op));
        return 0;
    }
}

static bool eval_cmp(unsigned cond, uint64_t a, uint64_t c, unsigned bits)
{
    int64_t sa = sext_bits(a, bits), sc = sext_bits(c, bits);
    a = mask_bits(a, bits);
    c = mask_bits(c, bits);
    switch (cond) {
    case IR_EQ: return a == c;
    case IR_NE: return a != c;
    case IR_SLT: return sa < sc;
    case IR_SLE: return sa <= sc;
    case IR_SGT: return sa > sc;
    case IR_SGE: return sa >= sc;
    case IR_ULT: return a < c;
    case IR_ULE: return a <= c;
    case IR_UGT: return a > c;
    case IR_UGE: return a >= c;
    default:
        fail_msg("evaluator: float compare");
        return false;
    }
}

static void eval_block(const IrBlock *b, Machine *m)
{
    uint64_t *val = calloc(b->ntemps, sizeof *val);
    assert_non_null(val);
    for (uint32_t i = 0; i < b->ninsns; i++) {
        const IrInsn *in = &b->insns[i];
        unsigned bits = type_bits(in->type);
        uint64_t a = val[in->args[0]], c = val[in->args[1]], r = 0;
        switch (in->op) {
        case IR_INSN: case IR_FENCE: continue;
        case IR_CONST: r = (uint64_t)in->imm; break;
        case IR_GET: r = b->env->regs[in->imm].zero ? 0 : m->regs[in->imm]; break;
        case IR_SET:
            if (!b->env->regs[in->imm].zero)
                m->regs[in->imm] = a;
            continue;
        case IR_NOT: case IR_NEG: case IR_CLZ: case IR_CTZ: case IR_CPOP: case IR_BSWAP:
            r = eval_un(in, a, bits);
            break;
        case IR_ZEXT: case IR_TRUNC: case IR_BITCAST:
            r = mask_bits(a, type_bits(b->temp_type[in->args[0]]));
            break;
        case IR_SEXT:
            r = (uint64_t)sext_bits(a, type_bits(b->temp_type[in->args[0]]));
            break;
        case IR_CMP:
            r = eval_cmp(in->aux, a, c, type_bits(b->temp_type[in->args[0]]));
            break;
        case IR_SELECT: r = a ? c : val[in->args[2]]; break;
        case IR_LOAD: {
            uint64_t v = 0;
            memcpy(&v, mem_at(m, a, (unsigned)in->imm), (size_t)in->imm);
            r = (in->aux & IR_MEM_SIGNED) ? (uint64_t)sext_bits(v, (unsigned)in->imm * 8) : v;
            break;
        }
        case IR_STORE:
            memcpy(mem_at(m, a, (unsigned)in->imm), &c, (size_t)in->imm);
            continue;
        case IR_CALL:
            if (m->ncalls < 4)
                m->calls[m->ncalls] = in->imm;
            m->ncalls++;
            r = 0;
            break;
        case IR_BRANCH:
            if (a) {
                m->next_pc = (uint64_t)in->imm;
                m->reason = in->aux;
                free(val);
                return;
            }
            continue;
        case IR_EXIT:
            m->next_pc = a;
            m->reason = in->aux;
            m->cause = in->imm;
            free(val);
            return;
        default:
            r = eval_bin(in, a, c, bits);
            break;
        }
        if (in->dst != IR_NO_TEMP)
            val[in->dst] = mask_bits(r, bits);
    }
    free(val);
    fail_msg("evaluator: block without exit");
}

enum { CHK_X10, CHK_F10, CHK_PC, CHK_MEM };

/* rd = x10 / f10; inputs x11 = f1 = a, x12 = f2 = c; x2 = MEM_BASE. */
typedef struct SemCase {
    const char *name;
    RvInsn in;
    uint64_t a, c;
    unsigned check;     /* CHK_*: what want is compared with */
    uint64_t want;
} SemCase;

#define R(o, ...) { .op = RV_OP_##o, .len = 4, .rd = 10, .rs1 = 11, .rs2 = 12, __VA_ARGS__ }
#define F(o, ...) { .op = RV_OP_##o, .len = 4, .rd = 10, .rs1 = 1, .rs2 = 2, __VA_ARGS__ }
#define X(o, d, s1, s2, ...) { .op = RV_OP_##o, .len = 4, .rd = d, .rs1 = s1, .rs2 = s2, __VA_ARGS__ }
#define M64 0x8000000000000000ull
#define ALL 0xffffffffffffffffull

static const SemCase sem_cases[] = {
    /* M division corner cases (unpriv table 7.1) */
    { "div 7/2", R(DIV), 7, 2, CHK_X10, 3 },
    { "div -7/2", R(DIV), (uint64_t)-7, 2, CHK_X10, (uint64_t)-3 },
    { "div /0", R(DIV), 5, 0, CHK_X10, ALL },
    { "div MIN/-1", R(DIV), M64, ALL, CHK_X10, M64 },
    { "rem -7%2", R(REM), (uint64_t)-7, 2, CHK_X10, (uint64_t)-1 },
    { "rem %0", R(REM), 5, 0, CHK_X10, 5 },
    { "rem MIN%-1", R(REM), M64, ALL, CHK_X10, 0 },
    { "divu /0", R(DIVU), 5, 0, CHK_X10, ALL },
    { "divu big", R(DIVU), ALL, 2, CHK_X10, ALL >> 1 },
    { "remu %0", R(REMU), 5, 0, CHK_X10, 5 },
    { "divw MIN/-1", R(DIVW), 0x80000000, ALL, CHK_X10, 0xffffffff80000000ull },
    { "divw /0", R(DIVW), 5, 0x100000000ull, CHK_X10, ALL },
    { "remw MIN%-1", R(REMW), 0x80000000, ALL, CHK_X10, 0 },
    { "remw %0", R(REMW), 0x1fffffff6ull, 0, CHK_X10, (uint64_t)-10 },
    { "divuw /0", R(DIVUW), 7, 0, CHK_X10, ALL },
    { "divuw", R(DIVUW), 0xffffffffull, 2, CHK_X10, 0x7fffffff },
    { "remuw %0", R(REMUW), 0x180000000ull, 0, CHK_X10, 0xffffffff80000000ull },
    { "mulh -1*-1", R(MULH), ALL, ALL, CHK_X10, 0 },
    { "mulhu", R(MULHU), ALL, ALL, CHK_X10, ALL - 1 },
    { "mulhsu -1*max", R(MULHSU), ALL, ALL, CHK_X10, ALL },
    { "mulw", R(MULW), 0x7fffffff, 2, CHK_X10, ALL - 1 },
    /* RV64I W forms and shift amounts */
    { "addw overflow", R(ADDW), 0x7fffffff, 1, CHK_X10, 0xffffffff80000000ull },
    { "subw", R(SUBW), 0, 1, CHK_X10, ALL },
    { "sllw mod 32", R(SLLW), 1, 33, CHK_X10, 2 },
    { "srlw 0", R(SRLW), 0x80000000, 0, CHK_X10, 0xffffffff80000000ull },
    { "srlw 4", R(SRLW), 0xf0000000, 4, CHK_X10, 0x0f000000 },
    { "sraw 31", R(SRAW), 0x80000000, 31, CHK_X10, ALL },
    { "sll mod 64", R(SLL), 1, 65, CHK_X10, 2 },
    { "sra 63", R(SRA), M64, 63, CHK_X10, ALL },
    { "srl 63", R(SRL), M64, 63, CHK_X10, 1 },
    { "srliw 1", R(SRLIW, .imm = 1), ALL, 0, CHK_X10, 0x7fffffff },
    { "sraiw 4", R(SRAIW, .imm = 4), 0x80000000, 0, CHK_X10, 0xfffffffff8000000ull },
    { "slliw 31", R(SLLIW, .imm = 31), 1, 0, CHK_X10, 0xffffffff80000000ull },
    { "addiw", R(ADDIW, .imm = -1), 0x100000000ull, 0, CHK_X10, ALL },
    { "slt", R(SLT), ALL, 1, CHK_X10, 1 },
    { "sltu", R(SLTU), ALL, 1, CHK_X10, 0 },
    { "sltiu -1", R(SLTIU, .imm = -1), 5, 0, CHK_X10, 1 },
    { "lui", R(LUI, .imm = -4096), 0, 0, CHK_X10, 0xfffffffffffff000ull },
    { "auipc", R(AUIPC, .imm = -4096), 0, 0, CHK_X10, PC - 4096 },
    /* Zba */
    { "add.uw", R(ADD_UW), 0xffffffff00000001ull, 1, CHK_X10, 2 },
    { "sh3add.uw", R(SH3ADD_UW), 0x100000001ull, 8, CHK_X10, 16 },
    { "sh1add", R(SH1ADD), ALL, 3, CHK_X10, 1 },
    { "slli.uw", R(SLLI_UW, .imm = 1), 0xffffffff80000000ull, 0, CHK_X10, 0x100000000ull },
    /* Zbb */
    { "clz 0", R(CLZ), 0, 0, CHK_X10, 64 },
    { "clzw 0", R(CLZW), 0xffffffff00000000ull, 0, CHK_X10, 32 },
    { "clzw", R(CLZW), 0xffffffff00010000ull, 0, CHK_X10, 15 },
    { "ctz 0", R(CTZ), 0, 0, CHK_X10, 64 },
    { "ctzw 0", R(CTZW), 0x100000000ull, 0, CHK_X10, 32 },
    { "cpop", R(CPOP), ALL, 0, CHK_X10, 64 },
    { "cpopw", R(CPOPW), 0xffffffff00000003ull, 0, CHK_X10, 2 },
    { "max", R(MAX), ALL, 1, CHK_X10, 1 },
    { "maxu", R(MAXU), ALL, 1, CHK_X10, ALL },
    { "min", R(MIN), ALL, 1, CHK_X10, ALL },
    { "minu", R(MINU), ALL, 1, CHK_X10, 1 },
    { "sext.b", R(SEXT_B), 0x180, 0, CHK_X10, ALL - 0x7f },
    { "sext.h", R(SEXT_H), 0x18000, 0, CHK_X10, ALL - 0x7fff },
    { "zext.h", R(ZEXT_H), ALL, 0, CHK_X10, 0xffff },
    { "rol", R(ROL), M64 | 1, 1, CHK_X10, 3 },
    { "rolw", R(ROLW), 0x80000001, 1, CHK_X10, 3 },
    { "rorw", R(RORW), 1, 33, CHK_X10, 0xffffffff80000000ull },
    { "roriw", R(RORIW, .imm = 1), 1, 0, CHK_X10, 0xffffffff80000000ull },
    { "ror mod 64", R(ROR), 1, 65, CHK_X10, M64 },
    { "rori", R(RORI, .imm = 4), 0x1f, 0, CHK_X10, 0xf000000000000001ull },
    { "orc.b", R(ORC_B), 0x0001000080000001ull, 0, CHK_X10, 0x00ff0000ff0000ffull },
    { "rev8", R(REV8), 0x0102030405060708ull, 0, CHK_X10, 0x0807060504030201ull },
    { "andn", R(ANDN), 0xff, 0x0f, CHK_X10, 0xf0 },
    { "orn", R(ORN), 0, ALL - 0xf0, CHK_X10, 0xf0 },
    { "xnor", R(XNOR), 5, 3, CHK_X10, ALL - 6 },
    /* Zbs */
    { "bclr mod 64", R(BCLR), ALL, 67, CHK_X10, ALL - 8 },
    { "bset", R(BSET), 0, 65, CHK_X10, 2 },
    { "binv", R(BINV), 0, 63, CHK_X10, M64 },
    { "bext", R(BEXT), 0x10, 4, CHK_X10, 1 },
    { "bexti", R(BEXTI, .imm = 63), M64, 0, CHK_X10, 1 },
    { "bclri", R(BCLRI, .imm = 0), ALL, 0, CHK_X10, ALL - 1 },
    { "bseti", R(BSETI, .imm = 40), 0, 0, CHK_X10, 1ull << 40 },
    { "binvi", R(BINVI, .imm = 1), 3, 0, CHK_X10, 1 },
    /* loads / stores on memory 80 81 82 ... 8f at MEM_BASE (x2) */
    { "lb", X(LB, 10, 2, 12, .imm = 1), 0, 0, CHK_X10, 0xffffffffffffff81ull },
    { "lbu", X(LBU, 10, 2, 12, .imm = 1), 0, 0, CHK_X10, 0x81 },
    { "lh", X(LH, 10, 2, 12, .imm = 3), 0, 0, CHK_X10, 0xffffffffffff8483ull },
    { "lw", X(LW, 10, 2, 12, .imm = 4), 0, 0, CHK_X10, 0xffffffff87868584ull },
    { "lwu", X(LWU, 10, 2, 12, .imm = 4), 0, 0, CHK_X10, 0x87868584ull },
    { "ld", X(LD, 10, 2, 12, .imm = 8), 0, 0, CHK_X10, 0x8f8e8d8c8b8a8988ull },
    { "sw", X(SW, 10, 2, 11), 0x1122334455667788ull, 0, CHK_MEM, 0x8786858455667788ull },
    { "sb", X(SB, 10, 2, 11), 0x11, 0, CHK_MEM, 0x8786858483828111ull },
    { "sd", X(SD, 10, 2, 11), 0x1122334455667788ull, 0, CHK_MEM, 0x1122334455667788ull },
    /* control flow */
    { "jalr clears bit 0", X(JALR, 0, 11, 12, .imm = 2), 0x1235, 0, CHK_PC, 0x1236 },
    { "jalr rd == rs1", X(JALR, 11, 11, 12, .imm = 0), 0x4000, 0, CHK_PC, 0x4000 },
    { "blt taken", R(BLT, .imm = -8), ALL, 0, CHK_PC, PC - 8 },
    { "bltu not taken", R(BLTU, .imm = -8), ALL, 0, CHK_PC, PC + 4 },
    { "bge equal", R(BGE, .imm = 16), 3, 3, CHK_PC, PC + 16 },
    { "jal", X(JAL, 1, 11, 12, .imm = -2048), 0, 0, CHK_PC, PC - 2048 },
    /* FP bit manipulation and NaN boxing (f1 = a, f2 = c) */
    { "fsgnj.s unboxed -> qNaN", F(FSGNJ_S), 0x3f800000, 0x3f800000, CHK_F10,
      0xffffffff7fc00000ull },
    { "fsgnjn.s", F(FSGNJN_S), 0xffffffff3f800000ull, 0xffffffff3f800000ull, CHK_F10,
      0xffffffffbf800000ull },
    { "fsgnjx.s", F(FSGNJX_S), 0xffffffffbf800000ull, 0xffffffffbf800000ull, CHK_F10,
      0xffffffff3f800000ull },
    { "fsgnj.d", F(FSGNJ_D), 0x3ff0000000000000ull, M64, CHK_F10, 0xbff0000000000000ull },
    { "fsgnjx.d", F(FSGNJX_D), M64 | 1, M64, CHK_F10, 1 },
    { "fmv.x.w no unbox", F(FMV_X_W), 0x1234567880000000ull, 0, CHK_X10,
      0xffffffff80000000ull },
    { "fmv.w.x boxes", R(FMV_W_X), 0x123456789abcdef0ull, 0, CHK_F10, 0xffffffff9abcdef0ull },
    { "fmv.x.d", F(FMV_X_D), 0x123456789abcdef0ull, 0, CHK_X10, 0x123456789abcdef0ull },
    { "fmv.d.x", R(FMV_D_X), 0x123456789abcdef0ull, 0, CHK_F10, 0x123456789abcdef0ull },
    { "flw boxes", X(FLW, 10, 2, 12, .imm = 0), 0, 0, CHK_F10, 0xffffffff83828180ull },
    { "fld", X(FLD, 10, 2, 12, .imm = 8), 0, 0, CHK_F10, 0x8f8e8d8c8b8a8988ull },
    { "fsw raw low half", X(FSW, 10, 2, 1), 0x0000000011223344ull, 0, CHK_MEM,
      0x8786858411223344ull },
};

#undef R
#undef F
#undef X

static void test_semantics(void **state)
{
    (void)state;
    IrBlock b;
    unsigned bad = 0;
    ir_block_init(&b, rv_env(), PC);
    for (size_t i = 0; i < sizeof sem_cases / sizeof sem_cases[0]; i++) {
        const SemCase *sc = &sem_cases[i];
        Machine m;
        uint64_t got;
        memset(&m, 0, sizeof m);
        for (unsigned k = 0; k < sizeof m.mem; k++)
            m.mem[k] = (uint8_t)(0x80 + k);
        m.regs[RV_REG_X0 + 2] = MEM_BASE;
        m.regs[RV_REG_X0 + 11] = m.regs[RV_REG_F0 + 1] = sc->a;
        m.regs[RV_REG_X0 + 12] = m.regs[RV_REG_F0 + 2] = sc->c;
        lower_and_check(&b, &sc->in, PC, sc->name);
        eval_block(&b, &m);
        switch (sc->check) {
        case CHK_X10: got = m.regs[RV_REG_X0 + 10]; break;
        case CHK_F10: got = m.regs[RV_REG_F0 + 10]; break;
        case CHK_PC: got = m.next_pc; break;
        default: memcpy(&got, m.mem, sizeof got); break;
        }
        if (got != sc->want) {
            print_error("%s: got 0x%llx, want 0x%llx\n", sc->name, (unsigned long long)got,
                        (unsigned long long)sc->want);
            bad++;
        }
        if (sc->in.op == RV_OP_JALR && sc->in.rd == 11 &&
            m.regs[RV_REG_X0 + 11] != PC + 4) {
            print_error("%s: link not written\n", sc->name);
            bad++;
        }
    }
    ir_block_free(&b);
    assert_int_equal(bad, 0);
}

/* Zicsr: which helpers run (unpriv §9.1: no read for csrrw rd=x0, no write
 * for csrrs/csrrc with rs1=x0 or zimm=0). */
static void test_csr_side_effects(void **state)
{
    (void)state;
    static const struct {
        RvInsn in;
        unsigned ncalls;
        int64_t first;
    } cases[] = {
        { { .op = RV_OP_CSRRW, .len = 4, .rd = 0, .rs1 = 11, .csr = 2 }, 1, RV_HELPER_csr_write },
        { { .op = RV_OP_CSRRW, .len = 4, .rd = 10, .rs1 = 11, .csr = 2 }, 2, RV_HELPER_csr_read },
        { { .op = RV_OP_CSRRS, .len = 4, .rd = 0, .rs1 = 0, .csr = 1 }, 1, RV_HELPER_csr_read },
        { { .op = RV_OP_CSRRC, .len = 4, .rd = 10, .rs1 = 0, .csr = 1 }, 1, RV_HELPER_csr_read },
        { { .op = RV_OP_CSRRC, .len = 4, .rd = 10, .rs1 = 11, .csr = 1 }, 2, RV_HELPER_csr_read },
        { { .op = RV_OP_CSRRWI, .len = 4, .rd = 0, .imm = 0, .csr = 2 }, 1, RV_HELPER_csr_write },
        { { .op = RV_OP_CSRRSI, .len = 4, .rd = 10, .imm = 0, .csr = 1 }, 1, RV_HELPER_csr_read },
        { { .op = RV_OP_CSRRCI, .len = 4, .rd = 10, .imm = 3, .csr = 1 }, 2, RV_HELPER_csr_read },
        /* FP ops with rd = x0 still run their helper (fflags) */
        { { .op = RV_OP_FEQ_S, .len = 4, .rd = 0, .rs1 = 1, .rs2 = 2 }, 1, RV_HELPER_feq_s },
        /* loads/AMOs to x0 still access memory */
        { { .op = RV_OP_AMOSWAP_D, .len = 4, .rd = 0, .rs1 = 2, .rs2 = 3 }, 1, RV_HELPER_amoswap_d },
    };
    IrBlock b;
    ir_block_init(&b, rv_env(), PC);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Machine m;
        char what[32];
        memset(&m, 0, sizeof m);
        snprintf(what, sizeof what, "csr case %zu", i);
        lower_and_check(&b, &cases[i].in, PC, what);
        eval_block(&b, &m);
        if (m.ncalls != cases[i].ncalls || m.calls[0] != cases[i].first)
            fail_msg("%s (%s): %u calls, first %lld", what, op_name(cases[i].in.op),
                     m.ncalls, (long long)m.calls[0]);
    }
    ir_block_free(&b);
}

/* ---- golden IR text ---------------------------------------------------- */

typedef struct GoldenCase {
    const char *name;
    RvInsn in;
    const char *text;
} GoldenCase;

#define I(...) { .len = 4, __VA_ARGS__ }

static const GoldenCase golden[] = {
    { "add x10, x11, x12", I(.op = RV_OP_ADD, .rd = 10, .rs1 = 11, .rs2 = 12),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i64 = get x12\n"
      "  t3:i64 = add t1, t2\n"
      "  set x10, t3\n"
      "  t4:i64 = const 0x10004\n"
      "  exit t4 (jump)\n" },
    { "addw x10, x10, x11", I(.op = RV_OP_ADDW, .rd = 10, .rs1 = 10, .rs2 = 11),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x10\n"
      "  t2:i32 = trunc t1\n"
      "  t3:i64 = get x11\n"
      "  t4:i32 = trunc t3\n"
      "  t5:i32 = add t2, t4\n"
      "  t6:i64 = sext t5\n"
      "  set x10, t6\n"
      "  t7:i64 = const 0x10004\n"
      "  exit t7 (jump)\n" },
    { "div x10, x11, x12", I(.op = RV_OP_DIV, .rd = 10, .rs1 = 11, .rs2 = 12),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i64 = get x12\n"
      "  t3:i64 = const 0x0\n"
      "  t4:i1 = cmp.eq t2, t3\n"
      "  t5:i64 = const 0x1\n"
      "  t6:i64 = select t4, t5, t2\n"
      "  t7:i64 = const 0xffffffffffffffff\n"
      "  t8:i1 = cmp.eq t2, t7\n"
      "  t9:i64 = select t8, t5, t6\n"
      "  t10:i64 = div t1, t9\n"
      "  t11:i64 = neg t1\n"
      "  t12:i64 = select t8, t11, t10\n"
      "  t13:i64 = const 0xffffffffffffffff\n"
      "  t14:i64 = select t4, t13, t12\n"
      "  set x10, t14\n"
      "  t15:i64 = const 0x10004\n"
      "  exit t15 (jump)\n" },
    { "jalr x0, 0(x1)", I(.op = RV_OP_JALR, .rd = 0, .rs1 = 1),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x1\n"
      "  t2:i64 = const 0xfffffffffffffffe\n"
      "  t3:i64 = and t1, t2\n"
      "  exit t3 (return)\n" },
    { "beq x10, x11, -8", I(.op = RV_OP_BEQ, .rs1 = 10, .rs2 = 11, .imm = -8),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x10\n"
      "  t2:i64 = get x11\n"
      "  t3:i1 = cmp.eq t1, t2\n"
      "  branch t3, 0xfff8 (branch)\n"
      "  t4:i64 = const 0x10004\n"
      "  exit t4 (jump)\n" },
    { "lw x10, -4(x2)", I(.op = RV_OP_LW, .rd = 10, .rs1 = 2, .imm = -4),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x2\n"
      "  t2:i64 = const 0xfffffffffffffffc\n"
      "  t3:i64 = add t1, t2\n"
      "  t4:i64 = load.4.s t3\n"
      "  set x10, t4\n"
      "  t5:i64 = const 0x10004\n"
      "  exit t5 (jump)\n" },
    { "flw f1, 8(x10)", I(.op = RV_OP_FLW, .rd = 1, .rs1 = 10, .imm = 8),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x10\n"
      "  t2:i64 = const 0x8\n"
      "  t3:i64 = add t1, t2\n"
      "  t4:i64 = load.4 t3\n"
      "  t5:i64 = const 0xffffffff00000000\n"
      "  t6:i64 = or t4, t5\n"
      "  set f1, t6\n"
      "  t7:i64 = const 0x10004\n"
      "  exit t7 (jump)\n" },
    { "fadd.s f1, f2, f3, dyn", I(.op = RV_OP_FADD_S, .rd = 1, .rs1 = 2, .rs2 = 3, .rm = 7),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get f2\n"
      "  t2:i64 = const 0xffffffff00000000\n"
      "  t3:i1 = cmp.uge t1, t2\n"
      "  t4:i32 = trunc t1\n"
      "  t5:i32 = const 0x7fc00000\n"
      "  t6:i32 = select t3, t4, t5\n"
      "  t7:f32 = bitcast t6\n"
      "  t8:i64 = get f3\n"
      "  t9:i64 = const 0xffffffff00000000\n"
      "  t10:i1 = cmp.uge t8, t9\n"
      "  t11:i32 = trunc t8\n"
      "  t12:i32 = const 0x7fc00000\n"
      "  t13:i32 = select t10, t11, t12\n"
      "  t14:f32 = bitcast t13\n"
      "  t15:i32 = const 0x7\n"
      "  t16:f32 = call fadd_s(t7, t14, t15)\n"
      "  t17:i32 = bitcast t16\n"
      "  t18:i64 = zext t17\n"
      "  t19:i64 = const 0xffffffff00000000\n"
      "  t20:i64 = or t18, t19\n"
      "  set f1, t20\n"
      "  t21:i64 = const 0x10004\n"
      "  exit t21 (jump)\n" },
    { "fsgnjn.d f1, f2, f2", I(.op = RV_OP_FSGNJN_D, .rd = 1, .rs1 = 2, .rs2 = 2),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get f2\n"
      "  t2:i64 = get f2\n"
      "  t3:i64 = const 0x8000000000000000\n"
      "  t4:i64 = and t2, t3\n"
      "  t5:i64 = const 0x8000000000000000\n"
      "  t6:i64 = xor t4, t5\n"
      "  t7:i64 = const 0x7fffffffffffffff\n"
      "  t8:i64 = and t1, t7\n"
      "  t9:i64 = or t8, t6\n"
      "  set f1, t9\n"
      "  t10:i64 = const 0x10004\n"
      "  exit t10 (jump)\n" },
    { "csrrs x10, fflags, x0", I(.op = RV_OP_CSRRS, .rd = 10, .rs1 = 0, .csr = 0x001),
      "; insn 0x10000 len 4\n"
      "  t1:i32 = const 0x1\n"
      "  t2:i64 = call csr_read(t1)\n"
      "  set x10, t2\n"
      "  t3:i64 = const 0x10004\n"
      "  exit t3 (jump)\n" },
    { "amoadd.w.aqrl x10, x11, (x12)",
      I(.op = RV_OP_AMOADD_W, .rd = 10, .rs1 = 12, .rs2 = 11, .aqrl = 3),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x12\n"
      "  t2:i64 = get x11\n"
      "  t3:i32 = trunc t2\n"
      "  t4:i32 = const 0x3\n"
      "  t5:i32 = call amoadd_w(t1, t3, t4)\n"
      "  t6:i64 = sext t5\n"
      "  set x10, t6\n"
      "  t7:i64 = const 0x10004\n"
      "  exit t7 (jump)\n" },
    { "clzw x10, x11", I(.op = RV_OP_CLZW, .rd = 10, .rs1 = 11),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i32 = trunc t1\n"
      "  t3:i32 = clz t2\n"
      "  t4:i64 = sext t3\n"
      "  set x10, t4\n"
      "  t5:i64 = const 0x10004\n"
      "  exit t5 (jump)\n" },
    /* more edge cases: x0 destinations, exits, W/unsigned, boxing */
    { "lb x0, 1(x5)", I(.op = RV_OP_LB, .rd = 0, .rs1 = 5, .imm = 1),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x5\n"
      "  t2:i64 = const 0x1\n"
      "  t3:i64 = add t1, t2\n"
      "  t4:i64 = load.1.s t3\n"
      "  t5:i64 = const 0x10004\n"
      "  exit t5 (jump)\n" },
    { "addi x0, x0, 0", I(.op = RV_OP_ADDI),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (jump)\n" },
    { "jal x1, 2048", I(.op = RV_OP_JAL, .rd = 1, .imm = 2048),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = const 0x10004\n"
      "  set x1, t1\n"
      "  t2:i64 = const 0x10800\n"
      "  exit t2 (call)\n" },
    { "jalr x1, -4(x1)", I(.op = RV_OP_JALR, .rd = 1, .rs1 = 1, .imm = -4),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x1\n"
      "  t2:i64 = const 0xfffffffffffffffc\n"
      "  t3:i64 = add t1, t2\n"
      "  t4:i64 = const 0xfffffffffffffffe\n"
      "  t5:i64 = and t3, t4\n"
      "  t6:i64 = const 0x10004\n"
      "  set x1, t6\n"
      "  exit t5 (icall)\n" },
    { "jalr x0, 0(x6)", I(.op = RV_OP_JALR, .rd = 0, .rs1 = 6),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x6\n"
      "  t2:i64 = const 0xfffffffffffffffe\n"
      "  t3:i64 = and t1, t2\n"
      "  exit t3 (indirect)\n" },
    { "c.jalr x7 (len 2)", { .op = RV_OP_JALR, .len = 2, .rd = 1, .rs1 = 7 },
      "; insn 0x10000 len 2\n"
      "  t1:i64 = get x7\n"
      "  t2:i64 = const 0xfffffffffffffffe\n"
      "  t3:i64 = and t1, t2\n"
      "  t4:i64 = const 0x10002\n"
      "  set x1, t4\n"
      "  exit t3 (icall)\n" },
    { "divuw x10, x11, x12", I(.op = RV_OP_DIVUW, .rd = 10, .rs1 = 11, .rs2 = 12),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i32 = trunc t1\n"
      "  t3:i64 = get x12\n"
      "  t4:i32 = trunc t3\n"
      "  t5:i32 = const 0x0\n"
      "  t6:i1 = cmp.eq t4, t5\n"
      "  t7:i32 = const 0x1\n"
      "  t8:i32 = select t6, t7, t4\n"
      "  t9:i32 = divu t2, t8\n"
      "  t10:i32 = const 0xffffffff\n"
      "  t11:i32 = select t6, t10, t9\n"
      "  t12:i64 = sext t11\n"
      "  set x10, t12\n"
      "  t13:i64 = const 0x10004\n"
      "  exit t13 (jump)\n" },
    { "remw x10, x11, x12", I(.op = RV_OP_REMW, .rd = 10, .rs1 = 11, .rs2 = 12),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i32 = trunc t1\n"
      "  t3:i64 = get x12\n"
      "  t4:i32 = trunc t3\n"
      "  t5:i32 = const 0x0\n"
      "  t6:i1 = cmp.eq t4, t5\n"
      "  t7:i32 = const 0x1\n"
      "  t8:i32 = select t6, t7, t4\n"
      "  t9:i32 = const 0xffffffff\n"
      "  t10:i1 = cmp.eq t4, t9\n"
      "  t11:i32 = select t10, t7, t8\n"
      "  t12:i32 = rem t2, t11\n"
      "  t13:i32 = select t6, t2, t12\n"
      "  t14:i64 = sext t13\n"
      "  set x10, t14\n"
      "  t15:i64 = const 0x10004\n"
      "  exit t15 (jump)\n" },
    { "sraiw x10, x11, 31", I(.op = RV_OP_SRAIW, .rd = 10, .rs1 = 11, .imm = 31),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i32 = trunc t1\n"
      "  t3:i32 = const 0x1f\n"
      "  t4:i32 = sar t2, t3\n"
      "  t5:i64 = sext t4\n"
      "  set x10, t5\n"
      "  t6:i64 = const 0x10004\n"
      "  exit t6 (jump)\n" },
    { "sb x11, 0(x10)", I(.op = RV_OP_SB, .rs1 = 10, .rs2 = 11),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x10\n"
      "  t2:i64 = get x11\n"
      "  store.1 t1, t2\n"
      "  t3:i64 = const 0x10004\n"
      "  exit t3 (jump)\n" },
    { "fsw f2, 4(x2)", I(.op = RV_OP_FSW, .rs1 = 2, .rs2 = 2, .imm = 4),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x2\n"
      "  t2:i64 = const 0x4\n"
      "  t3:i64 = add t1, t2\n"
      "  t4:i64 = get f2\n"
      "  store.4 t3, t4\n"
      "  t5:i64 = const 0x10004\n"
      "  exit t5 (jump)\n" },
    { "fmv.x.w x10, f1", I(.op = RV_OP_FMV_X_W, .rd = 10, .rs1 = 1),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get f1\n"
      "  t2:i32 = trunc t1\n"
      "  t3:i64 = sext t2\n"
      "  set x10, t3\n"
      "  t4:i64 = const 0x10004\n"
      "  exit t4 (jump)\n" },
    { "fcvt.w.s x0, f1, rtz", I(.op = RV_OP_FCVT_W_S, .rd = 0, .rs1 = 1, .rm = 1),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get f1\n"
      "  t2:i64 = const 0xffffffff00000000\n"
      "  t3:i1 = cmp.uge t1, t2\n"
      "  t4:i32 = trunc t1\n"
      "  t5:i32 = const 0x7fc00000\n"
      "  t6:i32 = select t3, t4, t5\n"
      "  t7:f32 = bitcast t6\n"
      "  t8:i32 = const 0x1\n"
      "  t9:i32 = call fcvt_w_s(t7, t8)\n"
      "  t10:i64 = const 0x10004\n"
      "  exit t10 (jump)\n" },
    { "fcvt.d.lu f1, x10, rne", I(.op = RV_OP_FCVT_D_LU, .rd = 1, .rs1 = 10, .rm = 0),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x10\n"
      "  t2:i32 = const 0x0\n"
      "  t3:f64 = call fcvt_d_lu(t1, t2)\n"
      "  t4:i64 = bitcast t3\n"
      "  set f1, t4\n"
      "  t5:i64 = const 0x10004\n"
      "  exit t5 (jump)\n" },
    { "fnmadd.d f0, f1, f2, f3, dyn",
      I(.op = RV_OP_FNMADD_D, .rd = 0, .rs1 = 1, .rs2 = 2, .rs3 = 3, .rm = 7),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get f1\n"
      "  t2:f64 = bitcast t1\n"
      "  t3:i64 = get f2\n"
      "  t4:f64 = bitcast t3\n"
      "  t5:i64 = get f3\n"
      "  t6:f64 = bitcast t5\n"
      "  t7:i32 = const 0x7\n"
      "  t8:f64 = call fnmadd_d(t2, t4, t6, t7)\n"
      "  t9:i64 = bitcast t8\n"
      "  set f0, t9\n"
      "  t10:i64 = const 0x10004\n"
      "  exit t10 (jump)\n" },
    { "csrrw x0, frm, x11", I(.op = RV_OP_CSRRW, .rd = 0, .rs1 = 11, .csr = 0x002),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i32 = const 0x2\n"
      "  call csr_write(t2, t1)\n"
      "  t3:i64 = const 0x10004\n"
      "  exit t3 (jump)\n" },
    { "csrrci x10, fflags, 1", I(.op = RV_OP_CSRRCI, .rd = 10, .imm = 1, .csr = 0x001),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = const 0x1\n"
      "  t2:i32 = const 0x1\n"
      "  t3:i64 = call csr_read(t2)\n"
      "  t4:i64 = not t1\n"
      "  t5:i64 = and t3, t4\n"
      "  call csr_write(t2, t5)\n"
      "  set x10, t3\n"
      "  t6:i64 = const 0x10004\n"
      "  exit t6 (jump)\n" },
    { "sc.d.rl x10, x11, (x12)",
      I(.op = RV_OP_SC_D, .rd = 10, .rs1 = 12, .rs2 = 11, .aqrl = 1),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x12\n"
      "  t2:i64 = get x11\n"
      "  t3:i32 = const 0x1\n"
      "  t4:i64 = call sc_d(t1, t2, t3)\n"
      "  set x10, t4\n"
      "  t5:i64 = const 0x10004\n"
      "  exit t5 (jump)\n" },
    { "fence rw, rw", I(.op = RV_OP_FENCE, .imm = 0x033),
      "; insn 0x10000 len 4\n"
      "  fence.seq\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (jump)\n" },
    { "fence r, rw", I(.op = RV_OP_FENCE, .imm = 0x023),
      "; insn 0x10000 len 4\n"
      "  fence.acq\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (jump)\n" },
    { "fence w, w", I(.op = RV_OP_FENCE, .imm = 0x011),
      "; insn 0x10000 len 4\n"
      "  fence.rel\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (jump)\n" },
    { "fence.tso", I(.op = RV_OP_FENCE_TSO, .imm = 0x833),
      "; insn 0x10000 len 4\n"
      "  fence.acqrel\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (jump)\n" },
    { "pause (fence w, 0)", I(.op = RV_OP_FENCE, .imm = 0x010),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (jump)\n" },
    { "fence.i", I(.op = RV_OP_FENCE_I),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (sync)\n" },
    { "ecall", I(.op = RV_OP_ECALL, .raw = 0x73),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = const 0x10004\n"
      "  exit t1 (syscall)\n" },
    { "ebreak", I(.op = RV_OP_EBREAK, .raw = 0x100073),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = const 0x10000\n"
      "  t2:i64 = const 0x10000\n"
      "  exit t2 (trap cause=3 tval=t1)\n" },
    { "illegal 0x0000", { .op = RV_OP_ILLEGAL, .len = 2, .raw = 0 },
      "; insn 0x10000 len 2\n"
      "  t1:i64 = const 0x0\n"
      "  t2:i64 = const 0x10000\n"
      "  exit t2 (trap cause=2 tval=t1)\n" },
    { "orc.b x10, x11", I(.op = RV_OP_ORC_B, .rd = 10, .rs1 = 11),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i64 = const 0x7f7f7f7f7f7f7f7f\n"
      "  t3:i64 = and t1, t2\n"
      "  t4:i64 = add t3, t2\n"
      "  t5:i64 = or t4, t1\n"
      "  t6:i64 = const 0x7\n"
      "  t7:i64 = shr t5, t6\n"
      "  t8:i64 = const 0x101010101010101\n"
      "  t9:i64 = and t7, t8\n"
      "  t10:i64 = const 0xff\n"
      "  t11:i64 = mul t9, t10\n"
      "  set x10, t11\n"
      "  t12:i64 = const 0x10004\n"
      "  exit t12 (jump)\n" },
    { "bclri x10, x11, 63", I(.op = RV_OP_BCLRI, .rd = 10, .rs1 = 11, .imm = 63),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i64 = const 0x7fffffffffffffff\n"
      "  t3:i64 = and t1, t2\n"
      "  set x10, t3\n"
      "  t4:i64 = const 0x10004\n"
      "  exit t4 (jump)\n" },
    { "sh2add.uw x10, x11, x12", I(.op = RV_OP_SH2ADD_UW, .rd = 10, .rs1 = 11, .rs2 = 12),
      "; insn 0x10000 len 4\n"
      "  t1:i64 = get x11\n"
      "  t2:i64 = get x12\n"
      "  t3:i32 = trunc t1\n"
      "  t4:i64 = zext t3\n"
      "  t5:i64 = const 0x2\n"
      "  t6:i64 = shl t4, t5\n"
      "  t7:i64 = add t6, t2\n"
      "  set x10, t7\n"
      "  t8:i64 = const 0x10004\n"
      "  exit t8 (jump)\n" },
};

#undef I

static void test_golden_text(void **state)
{
    (void)state;
    bool dump = getenv("FVP_LOWER_DUMP") != NULL;
    unsigned bad = 0;
    IrBlock b;
    ir_block_init(&b, rv_env(), PC);
    for (size_t i = 0; i < sizeof golden / sizeof golden[0]; i++) {
        lower_and_check(&b, &golden[i].in, PC, golden[i].name);
        char *got = block_text(&b);
        if (dump)
            printf("=== %s\n%s", golden[i].name, got);
        if (strcmp(got, golden[i].text) != 0) {
            print_error("golden %s:\n--- want\n%s--- got\n%s", golden[i].name,
                        golden[i].text, got);
            bad++;
        }
        free(got);
    }
    ir_block_free(&b);
    assert_int_equal(bad, 0);
}

/* ---- helper table ------------------------------------------------------ */

static void test_helper_table(void **state)
{
    (void)state;
    const IrEnv *env = rv_env();
    assert_int_equal(env->nhelpers, RV_NHELPERS);
    assert_int_equal(env->nregs, RV_NREGS);
    assert_true(env->regs[0].zero);
    assert_string_equal(env->regs[RV_REG_X0 + 31].name, "x31");
    assert_string_equal(env->regs[RV_REG_F0 + 0].name, "f0");
    for (unsigned i = 0; i < env->nhelpers; i++) {
        const IrHelperInfo *h = &env->helpers[i];
        assert_non_null(h->name);
        assert_true(h->nargs <= 4);
        assert_true(h->flags != 0);
        for (unsigned a = 0; a < 4; a++) {
            if (a < h->nargs)
                assert_true(h->args[a] != IR_VOID && h->args[a] < IR_NTYPES);
            else
                assert_int_equal(h->args[a], IR_VOID);
        }
        for (unsigned j = 0; j < i; j++)
            assert_string_not_equal(h->name, env->helpers[j].name);
    }
    assert_string_equal(env->helpers[RV_HELPER_fmadd_d].name, "fmadd_d");
    assert_int_equal(env->helpers[RV_HELPER_fmadd_d].nargs, 4);
    assert_int_equal(env->helpers[RV_HELPER_csr_write].ret, IR_VOID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_op_verifies),
        cmocka_unit_test(test_no_op_unimplemented),
        cmocka_unit_test(test_illegal_traps),
        cmocka_unit_test(test_all_compressed_encodings),
        cmocka_unit_test(test_sampled_32bit_encodings),
        cmocka_unit_test(test_real_encodings),
        cmocka_unit_test(test_lift_blocks),
        cmocka_unit_test(test_semantics),
        cmocka_unit_test(test_csr_side_effects),
        cmocka_unit_test(test_golden_text),
        cmocka_unit_test(test_helper_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

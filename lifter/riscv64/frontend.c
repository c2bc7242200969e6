/*
 * The riscv64 FvpFrontend: register file and helper table of the IR, and
 * thin wrappers of the decoder, disassembler and lowering.
 */
#include "frontend.h"

#include "riscv64/rv64.h"
#include "riscv64/rv64_helpers.h"

/* x0..x31 then f0..f31, all i64; f registers hold raw bits (singles
 * NaN-boxed).  Architectural names keep IR text unambiguous. */
#define RV_X(n) { "x" #n, IR_I64, (n) == 0 }
#define RV_F(n) { "f" #n, IR_I64, false }
static const IrRegInfo rv64_regs[RV_NREGS] = {
    RV_X(0),  RV_X(1),  RV_X(2),  RV_X(3),  RV_X(4),  RV_X(5),  RV_X(6),
    RV_X(7),  RV_X(8),  RV_X(9),  RV_X(10), RV_X(11), RV_X(12), RV_X(13),
    RV_X(14), RV_X(15), RV_X(16), RV_X(17), RV_X(18), RV_X(19), RV_X(20),
    RV_X(21), RV_X(22), RV_X(23), RV_X(24), RV_X(25), RV_X(26), RV_X(27),
    RV_X(28), RV_X(29), RV_X(30), RV_X(31),
    RV_F(0),  RV_F(1),  RV_F(2),  RV_F(3),  RV_F(4),  RV_F(5),  RV_F(6),
    RV_F(7),  RV_F(8),  RV_F(9),  RV_F(10), RV_F(11), RV_F(12), RV_F(13),
    RV_F(14), RV_F(15), RV_F(16), RV_F(17), RV_F(18), RV_F(19), RV_F(20),
    RV_F(21), RV_F(22), RV_F(23), RV_F(24), RV_F(25), RV_F(26), RV_F(27),
    RV_F(28), RV_F(29), RV_F(30), RV_F(31),
};
#undef RV_X
#undef RV_F

/* Same expansion of rv64_helpers.def as the prototypes in rv64_helpers.h. */
const IrHelperInfo rv64_helper_info[RV_NHELPERS] = {
#define RVH(hname, hret, a0, a1, a2, a3, hflags)                               \
    [RV_HELPER_##hname] = {                                                    \
        .name = #hname,                                                        \
        .ret = IR_##hret,                                                      \
        .nargs = RVH_USED_##a0 + RVH_USED_##a1 + RVH_USED_##a2 +               \
                 RVH_USED_##a3,                                                \
        .args = { IR_##a0, IR_##a1, IR_##a2, IR_##a3 },                        \
        .flags = (hflags),                                                     \
    },
#include "riscv64/rv64_helpers.def"
#undef RVH
};

static const IrEnv rv64_ir_env = {
    .regs = rv64_regs,
    .nregs = RV_NREGS,
    .helpers = rv64_helper_info,
    .nhelpers = RV_NHELPERS,
};

static unsigned rv64_fe_length(const uint8_t *code, size_t avail)
{
    return rv64_length(code, avail);
}

static unsigned rv64_fe_decode(const uint8_t *code, size_t avail, uint64_t pc,
                               void *out)
{
    return rv64_decode(code, avail, pc, out);
}

/* Decodes consecutive instructions until max, or until the bytes run out. */
static size_t rv64_fe_decode_batch(const uint8_t *code, size_t avail,
                                   uint64_t pc, void *out, size_t max)
{
    RvInsn *insns = out;
    size_t n = 0, off = 0;

    while (n < max && off < avail) {
        unsigned len = rv64_decode(code + off, avail - off, pc + off, &insns[n]);
        if (len == 0)
            break;
        off += len;
        n++;
    }
    return n;
}

static int rv64_fe_to_ir(IrBlock *b, const void *insn, uint64_t pc)
{
    return rv64_to_ir(b, insn, pc);
}

static int rv64_fe_format(const void *insn, uint64_t pc, char *buf, size_t n)
{
    return rv64_format(insn, pc, buf, n);
}

/* The riscv64 frontend (frontend.h). */
const FvpFrontend fvp_frontend_riscv64 = {
    .name = "riscv64",
    .max_insn_len = 4,
    .insn_size = sizeof(RvInsn),
    .ir_env = &rv64_ir_env,
    /* priv 20211203 §3.1.15: code that cannot be read is an instruction
     * access fault */
    .fetch_fault_cause = RV_CAUSE_INSN_ACCESS,
    .length = rv64_fe_length,
    .decode = rv64_fe_decode,
    .decode_batch = rv64_fe_decode_batch,
    .to_ir = rv64_fe_to_ir,
    .format = rv64_fe_format,
};

/*
 * RV64GC -> FVP IR lowering: the one place each RISC-V instruction's meaning
 * is written.  The interpreter and the LLVM translator both execute the IR
 * produced here (DESIGN.md "One source of truth for semantics").
 *
 * Spec references are to the RISC-V unprivileged ISA 20191213 ("unpriv")
 * and the privileged ISA 20211203 ("priv").
 *
 * Rules kept throughout:
 *  - x0 reads as the constant 0 and writes to it are dropped; instructions
 *    with side effects (loads, FP flag updates, CSR reads, AMOs) still run
 *    when rd is x0 (unpriv §2.6: a load to x0 can still fault);
 *  - within one instruction every op that can trap (loads, stores, helpers
 *    with IR_HF_TRAPS) comes before the first IR_SET, so a trap leaves the
 *    architectural registers untouched (ir.h: the executor leaves the block
 *    at the trapping instruction);
 *  - IR_DIV/IR_REM never see a zero divisor or MIN / -1 (ir.h);
 *  - FP values are NaN-unboxed / boxed here, so helpers see plain f32/f64.
 */
#include "riscv64/rv64.h"
#include "riscv64/rv64_helpers.h"

#define RV_BOX_HI   0xffffffff00000000ull /* upper half of a boxed single */
#define RV_QNAN_S   0x7fc00000u           /* canonical single NaN, §11.3 */
#define RV_SIGN_S   0x80000000u
#define RV_SIGN_D   0x8000000000000000ull

/* ---- small builders ------------------------------------------------------ */

/* Constant of integer type t (i32 or i64): v truncated to the width. */
static IrTemp cst(IrBlock *b, IrType t, uint64_t v)
{
    return ir_emit_const(b, t, t == IR_I32 ? (uint32_t)v : v);
}

static IrTemp c64(IrBlock *b, uint64_t v)
{
    return ir_emit_const(b, IR_I64, v);
}

static IrTemp c32(IrBlock *b, uint32_t v)
{
    return ir_emit_const(b, IR_I32, v);
}

static IrTemp bin(IrBlock *b, IrOp op, IrTemp x, IrTemp y)
{
    return ir_emit_bin(b, op, x, y);
}

static IrTemp lo32(IrBlock *b, IrTemp v)
{
    return ir_emit_conv(b, IR_TRUNC, IR_I32, v);
}

static IrTemp sext64(IrBlock *b, IrTemp v)
{
    return ir_emit_conv(b, IR_SEXT, IR_I64, v);
}

static IrTemp zext64(IrBlock *b, IrTemp v)
{
    return ir_emit_conv(b, IR_ZEXT, IR_I64, v);
}

/* ---- guest registers ----------------------------------------------------- */

/* x0 is hard-wired to zero (unpriv §2.1). */
static IrTemp read_x(IrBlock *b, unsigned r)
{
    if (r == 0)
        return c64(b, 0);
    return ir_emit_get(b, RV_REG_X0 + r);
}

static void write_x(IrBlock *b, unsigned r, IrTemp v)
{
    if (r != 0)
        ir_emit_set(b, RV_REG_X0 + r, v);
}

/* Raw 64 bits of f register r. */
static IrTemp read_f_raw(IrBlock *b, unsigned r)
{
    return ir_emit_get(b, RV_REG_F0 + r);
}

/* Bits of the single in f register r: a value whose upper 32 bits are not
 * all ones is read as the canonical NaN (unpriv §12.2 NaN boxing). */
static IrTemp read_f32_bits(IrBlock *b, unsigned r)
{
    IrTemp raw = read_f_raw(b, r);
    IrTemp boxed = ir_emit_cmp(b, IR_UGE, raw, c64(b, RV_BOX_HI));
    IrTemp lo = lo32(b, raw);
    return ir_emit_select(b, boxed, lo, c32(b, RV_QNAN_S));
}

static IrTemp read_f32(IrBlock *b, unsigned r)
{
    return ir_emit_conv(b, IR_BITCAST, IR_F32, read_f32_bits(b, r));
}

static IrTemp read_f64(IrBlock *b, unsigned r)
{
    return ir_emit_conv(b, IR_BITCAST, IR_F64, read_f_raw(b, r));
}

/* Writes a single (i32 bits) NaN-boxed into f register r (§12.2). */
static void write_f32_bits(IrBlock *b, unsigned r, IrTemp bits)
{
    IrTemp v = zext64(b, bits);
    v = bin(b, IR_OR, v, c64(b, RV_BOX_HI));
    ir_emit_set(b, RV_REG_F0 + r, v);
}

static void write_f32(IrBlock *b, unsigned r, IrTemp v)
{
    write_f32_bits(b, r, ir_emit_conv(b, IR_BITCAST, IR_I32, v));
}

static void write_f64(IrBlock *b, unsigned r, IrTemp v)
{
    ir_emit_set(b, RV_REG_F0 + r, ir_emit_conv(b, IR_BITCAST, IR_I64, v));
}

static IrTemp call(IrBlock *b, RvHelper h, const IrTemp *args, unsigned n)
{
    return ir_emit_call(b, (unsigned)h, args, n);
}

/* rs1 + imm, the address of every load/store (unpriv §2.6). */
static IrTemp mem_addr(IrBlock *b, const RvInsn *in)
{
    IrTemp base = read_x(b, in->rs1);
    if (in->imm == 0)
        return base;
    return bin(b, IR_ADD, base, c64(b, (uint64_t)in->imm));
}

/* ---- block ends ---------------------------------------------------------- */

/* Raises an illegal-instruction exception whose tval is the encoding
 * (priv §3.1.16: mtval may hold the faulting instruction bits). */
static int lower_illegal(IrBlock *b, const RvInsn *in, uint64_t pc)
{
    ir_emit_trap(b, pc, RV_CAUSE_ILLEGAL_INSN, c64(b, in->raw));
    return 1;
}

/* ---- integer division (unpriv §7.2, table 7.1) --------------------------- */

enum { DIV_S, DIV_U, REM_S, REM_U };

/*
 * x / y or x % y on x's type, with the RISC-V results for the cases IR
 * division must never see: y == 0 gives quotient all ones and remainder x;
 * y == -1 (signed) is computed as quotient -x (wrapping: MIN / -1 = MIN) and
 * remainder 0, so MIN / -1 never reaches IR_DIV.  The divisor actually
 * divided by is 1 in both cases.
 */
static IrTemp lower_divrem(IrBlock *b, int kind, IrType t, IrTemp x, IrTemp y)
{
    IrTemp zero = ir_emit_cmp(b, IR_EQ, y, cst(b, t, 0));
    IrTemp one = cst(b, t, 1);
    IrTemp safe = ir_emit_select(b, zero, one, y);
    IrTemp neg1 = IR_NO_TEMP, r;

    if (kind == DIV_S || kind == REM_S) {
        neg1 = ir_emit_cmp(b, IR_EQ, y, cst(b, t, UINT64_MAX));
        safe = ir_emit_select(b, neg1, one, safe);
    }
    switch (kind) {
    case DIV_S:
        r = bin(b, IR_DIV, x, safe);
        r = ir_emit_select(b, neg1, ir_emit_un(b, IR_NEG, x), r);
        return ir_emit_select(b, zero, cst(b, t, UINT64_MAX), r);
    case DIV_U:
        r = bin(b, IR_DIVU, x, safe);
        return ir_emit_select(b, zero, cst(b, t, UINT64_MAX), r);
    case REM_S:
        r = bin(b, IR_REM, x, safe); /* x % 1 == 0 covers y == -1 */
        return ir_emit_select(b, zero, x, r);
    default:
        r = bin(b, IR_REMU, x, safe);
        return ir_emit_select(b, zero, x, r);
    }
}

/* ---- FP and atomic ops driven by tables ---------------------------------- */

enum {
    FPK_VALID = 1u << 0, /* entry present */
    FPK_RM    = 1u << 1, /* last helper argument is the rm field */
    FPK_SRC_X = 1u << 2, /* sources are x registers */
    FPK_DST_X = 1u << 3, /* result goes to an x register (I32 results sext) */
};

/* An instruction implemented by one helper call (FP tables and AMOs). */
typedef struct RvHelperOp {
    uint8_t helper; /* RvHelper */
    uint8_t flags;  /* FPK_* */
} RvHelperOp;

_Static_assert(RV_NHELPERS <= 256, "RvHelperOp.helper is a uint8_t");

#define FP_F(op, h)  [RV_OP_##op] = { RV_HELPER_##h, FPK_VALID }
#define FP_FR(op, h) [RV_OP_##op] = { RV_HELPER_##h, FPK_VALID | FPK_RM }
#define FP_XR(op, h) [RV_OP_##op] = { RV_HELPER_##h, FPK_VALID | FPK_RM | FPK_DST_X }
#define FP_X(op, h)  [RV_OP_##op] = { RV_HELPER_##h, FPK_VALID | FPK_DST_X }
#define FP_RX(op, h) [RV_OP_##op] = { RV_HELPER_##h, FPK_VALID | FPK_RM | FPK_SRC_X }

/* The F and D instructions with the same helper set (fclass included), one
 * format at a time: F the opcode suffix (S, D), f the helper suffix. */
#define FP_FMT_OPS(F, f)                                                       \
    FP_FR(FADD_##F, fadd_##f),       FP_FR(FSUB_##F, fsub_##f),                \
    FP_FR(FMUL_##F, fmul_##f),       FP_FR(FDIV_##F, fdiv_##f),                \
    FP_FR(FSQRT_##F, fsqrt_##f),     FP_FR(FMADD_##F, fmadd_##f),              \
    FP_FR(FMSUB_##F, fmsub_##f),     FP_FR(FNMSUB_##F, fnmsub_##f),            \
    FP_FR(FNMADD_##F, fnmadd_##f),   FP_F(FMIN_##F, fmin_##f),                 \
    FP_F(FMAX_##F, fmax_##f),        FP_X(FEQ_##F, feq_##f),                   \
    FP_X(FLT_##F, flt_##f),          FP_X(FLE_##F, fle_##f),                   \
    FP_X(FCLASS_##F, fclass_##f),    FP_XR(FCVT_W_##F, fcvt_w_##f),            \
    FP_XR(FCVT_WU_##F, fcvt_wu_##f), FP_XR(FCVT_L_##F, fcvt_l_##f),            \
    FP_XR(FCVT_LU_##F, fcvt_lu_##f), FP_RX(FCVT_##F##_W, fcvt_##f##_w),        \
    FP_RX(FCVT_##F##_WU, fcvt_##f##_wu), FP_RX(FCVT_##F##_L, fcvt_##f##_l),    \
    FP_RX(FCVT_##F##_LU, fcvt_##f##_lu)

/* Every FP instruction that needs exact rounding or fflags (unpriv ch. 11,
 * 12): a helper whose argument and result types say how to read the
 * sources (rs1, rs2, rs3 in order) and where the result goes. */
static const RvHelperOp rv_fp_ops[RV_NOPS] = {
    FP_FMT_OPS(S, s),
    FP_FMT_OPS(D, d),
    FP_FR(FCVT_S_D, fcvt_s_d),   FP_FR(FCVT_D_S, fcvt_d_s),
};

/* LR/SC and the AMOs of one width: W the opcode suffix, w the helper's. */
#define AMO_WIDTH_OPS(W, w)                                                    \
    FP_F(LR_##W, lr_##w),             FP_F(SC_##W, sc_##w),                    \
    FP_F(AMOSWAP_##W, amoswap_##w),   FP_F(AMOADD_##W, amoadd_##w),            \
    FP_F(AMOXOR_##W, amoxor_##w),     FP_F(AMOAND_##W, amoand_##w),            \
    FP_F(AMOOR_##W, amoor_##w),       FP_F(AMOMIN_##W, amomin_##w),            \
    FP_F(AMOMAX_##W, amomax_##w),     FP_F(AMOMINU_##W, amominu_##w),          \
    FP_F(AMOMAXU_##W, amomaxu_##w)

/* Each LR/SC/AMO and its helper (unpriv ch. 8). */
static const RvHelperOp rv_amo_ops[RV_NOPS] = {
    AMO_WIDTH_OPS(W, w),
    AMO_WIDTH_OPS(D, d),
};

#undef FP_FMT_OPS
#undef AMO_WIDTH_OPS
#undef FP_F
#undef FP_FR
#undef FP_XR
#undef FP_X
#undef FP_RX

/* A helper-based FP instruction: sources unboxed/typed per the helper's
 * signature, rm passed as an i32 constant, the result boxed or sign-extended
 * into rd.  The helper runs even when rd is x0 (it may set fflags). */
static void lower_fp_helper(IrBlock *b, const RvInsn *in, RvHelperOp fo)
{
    const IrHelperInfo *hi = &rv64_helper_info[fo.helper];
    const uint8_t srcs[3] = { in->rs1, in->rs2, in->rs3 };
    unsigned nsrc = hi->nargs - ((fo.flags & FPK_RM) ? 1 : 0);
    IrTemp args[4], r;
    unsigned i;

    for (i = 0; i < nsrc && i < 3; i++) {
        uint8_t t = hi->args[i];
        if (fo.flags & FPK_SRC_X) {
            IrTemp x = read_x(b, srcs[i]);
            args[i] = (t == IR_I32) ? lo32(b, x) : x;
        } else {
            args[i] = (t == IR_F32) ? read_f32(b, srcs[i]) : read_f64(b, srcs[i]);
        }
    }
    if (fo.flags & FPK_RM)
        args[i++] = c32(b, in->rm);
    r = call(b, fo.helper, args, i);
    if (fo.flags & FPK_DST_X) {
        if (in->rd == 0)
            return;
        if (hi->ret == IR_I32)
            r = sext64(b, r);
        write_x(b, in->rd, r);
    } else if (hi->ret == IR_F32) {
        write_f32(b, in->rd, r);
    } else {
        write_f64(b, in->rd, r);
    }
}

/* LR/SC/AMO: helper(addr, [value,] aqrl).  The helper implements the aq/rl
 * ordering and the misalignment trap; 32-bit results are sign-extended
 * (unpriv §8.4: AMOs sign-extend the loaded word into rd). */
static void lower_amo(IrBlock *b, const RvInsn *in, RvHelperOp ao)
{
    const IrHelperInfo *hi = &rv64_helper_info[ao.helper];
    IrTemp args[3], r;
    unsigned n = 0;

    args[n++] = read_x(b, in->rs1);
    if (hi->nargs == 3) {
        IrTemp v = read_x(b, in->rs2);
        args[n++] = (hi->args[1] == IR_I32) ? lo32(b, v) : v;
    }
    args[n++] = c32(b, in->aqrl);
    r = call(b, ao.helper, args, n);
    if (hi->ret == IR_I32)
        r = sext64(b, r);
    write_x(b, in->rd, r);
}

/* ---- Zicsr (unpriv ch. 9) ------------------------------------------------ */

/*
 * csrrw[i]: with rd = x0 the CSR is not read (no read side effects).
 * csrrs[i]/csrrc[i]: with rs1 = x0 / zimm = 0 the CSR is not written (no
 * write side effects, no trap on read-only CSRs).  rd is written last, after
 * both helpers (either may trap).
 */
static void lower_csr(IrBlock *b, const RvInsn *in)
{
    bool imm = in->op == RV_OP_CSRRWI || in->op == RV_OP_CSRRSI ||
               in->op == RV_OP_CSRRCI;
    bool rw = in->op == RV_OP_CSRRW || in->op == RV_OP_CSRRWI;
    bool set = in->op == RV_OP_CSRRS || in->op == RV_OP_CSRRSI;
    bool src_zero = imm ? in->imm == 0 : in->rs1 == 0;
    bool do_write = rw || !src_zero;
    IrTemp v = IR_NO_TEMP, csr, old = IR_NO_TEMP, args[2];

    if (do_write)
        v = imm ? c64(b, (uint64_t)in->imm) : read_x(b, in->rs1);
    csr = c32(b, in->csr);

    if (!rw || in->rd != 0)
        old = call(b, RV_HELPER_csr_read, &csr, 1);
    if (do_write) {
        IrTemp nv = v;
        if (!rw)
            nv = set ? bin(b, IR_OR, old, v)
                     : bin(b, IR_AND, old, ir_emit_un(b, IR_NOT, v));
        args[0] = csr;
        args[1] = nv;
        call(b, RV_HELPER_csr_write, args, 2);
    }
    if (old != IR_NO_TEMP)
        write_x(b, in->rd, old);
}

/* ---- control transfer (unpriv §2.5) -------------------------------------- */

static bool is_link(unsigned r)
{
    return r == 1 || r == 5;
}

/* jal: reason CALL when the link register is x1/x5 (RAS push, table 2.1). */
static int lower_jal(IrBlock *b, const RvInsn *in, uint64_t pc)
{
    if (in->rd != 0)
        write_x(b, in->rd, c64(b, pc + in->len));
    ir_emit_exit_const(b, pc + (uint64_t)in->imm,
                       is_link(in->rd) ? IR_EXIT_CALL : IR_EXIT_JUMP);
    return 1;
}

/*
 * jalr: target (rs1 + imm) & ~1 from rs1 read before rd is written.  Exit
 * reason from the return-address-stack hints of table 2.1: rd a link
 * register -> push (ICALL, also the pop+push coroutine case); otherwise rs1
 * a link register -> pop (RETURN); otherwise INDIRECT.
 */
static int lower_jalr(IrBlock *b, const RvInsn *in, uint64_t pc)
{
    IrTemp t = read_x(b, in->rs1);
    IrExitReason why;

    if (in->imm != 0)
        t = bin(b, IR_ADD, t, c64(b, (uint64_t)in->imm));
    t = bin(b, IR_AND, t, c64(b, ~(uint64_t)1));
    if (in->rd != 0)
        write_x(b, in->rd, c64(b, pc + in->len));
    if (is_link(in->rd))
        why = IR_EXIT_ICALL;
    else if (is_link(in->rs1))
        why = IR_EXIT_RETURN;
    else
        why = IR_EXIT_INDIRECT;
    ir_emit_exit(b, t, why);
    return 1;
}

static int lower_branch(IrBlock *b, const RvInsn *in, uint64_t pc, IrCond c)
{
    IrTemp x = read_x(b, in->rs1);
    IrTemp y = read_x(b, in->rs2);
    ir_emit_branch(b, ir_emit_cmp(b, c, x, y), pc + (uint64_t)in->imm,
                   IR_EXIT_BRANCH);
    ir_emit_exit_const(b, pc + in->len, IR_EXIT_JUMP);
    return 1;
}

/*
 * fence / fence.tso (unpriv §2.7, ch. 14 RVWMO).  I/O bits count as R/W.
 * Only earlier reads to order (pred in {r}): an acquire fence suffices;
 * only later writes (succ in {w}): a release fence; anything ordering a
 * write before a read needs SEQ.  fence.tso orders R->RW and RW->W, an
 * acquire+release fence without store->load order: IR_FENCE_ACQ_REL (on
 * x86-TSO that costs nothing, where SEQ is an mfence).
 * A fence with an empty predecessor or successor set orders nothing (e.g.
 * pause, a HINT) and emits no IR.
 */
static void lower_fence(IrBlock *b, const RvInsn *in)
{
    unsigned pred = ((unsigned)in->imm >> 4) & 0xf;
    unsigned succ = (unsigned)in->imm & 0xf;
    unsigned kind = 0;

    if (in->op == RV_OP_FENCE_TSO) {
        kind = IR_FENCE_ACQ_REL;
    } else if (pred != 0 && succ != 0) {
        bool pw = pred & 0x5; /* O|W */
        bool sr = succ & 0xa; /* I|R */
        kind = !pw ? IR_FENCE_ACQ : !sr ? IR_FENCE_REL : IR_FENCE_SEQ;
    }
    if (kind != 0)
        ir_emit_fence(b, kind);
}

/* ---- integer ops --------------------------------------------------------- */

/* orc.b (Zbb): each byte becomes 0xff if non-zero, else 0.  Per byte,
 * (x & 0x7f) + 0x7f sets bit 7 iff the low seven bits are non-zero (no carry
 * out of the byte); or-ing x adds bit 7 itself; spread bit 7 to the byte. */
static IrTemp lower_orc_b(IrBlock *b, IrTemp x)
{
    const uint64_t m7f = 0x7f7f7f7f7f7f7f7full, m01 = 0x0101010101010101ull;
    IrTemp k7f = c64(b, m7f);
    IrTemp y = bin(b, IR_AND, x, k7f);
    y = bin(b, IR_ADD, y, k7f);
    y = bin(b, IR_OR, y, x);
    y = bin(b, IR_SHR, y, c64(b, 7));
    y = bin(b, IR_AND, y, c64(b, m01));
    return bin(b, IR_MUL, y, c64(b, 0xff));
}

/* Operand forms of the pure integer instructions: which operands are read
 * (in this order) before the operation.  INT_W: 32-bit operation, operands
 * truncated to i32 and the result sign-extended (unpriv §5.2). */
enum {
    INT_U = 1,  /* no register operand (lui, auipc) */
    INT_R1,     /* x = rs1 */
    INT_RR,     /* x = rs1, y = rs2 */
    INT_RI,     /* x = rs1, y = imm */
    INT_FORM = 7,
    INT_W = 8,
};

typedef struct RvIntOp {
    uint8_t form;   /* INT_* */
    uint8_t irop;   /* IrOp for the plain binary ops, else 0 (IR_INSN) */
} RvIntOp;

#define RR(op, ir)  [RV_OP_##op] = { INT_RR, IR_##ir }
#define RI(op, ir)  [RV_OP_##op] = { INT_RI, IR_##ir }
#define RRW(op, ir) [RV_OP_##op] = { INT_RR | INT_W, IR_##ir }
#define RIW(op, ir) [RV_OP_##op] = { INT_RI | INT_W, IR_##ir }
#define SP(op, f)   [RV_OP_##op] = { f, 0 }

/* RV64I ALU, M, Zba, Zbb, Zbs, lui/auipc.  IR shifts and rotates take the
 * amount modulo the width, which is RV's use of the low 6 (W: 5) bits. */
static const RvIntOp rv_int_ops[RV_NOPS] = {
    SP(LUI, INT_U),      SP(AUIPC, INT_U),
    RR(ADD, ADD),        RR(SUB, SUB),        RR(SLL, SHL),
    RR(XOR, XOR),        RR(SRL, SHR),        RR(SRA, SAR),
    RR(OR, OR),          RR(AND, AND),        RR(MUL, MUL),
    RR(MULH, MULHS),     RR(MULHSU, MULHSU),  RR(MULHU, MULHU),
    RR(ROL, ROTL),       RR(ROR, ROTR),
    RI(ADDI, ADD),       RI(XORI, XOR),       RI(ORI, OR),
    RI(ANDI, AND),       RI(SLLI, SHL),       RI(SRLI, SHR),
    RI(SRAI, SAR),       RI(RORI, ROTR),
    RRW(ADDW, ADD),      RRW(SUBW, SUB),      RRW(SLLW, SHL),
    RRW(SRLW, SHR),      RRW(SRAW, SAR),      RRW(MULW, MUL),
    RRW(ROLW, ROTL),     RRW(RORW, ROTR),
    RIW(ADDIW, ADD),     RIW(SLLIW, SHL),     RIW(SRLIW, SHR),
    RIW(SRAIW, SAR),     RIW(RORIW, ROTR),
    SP(SLT, INT_RR),     SP(SLTU, INT_RR),    SP(SLTI, INT_RI),
    SP(SLTIU, INT_RI),
    SP(DIV, INT_RR),     SP(DIVU, INT_RR),    SP(REM, INT_RR),
    SP(REMU, INT_RR),
    SP(DIVW, INT_RR | INT_W),  SP(DIVUW, INT_RR | INT_W),
    SP(REMW, INT_RR | INT_W),  SP(REMUW, INT_RR | INT_W),
    SP(ADD_UW, INT_RR),  SP(SH1ADD, INT_RR),  SP(SH2ADD, INT_RR),
    SP(SH3ADD, INT_RR),  SP(SH1ADD_UW, INT_RR), SP(SH2ADD_UW, INT_RR),
    SP(SH3ADD_UW, INT_RR), SP(SLLI_UW, INT_RI),
    SP(ANDN, INT_RR),    SP(ORN, INT_RR),     SP(XNOR, INT_RR),
    SP(CLZ, INT_R1),     SP(CTZ, INT_R1),     SP(CPOP, INT_R1),
    SP(CLZW, INT_R1 | INT_W), SP(CTZW, INT_R1 | INT_W),
    SP(CPOPW, INT_R1 | INT_W),
    SP(MAX, INT_RR),     SP(MAXU, INT_RR),    SP(MIN, INT_RR),
    SP(MINU, INT_RR),
    SP(SEXT_B, INT_R1),  SP(SEXT_H, INT_R1),  SP(ZEXT_H, INT_R1),
    SP(ORC_B, INT_R1),   SP(REV8, INT_R1),
    SP(BCLR, INT_RR),    SP(BSET, INT_RR),    SP(BINV, INT_RR),
    SP(BEXT, INT_RR),
    SP(BCLRI, INT_R1),   SP(BSETI, INT_R1),   SP(BINVI, INT_R1),
    SP(BEXTI, INT_RI),
};

#undef RR
#undef RI
#undef RRW
#undef RIW
#undef SP

/* Result of the non-table integer ops, on operands x (rs1) and y (rs2 or
 * the immediate), already truncated for W forms. */
static IrTemp lower_int_special(IrBlock *b, const RvInsn *in, uint64_t pc,
                                IrTemp x, IrTemp y)
{
    uint64_t imm = (uint64_t)in->imm;
    IrTemp t;
    IrType wt = (rv_int_ops[in->op].form & INT_W) ? IR_I32 : IR_I64;
    int kind;
    IrCond c;
    unsigned sh;

    switch (in->op) {
    case RV_OP_LUI:   return c64(b, imm);
    case RV_OP_AUIPC: return c64(b, pc + imm);
    case RV_OP_SLT: case RV_OP_SLTI:
        return zext64(b, ir_emit_cmp(b, IR_SLT, x, y));
    case RV_OP_SLTU: case RV_OP_SLTIU:
        return zext64(b, ir_emit_cmp(b, IR_ULT, x, y));
    /* M division (unpriv §7.2) */
    case RV_OP_DIV: case RV_OP_DIVW:   kind = DIV_S; goto divrem;
    case RV_OP_DIVU: case RV_OP_DIVUW: kind = DIV_U; goto divrem;
    case RV_OP_REM: case RV_OP_REMW:   kind = REM_S; goto divrem;
    case RV_OP_REMU: case RV_OP_REMUW: kind = REM_U; goto divrem;
    /* Zba (Bitmanip 1.0.0 §2.1) */
    case RV_OP_ADD_UW:
        return bin(b, IR_ADD, zext64(b, lo32(b, x)), y);
    case RV_OP_SLLI_UW:
        return bin(b, IR_SHL, zext64(b, lo32(b, x)), y);
    case RV_OP_SH1ADD_UW: case RV_OP_SH2ADD_UW: case RV_OP_SH3ADD_UW:
        x = zext64(b, lo32(b, x));
        /* fall through */
    case RV_OP_SH1ADD: case RV_OP_SH2ADD: case RV_OP_SH3ADD:
        sh = (in->op == RV_OP_SH1ADD || in->op == RV_OP_SH1ADD_UW)   ? 1
             : (in->op == RV_OP_SH2ADD || in->op == RV_OP_SH2ADD_UW) ? 2
                                                                     : 3;
        t = bin(b, IR_SHL, x, c64(b, sh));
        return bin(b, IR_ADD, t, y);
    /* Zbb (§2.2) */
    case RV_OP_ANDN: return bin(b, IR_AND, x, ir_emit_un(b, IR_NOT, y));
    case RV_OP_ORN:  return bin(b, IR_OR, x, ir_emit_un(b, IR_NOT, y));
    case RV_OP_XNOR: return ir_emit_un(b, IR_NOT, bin(b, IR_XOR, x, y));
    /* IR_CLZ/IR_CTZ of 0 give the width: 64, or 32 for the W forms */
    case RV_OP_CLZ:  return ir_emit_un(b, IR_CLZ, x);
    case RV_OP_CTZ:  return ir_emit_un(b, IR_CTZ, x);
    case RV_OP_CPOP: return ir_emit_un(b, IR_CPOP, x);
    /* W forms on the low 32 bits; the result (<= 32) is sign-extended by
     * the caller, which equals zero extension here */
    case RV_OP_CLZW:  return ir_emit_un(b, IR_CLZ, x);
    case RV_OP_CTZW:  return ir_emit_un(b, IR_CTZ, x);
    case RV_OP_CPOPW: return ir_emit_un(b, IR_CPOP, x);
    case RV_OP_MAX:  c = IR_SGT; goto minmax;
    case RV_OP_MAXU: c = IR_UGT; goto minmax;
    case RV_OP_MIN:  c = IR_SLT; goto minmax;
    case RV_OP_MINU: c = IR_ULT; goto minmax;
    case RV_OP_SEXT_B: return sext64(b, ir_emit_conv(b, IR_TRUNC, IR_I8, x));
    case RV_OP_SEXT_H: return sext64(b, ir_emit_conv(b, IR_TRUNC, IR_I16, x));
    case RV_OP_ZEXT_H: return zext64(b, ir_emit_conv(b, IR_TRUNC, IR_I16, x));
    case RV_OP_ORC_B:  return lower_orc_b(b, x);
    case RV_OP_REV8:   return ir_emit_un(b, IR_BSWAP, x);
    /* Zbs (§2.4): bit index rs2 mod 64 (IR shifts are mod width) */
    case RV_OP_BCLR:
        t = bin(b, IR_SHL, c64(b, 1), y);
        return bin(b, IR_AND, x, ir_emit_un(b, IR_NOT, t));
    case RV_OP_BSET:
        return bin(b, IR_OR, x, bin(b, IR_SHL, c64(b, 1), y));
    case RV_OP_BINV:
        return bin(b, IR_XOR, x, bin(b, IR_SHL, c64(b, 1), y));
    case RV_OP_BEXT: case RV_OP_BEXTI:
        t = bin(b, IR_SHR, x, y);
        return bin(b, IR_AND, t, c64(b, 1));
    case RV_OP_BCLRI: return bin(b, IR_AND, x, c64(b, ~(1ull << (imm & 63))));
    case RV_OP_BSETI: return bin(b, IR_OR, x, c64(b, 1ull << (imm & 63)));
    case RV_OP_BINVI: return bin(b, IR_XOR, x, c64(b, 1ull << (imm & 63)));
    default:
        return IR_NO_TEMP; /* not reached: every table op is listed */
    }
divrem:
    return lower_divrem(b, kind, wt, x, y);
minmax:
    return ir_emit_select(b, ir_emit_cmp(b, c, x, y), x, y);
}

/*
 * Pure integer instructions (rv_int_ops).  Returns false when op is not one
 * of them.  With rd = x0 they are HINTs / no-ops (unpriv §2.9) and emit
 * nothing.  Operands are read in order (rs1, then rs2 or the immediate) so
 * that the IR text does not depend on C's argument evaluation order.
 */
static bool lower_int(IrBlock *b, const RvInsn *in, uint64_t pc)
{
    RvIntOp io = rv_int_ops[in->op];
    bool w = (io.form & INT_W) != 0;
    IrTemp x = IR_NO_TEMP, y = IR_NO_TEMP, r;

    if (io.form == 0)
        return false;
    if (in->rd == 0)
        return true;
    switch (io.form & INT_FORM) {
    case INT_R1:
        x = read_x(b, in->rs1);
        if (w)
            x = lo32(b, x);
        break;
    case INT_RR:
        x = read_x(b, in->rs1);
        if (w)
            x = lo32(b, x);
        y = read_x(b, in->rs2);
        if (w)
            y = lo32(b, y);
        break;
    case INT_RI:
        x = read_x(b, in->rs1);
        if (w)
            x = lo32(b, x);
        y = w ? c32(b, (uint32_t)in->imm) : c64(b, (uint64_t)in->imm);
        break;
    default:
        break;
    }
    if (io.irop != 0)
        r = bin(b, (IrOp)io.irop, x, y);
    else
        r = lower_int_special(b, in, pc, x, y);
    if (w)
        r = sext64(b, r);
    write_x(b, in->rd, r);
    return true;
}

/* ---- loads, stores, FP moves --------------------------------------------- */

/* Integer/FP loads and stores (unpriv §2.6, §11.5, §12.3).  Misaligned
 * plain accesses are allowed (the user-mode environment emulates them).
 * Returns false when op is not one of them. */
static bool lower_mem(IrBlock *b, const RvInsn *in)
{
    unsigned size, flags = 0;
    IrTemp v;

    switch (in->op) {
    case RV_OP_LB:  size = 1; flags = IR_MEM_SIGNED; goto load;
    case RV_OP_LH:  size = 2; flags = IR_MEM_SIGNED; goto load;
    case RV_OP_LW:  size = 4; flags = IR_MEM_SIGNED; goto load;
    case RV_OP_LD:  size = 8; goto load;
    case RV_OP_LBU: size = 1; goto load;
    case RV_OP_LHU: size = 2; goto load;
    case RV_OP_LWU: size = 4; goto load;
    case RV_OP_SB:  size = 1; goto store;
    case RV_OP_SH:  size = 2; goto store;
    case RV_OP_SW:  size = 4; goto store;
    case RV_OP_SD:  size = 8; goto store;
    case RV_OP_FLW: /* loaded single is NaN-boxed (§12.2) */
        v = ir_emit_load(b, IR_I64, 4, 0, mem_addr(b, in));
        ir_emit_set(b, RV_REG_F0 + in->rd, bin(b, IR_OR, v, c64(b, RV_BOX_HI)));
        return true;
    case RV_OP_FLD:
        v = ir_emit_load(b, IR_I64, 8, 0, mem_addr(b, in));
        ir_emit_set(b, RV_REG_F0 + in->rd, v);
        return true;
    case RV_OP_FSW: /* stores the low 32 bits, no unboxing check (§11.5) */
        v = mem_addr(b, in);
        ir_emit_store(b, 4, 0, v, read_f_raw(b, in->rs2));
        return true;
    case RV_OP_FSD:
        v = mem_addr(b, in);
        ir_emit_store(b, 8, 0, v, read_f_raw(b, in->rs2));
        return true;
    default:
        return false;
    }
load:
    /* the load happens even for rd = x0: it may fault */
    v = ir_emit_load(b, IR_I64, size, flags, mem_addr(b, in));
    write_x(b, in->rd, v);
    return true;
store:
    /* IR stores write the low size bytes of the value */
    v = mem_addr(b, in);
    ir_emit_store(b, size, 0, v, read_x(b, in->rs2));
    return true;
}

/* An integer constant of the width of a single (dbl false: i32) or a double
 * (i64). */
static IrTemp c_fmt(IrBlock *b, bool dbl, uint64_t v)
{
    return dbl ? c64(b, v) : c32(b, (uint32_t)v);
}

/* fsgnj (neither flag), fsgnjn (negate) or fsgnjx (xor_sign) on the raw bits
 * x, y of a single (i32) or a double (dbl, i64): x's magnitude with a sign
 * taken from y. */
static IrTemp fsgnj_bits(IrBlock *b, bool dbl, bool negate, bool xor_sign, IrTemp x, IrTemp y)
{
    uint64_t sign = dbl ? RV_SIGN_D : RV_SIGN_S;
    IrTemp s = bin(b, IR_AND, y, c_fmt(b, dbl, sign));
    if (xor_sign)
        return bin(b, IR_XOR, x, s);
    if (negate)
        s = bin(b, IR_XOR, s, c_fmt(b, dbl, sign));
    return bin(b, IR_OR, bin(b, IR_AND, x, c_fmt(b, dbl, ~sign)), s);
}

/* Sign injection and raw moves (unpriv §11.6, §11.7, §12.5, §12.6): pure
 * bit manipulation.  fsgnj*.s works on unboxed inputs and boxes its result;
 * fmv.x.w sign-extends the low 32 bits with no unboxing check.  Returns
 * false when op is not one of them. */
static bool lower_fp_bits(IrBlock *b, const RvInsn *in)
{
    IrTemp x, y;

    switch (in->op) {
    case RV_OP_FSGNJ_S: case RV_OP_FSGNJN_S: case RV_OP_FSGNJX_S:
        x = read_f32_bits(b, in->rs1);
        y = read_f32_bits(b, in->rs2);
        x = fsgnj_bits(b, false, in->op == RV_OP_FSGNJN_S, in->op == RV_OP_FSGNJX_S, x, y);
        write_f32_bits(b, in->rd, x);
        return true;
    case RV_OP_FSGNJ_D: case RV_OP_FSGNJN_D: case RV_OP_FSGNJX_D:
        x = read_f_raw(b, in->rs1);
        y = read_f_raw(b, in->rs2);
        x = fsgnj_bits(b, true, in->op == RV_OP_FSGNJN_D, in->op == RV_OP_FSGNJX_D, x, y);
        ir_emit_set(b, RV_REG_F0 + in->rd, x);
        return true;
    case RV_OP_FMV_X_W:
        if (in->rd != 0)
            write_x(b, in->rd, sext64(b, lo32(b, read_f_raw(b, in->rs1))));
        return true;
    case RV_OP_FMV_W_X:
        write_f32_bits(b, in->rd, lo32(b, read_x(b, in->rs1)));
        return true;
    case RV_OP_FMV_X_D:
        if (in->rd != 0)
            write_x(b, in->rd, read_f_raw(b, in->rs1));
        return true;
    case RV_OP_FMV_D_X:
        ir_emit_set(b, RV_REG_F0 + in->rd, read_x(b, in->rs1));
        return true;
    default:
        return false;
    }
}

/* ---- entry point --------------------------------------------------------- */

/* Lowers one decoded instruction at pc (rv64.h).  The caller has emitted
 * the IR_INSN marker.  Returns 1 when the block now ends with IR_EXIT. */
int rv64_to_ir(IrBlock *b, const RvInsn *in, uint64_t pc)
{
    if (in->op >= RV_NOPS)
        return lower_illegal(b, in, pc);
    if (lower_int(b, in, pc) || lower_mem(b, in) || lower_fp_bits(b, in))
        return 0;
    if (rv_fp_ops[in->op].flags & FPK_VALID) {
        lower_fp_helper(b, in, rv_fp_ops[in->op]);
        return 0;
    }
    if (rv_amo_ops[in->op].flags & FPK_VALID) {
        lower_amo(b, in, rv_amo_ops[in->op]);
        return 0;
    }

    switch (in->op) {
    case RV_OP_JAL:  return lower_jal(b, in, pc);
    case RV_OP_JALR: return lower_jalr(b, in, pc);
    case RV_OP_BEQ:  return lower_branch(b, in, pc, IR_EQ);
    case RV_OP_BNE:  return lower_branch(b, in, pc, IR_NE);
    case RV_OP_BLT:  return lower_branch(b, in, pc, IR_SLT);
    case RV_OP_BGE:  return lower_branch(b, in, pc, IR_SGE);
    case RV_OP_BLTU: return lower_branch(b, in, pc, IR_ULT);
    case RV_OP_BGEU: return lower_branch(b, in, pc, IR_UGE);
    case RV_OP_CSRRW: case RV_OP_CSRRS: case RV_OP_CSRRC:
    case RV_OP_CSRRWI: case RV_OP_CSRRSI: case RV_OP_CSRRCI:
        lower_csr(b, in);
        return 0;
    case RV_OP_FENCE: case RV_OP_FENCE_TSO:
        /* orders memory in place; does not end the block */
        lower_fence(b, in);
        return 0;
    case RV_OP_FENCE_I:
        /* instruction stream sync (Zifencei §3.1): predecoded code after
         * this point may be stale, so leave and let the executor flush */
        ir_emit_exit_const(b, pc + in->len, IR_EXIT_SYNC);
        return 1;
    case RV_OP_ECALL:
        /* the environment handles it; execution resumes after it */
        ir_emit_exit_const(b, pc + in->len, IR_EXIT_SYSCALL);
        return 1;
    case RV_OP_EBREAK:
        /* breakpoint exception, tval = pc (priv §3.1.16) */
        ir_emit_trap(b, pc, RV_CAUSE_BREAKPOINT, c64(b, pc));
        return 1;
    default:
        return lower_illegal(b, in, pc);
    }
}

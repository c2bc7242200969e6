/*
 * FVP IR — a small typed register-transfer IR.
 *
 * One IrBlock holds the lowering of a straight run of guest instructions.
 * Values live in numbered temps (IrTemp); every temp is written exactly once
 * and before any use (SSA within the block).  Temp 0 is IR_NO_TEMP, never a
 * real value.  Guest state is reached only through IR_GET/IR_SET (registers
 * of the frontend's register file) and IR_CALL (helpers from the frontend's
 * helper table, which receive the vCPU state pointer implicitly).
 *
 * Control flow: the block runs top to bottom.  IR_BRANCH is a side exit (if
 * the condition is true the block is left towards a constant guest PC);
 * IR_EXIT ends the block.  Every block ends with exactly one IR_EXIT.
 *
 * Semantics that the executors (interpreter, LLVM translator) must honour:
 *  - integer arithmetic wraps (two's complement), no poison;
 *  - shift/rotate amounts are taken modulo the operand width;
 *  - IR_DIV/IR_REM (signed) and IR_DIVU/IR_REMU are only ever given a
 *    non-zero divisor and never MIN / -1: the frontend guards them (the
 *    guest's own rule for those cases is written in its lowering);
 *  - IR_CLZ/IR_CTZ of 0 give the operand width; IR_CPOP counts ones;
 *  - floating-point ops are IEEE-754 with round-to-nearest-even and no
 *    flag side effects; exact guest FP (rounding modes, fflags) goes through
 *    helpers instead;
 *  - a helper with IR_HF_TRAPS may raise a guest trap: it records the trap
 *    in the vCPU state and returns; the executor must then leave the block
 *    with reason IR_EXIT_TRAP at the current guest instruction.
 *
 * This header depends on nothing but the C library: lifter/ must not depend
 * on LLVM or on the runtime.
 */
#ifndef FVP_IR_H
#define FVP_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum IrType {
    IR_VOID = 0,
    IR_I1,
    IR_I8,
    IR_I16,
    IR_I32,
    IR_I64,
    IR_F32,
    IR_F64,
    IR_NTYPES
} IrType;

/* A temp number; 0 means "none". */
typedef uint32_t IrTemp;
#define IR_NO_TEMP 0u

/*
 * The opcode table.  IR_OP(name, nargs, kind)
 *   nargs: number of temp operands used in args[]
 *   kind : how the verifier types it (see ir_verify.c)
 */
#define IR_OPS(X)                                                              \
    /* markers and constants */                                                \
    X(INSN,    0, MARK)   /* start of guest insn: imm = pc, aux = length */    \
    X(CONST,   0, CONST)  /* dst = imm (bit pattern, dst type) */              \
    /* guest registers: imm = register index in the frontend's table */        \
    X(GET,     0, GET)    /* dst = reg[imm] */                                 \
    X(SET,     1, SET)    /* reg[imm] = a0 */                                  \
    /* integer arithmetic, all operands and dst of one integer type */         \
    X(ADD,     2, BIN)                                                         \
    X(SUB,     2, BIN)                                                         \
    X(MUL,     2, BIN)                                                         \
    X(MULHS,   2, BIN)    /* high half of signed * signed */                   \
    X(MULHU,   2, BIN)    /* high half of unsigned * unsigned */               \
    X(MULHSU,  2, BIN)    /* high half of signed a0 * unsigned a1 */           \
    X(DIV,     2, BIN)    /* signed; see guards above */                       \
    X(DIVU,    2, BIN)                                                         \
    X(REM,     2, BIN)                                                         \
    X(REMU,    2, BIN)                                                         \
    X(AND,     2, BIN)                                                         \
    X(OR,      2, BIN)                                                         \
    X(XOR,     2, BIN)                                                         \
    X(SHL,     2, SHIFT)  /* a1 any integer type, taken mod width */           \
    X(SHR,     2, SHIFT)  /* logical */                                        \
    X(SAR,     2, SHIFT)  /* arithmetic */                                     \
    X(ROTL,    2, SHIFT)                                                       \
    X(ROTR,    2, SHIFT)                                                       \
    X(NOT,     1, UN)                                                          \
    X(NEG,     1, UN)                                                          \
    X(CLZ,     1, UN)                                                          \
    X(CTZ,     1, UN)                                                          \
    X(CPOP,    1, UN)                                                          \
    X(BSWAP,   1, UN)     /* byte reverse; i16/i32/i64 */                      \
    /* width changes: dst type given, operand another integer type */          \
    X(ZEXT,    1, WIDEN)                                                       \
    X(SEXT,    1, WIDEN)                                                       \
    X(TRUNC,   1, NARROW)                                                      \
    X(BITCAST, 1, BITCAST) /* same width: i32<->f32, i64<->f64 */              \
    /* compare: dst i1, aux = IrCond, operands of one type (int or float) */   \
    X(CMP,     2, CMP)                                                         \
    X(SELECT,  3, SELECT) /* dst = a0 ? a1 : a2; a0 is i1 */                   \
    /* floating point (IEEE, RNE, no flags) */                                 \
    X(FADD,    2, FBIN)                                                        \
    X(FSUB,    2, FBIN)                                                        \
    X(FMUL,    2, FBIN)                                                        \
    X(FDIV,    2, FBIN)                                                        \
    X(FSQRT,   1, FUN)                                                         \
    X(FNEG,    1, FUN)                                                         \
    X(FABS,    1, FUN)                                                         \
    X(FMA,     3, FMA)    /* a0 * a1 + a2, one rounding */                     \
    X(FCVT,    1, FCVT)   /* f32<->f64, int<->float; aux = IR_CVT_* */         \
    /* memory: a0 = guest address (i64); imm = size in bytes (1,2,4,8) */      \
    X(LOAD,    1, LOAD)   /* dst = mem[a0]; aux = IR_MEM_* flags */            \
    X(STORE,   2, STORE)  /* mem[a0] = a1 (low imm bytes) */                   \
    X(FENCE,   0, FENCE)  /* aux = IR_FENCE_* */                               \
    /* helpers: imm = helper index in the frontend's table */                  \
    X(CALL,    4, CALL)   /* dst (or none) = helper(env, args[0..n-1]) */      \
    /* control */                                                              \
    X(BRANCH,  1, BRANCH) /* if a0 (i1): exit to pc imm, aux = IrExitReason */ \
    X(EXIT,    2, EXIT)   /* exit to pc a0 (i64); aux = IrExitReason;          \
                             a1 = trap value (i64) or none; imm = trap cause */

typedef enum IrOp {
#define IR_OP_ENUM(name, nargs, kind) IR_##name,
    IR_OPS(IR_OP_ENUM)
#undef IR_OP_ENUM
    IR_NOPS
} IrOp;

typedef enum IrCond {
    IR_EQ, IR_NE,
    IR_SLT, IR_SLE, IR_SGT, IR_SGE,
    IR_ULT, IR_ULE, IR_UGT, IR_UGE,
    /* float compares: ordered (false if either is NaN) except FUNO */
    IR_FEQ, IR_FLT, IR_FLE, IR_FUNO,
    IR_NCONDS
} IrCond;

/* IR_FCVT kinds: the source/destination types say the widths. */
enum {
    IR_CVT_FF = 0,   /* float -> float (f32 <-> f64) */
    IR_CVT_SF,       /* signed int -> float */
    IR_CVT_UF,       /* unsigned int -> float */
    IR_CVT_FS,       /* float -> signed int, truncating; only in-range inputs */
    IR_CVT_FU,       /* float -> unsigned int, truncating; only in-range inputs */
};

/* IR_LOAD / IR_STORE flags (aux). */
enum {
    IR_MEM_SIGNED  = 1u << 0, /* load: sign-extend to dst type (else zero) */
    IR_MEM_ALIGNED = 1u << 1, /* must be naturally aligned, else guest trap */
};

/* IR_FENCE kinds (aux). */
enum {
    IR_FENCE_ACQ = 1u << 0,               /* earlier loads before later accesses */
    IR_FENCE_REL = 1u << 1,               /* earlier accesses before later stores */
    IR_FENCE_ACQ_REL = IR_FENCE_ACQ | IR_FENCE_REL, /* both; no store->load order */
    IR_FENCE_SEQ = (1u << 2) | IR_FENCE_ACQ_REL,    /* full barrier incl. store->load */
};

/* Why a block is left.  The executor uses it to choose how to go on. */
#define IR_EXIT_REASONS(X)                                                     \
    X(JUMP)      /* direct jump / fall-through to a constant PC */             \
    X(BRANCH)    /* taken conditional branch */                                \
    X(CALL)      /* direct call (link register written) */                     \
    X(ICALL)     /* indirect call */                                           \
    X(RETURN)    /* function return */                                         \
    X(INDIRECT)  /* other indirect jump */                                     \
    X(SYSCALL)   /* ecall: next pc is the insn after the ecall */              \
    X(TRAP)      /* guest exception: next pc = faulting insn, imm = cause */   \
    X(SYNC)      /* fence.i or similar: flush predecoded code, continue */     \
    X(LIMIT)     /* block cut at max length: continue at next pc */

typedef enum IrExitReason {
#define IR_EXIT_ENUM(name) IR_EXIT_##name,
    IR_EXIT_REASONS(IR_EXIT_ENUM)
#undef IR_EXIT_ENUM
    IR_NEXITS
} IrExitReason;

typedef struct IrInsn {
    uint8_t op;       /* IrOp */
    uint8_t type;     /* IrType of dst (or of the stored value for STORE) */
    uint8_t aux;      /* IrCond, IR_MEM_*, IR_CVT_*, IrExitReason, insn length */
    uint8_t nargs;    /* operands used in args[] (for CALL: helper's count) */
    IrTemp dst;       /* IR_NO_TEMP when the op produces nothing */
    IrTemp args[4];
    int64_t imm;      /* constant, pc, register index, helper index, size */
} IrInsn;

/* Frontend's register file, as seen by IR_GET/IR_SET. */
typedef struct IrRegInfo {
    const char *name;
    uint8_t type;        /* IrType */
    bool zero;           /* reads as 0, writes ignored (RISC-V x0) */
} IrRegInfo;

/* Helper flags. */
enum {
    IR_HF_PURE  = 1u << 0, /* no side effects, result depends on args only */
    IR_HF_STATE = 1u << 1, /* reads/writes non-register vCPU state (fflags...) */
    IR_HF_MEM   = 1u << 2, /* accesses guest memory */
    IR_HF_TRAPS = 1u << 3, /* may raise a guest trap */
    IR_HF_REGS  = 1u << 4, /* reads/writes guest registers of the reg table */
};

/* Frontend's helper table entry. */
typedef struct IrHelperInfo {
    const char *name;
    uint8_t ret;         /* IrType, IR_VOID if none */
    uint8_t nargs;
    uint8_t args[4];     /* IrType of each argument */
    uint8_t flags;       /* IR_HF_* */
} IrHelperInfo;

/* What a block's register and helper numbers refer to. */
typedef struct IrEnv {
    const IrRegInfo *regs;
    unsigned nregs;
    const IrHelperInfo *helpers;
    unsigned nhelpers;
} IrEnv;

typedef struct IrBlock {
    uint64_t pc;         /* guest PC of the first instruction */
    uint64_t end_pc;     /* guest PC after the last lowered instruction */
    uint32_t nguest;     /* guest instructions lowered into this block */
    IrInsn *insns;
    uint32_t ninsns, cap_insns;
    uint8_t *temp_type;  /* IrType per temp; [0] unused */
    uint32_t ntemps, cap_temps; /* ntemps counts temp 0 */
    const IrEnv *env;
    int oom;             /* set when an allocation failed; block is unusable */
} IrBlock;

/*
 * Block lifetime.
 * ir_block_init: prepares an empty block for guest pc using env's register
 * and helper tables (env must outlive the block).
 * ir_block_reset: empties it for reuse, keeping its memory.
 * ir_block_free: releases its memory.
 */
void ir_block_init(IrBlock *b, const IrEnv *env, uint64_t pc);
void ir_block_reset(IrBlock *b, uint64_t pc);
void ir_block_free(IrBlock *b);

/*
 * Builder.  Each ir_emit_* appends one instruction and returns its dst temp
 * (IR_NO_TEMP for ops without result).  On allocation failure the block's
 * oom flag is set and IR_NO_TEMP returned; check b->oom once at the end.
 */
IrTemp ir_new_temp(IrBlock *b, IrType type);
IrInsn *ir_append(IrBlock *b, IrOp op);
void ir_emit_insn(IrBlock *b, uint64_t pc, unsigned len);
IrTemp ir_emit_const(IrBlock *b, IrType type, uint64_t value);
IrTemp ir_emit_get(IrBlock *b, unsigned reg);
void ir_emit_set(IrBlock *b, unsigned reg, IrTemp v);
IrTemp ir_emit_bin(IrBlock *b, IrOp op, IrTemp x, IrTemp y);   /* dst type = x's */
IrTemp ir_emit_un(IrBlock *b, IrOp op, IrTemp x);              /* dst type = x's */
IrTemp ir_emit_conv(IrBlock *b, IrOp op, IrType to, IrTemp x); /* ZEXT SEXT TRUNC BITCAST */
IrTemp ir_emit_fcvt(IrBlock *b, unsigned kind, IrType to, IrTemp x);
IrTemp ir_emit_cmp(IrBlock *b, IrCond c, IrTemp x, IrTemp y);
IrTemp ir_emit_select(IrBlock *b, IrTemp c, IrTemp x, IrTemp y);
IrTemp ir_emit_fma(IrBlock *b, IrTemp x, IrTemp y, IrTemp z);
IrTemp ir_emit_load(IrBlock *b, IrType type, unsigned size, unsigned flags, IrTemp addr);
void ir_emit_store(IrBlock *b, unsigned size, unsigned flags, IrTemp addr, IrTemp v);
void ir_emit_fence(IrBlock *b, unsigned kind);
/* args: nargs temps, must match the helper's table entry. */
IrTemp ir_emit_call(IrBlock *b, unsigned helper, const IrTemp *args, unsigned nargs);
void ir_emit_branch(IrBlock *b, IrTemp cond, uint64_t target, IrExitReason why);
void ir_emit_exit(IrBlock *b, IrTemp pc, IrExitReason why);
void ir_emit_exit_const(IrBlock *b, uint64_t pc, IrExitReason why);
void ir_emit_trap(IrBlock *b, uint64_t pc, unsigned cause, IrTemp tval);

/* True when the block already ends with IR_EXIT. */
bool ir_block_terminated(const IrBlock *b);

/*
 * Verifier: checks temps (defined once, before use, in range), operand and
 * result types per opcode, register and helper indices against the block's
 * env, and that the block ends with exactly one IR_EXIT.
 * Returns 0 when the block is well formed, else -EINVAL and writes a one-line
 * reason ("insn 12 (add): operand 2 is i32, expected i64") into err.
 */
int ir_verify(const IrBlock *b, char *err, size_t errlen)
    __attribute__((warn_unused_result));

/*
 * Printer: one instruction per line, e.g.
 *   t3:i64 = add t1, t2
 *   set x10, t3
 *   exit t7 (return)
 * ir_print_insn writes one line (no newline) into buf and returns the length
 * it needed (snprintf convention).  ir_print_block writes the whole block,
 * each line ending in '\n'.
 */
int ir_print_insn(const IrBlock *b, const IrInsn *in, char *buf, size_t n);
void ir_print_block(const IrBlock *b, FILE *out);

/* Names for printing and diagnostics. */
const char *ir_op_name(IrOp op);
const char *ir_type_name(IrType t);
const char *ir_cond_name(IrCond c);
const char *ir_exit_name(IrExitReason r);

#endif /* FVP_IR_H */

/*
 * Internals of the IR interpreter (runtime/interp.c executes, interp_pre.c
 * predecodes): the threaded form an IrBlock is turned into once, when it
 * enters the cache.
 *
 * A PBlock is an array of PInsn, each naming its handler (a label of the
 * executor's computed-goto loop) and its operands as direct pointers: a
 * guest register in the RvCpu, a temp slot of the interpreter, or a
 * constant of the block's pool.  GET/CONST/INSN cost nothing at run time
 * (reads go straight to the register while it is not written meanwhile,
 * constants are pool slots or immediates), a SET right after the op that
 * computes its value becomes that op's destination, and the common shapes
 * of the RISC-V lowering get handlers of their own (op with a constant,
 * 32-bit op + sign extension, compare + branch, load/store with a constant
 * offset).  Everything else runs through interp_eval, the one evaluator of
 * IR ops, which also folds constants here.
 *
 * Exactness: c->pc and c->instret are stored before every access to guest
 * memory and every helper call (the only places that can trap or observe
 * them mid-block); block exits store instret.  A PInsn's pcoff/idx say
 * which guest instruction it belongs to and how many of the block's
 * instructions retired before it.
 */
#ifndef FVP_INTERP_PRIV_H
#define FVP_INTERP_PRIV_H

#include <stdint.h>
#include <string.h>

#include "ir/ir.h"
#include "runtime/cpu.h"

/* Handler kinds (X-macro).  The executor has one label per kind. */
#define PKINDS(X)                                                              \
    /* moves and constants */                                                  \
    X(COPY)    /* d = *a */                                                    \
    X(SETI)    /* d = imm */                                                   \
    X(ANDI)    /* d = *a & imm (also truncation, zext, bitcast) */             \
    /* 64-bit integer ops */                                                   \
    X(ADD) X(SUB) X(MUL) X(AND) X(OR) X(XOR) X(SHL) X(SHR) X(SAR)              \
    X(ADDI) X(ORI) X(XORI) X(SHLI) X(SHRI) X(SARI) /* imm: constant b */       \
    X(MULHS) X(MULHU) X(MULHSU) X(DIV) X(DIVU) X(REM) X(REMU)                  \
    X(SEL)     /* d = *a ? *b : *(const uint64_t *)imm (any type) */            \
    /* 32-bit op whose result is sign-extended to 64 (the W instructions) */   \
    X(ADDW) X(SUBW) X(MULW) X(SHLW) X(SHRW) X(SARW)                            \
    X(ADDWI) X(SHLWI) X(SHRWI) X(SARWI)                                        \
    X(SEXTW)   /* d = sext(low 32 bits of *a) */                               \
    /* 64-bit compares, d = 0/1 */                                             \
    X(CEQ) X(CNE) X(CSLT) X(CSLE) X(CSGT) X(CSGE)                              \
    X(CULT) X(CULE) X(CUGT) X(CUGE)                                            \
    /* side exits: if *a (BR) or *a cond *b (64-bit) leave to imm */           \
    X(BR)                                                                      \
    X(BEQ) X(BNE) X(BSLT) X(BSLE) X(BSGT) X(BSGE)                              \
    X(BULT) X(BULE) X(BUGT) X(BUGE)                                            \
    /* guest memory at *a + imm: loads into a 64-bit temp, stores of *b */     \
    X(LD1U) X(LD1S) X(LD2U) X(LD2S) X(LD4U) X(LD4S) X(LD8)                     \
    X(LDG)     /* any other load: x has size, flags, mask */                   \
    X(ST1) X(ST2) X(ST4) X(ST8)                                                \
    X(FENCE_SEQ) X(FENCE)                                                      \
    /* through interp_eval / a helper trampoline, operands in x */             \
    X(GEN) X(CALL)                                                             \
    /* block ends */                                                           \
    X(EXITC)   /* to constant imm */                                           \
    X(EXITI)   /* to *a; imm/next: the last target and its block */           \
    X(EXITR)   /* to *a, back to exec.c (ecall, fence.i) */                    \
    X(TRAP)    /* guest trap: x has pc, tval; imm = cause */                   \
    X(BADEND)  /* a block without IR_EXIT: illegal instruction */             \
    X(SEG)     /* the block at pc imm follows, appended (idx retired) */

typedef enum PKind {
#define PK_ENUM(name) PK_##name,
    PKINDS(PK_ENUM)
#undef PK_ENUM
    PK_COUNT
} PKind;

typedef struct PBlock PBlock;

/* Operands of the ops that need more than a PInsn holds. */
typedef struct PExt {
    IrInsn in;                /* op, type, aux, nargs, imm of the IR op */
    uint8_t from;             /* IrType of args[0] (SEXT, CMP, FCVT) */
    uint64_t mask;            /* of the result type */
    const uint64_t *arg[4];   /* unused ones point at a zero */
} PExt;

typedef struct PInsn {
    const void *h;            /* handler label; set from kind when linked */
    union {
        uint64_t *d;          /* destination */
        PBlock *next;         /* exits: the target's block, once looked up */
    };
    const uint64_t *a;
    union {
        const uint64_t *b;
        const PExt *x;
    };
    uint64_t imm;
    uint16_t pcoff;           /* guest pc of its instruction - block pc */
    uint16_t idx;             /* instructions retired before it; exits: on leaving */
    uint16_t why;             /* exits: IrExitReason */
    uint16_t kind;            /* PKind */
} PInsn;

struct PBlock {
    uint64_t pc;
    PInsn *code;
    uint32_t ncode;
    uint64_t *pool;           /* constants the operands point at */
    PExt *ext;
    PBlock *more;             /* appended blocks: their pool and ext */
};

/* Where predecoded operands point: the vCPU the block runs on, the
 * interpreter's temp slots (at least as many as the block has temps), a
 * slot that absorbs writes to x0 and a zero. */
typedef struct PTarget {
    RvCpu *cpu;
    uint64_t *temps;
    uint64_t *sink;
    const uint64_t *zero;
} PTarget;

/*
 * Predecodes the lifted block b (well formed per ir_verify) into a new
 * PBlock whose operands point into *t; handlers are left to the caller
 * (PInsn.kind).  Returns NULL when out of memory.  Free with pblock_free.
 */
PBlock *interp_predecode(const IrBlock *b, const PTarget *t);
void pblock_free(PBlock *pb);

/*
 * Appends tail, the block that pb's final exit (an EXITC) jumps to, to pb:
 * the exit becomes a SEG and tail's code follows.  pb takes tail over.
 * Returns 0, or -ENOMEM (then nothing changed and tail is still the
 * caller's).
 */
int pblock_append(PBlock *pb, PBlock *tail) __attribute__((warn_unused_result));

/*
 * The value of the pure IR op in (integer, compare, select, FP and
 * conversion ops) on operand values a0..a2, masked to its result type;
 * from is the type of its first operand.  The one evaluator of IR ops.
 */
uint64_t interp_eval(const IrInsn *in, IrType from, uint64_t a0, uint64_t a1, uint64_t a2);

/* Bit patterns <-> host floating point. */
static inline float bits_f32(uint64_t v)
{
    uint32_t u = (uint32_t)v;
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static inline double bits_f64(uint64_t v)
{
    double d;
    memcpy(&d, &v, 8);
    return d;
}

static inline uint64_t f32_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static inline uint64_t f64_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

/* v sign-extended from its low `bits` bits. */
static inline int64_t sext(uint64_t v, unsigned bits)
{
    return bits >= 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
}

/* High half of a product, and division, of `bits`-bit operands (IR_MULH*,
 * IR_DIV*, IR_REM*). */
static inline uint64_t op_mulh(IrOp op, uint64_t a, uint64_t b, unsigned bits)
{
    if (bits == 64) {
        __int128 r;
        if (op == IR_MULHS)
            r = (__int128)(int64_t)a * (int64_t)b;
        else if (op == IR_MULHSU)
            r = (__int128)(int64_t)a * (__int128)(unsigned __int128)b;
        else
            return (uint64_t)(((unsigned __int128)a * b) >> 64);
        return (uint64_t)(r >> 64);
    }
    int64_t sa = sext(a, bits), sb = sext(b, bits);
    int64_t r;
    if (op == IR_MULHS)
        r = sa * sb;
    else if (op == IR_MULHSU)
        r = sa * (int64_t)b;
    else
        r = (int64_t)(a * b);
    return (uint64_t)r >> bits;
}

static inline uint64_t op_div(IrOp op, uint64_t a, uint64_t b, unsigned bits)
{
    /* The frontend guarantees b != 0 and no MIN/-1 (ir.h); stay defined
     * even for a broken block: never let the host trap. */
    if (b == 0)
        return 0;
    if (op == IR_DIVU)
        return a / b;
    if (op == IR_REMU)
        return a % b;
    int64_t sa = sext(a, bits), sb = sext(b, bits);
    if (sb == -1)
        return op == IR_DIV ? (uint64_t)0 - (uint64_t)sa : 0;
    return op == IR_DIV ? (uint64_t)(sa / sb) : (uint64_t)(sa % sb);
}

#endif /* FVP_INTERP_PRIV_H */

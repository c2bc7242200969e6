/*
 * FVP IR — printer and names.
 *
 * Text form (one instruction per line; stable, used by golden tests):
 *
 *   ; block 0x10078 end 0x10080 nguest 2      header (ir_print_block only)
 *   ; insn 0x10078 len 4                       IR_INSN marker
 *   t2:i64 = const 0x10                        ints: zero-extended hex
 *   t9:f64 = const 0x3ff0000000000000 (0x1p+0) floats: bits, then value (%a)
 *   t1:i64 = get x10                           register name from env
 *   set x10, t3
 *   t3:i64 = add t1, t2                        BIN/SHIFT/UN/FBIN/FUN/FMA ops
 *   t5:i64 = sext t4                           ZEXT/SEXT/TRUNC/BITCAST
 *   t6:f64 = fcvt.sf t5                        kind: ff sf uf fs fu
 *   t4:i1 = cmp.slt t3, t2                     cond names: ir_cond_name
 *   t8:i64 = select t4, t1, t2
 *   t5:i64 = load.8.s.a t3                     size; .s signed, .a aligned
 *   store.4.a t3, t6                           address, value
 *   fence.acq                                  .acq .rel .acqrel .seq
 *   t7:f64 = call fadd_d(t5, t6, t8)           helper name from env
 *   call set_fflags(t2)                        void helper
 *   branch t4, 0x10080 (branch)                cond, target, exit reason
 *   exit t9 (return)                           pc temp, exit reason
 *   exit t3 (trap cause=2 tval=t4)             trap: cause, tval if any
 *
 * ir_print_block indents every line except the "; " comments by two
 * spaces.  The printer is faithful rather than clever: it never folds
 * constants, and it prints even invalid instructions (unknown names as
 * "reg#N", "helper#N", "op#N", "?"; a missing operand as "_") so that a
 * block the verifier rejects can still be shown.
 */
#include "ir/ir.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const ir_op_names[IR_NOPS] = {
    [IR_INSN] = "insn",     [IR_CONST] = "const",   [IR_GET] = "get",
    [IR_SET] = "set",       [IR_ADD] = "add",       [IR_SUB] = "sub",
    [IR_MUL] = "mul",       [IR_MULHS] = "mulhs",   [IR_MULHU] = "mulhu",
    [IR_MULHSU] = "mulhsu", [IR_DIV] = "div",       [IR_DIVU] = "divu",
    [IR_REM] = "rem",       [IR_REMU] = "remu",     [IR_AND] = "and",
    [IR_OR] = "or",         [IR_XOR] = "xor",       [IR_SHL] = "shl",
    [IR_SHR] = "shr",       [IR_SAR] = "sar",       [IR_ROTL] = "rotl",
    [IR_ROTR] = "rotr",     [IR_NOT] = "not",       [IR_NEG] = "neg",
    [IR_CLZ] = "clz",       [IR_CTZ] = "ctz",       [IR_CPOP] = "cpop",
    [IR_BSWAP] = "bswap",   [IR_ZEXT] = "zext",     [IR_SEXT] = "sext",
    [IR_TRUNC] = "trunc",   [IR_BITCAST] = "bitcast", [IR_CMP] = "cmp",
    [IR_SELECT] = "select", [IR_FADD] = "fadd",     [IR_FSUB] = "fsub",
    [IR_FMUL] = "fmul",     [IR_FDIV] = "fdiv",     [IR_FSQRT] = "fsqrt",
    [IR_FNEG] = "fneg",     [IR_FABS] = "fabs",     [IR_FMA] = "fma",
    [IR_FCVT] = "fcvt",     [IR_LOAD] = "load",     [IR_STORE] = "store",
    [IR_FENCE] = "fence",   [IR_CALL] = "call",     [IR_BRANCH] = "branch",
    [IR_EXIT] = "exit",
};

static const char *const ir_type_names[IR_NTYPES] = {
    [IR_VOID] = "void", [IR_I1] = "i1",   [IR_I8] = "i8",   [IR_I16] = "i16",
    [IR_I32] = "i32",   [IR_I64] = "i64", [IR_F32] = "f32", [IR_F64] = "f64",
};

static const char *const ir_cond_names[IR_NCONDS] = {
    [IR_EQ] = "eq",   [IR_NE] = "ne",   [IR_SLT] = "slt", [IR_SLE] = "sle",
    [IR_SGT] = "sgt", [IR_SGE] = "sge", [IR_ULT] = "ult", [IR_ULE] = "ule",
    [IR_UGT] = "ugt", [IR_UGE] = "uge", [IR_FEQ] = "feq", [IR_FLT] = "flt",
    [IR_FLE] = "fle", [IR_FUNO] = "funo",
};

static const char *const ir_exit_names[IR_NEXITS] = {
    [IR_EXIT_JUMP] = "jump",         [IR_EXIT_BRANCH] = "branch",
    [IR_EXIT_CALL] = "call",         [IR_EXIT_ICALL] = "icall",
    [IR_EXIT_RETURN] = "return",     [IR_EXIT_INDIRECT] = "indirect",
    [IR_EXIT_SYSCALL] = "syscall",   [IR_EXIT_TRAP] = "trap",
    [IR_EXIT_SYNC] = "sync",         [IR_EXIT_LIMIT] = "limit",
};

static const char *const ir_cvt_names[] = { "ff", "sf", "uf", "fs", "fu" };

/* Lower-case name of op ("add"), or "?" when op is not an IrOp. */
const char *ir_op_name(IrOp op)
{
    if ((unsigned)op >= IR_NOPS || ir_op_names[op] == NULL)
        return "?";
    return ir_op_names[op];
}

/* Name of type t ("i64"), or "?" when t is not an IrType. */
const char *ir_type_name(IrType t)
{
    if ((unsigned)t >= IR_NTYPES)
        return "?";
    return ir_type_names[t];
}

/* Name of condition c ("slt"), or "?" when c is not an IrCond. */
const char *ir_cond_name(IrCond c)
{
    if ((unsigned)c >= IR_NCONDS)
        return "?";
    return ir_cond_names[c];
}

/* Name of exit reason r ("return"), or "?" when r is not an IrExitReason. */
const char *ir_exit_name(IrExitReason r)
{
    if ((unsigned)r >= IR_NEXITS)
        return "?";
    return ir_exit_names[r];
}

/* An snprintf-style appender that keeps counting past the end of buf. */
typedef struct IrOut {
    char *buf;
    size_t n;
    size_t len;
} IrOut;

__attribute__((format(printf, 2, 3)))
static void ir_out(IrOut *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *dst = o->len < o->n ? o->buf + o->len : NULL;
    size_t room = o->len < o->n ? o->n - o->len : 0;
    int r = vsnprintf(dst, room, fmt, ap);
    va_end(ap);
    if (r > 0)
        o->len += (size_t)r;
}

static void ir_out_temp(IrOut *o, IrTemp t)
{
    if (t == IR_NO_TEMP)
        ir_out(o, "_");
    else
        ir_out(o, "t%" PRIu32, t);
}

static void ir_out_reg(IrOut *o, const IrBlock *b, int64_t reg)
{
    const IrEnv *env = b->env;
    if (env != NULL && reg >= 0 && (uint64_t)reg < env->nregs && env->regs[reg].name != NULL)
        ir_out(o, "%s", env->regs[reg].name);
    else
        ir_out(o, "reg#%" PRId64, reg);
}

static void ir_out_reason(IrOut *o, unsigned why)
{
    if (why < IR_NEXITS)
        ir_out(o, "%s", ir_exit_names[why]);
    else
        ir_out(o, "reason#%u", why);
}

static void ir_out_const(IrOut *o, const IrInsn *in)
{
    uint64_t v = (uint64_t)in->imm;
    ir_out(o, "const 0x%" PRIx64, v);
    if (in->type == IR_F32) {
        uint32_t bits = (uint32_t)v;
        float f;
        memcpy(&f, &bits, sizeof f);
        ir_out(o, " (%a)", (double)f);
    } else if (in->type == IR_F64) {
        double d;
        memcpy(&d, &v, sizeof d);
        ir_out(o, " (%a)", d);
    }
}

/* Operands args[0..n) separated by ", ". */
static void ir_out_args(IrOut *o, const IrInsn *in, unsigned n)
{
    for (unsigned i = 0; i < n && i < 4; i++) {
        if (i > 0)
            ir_out(o, ", ");
        ir_out_temp(o, in->args[i]);
    }
}

static void ir_out_memflags(IrOut *o, unsigned aux)
{
    if (aux & IR_MEM_SIGNED)
        ir_out(o, ".s");
    if (aux & IR_MEM_ALIGNED)
        ir_out(o, ".a");
    if (aux & ~(unsigned)(IR_MEM_SIGNED | IR_MEM_ALIGNED))
        ir_out(o, ".0x%x", aux & ~(unsigned)(IR_MEM_SIGNED | IR_MEM_ALIGNED));
}

/*
 * Writes the text of one instruction (no newline) into buf[0..n), always
 * NUL-terminated when n > 0.  Returns the length the whole line needs, like
 * snprintf.  The syntax is described at the top of this file.
 */
int ir_print_insn(const IrBlock *b, const IrInsn *in, char *buf, size_t n)
{
    IrOut o = { buf, n, 0 };
    if (n > 0)
        buf[0] = '\0';

    if (in->op == IR_INSN) {
        ir_out(&o, "; insn 0x%" PRIx64 " len %u", (uint64_t)in->imm, in->aux);
        return (int)o.len;
    }
    if (in->dst != IR_NO_TEMP) {
        ir_out_temp(&o, in->dst);
        ir_out(&o, ":%s = ", ir_type_name((IrType)in->type));
    }
    if (in->op >= IR_NOPS) {
        ir_out(&o, "op#%u", in->op);
        ir_out(&o, " ");
        ir_out_args(&o, in, in->nargs);
        return (int)o.len;
    }

    const char *name = ir_op_names[in->op];
    switch ((IrOp)in->op) {
    case IR_CONST:
        ir_out_const(&o, in);
        break;
    case IR_GET:
        ir_out(&o, "get ");
        ir_out_reg(&o, b, in->imm);
        break;
    case IR_SET:
        ir_out(&o, "set ");
        ir_out_reg(&o, b, in->imm);
        ir_out(&o, ", ");
        ir_out_temp(&o, in->args[0]);
        break;
    case IR_CMP:
        if (in->aux < IR_NCONDS)
            ir_out(&o, "cmp.%s ", ir_cond_names[in->aux]);
        else
            ir_out(&o, "cmp.cond#%u ", in->aux);
        ir_out_args(&o, in, 2);
        break;
    case IR_FCVT:
        if (in->aux < sizeof ir_cvt_names / sizeof ir_cvt_names[0])
            ir_out(&o, "fcvt.%s ", ir_cvt_names[in->aux]);
        else
            ir_out(&o, "fcvt.kind#%u ", in->aux);
        ir_out_args(&o, in, 1);
        break;
    case IR_LOAD:
    case IR_STORE:
        ir_out(&o, "%s.%" PRId64, name, in->imm);
        ir_out_memflags(&o, in->aux);
        ir_out(&o, " ");
        ir_out_args(&o, in, in->op == IR_LOAD ? 1 : 2);
        break;
    case IR_FENCE:
        if (in->aux == IR_FENCE_ACQ)
            ir_out(&o, "fence.acq");
        else if (in->aux == IR_FENCE_REL)
            ir_out(&o, "fence.rel");
        else if (in->aux == IR_FENCE_ACQ_REL)
            ir_out(&o, "fence.acqrel");
        else if (in->aux == IR_FENCE_SEQ)
            ir_out(&o, "fence.seq");
        else
            ir_out(&o, "fence.0x%x", in->aux);
        break;
    case IR_CALL: {
        const IrEnv *env = b->env;
        if (env != NULL && in->imm >= 0 && (uint64_t)in->imm < env->nhelpers &&
            env->helpers[in->imm].name != NULL)
            ir_out(&o, "call %s(", env->helpers[in->imm].name);
        else
            ir_out(&o, "call helper#%" PRId64 "(", in->imm);
        ir_out_args(&o, in, in->nargs);
        if (in->nargs > 4)
            ir_out(&o, ", ...%u args", in->nargs);
        ir_out(&o, ")");
        break;
    }
    case IR_BRANCH:
        ir_out(&o, "branch ");
        ir_out_temp(&o, in->args[0]);
        ir_out(&o, ", 0x%" PRIx64 " (", (uint64_t)in->imm);
        ir_out_reason(&o, in->aux);
        ir_out(&o, ")");
        break;
    case IR_EXIT:
        ir_out(&o, "exit ");
        ir_out_temp(&o, in->args[0]);
        ir_out(&o, " (");
        ir_out_reason(&o, in->aux);
        if (in->aux == IR_EXIT_TRAP || in->imm != 0)
            ir_out(&o, " cause=%" PRId64, in->imm);
        if (in->args[1] != IR_NO_TEMP) {
            ir_out(&o, " tval=");
            ir_out_temp(&o, in->args[1]);
        }
        ir_out(&o, ")");
        break;
    case IR_INSN:
    case IR_NOPS:
        break;
    default: /* every op with plain operands */
        ir_out(&o, "%s", name);
        if (in->nargs > 0) {
            ir_out(&o, " ");
            ir_out_args(&o, in, in->nargs);
        }
        break;
    }
    return (int)o.len;
}

/*
 * Writes the whole block to out: a "; block" header line, then one line per
 * instruction (markers flush left, others indented two spaces).
 */
void ir_print_block(const IrBlock *b, FILE *out)
{
    char small[256];
    fprintf(out, "; block 0x%" PRIx64 " end 0x%" PRIx64 " nguest %" PRIu32 "\n",
            b->pc, b->end_pc, b->nguest);
    for (uint32_t i = 0; i < b->ninsns; i++) {
        const IrInsn *in = &b->insns[i];
        const char *indent = in->op == IR_INSN ? "" : "  ";
        int len = ir_print_insn(b, in, small, sizeof small);
        if (len >= 0 && (size_t)len < sizeof small) {
            fprintf(out, "%s%s\n", indent, small);
            continue;
        }
        char *big = len > 0 ? malloc((size_t)len + 1) : NULL;
        if (big != NULL) {
            ir_print_insn(b, in, big, (size_t)len + 1);
            fprintf(out, "%s%s\n", indent, big);
            free(big);
        } else {
            fprintf(out, "%s%s...\n", indent, small);
        }
    }
}

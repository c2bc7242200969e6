/*
 * FVP IR — verifier.
 *
 * Checks, for every instruction, by the opcode's kind (third column of
 * IR_OPS):
 *  - the operand count (nargs) and that unused args[] slots are IR_NO_TEMP;
 *  - every operand is a temp in range, defined by an earlier instruction;
 *  - the dst is present exactly for ops with a result, in range, defined
 *    once, and in->type equals its temp type (STORE: in->type is the stored
 *    value's type; other ops without result: IR_VOID);
 *  - operand and result types, aux values, register and helper indices
 *    (rules per kind in ir_verify_kind below);
 *  - the block ends with exactly one IR_EXIT and nothing follows it;
 *  - what can raise a guest trap (LOAD, STORE, CALL of an IR_HF_TRAPS
 *    helper) comes after an IR_INSN marker, so the executor knows the
 *    faulting guest instruction; a BRANCH never has reason IR_EXIT_TRAP
 *    (it carries no cause).
 *
 * Diagnostics are one line: "insn 12 (add): operand 2 is i32, expected i64".
 * Instructions are numbered from 0 (their index in b->insns); operands are
 * numbered from 1 (operand 1 is args[0]).
 */
#include "ir/ir.h"
#include "ir/ir_priv.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef enum IrKind {
#define IR_KIND_ENUM(name) IR_K_##name,
    IR_KIND_ENUM(MARK) IR_KIND_ENUM(CONST) IR_KIND_ENUM(GET) IR_KIND_ENUM(SET)
    IR_KIND_ENUM(BIN) IR_KIND_ENUM(SHIFT) IR_KIND_ENUM(UN) IR_KIND_ENUM(WIDEN)
    IR_KIND_ENUM(NARROW) IR_KIND_ENUM(BITCAST) IR_KIND_ENUM(CMP)
    IR_KIND_ENUM(SELECT) IR_KIND_ENUM(FBIN) IR_KIND_ENUM(FUN) IR_KIND_ENUM(FMA)
    IR_KIND_ENUM(FCVT) IR_KIND_ENUM(LOAD) IR_KIND_ENUM(STORE)
    IR_KIND_ENUM(FENCE) IR_KIND_ENUM(CALL) IR_KIND_ENUM(BRANCH)
    IR_KIND_ENUM(EXIT)
#undef IR_KIND_ENUM
} IrKind;

static const uint8_t ir_kind_of[IR_NOPS] = {
#define IR_OP_KIND(name, nargs, kind) [IR_##name] = IR_K_##kind,
    IR_OPS(IR_OP_KIND)
#undef IR_OP_KIND
};

static const uint8_t ir_nargs_of[IR_NOPS] = {
#define IR_OP_NARGS(name, nargs, kind) [IR_##name] = nargs,
    IR_OPS(IR_OP_NARGS)
#undef IR_OP_NARGS
};

typedef struct IrVerifier {
    const IrBlock *b;
    uint32_t idx;        /* current instruction */
    const IrInsn *in;
    char *err;
    size_t errlen;
    bool in_guest_insn;  /* an IR_INSN marker has been seen */
} IrVerifier;

/* Records the reason for the current instruction; returns -EINVAL. */
__attribute__((format(printf, 2, 3)))
static int ir_fail(IrVerifier *v, const char *fmt, ...)
{
    if (v->err == NULL || v->errlen == 0)
        return -EINVAL;
    int n = snprintf(v->err, v->errlen, "insn %" PRIu32 " (%s): ", v->idx,
                     ir_op_name((IrOp)v->in->op));
    if (n >= 0 && (size_t)n < v->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(v->err + n, v->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -EINVAL;
}

/* Block-level reason (no instruction). */
static int ir_fail_block(IrVerifier *v, const char *msg)
{
    if (v->err != NULL && v->errlen > 0)
        snprintf(v->err, v->errlen, "%s", msg);
    return -EINVAL;
}

/* Type of operand i (already checked to be a defined temp). */
static IrType ir_arg_type(const IrVerifier *v, unsigned i)
{
    return (IrType)v->b->temp_type[v->in->args[i]];
}

/* Operand i must have type want. */
static int ir_want_arg(IrVerifier *v, unsigned i, IrType want)
{
    IrType t = ir_arg_type(v, i);
    if (t != want)
        return ir_fail(v, "operand %u is %s, expected %s", i + 1, ir_type_name(t),
                       ir_type_name(want));
    return 0;
}

/* Operand i must be an integer type. */
static int ir_want_arg_int(IrVerifier *v, unsigned i)
{
    IrType t = ir_arg_type(v, i);
    if (!ir_is_int(t))
        return ir_fail(v, "operand %u is %s, expected an integer type", i + 1,
                       ir_type_name(t));
    return 0;
}

/* Operand i must be a float type. */
static int ir_want_arg_float(IrVerifier *v, unsigned i)
{
    IrType t = ir_arg_type(v, i);
    if (!ir_is_float(t))
        return ir_fail(v, "operand %u is %s, expected a float type", i + 1,
                       ir_type_name(t));
    return 0;
}

static int ir_want_dst_int(IrVerifier *v)
{
    if (!ir_is_int((IrType)v->in->type))
        return ir_fail(v, "result is %s, expected an integer type",
                       ir_type_name((IrType)v->in->type));
    return 0;
}

static int ir_want_dst_float(IrVerifier *v)
{
    if (!ir_is_float((IrType)v->in->type))
        return ir_fail(v, "result is %s, expected a float type",
                       ir_type_name((IrType)v->in->type));
    return 0;
}

/* Operands 0..n-1 all of the dst type. */
static int ir_want_args_dst(IrVerifier *v, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        int r = ir_want_arg(v, i, (IrType)v->in->type);
        if (r)
            return r;
    }
    return 0;
}

static bool ir_is_exit_reason(unsigned why) { return why < IR_NEXITS; }

static const char *ir_str(const char *s) { return s != NULL ? s : "?"; }

/* Does this instruction (with its aux/env context) produce a result? */
static bool ir_has_result(const IrVerifier *v)
{
    const IrInsn *in = v->in;
    switch ((IrKind)ir_kind_of[in->op]) {
    case IR_K_MARK: case IR_K_SET: case IR_K_STORE: case IR_K_FENCE:
    case IR_K_BRANCH: case IR_K_EXIT:
        return false;
    case IR_K_CALL: {
        const IrEnv *env = v->b->env;
        /* An unknown helper is reported later; judge dst by its presence. */
        if (env == NULL || in->imm < 0 || (uint64_t)in->imm >= env->nhelpers)
            return in->dst != IR_NO_TEMP;
        return env->helpers[in->imm].ret != IR_VOID;
    }
    default:
        return true;
    }
}

/* Type rules of one instruction, whose operands are known to be defined. */
static int ir_verify_kind(IrVerifier *v)
{
    const IrInsn *in = v->in;
    const IrEnv *env = v->b->env;
    IrType dt = (IrType)in->type;
    int r;

    switch ((IrKind)ir_kind_of[in->op]) {
    case IR_K_MARK:
        if (in->aux == 0)
            return ir_fail(v, "instruction length 0");
        v->in_guest_insn = true;
        return 0;

    case IR_K_CONST: {
        unsigned bits = ir_type_bits(dt);
        if (!ir_is_int(dt) && !ir_is_float(dt))
            return ir_fail(v, "result is %s, expected an integer or float type",
                           ir_type_name(dt));
        if (bits < 64 && ((uint64_t)in->imm >> bits) != 0)
            return ir_fail(v, "constant 0x%" PRIx64 " does not fit %s",
                           (uint64_t)in->imm, ir_type_name(dt));
        return 0;
    }

    case IR_K_GET:
    case IR_K_SET: {
        unsigned nregs = env != NULL ? env->nregs : 0;
        if (in->imm < 0 || (uint64_t)in->imm >= nregs)
            return ir_fail(v, "register %" PRId64 " out of range (%u registers)",
                           in->imm, nregs);
        IrType rt = (IrType)env->regs[in->imm].type;
        if (in->op == IR_GET) {
            if (dt != rt)
                return ir_fail(v, "result is %s, register %s is %s", ir_type_name(dt),
                               ir_str(env->regs[in->imm].name), ir_type_name(rt));
            return 0;
        }
        return ir_want_arg(v, 0, rt);
    }

    case IR_K_BIN:
        if ((r = ir_want_dst_int(v)))
            return r;
        return ir_want_args_dst(v, 2);

    case IR_K_SHIFT:
        if ((r = ir_want_dst_int(v)) || (r = ir_want_arg(v, 0, dt)))
            return r;
        return ir_want_arg_int(v, 1);

    case IR_K_UN:
        if ((r = ir_want_dst_int(v)) || (r = ir_want_arg(v, 0, dt)))
            return r;
        if (in->op == IR_BSWAP && (dt == IR_I1 || dt == IR_I8))
            return ir_fail(v, "byte swap of %s", ir_type_name(dt));
        return 0;

    case IR_K_WIDEN:
    case IR_K_NARROW: {
        if ((r = ir_want_dst_int(v)) || (r = ir_want_arg_int(v, 0)))
            return r;
        IrType st = ir_arg_type(v, 0);
        bool widen = ir_kind_of[in->op] == IR_K_WIDEN;
        if (widen ? ir_type_bits(dt) <= ir_type_bits(st) : ir_type_bits(dt) >= ir_type_bits(st))
            return ir_fail(v, "%s to %s is not %s", ir_type_name(st), ir_type_name(dt),
                           widen ? "wider" : "narrower");
        return 0;
    }

    case IR_K_BITCAST: {
        IrType st = ir_arg_type(v, 0);
        bool ok = (ir_is_int(st) && ir_is_float(dt)) || (ir_is_float(st) && ir_is_int(dt));
        if (!ok || ir_type_bits(st) != ir_type_bits(dt))
            return ir_fail(v, "cannot bitcast %s to %s", ir_type_name(st), ir_type_name(dt));
        return 0;
    }

    case IR_K_CMP: {
        if (dt != IR_I1)
            return ir_fail(v, "result is %s, expected i1", ir_type_name(dt));
        if (in->aux >= IR_NCONDS)
            return ir_fail(v, "bad condition %u", in->aux);
        bool fcond = in->aux >= IR_FEQ;
        if ((r = fcond ? ir_want_arg_float(v, 0) : ir_want_arg_int(v, 0)))
            return r;
        return ir_want_arg(v, 1, ir_arg_type(v, 0));
    }

    case IR_K_SELECT:
        if (dt == IR_VOID || dt >= IR_NTYPES)
            return ir_fail(v, "result is %s", ir_type_name(dt));
        if ((r = ir_want_arg(v, 0, IR_I1)) || (r = ir_want_arg(v, 1, dt)))
            return r;
        return ir_want_arg(v, 2, dt);

    case IR_K_FBIN:
    case IR_K_FUN:
    case IR_K_FMA:
        if ((r = ir_want_dst_float(v)))
            return r;
        return ir_want_args_dst(v, ir_nargs_of[in->op]);

    case IR_K_FCVT: {
        IrType st = ir_arg_type(v, 0);
        switch (in->aux) {
        case IR_CVT_FF:
            if ((r = ir_want_dst_float(v)) || (r = ir_want_arg_float(v, 0)))
                return r;
            if (st == dt)
                return ir_fail(v, "float conversion from %s to itself", ir_type_name(st));
            return 0;
        case IR_CVT_SF:
        case IR_CVT_UF:
            if ((r = ir_want_dst_float(v)) || (r = ir_want_arg_int(v, 0)))
                return r;
            return 0;
        case IR_CVT_FS:
        case IR_CVT_FU:
            if ((r = ir_want_dst_int(v)) || (r = ir_want_arg_float(v, 0)))
                return r;
            return 0;
        default:
            return ir_fail(v, "bad conversion kind %u", in->aux);
        }
    }

    case IR_K_LOAD:
    case IR_K_STORE: {
        bool load = in->op == IR_LOAD;
        IrType vt = load ? dt : ir_arg_type(v, 1);
        unsigned allowed = load ? (IR_MEM_SIGNED | IR_MEM_ALIGNED) : IR_MEM_ALIGNED;
        if ((r = ir_want_arg(v, 0, IR_I64)))
            return r;
        if (in->imm != 1 && in->imm != 2 && in->imm != 4 && in->imm != 8)
            return ir_fail(v, "bad access size %" PRId64, in->imm);
        if (in->aux & ~allowed)
            return ir_fail(v, "bad memory flags 0x%x", in->aux);
        unsigned bits = (unsigned)in->imm * 8;
        if (ir_is_float(vt)) {
            if (ir_type_bits(vt) != bits)
                return ir_fail(v, "%s access of %s", load ? "load" : "store",
                               ir_type_name(vt));
            if (in->aux & IR_MEM_SIGNED)
                return ir_fail(v, "signed load of a float");
        } else if (!ir_is_int(vt) || ir_type_bits(vt) < bits) {
            return ir_fail(v, "%" PRId64 "-byte %s of %s", in->imm,
                           load ? "load" : "store", ir_type_name(vt));
        }
        if (!v->in_guest_insn)
            return ir_fail(v, "memory access outside a guest instruction");
        return 0;
    }

    case IR_K_FENCE:
        if (in->aux != IR_FENCE_ACQ && in->aux != IR_FENCE_REL &&
            in->aux != IR_FENCE_ACQ_REL && in->aux != IR_FENCE_SEQ)
            return ir_fail(v, "bad fence kind %u", in->aux);
        return 0;

    case IR_K_CALL: {
        unsigned nh = env != NULL ? env->nhelpers : 0;
        if (in->imm < 0 || (uint64_t)in->imm >= nh)
            return ir_fail(v, "helper %" PRId64 " out of range (%u helpers)", in->imm, nh);
        const IrHelperInfo *h = &env->helpers[in->imm];
        if (in->nargs != h->nargs)
            return ir_fail(v, "%u arguments, helper %s takes %u", in->nargs, ir_str(h->name),
                           h->nargs);
        for (unsigned i = 0; i < in->nargs; i++)
            if ((r = ir_want_arg(v, i, (IrType)h->args[i])))
                return r;
        if (h->ret != IR_VOID && dt != h->ret)
            return ir_fail(v, "result is %s, helper %s returns %s", ir_type_name(dt),
                           ir_str(h->name), ir_type_name((IrType)h->ret));
        if ((h->flags & IR_HF_TRAPS) && !v->in_guest_insn)
            return ir_fail(v, "trapping helper %s outside a guest instruction",
                           ir_str(h->name));
        return 0;
    }

    case IR_K_BRANCH:
        if ((r = ir_want_arg(v, 0, IR_I1)))
            return r;
        if (!ir_is_exit_reason(in->aux))
            return ir_fail(v, "bad exit reason %u", in->aux);
        if (in->aux == IR_EXIT_TRAP)
            return ir_fail(v, "trap exit reason on a branch (no cause)");
        return 0;

    case IR_K_EXIT:
        if ((r = ir_want_arg(v, 0, IR_I64)))
            return r;
        if (!ir_is_exit_reason(in->aux))
            return ir_fail(v, "bad exit reason %u", in->aux);
        if (in->args[1] != IR_NO_TEMP && (r = ir_want_arg(v, 1, IR_I64)))
            return r;
        if (in->aux != IR_EXIT_TRAP && (in->args[1] != IR_NO_TEMP || in->imm != 0))
            return ir_fail(v, "trap cause or value on a %s exit",
                           ir_exit_name((IrExitReason)in->aux));
        if (in->aux == IR_EXIT_TRAP && in->imm < 0)
            return ir_fail(v, "negative trap cause %" PRId64, in->imm);
        return 0;
    }
    return ir_fail(v, "unknown kind");
}

/* Checks operand slots and dst of the current instruction; marks dst. */
static int ir_verify_temps(IrVerifier *v, uint8_t *defined)
{
    const IrInsn *in = v->in;
    const IrBlock *b = v->b;
    unsigned want = in->op == IR_CALL ? in->nargs : ir_nargs_of[in->op];

    if (in->op == IR_CALL && in->nargs > 4)
        return ir_fail(v, "%u arguments, at most 4", in->nargs);
    if (in->nargs != want)
        return ir_fail(v, "%u operands, expected %u", in->nargs, want);
    for (unsigned i = 0; i < 4; i++) {
        IrTemp t = in->args[i];
        if (i >= want) {
            if (t != IR_NO_TEMP)
                return ir_fail(v, "unused operand %u is t%" PRIu32, i + 1, t);
            continue;
        }
        if (t == IR_NO_TEMP) {
            if (in->op == IR_EXIT && i == 1)
                continue; /* no trap value */
            return ir_fail(v, "operand %u missing", i + 1);
        }
        if (t >= b->ntemps)
            return ir_fail(v, "operand %u: t%" PRIu32 " out of range (%" PRIu32 " temps)",
                           i + 1, t, b->ntemps);
        if (!defined[t])
            return ir_fail(v, "operand %u: t%" PRIu32 " used before definition", i + 1, t);
    }

    if (!ir_has_result(v)) {
        if (in->dst != IR_NO_TEMP)
            return ir_fail(v, "has a result t%" PRIu32 " but produces none", in->dst);
        IrType want_type = in->op == IR_STORE ? ir_arg_type(v, 1) : IR_VOID;
        if (in->type != want_type)
            return ir_fail(v, "type field is %s, expected %s",
                           ir_type_name((IrType)in->type), ir_type_name(want_type));
        return 0;
    }
    if (in->dst == IR_NO_TEMP)
        return ir_fail(v, "result missing");
    if (in->dst >= b->ntemps)
        return ir_fail(v, "result t%" PRIu32 " out of range (%" PRIu32 " temps)", in->dst,
                       b->ntemps);
    if (defined[in->dst])
        return ir_fail(v, "t%" PRIu32 " defined twice", in->dst);
    if (in->type != b->temp_type[in->dst])
        return ir_fail(v, "type field is %s but t%" PRIu32 " is %s",
                       ir_type_name((IrType)in->type), in->dst,
                       ir_type_name((IrType)b->temp_type[in->dst]));
    defined[in->dst] = 1;
    return 0;
}

/*
 * Checks that b is well formed (see the top of this file).  Returns 0, or
 * -EINVAL with a one-line reason in err (NUL-terminated when errlen > 0),
 * or -ENOMEM when the verifier itself cannot allocate.
 */
int ir_verify(const IrBlock *b, char *err, size_t errlen)
{
    IrVerifier v = { .b = b, .err = err, .errlen = errlen };
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    if (b->oom)
        return ir_fail_block(&v, "block ran out of memory while being built");
    if (b->ntemps == 0 ||
        (b->ntemps > 1 && (b->temp_type == NULL || b->ntemps > b->cap_temps)))
        return ir_fail_block(&v, "bad temp table");
    if (b->ninsns > 0 && (b->insns == NULL || b->ninsns > b->cap_insns))
        return ir_fail_block(&v, "bad instruction array");
    if (b->ninsns == 0)
        return ir_fail_block(&v, "empty block: no exit");

    uint8_t *defined = calloc(b->ntemps, 1);
    if (defined == NULL) {
        ir_fail_block(&v, "out of memory");
        return -ENOMEM;
    }
    int r = 0;
    for (uint32_t i = 0; i < b->ninsns && r == 0; i++) {
        v.idx = i;
        v.in = &b->insns[i];
        if (v.in->op >= IR_NOPS) {
            r = ir_fail(&v, "unknown opcode %u", v.in->op);
            break;
        }
        if (i > 0 && b->insns[i - 1].op == IR_EXIT) {
            r = ir_fail(&v, "after the block's exit");
            break;
        }
        if ((r = ir_verify_temps(&v, defined)) == 0)
            r = ir_verify_kind(&v);
        /* The kinds check result types; this catches what they let by
         * (e.g. a register table entry of type void). */
        if (r == 0 && v.in->dst != IR_NO_TEMP &&
            (v.in->type == IR_VOID || v.in->type >= IR_NTYPES))
            r = ir_fail(&v, "result t%" PRIu32 " has type %s", v.in->dst,
                        ir_type_name((IrType)v.in->type));
    }
    free(defined);
    if (r == 0 && b->insns[b->ninsns - 1].op != IR_EXIT)
        r = ir_fail_block(&v, "block does not end with exit");
    return r;
}

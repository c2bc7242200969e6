/*
 * FVP IR — block lifetime and builder.
 *
 * The builder appends instructions to growable arrays and derives each
 * result type as ir.h documents.  It does not validate (ir_verify does), but
 * it never reads or writes out of bounds whatever it is given: an invalid
 * temp number has type IR_VOID here, an invalid register or helper index
 * gives a result of type IR_VOID (or none), and a CALL with more than 4
 * arguments copies only 4 of them (the verifier then rejects the block).
 *
 * Canonical constants: ir_emit_const stores the value zero-extended from the
 * width of its type (an i32 -1 is imm 0xffffffff, an i1 true is 1), and the
 * verifier insists on that form, so executors may rely on it.
 *
 * Once an allocation fails, b->oom is set and every later emit is a no-op
 * returning IR_NO_TEMP (ir_append returns NULL) until ir_block_reset.
 */
#include "ir/ir.h"
#include "ir/ir_priv.h"

#include <stdlib.h>
#include <string.h>

static const uint8_t ir_op_nargs[IR_NOPS] = {
#define IR_OP_NARGS(name, nargs, kind) [IR_##name] = nargs,
    IR_OPS(IR_OP_NARGS)
#undef IR_OP_NARGS
};

/* Type of temp t, IR_VOID when t is none or not (yet) allocated. */
static IrType ir_temp_type(const IrBlock *b, IrTemp t)
{
    if (t == IR_NO_TEMP || t >= b->ntemps || b->temp_type == NULL)
        return IR_VOID;
    return (IrType)b->temp_type[t];
}

/* Grows *arr (elements of size elem, capacity *cap) to hold at least need
 * elements.  Returns 0 or -1 (the array is then unchanged). */
static int ir_grow(void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    uint64_t ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap *= 2;
    if (ncap > UINT32_MAX)
        ncap = UINT32_MAX;
    if (ncap < need || ncap > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*arr, (size_t)ncap * elem);
    if (p == NULL)
        return -1;
    *arr = p;
    *cap = (uint32_t)ncap;
    return 0;
}

/*
 * Prepares an empty block for guest pc; env (register and helper tables)
 * must outlive the block.  Allocates nothing until the first emit.
 */
void ir_block_init(IrBlock *b, const IrEnv *env, uint64_t pc)
{
    memset(b, 0, sizeof *b);
    b->env = env;
    b->pc = pc;
    b->end_pc = pc;
    b->ntemps = 1; /* temp 0 is IR_NO_TEMP */
}

/* Empties the block for guest pc, keeping its arrays and env; clears oom. */
void ir_block_reset(IrBlock *b, uint64_t pc)
{
    b->pc = pc;
    b->end_pc = pc;
    b->nguest = 0;
    b->ninsns = 0;
    b->ntemps = 1;
    b->oom = 0;
}

/* Releases the block's arrays; the block may be initialised again. */
void ir_block_free(IrBlock *b)
{
    free(b->insns);
    free(b->temp_type);
    b->insns = NULL;
    b->temp_type = NULL;
    b->ninsns = b->cap_insns = 0;
    b->ntemps = 1;
    b->cap_temps = 0;
}

/*
 * Allocates a new temp of the given type.  Returns its number, or
 * IR_NO_TEMP (and sets b->oom) when out of memory.
 */
IrTemp ir_new_temp(IrBlock *b, IrType type)
{
    if (b->oom)
        return IR_NO_TEMP;
    if (b->ntemps == UINT32_MAX ||
        ir_grow((void **)&b->temp_type, &b->cap_temps, b->ntemps + 1, 1) != 0) {
        b->oom = 1;
        return IR_NO_TEMP;
    }
    b->temp_type[0] = IR_VOID;
    b->temp_type[b->ntemps] = (uint8_t)type;
    return b->ntemps++;
}

/*
 * Appends a zeroed instruction with the given op (nargs set from the opcode
 * table, 0 for CALL and invalid ops) and returns it for the caller to fill
 * in; the pointer is valid until the next append.  Returns NULL and sets
 * b->oom when out of memory.
 */
IrInsn *ir_append(IrBlock *b, IrOp op)
{
    if (b->oom)
        return NULL;
    if (b->ninsns == UINT32_MAX ||
        ir_grow((void **)&b->insns, &b->cap_insns, b->ninsns + 1, sizeof(IrInsn)) != 0) {
        b->oom = 1;
        return NULL;
    }
    IrInsn *in = &b->insns[b->ninsns++];
    memset(in, 0, sizeof *in);
    in->op = (uint8_t)op;
    if ((unsigned)op < IR_NOPS && op != IR_CALL)
        in->nargs = ir_op_nargs[op];
    return in;
}

/* Appends an instruction with a result of type t; returns it with dst set,
 * or NULL (oom). */
static IrInsn *ir_append_def(IrBlock *b, IrOp op, IrType t)
{
    IrTemp d = ir_new_temp(b, t);
    if (d == IR_NO_TEMP)
        return NULL;
    IrInsn *in = ir_append(b, op);
    if (in == NULL)
        return NULL;
    in->dst = d;
    in->type = (uint8_t)t;
    return in;
}

/* Marks the start of the guest instruction at pc of len bytes (a length
 * that does not fit the aux byte is recorded as 0, which the verifier
 * rejects). */
void ir_emit_insn(IrBlock *b, uint64_t pc, unsigned len)
{
    IrInsn *in = ir_append(b, IR_INSN);
    if (in == NULL)
        return;
    in->imm = (int64_t)pc;
    in->aux = len <= UINT8_MAX ? (uint8_t)len : 0;
}

/* dst:type = value, stored zero-extended from the type's width. */
IrTemp ir_emit_const(IrBlock *b, IrType type, uint64_t value)
{
    unsigned bits = ir_type_bits(type);
    if (bits > 0 && bits < 64)
        value &= (UINT64_C(1) << bits) - 1;
    IrInsn *in = ir_append_def(b, IR_CONST, type);
    if (in == NULL)
        return IR_NO_TEMP;
    in->imm = (int64_t)value;
    return in->dst;
}

/* dst = reg[reg], typed as the register (IR_VOID if reg is out of range). */
IrTemp ir_emit_get(IrBlock *b, unsigned reg)
{
    IrType t = IR_VOID;
    if (b->env != NULL && reg < b->env->nregs)
        t = (IrType)b->env->regs[reg].type;
    IrInsn *in = ir_append_def(b, IR_GET, t);
    if (in == NULL)
        return IR_NO_TEMP;
    in->imm = reg;
    return in->dst;
}

/* reg[reg] = v. */
void ir_emit_set(IrBlock *b, unsigned reg, IrTemp v)
{
    IrInsn *in = ir_append(b, IR_SET);
    if (in == NULL)
        return;
    in->imm = reg;
    in->args[0] = v;
}

/* dst = x op y for BIN, SHIFT and FBIN ops; dst type is x's. */
IrTemp ir_emit_bin(IrBlock *b, IrOp op, IrTemp x, IrTemp y)
{
    IrInsn *in = ir_append_def(b, op, ir_temp_type(b, x));
    if (in == NULL)
        return IR_NO_TEMP;
    in->args[0] = x;
    in->args[1] = y;
    return in->dst;
}

/* dst = op x for UN and FUN ops; dst type is x's. */
IrTemp ir_emit_un(IrBlock *b, IrOp op, IrTemp x)
{
    IrInsn *in = ir_append_def(b, op, ir_temp_type(b, x));
    if (in == NULL)
        return IR_NO_TEMP;
    in->args[0] = x;
    return in->dst;
}

/* dst:to = op x for ZEXT, SEXT, TRUNC, BITCAST. */
IrTemp ir_emit_conv(IrBlock *b, IrOp op, IrType to, IrTemp x)
{
    IrInsn *in = ir_append_def(b, op, to);
    if (in == NULL)
        return IR_NO_TEMP;
    in->args[0] = x;
    return in->dst;
}

/* dst:to = FCVT x with kind IR_CVT_*. */
IrTemp ir_emit_fcvt(IrBlock *b, unsigned kind, IrType to, IrTemp x)
{
    IrInsn *in = ir_append_def(b, IR_FCVT, to);
    if (in == NULL)
        return IR_NO_TEMP;
    in->aux = (uint8_t)(kind <= UINT8_MAX ? kind : UINT8_MAX);
    in->args[0] = x;
    return in->dst;
}

/* dst:i1 = x c y. */
IrTemp ir_emit_cmp(IrBlock *b, IrCond c, IrTemp x, IrTemp y)
{
    IrInsn *in = ir_append_def(b, IR_CMP, IR_I1);
    if (in == NULL)
        return IR_NO_TEMP;
    in->aux = (uint8_t)((unsigned)c <= UINT8_MAX ? (unsigned)c : UINT8_MAX);
    in->args[0] = x;
    in->args[1] = y;
    return in->dst;
}

/* dst = c ? x : y; dst type is x's. */
IrTemp ir_emit_select(IrBlock *b, IrTemp c, IrTemp x, IrTemp y)
{
    IrInsn *in = ir_append_def(b, IR_SELECT, ir_temp_type(b, x));
    if (in == NULL)
        return IR_NO_TEMP;
    in->args[0] = c;
    in->args[1] = x;
    in->args[2] = y;
    return in->dst;
}

/* dst = x * y + z with one rounding; dst type is x's. */
IrTemp ir_emit_fma(IrBlock *b, IrTemp x, IrTemp y, IrTemp z)
{
    IrInsn *in = ir_append_def(b, IR_FMA, ir_temp_type(b, x));
    if (in == NULL)
        return IR_NO_TEMP;
    in->args[0] = x;
    in->args[1] = y;
    in->args[2] = z;
    return in->dst;
}

/* dst:type = size bytes at guest address addr, IR_MEM_* flags. */
IrTemp ir_emit_load(IrBlock *b, IrType type, unsigned size, unsigned flags, IrTemp addr)
{
    IrInsn *in = ir_append_def(b, IR_LOAD, type);
    if (in == NULL)
        return IR_NO_TEMP;
    in->imm = size;
    in->aux = (uint8_t)(flags <= UINT8_MAX ? flags : UINT8_MAX);
    in->args[0] = addr;
    return in->dst;
}

/* Stores the low size bytes of v at guest address addr. */
void ir_emit_store(IrBlock *b, unsigned size, unsigned flags, IrTemp addr, IrTemp v)
{
    IrInsn *in = ir_append(b, IR_STORE);
    if (in == NULL)
        return;
    in->type = (uint8_t)ir_temp_type(b, v);
    in->imm = size;
    in->aux = (uint8_t)(flags <= UINT8_MAX ? flags : UINT8_MAX);
    in->args[0] = addr;
    in->args[1] = v;
}

/* Memory fence of kind IR_FENCE_*. */
void ir_emit_fence(IrBlock *b, unsigned kind)
{
    IrInsn *in = ir_append(b, IR_FENCE);
    if (in == NULL)
        return;
    in->aux = (uint8_t)(kind <= UINT8_MAX ? kind : UINT8_MAX);
}

/*
 * dst = helper(args[0..nargs)).  Returns the result temp typed as the
 * helper's return type, or IR_NO_TEMP for a void (or invalid) helper.
 * At most 4 arguments are copied; nargs is recorded (capped at 255) so the
 * verifier can reject a mismatch.
 */
IrTemp ir_emit_call(IrBlock *b, unsigned helper, const IrTemp *args, unsigned nargs)
{
    IrType ret = IR_VOID;
    if (b->env != NULL && helper < b->env->nhelpers)
        ret = (IrType)b->env->helpers[helper].ret;
    IrInsn *in = ret != IR_VOID ? ir_append_def(b, IR_CALL, ret) : ir_append(b, IR_CALL);
    if (in == NULL)
        return IR_NO_TEMP;
    in->imm = helper;
    in->nargs = (uint8_t)(nargs <= UINT8_MAX ? nargs : UINT8_MAX);
    for (unsigned i = 0; args != NULL && i < nargs && i < 4; i++)
        in->args[i] = args[i];
    return in->dst;
}

/* Side exit: if cond, leave the block towards target for reason why. */
void ir_emit_branch(IrBlock *b, IrTemp cond, uint64_t target, IrExitReason why)
{
    IrInsn *in = ir_append(b, IR_BRANCH);
    if (in == NULL)
        return;
    in->imm = (int64_t)target;
    in->aux = (uint8_t)((unsigned)why <= UINT8_MAX ? (unsigned)why : UINT8_MAX);
    in->args[0] = cond;
}

/* Ends the block: continue at guest pc (an i64 temp) for reason why. */
void ir_emit_exit(IrBlock *b, IrTemp pc, IrExitReason why)
{
    IrInsn *in = ir_append(b, IR_EXIT);
    if (in == NULL)
        return;
    in->aux = (uint8_t)((unsigned)why <= UINT8_MAX ? (unsigned)why : UINT8_MAX);
    in->args[0] = pc;
}

/* Ends the block at the constant guest pc for reason why. */
void ir_emit_exit_const(IrBlock *b, uint64_t pc, IrExitReason why)
{
    IrTemp t = ir_emit_const(b, IR_I64, pc);
    ir_emit_exit(b, t, why);
}

/* Ends the block with a guest trap: pc is the faulting instruction, cause
 * the architectural cause, tval an i64 temp or IR_NO_TEMP. */
void ir_emit_trap(IrBlock *b, uint64_t pc, unsigned cause, IrTemp tval)
{
    IrTemp t = ir_emit_const(b, IR_I64, pc);
    IrInsn *in = ir_append(b, IR_EXIT);
    if (in == NULL)
        return;
    in->aux = IR_EXIT_TRAP;
    in->args[0] = t;
    in->args[1] = tval;
    in->imm = cause;
}

/* True when the block's last instruction is IR_EXIT. */
bool ir_block_terminated(const IrBlock *b)
{
    return b->ninsns > 0 && b->insns[b->ninsns - 1].op == IR_EXIT;
}

/*
 * Unit tests of the FVP IR core: builder, printer (golden text), verifier
 * (one accepted block covering every opcode, a table of broken blocks with
 * the expected reason) and fvp_lift_block driven by a tiny fake frontend.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "frontend.h"
#include "ir/ir.h"

/* ---- a small fake register file and helper table ------------------------ */

enum { R_X0, R_X1, R_X2, R_W3, R_F0, R_S1, NREGS };

static const IrRegInfo fake_regs[NREGS] = {
    [R_X0] = { "x0", IR_I64, true },
    [R_X1] = { "x1", IR_I64, false },
    [R_X2] = { "x2", IR_I64, false },
    [R_W3] = { "w3", IR_I32, false },
    [R_F0] = { "f0", IR_F64, false },
    [R_S1] = { "s1", IR_F32, false },
};

enum { H_FADD_D, H_SET_FFLAGS, H_CSR_READ, NHELPERS };

static const IrHelperInfo fake_helpers[NHELPERS] = {
    [H_FADD_D] = { "fadd_d", IR_F64, 3, { IR_F64, IR_F64, IR_I64 }, IR_HF_STATE },
    [H_SET_FFLAGS] = { "set_fflags", IR_VOID, 1, { IR_I64 }, IR_HF_STATE },
    [H_CSR_READ] = { "csr_read", IR_I64, 2, { IR_I64, IR_I32 }, IR_HF_STATE | IR_HF_TRAPS },
};

static const IrEnv fake_env = { fake_regs, NREGS, fake_helpers, NHELPERS };

/* ---- utilities ----------------------------------------------------------- */

/* The block's printed text; caller frees. */
static char *block_text(const IrBlock *b)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    assert_non_null(f);
    ir_print_block(b, f);
    fclose(f);
    return s;
}

static void assert_block_text(const IrBlock *b, const char *want)
{
    char *got = block_text(b);
    if (strcmp(got, want) != 0) {
        print_error("--- want\n%s--- got\n%s---\n", want, got);
        free(got);
        fail();
    }
    free(got);
}

static void assert_verifies(const IrBlock *b)
{
    char err[256];
    int r = ir_verify(b, err, sizeof err);
    if (r != 0)
        print_error("verifier: %s\n", err);
    assert_int_equal(r, 0);
    assert_string_equal(err, "");
}

static IrBlock *new_block(uint64_t pc)
{
    IrBlock *b = malloc(sizeof *b);
    assert_non_null(b);
    ir_block_init(b, &fake_env, pc);
    return b;
}

static void free_block(IrBlock *b)
{
    ir_block_free(b);
    free(b);
}

/* ---- a block that uses every opcode -------------------------------------- */

static void build_all_ops(IrBlock *b)
{
    ir_emit_insn(b, 0x10078, 4);
    IrTemp x1 = ir_emit_get(b, R_X1);
    IrTemp c = ir_emit_const(b, IR_I64, 0x10);
    IrTemp a = ir_emit_bin(b, IR_ADD, x1, c);
    ir_emit_bin(b, IR_SUB, a, c);
    ir_emit_bin(b, IR_MUL, a, c);
    ir_emit_bin(b, IR_MULHS, a, c);
    ir_emit_bin(b, IR_MULHU, a, c);
    ir_emit_bin(b, IR_MULHSU, a, c);
    ir_emit_bin(b, IR_DIV, a, c);
    ir_emit_bin(b, IR_DIVU, a, c);
    ir_emit_bin(b, IR_REM, a, c);
    ir_emit_bin(b, IR_REMU, a, c);
    ir_emit_bin(b, IR_AND, a, c);
    ir_emit_bin(b, IR_OR, a, c);
    IrTemp x = ir_emit_bin(b, IR_XOR, a, c);
    IrTemp sh = ir_emit_const(b, IR_I32, 5);
    ir_emit_bin(b, IR_SHL, x, sh);
    ir_emit_bin(b, IR_SHR, x, sh);
    ir_emit_bin(b, IR_SAR, x, sh);
    ir_emit_bin(b, IR_ROTL, x, sh);
    ir_emit_bin(b, IR_ROTR, x, sh);
    ir_emit_un(b, IR_NOT, x);
    ir_emit_un(b, IR_NEG, x);
    ir_emit_un(b, IR_CLZ, x);
    ir_emit_un(b, IR_CTZ, x);
    ir_emit_un(b, IR_CPOP, x);
    ir_emit_un(b, IR_BSWAP, x);
    IrTemp w = ir_emit_conv(b, IR_TRUNC, IR_I32, x);
    ir_emit_conv(b, IR_ZEXT, IR_I64, w);
    IrTemp sx = ir_emit_conv(b, IR_SEXT, IR_I64, w);
    IrTemp d = ir_emit_conv(b, IR_BITCAST, IR_F64, sx);
    IrTemp lt = ir_emit_cmp(b, IR_SLT, a, c);
    IrTemp sel = ir_emit_select(b, lt, a, c);

    ir_emit_insn(b, 0x1007c, 4);
    IrTemp f0 = ir_emit_get(b, R_F0);
    IrTemp fs = ir_emit_bin(b, IR_FADD, d, f0);
    ir_emit_bin(b, IR_FSUB, fs, f0);
    ir_emit_bin(b, IR_FMUL, fs, f0);
    ir_emit_bin(b, IR_FDIV, fs, f0);
    ir_emit_un(b, IR_FSQRT, fs);
    ir_emit_un(b, IR_FNEG, fs);
    ir_emit_un(b, IR_FABS, fs);
    IrTemp fm = ir_emit_fma(b, fs, f0, d);
    IrTemp one = ir_emit_const(b, IR_F64, 0x3ff0000000000000ull);
    IrTemp feq = ir_emit_cmp(b, IR_FEQ, fm, one);
    IrTemp s = ir_emit_fcvt(b, IR_CVT_FF, IR_F32, fm);
    ir_emit_set(b, R_S1, s);
    ir_emit_fcvt(b, IR_CVT_SF, IR_F64, sel);
    ir_emit_fcvt(b, IR_CVT_UF, IR_F32, w);
    ir_emit_fcvt(b, IR_CVT_FS, IR_I32, fm);
    IrTemp fu = ir_emit_fcvt(b, IR_CVT_FU, IR_I64, fm);

    ir_emit_insn(b, 0x10080, 2);
    IrTemp ld = ir_emit_load(b, IR_I64, 4, IR_MEM_SIGNED | IR_MEM_ALIGNED, a);
    IrTemp lf = ir_emit_load(b, IR_F32, 4, 0, a);
    ir_emit_store(b, 4, 0, a, ld);
    ir_emit_store(b, 8, IR_MEM_ALIGNED, a, fm);
    ir_emit_fence(b, IR_FENCE_SEQ);
    IrTemp args[3] = { fm, f0, fu };
    IrTemp r = ir_emit_call(b, H_FADD_D, args, 3);
    ir_emit_call(b, H_SET_FFLAGS, &ld, 1);
    ir_emit_set(b, R_F0, r);
    ir_emit_set(b, R_W3, w);
    (void)lf;
    ir_emit_branch(b, feq, 0x10090, IR_EXIT_BRANCH);
    ir_emit_branch(b, lt, 0x100a0, IR_EXIT_CALL);
    ir_emit_trap(b, 0x10080, 2, x1);
    b->nguest = 3;
    b->end_pc = 0x10082;
}

static const char all_ops_text[] =
    "; block 0x10078 end 0x10082 nguest 3\n"
    "; insn 0x10078 len 4\n"
    "  t1:i64 = get x1\n"
    "  t2:i64 = const 0x10\n"
    "  t3:i64 = add t1, t2\n"
    "  t4:i64 = sub t3, t2\n"
    "  t5:i64 = mul t3, t2\n"
    "  t6:i64 = mulhs t3, t2\n"
    "  t7:i64 = mulhu t3, t2\n"
    "  t8:i64 = mulhsu t3, t2\n"
    "  t9:i64 = div t3, t2\n"
    "  t10:i64 = divu t3, t2\n"
    "  t11:i64 = rem t3, t2\n"
    "  t12:i64 = remu t3, t2\n"
    "  t13:i64 = and t3, t2\n"
    "  t14:i64 = or t3, t2\n"
    "  t15:i64 = xor t3, t2\n"
    "  t16:i32 = const 0x5\n"
    "  t17:i64 = shl t15, t16\n"
    "  t18:i64 = shr t15, t16\n"
    "  t19:i64 = sar t15, t16\n"
    "  t20:i64 = rotl t15, t16\n"
    "  t21:i64 = rotr t15, t16\n"
    "  t22:i64 = not t15\n"
    "  t23:i64 = neg t15\n"
    "  t24:i64 = clz t15\n"
    "  t25:i64 = ctz t15\n"
    "  t26:i64 = cpop t15\n"
    "  t27:i64 = bswap t15\n"
    "  t28:i32 = trunc t15\n"
    "  t29:i64 = zext t28\n"
    "  t30:i64 = sext t28\n"
    "  t31:f64 = bitcast t30\n"
    "  t32:i1 = cmp.slt t3, t2\n"
    "  t33:i64 = select t32, t3, t2\n"
    "; insn 0x1007c len 4\n"
    "  t34:f64 = get f0\n"
    "  t35:f64 = fadd t31, t34\n"
    "  t36:f64 = fsub t35, t34\n"
    "  t37:f64 = fmul t35, t34\n"
    "  t38:f64 = fdiv t35, t34\n"
    "  t39:f64 = fsqrt t35\n"
    "  t40:f64 = fneg t35\n"
    "  t41:f64 = fabs t35\n"
    "  t42:f64 = fma t35, t34, t31\n"
    "  t43:f64 = const 0x3ff0000000000000 (0x1p+0)\n"
    "  t44:i1 = cmp.feq t42, t43\n"
    "  t45:f32 = fcvt.ff t42\n"
    "  set s1, t45\n"
    "  t46:f64 = fcvt.sf t33\n"
    "  t47:f32 = fcvt.uf t28\n"
    "  t48:i32 = fcvt.fs t42\n"
    "  t49:i64 = fcvt.fu t42\n"
    "; insn 0x10080 len 2\n"
    "  t50:i64 = load.4.s.a t3\n"
    "  t51:f32 = load.4 t3\n"
    "  store.4 t3, t50\n"
    "  store.8.a t3, t42\n"
    "  fence.seq\n"
    "  t52:f64 = call fadd_d(t42, t34, t49)\n"
    "  call set_fflags(t50)\n"
    "  set f0, t52\n"
    "  set w3, t28\n"
    "  branch t44, 0x10090 (branch)\n"
    "  branch t32, 0x100a0 (call)\n"
    "  t53:i64 = const 0x10080\n"
    "  exit t53 (trap cause=2 tval=t1)\n";


static void test_print_all_ops(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x10078);
    build_all_ops(b);
    assert_false(b->oom);
    assert_block_text(b, all_ops_text);
    assert_verifies(b);
    free_block(b);
}

/* Every opcode of IR_OPS appears in the all-ops block and has its name. */
static const struct {
    IrOp op;
    const char *upper;
} op_table[] = {
#define OP_ROW(name, nargs, kind) { IR_##name, #name },
    IR_OPS(OP_ROW)
#undef OP_ROW
};

static void test_all_ops_covered(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x10078);
    build_all_ops(b);
    assert_int_equal(sizeof op_table / sizeof op_table[0], IR_NOPS);
    for (size_t i = 0; i < IR_NOPS; i++) {
        bool seen = false;
        for (uint32_t j = 0; j < b->ninsns; j++)
            seen = seen || b->insns[j].op == op_table[i].op;
        if (!seen)
            print_error("op %s not in the all-ops block\n", op_table[i].upper);
        assert_true(seen);
        assert_int_equal(strcasecmp(ir_op_name(op_table[i].op), op_table[i].upper), 0);
    }
    free_block(b);
}

/* ---- smaller golden blocks ----------------------------------------------- */

static void test_print_consts_and_exits(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x2000);
    ir_emit_insn(b, 0x2000, 2);
    ir_emit_const(b, IR_I1, 1);
    ir_emit_const(b, IR_I8, 0x1ff);             /* masked to 0xff */
    ir_emit_const(b, IR_I32, (uint64_t)-1);     /* masked to 0xffffffff */
    ir_emit_const(b, IR_I64, (uint64_t)-2);
    ir_emit_const(b, IR_F32, 0xbfc00000u);      /* -1.5f */
    ir_emit_const(b, IR_F64, 0);
    IrTemp x = ir_emit_get(b, R_X2);
    IrTemp w = ir_emit_get(b, R_W3);
    IrTemp args[2] = { x, w };
    IrTemp v = ir_emit_call(b, H_CSR_READ, args, 2);
    ir_emit_store(b, 1, 0, x, v);
    ir_emit_store(b, 2, IR_MEM_ALIGNED, x, w);
    IrTemp l = ir_emit_load(b, IR_I16, 2, IR_MEM_SIGNED, x);
    ir_emit_conv(b, IR_SEXT, IR_I32, l);
    ir_emit_fence(b, IR_FENCE_ACQ);
    ir_emit_fence(b, IR_FENCE_REL);
    ir_emit_exit(b, v, IR_EXIT_RETURN);
    b->nguest = 1;
    b->end_pc = 0x2002;
    assert_block_text(b,
        "; block 0x2000 end 0x2002 nguest 1\n"
        "; insn 0x2000 len 2\n"
        "  t1:i1 = const 0x1\n"
        "  t2:i8 = const 0xff\n"
        "  t3:i32 = const 0xffffffff\n"
        "  t4:i64 = const 0xfffffffffffffffe\n"
        "  t5:f32 = const 0xbfc00000 (-0x1.8p+0)\n"
        "  t6:f64 = const 0x0 (0x0p+0)\n"
        "  t7:i64 = get x2\n"
        "  t8:i32 = get w3\n"
        "  t9:i64 = call csr_read(t7, t8)\n"
        "  store.1 t7, t9\n"
        "  store.2.a t7, t8\n"
        "  t10:i16 = load.2.s t7\n"
        "  t11:i32 = sext t10\n"
        "  fence.acq\n"
        "  fence.rel\n"
        "  exit t9 (return)\n");
    assert_verifies(b);

    /* Each exit reason, and a trap without a value. */
    static const char *const reasons[IR_NEXITS] = {
        "jump", "branch", "call", "icall", "return", "indirect", "syscall",
        "trap cause=0", "sync", "limit",
    };
    for (unsigned r = 0; r < IR_NEXITS; r++) {
        char want[128], got[128];
        ir_block_reset(b, 0x3000);
        if (r == IR_EXIT_TRAP)
            ir_emit_trap(b, 0x3000, 0, IR_NO_TEMP);
        else
            ir_emit_exit_const(b, 0x3004, (IrExitReason)r);
        assert_true(ir_block_terminated(b));
        assert_verifies(b);
        snprintf(want, sizeof want, "exit t1 (%s)", reasons[r]);
        ir_print_insn(b, &b->insns[1], got, sizeof got);
        assert_string_equal(got, want);
    }
    free_block(b);
}

/* Invalid instructions still print, with placeholders. */
static void test_print_invalid(void **state)
{
    (void)state;
    IrBlock *b = new_block(0);
    static const struct {
        IrInsn in;
        const char *text;
    } cases[] = {
        { { .op = IR_GET, .type = IR_I64, .dst = 1, .imm = 77 }, "t1:i64 = get reg#77" },
        { { .op = IR_CALL, .nargs = 1, .args = { 2 }, .imm = 9 }, "call helper#9(t2)" },
        { { .op = IR_CMP, .type = IR_I1, .dst = 3, .aux = 99, .nargs = 2, .args = { 1, 2 } },
          "t3:i1 = cmp.cond#99 t1, t2" },
        { { .op = IR_FCVT, .type = IR_F32, .dst = 3, .aux = 7, .nargs = 1, .args = { 1 } },
          "t3:f32 = fcvt.kind#7 t1" },
        { { .op = IR_ADD, .type = IR_I64, .dst = 3, .nargs = 2, .args = { 0, 2 } },
          "t3:i64 = add _, t2" },
        { { .op = IR_FENCE, .aux = 8 }, "fence.0x8" },
        { { .op = IR_LOAD, .type = IR_I8, .dst = 1, .aux = 0x10, .imm = 1, .nargs = 1,
            .args = { 2 } }, "t1:i8 = load.1.0x10 t2" },
        { { .op = IR_EXIT, .aux = 40, .nargs = 2, .args = { 1 } }, "exit t1 (reason#40)" },
        { { .op = 200, .nargs = 1, .args = { 5 } }, "op#200 t5" },
        { { .op = IR_CONST, .type = 30, .dst = 1, .imm = 1 }, "t1:? = const 0x1" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[128];
        int n = ir_print_insn(b, &cases[i].in, buf, sizeof buf);
        assert_string_equal(buf, cases[i].text);
        assert_int_equal(n, (int)strlen(cases[i].text));
    }
    free_block(b);
}

/* snprintf convention: the needed length is returned, output truncated. */
static void test_print_truncates(void **state)
{
    (void)state;
    IrBlock *b = new_block(0);
    IrTemp x = ir_emit_get(b, R_X1);
    IrTemp y = ir_emit_bin(b, IR_ADD, x, x);
    (void)y;
    char buf[8];
    int n = ir_print_insn(b, &b->insns[1], buf, sizeof buf);
    assert_int_equal(n, (int)strlen("t2:i64 = add t1, t1"));
    assert_string_equal(buf, "t2:i64 ");
    assert_int_equal(ir_print_insn(b, &b->insns[1], NULL, 0), n);
    free_block(b);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(ir_op_name(IR_MULHSU), "mulhsu");
    assert_string_equal(ir_op_name(IR_NOPS), "?");
    assert_string_equal(ir_op_name((IrOp)-1), "?");
    assert_string_equal(ir_type_name(IR_F32), "f32");
    assert_string_equal(ir_type_name(IR_NTYPES), "?");
    assert_string_equal(ir_cond_name(IR_FUNO), "funo");
    assert_string_equal(ir_cond_name(IR_NCONDS), "?");
    assert_string_equal(ir_exit_name(IR_EXIT_INDIRECT), "indirect");
    assert_string_equal(ir_exit_name(IR_NEXITS), "?");
    for (unsigned t = 0; t < IR_NTYPES; t++)
        assert_string_not_equal(ir_type_name((IrType)t), "?");
    for (unsigned c = 0; c < IR_NCONDS; c++)
        assert_string_not_equal(ir_cond_name((IrCond)c), "?");
    for (unsigned r = 0; r < IR_NEXITS; r++)
        assert_string_not_equal(ir_exit_name((IrExitReason)r), "?");
}

/* ---- builder ------------------------------------------------------------- */

static void test_builder_types(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x100);
    assert_int_equal(b->ntemps, 1);
    assert_false(ir_block_terminated(b));
    IrTemp w = ir_emit_get(b, R_W3);
    IrTemp s = ir_emit_get(b, R_S1);
    assert_int_equal(b->temp_type[w], IR_I32);
    assert_int_equal(b->temp_type[ir_emit_un(b, IR_NOT, w)], IR_I32);
    assert_int_equal(b->temp_type[ir_emit_bin(b, IR_SHL, w, w)], IR_I32);
    assert_int_equal(b->temp_type[ir_emit_cmp(b, IR_EQ, w, w)], IR_I1);
    assert_int_equal(b->temp_type[ir_emit_fma(b, s, s, s)], IR_F32);
    assert_int_equal(b->temp_type[ir_emit_conv(b, IR_ZEXT, IR_I64, w)], IR_I64);
    assert_int_equal(b->temp_type[ir_emit_load(b, IR_I8, 1, 0, w)], IR_I8);
    IrTemp none = ir_emit_call(b, H_SET_FFLAGS, &w, 1);
    assert_int_equal(none, IR_NO_TEMP);
    assert_int_equal(b->insns[b->ninsns - 1].dst, IR_NO_TEMP);
    assert_int_equal(b->insns[b->ninsns - 1].nargs, 1);
    ir_emit_const(b, IR_I32, 7);
    assert_int_equal(b->insns[b->ninsns - 1].imm, 7);
    free_block(b);
}

/* Garbage in never makes the builder read or write out of bounds. */
static void test_builder_garbage(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x100);
    IrTemp t = ir_emit_bin(b, IR_ADD, 12345, 1);
    assert_int_equal(b->temp_type[t], IR_VOID);
    t = ir_emit_get(b, 1000);
    assert_int_equal(b->temp_type[t], IR_VOID);
    t = ir_emit_select(b, 1, 99999, 2);
    assert_int_equal(b->temp_type[t], IR_VOID);
    IrTemp many[6] = { 1, 2, 3, 4, 5, 6 };
    assert_int_equal(ir_emit_call(b, 5000, many, 6), IR_NO_TEMP);
    IrInsn *in = &b->insns[b->ninsns - 1];
    assert_int_equal(in->nargs, 6);
    assert_int_equal(in->args[3], 4);
    ir_emit_call(b, H_FADD_D, NULL, 3);
    ir_emit_insn(b, 0, 300);
    assert_int_equal(b->insns[b->ninsns - 1].aux, 0);
    ir_emit_store(b, 4, 0, 0, 4000000000u);
    ir_append(b, (IrOp)250);
    assert_false(b->oom);
    char err[128];
    assert_int_equal(ir_verify(b, err, sizeof err), -EINVAL);
    char *text = block_text(b); /* prints without crashing */
    free(text);
    free_block(b);
}

static void test_builder_reset_and_growth(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x100);
    IrTemp prev = ir_emit_const(b, IR_I64, 0);
    for (unsigned i = 1; i < 10000; i++)
        prev = ir_emit_bin(b, IR_ADD, prev, prev);
    ir_emit_exit(b, prev, IR_EXIT_INDIRECT);
    assert_false(b->oom);
    assert_int_equal(b->ntemps, 10001);
    assert_int_equal(b->ninsns, 10001);
    assert_verifies(b);

    uint32_t cap_i = b->cap_insns, cap_t = b->cap_temps;
    IrInsn *insns = b->insns;
    ir_block_reset(b, 0x200);
    assert_int_equal(b->pc, 0x200);
    assert_int_equal(b->end_pc, 0x200);
    assert_int_equal(b->ninsns, 0);
    assert_int_equal(b->ntemps, 1);
    assert_int_equal(b->nguest, 0);
    assert_int_equal(b->cap_insns, cap_i);
    assert_int_equal(b->cap_temps, cap_t);
    assert_ptr_equal(b->insns, insns);
    assert_ptr_equal(b->env, &fake_env);
    ir_emit_exit_const(b, 0x204, IR_EXIT_JUMP);
    assert_int_equal(b->insns[0].dst, 1);
    assert_verifies(b);
    free_block(b);
}

/* Once oom is set every emit is a no-op returning IR_NO_TEMP. */
static void test_builder_oom_sticky(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x100);
    IrTemp x = ir_emit_get(b, R_X1);
    b->oom = 1;
    uint32_t n = b->ninsns, nt = b->ntemps;
    assert_int_equal(ir_new_temp(b, IR_I64), IR_NO_TEMP);
    assert_null(ir_append(b, IR_FENCE));
    assert_int_equal(ir_emit_const(b, IR_I64, 1), IR_NO_TEMP);
    assert_int_equal(ir_emit_bin(b, IR_ADD, x, x), IR_NO_TEMP);
    assert_int_equal(ir_emit_call(b, H_FADD_D, &x, 1), IR_NO_TEMP);
    ir_emit_set(b, R_X1, x);
    ir_emit_exit_const(b, 0, IR_EXIT_JUMP);
    ir_emit_trap(b, 0, 1, x);
    assert_int_equal(b->ninsns, n);
    assert_int_equal(b->ntemps, nt);
    char err[128];
    assert_int_equal(ir_verify(b, err, sizeof err), -EINVAL);
    assert_non_null(strstr(err, "out of memory"));
    ir_block_reset(b, 0x100);
    assert_false(b->oom);
    free_block(b);
}

/* ---- verifier: broken blocks --------------------------------------------- */

static IrInsn *last(IrBlock *b)
{
    return &b->insns[b->ninsns - 1];
}

static void end(IrBlock *b)
{
    ir_emit_exit_const(b, 0x1000, IR_EXIT_JUMP);
}

static IrTemp i64(IrBlock *b) { return ir_emit_const(b, IR_I64, 8); }
static IrTemp i32(IrBlock *b) { return ir_emit_const(b, IR_I32, 4); }
static IrTemp f64(IrBlock *b) { return ir_emit_const(b, IR_F64, 0); }
static IrTemp f32(IrBlock *b) { return ir_emit_const(b, IR_F32, 0); }

static void bad_use_before_def(IrBlock *b)
{
    IrTemp later = ir_new_temp(b, IR_I64);
    ir_emit_bin(b, IR_ADD, i64(b), later);
    end(b);
}
static void bad_self_use(IrBlock *b)
{
    IrTemp x = i64(b);
    IrTemp y = ir_emit_bin(b, IR_ADD, x, x);
    last(b)->args[1] = y;
    end(b);
}
static void bad_double_def(IrBlock *b)
{
    IrTemp x = i64(b);
    i64(b);
    last(b)->dst = x;
    end(b);
}
static void bad_temp_range(IrBlock *b)
{
    ir_emit_un(b, IR_NEG, i64(b));
    last(b)->args[0] = 999;
    end(b);
}
static void bad_dst_range(IrBlock *b)
{
    i64(b);
    last(b)->dst = 999;
    end(b);
}
static void bad_missing_operand(IrBlock *b)
{
    ir_emit_un(b, IR_NEG, IR_NO_TEMP);
    end(b);
}
static void bad_missing_result(IrBlock *b)
{
    ir_emit_un(b, IR_NEG, i64(b));
    last(b)->dst = IR_NO_TEMP;
    end(b);
}
static void bad_unused_slot(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_un(b, IR_NOT, x);
    last(b)->args[2] = x;
    end(b);
}
static void bad_nargs(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_bin(b, IR_ADD, x, x);
    last(b)->nargs = 3;
    end(b);
}
static void bad_type_field(IrBlock *b)
{
    i64(b);
    last(b)->type = IR_I32;
    end(b);
}
static void bad_unknown_op(IrBlock *b)
{
    ir_append(b, (IrOp)200);
    end(b);
}
static void bad_insn_len(IrBlock *b)
{
    ir_emit_insn(b, 0x1000, 0);
    end(b);
}
static void bad_const_void(IrBlock *b)
{
    ir_emit_const(b, IR_VOID, 0);
    end(b);
}
static void bad_const_wide(IrBlock *b)
{
    i32(b);
    last(b)->imm = -1;
    end(b);
}
static void bad_get_reg(IrBlock *b)
{
    ir_emit_get(b, 99);
    end(b);
}
static void bad_get_type(IrBlock *b)
{
    IrTemp x = ir_emit_get(b, R_X1);
    last(b)->type = IR_I32;
    b->temp_type[x] = IR_I32;
    end(b);
}
static void bad_set_type(IrBlock *b)
{
    ir_emit_set(b, R_X1, i32(b));
    end(b);
}
static void bad_set_reg(IrBlock *b)
{
    ir_emit_set(b, NREGS, i64(b));
    end(b);
}
static void bad_bin_mixed(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_bin(b, IR_ADD, x, i32(b));
    end(b);
}
static void bad_bin_float(IrBlock *b)
{
    IrTemp x = f64(b);
    ir_emit_bin(b, IR_MUL, x, x);
    end(b);
}
static void bad_shift_amount(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_bin(b, IR_SHL, x, f64(b));
    end(b);
}
static void bad_shift_float(IrBlock *b)
{
    IrTemp x = f32(b);
    ir_emit_bin(b, IR_ROTR, x, i32(b));
    end(b);
}
static void bad_un_float(IrBlock *b)
{
    ir_emit_un(b, IR_CLZ, f64(b));
    end(b);
}
static void bad_bswap_i8(IrBlock *b)
{
    ir_emit_un(b, IR_BSWAP, ir_emit_const(b, IR_I8, 1));
    end(b);
}
static void bad_widen(IrBlock *b)
{
    ir_emit_conv(b, IR_SEXT, IR_I32, i32(b));
    end(b);
}
static void bad_widen_float(IrBlock *b)
{
    ir_emit_conv(b, IR_ZEXT, IR_I64, f32(b));
    end(b);
}
static void bad_narrow(IrBlock *b)
{
    ir_emit_conv(b, IR_TRUNC, IR_I64, i32(b));
    end(b);
}
static void bad_bitcast_width(IrBlock *b)
{
    ir_emit_conv(b, IR_BITCAST, IR_F64, i32(b));
    end(b);
}
static void bad_bitcast_int_int(IrBlock *b)
{
    ir_emit_conv(b, IR_BITCAST, IR_I64, i64(b));
    end(b);
}
static void bad_cmp_int_cond(IrBlock *b)
{
    IrTemp x = f64(b);
    ir_emit_cmp(b, IR_SLT, x, x);
    end(b);
}
static void bad_cmp_float_cond(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_cmp(b, IR_FLT, x, x);
    end(b);
}
static void bad_cmp_mixed(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_cmp(b, IR_EQ, x, i32(b));
    end(b);
}
static void bad_cmp_cond(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_cmp(b, (IrCond)99, x, x);
    end(b);
}
static void bad_select_cond(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_select(b, x, x, x);
    end(b);
}
static void bad_select_mixed(IrBlock *b)
{
    IrTemp c = ir_emit_const(b, IR_I1, 1);
    ir_emit_select(b, c, i64(b), i32(b));
    end(b);
}
static void bad_fbin_int(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_bin(b, IR_FADD, x, x);
    end(b);
}
static void bad_fun_int(IrBlock *b)
{
    ir_emit_un(b, IR_FSQRT, i32(b));
    end(b);
}
static void bad_fma_mixed(IrBlock *b)
{
    IrTemp x = f64(b);
    ir_emit_fma(b, x, f32(b), x);
    end(b);
}
static void bad_fcvt_same(IrBlock *b)
{
    ir_emit_fcvt(b, IR_CVT_FF, IR_F64, f64(b));
    end(b);
}
static void bad_fcvt_sf_float(IrBlock *b)
{
    ir_emit_fcvt(b, IR_CVT_SF, IR_F64, f64(b));
    end(b);
}
static void bad_fcvt_fu_to_float(IrBlock *b)
{
    ir_emit_fcvt(b, IR_CVT_FU, IR_F32, f64(b));
    end(b);
}
static void bad_fcvt_kind(IrBlock *b)
{
    ir_emit_fcvt(b, 9, IR_F64, i64(b));
    end(b);
}
static void bad_load_addr(IrBlock *b)
{
    ir_emit_load(b, IR_I64, 8, 0, i32(b));
    end(b);
}
static void bad_load_size(IrBlock *b)
{
    ir_emit_load(b, IR_I64, 3, 0, i64(b));
    end(b);
}
static void bad_load_narrow(IrBlock *b)
{
    ir_emit_load(b, IR_I32, 8, 0, i64(b));
    end(b);
}
static void bad_load_float_size(IrBlock *b)
{
    ir_emit_load(b, IR_F64, 4, 0, i64(b));
    end(b);
}
static void bad_load_signed_float(IrBlock *b)
{
    ir_emit_load(b, IR_F32, 4, IR_MEM_SIGNED, i64(b));
    end(b);
}
static void bad_load_flags(IrBlock *b)
{
    ir_emit_load(b, IR_I64, 8, 0x80, i64(b));
    end(b);
}
static void bad_store_signed(IrBlock *b)
{
    IrTemp a = i64(b);
    ir_emit_store(b, 8, IR_MEM_SIGNED, a, a);
    end(b);
}
static void bad_store_narrow(IrBlock *b)
{
    IrTemp a = i64(b);
    ir_emit_store(b, 8, 0, a, i32(b));
    end(b);
}
static void bad_store_float(IrBlock *b)
{
    IrTemp a = i64(b);
    ir_emit_store(b, 8, 0, a, f32(b));
    end(b);
}
static void bad_store_type_field(IrBlock *b)
{
    IrTemp a = i64(b);
    ir_emit_store(b, 8, 0, a, a);
    last(b)->type = IR_VOID;
    end(b);
}
static void bad_fence(IrBlock *b)
{
    ir_emit_fence(b, 0);
    end(b);
}
static void bad_call_helper(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_call(b, 7, &x, 1);
    end(b);
}
static void bad_call_nargs(IrBlock *b)
{
    IrTemp a[2] = { f64(b), f64(b) };
    ir_emit_call(b, H_FADD_D, a, 2);
    end(b);
}
static void bad_call_too_many(IrBlock *b)
{
    IrTemp x = i64(b);
    IrTemp a[5] = { x, x, x, x, x };
    ir_emit_call(b, H_SET_FFLAGS, a, 5);
    end(b);
}
static void bad_call_arg_type(IrBlock *b)
{
    IrTemp d = f64(b);
    IrTemp a[3] = { d, d, d };
    ir_emit_call(b, H_FADD_D, a, 3);
    end(b);
}
static void bad_call_void_dst(IrBlock *b)
{
    IrTemp x = i64(b);
    ir_emit_call(b, H_SET_FFLAGS, &x, 1);
    last(b)->dst = ir_new_temp(b, IR_I64);
    last(b)->type = IR_I64;
    end(b);
}
static void bad_call_ret(IrBlock *b)
{
    IrTemp a[2] = { i64(b), i32(b) };
    IrTemp r = ir_emit_call(b, H_CSR_READ, a, 2);
    last(b)->type = IR_I32;
    b->temp_type[r] = IR_I32;
    end(b);
}
static void bad_branch_cond(IrBlock *b)
{
    ir_emit_branch(b, i64(b), 0x2000, IR_EXIT_BRANCH);
    end(b);
}
static void bad_branch_reason(IrBlock *b)
{
    ir_emit_branch(b, ir_emit_const(b, IR_I1, 0), 0x2000, (IrExitReason)42);
    end(b);
}
static void bad_exit_pc(IrBlock *b)
{
    ir_emit_exit(b, i32(b), IR_EXIT_JUMP);
}
static void bad_exit_reason(IrBlock *b)
{
    ir_emit_exit(b, i64(b), IR_NEXITS);
}
static void bad_exit_tval(IrBlock *b)
{
    ir_emit_trap(b, 0x1000, 2, i32(b));
}
static void bad_exit_cause_on_jump(IrBlock *b)
{
    end(b);
    last(b)->imm = 3;
}
static void bad_exit_missing_pc(IrBlock *b)
{
    ir_emit_exit(b, IR_NO_TEMP, IR_EXIT_JUMP);
}
static void bad_no_exit(IrBlock *b)
{
    ir_emit_insn(b, 0x1000, 4);
    i64(b);
}
static void bad_empty(IrBlock *b)
{
    (void)b;
}
static void bad_after_exit(IrBlock *b)
{
    end(b);
    i64(b);
}
static void bad_branch_after_exit(IrBlock *b)
{
    IrTemp c = ir_emit_const(b, IR_I1, 1);
    end(b);
    ir_emit_branch(b, c, 0x2000, IR_EXIT_BRANCH);
}
static void bad_two_exits(IrBlock *b)
{
    end(b);
    end(b);
}
static void bad_branch_trap(IrBlock *b)
{
    ir_emit_branch(b, ir_emit_const(b, IR_I1, 0), 0x2000, IR_EXIT_TRAP);
    end(b);
}
static void bad_load_outside_insn(IrBlock *b)
{
    ir_emit_load(b, IR_I64, 8, 0, i64(b));
    end(b);
}
static void bad_store_outside_insn(IrBlock *b)
{
    IrTemp a = i64(b);
    ir_emit_store(b, 8, 0, a, a);
    ir_emit_insn(b, 0x1000, 4);
    end(b);
}
static void bad_trapping_call_outside_insn(IrBlock *b)
{
    IrTemp a[2] = { i64(b), i32(b) };
    ir_emit_call(b, H_CSR_READ, a, 2);
    end(b);
}
static void bad_oom(IrBlock *b)
{
    end(b);
    b->oom = 1;
}

static const struct {
    const char *name;
    void (*build)(IrBlock *b);
    const char *expect;
} bad_cases[] = {
#define BAD(id, expect) { #id, bad_##id, expect }
    BAD(use_before_def, "insn 1 (add): operand 2: t1 used before definition"),
    BAD(self_use, "operand 2: t2 used before definition"),
    BAD(double_def, "insn 1 (const): t1 defined twice"),
    BAD(temp_range, "operand 1: t999 out of range (4 temps)"),
    BAD(dst_range, "result t999 out of range"),
    BAD(missing_operand, "insn 0 (neg): operand 1 missing"),
    BAD(missing_result, "insn 1 (neg): result missing"),
    BAD(unused_slot, "unused operand 3 is t1"),
    BAD(nargs, "insn 1 (add): 3 operands, expected 2"),
    BAD(type_field, "type field is i32 but t1 is i64"),
    BAD(unknown_op, "insn 0 (?): unknown opcode 200"),
    BAD(insn_len, "insn 0 (insn): instruction length 0"),
    BAD(const_void, "insn 0 (const): result is void, expected an integer or float type"),
    BAD(const_wide, "constant 0xffffffffffffffff does not fit i32"),
    BAD(get_reg, "insn 0 (get): register 99 out of range (6 registers)"),
    BAD(get_type, "result is i32, register x1 is i64"),
    BAD(set_type, "insn 1 (set): operand 1 is i32, expected i64"),
    BAD(set_reg, "register 6 out of range"),
    BAD(bin_mixed, "insn 2 (add): operand 2 is i32, expected i64"),
    BAD(bin_float, "insn 1 (mul): result is f64, expected an integer type"),
    BAD(shift_amount, "insn 2 (shl): operand 2 is f64, expected an integer type"),
    BAD(shift_float, "insn 2 (rotr): result is f32, expected an integer type"),
    BAD(un_float, "insn 1 (clz): result is f64"),
    BAD(bswap_i8, "byte swap of i8"),
    BAD(widen, "insn 1 (sext): i32 to i32 is not wider"),
    BAD(widen_float, "insn 1 (zext): operand 1 is f32, expected an integer type"),
    BAD(narrow, "insn 1 (trunc): i32 to i64 is not narrower"),
    BAD(bitcast_width, "cannot bitcast i32 to f64"),
    BAD(bitcast_int_int, "cannot bitcast i64 to i64"),
    BAD(cmp_int_cond, "insn 1 (cmp): operand 1 is f64, expected an integer type"),
    BAD(cmp_float_cond, "operand 1 is i64, expected a float type"),
    BAD(cmp_mixed, "insn 2 (cmp): operand 2 is i32, expected i64"),
    BAD(cmp_cond, "bad condition 99"),
    BAD(select_cond, "insn 1 (select): operand 1 is i64, expected i1"),
    BAD(select_mixed, "insn 3 (select): operand 3 is i32, expected i64"),
    BAD(fbin_int, "insn 1 (fadd): result is i64, expected a float type"),
    BAD(fun_int, "insn 1 (fsqrt): result is i32, expected a float type"),
    BAD(fma_mixed, "insn 2 (fma): operand 2 is f32, expected f64"),
    BAD(fcvt_same, "float conversion from f64 to itself"),
    BAD(fcvt_sf_float, "insn 1 (fcvt): operand 1 is f64, expected an integer type"),
    BAD(fcvt_fu_to_float, "result is f32, expected an integer type"),
    BAD(fcvt_kind, "bad conversion kind 9"),
    BAD(load_addr, "insn 1 (load): operand 1 is i32, expected i64"),
    BAD(load_size, "bad access size 3"),
    BAD(load_narrow, "8-byte load of i32"),
    BAD(load_float_size, "load access of f64"),
    BAD(load_signed_float, "signed load of a float"),
    BAD(load_flags, "bad memory flags 0x80"),
    BAD(store_signed, "insn 1 (store): bad memory flags 0x1"),
    BAD(store_narrow, "8-byte store of i32"),
    BAD(store_float, "store access of f32"),
    BAD(store_type_field, "type field is void, expected i64"),
    BAD(fence, "bad fence kind 0"),
    BAD(call_helper, "insn 1 (call): helper 7 out of range (3 helpers)"),
    BAD(call_nargs, "2 arguments, helper fadd_d takes 3"),
    BAD(call_too_many, "5 arguments, at most 4"),
    BAD(call_arg_type, "insn 1 (call): operand 3 is f64, expected i64"),
    BAD(call_void_dst, "has a result t2 but produces none"),
    BAD(call_ret, "result is i32, helper csr_read returns i64"),
    BAD(branch_cond, "insn 1 (branch): operand 1 is i64, expected i1"),
    BAD(branch_reason, "bad exit reason 42"),
    BAD(exit_pc, "insn 1 (exit): operand 1 is i32, expected i64"),
    BAD(exit_reason, "bad exit reason 10"),
    BAD(exit_tval, "insn 2 (exit): operand 2 is i32, expected i64"),
    BAD(exit_cause_on_jump, "trap cause or value on a jump exit"),
    BAD(exit_missing_pc, "insn 0 (exit): operand 1 missing"),
    BAD(no_exit, "block does not end with exit"),
    BAD(empty, "empty block: no exit"),
    BAD(after_exit, "insn 2 (const): after the block's exit"),
    BAD(branch_after_exit, "insn 3 (branch): after the block's exit"),
    BAD(two_exits, "insn 2 (const): after the block's exit"),
    BAD(branch_trap, "insn 1 (branch): trap exit reason on a branch"),
    BAD(load_outside_insn, "insn 1 (load): memory access outside a guest instruction"),
    BAD(store_outside_insn, "insn 1 (store): memory access outside a guest instruction"),
    BAD(trapping_call_outside_insn,
        "insn 2 (call): trapping helper csr_read outside a guest instruction"),
    BAD(oom, "out of memory"),
#undef BAD
};

static void test_verify_rejects(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x1000);
    int failures = 0;
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        char err[256];
        ir_block_reset(b, 0x1000);
        bad_cases[i].build(b);
        memset(err, 'x', sizeof err);
        int r = ir_verify(b, err, sizeof err);
        if (r != -EINVAL || strstr(err, bad_cases[i].expect) == NULL ||
            strchr(err, '\n') != NULL) {
            print_error("case %s: r=%d err \"%s\", expected \"%s\"\n", bad_cases[i].name, r,
                        err, bad_cases[i].expect);
            failures++;
        }
    }
    free_block(b);
    assert_int_equal(failures, 0);
}

/* A tiny err buffer is still NUL-terminated; a NULL one is allowed. */
static void test_verify_err_buffer(void **state)
{
    (void)state;
    IrBlock *b = new_block(0x1000);
    bad_bin_mixed(b);
    char err[10];
    assert_int_equal(ir_verify(b, err, sizeof err), -EINVAL);
    assert_string_equal(err, "insn 2 (a");
    assert_int_equal(ir_verify(b, NULL, 0), -EINVAL);
    free_block(b);
}

/* Random garbage blocks: the verifier and the printer must neither crash
 * nor read out of bounds (run under ASan), and every rejection comes with a
 * one-line reason. */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void test_garbage_blocks(void **state)
{
    (void)state;
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    IrBlock *b = new_block(0);
    static const int64_t imms[] = { 0, 1, 2, 3, 4, 8, -1, 5, 6, 100 };
    unsigned accepted = 0;
    for (unsigned iter = 0; iter < 20000; iter++) {
        ir_block_reset(b, 0x1000);
        unsigned ntemps = (unsigned)(rng_next(&seed) % 8);
        for (unsigned t = 0; t < ntemps; t++)
            ir_new_temp(b, (IrType)(rng_next(&seed) % (IR_NTYPES + 1)));
        unsigned n = (unsigned)(rng_next(&seed) % 6);
        for (unsigned i = 0; i < n; i++) {
            uint64_t r = rng_next(&seed);
            IrInsn *in = ir_append(b, (IrOp)(r % (IR_NOPS + 2)));
            in->type = (uint8_t)((r >> 8) % (IR_NTYPES + 1));
            in->aux = (uint8_t)((r >> 12) % 16);
            in->nargs = (uint8_t)((r >> 16) % 6);
            in->dst = (IrTemp)((r >> 20) % (ntemps + 3));
            for (unsigned k = 0; k < 4; k++)
                in->args[k] = (IrTemp)((r >> (24 + 4 * k)) % (ntemps + 2));
            in->imm = imms[(r >> 40) % 10];
        }
        if (rng_next(&seed) % 2)
            ir_emit_exit_const(b, 0x1004, IR_EXIT_JUMP);
        char err[256];
        if (ir_verify(b, err, sizeof err) == 0)
            accepted++;
        else
            assert_true(strlen(err) > 0 && strchr(err, '\n') == NULL);
        char *text = block_text(b);
        free(text);
    }
    free_block(b);
    assert_true(accepted > 0); /* the generator does reach valid blocks */
}

/* ---- fvp_lift_block with a fake frontend ----------------------------------
 * Fake ISA: byte 0 is the kind, byte 1 an argument; kinds with bit 7 set are
 * 4 bytes long (bytes 2..3 ignored), others 2.
 *   0x01 addi  x1 += arg          0x02 jump  pc + arg (ends the block)
 *   0x03 beqz  x1 == 0 -> pc+arg  0x81 nop4
 *   anything else: illegal (trap cause 2, tval = kind), ends the block.
 */
typedef struct FakeInsn {
    uint8_t kind, arg, len;
} FakeInsn;

static unsigned fake_length(const uint8_t *code, size_t avail)
{
    if (avail < 1)
        return 0;
    unsigned len = (code[0] & 0x80) ? 4 : 2;
    return avail >= len ? len : 0;
}

static unsigned fake_decode(const uint8_t *code, size_t avail, uint64_t pc, void *out)
{
    (void)pc;
    unsigned len = fake_length(code, avail);
    if (len == 0)
        return 0;
    FakeInsn *in = out;
    in->kind = code[0];
    in->arg = code[1];
    in->len = (uint8_t)len;
    return len;
}

static size_t fake_decode_batch(const uint8_t *code, size_t avail, uint64_t pc, void *out,
                                size_t max)
{
    size_t n = 0, off = 0;
    FakeInsn *ins = out;
    while (n < max) {
        unsigned len = fake_decode(code + off, avail - off, pc + off, &ins[n]);
        if (len == 0)
            break;
        off += len;
        n++;
    }
    return n;
}

static int fake_to_ir(IrBlock *b, const void *insn, uint64_t pc)
{
    const FakeInsn *in = insn;
    switch (in->kind) {
    case 0x01: {
        IrTemp x = ir_emit_get(b, R_X1);
        IrTemp s = ir_emit_bin(b, IR_ADD, x, ir_emit_const(b, IR_I64, in->arg));
        ir_emit_set(b, R_X1, s);
        return 0;
    }
    case 0x02:
        ir_emit_exit_const(b, pc + in->arg, IR_EXIT_JUMP);
        return 1;
    case 0x03: {
        IrTemp x = ir_emit_get(b, R_X1);
        IrTemp c = ir_emit_cmp(b, IR_EQ, x, ir_emit_const(b, IR_I64, 0));
        ir_emit_branch(b, c, pc + in->arg, IR_EXIT_BRANCH);
        return 0;
    }
    case 0x81:
        return 0;
    default:
        ir_emit_trap(b, pc, 2, ir_emit_const(b, IR_I64, in->kind));
        return 1;
    }
}

static int fake_format(const void *insn, uint64_t pc, char *buf, size_t n)
{
    const FakeInsn *in = insn;
    (void)pc;
    return snprintf(buf, n, "fake%02x %u", in->kind, in->arg);
}

static const FvpFrontend fake_frontend = {
    .name = "fake",
    .max_insn_len = 4,
    .insn_size = sizeof(FakeInsn),
    .ir_env = &fake_env,
    .fetch_fault_cause = 1,
    .length = fake_length,
    .decode = fake_decode,
    .decode_batch = fake_decode_batch,
    .to_ir = fake_to_ir,
    .format = fake_format,
};

typedef struct FakeCode {
    uint64_t base;
    const uint8_t *bytes;
    size_t n;
    unsigned reads;
} FakeCode;

static size_t fake_read(void *ctx, uint64_t pc, uint8_t *buf, size_t n)
{
    FakeCode *c = ctx;
    c->reads++;
    if (pc < c->base || pc - c->base >= c->n)
        return 0;
    size_t off = (size_t)(pc - c->base);
    size_t k = c->n - off < n ? c->n - off : n;
    memcpy(buf, c->bytes + off, k);
    return k;
}

/* Lifts code at 0x1000 into a fresh block; returns it (caller frees). */
static IrBlock *lift(const uint8_t *bytes, size_t n, uint64_t pc, unsigned max_insns)
{
    FakeCode code = { 0x1000, bytes, n, 0 };
    IrBlock *b = new_block(0);
    b->env = NULL; /* fvp_lift_block takes the frontend's */
    assert_int_equal(fvp_lift_block(&fake_frontend, fake_read, &code, pc, max_insns, b), 0);
    assert_ptr_equal(b->env, &fake_env);
    assert_verifies(b);
    return b;
}

static void test_lift_basic(void **state)
{
    (void)state;
    static const uint8_t code[] = { 0x01, 0x05, 0x03, 0x10, 0x81, 0, 0, 0, 0x02, 0x20,
                                    0x01, 0x01 };
    IrBlock *b = lift(code, sizeof code, 0x1000, 100);
    assert_int_equal(b->nguest, 4);
    assert_int_equal(b->pc, 0x1000);
    assert_int_equal(b->end_pc, 0x100a);
    assert_block_text(b,
        "; block 0x1000 end 0x100a nguest 4\n"
        "; insn 0x1000 len 2\n"
        "  t1:i64 = get x1\n"
        "  t2:i64 = const 0x5\n"
        "  t3:i64 = add t1, t2\n"
        "  set x1, t3\n"
        "; insn 0x1002 len 2\n"
        "  t4:i64 = get x1\n"
        "  t5:i64 = const 0x0\n"
        "  t6:i1 = cmp.eq t4, t5\n"
        "  branch t6, 0x1012 (branch)\n"
        "; insn 0x1004 len 4\n"
        "; insn 0x1008 len 2\n"
        "  t7:i64 = const 0x1028\n"
        "  exit t7 (jump)\n");
    free_block(b);
}

static void test_lift_limit(void **state)
{
    (void)state;
    static const uint8_t code[] = { 0x01, 1, 0x01, 2, 0x81, 0, 0, 0, 0x01, 3 };
    IrBlock *b = lift(code, sizeof code, 0x1000, 3);
    assert_int_equal(b->nguest, 3);
    assert_int_equal(b->end_pc, 0x1008);
    char line[64];
    ir_print_insn(b, &b->insns[b->ninsns - 1], line, sizeof line);
    assert_string_equal(line, "exit t7 (limit)");
    ir_print_insn(b, &b->insns[b->ninsns - 2], line, sizeof line);
    assert_string_equal(line, "t7:i64 = const 0x1008");
    free_block(b);

    /* max_insns 0 counts as 1: the block always makes progress. */
    b = lift(code, sizeof code, 0x1002, 0);
    assert_int_equal(b->nguest, 1);
    assert_int_equal(b->end_pc, 0x1004);
    assert_int_equal(last(b)->aux, IR_EXIT_LIMIT);
    free_block(b);
}

static void test_lift_fetch_fault(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        uint8_t bytes[8];
        size_t n;
        uint64_t pc;
        uint32_t nguest;
        uint64_t fault_pc, tval;
    } cases[] = {
        { "unmapped start", { 0 }, 0, 0x1000, 0, 0x1000, 0x1000 },
        { "outside code", { 0x01, 1 }, 2, 0x5000, 0, 0x5000, 0x5000 },
        { "end of code", { 0x01, 1, 0x01, 2 }, 4, 0x1000, 2, 0x1004, 0x1004 },
        { "half an insn", { 0x01, 1, 0x01 }, 3, 0x1000, 1, 0x1002, 0x1003 },
        { "3 of 4 bytes", { 0x01, 1, 0x81, 0, 0 }, 5, 0x1000, 1, 0x1002, 0x1005 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        IrBlock *b = lift(cases[i].bytes, cases[i].n, cases[i].pc, 100);
        assert_int_equal(b->nguest, cases[i].nguest);
        assert_int_equal(b->end_pc, cases[i].fault_pc);
        const IrInsn *ex = last(b);
        assert_int_equal(ex->op, IR_EXIT);
        assert_int_equal(ex->aux, IR_EXIT_TRAP);
        assert_int_equal(ex->imm, 1);
        /* pc operand and tval are the constants just before the exit */
        const IrInsn *pcc = &b->insns[b->ninsns - 2];
        const IrInsn *tvc = &b->insns[b->ninsns - 3];
        assert_int_equal(pcc->op, IR_CONST);
        assert_int_equal(pcc->dst, ex->args[0]);
        assert_int_equal((uint64_t)pcc->imm, cases[i].fault_pc);
        assert_int_equal(tvc->op, IR_CONST);
        assert_int_equal(tvc->dst, ex->args[1]);
        assert_int_equal((uint64_t)tvc->imm, cases[i].tval);
        free_block(b);
    }
}

static void test_lift_illegal_and_reuse(void **state)
{
    (void)state;
    static const uint8_t code[] = { 0x01, 7, 0x7f, 0 };
    FakeCode c = { 0x1000, code, sizeof code, 0 };
    IrBlock *b = new_block(0);
    assert_int_equal(fvp_lift_block(&fake_frontend, fake_read, &c, 0x1000, 10, b), 0);
    assert_verifies(b);
    assert_block_text(b,
        "; block 0x1000 end 0x1004 nguest 2\n"
        "; insn 0x1000 len 2\n"
        "  t1:i64 = get x1\n"
        "  t2:i64 = const 0x7\n"
        "  t3:i64 = add t1, t2\n"
        "  set x1, t3\n"
        "; insn 0x1002 len 2\n"
        "  t4:i64 = const 0x7f\n"
        "  t5:i64 = const 0x1002\n"
        "  exit t5 (trap cause=2 tval=t4)\n");
    /* The same block lifted again starts from scratch. */
    assert_int_equal(fvp_lift_block(&fake_frontend, fake_read, &c, 0x1002, 10, b), 0);
    assert_verifies(b);
    assert_int_equal(b->pc, 0x1002);
    assert_int_equal(b->nguest, 1);
    assert_int_equal(b->ntemps, 3);
    assert_int_equal(b->insns[0].op, IR_INSN);
    free_block(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_print_all_ops),
        cmocka_unit_test(test_all_ops_covered),
        cmocka_unit_test(test_print_consts_and_exits),
        cmocka_unit_test(test_print_invalid),
        cmocka_unit_test(test_print_truncates),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_builder_types),
        cmocka_unit_test(test_builder_garbage),
        cmocka_unit_test(test_builder_reset_and_growth),
        cmocka_unit_test(test_builder_oom_sticky),
        cmocka_unit_test(test_verify_rejects),
        cmocka_unit_test(test_verify_err_buffer),
        cmocka_unit_test(test_garbage_blocks),
        cmocka_unit_test(test_lift_basic),
        cmocka_unit_test(test_lift_limit),
        cmocka_unit_test(test_lift_fetch_fault),
        cmocka_unit_test(test_lift_illegal_and_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

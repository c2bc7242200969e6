/*
 * Unit tests for xlat_sext_peephole (translator/llvm_peephole.c, docs D48): InstCombine's
 * shifted sign extension of a W operation with a constant, `ashr(add(shl x, 32), k << 32),
 * 32)`, goes back to `sext(add i32 (trunc x), k)`.  Each case parses a function, rewrites it,
 * checks what was rewritten and what was left, and runs the rewritten function (MCJIT) on
 * values around the 32-bit edges against the same arithmetic in C.
 * Also xlat_twin_arms (docs D56): two arms doing the same operations and branching the same
 * two ways get a common block, which SimplifyCFG then turns into one load off a selected
 * address; with the arms' successors swapped, unlike operations, or two operands differing,
 * the arms stay apart.  Run against C.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/ExecutionEngine.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/Target.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "translator/llvm_emit.h"

static LLVMModuleRef parse(LLVMContextRef ctx, const char *text)
{
    LLVMMemoryBufferRef buf =
        LLVMCreateMemoryBufferWithMemoryRangeCopy(text, strlen(text), "case");
    LLVMModuleRef mod = NULL;
    char *msg = NULL;
    if (LLVMParseIRInContext(ctx, buf, &mod, &msg) != 0)
        fail_msg("parse: %s", msg ? msg : "?");
    return mod;
}

static void verify(LLVMModuleRef mod)
{
    char *msg = NULL;
    if (LLVMVerifyModule(mod, LLVMReturnStatusAction, &msg) != 0)
        fail_msg("verify: %s", msg);
    LLVMDisposeMessage(msg);
}

/* An MCJIT engine owning mod. */
static LLVMExecutionEngineRef jit(LLVMModuleRef mod)
{
    LLVMExecutionEngineRef ee = NULL;
    struct LLVMMCJITCompilerOptions opts;
    char *msg = NULL;
    LLVMInitializeMCJITCompilerOptions(&opts, sizeof opts);
    if (LLVMCreateMCJITCompilerForModule(&ee, mod, &opts, sizeof opts, &msg) != 0)
        fail_msg("mcjit: %s", msg);
    return ee;
}

/* How many instructions of function fn have opcode op. */
static unsigned count_op(LLVMModuleRef mod, const char *fn, LLVMOpcode op)
{
    unsigned n = 0;
    LLVMValueRef f = LLVMGetNamedFunction(mod, fn);
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in))
            n += LLVMGetInstructionOpcode(in) == op;
    return n;
}

static const char cases[] =
    /* the pattern: addiw x, -1 */
    "define i64 @dec(i64 %x) {\n"
    "  %s = shl i64 %x, 32\n"
    "  %a = add i64 %s, -4294967296\n"
    "  %r = ashr exact i64 %a, 32\n"
    "  ret i64 %r\n"
    "}\n"
    /* addiw x, 0x7fffffff, the sum also used elsewhere: the add stays for that use */
    "define i64 @big(i64 %x, ptr %p) {\n"
    "  %s = shl i64 %x, 32\n"
    "  %a = add i64 %s, 9223372032559808512\n"
    "  store i64 %a, ptr %p\n"
    "  %r = ashr i64 %a, 32\n"
    "  ret i64 %r\n"
    "}\n"
    /* not the pattern: a constant with low bits, a shift by 31, a logical shift */
    "define i64 @low(i64 %x) {\n"
    "  %s = shl i64 %x, 32\n"
    "  %a = add i64 %s, 5\n"
    "  %r = ashr i64 %a, 32\n"
    "  ret i64 %r\n"
    "}\n"
    "define i64 @by31(i64 %x) {\n"
    "  %s = shl i64 %x, 31\n"
    "  %a = add i64 %s, -4294967296\n"
    "  %r = ashr i64 %a, 32\n"
    "  ret i64 %r\n"
    "}\n"
    "define i64 @lshr(i64 %x) {\n"
    "  %s = shl i64 %x, 32\n"
    "  %a = add i64 %s, -4294967296\n"
    "  %r = lshr i64 %a, 32\n"
    "  ret i64 %r\n"
    "}\n";

static const uint64_t inputs[] = { 0,          1,          0x7fffffff, 0x80000000, 0xffffffff,
                                   0x100000000, 0xffffffff80000000ull, 0xffffffffffffffffull,
                                   0x123456789abcdef0ull };

static int64_t w_add(uint64_t x, int32_t k)
{
    return (int64_t)(int32_t)(uint32_t)((uint32_t)x + (uint32_t)k);
}

static void test_rewrite(void **state)
{
    (void)state;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef mod = parse(ctx, cases);
    assert_int_equal(xlat_sext_peephole(mod), 2);
    verify(mod);
    /* rewritten: no shifts left in dec; big keeps its add (stored) but not the ashr */
    assert_int_equal(count_op(mod, "dec", LLVMAShr), 0);
    assert_int_equal(count_op(mod, "dec", LLVMShl), 0);
    assert_int_equal(count_op(mod, "dec", LLVMSExt), 1);
    assert_int_equal(count_op(mod, "big", LLVMAShr), 0);
    assert_int_equal(count_op(mod, "big", LLVMSExt), 1);
    assert_int_equal(count_op(mod, "big", LLVMShl), 1);
    /* left alone */
    assert_int_equal(count_op(mod, "low", LLVMAShr), 1);
    assert_int_equal(count_op(mod, "by31", LLVMAShr), 1);
    assert_int_equal(count_op(mod, "lshr", LLVMLShr), 1);

    LLVMExecutionEngineRef ee = jit(mod);
    int64_t (*dec)(uint64_t) = (int64_t(*)(uint64_t))LLVMGetFunctionAddress(ee, "dec");
    int64_t (*big)(uint64_t, uint64_t *) =
        (int64_t(*)(uint64_t, uint64_t *))LLVMGetFunctionAddress(ee, "big");
    int64_t (*low)(uint64_t) = (int64_t(*)(uint64_t))LLVMGetFunctionAddress(ee, "low");
    assert_non_null(dec);
    assert_non_null(big);
    assert_non_null(low);
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        uint64_t x = inputs[i], stored = 0;
        assert_int_equal(dec(x), w_add(x, -1));
        assert_int_equal(big(x, &stored), w_add(x, 0x7fffffff));
        assert_int_equal(stored, (x << 32) + 0x7fffffff00000000ull);
        assert_int_equal(low(x), (int64_t)((x << 32) + 5) >> 32);
    }
    LLVMDisposeExecutionEngine(ee); /* owns mod */
    LLVMContextDispose(ctx);
}

/* `p[1]` or `p[2]` by c, then 100 + the value, or the arm's number when it is 0 (twin arms);
 * swap: the same but the second arm's test reads the other way round; apart: unlike operations;
 * two: two operands differ. */
static const char twins[] =
    "define i64 @pick(i1 %c, ptr %p) {\n"
    "entry:\n  br i1 %c, label %a, label %b\n"
    "a:\n  %pa = getelementptr i8, ptr %p, i64 8\n  %va = load i64, ptr %pa\n"
    "  %za = icmp eq i64 %va, 0\n  br i1 %za, label %zero, label %done\n"
    "b:\n  %pb = getelementptr i8, ptr %p, i64 16\n  %vb = load i64, ptr %pb\n"
    "  %zb = icmp eq i64 %vb, 0\n  br i1 %zb, label %zero, label %done\n"
    "zero:\n  %r0 = phi i64 [ 1, %a ], [ 2, %b ]\n  ret i64 %r0\n"
    "done:\n  %r = phi i64 [ %va, %a ], [ %vb, %b ]\n  %r1 = add i64 %r, 100\n  ret i64 %r1\n"
    "}\n"
    "define i64 @swap(i1 %c, ptr %p) {\n"
    "entry:\n  br i1 %c, label %a, label %b\n"
    "a:\n  %pa = getelementptr i8, ptr %p, i64 8\n  %va = load i64, ptr %pa\n"
    "  %za = icmp eq i64 %va, 0\n  br i1 %za, label %zero, label %done\n"
    "b:\n  %pb = getelementptr i8, ptr %p, i64 16\n  %vb = load i64, ptr %pb\n"
    "  %zb = icmp eq i64 %vb, 0\n  br i1 %zb, label %done, label %zero\n"
    "zero:\n  %r0 = phi i64 [ 1, %a ], [ 2, %b ]\n  ret i64 %r0\n"
    "done:\n  %r = phi i64 [ %va, %a ], [ %vb, %b ]\n  %r1 = add i64 %r, 100\n  ret i64 %r1\n"
    "}\n"
    "define i64 @apart(i1 %c, i64 %x, i64 %y) {\n"
    "entry:\n  br i1 %c, label %a, label %b\n"
    "a:\n  %va = add i64 %x, 1\n  %za = icmp eq i64 %va, 0\n  br i1 %za, label %zero, label %done\n"
    "b:\n  %vb = sub i64 %x, 1\n  %zb = icmp eq i64 %vb, 0\n  br i1 %zb, label %zero, label %done\n"
    "zero:\n  ret i64 7\n"
    "done:\n  %r = phi i64 [ %va, %a ], [ %vb, %b ]\n  ret i64 %r\n"
    "}\n"
    "define i64 @two(i1 %c, i64 %x, i64 %y, i64 %u, i64 %w) {\n"
    "entry:\n  br i1 %c, label %a, label %b\n"
    "a:\n  %va = mul i64 %x, %y\n  %za = icmp eq i64 %va, 0\n  br i1 %za, label %zero, label %done\n"
    "b:\n  %vb = mul i64 %u, %w\n  %zb = icmp eq i64 %vb, 0\n  br i1 %zb, label %zero, label %done\n"
    "zero:\n  ret i64 7\n"
    "done:\n  %r = phi i64 [ %va, %a ], [ %vb, %b ]\n  ret i64 %r\n"
    "}\n";

static int64_t pick_c(bool c, const int64_t *p, bool swap)
{
    int64_t v = c ? p[1] : p[2];
    if (v == 0)
        return !c && swap ? v + 100 : c ? 1 : 2;
    return !c && swap ? 2 : v + 100;
}

static void test_twin_arms(void **state)
{
    (void)state;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef mod = parse(ctx, twins);
    assert_int_equal(xlat_twin_arms(mod), 2); /* pick and swap */
    verify(mod);
    LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
    LLVMErrorRef err = LLVMRunPasses(mod, "function(simplifycfg<sink-common-insts;speculate-blocks>)",
                                     NULL, pbo);
    LLVMDisposePassBuilderOptions(pbo);
    assert_null(err);
    /* one load off a selected address, no branch on c left */
    assert_int_equal(count_op(mod, "pick", LLVMLoad), 1);
    assert_true(count_op(mod, "pick", LLVMSelect) >= 1);
    assert_int_equal(count_op(mod, "swap", LLVMLoad), 1);
    /* left apart */
    assert_int_equal(count_op(mod, "apart", LLVMAdd), 1);
    assert_int_equal(count_op(mod, "apart", LLVMSub), 1);
    assert_int_equal(count_op(mod, "two", LLVMMul), 2);

    LLVMExecutionEngineRef ee = jit(mod);
    int64_t (*pick)(bool, const int64_t *) =
        (int64_t(*)(bool, const int64_t *))LLVMGetFunctionAddress(ee, "pick");
    int64_t (*swap)(bool, const int64_t *) =
        (int64_t(*)(bool, const int64_t *))LLVMGetFunctionAddress(ee, "swap");
    assert_non_null(pick);
    assert_non_null(swap);
    static const int64_t mem[][3] = { { 9, 0, 0 }, { 9, 5, 0 }, { 9, 0, 6 }, { 9, 5, 6 },
                                      { 9, -100, 7 } };
    for (size_t i = 0; i < sizeof mem / sizeof *mem; i++)
        for (int c = 0; c < 2; c++) {
            assert_int_equal(pick(c, mem[i]), pick_c(c, mem[i], false));
            assert_int_equal(swap(c, mem[i]), pick_c(c, mem[i], true));
        }
    LLVMDisposeExecutionEngine(ee);
    LLVMContextDispose(ctx);
}

int main(void)
{
    LLVMLinkInMCJIT();
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rewrite),
        cmocka_unit_test(test_twin_arms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

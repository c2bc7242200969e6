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
 * Also xlat_store_forward (docs D60): loads whose bytes earlier stores in the block wrote off
 * the same guest base get the stored values, each byte the newest store's; partly covered
 * loads, stores off another base, calls and FP stores in between keep the load.  Run against
 * the module not rewritten.
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

/* Guest accesses in the shape guest_ptr gives them: mem + umin(base, bound) + offset.  The
 * functions return what they load; p and q are guest addresses, r another base. */
#define CLAMP(n, base) "  %" #n " = call i64 @llvm.umin.i64(i64 " base ", i64 274877908992)\n" \
                       "  %" #n ".h = getelementptr i8, ptr %mem, i64 %" #n "\n"
static const char fwd[] =
    "declare i64 @llvm.umin.i64(i64, i64)\n"
    "define void @clobber(ptr %mem, i64 %a) {\n"
    "  %h = getelementptr i8, ptr %mem, i64 %a\n  store i8 99, ptr %h\n  ret void\n}\n"
    /* memcpy(&v, p, 4) into q, then v: all four bytes forwarded */
    "define i64 @copy4(ptr %cpu, ptr %mem, i64 %p, i64 %q, i64 %r) {\n"
    CLAMP(cp, "%p") CLAMP(cq, "%q")
    "  %b0 = load i8, ptr %cp.h\n"
    "  %p1 = getelementptr i8, ptr %cp.h, i64 1\n  %b1 = load i8, ptr %p1\n"
    "  %p2 = getelementptr i8, ptr %cp.h, i64 2\n  %b2 = load i8, ptr %p2\n"
    "  %p3 = getelementptr i8, ptr %cp.h, i64 3\n  %b3 = load i8, ptr %p3\n"
    "  store i8 %b0, ptr %cq.h\n"
    "  %q1 = getelementptr i8, ptr %cq.h, i64 1\n  store i8 %b1, ptr %q1\n"
    "  %q2 = getelementptr i8, ptr %cq.h, i64 2\n  store i8 %b2, ptr %q2\n"
    "  %q3 = getelementptr i8, ptr %cq.h, i64 3\n  store i8 %b3, ptr %q3\n"
    "  store i64 7, ptr %cpu\n"                       /* the vCPU: no guest memory */
    "  %qm = add i64 %q, -16\n" CLAMP(cl, "%qm")       /* the same address, another clamp */
    "  %l = getelementptr i8, ptr %cl.h, i64 16\n  %v = load i32, ptr %l\n"
    "  %z = zext i32 %v to i64\n  ret i64 %z\n}\n"
    /* a byte and a halfword of an earlier doubleword store, then a store over part of it */
    "define i64 @wide(ptr %cpu, ptr %mem, i64 %p, i64 %q, i64 %r) {\n"
    CLAMP(cq, "%q")
    "  %x = mul i64 %p, 81985529216486895\n  store i64 %x, ptr %cq.h\n"
    "  %q5 = getelementptr i8, ptr %cq.h, i64 5\n  %b = load i8, ptr %q5\n"
    "  %q2 = getelementptr i8, ptr %cq.h, i64 2\n  store i8 %b, ptr %q2\n"
    "  %q1 = getelementptr i8, ptr %cq.h, i64 1\n  %h = load i16, ptr %q1\n"
    "  %bz = zext i8 %b to i64\n  %hz = zext i16 %h to i64\n  %s = shl i64 %hz, 8\n"
    "  %o = or i64 %s, %bz\n  ret i64 %o\n}\n"
    /* a word, a byte stored over its third byte, the word again: that byte is the new one */
    "define i64 @over(ptr %cpu, ptr %mem, i64 %p, i64 %q, i64 %r) {\n"
    CLAMP(cq, "%q")
    "  %x = trunc i64 %p to i32\n  %y = mul i32 %x, 16777619\n  store i32 %y, ptr %cq.h\n"
    "  %q2 = getelementptr i8, ptr %cq.h, i64 2\n  store i8 -91, ptr %q2\n"
    "  %v = load i32, ptr %cq.h\n  %z = zext i32 %v to i64\n  ret i64 %z\n}\n"
    /* three of four bytes stored: the load stays */
    "define i64 @partial(ptr %cpu, ptr %mem, i64 %p, i64 %q, i64 %r) {\n"
    CLAMP(cq, "%q")
    "  store i8 1, ptr %cq.h\n"
    "  %q1 = getelementptr i8, ptr %cq.h, i64 1\n  store i8 2, ptr %q1\n"
    "  %q3 = getelementptr i8, ptr %cq.h, i64 3\n  store i8 4, ptr %q3\n"
    "  %v = load i32, ptr %cq.h\n  %z = zext i32 %v to i64\n  ret i64 %z\n}\n"
    /* a store off another base in between (r may equal q): the load stays */
    "define i64 @other(ptr %cpu, ptr %mem, i64 %p, i64 %q, i64 %r) {\n"
    CLAMP(cq, "%q") CLAMP(cr, "%r")
    "  store i16 4660, ptr %cq.h\n  store i8 0, ptr %cr.h\n"
    "  %v = load i16, ptr %cq.h\n  %z = zext i16 %v to i64\n  ret i64 %z\n}\n"
    /* a call in between: the load stays */
    "define i64 @call(ptr %cpu, ptr %mem, i64 %p, i64 %q, i64 %r) {\n"
    CLAMP(cq, "%q")
    "  store i16 4660, ptr %cq.h\n  call void @clobber(ptr %mem, i64 %r)\n"
    "  %v = load i16, ptr %cq.h\n  %z = zext i16 %v to i64\n  ret i64 %z\n}\n"
    /* an FP store: not forwarded */
    "define i64 @fp(ptr %cpu, ptr %mem, i64 %p, i64 %q, i64 %r) {\n"
    CLAMP(cq, "%q")
    "  %d = uitofp i64 %p to double\n  store double %d, ptr %cq.h\n"
    "  %v = load i64, ptr %cq.h\n  ret i64 %v\n}\n";

typedef uint64_t FwdFn(uint64_t *cpu, uint8_t *mem, uint64_t p, uint64_t q, uint64_t r);

static void test_store_forward(void **state)
{
    (void)state;
    static const char *const names[] = { "copy4", "wide", "over", "partial", "other", "call",
                                         "fp" };
    enum { N = sizeof names / sizeof *names };
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef mod = parse(ctx, fwd), ref = parse(ctx, fwd);
    unsigned loads[N];
    for (size_t i = 0; i < N; i++)
        loads[i] = count_op(mod, names[i], LLVMLoad);
    /* copy4's word, wide's byte and halfword, over's word */
    assert_int_equal(xlat_store_forward(mod), 4);
    verify(mod);
    assert_int_equal(count_op(mod, "copy4", LLVMLoad), loads[0] - 1);
    assert_int_equal(count_op(mod, "wide", LLVMLoad), 0);
    assert_int_equal(count_op(mod, "over", LLVMLoad), 0);
    for (size_t i = 3; i < N; i++)
        assert_int_equal(count_op(mod, names[i], LLVMLoad), loads[i]);

    LLVMExecutionEngineRef ee = jit(mod), er = jit(ref);
    static uint8_t mem_a[256], mem_b[256];
    static const uint64_t args[][3] = { { 0, 64, 128 }, { 3, 100, 100 }, { 17, 33, 34 },
                                        { 200, 19, 20 }, { 5, 40, 41 } };
    for (size_t i = 0; i < N; i++) {
        FwdFn *f = (FwdFn *)LLVMGetFunctionAddress(ee, names[i]);
        FwdFn *g = (FwdFn *)LLVMGetFunctionAddress(er, names[i]);
        assert_non_null(f);
        assert_non_null(g);
        for (size_t k = 0; k < sizeof args / sizeof *args; k++) {
            for (size_t j = 0; j < sizeof mem_a; j++)
                mem_a[j] = mem_b[j] = (uint8_t)(j * 37 + k);
            uint64_t cpu_a = 0, cpu_b = 0;
            uint64_t va = f(&cpu_a, mem_a, args[k][0], args[k][1], args[k][2]);
            uint64_t vb = g(&cpu_b, mem_b, args[k][0], args[k][1], args[k][2]);
            if (va != vb || memcmp(mem_a, mem_b, sizeof mem_a) != 0)
                fail_msg("%s(%llu, %llu, %llu): %#llx, not rewritten %#llx", names[i],
                         (unsigned long long)args[k][0], (unsigned long long)args[k][1],
                         (unsigned long long)args[k][2], (unsigned long long)va,
                         (unsigned long long)vb);
        }
    }
    LLVMDisposeExecutionEngine(ee);
    LLVMDisposeExecutionEngine(er);
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
        cmocka_unit_test(test_store_forward),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

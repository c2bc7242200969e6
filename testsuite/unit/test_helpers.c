/*
 * Unit tests of the RV64 helpers (runtime/helpers/): F/D arithmetic,
 * conversions, compares, min/max and class against a case table produced by
 * qemu-riscv64 (helpers_cases.inc: result bits and fflags, every rounding
 * mode, static rm and dynamic rm through frm); reserved rm / frm traps;
 * sticky fflags; CSR read/write and fcsr packing; LR/SC success and failure
 * paths; every AMO (values from qemu) and the misaligned / out-of-range
 * traps; AMOs and LR/SC from several host threads at once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <pthread.h>

#include <cmocka.h>

#include "runtime/cpu.h"
#include "riscv64/rv64_helpers.h"

/* ---- FP case table --------------------------------------------------------- */

#define FP_OPS(X)                                                              \
    X(FADD_S) X(FSUB_S) X(FMUL_S) X(FDIV_S) X(FSQRT_S) X(FMADD_S) X(FMSUB_S)   \
    X(FNMSUB_S) X(FNMADD_S) X(FMIN_S) X(FMAX_S) X(FEQ_S) X(FLT_S) X(FLE_S)     \
    X(FCLASS_S) X(FCVT_W_S) X(FCVT_WU_S) X(FCVT_L_S) X(FCVT_LU_S) X(FCVT_S_W)  \
    X(FCVT_S_WU) X(FCVT_S_L) X(FCVT_S_LU) X(FADD_D) X(FSUB_D) X(FMUL_D)        \
    X(FDIV_D) X(FSQRT_D) X(FMADD_D) X(FMSUB_D) X(FNMSUB_D) X(FNMADD_D)         \
    X(FMIN_D) X(FMAX_D) X(FEQ_D) X(FLT_D) X(FLE_D) X(FCLASS_D) X(FCVT_W_D)     \
    X(FCVT_WU_D) X(FCVT_L_D) X(FCVT_LU_D) X(FCVT_D_W) X(FCVT_D_WU)             \
    X(FCVT_D_L) X(FCVT_D_LU) X(FCVT_S_D) X(FCVT_D_S)

typedef enum FpTestOp {
#define X(n) T_##n,
    FP_OPS(X)
#undef X
    T_NOPS
} FpTestOp;

static const char *const fp_op_name[] = {
#define X(n) #n,
    FP_OPS(X)
#undef X
};

typedef struct FpCase {
    FpTestOp op;
    uint32_t rm;
    uint64_t a, b, c;
    uint64_t want;
    uint32_t flags;
} FpCase;

static const FpCase fp_cases[] = {
#define C(op, rm, a, b, c, r, f) { T_##op, rm, a, b, c, r, f },
#define A(op, m, b, old, after)
#include "helpers_cases.inc"
#undef C
#undef A
};

static float f32(uint64_t u)
{
    uint32_t w = (uint32_t)u;
    float f;
    memcpy(&f, &w, 4);
    return f;
}

static double f64(uint64_t u)
{
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static uint64_t b32(float f)
{
    uint32_t w;
    memcpy(&w, &f, 4);
    return w;
}

static uint64_t b64(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

/* Whether the op has a rounding-mode operand. */
static int op_has_rm(FpTestOp op)
{
    switch (op) {
    case T_FMIN_S: case T_FMAX_S: case T_FEQ_S: case T_FLT_S: case T_FLE_S:
    case T_FCLASS_S: case T_FMIN_D: case T_FMAX_D: case T_FEQ_D: case T_FLT_D:
    case T_FLE_D: case T_FCLASS_D:
        return 0;
    default:
        return 1;
    }
}

/* Calls the helper of op on the raw operand bits; returns the raw result
 * (32-bit results zero-extended). */
static uint64_t fp_call(RvCpu *c, FpTestOp op, uint32_t rm, uint64_t a, uint64_t b, uint64_t x)
{
    switch (op) {
    case T_FADD_S: return b32(rvh_fadd_s(c, f32(a), f32(b), rm));
    case T_FSUB_S: return b32(rvh_fsub_s(c, f32(a), f32(b), rm));
    case T_FMUL_S: return b32(rvh_fmul_s(c, f32(a), f32(b), rm));
    case T_FDIV_S: return b32(rvh_fdiv_s(c, f32(a), f32(b), rm));
    case T_FSQRT_S: return b32(rvh_fsqrt_s(c, f32(a), rm));
    case T_FMADD_S: return b32(rvh_fmadd_s(c, f32(a), f32(b), f32(x), rm));
    case T_FMSUB_S: return b32(rvh_fmsub_s(c, f32(a), f32(b), f32(x), rm));
    case T_FNMSUB_S: return b32(rvh_fnmsub_s(c, f32(a), f32(b), f32(x), rm));
    case T_FNMADD_S: return b32(rvh_fnmadd_s(c, f32(a), f32(b), f32(x), rm));
    case T_FMIN_S: return b32(rvh_fmin_s(c, f32(a), f32(b)));
    case T_FMAX_S: return b32(rvh_fmax_s(c, f32(a), f32(b)));
    case T_FEQ_S: return rvh_feq_s(c, f32(a), f32(b));
    case T_FLT_S: return rvh_flt_s(c, f32(a), f32(b));
    case T_FLE_S: return rvh_fle_s(c, f32(a), f32(b));
    case T_FCLASS_S: return rvh_fclass_s(c, f32(a));
    case T_FCVT_W_S: return rvh_fcvt_w_s(c, f32(a), rm);
    case T_FCVT_WU_S: return rvh_fcvt_wu_s(c, f32(a), rm);
    case T_FCVT_L_S: return rvh_fcvt_l_s(c, f32(a), rm);
    case T_FCVT_LU_S: return rvh_fcvt_lu_s(c, f32(a), rm);
    case T_FCVT_S_W: return b32(rvh_fcvt_s_w(c, (uint32_t)a, rm));
    case T_FCVT_S_WU: return b32(rvh_fcvt_s_wu(c, (uint32_t)a, rm));
    case T_FCVT_S_L: return b32(rvh_fcvt_s_l(c, a, rm));
    case T_FCVT_S_LU: return b32(rvh_fcvt_s_lu(c, a, rm));
    case T_FADD_D: return b64(rvh_fadd_d(c, f64(a), f64(b), rm));
    case T_FSUB_D: return b64(rvh_fsub_d(c, f64(a), f64(b), rm));
    case T_FMUL_D: return b64(rvh_fmul_d(c, f64(a), f64(b), rm));
    case T_FDIV_D: return b64(rvh_fdiv_d(c, f64(a), f64(b), rm));
    case T_FSQRT_D: return b64(rvh_fsqrt_d(c, f64(a), rm));
    case T_FMADD_D: return b64(rvh_fmadd_d(c, f64(a), f64(b), f64(x), rm));
    case T_FMSUB_D: return b64(rvh_fmsub_d(c, f64(a), f64(b), f64(x), rm));
    case T_FNMSUB_D: return b64(rvh_fnmsub_d(c, f64(a), f64(b), f64(x), rm));
    case T_FNMADD_D: return b64(rvh_fnmadd_d(c, f64(a), f64(b), f64(x), rm));
    case T_FMIN_D: return b64(rvh_fmin_d(c, f64(a), f64(b)));
    case T_FMAX_D: return b64(rvh_fmax_d(c, f64(a), f64(b)));
    case T_FEQ_D: return rvh_feq_d(c, f64(a), f64(b));
    case T_FLT_D: return rvh_flt_d(c, f64(a), f64(b));
    case T_FLE_D: return rvh_fle_d(c, f64(a), f64(b));
    case T_FCLASS_D: return rvh_fclass_d(c, f64(a));
    case T_FCVT_W_D: return rvh_fcvt_w_d(c, f64(a), rm);
    case T_FCVT_WU_D: return rvh_fcvt_wu_d(c, f64(a), rm);
    case T_FCVT_L_D: return rvh_fcvt_l_d(c, f64(a), rm);
    case T_FCVT_LU_D: return rvh_fcvt_lu_d(c, f64(a), rm);
    case T_FCVT_D_W: return b64(rvh_fcvt_d_w(c, (uint32_t)a, rm));
    case T_FCVT_D_WU: return b64(rvh_fcvt_d_wu(c, (uint32_t)a, rm));
    case T_FCVT_D_L: return b64(rvh_fcvt_d_l(c, a, rm));
    case T_FCVT_D_LU: return b64(rvh_fcvt_d_lu(c, a, rm));
    case T_FCVT_S_D: return b32(rvh_fcvt_s_d(c, f64(a), rm));
    case T_FCVT_D_S: return b64(rvh_fcvt_d_s(c, f32(a), rm));
    default: return 0;
    }
}

static void cpu_init(RvCpu *c)
{
    memset(c, 0, sizeof *c);
    c->res_addr = RV_NO_RES;
}

/* Runs one case; returns 1 if it matches, printing the mismatch otherwise. */
static int fp_check(const FpCase *k, uint32_t rm, uint32_t frm, const char *how)
{
    RvCpu c;
    cpu_init(&c);
    c.frm = frm;
    uint64_t got = fp_call(&c, k->op, rm, k->a, k->b, k->c);
    if (got == k->want && c.fflags == k->flags && !c.trap_pending)
        return 1;
    print_message("FAIL %s %s rm=%u a=%#llx b=%#llx c=%#llx: got %#llx/%#x want %#llx/%#x%s\n",
                  fp_op_name[k->op], how, k->rm, (unsigned long long)k->a,
                  (unsigned long long)k->b, (unsigned long long)k->c,
                  (unsigned long long)got, c.fflags, (unsigned long long)k->want, k->flags,
                  c.trap_pending ? " (trapped)" : "");
    return 0;
}

/* Every table case with its static rm, and again as rm=7 with frm = rm. */
static void test_fp_table(void **state)
{
    (void)state;
    size_t n = sizeof fp_cases / sizeof fp_cases[0];
    unsigned fails = 0, runs = 0;
    for (size_t i = 0; i < n; i++) {
        const FpCase *k = &fp_cases[i];
        fails += !fp_check(k, k->rm, 0, "static");
        runs++;
        if (op_has_rm(k->op)) {
            fails += !fp_check(k, 7, k->rm, "dynamic");
            runs++;
        }
    }
    print_message("%zu cases, %u runs, %u failures\n", n, runs, fails);
    assert_int_equal(fails, 0);
}

/* rm 5/6, and rm 7 with frm 5..7: illegal instruction, fflags untouched. */
static void test_fp_reserved_rm(void **state)
{
    (void)state;
    for (int op = 0; op < T_NOPS; op++) {
        if (!op_has_rm((FpTestOp)op))
            continue;
        static const uint32_t bad[][2] = { {5, 0}, {6, 0}, {7, 5}, {7, 6}, {7, 7} };
        for (size_t i = 0; i < 5; i++) {
            RvCpu c;
            cpu_init(&c);
            c.frm = bad[i][1];
            c.fflags = 0x0a;
            /* 0.1 * 3 style operands that would raise NX if computed */
            uint64_t a = op >= T_FADD_D ? 0x3fb999999999999aull : 0x3dcccccd;
            if (op == T_FCVT_D_S)
                a = 0x7f800001; /* sNaN: would set NV */
            fp_call(&c, (FpTestOp)op, bad[i][0], a, a, a);
            if (!c.trap_pending || c.trap_cause != RV_CAUSE_ILLEGAL_INSN || c.trap_tval != 0 ||
                c.fflags != 0x0a)
                fail_msg("%s rm=%u frm=%u: trap %u cause %llu fflags %#x", fp_op_name[op],
                         bad[i][0], bad[i][1], c.trap_pending,
                         (unsigned long long)c.trap_cause, c.fflags);
        }
    }
}

/* fflags accrue (§11.2): an exact operation keeps earlier flags, a new
 * flag is ORed in. */
static void test_fp_flags_sticky(void **state)
{
    (void)state;
    RvCpu c;
    cpu_init(&c);
    c.fflags = RV_FFLAG_NV;
    assert_true(b32(rvh_fadd_s(&c, 1.0f, 2.0f, 0)) == 0x40400000);
    assert_int_equal(c.fflags, RV_FFLAG_NV);
    (void)rvh_fdiv_d(&c, 1.0, 3.0, 0);
    assert_int_equal(c.fflags, RV_FFLAG_NV | RV_FFLAG_NX);
    (void)rvh_fdiv_d(&c, 1.0, 0.0, 0);
    assert_int_equal(c.fflags, RV_FFLAG_NV | RV_FFLAG_NX | RV_FFLAG_DZ);
}

/* The helpers leave the host's rounding mode as they found it. */
static void test_fp_host_mode_restored(void **state)
{
    (void)state;
    RvCpu c;
    cpu_init(&c);
    (void)rvh_fadd_d(&c, 1.0, 1e-30, 3);
    (void)rvh_fmul_s(&c, 1.1f, 1.1f, 4);
    volatile double one = 1.0, tiny = 1e-30;
    assert_true(b64(one + tiny) == 0x3ff0000000000000ull); /* RNE */
    assert_true(b64(one - tiny) == 0x3ff0000000000000ull);
}

/* ---- CSRs ----------------------------------------------------------------- */

static void test_csr_fp(void **state)
{
    (void)state;
    RvCpu c;
    cpu_init(&c);
    rvh_csr_write(&c, 0x003, 0xfff); /* fcsr: bits above 7 dropped */
    assert_int_equal(c.fflags, 0x1f);
    assert_int_equal(c.frm, 7);
    assert_int_equal(rvh_csr_read(&c, 0x003), 0xff);
    rvh_csr_write(&c, 0x001, 0x25); /* fflags: 5 bits */
    assert_int_equal(rvh_csr_read(&c, 0x001), 0x05);
    assert_int_equal(rvh_csr_read(&c, 0x003), 0xe5);
    rvh_csr_write(&c, 0x002, 0x0d); /* frm: 3 bits, reserved values kept */
    assert_int_equal(rvh_csr_read(&c, 0x002), 5);
    assert_int_equal(rvh_csr_read(&c, 0x003), 0xa5);
    rvh_csr_write(&c, 0x003, 0x41);
    assert_int_equal(rvh_csr_read(&c, 0x002), 2);
    assert_int_equal(rvh_csr_read(&c, 0x001), 1);
    assert_int_equal(c.trap_pending, 0);
    /* frm 5 written through the CSR makes dynamic-rm instructions trap */
    rvh_csr_write(&c, 0x002, 5);
    (void)rvh_fadd_s(&c, 1.0f, 1.0f, 7);
    assert_int_equal(c.trap_pending, 1);
    assert_int_equal(c.trap_cause, RV_CAUSE_ILLEGAL_INSN);
}

static void test_csr_counters(void **state)
{
    (void)state;
    RvCpu c;
    cpu_init(&c);
    c.instret = 12345;
    assert_int_equal(rvh_csr_read(&c, 0xc02), 12345);
    uint64_t t0 = rvh_csr_read(&c, 0xc01), y0 = rvh_csr_read(&c, 0xc00);
    uint64_t t1 = rvh_csr_read(&c, 0xc01), y1 = rvh_csr_read(&c, 0xc00);
    assert_true(t1 >= t0 && y1 >= y0 && y0 > 0);
    assert_int_equal(c.trap_pending, 0);
}

static void test_csr_illegal(void **state)
{
    (void)state;
    static const uint32_t no_read[] = { 0x000, 0x004, 0x100, 0x180, 0x300, 0xc03, 0xc1f,
                                        0xc80, 0xc81, 0xf11, 0x7c0, 0x008, 0x015 };
    static const uint32_t no_write[] = { 0xc00, 0xc01, 0xc02, 0xc03, 0xc1f, 0xf11, 0x300,
                                         0x000, 0x180 };
    for (size_t i = 0; i < sizeof no_read / sizeof no_read[0]; i++) {
        RvCpu c;
        cpu_init(&c);
        (void)rvh_csr_read(&c, no_read[i]);
        if (!c.trap_pending || c.trap_cause != RV_CAUSE_ILLEGAL_INSN || c.trap_tval != 0)
            fail_msg("read csr %#x did not trap", no_read[i]);
    }
    for (size_t i = 0; i < sizeof no_write / sizeof no_write[0]; i++) {
        RvCpu c;
        cpu_init(&c);
        c.instret = 7;
        rvh_csr_write(&c, no_write[i], 0);
        if (!c.trap_pending || c.trap_cause != RV_CAUSE_ILLEGAL_INSN || c.instret != 7)
            fail_msg("write csr %#x did not trap", no_write[i]);
    }
}

/* ---- A extension ------------------------------------------------------------ */

typedef struct AmoCase {
    const char *name;
    uint32_t (*w)(void *, uint64_t, uint32_t, uint32_t);
    uint64_t (*d)(void *, uint64_t, uint64_t, uint32_t);
    uint64_t mem, b, old, after;
} AmoCase;

static const AmoCase amo_cases[] = {
#define C(op, rm, a, b, c, r, f)
/* AMO_W_<op> / AMO_D_<op>: the helper of a .w / .d op, NULL for the other. */
#define A(op, m, bb, o, af) { #op, AMO_W_##op, AMO_D_##op, m, bb, o, af },
#define AMO_W_amoswap_w rvh_amoswap_w
#define AMO_W_amoadd_w rvh_amoadd_w
#define AMO_W_amoxor_w rvh_amoxor_w
#define AMO_W_amoand_w rvh_amoand_w
#define AMO_W_amoor_w rvh_amoor_w
#define AMO_W_amomin_w rvh_amomin_w
#define AMO_W_amomax_w rvh_amomax_w
#define AMO_W_amominu_w rvh_amominu_w
#define AMO_W_amomaxu_w rvh_amomaxu_w
#define AMO_D_amoswap_w NULL
#define AMO_D_amoadd_w NULL
#define AMO_D_amoxor_w NULL
#define AMO_D_amoand_w NULL
#define AMO_D_amoor_w NULL
#define AMO_D_amomin_w NULL
#define AMO_D_amomax_w NULL
#define AMO_D_amominu_w NULL
#define AMO_D_amomaxu_w NULL
#define AMO_W_amoswap_d NULL
#define AMO_W_amoadd_d NULL
#define AMO_W_amoxor_d NULL
#define AMO_W_amoand_d NULL
#define AMO_W_amoor_d NULL
#define AMO_W_amomin_d NULL
#define AMO_W_amomax_d NULL
#define AMO_W_amominu_d NULL
#define AMO_W_amomaxu_d NULL
#define AMO_D_amoswap_d rvh_amoswap_d
#define AMO_D_amoadd_d rvh_amoadd_d
#define AMO_D_amoxor_d rvh_amoxor_d
#define AMO_D_amoand_d rvh_amoand_d
#define AMO_D_amoor_d rvh_amoor_d
#define AMO_D_amomin_d rvh_amomin_d
#define AMO_D_amomax_d rvh_amomax_d
#define AMO_D_amominu_d rvh_amominu_d
#define AMO_D_amomaxu_d rvh_amomaxu_d
#include "helpers_cases.inc"
#undef C
#undef A
};

/* A vCPU whose guest address 0 is buf (len bytes). */
static void cpu_on_buf(RvCpu *c, void *buf, size_t len)
{
    cpu_init(c);
    c->mem_base = (uint64_t)(uintptr_t)buf;
    c->mem_limit = len;
}

/* Every AMO of the table, with each aq/rl combination. */
static void test_amo_table(void **state)
{
    (void)state;
    size_t n = sizeof amo_cases / sizeof amo_cases[0];
    assert_true(n >= 144);
    for (size_t i = 0; i < n; i++) {
        const AmoCase *k = &amo_cases[i];
        for (uint32_t aqrl = 0; aqrl < 4; aqrl++) {
            uint64_t buf[2];
            RvCpu c;
            cpu_on_buf(&c, buf, sizeof buf);
            buf[1] = 0x5555555555555555ull;
            uint64_t old;
            if (k->d) {
                buf[0] = k->mem;
                old = k->d(&c, 0, k->b, aqrl);
            } else {
                buf[0] = 0xaaaaaaaa00000000ull | k->mem;
                old = k->w(&c, 0, (uint32_t)k->b, aqrl);
            }
            if (old != k->old || buf[0] != k->after || buf[1] != 0x5555555555555555ull ||
                c.trap_pending)
                fail_msg("%s mem=%#llx b=%#llx: old %#llx mem %#llx, want %#llx %#llx", k->name,
                         (unsigned long long)k->mem, (unsigned long long)k->b,
                         (unsigned long long)old, (unsigned long long)buf[0],
                         (unsigned long long)k->old, (unsigned long long)k->after);
        }
    }
}

/* Misaligned AMO/SC: cause 6, LR: cause 4; beyond mem_limit: 15 / 13;
 * memory untouched. */
static void test_amo_traps(void **state)
{
    (void)state;
    uint64_t buf[4] = { 1, 2, 3, 4 };
    RvCpu c;
    static const uint64_t bad_w[] = { 1, 2, 3, 5 };
    for (size_t i = 0; i < 4; i++) {
        cpu_on_buf(&c, buf, sizeof buf);
        (void)rvh_amoadd_w(&c, bad_w[i], 1, 0);
        assert_int_equal(c.trap_cause, RV_CAUSE_STORE_MISALIGNED);
        assert_int_equal(c.trap_tval, bad_w[i]);
        cpu_on_buf(&c, buf, sizeof buf);
        (void)rvh_lr_w(&c, bad_w[i], 0);
        assert_int_equal(c.trap_cause, RV_CAUSE_LOAD_MISALIGNED);
        assert_int_equal(c.res_addr, RV_NO_RES);
        cpu_on_buf(&c, buf, sizeof buf);
        (void)rvh_sc_w(&c, bad_w[i], 1, 0);
        assert_int_equal(c.trap_cause, RV_CAUSE_STORE_MISALIGNED);
    }
    static const uint64_t bad_d[] = { 4, 1, 12, 7 };
    for (size_t i = 0; i < 4; i++) {
        cpu_on_buf(&c, buf, sizeof buf);
        (void)rvh_amomaxu_d(&c, bad_d[i], 1, 3);
        assert_int_equal(c.trap_cause, RV_CAUSE_STORE_MISALIGNED);
        cpu_on_buf(&c, buf, sizeof buf);
        (void)rvh_lr_d(&c, bad_d[i], 2);
        assert_int_equal(c.trap_cause, RV_CAUSE_LOAD_MISALIGNED);
        assert_int_equal(c.trap_tval, bad_d[i]);
        cpu_on_buf(&c, buf, sizeof buf);
        (void)rvh_sc_d(&c, bad_d[i], 1, 1);
        assert_int_equal(c.trap_cause, RV_CAUSE_STORE_MISALIGNED);
    }
    /* range: the last word/doubleword fits, the next one does not */
    cpu_on_buf(&c, buf, sizeof buf);
    (void)rvh_amoswap_w(&c, 28, 9, 0);
    assert_int_equal(c.trap_pending, 0);
    (void)rvh_amoswap_w(&c, 32, 9, 0);
    assert_int_equal(c.trap_cause, RV_CAUSE_STORE_PAGE_FAULT);
    assert_int_equal(c.trap_tval, 32);
    cpu_on_buf(&c, buf, sizeof buf);
    (void)rvh_lr_d(&c, 32, 0);
    assert_int_equal(c.trap_cause, RV_CAUSE_LOAD_PAGE_FAULT);
    cpu_on_buf(&c, buf, sizeof buf);
    (void)rvh_amoadd_d(&c, 0xfffffffffffffff8ull, 1, 0); /* addr + size wraps */
    assert_int_equal(c.trap_cause, RV_CAUSE_STORE_PAGE_FAULT);
    cpu_on_buf(&c, buf, sizeof buf);
    (void)rvh_sc_d(&c, 64, 1, 0);
    assert_int_equal(c.trap_cause, RV_CAUSE_STORE_PAGE_FAULT);
    assert_true(buf[0] == 1 && buf[1] == 2 && buf[2] == 3 && (buf[3] >> 32) == 9);
}

/* LR/SC: success, failure without / at another address / after a store,
 * the reservation cleared by SC either way; 32-bit LR returns the word. */
static void test_lr_sc(void **state)
{
    (void)state;
    uint64_t buf[2] = { 0x80000000fffffffeull, 7 };
    RvCpu c;
    cpu_on_buf(&c, buf, sizeof buf);

    assert_int_equal(rvh_sc_d(&c, 0, 1, 0), 1); /* no reservation */
    assert_true(buf[0] == 0x80000000fffffffeull);

    /* a reservation of one width does not serve an SC of the other */
    assert_int_equal(rvh_lr_w(&c, 0, 0), 0xfffffffeu);
    assert_int_equal(rvh_sc_d(&c, 0, 1, 0), 1);
    assert_true(rvh_lr_d(&c, 0, 0) == 0x80000000fffffffeull);
    assert_int_equal(rvh_sc_w(&c, 0, 1, 0), 1);
    assert_true(buf[0] == 0x80000000fffffffeull);

    assert_int_equal(rvh_lr_w(&c, 4, 2), 0x80000000u);
    assert_int_equal(c.res_addr, 4 | 1);   /* word reservations carry bit 0 */
    assert_int_equal(rvh_sc_w(&c, 4, 0x11, 1), 0);
    assert_true(buf[0] == 0x00000011fffffffeull);
    assert_int_equal(c.res_addr, RV_NO_RES);
    assert_int_equal(rvh_sc_w(&c, 4, 0x22, 0), 1); /* reservation used up */
    assert_true(buf[0] == 0x00000011fffffffeull);

    assert_true(rvh_lr_d(&c, 8, 3) == 7);
    assert_int_equal(rvh_sc_d(&c, 0, 5, 3), 1); /* other address */
    assert_true(buf[0] == 0x00000011fffffffeull);
    assert_int_equal(c.res_addr, RV_NO_RES);

    assert_true(rvh_lr_d(&c, 8, 0) == 7);
    buf[1] = 8; /* another hart's store changes the value */
    assert_int_equal(rvh_sc_d(&c, 8, 9, 0), 1);
    assert_true(buf[1] == 8);

    assert_true(rvh_lr_d(&c, 8, 0) == 8);
    assert_int_equal(rvh_sc_d(&c, 8, 0xffffffffffffffffull, 2), 0);
    assert_true(buf[1] == 0xffffffffffffffffull);

    assert_int_equal(rvh_lr_w(&c, 0, 0), 0xfffffffeu);
    assert_int_equal(rvh_sc_w(&c, 0, 3, 3), 0);
    assert_true(buf[0] == 0x0000001100000003ull);
    assert_int_equal(c.trap_pending, 0);
}

/* Several host threads (standing in for harts) increment shared counters
 * with amoadd.w, amoadd.d and an lr.d/sc.d retry loop: no update is lost. */
enum { AMO_THREADS = 4, AMO_ITERS = 20000 };

static uint64_t amo_shared[3];

static void *amo_worker(void *arg)
{
    (void)arg;
    RvCpu c;
    cpu_on_buf(&c, amo_shared, sizeof amo_shared);
    for (int i = 0; i < AMO_ITERS; i++) {
        (void)rvh_amoadd_w(&c, 0, 1, 3);
        (void)rvh_amoadd_d(&c, 8, 2, 0);
        for (;;) {
            uint64_t v = rvh_lr_d(&c, 16, 2);
            if (rvh_sc_d(&c, 16, v + 1, 1) == 0)
                break;
        }
    }
    return c.trap_pending ? &amo_shared[0] : NULL;
}

static void test_amo_threads(void **state)
{
    (void)state;
    pthread_t t[AMO_THREADS];
    memset(amo_shared, 0, sizeof amo_shared);
    for (int i = 0; i < AMO_THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, amo_worker, NULL), 0);
    for (int i = 0; i < AMO_THREADS; i++) {
        void *r;
        assert_int_equal(pthread_join(t[i], &r), 0);
        assert_null(r);
    }
    assert_true(amo_shared[0] == AMO_THREADS * AMO_ITERS);
    assert_true(amo_shared[1] == 2ull * AMO_THREADS * AMO_ITERS);
    assert_true(amo_shared[2] == AMO_THREADS * AMO_ITERS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fp_table),
        cmocka_unit_test(test_fp_reserved_rm),
        cmocka_unit_test(test_fp_flags_sticky),
        cmocka_unit_test(test_fp_host_mode_restored),
        cmocka_unit_test(test_csr_fp),
        cmocka_unit_test(test_csr_counters),
        cmocka_unit_test(test_csr_illegal),
        cmocka_unit_test(test_amo_table),
        cmocka_unit_test(test_amo_traps),
        cmocka_unit_test(test_lr_sc),
        cmocka_unit_test(test_amo_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

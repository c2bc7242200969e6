/* FP environment differential test: every F/D instruction form that fvp-xlat
 * lowers to inline host FP (translator/llvm_fp.c), and the ones it leaves to
 * helpers, under all four C rounding modes, with the raised flags read back
 * after each group, NaN bit patterns, saturating float->int conversions,
 * minimumNumber/maximumNumber, fused 0*inf+qNaN, rounding-mode changes in
 * the middle of hot loops, and frm = RMM (no host mode: fvp-xlat output
 * must leave native code) set with fsrm.  Results are printed as bits, so
 * any difference from qemu-riscv64 shows. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static double dfrom(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static float ffrom(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* fflags read with frflags, then cleared */
static unsigned take_flags(void)
{
    unsigned long f;
    __asm__ volatile("frflags %0\n\tfsflags zero" : "=r"(f));
    return (unsigned)f;
}

static const int k_modes[] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD };

static volatile double vd[] = { 1.0, 3.0, -7.25, 0x1.0000000000001p0, 1e308, 4.9e-324, 2.2250738585072014e-308,
                                -0.0, 0.1, 1e-300, INFINITY, -INFINITY, NAN };
static volatile float vf[] = { 1.0f, 3.0f, -7.25f, 0x1.000002p0f, 3e38f, 1.4e-45f, 1.17549435e-38f,
                               -0.0f, 0.1f, 1e-30f, INFINITY, -INFINITY, NAN };
#define NV (sizeof vd / sizeof vd[0])

/* + - * / sqrt fma on all pairs, one line per first operand: a hash of the
 * result bits and the accrued flags */
static void arith(const char *mode)
{
    for (size_t i = 0; i < NV; i++) {
        uint64_t h = 0;
        uint32_t hf = 0;
        for (size_t j = 0; j < NV; j++) {
            double a = vd[i], b = vd[j];
            h = h * 31 + dbits(a + b);
            h = h * 31 + dbits(a - b);
            h = h * 31 + dbits(a * b);
            h = h * 31 + dbits(a / b);
            h = h * 31 + dbits(fma(a, b, vd[(i + j) % NV]));
            float x = vf[i], y = vf[j];
            hf = hf * 31 + fbits(x + y);
            hf = hf * 31 + fbits(x - y);
            hf = hf * 31 + fbits(x * y);
            hf = hf * 31 + fbits(x / y);
            hf = hf * 31 + fbits(fmaf(x, y, vf[(i + j) % NV]));
        }
        h = h * 31 + dbits(sqrt(vd[i]));
        hf = hf * 31 + fbits(sqrtf(vf[i]));
        printf("%s arith[%zu] d=%016llx f=%08x flags=%02x\n", mode, i, (unsigned long long)h, hf,
               take_flags());
    }
}

/* int <-> float conversions */
static void convert(const char *mode)
{
    static volatile int64_t li[] = { 0, 1, -1, 16777217, -16777217, 2147483647, INT64_MAX,
                                     INT64_MIN, 9007199254740993, -9007199254740993 };
    static volatile uint32_t ui[] = { 0, 1, 16777217, 4294967295u, 2147483648u };
    for (size_t i = 0; i < sizeof li / sizeof li[0]; i++) {
        int64_t v = li[i];
        printf("%s i2f %lld: s_l=%08x d_l=%016llx s_w=%08x d_w=%016llx flags=%02x\n", mode,
               (long long)v, fbits((float)v), (unsigned long long)dbits((double)v),
               fbits((float)(int32_t)v), (unsigned long long)dbits((double)(int32_t)v),
               take_flags());
    }
    for (size_t i = 0; i < sizeof ui / sizeof ui[0]; i++) {
        uint32_t v = ui[i];
        printf("%s u2f %u: s_wu=%08x d_wu=%016llx s_lu=%08x flags=%02x\n", mode, v,
               fbits((float)v), (unsigned long long)dbits((double)v), fbits((float)(uint64_t)v * 3),
               take_flags());
    }
    /* double <-> float */
    for (size_t i = 0; i < NV; i++) {
        printf("%s ff[%zu]: s_d=%08x d_s=%016llx flags=%02x\n", mode, i, fbits((float)vd[i]),
               (unsigned long long)dbits((double)vf[i]), take_flags());
    }
}

/* float -> int: the C cast is fcvt.{w,l}.{s,d} rtz; out of range and NaN
 * saturate on RISC-V (the cast is undefined in C, the instruction is not) */
static void to_int(void)
{
    static volatile double in[] = { 0.0, -0.0, 0.5, -0.5, 1.9, -1.9, 2147483647.0, 2147483647.5,
                                    2147483648.0, -2147483648.0, -2147483648.9, -2147483649.0,
                                    3e9, -3e9, 9.3e18, -9.3e18, 9.2233720368547748e18,
                                    INFINITY, -INFINITY, NAN, -NAN };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        double d = in[i];
        float f = (float)d;
        take_flags();
        int32_t w = (int32_t)d;
        unsigned fw = take_flags();
        int64_t l = (int64_t)d;
        unsigned fl = take_flags();
        int32_t ws = (int32_t)f;
        int64_t ls = (int64_t)f;
        unsigned fs = take_flags();
        uint32_t wu = (uint32_t)d;
        uint64_t lu = (uint64_t)d;
        unsigned fu = take_flags();
        printf("to_int %a: w=%d/%02x l=%lld/%02x s=%d,%lld/%02x wu=%u lu=%llu/%02x\n", d, w, fw,
               (long long)l, fl, ws, (long long)ls, fs, wu, (unsigned long long)lu, fu);
    }
}

static void nan_bits(void)
{
    volatile double zero = 0.0, payload = dfrom(0xfff0000000001234ull);
    volatile double snan = dfrom(0x7ff0000000000001ull);
    volatile float fsnan = ffrom(0x7f800001u), fpay = ffrom(0xffc01234u);
    take_flags();
    printf("nan 0/0=%016llx pay+1=%016llx snan*1=%016llx flags=%02x\n",
           (unsigned long long)dbits(zero / zero), (unsigned long long)dbits(payload + 1.0),
           (unsigned long long)dbits(snan * 1.0), take_flags());
    printf("nan f: pay+1=%08x snan+0=%08x widen(snan)=%016llx narrow(pay)=%08x flags=%02x\n",
           fbits(fpay + 1.0f), fbits(fsnan + 0.0f), (unsigned long long)dbits((double)fsnan),
           fbits((float)payload), take_flags());
    printf("nan sqrt(-1)=%016llx fma(0,inf,qnan)=%016llx flags=%02x\n",
           (unsigned long long)dbits(sqrt(-vd[0])),
           (unsigned long long)dbits(fma(vd[7], vd[10], vd[12])), take_flags());
    printf("nan fmaf(inf,0,qnan)=%08x flags=%02x\n", fbits(fmaf(vf[10], vf[7], vf[12])),
           take_flags());
}

static void minmax_cmp(void)
{
    static volatile double in[] = { 1.0, -1.0, 0.0, -0.0, INFINITY, NAN };
    volatile double snan = dfrom(0x7ff0000000000001ull);
    for (size_t i = 0; i < 6; i++)
        for (size_t j = 0; j < 6; j++) {
            double a = in[i], b = in[j];
            printf("mm %g %g: min=%016llx max=%016llx minf=%08x eq=%d lt=%d le=%d flags=%02x\n",
                   a, b, (unsigned long long)dbits(fmin(a, b)),
                   (unsigned long long)dbits(fmax(a, b)), fbits(fminf((float)a, (float)b)),
                   a == b, a < b, a <= b, take_flags());
        }
    printf("mm snan: min=%016llx max=%016llx flags=%02x\n",
           (unsigned long long)dbits(fmin(snan, 2.0)),
           (unsigned long long)dbits(fmax(snan, snan)), take_flags());
    printf("mm snan eq=%d flags=%02x\n", snan == 1.0, take_flags());
}

/* A hot loop whose rounding mode changes every 1000 iterations: native code
 * must follow frm within one translated function. */
static void mode_switch_loop(void)
{
    double s = 0.0;
    float sf = 0.0f;
    for (int i = 0; i < 8000; i++) {
        if (i % 1000 == 0)
            fesetround(k_modes[(i / 1000) % 4]);
        s += vd[8] * (double)i / 3.0;
        sf += vf[8] * (float)i / 3.0f;
    }
    fesetround(FE_TONEAREST);
    printf("loop s=%016llx sf=%08x flags=%02x\n", (unsigned long long)dbits(s), fbits(sf),
           take_flags());
}

/* frm = RMM (4): no C name, set with fsrmi; dynamic-rm instructions round
 * ties away from zero.  Also the flags raised under it. */
static void rmm(void)
{
    volatile double tie = 0x1p-53, ftie = 1.0 + 0x1p-24;
    double s = 0.0, u = 0.0;
    __asm__ volatile("fsrmi 4");
    /* 1 + 2^-53 is a tie: RMM rounds it up, RNE to 1.0 */
    for (int i = 0; i < 1000; i++) {
        s += vd[3] * 0.5 + (double)i * vd[8];
        u += vd[0] + tie;
    }
    double t1 = vd[0] + tie;
    float t2 = (float)ftie;
    unsigned long frm;
    __asm__ volatile("frrm %0\n\tfsrmi 0" : "=r"(frm));
    printf("rmm s=%016llx u=%016llx t1=%016llx t2=%08x frm=%lu flags=%02x\n",
           (unsigned long long)dbits(s), (unsigned long long)dbits(u),
           (unsigned long long)dbits(t1), fbits(t2), frm, take_flags());
}

int main(void)
{
    static const char *const names[] = { "rne", "rtz", "rdn", "rup" };
    for (int m = 0; m < 4; m++) {
        fesetround(k_modes[m]);
        take_flags();
        arith(names[m]);
        convert(names[m]);
    }
    fesetround(FE_TONEAREST);
    to_int();
    nan_bits();
    minmax_cmp();
    mode_switch_loop();
    rmm();
    /* flags left set across a call boundary, read by fetestexcept */
    volatile double big = DBL_MAX;
    feclearexcept(FE_ALL_EXCEPT);
    big = big * 2.0;
    printf("end inf=%d overflow=%d inexact=%d\n", isinf(big), fetestexcept(FE_OVERFLOW) != 0,
           fetestexcept(FE_INEXACT) != 0);
    return 0;
}

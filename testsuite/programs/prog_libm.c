/* libm differential test: transcendental and rounding functions over fixed inputs,
 * printed with %.17g (and %a for exactness), plus fenv rounding modes and exceptions. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static const double k_in[] = {0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.14159, -2.75, 10.0, 1e-10,
                              1e10, 700.0, -745.0, 1e308, 4.9e-324, 0.1, 123.456, -0.5};
#define NIN (sizeof k_in / sizeof k_in[0])

typedef double (*Fn1)(double);
static const struct { const char *name; Fn1 fn; } k_fn1[] = {
    {"sin", sin}, {"cos", cos}, {"tan", tan}, {"asin", asin}, {"acos", acos}, {"atan", atan},
    {"sinh", sinh}, {"cosh", cosh}, {"tanh", tanh}, {"exp", exp}, {"exp2", exp2},
    {"expm1", expm1}, {"log", log}, {"log2", log2}, {"log10", log10}, {"log1p", log1p},
    {"sqrt", sqrt}, {"cbrt", cbrt}, {"floor", floor}, {"ceil", ceil}, {"round", round},
    {"trunc", trunc}, {"rint", rint}, {"nearbyint", nearbyint}, {"fabs", fabs},
    {"erf", erf}, {"lgamma", lgamma}, {"tgamma", tgamma}, {"logb", logb}};

static void flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%s flags:%s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "",
           f & FE_DIVBYZERO ? " divbyzero" : "", f & FE_OVERFLOW ? " overflow" : "",
           f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "");
    feclearexcept(FE_ALL_EXCEPT);
}

int main(void)
{
    for (size_t f = 0; f < sizeof k_fn1 / sizeof k_fn1[0]; f++) {
        printf("%s:", k_fn1[f].name);
        for (size_t i = 0; i < NIN; i++) printf(" %.17g", k_fn1[f].fn(k_in[i]));
        printf("\n");
    }
    for (size_t i = 0; i < NIN; i++)
        for (size_t j = 0; j < NIN; j += 3)
            printf("pow(%g,%g)=%.17g atan2=%.17g hypot=%.17g fmod=%.17g\n", k_in[i], k_in[j],
                   pow(k_in[i], k_in[j]), atan2(k_in[i], k_in[j]), hypot(k_in[i], k_in[j]),
                   fmod(k_in[i], k_in[j]));
    printf("fma %a %a %a\n", fma(1.0 + DBL_EPSILON, 1.0 - DBL_EPSILON, -1.0), fma(0.1, 10.0, -1.0),
           fma(-0.0, 0.0, 0.0));
    printf("fmaf %a %a\n", (double)fmaf(1.0f + FLT_EPSILON, 1.0f + FLT_EPSILON, -1.0f),
           (double)fmaf(3.0f, 0.1f, -0.3f));
    printf("float: sinf %.9g expf %.9g logf %.9g sqrtf %.9g powf %.9g\n", (double)sinf(1.0f),
           (double)expf(2.5f), (double)logf(7.0f), (double)sqrtf(2.0f), (double)powf(1.5f, 2.5f));
    int e;
    double m = frexp(1234.5, &e);
    printf("frexp %.17g %d ldexp %.17g scalbn %a modf", m, e, ldexp(0.75, 11), scalbn(1.0, -1074));
    double ip;
    double fp = modf(-3.75, &ip);
    printf(" %g %g\n", fp, ip);
    printf("remainder %.17g remquo", remainder(10.0, 3.0));
    int q;
    double rq = remquo(29.0, 3.0, &q);
    printf(" %.17g %d\n", rq, q);
    printf("nextafter %a %a copysign %g fdim %g fmax %g fmin %g\n", nextafter(1.0, 2.0),
           nextafter(0.0, -1.0), copysign(3.0, -0.0), fdim(5.0, 3.0), fmax(NAN, 1.0), fmin(-0.0, 0.0));
    printf("isnan %d isinf %d signbit %d fpclassify %d %d %d %d %d\n", isnan(NAN), isinf(-INFINITY),
           signbit(-0.0), fpclassify(0.0), fpclassify(1.0), fpclassify(4.9e-324), fpclassify(INFINITY),
           fpclassify(NAN));
    /* rounding modes */
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *const mnames[] = {"nearest", "upward", "downward", "towardzero"};
    for (int i = 0; i < 4; i++) {
        fesetround(modes[i]);
        volatile double a = 1.0, b = 3.0;
        printf("%s: 1/3=%a -1/3=%a rint(2.5)=%g rint(-2.5)=%g lrint(3.5)=%ld nearbyint(-0.5)=%g\n",
               mnames[i], a / b, -a / b, rint(2.5), rint(-2.5), lrint(3.5), nearbyint(-0.5));
        printf("%s: sqrt(2)=%a float 1/3=%a llround(-2.5)=%lld\n", mnames[i], sqrt(2.0),
               (double)((float)a / (float)b), llround(-2.5));
    }
    fesetround(FE_TONEAREST);
    printf("fegetround %d\n", fegetround() == FE_TONEAREST);
    /* exceptions */
    feclearexcept(FE_ALL_EXCEPT);
    volatile double z = 0.0, one = 1.0, big = 1e308, tiny = 1e-308;
    volatile double r;
    r = one / z; flags("1/0");
    r = z / z; flags("0/0");
    r = big * 10.0; flags("overflow");
    r = tiny / 1e10; flags("underflow");
    r = one / 3.0; flags("inexact");
    r = sqrt(-one); flags("sqrt(-1)");
    r = log(z); flags("log(0)");
    (void)r;
    return 0;
}

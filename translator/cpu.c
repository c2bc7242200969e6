/*
 * Which x86-64 CPU the output is for: the default (this machine's level, docs D55), the
 * level a CPU name needs (checked by the output at start-up) and whether it has FMA.
 */
#include <stdio.h>
#include <string.h>

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>

#include "runtime/aot.h"
#include "translator/xlat.h"

/* The default CPU is this machine's x86-64 level up to v3 (docs D55): the output runs
 * here and on any host of that level, and says so where it cannot (FvpAotModule.cpu_level).
 * v4 (AVX-512) only when asked for. */
const char *xlat_cpu(const XlatOptions *o)
{
    if (o->cpu && strcmp(o->cpu, "host") != 0)
        return o->cpu;
    unsigned l = fvp_x86_level();
    return fvp_x86_level_cpu(l > 3 ? 3 : l);
}

unsigned xlat_cpu_level(const char *cpu)
{
    if (strcmp(cpu, "native") == 0)
        return fvp_x86_level();
    if (strcmp(cpu, "x86-64") == 0)
        return 1;
    if (strncmp(cpu, "x86-64-v", 8) == 0 && cpu[8] >= '2' && cpu[8] <= '4' && !cpu[9])
        return (unsigned)(cpu[8] - '0');
    return 0;
}

bool xlat_cpu_known(const char *cpu)
{
    if (strcmp(cpu, "native") == 0 || xlat_cpu_level(cpu) != 0)
        return true;
    /* LLVM 19's x86 processors (X86.td), the 64-bit ones: LLVM takes any other name with a
     * warning and then dies on "64-bit code requested on a subtarget that doesn't support
     * it" */
    static const char *const cpus[] = {
        "nocona", "core2", "penryn", "bonnell", "atom", "silvermont", "slm", "goldmont",
        "goldmont-plus", "tremont", "nehalem", "corei7", "westmere", "sandybridge",
        "corei7-avx", "ivybridge", "core-avx-i", "haswell", "core-avx2", "broadwell",
        "skylake", "skylake-avx512", "skx", "cascadelake", "cooperlake", "cannonlake",
        "icelake-client", "rocketlake", "icelake-server", "tigerlake", "sapphirerapids",
        "alderlake", "raptorlake", "meteorlake", "arrowlake", "arrowlake-s", "lunarlake",
        "gracemont", "pantherlake", "sierraforest", "grandridge", "graniterapids",
        "graniterapids-d", "emeraldrapids", "clearwaterforest", "knl", "knm", "k8", "opteron",
        "athlon64", "athlon-fx", "k8-sse3", "opteron-sse3", "athlon64-sse3", "amdfam10",
        "barcelona", "btver1", "btver2", "bdver1", "bdver2", "bdver3", "bdver4", "znver1",
        "znver2", "znver3", "znver4", "znver5",
    };
    for (size_t i = 0; i < sizeof cpus / sizeof cpus[0]; i++)
        if (strcmp(cpu, cpus[i]) == 0)
            return true;
    return false;
}

int xlat_check_cpu(const XlatOptions *o, char *err, size_t errlen)
{
    if (xlat_cpu_known(xlat_cpu(o)))
        return 0;
    snprintf(err, errlen, "unknown --cpu '%s' (x86-64, x86-64-v2, -v3, -v4, host, native or "
             "an LLVM x86-64 CPU such as znver4 or skylake)", xlat_cpu(o));
    return 2;
}

/* Whether LLVM CPU `cpu` has FMA3 (fused multiply-adds can then be inline instructions;
 * without it llvm.fma would be a libm call). */
bool xlat_cpu_has_fma(const char *cpu)
{
    if (strcmp(cpu, "native") == 0) {
        /* a comma-separated list of +feature / -feature */
        char *f = LLVMGetHostCPUFeatures();
        bool has = false;
        for (const char *p = f; p && *p && !has; p = strchr(p, ',') ? strchr(p, ',') + 1 : "")
            has = strncmp(p, "+fma", 4) == 0 && (p[4] == ',' || p[4] == '\0');
        LLVMDisposeMessage(f);
        return has;
    }
    static const char *const fma_cpus[] = {
        "x86-64-v3", "x86-64-v4", "haswell", "broadwell", "skylake", "skylake-avx512",
        "cascadelake", "cooperlake", "cannonlake", "icelake-client", "icelake-server",
        "tigerlake", "rocketlake", "alderlake", "raptorlake", "meteorlake",
        "sapphirerapids", "emeraldrapids", "graniterapids", "znver1", "znver2", "znver3",
        "znver4", "bdver2", "bdver3", "bdver4",
    };
    for (size_t i = 0; i < sizeof fma_cpus / sizeof fma_cpus[0]; i++)
        if (strcmp(cpu, fma_cpus[i]) == 0)
            return true;
    return false;
}

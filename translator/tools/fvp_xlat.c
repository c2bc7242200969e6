/*
 * fvp-xlat — translate a static RV64 Linux ELF ahead of time into a native
 * x86-64 executable that needs no other file.
 *
 *   fvp-xlat in.elf -o out [-O0..-O3] [--cpu CPU] [--emit-llvm FILE]
 *            [--emit-ir FILE] [--profile FILE] [--profile-out FILE] [--no-cache] [-v]
 *
 * Exit status: 0 on success, 1 when the input cannot be translated (one
 * error line), 2 on bad command-line arguments.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "translator/xlat.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: fvp-xlat in.elf -o out [options]\n"
            "  Translates a static RV64GC Linux program into a native x86-64 executable.\n"
            "  -o FILE             the executable to write (required)\n"
            "  -O0 .. -O3          optimisation level (default -O2; -O3 gives every function\n"
            "                      the full pipeline, see --tier-size)\n"
            "  --cpu CPU           host CPU to generate code for (default host: this\n"
            "                      machine's x86-64 level, at most x86-64-v3; the output\n"
            "                      interprets on a CPU below that level; or x86-64,\n"
            "                      x86-64-v2/-v3/-v4, native, znver4, skylake, ...)\n"
            "  --print-cpu         print the CPU --cpu (or its default) means and exit\n"
            "  --emit-llvm FILE    also write the optimised LLVM IR to FILE\n"
            "  --emit-ir FILE      also write the FVP IR of every block to FILE\n"
            "  --profile FILE      also translate the guest PCs listed in FILE (from FVP_PROFILE),\n"
            "                      and give their functions the full pipeline\n"
            "  --profile-out FILE  the output records PCs it had to interpret into FILE\n"
            "  --libdir DIR        where libfvprt.a is (default: ../lib next to fvp-xlat)\n"
            "  --verify            run the LLVM verifier on the module\n"
            "  --all-functions     translate every function the symbols and .eh_frame name,\n"
            "                      not only those reachable from the entry point\n"
            "  --precise-faults    keep guest registers exact at every memory access, so a\n"
            "                      SIGSEGV/SIGBUS handler sees them (slower); without it the\n"
            "                      output interprets while the guest handles those signals\n"
            "  --no-native-fp      run every F/D instruction through the exact C helpers\n"
            "                      (as fvp-run does) instead of inline host FP\n"
            "  --strict-fp         exact FP flags and rounding modes even when no code\n"
            "                      fvp-xlat finds reads the flags or sets the mode (by\n"
            "                      default such programs get plain, faster FP)\n"
            "  --exact-instret     count guest instructions in translated code even when no\n"
            "                      code fvp-xlat finds reads instret (by default such\n"
            "                      programs are not counted: FVP_STATS counts interpreted\n"
            "                      instructions only)\n"
            "  --no-host-libc      translate the guest's string functions (memcpy, strlen, ...)\n"
            "                      instead of running the host C library's versions\n"
            "  --region-size N     split functions of more than N instructions into regions\n"
            "                      translated separately (default 1500; 0: never split)\n"
            "  --tier-size N       at -O1/-O2, functions of more than N instructions that no\n"
            "                      --profile names get a cheap pipeline and fast code\n"
            "                      generation (default 800; 0: the full pipeline for all)\n"
            "  --lib-tier-size N   the same for the C library's functions in a static\n"
            "                      program, but for a few known to run often (default 100;\n"
            "                      0: as --tier-size)\n"
            "  -j N, -jN           code generation threads (default: all cores)\n"
            "  --no-cache          neither use nor fill the translation cache\n"
            "  -v                  print what was translated and how long each step took\n"
            "  -h, --help          this text\n"
            "Translations are cached by the SHA-256 of the input, fvp-xlat, its runtime and the\n"
            "options (not with --emit-llvm/--emit-ir): FVP_CACHE_DIR (default\n"
            "$XDG_CACHE_HOME/fvp or ~/.cache/fvp), FVP_CACHE_SIZE (default 2G; 0: off).\n"
            "FVP_LLVM_ARGS='-time-passes ...' passes options to LLVM (measurements).\n"
            "The output runs like `fvp-run in.elf args...`.  Environment of the output:\n"
            "  FVP_PROFILE=FILE, FVP_STATS=1, FVP_STRACE=1, FVP_NO_NATIVE=1.\n");
}

static void warn_line(const char *msg)
{
    fprintf(stderr, "fvp-xlat: warning: %s\n", msg);
}

/* The value of option argv[*i] (next argument); NULL after an error line. */
static const char *opt_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "fvp-xlat: option '%s' needs a value (try --help)\n", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

int main(int argc, char **argv)
{
    XlatOptions o = { .opt_level = 2 };
    bool print_cpu = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "-o") == 0) {
            dst = &o.output;
        } else if (strcmp(a, "--cpu") == 0) {
            dst = &o.cpu;
        } else if (strcmp(a, "--emit-llvm") == 0) {
            dst = &o.emit_llvm;
        } else if (strcmp(a, "--emit-ir") == 0) {
            dst = &o.emit_ir;
        } else if (strcmp(a, "--profile") == 0) {
            dst = &o.profile;
        } else if (strcmp(a, "--profile-out") == 0) {
            dst = &o.profile_out;
        } else if (strcmp(a, "--libdir") == 0) {
            dst = &o.libdir;
        } else if (strcmp(a, "--verify") == 0) {
            o.verify = true;
        } else if (strcmp(a, "--all-functions") == 0) {
            o.all_functions = true;
        } else if (strcmp(a, "--precise-faults") == 0) {
            o.precise_faults = true;
        } else if (strcmp(a, "--no-cache") == 0) {
            o.no_cache = true;
        } else if (strcmp(a, "--no-host-libc") == 0) {
            o.no_host_libc = true;
        } else if (strcmp(a, "--no-native-fp") == 0) {
            o.no_native_fp = true;
        } else if (strcmp(a, "--strict-fp") == 0) {
            o.strict_fp = true;
        } else if (strcmp(a, "--exact-instret") == 0) {
            o.exact_instret = true;
        } else if (strcmp(a, "--region-size") == 0 || strcmp(a, "--tier-size") == 0 ||
                   strcmp(a, "--lib-tier-size") == 0 || strncmp(a, "-j", 2) == 0) {
            /* -j N or -jN, as make has it */
            const char *v = strncmp(a, "-j", 2) == 0 && a[2] ? a + 2 : opt_value(argc, argv, &i);
            char *end;
            if (!v)
                return 2;
            unsigned long n = strtoul(v, &end, 10);
            if (*v < '0' || *v > '9' || *end || n > 1000000000ul) {
                fprintf(stderr, "fvp-xlat: %s needs a number, not '%s'\n", a, v);
                return 2;
            }
            if (a[1] == 'j')
                o.jobs = (unsigned)n;
            else if (a[2] == 'r')
                o.region_insns = n ? (unsigned)n : UINT_MAX;
            else if (a[2] == 'l')
                o.lib_tier_insns = n ? (unsigned)n : UINT_MAX;
            else
                o.tier_insns = n ? (unsigned)n : UINT_MAX;
        } else if (strcmp(a, "-v") == 0) {
            o.verbose++;
        } else if (strcmp(a, "--print-cpu") == 0) {
            print_cpu = true;
        } else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && a[3] == '\0') {
            o.opt_level = a[2] - '0';
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "fvp-xlat: unknown option '%s' (try --help)\n", a);
            return 2;
        } else if (o.input) {
            fprintf(stderr, "fvp-xlat: more than one input ('%s' and '%s')\n", o.input, a);
            return 2;
        } else {
            o.input = a;
        }
        if (dst && !(*dst = opt_value(argc, argv, &i)))
            return 2;
    }
    char err[1024];
    if (xlat_check_cpu(&o, err, sizeof err) != 0) {
        fprintf(stderr, "fvp-xlat: %s\n", err);
        return 2;
    }
    if (print_cpu) {
        printf("%s\n", xlat_cpu(&o));
        return 0;
    }
    if (!o.input) {
        fprintf(stderr, "fvp-xlat: no input file (try --help)\n");
        return 2;
    }
    if (!o.output) {
        fprintf(stderr, "fvp-xlat: no output file: use -o FILE\n");
        return 2;
    }
    o.progress = isatty(STDERR_FILENO) && !o.verbose;

    XlatReport r;
    if (xlat_run(&o, &r, err, sizeof err, warn_line) != 0) {
        fprintf(stderr, "fvp-xlat: %s\n", err);
        return 1;
    }
    if (r.cache_warning[0])
        fprintf(stderr, "fvp-xlat: warning: translation cache: %s\n", r.cache_warning);
    if (o.verbose && r.cache == XLAT_CACHE_HIT)
        fprintf(stderr, "fvp-xlat: cache hit: %s\n", r.cache_entry);
    if (o.verbose && r.cache == XLAT_CACHE_MISS && !r.cache_warning[0])
        fprintf(stderr, "fvp-xlat: stored in the translation cache: %s\n", r.cache_entry);
    if (o.verbose)
        fprintf(stderr, "fvp-xlat: code for %s%s\n", xlat_cpu(&o),
                o.cpu && strcmp(o.cpu, "host") != 0 ? "" : " (this machine's x86-64 level)");
    if (o.verbose && r.cache != XLAT_CACHE_HIT) {
        fprintf(stderr,
                "fvp-xlat: %zu functions (%zu left to the interpreter), %zu blocks, "
                "%llu guest instructions, %zu jump tables (%zu by index), %zu entries, "
                "%zu inline FP, %zu host C library functions, %zu self-calls passing "
                "registers, %zu loop polls in place, %zu bit helper calls inline, "
                "%zu twin arms merged, %zu loads forwarded from stores, %zu leaf entries, "
                "%zu indirect calls trying them\n",
                r.funcs, r.funcs_failed, r.blocks, (unsigned long long)r.guest_insns,
                r.jump_tables, r.jt_indexed, r.entries, r.fp_native, r.host_libc, r.self_calls,
                r.polls_in_place, r.bit_helpers, r.twin_arms, r.store_forwards, r.leaves,
                r.leaf_calls);
        if (r.fp_native)
            fprintf(stderr, r.fp_plain ? "fvp-xlat: inline FP: plain (the program does not "
                                         "observe the FP environment)\n"
                                       : "fvp-xlat: inline FP: strict (%s0x%llx)\n",
                    r.fp_observed_pc ? "FP environment observed at " : "--strict-fp, ",
                    (unsigned long long)r.fp_observed_pc);
        if (r.instret_counted && r.instret_read_pc)
            fprintf(stderr, "fvp-xlat: instruction count: exact (instret read at 0x%llx)\n",
                    (unsigned long long)r.instret_read_pc);
        else if (r.instret_counted)
            fprintf(stderr, "fvp-xlat: instruction count: exact (--exact-instret)\n");
        else
            fprintf(stderr, "fvp-xlat: instruction count: off (the program does not read "
                            "instret)\n");
        fprintf(stderr, "fvp-xlat: tiers: %zu functions (%llu instructions) full, %zu (%llu) "
                        "cheap; %zu functions are the C library's\n",
                r.funcs - r.cheap_funcs, (unsigned long long)r.full_insns,
                r.cheap_funcs, (unsigned long long)r.cheap_insns, r.lib_funcs);
        if (r.candidates)
            fprintf(stderr,
                    "fvp-xlat: %zu of %zu symbol/.eh_frame entries reachable "
                    "(%zu only by address taken)\n",
                    r.funcs, r.candidates, r.addr_taken);
        fprintf(stderr,
                "fvp-xlat: time: discover %.2f s, emit %.2f s, optimise %.2f s, "
                "codegen %.2f s, link %.2f s\n",
                r.t_discover, r.t_emit, r.t_opt, r.t_codegen, r.t_link);
    }
    return 0;
}

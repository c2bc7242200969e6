/*
 * The fvp-xlat pipeline (xlat.h): discovery, emission, the helpers'
 * bitcode, the new pass manager, object emission and the final link.
 */
#include "translator/xlat.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/Core.h>
#include <llvm-c/ErrorHandling.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Support.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "elf/elfimage.h"
#include "runtime/aot.h"
#include "runtime/guestmem.h"
#include "translator/cache.h"
#include "translator/fp_observe.h"
#include "translator/discover.h"
#include "translator/llvm_emit.h"
#include "translator/llvm_fp.h"

extern char **environ;

/* The helpers' bitcode, linked into fvp-xlat by the Makefile (helpers_bc.o). */
extern const char fvp_helpers_bc[], fvp_helpers_bc_end[];

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- input -------------------------------------------------------------- */

static int read_file(const char *path, uint8_t **buf, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        snprintf(err, errlen, "%s: %s", path, strerror(e));
        return -e;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        snprintf(err, errlen, "%s: not a regular file", path);
        return -EINVAL;
    }
    size_t n = (size_t)st.st_size;
    uint8_t *b = malloc(n ? n : 1);
    if (!b || fread(b, 1, n, f) != n) {
        free(b);
        fclose(f);
        snprintf(err, errlen, "%s: cannot read", path);
        return -EIO;
    }
    fclose(f);
    *buf = b;
    *len = n;
    return 0;
}

int xlat_read_profile(const char *path, uint64_t **pcs, size_t *n, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        int e = errno;
        snprintf(err, errlen, "%s: %s", path, strerror(e));
        return -e;
    }
    uint64_t *v = NULL;
    size_t cnt = 0, cap = 0;
    char line[256];
    unsigned lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '#' || *s == '\n' || *s == '\0')
            continue;
        char *end;
        errno = 0;
        unsigned long long x = strtoull(s, &end, 0);
        while (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')
            end++;
        if (errno != 0 || end == s || *end != '\0') {
            snprintf(err, errlen, "%s:%u: not a guest address", path, lineno);
            free(v);
            fclose(f);
            return -EINVAL;
        }
        if (cnt == cap) {
            cap = cap ? 2 * cap : 256;
            uint64_t *nv = realloc(v, cap * sizeof *nv);
            if (!nv) {
                free(v);
                fclose(f);
                snprintf(err, errlen, "out of memory");
                return -ENOMEM;
            }
            v = nv;
        }
        v[cnt++] = x;
    }
    fclose(f);
    *pcs = v;
    *n = cnt;
    return 0;
}

/* Refuses what the runtime would refuse, before spending time on it. */
static int check_input(const ElfImage *img, const char *path, char *err, size_t errlen)
{
    uint16_t type = elfimage_type(img);
    if (type != 2 /* ET_EXEC */ && type != 3 /* ET_DYN */) {
        snprintf(err, errlen, "%s: not an executable (ELF type %u)", path, type);
        return -EINVAL;
    }
    for (size_t i = 1; i < elfimage_section_count(img); i++) {
        const ElfSection *s = elfimage_section(img, i);
        if (s->name && strcmp(s->name, ".interp") == 0) {
            snprintf(err, errlen, "%s: dynamically linked programs are not supported yet "
                     "(link it with -static)", path);
            return -EINVAL;
        }
    }
    return 0;
}

/* ---- LLVM module pieces --------------------------------------------------- */

/* LLVM's fatal errors end the translation with one line, not an abort with a stack dump
 * (the CPU names are checked first, so this is for what no check foresaw). */
static void llvm_fatal(const char *reason)
{
    fprintf(stderr, "fvp-xlat: LLVM: %s\n", reason);
    _exit(1);
}

static void init_llvm_x86(void)
{
    LLVMInstallFatalErrorHandler(llvm_fatal);
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
}

/*
 * LLVM's process-wide options for one translation.  The SLP vectorizer runs
 * only at -O3: on lifted code it spent a third of -O2's optimisation time
 * (mostly on the runs of register write-back stores at exits), and LLVM 19's
 * default<O2> pipeline runs it whatever the pass builder options say, so
 * its own switch turns it off (docs D18).  Translations in one process run
 * one at a time (the shards of one translation share the setting).
 */
static void set_llvm_options(const XlatOptions *o)
{
    enum { MAX_ARGS = 32 };
    const char *argv[MAX_ARGS] = { "fvp-xlat",
                                   o->opt_level >= 3 ? "-vectorize-slp=true"
                                                     : "-vectorize-slp=false",
                                   "-grow-region-complexity-budget=1000" };
    int argc = 3;
    /* FVP_LLVM_ARGS: more LLVM options, for measurements (e.g. -time-passes) */
    const char *extra = getenv("FVP_LLVM_ARGS");
    char *copy = extra ? strdup(extra) : NULL, *save = NULL;
    for (char *t = copy ? strtok_r(copy, " \t", &save) : NULL; t && argc < MAX_ARGS;
         t = strtok_r(NULL, " \t", &save))
        argv[argc++] = t;
    LLVMParseCommandLineOptions(argc, argv, NULL);
    free(copy); /* LLVM keeps copies of option values it stores */
}

/*
 * The tuning of an x86-64 micro-architecture level is "generic", as clang's
 * -march=x86-64-vN without -mtune: LLVM would otherwise tune x86-64-v2 for Sandy Bridge,
 * whose fast SHLD makes it lower every rotate as `shld r, r, imm` (slow on AMD: sha256
 * 1.32 -> 0.74 s with `rol`, docs D41).  The C API has no tune CPU for a target machine;
 * the X86 back end reads it per function.  Other CPUs tune for themselves.
 */
static void set_tune_cpu(LLVMModuleRef mod, const char *cpu)
{
    if (strncmp(cpu, "x86-64", 6) != 0 || (cpu[6] != '\0' && strncmp(cpu + 6, "-v", 2) != 0))
        return;
    for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fn; fn = LLVMGetNextFunction(fn))
        if (LLVMCountBasicBlocks(fn) > 0)
            LLVMAddTargetDependentFunctionAttr(fn, "tune-cpu", "generic");
}

/* One per shard: LLVM target machines are not shared between threads.  The cheap tier
 * (docs D45) generates code with LLVM's fast instruction selector and register allocator. */
static LLVMTargetMachineRef make_target_machine(const XlatOptions *o, bool cheap, char *err,
                                                size_t errlen)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_llvm_x86);
    const char *triple = "x86_64-pc-linux-gnu";
    LLVMTargetRef target;
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &msg) != 0) {
        snprintf(err, errlen, "LLVM has no x86-64 target: %s", msg ? msg : "?");
        LLVMDisposeMessage(msg);
        return NULL;
    }
    LLVMCodeGenOptLevel lvl = o->opt_level <= 0 || cheap ? LLVMCodeGenLevelNone
                              : o->opt_level == 1 ? LLVMCodeGenLevelLess
                              : o->opt_level == 2 ? LLVMCodeGenLevelDefault
                                                  : LLVMCodeGenLevelAggressive;
    const char *cpu = xlat_cpu(o);
    /* "native": this host's CPU and features, as clang -march=native */
    bool native = strcmp(cpu, "native") == 0;
    char *host_cpu = native ? LLVMGetHostCPUName() : NULL;
    char *host_features = native ? LLVMGetHostCPUFeatures() : NULL;
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, native ? host_cpu : cpu,
                                                      native ? host_features : "", lvl,
                                                      LLVMRelocPIC, LLVMCodeModelDefault);
    LLVMDisposeMessage(host_cpu);
    LLVMDisposeMessage(host_features);
    if (!tm)
        snprintf(err, errlen, "cannot create a target machine for cpu '%s'", cpu);
    return tm;
}

/* Links the helpers' bitcode into mod and makes its definitions private to
 * the module (libfvprt has the native copies under the same names). */
static int link_helpers(LLVMModuleRef mod, char *err, size_t errlen)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    LLVMMemoryBufferRef buf = LLVMCreateMemoryBufferWithMemoryRange(
        fvp_helpers_bc, (size_t)(fvp_helpers_bc_end - fvp_helpers_bc), "helpers.bc", 0);
    LLVMModuleRef helpers;
    if (LLVMParseBitcodeInContext2(ctx, buf, &helpers) != 0) {
        LLVMDisposeMemoryBuffer(buf);
        snprintf(err, errlen, "cannot read the helpers' bitcode");
        return -EINVAL;
    }
    LLVMDisposeMemoryBuffer(buf);
    /* Our functions are declared without definitions of helpers yet. */
    if (LLVMLinkModules2(mod, helpers) != 0) {
        snprintf(err, errlen, "cannot link the helpers' bitcode");
        return -EINVAL;
    }
    for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fn; fn = LLVMGetNextFunction(fn)) {
        size_t len;
        const char *name = LLVMGetValueName2(fn, &len);
        if (LLVMIsDeclaration(fn) || strncmp(name, "fvp_", 4) == 0)
            continue;
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        /* the target machine's CPU decides, not the one clang assumed */
        LLVMRemoveStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, "target-cpu", 10);
        LLVMRemoveStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, "target-features", 15);
        LLVMRemoveStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, "tune-cpu", 8);
    }
    for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g; g = LLVMGetNextGlobal(g)) {
        size_t len;
        const char *name = LLVMGetValueName2(g, &len);
        if (!LLVMIsDeclaration(g) && strncmp(name, "fvp_", 4) != 0)
            LLVMSetLinkage(g, LLVMInternalLinkage);
    }
    return 0;
}

/* A private constant global named name holding init. */
static LLVMValueRef const_global(LLVMModuleRef mod, const char *name, LLVMValueRef init)
{
    LLVMValueRef g = LLVMAddGlobal(mod, LLVMTypeOf(init), name);
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    return g;
}

static LLVMValueRef const_bytes_global(LLVMModuleRef mod, const char *name, const void *data,
                                       size_t n, unsigned align)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    LLVMValueRef g = const_global(mod, name, LLVMConstStringInContext2(ctx, data, n, 1));
    LLVMSetAlignment(g, align);
    return g;
}

static LLVMValueRef const_cstring(LLVMModuleRef mod, const char *name, const char *s)
{
    return const_bytes_global(mod, name, s, strlen(s) + 1, 1);
}

/* fvp_aot_module and the tables it points to (runtime/aot.h). */
static void emit_aot_module(LLVMModuleRef mod, const XlatProgram *prog, const ElfImage *img,
                            const XlatEntry *ents, size_t nents, const bool *cheap,
                            const uint8_t *image, size_t image_len, const XlatOptions *o,
                            unsigned aot_flags)
{
    LLVMContextRef ctx = LLVMGetModuleContext(mod);
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx), i64 = LLVMInt64TypeInContext(ctx);
    LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);

    LLVMTypeRef ent_fields[3] = { i64, ptr, ptr };
    LLVMTypeRef ent_ty = LLVMStructTypeInContext(ctx, ent_fields, 3, 0);
    LLVMValueRef *ev = malloc((nents ? nents : 1) * sizeof *ev);
    for (size_t i = 0; i < nents; i++) {
        char name[128], leaf[48];
        xlat_func_symbol(prog, ents[i].func, name, sizeof name);
        xlat_leaf_symbol(prog, ents[i].func, leaf, sizeof leaf);
        LLVMValueRef f[3] = { LLVMConstInt(i64, ents[i].pc, 0), LLVMGetNamedFunction(mod, name),
                              ents[i].leaf ? LLVMGetNamedFunction(mod, leaf)
                                           : LLVMConstNull(ptr) };
        ev[i] = LLVMConstNamedStruct(ent_ty, f, 3);
    }
    LLVMValueRef ent_init = LLVMConstArray2(ent_ty, ev, nents);
    free(ev);
    LLVMValueRef ent_g = const_global(mod, "fvp_aot_entries", ent_init);

    /* the executable code the translation was made from */
    LLVMTypeRef rng_ty = LLVMStructTypeInContext(ctx, (LLVMTypeRef[]){ i64, i64 }, 2, 0);
    size_t nseg = elfimage_segment_count(img), nr = 0;
    LLVMValueRef *rv = malloc((nseg ? nseg : 1) * sizeof *rv);
    for (size_t i = 0; i < nseg; i++) {
        const ElfSegment *s = elfimage_segment(img, i);
        if (!(s->flags & 1 /* PF_X */))
            continue;
        LLVMValueRef f[2] = { LLVMConstInt(i64, s->vaddr + prog->load_bias, 0),
                              LLVMConstInt(i64, s->vaddr + prog->load_bias + s->memsz, 0) };
        rv[nr++] = LLVMConstNamedStruct(rng_ty, f, 2);
    }
    LLVMValueRef rng_init = LLVMConstArray2(rng_ty, rv, nr);
    free(rv);
    LLVMValueRef rng_g = const_global(mod, "fvp_aot_ranges", rng_init);

    /* the cheap tier's counters (weak: a function left to the interpreter has none) */
    size_t nc = 0;
    LLVMTypeRef cnt_ty = LLVMStructTypeInContext(ctx, (LLVMTypeRef[]){ i64, ptr }, 2, 0);
    LLVMValueRef *cv = malloc((prog->nfuncs ? prog->nfuncs : 1) * sizeof *cv);
    for (size_t i = 0; cv && i < prog->nfuncs; i++) {
        if (!cheap[i])
            continue;
        char name[48];
        xlat_counter_symbol(prog, i, name, sizeof name);
        LLVMValueRef cg = LLVMAddGlobal(mod, i64, name);
        LLVMSetLinkage(cg, LLVMExternalWeakLinkage);
        LLVMSetVisibility(cg, LLVMHiddenVisibility);
        LLVMValueRef f[2] = { LLVMConstInt(i64, prog->funcs[i].entry, 0), cg };
        cv[nc++] = LLVMConstNamedStruct(cnt_ty, f, 2);
    }
    LLVMValueRef cnt_g = const_global(mod, "fvp_aot_counters", LLVMConstArray2(cnt_ty, cv, nc));
    free(cv);

    const char *base = strrchr(o->input, '/');
    base = base ? base + 1 : o->input;
    LLVMValueRef img_g = const_bytes_global(mod, "fvp_aot_image", image, image_len, 16);
    LLVMValueRef name_g = const_cstring(mod, "fvp_aot_image_name", base);
    LLVMValueRef prof_g = o->profile_out ? const_cstring(mod, "fvp_aot_profile_out", o->profile_out)
                                         : LLVMConstNull(ptr);

    const char *cpu = xlat_cpu(o);
    LLVMTypeRef mod_fields[14] = { i32, i32, ptr, i64, ptr, ptr, i64, ptr, i64, ptr, ptr, i64,
                                   ptr, i64 };
    LLVMTypeRef mod_ty = LLVMStructTypeInContext(ctx, mod_fields, 14, 0);
    LLVMValueRef mv[14] = {
        LLVMConstInt(i32, FVP_AOT_ABI_VERSION, 0),
        LLVMConstInt(i32, (o->precise_faults ? FVP_AOT_PRECISE_FAULTS : 0) |
                              aot_flags, 0),
        img_g, LLVMConstInt(i64, image_len, 0), name_g,
        ent_g, LLVMConstInt(i64, nents, 0), rng_g, LLVMConstInt(i64, nr, 0), prof_g,
        cnt_g, LLVMConstInt(i64, nc, 0),
        const_cstring(mod, "fvp_aot_cpu", cpu), LLVMConstInt(i64, xlat_cpu_level(cpu), 0),
    };
    LLVMValueRef mg = LLVMAddGlobal(mod, mod_ty, "fvp_aot_module");
    LLVMSetInitializer(mg, LLVMConstNamedStruct(mod_ty, mv, 14));
    LLVMSetGlobalConstant(mg, 1);
}

/* ---- linking -------------------------------------------------------------- */

/* Directory of libfvprt.a: o->libdir, else <fvp-xlat's dir>/../lib. */
static int find_libdir(const XlatOptions *o, char *dir, size_t n, char *err, size_t errlen)
{
    if (o->libdir) {
        snprintf(dir, n, "%s", o->libdir);
    } else {
        char exe[PATH_MAX];
        ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (len <= 0) {
            snprintf(err, errlen, "cannot find fvp-xlat's own path (set --libdir)");
            return -ENOENT;
        }
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        if ((size_t)snprintf(dir, n, "%s/../lib", exe) >= n) {
            snprintf(err, errlen, "fvp-xlat's path is too long (set --libdir)");
            return -ENAMETOOLONG;
        }
    }
    char probe[PATH_MAX + 32];
    snprintf(probe, sizeof probe, "%s/libfvprt.a", dir);
    if (access(probe, R_OK) != 0) {
        snprintf(err, errlen, "runtime library not found: %s (build it with make, or use --libdir)",
                 probe);
        return -ENOENT;
    }
    return 0;
}

static int run_linker(const XlatOptions *o, const char **objs, unsigned nobjs,
                      const char *libdir, char *err, size_t errlen)
{
    const char *cc = getenv("FVP_CC");
    if (!cc || !*cc)
        cc = "cc";
    char rt[PATH_MAX + 32], lf[PATH_MAX + 32];
    snprintf(rt, sizeof rt, "%s/libfvprt.a", libdir);
    snprintf(lf, sizeof lf, "%s/liblifter.a", libdir);
    enum { MAX_OBJS = 70 };
    char *argv[MAX_OBJS + 12];
    int k = 0;
    argv[k++] = (char *)cc;
    argv[k++] = "-o";
    argv[k++] = (char *)o->output;
    for (unsigned i = 0; i < nobjs && i < MAX_OBJS; i++)
        argv[k++] = (char *)objs[i];
    argv[k++] = rt;
    argv[k++] = lf;
    argv[k++] = "-lelf";
    argv[k++] = "-lm";
    argv[k++] = "-lpthread";
    argv[k] = NULL;
    pid_t pid;
    int rc = posix_spawnp(&pid, cc, NULL, NULL, argv, environ);
    if (rc != 0) {
        snprintf(err, errlen, "cannot run the linker '%s': %s", cc, strerror(rc));
        return -rc;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            snprintf(err, errlen, "waiting for the linker: %s", strerror(errno));
            return -errno;
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(err, errlen, "linking %s failed (%s, see above)", o->output, cc);
        return -EIO;
    }
    return 0;
}

/* ---- the pipeline --------------------------------------------------------- */

/* One code-generation thread: its own LLVM context, module and target
 * machine; it translates the functions with owner[index] == id. */
typedef struct Shard {
    const XlatOptions *o;
    const XlatProgram *prog;
    const ElfImage *img;
    unsigned id;
    const unsigned *owner;      /* per function: the shard translating it */
    bool plain_fp;              /* XLAT_EMIT_PLAIN_FP */
    bool no_instret;            /* XLAT_EMIT_NO_INSTRET */
    bool cheap;                 /* the cheap tier (pick_tiers, docs D45) */
    size_t *done;               /* shared progress counter (atomic) */
    void (*warn)(const char *msg);
    char obj[80];               /* its object file */
    XlatEntry *entries;
    size_t nentries;
    size_t blocks, failed, fp_native, host_libc, self_calls, polls, bit_helpers, twins, forwards;
    size_t leaves, leaf_calls;
    char *ir_text;              /* --emit-ir output (open_memstream) */
    size_t ir_len;
    double t_emit, t_opt, t_codegen;
    int rc;
    char err[512];
} Shard;

static void progress(const XlatOptions *o, size_t done, size_t total)
{
    if (!o->progress)
        return;
    if (done == total || done % 256 == 0) {
        fprintf(stderr, "\rfvp-xlat: translating functions %zu/%zu", done, total);
        if (done == total)
            fputc('\n', stderr);
    }
}

static LLVMModuleRef new_module(LLVMContextRef ctx, LLVMTargetMachineRef tm, const char *name)
{
    LLVMModuleRef mod = LLVMModuleCreateWithNameInContext(name, ctx);
    LLVMSetTarget(mod, "x86_64-pc-linux-gnu");
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    char *dl = LLVMCopyStringRepOfTargetData(td);
    LLVMSetDataLayout(mod, dl);
    LLVMDisposeMessage(dl);
    LLVMDisposeTargetData(td);
    return mod;
}

static int make_temp_obj(char *path, size_t n, char *err, size_t errlen)
{
    const char *tmpdir = getenv("TMPDIR");
    snprintf(path, n, "%s/fvp-xlat-XXXXXX.o", tmpdir && strlen(tmpdir) < 40 ? tmpdir : "/tmp");
    int fd = mkstemps(path, 2);
    if (fd < 0) {
        int e = errno;
        snprintf(err, errlen, "cannot create a temporary file: %s", strerror(e));
        path[0] = '\0';
        return -e;
    }
    close(fd);
    return 0;
}

/* The cheap tier's pipeline (docs D45): the helpers it does not call dropped, registers into
 * SSA, redundant loads and stores of the vCPU folded, the CFG cleaned; cheap next to
 * default<O2> (a fifth of the time with fast code generation), and its code runs faster than
 * with registers left in stack slots (sha256 in the cheap tier: 2.2 against 3.5 s), though
 * it is bigger (the fast register allocator spills SSA values around every use). */
static const char CHEAP_PIPELINE[] = "globaldce,function(sroa,early-cse,simplifycfg)";

/* --verify: 0 when mod verifies after `what`, else -EINVAL with "internal error: what: " and
 * the verifier's first line in err. */
static int verify_step(LLVMModuleRef mod, const char *what, char *err, size_t errlen)
{
    char *msg = NULL;
    int rc = 0;
    if (LLVMVerifyModule(mod, LLVMReturnStatusAction, &msg) != 0) {
        char *nl = msg ? strchr(msg, '\n') : NULL;
        if (nl)
            *nl = '\0';
        snprintf(err, errlen, "internal error: %s: %s", what, msg ? msg : "?");
        rc = -EINVAL;
    }
    LLVMDisposeMessage(msg);
    return rc;
}

/* Optimises mod and writes it as an object (and as text for --emit-llvm).
 * inline_fp: the emitter lowered FP instructions inline (llvm_fp.h); plain_fp: as plain
 * LLVM FP operations (D31); cheap: the module is the cheap tier's. */
static int optimise_and_emit(const XlatOptions *o, LLVMModuleRef mod, LLVMTargetMachineRef tm,
                             bool inline_fp, bool plain_fp, bool cheap, const char *obj,
                             double *t_opt, double *t_cg, size_t *twins, size_t *forwards,
                             char *err, size_t errlen)
{
    if (o->verify && verify_step(mod, "LLVM module does not verify", err, errlen) != 0)
        return -EINVAL;
    double t0 = now();
    int lvl = o->opt_level < 0 ? 0 : o->opt_level > 3 ? 3 : o->opt_level;
    char passes[64];
    snprintf(passes, sizeof passes, "%s", cheap && lvl >= 1 ? CHEAP_PIPELINE : "");
    if (!passes[0])
        snprintf(passes, sizeof passes, "default<O%d>", lvl);
    LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
    if (lvl >= 1 && inline_fp && !cheap) {
        /* registers to SSA first, so that NaN canonicalisation between two FP
         * operations is visible (and removable) as a plain def-use chain */
        LLVMErrorRef e1 = LLVMRunPasses(mod, "function(mem2reg)", tm, pbo);
        if (e1)
            LLVMConsumeError(e1);
        else {
            xlat_fp_prune_canon(mod);
            if (plain_fp && xlat_fp_defer_canon(mod) && o->verify &&
                verify_step(mod, "deferred NaN canonicalisation", err, errlen) != 0) {
                LLVMDisposePassBuilderOptions(pbo);
                return -EINVAL;
            }
        }
    }
    LLVMPassBuilderOptionsSetLoopVectorization(pbo, lvl >= 2);
    /* SLP only at -O3 (set_llvm_options: this option alone does not keep
     * LLVM 19's default<O2> from running it; docs D18) */
    LLVMPassBuilderOptionsSetSLPVectorization(pbo, lvl >= 3);
    LLVMErrorRef lerr = LLVMRunPasses(mod, passes, tm, pbo);
    LLVMDisposePassBuilderOptions(pbo);
    if (lerr) {
        char *msg = LLVMGetErrorMessage(lerr);
        snprintf(err, errlen, "LLVM optimisation failed: %s", msg);
        LLVMDisposeErrorMessage(msg);
        return -EINVAL;
    }
    if (lvl >= 1 && !cheap) {
        xlat_sext_peephole(mod);
        if ((*forwards = xlat_store_forward(mod)) > 0 && o->verify &&
            verify_step(mod, "stores forwarded", err, errlen) != 0)
            return -EINVAL;
        if (lvl >= 2 && (*twins = xlat_twin_arms(mod)) > 0) {
            if (o->verify && verify_step(mod, "twin arms", err, errlen) != 0)
                return -EINVAL;
            /* SimplifyCFG sinks the arms into their common block and folds the branch */
            pbo = LLVMCreatePassBuilderOptions();
            lerr = LLVMRunPasses(mod, "function(simplifycfg<sink-common-insts;speculate-blocks>)",
                                 tm, pbo);
            LLVMDisposePassBuilderOptions(pbo);
            if (lerr)
                LLVMConsumeError(lerr);
        }
    }
    *t_opt += now() - t0;
    if (o->emit_llvm) {
        char *msg = NULL;
        if (LLVMPrintModuleToFile(mod, o->emit_llvm, &msg) != 0) {
            snprintf(err, errlen, "%s: %s", o->emit_llvm, msg ? msg : "cannot write");
            LLVMDisposeMessage(msg);
            return -EIO;
        }
    }
    t0 = now();
    char *msg = NULL;
    if (LLVMTargetMachineEmitToFile(tm, mod, (char *)obj, LLVMObjectFile, &msg) != 0) {
        snprintf(err, errlen, "code generation failed: %s", msg ? msg : "?");
        LLVMDisposeMessage(msg);
        return -EIO;
    }
    *t_cg += now() - t0;
    return 0;
}

static void *shard_run(void *arg)
{
    Shard *sh = arg;
    const XlatOptions *o = sh->o;
    LLVMTargetMachineRef tm = make_target_machine(o, sh->cheap, sh->err, sizeof sh->err);
    if (!tm) {
        sh->rc = -EINVAL;
        return NULL;
    }
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef mod = new_module(ctx, tm, o->input);
    FILE *ir_out = o->emit_ir ? open_memstream(&sh->ir_text, &sh->ir_len) : NULL;
    XlatCode code = { sh->img, sh->prog->load_bias };
    double t0 = now();
    unsigned eflags = (o->precise_faults ? XLAT_EMIT_PRECISE_FAULTS : 0) |
                      (o->no_native_fp ? XLAT_EMIT_FP_HELPERS : 0) |
                      (sh->plain_fp ? XLAT_EMIT_PLAIN_FP : 0) |
                      (sh->no_instret ? XLAT_EMIT_NO_INSTRET : 0) |
                      (sh->cheap ? XLAT_EMIT_COUNT : 0) |
                      (o->no_host_libc ? 0 : XLAT_EMIT_HOST_LIBC) |
                      (xlat_cpu_has_fma(xlat_cpu(o)) ? XLAT_EMIT_HOST_FMA : 0);
    XlatEmitter *em = xlat_emitter_new(mod, sh->prog, &fvp_frontend_riscv64, &code, ir_out,
                                       eflags);
    if (!em) {
        snprintf(sh->err, sizeof sh->err, "out of memory");
        sh->rc = -ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < sh->prog->nfuncs; i++) {
        if (sh->owner[i] != sh->id)
            continue;
        char ferr[256];
        if (xlat_emit_func(em, i, ferr, sizeof ferr) != 0) {
            sh->failed++;
            if (sh->warn) {
                char msg[512];
                snprintf(msg, sizeof msg, "function 0x%" PRIx64 " left to the interpreter: %s",
                         sh->prog->funcs[i].entry, ferr);
                sh->warn(msg);
            }
        }
        size_t d = __atomic_add_fetch(sh->done, 1, __ATOMIC_RELAXED);
        progress(o, d, sh->prog->nfuncs);
    }
    size_t n;
    const XlatEntry *ents = xlat_emitter_entries(em, &n);
    sh->entries = malloc((n ? n : 1) * sizeof *ents);
    if (!sh->entries) {
        snprintf(sh->err, sizeof sh->err, "out of memory");
        sh->rc = -ENOMEM;
        goto out;
    }
    memcpy(sh->entries, ents, n * sizeof *ents);
    sh->nentries = n;
    sh->blocks = xlat_emitter_stats(em)->blocks;
    sh->fp_native = xlat_emitter_stats(em)->fp_native;
    sh->host_libc = xlat_emitter_stats(em)->host_libc;
    sh->self_calls = xlat_emitter_stats(em)->self_calls;
    sh->polls = xlat_emitter_stats(em)->polls_in_place;
    sh->bit_helpers = xlat_emitter_stats(em)->bit_helpers;
    sh->leaves = xlat_emitter_stats(em)->leaves;
    sh->leaf_calls = xlat_emitter_stats(em)->leaf_calls;
    if ((sh->rc = link_helpers(mod, sh->err, sizeof sh->err)) != 0)
        goto out;
    set_tune_cpu(mod, xlat_cpu(o));
    sh->t_emit = now() - t0;
    if ((sh->rc = make_temp_obj(sh->obj, sizeof sh->obj, sh->err, sizeof sh->err)) != 0)
        goto out;
    sh->rc = optimise_and_emit(o, mod, tm, sh->fp_native > 0, sh->plain_fp, sh->cheap, sh->obj,
                               &sh->t_opt, &sh->t_codegen, &sh->twins, &sh->forwards, sh->err,
                               sizeof sh->err);
out:
    if (ir_out)
        fclose(ir_out);
    xlat_emitter_free(em);
    LLVMDisposeModule(mod);
    LLVMContextDispose(ctx);
    LLVMDisposeTargetMachine(tm);
    return NULL;
}

static int entry_pc_cmp(const void *a, const void *b)
{
    const XlatEntry *x = a, *y = b;
    return x->pc < y->pc ? -1 : x->pc > y->pc;
}

/* Merges the shards' entries: one function per pc, preferring the function
 * whose own entry the pc is (each shard already did so for its own). */
static XlatEntry *merge_entries(const XlatProgram *prog, Shard *sh, unsigned n, size_t *out_n)
{
    size_t total = 0;
    for (unsigned i = 0; i < n; i++)
        total += sh[i].nentries;
    XlatEntry *all = malloc((total ? total : 1) * sizeof *all);
    if (!all)
        return NULL;
    size_t k = 0;
    for (unsigned i = 0; i < n; i++) {
        memcpy(all + k, sh[i].entries, sh[i].nentries * sizeof *all);
        k += sh[i].nentries;
    }
    qsort(all, total, sizeof *all, entry_pc_cmp);
    size_t out = 0;
    for (size_t i = 0; i < total;) {
        size_t j = i, best = i;
        while (j < total && all[j].pc == all[i].pc) {
            if (prog->funcs[all[j].func].entry == all[j].pc)
                best = j;
            j++;
        }
        all[out++] = all[best];
        i = j;
    }
    *out_n = out;
    return all;
}

/* The object with fvp_aot_module: the table, the ranges and the image. */
static int emit_table_object(const XlatOptions *o, const XlatProgram *prog, const ElfImage *img,
                             const XlatEntry *ents, size_t nents, const bool *cheap,
                             const uint8_t *image,
                             size_t image_len, unsigned aot_flags, const char *obj, char *err,
                             size_t errlen)
{
    LLVMTargetMachineRef tm = make_target_machine(o, false, err, errlen);
    if (!tm)
        return -EINVAL;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef mod = new_module(ctx, tm, "fvp_aot_module");
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
    LLVMTypeRef fnty = LLVMFunctionType(i32, (LLVMTypeRef[]){ LLVMPointerTypeInContext(ctx, 0) },
                                        1, 0);
    for (size_t i = 0; i < nents; i++) {
        char name[128];
        xlat_func_symbol(prog, ents[i].func, name, sizeof name);
        if (!LLVMGetNamedFunction(mod, name))
            LLVMSetVisibility(LLVMAddFunction(mod, name, fnty), LLVMHiddenVisibility);
        xlat_leaf_symbol(prog, ents[i].func, name, sizeof name);
        if (ents[i].leaf && !LLVMGetNamedFunction(mod, name))
            LLVMSetVisibility(LLVMAddFunction(mod, name, fnty), LLVMHiddenVisibility);
    }
    emit_aot_module(mod, prog, img, ents, nents, cheap, image, image_len, o, aot_flags);
    char *msg = NULL;
    int rc = 0;
    if (LLVMTargetMachineEmitToFile(tm, mod, (char *)obj, LLVMObjectFile, &msg) != 0) {
        snprintf(err, errlen, "code generation failed: %s", msg ? msg : "?");
        LLVMDisposeMessage(msg);
        rc = -EIO;
    }
    LLVMDisposeModule(mod);
    LLVMContextDispose(ctx);
    LLVMDisposeTargetMachine(tm);
    return rc;
}

/* Opens the cache and copies a hit to the output (rep->cache says which).
 * A cache that cannot be used is a warning, not an error; a malformed
 * FVP_CACHE_SIZE is an error. */
static int cache_lookup(const XlatOptions *o, XlatCache *c, const uint8_t *image,
                        size_t image_len, const char *libdir, XlatReport *rep, char *err,
                        size_t errlen)
{
    int rc = xlat_cache_open(c, err, errlen);
    if (rc <= 0)
        return rc;
    if (xlat_cache_key(c, o, image, image_len, libdir, rep->cache_warning,
                       sizeof rep->cache_warning) != 0)
        return 0;
    snprintf(rep->cache_entry, sizeof rep->cache_entry, "%s/%s", c->dir, c->key);
    rep->cache = xlat_cache_fetch(c, o->output) ? XLAT_CACHE_HIT : XLAT_CACHE_MISS;
    return 0;
}

/* Estimated LLVM time of function i: more than linear in its size (register allocation's
 * live-range splitting dominates big functions, docs D23). */
static double func_cost(const XlatProgram *prog, size_t i)
{
    uint64_t n = prog->funcs[i].ninsns + 8;
    return (double)n * (double)(64 - __builtin_clzll(n)); /* n log n */
}

typedef struct FuncCost {
    double cost;
    size_t func;
} FuncCost;

/* Most expensive first; ties by index, so the assignment never depends on qsort's order. */
static int cost_cmp(const void *a, const void *b)
{
    const FuncCost *x = a, *y = b;
    if (x->cost != y->cost)
        return x->cost > y->cost ? -1 : 1;
    return (x->func > y->func) - (x->func < y->func);
}

/* Functions above this many instructions get the cheap tier (docs D45), unless a profile
 * names them; 0: none. */
static unsigned tier_insns(const XlatOptions *o)
{
    if (o->emit_llvm || o->opt_level <= 0 || o->opt_level >= 3)
        return 0; /* one module; nothing to save at -O0; -O3 optimises everything */
    if (o->tier_insns == 0)
        return XLAT_TIER_INSNS;
    return o->tier_insns == UINT_MAX ? 0 : o->tier_insns;
}

/* Whether f's name is one of names (or a region of one: "<name>.r<k>", regions.c). */
static bool named(const XlatFunc *f, const char *const *names, size_t n)
{
    if (!f->name)
        return false;
    size_t len = strcspn(f->name, ".");
    if (f->name[len] && strncmp(f->name + len, ".r", 2) != 0)
        len = strlen(f->name); /* a suffix of the compiler's: "msort_with_tmp.part.0" */
    for (size_t i = 0; i < n; i++)
        if (strlen(names[i]) == len && strncmp(f->name, names[i], len) == 0)
            return true;
    return false;
}

/* C library functions that nearly every program that uses them runs often, whatever their
 * size: they keep the full tier.  glibc's allocator (_int_malloc is ~900 instructions, docs
 * D47), qsort's merge sort (~180; hot in three of the benchmarks, docs D51) and the printf
 * family's formatter (~1,700; sha256's 24,000 snprintf calls took 12% of its time in cheap
 * code, docs D59). */
static bool runs_often(const XlatFunc *f)
{
    static const char *const names[] = {
        "_int_malloc", "_int_free", "_int_realloc", "malloc_consolidate", "__libc_malloc",
        "__libc_free", "__libc_realloc", "__libc_calloc", "malloc", "__malloc", "free",
        "__free", "realloc", "__realloc", "calloc", "__calloc", "tcache_init",
        "msort_with_tmp", "msort_with_tmp.part.0",
        "__qsort_r", "qsort_r", "qsort",
        "__vfprintf_internal",
    };
    return named(f, names, sizeof names / sizeof *names);
}

/* Where the C library's code starts in a static program, or UINT64_MAX when the layout is
 * not the usual one.  The linker lays the program's own objects out after crt1.o (whose
 * _start is the entry) and the library's members after them; crt1's reference to
 * __libc_start_main is the first one the library resolves, so its member comes first. */
static uint64_t library_start(const XlatProgram *prog)
{
    static const char *const names[] = { "__libc_start_main", "__libc_start_main_impl" };
    for (size_t i = 0; i < prog->nfuncs; i++) {
        const XlatFunc *f = &prog->funcs[i];
        if (named(f, names, 2))
            return f->entry > prog->entry ? f->entry : UINT64_MAX;
    }
    return UINT64_MAX;
}

/* Whether f is the C library's (library_start: lib): at or above the library's start, and
 * not main.  Code below _start stays the program's: the linker puts .text.unlikely,
 * .text.startup (main) and .text.hot of every object there, the program's hot functions
 * too, and the library's share of it is small (abort and a few other cold ones). */
static bool in_library(uint64_t lib, const XlatFunc *f)
{
    static const char *const main_name[] = { "main" };
    return lib != UINT64_MAX && f->entry >= lib && !named(f, main_name, 1);
}

/* The cheap tier's size limit for C library functions (docs D51); 0: none. */
static unsigned lib_tier_insns(const XlatOptions *o, unsigned max)
{
    unsigned lib = o->lib_tier_insns == 0 ? XLAT_LIB_TIER_INSNS : o->lib_tier_insns;
    return max == 0 || lib == UINT_MAX || lib > max ? max : lib;
}

/* cheap[i]: function i gets the cheap tier; the count of such functions (*nlib: how many
 * functions are the C library's).  A function holding a pc of the profile (it ran, docs D45)
 * keeps the full tier. */
static size_t pick_tiers(const XlatOptions *o, const XlatProgram *prog, const uint64_t *profile,
                         size_t nprofile, bool *cheap, size_t *nlib)
{
    unsigned max = tier_insns(o), lib_max = lib_tier_insns(o, max);
    uint64_t lib = library_start(prog);
    size_t n = 0;
    *nlib = 0;
    for (size_t i = 0; i < prog->nfuncs; i++) {
        const XlatFunc *f = &prog->funcs[i];
        bool in_lib = in_library(lib, f);
        unsigned limit = in_lib ? lib_max : max;
        *nlib += in_lib;
        cheap[i] = limit != 0 && f->ninsns > limit && !runs_often(f);
        for (size_t k = 0; k < nprofile && cheap[i]; k++)
            cheap[i] = xlat_find_block(f, profile[k]) == NULL;
        n += cheap[i];
    }
    return n;
}

/* The shards of one translation: nfull of the full tier, then ncheap of the cheap one;
 * thread t translates shard t and shard nfull + t. */
typedef struct ShardPlan {
    unsigned nfull, ncheap, threads;
} ShardPlan;

/* Shards for `insns` instructions of one tier on `cores` threads: small amounts are not
 * worth a second LLVM context. */
static unsigned shards_for(uint64_t insns, unsigned cores)
{
    return insns == 0 ? 0 : insns < 4096 ? 1 : cores;
}

static ShardPlan plan_shards(const XlatOptions *o, const XlatProgram *prog, const bool *cheap)
{
    long cores = o->jobs ? (long)o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1 || o->emit_llvm)
        cores = 1; /* --emit-llvm: one module, one readable file */
    if (cores > 64)
        cores = 64;
    uint64_t full = 0, cheap_insns = 0;
    for (size_t i = 0; i < prog->nfuncs; i++)
        *(cheap[i] ? &cheap_insns : &full) += prog->funcs[i].ninsns;
    ShardPlan p = { shards_for(full, (unsigned)cores), shards_for(cheap_insns, (unsigned)cores),
                    0 };
    if (p.nfull == 0 && p.ncheap == 0)
        p.nfull = 1; /* an empty program still makes a module */
    p.threads = p.nfull > p.ncheap ? p.nfull : p.ncheap;
    return p;
}

/* owner[i] = the shard of function i: per tier, the most expensive first, each to the shard
 * of its tier with the least estimated work so far (longest processing time first), so that
 * the shards finish together (round robin by index left one shard up to a fifth longer).
 * The cheap tier's code generation is about linear in size.  0 or -ENOMEM. */
static int assign_shards(const XlatProgram *prog, const bool *cheap, ShardPlan plan,
                         unsigned *owner)
{
    unsigned nsh = plan.nfull + plan.ncheap;
    FuncCost *order = malloc((prog->nfuncs ? prog->nfuncs : 1) * sizeof *order);
    double *load = calloc(nsh, sizeof *load);
    if (!order || !load) {
        free(order);
        free(load);
        return -ENOMEM;
    }
    for (size_t i = 0; i < prog->nfuncs; i++)
        order[i] = (FuncCost){ cheap[i] ? (double)prog->funcs[i].ninsns : func_cost(prog, i), i };
    qsort(order, prog->nfuncs, sizeof *order, cost_cmp);
    for (size_t k = 0; k < prog->nfuncs; k++) {
        bool c = cheap[order[k].func];
        unsigned lo = c ? plan.nfull : 0, hi = c ? nsh : plan.nfull, best = lo;
        for (unsigned s = lo + 1; s < hi; s++)
            if (load[s] < load[best])
                best = s;
        owner[order[k].func] = best;
        load[best] += order[k].cost;
    }
    free(order);
    free(load);
    return 0;
}

/* One code-generation thread: shard t of each tier (ShardPlan). */
typedef struct ShardThread {
    Shard *sh;
    ShardPlan plan;
    unsigned t;
} ShardThread;

/* The shards thread t translates: its full one, then its cheap one (NULL: none). */
static void thread_shards(const ShardThread *st, Shard *out[2])
{
    out[0] = st->t < st->plan.nfull ? &st->sh[st->t] : NULL;
    out[1] = st->t < st->plan.ncheap ? &st->sh[st->plan.nfull + st->t] : NULL;
}

static void *shard_thread(void *arg)
{
    Shard *mine[2];
    thread_shards(arg, mine);
    for (int k = 0; k < 2; k++)
        if (mine[k])
            shard_run(mine[k]);
    return NULL;
}

int xlat_run(const XlatOptions *o, XlatReport *rep, char *err, size_t errlen,
             void (*warn)(const char *msg))
{
    memset(rep, 0, sizeof *rep);
    uint8_t *image = NULL;
    size_t image_len = 0;
    ElfImage *img = NULL;
    uint64_t *extra = NULL;
    size_t nextra = 0;
    XlatProgram prog;
    memset(&prog, 0, sizeof prog);
    Shard *sh = NULL;
    unsigned *owner = NULL;
    bool *cheap = NULL;
    unsigned nsh = 0;
    XlatEntry *ents = NULL;
    char table_obj[80] = "";
    char libdir[PATH_MAX];
    int rc;

    if ((rc = xlat_check_cpu(o, err, errlen)) != 0)
        goto out;
    if ((rc = read_file(o->input, &image, &image_len, err, errlen)) != 0)
        goto out;
    if ((rc = elfimage_open_mem(image, image_len, o->input, &img, err, errlen)) != 0)
        goto out;
    if ((rc = check_input(img, o->input, err, errlen)) != 0)
        goto out;
    if ((rc = find_libdir(o, libdir, sizeof libdir, err, errlen)) != 0)
        goto out;
    if (o->profile && (rc = xlat_read_profile(o->profile, &extra, &nextra, err, errlen)) != 0)
        goto out;
    /* --emit-llvm/--emit-ir want the side files of a real translation */
    XlatCache cache;
    if (!o->no_cache && !o->emit_llvm && !o->emit_ir) {
        if ((rc = cache_lookup(o, &cache, image, image_len, libdir, rep, err, errlen)) != 0)
            goto out;
        if (rep->cache == XLAT_CACHE_HIT)
            goto out;
    }

    set_llvm_options(o);
    double t0 = now();
    XlatDiscoverOpts dopts = { .extra_roots = extra, .nextra_roots = nextra,
                               .use_symbols = 1, .use_eh_frame = 1,
                               .reachable_only = !o->all_functions,
                               .max_func_insns = o->region_insns };
    if ((rc = xlat_discover(img, &fvp_frontend_riscv64, &dopts, &prog, err, errlen)) != 0)
        goto out;
    rep->t_discover = now() - t0;
    rep->funcs = prog.nfuncs;
    rep->candidates = prog.ncandidates;
    rep->addr_taken = prog.nroots_addr;
    rep->jump_tables = prog.njump_tables;
    for (size_t i = 0; i < prog.nfuncs; i++)
        for (size_t j = 0; j < prog.funcs[i].njts; j++)
            rep->jt_indexed += prog.funcs[i].jts[j].ix.load_pc != 0;
    rep->guest_insns = prog.ninsns;

    /* plain FP, and no instruction count, when nothing in the program can tell
     * (fp_observe.h, docs D31, D40) */
    bool want_fp = !o->no_native_fp && !o->strict_fp, want_instret = !o->exact_instret;
    XlatObserved seen = { .fp = true, .instret = true };
    if (want_fp || want_instret) {
        XlatCode code = { img, prog.load_bias };
        if ((rc = xlat_env_observed(&prog, &fvp_frontend_riscv64, &code, want_fp, want_instret,
                                    &seen)) != 0) {
            snprintf(err, errlen, "out of memory");
            goto out;
        }
    }
    bool plain_fp = want_fp && !seen.fp;
    bool no_instret = want_instret && !seen.instret;
    rep->fp_plain = plain_fp;
    rep->fp_observed_pc = seen.fp_pc;
    rep->instret_counted = !no_instret;
    rep->instret_read_pc = seen.instret_pc;

    cheap = calloc(prog.nfuncs ? prog.nfuncs : 1, sizeof *cheap);
    if (!cheap) {
        snprintf(err, errlen, "out of memory");
        rc = -ENOMEM;
        goto out;
    }
    rep->cheap_funcs = pick_tiers(o, &prog, extra, nextra, cheap, &rep->lib_funcs);
    for (size_t i = 0; i < prog.nfuncs; i++)
        *(cheap[i] ? &rep->cheap_insns : &rep->full_insns) += prog.funcs[i].ninsns;
    ShardPlan plan = plan_shards(o, &prog, cheap);
    nsh = plan.nfull + plan.ncheap;
    sh = calloc(nsh, sizeof *sh);
    pthread_t *th = calloc(plan.threads, sizeof *th);
    ShardThread *thr = calloc(plan.threads, sizeof *thr);
    owner = malloc((prog.nfuncs ? prog.nfuncs : 1) * sizeof *owner);
    if (!sh || !th || !thr || !owner || assign_shards(&prog, cheap, plan, owner) != 0) {
        free(th);
        free(thr);
        snprintf(err, errlen, "out of memory");
        rc = -ENOMEM;
        goto out;
    }
    size_t done = 0;
    for (unsigned i = 0; i < nsh; i++) {
        sh[i] = (Shard){ .o = o, .prog = &prog, .img = img, .id = i, .owner = owner,
                         .plain_fp = plain_fp, .no_instret = no_instret,
                         .cheap = i >= plan.nfull, .done = &done, .warn = warn };
    }
    for (unsigned t = 0; t < plan.threads; t++)
        thr[t] = (ShardThread){ sh, plan, t };
    /* thread 0's shards run on this thread */
    unsigned started = 1;
    for (unsigned t = 1; t < plan.threads; t++, started++)
        if (pthread_create(&th[t], NULL, shard_thread, &thr[t]) != 0)
            break;
    shard_thread(&thr[0]);
    for (unsigned t = 1; t < started; t++)
        pthread_join(th[t], NULL);
    for (unsigned t = started; t < plan.threads; t++)
        shard_thread(&thr[t]); /* threads could not be created: do it here */
    /* the times of the busiest thread */
    for (unsigned t = 0; t < plan.threads; t++) {
        Shard *mine[2];
        thread_shards(&thr[t], mine);
        double te = 0, to = 0, tc = 0;
        for (int k = 0; k < 2; k++)
            if (mine[k]) {
                te += mine[k]->t_emit;
                to += mine[k]->t_opt;
                tc += mine[k]->t_codegen;
            }
        if (te + to + tc > rep->t_emit + rep->t_opt + rep->t_codegen) {
            rep->t_emit = te;
            rep->t_opt = to;
            rep->t_codegen = tc;
        }
    }
    free(th);
    free(thr);
    for (unsigned i = 0; i < nsh; i++) {
        rep->funcs_failed += sh[i].failed;
        rep->blocks += sh[i].blocks;
        rep->fp_native += sh[i].fp_native;
        rep->host_libc += sh[i].host_libc;
        rep->self_calls += sh[i].self_calls;
        rep->polls_in_place += sh[i].polls;
        rep->bit_helpers += sh[i].bit_helpers;
        rep->leaves += sh[i].leaves;
        rep->leaf_calls += sh[i].leaf_calls;
        rep->twin_arms += sh[i].twins;
        rep->store_forwards += sh[i].forwards;
        if (sh[i].rc != 0 && rc == 0) {
            rc = sh[i].rc;
            snprintf(err, errlen, "%s", sh[i].err);
        }
    }
    if (rc != 0)
        goto out;
    if (o->emit_ir) {
        FILE *f = fopen(o->emit_ir, "w");
        for (unsigned i = 0; f && i < nsh; i++)
            if (sh[i].ir_len && fwrite(sh[i].ir_text, 1, sh[i].ir_len, f) != sh[i].ir_len)
                break;
        if (!f || fclose(f) != 0) {
            snprintf(err, errlen, "%s: cannot write", o->emit_ir);
            rc = -EIO;
            goto out;
        }
    }

    size_t nents = 0;
    if (!(ents = merge_entries(&prog, sh, nsh, &nents))) {
        snprintf(err, errlen, "out of memory");
        rc = -ENOMEM;
        goto out;
    }
    rep->entries = nents;
    if ((rc = make_temp_obj(table_obj, sizeof table_obj, err, errlen)) != 0)
        goto out;
    if ((rc = emit_table_object(o, &prog, img, ents, nents, cheap, image, image_len,
                                (plain_fp ? FVP_AOT_PLAIN_FP : 0) |
                                    (no_instret ? FVP_AOT_NO_INSTRET : 0),
                                table_obj, err, errlen)) != 0)
        goto out;

    t0 = now();
    const char **objs = calloc(nsh + 1, sizeof *objs);
    if (!objs) {
        snprintf(err, errlen, "out of memory");
        rc = -ENOMEM;
        goto out;
    }
    objs[0] = table_obj;
    for (unsigned i = 0; i < nsh; i++)
        objs[1 + i] = sh[i].obj;
    rc = run_linker(o, objs, nsh + 1, libdir, err, errlen);
    free(objs);
    rep->t_link = now() - t0;
    if (rc == 0 && rep->cache == XLAT_CACHE_MISS)
        xlat_cache_store(&cache, o->output, rep->cache_warning, sizeof rep->cache_warning);

out:
    if (table_obj[0])
        unlink(table_obj);
    for (unsigned i = 0; sh && i < nsh; i++) {
        if (sh[i].obj[0])
            unlink(sh[i].obj);
        free(sh[i].entries);
        free(sh[i].ir_text);
    }
    free(sh);
    free(owner);
    free(cheap);
    free(ents);
    xlat_program_free(&prog);
    elfimage_free(img);
    free(extra);
    free(image);
    if (getenv("FVP_LLVM_ARGS"))
        LLVMShutdown(); /* prints what -time-passes and the like collected */
    return rc ? 1 : 0;
}

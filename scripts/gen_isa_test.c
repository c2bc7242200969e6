/* gen_isa_test — turns an ISA case file (testsuite/isa/NAME.cases) into one RV64
 * assembly program that runs every case and prints TAP.
 *
 *   gen_isa_test FILE.cases OUT.S
 *
 * Case grammar (one case per line; '#' starts a comment line; blank lines ignored):
 *
 *   NAME  code="INSN[; INSN...]"  INPUT...  =>  EXPECT...
 *
 *   NAME     any token without blanks (need not be unique; the TAP name is NAME)
 *   code     assembly statements separated by ';' (local labels 1:, 1f work)
 *   INPUT    REG=VAL      integer register x0..x31 or ABI name (not tp: the harness owns it)
 *                         VAL: decimal, -decimal, 0xHEX, or mem / mem+N / mem-N (address
 *                         of the scratch buffer plus N; also usable as an expectation)
 *            FREG=FVAL    f0..f31 or ABI name; FVAL: s:<float or 0xBITS> (NaN-boxed single),
 *                         d:<double or 0xBITS>, raw:0xBITS (64 bits, e.g. badly boxed singles)
 *                         float spellings: 1.5 -0.0 inf -inf nan (canonical) 0x1.8p1
 *            fflags=V frm=V fcsr=V   CSR inputs (fcsr starts 0 otherwise)
 *            mem+N=V      64-bit word at scratch+N (N multiple of 8, < 128); mem = mem+0
 *   EXPECT   same spellings (REG, FREG, fflags, frm, fcsr, mem+N); every one is compared
 *            as 64 bits (fflags/frm/fcsr: their fields of fcsr).
 *
 * Registers not given are zero (sp: the harness stack, scratch is 128 zero bytes) when
 * the code starts.  The harness keeps its state at tp, so cases must not use tp/x4.
 * A mismatch prints "FAIL FILE:LINE NAME: REG = 0x... expected 0x..." then the case's
 * "not ok N - NAME"; passing cases print "ok N - NAME"; the program ends with "1..N"
 * and exits 0 iff all cases passed.  Traps are not caught: keep them out of cases.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SAVE_X = 0, SAVE_F = 256, SAVE_FCSR = 512, SAVE_HSP = 520, SCRATCH = 1024,
       SCRATCH_LEN = 128, AREA_LEN = 2048 };

typedef enum { K_X, K_F, K_FFLAGS, K_FRM, K_FCSR, K_MEM } Kind;

typedef struct {
    Kind kind;
    int reg;          /* register number, or memory offset for K_MEM */
    uint64_t val;
    int is_mem_addr;  /* integer input = scratch + val */
    char text[64];    /* register spelling for messages */
} Operand;

static const char *const abi_x[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2",
    "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
    "s10", "s11", "t3", "t4", "t5", "t6"};
static const char *const abi_f[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0",
    "fa1", "fa2", "fa3", "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5",
    "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

static const char *g_file;
static int g_line;

static void die(const char *msg, const char *what)
{
    fprintf(stderr, "%s:%d: %s: %s\n", g_file, g_line, msg, what ? what : "");
    exit(1);
}

static int parse_reg(const char *s, int *out_is_f)
{
    for (int i = 0; i < 32; i++) {
        if (!strcmp(s, abi_x[i])) { *out_is_f = 0; return i; }
        if (!strcmp(s, abi_f[i])) { *out_is_f = 1; return i; }
    }
    if (!strcmp(s, "fp")) { *out_is_f = 0; return 8; }
    if ((s[0] == 'x' || s[0] == 'f') && isdigit((unsigned char)s[1])) {
        char *end;
        long n = strtol(s + 1, &end, 10);
        if (*end == 0 && n >= 0 && n < 32) { *out_is_f = s[0] == 'f'; return (int)n; }
    }
    return -1;
}

static uint64_t parse_int(const char *s)
{
    char *end;
    uint64_t v;
    errno = 0;
    if (s[0] == '-') v = (uint64_t)strtoll(s, &end, 0);
    else v = strtoull(s, &end, 0);
    if (*s == 0 || *end != 0 || errno) die("bad integer", s);
    return v;
}

static int is_hex_bits(const char *s)
{
    if (!(s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))) return 0;
    for (const char *p = s + 2; *p; p++)
        if (!isxdigit((unsigned char)*p)) return 0;
    return 1;
}

static uint64_t parse_fval(const char *s)
{
    char *end;
    if (!strncmp(s, "raw:", 4)) return parse_int(s + 4);
    if (!strncmp(s, "s:", 2)) {
        const char *t = s + 2;
        uint32_t bits;
        if (is_hex_bits(t)) {
            uint64_t v = parse_int(t);
            if (v > 0xffffffffu) die("single bits too wide", s);
            bits = (uint32_t)v;
        } else if (!strcmp(t, "nan")) {
            bits = 0x7fc00000u;
        } else {
            float f = strtof(t, &end);
            if (*t == 0 || *end) die("bad float", s);
            memcpy(&bits, &f, 4);
        }
        return 0xffffffff00000000ull | bits;
    }
    if (!strncmp(s, "d:", 2)) {
        const char *t = s + 2;
        uint64_t bits;
        if (is_hex_bits(t)) return parse_int(t);
        if (!strcmp(t, "nan")) return 0x7ff8000000000000ull;
        double d = strtod(t, &end);
        if (*t == 0 || *end) die("bad double", s);
        memcpy(&bits, &d, 8);
        return bits;
    }
    die("f register value needs s:, d: or raw:", s);
    return 0;
}

static void parse_operand(char *tok, Operand *op)
{
    char *eq = strchr(tok, '=');
    if (!eq) die("expected NAME=VALUE", tok);
    *eq = 0;
    const char *name = tok, *val = eq + 1;
    memset(op, 0, sizeof *op);
    snprintf(op->text, sizeof op->text, "%s", name);
    if (!strcmp(name, "fflags")) { op->kind = K_FFLAGS; op->val = parse_int(val); return; }
    if (!strcmp(name, "frm")) { op->kind = K_FRM; op->val = parse_int(val); return; }
    if (!strcmp(name, "fcsr")) { op->kind = K_FCSR; op->val = parse_int(val); return; }
    if (!strncmp(name, "mem", 3)) {
        int off = 0;
        if (name[3] == '+') off = (int)parse_int(name + 4);
        else if (name[3]) die("bad memory operand", name);
        if (off < 0 || off % 8 || off >= SCRATCH_LEN) die("memory offset", name);
        op->kind = K_MEM; op->reg = off; op->val = parse_int(val);
        return;
    }
    int is_f;
    int r = parse_reg(name, &is_f);
    if (r < 0) die("unknown register", name);
    if (!is_f && r == 4) die("tp belongs to the harness", name);
    op->reg = r;
    if (is_f) { op->kind = K_F; op->val = parse_fval(val); return; }
    op->kind = K_X;
    if (!strncmp(val, "mem", 3)) {
        op->is_mem_addr = 1;
        if (val[3] == '+' || val[3] == '-') op->val = parse_int(val + 3);
        else if (val[3]) die("bad mem address", val);
        if ((int64_t)op->val < -1024 || (int64_t)op->val > 1023) die("mem offset range", val);
        return;
    }
    op->val = parse_int(val);
}

/* Emits a string literal with escapes. */
static void emit_str(FILE *o, const char *label, const char *s)
{
    fprintf(o, "%s: .ascii \"", label);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fprintf(o, "\\%c", *s);
        else if (*s == '\n') fputs("\\n", o);
        else fputc(*s, o);
    }
    fputs("\"\n", o);
}

static const char k_prologue[] =
    "\t.option norelax\n"
    "\t.text\n"
    "\t.globl _start\n"
    "_start:\n"
    "\tla tp, harness_area\n"
    "\tsd sp, " "%d(tp)\n"
    "\tj case_0\n"
    "\n"
    "# write_str(a0 = ptr, a1 = len)\n"
    "write_str:\n"
    "\tmv a2, a1\n\tmv a1, a0\n\tli a0, 1\n\tli a7, 64\n\tecall\n\tret\n"
    "# fvp_fail(a0 = msg, a1 = len, a2 = actual, a3 = expected)\n"
    "fvp_fail:\n"
    "\taddi sp, sp, -48\n\tsd ra, 0(sp)\n\tsd a2, 8(sp)\n\tsd a3, 16(sp)\n"
    "\tla t0, case_failed\n\tli t1, 1\n\tsd t1, 0(t0)\n"
    "\tcall write_str\n"
    "\tla a0, s_eq\n\tli a1, 5\n\tcall write_str\n"
    "\tld a0, 8(sp)\n\tcall write_hex\n"
    "\tla a0, s_exp\n\tli a1, 12\n\tcall write_str\n"
    "\tld a0, 16(sp)\n\tcall write_hex\n"
    "\tla a0, s_nl\n\tli a1, 1\n\tcall write_str\n"
    "\tld ra, 0(sp)\n\taddi sp, sp, 48\n\tret\n"
    "# write_hex(a0): 16 hex digits\n"
    "write_hex:\n"
    "\taddi sp, sp, -32\n\tsd ra, 24(sp)\n"
    "\tli t0, 15\n"
    "1:\tandi t1, a0, 15\n\tli t2, 10\n\tblt t1, t2, 2f\n\taddi t1, t1, 87\n\tj 3f\n"
    "2:\taddi t1, t1, 48\n"
    "3:\tadd t2, sp, t0\n\tsb t1, 0(t2)\n\tsrli a0, a0, 4\n\taddi t0, t0, -1\n\tbgez t0, 1b\n"
    "\tmv a0, sp\n\tli a1, 16\n\tcall write_str\n"
    "\tld ra, 24(sp)\n\taddi sp, sp, 32\n\tret\n"
    "# case_end(a0 = ok line, a1 = len, a2 = not-ok line, a3 = len)\n"
    "case_end:\n"
    "\taddi sp, sp, -16\n\tsd ra, 0(sp)\n"
    "\tla t0, case_failed\n\tld t1, 0(t0)\n\tbeqz t1, 1f\n"
    "\tsd zero, 0(t0)\n\tla t0, fail_count\n\tld t1, 0(t0)\n\taddi t1, t1, 1\n\tsd t1, 0(t0)\n"
    "\tmv a0, a2\n\tmv a1, a3\n"
    "1:\tcall write_str\n"
    "\tld ra, 0(sp)\n\taddi sp, sp, 16\n\tret\n\n";


static int split_tokens(char *s, char **tok, int max)
{
    int n = 0;
    while (*s) {
        while (isspace((unsigned char)*s)) s++;
        if (!*s) break;
        if (n == max) die("too many tokens", NULL);
        tok[n++] = s;
        int inq = 0;
        while (*s && (inq || !isspace((unsigned char)*s))) {
            if (*s == '"') inq = !inq;
            s++;
        }
        if (*s) *s++ = 0;
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_isa_test FILE.cases OUT.S\n");
        return 2;
    }
    g_file = argv[1];
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 1; }
    FILE *o = fopen(argv[2], "w");
    if (!o) { perror(argv[2]); return 1; }
    const char *base = strrchr(argv[1], '/');
    base = base ? base + 1 : argv[1];

    fprintf(o, "# generated by scripts/gen_isa_test.c from %s; do not edit\n", argv[1]);
    fprintf(o, k_prologue, SAVE_HSP);

    FILE *strs = tmpfile();
    if (!strs) { perror("tmpfile"); return 1; }
    char line[4096];
    int ncase = 0;
    while (fgets(line, sizeof line, in)) {
        g_line++;
        char *p = line;
        while (isspace((unsigned char)*p)) p++;
        if (!*p || *p == '#') continue;
        p[strcspn(p, "\n")] = 0;
        char *tok[64];
        int nt = split_tokens(p, tok, 64);
        if (nt < 2) die("need NAME code=...", NULL);
        const char *name = tok[0];
        if (strncmp(tok[1], "code=\"", 6)) die("second token must be code=\"...\"", tok[1]);
        char *code = tok[1] + 6;
        size_t cl = strlen(code);
        if (cl == 0 || code[cl - 1] != '"') die("unterminated code string", tok[1]);
        code[cl - 1] = 0;
        Operand ins[64], outs[64];
        int nin = 0, nout = 0, after = 0;
        for (int i = 2; i < nt; i++) {
            if (!strcmp(tok[i], "=>")) { after = 1; continue; }
            if (after) parse_operand(tok[i], &outs[nout++]);
            else parse_operand(tok[i], &ins[nin++]);
        }
        if (!after) die("missing =>", NULL);
        int n = ++ncase;

        fprintf(o, "# %s:%d %s\ncase_%d:\n", base, g_line, name, n - 1);
        fprintf(o, "\tla tp, harness_area\n\tld sp, %d(tp)\n", SAVE_HSP);
        for (int i = 0; i < SCRATCH_LEN; i += 8) fprintf(o, "\tsd zero, %d(tp)\n", SCRATCH + i);
        fprintf(o, "\tcsrw fcsr, zero\n");
        for (int i = 0; i < nin; i++) {
            Operand *op = &ins[i];
            switch (op->kind) {
            case K_F:
                fprintf(o, "\tli t0, 0x%" PRIx64 "\n\tfmv.d.x f%d, t0\n", op->val, op->reg);
                break;
            case K_FFLAGS: fprintf(o, "\tli t0, %" PRIu64 "\n\tcsrw fflags, t0\n", op->val); break;
            case K_FRM: fprintf(o, "\tli t0, %" PRIu64 "\n\tcsrw frm, t0\n", op->val); break;
            case K_FCSR: fprintf(o, "\tli t0, %" PRIu64 "\n\tcsrw fcsr, t0\n", op->val); break;
            case K_MEM:
                fprintf(o, "\tli t0, 0x%" PRIx64 "\n\tsd t0, %d(tp)\n", op->val, SCRATCH + op->reg);
                break;
            case K_X: break;
            }
        }
        for (int r = 1; r < 32; r++)
            if (r != 2 && r != 4) fprintf(o, "\tli x%d, 0\n", r);
        for (int i = 0; i < nin; i++) {
            Operand *op = &ins[i];
            if (op->kind != K_X || op->reg == 0) continue;
            if (op->is_mem_addr)
                fprintf(o, "\taddi x%d, tp, %d\n", op->reg, SCRATCH + (int)op->val);
            else
                fprintf(o, "\tli x%d, 0x%" PRIx64 "\n", op->reg, op->val);
        }
        /* the code under test, one statement per line */
        fprintf(o, "# code\n");
        for (char *s = code; s && *s;) {
            char *semi = strchr(s, ';');
            if (semi) *semi = 0;
            while (isspace((unsigned char)*s)) s++;
            if (*s) fprintf(o, "\t%s\n", s);
            s = semi ? semi + 1 : NULL;
        }
        fprintf(o, "# save\n");
        for (int r = 0; r < 32; r++)
            if (r != 4) fprintf(o, "\tsd x%d, %d(tp)\n", r, SAVE_X + 8 * r);
        for (int r = 0; r < 32; r++) fprintf(o, "\tfsd f%d, %d(tp)\n", r, SAVE_F + 8 * r);
        fprintf(o, "\tfrcsr t0\n\tsd t0, %d(tp)\n\tld sp, %d(tp)\n", SAVE_FCSR, SAVE_HSP);
        for (int i = 0; i < nout; i++) {
            Operand *op = &outs[i];
            char lab[64];
            snprintf(lab, sizeof lab, "s_f%d_%d", n, i);
            char msg[512];
            int ml = snprintf(msg, sizeof msg, "FAIL %s:%d %s: %s", base, g_line, name, op->text);
            emit_str(strs, lab, msg);
            switch (op->kind) {
            case K_X: fprintf(o, "\tld a2, %d(tp)\n", SAVE_X + 8 * op->reg); break;
            case K_F: fprintf(o, "\tld a2, %d(tp)\n", SAVE_F + 8 * op->reg); break;
            case K_MEM: fprintf(o, "\tld a2, %d(tp)\n", SCRATCH + op->reg); break;
            case K_FFLAGS: fprintf(o, "\tld a2, %d(tp)\n\tandi a2, a2, 31\n", SAVE_FCSR); break;
            case K_FRM:
                fprintf(o, "\tld a2, %d(tp)\n\tsrli a2, a2, 5\n\tandi a2, a2, 7\n", SAVE_FCSR);
                break;
            case K_FCSR: fprintf(o, "\tld a2, %d(tp)\n\tandi a2, a2, 255\n", SAVE_FCSR); break;
            }
            if (op->is_mem_addr)
                fprintf(o, "\taddi a3, tp, %d\n", SCRATCH + (int)op->val);
            else
                fprintf(o, "\tli a3, 0x%" PRIx64 "\n", op->val);
            fprintf(o, "\tbeq a2, a3, 1f\n");
            fprintf(o, "\tla a0, %s\n\tli a1, %d\n\tcall fvp_fail\n1:\n", lab, ml);
        }
        char okl[512], nok[512];
        int okn = snprintf(okl, sizeof okl, "ok %d - %s\n", n, name);
        int nokn = snprintf(nok, sizeof nok, "not ok %d - %s\n", n, name);
        char lab[64];
        snprintf(lab, sizeof lab, "s_ok%d", n);
        emit_str(strs, lab, okl);
        snprintf(lab, sizeof lab, "s_nok%d", n);
        emit_str(strs, lab, nok);
        fprintf(o, "\tla a0, s_ok%d\n\tli a1, %d\n\tla a2, s_nok%d\n\tli a3, %d\n\tcall case_end\n",
                n, okn, n, nokn);
    }
    fclose(in);
    fprintf(o, "case_%d:\n", ncase);
    char plan[64];
    int pl = snprintf(plan, sizeof plan, "1..%d\n", ncase);
    emit_str(strs, "s_plan", plan);
    fprintf(o, "\tla tp, harness_area\n\tld sp, %d(tp)\n", SAVE_HSP);
    fprintf(o, "\tla a0, s_plan\n\tli a1, %d\n\tcall write_str\n", pl);
    fprintf(o, "\tla t0, fail_count\n\tld a0, 0(t0)\n\tsnez a0, a0\n\tli a7, 94\n\tecall\n\n");

    fprintf(o, "\t.section .rodata\n");
    emit_str(o, "s_eq", " = 0x");
    emit_str(o, "s_exp", " expected 0x");
    emit_str(o, "s_nl", "\n");
    rewind(strs);
    size_t k;
    char buf[4096];
    while ((k = fread(buf, 1, sizeof buf, strs)) > 0) fwrite(buf, 1, k, o);
    fclose(strs);
    fprintf(o, "\t.data\n\t.balign 64\nharness_area: .zero %d\n", AREA_LEN);
    fprintf(o, "case_failed: .dword 0\nfail_count: .dword 0\n");
    fprintf(o, "\t.section .note.GNU-stack,\"\",@progbits\n");
    if (fclose(o)) { perror(argv[2]); return 1; }
    return 0;
}

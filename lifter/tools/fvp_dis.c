/*
 * fvp-dis — disassemble the executable sections of RISC-V ELF files (and ar
 * archives of them) in the style of `objdump -d -M no-aliases`, optionally
 * with the FVP IR each instruction lowers to.
 *
 *   fvp-dis [--ir] [-f|--function NAME] FILE...
 *
 * Exit status: 0 on success, 1 when a file cannot be read (one line on
 * stderr per file), 2 on bad command-line arguments.
 */
#include <elf.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf/elfimage.h"
#include "frontend.h"
#include "ir/ir.h"

typedef struct DisOptions {
    bool ir;                 /* print the IR of every instruction */
    const char *function;    /* only this symbol's code, or NULL */
} DisOptions;

typedef struct SectionCode {
    const uint8_t *data;
    uint64_t addr, size;
} SectionCode;

/* FvpCodeReader over one section's bytes. */
static size_t dis_read_section(void *ctx, uint64_t pc, uint8_t *buf, size_t n)
{
    const SectionCode *sc = ctx;
    if (pc < sc->addr || pc - sc->addr >= sc->size)
        return 0;
    uint64_t off = pc - sc->addr;
    size_t avail = (size_t)(sc->size - off);
    if (n > avail)
        n = avail;
    memcpy(buf, sc->data + off, n);
    return n;
}

static void dis_print_raw(const uint8_t *p, unsigned len, char *out, size_t n)
{
    /* objdump prints the instruction as one little-endian hex word. */
    if (len == 2)
        snprintf(out, n, "%02x%02x                ", p[1], p[0]);
    else if (len == 4)
        snprintf(out, n, "%02x%02x%02x%02x          ", p[3], p[2], p[1], p[0]);
    else {
        size_t o = 0;
        for (unsigned i = len; i-- > 0 && o + 3 < n;)
            o += (size_t)snprintf(out + o, n - o, "%02x", p[i]);
    }
}

/* Symbol label at addr, ignoring mapping symbols ($x, $d). */
static const char *dis_label_at(const ElfImage *img, uint16_t shndx, uint64_t addr)
{
    const ElfSymbol *s = elfimage_symbol_at(img, shndx, addr);
    if (!s || !s->name || !s->name[0] || s->name[0] == '$')
        return NULL;
    return s->name;
}

/* Is the range [addr, end) of section shndx the code of the function the
 * user asked for?  Finds the symbol's extent once per section. */
static bool dis_function_range(const ElfImage *img, uint16_t shndx, const char *name,
                               uint64_t *out_lo, uint64_t *out_hi)
{
    size_t n = elfimage_symbol_count(img);
    for (size_t i = 0; i < n; i++) {
        const ElfSymbol *s = elfimage_symbol(img, i);
        if (s->shndx == shndx && s->name && strcmp(s->name, name) == 0) {
            *out_lo = s->value;
            *out_hi = s->value + (s->size ? s->size : 1);
            return true;
        }
    }
    return false;
}

static void dis_print_label(const ElfImage *img, uint16_t shndx, uint64_t pc)
{
    const char *label = dis_label_at(img, shndx, pc);
    if (label)
        printf("\n%016llx <%s>:\n", (unsigned long long)pc, label);
}

static int dis_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The sorted addresses in [lo, hi) of section shndx that carry a label:
 * objdump disassembles from label to label.  Returns the count (0 and NULL
 * when there are none or memory ran out: then the section is one region). */
static size_t dis_collect_labels(const ElfImage *img, uint16_t shndx, uint64_t lo, uint64_t hi,
                                 uint64_t **out)
{
    size_t n = elfimage_symbol_count(img), k = 0;
    uint64_t *v = n ? malloc(n * sizeof *v) : NULL;
    *out = NULL;
    if (!v)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const ElfSymbol *s = elfimage_symbol(img, i);
        if (s->shndx == shndx && s->value >= lo && s->value < hi &&
            dis_label_at(img, shndx, s->value))
            v[k++] = s->value;
    }
    qsort(v, k, sizeof *v, dis_cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || v[u - 1] != v[i])
            v[u++] = v[i];
    *out = v;
    return u;
}

/* objdump (binutils 2.40 disassemble_bytes) does not disassemble runs of zero
 * bytes: at an instruction start, a run of >= 8 zero bytes (rounded down to
 * a multiple of 4 unless it reaches the region end), or a run of < 3 zero
 * bytes that ends the region, is printed as "...".  Returns the bytes to
 * skip, 0 to disassemble normally. */
static uint64_t dis_zero_run(const SectionCode *sc, uint64_t pc, uint64_t stop)
{
    uint64_t z = 0;
    while (pc + z < stop && sc->data[pc + z - sc->addr] == 0)
        z++;
    bool at_end = pc + z == stop;
    if (z >= 8 || (at_end && z < 3)) {
        if (!at_end)
            z &= ~(uint64_t)3;
        return z;
    }
    return 0;
}

/* Prints one decoded instruction line; returns its length (0: a trailing
 * fragment shorter than an instruction was printed). */
static unsigned dis_print_line(const FvpFrontend *fe, const ElfImage *img, uint16_t shndx,
                               const SectionCode *sc, uint64_t pc, bool print_label)
{
    uint8_t insn[64] __attribute__((aligned(16)));
    char text[160], raw[64];
    if (print_label)
        dis_print_label(img, shndx, pc);
    const uint8_t *p = sc->data + (pc - sc->addr);
    size_t avail = (size_t)(sc->addr + sc->size - pc);
    unsigned len = fe->decode(p, avail, pc, insn);
    if (len == 0) {
        unsigned n = (unsigned)avail;
        dis_print_raw(p, n, raw, sizeof raw);
        printf("%8llx:\t%s\t.%ubyte\t0x", (unsigned long long)pc, raw, n);
        for (unsigned i = n; i-- > 0;)
            printf("%02x", p[i]);
        printf("\n");
        return 0;
    }
    dis_print_raw(p, len, raw, sizeof raw);
    fe->format(insn, pc, text, sizeof text);
    printf("%8llx:\t%s\t%s\n", (unsigned long long)pc, raw, text);
    return len;
}

/* --ir: lifts the code block by block (as the interpreter will) and prints
 * each guest instruction followed by its IR; the block's exit is printed
 * after its last instruction.  Returns the pc after the block, or 0 when no
 * whole instruction was left. */
static uint64_t dis_print_block(const FvpFrontend *fe, const ElfImage *img, uint16_t shndx,
                                SectionCode *sc, uint64_t pc, IrBlock *blk)
{
    if (fvp_lift_block(fe, dis_read_section, sc, pc, 64, blk) != 0) {
        printf("\t\t; (out of memory lifting the block at 0x%llx)\n", (unsigned long long)pc);
        return 0;
    }
    if (blk->nguest == 0) {
        dis_print_line(fe, img, shndx, sc, pc, false);
        return 0;
    }
    char line[256];
    for (uint32_t i = 0; i < blk->ninsns; i++) {
        const IrInsn *in = &blk->insns[i];
        if (in->op == IR_INSN) {
            dis_print_line(fe, img, shndx, sc, (uint64_t)in->imm, in != blk->insns);
            continue;
        }
        ir_print_insn(blk, in, line, sizeof line);
        printf("\t\t%s\n", line);
    }
    char err[256];
    if (ir_verify(blk, err, sizeof err) != 0)
        printf("\t\t; IR VERIFY FAILED: %s\n", err);
    return blk->end_pc;
}

static void dis_section(const FvpFrontend *fe, const ElfImage *img, uint16_t shndx,
                        const ElfSection *sec, const DisOptions *opt, IrBlock *blk)
{
    uint64_t lo = sec->addr, hi = sec->addr + sec->size;
    if (opt->function && !dis_function_range(img, shndx, opt->function, &lo, &hi))
        return;
    if (lo < sec->addr)
        lo = sec->addr;
    if (hi > sec->addr + sec->size)
        hi = sec->addr + sec->size;

    printf("\nDisassembly of section %s:\n", sec->name ? sec->name : "?");
    /* The reader sees only [lo, hi): blocks never run past the function. */
    SectionCode sc = { sec->data + (lo - sec->addr), lo, hi - lo };
    uint64_t *labels = NULL;
    size_t nlabels = dis_collect_labels(img, shndx, lo, hi, &labels), li = 0;
    uint64_t pc = lo;
    while (pc < hi) {
        while (li < nlabels && labels[li] <= pc)
            li++;
        uint64_t stop = li < nlabels ? labels[li] : hi;
        uint64_t skip = dis_zero_run(&sc, pc, stop);
        if (skip) {
            dis_print_label(img, shndx, pc);
            printf("\t...\n");
            pc += skip;
            continue;
        }
        uint64_t next;
        if (opt->ir) {
            dis_print_label(img, shndx, pc);
            next = dis_print_block(fe, img, shndx, &sc, pc, blk);
        } else {
            unsigned len = dis_print_line(fe, img, shndx, &sc, pc, true);
            next = len ? pc + len : 0;
        }
        if (next <= pc)
            break;
        pc = next;
    }
    free(labels);
}

static void dis_image(const FvpFrontend *fe, const ElfImage *img, const char *name,
                      const DisOptions *opt, IrBlock *blk)
{
    printf("\n%s:     file format elf64-littleriscv\n\n", name);
    size_t n = elfimage_section_count(img);
    for (size_t i = 1; i < n; i++) {
        const ElfSection *sec = elfimage_section(img, i);
        if (sec->type != SHT_PROGBITS || !(sec->flags & SHF_EXECINSTR) || !sec->data ||
            sec->size == 0)
            continue;
        dis_section(fe, img, (uint16_t)i, sec, opt, blk);
    }
}

/* Returns 0, or 1 after printing one error line. */
static int dis_file(const FvpFrontend *fe, const char *path, const DisOptions *opt,
                    IrBlock *blk)
{
    char err[512];
    ElfImage *img = NULL;
    if (elfimage_open(path, &img, err, sizeof err) != 0) {
        fprintf(stderr, "fvp-dis: %s\n", err);
        return 1;
    }
    size_t members = elfimage_member_count(img);
    if (members == 0) {
        dis_image(fe, img, path, opt, blk);
    } else {
        printf("In archive %s:\n", path);
        for (size_t i = 0; i < members; i++) {
            ElfImage *m = NULL;
            const char *mname = NULL;
            if (elfimage_member_open(img, i, &m, &mname, err, sizeof err) != 0) {
                fflush(stdout);
                fprintf(stderr, "fvp-dis: %s\n", err);
                elfimage_free(img);
                return 1;
            }
            dis_image(fe, m, mname, opt, blk);
            elfimage_free(m);
        }
    }
    elfimage_free(img);
    return 0;
}

static void dis_usage(FILE *f)
{
    fprintf(f,
            "usage: fvp-dis [--ir] [-f|--function NAME] FILE...\n"
            "  Disassembles the executable sections of RISC-V RV64 ELF files\n"
            "  (executables, objects, ar archives) like objdump -d -M no-aliases.\n"
            "  --ir             also print the FVP IR each instruction lowers to\n"
            "  -f, --function   only the code of the symbol NAME\n"
            "  -h, --help       this text\n");
}

int main(int argc, char **argv)
{
    DisOptions opt = { 0 };
    int first = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--ir") == 0) {
            opt.ir = true;
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "--function") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "fvp-dis: %s needs a symbol name\n", a);
                return 2;
            }
            opt.function = argv[++i];
        } else if (strncmp(a, "--function=", 11) == 0) {
            opt.function = a + 11;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            dis_usage(stdout);
            return 0;
        } else if (strcmp(a, "--") == 0) {
            first = i + 1;
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "fvp-dis: unknown option '%s' (try --help)\n", a);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc) {
        fprintf(stderr, "fvp-dis: no input file (try --help)\n");
        return 2;
    }

    const FvpFrontend *fe = &fvp_frontend_riscv64;
    IrBlock blk;
    ir_block_init(&blk, fe->ir_env, 0);
    int rc = 0;
    for (int i = first; i < argc; i++)
        rc |= dis_file(fe, argv[i], &opt, &blk);
    ir_block_free(&blk);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "fvp-dis: write error on standard output\n");
        return 1;
    }
    return rc;
}

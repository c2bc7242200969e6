/*
 * Unit tests for translator/discover.c and riscv64_jt.c: tiny RV64 images
 * built in memory (one executable segment, one read-only data segment,
 * optional symbols and .eh_frame), each checking one discovery rule, then
 * hostile .eh_frame data, then the real programs build/riscv/prog_switch
 * (jump tables of gcc -O2) and build/riscv/hello (size and speed).  The
 * real programs come from `make rv-progs`; without them those tests SKIP.
 */
#include <elf.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/guestmem.h"
#include "translator/discover.h"

/* ---- instruction encoders (RISC-V unpriv ch. 2 base formats) ------------- */

enum { ZERO = 0, RA = 1, A0 = 10, A1 = 11, A4 = 14, A5 = 15, A6 = 16, A7 = 17 };

static uint32_t enc_i(unsigned op, unsigned f3, unsigned rd, unsigned rs1, int32_t imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static uint32_t enc_r(unsigned f3, unsigned rd, unsigned rs1, unsigned rs2)
{
    return rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | 0x33;
}

static uint32_t enc_b(unsigned f3, unsigned rs1, unsigned rs2, int32_t off)
{
    uint32_t o = (uint32_t)off;
    return ((o >> 12) & 1) << 31 | ((o >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 |
           f3 << 12 | ((o >> 1) & 0xf) << 8 | ((o >> 11) & 1) << 7 | 0x63;
}

static uint32_t enc_j(unsigned rd, int32_t off)
{
    uint32_t o = (uint32_t)off;
    return ((o >> 20) & 1) << 31 | ((o >> 1) & 0x3ff) << 21 | ((o >> 11) & 1) << 20 |
           ((o >> 12) & 0xff) << 12 | rd << 7 | 0x6f;
}

#define ADDI(rd, rs, imm)  enc_i(0x13, 0, rd, rs, imm)
#define SLLI(rd, rs, sh)   enc_i(0x13, 1, rd, rs, sh)
#define SRLI(rd, rs, sh)   enc_i(0x13, 5, rd, rs, sh)
#define LW(rd, rs, imm)    enc_i(0x03, 2, rd, rs, imm)
#define JALR(rd, rs, imm)  enc_i(0x67, 0, rd, rs, imm)
#define ADD(rd, a, b)      enc_r(0, rd, a, b)
#define LUI(rd, v)         (((uint32_t)(v) & 0xfffff000u) | (rd) << 7 | 0x37)
#define BEQ(a, b, off)     enc_b(0, a, b, off)
#define BNE(a, b, off)     enc_b(1, a, b, off)
#define BLTU(a, b, off)    enc_b(6, a, b, off)
#define JAL(rd, off)       enc_j(rd, off)
#define RET                JALR(ZERO, RA, 0)
#define ECALL              0x00000073u
#define EBREAK             0x00100073u

/* ---- the image builder ---------------------------------------------------- */

#define TEXT_VADDR 0x10000u
#define RO_VADDR   0x20000u
#define TEXT_OFF   0x1000u
#define RO_OFF     0x2000u

typedef struct Sym {
    const char *name;
    uint64_t value;
    uint8_t type;
    uint8_t bind;
} Sym;

typedef struct Spec {
    uint16_t type;             /* ET_EXEC (default 0 means ET_EXEC), ET_DYN, ET_REL */
    uint64_t entry;
    const uint8_t *text;       /* placed at TEXT_VADDR */
    size_t ntext;
    const uint8_t *ro;         /* placed at RO_VADDR */
    size_t nro;
    const uint8_t *eh;         /* .eh_frame, right after ro */
    size_t neh;
    const Sym *syms;
    size_t nsyms;
    bool no_exec;              /* the text segment without PF_X */
    uint64_t obj_size;         /* st_size of STT_OBJECT symbols (in .rodata) */
} Spec;

typedef struct Built {
    uint8_t *buf;
    size_t len;
    uint64_t eh_vaddr;
    ElfImage *img;
} Built;

enum { S_NULL, S_TEXT, S_RO, S_EH, S_SYMTAB, S_STRTAB, S_SHSTRTAB, NSECT };

static size_t align8(size_t v)
{
    return (v + 7) & ~(size_t)7;
}

/* Builds and opens the image of spec. */
static void build(const Spec *sp, Built *out)
{
    char str[1024] = "";
    size_t nstr = 1;
    static const char shs[] = "\0.text\0.rodata\0.eh_frame\0.symtab\0.strtab\0.shstrtab";
    static const uint32_t shname[NSECT] = { 0, 1, 7, 15, 25, 33, 41 };

    assert_true(sp->ntext <= 0x1000 && sp->nro + sp->neh <= 0x1000);
    size_t eh_off = RO_OFF + align8(sp->nro);
    size_t sym_off = align8(eh_off + sp->neh + 1);
    size_t nsym = sp->nsyms + 1;
    size_t str_off = sym_off + nsym * sizeof(Elf64_Sym);
    Elf64_Sym syms[32];
    assert_true(nsym <= 32);
    memset(syms, 0, sizeof syms);
    for (size_t i = 0; i < sp->nsyms; i++) {
        size_t l = strlen(sp->syms[i].name) + 1;
        assert_true(nstr + l <= sizeof str);
        memcpy(str + nstr, sp->syms[i].name, l);
        syms[i + 1].st_name = (uint32_t)nstr;
        nstr += l;
        syms[i + 1].st_info = ELF64_ST_INFO(sp->syms[i].bind, sp->syms[i].type);
        syms[i + 1].st_shndx = sp->syms[i].type == STT_OBJECT ? S_RO : S_TEXT;
        syms[i + 1].st_value = sp->syms[i].value;
        syms[i + 1].st_size = sp->syms[i].type == STT_OBJECT ? sp->obj_size : 4;
    }
    size_t shs_off = str_off + nstr;
    size_t sh_off = align8(shs_off + sizeof shs);
    size_t len = sh_off + NSECT * sizeof(Elf64_Shdr);
    uint8_t *b = calloc(1, len);
    assert_non_null(b);

    uint16_t type = sp->type ? sp->type : ET_EXEC;
    Elf64_Ehdr eh = {
        .e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
        .e_type = type,
        .e_machine = EM_RISCV,
        .e_version = EV_CURRENT,
        .e_entry = sp->entry ? sp->entry : TEXT_VADDR,
        .e_phoff = type == ET_REL ? 0 : sizeof(Elf64_Ehdr),
        .e_shoff = sh_off,
        .e_flags = 0x5,
        .e_ehsize = sizeof(Elf64_Ehdr),
        .e_phentsize = sizeof(Elf64_Phdr),
        .e_phnum = type == ET_REL ? 0 : 2,
        .e_shentsize = sizeof(Elf64_Shdr),
        .e_shnum = NSECT,
        .e_shstrndx = S_SHSTRTAB,
    };
    memcpy(b, &eh, sizeof eh);
    if (type != ET_REL) {
        Elf64_Phdr ph[2] = {
            { .p_type = PT_LOAD, .p_flags = PF_R | (sp->no_exec ? 0 : PF_X),
              .p_offset = TEXT_OFF, .p_vaddr = TEXT_VADDR, .p_paddr = TEXT_VADDR,
              .p_filesz = sp->ntext, .p_memsz = sp->ntext, .p_align = 0x1000 },
            { .p_type = PT_LOAD, .p_flags = PF_R, .p_offset = RO_OFF, .p_vaddr = RO_VADDR,
              .p_paddr = RO_VADDR, .p_filesz = eh_off - RO_OFF + sp->neh,
              .p_memsz = eh_off - RO_OFF + sp->neh, .p_align = 0x1000 },
        };
        memcpy(b + sizeof eh, ph, sizeof ph);
    }
    if (sp->ntext)
        memcpy(b + TEXT_OFF, sp->text, sp->ntext);
    if (sp->nro)
        memcpy(b + RO_OFF, sp->ro, sp->nro);
    if (sp->neh)
        memcpy(b + eh_off, sp->eh, sp->neh);
    memcpy(b + sym_off, syms, nsym * sizeof(Elf64_Sym));
    memcpy(b + str_off, str, nstr);
    memcpy(b + shs_off, shs, sizeof shs);

    uint64_t eh_vaddr = RO_VADDR + (eh_off - RO_OFF);
    Elf64_Shdr sh[NSECT];
    memset(sh, 0, sizeof sh);
    sh[S_TEXT] = (Elf64_Shdr){ shname[S_TEXT], SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR,
                               TEXT_VADDR, TEXT_OFF, sp->ntext, 0, 0, 2, 0 };
    sh[S_RO] = (Elf64_Shdr){ shname[S_RO], SHT_PROGBITS, SHF_ALLOC, RO_VADDR, RO_OFF, sp->nro,
                             0, 0, 8, 0 };
    sh[S_EH] = (Elf64_Shdr){ shname[S_EH], SHT_PROGBITS, SHF_ALLOC, eh_vaddr, eh_off, sp->neh,
                             0, 0, 8, 0 };
    sh[S_SYMTAB] = (Elf64_Shdr){ shname[S_SYMTAB], SHT_SYMTAB, 0, 0, sym_off,
                                 nsym * sizeof(Elf64_Sym), S_STRTAB, 1, 8, sizeof(Elf64_Sym) };
    sh[S_STRTAB] = (Elf64_Shdr){ shname[S_STRTAB], SHT_STRTAB, 0, 0, str_off, nstr, 0, 0, 1, 0 };
    sh[S_SHSTRTAB] = (Elf64_Shdr){ shname[S_SHSTRTAB], SHT_STRTAB, 0, 0, shs_off, sizeof shs,
                                   0, 0, 1, 0 };
    memcpy(b + sh_off, sh, sizeof sh);

    char err[256];
    out->buf = b;
    out->len = len;
    out->eh_vaddr = eh_vaddr;
    int rc = elfimage_open_mem(b, len, "t.elf", &out->img, err, sizeof err);
    if (rc != 0)
        fail_msg("elfimage_open_mem: %s", err);
}

static void built_free(Built *b)
{
    elfimage_free(b->img);
    free(b->buf);
}

/* Code assembly: 32-bit words and 16-bit halves, little-endian. */
typedef struct Code {
    uint8_t b[1024];
    size_t n;
} Code;

static void put32(Code *c, uint32_t w)
{
    assert_true(c->n + 4 <= sizeof c->b);
    for (int i = 0; i < 4; i++)
        c->b[c->n++] = (uint8_t)(w >> (8 * i));
}

static void put16(Code *c, uint16_t h)
{
    assert_true(c->n + 2 <= sizeof c->b);
    c->b[c->n++] = (uint8_t)h;
    c->b[c->n++] = (uint8_t)(h >> 8);
}

/* Pads with ebreak up to offset off. */
static void pad_to(Code *c, size_t off)
{
    assert_true(c->n <= off && (off - c->n) % 4 == 0);
    while (c->n < off)
        put32(c, EBREAK);
}

/* ---- checks shared by every test ------------------------------------------- */

/* The contract's invariants on any discovery result. */
static void check_program(const XlatProgram *p)
{
    for (size_t i = 0; i < p->nfuncs; i++) {
        const XlatFunc *f = &p->funcs[i];
        if (i > 0)
            assert_true(p->funcs[i - 1].entry < f->entry);
        assert_ptr_equal(xlat_find_func(p, f->entry), f);
        uint64_t sum = 0;
        size_t nentry = 0;
        for (size_t k = 0; k < f->nblocks; k++) {
            const XlatBlock *b = &f->blocks[k];
            if (k > 0)
                assert_true(f->blocks[k - 1].pc < b->pc);
            assert_true(b->ninsns >= 1);
            assert_true((b->pc & 1) == 0);
            sum += b->ninsns;
            if (b->pc == f->entry) {
                nentry++;
                assert_true(b->flags & XLAT_BLK_ENTRY);
            } else {
                assert_false(b->flags & XLAT_BLK_ENTRY);
            }
            assert_ptr_equal(xlat_find_block(f, b->pc), b);
        }
        assert_int_equal(nentry, 1);
        assert_int_equal(sum, f->ninsns);
        for (size_t k = 0; k < f->njts; k++) {
            const XlatJumpTable *t = &f->jts[k];
            if (k > 0)
                assert_true(f->jts[k - 1].jr_pc < t->jr_pc);
            assert_ptr_equal(xlat_find_jt(f, t->jr_pc), t);
            for (size_t j = 0; j < t->ntargets; j++) {
                if (j > 0)
                    assert_true(t->targets[j - 1] < t->targets[j]);
                /* a block of f, or of another region of a split function */
                const XlatBlock *b = xlat_find_block(f, t->targets[j]);
                if (!b) {
                    const XlatFunc *r = xlat_find_region(p, t->targets[j]);
                    assert_non_null(r);
                    b = xlat_find_block(r, t->targets[j]);
                    assert_non_null(b);
                    assert_true(b->flags & XLAT_BLK_REGION);
                }
                assert_true(b->flags & XLAT_BLK_JTARGET);
            }
        }
    }
}

static int discover(const Built *b, const XlatDiscoverOpts *o, XlatProgram *p)
{
    char err[256] = "";
    int rc = xlat_discover(b->img, &fvp_frontend_riscv64, o, p, err, sizeof err);
    if (rc == 0)
        check_program(p);
    else
        assert_true(err[0] != '\0' && !strchr(err, '\n'));
    return rc;
}

static const XlatDiscoverOpts opts_default = { .use_symbols = 1, .use_eh_frame = 1 };

static void expect_block(const XlatFunc *f, uint64_t pc, uint32_t ninsns, uint32_t flags)
{
    const XlatBlock *b = xlat_find_block(f, pc);
    if (!b)
        fail_msg("no block at %#llx in f_%llx", (unsigned long long)pc,
                 (unsigned long long)f->entry);
    if (b->ninsns != ninsns || b->flags != flags)
        fail_msg("block %#llx: %u insns flags %#x, want %u flags %#x", (unsigned long long)pc,
                 b->ninsns, b->flags, ninsns, flags);
}

/* ---- control flow rules ---------------------------------------------------- */

/*
 * main:  0 addi a0,x0,5; 4 jal ra,f1; 8 addi a0,a0,-1; c bne a0,x0,8;
 *       10 ecall; 14 jal x0,f2 (tail call when f2 is a root)
 * f1:   40 addi a0,a0,1; 44 ret
 * f2:   60 ebreak
 */
static void code_basic(Code *c)
{
    memset(c, 0, sizeof *c);
    put32(c, ADDI(A0, ZERO, 5));
    put32(c, JAL(RA, 0x40 - 0x4));
    put32(c, ADDI(A0, A0, -1));
    put32(c, BNE(A0, ZERO, 0x8 - 0xc));
    put32(c, ECALL);
    put32(c, JAL(ZERO, 0x60 - 0x14));
    pad_to(c, 0x40);
    put32(c, ADDI(A0, A0, 1));
    put32(c, RET);
    pad_to(c, 0x60);
    put32(c, EBREAK);
}

static void test_call_loop_ecall_tail(void **state)
{
    (void)state;
    Code c;
    code_basic(&c);
    Sym syms[] = { { "main", TEXT_VADDR, STT_FUNC, STB_GLOBAL },
                   { "f2", TEXT_VADDR + 0x60, STT_FUNC, STB_LOCAL } };
    Spec sp = { .text = c.b, .ntext = c.n, .syms = syms, .nsyms = 2 };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    assert_int_equal(discover(&b, &opts_default, &p), 0);
    assert_int_equal(p.nfuncs, 3);
    assert_int_equal(p.entry, TEXT_VADDR);
    assert_int_equal(p.load_bias, 0);
    assert_int_equal(p.nroots_symbols, 2);

    const XlatFunc *m = xlat_find_func(&p, TEXT_VADDR);
    assert_non_null(m);
    assert_string_equal(m->name, "main");
    assert_int_equal(m->nblocks, 4);
    expect_block(m, TEXT_VADDR + 0x0, 2, XLAT_BLK_ENTRY);
    expect_block(m, TEXT_VADDR + 0x8, 2, XLAT_BLK_RETSITE);
    expect_block(m, TEXT_VADDR + 0x10, 1, 0);
    expect_block(m, TEXT_VADDR + 0x14, 1, XLAT_BLK_RESUME);
    assert_int_equal(m->ninsns, 6);

    const XlatFunc *f1 = xlat_find_func(&p, TEXT_VADDR + 0x40);
    assert_non_null(f1); /* a callee without symbol */
    assert_null(f1->name);
    assert_int_equal(f1->nblocks, 1);
    expect_block(f1, TEXT_VADDR + 0x40, 2, XLAT_BLK_ENTRY);

    const XlatFunc *f2 = xlat_find_func(&p, TEXT_VADDR + 0x60);
    assert_non_null(f2);
    assert_string_equal(f2->name, "f2");
    assert_int_equal(p.ninsns, 6 + 2 + 1);
    xlat_program_free(&p);

    /* Without symbols f2 is no root: the jump stays in main. */
    XlatDiscoverOpts o = { .use_symbols = 0, .use_eh_frame = 1 };
    assert_int_equal(discover(&b, &o, &p), 0);
    assert_int_equal(p.nfuncs, 2);
    m = xlat_find_func(&p, TEXT_VADDR);
    assert_null(m->name);
    assert_int_equal(m->nblocks, 5);
    expect_block(m, TEXT_VADDR + 0x60, 1, 0);
    assert_null(xlat_find_func(&p, TEXT_VADDR + 0x60));
    xlat_program_free(&p);

    /* The same code as a static-pie: everything moves by the bias. */
    Spec dyn = sp;
    dyn.type = ET_DYN;
    Built bd;
    build(&dyn, &bd);
    assert_int_equal(discover(&bd, &opts_default, &p), 0);
    assert_int_equal(p.load_bias, GUEST_PIE_BASE);
    assert_int_equal(p.entry, GUEST_PIE_BASE + TEXT_VADDR);
    assert_int_equal(p.nfuncs, 3);
    m = xlat_find_func(&p, GUEST_PIE_BASE + TEXT_VADDR);
    assert_non_null(m);
    expect_block(m, GUEST_PIE_BASE + TEXT_VADDR + 0x14, 1, XLAT_BLK_RESUME);
    xlat_program_free(&p);
    built_free(&bd);
    built_free(&b);
}

/* Functions above max_func_insns are cut into regions; blocks entered from
 * another region are region entries, found by xlat_find_region. */
static void test_regions(void **state)
{
    (void)state;
    Code c;
    code_basic(&c);
    Sym syms[] = { { "main", TEXT_VADDR, STT_FUNC, STB_GLOBAL },
                   { "f2", TEXT_VADDR + 0x60, STT_FUNC, STB_LOCAL } };
    Spec sp = { .text = c.b, .ntext = c.n, .syms = syms, .nsyms = 2 };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    XlatDiscoverOpts o = { .use_symbols = 1, .use_eh_frame = 1, .max_func_insns = 2 };
    assert_int_equal(discover(&b, &o, &p), 0);
    assert_int_equal(p.nfuncs, 5);
    const XlatFunc *m = xlat_find_func(&p, TEXT_VADDR);
    assert_string_equal(m->name, "main");
    assert_int_equal(m->nblocks, 1);
    expect_block(m, TEXT_VADDR, 2, XLAT_BLK_ENTRY);
    const XlatFunc *r1 = xlat_find_func(&p, TEXT_VADDR + 0x8);
    assert_non_null(r1);
    assert_string_equal(r1->name, "main.r1");
    expect_block(r1, TEXT_VADDR + 0x8, 2, XLAT_BLK_ENTRY | XLAT_BLK_RETSITE);
    /* the loop's fall-through crosses into r2, which also holds the ecall's resume point */
    const XlatFunc *r2 = xlat_find_func(&p, TEXT_VADDR + 0x10);
    assert_non_null(r2);
    assert_string_equal(r2->name, "main.r2");
    expect_block(r2, TEXT_VADDR + 0x10, 1, XLAT_BLK_ENTRY | XLAT_BLK_REGION);
    expect_block(r2, TEXT_VADDR + 0x14, 1, XLAT_BLK_RESUME);
    assert_null(xlat_find_func(&p, TEXT_VADDR + 0x14));
    assert_int_equal(p.nxentries, 1);
    assert_ptr_equal(xlat_find_region(&p, TEXT_VADDR + 0x10), r2);
    assert_ptr_equal(xlat_find_region(&p, TEXT_VADDR + 0x40), xlat_find_func(&p, TEXT_VADDR + 0x40));
    assert_null(xlat_find_region(&p, TEXT_VADDR + 0x4));
    assert_int_equal(p.ninsns, 9);
    xlat_program_free(&p);

    /* UINT_MAX: never split */
    o.max_func_insns = UINT_MAX;
    assert_int_equal(discover(&b, &o, &p), 0);
    assert_int_equal(p.nfuncs, 3);
    assert_int_equal(p.nxentries, 0);
    xlat_program_free(&p);
    built_free(&b);
}

/* An ecall with a7 = exit / exit_group set in its block does not return:
 * nothing after it is code of the function; any other ecall resumes. */
static void test_exit_noreturn(void **state)
{
    (void)state;
    static const uint32_t nrs[] = { 93, 94, 64 };
    for (size_t k = 0; k < 3; k++) {
        Code c;
        memset(&c, 0, sizeof c);
        put32(&c, ADDI(A0, ZERO, 3));
        put32(&c, ADDI(A7, ZERO, (int32_t)nrs[k]));
        put32(&c, ECALL);
        put32(&c, EBREAK);
        Spec sp = { .text = c.b, .ntext = c.n };
        Built b;
        build(&sp, &b);
        XlatProgram p;
        assert_int_equal(discover(&b, &opts_default, &p), 0);
        const XlatFunc *m = xlat_find_func(&p, TEXT_VADDR);
        assert_non_null(m);
        if (nrs[k] == 64) { /* write: the ebreak after it is reached */
            assert_int_equal(m->nblocks, 2);
            expect_block(m, TEXT_VADDR + 12, 1, XLAT_BLK_RESUME);
        } else {
            assert_int_equal(m->nblocks, 1);
            assert_int_equal(m->ninsns, 3);
        }
        xlat_program_free(&p);
        built_free(&b);
    }
}

/* A root inside another function, reached by its loop: the function owns
 * the code up to the root but jumps to the root leave it; a return site
 * that is another root stays out too (noreturn callee before the next
 * function). */
static void test_roots_inside(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    put32(&c, ADDI(A0, ZERO, 1));         /* 0: main */
    put32(&c, ADDI(A0, A0, 1));           /* 4: inner (extra root) */
    put32(&c, BNE(A0, A1, 0x4 - 0x8));    /* 8 */
    put32(&c, JAL(RA, 0x20 - 0xc));       /* c: call abort-like */
    put32(&c, RET);                       /* 10: next function */
    pad_to(&c, 0x20);
    put32(&c, EBREAK);                    /* 20: never returns */
    Sym syms[] = { { "next", TEXT_VADDR + 0x10, STT_FUNC, STB_GLOBAL } };
    Spec sp = { .text = c.b, .ntext = c.n, .syms = syms, .nsyms = 1 };
    Built b;
    build(&sp, &b);
    uint64_t extra[] = { TEXT_VADDR + 4 };
    XlatDiscoverOpts o = { .extra_roots = extra, .nextra_roots = 1, .use_symbols = 1 };
    XlatProgram p;
    assert_int_equal(discover(&b, &o, &p), 0);
    assert_int_equal(p.nfuncs, 4);
    assert_int_equal(p.nroots_extra, 1);
    const XlatFunc *m = xlat_find_func(&p, TEXT_VADDR);
    /* main runs straight into the inner root (no leader there): one block
     * to the branch, the fall-through to the call. */
    assert_int_equal(m->nblocks, 2);
    expect_block(m, TEXT_VADDR, 3, XLAT_BLK_ENTRY);
    expect_block(m, TEXT_VADDR + 0xc, 1, 0);
    const XlatFunc *in = xlat_find_func(&p, TEXT_VADDR + 4);
    assert_int_equal(in->nblocks, 2);
    expect_block(in, TEXT_VADDR + 4, 2, XLAT_BLK_ENTRY);
    assert_non_null(xlat_find_func(&p, TEXT_VADDR + 0x10));
    assert_non_null(xlat_find_func(&p, TEXT_VADDR + 0x20));
    xlat_program_free(&p);
    built_free(&b);
}

/* A branch into the middle of a 4-byte instruction whose upper half is a
 * compressed ret: both decodings are blocks. */
static void test_overlapping_code(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    put32(&c, BEQ(A0, ZERO, 0x12 - 0x0)); /* 0 */
    put32(&c, JAL(ZERO, 0x10 - 0x4));     /* 4 */
    pad_to(&c, 0x10);
    put32(&c, 0x808207b7u);               /* 10: lui a5,0x80820 = halves 07b7, 8082 (c.jr ra) */
    put32(&c, RET);                       /* 14 */
    Spec sp = { .text = c.b, .ntext = c.n };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    assert_int_equal(discover(&b, &opts_default, &p), 0);
    assert_int_equal(p.nfuncs, 1);
    const XlatFunc *f = &p.funcs[0];
    assert_int_equal(f->nblocks, 4);
    expect_block(f, TEXT_VADDR + 0x10, 2, 0);
    expect_block(f, TEXT_VADDR + 0x12, 1, 0);
    assert_int_equal(p.ninsns, 2 + 2 + 1);
    xlat_program_free(&p);
    built_free(&b);
}

/* Roots that are no code are dropped; code running off the end of its
 * segment ends the block; a block-length limit splits straight code. */
static void test_bad_roots_and_limits(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    for (int i = 0; i < 5; i++)
        put32(&c, ADDI(A0, A0, i)); /* 0..0x10, then the segment ends */
    put16(&c, 0x0003); /* the first half of a 4-byte instruction */
    uint8_t ro[8] = { 0x13, 0, 0, 0, 0x67, 0x80, 0, 0 };
    Spec sp = { .text = c.b, .ntext = c.n, .ro = ro, .nro = sizeof ro };
    Built b;
    build(&sp, &b);
    uint64_t extra[] = { RO_VADDR, TEXT_VADDR + 1, TEXT_VADDR + 0x14, 0, UINT64_MAX - 1,
                         TEXT_VADDR + 0x1000 };
    XlatDiscoverOpts o = { .extra_roots = extra, .nextra_roots = 6, .max_block_insns = 2 };
    XlatProgram p;
    assert_int_equal(discover(&b, &o, &p), 0);
    assert_int_equal(p.nfuncs, 1);
    assert_int_equal(p.nroots_extra, 0);
    const XlatFunc *f = &p.funcs[0];
    assert_int_equal(f->nblocks, 3);
    expect_block(f, TEXT_VADDR, 2, XLAT_BLK_ENTRY);
    expect_block(f, TEXT_VADDR + 8, 2, 0);
    expect_block(f, TEXT_VADDR + 0x10, 1, 0);
    xlat_program_free(&p);
    built_free(&b);

    /* An entry point outside the executable segment: no functions. */
    Spec sp2 = sp;
    sp2.entry = RO_VADDR;
    build(&sp2, &b);
    assert_int_equal(discover(&b, &opts_default, &p), 0);
    assert_int_equal(p.nfuncs, 0);
    xlat_program_free(&p);
    built_free(&b);
}

static void test_refused_images(void **state)
{
    (void)state;
    Code c;
    code_basic(&c);
    Spec sp = { .text = c.b, .ntext = c.n, .no_exec = true };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    assert_int_equal(discover(&b, &opts_default, &p), -EINVAL);
    assert_int_equal(p.nfuncs, 0);
    xlat_program_free(&p);
    built_free(&b);

    sp.no_exec = false;
    sp.type = ET_REL;
    build(&sp, &b);
    assert_int_equal(discover(&b, &opts_default, &p), -EINVAL);
    built_free(&b);
}

/* ---- jump tables ------------------------------------------------------------- */

/*
 *  0 addi a5,x0,2 ; 4 bltu a5,a0,default(0x40)
 *  8 lui a5,%hi(table) ; c addi a5,a5,%lo(table) ; 10 slli a0,a0,2
 * 14 add a5,a5,a0 ; 18 lw a5,0(a5) ; 1c jr a5
 * 20 case0: ret ; 24 case1: ret ; 28 case2: ret ; 40 default: ret
 * A second table (no bounds check) at 0x60 is read until an entry leaves
 * the code.
 */
static void test_jump_table_hand(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    put32(&c, ADDI(A5, ZERO, 2));
    put32(&c, BLTU(A5, A0, 0x40 - 0x4));
    put32(&c, LUI(A5, RO_VADDR));
    put32(&c, ADDI(A5, A5, 0));
    put32(&c, SLLI(A0, A0, 2));
    put32(&c, ADD(A5, A5, A0));
    put32(&c, LW(A5, A5, 0));
    put32(&c, JALR(ZERO, A5, 0));
    put32(&c, RET);
    put32(&c, RET);
    put32(&c, RET);
    pad_to(&c, 0x40);
    put32(&c, RET);
    pad_to(&c, 0x60);
    put32(&c, LUI(A4, RO_VADDR));         /* 60: relative table at RO+0x10 */
    put32(&c, ADDI(A4, A4, 0x10));        /* 64 */
    put32(&c, SLLI(A1, A1, 2));           /* 68 */
    put32(&c, ADD(A5, A1, A4));           /* 6c */
    put32(&c, LW(A5, A5, 0));             /* 70 */
    put32(&c, ADD(A5, A5, A4));           /* 74 */
    put32(&c, JALR(ZERO, A5, 0));         /* 78 */
    put32(&c, RET);                       /* 7c */
    put32(&c, RET);                       /* 80 */

    uint32_t ro[8] = { TEXT_VADDR + 0x20, TEXT_VADDR + 0x24, TEXT_VADDR + 0x28,
                       TEXT_VADDR + 0x40, /* past the bound: not a target */ };
    int32_t base = RO_VADDR + 0x10;
    ro[4] = (uint32_t)(TEXT_VADDR + 0x7c - base);
    ro[5] = (uint32_t)(TEXT_VADDR + 0x80 - base);
    ro[6] = (uint32_t)(TEXT_VADDR + 0x7c - base);
    ro[7] = 0x7fff0000u; /* far outside: the scan stops */
    Sym syms[] = { { "rel", TEXT_VADDR + 0x60, STT_FUNC, STB_GLOBAL } };
    Spec sp = { .text = c.b, .ntext = c.n, .ro = (const uint8_t *)ro, .nro = sizeof ro,
                .syms = syms, .nsyms = 1 };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    assert_int_equal(discover(&b, &opts_default, &p), 0);
    assert_int_equal(p.njump_tables, 2);

    const XlatFunc *f = xlat_find_func(&p, TEXT_VADDR);
    assert_int_equal(f->njts, 1);
    const XlatJumpTable *t = xlat_find_jt(f, TEXT_VADDR + 0x1c);
    assert_non_null(t);
    assert_int_equal(t->ntargets, 3);
    assert_int_equal(t->targets[0], TEXT_VADDR + 0x20);
    assert_int_equal(t->targets[2], TEXT_VADDR + 0x28);
    expect_block(f, TEXT_VADDR + 0x24, 1, XLAT_BLK_JTARGET);
    expect_block(f, TEXT_VADDR + 0x40, 1, 0);
    expect_block(f, TEXT_VADDR + 0x8, 6, 0);
    assert_null(xlat_find_jt(f, TEXT_VADDR + 0x18));
    assert_int_equal(t->ix.load_pc, 0); /* the table is not in an executable segment */

    const XlatFunc *r = xlat_find_func(&p, TEXT_VADDR + 0x60);
    assert_int_equal(r->njts, 1);
    t = &r->jts[0];
    assert_int_equal(t->jr_pc, TEXT_VADDR + 0x78);
    assert_int_equal(t->ntargets, 2);
    assert_int_equal(t->targets[1], TEXT_VADDR + 0x80);
    xlat_program_free(&p);
    built_free(&b);
}

/*
 * A scanned table (no bounds check) followed by another function's table: with a sized
 * symbol for the first, the scan ends at its end (docs D59), else it runs on.
 *  0 lui a4,%hi(table) ; 4 addi a4,a4,0 ; 8 slli a1,a1,3 ; c add a5,a1,a4 ;
 * 10 lw a5,0(a5) ; 14 jr a5 ; 18 ret ; 1c ret ; 20 other: ret ; 24 ret
 * RO+0: 18, 1c (the table) ; RO+8: 20, 24 (other's table, as the next object).
 */
static void test_jump_table_object_end(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    put32(&c, LUI(A4, RO_VADDR));
    put32(&c, ADDI(A4, A4, 0));
    put32(&c, SLLI(A1, A1, 2));
    put32(&c, ADD(A5, A1, A4));
    put32(&c, LW(A5, A5, 0));
    put32(&c, JALR(ZERO, A5, 0));
    put32(&c, RET);
    put32(&c, RET);
    put32(&c, RET);
    put32(&c, RET);
    uint32_t ro[5] = { TEXT_VADDR + 0x18, TEXT_VADDR + 0x1c, TEXT_VADDR + 0x20,
                       TEXT_VADDR + 0x24, 0x7fff0000u };
    for (int sized = 0; sized < 2; sized++) {
        Sym syms[] = { { "main", TEXT_VADDR, STT_FUNC, STB_GLOBAL },
                       { "other", TEXT_VADDR + 0x20, STT_FUNC, STB_GLOBAL },
                       { "table", RO_VADDR, STT_OBJECT, STB_LOCAL },
                       { "other_table", RO_VADDR + 8, STT_OBJECT, STB_LOCAL } };
        Spec sp = { .text = c.b, .ntext = c.n, .ro = (const uint8_t *)ro, .nro = sizeof ro,
                    .syms = syms, .nsyms = sized ? 4 : 2, .obj_size = 8 };
        Built b;
        build(&sp, &b);
        XlatProgram p;
        assert_int_equal(discover(&b, &opts_default, &p), 0);
        const XlatFunc *f = xlat_find_func(&p, TEXT_VADDR);
        const XlatJumpTable *t = xlat_find_jt(f, TEXT_VADDR + 0x14);
        assert_non_null(t);
        assert_int_equal(t->ntargets, sized ? 2 : 4);
        assert_int_equal(t->targets[1], TEXT_VADDR + 0x1c);
        xlat_program_free(&p);
        built_free(&b);
    }
}

/*
 * Tables in the executable segment, where the emitter switches on the entry index
 * (XlatJtIndex, docs D38):
 *  0 addi a5,x0,3 ; 4 bltu a5,a0,default(0x40) ; 8 lui a5,%hi(text) ;
 *  c addi a5,a5,0x60 ; 10 slli a1,a0,32 ; 14 srli a1,a1,30 (zero-extended index * 4)
 * 18 add a5,a5,a1 ; 1c lw a5,0(a5) ; 20 jr a5 ; 24..30 four cases: ret ; 40 default: ret
 * 60 the table: case2, case0, case2, case3
 * The same at 0x80 with slli a1,a0,1: an index scaled by 2 for 4-byte entries can
 * point between entries, so that jump gets no index.
 */
static void test_jump_table_index(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    for (int v = 0; v < 2; v++) {
        uint32_t o = v ? 0x80 : 0;
        pad_to(&c, o);
        put32(&c, ADDI(A5, ZERO, 3));
        put32(&c, BLTU(A5, A0, 0x40 - 0x4));
        put32(&c, LUI(A5, TEXT_VADDR));
        put32(&c, ADDI(A5, A5, 0x60));
        if (v == 0) {
            put32(&c, SLLI(A1, A0, 32));
            put32(&c, SRLI(A1, A1, 30));
        } else {
            put32(&c, SLLI(A1, A0, 1));
        }
        put32(&c, ADD(A5, A5, A1));
        put32(&c, LW(A5, A5, 0));
        put32(&c, JALR(ZERO, A5, 0));
        for (int k = 0; k < 4; k++)
            put32(&c, RET);
        pad_to(&c, o + 0x40);
        put32(&c, RET);
        if (v == 0) {
            pad_to(&c, 0x60);
            const uint32_t tbl[4] = { TEXT_VADDR + 0x2c, TEXT_VADDR + 0x24, TEXT_VADDR + 0x2c,
                                      TEXT_VADDR + 0x30 };
            for (int k = 0; k < 4; k++)
                put32(&c, tbl[k]);
        }
    }
    Sym syms[] = { { "by4", TEXT_VADDR, STT_FUNC, STB_GLOBAL },
                   { "by2", TEXT_VADDR + 0x80, STT_FUNC, STB_GLOBAL } };
    Spec sp = { .text = c.b, .ntext = c.n, .syms = syms, .nsyms = 2 };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    assert_int_equal(discover(&b, &opts_default, &p), 0);

    const XlatJumpTable *t = xlat_find_jt(xlat_find_func(&p, TEXT_VADDR), TEXT_VADDR + 0x20);
    assert_non_null(t);
    assert_int_equal(t->ntargets, 3);
    assert_int_equal(t->ix.load_pc, TEXT_VADDR + 0x1c);
    assert_int_equal(t->ix.table, TEXT_VADDR + 0x60);
    assert_int_equal(t->ix.size, 4);
    assert_int_equal(t->ix.n, 4);
    assert_int_equal(t->ix.target[0], TEXT_VADDR + 0x2c);
    assert_int_equal(t->ix.target[1], TEXT_VADDR + 0x24);
    assert_int_equal(t->ix.target[2], TEXT_VADDR + 0x2c);
    assert_int_equal(t->ix.target[3], TEXT_VADDR + 0x30);

    t = xlat_find_jt(xlat_find_func(&p, TEXT_VADDR + 0x80), TEXT_VADDR + 0x9c);
    assert_non_null(t);
    assert_true(t->ntargets > 0);
    assert_int_equal(t->ix.load_pc, 0);
    assert_null(t->ix.target);
    xlat_program_free(&p);
    built_free(&b);
}

/*
 * A switch in a loop whose table address (a4) and bound (a6) gcc hoisted
 * into the entry block, which jumps (not falls through) to the dispatch:
 * the path through the bounds check alone does not know them, the
 * function-wide constants do (fb_seeded_tables).
 *  0 lui a4,%hi(table) ; 4 addi a4,a4,0 ; 8 addi a6,x0,2 ; c j check(0x2c)
 * 10 case0: addi a1,a1,1 ; 14 j check  ... 18 case1, 20 case2 likewise
 * 28 default: ret
 * 2c check: beq a0,x0,default ; 30 addi a0,a0,-1 ; 34 bltu a6,a0,default
 * 38 slli a5,a0,2 ; 3c add a5,a5,a4 ; 40 lw a5,0(a5) ; 44 jr a5
 * A second function at 0x60 writes a4 twice with different constants:
 * no table there.
 */
static void test_jump_table_hoisted(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    put32(&c, LUI(A4, RO_VADDR));
    put32(&c, ADDI(A4, A4, 0));
    put32(&c, ADDI(A6, ZERO, 2));
    put32(&c, JAL(ZERO, 0x2c - 0x0c));
    for (int k = 0; k < 3; k++) {
        put32(&c, ADDI(A1, A1, k + 1));
        put32(&c, JAL(ZERO, 0x2c - (int)c.n));
    }
    put32(&c, RET);                          /* 28 */
    put32(&c, BEQ(A0, ZERO, 0x28 - 0x2c));   /* 2c */
    put32(&c, ADDI(A0, A0, -1));             /* 30 */
    put32(&c, BLTU(A6, A0, 0x28 - 0x34));    /* 34 */
    put32(&c, SLLI(A5, A0, 2));              /* 38 */
    put32(&c, ADD(A5, A5, A4));              /* 3c */
    put32(&c, LW(A5, A5, 0));                /* 40 */
    put32(&c, JALR(ZERO, A5, 0));            /* 44 */
    pad_to(&c, 0x60);
    put32(&c, LUI(A4, RO_VADDR));            /* 60 */
    put32(&c, BEQ(A1, ZERO, 0x70 - 0x64));   /* 64 */
    put32(&c, LUI(A4, RO_VADDR + 0x1000));   /* 68 */
    put32(&c, JAL(ZERO, 0x70 - 0x6c));       /* 6c */
    put32(&c, ADDI(A6, ZERO, 2));            /* 70 */
    put32(&c, BLTU(A6, A0, 0x28 - 0x74));    /* 74 */
    put32(&c, SLLI(A5, A0, 2));              /* 78 */
    put32(&c, ADD(A5, A5, A4));              /* 7c */
    put32(&c, LW(A5, A5, 0));                /* 80 */
    put32(&c, JALR(ZERO, A5, 0));            /* 84 */

    uint32_t ro[3] = { TEXT_VADDR + 0x10, TEXT_VADDR + 0x18, TEXT_VADDR + 0x20 };
    Sym syms[] = { { "loop", TEXT_VADDR, STT_FUNC, STB_GLOBAL },
                   { "two", TEXT_VADDR + 0x60, STT_FUNC, STB_GLOBAL } };
    Spec sp = { .text = c.b, .ntext = c.n, .ro = (const uint8_t *)ro, .nro = sizeof ro,
                .syms = syms, .nsyms = 2 };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    XlatDiscoverOpts o = opts_default;
    o.reachable_only = 0;
    assert_int_equal(discover(&b, &o, &p), 0);
    const XlatFunc *f = xlat_find_func(&p, TEXT_VADDR);
    assert_int_equal(f->njts, 1);
    const XlatJumpTable *t = xlat_find_jt(f, TEXT_VADDR + 0x44);
    assert_non_null(t);
    assert_int_equal(t->ntargets, 3);
    assert_int_equal(t->targets[0], TEXT_VADDR + 0x10);
    assert_int_equal(t->targets[2], TEXT_VADDR + 0x20);
    expect_block(f, TEXT_VADDR + 0x18, 2, XLAT_BLK_JTARGET);

    const XlatFunc *g = xlat_find_func(&p, TEXT_VADDR + 0x60);
    assert_non_null(g);
    assert_int_equal(g->njts, 0);
    xlat_program_free(&p);
    built_free(&b);
}

/* ---- .eh_frame ----------------------------------------------------------------- */

typedef struct EhBuf {
    uint8_t b[256];
    size_t n;
} EhBuf;

static void eh_u8(EhBuf *e, uint8_t v) { e->b[e->n++] = v; }

static void eh_u32(EhBuf *e, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        eh_u8(e, (uint8_t)(v >> (8 * i)));
}

static void eh_set32(EhBuf *e, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        e->b[at + i] = (uint8_t)(v >> (8 * i));
}

/* One CIE ("zR", pcrel|sdata4) and two FDEs for pcs f0 and f1, given the
 * section's guest address. */
static void eh_build(EhBuf *e, uint64_t eh_vaddr, uint64_t f0, uint64_t f1)
{
    memset(e, 0, sizeof *e);
    size_t cie = e->n;
    eh_u32(e, 0);                  /* length, patched */
    eh_u32(e, 0);                  /* CIE id */
    eh_u8(e, 1);                   /* version */
    eh_u8(e, 'z'); eh_u8(e, 'R'); eh_u8(e, 0);
    eh_u8(e, 1);                   /* code alignment */
    eh_u8(e, 0x7c);                /* data alignment -4 */
    eh_u8(e, 1);                   /* return address register */
    eh_u8(e, 1);                   /* augmentation length */
    eh_u8(e, 0x1b);                /* DW_EH_PE_pcrel | sdata4 */
    while ((e->n - cie) % 4)
        eh_u8(e, 0);               /* DW_CFA_nop */
    eh_set32(e, cie, (uint32_t)(e->n - cie - 4));
    uint64_t pcs[2] = { f0, f1 };
    for (int i = 0; i < 2; i++) {
        size_t fde = e->n;
        eh_u32(e, 0);
        eh_u32(e, (uint32_t)(e->n - cie));          /* CIE pointer */
        eh_u32(e, (uint32_t)(pcs[i] - (eh_vaddr + e->n)));
        eh_u32(e, 4);                               /* range */
        eh_u8(e, 0);                                /* augmentation length */
        while ((e->n - fde) % 4)
            eh_u8(e, 0);
        eh_set32(e, fde, (uint32_t)(e->n - fde - 4));
    }
    eh_u32(e, 0); /* terminator */
}

static Built eh_image(const Code *c, const EhBuf *e)
{
    Spec sp = { .text = c->b, .ntext = c->n, .eh = e->b, .neh = e->n };
    Built b;
    build(&sp, &b);
    return b;
}

/*
 * reachable_only: main (0) computes f_ptr's address (lui+addi), calls
 * f_called and stops; ro data holds f_data's address; f_dead is named by a
 * symbol only.  Everything but f_dead is translated.
 */
static void test_reachable_only(void **state)
{
    (void)state;
    Code c;
    memset(&c, 0, sizeof c);
    uint32_t fptr = TEXT_VADDR + 0x80, hi = (fptr + 0x800) & ~0xfffu;
    put32(&c, LUI(A5, hi));
    put32(&c, ADDI(A5, A5, (int32_t)(fptr - hi)));
    put32(&c, JAL(RA, 0x40 - 0x8));
    put32(&c, EBREAK);
    for (unsigned at = 0x40; at <= 0xa0; at += 0x20) {
        pad_to(&c, at);
        put32(&c, RET);
    }
    uint8_t ro[16] = { 0 };
    uint64_t fdata = TEXT_VADDR + 0xa0;
    memcpy(ro + 4, &fdata, 8); /* 4-byte aligned only */
    Sym syms[] = { { "main", TEXT_VADDR, STT_FUNC, STB_GLOBAL },
                   { "f_called", TEXT_VADDR + 0x40, STT_FUNC, STB_GLOBAL },
                   { "f_dead", TEXT_VADDR + 0x60, STT_FUNC, STB_GLOBAL },
                   { "f_ptr", TEXT_VADDR + 0x80, STT_FUNC, STB_GLOBAL },
                   { "f_data", TEXT_VADDR + 0xa0, STT_FUNC, STB_GLOBAL } };
    Spec sp = { .text = c.b, .ntext = c.n, .ro = ro, .nro = sizeof ro, .syms = syms,
                .nsyms = 5 };
    Built b;
    build(&sp, &b);
    XlatProgram p;
    XlatDiscoverOpts o = opts_default;
    o.reachable_only = 1;
    assert_int_equal(discover(&b, &o, &p), 0);
    assert_int_equal(p.nfuncs, 4);
    assert_int_equal(p.ncandidates, 5);
    assert_int_equal(p.nroots_addr, 2); /* f_ptr, f_data */
    assert_string_equal(xlat_find_func(&p, TEXT_VADDR + 0x40)->name, "f_called");
    assert_string_equal(xlat_find_func(&p, TEXT_VADDR + 0x80)->name, "f_ptr");
    assert_string_equal(xlat_find_func(&p, TEXT_VADDR + 0xa0)->name, "f_data");
    assert_null(xlat_find_func(&p, TEXT_VADDR + 0x60));
    xlat_program_free(&p);

    /* Off: every symbol is a function. */
    assert_int_equal(discover(&b, &opts_default, &p), 0);
    assert_int_equal(p.nfuncs, 5);
    assert_int_equal(p.ncandidates, 0);
    xlat_program_free(&p);
    built_free(&b);
}

static void test_eh_frame_roots(void **state)
{
    (void)state;
    Code c;
    code_basic(&c);
    EhBuf e;
    /* The section address depends only on sizes: build once to learn it. */
    eh_build(&e, 0, 0, 0);
    Built b = eh_image(&c, &e);
    uint64_t eh_vaddr = b.eh_vaddr;
    built_free(&b);
    eh_build(&e, eh_vaddr, TEXT_VADDR + 0x60, RO_VADDR);
    b = eh_image(&c, &e);
    XlatProgram p;
    assert_int_equal(discover(&b, &opts_default, &p), 0);
    assert_int_equal(p.nroots_fde, 1); /* the one in rodata is dropped */
    assert_int_equal(p.nfuncs, 3);
    assert_non_null(xlat_find_func(&p, TEXT_VADDR + 0x60));
    xlat_program_free(&p);

    XlatDiscoverOpts o = { .use_symbols = 1, .use_eh_frame = 0 };
    assert_int_equal(discover(&b, &o, &p), 0);
    assert_int_equal(p.nfuncs, 2);
    xlat_program_free(&p);
    built_free(&b);
}

/* Truncations and random corruption of .eh_frame: never a crash, never a
 * root outside code. */
static void test_eh_frame_garbage(void **state)
{
    (void)state;
    Code c;
    code_basic(&c);
    EhBuf good, e;
    eh_build(&good, 0, 0, 0);
    Built b = eh_image(&c, &good);
    uint64_t eh_vaddr = b.eh_vaddr;
    built_free(&b);
    eh_build(&good, eh_vaddr, TEXT_VADDR + 0x60, TEXT_VADDR + 0x62);

    uint64_t rng = 0x9e3779b97f4a7c15ull;
    for (int round = 0; round < 300; round++) {
        e = good;
        if (round < (int)good.n) {
            e.n = (size_t)round; /* truncated */
        } else {
            int nflip = 1 + (int)(rng % 4);
            for (int k = 0; k < nflip; k++) {
                rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
                e.b[rng % e.n] = (uint8_t)(rng >> 32);
            }
        }
        b = eh_image(&c, &e);
        XlatProgram p;
        assert_int_equal(discover(&b, &opts_default, &p), 0);
        assert_true(p.nroots_fde <= 2);
        for (size_t i = 0; i < p.nfuncs; i++)
            assert_true(p.funcs[i].entry >= TEXT_VADDR && p.funcs[i].entry < TEXT_VADDR + c.n);
        xlat_program_free(&p);
        built_free(&b);
    }
}

/* ---- real programs --------------------------------------------------------------- */

static bool open_prog(const char *path, ElfImage **img)
{
    char err[256];
    if (access(path, R_OK) != 0) {
        print_message("SKIP: %s missing (make rv-progs)\n", path);
        return false;
    }
    assert_int_equal(elfimage_open(path, img, err, sizeof err), 0);
    return true;
}

static const XlatFunc *func_named(const XlatProgram *p, const char *prefix)
{
    for (size_t i = 0; i < p->nfuncs; i++)
        if (p->funcs[i].name && strncmp(p->funcs[i].name, prefix, strlen(prefix)) == 0)
            return &p->funcs[i];
    return NULL;
}

/* gcc -O2's switch tables in prog_switch.c: every case is a target. */
static void test_prog_switch(void **state)
{
    (void)state;
    ElfImage *img;
    if (!open_prog("build/riscv/prog_switch", &img))
        skip();
    XlatProgram p;
    char err[256];
    assert_int_equal(xlat_discover(img, &fvp_frontend_riscv64, NULL, &p, err, sizeof err), 0);
    check_program(&p);
    static const struct {
        const char *name;
        size_t ntargets;
    } want[] = {
        { "sw_dense", 10 },  /* ten cases; default by the bounds check */
        { "sw_offset", 11 }, /* ten cases and the holes' default */
        { "sw_char", 10 },
        { "sw_loop", 10 },   /* in a loop: the table base may be hoisted */
        { "goto_table", 4 }, /* code % 4; with the table address hoisted (a3), every
                                NEXT() copy's jump has a table (6 of them) */
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const XlatFunc *f = func_named(&p, want[i].name);
        if (!f)
            fail_msg("%s not found", want[i].name);
        size_t njts = strcmp(want[i].name, "goto_table") == 0 ? 6 : 1;
        bool ok = f->njts == njts;
        for (size_t k = 0; ok && k < f->njts; k++)
            ok = f->jts[k].ntargets >= want[i].ntargets;
        if (!ok)
            fail_msg("%s: %zu tables, %zu targets; want %zu with >= %zu each", want[i].name,
                     f->njts, f->njts ? f->jts[0].ntargets : 0, njts, want[i].ntargets);
    }
    xlat_program_free(&p);
    elfimage_free(img);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A whole static glibc program: sane numbers, well under a second. */
static void test_hello(void **state)
{
    (void)state;
    ElfImage *img;
    if (!open_prog("build/riscv/hello", &img))
        skip();
    XlatProgram p;
    char err[256];
    double t0 = now_s();
    clock_t c0 = clock();
    assert_int_equal(xlat_discover(img, &fvp_frontend_riscv64, NULL, &p, err, sizeof err), 0);
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC, wall = now_s() - t0;
    check_program(&p);
    size_t nblocks = 0, njts = 0;
    for (size_t i = 0; i < p.nfuncs; i++) {
        nblocks += p.funcs[i].nblocks;
        njts += p.funcs[i].njts;
    }
    print_message("hello: %zu functions, %zu blocks, %llu insns, %zu jump tables, "
                  "%.0f ms cpu (%.0f ms wall)\n", p.nfuncs, nblocks,
                  (unsigned long long)p.ninsns, njts, cpu * 1e3, wall * 1e3);
    assert_int_equal(njts, p.njump_tables);
    assert_true(p.nfuncs > 500);
    assert_true(p.ninsns > 50000);
    assert_true(p.njump_tables > 20);
    assert_non_null(xlat_find_func(&p, p.entry));
    const XlatFunc *m = func_named(&p, "main");
    assert_non_null(m);
    /* ASan builds are slower: the bound is for the CPU time. */
    assert_true(cpu < 3.0);
    xlat_program_free(&p);
    elfimage_free(img);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_call_loop_ecall_tail),
        cmocka_unit_test(test_regions),
        cmocka_unit_test(test_exit_noreturn),
        cmocka_unit_test(test_roots_inside),
        cmocka_unit_test(test_overlapping_code),
        cmocka_unit_test(test_bad_roots_and_limits),
        cmocka_unit_test(test_refused_images),
        cmocka_unit_test(test_jump_table_hand),
        cmocka_unit_test(test_jump_table_object_end),
        cmocka_unit_test(test_jump_table_index),
        cmocka_unit_test(test_jump_table_hoisted),
        cmocka_unit_test(test_reachable_only),
        cmocka_unit_test(test_eh_frame_roots),
        cmocka_unit_test(test_eh_frame_garbage),
        cmocka_unit_test(test_prog_switch),
        cmocka_unit_test(test_hello),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

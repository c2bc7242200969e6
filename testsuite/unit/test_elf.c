/*
 * Unit tests for lifter/elf/elfimage.c: a valid RV64 ELF image built by hand
 * in memory (ET_EXEC and ET_REL), every accessor on it, then hostile
 * variants of it (header/field case table, truncation at every byte,
 * garbage, a few thousand seeded mutations) and an ar archive.
 *
 * Every hostile buffer is a fresh heap block of exactly its length, so the
 * ASan build catches any read past the end.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "elf/elfimage.h"

/* ---- the hand-built image -------------------------------------------------- */

enum { SEC_NULL, SEC_TEXT, SEC_DATA, SEC_BSS, SEC_SYMTAB, SEC_STRTAB, SEC_SHSTRTAB, NSEC };
enum {
    SYM_NULL, SYM_FILE, SYM_SECTEXT, SYM_SECBSS, SYM_MAPX, SYM_HELPER, SYM_BADNAME,
    SYM_START, SYM_WSTART, SYM_ALIAS, SYM_COUNTER, SYM_EXT, SYM_BIG, SYM_BIGGER, NSYM
};

#define TEXT_OFF   0x100u
#define TEXT_SIZE  0x10u
#define DATA_OFF   0x110u
#define DATA_SIZE  8u
#define BSS_SIZE   0x18u
#define SYMTAB_OFF 0x118u
#define EXEC_TEXT  0x10100u
#define EXEC_DATA  0x11110u

typedef struct Layout {
    size_t len;
    size_t phoff, shoff, strtab_off, strtab_size, shstrtab_off, shstrtab_size;
    uint64_t text_base, data_base, bss_base;
} Layout;

typedef struct StrBuf {
    char b[256];
    size_t n;
} StrBuf;

static uint32_t strbuf_add(StrBuf *s, const char *str)
{
    size_t l = strlen(str) + 1;
    assert_true(s->n + l <= sizeof s->b);
    memcpy(s->b + s->n, str, l);
    s->n += l;
    return (uint32_t)(s->n - l);
}

/* Builds the test image (ET_EXEC when !rel: 2 PT_LOADs; ET_REL: none, and
 * section-relative symbol values).  Returns a malloc'd buffer. */
static uint8_t *image_build(bool rel, Layout *lo)
{
    memset(lo, 0, sizeof *lo);
    lo->text_base = rel ? 0 : EXEC_TEXT;
    lo->data_base = rel ? 0 : EXEC_DATA;
    lo->bss_base = rel ? 0 : EXEC_DATA + DATA_SIZE;

    StrBuf str = { .n = 0 }, shs = { .n = 0 };
    strbuf_add(&str, "");
    strbuf_add(&shs, "");
    Elf64_Sym sym[NSYM];
    memset(sym, 0, sizeof sym);
#define SYM(i, nm, ty, bi, sh, val, sz) do {                                 \
        sym[i].st_name = (nm) ? strbuf_add(&str, (nm)) : 0;                  \
        sym[i].st_info = ELF64_ST_INFO(bi, ty);                              \
        sym[i].st_shndx = (sh);                                              \
        sym[i].st_value = (val);                                             \
        sym[i].st_size = (sz);                                               \
    } while (0)
    SYM(SYM_FILE, "hello.c", STT_FILE, STB_LOCAL, SHN_ABS, 0, 0);
    SYM(SYM_SECTEXT, NULL, STT_SECTION, STB_LOCAL, SEC_TEXT, lo->text_base, 0);
    SYM(SYM_SECBSS, NULL, STT_SECTION, STB_LOCAL, SEC_BSS, lo->bss_base, 0);
    SYM(SYM_MAPX, "$x", STT_NOTYPE, STB_LOCAL, SEC_TEXT, lo->text_base, 0);
    SYM(SYM_HELPER, "helper", STT_FUNC, STB_LOCAL, SEC_TEXT, lo->text_base + 8, 4);
    SYM(SYM_BADNAME, NULL, STT_NOTYPE, STB_LOCAL, SEC_DATA, lo->data_base + 4, 0);
    sym[SYM_BADNAME].st_name = 0xffff;                      /* outside .strtab */
    SYM(SYM_START, "_start", STT_FUNC, STB_GLOBAL, SEC_TEXT, lo->text_base, 8);
    SYM(SYM_WSTART, "wstart", STT_FUNC, STB_WEAK, SEC_TEXT, lo->text_base, 8);
    SYM(SYM_ALIAS, "alias_helper", STT_NOTYPE, STB_GLOBAL, SEC_TEXT, lo->text_base + 8, 0);
    SYM(SYM_COUNTER, "counter", STT_OBJECT, STB_GLOBAL, SEC_DATA, lo->data_base, 8);
    SYM(SYM_EXT, "ext", STT_NOTYPE, STB_GLOBAL, SHN_UNDEF, 0, 0);
    SYM(SYM_BIG, "big", STT_FUNC, STB_GLOBAL, SEC_TEXT, lo->text_base + 12, 2);
    SYM(SYM_BIGGER, "bigger", STT_FUNC, STB_GLOBAL, SEC_TEXT, lo->text_base + 12, 4);
#undef SYM

    uint32_t shname[NSEC] = { 0 };
    shname[SEC_TEXT] = strbuf_add(&shs, ".text");
    shname[SEC_DATA] = strbuf_add(&shs, ".data");
    shname[SEC_BSS] = strbuf_add(&shs, ".bss");
    shname[SEC_SYMTAB] = strbuf_add(&shs, ".symtab");
    shname[SEC_STRTAB] = strbuf_add(&shs, ".strtab");
    shname[SEC_SHSTRTAB] = strbuf_add(&shs, ".shstrtab");

    lo->strtab_off = SYMTAB_OFF + sizeof sym;
    lo->strtab_size = str.n;
    lo->shstrtab_off = lo->strtab_off + str.n;
    lo->shstrtab_size = shs.n;
    lo->shoff = (lo->shstrtab_off + shs.n + 7) & ~(size_t)7;
    lo->len = lo->shoff + NSEC * sizeof(Elf64_Shdr);
    lo->phoff = rel ? 0 : sizeof(Elf64_Ehdr);

    uint8_t *b = calloc(1, lo->len);
    assert_non_null(b);

    Elf64_Ehdr eh = {
        .e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
        .e_type = rel ? ET_REL : ET_EXEC,
        .e_machine = EM_RISCV,
        .e_version = EV_CURRENT,
        .e_entry = rel ? 0 : EXEC_TEXT,
        .e_phoff = lo->phoff,
        .e_shoff = lo->shoff,
        .e_flags = 0x5,                       /* EF_RISCV_RVC | FLOAT_ABI_DOUBLE */
        .e_ehsize = sizeof(Elf64_Ehdr),
        .e_phentsize = sizeof(Elf64_Phdr),
        .e_phnum = rel ? 0 : 2,
        .e_shentsize = sizeof(Elf64_Shdr),
        .e_shnum = NSEC,
        .e_shstrndx = SEC_SHSTRTAB,
    };
    memcpy(b, &eh, sizeof eh);
    if (!rel) {
        Elf64_Phdr ph[2] = {
            { .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0, .p_vaddr = 0x10000,
              .p_paddr = 0x10000, .p_filesz = DATA_OFF, .p_memsz = DATA_OFF, .p_align = 0x1000 },
            { .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = DATA_OFF, .p_vaddr = EXEC_DATA,
              .p_paddr = EXEC_DATA, .p_filesz = DATA_SIZE, .p_memsz = DATA_SIZE + BSS_SIZE,
              .p_align = 0x1000 },
        };
        memcpy(b + lo->phoff, ph, sizeof ph);
    }
    static const uint8_t code[TEXT_SIZE] = {
        0x13, 0x05, 0xa0, 0x02,   /* addi a0, zero, 42 */
        0x67, 0x80, 0x00, 0x00,   /* jalr zero, 0(ra) */
        0x01, 0x00, 0x01, 0x00,   /* c.nop; c.nop */
        0x73, 0x00, 0x00, 0x00,   /* ecall */
    };
    memcpy(b + TEXT_OFF, code, sizeof code);
    memcpy(b + DATA_OFF, "\x2a\0\0\0\0\0\0\0", DATA_SIZE);
    memcpy(b + SYMTAB_OFF, sym, sizeof sym);
    memcpy(b + lo->strtab_off, str.b, str.n);
    memcpy(b + lo->shstrtab_off, shs.b, shs.n);

    Elf64_Shdr sh[NSEC];
    memset(sh, 0, sizeof sh);
    sh[SEC_TEXT] = (Elf64_Shdr){ shname[SEC_TEXT], SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR,
                                 lo->text_base, TEXT_OFF, TEXT_SIZE, 0, 0, 4, 0 };
    sh[SEC_DATA] = (Elf64_Shdr){ shname[SEC_DATA], SHT_PROGBITS, SHF_ALLOC | SHF_WRITE,
                                 lo->data_base, DATA_OFF, DATA_SIZE, 0, 0, 8, 0 };
    sh[SEC_BSS] = (Elf64_Shdr){ shname[SEC_BSS], SHT_NOBITS, SHF_ALLOC | SHF_WRITE,
                                lo->bss_base, DATA_OFF + DATA_SIZE, BSS_SIZE, 0, 0, 8, 0 };
    sh[SEC_SYMTAB] = (Elf64_Shdr){ shname[SEC_SYMTAB], SHT_SYMTAB, 0, 0, SYMTAB_OFF, sizeof sym,
                                   SEC_STRTAB, SYM_START, 8, sizeof(Elf64_Sym) };
    sh[SEC_STRTAB] = (Elf64_Shdr){ shname[SEC_STRTAB], SHT_STRTAB, 0, 0, lo->strtab_off, str.n,
                                   0, 0, 1, 0 };
    sh[SEC_SHSTRTAB] = (Elf64_Shdr){ shname[SEC_SHSTRTAB], SHT_STRTAB, 0, 0, lo->shstrtab_off,
                                     shs.n, 0, 0, 1, 0 };
    memcpy(b + lo->shoff, sh, sizeof sh);
    return b;
}

/* A fresh heap copy of exactly n bytes (ASan sees reads past the end). */
static uint8_t *dup_exact(const uint8_t *b, size_t n)
{
    uint8_t *d = malloc(n ? n : 1);
    assert_non_null(d);
    if (n)
        memcpy(d, b, n);
    return d;
}

/* The error contract: "<name>: reason", one non-empty line. */
static void check_message(const char *err, const char *name)
{
    size_t nl = strlen(name);
    if (strncmp(err, name, nl) != 0 || err[nl] != ':' || err[nl + 1] != ' ' || !err[nl + 2])
        fail_msg("bad message prefix: \"%s\"", err);
    if (strchr(err, '\n'))
        fail_msg("message has a newline: \"%s\"", err);
}

/* Uses everything an accepted image hands out, so ASan sees any pointer
 * into memory the image does not own.  Returns a checksum. */
static unsigned exercise(const ElfImage *img)
{
    unsigned sum = 0;
    for (size_t i = 0; i < elfimage_segment_count(img); i++) {
        const ElfSegment *s = elfimage_segment(img, i);
        assert_non_null(s);
        assert_true(s->filesz <= s->memsz);
        for (uint64_t k = 0; k < s->filesz; k++)
            sum += s->data[k];
    }
    assert_null(elfimage_segment(img, elfimage_segment_count(img)));
    for (size_t i = 0; i < elfimage_section_count(img); i++) {
        const ElfSection *s = elfimage_section(img, i);
        assert_non_null(s);
        assert_non_null(s->name);
        sum += (unsigned)strlen(s->name);
        if (s->data)
            for (uint64_t k = 0; k < s->size; k++)
                sum += s->data[k];
    }
    assert_null(elfimage_section(img, elfimage_section_count(img)));
    for (size_t i = 0; i < elfimage_symbol_count(img); i++) {
        const ElfSymbol *s = elfimage_symbol(img, i);
        assert_non_null(s);
        assert_non_null(s->name);
        sum += (unsigned)strlen(s->name);
        const ElfSymbol *l = elfimage_symbol_at(img, s->shndx, s->value);
        if (l) {
            assert_int_equal(l->value, s->value);
            sum += (unsigned)strlen(l->name);
        }
        (void)elfimage_symbol_at(img, 0, s->value);
    }
    assert_null(elfimage_symbol(img, elfimage_symbol_count(img)));
    return sum;
}

/* Opens a copy of b[0..n): returns rc; checks the message contract on
 * failure and exercises the image on success. */
static int try_open(const uint8_t *b, size_t n, const char *name)
{
    uint8_t *d = dup_exact(b, n);
    ElfImage *img = (ElfImage *)(uintptr_t)1;
    char err[256];
    memset(err, 'x', sizeof err);
    err[sizeof err - 1] = '\0';
    int rc = elfimage_open_mem(d, n, name, &img, err, sizeof err);
    if (rc == 0) {
        assert_non_null(img);
        (void)exercise(img);
        for (size_t i = 0; i < elfimage_member_count(img); i++) {
            ElfImage *m = NULL;
            const char *mn = NULL;
            char merr[256] = "";
            if (elfimage_member_open(img, i, &m, &mn, merr, sizeof merr) == 0) {
                assert_non_null(mn);
                (void)exercise(m);
                elfimage_free(m);
            } else {
                assert_null(m);
                if (!merr[0] || strchr(merr, '\n'))
                    fail_msg("bad member message: \"%s\"", merr);
            }
        }
        elfimage_free(img);
    } else {
        if (rc >= 0 || rc < -4095)
            fail_msg("rc %d is not a negative errno", rc);
        assert_null(img);
        check_message(err, name);
    }
    free(d);
    return rc;
}

/* ---- valid images ------------------------------------------------------------ */

typedef struct LabelCase {
    uint16_t shndx;
    uint64_t off;          /* from the section base */
    const char *name;      /* expected label, NULL for none */
} LabelCase;

static const LabelCase label_cases[] = {
    { SEC_TEXT, 0, "_start" },            /* global before weak, local, $x, section */
    { SEC_TEXT, 4, NULL },
    { SEC_TEXT, 8, "helper" },            /* function before notype, even local */
    { SEC_TEXT, 12, "bigger" },           /* larger st_size first */
    { SEC_TEXT, 16, NULL },
    { SEC_DATA, 0, "counter" },
    { SEC_DATA, 4, NULL },                /* nameless symbol never labels */
    { SEC_BSS, 0, ".bss" },               /* section symbol, nothing else there */
    { SEC_DATA, 8, NULL },
    { SEC_SYMTAB, 0, NULL },
};

static void check_labels(const ElfImage *img, const Layout *lo)
{
    for (size_t i = 0; i < sizeof label_cases / sizeof label_cases[0]; i++) {
        const LabelCase *c = &label_cases[i];
        uint64_t base = c->shndx == SEC_TEXT ? lo->text_base
                      : c->shndx == SEC_DATA ? lo->data_base
                      : c->shndx == SEC_BSS ? lo->bss_base : 0;
        const ElfSymbol *s = elfimage_symbol_at(img, c->shndx, base + c->off);
        if (!c->name) {
            if (s)
                fail_msg("case %zu: expected no label, got %s", i, s->name);
        } else {
            if (!s)
                fail_msg("case %zu: expected %s, got none", i, c->name);
            assert_string_equal(s->name, c->name);
        }
    }
}

static void test_valid_exec(void **state)
{
    (void)state;
    Layout lo;
    uint8_t *b = image_build(false, &lo);
    ElfImage *img = NULL;
    char err[256] = "";
    assert_int_equal(elfimage_open_mem(b, lo.len, "t.elf", &img, err, sizeof err), 0);
    assert_int_equal(elfimage_member_count(img), 0);
    assert_int_equal(elfimage_type(img), ET_EXEC);
    assert_int_equal(elfimage_entry(img), EXEC_TEXT);
    assert_int_equal(elfimage_flags(img), 0x5);

    assert_int_equal(elfimage_segment_count(img), 2);
    const ElfSegment *s0 = elfimage_segment(img, 0), *s1 = elfimage_segment(img, 1);
    assert_int_equal(s0->vaddr, 0x10000);
    assert_int_equal(s0->memsz, DATA_OFF);
    assert_int_equal(s0->offset, 0);
    assert_int_equal(s0->filesz, DATA_OFF);
    assert_int_equal(s0->align, 0x1000);
    assert_int_equal(s0->flags, PF_R | PF_X);
    assert_ptr_equal(s0->data, b);
    assert_int_equal(s1->vaddr, EXEC_DATA);
    assert_int_equal(s1->memsz, DATA_SIZE + BSS_SIZE);
    assert_int_equal(s1->filesz, DATA_SIZE);
    assert_int_equal(s1->flags, PF_R | PF_W);
    assert_ptr_equal(s1->data, b + DATA_OFF);
    assert_null(elfimage_segment(img, 2));

    assert_int_equal(elfimage_section_count(img), NSEC);
    static const struct { const char *name; uint32_t type; } secs[NSEC] = {
        { "", SHT_NULL }, { ".text", SHT_PROGBITS }, { ".data", SHT_PROGBITS },
        { ".bss", SHT_NOBITS }, { ".symtab", SHT_SYMTAB }, { ".strtab", SHT_STRTAB },
        { ".shstrtab", SHT_STRTAB },
    };
    for (size_t i = 0; i < NSEC; i++) {
        const ElfSection *s = elfimage_section(img, i);
        assert_non_null(s);
        assert_string_equal(s->name, secs[i].name);
        assert_int_equal(s->type, secs[i].type);
    }
    const ElfSection *text = elfimage_section(img, SEC_TEXT);
    assert_int_equal(text->addr, EXEC_TEXT);
    assert_int_equal(text->size, TEXT_SIZE);
    assert_int_equal(text->flags, SHF_ALLOC | SHF_EXECINSTR);
    assert_ptr_equal(text->data, b + TEXT_OFF);
    assert_int_equal(text->data[0], 0x13);
    const ElfSection *bss = elfimage_section(img, SEC_BSS);
    assert_null(bss->data);
    assert_int_equal(bss->size, BSS_SIZE);
    assert_null(elfimage_section(img, NSEC));

    assert_int_equal(elfimage_symbol_count(img), NSYM);
    static const struct { const char *name; uint8_t type, bind; } syms[NSYM] = {
        [SYM_NULL] = { "", STT_NOTYPE, STB_LOCAL },
        [SYM_FILE] = { "hello.c", STT_FILE, STB_LOCAL },
        [SYM_SECTEXT] = { ".text", STT_SECTION, STB_LOCAL },
        [SYM_SECBSS] = { ".bss", STT_SECTION, STB_LOCAL },
        [SYM_MAPX] = { "$x", STT_NOTYPE, STB_LOCAL },
        [SYM_HELPER] = { "helper", STT_FUNC, STB_LOCAL },
        [SYM_BADNAME] = { "", STT_NOTYPE, STB_LOCAL },
        [SYM_START] = { "_start", STT_FUNC, STB_GLOBAL },
        [SYM_WSTART] = { "wstart", STT_FUNC, STB_WEAK },
        [SYM_ALIAS] = { "alias_helper", STT_NOTYPE, STB_GLOBAL },
        [SYM_COUNTER] = { "counter", STT_OBJECT, STB_GLOBAL },
        [SYM_EXT] = { "ext", STT_NOTYPE, STB_GLOBAL },
        [SYM_BIG] = { "big", STT_FUNC, STB_GLOBAL },
        [SYM_BIGGER] = { "bigger", STT_FUNC, STB_GLOBAL },
    };
    for (size_t i = 0; i < NSYM; i++) {
        const ElfSymbol *s = elfimage_symbol(img, i);
        assert_non_null(s);
        assert_string_equal(s->name, syms[i].name);
        assert_int_equal(s->type, syms[i].type);
        assert_int_equal(s->bind, syms[i].bind);
    }
    const ElfSymbol *st = elfimage_symbol(img, SYM_START);
    assert_int_equal(st->value, EXEC_TEXT);
    assert_int_equal(st->size, 8);
    assert_int_equal(st->shndx, SEC_TEXT);
    assert_int_equal(elfimage_symbol(img, SYM_FILE)->shndx, SHN_ABS);
    assert_null(elfimage_symbol(img, NSYM));

    check_labels(img, &lo);
    /* ET_EXEC: shndx 0 means any section */
    assert_string_equal(elfimage_symbol_at(img, 0, EXEC_TEXT)->name, "_start");
    assert_string_equal(elfimage_symbol_at(img, 0, EXEC_DATA)->name, "counter");
    assert_null(elfimage_symbol_at(img, SEC_DATA, EXEC_TEXT));
    (void)exercise(img);
    elfimage_free(img);
    elfimage_free(NULL);
    free(b);
}

static void test_valid_rel(void **state)
{
    (void)state;
    Layout lo;
    uint8_t *b = image_build(true, &lo);
    ElfImage *img = NULL;
    char err[256] = "";
    assert_int_equal(elfimage_open_mem(b, lo.len, "t.o", &img, err, sizeof err), 0);
    assert_int_equal(elfimage_type(img), ET_REL);
    assert_int_equal(elfimage_segment_count(img), 0);
    assert_int_equal(elfimage_section_count(img), NSEC);
    check_labels(img, &lo);
    /* value 0 is in several sections: the section decides */
    assert_string_equal(elfimage_symbol_at(img, SEC_TEXT, 0)->name, "_start");
    assert_string_equal(elfimage_symbol_at(img, SEC_DATA, 0)->name, "counter");
    assert_null(elfimage_symbol_at(img, 0, 0));    /* ET_REL needs a section */
    elfimage_free(img);
    free(b);
}

/* Through a real file, plus the open errors. */
static void test_open_file(void **state)
{
    (void)state;
    Layout lo;
    uint8_t *b = image_build(false, &lo);
    /* The fixture goes under build/ when run from the repo root. */
    char path[64] = "build/test_elf-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        strcpy(path, "/tmp/fvp-test_elf-XXXXXX");
        fd = mkstemp(path);
    }
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b, lo.len), (ssize_t)lo.len);
    close(fd);

    ElfImage *img = NULL;
    char err[512] = "";
    assert_int_equal(elfimage_open(path, &img, err, sizeof err), 0);
    assert_int_equal(elfimage_section_count(img), NSEC);
    assert_string_equal(elfimage_symbol_at(img, SEC_TEXT, EXEC_TEXT)->name, "_start");
    assert_int_equal(elfimage_section(img, SEC_TEXT)->data[0], 0x13);
    elfimage_free(img);

    /* a truncated copy on disk */
    fd = open(path, O_WRONLY | O_TRUNC);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b, 100), 100);
    close(fd);
    assert_int_equal(elfimage_open(path, &img, err, sizeof err), -EINVAL);
    assert_null(img);
    check_message(err, path);
    unlink(path);

    assert_int_equal(elfimage_open(path, &img, err, sizeof err), -ENOENT);
    assert_null(img);
    check_message(err, path);
    assert_non_null(strstr(err, strerror(ENOENT)));

    assert_int_equal(elfimage_open("/", &img, err, sizeof err), -EISDIR);
    check_message(err, "/");
    /* a device never ends: refused before reading */
    assert_int_equal(elfimage_open("/dev/zero", &img, err, sizeof err), -EINVAL);
    assert_string_equal(err, "/dev/zero: not a regular file");

    /* a control character in the name does not break the one-line rule */
    assert_int_equal(elfimage_open("/nonexistent\nfile", &img, err, sizeof err), -ENOENT);
    assert_null(strchr(err, '\n'));
    /* a tiny or absent error buffer is fine */
    assert_int_equal(elfimage_open("/nonexistent", &img, err, 4), -ENOENT);
    assert_int_equal(strlen(err), 3);
    assert_int_equal(elfimage_open("/nonexistent", &img, NULL, 0), -ENOENT);
    free(b);
}

/* ---- hostile variants ---------------------------------------------------------- */

/* Where a field lives: a component of the image plus an offset in it. */
typedef enum { AT_EHDR, AT_PHDR0, AT_PHDR1, AT_SHDR, AT_SYM, AT_SH0 } Where;

typedef struct FieldCase {
    const char *what;
    Where where;
    unsigned index;        /* section / symbol index for AT_SHDR / AT_SYM */
    size_t field;          /* offsetof in the structure */
    unsigned width;        /* 1, 2, 4, 8 */
    uint64_t value;
    bool set_len;          /* value += image length (for "just past EOF") */
    int rc;                /* expected: 0 or -EINVAL */
    const char *msg;       /* expected substring when rc != 0 */
} FieldCase;

#define EH(f) AT_EHDR, 0, offsetof(Elf64_Ehdr, f), sizeof(((Elf64_Ehdr *)0)->f)
#define ID(i) AT_EHDR, 0, (i), 1
#define PH0(f) AT_PHDR0, 0, offsetof(Elf64_Phdr, f), sizeof(((Elf64_Phdr *)0)->f)
#define PH1(f) AT_PHDR1, 0, offsetof(Elf64_Phdr, f), sizeof(((Elf64_Phdr *)0)->f)
#define SH(i, f) AT_SHDR, (i), offsetof(Elf64_Shdr, f), sizeof(((Elf64_Shdr *)0)->f)
#define SY(i, f) AT_SYM, (i), offsetof(Elf64_Sym, f), sizeof(((Elf64_Sym *)0)->f)
#define SH0(f) AT_SH0, 0, offsetof(Elf64_Shdr, f), sizeof(((Elf64_Shdr *)0)->f)

static const FieldCase field_cases[] = {
    { "bad magic",            ID(EI_MAG1), 'X', false, -EINVAL, "not an ELF file" },
    { "32-bit",               ID(EI_CLASS), ELFCLASS32, false, -EINVAL, "32-bit" },
    { "class 7",              ID(EI_CLASS), 7, false, -EINVAL, "bad ELF class 7" },
    { "big-endian",           ID(EI_DATA), ELFDATA2MSB, false, -EINVAL, "big-endian" },
    { "data 0",               ID(EI_DATA), 0, false, -EINVAL, "bad ELF data encoding" },
    { "ident version 0",      ID(EI_VERSION), 0, false, -EINVAL, "bad ELF version" },
    { "e_version 2",          EH(e_version), 2, false, -EINVAL, "bad ELF version 2" },
    { "x86-64",               EH(e_machine), EM_X86_64, false, -EINVAL,
      "not a RISC-V file (machine x86-64)" },
    { "machine 4660",         EH(e_machine), 0x1234, false, -EINVAL,
      "not a RISC-V file (machine 4660)" },
    { "core file",            EH(e_type), ET_CORE, false, -EINVAL, "core file" },
    { "type 0",               EH(e_type), ET_NONE, false, -EINVAL, "unsupported ELF type 0" },
    { "e_phentsize 32",       EH(e_phentsize), 32, false, -EINVAL, "e_phentsize" },
    { "e_shentsize 40",       EH(e_shentsize), 40, false, -EINVAL, "e_shentsize" },
    { "e_phoff huge",         EH(e_phoff), UINT64_MAX - 8, false, -EINVAL, "program header table" },
    { "e_phoff at EOF",       EH(e_phoff), 0, true, -EINVAL, "program header table" },
    { "e_phnum huge",         EH(e_phnum), 0xfffe, false, -EINVAL, "program header table" },
    { "e_shoff huge",         EH(e_shoff), UINT64_MAX - 63, false, -EINVAL, "section header table" },
    { "e_shoff near EOF",     EH(e_shoff), (uint64_t)-10, true, -EINVAL, "section header table" },
    { "e_shnum huge",         EH(e_shnum), 0xfeff, false, -EINVAL, "section header table" },
    { "e_shoff 0",            EH(e_shoff), 0, false, -EINVAL, "e_shoff is 0" },
    { "e_shstrndx 99",        EH(e_shstrndx), 99, false, -EINVAL, "string table index 99" },
    { "e_shstrndx XINDEX, 0", EH(e_shstrndx), SHN_XINDEX, false, 0, NULL },   /* sh0.sh_link 0: no names */
    { "shstrtab not STRTAB",  SH(SEC_SHSTRTAB, sh_type), SHT_PROGBITS, false, -EINVAL,
      "not a string table" },
    { "segment past EOF",     PH1(p_offset), 0, true, -EINVAL, "segment 1" },
    { "segment size huge",    PH1(p_filesz), UINT64_MAX, false, -EINVAL, "segment 1" },
    { "segment wraps",        PH1(p_offset), UINT64_MAX - 3, false, -EINVAL, "segment 1" },
    { "filesz > memsz",       PH1(p_memsz), 4, false, -EINVAL, "exceeds memory size" },
    { "vaddr+memsz wraps",    PH1(p_vaddr), UINT64_MAX - 8, false, -EINVAL, "overflows 64 bits" },
    { "memsz huge",           PH0(p_memsz), UINT64_MAX - 0x100, false, -EINVAL, "overflows 64 bits" },
    { "segments overlap",     PH1(p_vaddr), 0x10080, false, -EINVAL, "segments 0 and 1 overlap" },
    { "segments overlap 2",   PH0(p_vaddr), EXEC_DATA + 0x10, false, -EINVAL, "segments 0 and 1 overlap" },
    { "segments touch",       PH1(p_vaddr), 0x10000 + DATA_OFF, false, 0, NULL },
    { "non-LOAD overlap ok",  PH1(p_type), PT_NOTE, false, 0, NULL },
    { "section past EOF",     SH(SEC_TEXT, sh_offset), 0, true, -EINVAL, "section 1" },
    { "section size huge",    SH(SEC_DATA, sh_size), UINT64_MAX, false, -EINVAL, "section 2" },
    { "section wraps",        SH(SEC_DATA, sh_offset), UINT64_MAX - 2, false, -EINVAL, "section 2" },
    { "NOBITS past EOF ok",   SH(SEC_BSS, sh_offset), UINT64_MAX, false, 0, NULL },
    { "NOBITS addr wraps",    SH(SEC_BSS, sh_size), UINT64_MAX, false, -EINVAL, "overflows 64 bits" },
    { "section name offset",  SH(SEC_DATA, sh_name), 0x10000, false, -EINVAL, "name offset" },
    { "sh_link out of range", SH(SEC_TEXT, sh_link), NSEC, false, -EINVAL, "sh_link 7 out of range" },
    { "symtab link huge",     SH(SEC_SYMTAB, sh_link), 0xffffffff, false, -EINVAL, "sh_link" },
    { "symtab link not str",  SH(SEC_SYMTAB, sh_link), SEC_TEXT, false, -EINVAL, "not a string table" },
    { "symtab entsize 16",    SH(SEC_SYMTAB, sh_entsize), 16, false, -EINVAL, "symbol entry size" },
    { "symtab size odd",      SH(SEC_SYMTAB, sh_size), NSYM * 24 - 5, false, -EINVAL, "whole number" },
    { "strtab past EOF",      SH(SEC_STRTAB, sh_size), 0x100000, false, -EINVAL, "section 5" },
    { "symbol name huge ok",  SY(SYM_START, st_name), 0xffffffff, false, 0, NULL },
    { "symbol shndx huge ok", SY(SYM_START, st_shndx), 0xfeff, false, 0, NULL },
    { "shnum via sh0",        EH(e_shnum), 0, false, -EINVAL, "no section count" },
};

/* .strtab whose last string lost its NUL: that name becomes "", the others
 * stay, and the label at its address falls to the next candidate. */
static void test_unterminated_strtab(void **state)
{
    (void)state;
    Layout lo;
    uint8_t *b = image_build(false, &lo);
    b[lo.strtab_off + lo.strtab_size - 1] = 'x';
    ElfImage *img = NULL;
    char err[256];
    assert_int_equal(elfimage_open_mem(b, lo.len, "u.elf", &img, err, sizeof err), 0);
    assert_string_equal(elfimage_symbol(img, SYM_BIGGER)->name, "");
    assert_string_equal(elfimage_symbol(img, SYM_BIG)->name, "big");
    assert_string_equal(elfimage_symbol_at(img, SEC_TEXT, EXEC_TEXT + 12)->name, "big");
    elfimage_free(img);
    /* the same for the section names: refused */
    b[lo.strtab_off + lo.strtab_size - 1] = '\0';
    b[lo.shstrtab_off + lo.shstrtab_size - 1] = 'x';
    assert_int_equal(elfimage_open_mem(b, lo.len, "u.elf", &img, err, sizeof err), -EINVAL);
    assert_non_null(strstr(err, "section 6: name offset"));
    free(b);
}

/* Many symbols at one address whose names are overlapping suffixes of one
 * long string: must not cost a scan or a full compare per name pair. */
static void test_long_names(void **state)
{
    (void)state;
    enum { NS = 20000, STRSZ = 200000, NSH = 5 };
    size_t symoff = 0x1000, stroff = symoff + NS * sizeof(Elf64_Sym);
    size_t shsoff = stroff + STRSZ, shoff = (shsoff + 64) & ~(size_t)7;
    size_t len = shoff + NSH * sizeof(Elf64_Shdr);
    uint8_t *b = calloc(1, len);
    assert_non_null(b);
    Elf64_Ehdr eh = {
        .e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
        .e_type = ET_REL, .e_machine = EM_RISCV, .e_version = EV_CURRENT,
        .e_shoff = shoff, .e_ehsize = sizeof eh, .e_shentsize = sizeof(Elf64_Shdr),
        .e_shnum = NSH, .e_shstrndx = 4,
    };
    memcpy(b, &eh, sizeof eh);
    for (size_t i = 1; i < NS; i++) {
        Elf64_Sym y = { .st_name = (uint32_t)i, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC),
                        .st_shndx = 1, .st_value = 0x10 };
        memcpy(b + symoff + i * sizeof y, &y, sizeof y);
    }
    memset(b + stroff + 1, 'a', STRSZ - 2);              /* "" then one long name */
    memcpy(b + shsoff, "\0.text\0.symtab\0.strtab\0.shstrtab", 33);
    Elf64_Shdr sh[NSH] = {
        { 0 },
        { 1, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 0, 0x40, 0x20, 0, 0, 4, 0 },
        { 7, SHT_SYMTAB, 0, 0, symoff, NS * sizeof(Elf64_Sym), 3, 1, 8, sizeof(Elf64_Sym) },
        { 15, SHT_STRTAB, 0, 0, stroff, STRSZ, 0, 0, 1, 0 },
        { 23, SHT_STRTAB, 0, 0, shsoff, 33, 0, 0, 1, 0 },
    };
    memcpy(b + shoff, sh, sizeof sh);
    ElfImage *img = NULL;
    char err[256] = "";
    int rc = elfimage_open_mem(b, len, "long.o", &img, err, sizeof err);
    if (rc)
        fail_msg("%s", err);
    assert_int_equal(elfimage_symbol_count(img), NS);
    const ElfSymbol *l = elfimage_symbol_at(img, 1, 0x10);
    assert_non_null(l);
    assert_int_equal(strlen(l->name) + 1 + l->name - (const char *)b - stroff, STRSZ);
    elfimage_free(img);
    free(b);
}

/* Extended numbering (gABI "Sections"): valid when section 0 carries it. */
static void test_extended_numbering(void **state)
{
    (void)state;
    Layout lo;
    uint8_t *b = image_build(false, &lo);
    Elf64_Ehdr eh;
    Elf64_Shdr sh0;
    memcpy(&eh, b, sizeof eh);
    memcpy(&sh0, b + lo.shoff, sizeof sh0);
    eh.e_shnum = 0;
    eh.e_shstrndx = SHN_XINDEX;
    eh.e_phnum = PN_XNUM;
    sh0.sh_size = NSEC;
    sh0.sh_link = SEC_SHSTRTAB;
    sh0.sh_info = 2;
    memcpy(b, &eh, sizeof eh);
    memcpy(b + lo.shoff, &sh0, sizeof sh0);
    assert_int_equal(try_open(b, lo.len, "x.elf"), 0);

    ElfImage *img = NULL;
    char err[256];
    assert_int_equal(elfimage_open_mem(b, lo.len, "x.elf", &img, err, sizeof err), 0);
    assert_int_equal(elfimage_section_count(img), NSEC);
    assert_int_equal(elfimage_segment_count(img), 2);
    assert_string_equal(elfimage_section(img, SEC_SHSTRTAB)->name, ".shstrtab");
    elfimage_free(img);

    sh0.sh_info = 0x7fff;       /* PN_XNUM count past the file */
    memcpy(b + lo.shoff, &sh0, sizeof sh0);
    assert_int_equal(elfimage_open_mem(b, lo.len, "x.elf", &img, err, sizeof err), -EINVAL);
    assert_non_null(strstr(err, "program header table"));
    sh0.sh_info = 2;
    sh0.sh_size = (uint64_t)1 << 60;   /* section count past the file */
    memcpy(b + lo.shoff, &sh0, sizeof sh0);
    assert_int_equal(elfimage_open_mem(b, lo.len, "x.elf", &img, err, sizeof err), -EINVAL);
    assert_non_null(strstr(err, "section header table"));
    free(b);
}

static size_t field_offset(const Layout *lo, const FieldCase *c)
{
    switch (c->where) {
    case AT_EHDR:  return c->field;
    case AT_PHDR0: return lo->phoff + c->field;
    case AT_PHDR1: return lo->phoff + sizeof(Elf64_Phdr) + c->field;
    case AT_SHDR:  return lo->shoff + c->index * sizeof(Elf64_Shdr) + c->field;
    case AT_SYM:   return SYMTAB_OFF + c->index * sizeof(Elf64_Sym) + c->field;
    case AT_SH0:   return lo->shoff + c->field;
    }
    return 0;
}

static void put_le(uint8_t *p, unsigned width, uint64_t v)
{
    for (unsigned i = 0; i < width; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void test_field_cases(void **state)
{
    (void)state;
    Layout lo;
    uint8_t *b = image_build(false, &lo);
    uint8_t *m = malloc(lo.len);
    assert_non_null(m);
    size_t n = sizeof field_cases / sizeof field_cases[0];
    for (size_t i = 0; i < n; i++) {
        const FieldCase *c = &field_cases[i];
        memcpy(m, b, lo.len);
        uint64_t v = c->set_len ? c->value + lo.len : c->value;
        put_le(m + field_offset(&lo, c), c->width, v);
        ElfImage *img = NULL;
        char err[256] = "";
        int rc = elfimage_open_mem(m, lo.len, "case.elf", &img, err, sizeof err);
        if (rc != c->rc)
            fail_msg("case \"%s\": rc %d, expected %d (%s)", c->what, rc, c->rc, err);
        if (rc == 0) {
            (void)exercise(img);
            elfimage_free(img);
        } else {
            check_message(err, "case.elf");
            if (!strstr(err, c->msg))
                fail_msg("case \"%s\": message \"%s\" lacks \"%s\"", c->what, err, c->msg);
        }
        assert_int_equal(try_open(m, lo.len, "case.elf"), c->rc);
    }
    print_message("# field cases: %zu\n", n);
    free(m);
    free(b);
}

/* Truncated at every length: the section header table is the last thing in
 * the file, so every truncation must be refused. */
static void test_truncation(void **state)
{
    (void)state;
    size_t cases = 0;
    for (int rel = 0; rel < 2; rel++) {
        Layout lo;
        uint8_t *b = image_build(rel, &lo);
        for (size_t n = 0; n < lo.len; n++, cases++) {
            int rc = try_open(b, n, "trunc.elf");
            if (rc != -EINVAL)
                fail_msg("%s truncated to %zu bytes: rc %d", rel ? "ET_REL" : "ET_EXEC", n, rc);
        }
        assert_int_equal(try_open(b, lo.len, "trunc.elf"), 0);
        free(b);
    }
    print_message("# truncations: %zu\n", cases);
}

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    /* xorshift64*: deterministic, seeded per test */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/* Random bytes, with and without a valid ELF identification in front. */
static void test_garbage(void **state)
{
    (void)state;
    rng_state = 0x9e3779b97f4a7c15ULL;
    size_t cases = 0;
    uint8_t buf[2048];
    static const uint8_t ident[] = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT };
    for (int i = 0; i < 600; i++, cases++) {
        size_t n = (size_t)(rng_next() % sizeof buf);
        for (size_t k = 0; k < n; k++)
            buf[k] = (uint8_t)rng_next();
        if (i % 3 == 1 && n >= sizeof ident)
            memcpy(buf, ident, sizeof ident);
        if (i % 3 == 2 && n >= 20) {
            memcpy(buf, ident, sizeof ident);
            put_le(buf + 16, 2, ET_EXEC);
            put_le(buf + 18, 2, EM_RISCV);
            if (n >= 24)
                put_le(buf + 20, 4, EV_CURRENT);
        }
        int rc = try_open(buf, n, "garbage");
        if (i % 3 == 0 && rc != -EINVAL)
            fail_msg("random garbage of %zu bytes accepted", n);
    }
    /* text and an ar magic with junk behind it */
    assert_int_equal(try_open((const uint8_t *)"hello, world\n", 13, "text"), -EINVAL);
    assert_int_equal(try_open((const uint8_t *)"!<thin>\nxxxx", 12, "thin.a"), -EINVAL);
    (void)try_open((const uint8_t *)"!<arch>\nxxxxxxxxxxxxxxxxxxxxxx", 30, "junk.a");
    cases += 3;
    print_message("# garbage inputs: %zu\n", cases);
}

static const uint64_t interesting[] = {
    0, 1, 2, 7, 8, 0x40, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0x7fff, 0x8000, 0xffff,
    0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ULL, 0x7fffffffffffffffULL,
    0x8000000000000000ULL, 0xfffffffffffffff0ULL, UINT64_MAX,
};

/* Seeded mutations of the valid images: byte flips anywhere, and
 * interesting values written over header, table and symbol fields. */
static void test_mutations(void **state)
{
    (void)state;
    size_t cases = 0, accepted = 0;
    for (int rel = 0; rel < 2; rel++) {
        Layout lo;
        uint8_t *b = image_build(rel, &lo);
        uint8_t *m = malloc(lo.len);
        assert_non_null(m);
        rng_state = 0x243f6a8885a308d3ULL + (uint64_t)rel;
        for (int i = 0; i < 2500; i++, cases++) {
            memcpy(m, b, lo.len);
            int kind = (int)(rng_next() % 4);
            int edits = 1 + (int)(rng_next() % 4);
            for (int e = 0; e < edits; e++) {
                size_t pos;
                if (kind == 0) {                       /* byte anywhere */
                    pos = (size_t)(rng_next() % lo.len);
                    m[pos] = (uint8_t)rng_next();
                    continue;
                }
                /* a field in the headers / tables */
                switch (kind) {
                case 1:  pos = (size_t)(rng_next() % (sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr))); break;
                case 2:  pos = lo.shoff + (size_t)(rng_next() % (NSEC * sizeof(Elf64_Shdr))); break;
                default: pos = SYMTAB_OFF + (size_t)(rng_next() % (NSYM * sizeof(Elf64_Sym))); break;
                }
                static const unsigned widths[] = { 1, 2, 4, 8 };
                unsigned w = widths[rng_next() % 4];
                pos &= ~(size_t)(w - 1);
                if (pos + w > lo.len)
                    continue;
                uint64_t v = interesting[rng_next() % (sizeof interesting / sizeof interesting[0])];
                if (rng_next() % 4 == 0)
                    v = lo.len - (rng_next() % 16);
                put_le(m + pos, w, v);
            }
            if (try_open(m, lo.len, "mut.elf") == 0)
                accepted++;
        }
        free(m);
        free(b);
    }
    print_message("# mutations: %zu (%zu accepted, %zu refused)\n", cases, accepted, cases - accepted);
}

/* ---- ar archives ----------------------------------------------------------------- */

typedef struct ArBuf {
    uint8_t *b;
    size_t n, cap;
} ArBuf;

static void ar_put(ArBuf *a, const void *p, size_t n)
{
    if (a->n + n > a->cap) {
        a->cap = (a->n + n) * 2;
        a->b = realloc(a->b, a->cap);
        assert_non_null(a->b);
    }
    memcpy(a->b + a->n, p, n);
    a->n += n;
}

/* ar(5) member: 60-byte header, data, '\n' pad to an even offset. */
static void ar_member(ArBuf *a, const char *name, const void *data, size_t n)
{
    char h[61];
    snprintf(h, sizeof h, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name, "0", "0", "0", "644", n);
    ar_put(a, h, 60);
    ar_put(a, data, n);
    if (a->n & 1)
        ar_put(a, "\n", 1);
}

static uint8_t *archive_build(size_t *out_len, size_t *out_member1_hdr)
{
    Layout rl, xl;
    uint8_t *rel = image_build(true, &rl);
    uint8_t *exe = image_build(false, &xl);
    ArBuf a = { 0 };
    ar_put(&a, "!<arch>\n", 8);
    ar_member(&a, "/", "\0\0\0\0", 4);                       /* empty symbol index */
    static const char longnames[] = "a_member_with_a_long_name.o/\n";
    ar_member(&a, "//", longnames, sizeof longnames - 1);
    ar_member(&a, "one.o/", rel, rl.len);
    *out_member1_hdr = a.n;
    ar_member(&a, "/0", exe, xl.len);
    ar_member(&a, "notes.txt/", "just text\n", 10);
    free(rel);
    free(exe);
    *out_len = a.n;
    return a.b;
}

static void test_archive(void **state)
{
    (void)state;
    size_t len, m1;
    uint8_t *b = archive_build(&len, &m1);
    ElfImage *ar = NULL;
    char err[256] = "";
    assert_int_equal(elfimage_open_mem(b, len, "lib.a", &ar, err, sizeof err), 0);
    assert_int_equal(elfimage_member_count(ar), 3);
    assert_int_equal(elfimage_type(ar), 0);
    assert_int_equal(elfimage_section_count(ar), 0);

    ElfImage *m = NULL;
    const char *name = NULL;
    assert_int_equal(elfimage_member_open(ar, 0, &m, &name, err, sizeof err), 0);
    assert_string_equal(name, "one.o");
    assert_int_equal(elfimage_type(m), ET_REL);
    assert_string_equal(elfimage_symbol_at(m, SEC_TEXT, 0)->name, "_start");
    elfimage_free(m);

    assert_int_equal(elfimage_member_open(ar, 1, &m, &name, err, sizeof err), 0);
    assert_string_equal(name, "a_member_with_a_long_name.o");
    assert_int_equal(elfimage_type(m), ET_EXEC);
    assert_int_equal(elfimage_segment_count(m), 2);
    assert_int_equal(elfimage_section(m, SEC_TEXT)->data[0], 0x13);
    elfimage_free(m);

    assert_int_equal(elfimage_member_open(ar, 2, &m, &name, err, sizeof err), -EINVAL);
    assert_null(m);
    assert_string_equal(err, "lib.a(notes.txt): not an ELF file");
    assert_int_equal(elfimage_member_open(ar, 3, &m, &name, err, sizeof err), -EINVAL);
    assert_null(m);
    elfimage_free(ar);

    /* an empty archive */
    assert_int_equal(elfimage_open_mem("!<arch>\n", 8, "empty.a", &ar, err, sizeof err), 0);
    assert_int_equal(elfimage_member_count(ar), 0);
    elfimage_free(ar);

    /* a member whose size runs past the end */
    uint8_t *c = dup_exact(b, len);
    memcpy(c + m1 + 48, "99999999  ", 10);
    assert_int_equal(try_open(c, len, "big.a"), -EINVAL);
    /* a non-numeric size */
    memcpy(c, b, len);
    memcpy(c + m1 + 48, "12x4      ", 10);
    assert_int_equal(try_open(c, len, "bad.a"), -EINVAL);
    free(c);

    /* truncated at every byte: refused or fewer members, never a crash */
    size_t cases = 2;
    for (size_t n = 0; n < len; n++, cases++)
        (void)try_open(b, n, "trunc.a");
    /* mutations of the member headers */
    rng_state = 0x13198a2e03707344ULL;
    uint8_t *mu = malloc(len);
    assert_non_null(mu);
    for (int i = 0; i < 1000; i++, cases++) {
        memcpy(mu, b, len);
        for (int e = 0; e < 3; e++) {
            size_t pos = (size_t)(rng_next() % (m1 + 60));
            mu[pos] = (rng_next() & 1) ? (uint8_t)rng_next() : (uint8_t)('0' + rng_next() % 10);
        }
        (void)try_open(mu, len, "mut.a");
    }
    free(mu);
    print_message("# archive hostile cases: %zu\n", cases);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_exec),
        cmocka_unit_test(test_valid_rel),
        cmocka_unit_test(test_open_file),
        cmocka_unit_test(test_extended_numbering),
        cmocka_unit_test(test_unterminated_strtab),
        cmocka_unit_test(test_long_names),
        cmocka_unit_test(test_field_cases),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_archive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

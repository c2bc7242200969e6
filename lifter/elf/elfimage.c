/*
 * ELF reader on libelf.  See elfimage.h for the contract.
 *
 * Every offset and size the file gives is checked against the file size with
 * overflow-safe arithmetic here, before libelf is asked for anything, and
 * section data / segment data / string pointers handed out point into the
 * caller's (or our own) copy of the file, never past its end.
 *
 * References: System V gABI (ELF-64 Object File Format 1.5, "gABI" below),
 * chapters "ELF Header", "Sections", "String Table", "Symbol Table",
 * "Program Header"; RISC-V ELF psABI 1.0 §"ELF Object Files"; ar(5).
 *
 * Choices documented here (the header leaves them open):
 *  - A symbol whose name offset is outside its string table, or whose name
 *    is not NUL-terminated inside it, is kept with the name "" (one bad name
 *    should not make a whole object unreadable); a bad *section* name offset
 *    refuses the file.
 *  - An STT_SECTION symbol without a name gets its section's name, as
 *    objdump -t shows it.
 *  - Segment messages number segments by program header index (as readelf's
 *    "Section to Segment mapping" does), not by elfimage_segment() index.
 *  - A symbol with st_shndx >= e_shnum (and below SHN_LORESERVE) is kept but
 *    never returned by elfimage_symbol_at.
 */
#include "elf/elfimage.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <gelf.h>
#include <ar.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct ArMember {
    char *name;                 /* as libelf resolves it (long names too) */
    uint64_t offset, size;      /* member bytes within the archive */
} ArMember;

/* One entry of the symbol_at index: symbols that can label an address. */
typedef struct SymKey {
    uint64_t value;
    uint32_t sym;               /* index into syms[] */
    uint16_t shndx;
    uint8_t  rank;              /* objdump preference classes, see sym_rank */
} SymKey;

struct ElfImage {
    char *name;                 /* sanitized, for messages */
    uint8_t *owned;             /* file contents when we read the file */
    const uint8_t *buf;
    size_t len;

    ArMember *members;
    size_t nmembers;
    bool is_archive;

    uint16_t type;
    uint64_t entry;
    uint32_t flags;

    ElfSegment *segs;
    size_t nsegs;
    ElfSection *secs;
    size_t nsecs;
    ElfSymbol *syms;
    size_t nsyms;
    SymKey *keys;               /* sorted by (value, shndx, objdump order) */
    size_t nkeys;
};

/* ---- messages ------------------------------------------------------------ */

/* Copies s into a new string with control characters replaced by '?', so a
 * hostile path or member name cannot break the one-line message rule. */
static char *elf_sanitize_dup(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        d[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    d[n] = '\0';
    return d;
}

/* Writes "name: <fmt>" into err and returns rc (a negative errno). */
__attribute__((format(printf, 5, 6)))
static int elf_fail(char *err, size_t errlen, const char *name, int rc, const char *fmt, ...)
{
    if (err && errlen > 0) {
        int n = snprintf(err, errlen, "%s: ", name ? name : "?");
        if (n >= 0 && (size_t)n < errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
        /* Whatever went in, the reason stays one line. */
        for (char *p = err; *p; p++)
            if (*p == '\n' || *p == '\r')
                *p = ' ';
    }
    return rc;
}

#define FAIL(img, ...) elf_fail(err, errlen, (img)->name, -EINVAL, __VA_ARGS__)

static const char *elf_machine_name(unsigned m)
{
    switch (m) {
    case EM_386:     return "i386";
    case EM_X86_64:  return "x86-64";
    case EM_ARM:     return "ARM";
    case EM_AARCH64: return "AArch64";
    case EM_PPC:     return "PowerPC";
    case EM_PPC64:   return "PowerPC64";
    case EM_S390:    return "s390";
    case EM_MIPS:    return "MIPS";
    case EM_SPARCV9: return "SPARC v9";
    default:         return NULL;
    }
}

/* ---- bounds helpers ------------------------------------------------------- */

/* [off, off+size) lies inside a file of len bytes (no overflow possible). */
static bool elf_range_ok(uint64_t off, uint64_t size, uint64_t len)
{
    return off <= len && size <= len - off;
}

/* A string table and how much of it holds terminated strings: every offset
 * below `limit` (one past its last NUL) starts a string that ends inside the
 * table.  Found once, so a hostile table without NULs costs one scan, not
 * one per name.  gABI "String Table". */
typedef struct StrTab {
    const uint8_t *p;
    uint64_t limit;
} StrTab;

static StrTab elf_strtab_make(const uint8_t *p, uint64_t size)
{
    StrTab t = { p, 0 };
    if (p && size) {
        const uint8_t *z = memrchr(p, '\0', (size_t)size);
        if (z)
            t.limit = (uint64_t)(z - p) + 1;
    }
    return t;
}

/* The string at offset off, or NULL when off is outside the table or the
 * string runs off its end. */
static const char *elf_strtab_get(const StrTab *t, uint64_t off)
{
    return off < t->limit ? (const char *)(t->p + off) : NULL;
}

/* ---- symbol ordering (what objdump -d labels an address with) ------------- */

/*
 * binutils 2.40 objdump.c: remove_useless_symbols() drops section, file and
 * empty-named symbols and undefined/common ones; riscv_symbol_is_valid()
 * drops the mapping symbols ($x, $d, $x<isa>) and the fake label ".L0 ";
 * compare_symbols() then orders symbols at one address:
 *   "gnu_compiled"/"gcc2_compiled" names last; file-like names ("x.o",
 *   "x.a") after others; functions first; objects next; non-locals before
 *   locals, globals before weaks; larger st_size first; names starting with
 *   '.' last; then by name.  The first valid one in the section is the label.
 * Section symbols are kept here, ordered after everything else, but only
 * for sections with no other symbol: objdump labels the start of such a
 * section "<.text>" (and the start of a section whose first symbol comes
 * later "<first-0xN>", which is the disassembler's business).
 */
static bool elf_sym_labels(const ElfSymbol *s, size_t nsecs)
{
    if (s->shndx == SHN_UNDEF || s->shndx >= SHN_LORESERVE || s->shndx >= nsecs)
        return false;
    if (!s->name || !s->name[0])
        return false;
    switch (s->type) {
    case STT_NOTYPE: case STT_FUNC: case STT_GNU_IFUNC: case STT_OBJECT: case STT_SECTION:
        break;
    default:
        return false;
    }
    const char *n = s->name;
    if (strcmp(n, "$x") == 0 || strcmp(n, "$d") == 0 || strncmp(n, "$xrv", 4) == 0)
        return false;
    if (strcmp(n, ".L0 ") == 0)
        return false;
    return true;
}

/* Names longer than this skip objdump's name heuristics (no real label is
 * that long), which bounds the work a hostile string table can cause. */
#define ELF_NAME_HEUR_MAX 1024

static bool elf_name_is_file_like(const char *n, size_t l)
{
    return l > 2 && n[l - 2] == '.' && (n[l - 1] == 'o' || n[l - 1] == 'a');
}

/* Coarse class in objdump order: smaller sorts first. */
static uint8_t elf_sym_rank(const ElfSymbol *s)
{
    if (s->type == STT_SECTION)
        return 200;
    uint8_t r = 0;
    size_t l = strnlen(s->name, ELF_NAME_HEUR_MAX);
    if (l < ELF_NAME_HEUR_MAX) {
        if (strstr(s->name, "gnu_compiled") || strstr(s->name, "gcc2_compiled"))
            r += 100;
        if (elf_name_is_file_like(s->name, l))
            r += 50;
    }
    if (s->type == STT_FUNC || s->type == STT_GNU_IFUNC)
        r += 0;
    else if (s->type == STT_OBJECT)
        r += 10;
    else
        r += 20;
    if (s->bind == STB_GLOBAL)
        r += 0;
    else if (s->bind == STB_LOCAL)
        r += 2;
    else
        r += 1;                   /* weak, unique */
    return r;
}

static int elf_key_cmp_order(const SymKey *a, const SymKey *b, const ElfSymbol *syms)
{
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    const ElfSymbol *sa = &syms[a->sym], *sb = &syms[b->sym];
    if (sa->size != sb->size)
        return sa->size > sb->size ? -1 : 1;
    bool da = sa->name[0] == '.', db = sb->name[0] == '.';
    if (da != db)
        return da ? 1 : -1;
    int c = sa->name == sb->name ? 0 : strncmp(sa->name, sb->name, ELF_NAME_HEUR_MAX);
    if (c)
        return c;
    return a->sym < b->sym ? -1 : a->sym > b->sym;
}

/* qsort_r comparator: by (value, shndx, objdump order); ctx is syms[]. */
static int elf_key_cmp(const void *pa, const void *pb, void *ctx)
{
    const SymKey *a = pa, *b = pb;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    if (a->shndx != b->shndx)
        return a->shndx < b->shndx ? -1 : 1;
    return elf_key_cmp_order(a, b, ctx);
}

static int elf_build_index(ElfImage *img)
{
    img->keys = calloc(img->nsyms ? img->nsyms : 1, sizeof *img->keys);
    if (!img->keys)
        return -ENOMEM;
    /* Sections that hold a symbol other than their section symbol: objdump
     * labels a section start with "<.name>" only when nothing else in the
     * section could label it (else "<next-0xN>", which is the caller's). */
    bool *named = calloc(img->nsecs ? img->nsecs : 1, sizeof *named);
    if (!named)
        return -ENOMEM;
    for (size_t i = 0; i < img->nsyms; i++) {
        const ElfSymbol *s = &img->syms[i];
        if (s->type != STT_SECTION && elf_sym_labels(s, img->nsecs))
            named[s->shndx] = true;
    }
    size_t n = 0;
    for (size_t i = 0; i < img->nsyms; i++) {
        const ElfSymbol *s = &img->syms[i];
        if (!elf_sym_labels(s, img->nsecs))
            continue;
        if (s->type == STT_SECTION && named[s->shndx])
            continue;
        img->keys[n++] = (SymKey){ .value = s->value, .sym = (uint32_t)i,
                                   .shndx = s->shndx, .rank = elf_sym_rank(s) };
    }
    free(named);
    img->nkeys = n;
    qsort_r(img->keys, n, sizeof *img->keys, elf_key_cmp, img->syms);
    return 0;
}

/* ---- ELF files ------------------------------------------------------------ */

static int elf_libelf_fail(ElfImage *img, char *err, size_t errlen, const char *what)
{
    return FAIL(img, "libelf: %s: %s", what, elf_errmsg(-1));
}

/* Refuses overlapping PT_LOAD ranges: the loader maps each segment once.
 * segidx[i] is the program header index of segs[i]. */
static int elf_check_overlap(ElfImage *img, const size_t *segidx, char *err, size_t errlen)
{
    size_t n = img->nsegs;
    if (n < 2)
        return 0;
    size_t *ord = malloc(n * sizeof *ord);
    if (!ord)
        return elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        ord[i] = i;
    /* insertion sort by vaddr: segment counts are tiny in practice, and
     * bounded by the file size anyway. */
    for (size_t i = 1; i < n; i++) {
        size_t v = ord[i], j = i;
        while (j > 0 && img->segs[ord[j - 1]].vaddr > img->segs[v].vaddr) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = v;
    }
    int rc = 0;
    bool have = false;
    size_t far = 0;            /* segment reaching furthest so far */
    for (size_t k = 0; k < n; k++) {
        const ElfSegment *s = &img->segs[ord[k]];
        if (s->memsz == 0)
            continue;           /* an empty range intersects nothing */
        if (have) {
            const ElfSegment *f = &img->segs[far];
            if (f->vaddr + f->memsz > s->vaddr) {
                size_t a = segidx[far], b = segidx[ord[k]];
                rc = FAIL(img, "segments %zu and %zu overlap", a < b ? a : b, a < b ? b : a);
                break;
            }
        }
        if (!have || s->vaddr + s->memsz > img->segs[far].vaddr + img->segs[far].memsz)
            far = ord[k];
        have = true;
    }
    free(ord);
    return rc;
}

static int elf_load_segments(ElfImage *img, Elf *e, size_t phnum, char *err, size_t errlen)
{
    if (phnum == 0)
        return 0;
    img->segs = calloc(phnum, sizeof *img->segs);
    size_t *segidx = calloc(phnum, sizeof *segidx);
    if (!img->segs || !segidx) {
        free(segidx);
        return elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
    }
    int rc = 0;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            rc = elf_libelf_fail(img, err, errlen, "program header");
            break;
        }
        /* gABI "Program Header": p_offset/p_filesz give the file image. */
        if (ph.p_filesz > 0 && !elf_range_ok(ph.p_offset, ph.p_filesz, img->len)) {
            rc = FAIL(img, "segment %zu (offset 0x%llx, size 0x%llx) extends past end of file (%zu bytes)",
                      i, (unsigned long long)ph.p_offset, (unsigned long long)ph.p_filesz, img->len);
            break;
        }
        if (ph.p_type != PT_LOAD)
            continue;
        /* gABI: "The file size may not be larger than the memory size." */
        if (ph.p_filesz > ph.p_memsz) {
            rc = FAIL(img, "segment %zu: file size 0x%llx exceeds memory size 0x%llx",
                      i, (unsigned long long)ph.p_filesz, (unsigned long long)ph.p_memsz);
            break;
        }
        if (ph.p_memsz > UINT64_MAX - ph.p_vaddr) {
            rc = FAIL(img, "segment %zu: address 0x%llx + size 0x%llx overflows 64 bits",
                      i, (unsigned long long)ph.p_vaddr, (unsigned long long)ph.p_memsz);
            break;
        }
        ElfSegment *s = &img->segs[img->nsegs];
        s->vaddr = ph.p_vaddr;
        s->memsz = ph.p_memsz;
        s->offset = ph.p_offset;
        s->filesz = ph.p_filesz;
        s->align = ph.p_align;
        s->flags = ph.p_flags;
        s->data = ph.p_filesz ? img->buf + ph.p_offset : NULL;
        segidx[img->nsegs++] = i;
    }
    if (rc == 0)
        rc = elf_check_overlap(img, segidx, err, errlen);
    free(segidx);
    return rc;
}

static int elf_get_shdr(ElfImage *img, Elf *e, size_t i, GElf_Shdr *sh, char *err, size_t errlen)
{
    Elf_Scn *scn = elf_getscn(e, i);
    if (!scn || !gelf_getshdr(scn, sh))
        return elf_libelf_fail(img, err, errlen, "section header");
    return 0;
}

static int elf_load_sections(ElfImage *img, Elf *e, size_t shnum, size_t shstrndx,
                             char *err, size_t errlen)
{
    if (shnum == 0)
        return 0;
    img->secs = calloc(shnum, sizeof *img->secs);
    if (!img->secs)
        return elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
    img->nsecs = shnum;
    img->secs[0].name = "";

    StrTab names = { NULL, 0 };
    GElf_Shdr sh;
    int rc;
    if (shstrndx != SHN_UNDEF) {
        if ((rc = elf_get_shdr(img, e, shstrndx, &sh, err, errlen)) != 0)
            return rc;
        if (sh.sh_type != SHT_STRTAB)
            return FAIL(img, "section name string table (section %zu) is not a string table", shstrndx);
        if (!elf_range_ok(sh.sh_offset, sh.sh_size, img->len))
            return FAIL(img, "section %zu (offset 0x%llx, size 0x%llx) extends past end of file (%zu bytes)",
                        shstrndx, (unsigned long long)sh.sh_offset,
                        (unsigned long long)sh.sh_size, img->len);
        names = elf_strtab_make(img->buf + sh.sh_offset, sh.sh_size);
    }

    for (size_t i = 1; i < shnum; i++) {
        if ((rc = elf_get_shdr(img, e, i, &sh, err, errlen)) != 0)
            return rc;
        ElfSection *s = &img->secs[i];
        s->type = sh.sh_type;
        s->flags = sh.sh_flags;
        s->addr = sh.sh_addr;
        s->size = sh.sh_size;
        if (sh.sh_type == SHT_NULL) {       /* gABI: other members undefined */
            s->name = "";
            s->size = 0;
            continue;
        }
        if (sh.sh_type != SHT_NOBITS && sh.sh_size > 0 &&
            !elf_range_ok(sh.sh_offset, sh.sh_size, img->len))
            return FAIL(img, "section %zu (offset 0x%llx, size 0x%llx) extends past end of file (%zu bytes)",
                        i, (unsigned long long)sh.sh_offset, (unsigned long long)sh.sh_size, img->len);
        if ((sh.sh_flags & SHF_ALLOC) && sh.sh_size > UINT64_MAX - sh.sh_addr)
            return FAIL(img, "section %zu: address 0x%llx + size 0x%llx overflows 64 bits",
                        i, (unsigned long long)sh.sh_addr, (unsigned long long)sh.sh_size);
        if (sh.sh_link >= shnum)
            return FAIL(img, "section %zu: sh_link %u out of range (%zu sections)",
                        i, (unsigned)sh.sh_link, shnum);
        /* gABI "Sections", sh_info: a section index for SHT_REL/SHT_RELA. */
        if ((sh.sh_type == SHT_REL || sh.sh_type == SHT_RELA || (sh.sh_flags & SHF_INFO_LINK)) &&
            sh.sh_info >= shnum)
            return FAIL(img, "section %zu: sh_info %u out of range (%zu sections)",
                        i, (unsigned)sh.sh_info, shnum);
        if (shstrndx != SHN_UNDEF) {
            s->name = elf_strtab_get(&names, sh.sh_name);
            if (!s->name)
                return FAIL(img, "section %zu: name offset %u is outside the section name string table",
                            i, (unsigned)sh.sh_name);
        } else {
            s->name = "";
        }
        if (sh.sh_type != SHT_NOBITS && sh.sh_size > 0)
            s->data = img->buf + sh.sh_offset;
        else if (sh.sh_type != SHT_NOBITS && sh.sh_offset <= img->len)
            s->data = img->buf + sh.sh_offset;      /* empty: a valid end pointer */
    }
    return 0;
}

/* .symtab, else .dynsym (gABI "Symbol Table"). */
static int elf_load_symbols(ElfImage *img, Elf *e, char *err, size_t errlen)
{
    size_t symsec = 0;
    for (size_t i = 1; i < img->nsecs && !symsec; i++)
        if (img->secs[i].type == SHT_SYMTAB)
            symsec = i;
    for (size_t i = 1; i < img->nsecs && !symsec; i++)
        if (img->secs[i].type == SHT_DYNSYM)
            symsec = i;
    if (!symsec)
        return elf_build_index(img) == 0 ? 0
               : elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");

    GElf_Shdr sh;
    int rc = elf_get_shdr(img, e, symsec, &sh, err, errlen);
    if (rc)
        return rc;
    if (sh.sh_entsize != sizeof(Elf64_Sym))
        return FAIL(img, "section %zu: symbol entry size %llu (expected %zu)",
                    symsec, (unsigned long long)sh.sh_entsize, sizeof(Elf64_Sym));
    if (sh.sh_size % sizeof(Elf64_Sym) != 0)
        return FAIL(img, "section %zu: size 0x%llx is not a whole number of symbols",
                    symsec, (unsigned long long)sh.sh_size);
    const ElfSection *strsec = &img->secs[sh.sh_link];     /* link < nsecs: checked */
    if (sh.sh_link == 0 || strsec->type != SHT_STRTAB)
        return FAIL(img, "section %zu: its string table (section %u) is not a string table",
                    symsec, (unsigned)sh.sh_link);
    size_t count = (size_t)(sh.sh_size / sizeof(Elf64_Sym));
    if (count > INT_MAX)            /* gelf_getsym takes an int index */
        return FAIL(img, "section %zu: too many symbols", symsec);
    if (count == 0)
        return elf_build_index(img) == 0 ? 0
               : elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");

    Elf_Data *d = elf_getdata(elf_getscn(e, symsec), NULL);
    if (!d)
        return elf_libelf_fail(img, err, errlen, "symbol table");
    if (d->d_size != sh.sh_size)
        return FAIL(img, "section %zu: libelf reads 0x%zx bytes of symbols, header says 0x%llx",
                    symsec, d->d_size, (unsigned long long)sh.sh_size);
    img->syms = calloc(count, sizeof *img->syms);
    if (!img->syms)
        return elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
    img->nsyms = count;
    StrTab strtab = elf_strtab_make(strsec->data, strsec->size);
    for (size_t j = 0; j < count; j++) {
        GElf_Sym gs;
        if (!gelf_getsym(d, (int)j, &gs))
            return elf_libelf_fail(img, err, errlen, "symbol");
        ElfSymbol *s = &img->syms[j];
        s->value = gs.st_value;
        s->size = gs.st_size;
        s->type = GELF_ST_TYPE(gs.st_info);
        s->bind = GELF_ST_BIND(gs.st_info);
        s->shndx = gs.st_shndx;
        s->name = elf_strtab_get(&strtab, gs.st_name);
        if (!s->name)
            s->name = "";                /* documented at the top */
        if (s->type == STT_SECTION && !s->name[0] && s->shndx != SHN_UNDEF &&
            s->shndx < SHN_LORESERVE && s->shndx < img->nsecs)
            s->name = img->secs[s->shndx].name;
    }
    if (elf_build_index(img) != 0)
        return elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
    return 0;
}

static int elf_load(ElfImage *img, char *err, size_t errlen)
{
    const uint8_t *b = img->buf;
    size_t len = img->len;

    /* gABI "ELF Identification" */
    if (len < SELFMAG || memcmp(b, ELFMAG, SELFMAG) != 0)
        return FAIL(img, "%s", len == 0 ? "not an ELF file (empty file)" : "not an ELF file");
    if (len < EI_NIDENT)
        return FAIL(img, "truncated ELF header (%zu of %zu bytes)", len, sizeof(Elf64_Ehdr));
    if (b[EI_CLASS] == ELFCLASS32)
        return FAIL(img, "32-bit ELF file (only ELF64 is supported)");
    if (b[EI_CLASS] != ELFCLASS64)
        return FAIL(img, "bad ELF class %u", b[EI_CLASS]);
    if (b[EI_DATA] == ELFDATA2MSB)
        return FAIL(img, "big-endian ELF file (only little-endian is supported)");
    if (b[EI_DATA] != ELFDATA2LSB)
        return FAIL(img, "bad ELF data encoding %u", b[EI_DATA]);
    if (b[EI_VERSION] != EV_CURRENT)
        return FAIL(img, "bad ELF version %u", b[EI_VERSION]);
    if (len < sizeof(Elf64_Ehdr))
        return FAIL(img, "truncated ELF header (%zu of %zu bytes)", len, sizeof(Elf64_Ehdr));

    /* Little-endian file (checked) on a little-endian host: a plain copy. */
    Elf64_Ehdr eh;
    memcpy(&eh, b, sizeof eh);
    if (eh.e_machine != EM_RISCV) {
        const char *m = elf_machine_name(eh.e_machine);
        if (m)
            return FAIL(img, "not a RISC-V file (machine %s)", m);
        return FAIL(img, "not a RISC-V file (machine %u)", (unsigned)eh.e_machine);
    }
    if (eh.e_version != EV_CURRENT)
        return FAIL(img, "bad ELF version %u", (unsigned)eh.e_version);
    if (eh.e_type != ET_REL && eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
        return FAIL(img, "unsupported ELF type %u%s", (unsigned)eh.e_type,
                    eh.e_type == ET_CORE ? " (core file)" : "");

    /* Section header table; extended numbering per gABI "Sections":
     * e_shnum 0 -> sh_size of entry 0, e_shstrndx SHN_XINDEX -> its sh_link,
     * e_phnum PN_XNUM -> its sh_info. */
    uint64_t shnum = eh.e_shnum, shstrndx = eh.e_shstrndx, phnum = eh.e_phnum;
    Elf64_Shdr sh0;
    memset(&sh0, 0, sizeof sh0);
    if (eh.e_shoff == 0) {
        if (shnum != 0)
            return FAIL(img, "e_shoff is 0 but e_shnum is %llu", (unsigned long long)shnum);
    } else {
        if (eh.e_shentsize != sizeof(Elf64_Shdr))
            return FAIL(img, "bad e_shentsize %u (expected %zu)", (unsigned)eh.e_shentsize,
                        sizeof(Elf64_Shdr));
        if (!elf_range_ok(eh.e_shoff, sizeof(Elf64_Shdr), len))
            return FAIL(img, "section header table at offset 0x%llx is outside the file (%zu bytes)",
                        (unsigned long long)eh.e_shoff, len);
        memcpy(&sh0, b + eh.e_shoff, sizeof sh0);
        if (shnum == 0) {
            shnum = sh0.sh_size;
            if (shnum == 0)
                return FAIL(img, "e_shnum is 0 and section 0 gives no section count");
        }
        if (shnum > (len - eh.e_shoff) / sizeof(Elf64_Shdr))
            return FAIL(img, "section header table (%llu entries at offset 0x%llx) extends past end of file (%zu bytes)",
                        (unsigned long long)shnum, (unsigned long long)eh.e_shoff, len);
    }
    if (shstrndx == SHN_XINDEX && shnum > 0)
        shstrndx = sh0.sh_link;
    if (shstrndx != SHN_UNDEF && shstrndx >= shnum)
        return FAIL(img, "section name string table index %llu out of range (%llu sections)",
                    (unsigned long long)shstrndx, (unsigned long long)shnum);
    if (phnum == PN_XNUM) {
        if (shnum == 0)
            return FAIL(img, "e_phnum is PN_XNUM but there is no section 0");
        phnum = sh0.sh_info;
    }
    if (phnum > INT_MAX)            /* gelf_getphdr takes an int index */
        return FAIL(img, "too many program headers (%llu)", (unsigned long long)phnum);
    if (phnum > 0) {
        if (eh.e_phentsize != sizeof(Elf64_Phdr))
            return FAIL(img, "bad e_phentsize %u (expected %zu)", (unsigned)eh.e_phentsize,
                        sizeof(Elf64_Phdr));
        if (eh.e_phoff > len || phnum > (len - eh.e_phoff) / sizeof(Elf64_Phdr))
            return FAIL(img, "program header table (%llu entries at offset 0x%llx) extends past end of file (%zu bytes)",
                        (unsigned long long)phnum, (unsigned long long)eh.e_phoff, len);
    }

    img->type = eh.e_type;
    img->entry = eh.e_entry;
    img->flags = eh.e_flags;

    /* The tables are inside the file: now let libelf read them. */
    if (elf_version(EV_CURRENT) == EV_NONE)
        return FAIL(img, "libelf: %s", elf_errmsg(-1));
    Elf *e = elf_memory((char *)(uintptr_t)b, len);
    if (!e)
        return FAIL(img, "libelf: %s", elf_errmsg(-1));
    int rc = 0;
    size_t n;
    if (elf_kind(e) != ELF_K_ELF || gelf_getclass(e) != ELFCLASS64) {
        rc = FAIL(img, "libelf does not read this as an ELF64 file");
        goto out;
    }
    if (elf_getphdrnum(e, &n) != 0 || n != phnum) {
        rc = FAIL(img, "libelf disagrees on the program header count");
        goto out;
    }
    if (elf_getshdrnum(e, &n) != 0 || n != shnum) {
        rc = FAIL(img, "libelf disagrees on the section count");
        goto out;
    }
    if ((rc = elf_load_segments(img, e, (size_t)phnum, err, errlen)) != 0)
        goto out;
    if ((rc = elf_load_sections(img, e, (size_t)shnum, (size_t)shstrndx, err, errlen)) != 0)
        goto out;
    rc = elf_load_symbols(img, e, err, errlen);
out:
    elf_end(e);
    return rc;
}

/* ---- ar archives (ar(5); member names via libelf) ------------------------- */

/* Parses the decimal ar_size field of the member header ending at hdr_end. */
static bool ar_raw_size(const uint8_t *b, uint64_t hdr_end, uint64_t *out)
{
    /* struct ar_hdr: name[16] date[12] uid[6] gid[6] mode[8] size[10] fmag[2] */
    if (hdr_end < 60)
        return false;
    const uint8_t *h = b + hdr_end - 60;
    if (h[58] != '`' || h[59] != '\n')
        return false;
    uint64_t v = 0;
    int digits = 0;
    for (int i = 48; i < 58 && h[i] != ' '; i++) {
        if (h[i] < '0' || h[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(h[i] - '0');
        digits++;
    }
    if (!digits)
        return false;
    *out = v;
    return true;
}

static int ar_load(ElfImage *img, char *err, size_t errlen)
{
    img->is_archive = true;
    if (elf_version(EV_CURRENT) == EV_NONE)
        return FAIL(img, "libelf: %s", elf_errmsg(-1));
    Elf *ar = elf_memory((char *)(uintptr_t)img->buf, img->len);
    if (!ar)
        return FAIL(img, "libelf: %s", elf_errmsg(-1));
    int rc = 0;
    if (elf_kind(ar) != ELF_K_AR) {
        rc = FAIL(img, "bad archive");
        goto out;
    }
    size_t cap = 0;
    size_t limit = img->len / 60 + 1;    /* every member needs a 60-byte header */
    Elf_Cmd cmd = ELF_C_READ_MMAP;    /* ELF_C_READ would pread(-1) */

    Elf *m;
    (void)elf_errno();
    while ((m = elf_begin(-1, cmd, ar)) != NULL) {
        /* elf_getarhdr points at the archive's current header, which
         * elf_next overwrites: use it before advancing. */
        Elf_Arhdr *h = elf_getarhdr(m);
        int64_t base = elf_getbase(m);
        if (!h || !h->ar_name || base < 0) {
            elf_end(m);
            rc = FAIL(img, "bad archive member header: %s", elf_errmsg(-1));
            goto out;
        }
        const char *nm = h->ar_name;
        uint64_t raw;
        if (!ar_raw_size(img->buf, (uint64_t)base, &raw)) {
            rc = FAIL(img, "archive member header before offset 0x%llx is malformed",
                      (unsigned long long)base);
            elf_end(m);
            goto out;
        }
        if (!elf_range_ok((uint64_t)base, raw, img->len)) {
            rc = FAIL(img, "archive member at offset 0x%llx (size %llu) extends past end of file (%zu bytes)",
                      (unsigned long long)base, (unsigned long long)raw, img->len);
            elf_end(m);
            goto out;
        }
        bool special = strcmp(nm, "/") == 0 || strcmp(nm, "//") == 0 ||
                       strcmp(nm, "/SYM64/") == 0;
        if (!special) {
            if (img->nmembers == cap) {
                size_t nc = cap ? cap * 2 : 16;
                ArMember *nm2 = realloc(img->members, nc * sizeof *nm2);
                if (!nm2) {
                    elf_end(m);
                    rc = elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
                    goto out;
                }
                img->members = nm2;
                cap = nc;
            }
            ArMember *am = &img->members[img->nmembers];
            am->name = strdup(nm);
            am->offset = (uint64_t)base;
            am->size = raw;
            if (!am->name) {
                elf_end(m);
                rc = elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
                goto out;
            }
            img->nmembers++;
        }
        cmd = elf_next(m);
        elf_end(m);
        if (--limit == 0) {
            rc = FAIL(img, "bad archive (member list does not end)");
            goto out;
        }
        if (cmd == ELF_C_NULL)
            break;
    }
    if (m == NULL) {
        int e = elf_errno();
        if (e != 0 && img->len > SARMAG)
            rc = FAIL(img, "bad archive: %s", elf_errmsg(e));
    }
out:
    elf_end(ar);
    return rc;
}

/* ---- public API ----------------------------------------------------------- */

/* Builds an image over buf (borrowed; owned is freed with the image). */
static int elfimage_open_buf(const uint8_t *buf, size_t len, uint8_t *owned, const char *name,
                             ElfImage **out, char *err, size_t errlen)
{
    *out = NULL;
    ElfImage *img = calloc(1, sizeof *img);
    char *nm = elf_sanitize_dup(name ? name : "?");
    if (!img || !nm) {
        free(img);
        free(nm);
        free(owned);
        return elf_fail(err, errlen, name, -ENOMEM, "out of memory");
    }
    img->name = nm;
    img->owned = owned;
    img->buf = buf;
    img->len = len;
    int rc;
    if (len >= SARMAG && memcmp(buf, ARMAG, SARMAG) == 0)
        rc = ar_load(img, err, errlen);
    else if (len >= 8 && memcmp(buf, "!<thin>\n", 8) == 0)
        rc = FAIL(img, "thin archives are not supported");
    else
        rc = elf_load(img, err, errlen);
    if (rc != 0) {
        elfimage_free(img);
        return rc;
    }
    *out = img;
    return 0;
}

/* See elfimage.h.  buf must outlive the image (and its member images). */
int elfimage_open_mem(const void *buf, size_t len, const char *name,
                      ElfImage **out, char *err, size_t errlen)
{
    if (!buf && len)
        return elf_fail(err, errlen, name, -EINVAL, "no buffer");
    static const uint8_t empty[1];
    return elfimage_open_buf(buf ? buf : empty, len, NULL, name, out, err, errlen);
}

/* See elfimage.h.  Reads the whole file into memory owned by the image;
 * open/read errors return -errno with strerror text. */
int elfimage_open(const char *path, ElfImage **out, char *err, size_t errlen)
{
    *out = NULL;
    char *pname = elf_sanitize_dup(path ? path : "?");
    if (!pname)
        return elf_fail(err, errlen, path, -ENOMEM, "out of memory");
    int rc;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        rc = -errno;
        elf_fail(err, errlen, pname, rc, "%s", strerror(-rc));
        free(pname);
        return rc;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        rc = -errno;
        goto fail_errno;
    }
    if (S_ISDIR(st.st_mode)) {
        rc = -EISDIR;
        goto fail_errno;
    }
    /* Devices (/dev/zero...) never end: only files and pipes are read. */
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode)) {
        close(fd);
        elf_fail(err, errlen, pname, -EINVAL, "not a regular file");
        free(pname);
        return -EINVAL;
    }
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    size_t len = 0;
    uint8_t *buf = malloc(cap);
    if (!buf) {
        rc = -ENOMEM;
        goto fail_errno;
    }
    for (;;) {
        if (len == cap) {
            if (cap > SIZE_MAX / 2) {
                free(buf);
                rc = -EFBIG;
                goto fail_errno;
            }
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                rc = -ENOMEM;
                goto fail_errno;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            rc = -errno;
            free(buf);
            goto fail_errno;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    rc = elfimage_open_buf(buf, len, buf, pname, out, err, errlen);
    free(pname);
    return rc;

fail_errno:
    close(fd);
    elf_fail(err, errlen, pname, rc, "%s", strerror(-rc));
    free(pname);
    return rc;
}

/* See elfimage.h.  NULL is fine. */
void elfimage_free(ElfImage *img)
{
    if (!img)
        return;
    for (size_t i = 0; i < img->nmembers; i++)
        free(img->members[i].name);
    free(img->members);
    free(img->keys);
    free(img->syms);
    free(img->secs);
    free(img->segs);
    free(img->owned);
    free(img->name);
    free(img);
}

/* See elfimage.h.  Archive symbol-index ("/", "/SYM64/") and long-name
 * ("//") members are not counted. */
size_t elfimage_member_count(const ElfImage *img)
{
    return img ? img->nmembers : 0;
}

/* See elfimage.h.  The member image borrows the archive's bytes: free it
 * before the archive.  *out_name is owned by the archive image.  Messages
 * about the member are prefixed "archive(member): ". */
int elfimage_member_open(const ElfImage *img, size_t i, ElfImage **out,
                         const char **out_name, char *err, size_t errlen)
{
    *out = NULL;
    if (out_name)
        *out_name = NULL;
    if (!img || i >= img->nmembers)
        return elf_fail(err, errlen, img ? img->name : "?", -EINVAL, "no archive member %zu", i);
    const ArMember *m = &img->members[i];
    size_t n = strlen(img->name) + strlen(m->name) + 3;
    char *full = malloc(n);
    if (!full)
        return elf_fail(err, errlen, img->name, -ENOMEM, "out of memory");
    snprintf(full, n, "%s(%s)", img->name, m->name);
    int rc = elfimage_open_buf(img->buf + m->offset, (size_t)m->size, NULL, full, out, err, errlen);
    free(full);
    if (rc == 0 && out_name)
        *out_name = m->name;
    return rc;
}

/* See elfimage.h.  0 for an archive. */
uint16_t elfimage_type(const ElfImage *img)
{
    return img ? img->type : 0;
}

/* See elfimage.h. */
uint64_t elfimage_entry(const ElfImage *img)
{
    return img ? img->entry : 0;
}

/* See elfimage.h. */
uint32_t elfimage_flags(const ElfImage *img)
{
    return img ? img->flags : 0;
}

/* See elfimage.h.  PT_LOAD segments in program header order. */
size_t elfimage_segment_count(const ElfImage *img)
{
    return img ? img->nsegs : 0;
}

/* See elfimage.h.  NULL when i is out of range. */
const ElfSegment *elfimage_segment(const ElfImage *img, size_t i)
{
    return img && i < img->nsegs ? &img->segs[i] : NULL;
}

/* See elfimage.h. */
size_t elfimage_section_count(const ElfImage *img)
{
    return img ? img->nsecs : 0;
}

/* See elfimage.h.  NULL when i is out of range.  SHT_NULL sections have
 * size 0 and no data; names are "" when the file has no name table. */
const ElfSection *elfimage_section(const ElfImage *img, size_t i)
{
    return img && i < img->nsecs ? &img->secs[i] : NULL;
}

/* See elfimage.h. */
size_t elfimage_symbol_count(const ElfImage *img)
{
    return img ? img->nsyms : 0;
}

/* See elfimage.h.  NULL when i is out of range. */
const ElfSymbol *elfimage_symbol(const ElfImage *img, size_t i)
{
    return img && i < img->nsyms ? &img->syms[i] : NULL;
}

/* See elfimage.h.  O(log n) on an index sorted once at open.  The symbol
 * must be in section shndx (for every file type, as objdump requires when
 * it labels a section's code); shndx SHN_UNDEF means "any section" for
 * ET_EXEC/ET_DYN.  Among several candidates, the one objdump -d prints
 * (see elf_sym_rank); a section symbol only in a section without other
 * symbols (as objdump prints "<.text>" only then).
 * Besides FUNC/NOTYPE/SECTION symbols this also considers STT_OBJECT and
 * STT_GNU_IFUNC ones, as objdump does. */
const ElfSymbol *elfimage_symbol_at(const ElfImage *img, uint16_t shndx, uint64_t addr)
{
    if (!img || img->nkeys == 0)
        return NULL;
    if (shndx == SHN_UNDEF && img->type == ET_REL)
        return NULL;
    /* lower bound of (addr, shndx) */
    size_t lo = 0, hi = img->nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const SymKey *k = &img->keys[mid];
        if (k->value < addr || (k->value == addr && k->shndx < shndx))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= img->nkeys || img->keys[lo].value != addr)
        return NULL;
    if (shndx != SHN_UNDEF)
        return img->keys[lo].shndx == shndx ? &img->syms[img->keys[lo].sym] : NULL;
    const SymKey *best = &img->keys[lo];
    for (size_t i = lo + 1; i < img->nkeys && img->keys[i].value == addr; i++)
        if (elf_key_cmp_order(&img->keys[i], best, img->syms) < 0)
            best = &img->keys[i];
    return &img->syms[best->sym];
}

/*
 * ELF reader (on libelf): a guest program or object as FVP sees it.
 *
 * Accepts ELF64 little-endian EM_RISCV files of type ET_EXEC, ET_DYN and
 * (for the disassembler) ET_REL, and ar archives of such objects.  Every
 * offset and size is checked against the file; a file that fails any check
 * is refused with a one-line reason, never read out of bounds.
 */
#ifndef FVP_ELFIMAGE_H
#define FVP_ELFIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ElfImage ElfImage;

typedef struct ElfSegment {        /* a PT_LOAD program header */
    uint64_t vaddr, memsz;
    uint64_t offset, filesz;
    uint64_t align;
    uint32_t flags;                /* PF_R | PF_W | PF_X */
    const uint8_t *data;           /* filesz bytes of file contents */
} ElfSegment;

typedef struct ElfSection {
    const char *name;
    uint64_t addr, size;
    uint32_t type;                 /* SHT_* */
    uint64_t flags;                /* SHF_* */
    const uint8_t *data;           /* size bytes, NULL for SHT_NOBITS */
} ElfSection;

typedef struct ElfSymbol {
    const char *name;
    uint64_t value, size;
    uint8_t type;                  /* STT_* */
    uint8_t bind;                  /* STB_* */
    uint16_t shndx;                /* section index */
} ElfSymbol;

/*
 * Opens path.  On success stores a new image in *out and returns 0.
 * On failure returns a negative errno (-ENOENT, -EINVAL for malformed or
 * unsupported files, -ENOMEM) and writes a one-line reason, prefixed with
 * the path ("prog.elf: not an ELF file"), into err.
 * An ar archive opens as an image with members (see elfimage_member_*).
 */
int elfimage_open(const char *path, ElfImage **out, char *err, size_t errlen)
    __attribute__((warn_unused_result));

/* Same, on a memory buffer that must outlive the image; name for messages. */
int elfimage_open_mem(const void *buf, size_t len, const char *name,
                      ElfImage **out, char *err, size_t errlen)
    __attribute__((warn_unused_result));

void elfimage_free(ElfImage *img);

/* Archives: number of members (0 for a plain ELF file), and member i opened
 * as an image of its own (caller frees), with its name in *out_name. */
size_t elfimage_member_count(const ElfImage *img);
int elfimage_member_open(const ElfImage *img, size_t i, ElfImage **out,
                         const char **out_name, char *err, size_t errlen)
    __attribute__((warn_unused_result));

uint16_t elfimage_type(const ElfImage *img);     /* ET_EXEC, ET_DYN, ET_REL */
uint64_t elfimage_entry(const ElfImage *img);
uint32_t elfimage_flags(const ElfImage *img);    /* e_flags (EF_RISCV_*) */

size_t elfimage_segment_count(const ElfImage *img);
const ElfSegment *elfimage_segment(const ElfImage *img, size_t i);

size_t elfimage_section_count(const ElfImage *img);   /* index 0 is SHN_UNDEF */
const ElfSection *elfimage_section(const ElfImage *img, size_t i);

size_t elfimage_symbol_count(const ElfImage *img);    /* .symtab, else .dynsym */
const ElfSymbol *elfimage_symbol(const ElfImage *img, size_t i);

/* The symbol a disassembler labels addr with: a defined STT_FUNC/STT_NOTYPE
 * or section symbol whose value equals addr (in section shndx for ET_REL),
 * preferring global over local, or NULL. */
const ElfSymbol *elfimage_symbol_at(const ElfImage *img, uint16_t shndx, uint64_t addr);

#endif /* FVP_ELFIMAGE_H */

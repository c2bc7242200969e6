/*
 * Code discovery for the ahead-of-time translator: which guest code to
 * translate and how it splits into functions and blocks.
 *
 * Roots: the ELF entry point, every defined STT_FUNC symbol in an executable
 * section, the initial locations of .eh_frame FDEs (stripped binaries), and
 * extra PCs from the caller (a --profile file).  From each root, recursive
 * traversal over the lifted IR: conditional branches (IR_BRANCH side exits
 * and the fall-through), direct jumps, direct calls (the callee becomes a
 * root; the return site stays in the caller), ecall / fence.i (the next
 * instruction stays in the function), and indirect jumps whose jump table
 * was recovered (the table's targets stay in the function).  Returns and
 * other indirect jumps end a path.
 *
 * Every address is a guest address after the load bias (static-pie programs
 * are translated at GUEST_PIE_BASE, where the loader puts them).
 */
#ifndef FVP_DISCOVER_H
#define FVP_DISCOVER_H

#include <stddef.h>
#include <stdint.h>

#include "elf/elfimage.h"
#include "frontend.h"

/* Block flags. */
enum {
    XLAT_BLK_ENTRY   = 1u << 0, /* the function's own entry */
    XLAT_BLK_RETSITE = 1u << 1, /* follows a call: a return lands here */
    XLAT_BLK_RESUME  = 1u << 2, /* follows an ecall / fence.i: the dispatcher resumes here */
    XLAT_BLK_JTARGET = 1u << 3, /* target of a recovered jump table */
    XLAT_BLK_ROOT    = 1u << 4, /* also a root (symbol/FDE/profile) inside this function */
    XLAT_BLK_REGION  = 1u << 5, /* entered from another region of a split function */
};

typedef struct XlatBlock {
    uint64_t pc;        /* first instruction */
    uint32_t ninsns;    /* instructions until the block's own end or the next
                           leader of the function (lift with max_insns = ninsns:
                           the lifted block ends there naturally, or with
                           IR_EXIT_LIMIT to the next leader) */
    uint32_t flags;     /* XLAT_BLK_* */
} XlatBlock;

/* How a bounded jump table is indexed (XLAT_JT_BOUNDED with the entry load in the
 * jump's own block): the load at load_pc reads entry i at table + i * size, and
 * entry i sends the jump to target[i]. */
typedef struct XlatJtIndex {
    uint64_t load_pc;   /* 0: not known */
    uint64_t table;
    uint8_t size;       /* 4 or 8 */
    uint64_t *target;   /* [n] */
    size_t n;
} XlatJtIndex;

/* A recovered jump table: the indirect jump at jr_pc goes to one of targets. */
typedef struct XlatJumpTable {
    uint64_t jr_pc;     /* pc of the jalr (or c.jr) */
    uint64_t *targets;  /* sorted, unique, each a block of the function (or, in a split
                           function, a region entry of another of its regions) */
    size_t ntargets;
    XlatJtIndex ix;     /* ix.target[i]: 0 where that target is not one of targets */
} XlatJumpTable;

typedef struct XlatFunc {
    uint64_t entry;         /* guest pc */
    char *name;             /* symbol name, or NULL (then "f_<hex pc>") */
    XlatBlock *blocks;      /* sorted by pc, unique; blocks[i].pc == entry for one i */
    size_t nblocks;
    XlatJumpTable *jts;     /* sorted by jr_pc */
    size_t njts;
    uint64_t ninsns;        /* sum of blocks' ninsns */
} XlatFunc;

/* A block entered from another region (XLAT_BLK_REGION) and its function. */
typedef struct XlatRegionEntry {
    uint64_t pc;
    uint32_t func;          /* index into XlatProgram.funcs */
} XlatRegionEntry;

typedef struct XlatProgram {
    XlatFunc *funcs;        /* sorted by entry, unique entries */
    size_t nfuncs;
    XlatRegionEntry *xentries; /* sorted by pc (see xlat_split_regions) */
    size_t nxentries;
    uint64_t load_bias;     /* 0, or GUEST_PIE_BASE for ET_DYN */
    uint64_t entry;         /* ELF entry + bias */
    /* statistics */
    size_t nroots_symbols, nroots_fde, nroots_extra;
    size_t ncandidates;     /* reachable_only: symbol/FDE entries seen */
    size_t nroots_addr;     /* reachable_only: roots only address-taken, never called */
    size_t njump_tables;
    uint64_t ninsns;        /* distinct guest instructions covered */
} XlatProgram;

typedef struct XlatDiscoverOpts {
    const uint64_t *extra_roots;   /* e.g. from --profile; may be NULL */
    size_t nextra_roots;
    unsigned max_block_insns;      /* 0: default 256 */
    int use_symbols;               /* nonzero (default): symbols as roots */
    int use_eh_frame;              /* nonzero (default): FDEs as roots */
    /* Nonzero: symbol and FDE entries are only candidates; one becomes a
     * root when it is reachable: called or jumped to from explored code, or
     * its address taken (a constant computed in explored code, or a word in
     * a loaded segment).  Ignored for ET_DYN (addresses live in relocations). */
    int reachable_only;
    unsigned max_func_insns;       /* functions above this are split into regions
                                      (0: default XLAT_REGION_INSNS; UINT_MAX: never) */
} XlatDiscoverOpts;

enum { XLAT_REGION_INSNS = 1500 };

/* Reads guest code of img (PT_LOAD segments with PF_X, at vaddr + bias). */
size_t xlat_read_code(void *img_ctx, uint64_t pc, uint8_t *buf, size_t n);

/* Context for xlat_read_code: the image and its bias. */
typedef struct XlatCode {
    const ElfImage *img;
    uint64_t bias;
} XlatCode;

/*
 * Discovers the functions of a static (ET_EXEC) or static-pie (ET_DYN)
 * executable.  Roots outside executable segments are dropped silently;
 * malformed input never crashes.  Returns 0, or -errno with a one-line
 * reason in err (-EINVAL: not an executable / no executable segment,
 * -ENOMEM).
 */
int xlat_discover(const ElfImage *img, const FvpFrontend *fe, const XlatDiscoverOpts *opts,
                  XlatProgram *out, char *err, size_t errlen)
    __attribute__((warn_unused_result));

void xlat_program_free(XlatProgram *p);

/* Binary search in base[0..n) (elements of size bytes, sorted by a leading
 * uint64_t key): the element with key, or NULL. */
const void *xlat_find_keyed(const void *base, size_t n, size_t size, uint64_t key);

/* The function with this entry, or NULL (binary search). */
const XlatFunc *xlat_find_func(const XlatProgram *p, uint64_t entry);

/*
 * Splits every function of more than max_insns instructions into regions of
 * about max_insns (translator/regions.c); fills p->xentries.  xlat_discover
 * calls it.  Returns 0 or -ENOMEM.
 */
int xlat_split_regions(XlatProgram *p, const FvpFrontend *fe, const XlatCode *code,
                       unsigned max_insns) __attribute__((warn_unused_result));

/* The function to enter for pc from another function: the one with entry pc,
 * or the region with a region entry at pc; NULL if none. */
const XlatFunc *xlat_find_region(const XlatProgram *p, uint64_t pc);

/* Whether insn k of blk (an IR_EXIT) leaves for a constant pc, a CONST temp defined in the
 * block (*pc: that pc). */
bool xlat_exit_target(const IrBlock *blk, uint32_t k, uint64_t *pc);

/* Stores the constant targets of blk's branches and exits in out, at most
 * max of them (a block has one or two in practice); returns how many it
 * stored.  A target left out only costs a trip through the dispatcher. */
size_t xlat_block_targets(const IrBlock *blk, uint64_t *out, size_t max);

/* The block of f starting at pc, or NULL (binary search). */
const XlatBlock *xlat_find_block(const XlatFunc *f, uint64_t pc);

/* The jump table of f at jr_pc, or NULL. */
const XlatJumpTable *xlat_find_jt(const XlatFunc *f, uint64_t jr_pc);

/* Frees what jt points to (not jt itself). */
void xlat_jt_free(XlatJumpTable *jt);

#endif /* FVP_DISCOVER_H */

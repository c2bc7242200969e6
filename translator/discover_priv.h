/*
 * Internals shared by discover.c and the ISA-specific jump-table recovery
 * (riscv64_jt.c).  Not part of the translator's public interface.
 */
#ifndef FVP_DISCOVER_PRIV_H
#define FVP_DISCOVER_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "translator/discover.h"

enum {
    XLAT_JT_MAX_ENTRIES = 4096, /* longer tables are not believed */
};

/* How much a recovered jump table can be trusted. */
enum {
    XLAT_JT_NONE = 0,    /* no table recognised */
    XLAT_JT_SCANNED = 1, /* table found, length guessed by scanning entries */
    XLAT_JT_BOUNDED = 2, /* length from the bounds check before the jump */
};

/* Copies n bytes at guest address addr (after bias) from the file-backed
 * part of any PT_LOAD segment.  Returns false when any byte is not there. */
bool xlat_read_data(const ElfImage *img, uint64_t bias, uint64_t addr, void *buf, size_t n);

/* The PF_X segment whose file-backed bytes hold guest pc, or NULL. */
const ElfSegment *xlat_exec_segment(const ElfImage *img, uint64_t bias, uint64_t pc);

struct XlatRegConsts;

/*
 * RISC-V jump-table recovery.  pcs[0..npcs) are the instruction addresses
 * of a path ending with the indirect jump (pcs[npcs-1]); the first pred_n
 * of them are predecessor blocks, each ending with a conditional branch
 * whose fall-through is the next instruction of the path (that is where
 * the bounds check usually is).  On success *out_targets (malloc'd,
 * sorted, unique, each 2-aligned in the jump's executable segment) and
 * *out_n are set.  Returns an XLAT_JT_* quality (XLAT_JT_NONE: nothing
 * recognised, outputs untouched) or -ENOMEM.  seed (may be NULL): registers
 * known to be constants when the path starts.  ix (may be NULL) is set for a
 * bounded table whose entry load is in the jump's block (ix->target malloc'd;
 * else zeroed).
 */
int xlat_rv64_jt_recover(const XlatCode *code, const uint64_t *pcs, size_t npcs, size_t pred_n,
                         const struct XlatRegConsts *seed, uint64_t **out_targets, size_t *out_n,
                         XlatJtIndex *ix);

/* Registers known to hold a constant (x0..x31). */
typedef struct XlatRegConsts {
    bool known[32];
    uint64_t value[32];
} XlatRegConsts;

/*
 * Registers a block (instructions at pcs[0..npcs)) writes: written[r], and
 * in out the ones whose value at the block's end is a constant computed in
 * the block (lui/auipc/li/addi chains).  A call (jal/jalr with a link
 * register) counts as writing every caller-saved register.  Passed as the
 * seed of xlat_rv64_jt_recover (a register that every block of a function
 * that writes it leaves holding the same constant has that value wherever
 * the function jumps through a table: gcc hoists a switch's table address
 * and bound out of loops into the entry block).
 */
void xlat_rv64_block_consts(const XlatCode *code, const uint64_t *pcs, size_t npcs,
                            bool written[32], XlatRegConsts *out);

#endif /* FVP_DISCOVER_PRIV_H */

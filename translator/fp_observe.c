/*
 * Whether a program can observe the FP environment (contract in fp_observe.h, D31).
 */
#include "translator/fp_observe.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "riscv64/rv64_helpers.h"

enum { CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003, CSR_INSTRET = 0xc02 };

/* What a temp or register holds: a value read from fflags or fcsr (or computed from one). */
enum { V_FFLAGS = 1, V_FCSR = 2 };

enum { NREGS = 64 };

typedef struct Scan {
    uint8_t *val;              /* per temp: V_* */
    int64_t *konst;            /* per temp: its CONST value, or -1 */
    uint8_t reg[NREGS];        /* per register: V_* of the value it holds */
    bool consumed[NREGS];      /* that value was written back to fflags/fcsr */
} Scan;

static int64_t csr_of(const Scan *s, const IrBlock *b, IrTemp t)
{
    return t != IR_NO_TEMP && t < b->ntemps ? s->konst[t] : -1;
}

/* The scan proper; s's arrays hold b->ntemps entries. */
static bool observes(Scan *s, const IrBlock *b)
{
    memset(s->val, 0, b->ntemps);
    for (uint32_t t = 0; t < b->ntemps; t++)
        s->konst[t] = -1;
    memset(s->reg, 0, sizeof s->reg);
    memset(s->consumed, 0, sizeof s->consumed);
    /* the register each GET temp came from, to mark its value consumed */
    for (uint32_t k = 0; k < b->ninsns; k++) {
        const IrInsn *in = &b->insns[k];
        uint8_t v = 0;
        switch (in->op) {
        case IR_INSN:
        case IR_FENCE:
            break;
        case IR_CONST:
            if (in->dst < b->ntemps)
                s->konst[in->dst] = in->imm;
            break;
        case IR_GET:
            if (in->imm >= 0 && in->imm < NREGS)
                v = s->reg[in->imm];
            break;
        case IR_SET:
            if (in->imm >= 0 && in->imm < NREGS && in->args[0] < b->ntemps) {
                s->reg[in->imm] = s->val[in->args[0]];
                s->consumed[in->imm] = false;
            }
            break;
        case IR_CALL: {
            int64_t csr = in->nargs > 0 ? csr_of(s, b, in->args[0]) : -1;
            if (in->imm == RV_HELPER_csr_read) {
                v = csr == CSR_FFLAGS ? V_FFLAGS : csr == CSR_FCSR ? V_FCSR : 0;
                if (csr < 0)
                    return true;
                break;
            }
            if (in->imm == RV_HELPER_csr_write) {
                IrTemp x = in->args[1];
                uint8_t xv = x < b->ntemps ? s->val[x] : 0;
                if (csr < 0 || csr == CSR_FRM || (csr == CSR_FCSR && xv != V_FCSR))
                    return true; /* the rounding mode may change */
                if (xv && csr != CSR_FFLAGS && csr != CSR_FCSR)
                    return true; /* flags copied to another CSR */
                if (xv) {
                    /* written back: the registers holding that value are spent */
                    for (uint32_t j = 0; j < k; j++)
                        if (b->insns[j].op == IR_GET && b->insns[j].dst == x &&
                            b->insns[j].imm >= 0 && b->insns[j].imm < NREGS)
                            s->consumed[b->insns[j].imm] = true;
                }
                break;
            }
            for (unsigned a = 0; a < in->nargs && a < 4; a++)
                if (in->args[a] < b->ntemps && s->val[in->args[a]])
                    return true;
            break;
        }
        case IR_LOAD:
        case IR_STORE:
        case IR_BRANCH:
        case IR_EXIT:
        case IR_CMP:
        case IR_SELECT:
            for (unsigned a = 0; a < in->nargs && a < 4; a++)
                if (in->args[a] != IR_NO_TEMP && in->args[a] < b->ntemps && s->val[in->args[a]])
                    return true;
            break;
        default: /* arithmetic: the value is followed */
            for (unsigned a = 0; a < in->nargs && a < 4; a++)
                if (in->args[a] != IR_NO_TEMP && in->args[a] < b->ntemps)
                    v |= s->val[in->args[a]];
            break;
        }
        if (in->dst != IR_NO_TEMP && in->dst < b->ntemps && in->op != IR_CONST)
            s->val[in->dst] = v;
    }
    for (unsigned r = 0; r < NREGS; r++)
        if (s->reg[r] && !s->consumed[r])
            return true; /* a copy leaves the block unconsumed */
    return false;
}

static int scan_alloc(Scan *s, uint32_t ntemps)
{
    s->val = malloc(ntemps ? ntemps : 1);
    s->konst = malloc((ntemps ? ntemps : 1) * sizeof *s->konst);
    return s->val && s->konst ? 0 : -ENOMEM;
}

static void scan_free(Scan *s)
{
    free(s->val);
    free(s->konst);
}

bool xlat_fp_block_observes(const IrBlock *b)
{
    Scan s;
    bool r = scan_alloc(&s, b->ntemps) != 0 || observes(&s, b);
    scan_free(&s);
    return r;
}

bool xlat_block_reads_instret(const IrBlock *b)
{
    for (uint32_t k = 0; k < b->ninsns; k++) {
        const IrInsn *in = &b->insns[k];
        if (in->op != IR_CALL || in->imm != RV_HELPER_csr_read)
            continue;
        /* the CSR number is a constant (lower.c); anything else counts as a read */
        int64_t csr = -1;
        for (uint32_t j = 0; j < k && in->nargs > 0; j++)
            if (b->insns[j].op == IR_CONST && b->insns[j].dst == in->args[0])
                csr = b->insns[j].imm;
        if (csr < 0 || (csr & 0xfff) == CSR_INSTRET)
            return true;
    }
    return false;
}

int xlat_env_observed(const XlatProgram *prog, const FvpFrontend *fe, const XlatCode *code,
                      bool want_fp, bool want_instret, XlatObserved *out)
{
    memset(out, 0, sizeof *out);
    IrBlock blk;
    ir_block_init(&blk, fe->ir_env, 0);
    int rc = 0;
    for (size_t i = 0; i < prog->nfuncs && rc == 0; i++) {
        const XlatFunc *f = &prog->funcs[i];
        for (size_t j = 0; j < f->nblocks; j++) {
            if ((!want_fp || out->fp) && (!want_instret || out->instret))
                goto done;
            if (fvp_lift_block(fe, xlat_read_code, (void *)code, f->blocks[j].pc,
                               f->blocks[j].ninsns, &blk) != 0) {
                rc = -ENOMEM;
                break;
            }
            if (want_fp && !out->fp && xlat_fp_block_observes(&blk)) {
                out->fp = true;
                out->fp_pc = f->blocks[j].pc;
            }
            if (want_instret && !out->instret && xlat_block_reads_instret(&blk)) {
                out->instret = true;
                out->instret_pc = f->blocks[j].pc;
            }
        }
    }
done:
    ir_block_free(&blk);
    return rc;
}

/* vm — an interpreter loop: a register bytecode machine with switch dispatch (a jump table
 * in the compiled code), running two small programs: counting primes by trial division and
 * Collatz sequence lengths.
 *
 * Check: the same quantities computed directly in C (a sieve; a plain Collatz loop). */
#include "bench.h"
#include <string.h>

#define PRIME_LIMIT 10000     /* primes below this, per unit */
#define COLLATZ_LIMIT 6000    /* Collatz lengths of 1..this, per unit */

enum { LI, MOV, ADD, ADDI, MUL, MOD, AND, SHRI, JGE, JGT, JZ, JNZ, JMP, HALT };
typedef struct { uint8_t op, a, b, c; int32_t imm; } Insn;

/* Runs `code` from index 0 with registers `r` until HALT. */
static __attribute__((noinline)) void vm_run(const Insn *code, int64_t *r)
{
    for (const Insn *pc = code;; pc++) {
        switch (pc->op) {
        case LI:   r[pc->a] = pc->imm; break;
        case MOV:  r[pc->a] = r[pc->b]; break;
        case ADD:  r[pc->a] = r[pc->b] + r[pc->c]; break;
        case ADDI: r[pc->a] = r[pc->b] + pc->imm; break;
        case MUL:  r[pc->a] = r[pc->b] * r[pc->c]; break;
        case MOD:  r[pc->a] = r[pc->b] % r[pc->c]; break;
        case AND:  r[pc->a] = r[pc->b] & pc->imm; break;
        case SHRI: r[pc->a] = r[pc->b] >> pc->imm; break;
        case JGE:  if (r[pc->a] >= r[pc->b]) pc = code + pc->imm - 1; break;
        case JGT:  if (r[pc->a] > r[pc->b]) pc = code + pc->imm - 1; break;
        case JZ:   if (r[pc->a] == 0) pc = code + pc->imm - 1; break;
        case JNZ:  if (r[pc->a] != 0) pc = code + pc->imm - 1; break;
        case JMP:  pc = code + pc->imm - 1; break;
        case HALT: return;
        }
    }
}

/* r5 = number of primes below r1, r6 = their sum. */
static const Insn primes_code[] = {
    /*  0 */ { LI, 0, 0, 0, 2 },             /* n = 2 */
    /*  1 */ { LI, 5, 0, 0, 0 },
    /*  2 */ { LI, 6, 0, 0, 0 },
    /*  3 */ { JGE, 0, 1, 0, 15 },           /* loop_n: n >= limit -> done */
    /*  4 */ { LI, 2, 0, 0, 2 },             /* d = 2 */
    /*  5 */ { MUL, 3, 2, 2, 0 },            /* loop_d: d*d > n -> prime */
    /*  6 */ { JGT, 3, 0, 0, 11 },
    /*  7 */ { MOD, 4, 0, 2, 0 },
    /*  8 */ { JZ, 4, 0, 0, 13 },            /* d divides n -> next */
    /*  9 */ { ADDI, 2, 2, 0, 1 },
    /* 10 */ { JMP, 0, 0, 0, 5 },
    /* 11 */ { ADDI, 5, 5, 0, 1 },           /* prime: count++, sum += n */
    /* 12 */ { ADD, 6, 6, 0, 0 },
    /* 13 */ { ADDI, 0, 0, 0, 1 },           /* next: n++ */
    /* 14 */ { JMP, 0, 0, 0, 3 },
    /* 15 */ { HALT, 0, 0, 0, 0 },
};

/* r5 = sum of Collatz lengths of 1..r1, r6 = the longest. */
static const Insn collatz_code[] = {
    /*  0 */ { LI, 0, 0, 0, 1 },             /* n = 1 */
    /*  1 */ { LI, 5, 0, 0, 0 },
    /*  2 */ { LI, 6, 0, 0, 0 },
    /*  3 */ { JGT, 0, 1, 0, 21 },           /* loop_n: n > limit -> done */
    /*  4 */ { MOV, 2, 0, 0, 0 },            /* x = n */
    /*  5 */ { LI, 3, 0, 0, 0 },             /* steps = 0 */
    /*  6 */ { ADDI, 4, 2, 0, -1 },          /* loop_x: x == 1 -> end */
    /*  7 */ { JZ, 4, 0, 0, 16 },
    /*  8 */ { ADDI, 3, 3, 0, 1 },
    /*  9 */ { AND, 4, 2, 0, 1 },
    /* 10 */ { JNZ, 4, 0, 0, 13 },
    /* 11 */ { SHRI, 2, 2, 0, 1 },           /* even: x /= 2 */
    /* 12 */ { JMP, 0, 0, 0, 6 },
    /* 13 */ { MUL, 2, 2, 7, 0 },            /* odd: x = 3x + 1 (r7 = 3) */
    /* 14 */ { ADDI, 2, 2, 0, 1 },
    /* 15 */ { JMP, 0, 0, 0, 6 },
    /* 16 */ { ADD, 5, 5, 3, 0 },            /* end: total += steps, longest = max */
    /* 17 */ { JGT, 6, 3, 0, 19 },
    /* 18 */ { MOV, 6, 3, 0, 0 },
    /* 19 */ { ADDI, 0, 0, 0, 1 },
    /* 20 */ { JMP, 0, 0, 0, 3 },
    /* 21 */ { HALT, 0, 0, 0, 0 },
};

int main(int argc, char **argv)
{
    int units = bench_init("vm", argc, argv);

    /* Reference values, computed directly. */
    char *composite = bench_alloc(PRIME_LIMIT);
    memset(composite, 0, PRIME_LIMIT);
    int64_t ref_count = 0, ref_sum = 0;
    for (int64_t n = 2; n < PRIME_LIMIT; n++) {
        if (composite[n])
            continue;
        ref_count++;
        ref_sum += n;
        for (int64_t m = n * n; m < PRIME_LIMIT; m += n)
            composite[m] = 1;
    }
    free(composite);
    int64_t ref_total = 0, ref_longest = 0;
    for (int64_t n = 1; n <= COLLATZ_LIMIT; n++) {
        int64_t steps = 0;
        for (int64_t x = n; x != 1; steps++)
            x = (x & 1) ? 3 * x + 1 : x / 2;
        ref_total += steps;
        if (steps > ref_longest)
            ref_longest = steps;
    }

    int64_t r[8] = { 0 };
    for (int u = 0; u < units && !bench_failures; u++) {
        memset(r, 0, sizeof r);
        r[1] = PRIME_LIMIT;
        BENCH_CLOBBER(r);
        vm_run(primes_code, r);
        bench_check(r[5] == ref_count && r[6] == ref_sum,
                    "unit %d: primes below %d: vm says %" PRId64 " (sum %" PRId64 "), sieve %"
                    PRId64 " (sum %" PRId64 ")", u, PRIME_LIMIT, r[5], r[6], ref_count, ref_sum);
        memset(r, 0, sizeof r);
        r[1] = COLLATZ_LIMIT;
        r[7] = 3;
        BENCH_CLOBBER(r);
        vm_run(collatz_code, r);
        bench_check(r[5] == ref_total && r[6] == ref_longest,
                    "unit %d: Collatz 1..%d: vm says total %" PRId64 " longest %" PRId64
                    ", direct total %" PRId64 " longest %" PRId64, u, COLLATZ_LIMIT, r[5], r[6],
                    ref_total, ref_longest);
    }
    return bench_finish("%d units, %" PRId64 " primes, Collatz total %" PRId64, units, ref_count,
                        ref_total);
}

/* Dense switch statements that gcc -O2 lowers to jump tables (index from 0,
 * with an offset and holes, on a char, inside a bytecode loop) plus a
 * computed-goto dispatch table.  Each is checked against a reference built
 * from a table of function pointers (no switch in it).  Code discovery's
 * jump-table recovery is tested on this program (test_discover.c).
 * Two hand-written tables sit in .text, where fvp-xlat switches on the entry
 * index (docs D38): one indexed at twice its entry size (every other entry
 * used), and one the program rewrites at run time (mprotect), after which the
 * jump must follow the new entry. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline))

static int failures;

static void check(const char *what, long got, long want, int i)
{
    if (got != want) {
        printf("FAIL %s[%d]: got %ld, want %ld\n", what, i, got, want);
        failures++;
    }
}

/* ---- reference operations (called through pointers: never a switch) ---- */
typedef long (*Op)(long);
NOINLINE static long op0(long y) { return y + 1; }
NOINLINE static long op1(long y) { return y * 3; }
NOINLINE static long op2(long y) { return y - 7; }
NOINLINE static long op3(long y) { return y ^ 0x55; }
NOINLINE static long op4(long y) { return y << 2; }
NOINLINE static long op5(long y) { return y / 3; }
NOINLINE static long op6(long y) { return y % 7; }
NOINLINE static long op7(long y) { return ~y; }
NOINLINE static long op8(long y) { return y * y; }
NOINLINE static long op9(long y) { return y >> 1; }
NOINLINE static long opd(long y) { (void)y; return -1; }
static Op const ops[] = { op0, op1, op2, op3, op4, op5, op6, op7, op8, op9 };

NOINLINE static long sw_dense(int x, long y)
{
    switch (x) {
    case 0: return y + 1;
    case 1: return y * 3;
    case 2: return y - 7;
    case 3: return y ^ 0x55;
    case 4: return y << 2;
    case 5: return y / 3;
    case 6: return y % 7;
    case 7: return ~y;
    case 8: return y * y;
    case 9: return y >> 1;
    default: return -1;
    }
}

/* Cases 100..111 without 101 and 105. */
NOINLINE static long sw_offset(unsigned x, long y)
{
    switch (x) {
    case 100: return y * 3;
    case 102: return y ^ 0x55;
    case 103: return y << 2;
    case 104: return y / 3;
    case 106: return ~y;
    case 107: return y * y;
    case 108: return y >> 1;
    case 109: return y + 1;
    case 110: return y - 7;
    case 111: return y % 7;
    default: return -1;
    }
}

static long ref_offset(unsigned x, long y)
{
    static const signed char map[12] = { 1, -1, 3, 4, 5, -1, 7, 8, 9, 0, 2, 6 };
    if (x < 100 || x > 111 || map[x - 100] < 0)
        return opd(y);
    return ops[(int)map[x - 100]](y);
}

NOINLINE static long sw_char(unsigned char c, long y)
{
    switch (c) {
    case 'a': return y + 1;
    case 'b': return y * 3;
    case 'c': return y - 7;
    case 'd': return y ^ 0x55;
    case 'e': return y << 2;
    case 'f': return y / 3;
    case 'g': return y % 7;
    case 'h': return ~y;
    case 'i': return y * y;
    case 'j': return y >> 1;
    default: return -1;
    }
}

/* A bytecode interpreter: the switch sits in a loop. */
NOINLINE static long sw_loop(const unsigned char *code, int n, long acc)
{
    for (int pc = 0; pc < n; pc++) {
        switch (code[pc]) {
        case 0: acc = acc + 1; break;
        case 1: acc = acc * 3; break;
        case 2: acc = acc - 7; break;
        case 3: acc = acc ^ 0x55; break;
        case 4: acc = acc << 2; break;
        case 5: acc = acc / 3; break;
        case 6: acc = acc % 7; break;
        case 7: acc = ~acc; break;
        case 8: acc = acc * acc % 1000003; break;
        case 9: acc = acc >> 1; break;
        default: acc = -acc; break;
        }
    }
    return acc;
}

static long ref_loop(const unsigned char *code, int n, long acc)
{
    for (int pc = 0; pc < n; pc++) {
        unsigned op = code[pc];
        if (op == 8)
            acc = acc * acc % 1000003;
        else if (op < 10)
            acc = ops[op](acc);
        else
            acc = -acc;
    }
    return acc;
}

/* Labels as values: a table of code addresses. */
NOINLINE static long goto_table(const unsigned char *code, int n, long acc)
{
    static void *const tbl[] = { &&l_inc, &&l_mul, &&l_sub, &&l_xor, &&l_end };
    int pc = 0;
#define NEXT() goto *tbl[pc < n ? code[pc++] % 4 : 4]
    NEXT();
l_inc:
    acc += 1;
    NEXT();
l_mul:
    acc *= 3;
    NEXT();
l_sub:
    acc -= 7;
    NEXT();
l_xor:
    acc ^= 0x55;
    NEXT();
l_end:
#undef NEXT
    return acc;
}

static long ref_goto(const unsigned char *code, int n, long acc)
{
    for (int pc = 0; pc < n; pc++)
        acc = ops[code[pc] % 4 == 3 ? 3 : code[pc] % 4](acc);
    return acc;
}

/* long asm_jt(long i): 10 * (i + 1) for i in 0..3, else -1; a table of 4-byte
 * relative entries in .text, index scaled by 4.  asm_jt_wide(long i): the same
 * through a table of 8 entries indexed by i * 8 (entries 1, 3, 5, 7 are decoys). */
#define ASM_CASES                                                                          \
    "1: li a0, 10\n  ret\n"                                                                 \
    "2: li a0, 20\n  ret\n"                                                                 \
    "3: li a0, 30\n  ret\n"                                                                 \
    "4: li a0, 40\n  ret\n"
__asm__(".text\n"
        ".globl asm_jt\n"
        ".type asm_jt, @function\n"
        "asm_jt:\n"
        "  li t0, 4\n"
        "  bgeu a0, t0, 9f\n"
        "  lla t1, asm_jt_table\n"
        "  slli t2, a0, 2\n"
        "  add t2, t2, t1\n"
        "  lw t2, 0(t2)\n"
        "  add t2, t2, t1\n"
        "  jr t2\n"
        ASM_CASES
        "9: li a0, -1\n  ret\n"
        ".balign 4\n"
        ".globl asm_jt_table\n"
        "asm_jt_table:\n"
        "  .word 1b - asm_jt_table, 2b - asm_jt_table, 3b - asm_jt_table, 4b - asm_jt_table\n"
        ".size asm_jt, . - asm_jt\n"
        ".globl asm_jt_wide\n"
        ".type asm_jt_wide, @function\n"
        "asm_jt_wide:\n"
        "  li t0, 4\n"
        "  bgeu a0, t0, 9f\n"
        "  lla t1, 8f\n"
        "  slli t2, a0, 3\n"
        "  add t2, t2, t1\n"
        "  lw t2, 0(t2)\n"
        "  add t2, t2, t1\n"
        "  jr t2\n"
        ASM_CASES
        "5: li a0, -5\n  ret\n"
        "9: li a0, -1\n  ret\n"
        ".balign 4\n"
        "8: .word 1b - 8b, 5b - 8b, 2b - 8b, 5b - 8b, 3b - 8b, 5b - 8b, 4b - 8b, 5b - 8b\n"
        ".size asm_jt_wide, . - asm_jt_wide\n");
long asm_jt(long i);
long asm_jt_wide(long i);
extern int asm_jt_table[4];

static long ref_asm(long i)
{
    return i >= 0 && i < 4 ? 10 * (i + 1) : -1;
}

/* Entry 1 of asm_jt's table made to send index 1 where index 3 goes. */
static void rewrite_asm_table(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    char *page = (char *)((unsigned long)asm_jt_table & ~(unsigned long)(pg - 1));
    size_t len = (size_t)((char *)(asm_jt_table + 4) - page);
    if (mprotect(page, len, PROT_READ | PROT_WRITE | PROT_EXEC) != 0) {
        printf("FAIL mprotect RWX\n");
        failures++;
        return;
    }
    asm_jt_table[1] = asm_jt_table[3];
    if (mprotect(page, len, PROT_READ | PROT_EXEC) != 0) {
        printf("FAIL mprotect RX\n");
        failures++;
    }
    __builtin___clear_cache(page, (char *)(asm_jt_table + 4));
}

int main(int argc, char **argv)
{
    (void)argv;
    long seed = 12345 + argc;
    for (int x = -3; x < 14; x++)
        for (long y = -20; y < 20; y += 7)
            check("dense", sw_dense(x, y * seed), x >= 0 && x < 10 ? ops[x](y * seed) : -1, x);
    for (unsigned x = 95; x < 116; x++)
        check("offset", sw_offset(x, seed + x), ref_offset(x, seed + x), (int)x);
    for (int c = 0; c < 256; c++)
        check("char", sw_char((unsigned char)c, seed - c),
              c >= 'a' && c <= 'j' ? ops[c - 'a'](seed - c) : -1, c);

    unsigned char code[200];
    unsigned s = 1;
    for (int i = 0; i < 200; i++) {
        s = s * 1103515245u + 12345u;
        code[i] = (unsigned char)((s >> 16) % 12);
    }
    check("loop", sw_loop(code, 200, seed), ref_loop(code, 200, seed), 0);
    check("goto", goto_table(code, 200, seed), ref_goto(code, 200, seed), 0);

    for (long i = -2; i < 7; i++) {
        check("asm", asm_jt(i), ref_asm(i), (int)i);
        check("asm_wide", asm_jt_wide(i), ref_asm(i), (int)i);
    }
    /* last: under fvp-xlat, the rewrite switches translated code off */
    rewrite_asm_table();
    for (long i = 0; i < 4; i++)
        check("asm_rewritten", asm_jt(i), ref_asm(i == 1 ? 3 : i), (int)i);

    printf("loop %ld goto %ld\n", sw_loop(code, 200, seed), goto_table(code, 200, seed));
    printf("prog_switch: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}

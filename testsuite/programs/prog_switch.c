/* Dense switch statements that gcc -O2 lowers to jump tables (index from 0,
 * with an offset and holes, on a char, inside a bytecode loop) plus a
 * computed-goto dispatch table.  Each is checked against a reference built
 * from a table of function pointers (no switch in it).  Code discovery's
 * jump-table recovery is tested on this program (test_discover.c). */
#include <stdio.h>
#include <stdlib.h>

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

    printf("loop %ld goto %ld\n", sw_loop(code, 200, seed), goto_table(code, 200, seed));
    printf("prog_switch: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}

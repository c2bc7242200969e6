/* branchy — branchy control flow: a lexer for a C-like language over pseudo-random source
 * text, written as a character-at-a-time state machine (a switch on the state, then tests on
 * the character: data-dependent, badly predictable branches).
 *
 * Check: a second lexer written differently (one loop per token, class table) must find the
 * same token counts, and the counts must equal those of a native x86-64 run. */
#include "bench.h"
#include <string.h>

#define TEXT_SIZE 65536
#define PASSES 44            /* lexer passes over the text per unit */

enum { T_IDENT, T_NUMBER, T_STRING, T_COMMENT, T_OP1, T_OP2, T_LINE, T_KINDS };
typedef struct {
    uint32_t n[T_KINDS];
    uint32_t numsum;          /* sum of the numbers' values, mod 2^32 */
    uint32_t identhash;       /* order-dependent hash of the identifiers' lengths */
} Counts;

/* Token counts of one unit, from a native x86-64 run (identical under qemu-riscv64). */
static const uint32_t expected_n[T_KINDS] = { 3436, 1228, 775, 787, 1557, 847, 1202 };

/* Pseudo-random text: words, numbers, operators, strings and comments in plausible
 * proportions, so every lexer state is visited and the branch pattern is irregular. */
static void text_make(char *text, size_t size)
{
    static const char *ops[] = { "+", "-", "*", "/", "=", "<", ">", "!", "&", "|", ";", ",",
                                 "(", ")", "{", "}", "==", "<=", ">=", "!=", "&&", "||", "++",
                                 "--" };
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";
    uint64_t seed = 7;
    size_t i = 0;
    while (i + 40 < size) {
        uint64_t r = bench_rand(&seed);
        int len = 1 + (int)((r >> 8) % 12);
        switch (r % 16) {
        case 0: case 1: case 2: case 3: case 4:           /* identifier */
            text[i++] = alnum[(r >> 16) % 53];
            for (int k = 1; k < len; k++)
                text[i++] = alnum[bench_rand(&seed) % 63];
            break;
        case 5: case 6:                                   /* number */
            for (int k = 0; k < len; k++)
                text[i++] = (char)('0' + bench_rand(&seed) % 10);
            break;
        case 7: case 8: case 9: {                         /* operator */
            const char *op = ops[(r >> 16) % 24];
            while (*op)
                text[i++] = *op++;
            break;
        }
        case 10:                                          /* string with escapes */
            text[i++] = '"';
            for (int k = 0; k < len; k++) {
                uint64_t c = bench_rand(&seed) % 40;
                if (c == 0) { text[i++] = '\\'; text[i++] = '"'; }
                else text[i++] = alnum[c];
            }
            text[i++] = '"';
            break;
        case 11:                                          /* comment */
            if (r & 0x10000) {
                memcpy(text + i, "/* ", 3); i += 3;
                for (int k = 0; k < len; k++) text[i++] = (k & 3) ? 'c' : '*';
                memcpy(text + i, " */", 3); i += 3;
            } else {
                memcpy(text + i, "// ", 3); i += 3;
                for (int k = 0; k < len; k++) text[i++] = 'x';
                text[i++] = '\n';
            }
            break;
        case 12:
            text[i++] = '\n';
            break;
        default:
            text[i++] = ' ';
            break;
        }
        if (r & 0x100000)
            text[i++] = ' ';
    }
    memset(text + i, ' ', size - i - 1);
    text[size - 1] = '\0';
}

static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* The benchmark: a state machine fed one character at a time. */
static __attribute__((noinline)) void lex_state_machine(const char *text, Counts *c)
{
    enum { S_START, S_IDENT, S_NUMBER, S_STRING, S_STRESC, S_SLASH, S_LINECOMMENT, S_BLOCK,
           S_BLOCKSTAR, S_OP };
    int state = S_START, len = 0;
    uint32_t num = 0;
    char prev = 0;
    memset(c, 0, sizeof *c);
    for (const char *p = text;; p++) {
        int ch = (unsigned char)*p;
    again:
        switch (state) {
        case S_START:
            if (ch == 0)
                return;
            if (is_alpha(ch)) { state = S_IDENT; len = 1; }
            else if (is_digit(ch)) { state = S_NUMBER; num = (uint32_t)(ch - '0'); }
            else if (ch == '"') state = S_STRING;
            else if (ch == '/') state = S_SLASH;
            else if (ch == '\n') c->n[T_LINE]++;
            else if (ch != ' ') { state = S_OP; prev = (char)ch; }
            break;
        case S_IDENT:
            if (is_alpha(ch) || is_digit(ch)) { len++; break; }
            c->n[T_IDENT]++;
            c->identhash = c->identhash * 31 + (uint32_t)len;
            state = S_START;
            goto again;
        case S_NUMBER:
            if (is_digit(ch)) { num = num * 10 + (uint32_t)(ch - '0'); break; }
            c->n[T_NUMBER]++;
            c->numsum += num;
            state = S_START;
            goto again;
        case S_STRING:
            if (ch == '\\') state = S_STRESC;
            else if (ch == '"') { c->n[T_STRING]++; state = S_START; }
            else if (ch == 0) return;
            break;
        case S_STRESC:
            if (ch == 0) return;
            state = S_STRING;
            break;
        case S_SLASH:
            if (ch == '/') state = S_LINECOMMENT;
            else if (ch == '*') state = S_BLOCK;
            else { prev = '/'; state = S_OP; goto again; }
            break;
        case S_LINECOMMENT:
            if (ch == '\n') { c->n[T_COMMENT]++; c->n[T_LINE]++; state = S_START; }
            else if (ch == 0) return;
            break;
        case S_BLOCK:
            if (ch == '*') state = S_BLOCKSTAR;
            else if (ch == 0) return;
            break;
        case S_BLOCKSTAR:
            if (ch == '/') { c->n[T_COMMENT]++; state = S_START; }
            else if (ch != '*') { state = S_BLOCK; goto again; }
            break;
        case S_OP:
            state = S_START;
            if ((ch == '=' && (prev == '=' || prev == '<' || prev == '>' || prev == '!')) ||
                (ch == prev && (ch == '&' || ch == '|' || ch == '+' || ch == '-'))) {
                c->n[T_OP2]++;
                break;
            }
            c->n[T_OP1]++;
            goto again;
        }
    }
}

/* The check: one loop per token, driven by the first character. */
static void lex_reference(const char *p, Counts *c)
{
    memset(c, 0, sizeof *c);
    while (*p) {
        if (*p == ' ') {
            p++;
        } else if (*p == '\n') {
            c->n[T_LINE]++;
            p++;
        } else if (is_alpha(*p)) {
            const char *s = p;
            while (is_alpha(*p) || is_digit(*p))
                p++;
            c->n[T_IDENT]++;
            c->identhash = c->identhash * 31 + (uint32_t)(p - s);
        } else if (is_digit(*p)) {
            uint32_t v = 0;
            while (is_digit(*p))
                v = v * 10 + (uint32_t)(*p++ - '0');
            c->n[T_NUMBER]++;
            c->numsum += v;
        } else if (*p == '"') {
            for (p++; *p && *p != '"'; p++)
                if (*p == '\\' && p[1])
                    p++;
            if (!*p)
                break;
            p++;
            c->n[T_STRING]++;
        } else if (p[0] == '/' && p[1] == '/') {
            p = strchr(p, '\n');
            if (!p)
                break;
            p++;
            c->n[T_COMMENT]++;
            c->n[T_LINE]++;
        } else if (p[0] == '/' && p[1] == '*') {
            p = strstr(p + 2, "*/");
            if (!p)
                break;
            p += 2;
            c->n[T_COMMENT]++;
        } else {
            static const char *two[] = { "==", "<=", ">=", "!=", "&&", "||", "++", "--" };
            int k = 0;
            while (k < 8 && strncmp(p, two[k], 2) != 0)
                k++;
            c->n[k < 8 ? T_OP2 : T_OP1]++;
            p += k < 8 ? 2 : 1;
        }
    }
}

int main(int argc, char **argv)
{
    int units = bench_init("branchy", argc, argv);
    char *text = bench_alloc(TEXT_SIZE);
    text_make(text, TEXT_SIZE);

    Counts ref, got = { { 0 }, 0, 0 };
    lex_reference(text, &ref);
    bench_check(memcmp(ref.n, expected_n, sizeof ref.n) == 0,
                "reference lexer: %u identifiers %u numbers %u strings %u comments %u ops %u "
                "two-char ops %u lines, not the expected counts",
                ref.n[T_IDENT], ref.n[T_NUMBER], ref.n[T_STRING], ref.n[T_COMMENT],
                ref.n[T_OP1], ref.n[T_OP2], ref.n[T_LINE]);
    for (int u = 0; u < units && !bench_failures; u++) {
        for (int pass = 0; pass < PASSES; pass++) {
            BENCH_CLOBBER(text);
            lex_state_machine(text, &got);
            if (!bench_check(memcmp(&got, &ref, sizeof got) == 0,
                             "unit %d: state machine and reference lexer disagree", u))
                break;
        }
    }
    free(text);
    return bench_finish("%d units, %u tokens per pass", units,
                        got.n[T_IDENT] + got.n[T_NUMBER] + got.n[T_STRING] + got.n[T_OP1] +
                        got.n[T_OP2]);
}

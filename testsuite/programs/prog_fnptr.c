/* Function pointer test (a fallback case for fvp-xlat: every call here is an indirect jump
 * whose target is only known at run time): a table of operations called in a loop, qsort
 * and bsearch with comparators, callbacks through a struct with a context pointer, a
 * function returning a function pointer, indirect tail calls and atexit handlers.
 * Prints its results and "prog_fnptr: ok", exits 0. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* noinline + a volatile table keep gcc from turning the calls back into direct ones */
#define NOINLINE __attribute__((noinline))

typedef int64_t (*BinOp)(int64_t, int64_t);

static NOINLINE int64_t op_add(int64_t a, int64_t b) { return a + b; }
static NOINLINE int64_t op_sub(int64_t a, int64_t b) { return a - b; }
static NOINLINE int64_t op_mul(int64_t a, int64_t b) { return a * b; }
static NOINLINE int64_t op_xor(int64_t a, int64_t b) { return a ^ b; }
static NOINLINE int64_t op_shl(int64_t a, int64_t b) { return (int64_t)((uint64_t)a << (b & 63)); }
static NOINLINE int64_t op_max(int64_t a, int64_t b) { return a > b ? a : b; }

static BinOp volatile g_ops[] = { op_add, op_sub, op_mul, op_xor, op_shl, op_max };
static const char *const g_op_names[] = { "add", "sub", "mul", "xor", "shl", "max" };
enum { NOPS = sizeof g_ops / sizeof g_ops[0] };

/* a table of pointers called in a loop, the operation chosen from the data */
static int64_t run_table(void)
{
    int64_t acc = 1;
    for (int i = 0; i < 1000; i++) {
        BinOp f = g_ops[(unsigned)(acc ^ i) % NOPS];
        acc = f(acc, i + 3) & 0xffffffffffll;
    }
    return acc;
}

/* qsort/bsearch: comparators called back from libc */
typedef struct { char name[12]; int score; } Player;

static int cmp_score_desc(const void *a, const void *b)
{
    const Player *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return strcmp(x->name, y->name);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(((const Player *)a)->name, ((const Player *)b)->name);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void test_sort(void)
{
    static Player p[] = {
        { "mallory", 40 }, { "alice", 90 }, { "eve", 40 }, { "bob", 75 },
        { "trent", 90 }, { "carol", 12 }, { "dave", 75 }, { "peggy", 3 },
    };
    enum { NP = sizeof p / sizeof p[0] };
    qsort(p, NP, sizeof p[0], cmp_score_desc);
    printf("by score:");
    for (int i = 0; i < NP; i++) printf(" %s=%d", p[i].name, p[i].score);
    printf("\n");
    qsort(p, NP, sizeof p[0], cmp_name);
    Player key = { "eve", 0 };
    Player *hit = bsearch(&key, p, NP, sizeof p[0], cmp_name);
    CHECK(hit && hit->score == 40);
    strcpy(key.name, "zed");
    CHECK(bsearch(&key, p, NP, sizeof p[0], cmp_name) == NULL);

    enum { NU = 5000 };
    static uint32_t u[NU];
    uint32_t x = 2463534242u;
    for (int i = 0; i < NU; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        u[i] = x;
    }
    qsort(u, NU, sizeof u[0], cmp_u32);
    uint64_t h = 0;
    for (int i = 0; i < NU; i++) {
        if (i) CHECK(u[i - 1] <= u[i]);
        h = h * 1000003 + u[i];
    }
    printf("sorted %d u32, hash %016llx\n", NU, (unsigned long long)h);
}

/* callbacks through a struct: a visitor over a binary tree with a context pointer */
typedef struct Node { int key; struct Node *left, *right; } Node;

typedef struct Visitor {
    void (*enter)(struct Visitor *v, const Node *n);
    void (*leave)(struct Visitor *v, const Node *n);
    int64_t sum, depth, max_depth;
    char trace[256];
    size_t len;
} Visitor;

static void walk(Visitor *v, const Node *n)
{
    if (!n) return;
    v->enter(v, n);
    walk(v, n->left);
    walk(v, n->right);
    if (v->leave) v->leave(v, n);
}

static void sum_enter(Visitor *v, const Node *n)
{
    v->sum += n->key;
    if (++v->depth > v->max_depth) v->max_depth = v->depth;
}
static void sum_leave(Visitor *v, const Node *n)
{
    (void)n;
    v->depth--;
}
static void trace_enter(Visitor *v, const Node *n)
{
    if (v->len + 8 < sizeof v->trace)
        v->len += (size_t)snprintf(v->trace + v->len, sizeof v->trace - v->len, "%d ", n->key);
}

static Node *insert(Node *pool, int *used, Node *root, int key)
{
    if (!root) {
        Node *n = &pool[(*used)++];
        n->key = key;
        n->left = n->right = NULL;
        return n;
    }
    if (key < root->key) root->left = insert(pool, used, root->left, key);
    else root->right = insert(pool, used, root->right, key);
    return root;
}

static void test_visitor(void)
{
    static Node pool[32];
    static const int keys[] = { 50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 90, 85 };
    int used = 0;
    Node *root = NULL;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        root = insert(pool, &used, root, keys[i]);
    Visitor sum = { .enter = sum_enter, .leave = sum_leave };
    walk(&sum, root);
    Visitor tr = { .enter = trace_enter };
    walk(&tr, root);
    printf("tree: sum %lld depth %lld preorder %s\n", (long long)sum.sum,
           (long long)sum.max_depth, tr.trace);
    CHECK(sum.sum == 680 && sum.max_depth == 5 && sum.depth == 0);
}

/* a function returning a function pointer, and indirect tail calls (state machine) */
typedef struct State State;
typedef const State *(*StepFn)(int c, int *count);
struct State { StepFn step; const char *name; };

static const State st_word, st_space;
static const State *step_word(int c, int *count)
{
    (void)count;
    return c == ' ' ? &st_space : &st_word;
}
static const State *step_space(int c, int *count)
{
    if (c == ' ') return &st_space;
    ++*count;
    return &st_word;
}
static const State st_word = { step_word, "word" }, st_space = { step_space, "space" };

static NOINLINE BinOp pick(const char *name)
{
    for (int i = 0; i < NOPS; i++)
        if (strcmp(g_op_names[i], name) == 0) return g_ops[i];
    return NULL;
}

static NOINLINE int64_t apply_n(BinOp f, int64_t a, int64_t b, int n)
{
    return n == 0 ? a : apply_n(f, f(a, b), b, n - 1);
}

static void test_states(void)
{
    const char *text = "  the quick  brown fox   jumps over the lazy dog ";
    const State *s = &st_space;
    int words = 0;
    for (const char *p = text; *p; p++) s = s->step((unsigned char)*p, &words);
    printf("words %d, final state %s\n", words, s->name);
    CHECK(words == 9);
    int64_t r = apply_n(pick("mul"), 1, 3, 20) + apply_n(pick("sub"), 100, 7, 9);
    printf("pick/apply: %lld\n", (long long)r);
    CHECK(r == 3486784401ll + 37);
    CHECK(pick("nope") == NULL);
}

static void at_exit_second(void) { printf("atexit: second registered, runs first\n"); }
static void at_exit_first(void)
{
    printf("atexit: first registered, runs last\n");
    fflush(stdout);
}

int main(void)
{
    atexit(at_exit_first);
    atexit(at_exit_second);
    int64_t t = run_table();
    printf("table: %lld\n", (long long)t);
    for (int i = 0; i < NOPS; i++)
        printf("%s(12, 5) = %lld\n", g_op_names[i], (long long)g_ops[i](12, 5));
    test_sort();
    test_visitor();
    test_states();
    printf("prog_fnptr: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}

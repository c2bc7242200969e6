/* Wild pointers outside the guest's address space, with no SIGSEGV handler: every load and
 * store through one must kill the process with SIGSEGV and change nothing.  Translated code
 * clamps such addresses into a guard above the guest space instead of branching (D29), so
 * this pins that the clamp faults for addresses far above the space, for the all-ones and
 * sign-bit addresses, and for an access that starts just below the top of the space and ends
 * above it.  Each access runs in a forked child; the parent reports how it ended.
 * The walks do the same from one-block loops whose pointer is an induction register, whose
 * accesses translated code does not clamp (D36): starting outside the space, going up or
 * down, loads and stores, element by element and with an offset from the pointer.  The based
 * accesses use a register plus the biggest offsets an instruction can hold, whose base
 * translated code clamps instead of the address (D37).  The matches compare two arrays in a
 * loop of several blocks, a[len] and b[len] with len the induction register and a, b
 * registers the loop does not write, whose accesses translated code does not clamp either
 * (D54): one array wild, the other in the space.  The chases follow pointers loaded in the
 * loop, which keep a branch instead of a clamp (D29) that tests the base register of
 * base + offset accesses (D56): a list whose third node points at the wild address, read at
 * offset 0 and at the biggest offset, and a search tree whose root has a wild child. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static const uint64_t wild[] = {
    0xdead00000000ull,       /* above 2^38, below the host's 2^47 */
    (1ull << 38) - 4,        /* 8 bytes straddling the top of an Sv39 space */
    (1ull << 38),
    0x8000000000000000ull,
    0xfffffffffffffff8ull,   /* NULL - 8 */
    0x10,                    /* inside the space, unmapped */
};

static volatile uint64_t sink;

static void access_at(uint64_t a, int store, int width)
{
    if (store) {
        if (width == 8)
            *(volatile uint64_t *)(uintptr_t)a = 42;
        else
            *(volatile uint8_t *)(uintptr_t)a = 42;
    } else {
        sink = width == 8 ? *(volatile uint64_t *)(uintptr_t)a : *(volatile uint8_t *)(uintptr_t)a;
    }
}

/* base + 2040 and base - 2040 (one instruction each: a 12-bit offset) */
static __attribute__((noinline)) void based_at(uint64_t base, int store, int up)
{
    volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)base;
    if (store) {
        if (up)
            p[255] = 42;
        else
            p[-255] = 42;
    } else {
        sink = up ? p[255] : p[-255];
    }
}

/* One-block loops: p walks by a constant STEP elements (an induction register), n times. */
#define WALKS(name, STEP)                                                                   \
    static __attribute__((noinline)) uint64_t load_##name(const uint64_t *p, long n)       \
    {                                                                                       \
        uint64_t s = 0;                                                                     \
        for (long i = 0; i < n; i++, p += STEP)                                             \
            s = s * 31 + p[2];                                                              \
        return s;                                                                           \
    }                                                                                       \
    static __attribute__((noinline)) void store_##name(uint64_t *p, long n)                \
    {                                                                                       \
        for (long i = 0; i < n; i++, p += STEP)                                             \
            p[1] = (uint64_t)i;                                                             \
    }
WALKS(up, 1)
WALKS(down, -1)

/* The length of the common prefix of a and b, at most n (lz's match loop). */
static __attribute__((noinline)) long match(const uint8_t *a, const uint8_t *b, long n)
{
    long len = 0;
    while (len < n && a[len] == b[len])
        len++;
    return len;
}

/* A list walk reading each node's val, or its far field (offset 2032), and the link. */
typedef struct Node { struct Node *next; uint64_t val, pad[251], far; } Node;
static Node chain[3];

static __attribute__((noinline)) uint64_t chase(const Node *p, int far)
{
    uint64_t s = 0;
    for (int i = 0; p && i < 100; i++, p = p->next)
        s += far ? p->far : p->val;
    return s;
}

/* A binary search tree descent (twin arms merged into one load, D56). */
typedef struct Tree { uint64_t key; struct Tree *left, *right; } Tree;
static Tree root;

static __attribute__((noinline)) int descend(const Tree *t, uint64_t key)
{
    while (t && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t != 0;
}

static uint8_t zeros[4096];

/* One access (or walk) at a, run in a forked child. */
enum { PLAIN, BASED, WALK, MATCH, CHASE, DESCEND };
typedef struct Case {
    int kind;
    uint64_t a;
    int store;
    int arg; /* PLAIN: width; BASED: 1 for + 2040, 0 for - 2040; WALK: step 1 or -1;
                MATCH: which array is wild, 0 or 1; CHASE: 1 for the far field;
                DESCEND: 1 to go left, 0 right */
} Case;

static void run_case(const Case *c)
{
    uint64_t *p = (uint64_t *)(uintptr_t)c->a;
    switch (c->kind) {
    case PLAIN:
        access_at(c->a, c->store, c->arg);
        break;
    case BASED:
        based_at(c->a, c->store, c->arg);
        break;
    case CHASE:
        chain[0].next = &chain[1];
        chain[1].next = &chain[2];
        chain[2].next = (Node *)p;
        sink = chase(&chain[0], c->arg);
        break;
    case DESCEND:
        root.key = 1000;
        root.left = root.right = (Tree *)p;
        sink = (uint64_t)descend(&root, c->arg ? 1 : 2000);
        break;
    case MATCH:
        sink = (uint64_t)(c->arg ? match(zeros, (const uint8_t *)p, 4096)
                                 : match((const uint8_t *)p, zeros, 4096));
        break;
    default:
        if (c->store)
            (c->arg > 0 ? store_up : store_down)(p, 4096);
        else
            sink = (c->arg > 0 ? load_up : load_down)(p, 4096);
        break;
    }
}

/* Runs c in a child and prints how it ended after what (the case's description);
 * 1 unless it ended with SIGSEGV. */
static int check_case(const Case *c, const char *what)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        run_case(c);
        _exit(0); /* survived: wrong */
    }
    int st;
    if (waitpid(pid, &st, 0) != pid) {
        perror("waitpid");
        return 1;
    }
    int segv = WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV;
    printf("%s: %s\n", what, segv ? "SIGSEGV" : WIFSIGNALED(st) ? "other signal" : "no fault");
    return !segv;
}

int main(void)
{
    int bad = 0;
    char what[96];
    static const uint64_t walk_from[] = {
        0xdead00000000ull, 0x600000000000ull, (1ull << 38) - 64, 0x8000000000000000ull,
        0xffffffffffffffc0ull, /* NULL - 64: walking up crosses 0 */
        0x1000,                /* inside the space, unmapped */
    };
    static const uint64_t based[] = {
        (1ull << 38) + 2040,          /* - 2040: exactly the end of the space */
        0x600000000008ull,            /* far above */
        0xfffffffffffffff0ull,        /* + 2040 wraps to 2024 */
        0x8000000000000000ull, 0xdead00000000ull,
    };
    for (unsigned i = 0; i < sizeof based / sizeof based[0]; i++)
        for (int store = 0; store < 2; store++)
            for (int up = 0; up < 2; up++) {
                snprintf(what, sizeof what, "based %-5s %#018llx %c 2040",
                         store ? "store" : "load", (unsigned long long)based[i], up ? '+' : '-');
                bad += check_case(&(Case){ BASED, based[i], store, up }, what);
            }
    for (unsigned i = 0; i < sizeof walk_from / sizeof walk_from[0]; i++)
        for (int store = 0; store < 2; store++)
            for (int step = -1; step <= 1; step += 2) {
                snprintf(what, sizeof what, "walk %-5s step %2d from %#018llx",
                         store ? "store" : "load", step, (unsigned long long)walk_from[i]);
                bad += check_case(&(Case){ WALK, walk_from[i], store, step }, what);
            }
    for (unsigned i = 0; i < sizeof walk_from / sizeof walk_from[0]; i++)
        for (int which = 0; which < 2; which++) {
            snprintf(what, sizeof what, "match with %s array at %#018llx",
                     which ? "second" : "first", (unsigned long long)walk_from[i]);
            bad += check_case(&(Case){ MATCH, walk_from[i], 0, which }, what);
        }
    for (unsigned i = 0; i < sizeof walk_from / sizeof walk_from[0]; i++)
        for (int arg = 0; arg < 2; arg++) {
            snprintf(what, sizeof what, "chase to %#018llx, %s field",
                     (unsigned long long)walk_from[i], arg ? "far" : "near");
            bad += check_case(&(Case){ CHASE, walk_from[i], 0, arg }, what);
            snprintf(what, sizeof what, "descend %s to %#018llx", arg ? "left" : "right",
                     (unsigned long long)walk_from[i]);
            bad += check_case(&(Case){ DESCEND, walk_from[i], 0, arg }, what);
        }
    for (unsigned i = 0; i < sizeof wild / sizeof wild[0]; i++)
        for (int store = 0; store < 2; store++)
            for (int width = 1; width <= 8; width += 7) {
                snprintf(what, sizeof what, "%-5s %d bytes at %#018llx",
                         store ? "store" : "load", width, (unsigned long long)wild[i]);
                bad += check_case(&(Case){ PLAIN, wild[i], store, width }, what);
            }
    /* The parent's memory is untouched: sink still 0. */
    printf("sink %llu\n", (unsigned long long)sink);
    printf("%s\n", bad ? "FAIL" : "ok");
    return bad != 0;
}

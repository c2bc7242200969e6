/* ptrchase — pointer chasing: an unbalanced binary search tree of malloc'ed nodes (insert,
 * look up, walk in order, free) and a linked list threaded through an array in random order
 * (one cycle through every node, walked several times).
 *
 * Checks are independent: the tree's in-order walk is strictly increasing and has the count and
 * sum of the distinct keys found by sorting the key array; every inserted key is found and no
 * absent key is; the list is one cycle of all nodes whose payloads sum to n(n-1)/2. */
#include "bench.h"
#include <string.h>

#define TREE_KEYS 12000
#define LIST_NODES 65536
#define LIST_WALKS 4

typedef struct Tree { uint64_t key; struct Tree *left, *right; } Tree;
typedef struct List { struct List *next; uint64_t payload; uint64_t pad[2]; } List;

/* Inserts `key` unless present; returns 1 if it was new. Nodes come from malloc. */
static int tree_insert(Tree **root, uint64_t key)
{
    Tree **link = root;
    while (*link) {
        if (key == (*link)->key)
            return 0;
        link = key < (*link)->key ? &(*link)->left : &(*link)->right;
    }
    Tree *t = bench_alloc(sizeof *t);
    t->key = key;
    t->left = t->right = NULL;
    *link = t;
    return 1;
}

static int tree_contains(const Tree *t, uint64_t key)
{
    while (t && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t != NULL;
}

/* In-order walk: counts nodes, sums keys, counts keys not above their predecessor. */
typedef struct { uint64_t count, sum, last, disorder; } Walk;
static void tree_walk(const Tree *t, Walk *w)
{
    while (t) {
        tree_walk(t->left, w);
        w->disorder += w->count && t->key <= w->last;
        w->last = t->key;
        w->count++;
        w->sum += t->key;
        t = t->right;
    }
}

static void tree_free(Tree *t)
{
    while (t) {
        tree_free(t->left);
        Tree *right = t->right;
        free(t);
        t = right;
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Odd keys (so that key + 1 is never present), some repeated. */
static uint64_t tree_key(uint64_t *seed) { return (bench_rand(seed) % (TREE_KEYS * 3 / 2)) * 2 + 1; }

int main(int argc, char **argv)
{
    int units = bench_init("ptrchase", argc, argv);

    /* Reference for the tree: distinct keys by sorting. */
    uint64_t *keys = bench_alloc(TREE_KEYS * sizeof *keys), seed = 99;
    for (int i = 0; i < TREE_KEYS; i++)
        keys[i] = tree_key(&seed);
    qsort(keys, TREE_KEYS, sizeof *keys, cmp_u64);
    uint64_t ref_count = 0, ref_sum = 0;
    for (int i = 0; i < TREE_KEYS; i++)
        if (i == 0 || keys[i] != keys[i - 1]) {
            ref_count++;
            ref_sum += keys[i];
        }

    List *nodes = bench_alloc(LIST_NODES * sizeof *nodes);
    uint32_t *perm = bench_alloc(LIST_NODES * sizeof *perm);
    for (int u = 0; u < units && !bench_failures; u++) {
        Tree *root = NULL;
        uint64_t inserted = 0, found = 0, absent = 0;
        seed = 99;
        BENCH_CLOBBER(&seed);
        for (int i = 0; i < TREE_KEYS; i++)
            inserted += tree_insert(&root, tree_key(&seed));
        seed = 99;
        for (int i = 0; i < TREE_KEYS; i++) {
            uint64_t k = tree_key(&seed);
            found += tree_contains(root, k);
            absent += !tree_contains(root, k + 1);
        }
        Walk w = { 0, 0, 0, 0 };
        tree_walk(root, &w);
        tree_free(root);
        bench_check(inserted == ref_count && w.count == ref_count && w.sum == ref_sum &&
                    w.disorder == 0 && found == TREE_KEYS && absent == TREE_KEYS,
                    "unit %d: tree: %" PRIu64 " inserted, walk saw %" PRIu64 " (sum %" PRIu64
                    ", %" PRIu64 " out of order), %" PRIu64 " found, %" PRIu64 " absent; "
                    "expected %" PRIu64 " distinct keys, sum %" PRIu64, u, inserted, w.count,
                    w.sum, w.disorder, found, absent, ref_count, ref_sum);

        /* Sattolo's shuffle gives a single cycle through all nodes. */
        for (uint32_t i = 0; i < LIST_NODES; i++)
            perm[i] = i;
        for (uint32_t i = LIST_NODES - 1; i > 0; i--) {
            uint32_t j = (uint32_t)(bench_rand(&seed) % i), t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (uint32_t i = 0; i < LIST_NODES; i++) {
            nodes[i].next = &nodes[perm[i]];
            nodes[i].payload = i;
        }
        for (int walk = 0; walk < LIST_WALKS; walk++) {
            BENCH_CLOBBER(nodes);
            uint64_t len = 0, sum = 0;
            const List *p = &nodes[walk];
            do {
                sum += p->payload;
                len++;
                p = p->next;
            } while (p != &nodes[walk] && len <= LIST_NODES);
            if (!bench_check(len == LIST_NODES && sum == (uint64_t)LIST_NODES * (LIST_NODES - 1) / 2,
                             "unit %d: list: cycle of %" PRIu64 " nodes, payload sum %" PRIu64,
                             u, len, sum))
                break;
        }
    }
    free(perm);
    free(nodes);
    free(keys);
    return bench_finish("%d units, %" PRIu64 " distinct tree keys, %d list nodes", units,
                        ref_count, LIST_NODES);
}

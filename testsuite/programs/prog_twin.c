/* Two arms of a branch doing the same operations and then branching the same two ways, which
 * gcc writes for RV64 (no conditional move) where the x86 compiler selects: a binary search
 * tree's `t = key < t->key ? t->left : t->right` with the null test duplicated into both
 * arms, its insertion through a `Tree **link`, a merge step taking from one of two runs, a
 * partition storing into one of two arrays, and a call of one function with either of two
 * arguments.  fvp-xlat -O2 merges such arms into one with selects (docs D56).  Output must
 * match qemu-riscv64. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Tree { uint64_t key; struct Tree *left, *right; } Tree;

static uint64_t rng = 0x2545f4914f6cdd1dull;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static __attribute__((noinline)) int tree_insert(Tree **root, Tree *node, uint64_t key)
{
    Tree **link = root;
    while (*link) {
        if (key == (*link)->key)
            return 0;
        link = key < (*link)->key ? &(*link)->left : &(*link)->right;
    }
    node->key = key;
    node->left = node->right = NULL;
    *link = node;
    return 1;
}

static __attribute__((noinline)) const Tree *tree_find(const Tree *t, uint64_t key)
{
    while (t && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t;
}

/* depth of the deepest node on the way to key (signed keys this time) */
static __attribute__((noinline)) int tree_depth(const Tree *t, int64_t key)
{
    int d = 0;
    while (t) {
        d++;
        t = key < (int64_t)t->key ? t->left : t->right;
    }
    return d;
}

static uint64_t walk_sum(const Tree *t, uint64_t *count)
{
    uint64_t s = 0;
    while (t) {
        s = s * 3 + walk_sum(t->left, count);
        ++*count;
        s ^= t->key;
        t = t->right;
    }
    return s;
}

static __attribute__((noinline)) void merge(const uint32_t *src, uint32_t *dst, long lo, long mid,
                                            long hi)
{
    long i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
    while (i < mid)
        dst[k++] = src[i++];
    while (j < hi)
        dst[k++] = src[j++];
}

static __attribute__((noinline)) long partition(const uint32_t *v, long n, uint32_t *odd,
                                                uint32_t *even, long *ne)
{
    long no = 0, e = 0;
    for (long i = 0; i < n; i++) {
        if (v[i] & 1)
            odd[no++] = v[i];
        else
            even[e++] = v[i];
    }
    *ne = e;
    return no;
}

static __attribute__((noinline)) uint64_t scramble(uint64_t x)
{
    return (x ^ (x >> 29)) * 0xbf58476d1ce4e5b9ull;
}

static __attribute__((noinline)) uint64_t pick_call(const uint64_t *a, const uint64_t *b, long n)
{
    uint64_t s = 0;
    for (long i = 0; i < n; i++) {
        uint64_t r = a[i] < b[i] ? scramble(a[i]) : scramble(b[i] + 1);
        if (!r)
            break;
        s += r;
    }
    return s;
}

enum { NKEYS = 3000, NSORT = 5000 };

int main(void)
{
    static Tree nodes[NKEYS];
    Tree *root = NULL;
    uint64_t inserted = 0, found = 0, absent = 0, depth = 0;
    for (int i = 0; i < NKEYS; i++)
        inserted += tree_insert(&root, &nodes[i], next_rand() % 5000 * 2);
    for (uint64_t k = 0; k < 10000; k++) {
        const Tree *t = tree_find(root, k);
        if (t && t->key == k)
            found++;
        else if (!t)
            absent++;
        depth += (uint64_t)tree_depth(root, (int64_t)k - 3000);
    }
    uint64_t count = 0, sum = walk_sum(root, &count);
    printf("tree: %llu inserted, %llu found, %llu absent, depth sum %llu, walk %llu nodes, "
           "sum %#llx\n", (unsigned long long)inserted, (unsigned long long)found,
           (unsigned long long)absent, (unsigned long long)depth, (unsigned long long)count,
           (unsigned long long)sum);

    static uint32_t a[NSORT], b[NSORT], odd[NSORT], even[NSORT];
    for (int i = 0; i < NSORT; i++)
        a[i] = (uint32_t)next_rand();
    long ne, no = partition(a, NSORT, odd, even, &ne);
    uint64_t h = 0;
    for (long i = 0; i < no; i++)
        h = h * 31 + odd[i];
    for (long i = 0; i < ne; i++)
        h = h * 37 + even[i];
    printf("partition: %ld odd, %ld even, hash %#llx\n", no, ne, (unsigned long long)h);

    uint32_t *src = a, *dst = b;
    for (long width = 1; width < NSORT; width *= 2) {
        for (long lo = 0; lo < NSORT; lo += 2 * width) {
            long mid = lo + width < NSORT ? lo + width : NSORT;
            long hi = lo + 2 * width < NSORT ? lo + 2 * width : NSORT;
            merge(src, dst, lo, mid, hi);
        }
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    long disorder = 0;
    h = 0;
    for (long i = 0; i < NSORT; i++) {
        disorder += i > 0 && src[i - 1] > src[i];
        h = h * 31 + src[i];
    }
    printf("merge sort: %ld out of order, hash %#llx\n", disorder, (unsigned long long)h);

    static uint64_t x[1000], y[1000];
    for (int i = 0; i < 1000; i++) {
        x[i] = next_rand() % 1000;
        y[i] = next_rand() % 1000;
    }
    printf("calls: %#llx\n", (unsigned long long)pick_call(x, y, 1000));
    return 0;
}

/*
 * Translated code at run time (contract and validity rule: runtime/native.h).
 */
#include "runtime/native.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define NATIVE_PROF_EMPTY UINT64_MAX   /* odd: never a guest PC */

/* Smallest power of two >= 2 * want and >= 16, as log2. */
static unsigned table_bits(uint64_t want)
{
    unsigned bits = 4;
    while (bits < 40 && (1ull << bits) < 2 * want)
        bits++;
    return bits;
}

/* The process's table, for fvp_native_find (one per process: threads will
 * share it). */
static Native *g_native;

/* Translated code's inline probe of g_native's table (runtime/aot.h); closed until
 * native_new publishes a table. */
FvpNativeIndex fvp_native_index = { .closed = 1 };

/* Makes fvp_native_index agree with n (the process's table), with n->lock held or before
 * any second thread: closed first when it closes, last when it opens. */
static void publish_locked(Native *n)
{
    FvpNativeIndex *ix = &fvp_native_index;
    bool closed = n->off || (n->imprecise && native_faults_observed(n));
    if (closed)
        __atomic_store_n(&ix->closed, 1, __ATOMIC_RELEASE);
    ix->slots = n->slots;
    ix->shift = n->shift;
    ix->code_gen = &n->mem->code_gen;
    __atomic_store_n(&ix->seen_gen, n->seen_gen, __ATOMIC_RELEASE);
    if (!closed)
        __atomic_store_n(&ix->closed, 0, __ATOMIC_RELEASE);
}

void native_actions_changed(void)
{
    Native *n = g_native;
    if (!n)
        return;
    pthread_mutex_lock(&n->lock);
    publish_locked(n);
    pthread_mutex_unlock(&n->lock);
}

FvpNativeFn fvp_native_find(RvCpu *c, uint64_t pc)
{
    (void)c;
    return g_native ? native_lookup(g_native, pc) : NULL;
}

Native *native_new(Process *p, const FvpAotModule *m)
{
    Native *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    unsigned bits = table_bits(m->nentries);
    n->mask = (1ull << bits) - 1;
    n->shift = 64 - bits;
    n->slots = calloc((size_t)n->mask + 1, sizeof *n->slots);
    if (!n->slots) {
        free(n);
        return NULL;
    }
    for (uint64_t e = 0; e < m->nentries; e++) {
        const FvpAotEntry *en = &m->entries[e];
        if (!en->fn)
            continue;
        uint64_t i = native_hash(n, en->pc);
        while (n->slots[i].fn && n->slots[i].pc != en->pc)
            i = (i + 1) & n->mask;
        n->slots[i].pc = en->pc;
        n->slots[i].fn = en->fn;
        n->slots[i].leaf = en->leaf;
    }
    n->mem = p->mem;
    n->mod = m;
    n->act = p->tg->action;
    pthread_mutex_init(&n->lock, NULL);
    n->imprecise = !(m->flags & FVP_AOT_PRECISE_FAULTS);
    n->plain_fp = (m->flags & FVP_AOT_PLAIN_FP) != 0;
    g_native = n;
    /* What the loader and signal_init did to memory is the code the
     * translation was made from: start counting changes now. */
    GuestCodeChanges ch;
    guestmem_take_code_changes(p->mem, guestmem_code_gen(p->mem), &ch);
    n->seen_gen = ch.gen;
    publish_locked(n);
    if (m->profile_out && native_set_profile(n, m->profile_out) != 0) {
        native_free(n);
        return NULL;
    }
    return n;
}

void native_free(Native *n)
{
    if (!n)
        return;
    if (g_native == n) {
        __atomic_store_n(&fvp_native_index.closed, 1, __ATOMIC_RELEASE);
        g_native = NULL;
    }
    pthread_mutex_destroy(&n->lock);
    free(n->slots);
    free(n->prof);
    free(n->profile_path);
    free(n);
}

/* With n->lock held (or before any second thread). */
static void disable_locked(Native *n, const char *why)
{
    if (!n->off) {
        n->off_why = why;
        __atomic_store_n(&n->off, true, __ATOMIC_RELEASE);
        if (g_native == n)
            publish_locked(n);
    }
}

void native_disable(Native *n, const char *why)
{
    pthread_mutex_lock(&n->lock);
    disable_locked(n, why);
    pthread_mutex_unlock(&n->lock);
}

/* True when [lo, hi) overlaps one of the module's (sorted, disjoint) ranges. */
static bool overlaps_ranges(const FvpAotModule *m, uint64_t lo, uint64_t hi)
{
    if (lo >= hi)
        return false;
    /* First range ending above lo. */
    uint64_t a = 0, b = m->nranges;
    while (a < b) {
        uint64_t mid = a + (b - a) / 2;
        if (m->ranges[mid].end <= lo)
            a = mid + 1;
        else
            b = mid;
    }
    return a < m->nranges && m->ranges[a].start < hi;
}

/* native_sync with n->lock held. */
static void sync_locked(Native *n)
{
    if (n->off)
        return;
    GuestMem *m = n->mem;
    guestmem_lock(m);
    for (size_t i = 0; i < m->nvmas; i++) {
        const GuestVma *v = &m->vmas[i];
        if ((v->prot & PROT_WRITE) && overlaps_ranges(n->mod, v->start, v->end)) {
            disable_locked(n, "fence.i with translated code in a writable mapping");
            break;
        }
    }
    guestmem_unlock(m);
}

void native_sync(Native *n)
{
    pthread_mutex_lock(&n->lock);
    sync_locked(n);
    pthread_mutex_unlock(&n->lock);
}

bool native_check_code(Native *n)
{
    pthread_mutex_lock(&n->lock);
    GuestCodeChanges ch;
    guestmem_take_code_changes(n->mem, n->seen_gen, &ch);
    __atomic_store_n(&n->seen_gen, ch.gen, __ATOMIC_RELAXED);
    if (n->off) {
    } else if (ch.bumps > ch.noted) {
        /* Someone bumped code_gen without saying where: assume the worst. */
        disable_locked(n, "executable memory changed at an unknown place");
    } else if (overlaps_ranges(n->mod, ch.lo, ch.hi)) {
        disable_locked(n, "translated guest code was remapped or rewritten");
    } else if (ch.sync) {
        sync_locked(n);
    }
    bool on = !n->off;
    if (g_native == n)
        publish_locked(n);
    pthread_mutex_unlock(&n->lock);
    return on;
}

/* ---- profile ------------------------------------------------------------- */

int native_set_profile(Native *n, const char *path)
{
    free(n->profile_path);
    n->profile_path = NULL;
    n->profiling = false;
    if (!path)
        return 0;
    n->profile_path = strdup(path);
    if (!n->profile_path)
        return -ENOMEM;
    if (!n->prof) {
        n->prof_cap = 1024;
        n->prof = malloc(n->prof_cap * sizeof *n->prof);
        if (!n->prof)
            return -ENOMEM;
        memset(n->prof, 0xff, n->prof_cap * sizeof *n->prof);
    }
    n->profiling = true;
    return 0;
}

static uint64_t *prof_find(uint64_t *set, size_t cap, uint64_t pc)
{
    size_t i = (size_t)((pc * 0x9e3779b97f4a7c15ull) >> 20) & (cap - 1);
    while (set[i] != NATIVE_PROF_EMPTY && set[i] != pc)
        i = (i + 1) & (cap - 1);
    return &set[i];
}

static int prof_grow(Native *n)
{
    size_t cap = n->prof_cap * 2;
    uint64_t *set = malloc(cap * sizeof *set);
    if (!set)
        return -ENOMEM;
    memset(set, 0xff, cap * sizeof *set);
    for (size_t i = 0; i < n->prof_cap; i++)
        if (n->prof[i] != NATIVE_PROF_EMPTY)
            *prof_find(set, cap, n->prof[i]) = n->prof[i];
    free(n->prof);
    n->prof = set;
    n->prof_cap = cap;
    return 0;
}

static int profile_add_locked(Native *n, uint64_t pc)
{
    uint64_t *s = prof_find(n->prof, n->prof_cap, pc);
    if (*s == pc)
        return 0;
    if ((n->prof_used + 1) * 2 > n->prof_cap) {
        int r = prof_grow(n);
        if (r < 0)
            return r;
        s = prof_find(n->prof, n->prof_cap, pc);
    }
    *s = pc;
    n->prof_used++;
    return 0;
}

int native_profile_add(Native *n, uint64_t pc)
{
    pthread_mutex_lock(&n->lock);
    int r = profile_add_locked(n, pc);
    pthread_mutex_unlock(&n->lock);
    return r;
}

void native_lock(Native *n)
{
    pthread_mutex_lock(&n->lock);
}

void native_unlock(Native *n)
{
    pthread_mutex_unlock(&n->lock);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int write_profile_locked(Native *n, char *err, size_t errlen);

int native_write_profile(Native *n, char *err, size_t errlen)
{
    pthread_mutex_lock(&n->lock);   /* other threads may still add */
    int r = write_profile_locked(n, err, errlen);
    pthread_mutex_unlock(&n->lock);
    return r;
}

static int write_profile_locked(Native *n, char *err, size_t errlen)
{
    if (!n->profiling)
        return 0;
    /* the cheap tier's hot functions: translate them with the full pipeline (docs D45) */
    for (uint64_t i = 0; i < n->mod->ncounters; i++) {
        const FvpAotCounter *k = &n->mod->counters[i];
        if (k->count && __atomic_load_n(k->count, __ATOMIC_RELAXED) >= FVP_AOT_HOT_COUNT &&
            profile_add_locked(n, k->pc) != 0) {
            snprintf(err, errlen, "%s: out of memory", n->profile_path);
            return -ENOMEM;
        }
    }
    uint64_t *pcs = malloc((n->prof_used ? n->prof_used : 1) * sizeof *pcs);
    if (!pcs) {
        snprintf(err, errlen, "%s: out of memory", n->profile_path);
        return -ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < n->prof_cap; i++)
        if (n->prof[i] != NATIVE_PROF_EMPTY)
            pcs[k++] = n->prof[i];
    qsort(pcs, k, sizeof *pcs, cmp_u64);
    FILE *f = fopen(n->profile_path, "w");
    if (!f) {
        int e = errno;
        snprintf(err, errlen, "%s: %s", n->profile_path, strerror(e));
        free(pcs);
        return -e;
    }
    for (size_t i = 0; i < k; i++)
        fprintf(f, "0x%llx\n", (unsigned long long)pcs[i]);
    free(pcs);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        int e = errno ? errno : EIO;
        snprintf(err, errlen, "%s: write failed: %s", n->profile_path, strerror(e));
        return -e;
    }
    return 0;
}

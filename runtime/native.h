/*
 * Ahead-of-time translated code at run time: the PC -> native function table
 * of the FvpAotModule (runtime/aot.h), its validity, and the profile of the
 * PCs that still ran in the interpreter.
 *
 * Validity: translated code is correct only while the guest code bytes in
 * module->ranges are the ones it was made from.  GuestMem notes every change
 * of executable memory with its range (guestmem_note_code_change); the first
 * change that overlaps a translated range, and any fence.i / icache sync
 * while a translated range lies in a writable mapping (the guest may have
 * rewritten it with plain stores), switch ALL native code off for the rest
 * of the run.  Re-validating per function would be possible, but code that
 * rewrites its own translated text is rare enough that the interpreter is
 * the simple and safe answer.  Code the guest generates elsewhere (a JIT's
 * fresh mmap buffer) overlaps no translated range and changes nothing.
 *
 * Faults: code translated without FVP_AOT_PRECISE_FAULTS keeps registers
 * in host registers and has stale guest state when a guest access faults on
 * the host.  Such a fault is harmless while SIGSEGV and SIGBUS have no guest
 * handler (the process ends), so native_lookup refuses native code while
 * either has one: the interpreter, exact at every access, runs instead.
 * The check is per lookup, so native code comes back when the handler goes.
 */
#ifndef FVP_NATIVE_H
#define FVP_NATIVE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/aot.h"
#include "runtime/process.h"

typedef FvpNativeSlot NativeSlot;

/* Visible only for the inline lookup below; the fields are native.c's. */
typedef struct Native {
    NativeSlot *slots;    /* open addressing, power-of-two size, load <= 1/2 */
    uint64_t mask;        /* size - 1 */
    unsigned shift;       /* 64 - log2(size): Fibonacci hashing */
    bool off;             /* native code disabled for the rest of the run */
    uint64_t seen_gen;    /* mem->code_gen when the ranges were last checked */
    pthread_mutex_t lock; /* threads: off, seen_gen and the profile change under it */
    GuestMem *mem;
    const FvpAotModule *mod;
    const GuestSigaction *act;  /* the guest's signal actions (ThreadGroup) */
    bool imprecise;       /* module lacks FVP_AOT_PRECISE_FAULTS */
    bool plain_fp;        /* module has FVP_AOT_PLAIN_FP */
    const char *off_why;  /* why native code was switched off (stats) */
    /* profile: guest PCs of blocks the interpreter ran (hash set) */
    bool profiling;
    char *profile_path;
    uint64_t *prof;       /* NATIVE_PROF_EMPTY marks an empty slot */
    size_t prof_cap, prof_used;
} Native;

/*
 * A table for module m in process p (whose memory already holds the loaded
 * image: changes before this call do not count).  Profiling is on when
 * m->profile_out is set (see native_set_profile).  NULL when out of memory.
 */
Native *native_new(Process *p, const FvpAotModule *m);
void native_free(Native *n);

/* Profile into path (NULL: off), overriding m->profile_out.  0 or -ENOMEM. */
int native_set_profile(Native *n, const char *path) __attribute__((warn_unused_result));

/* Switches all native code off for the rest of the run (FVP_NO_NATIVE). */
void native_disable(Native *n, const char *why);

/* The guest changed its action for SIGSEGV or SIGBUS: opens or closes
 * fvp_native_index's inline probe to match (see native_faults_observed). */
void native_actions_changed(void);

/* Slow path of native_lookup: takes the code changes since the last check
 * and switches native code off when one hits a translated range.  Returns
 * true when native code is still on. */
bool native_check_code(Native *n);

/* IR_EXIT_SYNC (fence.i): switches native code off when a translated range
 * lies in a writable mapping. */
void native_sync(Native *n);

/* True while the guest has a handler for SIGSEGV or SIGBUS (same numbers on
 * riscv64 and x86-64; a handler is neither SIG_DFL 0
 * nor SIG_IGN 1): a host fault must then leave exact registers. */
static inline bool native_faults_observed(const Native *n)
{
    return __atomic_load_n(&n->act[SIGSEGV].handler, __ATOMIC_RELAXED) > 1 ||
           __atomic_load_n(&n->act[SIGBUS].handler, __ATOMIC_RELAXED) > 1;
}

static inline uint64_t native_hash(const Native *n, uint64_t pc)
{
    return (pc * FVP_NATIVE_HASH) >> n->shift;
}

/* Whether native code may run now: not switched off, no fault handler it would keep from
 * exact registers, no code change over a translated range (taken here). */
static inline bool native_on(Native *n)
{
    if (__atomic_load_n(&n->off, __ATOMIC_RELAXED))
        return false;
    if (n->imprecise && __builtin_expect(native_faults_observed(n), 0))
        return false;
    if (__builtin_expect(guestmem_code_gen(n->mem) !=
                             __atomic_load_n(&n->seen_gen, __ATOMIC_RELAXED), 0) &&
        !native_check_code(n))
        return false;
    return true;
}

/* The native function that can start at guest pc, or NULL (none, or native
 * code is off).  O(1): one hash probe, short linear run. */
static inline FvpNativeFn native_lookup(Native *n, uint64_t pc)
{
    if (!native_on(n))
        return NULL;
    for (uint64_t i = native_hash(n, pc);; i = (i + 1) & n->mask) {
        const NativeSlot *s = &n->slots[i];
        if (s->pc == pc && s->fn)
            return s->fn;
        if (!s->fn)
            return NULL;
    }
}

/* Adds pc to the profile set.  0 or -ENOMEM. */
int native_profile_add(Native *n, uint64_t pc) __attribute__((warn_unused_result));

/* Holds n's lock (around fork, so that the child finds it free). */
void native_lock(Native *n);
void native_unlock(Native *n);

/* The interpreter is about to run the block at pc: profile it. */
static inline int native_note_interp(Native *n, uint64_t pc)
{
    return n->profiling ? native_profile_add(n, pc) : 0;
}

/* Writes the profile (sorted PCs, "0x%llx\n" each) to its file; nothing when
 * profiling is off.  0, or -errno with a one-line reason in err. */
int native_write_profile(Native *n, char *err, size_t errlen)
    __attribute__((warn_unused_result));

#endif /* FVP_NATIVE_H */

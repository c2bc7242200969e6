/*
 * Guest memory for user mode: one reserved host region, host address =
 * base + guest address, so no guest address can reach host memory outside
 * it.  Guest addresses run from 0 to limit (Sv39-like: 2^38 = 256 GiB).
 * Unmapped guest pages are PROT_NONE in the reservation: the host kernel
 * answers EFAULT for them in syscalls, and an access from guest code faults
 * on the host and becomes a guest SIGSEGV (runtime/signal.c).
 *
 * The mapping list (VMAs) is kept here: for mmap placement, munmap/mprotect,
 * brk and /proc/self/maps.
 *
 * Threads: the list is guarded by a lock.  The functions below take it
 * themselves (a thread that already holds it, e.g. inside guestmem_lock,
 * does not take it again); a system call that looks and then changes
 * (mmap: find a free range, map it) holds it across with guestmem_lock.
 * It is a mutex, not a read-write lock: the sections are short (a check
 * and a copy of a syscall argument), and a mutex held across fork can be
 * released in the child (glibc's rwlock checks the writer's tid).  The
 * code-change record (code_gen and the dirty range) has its own mutex;
 * code_gen is read without it (guestmem_code_gen) on the hot paths.
 */
#ifndef FVP_GUESTMEM_H
#define FVP_GUESTMEM_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GUEST_PAGE_SIZE 4096ull
#define GUEST_SPACE_SIZE (1ull << 38)  /* guest addresses [0, 2^38) */
/* Reserved PROT_NONE above and below the guest space and never mapped: translated code
 * clamps an address outside the space to GUEST_SPACE_SIZE, so that the access faults above
 * (docs/DESIGN_DECISIONS.md D29), and an access through a loop's induction register may run
 * a few KiB past either end before it faults (D36). */
#define GUEST_GUARD_SIZE (64ull << 10)
#define GUEST_STACK_TOP  (GUEST_SPACE_SIZE - GUEST_PAGE_SIZE) /* below a guard page */
#define GUEST_STACK_SIZE (8ull << 20)
#define GUEST_MMAP_TOP   (GUEST_STACK_TOP - GUEST_STACK_SIZE - (1ull << 30)) /* mmap grows down from here */
#define GUEST_PIE_BASE   0x2aaaaaa000ull /* load bias of static-pie programs */

/* Guest page protections use the host PROT_* values. */
typedef struct GuestVma {
    uint64_t start, end;   /* page aligned, [start, end) */
    int prot;              /* PROT_READ | PROT_WRITE | PROT_EXEC */
    int flags;             /* MAP_PRIVATE / MAP_SHARED | MAP_ANONYMOUS ... as mapped */
    char name[48];         /* "[stack]", "[heap]", the ELF path's basename, "" */
} GuestVma;

typedef struct GuestMem {
    uint8_t *base;         /* host address of guest 0 */
    uint64_t limit;        /* GUEST_SPACE_SIZE */
    GuestVma *vmas;        /* sorted by start, non-overlapping */
    size_t nvmas, cap;
    uint64_t brk_start, brk_cur, brk_max; /* heap: [brk_start, brk_cur) mapped */
    uint64_t mmap_top;     /* top-down search starts here */
    uint64_t code_gen;     /* bumped whenever executable memory changes
                              (munmap/mprotect/writes to exec mappings): the
                              interpreter's predecode cache compares it */
    /* Where the changes went since the last guestmem_take_code_changes (for
     * translated code, runtime/native.c): the union [lo, hi) of the noted
     * ranges, how many bumps of code_gen were noted with a range, and
     * whether an instruction-cache sync (riscv_flush_icache) was asked for.
     * A bump of code_gen without a note means "somewhere". */
    uint64_t code_dirty_lo, code_dirty_hi;
    uint64_t code_noted;
    bool code_sync;
    pthread_mutex_t map_lock;      /* the VMA list, brk and mmap_top */
    pthread_mutex_t code_lock;     /* code_gen and the dirty record */
} GuestMem;

/* What changed in executable memory since the last take (see GuestMem). */
typedef struct GuestCodeChanges {
    uint64_t bumps;        /* code_gen bumps in all */
    uint64_t noted;        /* of which came with a range or as a sync */
    uint64_t lo, hi;       /* union of the noted ranges ([lo, hi), empty if lo >= hi) */
    bool sync;             /* an icache sync: code in writable mappings may differ */
    uint64_t gen;          /* code_gen at the take: pass it as since_gen next time */
} GuestCodeChanges;

/* Reserves the region (PROT_NONE, MAP_NORESERVE).  0 or -errno. */
int guestmem_init(GuestMem *m) __attribute__((warn_unused_result));
void guestmem_destroy(GuestMem *m);

/* Holds the mapping lock across several calls (a change that first looks,
 * or reading the list directly).  Nests with the functions below on the
 * same thread (they do not lock again). */
void guestmem_lock(GuestMem *m);
void guestmem_unlock(GuestMem *m);

/* Both locks (mapping and code record), around fork: the child, whose only
 * thread is the caller, releases them as the parent does. */
void guestmem_lock_all(GuestMem *m);
void guestmem_unlock_all(GuestMem *m);

/* The code generation (see code_gen), read without a lock. */
static inline uint64_t guestmem_code_gen(const GuestMem *m)
{
    return __atomic_load_n(&m->code_gen, __ATOMIC_ACQUIRE);
}

static inline void *g2h(const GuestMem *m, uint64_t gaddr)
{
    return m->base + gaddr;
}

/* True when [addr, addr+len) lies inside the guest space (no overflow). */
static inline bool guestmem_in_space(const GuestMem *m, uint64_t addr, uint64_t len)
{
    return addr <= m->limit && len <= m->limit - addr;
}

/*
 * Maps anonymous zeroed memory at [addr, addr+len) (page aligned, inside the
 * space) with prot, replacing whatever was there (MAP_FIXED semantics).
 * Records the VMA with name.  0 or -errno.
 */
int guestmem_map(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                 const char *name) __attribute__((warn_unused_result));

/* Maps a host file range (mmap of a guest fd): like guestmem_map but backed
 * by host_fd at offset.  0 or -errno. */
int guestmem_map_file(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                      int host_fd, uint64_t offset, const char *name)
    __attribute__((warn_unused_result));

/* Returns [addr, addr+len) to the reserved PROT_NONE state.  0 or -errno. */
int guestmem_unmap(GuestMem *m, uint64_t addr, uint64_t len) __attribute__((warn_unused_result));

/* Changes protection of mapped pages; -ENOMEM if part is unmapped. */
int guestmem_protect(GuestMem *m, uint64_t addr, uint64_t len, int prot)
    __attribute__((warn_unused_result));

/* Finds a free page-aligned range of len bytes, top-down below mmap_top
 * (or at hint when hint..hint+len is free).  Returns its address or 0. */
uint64_t guestmem_find_free(const GuestMem *m, uint64_t len, uint64_t hint);

/* The VMA containing addr, or NULL.  The pointer is valid until the next
 * change of the list: with more than one thread, hold guestmem_lock. */
const GuestVma *guestmem_find_vma(const GuestMem *m, uint64_t addr);

/*
 * Guarded copies between host buffers and guest memory, for syscalls and the
 * signal code: never fault the host.  Return 0, or -EFAULT when any byte is
 * outside the space, unmapped, or lacks the needed protection.
 */
int guest_read(const GuestMem *m, void *dst, uint64_t gsrc, size_t n)
    __attribute__((warn_unused_result));
int guest_write(GuestMem *m, uint64_t gdst, const void *src, size_t n)
    __attribute__((warn_unused_result));
/* Copies a NUL-terminated guest string of at most max bytes (incl. NUL)
 * into dst.  0, -EFAULT, or -ENAMETOOLONG. */
int guest_read_str(const GuestMem *m, char *dst, uint64_t gsrc, size_t max)
    __attribute__((warn_unused_result));

/*
 * Executable memory in [lo, hi) changed (mapped, unmapped, reprotected or
 * written): bumps code_gen and records the range for
 * guestmem_take_code_changes.
 */
void guestmem_note_code_change(GuestMem *m, uint64_t lo, uint64_t hi);

/* The guest asked for an instruction-cache sync (riscv_flush_icache): code in
 * writable executable mappings may have been rewritten.  Bumps code_gen. */
void guestmem_note_code_sync(GuestMem *m);

/* Reports the changes since the last call (or guestmem_init) in *out and
 * starts a new interval.  since_gen is the code_gen the caller last saw. */
void guestmem_take_code_changes(GuestMem *m, uint64_t since_gen, GuestCodeChanges *out);

/* True when [addr, addr+len) is mapped with at least prot. */
bool guestmem_check(const GuestMem *m, uint64_t addr, uint64_t len, int prot);

#endif /* FVP_GUESTMEM_H */

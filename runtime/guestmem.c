/*
 * Guest memory for user mode (contract: runtime/guestmem.h).
 *
 * The whole guest space is one host reservation made PROT_NONE; every guest
 * mapping is created inside it with MAP_FIXED, and "unmapping" puts the
 * PROT_NONE reservation back, so the reservation never has a hole another
 * host mmap could fall into.  The VMA list mirrors the host mappings and is
 * what the guarded copies trust.
 *
 * Host protections: guest PROT_READ/PROT_WRITE are applied on the host as
 * they are, so the host kernel enforces them for guest loads/stores and for
 * syscalls on guest buffers.  Guest PROT_EXEC is never given to the host
 * (guest bytes are never host code); an executable guest page is host
 * PROT_READ so the interpreter can fetch from it (it checks PROT_EXEC in the
 * VMA list, guestmem_check).
 */
#include "runtime/guestmem.h"
#include "runtime/mm.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

/* Flags the VMA list keeps: how the guest mapped (asm-generic values, the
 * same numbers as x86-64 for these). */
#define VMA_KEEP_FLAGS (MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | \
                        MAP_GROWSDOWN | MAP_NORESERVE)

static int host_prot(int prot)
{
    int h = prot & (PROT_READ | PROT_WRITE);
    if (prot & PROT_EXEC)
        h |= PROT_READ;
    return h;
}

static bool page_aligned(uint64_t v)
{
    return (v & (GUEST_PAGE_SIZE - 1)) == 0;
}

/* Checks a range given to map/unmap/protect: page aligned, non-empty,
 * inside the space. */
static int check_range(const GuestMem *m, uint64_t addr, uint64_t len)
{
    if (!page_aligned(addr) || !page_aligned(len) || len == 0)
        return -EINVAL;
    if (!guestmem_in_space(m, addr, len))
        return -ENOMEM;
    return 0;
}

/* ---- locking (guestmem.h) ---------------------------------------------------- */

/* The GuestMem whose map_lock this thread holds, and how deep. */
static _Thread_local const GuestMem *tl_locked;
static _Thread_local unsigned tl_nest;

static void map_enter(const GuestMem *cm)
{
    GuestMem *m = (GuestMem *)cm;
    if (tl_locked == m && tl_nest > 0) {
        tl_nest++;
        return;
    }
    pthread_mutex_lock(&m->map_lock);
    tl_locked = m;
    tl_nest = 1;
}

static void map_leave(const GuestMem *cm)
{
    GuestMem *m = (GuestMem *)cm;
    if (--tl_nest == 0) {
        tl_locked = NULL;
        pthread_mutex_unlock(&m->map_lock);
    }
}

void guestmem_lock(GuestMem *m)
{
    map_enter(m);
}

void guestmem_unlock(GuestMem *m)
{
    map_leave(m);
}

void guestmem_lock_all(GuestMem *m)
{
    map_enter(m);
    pthread_mutex_lock(&m->code_lock);
}

void guestmem_unlock_all(GuestMem *m)
{
    pthread_mutex_unlock(&m->code_lock);
    map_leave(m);
}

int guestmem_init(GuestMem *m)
{
    memset(m, 0, sizeof *m);
    pthread_mutex_init(&m->map_lock, NULL);
    pthread_mutex_init(&m->code_lock, NULL);
    /* guard, space, guard (GUEST_GUARD_SIZE) */
    uint8_t *b = mmap(NULL, GUEST_SPACE_SIZE + 2 * GUEST_GUARD_SIZE, PROT_NONE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (b == MAP_FAILED)
        return -errno;
    m->base = b + GUEST_GUARD_SIZE;
    m->limit = GUEST_SPACE_SIZE;
    m->mmap_top = GUEST_MMAP_TOP;
    m->brk_max = GUEST_MMAP_TOP;
    return 0;
}

void guestmem_destroy(GuestMem *m)
{
    if (m->base)
        munmap(m->base - GUEST_GUARD_SIZE, m->limit + 2 * GUEST_GUARD_SIZE);
    free(m->vmas);
    pthread_mutex_destroy(&m->map_lock);
    pthread_mutex_destroy(&m->code_lock);
    memset(m, 0, sizeof *m);
}

static bool guestmem_check_locked(const GuestMem *m, uint64_t addr, uint64_t len, int prot);

/* ---- the VMA list ---------------------------------------------------------- */

/* Index of the first VMA whose end is above addr (nvmas if none). */
static size_t vma_lower_bound(const GuestMem *m, uint64_t addr)
{
    size_t lo = 0, hi = m->nvmas;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->vmas[mid].end <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int vma_reserve(GuestMem *m, size_t extra)
{
    if (m->nvmas + extra <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap * 2 : 32;
    while (cap < m->nvmas + extra)
        cap *= 2;
    GuestVma *v = realloc(m->vmas, cap * sizeof *v);
    if (!v)
        return -ENOMEM;
    m->vmas = v;
    m->cap = cap;
    return 0;
}

static void vma_insert_at(GuestMem *m, size_t i, const GuestVma *v)
{
    memmove(&m->vmas[i + 1], &m->vmas[i], (m->nvmas - i) * sizeof *v);
    m->vmas[i] = *v;
    m->nvmas++;
}

static void vma_erase(GuestMem *m, size_t i, size_t count)
{
    memmove(&m->vmas[i], &m->vmas[i + count], (m->nvmas - i - count) * sizeof *m->vmas);
    m->nvmas -= count;
}

/* Splits the VMA containing addr (if any) so that addr is a boundary.
 * Needs one free slot (vma_reserve). */
static void vma_split_at(GuestMem *m, uint64_t addr)
{
    size_t i = vma_lower_bound(m, addr);
    if (i == m->nvmas || m->vmas[i].start >= addr)
        return;
    GuestVma hi = m->vmas[i];
    hi.start = addr;
    m->vmas[i].end = addr;
    vma_insert_at(m, i + 1, &hi);
}

static bool vma_mergeable(const GuestVma *a, const GuestVma *b)
{
    /* File-backed VMAs would need their file offsets to be contiguous,
     * which the list does not keep: only anonymous memory merges. */
    return a->end == b->start && a->prot == b->prot && a->flags == b->flags &&
           (a->flags & MAP_ANONYMOUS) && strcmp(a->name, b->name) == 0;
}

/* Merges mergeable neighbours of the VMAs in [addr, end). */
static void vma_merge_range(GuestMem *m, uint64_t addr, uint64_t end)
{
    size_t i = vma_lower_bound(m, addr);
    if (i > 0)
        i--;
    while (i + 1 < m->nvmas && m->vmas[i].start <= end) {
        if (vma_mergeable(&m->vmas[i], &m->vmas[i + 1])) {
            m->vmas[i].end = m->vmas[i + 1].end;
            vma_erase(m, i + 1, 1);
        } else {
            i++;
        }
    }
}

/* Removes [addr, end) from the list (splitting edges).  Returns true if an
 * executable VMA was touched.  Needs two free slots. */
static bool vma_remove_range(GuestMem *m, uint64_t addr, uint64_t end)
{
    vma_split_at(m, addr);
    vma_split_at(m, end);
    size_t i = vma_lower_bound(m, addr), j = i;
    bool exec = false;
    while (j < m->nvmas && m->vmas[j].start < end) {
        exec |= (m->vmas[j].prot & PROT_EXEC) != 0;
        j++;
    }
    vma_erase(m, i, j - i);
    return exec;
}

/* Records a new VMA over [addr, addr+len), replacing what was there. */
static int vma_record(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                      const char *name)
{
    if (vma_reserve(m, 3) < 0)
        return -ENOMEM;
    if (vma_remove_range(m, addr, addr + len))
        guestmem_note_code_change(m, addr, addr + len);
    GuestVma v = { .start = addr, .end = addr + len, .prot = prot,
                   .flags = flags & VMA_KEEP_FLAGS };
    if (name) {
        size_t l = strlen(name);
        if (l >= sizeof v.name) {   /* keep the end of a long path */
            name += l - (sizeof v.name - 1);
        }
        snprintf(v.name, sizeof v.name, "%s", name);
    }
    size_t i = vma_lower_bound(m, addr);
    vma_insert_at(m, i, &v);
    vma_merge_range(m, addr, addr + len);
    if (prot & PROT_EXEC)
        guestmem_note_code_change(m, addr, addr + len);
    return 0;
}

/* Puts [addr, addr+len) back to the reserved PROT_NONE state on the host. */
static int host_reserve(GuestMem *m, uint64_t addr, uint64_t len)
{
    void *h = mmap(g2h(m, addr), len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    return h == MAP_FAILED ? -errno : 0;
}

/* ---- mapping ----------------------------------------------------------------- */

static int guestmem_map_locked(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                 const char *name)
{
    int r = check_range(m, addr, len);
    if (r < 0)
        return r;
    if (vma_reserve(m, 3) < 0)
        return -ENOMEM;
    int share = (flags & MAP_SHARED) ? MAP_SHARED : MAP_PRIVATE;
    int hflags = share | MAP_ANONYMOUS | MAP_FIXED | (flags & MAP_NORESERVE);
    void *h = mmap(g2h(m, addr), len, host_prot(prot), hflags, -1, 0);
    if (h == MAP_FAILED) {
        r = -errno;
        /* MAP_FIXED may have dropped the old pages: never leave a hole in
         * the reservation, and keep the list in step with the host. */
        if (host_reserve(m, addr, len) == 0 && vma_remove_range(m, addr, addr + len))
            guestmem_note_code_change(m, addr, addr + len);
        return r;
    }
    return vma_record(m, addr, len, prot, share | MAP_ANONYMOUS | flags, name);
}

static int guestmem_map_file_locked(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                      int host_fd, uint64_t offset, const char *name)
{
    int r = check_range(m, addr, len);
    if (r < 0)
        return r;
    if (offset & (GUEST_PAGE_SIZE - 1))
        return -EINVAL;
    if (vma_reserve(m, 3) < 0)
        return -ENOMEM;
    int share = (flags & MAP_SHARED) ? MAP_SHARED : MAP_PRIVATE;
    /* Map anywhere first, so a refused file (EBADF, EACCES, ENODEV) leaves
     * the guest range untouched; then move it into place atomically. */
    void *tmp = mmap(NULL, len, host_prot(prot), share | (flags & MAP_NORESERVE),
                     host_fd, (off_t)offset);
    if (tmp == MAP_FAILED)
        return -errno;
    void *h = mremap(tmp, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, g2h(m, addr));
    if (h == MAP_FAILED) {
        r = -errno;
        munmap(tmp, len);
        return r;
    }
    return vma_record(m, addr, len, prot, share | (flags & ~MAP_ANONYMOUS), name);
}

static int guestmem_unmap_locked(GuestMem *m, uint64_t addr, uint64_t len)
{
    int r = check_range(m, addr, len);
    if (r < 0)
        return r;
    if (vma_reserve(m, 2) < 0)
        return -ENOMEM;
    r = host_reserve(m, addr, len);
    if (r < 0)
        return r;
    if (vma_remove_range(m, addr, addr + len))
        guestmem_note_code_change(m, addr, addr + len);
    return 0;
}

static int guestmem_protect_locked(GuestMem *m, uint64_t addr, uint64_t len, int prot)
{
    int r = check_range(m, addr, len);
    if (r < 0)
        return r;
    uint64_t end = addr + len;
    if (!guestmem_check_locked(m, addr, len, 0))
        return -ENOMEM;
    if (vma_reserve(m, 2) < 0)
        return -ENOMEM;
    if (mprotect(g2h(m, addr), len, host_prot(prot)) < 0)
        return -errno;
    vma_split_at(m, addr);
    vma_split_at(m, end);
    size_t i = vma_lower_bound(m, addr), j = i;
    bool exec = false;
    for (; j < m->nvmas && m->vmas[j].start < end; j++) {
        if (m->vmas[j].prot != prot && ((m->vmas[j].prot | prot) & PROT_EXEC))
            exec = true;
        m->vmas[j].prot = prot;
    }
    vma_merge_range(m, addr, end);
    if (exec)
        guestmem_note_code_change(m, addr, end);
    return 0;
}

/* Minimum address handed out by the search (Linux vm.mmap_min_addr). */
#define GUEST_MMAP_MIN 0x10000ull

static bool range_free(const GuestMem *m, uint64_t addr, uint64_t len)
{
    if (!guestmem_in_space(m, addr, len) || addr < GUEST_MMAP_MIN)
        return false;
    size_t i = vma_lower_bound(m, addr);
    return i == m->nvmas || m->vmas[i].start >= addr + len;
}

/* The highest free range of len bytes ending at or below top, or 0. */
static uint64_t find_below(const GuestMem *m, uint64_t top, uint64_t len)
{
    size_t i = vma_lower_bound(m, top);   /* VMAs below index i end <= top */
    if (i < m->nvmas && m->vmas[i].start < top)
        top = m->vmas[i].start;           /* one straddles top */
    while (i > 0) {
        const GuestVma *v = &m->vmas[i - 1];
        if (top >= v->end && top - v->end >= len && top - len >= GUEST_MMAP_MIN)
            return top - len;
        top = v->start;
        i--;
    }
    if (top >= len && top - len >= GUEST_MMAP_MIN)
        return top - len;
    return 0;
}

static uint64_t guestmem_find_free_locked(const GuestMem *m, uint64_t len, uint64_t hint)
{
    if (len == 0 || !page_aligned(len) || len > m->limit)
        return 0;
    hint &= ~(GUEST_PAGE_SIZE - 1);
    if (hint && range_free(m, hint, len))
        return hint;
    uint64_t r = find_below(m, m->mmap_top, len);
    /* Full below mmap_top: the gap between it and the stack (Linux falls
     * back to a bottom-up search the same way). */
    if (r == 0 && m->mmap_top < GUEST_STACK_TOP - GUEST_STACK_SIZE - GUEST_PAGE_SIZE)
        r = find_below(m, GUEST_STACK_TOP - GUEST_STACK_SIZE - GUEST_PAGE_SIZE, len);
    return r;
}

static const GuestVma *find_vma_locked(const GuestMem *m, uint64_t addr)
{
    size_t i = vma_lower_bound(m, addr);
    if (i < m->nvmas && m->vmas[i].start <= addr)
        return &m->vmas[i];
    return NULL;
}

static bool guestmem_check_locked(const GuestMem *m, uint64_t addr, uint64_t len, int prot)
{
    if (!guestmem_in_space(m, addr, len))
        return false;
    if (len == 0)
        return true;
    uint64_t end = addr + len;
    size_t i = vma_lower_bound(m, addr);
    uint64_t cur = addr;
    for (; i < m->nvmas; i++) {
        const GuestVma *v = &m->vmas[i];
        if (v->start > cur || (v->prot & prot) != prot)
            return false;
        cur = v->end;
        if (cur >= end)
            return true;
    }
    return false;
}

/* ---- code changes ----------------------------------------------------------- */

void guestmem_note_code_change(GuestMem *m, uint64_t lo, uint64_t hi)
{
    pthread_mutex_lock(&m->code_lock);
    m->code_noted++;
    if (lo >= hi) {
    } else if (m->code_dirty_lo >= m->code_dirty_hi) {
        m->code_dirty_lo = lo;
        m->code_dirty_hi = hi;
    } else {
        if (lo < m->code_dirty_lo)
            m->code_dirty_lo = lo;
        if (hi > m->code_dirty_hi)
            m->code_dirty_hi = hi;
    }
    /* after the record: whoever sees the new generation finds it */
    __atomic_add_fetch(&m->code_gen, 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&m->code_lock);
}

void guestmem_note_code_sync(GuestMem *m)
{
    pthread_mutex_lock(&m->code_lock);
    m->code_noted++;
    m->code_sync = true;
    __atomic_add_fetch(&m->code_gen, 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&m->code_lock);
}

void guestmem_take_code_changes(GuestMem *m, uint64_t since_gen, GuestCodeChanges *out)
{
    pthread_mutex_lock(&m->code_lock);
    out->gen = m->code_gen;
    out->bumps = m->code_gen - since_gen;
    out->noted = m->code_noted;
    out->lo = m->code_dirty_lo;
    out->hi = m->code_dirty_hi;
    out->sync = m->code_sync;
    m->code_noted = 0;
    m->code_dirty_lo = m->code_dirty_hi = 0;
    m->code_sync = false;
    pthread_mutex_unlock(&m->code_lock);
}

/* ---- guarded copies ------------------------------------------------------- */

/*
 * True when [addr, addr+n) touches a file-backed mapping: its pages past the
 * file's end (or after a truncate, or on an I/O error) raise SIGBUS when
 * touched, so such ranges are copied through the kernel instead.
 */
static bool range_file_backed(const GuestMem *m, uint64_t addr, size_t n)
{
    for (size_t i = vma_lower_bound(m, addr); i < m->nvmas && m->vmas[i].start < addr + n; i++)
        if (!(m->vmas[i].flags & MAP_ANONYMOUS))
            return true;
    return false;
}

/* Copies n bytes with process_vm_readv/writev on ourselves, which reports
 * EFAULT instead of faulting.  0 or -EFAULT; memcpy when the call is not
 * available (seccomp). */
static int copy_via_kernel(void *dst, const void *src, size_t n, bool to_guest)
{
    struct iovec local = { to_guest ? (void *)src : dst, n };
    struct iovec remote = { to_guest ? dst : (void *)src, n };
    ssize_t r = to_guest ? process_vm_writev(getpid(), &local, 1, &remote, 1, 0)
                         : process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
    if (r < 0 && (errno == ENOSYS || errno == EPERM)) {
        memcpy(dst, src, n);
        return 0;
    }
    return r == (ssize_t)n ? 0 : -EFAULT;
}

static int guest_read_locked(const GuestMem *m, void *dst, uint64_t gsrc, size_t n)
{
    if (!guestmem_check_locked(m, gsrc, n, PROT_READ))
        return -EFAULT;
    if (n == 0)
        return 0;
    if (range_file_backed(m, gsrc, n))
        return copy_via_kernel(dst, g2h(m, gsrc), n, false);
    memcpy(dst, g2h(m, gsrc), n);
    return 0;
}

static int guest_write_locked(GuestMem *m, uint64_t gdst, const void *src, size_t n)
{
    if (!guestmem_check_locked(m, gdst, n, PROT_WRITE))
        return -EFAULT;
    if (n == 0)
        return 0;
    int r = 0;
    if (range_file_backed(m, gdst, n))
        r = copy_via_kernel(g2h(m, gdst), src, n, true);
    else
        memcpy(g2h(m, gdst), src, n);
    /* Self-modifying code through a syscall (read() into a RWX page). */
    for (size_t i = vma_lower_bound(m, gdst); i < m->nvmas && m->vmas[i].start < gdst + n; i++) {
        if (m->vmas[i].prot & PROT_EXEC) {
            guestmem_note_code_change(m, gdst, gdst + n);
            break;
        }
    }
    return r;
}

static int guest_read_str_locked(const GuestMem *m, char *dst, uint64_t gsrc, size_t max)
{
    if (max == 0)
        return -ENAMETOOLONG;
    size_t done = 0;
    uint64_t cur = gsrc;
    while (done < max) {
        const GuestVma *v = find_vma_locked(m, cur);
        if (!v || !(v->prot & PROT_READ) || cur >= m->limit)
            return -EFAULT;
        uint64_t avail = v->end - cur;
        size_t chunk = max - done < avail ? max - done : (size_t)avail;
        const char *src = (const char *)g2h(m, cur);
        if (!(v->flags & MAP_ANONYMOUS)) {
            /* file-backed: bring it over page by page through the kernel */
            uint64_t in_page = GUEST_PAGE_SIZE - (cur & (GUEST_PAGE_SIZE - 1));
            if (chunk > in_page)
                chunk = (size_t)in_page;
            if (copy_via_kernel(dst + done, src, chunk, false) < 0)
                return -EFAULT;
            src = dst + done;
        }
        const char *nul = memchr(src, 0, chunk);
        if (nul) {
            memmove(dst + done, src, (size_t)(nul - src) + 1);
            return 0;
        }
        memmove(dst + done, src, chunk);
        done += chunk;
        cur += chunk;
    }
    dst[max - 1] = 0;
    return -ENAMETOOLONG;
}

/* ---- moving (mremap) -- declared in runtime/mm.h ---------------------------- */

static int guestmem_move_locked(GuestMem *m, uint64_t old_addr, uint64_t old_len, uint64_t new_addr,
                  uint64_t new_len)
{
    if (check_range(m, old_addr, old_len) < 0 || check_range(m, new_addr, new_len) < 0)
        return -EINVAL;
    if (old_addr < new_addr + new_len && new_addr < old_addr + old_len)
        return -EINVAL;
    const GuestVma *src = find_vma_locked(m, old_addr);
    if (!src || src->end < old_addr + old_len)
        return -EFAULT;
    GuestVma v = *src;
    if (vma_reserve(m, 5) < 0)
        return -ENOMEM;
    void *h = mremap(g2h(m, old_addr), old_len, new_len, MREMAP_MAYMOVE | MREMAP_FIXED,
                     g2h(m, new_addr));
    if (h == MAP_FAILED)
        return -errno;
    /* The host left a hole at the old range: close it at once. */
    int r = host_reserve(m, old_addr, old_len);
    if (vma_remove_range(m, old_addr, old_addr + old_len))
        guestmem_note_code_change(m, old_addr, old_addr + old_len);
    int r2 = vma_record(m, new_addr, new_len, v.prot, v.flags, v.name);
    return r < 0 ? r : r2;
}

int guestmem_map(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                 const char *name)
{
    map_enter(m);
    int r = guestmem_map_locked(m, addr, len, prot, flags, name);
    map_leave(m);
    return r;
}

int guestmem_map_file(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                      int host_fd, uint64_t offset, const char *name)
{
    map_enter(m);
    int r = guestmem_map_file_locked(m, addr, len, prot, flags, host_fd, offset, name);
    map_leave(m);
    return r;
}

int guestmem_unmap(GuestMem *m, uint64_t addr, uint64_t len)
{
    map_enter(m);
    int r = guestmem_unmap_locked(m, addr, len);
    map_leave(m);
    return r;
}

int guestmem_protect(GuestMem *m, uint64_t addr, uint64_t len, int prot)
{
    map_enter(m);
    int r = guestmem_protect_locked(m, addr, len, prot);
    map_leave(m);
    return r;
}

int guestmem_move(GuestMem *m, uint64_t old_addr, uint64_t old_len, uint64_t new_addr,
                 uint64_t new_len)
{
    map_enter(m);
    int r = guestmem_move_locked(m, old_addr, old_len, new_addr, new_len);
    map_leave(m);
    return r;
}

uint64_t guestmem_find_free(const GuestMem *m, uint64_t len, uint64_t hint)
{
    map_enter(m);
    uint64_t r = guestmem_find_free_locked(m, len, hint);
    map_leave(m);
    return r;
}

bool guestmem_check(const GuestMem *m, uint64_t addr, uint64_t len, int prot)
{
    map_enter(m);
    bool r = guestmem_check_locked(m, addr, len, prot);
    map_leave(m);
    return r;
}

int guest_read(const GuestMem *m, void *dst, uint64_t gsrc, size_t n)
{
    map_enter(m);
    int r = guest_read_locked(m, dst, gsrc, n);
    map_leave(m);
    return r;
}

int guest_write(GuestMem *m, uint64_t gdst, const void *src, size_t n)
{
    map_enter(m);
    int r = guest_write_locked(m, gdst, src, n);
    map_leave(m);
    return r;
}

int guest_read_str(const GuestMem *m, char *dst, uint64_t gsrc, size_t max)
{
    map_enter(m);
    int r = guest_read_str_locked(m, dst, gsrc, max);
    map_leave(m);
    return r;
}

const GuestVma *guestmem_find_vma(const GuestMem *m, uint64_t addr)
{
    map_enter(m);
    const GuestVma *v = find_vma_locked(m, addr);
    map_leave(m);
    return v;
}

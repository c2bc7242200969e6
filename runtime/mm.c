/*
 * The guest's memory system calls (contract: runtime/mm.h).  Argument checks
 * follow Linux mm/mmap.c (do_mmap, brk), mm/mremap.c, mm/mprotect.c and
 * mm/madvise.c so the guest sees the same errno values.
 */
#include "runtime/mm.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

#define PAGE_MASK_LOW (GUEST_PAGE_SIZE - 1)
#define MM_MIN_ADDR 0x10000ull  /* Linux vm.mmap_min_addr default */
#define PROT_ALL (PROT_READ | PROT_WRITE | PROT_EXEC)

/* Rounds len up to pages; 0 on overflow. */
static uint64_t page_round(uint64_t len)
{
    if (len > UINT64_MAX - PAGE_MASK_LOW)
        return 0;
    return (len + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
}

/* True when no VMA intersects [addr, addr+len) (and it is in the space). */
static bool mm_range_free(const GuestMem *m, uint64_t addr, uint64_t len)
{
    if (!guestmem_in_space(m, addr, len))
        return false;
    for (size_t i = 0; i < m->nvmas; i++) {
        if (m->vmas[i].end > addr)
            return m->vmas[i].start >= addr + len;
    }
    return true;
}

static int64_t mm_sys_brk_locked(Process *p, uint64_t addr)
{
    GuestMem *m = p->mem;
    if (addr < m->brk_start || addr > m->brk_max)
        return (int64_t)m->brk_cur;
    uint64_t old_top = page_round(m->brk_cur), new_top = page_round(addr);
    if (new_top > old_top) {
        if (!mm_range_free(m, old_top, new_top - old_top))
            return (int64_t)m->brk_cur;
        if (guestmem_map(m, old_top, new_top - old_top, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, "[heap]") < 0)
            return (int64_t)m->brk_cur;
    } else if (new_top < old_top) {
        if (guestmem_unmap(m, new_top, old_top - new_top) < 0)
            return (int64_t)m->brk_cur;
    }
    m->brk_cur = addr;
    return (int64_t)addr;
}

/* The name a file mapping shows in /proc/self/maps: the fd's path. */
static void mm_fd_name(int fd, char *out, size_t n)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t l = readlink(link, out, n - 1);
    out[l > 0 ? l : 0] = 0;
}

static int64_t mm_sys_mmap_locked(Process *p, uint64_t addr, uint64_t len, int prot, int flags,
                    int fd, uint64_t off)
{
    GuestMem *m = p->mem;
    int type = flags & MAP_SHARED_VALIDATE;
    if (len == 0 || type == 0 || (off & PAGE_MASK_LOW))
        return -EINVAL;
    uint64_t plen = page_round(len);
    if (plen == 0 || plen > m->limit)
        return -ENOMEM;
    if (!(flags & MAP_ANONYMOUS) && off + plen < off)
        return -EOVERFLOW;
    prot &= PROT_ALL;
    bool fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;

    uint64_t where;
    if (fixed) {
        if (addr & PAGE_MASK_LOW)
            return -EINVAL;
        if (!guestmem_in_space(m, addr, plen))
            return -ENOMEM;
        if (addr < MM_MIN_ADDR)
            return -EPERM;
        if ((flags & MAP_FIXED_NOREPLACE) && !mm_range_free(m, addr, plen))
            return -EEXIST;
        where = addr;
    } else {
        where = guestmem_find_free(m, plen, addr & ~PAGE_MASK_LOW);
        if (where == 0)
            return -ENOMEM;
    }

    int gflags = (type == MAP_PRIVATE ? MAP_PRIVATE : MAP_SHARED) |
                 (flags & (MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK | MAP_GROWSDOWN));
    int r;
    if (flags & MAP_ANONYMOUS) {
        r = guestmem_map(m, where, plen, prot, gflags, "");
    } else {
        char name[4096];
        mm_fd_name(fd, name, sizeof name);
        r = guestmem_map_file(m, where, plen, prot, gflags, fd, off, name);
    }
    return r < 0 ? r : (int64_t)where;
}

static int64_t mm_sys_munmap_locked(Process *p, uint64_t addr, uint64_t len)
{
    GuestMem *m = p->mem;
    uint64_t plen = page_round(len);
    if ((addr & PAGE_MASK_LOW) || plen == 0 || !guestmem_in_space(m, addr, plen))
        return -EINVAL;
    return guestmem_unmap(m, addr, plen);
}

static int64_t mm_sys_mprotect_locked(Process *p, uint64_t addr, uint64_t len, int prot)
{
    GuestMem *m = p->mem;
    prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
    if ((addr & PAGE_MASK_LOW) || (prot & ~PROT_ALL))
        return -EINVAL;
    if (len == 0)
        return 0;
    uint64_t plen = page_round(len);
    if (plen == 0 || !guestmem_in_space(m, addr, plen))
        return -ENOMEM;
    return guestmem_protect(m, addr, plen, prot);
}

/* Moves a mapping by copying: for ranges the host cannot mremap in one
 * piece (several host mappings behind one guest VMA). */
static int64_t mm_move_copy(GuestMem *m, const GuestVma *v, uint64_t old_addr, uint64_t old_len,
                            uint64_t new_addr, uint64_t new_len)
{
    int prot = v->prot, flags = v->flags;
    char name[sizeof v->name];
    memcpy(name, v->name, sizeof name);
    if (!(flags & MAP_ANONYMOUS))
        return -EFAULT;   /* a file mapping spread over host mappings: rare */
    int r = guestmem_map(m, new_addr, new_len, PROT_READ | PROT_WRITE, flags, name);
    if (r < 0)
        return r;
    if (!(prot & PROT_READ) && mprotect(g2h(m, old_addr), old_len, PROT_READ) < 0) {
        r = -errno;
        if (guestmem_unmap(m, new_addr, new_len) < 0)
            return r;   /* nothing more to undo */
        return r;
    }
    memcpy(g2h(m, new_addr), g2h(m, old_addr), old_len < new_len ? old_len : new_len);
    r = guestmem_unmap(m, old_addr, old_len);
    if (r == 0)
        r = guestmem_protect(m, new_addr, new_len, prot);
    return r < 0 ? r : (int64_t)new_addr;
}

static int64_t mm_move(GuestMem *m, uint64_t old_addr, uint64_t old_len, uint64_t new_addr,
                       uint64_t new_len)
{
    int r = guestmem_move(m, old_addr, old_len, new_addr, new_len);
    if (r == -EFAULT) {
        const GuestVma *v = guestmem_find_vma(m, old_addr);
        if (v && v->end >= old_addr + old_len)
            return mm_move_copy(m, v, old_addr, old_len, new_addr, new_len);
    }
    return r < 0 ? r : (int64_t)new_addr;
}

static int64_t mm_sys_mremap_locked(Process *p, uint64_t old_addr, uint64_t old_len, uint64_t new_len,
                      int flags, uint64_t new_addr)
{
    GuestMem *m = p->mem;
    if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
        return -EINVAL;
    if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
        return -EINVAL;
    if (flags & MREMAP_DONTUNMAP)
        return -EINVAL;   /* not supported (userfaultfd users only) */
    if (old_addr & PAGE_MASK_LOW)
        return -EINVAL;
    uint64_t olen = page_round(old_len), nlen = page_round(new_len);
    if (nlen == 0)
        return -EINVAL;
    if (olen == 0)
        return -EINVAL;   /* duplicating a shared mapping: not supported */
    if (!guestmem_in_space(m, old_addr, olen))
        return -EFAULT;
    const GuestVma *v = guestmem_find_vma(m, old_addr);
    if (!v || v->end < old_addr + olen)
        return -EFAULT;   /* Linux: the old range must be one mapping */

    if (flags & MREMAP_FIXED) {
        if ((new_addr & PAGE_MASK_LOW) || !guestmem_in_space(m, new_addr, nlen))
            return -EINVAL;
        if (new_addr < old_addr + olen && old_addr < new_addr + nlen)
            return -EINVAL;
        if (new_addr < MM_MIN_ADDR)
            return -EPERM;
        return mm_move(m, old_addr, olen, new_addr, nlen);
    }
    if (nlen <= olen) {
        if (nlen < olen) {
            int r = guestmem_unmap(m, old_addr + nlen, olen - nlen);
            if (r < 0)
                return r;
        }
        return (int64_t)old_addr;
    }
    /* Grow in place when the pages above are free. */
    uint64_t tail = old_addr + olen;
    if (v->end == tail && mm_range_free(m, tail, nlen - olen)) {
        if ((v->flags & MAP_ANONYMOUS) && !(v->flags & MAP_SHARED)) {
            char name[sizeof v->name];
            memcpy(name, v->name, sizeof name);
            int r = guestmem_map(m, tail, nlen - olen, v->prot, v->flags, name);
            return r < 0 ? r : (int64_t)old_addr;
        }
        /* File or shared memory: extend via a detour, there and back. */
        uint64_t tmp = guestmem_find_free(m, nlen, 0);
        if (tmp && (tmp + nlen <= old_addr || tmp >= old_addr + nlen)) {
            int64_t r = mm_move(m, old_addr, olen, tmp, nlen);
            if (r < 0)
                return r;
            return mm_move(m, tmp, nlen, old_addr, nlen);
        }
    }
    if (!(flags & MREMAP_MAYMOVE))
        return -ENOMEM;
    uint64_t dest = guestmem_find_free(m, nlen, 0);
    if (dest == 0)
        return -ENOMEM;
    return mm_move(m, old_addr, olen, dest, nlen);
}

static int64_t mm_sys_madvise_locked(Process *p, uint64_t addr, uint64_t len, int advice)
{
    GuestMem *m = p->mem;
    if (addr & PAGE_MASK_LOW)
        return -EINVAL;
    uint64_t plen = page_round(len);
    if (len && plen == 0)
        return -EINVAL;
    if (plen == 0)
        return 0;
    if (!guestmem_in_space(m, addr, plen))
        return -EINVAL;
    if (!guestmem_check(m, addr, plen, 0))
        return -ENOMEM;
    if (advice == MADV_DONTNEED) {
        /* The host does exactly what Linux does to each kind of mapping. */
        if (madvise(g2h(m, addr), plen, MADV_DONTNEED) < 0)
            return -errno;
        for (const GuestVma *v = guestmem_find_vma(m, addr); v && v->start < addr + plen; v++) {
            if (v->prot & PROT_EXEC) {
                guestmem_note_code_change(m, addr, addr + plen);
                break;
            }
            if (v + 1 >= m->vmas + m->nvmas)
                break;
        }
    }
    return 0;
}

static int mm_format_maps_locked(const Process *p, char *buf, size_t n)
{
    const GuestMem *m = p->mem;
    size_t total = 0;
    for (size_t i = 0; i < m->nvmas; i++) {
        const GuestVma *v = &m->vmas[i];
        char line[160];
        /* fs/proc/task_mmu.c show_map_vma: the name starts at column 74. */
        int l = snprintf(line, sizeof line, "%08llx-%08llx %c%c%c%c %08llx 00:00 0",
                         (unsigned long long)v->start, (unsigned long long)v->end,
                         v->prot & PROT_READ ? 'r' : '-', v->prot & PROT_WRITE ? 'w' : '-',
                         v->prot & PROT_EXEC ? 'x' : '-', v->flags & MAP_SHARED ? 's' : 'p',
                         0ull);
        if (v->name[0])
            l += snprintf(line + l, sizeof line - (size_t)l, "%*s%s", l < 73 ? 73 - l : 1, "",
                          v->name);
        else
            l += snprintf(line + l, sizeof line - (size_t)l, " ");
        l += snprintf(line + l, sizeof line - (size_t)l, "\n");
        if (total + (size_t)l < n)
            memcpy(buf + total, line, (size_t)l);
        else if (total < n)
            memcpy(buf + total, line, n - 1 - total);
        total += (size_t)l;
    }
    if (n > 0)
        buf[total < n ? total : n - 1] = 0;
    return (int)total;
}

int64_t mm_sys_brk(Process *p, uint64_t addr)
{
    guestmem_lock(p->mem);
    int64_t r = mm_sys_brk_locked(p, addr);
    guestmem_unlock(p->mem);
    return r;
}

int64_t mm_sys_mmap(Process *p, uint64_t addr, uint64_t len, int prot, int flags,
                    int fd, uint64_t off)
{
    guestmem_lock(p->mem);
    int64_t r = mm_sys_mmap_locked(p, addr, len, prot, flags, fd, off);
    guestmem_unlock(p->mem);
    return r;
}

int64_t mm_sys_munmap(Process *p, uint64_t addr, uint64_t len)
{
    guestmem_lock(p->mem);
    int64_t r = mm_sys_munmap_locked(p, addr, len);
    guestmem_unlock(p->mem);
    return r;
}

int64_t mm_sys_mprotect(Process *p, uint64_t addr, uint64_t len, int prot)
{
    guestmem_lock(p->mem);
    int64_t r = mm_sys_mprotect_locked(p, addr, len, prot);
    guestmem_unlock(p->mem);
    return r;
}

int64_t mm_sys_mremap(Process *p, uint64_t old_addr, uint64_t old_len, uint64_t new_len,
                      int flags, uint64_t new_addr)
{
    guestmem_lock(p->mem);
    int64_t r = mm_sys_mremap_locked(p, old_addr, old_len, new_len, flags, new_addr);
    guestmem_unlock(p->mem);
    return r;
}

int64_t mm_sys_madvise(Process *p, uint64_t addr, uint64_t len, int advice)
{
    guestmem_lock(p->mem);
    int64_t r = mm_sys_madvise_locked(p, addr, len, advice);
    guestmem_unlock(p->mem);
    return r;
}

int mm_format_maps(const Process *p, char *buf, size_t n)
{
    guestmem_lock(p->mem);
    int r = mm_format_maps_locked(p, buf, n);
    guestmem_unlock(p->mem);
    return r;
}

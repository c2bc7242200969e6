/*
 * The guest's memory system calls (brk, mmap, munmap, mprotect, mremap,
 * madvise) and the text of /proc/self/maps, on top of runtime/guestmem.h.
 * Called by the syscall dispatcher with the raw guest arguments; each returns
 * the value the guest sees in a0 (an address / 0, or -errno), Linux semantics
 * (mm/mmap.c, mm/mremap.c, mm/mprotect.c, mm/madvise.c).
 *
 * Flag values are the asm-generic ones the riscv64 guest uses; for every flag
 * handled here they equal the x86-64 host's values.  File mappings take a
 * host fd: guest fds are host fds in this runtime.
 */
#ifndef FVP_MM_H
#define FVP_MM_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/process.h"

/* brk(addr): moves the break; returns the new break, or the current one when
 * addr is 0, below the heap start, past brk_max, or when growth would run
 * into another mapping or fails.  New heap pages are zeroed RW "[heap]". */
int64_t mm_sys_brk(Process *p, uint64_t addr);

/* mmap: anonymous or file-backed, MAP_PRIVATE / MAP_SHARED, MAP_FIXED
 * (-ENOMEM outside the guest space), MAP_FIXED_NOREPLACE (-EEXIST on
 * overlap), hints (used when free, else a top-down search).  Returns the
 * guest address or -errno (-EINVAL for len 0 or an unaligned offset). */
int64_t mm_sys_mmap(Process *p, uint64_t addr, uint64_t len, int prot, int flags,
                    int fd, uint64_t off);

/* munmap: 0 or -EINVAL (unaligned, empty, outside the space). */
int64_t mm_sys_munmap(Process *p, uint64_t addr, uint64_t len);

/* mprotect: 0, -EINVAL (unaligned / unknown prot bits), -ENOMEM (a page of
 * the range is not mapped). */
int64_t mm_sys_mprotect(Process *p, uint64_t addr, uint64_t len, int prot);

/* mremap: shrink, grow in place, or move (MREMAP_MAYMOVE, MREMAP_FIXED);
 * contents are preserved (the host mremap moves the pages).  Returns the
 * new guest address or -errno (-EFAULT when the old range is not one
 * mapping, -ENOMEM when it cannot grow and may not move). */
int64_t mm_sys_mremap(Process *p, uint64_t old_addr, uint64_t old_len, uint64_t new_len,
                      int flags, uint64_t new_addr);

/* madvise: MADV_DONTNEED drops the pages like Linux (anonymous private pages
 * read back as zero); other advice is accepted and ignored.  0, -EINVAL,
 * -ENOMEM (part of the range unmapped). */
int64_t mm_sys_madvise(Process *p, uint64_t addr, uint64_t len, int advice);

/* Writes the guest's /proc/self/maps text (Linux format, one line per VMA,
 * offsets and inodes shown as 0) into buf, at most n-1 bytes plus a NUL
 * (when n > 0).  Returns the length of the full text, like snprintf: a
 * result >= n means buf was too small. */
int mm_format_maps(const Process *p, char *buf, size_t n);

/*
 * Guest-memory primitive mremap needs (implemented in guestmem.c; declared
 * here because runtime/guestmem.h is a shared contract): moves the pages of
 * [old_addr, old_addr+old_len), which must lie inside one VMA, to
 * [new_addr, new_addr+new_len) with the host mremap (contents and file
 * backing kept, growth zero-filled / extended from the file, whatever was at
 * the destination replaced), returns the old range to the PROT_NONE
 * reservation and moves the VMA.  Ranges page aligned, in the space and
 * disjoint.  0, or -errno with nothing changed (-EFAULT when the host range
 * is not one host mapping: the caller may fall back to copying).
 */
int guestmem_move(GuestMem *m, uint64_t old_addr, uint64_t old_len, uint64_t new_addr,
                  uint64_t new_len) __attribute__((warn_unused_result));

#endif /* FVP_MM_H */

/*
 * File-system and fd system calls of the riscv64 Linux guest.
 *
 * Guest fds are host fds.  Layout notes (why passing a guest buffer straight
 * to the host kernel is safe): riscv64 and x86-64 are both LP64 and both use
 * the asm-generic definitions for these structs, so they match byte for byte:
 *  - struct iovec {void *, size_t}: same layout, but iov_base holds GUEST
 *    addresses, so readv/writev translate every entry (fs_iov_from_guest);
 *  - struct linux_dirent64 (getdents64): u64, s64, u16, u8, name[] on every
 *    architecture (include/uapi/linux/dirent.h);
 *  - struct statx: fixed-width fields, arch-independent (uapi/linux/stat.h);
 *  - struct statfs: x86-64 asm/statfs.h includes asm-generic/statfs.h, like
 *    riscv64 (64-bit __statfs_word on both: 120 bytes);
 *  - struct flock (F_GETLK...): asm-generic/fcntl.h on both, short, short,
 *    off_t, off_t, pid_t (32 bytes);
 *  - struct termios (TCGETS/TCSETS*): asm-generic/termbits.h on both, the
 *    kernel's 36-byte termios (not glibc's); struct winsize: 4 x u16;
 *  - struct timespec (utimensat, ppoll, pselect6): {s64, s64} on both;
 *  - struct pollfd {int, short, short}, fd_set (array of longs): identical;
 *  - O_*, AT_*, F_*, ioctl numbers: asm-generic values on both.
 * struct stat is the exception (x86-64 has its own layout): fstat and
 * newfstatat translate into GuestStat.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include "runtime/mm.h"
#include "runtime/syscall_priv.h"

/* ioctl numbers: asm-generic/ioctls.h, the same on riscv64 and x86-64. */
_Static_assert(TCGETS == 0x5401 && TCSETS == 0x5402 && TCSETSW == 0x5403 &&
                   TCSETSF == 0x5404, "TCGETS family");
_Static_assert(TIOCGWINSZ == 0x5413 && TIOCSWINSZ == 0x5414, "TIOCGWINSZ");
_Static_assert(FIONREAD == 0x541B && FIONBIO == 0x5421, "FIONREAD/FIONBIO");
_Static_assert(AT_FDCWD == -100, "AT_FDCWD");
_Static_assert(sizeof(struct statfs) == 120, "statfs: asm-generic layout");
_Static_assert(sizeof(struct flock) == 32, "flock: asm-generic layout");
_Static_assert(sizeof(struct iovec) == 16, "iovec");
_Static_assert(sizeof(struct pollfd) == 8, "pollfd");

#define KERNEL_TERMIOS_SIZE 36  /* 4 x u32 + c_line + c_cc[19] */

int sys_get_path(Process *p, uint64_t addr, char *out)
{
    if (addr == 0)
        return -EFAULT;
    return guest_read_str(p->mem, out, addr, PATH_MAX);
}

void sys_note_guest_write(Process *p, uint64_t addr, uint64_t len)
{
    GuestMem *m = p->mem;
    uint64_t end = addr + len;
    if (len == 0)
        return;
    guestmem_lock(m);   /* another thread may change the list */
    for (size_t i = 0; i < m->nvmas; i++) {
        const GuestVma *v = &m->vmas[i];
        if (v->start >= end)
            break;
        if (v->end > addr && (v->prot & PROT_EXEC)) {
            guestmem_note_code_change(m, addr, end);
            break;
        }
    }
    guestmem_unlock(m);
}

/* True when path names /proc/self/<leaf> or /proc/<our pid>/<leaf>. */
static bool fs_is_proc_self(const char *path, const char *leaf)
{
    char own[64];
    size_t n;
    if (strncmp(path, "/proc/self/", 11) == 0)
        return strcmp(path + 11, leaf) == 0;
    n = (size_t)snprintf(own, sizeof own, "/proc/%d/", (int)getpid());
    return strncmp(path, own, n) == 0 && strcmp(path + n, leaf) == 0;
}

/* /proc/self/exe must name the guest program, not fvp-run. */
static const char *fs_map_path(Process *p, const char *path)
{
    if (p->exe_realpath[0] && fs_is_proc_self(path, "exe"))
        return p->exe_realpath;
    return path;
}

/* /proc/self/maps: a memfd holding the guest's mappings (mm_format_maps). */
static int64_t fs_open_maps(Process *p, int flags)
{
    size_t n = 16384;
    char *buf = NULL;
    int len = 0;
    if ((flags & O_ACCMODE) != O_RDONLY)
        return -EACCES;
    for (;;) {
        char *nb = realloc(buf, n);
        if (!nb) {
            free(buf);
            return -ENOMEM;
        }
        buf = nb;
        len = mm_format_maps(p, buf, n);
        if (len < 0) {
            free(buf);
            return len;
        }
        /* snprintf-style: a result of n-1 or more may be truncated */
        if ((size_t)len + 1 < n || n >= (16u << 20))
            break;
        n *= 2;
    }
    if ((size_t)len >= n)
        len = (int)n - 1;
    int fd = memfd_create("fvp-maps", (flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0) {
        int e = errno;
        free(buf);
        return -e;
    }
    for (size_t off = 0; off < (size_t)len;) {
        ssize_t w = write(fd, buf + off, (size_t)len - off);
        if (w <= 0) {
            int e = w < 0 ? errno : EIO;
            close(fd);
            free(buf);
            return -e;
        }
        off += (size_t)w;
    }
    free(buf);
    if (lseek(fd, 0, SEEK_SET) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    return fd;
}

int64_t sys_openat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    if (fs_is_proc_self(path, "maps"))
        return fs_open_maps(p, (int)a[2]);
    return sys_result(syscall(SYS_openat, (int)a[0], fs_map_path(p, path), (int)a[2],
                              (mode_t)a[3]));
}

int64_t sys_close(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(close((int)a[0]));
}

int64_t sys_read(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], a[2]);
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    int64_t r = sys_blocking(p, SYS_read, (int)a[0], (long)buf, (long)a[2], 0, 0, 0);
    if (r > 0)
        sys_note_guest_write(p, a[1], (uint64_t)r);
    return r;
}

int64_t sys_write(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], a[2]);
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    return sys_blocking(p, SYS_write, (int)a[0], (long)buf, (long)a[2], 0, 0, 0);
}

int64_t sys_pread64(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], a[2]);
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    int64_t r = sys_result(pread((int)a[0], buf, a[2], (off_t)a[3]));
    if (r > 0)
        sys_note_guest_write(p, a[1], (uint64_t)r);
    return r;
}

int64_t sys_pwrite64(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], a[2]);
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    return sys_result(pwrite((int)a[0], buf, a[2], (off_t)a[3]));
}

/*
 * Translates a guest iovec array (guest addresses) into host iovecs.
 * Returns the count, or -EINVAL / -EFAULT.
 */
static int fs_iov_from_guest(Process *p, uint64_t giov, uint64_t cnt, struct iovec *out)
{
    uint64_t raw[2];
    if (cnt > IOV_MAX)
        return -EINVAL;
    for (uint64_t i = 0; i < cnt; i++) {
        if (guest_read(p->mem, raw, giov + 16 * i, sizeof raw) < 0)
            return -EFAULT;
        if (!guestmem_in_space(p->mem, raw[0], raw[1]))
            return -EFAULT;
        out[i].iov_base = g2h(p->mem, raw[0]);
        out[i].iov_len = raw[1];
    }
    return (int)cnt;
}

static void fs_iov_note(Process *p, const struct iovec *iov, int n, int64_t done)
{
    for (int i = 0; i < n && done > 0; i++) {
        uint64_t len = iov[i].iov_len < (uint64_t)done ? iov[i].iov_len : (uint64_t)done;
        sys_note_guest_write(p, (uint64_t)((uint8_t *)iov[i].iov_base - p->mem->base), len);
        done -= (int64_t)len;
    }
}

int64_t sys_readv(Process *p, RvCpu *c, const uint64_t *a)
{
    struct iovec iov[IOV_MAX];
    int n = fs_iov_from_guest(p, a[1], a[2], iov);
    SYS_UNUSED_ARGS;
    if (n < 0)
        return n;
    int64_t r = sys_blocking(p, SYS_readv, (int)a[0], (long)iov, n, 0, 0, 0);
    fs_iov_note(p, iov, n, r);
    return r;
}

int64_t sys_writev(Process *p, RvCpu *c, const uint64_t *a)
{
    struct iovec iov[IOV_MAX];
    int n = fs_iov_from_guest(p, a[1], a[2], iov);
    SYS_UNUSED_ARGS;
    if (n < 0)
        return n;
    return sys_blocking(p, SYS_writev, (int)a[0], (long)iov, n, 0, 0, 0);
}

/* preadv/pwritev: riscv64 passes the 64-bit offset in one register
 * (a3); the kernel's pos_l/pos_h split puts the high half in a4, ignored. */
int64_t sys_preadv(Process *p, RvCpu *c, const uint64_t *a)
{
    struct iovec iov[IOV_MAX];
    int n = fs_iov_from_guest(p, a[1], a[2], iov);
    SYS_UNUSED_ARGS;
    if (n < 0)
        return n;
    int64_t r = sys_result(preadv((int)a[0], iov, n, (off_t)a[3]));
    fs_iov_note(p, iov, n, r);
    return r;
}

int64_t sys_pwritev(Process *p, RvCpu *c, const uint64_t *a)
{
    struct iovec iov[IOV_MAX];
    int n = fs_iov_from_guest(p, a[1], a[2], iov);
    SYS_UNUSED_ARGS;
    if (n < 0)
        return n;
    return sys_result(pwritev((int)a[0], iov, n, (off_t)a[3]));
}

int64_t sys_lseek(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(syscall(SYS_lseek, (int)a[0], (off_t)a[1], (int)a[2]));
}

/* Host struct stat -> asm-generic guest layout. */
static void fs_stat_to_guest(const struct stat *st, GuestStat *g)
{
    memset(g, 0, sizeof *g);
    g->st_dev = st->st_dev;
    g->st_ino = st->st_ino;
    g->st_mode = st->st_mode;
    g->st_nlink = (uint32_t)st->st_nlink;
    g->st_uid = st->st_uid;
    g->st_gid = st->st_gid;
    g->st_rdev = st->st_rdev;
    g->st_size = st->st_size;
    g->st_blksize = (int32_t)st->st_blksize;
    g->st_blocks = st->st_blocks;
    g->st_atime_sec = st->st_atim.tv_sec;
    g->st_atime_nsec = (uint64_t)st->st_atim.tv_nsec;
    g->st_mtime_sec = st->st_mtim.tv_sec;
    g->st_mtime_nsec = (uint64_t)st->st_mtim.tv_nsec;
    g->st_ctime_sec = st->st_ctim.tv_sec;
    g->st_ctime_nsec = (uint64_t)st->st_ctim.tv_nsec;
}

static int64_t fs_put_stat(Process *p, uint64_t gaddr, const struct stat *st)
{
    GuestStat g;
    fs_stat_to_guest(st, &g);
    return guest_write(p->mem, gaddr, &g, sizeof g) < 0 ? -EFAULT : 0;
}

int64_t sys_fstat(Process *p, RvCpu *c, const uint64_t *a)
{
    struct stat st;
    SYS_UNUSED_ARGS;
    if (fstat((int)a[0], &st) < 0)
        return -errno;
    return fs_put_stat(p, a[1], &st);
}

int64_t sys_newfstatat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    struct stat st;
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    if (fstatat((int)a[0], fs_map_path(p, path), &st, (int)a[3]) < 0)
        return -errno;
    return fs_put_stat(p, a[2], &st);
}

int64_t sys_statx(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    void *buf = sys_gbuf(p, a[4], 256);   /* sizeof(struct statx) */
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    if (!buf)
        return -EFAULT;
    return sys_result(syscall(SYS_statx, (int)a[0], fs_map_path(p, path), (int)a[2],
                              (unsigned)a[3], buf));
}

int64_t sys_getdents64(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], a[2]);
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    return sys_result(syscall(SYS_getdents64, (int)a[0], buf, (unsigned)a[2]));
}

int64_t sys_fcntl(Process *p, RvCpu *c, const uint64_t *a)
{
    int fd = (int)a[0], cmd = (int)a[1];
    void *buf;
    SYS_UNUSED_ARGS;
    switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_GETFD: case F_SETFD:
    case F_GETFL: case F_SETFL: case F_GETOWN: case F_SETOWN:
    case F_GETSIG: case F_SETSIG: case F_GETLEASE: case F_SETLEASE:
    case F_NOTIFY: case F_GETPIPE_SZ: case F_SETPIPE_SZ:
    case F_ADD_SEALS: case F_GET_SEALS:
        return sys_result(syscall(SYS_fcntl, fd, cmd, (unsigned long)a[2]));
    case F_GETLK: case F_SETLK: case F_SETLKW:
    case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
        if (!(buf = sys_gbuf(p, a[2], sizeof(struct flock))))
            return -EFAULT;
        return sys_result(syscall(SYS_fcntl, fd, cmd, buf));
    default:
        return -EINVAL;
    }
}

/* Only ioctls whose argument layout we know are passed to the host. */
int64_t sys_ioctl(Process *p, RvCpu *c, const uint64_t *a)
{
    int fd = (int)a[0];
    unsigned long req = (unsigned)a[1];
    uint64_t size;
    void *buf;
    SYS_UNUSED_ARGS;
    switch (req) {
    case TCGETS: case TCSETS: case TCSETSW: case TCSETSF:
        size = KERNEL_TERMIOS_SIZE;
        break;
    case TIOCGWINSZ: case TIOCSWINSZ:
        size = sizeof(struct winsize);
        break;
    case FIONREAD: case FIONBIO: case TIOCGPGRP: case TIOCSPGRP:
        size = sizeof(int);
        break;
    case FIOCLEX: case FIONCLEX:
        return sys_result(ioctl(fd, req));
    default:
        return -ENOTTY;
    }
    if (!(buf = sys_gbuf(p, a[2], size)))
        return -EFAULT;
    return sys_result(ioctl(fd, req, buf));
}

int64_t sys_dup(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(dup((int)a[0]));
}

int64_t sys_dup3(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(dup3((int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_pipe2(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[0], 2 * sizeof(int));
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    return sys_result(syscall(SYS_pipe2, buf, (int)a[1]));
}

int64_t sys_mkdirat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    return sys_result(mkdirat((int)a[0], path, (mode_t)a[2]));
}

int64_t sys_mknodat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    return sys_result(syscall(SYS_mknodat, (int)a[0], path, (mode_t)a[2], (unsigned)a[3]));
}

int64_t sys_unlinkat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    return sys_result(unlinkat((int)a[0], path, (int)a[2]));
}

static int64_t fs_rename(Process *p, int olddfd, uint64_t gold, int newdfd, uint64_t gnew,
                         unsigned flags)
{
    char oldp[PATH_MAX], newp[PATH_MAX];
    int r;
    if ((r = sys_get_path(p, gold, oldp)) < 0 || (r = sys_get_path(p, gnew, newp)) < 0)
        return r;
    return sys_result(syscall(SYS_renameat2, olddfd, oldp, newdfd, newp, flags));
}

int64_t sys_renameat(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return fs_rename(p, (int)a[0], a[1], (int)a[2], a[3], 0);
}

int64_t sys_renameat2(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return fs_rename(p, (int)a[0], a[1], (int)a[2], a[3], (unsigned)a[4]);
}

int64_t sys_readlinkat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    if ((int)a[3] <= 0)   /* bufsiz is an int (fs/stat.c) */
        return -EINVAL;
    if (p->exe_realpath[0] && fs_is_proc_self(path, "exe")) {
        /* Linux fs/proc/base.c: the target, not NUL-terminated, truncated */
        size_t n = strlen(p->exe_realpath);
        if (n > (size_t)(int)a[3])
            n = (size_t)(int)a[3];
        if (guest_write(p->mem, a[2], p->exe_realpath, n) < 0)
            return -EFAULT;
        return (int64_t)n;
    }
    void *buf = sys_gbuf(p, a[2], (uint64_t)(int)a[3]);
    if (!buf)
        return -EFAULT;
    return sys_result(readlinkat((int)a[0], path, buf, (size_t)(int)a[3]));
}

int64_t sys_faccessat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    return sys_result(syscall(SYS_faccessat, (int)a[0], fs_map_path(p, path), (int)a[2]));
}

int64_t sys_faccessat2(Process *p, RvCpu *c, const uint64_t *a)
{
#ifdef SYS_faccessat2
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    return sys_result(syscall(SYS_faccessat2, (int)a[0], fs_map_path(p, path), (int)a[2],
                              (int)a[3]));
#else
    SYS_UNUSED_ARGS;
    return -ENOSYS;
#endif
}

int64_t sys_getcwd(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[0], a[1]);
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    return sys_result(syscall(SYS_getcwd, buf, (size_t)a[1]));
}

int64_t sys_chdir(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[0], path)) < 0)
        return r;
    return sys_result(chdir(path));
}

int64_t sys_fchdir(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(fchdir((int)a[0]));
}

int64_t sys_truncate(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[0], path)) < 0)
        return r;
    return sys_result(truncate(path, (off_t)a[1]));
}

int64_t sys_ftruncate(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(ftruncate((int)a[0], (off_t)a[1]));
}

int64_t sys_fallocate(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(syscall(SYS_fallocate, (int)a[0], (int)a[1], (off_t)a[2], (off_t)a[3]));
}

int64_t sys_fsync(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(fsync((int)a[0]));
}

int64_t sys_fdatasync(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(fdatasync((int)a[0]));
}

int64_t sys_sync(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    sync();
    return 0;
}

int64_t sys_symlinkat(Process *p, RvCpu *c, const uint64_t *a)
{
    char target[PATH_MAX], path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[0], target)) < 0 || (r = sys_get_path(p, a[2], path)) < 0)
        return r;
    return sys_result(symlinkat(target, (int)a[1], path));
}

int64_t sys_linkat(Process *p, RvCpu *c, const uint64_t *a)
{
    char oldp[PATH_MAX], newp[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], oldp)) < 0 || (r = sys_get_path(p, a[3], newp)) < 0)
        return r;
    return sys_result(linkat((int)a[0], oldp, (int)a[2], newp, (int)a[4]));
}

int64_t sys_fchmod(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(fchmod((int)a[0], (mode_t)a[1]));
}

int64_t sys_fchmodat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    /* the kernel's fchmodat has no flags argument */
    return sys_result(syscall(SYS_fchmodat, (int)a[0], path, (mode_t)a[2]));
}

int64_t sys_fchown(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(fchown((int)a[0], (uid_t)a[1], (gid_t)a[2]));
}

int64_t sys_fchownat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[1], path)) < 0)
        return r;
    return sys_result(fchownat((int)a[0], path, (uid_t)a[2], (gid_t)a[3], (int)a[4]));
}

int64_t sys_utimensat(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    const char *pp = NULL;
    void *times;
    int r;
    SYS_UNUSED_ARGS;
    if (a[1] != 0) {   /* NULL path: futimens on dirfd */
        if ((r = sys_get_path(p, a[1], path)) < 0)
            return r;
        pp = path;
    }
    if (sys_gbuf_opt(p, a[2], 2 * sizeof(struct timespec), &times) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_utimensat, (int)a[0], pp, times, (int)a[3]));
}

int64_t sys_statfs(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    void *buf = sys_gbuf(p, a[1], sizeof(struct statfs));
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[0], path)) < 0)
        return r;
    if (!buf)
        return -EFAULT;
    return sys_result(syscall(SYS_statfs, path, buf));
}

int64_t sys_fstatfs(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], sizeof(struct statfs));
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    return sys_result(syscall(SYS_fstatfs, (int)a[0], buf));
}

int64_t sys_sendfile(Process *p, RvCpu *c, const uint64_t *a)
{
    void *off;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[2], sizeof(int64_t), &off) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_sendfile, (int)a[0], (int)a[1], off, (size_t)a[3]));
}

int64_t sys_copy_file_range(Process *p, RvCpu *c, const uint64_t *a)
{
    void *offin, *offout;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[1], sizeof(int64_t), &offin) < 0 ||
        sys_gbuf_opt(p, a[3], sizeof(int64_t), &offout) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_copy_file_range, (int)a[0], offin, (int)a[2], offout,
                              (size_t)a[4], (unsigned)a[5]));
}

int64_t sys_flock(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(flock((int)a[0], (int)a[1]));
}

/*
 * ppoll/pselect6: the signal mask argument is ignored for now (guest
 * signal masks live in p->sig, not in the host mask); U5 revisits this
 * together with the signal layer.
 */
int64_t sys_ppoll(Process *p, RvCpu *c, const uint64_t *a)
{
    void *fds, *ts;
    SYS_UNUSED_ARGS;
    if (a[1] > (1u << 20))   /* beyond RLIMIT_NOFILE's hard maximum */
        return -EINVAL;
    fds = sys_gbuf(p, a[0], a[1] * sizeof(struct pollfd));
    if (!fds || sys_gbuf_opt(p, a[2], sizeof(struct timespec), &ts) < 0)
        return -EFAULT;
    return sys_blocking(p, SYS_ppoll, (long)fds, (long)a[1], (long)ts, 0, 8, 0);
}

int64_t sys_pselect6(Process *p, RvCpu *c, const uint64_t *a)
{
    int nfds = (int)a[0];
    uint64_t setlen;
    void *sets[3], *ts;
    SYS_UNUSED_ARGS;
    if (nfds < 0 || nfds > 65536)
        return -EINVAL;
    setlen = ((uint64_t)nfds + 63) / 64 * 8;
    for (int i = 0; i < 3; i++)
        if (sys_gbuf_opt(p, a[1 + i], setlen, &sets[i]) < 0)
            return -EFAULT;
    if (sys_gbuf_opt(p, a[4], sizeof(struct timespec), &ts) < 0)
        return -EFAULT;
    return sys_blocking(p, SYS_pselect6, nfds, (long)sets[0], (long)sets[1], (long)sets[2],
                        (long)ts, 0);
}

int64_t sys_fadvise64(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    /* POSIX_FADV_* are the generic values on both (only s390 differs) */
    return sys_result(syscall(SYS_fadvise64, (int)a[0], (off_t)a[1], (off_t)a[2], (int)a[3]));
}

int64_t sys_memfd_create(Process *p, RvCpu *c, const uint64_t *a)
{
    char name[PATH_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = sys_get_path(p, a[0], name)) < 0)
        return r;
    return sys_result(syscall(SYS_memfd_create, name, (unsigned)a[1]));
}

int64_t sys_eventfd2(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(syscall(SYS_eventfd2, (unsigned)a[0], (int)a[1]));
}

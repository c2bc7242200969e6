/*
 * Internals of the Linux riscv64 system call layer: the handler type, the
 * dispatch table entry (name, handler, argument kinds for --strace), the
 * guest struct layouts that differ from the host's, and small helpers shared
 * by syscall.c, syscall_fs.c and syscall_sys.c.
 *
 * Guest fds are host fds.  Guest buffers that the host kernel can fill or
 * read with the same layout are passed as g2h() pointers after a
 * guestmem_in_space() check: unmapped guest pages are PROT_NONE in the
 * reservation, so the host kernel itself answers EFAULT for them.
 */
#ifndef FVP_SYSCALL_PRIV_H
#define FVP_SYSCALL_PRIV_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/guestmem.h"
#include "runtime/process.h"
#include "runtime/safe_syscall.h"
#include "runtime/syscall.h"

/* A handler gets the six guest arguments a0..a5 and returns a0 or -errno. */
typedef int64_t (*SysHandler)(Process *p, RvCpu *c, const uint64_t *a);

/* How --strace prints an argument. */
typedef enum SysArgKind {
    SA_END = 0,   /* no more arguments */
    SA_INT,       /* signed 32-bit decimal */
    SA_LONG,      /* signed 64-bit decimal */
    SA_ULONG,     /* unsigned 64-bit decimal */
    SA_HEX,       /* 0x... */
    SA_PTR,       /* NULL or 0x... */
    SA_DIRFD,     /* AT_FDCWD or decimal */
    SA_PATH,      /* guest C string, quoted */
    SA_WBUF,      /* guest buffer of length = next argument, quoted */
    SA_OFLAGS,    /* O_RDONLY|O_CREAT|... */
    SA_MODE,      /* octal 0644 */
    SA_OMODE,     /* open's mode: printed only with O_CREAT / O_TMPFILE */
    SA_SIG,       /* SIGINT ... */
    SA_CLOCK,     /* CLOCK_MONOTONIC ... */
    SA_ATFLAGS,   /* AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH ... */
    SA_AMODE,     /* access mode: F_OK, R_OK|W_OK ... */
    SA_PROT,      /* PROT_READ|PROT_WRITE ..., PROT_NONE */
    SA_MAPFLAGS,  /* MAP_PRIVATE|MAP_ANONYMOUS ... */
    SA_WHENCE,    /* SEEK_SET ... */
    SA_RLIMIT,    /* RLIMIT_STACK ... */
    SA_FCNTL,     /* F_GETFL ... */
    SA_IOCTL,     /* TCGETS ... */
    SA_FUTEXOP,   /* FUTEX_WAIT_PRIVATE ... */
    SA_SIGHOW,    /* SIG_BLOCK ... */
    SA_SOCKFAM,   /* AF_UNIX, AF_INET ... */
} SysArgKind;

/* How --strace prints the result. */
typedef enum SysRetKind {
    SR_INT = 0,   /* decimal, or -1 EXXX (text) */
    SR_HEX,       /* addresses (brk, mmap, mremap) */
    SR_OCT,       /* umask */
    SR_NONE,      /* exit, exit_group: printed before, "= ?" */
    SR_KEEP,      /* rt_sigreturn: a0 comes from the restored frame */
} SysRetKind;

#define SYS_MAX_ARGS 6

typedef struct SysDesc {
    const char *name;               /* NULL: number unknown */
    SysHandler fn;                  /* NULL: known but -ENOSYS */
    uint8_t ret;                    /* SysRetKind */
    uint8_t kind[SYS_MAX_ARGS];     /* SysArgKind, SA_END-terminated */
} SysDesc;

/* riscv64 (asm-generic) numbers the dispatcher treats specially. */
enum {
    RV_NR_EXIT = 93,
    RV_NR_EXIT_GROUP = 94,
    RV_NR_RT_SIGRETURN = 139,
    RV_NR_MAX = 452,   /* table size: asm-generic numbers run to 451 */
};

/* The table entry for nr, or NULL. */
const SysDesc *syscall_desc(uint64_t nr);

/*
 * struct stat as the riscv64 guest sees it: asm-generic/stat.h (128 bytes),
 * which differs from x86-64's struct stat in field order and widths.
 */
typedef struct GuestStat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;
    uint64_t pad1;
    int64_t st_size;
    int32_t st_blksize;
    int32_t pad2;
    int64_t st_blocks;
    int64_t st_atime_sec;
    uint64_t st_atime_nsec;
    int64_t st_mtime_sec;
    uint64_t st_mtime_nsec;
    int64_t st_ctime_sec;
    uint64_t st_ctime_nsec;
    uint32_t unused4, unused5;
} GuestStat;
_Static_assert(sizeof(GuestStat) == 128, "asm-generic struct stat is 128 bytes");
_Static_assert(offsetof(GuestStat, st_size) == 48, "GuestStat.st_size");
_Static_assert(offsetof(GuestStat, st_blocks) == 64, "GuestStat.st_blocks");
_Static_assert(offsetof(GuestStat, st_atime_sec) == 72, "GuestStat.st_atime");

/* Every handler starts with this: not all of them use every parameter. */
#define SYS_UNUSED_ARGS ((void)p, (void)c, (void)a)

/* Host result of a libc call (-1 + errno) as a guest result (-errno). */
static inline int64_t sys_result(long r)
{
    return r < 0 ? -(int64_t)errno : (int64_t)r;
}

/* A host system call that may block, interruptible by a guest signal
 * without a lost wake-up (runtime/safe_syscall.h): the result or -errno,
 * or -FVP_ERESTARTSYS, which syscall_dispatch turns into a restart. */
static inline int64_t sys_blocking(Process *p, long nr, long a1, long a2, long a3, long a4,
                                   long a5, long a6)
{
    return fvp_safe_syscall((const volatile uint64_t *)&p->sig.host_pending, nr, a1, a2, a3,
                            a4, a5, a6);
}

/*
 * The host pointer for a guest buffer [addr, addr+len) that the host kernel
 * will access directly, or NULL if it leaves the guest space.  Callers turn
 * NULL into -EFAULT.  Unmapped pages inside the space fault in the host
 * kernel (EFAULT), never in fvp-run.
 */
static inline void *sys_gbuf(Process *p, uint64_t addr, uint64_t len)
{
    if (!guestmem_in_space(p->mem, addr, len))
        return NULL;
    return g2h(p->mem, addr);
}

/* Like sys_gbuf for optional arguments: guest NULL gives *out = NULL.
 * 0 or -EFAULT. */
static inline int sys_gbuf_opt(Process *p, uint64_t addr, uint64_t len, void **out)
{
    if (addr == 0) {
        *out = NULL;
        return 0;
    }
    *out = sys_gbuf(p, addr, len);
    return *out ? 0 : -EFAULT;
}

/* Copies the guest path at addr into out (PATH_MAX bytes).  0, -EFAULT
 * (also for NULL) or -ENAMETOOLONG. */
int sys_get_path(Process *p, uint64_t addr, char *out);

/* Called after the host kernel wrote guest memory [addr, addr+len): bumps
 * p->mem->code_gen if that range touches an executable mapping. */
void sys_note_guest_write(Process *p, uint64_t addr, uint64_t len);

/*
 * The handlers: sys_NAME implements the guest system call NAME with the
 * guest's arguments a[0..5] (a0..a5, unchecked) and returns what the guest
 * gets in a0: a value or -errno.  None of them faults or aborts the host.
 * File and fd calls are in syscall_fs.c:
 */
#define SYS_FS_HANDLERS(X)                                                     \
    X(openat) X(close) X(read) X(write) X(pread64) X(pwrite64) X(readv)        \
    X(writev) X(preadv) X(pwritev) X(lseek) X(fstat) X(newfstatat) X(statx)    \
    X(getdents64) X(fcntl) X(ioctl) X(dup) X(dup3) X(pipe2) X(mkdirat)         \
    X(mknodat) X(unlinkat) X(renameat) X(renameat2) X(readlinkat) X(faccessat) \
    X(faccessat2) X(getcwd) X(chdir) X(fchdir) X(truncate) X(ftruncate)        \
    X(fallocate) X(fsync) X(fdatasync) X(sync) X(symlinkat) X(linkat)          \
    X(fchmod) X(fchmodat) X(fchown) X(fchownat) X(utimensat) X(statfs)         \
    X(fstatfs) X(sendfile) X(copy_file_range) X(flock) X(ppoll) X(pselect6)    \
    X(fadvise64) X(memfd_create) X(eventfd2)

/* memory, time, identity, limits, exit, futex, signals in syscall_sys.c: */
#define SYS_SYS_HANDLERS(X)                                                    \
    X(brk) X(mmap) X(munmap) X(mprotect) X(mremap) X(madvise) X(msync)         \
    X(mlock) X(munlock) X(riscv_flush_icache)                                  \
    X(clock_gettime) X(clock_getres) X(gettimeofday) X(nanosleep)              \
    X(clock_nanosleep) X(times) X(getitimer) X(setitimer)                      \
    X(getpid) X(getppid) X(gettid) X(getuid) X(geteuid) X(getgid) X(getegid)   \
    X(getresuid) X(getresgid) X(getgroups) X(setuid) X(setgid) X(setreuid)     \
    X(setregid) X(setresuid) X(setresgid) X(setpgid) X(getpgid) X(getsid)      \
    X(setsid) X(uname) X(prlimit64) X(getrlimit) X(setrlimit) X(getrusage)     \
    X(sysinfo) X(getrandom) X(sched_getaffinity) X(sched_yield) X(prctl)       \
    X(umask) X(getpriority) X(setpriority) X(getcpu)                           \
    X(exit) X(exit_group) X(set_tid_address) X(set_robust_list)                \
    X(get_robust_list) X(futex) X(clone) X(wait4) X(waitid) X(execve)          \
    X(rt_sigaction) X(rt_sigprocmask) X(rt_sigreturn) X(sigaltstack) X(kill)   \
    X(tgkill) X(tkill) X(rt_sigpending) X(rt_sigsuspend)         \
    X(rt_sigtimedwait) X(rt_sigqueueinfo)

/* sockets, epoll, timerfd in syscall_net.c: */
#define SYS_NET_HANDLERS(X)                                                    \
    X(socket) X(socketpair) X(bind) X(connect) X(listen) X(accept) X(accept4)  \
    X(getsockname) X(getpeername) X(sendto) X(recvfrom) X(setsockopt)          \
    X(getsockopt) X(shutdown) X(sendmsg) X(recvmsg)                            \
    X(epoll_create1) X(epoll_ctl) X(epoll_pwait)                               \
    X(timerfd_create) X(timerfd_settime) X(timerfd_gettime)

#define SYS_DECLARE(n) int64_t sys_##n(Process *p, RvCpu *c, const uint64_t *a);
SYS_FS_HANDLERS(SYS_DECLARE)
SYS_SYS_HANDLERS(SYS_DECLARE)
SYS_NET_HANDLERS(SYS_DECLARE)
#undef SYS_DECLARE

#endif /* FVP_SYSCALL_PRIV_H */

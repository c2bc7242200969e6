/*
 * The riscv64 Linux system call dispatcher: the table from asm-generic
 * numbers (/usr/riscv64-linux-gnu/include/asm-generic/unistd.h, plus
 * riscv_flush_icache = arch_specific_syscall + 15 from asm/unistd.h) to
 * handlers, and the --strace log.  The host is always called with its own
 * numbers / libc wrappers, never with the guest's.
 *
 * Handlers live in syscall_fs.c (files, fds) and syscall_sys.c (memory,
 * time, identity, limits, exit, futex, signals).
 */
#include <ctype.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/signal.h"
#include "runtime/syscall_priv.h"
#include "runtime/thread.h"

#define S(nr, nm, rk, ...) [nr] = {#nm, sys_##nm, rk, {__VA_ARGS__}}
#define N(nr, nm) [nr] = {#nm, NULL, SR_INT, {SA_HEX, SA_HEX, SA_HEX}}

static const SysDesc sys_table[RV_NR_MAX] = {
    S(17, getcwd, SR_INT, SA_PTR, SA_ULONG),
    S(19, eventfd2, SR_INT, SA_ULONG, SA_HEX),
    S(20, epoll_create1, SR_INT, SA_OFLAGS),
    S(21, epoll_ctl, SR_INT, SA_INT, SA_INT, SA_INT, SA_PTR),
    S(22, epoll_pwait, SR_INT, SA_INT, SA_PTR, SA_INT, SA_INT, SA_PTR, SA_ULONG),
    S(23, dup, SR_INT, SA_INT),
    S(24, dup3, SR_INT, SA_INT, SA_INT, SA_OFLAGS),
    S(25, fcntl, SR_INT, SA_INT, SA_FCNTL, SA_HEX),
    N(26, inotify_init1),
    S(29, ioctl, SR_INT, SA_INT, SA_IOCTL, SA_HEX),
    S(32, flock, SR_INT, SA_INT, SA_INT),
    S(33, mknodat, SR_INT, SA_DIRFD, SA_PATH, SA_MODE, SA_HEX),
    S(34, mkdirat, SR_INT, SA_DIRFD, SA_PATH, SA_MODE),
    S(35, unlinkat, SR_INT, SA_DIRFD, SA_PATH, SA_ATFLAGS),
    S(36, symlinkat, SR_INT, SA_PATH, SA_DIRFD, SA_PATH),
    S(37, linkat, SR_INT, SA_DIRFD, SA_PATH, SA_DIRFD, SA_PATH, SA_ATFLAGS),
    S(38, renameat, SR_INT, SA_DIRFD, SA_PATH, SA_DIRFD, SA_PATH),
    S(43, statfs, SR_INT, SA_PATH, SA_PTR),
    S(44, fstatfs, SR_INT, SA_INT, SA_PTR),
    S(45, truncate, SR_INT, SA_PATH, SA_LONG),
    S(46, ftruncate, SR_INT, SA_INT, SA_LONG),
    S(47, fallocate, SR_INT, SA_INT, SA_HEX, SA_LONG, SA_LONG),
    S(48, faccessat, SR_INT, SA_DIRFD, SA_PATH, SA_AMODE),
    S(49, chdir, SR_INT, SA_PATH),
    S(50, fchdir, SR_INT, SA_INT),
    S(52, fchmod, SR_INT, SA_INT, SA_MODE),
    S(53, fchmodat, SR_INT, SA_DIRFD, SA_PATH, SA_MODE),
    S(54, fchownat, SR_INT, SA_DIRFD, SA_PATH, SA_INT, SA_INT, SA_ATFLAGS),
    S(55, fchown, SR_INT, SA_INT, SA_INT, SA_INT),
    S(56, openat, SR_INT, SA_DIRFD, SA_PATH, SA_OFLAGS, SA_OMODE),
    S(57, close, SR_INT, SA_INT),
    S(59, pipe2, SR_INT, SA_PTR, SA_OFLAGS),
    S(61, getdents64, SR_INT, SA_INT, SA_PTR, SA_ULONG),
    S(62, lseek, SR_INT, SA_INT, SA_LONG, SA_WHENCE),
    S(63, read, SR_INT, SA_INT, SA_PTR, SA_ULONG),
    S(64, write, SR_INT, SA_INT, SA_WBUF, SA_ULONG),
    S(65, readv, SR_INT, SA_INT, SA_PTR, SA_INT),
    S(66, writev, SR_INT, SA_INT, SA_PTR, SA_INT),
    S(67, pread64, SR_INT, SA_INT, SA_PTR, SA_ULONG, SA_LONG),
    S(68, pwrite64, SR_INT, SA_INT, SA_WBUF, SA_ULONG, SA_LONG),
    S(69, preadv, SR_INT, SA_INT, SA_PTR, SA_INT, SA_LONG),
    S(70, pwritev, SR_INT, SA_INT, SA_PTR, SA_INT, SA_LONG),
    S(71, sendfile, SR_INT, SA_INT, SA_INT, SA_PTR, SA_ULONG),
    S(72, pselect6, SR_INT, SA_INT, SA_PTR, SA_PTR, SA_PTR, SA_PTR, SA_PTR),
    S(73, ppoll, SR_INT, SA_PTR, SA_ULONG, SA_PTR, SA_PTR, SA_ULONG),
    S(78, readlinkat, SR_INT, SA_DIRFD, SA_PATH, SA_PTR, SA_ULONG),
    S(79, newfstatat, SR_INT, SA_DIRFD, SA_PATH, SA_PTR, SA_ATFLAGS),
    S(80, fstat, SR_INT, SA_INT, SA_PTR),
    S(81, sync, SR_INT, SA_END),
    S(82, fsync, SR_INT, SA_INT),
    S(83, fdatasync, SR_INT, SA_INT),
    S(85, timerfd_create, SR_INT, SA_CLOCK, SA_HEX),
    S(86, timerfd_settime, SR_INT, SA_INT, SA_HEX, SA_PTR, SA_PTR),
    S(87, timerfd_gettime, SR_INT, SA_INT, SA_PTR),
    S(88, utimensat, SR_INT, SA_DIRFD, SA_PATH, SA_PTR, SA_ATFLAGS),
    S(93, exit, SR_NONE, SA_INT),
    S(94, exit_group, SR_NONE, SA_INT),
    S(95, waitid, SR_INT, SA_INT, SA_INT, SA_PTR, SA_HEX, SA_PTR),
    S(96, set_tid_address, SR_INT, SA_PTR),
    N(97, unshare),
    S(98, futex, SR_INT, SA_PTR, SA_FUTEXOP, SA_INT, SA_PTR, SA_PTR, SA_INT),
    S(99, set_robust_list, SR_INT, SA_PTR, SA_ULONG),
    S(100, get_robust_list, SR_INT, SA_INT, SA_PTR, SA_PTR),
    S(101, nanosleep, SR_INT, SA_PTR, SA_PTR),
    S(102, getitimer, SR_INT, SA_INT, SA_PTR),
    S(103, setitimer, SR_INT, SA_INT, SA_PTR, SA_PTR),
    N(107, timer_create), N(108, timer_gettime), N(109, timer_getoverrun),
    N(110, timer_settime), N(111, timer_delete), N(112, clock_settime),
    S(113, clock_gettime, SR_INT, SA_CLOCK, SA_PTR),
    S(114, clock_getres, SR_INT, SA_CLOCK, SA_PTR),
    S(115, clock_nanosleep, SR_INT, SA_CLOCK, SA_INT, SA_PTR, SA_PTR),
    N(122, sched_setaffinity),
    S(123, sched_getaffinity, SR_INT, SA_INT, SA_ULONG, SA_PTR),
    S(124, sched_yield, SR_INT, SA_END),
    N(128, restart_syscall),
    S(129, kill, SR_INT, SA_INT, SA_SIG),
    S(130, tkill, SR_INT, SA_INT, SA_SIG),
    S(131, tgkill, SR_INT, SA_INT, SA_INT, SA_SIG),
    S(132, sigaltstack, SR_INT, SA_PTR, SA_PTR),
    S(133, rt_sigsuspend, SR_INT, SA_PTR, SA_ULONG),
    S(134, rt_sigaction, SR_INT, SA_SIG, SA_PTR, SA_PTR, SA_ULONG),
    S(135, rt_sigprocmask, SR_INT, SA_SIGHOW, SA_PTR, SA_PTR, SA_ULONG),
    S(136, rt_sigpending, SR_INT, SA_PTR, SA_ULONG),
    S(137, rt_sigtimedwait, SR_INT, SA_PTR, SA_PTR, SA_PTR, SA_ULONG),
    S(138, rt_sigqueueinfo, SR_INT, SA_INT, SA_SIG, SA_PTR),
    S(139, rt_sigreturn, SR_KEEP, SA_END),
    S(140, setpriority, SR_INT, SA_INT, SA_INT, SA_INT),
    S(141, getpriority, SR_INT, SA_INT, SA_INT),
    S(143, setregid, SR_INT, SA_INT, SA_INT),
    S(144, setgid, SR_INT, SA_INT),
    S(145, setreuid, SR_INT, SA_INT, SA_INT),
    S(146, setuid, SR_INT, SA_INT),
    S(147, setresuid, SR_INT, SA_INT, SA_INT, SA_INT),
    S(148, getresuid, SR_INT, SA_PTR, SA_PTR, SA_PTR),
    S(149, setresgid, SR_INT, SA_INT, SA_INT, SA_INT),
    S(150, getresgid, SR_INT, SA_PTR, SA_PTR, SA_PTR),
    S(153, times, SR_INT, SA_PTR),
    S(154, setpgid, SR_INT, SA_INT, SA_INT),
    S(155, getpgid, SR_INT, SA_INT),
    S(156, getsid, SR_INT, SA_INT),
    S(157, setsid, SR_INT, SA_END),
    S(158, getgroups, SR_INT, SA_INT, SA_PTR),
    N(159, setgroups),
    S(160, uname, SR_INT, SA_PTR),
    S(163, getrlimit, SR_INT, SA_RLIMIT, SA_PTR),
    S(164, setrlimit, SR_INT, SA_RLIMIT, SA_PTR),
    S(165, getrusage, SR_INT, SA_INT, SA_PTR),
    S(166, umask, SR_OCT, SA_MODE),
    S(167, prctl, SR_INT, SA_INT, SA_HEX, SA_HEX, SA_HEX, SA_HEX),
    S(168, getcpu, SR_INT, SA_PTR, SA_PTR, SA_PTR),
    S(169, gettimeofday, SR_INT, SA_PTR, SA_PTR),
    S(172, getpid, SR_INT, SA_END),
    S(173, getppid, SR_INT, SA_END),
    S(174, getuid, SR_INT, SA_END),
    S(175, geteuid, SR_INT, SA_END),
    S(176, getgid, SR_INT, SA_END),
    S(177, getegid, SR_INT, SA_END),
    S(178, gettid, SR_INT, SA_END),
    S(179, sysinfo, SR_INT, SA_PTR),
    S(198, socket, SR_INT, SA_SOCKFAM, SA_HEX, SA_INT),
    S(199, socketpair, SR_INT, SA_SOCKFAM, SA_HEX, SA_INT, SA_PTR),
    S(200, bind, SR_INT, SA_INT, SA_PTR, SA_INT),
    S(201, listen, SR_INT, SA_INT, SA_INT),
    S(202, accept, SR_INT, SA_INT, SA_PTR, SA_PTR),
    S(203, connect, SR_INT, SA_INT, SA_PTR, SA_INT),
    S(204, getsockname, SR_INT, SA_INT, SA_PTR, SA_PTR),
    S(205, getpeername, SR_INT, SA_INT, SA_PTR, SA_PTR),
    S(206, sendto, SR_INT, SA_INT, SA_WBUF, SA_ULONG, SA_HEX, SA_PTR, SA_INT),
    S(207, recvfrom, SR_INT, SA_INT, SA_PTR, SA_ULONG, SA_HEX, SA_PTR, SA_PTR),
    S(208, setsockopt, SR_INT, SA_INT, SA_INT, SA_INT, SA_PTR, SA_INT),
    S(209, getsockopt, SR_INT, SA_INT, SA_INT, SA_INT, SA_PTR, SA_PTR),
    S(210, shutdown, SR_INT, SA_INT, SA_INT),
    S(211, sendmsg, SR_INT, SA_INT, SA_PTR, SA_HEX),
    S(212, recvmsg, SR_INT, SA_INT, SA_PTR, SA_HEX),
    S(214, brk, SR_HEX, SA_PTR),
    S(215, munmap, SR_INT, SA_PTR, SA_ULONG),
    S(216, mremap, SR_HEX, SA_PTR, SA_ULONG, SA_ULONG, SA_HEX, SA_PTR),
    S(220, clone, SR_INT, SA_HEX, SA_PTR, SA_PTR, SA_PTR, SA_PTR),
    S(221, execve, SR_INT, SA_PATH, SA_PTR, SA_PTR),
    S(222, mmap, SR_HEX, SA_PTR, SA_ULONG, SA_PROT, SA_MAPFLAGS, SA_INT, SA_HEX),
    S(223, fadvise64, SR_INT, SA_INT, SA_LONG, SA_LONG, SA_INT),
    S(226, mprotect, SR_INT, SA_PTR, SA_ULONG, SA_PROT),
    S(227, msync, SR_INT, SA_PTR, SA_ULONG, SA_HEX),
    S(228, mlock, SR_INT, SA_PTR, SA_ULONG),
    S(229, munlock, SR_INT, SA_PTR, SA_ULONG),
    N(232, mincore),
    S(233, madvise, SR_INT, SA_PTR, SA_ULONG, SA_INT),
    S(242, accept4, SR_INT, SA_INT, SA_PTR, SA_PTR, SA_OFLAGS),
    N(258, riscv_hwprobe),
    S(259, riscv_flush_icache, SR_INT, SA_PTR, SA_PTR, SA_HEX),
    S(260, wait4, SR_INT, SA_INT, SA_PTR, SA_HEX, SA_PTR),
    S(261, prlimit64, SR_INT, SA_INT, SA_RLIMIT, SA_PTR, SA_PTR),
    S(276, renameat2, SR_INT, SA_DIRFD, SA_PATH, SA_DIRFD, SA_PATH, SA_HEX),
    S(278, getrandom, SR_INT, SA_PTR, SA_ULONG, SA_HEX),
    S(279, memfd_create, SR_INT, SA_PATH, SA_HEX),
    N(281, execveat), N(283, membarrier), N(284, mlock2),
    S(285, copy_file_range, SR_INT, SA_INT, SA_PTR, SA_INT, SA_PTR, SA_ULONG, SA_HEX),
    N(286, preadv2), N(287, pwritev2),
    S(291, statx, SR_INT, SA_DIRFD, SA_PATH, SA_ATFLAGS, SA_HEX, SA_PTR),
    N(293, rseq),
    N(434, pidfd_open), N(435, clone3), N(436, close_range), N(437, openat2),
    S(439, faccessat2, SR_INT, SA_DIRFD, SA_PATH, SA_AMODE, SA_ATFLAGS),
    N(441, epoll_pwait2), N(449, futex_waitv),
};

#undef S
#undef N

const SysDesc *syscall_desc(uint64_t nr)
{
    if (nr >= RV_NR_MAX || !sys_table[nr].name)
        return NULL;
    return &sys_table[nr];
}

const char *syscall_name(uint64_t nr)
{
    const SysDesc *d = syscall_desc(nr);
    return d ? d->name : NULL;
}

/* ---- --strace ------------------------------------------------------------- */

typedef struct StrBuf {
    char *s;
    size_t n, len;   /* capacity, used (excluding NUL) */
} StrBuf;

static void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->len + 1 >= b->n)
        return;
    va_start(ap, fmt);
    int w = vsnprintf(b->s + b->len, b->n - b->len, fmt, ap);
    va_end(ap);
    if (w > 0)
        b->len = b->len + (size_t)w < b->n ? b->len + (size_t)w : b->n - 1;
}

#define STRACE_STR_MAX 32   /* strace's default -s */

/* Quoted, escaped like strace: \n \t \r \" \\ and \ooo for the rest. */
static void sb_quote(StrBuf *b, const unsigned char *s, size_t n, bool more)
{
    sb_printf(b, "\"");
    for (size_t i = 0; i < n; i++) {
        unsigned ch = s[i];
        switch (ch) {
        case '\n': sb_printf(b, "\\n"); break;
        case '\t': sb_printf(b, "\\t"); break;
        case '\r': sb_printf(b, "\\r"); break;
        case '"': sb_printf(b, "\\\""); break;
        case '\\': sb_printf(b, "\\\\"); break;
        default:
            if (isprint((int)ch))
                sb_printf(b, "%c", (char)ch);
            else
                sb_printf(b, "\\%o", ch);
        }
    }
    sb_printf(b, more ? "\"..." : "\"");
}

/* A guest string argument: up to 32 bytes, read byte by byte so that a
 * string running into an unmapped page still prints its readable part. */
static void sb_guest_str(StrBuf *b, const Process *p, uint64_t addr)
{
    unsigned char s[STRACE_STR_MAX + 1];
    size_t n = 0;
    if (addr == 0) {
        sb_printf(b, "NULL");
        return;
    }
    while (n <= STRACE_STR_MAX) {
        if (guest_read(p->mem, &s[n], addr + n, 1) < 0) {
            if (n == 0) {
                sb_printf(b, "0x%" PRIx64, addr);
                return;
            }
            break;
        }
        if (s[n] == 0)
            break;
        n++;
    }
    if (n > STRACE_STR_MAX)
        sb_quote(b, s, STRACE_STR_MAX, true);
    else
        sb_quote(b, s, n, false);
}

static void sb_guest_buf(StrBuf *b, const Process *p, uint64_t addr, uint64_t len)
{
    unsigned char s[STRACE_STR_MAX];
    size_t n = len < STRACE_STR_MAX ? (size_t)len : STRACE_STR_MAX;
    if (guest_read(p->mem, s, addr, n) < 0) {
        sb_printf(b, "0x%" PRIx64, addr);
        return;
    }
    sb_quote(b, s, n, len > n);
}

/* Guest (asm-generic) open flags whose host macros differ or are 0:
 * glibc defines O_LARGEFILE as 0 on x86-64. */
#define GUEST_O_CREAT 0100
#define GUEST_O_LARGEFILE 0100000
#define GUEST_O_SYNC_BIT 04000000   /* __O_SYNC; O_SYNC = __O_SYNC | O_DSYNC */
#define GUEST_O_TMPFILE 020000000   /* __O_TMPFILE */

static void sb_oflags(StrBuf *b, uint64_t v)
{
    static const struct { unsigned bit; const char *name; } names[] = {
        {O_CREAT, "O_CREAT"}, {O_EXCL, "O_EXCL"}, {O_NOCTTY, "O_NOCTTY"},
        {O_TRUNC, "O_TRUNC"}, {O_APPEND, "O_APPEND"}, {O_NONBLOCK, "O_NONBLOCK"},
        {O_DSYNC, "O_DSYNC"}, {O_DIRECT, "O_DIRECT"}, {GUEST_O_LARGEFILE, "O_LARGEFILE"},
        {O_DIRECTORY, "O_DIRECTORY"}, {O_NOFOLLOW, "O_NOFOLLOW"},
        {O_NOATIME, "O_NOATIME"}, {O_CLOEXEC, "O_CLOEXEC"}, {O_PATH, "O_PATH"},
        {GUEST_O_TMPFILE, "__O_TMPFILE"},
    };
    unsigned f = (unsigned)v;
    static const char *const acc[4] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "0x3"};
    sb_printf(b, "%s", acc[f & O_ACCMODE]);
    f &= ~(unsigned)O_ACCMODE;
    if ((f & GUEST_O_SYNC_BIT) && (f & O_DSYNC)) {
        sb_printf(b, "|O_SYNC");
        f &= ~(unsigned)O_SYNC;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if ((f & names[i].bit) == names[i].bit) {
            sb_printf(b, "|%s", names[i].name);
            f &= ~names[i].bit;
        }
    if (f)
        sb_printf(b, "|%#x", f);
}

/* Symbolic names for flag sets and enumerations in --strace output.  The
 * values are the asm-generic ones the guest uses (equal to x86-64's). */
typedef struct SymName {
    uint64_t val;
    const char *name;
} SymName;
#define SYMS(t) t, sizeof t / sizeof t[0]

static const SymName at_flags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_REMOVEDIR"}, {0x400, "AT_SYMLINK_FOLLOW"},
    {0x800, "AT_NO_AUTOMOUNT"}, {0x1000, "AT_EMPTY_PATH"},
};
static const SymName amode_flags[] = {{4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}};
static const SymName prot_flags[] = {{1, "PROT_READ"}, {2, "PROT_WRITE"}, {4, "PROT_EXEC"}};
static const SymName map_flags[] = {
    {0x01, "MAP_SHARED"}, {0x02, "MAP_PRIVATE"}, {0x10, "MAP_FIXED"},
    {0x20, "MAP_ANONYMOUS"}, {0x100, "MAP_GROWSDOWN"}, {0x800, "MAP_DENYWRITE"},
    {0x2000, "MAP_LOCKED"}, {0x4000, "MAP_NORESERVE"}, {0x8000, "MAP_POPULATE"},
    {0x20000, "MAP_STACK"}, {0x100000, "MAP_FIXED_NOREPLACE"},
};
static const SymName whence_names[] = {
    {0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"}, {4, "SEEK_HOLE"},
};
static const SymName rlimit_names[] = {
    {0, "RLIMIT_CPU"}, {1, "RLIMIT_FSIZE"}, {2, "RLIMIT_DATA"}, {3, "RLIMIT_STACK"},
    {4, "RLIMIT_CORE"}, {5, "RLIMIT_RSS"}, {6, "RLIMIT_NPROC"}, {7, "RLIMIT_NOFILE"},
    {8, "RLIMIT_MEMLOCK"}, {9, "RLIMIT_AS"},
};
static const SymName fcntl_names[] = {
    {0, "F_DUPFD"}, {1, "F_GETFD"}, {2, "F_SETFD"}, {3, "F_GETFL"}, {4, "F_SETFL"},
    {5, "F_GETLK"}, {6, "F_SETLK"}, {7, "F_SETLKW"}, {1030, "F_DUPFD_CLOEXEC"},
    {1031, "F_SETPIPE_SZ"}, {1032, "F_GETPIPE_SZ"},
};
static const SymName ioctl_names[] = {
    {0x5401, "TCGETS"}, {0x5402, "TCSETS"}, {0x5403, "TCSETSW"}, {0x5404, "TCSETSF"},
    {0x540f, "TIOCGPGRP"}, {0x5410, "TIOCSPGRP"}, {0x5413, "TIOCGWINSZ"},
    {0x5414, "TIOCSWINSZ"}, {0x541b, "FIONREAD"}, {0x5421, "FIONBIO"},
    {0x5450, "FIONCLEX"}, {0x5451, "FIOCLEX"},
};
static const SymName futex_names[] = {
    {0, "FUTEX_WAIT"}, {1, "FUTEX_WAKE"}, {9, "FUTEX_WAIT_BITSET"}, {10, "FUTEX_WAKE_BITSET"},
};
static const SymName sockfam_names[] = {
    {0, "AF_UNSPEC"}, {1, "AF_UNIX"}, {2, "AF_INET"}, {10, "AF_INET6"}, {16, "AF_NETLINK"},
};
static const SymName sighow_names[] = {{0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}};

/* v as NAME|NAME|0x..., or zero_name when v is 0. */
static void sb_flags(StrBuf *b, uint64_t v, const SymName *t, size_t n, const char *zero_name)
{
    bool first = true;
    if (v == 0) {
        sb_printf(b, "%s", zero_name);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if ((v & t[i].val) == t[i].val) {
            sb_printf(b, "%s%s", first ? "" : "|", t[i].name);
            v &= ~t[i].val;
            first = false;
        }
    if (v)
        sb_printf(b, "%s%#" PRIx64, first ? "" : "|", v);
}

/* v as its name, or decimal (hex when hex) if unnamed. */
static void sb_enum(StrBuf *b, uint64_t v, const SymName *t, size_t n, bool hex)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].val == v) {
            sb_printf(b, "%s", t[i].name);
            return;
        }
    if (hex)
        sb_printf(b, "%#" PRIx64, v);
    else
        sb_printf(b, "%d", (int)v);
}

static void sb_arg(StrBuf *b, const Process *p, int kind, uint64_t v, uint64_t next)
{
    static const char *const clocks[] = {
        "CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
        "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE",
        "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME",
    };
    switch (kind) {
    case SA_INT: sb_printf(b, "%d", (int)v); break;
    case SA_LONG: sb_printf(b, "%" PRId64, (int64_t)v); break;
    case SA_ULONG: sb_printf(b, "%" PRIu64, v); break;
    case SA_HEX: sb_printf(b, v ? "0x%" PRIx64 : "%" PRIu64, v); break;
    case SA_PTR:
        if (v)
            sb_printf(b, "0x%" PRIx64, v);
        else
            sb_printf(b, "NULL");
        break;
    case SA_DIRFD:
        if ((int)v == AT_FDCWD)
            sb_printf(b, "AT_FDCWD");
        else
            sb_printf(b, "%d", (int)v);
        break;
    case SA_PATH: sb_guest_str(b, p, v); break;
    case SA_WBUF: sb_guest_buf(b, p, v, next); break;
    case SA_OFLAGS: sb_oflags(b, v); break;
    case SA_MODE: sb_printf(b, "0%03" PRIo64, v & 07777); break;
    case SA_SIG: {
        const char *nm = (int)v > 0 && (int)v < 32 ? sigabbrev_np((int)v) : NULL;
        if (nm)
            sb_printf(b, "SIG%s", nm);
        else
            sb_printf(b, "%d", (int)v);
        break;
    }
    case SA_CLOCK:
        if (v < sizeof clocks / sizeof clocks[0])
            sb_printf(b, "%s", clocks[v]);
        else
            sb_printf(b, "%d", (int)v);
        break;
    case SA_ATFLAGS: sb_flags(b, v, SYMS(at_flags), "0"); break;
    case SA_AMODE: sb_flags(b, v, SYMS(amode_flags), "F_OK"); break;
    case SA_PROT: sb_flags(b, v, SYMS(prot_flags), "PROT_NONE"); break;
    case SA_MAPFLAGS: sb_flags(b, v, SYMS(map_flags), "0"); break;
    case SA_WHENCE: sb_enum(b, (uint32_t)v, SYMS(whence_names), false); break;
    case SA_RLIMIT: sb_enum(b, (uint32_t)v, SYMS(rlimit_names), false); break;
    case SA_FCNTL: sb_enum(b, (uint32_t)v, SYMS(fcntl_names), false); break;
    case SA_IOCTL: sb_enum(b, (uint32_t)v, SYMS(ioctl_names), true); break;
    case SA_SOCKFAM: sb_enum(b, (uint32_t)v, SYMS(sockfam_names), false); break;
    case SA_SIGHOW: sb_enum(b, (uint32_t)v, SYMS(sighow_names), false); break;
    case SA_FUTEXOP: {
        uint32_t op = (uint32_t)v;
        sb_enum(b, op & 127, SYMS(futex_names), false);
        if (op & 128)
            sb_printf(b, "_PRIVATE");
        if (op & 256)
            sb_printf(b, "|FUTEX_CLOCK_REALTIME");
        break;
    }
    default: sb_printf(b, "0x%" PRIx64, v); break;
    }
}

/* "name(arg, arg, ...)" for the call about to be made. */
static void strace_call(StrBuf *b, const Process *p, uint64_t nr, const SysDesc *d,
                        const uint64_t *a)
{
    if (d)
        sb_printf(b, "%s(", d->name);
    else
        sb_printf(b, "syscall_%" PRIu64 "(", nr);
    for (int i = 0; i < SYS_MAX_ARGS; i++) {
        int kind = d ? d->kind[i] : (i < 6 ? SA_HEX : SA_END);
        if (kind == SA_END)
            break;
        if (kind == SA_OMODE) {   /* strace shows open's mode only when used */
            if (!(a[i - 1] & (GUEST_O_CREAT | GUEST_O_TMPFILE)))
                break;
            kind = SA_MODE;
        }
        if (i)
            sb_printf(b, ", ");
        sb_arg(b, p, kind, a[i], i + 1 < SYS_MAX_ARGS ? a[i + 1] : 0);
    }
    sb_printf(b, ")");
}

static void strace_result(StrBuf *b, int retkind, int64_t r)
{
    if (r < 0 && r >= -4095) {
        int e = (int)-r;
        const char *nm = strerrorname_np(e);
        if (nm)
            sb_printf(b, " = -1 %s (%s)", nm, strerror(e));
        else
            sb_printf(b, " = -1 E%d (%s)", e, strerror(e));
    } else if (retkind == SR_HEX) {
        sb_printf(b, " = 0x%" PRIx64, (uint64_t)r);
    } else if (retkind == SR_OCT) {
        sb_printf(b, " = 0%03" PRIo64, (uint64_t)r);
    } else {
        sb_printf(b, " = %" PRId64, r);
    }
}

static FILE *strace_file(const Process *p)
{
    return p->strace_out ? p->strace_out : stderr;
}

void syscall_dispatch(Process *p, RvCpu *c)
{
    uint64_t nr = c->x[17];
    uint64_t a[SYS_MAX_ARGS];
    const SysDesc *d = syscall_desc(nr);
    int retkind = d ? d->ret : SR_INT;
    char line[1024];
    StrBuf b = {line, sizeof line, 0};
    int64_t r;

    /* Another thread is ending the process: like Linux's group exit, this
     * thread does nothing more. */
    if (thread_group_dying(p))
        thread_park();
    for (int i = 0; i < SYS_MAX_ARGS; i++)
        a[i] = c->x[10 + i];   /* a0..a5 */

    /* Arguments are formatted before the call: paths may be unlinked and
     * buffers overwritten by it. */
    if (p->strace) {
        line[0] = 0;
        strace_call(&b, p, nr, d, a);
        if (retkind == SR_NONE) {   /* exit: nothing comes back */
            fprintf(strace_file(p), "%s = ?\n", line);
            fflush(strace_file(p));
        }
    }

    r = d && d->fn ? d->fn(p, c, a) : -ENOSYS;

    if (r == -FVP_ERESTARTSYS) {
        /* A signal came before the blocking call could block: back to the
         * ecall; signal delivery decides between restart and EINTR. */
        signal_syscall_interrupted(p, c);
        if (p->strace) {
            fprintf(strace_file(p), "%s = ? ERESTARTSYS (to be restarted)\n", line);
            fflush(strace_file(p));
        }
        return;
    }

    if (retkind == SR_KEEP) {
        r = (int64_t)c->x[10];   /* rt_sigreturn restored the whole vCPU */
    } else if (retkind != SR_NONE) {
        c->x[10] = (uint64_t)r;
    }

    if (p->strace && retkind != SR_NONE) {
        strace_result(&b, retkind, r);
        fprintf(strace_file(p), "%s\n", line);
        fflush(strace_file(p));
    }
}

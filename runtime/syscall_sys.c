/*
 * Memory, time, identity, limits, process-exit, futex and signal system
 * calls of the riscv64 Linux guest.
 *
 * Layout notes (why passing a guest buffer straight to the host kernel is
 * safe): riscv64 and x86-64 are both LP64 with the generic struct
 * definitions for all of these, so the bytes match:
 *  - struct timespec {s64, long}, struct timeval {s64, long}, struct timezone
 *    {int, int}, struct itimerval (2 timevals);
 *  - struct rlimit / rlimit64 {u64, u64};
 *  - struct rusage: 2 timevals + 14 longs (144 bytes);
 *  - struct tms: 4 x clock_t (long);
 *  - struct sysinfo: longs, u16 pad, u32 mem_unit (112 bytes on LP64);
 *  - struct utsname: 6 x char[65], but we write it ourselves (machine);
 *  - cpu_set_t masks, the int arrays of getresuid/getgroups: plain arrays;
 *  - futex words: u32, the host futex works on the g2h address.
 */
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "runtime/exec_guest.h"
#include "runtime/interp.h"
#include "runtime/mm.h"
#include "runtime/native.h"
#include "runtime/signal.h"
#include "runtime/signal_frame.h"   /* rt_sigtimedwait, rt_sigqueueinfo */
#include "runtime/syscall_priv.h"
#include "runtime/thread.h"

_Static_assert(sizeof(struct timespec) == 16, "timespec");
_Static_assert(sizeof(struct timeval) == 16, "timeval");
_Static_assert(sizeof(struct itimerval) == 32, "itimerval");
_Static_assert(sizeof(struct rlimit) == 16, "rlimit");
_Static_assert(sizeof(struct rusage) == 144, "rusage");
_Static_assert(sizeof(struct tms) == 32, "tms");
_Static_assert(sizeof(struct sysinfo) == 112, "sysinfo");
_Static_assert(sizeof(struct utsname) == 390, "utsname");

/* ---- memory (runtime/mm.c) ---------------------------------------------- */

int64_t sys_brk(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return mm_sys_brk(p, a[0]);
}

int64_t sys_mmap(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return mm_sys_mmap(p, a[0], a[1], (int)a[2], (int)a[3], (int)a[4], a[5]);
}

int64_t sys_munmap(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return mm_sys_munmap(p, a[0], a[1]);
}

int64_t sys_mprotect(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return mm_sys_mprotect(p, a[0], a[1], (int)a[2]);
}

int64_t sys_mremap(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return mm_sys_mremap(p, a[0], a[1], a[2], (int)a[3], a[4]);
}

int64_t sys_madvise(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return mm_sys_madvise(p, a[0], a[1], (int)a[2]);
}

int64_t sys_msync(Process *p, RvCpu *c, const uint64_t *a)
{
    void *h = sys_gbuf(p, a[0], a[1]);
    SYS_UNUSED_ARGS;
    if (!h)
        return -ENOMEM;
    return sys_result(msync(h, a[1], (int)a[2]));
}

/* mlock/munlock: accepted without pinning anything (the guest cannot
 * observe residency). */
int64_t sys_mlock(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return guestmem_in_space(p->mem, a[0], a[1]) ? 0 : -ENOMEM;
}

int64_t sys_munlock(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return guestmem_in_space(p->mem, a[0], a[1]) ? 0 : -ENOMEM;
}

/* Linux arch/riscv/kernel/sys_riscv.c: riscv_flush_icache(start, end,
 * flags): code may have changed, so drop predecoded blocks. */
int64_t sys_riscv_flush_icache(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    if (a[2] & ~1ull)   /* only SYS_RISCV_FLUSH_ICACHE_LOCAL */
        return -EINVAL;
    guestmem_note_code_sync(p->mem); /* like fence.i, for every hart */
    return 0;
}

/* ---- time ----------------------------------------------------------------- */

int64_t sys_clock_gettime(Process *p, RvCpu *c, const uint64_t *a)
{
    void *ts = sys_gbuf(p, a[1], sizeof(struct timespec));
    SYS_UNUSED_ARGS;
    if (!ts)
        return -EFAULT;
    return sys_result(syscall(SYS_clock_gettime, (clockid_t)a[0], ts));
}

int64_t sys_clock_getres(Process *p, RvCpu *c, const uint64_t *a)
{
    void *ts;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[1], sizeof(struct timespec), &ts) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_clock_getres, (clockid_t)a[0], ts));
}

int64_t sys_gettimeofday(Process *p, RvCpu *c, const uint64_t *a)
{
    void *tv, *tz;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[0], sizeof(struct timeval), &tv) < 0 ||
        sys_gbuf_opt(p, a[1], 2 * sizeof(int), &tz) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_gettimeofday, tv, tz));
}

int64_t sys_nanosleep(Process *p, RvCpu *c, const uint64_t *a)
{
    void *req = sys_gbuf(p, a[0], sizeof(struct timespec)), *rem;
    SYS_UNUSED_ARGS;
    if (!req || sys_gbuf_opt(p, a[1], sizeof(struct timespec), &rem) < 0)
        return -EFAULT;
    return sys_blocking(p, SYS_nanosleep, (long)req, (long)rem, 0, 0, 0, 0);
}

int64_t sys_clock_nanosleep(Process *p, RvCpu *c, const uint64_t *a)
{
    void *req = sys_gbuf(p, a[2], sizeof(struct timespec)), *rem;
    SYS_UNUSED_ARGS;
    if (!req || sys_gbuf_opt(p, a[3], sizeof(struct timespec), &rem) < 0)
        return -EFAULT;
    return sys_blocking(p, SYS_clock_nanosleep, (clockid_t)a[0], (int)a[1], (long)req, (long)rem,
                        0, 0);
}

int64_t sys_times(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[0], sizeof(struct tms), &buf) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_times, buf));
}

int64_t sys_getitimer(Process *p, RvCpu *c, const uint64_t *a)
{
    void *val = sys_gbuf(p, a[1], sizeof(struct itimerval));
    SYS_UNUSED_ARGS;
    if (!val)
        return -EFAULT;
    return sys_result(syscall(SYS_getitimer, (int)a[0], val));
}

/* ITIMER_REAL goes to the host: its SIGALRM reaches the guest through the
 * signal layer's host handler (runtime/signal.c). */
int64_t sys_setitimer(Process *p, RvCpu *c, const uint64_t *a)
{
    void *nv, *ov;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[1], sizeof(struct itimerval), &nv) < 0 ||
        sys_gbuf_opt(p, a[2], sizeof(struct itimerval), &ov) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_setitimer, (int)a[0], nv, ov));
}

/* ---- identity ------------------------------------------------------------- */

#define SYS_PASS0(n)                                                           \
    int64_t sys_##n(Process *p, RvCpu *c, const uint64_t *a)                   \
    {                                                                          \
        SYS_UNUSED_ARGS;                                                       \
        return sys_result(syscall(SYS_##n));                                   \
    }
SYS_PASS0(getpid)
SYS_PASS0(getppid)
SYS_PASS0(gettid)
SYS_PASS0(getuid)
SYS_PASS0(geteuid)
SYS_PASS0(getgid)
SYS_PASS0(getegid)
SYS_PASS0(setsid)
#undef SYS_PASS0

/* System calls whose arguments are all plain integers. */
#define SYS_PASSN(n, ...)                                                      \
    int64_t sys_##n(Process *p, RvCpu *c, const uint64_t *a)                   \
    {                                                                          \
        SYS_UNUSED_ARGS;                                                       \
        return sys_result(syscall(SYS_##n, __VA_ARGS__));                      \
    }
SYS_PASSN(setuid, (uid_t)a[0])
SYS_PASSN(setgid, (gid_t)a[0])
SYS_PASSN(setreuid, (uid_t)a[0], (uid_t)a[1])
SYS_PASSN(setregid, (gid_t)a[0], (gid_t)a[1])
SYS_PASSN(setresuid, (uid_t)a[0], (uid_t)a[1], (uid_t)a[2])
SYS_PASSN(setresgid, (gid_t)a[0], (gid_t)a[1], (gid_t)a[2])
SYS_PASSN(setpgid, (pid_t)a[0], (pid_t)a[1])
SYS_PASSN(getpgid, (pid_t)a[0])
SYS_PASSN(getsid, (pid_t)a[0])
SYS_PASSN(getpriority, (int)a[0], (id_t)a[1])
SYS_PASSN(setpriority, (int)a[0], (id_t)a[1], (int)a[2])
#undef SYS_PASSN

static int64_t sys_get3ids(Process *p, const uint64_t *a, long nr)
{
    void *r = sys_gbuf(p, a[0], 4), *e = sys_gbuf(p, a[1], 4), *s = sys_gbuf(p, a[2], 4);
    if (!r || !e || !s)
        return -EFAULT;
    return sys_result(syscall(nr, r, e, s));
}

int64_t sys_getresuid(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_get3ids(p, a, SYS_getresuid);
}

int64_t sys_getresgid(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_get3ids(p, a, SYS_getresgid);
}

int64_t sys_getgroups(Process *p, RvCpu *c, const uint64_t *a)
{
    int n = (int)a[0];
    void *list;
    SYS_UNUSED_ARGS;
    if (n < 0)
        return -EINVAL;
    if (sys_gbuf_opt(p, a[1], (uint64_t)n * 4, &list) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_getgroups, n, list));
}

/* The host's uname with machine "riscv64", as qemu-riscv64 reports it. */
int64_t sys_uname(Process *p, RvCpu *c, const uint64_t *a)
{
    struct utsname u;
    SYS_UNUSED_ARGS;
    if (uname(&u) < 0)
        return -errno;
    memset(u.machine, 0, sizeof u.machine);
    strcpy(u.machine, "riscv64");
    return guest_write(p->mem, a[0], &u, sizeof u) < 0 ? -EFAULT : 0;
}

/* ---- limits and resources --------------------------------------------------- */

/*
 * Limits that would constrain fvp-run itself rather than the guest (its
 * 256 GiB reservation, its own stack and heap) are not applied to the host:
 * setting them succeeds and changes nothing, as in qemu-user.
 */
static bool sys_rlimit_is_host_only(int resource)
{
    return resource == RLIMIT_AS || resource == RLIMIT_DATA || resource == RLIMIT_STACK;
}

int64_t sys_prlimit64(Process *p, RvCpu *c, const uint64_t *a)
{
    int pid = (int)a[0], res = (int)a[1];
    void *nl, *ol;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[2], sizeof(struct rlimit), &nl) < 0 ||
        sys_gbuf_opt(p, a[3], sizeof(struct rlimit), &ol) < 0)
        return -EFAULT;
    if (nl && (pid == 0 || pid == getpid()) && sys_rlimit_is_host_only(res)) {
        struct rlimit tmp;
        if (guest_read(p->mem, &tmp, a[2], sizeof tmp) < 0)
            return -EFAULT;
        if (tmp.rlim_cur > tmp.rlim_max)
            return -EINVAL;
        nl = NULL;
    }
    return sys_result(syscall(SYS_prlimit64, pid, res, nl, ol));
}

int64_t sys_getrlimit(Process *p, RvCpu *c, const uint64_t *a)
{
    void *rl = sys_gbuf(p, a[1], sizeof(struct rlimit));
    SYS_UNUSED_ARGS;
    if (!rl)
        return -EFAULT;
    return sys_result(syscall(SYS_prlimit64, 0, (int)a[0], NULL, rl));
}

int64_t sys_setrlimit(Process *p, RvCpu *c, const uint64_t *a)
{
    uint64_t b[4] = {0, (uint64_t)(int)a[0], a[1], 0};
    SYS_UNUSED_ARGS;
    return sys_prlimit64(p, c, b);
}

int64_t sys_getrusage(Process *p, RvCpu *c, const uint64_t *a)
{
    void *ru = sys_gbuf(p, a[1], sizeof(struct rusage));
    SYS_UNUSED_ARGS;
    if (!ru)
        return -EFAULT;
    return sys_result(syscall(SYS_getrusage, (int)a[0], ru));
}

int64_t sys_sysinfo(Process *p, RvCpu *c, const uint64_t *a)
{
    void *si = sys_gbuf(p, a[0], sizeof(struct sysinfo));
    SYS_UNUSED_ARGS;
    if (!si)
        return -EFAULT;
    return sys_result(syscall(SYS_sysinfo, si));
}

int64_t sys_getrandom(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[0], a[1]);
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    return sys_result(syscall(SYS_getrandom, buf, (size_t)a[1], (unsigned)a[2]));
}

int64_t sys_sched_getaffinity(Process *p, RvCpu *c, const uint64_t *a)
{
    void *mask = sys_gbuf(p, a[2], a[1]);
    SYS_UNUSED_ARGS;
    if (!mask)
        return -EFAULT;
    return sys_result(syscall(SYS_sched_getaffinity, (pid_t)a[0], (size_t)a[1], mask));
}

int64_t sys_sched_yield(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(sched_yield());
}

int64_t sys_getcpu(Process *p, RvCpu *c, const uint64_t *a)
{
    void *cpu, *node;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[0], 4, &cpu) < 0 || sys_gbuf_opt(p, a[1], 4, &node) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_getcpu, cpu, node, NULL));
}

/* PR_SET_NAME / PR_GET_NAME (16-byte comm) only. */
int64_t sys_prctl(Process *p, RvCpu *c, const uint64_t *a)
{
    char name[16];
    SYS_UNUSED_ARGS;
    switch ((int)a[0]) {
    case PR_SET_NAME:
        memset(name, 0, sizeof name);
        for (size_t i = 0; i < sizeof name - 1; i++) {
            if (guest_read(p->mem, &name[i], a[1] + i, 1) < 0)
                return -EFAULT;
            if (!name[i])
                break;
        }
        return sys_result(prctl(PR_SET_NAME, name, 0, 0, 0));
    case PR_GET_NAME:
        if (prctl(PR_GET_NAME, name, 0, 0, 0) < 0)
            return -errno;
        return guest_write(p->mem, a[1], name, sizeof name) < 0 ? -EFAULT : 0;
    default:
        return -EINVAL;
    }
}

int64_t sys_umask(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return (int64_t)umask((mode_t)(a[0] & 0777));
}

/* ---- process lifecycle ---------------------------------------------------- */

/* exit ends the calling thread, exit_group the process (runtime/thread.h
 * says what happens to the other threads). */
int64_t sys_exit(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    p->exited = true;
    p->exit_code = (int)(a[0] & 0xff);
    return 0;
}

int64_t sys_exit_group(Process *p, RvCpu *c, const uint64_t *a)
{
    p->group_exit = true;
    return sys_exit(p, c, a);
}

int64_t sys_set_tid_address(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    p->clear_child_tid = a[0];
    return sys_result(syscall(SYS_gettid));
}

/* The robust list is walked when the thread exits (runtime/thread.c).
 * sizeof(struct robust_list_head) is 24 on LP64. */
int64_t sys_set_robust_list(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    if (a[1] != 24)
        return -EINVAL;
    p->robust_list = a[0];
    return 0;
}

/* Only the calling thread's list (another thread's: -ESRCH, where Linux
 * would check ptrace permission and answer). */
int64_t sys_get_robust_list(Process *p, RvCpu *c, const uint64_t *a)
{
    uint64_t head = p->robust_list, len = 24;
    SYS_UNUSED_ARGS;
    if (a[0] != 0 && (pid_t)a[0] != p->tid)
        return -ESRCH;
    if (guest_write(p->mem, a[1], &head, sizeof head) < 0 ||
        guest_write(p->mem, a[2], &len, sizeof len) < 0)
        return -EFAULT;
    return 0;
}

/*
 * futex on the host futex at the g2h address: the guest word is the host
 * word, guest threads are host threads and guest tids host tids, so every
 * operation (PI and requeue included) is the host's.  The arguments that
 * are guest addresses are translated: uaddr, uaddr2 (requeue, wake_op,
 * requeue_pi) and the timeout (struct timespec: the same layout on both).
 * For REQUEUE, CMP_REQUEUE and WAKE_OP the fourth argument is a count.
 */
int64_t sys_futex(Process *p, RvCpu *c, const uint64_t *a)
{
    int op = (int)a[1], cmd = op & FUTEX_CMD_MASK;
    void *uaddr, *uaddr2 = NULL, *ts = NULL;
    bool timeout = false, second = false;
    SYS_UNUSED_ARGS;
    switch (cmd) {
    case FUTEX_WAIT: case FUTEX_WAIT_BITSET: case FUTEX_LOCK_PI: case FUTEX_LOCK_PI2:
        timeout = true;
        break;
    case FUTEX_WAIT_REQUEUE_PI:
        timeout = second = true;
        break;
    case FUTEX_REQUEUE: case FUTEX_CMP_REQUEUE: case FUTEX_WAKE_OP:
    case FUTEX_CMP_REQUEUE_PI:
        second = true;
        break;
    case FUTEX_WAKE: case FUTEX_WAKE_BITSET: case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI:
        break;
    default:
        return -ENOSYS;
    }
    if (a[0] & 3)
        return -EINVAL;
    if (!(uaddr = sys_gbuf(p, a[0], 4)))
        return -EFAULT;
    if (second && ((a[4] & 3) || !(uaddr2 = sys_gbuf(p, a[4], 4))))
        return (a[4] & 3) ? -EINVAL : -EFAULT;
    if (timeout && sys_gbuf_opt(p, a[3], sizeof(struct timespec), &ts) < 0)
        return -EFAULT;
    unsigned long arg4 = timeout ? (unsigned long)(uintptr_t)ts : (unsigned long)a[3];
    return sys_blocking(p, SYS_futex, (long)uaddr, op, (uint32_t)a[2], (long)arg4, (long)uaddr2,
                        (uint32_t)a[5]);
}

/* ---- signals (runtime/signal.c) ------------------------------------------- */

int64_t sys_rt_sigaction(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_rt_sigaction(p, (int)a[0], a[1], a[2], a[3]);
}

int64_t sys_rt_sigprocmask(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_rt_sigprocmask(p, (int)a[0], a[1], a[2], a[3]);
}

int64_t sys_rt_sigreturn(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_rt_sigreturn(p, c);
}

int64_t sys_sigaltstack(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_sigaltstack(p, c, a[0], a[1]);
}

int64_t sys_kill(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_kill(p, (int)a[0], (int)a[1]);
}

int64_t sys_tgkill(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_tgkill(p, (int)a[0], (int)a[1], (int)a[2]);
}

/* tkill(tid, sig) is tgkill within our own thread group. */
int64_t sys_tkill(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_tgkill(p, (int)getpid(), (int)a[0], (int)a[1]);
}

int64_t sys_rt_sigpending(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_rt_sigpending(p, a[0], a[1]);
}

int64_t sys_rt_sigsuspend(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_rt_sigsuspend(p, a[0], a[1]);
}

int64_t sys_rt_sigtimedwait(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_rt_sigtimedwait(p, a[0], a[1], a[2], a[3]);
}

int64_t sys_rt_sigqueueinfo(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return signal_sys_rt_sigqueueinfo(p, (int)a[0], (int)a[1], a[2]);
}

/* ---- processes ------------------------------------------------------------ */

/*
 * clone without a shared address space: fork (and vfork, see below).  The child is a host fork of
 * this process (guest memory, descriptors and runtime state are copied as
 * Linux copies them; MAP_SHARED guest mappings stay shared) and goes on
 * from the ecall with a0 = 0.  Linux kernel/fork.c for the flags kept:
 * the exit signal (low byte), CLONE_PARENT_SETTID, CLONE_CHILD_SETTID,
 * CLONE_CHILD_CLEARTID, CLONE_SETTLS and a new stack pointer.  Threads
 * (CLONE_VM without CLONE_VFORK, and what goes with it) are not supported
 * yet: ENOSYS.
 * riscv64 argument order: flags, newsp, parent_tid, tls, child_tid.
 */
int64_t sys_clone(Process *p, RvCpu *c, const uint64_t *a)
{
    uint64_t flags = a[0], newsp = a[1], ptid = a[2], tls = a[3], ctid = a[4];
    if (thread_clone_is_thread(flags))
        return thread_clone(p, c, flags, newsp, ptid, tls, ctid);
    const uint64_t kept = CSIGNAL | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
                          CLONE_CHILD_CLEARTID | CLONE_SETTLS;
    /* vfork (CLONE_VM with CLONE_VFORK, glibc's posix_spawn): the child only
     * sets up descriptors and execs, so a copy serves, as in qemu-user */
    if ((flags & (CLONE_VM | CLONE_VFORK)) == (CLONE_VM | CLONE_VFORK))
        flags &= ~(uint64_t)(CLONE_VM | CLONE_VFORK);
    if (flags & ~kept)
        return -ENOSYS;
    int sig = (int)(flags & CSIGNAL);
    if (sig > 64)
        return -EINVAL;
    /* Other host threads (guest threads) do not exist in the child; its
     * one thread is the caller's. */
    fflush(NULL); /* the runtime's own buffered output (strace) is not written twice */
    ThreadGroup *tg = p->tg;
    /* The runtime's locks are held across fork, so that no other thread
     * is inside them, and released in both processes. */
    pthread_mutex_lock(&tg->lock);
    if (thread_group_dying(p)) {
        /* another thread is ending the process: no child (Linux fails the
         * fork of a dying group too) */
        pthread_mutex_unlock(&tg->lock);
        thread_park();
    }
    if (tg->nat)
        native_lock(tg->nat);
    guestmem_lock_all(p->mem);
    pid_t pid = sig == SIGCHLD ? fork() : (pid_t)syscall(SYS_clone, (unsigned long)sig, 0, NULL,
                                                            NULL, 0);
    int e = errno;
    if (pid == 0) {
        /* the child's only thread is this one; the others' state is a copy
         * nobody runs */
        Process *q = tg->threads, *leader = tg->leader;
        while (q) {
            Process *next = q->next_thread;
            if (q != p && q != leader) {
                interp_free(q->interp);
                free(q);
            }
            q = next;
        }
        if (leader != p) {   /* running or exited, it is no thread here */
            interp_free(leader->interp);
            free(leader);    /* calloc'ed by process_new */
        }
        tg->threads = tg->leader = p;
        p->next_thread = NULL;
        tg->nthreads = 1;
    }
    guestmem_unlock_all(p->mem);
    if (tg->nat)
        native_unlock(tg->nat);
    pthread_mutex_unlock(&tg->lock);
    if (pid < 0)
        return -e;
    if (pid > 0) {
        uint32_t v = (uint32_t)pid;
        if ((flags & CLONE_PARENT_SETTID) && guest_write(p->mem, ptid, &v, sizeof v) != 0)
            return -EFAULT; /* Linux: the child exists all the same */
        return pid;
    }
    /* the child */
    p->tid = (int)syscall(SYS_gettid);
    uint32_t tid = (uint32_t)p->tid;
    if ((flags & CLONE_CHILD_SETTID) && guest_write(p->mem, ctid, &tid, sizeof tid) != 0) {
        /* Linux's schedule_tail ignores a bad child_tid as well */
    }
    if (flags & CLONE_CHILD_CLEARTID)
        p->clear_child_tid = ctid;
    if (flags & CLONE_SETTLS)
        c->x[4] = tls;   /* tp */
    if (newsp)
        c->x[2] = newsp; /* sp */
    return 0;
}

/* struct rusage and the wait status have the same layout on riscv64 and
 * x86-64 (LP64, generic). */
int64_t sys_wait4(Process *p, RvCpu *c, const uint64_t *a)
{
    void *status, *ru;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[1], sizeof(int), &status) < 0 ||
        sys_gbuf_opt(p, a[3], sizeof(struct rusage), &ru) < 0)
        return -EFAULT;
    return sys_blocking(p, SYS_wait4, (pid_t)a[0], (long)status, (int)a[2], (long)ru, 0, 0);
}

/* siginfo_t (128 bytes) has the generic layout on both. */
int64_t sys_waitid(Process *p, RvCpu *c, const uint64_t *a)
{
    void *info, *ru;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[2], 128, &info) < 0 ||
        sys_gbuf_opt(p, a[4], sizeof(struct rusage), &ru) < 0)
        return -EFAULT;
    return sys_blocking(p, SYS_waitid, (int)a[0], (id_t)a[1], (long)info, (int)a[3], (long)ru, 0);
}

/* A guest array of string pointers (argv/envp, NULL-terminated) as a
 * malloc'ed host array of malloc'ed strings; NULL with *err set.  Linux's
 * limits: 128 KiB per string (MAX_ARG_STRLEN), 0x7fffffff entries. */
static char **read_strv(Process *p, uint64_t gv, int *err)
{
    enum { MAX_STR = 128 << 10, MAX_N = 1 << 20 };
    size_t n = 0, cap = 16;
    char **v = calloc(cap, sizeof *v);
    char *buf = malloc(MAX_STR);
    *err = -ENOMEM;
    if (!v || !buf)
        goto fail;
    for (; gv; n++) {
        uint64_t ptr;
        if ((*err = guest_read(p->mem, &ptr, gv + 8 * n, sizeof ptr)) != 0)
            goto fail;
        if (!ptr)
            break;
        if (n + 2 > cap) {
            if (cap >= MAX_N) {
                *err = -E2BIG;
                goto fail;
            }
            char **nv = realloc(v, 2 * cap * sizeof *nv);
            if (!nv) {
                *err = -ENOMEM;
                goto fail;
            }
            v = nv;
            cap *= 2;
        }
        int r = guest_read_str(p->mem, buf, ptr, MAX_STR);
        if (r != 0) {
            *err = r == -ENAMETOOLONG ? -E2BIG : r;
            goto fail;
        }
        if (!(v[n] = strdup(buf))) {
            *err = -ENOMEM;
            goto fail;
        }
    }
    v[n] = NULL;
    free(buf);
    return v;
fail:
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
    free(buf);
    return NULL;
}

static void free_strv(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/*
 * execve: an RV64 program runs in this runtime again (runtime/exec_guest.h:
 * fvp-run, or the translated program acting as fvp-run); anything else (host
 * programs, scripts) goes to the host's execve, as in qemu-user.
 * On success this process image is gone; the runtime's own buffered output
 * is flushed first.
 */
int64_t sys_execve(Process *p, RvCpu *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int err;
    SYS_UNUSED_ARGS;
    if ((err = sys_get_path(p, a[0], path)) != 0)
        return err;
    char **argv = read_strv(p, a[1], &err);
    if (!argv)
        return err;
    char **envp = read_strv(p, a[2], &err);
    if (!envp) {
        free_strv(argv);
        return err;
    }
    fflush(NULL);
    if (access(path, X_OK) != 0)
        err = -errno;   /* what the kernel would say first */
    else if (exec_guest_is_rv64(path))
        err = (int)exec_guest_exec(path, argv, envp);
    else {
        syscall(SYS_execve, path, argv, envp);
        err = -errno;
    }
    free_strv(argv);
    free_strv(envp);
    return err;
}

/* Guest test of the miscellaneous system calls (runtime/syscall_sys.c):
 * uname, getrandom, clocks, cwd, limits, umask, identity, prctl names,
 * /proc/self/exe and /proc/self/maps, unknown numbers and bad pointers.
 * Prints only facts that are the same on every run (no pids, no times). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/prctl.h>
#include <sys/select.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static long long ns_of(const struct timespec *t)
{
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(int argc, char **argv)
{
    char buf[4096];
    (void)argc;

    struct utsname u;
    CHECK(uname(&u) == 0);
    printf("uname machine: %s sysname: %s\n", u.machine, u.sysname);

    unsigned char rnd[16];
    printf("getrandom: %zd\n", getrandom(rnd, sizeof rnd, 0));

    struct timespec t1, t2, res;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &t1) == 0);
    struct timespec nap = {0, 2000000};
    CHECK(nanosleep(&nap, NULL) == 0);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &t2) == 0);
    printf("monotonic increases: %d (>= 2ms: %d)\n", ns_of(&t2) > ns_of(&t1),
           ns_of(&t2) - ns_of(&t1) >= 2000000);
    CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0);
    printf("clock_getres > 0: %d\n", ns_of(&res) > 0);
    CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &nap, NULL) == 0);
    struct timeval tv;
    CHECK(gettimeofday(&tv, NULL) == 0);
    struct timespec rt;
    CHECK(clock_gettime(CLOCK_REALTIME, &rt) == 0);
    printf("realtime agrees with gettimeofday: %d\n",
           (rt.tv_sec - tv.tv_sec) >= 0 && (rt.tv_sec - tv.tv_sec) <= 2);
    struct tms tm;
    printf("times ok: %d\n", times(&tm) != (clock_t)-1);

    /* cwd */
    int here = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(here >= 0);
    CHECK(chdir("/") == 0);
    CHECK(getcwd(buf, sizeof buf) != NULL);
    printf("getcwd after chdir(/): %s\n", buf);
    CHECK(chdir("/tmp") == 0);
    CHECK(getcwd(buf, sizeof buf) != NULL);
    struct stat s1, s2;
    CHECK(stat(buf, &s1) == 0 && stat("/tmp", &s2) == 0);
    printf("getcwd names /tmp: %d\n", s1.st_ino == s2.st_ino && s1.st_dev == s2.st_dev);
    errno = 0;
    printf("getcwd small buffer: %p errno %d\n", (void *)getcwd(buf, 1), errno);
    CHECK(fchdir(here) == 0);
    close(here);
    errno = 0;
    printf("chdir missing: %d errno %d\n", chdir("/nonexistent/fvp"), errno);

    /* limits */
    struct rlimit rl, rl2;
    CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0);
    printf("nofile cur <= max: %d\n", rl.rlim_cur <= rl.rlim_max);
    rl2 = rl;
    rl2.rlim_cur = 64;
    CHECK(setrlimit(RLIMIT_NOFILE, &rl2) == 0);
    CHECK(getrlimit(RLIMIT_NOFILE, &rl2) == 0);
    printf("nofile after setrlimit: %llu\n", (unsigned long long)rl2.rlim_cur);
    CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0);
    struct rlimit st;
    CHECK(prlimit(0, RLIMIT_STACK, NULL, &st) == 0);
    printf("stack limit nonzero: %d\n", st.rlim_cur > 0);
    struct rusage ru;
    CHECK(getrusage(RUSAGE_SELF, &ru) == 0);
    struct sysinfo si;
    CHECK(sysinfo(&si) == 0);
    printf("sysinfo: uptime > 0 %d, mem_unit > 0 %d\n", si.uptime > 0, si.mem_unit > 0);
    cpu_set_t cs;
    CHECK(sched_getaffinity(0, sizeof cs, &cs) == 0);
    printf("cpus >= 1: %d\n", CPU_COUNT(&cs) >= 1);
    CHECK(sched_yield() == 0);

    /* umask */
    mode_t old = umask(027);
    (void)old;
    printf("umask returns previous: %03o\n", umask(022));

    /* identity: relations only */
    printf("getpid == gettid: %d\n", getpid() == (pid_t)syscall(SYS_gettid));
    printf("getppid > 0: %d\n", getppid() > 0);
    uid_t ru_, eu, su;
    CHECK(getresuid(&ru_, &eu, &su) == 0);
    printf("getresuid matches: %d\n", ru_ == getuid() && eu == geteuid());
    printf("getgroups >= 0: %d\n", getgroups(0, NULL) >= 0);

    /* prctl */
    char name[16] = {0};
    CHECK(prctl(PR_SET_NAME, "fvp-guest", 0, 0, 0) == 0);
    CHECK(prctl(PR_GET_NAME, name, 0, 0, 0) == 0);
    printf("prctl name: %s\n", name);

    /* /proc/self/exe */
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n > 0 ? n : 0] = 0;
    const char *base = strrchr(buf, '/');
    const char *mybase = strrchr(argv[0], '/');
    printf("/proc/self/exe basename matches argv[0]: %d\n",
           strcmp(base ? base + 1 : buf, mybase ? mybase + 1 : argv[0]) == 0);
    int fd = open("/proc/self/exe", O_RDONLY);
    CHECK(fd >= 0);
    unsigned char magic[4] = {0};
    CHECK(read(fd, magic, 4) == 4);
    printf("/proc/self/exe is ELF: %d\n", memcmp(magic, "\177ELF", 4) == 0);
    close(fd);

    /* /proc/self/maps */
    fd = open("/proc/self/maps", O_RDONLY);
    CHECK(fd >= 0);
    size_t total = 0;
    ssize_t r;
    while (total < sizeof buf - 1 && (r = read(fd, buf + total, sizeof buf - 1 - total)) > 0)
        total += (size_t)r;
    buf[total] = 0;
    close(fd);
    printf("/proc/self/maps has [stack]: %d\n", strstr(buf, "[stack]") != NULL);

    /* futex on guest memory (single thread) */
    static unsigned int word = 7;
    errno = 0;
    printf("futex wait, value differs: %ld errno %d\n",
           syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 8, NULL, NULL, 0), errno);
    struct timespec shortwait = {0, 1000000};
    errno = 0;
    printf("futex wait, timeout: %ld errno %d\n",
           syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 7, &shortwait, NULL, 0), errno);
    printf("futex wake, nobody waits: %ld\n",
           syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
    errno = 0;
    printf("futex misaligned: %ld errno %d\n",
           syscall(SYS_futex, (char *)&word + 1, FUTEX_WAKE, 1, NULL, NULL, 0), errno);

    /* interval timer: armed, read back, disarmed (never fires) */
    struct itimerval itv = {{0, 0}, {100, 0}}, got;
    CHECK(setitimer(ITIMER_REAL, &itv, NULL) == 0);
    CHECK(getitimer(ITIMER_REAL, &got) == 0);
    printf("itimer armed: %d\n", got.it_value.tv_sec > 90 && got.it_value.tv_sec <= 100);
    memset(&itv, 0, sizeof itv);
    CHECK(setitimer(ITIMER_REAL, &itv, &got) == 0);
    CHECK(getitimer(ITIMER_REAL, &got) == 0);
    printf("itimer disarmed: %d\n", got.it_value.tv_sec == 0 && got.it_value.tv_usec == 0);

    /* select with a timeout and nothing ready */
    int pfd[2];
    CHECK(pipe(pfd) == 0);
    fd_set rfds;
    FD_ZERO(&rfds);
    FD_SET(pfd[0], &rfds);
    struct timeval tmo = {0, 1000};
    printf("select, nothing ready: %d\n", select(pfd[0] + 1, &rfds, NULL, NULL, &tmo));
    CHECK(write(pfd[1], "x", 1) == 1);
    FD_SET(pfd[0], &rfds);
    tmo.tv_usec = 1000;
    printf("select, readable: %d isset %d\n", select(pfd[0] + 1, &rfds, NULL, NULL, &tmo),
           FD_ISSET(pfd[0], &rfds) != 0);
    close(pfd[0]);
    close(pfd[1]);

    /* blocked signal taken synchronously: rt_sigtimedwait, rt_sigqueueinfo */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    CHECK(kill(getpid(), SIGUSR1) == 0);
    siginfo_t sinfo;
    struct timespec zero = {0, 0};
    printf("sigtimedwait: %d\n", sigtimedwait(&set, &sinfo, &zero));
    errno = 0;
    printf("sigtimedwait, nothing pending: %d errno %d\n", sigtimedwait(&set, &sinfo, &zero), errno);
    union sigval sv = {.sival_int = 42};
    CHECK(sigqueue(getpid(), SIGUSR1, sv) == 0);
    printf("sigwaitinfo: %d value %d\n", sigwaitinfo(&set, &sinfo), sinfo.si_value.sival_int);
    CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0);

    /* unknown syscall, bad pointers */
    errno = 0;
    printf("syscall 999: %ld errno %d\n", syscall(999), errno);
    errno = 0;
    printf("write from NULL: %zd errno %d\n", write(1, NULL, 5), errno);
    errno = 0;
    printf("uname(NULL): %ld errno %d\n", syscall(SYS_uname, NULL), errno);
    errno = 0;
    printf("clock_gettime bad ptr: %ld errno %d\n",
           syscall(SYS_clock_gettime, CLOCK_MONOTONIC, (void *)16), errno);

    printf("sys_misc: %s\n", failures ? "FAILED" : "ok");
    return failures != 0;
}

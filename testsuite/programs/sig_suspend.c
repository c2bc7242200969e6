/* sigsuspend: a pending blocked signal is delivered inside it (return -1
 * EINTR, mask restored after), a timer signal wakes it up; a blocking
 * read and nanosleep interrupted by a handler without SA_RESTART fail
 * with EINTR; sigwait-free, deterministic. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_alrm;

static void h_usr1(int sig) { (void)sig; got_usr1++; }
static void h_alrm(int sig) { (void)sig; got_alrm++; }

static void set_action(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    set_action(SIGUSR1, h_usr1, 0);
    set_action(SIGALRM, h_alrm, 0);

    sigset_t block, empty, now;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGALRM);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &block, NULL);

    raise(SIGUSR1);
    printf("before: usr1=%d\n", (int)got_usr1);
    errno = 0;
    int r = sigsuspend(&empty);
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("sigsuspend (pending): r=%d errno=%s usr1=%d usr1 still blocked=%d\n", r,
           errno == EINTR ? "EINTR" : strerror(errno), (int)got_usr1,
           sigismember(&now, SIGUSR1));

    alarm(1);
    errno = 0;
    r = sigsuspend(&empty);
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("sigsuspend (timer): r=%d errno=%s alrm=%d alrm still blocked=%d\n", r,
           errno == EINTR ? "EINTR" : strerror(errno), (int)got_alrm,
           sigismember(&now, SIGALRM));

    sigprocmask(SIG_UNBLOCK, &block, NULL);
    int fd[2];
    if (pipe(fd) != 0)
        return 1;
    alarm(1);
    char c;
    errno = 0;
    ssize_t n = read(fd[0], &c, 1);
    printf("read: n=%zd errno=%s alrm=%d\n", n, errno == EINTR ? "EINTR" : strerror(errno),
           (int)got_alrm);

    alarm(1);
    struct timespec ts = { 30, 0 }, rem = { 0, 0 };
    errno = 0;
    r = nanosleep(&ts, &rem);
    printf("nanosleep: r=%d errno=%s alrm=%d rem_ok=%d\n", r,
           errno == EINTR ? "EINTR" : strerror(errno), (int)got_alrm,
           rem.tv_sec > 20 && rem.tv_sec < 30);
    return 0;
}

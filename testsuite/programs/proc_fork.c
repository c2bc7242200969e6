/* fork, pipes and wait: a child writes through a pipe and exits with a status, another dies
 * of a signal, a third exits without being waited for until the end (waitid); the parent
 * reads, reaps each with waitpid/wait4/waitid and prints what it saw.  Memory written by the
 * child stays the child's.  Output must match qemu-riscv64. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int counter = 10;

int main(void)
{
    int fd[2];
    if (pipe(fd) != 0)
        return 1;
    fflush(stdout);
    pid_t a = fork();
    if (a < 0) {
        printf("fork failed\n");
        return 2;
    }
    if (a == 0) {
        counter += 5;
        char msg[64];
        int n = snprintf(msg, sizeof msg, "child sees counter %d, getppid matches %d", counter,
                         getppid() > 1);
        if (write(fd[1], msg, (size_t)n) != n)
            _exit(99);
        _exit(42);
    }
    close(fd[1]);
    char buf[128] = "";
    ssize_t n, got = 0;
    while ((n = read(fd[0], buf + got, sizeof buf - 1 - (size_t)got)) > 0)
        got += n;
    buf[got] = 0;
    int st = 0;
    pid_t w = waitpid(a, &st, 0);
    printf("read \"%s\"\n", buf);
    printf("waitpid same pid %d, exited %d, status %d, parent counter %d\n", w == a,
           WIFEXITED(st), WEXITSTATUS(st), counter);

    pid_t b = fork();
    if (b == 0) {
        kill(getpid(), SIGTERM);
        _exit(0);
    }
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    w = wait4(b, &st, 0, &ru);
    printf("wait4 same pid %d, signaled %d, signal %d\n", w == b, WIFSIGNALED(st), WTERMSIG(st));

    pid_t c = fork();
    if (c == 0)
        _exit(7);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r = waitid(P_PID, (id_t)c, &si, WEXITED);
    printf("waitid %d: signo %d code %d status %d same pid %d\n", r, si.si_signo, si.si_code,
           si.si_status, si.si_pid == c);
    printf("no more children: %d\n", waitpid(-1, &st, WNOHANG));
    return 0;
}

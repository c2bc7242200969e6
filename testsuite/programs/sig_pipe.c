/* SIGPIPE: with SIG_IGN a write to a pipe without readers fails with
 * EPIPE; with a handler the handler runs and the write fails with EPIPE;
 * with SIG_DFL the guest dies of SIGPIPE (status 141 from a shell). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t pipes;

static void pipe_handler(int sig)
{
    (void)sig;
    pipes++;
}

static void try_write(const char *what)
{
    int fd[2];
    if (pipe(fd) != 0) {
        perror("pipe");
        return;
    }
    close(fd[0]);
    errno = 0;
    ssize_t n = write(fd[1], "x", 1);
    printf("%s: write=%zd errno=%s handler_runs=%d\n", what, n,
           errno == EPIPE ? "EPIPE" : strerror(errno), (int)pipes);
    fflush(stdout);
    close(fd[1]);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    try_write("ignored");
    signal(SIGPIPE, pipe_handler);
    try_write("handled");
    signal(SIGPIPE, SIG_DFL);
    try_write("default");
    printf("not reached\n");
    return 0;
}

/*
 * execve of an RV64 program from a guest (runtime/exec_guest.h).  Self-checking: exit 0 and
 * a last line "exec_rv: ok" iff every case behaved as on Linux.  Not compared with
 * qemu-riscv64: without a binfmt_misc entry for riscv64 on the host, qemu-user passes the
 * execve to the host kernel, which cannot run the ELF (ENOEXEC).
 *
 *   exec_rv              the checks below
 *   exec_rv child ARG    prints its argv[0], ARG, FVP_T and whether FVP_EXEC_ELF leaked, exits 9
 *   exec_rv final        prints "final image" and exits 0 (the last case replaces the process)
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char self[4096];
static int failures;

#define CHECK(cond, ...)                                                                \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            fprintf(stderr, "exec_rv: FAIL: " __VA_ARGS__);                             \
            fputc('\n', stderr);                                                        \
            failures++;                                                                 \
        }                                                                               \
    } while (0)

/* fork, execve(path, argv, envp) in the child with stdout into a pipe; the child's
 * output in out, its wait status returned. */
static int run_child(const char *path, char *const argv[], char *const envp[], char *out,
                     size_t n)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        execve(path, argv, envp);
        printf("execve failed: %s\n", strerror(errno));
        fflush(stdout);
        _exit(127);
    }
    close(fd[1]);
    size_t got = 0;
    ssize_t r;
    while (got + 1 < n && (r = read(fd[0], out + got, n - 1 - got)) > 0)
        got += (size_t)r;
    out[got] = 0;
    close(fd[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    return st;
}

static void *exec_from_thread(void *arg)
{
    (void)arg;
    char *const argv[] = {"from-thread", "final", NULL};
    execv(self, argv);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "child") == 0) {
        const char *t = getenv("FVP_T");
        printf("child argv0=%s arg=%s FVP_T=%s leaked=%s\n", argv[0], argv[2], t ? t : "-",
               getenv("FVP_EXEC_ELF") ? "yes" : "no");
        return 9;
    }
    if (argc >= 2 && strcmp(argv[1], "final") == 0) {
        printf("final image argv0=%s\n", argv[0]);
        return 0;
    }
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        perror("exec_rv: readlink /proc/self/exe");
        return 1;
    }
    self[n] = 0;
    char out[512];

    /* 1. fork + execve of ourselves: argv[0] and the environment as given */
    char *const a1[] = {"renamed", "child", "one", NULL};
    char *const e1[] = {"FVP_T=forty-two", NULL};
    int st = run_child(self, a1, e1, out, sizeof out);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9, "case 1: status 0x%x", st);
    CHECK(strcmp(out, "child argv0=renamed arg=one FVP_T=forty-two leaked=no\n") == 0,
          "case 1: output '%s'", out);

    /* 2. an empty environment */
    char *const a2[] = {"x", "child", "two", NULL};
    char *const e2[] = {NULL};
    st = run_child(self, a2, e2, out, sizeof out);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9, "case 2: status 0x%x", st);
    CHECK(strcmp(out, "child argv0=x arg=two FVP_T=- leaked=no\n") == 0, "case 2: '%s'", out);

    /* 3. a copy without execute permission: EACCES, and the process goes on */
    char tmp[] = "/tmp/exec_rv_XXXXXX";
    int fd = mkstemp(tmp);
    int src = open(self, O_RDONLY);
    char buf[65536];
    ssize_t r;
    while (fd >= 0 && src >= 0 && (r = read(src, buf, sizeof buf)) > 0)
        if (write(fd, buf, (size_t)r) != r)
            break;
    close(src);
    close(fd);
    chmod(tmp, 0644);
    errno = 0;
    int rc = execve(tmp, a1, e1);
    CHECK(rc == -1 && errno == EACCES, "case 3: execve of a 0644 file: %d %s", rc,
          strerror(errno));
    /* 4. the same copy made executable runs */
    chmod(tmp, 0755);
    st = run_child(tmp, a1, e1, out, sizeof out);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9, "case 4: status 0x%x", st);
    unlink(tmp);

    /* 5. a host program still runs as itself */
    char *const a5[] = {"sh", "-c", "echo host shell", NULL};
    st = run_child("/bin/sh", a5, e2, out, sizeof out);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && strcmp(out, "host shell\n") == 0,
          "case 5: status 0x%x '%s'", st, out);

    if (failures)
        return 1;
    printf("exec_rv: ok\n");
    fflush(stdout);
    /* 6. execve from a second thread replaces the whole process */
    pthread_t t;
    pthread_create(&t, NULL, exec_from_thread, NULL);
    pthread_join(t, NULL);
    fprintf(stderr, "exec_rv: FAIL: execve from a thread returned: %s\n", strerror(errno));
    return 1;
}

/* Processes that run host programs: system() and popen() (glibc's posix_spawn: clone with
 * CLONE_VM | CLONE_VFORK), fork + execve of /bin/sh with arguments and an environment,
 * execve of a missing file (ENOENT, the process goes on), and the exit status of each.
 * Output must match qemu-riscv64. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    fflush(stdout);
    int st = system("echo from system; exit 3");
    printf("system: exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));

    FILE *f = popen("echo one; echo two", "r");
    char line[64];
    int lines = 0;
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        printf("popen line %d: %s\n", ++lines, line);
    }
    printf("pclose: %d\n", f ? WEXITSTATUS(pclose(f)) : -1);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = { "sh", "-c", "echo \"exec'd with $0 $1 and FVP_TEST_VAR=$FVP_TEST_VAR\"; exit 5",
                         "arg1", NULL };
        char *envp[] = { "FVP_TEST_VAR=forty-two", "PATH=/usr/bin:/bin", NULL };
        execve("/bin/sh", argv, envp);
        _exit(99);
    }
    waitpid(pid, &st, 0);
    printf("execve child: exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));

    char *none[] = { "nothing", NULL };
    int r = execve("/nonexistent/fvp-test", none, none + 1);
    printf("execve of a missing file: %d %s\n", r, r < 0 && errno == ENOENT ? "ENOENT" : "?");
    return 0;
}

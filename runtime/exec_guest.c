/*
 * A guest's execve of an RV64 program (contract in runtime/exec_guest.h).
 */
#include "runtime/exec_guest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

bool exec_guest_is_rv64(const char *path)
{
    unsigned char h[20];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, h, sizeof h);
    close(fd);
    return n == (ssize_t)sizeof h && memcmp(h, "\177ELF", 4) == 0 && h[4] == 2 /* 64-bit */ &&
           h[5] == 1 /* little-endian */ && (h[18] | h[19] << 8) == 243 /* EM_RISCV */;
}

int64_t exec_guest_exec(const char *path, char **argv, char **envp)
{
    size_t n = 0;
    while (envp && envp[n])
        n++;
    char **env = calloc(n + 2, sizeof *env);
    size_t len = strlen(FVP_EXEC_ENV) + strlen(path) + 2;
    char *mark = malloc(len);
    if (!env || !mark) {
        free(env);
        free(mark);
        return -ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)   /* one FVP_EXEC_ELF only: ours */
        if (strncmp(envp[i], FVP_EXEC_ENV "=", strlen(FVP_EXEC_ENV) + 1) != 0)
            env[k++] = envp[i];
    snprintf(mark, len, "%s=%s", FVP_EXEC_ENV, path);
    env[k] = mark;
    char *self_argv[2] = { (char *)path, NULL };
    fflush(NULL);
    syscall(SYS_execve, "/proc/self/exe", argv && argv[0] ? argv : self_argv, env);
    int e = errno;
    free(env);
    free(mark);
    return -e;
}

char *exec_guest_take(void)
{
    const char *v = getenv(FVP_EXEC_ENV);
    if (!v || !v[0])
        return NULL;
    char *path = strdup(v);
    unsetenv(FVP_EXEC_ENV);
    return path;
}

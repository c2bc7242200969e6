/*
 * execve of an RV64 program by the guest: the new process image is this
 * runtime again (fvp-run, or the translated program, which carries the whole
 * runtime), started with the guest's argv and envp and told which ELF to run
 * by FVP_EXEC_ELF, which it removes before the guest sees its environment.
 * The new program runs in the interpreter (a translated program's own native
 * code is for its own image only).  Host programs and scripts still go to the
 * host's execve.
 */
#ifndef FVP_EXEC_GUEST_H
#define FVP_EXEC_GUEST_H

#include <stdbool.h>
#include <stdint.h>

#define FVP_EXEC_ENV "FVP_EXEC_ELF"

/* True when path is a 64-bit little-endian RISC-V ELF (e_machine 243). */
bool exec_guest_is_rv64(const char *path);

/* Replaces this process by the runtime running path with argv/envp (NULL
 * argv: {path}).  Returns only on failure: -errno. */
int64_t exec_guest_exec(const char *path, char **argv, char **envp);

/* For the front ends' main: the ELF a guest's execve asked for (malloc'ed),
 * removed from the environment; NULL when this is not such a start. */
char *exec_guest_take(void);

#endif /* FVP_EXEC_GUEST_H */

/* argv and environment: prints every argument and the variables the runner sets
 * (FVP_TEST_VAR), setenv/unsetenv/getenv, and the auxiliary vector entries that are
 * deterministic (AT_PAGESZ). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp)
{
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d]=\"%s\" (%zu)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc]=%s\n", argv[argc] ? "non-null" : "NULL");
    const char *v = getenv("FVP_TEST_VAR");
    printf("FVP_TEST_VAR=%s\n", v ? v : "(unset)");
    const char *sp = getenv("FVP_TEST_SPACES");
    printf("FVP_TEST_SPACES=[%s]\n", sp ? sp : "(unset)");
    printf("UNSET_THING=%s\n", getenv("FVP_SURELY_UNSET_VAR") ? "set" : "(unset)");
    int found = 0;
    for (char **e = envp; *e; e++)
        if (!strncmp(*e, "FVP_TEST_VAR=", 13)) found++;
    printf("envp has FVP_TEST_VAR %d time(s)\n", found);
    setenv("NEW_VAR", "created", 1);
    setenv("FVP_TEST_VAR", "not overwritten", 0);
    printf("NEW_VAR=%s FVP_TEST_VAR=%s\n", getenv("NEW_VAR"), getenv("FVP_TEST_VAR"));
    unsetenv("NEW_VAR");
    printf("NEW_VAR after unset=%s\n", getenv("NEW_VAR") ? "set" : "(unset)");
    printf("pagesize=%ld AT_PAGESZ=%lu\n", sysconf(_SC_PAGESIZE), getauxval(AT_PAGESZ));
    printf("AT_SECURE=%lu AT_RANDOM %s\n", getauxval(AT_SECURE), getauxval(AT_RANDOM) ? "set" : "missing");
    return argc == 6 ? 0 : 3;
}

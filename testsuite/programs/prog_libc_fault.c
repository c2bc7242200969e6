/* strlen of a wild pointer with no SIGSEGV handler: the process dies of SIGSEGV (status 139)
 * after its flushed output, also when fvp-xlat runs strlen as host code. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static size_t (*volatile p_strlen)(const char *) = strlen;

int main(void)
{
    printf("strlen of a good string: %zu\n", p_strlen("four"));
    fflush(stdout);
    printf("not reached: %zu\n", p_strlen((const char *)(uintptr_t)0x10));
    return 0;
}

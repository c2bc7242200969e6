/* A guest that dereferences a wild pointer with no SIGSEGV handler: the process must die
 * of SIGSEGV (shell status 139) after its flushed output. */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
    printf("about to fault\n");
    fflush(stdout);
    volatile uintptr_t addr = 0x10;
    volatile int *p = (volatile int *)addr;
    *p = 1;
    printf("not reached\n");
    return 0;
}

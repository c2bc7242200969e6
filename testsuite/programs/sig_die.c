/* No handler: raise(SIGTERM) kills the guest; the runner sees death by
 * SIGTERM (status 143 from a shell).  Stdout is flushed first. */
#include <signal.h>
#include <stdio.h>

int main(void)
{
    printf("about to die of SIGTERM\n");
    fflush(stdout);
    raise(SIGTERM);
    printf("not reached\n");
    return 0;
}

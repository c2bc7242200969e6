/* Exit status through exit(): atexit handlers run in reverse order and stdio is flushed. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("atexit first (runs last)\n"); }
static void second(void) { printf("atexit second (runs first)\n"); }

int main(void)
{
    atexit(first);
    atexit(second);
    printf("buffered output without newline");
    fprintf(stderr, "stderr line\n");
    exit(42);
}

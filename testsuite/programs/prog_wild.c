/* Wild pointers outside the guest's address space, with no SIGSEGV handler: every load and
 * store through one must kill the process with SIGSEGV and change nothing.  Translated code
 * clamps such addresses into a guard above the guest space instead of branching (D29), so
 * this pins that the clamp faults for addresses far above the space, for the all-ones and
 * sign-bit addresses, and for an access that starts just below the top of the space and ends
 * above it.  Each access runs in a forked child; the parent reports how it ended. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static const uint64_t wild[] = {
    0xdead00000000ull,       /* above 2^38, below the host's 2^47 */
    (1ull << 38) - 4,        /* 8 bytes straddling the top of an Sv39 space */
    (1ull << 38),
    0x8000000000000000ull,
    0xfffffffffffffff8ull,   /* NULL - 8 */
    0x10,                    /* inside the space, unmapped */
};

static volatile uint64_t sink;

static void access_at(uint64_t a, int store, int width)
{
    if (store) {
        if (width == 8)
            *(volatile uint64_t *)(uintptr_t)a = 42;
        else
            *(volatile uint8_t *)(uintptr_t)a = 42;
    } else {
        sink = width == 8 ? *(volatile uint64_t *)(uintptr_t)a : *(volatile uint8_t *)(uintptr_t)a;
    }
}

int main(void)
{
    int bad = 0;
    for (unsigned i = 0; i < sizeof wild / sizeof wild[0]; i++) {
        for (int store = 0; store < 2; store++) {
            for (int width = 1; width <= 8; width += 7) {
                fflush(stdout);
                pid_t pid = fork();
                if (pid < 0) {
                    perror("fork");
                    return 1;
                }
                if (pid == 0) {
                    access_at(wild[i], store, width);
                    _exit(0); /* survived: wrong */
                }
                int st;
                if (waitpid(pid, &st, 0) != pid) {
                    perror("waitpid");
                    return 1;
                }
                int segv = WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV;
                printf("%-5s %d bytes at %#018llx: %s\n", store ? "store" : "load", width,
                       (unsigned long long)wild[i],
                       segv ? "SIGSEGV"
                            : WIFSIGNALED(st) ? "other signal" : "no fault");
                bad += !segv;
            }
        }
    }
    /* The parent's memory is untouched: sink still 0. */
    printf("sink %llu\n", (unsigned long long)sink);
    printf("%s\n", bad ? "FAIL" : "ok");
    return bad != 0;
}

/* Direct calls of the C library functions fvp-xlat runs as host code (runtime/libc_host.h)
 * from a function far above the host-call size limit, with many values live across the
 * calls: translated, only ra and a0-a2 pass through the vCPU there (llvm_emit.c
 * emit_libc_call), so every other register must come through each call unchanged and the
 * results must land in a0.  A fault inside such a call (strlen of a wild pointer, memcpy
 * onto a read-only page) must still be the guest's SIGSEGV, in a forked child each.  Tail
 * calls of them (`j strlen` at a function's end, which translated code makes a call followed
 * by a return to ra, D64), from C and by hand, also with a wild pointer.
 * Output must match qemu-riscv64. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile size_t vn = 37, vk = 5;
static volatile uint64_t seed = 0x9e3779b97f4a7c15ull;
static const char *volatile wild = (const char *)(uintptr_t)0x10;
static char buf[4][256];

static uint64_t mix(uint64_t h, uint64_t v)
{
    return (h ^ v) * 0x100000001b3ull;
}

/* Many accumulators, live across every call, and enough code to be a big function. */
static __attribute__((noinline)) uint64_t big(int rounds)
{
    uint64_t a = seed, b = a * 3, c = a ^ 0x55, d = a + 7, e = a >> 3, f = ~a, g = a * a,
             h = 0, i2 = 1, j = 2, k = 3, l = 4;
    for (int r = 0; r < rounds; r++) {
        size_t n = vn + (size_t)r % 11;
        for (size_t x = 0; x < n; x++)
            buf[0][x] = (char)('a' + (a + x * 7 + (uint64_t)r) % 26);
        buf[0][n] = 0;
        memcpy(buf[1], buf[0], n + 1);
        a = mix(a, (uint64_t)strlen(buf[1])) + b;
        b = mix(b, (uint64_t)memcmp(buf[0], buf[1], n + 1)) ^ c;
        buf[1][n / 2] = 'Z';
        c = mix(c, (uint64_t)(int64_t)memcmp(buf[0], buf[1], n)) + d;
        char *p = strchr(buf[1], 'Z');
        d = mix(d, p ? (uint64_t)(p - buf[1]) : 999) ^ e;
        memset(buf[2], 'q', vk + (size_t)r);
        buf[2][vk + (size_t)r] = 0;
        strcpy(buf[3], buf[2]);
        strcat(buf[3], buf[0]);
        e = mix(e, (uint64_t)strlen(buf[3])) + f;
        f = mix(f, (uint64_t)(int64_t)strcmp(buf[3], buf[2])) ^ g;
        g = mix(g, (uint64_t)(int64_t)strncmp(buf[0], buf[1], n / 2 + 1)) + h;
        void *m = memchr(buf[3], 'a' + r % 26, strlen(buf[3]));
        h = mix(h, m ? (uint64_t)((char *)m - buf[3]) : 777) ^ i2;
        memmove(buf[3] + 1, buf[3], strlen(buf[3]));
        i2 = mix(i2, (uint64_t)(unsigned char)buf[3][2]) + j;
        j = mix(j, a ^ b ^ c) + k * 5;
        k = mix(k, d ^ e ^ f) + l * 3;
        l = mix(l, g ^ h ^ i2 ^ j ^ k) + (uint64_t)r;
        a += (b << 7) ^ (c >> 5) ^ d;
        b += (e << 3) ^ (f >> 11) ^ g;
        c += (h << 13) ^ (i2 >> 2) ^ j;
        d += (k << 9) ^ (l >> 7) ^ a;
    }
    return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h ^ i2 ^ j ^ k ^ l;
}

/* strlen(s + 1) and memset(d, c, n) + nothing else, ending in tail calls */
size_t tail_strlen(const char *s);
void *tail_memset(void *d, int c, size_t n);
__asm__(".text\n"
        ".globl tail_strlen\n.type tail_strlen, @function\n"
        "tail_strlen: addi a0, a0, 1\n"
        "  j strlen\n"
        ".globl tail_memset\n.type tail_memset, @function\n"
        "tail_memset: j memset\n");

/* the same from C: gcc -O2 ends it with `tail strchr` */
static __attribute__((noinline)) char *after_colon(const char *s)
{
    return strchr(s + (vk & 1), ':');
}

static void tails(void)
{
    static char t[64] = "x:abc:def";
    uint64_t h = 0;
    for (int i = 0; i < 1000; i++) {
        h = mix(h, tail_strlen(t + (i % 8)));
        h = mix(h, (uint64_t)(after_colon(t + (i % 4)) - t));
        tail_memset(t + 10 + i % 32, 'a' + i % 26, 1 + i % 7);
        h = mix(h, (uint64_t)t[10 + i % 40]);
    }
    printf("tails: %016llx\n", (unsigned long long)h);
}

static void in_child(int what)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (what == 0) {
            volatile size_t n = strlen(wild);
            (void)n;
        } else if (what == 2) {
            volatile size_t n = tail_strlen(wild);
            (void)n;
        } else {
            char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            memcpy(ro + vk, buf[0], vn);
        }
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("fault %d: signaled %d sig %d\n", what, WIFSIGNALED(st),
           WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

int main(void)
{
    printf("big: %016llx\n", (unsigned long long)big(200));
    printf("buf: %s\n", buf[3]);
    tails();
    in_child(0);
    in_child(1);
    in_child(2);
    return 0;
}

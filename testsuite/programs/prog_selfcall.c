/* Self-recursive functions, which fvp-xlat calls through a variant that takes the
 * caller's registers as arguments (docs D34): values live across the call in many
 * registers (more than the host passes in registers), FP registers, a loop inside the
 * recursion that polls for signals, other calls and system calls from inside it, a timer
 * signal landing anywhere in a deep recursion, recursion past the host call depth limit,
 * a longjmp out of it, returns past the return address, and a hand-written function that
 * returns a result in a temporary register (not the C ABI: only an exact register state
 * gets it back). */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile sig_atomic_t ticks;
static volatile long sink;
static jmp_buf jb;

static void on_alarm(int sig)
{
    (void)sig;
    ticks++;
}

/* twelve values live across each recursive call: callee-saved registers all in use */
static __attribute__((noinline)) uint64_t many(uint64_t n, uint64_t a, uint64_t b, uint64_t c)
{
    if (n == 0)
        return a ^ b ^ c;
    uint64_t v0 = a * 3 + n, v1 = b * 5 + n, v2 = c * 7 + n, v3 = a ^ b, v4 = b ^ c;
    uint64_t v5 = a + c, v6 = n * n, v7 = a - b, v8 = b - c, v9 = c - a, v10 = a | n;
    uint64_t r = many(n - 1, v0, v1, v2);
    sink = (long)r; /* (keeps the compiler from turning the recursion into a loop) */
    return r + v3 * 11 + v4 * 13 + v5 * 17 + v6 * 19 + v7 * 23 + v8 * 29 + v9 * 31 + v10 * 37;
}

/* FP values across the call */
static __attribute__((noinline)) double fsum(int n, double x)
{
    if (n == 0)
        return x;
    double y = x * 1.0001 + 0.5;
    double z = fsum(n - 1, y * 0.999);
    return z + y / (n + 1.0);
}

struct node { struct node *next; long v; };
static struct node pool[64];

/* a pointer-chasing loop (which polls for signals) inside the recursion */
static __attribute__((noinline)) long walk(int depth, struct node *head)
{
    long s = 0;
    for (struct node *p = head; p; p = p->next)
        s += p->v * depth;
    if (depth == 0)
        return s;
    long r = walk(depth - 1, head->next ? head->next : head);
    sink = r;
    return s + r;
}

/* other calls and system calls from inside the recursion */
static __attribute__((noinline)) long with_calls(int n, char *buf, size_t len)
{
    if (n == 0)
        return (long)getpid() > 0;
    snprintf(buf, len, "%d", n);
    long r = with_calls(n - 1, buf, len);
    return r + (long)strlen(buf) + n;
}

/* deep recursion, long enough for timer signals to land inside it */
static __attribute__((noinline)) long deep(long n)
{
    if (n == 0)
        return 0;
    long r = deep(n - 1);
    sink = r;
    return r + (n & 7);
}

/* mutual recursion past the depth limit, then a self-recursive function at the bottom */
static __attribute__((noinline)) long pong(long n);
static __attribute__((noinline)) long ping(long n)
{
    if (n == 0)
        return fsum(40, 0.5) > 0 ? deep(300) : -1;
    long r = pong(n - 1);
    sink = r;
    return r + 1;
}
static __attribute__((noinline)) long pong(long n)
{
    long r = ping(n - 1);
    sink = r;
    return r + 2;
}

static __attribute__((noinline)) void dive(int n, int at)
{
    if (n == at)
        longjmp(jb, n);
    dive(n + 1, at);
    sink = n;
}

/* sumdown(n): 0 + 1 + ... + n, returned in t3 (not a0), a private convention */
uint64_t sumdown_t3(uint64_t n);
__asm__(".text\n"
        ".globl sumdown_t3\n"
        "sumdown: bnez a0, 1f\n"
        "  li t3, 0\n"
        "  ret\n"
        "1: addi sp, sp, -16\n"
        "  sd ra, 8(sp)\n"
        "  sd a0, 0(sp)\n"
        "  addi a0, a0, -1\n"
        "  call sumdown\n"
        "  ld a0, 0(sp)\n"
        "  add t3, t3, a0\n"
        "  ld ra, 8(sp)\n"
        "  addi sp, sp, 16\n"
        "  ret\n"
        "sumdown_t3: addi sp, sp, -16\n"
        "  sd ra, 8(sp)\n"
        "  call sumdown\n"
        "  mv a0, t3\n"
        "  ld ra, 8(sp)\n"
        "  addi sp, sp, 16\n"
        "  ret\n");

/* skipdown(n): recursion n deep whose innermost frame returns 4 bytes past its return
 * address, skipping its caller's `addi a0, a0, 100`: a return that is not the one the call
 * expects, from the function's own body (its caller goes on where it was sent). */
uint64_t skipdown(uint64_t n);
__asm__(".text\n"
        ".option push\n"
        ".option norvc\n"
        ".globl skipdown\n"
        "skipdown: bnez a0, 1f\n"
        "  addi ra, ra, 4\n"
        "  ret\n"
        "1: addi sp, sp, -16\n"
        "  sd ra, 8(sp)\n"
        "  addi a0, a0, -1\n"
        "  call skipdown\n"
        "  addi a0, a0, 100\n"
        "  addi a0, a0, 1\n"
        "  ld ra, 8(sp)\n"
        "  addi sp, sp, 16\n"
        "  ret\n"
        ".option pop\n");

/* farret(n), n >= 1: the same kind of return past the return address, from a frame that
 * wrote t6, which is dead where the call returns (written again at once) and read where the
 * innermost frame goes instead: 77 + 5 * (n - 1) only when that write reaches the caller.
 * The frames write ten more registers that are dead there too, so that t6 is not among
 * the registers the variant returns in host registers (docs D62). */
uint64_t farret(uint64_t n);
__asm__(".text\n"
        ".option push\n"
        ".option norvc\n"
        ".globl farret\n"
        "farret: bnez a0, 1f\n"
        "  li t6, 77\n"
        "  addi ra, ra, 4\n"
        "  ret\n"
        "1: addi sp, sp, -16\n"
        "  sd ra, 8(sp)\n"
        "  addi a0, a0, -1\n"
        "  call farret\n"
        "  li t6, 5\n"
        "  add a0, a0, t6\n"
        "  li t0, 0\n  li t1, 0\n  li t2, 0\n  li a1, 0\n  li a2, 0\n"
        "  li a3, 0\n  li a4, 0\n  li a5, 0\n  li a6, 0\n  li a7, 0\n"
        "  ld ra, 8(sp)\n"
        "  addi sp, sp, 16\n"
        "  ret\n"
        ".option pop\n");

int main(void)
{
    uint64_t m = 0;
    for (uint64_t i = 0; i < 200; i++)
        m = m * 31 + many(i % 40, i, i * 7, i * 13);
    printf("many: %016llx\n", (unsigned long long)m);
    printf("fsum: %.17g\n", fsum(300, 1.25));

    for (int i = 0; i < 64; i++)
        pool[i] = (struct node){ i + 1 < 64 ? &pool[i + 1] : NULL, i * 3 + 1 };
    printf("walk: %ld\n", walk(60, pool));

    char buf[32];
    printf("with_calls: %ld\n", with_calls(200, buf, sizeof buf));
    printf("ping(1600) = %ld, ping(2) = %ld\n", ping(1600), ping(2));
    printf("sumdown_t3(3000) = %llu\n", (unsigned long long)sumdown_t3(3000));
    printf("skipdown(50) = %llu, skipdown(1) = %llu\n", (unsigned long long)skipdown(50),
           (unsigned long long)skipdown(1));
    printf("farret(40) = %llu, farret(1) = %llu\n", (unsigned long long)farret(40),
           (unsigned long long)farret(1));

    /* a 2 ms timer while deep recursions run (some past the host depth limit) */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = { { 0, 2000 }, { 0, 2000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    long total = 0, expect = 0;
    for (int round = 0; round < 400 || (ticks < 3 && round < 100000); round++) {
        long n = 100 + (round * 37) % 3000;
        total += deep(n);
        expect += (n / 8) * 28 + (n % 8) * (n % 8 + 1) / 2;
    }
    struct itimerval off = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &off, NULL);
    printf("deep: %s, timer signals: %s\n", total == expect ? "right" : "WRONG",
           ticks > 0 ? "some" : "none");

    int jumps = 0;
    for (int at = 5; at <= 2005; at += 500) {
        int v = setjmp(jb);
        if (v == 0)
            dive(0, at);
        else
            jumps += v == at;
    }
    printf("longjmp out of recursion: %d of 5\n", jumps);
    return 0;
}

/* Indirect calls of small functions, which fvp-xlat enters through their leaf entries (docs
 * D63: registers in host registers, the caller keeping its own in SSA values): hand-written
 * callees and callers with results and arguments where the C ABI has none (t registers both
 * ways, a2-a7 back, a registers expected unchanged across the call), gp and tp read by the
 * callee, values in every callee-saved register across a callee that makes a system call,
 * returns past the return address (jalr 4(ra), and jr through t0), a call linking through
 * t0, a callee that is only a tail call of strlen, a fault inside a callee; then a timer signal landing anywhere in a loop of such calls
 * and the C library's qsort with a comparator. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

typedef uint64_t Fn(uint64_t, uint64_t);

/* callees: each is small, loop-free and writes only a and t registers */
__asm__(".text\n"
        ".option push\n"
        ".option norvc\n"
        /* t0 = x + y, t3 = x - y, t6 = x ^ y, a0 = 7 */
        ".globl leaf_tout\n.type leaf_tout, @function\n"
        "leaf_tout: add t0, a0, a1\n"
        "  sub t3, a0, a1\n"
        "  xor t6, a0, a1\n"
        "  li a0, 7\n"
        "  ret\n"
        /* a0 = 2 * t1 + t2 + t5 (arguments in t registers) */
        ".globl leaf_tin\n.type leaf_tin, @function\n"
        "leaf_tin: slli a0, t1, 1\n"
        "  add a0, a0, t2\n"
        "  add a0, a0, t5\n"
        "  ret\n"
        /* a1..a7 = x + 1 .. x + 7 */
        ".globl leaf_aall\n.type leaf_aall, @function\n"
        "leaf_aall: addi a1, a0, 1\n"
        "  addi a2, a0, 2\n"
        "  addi a3, a0, 3\n"
        "  addi a4, a0, 4\n"
        "  addi a5, a0, 5\n"
        "  addi a6, a0, 6\n"
        "  addi a7, a0, 7\n"
        "  ret\n"
        /* a0 += a1, nothing else */
        ".globl leaf_akeep\n.type leaf_akeep, @function\n"
        "leaf_akeep: add a0, a0, a1\n"
        "  ret\n"
        /* a0 = gp - tp */
        ".globl leaf_gptp\n.type leaf_gptp, @function\n"
        "leaf_gptp: sub a0, gp, tp\n"
        "  ret\n"
        /* getpid in the middle: a0 = x + 5, t4 = 44 */
        ".globl leaf_sys\n.type leaf_sys, @function\n"
        "leaf_sys: mv t0, a0\n"
        "  li a7, 172\n"
        "  ecall\n"
        "  addi a0, t0, 5\n"
        "  li t4, 44\n"
        "  ret\n"
        /* returns 4 bytes past its return address: a0 = x + 1 */
        ".globl leaf_skip\n.type leaf_skip, @function\n"
        "leaf_skip: addi a0, a0, 1\n"
        "  jalr x0, 4(ra)\n"
        /* the same through t0: a0 = x + 2 */
        ".globl leaf_tjump\n.type leaf_tjump, @function\n"
        "leaf_tjump: addi t0, ra, 4\n"
        "  addi a0, a0, 2\n"
        "  jr t0\n"
        /* called with t0 as the link register: a0 = x * 3 */
        ".globl leaf_t0link\n.type leaf_t0link, @function\n"
        "leaf_t0link: slli a1, a0, 1\n"
        "  add a0, a0, a1\n"
        "  jr t0\n"
        /* strlen(x) by a tail call, a0 untouched here: no leaf entry (D64, D65) */
        ".globl leaf_tailstrlen\n.type leaf_tailstrlen, @function\n"
        "leaf_tailstrlen: j strlen\n"
        /* loads from the address x */
        ".globl leaf_load\n.type leaf_load, @function\n"
        "leaf_load: ld a0, 0(a0)\n"
        "  ret\n"
        ".option pop\n");

/* callers: fn in a2 (or a1), called through s1 so that it survives; each saves ra and s1 */
#define CALLER_IN "  addi sp, sp, -16\n  sd ra, 8(sp)\n  sd s1, 0(sp)\n"
#define CALLER_OUT "  ld s1, 0(sp)\n  ld ra, 8(sp)\n  addi sp, sp, 16\n  ret\n"
uint64_t call_tout(uint64_t x, uint64_t y, Fn *fn);
uint64_t call_tin(uint64_t x, uint64_t y, Fn *fn);
uint64_t call_aall(uint64_t x, Fn *fn);
uint64_t call_akeep(uint64_t x, Fn *fn);
uint64_t call_gptp(Fn *fn);
uint64_t call_sys(uint64_t x, Fn *fn);
uint64_t call_skip(uint64_t x, Fn *fn);
uint64_t call_t0link(uint64_t x, Fn *fn);
__asm__(".text\n"
        ".option push\n"
        ".option norvc\n"
        ".globl call_tout\n.type call_tout, @function\n"
        "call_tout:\n" CALLER_IN
        "  mv s1, a2\n"
        "  jalr s1\n"
        "  add a0, a0, t0\n"
        "  add a0, a0, t3\n"
        "  add a0, a0, t6\n" CALLER_OUT
        ".globl call_tin\n.type call_tin, @function\n"
        "call_tin:\n" CALLER_IN
        "  mv s1, a2\n"
        "  mv t1, a0\n"
        "  mv t2, a1\n"
        "  li t5, 1000\n"
        "  jalr s1\n" CALLER_OUT
        ".globl call_aall\n.type call_aall, @function\n"
        "call_aall:\n" CALLER_IN
        "  mv s1, a1\n"
        "  jalr s1\n"
        "  add a0, a0, a1\n"
        "  add a0, a0, a2\n"
        "  add a0, a0, a3\n"
        "  add a0, a0, a4\n"
        "  add a0, a0, a5\n"
        "  add a0, a0, a6\n"
        "  add a0, a0, a7\n" CALLER_OUT
        ".globl call_akeep\n.type call_akeep, @function\n"
        "call_akeep:\n" CALLER_IN
        "  mv s1, a1\n"
        "  li a1, 11\n"
        "  li a2, 12\n"
        "  li a3, 13\n"
        "  li a4, 14\n"
        "  li a5, 15\n"
        "  li a6, 16\n"
        "  li a7, 17\n"
        "  li t0, 20\n"
        "  jalr s1\n"
        "  add a0, a0, a2\n"
        "  add a0, a0, a3\n"
        "  add a0, a0, a4\n"
        "  add a0, a0, a5\n"
        "  add a0, a0, a6\n"
        "  add a0, a0, a7\n"
        "  add a0, a0, t0\n" CALLER_OUT
        /* 1 when the callee saw the same gp - tp as the caller */
        ".globl call_gptp\n.type call_gptp, @function\n"
        "call_gptp:\n" CALLER_IN
        "  mv s1, a0\n"
        "  jalr s1\n"
        "  sub t1, gp, tp\n"
        "  sub a0, a0, t1\n"
        "  seqz a0, a0\n" CALLER_OUT
        /* s2-s11 hold 2..11 across the call: a0 = x + 5 + 44 + 65 */
        ".globl call_sys\n.type call_sys, @function\n"
        "call_sys: addi sp, sp, -96\n"
        "  sd ra, 88(sp)\n  sd s1, 80(sp)\n  sd s2, 72(sp)\n  sd s3, 64(sp)\n"
        "  sd s4, 56(sp)\n  sd s5, 48(sp)\n  sd s6, 40(sp)\n  sd s7, 32(sp)\n"
        "  sd s8, 24(sp)\n  sd s9, 16(sp)\n  sd s10, 8(sp)\n  sd s11, 0(sp)\n"
        "  mv s1, a1\n"
        "  li s2, 2\n  li s3, 3\n  li s4, 4\n  li s5, 5\n  li s6, 6\n"
        "  li s7, 7\n  li s8, 8\n  li s9, 9\n  li s10, 10\n  li s11, 11\n"
        "  jalr s1\n"
        "  add a0, a0, t4\n"
        "  add a0, a0, s2\n  add a0, a0, s3\n  add a0, a0, s4\n  add a0, a0, s5\n"
        "  add a0, a0, s6\n  add a0, a0, s7\n  add a0, a0, s8\n  add a0, a0, s9\n"
        "  add a0, a0, s10\n  add a0, a0, s11\n"
        "  ld ra, 88(sp)\n  ld s1, 80(sp)\n  ld s2, 72(sp)\n  ld s3, 64(sp)\n"
        "  ld s4, 56(sp)\n  ld s5, 48(sp)\n  ld s6, 40(sp)\n  ld s7, 32(sp)\n"
        "  ld s8, 24(sp)\n  ld s9, 16(sp)\n  ld s10, 8(sp)\n  ld s11, 0(sp)\n"
        "  addi sp, sp, 96\n"
        "  ret\n"
        /* a callee that returns 4 bytes late skips the addi 100 */
        ".globl call_skip\n.type call_skip, @function\n"
        "call_skip:\n" CALLER_IN
        "  mv s1, a1\n"
        "  jalr s1\n"
        "  addi a0, a0, 100\n"
        "  addi a0, a0, 1000\n" CALLER_OUT
        ".globl call_t0link\n.type call_t0link, @function\n"
        "call_t0link:\n" CALLER_IN
        "  mv s1, a1\n"
        "  jalr t0, s1\n"
        "  addi a0, a0, 1\n" CALLER_OUT
        ".option pop\n");

uint64_t leaf_tout(uint64_t, uint64_t), leaf_tin(uint64_t, uint64_t);
uint64_t leaf_aall(uint64_t, uint64_t), leaf_akeep(uint64_t, uint64_t);
uint64_t leaf_gptp(uint64_t, uint64_t), leaf_sys(uint64_t, uint64_t);
uint64_t leaf_skip(uint64_t, uint64_t), leaf_tjump(uint64_t, uint64_t);
uint64_t leaf_t0link(uint64_t, uint64_t), leaf_load(uint64_t, uint64_t);
uint64_t leaf_tailstrlen(uint64_t, uint64_t);

/* Through a volatile pointer, so that the compiler calls fn indirectly. */
static Fn *volatile hide;
static Fn *hidden(Fn *fn)
{
    hide = fn;
    return hide;
}

static volatile sig_atomic_t ticks;
static void on_alarm(int sig)
{
    (void)sig;
    ticks++;
}

static __attribute__((noinline)) uint64_t op_add(uint64_t a, uint64_t i) { return a + i; }
static __attribute__((noinline)) uint64_t op_mul(uint64_t a, uint64_t i)
{
    return a * 0x100000001b3ULL + i;
}
static __attribute__((noinline)) uint64_t op_rot(uint64_t a, uint64_t i)
{
    return (a << 13 | a >> 51) ^ i;
}
static __attribute__((noinline)) uint64_t op_sub(uint64_t a, uint64_t i) { return a - 3 * i; }
static Fn *const ops[4] = { op_add, op_mul, op_rot, op_sub };

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    (void)argv;
    uint64_t x = 1000 + (uint64_t)argc, y = 77;
    printf("tout %llu\n", (unsigned long long)call_tout(x, y, hidden(leaf_tout)));
    printf("tin %llu\n", (unsigned long long)call_tin(x, y, hidden(leaf_tin)));
    printf("aall %llu\n", (unsigned long long)call_aall(x, hidden(leaf_aall)));
    printf("akeep %llu\n", (unsigned long long)call_akeep(x, hidden(leaf_akeep)));
    printf("gptp %llu\n", (unsigned long long)call_gptp(hidden(leaf_gptp)));
    printf("sys %llu\n", (unsigned long long)call_sys(x, hidden(leaf_sys)));
    printf("skip %llu\n", (unsigned long long)call_skip(x, hidden(leaf_skip)));
    printf("tjump %llu\n", (unsigned long long)call_skip(x, hidden(leaf_tjump)));
    printf("t0link %llu\n", (unsigned long long)call_t0link(x, hidden(leaf_t0link)));
    printf("tailstrlen %llu\n",
           (unsigned long long)hidden(leaf_tailstrlen)((uint64_t)(uintptr_t)"seven..", 0));
    uint64_t cell = 0x1234;
    printf("load %llx\n", (unsigned long long)hidden(leaf_load)((uint64_t)(uintptr_t)&cell, 0));

    /* a 1 ms timer while the loop calls through the table: the sum must not change */
    signal(SIGALRM, on_alarm);
    struct itimerval it = { { 0, 1000 }, { 0, 1000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    uint64_t acc = x;
    for (uint64_t i = 0; i < 4000000; i++)
        acc = ops[(i ^ (i >> 3)) & 3](acc, i);
    struct itimerval off = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &off, NULL);
    printf("loop %llx, ticks %s\n", (unsigned long long)acc, ticks > 0 ? "seen" : "none");

    enum { N = 5000 };
    static long v[N];
    for (int i = 0; i < N; i++)
        v[i] = (long)((uint64_t)i * 2654435761u % 100003) - 50000;
    qsort(v, N, sizeof *v, cmp_long);
    long bad = 0, sum = 0;
    for (int i = 1; i < N; i++) {
        bad += v[i - 1] > v[i];
        sum += v[i] * (i % 7);
    }
    printf("qsort: %ld out of order, sum %ld, first %ld, last %ld\n", bad, sum, v[0], v[N - 1]);

    /* last: a callee that faults on a wild address ends the process with SIGSEGV */
    fflush(stdout);
    printf("wild %llx\n", (unsigned long long)hidden(leaf_load)(0x10, 0));
    return 0;
}

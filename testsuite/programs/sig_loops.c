/* Signals reaching guest loops (translated code polls exit_req only in loops that could
 * otherwise wait forever, D30): a timer's handler ends loops that spin on memory it writes
 * (a flag, a counter read through a pointer, a list walked in a ring, a flag in a loop whose
 * only other work is an indirect call, to the host C library's strlen or to a small leaf
 * function: those loops have no poll of their own, the callee's start polls, D67) and is
 * delivered after a long counted loop that has no poll, before the program looks. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile sig_atomic_t flag;
static volatile int hits;
static int ring_stop;            /* written by the handler; read through a pointer */

static void on_alarm(int sig)
{
    (void)sig;
    flag = 1;
    ring_stop = 1;
    hits++;
}

static void arm(long usec)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = usec;
    if (setitimer(ITIMER_REAL, &it, NULL) != 0)
        perror("setitimer");
}

/* A loop whose only exit is a load: needs its poll. */
static __attribute__((noinline)) unsigned long spin_flag(void)
{
    unsigned long n = 0;
    while (!flag)
        n++;
    return n;
}

struct node { struct node *next; int *stop; };

/* A walk round a cyclic list that ends when *stop turns non-zero. */
static __attribute__((noinline)) unsigned long spin_ring(struct node *p)
{
    unsigned long n = 0;
    while (!*(volatile int *)p->stop) {
        p = p->next;
        n++;
    }
    return n;
}

static __attribute__((noinline)) size_t first_byte(const char *s)
{
    return (unsigned char)s[0];
}
static size_t (*volatile len_of)(const char *) = strlen;
static size_t (*volatile byte_of)(const char *) = first_byte;

/* A flag loop around an indirect call of fn. */
static __attribute__((noinline)) unsigned long spin_icall(size_t (*volatile *fn)(const char *))
{
    unsigned long n = 0;
    while (!flag)
        n += (*fn)("abc") != 0;
    return n;
}

/* A counted loop: ends by its own arithmetic (no poll needed). */
static __attribute__((noinline)) uint64_t counted(uint64_t n)
{
    uint64_t s = 0;
    for (uint64_t i = 0; i < n; i++)
        s += i ^ (s >> 3);
    return s;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGALRM, &sa, NULL) != 0) {
        perror("sigaction");
        return 1;
    }

    arm(20000);
    unsigned long n = spin_flag();
    printf("flag loop ended: %s\n", n > 0 && flag ? "yes" : "no");

    for (int k = 0; k < 2; k++) {
        flag = 0;
        arm(20000);
        n = spin_icall(k ? &byte_of : &len_of);
        printf("indirect call loop %d ended: %s\n", k, n > 0 && flag ? "yes" : "no");
    }

    struct node ring[3];
    for (int i = 0; i < 3; i++) {
        ring[i].next = &ring[(i + 1) % 3];
        ring[i].stop = &ring_stop;
    }
    ring_stop = 0;
    arm(20000);
    n = spin_ring(&ring[0]);
    printf("ring walk ended: %s\n", n > 0 && ring_stop ? "yes" : "no");

    /* The timer fires during the counted loop; the handler has run by the time it ends
     * and the program looks (here after a call, which polls). */
    int before = hits;
    arm(1000);
    uint64_t s = counted(50000000ull);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    printf("counted loop: %s, handler ran after it: %s\n", s ? "done" : "zero",
           hits == before + 1 ? "yes" : "no");
    return 0;
}

/* Guest test of sockets, epoll and timerfd (runtime/syscall_net.c): a
 * socketpair with sendmsg/recvmsg and fd passing (SCM_RIGHTS), a TCP
 * connection on 127.0.0.1 (port chosen by the kernel, never printed), epoll
 * readiness (struct epoll_event differs between riscv64 and x86-64) and a
 * timerfd.  Deterministic output. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <unistd.h>

#include "check.h"

static void test_socketpair(void)
{
    int sv[2], pfd[2];
    char buf[64];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    CHECK(pipe(pfd) == 0);
    CHECK(write(pfd[1], "via passed fd", 13) == 13);

    /* two iovecs and an SCM_RIGHTS control message */
    struct iovec iov[2] = {{"hello ", 6}, {"msg", 3}};
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr m = {0};
    m.msg_iov = iov;
    m.msg_iovlen = 2;
    m.msg_control = ctl.buf;
    m.msg_controllen = sizeof ctl.buf;
    struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &pfd[0], sizeof(int));
    CHECK(sendmsg(sv[0], &m, 0) == 9);

    char a[4] = {0}, b[16] = {0};
    struct iovec riov[2] = {{a, 3}, {b, sizeof b - 1}};
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } rctl;
    memset(&rctl, 0, sizeof rctl);
    struct msghdr rm = {0};
    rm.msg_iov = riov;
    rm.msg_iovlen = 2;
    rm.msg_control = rctl.buf;
    rm.msg_controllen = sizeof rctl.buf;
    CHECK(recvmsg(sv[1], &rm, 0) == 9);
    printf("recvmsg: [%s] [%s] controllen ok %d flags %d\n", a, b,
           rm.msg_controllen == CMSG_LEN(sizeof(int)) || rm.msg_controllen == sizeof rctl.buf,
           rm.msg_flags);
    struct cmsghdr *rc = CMSG_FIRSTHDR(&rm);
    CHECK(rc != NULL && rc->cmsg_type == SCM_RIGHTS);
    if (rc) {
        int got;
        memcpy(&got, CMSG_DATA(rc), sizeof got);
        memset(buf, 0, sizeof buf);
        CHECK(read(got, buf, sizeof buf - 1) == 13);
        printf("read through passed fd: %s\n", buf);
        close(got);
    }
    CHECK(send(sv[1], "back", 4, 0) == 4);
    memset(buf, 0, sizeof buf);
    CHECK(recv(sv[0], buf, sizeof buf, 0) == 4);
    printf("recv: %s\n", buf);
    CHECK(shutdown(sv[1], SHUT_WR) == 0);
    printf("recv after shutdown: %zd\n", recv(sv[0], buf, sizeof buf, 0));
    close(sv[0]);
    close(sv[1]);
    close(pfd[0]);
    close(pfd[1]);
}

static void test_tcp_epoll(void)
{
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(ls >= 0);
    int one = 1;
    CHECK(setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
    int val = 0;
    socklen_t vl = sizeof val;
    CHECK(getsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &val, &vl) == 0);
    printf("SO_REUSEADDR: %d len %u\n", val != 0, (unsigned)vl);
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    CHECK(bind(ls, (struct sockaddr *)&sa, sizeof sa) == 0);
    CHECK(listen(ls, 4) == 0);
    socklen_t sl = sizeof sa;
    CHECK(getsockname(ls, (struct sockaddr *)&sa, &sl) == 0);
    printf("bound: family %d port nonzero %d len %u\n", sa.sin_family, sa.sin_port != 0,
           (unsigned)sl);

    int cs = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(cs >= 0);
    CHECK(connect(cs, (struct sockaddr *)&sa, sizeof sa) == 0);
    struct sockaddr_in peer;
    socklen_t pl = sizeof peer;
    int as = accept4(ls, (struct sockaddr *)&peer, &pl, SOCK_CLOEXEC);
    CHECK(as >= 0);
    printf("accepted from 127.0.0.1: %d\n", peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));

    int ep = epoll_create1(EPOLL_CLOEXEC);
    CHECK(ep >= 0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull};
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, as, &ev) == 0);
    struct epoll_event out[4];
    printf("epoll before data: %d\n", epoll_wait(ep, out, 4, 0));
    CHECK(sendto(cs, "tcp data", 8, 0, NULL, 0) == 8);
    memset(out, 0, sizeof out);
    int n = epoll_wait(ep, out, 4, 1000);
    printf("epoll after data: %d events %#x data %#llx\n", n, n > 0 ? out[0].events : 0,
           n > 0 ? (unsigned long long)out[0].data.u64 : 0ull);
    char buf[32] = {0};
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    CHECK(recvfrom(as, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl) == 8);
    printf("recvfrom: %s\n", buf);
    CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, as, NULL) == 0);
    close(ep);
    close(as);
    close(cs);
    close(ls);
}

static void test_timerfd(void)
{
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    CHECK(tfd >= 0);
    struct itimerspec its = {{0, 0}, {0, 2000000}}, cur;
    CHECK(timerfd_settime(tfd, 0, &its, NULL) == 0);
    CHECK(timerfd_gettime(tfd, &cur) == 0);
    printf("timerfd armed: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0);
    uint64_t exp = 0;
    CHECK(read(tfd, &exp, sizeof exp) == 8);
    printf("timerfd expirations >= 1: %d\n", exp >= 1);
    close(tfd);
}

int main(void)
{
    test_socketpair();
    test_tcp_epoll();
    test_timerfd();
    errno = 0;
    printf("socket bad family: %d errno %d\n", socket(12345, SOCK_STREAM, 0), errno);
    printf("sys_net: %s\n", failures ? "FAILED" : "ok");
    return failures != 0;
}

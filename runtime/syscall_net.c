/*
 * Sockets, epoll and timerfd system calls of the riscv64 Linux guest.
 *
 * Layout notes: socket addresses (struct sockaddr_*), socklen_t, struct
 * linger / timeval socket options, struct cmsghdr {size_t, int, int} and
 * struct itimerspec are the same bytes on riscv64 and x86-64 (LP64, generic
 * definitions; SOL_SOCKET / SO_* come from asm-generic/socket.h on both), so
 * they pass straight through.  Two structs must be translated:
 *  - struct msghdr holds guest pointers (name, iov, control);
 *  - struct epoll_event is packed on x86-64 (12 bytes) but naturally aligned
 *    on riscv64 (16 bytes: u32 events, 4 bytes padding, u64 data)
 *    (include/uapi/linux/eventpoll.h, EPOLL_PACKED is x86-64 only).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <unistd.h>

#include "runtime/syscall_priv.h"

_Static_assert(sizeof(struct msghdr) == 56, "msghdr on LP64");
_Static_assert(sizeof(struct cmsghdr) == 16, "cmsghdr on LP64");
_Static_assert(sizeof(struct epoll_event) == 12, "x86-64 epoll_event is packed");
_Static_assert(sizeof(struct itimerspec) == 32, "itimerspec");

/* struct epoll_event as the riscv64 guest sees it. */
typedef struct GuestEpollEvent {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
} GuestEpollEvent;
_Static_assert(sizeof(GuestEpollEvent) == 16, "riscv64 epoll_event");

/* struct msghdr as the riscv64 guest sees it (guest pointers). */
typedef struct GuestMsghdr {
    uint64_t name;
    uint32_t namelen, pad0;
    uint64_t iov;
    uint64_t iovlen;
    uint64_t control;
    uint64_t controllen;
    int32_t flags, pad1;
} GuestMsghdr;
_Static_assert(sizeof(GuestMsghdr) == 56, "riscv64 msghdr");

#define NET_MAX_EVENTS 4096

/*
 * An address buffer with an in/out length (accept, getsockname, recvfrom,
 * getsockopt): reads the guest length at glen, checks [gaddr, gaddr+len).
 * Sets *out_addr / *out_len (NULL when the guest passed NULL).  0 or -EFAULT.
 */
static int net_addr_len(Process *p, uint64_t gaddr, uint64_t glen, void **out_addr,
                        void **out_len)
{
    uint32_t len;
    *out_addr = NULL;
    *out_len = NULL;
    if (glen == 0)
        return gaddr == 0 ? 0 : -EFAULT;
    if (guest_read(p->mem, &len, glen, sizeof len) < 0)
        return -EFAULT;
    if (!(*out_len = sys_gbuf(p, glen, sizeof len)))
        return -EFAULT;
    if (gaddr == 0)
        return 0;
    return (*out_addr = sys_gbuf(p, gaddr, len)) ? 0 : -EFAULT;
}

int64_t sys_socket(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(socket((int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_socketpair(Process *p, RvCpu *c, const uint64_t *a)
{
    void *sv = sys_gbuf(p, a[3], 2 * sizeof(int));
    SYS_UNUSED_ARGS;
    if (!sv)
        return -EFAULT;
    return sys_result(syscall(SYS_socketpair, (int)a[0], (int)a[1], (int)a[2], sv));
}

/* bind and connect: host syscall nr on (fd, guest sockaddr a[1], length a[2]). */
static int64_t net_sockaddr_in(Process *p, const uint64_t *a, long nr)
{
    void *sa = sys_gbuf(p, a[1], (uint32_t)a[2]);
    if (!sa)
        return -EFAULT;
    return sys_result(syscall(nr, (int)a[0], sa, (socklen_t)a[2]));
}

int64_t sys_bind(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return net_sockaddr_in(p, a, SYS_bind);
}

int64_t sys_connect(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    void *sa = sys_gbuf(p, a[1], (uint32_t)a[2]);
    if (!sa)
        return -EFAULT;
    return sys_blocking(p, SYS_connect, (int)a[0], (long)sa, (socklen_t)a[2], 0, 0, 0);
}

int64_t sys_listen(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(listen((int)a[0], (int)a[1]));
}

int64_t sys_accept4(Process *p, RvCpu *c, const uint64_t *a)
{
    void *sa, *len;
    int r;
    SYS_UNUSED_ARGS;
    if ((r = net_addr_len(p, a[1], a[2], &sa, &len)) < 0)
        return r;
    return sys_blocking(p, SYS_accept4, (int)a[0], (long)sa, (long)len, (int)a[3], 0, 0);
}

int64_t sys_accept(Process *p, RvCpu *c, const uint64_t *a)
{
    uint64_t b[4] = {a[0], a[1], a[2], 0};
    SYS_UNUSED_ARGS;
    return sys_accept4(p, c, b);
}

static int64_t net_getname(Process *p, const uint64_t *a, long nr)
{
    void *sa, *len;
    int r;
    if ((r = net_addr_len(p, a[1], a[2], &sa, &len)) < 0)
        return r;
    if (!sa || !len)
        return -EFAULT;
    return sys_result(syscall(nr, (int)a[0], sa, len));
}

int64_t sys_getsockname(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return net_getname(p, a, SYS_getsockname);
}

int64_t sys_getpeername(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return net_getname(p, a, SYS_getpeername);
}

int64_t sys_sendto(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], a[2]), *sa;
    SYS_UNUSED_ARGS;
    if (!buf || sys_gbuf_opt(p, a[4], (uint32_t)a[5], &sa) < 0)
        return -EFAULT;
    return sys_blocking(p, SYS_sendto, (int)a[0], (long)buf, (long)a[2], (int)a[3], (long)sa,
                        (socklen_t)a[5]);
}

int64_t sys_recvfrom(Process *p, RvCpu *c, const uint64_t *a)
{
    void *buf = sys_gbuf(p, a[1], a[2]), *sa, *len;
    int r;
    SYS_UNUSED_ARGS;
    if (!buf)
        return -EFAULT;
    if ((r = net_addr_len(p, a[4], a[5], &sa, &len)) < 0)
        return r;
    int64_t n = sys_blocking(p, SYS_recvfrom, (int)a[0], (long)buf, (long)a[2], (int)a[3],
                             (long)sa, (long)len);
    if (n > 0)
        sys_note_guest_write(p, a[1], (uint64_t)n);
    return n;
}

int64_t sys_setsockopt(Process *p, RvCpu *c, const uint64_t *a)
{
    void *val;
    SYS_UNUSED_ARGS;
    if (sys_gbuf_opt(p, a[3], (uint32_t)a[4], &val) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_setsockopt, (int)a[0], (int)a[1], (int)a[2], val,
                              (socklen_t)a[4]));
}

int64_t sys_getsockopt(Process *p, RvCpu *c, const uint64_t *a)
{
    void *val, *len;
    int r;
    SYS_UNUSED_ARGS;
    if ((r = net_addr_len(p, a[3], a[4], &val, &len)) < 0)
        return r;
    return sys_result(syscall(SYS_getsockopt, (int)a[0], (int)a[1], (int)a[2], val, len));
}

int64_t sys_shutdown(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(shutdown((int)a[0], (int)a[1]));
}

/*
 * Builds a host msghdr from the guest's at gmsg: name and control become
 * g2h pointers, the iovecs are translated into iov (IOV_MAX entries).
 * 0, -EFAULT or -EMSGSIZE (too many iovecs, as Linux).
 */
static int net_msg_from_guest(Process *p, uint64_t gmsg, GuestMsghdr *g, struct msghdr *h,
                              struct iovec *iov)
{
    uint64_t raw[2];
    if (guest_read(p->mem, g, gmsg, sizeof *g) < 0)
        return -EFAULT;
    memset(h, 0, sizeof *h);
    if (g->iovlen > IOV_MAX)
        return -EMSGSIZE;
    for (uint64_t i = 0; i < g->iovlen; i++) {
        if (guest_read(p->mem, raw, g->iov + 16 * i, sizeof raw) < 0 ||
            !guestmem_in_space(p->mem, raw[0], raw[1]))
            return -EFAULT;
        iov[i].iov_base = g2h(p->mem, raw[0]);
        iov[i].iov_len = raw[1];
    }
    if (sys_gbuf_opt(p, g->name, g->namelen, &h->msg_name) < 0 ||
        sys_gbuf_opt(p, g->control, g->controllen, &h->msg_control) < 0)
        return -EFAULT;
    h->msg_namelen = h->msg_name ? g->namelen : 0;
    h->msg_iov = iov;
    h->msg_iovlen = g->iovlen;
    h->msg_controllen = h->msg_control ? g->controllen : 0;
    h->msg_flags = g->flags;
    return 0;
}

int64_t sys_sendmsg(Process *p, RvCpu *c, const uint64_t *a)
{
    GuestMsghdr g;
    struct msghdr h;
    struct iovec iov[IOV_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = net_msg_from_guest(p, a[1], &g, &h, iov)) < 0)
        return r;
    return sys_blocking(p, SYS_sendmsg, (int)a[0], (long)&h, (int)a[2], 0, 0, 0);
}

int64_t sys_recvmsg(Process *p, RvCpu *c, const uint64_t *a)
{
    GuestMsghdr g;
    struct msghdr h;
    struct iovec iov[IOV_MAX];
    int r;
    SYS_UNUSED_ARGS;
    if ((r = net_msg_from_guest(p, a[1], &g, &h, iov)) < 0)
        return r;
    int64_t n = sys_blocking(p, SYS_recvmsg, (int)a[0], (long)&h, (int)a[2], 0, 0, 0);
    if (n < 0)
        return n;
    /* the kernel updates msg_namelen, msg_controllen and msg_flags */
    g.namelen = h.msg_name ? h.msg_namelen : g.namelen;
    g.controllen = h.msg_control ? h.msg_controllen : g.controllen;
    g.flags = h.msg_flags;
    if (guest_write(p->mem, a[1], &g, sizeof g) < 0)
        return -EFAULT;
    return n;
}

/* ---- epoll ---------------------------------------------------------------- */

int64_t sys_epoll_create1(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(epoll_create1((int)a[0]));
}

int64_t sys_epoll_ctl(Process *p, RvCpu *c, const uint64_t *a)
{
    GuestEpollEvent ge;
    struct epoll_event he, *hp = NULL;
    SYS_UNUSED_ARGS;
    if ((int)a[1] != EPOLL_CTL_DEL || a[3] != 0) {
        if (guest_read(p->mem, &ge, a[3], sizeof ge) < 0)
            return -EFAULT;
        he.events = ge.events;
        he.data.u64 = ge.data;
        hp = &he;
    }
    return sys_result(epoll_ctl((int)a[0], (int)a[1], (int)a[2], hp));
}

/*
 * epoll_pwait: like ppoll, the signal mask argument is not applied to the
 * host mask yet (guest masks live in p->sig); U5 revisits it.
 */
int64_t sys_epoll_pwait(Process *p, RvCpu *c, const uint64_t *a)
{
    int maxev = (int)a[2];
    struct epoll_event *hev;
    SYS_UNUSED_ARGS;
    if (maxev <= 0 || maxev > NET_MAX_EVENTS * 64)
        return -EINVAL;
    if (maxev > NET_MAX_EVENTS)
        maxev = NET_MAX_EVENTS;
    if (!guestmem_check(p->mem, a[1], (uint64_t)maxev * sizeof(GuestEpollEvent), PROT_WRITE))
        return -EFAULT;
    hev = malloc((size_t)maxev * sizeof *hev);
    if (!hev)
        return -ENOMEM;
    int n = epoll_wait((int)a[0], hev, maxev, (int)a[3]);
    int64_t r = n < 0 ? -errno : n;
    for (int i = 0; i < n; i++) {
        GuestEpollEvent ge = {hev[i].events, 0, hev[i].data.u64};
        if (guest_write(p->mem, a[1] + (uint64_t)i * sizeof ge, &ge, sizeof ge) < 0) {
            r = -EFAULT;
            break;
        }
    }
    free(hev);
    return r;
}

/* ---- timerfd (struct itimerspec: 2 timespecs on both) ------------------------ */

int64_t sys_timerfd_create(Process *p, RvCpu *c, const uint64_t *a)
{
    SYS_UNUSED_ARGS;
    return sys_result(timerfd_create((int)a[0], (int)a[1]));
}

int64_t sys_timerfd_settime(Process *p, RvCpu *c, const uint64_t *a)
{
    void *nv = sys_gbuf(p, a[2], sizeof(struct itimerspec)), *ov;
    SYS_UNUSED_ARGS;
    if (!nv || sys_gbuf_opt(p, a[3], sizeof(struct itimerspec), &ov) < 0)
        return -EFAULT;
    return sys_result(syscall(SYS_timerfd_settime, (int)a[0], (int)a[1], nv, ov));
}

int64_t sys_timerfd_gettime(Process *p, RvCpu *c, const uint64_t *a)
{
    void *cv = sys_gbuf(p, a[1], sizeof(struct itimerspec));
    SYS_UNUSED_ARGS;
    if (!cv)
        return -EFAULT;
    return sys_result(syscall(SYS_timerfd_gettime, (int)a[0], cv));
}

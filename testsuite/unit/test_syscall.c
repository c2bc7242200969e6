/*
 * Unit tests of the riscv64 syscall layer (runtime/syscall*.c): drives
 * syscall_dispatch with a real guest memory (guestmem_init + guestmem_map)
 * and checks results, the struct stat translation, getdents64, EFAULT on bad
 * guest pointers, ENOSYS, exit and the --strace text.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/guestmem.h"
#include "runtime/process.h"
#include "runtime/syscall.h"
#include "runtime/syscall_priv.h"

/* riscv64 (asm-generic) numbers used below */
enum {
    NR_getcwd = 17, NR_pipe2 = 59, NR_openat = 56, NR_close = 57, NR_getdents64 = 61,
    NR_lseek = 62, NR_read = 63, NR_write = 64, NR_readv = 65, NR_writev = 66,
    NR_readlinkat = 78, NR_newfstatat = 79, NR_fstat = 80, NR_exit_group = 94,
    NR_uname = 160, NR_getrlimit = 163, NR_clone = 220, NR_prlimit64 = 261,
    NR_statx = 291, NR_epoll_create1 = 20, NR_epoll_ctl = 21, NR_epoll_pwait = 22,
};

#define DATA 0x10000ull        /* guest scratch area, RW */
#define DATA_LEN 0x10000ull
#define STR (DATA)             /* path strings */
#define BUF (DATA + 0x1000)    /* data buffers */
#define BUF2 (DATA + 0x8000)
#define UNMAPPED 0x500000ull   /* inside the space, never mapped: PROT_NONE */

typedef struct Fixture {
    Process *p;
    char dir[64];
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (process_new(&f->p) != 0)
        return -1;
    if (guestmem_map(f->p->mem, DATA, DATA_LEN, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, "data") < 0)
        return -1;
    f->p->cpu.mem_base = (uint64_t)(uintptr_t)f->p->mem->base;
    f->p->cpu.mem_limit = f->p->mem->limit;
    snprintf(f->p->exe_realpath, sizeof f->p->exe_realpath, "/opt/guest/prog.elf");
    strcpy(f->dir, "/tmp/fvp_test_syscall_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    process_free(f->p);
    free(f);
    return 0;
}

/* Performs guest syscall nr with the arguments given; returns a0. */
static int64_t gcall(Process *p, uint64_t nr, int nargs, ...)
{
    va_list ap;
    RvCpu *c = &p->cpu;
    memset(c->x, 0, sizeof c->x);
    c->x[17] = nr;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        c->x[10 + i] = va_arg(ap, uint64_t);
    va_end(ap);
    syscall_dispatch(p, c);
    return (int64_t)c->x[10];
}
#define G0(p, nr) gcall(p, nr, 0)
#define G1(p, nr, a) gcall(p, nr, 1, (uint64_t)(a))
#define G2(p, nr, a, b) gcall(p, nr, 2, (uint64_t)(a), (uint64_t)(b))
#define G3(p, nr, a, b, c) gcall(p, nr, 3, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c))
#define G4(p, nr, a, b, c, d) \
    gcall(p, nr, 4, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), (uint64_t)(d))
#define G5(p, nr, a, b, c, d, e) \
    gcall(p, nr, 5, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), (uint64_t)(d), (uint64_t)(e))

static void put_str(Process *p, uint64_t addr, const char *s)
{
    assert_int_equal(guest_write(p->mem, addr, s, strlen(s) + 1), 0);
}

/* Absolute host path of name inside the fixture's temp dir, stored at STR. */
static void put_path(Fixture *f, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    put_str(f->p, STR, path);
}

static void test_unknown_and_enosys(void **state)
{
    Fixture *f = *state;
    static const uint64_t nrs[] = {999, 451, 1ull << 40, 435 /* clone3 */, 293 /* rseq */};
    for (size_t i = 0; i < sizeof nrs / sizeof nrs[0]; i++)
        assert_int_equal(G3(f->p, nrs[i], 1, 2, 3), -ENOSYS);
    /* clone sharing the address space without being a thread: not served */
    assert_int_equal(G3(f->p, NR_clone, 0x100 /* CLONE_VM */ | 17, 0, 0), -ENOSYS);
    /* a thread needs CLONE_SIGHAND and CLONE_VM (Linux copy_process) */
    assert_int_equal(G3(f->p, NR_clone, 0x100 /* CLONE_VM */ | 0x10000 /* CLONE_THREAD */, 0, 0),
                     -EINVAL);
    assert_int_equal(G3(f->p, NR_clone, 0x800 /* CLONE_SIGHAND */ | 0x10000, 0, 0), -EINVAL);
    /* a thread with its own file table or cwd: host threads cannot be one */
    assert_int_equal(G3(f->p, NR_clone, 0x100 | 0x800 | 0x10000, 0, 0), -ENOSYS);
    /* execve of an unreadable path: EFAULT, and the process goes on */
    assert_int_equal(G3(f->p, 221 /* execve */, 1, 0, 0), -EFAULT);
    /* wait4 without children */
    assert_int_equal(G3(f->p, 260 /* wait4 */, (uint64_t)-1, 0, 1 /* WNOHANG */), -ECHILD);
    assert_string_equal(syscall_name(56), "openat");
    assert_string_equal(syscall_name(222), "mmap");
    assert_string_equal(syscall_name(220), "clone");
    assert_null(syscall_name(999));
    assert_null(syscall_name(UINT64_MAX));
    assert_false(f->p->exited);
}

static void test_open_write_read_close(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    const char msg[] = "round trip through the guest\n";
    put_path(f, "rt.txt");
    int64_t fd = G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDWR | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(guest_write(p->mem, BUF, msg, sizeof msg - 1), 0);
    assert_int_equal(G3(p, NR_write, fd, BUF, sizeof msg - 1), (int64_t)sizeof msg - 1);
    assert_int_equal(G3(p, NR_lseek, fd, 0, SEEK_SET), 0);
    assert_int_equal(G3(p, NR_read, fd, BUF2, 4096), (int64_t)sizeof msg - 1);
    char back[64] = {0};
    assert_int_equal(guest_read(p->mem, back, BUF2, sizeof msg - 1), 0);
    assert_string_equal(back, msg);
    assert_int_equal(G1(p, NR_close, fd), 0);
    assert_int_equal(G1(p, NR_close, fd), -EBADF);

    /* the host sees the file */
    char host[256];
    snprintf(host, sizeof host, "%s/rt.txt", f->dir);
    struct stat st;
    assert_int_equal(stat(host, &st), 0);
    assert_int_equal(st.st_size, sizeof msg - 1);

    /* missing file: -ENOENT */
    put_path(f, "missing");
    assert_int_equal(G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDONLY, 0), -ENOENT);
}

static void test_readv_writev(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    put_path(f, "iov.txt");
    int64_t fd = G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDWR | O_CREAT, 0600);
    assert_true(fd >= 0);
    put_str(p, BUF, "abc");
    put_str(p, BUF + 16, "defgh");
    uint64_t iov[4] = {BUF, 3, BUF + 16, 5};   /* guest addresses */
    assert_int_equal(guest_write(p->mem, BUF2, iov, sizeof iov), 0);
    assert_int_equal(G3(p, NR_writev, fd, BUF2, 2), 8);
    assert_int_equal(G3(p, NR_lseek, fd, 0, SEEK_SET), 0);
    uint64_t riov[4] = {BUF + 0x100, 2, BUF + 0x200, 6};
    assert_int_equal(guest_write(p->mem, BUF2, riov, sizeof riov), 0);
    assert_int_equal(G3(p, NR_readv, fd, BUF2, 2), 8);
    char a[3] = {0}, b[7] = {0};
    assert_int_equal(guest_read(p->mem, a, BUF + 0x100, 2), 0);
    assert_int_equal(guest_read(p->mem, b, BUF + 0x200, 6), 0);
    assert_string_equal(a, "ab");
    assert_string_equal(b, "cdefgh");
    /* an iovec whose base is outside the space, or the array itself unmapped */
    uint64_t bad[2] = {1ull << 45, 4};
    assert_int_equal(guest_write(p->mem, BUF2, bad, sizeof bad), 0);
    assert_int_equal(G3(p, NR_writev, fd, BUF2, 1), -EFAULT);
    assert_int_equal(G3(p, NR_writev, fd, UNMAPPED, 1), -EFAULT);
    assert_int_equal(G3(p, NR_writev, fd, BUF2, 100000), -EINVAL);
    G1(p, NR_close, fd);
}

/* struct stat arrives in the asm-generic layout (128 bytes). */
static void test_stat_layout(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    char host[256];
    snprintf(host, sizeof host, "%s/st.bin", f->dir);
    FILE *hf = fopen(host, "w");
    assert_non_null(hf);
    for (int i = 0; i < 1234; i++)
        fputc('x', hf);
    fclose(hf);
    assert_int_equal(chmod(host, 0640), 0);
    struct timespec ts[2] = {{1000000000, 0}, {1234567890, 777}};
    assert_int_equal(utimensat(AT_FDCWD, host, ts, 0), 0);
    struct stat hs;
    assert_int_equal(stat(host, &hs), 0);

    /* newfstatat by path, then fstat by fd: both in the guest layout */
    uint8_t raw[sizeof(GuestStat) + 8];
    memset(raw, 0xAA, sizeof raw);
    assert_int_equal(guest_write(p->mem, BUF, raw, sizeof raw), 0);
    assert_int_equal(guest_write(p->mem, BUF2, raw, sizeof raw), 0);
    put_str(p, STR, host);
    assert_int_equal(G4(p, NR_newfstatat, (uint64_t)AT_FDCWD, STR, BUF, 0), 0);
    int64_t fd = G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDONLY, 0);
    assert_true(fd >= 0);
    assert_int_equal(G2(p, NR_fstat, fd, BUF2), 0);
    G1(p, NR_close, fd);

    uint64_t addrs[2] = {BUF, BUF2};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(guest_read(p->mem, raw, addrs[k], sizeof raw), 0);
        uint64_t u64;
        uint32_t u32;
        int64_t i64;
        int32_t i32;
        memcpy(&u64, raw + 0, 8);  assert_int_equal(u64, hs.st_dev);
        memcpy(&u64, raw + 8, 8);  assert_int_equal(u64, hs.st_ino);
        memcpy(&u32, raw + 16, 4); assert_int_equal(u32, S_IFREG | 0640);
        memcpy(&u32, raw + 20, 4); assert_int_equal(u32, 1);          /* nlink */
        memcpy(&u32, raw + 24, 4); assert_int_equal(u32, hs.st_uid);
        memcpy(&u32, raw + 28, 4); assert_int_equal(u32, hs.st_gid);
        memcpy(&i64, raw + 48, 8); assert_int_equal(i64, 1234);       /* size */
        memcpy(&i32, raw + 56, 4); assert_int_equal(i32, hs.st_blksize);
        memcpy(&i64, raw + 64, 8); assert_int_equal(i64, hs.st_blocks);
        memcpy(&i64, raw + 72, 8); assert_int_equal(i64, 1000000000); /* atime */
        memcpy(&i64, raw + 88, 8); assert_int_equal(i64, 1234567890); /* mtime */
        memcpy(&u64, raw + 96, 8); assert_int_equal(u64, 777);        /* mtime nsec */
        /* nothing written past the 128 bytes */
        for (size_t i = sizeof(GuestStat); i < sizeof raw; i++)
            assert_int_equal(raw[i], 0xAA);
    }

    /* statx passes straight through: stx_size at offset 40 */
    assert_int_equal(G5(p, NR_statx, (uint64_t)AT_FDCWD, STR, 0, 0x7ff, BUF), 0);
    uint64_t sz;
    assert_int_equal(guest_read(p->mem, &sz, BUF + 40, 8), 0);
    assert_int_equal(sz, 1234);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

static void test_getdents64(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    static const char *const names[] = {"zz", "a1", "m.txt"};
    char host[256];
    snprintf(host, sizeof host, "%s/dents", f->dir);
    assert_int_equal(mkdir(host, 0755), 0);
    for (size_t i = 0; i < 3; i++) {
        char fp[300];
        snprintf(fp, sizeof fp, "%s/%s", host, names[i]);
        FILE *hf = fopen(fp, "w");
        assert_non_null(hf);
        fclose(hf);
    }
    put_str(p, STR, host);
    int64_t fd = G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDONLY | O_DIRECTORY, 0);
    assert_true(fd >= 0);
    char got[8][32];
    int n = 0;
    for (;;) {
        int64_t len = G3(p, NR_getdents64, fd, BUF, 0x4000);
        assert_true(len >= 0);
        if (len == 0)
            break;
        uint8_t dbuf[0x4000];
        assert_int_equal(guest_read(p->mem, dbuf, BUF, (size_t)len), 0);
        for (int64_t off = 0; off < len;) {
            uint16_t reclen;
            memcpy(&reclen, dbuf + off + 16, 2);   /* linux_dirent64.d_reclen */
            const char *nm = (const char *)dbuf + off + 19;
            if (strcmp(nm, ".") && strcmp(nm, "..")) {
                assert_true(n < 8);
                snprintf(got[n++], sizeof got[0], "%.31s", nm);
            }
            off += reclen;
        }
    }
    G1(p, NR_close, fd);
    assert_int_equal(n, 3);
    qsort(got, (size_t)n, sizeof got[0], cmp_names);
    assert_string_equal(got[0], "a1");
    assert_string_equal(got[1], "m.txt");
    assert_string_equal(got[2], "zz");
}

/* Bad guest pointers give -EFAULT and never crash the host. */
static void test_efault(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    put_path(f, "ef.txt");
    int64_t fd = G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDWR | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_int_equal(G3(p, NR_write, fd, BUF, 16), 16);
    assert_int_equal(G3(p, NR_lseek, fd, 0, SEEK_SET), 0);
    static const uint64_t bad[] = {UNMAPPED, 0, 1ull << 38, (1ull << 38) - 8, 1ull << 50,
                                   UINT64_MAX - 4};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(G3(p, NR_read, fd, bad[i], 16), -EFAULT);
        assert_int_equal(G3(p, NR_write, fd, bad[i], 16), -EFAULT);
        assert_int_equal(G4(p, NR_openat, (uint64_t)AT_FDCWD, bad[i], O_RDONLY, 0), -EFAULT);
        assert_int_equal(G2(p, NR_fstat, fd, bad[i]), -EFAULT);
        assert_int_equal(G1(p, NR_uname, bad[i]), -EFAULT);
        assert_int_equal(G2(p, NR_getcwd, bad[i], 64), -EFAULT);
        assert_int_equal(G2(p, NR_pipe2, bad[i], 0), -EFAULT);
    }
    /* a buffer running off the end of the mapping: a short read, as on
     * Linux (the copy stops at the first unmapped byte) */
    assert_int_equal(G3(p, NR_read, fd, DATA + DATA_LEN - 8, 16), 8);
    assert_int_equal(G3(p, NR_read, fd, DATA + DATA_LEN, 16), -EFAULT);
    G1(p, NR_close, fd);
}

static void test_uname_and_limits(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    struct utsname u;
    assert_int_equal(G1(p, NR_uname, BUF), 0);
    assert_int_equal(guest_read(p->mem, &u, BUF, sizeof u), 0);
    assert_string_equal(u.machine, "riscv64");
    assert_string_equal(u.sysname, "Linux");

    /* RLIMIT_STACK: accepted, but fvp-run's own limit does not change */
    struct rlimit before, lim = {4096, 4096}, after;
    assert_int_equal(getrlimit(RLIMIT_STACK, &before), 0);
    assert_int_equal(guest_write(p->mem, BUF, &lim, sizeof lim), 0);
    assert_int_equal(G4(p, NR_prlimit64, 0, RLIMIT_STACK, BUF, 0), 0);
    assert_int_equal(getrlimit(RLIMIT_STACK, &after), 0);
    assert_int_equal(after.rlim_cur, before.rlim_cur);
    assert_int_equal(G2(p, NR_getrlimit, RLIMIT_NOFILE, BUF), 0);
    assert_int_equal(guest_read(p->mem, &lim, BUF, sizeof lim), 0);
    assert_true(lim.rlim_cur <= lim.rlim_max);
}

static void test_proc_self(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    put_str(p, STR, "/proc/self/exe");
    int64_t n = G4(p, NR_readlinkat, (uint64_t)AT_FDCWD, STR, BUF, 256);
    assert_int_equal(n, strlen("/opt/guest/prog.elf"));
    char got[64] = {0};
    assert_int_equal(guest_read(p->mem, got, BUF, (size_t)n), 0);
    assert_string_equal(got, "/opt/guest/prog.elf");
    /* truncated, like Linux */
    assert_int_equal(G4(p, NR_readlinkat, (uint64_t)AT_FDCWD, STR, BUF2, 4), 4);

    /* /proc/self/maps is a readable fd with our mapping in it */
    put_str(p, STR, "/proc/self/maps");
    int64_t fd = G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDONLY, 0);
    assert_true(fd >= 0);
    int64_t len = G3(p, NR_read, fd, BUF, 4096);
    assert_true(len > 0);
    char text[4097] = {0};
    assert_int_equal(guest_read(p->mem, text, BUF, (size_t)len), 0);
    assert_non_null(strstr(text, "00010000-00020000 rw-p"));
    G1(p, NR_close, fd);
    assert_int_equal(G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDWR, 0), -EACCES);
}

/* The host kernel writing guest code (read into a RWX page) must make the
 * interpreter drop its predecoded blocks; data pages must not. */
static void test_code_gen_on_read(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    const uint64_t code = 0x40000;
    assert_int_equal(guestmem_map(p->mem, code, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC,
                                  MAP_PRIVATE | MAP_ANONYMOUS, "jit"), 0);
    assert_int_equal(G2(p, NR_pipe2, BUF, 0), 0);
    int fds[2];
    assert_int_equal(guest_read(p->mem, fds, BUF, sizeof fds), 0);
    assert_int_equal(write(fds[1], "\x13\x00\x00\x00\x13\x00\x00\x00", 8), 8);
    uint64_t gen = p->mem->code_gen;
    assert_int_equal(G3(p, NR_read, fds[0], BUF2, 4), 4);
    assert_int_equal(p->mem->code_gen, gen);
    assert_int_equal(G3(p, NR_read, fds[0], code, 4), 4);
    assert_true(p->mem->code_gen != gen);
    close(fds[0]);
    close(fds[1]);
    assert_int_equal(guestmem_unmap(p->mem, code, 0x1000), 0);
}

/* struct epoll_event: 16 bytes in the guest, 12 (packed) on x86-64. */
static void test_epoll_layout(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    int64_t ep = G1(p, NR_epoll_create1, 0);
    assert_true(ep >= 0);
    uint8_t ev[16] = {0};
    uint32_t events = 1;              /* EPOLLIN */
    uint64_t data = 0xa1b2c3d4e5f60718ull;
    memcpy(ev, &events, 4);
    memcpy(ev + 8, &data, 8);
    assert_int_equal(guest_write(p->mem, BUF, ev, sizeof ev), 0);
    assert_int_equal(G4(p, NR_epoll_ctl, ep, 1 /* ADD */, fds[0], BUF), 0);
    assert_int_equal(write(fds[1], "x", 1), 1);
    uint8_t out[32];
    memset(out, 0xcc, sizeof out);
    assert_int_equal(guest_write(p->mem, BUF2, out, sizeof out), 0);
    assert_int_equal(gcall(p, NR_epoll_pwait, 6, (uint64_t)ep, BUF2, (uint64_t)2,
                           (uint64_t)1000, (uint64_t)0, (uint64_t)8), 1);
    assert_int_equal(guest_read(p->mem, out, BUF2, sizeof out), 0);
    uint64_t got;
    memcpy(&events, out, 4);
    memcpy(&got, out + 8, 8);
    assert_int_equal(events, 1);
    assert_int_equal(got, data);
    assert_int_equal(out[16], 0xcc);   /* only one event written */
    assert_int_equal(G4(p, NR_epoll_pwait, ep, UNMAPPED, 2, 0), -EFAULT);
    G1(p, NR_close, ep);
    close(fds[0]);
    close(fds[1]);
}

static void test_exit_group(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    p->cpu.x[10] = 0x1ff;
    G1(p, NR_exit_group, 0x1ff);
    assert_true(p->exited);
    assert_int_equal(p->exit_code, 0xff);
    p->exited = false;
    p->exit_code = 0;
}

/* --strace lines, formatted like strace. */
static void test_strace_text(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    char *text = NULL;
    size_t textlen = 0;
    FILE *out = open_memstream(&text, &textlen);
    assert_non_null(out);
    p->strace = true;
    p->strace_out = out;

    put_str(p, STR, "/nonexistent/x");
    G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_RDONLY, 0);
    put_str(p, STR, "/nonexistent/a-rather-long-path-name-that-strace-truncates");
    G4(p, NR_openat, (uint64_t)AT_FDCWD, STR, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    put_str(p, BUF, "hi\n");
    G3(p, NR_write, 1000, BUF, 3);
    G3(p, NR_read, 1000, 0x4000a000, 4096);
    G3(p, 999, 1, 2, 3);
    G1(p, NR_exit_group, 3);

    p->strace = false;
    p->strace_out = NULL;
    fclose(out);
    assert_string_equal(
        text,
        "openat(AT_FDCWD, \"/nonexistent/x\", O_RDONLY) = -1 ENOENT (No such file or "
        "directory)\n"
        "openat(AT_FDCWD, \"/nonexistent/a-rather-long-path-\"..., "
        "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = -1 ENOENT (No such file or directory)\n"
        "write(1000, \"hi\\n\", 3) = -1 EBADF (Bad file descriptor)\n"
        "read(1000, 0x4000a000, 4096) = -1 EBADF (Bad file descriptor)\n"
        "syscall_999(0x1, 0x2, 0x3, 0, 0, 0) = -1 ENOSYS (Function not implemented)\n"
        "exit_group(3) = ?\n");
    free(text);
    assert_true(p->exited);
    assert_int_equal(p->exit_code, 3);
    p->exited = false;
}

/*
 * Every number 0..511 with arguments that are unmapped guest addresses (and,
 * as fds / pids / ids, values no process has): each call returns an error
 * or a harmless value, never crashes.  Calls that would act on the test
 * process itself whatever the arguments (ids, signals, session, sync, exit)
 * are left out.
 */
static void test_no_crash_sweep(void **state)
{
    Fixture *f = *state;
    Process *p = f->p;
    char *text = NULL;
    size_t textlen = 0;
    FILE *out = open_memstream(&text, &textlen);
    assert_non_null(out);
    p->strace = true;   /* exercises every argument formatter too */
    p->strace_out = out;
    for (uint64_t nr = 0; nr < 512; nr++) {
        if ((nr >= 129 && nr <= 139) || (nr >= 143 && nr <= 152) || nr == 154 ||
            nr == 157 || nr == 81 || nr == 93 || nr == 94 || nr == 140)
            continue;
        uint64_t bad = 0x500000 + (nr % 7) * 0x1000;
        int64_t r = gcall(p, nr, 6, bad, bad + 0x100, bad + 0x2000, bad + 0x3000,
                          bad + 0x4000, bad + 0x5000);
        assert_true(r >= -4095);   /* an errno or a value, nothing else */
        if (r >= 0 && r < 1024 && (nr == 19 || nr == 279))   /* eventfd2, memfd_create */
            close((int)r);
    }
    p->strace = false;
    p->strace_out = NULL;
    fclose(out);
    assert_non_null(strstr(text, "openat(5242880, 0x500100, "));   /* unreadable path: hex */
    free(text);
    assert_false(p->exited);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unknown_and_enosys),
        cmocka_unit_test(test_open_write_read_close),
        cmocka_unit_test(test_readv_writev),
        cmocka_unit_test(test_stat_layout),
        cmocka_unit_test(test_getdents64),
        cmocka_unit_test(test_efault),
        cmocka_unit_test(test_uname_and_limits),
        cmocka_unit_test(test_proc_self),
        cmocka_unit_test(test_code_gen_on_read),
        cmocka_unit_test(test_epoll_layout),
        cmocka_unit_test(test_exit_group),
        cmocka_unit_test(test_strace_text),
        cmocka_unit_test(test_no_crash_sweep),   /* last: may move brk */
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* Guest test of the file-system system calls (runtime/syscall_fs.c): files
 * and directories in a fresh temporary directory, stat sizes and modes,
 * rename, unlink, sorted directory listing, dup2, pipe, links.  Output is
 * deterministic (no inode numbers, times or paths of the temp dir), so
 * qemu-riscv64 and fvp-run must print the same. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void list_dir(const char *path)
{
    char *names[64];
    int n = 0;
    DIR *d = opendir(path);
    struct dirent *e;
    CHECK(d != NULL);
    if (!d)
        return;
    while ((e = readdir(d)) != NULL && n < 64) {
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    printf("%s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    CHECK(fd >= 0);
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    CHECK(close(fd) == 0);
}

int main(void)
{
    char tmpl[] = "/tmp/fvp_sys_files_XXXXXX";
    char buf[256];
    struct stat st;
    int fd, fds[2];

    umask(022);
    CHECK(mkdtemp(tmpl) != NULL);
    CHECK(chdir(tmpl) == 0);

    /* create, write, read back */
    fd = open("a.txt", O_RDWR | O_CREAT | O_EXCL, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "hello world\n", 12) == 12);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    memset(buf, 0, sizeof buf);
    CHECK(read(fd, buf, sizeof buf) == 12);
    printf("read back: %s", buf);
    CHECK(pwrite(fd, "HELLO", 5, 0) == 5);
    memset(buf, 0, sizeof buf);
    CHECK(pread(fd, buf, 5, 0) == 5);
    printf("pread: %s\n", buf);
    CHECK(fstat(fd, &st) == 0);
    printf("fstat: size %lld mode %o reg %d nlink %d blksize>0 %d\n", (long long)st.st_size,
           st.st_mode & 07777, S_ISREG(st.st_mode), (int)st.st_nlink, st.st_blksize > 0);

    /* writev / readv */
    struct iovec iov[3] = {{"one ", 4}, {"two ", 4}, {"three\n", 6}};
    CHECK(lseek(fd, 0, SEEK_END) == 12);
    CHECK(writev(fd, iov, 3) == 14);
    char r1[5] = {0}, r2[20] = {0};
    struct iovec riov[2] = {{r1, 4}, {r2, sizeof r2 - 1}};
    CHECK(lseek(fd, 12, SEEK_SET) == 12);
    CHECK(readv(fd, riov, 2) == 14);
    printf("readv: [%s] [%.*s]\n", r1, (int)strcspn(r2, "\n"), r2);
    CHECK(ftruncate(fd, 5) == 0);
    CHECK(fstat(fd, &st) == 0);
    printf("after ftruncate: %lld\n", (long long)st.st_size);
    CHECK(fchmod(fd, 0600) == 0);
    CHECK(fstat(fd, &st) == 0);
    printf("after fchmod: %o\n", st.st_mode & 07777);
    CHECK(fsync(fd) == 0);
    CHECK(fdatasync(fd) == 0);
    CHECK(close(fd) == 0);

    /* stat by path, statx, fixed times */
    struct timespec times[2] = {{1000000000, 0}, {1234567890, 500}};
    CHECK(utimensat(AT_FDCWD, "a.txt", times, 0) == 0);
    CHECK(stat("a.txt", &st) == 0);
    printf("stat: size %lld mtime %lld.%09ld atime %lld\n", (long long)st.st_size,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, (long long)st.st_atim.tv_sec);
    struct statx stx;
    CHECK(statx(AT_FDCWD, "a.txt", 0, STATX_BASIC_STATS, &stx) == 0);
    printf("statx: size %llu mode %o\n", (unsigned long long)stx.stx_size, stx.stx_mode & 07777);
    errno = 0;
    CHECK(stat("missing", &st) == -1 && errno == ENOENT);
    printf("stat missing: errno %d\n", errno);

    /* rename, access */
    CHECK(rename("a.txt", "b.txt") == 0);
    printf("access a.txt: %d errno %d\n", access("a.txt", F_OK), errno);
    printf("access b.txt: %d\n", access("b.txt", R_OK | W_OK));
    CHECK(renameat2(AT_FDCWD, "b.txt", AT_FDCWD, "a.txt", 0) == 0);

    /* links */
    CHECK(symlink("a.txt", "link") == 0);
    ssize_t n = readlink("link", buf, sizeof buf);
    CHECK(n == 5);
    printf("readlink: %.*s\n", (int)(n > 0 ? n : 0), buf);
    CHECK(lstat("link", &st) == 0);
    printf("lstat link: islnk %d\n", S_ISLNK(st.st_mode));
    CHECK(link("a.txt", "hard") == 0);
    CHECK(stat("a.txt", &st) == 0);
    printf("nlink after link: %d\n", (int)st.st_nlink);

    /* directory listing */
    CHECK(mkdir("sub", 0755) == 0);
    CHECK(stat("sub", &st) == 0);
    printf("mkdir: isdir %d mode %o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);
    write_file("sub/zeta", "z", 0644);
    write_file("sub/alpha", "aa", 0644);
    write_file("sub/mid", "mmm", 0640);
    list_dir("sub");
    list_dir(".");
    errno = 0;
    printf("rmdir non-empty: %d errno %d\n", rmdir("sub"), errno);

    /* dup2, fcntl */
    fd = open("sub/mid", O_RDONLY | O_CLOEXEC);
    CHECK(fd >= 0);
    printf("cloexec: %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    CHECK(dup2(fd, 10) == 10);
    printf("dup2 cloexec: %d\n", (fcntl(10, F_GETFD) & FD_CLOEXEC) != 0);
    memset(buf, 0, sizeof buf);
    CHECK(read(10, buf, sizeof buf) == 3);
    printf("via dup2: %s\n", buf);
    int d = dup(10);
    CHECK(d >= 0);
    CHECK(lseek(d, 1, SEEK_SET) == 1);
    printf("shared offset: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    close(d);
    close(10);
    close(fd);

    /* pipe */
    CHECK(pipe(fds) == 0);
    CHECK(write(fds[1], "through the pipe", 16) == 16);
    memset(buf, 0, sizeof buf);
    CHECK(read(fds[0], buf, sizeof buf) == 16);
    printf("pipe: %s\n", buf);
    CHECK(fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK) == 0);
    errno = 0;
    printf("empty nonblocking read: %zd errno %d\n", read(fds[0], buf, 1), errno);
    close(fds[1]);
    printf("read at EOF: %zd\n", read(fds[0], buf, 1));
    close(fds[0]);

    /* pipe readiness: FIONREAD, poll */
    CHECK(pipe2(fds, O_CLOEXEC) == 0);
    CHECK(write(fds[1], "12345", 5) == 5);
    int avail = -1;
    CHECK(ioctl(fds[0], FIONREAD, &avail) == 0);
    printf("FIONREAD: %d\n", avail);
    struct pollfd pfd = {fds[0], POLLIN, 0};
    printf("poll: %d revents %#x\n", poll(&pfd, 1, 1000), pfd.revents);
    close(fds[0]);
    close(fds[1]);

    /* ioctl on a regular file, unknown ioctl */
    fd = open("a.txt", O_RDWR);
    CHECK(fd >= 0);
    struct termios tio;
    errno = 0;
    printf("tcgetattr on a file: %d errno %d\n", tcgetattr(fd, &tio), errno);
    /* Linux says ENOTTY, qemu-user ENOSYS: print only that it fails */
    printf("unknown ioctl fails: %d\n", ioctl(fd, 0x12345678, 0) == -1);

    /* locks, statfs */
    CHECK(flock(fd, LOCK_EX) == 0);
    CHECK(flock(fd, LOCK_UN) == 0);
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1};
    CHECK(fcntl(fd, F_SETLK, &fl) == 0);
    fl.l_type = F_UNLCK;
    CHECK(fcntl(fd, F_SETLK, &fl) == 0);
    struct statfs sfs;
    CHECK(fstatfs(fd, &sfs) == 0);
    printf("fstatfs: bsize > 0 %d\n", sfs.f_bsize > 0);
    CHECK(statfs(".", &sfs) == 0);

    /* sendfile, copy_file_range, truncate by path */
    int out = open("copy", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(out >= 0);
    off_t off = 1;
    printf("sendfile: %zd off %lld\n", sendfile(out, fd, &off, 100), (long long)off);
    loff_t in_off = 0;
    ssize_t cr = copy_file_range(fd, &in_off, out, NULL, 3, 0);
    printf("copy_file_range: %zd\n", cr);
    memset(buf, 0, sizeof buf);
    CHECK(pread(out, buf, sizeof buf - 1, 0) == 7);
    printf("copy: %s\n", buf);
    CHECK(truncate("copy", 2) == 0);
    CHECK(fstat(out, &st) == 0);
    printf("truncate: %lld\n", (long long)st.st_size);
    CHECK(fchownat(AT_FDCWD, "copy", getuid(), getgid(), 0) == 0);
    CHECK(fchmodat(AT_FDCWD, "copy", 0604, 0) == 0);
    CHECK(stat("copy", &st) == 0);
    printf("fchmodat: %o\n", st.st_mode & 07777);
    printf("faccessat eaccess: %d\n", faccessat(AT_FDCWD, "copy", R_OK, AT_EACCESS));
    close(out);
    CHECK(unlink("copy") == 0);
    close(fd);

    /* bad pointer: the kernel (or fvp-run) answers EFAULT, no crash */
    fd = open("a.txt", O_RDONLY);
    errno = 0;
    printf("read into NULL: %zd errno %d\n", read(fd, NULL, 4), errno);
    close(fd);
    errno = 0;
    printf("open bad path ptr: %d errno %d\n", open((const char *)8, O_RDONLY), errno);

    /* clean up */
    CHECK(unlink("sub/zeta") == 0);
    CHECK(unlink("sub/alpha") == 0);
    CHECK(unlink("sub/mid") == 0);
    CHECK(rmdir("sub") == 0);
    CHECK(unlink("link") == 0);
    CHECK(unlink("hard") == 0);
    CHECK(unlinkat(AT_FDCWD, "a.txt", 0) == 0);
    list_dir(".");
    CHECK(chdir("/") == 0);
    CHECK(rmdir(tmpl) == 0);
    printf("sys_files: %s\n", failures ? "FAILED" : "ok");
    return failures != 0;
}

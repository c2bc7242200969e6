/*
 * The persistent translation cache (cache.h).  An entry is the output
 * executable itself, stored under its key; the key hashes a small record of
 * tagged fields, each "name=length:" followed by the value, so no two
 * different records hash the same bytes.
 */
#include "translator/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>

#include "util/sha256.h"

#define DEFAULT_MAX_BYTES (2ull << 30)
#define KEY_VERSION "fvp-xlat cache 1"

int xlat_cache_parse_size(const char *s, uint64_t *out)
{
    if (!s || *s < '0' || *s > '9')
        return -EINVAL;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -EINVAL;
    unsigned shift = 0;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': shift = 10; break;
    case 'm': case 'M': shift = 20; break;
    case 'g': case 'G': shift = 30; break;
    case 't': case 'T': shift = 40; break;
    default: return -EINVAL;
    }
    if (*end && end[1] != '\0' && !((end[1] == 'B' || end[1] == 'b') && end[2] == '\0'))
        return -EINVAL;
    if (shift && v > (~0ull >> shift))
        return -EINVAL;
    *out = v << shift;
    return 0;
}

int xlat_cache_open(XlatCache *c, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    c->max_bytes = DEFAULT_MAX_BYTES;
    const char *size = getenv("FVP_CACHE_SIZE");
    if (size && *size && xlat_cache_parse_size(size, &c->max_bytes) != 0) {
        snprintf(err, errlen, "FVP_CACHE_SIZE='%s' is not a size (e.g. 512M, 2G, 0 = off)",
                 size);
        return -EINVAL;
    }
    if (c->max_bytes == 0)
        return 0;
    const char *d = getenv("FVP_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"),
               *home = getenv("HOME");
    int n;
    if (d && *d)
        n = snprintf(c->dir, sizeof c->dir, "%s", d);
    else if (xdg && xdg[0] == '/')      /* the XDG spec ignores relative paths */
        n = snprintf(c->dir, sizeof c->dir, "%s/fvp", xdg);
    else if (home && *home)
        n = snprintf(c->dir, sizeof c->dir, "%s/.cache/fvp", home);
    else
        return 0;
    return n > 0 && (size_t)n < sizeof c->dir - 80 ? 1 : 0;
}

/* ---- the key ---------------------------------------------------------------- */

static void key_field(Sha256 *s, const char *name, const void *val, size_t len)
{
    char head[96];
    int n = snprintf(head, sizeof head, "%s=%zu:", name, len);
    sha256_update(s, head, (size_t)n);
    sha256_update(s, val, len);
}

static void key_str(Sha256 *s, const char *name, const char *val)
{
    key_field(s, name, val ? val : "", val ? strlen(val) : 0);
}

/* Hashes the contents of path as one field (its digest, so the record
 * stays small). */
static int key_file(Sha256 *s, const char *name, const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        snprintf(err, errlen, "%s: %s", path, strerror(e));
        return -e;
    }
    Sha256 f;
    sha256_init(&f);
    uint8_t buf[1 << 16];
    ssize_t r;
    while ((r = read(fd, buf, sizeof buf)) != 0) {
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            snprintf(err, errlen, "%s: %s", path, strerror(e));
            close(fd);
            return -e;
        }
        sha256_update(&f, buf, (size_t)r);
    }
    close(fd);
    uint8_t d[32];
    sha256_final(&f, d);
    key_field(s, name, d, sizeof d);
    return 0;
}

int xlat_cache_key(XlatCache *c, const XlatOptions *o, const uint8_t *elf, size_t len,
                   const char *libdir, char *err, size_t errlen)
{
    Sha256 s;
    sha256_init(&s);
    key_str(&s, "version", KEY_VERSION);
    char path[PATH_MAX + 32];
    int rc;
    /* the translator (with the helpers' bitcode it embeds) and what it links */
    if ((rc = key_file(&s, "fvp-xlat", "/proc/self/exe", err, errlen)) != 0)
        return rc;
    snprintf(path, sizeof path, "%s/libfvprt.a", libdir);
    if ((rc = key_file(&s, "libfvprt", path, err, errlen)) != 0)
        return rc;
    snprintf(path, sizeof path, "%s/liblifter.a", libdir);
    if ((rc = key_file(&s, "liblifter", path, err, errlen)) != 0)
        return rc;
    unsigned v[3];
    LLVMGetVersion(&v[0], &v[1], &v[2]);
    key_field(&s, "llvm", v, sizeof v);
    key_str(&s, "cc", getenv("FVP_CC"));
    key_str(&s, "llvm-args", getenv("FVP_LLVM_ARGS"));
    /* the options that change the output */
    const char *cpu = xlat_cpu(o);
    key_str(&s, "cpu", cpu);
    if (strcmp(cpu, "native") == 0) {
        char *name = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
        key_str(&s, "host-cpu", name);
        key_str(&s, "host-features", features);
        LLVMDisposeMessage(name);
        LLVMDisposeMessage(features);
    }
    int flags[] = { o->opt_level, o->precise_faults, o->no_native_fp, o->all_functions,
                    (int)o->region_insns, o->no_host_libc, o->strict_fp, o->exact_instret,
                    (int)o->tier_insns, (int)o->lib_tier_insns };
    key_field(&s, "flags", flags, sizeof flags);
    key_str(&s, "profile-out", o->profile_out);
    if (o->profile && (rc = key_file(&s, "profile", o->profile, err, errlen)) != 0)
        return rc;
    key_field(&s, "elf", elf, len);
    uint8_t d[32];
    sha256_final(&s, d);
    sha256_hex(d, c->key);
    return 0;
}

/* ---- entries ---------------------------------------------------------------- */

static int copy_fd(int in, int out)
{
    for (;;) {
        ssize_t n = copy_file_range(in, NULL, out, NULL, 1 << 30, 0);
        if (n == 0)
            return 0;
        if (n > 0)
            continue;
        if (errno == EINTR)
            continue;
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)
            return -errno;
        break;      /* not supported here: plain copy */
    }
    char buf[1 << 16];
    ssize_t r;
    while ((r = read(in, buf, sizeof buf)) != 0) {
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        for (ssize_t w = 0; w < r;) {
            ssize_t k = write(out, buf + w, (size_t)(r - w));
            if (k < 0) {
                if (errno == EINTR)
                    continue;
                return -errno;
            }
            w += k;
        }
    }
    return 0;
}

/* Copies src to dst through a temporary file beside dst and a rename, with
 * mode (after the umask).  0 or negative errno. */
static int copy_file(const char *src, const char *dst, mode_t mode)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -errno;
    char tmp[PATH_MAX + 16];
    const char *slash = strrchr(dst, '/');
    int dl = slash ? (int)(slash - dst) : 0;
    if (snprintf(tmp, sizeof tmp, "%.*s%s.fvp-tmp-XXXXXX", dl, dst, slash ? "/" : "") >=
        (int)sizeof tmp) {
        close(in);
        return -ENAMETOOLONG;
    }
    int out = mkstemp(tmp);
    if (out < 0) {
        int e = -errno;
        close(in);
        return e;
    }
    mode_t mask = umask(0);
    umask(mask);
    int rc = copy_fd(in, out);
    if (rc == 0 && fchmod(out, mode & ~mask) != 0)
        rc = -errno;
    if (close(out) != 0 && rc == 0)
        rc = -errno;
    close(in);
    if (rc == 0 && rename(tmp, dst) != 0)
        rc = -errno;
    if (rc != 0)
        unlink(tmp);
    return rc;
}

static void entry_path(const XlatCache *c, char *path, size_t n)
{
    snprintf(path, n, "%s/%s", c->dir, c->key);
}

int xlat_cache_fetch(const XlatCache *c, const char *path)
{
    char e[PATH_MAX + 80];
    entry_path(c, e, sizeof e);
    if (access(e, R_OK) != 0 || copy_file(e, path, 0777) != 0)
        return 0;
    utimensat(AT_FDCWD, e, NULL, 0); /* recently used */
    return 1;
}

static int mkdir_p(const char *dir)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char ch = *s;
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST)
                return -errno;
            *s = ch;
            if (!ch)
                return 0;
        }
    }
}

typedef struct Entry {
    char name[72];
    time_t mtime;
    long mtime_ns;
    uint64_t size;
} Entry;

static int entry_older(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    if (x->mtime != y->mtime)
        return x->mtime < y->mtime ? -1 : 1;
    return (x->mtime_ns > y->mtime_ns) - (x->mtime_ns < y->mtime_ns);
}

static int is_key(const char *name)
{
    size_t i = 0;
    for (; name[i]; i++)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
            return 0;
    return i == 64;
}

/* Removes the least recently used entries (never keep) until the entries
 * fit in c->max_bytes; also temporaries left by a killed fvp-xlat. */
static void cache_evict(const XlatCache *c, const char *keep)
{
    DIR *d = opendir(c->dir);
    if (!d)
        return;
    Entry *ents = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (strncmp(de->d_name, ".fvp-tmp-", 9) == 0) {
            if (now - st.st_mtime > 3600)
                unlinkat(dirfd(d), de->d_name, 0);
            continue;
        }
        if (!is_key(de->d_name))
            continue;
        if (n == cap) {
            size_t nc = cap ? 2 * cap : 64;
            Entry *ne = realloc(ents, nc * sizeof *ne);
            if (!ne)
                break;
            ents = ne;
            cap = nc;
        }
        Entry *e = &ents[n++];
        memcpy(e->name, de->d_name, 65); /* is_key: 64 digits and the NUL */
        e->mtime = st.st_mtim.tv_sec;
        e->mtime_ns = st.st_mtim.tv_nsec;
        e->size = (uint64_t)st.st_blocks * 512 > (uint64_t)st.st_size
                      ? (uint64_t)st.st_blocks * 512 : (uint64_t)st.st_size;
        total += e->size;
    }
    if (total > c->max_bytes) {
        qsort(ents, n, sizeof *ents, entry_older);
        for (size_t i = 0; i < n && total > c->max_bytes; i++) {
            if (strcmp(ents[i].name, keep) == 0)
                continue;
            if (unlinkat(dirfd(d), ents[i].name, 0) == 0)
                total -= ents[i].size;
        }
    }
    free(ents);
    closedir(d);
}

int xlat_cache_store(const XlatCache *c, const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno;
        snprintf(err, errlen, "%s: %s", path, strerror(e));
        return -e;
    }
    if ((uint64_t)st.st_size > c->max_bytes) {
        snprintf(err, errlen, "the output (%lld bytes) is larger than FVP_CACHE_SIZE",
                 (long long)st.st_size);
        return -EFBIG;
    }
    int rc = mkdir_p(c->dir);
    char e[PATH_MAX + 80];
    entry_path(c, e, sizeof e);
    if (rc == 0)
        rc = copy_file(path, e, 0755);
    if (rc != 0) {
        snprintf(err, errlen, "cannot store in the translation cache %s: %s", c->dir,
                 strerror(-rc));
        return rc;
    }
    cache_evict(c, c->key);
    return 0;
}

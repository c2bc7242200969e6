/* The C library string functions fvp-xlat runs as host code (runtime/libc_host.h), called
 * through volatile pointers so gcc cannot fold or inline them: raw return values (memcmp's
 * byte difference, not only its sign), returned pointers as offsets, zero lengths with
 * wild pointers, overlapping memmove both ways, strchr of the terminator, memchr/strnlen
 * limits, stpcpy's end pointer, strcat, and lengths around the word size at every
 * alignment; strings that end at the last byte of a page followed by an inaccessible one
 * (the bridge must not read past them).  Output must match qemu-riscv64 byte
 * for byte. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static void *(*volatile p_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile p_memmove)(void *, const void *, size_t) = memmove;
static void *(*volatile p_memset)(void *, int, size_t) = memset;
static int (*volatile p_memcmp)(const void *, const void *, size_t) = memcmp;
static void *(*volatile p_memchr)(const void *, int, size_t) = memchr;
static size_t (*volatile p_strlen)(const char *) = strlen;
static size_t (*volatile p_strnlen)(const char *, size_t) = strnlen;
static char *(*volatile p_strchr)(const char *, int) = strchr;
static char *(*volatile p_strcpy)(char *, const char *) = strcpy;
static char *(*volatile p_stpcpy)(char *, const char *) = stpcpy;
static char *(*volatile p_strcat)(char *, const char *) = strcat;
static int (*volatile p_strcmp)(const char *, const char *) = strcmp;
static int (*volatile p_strncmp)(const char *, const char *, size_t) = strncmp;

static uint64_t hash(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static unsigned char buf[4096], buf2[4096];

int main(void)
{
    /* memcmp: the value, at every alignment and length up to 40 */
    long sum = 0;
    for (int al = 0; al < 8; al++)
        for (int n = 0; n <= 40; n++)
            for (int at = 0; at < n; at += 3) {
                for (int i = 0; i < 64; i++)
                    buf[al + i] = buf2[i] = (unsigned char)(i * 7 + 1);
                buf[al + at] = (unsigned char)(buf[al + at] + (at & 1 ? 0x80 : -0x33));
                int r = p_memcmp(buf + al, buf2, (size_t)n);
                sum = sum * 31 + r;
                if (al == 0 && n == 40)
                    printf("memcmp at %d: %d\n", at, r);
            }
    printf("memcmp sum %ld, equal %d\n", sum, p_memcmp(buf2, buf2, 64));
    printf("memcmp high bytes %d %d\n", p_memcmp("\xff", "\x01", 1), p_memcmp("\x01", "\xff", 1));

    /* zero lengths touch nothing */
    void *wild = (void *)(uintptr_t)0x10;
    printf("zero: %d %p %p %p %zu\n", p_memcmp(wild, wild, 0), p_memchr(wild, 1, 0),
           p_memcpy(wild, wild, 0), p_memset(wild, 0, 0), p_strnlen(wild, 0));

    /* memcpy / memmove / memset, overlapping moves both ways */
    for (int i = 0; i < 4096; i++)
        buf[i] = (unsigned char)(i ^ (i >> 3));
    unsigned char *r1 = p_memmove(buf + 100, buf + 37, 1000);
    unsigned char *r2 = p_memmove(buf + 5, buf + 900, 2000);
    unsigned char *r3 = p_memcpy(buf2, buf + 3, 4000);
    unsigned char *r4 = p_memset(buf + 17, 0xa5, 333);
    printf("moves %td %td %td %td %016llx %016llx\n", r1 - buf, r2 - buf, r3 - buf2, r4 - buf,
           (unsigned long long)hash(buf, 4096), (unsigned long long)hash(buf2, 4096));

    /* memchr, strlen, strnlen, strchr */
    char s[300];
    for (int i = 0; i < 299; i++)
        s[i] = (char)('a' + i % 26);
    s[299] = 0;
    for (int al = 0; al < 9; al++) {
        char *z = p_memchr(s + al, 'z', 200);
        char *q = p_memchr(s + al, '!', 200);
        printf("al %d: memchr %td %p strlen %zu strnlen %zu %zu strchr %td %td %p\n", al,
               z ? z - s : -1, (void *)q, p_strlen(s + al), p_strnlen(s + al, 17),
               p_strnlen(s + al, 1000), p_strchr(s + al, 'q') - s, p_strchr(s + al, 0) - s,
               (void *)p_strchr(s + al, '#'));
    }
    printf("strlen empty %zu, memchr byte %td\n", p_strlen(""),
           (char *)p_memchr(s, 'a' + 256, 10) - s); /* c is converted to unsigned char */

    /* strcpy, stpcpy, strcat */
    char d[400];
    char *e1 = p_strcpy(d, "hello");
    char *e2 = p_stpcpy(d + 5, ", world");
    char *e3 = p_strcat(d, " and more");
    printf("copy %td %td %td '%s' %zu\n", e1 - d, e2 - d, e3 - d, d, p_strlen(d));
    for (int n = 0; n < 40; n++) {
        s[n] = 0;
        p_strcpy(d + (n & 7), s + (n & 3));
        s[n] = (char)('a' + n % 26);
        sum = sum * 7 + (long)p_strlen(d + (n & 7));
    }
    printf("copies %ld\n", sum);

    /* strcmp / strncmp: values at every alignment, prefixes, high bytes, limits */
    char t[300];
    memcpy(t, s, sizeof t);
    for (int al = 0; al < 9; al++)
        for (int n = 0; n < 30; n++) {
            t[al + n] = (char)(t[al + n] + (n & 1 ? 1 : -1));
            int r = p_strcmp(s + al, t + al), q = p_strncmp(s + al, t + al, (size_t)n);
            int z = p_strncmp(s + al, t + al, (size_t)n + 1);
            t[al + n] = s[al + n];
            sum = sum * 5 + r * 3 + q * 7 + z;
            if (al == 3 && n < 4)
                printf("strcmp %d strncmp %d %d\n", r, q, z);
        }
    printf("cmp sum %ld, equal %d %d, prefix %d %d, high %d %d\n", sum, p_strcmp(s, s),
           p_strncmp(s, s, 1000), p_strcmp("abc", "abcd"), p_strcmp("abcd", "abc"),
           p_strcmp("\xe9", "e"), p_strncmp("x\x80", "x\x7f", 5));
    printf("strncmp 0 of wild %d\n", p_strncmp(wild, wild, 0));

    /* strings ending at the end of a page, before a PROT_NONE page: every length up to 70,
     * one string or both there, equal or differing in the last byte or the first */
    char *pg = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pg == MAP_FAILED || mprotect(pg + 4096, 4096, PROT_NONE) != 0 ||
        mprotect(pg + 3 * 4096, 4096, PROT_NONE) != 0)
        return 1;
    char *end1 = pg + 4096, *end2 = pg + 3 * 4096;
    long psum = 0;
    for (int n = 1; n <= 70; n++) {
        char *a = end1 - n, *b = end2 - n;
        for (int i = 0; i < n - 1; i++)
            a[i] = b[i] = (char)('a' + (i * 7 + n) % 26);
        a[n - 1] = b[n - 1] = '\0';
        int eq = p_strcmp(a, b), ea = p_strcmp(a, a), eb = p_strcmp(b, a);
        if (n > 1) {
            b[n - 2] = 'Z';
            eq = eq * 3 + p_strcmp(a, b) + 5 * p_strcmp(b, a);
            b[0] = '~';
            eq = eq * 3 + p_strcmp(a, b);
        }
        int ln = (int)p_strlen(a) + (int)p_strlen(b);
        psum = psum * 7 + eq * 11 + ea + eb + ln + p_strncmp(a, b, (size_t)n + 5);
    }
    printf("page ends %ld\n", psum);
    return 0;
}

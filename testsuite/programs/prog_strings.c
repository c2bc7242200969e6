/* string.h on many lengths and alignments (glibc's RV64 versions read whole words, so
 * page-end and misaligned cases matter); results folded into printed checksums. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

static uint64_t g_hash = 1469598103934665603ull;
static void mix(uint64_t v) { g_hash = (g_hash ^ v) * 1099511628211ull; }
static int sgn(int v) { return (v > 0) - (v < 0); }

int main(void)
{
    enum { MAX = 300 };
    static char a[MAX + 64], b[MAX + 64], c[MAX + 64];
    for (int len = 0; len < MAX; len += (len < 40 ? 1 : 13)) {
        for (int al = 0; al < 8; al++) {
            for (int bl = 0; bl < 8; bl += 3) {
                char *s = a + al, *t = b + bl;
                for (int i = 0; i < len; i++) s[i] = (char)('a' + (i * 7 + len) % 26);
                s[len] = 0;
                mix(strlen(s));
                strcpy(t, s);
                mix((uint64_t)sgn(strcmp(s, t)));
                mix((uint64_t)sgn(memcmp(s, t, (size_t)len)));
                if (len) {
                    t[len - 1] = 'A';
                    mix((uint64_t)sgn(strcmp(s, t)) + 10);
                    mix((uint64_t)sgn(strncmp(s, t, (size_t)len - 1)) + 20);
                    mix((uint64_t)sgn(strcasecmp(s, t)) + 30);
                    mix((uint64_t)sgn(memcmp(s, t, (size_t)len)) + 40);
                }
                char *hit = strchr(s, 'q');
                mix(hit ? (uint64_t)(hit - s) : 999);
                hit = strrchr(s, 'e');
                mix(hit ? (uint64_t)(hit - s) : 998);
                hit = memchr(s, 'z', (size_t)len);
                mix(hit ? (uint64_t)(hit - s) : 997);
                mix(strspn(s, "abcdefghij"));
                mix(strcspn(s, "xyz"));
                memset(c + bl, 'x', (size_t)len);
                memmove(c + bl + 1, c + bl, (size_t)len / 2);
                memcpy(c + al, s, (size_t)len);
                mix((uint64_t)sgn(memcmp(c + al, s, (size_t)len)));
                memmove(a + al + 3, a + al, (size_t)len);
                mix((uint64_t)(unsigned char)a[al + 3 + len / 2]);
                strncpy(c, s, 17);
                mix((uint64_t)(unsigned char)c[len < 17 ? len : 16]);
            }
        }
    }
    printf("hash over lengths/alignments: %016llx\n", (unsigned long long)g_hash);

    /* strings ending exactly at the end of a page followed by an unmapped page */
    long pg = sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) { printf("mmap failed\n"); return 1; }
    munmap(map + pg, (size_t)pg);
    int ok = 1;
    for (int len = 0; len < 40; len++) {
        char *s = map + pg - len - 1;
        memset(s, 'k', (size_t)len);
        s[len] = 0;
        if (strlen(s) != (size_t)len) ok = 0;
        if (strchr(s, 'z')) ok = 0;
        if (strcmp(s, s) != 0) ok = 0;
        if (len && memchr(s, 'k', (size_t)len) != s) ok = 0;
        if (memrchr(s, 'z', (size_t)len)) ok = 0;
        char tmp[64];
        strcpy(tmp, s);
        if (strlen(tmp) != (size_t)len) ok = 0;
    }
    printf("page-end strings ok %d\n", ok);
    /* misc */
    char buf[64] = "the quick brown fox jumps";
    printf("strstr %s | strpbrk %s | strtok:", strstr(buf, "brown"), strpbrk(buf, "xyz"));
    char *save;
    for (char *tk = strtok_r(buf, " ", &save); tk; tk = strtok_r(NULL, " ", &save)) printf(" [%s]", tk);
    printf("\n");
    char *dup = strdup("duplicate me");
    char *ndup = strndup("abcdef", 3);
    printf("strdup %s strndup %s strnlen %zu\n", dup, ndup, strnlen("abcdef", 4));
    free(dup);
    free(ndup);
    char cat[32] = "foo";
    strcat(cat, "bar");
    strncat(cat, "bazqux", 3);
    printf("strcat %s ffs %d ffsll %d\n", cat, ffs(0x80), ffsll(1ll << 40));
    printf("strerror(2) %s\n", strerror(2));
    return 0;
}

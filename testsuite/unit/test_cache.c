/*
 * Unit tests for the translation cache (translator/cache.c) and its hash
 * (lifter/util/sha256.c): the FIPS 180-4 / NIST example digests, size
 * parsing, what the key depends on, store/fetch and LRU eviction.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "translator/cache.h"
#include "util/sha256.h"

static void hex_of(const void *data, size_t n, char out[65])
{
    Sha256 s;
    uint8_t d[32];
    sha256_init(&s);
    sha256_update(&s, data, n);
    sha256_final(&s, d);
    sha256_hex(d, out);
}

static void test_sha256_vectors(void **state)
{
    (void)state;
    char h[65];
    hex_of("", 0, h);
    assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    hex_of("abc", 3, h);
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /* 448 bits: the length field no longer fits in the first padded block */
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    hex_of(m, strlen(m), h);
    assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* one million 'a', fed in uneven pieces */
    Sha256 s;
    uint8_t d[32];
    char a[997];
    memset(a, 'a', sizeof a);
    sha256_init(&s);
    size_t left = 1000000;
    for (size_t k = 1; left; k = k % sizeof a + 7) {
        size_t n = k < left ? k : left;
        if (n > sizeof a)
            n = sizeof a;
        sha256_update(&s, a, n);
        left -= n;
    }
    sha256_final(&s, d);
    sha256_hex(d, h);
    assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_parse_size(void **state)
{
    (void)state;
    uint64_t v;
    assert_int_equal(xlat_cache_parse_size("0", &v), 0);
    assert_true(v == 0);
    assert_int_equal(xlat_cache_parse_size("4096", &v), 0);
    assert_true(v == 4096);
    assert_int_equal(xlat_cache_parse_size("512M", &v), 0);
    assert_true(v == 512ull << 20);
    assert_int_equal(xlat_cache_parse_size("2G", &v), 0);
    assert_true(v == 2ull << 30);
    assert_int_equal(xlat_cache_parse_size("3kB", &v), 0);
    assert_true(v == 3072);
    assert_int_equal(xlat_cache_parse_size("", &v), -EINVAL);
    assert_int_equal(xlat_cache_parse_size("-1", &v), -EINVAL);
    assert_int_equal(xlat_cache_parse_size("12X", &v), -EINVAL);
    assert_int_equal(xlat_cache_parse_size("1GG", &v), -EINVAL);
    assert_int_equal(xlat_cache_parse_size("99999999999999999999", &v), -EINVAL);
    assert_int_equal(xlat_cache_parse_size("99999999999T", &v), -EINVAL);
}

typedef struct Fixture {
    char dir[64];       /* temporary directory: lib/, cache/, files */
    char lib[96], cache[96];
} Fixture;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
    Fixture *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/fvp-test-cache-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    snprintf(fx->lib, sizeof fx->lib, "%s/lib", fx->dir);
    snprintf(fx->cache, sizeof fx->cache, "%s/cache/a/b", fx->dir);
    mkdir(fx->lib, 0755);
    char p[160];
    snprintf(p, sizeof p, "%s/libfvprt.a", fx->lib);
    write_file(p, "runtime v1");
    snprintf(p, sizeof p, "%s/liblifter.a", fx->lib);
    write_file(p, "lifter v1");
    setenv("FVP_CACHE_DIR", fx->cache, 1);
    unsetenv("FVP_CACHE_SIZE");
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fixture *fx = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    if (system(cmd) != 0)
        return -1;
    free(fx);
    return 0;
}

static void key_of(XlatCache *c, const XlatOptions *o, const char *elf, const char *lib)
{
    char err[256];
    assert_int_equal(xlat_cache_key(c, o, (const uint8_t *)elf, strlen(elf), lib, err,
                                     sizeof err), 0);
}

static void test_key_inputs(void **state)
{
    Fixture *fx = *state;
    char err[256];
    XlatCache c;
    assert_int_equal(xlat_cache_open(&c, err, sizeof err), 1);
    assert_string_equal(c.dir, fx->cache);
    XlatOptions o = { .opt_level = 2 };
    key_of(&c, &o, "ELF one", fx->lib);
    char base[65];
    memcpy(base, c.key, sizeof base);
    assert_int_equal(strlen(base), 64);
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_equal(c.key, base); /* deterministic */
    key_of(&c, &o, "ELF two", fx->lib);
    assert_string_not_equal(c.key, base);
    o.opt_level = 0;
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_not_equal(c.key, base);
    o.opt_level = 2;
    /* the default is this machine's level up to v3 (docs D55): never v4, and the same
     * output as asking for that level by name */
    assert_string_not_equal(xlat_cpu(&o), "x86-64-v4");
    assert_int_equal(xlat_cpu_level("x86-64"), 1);
    assert_int_equal(xlat_cpu_level("x86-64-v3"), 3);
    assert_int_equal(xlat_cpu_level("x86-64-v5"), 0);
    assert_int_equal(xlat_cpu_level("skylake"), 0); /* named CPUs are not checked */
    assert_true(xlat_cpu_known("skylake") && xlat_cpu_known("x86-64-v4"));
    assert_false(xlat_cpu_known("i686") || xlat_cpu_known("x86-64-v5"));
    o.cpu = xlat_cpu(&o);
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_equal(c.key, base);
    o.cpu = "host";
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_equal(c.key, base);
    o.cpu = "x86-64-v4";
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_not_equal(c.key, base);
    o.cpu = NULL;
    o.no_native_fp = true;
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_not_equal(c.key, base);
    o.no_native_fp = false;
    /* a rebuilt runtime is a different output */
    char p[160];
    snprintf(p, sizeof p, "%s/libfvprt.a", fx->lib);
    write_file(p, "runtime v2");
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_not_equal(c.key, base);
    write_file(p, "runtime v1");
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_equal(c.key, base);
    /* the profile's contents, not its name */
    snprintf(p, sizeof p, "%s/prof", fx->dir);
    write_file(p, "0x1000\n");
    o.profile = p;
    key_of(&c, &o, "ELF one", fx->lib);
    char prof1[65];
    memcpy(prof1, c.key, sizeof prof1);
    assert_string_not_equal(prof1, base);
    write_file(p, "0x2000\n");
    key_of(&c, &o, "ELF one", fx->lib);
    assert_string_not_equal(c.key, prof1);
    /* a missing library is an error with its name */
    assert_int_not_equal(xlat_cache_key(&c, &o, (const uint8_t *)"x", 1, "/nonexistent", err,
                                        sizeof err), 0);
    assert_non_null(strstr(err, "/nonexistent/libfvprt.a"));
}

static void test_open_settings(void **state)
{
    (void)state;
    char err[256];
    XlatCache c;
    setenv("FVP_CACHE_SIZE", "0", 1);
    assert_int_equal(xlat_cache_open(&c, err, sizeof err), 0);
    setenv("FVP_CACHE_SIZE", "lots", 1);
    assert_int_equal(xlat_cache_open(&c, err, sizeof err), -EINVAL);
    assert_non_null(strstr(err, "FVP_CACHE_SIZE='lots'"));
    unsetenv("FVP_CACHE_SIZE");
    char *saved = getenv("FVP_CACHE_DIR") ? strdup(getenv("FVP_CACHE_DIR")) : NULL;
    unsetenv("FVP_CACHE_DIR");
    setenv("XDG_CACHE_HOME", "/x/y", 1);
    assert_int_equal(xlat_cache_open(&c, err, sizeof err), 1);
    assert_string_equal(c.dir, "/x/y/fvp");
    setenv("XDG_CACHE_HOME", "relative", 1); /* ignored, as the XDG spec says */
    setenv("HOME", "/home/u", 1);
    assert_int_equal(xlat_cache_open(&c, err, sizeof err), 1);
    assert_string_equal(c.dir, "/home/u/.cache/fvp");
    unsetenv("XDG_CACHE_HOME");
    setenv("FVP_CACHE_DIR", saved, 1);
    free(saved);
}

static void test_store_fetch_evict(void **state)
{
    Fixture *fx = *state;
    char err[256];
    XlatCache c;
    setenv("FVP_CACHE_SIZE", "10K", 1);
    assert_int_equal(xlat_cache_open(&c, err, sizeof err), 1);
    XlatOptions o = { .opt_level = 2 };
    char out[160], got[160], text[4000];
    snprintf(out, sizeof out, "%s/out", fx->dir);
    snprintf(got, sizeof got, "%s/got", fx->dir);
    memset(text, 'x', sizeof text - 1);
    text[sizeof text - 1] = '\0';

    key_of(&c, &o, "A", fx->lib);
    char ka[65];
    memcpy(ka, c.key, sizeof ka);
    assert_int_equal(xlat_cache_fetch(&c, got), 0); /* empty: a miss */
    text[0] = 'A';
    write_file(out, text);
    assert_int_equal(xlat_cache_store(&c, out, err, sizeof err), 0);
    assert_int_equal(xlat_cache_fetch(&c, got), 1);
    FILE *f = fopen(got, "r");
    assert_non_null(f);
    char back[4000] = "";
    assert_non_null(fgets(back, sizeof back, f));
    fclose(f);
    assert_string_equal(back, text);
    struct stat st;
    assert_int_equal(stat(got, &st), 0);
    assert_true(st.st_mode & S_IXUSR); /* an executable, as the linker makes it */

    /* B and C (4000 bytes each, 4 KiB on disk) after A: 12 KiB > 10 KiB, so the least
     * recently used goes.  A was fetched after B was stored, so B goes. */
    key_of(&c, &o, "B", fx->lib);
    char kb[65];
    memcpy(kb, c.key, sizeof kb);
    text[0] = 'B';
    write_file(out, text);
    assert_int_equal(xlat_cache_store(&c, out, err, sizeof err), 0);
    sleep(1); /* mtime order even on file systems with coarse timestamps */
    memcpy(c.key, ka, sizeof ka);
    assert_int_equal(xlat_cache_fetch(&c, got), 1);
    sleep(1);
    key_of(&c, &o, "C", fx->lib);
    text[0] = 'C';
    write_file(out, text);
    assert_int_equal(xlat_cache_store(&c, out, err, sizeof err), 0);
    assert_int_equal(xlat_cache_fetch(&c, got), 1);  /* C: just stored */
    memcpy(c.key, ka, sizeof ka);
    assert_int_equal(xlat_cache_fetch(&c, got), 1);  /* A: used recently */
    memcpy(c.key, kb, sizeof kb);
    assert_int_equal(xlat_cache_fetch(&c, got), 0);  /* B: evicted */

    /* an output larger than the whole cache is not stored */
    setenv("FVP_CACHE_SIZE", "1K", 1);
    assert_int_equal(xlat_cache_open(&c, err, sizeof err), 1);
    key_of(&c, &o, "D", fx->lib);
    assert_int_equal(xlat_cache_store(&c, out, err, sizeof err), -EFBIG);
    assert_non_null(strstr(err, "larger than FVP_CACHE_SIZE"));
    assert_int_equal(xlat_cache_fetch(&c, got), 0);
    unsetenv("FVP_CACHE_SIZE");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_vectors),
        cmocka_unit_test(test_parse_size),
        cmocka_unit_test_setup_teardown(test_key_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_settings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_fetch_evict, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests for runtime/loader.c: loads real RV64 programs built with the
 * cross toolchain (static glibc hello, a freestanding static-pie), compares
 * every segment with the file bytes, checks entry / bias / AT_PHDR / brk and
 * the initial stack (argc, argv, envp, auxv, AT_RANDOM, alignment), and
 * refuses dynamically linked and malformed programs.
 *
 * Programs are built on demand under build/riscv/; without
 * riscv64-linux-gnu-gcc the tests that need them SKIP with a reason.
 * Run from the repository root.
 */
#include <elf.h>
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
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/guestmem.h"
#include "runtime/loader.h"
#include "runtime/process.h"

#define PG GUEST_PAGE_SIZE
#define HELLO "build/riscv/hello"
#define HELLO_PIE "build/riscv/hello-pie"
#define HELLO_DYN "build/riscv/hello-dyn"
#define RV_CC "riscv64-linux-gnu-gcc"

/* A freestanding static-pie: the cross glibc ships no rcrt1.o, so
 * `gcc -static-pie hello.c` cannot link here.  Position independent, no
 * relocations, a .data and a .bss. */
static const char pie_source[] =
    "static const char msg[] = \"hello from static-pie\\n\";\n"
    "long data_word = 0x1122334455667788;\n"
    "static long counter[600];\n"
    "void _start(void)\n"
    "{\n"
    "    register long a0 __asm__(\"a0\") = 1;\n"
    "    register long a1 __asm__(\"a1\") = (long)msg;\n"
    "    register long a2 __asm__(\"a2\") = sizeof msg - 1;\n"
    "    register long a7 __asm__(\"a7\") = 64;\n"
    "    counter[599] = data_word;\n"
    "    __asm__ volatile(\"ecall\" : \"+r\"(a0) : \"r\"(a1), \"r\"(a2), \"r\"(a7) : \"memory\");\n"
    "    a0 = 0;\n"
    "    a7 = 93;\n"
    "    __asm__ volatile(\"ecall\" : \"+r\"(a0) : \"r\"(a7));\n"
    "    for (;;) {}\n"
    "}\n";

static bool have_cc(void)
{
    return system(RV_CC " --version >/dev/null 2>&1") == 0;
}

static bool file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Builds out unless it exists, with the command fmt whose %s is the output
 * (built under a temporary name and renamed, so parallel runs of this test
 * never see half a file); false with a printed reason when impossible. */
static bool ensure_built_q(const char *out, const char *fmt, bool quiet)
{
    if (file_exists(out))
        return true;
    if (!have_cc()) {
        print_message("no " RV_CC ": cannot build %s\n", out);
        return false;
    }
    char tmp[256], cmd[1024];
    snprintf(tmp, sizeof tmp, "%s.tmp%d", out, (int)getpid());
    snprintf(cmd, sizeof cmd, fmt, tmp);
    mkdir("build", 0777);
    mkdir("build/riscv", 0777);
    if (system(cmd) != 0 || rename(tmp, out) != 0) {
        unlink(tmp);
        if (!quiet)
            print_message("cannot build %s with: %s\n", out, cmd);
        return false;
    }
    return true;
}

static bool ensure_built(const char *out, const char *fmt)
{
    return ensure_built_q(out, fmt, false);
}

static bool ensure_hello(void)
{
    return ensure_built(HELLO, RV_CC " -O2 -static testsuite/programs/hello.c -o %s");
}

static bool ensure_pie(void)
{
    if (file_exists(HELLO_PIE))
        return true;
    if (!have_cc()) {
        print_message("no " RV_CC ": cannot build " HELLO_PIE "\n");
        return false;
    }
    /* a real glibc static-pie when the cross libc supports it */
    if (ensure_built_q(HELLO_PIE, RV_CC " -O2 -static-pie testsuite/programs/hello.c -o %s"
                                  " >/dev/null 2>&1", true))
        return true;
    char src[256];
    snprintf(src, sizeof src, "build/riscv/hello-pie-%d.c", (int)getpid());
    mkdir("build", 0777);
    mkdir("build/riscv", 0777);
    FILE *f = fopen(src, "w");
    if (!f)
        return false;
    fputs(pie_source, f);
    fclose(f);
    char fmt[512];
    snprintf(fmt, sizeof fmt, RV_CC " -O2 -fPIE -static-pie -nostdlib -ffreestanding "
             "-Wl,--no-dynamic-linker %s -o %%s", src);
    bool ok = ensure_built(HELLO_PIE, fmt);
    unlink(src);
    return ok;
}

/* ---- the file, parsed independently of the loader -------------------------- */

typedef struct FileImage {
    uint8_t *b;
    size_t len;
    const Elf64_Ehdr *eh;
    const Elf64_Phdr *ph;
} FileImage;

static void file_load(FileImage *fi, const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long len = ftell(f);
    assert_true(len > (long)sizeof(Elf64_Ehdr));
    rewind(f);
    fi->b = malloc((size_t)len);
    assert_non_null(fi->b);
    assert_int_equal(fread(fi->b, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    fi->len = (size_t)len;
    fi->eh = (const Elf64_Ehdr *)fi->b;
    fi->ph = (const Elf64_Phdr *)(fi->b + fi->eh->e_phoff);
}

static void file_write(const FileImage *fi, const char *path)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(fi->b, 1, fi->len, f), fi->len);
    fclose(f);
}

static Process *proc_new(void)
{
    Process *p = NULL;
    assert_int_equal(process_new(&p), 0);
    return p;
}

static void proc_free(Process *p)
{
    process_free(p);
}

/* Checks everything the loader promised about a loaded file. */
static void check_loaded(const Process *p, const FileImage *fi, uint64_t want_bias)
{
    const GuestMem *m = p->mem;
    assert_int_equal(p->load_bias, want_bias);
    assert_int_equal(p->entry, fi->eh->e_entry + want_bias);
    assert_int_equal(p->phnum, fi->eh->e_phnum);
    assert_int_equal(p->phent, sizeof(Elf64_Phdr));
    /* AT_PHDR points at a copy of the program header table */
    uint8_t *tab = malloc(fi->eh->e_phnum * sizeof(Elf64_Phdr));
    assert_int_equal(guest_read(m, tab, p->phdr_addr, fi->eh->e_phnum * sizeof(Elf64_Phdr)), 0);
    assert_memory_equal(tab, fi->ph, fi->eh->e_phnum * sizeof(Elf64_Phdr));
    free(tab);

    uint64_t hi = 0;
    for (int i = 0; i < fi->eh->e_phnum; i++) {
        const Elf64_Phdr *ph = &fi->ph[i];
        if (ph->p_type != PT_LOAD)
            continue;
        uint64_t va = ph->p_vaddr + want_bias;
        int prot = ((ph->p_flags & PF_R) ? PROT_READ : 0) | ((ph->p_flags & PF_W) ? PROT_WRITE : 0) |
                   ((ph->p_flags & PF_X) ? PROT_EXEC : 0);
        /* file bytes are there, bss is zero: read through the host
         * pointer (an executable page is readable by the runtime). */
        assert_true(guestmem_check(m, va, ph->p_memsz, prot));
        assert_memory_equal(g2h(m, va), fi->b + ph->p_offset, ph->p_filesz);
        const uint8_t *bss = g2h(m, va + ph->p_filesz);
        for (uint64_t k = 0; k < ph->p_memsz - ph->p_filesz; k++)
            if (bss[k] != 0)
                fail_msg("bss byte %llu of segment %d is %u", (unsigned long long)k, i, bss[k]);
        const GuestVma *v = guestmem_find_vma(m, va);
        assert_non_null(v);
        if (!(prot & PROT_WRITE)) {   /* read-only really is read-only */
            uint8_t x = 0;
            assert_int_equal(guest_write((GuestMem *)m, va, &x, 1), -EFAULT);
        }
        if (va + ph->p_memsz > hi)
            hi = va + ph->p_memsz;
    }
    assert_int_equal(m->brk_start, (hi + PG - 1) & ~(PG - 1));
    assert_int_equal(m->brk_cur, m->brk_start);
    assert_true(m->brk_max > m->brk_start);
    assert_null(guestmem_find_vma(m, m->brk_start));
    assert_int_equal(p->cpu.mem_base, (uintptr_t)m->base);
    assert_int_equal(p->cpu.mem_limit, m->limit);
    assert_int_equal(p->cpu.res_addr, RV_NO_RES);
    assert_int_equal(p->cpu.proc, (uintptr_t)p);
    assert_true(p->exe_realpath[0] == '/');
}

static void test_load_static(void **state)
{
    (void)state;
    if (!ensure_hello())
        skip();
    FileImage fi;
    file_load(&fi, HELLO);
    assert_int_equal(fi.eh->e_type, ET_EXEC);
    Process *p = proc_new();
    char err[256] = "";
    int r = loader_load_elf(p, HELLO, err, sizeof err);
    if (r != 0)
        fail_msg("load: %d %s", r, err);
    check_loaded(p, &fi, 0);
    assert_non_null(strstr(p->exe_realpath, "/build/riscv/hello"));
    proc_free(p);
    free(fi.b);
}

static void test_load_static_pie(void **state)
{
    (void)state;
    if (!ensure_pie())
        skip();
    FileImage fi;
    file_load(&fi, HELLO_PIE);
    assert_int_equal(fi.eh->e_type, ET_DYN);
    Process *p = proc_new();
    char err[256] = "";
    int r = loader_load_elf(p, HELLO_PIE, err, sizeof err);
    if (r != 0)
        fail_msg("load: %d %s", r, err);
    uint64_t first = ~0ull;
    for (int i = 0; i < fi.eh->e_phnum; i++)
        if (fi.ph[i].p_type == PT_LOAD && fi.ph[i].p_vaddr < first)
            first = fi.ph[i].p_vaddr;
    check_loaded(p, &fi, GUEST_PIE_BASE - (first & ~(PG - 1)));
    proc_free(p);
    free(fi.b);
}

/* ---- the initial stack --------------------------------------------------------- */

static uint64_t rd64(const GuestMem *m, uint64_t a)
{
    uint64_t v = 0;
    assert_int_equal(guest_read(m, &v, a, 8), 0);
    return v;
}

static void test_stack_layout(void **state)
{
    (void)state;
    if (!ensure_hello())
        skip();
    Process *p = proc_new();
    char err[256] = "";
    assert_int_equal(loader_load_elf(p, HELLO, err, sizeof err), 0);
    p->exe_path = HELLO;
    char *argv[] = { "hello", "with space", "", "last", NULL };
    char *envp[] = { "A=1", "PATH=/bin:/usr/bin", "EMPTY=", NULL };
    p->cpu.x[5] = 77;
    p->cpu.f[3] = 99;
    assert_int_equal(loader_setup_stack(p, 4, argv, envp, err, sizeof err), 0);
    const GuestMem *m = p->mem;
    uint64_t sp = p->cpu.x[2];
    assert_int_equal(sp % 16, 0);
    assert_int_equal(p->cpu.pc, p->entry);
    assert_int_equal(p->cpu.x[5], 0);
    assert_int_equal(p->cpu.f[3], 0);
    assert_int_equal(p->cpu.x[0], 0);
    const GuestVma *sv = guestmem_find_vma(m, sp);
    assert_non_null(sv);
    assert_string_equal(sv->name, "[stack]");
    assert_int_equal(sv->end, GUEST_STACK_TOP);
    assert_int_equal(sv->prot, PROT_READ | PROT_WRITE);

    char s[256];
    uint64_t a = sp;
    assert_int_equal(rd64(m, a), 4);
    a += 8;
    for (int i = 0; i < 4; i++, a += 8) {
        assert_int_equal(guest_read_str(m, s, rd64(m, a), sizeof s), 0);
        assert_string_equal(s, argv[i]);
    }
    assert_int_equal(rd64(m, a), 0);
    a += 8;
    for (int i = 0; i < 3; i++, a += 8) {
        assert_int_equal(guest_read_str(m, s, rd64(m, a), sizeof s), 0);
        assert_string_equal(s, envp[i]);
    }
    assert_int_equal(rd64(m, a), 0);
    a += 8;

    uint64_t av[64] = { 0 };
    bool seen[64] = { false };
    for (int n = 0;; n++, a += 16) {
        assert_true(n < 40);
        uint64_t k = rd64(m, a), v = rd64(m, a + 8);
        if (k == AT_NULL)
            break;
        assert_true(k < 64);
        assert_false(seen[k]);   /* each once */
        seen[k] = true;
        av[k] = v;
    }
    const struct { unsigned key; uint64_t want; } fixed[] = {
        { AT_PHDR, p->phdr_addr }, { AT_PHENT, sizeof(Elf64_Phdr) }, { AT_PHNUM, p->phnum },
        { AT_PAGESZ, 4096 }, { AT_BASE, 0 }, { AT_FLAGS, 0 }, { AT_ENTRY, p->entry },
        { AT_UID, getuid() }, { AT_EUID, geteuid() }, { AT_GID, getgid() },
        { AT_EGID, getegid() }, { AT_SECURE, 0 }, { AT_CLKTCK, 100 },
        /* I M A F D C: bits 8 12 0 5 3 2 */
        { AT_HWCAP, (1u << 8) | (1u << 12) | (1u << 0) | (1u << 5) | (1u << 3) | (1u << 2) },
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (!seen[fixed[i].key] || av[fixed[i].key] != fixed[i].want)
            fail_msg("auxv %u: seen %d value 0x%llx want 0x%llx", fixed[i].key,
                     seen[fixed[i].key], (unsigned long long)av[fixed[i].key],
                     (unsigned long long)fixed[i].want);
    }
    assert_true(seen[AT_RANDOM] && seen[AT_EXECFN] && seen[AT_PLATFORM]);
    uint8_t rnd[16], zero[16] = { 0 };
    assert_int_equal(guest_read(m, rnd, av[AT_RANDOM], 16), 0);
    assert_true(memcmp(rnd, zero, 16) != 0);
    assert_true(av[AT_RANDOM] > a);   /* above the tables */
    assert_int_equal(guest_read_str(m, s, av[AT_EXECFN], sizeof s), 0);
    assert_string_equal(s, HELLO);
    assert_int_equal(guest_read_str(m, s, av[AT_PLATFORM], sizeof s), 0);
    assert_string_equal(s, "riscv64");
    /* everything lies inside the stack mapping, below its top */
    assert_true(av[AT_EXECFN] + strlen(HELLO) + 1 <= GUEST_STACK_TOP);
    proc_free(p);
}

static void test_stack_empty_and_huge(void **state)
{
    (void)state;
    Process *p = proc_new();
    char err[256] = "";
    p->entry = 0x10000;
    p->exe_path = "prog";
    /* no arguments, no environment */
    assert_int_equal(loader_setup_stack(p, 0, (char *[]){ NULL }, (char *[]){ NULL }, err,
                                        sizeof err), 0);
    assert_int_equal(p->cpu.x[2] % 16, 0);
    assert_int_equal(rd64(p->mem, p->cpu.x[2]), 0);
    proc_free(p);

    /* arguments bigger than the stack allows: E2BIG, no crash */
    p = proc_new();
    p->exe_path = "prog";
    size_t big = 1 << 20;
    char *s = malloc(big);
    memset(s, 'a', big - 1);
    s[big - 1] = 0;
    char *argv[] = { s, s, s, NULL };
    assert_int_equal(loader_setup_stack(p, 3, argv, (char *[]){ NULL }, err, sizeof err), -E2BIG);
    assert_true(err[0] != 0);
    free(s);
    proc_free(p);
}

/* ---- refusals ----------------------------------------------------------------- */

static void expect_refused(const char *path, const char *why)
{
    Process *p = proc_new();
    char err[512] = "";
    int r = loader_load_elf(p, path, err, sizeof err);
    if (r >= 0 || !strstr(err, why))
        fail_msg("%s: got %d \"%s\", want an error with \"%s\"", path, r, err, why);
    proc_free(p);
}

static void test_refuse_dynamic(void **state)
{
    (void)state;
    if (!have_cc() ||
        !ensure_built(HELLO_DYN, RV_CC " -O2 testsuite/programs/hello.c -o %s")) {
        print_message("no cross compiler or shared cross libc\n");
        skip();
    }
    expect_refused(HELLO_DYN, "dynamically linked programs are not supported yet (PT_INTERP)");
}

/* A copy of hello with one program header patched by edit. */
typedef void (*PhdrEdit)(FileImage *fi);

static void patched_copy(const char *out, PhdrEdit edit)
{
    FileImage fi;
    file_load(&fi, HELLO);
    edit(&fi);
    file_write(&fi, out);
    free(fi.b);
}

static Elf64_Phdr *find_ph(FileImage *fi, uint32_t type, int nth)
{
    Elf64_Phdr *ph = (Elf64_Phdr *)(fi->b + fi->eh->e_phoff);
    for (int i = 0; i < fi->eh->e_phnum; i++)
        if (ph[i].p_type == type && nth-- == 0)
            return &ph[i];
    fail_msg("no program header of type %u", type);
    return NULL;
}

static void edit_interp(FileImage *fi)
{
    /* turn PT_GNU_STACK into a PT_INTERP naming a string in the file */
    Elf64_Phdr *ph = find_ph(fi, PT_GNU_STACK, 0);
    ph->p_type = PT_INTERP;
    ph->p_offset = 0x200;
    ph->p_filesz = ph->p_memsz = 8;
}

static void edit_outside(FileImage *fi)
{
    Elf64_Phdr *ph = find_ph(fi, PT_LOAD, 1);
    ph->p_vaddr = ph->p_paddr = GUEST_SPACE_SIZE + (ph->p_vaddr & (PG - 1));
}

static void edit_wrap(FileImage *fi)
{
    Elf64_Phdr *ph = find_ph(fi, PT_LOAD, 1);
    ph->p_vaddr = ph->p_paddr = 0xffff000000000000ull + (ph->p_vaddr & (PG - 1));
}

static void edit_huge_bss(FileImage *fi)
{
    find_ph(fi, PT_LOAD, 1)->p_memsz = 1ull << 40;
}

static void edit_page_zero(FileImage *fi)
{
    Elf64_Phdr *ph = find_ph(fi, PT_LOAD, 0);
    ph->p_vaddr = ph->p_paddr = 0;
}

static void test_refuse_patched(void **state)
{
    (void)state;
    if (!ensure_hello())
        skip();
    const struct { const char *out; PhdrEdit edit; const char *why; } cases[] = {
        { "build/riscv/hello-interp", edit_interp, "(PT_INTERP)" },
        { "build/riscv/hello-outside", edit_outside, "outside the guest address space" },
        { "build/riscv/hello-wrap", edit_wrap, "outside the guest address space" },
        { "build/riscv/hello-hugebss", edit_huge_bss, "outside the guest address space" },
        { "build/riscv/hello-page0", edit_page_zero, "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[256];
        snprintf(out, sizeof out, "%s-%d", cases[i].out, (int)getpid());
        patched_copy(out, cases[i].edit);
        expect_refused(out, cases[i].why);
        unlink(out);
    }
}

static void test_refuse_bad_files(void **state)
{
    (void)state;
    expect_refused("build/riscv/does-not-exist", "does-not-exist");
    char junk[64];
    snprintf(junk, sizeof junk, "build/test_loader_junk%d.txt", (int)getpid());
    mkdir("build", 0777);
    FILE *f = fopen(junk, "w");
    assert_non_null(f);
    fputs("#!/bin/sh\necho not an ELF\n", f);
    fclose(f);
    expect_refused(junk, junk);
    unlink(junk);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_static),
        cmocka_unit_test(test_load_static_pie),
        cmocka_unit_test(test_stack_layout),
        cmocka_unit_test(test_stack_empty_and_huge),
        cmocka_unit_test(test_refuse_dynamic),
        cmocka_unit_test(test_refuse_patched),
        cmocka_unit_test(test_refuse_bad_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

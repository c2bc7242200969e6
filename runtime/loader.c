/*
 * Loader (contract: runtime/loader.h): maps a static or static-pie RV64
 * Linux ELF into guest memory and builds the initial stack the way the Linux
 * kernel does (fs/binfmt_elf.c load_elf_binary / create_elf_tables).
 *
 * The PT_LOAD segments come from lifter/elf/elfimage.h, which has already
 * checked them against the file and for overlap; the program header table
 * itself (PT_INTERP, PT_PHDR, e_phoff) is read here, from the file or from
 * the memory image a translated program carries (LoadSrc).
 */
#include "runtime/loader.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf/elfimage.h"

#define LOADER_MIN_ADDR 0x10000ull   /* Linux vm.mmap_min_addr default */
#define PAGE_DOWN(a) ((a) & ~(GUEST_PAGE_SIZE - 1))
#define PAGE_UP(a) (((a) + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1))

static int load_fail(char *err, size_t errlen, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int load_fail(char *err, size_t errlen, int rc, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return rc;
}

static int prot_of(uint32_t pflags)
{
    return ((pflags & PF_R) ? PROT_READ : 0) | ((pflags & PF_W) ? PROT_WRITE : 0) |
           ((pflags & PF_X) ? PROT_EXEC : 0);
}

/* The program header facts elfimage does not give: e_phoff/e_phnum/
 * e_phentsize, PT_INTERP, PT_PHDR. */
typedef struct PhdrInfo {
    uint64_t phoff;
    uint16_t phnum, phentsize;
    bool has_interp, has_phdr;
    bool exec_stack;       /* PT_GNU_STACK asks for PF_X (gcc nested-function trampolines) */
    uint64_t phdr_vaddr;
} PhdrInfo;

/* Where the ELF bytes come from: a file (pread) or a memory image. */
typedef struct LoadSrc {
    int fd;                /* -1 for a memory image */
    const uint8_t *buf;
    uint64_t size;         /* file or image size */
} LoadSrc;

/* Reads up to len bytes at off (fewer at the end).  Bytes read or -errno. */
static int64_t src_read(const LoadSrc *src, void *dst, uint64_t len, uint64_t off)
{
    if (src->fd < 0) {
        if (off >= src->size)
            return 0;
        if (len > src->size - off)
            len = src->size - off;
        memcpy(dst, src->buf + off, len);
        return (int64_t)len;
    }
    for (;;) {
        ssize_t n = pread(src->fd, dst, len > (1u << 30) ? (1u << 30) : len, (off_t)off);
        if (n >= 0)
            return n;
        if (errno != EINTR)
            return -errno;
    }
}

/* Reads exactly len bytes at off: 0, or -EIO when short. */
static int src_read_all(const LoadSrc *src, void *dst, uint64_t len, uint64_t off)
{
    int64_t n = src_read(src, dst, len, off);
    if (n < 0)
        return (int)n;
    return (uint64_t)n == len ? 0 : -EIO;
}

static int read_phdrs(const LoadSrc *src, PhdrInfo *out, const char *path, char *err,
                      size_t errlen)
{
    Elf64_Ehdr eh;
    memset(out, 0, sizeof *out);
    if (src_read_all(src, &eh, sizeof eh, 0) != 0)
        return load_fail(err, errlen, -EINVAL, "%s: truncated ELF header", path);
    if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_RISCV)
        return load_fail(err, errlen, -EINVAL, "%s: not an RV64 (EM_RISCV ELF64) program", path);
    if (eh.e_phnum == 0 || eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phoff > src->size ||
        (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr) > src->size - eh.e_phoff)
        return load_fail(err, errlen, -EINVAL, "%s: bad program header table", path);
    out->phoff = eh.e_phoff;
    out->phnum = eh.e_phnum;
    out->phentsize = eh.e_phentsize;
    for (uint16_t i = 0; i < eh.e_phnum; i++) {
        Elf64_Phdr ph;
        if (src_read_all(src, &ph, sizeof ph, eh.e_phoff + (uint64_t)i * sizeof ph) != 0)
            return load_fail(err, errlen, -EIO, "%s: cannot read program headers", path);
        if (ph.p_type == PT_INTERP)
            out->has_interp = true;
        if (ph.p_type == PT_GNU_STACK)
            out->exec_stack = (ph.p_flags & PF_X) != 0;
        if (ph.p_type == PT_PHDR && !out->has_phdr) {
            out->has_phdr = true;
            out->phdr_vaddr = ph.p_vaddr;
        }
    }
    return 0;
}

/* Copies source bytes [off, off+len) to guest addr (a RW mapping), stopping
 * at the end of the source. */
static int copy_src(Process *p, const LoadSrc *src, uint64_t off, uint64_t addr, uint64_t len)
{
    uint8_t *dst = g2h(p->mem, addr);
    while (len > 0) {
        int64_t n = src_read(src, dst, len, off);
        if (n < 0)
            return (int)n;
        if (n == 0)
            break;
        dst += n;
        off += (uint64_t)n;
        len -= (uint64_t)n;
    }
    return 0;
}

/* Union of the permissions of every segment touching page pg. */
static int page_prot(const ElfSegment *const *seg, size_t n, uint64_t bias, uint64_t pg)
{
    int prot = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t s = PAGE_DOWN(seg[i]->vaddr + bias), e = PAGE_UP(seg[i]->vaddr + bias + seg[i]->memsz);
        if (pg >= s && pg < e)
            prot |= prot_of(seg[i]->flags);
    }
    return prot;
}

static int cmp_seg(const void *a, const void *b)
{
    const ElfSegment *x = *(const ElfSegment *const *)a, *y = *(const ElfSegment *const *)b;
    return x->vaddr < y->vaddr ? -1 : x->vaddr > y->vaddr;
}

/* Maps the sorted segments: first all pages RW and zero, then the file
 * bytes as the kernel's page-granular file mappings would show them, then
 * each page's final protection (the union where segments share a page). */
static int map_segments(Process *p, const LoadSrc *src, const ElfSegment *const *seg, size_t n,
                        uint64_t bias, const char *name, const char *path, char *err,
                        size_t errlen)
{
    GuestMem *m = p->mem;
    uint64_t mapped_end = 0;
    int r;
    for (size_t i = 0; i < n; i++) {
        uint64_t s = PAGE_DOWN(seg[i]->vaddr + bias), e = PAGE_UP(seg[i]->vaddr + bias + seg[i]->memsz);
        if (s < mapped_end)
            s = mapped_end;
        if (s < e) {
            r = guestmem_map(m, s, e - s, PROT_READ | PROT_WRITE, MAP_PRIVATE, name);
            if (r < 0)
                return load_fail(err, errlen, r, "%s: cannot map segment at 0x%llx: %s", path,
                                 (unsigned long long)s, strerror(-r));
            mapped_end = e;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const ElfSegment *sg = seg[i];
        uint64_t va = sg->vaddr + bias, pre = va & (GUEST_PAGE_SIZE - 1);
        if (sg->filesz == 0)
            continue;
        /* binfmt_elf maps from the page-aligned file offset: the bytes
         * before vaddr in its first page are file bytes too. */
        uint64_t len = pre <= sg->offset ? pre + sg->filesz : sg->filesz;
        uint64_t from = va + sg->filesz - len;
        r = copy_src(p, src, sg->offset + sg->filesz - len, from, len);
        if (r == 0 && sg->memsz == sg->filesz) {
            /* no bss: the rest of the last page also shows the file */
            uint64_t end = va + sg->filesz;
            r = copy_src(p, src, sg->offset + sg->filesz, end, PAGE_UP(end) - end);
        }
        if (r < 0)
            return load_fail(err, errlen, r, "%s: read: %s", path, strerror(-r));
    }
    /* The bss part of each segment's last file page must be zero even when
     * a later segment's page copy wrote file bytes there (binfmt_elf padzero). */
    for (size_t i = 0; i < n; i++) {
        const ElfSegment *sg = seg[i];
        if (sg->memsz > sg->filesz) {
            uint64_t z = sg->vaddr + bias + sg->filesz;
            uint64_t ze = sg->vaddr + bias + sg->memsz;
            if (PAGE_UP(z) < ze)
                ze = PAGE_UP(z);
            memset(g2h(m, z), 0, ze - z);
        }
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t s = PAGE_DOWN(seg[i]->vaddr + bias), e = PAGE_UP(seg[i]->vaddr + bias + seg[i]->memsz);
        int own = prot_of(seg[i]->flags);
        if (s == e)
            continue;
        r = guestmem_protect(m, s, e - s, own);
        if (r == 0)
            r = guestmem_protect(m, s, GUEST_PAGE_SIZE, page_prot(seg, n, bias, s));
        if (r == 0 && e - GUEST_PAGE_SIZE != s)
            r = guestmem_protect(m, e - GUEST_PAGE_SIZE, GUEST_PAGE_SIZE,
                                 page_prot(seg, n, bias, e - GUEST_PAGE_SIZE));
        if (r < 0)
            return load_fail(err, errlen, r, "%s: mprotect: %s", path, strerror(-r));
    }
    return 0;
}

/* Loads the opened image img whose bytes src gives; path names it in
 * messages, vma_name in the VMA list.  Does not set p->exe_realpath. */
static int load_image(Process *p, const ElfImage *img, const LoadSrc *src, const char *path,
                      const char *vma_name, char *err, size_t errlen)
{
    const ElfSegment **seg = NULL;
    int r;

    if (elfimage_member_count(img) > 0) {
        r = load_fail(err, errlen, -EINVAL, "%s: an archive, not a program", path);
        goto out;
    }
    uint16_t type = elfimage_type(img);
    if (type != ET_EXEC && type != ET_DYN) {
        r = load_fail(err, errlen, -EINVAL, "%s: not an executable (ELF type %u)", path, type);
        goto out;
    }
    PhdrInfo ph;
    r = read_phdrs(src, &ph, path, err, errlen);
    if (r < 0)
        goto out;
    if (ph.has_interp) {
        r = load_fail(err, errlen, -ENOEXEC,
                      "%s: dynamically linked programs are not supported yet (PT_INTERP)", path);
        goto out;
    }
    size_t n = elfimage_segment_count(img);
    if (n == 0) {
        r = load_fail(err, errlen, -EINVAL, "%s: no loadable segments", path);
        goto out;
    }
    seg = calloc(n, sizeof *seg);
    if (!seg) {
        r = load_fail(err, errlen, -ENOMEM, "%s: out of memory", path);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        seg[i] = elfimage_segment(img, i);
    qsort(seg, n, sizeof *seg, cmp_seg);

    uint64_t bias = type == ET_DYN ? GUEST_PIE_BASE - PAGE_DOWN(seg[0]->vaddr) : 0;
    uint64_t hi = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t va = seg[i]->vaddr + bias;
        /* Segments live below the mmap area and the stack. */
        if (va < seg[i]->vaddr || PAGE_DOWN(va) < LOADER_MIN_ADDR || va > GUEST_MMAP_TOP ||
            seg[i]->memsz > GUEST_MMAP_TOP - va || PAGE_UP(va + seg[i]->memsz) > GUEST_MMAP_TOP) {
            r = load_fail(err, errlen, -EINVAL,
                          "%s: segment at 0x%llx (size 0x%llx) lies outside the guest address space",
                          path, (unsigned long long)seg[i]->vaddr, (unsigned long long)seg[i]->memsz);
            goto out;
        }
        if (seg[i]->filesz > seg[i]->memsz) {
            r = load_fail(err, errlen, -EINVAL, "%s: segment file size exceeds its memory size",
                          path);
            goto out;
        }
        if (va + seg[i]->memsz > hi)
            hi = va + seg[i]->memsz;
    }
    uint64_t entry = elfimage_entry(img) + bias;

    r = map_segments(p, src, seg, n, bias, vma_name, path, err, errlen);
    if (r < 0)
        goto out;

    /* AT_PHDR: PT_PHDR, else the segment whose file bytes hold e_phoff. */
    uint64_t phdr = 0;
    if (ph.has_phdr) {
        phdr = ph.phdr_vaddr + bias;
    } else {
        for (size_t i = 0; i < n; i++) {
            if (ph.phoff >= seg[i]->offset && ph.phoff - seg[i]->offset < seg[i]->filesz) {
                phdr = seg[i]->vaddr + (ph.phoff - seg[i]->offset) + bias;
                break;
            }
        }
        if (!phdr)   /* binfmt_elf: load_addr + e_phoff */
            phdr = seg[0]->vaddr - seg[0]->offset + ph.phoff + bias;
    }

    p->entry = entry;
    p->load_bias = bias;
    p->phdr_addr = phdr;
    p->exec_stack = ph.exec_stack;
    p->phnum = ph.phnum;
    p->phent = ph.phentsize;
    p->mem->brk_start = p->mem->brk_cur = PAGE_UP(hi);
    p->mem->brk_max = p->mem->mmap_top;
    p->cpu.mem_base = (uintptr_t)p->mem->base;
    p->cpu.mem_limit = p->mem->limit;
    p->cpu.res_addr = RV_NO_RES;
    p->cpu.proc = (uintptr_t)p;
    r = 0;
out:
    free(seg);
    return r;
}

static const char *path_base(const char *path)
{
    const char *base = strrchr(path, '/');
    return base ? base + 1 : path;
}

int loader_load_elf(Process *p, const char *path, char *err, size_t errlen)
{
    ElfImage *img = NULL;
    int r = elfimage_open(path, &img, err, errlen);
    if (r < 0)
        return r;
    LoadSrc src = { .fd = open(path, O_RDONLY | O_CLOEXEC) };
    struct stat st;
    if (src.fd < 0 || fstat(src.fd, &st) < 0) {
        r = load_fail(err, errlen, -errno, "%s: %s", path, strerror(errno));
        goto out;
    }
    src.size = (uint64_t)st.st_size;
    if (!realpath(path, p->exe_realpath))
        snprintf(p->exe_realpath, sizeof p->exe_realpath, "%s", path);
    r = load_image(p, img, &src, path, path_base(path), err, errlen);
out:
    if (src.fd >= 0)
        close(src.fd);
    elfimage_free(img);
    return r;
}

int loader_load_elf_mem(Process *p, const void *buf, size_t len, const char *name,
                        const char *exe_realpath, char *err, size_t errlen)
{
    ElfImage *img = NULL;
    int r = elfimage_open_mem(buf, len, name, &img, err, errlen);
    if (r < 0)
        return r;
    LoadSrc src = { .fd = -1, .buf = buf, .size = len };
    snprintf(p->exe_realpath, sizeof p->exe_realpath, "%s", exe_realpath ? exe_realpath : name);
    r = load_image(p, img, &src, name, path_base(name), err, errlen);
    elfimage_free(img);
    return r;
}


/* ---- the initial stack ------------------------------------------------------ */

/* RISC-V hwcap: one bit per single-letter extension (Linux
 * arch/riscv/include/uapi/asm/hwcap.h COMPAT_HWCAP_ISA_*). */
#define HWCAP_ISA(c) (1ull << ((c) - 'A'))
#define LOADER_HWCAP (HWCAP_ISA('I') | HWCAP_ISA('M') | HWCAP_ISA('A') | HWCAP_ISA('F') | \
                      HWCAP_ISA('D') | HWCAP_ISA('C'))

typedef struct StackBuilder {
    Process *p;
    uint64_t sp;      /* grows down */
    uint64_t floor;   /* lowest usable address */
} StackBuilder;

/* Pushes n bytes; returns their guest address or 0 if the stack is full. */
static uint64_t stack_push(StackBuilder *b, const void *data, size_t n)
{
    if (b->sp - b->floor < n)
        return 0;
    b->sp -= n;
    if (guest_write(b->p->mem, b->sp, data, n) < 0)
        return 0;
    return b->sp;
}

int loader_setup_stack(Process *p, int argc, char **argv, char **envp, char *err,
                       size_t errlen)
{
    GuestMem *m = p->mem;
    RvCpu *c = &p->cpu;
    uint64_t lo = GUEST_STACK_TOP - GUEST_STACK_SIZE;
    /* binfmt_elf: PT_GNU_STACK with PF_X makes the stack executable. */
    int prot = PROT_READ | PROT_WRITE | (p->exec_stack ? PROT_EXEC : 0);
    int r = guestmem_map(m, lo, GUEST_STACK_SIZE, prot,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_GROWSDOWN, "[stack]");
    if (r < 0)
        return load_fail(err, errlen, r, "cannot map the stack: %s", strerror(-r));

    /* Linux caps the argument strings at a quarter of the stack limit. */
    StackBuilder b = { .p = p, .sp = GUEST_STACK_TOP, .floor = GUEST_STACK_TOP - GUEST_STACK_SIZE / 4 };
    int envc = 0;
    while (envp && envp[envc])
        envc++;
    if (argc < 0)
        argc = 0;
    uint64_t *argv_g = calloc((size_t)argc + 1, sizeof *argv_g);
    uint64_t *envp_g = calloc((size_t)envc + 1, sizeof *envp_g);
    if (!argv_g || !envp_g) {
        r = load_fail(err, errlen, -ENOMEM, "out of memory");
        goto out;
    }

    /* fs/exec.c: a NULL pointer at the very top, then the file name, the
     * environment and the arguments (the last string highest). */
    static const uint64_t zero = 0;
    const char *execfn = p->exe_path ? p->exe_path : p->exe_realpath;
    uint64_t execfn_g = stack_push(&b, &zero, sizeof zero) ? stack_push(&b, execfn, strlen(execfn) + 1) : 0;
    bool ok = execfn_g != 0;
    for (int i = envc - 1; ok && i >= 0; i--)
        ok = (envp_g[i] = stack_push(&b, envp[i], strlen(envp[i]) + 1)) != 0;
    for (int i = argc - 1; ok && i >= 0; i--)
        ok = (argv_g[i] = stack_push(&b, argv[i], strlen(argv[i]) + 1)) != 0;
    /* create_elf_tables: the platform string, then 16 random bytes. */
    static const char platform[] = "riscv64";
    uint64_t platform_g = ok ? stack_push(&b, platform, sizeof platform) : 0;
    uint8_t rnd[16];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
        for (size_t i = 0; i < sizeof rnd; i++)   /* no getrandom: still unique-ish */
            rnd[i] = (uint8_t)(((uintptr_t)&b >> (i % 8)) ^ (uint64_t)getpid() ^ i * 131u);
    }
    uint64_t random_g = platform_g ? stack_push(&b, rnd, sizeof rnd) : 0;
    if (!random_g) {
        r = load_fail(err, errlen, -E2BIG, "argument list too long");
        goto out;
    }

    uint64_t auxv[][2] = {
        { AT_HWCAP, LOADER_HWCAP },
        { AT_PAGESZ, GUEST_PAGE_SIZE },
        { AT_CLKTCK, 100 },
        { AT_PHDR, p->phdr_addr },
        { AT_PHENT, p->phent },
        { AT_PHNUM, p->phnum },
        { AT_BASE, 0 },
        { AT_FLAGS, 0 },
        { AT_ENTRY, p->entry },
        { AT_UID, getuid() },
        { AT_EUID, geteuid() },
        { AT_GID, getgid() },
        { AT_EGID, getegid() },
        { AT_SECURE, 0 },
        { AT_RANDOM, random_g },
        { AT_EXECFN, execfn_g },
        { AT_PLATFORM, platform_g },
        { AT_NULL, 0 },
    };
    size_t nwords = 1 + (size_t)argc + 1 + (size_t)envc + 1 + sizeof auxv / sizeof(uint64_t);
    if ((b.sp - b.floor) / 8 < nwords + 2) {
        r = load_fail(err, errlen, -E2BIG, "argument list too long");
        goto out;
    }
    uint64_t sp = (b.sp - nwords * 8) & ~15ull;   /* STACK_ROUND */
    uint64_t *tab = calloc(nwords, sizeof *tab);
    if (!tab) {
        r = load_fail(err, errlen, -ENOMEM, "out of memory");
        goto out;
    }
    size_t k = 0;
    tab[k++] = (uint64_t)argc;
    for (int i = 0; i < argc; i++)
        tab[k++] = argv_g[i];
    tab[k++] = 0;
    for (int i = 0; i < envc; i++)
        tab[k++] = envp_g[i];
    tab[k++] = 0;
    memcpy(&tab[k], auxv, sizeof auxv);
    r = guest_write(m, sp, tab, nwords * 8);
    free(tab);
    if (r < 0) {
        r = load_fail(err, errlen, r, "cannot write the initial stack");
        goto out;
    }

    memset(c->x, 0, sizeof c->x);
    memset(c->f, 0, sizeof c->f);
    c->fflags = 0;
    c->frm = 0;
    c->x[2] = sp;
    c->pc = p->entry;
    c->res_addr = RV_NO_RES;
    c->mem_base = (uintptr_t)m->base;
    c->mem_limit = m->limit;
    c->proc = (uintptr_t)p;
    r = 0;
out:
    free(argv_g);
    free(envp_g);
    return r;
}

/*
 * Unit tests for runtime/native.c and the native path of runtime/exec.c:
 * the PC table (hits, collisions, absent PCs, the inline probe), switching native code off
 * when translated code changes (and not when other code does), fence.i with
 * translated code in a writable mapping, the interpreter profile, and
 * exec_run over a hand-assembled guest where some blocks are "translated"
 * (C functions standing in for fvp-xlat output) and the rest interpreted,
 * including traps, host faults and host signals (exit_req) in native code.
 * Also loader_load_elf_mem against loader_load_elf (SKIP without the
 * cross-built build/riscv/hello).  Run from the repository root.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "riscv64/rv64_helpers.h"
#include "runtime/exec.h"
#include "runtime/interp.h"
#include "runtime/loader.h"
#include "runtime/native.h"
#include "runtime/signal.h"
#include "guest_fixture.h"

#define PG GUEST_PAGE_SIZE
#define CODE 0x10000ull        /* the guest program below, R-X */
#define OTHER 0x40000ull       /* somewhere else: JIT-like code */
#define UNMAPPED 0x500000ull   /* never mapped */
#define HELLO "build/riscv/hello"

enum { A0 = 10, A7 = 17 };

/* RISC-V unpriv 20191213 ch. 24 (RV32I/RV64I base opcodes). */
static uint32_t enc_addi(unsigned rd, unsigned rs1, int imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | rd << 7 | 0x13;
}

static uint32_t enc_jal(unsigned rd, int off)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 | ((u >> 11) & 1) << 20 |
           ((u >> 12) & 0xff) << 12 | rd << 7 | 0x6f;
}

#define ECALL 0x00000073u

/*
 * The guest program (exit status 6 when interpreted throughout):
 *   0x10000: addi a0, zero, 5      block A
 *   0x10004: jal  zero, 0x10010
 *   0x10010: addi a0, a0, 1        block B ("translated": native_b adds 100)
 *   0x10014: jal  zero, 0x10020
 *   0x10020: addi a7, zero, 93     block C ("translated": native_c)
 *   0x10024: ecall                 exit(a0)
 *   0x10030: (native_fault: touches unmapped memory)
 */
static void put_program(Process *p)
{
    const struct { uint64_t at; uint32_t insn; } prog[] = {
        { 0x10000, enc_addi(A0, 0, 5) }, { 0x10004, enc_jal(0, 0xc) },
        { 0x10010, enc_addi(A0, A0, 1) }, { 0x10014, enc_jal(0, 0xc) },
        { 0x10020, enc_addi(A7, 0, 93) }, { 0x10024, ECALL },
        { 0x10030, enc_addi(A0, 0, 1) }, { 0x10034, ECALL },
    };
    for (size_t i = 0; i < sizeof prog / sizeof prog[0]; i++)
        memcpy(g2h(p->mem, prog[i].at), &prog[i].insn, 4);
}

/* Stand-ins for translated code (runtime/aot.h contract). */
static uint32_t native_b(RvCpu *c)
{
    assert_int_equal(c->pc, 0x10010);
    c->x[A0] += 100;
    c->instret += 2;
    c->pc = 0x10020;
    return IR_EXIT_JUMP;
}

static uint32_t native_c(RvCpu *c)
{
    c->x[A7] = 93;
    c->instret += 2;
    c->pc = 0x10028;              /* SYSCALL: already past the ecall */
    return IR_EXIT_SYSCALL;
}

static uint32_t native_trap(RvCpu *c)
{
    c->trap_cause = RV_CAUSE_ILLEGAL_INSN;
    c->trap_tval = 0;
    return IR_EXIT_TRAP;          /* c->pc: the trapping instruction */
}

static uint32_t native_fault(RvCpu *c)
{
    c->pc = 0x10030;
    volatile uint8_t *h = (volatile uint8_t *)(uintptr_t)(c->mem_base + UNMAPPED);
    c->x[A0] = *h;                /* host SIGSEGV -> FaultGuard */
    return IR_EXIT_JUMP;
}

/* A translated loop: spins until a host signal sets exit_req, then returns
 * to the dispatcher at the loop header (IR_EXIT_LIMIT). */
static uint32_t native_spin(RvCpu *c)
{
    kill(getpid(), SIGTERM);
    for (unsigned long i = 0; !__atomic_load_n(&c->exit_req, __ATOMIC_RELAXED); i++)
        assert_true(i < 1000000000ul);
    c->pc = 0x10010;
    return IR_EXIT_LIMIT;
}

static uint32_t native_dummy(RvCpu *c)
{
    return (uint32_t)c->pc;
}

static const FvpAotRange code_range[] = { { CODE, CODE + 0x40 } };

static FvpAotModule module_of(const FvpAotEntry *e, size_t n)
{
    FvpAotModule m = {
        .abi_version = FVP_AOT_ABI_VERSION, .image_name = "test",
        .entries = e, .nentries = n, .ranges = code_range, .nranges = 1,
    };
    return m;
}

static int setup(void **state)
{
    Process *p = fixture_process(CODE);
    *state = p;
    if (!p)
        return -1;
    if (guestmem_map(p->mem, CODE, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                     "code") < 0)
        return -1;
    put_program(p);
    if (guestmem_protect(p->mem, CODE, PG, PROT_READ | PROT_EXEC) < 0)
        return -1;
    return 0;
}

/* ---- the table --------------------------------------------------------------- */

/* Stand-ins for leaf entries (only their addresses count). */
static char leaf_marks[64];

/* A table of 64 entries 6 bytes apart from CODE, native_c and native_b in turn; every third
 * has a leaf entry. */
static Native *new_64(Process *p, FvpAotEntry e[64], FvpAotModule *m)
{
    for (size_t i = 0; i < 64; i++)
        e[i] = (FvpAotEntry){ CODE + 6 * i, i % 2 ? native_b : native_c,
                              i % 3 ? NULL : &leaf_marks[i] };
    *m = module_of(e, 64);
    Native *n = native_new(p, m);
    assert_non_null(n);
    return n;
}

static void test_lookup_hits_and_misses(void **state)
{
    Process *p = *state;
    FvpAotEntry e[64];
    FvpAotModule m;
    Native *n = new_64(p, e, &m);
    for (size_t i = 0; i < 64; i++)
        assert_ptr_equal(native_lookup(n, CODE + 6 * i), i % 2 ? native_b : native_c);
    assert_null(native_lookup(n, CODE + 2));
    assert_null(native_lookup(n, 0));
    assert_null(native_lookup(n, UINT64_MAX));
    native_free(n);
}

static void test_lookup_collisions(void **state)
{
    Process *p = *state;
    /* Find PCs that share the first one's home slot in a 16-slot table. */
    FvpAotEntry one = { CODE, native_dummy, NULL };
    FvpAotModule m1 = module_of(&one, 1);
    Native *n = native_new(p, &m1);
    assert_non_null(n);
    assert_int_equal(n->mask, 15);
    uint64_t same[6];
    size_t k = 0;
    for (uint64_t pc = CODE; k < 6; pc += 2)
        if (native_hash(n, pc) == native_hash(n, CODE))
            same[k++] = pc;
    native_free(n);

    FvpAotEntry e[5];
    for (size_t i = 0; i < 5; i++)
        e[i] = (FvpAotEntry){ same[i], i == 4 ? native_b : native_dummy, NULL };
    FvpAotModule m = module_of(e, 5);
    n = native_new(p, &m);
    assert_non_null(n);
    assert_int_equal(n->mask, 15);
    for (size_t i = 0; i < 5; i++)
        assert_ptr_equal(native_lookup(n, same[i]), e[i].fn);
    assert_null(native_lookup(n, same[5]));   /* same home slot, absent */
    native_free(n);

    FvpAotModule empty = module_of(NULL, 0);
    n = native_new(p, &empty);
    assert_non_null(n);
    assert_null(native_lookup(n, CODE));
    native_free(n);
}

/* What translated code's inline probe finds (llvm_exits.c native_target): the home slot
 * when fvp_native_index is open, else NULL ("ask fvp_native_find"). */
static FvpNativeFn inline_probe(uint64_t pc)
{
    const FvpNativeIndex *ix = &fvp_native_index;
    if (ix->closed || *ix->code_gen != ix->seen_gen)
        return NULL;
    const FvpNativeSlot *s = &ix->slots[(pc * FVP_NATIVE_HASH) >> ix->shift];
    return s->pc == pc ? s->fn : NULL;
}

static void set_action(Process *p, int sig, uint64_t handler)
{
    GuestSigaction a = { .handler = handler };
    assert_int_equal(guest_write(p->mem, OTHER, &a, sizeof a), 0);
    assert_int_equal(signal_sys_rt_sigaction(p, sig, OTHER, 0, sizeof(uint64_t)), 0);
}

/* The inline probe agrees with native_lookup and closes whenever native_lookup would
 * refuse: code changes, native code off, a SIGSEGV/SIGBUS handler, no table. */
static void test_inline_probe(void **state)
{
    Process *p = *state;
    assert_int_equal(guestmem_map(p->mem, OTHER, PG, PROT_READ | PROT_WRITE,
                                  MAP_PRIVATE | MAP_ANONYMOUS, "data"), 0);
    FvpAotEntry e[64];
    FvpAotModule m;
    Native *n = new_64(p, e, &m);
    size_t hits = 0;
    for (size_t i = 0; i < 64; i++) {
        FvpNativeFn f = inline_probe(CODE + 6 * i);
        assert_true(f == NULL || f == native_lookup(n, CODE + 6 * i));
        hits += f != NULL;
    }
    assert_true(hits >= 32);                 /* most sit in their home slot */
    /* each slot carries its entry's leaf entry (docs D63), or NULL */
    for (size_t i = 0; i < 64; i++) {
        uint64_t k = native_hash(n, CODE + 6 * i);
        while (n->slots[k].pc != CODE + 6 * i)
            k = (k + 1) & n->mask;
        assert_ptr_equal(n->slots[k].leaf, e[i].leaf);
    }
    assert_null(inline_probe(CODE + 2));
    assert_null(inline_probe(0));

    set_action(p, SIGSEGV, 0x10000);         /* imprecise code: the guest's handler */
    assert_null(inline_probe(CODE));
    assert_null(native_lookup(n, CODE));
    set_action(p, SIGSEGV, 0);               /* SIG_DFL again */
    assert_ptr_equal(inline_probe(CODE), native_lookup(n, CODE));
    set_action(p, SIGBUS, 0x10000);
    assert_null(inline_probe(CODE));
    set_action(p, SIGBUS, 1);                /* SIG_IGN */
    set_action(p, SIGUSR1, 0x10000);         /* other signals do not matter */
    assert_non_null(inline_probe(CODE));

    /* a change to translated code: closed before anyone looked */
    assert_int_equal(guestmem_protect(p->mem, CODE, PG, PROT_READ | PROT_WRITE | PROT_EXEC), 0);
    assert_null(inline_probe(CODE));
    assert_null(native_lookup(n, CODE));
    assert_true(n->off);
    assert_null(inline_probe(CODE));
    native_free(n);

    n = native_new(p, &m);
    assert_non_null(n);
    native_disable(n, "test");
    assert_null(inline_probe(CODE));
    native_free(n);
    assert_true(fvp_native_index.closed);
}

/* ---- validity ------------------------------------------------------------------ */

static Native *new_bc(Process *p, FvpAotModule *m, FvpAotEntry *e)
{
    e[0] = (FvpAotEntry){ 0x10010, native_b, NULL };
    e[1] = (FvpAotEntry){ 0x10020, native_c, NULL };
    *m = module_of(e, 2);
    Native *n = native_new(p, m);
    assert_non_null(n);
    assert_non_null(native_lookup(n, 0x10010));
    return n;
}

static void test_other_code_changes_keep_native(void **state)
{
    Process *p = *state;
    FvpAotModule m;
    FvpAotEntry e[2];
    Native *n = new_bc(p, &m, e);
    /* A JIT: fresh RW buffer, code written, made executable, rewritten. */
    assert_int_equal(guestmem_map(p->mem, OTHER, PG, PROT_READ | PROT_WRITE | PROT_EXEC,
                                  MAP_PRIVATE | MAP_ANONYMOUS, ""), 0);
    uint32_t insn = ECALL;
    assert_int_equal(guest_write(p->mem, OTHER, &insn, 4), 0);
    assert_int_equal(guestmem_protect(p->mem, OTHER, PG, PROT_READ | PROT_EXEC), 0);
    assert_ptr_equal(native_lookup(n, 0x10010), native_b);
    guestmem_note_code_sync(p->mem);           /* riscv_flush_icache */
    native_sync(n);                             /* fence.i */
    assert_int_equal(guestmem_unmap(p->mem, OTHER, PG), 0);
    assert_ptr_equal(native_lookup(n, 0x10020), native_c);
    assert_false(n->off);
    native_free(n);
}

static void test_overlapping_change_disables(void **state)
{
    Process *p = *state;
    FvpAotModule m;
    FvpAotEntry e[2];
    /* mprotect of the translated page */
    Native *n = new_bc(p, &m, e);
    assert_int_equal(guestmem_protect(p->mem, CODE, PG, PROT_READ | PROT_WRITE | PROT_EXEC), 0);
    assert_null(native_lookup(n, 0x10010));
    assert_null(native_lookup(n, 0x10020));
    assert_true(n->off);
    native_free(n);

    /* a syscall writing into it (the page is RWX now) */
    n = new_bc(p, &m, e);
    uint32_t insn = ECALL;
    assert_int_equal(guest_write(p->mem, CODE + 0x3c, &insn, 4), 0);
    assert_null(native_lookup(n, 0x10010));
    native_free(n);

    /* a change that says not where */
    n = new_bc(p, &m, e);
    p->mem->code_gen++;
    assert_null(native_lookup(n, 0x10010));
    native_free(n);

    /* munmap of part of the range */
    n = new_bc(p, &m, e);
    assert_int_equal(guestmem_unmap(p->mem, CODE, PG), 0);
    assert_null(native_lookup(n, 0x10010));
    native_free(n);
}

static void test_sync_with_writable_range(void **state)
{
    Process *p = *state;
    FvpAotModule m;
    FvpAotEntry e[2];
    /* Read-only text: fence.i changes nothing. */
    Native *n = new_bc(p, &m, e);
    native_sync(n);
    assert_false(n->off);
    native_free(n);

    /* RWX text (mapped so before native_new): plain stores may have
     * rewritten it, so fence.i / riscv_flush_icache switch native off. */
    assert_int_equal(guestmem_protect(p->mem, CODE, PG, PROT_READ | PROT_WRITE | PROT_EXEC), 0);
    n = new_bc(p, &m, e);
    native_sync(n);
    assert_true(n->off);
    assert_null(native_lookup(n, 0x10010));
    native_free(n);

    n = new_bc(p, &m, e);
    guestmem_note_code_sync(p->mem);
    assert_null(native_lookup(n, 0x10010));
    native_free(n);
}

/* ---- exec_run ------------------------------------------------------------------ */

static void run(Process *p, Native *n)
{
    assert_int_equal(signal_init(p), 0);
    Interp *it = interp_new(p);
    assert_non_null(it);
    assert_int_equal(exec_run(p, it, n), 0);
    interp_free(it);
}

static void test_exec_mixed(void **state)
{
    Process *p = *state;
    FvpAotModule m;
    FvpAotEntry e[2];
    Native *n = new_bc(p, &m, e);
    run(p, n);
    assert_true(p->exited);
    assert_int_equal(p->exit_code, 105);      /* 5 (interpreted) + 100 (native) */
    assert_int_equal(p->cpu.instret, 6);
    assert_int_equal(p->st.native_entries, 2);
    assert_int_equal(p->st.blocks_executed, 1);
    native_free(n);
}

static void test_exec_native_off(void **state)
{
    Process *p = *state;
    FvpAotModule m;
    FvpAotEntry e[2];
    Native *n = new_bc(p, &m, e);
    native_disable(n, "test");
    run(p, n);
    assert_int_equal(p->exit_code, 6);
    assert_int_equal(p->st.native_entries, 0);
    native_free(n);
}

static void test_exec_native_trap(void **state)
{
    Process *p = *state;
    FvpAotEntry e[] = { { 0x10010, native_trap, NULL } };
    FvpAotModule m = module_of(e, 1);
    Native *n = native_new(p, &m);
    run(p, n);
    assert_int_equal(p->killed_by, SIGILL);
    assert_int_equal(p->cpu.pc, 0x10010);
    native_free(n);
}

static void test_exec_native_fault(void **state)
{
    Process *p = *state;
    FvpAotEntry e[] = { { 0x10010, native_fault, NULL } };
    FvpAotModule m = module_of(e, 1);
    Native *n = native_new(p, &m);
    run(p, n);
    assert_int_equal(p->killed_by, SIGSEGV);
    assert_int_equal(p->cpu.pc, 0x10030);
    native_free(n);
}

static void test_exec_host_signal_exit_req(void **state)
{
    Process *p = *state;
    FvpAotEntry e[] = { { 0x10010, native_spin, NULL } };
    FvpAotModule m = module_of(e, 1);
    Native *n = native_new(p, &m);
    run(p, n);   /* SIGTERM: default action, the guest dies of it */
    assert_int_equal(p->killed_by, SIGTERM);
    assert_int_equal(p->cpu.pc, 0x10010);
    assert_int_equal(p->st.native_entries, 1);
    native_free(n);

    /* signal_raise (kill to itself) sets it too. */
    p->cpu.exit_req = 0;
    signal_raise(p, SIGUSR1, NULL);
    assert_int_equal(p->cpu.exit_req, 1);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

/* Makes path (a mkstemp template) an empty file of our own. */
static void temp_file(char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
}

static void test_profile(void **state)
{
    Process *p = *state;
    char path[] = "/tmp/fvp_test_native_XXXXXX";
    temp_file(path);
    char err[256];

    FvpAotModule m;
    FvpAotEntry e[2];
    Native *n = new_bc(p, &m, e);
    assert_int_equal(native_set_profile(n, path), 0);
    run(p, n);
    assert_int_equal(native_write_profile(n, err, sizeof err), 0);
    assert_string_equal(slurp(path), "0x10000\n");
    native_free(n);

    /* All interpreted: every block, sorted, once each (the loop runs the
     * program twice from the top). */
    p->exited = false;
    p->cpu.pc = CODE;
    FvpAotModule none = module_of(NULL, 0);
    none.profile_out = path;
    n = native_new(p, &none);
    assert_non_null(n);
    for (int i = 0; i < 2; i++) {
        p->exited = false;
        p->cpu.pc = CODE;
        run(p, n);
    }
    assert_int_equal(native_write_profile(n, err, sizeof err), 0);
    assert_string_equal(slurp(path), "0x10000\n0x10010\n0x10020\n");
    native_free(n);

    /* Off: nothing written; an unwritable file: one-line error. */
    n = native_new(p, &m);
    assert_int_equal(native_write_profile(n, err, sizeof err), 0);
    assert_int_equal(native_set_profile(n, "/nonexistent/dir/prof"), 0);
    assert_int_equal(native_profile_add(n, 0x1234), 0);
    assert_int_equal(native_write_profile(n, err, sizeof err), -ENOENT);
    assert_non_null(strstr(err, "/nonexistent/dir/prof: "));
    native_free(n);
    unlink(path);
}

/* The cheap tier's counters (docs D45): a function that reached FVP_AOT_HOT_COUNT is listed
 * with the interpreted blocks; one below it, and one without a counter, are not. */
static void test_profile_counters(void **state)
{
    Process *p = *state;
    char path[] = "/tmp/fvp_test_native_XXXXXX";
    temp_file(path);
    char err[256];
    static uint64_t hot = FVP_AOT_HOT_COUNT, cool = FVP_AOT_HOT_COUNT - 1;
    const FvpAotCounter k[3] = { { 0x20000, &hot }, { 0x20100, &cool }, { 0x20200, NULL } };
    FvpAotModule m = module_of(NULL, 0);
    m.counters = k;
    m.ncounters = 3;
    Native *n = native_new(p, &m);
    assert_non_null(n);
    assert_int_equal(native_set_profile(n, path), 0);
    assert_int_equal(native_profile_add(n, 0x30000), 0);
    assert_int_equal(native_write_profile(n, err, sizeof err), 0);
    assert_string_equal(slurp(path), "0x20000\n0x30000\n");
    native_free(n);
    unlink(path);
}

static void test_profile_grows(void **state)
{
    Process *p = *state;
    FvpAotModule m = module_of(NULL, 0);
    Native *n = native_new(p, &m);
    assert_int_equal(native_set_profile(n, "/dev/null"), 0);
    for (uint64_t pc = 0; pc < 20000; pc += 2)
        assert_int_equal(native_profile_add(n, pc * 7), 0);
    for (uint64_t pc = 0; pc < 20000; pc += 2)
        assert_int_equal(native_profile_add(n, pc * 7), 0);
    assert_int_equal(n->prof_used, 10000);
    native_free(n);
}

/* ---- loading from memory -------------------------------------------------------- */

static void test_load_elf_mem(void **state)
{
    (void)state;
    FILE *f = fopen(HELLO, "rb");
    if (!f) {
        skip();   /* needs `make rv-progs` (riscv64-linux-gnu-gcc) */
        return;
    }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc((size_t)len);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);

    char err[256];
    Process *a = NULL, *b = NULL;
    assert_int_equal(process_new(&a), 0);
    assert_int_equal(process_new(&b), 0);
    assert_int_equal(loader_load_elf(a, HELLO, err, sizeof err), 0);
    assert_int_equal(loader_load_elf_mem(b, buf, (size_t)len, "hello", "/opt/x/hello-aot",
                                         err, sizeof err), 0);
    assert_int_equal(a->entry, b->entry);
    assert_int_equal(a->phdr_addr, b->phdr_addr);
    assert_int_equal(a->mem->brk_start, b->mem->brk_start);
    assert_int_equal(a->mem->nvmas, b->mem->nvmas);
    for (size_t i = 0; i < a->mem->nvmas; i++) {
        const GuestVma *va = &a->mem->vmas[i], *vb = &b->mem->vmas[i];
        assert_int_equal(va->start, vb->start);
        assert_int_equal(va->end, vb->end);
        assert_int_equal(va->prot, vb->prot);
        assert_string_equal(vb->name, "hello");
        assert_memory_equal(g2h(a->mem, va->start), g2h(b->mem, vb->start),
                            va->end - va->start);
    }
    assert_string_equal(b->exe_realpath, "/opt/x/hello-aot");

    /* A truncated image is refused with one line naming it. */
    Process *c = NULL;
    assert_int_equal(process_new(&c), 0);
    assert_true(loader_load_elf_mem(c, buf, 200, "cut", NULL, err, sizeof err) < 0);
    assert_non_null(strstr(err, "cut"));
    assert_null(strchr(err, '\n'));

    process_free(a);
    process_free(b);
    process_free(c);
    free(buf);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_lookup_hits_and_misses),
        T(test_lookup_collisions),
        T(test_inline_probe),
        T(test_other_code_changes_keep_native),
        T(test_overlapping_change_disables),
        T(test_sync_with_writable_range),
        T(test_exec_mixed),
        T(test_exec_native_off),
        T(test_exec_native_trap),
        T(test_exec_native_fault),
        T(test_exec_host_signal_exit_req),
        T(test_profile),
        T(test_profile_grows),
        T(test_profile_counters),
        T(test_load_elf_mem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Computed goto test (a fallback case for fvp-xlat: `goto *p` is an indirect jump inside
 * one function whose targets come from a table of label addresses, &&label, not from a
 * switch): a small stack-machine bytecode interpreter dispatching with computed goto, run
 * on a few programs and checked against the same interpreter written with a switch (which
 * gcc turns into a jump table).  Prints its results and "prog_goto: ok", exits 0. */
#include <stdint.h>
#include <stdio.h>

#include "check.h"

enum Op { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, DUP, SWAP, JMP, JNZ, JLT, OUT, HALT, NOP };

typedef struct Vm {
    int64_t stack[64];
    int64_t var[8];
    int sp;
    int64_t out[32];
    int nout;
    long steps;
} Vm;

/* the computed goto interpreter: each handler ends in its own indirect jump */
static __attribute__((noinline)) int run_goto(Vm *vm, const int64_t *code)
{
    static const void *const dispatch[] = {
        [PUSH] = &&do_push, [LOAD] = &&do_load, [STORE] = &&do_store, [ADD] = &&do_add,
        [SUB] = &&do_sub, [MUL] = &&do_mul, [MOD] = &&do_mod, [DUP] = &&do_dup,
        [SWAP] = &&do_swap, [JMP] = &&do_jmp, [JNZ] = &&do_jnz, [JLT] = &&do_jlt,
        [OUT] = &&do_out, [HALT] = &&do_halt, [NOP] = &&do_nop,
    };
    const int64_t *pc = code;
    int64_t a, b;
#define NEXT do { vm->steps++; goto *dispatch[*pc++]; } while (0)
    NEXT;
do_push:  vm->stack[vm->sp++] = *pc++; NEXT;
do_load:  vm->stack[vm->sp++] = vm->var[*pc++]; NEXT;
do_store: vm->var[*pc++] = vm->stack[--vm->sp]; NEXT;
do_add:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] += b; NEXT;
do_sub:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] -= b; NEXT;
do_mul:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] *= b; NEXT;
do_mod:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] %= b; NEXT;
do_dup:   vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; NEXT;
do_swap:  a = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 2];
          vm->stack[vm->sp - 2] = a; NEXT;
do_jmp:   pc = code + *pc; NEXT;
do_jnz:   a = vm->stack[--vm->sp]; pc = a ? code + *pc : pc + 1; NEXT;
do_jlt:   b = vm->stack[--vm->sp]; a = vm->stack[--vm->sp]; pc = a < b ? code + *pc : pc + 1; NEXT;
do_out:   vm->out[vm->nout++ & 31] = vm->stack[--vm->sp]; NEXT;
do_nop:   NEXT;
do_halt:  return vm->sp;
#undef NEXT
}

/* the same machine with a switch, as the reference */
static __attribute__((noinline)) int run_switch(Vm *vm, const int64_t *code)
{
    const int64_t *pc = code;
    int64_t a, b;
    for (;;) {
        vm->steps++;
        switch ((enum Op)*pc++) {
        case PUSH:  vm->stack[vm->sp++] = *pc++; break;
        case LOAD:  vm->stack[vm->sp++] = vm->var[*pc++]; break;
        case STORE: vm->var[*pc++] = vm->stack[--vm->sp]; break;
        case ADD:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] += b; break;
        case SUB:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] -= b; break;
        case MUL:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] *= b; break;
        case MOD:   b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] %= b; break;
        case DUP:   vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; break;
        case SWAP:  a = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 2];
                    vm->stack[vm->sp - 2] = a; break;
        case JMP:   pc = code + *pc; break;
        case JNZ:   a = vm->stack[--vm->sp]; pc = a ? code + *pc : pc + 1; break;
        case JLT:   b = vm->stack[--vm->sp]; a = vm->stack[--vm->sp]; pc = a < b ? code + *pc : pc + 1; break;
        case OUT:   vm->out[vm->nout++ & 31] = vm->stack[--vm->sp]; break;
        case NOP:   break;
        case HALT:  return vm->sp;
        }
    }
}

/* factorial of 20: v0 = n, v1 = acc */
static const int64_t prog_fact[] = {
    PUSH, 20, STORE, 0, PUSH, 1, STORE, 1,
    /* 8: loop */ LOAD, 1, LOAD, 0, MUL, STORE, 1,
    LOAD, 0, PUSH, 1, SUB, DUP, STORE, 0, JNZ, 8,
    LOAD, 1, OUT, HALT,
};

/* the first 30 Fibonacci numbers mod 1000, each printed: v0 = a, v1 = b, v2 = i */
static const int64_t prog_fib[] = {
    PUSH, 0, STORE, 0, PUSH, 1, STORE, 1, PUSH, 0, STORE, 2,
    /* 12: loop */ LOAD, 0, PUSH, 1000, MOD, OUT,
    LOAD, 0, LOAD, 1, DUP, STORE, 0, ADD, STORE, 1,
    LOAD, 2, PUSH, 1, ADD, DUP, STORE, 2, PUSH, 30, JLT, 12,
    HALT,
};

/* sum of i * i mod 7 for i < 100000, with a NOP and a JMP over dead code in the loop */
static const int64_t prog_sumsq[] = {
    PUSH, 0, STORE, 0, PUSH, 0, STORE, 1,
    /* 8: loop */ LOAD, 0, DUP, MUL, PUSH, 7, MOD, LOAD, 1, ADD, STORE, 1, NOP,
    JMP, 25, PUSH, 99,
    /* 25 */ LOAD, 0, PUSH, 1, ADD, DUP, STORE, 0, PUSH, 100000, JLT, 8,
    LOAD, 1, OUT, PUSH, 5, PUSH, 6, SWAP, SUB, OUT, HALT,
};

static void run_both(const char *name, const int64_t *code)
{
    Vm g = { .sp = 0 }, s = { .sp = 0 };
    int rg = run_goto(&g, code), rs = run_switch(&s, code);
    printf("%s: %ld steps, outputs", name, g.steps);
    for (int i = 0; i < g.nout && i < 32; i++) printf(" %lld", (long long)g.out[i]);
    printf("\n");
    CHECK(rg == 0 && rs == 0);
    CHECK(g.steps == s.steps && g.nout == s.nout);
    for (int i = 0; i < g.nout && i < 32; i++) CHECK(g.out[i] == s.out[i]);
}

int main(void)
{
    run_both("fact", prog_fact);
    run_both("fib", prog_fib);
    run_both("sumsq", prog_sumsq);
    printf("prog_goto: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}

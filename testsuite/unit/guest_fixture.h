/*
 * A bare guest process for unit tests that run guest code through
 * exec_run: an empty guest address space and a vCPU set up to run in it.
 * Header-only (static functions): each test program includes it once.
 */
#ifndef FVP_TEST_GUEST_FIXTURE_H
#define FVP_TEST_GUEST_FIXTURE_H

#include <stdint.h>
#include <stdlib.h>

#include "riscv64/rv64_helpers.h"
#include "runtime/process.h"

/* A new process whose vCPU starts at pc, nothing mapped; NULL on failure.
 * Free with fixture_free. */
static Process *fixture_process(uint64_t pc)
{
    Process *p = NULL;
    if (process_new(&p) != 0)
        return NULL;
    p->cpu.mem_base = (uint64_t)(uintptr_t)p->mem->base;
    p->cpu.mem_limit = p->mem->limit;
    p->cpu.res_addr = RV_NO_RES;
    p->cpu.proc = (uint64_t)(uintptr_t)p;
    p->cpu.pc = pc;
    return p;
}

static void fixture_free(Process *p)
{
    if (!p)
        return;
    process_free(p);
}

/* cmocka teardown for a state made by fixture_process. */
static int fixture_teardown(void **state)
{
    fixture_free(*state);
    return 0;
}

#endif /* FVP_TEST_GUEST_FIXTURE_H */

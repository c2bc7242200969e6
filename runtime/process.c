/*
 * Creating and freeing a guest process (contracts in runtime/process.h).
 */
#include "runtime/process.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int process_new(Process **out)
{
    *out = NULL;
    Process *p = calloc(1, sizeof *p);
    ThreadGroup *tg = calloc(1, sizeof *tg);
    if (!p || !tg) {
        free(p);
        free(tg);
        return -ENOMEM;
    }
    int rc = guestmem_init(&tg->mem);
    if (rc != 0) {
        free(p);
        free(tg);
        return rc;
    }
    pthread_mutex_init(&tg->lock, NULL);
    tg->leader = p;
    tg->threads = p;
    tg->nthreads = 1;
    p->tg = tg;
    p->mem = &tg->mem;
    p->tid = (int)syscall(SYS_gettid);
    p->cpu.res_addr = RV_NO_RES;
    p->cpu.proc = (uint64_t)(uintptr_t)p;
    *out = p;
    return 0;
}

void process_free(Process *p)
{
    if (!p)
        return;
    ThreadGroup *tg = p->tg;
    guestmem_destroy(&tg->mem);
    pthread_mutex_destroy(&tg->lock);
    free(tg);
    free(p);
}

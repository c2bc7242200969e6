/*
 * Loader: maps a static (or static-pie) RV64 Linux ELF into guest memory and
 * builds the initial stack, as the Linux kernel's binfmt_elf does.
 */
#ifndef FVP_LOADER_H
#define FVP_LOADER_H

#include <stddef.h>

#include "runtime/process.h"

/*
 * Loads path into p->mem (which guestmem_init prepared): PT_LOAD segments with
 * their permissions (bss zeroed), static-pie (ET_DYN) at GUEST_PIE_BASE,
 * brk starting after the highest segment; refuses dynamically linked programs
 * (PT_INTERP) and files whose segments overlap or leave the guest space.
 * Sets p->entry, p->load_bias, p->phdr_addr/phnum/phent, p->exe_realpath.
 * Returns 0, or -errno with a one-line reason in err ("prog: ...").
 */
int loader_load_elf(Process *p, const char *path, char *err, size_t errlen)
    __attribute__((warn_unused_result));

/*
 * Like loader_load_elf, from the ELF file image buf[0..len) (a translated
 * program's embedded guest, runtime/aot.h); the bytes are copied, buf need
 * not outlive the call.
 * name is the image's name in messages and in the VMA list (its basename);
 * exe_realpath (NULL: name) is what the guest sees as /proc/self/exe.
 * Returns 0, or -errno with a one-line reason in err ("name: ...").
 */
int loader_load_elf_mem(Process *p, const void *buf, size_t len, const char *name,
                        const char *exe_realpath, char *err, size_t errlen)
    __attribute__((warn_unused_result));

/*
 * Builds the initial stack at the top of the guest stack mapping (mapped
 * here, GUEST_STACK_SIZE, "[stack]"): argc, argv[], NULL, envp[], NULL,
 * auxv (AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_FLAGS, AT_ENTRY,
 * AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE, AT_RANDOM -> 16 random bytes,
 * AT_HWCAP (IMAFDC bits), AT_CLKTCK, AT_EXECFN, AT_PLATFORM "riscv64",
 * AT_NULL), strings above, sp 16-byte aligned.  Sets c->x[2] (sp) and
 * c->pc = p->entry, other registers 0.  Returns 0 or -errno (err filled).
 */
int loader_setup_stack(Process *p, int argc, char **argv, char **envp,
                       char *err, size_t errlen) __attribute__((warn_unused_result));

#endif /* FVP_LOADER_H */

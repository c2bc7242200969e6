# testsuite/suites.mk — build rules and targets of the differential suites (ISA cases,
# guest program tests, gcc torture).  Included by the top-level Makefile; it may also be
# given to make directly (make -f Makefile -f testsuite/suites.mk isa-progs), hence the guard.
#
#   make isa-progs    build/isa/<name> from testsuite/isa/<name>.cases (one RV64 program each)
#   make torture      gcc.c-torture/execute under qemu-riscv64 and fvp-run, all cores
#   make torture ENGINE=xlat            the same through fvp-xlat translations
#   make torture ENGINE="fvp-run xlat"  both engines, pass counts for each
ifndef FVP_SUITES_MK
FVP_SUITES_MK := 1

RV_CC       ?= riscv64-linux-gnu-gcc
BUILD       ?= build
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
ISA_CASES   := $(wildcard testsuite/isa/*.cases)
ISA_PROGS   := $(ISA_CASES:testsuite/isa/%.cases=build/isa/%)
ISA_ASFLAGS := -nostdlib -static -march=rv64gc_zba_zbb_zbs -Wl,--no-relax

.PHONY: isa-progs torture

isa-progs: $(ISA_PROGS)

build/tools/gen_isa_test: scripts/gen_isa_test.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wmissing-prototypes -Wshadow \
	    -Wstrict-prototypes -Wundef -O1 -g -o $@ $<

build/isa/%.S: testsuite/isa/%.cases build/tools/gen_isa_test
	@mkdir -p $(@D)
	build/tools/gen_isa_test $< $@

build/isa/%: build/isa/%.S
	$(RV_CC) $(ISA_ASFLAGS) -o $@ $<

# prog_libm needs libm; an explicit rule overrides the Makefile's build/riscv/% pattern rule
# (which has no -lm) for this one program.
build/riscv/prog_libm: testsuite/programs/prog_libm.c
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -o $@ $< -lm

# thr_atomic: gcc 12 has no inline 8- and 16-bit atomics on RV64; the C11 ones are libatomic
# calls (masked LR/SC loops).  thr_omp: OpenMP, libgomp linked statically (its warning that
# dlopen in a static program needs the shared libraries at run time is harmless here).
build/riscv/thr_atomic: testsuite/programs/thr_atomic.c
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -o $@ $< -latomic

build/riscv/thr_omp: testsuite/programs/thr_omp.c
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -fopenmp -o $@ $<

# execve of RV64 programs (testsuite/exec/run_exec.sh): not one of the qemu-compared programs
build/exec/exec_rv: testsuite/exec/exec_rv.c
	@mkdir -p $(@D)
	$(RV_CC) -O2 -static -pthread -o $@ $<

# The whole of gcc.c-torture/execute, in parallel, under the engines of ENGINE (fvp-run,
# xlat); each engine's tool is built first (xlat runs the translations of fvp-xlat).
ENGINE        ?= fvp-run
TORTURE_TOOLS := $(patsubst %,$(BUILD)/bin/%,$(patsubst xlat,fvp-xlat,$(ENGINE)))

torture: $(TORTURE_TOOLS)
	ENGINES='$(ENGINE)' bash testsuite/torture/run_torture.sh $(BUILD) --jobs $(JOBS)

endif

# FVP — top-level Makefile.  Everything is built under build/ (git-ignored).
#
#   make            build the tools (build/bin/)
#   make demo       set up, build, show what FVP does on a bundled program
#   make check      set up, build, run every test (unit tests under ASan too)
#   make SAN=asan   ASan+UBSan build under build/asan/  (SAN=tsan: build/tsan/)
#   make bench      benchmarks: native vs fvp-xlat vs qemu-riscv64 vs fvp-run (bench/README.md)

SHELL    := /bin/bash
CC       ?= gcc
ifeq ($(origin CC),default)
CC       := gcc
endif
RV_CC    ?= riscv64-linux-gnu-gcc
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

SAN      ?=
ifeq ($(SAN),asan)
BUILD    := build/asan
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else ifeq ($(SAN),tsan)
BUILD    := build/tsan
SANFLAGS := -fsanitize=thread
else ifeq ($(SAN),)
BUILD    := build
SANFLAGS :=
else
$(error SAN must be asan, tsan or empty)
endif

GEN      := build/gen
WARN     := -Wall -Wextra -Werror -Wmissing-prototypes -Wshadow -Wstrict-prototypes -Wundef
CFLAGS   ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) -MMD -MP -Ilifter -I. -I$(GEN)
LDFLAGS  += $(SANFLAGS)
LIBS     := -lelf -lm

# ---- sources ---------------------------------------------------------------
LIFTER_SRC := $(filter-out lifter/tools/%,$(wildcard lifter/*.c lifter/*/*.c))
LIFTER_OBJ := $(LIFTER_SRC:%.c=$(BUILD)/obj/%.o)
LIFTER_LIB := $(BUILD)/lib/liblifter.a

RUNTIME_SRC := $(filter-out runtime/tools/%,$(wildcard runtime/*.c runtime/*/*.c))
RUNTIME_OBJ := $(RUNTIME_SRC:%.c=$(BUILD)/obj/%.o)
RUNTIME_LIB := $(BUILD)/lib/libfvprt.a

# translator (fvp-xlat): LLVM 19 through its C API, the shared libLLVM
LLVM_CONFIG ?= llvm-config-19
LLVM_PREFIX := $(shell $(LLVM_CONFIG) --prefix 2>/dev/null || echo /usr/lib/llvm-19)
LLVM_CFLAGS := -I$(LLVM_PREFIX)/include
LLVM_LIBS   := -L$(LLVM_PREFIX)/lib -Wl,-rpath,$(LLVM_PREFIX)/lib -lLLVM-19
# LLVM allocates a lot: with jemalloc fvp-xlat needs a quarter less CPU than with glibc's
# malloc (docs D18).  Sanitizer builds keep their own allocator.
XLAT_MALLOC := $(if $(SAN),,-ljemalloc)
CLANG       ?= $(LLVM_PREFIX)/bin/clang
LLVM_LINK   ?= $(LLVM_PREFIX)/bin/llvm-link

XLAT_SRC := $(filter-out translator/tools/%,$(wildcard translator/*.c translator/*/*.c))
XLAT_OBJ := $(XLAT_SRC:%.c=$(BUILD)/obj/%.o)
XLAT_LIB := $(BUILD)/lib/libxlat.a

# The helpers' C source, compiled a second time to LLVM bitcode: fvp-xlat links it into
# every module so LLVM inlines the helpers (one copy of each instruction's semantics).
HELPER_SRC := $(wildcard runtime/helpers/*.c)
HELPER_BC  := $(HELPER_SRC:runtime/helpers/%.c=build/bc/%.bc)
HELPER_BCFLAGS := -std=c11 -D_GNU_SOURCE -O2 -g0 -target x86_64-pc-linux-gnu \
    -frounding-math -ffp-exception-behavior=strict -Ilifter -I. -I$(GEN)

TOOLS      := fvp-dis fvp-run fvp-xlat
TOOL_BINS  := $(TOOLS:%=$(BUILD)/bin/%)

TEST_SRC   := $(wildcard testsuite/unit/test_*.c)
TEST_BINS  := $(TEST_SRC:testsuite/unit/%.c=$(BUILD)/tests/%)

GEN_HDRS   := $(GEN)/rv64_ops.h $(GEN)/rv64_decode.inc

# RISC-V example programs (built with the cross toolchain)
RV_PROGS   := $(patsubst testsuite/programs/%.c,build/riscv/%,$(wildcard testsuite/programs/*.c))
RV_CFLAGS  := -O2 -static

.PHONY: all tools tests check demo setup clean rv-progs
.SECONDARY:
.DEFAULT_GOAL := all

all: tools

tools: $(TOOL_BINS)
tests: $(TEST_BINS)
rv-progs: $(RV_PROGS)

# ---- generated decoder -----------------------------------------------------
build/tools/gen_rv64_decoder: scripts/gen_rv64_decoder.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O1 -g -o $@ $<

$(GEN)/rv64_ops.h $(GEN)/rv64_decode.inc &: lifter/riscv64/rv64.insn build/tools/gen_rv64_decoder
	@mkdir -p $(GEN)
	build/tools/gen_rv64_decoder lifter/riscv64/rv64.insn $(GEN)/rv64_ops.h $(GEN)/rv64_decode.inc

# ---- objects ---------------------------------------------------------------
$(BUILD)/obj/%.o: %.c | $(GEN_HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# FP helpers must not be constant-folded or reordered across fenv calls.
$(BUILD)/obj/runtime/helpers/%.o: ALL_CFLAGS += -frounding-math -fsignaling-nans

$(BUILD)/obj/translator/%.o: ALL_CFLAGS += $(LLVM_CFLAGS)
$(BUILD)/obj/testsuite/unit/test_peephole.o: ALL_CFLAGS += $(LLVM_CFLAGS)

build/bc/%.bc: runtime/helpers/%.c | $(GEN_HDRS)
	@mkdir -p $(@D)
	$(CLANG) $(HELPER_BCFLAGS) -c -emit-llvm -o $@ $<

build/bc/helpers.bc: $(HELPER_BC)
	$(LLVM_LINK) -o $@ $^

# fvp-xlat carries the bitcode inside itself (no data file to find at run time).
$(BUILD)/obj/translator/helpers_bc.o: build/bc/helpers.bc
	@mkdir -p $(@D)
	printf '.section .rodata\n.globl fvp_helpers_bc\n.globl fvp_helpers_bc_end\n.p2align 4\nfvp_helpers_bc:\n.incbin "%s"\nfvp_helpers_bc_end:\n.section .note.GNU-stack,"",@progbits\n' $< | $(CC) -c -x assembler -o $@ -

$(XLAT_LIB): $(XLAT_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(LIFTER_LIB): $(LIFTER_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(RUNTIME_LIB): $(RUNTIME_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/bin/fvp-run: $(BUILD)/obj/runtime/tools/fvp_run.o $(RUNTIME_LIB) $(LIFTER_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/bin/fvp-xlat: $(BUILD)/obj/translator/tools/fvp_xlat.o $(BUILD)/obj/translator/helpers_bc.o \
        $(XLAT_LIB) $(LIFTER_LIB) | $(RUNTIME_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(filter-out $(RUNTIME_LIB),$^) $(LIBS) $(LLVM_LIBS) $(XLAT_MALLOC)

$(BUILD)/bin/fvp-dis: $(BUILD)/obj/lifter/tools/fvp_dis.o $(LIFTER_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/testsuite/unit/%.o $(XLAT_LIB) $(RUNTIME_LIB) $(LIFTER_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka $(LLVM_LIBS)

build/riscv/%: testsuite/programs/%.c testsuite/programs/check.h testsuite/programs/thr_check.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -o $@ $< -lm

# ---- user-facing targets ---------------------------------------------------
setup:
	@bash scripts/setup.sh

demo: setup
	@$(MAKE) --no-print-directory -j$(JOBS) tools rv-progs
	@bash scripts/demo.sh

# make check: the normal build, the unit tests built again under ASan+UBSan,
# then every suite through one runner that prints the summary line.
# make SAN=tsan check: the ThreadSanitizer build, its unit tests and the guest programs
# (threads included) through its fvp-run.
check: setup
ifeq ($(SAN),tsan)
	@$(MAKE) --no-print-directory -j$(JOBS) tools tests rv-progs
	@bash testsuite/run.sh unit-tsan programs-tsan
else
	@$(MAKE) --no-print-directory -j$(JOBS) tools tests rv-progs
	@$(MAKE) --no-print-directory -j$(JOBS) SAN=asan tools tests
	@bash testsuite/run.sh
endif

# make bench: the benchmark programs of bench/src under native, fvp-xlat, qemu-riscv64 and
# fvp-run; writes bench/results/<date>.md and .svg (bench/README.md: REPS, BENCH_ENGINES, ...).
.PHONY: bench
bench: tools
	@bash bench/run_bench.sh $(BUILD)

clean:
	rm -rf build

include testsuite/suites.mk

-include $(shell find build -name '*.d' 2>/dev/null)

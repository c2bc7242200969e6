#!/usr/bin/env bash
# The one test runner behind `make check`: runs every suite, reads their TAP
# output, and ends with the summary line "N passed, N failed, N skipped".
#
#   testsuite/run.sh [SUITE...]     (default: all)
# Suites: unit (cmocka tests, ASan build), unit-plain (same, normal build),
#         elf / elf-run (hostile ELF files through fvp-dis / fvp-run under ASan), corpus (libc/libm
#         decoded by fvp-dis vs objdump), isa (one-line instruction cases under
#         qemu-riscv64 and fvp-run), programs / programs-asan (guest C programs,
#         fvp-run vs qemu-riscv64; the second with the ASan+UBSan fvp-run),
#         torture (fixed subset of gcc.c-torture/execute, fvp-run vs qemu),
#         isa-xlat / programs-xlat / torture-xlat (the same three through programs
#         translated by fvp-xlat, see testsuite/xlat/xlat_lib.sh; isa-xlat at -O2 for the
#         default --cpu, this host's x86-64 level up to v3 (docs D55), and isa-xlat-v2 with
#         --cpu x86-64-v2, the portable level without inline FMA (skipped where that is the
#         default), programs-xlat at -O0 plus programs-xlat-O2 for a few at -O2 and
#         programs-xlat-v2 for three FP ones with --cpu x86-64-v2 (skipped likewise),
#         programs-xlat-tiers for a few with nearly every function in the cheap tier (D45),
#         torture-xlat runs
#         check_subset_xlat.txt, a fifth of the subset, at -O0),
#         xlat-golden (LLVM IR of tiny functions vs testsuite/xlat/golden/*.ll), xlat-profile
#         (FVP_PROFILE -> fvp-xlat --profile round trip), xlat-cli (fvp-xlat's options and
#         messages, the FP form it picks), xlat-cache (the persistent translation
#         cache end to end).
#         exec (a guest's execve of RV64 programs: fvp-run, ASan fvp-run, xlat -O0),
#         unit-tsan / programs-tsan: the unit tests and the guest programs (fvp-run) with the
#         ThreadSanitizer build (make SAN=tsan check runs these two; any report fails, guest
#         memory is exempt: the defaults compiled into runtime/process.c).
set -u
cd "$(dirname "$0")/.."

ASAN=build/asan
TSAN=build/tsan
PLAIN=build
LOG=build/test-logs
mkdir -p "$LOG"

# The suites keep their own translations (xlat_lib.sh reuses them), so fvp-xlat's persistent
# cache stays off and the user's cache untouched; xlat-cache tests it in a directory of its own.
export FVP_CACHE_SIZE=0

pass=0; fail=0; skip=0
failed_names=()

# run_tap NAME CMD...: runs CMD, logs its output, counts TAP results.
run_tap() {
    local name=$1; shift
    local log="$LOG/$name.log"
    mkdir -p "$(dirname "$log")"
    "$@" >"$log" 2>&1
    local rc=$?
    local p f s
    # cmocka marks skips "not ok N # SKIP name", others "ok N - name # SKIP why"
    p=$(grep -E '^ok [0-9]+' "$log" | grep -cvE '# *SKIP')
    f=$(grep -E '^not ok [0-9]+' "$log" | grep -cvE '# *SKIP')
    s=$(grep -cE '^(not )?ok [0-9]+.*# *SKIP' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        # crashed or failed without saying which case: count the suite as failed
        f=1
        echo "not ok - $name exited with status $rc" >>"$log"
    fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
        f=1
        echo "not ok - $name ran no test" >>"$log"
    fi
    pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
    local status=PASS
    [ "$f" -gt 0 ] && status=FAIL && failed_names+=("$name")
    printf '%-28s %s  (%d passed, %d failed, %d skipped)\n' "$name" "$status" "$p" "$f" "$s"
    if [ "$f" -gt 0 ]; then
        grep -E '^not ok|^# ' "$log" | grep -v '# *SKIP' | head -40 | sed 's/^/    /'
    fi
    grep -E '^(not )?ok [0-9]+.*# *SKIP' "$log" | sed 's/^/    /'
    case $name in corpus/*) grep -E '^ok' "$log" | sed 's/^/    /' ;; esac
}

suite_unit() {
    local dir=$1 tag=$2
    for t in "$dir"/tests/test_*; do
        [ -x "$t" ] || continue
        CMOCKA_MESSAGE_OUTPUT=TAP run_tap "$tag/$(basename "$t")" "$t"
    done
}

# programs-xlat-O2: calls and recursion, a jump table, function pointers, FP/libm, the FP
# environment (inline FP, rounding modes, flags), plain FP (a program that never looks at the
# FP environment, D31), a CPU-bound loop, a SIGSEGV handler, signals reaching loops with and
# without polls (D30), wild pointers clamped into the guard (D29), the C library string
# functions run as host code (called through pointers and directly from a big function),
# libgcc's bit helpers as intrinsics (D52), twin arms (D56), byte stores forwarded to wider
# loads (D60), indirect calls through leaf entries (D63)
XLAT_O2_PROGRAMS=(prog_crc prog_recurse prog_switch prog_fnptr prog_libm prog_fpenv prog_fpplain
                  prog_qsort sig_resume sig_loops sig_context prog_wild prog_libc_str prog_libc_direct
                  prog_selfcall prog_bits prog_twin prog_bytes prog_leaf)
# programs-xlat-tiers: -O2 with --tier-size 40, so that the programs' own functions, not
# only the C library's biggest, run in the cheap tier (docs D45) and call the full one
XLAT_TIER_PROGRAMS=(prog_crc prog_recurse prog_switch prog_fnptr prog_libm prog_fpenv prog_qsort
                    sig_loops sig_context prog_selfcall prog_libc_direct prog_leaf)
# programs-xlat-v2: the same with --cpu x86-64-v2, where fused multiply-adds go through
# the C helpers (the default --cpu has them inline on a host with FMA)
XLAT_V2_PROGRAMS=(prog_fpenv prog_libm prog_fpplain)

# host_has_v3: the host runs x86-64-v3 code (glibc's loader lists the levels it supports),
# so fvp-xlat's default --cpu is x86-64-v3 and x86-64-v2 needs suites of its own.
host_has_v3() {
    local ldso
    for ldso in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
        [ -x "$ldso" ] && "$ldso" --help 2>/dev/null | grep -q 'x86-64-v3 (supported' && return 0
    done
    return 1
}

suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(unit elf elf-run corpus isa programs programs-asan torture exec
                                      xlat-golden xlat-profile xlat-cache xlat-cli isa-xlat isa-xlat-v2 programs-xlat
                                      programs-xlat-O2 programs-xlat-tiers programs-xlat-v2 torture-xlat)

for s in "${suites[@]}"; do
    case $s in
    unit)       suite_unit "$ASAN" unit-asan ;;
    unit-plain) suite_unit "$PLAIN" unit ;;
    unit-tsan)  suite_unit "$TSAN" unit-tsan ;;
    programs-tsan) run_tap programs/diff-tsan \
                    bash testsuite/programs/run_programs.sh "$TSAN" ;;
    elf)        run_tap elf/bad-elf bash testsuite/elf/run_bad_elf.sh "$ASAN" ;;
    elf-run)    FVP_DIS=$ASAN/bin/fvp-run run_tap elf/bad-elf-fvp-run bash testsuite/elf/run_bad_elf.sh "$ASAN" ;;
    corpus)     run_tap corpus/objdump bash testsuite/corpus/run_corpus.sh "$PLAIN" ;;
    isa)        run_tap isa/cases bash testsuite/isa/run_isa.sh "$PLAIN" ;;
    programs)   run_tap programs/diff bash testsuite/programs/run_programs.sh "$PLAIN" ;;
    programs-asan) run_tap programs/diff-asan bash testsuite/programs/run_programs.sh "$ASAN" ;;
    torture)    run_tap torture/subset bash testsuite/torture/run_torture.sh "$PLAIN" \
                    --subset testsuite/torture/check_subset.txt --jobs "$(nproc 2>/dev/null || echo 2)" ;;
    isa-xlat)   ENGINES=xlat run_tap isa/cases-xlat bash testsuite/isa/run_isa.sh "$PLAIN" ;;
    # -O0 for every program and -O2 for a representative few: an -O2 translation of a static
    # glibc program costs ~30-60 CPU-s, -O0 ~3 (the -O2 pipeline is also covered by isa-xlat
    # and xlat-golden)
    programs-xlat) XLAT_FLAGS=-O0 ENGINES=xlat run_tap programs/diff-xlat-O0 \
                    bash testsuite/programs/run_programs.sh "$PLAIN" ;;
    programs-xlat-O2) XLAT_FLAGS=-O2 ENGINES=xlat run_tap programs/diff-xlat-O2 \
                    bash testsuite/programs/run_programs.sh "$PLAIN" "${XLAT_O2_PROGRAMS[@]}" ;;
    programs-xlat-tiers) XLAT_FLAGS="-O2 --tier-size 40" XLAT_SUBDIR=programs-tiers ENGINES=xlat \
                    run_tap programs/diff-xlat-tiers \
                    bash testsuite/programs/run_programs.sh "$PLAIN" "${XLAT_TIER_PROGRAMS[@]}" ;;
    isa-xlat-v2)
        if host_has_v3; then
            XLAT_FLAGS="-O2 --cpu x86-64-v2" XLAT_SUBDIR=isa-v2 ENGINES=xlat \
                run_tap isa/cases-xlat-v2 bash testsuite/isa/run_isa.sh "$PLAIN"
        else
            run_tap isa/cases-xlat-v2 echo "ok 1 - isa-xlat-v2 # SKIP this host lacks x86-64-v3: the default --cpu of isa-xlat is x86-64-v2 or lower"
        fi ;;
    programs-xlat-v2)
        if host_has_v3; then
            XLAT_FLAGS="-O2 --cpu x86-64-v2" XLAT_SUBDIR=programs-v2 ENGINES=xlat \
                run_tap programs/diff-xlat-v2 \
                bash testsuite/programs/run_programs.sh "$PLAIN" "${XLAT_V2_PROGRAMS[@]}"
        else
            run_tap programs/diff-xlat-v2 echo "ok 1 - programs-xlat-v2 # SKIP this host lacks x86-64-v3: the default --cpu of programs-xlat-O2 is x86-64-v2 or lower"
        fi ;;
    torture-xlat) XLAT_FLAGS=-O0 ENGINES=xlat run_tap torture/subset-xlat bash testsuite/torture/run_torture.sh "$PLAIN" \
                    --subset testsuite/torture/check_subset_xlat.txt --jobs "$(nproc 2>/dev/null || echo 2)" ;;
    xlat-golden) run_tap xlat/golden bash testsuite/xlat/run_golden.sh "$PLAIN" ;;
    xlat-profile) run_tap xlat/profile bash testsuite/xlat/run_profile.sh "$PLAIN" ;;
    xlat-cache) run_tap xlat/cache bash testsuite/xlat/run_cache.sh "$PLAIN" ;;
    xlat-cli)   run_tap xlat/cli bash testsuite/xlat/run_cli.sh "$PLAIN" ;;
    exec)       run_tap exec/rv64 bash testsuite/exec/run_exec.sh "$PLAIN" "$ASAN" ;;
    *) echo "run.sh: unknown suite '$s'" >&2; exit 2 ;;
    esac
done

echo
[ ${#failed_names[@]} -gt 0 ] && echo "failed suites: ${failed_names[*]} (logs in $LOG/)"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]

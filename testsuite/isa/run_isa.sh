#!/usr/bin/env bash
# ISA case suite: every testsuite/isa/<name>.cases becomes build/isa/<name> (see
# scripts/gen_isa_test.c), run under qemu-riscv64 (validates the expectations: a case
# qemu fails is a bad case) and under fvp-run.  One TAP line per case and engine,
# named ENGINE/FILE/CASE.  Exits non-zero on any failure.
#
#   testsuite/isa/run_isa.sh [BUILD]      (BUILD: build or build/asan; default build)
# Environment: FVP_RUN (default BUILD/bin/fvp-run), QEMU (default qemu-riscv64).
set -u
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
FVP_RUN=${FVP_RUN:-$BUILD/bin/fvp-run}
QEMU=${QEMU:-qemu-riscv64}
RV_CC=${RV_CC:-riscv64-linux-gnu-gcc}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

n=0
nfail=0
tap_ok()   { n=$((n + 1)); echo "ok $n - $1"; }
tap_fail() { n=$((n + 1)); nfail=$((nfail + 1)); echo "not ok $n - $1"; }
tap_skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

if ! command -v "$RV_CC" >/dev/null 2>&1; then
    tap_skip isa "no RISC-V cross compiler ($RV_CC)"
    echo "1..$n"; exit 0
fi
if ! make --no-print-directory -s -f Makefile -f testsuite/suites.mk isa-progs >"$TMP/build.log" 2>&1; then
    sed 's/^/# /' "$TMP/build.log" | head -40
    tap_fail "isa: building the case programs"
    echo "1..$n"; exit 1
fi

# run_engine ENGINE-NAME CMD...: runs every case program under CMD, emits its TAP lines.
run_engine() {
    local ename=$1; shift
    local cases prog name out rc total seen
    for cases in testsuite/isa/*.cases; do
        name=$(basename "$cases" .cases)
        prog=build/isa/$name
        out=$TMP/$ename.$name.out
        timeout 120 "$@" "$prog" >"$out" 2>"$TMP/$ename.$name.err"
        rc=$?
        # FAIL lines become TAP diagnostics, case lines are renumbered and prefixed
        seen=0
        while IFS= read -r line; do
            case $line in
            "not ok "*) seen=$((seen + 1)); tap_fail "$ename/$name/${line#not ok * - }" ;;
            "ok "*)     seen=$((seen + 1)); tap_ok "$ename/$name/${line#ok * - }" ;;
            FAIL*)      echo "# $ename: $line" ;;
            esac
        done <"$out"
        total=$(grep -cvE '^[[:space:]]*(#|$)' "$cases")
        if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] || [ "$seen" -ne "$total" ]; then
            head -5 "$TMP/$ename.$name.err" | sed 's/^/# /'
            tap_fail "$ename/$name: program ended with status $rc after $seen of $total cases"
        fi
    done
}

if command -v "$QEMU" >/dev/null 2>&1; then
    run_engine qemu "$QEMU"
else
    tap_skip qemu "$QEMU not installed"
fi
if command -v "$FVP_RUN" >/dev/null 2>&1; then
    run_engine fvp-run "$FVP_RUN"
else
    tap_skip fvp-run "$FVP_RUN not built"
fi
echo "1..$n"
[ "$nfail" -eq 0 ]

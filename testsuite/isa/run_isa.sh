#!/usr/bin/env bash
# ISA case suite: every testsuite/isa/<name>.cases becomes build/isa/<name> (see
# scripts/gen_isa_test.c), run under qemu-riscv64 (validates the expectations: a case
# qemu fails is a bad case), under fvp-run and as translated by fvp-xlat (each program
# translated once to BUILD/xlat/isa/<name> (XLAT_SUBDIR replaces isa), see
# testsuite/xlat/xlat_lib.sh).  One TAP line
# per case and engine, named ENGINE/FILE/CASE.  Exits non-zero on any failure.
#
#   testsuite/isa/run_isa.sh [BUILD]      (BUILD: build or build/asan; default build)
# Environment: ENGINES (default "qemu fvp-run"; any of qemu fvp-run xlat),
#              FVP_RUN (default BUILD/bin/fvp-run), QEMU (default qemu-riscv64),
#              FVP_XLAT (default BUILD/bin/fvp-xlat), XLAT_FLAGS (default -O2).
set -u
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
ENGINES=${ENGINES:-qemu fvp-run}
FVP_RUN=${FVP_RUN:-$BUILD/bin/fvp-run}
QEMU=${QEMU:-qemu-riscv64}
FVP_XLAT=${FVP_XLAT:-$BUILD/bin/fvp-xlat}
# shellcheck source=testsuite/xlat/xlat_lib.sh
. testsuite/xlat/xlat_lib.sh
RV_CC=${RV_CC:-riscv64-linux-gnu-gcc}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# shellcheck source=testsuite/tap_lib.sh
. testsuite/tap_lib.sh

if ! command -v "$RV_CC" >/dev/null 2>&1; then
    tap_skip isa "no RISC-V cross compiler ($RV_CC)"
    echo "1..$n"; exit 0
fi
if ! make --no-print-directory -s -f Makefile -f testsuite/suites.mk isa-progs >"$TMP/build.log" 2>&1; then
    sed 's/^/# /' "$TMP/build.log" | head -40
    tap_fail "isa: building the case programs"
    echo "1..$n"; exit 1
fi

# engine_cmd ENGINE NAME: sets CMD to the command that runs build/isa/NAME under ENGINE;
# false (after the TAP failure) when the xlat translation fails.
engine_cmd() {
    local prog=build/isa/$2
    case $1 in
    qemu)    CMD=("$QEMU" "$prog") ;;
    fvp-run) CMD=("$FVP_RUN" "$prog") ;;
    xlat)
        if ! xlat_prepare "$prog" "$BUILD/xlat/${XLAT_SUBDIR:-isa}/$2" "$2"; then
            tap_fail "xlat/$2: translation failed"
            return 1
        fi
        CMD=("$BUILD/xlat/${XLAT_SUBDIR:-isa}/$2") ;;
    esac
}

# run_engine ENGINE: runs every case program under ENGINE, emits its TAP lines.
run_engine() {
    local ename=$1
    local cases name out rc total seen
    for cases in testsuite/isa/*.cases; do
        name=$(basename "$cases" .cases)
        engine_cmd "$ename" "$name" || continue
        out=$TMP/$ename.$name.out
        timeout 120 "${CMD[@]}" >"$out" 2>"$TMP/$ename.$name.err"
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

for engine in $ENGINES; do
    case $engine in
    qemu)    tool=$QEMU ;;
    fvp-run) tool=$FVP_RUN ;;
    xlat)    tool=$FVP_XLAT ;;
    *)       tap_fail "unknown engine '$engine' in ENGINES (qemu fvp-run xlat)"; continue ;;
    esac
    if command -v "$tool" >/dev/null 2>&1; then
        run_engine "$engine"
    else
        tap_skip "$engine" "$tool not built or installed"
    fi
done
echo "1..$n"
[ "$nfail" -eq 0 ]

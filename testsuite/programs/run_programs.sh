#!/usr/bin/env bash
# Differential program tests: every build/riscv/<name> built from testsuite/programs/<name>.c
# (make rv-progs: -O2 -static) runs under qemu-riscv64 (the reference) and under each engine of
# ENGINES: fvp-run, or xlat (the program translated once by fvp-xlat to BUILD/xlat/programs/<name>,
# see testsuite/xlat/xlat_lib.sh, then run directly), each in a fresh temporary working directory with the same small environment, arguments from
# <name>.args (one line, shell-like quoting, optional) and stdin from <name>.stdin (optional,
# else /dev/null).  stdout, stderr and exit status (signal death = 128+N) must match.
# <name>.status (optional) holds the status qemu must produce, to catch a broken reference.
#
# XLAT_SUBDIR (default programs) names the translations' directory under BUILD/xlat, so
# suites with different XLAT_FLAGS keep their own.
# TAP names: NAME for fvp-run, xlat/NAME for xlat; a failed translation fails xlat/NAME.
#
#   testsuite/programs/run_programs.sh [BUILD] [NAME...]
# Environment: ENGINES (default fvp-run; any of fvp-run xlat), FVP_RUN (default
#              BUILD/bin/fvp-run), QEMU (default qemu-riscv64), FVP_XLAT (default
#              BUILD/bin/fvp-xlat), XLAT_FLAGS (default -O2), PROG_TIMEOUT (seconds per
#              run, default 120).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BUILD=${1:-build}
shift $(($# > 0 ? 1 : 0))
FVP_RUN=${FVP_RUN:-$BUILD/bin/fvp-run}
QEMU=${QEMU:-qemu-riscv64}
FVP_XLAT=${FVP_XLAT:-$BUILD/bin/fvp-xlat}
ENGINES=${ENGINES:-fvp-run}
PROG_TIMEOUT=${PROG_TIMEOUT:-120}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ulimit -c 0

# shellcheck source=testsuite/tap_lib.sh
. testsuite/tap_lib.sh

# an engine given as a path is made absolute: runs happen in other directories
abs_cmd() {
    case $1 in
    */*) [ -e "$1" ] && echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" || echo "$1" ;;
    *) command -v "$1" || echo "$1" ;;
    esac
}
FVP_RUN=$(abs_cmd "$FVP_RUN")
QEMU=$(abs_cmd "$QEMU")
FVP_XLAT=$(abs_cmd "$FVP_XLAT")
# shellcheck source=testsuite/xlat/xlat_lib.sh
. testsuite/xlat/xlat_lib.sh

if ! command -v riscv64-linux-gnu-gcc >/dev/null 2>&1; then
    tap_skip programs "no riscv64-linux-gnu-gcc"; echo "1..$n"; exit 0
fi
if ! command -v "$QEMU" >/dev/null 2>&1; then
    tap_skip programs "no reference $QEMU"; echo "1..$n"; exit 0
fi
# the engines that can run; an engine that is not built gets one SKIP line
engines=()
for e in $ENGINES; do
    case $e in
    fvp-run) if [ -x "$FVP_RUN" ]; then engines+=("$e"); else tap_skip "$e" "$FVP_RUN not built"; fi ;;
    xlat)    if xlat_available; then engines+=("$e"); else tap_skip "$e" "$FVP_XLAT not built"; fi ;;
    *)       tap_fail "unknown engine '$e' in ENGINES (fvp-run xlat)" ;;
    esac
done
if [ ${#engines[@]} -eq 0 ]; then echo "1..$n"; [ "$nfail" -eq 0 ]; exit; fi

make --no-print-directory -s -f Makefile -f testsuite/suites.mk rv-progs >"$TMP/build.log" 2>&1 ||
    { echo "# make rv-progs failed:"; tail -20 "$TMP/build.log" | sed 's/^/#   /'; }

# run_one OUTDIR NAME CMD...: runs CMD (ending with the program) in a fresh directory with
# NAME's arguments and stdin; OUTDIR/{out,err,status}, and OUTDIR/hang with the threads' stacks
# when it ran out of time
run_one() {
    local dir=$1 name=$2; shift 2
    local wd=$dir/wd args=() in=/dev/null
    mkdir -p "$wd"
    [ -f "testsuite/programs/$name.stdin" ] && in=$ROOT/testsuite/programs/$name.stdin
    if [ -f "testsuite/programs/$name.args" ]; then
        mapfile -d '' args < <(xargs -r printf '%s\0' <"testsuite/programs/$name.args")
    fi
    # the outer subshell swallows bash's "Segmentation fault" job message
    ( (cd "$wd" && exec env -i PATH=/usr/bin:/bin HOME="$wd" LANG=C LC_ALL=C TZ=UTC \
        FVP_TEST_VAR=hello-fvp FVP_TEST_SPACES='a b  c' \
        "$ROOT/testsuite/timeout_dump.sh" "$PROG_TIMEOUT" "$dir/hang" "$@" "${args[@]}" \
        <"$in" >"$dir/out" 2>"$dir/err.raw"); exit $? ) 2>/dev/null
    echo $? >"$dir/status"
    # qemu reports an uncaught signal on stderr; fvp-run need not copy that line
    grep -v '^qemu: uncaught target signal' "$dir/err.raw" >"$dir/err"
}

# the harness's own hang guard: a command that outlives its time gives 124 and a dump
bash testsuite/timeout_dump.sh 1 "$TMP/selftest.hang" sleep 30 </dev/null
hs=$?
if [ "$hs" = 124 ] && grep -q '^=== pid' "$TMP/selftest.hang"; then
    tap_ok "harness: a hang gives status 124 and the threads' stacks"
else
    tap_fail "harness: testsuite/timeout_dump.sh gave status $hs for a hang, dump: $(head -c 200 "$TMP/selftest.hang" 2>/dev/null)"
fi

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for src in testsuite/programs/*.c; do names+=("$(basename "$src" .c)"); done
fi
# engine_cmd ENGINE NAME: sets CMD to the command running NAME under ENGINE (without its
# arguments); false after a TAP failure when the xlat translation fails.
engine_cmd() {
    local elf=$ROOT/build/riscv/$2
    case $1 in
    fvp-run) CMD=("$FVP_RUN" "$elf") ;;
    xlat)
        local sub=${XLAT_SUBDIR:-programs}
        local out=$ROOT/$BUILD/xlat/$sub/$2
        case $BUILD in /*) out=$BUILD/xlat/$sub/$2 ;; esac
        if ! xlat_prepare "$elf" "$out" "$2"; then
            tap_fail "xlat/$2: translation failed"
            return 1
        fi
        CMD=("$out") ;;
    esac
}

for name in "${names[@]}"; do
    if [ ! -x "build/riscv/$name" ]; then
        tap_fail "$name: build/riscv/$name was not built"
        continue
    fi
    q=$TMP/$name/qemu
    run_one "$q" "$name" "$QEMU" "$ROOT/build/riscv/$name"
    qs=$(cat "$q/status")
    if [ -f "testsuite/programs/$name.status" ]; then
        want=$(tr -d ' \n' <"testsuite/programs/$name.status")
        if [ "$qs" = "$want" ]; then tap_ok "qemu/$name: status $qs"
        else tap_fail "qemu/$name: status $qs, the test expects $want"; fi
    fi
    for e in "${engines[@]}"; do
        label=$name
        [ "$e" = fvp-run ] || label=$e/$name
        engine_cmd "$e" "$name" || continue
        f=$TMP/$name/$e
        start=$(date +%s%N)
        run_one "$f" "$name" "${CMD[@]}"
        secs=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
        fs=$(cat "$f/status")
        bad=()
        [ "$qs" = "$fs" ] || bad+=("status qemu $qs $e $fs")
        cmp -s "$q/out" "$f/out" || bad+=("stdout differs")
        cmp -s "$q/err" "$f/err" || bad+=("stderr differs")
        if [ ${#bad[@]} -eq 0 ]; then
            tap_ok "$label (status $qs, $e ${secs}s)"
        else
            tap_fail "$label: $(IFS=,; echo "${bad[*]}")"
            # a hang: where every thread was (testsuite/timeout_dump.sh)
            [ -s "$f/hang" ] && head -60 "$f/hang" | sed 's/^/#   /'
            for s in out err; do
                cmp -s "$q/$s" "$f/$s" ||
                    diff -u --label "qemu std$s" --label "$e std$s" "$q/$s" "$f/$s" | head -15 | sed 's/^/#   /'
            done
        fi
    done
done
echo "1..$n"
[ "$nfail" -eq 0 ]

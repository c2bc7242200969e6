#!/usr/bin/env bash
# gcc torture suite: gcc-12-source's gcc/testsuite/gcc.c-torture/execute/*.c and ieee/*.c
# (ieee tests get -ffloat-store like ieee.exp, plus -fno-trapping-math where their .x file
# adds it; builtins/ needs extra harness sources and is not run), built for rv64gc at -O2
# -static with each test's dg-options (testsuite/torture/dg_parse.awk decides skips and
# flags), run under qemu-riscv64 and under each engine of ENGINES (fvp-run, or xlat: the
# test translated once by fvp-xlat to BUILD/xlat/torture/<name>, see
# testsuite/xlat/xlat_lib.sh, then run directly; translations run in the parallel workers)
# with a 10 s timeout; a test passes if it exits 0.  Prints "qemu: P/N passed, fvp-run: Q/N
# passed[, xlat: R/N passed]" and every test where an engine differs from qemu, plus a
# "# xlat NAME SECS" line per translation.  TAP: one line per test and engine, ok iff the
# engine agrees with qemu; named PREFIX/NAME for fvp-run, PREFIX/xlat/NAME for xlat.
#
#   testsuite/torture/run_torture.sh [BUILD] [--subset FILE] [--jobs N]
# Environment: ENGINES (default fvp-run; any of fvp-run xlat), FVP_RUN (default
#              BUILD/bin/fvp-run), QEMU (default qemu-riscv64), FVP_XLAT (default
#              BUILD/bin/fvp-xlat), XLAT_FLAGS (default -O2), GCC_SRC_TAR (default
#              /usr/src/gcc-12/gcc-*.tar.*), TORTURE_TIMEOUT (10).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
TDIR=build/torture
SRC=$TDIR/src
BIN=$TDIR/bin
export RV_CC=${RV_CC:-riscv64-linux-gnu-gcc}
export TORTURE_TIMEOUT=${TORTURE_TIMEOUT:-10}

# ---- one test (run by xargs workers): writes $RES/NAME -------------------------------
if [ "${1:-}" = "--one" ]; then
    name=$2
    src=$SRC/$name.c bin=$BIN/$name out=$RES/${name//\//__}
    extra=
    case $name in
    ieee/*) extra=-ffloat-store
            grep -qs fno-trapping-math "$SRC/$name.x" && extra="$extra -fno-trapping-math" ;;
    esac
    mkdir -p "$(dirname "$bin")"
    if [ ! -e "$bin" ] && [ ! -e "$bin.skip" ] || [ "$src" -nt "$bin.meta" ] ||
            [ testsuite/torture/dg_parse.awk -nt "$bin.meta" ]; then
        rm -f "$bin" "$bin.skip"
        verdict=$(awk -f testsuite/torture/dg_parse.awk "$src")
        case $verdict in
        SKIP*) echo "${verdict#SKIP }" >"$bin.skip" ;;
        *)
            # shellcheck disable=SC2086  # the flags are a word list
            if ! "$RV_CC" -march=rv64gc -mabi=lp64d -O2 -static -w -I"$(dirname "$src")" $extra ${verdict#FLAGS} \
                    -o "$bin" "$src" -lm >"$bin.log" 2>&1; then
                echo "does not build for rv64: $(grep -m1 -E 'error|undefined' "$bin.log" | cut -c1-100)" >"$bin.skip"
                rm -f "$bin"
            fi ;;
        esac
        : >"$bin.meta"
    fi
    if [ -e "$bin.skip" ]; then
        echo "SKIP $(cat "$bin.skip")" >"$out"
        exit 0
    fi
    wd=$(mktemp -d)
    run() {
        ( (cd "$wd" && exec timeout -k 2 "$TORTURE_TIMEOUT" "$@" </dev/null >/dev/null 2>&1); exit $? ) 2>/dev/null
        echo $?
    }
    # line 1: RAN QEMU-STATUS ENGINE-STATUS...; then xlat's time and error lines
    q=$(run "$QEMU" "$ROOT/$bin")
    statuses=() notes=()
    for e in $ENGINES; do
        case $e in
        fvp-run) statuses+=("$(run "$FVP_RUN" "$ROOT/$bin")") ;;
        xlat)
            . testsuite/xlat/xlat_lib.sh
            if xlat_translate "$ROOT/$bin" "$XLAT_DIR/$name"; then
                statuses+=("$(run "$XLAT_DIR/$name")")
            else
                statuses+=(xlat-error)
                notes+=("XLATERR $XLAT_ERR")
            fi
            notes+=("$(xlat_time_line "$name")") ;;
        esac
    done
    rm -rf "$wd"
    { echo "RAN $q ${statuses[*]}"; printf '%s\n' "${notes[@]}"; } >"$out"
    exit 0
fi

BUILD=build
SUBSET=
JOBS=$(nproc 2>/dev/null || echo 2)
while [ $# -gt 0 ]; do
    case $1 in
    --subset) SUBSET=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    -*) echo "usage: $0 [BUILD] [--subset FILE] [--jobs N]" >&2; exit 2 ;;
    *) BUILD=$1; shift ;;
    esac
done
FVP_RUN=${FVP_RUN:-$BUILD/bin/fvp-run}
QEMU=${QEMU:-qemu-riscv64}
FVP_XLAT=${FVP_XLAT:-$BUILD/bin/fvp-xlat}
ENGINES=${ENGINES:-fvp-run}
case $FVP_RUN in */*) FVP_RUN=$(cd "$(dirname "$FVP_RUN")" 2>/dev/null && pwd)/$(basename "$FVP_RUN") ;; esac
case $FVP_XLAT in */*) FVP_XLAT=$(cd "$(dirname "$FVP_XLAT")" 2>/dev/null && pwd)/$(basename "$FVP_XLAT") ;; esac
XLAT_DIR=$(mkdir -p "$BUILD/xlat/torture" && cd "$BUILD/xlat/torture" && pwd)
prefix=torture
[ -n "$SUBSET" ] && prefix=torture-subset

skip_all() { echo "ok 1 - $prefix # SKIP $1"; echo "1..1"; exit 0; }
command -v "$RV_CC" >/dev/null 2>&1 || skip_all "no $RV_CC"
command -v "$QEMU" >/dev/null 2>&1 || skip_all "no reference $QEMU"
# the engines that can run (ENGINES is narrowed to them); one SKIP line for each other
engines=() unavailable=()
for e in $ENGINES; do
    case $e in
    fvp-run) tool=$FVP_RUN ;;
    xlat)    tool=$FVP_XLAT ;;
    *)       echo "run_torture.sh: unknown engine '$e' in ENGINES (fvp-run xlat)" >&2; exit 2 ;;
    esac
    if [ -x "$tool" ]; then engines+=("$e"); else unavailable+=("$e: $tool not built"); fi
done
if [ ${#engines[@]} -eq 0 ]; then
    skip_all "$(IFS=,; echo "${unavailable[*]}")"
fi
ENGINES=${engines[*]}

# ---- extract the tests once ------------------------------------------------------------
if [ ! -e "$SRC/.extracted" ]; then
    tarball=${GCC_SRC_TAR:-$(ls /usr/src/gcc-12/gcc-*.tar.* 2>/dev/null | grep -v gm2 | head -1)}
    [ -n "$tarball" ] && [ -r "$tarball" ] || skip_all "gcc-12-source not installed (/usr/src/gcc-12/gcc-*.tar.*)"
    rm -rf "$SRC" "$TDIR/extract"
    mkdir -p "$TDIR/extract"
    tar -xf "$tarball" -C "$TDIR/extract" --wildcards '*/gcc/testsuite/gcc.c-torture/execute/*' ||
        skip_all "cannot extract $tarball"
    mv "$TDIR"/extract/*/gcc/testsuite/gcc.c-torture/execute "$SRC"
    rm -rf "$TDIR/extract"
    touch "$SRC/.extracted"
fi
mkdir -p "$BIN"

if [ -n "$SUBSET" ]; then
    mapfile -t names < <(grep -vE '^[[:space:]]*(#|$)' "$SUBSET")
else
    mapfile -t names < <(cd "$SRC" && ls -- *.c ieee/*.c | sed 's/\.c$//' | LC_ALL=C sort)
fi
RES=$(mktemp -d)
trap 'rm -rf "$RES"' EXIT
export RES SRC BIN ROOT QEMU FVP_RUN FVP_XLAT XLAT_DIR ENGINES
[ -n "${XLAT_FLAGS+set}" ] && export XLAT_FLAGS
printf '%s\n' "${names[@]}" | xargs -P "$JOBS" -I{} bash "$0" --one {}

# ---- report -------------------------------------------------------------------------------
n=0 total=0 qpass=0 skipped=0 nfail=0
declare -A epass=()
for e in "${engines[@]}"; do epass[$e]=0; done
diffs=()
for u in "${unavailable[@]}"; do n=$((n + 1)); echo "ok $n - $prefix/${u%%:*} # SKIP ${u#*: }"; done
for name in "${names[@]}"; do
    r="SKIP missing result for $name"
    f=$RES/${name//\//__}
    [ -e "$f" ] && read -r r <"$f"
    case $r in
    SKIP*) n=$((n + 1)); skipped=$((skipped + 1)); echo "ok $n - $prefix/$name # SKIP ${r#SKIP }"; continue ;;
    esac
    [ -e "$f" ] && grep -E '^# xlat ' "$f"
    read -r _ q statuses <<<"$r"
    read -r -a st <<<"$statuses"
    total=$((total + 1))
    qs=fail
    [ "$q" = 0 ] && qs=pass && qpass=$((qpass + 1))
    for i in "${!engines[@]}"; do
        e=${engines[$i]} s=${st[$i]:--}
        n=$((n + 1))
        label=$prefix/$name
        [ "$e" = fvp-run ] || label=$prefix/$e/$name
        es=fail
        [ "$s" = 0 ] && es=pass && epass[$e]=$((epass[$e] + 1))
        if [ "$s" = xlat-error ]; then
            nfail=$((nfail + 1))
            diffs+=("$name: qemu $qs (status $q), $e did not translate")
            grep -E '^XLATERR ' "$f" | sed 's/^XLATERR /# xlat: /'
            echo "not ok $n - $label: translation failed (qemu $qs, status $q)"
        elif [ "$qs" = "$es" ]; then
            echo "ok $n - $label: both $qs (qemu $q, $e $s)"
        else
            nfail=$((nfail + 1))
            diffs+=("$name: qemu $qs (status $q), $e $es (status $s)")
            echo "not ok $n - $label: qemu $qs (status $q), $e $es (status $s)"
        fi
    done
done
echo "1..$n"
echo "# $prefix: $total run, $skipped skipped"
counts="qemu: $qpass/$total passed"
for e in "${engines[@]}"; do counts+=", $e: ${epass[$e]}/$total passed"; done
for u in "${unavailable[@]}"; do counts+=", ${u%%:*}: not built"; done
echo "# $counts"
for d in "${diffs[@]}"; do echo "# differs: $d"; done
[ "$nfail" -eq 0 ]

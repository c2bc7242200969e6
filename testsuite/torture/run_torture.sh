#!/usr/bin/env bash
# gcc torture suite: gcc-12-source's gcc/testsuite/gcc.c-torture/execute/*.c and ieee/*.c
# (ieee tests get -ffloat-store like ieee.exp, plus -fno-trapping-math where their .x file
# adds it; builtins/ needs extra harness sources and is not run), built for rv64gc at -O2
# -static with each test's dg-options (testsuite/torture/dg_parse.awk decides skips and
# flags), run under qemu-riscv64 and fvp-run with a 10 s timeout; a test passes if
# it exits 0.  Prints "qemu: P/N passed, fvp-run: Q/N passed" and every test where the two
# engines differ.  TAP: one line per test, ok iff fvp-run agrees with qemu.
#
#   testsuite/torture/run_torture.sh [BUILD] [--subset FILE] [--jobs N]
# Environment: FVP_RUN (default BUILD/bin/fvp-run), QEMU (default qemu-riscv64),
#              GCC_SRC_TAR (default /usr/src/gcc-12/gcc-*.tar.*), TORTURE_TIMEOUT (10).
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
        ( (cd "$wd" && exec timeout -k 2 "$TORTURE_TIMEOUT" "$@" "$ROOT/$bin" </dev/null >/dev/null 2>&1); exit $? ) 2>/dev/null
        echo $?
    }
    q=$(run "$QEMU")
    if [ "$HAVE_FVP" = 1 ]; then f=$(run "$FVP_RUN"); else f=-; fi
    rm -rf "$wd"
    echo "RAN $q $f" >"$out"
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
case $FVP_RUN in */*) FVP_RUN=$(cd "$(dirname "$FVP_RUN")" 2>/dev/null && pwd)/$(basename "$FVP_RUN") ;; esac
prefix=torture
[ -n "$SUBSET" ] && prefix=torture-subset

skip_all() { echo "ok 1 - $prefix # SKIP $1"; echo "1..1"; exit 0; }
command -v "$RV_CC" >/dev/null 2>&1 || skip_all "no $RV_CC"
command -v "$QEMU" >/dev/null 2>&1 || skip_all "no reference $QEMU"
HAVE_FVP=1
command -v "$FVP_RUN" >/dev/null 2>&1 || HAVE_FVP=0

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
export RES SRC BIN ROOT QEMU FVP_RUN HAVE_FVP
printf '%s\n' "${names[@]}" | xargs -P "$JOBS" -I{} bash "$0" --one {}

# ---- report -------------------------------------------------------------------------------
n=0 total=0 qpass=0 fpass=0 skipped=0 nfail=0
diffs=()
for name in "${names[@]}"; do
    n=$((n + 1))
    r="SKIP missing result for $name"
    [ -e "$RES/${name//\//__}" ] && read -r r <"$RES/${name//\//__}"
    case $r in
    SKIP*) skipped=$((skipped + 1)); echo "ok $n - $prefix/$name # SKIP ${r#SKIP }"; continue ;;
    esac
    read -r _ q f <<<"$r"
    total=$((total + 1))
    [ "$q" = 0 ] && qpass=$((qpass + 1))
    [ "$f" = 0 ] && fpass=$((fpass + 1))
    qs=fail fs=fail
    [ "$q" = 0 ] && qs=pass
    [ "$f" = 0 ] && fs=pass
    if [ "$HAVE_FVP" = 0 ]; then
        echo "ok $n - $prefix/$name # SKIP fvp-run not built (qemu $qs, status $q)"
    elif [ "$qs" = "$fs" ]; then
        echo "ok $n - $prefix/$name: both $qs (qemu $q, fvp-run $f)"
    else
        nfail=$((nfail + 1))
        diffs+=("$name: qemu $qs (status $q), fvp-run $fs (status $f)")
        echo "not ok $n - $prefix/$name: qemu $qs (status $q), fvp-run $fs (status $f)"
    fi
done
echo "1..$n"
echo "# $prefix: $total run, $skipped skipped"
if [ "$HAVE_FVP" = 1 ]; then
    echo "# qemu: $qpass/$total passed, fvp-run: $fpass/$total passed"
else
    echo "# qemu: $qpass/$total passed, fvp-run: not built ($FVP_RUN)"
fi
for d in "${diffs[@]}"; do echo "# differs: $d"; done
[ "$nfail" -eq 0 ]

#!/usr/bin/env bash
# Golden LLVM IR tests of fvp-xlat: every testsuite/xlat/golden/<name>.s (a few RV64
# instructions, a global function <name>) is assembled and linked alone (-nostdlib -static,
# entry <name>, no linker relaxation so the code is what the file says), translated with
# `fvp-xlat --emit-llvm <name>.ll $GOLDEN_FLAGS <name>.elf -o <name>` under
# BUILD/xlat/golden/, and the text of each checked function (`define ... @<fn>(` through
# its closing `}`) must equal testsuite/xlat/golden/<name>.ll.  The checked functions are
# <name>, or those a "# golden: FN..." line of the .s lists.  A function matches when its
# LLVM name is FN, or contains FN between '.'/'_' delimiters or the ends of the name.
# Lines "# golden-asm: RE" / "# golden-asm-not: RE" of the .s are extended regular
# expressions that the output's machine code for those functions (objdump -d) must / must
# not match.  One TAP line per .s file.
#
#   testsuite/xlat/run_golden.sh [BUILD] [--update] [NAME...]
# --update rewrites the expected files from the current translation (review the diff!).
# Environment: FVP_XLAT (default BUILD/bin/fvp-xlat), GOLDEN_FLAGS (default -O2 --cpu
#              x86-64-v2: a fixed CPU, the expected code must not depend on the host),
#              RV_AS (riscv64-linux-gnu-as), RV_LD (riscv64-linux-gnu-ld).
set -u
cd "$(dirname "$0")/../.."
BUILD=build
UPDATE=0
names=()
while [ $# -gt 0 ]; do
    case $1 in
    --update) UPDATE=1 ;;
    -*) echo "usage: $0 [BUILD] [--update] [NAME...]" >&2; exit 2 ;;
    *) if [ ${#names[@]} -eq 0 ] && [ -d "$1" ]; then BUILD=$1; else names+=("$1"); fi ;;
    esac
    shift
done
FVP_XLAT=${FVP_XLAT:-$BUILD/bin/fvp-xlat}
GOLDEN_FLAGS=${GOLDEN_FLAGS:--O2 --cpu x86-64-v2}
RV_AS=${RV_AS:-riscv64-linux-gnu-as}
RV_LD=${RV_LD:-riscv64-linux-gnu-ld}
GDIR=testsuite/xlat/golden
OUT=$BUILD/xlat/golden

# shellcheck source=testsuite/tap_lib.sh
. testsuite/tap_lib.sh
skip_all() { echo "ok 1 - xlat-golden # SKIP $1"; echo "1..1"; exit 0; }

for tool in "$RV_AS" "$RV_LD"; do
    command -v "$tool" >/dev/null 2>&1 || skip_all "no $tool"
done
[ -x "$FVP_XLAT" ] || skip_all "fvp-xlat not built ($FVP_XLAT)"
mkdir -p "$OUT"

if [ ${#names[@]} -eq 0 ]; then
    for s in "$GDIR"/*.s; do [ -e "$s" ] && names+=("$(basename "$s" .s)"); done
fi
[ ${#names[@]} -gt 0 ] || skip_all "no $GDIR/*.s"

# extract_fns LLFILE FN...: prints the definitions of FN... (in this order) from LLFILE;
# fails naming the first FN it cannot find.
extract_fns() {
    local ll=$1; shift
    awk -v want="$*" '
    function matches(tok, fn,    i) {
        if (tok == fn) return 1
        i = index(tok, fn)
        while (i > 0) {
            if ((i == 1 || substr(tok, i - 1, 1) ~ /[._]/) &&
                (i + length(fn) > length(tok) || substr(tok, i + length(fn), 1) ~ /[._]/))
                return 1
            tok = substr(tok, i + 1); i = index(tok, fn)
        }
        return 0
    }
    /^define / {
        tok = $0; sub(/^[^@]*@/, "", tok); sub(/\(.*/, "", tok); gsub(/"/, "", tok)
        cur = ++nfn; name[cur] = tok; text[cur] = ""
    }
    cur { text[cur] = text[cur] $0 "\n" }
    cur && /^}/ { cur = 0 }
    END {
        nw = split(want, w, " ")
        for (k = 1; k <= nw; k++) {
            found = 0
            for (f = 1; f <= nfn; f++) if (name[f] == w[k]) found = f
            for (f = 1; f <= nfn && !found; f++) if (matches(name[f], w[k])) found = f
            if (!found) { print w[k] > "/dev/stderr"; exit 1 }
            if (k > 1) printf "\n"
            printf "%s", text[found]
        }
    }' "$ll"
}

# check_asm SRC BIN FN...: the golden-asm / golden-asm-not lines of SRC against the
# disassembly of BIN's translated functions FN... (symbols fvp_<pc>_<FN>); prints what failed.
check_asm() {
    local src=$1 bin=$2 re dis
    shift 2
    grep -qE '^#[[:space:]]*golden-asm(-not)?:' "$src" || return 0
    dis=$(objdump -d --no-show-raw-insn "$bin" | awk -v want="$*" '
        /^[0-9a-f]+ <.*>:$/ {
            on = 0; n = split(want, w, " ")
            for (k = 1; k <= n; k++) if ($2 ~ ("^<fvp_[0-9a-f]+_" w[k] ">:$")) on = 1
        }
        on')
    if [ -z "$dis" ]; then echo "no code for $* in $bin"; return 1; fi
    while IFS= read -r re; do
        echo "$dis" | grep -qE "$re" || { echo "no match for /$re/"; return 1; }
    done < <(sed -n 's/^#[[:space:]]*golden-asm:[[:space:]]*//p' "$src")
    while IFS= read -r re; do
        if echo "$dis" | grep -qE "$re"; then
            echo "/$re/ found: $(echo "$dis" | grep -m1 -E "$re" | tr -s '\t ' ' ')"
            return 1
        fi
    done < <(sed -n 's/^#[[:space:]]*golden-asm-not:[[:space:]]*//p' "$src")
}

# golden_one NAME: assembles, translates and compares NAME; emits its TAP line.
golden_one() {
    local name=$1 src=$GDIR/$1.s want=$GDIR/$1.ll
    local elf=$OUT/$name.elf ll=$OUT/$name.ll got=$OUT/$name.got.ll fns missing
    if [ ! -f "$src" ]; then tap_fail "$name: no $src"; return; fi
    fns=$(sed -n 's/^#[[:space:]]*golden:[[:space:]]*//p' "$src" | head -1)
    [ -n "$fns" ] || fns=$name
    if ! "$RV_AS" -march=rv64gc -o "$OUT/$name.o" "$src" >"$OUT/$name.as.log" 2>&1 ||
       ! "$RV_LD" -nostdlib -static --no-relax -e "$name" -o "$elf" "$OUT/$name.o" \
            >>"$OUT/$name.as.log" 2>&1; then
        head -5 "$OUT/$name.as.log" | sed 's/^/# /'
        tap_fail "$name: does not assemble/link"
        return
    fi
    rm -f "$ll"
    # shellcheck disable=SC2086  # GOLDEN_FLAGS is a word list
    if ! timeout -k 5 300 "$FVP_XLAT" --emit-llvm "$ll" $GOLDEN_FLAGS "$elf" -o "$OUT/$name" \
            >"$OUT/$name.xlat.log" 2>&1 || [ ! -s "$ll" ]; then
        local err
        err=$(grep -m1 -iE 'error|fatal|fvp-xlat:' "$OUT/$name.xlat.log")
        [ -n "$err" ] || err=$(grep -m1 . "$OUT/$name.xlat.log")
        echo "# xlat: ${err:-fvp-xlat failed or wrote no $ll}"
        tap_fail "$name: translation failed"
        return
    fi
    # shellcheck disable=SC2086  # fns is a word list
    if ! missing=$(extract_fns "$ll" $fns 2>&1 >"$got"); then
        tap_fail "$name: no function matching '$missing' in $ll"
        return
    fi
    if [ "$UPDATE" = 1 ]; then
        if cmp -s "$got" "$want"; then tap_ok "$name: unchanged"
        else cp "$got" "$want"; tap_ok "$name: wrote $want"; fi
    elif [ ! -f "$want" ]; then
        tap_fail "$name: no expected file: run with --update"
    elif ! cmp -s "$want" "$got"; then
        diff -u --label "expected $want" --label "got $got" "$want" "$got" | head -40 | sed 's/^/# /'
        tap_fail "$name: LLVM IR differs from $want"
    elif ! asm_bad=$(check_asm "$src" "$OUT/$name" $fns); then
        tap_fail "$name: machine code: $asm_bad"
    else
        tap_ok "$name"
    fi
}

for name in "${names[@]}"; do golden_one "$name"; done
echo "1..$n"
[ "$nfail" -eq 0 ]

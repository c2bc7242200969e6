#!/usr/bin/env bash
# Corpus test: fvp-dis against GNU objdump on the RISC-V glibc archives.
#
#   testsuite/corpus/run_corpus.sh BUILD_DIR      (run from the repo root)
#
# For libc.a and libm.a, both disassemblers' outputs are reduced to
# (member, section, address, mnemonic + operands) -- objdump's " <symbol>"
# after a target address and its " # value" comments are dropped -- and
# compared.  Prints up to 50 mismatches as TAP diagnostics and one TAP line
# per archive; exits non-zero if any instruction differs.  Skips (TAP SKIP)
# when the cross objdump or the archives are missing.
set -u

BUILD=${1:-build}
FVP_DIS=$BUILD/bin/fvp-dis
OBJDUMP=${OBJDUMP:-riscv64-linux-gnu-objdump}
LIBDIR=${RV_LIBDIR:-/usr/riscv64-linux-gnu/lib}
ARCHIVES=(libc.a libm.a)
MAX_SHOWN=50

echo "1..${#ARCHIVES[@]}"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Reduces disassembly text on stdin to lines "N:member|M:section|addr<TAB>text".
normalize() {
    awk '
    /^In archive / { next }
    # members and sections are numbered too: names may repeat
    /^[^ \t].*:[ \t]+file format / {
        member = ++nmember ":" $1; sub(/:$/, "", member); nsection = 0; next
    }
    /^Disassembly of section / { section = ++nsection ":" $4; sub(/:$/, "", section); next }
    /^[ \t]*[0-9a-f]+:\t/ {
        n = split($0, f, "\t")
        if (n < 3) next
        addr = f[1]; gsub(/[ :]/, "", addr)
        text = f[3]
        for (i = 4; i <= n; i++) text = text "\t" f[i]
        sub(/ <[^>]*>$/, "", text)       # symbolic target
        sub(/ # .*$/, "", text)          # value comment
        sub(/[ \t]+$/, "", text)
        print member "|" section "|" addr "\t" text
    }'
}

fail=0
n=0
for a in "${ARCHIVES[@]}"; do
    n=$((n + 1))
    lib=$LIBDIR/$a
    if ! command -v "$OBJDUMP" >/dev/null 2>&1; then
        echo "ok $n - $a # SKIP $OBJDUMP not installed"
        continue
    fi
    if [ ! -r "$lib" ]; then
        echo "ok $n - $a # SKIP $lib missing (libc6-dev-riscv64-cross)"
        continue
    fi
    if [ ! -x "$FVP_DIS" ]; then
        echo "not ok $n - $a: $FVP_DIS not built"
        fail=1
        continue
    fi
    "$OBJDUMP" -d -M no-aliases "$lib" 2>/dev/null | normalize >"$tmp/ref"
    if ! "$FVP_DIS" "$lib" >"$tmp/fvp.raw" 2>"$tmp/fvp.err"; then
        echo "# fvp-dis failed: $(head -c 500 "$tmp/fvp.err")"
    fi
    normalize <"$tmp/fvp.raw" >"$tmp/fvp"
    # Compare by key; report differing text, missing and extra instructions.
    read -r total bad < <(awk -F'\t' -v max="$MAX_SHOWN" '
        FNR == NR { fvp[$1] = substr($0, length($1) + 2); next }
        {
            total++
            key = $1; want = substr($0, length($1) + 2)
            if (!(key in fvp)) {
                bad++
                if (bad <= max) printf("# %s: objdump \"%s\", fvp-dis nothing\n", key, want) > "/dev/stderr"
            } else if (fvp[key] != want) {
                bad++
                if (bad <= max) printf("# %s: objdump \"%s\", fvp-dis \"%s\"\n", key, want, fvp[key]) > "/dev/stderr"
            }
            delete fvp[key]
        }
        END {
            for (k in fvp) {
                bad++
                if (bad <= max) printf("# %s: fvp-dis \"%s\", objdump nothing\n", k, fvp[k]) > "/dev/stderr"
            }
            print total + 0, bad + 0
        }' "$tmp/fvp" "$tmp/ref" 2>"$tmp/diag")
    sed 's/\t/\\t/g' "$tmp/diag"
    total=${total:-0}
    bad=${bad:-1}
    if [ "$total" -eq 0 ]; then
        echo "not ok $n - $a: objdump printed no instructions"
        fail=1
    elif [ "$bad" -eq 0 ]; then
        echo "ok $n - $a: $total instructions identical to objdump"
    else
        echo "not ok $n - $a: $bad of $total instructions differ from objdump"
        fail=1
    fi
done
exit $fail

#!/usr/bin/env bash
# Quick comparison for one or more RV64 programs: fvp-xlat translation time and output size,
# then the run time of the translated executable, fvp-run and qemu-riscv64 (interleaved, best of
# REPS), all measured in this one run.  A stop-gap until `make bench` (issue U4).
#
#   bench/xlat_compare.sh [BUILD] 'PROG [ARGS...]'...
# Environment: REPS (default 3), XLAT_FLAGS (default -O2), QEMU (qemu-riscv64).
set -u
cd "$(dirname "$0")/.."
BUILD=build
if [ $# -gt 0 ] && [ -d "$1" ]; then BUILD=$1; shift; fi
REPS=${REPS:-3}
XLAT_FLAGS=${XLAT_FLAGS:--O2}
QEMU=${QEMU:-qemu-riscv64}
OUT=$BUILD/xlat/compare
mkdir -p "$OUT"

secs() { # secs CMD...: wall seconds of one run, output discarded
    local a b
    a=$(date +%s%N); "$@" >/dev/null 2>&1 </dev/null; b=$(date +%s%N)
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}
min() { printf '%s\n' "$@" | sort -g | head -1; }

printf '| program | translate (s) | size (MiB) | xlat (s) | fvp-run (s) | qemu (s) | fvp-run/xlat | qemu/xlat |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for spec in "$@"; do
    read -r -a words <<<"$spec"
    elf=${words[0]}; args=("${words[@]:1}")
    name=$(basename "$elf")
    # shellcheck disable=SC2086  # XLAT_FLAGS is a word list
    t=$(secs "$BUILD/bin/fvp-xlat" $XLAT_FLAGS "$elf" -o "$OUT/$name")
    [ -x "$OUT/$name" ] || { echo "| $name | translation failed |"; continue; }
    size=$(stat -c %s "$OUT/$name" | awk '{ printf "%.1f", $1 / 1048576 }')
    x=() r=() q=()
    for _ in $(seq "$REPS"); do
        x+=("$(secs "$OUT/$name" "${args[@]}")")
        r+=("$(secs "$BUILD/bin/fvp-run" "$elf" "${args[@]}")")
        q+=("$(secs "$QEMU" "$elf" "${args[@]}")")
    done
    bx=$(min "${x[@]}") br=$(min "${r[@]}") bq=$(min "${q[@]}")
    awk -v n="$name ${args[*]}" -v t="$t" -v s="$size" -v x="$bx" -v r="$br" -v q="$bq" \
        'BEGIN { printf "| %s | %s | %s | %s | %s | %s | %.1fx | %.1fx |\n", n, t, s, x, r, q, r / x, q / x }'
done

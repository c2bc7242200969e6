#!/usr/bin/env bash
# The persistent translation cache of fvp-xlat (translator/cache.h), end to end: a first
# translation stores its output, a second is a hit with identical bytes that runs the same,
# --no-cache and FVP_CACHE_SIZE=0 bypass it, other options are another entry, the size bound
# evicts the least recently used entries, a bad FVP_CACHE_SIZE is a one-line error and a
# cache that cannot be written is only a warning.
# TAP output.   testsuite/xlat/run_cache.sh [BUILD]
set -u
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
FVP_XLAT=${FVP_XLAT:-$BUILD/bin/fvp-xlat}
RV_CC=${RV_CC:-riscv64-linux-gnu-gcc}
OUT=$BUILD/xlat/cache
# shellcheck source=testsuite/tap_lib.sh
. testsuite/tap_lib.sh
check()    { if eval "$2"; then tap_ok "cache: $1"; else tap_fail "cache: $1"; fi; }
finish()   { echo "1..$n"; [ "$nfail" -eq 0 ]; exit $?; }
if ! command -v "$RV_CC" >/dev/null 2>&1 || [ ! -x "$FVP_XLAT" ]; then
    echo "ok 1 - cache # SKIP needs $RV_CC and $FVP_XLAT"; echo "1..1"; exit 0
fi
rm -rf "$OUT"
mkdir -p "$OUT"
export FVP_CACHE_DIR=$OUT/store
unset FVP_CACHE_SIZE
# two tiny programs: a loop that sums 1..N and exits with the sum mod 256
for p in a:10 b:20; do
    name=${p%:*} count=${p#*:}
    cat >"$OUT/$name.s" <<EOS
    .globl _start
_start:
    li a0, 0
    li t0, $count
1:  add a0, a0, t0
    addi t0, t0, -1
    bnez t0, 1b
    andi a0, a0, 255
    li a7, 93
    ecall
EOS
    "$RV_CC" -nostdlib -static -o "$OUT/$name" "$OUT/$name.s" 2>"$OUT/build.log" ||
        { sed 's/^/# /' "$OUT/build.log"; tap_fail "cache: building $name.s"; finish; }
done
entries() { find "$FVP_CACHE_DIR" -maxdepth 1 -regextype egrep -regex '.*/[0-9a-f]{64}' 2>/dev/null | wc -l; }
xl() { "$FVP_XLAT" -v "$@" >"$OUT/log" 2>&1; }

xl "$OUT/a" -o "$OUT/a1"; rc=$?
check "first translation stores its output" \
    '[ $rc = 0 ] && grep -q "stored in the translation cache" "$OUT/log" && [ "$(entries)" = 1 ]'
xl "$OUT/a" -o "$OUT/a2"; rc=$?
check "second translation is a hit" '[ $rc = 0 ] && grep -q "cache hit" "$OUT/log"'
check "the hit has the same bytes" 'cmp -s "$OUT/a1" "$OUT/a2"'
"$OUT/a1"; r1=$?
"$OUT/a2"; r2=$?
check "the hit runs as the translation does (exit $r2, want 55)" '[ $r1 = 55 ] && [ $r2 = 55 ]'
xl --no-cache "$OUT/a" -o "$OUT/a3"; rc=$?
check "--no-cache translates and stores nothing" \
    '[ $rc = 0 ] && ! grep -q "cache" "$OUT/log" && [ "$(entries)" = 1 ] && cmp -s "$OUT/a1" "$OUT/a3"'
FVP_CACHE_SIZE=0 xl "$OUT/a" -o "$OUT/a4"; rc=$?
check "FVP_CACHE_SIZE=0 turns the cache off" '[ $rc = 0 ] && ! grep -q "cache" "$OUT/log"'
xl -O0 "$OUT/a" -o "$OUT/a5"; rc=$?
check "another -O is another entry" \
    '[ $rc = 0 ] && grep -q "stored in" "$OUT/log" && [ "$(entries)" = 2 ]'
FVP_CACHE_SIZE=lots xl "$OUT/a" -o "$OUT/a6"; rc=$?
check "a malformed FVP_CACHE_SIZE is a one-line error (exit $rc)" \
    '[ $rc = 1 ] && [ "$(wc -l <"$OUT/log")" = 1 ] && grep -q "FVP_CACHE_SIZE=.lots." "$OUT/log"'
FVP_CACHE_DIR=/proc/fvp-cannot-be-made xl "$OUT/a" -o "$OUT/a7"; rc=$?
check "a cache that cannot be written is a warning" \
    '[ $rc = 0 ] && grep -q "warning: translation cache" "$OUT/log" && cmp -s "$OUT/a1" "$OUT/a7"'
# room for one entry and a half: storing b evicts both older entries of a
size=$(stat -c %s "$OUT/a1")
FVP_CACHE_SIZE=$((size * 3 / 2 + 8192)) xl "$OUT/b" -o "$OUT/b1"; rc=$?
"$OUT/b1"; rb=$?
check "the size bound evicts the least recently used entries" \
    '[ $rc = 0 ] && [ $rb = 210 ] && [ "$(entries)" = 1 ]'
xl "$OUT/b" -o "$OUT/b2"; rc=$?
check "the entry kept is the newest" '[ $rc = 0 ] && grep -q "cache hit" "$OUT/log"'
finish

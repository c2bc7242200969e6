#!/usr/bin/env bash
# fvp-xlat's command line: bad options and inputs get one line on stderr and status 2 (usage)
# or 1 (input); -j N and -jN; -v says which inline FP form a program gets (plain when it cannot
# observe the FP environment, D31; strict with the first block that looks; --strict-fp forces
# it) and the output of each form runs right; the instruction count off unless the program
# reads instret (or --exact-instret); deep guest recursion in a small host stack; the default
# --cpu (this machine's level up to x86-64-v3), --print-cpu, unknown CPUs refused, and code
# for a level the CPU lacks interpreted with one warning (docs D55).
# TAP output.   testsuite/xlat/run_cli.sh [BUILD]
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${1:-build}
FVP_XLAT=${FVP_XLAT:-$BUILD/bin/fvp-xlat}
OUT=$BUILD/xlat/cli
# shellcheck source=testsuite/tap_lib.sh
. testsuite/tap_lib.sh
export FVP_CACHE_SIZE=0
HELLO=build/riscv/hello FPENV=build/riscv/prog_fpenv
if [ ! -x "$FVP_XLAT" ] || [ ! -x "$HELLO" ] || [ ! -x "$FPENV" ]; then
    echo "ok 1 - cli # SKIP needs $FVP_XLAT, $HELLO and $FPENV (make tools rv-progs)"
    echo "1..1"
    exit 0
fi
rm -rf "$OUT"
mkdir -p "$OUT"

# refused NAME STATUS ARGS...: fvp-xlat ARGS exits STATUS with exactly one line on stderr
refused() {
    local name=$1 want=$2 rc lines
    shift 2
    timeout 60 "$FVP_XLAT" "$@" >"$OUT/out" 2>"$OUT/err"
    rc=$?
    lines=$(wc -l <"$OUT/err")
    if [ "$rc" = "$want" ] && [ "$lines" = 1 ] && [ ! -e "$OUT/never" ]; then
        tap_ok "cli: $name: status $rc, '$(cat "$OUT/err")'"
    else
        tap_fail "cli: $name: status $rc (want $want), $lines lines: $(head -c 200 "$OUT/err")"
    fi
}
refused "unknown option" 2 "$HELLO" -o "$OUT/never" --bogus
refused "-j without a number" 2 "$HELLO" -o "$OUT/never" -jx
refused "-j at the end" 2 "$HELLO" -o "$OUT/never" -j
refused "no output" 2 "$HELLO"
refused "missing input" 1 "$OUT/nothing-here" -o "$OUT/never"
refused "--tier-size without a number" 2 "$HELLO" -o "$OUT/never" --tier-size big
refused "unknown --cpu" 2 "$HELLO" -o "$OUT/never" --cpu bogus
refused "32-bit --cpu" 2 "$HELLO" -o "$OUT/never" --cpu i686
refused "--print-cpu of an unknown --cpu" 2 --print-cpu --cpu bogus

# -jN and -j N both translate; -v names the FP form
for j in "-j1" "-j 1"; do
    # shellcheck disable=SC2086
    if timeout 300 "$FVP_XLAT" -O0 $j -v "$HELLO" -o "$OUT/hello" 2>"$OUT/v.log" &&
            "$OUT/hello" >"$OUT/hello.out" 2>&1 && grep -q 'hello' "$OUT/hello.out"; then
        tap_ok "cli: $j translates and the output runs"
    else
        tap_fail "cli: $j: $(tail -n1 "$OUT/v.log")"
    fi
done
if grep -q 'inline FP: plain' "$OUT/v.log"; then
    tap_ok "cli: hello (no look at the FP environment) gets plain FP"
else
    tap_fail "cli: hello: $(grep 'inline FP' "$OUT/v.log")"
fi

# The default --cpu is this machine's x86-64 level up to v3, as glibc's loader sees it (docs
# D55); code for a level the CPU lacks interprets, with one warning line (FVP_CPU_LEVEL=2
# makes the output take this CPU for x86-64-v2)
want=x86-64-v2
for ldso in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
    [ -x "$ldso" ] && "$ldso" --help 2>/dev/null | grep -q 'x86-64-v3 (supported' && want=x86-64-v3
done
if grep -q "code for $want (this machine's x86-64 level)" "$OUT/v.log" &&
        [ "$("$FVP_XLAT" --print-cpu)" = "$want" ] &&
        [ "$("$FVP_XLAT" --print-cpu --cpu x86-64-v4)" = x86-64-v4 ]; then
    tap_ok "cli: the default --cpu is $want"
else
    tap_fail "cli: default --cpu, want $want: $(grep 'code for' "$OUT/v.log")"
fi
if timeout 300 "$FVP_XLAT" -O0 --cpu x86-64-v3 "$HELLO" -o "$OUT/hello.v3" 2>"$OUT/v3.log" &&
        FVP_CPU_LEVEL=2 FVP_STATS=1 "$OUT/hello.v3" >"$OUT/v3.out" 2>"$OUT/v3.err" &&
        cmp -s "$OUT/v3.out" "$OUT/hello.out" &&
        [ "$(grep -c 'translated for x86-64-v3, which needs an x86-64-v3 CPU and this one is x86-64-v2: interpreting (slow); translate again with --cpu x86-64-v2' "$OUT/v3.err")" = 1 ] &&
        grep -q " 0 native entries, .*native code off: the CPU lacks" "$OUT/v3.err"; then
    tap_ok "cli: code for x86-64-v3 on a CPU taken for x86-64-v2 interprets, one warning"
else
    tap_fail "cli: x86-64-v3 code with FVP_CPU_LEVEL=2: $(head -c 600 "$OUT/v3.err")"
fi
timeout 300 "$FVP_XLAT" -O0 -v --strict-fp "$HELLO" -o "$OUT/hello.strict" 2>"$OUT/s.log"
if grep -q 'inline FP: strict (--strict-fp' "$OUT/s.log" &&
        "$OUT/hello.strict" | cmp -s - "$OUT/hello.out"; then
    tap_ok "cli: --strict-fp forces the strict form, same output"
else
    tap_fail "cli: --strict-fp: $(grep 'inline FP' "$OUT/s.log")"
fi
timeout 300 "$FVP_XLAT" -O0 -v "$FPENV" -o "$OUT/fpenv" 2>"$OUT/f.log"
if grep -qE 'inline FP: strict \(FP environment observed at 0x[0-9a-f]+\)' "$OUT/f.log"; then
    tap_ok "cli: prog_fpenv (reads the flags, sets the mode) keeps strict FP"
else
    tap_fail "cli: prog_fpenv: $(grep 'inline FP' "$OUT/f.log")"
fi

# The instruction count (docs D40): off for hello (it never reads instret, so FVP_STATS
# counts interpreted instructions only), exact with --exact-instret
if grep -q 'instruction count: off' "$OUT/v.log" && FVP_STATS=1 "$OUT/hello" 2>&1 >/dev/null |
        grep -q 'stats: 0 guest instructions interpreted'; then
    tap_ok "cli: hello (never reads instret) runs without an instruction count"
else
    tap_fail "cli: hello's count: $(grep 'instruction count' "$OUT/v.log")"
fi
if timeout 300 "$FVP_XLAT" -O0 -v --exact-instret "$HELLO" -o "$OUT/hello.count" 2>"$OUT/c.log" &&
        grep -q 'instruction count: exact (--exact-instret)' "$OUT/c.log" &&
        FVP_STATS=1 "$OUT/hello.count" 2>&1 >/dev/null | grep -qE 'stats: [1-9][0-9]{4,} guest instructions in'; then
    tap_ok "cli: --exact-instret counts"
else
    tap_fail "cli: --exact-instret: $(grep 'instruction count' "$OUT/c.log")"
fi

# Tiers (docs D45): at -O2 functions above --tier-size instructions get the cheap tier, and the
# output runs; a function holding a --profile pc keeps the full tier.  (hello's
# __libc_start_main has more than 40 instructions.)
tiers() { sed -n 's/.*tiers: .* full, \([0-9]*\) (.*/\1/p' "$1"; }
LSM=$(nm "$HELLO" 2>/dev/null | sed -n 's/^\([0-9a-f]*\) T __libc_start_main$/0x\1/p')
echo "$LSM" >"$OUT/lsm.prof"
if timeout 300 "$FVP_XLAT" -O2 -v --tier-size 40 "$HELLO" -o "$OUT/hello.t" 2>"$OUT/t.log" &&
        timeout 300 "$FVP_XLAT" -O2 -v --tier-size 40 --profile "$OUT/lsm.prof" "$HELLO" \
            -o "$OUT/hello.tp" 2>"$OUT/tp.log" &&
        "$OUT/hello.t" 2>&1 | grep -q hello && "$OUT/hello.tp" 2>&1 | grep -q hello &&
        [ -n "$LSM" ] && [ "$(tiers "$OUT/t.log")" -gt 100 ] &&
        [ "$(tiers "$OUT/tp.log")" -eq "$(( $(tiers "$OUT/t.log") - 1 ))" ]; then
    tap_ok "cli: --tier-size 40: $(tiers "$OUT/t.log") functions cheap, one fewer with a profile naming $LSM"
else
    tap_fail "cli: tiers: $(grep tiers "$OUT/t.log" "$OUT/tp.log") ($LSM)"
fi

# The C library's functions (from __libc_start_main on, docs D51) have a limit of their own:
# with --lib-tier-size 40 and no other limit, __libc_start_main is cheap (it has a counter) and
# main is not, nor __vfprintf_internal, which runs_often names (docs D59); --lib-tier-size 0
# falls back to --tier-size, which puts nothing in the cheap tier.
libfuncs() { sed -n 's/.*; \([0-9]*\) functions are the C library.s$/\1/p' "$1"; }
MAIN=$(nm "$HELLO" 2>/dev/null | sed -n 's/^0*\([0-9a-f]*\) T main$/\1/p')
VFP=$(nm "$HELLO" 2>/dev/null | sed -n 's/^0*\([0-9a-f]*\) T __vfprintf_internal$/\1/p')
if timeout 300 "$FVP_XLAT" -O2 -v --tier-size 100000 --lib-tier-size 40 "$HELLO" \
            -o "$OUT/hello.lib" 2>"$OUT/lib.log" &&
        timeout 300 "$FVP_XLAT" -O2 -v --tier-size 100000 --lib-tier-size 0 "$HELLO" \
            -o "$OUT/hello.nolib" 2>"$OUT/nolib.log" &&
        "$OUT/hello.lib" 2>&1 | grep -q hello && [ -n "$MAIN" ] && [ -n "$LSM" ] &&
        [ "$(libfuncs "$OUT/lib.log")" -gt 100 ] && [ "$(tiers "$OUT/lib.log")" -gt 100 ] &&
        [ "$(tiers "$OUT/lib.log")" -lt "$(libfuncs "$OUT/lib.log")" ] &&
        [ "$(tiers "$OUT/nolib.log")" -eq 0 ] &&
        nm "$OUT/hello.lib" | grep -q " fvp_count_$(printf %x "$LSM")\$" &&
        ! nm "$OUT/hello.lib" | grep -q " fvp_count_$MAIN\$" && [ -n "$VFP" ] &&
        ! nm "$OUT/hello.lib" | grep -q " fvp_count_$VFP\$"; then
    tap_ok "cli: --lib-tier-size 40: $(tiers "$OUT/lib.log") of $(libfuncs "$OUT/lib.log") C library functions cheap, main and __vfprintf_internal not"
else
    tap_fail "cli: library tier: $(grep tiers "$OUT/lib.log" "$OUT/nolib.log") (main $MAIN)"
fi

# Calls of libgcc's bit helpers become LLVM intrinsics (docs D52): -v counts them, and
# prog_bits (in the programs suites too) gives qemu-riscv64's output.
BITS=build/riscv/prog_bits
if [ -x "$BITS" ] && timeout 300 "$FVP_XLAT" -O0 -v "$BITS" -o "$OUT/bits" 2>"$OUT/b.log" &&
        [ "$(sed -n 's/.* \([0-9]*\) bit helper calls inline.*/\1/p' "$OUT/b.log")" -ge 13 ] &&
        "$OUT/bits" >"$OUT/bits.out" 2>&1 && grep -q '^builtins ' "$OUT/bits.out"; then
    tap_ok "cli: prog_bits: $(grep -o '[0-9]* bit helper calls inline' "$OUT/b.log")"
else
    tap_fail "cli: prog_bits: $(grep -o '[0-9]* bit helper calls inline' "$OUT/b.log") $(tail -n1 "$OUT/b.log")"
fi

# Guest calls nest as host calls down to a quarter of the stack limit (docs D39): 100000
# nested guest calls, then 20001 mutually recursive ones, in a 128 KiB main-thread stack
# (1024 nested host calls, the old bound, overflowed it)
RECURSE=build/riscv/prog_recurse
if [ -x "$RECURSE" ] && timeout 300 "$FVP_XLAT" -O0 "$RECURSE" -o "$OUT/recurse" 2>"$OUT/r.log" &&
        (ulimit -s 128 && "$OUT/recurse") >"$OUT/recurse.out" 2>&1 &&
        grep -q '(right)' "$OUT/recurse.out"; then
    tap_ok "cli: prog_recurse runs in a 128 KiB stack"
else
    tap_fail "cli: prog_recurse in a 128 KiB stack: $(tail -n2 "$OUT/r.log" "$OUT/recurse.out" 2>&1)"
fi
echo "1..$n"
[ "$nfail" -eq 0 ]

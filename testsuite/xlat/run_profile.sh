#!/usr/bin/env bash
# Profile round trip of fvp-xlat: testsuite/xlat/profile/hidden.s has a function that only a
# computed pointer reaches (no symbol, no FDE).  Translated once, it runs in the interpreter
# (exit status must still be right) and FVP_PROFILE lists its PC; translated again with
# --profile that file, nothing runs in the interpreter any more (an empty profile).  Then a
# JIT's generated code must run in the interpreter without switching translated code off, and
# a guest with a SIGSEGV handler (sig_resume) must run in the interpreter, unless translated
# with --precise-faults (docs D17).  And the cheap tier's hot functions go to FVP_PROFILE, so
# that --profile gives them the full tier (docs D45).
# TAP output.   testsuite/xlat/run_profile.sh [BUILD]
set -u
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
FVP_XLAT=${FVP_XLAT:-$BUILD/bin/fvp-xlat}
RV_CC=${RV_CC:-riscv64-linux-gnu-gcc}
OUT=$BUILD/xlat/profile
# shellcheck source=testsuite/tap_lib.sh
. testsuite/tap_lib.sh
finish()   { echo "1..$n"; [ "$nfail" -eq 0 ]; exit $?; }
# run_stats BIN NAME: runs BIN with FVP_STATS=1 (stdout/stderr to $OUT/NAME.out/.err); sets rc
# (its exit status) and st (the runtime's stats line).
run_stats() {
    FVP_STATS=1 "$1" >"$OUT/$2.out" 2>"$OUT/$2.err"; rc=$?
    st=$(grep 'stats:' "$OUT/$2.err")
}
if ! command -v "$RV_CC" >/dev/null 2>&1 || [ ! -x "$FVP_XLAT" ]; then
    echo "ok 1 - profile # SKIP needs $RV_CC and $FVP_XLAT"; echo "1..1"; exit 0
fi
mkdir -p "$OUT"
rm -f "$OUT"/p1 "$OUT"/p2
if ! "$RV_CC" -nostdlib -static -s -Wl,--no-relax -fno-asynchronous-unwind-tables \
        -o "$OUT/hidden" testsuite/xlat/profile/hidden.s 2>"$OUT/build.log"; then
    sed 's/^/# /' "$OUT/build.log"; tap_fail "profile: building hidden.s"; finish
fi
want=55
# hidden's PC: the target of the lla, after the exit ecall and the hang loop
hpc=$(riscv64-linux-gnu-objdump -d "$OUT/hidden" | awk '/ecall/ { getline; getline; sub(/:.*/, ""); gsub(/ /, ""); print; exit }')
if ! "$FVP_XLAT" "$OUT/hidden" -o "$OUT/hidden1" >"$OUT/x1.log" 2>&1; then
    sed 's/^/# /' "$OUT/x1.log" | head -5; tap_fail "profile: first translation"; finish
fi
FVP_PROFILE=$OUT/p1 "$OUT/hidden1"; rc=$?
[ "$rc" = "$want" ] && tap_ok "profile: untranslated code runs in the interpreter" ||
    tap_fail "profile: first run exited $rc, want $want"
if [ -n "$hpc" ] && grep -qix "0x$hpc" "$OUT/p1" 2>/dev/null; then
    tap_ok "profile: FVP_PROFILE lists the interpreted function (0x$hpc)"
else
    echo "# profile: $(tr '\n' ' ' <"$OUT/p1" 2>/dev/null)"; tap_fail "profile: 0x$hpc not in FVP_PROFILE"
fi
if ! "$FVP_XLAT" --profile "$OUT/p1" "$OUT/hidden" -o "$OUT/hidden2" >"$OUT/x2.log" 2>&1; then
    sed 's/^/# /' "$OUT/x2.log" | head -5; tap_fail "profile: translation with --profile"; finish
fi
FVP_PROFILE=$OUT/p2 "$OUT/hidden2"; rc=$?
[ "$rc" = "$want" ] && tap_ok "profile: the retranslation exits $want" ||
    tap_fail "profile: second run exited $rc, want $want"
if [ -f "$OUT/p2" ] && [ ! -s "$OUT/p2" ]; then
    tap_ok "profile: after --profile nothing runs in the interpreter"
else
    echo "# profile: $(tr '\n' ' ' <"$OUT/p2" 2>/dev/null)"; tap_fail "profile: the retranslation still interprets"
fi

# Tiers (docs D45): with --tier-size 40 nearly every function is in the cheap tier, which
# counts itself; FVP_PROFILE lists prog_crc's main (its loops go round more than
# FVP_AOT_HOT_COUNT times), and translated again with that profile main is in the full tier.
crc=build/riscv/prog_crc
main_pc=$(nm "$crc" 2>/dev/null | sed -n 's/^0*\([0-9a-f]*\) T main$/0x\1/p')
cheap_of() { sed -n 's/.*tiers: .* full, \([0-9]*\) (.*/\1/p' "$1"; }
rm -f "$OUT/p3"
if [ -x "$crc" ] && "$FVP_XLAT" -O2 -v --tier-size 40 "$crc" -o "$OUT/crc1" >"$OUT/x4.log" 2>&1 &&
        FVP_PROFILE=$OUT/p3 "$OUT/crc1" >"$OUT/crc1.out" 2>&1 && [ -n "$main_pc" ] &&
        grep -qix "$main_pc" "$OUT/p3"; then
    tap_ok "profile: the cheap tier's hot main ($main_pc) is in FVP_PROFILE"
else
    tap_fail "profile: prog_crc's main ($main_pc) not profiled: $(tr '\n' ' ' <"$OUT/p3" 2>/dev/null)"
fi
if "$FVP_XLAT" -O2 -v --tier-size 40 --profile "$OUT/p3" "$crc" -o "$OUT/crc2" >"$OUT/x5.log" 2>&1 &&
        "$OUT/crc2" >"$OUT/crc2.out" 2>&1 && cmp -s "$OUT/crc1.out" "$OUT/crc2.out" &&
        [ "$(cheap_of "$OUT/x5.log")" -lt "$(cheap_of "$OUT/x4.log")" ]; then
    tap_ok "profile: with it, $(( $(cheap_of "$OUT/x4.log") - $(cheap_of "$OUT/x5.log") )) function(s) leave the cheap tier; same output"
else
    tap_fail "profile: --profile and tiers: $(grep tiers "$OUT/x4.log" "$OUT/x5.log" 2>&1)"
fi

# A JIT (build/riscv/prog_jit: code written to an mmap'ed buffer, riscv_flush_icache) runs its
# generated code in the interpreter, while the translated code stays on (it was not touched).
jit=build/riscv/prog_jit
if [ -x "$jit" ] && "$FVP_XLAT" -O0 "$jit" -o "$OUT/prog_jit" >"$OUT/x3.log" 2>&1; then
    run_stats "$OUT/prog_jit" jit
    echo "# $st"
    if [ "$rc" = 0 ] && ! grep -q 'native code off' <<<"$st" &&
            grep -qE ' [1-9][0-9]* native entries' <<<"$st" &&
            grep -qE ' [1-9][0-9]* blocks executed' <<<"$st"; then
        tap_ok "profile: JIT code interpreted, translated code stays native"
    else
        tap_fail "profile: prog_jit exited $rc or switched native code off"
    fi
else
    tap_fail "profile: translating $jit (make rv-progs)"
fi

# sig_resume: a SIGSEGV handler that returns.  Default translation: registers are stale at a
# host fault, so the interpreter must run while the handler is installed; --precise-faults:
# native code all along.  Both must get the program's own checks right (exit 0).
prog=build/riscv/sig_resume
for mode in default precise; do
    flags=(-O0); [ $mode = precise ] && flags+=(--precise-faults)
    if [ -x "$prog" ] && "$FVP_XLAT" "${flags[@]}" "$prog" -o "$OUT/sig_resume_$mode" \
            >"$OUT/x4.log" 2>&1; then
        run_stats "$OUT/sig_resume_$mode" sr
        echo "# $mode: $st"
        blocks=$(sed -n 's/.* \([0-9]*\) blocks executed.*/\1/p' <<<"$st")
        if [ $mode = default ]; then ok=$((${blocks:-0} > 10000)); else ok=$((${blocks:-999999} < 1000)); fi
        if [ "$rc" = 0 ] && [ "$ok" = 1 ]; then
            tap_ok "faults: sig_resume $mode: right, ${blocks} blocks interpreted"
        else
            sed 's/^/# /' "$OUT/sr.out"; tap_fail "faults: sig_resume $mode exited $rc, ${blocks:-?} blocks interpreted"
        fi
    else
        tap_fail "faults: translating $prog $mode (make rv-progs)"
    fi
done
finish

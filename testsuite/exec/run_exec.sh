#!/usr/bin/env bash
# execve of RV64 programs by a guest (runtime/exec_guest.h): testsuite/exec/exec_rv.c, which
# checks itself (see its comment for why qemu-riscv64 is no reference here), run by fvp-run,
# the ASan+UBSan fvp-run and its -O0 translation.  TAP.
#
#   testsuite/exec/run_exec.sh [BUILD] [ASAN_BUILD]
set -u
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
ASAN=${2:-build/asan}
FVP_XLAT=$PWD/$BUILD/bin/fvp-xlat
XLAT_FLAGS=-O0
# shellcheck source=testsuite/xlat/xlat_lib.sh
. testsuite/xlat/xlat_lib.sh
# shellcheck source=testsuite/tap_lib.sh
. testsuite/tap_lib.sh

ELF=build/exec/exec_rv
if ! command -v riscv64-linux-gnu-gcc >/dev/null 2>&1; then
    tap_skip exec "no riscv64-linux-gnu-gcc"; echo "1..$n"; exit 0
fi
make --no-print-directory -s -f Makefile -f testsuite/suites.mk "$ELF" >/dev/null 2>&1 ||
    { tap_fail "build $ELF"; echo "1..$n"; exit 1; }
want=$'exec_rv: ok\nfinal image argv0=from-thread'

# check NAME CMD...: the program's output and status 0
check() {
    local name=$1; shift
    local out st
    out=$(cd /tmp && timeout 60 "$@" 2>&1 </dev/null)
    st=$?
    if [ "$st" -eq 0 ] && [ "$out" = "$want" ]; then
        tap_ok "$name"
    else
        tap_fail "$name (status $st)"
        printf '%s\n' "$out" | sed 's/^/#   /'
    fi
}

for b in "$BUILD" "$ASAN"; do
    if [ -x "$b/bin/fvp-run" ]; then
        check "exec_rv $b/bin/fvp-run" "$PWD/$b/bin/fvp-run" "$PWD/$ELF"
    else
        tap_skip "exec_rv $b/bin/fvp-run" "not built"
    fi
done
out=build/xlat/exec/exec_rv
mkdir -p "$(dirname "$out")"
if ! xlat_available; then
    tap_skip "exec_rv xlat" "$FVP_XLAT not built"
elif xlat_translate "$ELF" "$out"; then
    check "exec_rv xlat -O0" "$PWD/$out"
else
    tap_fail "exec_rv xlat -O0: translation failed: ${XLAT_ERR:-?}"
fi
echo "1..$n"

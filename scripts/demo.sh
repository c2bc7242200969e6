#!/usr/bin/env bash
# `make demo`: what FVP does today, on the bundled RISC-V example program
# (testsuite/programs/hello.c, cross-compiled by the Makefile).
set -euo pipefail
cd "$(dirname "$0")/.."
prog=build/riscv/hello
dis=build/bin/fvp-dis

echo "== FVP demo: $prog (RV64GC, static, built from testsuite/programs/hello.c)"
file "$prog" 2>/dev/null || true
echo
echo "== fvp-dis --function fib $prog   (objdump-style disassembly)"
"$dis" --function fib "$prog"
echo
echo "== fvp-dis --ir --function fib $prog   (each instruction with the FVP IR it lowers to)"
"$dis" --ir --function fib "$prog"
echo
n=$("$dis" "$prog" | grep -cE '^ +[0-9a-f]+:')
echo "== the whole program: $n instructions disassembled (fvp-dis $prog)"
if command -v qemu-riscv64 >/dev/null; then
    echo "== for reference, qemu-riscv64 runs it: $(qemu-riscv64 "$prog" 25)"
fi
echo "Next issues make FVP run it (fvp-run) and translate it to x86-64 (fvp-xlat)."

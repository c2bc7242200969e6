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
echo
echo "== fvp-run --stats $prog 25   (the interpreter runs it, like qemu-riscv64)"
build/bin/fvp-run --stats "$prog" 25
if command -v qemu-riscv64 >/dev/null; then
    echo "== for reference, qemu-riscv64 $prog 25:"
    qemu-riscv64 "$prog" 25
fi
echo
echo "== fvp-run --strace $prog 3   (its system calls)"
build/bin/fvp-run --strace "$prog" 3
echo
echo "Next: fvp-xlat translates it ahead of time to a native x86-64 executable (issue U3)."

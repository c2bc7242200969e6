#!/usr/bin/env bash
# Hostile ELF files through fvp-dis (meant for the ASan+UBSan build).
#
#   testsuite/elf/run_bad_elf.sh BUILD_DIR        (e.g. build/asan; run from the repo root)
#
# Every bad input must make `fvp-dis FILE` exit with status 1 and print exactly
# one line on stderr, with no sanitizer report; stdout is not looked at.
# Inputs: a missing file, a directory, an empty file, a text file, /dev/zero, a crafted
# 32-bit ELF, an x86-64 program, a real RV64 program (build/riscv/hello, else
# compiled here) truncated at every program/section header boundary, at every
# section's start and end and at a few dozen spread offsets, byte-patched
# variants of it, and broken ar archives.  Truncations are aggregated into one
# TAP line per kind that lists the failing offsets.
#
# Prints TAP; exits 0 only when nothing failed.  FVP_DIS=path overrides the
# binary (to test this script against another driver).
set -u

BUILD=${1:-build}
DIS=${FVP_DIS:-$BUILD/bin/fvp-dis}
WORK=$BUILD/bad-elf
RV_CC=${RV_CC:-riscv64-linux-gnu-gcc}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

n=0
failed=0

tap_ok()   { n=$((n + 1)); echo "ok $n - $1"; }
tap_fail() { n=$((n + 1)); echo "not ok $n - $1"; failed=$((failed + 1)); }
tap_skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

if [ ! -x "$DIS" ]; then
    tap_fail "$DIS exists (build it with make tools, or SAN=asan tools)"
    echo "1..$n"
    exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK"

# check_bad FILE: 0 when fvp-dis refuses FILE properly; else 1, with the
# reason in $why.
why=
check_bad() {
    local f=$1 rc lines
    timeout 60 "$DIS" "$f" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    lines=$(wc -l <"$WORK/err")
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error|Sanitizer' "$WORK/err" "$WORK/out"; then
        why="sanitizer report: $(grep -h -m1 -E 'Sanitizer|runtime error' "$WORK/err" "$WORK/out" | head -n1 | head -c 160)"
        return 1
    fi
    if [ "$rc" -ne 1 ]; then
        why="exit status $rc (expected 1)"
        return 1
    fi
    if [ "$lines" -ne 1 ] || [ ! -s "$WORK/err" ]; then
        why="$lines lines on stderr (expected 1)"
        return 1
    fi
    if [ "$(head -c 1 "$WORK/err")" = "" ]; then
        why="empty message"
        return 1
    fi
    return 0
}

# case_bad NAME FILE
case_bad() {
    if check_bad "$2"; then
        tap_ok "$1: $(head -c 160 "$WORK/err")"
    else
        tap_fail "$1: $why"
    fi
}

# le_bytes VALUE WIDTH: printf escapes for VALUE as WIDTH little-endian bytes.
le_bytes() {
    local v=$1 w=$2 i s=
    for ((i = 0; i < w; i++)); do
        s+=$(printf '\\x%02x' $(((v >> (8 * i)) & 0xff)))
    done
    printf '%s' "$s"
}

# patch FILE OFFSET WIDTH VALUE: overwrite a little-endian field in place.
patch() {
    # shellcheck disable=SC2059
    printf "$(le_bytes "$4" "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# rd FILE OFFSET WIDTH: an unsigned little-endian field as a decimal number.
rd() {
    local t
    case $3 in 1) t=u1 ;; 2) t=u2 ;; 4) t=u4 ;; 8) t=u8 ;; esac
    od -An -t "$t" -j "$2" -N "$3" --endian=little "$1" | tr -d ' \n'
}

# ---- files that are not RISC-V ELF at all ----------------------------------
case_bad "missing file" "$WORK/does-not-exist"
mkdir -p "$WORK/a-directory"
case_bad "directory" "$WORK/a-directory"
: >"$WORK/empty"
case_bad "empty file" "$WORK/empty"
printf 'This is a text file.\nIt has two lines.\n' >"$WORK/text.txt"
case_bad "text file" "$WORK/text.txt"
if [ -c /dev/zero ]; then
    case_bad "device file (/dev/zero)" /dev/zero
else
    tap_skip "device file (/dev/zero)" "no /dev/zero"
fi
printf '\x7fELF' >"$WORK/magic-only"
case_bad "ELF magic only" "$WORK/magic-only"

# A 52-byte ELF32 little-endian RISC-V header (ET_EXEC, no tables).
{
    printf '\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00'
    printf "$(le_bytes 2 2)$(le_bytes 243 2)$(le_bytes 1 4)"       # type, machine, version
    printf "$(le_bytes 0x10000 4)$(le_bytes 0 4)$(le_bytes 0 4)"   # entry, phoff, shoff
    printf "$(le_bytes 0 4)$(le_bytes 52 2)$(le_bytes 32 2)"       # flags, ehsize, phentsize
    printf "$(le_bytes 0 2)$(le_bytes 40 2)$(le_bytes 0 2)$(le_bytes 0 2)"
} >"$WORK/elf32"
case_bad "32-bit ELF" "$WORK/elf32"

if [ -e /bin/true ]; then
    case_bad "x86-64 program (/bin/true)" /bin/true
else
    tap_skip "x86-64 program (/bin/true)" "/bin/true not found"
fi

# ---- a real RV64 program ----------------------------------------------------
HELLO=build/riscv/hello
if [ ! -f "$HELLO" ]; then
    HELLO=$WORK/hello
    src=testsuite/programs/hello.c
    if [ ! -f "$src" ]; then
        src=$WORK/hello.c
        printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' >"$src"
    fi
    "$RV_CC" -static -O2 -o "$HELLO" "$src" 2>"$WORK/cc.err" || HELLO=
fi

if [ -z "$HELLO" ]; then
    tap_skip "RV64 program cases" "no build/riscv/hello and $RV_CC failed"
    echo "1..$n"
    [ "$failed" -eq 0 ]
    exit
fi

# The valid program itself: if fvp-dis refused it, every case below would
# pass for the wrong reason.
timeout 120 "$DIS" "$HELLO" >"$WORK/out" 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$WORK/out" ] && ! grep -qE 'Sanitizer|runtime error' "$WORK/err"; then
    tap_ok "valid $HELLO is accepted (exit 0)"
else
    tap_fail "valid $HELLO is accepted: exit $rc, $(head -n1 "$WORK/err" | head -c 160)"
fi

size=$(stat -c %s "$HELLO")
phoff=$(rd "$HELLO" 32 8)
shoff=$(rd "$HELLO" 40 8)
phnum=$(rd "$HELLO" 56 2)
shnum=$(rd "$HELLO" 60 2)

# truncate_kind NAME OFFSET...: one TAP line for all truncations of one kind.
truncate_kind() {
    local name=$1 off bad=() count=0 first=
    shift
    local seen=" "
    for off in "$@"; do
        # only real truncations, each offset once
        [ "$off" -ge "$size" ] && continue
        case $seen in *" $off "*) continue ;; esac
        seen+="$off "
        count=$((count + 1))
        head -c "$off" "$HELLO" >"$WORK/trunc"
        if ! check_bad "$WORK/trunc"; then
            bad+=("$off")
            [ -z "$first" ] && first=$why
        fi
    done
    if [ "${#bad[@]}" -eq 0 ]; then
        tap_ok "$name: $count truncations refused"
    else
        local more=
        [ "${#bad[@]}" -gt 20 ] && more=" ..."
        tap_fail "$name: ${#bad[@]} of $count failed, at offsets ${bad[*]:0:20}$more (first: $first)"
    fi
}

offs=()
for ((i = 0; i <= 64; i++)); do offs+=("$i"); done
truncate_kind "hello truncated in the ELF header (0..64)" "${offs[@]}"

offs=()
for ((i = 0; i <= phnum; i++)); do
    b=$((phoff + i * 56))
    offs+=("$b" $((b + 1)) $((b + 55)))
done
truncate_kind "hello truncated at program header boundaries" "${offs[@]}"

offs=()
for ((i = 0; i <= shnum; i++)); do
    b=$((shoff + i * 64))
    offs+=("$b" $((b + 1)) $((b + 63)))
done
truncate_kind "hello truncated at section header boundaries" "${offs[@]}"

# each section's first byte, one past it, and last byte; each segment's end
offs=()
for ((i = 1; i < shnum; i++)); do
    h=$((shoff + i * 64))
    type=$(rd "$HELLO" $((h + 4)) 4)
    [ "$type" -eq 8 ] && continue               # SHT_NOBITS has no file bytes
    so=$(rd "$HELLO" $((h + 24)) 8)
    ss=$(rd "$HELLO" $((h + 32)) 8)
    offs+=("$so" $((so + 1)))
    [ "$ss" -gt 0 ] && offs+=($((so + ss - 1)))
done
for ((i = 0; i < phnum; i++)); do
    h=$((phoff + i * 56))
    po=$(rd "$HELLO" $((h + 8)) 8)
    pf=$(rd "$HELLO" $((h + 32)) 8)
    [ "$pf" -gt 0 ] && offs+=($((po + pf - 1)) $((po + pf)))
done
truncate_kind "hello truncated at section/segment data boundaries" "${offs[@]}"

offs=()
for ((k = 1; k <= 40; k++)); do offs+=($((size * k / 41))); done
offs+=($((size - 1)) $((size - 2)) $((size - 64)) $((size - 65)))
truncate_kind "hello truncated at spread offsets" "${offs[@]}"

# ---- byte-patched variants --------------------------------------------------
# patched NAME OFFSET WIDTH VALUE
patched() {
    cp "$HELLO" "$WORK/patched"
    patch "$WORK/patched" "$2" "$3" "$4"
    case_bad "$1" "$WORK/patched"
}

patched "e_machine = x86-64" 18 2 62
patched "e_machine = 0xbeef" 18 2 0xbeef
patched "EI_CLASS = 32-bit" 4 1 1
patched "EI_CLASS = 3" 4 1 3
patched "EI_DATA = big-endian" 5 1 2
patched "EI_VERSION = 0" 6 1 0
patched "e_version = 7" 20 4 7
patched "e_type = ET_CORE" 16 2 4
patched "e_phoff huge" 32 8 0x7fffffffffff0000
patched "e_phoff = -1" 32 8 -1
patched "e_phoff at EOF" 32 8 "$size"
patched "e_shoff huge" 40 8 0x7ffffffffffff000
patched "e_shoff = size - 8" 40 8 $((size - 8))
patched "e_phentsize = 0" 54 2 0
patched "e_phentsize = 64" 54 2 64
patched "e_shentsize = 0" 58 2 0
patched "e_phnum = 0xfffe" 56 2 0xfffe
patched "e_shnum = 0xfeff" 60 2 0xfeff
patched "e_shstrndx = e_shnum" 62 2 "$shnum"
# the first PT_LOAD program header
for ((i = 0; i < phnum; i++)); do
    [ "$(rd "$HELLO" $((phoff + i * 56)) 4)" -eq 1 ] && break
done
load0=$((phoff + i * 56))
for ((j = i + 1; j < phnum; j++)); do
    [ "$(rd "$HELLO" $((phoff + j * 56)) 4)" -eq 1 ] && break
done
load1=$((phoff + j * 56))
patched "PT_LOAD p_offset past EOF" $((load0 + 8)) 8 "$size"
patched "PT_LOAD p_filesz huge" $((load0 + 32)) 8 0x7fffffffffffffff
patched "PT_LOAD p_filesz > p_memsz" $((load0 + 40)) 8 1
patched "PT_LOAD p_vaddr + p_memsz wraps" $((load0 + 16)) 8 -4096
if [ "$j" -lt "$phnum" ]; then
    patched "PT_LOAD segments overlap" $((load1 + 16)) 8 "$(rd "$HELLO" $((load0 + 16)) 8)"
else
    tap_skip "PT_LOAD segments overlap" "$HELLO has one PT_LOAD"
fi
# section 1's header
patched "section 1 sh_offset past EOF" $((shoff + 64 + 24)) 8 $((size + 1))
patched "section 1 sh_size huge" $((shoff + 64 + 32)) 8 0x7fffffffffffffff
patched "section 1 sh_name outside the names" $((shoff + 64)) 4 0x7fffffff
patched "section 1 sh_link out of range" $((shoff + 64 + 40)) 4 "$shnum"

# ---- ar archives ---------------------------------------------------------------
# arhdr NAME SIZE: a 60-byte ar(5) member header
arhdr() { printf '%-16s%-12s%-6s%-6s%-8s%-10s`\n' "$1" 0 0 0 644 "$2"; }

{ printf '!<arch>\n'; arhdr "hello/" 999999; head -c 100 "$HELLO"; } >"$WORK/short.a"
case_bad "archive member past EOF" "$WORK/short.a"
{ printf '!<arch>\n'; arhdr "notes.txt/" 10; printf 'just text\n'; } >"$WORK/text-member.a"
case_bad "archive with a text member" "$WORK/text-member.a"
{ printf '!<arch>\n'; arhdr "hello/" "$((size - 100))"; head -c $((size - 100)) "$HELLO"; } >"$WORK/trunc-member.a"
case_bad "archive with a truncated ELF member" "$WORK/trunc-member.a"
{ printf '!<arch>\n'; arhdr "hello/" 12x4; head -c 100 "$HELLO"; } >"$WORK/badsize.a"
case_bad "archive member with a non-numeric size" "$WORK/badsize.a"

echo "1..$n"
[ "$failed" -eq 0 ]

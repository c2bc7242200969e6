# dg_parse.awk — reads the DejaGnu directives of one gcc.c-torture/execute test and prints
# one line: "SKIP <reason>" or "FLAGS <extra compiler options>" for an rv64gc Linux target
# compiled at -O2.  Target selectors are evaluated roughly: riscv*, *-*-*, *-*-linux* and the
# effective targets in OK below are true, every other triple/effective target is false.
function target_ok(sel,   s, neg, r) {
    s = sel
    gsub(/[{}]/, " ", s); gsub(/^ +| +$/, "", s); gsub(/  +/, " ", s)
    neg = 0
    if (s ~ /^!/) { neg = 1; sub(/^! */, "", s) }
    if (s ~ /riscv|(^| )\*-\*-(\*|linux)/) r = 1
    else if (s in OK) r = 1
    else r = 0
    return neg ? !r : r
}
# args(str): splits the top level of str into A[1..n] ({...} groups, "..." strings, words)
function args(str,   n, i, c, depth, cur, inq) {
    n = 0; depth = 0; cur = ""; inq = 0
    for (i = 1; i <= length(str); i++) {
        c = substr(str, i, 1)
        if (inq) { if (c == "\"") { inq = 0; if (depth == 0) { A[++n] = cur; cur = ""; continue } } cur = cur c; continue }
        if (c == "\"") { inq = 1; if (depth > 0) cur = cur c; continue }
        if (c == "{") { depth++; if (depth == 1) { cur = ""; continue } }
        if (c == "}") { depth--; if (depth == 0) { A[++n] = cur; cur = ""; continue } if (depth < 0) break }
        if (depth == 0 && c ~ /[ \t]/) { if (cur != "") { A[++n] = cur; cur = "" } continue }
        cur = cur c
    }
    if (cur != "") A[++n] = cur
    return n
}
function directive_body(line, name,   s) {
    s = line
    sub(".*\\{ *" name " *", "", s)
    sub(/\*\/.*/, "", s)
    sub(/ *\} *$/, "", s)
    return s
}
BEGIN {
    split("int32plus int32 label_values alloca trampolines indirect_jumps untyped_assembly " \
          "return_address fileio c99_runtime stdint_types mmap int128 double64 double64plus " \
          "longlong64 lp64 ptr32plus size32plus size20plus signal fpic unwrapped sync_int_long " \
          "sync_char_short nonlocal_goto", w, " ")
    for (i in w) OK[w[i]] = 1
    skip = ""; flags = ""
}
/dg-additional-sources/ { if (skip == "") skip = "needs extra source files" }
/\{ *dg-do / {
    b = directive_body($0, "dg-do")
    n = args(b)
    if (A[1] != "run" && skip == "") skip = "dg-do " A[1] " (not executed)"
    if (n >= 2 && A[2] ~ /^ *target/) { s = A[2]; sub(/^ *target */, "", s); if (!target_ok(s) && skip == "") skip = "dg-do run target excludes riscv64" }
}
/dg-require-effective-target/ {
    b = directive_body($0, "dg-require-effective-target"); n = args(b)
    if (!(A[1] in OK) && skip == "") skip = "requires effective target " A[1]
}
/dg-skip-if/ {
    b = directive_body($0, "dg-skip-if"); n = args(b)
    # A[1] message, A[2] selector, A[3] include options, A[4] exclude options
    if (target_ok(A[2])) {
        hit = 1
        if (n >= 3 && A[3] !~ /^ *"? *"? *$/ && A[3] !~ /\*/) {
            hit = 0
            m = split(A[3], o, /[ "]+/)
            for (j = 1; j <= m; j++) if (o[j] != "" && index(" -O2 -w " flags " ", " " o[j] " ")) hit = 1
        }
        if (hit && skip == "") skip = "dg-skip-if \"" A[1] "\""
    }
}
/\{ *dg-(additional-)?options/ {
    nm = ($0 ~ /dg-additional-options/) ? "dg-additional-options" : "dg-options"
    b = directive_body($0, nm); n = args(b)
    opt = A[1]; gsub(/"/, "", opt)
    apply = 1
    if (n >= 2 && A[2] ~ /^ *target/) { s = A[2]; sub(/^ *target */, "", s); apply = target_ok(s) }
    if (apply) flags = flags " " opt
}
END {
    if (skip != "") print "SKIP " skip
    else print "FLAGS" flags
}

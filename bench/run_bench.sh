#!/usr/bin/env bash
# run_bench.sh — the benchmark harness behind `make bench` (issue U4).  For every program of
# bench/src it builds an x86-64 and an RV64 binary from the same source, translates the RV64
# one with fvp-xlat (timing the translation), runs every engine on it, round robin, REPS times,
# and writes bench/results/<date>.md (times, ratios to native, geomeans, translation time and
# size) and bench/results/<date>.svg (bar chart of the ratios); a later run on the same day
# writes <date>-HHMM.md/.svg.  A threaded program (THREADED_PROGS: par) runs once per thread
# count of BENCH_THREADS, and the report gives its speed-up per engine.  See bench/README.md.
#
#   bench/run_bench.sh [BUILD]        BUILD: where bin/fvp-xlat and bin/fvp-run are (build)
#
# Environment:
#   REPS=5                  runs of each program on each engine; the report gives the minimum
#   BENCH_ENGINES="native xlat qemu fvp-run"   engines to run (native is the baseline of ratios)
#   BENCH_PROGS="alu sort"  programs to run (default: every bench/src/*.c)
#   BENCH_THREADS="1 2"     thread counts of the threaded programs (the first must be 1)
#   BENCH_PERCENT=100       problem size of every run, in % of the default size
#   BENCH_INTERP_DIV=20     fvp-run runs at 1/N of that size and its time is multiplied by N ...
#   BENCH_INTERP_FULL=1     ... unless this is set: then it runs at full size like the others
#   BENCH_TIMEOUT=1200      seconds before a run is killed and counted as FAIL (timeout)
#   BENCH_RESULTS=bench/results   where the report goes
#   XLAT_FLAGS=-O2, CC=gcc, RV_CC=riscv64-linux-gnu-gcc, QEMU=qemu-riscv64
set -u
cd "$(dirname "$0")/.." || exit 1

BUILD=${1:-build}
REPS=${REPS:-5}
ENGINES=${BENCH_ENGINES:-native xlat qemu fvp-run}
PERCENT=${BENCH_PERCENT:-100}
THREADS=${BENCH_THREADS:-1 2}
INTERP_DIV=${BENCH_INTERP_DIV:-20}
INTERP_FULL=${BENCH_INTERP_FULL:-}
TIMEOUT=${BENCH_TIMEOUT:-1200}
RESULTS=${BENCH_RESULTS:-bench/results}
XLAT_FLAGS=${XLAT_FLAGS:--O2}
CC=${CC:-gcc}
RV_CC=${RV_CC:-riscv64-linux-gnu-gcc}
QEMU=${QEMU:-qemu-riscv64}
XLAT=$BUILD/bin/fvp-xlat
FVP_RUN=$BUILD/bin/fvp-run

OUT=$BUILD/bench                  # binaries, translations, logs and the raw measurements
RUNS_TSV=$OUT/runs.tsv            # prog engine rep status seconds factor
XLAT_TSV=$OUT/xlat.tsv            # prog status seconds bytes
SKIPPED_TSV=$OUT/skipped.tsv      # engine reason

# Both builds use the same flags.  -ffp-contract=off: the cross compiler would otherwise fuse
# a*b+c into fmadd (one rounding) where x86-64 -O2 rounds twice, and results would differ.
# -pthread for par; the other programs' binaries are the same with or without it (glibc 2.34+
# has the threads in libc).
BENCH_CFLAGS=(-std=c11 -D_GNU_SOURCE -O2 -static -ffp-contract=off -pthread -Wall -Wextra)

# The threaded programs take a thread count after PERCENT.  Each runs once per count of
# THREADS: with 1 thread under its own name (a program like the others, in the geomean), with
# N > 1 threads as the case "prog@N" (in the tables, not in the geomean); the report gives the
# speed-up, time with 1 thread / time with N threads, per engine.
THREADED_PROGS="par"

log() { printf '%s\n' "$*" >&2; }
die() { log "run_bench: $*"; exit 1; }

# now: wall clock in seconds with microseconds, without forking (bash 5's EPOCHREALTIME; the
# locale may print a decimal comma).
now() { printf '%s\n' "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }

# skip_engine ENGINE REASON: drops ENGINE from the run and records why for the report.
skip_engine() {
    log "run_bench: skipping $1: $2"
    printf '%s\t%s\n' "$1" "$2" >>"$SKIPPED_TSV"
    local e kept=()
    for e in $ENGINES; do [ "$e" = "$1" ] || kept+=("$e"); done
    ENGINES=${kept[*]}
}

check_settings() {
    local e
    for e in $ENGINES; do
        case $e in native|xlat|qemu|fvp-run) ;; *) die "unknown engine '$e' in BENCH_ENGINES (native xlat qemu fvp-run)" ;; esac
    done
    [[ $REPS =~ ^[1-9][0-9]*$ ]] || die "REPS must be a positive integer, not '$REPS'"
    [[ $PERCENT =~ ^[1-9][0-9]*$ ]] || die "BENCH_PERCENT must be a positive integer, not '$PERCENT'"
    [[ $THREADS =~ ^1( +[1-9][0-9]*)*$ ]] ||
        die "BENCH_THREADS must be thread counts starting with 1 (e.g. \"1 2\"), not '$THREADS'"
    [[ $INTERP_DIV =~ ^[1-9][0-9]*$ ]] || die "BENCH_INTERP_DIV must be a positive integer"
    # The interpreter's size must be a whole percentage, so that N x its time is honest.
    if [[ " $ENGINES " == *" fvp-run "* ]] && [ -z "$INTERP_FULL" ] &&
       [ $((PERCENT % INTERP_DIV)) -ne 0 ]; then
        die "BENCH_PERCENT ($PERCENT) is not a multiple of BENCH_INTERP_DIV ($INTERP_DIV)"
    fi
    command -v timeout >/dev/null || die "'timeout' (coreutils) not found"
    command -v awk >/dev/null || die "'awk' not found"
}

# check_tools: every engine whose tool is missing is skipped, with the reason in the report.
check_tools() {
    local probe=$OUT/probe
    printf 'int main(void) { return 0; }\n' >"$probe.c"
    if [[ " $ENGINES " == *" native "* ]] &&
       ! "$CC" -O2 -static -o "$probe" "$probe.c" >/dev/null 2>&1; then
        skip_engine native "$CC cannot build static programs (no compiler or no static libc); no ratios can be given"
    fi
    if ! "$RV_CC" -O2 -static -o "$probe.rv" "$probe.c" >/dev/null 2>&1; then
        local e
        for e in xlat qemu fvp-run; do
            [[ " $ENGINES " == *" $e "* ]] &&
                skip_engine "$e" "no RV64 binaries: the cross compiler $RV_CC is missing or cannot build static programs"
        done
    fi
    [[ " $ENGINES " == *" xlat "* ]] && [ ! -x "$XLAT" ] &&
        skip_engine xlat "$XLAT not built (run make tools)"
    [[ " $ENGINES " == *" fvp-run "* ]] && [ ! -x "$FVP_RUN" ] &&
        skip_engine fvp-run "$FVP_RUN not built (run make tools)"
    [[ " $ENGINES " == *" qemu "* ]] && ! command -v "$QEMU" >/dev/null &&
        skip_engine qemu "$QEMU not found (Debian package qemu-user)"
    rm -f "$probe" "$probe.c" "$probe.rv"
    [ -n "$ENGINES" ] || die "no engine left to run"
}

has_engine() { [[ " $ENGINES " == *" $1 "* ]]; }
is_threaded() { [[ " $THREADED_PROGS " == *" $1 "* ]]; }

# build_programs: native/<prog> and rv64/<prog>; a program that does not build fails on the
# engines that need that binary (recorded as status "build" so the report says so).
build_programs() {
    local p
    mkdir -p "$OUT/native" "$OUT/rv64"
    for p in $PROGS; do
        log "build $p"
        if has_engine native && ! "$CC" "${BENCH_CFLAGS[@]}" -o "$OUT/native/$p" "bench/src/$p.c" -lm \
                >"$OUT/native/$p.log" 2>&1; then
            rm -f "$OUT/native/$p"
            log "  native build failed, see $OUT/native/$p.log"
        fi
        if { has_engine xlat || has_engine qemu || has_engine fvp-run; } &&
           ! "$RV_CC" "${BENCH_CFLAGS[@]}" -o "$OUT/rv64/$p" "bench/src/$p.c" -lm \
                >"$OUT/rv64/$p.log" 2>&1; then
            rm -f "$OUT/rv64/$p"
            log "  RV64 build failed, see $OUT/rv64/$p.log"
        fi
    done
}

# translate_programs: fvp-xlat on every RV64 binary, timed (wall clock: fvp-xlat's code
# generation uses every core, which is part of what a user waits for) with an empty translation
# cache, then once more to time the cache hit (which must give the same bytes).
translate_programs() {
    local p t0 t1 rc warm
    has_engine xlat || return 0
    mkdir -p "$OUT/xlat"
    rm -rf "$OUT/xlat-cache"
    export FVP_CACHE_DIR=$OUT/xlat-cache FVP_CACHE_SIZE=4G
    for p in $PROGS; do
        rm -f "$OUT/xlat/$p"
        if [ ! -f "$OUT/rv64/$p" ]; then
            printf '%s\tbuild\t0\t0\n' "$p" >>"$XLAT_TSV"
            continue
        fi
        log "translate $p"
        t0=$(now)
        # shellcheck disable=SC2086  # XLAT_FLAGS is a word list
        timeout "$TIMEOUT" "$XLAT" $XLAT_FLAGS "$OUT/rv64/$p" -o "$OUT/xlat/$p" >"$OUT/xlat/$p.log" 2>&1
        rc=$?
        t1=$(now)
        if [ "$rc" -eq 0 ] && [ -x "$OUT/xlat/$p" ]; then
            warm=$(now)
            # shellcheck disable=SC2086
            "$XLAT" $XLAT_FLAGS "$OUT/rv64/$p" -o "$OUT/xlat/$p.warm" >>"$OUT/xlat/$p.log" 2>&1 &&
                cmp -s "$OUT/xlat/$p" "$OUT/xlat/$p.warm" && warm=$(elapsed "$warm" "$(now)") ||
                warm=
            rm -f "$OUT/xlat/$p.warm"
            printf '%s\tok\t%s\t%s\t%s\n' "$p" "$(elapsed "$t0" "$t1")" "$(stat -c %s "$OUT/xlat/$p")" \
                "$warm" >>"$XLAT_TSV"
        else
            rm -f "$OUT/xlat/$p"
            printf '%s\t%s\t%s\t0\n' "$p" "$(status_of "$rc")" "$(elapsed "$t0" "$t1")" >>"$XLAT_TSV"
            log "  translation failed ($(status_of "$rc")), see $OUT/xlat/$p.log"
        fi
    done
}

# status_of RC: "ok", "exit N", "signal N" or "timeout", from a status returned by timeout(1).
status_of() {
    case $1 in
        0) echo ok ;;
        124) echo timeout ;;
        12[5-7]) echo "cannot run" ;;
        *) if [ "$1" -gt 128 ]; then echo "signal $(($1 - 128))"; else echo "exit $1"; fi ;;
    esac
}

# engine_cmd ENGINE PROG: the command line running PROG on ENGINE, without the size argument;
# empty when the binary it needs is missing (failed build or translation).
engine_cmd() {
    case $1 in
        native)  [ -x "$OUT/native/$2" ] && echo "$OUT/native/$2" ;;
        xlat)    [ -x "$OUT/xlat/$2" ] && echo "$OUT/xlat/$2" ;;
        qemu)    [ -f "$OUT/rv64/$2" ] && echo "$QEMU $OUT/rv64/$2" ;;
        fvp-run) [ -f "$OUT/rv64/$2" ] && echo "$FVP_RUN $OUT/rv64/$2" ;;
    esac
}

# The interpreter alone runs smaller: 1/INTERP_DIV of the size, time multiplied back up.
engine_factor() {
    if [ "$1" = fvp-run ] && [ -z "$INTERP_FULL" ]; then echo "$INTERP_DIV"; else echo 1; fi
}

# run_one ENGINE CASE REP: one timed run of CASE (a program, or "prog@N": a threaded program
# with N threads; a threaded program's own name means 1 thread); its output is kept in
# runs/CASE.ENGINE.out (the last failing run's is kept as .fail) and one line goes to runs.tsv.
# A run counts only when it exits with status 0: the programs check their own results.
run_one() {
    local engine=$1 case=$2 rep=$3 prog=${2%@*} threads='' cmd factor t0 t1 rc status secs out
    if is_threaded "$prog"; then
        threads=1
        [[ $case == *@* ]] && threads=${case#*@}
    fi
    factor=$(engine_factor "$engine")
    cmd=$(engine_cmd "$engine" "$prog")
    if [ -z "$cmd" ]; then
        printf '%s\t%s\t%s\t%s\t0\t%s\n' "$case" "$engine" "$rep" "build" "$factor" >>"$RUNS_TSV"
        return
    fi
    out=$OUT/runs/$case.$engine
    t0=$(now)
    # shellcheck disable=SC2086  # cmd is a word list (qemu and fvp-run take the ELF as argument)
    timeout "$TIMEOUT" $cmd $((PERCENT / factor)) $threads >"$out.out" 2>&1 </dev/null
    rc=$?
    t1=$(now)
    status=$(status_of "$rc")
    secs=$(elapsed "$t0" "$t1")
    [ "$status" = ok ] || cp "$out.out" "$out.fail"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$engine" "$rep" "$status" "$secs" "$factor" >>"$RUNS_TSV"
    log "$(printf '  %-9s %-8s %-12s %8ss' "$case" "$engine" "$status" "$secs")"
}

# run_all: repetition by repetition, case by case (a threaded program's thread counts one after
# the other), every engine in turn, so that a slow drift in the machine's load (it may be
# shared) spreads over all engines alike.
run_all() {
    local rep p e
    mkdir -p "$OUT/runs"
    for rep in $(seq "$REPS"); do
        log "repetition $rep of $REPS"
        for p in $CASES; do
            for e in $ENGINES; do
                run_one "$e" "$p" "$rep"
            done
        done
    done
}

# version_of CMD: the first line of CMD --version, or "CMD: not found".
version_of() {
    local v
    v=$("$1" --version 2>/dev/null | head -1)
    echo "${v:-$1: not found}"
}

# host_info: KEY<TAB>VALUE lines for the report's header.
host_info() {
    local cpu
    cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
    printf 'host\t%s, %s cores, Linux %s\n' "${cpu:-unknown CPU}" "$(nproc 2>/dev/null || echo '?')" "$(uname -r)"
    printf 'commit\t%s (at the start; -dirty: uncommitted changes in the tree)\n' \
        "$(git describe --always --dirty 2>/dev/null || echo unknown)"
    printf 'native compiler\t%s\n' "$(version_of "$CC")"
    printf 'RV64 compiler\t%s\n' "$(version_of "$RV_CC")"
    printf 'qemu\t%s\n' "$(version_of "$QEMU")"
    # shellcheck disable=SC2086  # XLAT_FLAGS is a word list
    printf 'flags\t%s (both); fvp-xlat %s (code for %s)\n' "${BENCH_CFLAGS[*]} -lm" "$XLAT_FLAGS" \
        "$("$XLAT" $XLAT_FLAGS --print-cpu 2>/dev/null || echo '?')"
}

main() {
    check_settings
    rm -rf "$OUT/runs" "$RUNS_TSV" "$XLAT_TSV" "$SKIPPED_TSV"
    mkdir -p "$OUT" "$RESULTS"
    : >"$SKIPPED_TSV"; : >"$XLAT_TSV"; : >"$RUNS_TSV"
    local p
    PROGS=${BENCH_PROGS:-}
    if [ -z "$PROGS" ]; then
        for p in bench/src/*.c; do p=${p##*/}; PROGS+="${p%.c} "; done
    fi
    for p in $PROGS; do
        [ -f "bench/src/$p.c" ] || die "no program bench/src/$p.c (BENCH_PROGS)"
    done
    # what run_all runs: the programs, and each threaded one again with N > 1 threads as prog@N
    local n
    CASES=
    for p in $PROGS; do
        CASES+="$p "
        if is_threaded "$p"; then
            for n in $THREADS; do [ "$n" = 1 ] || CASES+="$p@$n "; done
        fi
    done
    check_tools
    log "engines: $ENGINES; programs: $CASES; $REPS repetitions"

    local started load_start load_end date
    started=$(date '+%Y-%m-%d %H:%M %Z')
    date=$(date +%F)
    # a second run on the same day keeps the first report: <date>-HHMM
    [ -e "$RESULTS/$date.md" ] && date=$(date +%F-%H%M)
    load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
    host_info >"$OUT/info.tsv"        # now: the commit may move on while the run goes
    build_programs
    translate_programs
    run_all
    load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
    printf 'load average\t%s at the start, %s at the end (1, 5, 15 min)\n' "$load_start" "$load_end" >>"$OUT/info.tsv"
    local md=$RESULTS/$date.md svg=$RESULTS/$date.svg
    awk -v engines="$ENGINES" -v progs="$CASES" -v reps="$REPS" -v percent="$PERCENT" \
        -v xlat_flags="$XLAT_FLAGS" \
        -v started="$started" -v svgname="$date.svg" -v ratios="$OUT/ratios.tsv" \
        -v runs_dir="$OUT/runs" \
        -f bench/report.awk "$OUT/info.tsv" "$SKIPPED_TSV" "$XLAT_TSV" "$RUNS_TSV" >"$md" ||
        die "writing $md failed"
    awk -v title="FVP benchmarks, $date: time relative to native x86-64 (log scale, lower is better)" \
        -f bench/chart.awk "$OUT/ratios.tsv" >"$svg" || die "writing $svg failed"
    log "wrote $md and $svg"
    # A failed self-check is a result, not an error of the harness: say so, but exit 0 only
    # when every run passed, so that scripts notice.
    if awk -F'\t' '$4 != "ok" { bad = 1 } END { exit !bad }' "$RUNS_TSV"; then
        log "run_bench: some runs FAILED, see $md"
        return 1
    fi
}

# "exit" on the same line: bash reads a script as it runs, so an edit of this file while it
# runs must not make it execute whatever now follows.
main "$@"; exit

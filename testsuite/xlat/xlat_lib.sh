# shellcheck shell=bash
# testsuite/xlat/xlat_lib.sh — the "xlat" engine of the differential runners (sourced by
# testsuite/isa/run_isa.sh, testsuite/programs/run_programs.sh and
# testsuite/torture/run_torture.sh, never run on its own).
#
# xlat_translate ELF OUT translates ELF once with `$FVP_XLAT ELF -o OUT $XLAT_FLAGS` and
# reuses OUT while it is newer than both ELF and fvp-xlat and was made by the same fvp-xlat
# path with the same flags, so a second run of a suite costs only the runs.  Beside OUT it
# keeps OUT.flags (that path and the flags), OUT.secs (how long the translation took) and
# OUT.log (fvp-xlat's output).
#
# Environment: FVP_XLAT (the runner sets its default, BUILD/bin/fvp-xlat), XLAT_FLAGS
# (default -O2), XLAT_TIMEOUT (seconds per translation, default 600).

XLAT_FLAGS=${XLAT_FLAGS--O2}
# the runners keep their translations themselves: fvp-xlat's persistent cache stays off
export FVP_CACHE_SIZE=${FVP_CACHE_SIZE-0}
XLAT_TIMEOUT=${XLAT_TIMEOUT:-600}

# xlat_available: true if $FVP_XLAT can be run.
xlat_available() {
    [ -n "${FVP_XLAT:-}" ] && [ -x "$FVP_XLAT" ]
}

# xlat_translate ELF OUT: 0 when OUT is a usable translation of ELF.  Sets XLAT_SECS (the
# translation time in seconds, "?" if unknown), XLAT_CACHED (1 if OUT was reused) and, on
# failure, XLAT_ERR (fvp-xlat's error line, for a TAP diagnostic).
xlat_translate() {
    local elf=$1 out=$2 start rc stamp="$FVP_XLAT $XLAT_FLAGS"
    XLAT_SECS='?' XLAT_CACHED=0 XLAT_ERR=
    mkdir -p "$(dirname "$out")"
    if [ -x "$out" ] && [ "$out" -nt "$elf" ] && [ "$out" -nt "$FVP_XLAT" ] &&
            [ "$(cat "$out.flags" 2>/dev/null)" = "$stamp" ]; then
        XLAT_CACHED=1
        [ -s "$out.secs" ] && XLAT_SECS=$(cat "$out.secs")
        return 0
    fi
    rm -f "$out" "$out.flags" "$out.secs"
    start=$(date +%s%N)
    # shellcheck disable=SC2086  # XLAT_FLAGS is a word list
    timeout -k 5 "$XLAT_TIMEOUT" "$FVP_XLAT" "$elf" -o "$out" $XLAT_FLAGS >"$out.log" 2>&1
    rc=$?
    XLAT_SECS=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    if [ "$rc" -eq 0 ] && [ -x "$out" ]; then
        echo "$stamp" >"$out.flags"
        echo "$XLAT_SECS" >"$out.secs"
        return 0
    fi
    # the first line that looks like an error, else the first line, else the status
    XLAT_ERR=$(grep -m1 -iE 'error|fatal|fvp-xlat:' "$out.log")
    [ -n "$XLAT_ERR" ] || XLAT_ERR=$(grep -m1 . "$out.log")
    case $rc in
    0)   XLAT_ERR="fvp-xlat exited 0 but wrote no executable $out${XLAT_ERR:+: $XLAT_ERR}" ;;
    124) XLAT_ERR="fvp-xlat timed out after ${XLAT_TIMEOUT}s${XLAT_ERR:+: $XLAT_ERR}" ;;
    *)   [ -n "$XLAT_ERR" ] || XLAT_ERR="fvp-xlat exited with status $rc and no message" ;;
    esac
    XLAT_ERR=$(printf '%s' "$XLAT_ERR" | cut -c1-200)
    rm -f "$out"
    return 1
}

# xlat_time_line NAME: the log line recording the translation cost of NAME.
xlat_time_line() {
    if [ "$XLAT_CACHED" = 1 ]; then
        echo "# xlat $1 $XLAT_SECS (cached)"
    else
        echo "# xlat $1 $XLAT_SECS"
    fi
}

# xlat_prepare ELF OUT NAME: xlat_translate plus the runners' log lines (the time line, and on
# failure "# xlat: reason"); false when there is no usable translation.
xlat_prepare() {
    local ok=0
    xlat_translate "$1" "$2" || ok=1
    xlat_time_line "$3"
    [ "$ok" = 0 ] || echo "# xlat: $XLAT_ERR"
    return "$ok"
}

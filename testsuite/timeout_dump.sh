#!/usr/bin/env bash
# timeout_dump.sh SECS DUMPFILE CMD...: runs CMD like `timeout -k 5 SECS CMD` (same exit
# status: CMD's, 128+N when a signal ended it, 124 when it ran out of time), but before it
# kills a command that ran out of time it writes the stacks of every thread of that command
# and of its descendants (gdb, when installed) into DUMPFILE, so that a rare hang leaves
# evidence behind.  CMD keeps this script's stdin, stdout and stderr.
set -u
DUMP_FRAMES=${DUMP_FRAMES:-8}   # innermost frames per thread
secs=$1 dump=$2
shift 2
rm -f "$dump"
# the watchdog sleeps with `read -t` on a FIFO opened read-write (never any data, no
# process behind it to leave over), removed again at once
fifo=$(mktemp -u "${TMPDIR:-/tmp}/timeout_dump.XXXXXX")
mkfifo "$fifo" && exec {never}<>"$fifo"
rm -f "$fifo"

"$@" 0<&0 {never}<&- &
pid=$!

(
    read -r -t "$secs" -u "$never" _ && exit 0
    kill -0 "$pid" 2>/dev/null || exit 0
    {
        echo "timeout_dump: $* ran out of its ${secs} s at $(date -u +%FT%TZ)"
        tree() { echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
        for p in $(tree "$pid"); do
            echo "=== pid $p: $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)"
            if command -v gdb >/dev/null 2>&1; then
                timeout 60 gdb -q -batch -p "$p" -ex "thread apply all bt $DUMP_FRAMES" 2>&1 |
                    grep -E '^(Thread|#)'
            else
                echo "(no gdb: wchan $(cat "/proc/$p/wchan" 2>/dev/null))"
            fi
        done
    } >"$dump" 2>&1
    kill -TERM "$pid" 2>/dev/null
    read -r -t 5 -u "$never" _
    kill -KILL "$pid" 2>/dev/null
) &
wd=$!

# (bash's report of a job a signal ended is not the command's output)
wait "$pid" 2>/dev/null
rc=$?
kill "$wd" 2>/dev/null
wait "$wd" 2>/dev/null
[ -e "$dump" ] && exit 124
exit "$rc"

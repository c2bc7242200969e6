# shellcheck shell=bash
# testsuite/tap_lib.sh — the TAP helpers of the suite scripts, sourced once they are at the
# repository root: tap_ok NAME, tap_fail NAME and tap_skip NAME WHY print one numbered case
# each; n counts the cases, nfail the failures.
n=0
nfail=0
tap_ok()   { n=$((n + 1)); echo "ok $n - $1"; }
tap_fail() { n=$((n + 1)); nfail=$((nfail + 1)); echo "not ok $n - $1"; }
tap_skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

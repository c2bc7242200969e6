# report.awk — turns the raw measurements of run_bench.sh into the Markdown report, and writes
# the ratios that chart.awk draws.  POSIX awk (no gawk extensions).
#
#   awk -v engines="native xlat qemu fvp-run" -v progs="alu sort" -v reps=3 -v percent=100
#       -v xlat_flags=-O2
#       -v started=... -v svgname=DATE.svg -v ratios=OUT/ratios.tsv -v runs_dir=OUT/runs
#       -f report.awk info.tsv skipped.tsv xlat.tsv runs.tsv
#
# Inputs (tab-separated): info.tsv "key value"; skipped.tsv "engine reason"; xlat.tsv
# "prog status seconds bytes"; runs.tsv "prog engine rep status seconds factor", where the
# engine's time for the full size is seconds x factor.
# Per program and engine the time is the minimum over the repetitions: on a shared machine
# noise only ever adds time.  A program that failed any repetition on an engine gets FAIL there
# and no time.
# A name "prog@N" in progs is the threaded program prog run with N threads (prog alone: 1
# thread): a row of the tables like the others but not in the geomean, and the "Threads"
# section gives the speed-up, prog's time / prog@N's time, per engine.

BEGIN {
    FS = "\t"
    ne = split(engines, eng, " ")
    np = split(progs, prog, " ")
    label["native"] = "native"; label["xlat"] = "xlat"; label["qemu"] = "qemu"; label["fvp-run"] = "fvp-run"
    about["native"] = "the same C source compiled for x86-64 by gcc: the baseline of every ratio " \
                      "(gcc's default target, baseline x86-64: SSE2, no AVX)"
    about["xlat"] = "the RV64 binary translated ahead of time by fvp-xlat, for the CPU in " \
                    "the flags line (by default this machine's x86-64 level, at most x86-64-v3: " \
                    "AVX2, FMA, BMI2; docs D55)"
    about["qemu"] = "qemu-riscv64 (user mode, TCG JIT) running the RV64 binary"
    about["fvp-run"] = "the FVP interpreter running the RV64 binary"
    # nreal: the programs (the rows of the geomean); tbase[]: the threaded programs, each with
    # its cases tcase[b, 1..nthr[b]] ("b@N") and their thread counts tcount[]
    for (j = 1; j <= np; j++) {
        if ((at = index(prog[j], "@")) == 0) { nreal++; continue }
        b = substr(prog[j], 1, at - 1)
        if (!(b in nthr)) tbase[++ntbase] = b
        tcase[b, ++nthr[b]] = prog[j]
        tcount[prog[j]] = substr(prog[j], at + 1)
    }
}

FILENAME == ARGV[1] { info_key[++ninfo] = $1; info_val[ninfo] = $2; next }
FILENAME == ARGV[2] { skipped[++nskipped] = "**" $1 "**: " $2; next }
FILENAME == ARGV[3] { xstatus[$1] = $2; xsecs[$1] = $3; xbytes[$1] = $4; xwarm[$1] = $5; has_xlat = 1; next }
{
    p = $1; e = $2; k = p SUBSEP e
    factor[e] = $6
    raw[k] = (k in raw ? raw[k] " " : "") ($4 == "ok" ? fmt_time($5) : $4)
    if ($4 != "ok") {
        if (!(k in failed)) failed[k] = $4
        next
    }
    t = $5 * $6
    if (!(k in best) || t < best[k]) best[k] = t
}

function fmt_time(t) {
    if (t >= 100) return sprintf("%.1f", t)
    if (t >= 10) return sprintf("%.2f", t)
    return sprintf("%.3f", t)
}
function fmt_ratio(r) {
    if (r >= 100) return sprintf("%.0f", r)
    if (r >= 10) return sprintf("%.1f", r)
    return sprintf("%.2f", r)
}
function has(e,   i) { for (i = 1; i <= ne; i++) if (eng[i] == e) return 1; return 0 }
# time(p, e): the minimum, or "" when the engine failed or did not run the program.
function time_of(p, e,   k) { k = p SUBSEP e; return ((k in best) && !(k in failed)) ? best[k] : "" }
function scaled_note(e) { return (factor[e] > 1) ? ", scaled from 1/" factor[e] " size" : "" }
# time_cell(p, e): the time, FAIL (why), or a dash when the engine did not run p.
function time_cell(p, e,   k, t) {
    k = p SUBSEP e; t = time_of(p, e)
    return (k in failed) ? "FAIL (" failed[k] ")" : (t == "" ? "—" : fmt_time(t))
}
function first_line(file,   line) {
    line = ""
    if ((getline line < file) > 0) close(file)
    gsub(/\|/, "\\|", line)
    return line
}

END {
    base = has("native")
    printf "# FVP benchmarks\n\n"
    threaded = ""
    for (m = 1; m <= ntbase; m++) {
        threaded = threaded (m > 1 ? ", " : " (") tbase[m] " also with"
        for (k = 1; k <= nthr[tbase[m]]; k++)
            threaded = threaded (k > 1 ? "," : "") " " tcount[tcase[tbase[m], k]]
        threaded = threaded " threads" (m == ntbase ? ")" : "")
    }
    printf "Started %s. %d program%s%s, each run %d time%s on every engine, round robin (repetition by\n",
        started, nreal, (nreal > 1 ? "s" : ""), threaded, reps, (reps > 1 ? "s" : "")
    printf "repetition, program by program, one engine after the other). Each time is the **minimum**\n"
    printf "wall-clock time over the repetitions; every run's exit status is checked (the programs check\n"
    printf "their own results) and a failed run makes its cell FAIL. Every number here was measured in\n"
    printf "this one run. Problem size: %d%% of the default.\n\n", percent
    printf "| | |\n|---|---|\n"
    for (i = 1; i <= ninfo; i++) printf "| %s | %s |\n", info_key[i], info_val[i]
    printf "\nEngines:\n\n"
    for (i = 1; i <= ne; i++) {
        e = eng[i]
        printf "- **%s**: %s", label[e], about[e]
        if (factor[e] > 1)
            printf "; **run at 1/%d of the problem size and its time multiplied by %d** (scaled from\n  1/%d size: the interpreter at full size would make the run too long; BENCH_INTERP_FULL=1\n  runs it at full size). Fixed start-up costs are multiplied too, so this slightly overstates its time", factor[e], factor[e], factor[e]
        printf ".\n"
    }
    if (nskipped) {
        printf "\nSkipped engines:\n\n"
        for (i = 1; i <= nskipped; i++) printf "- %s\n", skipped[i]
    }

    # ---- times and ratios -------------------------------------------------------------
    printf "\n## Times (s) and ratios to native\n\n"
    printf "| program |"
    for (i = 1; i <= ne; i++) {
        e = eng[i]
        printf " %s (s%s) |", label[e], scaled_note(e)
        if (e != "native") printf " %s / native |", label[e]
    }
    printf "\n|---|"
    for (i = 1; i <= ne; i++) printf "%s", (eng[i] == "native" ? "---:|" : "---:|---:|")
    printf "\n"
    printf "#engines" > ratios
    for (i = 1; i <= ne; i++) if (eng[i] != "native") printf "\t%s", eng[i] > ratios
    printf "\n" > ratios
    for (i = 1; i <= ne; i++)
        if (factor[eng[i]] > 1)
            printf "#label\t%s\t%s (1/%d size, time x%d)\n", eng[i], eng[i], factor[eng[i]], factor[eng[i]] > ratios
    for (j = 1; j <= np; j++) {
        p = prog[j]
        printf "| %s |", p
        tn = time_of(p, "native")
        for (i = 1; i <= ne; i++) {
            e = eng[i]; k = p SUBSEP e; t = time_of(p, e)
            printf " %s |", time_cell(p, e)
            if (e == "native") continue
            if (t != "" && tn != "" && tn > 0) {
                r = t / tn
                printf " %s |", fmt_ratio(r)
                if (!index(p, "@")) { logsum[e] += log(r); nlog[e]++ }
                printf "%s\t%s\t%.6g\n", p, e, r > ratios
            } else {
                printf " %s |", ((k in failed) ? "FAIL" : "—")
                printf "%s\t%s\t%s\n", p, e, ((k in failed) ? "FAIL" : "none") > ratios
            }
        }
        printf "\n"
    }
    if (ne > 1) printf "| **geomean** |"
    for (i = 1; i <= ne && ne > 1; i++) {
        e = eng[i]
        if (e == "native") { printf " |"; continue }
        if (nlog[e] > 0) {
            g = exp(logsum[e] / nlog[e])
            printf " | **%s**%s |", fmt_ratio(g), (nlog[e] < nreal ? sprintf(" (%d of %d programs)", nlog[e], nreal) : "")
            printf "geomean\t%s\t%.6g\n", e, g > ratios
        } else {
            printf " | — |"
            printf "geomean\t%s\tnone\n", e > ratios
        }
    }
    if (ne > 1) printf "\n"
    close(ratios)
    if (!base)
        printf "\nNo ratios: the native engine did not run (see above).\n"
    else if (ne > 1)
        printf "\nRatio = engine time / native time (lower is better; 1 = native speed). The geomean is over\nthe programs that passed on both%s.\n", (ntbase ? sprintf("; a threaded program counts once, with 1 thread (%s@N: N threads, not\nin the geomean)", tbase[1]) : "")
    printf "\n![ratios to native](%s)\n", svgname

    # ---- threads: the speed-up of the threaded programs --------------------------------
    for (m = 1; m <= ntbase; m++) {
        b = tbase[m]
        if (m == 1) {
            printf "\n## Threads\n\n"
            printf "The same work with 1 thread and with more; speed-up = time with 1 thread / time with N threads,\n"
            printf "per engine, both measured in this run (the host's cores are in the table at the top: N cores at\n"
            printf "most give N).\n"
        }
        printf "\n| %s |", b
        for (i = 1; i <= ne; i++) printf " %s |", label[eng[i]] scaled_note(eng[i])
        printf "\n|---|"
        for (i = 1; i <= ne; i++) printf "---:|"
        printf "\n| 1 thread (s) |"
        for (i = 1; i <= ne; i++) printf " %s |", time_cell(b, eng[i])
        for (k = 1; k <= nthr[b]; k++) {
            c = tcase[b, k]
            printf "\n| %d threads (s) |", tcount[c]
            for (i = 1; i <= ne; i++) printf " %s |", time_cell(c, eng[i])
        }
        for (k = 1; k <= nthr[b]; k++) {
            c = tcase[b, k]
            printf "\n| **speed-up, %d threads** |", tcount[c]
            for (i = 1; i <= ne; i++) {
                t1 = time_of(b, eng[i]); tn = time_of(c, eng[i])
                printf " %s |", (t1 != "" && tn != "" && tn > 0) ? sprintf("**%.2f**", t1 / tn) : "—"
            }
        }
        printf "\n"
    }

    # ---- translation ------------------------------------------------------------------
    if (has_xlat) {
        printf "\n## Translation (fvp-xlat %s)\n\n", xlat_flags
        printf "Wall-clock time of one fvp-xlat run per program with an empty translation cache (cold; its code\ngeneration uses every core), of a second run that finds the output in the cache (warm), and the\nsize of the translated executable (the guest image and the runtime are inside it).\n\n"
        printf "| program | translate cold (s) | warm (s) | output (MiB) |\n|---|---:|---:|---:|\n"
        ts = 0; tb = 0; nt = 0; tw = 0
        for (j = 1; j <= np; j++) {
            p = prog[j]
            if (!(p in xstatus)) continue
            if (xstatus[p] == "ok") {
                printf "| %s | %.1f | %s | %.1f |\n", p, xsecs[p], xwarm[p] == "" ? "—" : sprintf("%.2f", xwarm[p]), xbytes[p] / 1048576
                ts += xsecs[p]; tb += xbytes[p]; tw += xwarm[p]; nt++
            } else {
                printf "| %s | FAIL (%s) | — | — |\n", p, xstatus[p]
            }
        }
        if (nt > 0) printf "| **mean** | **%.1f** | **%.2f** | **%.1f** |\n", ts / nt, tw / nt, tb / nt / 1048576
    }

    # ---- failures ---------------------------------------------------------------------
    nf = 0
    for (j = 1; j <= np; j++)
        for (i = 1; i <= ne; i++) {
            k = prog[j] SUBSEP eng[i]
            if (!(k in failed)) continue
            if (!nf++) printf "\n## Failures\n\n"
            src = prog[j]; sub(/@.*/, "", src)          # prog@N runs prog's binary
            msg = (failed[k] == "build") ? "the binary was not built or not translated (see build/bench/*/" src ".log)" \
                : first_line(runs_dir "/" prog[j] "." eng[i] ".fail")
            printf "- **%s** on **%s**: %s%s\n", prog[j], eng[i], failed[k], (msg == "" ? "" : ": `" msg "`")
        }

    # ---- raw data ---------------------------------------------------------------------
    printf "\n## Every run (s, as measured%s)\n\n", (has("fvp-run") && factor["fvp-run"] > 1 ? "; fvp-run before scaling" : "")
    printf "| program |"
    for (i = 1; i <= ne; i++) printf " %s |", label[eng[i]]
    printf "\n|---|"
    for (i = 1; i <= ne; i++) printf "---|"
    printf "\n"
    for (j = 1; j <= np; j++) {
        printf "| %s |", prog[j]
        for (i = 1; i <= ne; i++) {
            k = prog[j] SUBSEP eng[i]
            printf " %s |", ((k in raw) ? raw[k] : "—")
        }
        printf "\n"
    }
}


# chart.awk — an SVG bar chart of the ratios to native written by report.awk: one group of
# bars per program (and the geomean), one bar per engine, on a logarithmic axis.  POSIX awk.
#
#   awk -v title="..." -f chart.awk ratios.tsv > chart.svg
#
# Input (tab-separated): a first line "#engines ENGINE...", optional "#label ENGINE LEGEND" lines,
# then "prog engine ratio" lines where ratio is a number, FAIL (drawn as a red mark) or none
# (the engine did not run the program).

BEGIN {
    FS = "\t"
    colour["xlat"] = "#1f77b4"; colour["qemu"] = "#ff7f0e"; colour["fvp-run"] = "#2ca02c"
    spare[0] = "#9467bd"; spare[1] = "#8c564b"
    lo = 1; hi = 1                       # ratio range; the axis always shows 1 (native speed)
}

NR == 1 {
    for (i = 2; i <= NF; i++) {
        eng[++ne] = $i
        legend[$i] = $i
        if (!($i in colour)) colour[$i] = spare[(ne - 1) % 2]
    }
    next
}

$1 == "#label" { legend[$2] = $3; next }

{
    if (!($1 in seen)) { seen[$1] = 1; group[++ng] = $1 }
    val[$1, $2] = $3
    if ($3 ~ /^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$/ && $3 + 0 > 0) {
        if ($3 + 0 < lo) lo = $3 + 0
        if ($3 + 0 > hi) hi = $3 + 0
    } else if ($3 != "FAIL") {
        val[$1, $2] = "none"             # not a ratio: draw nothing
    }
}

function log10(x) { return log(x) / log(10) }
function floor_(x) { return x == int(x) || x >= 0 ? int(x) : int(x) - 1 }
function ceil_(x) { return x == int(x) || x < 0 ? int(x) : int(x) + 1 }
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
# y(r): the vertical position of ratio r on the log axis.
function y(r) { return top + plot_h * (dmax - log10(r)) / (dmax - dmin) }
function fmt(r) { return r >= 100 ? sprintf("%.0f", r) : r >= 10 ? sprintf("%.1f", r) : sprintf("%.2f", r) }

END {
    if (ne == 0) ne = 1
    dmin = floor_(log10(lo)); dmax = ceil_(log10(hi))
    if (dmin < -3) dmin = -3             # a bogus tiny ratio must not make the grid endless
    if (dmax > 6) dmax = 6
    if (dmax == dmin) dmax = dmin + 1
    bar_w = 16; gap = 22; left = 70; top = 75; plot_h = 340; bottom = 110
    group_w = ne * bar_w + gap
    width = left + ng * group_w + 30
    if (width < left + 8.5 * length(title)) width = int(left + 8.5 * length(title))   # room for the title
    height = top + plot_h + bottom
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
    printf "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", left, esc(title)

    # Legend.
    x = left
    for (i = 1; i <= ne; i++) {
        printf "<rect x=\"%d\" y=\"36\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, colour[eng[i]]
        printf "<text x=\"%d\" y=\"46\">%s</text>\n", x + 16, esc(legend[eng[i]])
        x += 16 + 7 * length(legend[eng[i]]) + 24
    }

    # Grid: 1, 2, 5 in every decade; the line at 1 (native) is drawn darker.
    for (d = dmin; d <= dmax; d++)
        for (m = 1; m <= 5; m += (m == 1 ? 1 : 3)) {
            r = m * 10 ^ d
            if (log10(r) > dmax + 1e-9) continue
            yy = y(r)
            printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>", left, yy, width - 20, yy, ((d == 0 && m == 1) ? "#333" : "#ddd"), ((d == 0 && m == 1) ? 1.5 : 1)
            printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s&#215;</text>\n", left - 6, yy + 4, (r >= 1 ? sprintf("%d", r) : sprintf("%g", r))
        }
    printf "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">time / native time</text>\n", top + plot_h / 2

    # Bars, from the bottom of the axis up to the ratio, with the value on top.
    base = y(10 ^ dmin)
    for (g = 1; g <= ng; g++) {
        x0 = left + (g - 1) * group_w + gap / 2
        for (i = 1; i <= ne; i++) {
            v = val[group[g], eng[i]]
            bx = x0 + (i - 1) * bar_w
            if (v == "FAIL") {
                printf "<text x=\"%.1f\" y=\"%.1f\" transform=\"rotate(-90 %.1f %.1f)\" fill=\"#d62728\" font-weight=\"bold\">FAIL</text>\n", bx + 12, base - 4, bx + 12, base - 4
                continue
            }
            if (v == "none" || v == "") continue
            yy = y(v)
            printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s on %s: %s&#215; native</title></rect>\n", bx, yy, bar_w - 2, base - yy, colour[eng[i]], esc(group[g]), esc(eng[i]), fmt(v)
            printf "<text x=\"%.1f\" y=\"%.1f\" transform=\"rotate(-90 %.1f %.1f)\" font-size=\"10\" fill=\"#333\">%s</text>\n", bx + 11, yy - 3, bx + 11, yy - 3, fmt(v)
        }
        lx = x0 + ne * bar_w / 2
        printf "<text x=\"%.1f\" y=\"%.1f\" transform=\"rotate(-40 %.1f %.1f)\" text-anchor=\"end\"%s>%s</text>\n", lx, base + 16, lx, base + 16, (group[g] == "geomean" ? " font-weight=\"bold\"" : ""), esc(group[g])
    }
    printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>\n", left, base, width - 20, base
    printf "</svg>\n"
}

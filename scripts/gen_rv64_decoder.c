/*
 * gen_rv64_decoder: reads the RV64GC spec table (lifter/riscv64/rv64.insn)
 * and writes
 *   - rv64_ops.h:     enum RvOp, enum RvExt, RvOpInfo, extern rv_op_info[];
 *   - rv64_decode.inc: the definition of rv_op_info[] and two static decode
 *                      functions (32-bit and 16-bit) that decode.c includes.
 *
 * usage: gen_rv64_decoder SPEC OUT_OPS_H OUT_DECODE_INC
 *
 * The table syntax is described at the top of rv64.insn.  Overlapping
 * encodings are an error (exit 1, both line numbers printed) unless both lines
 * sit in the same { ... } group, where the first matching line wins.  Every
 * generated case carries a comment naming its table line.
 *
 * This is a build-host tool: on bad input it prints a message and exits
 * non-zero, which fails the build.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 512
#define MAX_FIELDS 12
#define MAX_SEGS 8
#define MAX_ASSIGN 8
#define MAX_CONS 4
#define MAX_OPS 512

typedef struct Seg {
    int pos_lo; /* lowest instruction bit of this piece */
    int width;
    int dst_lo; /* where it lands in the field value */
} Seg;

typedef struct Field {
    char name[24];
    int nseg;
    Seg seg[MAX_SEGS];
    int topbit;  /* highest field bit declared */
    int is_signed;
    int plus8;   /* rd'/rs1'/rs2': register 8 + n */
} Field;

typedef struct Assign {
    char dst[8];   /* rd rs1 rs2 rs3 rm csr imm aqrl */
    char src[24];  /* field name or decimal constant */
} Assign;

typedef struct Cons {
    char field[24];
    long value; /* constraint: field != value */
} Cons;

typedef struct Line {
    int lineno;
    char name[32];
    int len; /* 16 or 32 */
    uint32_t mask, match;
    int nfield;
    Field field[MAX_FIELDS];
    char args[64];
    char ext[16];
    char dis[32];
    int ncons;
    Cons cons[MAX_CONS];
    char expop[32];
    int nassign;
    Assign assign[MAX_ASSIGN];
    int group; /* 0 = none */
    int op;    /* index into ops */
    int expidx;
} Line;

typedef struct Op {
    char name[32];
    char args[64];
    char ext[16];
    char dis[32];
    int compressed;
    int expand; /* op index of the expansion for compressed ops, else self */
    int first_line;
} Op;

static Line lines[MAX_LINES];
static int nlines;
static Op ops[MAX_OPS];
static int nops;
static const char *spec_path;

static void die(int lineno, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));

static void die(int lineno, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (lineno > 0)
        fprintf(stderr, "%s:%d: error: ", spec_path, lineno);
    else
        fprintf(stderr, "%s: error: ", spec_path);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static int find_op(const char *name)
{
    for (int i = 0; i < nops; i++)
        if (strcmp(ops[i].name, name) == 0)
            return i;
    return -1;
}

static Field *get_field(Line *l, const char *name)
{
    for (int i = 0; i < l->nfield; i++)
        if (strcmp(l->field[i].name, name) == 0)
            return &l->field[i];
    if (l->nfield >= MAX_FIELDS)
        die(l->lineno, "too many fields");
    Field *f = &l->field[l->nfield++];
    memset(f, 0, sizeof(*f));
    snprintf(f->name, sizeof(f->name), "%s", name);
    f->topbit = -1;
    return f;
}

static int is_signed_name(const char *n)
{
    return strncmp(n, "imm", 3) == 0 || strncmp(n, "nzimm", 5) == 0 ||
           strncmp(n, "offset", 6) == 0;
}

/* Width of a named whole field (no [spec]), or 0 if unknown. */
static int named_width(const char *n, int *plus8)
{
    static const struct { const char *n; int w; int p8; } tab[] = {
        {"rd", 5, 0}, {"rs1", 5, 0}, {"rs2", 5, 0}, {"rs3", 5, 0},
        {"rd'", 3, 1}, {"rs1'", 3, 1}, {"rs2'", 3, 1},
        {"rm", 3, 0}, {"aq", 1, 0}, {"rl", 1, 0}, {"csr", 12, 0},
        {"pred", 4, 0}, {"succ", 4, 0}, {"fm", 4, 0},
    };
    for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
        if (strcmp(tab[i].n, n) == 0) {
            *plus8 = tab[i].p8;
            return tab[i].w;
        }
    return 0;
}

/* Parses one pattern token at bit position *pos (next free bit, counting
 * down).  Returns 0 if tok is not a pattern token. */
static int parse_pattern_token(Line *l, const char *tok, int *pos)
{
    size_t n = strlen(tok);
    if (strspn(tok, "01-") == n) {
        for (size_t i = 0; i < n; i++) {
            int bit = *pos - (int)i;
            if (bit < 0)
                die(l->lineno, "pattern longer than %d bits", l->len);
            if (tok[i] != '-') {
                l->mask |= 1u << bit;
                if (tok[i] == '1')
                    l->match |= 1u << bit;
            }
        }
        *pos -= (int)n;
        return 1;
    }
    const char *br = strchr(tok, '[');
    if (br) {
        char name[24];
        size_t nl = (size_t)(br - tok);
        if (nl == 0 || nl >= sizeof(name) || tok[n - 1] != ']')
            die(l->lineno, "bad field token '%s'", tok);
        memcpy(name, tok, nl);
        name[nl] = 0;
        Field *f = get_field(l, name);
        f->is_signed = is_signed_name(name);
        const char *p = br + 1;
        while (*p && *p != ']') {
            char *end;
            long hi = strtol(p, &end, 10), lo;
            if (end == p)
                die(l->lineno, "bad bit spec in '%s'", tok);
            p = end;
            if (*p == ':') {
                lo = strtol(p + 1, &end, 10);
                if (end == p + 1)
                    die(l->lineno, "bad bit spec in '%s'", tok);
                p = end;
            } else {
                lo = hi;
            }
            if (hi < lo || hi > 31)
                die(l->lineno, "bad bit range in '%s'", tok);
            int w = (int)(hi - lo + 1);
            if (f->nseg >= MAX_SEGS)
                die(l->lineno, "too many pieces in field %s", name);
            if (*pos - w + 1 < 0)
                die(l->lineno, "pattern longer than %d bits", l->len);
            f->seg[f->nseg++] = (Seg){*pos - w + 1, w, (int)lo};
            if (hi > f->topbit)
                f->topbit = (int)hi;
            *pos -= w;
            if (*p == '|')
                p++;
            else if (*p != ']')
                die(l->lineno, "bad bit spec in '%s'", tok);
        }
        return 1;
    }
    int plus8 = 0;
    int w = named_width(tok, &plus8);
    if (w == 0)
        return 0;
    Field *f = get_field(l, tok);
    if (f->nseg)
        die(l->lineno, "field %s given twice", tok);
    if (*pos - w + 1 < 0)
        die(l->lineno, "pattern longer than %d bits", l->len);
    f->seg[f->nseg++] = (Seg){*pos - w + 1, w, 0};
    f->topbit = w - 1;
    f->plus8 = plus8;
    *pos -= w;
    return 1;
}

static void c_ident(const char *in, char *out, size_t n)
{
    size_t j = 0;
    for (size_t i = 0; in[i] && j + 3 < n; i++) {
        char c = in[i];
        if (c == '\'') {
            out[j++] = '_';
            out[j++] = 'p';
        } else if (c == '.') {
            out[j++] = '_';
        } else {
            out[j++] = c;
        }
    }
    out[j] = 0;
}

static void op_enum_name(const char *mn, char *out, size_t n)
{
    size_t j = snprintf(out, n, "RV_OP_");
    for (size_t i = 0; mn[i] && j + 1 < n; i++)
        out[j++] = mn[i] == '.' ? '_' : (char)toupper((unsigned char)mn[i]);
    out[j] = 0;
}

static void parse_line(char *s, int lineno, int group)
{
    char *tok[64];
    int ntok = 0;
    for (char *t = strtok(s, " \t\r\n"); t; t = strtok(NULL, " \t\r\n")) {
        if (ntok == 64)
            die(lineno, "too many tokens");
        tok[ntok++] = t;
    }
    if (ntok == 0)
        return;
    if (nlines >= MAX_LINES)
        die(lineno, "too many lines");
    Line *l = &lines[nlines++];
    memset(l, 0, sizeof(*l));
    l->lineno = lineno;
    l->group = group;
    snprintf(l->name, sizeof(l->name), "%s", tok[0]);
    l->len = strncmp(l->name, "c.", 2) == 0 ? 16 : 32;
    int pos = l->len - 1, i = 1;
    while (i < ntok && tok[i][0] != ':' && parse_pattern_token(l, tok[i], &pos))
        i++;
    if (pos != -1)
        die(lineno, "pattern of %s has %d bits, want %d", l->name, l->len - 1 - pos, l->len);
    if (i >= ntok || tok[i][0] != ':')
        die(lineno, "expected ':args' after the pattern of %s, got '%s'", l->name,
            i < ntok ? tok[i] : "end of line");
    snprintf(l->args, sizeof(l->args), "%s", strcmp(tok[i], ":-") == 0 ? "" : tok[i] + 1);
    for (const char *a = l->args; *a; a++)
        if (!strchr("dstDSTRjuoa>EZPQm(),0", *a))
            die(lineno, "unknown args letter '%c'", *a);
    i++;
    if (i >= ntok)
        die(lineno, "missing extension");
    snprintf(l->ext, sizeof(l->ext), "%s", tok[i++]);
    for (; i < ntok; i++) {
        char *t = tok[i];
        if (strcmp(t, "=>") == 0) {
            if (++i >= ntok)
                die(lineno, "missing expansion op after =>");
            snprintf(l->expop, sizeof(l->expop), "%s", tok[i]);
            continue;
        }
        char *ne = strstr(t, "!=");
        if (ne) {
            if (l->ncons >= MAX_CONS)
                die(lineno, "too many constraints");
            *ne = 0;
            snprintf(l->cons[l->ncons].field, sizeof(l->cons[0].field), "%s", t);
            l->cons[l->ncons].value = strtol(ne + 2, NULL, 0);
            l->ncons++;
            continue;
        }
        char *eq = strchr(t, '=');
        if (!eq)
            die(lineno, "unexpected token '%s'", t);
        *eq = 0;
        if (strcmp(t, "dis") == 0) {
            snprintf(l->dis, sizeof(l->dis), "%s", eq + 1);
            continue;
        }
        if (l->nassign >= MAX_ASSIGN)
            die(lineno, "too many assignments");
        Assign *a = &l->assign[l->nassign++];
        snprintf(a->dst, sizeof(a->dst), "%s", t);
        snprintf(a->src, sizeof(a->src), "%s", eq + 1);
        static const char *dsts[] = {"rd", "rs1", "rs2", "rs3", "rm", "csr", "imm", "aqrl"};
        int ok = 0;
        for (size_t k = 0; k < sizeof(dsts) / sizeof(dsts[0]); k++)
            ok |= strcmp(dsts[k], t) == 0;
        if (!ok)
            die(lineno, "unknown assignment target '%s'", t);
    }
    for (int k = 0; k < l->ncons; k++) {
        int found = 0;
        for (int f = 0; f < l->nfield; f++)
            found |= strcmp(l->field[f].name, l->cons[k].field) == 0;
        if (!found)
            die(lineno, "constraint on unknown field '%s'", l->cons[k].field);
    }
    for (int k = 0; k < l->nassign; k++) {
        const char *src = l->assign[k].src;
        if (isdigit((unsigned char)src[0]) || src[0] == '-')
            continue;
        int found = 0;
        for (int f = 0; f < l->nfield; f++)
            found |= strcmp(l->field[f].name, src) == 0;
        if (!found)
            die(lineno, "assignment from unknown field '%s'", src);
    }
    if (l->len == 16 && !l->expop[0])
        die(lineno, "compressed %s needs '=> op' expansion", l->name);
    if (l->len == 32 && l->expop[0])
        die(lineno, "only compressed lines expand");
    /* dispatch fields must be fixed */
    uint32_t need = l->len == 32 ? 0x7fu : 0xe003u;
    if ((l->mask & need) != need)
        die(lineno, "%s: opcode/quadrant bits must be fixed", l->name);
    if (l->len == 32 && (l->match & 3) != 3)
        die(lineno, "%s: 32-bit encodings end in 11", l->name);
    if (l->len == 16 && (l->match & 3) == 3)
        die(lineno, "%s: 16-bit encodings must not end in 11", l->name);
}

static void read_spec(void)
{
    FILE *f = fopen(spec_path, "r");
    if (!f) {
        perror(spec_path);
        exit(1);
    }
    char buf[1024];
    int lineno = 0, group = 0, ngroups = 0;
    while (fgets(buf, sizeof(buf), f)) {
        lineno++;
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = 0;
        char *p = buf;
        while (isspace((unsigned char)*p))
            p++;
        if (*p == 0)
            continue;
        if (*p == '{') {
            if (group)
                die(lineno, "nested group");
            group = ++ngroups;
            continue;
        }
        if (*p == '}') {
            if (!group)
                die(lineno, "'}' without '{'");
            group = 0;
            continue;
        }
        parse_line(p, lineno, group);
    }
    if (group)
        die(lineno, "unterminated group");
    fclose(f);
}

static void build_ops(void)
{
    snprintf(ops[0].name, sizeof(ops[0].name), "illegal");
    snprintf(ops[0].ext, sizeof(ops[0].ext), "I");
    ops[0].expand = 0;
    nops = 1;
    for (int i = 0; i < nlines; i++) {
        Line *l = &lines[i];
        int k = find_op(l->name);
        if (k < 0) {
            if (nops >= MAX_OPS)
                die(l->lineno, "too many ops");
            k = nops++;
            Op *o = &ops[k];
            snprintf(o->name, sizeof(o->name), "%s", l->name);
            snprintf(o->args, sizeof(o->args), "%s", l->args);
            snprintf(o->ext, sizeof(o->ext), "%s", l->ext);
            snprintf(o->dis, sizeof(o->dis), "%s", l->dis);
            o->compressed = l->len == 16;
            o->first_line = l->lineno;
        } else if (strcmp(ops[k].args, l->args) != 0 || strcmp(ops[k].ext, l->ext) != 0) {
            die(l->lineno, "%s: args/extension differ from line %d", l->name, ops[k].first_line);
        }
        l->op = k;
    }
    for (int i = 0; i < nlines; i++) {
        Line *l = &lines[i];
        if (l->len == 16) {
            int e = find_op(l->expop);
            if (e < 0 || ops[e].compressed)
                die(l->lineno, "expansion '%s' is not a 32-bit op in the table", l->expop);
            l->expidx = e;
            ops[l->op].expand = e;
        } else {
            l->expidx = l->op;
            ops[l->op].expand = l->op;
        }
    }
}

static int share_group(const Line *a, const Line *b)
{
    return a->group && a->group == b->group;
}

static void check_overlaps(void)
{
    int bad = 0;
    for (int i = 0; i < nlines; i++)
        for (int j = i + 1; j < nlines; j++) {
            Line *a = &lines[i], *b = &lines[j];
            if (a->len != b->len)
                continue;
            uint32_t common = a->mask & b->mask;
            if ((a->match ^ b->match) & common)
                continue;
            if (share_group(a, b)) {
                /* b entirely covered by a (and a has no constraint that
                 * could let b's encodings through) would make b dead */
                if ((a->mask & ~b->mask) == 0 && a->ncons == 0) {
                    fprintf(stderr, "%s:%d: error: %s can never match: %s at line %d comes first\n",
                            spec_path, b->lineno, b->name, a->name, a->lineno);
                    bad = 1;
                }
                continue;
            }
            fprintf(stderr, "%s:%d: error: encoding of %s overlaps %s at line %d "
                    "(put both in one { } group if intended)\n",
                    spec_path, b->lineno, b->name, a->name, a->lineno);
            bad = 1;
        }
    if (bad)
        exit(1);
}

static const char *exts[] = {"I", "M", "A", "F", "D", "C", "Zicsr", "Zifencei", "Zba", "Zbb", "Zbs"};
#define NEXTS ((int)(sizeof(exts) / sizeof(exts[0])))

static int ext_index(const char *e, int lineno)
{
    for (int i = 0; i < NEXTS; i++)
        if (strcmp(exts[i], e) == 0)
            return i;
    die(lineno, "unknown extension '%s'", e);
}

/* Register usage flags from an args string. */
static unsigned args_flags(const char *a)
{
    unsigned f = 0;
    for (; *a; a++) {
        switch (*a) {
        case 'd': f |= 1u << 5; break;
        case 'D': f |= (1u << 5) | (1u << 1); break;
        case 's': f |= 1u << 6; break;
        case 'S': f |= (1u << 6) | (1u << 2); break;
        case 't': f |= 1u << 7; break;
        case 'T': f |= (1u << 7) | (1u << 3); break;
        case 'R': f |= (1u << 8) | (1u << 4); break;
        case 'm': f |= 1u << 9; break;
        default: break;
        }
    }
    return f;
}

static void write_ops_h(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fprintf(f, "/* Generated by scripts/gen_rv64_decoder.c from %s.  Do not edit. */\n", spec_path);
    fprintf(f, "#ifndef FVP_RV64_OPS_H\n#define FVP_RV64_OPS_H\n\n#include <stdint.h>\n\n");
    fprintf(f, "typedef enum RvOp {\n");
    for (int i = 0; i < nops; i++) {
        char en[64];
        op_enum_name(ops[i].name, en, sizeof(en));
        if (i == 0)
            fprintf(f, "    RV_OP_ILLEGAL = 0,\n");
        else
            fprintf(f, "    %s, /* rv64.insn:%d */\n", en, ops[i].first_line);
    }
    fprintf(f, "    RV_NOPS\n} RvOp;\n\n");
    fprintf(f, "typedef enum RvExt {\n");
    for (int i = 0; i < NEXTS; i++) {
        char up[32];
        size_t j;
        for (j = 0; exts[i][j] && j + 1 < sizeof(up); j++)
            up[j] = (char)toupper((unsigned char)exts[i][j]);
        up[j] = 0;
        fprintf(f, "    RV_EXT_%s,\n", up);
    }
    fprintf(f, "    RV_NEXTS\n} RvExt;\n\n");
    fprintf(f,
            "/* RvOpInfo.flags */\n"
            "#define RV_OPF_COMPRESSED 0x001u /* a 16-bit form (lives in RvInsn.cop) */\n"
            "#define RV_OPF_RD_FP      0x002u /* rd is an f register */\n"
            "#define RV_OPF_RS1_FP     0x004u\n"
            "#define RV_OPF_RS2_FP     0x008u\n"
            "#define RV_OPF_RS3_FP     0x010u\n"
            "#define RV_OPF_RD         0x020u /* writes rd */\n"
            "#define RV_OPF_RS1        0x040u /* reads rs1 */\n"
            "#define RV_OPF_RS2        0x080u /* reads rs2 */\n"
            "#define RV_OPF_RS3        0x100u /* reads rs3 */\n"
            "#define RV_OPF_RM         0x200u /* has a rounding-mode field */\n\n");
    fprintf(f,
            "/* Per-op facts.  args is the operand list as the disassembler prints it\n"
            " * (letters documented in rv64.insn); for compressed ops it is read from the\n"
            " * expansion's fields.  flags of a compressed op are those of its expansion\n"
            " * plus RV_OPF_COMPRESSED. */\n"
            "typedef struct RvOpInfo {\n"
            "    const char *name;   /* mnemonic, e.g. \"fcvt.w.s\" */\n"
            "    const char *args;   /* operand format, e.g. \"d,s,j\" */\n"
            "    const char *dis;    /* mnemonic objdump -M no-aliases prints */\n"
            "    uint8_t ext;        /* RvExt */\n"
            "    uint16_t flags;     /* RV_OPF_* */\n"
            "    uint16_t expand;    /* compressed: op of the 32-bit expansion; else itself */\n"
            "    uint16_t line;      /* rv64.insn line of the first encoding */\n"
            "} RvOpInfo;\n\n"
            "extern const RvOpInfo rv_op_info[RV_NOPS];\n\n#endif\n");
    fclose(f);
}

static void emit_line(FILE *f, const Line *l)
{
    fprintf(f, "        if ((w & 0x%xu) == 0x%xu) { /* rv64.insn:%d %s */\n", l->mask, l->match,
            l->lineno, l->name);
    for (int i = 0; i < l->nfield; i++) {
        const Field *fd = &l->field[i];
        char id[40];
        c_ident(fd->name, id, sizeof(id));
        fprintf(f, "            %s f_%s = 0", fd->is_signed ? "int64_t" : "uint32_t", id);
        for (int s = 0; s < fd->nseg; s++) {
            const Seg *sg = &fd->seg[s];
            fprintf(f, " | (((w >> %d) & 0x%xu) << %d)", sg->pos_lo, (1u << sg->width) - 1,
                    sg->dst_lo);
        }
        fprintf(f, ";\n");
        if (fd->is_signed && fd->topbit < 63)
            fprintf(f, "            f_%s = (f_%s ^ %lldLL) - %lldLL;\n", id, id,
                    1LL << fd->topbit, 1LL << fd->topbit);
        if (fd->plus8)
            fprintf(f, "            f_%s += 8;\n", id);
    }
    for (int i = 0; i < l->ncons; i++) {
        char id[40];
        c_ident(l->cons[i].field, id, sizeof(id));
        fprintf(f, "            if (f_%s == %ld) return 0; /* reserved */\n", id, l->cons[i].value);
    }
    char en[64];
    op_enum_name(ops[l->expidx].name, en, sizeof(en));
    fprintf(f, "            o->op = %s;\n", en);
    if (l->len == 16) {
        op_enum_name(l->name, en, sizeof(en));
        fprintf(f, "            o->cop = %s;\n", en);
    }
    /* assignments: explicit ones, else by field name */
    static const char *dsts[] = {"rd", "rs1", "rs2", "rs3", "rm", "csr", "imm", "aqrl"};
    for (size_t d = 0; d < sizeof(dsts) / sizeof(dsts[0]); d++) {
        const char *dst = dsts[d];
        const char *src = NULL;
        for (int i = 0; i < l->nassign; i++)
            if (strcmp(l->assign[i].dst, dst) == 0)
                src = l->assign[i].src;
        char expr[64] = "";
        if (src) {
            if (isdigit((unsigned char)src[0]) || src[0] == '-') {
                snprintf(expr, sizeof(expr), "%s", src);
            } else {
                char id[40];
                c_ident(src, id, sizeof(id));
                snprintf(expr, sizeof(expr), "f_%s", id);
            }
        } else if (l->len == 32) {
            if (strcmp(dst, "aqrl") == 0) {
                int aq = 0, rl = 0;
                for (int i = 0; i < l->nfield; i++) {
                    aq |= strcmp(l->field[i].name, "aq") == 0;
                    rl |= strcmp(l->field[i].name, "rl") == 0;
                }
                if (aq && rl)
                    snprintf(expr, sizeof(expr), "(f_aq << 1) | f_rl");
            } else if (strcmp(dst, "imm") == 0) {
                /* the one field that is not a named register/rm/csr */
                for (int i = 0; i < l->nfield; i++) {
                    const char *n = l->field[i].name;
                    int plus8;
                    if (named_width(n, &plus8) && strcmp(n, "pred") && strcmp(n, "succ") &&
                        strcmp(n, "fm"))
                        continue;
                    if (strcmp(n, "pred") == 0 || strcmp(n, "succ") == 0 || strcmp(n, "fm") == 0)
                        die(l->lineno, "fence fields need an explicit imm= assignment");
                    if (expr[0])
                        die(l->lineno, "two immediate fields; assign imm explicitly");
                    char id[40];
                    c_ident(n, id, sizeof(id));
                    snprintf(expr, sizeof(expr), "f_%s", id);
                }
            } else {
                for (int i = 0; i < l->nfield; i++)
                    if (strcmp(l->field[i].name, dst) == 0)
                        snprintf(expr, sizeof(expr), "f_%s", dst);
            }
        }
        if (expr[0])
            fprintf(f, "            o->%s = %s%s;\n", dst,
                    strcmp(dst, "imm") == 0 ? "(int64_t)" : "", expr);
    }
    /* silence unused fields */
    for (int i = 0; i < l->nfield; i++) {
        char id[40];
        c_ident(l->field[i].name, id, sizeof(id));
        fprintf(f, "            (void)f_%s;\n", id);
    }
    fprintf(f, "            return 1;\n        }\n");
}

static void write_decode_inc(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fprintf(f, "/* Generated by scripts/gen_rv64_decoder.c from %s.  Do not edit.\n"
               " * Included by lifter/riscv64/decode.c. */\n\n", spec_path);
    fprintf(f, "const RvOpInfo rv_op_info[RV_NOPS] = {\n");
    for (int i = 0; i < nops; i++) {
        Op *o = &ops[i];
        char en[64];
        op_enum_name(o->name, en, sizeof(en));
        unsigned flags = args_flags(ops[o->expand].args);
        if (o->compressed)
            flags |= 1u;
        char up[32];
        const char *e = o->ext;
        int ei = i == 0 ? 0 : ext_index(e, o->first_line);
        size_t j;
        for (j = 0; exts[ei][j] && j + 1 < sizeof(up); j++)
            up[j] = (char)toupper((unsigned char)exts[ei][j]);
        up[j] = 0;
        char exp[64];
        op_enum_name(ops[o->expand].name, exp, sizeof(exp));
        fprintf(f, "    [%s] = {\"%s\", \"%s\", \"%s\", RV_EXT_%s, 0x%03xu, %s, %d},\n",
                i == 0 ? "RV_OP_ILLEGAL" : en, o->name, o->args, o->dis[0] ? o->dis : o->name,
                up, flags, i == 0 ? "RV_OP_ILLEGAL" : exp, o->first_line);
    }
    fprintf(f, "};\n\n");

    /* 32-bit: switch on opcode bits 6..2 */
    fprintf(f, "/* Decodes a 32-bit encoding into o (zeroed by the caller); returns 1, or 0\n"
               " * for a reserved/unknown encoding. */\n"
               "static int rv64_gen_decode32(uint32_t w, RvInsn *o)\n{\n"
               "    switch ((w >> 2) & 0x1f) {\n");
    for (int key = 0; key < 32; key++) {
        int any = 0, all_f3 = 1;
        for (int i = 0; i < nlines; i++) {
            Line *l = &lines[i];
            if (l->len != 32 || (int)((l->match >> 2) & 0x1f) != key)
                continue;
            any++;
            all_f3 &= (l->mask & 0x7000u) == 0x7000u;
        }
        if (!any)
            continue;
        fprintf(f, "    case 0x%02x:\n", key);
        if (all_f3 && any > 2) {
            /* every line of this major opcode fixes funct3: a second switch */
            fprintf(f, "        switch ((w >> 12) & 7) {\n");
            for (int f3 = 0; f3 < 8; f3++) {
                int n3 = 0;
                for (int i = 0; i < nlines; i++) {
                    Line *l = &lines[i];
                    if (l->len != 32 || (int)((l->match >> 2) & 0x1f) != key ||
                        (int)((l->match >> 12) & 7) != f3)
                        continue;
                    if (!n3++)
                        fprintf(f, "        case %d:\n", f3);
                    emit_line(f, l);
                }
                if (n3)
                    fprintf(f, "            return 0;\n");
            }
            fprintf(f, "        default:\n            return 0;\n        }\n");
            continue;
        }
        for (int i = 0; i < nlines; i++) {
            Line *l = &lines[i];
            if (l->len == 32 && (int)((l->match >> 2) & 0x1f) == key)
                emit_line(f, l);
        }
        fprintf(f, "        return 0;\n");
    }
    fprintf(f, "    default:\n        return 0;\n    }\n}\n\n");

    /* 16-bit: switch on funct3 (15..13) and quadrant (1..0) */
    fprintf(f, "/* Decodes a 16-bit encoding: o->op gets the expansion's op and operands,\n"
               " * o->cop the compressed op.  Returns 1, or 0 for reserved/unknown. */\n"
               "static int rv64_gen_decode16(uint32_t w, RvInsn *o)\n{\n"
               "    switch (((w >> 11) & 0x1c) | (w & 3)) {\n");
    for (int key = 0; key < 32; key++) {
        int any = 0;
        for (int i = 0; i < nlines; i++) {
            Line *l = &lines[i];
            if (l->len != 16 || (int)(((l->match >> 11) & 0x1c) | (l->match & 3)) != key)
                continue;
            if (!any)
                fprintf(f, "    case 0x%02x:\n", key);
            any = 1;
            emit_line(f, l);
        }
        if (any)
            fprintf(f, "        return 0;\n");
    }
    fprintf(f, "    default:\n        return 0;\n    }\n}\n");
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s SPEC OPS_H DECODE_INC\n", argv[0]);
        return 2;
    }
    spec_path = argv[1];
    read_spec();
    build_ops();
    check_overlaps();
    for (int i = 1; i < nops; i++)
        (void)ext_index(ops[i].ext, ops[i].first_line); /* dies on a typo */
    write_ops_h(argv[2]);
    write_decode_inc(argv[3]);
    return 0;
}

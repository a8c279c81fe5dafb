/* gen-idf.c - learns document frequencies of stems from a news corpus and
 * writes the IDF table that ships with the library (src/data/idf_<lang>.inc).
 *
 *   gen-idf LANG CORPUS.jsonl[.gz] OUT.inc [MIN_DF [MAX_ENTRIES]]
 *
 * Each JSON line's "article" is parsed by the library itself (same
 * folding, stop words and Snowball stemmer as at run time), so the table's
 * keys are exactly the term strings of ng_doc. cnndm's tokenized text is
 * split into sentences first (tool_common.h). Stems with a document
 * frequency below MIN_DF (default 4) are left out (they get the "unseen"
 * IDF, that of a stem seen in 1.5 documents); if more than MAX_ENTRIES
 * (default 30000) remain, the most frequent are kept. Output is
 * deterministic: sorted byte-wise.
 *
 * With each stem goes its highlight salience (the default ranker's
 * features 47-48): when the corpus has highlights ("reference"), how much
 * likelier than an average stem it is to be in the highlights of a story
 * whose article has it ("killed" more, "according" less).
 *
 * NG_SKIP=k and NG_MAX_DOCS=k (environment) leave out the first k
 * documents or keep only the first k, to build the tables of a
 * held-out experiment (src/data/idf_en.inc is made from all of them). */
#include "nutgraf.h"
#include "stories/stories.h"
#include "text/doc.h"
#include "tool_common.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

typedef struct ent {
  const char *s; /* the stem: the map's copy */
  uint32_t df;
  uint32_t hl; /* documents whose highlights have the stem too */
  uint32_t last; /* last document counted */
} ent;

#define SAL_PRIOR 10.0

static ng_strmap stems; /* stem -> index into tab */
static ent *tab;
static size_t cap, nents;

static ent *get(const char *s) {
  uint32_t id;
  if (ng_strmap_intern(&stems, s, strlen(s), &id)) exit(1);
  if (id >= cap) {
    cap = cap ? cap * 2 : 1 << 16;
    tab = realloc(tab, cap * sizeof *tab);
    if (!tab) exit(1);
  }
  if (id == nents) {
    tab[id].s = stems.strs[id];
    tab[id].df = tab[id].hl = 0;
    tab[id].last = UINT32_MAX;
    nents++;
  }
  return &tab[id];
}

static int by_df(const void *a, const void *b) {
  const ent *x = a, *y = b;
  if (x->df != y->df) return x->df > y->df ? -1 : 1;
  return strcmp(x->s, y->s);
}

static int by_str(const void *a, const void *b) {
  return strcmp(((const ent *)a)->s, ((const ent *)b)->s);
}

static void put_c_string(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
    else if (c < 0x20 || c >= 0x7f) fprintf(f, "\\%03o", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: gen-idf LANG CORPUS.jsonl[.gz] OUT.inc [MIN_DF [MAX_ENTRIES]]\n");
    return 2;
  }
  ng_lang lang = ng_lang_from_code(argv[1], strlen(argv[1]));
  uint32_t min_df = argc > 4 ? (uint32_t)atoi(argv[4]) : 4;
  size_t max_entries = argc > 5 ? (size_t)atol(argv[5]) : 30000;
  jl_reader r;
  if (jl_open(&r, argv[2])) {
    fprintf(stderr, "gen-idf: cannot read %s\n", argv[2]);
    return 1;
  }
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) return 1;
  ng_strmap_init(&stems, NULL);
  uint32_t ndocs = 0;
  json_t *v;
  /* NG_MAX_DOCS=k: the first k documents only (to hold out the rest). */
  uint32_t max_docs = getenv("NG_MAX_DOCS") ? (uint32_t)atol(getenv("NG_MAX_DOCS")) : 0;
  uint32_t nlines = 0;
  /* NG_SKIP=k: leave out the first k documents (cross-validation folds). */
  for (long skip = getenv("NG_SKIP") ? atol(getenv("NG_SKIP")) : 0; skip > 0; skip--) {
    if (!(v = jl_next(&r))) break;
    json_decref(v);
  }
  while ((!max_docs || nlines++ < max_docs) && (v = jl_next(&r))) {
    json_t *a = json_object_get(v, "article");
    if (!json_is_string(a)) a = json_object_get(v, "text");
    if (json_is_string(a)) {
      size_t len;
      char *text = tc_presplit(json_string_value(a), json_string_length(a), &len);
      ng_doc_options o = NG_DOC_OPTIONS_INIT;
      o.lang = lang;
      o.flags = NG_DOC_NO_TITLE;
      ng_doc *doc = NULL;
      /* The highlights' stems, when the corpus has them ("reference"). */
      json_t *ref = json_object_get(v, "reference");
      ng_doc *rdoc = NULL;
      if (json_is_string(ref))
        ng_doc_parse(&rdoc, ctx, json_string_value(ref), json_string_length(ref),
                     &o, NULL);
      if (text && ng_doc_parse(&doc, ctx, text, len, &o, NULL) == NG_OK) {
        for (size_t k = 0; k < doc->title_tok_begin; k++) {
          const ng_tok *t = &doc->toks[k];
          if ((t->flags & NG_TOK_STOP) || !(t->flags & NG_TOK_ALPHA)) continue;
          ent *e = get(doc->terms[t->term].str);
          if (e->last != ndocs) {
            e->last = ndocs;
            e->df++;
            bool in_hl = false;
            for (size_t j = 0; rdoc && j < rdoc->ntok && !in_hl; j++)
              in_hl = strcmp(rdoc->terms[rdoc->toks[j].term].str, e->s) == 0;
            e->hl += in_hl;
          }
        }
        ndocs++;
      }
      ng_doc_free(rdoc);
      ng_doc_free(doc);
      free(text);
    }
    json_decref(v);
  }
  jl_close(&r);
  ng_ctx_free(ctx);
  /* Compact, keep the frequent ones, sort by string. */
  size_t n = 0;
  for (size_t i = 0; i < nents; i++)
    if (tab[i].df >= min_df) tab[n++] = tab[i];
  qsort(tab, n, sizeof *tab, by_df);
  if (n > max_entries) n = max_entries;
  if (n > 65535) n = 65535; /* bucket offsets are uint16_t */
  qsort(tab, n, sizeof *tab, by_str);
  FILE *f = fopen(argv[3], "w");
  if (!f || ndocs == 0) {
    fprintf(stderr, "gen-idf: no documents, or cannot write %s\n", argv[3]);
    return 1;
  }
  const char *up = argv[1];
  char U[8] = {0};
  for (int i = 0; i < 7 && up[i]; i++) U[i] = (char)(up[i] >= 'a' && up[i] <= 'z' ? up[i] - 32 : up[i]);
  fprintf(f,
          "/* Generated by tools/gen-idf (make gen-stats) from %u documents of\n"
          " * %s: %zu stems with document frequency >= %u, IDF = ln(N/df) as\n"
          " * fixed point (x 1024), and their highlight salience. Do not edit. */\n",
          ndocs, strrchr(argv[2], '/') ? strrchr(argv[2], '/') + 1 : argv[2], n,
          min_df);
  fprintf(f, "#define NG_IDF_%s_DOCS %u\n", U, ndocs);
  fprintf(f, "#define NG_IDF_%s_UNSEEN %u\n", U,
          (unsigned)lround(log((double)ndocs / 1.5) * 1024.0));
  fprintf(f, "static const char *const idf_%s_stems[] = {\n", argv[1]);
  for (size_t i = 0; i < n; i++) {
    put_c_string(f, tab[i].s);
    fputs(i + 1 < n ? (i % 8 == 7 ? ",\n" : ",") : "\n", f);
  }
  fprintf(f, "};\nstatic const uint16_t idf_%s_q[] = {\n", argv[1]);
  for (size_t i = 0; i < n; i++) {
    double idf = log((double)ndocs / (double)tab[i].df);
    fprintf(f, "%ld%s", lround(idf * 1024.0), i + 1 < n ? (i % 16 == 15 ? ",\n" : ",") : "\n");
  }
  fputs("};\n", f);
  /* Highlight salience: how much likelier than an average stem a stem of
   * the article is to be said in its highlights too, as the log ratio of
   * the rates, shrunk towards 0 by SAL_PRIOR documents at the average
   * rate (a stem seen in few documents says little). Fixed point x 1024;
   * 0 for a corpus without highlights. */
  double hl_all = 0.0, df_all = 0.0;
  for (size_t i = 0; i < n; i++) {
    hl_all += tab[i].hl;
    df_all += tab[i].df;
  }
  double p0 = df_all > 0.0 ? hl_all / df_all : 0.0;
  fprintf(f, "static const int16_t idf_%s_sal[] = {\n", argv[1]);
  for (size_t i = 0; i < n; i++) {
    double rate = (tab[i].hl + SAL_PRIOR * p0) / (tab[i].df + SAL_PRIOR);
    double sal = p0 > 0.0 ? log(rate / p0) : 0.0;
    fprintf(f, "%ld%s", lround(sal * 1024.0),
            i + 1 < n ? (i % 16 == 15 ? ",\n" : ",") : "\n");
  }
  fputs("};\n", f);
  /* Where each first byte's stems start, so a lookup bisects one bucket. */
  fprintf(f, "static const uint16_t idf_%s_first[257] = {\n", argv[1]);
  size_t at = 0;
  for (int c = 0; c <= 256; c++) {
    while (at < n && (c == 256 || (unsigned char)tab[at].s[0] < c)) at++;
    fprintf(f, "%zu%s", at, c < 256 ? (c % 16 == 15 ? ",\n" : ",") : "\n");
  }
  fputs("};\n", f);
  fclose(f);
  fprintf(stderr, "gen-idf: %u documents, %zu stems -> %s\n", ndocs, n, argv[3]);
  return 0;
}

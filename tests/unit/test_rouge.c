/* test_rouge.c - the ROUGE scorer against hand-computed cases and against
 * the "Reference figures" table of ../shared/data/README.md (Lead
 * baselines shipped as fixed system output, scored by Google's
 * rouge-score). */
#include "harness.h"

#include "nutgraf.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <zlib.h>

static double f(const ng_rouge_result *r, int m) { return r->m[m].f; }

void test_rouge__identical(void) {
  ng_rouge_scorer *sc = NULL;
  CHECK_INT(ng_rouge_scorer_new(&sc, NULL), NG_OK);
  if (!sc) return;
  ng_rouge_result r;
  const char *t = "The cat sat.\nOn the mat!";
  CHECK_INT(ng_rouge_score(&r, sc, t, strlen(t), t, strlen(t)), NG_OK);
  for (int m = 0; m < NG_ROUGE_COUNT; m++) CHECK(fabs(f(&r, m) - 1.0) < 1e-12);
  /* Empty system output scores 0, not NaN. */
  CHECK_INT(ng_rouge_score(&r, sc, t, strlen(t), "", 0), NG_OK);
  for (int m = 0; m < NG_ROUGE_COUNT; m++) CHECK(f(&r, m) == 0.0);
  ng_rouge_scorer_free(sc);
}

void test_rouge__hand_computed(void) {
  ng_rouge_scorer *sc = NULL;
  CHECK_INT(ng_rouge_scorer_new(&sc, NULL), NG_OK);
  if (!sc) return;
  ng_rouge_result r;
  /* ref: the cat was found under the bed (7 tokens)
   * sys: the cat was under the bed (6); unigram hits 6, bigram hits
   * the-cat, cat-was, under-the, the-bed = 4 of 6 / 5; LCS 6. */
  const char *ref = "The cat was found under the bed.";
  const char *sys = "the cat was under the bed";
  CHECK_INT(ng_rouge_score(&r, sc, ref, strlen(ref), sys, strlen(sys)), NG_OK);
  CHECK(fabs(r.m[NG_ROUGE_1].p - 1.0) < 1e-12);
  CHECK(fabs(r.m[NG_ROUGE_1].r - 6.0 / 7.0) < 1e-12);
  CHECK(fabs(r.m[NG_ROUGE_2].p - 4.0 / 5.0) < 1e-12);
  CHECK(fabs(r.m[NG_ROUGE_2].r - 4.0 / 6.0) < 1e-12);
  CHECK(fabs(r.m[NG_ROUGE_L].r - 6.0 / 7.0) < 1e-12);
  /* Stemming: "running" and "runs" share the Porter stem "run"; NLTK's
   * extensions make "died" and "die" one stem too. */
  const char *a = "Runners were running; he died", *b = "runs run die";
  CHECK_INT(ng_rouge_score(&r, sc, a, strlen(a), b, strlen(b)), NG_OK);
  CHECK(fabs(r.m[NG_ROUGE_1].p - 2.0 / 3.0) < 1e-12);
  /* Lsum: union LCS over sentences, each token counted once. Reference
   * "a b c d" vs system lines "a b" and "c d": the union is all four. */
  const char *lr = "w1 w2 w3 w4", *ls = "w1 w2\nw3 w4";
  CHECK_INT(ng_rouge_score(&r, sc, lr, strlen(lr), ls, strlen(ls)), NG_OK);
  CHECK(fabs(r.m[NG_ROUGE_LSUM].f - 1.0) < 1e-12);
  /* ... while a repeated system line cannot count twice. */
  const char *lr2 = "w1 w2\nw1 w2", *ls2 = "w1 w2";
  CHECK_INT(ng_rouge_score(&r, sc, lr2, strlen(lr2), ls2, strlen(ls2)), NG_OK);
  CHECK(fabs(r.m[NG_ROUGE_LSUM].r - 0.5) < 1e-12);
  CHECK(fabs(r.m[NG_ROUGE_LSUM].p - 1.0) < 1e-12);
  ng_rouge_scorer_free(sc);
}

/* ---- the README's table --------------------------------------------- */

typedef struct kv {
  char *id, *text, *source;
} kv;

static int cmp_kv(const void *a, const void *b) {
  return strcmp(((const kv *)a)->id, ((const kv *)b)->id);
}

/* Reads `field` of every line of a JSON Lines file (gz or plain). */
static kv *read_jsonl(const char *path, const char *field, size_t *n) {
  gzFile g = gzopen(path, "rb");
  *n = 0;
  if (!g) return NULL;
  size_t cap = 0, lcap = 1 << 20;
  kv *v = NULL;
  char *line = malloc(lcap);
  while (line) {
    size_t len = 0;
    while (gzgets(g, line + len, (int)(lcap - len))) {
      len += strlen(line + len);
      if (line[len - 1] == '\n') break;
      char *nl = realloc(line, lcap * 2);
      if (!nl) break;
      line = nl;
      lcap *= 2;
    }
    if (!len) break;
    json_t *o = json_loadb(line, len, 0, NULL);
    json_t *id = json_object_get(o, "id"), *t = json_object_get(o, field);
    json_t *src = json_object_get(o, "source");
    if (json_is_string(id) && json_is_string(t)) {
      if (*n == cap) {
        cap = cap ? cap * 2 : 1024;
        v = realloc(v, cap * sizeof *v);
      }
      v[*n].id = strdup(json_string_value(id));
      v[*n].text = strdup(json_string_value(t));
      v[*n].source = json_is_string(src) ? strdup(json_string_value(src)) : NULL;
      (*n)++;
    }
    json_decref(o);
  }
  free(line);
  gzclose(g);
  return v;
}

static void free_kv(kv *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(v[i].id);
    free(v[i].text);
    free(v[i].source);
  }
  free(v);
}

/* Mean F x 100 of the four metrics over items whose source matches
 * (NULL: all). */
static size_t score_set(double out[NG_ROUGE_COUNT], ng_rouge_scorer *sc,
                        kv *refs, size_t nr, const kv *sys, size_t ns,
                        const char *source) {
  for (int m = 0; m < NG_ROUGE_COUNT; m++) out[m] = 0.0;
  size_t count = 0;
  for (size_t i = 0; i < ns; i++) {
    kv key = {sys[i].id, NULL, NULL};
    const kv *r = bsearch(&key, refs, nr, sizeof(kv), cmp_kv);
    if (!r) continue;
    if (source && (!r->source || strcmp(r->source, source) != 0)) continue;
    ng_rouge_result res;
    if (ng_rouge_score(&res, sc, r->text, strlen(r->text), sys[i].text,
                       strlen(sys[i].text)))
      continue;
    for (int m = 0; m < NG_ROUGE_COUNT; m++) out[m] += res.m[m].f;
    count++;
  }
  for (int m = 0; m < NG_ROUGE_COUNT; m++)
    out[m] = count ? 100.0 * out[m] / (double)count : 0.0;
  return count;
}

static void check_row(const char *what, const double got[NG_ROUGE_COUNT],
                      const double want[NG_ROUGE_COUNT], size_t n,
                      size_t want_n) {
  char m[256];
  if (want_n && n != want_n) {
    snprintf(m, sizeof m, "%s: %zu items, want %zu", what, n, want_n);
    ng_test_fail(__FILE__, __LINE__, m);
  }
  for (int k = 0; k < NG_ROUGE_COUNT; k++) {
    if (want[k] < 0) continue; /* not in the table */
    if (fabs(got[k] - want[k]) > 0.05) {
      snprintf(m, sizeof m, "%s %s: %.3f, want %.2f +- 0.05", what,
               ng_rouge_metric_name(k), got[k], want[k]);
      ng_test_fail(__FILE__, __LINE__, m);
    }
  }
}

/* DUC-style recall against several references (ROUGE-2, ROUGE-SU4),
 * hand-computed. */
void test_rouge__multi_reference(void) {
  ng_rouge_scorer *sc = NULL;
  CHECK_INT(ng_rouge_scorer_new(&sc, NULL), NG_OK);
  if (!sc) return;
  ng_rouge_multi m;
  /* ref1 "a b c": bigrams ab bc; SU4 units a b c ab ac bc (6).
   * ref2 "a c": bigram ac; SU4 a c ac (3). sys "a b": ab; a b ab.
   * Hits: ref1 1 bigram, 3 SU4 units; ref2 0, 1. */
  const char *refs[] = {"A b c.", "a c"};
  size_t lens[] = {strlen(refs[0]), strlen(refs[1])};
  CHECK_INT(ng_rouge_multi_recall(&m, sc, refs, lens, 2, "a b", 3, 0, 0), NG_OK);
  CHECK(fabs(m.rouge2 - 1.0 / 3.0) < 1e-12); /* pooled: 1 of 3 */
  CHECK(fabs(m.su4 - 4.0 / 9.0) < 1e-12);
  /* Jackknifed: mean of {ref2} 0/1 and {ref1} 1/2; SU4 1/3 and 3/6. */
  CHECK_INT(ng_rouge_multi_recall(&m, sc, refs, lens, 2, "a b", 3, 0, 1), NG_OK);
  CHECK(fabs(m.rouge2 - 0.25) < 1e-12);
  CHECK(fabs(m.su4 - (1.0 / 3.0 + 0.5) / 2.0) < 1e-12);
  /* The system is cut at max_words tokens: "a b c d" at 2 is "a b". */
  CHECK_INT(ng_rouge_multi_recall(&m, sc, refs, lens, 2, "a b c d", 7, 2, 1), NG_OK);
  CHECK(fabs(m.rouge2 - 0.25) < 1e-12);
  /* Skip bigrams span at most 4 tokens between: in "a p q r s b" (6
   * unigrams, 15 pairs) "a ... b" counts, in "a p q r s t b" (7, 20) not. */
  const char *gap4 = "a p q r s b", *gap5 = "a p q r s t b";
  size_t l4 = strlen(gap4), l5 = strlen(gap5);
  CHECK_INT(ng_rouge_multi_recall(&m, sc, &gap4, &l4, 1, "a b", 3, 0, 1), NG_OK);
  CHECK(fabs(m.su4 - 3.0 / 21.0) < 1e-12);
  CHECK_INT(ng_rouge_multi_recall(&m, sc, &gap5, &l5, 1, "a b", 3, 0, 1), NG_OK);
  CHECK(fabs(m.su4 - 2.0 / 27.0) < 1e-12);
  /* Clipped: "a a" against "a" hits once, of one unit. */
  const char *one = "a";
  size_t l1 = 1;
  CHECK_INT(ng_rouge_multi_recall(&m, sc, &one, &l1, 1, "a a", 3, 0, 1), NG_OK);
  CHECK(fabs(m.su4 - 1.0) < 1e-12);
  /* No references: zeros; bad arguments: NG_EINVAL. */
  CHECK_INT(ng_rouge_multi_recall(&m, sc, NULL, NULL, 0, "a", 1, 0, 1), NG_OK);
  CHECK(m.rouge2 == 0.0 && m.su4 == 0.0);
  CHECK_INT(ng_rouge_multi_recall(&m, NULL, refs, lens, 2, "a", 1, 0, 1), NG_EINVAL);
  CHECK_INT(ng_rouge_multi_recall(&m, sc, refs, lens, NG_ROUGE_MAX_REFS + 1, "a", 1, 0, 1),
            NG_EINVAL);
  ng_rouge_scorer_free(sc);
}

void test_rouge__reference_figures(void) {
  const char *dir = ng_test_data_dir();
  if (!dir) {
    ng_test_skip("../shared/data not found: set NG_DATA to run the ROUGE reference check");
    return;
  }
  static const struct {
    const char *refs, *sys, *source;
    size_t items;
    double want[NG_ROUGE_COUNT];
  } rows[] = {
      {"cnndm/dev.jsonl.gz", "cnndm/lead3.dev.jsonl.gz", "cnn", 798,
       {29.39, 11.11, 19.84, 26.15}},
      {"cnndm/dev.jsonl.gz", "cnndm/lead3.dev.jsonl.gz", "dailymail", 2557,
       {40.01, 17.44, 25.00, 36.33}},
      {"cnndm/dev.jsonl.gz", "cnndm/lead3.dev.jsonl.gz", NULL, 3355,
       {37.48, 15.94, 23.77, 33.91}},
      {"cnndm_raw/dev.jsonl", "cnndm_raw/lead3.dev.jsonl", NULL, 174,
       {41.05, 18.82, 25.99, 37.22}},
      {"bbc_news_summary/dev.jsonl", "bbc_news_summary/lead3.dev.jsonl", NULL,
       1638, {44.72, 36.08, 34.66, 43.65}},
      {"xsum_frank/dev.jsonl", "xsum_frank/lead1.dev.jsonl", NULL, 178,
       {14.25, 1.68, 10.60, 10.60}},
  };
  ng_rouge_scorer *sc = NULL;
  CHECK_INT(ng_rouge_scorer_new(&sc, NULL), NG_OK);
  if (!sc) return;
  double cnn[NG_ROUGE_COUNT] = {0}, dm[NG_ROUGE_COUNT] = {0};
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char p1[1024], p2[1024];
    snprintf(p1, sizeof p1, "%s/%s", dir, rows[i].refs);
    snprintf(p2, sizeof p2, "%s/%s", dir, rows[i].sys);
    size_t nr, ns;
    kv *refs = read_jsonl(p1, "reference", &nr);
    kv *sys = read_jsonl(p2, "summary", &ns);
    if (!refs || !sys) {
      char m[2200];
      snprintf(m, sizeof m, "cannot read %s or %s", p1, p2);
      ng_test_fail(__FILE__, __LINE__, m);
    } else {
      qsort(refs, nr, sizeof(kv), cmp_kv);
      double got[NG_ROUGE_COUNT];
      size_t n = score_set(got, sc, refs, nr, sys, ns, rows[i].source);
      char what[256];
      snprintf(what, sizeof what, "%s%s%s", rows[i].refs,
               rows[i].source ? " source=" : "",
               rows[i].source ? rows[i].source : "");
      check_row(what, got, rows[i].want, n, rows[i].items);
      if (i == 0) memcpy(cnn, got, sizeof cnn);
      if (i == 1) memcpy(dm, got, sizeof dm);
    }
    free_kv(refs, nr);
    free_kv(sys, ns);
  }
  /* Weighted as the full test set: R1, R2, Lsum in the table. */
  double w[NG_ROUGE_COUNT], want[NG_ROUGE_COUNT] = {39.00, 16.84, -1, 35.36};
  for (int m = 0; m < NG_ROUGE_COUNT; m++) w[m] = 0.0951 * cnn[m] + 0.9049 * dm[m];
  check_row("cnndm weighted", w, want, 0, 0);
  ng_rouge_scorer_free(sc);
}

/* The DUC scoring against DUC 2006's own figures (all 50 topics; dev has
 * 39): NIST's lead baseline (the first 250 words of the most recent
 * article) scored 0.0495 ROUGE-2 / 0.0979 SU4, the human summarizers
 * 0.109-0.133 ROUGE-2 each against the others. Measured here: 0.0449 /
 * 0.0918 and 0.1058 (the same as `nutgraf eval digest -m lead|human`). */
void test_rouge__duc_anchors(void) {
  const char *dir = ng_test_data_dir();
  char path[512];
  snprintf(path, sizeof path, "%s/duc2006/dev.jsonl", dir ? dir : ".");
  size_t len = 0;
  char *data = dir ? ng_test_read(path, &len) : NULL;
  if (!data) {
    ng_test_skip("../shared/data not found: duc2006/dev.jsonl");
    return;
  }
  ng_rouge_scorer *sc = NULL;
  CHECK_INT(ng_rouge_scorer_new(&sc, NULL), NG_OK);
  double lead2 = 0, lead_su4 = 0, human2 = 0;
  size_t n = 0;
  for (char *line = data; sc && line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    json_t *o = json_loads(line, 0, NULL);
    json_t *arts = json_object_get(o, "articles"), *dates = json_object_get(o, "dates"),
           *refs = json_object_get(o, "references");
    size_t na = json_array_size(arts), nr = json_array_size(refs);
    if (na && nr >= 2 && nr <= NG_ROUGE_MAX_REFS) {
      size_t pick = 0;
      for (size_t i = 1; i < na; i++)
        if (strcmp(json_string_value(json_array_get(dates, i)),
                   json_string_value(json_array_get(dates, pick))) >= 0)
          pick = i;
      const char *r[NG_ROUGE_MAX_REFS];
      size_t rl[NG_ROUGE_MAX_REFS];
      for (size_t k = 0; k < nr; k++) {
        r[k] = json_string_value(json_array_get(refs, k));
        rl[k] = strlen(r[k]);
      }
      const char *lead = json_string_value(json_array_get(arts, pick));
      ng_rouge_multi m;
      CHECK_INT(ng_rouge_multi_recall(&m, sc, r, rl, nr, lead, strlen(lead), 250, 1), NG_OK);
      lead2 += m.rouge2;
      lead_su4 += m.su4;
      /* Each reference against the others, pooled. */
      for (size_t k = 0; k < nr; k++) {
        const char *others[NG_ROUGE_MAX_REFS];
        size_t ol[NG_ROUGE_MAX_REFS], q = 0;
        for (size_t j = 0; j < nr; j++)
          if (j != k) {
            others[q] = r[j];
            ol[q++] = rl[j];
          }
        CHECK_INT(ng_rouge_multi_recall(&m, sc, others, ol, q, r[k], rl[k], 250, 0), NG_OK);
        human2 += m.rouge2 / (double)nr;
      }
      n++;
    }
    json_decref(o);
    line = nl ? nl + 1 : NULL;
  }
  CHECK(n >= 30);
  if (n) {
    CHECK(fabs(lead2 / (double)n - 0.0449) < 0.0005);
    CHECK(fabs(lead_su4 / (double)n - 0.0918) < 0.0005);
    CHECK(fabs(human2 / (double)n - 0.1058) < 0.0005);
    /* ... and near DUC's: within a tenth of the lead baseline's figures,
     * and about the human summarizers' range. */
    CHECK(fabs(lead2 / (double)n - 0.0495) < 0.0050);
    CHECK(fabs(lead_su4 / (double)n - 0.0979) < 0.0098);
    CHECK(human2 / (double)n > 0.095 && human2 / (double)n < 0.133);
  }
  ng_rouge_scorer_free(sc);
  free(data);
}

/* train-rewrite.c - fits the rewrite model's weights
 * (src/data/rewrite_weights.inc) on MRPC pairs of the original train split.
 *
 *   train-rewrite ../shared/data/mrpc/dev.jsonl src/data/rewrite_weights.inc
 *
 * Document frequencies come from every sentence of the file (no labels are
 * read for them), exactly as `nutgraf stories --eval-mrpc` computes them;
 * the weights are fitted only on items with "orig_split": "train", so the
 * "test" items stay unseen. L2-regularized logistic regression by Newton's
 * method on standardized features; the standardization is folded back into
 * the weights. Deterministic. */
#include "stories/set.h"
#include "linsolve.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NF NG_RW_NFEAT
#define L2 1.0

typedef struct pair {
  char *a, *b;
  int label, train;
} pair;


/* Newton's method for L2-regularized logistic regression on the rows
 * whose index modulo 5 is not `skip` (skip -1: all rows). */
static void fit(double *w, const double *X, const int *y, size_t m, int skip) {
  for (int k = 0; k < NF; k++) w[k] = 0.0;
  for (int it = 0; it < 30; it++) {
    double g[NF] = {0}, H[NF * NF] = {0}, dx[NF] = {0};
    for (size_t i = 0; i < m; i++) {
      if ((int)(i % 5) == skip) continue;
      const double *x = X + i * NF;
      double z = 0;
      for (int k = 0; k < NF; k++) z += w[k] * x[k];
      double p = 1.0 / (1.0 + exp(-z));
      for (int k = 0; k < NF; k++) {
        g[k] += (p - y[i]) * x[k];
        for (int l = 0; l < NF; l++) H[k * NF + l] += p * (1 - p) * x[k] * x[l];
      }
    }
    for (int k = 1; k < NF; k++) {
      g[k] += L2 * w[k];
      H[k * NF + k] += L2;
    }
    if (tc_solve(H, g, dx, NF)) break;
    double step = 0;
    for (int k = 0; k < NF; k++) {
      w[k] -= dx[k];
      step += fabs(dx[k]);
    }
    if (step < 1e-9) break;
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: train-rewrite MRPC.jsonl OUT.inc\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  pair *v = NULL;
  size_t n = 0, cap = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t r;
  while ((r = getline(&line, &lcap, f)) >= 0) {
    json_t *o = json_loadb(line, (size_t)r, 0, NULL);
    const char *a = json_string_value(json_object_get(o, "a"));
    const char *b = json_string_value(json_object_get(o, "b"));
    const char *sp = json_string_value(json_object_get(o, "orig_split"));
    if (a && b && sp) {
      if (n == cap) {
        cap = cap ? cap * 2 : 1024;
        v = realloc(v, cap * sizeof *v);
        if (!v) return 1;
      }
      v[n].a = strdup(a);
      v[n].b = strdup(b);
      v[n].label = (int)json_integer_value(json_object_get(o, "label"));
      v[n].train = strcmp(sp, "train") == 0;
      n++;
    }
    json_decref(o);
  }
  free(line);
  fclose(f);
  ng_ctx *ctx = NULL;
  ng_story_set *set = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL) || ng_story_set_new(&set, ctx, NULL, NULL)) return 1;
  for (size_t i = 0; i < 2 * n; i++) {
    const char *t = i % 2 ? v[i / 2].b : v[i / 2].a;
    ng_doc_options dopt = NG_DOC_OPTIONS_INIT;
    dopt.lang = NG_LANG_EN;
    dopt.flags = NG_DOC_KEEP_FURNITURE | NG_DOC_NO_TITLE;
    ng_doc *doc = NULL;
    if (ng_doc_parse(&doc, ctx, t, strlen(t), &dopt, NULL) == NG_OK)
      ng_story_set_add(set, doc, NULL, 0, NULL, 0, NULL, NULL);
    ng_doc_free(doc);
  }
  /* Features of the training pairs. */
  size_t m = 0;
  double *X = calloc(n * NF, sizeof *X);
  int *y = calloc(n, sizeof *y);
  if (!X || !y) return 1;
  for (size_t i = 0; i < n; i++) {
    if (!v[i].train) continue;
    ng_arena ar;
    ng_arena_init(&ar, NULL);
    ng_rw_sent ra, rb;
    if (ng_rw_prepare(&ra, &ar, ctx, &set->terms, NG_LANG_EN, v[i].a, strlen(v[i].a)) ||
        ng_rw_prepare(&rb, &ar, ctx, &set->terms, NG_LANG_EN, v[i].b, strlen(v[i].b)))
      return 1;
    ng_rw_features(X + m * NF, &ra, &rb, &set->terms, (double)set->ndf);
    y[m++] = v[i].label;
    ng_arena_dispose(&ar);
  }
  /* Standardize (feature 0 is the bias). */
  double mu[NF] = {0}, sd[NF];
  for (int k = 0; k < NF; k++) {
    double s = 0, s2 = 0;
    for (size_t i = 0; i < m; i++) {
      s += X[i * NF + k];
      s2 += X[i * NF + k] * X[i * NF + k];
    }
    mu[k] = k ? s / (double)m : 0.0;
    double var = s2 / (double)m - mu[k] * mu[k];
    sd[k] = k && var > 1e-12 ? sqrt(var) : 1.0;
  }
  for (size_t i = 0; i < m; i++)
    for (int k = 1; k < NF; k++) X[i * NF + k] = (X[i * NF + k] - mu[k]) / sd[k];
  /* 5-fold cross-validation on the training pairs (for choosing
   * features without looking at the test items), then the final fit. */
  size_t cv_ok = 0;
  for (int fold = 0; fold < 5; fold++) {
    double wf[NF];
    fit(wf, X, y, m, fold);
    for (size_t i = 0; i < m; i++) {
      if ((int)(i % 5) != fold) continue;
      double z = 0;
      for (int k = 0; k < NF; k++) z += wf[k] * X[i * NF + k];
      cv_ok += (z >= 0) == (y[i] == 1);
    }
  }
  fprintf(stderr, "train-rewrite: 5-fold cross-validation accuracy on train %.3f\n",
          (double)cv_ok / (double)m);
  double w[NF];
  fit(w, X, y, m, -1);
  size_t ok = 0;
  for (size_t i = 0; i < m; i++) {
    double z = 0;
    for (int k = 0; k < NF; k++) z += w[k] * X[i * NF + k];
    ok += (z >= 0) == (y[i] == 1);
  }
  /* Fold the standardization back: w'_k = w_k / sd_k, bias -= sum w_k mu_k / sd_k. */
  double out[NF];
  out[0] = w[0];
  for (int k = 1; k < NF; k++) {
    out[k] = w[k] / sd[k];
    out[0] -= w[k] * mu[k] / sd[k];
  }
  FILE *o = fopen(argv[2], "w");
  if (!o) {
    perror(argv[2]);
    return 1;
  }
  fprintf(o, "/* Generated by tools/train-rewrite from MRPC pairs with orig_split \"train\"\n"
             " * (%zu pairs; training accuracy %.3f). Do not edit. */\n", m, (double)ok / (double)m);
  fprintf(o, "static const double ng_rw_weights[NG_RW_NFEAT] = {\n");
  for (int k = 0; k < NF; k++) fprintf(o, "  %.6f,%s\n", out[k], "");
  fprintf(o, "};\n");
  fclose(o);
  fprintf(stderr, "train-rewrite: %zu training pairs, training accuracy %.3f -> %s\n", m,
          (double)ok / (double)m, argv[2]);
  for (size_t i = 0; i < n; i++) {
    free(v[i].a);
    free(v[i].b);
  }
  free(v);
  free(X);
  free(y);
  ng_story_set_free(set);
  ng_ctx_free(ctx);
  return 0;
}

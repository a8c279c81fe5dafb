/* train-news.c - learns the weights of the default news ranker
 * (src/summarize/rank_news.c) on CNN/DailyMail train and writes
 * src/data/news_weights.inc.
 *
 *   train-news CORPUS.jsonl[.gz] OUT.inc [MAX_DOCS [logistic|pointwise|clogit]]
 *
 * For each story: split and parse the article as `nutgraf eval summarize`
 * does, compute every sentence's features with ng_news_features(), and
 * label the sentences of a greedy oracle summary: add the sentence that
 * most raises ROUGE-1 F + ROUGE-2 F + ROUGE-Lsum F against the highlights,
 * up to 3 sentences, while it helps. The weights are an L2-regularized
 * logistic regression of that 0/1 label on the features, fitted by Newton's
 * method (deterministic: no sampling, fixed iteration order), plus up to
 * 200 boosted stumps on the learned features (each costs a compare per
 * sentence when summarizing), as many as raise the oracle sentences found
 * in the top 3 of a held-out tenth of the train stories (the stumps are
 * fitted on the other nine tenths). The stumps fit a pairwise loss
 * (RankNet: each oracle sentence against each other sentence of its
 * story), since the summarizer only uses the order within a story;
 * `pointwise` fits them to the logistic loss instead, `clogit` replaces
 * the logistic regression by a conditional logit. NG_SKIP=k in the
 * environment leaves out the first k stories (held-out experiments; with
 * MAX_DOCS, a fold). The highlight salience features (47-48) are
 * cross-fitted: each story's come from the other folds' highlights, not
 * from the shipped table, which has seen the story's own (see
 * sal_crossfit; NG_NO_CROSSFIT=1 uses the table). Features
 * that are constant in cnndm (capitalization: it is lower-cased; the
 * title: it has none) get a hand-set weight, stated below. */
#include "nutgraf.h"
#include "stories/stories.h"
#include "summarize/summarize.h"
#include "text/doc.h"
#include "linsolve.h"
#include "tool_common.h"

#include <math.h>
#include <stdio.h>

#define D NG_NEWS_NFEAT
#define MAX_SENT 60
#define ORACLE_K 3

/* Hand-set weights for features cnndm cannot teach (NAN: learned). */
static double fixed_weight(int k) {
  if (k == 17) return 0.0;  /* capitalized inner words: cnndm is lower-case */
  if (k == 22) return 1.0; /* title overlap: cnndm has no titles */
  return NAN;
}

/* All training rows: features and 0/1 labels as float. */
static float *X;
static float *Y;
static size_t nrows, rows_cap;
static size_t *doc_start, ndoc_rows, doc_cap; /* first row of each story */

static void start_doc(void) {
  if (ndoc_rows + 1 >= doc_cap) {
    doc_cap = doc_cap ? doc_cap * 2 : 1024;
    doc_start = realloc(doc_start, doc_cap * sizeof *doc_start);
    if (!doc_start) exit(1);
  }
  doc_start[ndoc_rows++] = nrows;
}

static void add_row(const double *x, double y) {
  if (nrows == rows_cap) {
    rows_cap = rows_cap ? rows_cap * 2 : 1 << 16;
    X = realloc(X, rows_cap * D * sizeof(float));
    Y = realloc(Y, rows_cap * sizeof(float));
    if (!X || !Y) exit(1);
  }
  for (int k = 0; k < D; k++) X[nrows * D + k] = (float)x[k];
  Y[nrows++] = (float)y;
}

/* Conditional logit (a softmax over each story's sentences; every oracle
 * sentence is one observed choice): it fits the ranking within a story,
 * which is all the summarizer uses. Newton's method with an L2 penalty;
 * fixed weights enter as an offset, the bias cancels out. */
static void fit_clogit(double *w) {
  int free_idx[D], nf = 0;
  for (int k = 0; k < D; k++) {
    w[k] = isnan(fixed_weight(k)) ? 0.0 : fixed_weight(k);
    if (isnan(fixed_weight(k)) && k != 0) free_idx[nf++] = k;
  }
  const double lambda = 1.0;
  doc_start[ndoc_rows] = nrows;
  double *z = malloc(nrows * sizeof(double));
  for (int iter = 0; iter < 30; iter++) {
    double H[D * D], g[D], step[D], ll = 0.0;
    memset(H, 0, sizeof H);
    memset(g, 0, sizeof g);
    for (size_t d = 0; d < ndoc_rows; d++) {
      size_t a = doc_start[d], b = doc_start[d + 1];
      double zmax = -1e300, zs = 0.0, npos = 0.0;
      for (size_t r = a; r < b; r++) {
        z[r] = 0.0;
        for (int k = 0; k < D; k++) z[r] += w[k] * X[r * D + k];
        if (z[r] > zmax) zmax = z[r];
      }
      for (size_t r = a; r < b; r++) {
        z[r] = exp(z[r] - zmax);
        zs += z[r];
        npos += Y[r];
      }
      if (npos == 0.0) continue;
      double mean[D];
      memset(mean, 0, sizeof mean);
      for (size_t r = a; r < b; r++) {
        double p = z[r] / zs;
        for (int u = 0; u < nf; u++) mean[u] += p * X[r * D + free_idx[u]];
        if (Y[r] > 0.0f) {
          ll += Y[r] * log(p + 1e-300);
          for (int u = 0; u < nf; u++) g[u] += Y[r] * X[r * D + free_idx[u]];
        }
      }
      for (int u = 0; u < nf; u++) g[u] -= npos * mean[u];
      for (size_t r = a; r < b; r++) {
        double p = z[r] / zs;
        for (int u = 0; u < nf; u++) {
          double du = X[r * D + free_idx[u]] - mean[u];
          for (int v = 0; v <= u; v++)
            H[u * nf + v] += npos * p * du * (X[r * D + free_idx[v]] - mean[v]);
        }
      }
    }
    for (int u = 0; u < nf; u++) {
      g[u] -= lambda * w[free_idx[u]];
      H[u * nf + u] += lambda;
      for (int v = 0; v < u; v++) H[v * nf + u] = H[u * nf + v];
    }
    /* H is positive definite (the L2 term): the solve cannot fail. */
    if (tc_solve(H, g, step, nf)) break;
    double delta = 0.0;
    for (int u = 0; u < nf; u++) {
      w[free_idx[u]] += step[u];
      delta += fabs(step[u]);
    }
    fprintf(stderr, "train-news: iteration %d, log-likelihood %.1f\n", iter, ll);
    if (delta < 1e-6) break;
  }
  free(z);
}

/* L2-regularized logistic regression by Newton's method (IRLS) on the free
 * weights; fixed weights enter as an offset. */
static void fit_logistic(double *w) {
  int free_idx[D], nf = 0;
  for (int k = 0; k < D; k++) {
    w[k] = isnan(fixed_weight(k)) ? 0.0 : fixed_weight(k);
    if (isnan(fixed_weight(k))) free_idx[nf++] = k;
  }
  const double lambda = 1.0;
  for (int iter = 0; iter < 25; iter++) {
    double H[D * D], g[D], step[D];
    memset(H, 0, sizeof H);
    memset(g, 0, sizeof g);
    double ll = 0.0;
    for (size_t r = 0; r < nrows; r++) {
      const float *x = X + r * D;
      double z = 0.0;
      for (int k = 0; k < D; k++) z += w[k] * x[k];
      double p = 1.0 / (1.0 + exp(-z));
      double y = Y[r];
      ll += y * log(p + 1e-12) + (1.0 - y) * log(1.0 - p + 1e-12);
      double h = p * (1.0 - p);
      for (int a = 0; a < nf; a++) {
        double xa = x[free_idx[a]];
        g[a] += (y - p) * xa;
        for (int b = 0; b <= a; b++) H[a * nf + b] += h * xa * x[free_idx[b]];
      }
    }
    for (int a = 0; a < nf; a++) {
      g[a] -= lambda * w[free_idx[a]];
      H[a * nf + a] += lambda;
      for (int b = 0; b < a; b++) H[b * nf + a] = H[a * nf + b];
    }
    /* H is positive definite (the L2 term): the solve cannot fail. */
    if (tc_solve(H, g, step, nf)) break;
    double delta = 0.0;
    for (int a = 0; a < nf; a++) {
      w[free_idx[a]] += step[a];
      delta += fabs(step[a]);
    }
    fprintf(stderr, "train-news: iteration %d, log-likelihood %.1f\n", iter, ll);
    if (delta < 1e-6) break;
  }
}

static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n) {
  if (*len + n + 2 > *cap) {
    size_t nc = (*len + n + 2) * 2;
    char *nb = realloc(*buf, nc);
    if (!nb) return -1;
    *buf = nb;
    *cap = nc;
  }
  memcpy(*buf + *len, s, n);
  *len += n;
  (*buf)[*len] = '\0';
  return 0;
}

/* ROUGE-1 F + ROUGE-2 F + ROUGE-Lsum F (the three scores we report) of
 * the sentences picked[0..np) plus `extra`. */
static double gain(ng_rouge_scorer *sc, const ng_doc *doc, const char *ref,
                   const size_t *picked, size_t np, size_t extra, char **buf,
                   size_t *cap) {
  size_t len = 0;
  (*buf)[0] = '\0';
  for (size_t k = 0; k <= np; k++) {
    size_t i = k < np ? picked[k] : extra;
    if (k) append(buf, &len, cap, "\n", 1);
    append(buf, &len, cap, doc->text + doc->sents[i].off, doc->sents[i].len);
  }
  ng_rouge_result r;
  if (ng_rouge_score(&r, sc, ref, strlen(ref), *buf, len)) return 0.0;
  return r.m[NG_ROUGE_1].f + r.m[NG_ROUGE_2].f + r.m[NG_ROUGE_LSUM].f;
}


/* Cross-fitted highlight salience (features 47-48). The shipped table
 * (tools/gen-idf) learns each stem's salience from the highlights of these
 * same train stories, so on a train story the feature has seen the
 * story's own highlights and looks more telling than it is on new text.
 * Here each story's salience comes from the stories of the other
 * SAL_FOLDS - 1 folds only (same formula and shrinkage as gen-idf), and
 * features 47-48 are recomputed from it before fitting. */
#define SAL_FOLDS 5
#define SAL_PRIOR 10.0
#define SAL_MIN_DF 4

static ng_strmap stab; /* stem -> id */
static size_t nstems;
static uint32_t *sdf, *shl; /* [nstems * SAL_FOLDS] */
static uint32_t *smark;     /* [nstems]: last story whose article / highlights had it */
static uint32_t *shlmark;
static size_t scap;

/* The id of stem s; added if `add`, else UINT32_MAX when unknown. */
static uint32_t stem_id(const char *s, bool add) {
  size_t n = strlen(s);
  if (!add) return ng_strmap_find(&stab, s, n);
  uint32_t id;
  if (ng_strmap_intern(&stab, s, n, &id)) exit(1);
  if (id < nstems) return id;
  if (nstems == scap) {
    scap = scap ? scap * 2 : 1 << 16;
    sdf = realloc(sdf, scap * SAL_FOLDS * sizeof *sdf);
    shl = realloc(shl, scap * SAL_FOLDS * sizeof *shl);
    smark = realloc(smark, scap * sizeof *smark);
    shlmark = realloc(shlmark, scap * sizeof *shlmark);
    if (!sdf || !shl || !smark || !shlmark) exit(1);
  }
  memset(sdf + nstems * SAL_FOLDS, 0, SAL_FOLDS * sizeof *sdf);
  memset(shl + nstems * SAL_FOLDS, 0, SAL_FOLDS * sizeof *shl);
  smark[nstems] = shlmark[nstems] = UINT32_MAX;
  return (uint32_t)nstems++;
}

/* Per row, the stem ids of the sentence's content tokens (UINT32_MAX for
 * a number or a stem not counted), as in rank_news.c's features 47-48. */
static uint32_t *row_stems;
static size_t *row_stem_start, nrow_stems, row_stems_cap, row_start_cap;

static void push_row_stem(uint32_t id) {
  if (nrow_stems == row_stems_cap) {
    row_stems_cap = row_stems_cap ? row_stems_cap * 2 : 1 << 20;
    row_stems = realloc(row_stems, row_stems_cap * sizeof *row_stems);
    if (!row_stems) exit(1);
  }
  row_stems[nrow_stems++] = id;
}

static void mark_row_start(size_t row) {
  if (row + 2 > row_start_cap) {
    row_start_cap = row_start_cap ? row_start_cap * 2 : 1 << 16;
    row_stem_start = realloc(row_stem_start, row_start_cap * sizeof *row_stem_start);
    if (!row_stem_start) exit(1);
  }
  row_stem_start[row] = nrow_stems;
}

/* Counts story `d`'s article stems (and which its highlights have) in its
 * fold, and records its sentences' content stems. */
static void sal_count(const ng_doc *doc, const ng_doc *rdoc, uint32_t d) {
  uint32_t fold = d % SAL_FOLDS;
  for (size_t k = 0; k < doc->title_tok_begin; k++) {
    const ng_tok *t = &doc->toks[k];
    if ((t->flags & NG_TOK_STOP) || !(t->flags & NG_TOK_ALPHA)) continue;
    uint32_t id = stem_id(doc->terms[t->term].str, true);
    if (smark[id] != d) {
      smark[id] = d;
      sdf[(size_t)id * SAL_FOLDS + fold]++;
    }
  }
  for (size_t j = 0; rdoc && j < rdoc->ntok; j++) {
    uint32_t id = stem_id(rdoc->terms[rdoc->toks[j].term].str, false);
    if (id == UINT32_MAX || smark[id] != d || shlmark[id] == d) continue;
    shlmark[id] = d;
    shl[(size_t)id * SAL_FOLDS + fold]++;
  }
}

static void sal_row(const ng_doc *doc, size_t i) {
  const ng_sent *s = &doc->sents[i];
  for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
    const ng_tok *t = &doc->toks[k];
    if (!(t->flags & (NG_TOK_ALPHA | NG_TOK_DIGIT)) || (t->flags & NG_TOK_STOP))
      continue;
    push_row_stem(t->flags & NG_TOK_ALPHA ? stem_id(doc->terms[t->term].str, false)
                                          : UINT32_MAX);
  }
}

/* A stem's document and highlight counts over every fold but `fold`. */
static void oof_counts(size_t id, uint32_t fold, uint32_t *df, uint32_t *hl) {
  *df = *hl = 0;
  for (uint32_t f = 0; f < SAL_FOLDS; f++)
    if (f != fold) {
      *df += sdf[id * SAL_FOLDS + f];
      *hl += shl[id * SAL_FOLDS + f];
    }
}

/* Replaces features 47-48 of every row by the out-of-fold salience. */
static void sal_crossfit(void) {
  double *sal = malloc(nstems * sizeof(double));
  if (!sal) exit(1);
  for (uint32_t fold = 0; fold < SAL_FOLDS; fold++) {
    double hl_all = 0.0, df_all = 0.0;
    for (size_t id = 0; id < nstems; id++) {
      uint32_t df, hl;
      oof_counts(id, fold, &df, &hl);
      if (df < SAL_MIN_DF) continue;
      df_all += df;
      hl_all += hl;
    }
    double p0 = df_all > 0.0 ? hl_all / df_all : 0.0;
    for (size_t id = 0; id < nstems; id++) {
      uint32_t df, hl;
      oof_counts(id, fold, &df, &hl);
      double rate = (hl + SAL_PRIOR * p0) / (df + SAL_PRIOR);
      /* Rounded as the table stores it (x 1024). */
      sal[id] = df >= SAL_MIN_DF && p0 > 0.0
                    ? (double)lround(log(rate / p0) * 1024.0) / 1024.0
                    : 0.0;
    }
    for (size_t d = fold; d < ndoc_rows; d += SAL_FOLDS)
      for (size_t r = doc_start[d]; r < doc_start[d + 1]; r++) {
        size_t a = row_stem_start[r], b = row_stem_start[r + 1];
        double sum = 0.0, mx = -10.0;
        for (size_t k = a; k < b; k++) {
          double v = row_stems[k] == UINT32_MAX ? 0.0 : sal[row_stems[k]];
          sum += v;
          if (v > mx) mx = v;
        }
        X[r * D + 47] = b > a ? (float)(sum / (double)(b - a)) : 0.0f;
        X[r * D + 48] = b > a ? (float)mx : 0.0f;
      }
  }
  free(sal);
}

/* Gradient-boosted stumps on top of the linear model: each round fits one
 * split "feature k <= t" to the logistic loss's Newton step (XGBoost-style
 * gain), with shrinkage. Deterministic: features and thresholds are
 * scanned in a fixed order, ties keep the first. */
#define NSTUMPS 200
typedef struct stump {
  int k;
  double t, left, right;
} stump;

static uint32_t *order; /* per feature, rows sorted by value */

static int cmp_k;
static int cmp_rows(const void *a, const void *b) {
  float x = X[(size_t)*(const uint32_t *)a * D + (size_t)cmp_k];
  float y = X[(size_t)*(const uint32_t *)b * D + (size_t)cmp_k];
  if (x != y) return x < y ? -1 : 1;
  return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

/* Rows [0, nfit) fit the stumps; the rest (the last tenth of the stories)
 * only tell when to stop: the stumps kept are those up to the round with
 * the most held-out oracle sentences in the stories' top 3 (ties keep
 * fewer), of at most NSTUMPS rounds. */
static size_t nfit;

static size_t nfit_doc; /* first held-out story */
static bool pairwise; /* the stumps fit the pairwise loss (not "pointwise") */

/* Held-out oracle sentences among each story's 3 best-scored sentences:
 * what the summarizer uses of the scores. */
static double val_hits(const double *z) {
  double hits = 0.0;
  for (size_t d = nfit_doc; d < ndoc_rows; d++) {
    size_t a = doc_start[d], b = doc_start[d + 1], top[3];
    int nt = 0;
    for (size_t r = a; r < b; r++) {
      int p = nt < 3 ? nt++ : 3;
      while (p > 0 && z[top[p - 1]] < z[r]) {
        if (p < 3) top[p] = top[p - 1];
        p--;
      }
      if (p < 3) top[p] = r;
    }
    for (int k = 0; k < nt; k++) hits += Y[top[k]];
  }
  return hits;
}

static double val_loss(const double *z) {
  double ll = 0.0;
  for (size_t r = nfit; r < nrows; r++) {
    double p = 1.0 / (1.0 + exp(-z[r]));
    ll -= Y[r] * log(p + 1e-12) + (1.0 - Y[r]) * log(1.0 - p + 1e-12);
  }
  return ll;
}

static bool stump_feature(int k) {
  /* Every learned feature (not the hand-set ones cnndm cannot teach). The
   * length and number shares depend on cnndm's tokenization, but the
   * stumps on them also help on cnndm_raw, which is untokenized. */
  return isnan(fixed_weight(k));
}

static size_t fit_stumps(stump *out, const double *w) {
  double *z = malloc(nrows * sizeof(double)), *g = malloc(nrows * sizeof(double));
  double *h = malloc(nrows * sizeof(double));
  order = malloc((size_t)D * nrows * sizeof(uint32_t));
  if (!z || !g || !h || !order) exit(1);
  for (int k = 1; k < D; k++) {
    uint32_t *o = order + (size_t)k * nrows;
    for (size_t r = 0; r < nrows; r++) o[r] = (uint32_t)r;
    cmp_k = k;
    qsort(o, nrows, sizeof(uint32_t), cmp_rows);
  }
  for (size_t r = 0; r < nrows; r++) {
    z[r] = 0.0;
    for (int k = 0; k < D; k++) z[r] += w[k] * X[r * D + k];
  }
  const double lambda = 100.0, eta = 0.3;
  size_t ns = 0, best_ns = 0;
  double best_hits = val_hits(z);
  double best_val = val_loss(z);
  fprintf(stderr, "train-news: held-out log loss %.2f, top-3 hits %.1f before the stumps\n",
          best_val, best_hits);
  for (int round = 0; round < NSTUMPS; round++) {
    double G = 0.0, Hs = 0.0;
    if (pairwise) {
      /* RankNet: within each story, log(1 + exp(-(z_a - z_b))) for every
       * pair with y_a > y_b, weighted by y_a - y_b. */
      memset(g, 0, nrows * sizeof(double));
      memset(h, 0, nrows * sizeof(double));
      for (size_t d = 0; d < nfit_doc; d++) {
        size_t a0 = doc_start[d], b0 = doc_start[d + 1];
        for (size_t a = a0; a < b0; a++) {
          if (Y[a] <= 0.0f) continue;
          for (size_t b = a0; b < b0; b++) {
            if (Y[b] >= Y[a]) continue;
            double wt = Y[a] - Y[b];
            double q = 1.0 / (1.0 + exp(z[a] - z[b]));
            g[a] += wt * q;
            g[b] -= wt * q;
            h[a] += wt * q * (1.0 - q);
            h[b] += wt * q * (1.0 - q);
          }
        }
      }
      for (size_t r = 0; r < nrows; r++) {
        G += g[r];
        Hs += h[r];
      }
    } else {
      for (size_t r = 0; r < nrows; r++) {
        double p = 1.0 / (1.0 + exp(-z[r]));
        g[r] = r < nfit ? Y[r] - p : 0.0;
        h[r] = r < nfit ? p * (1.0 - p) : 0.0;
        G += g[r];
        Hs += h[r];
      }
    }
    double base = G * G / (Hs + lambda), best = 0.0;
    stump bs = {-1, 0, 0, 0};
    for (int k = 1; k < D; k++) {
      if (!stump_feature(k)) continue;
      const uint32_t *o = order + (size_t)k * nrows;
      double gl = 0.0, hl = 0.0;
      for (size_t i = 0; i + 1 < nrows; i++) {
        gl += g[o[i]];
        hl += h[o[i]];
        float v = X[(size_t)o[i] * D + (size_t)k], vn = X[(size_t)o[i + 1] * D + (size_t)k];
        if (v == vn || hl < 50.0 || Hs - hl < 50.0) continue;
        double gain = gl * gl / (hl + lambda) +
                      (G - gl) * (G - gl) / (Hs - hl + lambda) - base;
        if (gain > best) {
          best = gain;
          bs.k = k;
          bs.t = ((double)v + (double)vn) / 2.0;
          bs.left = eta * gl / (hl + lambda);
          bs.right = eta * (G - gl) / (Hs - hl + lambda);
        }
      }
    }
    if (bs.k < 0) break;
    for (size_t r = 0; r < nrows; r++)
      z[r] += X[r * D + (size_t)bs.k] <= bs.t ? bs.left : bs.right;
    out[ns++] = bs;
    double vl = val_loss(z);
    double vh = val_hits(z);
    if (vh > best_hits) {
      best_hits = vh;
      best_ns = ns;
    }
    if (vl < best_val) best_val = vl;
    if (round % 20 == 0)
      fprintf(stderr, "train-news: stump %d: f%d <= %.4f ? %.4f : %.4f (gain %.1f, held-out %.2f, hits %.1f)\n",
              round, bs.k, bs.t, bs.left, bs.right, best, vl, vh);
  }
  fprintf(stderr, "train-news: %zu stumps kept of %zu (held-out top-3 hits %.1f, best log loss %.2f)\n",
          best_ns, ns, best_hits, best_val);
  free(z);
  free(g);
  free(h);
  free(order);
  return best_ns;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: train-news CORPUS.jsonl[.gz] OUT.inc [MAX_DOCS [logistic|pointwise|clogit]]\n");
    return 2;
  }
  size_t max_docs = argc > 3 ? (size_t)atol(argv[3]) : 0;
  const char *mode = argc > 4 ? argv[4] : "logistic";
  pairwise = strcmp(mode, "pointwise") != 0;
  bool crossfit = getenv("NG_NO_CROSSFIT") == NULL;
  jl_reader r;
  if (jl_open(&r, argv[1])) {
    fprintf(stderr, "train-news: cannot read %s\n", argv[1]);
    return 1;
  }
  ng_ctx *ctx = NULL;
  ng_rouge_scorer *sc = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL) || ng_rouge_scorer_new(&sc, NULL)) return 1;
  ng_strmap_init(&stab, NULL);
  size_t cap = 1 << 16, ndocs = 0, nsamples = 0, npos = 0;
  char *buf = malloc(cap);
  double *feat = NULL;
  size_t feat_cap = 0;
  json_t *v;
  /* NG_SKIP=k: leave out the first k stories (cross-validation folds). */
  size_t skip = getenv("NG_SKIP") ? (size_t)atol(getenv("NG_SKIP")) : 0;
  while (skip && (v = jl_next(&r))) {
    json_decref(v);
    skip--;
  }
  while ((v = jl_next(&r)) && (!max_docs || ndocs < max_docs)) {
    json_t *a = json_object_get(v, "article"), *ref = json_object_get(v, "reference");
    if (!json_is_string(a) || !json_is_string(ref)) {
      json_decref(v);
      continue;
    }
    size_t len;
    char *text = tc_presplit(json_string_value(a), json_string_length(a), &len);
    ng_doc_options o = NG_DOC_OPTIONS_INIT;
    o.lang = NG_LANG_EN;
    o.flags = NG_DOC_NO_TITLE;
    ng_doc *doc = NULL;
    if (text && ng_doc_parse(&doc, ctx, text, len, &o, NULL) == NG_OK &&
        doc->nsent > 0) {
      size_t n = doc->nsent;
      if (n > feat_cap) {
        feat_cap = n * 2;
        feat = realloc(feat, feat_cap * D * sizeof(double));
      }
      if (ng_news_features(feat, ctx, doc) == NG_OK) {
        /* Greedy oracle over the first MAX_SENT sentences. */
        size_t m = n < MAX_SENT ? n : MAX_SENT, picked[ORACLE_K], np = 0;
        double best_total = 0.0;
        const char *rs = json_string_value(ref);
        while (np < ORACLE_K) {
          double best = best_total;
          size_t bi = m;
          for (size_t i = 0; i < m; i++) {
            bool used = false;
            for (size_t k = 0; k < np; k++) used |= picked[k] == i;
            if (used) continue;
            double g = gain(sc, doc, rs, picked, np, i, &buf, &cap);
            if (g > best + 1e-12) {
              best = g;
              bi = i;
            }
          }
          if (bi == m) break;
          picked[np++] = bi;
          best_total = best;
        }
        start_doc();
        if (crossfit) {
          ng_doc *rdoc = NULL;
          if (ng_doc_parse(&rdoc, ctx, rs, strlen(rs), &o, NULL) != NG_OK) rdoc = NULL;
          sal_count(doc, rdoc, (uint32_t)ndocs);
          ng_doc_free(rdoc);
        }
        for (size_t i = 0; i < n; i++) {
          if (crossfit) {
            mark_row_start(nrows);
            sal_row(doc, i);
          }
          double y = 0.0;
          for (size_t k = 0; k < np; k++)
            if (picked[k] == i) y = 1.0;
          add_row(feat + i * D, y);
          nsamples++;
          npos += y > 0;
        }
        ndocs++;
        if (ndocs % 2000 == 0) fprintf(stderr, "train-news: %zu stories\n", ndocs);
      }
    }
    ng_doc_free(doc);
    free(text);
    json_decref(v);
  }
  jl_close(&r);
  if (crossfit) {
    mark_row_start(nrows);
    doc_start[ndoc_rows] = nrows;
    sal_crossfit();
  }
  /* The last tenth of the stories is held out for the stumps' stopping. */
  nfit_doc = ndoc_rows - ndoc_rows / 10;
  nfit = doc_start[nfit_doc];
  doc_start[ndoc_rows] = nrows;
  double w[D];
  /* Logistic by default: on dev it ranks as well as the conditional logit
   * on cnndm and better on cnndm_raw (which clogit trades for bbc). */
  if (strcmp(mode, "clogit") == 0) fit_clogit(w);
  else fit_logistic(w);
  stump st[NSTUMPS];
  size_t nst = fit_stumps(st, w);
  FILE *f = fopen(argv[2], "w");
  if (!f) return 1;
  fprintf(f,
          "/* Generated by tools/train-news (make gen-stats): L2 logistic regression\n"
          " * plus boosted stumps (%s loss)\n"
          " * of greedy-oracle labels (ROUGE-1 + 2 + Lsum F, up to %d sentences)\n"
          " * on %zu stories / %zu sentences (%zu positive) of %s.\n"
          " * Features: see src/summarize/rank_news.c. Do not edit. */\n",
          pairwise ? "pairwise" : "logistic", ORACLE_K, ndocs, nsamples, npos,
          strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1]);
  fprintf(f, "static const double news_weights[] = {\n");
  for (int k = 0; k < D; k++)
    fprintf(f, "    %.6f%s /* %d */\n", w[k], k + 1 < D ? "," : "", k);
  fprintf(f, "};\n");
  fprintf(f, "/* Boosted stumps added to the linear score: feature, threshold,\n"
             " * value at or below it, value above it. */\n");
  fprintf(f, "static const struct news_stump news_stumps[] = {\n");
  for (size_t i = 0; i < nst; i++)
    fprintf(f, "    {%d, %.9g, %.6f, %.6f}%s\n", st[i].k, st[i].t, st[i].left,
            st[i].right, i + 1 < nst ? "," : "");
  if (!nst) fprintf(f, "    {0, 0.0, 0.0, 0.0}\n");
  fprintf(f, "};\n");
  fclose(f);
  fprintf(stderr, "train-news: %zu stories, %zu sentences -> %s\n", ndocs,
          nsamples, argv[2]);
  free(buf);
  free(feat);
  ng_rouge_scorer_free(sc);
  ng_ctx_free(ctx);
  return 0;
}

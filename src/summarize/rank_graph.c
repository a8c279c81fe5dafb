/* rank_graph.c - graph centrality: TextRank (Mihalcea & Tarau 2004) and
 * LexRank (Erkan & Radev 2004, continuous variant). Both build a dense
 * similarity matrix over at most NG_GRAPH_MAX_SENTENCES sentences and run
 * PageRank on it. */
#include "summarize.h"

#include "idf.h"

#include "../text/ctx.h"
#include "../text/mem.h"

#include <math.h>
#include <string.h>

void ng_pagerank(double *out, const double *w, size_t n, double damping,
                 double *tmp) {
  if (n == 0) return;
  /* A sentence spreads its weight over its neighbours in proportion to
   * similarity: scale row i by 1 / (row sum), computed once. The scale
   * factors live in tmp[n..2n). */
  double *inv = tmp + n;
  for (size_t i = 0; i < n; i++) {
    double sum = 0.0;
    for (size_t j = 0; j < n; j++) sum += w[i * n + j];
    inv[i] = sum > 0.0 ? 1.0 / sum : 0.0;
    out[i] = 1.0 / (double)n;
  }
  /* The error shrinks by `damping` per step; 30 steps leave under 1% of
   * it, far below what changes a ranking. */
  for (int iter = 0; iter < 30; iter++) {
    for (size_t j = 0; j < n; j++) tmp[j] = 0.0;
    double dangling = 0.0;
    for (size_t i = 0; i < n; i++) {
      if (inv[i] == 0.0) {
        dangling += out[i];
        continue;
      }
      double share = out[i] * inv[i];
      const double *row = w + i * n;
      for (size_t j = 0; j < n; j++) tmp[j] += share * row[j];
    }
    double delta = 0.0;
    for (size_t j = 0; j < n; j++) {
      double v = (1.0 - damping) / (double)n +
                 damping * (tmp[j] + dangling / (double)n);
      delta += fabs(v - out[j]);
      out[j] = v;
    }
    if (delta < 1e-6) break;
  }
}

typedef double (*sim_fn)(const ng_bags *b, size_t i, size_t j,
                         const double *idf);

double ng_bags_overlap(const ng_bags *b, size_t i, size_t j,
                       const double *idf) {
  (void)idf;
  uint32_t ai = b->begin[i], ae = b->begin[i + 1];
  uint32_t bi = b->begin[j], be = b->begin[j + 1];
  size_t na = ae - ai, nb = be - bi, common = 0;
  if (na < 2 || nb < 2) return 0.0;
  while (ai < ae && bi < be) {
    if (b->terms[ai] == b->terms[bi]) {
      common++;
      ai++;
      bi++;
    } else if (b->terms[ai] < b->terms[bi]) {
      ai++;
    } else {
      bi++;
    }
  }
  return (double)common / (log((double)na) + log((double)nb));
}

double ng_bags_cosine(const ng_bags *b, size_t i, size_t j,
                      const double *idf) {
  uint32_t ai = b->begin[i], ae = b->begin[i + 1];
  uint32_t bi = b->begin[j], be = b->begin[j + 1];
  double dot = 0.0, na = 0.0, nb = 0.0;
  for (uint32_t k = ai; k < ae; k++) {
    double v = b->tf[k] * idf[b->terms[k]];
    na += v * v;
  }
  for (uint32_t k = bi; k < be; k++) {
    double v = b->tf[k] * idf[b->terms[k]];
    nb += v * v;
  }
  if (na <= 0.0 || nb <= 0.0) return 0.0;
  while (ai < ae && bi < be) {
    if (b->terms[ai] == b->terms[bi]) {
      double x = idf[b->terms[ai]];
      dot += b->tf[ai] * x * b->tf[bi] * x;
      ai++;
      bi++;
    } else if (b->terms[ai] < b->terms[bi]) {
      ai++;
    } else {
      bi++;
    }
  }
  return dot / (sqrt(na) * sqrt(nb));
}

static int graph_rank(double *scores, ng_ctx *ctx, const ng_doc *doc,
                      sim_fn sim) {
  size_t n = doc->nsent < NG_GRAPH_MAX_SENTENCES ? doc->nsent
                                                 : NG_GRAPH_MAX_SENTENCES;
  for (size_t i = 0; i < doc->nsent; i++) scores[i] = 0.0;
  if (n == 0) return NG_OK;
  ng_bags bags;
  double *idf = NULL, *w = NULL;
  int rc = ng_bags_build(&bags, ctx, doc, n);
  if (rc) return rc;
  /* Background IDF where the language has a table, else in-document. */
  idf = ng_mem_alloc(&ctx->alc, (doc->nterm + 1) * sizeof(double));
  if (!idf) {
    rc = NG_ENOMEM;
    goto done;
  }
  ng_idf_fill(idf, doc, n);
  w = ng_mem_alloc(&ctx->alc, (n * n + 2 * n) * sizeof(double));
  if (!w) {
    rc = NG_ENOMEM;
    goto done;
  }
  for (size_t i = 0; i < n; i++) {
    w[i * n + i] = 0.0;
    for (size_t j = i + 1; j < n; j++) {
      double s = sim(&bags, i, j, idf);
      w[i * n + j] = w[j * n + i] = s;
    }
  }
  ng_pagerank(scores, w, n, 0.85, w + n * n);
  /* Sentences beyond the graph rank below every graph sentence. */
  for (size_t i = n; i < doc->nsent; i++) scores[i] = -1.0 / (double)(i + 1);
done:
  ng_mem_free(&ctx->alc, w, (n * n + 2 * n) * sizeof(double));
  ng_mem_free(&ctx->alc, idf, (doc->nterm + 1) * sizeof(double));
  ng_bags_dispose(&bags, ctx);
  return rc;
}

int ng_rank_textrank(double *scores, ng_ctx *ctx, const ng_doc *doc) {
  return graph_rank(scores, ctx, doc, ng_bags_overlap);
}

int ng_rank_lexrank(double *scores, ng_ctx *ctx, const ng_doc *doc) {
  return graph_rank(scores, ctx, doc, ng_bags_cosine);
}

/* summarize.h - rankers and selection behind ng_summarize.
 *
 * A ranker gives every body sentence a score (higher = more summary-worthy);
 * selection then picks sentences under the length limits, skipping ones
 * that repeat what is already picked, and returns them in document order.
 *
 *   doc --ranker--> scores[nsent] --select(limits, redundancy)--> summary */
#ifndef NG_SUMMARIZE_SUMMARIZE_H
#define NG_SUMMARIZE_SUMMARIZE_H

#include "../text/doc.h"
#include "nutgraf.h"

/* Sentences past this index get no graph centrality: it keeps the O(n^2)
 * graph of a 50,000-sentence input at 300^2 edges. News puts what matters
 * early, so the tail loses little. */
#define NG_GRAPH_MAX_SENTENCES 300

/* Term bags of sentences: for sentence i, terms[begin[i]..begin[i+1]) are
 * its distinct content-term ids (stop words and punctuation left out),
 * sorted, with their counts in tf[]. */
typedef struct ng_bags {
  uint32_t *terms;
  uint32_t *tf;
  uint32_t *begin; /* n + 1 */
  size_t n;
  size_t cap; /* items allocated for terms and tf */
} ng_bags;

int ng_bags_build(ng_bags *out, ng_ctx *ctx, const ng_doc *doc, size_t n);
void ng_bags_dispose(ng_bags *b, ng_ctx *ctx);

/* Rankers: fill scores[0..doc->nsent). */
int ng_rank_lead(double *scores, ng_ctx *ctx, const ng_doc *doc);
int ng_rank_textrank(double *scores, ng_ctx *ctx, const ng_doc *doc);
int ng_rank_lexrank(double *scores, ng_ctx *ctx, const ng_doc *doc);
int ng_rank_news(double *scores, ng_ctx *ctx, const ng_doc *doc);

/* TextRank's similarity: shared terms / (log |a| + log |b|); idf unused. */
double ng_bags_overlap(const ng_bags *b, size_t i, size_t j, const double *idf);

/* IDF-weighted cosine of the bags of sentences i and j. */
double ng_bags_cosine(const ng_bags *b, size_t i, size_t j, const double *idf);

/* Features of the default ranker, NG_NEWS_NFEAT per sentence, row-major in
 * feat[nsent * NG_NEWS_NFEAT] (see rank_news.c for the list). The learned
 * weights in src/data/news_weights.inc come from tools/train-news, which
 * calls this same function on cnndm train. */
#define NG_NEWS_NFEAT 49
int ng_news_features(double *feat, ng_ctx *ctx, const ng_doc *doc);

/* The sentence's last byte that is not a closing quote, bracket or space
 * (a curly quote's three bytes are skipped too), or -1. */
int ng_sent_final_char(const ng_doc *doc, const ng_sent *s);

/* Does sentence i open with a pronoun or connective that points back? */
bool ng_news_dangling(const ng_doc *doc, size_t i);

/* PageRank over a dense similarity matrix w[n*n] (rows need not be
 * normalized); writes n scores. tmp holds 2n doubles. */
void ng_pagerank(double *out, const double *w, size_t n, double damping,
                 double *tmp);

struct ng_summary {
  const ng_allocator *alc;
  size_t bytes;
  ng_method method;
  size_t count;
  ng_summary_sentence *sents;
};

#endif

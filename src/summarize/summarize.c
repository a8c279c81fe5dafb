/* summarize.c - ng_summarize: rank, then select under the length limits. */
#include "summarize.h"

#include "../text/ctx.h"
#include "../text/errors.h"
#include "../text/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const method_names[NG_METHOD_COUNT] = {"default", "lead",
                                                          "textrank", "lexrank"};

const char *ng_method_name(ng_method m) {
  return (unsigned)m < NG_METHOD_COUNT ? method_names[m] : "unknown";
}

int ng_method_from_name(ng_method *out, const char *name) {
  for (int m = 0; m < NG_METHOD_COUNT; m++)
    if (name && strcmp(name, method_names[m]) == 0) {
      *out = (ng_method)m;
      return NG_OK;
    }
  return NG_EINVAL;
}

/* Redundancy, as BertSumExt's trigram blocking: does sentence a repeat a
 * trigram of sentence b (stemmed term ids)? Trigrams of stop words alone
 * ("one of the") do not count. Looks at the first 128 tokens of each, so a
 * giant unpunctuated "sentence" cannot make this quadratic in the input.
 * On cnndm dev it replaced "over half of the content terms already said"
 * with all of R-1/R-2/R-Lsum up (BENCHMARKS.md). */
static bool shares_trigram(const ng_doc *doc, const ng_sent *a, const ng_sent *b) {
  uint32_t ae = a->tok_end < a->tok_begin + 128 ? a->tok_end : a->tok_begin + 128;
  uint32_t be = b->tok_end < b->tok_begin + 128 ? b->tok_end : b->tok_begin + 128;
  const ng_tok *t = doc->toks;
  for (uint32_t i = a->tok_begin; i + 2 < ae; i++)
    for (uint32_t j = b->tok_begin; j + 2 < be; j++)
      if (t[i].term == t[j].term && t[i + 1].term == t[j + 1].term &&
          t[i + 2].term == t[j + 2].term &&
          !(t[i].flags & t[i + 1].flags & t[i + 2].flags & NG_TOK_STOP))
        return true;
  return false;
}

/* The length with no limit given: a nut graf, one short paragraph. Three
 * sentences, or two when those two already carry this many words. On
 * cnndm dev it trades a little recall for precision (the highlights of
 * cnndm train average 44 words): weighted R-1 +0.27, R-2 +0.03 over a
 * flat three (BENCHMARKS.md). */
#define DEFAULT_SENTENCES 3
#define DEFAULT_ENOUGH_WORDS 60

typedef struct cand {
  double score;
  size_t index;
} cand;

static int cmp_cand(const void *x, const void *y) {
  const cand *a = x, *b = y;
  if (a->score > b->score) return -1;
  if (a->score < b->score) return 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static int cmp_index(const void *x, const void *y) {
  const ng_summary_sentence *a = x, *b = y;
  return a->index < b->index ? -1 : a->index > b->index;
}

int ng_summarize(ng_summary **out, ng_ctx *ctx, const ng_doc *doc,
                 const ng_summary_options *opts, ng_error *err) {
  if (!out || !ctx || !doc)
    return ng_fail(err, NG_EINVAL, "ng_summarize: NULL argument", 0);
  *out = NULL;
  ng_summary_options def = NG_SUMMARY_OPTIONS_INIT;
  if (!opts) opts = &def;
  if (opts->version != NG_SUMMARY_OPTIONS_VERSION)
    return ng_fail(err, NG_EINVAL, "unsupported ng_summary_options version", 0);
  if ((unsigned)opts->method >= NG_METHOD_COUNT)
    return ng_fail(err, NG_EINVAL, "unknown summary method", 0);
  if (!(opts->ratio >= 0.0 && opts->ratio <= 1.0))
    return ng_fail(err, NG_EINVAL, "ratio must be between 0 and 1", 0);

  size_t n = doc->nsent;
  size_t max_sent = opts->max_sentences;
  if (opts->ratio > 0.0) {
    size_t r = (size_t)ceil(opts->ratio * (double)n);
    if (r == 0) r = 1;
    if (!max_sent || r < max_sent) max_sent = r;
  }
  bool auto_len = !max_sent && !opts->max_words;
  if (auto_len) max_sent = DEFAULT_SENTENCES;
  if (!max_sent || max_sent > n) max_sent = n;

  int rc = NG_OK;
  double *scores = NULL;
  cand *cands = NULL;
  ng_summary *s = NULL;
  size_t bytes = sizeof(ng_summary) + (max_sent + 1) * sizeof(ng_summary_sentence);
  NG_CHECK_ALLOC(s = ng_mem_alloc(&ctx->alc, bytes));
  memset(s, 0, sizeof *s);
  s->alc = NULL;
  s->bytes = bytes;
  s->method = opts->method;
  s->sents = (ng_summary_sentence *)(void *)(s + 1);
  if (n == 0) goto finish;

  NG_CHECK_ALLOC(scores = ng_mem_alloc(&ctx->alc, n * sizeof(double)));
  NG_CHECK_ALLOC(cands = ng_mem_alloc(&ctx->alc, n * sizeof(cand)));
  switch (opts->method) {
  case NG_METHOD_LEAD: rc = ng_rank_lead(scores, ctx, doc); break;
  case NG_METHOD_TEXTRANK: rc = ng_rank_textrank(scores, ctx, doc); break;
  case NG_METHOD_LEXRANK: rc = ng_rank_lexrank(scores, ctx, doc); break;
  default: rc = ng_rank_news(scores, ctx, doc); break;
  }
  if (rc) {
    rc = ng_fail(err, rc, NULL, 0);
    goto done;
  }
  for (size_t i = 0; i < n; i++) {
    cands[i].score = scores[i];
    cands[i].index = i;
  }
  qsort(cands, n, sizeof(cand), cmp_cand);

  size_t words = 0;
  bool redundancy = opts->method == NG_METHOD_DEFAULT;
  for (size_t c = 0; c < n && s->count < max_sent; c++) {
    if (auto_len && s->count + 1 == DEFAULT_SENTENCES &&
        words >= DEFAULT_ENOUGH_WORDS)
      break;
    const ng_sent *st = &doc->sents[cands[c].index];
    if (st->flags & NG_SENT_FURNITURE) continue;
    size_t w = st->tok_end - st->tok_begin;
    if (opts->max_words && words + w > opts->max_words) continue;
    if (redundancy) {
      /* Readability: a sentence that opens with "He", "But", "This" ...
       * needs the sentence before it in the summary. */
      size_t ci = cands[c].index;
      if (ci > 0 && ng_news_dangling(doc, ci)) {
        bool has_prev = false;
        for (size_t k = 0; k < s->count && !has_prev; k++)
          has_prev = s->sents[k].index == ci - 1;
        if (!has_prev) continue;
      }
      bool dup = false;
      for (size_t k = 0; k < s->count && !dup; k++)
        dup = shares_trigram(doc, st, &doc->sents[s->sents[k].index]);
      if (dup) continue;
    }
    ng_summary_sentence *o = &s->sents[s->count++];
    o->off = st->off;
    o->len = st->len;
    o->index = cands[c].index;
    o->score = cands[c].score;
    words += w;
  }
  qsort(s->sents, s->count, sizeof(ng_summary_sentence), cmp_index);
finish:
  s->alc = &ctx->alc;
  *out = s;
  s = NULL;
done:
  if (s) ng_mem_free(&ctx->alc, s, s->bytes);
  ng_mem_free(&ctx->alc, scores, n * sizeof(double));
  ng_mem_free(&ctx->alc, cands, n * sizeof(cand));
  return rc;
}

void ng_summary_free(ng_summary *s) {
  if (!s) return;
  ng_mem_free(s->alc, s, s->bytes);
}

size_t ng_summary_count(const ng_summary *s) { return s->count; }

const ng_summary_sentence *ng_summary_sentence_at(const ng_summary *s,
                                                  size_t i) {
  return i < s->count ? &s->sents[i] : NULL;
}

ng_method ng_summary_method(const ng_summary *s) { return s->method; }

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

/* Redundancy, as BertSumExt's trigram blocking: a sentence that repeats
 * a trigram (stemmed term ids) of a sentence already picked is skipped.
 * Trigrams of stop words alone ("one of the") do not count; only the
 * first TRIGRAM_TOKENS tokens of a sentence are looked at, so a giant
 * unpunctuated "sentence" costs no more than a long one. The picked
 * sentences' trigrams are kept in a hash set (64-bit hashes of the term
 * triples), so checking a candidate costs its own length, however many
 * sentences were picked (-r 1 of a 20,000-sentence text compared every
 * pair before, 22 s). On cnndm dev trigram blocking replaced "over half of
 * the content terms already said" with all of R-1/R-2/R-Lsum up
 * (BENCHMARKS.md). */
#define TRIGRAM_TOKENS 128

typedef struct trigram_set {
  uint64_t *slot; /* 0: empty */
  size_t cap, n;  /* cap: a power of two, or 0 */
} trigram_set;

static uint64_t trigram_hash(const ng_tok *t) {
  uint64_t h = (uint64_t)t[0].term * 0x9E3779B97F4A7C15ull;
  h ^= ((uint64_t)t[1].term + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
  h ^= ((uint64_t)t[2].term + 0x85EBCA77C2B2AE63ull) * 0x165667B19E3779F9ull;
  h ^= h >> 29;
  return h ? h : 1;
}

static size_t trigram_find(const trigram_set *ts, uint64_t h) {
  size_t i = (size_t)(h >> 7) & (ts->cap - 1);
  while (ts->slot[i] && ts->slot[i] != h) i = (i + 1) & (ts->cap - 1);
  return i;
}

static bool trigram_counts(const ng_tok *t) {
  return !(t[0].flags & t[1].flags & t[2].flags & NG_TOK_STOP);
}

/* The end of the tokens looked at: the first TRIGRAM_TOKENS. */
static uint32_t trigram_end(const ng_sent *st) {
  return st->tok_end - st->tok_begin < TRIGRAM_TOKENS ? st->tok_end
                                                      : st->tok_begin + TRIGRAM_TOKENS;
}

/* Does the sentence repeat a picked trigram? */
static bool trigram_seen(const trigram_set *ts, const ng_doc *doc,
                         const ng_sent *st) {
  if (!ts->n) return false;
  uint32_t e = trigram_end(st);
  for (uint32_t i = st->tok_begin; i + 2 < e; i++) {
    const ng_tok *t = &doc->toks[i];
    if (trigram_counts(t) && ts->slot[trigram_find(ts, trigram_hash(t))])
      return true;
  }
  return false;
}

/* Adds the sentence's trigrams; grows the table to stay under half full. */
static int trigram_add(trigram_set *ts, ng_ctx *ctx, const ng_doc *doc,
                       const ng_sent *st) {
  uint32_t e = trigram_end(st);
  size_t need = ts->n + (e > st->tok_begin + 2 ? e - st->tok_begin - 2 : 0);
  if (2 * need > ts->cap) {
    size_t cap = ts->cap ? ts->cap : 256;
    while (2 * need > cap) cap *= 2;
    uint64_t *slot = ng_mem_alloc(&ctx->alc, cap * sizeof *slot);
    if (!slot) return NG_ENOMEM;
    memset(slot, 0, cap * sizeof *slot);
    trigram_set grown = {slot, cap, ts->n};
    for (size_t k = 0; k < ts->cap; k++)
      if (ts->slot[k]) slot[trigram_find(&grown, ts->slot[k])] = ts->slot[k];
    ng_mem_free(&ctx->alc, ts->slot, ts->cap * sizeof *ts->slot);
    *ts = grown;
  }
  for (uint32_t i = st->tok_begin; i + 2 < e; i++) {
    const ng_tok *t = &doc->toks[i];
    if (!trigram_counts(t)) continue;
    uint64_t h = trigram_hash(t);
    size_t k = trigram_find(ts, h);
    if (!ts->slot[k]) {
      ts->slot[k] = h;
      ts->n++;
    }
  }
  return NG_OK;
}

/* Is the sentence cut off: does it end in a colon, comma or semicolon,
 * or in a stop word ("... yet to go on sale and")? Lines that end in a
 * content word without a full stop are often a page's bullet points or
 * captions, which carry the story: those count as finished. */
static bool cut_off(const ng_doc *doc, const ng_sent *s) {
  int c = ng_sent_final_char(doc, s);
  if (c == ':' || c == ',' || c == ';') return true;
  if (c < 0 || c == '.' || c == '!' || c == '?' || s->tok_end == s->tok_begin)
    return false;
  const ng_tok *t = &doc->toks[s->tok_end - 1];
  return (t->flags & NG_TOK_STOP) && (t->flags & NG_TOK_ALPHA) &&
         t->off + t->len == s->off + s->len;
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

/* What selection reads and keeps between its passes. */
typedef struct picker {
  ng_summary *s;
  ng_ctx *ctx;
  const ng_doc *doc;
  const cand *cands; /* best first */
  size_t n;
  bool *used;     /* by sentence: already in s */
  trigram_set ts; /* the picked sentences' trigrams (guards only) */
  size_t max_sent, max_words, words;
  bool auto_len;      /* the default length: stop at two long sentences */
  bool guards;        /* the default method's readability guards */
  bool skip_headings; /* the document has sentences outside headings */
} picker;

/* Adds to p->s, best candidates first, the sentences that fit the limits
 * and pass the guards and, with `finished_only`, are not cut off.
 * *skipped: was a cut-off sentence passed over while the summary still
 * had room? */
static int pick_pass(picker *p, bool finished_only, bool *skipped) {
  ng_summary *s = p->s;
  const ng_doc *doc = p->doc;
  *skipped = false;
  for (size_t c = 0; c < p->n && s->count < p->max_sent; c++) {
    if (p->auto_len && s->count + 1 == DEFAULT_SENTENCES &&
        p->words >= DEFAULT_ENOUGH_WORDS)
      return NG_OK; /* long enough */
    size_t ci = p->cands[c].index;
    const ng_sent *st = &doc->sents[ci];
    if ((st->flags & NG_SENT_FURNITURE) || p->used[ci]) continue;
    if (p->skip_headings && doc->paras[st->para].kind == NG_BLOCK_HEADING)
      continue;
    if (finished_only && cut_off(doc, st)) {
      *skipped = true;
      continue;
    }
    size_t w = st->tok_end - st->tok_begin;
    if (p->max_words && p->words + w > p->max_words) continue;
    if (p->guards) {
      /* A sentence that opens with "He", "But", "This" ... needs the
       * sentence before it in the summary. */
      if (ci > 0 && ng_news_dangling(doc, ci) && !p->used[ci - 1]) continue;
      if (trigram_seen(&p->ts, doc, st)) continue;
      int rc = trigram_add(&p->ts, p->ctx, doc, st);
      if (rc) return rc;
    }
    ng_summary_sentence *o = &s->sents[s->count++];
    o->off = st->off;
    o->len = st->len;
    o->index = ci;
    o->score = p->cands[c].score;
    p->used[ci] = true;
    p->words += w;
  }
  *skipped = *skipped && s->count < p->max_sent;
  return NG_OK;
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
  bool *used = NULL;
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

  /* Headings (a page's headline or standfirst set as <h1>/<h2>, section
   * titles) name the text; they are not sentences of it. They are left
   * out unless the page has no other text. */
  bool skip_headings = false;
  for (size_t i = 0; i < n && !skip_headings; i++)
    skip_headings = !(doc->sents[i].flags & NG_SENT_FURNITURE) &&
                    doc->paras[doc->sents[i].para].kind != NG_BLOCK_HEADING;
  /* Readability (default method): a line cut off in the source ("... yet
   * to go on sale and", "Feminist icon:") is taken only when the other
   * sentences run out (a second pass), so that text of such lines still
   * gets a summary. On cnndm_raw dev 7 of 174 summaries change, R-1 -0.14
   * (BENCHMARKS.md). */
  NG_CHECK_ALLOC(used = ng_mem_alloc(&ctx->alc, n * sizeof(bool)));
  memset(used, 0, n * sizeof(bool));
  bool guards = opts->method == NG_METHOD_DEFAULT, skipped;
  picker p = {.s = s,
              .ctx = ctx,
              .doc = doc,
              .cands = cands,
              .n = n,
              .used = used,
              .max_sent = max_sent,
              .max_words = opts->max_words,
              .auto_len = auto_len,
              .guards = guards,
              .skip_headings = skip_headings};
  rc = pick_pass(&p, guards, &skipped);
  if (!rc && skipped) rc = pick_pass(&p, false, &skipped);
  ng_mem_free(&ctx->alc, p.ts.slot, p.ts.cap * sizeof *p.ts.slot);
  if (rc) {
    rc = ng_fail(err, rc, NULL, 0);
    goto done;
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
  ng_mem_free(&ctx->alc, used, n * sizeof(bool));
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

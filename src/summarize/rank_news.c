/* rank_news.c - the default news ranker.
 *
 * News is written lede first, so position is the strongest single signal
 * (Lead-3 is hard to beat); centrality (LexRank) and overlap with the title
 * find the later sentences that restate the story's core. Guards demote
 * sentences that cannot stand alone: ones opening with a pronoun or a
 * connective ("He added", "However,"), fragments, and very short or very
 * long sentences. */
#include "summarize.h"

#include "../text/ctx.h"
#include "../text/lexicon.h"
#include "../text/mem.h"
#include "../text/utf8.h"

#include <math.h>

static ng_lex_id dangling_list(ng_lang lang) {
  switch (lang) {
  case NG_LANG_EN: return NG_LEX_dangling_en;
  case NG_LANG_RU: return NG_LEX_dangling_ru;
  default: return NG_LEX_COUNT;
  }
}

/* Does the sentence open with a word that points back to earlier text? */
static bool starts_dangling(const ng_doc *doc, const ng_sent *s) {
  ng_lex_id id = dangling_list(doc->lang);
  if (id == NG_LEX_COUNT || s->tok_begin == s->tok_end) return false;
  const ng_tok *t = &doc->toks[s->tok_begin];
  /* Only if the first token is the first thing in the sentence (a quote
   * mark before it is fine). */
  if (t->off - s->off > 3) return false;
  char fold[32];
  size_t n = ng_utf8_fold(fold, sizeof fold, doc->text + t->off, t->len);
  if (n >= sizeof fold) return false;
  return ng_lex_has(id, fold, n);
}

static bool starts_lower(const ng_doc *doc, const ng_sent *s) {
  int32_t cp;
  ng_utf8_decode(doc->text + s->off, s->len, &cp);
  return ng_cp_is_lower(cp);
}

int ng_rank_news(double *scores, ng_ctx *ctx, const ng_doc *doc) {
  size_t n = doc->nsent;
  if (n == 0) return NG_OK;
  int rc = ng_rank_lexrank(scores, ctx, doc);
  if (rc) return rc;
  double maxc = 0.0;
  for (size_t i = 0; i < n; i++)
    if (scores[i] > maxc) maxc = scores[i];

  /* Title terms, as a small sorted-free list (titles are short). */
  uint32_t title[64];
  size_t nt = 0;
  for (size_t k = doc->title_tok_begin; k < doc->title_tok_end && nt < 64; k++)
    if (!(doc->toks[k].flags & NG_TOK_STOP)) title[nt++] = doc->toks[k].term;

  for (size_t i = 0; i < n; i++) {
    const ng_sent *s = &doc->sents[i];
    double central = maxc > 0.0 && scores[i] > 0.0 ? scores[i] / maxc : 0.0;
    double pos = 1.0 / sqrt((double)i + 1.0);
    double tover = 0.0;
    if (nt) {
      size_t hit = 0;
      for (size_t a = 0; a < nt; a++)
        for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
          if (doc->toks[k].term == title[a]) {
            hit++;
            break;
          }
      tover = (double)hit / (double)nt;
    }
    size_t words = s->tok_end - s->tok_begin;
    double score = 0.55 * pos + 0.30 * central + 0.15 * tover;
    if (words < 5) score *= 0.3;
    else if (words < 8) score *= 0.7;
    if (words > 60) score *= 0.6;
    if (i > 0 && starts_dangling(doc, s)) score *= 0.55;
    if (starts_lower(doc, s)) score *= 0.3;
    scores[i] = score;
  }
  return NG_OK;
}

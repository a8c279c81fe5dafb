/* rank_news.c - the default news ranker: a linear model over sentence
 * features plus a few boosted stumps (thresholds on position, length and
 * graph features), all learned on CNN/DailyMail train by tools/train-news
 * (src/data/news_weights.inc).
 *
 * News is written lede first, so position is the strongest single signal
 * (Lead-3 is hard to beat). The other features find the later sentences
 * that carry the story's core, and demote what cannot stand alone:
 *
 *   0      bias
 *   1-6    position: first, second, third, fourth, 5th-6th, 7th-10th
 *   7      relative position i/n
 *   8-10   length: log(1 + words), under 8 words, over 40 words
 *   11     LexRank centrality (IDF-weighted cosine graph, PageRank) x m
 *   12     cosine with the document centroid (IDF-weighted)
 *   13     cosine with the first sentence (the lede)
 *   14-15  mean IDF of the content terms / 10, log(1 + content terms)
 *   16-17  share of number tokens, share of capitalized inner tokens
 *   18     opens with a pronoun or connective ("He added", "However,")
 *   19     has a quotation mark (double, or a single one that is not an
 *          apostrophe: the Daily Mail quotes with single marks)
 *   20     byline, caption or page-furniture cue in its first words
 *   21     ends without . or ! (a question, a colon, a fragment)
 *   22     title overlap: IDF mass of the title's terms the sentence has
 *   23     one of the first three sentences x log(1 + n)
 *   24-26  first / second / third sentence x log(1 + words)
 *   27     words / the document's mean words per sentence
 *   28     one of the first three sentences x cosine with the centroid
 *   29     log(1 + words)^2 / 10
 *   30     TextRank centrality (word-overlap graph, PageRank) x m
 *   31-32  first / second sentence x log(1 + n): how much the lede counts
 *          depends on the length of the story
 *   33     relative position i/n x log(1 + n)
 *   34     share of the sentence's content bigrams that occur again
 *          elsewhere in the story (repeated phrases are what highlights
 *          restate; stems, so "bird flu" and "bird flus" count)
 *   35     mean log in-story frequency of the sentence's content terms
 *   36     log(1 + repeated content bigrams)
 *   37     log of the highest in-story count among its content bigrams
 *   38     log(1 + content bigrams first said here and said again later):
 *          the sentence that introduces a phrase the story keeps using
 *   39     the same for content terms
 *   40-43  1 / (1 + rank in the story) by LexRank centrality, centroid
 *          cosine, TextRank centrality, repeated content bigrams
 *   44     the highest cosine with an earlier sentence (said before?)
 *   45-46  cosine with the previous / the next sentence
 *   47-48  mean / highest highlight salience of its content terms (how
 *          much likelier than average a stem of the article is to be in
 *          its highlights too: src/data/idf_en.inc, tools/gen-idf)
 *
 * IDF is background IDF from the language's table (src/data/idf_en.inc,
 * tools/gen-idf) or, without one, in-document sentence frequencies. Every
 * O(n^2) step sees at most NG_GRAPH_MAX_SENTENCES sentences. */
#include "summarize.h"

#include "idf.h"

#include "../text/ctx.h"
#include "../text/lexicon.h"
#include "../text/mem.h"
#include "../text/utf8.h"

#include <math.h>
#include <string.h>

/* One boosted stump: adds `left` when feature k <= t, else `right`. */
struct news_stump {
  int k;
  double t, left, right;
};

#include "../data/news_weights.inc"

static ng_lex_id dangling_list(ng_lang lang) {
  switch (lang) {
  case NG_LANG_EN: return NG_LEX_dangling_en;
  case NG_LANG_RU: return NG_LEX_dangling_ru;
  default: return NG_LEX_COUNT;
  }
}

/* Folds token k into buf; returns its length or 0 if it does not fit. */
static size_t fold_tok(char *buf, size_t cap, const ng_doc *doc, uint32_t k) {
  const ng_tok *t = &doc->toks[k];
  size_t n = ng_utf8_fold(buf, cap, doc->text + t->off, t->len);
  return n < cap ? n : 0;
}

/* Does the sentence open with a word that points back to earlier text? */
bool ng_news_dangling(const ng_doc *doc, size_t i) {
  const ng_sent *s = &doc->sents[i];
  ng_lex_id id = dangling_list(doc->lang);
  if (id == NG_LEX_COUNT || s->tok_begin == s->tok_end) return false;
  const ng_tok *t = &doc->toks[s->tok_begin];
  /* Only if the first token is the first thing in the sentence (a quote
   * mark or a dash before it is fine). */
  if (t->off - s->off > 3) return false;
  char fold[32];
  size_t n = fold_tok(fold, sizeof fold, doc, s->tok_begin);
  return n && ng_lex_has(id, fold, n);
}

/* Bylines, captions, share/follow lines and timestamps: words that rarely
 * open a sentence of the story itself. Checked on folded surface forms. */
static bool furniture_cue(const ng_doc *doc, const ng_sent *s) {
  static const struct {
    const char *s;
    size_t n;
  } cues[] = {{"by", 2},         {"published", 9}, {"updated", 7},
              {"last", 4},       {"click", 5},     {"scroll", 6},
              {"follow", 6},     {"pictured", 8},  {"picture", 7},
              {"photo", 5},      {"video", 5},     {"watch", 5},
              {"share", 5},      {"read", 4},      {"editor", 6},
              {"note", 4},       {"caption", 7},   {"copyright", 9},
              {"reporter", 8},   {"email", 5},     {"twitter", 7},
              {"advertisement", 13}};
  uint32_t end = s->tok_begin + 2 < s->tok_end ? s->tok_begin + 2 : s->tok_end;
  for (uint32_t k = s->tok_begin; k < end; k++) {
    if (doc->toks[k].len > 13) continue;
    char fold[32];
    size_t n = fold_tok(fold, sizeof fold, doc, k);
    if (!n) continue;
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++)
      if (cues[c].n == n && cues[c].s[0] == fold[0] &&
          memcmp(cues[c].s, fold, n) == 0)
        return true;
  }
  return false;
}

/* Is the ASCII ' at k a quotation mark rather than an apostrophe? The
 * Daily Mail quotes with single marks (' i was positive . '), CNN with
 * double ones, so both must count. A mark that stands alone between
 * spaces is one (tokenized text); so is one after a space that opens a
 * word, unless the word is a split-off contraction ('s, 're, 've, 'll,
 * 'd, 'm, 't) of tokenized text. */
static bool single_quote(const char *p, size_t len, size_t k) {
  if (k > 0 && p[k - 1] != ' ') return false;
  if (k + 1 >= len || p[k + 1] == ' ') return true;
  unsigned char c = (unsigned char)p[k + 1];
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  size_t e = k + 1;
  while (e < len && e - k <= 3 && p[e] != ' ') e++;
  if (e < len && p[e] != ' ') return true; /* a longer word */
  static const char *const contr[] = {"s", "re", "ve", "ll", "d", "m", "t"};
  for (size_t i = 0; i < sizeof contr / sizeof contr[0]; i++) {
    size_t n = strlen(contr[i]);
    if (e - k - 1 == n && memcmp(p + k + 1, contr[i], n) == 0) return false;
  }
  return true;
}

static bool has_quote(const ng_doc *doc, const ng_sent *s) {
  const char *p = doc->text + s->off;
  for (uint32_t k = 0; k < s->len; k++) {
    unsigned char c = (unsigned char)p[k];
    if (c == '"') return true;
    if (c == '\'' && single_quote(p, s->len, k)) return true;
    /* U+201C / U+201D curly double quotes, U+2018 the opening single one
     * (U+2019 doubles as the apostrophe). */
    if (c == 0xE2 && k + 2 < s->len && (unsigned char)p[k + 1] == 0x80 &&
        ((unsigned char)p[k + 2] == 0x9C || (unsigned char)p[k + 2] == 0x9D ||
         (unsigned char)p[k + 2] == 0x98))
      return true;
  }
  return false;
}

int ng_sent_final_char(const ng_doc *doc, const ng_sent *s) {
  /* The last character that is not a closing quote or bracket. */
  const char *p = doc->text + s->off;
  size_t k = s->len;
  while (k > 0) {
    unsigned char c = (unsigned char)p[k - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ' ') {
      k--;
      continue;
    }
    if (c >= 0x80 && k >= 3 && (unsigned char)p[k - 3] == 0xE2) {
      k -= 3; /* a curly quote */
      continue;
    }
    return c;
  }
  return -1;
}

static bool ends_open(const ng_doc *doc, const ng_sent *s) {
  int c = ng_sent_final_char(doc, s);
  return !(c == '.' || c == '!');
}

/* Two adjacent word tokens, not both stop words ("of the" says nothing). */
static bool content_bigram(const ng_tok *a, const ng_tok *b) {
  const uint32_t word = NG_TOK_ALPHA | NG_TOK_DIGIT;
  return (a->flags & word) && (b->flags & word) &&
         !(a->flags & b->flags & NG_TOK_STOP);
}

/* Counts of the story's content bigrams (term id pairs): open addressing,
 * sized from the token count, one allocation. */
typedef struct bigram_slot {
  uint64_t key; /* (a + 1) << 32 | (b + 1); 0 is empty */
  uint32_t count;
  uint32_t first; /* sentence of the first occurrence */
} bigram_slot;
typedef struct bigram_table {
  bigram_slot *slots;
  size_t cap; /* a power of two */
} bigram_table;

static size_t bigram_find(const bigram_table *bt, uint64_t key) {
  size_t mask = bt->cap - 1;
  size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & mask;
  while (bt->slots[h].key && bt->slots[h].key != key) h = (h + 1) & mask;
  return h;
}

static uint64_t bigram_key(uint32_t a, uint32_t b) {
  return ((uint64_t)a + 1) << 32 | ((uint64_t)b + 1);
}

static const bigram_slot *bigram_get(const bigram_table *bt, uint32_t a,
                                     uint32_t b) {
  return &bt->slots[bigram_find(bt, bigram_key(a, b))];
}

/* Bigrams are counted over the first BIGRAM_MAX_TOKENS tokens only, so the
 * table stays small (2 MB) however long the input; later bigrams are
 * looked up but not counted. News stories are far shorter. */
#define BIGRAM_MAX_TOKENS (1u << 16)

/* Fills the bigram table, tf (occurrences of each term in the story) and
 * first (the sentence each term first occurs in). */
static int count_bigrams(bigram_table *bt, ng_ctx *ctx, const ng_doc *doc,
                         uint32_t *tf, uint32_t *first) {
  memset(tf, 0, (doc->nterm + 1) * sizeof(uint32_t));
  size_t cap = 64;
  while (cap < 2 * doc->ntok + 2 && cap < 2 * BIGRAM_MAX_TOKENS) cap *= 2;
  bt->slots = ng_mem_alloc(&ctx->alc, cap * sizeof(bigram_slot));
  if (!bt->slots) return NG_ENOMEM;
  bt->cap = cap;
  memset(bt->slots, 0, cap * sizeof(bigram_slot));
  for (size_t i = 0; i < doc->nsent; i++) {
    const ng_sent *s = &doc->sents[i];
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
      const ng_tok *t = &doc->toks[k];
      if (tf[t->term]++ == 0) first[t->term] = (uint32_t)i;
      if (k < BIGRAM_MAX_TOKENS && k + 1 < s->tok_end &&
          content_bigram(t, t + 1)) {
        uint64_t key = bigram_key(t->term, t[1].term);
        size_t h = bigram_find(bt, key);
        if (!bt->slots[h].key) bt->slots[h].first = (uint32_t)i;
        bt->slots[h].key = key;
        bt->slots[h].count++;
      }
    }
  }
  return NG_OK;
}

int ng_news_features(double *feat, ng_ctx *ctx, const ng_doc *doc) {
  size_t n = doc->nsent;
  if (n == 0) return NG_OK;
  size_t m = n < NG_GRAPH_MAX_SENTENCES ? n : NG_GRAPH_MAX_SENTENCES;
  int rc = NG_OK;
  ng_bags bags;
  memset(&bags, 0, sizeof bags);
  double *idf = NULL, *w = NULL, *cent = NULL, *central = NULL;
  double *w2 = NULL, *central2 = NULL, *sal = NULL;
  uint32_t *tf = NULL, *first = NULL;
  bigram_table bg = {NULL, 0};
  size_t wn = m * m + 2 * m;
  idf = ng_mem_alloc(&ctx->alc, (doc->nterm + 1) * sizeof(double));
  cent = ng_mem_alloc(&ctx->alc, (doc->nterm + 1) * sizeof(double));
  central = ng_mem_alloc(&ctx->alc, m * sizeof(double));
  w = ng_mem_alloc(&ctx->alc, wn * sizeof(double));
  w2 = ng_mem_alloc(&ctx->alc, wn * sizeof(double));
  central2 = ng_mem_alloc(&ctx->alc, m * sizeof(double));
  tf = ng_mem_alloc(&ctx->alc, (doc->nterm + 1) * sizeof(uint32_t));
  first = ng_mem_alloc(&ctx->alc, (doc->nterm + 1) * sizeof(uint32_t));
  sal = ng_mem_alloc(&ctx->alc, (doc->nterm + 1) * sizeof(double));
  if (!idf || !cent || !central || !w || !w2 || !central2 || !tf || !first ||
      !sal) {
    rc = NG_ENOMEM;
    goto done;
  }
  rc = ng_bags_build(&bags, ctx, doc, m);
  if (rc) goto done;
  ng_idf_sal_fill(idf, sal, doc, m);

  /* Two similarity graphs in one pass over the sentence pairs: IDF-weighted
   * cosine (LexRank) into w, and TextRank's word overlap into w2, which
   * favours long, term-rich sentences as frequency-based extractors (Luhn,
   * OTS) do. Norms and log lengths are computed once per sentence (kept
   * in central / central2 until PageRank overwrites them). */
  for (size_t i = 0; i < m; i++) {
    double nn = 0.0;
    for (uint32_t k = bags.begin[i]; k < bags.begin[i + 1]; k++) {
      double v = bags.tf[k] * idf[bags.terms[k]];
      nn += v * v;
    }
    size_t nb = bags.begin[i + 1] - bags.begin[i];
    central[i] = sqrt(nn);
    central2[i] = nb >= 2 ? log((double)nb) : 0.0;
  }
  for (size_t i = 0; i < m; i++) {
    w[i * m + i] = w2[i * m + i] = 0.0;
    for (size_t j = i + 1; j < m; j++) {
      uint32_t a = bags.begin[i], ae = bags.begin[i + 1];
      uint32_t b = bags.begin[j], be = bags.begin[j + 1];
      double dot = 0.0;
      size_t common = 0;
      while (a < ae && b < be) {
        if (bags.terms[a] == bags.terms[b]) {
          double x = idf[bags.terms[a]];
          dot += bags.tf[a] * x * bags.tf[b] * x;
          common++;
          a++;
          b++;
        } else if (bags.terms[a] < bags.terms[b]) {
          a++;
        } else {
          b++;
        }
      }
      double den = central[i] * central[j];
      double lg = central2[i] + central2[j];
      w[i * m + j] = w[j * m + i] = den > 0.0 ? dot / den : 0.0;
      w2[i * m + j] = w2[j * m + i] =
          central2[i] > 0.0 && central2[j] > 0.0 && lg > 0.0
              ? (double)common / lg
              : 0.0;
    }
  }
  ng_pagerank(central, w, m, 0.85, w + m * m);
  ng_pagerank(central2, w2, m, 0.85, w2 + m * m);

  /* Centroid of the graph sentences: summed IDF-weighted term vectors. */
  memset(cent, 0, (doc->nterm + 1) * sizeof(double));
  for (size_t i = 0; i < m; i++)
    for (uint32_t k = bags.begin[i]; k < bags.begin[i + 1]; k++)
      cent[bags.terms[k]] += bags.tf[k] * idf[bags.terms[k]];
  double cnorm = 0.0;
  for (size_t t = 0; t < doc->nterm; t++) cnorm += cent[t] * cent[t];
  cnorm = sqrt(cnorm);

  /* Title terms and their IDF mass. */
  uint32_t title[64];
  size_t nt = 0;
  double tmass = 0.0;
  for (size_t k = doc->title_tok_begin; k < doc->title_tok_end && nt < 64; k++) {
    const ng_tok *t = &doc->toks[k];
    if ((t->flags & NG_TOK_STOP) || !(t->flags & (NG_TOK_ALPHA | NG_TOK_DIGIT)))
      continue;
    bool seen = false;
    for (size_t a = 0; a < nt && !seen; a++) seen = title[a] == t->term;
    if (seen) continue;
    title[nt++] = t->term;
    tmass += idf[t->term];
  }

  rc = count_bigrams(&bg, ctx, doc, tf, first);
  if (rc) goto done;

  double logn = log(1.0 + (double)n);
  double mean_words = (double)(doc->title_tok_begin ? doc->title_tok_begin : 1) /
                      (double)n;
  for (size_t i = 0; i < n; i++) {
    const ng_sent *s = &doc->sents[i];
    double *f = feat + i * NG_NEWS_NFEAT;
    memset(f, 0, NG_NEWS_NFEAT * sizeof(double));
    size_t words = s->tok_end - s->tok_begin;
    f[0] = 1.0;
    f[1] = i == 0;
    f[2] = i == 1;
    f[3] = i == 2;
    f[4] = i == 3;
    f[5] = i == 4 || i == 5;
    f[6] = i >= 6 && i <= 9;
    f[7] = (double)i / (double)n;
    f[8] = log(1.0 + (double)words);
    f[9] = words < 8;
    f[10] = words > 40;
    if (i < m) {
      f[11] = central[i] * (double)m;
      if (f[11] > 5.0) f[11] = 5.0;
      /* Cosine with the centroid, from the bag. */
      double dot = 0.0, norm = 0.0;
      for (uint32_t k = bags.begin[i]; k < bags.begin[i + 1]; k++) {
        double v = bags.tf[k] * idf[bags.terms[k]];
        dot += v * cent[bags.terms[k]];
        norm += v * v;
      }
      f[12] = norm > 0.0 && cnorm > 0.0 ? dot / (sqrt(norm) * cnorm) : 0.0;
      f[13] = i > 0 ? w[i] : 0.0; /* row 0 of the graph */
    }
    /* Content terms: IDF, numbers, capitalized inner words, title. */
    size_t content = 0, digits = 0, caps = 0, inner = 0;
    double isum = 0.0, thit = 0.0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
      const ng_tok *t = &doc->toks[k];
      if (k > s->tok_begin) {
        inner++;
        if (t->flags & NG_TOK_UPPER1) caps++;
      }
      if (t->flags & NG_TOK_DIGIT) digits++;
      if (t->flags & NG_TOK_STOP) continue;
      if (!(t->flags & (NG_TOK_ALPHA | NG_TOK_DIGIT))) continue;
      content++;
      isum += idf[t->term];
    }
    for (size_t a = 0; a < nt; a++)
      for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        if (doc->toks[k].term == title[a]) {
          thit += idf[title[a]];
          break;
        }
    f[14] = content ? isum / (double)content / 10.0 : 0.0;
    f[15] = log(1.0 + (double)content);
    f[16] = words ? (double)digits / (double)words : 0.0;
    f[17] = inner ? (double)caps / (double)inner : 0.0;
    f[18] = i > 0 && ng_news_dangling(doc, i);
    f[19] = has_quote(doc, s);
    f[20] = furniture_cue(doc, s);
    f[21] = ends_open(doc, s);
    f[22] = tmass > 0.0 ? thit / tmass : 0.0;
    f[23] = i < 3 ? logn : 0.0;
    f[24] = i == 0 ? f[8] : 0.0;
    f[25] = i == 1 ? f[8] : 0.0;
    f[26] = i == 2 ? f[8] : 0.0;
    f[27] = (double)words / mean_words;
    f[28] = i < 3 ? f[12] : 0.0;
    f[29] = f[8] * f[8] / 10.0;
    if (i < m) {
      f[30] = central2[i] * (double)m;
      if (f[30] > 5.0) f[30] = 5.0;
    }
    f[31] = i == 0 ? logn : 0.0;
    f[32] = i == 1 ? logn : 0.0;
    f[33] = f[7] * logn;
    size_t nb = 0, rep = 0, nc = 0, bnew = 0, tnew = 0;
    uint32_t bmax = 1;
    double ltf = 0.0, ssum = 0.0, smax = -10.0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
      const ng_tok *t = &doc->toks[k];
      if (!(t->flags & (NG_TOK_ALPHA | NG_TOK_DIGIT))) continue;
      if (!(t->flags & NG_TOK_STOP)) {
        nc++;
        ltf += log((double)tf[t->term]);
        ssum += sal[t->term];
        if (sal[t->term] > smax) smax = sal[t->term];
        /* Counted once per term: at its first token in its first sentence. */
        if (first[t->term] == i && tf[t->term] >= 2) {
          tnew++;
          first[t->term] = UINT32_MAX;
        }
      }
      if (k + 1 < s->tok_end && content_bigram(t, t + 1)) {
        nb++;
        const bigram_slot *b = bigram_get(&bg, t->term, t[1].term);
        uint32_t bc = b->count;
        rep += bc >= 2;
        bnew += bc >= 2 && b->first == i;
        if (bc > bmax) bmax = bc;
      }
    }
    f[34] = nb ? (double)rep / (double)nb : 0.0;
    f[35] = nc ? ltf / (double)nc : 0.0;
    f[36] = log(1.0 + (double)rep);
    f[37] = log((double)bmax);
    f[38] = log(1.0 + (double)bnew);
    f[39] = log(1.0 + (double)tnew);
    f[47] = nc ? ssum / (double)nc : 0.0;
    f[48] = nc ? smax : 0.0;
  }
  /* Within-story standing: the rank of a sentence among the story's graph
   * sentences by centrality, centroid similarity and repeated phrases (as
   * 1 / (1 + rank): the story's best is 1 whatever the story's scale), and
   * how much it shares with earlier and neighbouring sentences. */
  for (size_t i = 0; i < m; i++) {
    double *f = feat + i * NG_NEWS_NFEAT;
    static const int ranked[4] = {11, 12, 30, 36};
    for (int r = 0; r < 4; r++) {
      double v = f[ranked[r]];
      size_t above = 0;
      for (size_t j = 0; j < m; j++)
        above += feat[j * NG_NEWS_NFEAT + (size_t)ranked[r]] > v;
      f[40 + r] = 1.0 / (1.0 + (double)above);
    }
    double mx = 0.0;
    for (size_t j = 0; j < i; j++)
      if (w[i * m + j] > mx) mx = w[i * m + j];
    f[44] = mx;
    f[45] = i > 0 ? w[i * m + i - 1] : 0.0;
    f[46] = i + 1 < m ? w[i * m + i + 1] : 0.0;
  }
done:
  ng_bags_dispose(&bags, ctx);
  ng_mem_free(&ctx->alc, idf, (doc->nterm + 1) * sizeof(double));
  ng_mem_free(&ctx->alc, cent, (doc->nterm + 1) * sizeof(double));
  ng_mem_free(&ctx->alc, central, m * sizeof(double));
  ng_mem_free(&ctx->alc, w, wn * sizeof(double));
  ng_mem_free(&ctx->alc, w2, wn * sizeof(double));
  ng_mem_free(&ctx->alc, central2, m * sizeof(double));
  ng_mem_free(&ctx->alc, tf, (doc->nterm + 1) * sizeof(uint32_t));
  ng_mem_free(&ctx->alc, first, (doc->nterm + 1) * sizeof(uint32_t));
  ng_mem_free(&ctx->alc, sal, (doc->nterm + 1) * sizeof(double));
  ng_mem_free(&ctx->alc, bg.slots, bg.cap * sizeof(bigram_slot));
  return rc;
}

int ng_rank_news(double *scores, ng_ctx *ctx, const ng_doc *doc) {
  size_t n = doc->nsent;
  if (n == 0) return NG_OK;
  size_t bytes;
  if (!ng_mul_ok(n, NG_NEWS_NFEAT * sizeof(double), &bytes)) return NG_ENOMEM;
  double *feat = ng_mem_alloc(&ctx->alc, bytes);
  if (!feat) return NG_ENOMEM;
  int rc = ng_news_features(feat, ctx, doc);
  /* A weights file from before a feature was added scores it 0 until
   * tools/train-news runs again. */
  const size_t nw = sizeof news_weights / sizeof news_weights[0];
  if (rc == NG_OK) {
    for (size_t i = 0; i < n; i++) {
      double s = 0.0;
      for (size_t k = 0; k < NG_NEWS_NFEAT && k < nw; k++)
        s += news_weights[k] * feat[i * NG_NEWS_NFEAT + k];
      for (size_t t = 0; t < sizeof news_stumps / sizeof news_stumps[0]; t++) {
        const struct news_stump *st = &news_stumps[t];
        if (st->k < 0 || st->k >= NG_NEWS_NFEAT) continue;
        s += feat[i * NG_NEWS_NFEAT + (size_t)st->k] <= st->t ? st->left
                                                             : st->right;
      }
      scores[i] = s;
    }
  }
  ng_mem_free(&ctx->alc, feat, bytes);
  return rc;
}

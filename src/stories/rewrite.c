/* rewrite.c - is one sentence a rewrite of another? MinHash for copies.
 *
 * Features of a sentence pair (ng_rw_features), all small, most in [0, 1]:
 *   0 lexical score (below)    7 char 4-gram Jaccard
 *   1 word Jaccard             8 content-stem alignment score (below)
 *   2 stem Jaccard             9 same non-empty set of numbers
 *   3 IDF-weighted Jaccard    10 capitalized names in one only (share)
 *   4 IDF containment, min    11 length ratio (words, min/max)
 *   5 IDF containment, max    12 word LCS / longer length
 *   6 word-bigram Dice        13 |log length ratio|
 *  14 IDF mass not shared, the smaller side (/10)
 *  15 IDF mass not shared, the larger side (/10)
 *  16 content-word (stem) bigram Dice
 *  17 a negation ("not", "n't", "no", "never") in one only
 *  18 content-stem LCS / longer stem sequence
 *  19 content stems in one only (count / 10)
 *  20 word 3-gram Dice          21 word 4-gram Dice
 * The lexical score is a sum of learned per-term weights: for each distinct
 * word and content stem of the two sentences, one weight if it is in both,
 * one if it is in the shorter sentence only and one if it is in the longer
 * only (which words may go missing in a rewrite, "said" or "also", and
 * which may not; material only the longer sentence has is what most often
 * makes a pair not a rewrite). The alignment score is
 * METEOR's: content stems matched left to right, exactly and then as
 * WordNet synonyms (src/data/rewrite_synonyms.inc, generated from Debian's
 * wordnet-base), the harmonic mean of the two shares matched times
 * 1 - 0.5 (chunks / matches)^3.
 * A logistic model combines them; its weights and the term table
 * (src/data/rewrite_weights.inc) are fitted together by tools/train-rewrite
 * on MRPC pairs of the original train split only. */
#include "stories.h"

#include "../text/ctx.h"
#include "../text/lexicon.h"
#include "../text/tokens.h"
#include "../text/utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../data/rewrite_synonyms.inc"
#include "../data/rewrite_weights.inc"

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Sorts and dedups v[0..n); returns the new length. */
static size_t uniq(uint32_t *v, size_t n) {
  if (n < 2) return n;
  if (n) qsort(v, n, sizeof *v, cmp_u32);
  size_t o = 1;
  for (size_t i = 1; i < n; i++)
    if (v[i] != v[o - 1]) v[o++] = v[i];
  return o;
}

#define RW_MAX_WORDS 128

int ng_rw_prepare(ng_rw_sent *out, ng_arena *arena, ng_ctx *ctx,
                  ng_strmap *terms, ng_lang lang, const char *text,
                  size_t len) {
  memset(out, 0, sizeof *out);
  ng_vec toks;
  ng_vec_init(&toks, sizeof(ng_tok), &ctx->alc);
  int rc = ng_tokenize(&toks, text, 0, len);
  if (rc) goto done;
  size_t n = toks.len < RW_MAX_WORDS ? toks.len : RW_MAX_WORDS;
  ng_lex_id stop = ng_lex_stopwords(lang);
  rc = NG_ENOMEM;
  out->words = ng_arena_calloc(arena, n + 1, sizeof(uint32_t));
  out->uw = ng_arena_calloc(arena, n + 1, sizeof(uint32_t));
  out->stems = ng_arena_calloc(arena, n + 1, sizeof(uint32_t));
  out->nums = ng_arena_calloc(arena, n + 1, sizeof(uint32_t));
  out->names = ng_arena_calloc(arena, n + 1, sizeof(uint32_t));
  out->seq = ng_arena_calloc(arena, n + 1, sizeof(uint32_t));
  if (!out->seq || !out->words || !out->uw || !out->stems || !out->nums || !out->names) goto done;
  for (size_t i = 0; i < n; i++) {
    const ng_tok *t = ng_vec_at(&toks, i);
    char f[80];
    f[0] = '=';
    size_t fl = ng_utf8_fold(f + 1, sizeof f - 1, text + t->off, t->len);
    if (fl >= sizeof f - 1) fl = ng_utf8_fold(f + 1, sizeof f - 1, text + t->off, 40);
    if (fl >= sizeof f - 1) fl = sizeof f - 2;
    uint32_t id;
    if ((rc = ng_strmap_intern(terms, f, fl + 1, &id))) goto done;
    out->words[out->nwords++] = id;
    out->uw[out->nuw++] = id;
    if (t->flags & NG_TOK_DIGIT) {
      /* 1,000 and 1000 are one number. */
      char d[64];
      size_t dl = 0;
      for (size_t k = 1; k <= fl && dl + 1 < sizeof d; k++)
        if (f[k] != ',') d[dl++] = f[k];
      if ((rc = ng_strmap_intern(terms, d, dl, &id))) goto done;
      out->nums[out->nnums++] = id;
      out->stems[out->nstems++] = id;
      out->seq[out->nseq++] = id;
      continue;
    }
    if ((fl == 3 && (memcmp(f + 1, "not", 3) == 0 || memcmp(f + 1, "n't", 3) == 0)) ||
        (fl == 2 && memcmp(f + 1, "no", 2) == 0) || (fl == 5 && memcmp(f + 1, "never", 5) == 0) ||
        (fl > 3 && memcmp(f + 1 + fl - 3, "n't", 3) == 0))
      out->negated = true;
    bool is_stop = stop != NG_LEX_COUNT && ng_lex_has(stop, f + 1, fl);
    if ((t->flags & NG_TOK_UPPER1) && i > 0 && !is_stop)
      out->names[out->nnames++] = out->words[out->nwords - 1];
    if (is_stop || !(t->flags & NG_TOK_ALPHA)) continue;
    size_t sl;
    const char *st = ng_ctx_stem(ctx, lang, f + 1, fl, &sl);
    if ((rc = ng_strmap_intern(terms, st, sl, &id))) goto done;
    out->stems[out->nstems++] = id;
    out->seq[out->nseq++] = id;
  }
  out->nuw = uniq(out->uw, out->nuw);
  out->nstems = uniq(out->stems, out->nstems);
  out->nnums = uniq(out->nums, out->nnums);
  out->nnames = uniq(out->names, out->nnames);
  /* Character 4-grams of the folded text, non-alphanumerics as one space. */
  {
    size_t cap = len < 600 ? len : 600;
    char *norm = ng_arena_alloc(arena, cap * 4 + 8);
    if (!norm) goto done;
    size_t m = 0;
    for (size_t i = 0; i < cap;) {
      int32_t cp;
      size_t l = ng_utf8_decode(text + i, len - i, &cp);
      ng_cclass cc = ng_cp_class(cp);
      if (cc == NG_CC_LETTER || cc == NG_CC_DIGIT || cc == NG_CC_MARK) {
        char tmp[16];
        size_t fl = ng_utf8_fold(tmp, sizeof tmp, text + i, l);
        if (fl < sizeof tmp) {
          memcpy(norm + m, tmp, fl);
          m += fl;
        }
      } else if (m && norm[m - 1] != ' ') {
        norm[m++] = ' ';
      }
      i += l;
    }
    size_t ng = m >= 4 ? m - 3 : 0;
    out->grams = ng_arena_calloc(arena, ng + 1, sizeof(uint32_t));
    if (!out->grams) goto done;
    for (size_t i = 0; i < ng; i++)
      out->grams[i] = (uint32_t)ng_hash64(norm + i, 4);
    out->ngrams = uniq(out->grams, ng);
  }
  rc = NG_OK;
done:
  ng_vec_dispose(&toks);
  return rc;
}

static size_t shared(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
  size_t i = 0, j = 0, s = 0;
  while (i < an && j < bn) {
    if (a[i] == b[j]) {
      s++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return s;
}

static double jaccard(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
  if (an + bn == 0) return 0.0;
  size_t s = shared(a, an, b, bn);
  return (double)s / (double)(an + bn - s);
}

/* Sentence statistics need a corpus: below NG_RW_MIN_DOCS documents the
 * counts are read as if from a corpus of that size, in which every word of
 * a small set is rare (so a pair of sentences compared in an empty set is
 * scored on the same scale the model was fitted on). */
#define NG_RW_MIN_DOCS 1000.0

static double idf_of(const ng_strmap *terms, uint32_t id, double N) {
  if (N < NG_RW_MIN_DOCS) N = NG_RW_MIN_DOCS;
  double df = id < terms->n ? terms->count[id] : 0.0;
  if (df > N) df = N;
  return log((N + 1.0) / (df + 1.0)) + 1.0;
}

static size_t lcs(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
  size_t row[RW_MAX_WORDS + 1];
  memset(row, 0, sizeof row);
  for (size_t i = 1; i <= an; i++) {
    size_t diag = 0;
    for (size_t j = 1; j <= bn; j++) {
      size_t up = row[j];
      row[j] = a[i - 1] == b[j - 1] ? diag + 1 : (up > row[j - 1] ? up : row[j - 1]);
      diag = up;
    }
  }
  return row[bn];
}

/* Position of term id in a generated table of n sorted FNV-64 hashes of
 * term strings, or -1 when it is not there. */
static long table_find(const uint64_t *hashes, size_t n, const ng_strmap *terms, uint32_t id) {
  if (id >= terms->n) return -1;
  uint64_t h = ng_hash64(terms->strs[id], terms->lens[id]);
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (hashes[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && hashes[lo] == h ? (long)lo : -1;
}

/* The learned weight of a term at `where`, 0 for terms outside the table. */
static double lex_weight(const ng_strmap *terms, uint32_t id, int where) {
  long k = table_find(rw_lex_hash, RW_LEX_N, terms, id);
  return k < 0 ? 0.0 : rw_lex_w[k][where];
}

/* Sum of lex_weight over the union of two sorted distinct id lists, a's
 * sentence the longer when a_longer. */
static double lex_score(const ng_strmap *terms, const uint32_t *a, size_t an, const uint32_t *b,
                        size_t bn, int a_longer) {
  int only_a = a_longer ? NG_RW_LONGER : NG_RW_SHORTER, only_b = a_longer ? NG_RW_SHORTER : NG_RW_LONGER;
  double s = 0.0;
  size_t i = 0, j = 0;
  while (i < an || j < bn) {
    if (j >= bn || (i < an && a[i] < b[j])) s += lex_weight(terms, a[i++], only_a);
    else if (i >= an || b[j] < a[i]) s += lex_weight(terms, b[j++], only_b);
    else {
      s += lex_weight(terms, a[i], NG_RW_BOTH);
      i++;
      j++;
    }
  }
  return s;
}

/* Index of a stem in the WordNet synonym table, or -1. */
static long syn_key(const ng_strmap *terms, uint32_t id) {
  return table_find(rw_syn_hash, RW_SYN_NKEYS, terms, id);
}

/* Do two stems of the table share a synset? */
static bool syn_share(long x, long y) {
  uint32_t i = rw_syn_first[x], ie = rw_syn_first[x + 1];
  uint32_t j = rw_syn_first[y], je = rw_syn_first[y + 1];
  while (i < ie && j < je) {
    if (rw_syn_ent[i] == rw_syn_ent[j]) return true;
    if (rw_syn_ent[i] < rw_syn_ent[j]) i++;
    else j++;
  }
  return false;
}

/* METEOR's score of the content stem sequences: each stem of a takes the
 * first unmatched equal stem of b, then each stem still unmatched the
 * first unmatched WordNet synonym; the harmonic mean of the two shares
 * matched times 1 - 0.5 (chunks / matches)^3. */
static double align_score(const ng_rw_sent *a, const ng_rw_sent *b, const ng_strmap *terms) {
  int ja[RW_MAX_WORDS];
  bool mb[RW_MAX_WORDS];
  long ka[RW_MAX_WORDS], kb[RW_MAX_WORDS];
  size_t an = a->nseq, bn = b->nseq, m = 0, chunks = 0;
  for (size_t j = 0; j < bn; j++) mb[j] = false;
  for (size_t i = 0; i < an; i++) {
    ja[i] = -1;
    for (size_t j = 0; j < bn; j++)
      if (!mb[j] && a->seq[i] == b->seq[j]) {
        ja[i] = (int)j;
        mb[j] = true;
        m++;
        break;
      }
  }
  if (m < an && m < bn) {
    for (size_t j = 0; j < bn; j++) kb[j] = mb[j] ? -1 : syn_key(terms, b->seq[j]);
    for (size_t i = 0; i < an; i++) {
      ka[i] = ja[i] < 0 ? syn_key(terms, a->seq[i]) : -1;
      if (ka[i] < 0) continue;
      for (size_t j = 0; j < bn; j++)
        if (!mb[j] && kb[j] >= 0 && syn_share(ka[i], kb[j])) {
          ja[i] = (int)j;
          mb[j] = true;
          m++;
          break;
        }
    }
  }
  if (!m) return 0.0;
  int prev = -2;
  for (size_t i = 0; i < an; i++) {
    if (ja[i] >= 0 && ja[i] != prev + 1) chunks++;
    prev = ja[i] >= 0 ? ja[i] : -2;
  }
  double p = (double)m / (double)an, r = (double)m / (double)bn;
  double frag = (double)chunks / (double)m;
  return 2.0 * p * r / (p + r) * (1.0 - 0.5 * frag * frag * frag);
}

/* Dice coefficient of the word n-grams (hashed) of two sequences. */
static double ngram_dice(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, size_t n) {
  uint32_t ha[RW_MAX_WORDS], hb[RW_MAX_WORDS];
  size_t na = 0, nb = 0;
  for (size_t i = 0; i + n <= an; i++) {
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) h = (h ^ a[i + k]) * 16777619u;
    ha[na++] = h;
  }
  for (size_t i = 0; i + n <= bn; i++) {
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) h = (h ^ b[i + k]) * 16777619u;
    hb[nb++] = h;
  }
  na = uniq(ha, na);
  nb = uniq(hb, nb);
  return na + nb ? 2.0 * (double)shared(ha, na, hb, nb) / (double)(na + nb) : 0.0;
}

void ng_rw_features(double *f, const ng_rw_sent *a, const ng_rw_sent *b,
                    const ng_strmap *terms, double N) {
  int a_longer = ng_rw_a_longer(a, b);
  f[0] = lex_score(terms, a->uw, a->nuw, b->uw, b->nuw, a_longer) +
         lex_score(terms, a->stems, a->nstems, b->stems, b->nstems, a_longer);
  f[1] = jaccard(a->uw, a->nuw, b->uw, b->nuw);
  f[2] = jaccard(a->stems, a->nstems, b->stems, b->nstems);
  double wa = 0, wb = 0, ws = 0;
  {
    size_t i = 0, j = 0;
    while (i < a->nstems || j < b->nstems) {
      if (j >= b->nstems || (i < a->nstems && a->stems[i] < b->stems[j])) {
        wa += idf_of(terms, a->stems[i++], N);
      } else if (i >= a->nstems || b->stems[j] < a->stems[i]) {
        wb += idf_of(terms, b->stems[j++], N);
      } else {
        double w = idf_of(terms, a->stems[i], N);
        ws += w;
        wa += w;
        wb += w;
        i++;
        j++;
      }
    }
  }
  f[3] = wa + wb - ws > 0 ? ws / (wa + wb - ws) : 0.0;
  double ca = wa > 0 ? ws / wa : 0.0, cb = wb > 0 ? ws / wb : 0.0;
  f[4] = ca < cb ? ca : cb;
  f[5] = ca < cb ? cb : ca;
  {
    /* Word bigrams, hashed: at most RW_MAX_WORDS each. */
    uint32_t ba[RW_MAX_WORDS], bb[RW_MAX_WORDS];
    size_t na = 0, nb = 0;
    for (size_t i = 1; i < a->nwords; i++)
      ba[na++] = a->words[i - 1] * 2654435761u ^ a->words[i];
    for (size_t i = 1; i < b->nwords; i++)
      bb[nb++] = b->words[i - 1] * 2654435761u ^ b->words[i];
    na = uniq(ba, na);
    nb = uniq(bb, nb);
    f[6] = na + nb ? 2.0 * (double)shared(ba, na, bb, nb) / (double)(na + nb) : 0.0;
  }
  f[7] = jaccard(a->grams, a->ngrams, b->grams, b->ngrams);
  size_t sn = shared(a->nums, a->nnums, b->nums, b->nnums);
  f[8] = align_score(a, b, terms);
  f[9] = (a->nnums && a->nnums == b->nnums && sn == a->nnums) ? 1.0 : 0.0;
  size_t sm = shared(a->names, a->nnames, b->names, b->nnames);
  f[10] = (double)(a->nnames + b->nnames - 2 * sm) / (double)(a->nnames + b->nnames + 1);
  double la = (double)a->nwords, lb = (double)b->nwords;
  f[11] = la > 0 && lb > 0 ? (la < lb ? la / lb : lb / la) : 0.0;
  f[12] = la > 0 && lb > 0 ? (double)lcs(a->words, a->nwords, b->words, b->nwords) / (la > lb ? la : lb)
                   : 0.0;
  f[13] = fabs(log((la + 1.0) / (lb + 1.0)));
  double ua = (wa - ws) / 10.0, ub = (wb - ws) / 10.0;
  f[14] = ua < ub ? ua : ub;
  f[15] = ua < ub ? ub : ua;
  {
    /* Bigrams of content stems in sentence order. */
    uint32_t ba[RW_MAX_WORDS], bb[RW_MAX_WORDS];
    size_t na = 0, nb = 0;
    for (size_t i = 1; i < a->nseq; i++) ba[na++] = a->seq[i - 1] * 2654435761u ^ a->seq[i];
    for (size_t i = 1; i < b->nseq; i++) bb[nb++] = b->seq[i - 1] * 2654435761u ^ b->seq[i];
    na = uniq(ba, na);
    nb = uniq(bb, nb);
    f[16] = na + nb ? 2.0 * (double)shared(ba, na, bb, nb) / (double)(na + nb) : 0.0;
  }
  f[17] = a->negated != b->negated ? 1.0 : 0.0;
  {
    double sa = (double)a->nseq, sb = (double)b->nseq;
    f[18] = sa > 0 && sb > 0 ? (double)lcs(a->seq, a->nseq, b->seq, b->nseq) / (sa > sb ? sa : sb) : 0.0;
  }
  size_t ss = shared(a->stems, a->nstems, b->stems, b->nstems);
  f[19] = (double)(a->nstems + b->nstems - 2 * ss) / 10.0;
  f[20] = ngram_dice(a->words, a->nwords, b->words, b->nwords, 3);
  f[21] = ngram_dice(a->words, a->nwords, b->words, b->nwords, 4);
}

double ng_rw_prob(const double *f) {
  double z = ng_rw_bias;
  for (size_t i = 0; i < NG_RW_NFEAT; i++) z += ng_rw_weights[i] * f[i];
  return 1.0 / (1.0 + exp(-z));
}

static uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

void ng_minhash(uint32_t *sig, const uint32_t *words, size_t n) {
  for (size_t k = 0; k < NG_MINHASH; k++) sig[k] = 0xffffffffu;
  if (n < 4) {
    if (n == 0) return;
    /* Too short for a 4-shingle: the whole text is one shingle. */
  }
  size_t nsh = n >= 4 ? n - 3 : 1;
  for (size_t i = 0; i < nsh; i++) {
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (size_t k = i; k < i + 4 && k < n; k++) h = mix64(h ^ words[k]);
    for (size_t k = 0; k < NG_MINHASH; k++) {
      uint32_t v = (uint32_t)(mix64(h + (uint64_t)k * 0x9e3779b97f4a7c15ull) >> 32);
      if (v < sig[k]) sig[k] = v;
    }
  }
}

double ng_minhash_sim(const uint32_t *a, const uint32_t *b) {
  size_t same = 0, valid = 0;
  for (size_t k = 0; k < NG_MINHASH; k++) {
    if (a[k] == 0xffffffffu && b[k] == 0xffffffffu) continue;
    valid++;
    same += a[k] == b[k];
  }
  return valid ? (double)same / (double)valid : 0.0;
}

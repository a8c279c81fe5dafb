/* pairs.c - near copies and rewrites among the articles of each story.
 *
 * For two articles of a story: MinHash resemblance over word 4-shingles
 * (near copies), then sentence alignment: each sentence of the shorter
 * article is matched with the sentence of the other that the rewrite model
 * scores highest, among those sharing enough content stems (a cheap merge
 * filter in front of the model). The pair's score is the share of the
 * shorter article's sentences (at least 3) that are rewritten in the
 * other, or the resemblance for near copies. */
#include "set.h"

#include "../text/errors.h"
#include "../text/mem.h"

#include <stdlib.h>
#include <string.h>

#define PAIR_MEMBERS 40     /* articles of one story compared pairwise */
#define ALIGN_MIN_PROB 0.5  /* a sentence pair is a rewrite */
#define FILTER_JACCARD 0.15 /* stems shared before the model runs */
#define PAIR_MIN_SENTS 3

typedef struct aligned {
  const char *a, *b;
  double p;
} aligned;

struct ng_story_pairs {
  ng_arena arena;
  ng_story_pair *v;
  size_t n;
  aligned **al; /* per pair */
};

typedef struct pvec {
  ng_story_pair *v;
  aligned **al;
  size_t n, cap;
} pvec;

static double stem_jaccard(const ng_rw_sent *a, const ng_rw_sent *b) {
  size_t i = 0, j = 0, s = 0;
  while (i < a->nstems && j < b->nstems) {
    if (a->stems[i] == b->stems[j]) {
      s++;
      i++;
      j++;
    } else if (a->stems[i] < b->stems[j]) i++;
    else j++;
  }
  size_t u = a->nstems + b->nstems - s;
  return u ? (double)s / (double)u : 0.0;
}

/* Best rewrite in `b` of each sentence of `a` (the shorter). */
static size_t align(const ng_story_set *s, const ng_article *a,
                    const ng_article *b, aligned *out) {
  size_t n = 0;
  for (size_t i = 0; i < a->nsents; i++) {
    double best = 0.0;
    size_t bj = SIZE_MAX;
    for (size_t j = 0; j < b->nsents; j++) {
      if (stem_jaccard(&a->rw[i], &b->rw[j]) < FILTER_JACCARD) continue;
      double f[NG_RW_NFEAT];
      ng_rw_features(f, &a->rw[i], &b->rw[j], &s->terms, (double)s->ndf);
      double p = ng_rw_prob(f);
      if (p > best) {
        best = p;
        bj = j;
      }
    }
    if (bj != SIZE_MAX && best >= ALIGN_MIN_PROB) {
      out[n].a = a->sents[i].text;
      out[n].b = b->sents[bj].text;
      out[n].p = best;
      n++;
    }
  }
  return n;
}

static int cmp_pair(const void *pa, const void *pb) {
  const ng_story_pair *a = pa, *b = pb;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

int ng_story_pairs_find(ng_story_pairs **out, ng_story_set *s,
                        double min_score, ng_error *err) {
  if (!out || !s) return ng_fail(err, NG_EINVAL, "no story set", 0);
  *out = NULL;
  if (!(s->flags & NG_STORY_KEEP_SENTENCES))
    return ng_fail(err, NG_EINVAL, "the set keeps no sentences", 0);
  int rc = NG_OK;
  ng_arena ar;
  ng_arena_init(&ar, s->alc);
  ng_story_pairs *res = NULL;
  pvec pv = {NULL, NULL, 0, 0};
  aligned buf[64];
  NG_CHECK_ALLOC(res = ng_arena_calloc(&ar, 1, sizeof *res));
  for (size_t sid = 0; sid < s->nstories; sid++) {
    const ng_story *st = &s->stories[sid];
    size_t m = st->nmembers < PAIR_MEMBERS ? st->nmembers : PAIR_MEMBERS;
    for (size_t x = 0; x < m; x++)
      for (size_t y = x + 1; y < m; y++) {
        uint32_t ia = st->members[x], ib = st->members[y];
        const ng_article *a = &s->articles[ia], *b = &s->articles[ib];
        double res_ = ng_minhash_sim(a->sig, b->sig);
        const ng_article *sh = a->nsents <= b->nsents ? a : b;
        const ng_article *lo = sh == a ? b : a;
        size_t na = align(s, sh, lo, buf);
        /* Share of the shorter article rewritten, counting it as at least
         * PAIR_MIN_SENTS sentences: one shared sentence does not make a
         * two-line brief a rewrite. */
        double den = (double)(sh->nsents > PAIR_MIN_SENTS ? sh->nsents : PAIR_MIN_SENTS);
        double score = (double)na / den;
        if (res_ >= 0.8 && res_ > score) score = res_;
        if (score < min_score || score <= 0.0) continue;
        if (pv.n == pv.cap) {
          size_t cap = pv.cap ? pv.cap * 2 : 64;
          ng_story_pair *v = ng_mem_realloc(s->alc, pv.v, pv.cap * sizeof *v, cap * sizeof *v);
          NG_CHECK_ALLOC(v);
          pv.v = v;
          aligned **al = ng_mem_realloc(s->alc, pv.al, pv.cap * sizeof *al, cap * sizeof *al);
          NG_CHECK_ALLOC(al);
          pv.al = al;
          pv.cap = cap;
        }
        ng_story_pair *p = &pv.v[pv.n];
        p->a = ia < ib ? ia : ib;
        p->b = ia < ib ? ib : ia;
        p->score = score;
        p->resemblance = res_;
        p->aligned = na;
        aligned *copy = ng_arena_calloc(&ar, na + 1, sizeof *copy);
        NG_CHECK_ALLOC(copy);
        /* Sentence texts are copied: the pairs outlive nothing. */
        for (size_t k = 0; k < na; k++) {
          bool a_first = sh == a ? ia < ib : ib < ia;
          const char *ta = a_first ? buf[k].a : buf[k].b;
          const char *tb = a_first ? buf[k].b : buf[k].a;
          copy[k].a = ng_arena_strndup(&ar, ta, strlen(ta));
          copy[k].b = ng_arena_strndup(&ar, tb, strlen(tb));
          NG_CHECK_ALLOC(copy[k].a && copy[k].b);
          copy[k].p = buf[k].p;
        }
        pv.al[pv.n] = copy;
        pv.n++;
      }
  }
  if (pv.n) {
    NG_CHECK_ALLOC(res->v = ng_arena_calloc(&ar, pv.n, sizeof *res->v));
    NG_CHECK_ALLOC(res->al = ng_arena_calloc(&ar, pv.n, sizeof *res->al));
    /* Sort the pairs; each carries its original index in the bits of
     * `aligned` above 8 (at most 64 alignments) to find its sentences. */
    if (pv.n) memcpy(res->v, pv.v, pv.n * sizeof *pv.v);
    for (size_t i = 0; i < pv.n; i++) res->v[i].aligned = (i << 8) | res->v[i].aligned;
    if (pv.n) qsort(res->v, pv.n, sizeof *res->v, cmp_pair);
    for (size_t i = 0; i < pv.n; i++) {
      size_t orig = res->v[i].aligned >> 8;
      res->v[i].aligned &= 0xffu;
      res->al[i] = pv.al[orig];
    }
    res->n = pv.n;
  }
  res->arena = ar;
  *out = res;
  res = NULL;
done:
  if (rc) ng_arena_dispose(&ar);
  ng_mem_free(s->alc, pv.v, pv.cap * sizeof *pv.v);
  ng_mem_free(s->alc, pv.al, pv.cap * sizeof *pv.al);
  return rc;
}

void ng_story_pairs_free(ng_story_pairs *p) {
  if (!p) return;
  ng_arena a = p->arena;
  ng_arena_dispose(&a);
}

size_t ng_story_pairs_count(const ng_story_pairs *p) { return p ? p->n : 0; }

const ng_story_pair *ng_story_pairs_at(const ng_story_pairs *p, size_t i) {
  return p && i < p->n ? &p->v[i] : NULL;
}

int ng_story_pairs_aligned(const ng_story_pairs *p, size_t i, size_t k,
                           const char **a, const char **b, double *score) {
  if (!p || i >= p->n || k >= p->v[i].aligned) return NG_EINVAL;
  if (a) *a = p->al[i][k].a;
  if (b) *b = p->al[i][k].b;
  if (score) *score = p->al[i][k].p;
  return NG_OK;
}

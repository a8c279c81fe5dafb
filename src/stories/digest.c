/* digest.c - a multi-article summary of one story.
 *
 * Candidate sentences are the first DIGEST_LEAD sentences of each article
 * (news states its facts early). Each gets a score: IDF-weighted cosine
 * with the story's centroid (how central its content is) times a position
 * prior. With several articles, the list is then reordered so that the
 * sentences covering the most concepts that several sources share come
 * first (order_by_concepts). Picking goes down the list and skips a
 * sentence that states a fact already picked (the rewrite model says so,
 * or most of its content stems are already covered), so each fact is
 * quoted once, from the sentence that states it best. The picks are then
 * put in time order: article date, then the order articles were added,
 * then position. */
#include "set.h"

#include "../text/errors.h"
#include "../text/lexicon.h"
#include "../text/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DIGEST_ARTICLES 50
#define DIGEST_LEAD 12
#define MIN_WORDS 6
#define MAX_WORDS 70
#define REPEAT_CONTAINMENT 0.5
/* Concept ordering (order_by_concepts): the position discount per
 * sentence, and how many candidates are put in concept order for a
 * digest of n sentences (the picking skips repeats and sentences over
 * the word budget, so it may read past n). */
#define CONCEPT_POSITION 0.1
#define CONCEPT_ROUNDS(n) (2 * (n) + 8)

struct ng_digest {
  ng_arena arena;
  char *headline;
  size_t headline_len;
  ng_digest_item *items;
  size_t n;
};

typedef struct cand {
  uint32_t article, sent;
  double score;
} cand;

static int cmp_cand(const void *pa, const void *pb) {
  const cand *a = pa, *b = pb;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  if (a->article != b->article) return a->article < b->article ? -1 : 1;
  return a->sent < b->sent ? -1 : a->sent > b->sent;
}


static int cmp_time(const void *pa, const void *pb, const ng_story_set *s) {
  const ng_digest_item *a = pa, *b = pb;
  int32_t da = s->articles[a->article].date, db = s->articles[b->article].date;
  if (da != db && da != INT32_MIN && db != INT32_MIN) return da < db ? -1 : 1;
  if (a->article != b->article) return a->article < b->article ? -1 : 1;
  return a->sentence < b->sentence ? -1 : a->sentence > b->sentence;
}

/* ---- Concepts: content stem bigrams shared across articles ---- */

typedef struct concept {
  uint64_t key;
  uint32_t df;      /* articles that say it */
  uint32_t covered; /* by a picked sentence */
  uint32_t seen;    /* stamp of the last sentence that counted it */
} concept;

typedef struct kv {
  uint64_t key;
  uint32_t article;
} kv;

static int cmp_kv(const void *pa, const void *pb) {
  const kv *a = pa, *b = pb;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return a->article < b->article ? -1 : a->article > b->article;
}

static concept *concept_find(concept *c, size_t n, uint64_t key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && c[lo].key == key ? &c[lo] : NULL;
}

static inline uint64_t bigram(const ng_rw_sent *r, size_t q) {
  return (uint64_t)r->seq[q] << 32 | r->seq[q + 1];
}

/* Weight of r's concepts not yet covered, each counted once; with
 * `cover`, marks them covered. */
static double concept_gain(concept *c, size_t n, const ng_rw_sent *r, uint32_t *stamp,
                           bool cover) {
  double g = 0;
  ++*stamp;
  for (size_t q = 0; q + 1 < r->nseq; q++) {
    concept *x = concept_find(c, n, bigram(r, q));
    if (!x) continue;
    if (x->df >= 2 && !x->covered && x->seen != *stamp) g += (double)x->df;
    x->seen = *stamp;
    if (cover) x->covered = 1;
  }
  return g;
}

/* Reorders the candidates cs[0..nc) (in centroid order) so that the
 * first ones cover the most concepts: greedily, the candidate with the
 * most uncovered concept weight per word, discounted by its position
 * (news states its facts early), then the next, up to a few more than
 * the digest can take; the rest keep the centroid order. A concept is a
 * bigram of content stems; its weight is the number of the story's
 * articles that say it, and one said by a single article weighs nothing,
 * so a one-article story keeps the centroid order. Why: the facts that
 * several sources report are the story's core (the idea of Gillick and
 * Favre's concept coverage for multi-document summaries, here greedy);
 * on DUC 2006 dev, ROUGE-2 recall 0.0758 -> 0.0799 (BENCHMARKS). */
static int order_by_concepts(const ng_story_set *s, const ng_story *st, size_t m, cand *cs,
                             size_t nc, size_t max_sentences) {
  size_t total = 0;
  for (size_t k = 0; k < m; k++) {
    const ng_article *a = &s->articles[st->members[k]];
    for (size_t i = 0; i < a->nsents; i++) total += a->rw[i].nseq;
  }
  /* Scratch, freed here: the digest's arena keeps only what it returns. */
  size_t cap = total + 1;
  kv *pairs = ng_mem_alloc(s->alc, cap * sizeof *pairs);
  concept *con = ng_mem_alloc(s->alc, cap * sizeof *con);
  if (!pairs || !con) {
    ng_mem_free(s->alc, pairs, cap * sizeof *pairs);
    ng_mem_free(s->alc, con, cap * sizeof *con);
    return NG_ENOMEM;
  }
  size_t np = 0, ncon = 0;
  for (size_t k = 0; k < m; k++) {
    const ng_article *a = &s->articles[st->members[k]];
    for (size_t i = 0; i < a->nsents; i++)
      for (size_t q = 0; q + 1 < a->rw[i].nseq; q++) {
        pairs[np].key = bigram(&a->rw[i], q);
        pairs[np++].article = (uint32_t)k;
      }
  }
  qsort(pairs, np, sizeof *pairs, cmp_kv);
  for (size_t i = 0; i < np; i++) {
    if (ncon && con[ncon - 1].key == pairs[i].key) {
      if (pairs[i].article != pairs[i - 1].article) con[ncon - 1].df++;
    } else {
      con[ncon++] = (concept){pairs[i].key, 1, 0, 0};
    }
  }
  ng_mem_free(s->alc, pairs, cap * sizeof *pairs);
  uint32_t stamp = 0;
  size_t rounds = nc < CONCEPT_ROUNDS(max_sentences) ? nc : CONCEPT_ROUNDS(max_sentences);
  for (size_t done = 0; done < rounds; done++) {
    double best_gain = 0;
    size_t best = done;
    for (size_t i = done; i < nc; i++) {
      const ng_rw_sent *r = &s->articles[cs[i].article].rw[cs[i].sent];
      double g = concept_gain(con, ncon, r, &stamp, false) / (double)(r->nwords + 1) /
                 (1.0 + CONCEPT_POSITION * (double)cs[i].sent);
      if (g > best_gain) {
        best_gain = g;
        best = i;
      }
    }
    if (best_gain <= 0) break;
    cand t = cs[best];
    memmove(cs + done + 1, cs + done, (best - done) * sizeof *cs);
    cs[done] = t;
    concept_gain(con, ncon, &s->articles[t.article].rw[t.sent], &stamp, true);
  }
  ng_mem_free(s->alc, con, cap * sizeof *con);
  return NG_OK;
}

/* Share of b's content stems already in a. */
static double covered(const ng_rw_sent *a, const ng_rw_sent *b) {
  size_t i = 0, j = 0, sh = 0;
  while (i < a->nstems && j < b->nstems) {
    if (a->stems[i] == b->stems[j]) {
      sh++;
      i++;
      j++;
    } else if (a->stems[i] < b->stems[j]) i++;
    else j++;
  }
  return b->nstems ? (double)sh / (double)b->nstems : 1.0;
}

/* Does the sentence open with a word that points back ("He", "That")?
 * Out of its article such a sentence does not stand alone. */
static bool dangling(const char *t, size_t n) {
  size_t i = 0;
  while (i < n && (t[i] == ' ' || t[i] == '"' || t[i] == '(')) i++;
  size_t j = i;
  while (j < n && j - i < 15 && ((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z'))) j++;
  char w[16];
  size_t k = 0;
  for (size_t q = i; q < j && k < sizeof w - 1; q++)
    w[k++] = (char)(t[q] >= 'A' && t[q] <= 'Z' ? t[q] - 'A' + 'a' : t[q]);
  if (k == 0) return false;
  if (ng_lex_has(NG_LEX_dangling_en, w, k)) return true;
  /* "In that interview", "At the same time": a connective phrase. */
  return k == 2 && memcmp(w, "in", 2) == 0 && j + 5 < n && memcmp(t + j, " that", 5) == 0;
}

int ng_story_digest(ng_digest **out, ng_story_set *s, size_t sid,
                    size_t max_sentences, size_t max_words, ng_error *err) {
  if (!out || !s) return ng_fail(err, NG_EINVAL, "no story set", 0);
  *out = NULL;
  if (sid >= s->nstories) return ng_fail(err, NG_EINVAL, "no such story", 0);
  if (!(s->flags & NG_STORY_KEEP_SENTENCES))
    return ng_fail(err, NG_EINVAL, "the set keeps no sentences", 0);
  if (max_sentences == 0) max_sentences = 5;
  if (max_sentences > 64) max_sentences = 64;
  int rc = NG_OK;
  ng_arena ar;
  ng_arena_init(&ar, s->alc);
  cand *cs = NULL;
  size_t nc = 0, ccap = 0;
  ng_digest *d = NULL;
  ng_tw *tmp = NULL;
  size_t tmpcap = 0;
  NG_CHECK_ALLOC(d = ng_arena_calloc(&ar, 1, sizeof *d));
  const ng_story *st = &s->stories[sid];
  size_t m = st->nmembers < DIGEST_ARTICLES ? st->nmembers : DIGEST_ARTICLES;
  ccap = m * DIGEST_LEAD + 1;
  NG_CHECK_ALLOC(cs = ng_mem_alloc(s->alc, ccap * sizeof *cs));
  for (size_t k = 0; k < m; k++) {
    const ng_article *a = &s->articles[st->members[k]];
    for (size_t i = 0; i < a->nsents && i < DIGEST_LEAD; i++) {
      const ng_rw_sent *r = &a->rw[i];
      if (r->nwords < MIN_WORDS || r->nwords > MAX_WORDS) continue;
      if (dangling(a->sents[i].text, a->sents[i].len)) continue;
      if (r->nstems > tmpcap) {
        ng_tw *t = ng_mem_realloc(s->alc, tmp, tmpcap * sizeof *t, r->nstems * sizeof *t);
        NG_CHECK_ALLOC(t);
        tmp = t;
        tmpcap = r->nstems;
      }
      for (size_t q = 0; q < r->nstems; q++) {
        tmp[q].term = r->stems[q];
        tmp[q].w = 1.0f;
      }
      double c = ng_set_cosine_story(s, tmp, r->nstems, sid);
      cs[nc].article = st->members[k];
      cs[nc].sent = (uint32_t)i;
      cs[nc].score = c / (1.0 + 0.2 * (double)i);
      nc++;
    }
  }
  if (nc) qsort(cs, nc, sizeof *cs, cmp_cand);
  /* (It fails only for want of memory.) */
  if (nc > 1) NG_CHECK_ALLOC(order_by_concepts(s, st, m, cs, nc, max_sentences) == NG_OK);
  NG_CHECK_ALLOC(d->items = ng_arena_calloc(&ar, max_sentences, sizeof *d->items));
  const ng_rw_sent *picked[64];
  size_t words = 0;
  for (size_t i = 0; i < nc && d->n < max_sentences; i++) {
    const ng_article *a = &s->articles[cs[i].article];
    const ng_rw_sent *r = &a->rw[cs[i].sent];
    /* A sentence that would pass the word budget is skipped, not cut; a
     * shorter one further down may still fit. */
    if (max_words && words + r->nwords > max_words) continue;
    bool repeat = false;
    for (size_t k = 0; k < d->n && !repeat; k++) {
      double f[NG_RW_NFEAT];
      ng_rw_features(f, picked[k], r, &s->terms, (double)s->ndf);
      /* The same fact: a rewrite, or half of either sentence's content
       * (IDF-weighted) already in the other. */
      if (ng_rw_prob(f) >= 0.5 || f[5] >= REPEAT_CONTAINMENT || covered(picked[k], r) >= 0.6)
        repeat = true;
    }
    if (repeat) continue;
    ng_digest_item *it = &d->items[d->n];
    it->article = cs[i].article;
    it->sentence = a->sents[cs[i].sent].index;
    NG_CHECK_ALLOC(it->text = ng_arena_strndup(&ar, a->sents[cs[i].sent].text,
                                               a->sents[cs[i].sent].len));
    it->len = a->sents[cs[i].sent].len;
    picked[d->n++] = r;
    words += r->nwords;
  }
  /* Time order (insertion sort: at most 64 items). */
  for (size_t i = 1; i < d->n; i++) {
    ng_digest_item x = d->items[i];
    size_t j = i;
    while (j > 0 && cmp_time(&d->items[j - 1], &x, s) > 0) {
      d->items[j] = d->items[j - 1];
      j--;
    }
    d->items[j] = x;
  }
  size_t hl = 0;
  const char *h = ng_story_headline(s, sid, &hl);
  NG_CHECK_ALLOC(d->headline = ng_arena_strndup(&ar, h ? h : "", h ? hl : 0));
  d->headline_len = h ? hl : 0;
  d->arena = ar;
  *out = d;
  d = NULL;
done:
  if (rc) ng_arena_dispose(&ar);
  ng_mem_free(s->alc, cs, ccap * sizeof *cs);
  ng_mem_free(s->alc, tmp, tmpcap * sizeof *tmp);
  return rc;
}

void ng_digest_free(ng_digest *d) {
  if (!d) return;
  ng_arena a = d->arena;
  ng_arena_dispose(&a);
}

const char *ng_digest_headline(const ng_digest *d, size_t *len) {
  if (!d) return NULL;
  if (len) *len = d->headline_len;
  return d->headline;
}

size_t ng_digest_count(const ng_digest *d) { return d ? d->n : 0; }

const ng_digest_item *ng_digest_at(const ng_digest *d, size_t i) {
  return d && i < d->n ? &d->items[i] : NULL;
}

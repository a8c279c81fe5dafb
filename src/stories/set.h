/* set.h - the story set's layout (shared by set.c, score.c, reshape.c,
 * pairs.c and digest.c).
 *
 *   articles[i]  id, title, date, story, vec (top terms: {id, log tf}),
 *                kept sentences + their rewrite features, MinHash
 *   stories[s]   members (in arrival order), centroid (sorted by term),
 *                indexed terms, merged entities, cached headline, the
 *                size at which it is next tried for a split; stories are
 *                split, merged and renumbered (the last one fills a gap)
 *   post[term]   stories that hold the term (inverted index)
 *   terms        global term ids; counters are document frequencies
 *   tinfo[term]  cached IDF, class and year of a term */
#ifndef NG_STORIES_SET_H
#define NG_STORIES_SET_H

#include "stories.h"

#include <math.h>

#define TOUCH_MAX 4096
#define RW_ARTICLE_WORDS 4096

typedef struct ng_tw {
  uint32_t term;
  float w;
} ng_tw;

typedef struct ng_kept {
  const char *text;
  size_t len;
  uint32_t index; /* sentence index in the article */
} ng_kept;

typedef struct ng_article {
  char *id;
  size_t idlen;
  char *title;
  size_t titlelen;
  bool own_title; /* a title line, not the first sentence standing in */
  int32_t date;   /* days since 1970, or INT32_MIN */
  uint32_t story;
  ng_tw *vec; /* sorted by term */
  size_t nvec;
  ng_kept *sents; /* NG_STORY_KEEP_SENTENCES only */
  ng_rw_sent *rw;
  size_t nsents;
  uint32_t sig[NG_MINHASH];
} ng_article;

typedef struct ng_story {
  uint32_t *members;
  size_t nmembers, mcap;
  ng_tw *cent;
  size_t ncent, ccap;
  uint32_t *indexed;
  size_t nindexed, icap;
  ng_entity *ents;
  uint32_t *entok;
  size_t nents, ecap;
  int32_t first_date, last_date;
  size_t next_split; /* members at the next split test */
  const char *headline;
  size_t headline_len;
} ng_story;

/* Per global term, what scoring asks again and again: the IDF (kept
 * while the term's count is unchanged and the corpus has grown by under
 * 1/64 since), its class and the year it names. Counting an article's
 * terms clears their ndf, so the check needs no read of the count (one
 * cache line per term in the scoring loops, not two). */
typedef struct ng_tinfo {
  float idf;
  uint32_t ndf; /* corpus size when idf was computed; 0: not yet, or the
                   term's count changed since */
  int16_t year; /* -1: not known yet */
  uint8_t cls;  /* 0xff: not known yet */
} ng_tinfo;

/* The event score's model: logistic weights over NG_EVENT_NFEAT features
 * (score.c) plus a bias, and the four decision thresholds.
 * Every set starts from the shipped model (src/stories/event_weights.inc,
 * written by tools/train-events); the training tool swaps it to
 * cross-validate. */
#define NG_EVENT_NFEAT 17
typedef struct ng_event_model {
  double w[NG_EVENT_NFEAT + 1];
  double join; /* the set's default threshold (options may override it) */
  double split, merge, rejoin;
} ng_event_model;

/* Training hooks (tools/train-events; NULL in normal use). pair_fn sees
 * the features of every article-candidate pair scored at a join; when
 * oracle_fn is set, the article joins the story it returns (UINT32_MAX: a
 * new story) and no story is merged or split, so story ids stay in order
 * of creation. */
typedef void (*ng_event_pair_fn)(void *user, const double *f, size_t article,
                                 uint32_t story);
typedef uint32_t (*ng_event_oracle_fn)(void *user, size_t article);

typedef struct ng_posting {
  uint32_t *v;
  uint32_t n, cap;
} ng_posting;

struct ng_story_set {
  ng_ctx *ctx;
  const ng_allocator *alc;
  unsigned flags;
  double threshold;
  bool event; /* event-level score (event_score) rather than one cosine */
  size_t max_terms;
  ng_arena arena;
  ng_strmap terms;
  size_t ndf; /* articles counted in the document frequencies */
  ng_article *articles;
  size_t narticles, acap;
  ng_story *stories;
  size_t nstories, scap;
  ng_posting *post;
  size_t npost, npostcap;
  float *acc;   /* per story, zero between adds */
  size_t sweep; /* the next story a second look tries (set.c) */
  size_t acccap;
  uint32_t touch[TOUCH_MAX];
  ng_tw *scratch;
  size_t scratchcap;
  ng_tinfo *tinfo; /* by term id, up to ntinfo */
  size_t ntinfo, tinfocap;
  ng_event_model model;
  ng_event_pair_fn pair_fn;
  ng_event_oracle_fn oracle_fn;
  void *hook_user;
};

/* The shipped event model. */
extern const ng_event_model ng_event_model_default;

/* Features of an article vector (sorted by term) against a centroid of
 * `members` articles, as the event score reads them. */
void ng_event_features(double *f, const ng_story_set *s, const ng_tw *a,
                       size_t an, const ng_tw *c, size_t cn, size_t members);

/* IDF of a global term with the current statistics. */
double ng_set_idf(const ng_story_set *s, uint32_t term);

/* IDF-weighted cosine of a sorted vector with story sid's centroid. */
double ng_set_cosine_story(const ng_story_set *s, const ng_tw *v, size_t n,
                           size_t sid);

/* ---- Inside the library: what set.c, score.c and reshape.c share ------ */

/* Up to this many stories are scored for each article (set.c), and a
 * small story's second look gathers as many per member (reshape.c). */
#define NG_SET_CANDIDATES 12
/* Only the stories the article itself scored at least this against are
 * tried for a merge: the others are unlikely partners, and each try
 * compares two centroids of up to 600 terms twice. */
#define NG_SET_MERGE_FLOOR 0.2

/* Term classes of the event score (score.c): names, numbers and dates
 * are what differ between two events of one kind. */
enum { TC_WORD, TC_NUM, TC_NAME, TC_DATE, TC_COUNT };

static inline double idf_now(const ng_story_set *s, uint32_t term) {
  double N = (double)s->ndf;
  double df = term < s->terms.n ? s->terms.count[term] : 0.0;
  if (df > N) df = N;
  return log((N + 1.0) / (df + 1.0)) + 1.0;
}

/* ng_set_idf, inline for the scoring loops (one call per centroid term
 * per candidate). */
static inline double set_idf(const ng_story_set *s, uint32_t term) {
  if (term >= s->ntinfo) return idf_now(s, term);
  /* The cache is scratch, not state: s stays logically const. */
  ng_tinfo *c = &s->tinfo[term];
  if (!c->ndf || (s->ndf - c->ndf) * 64 > s->ndf) {
    c->idf = (float)idf_now(s, term);
    c->ndf = (uint32_t)s->ndf;
  }
  return c->idf;
}

/* The year a number term names (1900-2099), else 0. */
static inline int term_year_now(const ng_story_set *s, uint32_t t) {
  const char *x = s->terms.strs[t];
  if (s->terms.lens[t] != 4 || !(x[0] == '1' || x[0] == '2')) return 0;
  int y = 0;
  for (int k = 0; k < 4; k++) {
    if (x[k] < '0' || x[k] > '9') return 0;
    y = y * 10 + (x[k] - '0');
  }
  return y >= 1900 && y <= 2099 ? y : 0;
}

static inline int term_class_now(const ng_story_set *s, uint32_t t) {
  const char *x = s->terms.strs[t];
  if (x[0] == '#') return x[1] == 'd' ? TC_DATE : TC_NAME;
  if (x[0] >= '0' && x[0] <= '9') return TC_NUM;
  return TC_WORD;
}

static inline int term_year(const ng_story_set *s, uint32_t t) {
  if (t >= s->ntinfo) return term_year_now(s, t);
  ng_tinfo *c = &s->tinfo[t];
  if (c->year < 0) c->year = (int16_t)term_year_now(s, t);
  return c->year;
}

static inline int term_class(const ng_story_set *s, uint32_t t) {
  if (t >= s->ntinfo) return term_class_now(s, t);
  ng_tinfo *c = &s->tinfo[t];
  if (c->cls == 0xff) c->cls = (uint8_t)term_class_now(s, t);
  return c->cls;
}

/* Is a global term an entity or date key ("#n:...", "#d:...")? Asked of
 * the cached class, which is read with the IDF, rather than of the
 * term's string, elsewhere in memory. */
static inline bool is_key(const ng_story_set *s, uint32_t term) {
  return term_class(s, term) >= TC_NAME;
}

/* What the event score reads of an article's own terms (IDF, class,
 * latest year), looked up once when the article is scored against all of
 * its candidates: the same values as looked up term by term. */
typedef struct ev_prep {
  const double *idf;
  const uint8_t *cls;
  int year;
} ev_prep;

/* score.c: the two scores of an article against a story. */
void ng_set_prep_article(ev_prep *p, double *idf, uint8_t *cls,
                         const ng_story_set *s, const ng_tw *a, size_t an);
/* Event score of an article vector (sorted by term) against a centroid c
 * (the sum of `members` unit vectors); pre may be NULL. */
double ng_set_event_score(const ng_story_set *s, const ng_tw *a, size_t an,
                          const ev_prep *pre, const ng_tw *c, size_t cn,
                          size_t members);
/* IDF-weighted similarity of an article vector and a centroid (both
 * sorted by term). */
double ng_set_cosine(const ng_story_set *s, const ng_tw *a, size_t an,
                     const ng_tw *c, size_t cn);

/* set.c: growing arrays, term vectors, a story's centroid and entities,
 * candidate stories. */
int ng_set_grow(const ng_allocator *alc, void **p, size_t *cap, size_t need,
                size_t item);
void ng_set_sort_tw(ng_tw *v, size_t n, bool by_w);
int ng_set_absorb(ng_story_set *s, uint32_t sid, const ng_tw *v, size_t n);
int ng_set_add_entities(ng_story_set *s, ng_story *st, const ng_entities *e);
size_t ng_set_candidates(ng_story_set *s, const ng_tw *vec, size_t nvec,
                         uint32_t skip, bool all, uint32_t *cand);

/* Widens story st's date range to take in an article's date (days, or
 * INT32_MIN: none). */
static inline void story_span_date(ng_story *st, int32_t date) {
  if (date == INT32_MIN) return;
  if (st->first_date == INT32_MIN || date < st->first_date)
    st->first_date = date;
  if (st->last_date == INT32_MIN || date > st->last_date) st->last_date = date;
}

/* reshape.c: a story split in two, two stories merged, a small story
 * looked at again. */
int ng_set_maybe_split(ng_story_set *s, uint32_t sid);
int ng_set_maybe_merge(ng_story_set *s, uint32_t sid, const uint32_t *cand,
                       size_t ncand, bool adopt);
int ng_set_second_look(ng_story_set *s, uint32_t skip);

#endif

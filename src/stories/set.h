/* set.h - the story set's layout (shared by set.c, pairs.c, digest.c).
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
  int32_t date; /* days since 1970, or INT32_MIN */
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
 * (set.c event_features) plus a bias, and the four decision thresholds.
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
  float *acc; /* per story, zero between adds */
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

#endif

/* set.c - the story set: incremental single-pass grouping.
 *
 * Each article becomes a sparse vector of log term frequencies over global
 * term ids: stems of content words, numbers, and entity keys ("#p:lkshnk",
 * "#d:2024-06-25") counted twice per mention, since names, places and dates
 * are what tell one earthquake from another. Document frequencies are
 * counted as articles arrive; IDF is applied when comparing, so early
 * articles are not stuck with early statistics.
 *
 *   article --top terms--> inverted index (term -> stories that hold it)
 *           --> candidate stories (shared weight, long lists skipped)
 *           --> IDF-weighted cosine with each candidate's centroid
 *           --> join the best if >= threshold, else start a story
 *
 * A story's centroid is the sum of its articles' unit vectors, pruned to
 * its heaviest NG_CENTROID_MAX terms, so both the index and the comparison
 * cost are bounded per article: adding is about constant time. */
#include "stories.h"

#include "../text/ctx.h"
#include "../text/errors.h"
#include "../text/lang.h"
#include "../text/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "set.h"

#define ARTICLE_TERMS 100 /* default max_terms */
#define MAX_TERMS_LIMIT 4096
#define CENTROID_MAX 300
#define CANDIDATES 12
#define ENTITY_BOOST 1.0
#ifndef KEY_SHARE
#define KEY_SHARE 0.5
#endif
#define STORY_ENTITIES 256
#define KEEP_SENTENCES 64
#define TITLE_MAX 200

/* Default join threshold: event level (set once on ECB+ dev and the
 * samples; see BENCHMARKS.md). Broad topics want about 0.12. */
#define DEFAULT_THRESHOLD 0.25

static int grow(const ng_allocator *alc, void **p, size_t *cap, size_t need,
                size_t item) {
  if (need <= *cap) return NG_OK;
  size_t nc = *cap ? *cap : 8;
  while (nc < need) nc *= 2;
  void *q = ng_mem_realloc(alc, *p, *cap * item, nc * item);
  if (!q) return NG_ENOMEM;
  *p = q;
  *cap = nc;
  return NG_OK;
}

int ng_story_set_new(ng_story_set **out, ng_ctx *ctx,
                     const ng_story_options *opts, ng_error *err) {
  if (!out || !ctx) return ng_fail(err, NG_EINVAL, "no context", 0);
  *out = NULL;
  if (opts && (opts->version != NG_STORY_OPTIONS_VERSION || !(opts->threshold >= 0.0) ||
               opts->threshold > 1.0 || opts->max_terms > MAX_TERMS_LIMIT))
    return ng_fail(err, NG_EINVAL, "bad story options", 0);
  ng_story_set *s = ng_mem_alloc(&ctx->alc, sizeof *s);
  if (!s) return ng_fail(err, NG_ENOMEM, "out of memory", 0);
  memset(s, 0, sizeof *s);
  s->ctx = ctx;
  s->alc = &ctx->alc;
  s->flags = opts ? opts->flags : 0;
  s->threshold = opts && opts->threshold > 0.0 ? opts->threshold : DEFAULT_THRESHOLD;
  s->max_terms = opts && opts->max_terms ? opts->max_terms : ARTICLE_TERMS;
  ng_arena_init(&s->arena, s->alc);
  ng_strmap_init(&s->terms, s->alc);
  *out = s;
  return NG_OK;
}

void ng_story_set_free(ng_story_set *s) {
  if (!s) return;
  const ng_allocator *alc = s->alc;
  for (size_t i = 0; i < s->nstories; i++) {
    ng_story *st = &s->stories[i];
    ng_mem_free(alc, st->members, st->mcap * sizeof *st->members);
    ng_mem_free(alc, st->cent, st->ccap * sizeof *st->cent);
    ng_mem_free(alc, st->indexed, st->icap * sizeof *st->indexed);
    ng_mem_free(alc, st->ents, st->ecap * sizeof *st->ents);
    ng_mem_free(alc, st->entok, st->ecap * sizeof *st->entok);
  }
  for (size_t t = 0; t < s->npost; t++)
    ng_mem_free(alc, s->post[t].v, s->post[t].cap * sizeof(uint32_t));
  ng_mem_free(alc, s->post, s->npostcap * sizeof *s->post);
  ng_mem_free(alc, s->stories, s->scap * sizeof *s->stories);
  ng_mem_free(alc, s->articles, s->acap * sizeof *s->articles);
  ng_mem_free(alc, s->acc, s->acccap * sizeof *s->acc);
  ng_mem_free(alc, s->scratch, s->scratchcap * sizeof *s->scratch);
  ng_strmap_dispose(&s->terms);
  ng_arena_dispose(&s->arena);
  ng_mem_free(alc, s, sizeof *s);
}

double ng_set_idf(const ng_story_set *s, uint32_t term) {
  double N = (double)s->ndf;
  double df = term < s->terms.n ? s->terms.count[term] : 0.0;
  if (df > N) df = N;
  return log((N + 1.0) / (df + 1.0)) + 1.0;
}

static int cmp_tw_w(const void *pa, const void *pb) {
  const ng_tw *a = pa, *b = pb;
  if (a->w != b->w) return a->w < b->w ? 1 : -1;
  return a->term < b->term ? -1 : a->term > b->term;
}

static int cmp_tw_term(const void *pa, const void *pb) {
  const ng_tw *a = pa, *b = pb;
  return a->term < b->term ? -1 : a->term > b->term;
}

/* Is a global term an entity or date key ("#n:...", "#d:...")? */
static bool is_key(const ng_story_set *s, uint32_t term) {
  return s->terms.strs[term][0] == '#';
}

/* IDF-weighted similarity of an article vector and a centroid (both
 * sorted by term): the mean of the cosine over words and the cosine over
 * entity and date keys, so that shared names count as much as all shared
 * words together (when either side has no keys, words alone). */
static double cosine(const ng_story_set *s, const ng_tw *a, size_t an,
                     const ng_tw *c, size_t cn) {
  double dot[2] = {0, 0}, na[2] = {0, 0}, nc[2] = {0, 0};
  size_t i = 0, j = 0;
  while (i < an || j < cn) {
    if (j >= cn || (i < an && a[i].term < c[j].term)) {
      double w = a[i].w * ng_set_idf(s, a[i].term);
      na[is_key(s, a[i].term)] += w * w;
      i++;
    } else if (i >= an || c[j].term < a[i].term) {
      double w = c[j].w * ng_set_idf(s, c[j].term);
      nc[is_key(s, c[j].term)] += w * w;
      j++;
    } else {
      double idf = ng_set_idf(s, a[i].term);
      double x = a[i].w * idf, y = c[j].w * idf;
      int k = is_key(s, a[i].term);
      dot[k] += x * y;
      na[k] += x * x;
      nc[k] += y * y;
      i++;
      j++;
    }
  }
  double words = na[0] > 0 && nc[0] > 0 ? dot[0] / sqrt(na[0] * nc[0]) : 0.0;
  if (!(na[1] > 0 && nc[1] > 0)) return words;
  double keys = dot[1] / sqrt(na[1] * nc[1]);
  return KEY_SHARE * keys + (1.0 - KEY_SHARE) * words;
}

static int post_add(ng_story_set *s, uint32_t term, uint32_t story) {
  if (term >= s->npost) {
    size_t need = term + 1;
    if (need > s->npostcap) {
      size_t old = s->npostcap;
      int rc = grow(s->alc, (void **)&s->post, &s->npostcap, need, sizeof *s->post);
      if (rc) return rc;
      memset(s->post + old, 0, (s->npostcap - old) * sizeof *s->post);
    }
    s->npost = need;
  }
  ng_posting *p = &s->post[term];
  size_t cap = p->cap;
  int rc = grow(s->alc, (void **)&p->v, &cap, (size_t)p->n + 1, sizeof(uint32_t));
  if (rc) return rc;
  p->cap = (uint32_t)cap;
  p->v[p->n++] = story;
  return NG_OK;
}

/* Adds the article's terms to story st's centroid and the index. */
static int story_absorb(ng_story_set *s, uint32_t sid, const ng_tw *v, size_t n) {
  ng_story *st = &s->stories[sid];
  double norm = 0;
  for (size_t i = 0; i < n; i++) norm += v[i].w * v[i].w;
  norm = norm > 0 ? sqrt(norm) : 1.0;
  /* Merge two sorted lists into scratch. */
  int rc = grow(s->alc, (void **)&s->scratch, &s->scratchcap, st->ncent + n, sizeof *s->scratch);
  if (rc) return rc;
  size_t i = 0, j = 0, o = 0;
  while (i < st->ncent || j < n) {
    if (j >= n || (i < st->ncent && st->cent[i].term < v[j].term)) {
      s->scratch[o++] = st->cent[i++];
    } else if (i >= st->ncent || v[j].term < st->cent[i].term) {
      s->scratch[o].term = v[j].term;
      s->scratch[o++].w = (float)(v[j].w / norm);
      j++;
    } else {
      s->scratch[o].term = v[j].term;
      s->scratch[o++].w = (float)(st->cent[i].w + v[j].w / norm);
      i++;
      j++;
    }
  }
  if (o > 2 * CENTROID_MAX) {
    if (o) qsort(s->scratch, o, sizeof *s->scratch, cmp_tw_w);
    o = CENTROID_MAX;
    if (o) qsort(s->scratch, o, sizeof *s->scratch, cmp_tw_term);
  }
  rc = grow(s->alc, (void **)&st->cent, &st->ccap, o, sizeof *st->cent);
  if (rc) return rc;
  if (o) memcpy(st->cent, s->scratch, o * sizeof *st->cent);
  st->ncent = o;
  /* Index the article's terms that the story does not hold yet. */
  for (size_t k = 0; k < n; k++) {
    uint32_t t = v[k].term;
    size_t lo = 0, hi = st->nindexed;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (st->indexed[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo < st->nindexed && st->indexed[lo] == t) continue;
    rc = grow(s->alc, (void **)&st->indexed, &st->icap, st->nindexed + 1, sizeof *st->indexed);
    if (rc) return rc;
    memmove(st->indexed + lo + 1, st->indexed + lo, (st->nindexed - lo) * sizeof *st->indexed);
    st->indexed[lo] = t;
    st->nindexed++;
    rc = post_add(s, t, sid);
    if (rc) return rc;
  }
  return NG_OK;
}

static int cmp_ent_score(const void *pa, const void *pb) {
  const ng_entity *a = pa, *b = pb;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  if (a->kind != b->kind) return (int)a->kind - (int)b->kind;
  return strcmp(a->key, b->key);
}

static int story_add_entities(ng_story_set *s, ng_story *st, const ng_entities *e) {
  for (size_t i = 0; i < e->n; i++) {
    const ng_entity *x = &e->items[i];
    if (x->kind > NG_ENTITY_OTHER) continue;
    size_t ntok = 1;
    for (const char *p = x->name; *p; p++) ntok += *p == ' ';
    size_t k = 0;
    for (; k < st->nents; k++)
      if (strcmp(st->ents[k].key + 2, x->key + 2) == 0) break;
    if (k < st->nents) {
      ng_entity *y = &st->ents[k];
      y->mentions += x->mentions;
      y->score += (double)x->mentions;
      /* A typed kind beats "other"; a fuller name beats a short one. */
      if (y->kind == NG_ENTITY_OTHER && x->kind != NG_ENTITY_OTHER) {
        /* The key is copied: x lives in the article's entities, freed
         * when the add returns. */
        char *k2 = ng_arena_strndup(&s->arena, x->key, strlen(x->key));
        if (!k2) return NG_ENOMEM;
        y->kind = x->kind;
        y->key = k2;
      }
      if (ntok > st->entok[k]) {
        char *nm = ng_arena_strndup(&s->arena, x->name, strlen(x->name));
        if (!nm) return NG_ENOMEM;
        y->name = nm;
        st->entok[k] = (uint32_t)ntok;
      }
      continue;
    }
    if (st->nents >= STORY_ENTITIES) continue;
    size_t cap = st->ecap;
    int rc = grow(s->alc, (void **)&st->ents, &cap, st->nents + 1, sizeof *st->ents);
    if (rc) return rc;
    if (cap != st->ecap) {
      size_t c2 = st->ecap;
      rc = grow(s->alc, (void **)&st->entok, &c2, cap, sizeof *st->entok);
      if (rc) return rc;
      st->ecap = cap;
    }
    ng_entity *y = &st->ents[st->nents];
    *y = *x;
    y->first.off = y->first.len = 0;
    y->score = (double)x->mentions;
    y->name = ng_arena_strndup(&s->arena, x->name, strlen(x->name));
    y->key = ng_arena_strndup(&s->arena, x->key, strlen(x->key));
    if (!y->name || !y->key) return NG_ENOMEM;
    st->entok[st->nents++] = (uint32_t)ntok;
  }
  /* Most mentioned first, so getters only read (entok follows the names). */
  if (st->nents) qsort(st->ents, st->nents, sizeof *st->ents, cmp_ent_score);
  for (size_t k = 0; k < st->nents; k++) {
    uint32_t nt = 1;
    for (const char *p = st->ents[k].name; *p; p++) nt += *p == ' ';
    st->entok[k] = nt;
  }
  return NG_OK;
}


/* Keeps up to KEEP_SENTENCES body sentences for pairs and digests. */
static int keep_sentences(ng_story_set *s, ng_article *a, const ng_doc *doc) {
  size_t n = 0;
  for (size_t i = 0; i < doc->nsent && n < KEEP_SENTENCES; i++)
    if (!(doc->sents[i].flags & NG_SENT_FURNITURE)) n++;
  a->sents = ng_arena_calloc(&s->arena, n + 1, sizeof *a->sents);
  a->rw = ng_arena_calloc(&s->arena, n + 1, sizeof *a->rw);
  if (!a->sents || !a->rw) return NG_ENOMEM;
  uint32_t allw[RW_ARTICLE_WORDS];
  size_t nw = 0;
  for (size_t i = 0; i < doc->nsent && a->nsents < n; i++) {
    const ng_sent *st = &doc->sents[i];
    if (st->flags & NG_SENT_FURNITURE) continue;
    /* Line breaks inside a sentence become spaces. */
    char *t = ng_arena_strndup(&s->arena, doc->text + st->off, st->len);
    if (!t) return NG_ENOMEM;
    for (char *p = t; *p; p++)
      if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    a->sents[a->nsents].text = t;
    a->sents[a->nsents].len = st->len;
    a->sents[a->nsents].index = (uint32_t)i;
    int rc = ng_rw_prepare(&a->rw[a->nsents], &s->arena, s->ctx, &s->terms,
                           doc->lang, t, st->len);
    if (rc) return rc;
    const ng_rw_sent *r = &a->rw[a->nsents];
    for (size_t k = 0; k < r->nwords && nw < RW_ARTICLE_WORDS; k++) allw[nw++] = r->words[k];
    a->nsents++;
  }
  ng_minhash(a->sig, allw, nw);
  return NG_OK;
}

int ng_story_set_add(ng_story_set *s, const ng_doc *doc, const char *id,
                     size_t id_len, const char *date, size_t date_len,
                     size_t *story, ng_error *err) {
  if (!s || !doc) return ng_fail(err, NG_EINVAL, "no set or document", 0);
  if (s->narticles >= UINT32_MAX - 1) return ng_fail(err, NG_ETOOBIG, "too many articles", 0);
  int rc = NG_OK;
  ng_entities *ents = NULL;
  uint32_t *tf = NULL;
  size_t tfcap = 0;
  ng_tw *vec = NULL;
  size_t nvec = 0, cap = 0;
  const ng_allocator *alc = s->alc;

  /* Term frequencies over doc-local ids, then global ids. */
  if (doc->nterm) NG_CHECK_ALLOC(tf = ng_mem_alloc(alc, (tfcap = doc->nterm) * sizeof *tf));
  if (tf) memset(tf, 0, tfcap * sizeof *tf);
  for (size_t i = 0; i < doc->nsent; i++) {
    const ng_sent *st = &doc->sents[i];
    if (st->flags & NG_SENT_FURNITURE) continue;
    for (uint32_t k = st->tok_begin; k < st->tok_end; k++) {
      const ng_tok *t = &doc->toks[k];
      if (t->term >= doc->nterm || (doc->terms[t->term].flags & NG_TOK_STOP)) continue;
      if (!(t->flags & (NG_TOK_ALPHA | NG_TOK_DIGIT | NG_TOK_IDEO))) continue;
      if (t->len < 2 && !(t->flags & (NG_TOK_DIGIT | NG_TOK_IDEO))) continue;
      tf[t->term]++;
    }
  }
  for (size_t k = doc->title_tok_begin; k < doc->title_tok_end; k++) {
    const ng_tok *t = &doc->toks[k];
    if (t->term < doc->nterm && !(doc->terms[t->term].flags & NG_TOK_STOP) &&
        (t->flags & (NG_TOK_ALPHA | NG_TOK_DIGIT)))
      tf[t->term]++;
  }
  NG_TRY(ng_entities_extract(&ents, s->ctx, doc, date, date_len, err));
  for (size_t k = 0; k < doc->nterm; k++) cap += tf[k] > 0;
  cap += ents->n;
  NG_CHECK_ALLOC(vec = ng_mem_alloc(alc, (cap + 1) * sizeof *vec));
  for (size_t k = 0; k < doc->nterm; k++) {
    if (!tf[k]) continue;
    uint32_t g;
    NG_TRY(ng_strmap_intern(&s->terms, doc->terms[k].str, doc->terms[k].len, &g));
    vec[nvec].term = g;
    vec[nvec++].w = (float)(1.0 + log((double)tf[k]));
  }
  for (size_t i = 0; i < ents->n; i++) {
    const ng_entity *e = &ents->items[i];
    char key[200];
    size_t kl;
    if (e->kind <= NG_ENTITY_OTHER) {
      /* Kind-free name key: "Reid" as other and as a person agree. */
      kl = (size_t)snprintf(key, sizeof key, "#n:%s", e->key + 2);
    } else if (e->kind == NG_ENTITY_DATE && e->key[0]) {
      kl = (size_t)snprintf(key, sizeof key, "#d:%s", e->key);
    } else {
      continue;
    }
    if (kl >= sizeof key) kl = sizeof key - 1;
    uint32_t g;
    NG_TRY(ng_strmap_intern(&s->terms, key, kl, &g));
    vec[nvec].term = g;
    vec[nvec++].w = (float)(ENTITY_BOOST * (1.0 + log((double)e->mentions)));
  }
  /* Entity keys may repeat a stem's id? No: '#' never starts a stem. But two
   * entities can share a name key (person and other): merge duplicates. */
  if (nvec) qsort(vec, nvec, sizeof *vec, cmp_tw_term);
  {
    size_t o = 0;
    for (size_t i = 0; i < nvec; i++) {
      if (o && vec[o - 1].term == vec[i].term) {
        if (vec[i].w > vec[o - 1].w) vec[o - 1].w = vec[i].w;
      } else {
        vec[o++] = vec[i];
      }
    }
    nvec = o;
  }
  /* Corpus statistics first, so this article's terms have a DF. */
  for (size_t i = 0; i < nvec; i++) s->terms.count[vec[i].term]++;
  s->ndf++;
  /* Keep the heaviest terms. */
  for (size_t i = 0; i < nvec; i++) vec[i].w = (float)(vec[i].w * ng_set_idf(s, vec[i].term));
  if (nvec) qsort(vec, nvec, sizeof *vec, cmp_tw_w);
  if (nvec > s->max_terms) nvec = s->max_terms;
  for (size_t i = 0; i < nvec; i++) vec[i].w = (float)(vec[i].w / ng_set_idf(s, vec[i].term));

  /* Candidate stories through the index, heaviest terms first. */
  NG_TRY(grow(alc, (void **)&s->acc, &s->acccap, s->nstories + 1, sizeof *s->acc));
  uint32_t cand[64];
  size_t ncand = 0;
  uint32_t pending_story;
  int32_t pending_days;
  {
    size_t touched = 0;
    size_t longest = 200 + s->nstories / 20; /* lists longer are stop terms */
    for (size_t i = 0; i < nvec; i++) {
      uint32_t t = vec[i].term;
      if (t >= s->npost) continue;
      const ng_posting *p = &s->post[t];
      if (p->n > longest) continue;
      double w = vec[i].w * ng_set_idf(s, t);
      for (uint32_t k = 0; k < p->n; k++) {
        uint32_t sid = p->v[k];
        if (s->acc[sid] == 0.0f) {
          if (touched < TOUCH_MAX) s->touch[touched++] = sid;
          else continue;
        }
        s->acc[sid] += (float)w;
      }
    }
    /* The CANDIDATES best by accumulated weight. */
    for (size_t i = 0; i < touched; i++) {
      uint32_t sid = s->touch[i];
      float w = s->acc[sid];
      if (ncand < CANDIDATES) {
        cand[ncand++] = sid;
      } else {
        size_t worst = 0;
        for (size_t k = 1; k < ncand; k++)
          if (s->acc[cand[k]] < s->acc[cand[worst]]) worst = k;
        if (w > s->acc[cand[worst]]) cand[worst] = sid;
      }
    }
    if (nvec) qsort(vec, nvec, sizeof *vec, cmp_tw_term);
    double best = 0.0;
    uint32_t bsid = UINT32_MAX;
    int32_t days = ng_date_days(date, date_len);
    for (size_t i = 0; i < ncand; i++) {
      const ng_story *st = &s->stories[cand[i]];
      double sim = cosine(s, vec, nvec, st->cent, st->ncent);
      /* One event is reported within days: far dates halve similarity. */
      if (days != INT32_MIN && st->last_date != INT32_MIN &&
          (days > st->last_date + 7 || days < st->first_date - 7))
        sim *= 0.5;
      if (sim > best || (sim == best && cand[i] < bsid)) {
        best = sim;
        bsid = cand[i];
      }
    }
    for (size_t i = 0; i < touched; i++) s->acc[s->touch[i]] = 0.0f;
    if (bsid == UINT32_MAX || best < s->threshold) bsid = UINT32_MAX;
    pending_story = bsid;
    pending_days = days;
  }
  /* Record the article: first every allocation that can fail, so a
   * failure leaves no half-added article. */
  {
    NG_TRY(grow(alc, (void **)&s->articles, &s->acap, s->narticles + 1, sizeof *s->articles));
    NG_TRY(grow(alc, (void **)&s->stories, &s->scap, s->nstories + 1, sizeof *s->stories));
    NG_TRY(grow(alc, (void **)&s->acc, &s->acccap, s->nstories + 2, sizeof *s->acc));
    uint32_t sid = pending_story;
    if (sid != UINT32_MAX) {
      ng_story *st = &s->stories[sid];
      NG_TRY(grow(alc, (void **)&st->members, &st->mcap, st->nmembers + 1, sizeof *st->members));
    }
    ng_article *a = &s->articles[s->narticles];
    memset(a, 0, sizeof *a);
    char idbuf[32];
    if (!id) {
      id_len = (size_t)snprintf(idbuf, sizeof idbuf, "%zu", s->narticles);
      id = idbuf;
    }
    NG_CHECK_ALLOC(a->id = ng_arena_strndup(&s->arena, id, id_len));
    a->idlen = id_len;
    ng_span ts = doc->title;
    if (ts.len == 0 && doc->nsent) {
      ts.off = doc->sents[0].off;
      ts.len = doc->sents[0].len;
    }
    size_t tl = ts.len;
    if (tl > TITLE_MAX) {
      tl = TITLE_MAX;
      while (tl > 0 && ((unsigned char)doc->text[ts.off + tl] & 0xc0) == 0x80) tl--;
    }
    NG_CHECK_ALLOC(a->title = ng_arena_strndup(&s->arena, doc->text + ts.off, tl));
    for (char *p = a->title; *p; p++)
      if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    a->titlelen = tl;
    a->date = pending_days;
    NG_CHECK_ALLOC(a->vec = ng_arena_calloc(&s->arena, nvec + 1, sizeof *a->vec));
    if (nvec) memcpy(a->vec, vec, nvec * sizeof *vec);
    a->nvec = nvec;
    if (s->flags & NG_STORY_KEEP_SENTENCES) {
      rc = keep_sentences(s, a, doc);
      if (rc) {
        ng_fail(err, rc, "out of memory", 0);
        goto done;
      }
    }
    if (sid == UINT32_MAX) {
      sid = (uint32_t)s->nstories;
      memset(&s->stories[sid], 0, sizeof s->stories[sid]);
      s->stories[sid].first_date = s->stories[sid].last_date = INT32_MIN;
      s->acc[sid] = 0.0f;
      NG_CHECK_ALLOC(s->stories[sid].members = ng_mem_alloc(alc, 4 * sizeof(uint32_t)));
      s->stories[sid].mcap = 4;
      s->nstories++;
    }
    ng_story *st = &s->stories[sid];
    a->story = sid;
    st->members[st->nmembers++] = (uint32_t)s->narticles;
    s->narticles++;
    if (a->date != INT32_MIN) {
      if (st->first_date == INT32_MIN || a->date < st->first_date) st->first_date = a->date;
      if (st->last_date == INT32_MIN || a->date > st->last_date) st->last_date = a->date;
    }
    rc = story_absorb(s, sid, vec, nvec);
    if (rc == NG_OK) rc = story_add_entities(s, st, ents);
    if (rc) {
      ng_fail(err, rc, "out of memory", 0);
      goto done;
    }
    st->headline = NULL;
    if (story) *story = sid;
  }
done:
  ng_mem_free(alc, vec, (cap + 1) * sizeof *vec);
  ng_mem_free(alc, tf, tfcap * sizeof *tf);
  ng_entities_free(ents);
  return rc;
}

size_t ng_story_set_article_count(const ng_story_set *s) { return s ? s->narticles : 0; }

const char *ng_story_set_article_id(const ng_story_set *s, size_t i, size_t *len) {
  if (!s || i >= s->narticles) return NULL;
  if (len) *len = s->articles[i].idlen;
  return s->articles[i].id;
}

const char *ng_story_set_article_title(const ng_story_set *s, size_t i, size_t *len) {
  if (!s || i >= s->narticles) return NULL;
  if (len) *len = s->articles[i].titlelen;
  return s->articles[i].title;
}

size_t ng_story_set_article_story(const ng_story_set *s, size_t i) {
  return s && i < s->narticles ? s->articles[i].story : (size_t)-1;
}

size_t ng_story_set_count(const ng_story_set *s) { return s ? s->nstories : 0; }

size_t ng_story_size(const ng_story_set *s, size_t st) {
  return s && st < s->nstories ? s->stories[st].nmembers : 0;
}

size_t ng_story_article(const ng_story_set *s, size_t st, size_t k) {
  if (!s || st >= s->nstories || k >= s->stories[st].nmembers) return (size_t)-1;
  return s->stories[st].members[k];
}

const char *ng_story_headline(ng_story_set *s, size_t sid, size_t *len) {
  if (!s || sid >= s->nstories) return NULL;
  ng_story *st = &s->stories[sid];
  if (!st->headline) {
    /* The title of the member closest to the centroid (first 50). */
    double best = -1.0;
    uint32_t ba = st->members[0];
    for (size_t k = 0; k < st->nmembers && k < 50; k++) {
      const ng_article *a = &s->articles[st->members[k]];
      double c = cosine(s, a->vec, a->nvec, st->cent, st->ncent);
      if (a->titlelen == 0) c -= 1.0;
      if (c > best) {
        best = c;
        ba = st->members[k];
      }
    }
    st->headline = s->articles[ba].title;
    st->headline_len = s->articles[ba].titlelen;
  }
  if (len) *len = st->headline_len;
  return st->headline;
}

size_t ng_story_entity_count(const ng_story_set *s, size_t sid) {
  return s && sid < s->nstories ? s->stories[sid].nents : 0;
}

const ng_entity *ng_story_entity(const ng_story_set *s, size_t sid, size_t i) {
  if (!s || sid >= s->nstories || i >= s->stories[sid].nents) return NULL;
  const ng_story *st = &s->stories[sid];
  return &st->ents[i];
}

double ng_set_cosine_story(const ng_story_set *s, const ng_tw *v, size_t n, size_t sid) {
  const ng_story *st = &s->stories[sid];
  return cosine(s, v, n, st->cent, st->ncent);
}

int ng_story_rewrite_score(double *out, ng_story_set *s, const char *a,
                           size_t alen, const char *b, size_t blen,
                           ng_error *err) {
  if (!out || !s || (!a && alen) || (!b && blen))
    return ng_fail(err, NG_EINVAL, "bad arguments", 0);
  int rc = ng_utf8_check(a, alen, err);
  if (rc) return rc;
  if ((rc = ng_utf8_check(b, blen, err))) return rc;
  ng_arena ar;
  ng_arena_init(&ar, s->alc);
  ng_rw_sent ra, rb;
  ng_lang lang = ng_lang_detect(a, alen);
  if (lang == NG_LANG_UNKNOWN) lang = NG_LANG_EN;
  rc = ng_rw_prepare(&ra, &ar, s->ctx, &s->terms, lang, a, alen);
  if (rc == NG_OK) rc = ng_rw_prepare(&rb, &ar, s->ctx, &s->terms, lang, b, blen);
  if (rc == NG_OK) {
    double f[NG_RW_NFEAT];
    ng_rw_features(f, &ra, &rb, &s->terms, (double)s->ndf);
    *out = ng_rw_prob(f);
  } else {
    ng_fail(err, rc, "out of memory", 0);
  }
  ng_arena_dispose(&ar);
  return rc;
}

/* stories.c - the reader's stories: one story set (nutgraf.h) over the
 * stored articles, for the story pages and the API.
 *
 * The set lives in memory. A thread started with the server builds it
 * from the store in id order, and after that every request first adds
 * the articles stored since (whoever stored them: the API, `nutgraf
 * ingest`, another server), so adding an article never re-reads the
 * others. The set is not thread-safe and the server answers on several
 * threads: one mutex guards it, with its own context and database
 * connection. While a large store is first read, story pages and the
 * story API answer 503 (try again shortly) and article pages leave out
 * their story box, rather than wait.
 *
 * The set keeps no sentences, so its memory is what grouping needs (about
 * 1.3 kB an article). A story page's digest is made when asked for, from
 * a small set of that story's first articles read again from the store
 * (DIGEST_ARTICLES): a few milliseconds per page, against some 30 kB an
 * article to keep every sentence of the store in memory.
 *
 * A story is named by the id of its first article (the lowest): story
 * indexes move as stories merge and split, article ids do not. Asking for
 * any member's id finds the story. */
#include "server.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Articles read from the store per query while catching up. */
#define SYNC_BATCH 256
/* Entities shown per story. */
#define STORY_ENTITIES 12
/* Digest length on the story page, and how many of the story's articles
 * (the first to arrive) it reads. */
#define DIGEST_SENTENCES 6
#define DIGEST_ARTICLES 50

typedef struct member {
  int64_t id;
  char *title, *date; /* the store's, for the timeline */
} member;

struct ng_stories {
  pthread_mutex_t lock;
  char *db_path;
  ng_store *store; /* opened on first use */
  ng_ctx *ctx;
  ng_story_set *set;
  member *members; /* by set article index */
  size_t nmembers, cap;
  int64_t last_id; /* highest article id added */
  bool broken;     /* a database error: answer 503 until restart */
  pthread_t builder;
  atomic_bool building; /* builder started (joined in ng_stories_free) */
  atomic_bool ready;  /* the store has been read once: later waits are short */
  atomic_bool stop;   /* shutting down: the builder stops between articles */
};

int ng_stories_new(ng_stories **out, const char *db_path) {
  *out = NULL;
  ng_stories *s = calloc(1, sizeof *s);
  if (!s || !(s->db_path = strdup(db_path))) {
    free(s);
    return -1;
  }
  pthread_mutex_init(&s->lock, NULL);
  *out = s;
  return 0;
}

static int sync_locked(ng_stories *s);

static void *build(void *arg) {
  ng_stories *s = arg;
  pthread_mutex_lock(&s->lock);
  sync_locked(s);
  /* Done, or failed: either way no longer busy (a failure then answers
   * "could not be read"). */
  atomic_store(&s->ready, true);
  pthread_mutex_unlock(&s->lock);
  return NULL;
}

void ng_stories_start(ng_stories *s) {
  /* Set first: request threads read it (a thread that fails to start
   * clears it, and requests then read the store themselves). */
  if (!s || atomic_exchange(&s->building, true)) return;
  if (pthread_create(&s->builder, NULL, build, s) != 0) atomic_store(&s->building, false);
}

bool ng_stories_busy(ng_stories *s) {
  return s && atomic_load(&s->building) && !atomic_load(&s->ready);
}

void ng_stories_free(ng_stories *s) {
  if (!s) return;
  atomic_store(&s->stop, true);
  if (atomic_load(&s->building)) pthread_join(s->builder, NULL);
  for (size_t i = 0; i < s->nmembers; i++) {
    free(s->members[i].title);
    free(s->members[i].date);
  }
  free(s->members);
  ng_story_set_free(s->set);
  ng_ctx_free(s->ctx);
  ng_store_close(s->store);
  pthread_mutex_destroy(&s->lock);
  free(s->db_path);
  free(s);
}

/* ---- catching up with the store ------------------------------------ */

typedef struct sync_state {
  ng_stories *s;
  int failed; /* out of memory, or shutting down */
  int64_t seen;
} sync_state;

/* The document of stored article `id`, made as `nutgraf stories` makes it
 * from the same page: extracted again from the stored raw bytes (so the
 * server's stories are the command's), or, when those are gone, parsed
 * from the stored title and body (read only then). *keep or *own holds
 * what the document lives in. */
static int doc_of(ng_stories *s, int64_t id, ng_article **keep, ng_doc **own, const ng_doc **doc) {
  ng_raw raw;
  *keep = NULL;
  *own = NULL;
  *doc = NULL;
  int rc = NG_EEMPTY;
  ng_stored row;
  if (ng_store_raw(s->store, id, &raw) == 1) {
    /* Read as at ingest (the stored kind, not sniffed again). */
    ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
    eo.url = raw.url;
    eo.kind = raw.kind;
    eo.charset = raw.charset;
    rc = ng_extract(keep, s->ctx, raw.data, raw.len, &eo, NULL);
    if (rc == NG_OK && !(*doc = ng_article_doc(*keep))) rc = NG_EEMPTY;
  } else if (ng_store_get(s->store, id, true, &row) == 1) {
    const char *title = row.title ? row.title : "", *body = row.body ? row.body : "";
    size_t tl = strlen(title), bl = strlen(body);
    char *text = malloc(tl + bl + 3);
    if (text) {
      memcpy(text, title, tl);
      memcpy(text + tl, "\n\n", 2);
      memcpy(text + tl + 2, body, bl + 1);
      rc = ng_doc_parse(own, s->ctx, text, tl + bl + 2, NULL, NULL);
      *doc = *own;
    } else {
      rc = NG_ENOMEM;
    }
    free(text);
    ng_stored_dispose(&row);
  }
  ng_raw_dispose(&raw);
  return rc;
}

/* A stored date as the set reads it: the day of an ISO 8601 date, or
 * none. */
static size_t day_len(const char *date) { return date && strlen(date) >= 10 ? 10 : 0; }

/* Adds one stored article with its stored date. An article the library
 * cannot read is skipped (it has a page of its own, just no story). */
static void add_row(const ng_stored *row, const char *snippet, void *user) {
  (void)snippet;
  sync_state *st = user;
  ng_stories *s = st->s;
  st->seen = row->id;
  if (st->failed || atomic_load(&s->stop)) {
    st->failed = 1;
    return;
  }
  if (s->nmembers == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 256;
    member *m = realloc(s->members, cap * sizeof *m);
    if (!m) {
      st->failed = 1;
      return;
    }
    s->members = m;
    s->cap = cap;
  }
  ng_article *keep = NULL;
  ng_doc *own = NULL;
  const ng_doc *doc = NULL;
  int rc = doc_of(s, row->id, &keep, &own, &doc);
  char id[24];
  snprintf(id, sizeof id, "%lld", (long long)row->id);
  size_t dl = day_len(row->date);
  if (rc == NG_OK)
    rc = ng_story_set_add(s->set, doc, id, strlen(id), dl ? row->date : NULL, dl, NULL, NULL);
  ng_article_free(keep);
  ng_doc_free(own);
  if (rc == NG_ENOMEM) st->failed = 1;
  if (rc != NG_OK) return;
  member *m = &s->members[s->nmembers++];
  m->id = row->id;
  m->title = row->title ? strdup(row->title) : NULL;
  m->date = row->date ? strdup(row->date) : NULL;
}

/* Opens what the set needs on first use, then adds every article stored
 * since the last call. Under the lock. Returns 0, or -1 (database or
 * memory: the stories are then unavailable). */
static int sync_locked(ng_stories *s) {
  if (s->broken) return -1;
  if (!s->set) {
    char why[256];
    ng_story_options so = NG_STORY_OPTIONS_INIT;
    if (ng_store_open(&s->store, s->db_path, why, sizeof why) || ng_ctx_new(&s->ctx, NULL, NULL) ||
        ng_story_set_new(&s->set, s->ctx, &so, NULL)) {
      s->broken = true;
      return -1;
    }
  }
  for (;;) {
    sync_state st = {s, 0, s->last_id};
    int n = ng_store_after(s->store, s->last_id, SYNC_BATCH, add_row, &st);
    if (n < 0 || st.failed) {
      s->broken = true;
      return -1;
    }
    s->last_id = st.seen;
    if (n < SYNC_BATCH) {
      atomic_store(&s->ready, true);
      return 0;
    }
  }
}

/* ---- views --------------------------------------------------------- */

/* Set index of the article with store id `id`, or SIZE_MAX (members are
 * in id order). */
static size_t member_of(const ng_stories *s, int64_t id) {
  size_t lo = 0, hi = s->nmembers;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->members[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < s->nmembers && s->members[lo].id == id ? lo : SIZE_MAX;
}

static char *dup_or_empty(const char *x) { return strdup(x ? x : ""); }

/* Timeline order: dated articles by date, then by id; undated last. */
static int cmp_timeline(const void *pa, const void *pb) {
  const ng_story_member *a = pa, *b = pb;
  bool da = a->date && *a->date, db = b->date && *b->date;
  if (da != db) return da ? -1 : 1;
  int c = da ? strcmp(a->date, b->date) : 0;
  if (c) return c;
  return a->id < b->id ? -1 : a->id > b->id;
}

void ng_story_view_dispose(ng_story_view *v) {
  free(v->headline);
  for (size_t i = 0; i < v->narticles; i++) {
    free(v->articles[i].title);
    free(v->articles[i].date);
  }
  free(v->articles);
  for (size_t i = 0; i < v->nentities; i++) free(v->entities[i].name);
  free(v->entities);
  for (size_t i = 0; i < v->ndigest; i++) free(v->digest[i].text);
  free(v->digest);
  memset(v, 0, sizeof *v);
}

/* The digest of story k into v: its first DIGEST_ARTICLES articles, read
 * again from the store into a set of their own that keeps sentences (as
 * one story: NG_STORY_ONE), and that story's digest. Returns 0 or -1 (memory). */
static int digest_of(ng_stories *s, size_t k, ng_story_view *v) {
  size_t n = ng_story_size(s->set, k);
  if (n > DIGEST_ARTICLES) n = DIGEST_ARTICLES;
  int64_t ids[DIGEST_ARTICLES];
  ng_story_options so = NG_STORY_OPTIONS_INIT;
  so.flags |= NG_STORY_ONE | NG_STORY_KEEP_SENTENCES;
  ng_story_set *one = NULL;
  if (ng_story_set_new(&one, s->ctx, &so, NULL)) return -1;
  int rc = NG_OK;
  size_t added = 0;
  for (size_t i = 0; i < n && rc != NG_ENOMEM; i++) {
    const member *m = &s->members[ng_story_article(s->set, k, i)];
    ng_article *keep = NULL;
    ng_doc *own = NULL;
    const ng_doc *doc = NULL;
    rc = doc_of(s, m->id, &keep, &own, &doc);
    size_t dl = day_len(m->date);
    if (rc == NG_OK) rc = ng_story_set_add(one, doc, NULL, 0, dl ? m->date : NULL, dl, NULL, NULL);
    if (rc == NG_OK) ids[added++] = m->id;
    ng_article_free(keep);
    ng_doc_free(own);
  }
  ng_digest *d = NULL;
  if (rc != NG_ENOMEM && ng_story_set_count(one))
    rc = ng_story_digest(&d, one, 0, DIGEST_SENTENCES, 0, NULL);
  size_t nd = d ? ng_digest_count(d) : 0;
  v->digest = calloc(nd ? nd : 1, sizeof *v->digest);
  for (size_t i = 0; v->digest && i < nd; i++) {
    const ng_digest_item *it = ng_digest_at(d, i);
    v->digest[v->ndigest].article = ids[it->article];
    if (!(v->digest[v->ndigest++].text = strndup(it->text, it->len))) break;
  }
  bool ok = rc != NG_ENOMEM && v->digest && v->ndigest == nd;
  ng_digest_free(d);
  ng_story_set_free(one);
  return ok ? 0 : -1;
}

/* Fills v for story index k; with `full`, its entities and digest too.
 * Returns 0 or -1 (memory). */
static int view_of(ng_stories *s, size_t k, bool full, ng_story_view *v) {
  memset(v, 0, sizeof *v);
  ng_story_set *set = s->set;
  size_t n = ng_story_size(set, k);
  v->articles = calloc(n ? n : 1, sizeof *v->articles);
  v->headline = dup_or_empty(ng_story_headline(set, k, NULL));
  if (!v->articles || !v->headline) goto fail;
  /* A story lists its articles in arrival order, which is id order. */
  v->id = n ? s->members[ng_story_article(set, k, 0)].id : 0;
  v->newest = n ? s->members[ng_story_article(set, k, n - 1)].id : 0;
  for (size_t i = 0; i < n; i++) {
    const member *m = &s->members[ng_story_article(set, k, i)];
    ng_story_member *a = &v->articles[v->narticles++];
    a->id = m->id;
    a->title = dup_or_empty(m->title);
    a->date = m->date ? strdup(m->date) : NULL;
    if (!a->title || (m->date && !a->date)) goto fail;
  }
  qsort(v->articles, v->narticles, sizeof *v->articles, cmp_timeline);
  if (!full) return 0;
  size_t ne = ng_story_entity_count(set, k);
  if (ne > STORY_ENTITIES) ne = STORY_ENTITIES;
  v->entities = calloc(ne ? ne : 1, sizeof *v->entities);
  if (!v->entities) goto fail;
  for (size_t i = 0; i < ne; i++) {
    const ng_entity *e = ng_story_entity(set, k, i);
    v->entities[v->nentities].kind = ng_entity_kind_name(e->kind);
    if (!(v->entities[v->nentities++].name = dup_or_empty(e->name))) goto fail;
  }
  if (digest_of(s, k, v)) goto fail;
  return 0;
fail:
  ng_story_view_dispose(v);
  return -1;
}

int ng_stories_get(ng_stories *s, int64_t article_id, bool full, bool wait, ng_story_view *out) {
  memset(out, 0, sizeof *out);
  /* Once the store has been read, every wait is short: only the first
   * reading of a large store is worth not waiting for. */
  if (wait || atomic_load(&s->ready)) pthread_mutex_lock(&s->lock);
  else if (pthread_mutex_trylock(&s->lock) != 0) return -1;
  int rc = sync_locked(s);
  if (rc == 0) {
    size_t m = member_of(s, article_id);
    if (m == SIZE_MAX) rc = 0;
    else rc = view_of(s, ng_story_set_article_story(s->set, m), full, out) ? -1 : 1;
  }
  pthread_mutex_unlock(&s->lock);
  return rc;
}

int ng_stories_related(ng_stories *s, int64_t article_id, size_t max, ng_related *out,
                       size_t *n) {
  *n = 0;
  if (atomic_load(&s->ready)) pthread_mutex_lock(&s->lock);
  else if (pthread_mutex_trylock(&s->lock) != 0) return -1;
  int rc = sync_locked(s);
  if (rc == 0) {
    size_t m = member_of(s, article_id);
    size_t st[NG_STORY_RELATED_MAX];
    size_t k = m == SIZE_MAX ? 0 : ng_story_set_related(s->set, m, st, NULL, max);
    rc = m == SIZE_MAX ? 0 : 1;
    for (size_t j = 0; j < k && rc == 1; j++) {
      /* The story's newest article: members are in arrival order, ids
       * grow with it, so the last one. */
      size_t size = ng_story_size(s->set, st[j]);
      const member *nm = &s->members[ng_story_article(s->set, st[j], size - 1)];
      out[*n].id = nm->id;
      if (!(out[*n].title = dup_or_empty(nm->title))) rc = -1;
      else (*n)++;
    }
  }
  pthread_mutex_unlock(&s->lock);
  return rc;
}

typedef struct ranked {
  size_t story;
  int64_t newest;
} ranked;

static int cmp_ranked(const void *pa, const void *pb) {
  const ranked *a = pa, *b = pb;
  return a->newest > b->newest ? -1 : a->newest < b->newest;
}

int ng_stories_list(ng_stories *s, size_t min_size, int64_t offset, int64_t limit, int64_t *total,
                    ng_story_view_fn fn, void *user) {
  *total = 0;
  pthread_mutex_lock(&s->lock);
  int rc = sync_locked(s);
  size_t n = rc == 0 ? ng_story_set_count(s->set) : 0;
  ranked *r = rc == 0 ? malloc((n ? n : 1) * sizeof *r) : NULL;
  if (rc == 0 && !r) rc = -1;
  size_t nr = 0;
  for (size_t k = 0; r && k < n; k++) {
    size_t size = ng_story_size(s->set, k);
    if (size == 0 || size < min_size) continue;
    /* The latest article is the last listed (arrival order). */
    r[nr++] = (ranked){k, s->members[ng_story_article(s->set, k, size - 1)].id};
  }
  /* Newest first: the story that last had an article added. */
  if (r) qsort(r, nr, sizeof *r, cmp_ranked);
  *total = (int64_t)nr;
  for (int64_t i = offset; r && i < offset + limit && i < (int64_t)nr; i++) {
    ng_story_view v;
    if (view_of(s, r[i].story, false, &v)) {
      rc = -1;
      break;
    }
    fn(&v, user);
    ng_story_view_dispose(&v);
  }
  free(r);
  pthread_mutex_unlock(&s->lock);
  return rc;
}

/* server.h - what the server's files (and `nutgraf serve` / `nutgraf
 * ingest`) share. The server is a front end like the CLI: it includes only
 * nutgraf.h, never a private src/ header. SQLite and libmicrohttpd types
 * stay inside store.c and http.c; everything here is opaque or plain C.
 *
 *   cli/cmd_serve.c  --> ng_server_start/stop (http.c)
 *                          |  per request: route table (routes.c)
 *                          |  a worker = {ng_ctx, ng_store} from a free list
 *                          v
 *   cli/cmd_ingest.c --> ng_store_ingest (store.c) --> ng_extract + SQLite
 *   routes.c ----------> web.c (HTML pages, embedded assets)
 */
#ifndef NG_SERVER_H
#define NG_SERVER_H

#include "nutgraf.h"

#include <stdbool.h>
#include <stdint.h>

/* ---- store (store.c) ------------------------------------------------ */

/* One SQLite connection with its prepared statements. Not thread-safe:
 * the server keeps one per worker; several may share one database file. */
typedef struct ng_store ng_store;

/* The default database path: $XDG_DATA_HOME/nutgraf/nutgraf.db or
 * ~/.local/share/nutgraf/nutgraf.db, written into out[cap]. Creates the
 * folder. Returns 0, or -1 when no home is known or the path is too long. */
int ng_store_default_path(char *out, size_t cap);

/* Opens (creating and migrating) the database at `path`. On failure
 * returns -1 and writes a one-line reason to why[cap]. */
int ng_store_open(ng_store **out, const char *path, char *why, size_t cap);
void ng_store_close(ng_store *st);

/* What an article is made from: raw bytes (HTML or text) plus hints. */
typedef struct ng_ingest_input {
  const char *data;
  size_t len;
  const char *source; /* URL or file name, or NULL */
  const char *url;    /* page address for extraction, or NULL */
  const char *title;  /* the title (wins over the page's), or NULL */
  ng_input_kind kind; /* NG_INPUT_AUTO to sniff */
  size_t max_bytes;   /* 0: library default */
  const char *charset; /* an HTML body's charset from HTTP, or NULL; stored
                          with the raw bytes, which are read with it again */
} ng_ingest_input;

/* Extracts and stores an article unless the same raw bytes (SHA-256) are
 * already stored. *id gets the article's id, *dup whether it existed.
 * Returns NG_OK, a library status from ng_extract (err filled), or
 * NG_ENOMEM / NG_EINVAL for a database failure (err->msg says so). */
int ng_store_ingest(int64_t *id, bool *dup, ng_store *st, ng_ctx *ctx,
                    const ng_ingest_input *in, ng_error *err);

/* A stored article. Strings are NUL-terminated malloc'd copies or NULL;
 * free with ng_stored_dispose(). */
typedef struct ng_stored {
  int64_t id;
  char *source, *sha256, *url, *title, *author, *date, *site, *description,
      *lang, *input, *added, *body;
  int64_t words, raw_size;
} ng_stored;

void ng_stored_dispose(ng_stored *a);

/* Loads article `id` (with_body: also the body text). Returns 1 found,
 * 0 not found, -1 on a database error. */
int ng_store_get(ng_store *st, int64_t id, bool with_body, ng_stored *out);

/* What an article was made from, as stored: read it again with these
 * (its kind as ng_extract() read it at ingest, not sniffed again: a
 * text/plain article that starts with "<html>" stays text). Strings are
 * malloc'd (ng_raw_dispose). */
typedef struct ng_raw {
  char *data; /* the raw bytes, NUL-terminated after len */
  size_t len;
  char *url;          /* or NULL */
  ng_input_kind kind; /* NG_INPUT_TEXT or NG_INPUT_HTML */
  char *charset;      /* the charset it came with (ng_ingest_input), or NULL */
} ng_raw;

void ng_raw_dispose(ng_raw *r);

/* The raw bytes article `id` was made from. 1/0/-1 as above. */
int ng_store_raw(ng_store *st, int64_t id, ng_raw *out);

/* Lists articles newest first (q NULL), or those matching the full-text
 * query `q` (words; FTS syntax characters are neutralised) best match
 * first, each with a snippet (from a 2 kB window of the body, so its cost
 * is bounded whatever the article's size). A `q` without a word in it
 * matches nothing. Calls fn for each; *total gets the number of matches. `exclude` skips one id (0: none); `any_word` ORs
 * the words of 4 bytes or more (related articles). Returns 0 or -1. */
typedef void (*ng_store_row_fn)(const ng_stored *row, const char *snippet,
                                void *user);
int ng_store_list(ng_store *st, const char *q, bool any_word, int64_t exclude,
                  int64_t offset, int64_t limit, int64_t *total,
                  ng_store_row_fn fn, void *user);

/* The number of words ng_store_list() searches for in `q` (0: none, only
 * punctuation). */
int ng_store_query_words(const char *q);

/* Neighbours in id order: 0 when there is none. Returns 0 or -1. */
int ng_store_neighbours(ng_store *st, int64_t id, int64_t *prev,
                        int64_t *next);

/* Number of stored articles, or -1. */
int64_t ng_store_count(ng_store *st);

/* Cached summary JSON for (id, sentences, words): 1 hit (*json malloc'd),
 * 0 miss, -1 error. The put is best effort: it waits at most 50 ms for
 * another connection's write lock (then -1), not the 10 s other
 * statements wait. */
int ng_store_summary_get(ng_store *st, int64_t id, int sentences, int words,
                         char **json, size_t *len);
int ng_store_summary_put(ng_store *st, int64_t id, int sentences, int words,
                         const char *json, size_t len);

/* Calls fn (snippet NULL) for up to `limit` articles with an id above
 * `after`, in id order, without their bodies. Returns how many, or -1. */
int ng_store_after(ng_store *st, int64_t after, int64_t limit, ng_store_row_fn fn,
                   void *user);

/* Cheap liveness probe: 0 when the database answers. */
int ng_store_ping(ng_store *st);

/* Has every statement of the connection call stop(user) every few
 * thousand steps, and fail as soon as it returns nonzero (the server's
 * per-request time budget, and shutdown). stop NULL: never. */
void ng_store_set_interrupt(ng_store *st, int (*stop)(void *user), void *user);

/* ---- stories (stories.c) ------------------------------------------- */

/* The stored articles grouped into stories (one story set in memory,
 * caught up with the store on every call; thread-safe). */
typedef struct ng_stories ng_stories;

/* Makes the stories of the database at db_path (nothing is read before
 * ng_stories_start() or the first call below). Returns 0 or -1 (memory). */
int ng_stories_new(ng_stories **out, const char *db_path);
/* Starts reading the stored articles into stories on a thread of its own
 * (the server calls it once it listens). */
void ng_stories_start(ng_stories *s);
/* Is that thread still reading the store for the first time? */
bool ng_stories_busy(ng_stories *s);
/* Waits for that thread, then frees everything. Takes NULL. */
void ng_stories_free(ng_stories *s);

typedef struct ng_story_member {
  int64_t id;
  char *title, *date; /* date may be NULL */
} ng_story_member;

/* One story, malloc'd (ng_story_view_dispose). */
typedef struct ng_story_view {
  int64_t id;     /* the story's name: its first (lowest) article id */
  int64_t newest; /* its highest article id */
  char *headline;
  ng_story_member *articles; /* timeline: by date, then id; undated last */
  size_t narticles;
  struct {
    const char *kind; /* "person", "place", ... (static) */
    char *name;
  } *entities;
  size_t nentities;
  struct {
    int64_t article;
    char *text;
  } *digest; /* one sentence per fact, in time order */
  size_t ndigest;
} ng_story_view;

void ng_story_view_dispose(ng_story_view *v);

/* The story that holds article `article_id` (with `full`, its entities
 * and digest too). Without `wait`, gives up (-1) while the store is first
 * read (a large one takes a while). Returns 1 found, 0 no such article
 * (or one the library could not read), -1 database or memory failure, or
 * not read yet. */
int ng_stories_get(ng_stories *s, int64_t article_id, bool full, bool wait, ng_story_view *out);

/* A related story as an article page lists it: its newest article. */
typedef struct ng_related {
  int64_t id;
  char *title; /* malloc'd, "" when none */
} ng_related;

/* The stories most like article `article_id`'s, other than its own
 * (ng_story_set_related), best first: up to `max` (at most
 * NG_STORY_RELATED_MAX) into out[], their number in *n (the caller frees
 * each title). Never waits while the store is first read. Returns 1 (the
 * article is in the set; *n may be 0), 0 no such article, -1 failure or
 * not read yet. */
int ng_stories_related(ng_stories *s, int64_t article_id, size_t max, ng_related *out,
                       size_t *n);

/* Stories of at least min_size articles, newest first (by their latest
 * article); fn gets each of [offset, offset + limit) without entities or
 * digest; *total the number of such stories. Returns 0 or -1. */
typedef void (*ng_story_view_fn)(const ng_story_view *v, void *user);
int ng_stories_list(ng_stories *s, size_t min_size, int64_t offset, int64_t limit, int64_t *total,
                    ng_story_view_fn fn, void *user);

/* ---- HTTP server (http.c) ------------------------------------------ */

typedef struct ng_server_config {
  const char *db_path;
  char host[64];          /* numeric address, e.g. 127.0.0.1 or ::1 */
  unsigned port;          /* 0: any free port */
  unsigned threads;       /* libmicrohttpd thread pool size */
  unsigned timeout_s;     /* idle connection timeout */
  size_t max_body;        /* request body limit in bytes */
  const char *token;      /* bearer token for writes, or NULL (open) */
  bool quiet;             /* no access log */
  ng_stories *stories;    /* the story pages' data, or NULL (no stories) */
} ng_server_config;

typedef struct ng_server ng_server;

/* Starts listening; *port gets the bound port. On failure returns -1 and
 * writes a one-line reason to why[cap]. */
int ng_server_start(ng_server **out, const ng_server_config *cfg,
                    unsigned *port, char *why, size_t cap);
void ng_server_stop(ng_server *srv);

/* ---- requests and responses (http.c implements, routes.c uses) ------ */

typedef struct ng_worker {
  ng_ctx *ctx;
  ng_store *store;
  struct ng_worker *next_free;
  /* http.c: the request's database time budget (ng_store_set_interrupt) */
  struct ng_server *srv;
  int64_t deadline_ns; /* CLOCK_MONOTONIC; 0: none */
  bool cut;            /* a statement was stopped (budget or shutdown) */
} ng_worker;

typedef struct ng_req {
  const char *method;
  const char *path;
  const char *body;
  size_t body_len;
  const char *content_type; /* or NULL */
  int64_t id;               /* the {id} of the route, if any */
  ng_worker *w;
  const ng_server_config *cfg;
  void *conn;               /* http.c's connection, or NULL (below) */
  struct ng_server *srv;    /* NULL in ng_route_dispatch() */
  /* conn == NULL (ng_route_dispatch): the decoded query-string arguments,
   * key, value, key, value, ..., NULL; a value is NULL for "?key". */
  const char *const *args;
} ng_req;

typedef struct ng_res {
  int status;
  const char *content_type; /* static string */
  ng_buf body;
  const char *location;     /* static or owned by `owned` */
  const char *allow;        /* static: the Allow header of a 405 */
  char *owned;
  bool cache_hit;           /* counted in /metrics */
  bool cache_miss;
  bool no_store;
  bool close;               /* Connection: close (the request is unusable) */
} ng_res;

/* A query-string argument (decoded) or NULL. */
const char *ng_req_arg(const ng_req *r, const char *key);
/* A request header or NULL. */
const char *ng_req_header(const ng_req *r, const char *key);
/* Metrics text for /metrics appended to out. */
void ng_server_metrics(struct ng_server *srv, ng_store *st, ng_buf *out);

/* The decoded value of field `key` of an application/x-www-form-urlencoded
 * body ('+' a space, %XX a byte; the first field of that name): 1 with
 * *out malloc'd and NUL-terminated, *len its length (it may hold a NUL
 * byte), 0 when absent (*out NULL), -1 out of memory. */
int ng_form_value(char **out, size_t *len, const char *body, size_t body_len,
                  const char *key);

/* Sets an error response: JSON {"error": msg, "code": status}. */
void ng_res_error(ng_res *res, int status, const char *msg);
/* HTTP status for a library status. */
int ng_http_status(int ng_code);

/* ---- route table (routes.c) ----------------------------------------- */

enum { NG_ROUTE_WRITE = 1u << 0, NG_ROUTE_BODY = 1u << 1 };

typedef struct ng_route {
  const char *method;
  const char *pattern; /* "/api/articles/{id}/summary" */
  void (*handle)(const ng_req *req, ng_res *res);
  unsigned flags;
  const char *name;    /* metrics label: unique (one series per route) */
} ng_route;

extern const ng_route ng_routes[];
extern const size_t ng_route_count;

/* Finds the route for (method, path): returns its index and sets *id, or
 * -1 with *status 404 (no such path) or 405 (path known, wrong method). */
int ng_route_match(const char *method, const char *path, int64_t *id,
                   int *status);

/* Answers a request refused before its route's handler (ng_route_match's
 * 404 or 405, or a 400 with `msg`; NULL: the status's own words): an
 * HTML error page for the reader's addresses ("/", "/a/...", "/s/...",
 * "/stories", "/summarize"), a JSON error elsewhere; a 405 names the
 * path's methods in res->allow. */
void ng_route_error(ng_res *res, const char *path, int status, const char *msg);

/* In-process dispatch, without libmicrohttpd or a socket (the seam that
 * fuzz/fuzz_serve.c drives): route match (404/405), the body limit (413)
 * and the handler, as http.c's on_request() does them, with worker `w`.
 * `path` is already percent-decoded (as libmicrohttpd passes it); `query`
 * is the raw text after '?' (or NULL), decoded here as libmicrohttpd does
 * ('+' is a space, %XX a byte). No token check, no metrics counters;
 * /metrics answers with the store gauges only. `res` is reset first; the
 * caller disposes res->body and frees res->owned. */
void ng_route_dispatch(ng_worker *w, const ng_server_config *cfg,
                       const char *method, const char *path,
                       const char *query, const char *content_type,
                       const char *body, size_t body_len, ng_res *res);

/* ---- web reader (web.c) --------------------------------------------- */

/* Appends s[0..n) HTML-escaped (& < > " '). */
void ng_html_escape(ng_buf *out, const char *s, size_t n);

/* Page pieces shared by web.c and web_stories.c. */
void ng_web_page_start(ng_buf *out, const char *title, const char *q);
void ng_web_page_end(ng_buf *out);
void ng_web_error(ng_res *res, int status, const char *msg);
void ng_web_escape(ng_buf *out, const char *s); /* NUL-terminated; NULL: nothing */
void ng_web_int(ng_buf *out, long long v);

void ng_web_home(const ng_req *req, ng_res *res);
void ng_web_stories(const ng_req *req, ng_res *res);
void ng_web_story(const ng_req *req, ng_res *res);
/* The article page's "In this story" box (nothing for a lone article). */
void ng_web_story_box(const ng_req *req, ng_buf *out, int64_t article_id);
/* The "Related articles" box of an article page from the stories: the
 * newest article of each of the most similar other stories. false when
 * the stories are off or still being read (the caller then falls back to
 * a search on the title). */
bool ng_web_related_box(const ng_req *req, ng_buf *out, int64_t article_id);
void ng_web_article(const ng_req *req, ng_res *res);
void ng_web_summarize(const ng_req *req, ng_res *res);
void ng_web_asset(const ng_req *req, ng_res *res);

/* Shared with routes.c: a summary's JSON for a stored article, from the
 * cache or computed and cached. Returns 0 (json malloc'd), or an HTTP
 * status with res filled as an error. */
int ng_summary_json(const ng_req *req, ng_res *res, int64_t id, int sentences,
                    int words, char **json, size_t *len, bool *hit);

#endif

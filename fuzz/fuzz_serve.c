/* fuzz_serve.c - libFuzzer target for the server's request handling: the
 * route table, query-string arguments, JSON and raw request bodies, and
 * the extract/summarize/store path behind them, driven through
 * ng_route_dispatch() (server/routes.c) with no socket and an in-memory
 * SQLite store (":memory:", fresh for every input, seeded with article 1).
 *
 * Input: byte 0 chooses the request, the rest is "LINE1\nQUERY\nBODY".
 *   bits 0-3  route: an entry of ng_routes[] ({id} replaced by LINE1);
 *             when LINE1 starts with '/', any path (LINE1 as is) with
 *             GET/POST/HEAD/PUT by bits 0-1
 *   bits 4-6  Content-Type (none, JSON, text, HTML, form, octet, other)
 *   bit 7     the wrong method for the route (405, or HEAD for a GET)
 *
 * Invariants: the status is 2xx or 4xx, or 503 (out of memory); every
 * JSON answer parses, and every JSON error is {"error": string, "code":
 * status}; a 201 has a Location, and the stored article then reads back
 * (JSON, summary twice: computed then cached, reader page, listings); the
 * same request again gives the same status (a stored article: 201 then
 * 200 duplicate), and for the stateless summarizers the same body. No
 * crash, no leak (ASan).
 *
 * The story routes read their own database (stories.c opens its own
 * connection): a file made once per run with the seed article, so story
 * 1 exists and its page and JSON are rendered. */
#include "../server/server.h"

#include <assert.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char seed_article[] =
    "Council approves new bridge\n\n"
    "The city council voted on Tuesday to build a new bridge across the "
    "river. The project will cost 40 million dollars and take three years. "
    "Mayor Ana Silva said the old bridge was no longer safe for heavy "
    "trucks. Residents had asked for a second crossing for a decade. Work "
    "starts in the spring, the council said.\n";

static const char *const content_types[8] = {
    NULL,
    "application/json",
    "text/plain",
    "text/html; charset=utf-8",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
    "image/png",
    "Application/JSON; charset=utf-8",
};

/* Copies the bytes up to the next '\n' (or the end) as a C string, as a
 * header line would arrive (a NUL ends it early), and advances *p. */
static char *take_line(const char **p, const char *end) {
  const char *nl = memchr(*p, '\n', (size_t)(end - *p));
  const char *stop = nl ? nl : end;
  size_t n = (size_t)(stop - *p);
  char *s = malloc(n + 1);
  assert(s);
  memcpy(s, *p, n);
  s[n] = '\0';
  *p = nl ? nl + 1 : end;
  return s;
}

/* Replaces the first "{id}" of pattern with id (malloc'd). */
static char *fill_pattern(const char *pattern, const char *id) {
  const char *at = strstr(pattern, "{id}");
  size_t n = strlen(pattern) + strlen(id) + 1;
  char *s = malloc(n);
  assert(s);
  if (!at) {
    memcpy(s, pattern, strlen(pattern) + 1);
  } else {
    size_t pre = (size_t)(at - pattern);
    memcpy(s, pattern, pre);
    strcpy(s + pre, id);
    strcat(s, at + 4);
  }
  return s;
}

static void check(const ng_res *res) {
  int st = res->status;
  assert((st >= 200 && st < 300) || (st >= 400 && st < 500) || st == 503);
  assert(res->content_type != NULL);
  if (st == 201) assert(res->location != NULL);
  if (strncmp(res->content_type, "application/json", 16) != 0) return;
  json_error_t jerr;
  json_t *root = json_loadb(res->body.ptr, res->body.len, 0, &jerr);
  assert(root != NULL);
  if (st >= 400) {
    assert(json_is_object(root));
    json_t *e = json_object_get(root, "error");
    json_t *c = json_object_get(root, "code");
    assert(json_is_string(e) && json_string_length(e) > 0);
    assert(json_is_integer(c) && json_integer_value(c) == st);
  }
  json_decref(root);
}

/* A GET that must answer `want` (0: any status check() allows). */
static void get(ng_worker *w, const ng_server_config *cfg, const char *path,
                const char *query, int want) {
  ng_res r;
  ng_route_dispatch(w, cfg, "GET", path, query, NULL, NULL, 0, &r);
  check(&r);
  if (want) assert(r.status == want);
  ng_buf_dispose(&r.body);
  free(r.owned);
}

/* After a 201: the new article as JSON, its summary (computed, then
 * cached), its reader page with the summary, and the listings. */
static void follow_up(ng_worker *w, const ng_server_config *cfg,
                      const char *location) {
  assert(strncmp(location, "/api/articles/", 14) == 0);
  const char *id = location + 14;
  char path[64];
  get(w, cfg, location, NULL, 200);
  snprintf(path, sizeof path, "/api/articles/%s/summary", id);
  get(w, cfg, path, "sentences=2", 0);
  get(w, cfg, path, "sentences=2", 0);
  snprintf(path, sizeof path, "/a/%s", id);
  get(w, cfg, path, "summary=1", 200);
  get(w, cfg, "/api/articles", "per_page=5", 200);
  get(w, cfg, "/", NULL, 200);
}

static char stories_db[64];

static void remove_stories_db(void) {
  const char *suffix[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) {
    char p[80];
    snprintf(p, sizeof p, "%s%s", stories_db, suffix[i]);
    remove(p);
  }
}

/* The stories' database: a temporary file with the seed article. */
static ng_stories *seeded_stories(ng_ctx *ctx) {
  static ng_stories *stories;
  if (stories) return stories;
  snprintf(stories_db, sizeof stories_db, "/tmp/nutgraf-fuzz-serve-XXXXXX");
  int fd = mkstemp(stories_db);
  assert(fd >= 0);
  close(fd);
  atexit(remove_stories_db);
  ng_store *st = NULL;
  char why[256];
  int rc = ng_store_open(&st, stories_db, why, sizeof why);
  assert(rc == 0);
  ng_ingest_input in = {seed_article, sizeof seed_article - 1, "seed", NULL, NULL, NG_INPUT_TEXT, 0, NULL};
  int64_t id;
  bool dup;
  ng_error err = {0, NULL, 0};
  rc = ng_store_ingest(&id, &dup, st, ctx, &in, &err);
  assert(rc == NG_OK && id == 1);
  ng_store_close(st);
  rc = ng_stories_new(&stories, stories_db);
  assert(rc == 0);
  return stories;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static ng_worker w;
  if (!w.ctx && ng_ctx_new(&w.ctx, NULL, NULL)) return 0;
  if (size < 1) return 0;
  unsigned sel = data[0] & 15u;
  const char *ctype = content_types[(data[0] >> 4) & 7u];
  bool wrong = (data[0] & 0x80) != 0;
  const char *p = (const char *)data + 1, *end = (const char *)data + size;
  char *line1 = take_line(&p, end);
  char *query = take_line(&p, end);
  size_t body_len = (size_t)(end - p);
  /* The body in a block of exactly its size: no NUL after it. */
  char *body = malloc(body_len ? body_len : 1);
  assert(body);
  if (body_len) memcpy(body, p, body_len);

  const char *method;
  char *path;
  if (sel < ng_route_count && line1[0] != '/') {
    const ng_route *rt = &ng_routes[sel];
    method = rt->method;
    if (wrong) method = strcmp(method, "GET") == 0 ? "HEAD" : "PUT";
    path = fill_pattern(rt->pattern, line1);
  } else {
    static const char *const methods[] = {"GET", "POST", "HEAD", "PUT"};
    method = methods[sel & 3u];
    if (wrong) method = "DELETE";
    path = fill_pattern(line1, "");
  }

  ng_server_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.db_path = ":memory:";
  cfg.max_body = 1u << 20;
  cfg.quiet = true;
  cfg.stories = seeded_stories(w.ctx);
  char why[256];
  int rc = ng_store_open(&w.store, cfg.db_path, why, sizeof why);
  assert(rc == 0);
  ng_ingest_input in = {seed_article, sizeof seed_article - 1, "seed", NULL,
                        NULL, NG_INPUT_TEXT, 0, NULL};
  int64_t id;
  bool dup;
  ng_error err = {0, NULL, 0};
  rc = ng_store_ingest(&id, &dup, w.store, w.ctx, &in, &err);
  assert(rc == NG_OK && id == 1 && !dup);

  ng_res a, b;
  ng_route_dispatch(&w, &cfg, method, path, query, ctype, body, body_len, &a);
  check(&a);
  ng_route_dispatch(&w, &cfg, method, path, query, ctype, body, body_len, &b);
  check(&b);
  int64_t rid;
  int rst;
  int route = ng_route_match(method, path, &rid, &rst);
  const char *name = route >= 0 ? ng_routes[route].name : "";
  if (strcmp(name, "add") == 0 && a.status == 201) {
    assert(b.status == 200); /* the same bytes again: a duplicate */
  } else if (strcmp(name, "metrics") != 0) {
    assert(a.status == b.status);
  }
  if (a.status == 201) /* a stored article: read it back every way */
    follow_up(&w, &cfg, a.location);
  if (strcmp(name, "summarize") == 0 || strcmp(name, "web_summarize") == 0)
    assert(a.body.len == b.body.len &&
           (a.body.len == 0 || memcmp(a.body.ptr, b.body.ptr, a.body.len) == 0));

  ng_buf_dispose(&a.body);
  free(a.owned);
  ng_buf_dispose(&b.body);
  free(b.owned);
  ng_store_close(w.store);
  w.store = NULL;
  free(path);
  free(body);
  free(query);
  free(line1);
  return 0;
}

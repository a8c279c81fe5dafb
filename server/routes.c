/* routes.c - the one route table, and the JSON API handlers.
 *
 * Every response is JSON except /metrics (Prometheus text) and the web
 * reader (web.c). Errors are {"error": "...", "code": N}. */
#include "server.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void api_health(const ng_req *req, ng_res *res);
static void api_metrics(const ng_req *req, ng_res *res);
static void api_list(const ng_req *req, ng_res *res);
static void api_add(const ng_req *req, ng_res *res);
static void api_get(const ng_req *req, ng_res *res);
static void api_summary(const ng_req *req, ng_res *res);
static void api_raw(const ng_req *req, ng_res *res);
static void api_summarize(const ng_req *req, ng_res *res);
static void api_stories(const ng_req *req, ng_res *res);
static void api_story(const ng_req *req, ng_res *res);

const ng_route ng_routes[] = {
    {"GET", "/healthz", api_health, 0, "healthz"},
    {"GET", "/metrics", api_metrics, 0, "metrics"},
    {"GET", "/api/articles", api_list, 0, "list"},
    {"POST", "/api/articles", api_add, NG_ROUTE_WRITE | NG_ROUTE_BODY, "add"},
    {"GET", "/api/articles/{id}", api_get, 0, "get"},
    {"GET", "/api/articles/{id}/summary", api_summary, 0, "summary"},
    {"GET", "/api/articles/{id}/raw", api_raw, 0, "raw"},
    {"POST", "/api/summarize", api_summarize, NG_ROUTE_BODY, "summarize"},
    {"GET", "/api/stories", api_stories, 0, "stories"},
    {"GET", "/api/stories/{id}", api_story, 0, "story"},
    {"GET", "/", ng_web_home, 0, "web_home"},
    {"GET", "/a/{id}", ng_web_article, 0, "web_article"},
    {"GET", "/stories", ng_web_stories, 0, "web_stories"},
    {"GET", "/s/{id}", ng_web_story, 0, "web_story"},
    {"POST", "/summarize", ng_web_summarize, NG_ROUTE_BODY, "web_summarize"},
    {"GET", "/static/style.css", ng_web_asset, 0, "web_css"},
    {"GET", "/static/reader.js", ng_web_asset, 0, "web_js"},
};
const size_t ng_route_count = sizeof ng_routes / sizeof ng_routes[0];

/* Matches one pattern against a path; "{id}" takes 1-15 digits, no sign
 * and no leading zero. */
static bool match(const char *pat, const char *path, int64_t *id) {
  while (*pat) {
    if (strncmp(pat, "{id}", 4) == 0) {
      if (*path < '1' || *path > '9') return false;
      int64_t v = 0;
      int n = 0;
      while (*path >= '0' && *path <= '9') {
        if (++n > 15) return false;
        v = v * 10 + (*path++ - '0');
      }
      *id = v;
      pat += 4;
      continue;
    }
    if (*pat++ != *path++) return false;
  }
  return *path == '\0';
}

int ng_route_match(const char *method, const char *path, int64_t *id,
                   int *status) {
  bool head = strcmp(method, "HEAD") == 0;
  bool path_known = false;
  *id = 0;
  *status = 404;
  for (size_t i = 0; i < ng_route_count; i++) {
    int64_t v = 0;
    if (!match(ng_routes[i].pattern, path, &v)) continue;
    path_known = true;
    if (strcmp(method, ng_routes[i].method) == 0 ||
        (head && strcmp(ng_routes[i].method, "GET") == 0)) {
      *id = v;
      return (int)i;
    }
  }
  if (path_known) *status = 405;
  return -1;
}

#define NUL_IN_URL "the URL holds a NUL byte (%00)"

/* The reader's addresses, whose errors are pages, not JSON. */
static bool reader_path(const char *path) {
  return strcmp(path, "/") == 0 || strncmp(path, "/a/", 3) == 0 ||
         strncmp(path, "/s/", 3) == 0 || strcmp(path, "/stories") == 0 ||
         strncmp(path, "/stories/", 9) == 0 || strcmp(path, "/summarize") == 0;
}

void ng_route_error(ng_res *res, const char *path, int status, const char *msg) {
  if (status == 405) {
    bool get = false, post = false;
    int64_t id;
    for (size_t i = 0; i < ng_route_count; i++) {
      if (!match(ng_routes[i].pattern, path, &id)) continue;
      if (strcmp(ng_routes[i].method, "GET") == 0) get = true;
      else post = true; /* every other route is a POST */
    }
    res->allow = get && post ? "GET, HEAD, POST" : get ? "GET, HEAD" : "POST";
  }
  if (!reader_path(path)) {
    ng_res_error(res, status, msg);
    return;
  }
  ng_web_error(res, status,
               msg                ? msg
               : status == 405    ? "This page does not take this method."
                                  : "There is no such page.");
}

/* ---- helpers -------------------------------------------------------- */

#define NUL_IN_FORM "a form field holds a NUL byte (%00)"

static void put_json(ng_res *res, json_t *o) {
  char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
  if (!s) {
    ng_res_error(res, 503, "out of memory");
  } else {
    res->content_type = "application/json";
    ng_buf_puts(&res->body, s);
    ng_buf_puts(&res->body, "\n");
  }
  free(s);
  json_decref(o);
}

static json_t *str_or_null(const char *s) {
  json_t *v = s ? json_string(s) : NULL;
  return v ? v : json_null();
}

/* The JSON form of a stored article (without its body). */
static json_t *article_json(const ng_stored *a) {
  json_t *o = json_object();
  if (!o) return NULL;
  json_object_set_new(o, "id", json_integer(a->id));
  json_object_set_new(o, "title", str_or_null(a->title));
  json_object_set_new(o, "source", str_or_null(a->source));
  json_object_set_new(o, "url", str_or_null(a->url));
  json_object_set_new(o, "author", str_or_null(a->author));
  json_object_set_new(o, "date", str_or_null(a->date));
  json_object_set_new(o, "site", str_or_null(a->site));
  json_object_set_new(o, "description", str_or_null(a->description));
  json_object_set_new(o, "language", str_or_null(a->lang));
  json_object_set_new(o, "input", str_or_null(a->input));
  json_object_set_new(o, "sha256", str_or_null(a->sha256));
  json_object_set_new(o, "bytes", json_integer(a->raw_size));
  json_object_set_new(o, "words", json_integer(a->words));
  json_object_set_new(o, "added", str_or_null(a->added));
  return o;
}

/* Parses a decimal argument in [lo, hi]; absent gives *out = 0.
 * Returns false when present but bad. */
static bool int_arg(const char *s, long lo, long hi, long *out) {
  *out = 0;
  if (!s) return true;
  if (!*s) return false;
  long v = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9' || v > hi) return false;
    v = v * 10 + (*p - '0');
  }
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

#define MAX_SENTENCES 100
#define MAX_WORDS 10000

/* sentences/words from the query string; false (res set) when bad. */
static bool summary_args(const ng_req *req, ng_res *res, int *sentences,
                         int *words) {
  long s, w;
  if (!int_arg(ng_req_arg(req, "sentences"), 1, MAX_SENTENCES, &s)) {
    ng_res_error(res, 400, "sentences must be a number from 1 to 100");
    return false;
  }
  if (!int_arg(ng_req_arg(req, "words"), 1, MAX_WORDS, &w)) {
    ng_res_error(res, 400, "words must be a number from 1 to 10000");
    return false;
  }
  /* Neither given: 0/0, the library's default length (three sentences,
   * or two when those carry 60 words), as the CLI gives. */
  *sentences = (int)s;
  *words = (int)w;
  return true;
}

/* Extracts, summarizes and renders the summary JSON of raw bytes. */
static int summarize_raw(ng_ctx *ctx, const char *data, size_t len,
                         const char *url, ng_input_kind kind,
                         const char *charset, int sentences, int words,
                         size_t max_bytes, ng_buf *json, ng_article **keep,
                         ng_error *err) {
  ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
  eo.url = url;
  eo.kind = kind;
  eo.charset = charset;
  eo.max_bytes = max_bytes;
  ng_article *a = NULL;
  ng_summary *s = NULL;
  int rc = ng_extract(&a, ctx, data, len, &eo, err);
  if (rc) goto done;
  const ng_doc *doc = ng_article_doc(a);
  if (!doc) {
    err->code = rc = NG_EEMPTY;
    err->msg = "not an article (a listing page)";
    err->offset = 0;
    goto done;
  }
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.max_sentences = (size_t)sentences;
  so.max_words = (size_t)words;
  rc = ng_summarize(&s, ctx, doc, &so, err);
  if (rc) goto done;
  rc = ng_render_summary(json, doc, s, NG_FORMAT_JSON, err);
done:
  ng_summary_free(s);
  if (keep && rc == NG_OK) *keep = a;
  else ng_article_free(a);
  return rc;
}

static int fail_status(ng_res *res, int code, const ng_error *err) {
  int st = ng_http_status(code);
  char msg[200];
  if (code == NG_EUTF8 || code == NG_EBINARY)
    snprintf(msg, sizeof msg, "%s at byte %zu",
             err->msg ? err->msg : ng_strerror(code), err->offset);
  else
    snprintf(msg, sizeof msg, "%s", err->msg ? err->msg : ng_strerror(code));
  ng_res_error(res, st, msg);
  return st;
}

int ng_summary_json(const ng_req *req, ng_res *res, int64_t id, int sentences,
                    int words, char **json, size_t *len, bool *hit) {
  ng_store *st = req->w->store;
  *hit = false;
  int rc = ng_store_summary_get(st, id, sentences, words, json, len);
  if (rc == 1) {
    *hit = true;
    return 0;
  }
  if (rc < 0) {
    ng_res_error(res, 500, "database error");
    return 500;
  }
  ng_raw raw;
  rc = ng_store_raw(st, id, &raw);
  if (rc <= 0) {
    ng_res_error(res, rc == 0 ? 404 : 500,
                 rc == 0 ? "no such article" : "database error");
    return rc == 0 ? 404 : 500;
  }
  ng_buf out = NG_BUF_INIT;
  ng_error err = {0, NULL, 0};
  int status = 0;
  rc = summarize_raw(req->w->ctx, raw.data, raw.len, raw.url, raw.kind,
                     raw.charset, sentences, words, 0, &out, NULL, &err);
  if (rc) {
    status = fail_status(res, rc, &err);
  } else {
    /* A failed cache write only costs a recomputation next time. */
    ng_store_summary_put(st, id, sentences, words, out.ptr, out.len);
    *json = malloc(out.len + 1);
    if (!*json) {
      ng_res_error(res, 503, "out of memory");
      status = 503;
    } else {
      memcpy(*json, out.ptr, out.len + 1);
      *len = out.len;
    }
  }
  ng_buf_dispose(&out);
  ng_raw_dispose(&raw);
  return status;
}

/* ---- request bodies ------------------------------------------------- */

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = (char)(c | 0x20);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int ng_form_value(char **out, size_t *len, const char *body, size_t body_len,
                  const char *key) {
  size_t klen = strlen(key);
  const char *p = body, *end = body + body_len;
  *out = NULL;
  *len = 0;
  while (p < end) {
    const char *amp = memchr(p, '&', (size_t)(end - p));
    const char *stop = amp ? amp : end;
    if ((size_t)(stop - p) > klen && memcmp(p, key, klen) == 0 &&
        p[klen] == '=') {
      const char *v = p + klen + 1;
      char *d = malloc((size_t)(stop - v) + 1);
      if (!d) return -1;
      *out = d;
      for (; v < stop; v++) {
        int hi, lo;
        if (*v == '+') {
          *d++ = ' ';
        } else if (*v == '%' && stop - v >= 3 && (hi = hex_digit(v[1])) >= 0 &&
                   (lo = hex_digit(v[2])) >= 0) {
          *d++ = (char)(hi * 16 + lo);
          v += 2;
        } else {
          *d++ = *v;
        }
      }
      *d = '\0';
      *len = (size_t)(d - *out);
      return 1;
    }
    p = stop + 1;
  }
  return 0;
}

typedef struct body_input {
  ng_ingest_input in;
  json_t *root; /* owns the strings when the body was JSON */
  char *form[4]; /* owns them when it was a form: article, url, title, source */
  long sentences, words;
  char type[64], charset[64]; /* the Content-Type's (media_type) */
} body_input;

static void body_dispose(body_input *b) {
  json_decref(b->root);
  for (size_t i = 0; i < 4; i++) free(b->form[i]);
}

/* Reads an application/x-www-form-urlencoded body with the JSON body's
 * fields: "html", "text" or "article", "url", "title", "source",
 * "sentences", "words". Returns false with res set on bad input. */
static bool read_form(const ng_req *req, ng_res *res, body_input *b) {
  static const struct {
    const char *key;
    ng_input_kind kind;
  } keys[] = {{"html", NG_INPUT_HTML}, {"text", NG_INPUT_TEXT}, {"article", NG_INPUT_AUTO}};
  size_t n = 0;
  int rc = 0;
  for (size_t i = 0; i < 3 && rc == 0; i++) {
    rc = ng_form_value(&b->form[0], &n, req->body, req->body_len, keys[i].key);
    b->in.kind = keys[i].kind;
  }
  if (rc < 0) goto nomem;
  if (rc == 0) {
    ng_res_error(res, 400, "the form needs an \"html\", \"text\" or \"article\" field");
    return false;
  }
  if (memchr(b->form[0], '\0', n)) goto nul;
  b->in.data = b->form[0];
  b->in.len = n;
  static const char *const hint[] = {"url", "title", "source"};
  const char **to[] = {&b->in.url, &b->in.title, &b->in.source};
  for (size_t i = 0; i < 3; i++) {
    if (ng_form_value(&b->form[i + 1], &n, req->body, req->body_len, hint[i]) < 0) goto nomem;
    if (b->form[i + 1] && memchr(b->form[i + 1], '\0', n)) goto nul;
    *to[i] = b->form[i + 1];
  }
  if (!b->in.source) b->in.source = b->in.url;
  static const char *const lim[] = {"sentences", "words"};
  long *lv[] = {&b->sentences, &b->words};
  for (size_t i = 0; i < 2; i++) {
    char *v;
    rc = ng_form_value(&v, &n, req->body, req->body_len, lim[i]);
    if (rc < 0) goto nomem;
    bool ok = !(v && memchr(v, '\0', n)) && int_arg(v, 1, i ? MAX_WORDS : MAX_SENTENCES, lv[i]);
    free(v);
    if (!ok) {
      ng_res_error(res, 400, "\"sentences\" (1-100) and \"words\" (1-10000) must be numbers");
      return false;
    }
  }
  return true;
nomem:
  ng_res_error(res, 503, "out of memory");
  return false;
nul:
  ng_res_error(res, 400, NUL_IN_FORM);
  return false;
}

/* A Content-Type's media type, lower-cased and without its parameters,
 * in type[64], and its charset parameter, lower-cased and unquoted, in
 * charset[64] (each "" when absent or too long to be real). */
static void media_type(const char *ct, char type[64], char charset[64]) {
  type[0] = charset[0] = '\0';
  if (!ct) return;
  while (*ct == ' ' || *ct == '\t') ct++;
  size_t n = strcspn(ct, "; \t");
  if (n < 64) {
    for (size_t i = 0; i < n; i++) type[i] = (char)tolower((unsigned char)ct[i]);
    type[n] = '\0';
  }
  for (const char *p = strchr(ct, ';'); p; p = strchr(p + 1, ';')) {
    const char *k = p + 1;
    while (*k == ' ' || *k == '\t') k++;
    if (strncasecmp(k, "charset=", 8) != 0) continue;
    const char *v = k + 8;
    bool quoted = *v == '"';
    v += quoted;
    size_t m = strcspn(v, quoted ? "\"" : "; \t");
    if (m && m < 64) {
      for (size_t i = 0; i < m; i++) charset[i] = (char)tolower((unsigned char)v[i]);
      charset[m] = '\0';
    }
    break;
  }
}

/* Is this charset (lower-cased, "" for none) UTF-8, or a subset of it? */
static bool utf8_charset(const char *cs) {
  return !*cs || strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0 ||
         strcmp(cs, "us-ascii") == 0 || strcmp(cs, "ascii") == 0;
}

/* 415 naming a charset the body cannot be read in. */
static void charset_error(ng_res *res, const char *charset, const char *what) {
  char msg[200];
  snprintf(msg, sizeof msg, "charset \"%s\" is not supported for %s: send UTF-8", charset, what);
  ng_res_error(res, 415, msg);
}

/* Reads a POST body: JSON {"url", "title", "html"|"text"|"article",
 * "sentences", "words"} or the raw page (text/html, text/plain, other).
 * Returns false with res set on bad input. */
static bool read_body(const ng_req *req, ng_res *res, body_input *b) {
  memset(b, 0, sizeof *b);
  b->in.kind = NG_INPUT_AUTO;
  b->in.max_bytes = req->cfg->max_body;
  /* The media type exactly (its case and parameters aside), so that
   * "application/jsonx" is not read as JSON. */
  media_type(req->content_type, b->type, b->charset);
  const char *type = b->type;
  bool form = strcmp(type, "application/x-www-form-urlencoded") == 0;
  bool html = strcmp(type, "text/html") == 0 || strcmp(type, "application/xhtml+xml") == 0;
  if (!html && !utf8_charset(b->charset)) {
    /* HTML is converted (the library reads legacy charsets); JSON is
     * UTF-8 by definition, and text and forms are read as UTF-8. */
    charset_error(res, b->charset, type);
    return false;
  }
  if (strcmp(type, "application/json") == 0) {
    json_error_t jerr;
    b->root = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES,
                         &jerr);
    if (!b->root) {
      char msg[220];
      snprintf(msg, sizeof msg, "malformed JSON: %s", jerr.text);
      ng_res_error(res, 400, msg);
      return false;
    }
    if (!json_is_object(b->root)) {
      ng_res_error(res, 400, "the JSON body must be an object");
      return false;
    }
    static const struct {
      const char *key;
      ng_input_kind kind;
    } keys[] = {{"html", NG_INPUT_HTML},
                {"text", NG_INPUT_TEXT},
                {"article", NG_INPUT_AUTO}};
    json_t *v = NULL;
    for (size_t i = 0; i < 3 && !v; i++) {
      v = json_object_get(b->root, keys[i].key);
      b->in.kind = keys[i].kind;
    }
    if (!v || !json_is_string(v)) {
      ng_res_error(res, 400, "the JSON body needs an \"html\", \"text\" or"
                             " \"article\" string");
      return false;
    }
    b->in.data = json_string_value(v);
    b->in.len = json_string_length(v);
    json_t *u = json_object_get(b->root, "url");
    json_t *t = json_object_get(b->root, "title");
    json_t *s = json_object_get(b->root, "source");
    if ((u && !json_is_string(u) && !json_is_null(u)) ||
        (t && !json_is_string(t) && !json_is_null(t)) ||
        (s && !json_is_string(s) && !json_is_null(s))) {
      ng_res_error(res, 400, "\"url\", \"title\" and \"source\" must be strings");
      return false;
    }
    b->in.url = json_string_value(u);
    b->in.title = json_string_value(t);
    b->in.source = s ? json_string_value(s) : b->in.url;
    json_t *ns = json_object_get(b->root, "sentences");
    json_t *nw = json_object_get(b->root, "words");
    if ((ns && (!json_is_integer(ns) || json_integer_value(ns) < 1 ||
                json_integer_value(ns) > MAX_SENTENCES)) ||
        (nw && (!json_is_integer(nw) || json_integer_value(nw) < 1 ||
                json_integer_value(nw) > MAX_WORDS))) {
      ng_res_error(res, 400, "\"sentences\" (1-100) and \"words\" (1-10000)"
                             " must be integers");
      return false;
    }
    b->sentences = ns ? (long)json_integer_value(ns) : 0;
    b->words = nw ? (long)json_integer_value(nw) : 0;
  } else if (form) {
    if (!read_form(req, res, b)) return false;
  } else {
    if (html) {
      b->in.kind = NG_INPUT_HTML;
      if (b->charset[0]) b->in.charset = b->charset;
    } else if (strcmp(type, "text/plain") == 0) {
      b->in.kind = NG_INPUT_TEXT;
    } else if (req->content_type && strcmp(type, "application/octet-stream") != 0) {
      ng_res_error(res, 415, "send text/html, text/plain, application/json or a form");
      return false;
    }
    b->in.data = req->body;
    b->in.len = req->body_len;
    b->in.url = ng_req_arg(req, "url");
    b->in.title = ng_req_arg(req, "title");
    b->in.source = ng_req_arg(req, "source");
    if (!b->in.source) b->in.source = b->in.url;
  }
  /* An empty url, title or source is none (an empty "url" made a dead
   * "original" link). */
  const char **hint[] = {&b->in.url, &b->in.title, &b->in.source};
  for (size_t i = 0; i < 3; i++)
    if (*hint[i] && !**hint[i]) *hint[i] = NULL;
  const char *hints[] = {b->in.url, b->in.title, b->in.source};
  for (size_t i = 0; i < 3; i++)
    if (hints[i] && ng_utf8_check(hints[i], strlen(hints[i]), NULL)) {
      ng_res_error(res, 400, "url, title and source must be UTF-8");
      return false;
    }
  if (b->in.len == 0) {
    ng_res_error(res, 400, "empty body: send an article");
    return false;
  }
  return true;
}

/* ---- handlers ------------------------------------------------------- */

static void api_health(const ng_req *req, ng_res *res) {
  res->no_store = true;
  if (ng_store_ping(req->w->store)) {
    ng_res_error(res, 503, "database unavailable");
    return;
  }
  put_json(res, json_pack("{s:s,s:s}", "status", "ok", "version",
                          ng_version()));
}

static void api_metrics(const ng_req *req, ng_res *res) {
  res->content_type = "text/plain; version=0.0.4; charset=utf-8";
  res->no_store = true;
  ng_server_metrics(req->srv, req->w->store, &res->body);
}

typedef struct list_acc {
  json_t *arr;
} list_acc;

static void strip_marks(char *s) {
  char *d = s;
  for (; *s; s++)
    if (*s != '\x01' && *s != '\x02') *d++ = *s;
  *d = '\0';
}

static void list_row(const ng_stored *row, const char *snippet, void *user) {
  list_acc *acc = user;
  json_t *o = article_json(row);
  if (!o) return;
  if (snippet) {
    char *s = strdup(snippet);
    if (s) {
      strip_marks(s);
      json_object_set_new(o, "snippet", json_string(s));
      free(s);
    }
  }
  json_array_append_new(acc->arr, o);
}

/* page and per_page from the query string (defaults 1 and 20); false
 * (res set) when bad. */
static bool page_args(const ng_req *req, ng_res *res, long *page, long *per) {
  if (!int_arg(ng_req_arg(req, "page"), 1, 1000000, page)) {
    ng_res_error(res, 400, "page must be a number from 1");
    return false;
  }
  if (!int_arg(ng_req_arg(req, "per_page"), 1, 100, per)) {
    ng_res_error(res, 400, "per_page must be a number from 1 to 100");
    return false;
  }
  if (!*page) *page = 1;
  if (!*per) *per = 20;
  return true;
}

static void api_list(const ng_req *req, ng_res *res) {
  long page, per;
  const char *q = ng_req_arg(req, "q");
  if (!page_args(req, res, &page, &per)) return;
  if (q && ng_utf8_check(q, strlen(q), NULL)) {
    ng_res_error(res, 400, "q must be UTF-8");
    return;
  }
  if (q && !q[0]) q = NULL; /* "?q=": the listing, as without q */
  list_acc acc = {json_array()};
  int64_t total = 0;
  if (!acc.arr || ng_store_list(req->w->store, q, false, 0,
                                (int64_t)(page - 1) * per, per, &total,
                                list_row, &acc)) {
    json_decref(acc.arr);
    ng_res_error(res, 500, "database error");
    return;
  }
  put_json(res, json_pack("{s:s?,s:i,s:i,s:I,s:o}", "q", q, "page", (int)page,
                          "per_page", (int)per, "total", (json_int_t)total,
                          "articles", acc.arr));
}

static void api_add(const ng_req *req, ng_res *res) {
  body_input b;
  if (!read_body(req, res, &b)) goto done;
  int64_t id;
  bool dup;
  ng_error err = {0, NULL, 0};
  int rc = ng_store_ingest(&id, &dup, req->w->store, req->w->ctx, &b.in, &err);
  if (rc == NG_EENCODING && b.in.charset) {
    charset_error(res, b.in.charset, b.type);
    goto done;
  }
  if (rc) {
    if (err.msg && strcmp(err.msg, "database error") == 0)
      ng_res_error(res, 500, "database error");
    else
      fail_status(res, rc, &err);
    goto done;
  }
  ng_stored a;
  if (ng_store_get(req->w->store, id, false, &a) != 1) {
    ng_res_error(res, 500, "database error");
    goto done;
  }
  json_t *o = article_json(&a);
  ng_stored_dispose(&a);
  if (o) json_object_set_new(o, "duplicate", json_boolean(dup));
  res->status = dup ? 200 : 201;
  char loc[64];
  snprintf(loc, sizeof loc, "/api/articles/%lld", (long long)id);
  res->owned = strdup(loc);
  res->location = res->owned;
  put_json(res, o);
done:
  body_dispose(&b);
}

static void api_get(const ng_req *req, ng_res *res) {
  ng_stored a;
  int rc = ng_store_get(req->w->store, req->id, true, &a);
  if (rc <= 0) {
    ng_res_error(res, rc ? 500 : 404, rc ? "database error" : "no such article");
    return;
  }
  json_t *o = article_json(&a);
  if (o) json_object_set_new(o, "text", str_or_null(a.body));
  /* Its story: {"id","headline","size"} (the story's id names it in
   * /api/stories/{id}), or null when the stories are busy or off. */
  ng_story_view v;
  if (o && req->cfg && req->cfg->stories &&
      ng_stories_get(req->cfg->stories, a.id, false, false, &v) == 1) {
    json_object_set_new(o, "story", json_pack("{s:I,s:s,s:I}", "id", (json_int_t)v.id, "headline",
                                              v.headline, "size", (json_int_t)v.narticles));
    ng_story_view_dispose(&v);
  } else if (o) {
    json_object_set_new(o, "story", json_null());
  }
  ng_stored_dispose(&a);
  put_json(res, o);
}

static void api_summary(const ng_req *req, ng_res *res) {
  int sentences, words;
  if (!summary_args(req, res, &sentences, &words)) return;
  char *json = NULL;
  size_t len = 0;
  bool hit;
  if (ng_summary_json(req, res, req->id, sentences, words, &json, &len, &hit))
    return;
  /* The hot path: no JSON parsing, the cached text is spliced in. */
  /* "sentences"/"words" echo the limits asked for; null: none given. */
  char head[160], sbuf[16] = "null", wbuf[16] = "null";
  if (sentences) snprintf(sbuf, sizeof sbuf, "%d", sentences);
  if (words) snprintf(wbuf, sizeof wbuf, "%d", words);
  int n = snprintf(head, sizeof head,
                   "{\"id\":%lld,\"sentences\":%s,\"words\":%s,"
                   "\"cached\":%s,\"summary\":",
                   (long long)req->id, sbuf, wbuf, hit ? "true" : "false");
  res->content_type = "application/json";
  ng_buf_put(&res->body, head, (size_t)n);
  ng_buf_put(&res->body, json, len);
  ng_buf_puts(&res->body, "}\n");
  res->cache_hit = hit;
  res->cache_miss = !hit;
  free(json);
}

/* The bytes the article was made from, as they were posted: the summary
 * offsets of an article of text input index them. Served as
 * application/octet-stream (with nosniff, as every answer), so stored
 * HTML is never rendered under the reader's origin. */
static void api_raw(const ng_req *req, ng_res *res) {
  ng_raw raw;
  int rc = ng_store_raw(req->w->store, req->id, &raw);
  if (rc <= 0) {
    ng_res_error(res, rc ? 500 : 404, rc ? "database error" : "no such article");
    return;
  }
  res->content_type = "application/octet-stream";
  if (ng_buf_put(&res->body, raw.data, raw.len)) {
    ng_buf_dispose(&res->body);
    ng_res_error(res, 503, "out of memory");
  }
  ng_raw_dispose(&raw);
}

static void api_summarize(const ng_req *req, ng_res *res) {
  body_input b;
  ng_article *a = NULL;
  ng_buf out = NG_BUF_INIT;
  if (!read_body(req, res, &b)) goto done;
  int sentences, words;
  if (!summary_args(req, res, &sentences, &words)) goto done;
  if (b.sentences || b.words) {
    sentences = (int)b.sentences;
    words = (int)b.words;
  }
  ng_error err = {0, NULL, 0};
  int rc = summarize_raw(req->w->ctx, b.in.data, b.in.len, b.in.url,
                         b.in.kind, b.in.charset, sentences, words,
                         req->cfg->max_body, &out, &a, &err);
  if (rc == NG_EENCODING && b.in.charset) {
    charset_error(res, b.in.charset, b.type);
    goto done;
  }
  if (rc) {
    fail_status(res, rc, &err);
    goto done;
  }
  const char *title = b.in.title && b.in.title[0]
                          ? b.in.title
                          : ng_article_field(a, NG_FIELD_TITLE, NULL);
  json_t *o = json_pack(
      "{s:s?,s:s,s:s}", "title", title, "language",
      ng_lang_code(ng_doc_lang(ng_article_doc(a))), "input",
      ng_article_input_kind(a) == NG_INPUT_HTML ? "html" : "text");
  char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
  json_decref(o);
  if (!s) {
    ng_res_error(res, 503, "out of memory");
    goto done;
  }
  res->content_type = "application/json";
  ng_buf_put(&res->body, s, strlen(s) - 1); /* drop the closing brace */
  ng_buf_puts(&res->body, ",\"summary\":");
  ng_buf_put(&res->body, out.ptr, out.len);
  ng_buf_puts(&res->body, "}\n");
  free(s);
done:
  ng_buf_dispose(&out);
  ng_article_free(a);
  body_dispose(&b);
}

/* ---- in-process dispatch (fuzz/fuzz_serve.c) ------------------------- */

/* Decodes s in place as libmicrohttpd does for arguments: '+' is a space,
 * %XX a byte, anything else (a lone '%') stays. */
static void unescape_arg(char *s) {
  char *d = s;
  for (; *s; s++) {
    int hi, lo;
    if (*s == '+') {
      *d++ = ' ';
    } else if (*s == '%' && (hi = hex_digit(s[1])) >= 0 &&
               (lo = hex_digit(s[2])) >= 0) {
      *d++ = (char)(hi * 16 + lo);
      s += 2;
    } else {
      *d++ = *s;
    }
  }
  *d = '\0';
}

void ng_route_dispatch(ng_worker *w, const ng_server_config *cfg,
                       const char *method, const char *path,
                       const char *query, const char *content_type,
                       const char *body, size_t body_len, ng_res *res) {
  memset(res, 0, sizeof *res);
  res->status = 200;
  int status = 0;
  int64_t id = 0;
  int route = ng_route_match(method, path, &id, &status);
  if (route < 0) {
    ng_route_error(res, path, status, NULL);
    return;
  }
  /* A NUL byte would cut the decoded value short (libmicrohttpd's
   * strings end at it): refused, as http.c refuses it in the URL. */
  if (query && strstr(query, "%00")) {
    ng_route_error(res, path, 400, NUL_IN_URL);
    return;
  }
  if (body_len > cfg->max_body) {
    ng_res_error(res, 413, NULL);
    return;
  }
  /* "k=v&k2&..." -> {k, v, k2, NULL, ..., NULL}, decoded in a copy. */
  char *q = strdup(query ? query : "");
  size_t n = 1;
  for (const char *p = q; p && *p; p++) n += *p == '&';
  const char **args = calloc(2 * n + 1, sizeof *args);
  if (!q || !args) {
    free(q);
    free(args);
    ng_res_error(res, 503, "out of memory");
    return;
  }
  size_t k = 0;
  for (char *p = q, *next; *p; p = next) {
    char *amp = strchr(p, '&');
    next = amp ? amp + 1 : p + strlen(p);
    if (amp) *amp = '\0';
    if (!*p) continue;
    char *eq = strchr(p, '=');
    if (eq) *eq = '\0';
    unescape_arg(p);
    if (eq) unescape_arg(eq + 1);
    args[k++] = p;
    args[k++] = eq ? eq + 1 : NULL;
  }
  args[k] = NULL;
  ng_req req;
  memset(&req, 0, sizeof req);
  req.method = method;
  req.path = path;
  req.body = body ? body : "";
  req.body_len = body ? body_len : 0;
  req.content_type = content_type;
  req.id = id;
  req.w = w;
  req.cfg = cfg;
  req.args = args;
  ng_routes[route].handle(&req, res);
  free(args);
  free(q);
}

/* ---- stories ------------------------------------------------------- */

/* {"id","headline","articles":[{"id","title","date"}]} (+ entities and
 * digest when the view has them). */
static json_t *story_json(const ng_story_view *v, bool full) {
  json_t *arts = json_array();
  for (size_t i = 0; arts && i < v->narticles; i++)
    json_array_append_new(arts, json_pack("{s:I,s:s,s:s?}", "id", (json_int_t)v->articles[i].id,
                                          "title", v->articles[i].title, "date",
                                          v->articles[i].date));
  json_t *o = json_pack("{s:I,s:s,s:o}", "id", (json_int_t)v->id, "headline", v->headline,
                        "articles", arts);
  if (!o || !full) return o;
  json_t *ents = json_array(), *dig = json_array();
  for (size_t i = 0; ents && i < v->nentities; i++)
    json_array_append_new(ents, json_pack("{s:s,s:s}", "kind", v->entities[i].kind, "name",
                                          v->entities[i].name));
  for (size_t i = 0; dig && i < v->ndigest; i++)
    json_array_append_new(dig, json_pack("{s:I,s:s}", "article", (json_int_t)v->digest[i].article,
                                         "text", v->digest[i].text));
  json_object_set_new(o, "entities", ents);
  json_object_set_new(o, "digest", dig);
  return o;
}

static void story_row(const ng_story_view *v, void *user) {
  json_array_append_new(user, story_json(v, false));
}

static bool have_stories(const ng_req *req, ng_res *res) {
  if (!req->cfg || !req->cfg->stories) {
    ng_res_error(res, 503, "stories are not available on this server");
    return false;
  }
  if (ng_stories_busy(req->cfg->stories)) {
    ng_res_error(res, 503, "the stories are being read from the store; try again shortly");
    return false;
  }
  return true;
}

static void api_stories(const ng_req *req, ng_res *res) {
  if (!have_stories(req, res)) return;
  long page, per, min;
  if (!page_args(req, res, &page, &per)) return;
  if (!int_arg(ng_req_arg(req, "min_articles"), 1, 1000000, &min)) {
    ng_res_error(res, 400, "min_articles must be a number from 1");
    return;
  }
  if (!min) min = 1;
  json_t *arr = json_array();
  int64_t total = 0;
  if (!arr || ng_stories_list(req->cfg->stories, (size_t)min, (int64_t)(page - 1) * per, per,
                              &total, story_row, arr)) {
    json_decref(arr);
    ng_res_error(res, 503, "the stories could not be read");
    return;
  }
  put_json(res, json_pack("{s:i,s:i,s:I,s:o}", "page", (int)page, "per_page", (int)per, "total",
                          (json_int_t)total, "stories", arr));
}

static void api_story(const ng_req *req, ng_res *res) {
  if (!have_stories(req, res)) return;
  ng_story_view v;
  int rc = ng_stories_get(req->cfg->stories, req->id, true, true, &v);
  if (rc <= 0) {
    ng_res_error(res, rc ? 503 : 404, rc ? "the stories could not be read" : "no such article");
    return;
  }
  put_json(res, story_json(&v, true));
  ng_story_view_dispose(&v);
}

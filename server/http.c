/* http.c - the HTTP front: libmicrohttpd with a thread pool, request
 * bodies read under a limit, bearer tokens for writes, the worker free
 * list, metrics, and the mapping from library statuses to HTTP statuses.
 *
 * A request goes through on_request() three or more times (libmicrohttpd's
 * protocol): first with the headers only (route, token and Content-Length
 * are checked here, so a bad request is answered before its body is read),
 * then once per body chunk (appended while under the limit, dropped past
 * it: an oversized body is never held whole), then a last time to answer.
 *
 * Workers: each request borrows a {ng_ctx, ng_store} pair from a
 * mutex-protected free list and gives it back when answered. At most one
 * pair per pool thread is ever made, since a thread handles one request at
 * a time; contexts and SQLite connections are reused, never shared.
 *
 * Time: a request's database statements stop when it has run for
 * QUERY_BUDGET_S (answered 503), and at once when the server stops, so
 * neither a slow query nor SIGTERM waits on one (libmicrohttpd joins its
 * threads, which finish the request they hold). */
#include "server.h"

#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* Seconds of database work a request may take. */
#define QUERY_BUDGET_S 10

#define NBUCKETS 12
static const double bucket_le[NBUCKETS] = {0.0005, 0.001, 0.0025, 0.005,
                                           0.01,   0.025, 0.05,   0.1,
                                           0.25,   0.5,   1.0,    2.5};

typedef struct route_metrics {
  atomic_ullong by_class[6]; /* 1xx..5xx by status / 100 */
  atomic_ullong buckets[NBUCKETS];
  atomic_ullong count;
  atomic_ullong sum_us;
} route_metrics;

struct ng_server {
  struct MHD_Daemon *d;
  ng_server_config cfg;
  pthread_mutex_t lock;
  ng_worker *free_workers;
  ng_worker **all; /* every worker made, for shutdown */
  size_t nall, capall;
  route_metrics *rm; /* ng_route_count + 1 (unmatched) */
  atomic_ullong cache_hits, cache_misses, too_big, timeouts;
  atomic_bool stopping; /* ng_server_stop() has begun */
};

/* One request: made when its request line is read (on_uri), freed when
 * it ends (on_completed). */
typedef struct conn {
  struct timespec t0;
  bool started; /* on_request() has seen its headers */
  bool nul;     /* the raw URL has a "%00" */
  int route; /* index in ng_routes, or -1 */
  int64_t id;
  ng_buf body;
  bool too_big;
} conn;

/* One connection (socket): what tells an idle one closed by --timeout
 * from one its client closed. */
typedef struct sock {
  int64_t last_ns; /* connected, or its last request ended */
  bool busy;       /* a request line has been read and not yet answered */
} sock;

/* ---- workers -------------------------------------------------------- */

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* SQLite's progress handler: nonzero stops the running statement. */
static int stop_query(void *user) {
  ng_worker *w = user;
  if (atomic_load(&w->srv->stopping) ||
      (w->deadline_ns && now_ns() > w->deadline_ns)) {
    w->cut = true;
    return 1;
  }
  return 0;
}

/* A worker {ng_ctx, ng_store} for the server (NULL: out of memory or a
 * database error; why[cap] says which). */
static ng_worker *worker_new(ng_server *srv, char *why, size_t cap) {
  ng_worker *w = calloc(1, sizeof *w);
  if (!w) {
    snprintf(why, cap, "out of memory");
    return NULL;
  }
  if (ng_ctx_new(&w->ctx, NULL, NULL)) {
    snprintf(why, cap, "out of memory");
    free(w);
    return NULL;
  }
  if (ng_store_open(&w->store, srv->cfg.db_path, why, cap)) {
    ng_ctx_free(w->ctx);
    free(w);
    return NULL;
  }
  w->srv = srv;
  ng_store_set_interrupt(w->store, stop_query, w);
  return w;
}

static ng_worker *worker_get(ng_server *srv) {
  pthread_mutex_lock(&srv->lock);
  ng_worker *w = srv->free_workers;
  if (w) srv->free_workers = w->next_free;
  pthread_mutex_unlock(&srv->lock);
  if (w) return w;
  char why[256];
  if (!(w = worker_new(srv, why, sizeof why))) return NULL;
  pthread_mutex_lock(&srv->lock);
  if (srv->nall == srv->capall) {
    size_t cap = srv->capall ? srv->capall * 2 : 8;
    ng_worker **a = realloc(srv->all, cap * sizeof *a);
    if (a) {
      srv->all = a;
      srv->capall = cap;
    }
  }
  if (srv->nall < srv->capall) srv->all[srv->nall++] = w;
  pthread_mutex_unlock(&srv->lock);
  return w;
}

static void worker_put(ng_server *srv, ng_worker *w) {
  if (!w) return;
  pthread_mutex_lock(&srv->lock);
  w->next_free = srv->free_workers;
  srv->free_workers = w;
  pthread_mutex_unlock(&srv->lock);
}

/* ---- requests ------------------------------------------------------- */

const char *ng_req_arg(const ng_req *r, const char *key) {
  if (!r->conn) { /* ng_route_dispatch(): pairs decoded by routes.c */
    for (const char *const *a = r->args; a && a[0]; a += 2)
      if (strcmp(a[0], key) == 0) return a[1];
    return NULL;
  }
  return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, key);
}

const char *ng_req_header(const ng_req *r, const char *key) {
  if (!r->conn) return NULL; /* ng_route_dispatch(): no headers */
  return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, key);
}

int ng_http_status(int code) {
  switch (code) {
  case NG_OK: return 200;
  case NG_ETOOBIG: return 413;
  case NG_EUTF8:
  case NG_EBINARY:
  case NG_EINVAL:
  case NG_EENCODING: return 400;
  case NG_EEMPTY:
  case NG_EPARSE:
  case NG_EDEPTH: return 422;
  case NG_ENOMEM: return 503;
  default: return 500;
  }
}

static const char *reason(int status) {
  switch (status) {
  case 400: return "bad request";
  case 401: return "missing or wrong bearer token";
  case 404: return "not found";
  case 405: return "method not allowed";
  case 413: return "request body too large";
  case 415: return "unsupported media type";
  case 422: return "unprocessable input";
  case 503: return "service unavailable";
  default: return "internal error";
  }
}

void ng_res_error(ng_res *res, int status, const char *msg) {
  res->status = status;
  res->content_type = "application/json";
  res->body.len = 0;
  json_t *o = json_pack("{s:s,s:i}", "error", msg ? msg : reason(status),
                        "code", status);
  char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
  ng_buf_puts(&res->body, s ? s : "{\"error\":\"internal error\",\"code\":500}");
  ng_buf_puts(&res->body, "\n");
  free(s);
  json_decref(o);
}

static double elapsed_s(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0->tv_sec) +
         (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void count(ng_server *srv, conn *cs, int status) {
  route_metrics *m = &srv->rm[cs->route >= 0 ? (size_t)cs->route
                                             : ng_route_count];
  double s = elapsed_s(&cs->t0);
  int cls = status / 100;
  if (cls < 1 || cls > 5) cls = 5;
  atomic_fetch_add(&m->by_class[cls], 1);
  atomic_fetch_add(&m->count, 1);
  atomic_fetch_add(&m->sum_us, (unsigned long long)(s * 1e6));
  for (int i = 0; i < NBUCKETS; i++)
    if (s <= bucket_le[i]) {
      atomic_fetch_add(&m->buckets[i], 1);
      break;
    }
}

/* Writes s to f with every byte outside printable ASCII, and '\\', as
 * \xHH: a logged path or message cannot start a line of its own or send
 * a terminal escape ("%0A", "%1B" in a URL arrive decoded). */
static void log_escaped(FILE *f, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= 0x20 && *p < 0x7f && *p != '\\') fputc(*p, f);
    else fprintf(f, "\\x%02X", *p);
  }
}

static enum MHD_Result send_res(struct MHD_Connection *c, ng_server *srv,
                                conn *cs, const char *method, const char *url,
                                ng_res *res) {
  static char empty[1];
  struct MHD_Response *r = MHD_create_response_from_buffer(
      res->body.len, res->body.ptr ? res->body.ptr : empty,
      MHD_RESPMEM_MUST_COPY);
  if (!r) return MHD_NO;
  MHD_add_response_header(r, "Content-Type",
                          res->content_type ? res->content_type
                                            : "application/json");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(
      r, "Content-Security-Policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; "
      "img-src 'self'; connect-src 'self'; form-action 'self'; "
      "base-uri 'none'; frame-ancestors 'none'");
  if (res->no_store) MHD_add_response_header(r, "Cache-Control", "no-store");
  if (res->location) MHD_add_response_header(r, "Location", res->location);
  if (res->allow) MHD_add_response_header(r, "Allow", res->allow);
  if (res->status == 401)
    MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
  if (res->status == 413 || res->close) /* an unread body makes the connection unusable */
    MHD_add_response_header(r, "Connection", "close");
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)res->status, r);
  MHD_destroy_response(r);
  if (res->cache_hit) atomic_fetch_add(&srv->cache_hits, 1);
  count(srv, cs, res->status);
  if (!srv->cfg.quiet) {
    /* One write per line, so the lines of two threads do not mix. */
    flockfile(stderr);
    fputs("nutgraf: ", stderr);
    log_escaped(stderr, method);
    fputc(' ', stderr);
    log_escaped(stderr, url);
    fprintf(stderr, " %d %.1fms\n", res->status, elapsed_s(&cs->t0) * 1e3);
    funlockfile(stderr);
  }
  return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, ng_server *srv,
                                  conn *cs, const char *method,
                                  const char *url, int status,
                                  const char *msg) {
  ng_res res;
  memset(&res, 0, sizeof res);
  ng_res_error(&res, status, msg);
  enum MHD_Result ok = send_res(c, srv, cs, method, url, &res);
  ng_buf_dispose(&res.body);
  return ok;
}

/* Compares without an early exit, so timing does not reveal a prefix.
 * The scheme is case-insensitive (RFC 9110 11.1), then one or more
 * spaces. */
static bool token_ok(const char *auth, const char *token) {
  if (!auth || strncasecmp(auth, "Bearer ", 7) != 0) return false;
  auth += 7;
  while (*auth == ' ') auth++;
  size_t a = strlen(auth), t = strlen(token);
  unsigned char diff = a != t;
  for (size_t i = 0; i < t; i++)
    diff |= (unsigned char)(token[i] ^ (i < a ? auth[i] : 0));
  return diff == 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls) {
  ng_server *srv = cls;
  conn *cs = *con_cls;
  if (!cs || !cs->started) {
    if (!cs && !(cs = calloc(1, sizeof *cs))) return MHD_NO;
    cs->started = true;
    clock_gettime(CLOCK_MONOTONIC, &cs->t0);
    *con_cls = cs;
    int status = 0;
    cs->route = ng_route_match(method, url, &cs->id, &status);
    /* What libmicrohttpd 0.9.75 lets through: an HTTP/1.1 request must
     * name its Host (RFC 9112 3.2), and one with both Content-Length and
     * Transfer-Encoding may be smuggling a second request (6.1). */
    const char *bad = NULL;
    if (strcmp(version, "HTTP/1.1") == 0 &&
        !MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host"))
      bad = "an HTTP/1.1 request needs a Host header";
    else if (MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length") &&
             MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
      bad = "Content-Length and Transfer-Encoding together";
    if (bad || cs->nul) {
      cs->route = -1;
      ng_res res;
      memset(&res, 0, sizeof res);
      ng_route_error(&res, url, 400, bad ? bad : "the URL holds a NUL byte (%00)");
      res.close = bad != NULL;
      enum MHD_Result ok = send_res(c, srv, cs, method, url, &res);
      ng_buf_dispose(&res.body);
      return ok;
    }
    if (cs->route < 0) {
      ng_res res;
      memset(&res, 0, sizeof res);
      ng_route_error(&res, url, status, NULL);
      enum MHD_Result ok = send_res(c, srv, cs, method, url, &res);
      ng_buf_dispose(&res.body);
      return ok;
    }
    const ng_route *rt = &ng_routes[cs->route];
    if ((rt->flags & NG_ROUTE_WRITE) && srv->cfg.token &&
        !token_ok(MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                              "Authorization"),
                  srv->cfg.token))
      return send_error(c, srv, cs, method, url, 401, NULL);
    const char *cl =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    if (cl) {
      char *end;
      unsigned long long n = strtoull(cl, &end, 10);
      if (n > srv->cfg.max_body) {
        atomic_fetch_add(&srv->too_big, 1);
        return send_error(c, srv, cs, method, url, 413, NULL);
      }
    }
    return MHD_YES;
  }
  if (*upload_size) {
    if (!cs->too_big) {
      /* Past the limit: keep reading but drop the bytes, and answer 413
       * at the end (libmicrohttpd 0.9.75 refuses a response queued
       * mid-upload, so this is the earliest clean answer for a chunked
       * body; one with Content-Length was refused before any read). */
      if (cs->body.len + *upload_size > srv->cfg.max_body) {
        cs->too_big = true;
        ng_buf_dispose(&cs->body);
      } else if (ng_buf_put(&cs->body, upload, *upload_size)) {
        cs->too_big = true; /* out of memory: answer 413 as well */
        ng_buf_dispose(&cs->body);
      }
    }
    *upload_size = 0;
    return MHD_YES;
  }
  if (cs->too_big) {
    atomic_fetch_add(&srv->too_big, 1);
    return send_error(c, srv, cs, method, url, 413, NULL);
  }
  const ng_route *rt = &ng_routes[cs->route];
  ng_res res;
  memset(&res, 0, sizeof res);
  res.status = 200;
  ng_req req;
  memset(&req, 0, sizeof req);
  req.method = method;
  req.path = url;
  req.body = cs->body.ptr ? cs->body.ptr : "";
  req.body_len = cs->body.len;
  req.content_type =
      MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
  req.id = cs->id;
  req.cfg = &srv->cfg;
  req.conn = c;
  req.srv = srv;
  req.w = worker_get(srv);
  if (!req.w) {
    ng_res_error(&res, 503, "no worker (out of memory or database error)");
  } else {
    req.w->cut = false;
    req.w->deadline_ns = now_ns() + (int64_t)QUERY_BUDGET_S * 1000000000;
    rt->handle(&req, &res);
    if (req.w->cut) { /* whatever the handler made of the failed query */
      const char *msg = atomic_load(&srv->stopping)
                            ? "the server is stopping"
                            : "the request took too long";
      res.location = NULL;
      if (strncmp(rt->name, "web_", 4) == 0) ng_web_error(&res, 503, msg);
      else ng_res_error(&res, 503, msg);
    }
    worker_put(srv, req.w);
  }
  if (res.cache_miss) atomic_fetch_add(&srv->cache_misses, 1);
  enum MHD_Result ok = send_res(c, srv, cs, method, url, &res);
  ng_buf_dispose(&res.body);
  free(res.owned);
  return ok;
}

/* Timeouts. libmicrohttpd reports a request it closed for --timeout to
 * on_completed, but only once the request has reached the application:
 * on_uri makes that happen at its request line, so a request stalled in
 * its headers or its body is counted there. A connection with no request
 * under way (none sent yet, a request line not finished, or idle between
 * keep-alive requests) has nothing to complete: on_connection counts it
 * when it closes after --timeout seconds without a request ending. */
static void sock_mark(struct MHD_Connection *c, bool busy) {
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  sock *k = ci ? ci->socket_context : NULL;
  if (!k) return;
  k->busy = busy;
  k->last_ns = now_ns();
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c) {
  (void)cls;
  sock_mark(c, true);
  /* The request's state, made now (NULL: on_request tries again). */
  conn *cs = calloc(1, sizeof *cs);
  /* libmicrohttpd decodes the path and the arguments into C strings, so
   * a %00 would cut them short ("/a/1%00" read as "/a/1"): only the raw
   * URL shows it. */
  if (cs) cs->nul = strstr(uri, "%00") != NULL;
  return cs;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode why) {
  ng_server *srv = cls;
  conn *cs = *con_cls;
  if (why == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED)
    atomic_fetch_add(&srv->timeouts, 1);
  sock_mark(c, false);
  if (!cs) return;
  ng_buf_dispose(&cs->body);
  free(cs);
  *con_cls = NULL;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode what) {
  (void)c;
  ng_server *srv = cls;
  sock *k = *socket_context;
  if (what == MHD_CONNECTION_NOTIFY_STARTED) {
    if ((k = calloc(1, sizeof *k))) k->last_ns = now_ns();
    *socket_context = k;
    return;
  }
  if (!k) return;
  /* Idle for the whole timeout (less a little for the check's period):
   * libmicrohttpd closed it, its client would have closed it sooner. */
  if (!k->busy && now_ns() - k->last_ns >= (int64_t)srv->cfg.timeout_s * 1000000000 - 100000000)
    atomic_fetch_add(&srv->timeouts, 1);
  free(k);
  *socket_context = NULL;
}

/* ---- metrics -------------------------------------------------------- */

static long rss_bytes(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, rss = 0;
  if (!f) return 0;
  if (fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
  fclose(f);
  return rss * sysconf(_SC_PAGESIZE);
}

static void putf(ng_buf *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void putf(ng_buf *out, const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n > 0) ng_buf_put(out, line, (size_t)n < sizeof line ? (size_t)n
                                                         : sizeof line - 1);
}

void ng_server_metrics(ng_server *srv, ng_store *st, ng_buf *out) {
  if (!srv) { /* ng_route_dispatch(): no server, so no counters */
    putf(out, "# TYPE nutgraf_articles gauge\nnutgraf_articles %lld\n",
         (long long)(st ? ng_store_count(st) : -1));
    return;
  }
  ng_buf_puts(out, "# HELP nutgraf_http_requests_total HTTP requests by"
                   " route and status class.\n"
                   "# TYPE nutgraf_http_requests_total counter\n");
  for (size_t i = 0; i <= ng_route_count; i++) {
    const char *name = i < ng_route_count ? ng_routes[i].name : "unmatched";
    for (int k = 1; k <= 5; k++) {
      unsigned long long v = atomic_load(&srv->rm[i].by_class[k]);
      if (v)
        putf(out, "nutgraf_http_requests_total{route=\"%s\",code=\"%dxx\"}"
                  " %llu\n", name, k, v);
    }
  }
  ng_buf_puts(out, "# HELP nutgraf_http_errors_total HTTP responses with a"
                   " 4xx or 5xx status.\n"
                   "# TYPE nutgraf_http_errors_total counter\n");
  unsigned long long e4 = 0, e5 = 0;
  for (size_t i = 0; i <= ng_route_count; i++) {
    e4 += atomic_load(&srv->rm[i].by_class[4]);
    e5 += atomic_load(&srv->rm[i].by_class[5]);
  }
  putf(out, "nutgraf_http_errors_total{class=\"4xx\"} %llu\n", e4);
  putf(out, "nutgraf_http_errors_total{class=\"5xx\"} %llu\n", e5);
  ng_buf_puts(out, "# HELP nutgraf_http_request_duration_seconds Time from"
                   " request headers to response.\n"
                   "# TYPE nutgraf_http_request_duration_seconds histogram\n");
  for (size_t i = 0; i <= ng_route_count; i++) {
    const char *name = i < ng_route_count ? ng_routes[i].name : "unmatched";
    unsigned long long n = atomic_load(&srv->rm[i].count), cum = 0;
    if (!n) continue;
    for (int b = 0; b < NBUCKETS; b++) {
      cum += atomic_load(&srv->rm[i].buckets[b]);
      putf(out, "nutgraf_http_request_duration_seconds_bucket{route=\"%s\","
                "le=\"%g\"} %llu\n", name, bucket_le[b], cum);
    }
    putf(out, "nutgraf_http_request_duration_seconds_bucket{route=\"%s\","
              "le=\"+Inf\"} %llu\n", name, n);
    putf(out, "nutgraf_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n",
         name, (double)atomic_load(&srv->rm[i].sum_us) / 1e6);
    putf(out, "nutgraf_http_request_duration_seconds_count{route=\"%s\"}"
              " %llu\n", name, n);
  }
  putf(out, "# HELP nutgraf_summary_cache_hits_total Summaries served from"
            " the store.\n# TYPE nutgraf_summary_cache_hits_total counter\n"
            "nutgraf_summary_cache_hits_total %llu\n",
       (unsigned long long)atomic_load(&srv->cache_hits));
  putf(out, "# HELP nutgraf_summary_cache_misses_total Summaries computed.\n"
            "# TYPE nutgraf_summary_cache_misses_total counter\n"
            "nutgraf_summary_cache_misses_total %llu\n",
       (unsigned long long)atomic_load(&srv->cache_misses));
  putf(out, "# HELP nutgraf_http_body_too_large_total Bodies refused with"
            " 413.\n# TYPE nutgraf_http_body_too_large_total counter\n"
            "nutgraf_http_body_too_large_total %llu\n",
       (unsigned long long)atomic_load(&srv->too_big));
  putf(out, "# HELP nutgraf_http_timeouts_total Connections closed after"
            " --timeout: idle, or stalled in a request's line, headers or"
            " body.\n# TYPE nutgraf_http_timeouts_total counter\n"
            "nutgraf_http_timeouts_total %llu\n",
       (unsigned long long)atomic_load(&srv->timeouts));
  putf(out, "# HELP nutgraf_articles Articles in the store.\n"
            "# TYPE nutgraf_articles gauge\nnutgraf_articles %lld\n",
       (long long)(st ? ng_store_count(st) : -1));
  putf(out, "# HELP process_resident_memory_bytes Resident memory.\n"
            "# TYPE process_resident_memory_bytes gauge\n"
            "process_resident_memory_bytes %ld\n", rss_bytes());
}

/* ---- start and stop -------------------------------------------------- */

static void mhd_log(void *cls, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
static void mhd_log(void *cls, const char *fmt, va_list ap) {
  ng_server *srv = cls;
  if (srv->cfg.quiet) return;
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  size_t n = strlen(msg);
  while (n && msg[n - 1] == '\n') msg[--n] = '\0';
  flockfile(stderr);
  fputs("nutgraf: libmicrohttpd: ", stderr);
  log_escaped(stderr, msg);
  fputc('\n', stderr);
  funlockfile(stderr);
}

int ng_server_start(ng_server **out, const ng_server_config *cfg,
                    unsigned *port, char *why, size_t cap) {
  *out = NULL;
  ng_server *srv = calloc(1, sizeof *srv);
  if (!srv) {
    snprintf(why, cap, "out of memory");
    return -1;
  }
  srv->cfg = *cfg;
  pthread_mutex_init(&srv->lock, NULL);
  srv->rm = calloc(ng_route_count + 1, sizeof *srv->rm);
  if (!srv->rm) {
    snprintf(why, cap, "out of memory");
    goto fail;
  }
  /* Open one worker now: creates and migrates the database, and reports a
   * bad --db before we listen. */
  ng_worker *w = worker_new(srv, why, cap);
  if (!w) goto fail;
  srv->all = malloc(8 * sizeof *srv->all);
  if (!srv->all) {
    ng_store_close(w->store);
    ng_ctx_free(w->ctx);
    free(w);
    snprintf(why, cap, "out of memory");
    goto fail;
  }
  srv->capall = 8;
  srv->all[srv->nall++] = w;
  srv->free_workers = w;

  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  struct sockaddr *sa;
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
  memset(&a4, 0, sizeof a4);
  memset(&a6, 0, sizeof a6);
  if (inet_pton(AF_INET, cfg->host, &a4.sin_addr) == 1) {
    a4.sin_family = AF_INET;
    a4.sin_port = htons((uint16_t)cfg->port);
    sa = (struct sockaddr *)&a4;
  } else if (inet_pton(AF_INET6, cfg->host, &a6.sin6_addr) == 1) {
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons((uint16_t)cfg->port);
    sa = (struct sockaddr *)&a6;
    flags |= MHD_USE_IPv6;
  } else {
    snprintf(why, cap, "'%s' is not a numeric IPv4 or IPv6 address",
             cfg->host);
    goto fail;
  }
  srv->d = MHD_start_daemon(
      flags, (uint16_t)cfg->port, NULL, NULL, on_request, srv,
      MHD_OPTION_EXTERNAL_LOGGER, mhd_log, srv, MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_THREAD_POOL_SIZE,
      (unsigned)(cfg->threads ? cfg->threads : 1),
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->timeout_s,
      MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
      MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
      MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
      MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, MHD_OPTION_END);
  if (!srv->d) {
    snprintf(why, cap, "cannot listen on %s:%u (address in use?)", cfg->host,
             cfg->port);
    goto fail;
  }
  const union MHD_DaemonInfo *info =
      MHD_get_daemon_info(srv->d, MHD_DAEMON_INFO_BIND_PORT);
  *port = info ? info->port : cfg->port;
  *out = srv;
  return 0;
fail:
  ng_server_stop(srv);
  return -1;
}

void ng_server_stop(ng_server *srv) {
  if (!srv) return;
  /* Running statements stop now (stop_query), so the pool threads
   * finish their requests quickly; then libmicrohttpd joins them. */
  atomic_store(&srv->stopping, true);
  if (srv->d) MHD_stop_daemon(srv->d);
  for (size_t i = 0; i < srv->nall; i++) {
    ng_store_close(srv->all[i]->store);
    ng_ctx_free(srv->all[i]->ctx);
    free(srv->all[i]);
  }
  free(srv->all);
  free(srv->rm);
  pthread_mutex_destroy(&srv->lock);
  free(srv);
}

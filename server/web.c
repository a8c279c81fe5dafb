/* web.c - the web reader: server-rendered HTML pages, one stylesheet and a
 * few lines of script, all built into the binary.
 *
 * Every piece of article content goes through ng_html_escape(); the pages
 * also carry a Content-Security-Policy that allows scripts from this server
 * only (http.c), so a stored "<script>" is shown as text and would not run
 * even if an escape were missed.
 *
 * The "Get a summary" control is a link to the same page with ?summary=1,
 * which renders the summary on the server; reader.js turns the click into
 * a fetch of the JSON API and reveals the summary without a reload. */
#include "server.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web_assets.inc" /* asset_style_css, asset_reader_js (generated) */

void ng_html_escape(ng_buf *out, const char *s, size_t n) {
  size_t start = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    case '\0': rep = "\xEF\xBF\xBD"; break;
    default: continue;
    }
    ng_buf_put(out, s + start, i - start);
    ng_buf_puts(out, rep);
    start = i + 1;
  }
  ng_buf_put(out, s + start, n - start);
}

void ng_web_escape(ng_buf *out, const char *s) {
  if (s) ng_html_escape(out, s, strlen(s));
}

static void esc(ng_buf *out, const char *s) { ng_web_escape(out, s); }

static void lit(ng_buf *out, const char *s) { ng_buf_puts(out, s); }

void ng_web_int(ng_buf *out, long long v) {
  char n[32];
  snprintf(n, sizeof n, "%lld", v);
  ng_buf_puts(out, n);
}

static void putn(ng_buf *out, long long v) { ng_web_int(out, v); }

/* Appends a query-string value percent-encoded. */
static void url_arg(ng_buf *out, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.') {
      ng_buf_put(out, (const char *)p, 1);
    } else {
      char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
      ng_buf_put(out, e, 3);
    }
  }
}

void ng_web_page_start(ng_buf *out, const char *title, const char *q) {
  lit(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\"><title>");
  esc(out, title);
  lit(out, " · nutgraf</title><link rel=\"stylesheet\" "
           "href=\"/static/style.css\"><script src=\"/static/reader.js\" "
           "defer></script></head>\n<body><header class=\"top\">"
           "<a class=\"brand\" href=\"/\">nutgraf</a>"
           "<nav class=\"sections\"><a href=\"/\">Articles</a>"
           "<a href=\"/stories\">Stories</a></nav>"
           "<form class=\"search\" role=\"search\" method=\"get\" "
           "action=\"/\"><input type=\"search\" name=\"q\" "
           "placeholder=\"Search articles\" aria-label=\"Search articles\" "
           "value=\"");
  esc(out, q);
  lit(out, "\"><button type=\"submit\">Search</button></form></header>\n"
           "<main>\n");
}

void ng_web_page_end(ng_buf *out) {
  lit(out, "</main>\n<footer>nutgraf ");
  esc(out, ng_version());
  lit(out, " · extractive summaries: every sentence is quoted from the "
           "article</footer>\n</body></html>\n");
}

static void html_res(ng_res *res) {
  res->content_type = "text/html; charset=utf-8";
}

void ng_web_error(ng_res *res, int status, const char *msg) {
  res->status = status;
  res->body.len = 0;
  html_res(res);
  ng_web_page_start(&res->body, "Error", NULL);
  lit(&res->body, "<h1>");
  putn(&res->body, status);
  lit(&res->body, "</h1><p class=\"error\">");
  esc(&res->body, msg);
  lit(&res->body, "</p><p><a href=\"/\">Back to the articles</a></p>");
  ng_web_page_end(&res->body);
}

/* The source as shown: a file `nutgraf ingest` read is named by the
 * page's URL, or else by its file name, never by the server's path to it;
 * any other source (a URL, a name) as it is. */
static const char *shown_source(const ng_stored *a) {
  const char *src = a->source, *slash = src ? strrchr(src, '/') : NULL;
  if (!slash || strstr(src, "://")) return src;
  if (a->url && a->url[0]) return a->url;
  return slash[1] ? slash + 1 : src;
}

/* "site · author · date · source · N words" */
static void meta_line(ng_buf *out, const ng_stored *a) {
  lit(out, "<span class=\"meta\">");
  const char *parts[] = {a->site, a->author, a->date, shown_source(a)};
  int n = 0;
  for (size_t i = 0; i < 4; i++) {
    if (!parts[i] || !parts[i][0]) continue;
    if (n++) lit(out, " · ");
    esc(out, parts[i]);
  }
  if (n++) lit(out, " · ");
  putn(out, a->words);
  lit(out, " words</span>");
}

/* A search snippet: escaped, with FTS match marks as <mark>. */
static void snippet_html(ng_buf *out, const char *s) {
  const char *start = s;
  for (; *s; s++) {
    if (*s != '\x01' && *s != '\x02') continue;
    ng_html_escape(out, start, (size_t)(s - start));
    lit(out, *s == '\x01' ? "<mark>" : "</mark>");
    start = s + 1;
  }
  ng_html_escape(out, start, (size_t)(s - start));
}

typedef struct rows {
  ng_buf *out;
  int n;
  bool brief;
} rows;

static void row_html(const ng_stored *a, const char *snippet, void *user) {
  rows *r = user;
  r->n++;
  lit(r->out, "<li><a class=\"title\" href=\"/a/");
  putn(r->out, a->id);
  lit(r->out, "\">");
  esc(r->out, a->title && a->title[0] ? a->title : "(untitled)");
  lit(r->out, "</a>");
  if (!r->brief) {
    lit(r->out, " ");
    meta_line(r->out, a);
    if (snippet) {
      lit(r->out, "<p class=\"snippet\">");
      snippet_html(r->out, snippet);
      lit(r->out, "</p>");
    }
  }
  lit(r->out, "</li>\n");
}

#define PER_PAGE 20

void ng_web_home(const ng_req *req, ng_res *res) {
  const char *q = ng_req_arg(req, "q");
  const char *p = ng_req_arg(req, "page");
  long page = p ? strtol(p, NULL, 10) : 1;
  if (page < 1 || page > 1000000) page = 1;
  if (q && ng_utf8_check(q, strlen(q), NULL)) {
    ng_web_error(res, 400, "The search words are not valid UTF-8.");
    return;
  }
  if (q && !q[0]) q = NULL;
  html_res(res);
  ng_buf *out = &res->body;
  ng_web_page_start(out, q ? q : "Articles", q);
  lit(out, "<section class=\"paste\"><details><summary>No time to read? "
           "Paste an article and get a summary</summary>"
           "<form method=\"post\" action=\"/summarize\">"
           "<textarea name=\"text\" rows=\"8\" required "
           "placeholder=\"Paste the article text here\" "
           "aria-label=\"Article text\"></textarea>"
           "<label>Sentences <input type=\"number\" name=\"sentences\" "
           "min=\"1\" max=\"20\" value=\"3\"></label> "
           "<button type=\"submit\">Summarize this text</button></form>"
           "</details></section>\n");
  if (q) {
    lit(out, "<h1>Search: ");
    esc(out, q);
    lit(out, "</h1>\n");
  } else {
    lit(out, "<h1>Articles</h1>\n");
  }
  ng_buf list = NG_BUF_INIT;
  rows r = {&list, 0, false};
  int64_t total = 0;
  if (ng_store_list(req->w->store, q, false, 0, (int64_t)(page - 1) * PER_PAGE,
                    PER_PAGE, &total, row_html, &r)) {
    ng_buf_dispose(&list);
    ng_web_error(res, 500, "The article store could not be read.");
    return;
  }
  /* The last page there is (1 when there is nothing to list). */
  long last = total > 0 ? (long)((total + PER_PAGE - 1) / PER_PAGE) : 1;
  if (r.n) {
    lit(out, "<ol class=\"articles\" id=\"articles\">\n");
    ng_buf_put(out, list.ptr, list.len);
    lit(out, "</ol>\n");
  } else if (page > last && total > 0) {
    lit(out, "<p class=\"empty\">Page ");
    putn(out, page);
    lit(out, " is past the end: the last page is <a href=\"/?page=");
    putn(out, last);
    if (q) {
      lit(out, "&amp;q=");
      url_arg(out, q);
    }
    lit(out, "\">page ");
    putn(out, last);
    lit(out, "</a>.</p>\n");
  } else {
    lit(out, q && !ng_store_query_words(q)
                 ? "<p class=\"empty\">The search has no words to look for.</p>\n"
             : q ? "<p class=\"empty\">No article matches.</p>\n"
                 : "<p class=\"empty\">No articles yet. Add some with "
                   "<code>nutgraf ingest</code> or POST /api/articles.</p>\n");
  }
  ng_buf_dispose(&list);
  lit(out, "<nav class=\"pages\">");
  if (page <= last) {
    for (int k = 0; k < 2; k++) {
      long to = k ? page + 1 : page - 1;
      if (to < 1 || to > last) continue;
      lit(out, k ? "<a rel=\"next\" href=\"/?page=" : "<a rel=\"prev\" href=\"/?page=");
      putn(out, to);
      if (q) {
        lit(out, "&amp;q=");
        url_arg(out, q);
      }
      lit(out, k ? "\">Older →</a>" : "\">← Newer</a>");
    }
  }
  lit(out, " <span>");
  putn(out, total);
  lit(out, total == 1 ? " article</span></nav>\n" : " articles</span></nav>\n");
  ng_web_page_end(out);
}

/* The summary as a list of quoted sentences, from its JSON. */
static void summary_html(ng_buf *out, const char *json, size_t len) {
  json_t *root = json_loadb(json, len, 0, NULL);
  json_t *arr = root ? json_object_get(root, "sentences") : NULL;
  lit(out, "<h2>Summary</h2><ul>");
  size_t i;
  json_t *s;
  json_array_foreach(arr, i, s) {
    json_t *t = json_object_get(s, "text");
    lit(out, "<li>");
    if (json_is_string(t))
      ng_html_escape(out, json_string_value(t), json_string_length(t));
    lit(out, "</li>");
  }
  lit(out, "</ul>");
  json_decref(root);
}

static void body_html(ng_buf *out, const char *body) {
  const char *p = body;
  while (p && *p) {
    const char *end = strstr(p, "\n\n");
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n) {
      lit(out, "<p>");
      ng_html_escape(out, p, n);
      lit(out, "</p>\n");
    }
    p = end ? end + 2 : NULL;
  }
}

void ng_web_article(const ng_req *req, ng_res *res) {
  ng_stored a;
  int rc = ng_store_get(req->w->store, req->id, true, &a);
  if (rc <= 0) {
    ng_web_error(res, rc ? 500 : 404,
               rc ? "The article store could not be read."
                  : "There is no article with this number.");
    return;
  }
  const char *sp = ng_req_arg(req, "summary");
  bool show = sp && strcmp(sp, "0") != 0;
  char *json = NULL;
  size_t jlen = 0;
  bool hit;
  ng_res err;
  memset(&err, 0, sizeof err);
  int sum_status = 0;
  if (show)
    sum_status = ng_summary_json(req, &err, a.id, 0, 0, &json, &jlen, &hit);
  ng_buf_dispose(&err.body);

  html_res(res);
  ng_buf *out = &res->body;
  const char *title = a.title && a.title[0] ? a.title : "(untitled)";
  ng_web_page_start(out, title, NULL);
  lit(out, "<article data-id=\"");
  putn(out, a.id);
  lit(out, "\"><h1>");
  esc(out, title);
  lit(out, "</h1>\n<p>");
  meta_line(out, &a);
  if (a.url && a.url[0]) {
    lit(out, " · <a class=\"orig\" rel=\"noopener noreferrer nofollow\" href=\"");
    /* Only http(s) addresses become links: no javascript: or data:. */
    if (strncmp(a.url, "https://", 8) == 0 || strncmp(a.url, "http://", 7) == 0)
      esc(out, a.url);
    else
      lit(out, "#");
    lit(out, "\">original</a>");
  }
  lit(out, "</p>\n<div class=\"tldr\">");
  if (show && sum_status == 0) {
    lit(out, "<section id=\"summary\" class=\"summary\" aria-live=\"polite\">");
    summary_html(out, json, jlen);
    lit(out, "</section>");
  } else {
    lit(out, "<a id=\"get-summary\" class=\"button\" href=\"/a/");
    putn(out, a.id);
    lit(out, "?summary=1#summary\" data-api=\"/api/articles/");
    putn(out, a.id);
    lit(out, "/summary\">No time to read? Get a summary</a>");
    if (show)
      lit(out, "<p class=\"error\">This article could not be summarized.</p>");
    lit(out, "<section id=\"summary\" class=\"summary\" aria-live=\"polite\" "
             "hidden></section>");
  }
  lit(out, "</div>\n<div class=\"body\">\n");
  body_html(out, a.body);
  lit(out, "</div></article>\n<nav class=\"pages\">");
  int64_t prev = 0, next = 0;
  ng_store_neighbours(req->w->store, a.id, &prev, &next);
  if (prev) {
    lit(out, "<a rel=\"prev\" id=\"prev\" href=\"/a/");
    putn(out, prev);
    lit(out, "\">← Previous article</a>");
  }
  if (next) {
    lit(out, "<a rel=\"next\" id=\"next\" href=\"/a/");
    putn(out, next);
    lit(out, "\">Next article →</a>");
  }
  lit(out, "</nav>\n");
  ng_web_story_box(req, out, a.id);
  if (!ng_web_related_box(req, out, a.id) && a.title) {
    ng_buf rel = NG_BUF_INIT;
    rows r = {&rel, 0, true};
    int64_t total;
    if (ng_store_list(req->w->store, a.title, true, a.id, 0, 5, &total,
                      row_html, &r) == 0 &&
        r.n) {
      lit(out, "<aside class=\"related\"><h2>Related articles</h2><ul>");
      ng_buf_put(out, rel.ptr, rel.len);
      lit(out, "</ul></aside>\n");
    }
    ng_buf_dispose(&rel);
  }
  ng_web_page_end(out);
  free(json);
  ng_stored_dispose(&a);
}

void ng_web_summarize(const ng_req *req, ng_res *res) {
  char *text = NULL, *ns = NULL;
  size_t tlen = 0, nlen;
  ng_article *a = NULL;
  ng_summary *s = NULL;
  ng_error err = {0, NULL, 0};
  int rc = NG_EEMPTY;
  if (ng_form_value(&text, &tlen, req->body, req->body_len, "text") < 0 ||
      ng_form_value(&ns, &nlen, req->body, req->body_len, "sentences") < 0) {
    ng_web_error(res, 503, "Out of memory.");
    goto done;
  }
  if ((text && memchr(text, '\0', tlen)) || (ns && memchr(ns, '\0', nlen))) {
    ng_web_error(res, 400, "The form holds a NUL byte (%00).");
    goto done;
  }
  long n = ns ? strtol(ns, NULL, 10) : 3;
  if (n < 1 || n > 20) n = 3;
  if (text) {
    ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
    eo.max_bytes = req->cfg->max_body;
    rc = ng_extract(&a, req->w->ctx, text, tlen, &eo, &err);
    if (rc == NG_OK && !ng_article_doc(a)) rc = NG_EEMPTY;
    if (rc == NG_OK) {
      ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
      so.max_sentences = (size_t)n;
      rc = ng_summarize(&s, req->w->ctx, ng_article_doc(a), &so, &err);
    }
  }
  if (rc) {
    char msg[200];
    snprintf(msg, sizeof msg, "This text could not be summarized: %s.",
             err.msg ? err.msg : ng_strerror(rc));
    ng_web_error(res, ng_http_status(rc), msg);
    goto done;
  }
  html_res(res);
  ng_buf *out = &res->body;
  const ng_doc *doc = ng_article_doc(a);
  const char *dt = ng_doc_text(doc, NULL);
  ng_web_page_start(out, "Summary", NULL);
  lit(out, "<h1>Summary of the pasted text</h1>\n<section id=\"summary\" "
           "class=\"summary\"><ul>");
  for (size_t i = 0; i < ng_summary_count(s); i++) {
    const ng_summary_sentence *ss = ng_summary_sentence_at(s, i);
    lit(out, "<li>");
    ng_html_escape(out, dt + ss->off, ss->len);
    lit(out, "</li>");
  }
  lit(out, "</ul></section>\n<p><a href=\"/\">Back to the articles</a></p>");
  ng_web_page_end(out);
done:
  ng_summary_free(s);
  ng_article_free(a);
  free(text);
  free(ns);
}

void ng_web_asset(const ng_req *req, ng_res *res) {
  if (strcmp(req->path, "/static/style.css") == 0) {
    res->content_type = "text/css; charset=utf-8";
    ng_buf_put(&res->body, asset_style_css, sizeof asset_style_css - 1);
  } else {
    res->content_type = "text/javascript; charset=utf-8";
    ng_buf_put(&res->body, asset_reader_js, sizeof asset_reader_js - 1);
  }
}

/* json.c - JSON output through jansson: string escaping and number
 * formatting are the parts that go wrong in home-made writers. */
#include "render.h"

#include "../extract/article.h"
#include "../text/doc.h"
#include "../text/errors.h"
#include "../text/mem.h"

static int dump_cb(const char *s, size_t n, void *data) {
  return ng_buf_put(data, s, n) == NG_OK ? 0 : -1;
}

int ng_json_dump(ng_buf *buf, const json_t *v) {
  return json_dump_callback(v, dump_cb, buf,
                            JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) == 0
             ? NG_OK
             : NG_ENOMEM;
}

/* json_object_set_new fails only on out of memory; count failures. */
#define SET(obj, key, val) bad |= json_object_set_new((obj), (key), (val)) != 0

json_t *ng_json_summary(const ng_doc *doc, const ng_summary *s) {
  int bad = 0;
  json_t *o = json_object();
  json_t *arr = json_array();
  if (!o || !arr) {
    json_decref(o);
    json_decref(arr);
    return NULL;
  }
  SET(o, "method", json_string(ng_method_name(ng_summary_method(s))));
  /* The summary as text too, one sentence per line: what a batch consumer
   * (and ROUGE-Lsum) wants without walking the details. */
  ng_buf joined = NG_BUF_INIT;
  for (size_t i = 0; i < ng_summary_count(s); i++) {
    const ng_summary_sentence *ss = ng_summary_sentence_at(s, i);
    if (i) bad |= ng_buf_putc(&joined, '\n') != NG_OK;
    bad |= ng_render_put_line(&joined, doc->text + ss->off, ss->len) != NG_OK;
  }
  SET(o, "summary", json_stringn(joined.ptr ? joined.ptr : "", joined.len));
  ng_buf_dispose(&joined);
  for (size_t i = 0; i < ng_summary_count(s); i++) {
    const ng_summary_sentence *ss = ng_summary_sentence_at(s, i);
    /* Summary sentences lie in the body, never before body_off; a
     * summary made from another document would break that: refused. */
    json_t *e = ss->off >= doc->body_off ? json_object() : NULL;
    if (!e) {
      bad = 1;
      break;
    }
    SET(e, "index", json_integer((json_int_t)ss->index));
    SET(e, "offset", json_integer((json_int_t)(ss->off - doc->body_off)));
    SET(e, "length", json_integer((json_int_t)ss->len));
    SET(e, "score", json_real(ss->score));
    SET(e, "text", json_stringn(doc->text + ss->off, ss->len));
    bad |= json_array_append_new(arr, e) != 0;
  }
  SET(o, "sentences", arr);
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

static const char *const block_names[] = {"paragraph", "heading", "list_item",
                                          "quote", "table_row", "pre"};

static json_t *json_article(const ng_article *a, const ng_summary *s) {
  int bad = 0;
  json_t *o = json_object();
  if (!o) return NULL;
  static const char *const names[NG_FIELD_COUNT] = {
      "title", "author", "date", "modified", "site", "url", "description"};
  for (int f = 0; f < NG_FIELD_COUNT; f++) {
    size_t n;
    const char *v = ng_article_field(a, (ng_field)f, &n);
    SET(o, names[f], v ? json_stringn(v, n) : json_null());
  }
  SET(o, "language", json_string(ng_lang_code(a->lang)));
  SET(o, "type", json_string(a->type == NG_PAGE_LISTING ? "listing" : "article"));
  SET(o, "input", json_string(a->kind == NG_INPUT_HTML ? "html" : "text"));
  const ng_doc *d = a->doc;
  json_t *blocks = json_array();
  ng_buf text = NG_BUF_INIT;
  if (!blocks) bad = 1;
  for (size_t i = 0; d && blocks && i < d->npara; i++) {
    const ng_block_in *b = &d->paras[i];
    json_t *e = json_object();
    if (!e) {
      bad = 1;
      break;
    }
    int kind = b->kind >= 0 && b->kind <= NG_BLOCK_PRE ? b->kind : 0;
    SET(e, "kind", json_string(block_names[kind]));
    if (b->kind == NG_BLOCK_HEADING) SET(e, "level", json_integer(b->level));
    SET(e, "text", json_stringn(d->text + b->off, b->len));
    bad |= json_array_append_new(blocks, e) != 0;
    if (i) bad |= ng_buf_put(&text, "\n\n", 2) != NG_OK;
    bad |= ng_buf_put(&text, d->text + b->off, b->len) != NG_OK;
  }
  SET(o, "text", json_stringn(text.ptr ? text.ptr : "", text.len));
  ng_buf_dispose(&text);
  SET(o, "blocks", blocks);
  if (s && d) {
    json_t *js = ng_json_summary(d, s);
    if (!js) bad = 1;
    else SET(o, "summary", js);
  }
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

int ng_render_put_line(ng_buf *out, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    if (ng_buf_put(out, s + from, i - from)) return NG_ENOMEM;
    /* "\r\n" is one break, and a break after a space adds none. */
    bool spaced = i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' ||
                            (s[i] == '\n' && s[i - 1] == '\r'));
    if (!spaced && ng_buf_putc(out, ' ')) return NG_ENOMEM;
    from = i + 1;
  }
  return ng_buf_put(out, s + from, n - from);
}

int ng_render_summary(ng_buf *out, const ng_doc *doc, const ng_summary *s,
                      ng_format fmt, ng_error *err) {
  if (!out || !doc || !s)
    return ng_fail(err, NG_EINVAL, "ng_render_summary: NULL argument", 0);
  if (fmt != NG_FORMAT_JSON) {
    for (size_t i = 0; i < ng_summary_count(s); i++) {
      const ng_summary_sentence *ss = ng_summary_sentence_at(s, i);
      if (ng_render_put_line(out, doc->text + ss->off, ss->len) ||
          ng_buf_putc(out, '\n'))
        return ng_fail(err, NG_ENOMEM, "out of memory", 0);
    }
    return NG_OK;
  }
  json_t *o = ng_json_summary(doc, s);
  int rc = o ? ng_json_dump(out, o) : NG_ENOMEM;
  json_decref(o);
  return rc ? ng_fail(err, rc, "out of memory", 0) : NG_OK;
}

int ng_render_article_json(ng_buf *out, const ng_article *a, const ng_summary *s) {
  json_t *o = json_article(a, s);
  int rc = o ? ng_json_dump(out, o) : NG_ENOMEM;
  json_decref(o);
  return rc;
}

/* extract.c - ng_extract: pick a reader, wrap the result as an article. */
#include "article.h"

#include "../text/ascii.h"
#include "../text/ctx.h"
#include "../text/doc.h"
#include "../text/errors.h"
#include "../text/mem.h"

#include <stddef.h>
#include <string.h>

int ng_sniff_html(const char *data, size_t len) {
  size_t i = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
                     data[i] == '\n'))
    i++;
  if (i >= len || data[i] != '<') return 0;
  static const char *const starts[] = {"<!doctype", "<html", "<head", "<body",
                                       "<!--", "<meta", "<title", "<div",
                                       "<p>", "<p ", "<article", "<section",
                                       "<main", "<header", "<script", "<link",
                                       "<?xml", "<table", "<span", "<h1",
                                       "<h2", "<ul", "<style", "<nav"};
  for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++)
    if (ng_ascii_iprefix(data + i, len - i, starts[k])) return 1;
  /* A page whose server printed something first ("<br /><b>Warning</b>:
   * ..." from PHP) still has its document start near the top. */
  size_t head = len - i < 16384 ? len - i : 16384;
  if (ng_ascii_icontains(data + i, head, "<!doctype html") ||
      ng_ascii_icontains(data + i, head, "<html") ||
      ng_ascii_icontains(data + i, head, "<body"))
    return 1;
  return 0;
}

int ng_article_set_field(ng_article *a, ng_field f, const char *s, size_t n) {
  while (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
    s++;
    n--;
  }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
               s[n - 1] == '\r'))
    n--;
  if (n == 0) return NG_OK;
  char *p = ng_arena_strndup(&a->arena, s, n);
  if (!p) return NG_ENOMEM;
  a->field[f] = p;
  a->field_len[f] = n;
  return NG_OK;
}

int ng_extract(ng_article **out, ng_ctx *ctx, const char *data, size_t len,
               const ng_extract_options *opts, ng_error *err) {
  if (!out || !ctx || (!data && len))
    return ng_fail(err, NG_EINVAL, "ng_extract: NULL argument", 0);
  *out = NULL;
  ng_extract_options o = NG_EXTRACT_OPTIONS_INIT;
  if (opts && opts->version == 1) {
    /* A caller built against version 1 has no `flags` field. */
    memcpy(&o, opts, offsetof(ng_extract_options, flags));
    o.version = NG_EXTRACT_OPTIONS_VERSION;
  } else if (opts) {
    if (opts->version != NG_EXTRACT_OPTIONS_VERSION)
      return ng_fail(err, NG_EINVAL, "unsupported ng_extract_options version", 0);
    o = *opts;
  }
  opts = &o;
  if (len == 0) return ng_fail(err, NG_EEMPTY, "empty input", 0);

  int rc = NG_OK;
  ng_arena arena;
  ng_arena_init(&arena, &ctx->alc);
  ng_article *a = ng_arena_calloc(&arena, 1, sizeof *a);
  if (!a) {
    ng_arena_dispose(&arena);
    return ng_fail(err, NG_ENOMEM, "out of memory", 0);
  }
  a->arena = arena;

  ng_input_kind kind = opts->kind;
  if (kind == NG_INPUT_AUTO)
    kind = ng_sniff_html(data, len) ? NG_INPUT_HTML : NG_INPUT_TEXT;
  a->kind = kind;
  if (kind == NG_INPUT_HTML) {
    NG_TRY(ng_extract_html(a, ctx, data, len, opts, err));
  } else {
    ng_doc_options dopts = NG_DOC_OPTIONS_INIT;
    dopts.lang = opts->lang;
    dopts.max_bytes = opts->max_bytes;
    NG_TRY(ng_doc_parse(&a->doc, ctx, data, len, &dopts, err));
    ng_span t = a->doc->title;
    if (t.len)
      NG_CHECK_ALLOC(ng_article_set_field(a, NG_FIELD_TITLE, a->doc->text + t.off,
                                          t.len) == NG_OK);
    if (opts->url)
      NG_CHECK_ALLOC(ng_article_set_field(a, NG_FIELD_URL, opts->url,
                                          strlen(opts->url)) == NG_OK);
    a->type = NG_PAGE_ARTICLE;
  }
  if (a->doc) a->lang = a->doc->lang;
  *out = a;
  a = NULL;
done:
  if (a) ng_article_free(a);
  return rc;
}

void ng_article_free(ng_article *a) {
  if (!a) return;
  ng_doc_free(a->doc);
  ng_arena arena = a->arena;
  ng_arena_dispose(&arena);
}

const char *ng_article_field(const ng_article *a, ng_field f, size_t *len) {
  if ((unsigned)f >= NG_FIELD_COUNT || !a->field[f]) {
    if (len) *len = 0;
    return NULL;
  }
  if (len) *len = a->field_len[f];
  return a->field[f];
}

ng_page_type ng_article_type(const ng_article *a) { return a->type; }
ng_input_kind ng_article_input_kind(const ng_article *a) { return a->kind; }
const ng_doc *ng_article_doc(const ng_article *a) { return a->doc; }

size_t ng_article_block_count(const ng_article *a) {
  return a->doc ? a->doc->npara : 0;
}

ng_span ng_article_block(const ng_article *a, size_t i, ng_block_kind *kind,
                         int *level) {
  ng_span s = {0, 0};
  if (!a->doc || i >= a->doc->npara) return s;
  const ng_block_in *b = &a->doc->paras[i];
  if (kind) *kind = (ng_block_kind)b->kind;
  if (level) *level = b->level;
  s.off = b->off;
  s.len = b->len;
  return s;
}

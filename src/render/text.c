/* text.c - plain text and Markdown output of an article. */
#include "render.h"

#include "../extract/article.h"
#include "../text/doc.h"
#include "../text/errors.h"
#include "../text/mem.h"

static int put_block(ng_buf *out, const ng_doc *d, const ng_block_in *b,
                     ng_format fmt) {
  int rc = NG_OK;
  if (fmt == NG_FORMAT_MARKDOWN) {
    switch (b->kind) {
    case NG_BLOCK_HEADING: {
      int level = b->level >= 1 && b->level <= 6 ? b->level : 2;
      for (int k = 0; k < level && !rc; k++) rc = ng_buf_putc(out, '#');
      if (!rc) rc = ng_buf_putc(out, ' ');
      break;
    }
    case NG_BLOCK_LIST_ITEM: rc = ng_buf_puts(out, "- "); break;
    case NG_BLOCK_QUOTE: rc = ng_buf_puts(out, "> "); break;
    case NG_BLOCK_PRE: rc = ng_buf_puts(out, "    "); break;
    default: break;
    }
  }
  if (!rc) rc = ng_buf_put(out, d->text + b->off, b->len);
  return rc;
}

int ng_render_article(ng_buf *out, const ng_article *a, const ng_summary *s,
                      ng_format fmt, ng_error *err) {
  if (!out || !a)
    return ng_fail(err, NG_EINVAL, "ng_render_article: NULL argument", 0);
  int rc = NG_OK;
  if (fmt == NG_FORMAT_JSON) {
    rc = ng_render_article_json(out, a, s);
    return rc ? ng_fail(err, rc, "out of memory", 0) : NG_OK;
  }
  /* Plain text is the body alone, as Readability's textContent and
   * trafilatura's text output are: what a reader of the article reads
   * and what extraction benchmarks compare. The title is a field. */
  size_t tl;
  const char *title = ng_article_field(a, NG_FIELD_TITLE, &tl);
  if (title && fmt == NG_FORMAT_MARKDOWN) {
    rc |= ng_buf_puts(out, "# ");
    rc |= ng_buf_put(out, title, tl);
    rc |= ng_buf_puts(out, "\n\n");
  }
  const ng_doc *d = a->doc;
  for (size_t i = 0; d && i < d->npara; i++) {
    const ng_block_in *b = &d->paras[i];
    /* List items stay together; everything else is a paragraph. */
    bool tight = i > 0 && b->kind == NG_BLOCK_LIST_ITEM &&
                 d->paras[i - 1].kind == NG_BLOCK_LIST_ITEM;
    if (i) rc |= ng_buf_puts(out, tight ? "\n" : "\n\n");
    rc |= put_block(out, d, b, fmt);
  }
  rc |= ng_buf_putc(out, '\n');
  if (s && d && ng_summary_count(s)) {
    rc |= ng_buf_puts(out, fmt == NG_FORMAT_MARKDOWN ? "\n## Summary\n\n"
                                                     : "\nSummary:\n");
    for (size_t i = 0; i < ng_summary_count(s); i++) {
      const ng_summary_sentence *ss = ng_summary_sentence_at(s, i);
      rc |= ng_buf_puts(out, "- ");
      rc |= ng_render_put_line(out, d->text + ss->off, ss->len);
      rc |= ng_buf_putc(out, '\n');
    }
  }
  return rc ? ng_fail(err, NG_ENOMEM, "out of memory", 0) : NG_OK;
}

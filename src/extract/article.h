/* article.h - the extracted article behind the opaque ng_article.
 *
 * One arena holds the metadata strings; the body document owns its own
 * arena and is freed with the article. Body blocks (paragraphs, headings,
 * list items, ...) are the document's paragraphs, so summaries and the
 * rendered body agree on offsets. */
#ifndef NG_EXTRACT_ARTICLE_H
#define NG_EXTRACT_ARTICLE_H

#include "../text/arena.h"
#include "nutgraf.h"

struct ng_article {
  ng_arena arena;
  ng_doc *doc; /* owned; NULL for a listing */
  const char *field[NG_FIELD_COUNT];
  size_t field_len[NG_FIELD_COUNT];
  ng_page_type type;
  ng_input_kind kind;
  ng_lang lang;
};

/* Copies s[0..n) into the article's arena as field f (trimmed). Returns
 * NG_OK or NG_ENOMEM. An empty value leaves the field unset. */
int ng_article_set_field(ng_article *a, ng_field f, const char *s, size_t n);

/* The HTML reader (src/extract/html*.c): fills `a` (allocated, zeroed, with
 * its arena initialised) from an HTML page. */
int ng_extract_html(ng_article *a, ng_ctx *ctx, const char *data, size_t len,
                    const ng_extract_options *opts, ng_error *err);

/* True if the bytes look like HTML rather than plain text. */
int ng_sniff_html(const char *data, size_t len);

#endif

/* render.h - helpers shared by the output formats. */
#ifndef NG_RENDER_RENDER_H
#define NG_RENDER_RENDER_H

#include "nutgraf.h"

#include <jansson.h>

/* Builds the JSON value of a summary ({"method", "sentences": [...]}).
 * Returns a new reference or NULL on out of memory. */
json_t *ng_json_summary(const ng_doc *doc, const ng_summary *s);

/* Appends an article as one JSON object (see ng_render_article). */
int ng_render_article_json(ng_buf *out, const ng_article *a,
                           const ng_summary *s);

/* Appends a sentence as one line: its line breaks (wrapped text) become
 * spaces. Output that lists sentences one per line uses it; the JSON
 * "text" of a sentence stays verbatim, a span of the input. */
int ng_render_put_line(ng_buf *out, const char *s, size_t n);

/* Appends a JSON value to buf (compact, one line; no trailing newline). */
int ng_json_dump(ng_buf *buf, const json_t *v);

#endif

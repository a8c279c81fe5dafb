/* html.c - placeholder for the HTML reader (issue: article extraction).
 * Until it lands, HTML input is refused with a clear error rather than
 * summarized as tag soup. */
#include "article.h"

#include "../text/errors.h"

int ng_extract_html(ng_article *a, ng_ctx *ctx, const char *data, size_t len,
                    const ng_extract_options *opts, ng_error *err) {
  (void)a;
  (void)ctx;
  (void)data;
  (void)len;
  (void)opts;
  return ng_fail(err, NG_EPARSE, "HTML input is not supported yet", 0);
}

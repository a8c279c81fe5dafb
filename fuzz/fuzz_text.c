/* fuzz_text.c - libFuzzer target for the scraped-text reader.
 * The first byte chooses the options (as cmark-fuzz does); the rest is the
 * input. Invariants: parsing succeeds or fails with a known status, and
 * every sentence, paragraph, token and furniture span lies inside the text
 * and starts on a UTF-8 boundary. */
#include "nutgraf.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int boundary(const char *t, size_t off) {
  return ((unsigned char)t[off] & 0xC0) != 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  ng_doc_options o = NG_DOC_OPTIONS_INIT;
  o.flags = data[0] & 3u;
  o.lang = (ng_lang)((data[0] >> 2) % NG_LANG_COUNT);
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) return 0;
  ng_doc *doc = NULL;
  ng_error err = {0, NULL, 0};
  int rc = ng_doc_parse(&doc, ctx, text, len, &o, &err);
  assert(rc <= 0 && rc >= NG_EENCODING);
  if (rc == NG_OK) {
    size_t n;
    const char *t = ng_doc_text(doc, &n);
    assert(n == len && memcmp(t, text, len) == 0);
    for (size_t i = 0; i < ng_doc_sentence_count(doc); i++) {
      ng_span s = ng_doc_sentence(doc, i);
      assert(s.len > 0 && s.off + s.len <= n && boundary(t, s.off));
      assert(ng_doc_sentence_paragraph(doc, i) < ng_doc_paragraph_count(doc));
    }
    for (size_t i = 0; i < ng_doc_paragraph_count(doc); i++) {
      ng_span s = ng_doc_paragraph(doc, i);
      assert(s.off + s.len <= n);
    }
    for (size_t i = 0; i < ng_doc_token_count(doc); i++) {
      ng_span s = ng_doc_token(doc, i);
      assert(s.len > 0 && s.off + s.len <= n && boundary(t, s.off));
    }
    for (size_t i = 0; i < ng_doc_furniture_count(doc); i++) {
      ng_span s = ng_doc_furniture(doc, i);
      assert(s.off + s.len <= n);
    }
  } else {
    assert(err.code == rc && err.msg != NULL);
  }
  ng_doc_free(doc);
  ng_ctx_free(ctx);
  return 0;
}

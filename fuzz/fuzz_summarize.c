/* fuzz_summarize.c - libFuzzer target for summarization.
 * First byte: method and length limits. Invariants: every summary sentence
 * is input[off, off + len) of a sentence of the document, sentences come in
 * document order within the limit, and a second run gives the identical
 * summary (determinism). */
#include "nutgraf.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.method = (ng_method)(data[0] % NG_METHOD_COUNT);
  so.max_sentences = (size_t)((data[0] >> 2) & 7u);
  so.max_words = (data[0] & 0x80) ? 40 : 0;
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) return 0;
  ng_doc *doc = NULL;
  ng_summary *a = NULL, *b = NULL;
  if (ng_doc_parse(&doc, ctx, text, len, NULL, NULL) == NG_OK) {
    int ra = ng_summarize(&a, ctx, doc, &so, NULL);
    int rb = ng_summarize(&b, ctx, doc, &so, NULL);
    assert(ra == rb);
    if (ra == NG_OK) {
      size_t n = ng_summary_count(a);
      assert(n == ng_summary_count(b));
      if (so.max_sentences) assert(n <= so.max_sentences);
      size_t prev = 0;
      for (size_t i = 0; i < n; i++) {
        const ng_summary_sentence *x = ng_summary_sentence_at(a, i);
        const ng_summary_sentence *y = ng_summary_sentence_at(b, i);
        assert(x->off == y->off && x->len == y->len && x->index == y->index);
        assert(x->off + x->len <= len);
        ng_span s = ng_doc_sentence(doc, x->index);
        assert(s.off == x->off && s.len == x->len);
        assert(i == 0 || x->index > prev);
        prev = x->index;
      }
      ng_buf out = NG_BUF_INIT;
      assert(ng_render_summary(&out, doc, a, NG_FORMAT_JSON, NULL) == NG_OK);
      ng_buf_dispose(&out);
    }
  }
  ng_summary_free(a);
  ng_summary_free(b);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
  return 0;
}

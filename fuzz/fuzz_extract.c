/* fuzz_extract.c - libFuzzer target for ng_extract (HTML and text).
 * First byte: options (input kind, caller charset, size limit, language).
 * Invariants: success gives an article and failure none; a listing has no
 * document; the body text and every field are valid, NUL-terminated UTF-8;
 * every block and sentence lies inside the text; the text render works;
 * and a second run gives the identical article (determinism). */
#include "nutgraf.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_article(const ng_article *a) {
  for (int f = 0; f < NG_FIELD_COUNT; f++) {
    size_t n = 0;
    const char *s = ng_article_field(a, (ng_field)f, &n);
    if (!s) continue;
    assert(n > 0 && s[n] == '\0');
    assert(ng_utf8_check(s, n, NULL) == NG_OK);
  }
  const ng_doc *d = ng_article_doc(a);
  if (ng_article_type(a) == NG_PAGE_LISTING) {
    assert(d == NULL);
    assert(ng_article_block_count(a) == 0);
    return;
  }
  assert(d != NULL);
  size_t len = 0;
  const char *text = ng_doc_text(d, &len);
  assert(text[len] == '\0');
  assert(ng_utf8_check(text, len, NULL) == NG_OK);
  for (size_t i = 0; i < ng_article_block_count(a); i++) {
    ng_block_kind k;
    int level;
    ng_span s = ng_article_block(a, i, &k, &level);
    assert(s.off + s.len <= len);
    assert((int)k >= NG_BLOCK_PARAGRAPH && k <= NG_BLOCK_PRE);
  }
  for (size_t i = 0; i < ng_doc_sentence_count(d); i++) {
    ng_span s = ng_doc_sentence(d, i);
    assert(s.len > 0 && s.off + s.len <= len);
  }
}

static void same(const ng_article *a, const ng_article *b) {
  assert(ng_article_type(a) == ng_article_type(b));
  for (int f = 0; f < NG_FIELD_COUNT; f++) {
    size_t na = 0, nb = 0;
    const char *sa = ng_article_field(a, (ng_field)f, &na);
    const char *sb = ng_article_field(b, (ng_field)f, &nb);
    assert((sa == NULL) == (sb == NULL) && na == nb);
    if (sa) assert(memcmp(sa, sb, na) == 0);
  }
  const ng_doc *da = ng_article_doc(a), *db = ng_article_doc(b);
  assert((da == NULL) == (db == NULL));
  if (!da) return;
  size_t la, lb;
  const char *ta = ng_doc_text(da, &la), *tb = ng_doc_text(db, &lb);
  assert(la == lb && memcmp(ta, tb, la) == 0);
  assert(ng_article_block_count(a) == ng_article_block_count(b));
  assert(ng_doc_lang(da) == ng_doc_lang(db));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  static const char *const charsets[4] = {NULL, "windows-1252", "utf-8",
                                          "shift_jis"};
  ng_extract_options o = NG_EXTRACT_OPTIONS_INIT;
  uint8_t sel = data[0];
  o.kind = (sel & 3u) == 3u ? NG_INPUT_HTML : (ng_input_kind)(sel & 3u);
  o.charset = charsets[(sel >> 2) & 3u];
  o.max_bytes = (sel & 0x10u) ? size / 2 + 1 : 0;
  o.lang = (sel & 0x20u) ? NG_LANG_EN : NG_LANG_UNKNOWN;
  o.url = (sel & 0x40u) ? "https://example.org/2020/01/02/story" : NULL;
  const char *in = (const char *)data + 1;
  size_t len = size - 1;
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) return 0;
  ng_article *a = NULL, *b = NULL;
  ng_error err = {0, NULL, 0};
  int ra = ng_extract(&a, ctx, in, len, &o, &err);
  assert((ra == NG_OK) == (a != NULL));
  if (ra != NG_OK) assert(err.code == ra && err.msg != NULL);
  /* The second run asks for the body only: same outcome, same body. */
  ng_extract_options ob = o;
  ob.flags |= NG_EXTRACT_BODY_ONLY;
  int rb = ng_extract(&b, ctx, in, len, &ob, NULL);
  assert(ra == rb);
  if (a) {
    check_article(a);
    same(a, b);
    ng_buf out = NG_BUF_INIT;
    assert(ng_render_article(&out, a, NULL, NG_FORMAT_TEXT, NULL) == NG_OK);
    ng_buf_dispose(&out);
    assert(ng_render_article(&out, a, NULL, NG_FORMAT_JSON, NULL) == NG_OK);
    ng_buf_dispose(&out);
  }
  ng_article_free(a);
  ng_article_free(b);
  ng_ctx_free(ctx);
  return 0;
}

/* test_text.c - UTF-8, folding, tokens, arena, languages, stemming. */
#include "harness.h"

#include "nutgraf.h"
#include "text/arena.h"
#include "text/ctx.h"
#include "text/lang.h"
#include "text/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"
#include "text/vec.h"

#include <stdint.h>
#include <stdlib.h>

void test_utf8__valid(void) {
  ng_error err;
  CHECK_INT(ng_utf8_check("", 0, &err), NG_OK);
  const char *s = "plain ASCII, Кириллица, 中文, emoji \xF0\x9F\x98\x80";
  CHECK_INT(ng_utf8_check(s, strlen(s), &err), NG_OK);
}

void test_utf8__invalid_offsets(void) {
  ng_error err = {0, NULL, 0};
  CHECK_INT(ng_utf8_check("abc\xFFxyz", 7, &err), NG_EUTF8);
  CHECK_INT(err.offset, 3);
  CHECK_INT(ng_utf8_check("ab\xC0\xAF", 4, &err), NG_EUTF8); /* overlong */
  CHECK_INT(err.offset, 2);
  CHECK_INT(ng_utf8_check("x\xED\xA0\x80", 4, &err), NG_EUTF8); /* surrogate */
  CHECK_INT(err.offset, 1);
  CHECK_INT(ng_utf8_check("0123456789\xE2\x82", 12, &err), NG_EUTF8); /* truncated */
  CHECK_INT(err.offset, 10);
  CHECK_INT(ng_utf8_check("\xF4\x90\x80\x80", 4, &err), NG_EUTF8); /* > U+10FFFF */
  CHECK_INT(ng_utf8_check("ok \xE2\x80\x99 ok", 9, &err), NG_OK);
}

void test_utf8__fold(void) {
  char out[64];
  size_t n = ng_utf8_fold(out, sizeof out, "Hello", 5);
  CHECK_STRN(out, n, "hello");
  n = ng_utf8_fold(out, sizeof out, "СЕРГЕЙ", strlen("СЕРГЕЙ"));
  CHECK_STRN(out, n, "сергей");
  n = ng_utf8_fold(out, sizeof out, "Straße", strlen("Straße"));
  CHECK_STRN(out, n, "strasse");
  /* NFC: e + combining acute folds to the precomposed é. */
  n = ng_utf8_fold(out, sizeof out, "Cafe\xCC\x81", 6);
  CHECK_STRN(out, n, "caf\xC3\xA9");
  /* Truncation stays on a code point boundary. */
  char small[4];
  n = ng_utf8_fold(small, sizeof small, "жжж", 6);
  CHECK(n >= sizeof small);
  CHECK(strlen(small) == 2);
}

void test_utf8__nfc(void) {
  ng_buf b = NG_BUF_INIT;
  CHECK_INT(ng_utf8_nfc(&b, "A\xCC\x8A ok", 6, NULL), NG_OK); /* A + ring */
  CHECK_STRN(b.ptr, b.len, "\xC3\x85 ok");
  ng_buf_dispose(&b);
  ng_error err;
  CHECK_INT(ng_utf8_nfc(&b, "\xFF", 1, &err), NG_EUTF8);
  ng_buf_dispose(&b);
}

void test_utf8__classes(void) {
  CHECK_INT(ng_cp_class('a'), NG_CC_LETTER);
  CHECK_INT(ng_cp_class('7'), NG_CC_DIGIT);
  CHECK_INT(ng_cp_class(0x0416), NG_CC_LETTER); /* Ж */
  CHECK_INT(ng_cp_class(0x4E2D), NG_CC_IDEO);   /* 中 */
  CHECK_INT(ng_cp_class(0x00A0), NG_CC_SPACE);
  CHECK_INT(ng_cp_class(0x2019), NG_CC_PUNCT);
  CHECK_INT(ng_cp_class(0x0301), NG_CC_MARK);
}

static void tokens_of(const char *s, char out[][32], size_t *n) {
  ng_vec v;
  ng_vec_init(&v, sizeof(ng_tok), NULL);
  CHECK_INT(ng_tokenize(&v, s, 0, strlen(s)), NG_OK);
  *n = v.len;
  for (size_t i = 0; i < v.len && i < 32; i++) {
    ng_tok *t = ng_vec_at(&v, i);
    snprintf(out[i], 32, "%.*s", (int)t->len, s + t->off);
  }
  ng_vec_dispose(&v);
}

void test_tokens__keeps_words_intact(void) {
  char t[32][32];
  size_t n;
  tokens_of("Don't O'Brien Lukashenko’s well-known COVID-19 3.14 1,000,000 10:30 U.S. e.g. end", t, &n);
  CHECK_INT(n, 11);
  CHECK(strcmp(t[0], "Don't") == 0);
  CHECK(strcmp(t[1], "O'Brien") == 0);
  CHECK(strcmp(t[2], "Lukashenko’s") == 0);
  CHECK(strcmp(t[3], "well-known") == 0);
  CHECK(strcmp(t[4], "COVID-19") == 0);
  CHECK(strcmp(t[5], "3.14") == 0);
  CHECK(strcmp(t[6], "1,000,000") == 0);
  CHECK(strcmp(t[7], "10:30") == 0);
  CHECK(strcmp(t[8], "U.S.") == 0);
  CHECK(strcmp(t[9], "e.g.") == 0);
  CHECK(strcmp(t[10], "end") == 0);
}

void test_tokens__scripts_and_punctuation(void) {
  char t[32][32];
  size_t n;
  tokens_of("Привет, мир! «Ёлка» -- 中文 (test). 'quoted' - dash", t, &n);
  CHECK_INT(n, 8);
  CHECK(strcmp(t[0], "Привет") == 0);
  CHECK(strcmp(t[1], "мир") == 0);
  CHECK(strcmp(t[2], "Ёлка") == 0);
  CHECK(strcmp(t[3], "中") == 0);
  CHECK(strcmp(t[4], "文") == 0);
  CHECK(strcmp(t[5], "test") == 0);
  CHECK(strcmp(t[6], "quoted") == 0);
  CHECK(strcmp(t[7], "dash") == 0);
}

void test_arena__alloc_and_big_blocks(void) {
  ng_arena a;
  ng_arena_init(&a, NULL);
  char *p = ng_arena_alloc(&a, 10);
  CHECK(p != NULL);
  CHECK(((uintptr_t)p & 7u) == 0);
  char *big = ng_arena_alloc(&a, 1 << 20);
  CHECK(big != NULL);
  memset(big, 1, 1 << 20);
  char *s = ng_arena_strndup(&a, "hello", 3);
  CHECK(strcmp(s, "hel") == 0);
  CHECK(ng_arena_calloc(&a, (size_t)-1, 16) == NULL); /* overflow */
  ng_arena_dispose(&a);
}

/* An allocator that fails after a budget: out of memory must be returned,
 * never crash, at every allocation point. */
typedef struct budget {
  size_t left;
} budget;

static void *b_malloc(void *ctx, size_t n) {
  budget *b = ctx;
  if (!b->left) return NULL;
  b->left--;
  return malloc(n);
}
static void *b_realloc(void *ctx, void *p, size_t o, size_t n) {
  (void)o;
  budget *b = ctx;
  if (!b->left) return NULL;
  b->left--;
  return realloc(p, n);
}
static void b_free(void *ctx, void *p, size_t n) {
  (void)ctx;
  (void)n;
  free(p);
}

void test_memory__out_of_memory_everywhere(void) {
  const char *text = "Title line here\n\nFirst sentence of the article is here. "
                     "Second sentence follows it now.\nRead More\n";
  int ok = 0;
  for (size_t limit = 0; limit < 200 && !ok; limit++) {
    budget b = {limit};
    ng_allocator alc = {b_malloc, b_realloc, b_free, &b};
    ng_ctx *ctx = NULL;
    ng_doc *doc = NULL;
    ng_summary *s = NULL;
    int rc = ng_ctx_new(&ctx, &alc, NULL);
    if (rc == NG_OK) rc = ng_doc_parse(&doc, ctx, text, strlen(text), NULL, NULL);
    if (rc == NG_OK) rc = ng_summarize(&s, ctx, doc, NULL, NULL);
    CHECK(rc == NG_OK || rc == NG_ENOMEM);
    if (rc == NG_OK) ok = 1;
    ng_summary_free(s);
    ng_doc_free(doc);
    ng_ctx_free(ctx);
  }
  CHECK(ok);
}

void test_lang__detect(void) {
  const char *en = "The president said that the talks with the ministers were "
                   "productive and that they would continue in the new year.";
  const char *ru = "Президент заявил, что переговоры с министрами были "
                   "продуктивными и что они продолжатся в новом году.";
  const char *de = "Der Präsident sagte, dass die Gespräche mit den Ministern "
                   "produktiv waren und im neuen Jahr fortgesetzt werden.";
  CHECK_INT(ng_lang_detect(en, strlen(en)), NG_LANG_EN);
  CHECK_INT(ng_lang_detect(ru, strlen(ru)), NG_LANG_RU);
  CHECK_INT(ng_lang_detect(de, strlen(de)), NG_LANG_DE);
  CHECK_INT(ng_lang_detect("12345 67890", 11), NG_LANG_UNKNOWN);
  CHECK_INT(ng_lang_from_code("en-US", 5), NG_LANG_EN);
  CHECK_INT(ng_lang_from_code("RU", 2), NG_LANG_RU);
  CHECK_INT(ng_lang_from_code("xx", 2), NG_LANG_UNKNOWN);
  CHECK(strcmp(ng_lang_code(NG_LANG_RU), "ru") == 0);
}

void test_lexicon__stopwords_and_stems(void) {
  CHECK(ng_lex_has(NG_LEX_stop_en, "the", 3));
  CHECK(!ng_lex_has(NG_LEX_stop_en, "president", 9));
  CHECK(ng_lex_has(NG_LEX_stop_ru, "что", strlen("что")));
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  size_t n;
  const char *s = ng_ctx_stem(ctx, NG_LANG_EN, "connections", 11, &n);
  CHECK_STRN(s, n, "connect");
  s = ng_ctx_stem(ctx, NG_LANG_RU, "переговорами", strlen("переговорами"), &n);
  CHECK_STRN(s, n, "переговор");
  s = ng_ctx_stem(ctx, NG_LANG_UNKNOWN, "words", 5, &n);
  CHECK_STRN(s, n, "words");
  ng_ctx_free(ctx);
}

/* test_summarize.c - the summarizer's invariants: spans of the text, in
 * document order, within the limits, deterministic; the default method's
 * readability guard; the shipped IDF table. */
#include "harness.h"

#include "nutgraf.h"
#include "summarize/idf.h"
#include "summarize/summarize.h"

#include <string.h>

static const char story[] =
    "Flood defences fail as river reaches record level\n"
    "\n"
    "The River Severn burst its banks on Tuesday after three days of heavy "
    "rain, flooding hundreds of homes in Worcester and Shrewsbury.\n"
    "He said the water rose faster than anyone expected.\n"
    "Engineers had warned in 2019 that the flood defences in Worcester "
    "would not hold a river level above 5.8 metres.\n"
    "The river peaked at 6.1 metres, the highest level since records began "
    "in 1853, the Environment Agency said.\n"
    "However, officials insisted the barriers had been maintained.\n"
    "Residents were moved to emergency shelters in schools and church halls "
    "overnight.\n"
    "More rain is forecast for the weekend across the west of England.\n";

static ng_doc *parse(ng_ctx *ctx, const char *text, size_t len, ng_lang lang) {
  ng_doc_options o = NG_DOC_OPTIONS_INIT;
  o.lang = lang;
  ng_doc *doc = NULL;
  CHECK_INT(ng_doc_parse(&doc, ctx, text, len, &o, NULL), NG_OK);
  return doc;
}

void test_summarize__invariants_every_method(void) {
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_doc *doc = parse(ctx, story, sizeof story - 1, NG_LANG_EN);
  if (!doc) goto out;
  size_t tlen;
  const char *text = ng_doc_text(doc, &tlen);
  for (int m = 0; m < NG_METHOD_COUNT; m++) {
    ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
    so.method = (ng_method)m;
    so.max_sentences = 3;
    ng_summary *a = NULL, *b = NULL;
    CHECK_INT(ng_summarize(&a, ctx, doc, &so, NULL), NG_OK);
    CHECK_INT(ng_summarize(&b, ctx, doc, &so, NULL), NG_OK);
    if (!a || !b) continue;
    CHECK(ng_summary_count(a) >= 1 && ng_summary_count(a) <= 3);
    CHECK_INT(ng_summary_count(a), ng_summary_count(b));
    for (size_t i = 0; i < ng_summary_count(a); i++) {
      const ng_summary_sentence *x = ng_summary_sentence_at(a, i);
      const ng_summary_sentence *y = ng_summary_sentence_at(b, i);
      CHECK(x->off + x->len <= tlen);
      ng_span sp = ng_doc_sentence(doc, x->index);
      CHECK(sp.off == x->off && sp.len == x->len);
      CHECK(y && x->index == y->index && x->score == y->score);
      if (i) CHECK(ng_summary_sentence_at(a, i - 1)->index < x->index);
    }
    (void)text;
    ng_summary_free(a);
    ng_summary_free(b);
  }
  ng_doc_free(doc);
out:
  ng_ctx_free(ctx);
}

void test_summarize__default_guards_dangling_openers(void) {
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_doc *doc = parse(ctx, story, sizeof story - 1, NG_LANG_EN);
  if (!doc) goto out;
  for (size_t n = 1; n <= 5; n++) {
    ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
    so.max_sentences = n;
    ng_summary *s = NULL;
    CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
    if (!s) continue;
    /* "He said ..." and "However, ..." only right after their antecedent. */
    for (size_t i = 0; i < ng_summary_count(s); i++) {
      size_t idx = ng_summary_sentence_at(s, i)->index;
      if (idx > 0 && ng_news_dangling(doc, idx))
        CHECK(i > 0 && ng_summary_sentence_at(s, i - 1)->index == idx - 1);
    }
    ng_summary_free(s);
  }
  ng_doc_free(doc);
out:
  ng_ctx_free(ctx);
}

void test_summarize__word_limit_and_empty(void) {
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_doc *doc = parse(ctx, story, sizeof story - 1, NG_LANG_EN);
  if (!doc) goto out;
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.max_words = 30;
  ng_summary *s = NULL;
  CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
  if (s) {
    /* 30 words hold one or two of these sentences, never three. */
    CHECK(ng_summary_count(s) >= 1 && ng_summary_count(s) <= 2);
    ng_summary_free(s);
  }
  ng_doc_free(doc);
out:
  ng_ctx_free(ctx);
}

void test_summarize__idf_table(void) {
  const ng_idf_table *t = ng_idf_table_for(NG_LANG_EN);
  CHECK(t != NULL);
  if (!t) return;
  CHECK(t->n > 1000);
  for (size_t i = 1; i < t->n; i++)
    if (strcmp(t->stems[i - 1], t->stems[i]) >= 0) {
      CHECK(!"idf_en stems are not sorted");
      break;
    }
  /* A common stem ("police") is less informative than an unseen one. */
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(t->stems[mid], "polic") < 0) lo = mid + 1;
    else hi = mid;
  }
  CHECK(lo < t->n && strcmp(t->stems[lo], "polic") == 0);
  if (lo < t->n) CHECK(t->q[lo] < t->unseen_q / 4);
  /* Languages without a table fall back to in-document statistics. */
  CHECK(ng_idf_table_for(NG_LANG_RU) == NULL);
}

void test_summarize__russian_without_table(void) {
  static const char ru[] =
      "Река вышла из берегов после трёх дней проливных дождей. "
      "Вода затопила сотни домов в городе. "
      "Спасатели эвакуировали жителей в школы. "
      "Синоптики обещают новые дожди в выходные.";
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_doc *doc = parse(ctx, ru, sizeof ru - 1, NG_LANG_RU);
  if (doc) {
    ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
    so.max_sentences = 2;
    ng_summary *s = NULL;
    CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
    if (s) CHECK_INT(ng_summary_count(s), 2);
    ng_summary_free(s);
    ng_doc_free(doc);
  }
  ng_ctx_free(ctx);
}

/* test_summarize.c - the summarizer's invariants: spans of the text, in
 * document order, within the limits, deterministic; the default method's
 * readability guard; the shipped IDF and salience tables; features. */
#include "harness.h"

#include "nutgraf.h"
#include "summarize/idf.h"
#include "summarize/summarize.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

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

static ng_doc *parse_flags(ng_ctx *ctx, const char *text, size_t len, ng_lang lang,
                           unsigned flags) {
  ng_doc_options o = NG_DOC_OPTIONS_INIT;
  o.lang = lang;
  o.flags = flags;
  ng_doc *doc = NULL;
  CHECK_INT(ng_doc_parse(&doc, ctx, text, len, &o, NULL), NG_OK);
  return doc;
}

static ng_doc *parse(ng_ctx *ctx, const char *text, size_t len, ng_lang lang) {
  return parse_flags(ctx, text, len, lang, 0);
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

/* A line cut off in the source is not picked while finished sentences
 * remain; text made only of such lines still gets a summary. */
void test_summarize__cut_off_lines_last(void) {
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  static const char text[] =
      "Tickets for the title fight between the two champions in Las Vegas "
      "have also yet to go on sale and\n"
      "Feminist icon:\n"
      "The two champions meet in Las Vegas on May 2 after years of talks.\n"
      "Promoters expect the fight to sell more pay-per-view buys than any "
      "before it.\n"
      "Both camps said training had gone well.\n";
  ng_doc *doc = parse_flags(ctx, text, sizeof text - 1, NG_LANG_EN, NG_DOC_NO_TITLE);
  static const char open_only[] = "the fight is on and\nthe tickets are not yet on sale and\n";
  ng_doc *doc2 = parse_flags(ctx, open_only, sizeof open_only - 1, NG_LANG_EN,
                             NG_DOC_NO_TITLE);
  if (!doc || !doc2) goto out;
  for (size_t n = 1; n <= 3; n++) {
    ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
    so.max_sentences = n;
    ng_summary *s = NULL;
    CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
    if (!s) continue;
    CHECK_INT(ng_summary_count(s), n);
    for (size_t i = 0; i < ng_summary_count(s); i++)
      CHECK(ng_summary_sentence_at(s, i)->index >= 2);
    ng_summary_free(s);
  }
  ng_summary *s = NULL;
  CHECK_INT(ng_summarize(&s, ctx, doc2, NULL, NULL), NG_OK);
  if (s) CHECK(ng_summary_count(s) >= 1);
  ng_summary_free(s);
out:
  ng_doc_free(doc);
  ng_doc_free(doc2);
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

/* The highlight salience that ships with the IDF (tools/gen-idf): words of
 * attribution ("according to", "told") are rarely in the highlights of
 * the stories that use them, what happened ("killed", "arrested") often. */
static size_t stem_index(const ng_idf_table *t, const char *s) {
  for (size_t i = 0; i < t->n; i++)
    if (strcmp(t->stems[i], s) == 0) return i;
  return t->n;
}

void test_summarize__highlight_salience(void) {
  const ng_idf_table *t = ng_idf_table_for(NG_LANG_EN);
  CHECK(t != NULL);
  if (!t) return;
  size_t accord = stem_index(t, "accord"), kill = stem_index(t, "kill");
  CHECK(accord < t->n && kill < t->n);
  if (accord < t->n && kill < t->n) {
    CHECK(t->sal[accord] < 0);
    CHECK(t->sal[kill] > 0);
  }
}

/* Feature 19, "has a quotation": the Daily Mail quotes with single marks,
 * which tokenized text spaces off like the apostrophe of "china 's". */
void test_summarize__single_quotes_are_quotations(void) {
  static const char text[] =
      "the trade minister arrived in london on monday for two days of talks "
      "with his british counterpart about steel tariffs and car exports . "
      "he said : ' we have made real progress ' on the deal . "
      "china 's trade minister did n't comment on the talks . "
      "officials from both countries are expected to meet again in beijing "
      "next month to agree the final text of the agreement .";
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_doc *doc = parse_flags(ctx, text, sizeof text - 1, NG_LANG_EN, NG_DOC_NO_TITLE);
  if (doc && doc->nsent == 4) {
    double *f = calloc(doc->nsent * NG_NEWS_NFEAT, sizeof(double));
    CHECK_INT(ng_news_features(f, ctx, doc), NG_OK);
    CHECK(f[0 * NG_NEWS_NFEAT + 19] == 0.0);
    CHECK(f[1 * NG_NEWS_NFEAT + 19] == 1.0);
    CHECK(f[2 * NG_NEWS_NFEAT + 19] == 0.0);
    free(f);
  } else {
    CHECK(!"the text should have four sentences");
  }
  ng_doc_free(doc);
  ng_ctx_free(ctx);
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

/* Every summary sentence of every dev article of the four summarization
 * sets is byte-identical to the input at its offset, is a sentence of the
 * parse, and comes in document order within the limit: the default method
 * at its default length and at -n 3 on all 5,345 articles, the other
 * methods on the two small sets. */
static void check_summary(const char *what, size_t item, ng_ctx *ctx,
                          const ng_doc *doc, const char *input, size_t len,
                          ng_method method, size_t max_sent) {
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.method = method;
  so.max_sentences = max_sent;
  ng_summary *s = NULL;
  ng_error err = {0, NULL, 0};
  int rc = ng_summarize(&s, ctx, doc, &so, &err);
  if (rc || !s) {
    char m[256];
    snprintf(m, sizeof m, "%s item %zu: ng_summarize failed (%d)", what, item, rc);
    ng_test_fail(__FILE__, __LINE__, m);
    return;
  }
  size_t tlen;
  const char *text = ng_doc_text(doc, &tlen);
  size_t n = ng_summary_count(s), limit = max_sent ? max_sent : 3;
  bool ok = n >= 1 && n <= limit && tlen == len;
  for (size_t i = 0; i < n && ok; i++) {
    const ng_summary_sentence *x = ng_summary_sentence_at(s, i);
    ng_span sp = ng_doc_sentence(doc, x->index);
    ok = x->len > 0 && x->off + x->len <= len && sp.off == x->off &&
         sp.len == x->len && memcmp(input + x->off, text + x->off, x->len) == 0 &&
         (i == 0 || ng_summary_sentence_at(s, i - 1)->index < x->index);
  }
  if (!ok) {
    char m[256];
    snprintf(m, sizeof m, "%s item %zu method %s: a summary sentence is not "
             "a verbatim, ordered span of the input", what, item,
             ng_method_name(method));
    ng_test_fail(__FILE__, __LINE__, m);
  }
  ng_summary_free(s);
}

void test_summarize__dev_sets_verbatim(void) {
  const char *dir = ng_test_data_dir();
  if (!dir) {
    ng_test_skip("../shared/data not found: dev-set summary check skipped");
    return;
  }
  static const struct {
    const char *file;
    bool all_methods;
    size_t items;
  } sets[] = {{"cnndm/dev.jsonl.gz", false, 3355},
              {"cnndm_raw/dev.jsonl", true, 174},
              {"bbc_news_summary/dev.jsonl", false, 1638},
              {"xsum_frank/dev.jsonl", true, 178}};
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  if (!ctx) return;
  for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, sets[k].file);
    gzFile gz = gzopen(path, "rb");
    if (!gz) {
      ng_test_fail(__FILE__, __LINE__, path);
      continue;
    }
    size_t cap = 1 << 20, items = 0;
    char *line = malloc(cap);
    while (line && gzgets(gz, line, (int)cap)) {
      size_t ll = strlen(line);
      while (ll == cap - 1 && line[ll - 1] != '\n') { /* a longer line */
        char *nl = realloc(line, cap * 2);
        if (!nl) break;
        line = nl;
        if (!gzgets(gz, line + ll, (int)(cap * 2 - ll))) break;
        cap *= 2;
        ll += strlen(line + ll);
      }
      json_t *o = json_loads(line, 0, NULL);
      json_t *a = o ? json_object_get(o, "article") : NULL;
      if (json_is_string(a)) {
        const char *input = json_string_value(a);
        size_t len = json_string_length(a);
        ng_doc_options d = NG_DOC_OPTIONS_INIT;
        d.lang = NG_LANG_EN;
        d.flags = NG_DOC_NO_TITLE;
        ng_doc *doc = NULL;
        if (ng_doc_parse(&doc, ctx, input, len, &d, NULL) == NG_OK && doc) {
          check_summary(sets[k].file, items, ctx, doc, input, len,
                        NG_METHOD_DEFAULT, 0);
          check_summary(sets[k].file, items, ctx, doc, input, len,
                        NG_METHOD_DEFAULT, 3);
          for (int m = 1; sets[k].all_methods && m < NG_METHOD_COUNT; m++)
            check_summary(sets[k].file, items, ctx, doc, input, len,
                          (ng_method)m, 3);
        } else {
          ng_test_fail(__FILE__, __LINE__, "a dev article did not parse");
        }
        ng_doc_free(doc);
        items++;
      }
      json_decref(o);
    }
    free(line);
    gzclose(gz);
    CHECK_INT(items, sets[k].items);
  }
  ng_ctx_free(ctx);
}

/* The inputs the summarization issue names as bad: one sentence, 50,000
 * sentences, no punctuation, all capitals, cnndm-style tokenized lower
 * case, mixed languages. Every method gives a summary of verbatim spans
 * within the limit (the graph steps see at most NG_GRAPH_MAX_SENTENCES). */
static void check_every_method(const char *what, const char *text, size_t len,
                               size_t want_min) {
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  if (!ctx) return;
  ng_doc_options o = NG_DOC_OPTIONS_INIT;
  ng_doc *doc = NULL;
  CHECK_INT(ng_doc_parse(&doc, ctx, text, len, &o, NULL), NG_OK);
  for (int m = 0; doc && m < NG_METHOD_COUNT; m++) {
    ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
    so.method = (ng_method)m;
    ng_summary *s = NULL;
    CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
    if (!s) continue;
    size_t n = ng_summary_count(s);
    if (n < want_min || n > 3) { /* the default length */
      char msg[200];
      snprintf(msg, sizeof msg, "%s, method %s: %zu sentences", what,
               ng_method_name((ng_method)m), n);
      ng_test_fail(__FILE__, __LINE__, msg);
    }
    for (size_t i = 0; i < n; i++) {
      const ng_summary_sentence *x = ng_summary_sentence_at(s, i);
      CHECK(x->len > 0 && x->off + x->len <= len);
    }
    ng_summary_free(s);
  }
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

static char *repeat_text(const char *unit, size_t times, size_t *len) {
  size_t ul = strlen(unit);
  char *t = malloc(ul * times + 1);
  if (!t) return NULL;
  for (size_t i = 0; i < times; i++) memcpy(t + i * ul, unit, ul);
  t[ul * times] = '\0';
  *len = ul * times;
  return t;
}

void test_summarize__odd_inputs(void) {
  const char *one = "The council approved the new budget on Tuesday.";
  check_every_method("one sentence", one, strlen(one), 1);
  size_t len;
  char *many = repeat_text("Officials counted the votes again in the north. "
                           "The result was due before midnight. ",
                           25000, &len);
  if (many) check_every_method("50,000 sentences", many, len, 1);
  free(many);
  char *flat = repeat_text("officials counted the votes again in the north and "
                           "the result was due before midnight ",
                           2000, &len);
  if (flat) check_every_method("no punctuation", flat, len, 1);
  free(flat);
  const char *caps =
      "FLOODS HIT THE CITY CENTRE AFTER A NIGHT OF RAIN. RIVER LEVELS ROSE "
      "BY TWO METRES IN SIX HOURS. HUNDREDS OF HOMES WERE EVACUATED. THE "
      "MAYOR SAID SHELTERS WOULD STAY OPEN ALL WEEK. MORE RAIN IS FORECAST.";
  check_every_method("all capitals", caps, strlen(caps), 3);
  const char *tok =
      "marseille , france ( cnn ) the prosecutor said wednesday that he was "
      "not aware of any video . robin 's comments follow claims by two "
      "magazines . all 150 on board were killed . the two publications "
      "described the video , but did not post it . the prosecutor 's "
      "office said the investigation would take months . officials in "
      "germany said the airline would cooperate fully with investigators .";
  /* (The segmenter treats text as caseless from 200 lower-case letters.) */
  check_every_method("tokenized lower case", tok, strlen(tok), 3);
  const char *mixed =
      "The ministers met in Minsk on Monday to discuss trade. They agreed "
      "to meet again in spring.\n\n"
      "Министры встретились в Минске в понедельник. Они обсудили торговлю "
      "и энергетику.\n\n"
      "Die Minister trafen sich am Montag in Minsk. Sie sprachen über den "
      "Handel.";
  check_every_method("mixed languages", mixed, strlen(mixed), 3);
}

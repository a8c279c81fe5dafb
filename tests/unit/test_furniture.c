/* test_furniture.c - furniture verdicts on scraped text: each kind of site
 * line goes, article lines stay byte-exact. */
#include "harness.h"

#include "extract/furniture.h"
#include "nutgraf.h"

#include <stdlib.h>

static ng_doc *parse(ng_ctx **ctx, const char *text) {
  ng_doc *doc = NULL;
  CHECK_INT(ng_ctx_new(ctx, NULL, NULL), NG_OK);
  CHECK_INT(ng_doc_parse(&doc, *ctx, text, strlen(text), NULL, NULL), NG_OK);
  return doc;
}

/* True if some furniture line of doc is exactly `line`. */
static int is_furniture(const ng_doc *doc, const char *line) {
  const char *t = ng_doc_text(doc, NULL);
  for (size_t i = 0; i < ng_doc_furniture_count(doc); i++) {
    ng_span s = ng_doc_furniture(doc, i);
    if (s.len == strlen(line) && memcmp(t + s.off, line, s.len) == 0) return 1;
  }
  return 0;
}

static int in_body(const ng_doc *doc, const char *needle) {
  const char *t = ng_doc_text(doc, NULL);
  for (size_t i = 0; i < ng_doc_paragraph_count(doc); i++) {
    ng_span s = ng_doc_paragraph(doc, i);
    char *p = strndup(t + s.off, s.len);
    int hit = strstr(p, needle) != NULL;
    free(p);
    if (hit) return 1;
  }
  return 0;
}

static const char page[] =
    "menu\n"
    "trailing words of a teaser\n"
    "Ministers Meet in Minsk Ahead of Summit\n"
    "\n"
    "No time to read?\n"
    "Get a summary\n"
    "\n"
    "The foreign ministers of the two countries met in Minsk on Monday to "
    "discuss trade and security.\n"
    "Economic Ties\n"
    "They agreed on a date for the next round of consultations, the ministry "
    "said in a statement.\n"
    "Share this article\n"
    "The leaders will meet later this week in the capital.\n"
    "\n"
    "No time to read?\n"
    "Get a summary\n"
    "Previous Article\n"
    "\n"
    "Hercules Faces a Strategic Turn\n"
    "\n"
    "Next Article\n"
    "\n"
    "Used Cars Under 250k: Practical Picks\n"
    "  \xE2\x80\xA2 We use cookies on our website to give you a better "
    "experience. By continuing to use the site you agree to our cookie policy.\n"
    "    Read More\n"
    "\xE2\x80\xA2\n";

void test_furniture__every_kind_goes(void) {
  ng_ctx *ctx = NULL;
  ng_doc *doc = parse(&ctx, page);
  if (!doc) return;
  ng_span title = ng_doc_title(doc);
  CHECK_STRN(ng_doc_text(doc, NULL) + title.off, title.len,
             "Ministers Meet in Minsk Ahead of Summit");
  CHECK(is_furniture(doc, "menu"));
  CHECK(is_furniture(doc, "trailing words of a teaser"));
  CHECK(is_furniture(doc, "No time to read?"));
  CHECK(is_furniture(doc, "Get a summary"));
  CHECK(is_furniture(doc, "Share this article"));
  CHECK(is_furniture(doc, "Previous Article"));
  CHECK(is_furniture(doc, "Hercules Faces a Strategic Turn"));
  CHECK(is_furniture(doc, "Next Article"));
  CHECK(is_furniture(doc, "Used Cars Under 250k: Practical Picks"));
  CHECK(is_furniture(doc, "    Read More"));
  CHECK(is_furniture(doc, "\xE2\x80\xA2"));
  CHECK(!in_body(doc, "cookies"));
  /* Article lines stay, byte-exact, including the subheading. */
  CHECK(in_body(doc, "The foreign ministers of the two countries met in Minsk"));
  CHECK(in_body(doc, "Economic Ties"));
  CHECK(in_body(doc, "The leaders will meet later this week in the capital."));
  CHECK_INT(ng_doc_paragraph_count(doc), 4);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

void test_furniture__article_mentioning_privacy_stays(void) {
  const char *text =
      "Regulator Fines Retailer\n\n"
      "The regulator fined the retailer on Tuesday after finding that its "
      "privacy policy did not explain how it used cookies to track shoppers "
      "across other websites for advertising.\n"
      "The company said it would appeal the decision.\n";
  ng_ctx *ctx = NULL;
  ng_doc *doc = parse(&ctx, text);
  if (!doc) return;
  CHECK(in_body(doc, "privacy policy did not explain"));
  CHECK_INT(ng_doc_sentence_count(doc), 2);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

void test_furniture__phrases_in_other_languages(void) {
  CHECK(ng_furniture_is_phrase("Weiterlesen", 11));
  CHECK(ng_furniture_is_phrase("  » Lire la suite", strlen("  » Lire la suite")));
  CHECK(ng_furniture_is_phrase("Читать далее…", strlen("Читать далее…")));
  CHECK(ng_furniture_is_phrase("NEXT ARTICLE >", 14));
  CHECK(!ng_furniture_is_phrase("Next article in the series was published", 40));
  CHECK(ng_furniture_is_symbols(" | • | ", strlen(" | • | ")));
  CHECK(!ng_furniture_is_symbols("a", 1));
  CHECK(ng_furniture_has_cue("Diese Website verwendet Cookies.", 32));
}

void test_furniture__sentence_inside_a_line_is_never_summarized(void) {
  const char *text = "The ministers met in Minsk on Monday to discuss trade ties. "
                     "Read more. The talks will continue next week in Moscow.\n";
  ng_ctx *ctx = NULL;
  ng_doc *doc = parse(&ctx, text);
  if (!doc) return;
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.max_sentences = 3;
  ng_summary *s = NULL;
  CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
  CHECK_INT(ng_summary_count(s), 2);
  for (size_t i = 0; i < ng_summary_count(s); i++)
    CHECK(ng_summary_sentence_at(s, i)->index != 1);
  ng_summary_free(s);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

void test_furniture__keep_flag_keeps_everything(void) {
  ng_ctx *ctx = NULL;
  ng_doc *doc = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_doc_options o = NG_DOC_OPTIONS_INIT;
  o.flags = NG_DOC_KEEP_FURNITURE | NG_DOC_NO_TITLE;
  CHECK_INT(ng_doc_parse(&doc, ctx, page, strlen(page), &o, NULL), NG_OK);
  CHECK_INT(ng_doc_furniture_count(doc), 0);
  CHECK_INT(ng_doc_title(doc).len, 0);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

void test_furniture__only_furniture_is_empty(void) {
  const char *text = "Previous Article\nNext Article\nShare\nRead More\n";
  ng_ctx *ctx = NULL;
  ng_doc *doc = NULL;
  ng_error err = {0, NULL, 0};
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  CHECK_INT(ng_doc_parse(&doc, ctx, text, strlen(text), NULL, &err), NG_EEMPTY);
  CHECK(doc == NULL);
  CHECK(err.msg != NULL);
  ng_ctx_free(ctx);
}

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

/* True if s[0..n) contains the string `needle`. */
static int span_has(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (memcmp(s + i, needle, k) == 0) return 1;
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

/* Site lines by their opening words, between body paragraphs: labels before
 * a headline, calls to the reader, picture credits, lead cues; in English
 * and Russian. Each goes; the paragraphs around them stay. */
static const char opening_lines[] =
    "Council Approves New Budget\n"
    "\n"
    "The city council approved a new budget on Tuesday after a debate that "
    "lasted more than six hours.\n"
    "Read more: Council members clash over library funding\n"
    "READ MORE: Mayor promises tax cuts before the election\n"
    "Related: City faces deficit as pension costs soar\n"
    "See also: How the budget process works\n"
    "The budget includes money for road repairs and two new libraries, the "
    "mayor said.\n"
    "Sign up to our daily newsletter for the latest news from the city.\n"
    "Follow us on Twitter for live updates\n"
    "Click here to subscribe to our newsletter\n"
    "Continue reading below\n"
    "Image copyright Getty Images\n"
    "Photo: Reuters\n"
    "(Credit: Clayton Aldern / Grist)\n"
    "\xC2\xBB Lesen Sie auch: Stadtrat streitet \xC3\xBC" "ber Bibliotheken\n"
    "\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 \xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5: "
    "\xD0\x9C\xD1\x8D\xD1\x80 \xD0\xBF\xD0\xBE\xD0\xBE\xD0\xB1\xD0\xB5\xD1\x89\xD0\xB0\xD0\xBB\n"
    "\xD0\x9F\xD0\xBE\xD0\xB4\xD0\xBF\xD0\xB8\xD1\x81\xD1\x8B\xD0\xB2\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5\xD1\x81\xD1\x8C "
    "\xD0\xBD\xD0\xB0 \xD0\xBD\xD0\xB0\xD1\x88 \xD0\xBA\xD0\xB0\xD0\xBD\xD0\xB0\xD0\xBB \xD0\xB2 Telegram.\n"
    "Critics said the plan relied on optimistic forecasts of sales tax revenue.\n";

void test_furniture__opening_words_go(void) {
  ng_ctx *ctx = NULL;
  ng_doc *doc = parse(&ctx, opening_lines);
  if (!doc) return;
  static const char *const gone[] = {
      "Read more: Council members clash over library funding",
      "READ MORE: Mayor promises tax cuts before the election",
      "Related: City faces deficit as pension costs soar",
      "See also: How the budget process works",
      "Sign up to our daily newsletter for the latest news from the city.",
      "Follow us on Twitter for live updates",
      "Click here to subscribe to our newsletter",
      "Continue reading below",
      "Image copyright Getty Images",
      "Photo: Reuters",
      "(Credit: Clayton Aldern / Grist)",
      "\xC2\xBB Lesen Sie auch: Stadtrat streitet \xC3\xBC" "ber Bibliotheken",
      /* "Читайте также: Мэр пообещал" */
      "\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 \xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5: "
      "\xD0\x9C\xD1\x8D\xD1\x80 \xD0\xBF\xD0\xBE\xD0\xBE\xD0\xB1\xD0\xB5\xD1\x89\xD0\xB0\xD0\xBB",
      /* "Подписывайтесь на наш канал в Telegram." */
      "\xD0\x9F\xD0\xBE\xD0\xB4\xD0\xBF\xD0\xB8\xD1\x81\xD1\x8B\xD0\xB2\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5\xD1\x81\xD1\x8C "
      "\xD0\xBD\xD0\xB0 \xD0\xBD\xD0\xB0\xD1\x88 \xD0\xBA\xD0\xB0\xD0\xBD\xD0\xB0\xD0\xBB \xD0\xB2 Telegram."};
  for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
    CHECK(is_furniture(doc, gone[i]));
    CHECK(!in_body(doc, gone[i]));
  }
  CHECK_INT(ng_doc_paragraph_count(doc), 3);
  CHECK(in_body(doc, "The city council approved a new budget"));
  CHECK(in_body(doc, "Critics said the plan relied"));
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

/* What looks like those lines but is article text stays. */
void test_furniture__opening_words_false_positives(void) {
  static const char *const text[] = {
      /* a label before a lower-case sentence, or a long one */
      "Related: the two cases were linked by the same detective, police said.",
      "Related: The two cases were linked by the same detective, the police "
      "said on Monday.",
      /* the cue words inside or quoted */
      "Officials said residents could see also the annex for the full figures.",
      "\"Follow us,\" the officer shouted as the crowd moved toward the exit.",
      "\xE2\x80\x9C" "Click here to see it,\xE2\x80\x9D he told the jury.",
      /* a credit word without a colon, a call word in a longer sense */
      "Photo opportunities were few during the visit.",
      "Sources said the deal was close.",
      "Video: the moment the bridge collapsed was filmed by a driver.",
      /* "Advertisement" is not a lead cue: it can open a name */
      "Advertisement Standards Authority rulings are published weekly.",
      "Scroll down for more details of the plan on our website."};
  for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
    CHECK(!ng_furniture_opens(text[i], strlen(text[i])));
    CHECK_INT(ng_furniture_lead_cue(text[i], strlen(text[i])), 0);
  }
  /* And in a document, with paragraphs around them. */
  char doc_text[2048];
  size_t w = (size_t)snprintf(doc_text, sizeof doc_text,
                              "The council met on Tuesday to discuss the budget for next year.\n");
  for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
    w += (size_t)snprintf(doc_text + w, sizeof doc_text - w, "%s\n", text[i]);
  snprintf(doc_text + w, sizeof doc_text - w,
           "The mayor said the budget would pass its second reading next month.\n");
  ng_ctx *ctx = NULL;
  ng_doc *doc = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_doc_options o = NG_DOC_OPTIONS_INIT;
  o.flags = NG_DOC_NO_TITLE;
  CHECK_INT(ng_doc_parse(&doc, ctx, doc_text, strlen(doc_text), &o, NULL), NG_OK);
  if (!doc) return;
  for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) CHECK(in_body(doc, text[i]));
  CHECK_INT(ng_doc_furniture_count(doc), 0);
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.method = NG_METHOD_LEAD; /* no redundancy test: every sentence can go in */
  so.max_sentences = 20;
  ng_summary *s = NULL;
  CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
  if (s) CHECK_INT(ng_summary_count(s), ng_doc_sentence_count(doc));
  ng_summary_free(s);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

void test_furniture__opening_words_one_by_one(void) {
  static const char *const yes[] = {
      "Read more:", "  \xE2\x96\xB6 READ MORE: 'We will fight on', says mayor",
      "Most read: 10 things to do this weekend", "Lesen Sie auch: Die neue Ausgabe",
      "Foto: dpa", "Bild: picture alliance/dpa", "Image credit: www.apple.com/in/",
      "Cr\xC3\xA9" "dit photo : KB / Bondy Blog", "\xC2\xA9 AFP", "Subscribe to the BBC Sport newsletter",
      "Scroll down for video...", "Join our WhatsApp channel for updates"};
  for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
    if (!ng_furniture_opens(yes[i], strlen(yes[i]))) ng_test_fail(__FILE__, __LINE__, yes[i]);
  static const char *const no[] = {
      "Read more about the plan in the council's report, which was published "
      "on Monday and runs to 400 pages.",
      "Photo: a picture of the mayor shaking hands with the governor of the "
      "state at the opening of the new library on Monday morning",
      "Sign up to our newsletter and more: the campaign that sold 40,000 "
      "subscriptions in a week was run by two students from the city's university, "
      "who said they had spent less than 500 pounds on advertising and had never "
      "expected it to work so well."};
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
    if (ng_furniture_opens(no[i], strlen(no[i]))) ng_test_fail(__FILE__, __LINE__, no[i]);
  const char *glued = "Scroll down for video Bosses in some states want more money.";
  CHECK_INT(ng_furniture_lead_cue(glued, strlen(glued)), strlen("Scroll down for video "));
  const char *quoted = "Scroll down for video: 'We will fight on,' said the mayor.";
  CHECK_INT(ng_furniture_lead_cue(quoted, strlen(quoted)), strlen("Scroll down for video: "));
  const char *alone = "Scroll down for video";
  CHECK_INT(ng_furniture_lead_cue(alone, strlen(alone)), strlen(alone));
}

/* "Scroll down for video" glued to a real sentence: the paragraph (at a
 * line start) or the sentence (inside a line) starts after it, and the
 * summary sentence is still a span of the input. */
void test_furniture__lead_cue_glued_to_a_sentence(void) {
  const char *text =
      "Bosses Warned of Sick Days\n\n"
      "Scroll down for video Bosses in some states have been warned to expect a "
      "rise in employees calling in sick this Monday.\n"
      "The holiday falls on a Saturday this year. Scroll down for video Workers "
      "in three states will not get a day off in lieu, unions said.\n";
  ng_ctx *ctx = NULL;
  ng_doc *doc = parse(&ctx, text);
  if (!doc) return;
  const char *t = ng_doc_text(doc, NULL);
  ng_span p = ng_doc_paragraph(doc, 0);
  CHECK_STRN(t + p.off, 6, "Bosses");
  CHECK(is_furniture(doc, "Scroll down for video"));
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.max_sentences = 5;
  ng_summary *s = NULL;
  CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
  if (s) {
    CHECK_INT(ng_summary_count(s), 3);
    for (size_t i = 0; i < ng_summary_count(s); i++) {
      const ng_summary_sentence *x = ng_summary_sentence_at(s, i);
      CHECK(!span_has(t + x->off, x->len, "Scroll"));
      CHECK(x->off + x->len <= strlen(text) && memcmp(t + x->off, text + x->off, x->len) == 0);
    }
    CHECK_STRN(t + ng_summary_sentence_at(s, 2)->off, 7, "Workers");
  }
  ng_summary_free(s);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
}

/* In HTML: furniture <p>s go, a "Read more:" sentence at the end of a
 * paragraph is never summarized, and the headline and standfirst set as
 * headings are not summary sentences. */
void test_furniture__html_lines_and_headings(void) {
  const char *html =
      "<html><head><title>Emissions Dipped in 2019 | Example News</title></head><body>"
      "<article><p>Traffic on the freeway near the airport (Getty/Jane Doe)</p>"
      "<h1>Emissions Dipped in 2019</h1>"
      "<h2>Coal has been in a slow decline over the past ten years</h2>"
      "<p>Total emissions fell 2 percent compared with the year before, according "
      "to a research firm that frequently crunches climate numbers.</p>"
      "<p>Read more: Coal plants close across the country</p>"
      "<p>The country now generates half as much coal-fired electricity as it did in "
      "2009. Read more: Why gas is winning</p>"
      "<p>Photo: Reuters</p>"
      "<p>Sign up to our daily newsletter for the latest climate news.</p>"
      "<p>Scroll down for video Renewable energy from wind and solar power increased "
      "6 percent in 2019, the report said.</p>"
      "</article></body></html>";
  ng_ctx *ctx = NULL;
  ng_article *a = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  ng_extract_options o = NG_EXTRACT_OPTIONS_INIT;
  o.kind = NG_INPUT_HTML;
  CHECK_INT(ng_extract(&a, ctx, html, strlen(html), &o, NULL), NG_OK);
  if (!a) {
    ng_ctx_free(ctx);
    return;
  }
  const ng_doc *doc = ng_article_doc(a);
  CHECK(!in_body(doc, "Coal plants close"));
  CHECK(!in_body(doc, "Photo: Reuters"));
  CHECK(!in_body(doc, "Sign up"));
  CHECK(!in_body(doc, "Scroll down"));
  CHECK(in_body(doc, "Renewable energy from wind"));
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.max_sentences = 10;
  ng_summary *s = NULL;
  CHECK_INT(ng_summarize(&s, ctx, doc, &so, NULL), NG_OK);
  const char *t = ng_doc_text(doc, NULL);
  if (s) {
    for (size_t i = 0; i < ng_summary_count(s); i++) {
      const ng_summary_sentence *x = ng_summary_sentence_at(s, i);
      CHECK(!span_has(t + x->off, x->len, "Read more"));
      CHECK(!span_has(t + x->off, x->len, "Emissions Dipped"));
      CHECK(!span_has(t + x->off, x->len, "slow decline"));
    }
    /* The caption and the three body sentences, the last one without its
     * cue. */
    CHECK_INT(ng_summary_count(s), 4);
    if (ng_summary_count(s) == 4)
      CHECK_STRN(t + ng_summary_sentence_at(s, 3)->off, 9, "Renewable");
  }
  ng_summary_free(s);
  ng_article_free(a);
  ng_ctx_free(ctx);
}

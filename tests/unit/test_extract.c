/* test_extract.c - the HTML reader: encodings, metadata, listing verdict,
 * block structure, pathological input, golden pages (tests/cases/extract)
 * and the sample articles inside a page full of furniture. */
#include "harness.h"

#include "extract/article.h"
#include "extract/charset.h"
#include "extract/html.h"
#include "extract/html_parse.h"
#include "nutgraf.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static ng_ctx *ctx_new(void) {
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  return ctx;
}

static ng_article *extract(ng_ctx *ctx, const char *html, size_t len,
                           int *rc_out) {
  ng_article *a = NULL;
  ng_extract_options o = NG_EXTRACT_OPTIONS_INIT;
  o.kind = NG_INPUT_HTML;
  ng_error err = {0, NULL, 0};
  int rc = ng_extract(&a, ctx, html, len, &o, &err);
  if (rc_out) *rc_out = rc;
  return a;
}

static const char *field(const ng_article *a, ng_field f) {
  const char *s = ng_article_field(a, f, NULL);
  return s ? s : "(null)";
}

static bool body_has(const ng_article *a, const char *needle) {
  const ng_doc *d = ng_article_doc(a);
  if (!d) return false;
  return strstr(ng_doc_text(d, NULL), needle) != NULL;
}

#define STR_EQ(a, b) CHECK_STRN((a), strlen(a), (b))

/* --- encodings ----------------------------------------------------------- */

void test_extract__charset_labels(void) {
  char n[64];
  CHECK(ng_charset_label(n, sizeof n, "latin1", 6));
  STR_EQ(n, "WINDOWS-1252");
  CHECK(ng_charset_label(n, sizeof n, " \"UTF8\"", 7));
  STR_EQ(n, "UTF-8");
  CHECK(ng_charset_label(n, sizeof n, "koi8-r", 6));
  STR_EQ(n, "KOI8-R");
  CHECK(!ng_charset_label(n, sizeof n, "bad label", 9));
}

void test_extract__charset_detect(void) {
  char n[64];
  size_t bom;
  const char *meta = "<meta charset=\"iso-8859-15\"><p>Gr\xfc\xdf" "e</p>";
  CHECK_INT(ng_charset_detect(n, sizeof n, meta, strlen(meta), NULL, &bom),
            NG_CHARSET_META);
  STR_EQ(n, "ISO-8859-15");
  const char *equiv =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
  ng_charset_detect(n, sizeof n, equiv, strlen(equiv), NULL, &bom);
  STR_EQ(n, "WINDOWS-1251");
  /* Valid UTF-8 wins over a wrong declaration. */
  const char *lie = "<meta charset=\"latin1\"><p>Gr\xc3\xbc\xc3\x9f" "e</p>";
  CHECK_INT(ng_charset_detect(n, sizeof n, lie, strlen(lie), NULL, &bom),
            NG_CHARSET_UTF8_VALID);
  /* BOM first, then the caller's label. */
  CHECK_INT(ng_charset_detect(n, sizeof n, "\xEF\xBB\xBF<p>x", 7, "latin1", &bom),
            NG_CHARSET_BOM);
  CHECK_INT(bom, 3);
  CHECK_INT(ng_charset_detect(n, sizeof n, "\xFF\xFE<\0p\0", 6, NULL, &bom),
            NG_CHARSET_BOM);
  STR_EQ(n, "UTF-16LE");
  CHECK_INT(ng_charset_detect(n, sizeof n, "<p>caf\xe9</p>", 11, "koi8-r", &bom),
            NG_CHARSET_CALLER);
  /* Nothing declared, not UTF-8: windows-1252. */
  CHECK_INT(ng_charset_detect(n, sizeof n, "<p>caf\xe9</p>", 11, NULL, &bom),
            NG_CHARSET_DEFAULT);
  STR_EQ(n, "WINDOWS-1252");
  /* UTF-8 with one string cut inside a character ("papieros\xc3..."):
   * still UTF-8 (the broken byte is replaced), not windows-1252; a page
   * of legacy bytes with one valid-looking pair is not. */
  char mostly[256] = "<meta charset=\"utf-8\"><p>";
  for (int i = 0; i < 25; i++) strcat(mostly, "\xc3\xb3");
  strcat(mostly, " papieros\xc3...</p>");
  CHECK_INT(ng_charset_detect(n, sizeof n, mostly, strlen(mostly), NULL, &bom),
            NG_CHARSET_DEFAULT);
  STR_EQ(n, "UTF-8");
  const char *legacy = "<p>Gr\xfc\xdf\xe9 \xe9t\xe9 \xc3\xb3 caf\xe9</p>";
  ng_charset_detect(n, sizeof n, legacy, strlen(legacy), NULL, &bom);
  STR_EQ(n, "WINDOWS-1252");
}

void test_extract__charset_convert(void) {
  ng_buf b = NG_BUF_INIT;
  CHECK_INT(ng_charset_to_utf8(&b, "caf\xe9 \x80", 6, "WINDOWS-1252", NULL), NG_OK);
  CHECK_STRN(b.ptr, b.len, "caf\xc3\xa9 \xe2\x82\xac");
  ng_buf_dispose(&b);
  /* Invalid bytes become U+FFFD, never an error. */
  CHECK_INT(ng_charset_to_utf8(&b, "a\xff" "b\xc3", 4, "UTF-8", NULL), NG_OK);
  CHECK_STRN(b.ptr, b.len, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
  ng_buf_dispose(&b);
  CHECK_INT(ng_charset_to_utf8(&b, "x", 1, "NO-SUCH-CHARSET", NULL), NG_EENCODING);
  ng_buf_dispose(&b);
}

void test_extract__page_in_latin1(void) {
  ng_ctx *ctx = ctx_new();
  const char *page =
      "<html><head><meta charset=\"ISO-8859-1\"><title>Stra\xdf" "e</title></head>"
      "<body><article><p>Die Stra\xdf" "e wird im Fr\xfchjahr f\xfcr den Verkehr "
      "gesperrt, weil die Br\xfc" "cke saniert werden muss.</p></article></body></html>";
  int rc;
  ng_article *a = extract(ctx, page, strlen(page), &rc);
  CHECK_INT(rc, NG_OK);
  if (a) {
    STR_EQ(field(a, NG_FIELD_TITLE), "Stra\xc3\x9f" "e");
    CHECK(body_has(a, "Fr\xc3\xbchjahr f\xc3\xbcr"));
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

void test_extract__page_in_utf16(void) {
  ng_ctx *ctx = ctx_new();
  const char *ascii = "<p>Sixteen bits per character, with a byte order mark first.</p>";
  size_t n = strlen(ascii);
  char *page = malloc(2 + 2 * n);
  page[0] = '\xFF';
  page[1] = '\xFE';
  for (size_t i = 0; i < n; i++) {
    page[2 + 2 * i] = ascii[i];
    page[3 + 2 * i] = '\0';
  }
  int rc;
  ng_article *a = extract(ctx, page, 2 + 2 * n, &rc);
  CHECK_INT(rc, NG_OK);
  if (a) CHECK(body_has(a, "byte order mark"));
  ng_article_free(a);
  free(page);
  ng_ctx_free(ctx);
}

/* --- metadata ------------------------------------------------------------ */

void test_extract__meta_jsonld(void) {
  ng_ctx *ctx = ctx_new();
  const char *page =
      "<html lang=\"en-GB\"><head><title>Ignored | Site</title>"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Graph Site\"},"
      "{\"@type\":[\"NewsArticle\"],\"headline\":\"Bridge reopens after repairs\","
      "\"datePublished\":\"2023-11-02T07:15:00+01:00\",\"dateModified\":\"2023-11-03T09:00:00+01:00\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},\"Ben Okafor\"],"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"City Paper\"}}]}</script>"
      "</head><body><article><p>The old bridge over the canal opened again on Thursday "
      "after eight months of repairs to its foundations.</p></article></body></html>";
  ng_article *a = extract(ctx, page, strlen(page), NULL);
  CHECK(a != NULL);
  if (a) {
    STR_EQ(field(a, NG_FIELD_TITLE), "Bridge reopens after repairs");
    STR_EQ(field(a, NG_FIELD_AUTHOR), "Ana Ruiz; Ben Okafor");
    STR_EQ(field(a, NG_FIELD_DATE), "2023-11-02T07:15:00+01:00");
    STR_EQ(field(a, NG_FIELD_MODIFIED), "2023-11-03T09:00:00+01:00");
    STR_EQ(field(a, NG_FIELD_SITE), "City Paper");
    CHECK_INT(ng_doc_lang(ng_article_doc(a)), NG_LANG_EN);
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

void test_extract__meta_opengraph(void) {
  ng_ctx *ctx = ctx_new();
  const char *page =
      "<html lang=\"de\"><head><title>Hafen: Neue Fähre - Nordkurier</title>"
      "<meta property=\"og:title\" content=\"Hafen: Neue Fähre\">"
      "<meta property=\"og:site_name\" content=\"Nordkurier\">"
      "<meta property=\"article:published_time\" content=\"2022-06-30\">"
      "<meta property=\"og:description\" content=\"Ab Juli fährt eine zweite Fähre.\">"
      "<meta name=\"author\" content=\"Kai Lind\">"
      "<link rel=\"canonical\" href=\"https://example.org/hafen-faehre\">"
      "</head><body><div class=\"article-body\"><p>Ab Juli fährt eine zweite Fähre "
      "zwischen den beiden Ufern, teilte die Stadt am Donnerstag mit.</p></div></body></html>";
  ng_article *a = extract(ctx, page, strlen(page), NULL);
  CHECK(a != NULL);
  if (a) {
    STR_EQ(field(a, NG_FIELD_TITLE), "Hafen: Neue Fähre");
    STR_EQ(field(a, NG_FIELD_SITE), "Nordkurier");
    STR_EQ(field(a, NG_FIELD_DATE), "2022-06-30");
    STR_EQ(field(a, NG_FIELD_AUTHOR), "Kai Lind");
    STR_EQ(field(a, NG_FIELD_URL), "https://example.org/hafen-faehre");
    STR_EQ(field(a, NG_FIELD_DESCRIPTION), "Ab Juli fährt eine zweite Fähre.");
    CHECK_INT(ng_doc_lang(ng_article_doc(a)), NG_LANG_DE);
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

void test_extract__meta_time_and_byline(void) {
  ng_ctx *ctx = ctx_new();
  const char *page =
      "<html><head><title>Snow closes the pass</title></head><body>"
      "<div class=\"story\"><h1>Snow closes the pass</h1>"
      "<span class=\"byline\">By Lena Park</span> "
      "<time datetime=\"2021-01-15T06:00:00Z\">Jan 15</time>"
      "<p>Heavy snow closed the mountain pass on Friday morning, and the police "
      "asked drivers to use the valley road instead.</p></div>"
      "<div id=\"comments\"><p class=\"author\">Somebody Else</p><p>First!</p></div>"
      "</body></html>";
  ng_article *a = extract(ctx, page, strlen(page), NULL);
  CHECK(a != NULL);
  if (a) {
    STR_EQ(field(a, NG_FIELD_AUTHOR), "Lena Park");
    STR_EQ(field(a, NG_FIELD_DATE), "2021-01-15T06:00:00Z");
    STR_EQ(field(a, NG_FIELD_TITLE), "Snow closes the pass");
    CHECK(!body_has(a, "First!"));
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

void test_extract__date_never_after_modified(void) {
  ng_ctx *ctx = ctx_new();
  /* A "published" date later than the last modification is wrong: the
   * next source (<time>) is used. */
  const char *page =
      "<html><head><meta property=\"article:published_time\" content=\"2030-01-01\">"
      "<meta property=\"article:modified_time\" content=\"2020-05-05\"></head><body>"
      "<article><time datetime=\"2020-05-04\">4 May</time><p>A short report on "
      "the council meeting, which ended late in the evening.</p></article></body></html>";
  ng_article *a = extract(ctx, page, strlen(page), NULL);
  CHECK(a != NULL);
  if (a) {
    STR_EQ(field(a, NG_FIELD_DATE), "2020-05-04");
    STR_EQ(field(a, NG_FIELD_MODIFIED), "2020-05-05");
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

/* Extracts page and checks that field f is want. */
static void check_field(const char *page, ng_field f, const char *want) {
  ng_ctx *ctx = ctx_new();
  ng_article *a = extract(ctx, page, strlen(page), NULL);
  CHECK(a != NULL);
  if (a) STR_EQ(field(a, f), want);
  ng_article_free(a);
  ng_ctx_free(ctx);
}

void test_extract__date_when_every_source_is_after_modified(void) {
  /* Every publication date is later than the "modified" one: the bound is
   * what is wrong (an "updated" time of something else), so the first
   * publication date is kept rather than none. */
  const char *page =
      "<html><head><meta property=\"article:published_time\" content=\"2016-01-15T09:00:18+00:00\">"
      "<meta property=\"article:modified_time\" content=\"2016-01-14\"></head><body>"
      "<article><p>A short report on the council meeting, which ended late in "
      "the evening.</p></article></body></html>";
  check_field(page, NG_FIELD_DATE, "2016-01-15T09:00:18+00:00");
}

void test_extract__date_meta_variants(void) {
  const char *const keys[] = {"name=\"publication_date\"", "name=\"DC:date\"",
                              "itemprop=\"uploadDate\""};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    char page[512];
    snprintf(page, sizeof page,
             "<html><head><meta %s content=\"2022-02-08T14:00:00\"></head><body><article>"
             "<p>A short report on the council meeting, which ended late in the "
             "evening.</p></article></body></html>",
             keys[i]);
    check_field(page, NG_FIELD_DATE, "2022-02-08T14:00:00");
  }
}

void test_extract__title_keeps_its_last_character(void) {
  /* The <h1> used to lose its last character when it was not ASCII. */
  const char *page =
      "<html><head><meta property=\"og:title\" content=\"Подольски завершил карьеру в "
      "сборной\"></head><body><h1>Подольски завершил карьеру в сборной</h1><article><p>"
      "Лукас Подольски завершил карьеру в сборной Германии после матча в Дортмунде."
      "</p></article></body></html>";
  check_field(page, NG_FIELD_TITLE, "Подольски завершил карьеру в сборной");
}

void test_extract__byline_class_among_others(void) {
  /* A byline element with several classes ("vcard author"). */
  const char *page =
      "<html><body><article><h1>Council meets late</h1><h4 class=\"vcard author\">"
      "<span class=\"fn\">Jane Doe</span></h4><p>A short report on the council "
      "meeting, which ended late in the evening.</p></article></body></html>";
  check_field(page, NG_FIELD_AUTHOR, "Jane Doe");
}

void test_extract__metadata_character_references(void) {
  /* JSON-LD strings are not decoded by the HTML parser, and some pages
   * escape their meta tags twice. */
  const char *page =
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"headline\": \"Arnault&#8217;s &#x201E;gift&#8220; &amp; the Louvre &uuml;ber "
      "&zzz; &amp\", \"author\": {\"name\": \"Lindsey O&#039;Donnell\"}}</script></head>"
      "<body><article><p>A short report on the council meeting, which ended late in the "
      "evening.</p></article></body></html>";
  check_field(page, NG_FIELD_TITLE, "Arnault’s „gift“ & the Louvre über &zzz; &amp");
  check_field(page, NG_FIELD_AUTHOR, "Lindsey O'Donnell");
  ng_buf b = NG_BUF_INIT;
  CHECK_INT(ng_html_decode_refs(&b, "&#0;&#;&#x110000;x&", 19), NG_OK);
  CHECK_STRN(b.ptr, b.len, "\xef\xbf\xbd&#;\xef\xbf\xbdx&");
  ng_buf_dispose(&b);
}

void test_extract__dates(void) {
  char d[48];
  size_t n = ng_html_date(d, sizeof d, "2019-03-04T10:20:30.123+01:00", 29);
  CHECK_STRN(d, n, "2019-03-04T10:20:30+01:00");
  n = ng_html_date(d, sizeof d, "04.03.2019", 10);
  CHECK_STRN(d, n, "2019-03-04");
  n = ng_html_date(d, sizeof d, "2019/03/04", 10);
  CHECK_STRN(d, n, "2019-03-04");
  CHECK_INT(ng_html_date(d, sizeof d, "2019-13-04", 10), 0);
  CHECK_INT(ng_html_date(d, sizeof d, "yesterday", 9), 0);
}

/* --- page types and structure --------------------------------------------- */

void test_extract__listing(void) {
  ng_ctx *ctx = ctx_new();
  char page[16384];
  size_t n = (size_t)snprintf(page, sizeof page,
                              "<html><head><title>News - Front page</title></head><body>"
                              "<div class=\"teasers\">");
  for (int i = 0; i < 20; i++)
    n += (size_t)snprintf(page + n, sizeof page - n,
                          "<div class=\"teaser\"><h2><a href=\"/story/%d\">Headline "
                          "number %d about something that happened today</a></h2>"
                          "<p>Short.</p></div>",
                          i, i);
  n += (size_t)snprintf(page + n, sizeof page - n, "</div></body></html>");
  int rc;
  ng_article *a = extract(ctx, page, n, &rc);
  CHECK_INT(rc, NG_OK);
  if (a) {
    CHECK_INT(ng_article_type(a), NG_PAGE_LISTING);
    CHECK(ng_article_doc(a) == NULL);
    CHECK_INT(ng_article_block_count(a), 0);
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

/* The title goes before the body in the document (for the rankers), but
 * the article's text starts at the first block: ng_doc_body_offset(), and
 * JSON summary offsets count from there, so they index "text". */
void test_extract__body_offset(void) {
  ng_ctx *ctx = ctx_new();
  static const char page[] =
      "<html><head><title>Harbour reopens</title></head><body><article>"
      "<h1>Harbour reopens</h1><p>The harbour reopened on Monday after repairs. "
      "Fishing boats returned within hours.</p><p>Officials said the quay is safe.</p>"
      "</article></body></html>";
  ng_article *a = extract(ctx, page, sizeof page - 1, NULL);
  CHECK(a != NULL);
  const ng_doc *d = a ? ng_article_doc(a) : NULL;
  CHECK(d != NULL);
  if (d) {
    size_t base = ng_doc_body_offset(d);
    CHECK_INT(base, strlen("Harbour reopens\n\n"));
    CHECK_INT(ng_article_block(a, 0, NULL, NULL).off, base);
    ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
    so.method = NG_METHOD_LEAD;
    so.max_sentences = 1;
    ng_summary *s = NULL;
    CHECK_INT(ng_summarize(&s, ctx, d, &so, NULL), NG_OK);
    ng_buf out = NG_BUF_INIT;
    CHECK_INT(ng_render_summary(&out, d, s, NG_FORMAT_JSON, NULL), NG_OK);
    CHECK(out.ptr && strstr(out.ptr, "\"offset\":0,") != NULL);
    ng_buf_dispose(&out);
    ng_summary_free(s);
  }
  ng_article_free(a);
  /* Text input is its own text. */
  ng_doc *t = NULL;
  static const char text[] = "Title\n\nA sentence here.";
  CHECK_INT(ng_doc_parse(&t, ctx, text, sizeof text - 1, NULL, NULL), NG_OK);
  if (t) CHECK_INT(ng_doc_body_offset(t), 0);
  ng_doc_free(t);
  ng_ctx_free(ctx);
}

void test_extract__block_kinds(void) {
  ng_ctx *ctx = ctx_new();
  const char *page =
      "<html><body><article><h1>Title</h1>"
      "<p>The first paragraph explains what happened and why it matters to readers.</p>"
      "<h2>Details</h2><ul><li>One item of the list</li><li>Another item</li></ul>"
      "<blockquote><p>A quotation from somebody who was there at the time.</p></blockquote>"
      "<table><tr><td>Cell A</td><td>Cell B</td></tr></table>"
      "<pre>code  stays\n  as is</pre>"
      "<p>The last paragraph closes the story with a sentence of its own.</p>"
      "</article></body></html>";
  ng_article *a = extract(ctx, page, strlen(page), NULL);
  CHECK(a != NULL);
  if (!a) {
    ng_ctx_free(ctx);
    return;
  }
  static const struct {
    ng_block_kind kind;
    int level;
    const char *text;
  } want[] = {
      {NG_BLOCK_PARAGRAPH, 0, "The first paragraph explains what happened and why it matters to readers."},
      {NG_BLOCK_HEADING, 2, "Details"},
      {NG_BLOCK_LIST_ITEM, 0, "One item of the list"},
      {NG_BLOCK_LIST_ITEM, 0, "Another item"},
      {NG_BLOCK_QUOTE, 0, "A quotation from somebody who was there at the time."},
      {NG_BLOCK_TABLE_ROW, 0, "Cell A\tCell B"},
      {NG_BLOCK_PRE, 0, "code  stays\n  as is"},
      {NG_BLOCK_PARAGRAPH, 0, "The last paragraph closes the story with a sentence of its own."},
  };
  size_t nb = ng_article_block_count(a);
  CHECK_INT(nb, sizeof want / sizeof want[0]);
  const char *text = ng_doc_text(ng_article_doc(a), NULL);
  for (size_t i = 0; i < nb && i < sizeof want / sizeof want[0]; i++) {
    ng_block_kind k;
    int level;
    ng_span s = ng_article_block(a, i, &k, &level);
    CHECK_INT(k, want[i].kind);
    if (want[i].kind == NG_BLOCK_HEADING) CHECK_INT(level, want[i].level);
    CHECK_STRN(text + s.off, s.len, want[i].text);
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

void test_extract__class_semantics(void) {
  unsigned v = ng_html_name_class("article-body", 12);
  CHECK(v & NG_EL_POSITIVE);
  v = ng_html_name_class("social-share-bar", 16);
  CHECK(v & NG_EL_STRONG_NEG);
  v = ng_html_name_class("post-comments", 13);
  CHECK(v & NG_EL_STRONG_NEG);
  v = ng_html_name_class("entry-meta", 10);
  CHECK(!(v & NG_EL_STRONG_NEG));
  v = ng_html_name_class("headline", 8);
  CHECK_INT(v, 0); /* "ad" must not match inside words */
  /* Script hooks and state modifiers do not classify. */
  v = ng_html_name_class("s-article-text js-dynamic-adverto", 33);
  CHECK(v & NG_EL_POSITIVE);
  CHECK(!(v & NG_EL_NEGATIVE));
  v = ng_html_name_class("o-section o-section--has-ads", 28);
  CHECK(!(v & NG_EL_NEGATIVE));
  /* Author boxes, not bylines, are strongly negative. */
  CHECK(ng_html_name_class("author-box", 10) & NG_EL_STRONG_NEG);
  CHECK(ng_html_name_class("saboxplugin-wrap", 16) & NG_EL_STRONG_NEG);
  CHECK(!(ng_html_name_class("byline author", 13) & NG_EL_STRONG_NEG));
  /* An ad name alone is marked, so that an "ad" box of prose can be let
   * through; close and reply controls are marked for their parents. */
  CHECK(ng_html_name_class("cuerpo-ad", 9) & NG_EL_AD);
  CHECK(!(ng_html_name_class("ad comments", 11) & NG_EL_AD));
  CHECK(ng_html_name_class("btn-close", 9) & NG_EL_CLOSE);
  CHECK(ng_html_name_class("reply", 5) & NG_EL_REPLY);
}

/* An "ad" box of prose, a comment thread known by its reply links, a popup
 * known by its close control. */
void test_extract__boxes_by_content(void) {
  ng_ctx *ctx = ctx_new();
  const char *html =
      "<html><body><div class=\"story\"><h1>Harbour</h1>"
      "<div class=\"cuerpo-ad\"><p>The crane has stood at the end of the east quay since 1912, "
      "and for most of the last thirty years it has been slowly rusting away.</p>"
      "<p>In March the harbour authority said it could no longer pay for the insurance, "
      "and a group of retired dock workers started to collect money for it.</p>"
      "<p>By the end of April they had enough for the insurance and a structural survey, "
      "which found the steel in much better shape than anyone had feared.</p>"
      "<p>The city has now agreed to pay for new foundations, and the volunteers want to "
      "open the cab to visitors on summer weekends once the stairs are safe.</p>"
      "<p>Tours would start at the customs hall, where a small exhibition on the dock "
      "workers and their cranes is being planned for next year.</p></div>"
      "<ul class=\"thread\"><li><a class=\"person\">Pat</a><p>Nice story, I remember the crane "
      "from when I was a child and we used to watch the ships being unloaded there.</p>"
      "<ul class=\"toolbar\"><li class=\"reply\"><a>antworten</a></li></ul></li>"
      "<li><a class=\"person\">Ola</a><p>They should have done this years ago, before the "
      "rust got so bad and the whole quay had to be fenced off for everybody.</p>"
      "<ul class=\"toolbar\"><li class=\"reply\"><a>antworten</a></li></ul></li></ul>"
      "</div><div id=\"vk\"><div class=\"close\">Close [X]</div><p>The printed edition is "
      "delivered every Saturday morning before eight, call our service line if it does "
      "not arrive and we will send a new copy.</p></div></body></html>";
  int rc;
  ng_article *a = extract(ctx, html, strlen(html), &rc);
  CHECK_INT(rc, NG_OK);
  CHECK(body_has(a, "since 1912"));
  CHECK(body_has(a, "structural survey"));
  CHECK(!body_has(a, "remember the crane"));
  CHECK(!body_has(a, "antworten"));
  CHECK(!body_has(a, "printed edition"));
  ng_article_free(a);
  ng_ctx_free(ctx);
}

/* Teasers inside the article container: linked headlines with short
 * excerpts that are not links. */
void test_extract__teaser_list(void) {
  ng_ctx *ctx = ctx_new();
  const char *html =
      "<html><body><article><h1>Harbour</h1>"
      "<p>The crane has stood at the end of the east quay since 1912, and for most of "
      "the last thirty years it has been slowly rusting away in the salt air.</p>"
      "<p>In March the harbour authority said it could no longer pay for the insurance, "
      "and a group of retired dock workers started to collect money for it.</p>"
      "<ul class=\"more\">"
      "<li><h3><a href=\"/a\">Ferry timetable changes in May</a></h3><p>From the first of "
      "May the early ferry leaves ten minutes later.</p></li>"
      "<li><h3><a href=\"/b\">The fish market moves indoors</a></h3><p>After forty years "
      "in the open the market gets a hall of its own.</p></li>"
      "<li><h3><a href=\"/c\">Lighthouse open on Sundays</a></h3><p>Visitors can climb "
      "the tower every Sunday afternoon this summer.</p></li></ul>"
      "</article></body></html>";
  int rc;
  ng_article *a = extract(ctx, html, strlen(html), &rc);
  CHECK_INT(rc, NG_OK);
  CHECK(body_has(a, "since 1912"));
  CHECK(body_has(a, "collect money"));
  CHECK(!body_has(a, "early ferry"));
  CHECK(!body_has(a, "hall of its own"));
  ng_article_free(a);
  /* A list article whose items have linked headlines is the article. */
  const char *listicle =
      "<html><body><article><h1>Four harbour walks</h1>"
      "<p>Short walks along the water, all of them free.</p><ol>"
      "<li><h3><a href=\"/a\">East quay</a></h3><p>Start at the old crane and follow the "
      "quay to the lighthouse; the walk takes about forty minutes each way.</p></li>"
      "<li><h3><a href=\"/b\">Fish market</a></h3><p>Go early on a Saturday, when the boats "
      "come in and the market hall is at its busiest and loudest.</p></li>"
      "<li><h3><a href=\"/c\">Customs hall</a></h3><p>The old customs hall has a small "
      "exhibition on the dock workers, open every afternoon but Monday.</p></li>"
      "<li><h3><a href=\"/d\">North pier</a></h3><p>The longest walk: out to the end of the "
      "north pier and back along the beach, best at low tide.</p></li>"
      "</ol></article></body></html>";
  a = extract(ctx, listicle, strlen(listicle), &rc);
  CHECK_INT(rc, NG_OK);
  CHECK(body_has(a, "about forty minutes"));
  CHECK(body_has(a, "best at low tide"));
  ng_article_free(a);
  ng_ctx_free(ctx);
}

/* Server messages before the document do not make a page plain text. */
void test_extract__sniff_html(void) {
  CHECK(ng_sniff_html("<!DOCTYPE html><p>x", 19));
  const char *php = "<br />\n<b>Warning</b>:  mysql_connect() failed in <b>x.php</b>"
                    "<br />\n<!DOCTYPE html>\n<html><body><p>Text</p></body></html>";
  CHECK(ng_sniff_html(php, strlen(php)));
  CHECK(!ng_sniff_html("<b>Note</b> plain text about <html> tags", 20));
  CHECK(!ng_sniff_html("Plain text.", 11));
  /* And the messages do not reach the text. */
  ng_ctx *ctx = ctx_new();
  const char *page =
      "<html><body><article><h1>Harbour</h1><p>The crane has stood at the end of the "
      "east quay since 1912, and for most of the last thirty years it has been rusting.</p>"
      "<b>Warning</b>:  Creating default object from empty value in "
      "<b>/www/htdocs/theme/footer.php</b> on line <b>1503</b><br />"
      "<p>In March the harbour authority said it could no longer pay for the insurance, "
      "and a group of retired dock workers started to collect money for it.</p>"
      "</article></body></html>";
  int rc;
  ng_article *a = extract(ctx, page, strlen(page), &rc);
  CHECK_INT(rc, NG_OK);
  CHECK(body_has(a, "collect money"));
  CHECK(!body_has(a, "footer.php"));
  ng_article_free(a);
  ng_ctx_free(ctx);
}

/* --- pathological input ----------------------------------------------------- */

void test_extract__deep_nesting(void) {
  ng_ctx *ctx = ctx_new();
  const char *head = "<html><body><p>Before the nesting there is a sentence of text.</p>";
  size_t depth = 1000000, hl = strlen(head);
  char *page = malloc(hl + depth * 5 + 1);
  memcpy(page, head, hl);
  for (size_t i = 0; i < depth; i++) memcpy(page + hl + 5 * i, "<div>", 5);
  size_t n = hl + depth * 5;
  CHECK(ng_html_depth_cut(page, n, NG_HTML_MAX_DEPTH) < n);
  int rc;
  ng_article *a = extract(ctx, page, n, &rc);
  CHECK_INT(rc, NG_OK);
  if (a) CHECK(body_has(a, "Before the nesting"));
  ng_article_free(a);
  free(page);
  ng_ctx_free(ctx);
}

void test_extract__broken_and_limits(void) {
  ng_ctx *ctx = ctx_new();
  const char *cut = "<html><body><div class=\"content\"><p>Truncated pages still give "
                    "their text, as a browser shows it.<p>Second para<b>graph</i> with "
                    "misnested tags and no end";
  int rc;
  ng_article *a = extract(ctx, cut, strlen(cut), &rc);
  CHECK_INT(rc, NG_OK);
  if (a) CHECK(body_has(a, "Second paragraph with misnested tags and no end"));
  ng_article_free(a);
  ng_article *b = NULL;
  ng_extract_options o = NG_EXTRACT_OPTIONS_INIT;
  o.kind = NG_INPUT_HTML;
  o.max_bytes = 16;
  CHECK_INT(ng_extract(&b, ctx, cut, strlen(cut), &o, NULL), NG_ETOOBIG);
  CHECK(b == NULL);
  o.max_bytes = 0;
  CHECK_INT(ng_extract(&b, ctx, "<html><body></body></html>", 26, &o, NULL), NG_EEMPTY);
  CHECK_INT(ng_extract(&b, ctx, "<p>\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11"
                       "\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x01\x02"
                       "\x03\x04\x05\x06", 35, &o, NULL), NG_EBINARY);
  ng_ctx_free(ctx);
}

/* --- golden pages and the samples in a furnished page --------------------- */

static char *render_text(ng_ctx *ctx, const char *html, size_t len, size_t *out_len) {
  ng_article *a = extract(ctx, html, len, NULL);
  if (!a) return NULL;
  ng_buf out = NG_BUF_INIT;
  int rc = ng_render_article(&out, a, NULL, NG_FORMAT_TEXT, NULL);
  ng_article_free(a);
  if (rc) {
    ng_buf_dispose(&out);
    return NULL;
  }
  char *s = malloc(out.len + 1);
  memcpy(s, out.ptr, out.len + 1);
  *out_len = out.len;
  ng_buf_dispose(&out);
  return s;
}

void test_extract__golden(void) {
  const char *dir = "tests/cases/extract";
  DIR *d = opendir(dir);
  CHECK(d != NULL);
  if (!d) return;
  ng_ctx *ctx = ctx_new();
  size_t cases = 0;
  for (struct dirent *e; (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l < 6 || strcmp(e->d_name + l - 5, ".html") != 0) continue;
    char path[512], want_path[512];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    snprintf(want_path, sizeof want_path, "%s/%.*s.expected.txt", dir, (int)(l - 5),
             e->d_name);
    size_t hl = 0, wl = 0, gl = 0;
    char *html = ng_test_read(path, &hl);
    char *want = ng_test_read(want_path, &wl);
    char *got = html ? render_text(ctx, html, hl, &gl) : NULL;
    if (!want || !got || gl != wl || memcmp(want, got, wl) != 0) {
      char m[1200];
      snprintf(m, sizeof m, "%s: output differs from %s", path, want_path);
      ng_test_fail(__FILE__, __LINE__, m);
    }
    cases++;
    free(html);
    free(want);
    free(got);
  }
  closedir(d);
  CHECK(cases >= 4);
  ng_ctx_free(ctx);
}

/* A realistic page of our own around each sample article: every paragraph
 * must come back, and none of the furniture. */
static const char *const furniture[] = {
    "Accept all cookies", "We use cookies", "Subscribe", "Home", "World",
    "Share on Facebook", "No time to read?", "Get a summary", "Related stories",
    "Previous article", "Next article", "Most read", "Sign up for our newsletter",
    "comments", "Great article", "All rights reserved", "Terms of use"};

void test_extract__samples_in_a_page(void) {
  const char *dir = "samples/news";
  DIR *d = opendir(dir);
  CHECK(d != NULL);
  if (!d) return;
  ng_ctx *ctx = ctx_new();
  size_t samples = 0;
  for (struct dirent *e; (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t tl = 0;
    char *txt = ng_test_read(path, &tl);
    if (!txt) continue;
    ng_buf page = NG_BUF_INIT;
    ng_buf_puts(&page,
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>Story | The Daily Sample</title></head><body>"
                "<div class=\"cookie-consent\"><p>We use cookies to give you the best "
                "experience. Accept all cookies or manage your preferences.</p>"
                "<button>Accept all cookies</button></div>"
                "<header><a href=\"/\">The Daily Sample</a><nav><a href=\"/\">Home</a> "
                "<a href=\"/world\">World</a> <a href=\"/subscribe\">Subscribe</a></nav></header>"
                "<div class=\"wrapper\"><div class=\"main\"><article class=\"story\">"
                "<h1>Story</h1><div class=\"share-tools\"><a href=\"https://facebook.com\">"
                "Share on Facebook</a></div><div class=\"box\"><p>No time to read?</p>"
                "<p><a href=\"/s\">Get a summary</a></p></div><div class=\"story-body\">");
    size_t start = 0;
    for (size_t i = 0; i <= tl; i++) {
      if (i < tl && txt[i] != '\n') continue;
      if (i > start) {
        ng_buf_puts(&page, "<p>");
        ng_buf_put(&page, txt + start, i - start);
        ng_buf_puts(&page, "</p>\n");
      }
      start = i + 1;
    }
    ng_buf_puts(&page,
                "</div><div class=\"related\"><h3>Related stories</h3><ul>"
                "<li><a href=\"/1\">Markets rally as inflation cools in the autumn</a></li>"
                "<li><a href=\"/2\">Storm leaves thousands without power for a day</a></li>"
                "</ul></div><div class=\"pager\"><a href=\"/p\">Previous article</a> "
                "<a href=\"/n\">Next article</a></div></article>"
                "<div id=\"comments\"><h3>12 comments</h3><div class=\"comment\"><p>Great "
                "article, thanks for explaining all of this so clearly, I learned a lot "
                "today.</p></div></div></div>"
                "<aside><h3>Most read</h3><ol><li><a href=\"/m\">A story everybody is "
                "reading today</a></li></ol><div class=\"newsletter\"><p>Sign up for our "
                "newsletter and get the news every morning.</p></div></aside></div>"
                "<footer><p>All rights reserved.</p><a href=\"/t\">Terms of use</a></footer>"
                "</body></html>");
    size_t gl = 0;
    char *got = render_text(ctx, page.ptr, page.len, &gl);
    CHECK(got != NULL);
    /* The sample is scraped text with its own furniture lines: the body is
     * what the text reader keeps. */
    ng_doc *doc = NULL;
    CHECK_INT(ng_doc_parse(&doc, ctx, txt, tl, NULL, NULL), NG_OK);
    if (got && doc) {
      for (size_t p = 0; p < ng_doc_paragraph_count(doc); p++) {
        ng_span sp = ng_doc_paragraph(doc, p);
        const char *dt = ng_doc_text(doc, NULL);
        char *para = malloc(sp.len + 1);
        memcpy(para, dt + sp.off, sp.len);
        para[sp.len] = '\0';
        if (!strstr(got, para)) {
          char m[800];
          snprintf(m, sizeof m, "%s: paragraph missing: %.120s", path, para);
          ng_test_fail(__FILE__, __LINE__, m);
        }
        free(para);
      }
      for (size_t k = 0; k < sizeof furniture / sizeof furniture[0]; k++) {
        if (strstr(got, furniture[k])) {
          char m[800];
          snprintf(m, sizeof m, "%s: furniture in the output: %s", path, furniture[k]);
          ng_test_fail(__FILE__, __LINE__, m);
        }
      }
    }
    free(got);
    ng_doc_free(doc);
    ng_buf_dispose(&page);
    free(txt);
    samples++;
  }
  closedir(d);
  CHECK(samples >= 5);
  ng_ctx_free(ctx);
}

void test_extract__jsonld_body_fallback(void) {
  /* A page rendered by scripts: the text is only in JSON-LD articleBody. */
  ng_ctx *ctx = ctx_new();
  char page[4096];
  const char *para =
      "The water board approved the new reservoir after a year of hearings. "
      "It will hold enough water for the town through two dry summers. ";
  int n = snprintf(page, sizeof page,
                   "<html><head><script type=\"application/ld+json\">{\"@type\":"
                   "\"NewsArticle\",\"headline\":\"Reservoir approved\",\"articleBody\":"
                   "\"%s%s\\n%s%s\"}</script></head><body><div id=\"app\"></div>"
                   "<p>Loading</p></body></html>",
                   para, para, para, para);
  int rc;
  ng_article *a = extract(ctx, page, (size_t)n, &rc);
  CHECK_INT(rc, NG_OK);
  if (a) {
    CHECK(body_has(a, "The water board approved"));
    CHECK_INT(ng_article_block_count(a), 2);
  }
  ng_article_free(a);
  ng_ctx_free(ctx);
}

void test_extract__dates_in_text(void) {
  char d[16];
  size_t n = ng_html_find_date(d, sizeof d, "Veröffentlicht am 26. Oktober 2023", 35);
  CHECK_STRN(d, n, "2023-10-26");
  n = ng_html_find_date(d, sizeof d, "Posted on March 4th, 2019 by Ann", 32);
  CHECK_STRN(d, n, "2019-03-04");
  n = ng_html_find_date(d, sizeof d, "Stand: 14.09.2023, 10:15 Uhr", 28);
  CHECK_STRN(d, n, "2023-09-14");
  n = ng_html_find_date(d, sizeof d, "5 Sep. 2021", 11);
  CHECK_STRN(d, n, "2021-09-05");
  CHECK_INT(ng_html_find_date(d, sizeof d, "Markus 4 Leute 2000", 19), 0);
  CHECK_INT(ng_html_find_date(d, sizeof d, "no date here", 12), 0);
}

void test_extract__unknown_caller_charset(void) {
  ng_ctx *ctx = ctx_new();
  ng_article *a = NULL;
  ng_extract_options o = NG_EXTRACT_OPTIONS_INIT;
  o.kind = NG_INPUT_HTML;
  o.charset = "x-no-such-charset";
  ng_error err = {0, NULL, 0};
  const char *page = "<p>A page whose charset the caller got wrong, at length.</p>";
  CHECK_INT(ng_extract(&a, ctx, page, strlen(page), &o, &err), NG_EENCODING);
  CHECK(a == NULL);
  /* A bad <meta charset> is not fatal: the page falls back to windows-1252. */
  const char *meta = "<meta charset=\"x-no-such\"><p>Caf\xe9 and more text in this page.</p>";
  o.charset = NULL;
  CHECK_INT(ng_extract(&a, ctx, meta, strlen(meta), &o, &err), NG_OK);
  if (a) CHECK(body_has(a, "Caf\xc3\xa9"));
  ng_article_free(a);
  ng_ctx_free(ctx);
}

/* NG_EXTRACT_BODY_ONLY gives the same body and fields without sentences;
 * a caller built against version 1 of the options (no flags) still works. */
void test_extract__body_only_and_v1_options(void) {
  static const char page[] =
      "<html><head><title>Pier vote | Port Ellery Times</title></head><body>"
      "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article>"
      "<h1>Pier vote</h1><p>Residents of Port Ellery voted on Tuesday to "
      "rebuild the wooden pier that storms destroyed two winters ago.</p>"
      "<p>The council will borrow most of the money, and work is expected "
      "to start in the autumn once the fishing season is over.</p>"
      "</article></body></html>";
  ng_ctx *ctx = NULL;
  CHECK_INT(ng_ctx_new(&ctx, NULL, NULL), NG_OK);
  if (!ctx) return;
  ng_extract_options full = NG_EXTRACT_OPTIONS_INIT, body = full;
  body.flags = NG_EXTRACT_BODY_ONLY;
  ng_article *a = NULL, *b = NULL;
  CHECK_INT(ng_extract(&a, ctx, page, sizeof page - 1, &full, NULL), NG_OK);
  CHECK_INT(ng_extract(&b, ctx, page, sizeof page - 1, &body, NULL), NG_OK);
  if (a && b) {
    size_t la, lb;
    const char *ta = ng_doc_text(ng_article_doc(a), &la);
    const char *tb = ng_doc_text(ng_article_doc(b), &lb);
    CHECK(la == lb && memcmp(ta, tb, la) == 0);
    CHECK_INT(ng_article_block_count(a), ng_article_block_count(b));
    CHECK(ng_doc_sentence_count(ng_article_doc(a)) >= 2);
    CHECK_INT(ng_doc_sentence_count(ng_article_doc(b)), 0);
    CHECK_INT(ng_doc_lang(ng_article_doc(b)), ng_doc_lang(ng_article_doc(a)));
    /* Summarizing a body-only document is not an error: nothing to pick. */
    ng_summary *s = NULL;
    CHECK_INT(ng_summarize(&s, ctx, ng_article_doc(b), NULL, NULL), NG_OK);
    if (s) CHECK_INT(ng_summary_count(s), 0);
    ng_summary_free(s);
  }
  ng_article_free(a);
  ng_article_free(b);
  /* Version 1: the struct as it was, without `flags`. */
  struct v1 {
    unsigned version;
    ng_input_kind kind;
    ng_lang lang;
    size_t max_bytes;
    const char *url;
    const char *charset;
  } old = {1, NG_INPUT_AUTO, NG_LANG_UNKNOWN, 0, NULL, NULL};
  ng_article *c = NULL;
  CHECK_INT(ng_extract(&c, ctx, page, sizeof page - 1,
                       (const ng_extract_options *)(const void *)&old, NULL),
            NG_OK);
  if (c) CHECK(ng_doc_sentence_count(ng_article_doc(c)) >= 2);
  ng_article_free(c);
  ng_extract_options bad = NG_EXTRACT_OPTIONS_INIT;
  bad.version = 99;
  CHECK_INT(ng_extract(&c, ctx, page, sizeof page - 1, &bad, NULL), NG_EINVAL);
  ng_ctx_free(ctx);
}

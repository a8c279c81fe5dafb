/* test_sentences.c - the sentence segmenter: one test per rule family, the
 * invariants (spans of the input, trimmed, linear time), and the score on
 * the pragmatic_segmenter / pySBD golden cases in ../shared/data. */
#include "harness.h"

#include "nutgraf.h"
#include "text/sentences.h"
#include "text/vec.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#define MAX_SENTS 64

typedef struct split_result {
  size_t n;
  char s[MAX_SENTS][512];
} split_result;

/* Splits text and copies the sentences out; also checks that every span is
 * inside the text, trimmed, and in order. */
static void split(split_result *r, const char *text, ng_lang lang) {
  ng_vec v;
  ng_vec_init(&v, sizeof(ng_span), NULL);
  size_t len = strlen(text);
  CHECK_INT(ng_sentences_split(&v, text, 0, len, lang, 0), NG_OK);
  r->n = v.len;
  size_t prev_end = 0;
  for (size_t i = 0; i < v.len; i++) {
    ng_span *sp = ng_vec_at(&v, i);
    CHECK(sp->off >= prev_end && sp->off + sp->len <= len && sp->len > 0);
    CHECK(!strchr(" \t\n\r", text[sp->off]) &&
          !strchr(" \t\n\r", text[sp->off + sp->len - 1]));
    prev_end = sp->off + sp->len;
    if (i < MAX_SENTS)
      snprintf(r->s[i], sizeof r->s[i], "%.*s", (int)sp->len, text + sp->off);
  }
  ng_vec_dispose(&v);
}

/* Checks that `text` splits into exactly the NULL-terminated list. */
static void expect(const char *text, ng_lang lang, const char *const *want) {
  split_result r;
  split(&r, text, lang);
  size_t n = 0;
  while (want[n])
    n++;
  if (r.n != n) {
    char m[1024];
    snprintf(m, sizeof m, "'%s': %zu sentences, want %zu (first: '%s')", text,
             r.n, n, r.n ? r.s[0] : "");
    ng_test_fail(__FILE__, __LINE__, m);
    return;
  }
  for (size_t i = 0; i < n; i++)
    CHECK_STRN(r.s[i], strlen(r.s[i]), want[i]);
}

#define EXPECT(lang, text, ...)                                                \
  do {                                                                         \
    const char *const w_[] = {__VA_ARGS__, NULL};                              \
    expect(text, lang, w_);                                                    \
  } while (0)

#define EN NG_LANG_EN
#define RU NG_LANG_RU

void test_sentences__terminators(void) {
  EXPECT(EN, "The vote passed. Critics were not happy!  Will it last?",
         "The vote passed.", "Critics were not happy!", "Will it last?");
  EXPECT(EN, "Really?! Yes!! No way?", "Really?!", "Yes!!", "No way?");
  EXPECT(EN, "It rained all day", "It rained all day");
  EXPECT(EN, "   ", NULL);
  EXPECT(EN, "Rain fell.Roads flooded.", "Rain fell.", "Roads flooded.");
  EXPECT(EN, "東京は晴れ。大阪は雨．", "東京は晴れ。", "大阪は雨．");
}

void test_sentences__abbreviations(void) {
  EXPECT(EN, "Gov. Brown met Dr. Adams and Prof. Lee on Tuesday.",
         "Gov. Brown met Dr. Adams and Prof. Lee on Tuesday.");
  EXPECT(EN, "Shares of Acme Corp. rose. The firm, Acme Corp. It grew.",
         "Shares of Acme Corp. rose.", "The firm, Acme Corp.", "It grew.");
  EXPECT(EN, "The talks start on Feb. 3 in Geneva.",
         "The talks start on Feb. 3 in Geneva.");
  EXPECT(EN, "She bought apples, pears, etc. Then she left.",
         "She bought apples, pears, etc.", "Then she left.");
  EXPECT(EN, "Acme Inc. Chief Executive Jo Park spoke.",
         "Acme Inc. Chief Executive Jo Park spoke.");
  EXPECT(EN, "The office opens at 9 a.m. Visitors queue early.",
         "The office opens at 9 a.m.", "Visitors queue early.");
  EXPECT(EN, "He said no. Nobody argued.", "He said no.", "Nobody argued.");
  EXPECT(EN, "Polls close at 8 p.m. Tuesday in most states.",
         "Polls close at 8 p.m. Tuesday in most states.");
  EXPECT(EN, "He was No. 2. See Fig. 3. It grew.", "He was No. 2.",
         "See Fig. 3.", "It grew.");
}

void test_sentences__dotted_abbreviations(void) {
  EXPECT(EN, "The U.S. Senate voted. Aid went to the U.K. The rest stayed.",
         "The U.S. Senate voted.", "Aid went to the U.K.", "The rest stayed.");
  EXPECT(EN, "Use a tool, e.g. a hammer, i.e. something heavy.",
         "Use a tool, e.g. a hammer, i.e. something heavy.");
  EXPECT(EN, "She holds a Ph.D. in physics.", "She holds a Ph.D. in physics.");
}

void test_sentences__initials(void) {
  EXPECT(EN, "The novel by J. R. Tolkien sold well.",
         "The novel by J. R. Tolkien sold well.");
  EXPECT(EN, "It was me and I. Did you know?", "It was me and I.",
         "Did you know?");
  EXPECT(RU, "Писатель А. П. Чехов родился в Таганроге.",
         "Писатель А. П. Чехов родился в Таганроге.");
}

void test_sentences__numbers(void) {
  EXPECT(EN, "Prices rose 2.5 percent to $10.25 at 10:30. Bonds fell.",
         "Prices rose 2.5 percent to $10.25 at 10:30.", "Bonds fell.");
  EXPECT(EN, "He wore No. 23 for the team.", "He wore No. 23 for the team.");
  EXPECT(EN, "Turn to p. 12 now.", "Turn to p. 12 now.");
  EXPECT(EN, "The count was 1,204. Nobody expected it.", "The count was 1,204.",
         "Nobody expected it.");
}

void test_sentences__ellipses(void) {
  EXPECT(EN, "Wait... The train left.", "Wait...", "The train left.");
  EXPECT(EN, "Well... maybe not.", "Well... maybe not.");
  EXPECT(EN, "He paused . . . and went on.", "He paused . . . and went on.");
  EXPECT(EN, "It ended… Then silence.", "It ended…", "Then silence.");
}

void test_sentences__quotes_and_brackets(void) {
  EXPECT(EN, "\"We won. We really won,\" she said. Fans cheered.",
         "\"We won. We really won,\" she said.", "Fans cheered.");
  EXPECT(EN, "He shouted, “Run!” Everyone ran.", "He shouted, “Run!”",
         "Everyone ran.");
  EXPECT(EN, "Stop! he said.", "Stop! he said.");
  EXPECT(EN, "Yahoo! Finance said so. It rose.", "Yahoo! Finance said so.",
         "It rose.");
  EXPECT(EN, "The plan (approved in May.) was dropped.",
         "The plan (approved in May.) was dropped.");
  EXPECT(EN, "It closed. (Staff were told.) Then it reopened.", "It closed.",
         "(Staff were told.)", "Then it reopened.");
  EXPECT(EN, "Shares of Acme Inc. (ACME) rose.",
         "Shares of Acme Inc. (ACME) rose.");
  EXPECT(EN, "This is Jr.'s car.", "This is Jr.'s car.");
  /* A quotation that never closes protects nothing. */
  EXPECT(EN, "\"It was bad, he said. Power failed. He called it \"awful\".",
         "\"It was bad, he said.", "Power failed.", "He called it \"awful\".");
  EXPECT(RU, "«Куда ты? – спросил он. – Уже поздно». Она ушла.",
         "«Куда ты? – спросил он. – Уже поздно».", "Она ушла.");
}

/* Tokenized text spaces its quotes off: a lone quote after a sentence end
 * closes the sentence when the sentence has an odd number of them, and
 * opens the next one otherwise. */
void test_sentences__spaced_quotes(void) {
  EXPECT(EN, "He said : ' We won . ' The fans cheered .",
         "He said : ' We won . '", "The fans cheered .");
  EXPECT(EN, "It was late . ' We won , ' she said .", "It was late .",
         "' We won , ' she said .");
  EXPECT(EN, "He said : \" ' We won . ' \" Then he left .",
         "He said : \" ' We won . ' \"", "Then he left .");
  /* Lower-cased text (200 letters and no capital: cnndm's form). */
  EXPECT(EN,
         "the council met on tuesday evening in the town hall to discuss the "
         "budget for next year , and the meeting ran late into the night as "
         "residents queued to speak about taxes , parking and the library . the mayor said : ' we will balance it . "
         "' the vote is next week .",
         "the council met on tuesday evening in the town hall to discuss the "
         "budget for next year , and the meeting ran late into the night as "
         "residents queued to speak about taxes , parking and the library .",
         "the mayor said : ' we will balance it . '", "the vote is next week .");
}

void test_sentences__lists(void) {
  EXPECT(EN, "1. Buy milk 2. Call Ann 3. Pay rent", "1. Buy milk",
         "2. Call Ann", "3. Pay rent");
  EXPECT(EN, "a) red b) green c) blue", "a) red", "b) green", "c) blue");
  EXPECT(EN, "(i) First. (ii) Second.", "(i) First.", "(ii) Second.");
  EXPECT(EN, "• One item • Another item", "• One item", "• Another item");
  EXPECT(EN, "Steps: 1.) Mix. 2.) Bake.", "Steps: 1.) Mix.", "2.) Bake.");
  EXPECT(EN, "Items 1. above and 2. above apply.",
         "Items 1. above and 2. above apply.");
}

void test_sentences__line_breaks(void) {
  EXPECT(EN, "Breaking News\nThe mayor resigned today.\n\nMore soon",
         "Breaking News", "The mayor resigned today.", "More soon");
  EXPECT(EN, "home\nsports\nweather", "home", "sports", "weather");
  EXPECT(EN,
         "The council met on Monday evening and agreed that the\nbudget "
         "would be cut.",
         "The council met on Monday evening and agreed that the\nbudget "
         "would be cut.");
  EXPECT(EN, "It was a cold \nnight.", "It was a cold \nnight.");
  EXPECT(EN, "Line one\r\nLine two", "Line one", "Line two");
  EXPECT(EN, "I have broad shoulders\nand I know it.",
         "I have broad shoulders\nand I know it.");
  EXPECT(EN, "It was held in Washington,\nD.C. on Monday.",
         "It was held in Washington,\nD.C. on Monday.");
  EXPECT(EN,
         "The budget was signed in Sacramento on Monday by Gov.\nJerry "
         "Brown.",
         "The budget was signed in Sacramento on Monday by Gov.\n"
         "Jerry Brown.");
}

void test_sentences__urls_and_emails(void) {
  EXPECT(EN, "Write to news@example.com. We reply fast.",
         "Write to news@example.com.", "We reply fast.");
  EXPECT(EN, "See https://example.org/a.html. It has more.",
         "See https://example.org/a.html.", "It has more.");
  EXPECT(EN, "Visit www.Example.com today.", "Visit www.Example.com today.");
}

void test_sentences__footnotes(void) {
  EXPECT(EN, "It is old.[3] Nobody knows more.", "It is old.[3]",
         "Nobody knows more.");
  EXPECT(EN, "Costs rose (see table).12 Prices followed.",
         "Costs rose (see table).12", "Prices followed.");
}

void test_sentences__scraping_leftovers(void) {
  EXPECT(EN, "<p>Markets fell. Oil rose.</p>\n<div>\n</div>", "Markets fell.",
         "Oil rose.");
  EXPECT(EN, "==========\nTop stories\n==========", "Top stories");
  EXPECT(EN, "Use a <b>bold</b> move.", "Use a <b>bold</b> move.");
  EXPECT(EN, "If x <5 then stop.", "If x <5 then stop.");
  EXPECT(EN, "Contents\nIntroduction.......... 3\nWhy now?............12-14",
         "Contents", "Introduction", "Why now?");
  EXPECT(EN, "I waited.... 5 minutes passed.",
         "I waited.... 5 minutes passed.");
}

void test_sentences__russian(void) {
  EXPECT(RU, "Встреча прошла в г. Москве. Все были довольны.",
         "Встреча прошла в г. Москве.", "Все были довольны.");
  EXPECT(RU, "Купили яблоки, груши и т.д. Потом ушли.",
         "Купили яблоки, груши и т.д.", "Потом ушли.");
  EXPECT(RU, "Купили хлеб и т. д. Потом ушли. Встреча в пн. Она важна.",
         "Купили хлеб и т. д.", "Потом ушли.", "Встреча в пн.", "Она важна.");
  EXPECT(RU, "Цена 30 руб. за штуку! Дорого.", "Цена 30 руб. за штуку!",
         "Дорого.");
  EXPECT(RU, "Курс — 95,3 руб. Эксперты ждут. МОСКВА, 5 окт. — РИА Новости.",
         "Курс — 95,3 руб.", "Эксперты ждут.", "МОСКВА, 5 окт. — РИА Новости.");
}

void test_sentences__other_languages(void) {
  EXPECT(NG_LANG_DE, "Die Wahl ist am 12. Juni. Wir gehen z. B. hin.",
         "Die Wahl ist am 12. Juni.", "Wir gehen z. B. hin.");
  EXPECT(NG_LANG_ES, "Saludos a la Srta. Ruiz. ¿Vienes mañana?",
         "Saludos a la Srta. Ruiz.", "¿Vienes mañana?");
  EXPECT(NG_LANG_IT, "Ha parlato il Dott. Rossi. Poi è uscito.",
         "Ha parlato il Dott. Rossi.", "Poi è uscito.");
  /* Armenian: the full stop is written as a colon. */
  EXPECT(NG_LANG_UNKNOWN,
         "Բարև Ձեզ: Ես գնում եմ:", "Բարև Ձեզ:", "Ես գնում եմ:");
  EXPECT(NG_LANG_EN, "Note: Ready.", "Note: Ready.");
}

void test_sentences__unknown_language(void) {
  EXPECT(NG_LANG_UNKNOWN, "Mr. Lee arrived. He sat down.", "Mr. Lee arrived.",
         "He sat down.");
}

void test_sentences__sub_span(void) {
  /* Only text[off, off + len) is looked at; offsets are absolute. */
  const char *t = "IGNORED. One. Two. IGNORED";
  ng_vec v;
  ng_vec_init(&v, sizeof(ng_span), NULL);
  CHECK_INT(ng_sentences_split(&v, t, 9, 9, NG_LANG_EN, 0), NG_OK);
  CHECK_INT(v.len, 2);
  if (v.len == 2) {
    ng_span *a = ng_vec_at(&v, 0), *b = ng_vec_at(&v, 1);
    CHECK_INT(a->off, 9);
    CHECK_STRN(t + a->off, a->len, "One.");
    CHECK_STRN(t + b->off, b->len, "Two.");
  }
  ng_vec_dispose(&v);
}

/* Random soup of the characters the rules look at: spans stay inside the
 * block, in order, trimmed and non-empty (split() checks), and nothing
 * hangs or reads out of bounds (run under ASan in CI). */
void test_sentences__random_invariants(void) {
  static const char *const atoms[] = {
      ".",    "!", "?",     "…",    " ",    "\n",  "\n\n", "\r",  "(",
      ")",    "[", "]",     "\"",   "'",    "«",   "»",    "“",   "”",
      "‘",    "’", "a",     "B",    "Mr",   "U.S", "1",    "12",  "a)",
      "(ii)", "•", "<p>",   "</p>", "////", "--",  "—",    "e.g", "http://x.y",
      "@",    "ж", "Ж",     "։",    ":",    "。",  "[1]",  "I",   "The",
      "¿",    "-", ". . .", "%"};
  enum { NATOMS = sizeof atoms / sizeof atoms[0] };
  uint32_t seed = 12345;
  char text[400];
  for (int round = 0; round < 3000; round++) {
    size_t n = 0;
    int parts = 1 + round % 40;
    for (int k = 0; k < parts; k++) {
      seed = seed * 1103515245u + 12345u;
      const char *a = atoms[(seed >> 16) % NATOMS];
      size_t l = strlen(a);
      if (n + l >= sizeof text) break;
      memcpy(text + n, a, l);
      n += l;
    }
    text[n] = '\0';
    split_result r;
    split(&r, text, round % 3 == 0 ? NG_LANG_RU : NG_LANG_EN);
  }
}

/* Big inputs must stay linear: a 10 MB line without punctuation, 50,000
 * sentences, and runs of quotes, brackets and dots that never close. */
void test_sentences__pathological(void) {
  size_t n = 10u << 20;
  char *buf = malloc(n + 1);
  CHECK(buf != NULL);
  if (!buf) return;
  ng_vec v;
  ng_vec_init(&v, sizeof(ng_span), NULL);
  clock_t t0 = clock();

  for (size_t i = 0; i < n; i++)
    buf[i] = i % 7 == 6 ? ' ' : 'a';
  CHECK_INT(ng_sentences_split(&v, buf, 0, n, NG_LANG_EN, 0), NG_OK);
  CHECK_INT(v.len, 1);

  const char *unit = "The Co. said (it grew. ";
  size_t ul = strlen(unit), m = 0;
  while (m + ul <= n && m / ul < 50000) {
    memcpy(buf + m, unit, ul);
    m += ul;
  }
  v.len = 0;
  CHECK_INT(ng_sentences_split(&v, buf, 0, m, NG_LANG_EN, 0), NG_OK);
  CHECK(v.len >= 1);

  const char *units[] = {"(",   "\"a ", "' x", ". ",  "a. ",
                         "1. ", "« ",   "[",   ". . "};
  for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
    size_t l = strlen(units[u]);
    for (size_t i = 0; i + l <= n; i += l)
      memcpy(buf + i, units[u], l);
    v.len = 0;
    CHECK_INT(ng_sentences_split(&v, buf, 0, n - n % l, NG_LANG_EN, 0), NG_OK);
  }
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  printf("    pathological inputs (12 x ~10 MB): %.2f s\n", secs);
  ng_vec_dispose(&v);
  free(buf);
}

/* ------------------------------------------------------------------------
 * Golden cases (pragmatic_segmenter Golden Rules and pySBD language tests)
 * ---------------------------------------------------------------------- */

/* Collapses white space runs to one space and trims, in place. */
static size_t norm(char *s, size_t n) {
  size_t o = 0;
  int sp = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int is_sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                c == '\v';
    /* U+00A0 and U+3000 count as white space too. */
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
      is_sp = 1;
      i++;
    } else if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
               (unsigned char)s[i + 2] == 0x80) {
      is_sp = 1;
      i += 2;
    }
    if (is_sp) {
      sp = o > 0;
      continue;
    }
    if (sp) s[o++] = ' ';
    sp = 0;
    s[o++] = (char)c;
  }
  return o;
}

/* Could any span-based segmenter meet the case? Every expected sentence
 * (normalized) must occur in the normalized text, in order. Cases run by
 * pySBD with text cleaning can fail this (it deletes markup, joins split
 * words, replaces characters). */
static int reachable(const char *text, json_t *sents) {
  size_t tl = strlen(text);
  char *t = malloc(tl + 1);
  if (!t) return 0;
  memcpy(t, text, tl + 1);
  tl = norm(t, tl);
  t[tl] = '\0';
  size_t pos = 0;
  int ok = 1;
  for (size_t i = 0; ok && i < json_array_size(sents); i++) {
    const char *e = json_string_value(json_array_get(sents, i));
    size_t el = e ? strlen(e) : 0;
    char *x = malloc(el + 1);
    if (!x) {
      ok = 0;
      break;
    }
    memcpy(x, e ? e : "", el + 1);
    el = norm(x, el);
    x[el] = '\0';
    char *f = strstr(t + pos, x);
    if (!f)
      ok = 0;
    else
      pos = (size_t)(f - t) + el;
    free(x);
  }
  free(t);
  return ok;
}

/* Segments a case and compares with the expected sentences. */
static int golden_case(const char *text, json_t *sents, ng_lang lang,
                       int verbose, const char *id) {
  ng_vec v;
  ng_vec_init(&v, sizeof(ng_span), NULL);
  size_t len = strlen(text);
  int ok = ng_sentences_split(&v, text, 0, len, lang, 0) == NG_OK &&
           v.len == json_array_size(sents);
  for (size_t i = 0; ok && i < v.len; i++) {
    ng_span *sp = ng_vec_at(&v, i);
    const char *e = json_string_value(json_array_get(sents, i));
    if (!e) {
      ok = 0;
      break;
    }
    char *a = malloc(sp->len + 1), *b = malloc(strlen(e) + 1);
    if (a && b) {
      memcpy(a, text + sp->off, sp->len);
      size_t al = norm(a, sp->len);
      memcpy(b, e, strlen(e));
      size_t bl = norm(b, strlen(e));
      ok = al == bl && memcmp(a, b, al) == 0;
    } else {
      ok = 0;
    }
    free(a);
    free(b);
  }
  if (!ok && verbose) {
    printf("    --- %s\n", id);
    for (size_t i = 0; i < v.len && i < 4000; i++) {
      ng_span *sp = ng_vec_at(&v, i);
      printf("      got  [%.*s]\n", (int)sp->len, text + sp->off);
    }
    for (size_t i = 0; i < json_array_size(sents) && i < 4000; i++)
      printf("      want [%s]\n", json_string_value(json_array_get(sents, i)));
  }
  ng_vec_dispose(&v);
  return ok;
}

typedef struct tally {
  char lang[8];
  int golden, golden_ok; /* GOLDEN_EN_RULES */
  int other, other_ok;   /* everything else */
  int reach, reach_ok;   /* "other" cases a span segmenter can meet */
} tally;

void test_sentences__sbd_golden(void) {
  const char *dir = ng_test_data_dir();
  if (!dir) {
    ng_test_skip("../shared/data not found: sbd_golden scoring skipped");
    return;
  }
  static const char *langs[] = {"en", "ru", "de", "es", "it", "fr", "nl", "pl",
                                "da", "hy", "kk", "bg", "el", "ar", "fa", "ur",
                                "hi", "mr", "am", "my", "sk", "ja", "zh"};
  enum { NL = sizeof langs / sizeof langs[0] };
  tally tl[NL];
  memset(tl, 0, sizeof tl);
  int verbose = getenv("NG_SBD_VERBOSE") != NULL;
  char failed[2][1024];
  failed[0][0] = failed[1][0] = '\0';
  int found = 0;
  for (size_t li = 0; li < NL; li++) {
    tally *t = &tl[li];
    snprintf(t->lang, sizeof t->lang, "%s", langs[li]);
    char path[512];
    snprintf(path, sizeof path, "%s/sbd_golden/%s.jsonl", dir, langs[li]);
    size_t flen;
    char *file = ng_test_read(path, &flen);
    if (!file) continue;
    found++;
    ng_lang lang = ng_lang_from_code(langs[li], 2);
    for (char *line = file; line && *line;) {
      char *nl = strchr(line, '\n');
      if (nl) *nl = '\0';
      json_error_t jerr;
      json_t *o = *line ? json_loads(line, 0, &jerr) : NULL;
      if (o) {
        const char *text = json_string_value(json_object_get(o, "text"));
        const char *id = json_string_value(json_object_get(o, "id"));
        const char *set = json_string_value(json_object_get(o, "set"));
        json_t *sents = json_object_get(o, "sentences");
        if (text && id && set && json_is_array(sents)) {
          int ok = golden_case(text, sents, lang, verbose, id);
          if (strcmp(set, "GOLDEN_EN_RULES") == 0) {
            t->golden++;
            t->golden_ok += ok;
          } else {
            t->other++;
            t->other_ok += ok;
            if (reachable(text, sents)) {
              t->reach++;
              t->reach_ok += ok;
            }
          }
          if (!ok && li < 2) {
            /* Keep ids short: drop the language and set prefix. */
            const char *dash = strrchr(id, '-');
            char shortid[64];
            snprintf(shortid, sizeof shortid, "%s%s",
                     strcmp(set, "GOLDEN_EN_RULES") == 0 ? "rule"
                     : strstr(set, "WITH_CLEAN")         ? "clean"
                     : strstr(set, "WO_CLEAN")           ? "raw"
                                                         : "",
                     dash ? dash + 1 : id);
            size_t fl = strlen(failed[li]);
            if (fl + strlen(shortid) + 2 < sizeof failed[li])
              snprintf(failed[li] + fl, sizeof failed[li] - fl, " %s", shortid);
          }
        }
        json_decref(o);
      }
      line = nl ? nl + 1 : NULL;
    }
    free(file);
  }
  CHECK(found > 0);
  tally *en = &tl[0], *ru = &tl[1];
  printf("    sbd en golden %d/%d, en other %d/%d (%.1f%%; %d/%d reachable "
         "by spans, %.1f%%), ru %d/%d (%.1f%%)\n",
         en->golden_ok, en->golden, en->other_ok, en->other,
         en->other ? 100.0 * en->other_ok / en->other : 0.0, en->reach_ok,
         en->reach, en->reach ? 100.0 * en->reach_ok / en->reach : 0.0,
         ru->other_ok, ru->other,
         ru->other ? 100.0 * ru->other_ok / ru->other : 0.0);
  printf("    sbd others:");
  int col = 0;
  for (size_t li = 2; li < NL; li++) {
    tally *t = &tl[li];
    if (!t->other) continue;
    printf(" %s %d/%d", t->lang, t->other_ok, t->other);
    if (++col % 8 == 0 && li + 1 < NL) printf("\n               ");
  }
  printf("\n    sbd en failing:%s\n    sbd ru failing:%s\n", failed[0],
         failed[1]);
  /* Targets (issue 3): 47 of the 48 Golden Rules (rule 18, a.m./p.m., is an
   * expected failure in pySBD too), 90% of the other English cases, 90% of
   * the Russian cases. */
  if (en->golden) CHECK(en->golden_ok >= 47);
  if (en->other) CHECK(en->other_ok * 10 >= en->other * 9);
  if (ru->other) CHECK(ru->other_ok * 10 >= ru->other * 9);
}

/* sentences.c - a first rule-based segmenter: terminal punctuation followed
 * by white space and something that can start a sentence, except after a
 * known abbreviation or an initial. */
#include "sentences.h"

#include "lexicon.h"
#include "utf8.h"

#include <stdbool.h>

static bool is_terminator(int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ ||
         cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x203C;
}

static bool is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0xBB || cp == 0x300D || cp == 0x300F;
}

static bool is_space(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
         ng_cp_class(cp) == NG_CC_SPACE;
}

/* The word that ends right before position `dot` (letters and inner dots). */
static void word_before(const char *t, size_t start, size_t dot, size_t *ws) {
  size_t i = dot;
  while (i > start) {
    size_t p = ng_utf8_prev(t, i);
    int32_t cp;
    ng_utf8_decode(t + p, i - p, &cp);
    ng_cclass c = ng_cp_class(cp);
    if (c != NG_CC_LETTER && c != NG_CC_MARK && cp != '.') break;
    i = p;
  }
  *ws = i;
}

static bool is_abbreviation(const char *t, size_t ws, size_t dot, ng_lang lang) {
  size_t n = dot - ws;
  if (n == 0 || n >= 32) return false;
  char fold[64];
  size_t fl = ng_utf8_fold(fold, sizeof fold, t + ws, n);
  if (fl >= sizeof fold) return false;
  ng_lex_id id = ng_lex_abbreviations(lang);
  if (id == NG_LEX_COUNT) id = NG_LEX_abbr_en;
  return ng_lex_has(id, fold, fl);
}

static int emit(ng_vec *out, const char *t, size_t s, size_t e) {
  while (s < e) {
    int32_t cp;
    size_t l = ng_utf8_decode(t + s, e - s, &cp);
    if (!is_space(cp)) break;
    s += l;
  }
  while (e > s) {
    size_t p = ng_utf8_prev(t, e);
    int32_t cp;
    ng_utf8_decode(t + p, e - p, &cp);
    if (!is_space(cp)) break;
    e = p;
  }
  if (e <= s) return NG_OK;
  ng_span sp = {s, e - s};
  return ng_vec_push(out, &sp);
}

int ng_sentences_split(ng_vec *out, const char *t, size_t off, size_t len,
                       ng_lang lang) {
  const size_t end = off + len;
  size_t start = off;
  size_t i = off;
  while (i < end) {
    int32_t cp;
    size_t l = ng_utf8_decode(t + i, end - i, &cp);
    if (cp == '\n') {
      /* A blank line always ends a sentence. */
      size_t k = i + 1;
      while (k < end && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) k++;
      if (k < end && t[k] == '\n') {
        if (emit(out, t, start, i)) return NG_ENOMEM;
        start = k;
      }
      i += l;
      continue;
    }
    if (!is_terminator(cp)) {
      i += l;
      continue;
    }
    size_t term = i;
    size_t j = i + l;
    /* Runs of terminators ("?!", "...") and closing quotes/brackets. */
    while (j < end) {
      int32_t c2;
      size_t l2 = ng_utf8_decode(t + j, end - j, &c2);
      if (!is_terminator(c2) && !is_closer(c2)) break;
      j += l2;
    }
    if (j >= end) {
      i = j;
      break;
    }
    int32_t after;
    ng_utf8_decode(t + j, end - j, &after);
    if (!is_space(after)) {
      i = j;
      continue;
    }
    size_t k = j;
    int32_t nx = 0;
    while (k < end) {
      size_t l3 = ng_utf8_decode(t + k, end - k, &nx);
      if (!is_space(nx)) break;
      k += l3;
    }
    if (k >= end) {
      i = k;
      break;
    }
    bool boundary = true;
    if (ng_cp_is_lower(nx)) boundary = false;
    if (boundary && cp == '.') {
      size_t ws;
      word_before(t, start, term, &ws);
      size_t wlen = term - ws;
      if (is_abbreviation(t, ws, term, lang)) boundary = false;
      else if (wlen > 0 && wlen <= 4) {
        /* A single capital letter is an initial (J. Smith). */
        int32_t c0;
        size_t l0 = ng_utf8_decode(t + ws, wlen, &c0);
        if (l0 == wlen && ng_cp_is_upper(c0)) boundary = false;
      }
    }
    if (boundary) {
      if (emit(out, t, start, j)) return NG_ENOMEM;
      start = k;
    }
    i = k;
  }
  return emit(out, t, start, end);
}

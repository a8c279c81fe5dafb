/* furniture.c - line-level furniture detection.
 *
 * Scraped pages put the article between two bands of site text. The signals,
 * in order of strength:
 *   1. the line is a known furniture phrase or only symbols (lexicon);
 *   2. the line repeats elsewhere on the page and is short ("No time to
 *      read?" above and below the article);
 *   3. the line carries a consent/newsletter cue and sits outside the body
 *      or is short;
 *   4. position: before the first prose line only a title survives; after
 *      the last prose line nothing that is not prose survives ("Previous
 *      Article" and the linked headline after it).
 * Lines in the middle that are not prose are kept: they are subheadings. */
#include "furniture.h"

#include "../text/doc.h"
#include "../text/hash.h"
#include "../text/lexicon.h"
#include "../text/utf8.h"

#include <string.h>

static bool strip_char(int32_t cp) {
  ng_cclass c = ng_cp_class_fast(cp);
  return c == NG_CC_SPACE || c == NG_CC_PUNCT || c == NG_CC_SYMBOL ||
         c == NG_CC_OTHER;
}

size_t ng_furniture_key(char *dst, size_t cap, const char *s, size_t n) {
  /* Trim leading and trailing symbols/punctuation/space. */
  size_t b = 0, e = n;
  while (b < e) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + b, e - b, &cp);
    if (!strip_char(cp)) break;
    b += l;
  }
  while (e > b) {
    size_t p = ng_utf8_prev(s, e);
    int32_t cp;
    ng_utf8_decode_fast(s + p, e - p, &cp);
    if (!strip_char(cp) || cp == '\'') break;
    e = p;
  }
  if (e - b >= cap) return 0;
  char tmp[256];
  if (e - b >= sizeof tmp) return 0;
  /* Collapse inner white space to one ASCII space, then fold. */
  size_t w = 0;
  bool space = false;
  for (size_t i = b; i < e;) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, e - i, &cp);
    if (ng_cp_class_fast(cp) == NG_CC_SPACE) {
      space = true;
    } else {
      if (space && w) tmp[w++] = ' ';
      space = false;
      memcpy(tmp + w, s + i, l);
      w += l;
    }
    i += l;
  }
  size_t k = ng_utf8_fold(dst, cap, tmp, w);
  return k < cap ? k : 0;
}

/* More words than any furniture phrase has? Counts the runs between white
 * space that hold a letter, digit or mark: the key keeps each such run
 * (trimming takes only symbols, punctuation and space from the ends) and
 * separates runs by one space, so this is at most the key's word count.
 * Stops as soon as the count is over: sentences are read only that far,
 * where building the key reads and folds all of them. */
static bool over_phrase_words(const char *s, size_t n) {
  size_t max = ng_lex_max_words(NG_LEX_furniture), runs = 0;
  bool in_run = false, counted = false;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    ng_cclass c = ng_cp_class_fast(cp);
    i += l;
    if (c == NG_CC_SPACE) {
      in_run = false;
      continue;
    }
    if (!in_run) {
      in_run = true;
      counted = false;
    }
    if (!counted && !strip_char(cp)) {
      counted = true;
      if (++runs > max) return true;
    }
  }
  return false;
}

bool ng_furniture_is_phrase(const char *s, size_t n) {
  if (n > 200) return false;
  if (over_phrase_words(s, n)) return false;
  char key[256];
  size_t k = ng_furniture_key(key, sizeof key, s, n);
  if (k == 0) return false;
  if (ng_lex_has(NG_LEX_furniture, key, k)) return true;
  /* "Share on Facebook Twitter Email", "Previous article: ..." as prefix */
  return false;
}

bool ng_furniture_has_cue(const char *s, size_t n) {
  char key[1024];
  if (n > 2000) return false;
  /* ASCII case folding first: full Unicode folding (utf8proc) costs more
   * than the lookup, and it only matters for cues with non-ASCII letters,
   * which all contain "cookie" ("używamy plików cookie", "мы используем
   * файлы cookie"). Bytes >= 0x80 are copied as they are. */
  size_t k = n < sizeof key - 1 ? n : sizeof key - 1;
  bool ascii = true;
  size_t i = 0;
  /* Eight bytes at a time while they are ASCII: 0x20 added to each byte
   * in 'A'..'Z' (no carries: every byte is below 0x80). */
  for (; i + 8 <= k; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & UINT64_C(0x8080808080808080)) break;
    uint64_t ge_a = w + UINT64_C(0x3F3F3F3F3F3F3F3F);   /* high bit: >= 'A' */
    uint64_t gt_z = w + UINT64_C(0x2525252525252525);   /* high bit: > 'Z' */
    w |= ((ge_a ^ gt_z) & UINT64_C(0x8080808080808080)) >> 2;
    memcpy(key + i, &w, 8);
  }
  for (; i < k; i++) {
    char c = s[i];
    if ((unsigned char)c >= 0x80) ascii = false;
    key[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  key[k] = '\0';
  if (ng_lex_contains(NG_LEX_cookie_cues, key, k)) return true;
  if (ascii || !strstr(key, "cookie")) return false;
  k = ng_utf8_fold(key, sizeof key, s, n);
  if (k >= sizeof key) k = strlen(key);
  return ng_lex_contains(NG_LEX_cookie_cues, key, k);
}

bool ng_furniture_is_symbols(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    ng_cclass c = ng_cp_class_fast(cp);
    if (c == NG_CC_LETTER || c == NG_CC_DIGIT || c == NG_CC_IDEO) return false;
    i += l;
  }
  return true;
}

static bool is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0xBB;
}

void ng_line_shape_of(ng_line_shape *out, const char *s, size_t n) {
  memset(out, 0, sizeof *out);
  bool in_word = false;
  bool first = true;
  for (size_t i = 0; i < n;) {
    if (!first && in_word && ng_ascii_alnum((unsigned char)s[i])) {
      i += ng_ascii_alnum_run8(s, i, n); /* inside a word: nothing changes */
      continue;
    }
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    ng_cclass c = ng_cp_class_fast(cp);
    bool wordy = c == NG_CC_LETTER || c == NG_CC_DIGIT || c == NG_CC_IDEO;
    if (wordy && !in_word) out->words++;
    if (c == NG_CC_IDEO) out->words++; /* CJK: count characters */
    if (first && (wordy || cp == '"' || cp == 0x201C || cp == 0xAB)) {
      out->upper_start = c == NG_CC_DIGIT || c == NG_CC_IDEO ||
                         !wordy || ng_cp_is_upper(cp) ||
                         (c == NG_CC_LETTER && !ng_cp_is_lower(cp));
      first = false;
    }
    in_word = wordy || (in_word && (cp == '\'' || cp == 0x2019 || cp == '-'));
    i += l;
  }
  /* Terminal punctuation, looking past closing quotes and spaces. */
  size_t e = n;
  while (e > 0) {
    size_t p = ng_utf8_prev(s, e);
    int32_t cp;
    ng_utf8_decode_fast(s + p, e - p, &cp);
    if (ng_cp_class_fast(cp) == NG_CC_SPACE || is_closer(cp)) {
      e = p;
      continue;
    }
    out->terminal = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
                    cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
    break;
  }
  out->prose = (out->terminal && out->words >= 5) || out->words >= 16;
}

/* 0 marks "no key" in the classifier. */
static uint64_t hash64(const char *s, size_t n) {
  uint64_t h = ng_fnv64(s, n);
  return h ? h : 1;
}

/* Consent notices are short; a paragraph of over 1,000 bytes is article
 * text even when it mentions a privacy policy. */
#define CUE_MAX_BYTES 1000

void ng_furniture_classify(const char *text, const ng_span *lines, size_t n,
                           ng_line_kind *kinds, uint64_t *keys,
                           ng_line_shape *shapes, int allow_title) {
  char key[256];
  /* Pass 1: lexicon, symbols, shapes, keys for repetition. */
  for (size_t i = 0; i < n; i++) {
    const char *s = text + lines[i].off;
    size_t len = lines[i].len;
    keys[i] = 0;
    memset(&shapes[i], 0, sizeof shapes[i]);
    if (ng_furniture_is_symbols(s, len)) {
      /* Empty or only white space is blank; other symbol lines are
       * furniture (bullets, separators). */
      bool blank = true;
      for (size_t k = 0; k < len; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r') blank = false;
      kinds[i] = blank ? NG_LINE_BLANK : NG_LINE_FURNITURE;
      continue;
    }
    ng_line_shape_of(&shapes[i], s, len);
    shapes[i].cue = len <= CUE_MAX_BYTES && ng_furniture_has_cue(s, len);
    /* One key serves the phrase lookup (ng_furniture_is_phrase) and the
     * repetition test; a line with too many words for either needs none. */
    bool phrase_ok = len <= 200 && !over_phrase_words(s, len);
    size_t k = len <= 200 && (phrase_ok || shapes[i].words <= 12)
                   ? ng_furniture_key(key, sizeof key, s, len)
                   : 0;
    kinds[i] = k && phrase_ok && ng_lex_has(NG_LEX_furniture, key, k)
                   ? NG_LINE_FURNITURE
                   : NG_LINE_BODY;
    if (k && shapes[i].words <= 12) keys[i] = hash64(key, k);
  }
  /* Pass 2: short lines that repeat on the page ("No time to read?" above
   * and below the article). The window bounds the work on huge inputs. */
  for (size_t i = 0; i < n; i++) {
    if (!keys[i]) continue;
    for (size_t j = i + 1; j < n && j < i + 512; j++)
      if (keys[j] == keys[i]) kinds[i] = kinds[j] = NG_LINE_FURNITURE;
  }
  /* Find the body: first and last prose lines that are not furniture. A
   * consent notice can be prose: it does not start or end the body. */
  size_t first = n, last = n;
  for (size_t i = 0; i < n; i++) {
    if (kinds[i] != NG_LINE_BODY || !shapes[i].prose || shapes[i].cue) continue;
    if (first == n) first = i;
    last = i;
  }
  bool title_seen = !allow_title;
  for (size_t i = 0; i < n; i++) {
    if (kinds[i] != NG_LINE_BODY) continue;
    const ng_line_shape *sh = &shapes[i];
    if (first == n) {
      /* No prose at all: keep everything that is not a cue. */
      if (sh->cue) kinds[i] = NG_LINE_FURNITURE;
      continue;
    }
    if (i < first) {
      if (!title_seen && !sh->cue && sh->upper_start && sh->words >= 2 &&
          sh->words <= 30) {
        kinds[i] = NG_LINE_TITLE;
        title_seen = true;
      } else {
        kinds[i] = NG_LINE_FURNITURE;
      }
    } else if (i > last) {
      if (!sh->prose || sh->cue) kinds[i] = NG_LINE_FURNITURE;
    } else if (sh->cue && (sh->words < 12 || !sh->prose)) {
      kinds[i] = NG_LINE_FURNITURE;
    }
  }
}

void ng_furniture_mark_sentences(ng_doc *doc) {
  for (size_t i = 0; i < doc->nsent; i++) {
    ng_sent *s = &doc->sents[i];
    const char *t = doc->text + s->off;
    size_t words = s->tok_end - s->tok_begin;
    if ((s->len <= 200 && ng_furniture_is_phrase(t, s->len)) ||
        (words < 20 && s->len <= CUE_MAX_BYTES && ng_furniture_has_cue(t, s->len)))
      s->flags |= NG_SENT_FURNITURE;
  }
}

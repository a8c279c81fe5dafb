/* tokens.c - see tokens.h for the rules. */
#include "tokens.h"

#include "utf8.h"

#include <assert.h>

static bool is_apostrophe(int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static bool is_hyphen(int32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* ng_vec_push for a token: a struct copy where the generic push calls
 * memcpy for out->item bytes (1% of a stories stream). */
static inline int push_tok(ng_vec *out, const ng_tok *t) {
  if (out->len == out->cap && ng_vec_reserve(out, out->len + 1))
    return NG_ENOMEM;
  ((ng_tok *)out->ptr)[out->len++] = *t;
  return NG_OK;
}

static bool is_wordish(ng_cclass c) {
  return c == NG_CC_LETTER || c == NG_CC_DIGIT || c == NG_CC_MARK;
}

int ng_tokenize(ng_vec *out, const char *text, size_t off, size_t len) {
  assert(out->item == sizeof(ng_tok));
  const size_t end = off + len;
  size_t i = off;
  while (i < end) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(text + i, end - i, &cp);
    ng_cclass cc = ng_cp_class_fast(cp);
    if (cc == NG_CC_IDEO) {
      ng_tok t = {(uint32_t)i, (uint32_t)l, 0, NG_TOK_IDEO | NG_TOK_ALPHA};
      if (push_tok(out, &t)) return NG_ENOMEM;
      i += l;
      continue;
    }
    if (cc != NG_CC_LETTER && cc != NG_CC_DIGIT) {
      i += l;
      continue;
    }
    size_t start = i;
    uint32_t flags = 0;
    size_t letters = 0, uppers = 0;
    bool first_letter = true;
    size_t run_letters = 0; /* letters since the last dot, for U.S. */
    bool dotted = false;
    int32_t prev = 0;
    while (i < end) {
      unsigned char b = (unsigned char)text[i];
      if (ng_ascii_alpha(b)) {
        /* A run of ASCII letters: the letter case below for each, without
         * decoding, in a loop that only counts capitals. */
        if (first_letter && b < 'a') flags |= NG_TOK_UPPER1;
        first_letter = false;
        flags |= NG_TOK_ALPHA;
        size_t j = i;
        do {
          uppers += (unsigned char)text[j] < 'a';
          j++;
        } while (j < end && ng_ascii_alpha((unsigned char)text[j]));
        letters += j - i;
        run_letters += j - i;
        prev = (unsigned char)text[j - 1];
        i = j;
        continue;
      }
      l = ng_utf8_decode_fast(text + i, end - i, &cp);
      cc = ng_cp_class_fast(cp);
      if (cc == NG_CC_LETTER || cc == NG_CC_MARK) {
        if (cc == NG_CC_LETTER) {
          flags |= NG_TOK_ALPHA;
          letters++;
          run_letters++;
          bool up = ng_cp_is_upper_fast(cp);
          if (up) uppers++;
          if (first_letter && up) flags |= NG_TOK_UPPER1;
          first_letter = false;
        }
        prev = cp;
        i += l;
        continue;
      }
      if (cc == NG_CC_DIGIT) {
        flags |= NG_TOK_DIGIT;
        prev = cp;
        run_letters = 0;
        i += l;
        continue;
      }
      /* A connector joins only if the next character continues the word. */
      if (i + l >= end) break;
      int32_t next;
      ng_utf8_decode_fast(text + i + l, end - i - l, &next);
      ng_cclass nc = ng_cp_class_fast(next);
      ng_cclass pc = ng_cp_class_fast(prev);
      bool join = false;
      if (is_apostrophe(cp)) join = pc == NG_CC_LETTER && nc == NG_CC_LETTER;
      else if (is_hyphen(cp)) join = is_wordish(pc) && is_wordish(nc);
      else if (cp == '.' || cp == ',' || cp == ':')
        join = pc == NG_CC_DIGIT && nc == NG_CC_DIGIT;
      if (!join && cp == '.' && pc == NG_CC_LETTER && run_letters == 1 &&
          nc == NG_CC_LETTER) {
        /* U.S, e.g: single letters between dots. Require the letter after
         * the dot to be followed by a dot as well, or a dot already seen. */
        size_t after = i + l;
        int32_t n2;
        size_t l2 = ng_utf8_decode_fast(text + after, end - after, &n2);
        if (dotted || (after + l2 < end && text[after + l2] == '.')) join = true;
        if (join) dotted = true;
      }
      if (!join) break;
      if (cp == '.') run_letters = 0;
      prev = cp;
      i += l;
    }
    /* Keep the final dot of a dotted abbreviation (U.S.). */
    if (dotted && i < end && text[i] == '.') i++;
    if (letters >= 2 && uppers == letters) flags |= NG_TOK_ALLCAPS;
    ng_tok t = {(uint32_t)start, (uint32_t)(i - start), 0, flags};
    if (push_tok(out, &t)) return NG_ENOMEM;
  }
  return NG_OK;
}

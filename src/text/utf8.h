/* utf8.h - UTF-8 validation, decoding and locale-independent character
 * classes. ASCII is classified from a table; everything else asks utf8proc
 * (Unicode general categories), so results never depend on the C locale. */
#ifndef NG_TEXT_UTF8_H
#define NG_TEXT_UTF8_H

#include "nutgraf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum ng_cclass {
  NG_CC_OTHER = 0, /* controls, unassigned */
  NG_CC_SPACE,     /* white space, including NBSP and line separators */
  NG_CC_LETTER,    /* alphabetic letters (L*) except ideographs */
  NG_CC_IDEO,      /* CJK ideographs, kana, hangul syllables: one token each */
  NG_CC_DIGIT,     /* decimal digits (Nd) and other numbers */
  NG_CC_MARK,      /* combining marks: part of the preceding letter */
  NG_CC_PUNCT,     /* punctuation (P*) */
  NG_CC_SYMBOL     /* symbols (S*) */
} ng_cclass;

/* Decodes the code point at s[0..n) of text already validated (invalid
 * bytes decode as U+FFFD, length 1). Returns the byte length (>= 1). */
size_t ng_utf8_decode(const char *s, size_t n, int32_t *cp);

/* Decodes the code point that ends just before s[end]; returns its start. */
size_t ng_utf8_prev(const char *s, size_t end);

/* Encodes cp into out (4 bytes room); returns the length. */
size_t ng_utf8_encode(int32_t cp, char *out);

ng_cclass ng_cp_class(int32_t cp);
bool ng_cp_is_upper(int32_t cp);
bool ng_cp_is_lower(int32_t cp);

/* The ASCII rows of ng_cp_class, for the inline fast paths below. */
extern const unsigned char ng_ascii_class[128];

/* ng_utf8_decode and ng_cp_class with ASCII answered inline: the
 * per-character loops over every article (language detection, line
 * shapes, furniture keys, sentence ends) mostly see ASCII, and the call
 * per character was a visible part of a stories stream. Same results as
 * the functions they wrap. */
static inline size_t ng_utf8_decode_fast(const char *s, size_t n, int32_t *cp) {
  if (n && (unsigned char)s[0] < 0x80) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  return ng_utf8_decode(s, n, cp);
}

static inline ng_cclass ng_cp_class_fast(int32_t cp) {
  if (cp >= 0 && cp < 128) return (ng_cclass)ng_ascii_class[cp];
  return ng_cp_class(cp);
}

static inline bool ng_ascii_alpha(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26;
}

static inline bool ng_ascii_alnum(unsigned char c) {
  return ng_ascii_alpha(c) || (unsigned char)(c - '0') < 10;
}

/* How many bytes from t[i] (at most 8, and not past end) are ASCII letters
 * or digits: the loops that only pass over the inside of words (sentence
 * ends, line shapes) skip a word's bytes in a step or two. Eight bytes are
 * tested at once where the machine is little-endian. */
static inline size_t ng_ascii_alnum_run8(const char *t, size_t i, size_t end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (end - i >= 8) {
    const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
    uint64_t w;
    memcpy(&w, t + i, 8);
    /* A byte's high bit says it is in range; bytes >= 0x80 are in no
     * range (the sums cannot carry into the next byte below 0x80). */
    uint64_t ascii = ~w & high;
    uint64_t x = (w & ~high) | ones * 0x20; /* lower case */
    uint64_t alpha = (x + ones * (0x80 - 'a')) & ~(x + ones * (0x80 - 'z' - 1));
    uint64_t y = w & ~high;
    uint64_t digit = (y + ones * (0x80 - '0')) & ~(y + ones * (0x80 - '9' - 1));
    uint64_t in = (alpha | digit) & ascii & high;
    uint64_t out = ~in & high; /* high bit of each byte that is not alnum */
    return out ? (size_t)__builtin_ctzll(out) / 8 : 8;
  }
#endif
  size_t k = 0;
  while (k < 8 && i + k < end && ng_ascii_alnum((unsigned char)t[i + k])) k++;
  return k;
}

static inline bool ng_cp_is_upper_fast(int32_t cp) {
  if (cp < 128) return cp >= 'A' && cp <= 'Z';
  return ng_cp_is_upper(cp);
}

static inline bool ng_cp_is_lower_fast(int32_t cp) {
  if (cp < 128) return cp >= 'a' && cp <= 'z';
  return ng_cp_is_lower(cp);
}

/* Case-folds and NFC-normalizes s[0..n) into dst (cap bytes, NUL added when
 * room). Returns the byte length of the full result; if it is >= cap the
 * output was truncated at a code point boundary. No allocation: tokens
 * longer than the internal limit are folded code point by code point. */
size_t ng_utf8_fold(char *dst, size_t cap, const char *s, size_t n);

/* Appends the NFC form of s[0..n) to out. Returns NG_OK, NG_EUTF8 or
 * NG_ENOMEM. */
int ng_utf8_nfc(ng_buf *out, const char *s, size_t n, ng_error *err);

#endif

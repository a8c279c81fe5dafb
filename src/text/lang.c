/* lang.c - language names and a function-word vote. */
#include "lang.h"

#include "lexicon.h"
#include "utf8.h"

#include <stdbool.h>
#include <string.h>

static const char *const codes[NG_LANG_COUNT] = {
    "und", "en", "ru", "de", "fr", "es", "it", "pt", "nl", "pl"};

const char *ng_lang_code(ng_lang lang) {
  if ((unsigned)lang >= NG_LANG_COUNT) return "und";
  return codes[lang];
}

ng_lang ng_lang_from_code(const char *code, size_t len) {
  if (!code || len < 2) return NG_LANG_UNKNOWN;
  char c[2] = {code[0], code[1]};
  for (int i = 0; i < 2; i++)
    if (c[i] >= 'A' && c[i] <= 'Z') c[i] = (char)(c[i] + 32);
  /* Accept "en", "en-US", "en_GB", ... */
  if (len > 2 && code[2] != '-' && code[2] != '_') return NG_LANG_UNKNOWN;
  for (int l = 1; l < NG_LANG_COUNT; l++)
    if (codes[l][0] == c[0] && codes[l][1] == c[1]) return (ng_lang)l;
  return NG_LANG_UNKNOWN;
}

ng_lang ng_lang_detect(const char *text, size_t len) {
  size_t hits[NG_LANG_COUNT] = {0};
  size_t words = 0;
  size_t i = 0;
  char fold[64];
  while (i < len && words < 400) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(text + i, len - i, &cp);
    ng_cclass cc = ng_cp_class_fast(cp);
    if (cc != NG_CC_LETTER) {
      i += l;
      continue;
    }
    size_t start = i;
    bool ascii = true;
    while (i < len) {
      unsigned char b = (unsigned char)text[i];
      if (ng_ascii_alpha(b)) {
        /* An ASCII letter: what the general case below does with it,
         * without decoding or a class lookup. */
        if (i - start < sizeof fold)
          fold[i - start] = (char)(b < 'a' ? b + 32 : b);
        i++;
        continue;
      }
      l = ng_utf8_decode_fast(text + i, len - i, &cp);
      cc = ng_cp_class_fast(cp);
      if (cc != NG_CC_LETTER && cc != NG_CC_MARK) break;
      /* An ASCII word is folded here, as it is read (what ng_utf8_fold
       * gives it: lower case); others go to ng_utf8_fold below. */
      if (cp >= 128) ascii = false;
      else if (i - start < sizeof fold)
        fold[i - start] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      i += l;
    }
    words++;
    size_t n = ascii ? i - start : ng_utf8_fold(fold, sizeof fold, text + start, i - start);
    if (n >= sizeof fold) continue;
    unsigned in = ng_lex_stop_langs(fold, n);
    if (!in) continue; /* most words */
    for (int lang = 1; lang < NG_LANG_COUNT; lang++)
      if (in & (1u << lang)) hits[lang]++;
  }
  int best = 0, second = 0;
  for (int lang = 1; lang < NG_LANG_COUNT; lang++) {
    if (hits[lang] > hits[best]) {
      second = best;
      best = lang;
    } else if (hits[lang] > hits[second] && lang != best) {
      second = lang;
    }
  }
  if (best == 0 || hits[best] < 3) {
    /* Very short texts: one or two function words are enough if no other
     * language sees any. */
    if (best != 0 && hits[best] >= 1 && hits[second] == 0 && words <= 12)
      return (ng_lang)best;
    return NG_LANG_UNKNOWN;
  }
  if (hits[best] * 4 < hits[second] * 5) return NG_LANG_UNKNOWN;
  return (ng_lang)best;
}

/* lexicon.c - lookups in the generated word lists. */
#include "lexicon.h"

#include <string.h>

#include "../data/lexicons.inc"

typedef struct lex_list {
  const char *const *words;
  size_t count;
} lex_list;

static const lex_list lists[NG_LEX_COUNT] = {
#define X(name) {lex_##name, sizeof(lex_##name) / sizeof(lex_##name[0])},
    NG_LEXICON_TABLE
#undef X
};

static int cmp_bytes(const char *a, size_t an, const char *b) {
  size_t bn = strlen(b);
  size_t n = an < bn ? an : bn;
  int c = memcmp(a, b, n);
  if (c) return c;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

bool ng_lex_has(ng_lex_id id, const char *s, size_t n) {
  if ((unsigned)id >= NG_LEX_COUNT) return false;
  const lex_list *l = &lists[id];
  size_t lo = 0, hi = l->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_bytes(s, n, l->words[mid]);
    if (c == 0) return true;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return false;
}

static bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

/* Every entry that is a prefix of a string sorts at or before it, and all
 * entries between that prefix and the string start with the prefix. So at
 * each word start, binary-search the suffix's position and walk back over
 * the entries sharing its first byte: O(words * log(entries)). */
bool ng_lex_contains(ng_lex_id id, const char *s, size_t n) {
  if ((unsigned)id >= NG_LEX_COUNT) return false;
  const lex_list *l = &lists[id];
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && is_word_byte((unsigned char)s[i - 1])) continue;
    if (!is_word_byte((unsigned char)s[i])) continue;
    size_t lo = 0, hi = l->count; /* first entry > suffix */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (cmp_bytes(s + i, n - i, l->words[mid]) >= 0) lo = mid + 1;
      else hi = mid;
    }
    while (lo > 0) {
      const char *w = l->words[--lo];
      if (w[0] != s[i]) break;
      size_t wn = strlen(w);
      if (wn <= n - i && memcmp(s + i, w, wn) == 0 &&
          (i + wn == n || !is_word_byte((unsigned char)s[i + wn])))
        return true;
    }
  }
  return false;
}

ng_lex_id ng_lex_stopwords(ng_lang lang) {
  switch (lang) {
  case NG_LANG_EN: return NG_LEX_stop_en;
  case NG_LANG_RU: return NG_LEX_stop_ru;
  case NG_LANG_DE: return NG_LEX_stop_de;
  case NG_LANG_FR: return NG_LEX_stop_fr;
  case NG_LANG_ES: return NG_LEX_stop_es;
  case NG_LANG_IT: return NG_LEX_stop_it;
  case NG_LANG_PT: return NG_LEX_stop_pt;
  case NG_LANG_NL: return NG_LEX_stop_nl;
  case NG_LANG_PL: return NG_LEX_stop_pl;
  default: return NG_LEX_COUNT;
  }
}

ng_lex_id ng_lex_abbreviations(ng_lang lang) {
  switch (lang) {
  case NG_LANG_EN: return NG_LEX_abbr_en;
  case NG_LANG_RU: return NG_LEX_abbr_ru;
  default: return NG_LEX_COUNT;
  }
}

/* lexicon.c - lookups in the generated word lists. */
#include "lexicon.h"

#include "hash.h"

#include <stdint.h>
#include <string.h>

typedef struct ng_lex_word {
  const char *s;
  size_t n;
} ng_lex_word;

#include "../data/lexicons.inc"

/* Bits in a list's first-word filter (FIRST_BITS in tools/gen-lexicons.c). */
#define NG_LEX_FIRST_BITS 1024u

typedef struct lex_list {
  const ng_lex_word *words; /* byte-sorted */
  size_t count;
  const uint16_t *slots; /* FNV-1a open addressing: entry index + 1, 0 empty */
  size_t mask;           /* slots - 1 */
  const uint64_t *first; /* FNV-1a of the entries' first words, a bit each */
  size_t max_words;      /* spaces + 1 in the longest entry */
} lex_list;

static const lex_list lists[NG_LEX_COUNT] = {
#define X(name, count)                                                   \
  {lex_##name, count, lex_##name##_slots,                                \
   sizeof(lex_##name##_slots) / sizeof(lex_##name##_slots[0]) - 1,       \
   lex_##name##_first, lex_##name##_max_words},
    NG_LEXICON_TABLE
#undef X
};

static int cmp_bytes(const char *a, size_t an, const ng_lex_word *b) {
  size_t n = an < b->n ? an : b->n;
  int c = memcmp(a, b->s, n);
  if (c) return c;
  return an < b->n ? -1 : an > b->n ? 1 : 0;
}

/* Stop-word tests run for every token in nine languages (language
 * detection) and furniture tests for every line: a hash probe, not a
 * binary search, is what keeps them off the profile. */
static bool probe(const lex_list *l, uint32_t hash, const char *s, size_t n) {
  for (size_t h = hash & l->mask; l->slots[h]; h = (h + 1) & l->mask) {
    const ng_lex_word *w = &l->words[l->slots[h] - 1];
    if (w->n == n && ng_key_eq(w->s, s, n)) return true;
  }
  return false;
}

bool ng_lex_has(ng_lex_id id, const char *s, size_t n) {
  if ((unsigned)id >= NG_LEX_COUNT) return false;
  return probe(&lists[id], ng_fnv32(s, n), s, n);
}

_Static_assert(NG_LEX_COUNT <= 64, "lex_all_lists has a bit per list");

/* lex_all holds every distinct entry once with the lists that have it
 * (bit i: the i-th list, which is NG_LEX id i, as both follow the order
 * the generator was given the lists in). */
static uint64_t lists_of(uint32_t hash, const char *s, size_t n) {
  const size_t mask = sizeof lex_all_slots / sizeof lex_all_slots[0] - 1;
  for (size_t h = hash & mask; lex_all_slots[h]; h = (h + 1) & mask) {
    const ng_lex_word *w = &lex_all[lex_all_slots[h] - 1];
    if (w->n == n && ng_key_eq(w->s, s, n))
      return lex_all_lists[lex_all_slots[h] - 1];
  }
  return 0;
}

uint64_t ng_lex_lists(const char *s, size_t n) { return lists_of(ng_fnv32(s, n), s, n); }

unsigned ng_lex_stop_langs(const char *s, size_t n) {
  /* Most words are in no stop-word list: the filter (bits 20-31 of the
   * same hash, written by gen-lexicons) says so without a probe. */
  uint32_t hash = ng_fnv32(s, n), b = (hash >> 20) & 4095u;
  if (!((lex_stop_filter[b / 64] >> (b % 64)) & 1u)) return 0;
  uint64_t in = lists_of(hash, s, n);
  unsigned m = 0;
  if (!in) return 0;
  for (int lang = 1; lang < NG_LANG_COUNT; lang++) {
    ng_lex_id id = ng_lex_stopwords((ng_lang)lang);
    if (id < NG_LEX_COUNT && ((in >> id) & 1u)) m |= 1u << lang;
  }
  return m;
}

static inline bool is_word_byte(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10 || c >= 0x80;
}

/* Every entry that is a prefix of a string sorts at or before it, and all
 * entries between that prefix and the string start with the prefix. So at
 * each word start, binary-search the suffix's position and walk back over
 * the entries sharing its first byte: O(words * log(entries)).
 *
 * An entry that matches at a word start begins with that whole word (the
 * entry either ends there, before a boundary of s, or goes on with a
 * non-word byte that s has too), so words that no entry begins with, by
 * the list's first-word filter, are passed over without a search: most
 * words of a paragraph, which is what the consent-cue test of every line
 * and sentence scans. */
bool ng_lex_contains(ng_lex_id id, const char *s, size_t n) {
  if ((unsigned)id >= NG_LEX_COUNT) return false;
  const lex_list *l = &lists[id];
  size_t i = 0;
  while (i < n) {
    /* From word start to word start, hashing each word as it is read. */
    while (i < n && !is_word_byte((unsigned char)s[i])) i++;
    if (i == n) break;
    size_t j = i;
    uint32_t fh = 2166136261u; /* ng_fnv32 of s[i, j) */
    while (j < n && is_word_byte((unsigned char)s[j])) {
      fh ^= (unsigned char)s[j++];
      fh *= 16777619u;
    }
    uint32_t h = fh & (NG_LEX_FIRST_BITS - 1);
    size_t at = i;
    i = j;
    if (!((l->first[h / 64] >> (h % 64)) & 1u)) continue;
    size_t lo = 0, hi = l->count; /* first entry > suffix */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (cmp_bytes(s + at, n - at, &l->words[mid]) >= 0) lo = mid + 1;
      else hi = mid;
    }
    while (lo > 0) {
      const ng_lex_word *e = &l->words[--lo];
      const char *w = e->s;
      if (w[0] != s[at]) break;
      size_t wn = e->n;
      if (wn <= n - at && memcmp(s + at, w, wn) == 0 &&
          (at + wn == n || !is_word_byte((unsigned char)s[at + wn])))
        return true;
    }
  }
  return false;
}

uint64_t ng_lex_may_start(uint64_t which, const char *s, size_t n) {
  size_t j = 0;
  while (j < n && is_word_byte((unsigned char)s[j])) j++;
  if (j == 0) return 0;
  uint32_t h = ng_fnv32(s, j) & (NG_LEX_FIRST_BITS - 1);
  uint64_t out = 0;
  for (uint64_t m = which; m; m &= m - 1) {
    unsigned id = (unsigned)__builtin_ctzll(m);
    if (id < NG_LEX_COUNT && ((lists[id].first[h / 64] >> (h % 64)) & 1u))
      out |= UINT64_C(1) << id;
  }
  return out;
}

size_t ng_lex_max_words(ng_lex_id id) {
  return (unsigned)id < NG_LEX_COUNT ? lists[id].max_words : 0;
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

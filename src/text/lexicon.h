/* lexicon.h - read-only word lists generated into src/data/lexicons.inc
 * (stop words, abbreviations, furniture phrases) by tools/gen-lexicons.
 * Exact lookups probe a static hash table; the word-boundary scan binary-
 * searches the byte-sorted entries. No allocation, no global state. */
#ifndef NG_TEXT_LEXICON_H
#define NG_TEXT_LEXICON_H

#include "nutgraf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum ng_lex_id {
#define X(name, count) NG_LEX_##name,
#include "../data/lexicon_ids.inc"
  NG_LEXICON_TABLE
#undef X
  NG_LEX_COUNT
} ng_lex_id;

/* True if s[0..n) is in the list (exact, byte-wise; callers fold first). */
bool ng_lex_has(ng_lex_id id, const char *s, size_t n);

/* True if any entry of the list occurs in s[0..n) as a substring starting
 * and ending at word boundaries: a binary search per word start. */
bool ng_lex_contains(ng_lex_id id, const char *s, size_t n);

/* Of the lists in `which` (bits 1 << ng_lex_id), the ones where some
 * entry may start with the first word of s[0..n) (its leading run of
 * letters, digits and non-ASCII bytes, as ng_lex_contains reads words). A
 * filter (one hash and a bit per list): a list left out has no such entry,
 * one kept may have none. It passes over most lines before their openings
 * are looked up. */
uint64_t ng_lex_may_start(uint64_t which, const char *s, size_t n);

/* The lists that hold s[0..n) (exact, byte-wise), as bits 1 << ng_lex_id:
 * what ng_lex_has gives for each list, in one probe of a table over all
 * lists. */
uint64_t ng_lex_lists(const char *s, size_t n);

/* The languages whose stop-word list holds s[0..n) (exact, folded), as
 * bits 1u << lang: what ng_lex_has on each list gives, in one probe. */
unsigned ng_lex_stop_langs(const char *s, size_t n);

/* The most words (spaces + 1) in an entry of the list: a string with more
 * single-space-separated words is in no entry. */
size_t ng_lex_max_words(ng_lex_id id);

/* The stop-word list of a language, or NG_LEX_COUNT if it has none. */
ng_lex_id ng_lex_stopwords(ng_lang lang);

/* The abbreviation list of a language, or NG_LEX_COUNT. */
ng_lex_id ng_lex_abbreviations(ng_lang lang);

#endif

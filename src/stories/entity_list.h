/* entity_list.h - what the passes of entity extraction share (internal).
 *
 * entities.c finds names and their keys, then calls the other passes over
 * the same document: roles.c (role nouns tied to a person: "the Belarusian
 * president"), dates.c (dates and their ISO 8601 keys) and keyphrases.c.
 * Each adds to one elist. */
#ifndef NG_STORIES_ENTITY_LIST_H
#define NG_STORIES_ENTITY_LIST_H

#include "stories.h"

#include "../text/lexicon.h"
#include "../text/utf8.h"

#include <string.h>

/* A name mention found in the text (entities.c). */
typedef struct mention {
  uint32_t off, len;   /* the name's span */
  uint32_t last_off, last_len;
  uint32_t ntok;
  ng_entity_kind kind;
  bool titled;
  bool opens; /* its first word opens the sentence (or is in the title) */
  uint32_t sid; /* a person's surname: its id among the full names' ones */
  uint32_t role_off, role_len; /* two or more title words before the name
                                  ("Belarusian President"), or 0, 0 */
  uint32_t last_tok, range_end; /* its last token; the end of its sentence's
                                   tokens (or the title's) */
  char key[96];
} mention;

typedef struct mlist {
  mention *v;
  size_t n, cap;
  const ng_allocator *alc;
} mlist;

/* The entities found so far, by kind and key. */
typedef struct elist {
  ng_entity *v;
  size_t n, cap;
  ng_arena *arena;
  const ng_allocator *alc;
  uint32_t *ntoks; /* tokens in each entity's display name */
  ng_strmap keys;  /* kind letter + key -> entity index */
} elist;

/* Adds an entity (or a mention to an existing one with the same kind and
 * key, or the same `merge` string when one is given: unresolved dates all
 * have the key "" but are not one date). `name` is the display candidate;
 * a mention with more tokens than the current name replaces it. */
int ng_elist_add(elist *l, ng_entity_kind kind, const char *key, const char *merge,
                 const char *name, size_t name_len, uint32_t ntok, ng_span first,
                 double score);

/* Month 1-12 / weekday 0-6 (Monday 0) of a folded word, or 0 / -1
 * (dates.c). */
int ng_month_of(const char *f, size_t n);
int ng_wday_of(const char *f, size_t n);

/* The passes: each adds its entities of doc to el. */
int ng_ent_add_roles(elist *el, const ng_doc *doc, const mlist *ml, const ng_allocator *alc);
int ng_ent_add_dates(elist *el, const ng_doc *doc, const char *date, size_t date_len,
                     unsigned flags);
int ng_ent_add_keyphrases(elist *el, const ng_doc *doc, bool en, const ng_allocator *alc,
                          ng_error *err);

/* Folds a token into buf (lower case); returns the length (0 if too long). */
static inline size_t fold(char *buf, size_t cap, const char *s, size_t n) {
  size_t r = ng_utf8_fold(buf, cap, s, n);
  return r < cap ? r : 0;
}

static inline bool has(ng_lex_id id, const char *s, size_t n) {
  return n && ng_lex_has(id, s, n);
}

/* has() over a word's ng_lex_lists (0 for an empty word). */
static inline bool in_list(uint64_t lists, ng_lex_id id) {
  return (lists >> id) & 1u;
}

/* Bytes of the space at s[i] (of s[0..n)): 1 for ' ', 2 for a no-break
 * space (U+00A0, common between a title or given name and a surname in
 * scraped text), else 0. */
static inline size_t space_len(const char *s, size_t i, size_t n) {
  if (s[i] == ' ') return 1;
  return i + 1 < n && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0 ? 2 : 0;
}

/* Is text[from, to) one or two spaces, or one no-break space? */
static inline bool gap_is_space(const char *text, uint32_t from, uint32_t to) {
  if (to < from || to - from > 2 || to == from) return false;
  for (uint32_t i = from; i < to;) {
    size_t l = space_len(text, i, to);
    if (!l) return false;
    i += (uint32_t)l;
  }
  return true;
}

static inline bool tok_cap(const ng_tok *t) {
  return (t->flags & NG_TOK_ALPHA) && (t->flags & NG_TOK_UPPER1);
}

/* Nationality words in the titles list ("american", "russian"): they
 * open a title ("Russian President") but also names ("American Pie"). */
static inline bool is_demonym(const char *f, size_t n) {
  /* "-an" covers "-ian" and "-can". */
  return n > 3 && (memcmp(f + n - 3, "ish", 3) == 0 || memcmp(f + n - 3, "ese", 3) == 0 ||
                   memcmp(f + n - 2, "ch", 2) == 0 || memcmp(f + n - 2, "an", 2) == 0 ||
                   memcmp(f + n - 2, "li", 2) == 0 || memcmp(f + n - 2, "kh", 2) == 0);
}

/* Length of a token without a trailing possessive 's / ’s. */
static inline uint32_t strip_possessive(const char *s, uint32_t len, bool *had) {
  *had = false;
  if (len > 2 && s[len - 1] == 's' && s[len - 2] == '\'') {
    *had = true;
    return len - 2;
  }
  if (len > 4 && s[len - 1] == 's' && memcmp(s + len - 4, "\xe2\x80\x99", 3) == 0) {
    *had = true;
    return len - 4;
  }
  return len;
}

#endif

/* entities.c - people, places, organizations, dates and keyphrases.
 *
 * Names are runs of capitalized tokens separated by single spaces (with
 * "of", "de", ... inside when a capitalized token follows), cut after a
 * possessive. Leading titles ("Foreign Minister") are dropped but mark a
 * person. A run that only opens a sentence counts when the same word is
 * also capitalized mid-sentence or is in a word list. Kinds come from word
 * lists (src/data/lex/ent_*.txt), then from shape.
 *
 * Keys fold spelling: a person is the skeleton of the surname ("p:lkshnk"
 * for Lukashenko, Lukashenka, Alexander Lukashenko), a place or
 * organization the skeletons of its words ("l:kv" for Kyiv and Kiev). */
#include "stories.h"

#include "../summarize/idf.h"
#include "../text/ctx.h"
#include "../text/errors.h"
#include "../text/hash.h"
#include "../text/lexicon.h"
#include "../text/mem.h"
#include "../text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAME_TOKS 6
#define TWO_PEOPLE 0x80000000u

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
  char key[96];
} mention;

typedef struct mlist {
  mention *v;
  size_t n, cap;
  const ng_allocator *alc;
} mlist;

static int mlist_push(mlist *l, const mention *m) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    mention *v = ng_mem_realloc(l->alc, l->v, l->cap * sizeof *v, cap * sizeof *v);
    if (!v) return NG_ENOMEM;
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = *m;
  return NG_OK;
}

/* Folds a token into buf (lower case); returns the length (0 if too long). */
static size_t fold(char *buf, size_t cap, const char *s, size_t n) {
  size_t r = ng_utf8_fold(buf, cap, s, n);
  return r < cap ? r : 0;
}

/* Length of a token without a trailing possessive 's / ’s. */
static uint32_t strip_possessive(const char *s, uint32_t len, bool *had) {
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

static bool has(ng_lex_id id, const char *s, size_t n) {
  return n && ng_lex_has(id, s, n);
}

/* has() over a word's ng_lex_lists (0 for an empty word). */
static bool in_list(uint64_t lists, ng_lex_id id) {
  return (lists >> id) & 1u;
}

static const char *const months[12] = {"january", "february", "march",
                                       "april", "may", "june", "july",
                                       "august", "september", "october",
                                       "november", "december"};
static const char *const wdays[7] = {"monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday",
                                     "sunday"};

static const unsigned char month_len[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
static const unsigned char wday_len[7] = {6, 7, 9, 8, 6, 8, 6};

/* 1..12 for a month name or abbreviation ("sept", "jan"), else 0. */
static int month_of(const char *f, size_t n) {
  if (n < 3 || n > 9) return 0;
  switch (f[0]) { /* the first letters of the twelve */
  case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
  default: return 0;
  }
  for (int m = 0; m < 12; m++) {
    size_t ml = month_len[m];
    if (n == ml && memcmp(f, months[m], n) == 0) return m + 1;
    if (m != 4 && (n == 3 || (n == 4 && m == 8)) && memcmp(f, months[m], n) == 0)
      return m + 1;
  }
  return 0;
}

/* False when a token's folded form is surely no month or weekday name
 * (month_of, wday_of): it opens with two ASCII bytes (so its first
 * letter folds to its ASCII lower case, with no mark to compose with)
 * and that letter opens none of the names. Most capitalized tokens are
 * passed over so, unfolded. */
static bool may_be_month_or_day(const char *s, size_t n) {
  if (n < 2 || (unsigned char)s[0] >= 0x80 || (unsigned char)s[1] >= 0x80)
    return true;
  /* The first letters of "january".."december", "monday".."sunday". */
  return memchr("adfjmnostw", s[0] | 0x20, 10) != NULL;
}

static int wday_of(const char *f, size_t n) {
  if (n < 6 || n > 9) return -1;
  switch (f[0]) {
  case 'm': case 't': case 'w': case 'f': case 's': break;
  default: return -1;
  }
  for (int d = 0; d < 7; d++)
    if (n == wday_len[d] && memcmp(f, wdays[d], n) == 0) return d;
  return -1;
}

static int small_number(const char *s, size_t n, int max) {
  if (n == 0 || n > 4) return -1;
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      /* 25th, 1st */
      if (i > 0 && n - i == 2) break;
      return -1;
    }
    v = v * 10 + (s[i] - '0');
  }
  return v >= 1 && v <= max ? v : -1;
}

/* Days from civil date (proleptic Gregorian), after H. Hinnant's
 * well-known formula. */
static int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int yy = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yy + (*m <= 2);
}

int32_t ng_date_days(const char *s, size_t n) {
  if (!s || n < 10) return INT32_MIN;
  for (size_t i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
      return INT32_MIN;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31) return INT32_MIN;
  return days_from_civil(y, m, d);
}

static bool gap_is_space(const char *text, uint32_t from, uint32_t to) {
  if (to < from || to - from > 2 || to == from) return false;
  for (uint32_t i = from; i < to; i++)
    if (text[i] != ' ') return false;
  return true;
}

/* "St. Petersburg", "Mt. Everest", "Ft. Worth": the abbreviation's period
 * does not end the name (else "St" and "Petersburg" are two names). */
static bool abbrev_gap(const char *text, const ng_tok *p, uint32_t to) {
  uint32_t from = p->off + p->len;
  if (p->len != 2 || to != from + 2 || text[from] != '.' || text[from + 1] != ' ') return false;
  const char *w = text + p->off;
  return (w[0] == 'S' && w[1] == 't') || (w[0] == 'M' && w[1] == 't') || (w[0] == 'F' && w[1] == 't');
}

/* "of", "de", "del", "da", "von", "van", "al", "bin", "la", "le", "du",
 * "der": by length, byte by byte (it is asked of most tokens of every
 * capitalized run, and a strlen and memcmp per word were 1.5% of a stories
 * stream). */
static bool is_connector(const char *f, size_t n) {
  static const char two[][3] = {"of", "de", "da", "al", "la", "le", "du"};
  static const char three[][4] = {"del", "von", "van", "bin", "der"};
  if (n == 2) {
    for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
      if (f[0] == two[i][0] && f[1] == two[i][1]) return true;
  } else if (n == 3) {
    for (size_t i = 0; i < sizeof three / sizeof three[0]; i++)
      if (f[0] == three[i][0] && f[1] == three[i][1] && f[2] == three[i][2])
        return true;
  }
  return false;
}

static bool tok_cap(const ng_tok *t) {
  return (t->flags & NG_TOK_ALPHA) && (t->flags & NG_TOK_UPPER1);
}

/* Skeleton key of words text[off..off+len) joined by '_'. */
static void words_key(char *key, size_t cap, char prefix, const char *s,
                      size_t n) {
  size_t o = 0;
  key[o++] = prefix;
  key[o++] = ':';
  size_t i = 0;
  while (i < n && o + 2 < cap) {
    while (i < n && (s[i] == ' ' || s[i] == '.')) i++;
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    if (j > i) {
      char f[64];
      size_t fl = fold(f, sizeof f, s + i, j - i);
      if (o > 2) key[o++] = '_';
      o += ng_name_skeleton(key + o, cap - o, f, fl);
    }
    i = j;
  }
  key[o] = '\0';
}

/* Bytes of the first word of s[0..n). */
static size_t first_word_len(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] != ' ') i++;
  return i;
}

/* The folded first word of mention m (its given name, if it has one);
 * returns its length (0 if it does not fit). */
static size_t fold_given(char *g, size_t cap, const char *text, const mention *m) {
  return fold(g, cap, text + m->off, first_word_len(text + m->off, m->len));
}

/* A person's key: the surname's skeleton, then '.' and the given name's
 * when the full name opens with a known given name ("p:abm.brk" for
 * Barack Obama, "p:abm.mkl" for Michelle Obama; "p:lksnk" for a
 * Lukashenko named by surname only), or when the document names two
 * people with that surname (`two`: Wladimir and Vitali Klitschko). Two
 * people of one family stay apart; the story set matches a bare surname
 * to either (set.c). Otherwise only given names from the word list count:
 * the first word of a run taken for a name is not always one ("Actress
 * Tara Reid", "Gulf of Aden"). */
static void person_key(char *key, size_t cap, const char *text,
                       const mention *full, bool en, bool two) {
  words_key(key, cap, 'p', text + full->last_off, full->last_len);
  if (full->ntok < 2) return;
  char g[64];
  size_t gl = fold_given(g, sizeof g, text, full);
  size_t kl = strlen(key);
  if (!gl || !(two || (en && has(NG_LEX_ent_first_names, g, gl))) || kl + 3 > cap)
    return;
  key[kl++] = '.';
  ng_name_skeleton(key + kl, cap - kl, g, gl);
}

/* Is the first word of full name m (folded: f, n) surely its given name?
 * Not an initial ("V. Putin"), and not a word that opens the sentence
 * unless it is a known given name ("Addressing Lukashenko directly, ..."). */
static bool given_word(const mention *m, const char *f, size_t n, bool en) {
  if (n < 3 || f[n - 1] == '.') return false;
  return !m->opens || (en && has(NG_LEX_ent_first_names, f, n));
}

typedef struct dstate {
  int32_t base; /* article date in days, or INT32_MIN */
  int base_y, base_m;
} dstate;

/* Resolves a month/day (and optional year) against the article date. */
static void date_key(char *key, size_t cap, const dstate *ds, int y, int m,
                     int d) {
  if (y <= 0 && ds->base != INT32_MIN) {
    y = ds->base_y;
    /* "December 30" in a January article is last year. */
    if (m > ds->base_m + 1) y--;
  }
  if (d <= 0) {
    if (y > 0) snprintf(key, cap, "%04d-%02d", y, m);
    else snprintf(key, cap, "--%02d", m);
  } else if (y > 0) {
    snprintf(key, cap, "%04d-%02d-%02d", y, m, d);
  } else {
    snprintf(key, cap, "--%02d-%02d", m, d);
  }
}

typedef struct phrase {
  uint32_t off, len; /* first surface */
  uint32_t count, ntok;
  uint32_t id;  /* in the local map */
  double idf;   /* 1 + the mean background IDF of its words */
  bool adverb;  /* one word ending in -ly ("directly") */
  bool nounish; /* seen after a determiner or preposition */
  bool head;    /* seen at the end of a run (where a noun phrase ends) */
} phrase;

/* Words after which a run of content words starts a noun phrase ("the
 * sanctions", "his intention", "for regional stability"): a keyphrase
 * must follow one at least once, which keeps out verbs ("Putin spoke",
 * "he reiterated") without a part-of-speech tagger. */
static bool noun_opener(const char *text, const ng_tok *t) {
  /* Not "this" or "that": "This underscores", "that marks". */
  static const char *const w[] = {"a",     "about",   "against", "all",  "among",   "an",
                                  "any",   "between", "both",    "by",   "during",  "each",
                                  "every", "for",     "from",    "her",  "his",     "in",
                                  "into",  "its",     "many",    "more", "most",    "my",
                                  "new",   "of",      "on",      "our",  "over",    "several",
                                  "some",  "such",    "the",     "their", "through", "under",
                                  "with",  "your"};
  char f[16];
  size_t fl = t->len < sizeof f ? fold(f, sizeof f, text + t->off, t->len) : 0;
  for (size_t i = 0; fl && i < sizeof w / sizeof *w; i++)
    if (strlen(w[i]) == fl && memcmp(w[i], f, fl) == 0) return true;
  return false;
}

static int cmp_entity(const void *pa, const void *pb) {
  const ng_entity *a = pa, *b = pb;
  if (a->kind != b->kind) return (int)a->kind - (int)b->kind;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  return a->first.off < b->first.off ? -1 : a->first.off > b->first.off;
}

/* Adds an entity (or a mention to an existing one with the same kind and
 * key, or the same `merge` string when one is given: unresolved dates all
 * have the key "" but are not one date). `name` is the display candidate. */
typedef struct elist {
  ng_entity *v;
  size_t n, cap;
  ng_arena *arena;
  const ng_allocator *alc;
  uint32_t *ntoks; /* tokens in each entity's display name */
  ng_strmap keys;  /* kind letter + key -> entity index */
} elist;

static int elist_add(elist *l, ng_entity_kind kind, const char *key,
                     const char *merge, const char *name, size_t name_len,
                     uint32_t ntok, ng_span first, double score) {
  char kk[320]; /* kind letter + key, cut as snprintf would cut it */
  const char *mk = merge ? merge : key;
  size_t kl = strlen(mk);
  if (kl > sizeof kk - 2) kl = sizeof kk - 2;
  kk[0] = (char)('a' + (int)kind);
  memcpy(kk + 1, mk, kl);
  size_t kn = kl + 1;
  uint32_t idx;
  int rc = ng_strmap_intern(&l->keys, kk, kn, &idx);
  if (rc) return rc;
  if (idx < l->n) {
    size_t i = idx;
    ng_entity *e = &l->v[i];
    {
      e->mentions++;
      e->score += score;
      if (ntok > l->ntoks[i]) {
        char *nm = ng_arena_strndup(l->arena, name, name_len);
        if (!nm) return NG_ENOMEM;
        e->name = nm;
        l->ntoks[i] = ntok;
      }
      return NG_OK;
    }
  }
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 32;
    ng_entity *v = ng_mem_realloc(l->alc, l->v, l->cap * sizeof *v, cap * sizeof *v);
    if (!v) return NG_ENOMEM;
    l->v = v;
    uint32_t *nt = ng_mem_realloc(l->alc, l->ntoks, l->cap * sizeof *nt, cap * sizeof *nt);
    if (!nt) return NG_ENOMEM;
    l->ntoks = nt;
    l->cap = cap;
  }
  ng_entity *e = &l->v[l->n];
  char *nm = ng_arena_strndup(l->arena, name, name_len);
  char *k = ng_arena_strndup(l->arena, key, strlen(key));
  if (!nm || !k) return NG_ENOMEM;
  e->kind = kind;
  e->name = nm;
  e->key = k;
  e->mentions = 1;
  e->first = first;
  e->score = score;
  l->ntoks[l->n] = ntok;
  l->n++;
  return NG_OK;
}

/* Nationality words in the titles list ("american", "russian"): they
 * open a title ("Russian President") but also names ("American Pie"). */
static bool is_demonym(const char *f, size_t n) {
  return n > 3 && (memcmp(f + n - 3, "ian", 3) == 0 || memcmp(f + n - 3, "can", 3) == 0 ||
                   memcmp(f + n - 3, "ish", 3) == 0 || memcmp(f + n - 3, "ese", 3) == 0 ||
                   memcmp(f + n - 2, "ch", 2) == 0 || memcmp(f + n - 2, "an", 2) == 0 ||
                   memcmp(f + n - 2, "li", 2) == 0 || memcmp(f + n - 2, "kh", 2) == 0);
}

/* Was the folded word seen in lower case in the document? */
static bool seen_lower(const ng_strmap *m, const char *f, size_t n) {
  uint32_t id = n ? ng_strmap_find(m, f, n) : UINT32_MAX;
  return id != UINT32_MAX && (m->count[id] & 2u);
}

/* "Jr", "Sr.", "III": after a name, not part of its surname. */
static bool name_suffix(const char *f, size_t n) {
  static const char *const w[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (n == strlen(w[i]) && memcmp(f, w[i], n) == 0) return true;
  return false;
}

/* Is a folded token (rf, its lists rl) a title word ("Gov." too)? */
static bool title_tok(const char *f, size_t fl, uint64_t lists) {
  if (fl && f[fl - 1] == '.') {
    fl--;
    lists = fl ? ng_lex_lists(f, fl) : 0;
  }
  return in_list(lists, NG_LEX_ent_titles);
}

/* A title inside a run of capitalized words ends what comes before it:
 * "Commerce Secretary Gary Locke", "Malaysian Prime Minister Najib Razak"
 * (a nationality the list lacks), "Troy Police Chief Charles Craft",
 * "Government of Prime Minister Costas Karamanlis". Returns where the name
 * after the last title starts, or s0 when there is none: the name must be
 * one to three capitalized words, none a title, an organization word or a
 * stop word ("Minister of Communications" is no name); a title right after
 * a given name is a surname ("Larry King Live", "Martin Luther King Jr");
 * after a nationality ("British Petroleum") or before a lone place
 * ("Air Chief Marshal Houston") one word is not enough. */
static size_t inner_title(const ng_doc *doc, const uint32_t *toks, char (*rf)[64],
                          const size_t *rfl, const uint64_t *rl, size_t s0, size_t nt) {
  for (size_t q = nt - 2; q > s0; q--) {
    if (!title_tok(rf[q], rfl[q], rl[q])) continue;
    size_t start = q + 1; /* "Secretary of Commerce Gary Locke" */
    if (start + 2 < nt && rfl[start] == 2 && memcmp(rf[start], "of", 2) == 0) start += 2;
    size_t rn = nt - start;
    if (rn > 3 || in_list(rl[q - 1], NG_LEX_ent_first_names)) return s0;
    for (size_t x = start; x < nt; x++) {
      const ng_tok *u = &doc->toks[toks[x]];
      if (!tok_cap(u) || (u->flags & NG_TOK_STOP) || in_list(rl[x], NG_LEX_ent_org_words) ||
          title_tok(rf[x], rfl[x], rl[x]))
        return s0;
      if (name_suffix(rf[x], rfl[x])) return s0;
    }
    if (rn == 1 && (is_demonym(rf[q], rfl[q]) || in_list(rl[nt - 1], NG_LEX_ent_places)))
      return s0;
    return start;
  }
  return s0;
}

/* Collects name mentions of the token range [b, e) (one sentence, or the
 * title when `title`: headlines capitalize common words). */
static int scan_names(mlist *out, const ng_doc *doc, uint32_t b, uint32_t e,
                      const ng_strmap *midcap, bool en, bool title) {
  const char *text = doc->text;
  uint32_t k = b;
  while (k < e) {
    const ng_tok *t = &doc->toks[k];
    if (!tok_cap(t) || (t->flags & NG_TOK_IDEO)) {
      k++;
      continue;
    }
    /* Extend the run. Each token of the run is folded and looked up in the
     * word lists once, here (rf, rfl, rl), for all the tests below. */
    uint32_t toks[MAX_NAME_TOKS * 2];
    char rf[MAX_NAME_TOKS * 2][64];
    size_t rfl[MAX_NAME_TOKS * 2];
    uint64_t rl[MAX_NAME_TOKS * 2]; /* ng_lex_lists of rf */
    size_t nt = 0;
    uint32_t j = k;
    bool poss = false;
    while (j < e && nt < MAX_NAME_TOKS * 2) {
      const ng_tok *u = &doc->toks[j];
      if (nt > 0) {
        const ng_tok *p = &doc->toks[toks[nt - 1]];
        if (!gap_is_space(text, p->off + p->len, u->off) && !abbrev_gap(text, p, u->off)) break;
      }
      char *f = rf[nt];
      size_t fl = fold(f, sizeof rf[nt], text + u->off, u->len);
      /* A title-case headline capitalizes every word: there only words
       * also capitalized in the body (or known names) count. */
      bool ok = tok_cap(u) && !(u->flags & NG_TOK_DIGIT);
      if (ok && title) {
        bool had0;
        uint32_t l0 = strip_possessive(text + u->off, u->len, &had0);
        char g[64];
        size_t gl = fold(g, sizeof g, text + u->off, l0);
        uint32_t id = gl ? ng_strmap_find(midcap, g, gl) : UINT32_MAX;
        ok = (id != UINT32_MAX && (midcap->count[id] & 1u)) ||
             (en && (has(NG_LEX_ent_places, g, gl) || has(NG_LEX_ent_first_names, g, gl)));
        if (!ok && nt == 0) break;
      }
      if (ok) {
        rfl[nt] = fl;
        rl[nt] = fl ? ng_lex_lists(f, fl) : 0;
        toks[nt++] = j;
        bool had;
        strip_possessive(text + u->off, u->len, &had);
        j++;
        if (had) {
          poss = true;
          break;
        }
        continue;
      }
      /* "Bank of England": a connector between capitalized tokens. */
      /* ... but "Vladimir Putin of Russia" is a person and a place, while
       * "Secretary of Commerce Gary Locke" is one name (titles only so
       * far). */
      size_t f0l = nt > 0 ? rfl[0] : 0;
      bool only_titles = true;
      for (size_t q = 0; q < nt && only_titles; q++) only_titles = title_tok(rf[q], rfl[q], rl[q]);
      bool personish = en && f0l && (in_list(rl[0], NG_LEX_ent_first_names) ||
                                     (in_list(rl[0], NG_LEX_ent_titles) && !only_titles));
      if (nt > 0 && fl && !personish && is_connector(f, fl) && j + 1 < e &&
          tok_cap(&doc->toks[j + 1]) &&
          gap_is_space(text, u->off + u->len, doc->toks[j + 1].off)) {
        rfl[nt] = fl;
        rl[nt] = ng_lex_lists(f, fl);
        toks[nt++] = j;
        j++;
        continue;
      }
      break;
    }
    (void)poss;
    uint32_t next = j > k ? j : k + 1;
    /* An organization keeps its titles ("Foreign Ministry"). */
    bool has_org = false;
    for (size_t q = 0; q < nt && en; q++)
      if (in_list(rl[q], NG_LEX_ent_org_words)) has_org = true;
    /* Trim leading titles, stop words, months, weekdays. */
    size_t s0 = 0, role_b = SIZE_MAX;
    bool titled = false;
    while (s0 < nt) {
      const ng_tok *u = &doc->toks[toks[s0]];
      const char *f = rf[s0];
      size_t fl = rfl[s0];
      uint64_t fls = rl[s0];
      if (fl && f[fl - 1] == '.') {
        fl--;
        fls = fl ? ng_lex_lists(f, fl) : 0;
      }
      /* A title opens a longer name ("Foreign Minister Sergei Lavrov",
       * "President Putin"), but "American Pie" is not Pie. */
      bool next_known = false;
      if (s0 + 1 < nt)
        next_known = en && (in_list(rl[s0 + 1], NG_LEX_ent_titles) ||
                            in_list(rl[s0 + 1], NG_LEX_ent_first_names));
      if (en && !has_org && in_list(fls, NG_LEX_ent_titles) && s0 + 1 < nt &&
          (!is_demonym(f, fl) || next_known || s0 + 2 < nt)) {
        titled = true;
        if (role_b == SIZE_MAX) role_b = s0;
        s0++;
        /* "Secretary of Commerce Gary Locke": the department is the
         * title's, when a name of one word or more follows it. */
        if (s0 + 3 <= nt && rfl[s0] == 2 && memcmp(rf[s0], "of", 2) == 0 &&
            tok_cap(&doc->toks[toks[s0 + 1]]))
          s0 += 2;
        continue;
      }
      /* A sentence's first word before a known given name is not part of
       * the name ("Later Boris Johnson"). */
      bool opener = (toks[s0] == b || title) && en && s0 + 1 < nt &&
                    in_list(rl[s0 + 1], NG_LEX_ent_first_names) &&
                    !in_list(fls, NG_LEX_ent_first_names);
      if ((u->flags & NG_TOK_STOP) || month_of(f, fl) || wday_of(f, fl) >= 0 ||
          is_connector(f, fl) || fl < 2 || opener ||
          ((toks[s0] == b || title) && seen_lower(midcap, f, fl))) {
        s0++;
        continue;
      }
      break;
    }
    while (nt > s0) { /* trailing connectors; title-case common words */
      const ng_tok *u = &doc->toks[toks[nt - 1]];
      if (tok_cap(u) && !(title && seen_lower(midcap, rf[nt - 1], rfl[nt - 1]))) break;
      nt--;
    }
    /* A generational suffix is no surname ("Martin Luther King Jr"). */
    if (nt >= s0 + 3 && name_suffix(rf[nt - 1], rfl[nt - 1])) nt--;
    if (en && nt >= s0 + 3) {
      size_t cut = inner_title(doc, toks, rf, rfl, rl, s0, nt);
      if (cut > s0) {
        if (role_b == SIZE_MAX) role_b = s0;
        s0 = cut;
        titled = true;
      }
    }
    if (s0 >= nt) {
      k = next;
      continue;
    }
    const ng_tok *first = &doc->toks[toks[s0]];
    const ng_tok *last = &doc->toks[toks[nt - 1]];
    bool had;
    uint32_t last_len = strip_possessive(text + last->off, last->len, &had);
    mention m;
    memset(&m, 0, sizeof m);
    m.off = first->off;
    m.len = last->off + last_len - first->off;
    m.last_off = last->off;
    m.last_len = last_len;
    m.ntok = (uint32_t)(nt - s0);
    m.titled = titled;
    m.opens = toks[s0] == b || title;
    if (titled && role_b != SIZE_MAX && s0 - role_b >= 2) {
      const ng_tok *r0 = &doc->toks[toks[role_b]], *r1 = &doc->toks[toks[s0 - 1]];
      m.role_off = r0->off;
      m.role_len = r1->off + r1->len - r0->off;
    }
    char ff[64], lf[64], whole[256];
    size_t ffl = fold(ff, sizeof ff, text + first->off,
                      first == last ? last_len : first->len);
    size_t lfl = fold(lf, sizeof lf, text + last->off, last_len);
    size_t wl = fold(whole, sizeof whole, text + m.off, m.len);
    bool sentence_start = toks[s0] == b;
    bool all_caps_sentence = (first->flags & NG_TOK_ALLCAPS) && m.ntok > 3;
    /* In upper-case text every word is capitalized, so titles and stop
     * words trimmed off the front can leave a short run that is no name
     * ("THE PRESIDENT SAID PEACE WAS POSSIBLE" -> "PEACE WAS POSSIBLE"); a
     * stop word inside the run gives it away (a connector does not: "BANK
     * OF ENGLAND"). */
    for (size_t q = s0 + 1; q + 1 < nt && !all_caps_sentence; q++)
      all_caps_sentence = (first->flags & NG_TOK_ALLCAPS) &&
                          (doc->toks[toks[q]].flags & NG_TOK_STOP) && !is_connector(rf[q], rfl[q]);
    if (all_caps_sentence || !ffl || !lfl) {
      k = next;
      continue;
    }
    /* A lone capitalized word opening a sentence is only a name when it is
     * known or also capitalized elsewhere. */
    if (sentence_start && m.ntok == 1 && !titled) {
      bool known = en && (has(NG_LEX_ent_places, lfl ? lf : ff, lfl) ||
                          has(NG_LEX_ent_first_names, ff, ffl));
      uint32_t id = ng_strmap_find(midcap, lf, lfl);
      if (!known && (id == UINT32_MAX || !(midcap->count[id] & 1u))) {
        k = next;
        continue;
      }
    }
    /* A stop word, or a courtesy title with no name after it ("Mr
     * said"; a lone "President" stays: it names the one the story is
     * about, and grouping uses it). */
    if (m.ntok == 1 && ((last->flags & NG_TOK_STOP) ||
                        (en && lfl <= 4 && has(NG_LEX_ent_titles, lf, lfl)))) {
      k = next;
      continue;
    }
    /* Kind. */
    bool org = false;
    for (size_t q = s0; q < nt && en; q++)
      if (in_list(rl[q], NG_LEX_ent_org_words)) org = true;
    char prev[64];
    size_t pl = toks[s0] > b ? fold(prev, sizeof prev,
                                    text + doc->toks[toks[s0] - 1].off,
                                    doc->toks[toks[s0] - 1].len)
                             : 0;
    /* A lone unknown name after "in" or "near" is a place; not after "at"
     * or "from", which come before companies as often ("at Microsoft"). */
    bool after_prep = pl && ((pl == 2 && memcmp(prev, "in", 2) == 0) ||
                             (pl == 4 && memcmp(prev, "near", 4) == 0));
    if (en && wl && has(NG_LEX_ent_places, whole, wl)) m.kind = NG_ENTITY_PLACE;
    else if (en && m.ntok > 1 && has(NG_LEX_ent_place_words, lf, lfl))
      m.kind = NG_ENTITY_PLACE;
    else if (m.ntok > 1 && abbrev_gap(text, &doc->toks[toks[s0]], doc->toks[toks[s0] + 1].off))
      m.kind = NG_ENTITY_PLACE; /* "St. Petersburg", "Mt. Everest" */
    else if (en && m.ntok > 1 && !titled && has(NG_LEX_ent_places, lf, lfl) &&
             !has(NG_LEX_ent_first_names, ff, ffl))
      m.kind = NG_ENTITY_PLACE; /* "Eastern Europe", "Downtown Paris" */
    else if (org) m.kind = NG_ENTITY_ORG;
    else if (titled || (en && has(NG_LEX_ent_first_names, ff, ffl)))
      m.kind = NG_ENTITY_PERSON;
    else if ((last->flags & NG_TOK_ALLCAPS) && m.ntok == 1 && last_len <= 6)
      m.kind = NG_ENTITY_ORG;
    else if (m.ntok == 1) m.kind = after_prep ? NG_ENTITY_PLACE : NG_ENTITY_OTHER;
    else if (m.ntok <= 3) m.kind = NG_ENTITY_PERSON;
    else m.kind = NG_ENTITY_OTHER;
    int rc = mlist_push(out, &m);
    if (rc) return rc;
    k = next;
  }
  return NG_OK;
}

int ng_entities_extract(ng_entities **out, ng_ctx *ctx, const ng_doc *doc,
                        const char *date, size_t date_len, ng_error *err) {
  return ng_entities_extract_flags(out, ctx, doc, date, date_len, 0, err);
}

/* Heads of state or government: "the Belarusian leader" is the one whose
 * role is "Belarusian President" (or Prime Minister, ...). */
static bool head_title(const char *f, size_t n) {
  static const char *const heads[] = {"president", "prime minister", "premier", "chancellor"};
  for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
    if (n == strlen(heads[i]) && memcmp(f, heads[i], n) == 0) return true;
  return false;
}

#define ROLE_AMBIGUOUS UINT32_MAX

/* Folds a role phrase: lower case, words one space apart; 0 when it does
 * not fit or holds anything but words and spaces. */
static size_t fold_role(char *buf, size_t cap, const char *s, size_t n) {
  size_t l = fold(buf, cap, s, n);
  for (size_t i = 0; i < l; i++) {
    if (buf[i] == ' ' && i > 0 && buf[i - 1] != ' ') continue;
    if (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\t' || buf[i] == ',') return 0;
  }
  return l;
}

/* Index of the token that starts at byte off (the first one after it when
 * none does). */
static uint32_t tok_at(const ng_doc *doc, uint32_t off) {
  uint32_t lo = 0, hi = (uint32_t)doc->ntok;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (doc->toks[mid].off < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Is text[a, b) exactly the string s? */
static bool gap_is(const char *text, uint32_t a, uint32_t b, const char *s) {
  size_t n = strlen(s);
  return b >= a && b - a == n && memcmp(text + a, s, n) == 0;
}

/* Enters role text[0..n) of person mention i (and "<demonym> leader" for
 * a head of state or government). */
static int role_add(ng_strmap *roles, const mlist *ml, size_t i, const char *s, size_t n) {
  char f[128];
  size_t fl = fold_role(f, sizeof f - 8, s, n);
  if (!fl || !memchr(f, ' ', fl)) return NG_OK;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) {
      /* "belarusian president" -> "belarusian leader" */
      const char *sp = memchr(f, ' ', fl);
      if (!is_demonym(f, (size_t)(sp - f)) || !head_title(sp + 1, fl - (size_t)(sp - f) - 1))
        break;
      fl = (size_t)(sp - f) + 1;
      memcpy(f + fl, "leader", 6);
      fl += 6;
    }
    uint32_t id;
    int rc = ng_strmap_intern(roles, f, fl, &id);
    if (rc) return rc;
    uint32_t *v = &roles->count[id];
    if (*v == 0) *v = (uint32_t)i + 1;
    else if (*v != ROLE_AMBIGUOUS && strcmp(ml->v[*v - 1].key, ml->v[i].key) != 0)
      *v = ROLE_AMBIGUOUS;
  }
  return NG_OK;
}

/* Role nouns that the text ties to one person. A person named with two or
 * more title words ("Belarusian President Alexander Lukashenko", "Foreign
 * Minister Sergei Lavrov") holds that role; a later "the Belarusian
 * president" or "the foreign minister" (and "the Belarusian leader" for a
 * head of state or government) is then a mention of that person, when no
 * other person of the document holds the same role. An apposition
 * ("Alexander Lukashenko, the president of Belarus,") gives a role too.
 * Only roles of two words or more count: "the president" alone is not
 * clear enough. A role phrase followed by a capitalized word is the
 * name's own title and was counted with the name. */
static int add_role_mentions(elist *el, const ng_doc *doc, const mlist *ml,
                             const ng_allocator *alc) {
  const char *text = doc->text;
  ng_strmap roles; /* folded role -> mention index + 1, or ROLE_AMBIGUOUS */
  ng_strmap_init(&roles, alc);
  int rc = NG_OK;
  bool any = false;
  for (size_t i = 0; i < ml->n; i++) {
    const mention *m = &ml->v[i];
    if (m->kind != NG_ENTITY_PERSON || !m->key[0]) continue;
    if (m->role_len) {
      if ((rc = role_add(&roles, ml, i, text + m->role_off, m->role_len))) goto done;
      any = true;
    }
    /* An apposition after the name: "Alexander Lukashenko, the Belarusian
     * president, said". */
    uint32_t k = tok_at(doc, m->last_off);
    if (k + 4 >= doc->ntok || !gap_is(text, doc->toks[k].off + doc->toks[k].len, doc->toks[k + 1].off, ", "))
      continue;
    const ng_tok *t = &doc->toks[k + 1];
    if (t->len != 3 || memcmp(text + t->off, "the", 3) != 0) continue;
    for (uint32_t w = 2; w <= 3 && k + 1 + w < doc->ntok; w++) {
      const ng_tok *a = &doc->toks[k + 2], *z = &doc->toks[k + 1 + w];
      uint32_t end = z->off + z->len;
      if (end < doc->len && (text[end] == ',' || text[end] == '.' || text[end] == ';')) {
        if ((rc = role_add(&roles, ml, i, text + a->off, end - a->off))) goto done;
        any = true;
        break;
      }
    }
  }
  for (size_t r = 0; any && r < doc->nsent; r++) {
    if (doc->sents[r].flags & NG_SENT_FURNITURE) continue;
    uint32_t b = doc->sents[r].tok_begin, e = doc->sents[r].tok_end;
    for (uint32_t k = b; k < e; k++) {
      const ng_tok *t = &doc->toks[k];
      if (t->len != 3 || ((text[t->off] | 0x20) != 't') || ((text[t->off + 1] | 0x20) != 'h') ||
          ((text[t->off + 2] | 0x20) != 'e'))
        continue;
      /* The longest role of up to three words after "the". */
      for (uint32_t w = 3; w >= 1; w--) {
        if (k + w >= e) continue;
        const ng_tok *a = &doc->toks[k + 1], *z = &doc->toks[k + w];
        /* "the Belarusian president's aides": the role without its 's. */
        bool poss;
        uint32_t zl = strip_possessive(text + z->off, z->len, &poss);
        char f[128];
        size_t fl = fold_role(f, sizeof f, text + a->off, z->off + zl - a->off);
        uint32_t id = fl ? ng_strmap_find(&roles, f, fl) : UINT32_MAX;
        if (id == UINT32_MAX) continue;
        uint32_t v = roles.count[id];
        if (k + w + 1 < e && tok_cap(&doc->toks[k + w + 1])) break;
        /* The apposition that gave the role is its own name's mention. */
        bool appos = v != ROLE_AMBIGUOUS && k > b &&
                     doc->toks[k - 1].off == ml->v[v - 1].last_off &&
                     gap_is(text, doc->toks[k - 1].off + doc->toks[k - 1].len, t->off, ", ");
        if (v != ROLE_AMBIGUOUS && !appos) {
          const mention *m = &ml->v[v - 1];
          ng_span sp = {t->off, z->off + zl - t->off};
          if ((rc = elist_add(el, NG_ENTITY_PERSON, m->key, NULL, text + m->off, m->len, 0, sp, 1.0)))
            goto done;
        }
        k += w;
        break;
      }
    }
  }
done:
  ng_strmap_dispose(&roles);
  return rc;
}

/* Does the stem key a (words one space apart) hold the key b as whole
 * words? */
static bool key_holds(const char *a, size_t an, const char *b, size_t bn) {
  for (size_t i = 0; i + bn <= an; i++)
    if ((i == 0 || a[i - 1] == ' ') && (i + bn == an || a[i + bn] == ' ') &&
        memcmp(a + i, b, bn) == 0)
      return true;
  return false;
}

/* Keyphrases: phrases of 1-3 lower-case content words inside a run of
 * them, counted by stems, each phrase of a run counted (so "sanctions" in
 * "sanctions hurt exports" counts for "sanctions"). A phrase must follow a
 * determiner or preposition somewhere in the article ("the sanctions", "for
 * regional stability"), which keeps verbs and adverbs out ("Putin spoke",
 * "directly"), and must end a run somewhere (English noun phrases end in
 * their noun: "regional" of "regional stability" is no keyphrase). Ranked by count x length x (1 + mean background IDF of its
 * words: the summarizer's news table, or the document's own statistics for
 * a language without one), at least two mentions; a phrase inside one
 * already picked, or holding one, is not picked again. They come last in
 * the list's order (by kind), so leaving them out changes nothing before
 * them. */
static int add_keyphrases(elist *el, const ng_doc *doc, bool en, const ng_allocator *alc,
                          ng_error *err) {
  const char *text = doc->text;
  int rc = NG_OK;
  phrase *ph = NULL;
  size_t nph = 0, phcap = 0;
  double *idf = NULL;
  size_t picked_ids[6], npicked = 0;
  ng_strmap phr;
  ng_strmap_init(&phr, alc);
  if (!doc->nterm) goto done;
  NG_CHECK_ALLOC(idf = ng_mem_alloc(alc, doc->nterm * sizeof *idf));
  ng_idf_fill(idf, doc, doc->nsent);
  for (size_t r = 0; r < doc->nsent; r++) {
    if (doc->sents[r].flags & NG_SENT_FURNITURE) continue;
    uint32_t b = doc->sents[r].tok_begin, e = doc->sents[r].tok_end;
    uint32_t k = b;
    while (k < e) {
      uint32_t j = k; /* the run [k, j) */
      while (j < e) {
        const ng_tok *u = &doc->toks[j];
        if (!(u->flags & NG_TOK_ALPHA) || (u->flags & (NG_TOK_UPPER1 | NG_TOK_STOP)) ||
            u->len < 3 || (doc->terms[u->term].flags & NG_TOK_STOP))
          break;
        if (j > k && !gap_is_space(text, doc->toks[j - 1].off + doc->toks[j - 1].len, u->off))
          break;
        j++;
      }
      /* Not half of a hyphenated word ("anti" of "anti-piracy"). */
      if (j > k) {
        const ng_tok *z = &doc->toks[j - 1];
        if (z->off + z->len < doc->len && text[z->off + z->len] == '-') j--;
        if (doc->toks[k].off > 0 && text[doc->toks[k].off - 1] == '-') j = k;
      }
      if (j == k) {
        k++;
        continue;
      }
      bool opened = k > b && noun_opener(text, &doc->toks[k - 1]);
      for (uint32_t a = k; a < j; a++)
        for (uint32_t c = a + 1; c <= j && c - a <= 3; c++) {
          char key[256];
          size_t kl = 0;
          for (uint32_t q = a; q < c; q++) {
            const ng_term *tm = &doc->terms[doc->toks[q].term];
            if (kl + tm->len + 2 >= sizeof key) break;
            if (kl) key[kl++] = ' ';
            memcpy(key + kl, tm->str, tm->len);
            kl += tm->len;
          }
          uint32_t id;
          NG_TRY(ng_strmap_intern(&phr, key, kl, &id));
          if (id == nph) {
            if (nph == phcap) {
              size_t cap = phcap ? phcap * 2 : 64;
              phrase *v = ng_mem_realloc(alc, ph, phcap * sizeof *v, cap * sizeof *v);
              NG_CHECK_ALLOC(v);
              ph = v;
              phcap = cap;
            }
            phrase *p = &ph[nph++];
            p->off = doc->toks[a].off;
            p->len = doc->toks[c - 1].off + doc->toks[c - 1].len - p->off;
            p->count = 0;
            p->ntok = c - a;
            p->id = id;
            double sum = 0.0;
            for (uint32_t q = a; q < c; q++) sum += idf[doc->toks[q].term];
            /* + 1: a word in every sentence has in-document IDF 0. */
            p->idf = 1.0 + sum / (double)(c - a);
            const ng_tok *w0 = &doc->toks[a];
            p->adverb = c - a == 1 && w0->len > 4 && text[w0->off + w0->len - 2] == 'l' &&
                        text[w0->off + w0->len - 1] == 'y';
            p->nounish = !en; /* the opener list is English */
            p->head = !en;
          }
          ph[id].count++;
          if (a == k && opened) ph[id].nounish = true;
          if (c == j) ph[id].head = true;
        }
      k = j;
    }
  }
  while (npicked < 6) {
    size_t best = SIZE_MAX;
    double bs = 0.0;
    for (size_t i = 0; i < nph; i++) {
      if (ph[i].count < 2 || ph[i].adverb || !ph[i].nounish || !ph[i].head) continue;
      double sc = (double)ph[i].count * (double)ph[i].ntok * ph[i].idf;
      if (sc > bs) {
        bs = sc;
        best = i;
      }
    }
    if (best == SIZE_MAX) break;
    const char *bk = phr.strs[ph[best].id];
    size_t bl = phr.lens[ph[best].id];
    size_t count = ph[best].count;
    ph[best].count = 0;
    bool dup = false;
    for (size_t q = 0; q < npicked && !dup; q++) {
      const char *pk = phr.strs[picked_ids[q]];
      size_t pl = phr.lens[picked_ids[q]];
      dup = key_holds(pk, pl, bk, bl) || key_holds(bk, bl, pk, pl);
    }
    if (dup) continue;
    char key[300];
    snprintf(key, sizeof key, "k:%.*s", (int)bl, bk);
    ng_span sp = {ph[best].off, ph[best].len};
    NG_TRY(elist_add(el, NG_ENTITY_KEYPHRASE, key, NULL, text + sp.off, sp.len, 1, sp, bs));
    el->v[el->n - 1].mentions = count;
    picked_ids[npicked++] = ph[best].id;
  }
done:
  ng_mem_free(alc, ph, phcap * sizeof *ph);
  ng_mem_free(alc, idf, doc->nterm * sizeof *idf);
  ng_strmap_dispose(&phr);
  return rc;
}

int ng_entities_extract_flags(ng_entities **out, ng_ctx *ctx, const ng_doc *doc,
                              const char *date, size_t date_len, unsigned flags,
                              ng_error *err) {
  int rc = NG_OK;
  ng_entities *res = NULL;
  mlist ml = {NULL, 0, 0, NULL};
  elist el;
  memset(&el, 0, sizeof el);
  ng_strmap midcap;
  uint32_t *fam = NULL; /* per surname id: first sure full name, last full name */
  size_t nfam = 0;
  uint32_t *seen = NULL; /* pass 1: by term, a token already entered + 1 */
  if (!out || !ctx || !doc) return ng_fail(err, NG_EINVAL, "no document", 0);
  *out = NULL;
  const ng_allocator *alc = &ctx->alc;
  ml.alc = alc;
  ng_strmap_init(&midcap, alc);
  ng_arena arena;
  ng_arena_init(&arena, alc);
  NG_CHECK_ALLOC(res = ng_arena_calloc(&arena, 1, sizeof *res));
  res->arena = arena;
  el.arena = &res->arena;
  el.alc = alc;
  ng_strmap_init(&el.keys, alc);
  bool en = doc->lang == NG_LANG_EN || doc->lang == NG_LANG_UNKNOWN;
  const char *text = doc->text;

  /* Sentence ranges: the title first, then the body. */
  size_t nranges = doc->nsent + 1;
  /* Pass 1: words capitalized mid-sentence (count bit 1) and words seen
   * in lower case (bit 2), by folded form. */
  /* A token with the same spelling as the last one entered for its term
   * would enter the same word with the same bit again: it is passed over
   * (seen[term] = that token + 1), saving most folds and lookups here. */
  if (doc->nterm) NG_CHECK_ALLOC(seen = ng_mem_alloc(alc, doc->nterm * sizeof *seen));
  if (seen) memset(seen, 0, doc->nterm * sizeof *seen);
  for (size_t r = 1; r < nranges; r++) {
    uint32_t b = doc->sents[r - 1].tok_begin, e = doc->sents[r - 1].tok_end;
    for (uint32_t k = b; k < e; k++) {
      const ng_tok *t = &doc->toks[k];
      if (!(t->flags & NG_TOK_ALPHA)) continue;
      bool cap = tok_cap(t);
      if (cap && k == b) continue;
      if (t->term < doc->nterm) {
        uint32_t p = seen[t->term];
        if (p && doc->toks[p - 1].len == t->len &&
            ng_key_eq(text + doc->toks[p - 1].off, text + t->off, t->len))
          continue;
        seen[t->term] = k + 1;
      }
      bool had;
      uint32_t l = strip_possessive(text + t->off, t->len, &had);
      char f[64];
      size_t fl = fold(f, sizeof f, text + t->off, l);
      uint32_t id;
      if (!fl) continue;
      NG_TRY(ng_strmap_intern(&midcap, f, fl, &id));
      midcap.count[id] |= cap ? 1u : 2u;
    }
  }
  /* Pass 2: name mentions. */
  for (size_t r = 0; r < nranges; r++) {
    uint32_t b = r == 0 ? (uint32_t)doc->title_tok_begin : doc->sents[r - 1].tok_begin;
    uint32_t e = r == 0 ? (uint32_t)doc->title_tok_end : doc->sents[r - 1].tok_end;
    if (r > 0 && (doc->sents[r - 1].flags & NG_SENT_FURNITURE)) continue;
    NG_TRY(scan_names(&ml, doc, b, e, &midcap, en, r == 0));
  }
  /* Keys: a lone word that matches a person's surname (or a full name's
   * last word) is that person; a lone word matching a place is the place. */
  /* Surname skeletons of full person names -> a mention index (in the
   * midcap map's counters, reused as a scratch map). */
  ng_strmap_dispose(&midcap);
  ng_strmap_init(&midcap, alc);
  for (size_t i = 0; i < ml.n; i++) {
    mention *o = &ml.v[i];
    o->sid = UINT32_MAX;
    if (o->kind != NG_ENTITY_PERSON || o->ntok < 2) continue;
    char of[64], sk[64];
    size_t ofl = fold(of, sizeof of, text + o->last_off, o->last_len);
    size_t skl = ng_name_skeleton(sk, sizeof sk, of, ofl);
    uint32_t id;
    NG_TRY(ng_strmap_intern(&midcap, sk, skl, &id));
    o->sid = id;
    if (midcap.count[id] == 0) midcap.count[id] = (uint32_t)i + 1;
    /* And the first name, prefixed '^', for "Tara" after "Tara Reid". */
    char ff[64];
    ff[0] = '^';
    size_t ffl = fold_given(ff + 1, sizeof ff - 1, text, o);
    if (ffl) {
      NG_TRY(ng_strmap_intern(&midcap, ff, ffl + 1, &id));
      if (midcap.count[id] == 0) midcap.count[id] = (uint32_t)i + 1;
    }
  }
  /* Per surname: fam[2 id] the first full name with a sure given name
   * (+ 1), TWO_PEOPLE when another sure one differs from it (two people
   * of one family: Wladimir and Vitali Klitschko); fam[2 id + 1] the last
   * full name seen so far (+ 1), kept up below. */
  nfam = 2 * midcap.n;
  if (nfam) NG_CHECK_ALLOC(fam = ng_mem_alloc(alc, nfam * sizeof *fam));
  if (fam) memset(fam, 0, nfam * sizeof *fam);
  for (size_t i = 0; i < ml.n; i++) {
    const mention *o = &ml.v[i];
    if (o->sid == UINT32_MAX) continue;
    char g[64];
    size_t gl = fold_given(g, sizeof g, text, o);
    if (!gl || !given_word(o, g, gl, en)) continue;
    uint32_t *f = &fam[2 * o->sid];
    if (*f == 0) {
      *f = (uint32_t)i + 1;
    } else if (!(*f & TWO_PEOPLE)) {
      const mention *p = &ml.v[*f - 1];
      char pf[64];
      size_t pfl = fold_given(pf, sizeof pf, text, p);
      if (!ng_name_variants(pf, pfl, g, gl)) *f |= TWO_PEOPLE;
    }
  }
  for (size_t i = 0; i < ml.n; i++) {
    mention *m = &ml.v[i];
    char lf[64];
    size_t lfl = fold(lf, sizeof lf, text + m->last_off, m->last_len);
    /* A lone word's surname id, if some full name has that surname. */
    uint32_t sid = m->sid;
    if (m->ntok == 1) {
      char sk[64];
      size_t skl = ng_name_skeleton(sk, sizeof sk, lf, lfl);
      sid = ng_strmap_find(&midcap, sk, skl);
    }
    if (m->ntok == 1 && m->kind != NG_ENTITY_PERSON && sid != UINT32_MAX) {
      mention *o = &ml.v[midcap.count[sid] - 1];
      char of[64];
      size_t ofl = fold(of, sizeof of, text + o->last_off, o->last_len);
      if (ng_name_variants(lf, lfl, of, ofl)) m->kind = NG_ENTITY_PERSON;
    }
    const mention *full = NULL; /* the full name this mention stands for */
    if (m->ntok == 1 && en && has(NG_LEX_ent_first_names, lf, lfl)) {
      char ff[64];
      ff[0] = '^';
      memcpy(ff + 1, lf, lfl < sizeof ff - 1 ? lfl : sizeof ff - 2);
      uint32_t id = ng_strmap_find(&midcap, ff, (lfl < sizeof ff - 1 ? lfl : sizeof ff - 2) + 1);
      if (id != UINT32_MAX) {
        full = &ml.v[midcap.count[id] - 1];
        m->kind = NG_ENTITY_PERSON;
      }
    }
    /* Which full name a lone surname stands for: the nearest one before
     * it with that surname, else the first one after it ("Obama" after
     * "Barack Obama" is Barack, after "Michelle Obama" Michelle). When the
     * surname has a full name with a sure given name somewhere, a full
     * name whose given name is not sure ("Addressing Lukashenko", a
     * sentence's first word) is read as the surname. */
    if (!full && m->kind == NG_ENTITY_PERSON && sid != UINT32_MAX) {
      bool sure = m->ntok >= 2;
      if (sure && fam[2 * sid]) {
        char g[64];
        size_t gl = fold_given(g, sizeof g, text, m);
        sure = gl && given_word(m, g, gl, en);
      }
      if (sure) {
        full = m;
        fam[2 * sid + 1] = (uint32_t)i + 1;
      } else if (fam[2 * sid + 1]) {
        full = &ml.v[fam[2 * sid + 1] - 1];
      } else {
        full = &ml.v[midcap.count[sid] - 1];
      }
    }
    if (full) {
      bool two = full->sid != UINT32_MAX && (fam[2 * full->sid] & TWO_PEOPLE);
      person_key(m->key, sizeof m->key, text, full, en, two);
    } else if (m->kind == NG_ENTITY_PERSON) {
      words_key(m->key, sizeof m->key, 'p', text + m->last_off, m->last_len);
    } else {
      char pfx = m->kind == NG_ENTITY_PLACE ? 'l' : m->kind == NG_ENTITY_ORG ? 'o' : 'x';
      words_key(m->key, sizeof m->key, pfx, text + m->off, m->len);
    }
    ng_span sp = {m->off, m->len};
    NG_TRY(elist_add(&el, m->kind, m->key, NULL, text + m->off, m->len, m->ntok, sp, 1.0));
  }
  NG_TRY(add_role_mentions(&el, doc, &ml, alc));
  /* Dates. */
  dstate ds;
  ds.base = ng_date_days(date, date_len);
  ds.base_y = ds.base_m = 0;
  if (ds.base != INT32_MIN) {
    int d;
    civil_from_days(ds.base, &ds.base_y, &ds.base_m, &d);
  }
  for (size_t r = 1; r < nranges; r++) {
    uint32_t b = doc->sents[r - 1].tok_begin, e = doc->sents[r - 1].tok_end;
    for (uint32_t k = b; k < e; k++) {
      const ng_tok *t = &doc->toks[k];
      /* Month and weekday names are capitalized: other tokens start no
       * date, and need no folding. */
      if (!(t->flags & NG_TOK_UPPER1) ||
          !may_be_month_or_day(text + t->off, t->len))
        continue;
      char f[64];
      size_t fl = fold(f, sizeof f, text + t->off, t->len);
      if (!fl) continue;
      int mo = month_of(f, fl);
      int wd = wday_of(f, fl);
      char key[32] = "";
      uint32_t end = t->off + t->len;
      if (mo) {
        if (fl <= 4 && mo == 5) continue;
        int day = -1, year = -1;
        if (k + 1 < e) {
          const ng_tok *u = &doc->toks[k + 1];
          day = small_number(text + u->off, u->len, 31);
          if (day > 0) {
            end = u->off + u->len;
            if (k + 2 < e) {
              const ng_tok *v = &doc->toks[k + 2];
              if (v->len == 4 && (v->flags & NG_TOK_DIGIT) && !(v->flags & NG_TOK_ALPHA)) {
                year = atoi(text + v->off);
                if (year < 1800 || year > 2200) year = -1;
                else end = v->off + v->len;
              }
            }
          } else if (u->len == 4 && (u->flags & NG_TOK_DIGIT) && !(u->flags & NG_TOK_ALPHA)) {
            year = atoi(text + u->off);
            if (year < 1800 || year > 2200) year = -1;
            else end = u->off + u->len;
          }
        }
        uint32_t start = t->off;
        if (day <= 0 && k > b) { /* "25 June" */
          const ng_tok *p = &doc->toks[k - 1];
          int d2 = small_number(text + p->off, p->len, 31);
          if (d2 > 0) {
            day = d2;
            start = p->off;
          }
        }
        if (day <= 0 && year <= 0) continue; /* a bare "May" is too risky */
        date_key(key, sizeof key, &ds, year, mo, day);
        ng_span sp = {start, end - start};
        NG_TRY(elist_add(&el, NG_ENTITY_DATE, key, NULL, text + start, end - start, 2, sp, 1.0));
      } else if (wd >= 0) {
        if (ds.base != INT32_MIN) {
          /* The last such weekday on or before the article's date
           * (1970-01-01 was a Thursday: weekday index 3). */
          int32_t base_wd = ((ds.base % 7) + 7 + 3) % 7;
          int32_t back = (base_wd - wd + 7) % 7;
          int y, m2, d;
          civil_from_days(ds.base - back, &y, &m2, &d);
          snprintf(key, sizeof key, "%04d-%02d-%02d", y, m2, d);
        }
        ng_span sp = {t->off, t->len};
        char wkey[16];
        snprintf(wkey, sizeof wkey, "\x01w%d", wd); /* not a key: "" */
        NG_TRY(elist_add(&el, NG_ENTITY_DATE, key, key[0] ? NULL : wkey,
                         text + t->off, t->len, 1, sp, 1.0));
      }
    }
  }
  if (!(flags & NG_ENTITIES_NO_KEYPHRASES)) NG_TRY(add_keyphrases(&el, doc, en, alc, err));
  for (size_t i = 0; i < el.n; i++)
    if (el.v[i].kind != NG_ENTITY_KEYPHRASE) el.v[i].score = (double)el.v[i].mentions;
  if (el.n) {
    if (el.n) qsort(el.v, el.n, sizeof *el.v, cmp_entity);
    NG_CHECK_ALLOC(res->items = ng_arena_calloc(&res->arena, el.n, sizeof *res->items));
    if (el.n) memcpy(res->items, el.v, el.n * sizeof *el.v);
    res->n = el.n;
  }
  *out = res;
  res = NULL;
done:
  if (res) ng_arena_dispose(&res->arena);
  ng_mem_free(alc, ml.v, ml.cap * sizeof *ml.v);
  ng_mem_free(alc, el.v, el.cap * sizeof *el.v);
  ng_mem_free(alc, el.ntoks, el.cap * sizeof *el.ntoks);
  ng_mem_free(alc, seen, doc->nterm * sizeof *seen);
  ng_strmap_dispose(&el.keys);
  ng_strmap_dispose(&midcap);
  ng_mem_free(alc, fam, nfam * sizeof *fam);
  return rc;
}

void ng_entities_free(ng_entities *e) {
  if (!e) return;
  ng_arena a = e->arena;
  ng_arena_dispose(&a);
}

size_t ng_entities_count(const ng_entities *e) { return e ? e->n : 0; }

const ng_entity *ng_entities_at(const ng_entities *e, size_t i) {
  return e && i < e->n ? &e->items[i] : NULL;
}

const char *ng_entity_kind_name(ng_entity_kind kind) {
  static const char *const names[] = {"person", "place", "org", "other", "date", "keyphrase"};
  return (unsigned)kind < NG_ENTITY_KIND_COUNT ? names[kind] : "unknown";
}

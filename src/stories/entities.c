/* entities.c - people, places and organizations; ng_entities_extract.
 *
 * The names and their keys are found here; then roles.c (role nouns tied
 * to a person), dates.c and keyphrases.c add theirs to the same list
 * (entity_list.h).
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
#include "entity_list.h"

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

/* Skeleton key of words text[off..off+len) joined by '_'. */
static void words_key(char *key, size_t cap, char prefix, const char *s,
                      size_t n) {
  size_t o = 0;
  key[o++] = prefix;
  key[o++] = ':';
  size_t i = 0;
  while (i < n && o + 2 < cap) {
    while (i < n && (space_len(s, i, n) || s[i] == '.')) i += s[i] == '.' ? 1 : space_len(s, i, n);
    size_t j = i;
    while (j < n && !space_len(s, j, n)) j++;
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

/* Rewrites no-break spaces in s[0..n) as plain ones (for word-list
 * lookups of a whole name); returns the new length. */
static size_t plain_spaces(char *s, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = space_len(s, i, n);
    s[o++] = l ? ' ' : s[i];
    if (l == 2) i++;
  }
  return o;
}

/* Bytes of the first word of s[0..n). */
static size_t first_word_len(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && !space_len(s, i, n)) i++;
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

static int cmp_entity(const void *pa, const void *pb) {
  const ng_entity *a = pa, *b = pb;
  if (a->kind != b->kind) return (int)a->kind - (int)b->kind;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  return a->first.off < b->first.off ? -1 : a->first.off > b->first.off;
}

/* Is s[0..n) written in capitals only (ASCII letters: "GARY LOCKE")? */
static bool shouted(const char *s, size_t n) {
  bool upper = false;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z') return false;
    upper |= s[i] >= 'A' && s[i] <= 'Z';
  }
  return upper;
}

int ng_elist_add(elist *l, ng_entity_kind kind, const char *key,
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
    e->mentions++;
    e->score += score;
    /* The fullest spelling, and a mixed-case one over an upper-case
     * headline's ("Gary Locke", not "GARY LOCKE"). */
    if (ntok > l->ntoks[i] ||
        (ntok == l->ntoks[i] && shouted(e->name, strlen(e->name)) && !shouted(name, name_len))) {
      char *nm = ng_arena_strndup(l->arena, name, name_len);
      if (!nm) return NG_ENOMEM;
      e->name = nm;
      l->ntoks[i] = ntok;
    }
    return NG_OK;
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

/* Was the folded word seen in lower case in the document? */
static bool seen_lower(const ng_strmap *m, const char *f, size_t n) {
  uint32_t id = n ? ng_strmap_find(m, f, n) : UINT32_MAX;
  return id != UINT32_MAX && (m->count[id] & 2u);
}

/* "Jr", "Sr.", "III": after a name, not part of its surname. */
static bool name_suffix(const char *f, size_t n) {
  return has(NG_LEX_ent_name_suffixes, f, n);
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
        if (had) break; /* a name ends at its possessive */
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
      /* A text too short for its language to be told is read as English
       * here, but its tokens carry no stop flags: "The Belarusian". */
      bool stop = (u->flags & NG_TOK_STOP) ||
                  (doc->lang == NG_LANG_UNKNOWN && ng_lex_has(ng_lex_stopwords(NG_LANG_EN), f, fl));
      if (stop || ng_month_of(f, fl) || ng_wday_of(f, fl) >= 0 ||
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
    m.last_tok = toks[nt - 1];
    m.range_end = e;
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
    wl = plain_spaces(whole, wl);
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
    NG_TRY(ng_elist_add(&el, m->kind, m->key, NULL, text + m->off, m->len, m->ntok, sp, 1.0));
  }
  NG_TRY(ng_ent_add_roles(&el, doc, &ml, alc));
  NG_TRY(ng_ent_add_dates(&el, doc, date, date_len, flags));
  if (!(flags & NG_ENTITIES_NO_KEYPHRASES)) NG_TRY(ng_ent_add_keyphrases(&el, doc, en, alc, err));
  for (size_t i = 0; i < el.n; i++)
    if (el.v[i].kind != NG_ENTITY_KEYPHRASE) el.v[i].score = (double)el.v[i].mentions;
  if (el.n) {
    qsort(el.v, el.n, sizeof *el.v, cmp_entity);
    NG_CHECK_ALLOC(res->items = ng_arena_calloc(&res->arena, el.n, sizeof *res->items));
    memcpy(res->items, el.v, el.n * sizeof *el.v);
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

/* roles.c - role nouns the text ties to one person: after "Belarusian
 * President Alexander Lukashenko", "the Belarusian president" is him. */
#include "entity_list.h"

#include "../text/errors.h"
#include "../text/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Heads of state or government: "the Belarusian leader" is the one whose
 * role is "Belarusian President" (or Prime Minister, ...). */
static bool head_title(const char *f, size_t n) {
  return has(NG_LEX_ent_head_titles, f, n);
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
int ng_ent_add_roles(elist *el, const ng_doc *doc, const mlist *ml,
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
    uint32_t k = m->last_tok, e = m->range_end; /* ", the" and two words in the sentence */
    if (k + 3 >= e || !gap_is(text, doc->toks[k].off + doc->toks[k].len, doc->toks[k + 1].off, ", "))
      continue;
    const ng_tok *t = &doc->toks[k + 1];
    if (t->len != 3 || memcmp(text + t->off, "the", 3) != 0) continue;
    for (uint32_t w = 2; w <= 3 && k + 1 + w < e; w++) {
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
          if ((rc = ng_elist_add(el, NG_ENTITY_PERSON, m->key, NULL, text + m->off, m->len, 0, sp, 1.0)))
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

/* keyphrases.c - the phrases an article is about ("special military
 * operations", "sanctions"): noun phrases of content words, counted by
 * stems and weighted by background IDF. */
#include "entity_list.h"

#include "../summarize/idf.h"
#include "../text/errors.h"
#include "../text/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct phrase {
  uint32_t off, len; /* first surface */
  uint32_t count, ntok;
  double idf;   /* 1 + the mean background IDF of its words */
  bool adverb;  /* one word ending in -ly ("directly") */
  bool nounish; /* seen after a determiner or preposition */
  bool head;    /* seen at the end of a run (where a noun phrase ends) */
} phrase;

/* Words after which a run of content words starts a noun phrase ("the
 * sanctions", "his intention", "for regional stability"): a keyphrase
 * must follow one at least once, which keeps out verbs ("Putin spoke",
 * "he reiterated") without a part-of-speech tagger. The list
 * (src/data/lex/ent_np_openers.txt) leaves out "this" and "that": "This
 * underscores", "that marks". */
static bool noun_opener(const char *text, const ng_tok *t) {
  char f[16];
  size_t fl = t->len < sizeof f ? fold(f, sizeof f, text + t->off, t->len) : 0;
  return has(NG_LEX_ent_np_openers, f, fl);
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
int ng_ent_add_keyphrases(elist *el, const ng_doc *doc, bool en, const ng_allocator *alc,
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
    /* A phrase's index in ph is its id in phr (entered in order). */
    const char *bk = phr.strs[best];
    size_t bl = phr.lens[best];
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
    NG_TRY(ng_elist_add(el, NG_ENTITY_KEYPHRASE, key, NULL, text + sp.off, sp.len, 1, sp, bs));
    el->v[el->n - 1].mentions = count;
    picked_ids[npicked++] = best;
  }
done:
  ng_mem_free(alc, ph, phcap * sizeof *ph);
  ng_mem_free(alc, idf, doc->nterm * sizeof *idf);
  ng_strmap_dispose(&phr);
  return rc;
}

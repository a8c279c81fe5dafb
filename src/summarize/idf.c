/* idf.c - see idf.h. */
#include "idf.h"

#include <math.h>
#include <string.h>

#include "../data/idf_en.inc"

static const ng_idf_table idf_en = {idf_en_stems, idf_en_q, idf_en_sal, idf_en_first,
                                    sizeof idf_en_q / sizeof idf_en_q[0],
                                    NG_IDF_EN_UNSEEN};

const ng_idf_table *ng_idf_table_for(ng_lang lang) {
  return lang == NG_LANG_EN ? &idf_en : NULL;
}

/* The index of stem s in the table, or t->n. */
static size_t find(const ng_idf_table *t, const char *s) {
  unsigned char b = (unsigned char)s[0];
  size_t lo = t->first[b], hi = t->first[b + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(t->stems[mid], s);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return t->n;
}

static double lookup(const ng_idf_table *t, const char *s) {
  size_t i = find(t, s);
  return (i < t->n ? t->q[i] : t->unseen_q) / NG_IDF_SCALE;
}

void ng_idf_sal_fill(double *idf, double *sal, const ng_doc *doc, size_t n) {
  const ng_idf_table *t = ng_idf_table_for(doc->lang);
  if (!t) {
    ng_idf_fill(idf, doc, n);
    for (size_t k = 0; k < doc->nterm; k++) sal[k] = 0.0;
    return;
  }
  for (size_t k = 0; k < doc->nterm; k++) {
    if (doc->terms[k].flags & NG_TOK_STOP) {
      idf[k] = sal[k] = 0.0;
      continue;
    }
    size_t i = find(t, doc->terms[k].str);
    idf[k] = (i < t->n ? t->q[i] : t->unseen_q) / NG_IDF_SCALE;
    sal[k] = i < t->n ? t->sal[i] / NG_IDF_SCALE : 0.0;
  }
}

void ng_idf_fill(double *idf, const ng_doc *doc, size_t n) {
  const ng_idf_table *t = ng_idf_table_for(doc->lang);
  if (t) {
    for (size_t k = 0; k < doc->nterm; k++)
      idf[k] = doc->terms[k].flags & NG_TOK_STOP ? 0.0
                                                 : lookup(t, doc->terms[k].str);
    return;
  }
  /* In-document statistics: sentence frequency of each term. */
  for (size_t k = 0; k < doc->nterm; k++) idf[k] = 0.0;
  if (n > doc->nsent) n = doc->nsent;
  for (size_t i = 0; i < n; i++) {
    const ng_sent *s = &doc->sents[i];
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
      uint32_t term = doc->toks[k].term;
      /* Once per sentence: the first occurrence negates the running
       * count (+1), the second pass flips it back. */
      if (idf[term] >= 0.0) idf[term] = -(idf[term] + 1.0);
    }
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
      uint32_t term = doc->toks[k].term;
      if (idf[term] < 0.0) idf[term] = -idf[term];
    }
  }
  double N = (double)(n ? n : 1);
  for (size_t k = 0; k < doc->nterm; k++)
    idf[k] = doc->terms[k].flags & NG_TOK_STOP || idf[k] <= 0.0
                 ? 0.0
                 : log(1.0 + N / idf[k]);
}

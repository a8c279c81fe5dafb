/* idf.h - background document frequencies for term weighting.
 *
 * A language may ship a table of stems with their inverse document
 * frequency, learned offline from a news corpus by tools/gen-idf and
 * generated into src/data/idf_<lang>.inc (stems sorted byte-wise, IDF as
 * fixed point q / NG_IDF_SCALE). Stems not in the table are rare words and
 * get the table's "unseen" IDF. A language without a table falls back to
 * statistics of the document itself (each sentence a document). The table
 * also gives each stem its highlight salience (ng_idf_sal_fill), learned
 * from the corpus's highlights. */
#ifndef NG_SUMMARIZE_IDF_H
#define NG_SUMMARIZE_IDF_H

#include "../text/doc.h"

#define NG_IDF_SCALE 1024.0

typedef struct ng_idf_table {
  const char *const *stems; /* sorted by strcmp */
  const uint16_t *q;        /* IDF * NG_IDF_SCALE */
  const int16_t *sal;       /* highlight salience * NG_IDF_SCALE */
  const uint16_t *first;    /* [257]: stems starting with byte c are
                               [first[c], first[c + 1]) */
  size_t n;
  uint16_t unseen_q; /* IDF of a stem not in the table */
} ng_idf_table;

/* The table of a language, or NULL when none ships. */
const ng_idf_table *ng_idf_table_for(ng_lang lang);

/* Fills idf[0..doc->nterm) (stop words get 0). With a table for the
 * document's language the weights are background IDF; otherwise they come
 * from the document's first `n` sentences. */
void ng_idf_fill(double *idf, const ng_doc *doc, size_t n);

/* ng_idf_fill, and sal[0..doc->nterm) with each term's highlight
 * salience: the log of how much likelier than an average stem it is, when
 * in an article, to be in the article's highlights too (learned with the
 * IDF by tools/gen-idf). 0 for stop words, stems not in the table and
 * languages without a table. One table lookup per term for both. */
void ng_idf_sal_fill(double *idf, double *sal, const ng_doc *doc, size_t n);

#endif

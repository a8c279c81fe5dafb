/* rouge.h - ROUGE-1/2/L/Lsum with the semantics of Google's rouge-score
 * package (use_stemmer=True), for `nutgraf eval` and the unit tests.
 *
 * Internal: not part of nutgraf.h. Pure computation, no I/O.
 *
 * Tokens (rouge-score tokenize.py): lower-case ASCII, every run of bytes
 * other than [a-z0-9] is a separator, and tokens longer than 3 bytes go
 * through the Porter stemmer (libstemmer's "porter"). Each distinct token
 * string is interned once per scorer, with its stem, so a corpus run stems
 * every word form once.
 *
 *   ROUGE-N    clipped n-gram overlap: P = hits/|sys n-grams|,
 *              R = hits/|ref n-grams|
 *   ROUGE-L    LCS of the two token sequences (sentence breaks ignored)
 *   ROUGE-Lsum summary-level LCS (ROUGE-1.5.5): sentences are the
 *              non-empty '\n'-separated lines; for each reference sentence,
 *              the union of its LCS positions against every system
 *              sentence, each token counted at most as often as it occurs
 *              on both sides.
 * F is 2PR/(P+R), 0 when P+R is 0. */
#ifndef NG_EVAL_ROUGE_H
#define NG_EVAL_ROUGE_H

#include "nutgraf.h"

#include <stddef.h>
#include <stdint.h>

typedef struct ng_rouge_prf {
  double p, r, f;
} ng_rouge_prf;

enum { NG_ROUGE_1 = 0, NG_ROUGE_2, NG_ROUGE_L, NG_ROUGE_LSUM, NG_ROUGE_COUNT };

typedef struct ng_rouge_result {
  ng_rouge_prf m[NG_ROUGE_COUNT];
} ng_rouge_result;

/* Short names of the metrics: "rouge1", "rouge2", "rougeL", "rougeLsum". */
const char *ng_rouge_metric_name(int metric);

typedef struct ng_rouge_scorer ng_rouge_scorer;

/* Creates a scorer. `alc` may be NULL (C library allocator). Returns NG_OK,
 * NG_ENOMEM, or NG_EINVAL when libstemmer has no "porter" algorithm. The
 * caller owns *out (ng_rouge_scorer_free). Not thread-safe: one per
 * thread. */
int ng_rouge_scorer_new(ng_rouge_scorer **out, const ng_allocator *alc);

/* Frees a scorer. Takes NULL. */
void ng_rouge_scorer_free(ng_rouge_scorer *sc);

/* Scores system text `sys` against reference `ref` (both UTF-8 or any
 * bytes; sentences separated by '\n'). Returns NG_OK or NG_ENOMEM. */
int ng_rouge_score(ng_rouge_result *out, ng_rouge_scorer *sc, const char *ref,
                   size_t ref_len, const char *sys, size_t sys_len);

#endif

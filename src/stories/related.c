/* related.c - the stories most like an article ("related articles" in the
 * reader): stories that share the article's terms, found through the term
 * index as when an article joins the set, then scored by the plain
 * IDF-weighted cosine (the --topics score) rather than the event score,
 * since a related story is one on the same subject, not the same event. */
#include "set.h"

_Static_assert(NG_STORY_RELATED_MAX == NG_SET_CANDIDATES,
               "related stories are the candidate search's");

size_t ng_story_set_related(ng_story_set *set, size_t i, size_t *stories, double *scores,
                            size_t max) {
  if (!set || i >= set->narticles || !stories || !max) return 0;
  if (max > NG_STORY_RELATED_MAX) max = NG_STORY_RELATED_MAX;
  const ng_article *a = &set->articles[i];
  /* Every candidate, not only those near the best: the best is the
   * article's own story, which is skipped. */
  uint32_t cand[NG_SET_CANDIDATES];
  size_t nc = ng_set_candidates(set, a->vec, a->nvec, a->story, true, cand);
  size_t n = 0;
  double best[NG_SET_CANDIDATES];
  for (size_t k = 0; k < nc; k++) {
    if (!set->stories[cand[k]].nmembers) continue;
    double c = ng_set_cosine_story(set, a->vec, a->nvec, cand[k]);
    if (c < NG_STORY_RELATED_MIN) continue;
    /* Insert in order, best first (ties: the lower story index first). */
    size_t at = n;
    while (at > 0 && (c > best[at - 1] || (c == best[at - 1] && cand[k] < stories[at - 1])))
      at--;
    if (at >= max) continue;
    size_t last = n < max ? n : max - 1;
    for (size_t q = last; q > at; q--) {
      best[q] = best[q - 1];
      stories[q] = stories[q - 1];
    }
    best[at] = c;
    stories[at] = cand[k];
    if (n < max) n++;
  }
  if (scores)
    for (size_t k = 0; k < n; k++) scores[k] = best[k];
  return n;
}

/* rank_lead.c - the Lead baseline: earlier is better. */
#include "summarize.h"

int ng_rank_lead(double *scores, ng_ctx *ctx, const ng_doc *doc) {
  (void)ctx;
  for (size_t i = 0; i < doc->nsent; i++) scores[i] = 1.0 / (double)(i + 1);
  return NG_OK;
}

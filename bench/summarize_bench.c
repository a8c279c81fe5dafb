/* summarize_bench.c - articles per second of nutgraf's summarizer on one
 * core, in process (no start-up, no JSON): parse + summarize every article
 * of a JSON Lines set, several rounds, median round reported.
 *
 *   summarize_bench DEV.jsonl[.gz] [METHOD [ROUNDS [LIMIT]]]
 *
 * cnndm's tokenized one-line articles are split into sentences first, as
 * `nutgraf eval summarize --set cnndm` does (outside the timed part). */
#include "nutgraf.h"
#include "tool_common.h"

#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: summarize_bench DEV.jsonl[.gz] [METHOD [ROUNDS [LIMIT]]]\n");
    return 2;
  }
  ng_method method = NG_METHOD_DEFAULT;
  if (argc > 2 && ng_method_from_name(&method, argv[2])) return 2;
  int rounds = argc > 3 ? atoi(argv[3]) : 5;
  size_t limit = argc > 4 ? (size_t)atol(argv[4]) : 0;
  if (rounds < 1 || rounds > 101) rounds = 5;
  char **texts = NULL;
  size_t *lens = NULL, bytes = 0;
  size_t n = tc_load_articles(argv[1], limit, &texts, &lens, &bytes);
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL) || n == 0) return 1;
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  so.method = method;
  so.max_sentences = 3;
  ng_doc_options dopts = NG_DOC_OPTIONS_INIT;
  dopts.lang = NG_LANG_EN;
  dopts.flags = NG_DOC_NO_TITLE;
  double times[101];
  size_t picked = 0;
  for (int round = 0; round < rounds; round++) {
    double t0 = tc_cpu_seconds();
    for (size_t i = 0; i < n; i++) {
      ng_doc *doc = NULL;
      ng_summary *s = NULL;
      if (ng_doc_parse(&doc, ctx, texts[i], lens[i], &dopts, NULL) == NG_OK &&
          ng_summarize(&s, ctx, doc, &so, NULL) == NG_OK)
        picked += ng_summary_count(s);
      ng_summary_free(s);
      ng_doc_free(doc);
    }
    times[round] = tc_cpu_seconds() - t0;
  }
  qsort(times, (size_t)rounds, sizeof(double), tc_cmp_double);
  double med = times[rounds / 2];
  printf("nutgraf %s: %zu articles (%.1f MB), median of %d rounds %.3f s CPU: "
         "%.0f articles/s, %.1f MB/s (%zu sentences picked)\n",
         ng_method_name(method), n, (double)bytes / 1e6, rounds, med,
         (double)n / med, (double)bytes / 1e6 / med, picked / (size_t)rounds);
  for (size_t i = 0; i < n; i++) free(texts[i]);
  free(texts);
  free(lens);
  ng_ctx_free(ctx);
  return 0;
}

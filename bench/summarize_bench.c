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
#include <time.h>

/* CPU time of this process: on a shared machine wall-clock time counts
 * other people's work; CPU time is what one core spent on ours. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

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
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
      ng_doc *doc = NULL;
      ng_summary *s = NULL;
      if (ng_doc_parse(&doc, ctx, texts[i], lens[i], &dopts, NULL) == NG_OK &&
          ng_summarize(&s, ctx, doc, &so, NULL) == NG_OK)
        picked += ng_summary_count(s);
      ng_summary_free(s);
      ng_doc_free(doc);
    }
    times[round] = now() - t0;
  }
  qsort(times, (size_t)rounds, sizeof(double), cmp_d);
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

/* ots_bench.c - articles per second of the Open Text Summarizer library
 * (libots-1, Debian libots-dev) on the same articles as summarize_bench:
 * load the English dictionary, parse, grade, highlight 20% (ots's
 * default), get the text; median of several rounds.
 *
 *   ots_bench DEV.jsonl[.gz] [ROUNDS [LIMIT]]
 *
 * libots.h includes glib.h, whose headers (libglib2.0-dev) the machine
 * lacks, so the few calls used are declared here from libots.h; they are
 * linked against the installed libots-1.so.0 and libglib-2.0.so.0. */
#include "tool_common.h"

#include <stdio.h>

typedef struct OtsArticle OtsArticle;
OtsArticle *ots_new_article(void);
void ots_free_article(OtsArticle *art);
int ots_load_xml_dictionary(OtsArticle *doc, const unsigned char *name);
void ots_parse_stream(const unsigned char *utf8, size_t len, OtsArticle *doc);
void ots_grade_doc(OtsArticle *doc);
void ots_highlight_doc(OtsArticle *doc, int percent);
unsigned char *ots_get_doc_text(const OtsArticle *doc, size_t *out_len);
void g_free(void *p);

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: ots_bench DEV.jsonl[.gz] [ROUNDS [LIMIT]]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 3;
  size_t limit = argc > 3 ? (size_t)atol(argv[3]) : 0;
  if (rounds < 1 || rounds > 101) rounds = 3;
  char **texts = NULL;
  size_t *lens = NULL, bytes = 0;
  size_t n = tc_load_articles(argv[1], limit, &texts, &lens, &bytes);
  double times[101];
  size_t out_bytes = 0;
  for (int round = 0; round < rounds; round++) {
    double t0 = tc_cpu_seconds();
    for (size_t i = 0; i < n; i++) {
      OtsArticle *art = ots_new_article();
      if (!ots_load_xml_dictionary(art, (const unsigned char *)"en")) {
        fprintf(stderr, "ots_bench: no English dictionary\n");
        return 1;
      }
      ots_parse_stream((const unsigned char *)texts[i], lens[i], art);
      ots_grade_doc(art);
      ots_highlight_doc(art, 20);
      size_t len = 0;
      unsigned char *t = ots_get_doc_text(art, &len);
      out_bytes += len;
      g_free(t);
      ots_free_article(art);
    }
    times[round] = tc_cpu_seconds() - t0;
  }
  qsort(times, (size_t)rounds, sizeof(double), tc_cmp_double);
  double med = times[rounds / 2];
  printf("libots: %zu articles (%.1f MB), median of %d rounds %.3f s CPU: "
         "%.0f articles/s, %.1f MB/s\n",
         n, (double)bytes / 1e6, rounds, med, (double)n / med,
         (double)bytes / 1e6 / med);
  (void)out_bytes;
  for (size_t i = 0; i < n; i++) free(texts[i]);
  free(texts);
  free(lens);
  return 0;
}

/* extract_bench.c - pages per second of nutgraf's HTML extraction on one
 * core, in process (no start-up, no output), and of the bare myhtml parse
 * of the same pages, for the "extraction <= 2x parse" check.
 *
 *   extract_bench DIR [extract|extract-body|parse|parse-reuse] [ROUNDS]
 *
 * extract is ng_extract as a summarizing caller uses it (the body's
 * sentences, tokens and stems included); extract-body is what `nutgraf
 * extract` without --summary does (NG_EXTRACT_BODY_ONLY).
 * DIR holds the pages (*.html; extraction-dev's pages/ folder). All pages
 * are read into memory first; each round runs over all of them; the median
 * round is reported, with the peak RSS of the process and the RSS before
 * the first round (so peak - base is the working memory). One ng_ctx is
 * reused for all pages, as a server worker would. */
#define _DEFAULT_SOURCE
#include "nutgraf.h"

#include <dirent.h>
#include <myhtml/api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int cmp_s(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static long rss_kib(const char *field) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long v = -1;
  size_t fl = strlen(field);
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, field, fl) == 0) v = atol(line + fl);
  if (f) fclose(f);
  return v;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
    free(p);
    p = NULL;
  }
  fclose(f);
  if (p) *len = (size_t)n;
  return p;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: extract_bench DIR [extract|extract-body|parse|parse-reuse] [ROUNDS]\n");
    return 2;
  }
  const char *mode = argc > 2 ? argv[2] : "extract";
  int rounds = argc > 3 ? atoi(argv[3]) : 5;
  if (rounds < 1 || rounds > 101) rounds = 5;
  DIR *d = opendir(argv[1]);
  if (!d) {
    perror(argv[1]);
    return 1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l < 6 || strcmp(e->d_name + l - 5, ".html") != 0) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      names = realloc(names, cap * sizeof *names);
    }
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_s);
  char **pages = malloc(n * sizeof *pages);
  size_t *lens = malloc(n * sizeof *lens), bytes = 0;
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
    pages[i] = read_file(path, &lens[i]);
    if (!pages[i]) {
      perror(path);
      return 1;
    }
    bytes += lens[i];
  }
  long base = rss_kib("VmRSS:");
  double *t = malloc((size_t)rounds * sizeof *t);
  size_t failed = 0, listings = 0, out_bytes = 0;
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) return 1;
  myhtml_t *mh = NULL;
  myhtml_tree_t *tree = NULL;
  if (strcmp(mode, "parse-reuse") == 0) {
    mh = myhtml_create();
    myhtml_init(mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    tree = myhtml_tree_create();
    myhtml_tree_init(tree, mh);
  }
  for (int r = 0; r < rounds; r++) {
    failed = listings = out_bytes = 0;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
      if (strncmp(mode, "extract", 7) == 0) {
        ng_article *a = NULL;
        ng_extract_options o = NG_EXTRACT_OPTIONS_INIT;
        o.kind = NG_INPUT_HTML;
        if (strcmp(mode, "extract-body") == 0) o.flags |= NG_EXTRACT_BODY_ONLY;
        if (ng_extract(&a, ctx, pages[i], lens[i], &o, NULL)) {
          failed++;
          continue;
        }
        if (ng_article_type(a) == NG_PAGE_LISTING) listings++;
        const ng_doc *doc = ng_article_doc(a);
        size_t l = 0;
        if (doc) ng_doc_text(doc, &l);
        out_bytes += l;
        ng_article_free(a);
      } else if (strcmp(mode, "parse") == 0) {
        /* What html_parse.c does: a parser per page, UTF-8 input. */
        myhtml_t *p = myhtml_create();
        myhtml_init(p, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
        myhtml_tree_t *tr = myhtml_tree_create();
        myhtml_tree_init(tr, p);
        if (myhtml_parse(tr, MyENCODING_UTF_8, pages[i], lens[i])) failed++;
        myhtml_tree_destroy(tr);
        myhtml_destroy(p);
      } else {
        if (myhtml_parse(tree, MyENCODING_UTF_8, pages[i], lens[i])) failed++;
        myhtml_tree_clean(tree);
      }
    }
    t[r] = now() - t0;
  }
  qsort(t, (size_t)rounds, sizeof *t, cmp_d);
  double med = t[rounds / 2];
  printf("mode %s: %zu pages, %.1f MB, %d rounds\n", mode, n, (double)bytes / 1e6,
         rounds);
  printf("median round %.3f s (min %.3f, max %.3f): %.0f pages/s, %.1f MB/s, "
         "%.1f us/page\n",
         med, t[0], t[rounds - 1], (double)n / med, (double)bytes / 1e6 / med,
         med / (double)n * 1e6);
  if (strncmp(mode, "extract", 7) == 0)
    printf("failed %zu, listings %zu, body text %.1f MB\n", failed, listings,
           (double)out_bytes / 1e6);
  printf("RSS before first round %ld KiB, peak %ld KiB (working memory %ld KiB)\n",
         base, rss_kib("VmHWM:"), rss_kib("VmHWM:") - base);
  if (tree) myhtml_tree_destroy(tree);
  if (mh) myhtml_destroy(mh);
  ng_ctx_free(ctx);
  for (size_t i = 0; i < n; i++) {
    free(pages[i]);
    free(names[i]);
  }
  free(pages);
  free(lens);
  free(names);
  free(t);
  return 0;
}

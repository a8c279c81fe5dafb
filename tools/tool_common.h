/* tool_common.h - what the generators in tools/ share: reading JSON Lines
 * (plain or gzipped) one object at a time, and turning cnndm's tokenized
 * one-line text into one sentence per paragraph, and timing the benches (the same rule as
 * `nutgraf eval summarize --set cnndm`, cli/cmd_eval.c). Header-only:
 * each tool is a single C file. */
#ifndef NG_TOOL_COMMON_H
#define NG_TOOL_COMMON_H

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

/* CPU time of this process: on a shared machine wall-clock time counts
 * other people's work; CPU time is what one core spent on ours. */
static inline double tc_cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* qsort order of doubles (for medians of rounds). */
static inline int tc_cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

typedef struct jl_reader {
  gzFile f;
  char *line;
  size_t cap;
} jl_reader;

static inline int jl_open(jl_reader *r, const char *path) {
  memset(r, 0, sizeof *r);
  r->f = gzopen(path, "rb");
  if (!r->f) return -1;
  gzbuffer(r->f, 1 << 17);
  r->cap = 1 << 16;
  r->line = malloc(r->cap);
  return r->line ? 0 : -1;
}

/* The next object, or NULL at the end (the caller json_decref()s it). */
static inline json_t *jl_next(jl_reader *r) {
  for (;;) {
    size_t len = 0;
    while (gzgets(r->f, r->line + len, (int)(r->cap - len))) {
      len += strlen(r->line + len);
      if (r->line[len - 1] == '\n') break;
      char *nl = realloc(r->line, r->cap * 2);
      if (!nl) return NULL;
      r->line = nl;
      r->cap *= 2;
    }
    if (!len) return NULL;
    json_t *v = json_loadb(r->line, len, 0, NULL);
    if (v && json_is_object(v)) return v;
    json_decref(v);
  }
}

static inline void jl_close(jl_reader *r) {
  if (r->f) gzclose(r->f);
  free(r->line);
}

static inline bool tc_is_term(const char *s, size_t n) {
  if (!n) return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] != '.' && s[i] != '!' && s[i] != '?') return false;
  return true;
}

/* A blank line after every `.`/`!`/`?` token and the closing quote or
 * bracket tokens that close something opened in its sentence. Returns a
 * malloc'd string of *out_len bytes. */
static inline char *tc_presplit(const char *a, size_t n, size_t *out_len) {
  char *o = malloc(2 * n + 2);
  if (!o) return NULL;
  size_t w = 0, i = 0;
  int quotes = 0, parens = 0;
  bool pending = false;
  while (i < n) {
    while (i < n && a[i] == ' ') i++;
    size_t s = i;
    while (i < n && a[i] != ' ') i++;
    if (i == s) break;
    const char *t = a + s;
    size_t tl = i - s;
    bool closer = (tl == 1 && (t[0] == '"' || t[0] == ')' || t[0] == '\'')) ||
                  (tl == 2 && t[0] == '\'' && t[1] == '\'') ||
                  (tl == 5 && memcmp(t, "-rrb-", 5) == 0);
    if (pending) {
      bool closes = closer && ((t[0] == '"' && quotes % 2 == 1) ||
                               ((t[0] == ')' || t[0] == '-') && parens > 0) ||
                               (t[0] == '\'' && quotes % 2 == 1));
      if (!closes) {
        o[w++] = '\n';
        o[w++] = '\n';
        quotes = parens = 0;
        pending = false;
      }
    }
    if (w && o[w - 1] != '\n') o[w++] = ' ';
    memcpy(o + w, t, tl);
    w += tl;
    if (tl == 1 && t[0] == '"') quotes++;
    else if (tl == 2 && (memcmp(t, "``", 2) == 0 || memcmp(t, "''", 2) == 0))
      quotes++;
    else if ((tl == 1 && t[0] == '(') || (tl == 5 && memcmp(t, "-lrb-", 5) == 0))
      parens++;
    else if (closer && t[0] != '\'' && t[0] != '"' && parens > 0)
      parens--;
    if (tc_is_term(t, tl)) pending = true;
  }
  o[w] = '\0';
  *out_len = w;
  return o;
}

/* The "article" strings of a JSON Lines set (at most `limit`, 0 = all) as
 * malloc'd texts; cnndm's tokenized text is presplit as in training.
 * Returns the count, or 0 on a read error; *bytes sums the lengths. */
static inline size_t tc_load_articles(const char *path, size_t limit, char ***texts_out,
                               size_t **lens_out, size_t *bytes) {
  jl_reader r;
  if (jl_open(&r, path)) return 0;
  char **texts = NULL;
  size_t *lens = NULL, n = 0, cap = 0;
  bool tokenized = strstr(path, "cnndm/") != NULL;
  json_t *v;
  *bytes = 0;
  while ((v = jl_next(&r)) && (!limit || n < limit)) {
    json_t *a = json_object_get(v, "article");
    if (json_is_string(a)) {
      if (n == cap) {
        cap = cap ? cap * 2 : 1024;
        texts = realloc(texts, cap * sizeof *texts);
        lens = realloc(lens, cap * sizeof *lens);
      }
      if (tokenized) {
        texts[n] = tc_presplit(json_string_value(a), json_string_length(a), &lens[n]);
      } else {
        lens[n] = json_string_length(a);
        texts[n] = malloc(lens[n] + 1);
        memcpy(texts[n], json_string_value(a), lens[n] + 1);
      }
      *bytes += lens[n];
      n++;
    }
    json_decref(v);
  }
  jl_close(&r);
  *texts_out = texts;
  *lens_out = lens;
  return n;
}

#endif

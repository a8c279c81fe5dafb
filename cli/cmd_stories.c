/* cmd_stories.c - `nutgraf stories`: group articles into stories, list
 * rewrites, write digests; evaluation on ECB+, WikiRef220 and MRPC. */
#include "cli.h"

#include <dirent.h>
#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char stories_usage[] =
    "Usage: nutgraf stories [OPTIONS] FILE...|DIR|FILE.jsonl\n"
    "\n"
    "Group news articles about the same event into stories, in one pass\n"
    "(each article is compared with the stories so far). Input: article files\n"
    "(scraped text or HTML), a directory of them, or JSON Lines with \"id\",\n"
    "\"title\", \"text\" and optional \"date\" (YYYY-MM-DD, a time may follow;\n"
    "an invalid one is reported and ignored) and \"url\" per line; an\n"
    "id given to two articles is warned about (ids name the articles in the\n"
    "output).\n"
    "'-' reads standard input: JSON Lines when it starts with '{' (after\n"
    "white space or a byte order mark), else one article.\n"
    "\n"
    "Output (default: one block per story with its articles):\n"
    "      --json           {\"stories\":[{\"id\",\"headline\",\"articles\":[ids],\n"
    "                       \"entities\":[{kind,name}]}]}; with --digest, also\n"
    "                       \"digest\":[{\"article\",\"sentence\",\"text\"}]; with\n"
    "                       --pairs, \"pairs\":[{\"a\",\"b\",\"score\",\n"
    "                       \"resemblance\",\"aligned\":[{\"a\",\"b\",\"score\"}]}]\n"
    "      --pairs          article pairs that copy or rewrite each other, with\n"
    "                       a score and the aligned sentences\n"
    "      --digest         per story a headline and a summary across sources,\n"
    "                       one sentence per fact, source named, in time order\n"
    "  -n, --sentences N    digest length (default 5; with --words, up to 64)\n"
    "  -w, --words W        digest: at most W words (sentences are never cut; a\n"
    "                       story with none that fits says so)\n"
    "  -t, --threshold T    score needed to join a story, 0 < T <= 1 (default\n"
    "                       0.35, the probability of reporting the story's\n"
    "                       event; with --topics 0.12)\n"
    "      --topics         group by broad topic rather than by event (a\n"
    "                       cosine, threshold 0.12; 400 terms per article)\n"
    "      --one            the articles are one story: no grouping (with\n"
    "                       --digest, a digest across all of them)\n"
    "      --min-score S    --pairs: smallest pair score shown, 0 <= S <= 1\n"
    "                       (default 0.3)\n"
    "\n"
    "Evaluation (JSON Lines with gold labels):\n"
    "      --eval           score the grouping against \"cluster\" (and \"topic\"):\n"
    "                       B-cubed P/R/F1 and pairwise P/R/F1\n"
    "      --eval-mrpc      FILE is MRPC pairs {a, b, label, orig_split}: accuracy\n"
    "                       and F1 of the rewrite model on orig_split \"test\"\n"
    "                       (no pair in FILE is an error)\n"
    "      --repeat N       feed the articles again with new ids until N are in\n"
    "                       (throughput); prints articles/s on standard error\n"
    "  -q, --quiet          no progress or timing on standard error\n"
    "  -h, --help           this text\n"
    "\n"
    "Exit status: 0 success, 1 bad input or I/O error (an input that is not an\n"
    "article is reported and the rest grouped, with status 1), 2 usage error.\n";

typedef struct item {
  char *id;
  char *date;
  char *gold;  /* "cluster" */
  char *topic; /* "topic" */
  char *text;  /* title + body as one text */
  size_t len;
} item;

typedef struct items {
  item *v;
  size_t n, cap;
} items;

static int push(items *l, item *it) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    item *v = realloc(l->v, cap * sizeof *v);
    if (!v) return -1;
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = *it;
  return 0;
}

static char *dup_json_str(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  if (!v) return NULL;
  if (json_is_string(v)) return strdup(json_string_value(v));
  if (json_is_integer(v)) {
    char b[32];
    snprintf(b, sizeof b, "%lld", (long long)json_integer_value(v));
    return strdup(b);
  }
  return NULL;
}

static int read_jsonl(const char *path, items *out) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open", path);
    return EXIT_FAIL;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0, len = 0;
  int rc = EXIT_OK, got;
  while ((got = cli_getline(&line, &cap, &len, f, cli_line_limit(NG_DEFAULT_MAX_BYTES))) != CLI_LINE_END) {
    lineno++;
    if (got == CLI_LINE_ERROR) {
      cli_error("%s:%zu: read error or out of memory", path, lineno);
      rc = EXIT_FAIL;
      break;
    }
    if (got == CLI_LINE_LONG) {
      cli_error("%s:%zu: line longer than %zu bytes, skipped", path, lineno,
                cli_line_limit(NG_DEFAULT_MAX_BYTES));
      rc = EXIT_FAIL;
      continue;
    }
    if (len == 0) continue;
    json_error_t jerr;
    json_t *v = json_loadb(line, len, 0, &jerr);
    if (!v || !json_is_object(v)) {
      cli_error("%s:%zu: not a JSON object", path, lineno);
      json_decref(v);
      rc = EXIT_FAIL;
      continue;
    }
    const char *title = json_string_value(json_object_get(v, "title"));
    const char *text = json_string_value(json_object_get(v, "text"));
    if (!text) text = json_string_value(json_object_get(v, "article"));
    if (!text) text = "";
    if (!title) title = "";
    size_t tl = strlen(title), xl = strlen(text);
    item it;
    memset(&it, 0, sizeof it);
    it.id = dup_json_str(v, "id");
    it.date = dup_json_str(v, "date");
    it.gold = dup_json_str(v, "cluster");
    it.topic = dup_json_str(v, "topic");
    /* The title line first, unless the text already opens with it. */
    bool has_title = tl && !(xl >= tl && memcmp(text, title, tl) == 0);
    it.len = (has_title ? tl + 2 : 0) + xl;
    it.text = malloc(it.len + 1);
    if (!it.text) {
      json_decref(v);
      rc = EXIT_FAIL;
      break;
    }
    size_t o = 0;
    if (has_title) {
      memcpy(it.text, title, tl);
      memcpy(it.text + tl, "\n\n", 2);
      o = tl + 2;
    }
    memcpy(it.text + o, text, xl);
    it.text[it.len] = '\0';
    if (!it.id) {
      char b[32];
      snprintf(b, sizeof b, "%s:%zu", path, lineno);
      it.id = strdup(b);
    }
    if (!it.id) { /* out of memory: the warnings below compare ids */
      cli_error("%s:%zu: out of memory", path, lineno);
      free(it.text);
      free(it.date);
      free(it.gold);
      free(it.topic);
      json_decref(v);
      rc = EXIT_FAIL;
      break;
    }
    if (it.date && !cli_date_valid(it.date)) {
      /* A warning: the article still counts, with its page's own date if
       * it has one. The value is shown as JSON, so it stays one line. */
      char *shown = json_dumps(json_object_get(v, "date"), JSON_ENCODE_ANY);
      cli_error("%s:%zu: %s: \"date\" %s is not a date YYYY-MM-DD, ignored", path, lineno,
                it.id ? it.id : "?", shown ? shown : "");
      free(shown);
      free(it.date);
      it.date = NULL;
    }
    json_decref(v);
    if (push(out, &it)) {
      rc = EXIT_FAIL;
      break;
    }
  }
  free(line);
  if (f != stdin) fclose(f);
  return rc;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_file(const char *path, items *out) {
  item it;
  memset(&it, 0, sizeof it);
  if (cli_read(path, NG_DEFAULT_MAX_BYTES, &it.text, &it.len)) return EXIT_FAIL;
  const char *base = strrchr(path, '/');
  it.id = strdup(base ? base + 1 : path);
  if (!it.id || push(out, &it)) {
    free(it.text);
    free(it.id);
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

static bool is_jsonl(const char *path) {
  size_t n = strlen(path);
  return (n > 6 && strcmp(path + n - 6, ".jsonl") == 0);
}

/* Standard input holds JSON Lines when its first byte other than white
 * space and a UTF-8 byte order mark is '{' (an article's is not). The
 * bytes read before it are kept in *pre (at most 64): an article read
 * from standard input then starts with them again. */
static bool stdin_is_jsonl(char *pre, size_t *npre) {
  *npre = 0;
  int c;
  while ((c = getc(stdin)) != EOF && *npre < 64 &&
         (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xef || c == 0xbb || c == 0xbf))
    pre[(*npre)++] = (char)c;
  if (c == EOF) return false;
  ungetc(c, stdin);
  return c == '{';
}

/* An article read from standard input after stdin_is_jsonl: its text
 * starts with the bytes that call read. */
static int read_stdin_article(const char *pre, size_t npre, items *out) {
  if (read_file("-", out)) return EXIT_FAIL;
  item *it = &out->v[out->n - 1];
  if (!npre) return EXIT_OK;
  char *t = realloc(it->text, it->len + npre + 1);
  if (!t) {
    cli_error("standard input: out of memory");
    return EXIT_FAIL;
  }
  memmove(t + npre, t, it->len);
  memcpy(t, pre, npre);
  t[it->len + npre] = '\0';
  it->text = t;
  it->len += npre;
  return EXIT_OK;
}

/* Ids name the articles in every output: an id given to two articles is
 * worth a warning (at most five lines), though both are grouped. */
static void warn_duplicate_ids(const items *in) {
  if (in->n < 2) return;
  char **ids = malloc(in->n * sizeof *ids);
  if (!ids) return;
  for (size_t i = 0; i < in->n; i++) ids[i] = in->v[i].id;
  qsort(ids, in->n, sizeof *ids, cmp_str);
  size_t shown = 0, more = 0;
  for (size_t i = 1; i < in->n; i++) {
    if (strcmp(ids[i], ids[i - 1]) != 0 || (i > 1 && strcmp(ids[i - 1], ids[i - 2]) == 0)) continue;
    if (shown < 5) {
      fprintf(stderr, "nutgraf: warning: id '%s' names more than one article\n", ids[i]);
      shown++;
    } else {
      more++;
    }
  }
  if (more) fprintf(stderr, "nutgraf: warning: %zu more ids name more than one article\n", more);
  free(ids);
}

static int read_inputs(char **paths, int n, items *out) {
  int status = EXIT_OK;
  for (int i = 0; i < n; i++) {
    struct stat st;
    if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      DIR *d = opendir(paths[i]);
      if (!d) {
        cli_error("%s: cannot open directory", paths[i]);
        status = EXIT_FAIL;
        continue;
      }
      char **names = NULL;
      size_t nn = 0, cap = 0;
      struct dirent *e;
      while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (nn == cap) {
          cap = cap ? cap * 2 : 64;
          char **nv = realloc(names, cap * sizeof *nv);
          if (!nv) break;
          names = nv;
        }
        size_t l = strlen(paths[i]) + strlen(e->d_name) + 2;
        names[nn] = malloc(l);
        if (!names[nn]) break;
        snprintf(names[nn], l, "%s/%s", paths[i], e->d_name);
        nn++;
      }
      closedir(d);
      if (nn) qsort(names, nn, sizeof *names, cmp_str);
      for (size_t k = 0; k < nn; k++) {
        if (stat(names[k], &st) == 0 && S_ISREG(st.st_mode)) {
          int rc = is_jsonl(names[k]) ? read_jsonl(names[k], out) : read_file(names[k], out);
          if (rc) status = EXIT_FAIL;
        }
        free(names[k]);
      }
      free(names);
    } else if (strcmp(paths[i], "-") == 0) {
      char pre[64];
      size_t npre;
      if (stdin_is_jsonl(pre, &npre) ? read_jsonl("-", out) : read_stdin_article(pre, npre, out))
        status = EXIT_FAIL;
    } else if (is_jsonl(paths[i])) {
      if (read_jsonl(paths[i], out)) status = EXIT_FAIL;
    } else {
      if (read_file(paths[i], out)) status = EXIT_FAIL;
    }
  }
  return status;
}

static void free_items(items *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->v[i].id);
    free(l->v[i].date);
    free(l->v[i].gold);
    free(l->v[i].topic);
    free(l->v[i].text);
  }
  free(l->v);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- scores ------------------------------------------------------------ */

/* B-cubed and pairwise P/R/F1 of a system labelling against gold labels
 * (strings), over n items. Quadratic: for evaluation sets only. */
static void score_clusters(const size_t *sys, char *const *gold, size_t n,
                           const char *level) {
  double bp = 0, br = 0;
  double both = 0, in_sys = 0, in_gold = 0;
  for (size_t i = 0; i < n; i++) {
    size_t s = 0, g = 0, sg = 0;
    for (size_t j = 0; j < n; j++) {
      bool ss = sys[i] == sys[j];
      bool gg = strcmp(gold[i], gold[j]) == 0;
      s += ss;
      g += gg;
      sg += ss && gg;
      if (j > i) {
        both += ss && gg;
        in_sys += ss;
        in_gold += gg;
      }
    }
    bp += (double)sg / (double)s;
    br += (double)sg / (double)g;
  }
  bp /= (double)n;
  br /= (double)n;
  double bf = bp + br > 0 ? 2 * bp * br / (bp + br) : 0;
  double pp = in_sys > 0 ? both / in_sys : 1.0, pr = in_gold > 0 ? both / in_gold : 1.0;
  double pf = pp + pr > 0 ? 2 * pp * pr / (pp + pr) : 0;
  printf("%-8s B-cubed P %.3f R %.3f F1 %.3f   pairwise P %.3f R %.3f F1 %.3f\n",
         level, bp, br, bf, pp, pr, pf);
}

static int eval_mrpc(const char *path, int quiet) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open", path);
    return EXIT_FAIL;
  }
  typedef struct pr {
    char *a, *b;
    int label, test;
  } pr;
  pr *v = NULL;
  size_t n = 0, cap = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t r;
  while ((r = getline(&line, &lcap, f)) >= 0) {
    json_t *o = json_loadb(line, (size_t)r, 0, NULL);
    if (!o) continue;
    const char *a = json_string_value(json_object_get(o, "a"));
    const char *b = json_string_value(json_object_get(o, "b"));
    const char *sp = json_string_value(json_object_get(o, "orig_split"));
    json_t *lab = json_object_get(o, "label");
    if (a && b && json_is_integer(lab)) {
      if (n == cap) {
        cap = cap ? cap * 2 : 1024;
        pr *nv = realloc(v, cap * sizeof *nv);
        if (!nv) break;
        v = nv;
      }
      v[n].a = strdup(a);
      v[n].b = strdup(b);
      v[n].label = (int)json_integer_value(lab);
      v[n].test = sp && strcmp(sp, "test") == 0;
      n++;
    }
    json_decref(o);
  }
  free(line);
  fclose(f);
  ng_ctx *ctx = NULL;
  ng_story_set *set = NULL;
  int status = EXIT_OK;
  if (n == 0) {
    cli_error("%s: no pair to score (JSON Lines with \"a\", \"b\" and an integer \"label\")",
              path);
    status = EXIT_FAIL;
    goto done;
  }
  if (ng_ctx_new(&ctx, NULL, NULL) || ng_story_set_new(&set, ctx, NULL, NULL)) {
    cli_error("out of memory");
    status = EXIT_FAIL;
    goto done;
  }
  /* Document frequencies: every sentence is a document (no labels). */
  for (size_t i = 0; i < 2 * n; i++) {
    const char *t = i % 2 ? v[i / 2].b : v[i / 2].a;
    ng_doc_options dopt = NG_DOC_OPTIONS_INIT;
    dopt.lang = NG_LANG_EN;
    dopt.flags = NG_DOC_KEEP_FURNITURE | NG_DOC_NO_TITLE;
    ng_doc *doc = NULL;
    if (ng_doc_parse(&doc, ctx, t, strlen(t), &dopt, NULL) == NG_OK)
      ng_story_set_add(set, doc, NULL, 0, NULL, 0, NULL, NULL);
    ng_doc_free(doc);
  }
  size_t tp[2] = {0, 0}, fp[2] = {0, 0}, fn[2] = {0, 0}, ok[2] = {0, 0}, cnt[2] = {0, 0};
  double t0 = now();
  for (size_t i = 0; i < n; i++) {
    double p = 0;
    if (ng_story_rewrite_score(&p, set, v[i].a, strlen(v[i].a), v[i].b, strlen(v[i].b), NULL))
      continue;
    int yes = p >= 0.5, k = v[i].test;
    cnt[k]++;
    ok[k] += yes == v[i].label;
    tp[k] += yes && v[i].label;
    fp[k] += yes && !v[i].label;
    fn[k] += !yes && v[i].label;
  }
  double dt = now() - t0;
  for (int k = 1; k >= 0; k--) {
    double prec = tp[k] + fp[k] ? (double)tp[k] / (double)(tp[k] + fp[k]) : 0;
    double rec = tp[k] + fn[k] ? (double)tp[k] / (double)(tp[k] + fn[k]) : 0;
    printf("mrpc %-5s (%s) pairs %zu accuracy %.3f F1 %.3f\n", k ? "test" : "train",
           k ? "orig_split test: not trained on" : "orig_split train: fitted on",
           cnt[k], cnt[k] ? (double)ok[k] / (double)cnt[k] : 0.0,
           prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0);
  }
  if (!quiet && dt > 0)
    fprintf(stderr, "nutgraf: %zu pairs in %.2f s, %.0f pairs/s\n", n, dt, (double)n / dt);
done:
  for (size_t i = 0; i < n; i++) {
    free(v[i].a);
    free(v[i].b);
  }
  free(v);
  ng_story_set_free(set);
  ng_ctx_free(ctx);
  return status;
}

/* ---- output ---------------------------------------------------------- */

/* --json; with --digest each story also carries "digest": [{"article",
 * "sentence", "text"}] (its source's id and sentence index). Returns the
 * exit status. */
/* The rewrite pairs as JSON: [{"a","b","score","resemblance","aligned":
 * [{"a","b","score"}]}], or NULL (the failure printed). */
static json_t *pairs_json(ng_story_set *set, double min_score) {
  ng_story_pairs *p = NULL;
  ng_error err = {0, NULL, 0};
  int rc = ng_story_pairs_find(&p, set, min_score, &err);
  if (rc) {
    cli_fail("pairs", rc, &err);
    return NULL;
  }
  json_t *arr = json_array();
  for (size_t i = 0; i < ng_story_pairs_count(p); i++) {
    const ng_story_pair *x = ng_story_pairs_at(p, i);
    json_t *al = json_array();
    for (size_t k = 0; k < x->aligned; k++) {
      const char *a, *b;
      double sc;
      if (ng_story_pairs_aligned(p, i, k, &a, &b, &sc)) break;
      json_array_append_new(al, json_pack("{s:s,s:s,s:f}", "a", a, "b", b, "score", sc));
    }
    json_array_append_new(arr, json_pack("{s:s,s:s,s:f,s:f,s:o}", "a",
                                          ng_story_set_article_id(set, x->a, NULL), "b",
                                          ng_story_set_article_id(set, x->b, NULL), "score",
                                          x->score, "resemblance", x->resemblance, "aligned", al));
  }
  ng_story_pairs_free(p);
  return arr;
}

static int print_json(ng_story_set *set, bool digest, size_t nsent, size_t nwords, bool pairs,
                      double min_score) {
  int status = EXIT_OK;
  json_t *root = json_object(), *arr = json_array();
  json_object_set_new(root, "stories", arr);
  if (pairs) {
    json_t *pj = pairs_json(set, min_score);
    if (pj) json_object_set_new(root, "pairs", pj);
    else status = EXIT_FAIL;
  }
  for (size_t s = 0; s < ng_story_set_count(set); s++) {
    json_t *o = json_object(), *ids = json_array(), *ents = json_array();
    json_object_set_new(o, "id", json_integer((json_int_t)s + 1));
    json_object_set_new(o, "headline", json_string(ng_story_headline(set, s, NULL)));
    for (size_t k = 0; k < ng_story_size(set, s); k++)
      json_array_append_new(ids, json_string(ng_story_set_article_id(set, ng_story_article(set, s, k), NULL)));
    json_object_set_new(o, "articles", ids);
    for (size_t k = 0; k < ng_story_entity_count(set, s) && k < 12; k++) {
      const ng_entity *e = ng_story_entity(set, s, k);
      json_t *eo = json_object();
      json_object_set_new(eo, "kind", json_string(ng_entity_kind_name(e->kind)));
      json_object_set_new(eo, "name", json_string(e->name));
      json_array_append_new(ents, eo);
    }
    json_object_set_new(o, "entities", ents);
    if (digest) {
      ng_digest *d = NULL;
      ng_error err = {0, NULL, 0};
      int rc = ng_story_digest(&d, set, s, nsent, nwords, &err);
      json_t *dig = json_array();
      for (size_t i = 0; rc == NG_OK && i < ng_digest_count(d); i++) {
        const ng_digest_item *it = ng_digest_at(d, i);
        json_array_append_new(dig, json_pack("{s:s,s:I,s:s%}", "article",
                                               ng_story_set_article_id(set, it->article, NULL),
                                               "sentence", (json_int_t)it->sentence, "text",
                                               it->text, it->len));
      }
      if (rc) status = cli_fail("digest", rc, &err);
      json_object_set_new(o, "digest", dig);
      ng_digest_free(d);
    }
    json_array_append_new(arr, o);
  }
  char *s = json_dumps(root, JSON_COMPACT | JSON_ENSURE_ASCII);
  if (s) {
    cli_write(s, strlen(s));
    cli_write("\n", 1);
  }
  free(s);
  json_decref(root);
  return status;
}

/* "People: A, B. Places: C." from the story's entities. */
static void print_entities(ng_story_set *set, size_t s) {
  static const ng_entity_kind kinds[] = {NG_ENTITY_PERSON, NG_ENTITY_PLACE, NG_ENTITY_ORG};
  static const char *const labels[] = {"People", "Places", "Organizations"};
  for (size_t k = 0; k < 3; k++) {
    size_t shown = 0;
    for (size_t i = 0; i < ng_story_entity_count(set, s) && shown < 8; i++) {
      const ng_entity *e = ng_story_entity(set, s, i);
      if (e->kind != kinds[k]) continue;
      if (shown) printf(", %s", e->name);
      else printf("%s: %s", labels[k], e->name);
      shown++;
    }
    if (shown) printf("\n");
  }
}

static int print_digest(ng_story_set *set, size_t nsent, size_t nwords) {
  int status = EXIT_OK;
  for (size_t s = 0; s < ng_story_set_count(set); s++) {
    ng_digest *d = NULL;
    ng_error err = {0, NULL, 0};
    int rc = ng_story_digest(&d, set, s, nsent, nwords, &err);
    if (rc) {
      status = cli_fail("digest", rc, &err);
      continue;
    }
    printf("%s== %s (%zu article%s)\n", s ? "\n" : "", ng_digest_headline(d, NULL),
           ng_story_size(set, s), ng_story_size(set, s) == 1 ? "" : "s");
    print_entities(set, s);
    /* Sentences are never cut, so a small --words can leave none. */
    if (ng_digest_count(d) == 0) {
      if (nwords)
        printf("(no sentence of this story fits in %zu words; see --words)\n", nwords);
      else
        printf("(no sentence of this story to quote)\n");
    }
    for (size_t i = 0; i < ng_digest_count(d); i++) {
      const ng_digest_item *it = ng_digest_at(d, i);
      printf("- %s [%s]\n", it->text, ng_story_set_article_id(set, it->article, NULL));
    }
    ng_digest_free(d);
  }
  return status;
}

static int print_pairs(ng_story_set *set, double min_score, bool quiet) {
  ng_story_pairs *p = NULL;
  ng_error err = {0, NULL, 0};
  int rc = ng_story_pairs_find(&p, set, min_score, &err);
  if (rc) return cli_fail("pairs", rc, &err);
  if (!quiet && ng_story_pairs_count(p) == 0)
    cli_error("no pair of articles in one story copies or rewrites the other (score >= %.2f)",
              min_score);
  for (size_t i = 0; i < ng_story_pairs_count(p); i++) {
    const ng_story_pair *x = ng_story_pairs_at(p, i);
    printf("%.3f\t%.3f\t%s\t%s\t%zu aligned\n", x->score, x->resemblance,
           ng_story_set_article_id(set, x->a, NULL), ng_story_set_article_id(set, x->b, NULL),
           x->aligned);
    for (size_t k = 0; k < x->aligned; k++) {
      const char *a, *b;
      double sc;
      if (ng_story_pairs_aligned(p, i, k, &a, &b, &sc)) break;
      printf("  %.2f < %s\n       > %s\n", sc, a, b);
    }
  }
  ng_story_pairs_free(p);
  return EXIT_OK;
}

int cmd_stories(int argc, char **argv) {
  static const struct option longopts[] = {
      {"json", no_argument, NULL, 'J'},
      {"pairs", no_argument, NULL, 'P'},
      {"digest", no_argument, NULL, 'D'},
      {"sentences", required_argument, NULL, 'n'},
      {"words", required_argument, NULL, 'w'},
      {"threshold", required_argument, NULL, 't'},
      {"min-score", required_argument, NULL, 'S'},
      {"eval", no_argument, NULL, 'E'},
      {"eval-mrpc", no_argument, NULL, 'M'},
      {"repeat", required_argument, NULL, 'R'},
      {"topics", no_argument, NULL, 'T'},
      {"one", no_argument, NULL, 'O'},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int json = 0, pairs = 0, digest = 0, eval = 0, mrpc = 0, quiet = 0, c;
  size_t nsent = 0, nwords = 0, repeat = 0;
  double min_score = 0.3;
  ng_story_options so = NG_STORY_OPTIONS_INIT;
  optind = 1;
  while ((c = getopt_long(argc, argv, "n:w:t:qh", longopts, NULL)) != -1) {
    switch (c) {
    case 'J': json = 1; break;
    case 'P': pairs = 1; break;
    case 'D': digest = 1; break;
    case 'E': eval = 1; break;
    case 'M': mrpc = 1; break;
    case 'q': quiet = 1; break;
    case 'T': so.flags |= NG_STORY_TOPICS; break;
    case 'O': so.flags |= NG_STORY_ONE; break;
    case 'n':
      if (cli_opt_count("--sentences", optarg, 1, 64, &nsent)) return EXIT_USAGE;
      break;
    case 'w':
      if (cli_opt_count("--words", optarg, 1, 100000, &nwords)) return EXIT_USAGE;
      break;
    case 'R':
      if (cli_opt_count("--repeat", optarg, 1, 100000000, &repeat)) return EXIT_USAGE;
      break;
    case 't': {
      /* The library reads 0 as "the default": refused, not passed on. */
      char *end;
      double v = strtod(optarg, &end);
      if (end == optarg || *end || !(v > 0.0 && v <= 1.0)) {
        cli_error("--threshold wants a number in (0, 1], not '%s'", optarg);
        return EXIT_USAGE;
      }
      so.threshold = v;
      break;
    }
    case 'S': {
      char *end;
      double v = strtod(optarg, &end);
      if (end == optarg || *end || !(v >= 0.0 && v <= 1.0)) {
        cli_error("--min-score wants a number in [0, 1], not '%s'", optarg);
        return EXIT_USAGE;
      }
      min_score = v;
      break;
    }
    case 'h': fputs(stories_usage, stdout); return EXIT_OK;
    default: return cli_usage_hint("stories");
    }
  }
  if (optind >= argc) {
    cli_error("no input (give FILEs, a directory, a .jsonl file, or - for standard input)");
    return cli_usage_hint("stories");
  }
  if (mrpc) return eval_mrpc(argv[optind], quiet);
  /* Digest length: -n, else up to the library's 64 sentences under a
   * word budget, else 5. */
  size_t digest_len = nsent ? nsent : nwords ? 64 : 5;
  items in = {NULL, 0, 0};
  int status = read_inputs(argv + optind, argc - optind, &in);
  if (!quiet) warn_duplicate_ids(&in);
  if (pairs || digest) so.flags |= NG_STORY_KEEP_SENTENCES;
  ng_ctx *ctx = NULL;
  ng_story_set *set = NULL;
  size_t *sys = NULL;
  ng_error err = {0, NULL, 0};
  if (ng_ctx_new(&ctx, NULL, &err) || ng_story_set_new(&set, ctx, &so, &err)) {
    status = cli_fail("stories", err.code ? err.code : NG_ENOMEM, &err);
    goto done;
  }
  if (in.n == 0 && status == EXIT_OK) {
    /* An empty directory or JSON Lines file: status 0 and no output would
     * read as "no stories" (inputs that failed were reported already). */
    cli_error("no articles in the input");
    status = EXIT_FAIL;
    goto done;
  }
  size_t total = repeat > in.n ? repeat : in.n;
  double t0 = now();
  for (size_t k = 0; k < total && in.n; k++) {
    const item *it = &in.v[k % in.n];
    char idbuf[512];
    const char *id = it->id;
    if (k >= in.n) {
      snprintf(idbuf, sizeof idbuf, "%s#%zu", it->id, k / in.n);
      id = idbuf;
    }
    ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
    ng_article *a = NULL;
    int rc = ng_extract(&a, ctx, it->text, it->len, &eo, &err);
    const ng_doc *doc = rc == NG_OK ? ng_article_doc(a) : NULL;
    if (doc) {
      const char *date = it->date ? it->date : ng_article_field(a, NG_FIELD_DATE, NULL);
      rc = ng_story_set_add(set, doc, id, strlen(id), date, date ? strlen(date) : 0, NULL, &err);
    }
    /* An empty, binary or listing page is reported and skipped: the rest
     * is grouped, and the exit status says that something failed. */
    if (rc) {
      if (!quiet || k < in.n) cli_fail(it->id, rc, &err);
      status = EXIT_FAIL;
    } else if (!doc) {
      if (k < in.n) cli_error("%s: not an article (a listing page)", it->id);
      status = EXIT_FAIL;
    }
    ng_article_free(a);
  }
  double dt = now() - t0;
  if (repeat && !quiet)
    fprintf(stderr, "nutgraf: %zu articles -> %zu stories in %.2f s, %.0f articles/s\n",
            ng_story_set_article_count(set), ng_story_set_count(set), dt,
            dt > 0 ? (double)ng_story_set_article_count(set) / dt : 0.0);
  if (eval) {
    size_t na = ng_story_set_article_count(set);
    size_t n = na < in.n ? na : in.n;
    sys = calloc(n + 1, sizeof *sys);
    char **gold = calloc(n + 1, sizeof *gold), **topic = calloc(n + 1, sizeof *topic);
    bool have_topic = true;
    size_t m = 0;
    /* Articles kept in the set are matched to inputs by id. */
    for (size_t i = 0, j = 0; i < n && sys && gold && topic; i++) {
      const char *id = ng_story_set_article_id(set, i, NULL);
      while (j < in.n && strcmp(in.v[j].id, id) != 0) j++;
      if (j == in.n) continue;
      /* Each input is one article: a repeated id is the next input with
       * it, not the first one again (which would lend it its label). */
      const item *src = &in.v[j++];
      if (!src->gold) continue;
      sys[m] = ng_story_set_article_story(set, i);
      gold[m] = src->gold;
      topic[m] = src->topic;
      if (!topic[m]) have_topic = false;
      m++;
    }
    if (m == 0) {
      cli_error("--eval: no article with a \"cluster\" label");
      status = EXIT_FAIL;
    } else {
      printf("%zu articles, %zu stories\n", m, ng_story_set_count(set));
      score_clusters(sys, gold, m, "story");
      if (have_topic) score_clusters(sys, topic, m, "topic");
    }
    free(gold);
    free(topic);
  } else if (json) {
    if (print_json(set, digest, digest_len, nwords, pairs, min_score)) status = EXIT_FAIL;
  } else if (pairs) {
    if (print_pairs(set, min_score, quiet)) status = EXIT_FAIL;
  } else if (digest) {
    if (print_digest(set, digest_len, nwords)) status = EXIT_FAIL;
  } else if (!repeat) {
    for (size_t s = 0; s < ng_story_set_count(set); s++) {
      printf("%sstory %zu: %s\n", s ? "\n" : "", s + 1, ng_story_headline(set, s, NULL));
      for (size_t k = 0; k < ng_story_size(set, s); k++) {
        size_t a = ng_story_article(set, s, k);
        printf("  %s\t%s\n", ng_story_set_article_id(set, a, NULL),
               ng_story_set_article_title(set, a, NULL));
      }
    }
  }
done:
  free(sys);
  ng_story_set_free(set);
  ng_ctx_free(ctx);
  free_items(&in);
  return status;
}

/* cmd_ingest.c - `nutgraf ingest`: extract articles and store them in the
 * server's SQLite database, one transaction per article. */
#include "cli.h"
#include "../server/server.h"

#include <dirent.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char ingest_usage[] =
    "Usage: nutgraf ingest [OPTIONS] FILE...|DIR|-\n"
    "\n"
    "Extract articles (HTML pages or scraped text) and store them in the\n"
    "database `nutgraf serve` reads. Articles whose raw bytes are already\n"
    "stored (same SHA-256) count as duplicates. A failed item is reported\n"
    "and skipped; the batch goes on.\n"
    "\n"
    "Inputs: a FILE is one article; a *.jsonl FILE, or '-' (standard input),\n"
    "is JSON Lines, one object per line with \"text\", \"article\" or\n"
    "\"html\" and optional \"id\", \"url\", \"title\"; a DIR is every file in\n"
    "it (sorted by name, not recursive).\n"
    "\n"
    "  -d, --db PATH        database file (default as for `nutgraf serve`)\n"
    "      --jsonl          read every FILE as JSON Lines\n"
    "      --max-bytes SIZE skip articles larger than SIZE bytes; a suffix k, m\n"
    "                       or g (either case) means KiB, MiB, GiB (default 64M)\n"
    "  -q, --quiet          no progress bar\n"
    "  -h, --help           this text\n"
    "\n"
    "Prints 'N stored, N duplicate, N failed' at the end.\n"
    "Exit status: 0 all stored or duplicate, 1 some failed, 2 usage error.\n";

typedef struct ingest {
  ng_store *st;
  ng_ctx *ctx;
  size_t max_bytes;
  size_t stored, dup, failed, done, total; /* total 0: unknown */
  bool bar;
} ingest;

static void progress(ingest *g, bool last) {
  if (!g->bar) return;
  char bar[31];
  if (g->total) {
    size_t fill = g->done * 30 / g->total;
    for (size_t i = 0; i < 30; i++) bar[i] = i < fill ? '#' : '.';
    bar[30] = '\0';
    fprintf(stderr, "\r[%s] %zu/%zu  stored %zu  dup %zu  failed %zu", bar,
            g->done, g->total, g->stored, g->dup, g->failed);
  } else {
    fprintf(stderr, "\r%zu items  stored %zu  dup %zu  failed %zu", g->done,
            g->stored, g->dup, g->failed);
  }
  if (last) fputc('\n', stderr);
  fflush(stderr);
}

/* Clears the progress line so an error message starts on its own line. */
static void clear_bar(const ingest *g) {
  if (g->bar) fputs("\r\033[K", stderr);
}

static void one(ingest *g, const ng_ingest_input *in, const char *what) {
  int64_t id;
  bool dup;
  ng_error err = {0, NULL, 0};
  int rc = ng_store_ingest(&id, &dup, g->st, g->ctx, in, &err);
  g->done++;
  if (rc) {
    g->failed++;
    clear_bar(g);
    cli_error("%s: %s", what, err.msg ? err.msg : ng_strerror(rc));
  } else if (dup) {
    g->dup++;
  } else {
    g->stored++;
  }
  progress(g, false);
}

static void jsonl_line(ingest *g, const char *name, size_t lineno,
                       const char *line, size_t len) {
  char what[512];
  snprintf(what, sizeof what, "%s:%zu", name, lineno);
  json_error_t jerr;
  json_t *v = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
  const char *msg = NULL;
  json_t *art = NULL;
  ng_ingest_input in;
  memset(&in, 0, sizeof in);
  in.max_bytes = g->max_bytes;
  if (!v) {
    msg = jerr.text;
  } else if (!json_is_object(v)) {
    msg = "line is not a JSON object";
  } else {
    static const struct {
      const char *key;
      ng_input_kind kind;
    } keys[] = {{"html", NG_INPUT_HTML},
                {"text", NG_INPUT_TEXT},
                {"article", NG_INPUT_AUTO}};
    for (size_t i = 0; i < 3 && !art; i++) {
      art = json_object_get(v, keys[i].key);
      in.kind = keys[i].kind;
    }
    if (!art || !json_is_string(art))
      msg = "no \"text\", \"article\" or \"html\" string";
  }
  if (msg) {
    g->done++;
    g->failed++;
    clear_bar(g);
    cli_error("%s: %s", what, msg);
    progress(g, false);
    json_decref(v);
    return;
  }
  in.data = json_string_value(art);
  in.len = json_string_length(art);
  in.url = json_string_value(json_object_get(v, "url"));
  in.title = json_string_value(json_object_get(v, "title"));
  char source[512];
  json_t *id = json_object_get(v, "id");
  if (in.url) {
    in.source = in.url;
  } else if (json_is_string(id)) {
    snprintf(source, sizeof source, "%s#%s", name, json_string_value(id));
    in.source = source;
  } else if (json_is_integer(id)) {
    snprintf(source, sizeof source, "%s#%lld", name,
             (long long)json_integer_value(id));
    in.source = source;
  } else {
    snprintf(source, sizeof source, "%s:%zu", name, lineno);
    in.source = source;
  }
  one(g, &in, what);
  json_decref(v);
}

static int jsonl_file(ingest *g, const char *path) {
  bool std = strcmp(path, "-") == 0;
  const char *name = std ? "stdin" : path;
  FILE *f = std ? stdin : fopen(path, "rb");
  if (!f) {
    clear_bar(g);
    cli_error("%s: cannot open", path);
    g->failed++;
    return EXIT_FAIL;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0, len = 0;
  int got, status = EXIT_OK;
  while ((got = cli_getline(&line, &cap, &len, f, cli_line_limit(g->max_bytes))) != CLI_LINE_END) {
    lineno++;
    if (got == CLI_LINE_LONG || got == CLI_LINE_ERROR) {
      clear_bar(g);
      if (got == CLI_LINE_LONG)
        cli_error("%s:%zu: line longer than twice the size limit (see --max-bytes), skipped", name, lineno);
      else
        cli_error("%s:%zu: read error or out of memory", name, lineno);
      g->failed++;
      status = EXIT_FAIL;
      if (got == CLI_LINE_ERROR) break;
      continue;
    }
    if (len == 0) continue;
    jsonl_line(g, name, lineno, line, len);
  }
  free(line);
  if (!std) fclose(f);
  return status;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void file_item(ingest *g, const char *path, bool jsonl) {
  if (jsonl || ends_with(path, ".jsonl")) {
    jsonl_file(g, path);
    return;
  }
  char *data;
  size_t len;
  clear_bar(g);
  if (cli_read(path, g->max_bytes, &data, &len)) {
    g->done++;
    g->failed++;
    progress(g, false);
    return;
  }
  ng_ingest_input in;
  memset(&in, 0, sizeof in);
  in.data = data;
  in.len = len;
  in.source = path;
  in.kind = ends_with(path, ".html") || ends_with(path, ".htm")
                ? NG_INPUT_HTML
                : NG_INPUT_AUTO;
  in.max_bytes = g->max_bytes;
  one(g, &in, path);
  free(data);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of a folder, sorted (malloc'd paths). */
static char **list_dir(const char *dir, size_t *n) {
  *n = 0;
  DIR *d = opendir(dir);
  if (!d) return NULL;
  char **v = NULL;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    size_t need = strlen(dir) + strlen(e->d_name) + 2;
    char *p = malloc(need);
    if (!p) break;
    snprintf(p, need, "%s/%s", dir, e->d_name);
    struct stat sb;
    if (stat(p, &sb) || !S_ISREG(sb.st_mode)) {
      free(p);
      continue;
    }
    if (*n == cap) {
      cap = cap ? cap * 2 : 64;
      char **nv = realloc(v, cap * sizeof *nv);
      if (!nv) {
        free(p);
        break;
      }
      v = nv;
    }
    v[(*n)++] = p;
  }
  closedir(d);
  if (v) qsort(v, *n, sizeof *v, cmp_str);
  return v;
}

int cmd_ingest(int argc, char **argv) {
  static const struct option longopts[] = {
      {"db", required_argument, NULL, 'd'},
      {"jsonl", no_argument, NULL, 'J'},
      {"max-bytes", required_argument, NULL, 'B'},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  ingest g;
  memset(&g, 0, sizeof g);
  g.max_bytes = NG_DEFAULT_MAX_BYTES;
  const char *db = NULL;
  bool jsonl = false, quiet = false;
  static char dbpath[4096];
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:qh", longopts, NULL)) != -1) {
    switch (c) {
    case 'd': db = optarg; break;
    case 'J': jsonl = true; break;
    case 'B':
      if (cli_opt_bytes("--max-bytes", optarg, &g.max_bytes)) return EXIT_USAGE;
      break;
    case 'q': quiet = true; break;
    case 'h': fputs(ingest_usage, stdout); return EXIT_OK;
    default: return cli_usage_hint("ingest");
    }
  }
  if (optind >= argc) {
    cli_error("no input (give FILEs, a DIR, or '-' for JSON Lines on stdin)");
    return cli_usage_hint("ingest");
  }
  if (!db) {
    if (ng_store_default_path(dbpath, sizeof dbpath)) {
      cli_error("no --db given and no home folder for the default database");
      return EXIT_USAGE;
    }
    db = dbpath;
  }
  char why[512];
  if (ng_store_open(&g.st, db, why, sizeof why)) {
    cli_error("%s", why);
    return EXIT_FAIL;
  }
  if (ng_ctx_new(&g.ctx, NULL, NULL)) {
    ng_store_close(g.st);
    cli_error("out of memory");
    return EXIT_FAIL;
  }
  g.bar = !quiet && isatty(2);

  /* Count the items up front when they are files, for the bar. */
  for (int i = optind; i < argc; i++) {
    struct stat sb;
    if (strcmp(argv[i], "-") == 0 || jsonl || ends_with(argv[i], ".jsonl"))
      continue;
    if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
      size_t n;
      char **v = list_dir(argv[i], &n);
      for (size_t k = 0; k < n; k++) {
        if (!ends_with(v[k], ".jsonl")) g.total++;
        free(v[k]);
      }
      free(v);
    } else {
      g.total++;
    }
  }
  bool any_stream = false;
  for (int i = optind; i < argc; i++)
    if (strcmp(argv[i], "-") == 0 || jsonl || ends_with(argv[i], ".jsonl"))
      any_stream = true;
  if (any_stream) g.total = 0; /* unknown: show a counter, not a bar */

  for (int i = optind; i < argc; i++) {
    struct stat sb;
    if (strcmp(argv[i], "-") == 0) {
      jsonl_file(&g, "-");
    } else if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
      size_t n;
      char **v = list_dir(argv[i], &n);
      if (!v && n == 0) {
        DIR *d = opendir(argv[i]);
        if (!d) {
          clear_bar(&g);
          cli_error("%s: cannot read the folder", argv[i]);
          g.failed++;
        } else {
          closedir(d);
        }
      }
      for (size_t k = 0; k < n; k++) {
        file_item(&g, v[k], jsonl);
        free(v[k]);
      }
      free(v);
    } else {
      file_item(&g, argv[i], jsonl);
    }
  }
  progress(&g, true);
  printf("%zu stored, %zu duplicate, %zu failed\n", g.stored, g.dup, g.failed);
  ng_ctx_free(g.ctx);
  ng_store_close(g.st);
  return g.failed ? EXIT_FAIL : EXIT_OK;
}

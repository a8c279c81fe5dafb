/* cmd_summarize.c - `nutgraf summarize`: one article, several files, or a
 * JSON Lines batch on several threads. */
#include "cli.h"

#include <getopt.h>
#include <stdbool.h>
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char summarize_usage[] =
    "Usage: nutgraf summarize [OPTIONS] [FILE...|-]\n"
    "\n"
    "Print a short extractive summary of a news article: the best sentences,\n"
    "verbatim and in document order. Input is scraped text or an HTML page\n"
    "(detected); with no FILE, or FILE '-', standard input is read.\n"
    "\n"
    "Length (the first limit reached wins; default: 3 sentences, or 2 when\n"
    "those two already carry 60 words):\n"
    "  -n, --sentences N    at most N sentences\n"
    "  -w, --words W        at most W words (sentences are never cut; when no\n"
    "                       sentence fits, that is an error)\n"
    "  -r, --ratio R        at most R (0..1) of the article's sentences\n"
    "\n"
    "Method and input:\n"
    "  -m, --method M       default | lead | textrank | lexrank\n"
    "  -l, --lang CODE      language (en, ru, de, ...); default: detect\n"
    "      --max-bytes SIZE refuse inputs larger than SIZE bytes; a suffix k, m\n"
    "                       or g (either case) means KiB, MiB, GiB (default 64M)\n"
    "\n"
    "Output:\n"
    "      --json           one JSON object per FILE: file (the FILE argument,\n"
    "                       '-' for standard input), method, summary, and per\n"
    "                       sentence its index, byte offset and length,\n"
    "                       score and text\n"
    "      --jsonl          batch: read JSON Lines ({\"id\", \"article\"|\"text\"}\n"
    "                       per line) and write one JSON object per line, in\n"
    "                       input order; a bad line gets {\"id\", \"error\"},\n"
    "                       the batch goes on, and the exit status is 1\n"
    "  -j, --jobs N         threads for --jsonl (default: 1)\n"
    "  -q, --quiet          no progress on standard error\n"
    "  -h, --help           this text\n"
    "\n"
    "Offsets are byte offsets into the input for text input, and for HTML\n"
    "input into the article's text as 'nutgraf extract --json' gives it in\n"
    "\"text\" (the body, without the title).\n"
    "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n";

typedef struct opts {
  ng_summary_options so;
  ng_lang lang;
  size_t max_bytes;
  int json, jsonl, quiet;
  size_t jobs;
} opts;

/* Summarizes one input and appends its rendering to out. An empty summary
 * is an error (NG_EEMPTY): err->msg is then `why`, which says so. */
static int summarize_one(ng_ctx *ctx, const opts *o, const char *data,
                         size_t len, ng_buf *out, ng_error *err, char *why,
                         size_t why_cap) {
  ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
  eo.lang = o->lang;
  eo.max_bytes = o->max_bytes;
  ng_article *a = NULL;
  ng_summary *s = NULL;
  int rc = ng_extract(&a, ctx, data, len, &eo, err);
  if (rc) return rc;
  const ng_doc *doc = ng_article_doc(a);
  if (!doc) {
    err->code = rc = NG_EEMPTY;
    err->msg = "not an article (a listing page)";
    err->offset = 0;
    goto done;
  }
  rc = ng_summarize(&s, ctx, doc, &o->so, err);
  if (rc) goto done;
  if (ng_summary_count(s) == 0) {
    /* Sentences are never cut: under a word limit shorter than every
     * sentence nothing is left, and an empty summary is no success. */
    if (o->so.max_words)
      snprintf(why, why_cap, "no sentence fits in %zu words (see --words)", o->so.max_words);
    else
      snprintf(why, why_cap, "no sentence to quote in the article");
    err->code = rc = NG_EEMPTY;
    err->msg = why;
    err->offset = 0;
    goto done;
  }
  rc = ng_render_summary(out, doc, s, o->json || o->jsonl ? NG_FORMAT_JSON
                                                          : NG_FORMAT_TEXT,
                         err);
done:
  ng_summary_free(s);
  ng_article_free(a);
  return rc;
}

/* The FILE argument as a JSON string (malloc'd), for --json's "file":
 * bytes of the name that are not UTF-8 become U+FFFD. */
static char *file_json(const char *path) {
  ng_buf b = NG_BUF_INIT;
  size_t n = strlen(path), at = 0;
  int bad = 0;
  while (at < n && !bad) {
    ng_error e = {0, NULL, 0};
    if (ng_utf8_check(path + at, n - at, &e) == NG_OK) {
      bad |= ng_buf_put(&b, path + at, n - at);
      break;
    }
    bad |= ng_buf_put(&b, path + at, e.offset) | ng_buf_puts(&b, "\xEF\xBF\xBD");
    at += e.offset + 1;
  }
  json_t *s = bad ? NULL : json_stringn(b.ptr ? b.ptr : "", b.len);
  char *out = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
  json_decref(s);
  ng_buf_dispose(&b);
  return out;
}

/* ---- JSON Lines batch ---------------------------------------------- */

typedef struct item {
  char *line;
  size_t len;
  bool too_long; /* over --max-bytes: dropped, answered with an error */
  bool failed;   /* answered with {"id", "error"} */
  ng_buf out;
} item;

typedef struct batch {
  item *items;
  size_t n;
  size_t next; /* next item to take, under the lock */
  size_t failed; /* lines answered with an error, over all batches */
  pthread_mutex_t lock;
  const opts *o;
} batch;

static void jsonl_one(ng_ctx *ctx, const opts *o, item *it) {
  json_error_t jerr;
  json_t *v = it->too_long ? NULL : json_loadb(it->line, it->len, JSON_REJECT_DUPLICATES, &jerr);
  json_t *id = v && json_is_object(v) ? json_object_get(v, "id") : NULL;
  char *idjson = id ? json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
  const char *msg = NULL;
  char why[96]; /* msg may point here */
  json_t *art = NULL;
  if (it->too_long) msg = "line longer than twice the size limit (see --max-bytes)";
  else if (!v) msg = jerr.text;
  else if (!json_is_object(v)) msg = "line is not a JSON object";
  else {
    art = json_object_get(v, "article");
    if (!art) art = json_object_get(v, "text");
    if (!art || !json_is_string(art)) msg = "no \"article\" or \"text\" string";
  }
  ng_buf_puts(&it->out, "{\"id\":");
  ng_buf_puts(&it->out, idjson ? idjson : "null");
  if (!msg) {
    ng_buf body = NG_BUF_INIT;
    ng_error err = {0, NULL, 0};
    int rc = summarize_one(ctx, o, json_string_value(art), json_string_length(art),
                           &body, &err, why, sizeof why);
    if (rc == NG_OK && body.len > 1) {
      ng_buf_puts(&it->out, ",");
      ng_buf_put(&it->out, body.ptr + 1, body.len - 1); /* drop its '{' */
    } else {
      msg = err.msg ? err.msg : ng_strerror(rc);
    }
    ng_buf_dispose(&body);
  }
  if (msg) {
    it->failed = true;
    json_t *m = json_string(msg);
    char *mj = m ? json_dumps(m, JSON_ENCODE_ANY) : NULL;
    ng_buf_puts(&it->out, ",\"error\":");
    ng_buf_puts(&it->out, mj ? mj : "\"error\"");
    ng_buf_puts(&it->out, "}");
    free(mj);
    json_decref(m);
  }
  ng_buf_puts(&it->out, "\n");
  free(idjson);
  json_decref(v);
}

static void *worker(void *arg) {
  batch *b = arg;
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) return NULL;
  for (;;) {
    pthread_mutex_lock(&b->lock);
    size_t i = b->next++;
    pthread_mutex_unlock(&b->lock);
    if (i >= b->n) break;
    jsonl_one(ctx, b->o, &b->items[i]);
  }
  ng_ctx_free(ctx);
  return NULL;
}

#define BATCH_LINES 512

static int run_batch(batch *b, size_t jobs) {
  b->next = 0;
  if (jobs <= 1) {
    worker(b);
  } else {
    pthread_t th[64];
    size_t started = 0;
    for (; started < jobs && started < 64; started++)
      if (pthread_create(&th[started], NULL, worker, b)) break;
    if (started == 0) worker(b);
    for (size_t k = 0; k < started; k++) pthread_join(th[k], NULL);
  }
  int rc = EXIT_OK;
  for (size_t i = 0; i < b->n; i++) {
    if (b->items[i].out.len == 0) {
      cli_error("line could not be processed (out of memory)");
      rc = EXIT_FAIL;
    } else if (cli_write(b->items[i].out.ptr, b->items[i].out.len)) {
      rc = EXIT_FAIL;
    }
    b->failed += b->items[i].failed;
    ng_buf_dispose(&b->items[i].out);
    free(b->items[i].line);
  }
  b->n = 0;
  return rc;
}

static int jsonl_file(const char *path, const opts *o, size_t *count) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open", path);
    return EXIT_FAIL;
  }
  batch b;
  memset(&b, 0, sizeof b);
  b.o = o;
  pthread_mutex_init(&b.lock, NULL);
  b.items = calloc(BATCH_LINES, sizeof(item));
  int rc = b.items ? EXIT_OK : EXIT_FAIL;
  char *line = NULL;
  size_t cap = 0, len = 0;
  int got;
  bool tty = !o->quiet && isatty(2);
  while (rc == EXIT_OK && (got = cli_getline(&line, &cap, &len, f, cli_line_limit(o->max_bytes))) != CLI_LINE_END) {
    if (got == CLI_LINE_ERROR) {
      cli_error("%s: read error or out of memory", path);
      rc = EXIT_FAIL;
      break;
    }
    if (got == CLI_LINE && len == 0) continue;
    item *it = &b.items[b.n++];
    memset(it, 0, sizeof *it);
    it->too_long = got == CLI_LINE_LONG;
    it->line = malloc(it->too_long ? 1 : len + 1);
    if (!it->line) {
      rc = EXIT_FAIL;
      break;
    }
    if (!it->too_long) memcpy(it->line, line, len);
    it->len = it->too_long ? 0 : len;
    if (b.n == BATCH_LINES) {
      rc = run_batch(&b, o->jobs);
      *count += BATCH_LINES;
      if (tty) fprintf(stderr, "\rnutgraf: %zu articles", *count);
    }
  }
  size_t last = b.n, first = *count;
  if (b.n && run_batch(&b, o->jobs)) rc = EXIT_FAIL;
  *count += last;
  if (tty) fprintf(stderr, "\rnutgraf: %zu articles\n", *count);
  if (b.failed) {
    /* Each has its {"id", "error"} line; the batch went on, but failed. */
    cli_error("%s: %zu of %zu lines failed (see their \"error\")",
              strcmp(path, "-") == 0 ? "standard input" : path, b.failed, *count - first);
    rc = EXIT_FAIL;
  }
  free(line);
  free(b.items);
  pthread_mutex_destroy(&b.lock);
  if (f != stdin) fclose(f);
  return rc;
}

int cmd_summarize(int argc, char **argv) {
  static const struct option longopts[] = {
      {"sentences", required_argument, NULL, 'n'},
      {"words", required_argument, NULL, 'w'},
      {"ratio", required_argument, NULL, 'r'},
      {"method", required_argument, NULL, 'm'},
      {"lang", required_argument, NULL, 'l'},
      {"max-bytes", required_argument, NULL, 'B'},
      {"json", no_argument, NULL, 'J'},
      {"jsonl", no_argument, NULL, 'L'},
      {"jobs", required_argument, NULL, 'j'},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  opts o;
  memset(&o, 0, sizeof o);
  ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
  o.so = so;
  o.max_bytes = NG_DEFAULT_MAX_BYTES;
  o.jobs = 1;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "n:w:r:m:l:j:qh", longopts, NULL)) != -1) {
    switch (c) {
    case 'n':
      if (cli_opt_count("--sentences", optarg, 1, (size_t)-1, &o.so.max_sentences))
        return EXIT_USAGE;
      break;
    case 'w':
      if (cli_opt_count("--words", optarg, 1, (size_t)-1, &o.so.max_words))
        return EXIT_USAGE;
      break;
    case 'r': {
      char *end;
      double r = strtod(optarg, &end);
      if (*end || !(r > 0.0 && r <= 1.0)) {
        cli_error("--ratio wants a number in (0, 1], not '%s'", optarg);
        return EXIT_USAGE;
      }
      o.so.ratio = r;
      break;
    }
    case 'm':
      if (ng_method_from_name(&o.so.method, optarg)) {
        cli_error("unknown method '%s' (default, lead, textrank, lexrank)", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'l':
      if (cli_opt_lang(optarg, &o.lang)) return EXIT_USAGE;
      break;
    case 'B':
      if (cli_opt_bytes("--max-bytes", optarg, &o.max_bytes)) return EXIT_USAGE;
      break;
    case 'J': o.json = 1; break;
    case 'L': o.jsonl = 1; break;
    case 'j':
      if (cli_opt_count("--jobs", optarg, 1, 64, &o.jobs)) return EXIT_USAGE;
      break;
    case 'q': o.quiet = 1; break;
    case 'h': fputs(summarize_usage, stdout); return EXIT_OK;
    default: return cli_usage_hint("summarize");
    }
  }
  static char dash[] = "-";
  char *stdin_only[] = {dash};
  char **files = optind < argc ? argv + optind : stdin_only;
  int nfiles = optind < argc ? argc - optind : 1;
  if (optind >= argc && isatty(0)) {
    cli_error("no input (give a FILE, or pipe text to standard input)");
    return cli_usage_hint("summarize");
  }
  int status = EXIT_OK;
  if (o.jsonl) {
    size_t count = 0;
    for (int i = 0; i < nfiles; i++)
      if (jsonl_file(files[i], &o, &count)) status = EXIT_FAIL;
    return status;
  }
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) {
    cli_error("out of memory");
    return EXIT_FAIL;
  }
  for (int i = 0; i < nfiles; i++) {
    char *data;
    size_t len;
    const char *name = strcmp(files[i], "-") == 0 ? "standard input" : files[i];
    if (cli_read(files[i], o.max_bytes, &data, &len)) {
      status = EXIT_FAIL;
      continue;
    }
    ng_buf out = NG_BUF_INIT;
    ng_error err = {0, NULL, 0};
    char why[96];
    int rc = summarize_one(ctx, &o, data, len, &out, &err, why, sizeof why);
    if (rc) {
      int ec = cli_fail(name, rc, &err);
      if (ec > status) status = ec;
    } else {
      if (nfiles > 1 && !o.json) printf("%s==> %s <==\n", i ? "\n" : "", name);
      if (o.json) {
        /* {"file": FILE, ...the summary's fields}: one object per FILE. */
        char *fj = file_json(files[i]);
        if (!fj) {
          cli_error("out of memory");
          status = EXIT_FAIL;
        } else if (cli_write("{\"file\":", 8) || cli_write(fj, strlen(fj)) ||
                   cli_write(",", 1) || cli_write(out.ptr + 1, out.len - 1) ||
                   cli_write("\n", 1)) {
          status = EXIT_FAIL;
        }
        free(fj);
      } else if (cli_write(out.ptr, out.len)) {
        status = EXIT_FAIL;
      }
    }
    ng_buf_dispose(&out);
    free(data);
    if (ferror(stdout)) break; /* main() reports the write error */
  }
  ng_ctx_free(ctx);
  return status;
}

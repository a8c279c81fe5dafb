/* cmd_extract.c - `nutgraf extract`: the clean article of a page. */
#include "cli.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char extract_usage[] =
    "Usage: nutgraf extract [OPTIONS] [FILE|-]\n"
    "\n"
    "Extract the article from a news page (HTML) or from scraped text: title,\n"
    "author, date, site, language, canonical URL and the body, without site\n"
    "furniture (navigation, share bars, cookie notices, summary widgets).\n"
    "\n"
    "  -t, --text           plain text: the body's paragraphs (default; the\n"
    "                       title and other metadata are in --json)\n"
    "      --markdown       Markdown: headings, lists and quotes marked up\n"
    "      --json           JSON: every field, the blocks and the text\n"
    "  -s, --summary N      add an N-sentence summary (in --json: \"summary\",\n"
    "                       whose byte offsets index \"text\" for HTML input,\n"
    "                       the input for text input)\n"
    "      --url URL        the page's address, when known\n"
    "  -l, --lang CODE      language (en, ru, ...); default: detect\n"
    "      --max-bytes SIZE refuse inputs larger than SIZE bytes; a suffix k, m\n"
    "                       or g (either case) means KiB, MiB, GiB (default 64M)\n"
    "  -h, --help           this text\n"
    "\n"
    "Exit status: 0 success, 1 bad input or no article text, 2 usage error,\n"
    "3 the page is a listing (home page, section front), not an article: one\n"
    "line on standard error says so, and only --json and --markdown print\n"
    "anything (the page's title and metadata).\n";

int cmd_extract(int argc, char **argv) {
  static const struct option longopts[] = {
      {"text", no_argument, NULL, 't'},
      {"markdown", no_argument, NULL, 'M'},
      {"json", no_argument, NULL, 'J'},
      {"summary", required_argument, NULL, 's'},
      {"url", required_argument, NULL, 'U'},
      {"lang", required_argument, NULL, 'l'},
      {"max-bytes", required_argument, NULL, 'B'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
  ng_format fmt = NG_FORMAT_TEXT;
  size_t nsum = 0, max_bytes = NG_DEFAULT_MAX_BYTES;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "ts:l:h", longopts, NULL)) != -1) {
    switch (c) {
    case 't': fmt = NG_FORMAT_TEXT; break;
    case 'M': fmt = NG_FORMAT_MARKDOWN; break;
    case 'J': fmt = NG_FORMAT_JSON; break;
    case 's':
      if (cli_opt_count("--summary", optarg, 1, 1000, &nsum)) return EXIT_USAGE;
      break;
    case 'U': eo.url = optarg; break;
    case 'l':
      if (cli_opt_lang(optarg, &eo.lang)) return EXIT_USAGE;
      break;
    case 'B':
      if (cli_opt_bytes("--max-bytes", optarg, &max_bytes)) return EXIT_USAGE;
      break;
    case 'h': fputs(extract_usage, stdout); return EXIT_OK;
    default: return cli_usage_hint("extract");
    }
  }
  if (argc - optind > 1) {
    cli_error("extract takes one FILE");
    return EXIT_USAGE;
  }
  const char *path = optind < argc ? argv[optind] : "-";
  if (optind >= argc && isatty(0)) {
    cli_error("no input (give a FILE, or pipe a page to standard input)");
    return EXIT_USAGE;
  }
  eo.max_bytes = max_bytes;
  /* Without a summary, sentences and tokens are not needed. */
  if (!nsum) eo.flags |= NG_EXTRACT_BODY_ONLY;
  char *data;
  size_t len;
  if (cli_read(path, max_bytes, &data, &len)) return EXIT_FAIL;
  const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
  ng_ctx *ctx = NULL;
  ng_article *a = NULL;
  ng_summary *s = NULL;
  ng_error err = {0, NULL, 0};
  ng_buf out = NG_BUF_INIT;
  int status = EXIT_OK;
  int rc = ng_ctx_new(&ctx, NULL, &err);
  if (!rc) rc = ng_extract(&a, ctx, data, len, &eo, &err);
  if (!rc && nsum && ng_article_doc(a)) {
    ng_summary_options so = NG_SUMMARY_OPTIONS_INIT;
    so.max_sentences = nsum;
    rc = ng_summarize(&s, ctx, ng_article_doc(a), &so, &err);
  }
  if (!rc) rc = ng_render_article(&out, a, s, fmt, &err);
  if (rc) {
    status = cli_fail(name, rc, &err);
  } else {
    bool listing = ng_article_type(a) == NG_PAGE_LISTING;
    /* A listing has no body: text output would be an empty line. JSON
     * and Markdown still carry its title (and JSON its "type"). */
    if (!(listing && fmt == NG_FORMAT_TEXT) &&
        (cli_write(out.ptr, out.len) || (fmt == NG_FORMAT_JSON && cli_write("\n", 1))))
      status = EXIT_FAIL;
    if (!status && listing) {
      cli_error("%s: not an article (a listing page)", name);
      status = 3;
    }
  }
  ng_buf_dispose(&out);
  ng_summary_free(s);
  ng_article_free(a);
  ng_ctx_free(ctx);
  free(data);
  return status;
}

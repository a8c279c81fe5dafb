/* cmd_segment.c - `nutgraf segment`: one sentence per line. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char segment_usage[] =
    "Usage: nutgraf segment [OPTIONS] [FILE|-]\n"
    "\n"
    "Split text into sentences and print one per line (line breaks inside a\n"
    "sentence become spaces). Every line of the input is kept: no furniture\n"
    "removal, no title detection, unless --clean is given.\n"
    "\n"
    "  -l, --lang CODE      language (en, ru, ...); default: detect\n"
    "      --clean          drop site furniture and the title line first\n"
    "      --offsets        prefix each sentence with OFFSET<TAB>LENGTH<TAB>\n"
    "      --max-bytes SIZE refuse inputs larger than SIZE bytes; a suffix k, m\n"
    "                       or g (either case) means KiB, MiB, GiB (default 64M)\n"
    "  -h, --help           this text\n";

int cmd_segment(int argc, char **argv) {
  static const struct option longopts[] = {
      {"lang", required_argument, NULL, 'l'},
      {"clean", no_argument, NULL, 'c'},
      {"offsets", no_argument, NULL, 'o'},
      {"max-bytes", required_argument, NULL, 'B'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  ng_doc_options dopts = NG_DOC_OPTIONS_INIT;
  dopts.flags = NG_DOC_KEEP_FURNITURE | NG_DOC_NO_TITLE;
  size_t max_bytes = NG_DEFAULT_MAX_BYTES;
  int offsets = 0, c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "l:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'l':
      if (cli_opt_lang(optarg, &dopts.lang)) return EXIT_USAGE;
      break;
    case 'c': dopts.flags = 0; break;
    case 'o': offsets = 1; break;
    case 'B':
      if (cli_opt_bytes("--max-bytes", optarg, &max_bytes)) return EXIT_USAGE;
      break;
    case 'h': fputs(segment_usage, stdout); return EXIT_OK;
    default: return cli_usage_hint("segment");
    }
  }
  if (argc - optind > 1) {
    cli_error("segment takes one FILE");
    return EXIT_USAGE;
  }
  const char *path = optind < argc ? argv[optind] : "-";
  if (optind >= argc && isatty(0)) {
    cli_error("no input (give a FILE, or pipe text to standard input)");
    return EXIT_USAGE;
  }
  dopts.max_bytes = max_bytes;
  char *data;
  size_t len;
  if (cli_read(path, max_bytes, &data, &len)) return EXIT_FAIL;
  const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
  ng_ctx *ctx = NULL;
  ng_doc *doc = NULL;
  ng_error err = {0, NULL, 0};
  int status = EXIT_OK;
  int rc = ng_ctx_new(&ctx, NULL, &err);
  if (!rc) rc = ng_doc_parse(&doc, ctx, data, len, &dopts, &err);
  if (rc) {
    status = cli_fail(name, rc, &err);
  } else {
    const char *text = ng_doc_text(doc, NULL);
    for (size_t i = 0; i < ng_doc_sentence_count(doc) && !status; i++) {
      ng_span s = ng_doc_sentence(doc, i);
      if (offsets) printf("%zu\t%zu\t", s.off, s.len);
      for (size_t k = 0; k < s.len; k++) {
        char ch = text[s.off + k];
        if (ch == '\n' || ch == '\r') ch = ' ';
        putchar(ch);
      }
      if (putchar('\n') == EOF) status = EXIT_FAIL;
    }
  }
  ng_doc_free(doc);
  ng_ctx_free(ctx);
  free(data);
  return status;
}

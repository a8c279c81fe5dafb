/* cmd_entities.c - `nutgraf entities`: people, places, organizations, dates
 * and keyphrases of one article. */
#include "cli.h"

#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char entities_usage[] =
    "Usage: nutgraf entities [OPTIONS] FILE|-\n"
    "\n"
    "List the people, places, organizations, dates and keyphrases of a news\n"
    "article (scraped text or HTML). Spelling variants (Sergei/Sergey) and\n"
    "short forms (Lukashenko / Alexander Lukashenko) are one entity.\n"
    "\n"
    "  -d, --date YYYY-MM-DD  the article's date: resolves \"Monday\", \"June 25\"\n"
    "  -l, --lang CODE        language (en, ru, ...); default: detect\n"
    "      --json             one JSON object {\"entities\":[{kind,name,key,\n"
    "                         mentions,offset,length}]}\n"
    "  -h, --help             this text\n"
    "\n"
    "Text output: one entity per line, KIND<TAB>NAME<TAB>KEY<TAB>MENTIONS.\n"
    "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n";

int cmd_entities(int argc, char **argv) {
  static const struct option longopts[] = {
      {"date", required_argument, NULL, 'd'},
      {"lang", required_argument, NULL, 'l'},
      {"json", no_argument, NULL, 'J'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
  const char *date = NULL;
  int json = 0, c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:l:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'd': date = optarg; break;
    case 'l':
      if (cli_opt_lang(optarg, &eo.lang)) return EXIT_USAGE;
      break;
    case 'J': json = 1; break;
    case 'h': fputs(entities_usage, stdout); return EXIT_OK;
    default: fputs(entities_usage, stderr); return EXIT_USAGE;
    }
  }
  if (argc - optind != 1) {
    cli_error("entities takes one FILE (or '-')");
    fputs(entities_usage, stderr);
    return EXIT_USAGE;
  }
  const char *path = argv[optind];
  const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
  char *data = NULL;
  size_t len = 0;
  if (cli_read(path, NG_DEFAULT_MAX_BYTES, &data, &len)) return EXIT_FAIL;
  ng_ctx *ctx = NULL;
  ng_article *a = NULL;
  ng_entities *ents = NULL;
  ng_error err = {0, NULL, 0};
  int status = EXIT_OK, rc;
  if ((rc = ng_ctx_new(&ctx, NULL, &err)) ||
      (rc = ng_extract(&a, ctx, data, len, &eo, &err))) {
    status = cli_fail(name, rc, &err);
    goto done;
  }
  const ng_doc *doc = ng_article_doc(a);
  if (!doc) {
    cli_error("%s: not an article (a listing page)", name);
    status = EXIT_FAIL;
    goto done;
  }
  if (!date) date = ng_article_field(a, NG_FIELD_DATE, NULL);
  if ((rc = ng_entities_extract(&ents, ctx, doc, date, date ? strlen(date) : 0, &err))) {
    status = cli_fail(name, rc, &err);
    goto done;
  }
  size_t n = ng_entities_count(ents);
  if (json) {
    json_t *root = json_object(), *arr = json_array();
    json_object_set_new(root, "entities", arr);
    for (size_t i = 0; i < n; i++) {
      const ng_entity *e = ng_entities_at(ents, i);
      json_t *o = json_object();
      json_object_set_new(o, "kind", json_string(ng_entity_kind_name(e->kind)));
      json_object_set_new(o, "name", json_string(e->name));
      json_object_set_new(o, "key", json_string(e->key));
      json_object_set_new(o, "mentions", json_integer((json_int_t)e->mentions));
      json_object_set_new(o, "offset", json_integer((json_int_t)e->first.off));
      json_object_set_new(o, "length", json_integer((json_int_t)e->first.len));
      json_array_append_new(arr, o);
    }
    char *s = json_dumps(root, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (!s || cli_write(s, strlen(s)) || cli_write("\n", 1)) status = EXIT_FAIL;
    free(s);
    json_decref(root);
  } else {
    for (size_t i = 0; i < n; i++) {
      const ng_entity *e = ng_entities_at(ents, i);
      printf("%s\t%s\t%s\t%zu\n", ng_entity_kind_name(e->kind), e->name,
             e->key, e->mentions);
    }
  }
done:
  ng_entities_free(ents);
  ng_article_free(a);
  ng_ctx_free(ctx);
  free(data);
  return status;
}

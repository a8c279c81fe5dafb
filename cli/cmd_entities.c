/* cmd_entities.c - `nutgraf entities`: people, places, organizations, dates
 * and keyphrases of one article. */
#include "cli.h"

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char entities_usage[] =
    "Usage: nutgraf entities [OPTIONS] [FILE|-]\n"
    "\n"
    "List the people, places, organizations, dates and keyphrases of a news\n"
    "article (scraped text or HTML; with no FILE, or FILE '-', standard input\n"
    "is read). Spelling variants (Sergei/Sergey) and short forms (Lukashenko /\n"
    "Alexander Lukashenko) are one entity; so is a role the text ties to one\n"
    "person (\"the Belarusian president\" after \"Belarusian President Alexander\n"
    "Lukashenko\" or \"Alexander Lukashenko, the Belarusian president,\").\n"
    "\n"
    "  -d, --date YYYY-MM-DD  the article's date: resolves \"Monday\", \"June 25\"\n"
    "                         (a calendar date; a time may follow, as in\n"
    "                         2024-06-25T14:30Z; default: the page's own)\n"
    "  -l, --lang CODE        language (en, ru, ...); default: detect\n"
    "      --json             one JSON object {\"entities\":[{kind,name,key,\n"
    "                         mentions,offset,length}]}: offset and length\n"
    "                         of the first mention, in bytes, into the input\n"
    "                         (text input) or into the article's text as\n"
    "                         extract --json gives it (HTML input; a first\n"
    "                         mention in the title has \"in\":\"title\" and\n"
    "                         indexes the title)\n"
    "      --eval FILE.jsonl  score names against ECB+ entity mentions (see\n"
    "                         BENCHMARKS.md: proper-name mentions of people,\n"
    "                         organizations and places in annotated lines);\n"
    "                         a FILE with no such document is an error\n"
    "  -h, --help             this text\n"
    "\n"
    "Text output: one entity per line, KIND<TAB>NAME<TAB>KEY<TAB>MENTIONS.\n"
    "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n";

/* Does `a` equal `b`, or is one the other's last or first words (short
 * and full forms)? */
static bool name_match(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la == lb) return strcmp(a, b) == 0;
  const char *s = la < lb ? a : b, *l = la < lb ? b : a;
  size_t ls = la < lb ? la : lb, ll = la < lb ? lb : la;
  if (ls < 3) return false;
  if (memcmp(l + ll - ls, s, ls) == 0 && l[ll - ls - 1] == ' ') return true;
  return memcmp(l, s, ls) == 0 && l[ls] == ' ';
}

static int gold_kind(const char *type) {
  if (strcmp(type, "HUMAN_PART_PER") == 0) return NG_ENTITY_PERSON;
  if (strcmp(type, "HUMAN_PART_ORG") == 0) return NG_ENTITY_ORG;
  if (strncmp(type, "LOC_", 4) == 0) return NG_ENTITY_PLACE;
  return -1;
}

/* Name-level scores on ECB+: per document, gold names are the distinct
 * texts of PER/ORG/LOC mentions that start with a capital letter (names,
 * not pronouns or nominals) in the fully annotated lines; system names are
 * the person/place/org/other entities whose first mention is in those
 * lines. A system name is right when it matches a gold name (equal, or a
 * short/full form of it); recall counts gold names matched by any system
 * entity of the document. */
static int eval_ecbplus(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open", path);
    return EXIT_FAIL;
  }
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) {
    fclose(f);
    return EXIT_FAIL;
  }
  char *line = NULL;
  size_t cap = 0, docs = 0;
  size_t sys = 0, sys_ok = 0, gold = 0, gold_ok = 0, typed = 0, typed_ok = 0;
  ssize_t r;
  while ((r = getline(&line, &cap, f)) >= 0) {
    json_t *v = json_loadb(line, (size_t)r, 0, NULL);
    const char *text = json_string_value(json_object_get(v, "text"));
    json_t *ents = json_object_get(v, "entities"), *ann = json_object_get(v, "annotated_lines");
    if (!text || !json_is_array(ents) || !json_is_array(ann)) {
      json_decref(v);
      continue;
    }
    size_t len = strlen(text);
    /* Byte ranges of the annotated lines. */
    size_t lo[64], hi[64], nl = 0;
    {
      size_t ln = 0, start = 0;
      for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n') continue;
        for (size_t k = 0; k < json_array_size(ann) && nl < 64; k++)
          if ((size_t)json_integer_value(json_array_get(ann, k)) == ln) {
            lo[nl] = start;
            hi[nl++] = i;
          }
        ln++;
        start = i + 1;
      }
    }
    /* Gold names (distinct, with their kind), in annotated lines: mention
     * offsets are code points, so locate each text in the line. */
    const char *gname[256];
    int gkind[256];
    size_t ng = 0;
    for (size_t k = 0; k < json_array_size(ents) && ng < 256; k++) {
      json_t *e = json_array_get(ents, k);
      const char *t = json_string_value(json_object_get(e, "text"));
      const char *ty = json_string_value(json_object_get(e, "type"));
      int gk = ty ? gold_kind(ty) : -1;
      if (!t || gk < 0 || !(t[0] >= 'A' && t[0] <= 'Z')) continue;
      bool in = false;
      for (size_t q = 0; q < nl && !in; q++) {
        const char *p = strstr(text + lo[q], t);
        in = p && (size_t)(p - text) + strlen(t) <= hi[q];
      }
      if (!in) continue;
      bool dup = false;
      for (size_t q = 0; q < ng && !dup; q++) dup = strcmp(gname[q], t) == 0;
      if (dup) continue;
      gname[ng] = t;
      gkind[ng++] = gk;
    }
    ng_doc_options dopt = NG_DOC_OPTIONS_INIT;
    dopt.flags = NG_DOC_NO_TITLE;
    ng_doc *doc = NULL;
    ng_entities *es = NULL;
    if (ng_doc_parse(&doc, ctx, text, len, &dopt, NULL) == NG_OK &&
        ng_entities_extract(&es, ctx, doc, NULL, 0, NULL) == NG_OK) {
      docs++;
      bool matched[256] = {false};
      for (size_t i = 0; i < ng_entities_count(es); i++) {
        const ng_entity *e = ng_entities_at(es, i);
        if (e->kind > NG_ENTITY_OTHER) continue;
        bool in = false;
        for (size_t q = 0; q < nl && !in; q++) in = e->first.off >= lo[q] && e->first.off < hi[q];
        bool ok = false;
        for (size_t q = 0; q < ng; q++)
          if (name_match(e->name, gname[q])) {
            ok = true;
            if (!matched[q] && e->kind != NG_ENTITY_OTHER) {
              typed++;
              typed_ok += (int)e->kind == gkind[q];
            }
            matched[q] = true;
          }
        if (in) {
          sys++;
          sys_ok += ok;
        }
      }
      gold += ng;
      for (size_t q = 0; q < ng; q++) gold_ok += matched[q];
    }
    ng_entities_free(es);
    ng_doc_free(doc);
    json_decref(v);
  }
  free(line);
  fclose(f);
  ng_ctx_free(ctx);
  if (docs == 0) {
    cli_error("%s: no document to score (JSON Lines with \"text\", \"entities\" and "
              "\"annotated_lines\")", path);
    return EXIT_FAIL;
  }
  double p = sys ? (double)sys_ok / (double)sys : 0, rr = gold ? (double)gold_ok / (double)gold : 0;
  printf("ecbplus names: %zu documents, %zu gold names, %zu system names\n", docs, gold, sys);
  printf("precision %.3f recall %.3f F1 %.3f; kind right for %.3f of matched typed names\n", p, rr,
         p + rr > 0 ? 2 * p * rr / (p + rr) : 0.0, typed ? (double)typed_ok / (double)typed : 0.0);
  return EXIT_OK;
}

int cmd_entities(int argc, char **argv) {
  static const struct option longopts[] = {
      {"date", required_argument, NULL, 'd'},
      {"lang", required_argument, NULL, 'l'},
      {"json", no_argument, NULL, 'J'},
      {"eval", required_argument, NULL, 'E'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
  const char *date = NULL;
  int json = 0, c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:l:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'd':
      if (cli_opt_date("--date", optarg, &date)) return EXIT_USAGE;
      break;
    case 'l':
      if (cli_opt_lang(optarg, &eo.lang)) return EXIT_USAGE;
      break;
    case 'J': json = 1; break;
    case 'E': return eval_ecbplus(optarg);
    case 'h': fputs(entities_usage, stdout); return EXIT_OK;
    default: return cli_usage_hint("entities");
    }
  }
  if (argc - optind > 1) {
    cli_error("entities takes one FILE");
    return cli_usage_hint("entities");
  }
  const char *path = optind < argc ? argv[optind] : "-";
  if (optind >= argc && isatty(0)) {
    cli_error("no input (give a FILE, or pipe text to standard input)");
    return cli_usage_hint("entities");
  }
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
  /* Offsets as summarize --json gives them: into the input for text, into
   * the article's text (extract --json "text") for HTML, whose title
   * comes before that text in the document. */
  size_t base = ng_doc_body_offset(doc);
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
      bool in_title = e->first.off < base;
      json_object_set_new(o, "offset",
                          json_integer((json_int_t)(in_title ? e->first.off : e->first.off - base)));
      json_object_set_new(o, "length", json_integer((json_int_t)e->first.len));
      if (in_title) json_object_set_new(o, "in", json_string("title"));
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

/* options.c - option values shared by the subcommands, each with one
 * message wording so every command reports a bad value the same way. */
#include "cli.h"

#include <string.h>

int cli_usage_hint(const char *cmd) {
  fprintf(stderr, "Try 'nutgraf %s --help'.\n", cmd);
  return EXIT_USAGE;
}

int cli_opt_count(const char *flag, const char *arg, size_t min, size_t max,
                  size_t *out) {
  size_t v;
  if (cli_parse_size(arg, &v) || v < min || v > max) {
    if (max == (size_t)-1)
      cli_error("%s wants a number of at least %zu, not '%s'", flag, min, arg);
    else
      cli_error("%s wants a number from %zu to %zu, not '%s'", flag, min, max, arg);
    return EXIT_USAGE;
  }
  *out = v;
  return EXIT_OK;
}

int cli_opt_bytes(const char *flag, const char *arg, size_t *out) {
  size_t v;
  if (cli_parse_size(arg, &v) || v == 0) {
    cli_error("%s wants a size like 10M, not '%s'", flag, arg);
    return EXIT_USAGE;
  }
  *out = v;
  return EXIT_OK;
}

int cli_opt_lang(const char *arg, ng_lang *out) {
  ng_lang l = ng_lang_from_code(arg, strlen(arg));
  if (l == NG_LANG_UNKNOWN) {
    cli_error("unsupported language '%s' (en, ru, de, fr, es, it, pt, nl, pl)", arg);
    return EXIT_USAGE;
  }
  *out = l;
  return EXIT_OK;
}

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

/* n digits at s as a number, or -1. */
static int digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* "HH:MM[:SS[.fff]]" then "", "Z", "+HH", "+HHMM" or "+HH:MM" (or '-'). */
static bool time_valid(const char *s) {
  if (digits(s, 2) < 0 || digits(s, 2) > 23 || s[2] != ':' || digits(s + 3, 2) < 0 ||
      digits(s + 3, 2) > 59)
    return false;
  s += 5;
  if (*s == ':') {
    if (digits(s + 1, 2) < 0 || digits(s + 1, 2) > 60) return false; /* 60: a leap second */
    s += 3;
    if (*s == '.' || *s == ',') {
      if (s[1] < '0' || s[1] > '9') return false;
      for (s++; *s >= '0' && *s <= '9'; s++) {}
    }
  }
  if (*s == 'Z') return s[1] == '\0';
  if (*s == '+' || *s == '-') {
    if (digits(s + 1, 2) < 0 || digits(s + 1, 2) > 23) return false;
    s += 3;
    if (*s == ':') s++;
    if (*s && (digits(s, 2) < 0 || digits(s, 2) > 59 || s[2])) return false;
    return true;
  }
  return *s == '\0';
}

bool cli_date_valid(const char *s) {
  if (strlen(s) < 10 || s[4] != '-' || s[7] != '-') return false;
  int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > mdays[m - 1] + (m == 2 && leap)) return false;
  if (s[10] == '\0') return true;
  return (s[10] == 'T' || s[10] == ' ') && time_valid(s + 11);
}

int cli_opt_date(const char *flag, const char *arg, const char **out) {
  if (!cli_date_valid(arg)) {
    cli_error("%s wants a date YYYY-MM-DD (a time may follow, as in "
              "2024-06-25T14:30Z), not '%s'", flag, arg);
    return EXIT_USAGE;
  }
  *out = arg;
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

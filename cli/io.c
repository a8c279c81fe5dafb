/* io.c - file input and error reporting for the command line. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void cli_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("nutgraf: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

int cli_fail(const char *what, int code, const ng_error *err) {
  const char *msg = err && err->msg ? err->msg : ng_strerror(code);
  switch (code) {
  case NG_EUTF8:
  case NG_EBINARY:
    cli_error("%s: %s at byte %zu", what, msg, err ? err->offset : 0);
    break;
  case NG_ETOOBIG:
    cli_error("%s: %s (limit %zu bytes; see --max-bytes)", what, msg,
              err ? err->offset : 0);
    break;
  default:
    cli_error("%s: %s", what, msg);
    break;
  }
  return code == NG_EINVAL ? EXIT_USAGE : EXIT_FAIL;
}

int cli_read(const char *path, size_t max, char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  FILE *f = stdin;
  const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
  if (f != NULL && strcmp(path, "-") != 0) {
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      cli_error("%s: is a directory", path);
      return EXIT_FAIL;
    }
    f = fopen(path, "rb");
    if (!f) {
      cli_error("%s: %s", path, strerror(errno));
      return EXIT_FAIL;
    }
  }
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  int rc = EXIT_OK;
  if (!buf) {
    cli_error("%s: out of memory", name);
    rc = EXIT_FAIL;
    goto done;
  }
  for (;;) {
    if (n == cap) {
      /* Stop one byte past the limit: enough to know it is too big,
       * without reading a 100 MB file into memory. */
      if (cap > max) break;
      size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
      if (ncap <= cap) ncap = cap + 1;
      char *nb = realloc(buf, ncap);
      if (!nb) {
        cli_error("%s: out of memory", name);
        rc = EXIT_FAIL;
        goto done;
      }
      buf = nb;
      cap = ncap;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  if (ferror(f)) {
    cli_error("%s: read error: %s", name, strerror(errno));
    rc = EXIT_FAIL;
    goto done;
  }
  if (n > max) {
    cli_error("%s: input larger than the size limit (limit %zu bytes; see --max-bytes)",
              name, max);
    rc = EXIT_FAIL;
    goto done;
  }
  *out = buf;
  *len = n;
  buf = NULL;
done:
  free(buf);
  if (f && f != stdin) fclose(f);
  return rc;
}

int cli_getline(char **line, size_t *cap, size_t *len, FILE *f, size_t max) {
  size_t n = 0;
  bool over = false, any = false;
  int c, rc = CLI_LINE;
  flockfile(f);
  while ((c = getc_unlocked(f)) != EOF) {
    any = true;
    if (c == '\n') break;
    if (over) continue;
    if (n >= max) {
      over = true;
      continue;
    }
    if (n + 2 > *cap) {
      size_t nc = *cap < 4096 ? 4096 : *cap * 2;
      char *nl = realloc(*line, nc);
      if (!nl) {
        rc = CLI_LINE_ERROR;
        break;
      }
      *line = nl;
      *cap = nc;
    }
    (*line)[n++] = (char)c;
  }
  funlockfile(f);
  if (rc == CLI_LINE && ferror(f)) rc = CLI_LINE_ERROR;
  else if (rc == CLI_LINE && !any) rc = CLI_LINE_END;
  else if (rc == CLI_LINE && over) rc = CLI_LINE_LONG;
  if (n && (*line)[n - 1] == '\r') n--;
  /* A UTF-8 byte order mark (a file saved by Notepad or PowerShell, or
   * such files concatenated) is no part of a JSON text: dropped, so the
   * line is not "not a JSON object". */
  if (n >= 3 && memcmp(*line, "\xef\xbb\xbf", 3) == 0) {
    n -= 3;
    memmove(*line, *line + 3, n);
  }
  if (*line) (*line)[n] = '\0';
  *len = n;
  return rc;
}

int cli_parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  if (!s || !*s || *s == '-') return -1;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return -1;
  unsigned long long mul = 1;
  if (*end == 'k' || *end == 'K') mul = 1024ULL, end++;
  else if (*end == 'm' || *end == 'M') mul = 1024ULL * 1024, end++;
  else if (*end == 'g' || *end == 'G') mul = 1024ULL * 1024 * 1024, end++;
  if (*end) return -1;
  if (v > (unsigned long long)((size_t)-1) / mul) return -1;
  *out = (size_t)(v * mul);
  return 0;
}

/* The first write error on standard output. stdio drops a buffer it
 * failed to write, so by the final flush the reason may be gone. */
static int stdout_errno;

int cli_write(const char *s, size_t n) {
  errno = 0;
  if (n && fwrite(s, 1, n, stdout) != n) {
    if (!stdout_errno) stdout_errno = errno ? errno : EIO;
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

int cli_close(FILE *f, const char *name) {
  errno = 0;
  int bad = fflush(f) != 0;
  int e = bad ? errno : 0;
  bad |= ferror(f) != 0;
  if (f != stdout && fclose(f) != 0 && !bad) {
    bad = 1;
    e = errno;
  }
  if (!bad) return EXIT_OK;
  if (!e && f == stdout) e = stdout_errno;
  cli_error("write error: %s: %s", name, strerror(e ? e : EIO));
  return EXIT_FAIL;
}

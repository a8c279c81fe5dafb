/* main.c - runs the unit tests collected by the Makefile into tests.inc. */
#include "harness.h"

#include <stdlib.h>
#include <sys/stat.h>

#define T(name) void name(void);
#include "tests.inc"
#undef T

typedef struct test {
  const char *name;
  void (*fn)(void);
} test;

static const test tests[] = {
#define T(name) {#name, name},
#include "tests.inc"
#undef T
};

static int failed_now, skipped_now;

void ng_test_fail(const char *file, int line, const char *what) {
  if (failed_now < 10) fprintf(stderr, "    %s:%d: %s\n", file, line, what);
  failed_now++;
}

void ng_test_skip(const char *why) {
  if (!skipped_now) printf("    skipped: %s\n", why);
  skipped_now = 1;
}

const char *ng_test_data_dir(void) {
  const char *d = getenv("NG_DATA");
  if (!d) d = "../shared/data";
  struct stat st;
  return stat(d, &st) == 0 && S_ISDIR(st.st_mode) ? d : NULL;
}

char *ng_test_read(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (n < cap) break;
    char *nb = realloc(buf, cap * 2 + 1);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  *len = n;
  return buf;
}

/* "test_sentences__golden" matches -s sentences and -s sentences::golden. */
static int selected(const char *name, const char *filter) {
  if (!filter) return 1;
  const char *n = name + 5; /* skip "test_" */
  const char *sep = strstr(filter, "::");
  if (!sep) {
    size_t l = strlen(filter);
    return strncmp(n, filter, l) == 0 && strncmp(n + l, "__", 2) == 0;
  }
  size_t ml = (size_t)(sep - filter);
  return strncmp(n, filter, ml) == 0 && strncmp(n + ml, "__", 2) == 0 &&
         strcmp(n + ml + 2, sep + 2) == 0;
}

int main(int argc, char **argv) {
  const char *filter = NULL;
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) filter = argv[++i];
  int passed = 0, failed = 0, skipped = 0;
  for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
    if (!selected(tests[i].name, filter)) continue;
    failed_now = skipped_now = 0;
    printf("  %s\n", tests[i].name + 5);
    fflush(stdout);
    tests[i].fn();
    fflush(stdout);
    if (failed_now) {
      printf("  FAIL %s (%d checks)\n", tests[i].name + 5, failed_now);
      failed++;
    } else if (skipped_now) {
      skipped++;
    } else {
      passed++;
    }
  }
  printf("unit: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
  return failed ? 1 : 0;
}

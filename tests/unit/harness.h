/* harness.h - a small unit-test harness (clar-style names, cmark-size).
 *
 * A test is any function `void test_<module>__<case>(void)` in
 * tests/unit/ (any .c); the Makefile collects them into a table, so adding a test
 * is writing the function. Run one module or case with
 *   build/release/unit-tests -s module          or   -s module::case
 * Failures print file:line and the test goes on (so one run shows all). */
#ifndef NG_TEST_HARNESS_H
#define NG_TEST_HARNESS_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

void ng_test_fail(const char *file, int line, const char *what);
void ng_test_skip(const char *why);
/* Repository-relative path of the shared data folder, or NULL if absent
 * (NG_DATA overrides; default ../shared/data). */
const char *ng_test_data_dir(void);
/* Reads a whole file into a malloc'd buffer; NULL on error. */
char *ng_test_read(const char *path, size_t *len);

#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) ng_test_fail(__FILE__, __LINE__, #cond);            \
  } while (0)

#define CHECK_INT(a, b)                                              \
  do {                                                               \
    long long a_ = (long long)(a), b_ = (long long)(b);              \
    if (a_ != b_) {                                                  \
      char m_[256];                                                  \
      snprintf(m_, sizeof m_, "%s == %s (%lld != %lld)", #a, #b, a_, b_); \
      ng_test_fail(__FILE__, __LINE__, m_);                          \
    }                                                                \
  } while (0)

#define CHECK_STRN(s, n, lit)                                        \
  do {                                                               \
    size_t l_ = strlen(lit);                                         \
    if ((size_t)(n) != l_ || memcmp((s), (lit), l_) != 0) {          \
      char m_[512];                                                  \
      snprintf(m_, sizeof m_, "'%.*s' == '%s'", (int)(n), (s), lit); \
      ng_test_fail(__FILE__, __LINE__, m_);                          \
    }                                                                \
  } while (0)

#endif

/* ascii.h - locale-independent ASCII case-insensitive comparisons, for
 * markup and protocol tokens (tag and attribute names, class words,
 * charsets), where only ASCII letters fold. Text itself is folded with
 * ng_utf8_fold. Literals (`lit`) must be lower case. */
#ifndef NG_TEXT_ASCII_H
#define NG_TEXT_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline char ng_ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* s[0..n) equals lit, ignoring ASCII case. */
static inline bool ng_ascii_ieq(const char *s, size_t n, const char *lit) {
  size_t l = strlen(lit);
  if (n != l) return false;
  for (size_t i = 0; i < n; i++)
    if (ng_ascii_lower(s[i]) != lit[i]) return false;
  return true;
}

/* s[0..n) starts with lit, ignoring ASCII case. */
static inline bool ng_ascii_iprefix(const char *s, size_t n, const char *lit) {
  size_t l = strlen(lit);
  if (n < l) return false;
  for (size_t i = 0; i < l; i++)
    if (ng_ascii_lower(s[i]) != lit[i]) return false;
  return true;
}

/* lit occurs in s[0..n), ignoring ASCII case. */
static inline bool ng_ascii_icontains(const char *s, size_t n, const char *lit) {
  size_t l = strlen(lit);
  for (size_t i = 0; i + l <= n; i++)
    if (ng_ascii_iprefix(s + i, n - i, lit)) return true;
  return false;
}

#endif

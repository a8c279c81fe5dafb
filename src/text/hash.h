/* hash.h - FNV-1a over bytes, for the open-addressing tables (term
 * interning, ROUGE n-grams, line keys, name keys). Not for identity: the
 * store's dedup uses SHA-256. */
#ifndef NG_TEXT_HASH_H
#define NG_TEXT_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t ng_fnv32(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

static inline uint64_t ng_fnv64(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211u;
  }
  return h;
}

/* A hash for the library's own open-addressing tables (term interning,
 * the term cache, string maps), where it decides only slot positions,
 * never a result: eight bytes a step and a multiply-xorshift finish,
 * where FNV-1a takes a dependent multiply per byte. Values depend on the
 * byte order of the machine, which is fine for that use and no other:
 * the generated word lists and anything stored keep FNV-1a. */
static inline uint64_t ng_hash_mix(const char *s, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)n, w;
  if (n >= 8) {
    /* Whole words, then the last eight bytes (overlapping the last word
     * read when n is not a multiple of eight). */
    const char *last = s + n - 8;
    for (; s < last; s += 8) {
      memcpy(&w, s, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9u;
      h ^= h >> 31;
    }
    memcpy(&w, last, 8);
  } else if (n >= 4) { /* two overlapping halves: most words */
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    w = (uint64_t)a << 32 | b;
  } else if (n > 0) { /* first, middle and last byte: every byte of 1-3 */
    w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
        (unsigned char)s[n - 1];
  } else {
    w = 0;
  }
  h = (h ^ w) * 0x94D049BB133111EBu;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9u;
  h ^= h >> 32;
  return h;
}

/* a[0..n) == b[0..n), for the tables' key compares: their keys are
 * mostly words of a few bytes, which two overlapping loads compare
 * without a call to memcmp (that call was about 4% of a stories
 * stream). Reads no byte outside either range. */
static inline bool ng_key_eq(const char *a, const char *b, size_t n) {
  if (n >= 8) {
    if (n > 16) return memcmp(a, b, n) == 0;
    uint64_t x0, y0, x1, y1;
    memcpy(&x0, a, 8);
    memcpy(&y0, b, 8);
    memcpy(&x1, a + n - 8, 8);
    memcpy(&y1, b + n - 8, 8);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    memcpy(&x0, a, 4);
    memcpy(&y0, b, 4);
    memcpy(&x1, a + n - 4, 4);
    memcpy(&y1, b + n - 4, 4);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return false;
  return true;
}

#endif

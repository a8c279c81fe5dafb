/* hash.h - FNV-1a over bytes, for the open-addressing tables (term
 * interning, ROUGE n-grams, line keys, name keys). Not for identity: the
 * store's dedup uses SHA-256. */
#ifndef NG_TEXT_HASH_H
#define NG_TEXT_HASH_H

#include <stddef.h>
#include <stdint.h>

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

#endif

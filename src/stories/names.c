/* names.c - string interning, name skeletons and edit distance. */
#include "stories.h"

#include "../text/mem.h"

#include "../text/hash.h"

#include <string.h>

uint64_t ng_hash64(const char *s, size_t n) { return ng_fnv64(s, n); }

void ng_strmap_init(ng_strmap *m, const ng_allocator *alc) {
  memset(m, 0, sizeof *m);
  m->alc = alc;
  ng_arena_init(&m->arena, alc);
}

void ng_strmap_dispose(ng_strmap *m) {
  ng_mem_free(m->alc, m->slots, m->nslots * sizeof *m->slots);
  ng_mem_free(m->alc, m->strs, m->cap * sizeof *m->strs);
  ng_mem_free(m->alc, m->lens, m->cap * sizeof *m->lens);
  ng_mem_free(m->alc, m->count, m->cap * sizeof *m->count);
  ng_arena_dispose(&m->arena);
  memset(m, 0, sizeof *m);
}

/* hash: ng_hash_mix(s, n). */
static size_t slot_of(const ng_strmap *m, const char *s, size_t n,
                      uint64_t hash) {
  size_t mask = m->nslots - 1;
  size_t i = (size_t)hash & mask;
  for (;;) {
    uint32_t v = m->slots[i];
    if (v == 0) return i;
    if (m->lens[v - 1] == n && ng_key_eq(m->strs[v - 1], s, n)) return i;
    i = (i + 1) & mask;
  }
}

static int grow(ng_strmap *m) {
  size_t ns = m->nslots ? m->nslots * 2 : 1024, bytes;
  if (!ng_mul_ok(ns, sizeof(uint32_t), &bytes)) return NG_ENOMEM;
  uint32_t *slots = ng_mem_alloc(m->alc, bytes);
  if (!slots) return NG_ENOMEM;
  memset(slots, 0, bytes);
  uint32_t *old = m->slots;
  size_t oldn = m->nslots;
  m->slots = slots;
  m->nslots = ns;
  for (size_t id = 0; id < m->n; id++)
    m->slots[slot_of(m, m->strs[id], m->lens[id],
                     ng_hash_mix(m->strs[id], m->lens[id]))] =
        (uint32_t)(id + 1);
  ng_mem_free(m->alc, old, oldn * sizeof *old);
  return NG_OK;
}

static int grow_items(ng_strmap *m) {
  size_t cap = m->cap ? m->cap * 2 : 512;
  const char **s = ng_mem_realloc(m->alc, m->strs, m->cap * sizeof *s, cap * sizeof *s);
  if (!s) return NG_ENOMEM;
  m->strs = s;
  uint32_t *l = ng_mem_realloc(m->alc, m->lens, m->cap * sizeof *l, cap * sizeof *l);
  if (!l) return NG_ENOMEM;
  m->lens = l;
  uint32_t *c = ng_mem_realloc(m->alc, m->count, m->cap * sizeof *c, cap * sizeof *c);
  if (!c) return NG_ENOMEM;
  m->count = c;
  /* Only now is every array at the new capacity. */
  m->cap = cap;
  return NG_OK;
}

void ng_strmap_prefetch(const ng_strmap *m, uint64_t hash, int stage) {
  if (!m->nslots) return;
  const uint32_t *slot = &m->slots[(size_t)hash & (m->nslots - 1)];
  if (stage == 0) {
    __builtin_prefetch(slot);
  } else if (*slot && stage == 1) {
    __builtin_prefetch(&m->lens[*slot - 1]);
    __builtin_prefetch(&m->strs[*slot - 1]);
  } else if (*slot) {
    __builtin_prefetch(m->strs[*slot - 1]);
  }
}

uint32_t ng_strmap_find(const ng_strmap *m, const char *s, size_t n) {
  if (!m->nslots) return UINT32_MAX;
  uint32_t v = m->slots[slot_of(m, s, n, ng_hash_mix(s, n))];
  return v ? v - 1 : UINT32_MAX;
}

int ng_strmap_intern(ng_strmap *m, const char *s, size_t n, uint32_t *id) {
  return ng_strmap_intern_hashed(m, s, n, ng_hash_mix(s, n), id);
}

uint64_t ng_strmap_hash(const char *s, size_t n) { return ng_hash_mix(s, n); }

int ng_strmap_intern_hashed(ng_strmap *m, const char *s, size_t n,
                            uint64_t hash, uint32_t *id) {
  if (n > UINT32_MAX / 2) return NG_EINVAL;
  if ((m->n + 1) * 2 > m->nslots && grow(m)) return NG_ENOMEM;
  size_t i = slot_of(m, s, n, hash);
  if (m->slots[i]) {
    *id = m->slots[i] - 1;
    return NG_OK;
  }
  if (m->n == UINT32_MAX - 1) return NG_ENOMEM;
  if (m->n == m->cap && grow_items(m)) return NG_ENOMEM;
  char *copy = ng_arena_strndup(&m->arena, s, n);
  if (!copy) return NG_ENOMEM;
  m->strs[m->n] = copy;
  m->lens[m->n] = (uint32_t)n;
  m->count[m->n] = 0;
  m->slots[i] = (uint32_t)(m->n + 1);
  *id = (uint32_t)m->n++;
  return NG_OK;
}

static bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

size_t ng_name_skeleton(char *dst, size_t cap, const char *s, size_t n) {
  /* First transliterate to a small alphabet, then keep the first letter
   * (vowels as 'a') and the consonants. */
  char tmp[128];
  size_t t = 0;
  for (size_t i = 0; i < n && t + 2 < sizeof tmp; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
    if (c >= 0x80) {
      /* Latin-1 supplement and Latin Extended-A letters, folded to their
       * base letter by the first byte's range (rough, but stable). */
      if ((c == 0xc3 || c == 0xc4 || c == 0xc5) && i + 1 < n) {
        unsigned char d = (unsigned char)s[++i];
        unsigned cp = ((c & 0x1fu) << 6) | (d & 0x3fu);
        static const char l1[] = "aaaaaaeceeeeiiiidnooooo ouuuuyts" /* C0-DF */
                                 "aaaaaaeceeeeiiiidnooooo ouuuuyty"; /* E0-FF */
        if (cp >= 0xc0 && cp <= 0xff) c = (unsigned char)l1[cp - 0xc0];
        else if (cp >= 0x100 && cp <= 0x17f) {
          static const char ea[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
          c = (unsigned char)(cp - 0x100 < sizeof ea - 1 ? ea[cp - 0x100] : 'x');
        } else
          c = '?';
      } else {
        tmp[t++] = (char)c; /* other scripts: keep bytes */
        continue;
      }
    }
    switch (c) {
    case 'c': case 'q': c = 'k'; break;
    case 'w': c = 'v'; break;
    case 'j': case 'y': c = 'i'; break;
    case 'x': tmp[t++] = 'k'; c = 's'; break;
    default: break;
    }
    if ((c >= 'a' && c <= 'z') || c >= 0x80) tmp[t++] = (char)c;
  }
  size_t o = 0;
  if (cap == 0) return 0;
  for (size_t i = 0; i < t && o + 1 < cap; i++) {
    char c = tmp[i];
    if (i == 0) {
      dst[o++] = is_vowel(c) ? 'a' : c;
      continue;
    }
    if (is_vowel(c)) continue;
    if (c == 'h' && i > 0 && !is_vowel(tmp[i - 1])) continue;
    if (o > 0 && dst[o - 1] == c) continue;
    dst[o++] = c;
  }
  dst[o] = '\0';
  return o;
}

size_t ng_edit_distance(const char *a, size_t an, const char *b, size_t bn) {
  if (an > 64) an = 64;
  if (bn > 64) bn = 64;
  size_t row[65];
  for (size_t j = 0; j <= bn; j++) row[j] = j;
  for (size_t i = 1; i <= an; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= bn; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[bn];
}

bool ng_name_variants(const char *a, size_t an, const char *b, size_t bn) {
  if (an == bn && memcmp(a, b, an) == 0) return true;
  char sa[64], sb[64];
  size_t la = ng_name_skeleton(sa, sizeof sa, a, an);
  size_t lb = ng_name_skeleton(sb, sizeof sb, b, bn);
  if (la < 2 || la != lb || memcmp(sa, sb, la) != 0) return false;
  size_t longer = an > bn ? an : bn;
  size_t allowed = (longer + 2) / 3;
  return ng_edit_distance(a, an, b, bn) <= allowed;
}

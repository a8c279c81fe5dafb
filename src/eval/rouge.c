/* rouge.c - ROUGE-1/2/L/Lsum as Google's rouge-score computes them (the
 * public API and the metric definitions are in nutgraf.h, "Evaluation").
 * Pure computation, no I/O.
 *
 * Tokens (rouge-score tokenize.py): lower-case ASCII, every run of bytes
 * other than [a-z0-9] is a separator, and tokens longer than 3 bytes go
 * through the Porter stemmer (libstemmer's "porter", with NLTK's extra
 * rules where they differ). ROUGE-Lsum is ROUGE-1.5.5's summary-level
 * LCS: for each reference sentence, the union of its LCS positions
 * against every system sentence, each token counted at most as often as
 * it occurs on both sides.
 *
 * Layout of a scorer:
 *
 *   forms   hash of raw token strings -> stem id     ("running" -> 17)
 *   stems   hash of stem strings      -> stem id     ("run" -> 17)
 *   pool    the bytes of every interned string
 *   scratch token ids, sentence starts, n-gram keys, LCS tables; they only
 *           grow, so a corpus run settles at its largest item. */
#include "nutgraf.h"
#include "../text/hash.h"

#include "../text/mem.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
  uint32_t off, len; /* string in pool */
  uint32_t value;    /* stem id */
} entry;

typedef struct strtab {
  uint32_t *slots; /* entry index + 1; 0 = empty */
  size_t cap;      /* power of two */
  entry *items;
  size_t n, items_cap;
} strtab;

/* A growable array of plain items. */
typedef struct arr {
  void *p;
  size_t n, cap;
} arr;

typedef struct text_toks {
  arr toks;  /* uint32_t stem ids */
  arr sents; /* uint32_t: start of each sentence in toks, plus the end */
} text_toks;

struct ng_rouge_scorer {
  ng_allocator alc;
  struct sb_stemmer *stemmer;
  strtab forms, stems;
  arr pool; /* char */
  text_toks ref, sys;
  arr keys_a, keys_b; /* uint64_t n-gram keys */
  arr table;          /* uint32_t LCS table */
  arr marks;          /* unsigned char: LCS positions of a ref sentence */
  arr vocab;          /* uint32_t: distinct stem ids of an item, sorted */
  arr cnt_r, cnt_s;   /* uint32_t: per-vocab counts */
};

static const char *const metric_names[NG_ROUGE_COUNT] = {"rouge1", "rouge2",
                                                         "rougeL", "rougeLsum"};

const char *ng_rouge_metric_name(int metric) {
  return metric >= 0 && metric < NG_ROUGE_COUNT ? metric_names[metric] : "?";
}

static int arr_reserve(const ng_allocator *alc, arr *a, size_t n, size_t item) {
  if (n <= a->cap) return NG_OK;
  size_t cap = a->cap ? a->cap : 64;
  while (cap < n) {
    if (cap > ((size_t)-1 / 4) / item) return NG_ENOMEM;
    cap *= 2;
  }
  void *p = ng_mem_realloc(alc, a->p, a->cap * item, cap * item);
  if (!p) return NG_ENOMEM;
  a->p = p;
  a->cap = cap;
  return NG_OK;
}

static void arr_dispose(const ng_allocator *alc, arr *a, size_t item) {
  ng_mem_free(alc, a->p, a->cap * item);
  memset(a, 0, sizeof *a);
}

static int push_u32(const ng_allocator *alc, arr *a, uint32_t v) {
  if (arr_reserve(alc, a, a->n + 1, sizeof v)) return NG_ENOMEM;
  ((uint32_t *)a->p)[a->n++] = v;
  return NG_OK;
}

static int tab_grow(ng_rouge_scorer *sc, strtab *t) {
  size_t cap = t->cap ? t->cap * 2 : 4096;
  uint32_t *slots = ng_mem_alloc(&sc->alc, cap * sizeof(uint32_t));
  if (!slots) return NG_ENOMEM;
  memset(slots, 0, cap * sizeof(uint32_t));
  const char *pool = sc->pool.p;
  for (size_t i = 0; i < t->n; i++) {
    size_t h = ng_fnv32(pool + t->items[i].off, t->items[i].len) & (cap - 1);
    while (slots[h]) h = (h + 1) & (cap - 1);
    slots[h] = (uint32_t)(i + 1);
  }
  ng_mem_free(&sc->alc, t->slots, t->cap * sizeof(uint32_t));
  t->slots = slots;
  t->cap = cap;
  return NG_OK;
}

/* Finds s in t; *found tells whether it was there. When absent, *slot is
 * where it goes. */
static entry *tab_find(ng_rouge_scorer *sc, strtab *t, const char *s, size_t n,
                       size_t *slot) {
  size_t h = ng_fnv32(s, n) & (t->cap - 1);
  const char *pool = sc->pool.p;
  while (t->slots[h]) {
    entry *e = &t->items[t->slots[h] - 1];
    if (e->len == n && memcmp(pool + e->off, s, n) == 0) return e;
    h = (h + 1) & (t->cap - 1);
  }
  *slot = h;
  return NULL;
}

static int tab_add(ng_rouge_scorer *sc, strtab *t, const char *s, size_t n,
                   uint32_t value, size_t slot) {
  if (t->n == t->items_cap) {
    size_t cap = t->items_cap ? t->items_cap * 2 : 1024;
    entry *items = ng_mem_realloc(&sc->alc, t->items,
                                  t->items_cap * sizeof(entry),
                                  cap * sizeof(entry));
    if (!items) return NG_ENOMEM;
    t->items = items;
    t->items_cap = cap;
  }
  if (arr_reserve(&sc->alc, &sc->pool, sc->pool.n + n, 1)) return NG_ENOMEM;
  if (sc->pool.n + n > UINT32_MAX) return NG_ENOMEM;
  memcpy((char *)sc->pool.p + sc->pool.n, s, n);
  entry e = {(uint32_t)sc->pool.n, (uint32_t)n, value};
  sc->pool.n += n;
  t->items[t->n] = e;
  t->slots[slot] = (uint32_t)(t->n + 1);
  t->n++;
  return NG_OK;
}

/* Porter into buf (at most 255 bytes). */
static int porter(ng_rouge_scorer *sc, char *buf, size_t *bl, const char *w,
                  size_t n) {
  const sb_symbol *r = sb_stemmer_stem(sc->stemmer, (const sb_symbol *)w,
                                       (int)n);
  if (!r) return NG_ENOMEM;
  size_t l = (size_t)sb_stemmer_length(sc->stemmer);
  if (l > 255) l = 255;
  memmove(buf, r, l);
  *bl = l;
  return NG_OK;
}

static bool ends_with(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* rouge-score stems with NLTK's PorterStemmer in its default
 * NLTK_EXTENSIONS mode, which differs from the original algorithm
 * (libstemmer's "porter") in a few rules that change which words conflate:
 * a table of irregular forms, 4-letter -ies/-ied words (dies -> die),
 * 2-letter vowel-consonant stems count as cvc (used -> use), y
 * after a vowel kept (enjoy, not enjoi), and the step-2 rules bli -> ble,
 * logi -> log, fulli -> ful, lessli -> less. Those are applied here around
 * the Porter stem; w[0..n) is lower-case ASCII of more than 3 bytes. */
static int nltk_stem(ng_rouge_scorer *sc, char *buf, size_t *bl, const char *w,
                     size_t n) {
  static const char *const pool[][2] = {
      {"skies", "sky"},        {"dying", "die"},       {"lying", "lie"},
      {"tying", "tie"},        {"news", "news"},       {"innings", "inning"},
      {"outings", "outing"},   {"cannings", "canning"}, {"howe", "howe"},
      {"proceed", "proceed"},  {"exceed", "exceed"},   {"succeed", "succeed"},
  };
  for (size_t i = 0; i < sizeof pool / sizeof pool[0]; i++)
    if (strlen(pool[i][0]) == n && memcmp(pool[i][0], w, n) == 0) {
      *bl = strlen(pool[i][1]);
      memcpy(buf, pool[i][1], *bl);
      return NG_OK;
    }
  if (n == 4 && (ends_with(w, n, "ies") || ends_with(w, n, "ied"))) {
    memcpy(buf, w, 3);
    *bl = 3;
    return NG_OK;
  }
  if (porter(sc, buf, bl, w, n)) return NG_ENOMEM;
  size_t l = *bl;
  char tmp[256];
  if (l > 4 && ends_with(buf, l, "logi")) {
    *bl = l - 1;
  } else if (l > 4 && ends_with(buf, l, "bli")) {
    memcpy(tmp, buf, l - 1);
    tmp[l - 1] = 'e';
    return porter(sc, buf, bl, tmp, l);
  } else if ((l > 6 && ends_with(buf, l, "fulli")) ||
             (l > 7 && ends_with(buf, l, "lessli"))) {
    memcpy(tmp, buf, l - 2);
    return porter(sc, buf, bl, tmp, l - 2);
  } else if (l == 2 && strchr("aeiou", buf[0]) && !strchr("aeiou", buf[1])) {
    /* NLTK counts a vowel-consonant pair as "cvc": used, uses -> use. */
    buf[2] = 'e';
    *bl = 3;
  } else if (l >= 2 && l <= n && buf[l - 1] == 'i' && w[l - 1] == 'y' &&
             strchr("aeou", buf[l - 2])) {
    buf[l - 1] = 'y';
  }
  return NG_OK;
}

/* The stem id of a lower-cased token. */
static int token_id(ng_rouge_scorer *sc, const char *w, size_t n,
                    uint32_t *id) {
  if ((sc->forms.n + 1) * 2 > sc->forms.cap && tab_grow(sc, &sc->forms))
    return NG_ENOMEM;
  size_t slot;
  entry *e = tab_find(sc, &sc->forms, w, n, &slot);
  if (e) {
    *id = e->value;
    return NG_OK;
  }
  char buf[256];
  size_t sl = n;
  if (n > 3) {
    if (nltk_stem(sc, buf, &sl, w, n)) return NG_ENOMEM;
  } else {
    memcpy(buf, w, n);
  }
  if ((sc->stems.n + 1) * 2 > sc->stems.cap && tab_grow(sc, &sc->stems))
    return NG_ENOMEM;
  size_t sslot;
  entry *se = tab_find(sc, &sc->stems, buf, sl, &sslot);
  uint32_t sid;
  if (se) {
    sid = se->value;
  } else {
    sid = (uint32_t)sc->stems.n;
    if (tab_add(sc, &sc->stems, buf, sl, sid, sslot)) return NG_ENOMEM;
  }
  /* The forms table did not change size since tab_find: slot is valid. */
  if (tab_add(sc, &sc->forms, w, n, sid, slot)) return NG_ENOMEM;
  *id = sid;
  return NG_OK;
}

static bool is_alnum_lower(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Tokenizes s[0..n) into t: stem ids, and sentence starts at every
 * non-empty line. */
static int tokenize(ng_rouge_scorer *sc, text_toks *t, const char *s,
                    size_t n) {
  t->toks.n = t->sents.n = 0;
  char word[256];
  size_t wl = 0;
  bool line_open = false;
  for (size_t i = 0; i <= n; i++) {
    unsigned char c = i < n ? (unsigned char)s[i] : '\n';
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
    if (is_alnum_lower(c)) {
      if (wl < sizeof word) word[wl++] = (char)c;
      if (!line_open) {
        if (push_u32(&sc->alc, &t->sents, (uint32_t)t->toks.n)) return NG_ENOMEM;
        line_open = true;
      }
      continue;
    }
    if (wl) {
      uint32_t id;
      if (token_id(sc, word, wl, &id)) return NG_ENOMEM;
      if (push_u32(&sc->alc, &t->toks, id)) return NG_ENOMEM;
      wl = 0;
    }
    /* A line with no tokens adds nothing to any measure, so it need not be
     * a sentence of its own. */
    if (c == '\n') line_open = false;
  }
  return push_u32(&sc->alc, &t->sents, (uint32_t)t->toks.n);
}

int ng_rouge_scorer_new(ng_rouge_scorer **out, const ng_allocator *alc) {
  *out = NULL;
  if (!alc) alc = &ng_default_allocator;
  ng_rouge_scorer *sc = ng_mem_alloc(alc, sizeof *sc);
  if (!sc) return NG_ENOMEM;
  memset(sc, 0, sizeof *sc);
  sc->alc = *alc;
  sc->stemmer = sb_stemmer_new("porter", "UTF_8");
  if (!sc->stemmer) {
    ng_rouge_scorer_free(sc);
    return NG_EINVAL;
  }
  if (tab_grow(sc, &sc->forms) || tab_grow(sc, &sc->stems)) {
    ng_rouge_scorer_free(sc);
    return NG_ENOMEM;
  }
  *out = sc;
  return NG_OK;
}

void ng_rouge_scorer_free(ng_rouge_scorer *sc) {
  if (!sc) return;
  const ng_allocator *a = &sc->alc;
  if (sc->stemmer) sb_stemmer_delete(sc->stemmer);
  strtab *tabs[2] = {&sc->forms, &sc->stems};
  for (int k = 0; k < 2; k++) {
    ng_mem_free(a, tabs[k]->slots, tabs[k]->cap * sizeof(uint32_t));
    ng_mem_free(a, tabs[k]->items, tabs[k]->items_cap * sizeof(entry));
  }
  arr_dispose(a, &sc->pool, 1);
  arr_dispose(a, &sc->ref.toks, sizeof(uint32_t));
  arr_dispose(a, &sc->ref.sents, sizeof(uint32_t));
  arr_dispose(a, &sc->sys.toks, sizeof(uint32_t));
  arr_dispose(a, &sc->sys.sents, sizeof(uint32_t));
  arr_dispose(a, &sc->keys_a, sizeof(uint64_t));
  arr_dispose(a, &sc->keys_b, sizeof(uint64_t));
  arr_dispose(a, &sc->table, sizeof(uint32_t));
  arr_dispose(a, &sc->marks, 1);
  arr_dispose(a, &sc->vocab, sizeof(uint32_t));
  arr_dispose(a, &sc->cnt_r, sizeof(uint32_t));
  arr_dispose(a, &sc->cnt_s, sizeof(uint32_t));
  ng_allocator alc = sc->alc;
  ng_mem_free(&alc, sc, sizeof *sc);
}

static ng_rouge_prf prf(size_t hits, size_t sys_n, size_t ref_n) {
  ng_rouge_prf r = {0.0, 0.0, 0.0};
  if (!sys_n || !ref_n) return r;
  r.p = (double)hits / (double)sys_n;
  r.r = (double)hits / (double)ref_n;
  if (r.p + r.r > 0.0) r.f = 2.0 * r.p * r.r / (r.p + r.r);
  return r;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* n-gram keys (n = 1 or 2) of a token list into a, sorted. */
static int ngram_keys(ng_rouge_scorer *sc, arr *a, const arr *toks, int n) {
  const uint32_t *t = toks->p;
  size_t cnt = toks->n >= (size_t)n ? toks->n - (size_t)n + 1 : 0;
  a->n = 0;
  if (arr_reserve(&sc->alc, a, cnt + 1, sizeof(uint64_t))) return NG_ENOMEM;
  uint64_t *k = a->p;
  for (size_t i = 0; i < cnt; i++)
    k[i] = n == 1 ? t[i] : ((uint64_t)t[i] << 32) | t[i + 1];
  a->n = cnt;
  qsort(k, cnt, sizeof(uint64_t), cmp_u64);
  return NG_OK;
}

/* Clipped matches between two sorted key lists. */
static size_t clipped_hits(const arr *x, const arr *y) {
  const uint64_t *a = x->p, *b = y->p;
  size_t i = 0, j = 0, hits = 0;
  while (i < x->n && j < y->n) {
    if (a[i] == b[j]) {
      hits++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  return hits;
}

static int rouge_n(ng_rouge_prf *out, ng_rouge_scorer *sc, int n) {
  if (ngram_keys(sc, &sc->keys_a, &sc->ref.toks, n) ||
      ngram_keys(sc, &sc->keys_b, &sc->sys.toks, n))
    return NG_ENOMEM;
  *out = prf(clipped_hits(&sc->keys_a, &sc->keys_b), sc->keys_b.n, sc->keys_a.n);
  return NG_OK;
}

/* Length of the LCS of a[0..na) and b[0..nb), in two rows. */
static int lcs_len(size_t *out, ng_rouge_scorer *sc, const uint32_t *a,
                   size_t na, const uint32_t *b, size_t nb) {
  if (arr_reserve(&sc->alc, &sc->table, 2 * (nb + 1), sizeof(uint32_t)))
    return NG_ENOMEM;
  uint32_t *prev = sc->table.p, *cur = prev + nb + 1;
  memset(prev, 0, (nb + 1) * sizeof(uint32_t));
  for (size_t i = 1; i <= na; i++) {
    cur[0] = 0;
    for (size_t j = 1; j <= nb; j++) {
      if (a[i - 1] == b[j - 1]) cur[j] = prev[j - 1] + 1;
      else cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
    }
    uint32_t *t = prev;
    prev = cur;
    cur = t;
  }
  *out = prev[nb];
  return NG_OK;
}

/* Marks in marks[0..nr) the positions of r that one LCS of r and c uses,
 * backtracking the way rouge-score does (prefer moving in c on a strict
 * improvement, else in r). */
static int lcs_mark(ng_rouge_scorer *sc, unsigned char *marks,
                    const uint32_t *r, size_t nr, const uint32_t *c,
                    size_t nc) {
  size_t cells;
  if (!ng_mul_ok(nr + 1, nc + 1, &cells) ||
      arr_reserve(&sc->alc, &sc->table, cells, sizeof(uint32_t)))
    return NG_ENOMEM;
  uint32_t *t = sc->table.p;
  size_t w = nc + 1;
  memset(t, 0, w * sizeof(uint32_t));
  for (size_t i = 1; i <= nr; i++) {
    t[i * w] = 0;
    for (size_t j = 1; j <= nc; j++) {
      if (r[i - 1] == c[j - 1]) t[i * w + j] = t[(i - 1) * w + j - 1] + 1;
      else {
        uint32_t up = t[(i - 1) * w + j], left = t[i * w + j - 1];
        t[i * w + j] = up > left ? up : left;
      }
    }
  }
  size_t i = nr, j = nc;
  while (i > 0 && j > 0) {
    if (r[i - 1] == c[j - 1]) {
      marks[i - 1] = 1;
      i--;
      j--;
    } else if (t[i * w + j - 1] > t[(i - 1) * w + j]) {
      j--;
    } else {
      i--;
    }
  }
  return NG_OK;
}

static size_t vocab_index(const uint32_t *v, size_t n, uint32_t id) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static int rouge_lsum(ng_rouge_prf *out, ng_rouge_scorer *sc) {
  const uint32_t *rt = sc->ref.toks.p, *st = sc->sys.toks.p;
  size_t m = sc->ref.toks.n, n = sc->sys.toks.n;
  ng_rouge_prf zero = {0.0, 0.0, 0.0};
  *out = zero;
  if (!m || !n) return NG_OK;
  /* Distinct ids of the item and their counts on each side. */
  if (arr_reserve(&sc->alc, &sc->vocab, m + n, sizeof(uint32_t)))
    return NG_ENOMEM;
  uint32_t *v = sc->vocab.p;
  memcpy(v, rt, m * sizeof(uint32_t));
  memcpy(v + m, st, n * sizeof(uint32_t));
  qsort(v, m + n, sizeof(uint32_t), cmp_u32);
  size_t u = 0;
  for (size_t k = 0; k < m + n; k++)
    if (u == 0 || v[u - 1] != v[k]) v[u++] = v[k];
  if (arr_reserve(&sc->alc, &sc->cnt_r, u, sizeof(uint32_t)) ||
      arr_reserve(&sc->alc, &sc->cnt_s, u, sizeof(uint32_t)) ||
      arr_reserve(&sc->alc, &sc->marks, m, 1))
    return NG_ENOMEM;
  uint32_t *cr = sc->cnt_r.p, *cs = sc->cnt_s.p;
  memset(cr, 0, u * sizeof(uint32_t));
  memset(cs, 0, u * sizeof(uint32_t));
  for (size_t k = 0; k < m; k++) cr[vocab_index(v, u, rt[k])]++;
  for (size_t k = 0; k < n; k++) cs[vocab_index(v, u, st[k])]++;

  const uint32_t *rs = sc->ref.sents.p, *ss = sc->sys.sents.p;
  size_t nrs = sc->ref.sents.n - 1, nss = sc->sys.sents.n - 1;
  size_t hits = 0;
  for (size_t a = 0; a < nrs; a++) {
    const uint32_t *r = rt + rs[a];
    size_t nr = rs[a + 1] - rs[a];
    if (!nr) continue;
    unsigned char *marks = sc->marks.p;
    memset(marks, 0, nr);
    for (size_t b = 0; b < nss; b++) {
      size_t nc = ss[b + 1] - ss[b];
      if (!nc) continue;
      if (lcs_mark(sc, marks, r, nr, st + ss[b], nc)) return NG_ENOMEM;
    }
    for (size_t k = 0; k < nr; k++) {
      if (!marks[k]) continue;
      size_t x = vocab_index(v, u, r[k]);
      if (cr[x] > 0 && cs[x] > 0) {
        hits++;
        cr[x]--;
        cs[x]--;
      }
    }
  }
  *out = prf(hits, n, m);
  return NG_OK;
}

/* ---- Several references, DUC style --------------------------------------
 *
 * ROUGE-1.5.5 as DUC ran it (-n 2 -2 4 -u -m -f A -l L, no stop words
 * removed), on the tokens above. Units: bigrams, and for SU4 every
 * unigram plus every ordered pair of tokens with at most 4 tokens
 * between them. Counts are clipped (a unit the system says twice and a
 * reference once hits once). */

/* SU4 units of t[0..n), sorted: a unigram u is (u), a skip bigram (x, y)
 * is ((x + 1) << 32 | y), so the two kinds never collide. */
static int su4_keys(ng_rouge_scorer *sc, arr *a, const uint32_t *t, size_t n) {
  a->n = 0;
  if (arr_reserve(&sc->alc, a, 6 * n + 1, sizeof(uint64_t))) return NG_ENOMEM;
  uint64_t *k = a->p;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    k[m++] = t[i];
    for (size_t j = i + 1; j < n && j <= i + 5; j++)
      k[m++] = ((uint64_t)t[i] + 1) << 32 | t[j];
  }
  a->n = m;
  qsort(k, m, sizeof(uint64_t), cmp_u64);
  return NG_OK;
}

int ng_rouge_multi_recall(ng_rouge_multi *out, ng_rouge_scorer *sc,
                          const char *const *refs, const size_t *ref_lens,
                          size_t nrefs, const char *sys, size_t sys_len,
                          size_t max_words, int jackknife) {
  if (!out) return NG_EINVAL;
  memset(out, 0, sizeof *out);
  if (!sc || (nrefs && (!refs || !ref_lens)) || nrefs > NG_ROUGE_MAX_REFS || (!sys && sys_len))
    return NG_EINVAL;
  if (nrefs == 0) return NG_OK;
  if (tokenize(sc, &sc->sys, sys ? sys : "", sys_len)) return NG_ENOMEM;
  if (max_words && sc->sys.toks.n > max_words) sc->sys.toks.n = max_words;
  /* Hits and reference unit counts per reference, bigrams then SU4. */
  size_t hits[2][NG_ROUGE_MAX_REFS], count[2][NG_ROUGE_MAX_REFS];
  for (int kind = 0; kind < 2; kind++) {
    int rc = kind == 0 ? ngram_keys(sc, &sc->keys_b, &sc->sys.toks, 2)
                       : su4_keys(sc, &sc->keys_b, sc->sys.toks.p, sc->sys.toks.n);
    if (rc) return rc;
    for (size_t r = 0; r < nrefs; r++) {
      if (tokenize(sc, &sc->ref, refs[r] ? refs[r] : "", refs[r] ? ref_lens[r] : 0)) return NG_ENOMEM;
      rc = kind == 0 ? ngram_keys(sc, &sc->keys_a, &sc->ref.toks, 2)
                     : su4_keys(sc, &sc->keys_a, sc->ref.toks.p, sc->ref.toks.n);
      if (rc) return rc;
      hits[kind][r] = clipped_hits(&sc->keys_a, &sc->keys_b);
      count[kind][r] = sc->keys_a.n;
    }
  }
  /* Jackknifing: the mean over the subsets that leave one reference out
   * of the subset's pooled recall (its hits over its units); without it,
   * or with one reference, the pooled recall over all of them. */
  double *res[2] = {&out->rouge2, &out->su4};
  bool jk = jackknife && nrefs > 1;
  for (int kind = 0; kind < 2; kind++) {
    size_t nsub = jk ? nrefs : 1;
    double sum = 0.0;
    for (size_t leave = 0; leave < nsub; leave++) {
      size_t h = 0, c = 0;
      for (size_t r = 0; r < nrefs; r++) {
        if (jk && r == leave) continue;
        h += hits[kind][r];
        c += count[kind][r];
      }
      sum += c ? (double)h / (double)c : 0.0;
    }
    *res[kind] = sum / (double)nsub;
  }
  return NG_OK;
}

int ng_rouge_score(ng_rouge_result *out, ng_rouge_scorer *sc, const char *ref,
                   size_t ref_len, const char *sys, size_t sys_len) {
  memset(out, 0, sizeof *out);
  if (tokenize(sc, &sc->ref, ref, ref_len) || tokenize(sc, &sc->sys, sys, sys_len))
    return NG_ENOMEM;
  if (rouge_n(&out->m[NG_ROUGE_1], sc, 1) || rouge_n(&out->m[NG_ROUGE_2], sc, 2))
    return NG_ENOMEM;
  size_t l;
  if (lcs_len(&l, sc, sc->ref.toks.p, sc->ref.toks.n, sc->sys.toks.p,
              sc->sys.toks.n))
    return NG_ENOMEM;
  out->m[NG_ROUGE_L] = prf(l, sc->sys.toks.n, sc->ref.toks.n);
  return rouge_lsum(&out->m[NG_ROUGE_LSUM], sc);
}

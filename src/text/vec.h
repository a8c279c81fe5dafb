/* vec.h - a growable array of fixed-size items on an ng_allocator.
 *
 * Used for scratch lists that are built up and then copied into a document's
 * arena (sentences, tokens); the context keeps them so their capacity is
 * reused from one document to the next. */
#ifndef NG_TEXT_VEC_H
#define NG_TEXT_VEC_H

#include "mem.h"

#include <string.h>

typedef struct ng_vec {
  void *ptr;
  size_t len;  /* items */
  size_t cap;  /* items */
  size_t item; /* bytes per item */
  const ng_allocator *alc;
} ng_vec;

static inline void ng_vec_init(ng_vec *v, size_t item, const ng_allocator *alc) {
  v->ptr = NULL;
  v->len = v->cap = 0;
  v->item = item;
  v->alc = alc;
}

static inline int ng_vec_reserve(ng_vec *v, size_t n) {
  if (n <= v->cap) return NG_OK;
  size_t cap = v->cap ? v->cap : 64;
  while (cap < n) {
    if (cap > (size_t)-1 / 4) return NG_ENOMEM;
    cap *= 2;
  }
  size_t bytes, old;
  if (!ng_mul_ok(cap, v->item, &bytes)) return NG_ENOMEM;
  old = v->cap * v->item;
  void *p = ng_mem_realloc(v->alc, v->ptr, old, bytes);
  if (!p) return NG_ENOMEM;
  v->ptr = p;
  v->cap = cap;
  return NG_OK;
}

/* Appends one item (copied from `item`); returns NG_OK or NG_ENOMEM. */
static inline int ng_vec_push(ng_vec *v, const void *item) {
  if (v->len == v->cap) {
    int rc = ng_vec_reserve(v, v->len + 1);
    if (rc) return rc;
  }
  memcpy((char *)v->ptr + v->len * v->item, item, v->item);
  v->len++;
  return NG_OK;
}

static inline void *ng_vec_at(const ng_vec *v, size_t i) {
  return (char *)v->ptr + i * v->item;
}

static inline void ng_vec_dispose(ng_vec *v) {
  ng_mem_free(v->alc, v->ptr, v->cap * v->item);
  v->ptr = NULL;
  v->len = v->cap = 0;
}

#endif

/* mem.c - default allocator and the ng_buf output buffer. */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static void *std_malloc(void *ctx, size_t size) {
  (void)ctx;
  return malloc(size ? size : 1);
}

static void *std_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
  (void)ctx;
  (void)old_size;
  return realloc(p, new_size ? new_size : 1);
}

static void std_free(void *ctx, void *p, size_t size) {
  (void)ctx;
  (void)size;
  free(p);
}

const ng_allocator ng_default_allocator = {std_malloc, std_realloc, std_free,
                                           NULL};

void *ng_mem_alloc(const ng_allocator *alc, size_t size) {
  if (!alc) alc = &ng_default_allocator;
  return alc->malloc(alc->ctx, size);
}

void *ng_mem_realloc(const ng_allocator *alc, void *p, size_t old_size,
                     size_t new_size) {
  if (!alc) alc = &ng_default_allocator;
  if (!p) return alc->malloc(alc->ctx, new_size);
  return alc->realloc(alc->ctx, p, old_size, new_size);
}

void ng_mem_free(const ng_allocator *alc, void *p, size_t size) {
  if (!p) return;
  if (!alc) alc = &ng_default_allocator;
  alc->free(alc->ctx, p, size);
}

void ng_buf_dispose(ng_buf *b) {
  if (!b) return;
  if (b->ptr) ng_mem_free(b->alc, b->ptr, b->cap);
  b->ptr = NULL;
  b->len = b->cap = 0;
  b->alc = NULL;
}

int ng_buf_reserve(ng_buf *b, size_t extra) {
  if (extra > (size_t)-1 - b->len - 1) return NG_ENOMEM;
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return NG_OK;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) {
    if (cap > (size_t)-1 / 2) {
      cap = need;
      break;
    }
    cap *= 2;
  }
  char *p = ng_mem_realloc(b->alc, b->ptr, b->cap, cap);
  if (!p) return NG_ENOMEM;
  if (!b->ptr) p[0] = '\0';
  b->ptr = p;
  b->cap = cap;
  return NG_OK;
}

int ng_buf_put(ng_buf *b, const char *s, size_t n) {
  int rc = ng_buf_reserve(b, n);
  if (rc) return rc;
  if (n) memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = '\0';
  return NG_OK;
}

int ng_buf_putc(ng_buf *b, char c) { return ng_buf_put(b, &c, 1); }

int ng_buf_puts(ng_buf *b, const char *s) { return ng_buf_put(b, s, strlen(s)); }

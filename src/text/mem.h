/* mem.h - allocator plumbing shared by every module.
 *
 * All library memory goes through an ng_allocator (never a global one): the
 * context copies the caller's allocator, and arenas, vectors and output
 * buffers carry a pointer to it. */
#ifndef NG_TEXT_MEM_H
#define NG_TEXT_MEM_H

#include "nutgraf.h"

#include <stdbool.h>
#include <stddef.h>

/* The C library allocator, used when the caller passes NULL. */
extern const ng_allocator ng_default_allocator;

void *ng_mem_alloc(const ng_allocator *alc, size_t size);
void *ng_mem_realloc(const ng_allocator *alc, void *p, size_t old_size,
                     size_t new_size);
void ng_mem_free(const ng_allocator *alc, void *p, size_t size);

/* Overflow-checked a * b; returns false on overflow. */
static inline bool ng_mul_ok(size_t a, size_t b, size_t *out) {
  if (b != 0 && a > (size_t)-1 / b) return false;
  *out = a * b;
  return true;
}

/* Buffer helpers for ng_buf (public type). All return NG_OK or NG_ENOMEM. */
int ng_buf_reserve(ng_buf *b, size_t extra);
int ng_buf_putc(ng_buf *b, char c);

#endif

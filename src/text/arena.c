/* arena.c - see arena.h for the layout. */
#include "arena.h"

#include "mem.h"

#include <string.h>

struct ng_arena_chunk {
  ng_arena_chunk *next;
  size_t size; /* usable bytes in data */
  size_t used;
  _Alignas(8) unsigned char data[];
};

#define ARENA_MIN_CHUNK ((size_t)4096)
#define ARENA_MAX_STEP ((size_t)1 << 20)

void ng_arena_init(ng_arena *a, const ng_allocator *alc) {
  a->alc = alc;
  a->head = NULL;
  a->next_size = ARENA_MIN_CHUNK;
  a->total = 0;
}

static ng_arena_chunk *new_chunk(ng_arena *a, size_t size) {
  if (size > (size_t)-1 - sizeof(ng_arena_chunk)) return NULL;
  ng_arena_chunk *c = ng_mem_alloc(a->alc, sizeof(ng_arena_chunk) + size);
  if (!c) return NULL;
  c->size = size;
  c->used = 0;
  a->total += sizeof(ng_arena_chunk) + size;
  return c;
}

void *ng_arena_alloc(ng_arena *a, size_t size) {
  if (size > (size_t)-1 - 8) return NULL;
  size = (size + 7u) & ~(size_t)7u;
#ifdef NG_DEBUG_ARENA
  ng_arena_chunk *d = new_chunk(a, size);
  if (!d) return NULL;
  d->used = size;
  d->next = a->head;
  a->head = d;
  return d->data;
#else
  ng_arena_chunk *c = a->head;
  if (!c || c->size - c->used < size) {
    size_t want = a->next_size;
    if (want < size) want = size;
    c = new_chunk(a, want);
    if (!c) return NULL;
    /* Keep allocating from the fuller chunk if the new one is a one-off
     * large block: a big request must not strand a mostly empty head. */
    if (a->head && want == size && a->head->size - a->head->used > 256) {
      c->next = a->head->next;
      a->head->next = c;
      c->used = size;
      return c->data;
    }
    c->next = a->head;
    a->head = c;
    size_t step = a->next_size < ARENA_MAX_STEP ? a->next_size : ARENA_MAX_STEP;
    a->next_size += step;
  }
  void *p = c->data + c->used;
  c->used += size;
  return p;
#endif
}

void *ng_arena_calloc(ng_arena *a, size_t n, size_t size) {
  size_t bytes;
  if (!ng_mul_ok(n, size, &bytes)) return NULL;
  void *p = ng_arena_alloc(a, bytes);
  if (p && bytes) memset(p, 0, bytes);
  return p;
}

char *ng_arena_strndup(ng_arena *a, const char *s, size_t n) {
  if (n == (size_t)-1) return NULL;
  char *p = ng_arena_alloc(a, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void ng_arena_dispose(ng_arena *a) {
  ng_arena_chunk *c = a->head;
  while (c) {
    ng_arena_chunk *next = c->next;
    ng_mem_free(a->alc, c, sizeof(ng_arena_chunk) + c->size);
    c = next;
  }
  a->head = NULL;
  a->total = 0;
}

/* arena.h - bump allocator: one per document, freed in one call.
 *
 * Layout: a singly linked list of chunks, newest first. Each allocation is
 * 8-byte aligned and carved from the head chunk; a request that does not fit
 * starts a new chunk of at least twice the previous size (capped at 1 MiB
 * growth steps so a huge document does not double into waste).
 *
 *   head -> [next|size|used|data.........] -> [next|size|used|data...] -> NULL
 *
 * With NG_DEBUG_ARENA defined every allocation gets its own chunk, so
 * AddressSanitizer sees overruns between allocations. */
#ifndef NG_TEXT_ARENA_H
#define NG_TEXT_ARENA_H

#include "nutgraf.h"

#include <stddef.h>

typedef struct ng_arena_chunk ng_arena_chunk;

typedef struct ng_arena {
  const ng_allocator *alc;
  ng_arena_chunk *head;
  size_t next_size;
  size_t total; /* bytes obtained from the allocator, for memory tests */
} ng_arena;

void ng_arena_init(ng_arena *a, const ng_allocator *alc);
/* Returns NULL on out-of-memory or size overflow. */
void *ng_arena_alloc(ng_arena *a, size_t size);
/* Zeroed allocation of n * size bytes, overflow-checked. */
void *ng_arena_calloc(ng_arena *a, size_t n, size_t size);
/* Copies s[0..n) and adds a NUL. */
char *ng_arena_strndup(ng_arena *a, const char *s, size_t n);
void ng_arena_dispose(ng_arena *a);

#endif

/* bags.c - per-sentence bags of content terms, the input of every
 * similarity measure. */
#include "summarize.h"

#include "../text/ctx.h"
#include "../text/mem.h"

#include <stdlib.h>
#include <string.h>

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

int ng_bags_build(ng_bags *out, ng_ctx *ctx, const ng_doc *doc, size_t n) {
  memset(out, 0, sizeof *out);
  size_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += doc->sents[i].tok_end - doc->sents[i].tok_begin;
  out->n = n;
  out->cap = total + 1;
  out->terms = ng_mem_alloc(&ctx->alc, (total + 1) * sizeof(uint32_t));
  out->tf = ng_mem_alloc(&ctx->alc, (total + 1) * sizeof(uint32_t));
  out->begin = ng_mem_alloc(&ctx->alc, (n + 1) * sizeof(uint32_t));
  if (!out->terms || !out->tf || !out->begin) {
    ng_bags_dispose(out, ctx);
    return NG_ENOMEM;
  }
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    out->begin[i] = (uint32_t)w;
    size_t s = w;
    for (uint32_t k = doc->sents[i].tok_begin; k < doc->sents[i].tok_end; k++) {
      const ng_tok *t = &doc->toks[k];
      if (t->flags & NG_TOK_STOP) continue;
      if (!(t->flags & (NG_TOK_ALPHA | NG_TOK_DIGIT))) continue;
      out->terms[w++] = t->term;
    }
    qsort(out->terms + s, w - s, sizeof(uint32_t), cmp_u32);
    /* Collapse duplicates into counts. */
    size_t u = s;
    for (size_t k = s; k < w; k++) {
      if (u > s && out->terms[u - 1] == out->terms[k]) {
        out->tf[u - 1]++;
      } else {
        out->terms[u] = out->terms[k];
        out->tf[u] = 1;
        u++;
      }
    }
    w = u;
  }
  out->begin[n] = (uint32_t)w;
  return NG_OK;
}

void ng_bags_dispose(ng_bags *b, ng_ctx *ctx) {
  ng_mem_free(&ctx->alc, b->terms, b->cap * sizeof(uint32_t));
  ng_mem_free(&ctx->alc, b->tf, b->cap * sizeof(uint32_t));
  ng_mem_free(&ctx->alc, b->begin, (b->n + 1) * sizeof(uint32_t));
  memset(b, 0, sizeof *b);
}

/* ctx.c - context lifetime and the libstemmer glue. */
#include "ctx.h"

#include "doc.h"

#include "errors.h"
#include "hash.h"
#include "mem.h"

#include <libstemmer.h>
#include <string.h>

int ng_ctx_new(ng_ctx **out, const ng_allocator *alc, ng_error *err) {
  if (!out) return ng_fail(err, NG_EINVAL, "ng_ctx_new: out is NULL", 0);
  *out = NULL;
  if (!alc) alc = &ng_default_allocator;
  ng_ctx *ctx = alc->malloc(alc->ctx, sizeof *ctx);
  if (!ctx) return ng_fail(err, NG_ENOMEM, "out of memory", 0);
  memset(ctx, 0, sizeof *ctx);
  ctx->alc = *alc;
  ng_vec_init(&ctx->spans, sizeof(ng_span), &ctx->alc);
  ng_vec_init(&ctx->sents, sizeof(ng_sent), &ctx->alc);
  ng_vec_init(&ctx->toks, sizeof(ng_tok), &ctx->alc);
  ng_vec_init(&ctx->slots, sizeof(uint32_t), &ctx->alc);
  ng_vec_init(&ctx->floats, sizeof(double), &ctx->alc);
  ng_vec_init(&ctx->words, sizeof(uint32_t), &ctx->alc);
  *out = ctx;
  return NG_OK;
}

void ng_ctx_free(ng_ctx *ctx) {
  if (!ctx) return;
  for (int i = 0; i < NG_LANG_COUNT; i++)
    if (ctx->stemmer[i]) sb_stemmer_delete(ctx->stemmer[i]);
  ng_vec_dispose(&ctx->spans);
  ng_vec_dispose(&ctx->sents);
  ng_vec_dispose(&ctx->toks);
  ng_vec_dispose(&ctx->slots);
  ng_vec_dispose(&ctx->floats);
  ng_vec_dispose(&ctx->words);
  if (ctx->reader && ctx->reader_free) ctx->reader_free(ctx->reader);
  ng_mem_free(&ctx->alc, ctx->terms.slots, NG_TERM_CACHE_SLOTS * sizeof(uint32_t));
  ng_mem_free(&ctx->alc, ctx->terms.bytes, NG_TERM_CACHE_BYTES);
  ng_allocator alc = ctx->alc;
  alc.free(alc.ctx, ctx, sizeof *ctx);
}

static const char *stemmer_name(ng_lang lang) {
  switch (lang) {
  case NG_LANG_EN: return "english";
  case NG_LANG_RU: return "russian";
  case NG_LANG_DE: return "german";
  case NG_LANG_FR: return "french";
  case NG_LANG_ES: return "spanish";
  case NG_LANG_IT: return "italian";
  case NG_LANG_PT: return "portuguese";
  case NG_LANG_NL: return "dutch";
  default: return NULL; /* Polish has no Snowball stemmer in libstemmer */
  }
}

const char *ng_ctx_stem(ng_ctx *ctx, ng_lang lang, const char *w, size_t n,
                        size_t *out_len) {
  *out_len = n;
  if ((unsigned)lang >= NG_LANG_COUNT || n == 0 || n > 64) return w;
  struct sb_stemmer *st = ctx->stemmer[lang];
  if (!st) {
    const char *name = stemmer_name(lang);
    if (!name || ctx->stemmer_failed[lang]) return w;
    st = sb_stemmer_new(name, "UTF_8");
    if (!st) {
      ctx->stemmer_failed[lang] = 1;
      return w;
    }
    ctx->stemmer[lang] = st;
  }
  const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)n);
  if (!r) return w; /* libstemmer's only failure is out of memory */
  *out_len = (size_t)sb_stemmer_length(st);
  return (const char *)r;
}

static size_t term_slot(ng_lang lang, uint64_t hash) {
  return (size_t)(hash ^ ((uint64_t)lang * 0x9E3779B97F4A7C15u)) &
         (NG_TERM_CACHE_SLOTS - 1);
}

void ng_term_cache_prefetch(const ng_ctx *ctx, ng_lang lang, uint64_t hash,
                            bool record) {
  const ng_term_cache *c = &ctx->terms;
  if (!c->slots) return;
  const uint32_t *slot = &c->slots[term_slot(lang, hash)];
  if (!record) {
    __builtin_prefetch(slot);
    return;
  }
  if (*slot) __builtin_prefetch(c->bytes + *slot - 1);
}

bool ng_term_cache_get(ng_ctx *ctx, ng_lang lang, const char *surface, size_t n,
                       uint64_t hash, const char **term, size_t *term_len,
                       uint32_t *flags) {
  ng_term_cache *c = &ctx->terms;
  if (!c->slots) return false;
  for (size_t h = term_slot(lang, hash); c->slots[h];
       h = (h + 1) & (NG_TERM_CACHE_SLOTS - 1)) {
    const unsigned char *r = (const unsigned char *)c->bytes + c->slots[h] - 1;
    if (r[0] == (unsigned)lang && r[2] == n &&
        ng_key_eq((const char *)r + 4, surface, n)) {
      *flags = r[1];
      *term_len = r[3];
      *term = (const char *)r + 4 + n;
      return true;
    }
  }
  return false;
}

void ng_term_cache_put(ng_ctx *ctx, ng_lang lang, const char *surface, size_t n,
                       uint64_t hash, const char *term, size_t term_len,
                       uint32_t flags) {
  ng_term_cache *c = &ctx->terms;
  if (n > 255 || term_len > 255 || flags > 255) return;
  if (!c->slots) {
    c->slots = ng_mem_alloc(&ctx->alc, NG_TERM_CACHE_SLOTS * sizeof(uint32_t));
    c->bytes = ng_mem_alloc(&ctx->alc, NG_TERM_CACHE_BYTES);
    if (!c->slots || !c->bytes) {
      ng_mem_free(&ctx->alc, c->slots, NG_TERM_CACHE_SLOTS * sizeof(uint32_t));
      ng_mem_free(&ctx->alc, c->bytes, NG_TERM_CACHE_BYTES);
      c->slots = NULL;
      c->bytes = NULL;
      return;
    }
    memset(c->slots, 0, NG_TERM_CACHE_SLOTS * sizeof(uint32_t));
    c->used = c->blen = 0;
  }
  size_t need = 4 + n + term_len;
  if ((c->used + 1) * 2 > NG_TERM_CACHE_SLOTS || c->blen + need > NG_TERM_CACHE_BYTES) {
    /* Full: start over rather than evict one by one. */
    memset(c->slots, 0, NG_TERM_CACHE_SLOTS * sizeof(uint32_t));
    c->used = c->blen = 0;
  }
  size_t h = term_slot(lang, hash);
  while (c->slots[h]) h = (h + 1) & (NG_TERM_CACHE_SLOTS - 1);
  unsigned char *r = (unsigned char *)c->bytes + c->blen;
  r[0] = (unsigned char)lang;
  r[1] = (unsigned char)flags;
  r[2] = (unsigned char)n;
  r[3] = (unsigned char)term_len;
  memcpy(r + 4, surface, n);
  memcpy(r + 4 + n, term, term_len);
  c->slots[h] = (uint32_t)(c->blen + 1);
  c->blen += need;
  c->used++;
}

/* doc.c - building a document from blocks: sentences, tokens, terms. */
#include "doc.h"

#include "ctx.h"
#include "errors.h"
#include "hash.h"
#include "lang.h"
#include "lexicon.h"
#include "mem.h"
#include "sentences.h"
#include "utf8.h"

#include <string.h>

/* Interning: open addressing over term ids + 1 (0 = empty slot), ng_hash_mix. */
typedef struct intern {
  uint32_t *slots;
  size_t cap; /* power of two */
  ng_vec *terms; /* ng_term */
  ng_arena *arena;
} intern;

static int intern_grow(intern *in, ng_vec *slots_vec) {
  size_t cap = in->cap ? in->cap * 2 : 1024;
  size_t old_len = slots_vec->len;
  (void)old_len;
  slots_vec->len = 0;
  if (ng_vec_reserve(slots_vec, cap)) return NG_ENOMEM;
  in->slots = slots_vec->ptr;
  in->cap = cap;
  memset(in->slots, 0, cap * sizeof(uint32_t));
  ng_term *terms = in->terms->ptr;
  for (size_t t = 0; t < in->terms->len; t++) {
    size_t h = (size_t)ng_hash_mix(terms[t].str, terms[t].len) & (cap - 1);
    while (in->slots[h]) h = (h + 1) & (cap - 1);
    in->slots[h] = (uint32_t)(t + 1);
  }
  return NG_OK;
}

static int intern_get(intern *in, ng_vec *slots_vec, const char *s, size_t n,
                      uint32_t flags, uint32_t *id) {
  if ((in->terms->len + 1) * 2 > in->cap && intern_grow(in, slots_vec))
    return NG_ENOMEM;
  size_t h = (size_t)ng_hash_mix(s, n) & (in->cap - 1);
  ng_term *terms = in->terms->ptr;
  while (in->slots[h]) {
    ng_term *t = &terms[in->slots[h] - 1];
    if (t->len == n && ng_key_eq(t->str, s, n)) {
      *id = in->slots[h] - 1;
      return NG_OK;
    }
    h = (h + 1) & (in->cap - 1);
  }
  char *str = ng_arena_strndup(in->arena, s, n);
  if (!str) return NG_ENOMEM;
  ng_term t = {str, (uint32_t)n, flags};
  if (ng_vec_push(in->terms, &t)) return NG_ENOMEM;
  *id = (uint32_t)(in->terms->len - 1);
  in->slots[h] = *id + 1;
  return NG_OK;
}

/* Surface cache: most tokens repeat a spelling seen earlier in the same
 * document, so the raw bytes are looked up first and folding, stop-word
 * lookup and stemming run once per distinct spelling. Slots hold the index
 * + 1 of the first token with that spelling. */
typedef struct surface {
  uint32_t *slots;
  size_t cap;
  size_t used;
  const ng_allocator *alc;
} surface;

static int surface_grow(surface *sf, const ng_doc *doc, const ng_tok *toks) {
  size_t cap = sf->cap ? sf->cap * 2 : 1024;
  uint32_t *slots = ng_mem_alloc(sf->alc, cap * sizeof(uint32_t));
  if (!slots) return NG_ENOMEM;
  memset(slots, 0, cap * sizeof(uint32_t));
  for (size_t k = 0; k < sf->cap; k++) {
    uint32_t v = sf->slots[k];
    if (!v) continue;
    const ng_tok *t = &toks[v - 1];
    size_t h = (size_t)ng_hash_mix(doc->text + t->off, t->len) & (cap - 1);
    while (slots[h]) h = (h + 1) & (cap - 1);
    slots[h] = v;
  }
  ng_mem_free(sf->alc, sf->slots, sf->cap * sizeof(uint32_t));
  sf->slots = slots;
  sf->cap = cap;
  return NG_OK;
}

/* Folds, marks stop words, stems and interns a token seen for the first
 * time in the document (hash: ng_hash_mix of its spelling). */
static int intern_first(ng_doc *doc, intern *in, ng_tok *t, uint64_t hash,
                        ng_lex_id stop) {
  ng_ctx *ctx = doc->ctx;
  const char *raw = doc->text + t->off;
  char fold[128];
  uint32_t flags = 0;
  size_t sl;
  const char *stem;
  if (ng_term_cache_get(ctx, doc->lang, raw, t->len, hash, &stem, &sl,
                        &flags)) {
    t->flags |= flags;
  } else {
    size_t n = ng_utf8_fold(fold, sizeof fold, raw, t->len);
    if (n >= sizeof fold) n = strlen(fold);
    /* Possessive 's is not part of the term: Russia's ~ Russia. */
    if (n > 3 && fold[n - 2] == '\'' && fold[n - 1] == 's') n -= 2;
    else if (n > 5 && (unsigned char)fold[n - 4] == 0xE2 &&
             (unsigned char)fold[n - 3] == 0x80 &&
             (unsigned char)fold[n - 2] == 0x99 && fold[n - 1] == 's')
      n -= 4;
    if (stop != NG_LEX_COUNT && ng_lex_has(stop, fold, n)) {
      t->flags |= NG_TOK_STOP;
      flags = NG_TOK_STOP;
    }
    stem = (t->flags & NG_TOK_ALPHA) && !(t->flags & NG_TOK_DIGIT)
               ? ng_ctx_stem(ctx, doc->lang, fold, n, &sl)
               : (sl = n, fold);
    ng_term_cache_put(ctx, doc->lang, raw, t->len, hash, stem, sl, flags);
    /* The put may have reused the cache: stem still points at the
     * stemmer's buffer or at fold, which it did not touch. */
  }
  uint32_t id;
  if (intern_get(in, &ctx->slots, stem, sl, flags, &id)) return NG_ENOMEM;
  t->term = id;
  return NG_OK;
}

/* Folds, marks stop words, stems and interns tokens [from, to), in three
 * passes: (1) spellings already seen in the document are found in the
 * surface cache, and first[k] names the token each one repeats; (2) the
 * first tokens of each spelling, in document order, go through the
 * context's term cache (the same lookups and insertions, in the same
 * order, as one pass would make), its memory asked for a few spellings
 * ahead: that cache is too large to stay in the processor's caches, and
 * its lookups were a wait on memory each; (3) repeats copy their first
 * token's term and stop flag. Each spelling is hashed once, in (1): the
 * term cache's slots come from the same hash. */
#define TERM_AHEAD 8 /* spellings between the slot's prefetch and its use */
static int intern_tokens(ng_doc *doc, intern *in, ng_vec *toks, size_t from,
                         size_t to) {
  ng_ctx *ctx = doc->ctx;
  ng_lex_id stop = ng_lex_stopwords(doc->lang);
  surface sf = {NULL, 0, 0, &ctx->alc};
  int rc = NG_OK;
  size_t nt = to - from, nfirst = 0;
  uint32_t *first = nt ? ng_mem_alloc(&ctx->alc, nt * sizeof *first) : NULL;
  uint32_t *order = nt ? ng_mem_alloc(&ctx->alc, nt * sizeof *order) : NULL;
  uint64_t *hash = nt ? ng_mem_alloc(&ctx->alc, nt * sizeof *hash) : NULL;
  if (nt && (!first || !order || !hash)) {
    rc = NG_ENOMEM;
    goto done;
  }
  for (size_t k = from; k < to; k++) {
    if ((sf.used + 1) * 2 > sf.cap && surface_grow(&sf, doc, toks->ptr)) {
      rc = NG_ENOMEM;
      goto done;
    }
    const ng_tok *t = ng_vec_at(toks, k);
    const char *raw = doc->text + t->off;
    uint64_t hv = ng_hash_mix(raw, t->len);
    size_t h = (size_t)hv & (sf.cap - 1);
    uint32_t hit = 0;
    while (sf.slots[h]) {
      const ng_tok *f = ng_vec_at(toks, sf.slots[h] - 1);
      if (f->len == t->len && ng_key_eq(doc->text + f->off, raw, t->len)) {
        hit = sf.slots[h];
        break;
      }
      h = (h + 1) & (sf.cap - 1);
    }
    if (hit) {
      first[k - from] = hit - 1;
      continue;
    }
    sf.slots[h] = (uint32_t)(k + 1);
    sf.used++;
    first[k - from] = (uint32_t)k;
    hash[nfirst] = hv;
    order[nfirst++] = (uint32_t)k;
  }
  ng_tok *tv = toks->ptr;
  for (size_t q = 0; q < nfirst; q++) {
    if (q + TERM_AHEAD < nfirst)
      ng_term_cache_prefetch(ctx, doc->lang, hash[q + TERM_AHEAD], false);
    if (q + TERM_AHEAD / 2 < nfirst)
      ng_term_cache_prefetch(ctx, doc->lang, hash[q + TERM_AHEAD / 2], true);
    if ((rc = intern_first(doc, in, &tv[order[q]], hash[q], stop))) goto done;
  }
  for (size_t k = from; k < to; k++) {
    size_t f = first[k - from];
    if (f == k) continue;
    tv[k].term = tv[f].term;
    tv[k].flags |= tv[f].flags & NG_TOK_STOP;
  }
done:
  ng_mem_free(&ctx->alc, first, nt * sizeof *first);
  ng_mem_free(&ctx->alc, order, nt * sizeof *order);
  ng_mem_free(&ctx->alc, hash, nt * sizeof *hash);
  ng_mem_free(sf.alc, sf.slots, sf.cap * sizeof(uint32_t));
  return rc;
}

/* n items of src into the arena, then one zeroed item (what a calloc of
 * n + 1 and a copy give, without zeroing the copied bytes first). */
static void *arena_copy(ng_arena *a, const void *src, size_t n, size_t item) {
  size_t bytes;
  if (!ng_mul_ok(n + 1, item, &bytes)) return NULL;
  char *p = ng_arena_alloc(a, bytes);
  if (!p) return NULL;
  if (n) memcpy(p, src, n * item);
  memset(p + n * item, 0, item);
  return p;
}

int ng_doc_build(ng_doc **out, ng_ctx *ctx, const char *text, size_t len,
                 const ng_block_in *blocks, size_t nblocks, ng_span title,
                 const ng_span *furn, size_t nfurn, ng_lang lang,
                 unsigned build, ng_error *err) {
  int rc = NG_OK;
  ng_doc *doc = NULL;
  ng_vec terms;
  ng_vec_init(&terms, sizeof(ng_term), &ctx->alc);
  *out = NULL;
  if (len >= UINT32_MAX)
    return ng_fail(err, NG_ETOOBIG, "document larger than 4 GiB", 0);

  ng_arena arena;
  ng_arena_init(&arena, &ctx->alc);
  NG_CHECK_ALLOC(doc = ng_arena_calloc(&arena, 1, sizeof *doc));
  doc->arena = arena;
  doc->ctx = ctx;
  NG_CHECK_ALLOC(doc->text = ng_arena_strndup(&doc->arena, text, len));
  doc->len = len;
  doc->title = title;

  if (lang == NG_LANG_UNKNOWN) {
    /* Detect on the body (the first blocks suffice). */
    size_t from = nblocks ? blocks[0].off : 0;
    size_t to = nblocks ? blocks[nblocks - 1].off + blocks[nblocks - 1].len : 0;
    if (to - from > 8192) to = from + 8192;
    lang = ng_lang_detect(text + from, to - from);
  }
  doc->lang = lang;

  /* Sentences and tokens into the context's scratch vectors. */
  ng_vec *sents = &ctx->sents, *toks = &ctx->toks, *spans = &ctx->spans;
  sents->len = toks->len = 0;
  for (size_t b = 0; b < nblocks && !(build & NG_BUILD_PARAS_ONLY); b++) {
    spans->len = 0;
    NG_CHECK_ALLOC(ng_sentences_split(spans, doc->text, blocks[b].off,
                                      blocks[b].len, lang,
                                      blocks[b].wrapped ? NG_SPLIT_SOFT_BREAKS : 0) ==
                   NG_OK);
    for (size_t s = 0; s < spans->len; s++) {
      ng_span *sp = ng_vec_at(spans, s);
      ng_sent st = {(uint32_t)sp->off, (uint32_t)sp->len, (uint32_t)b,
                    (uint32_t)toks->len, 0, 0};
      NG_CHECK_ALLOC(ng_tokenize(toks, doc->text, sp->off, sp->len) == NG_OK);
      st.tok_end = (uint32_t)toks->len;
      NG_CHECK_ALLOC(ng_vec_push(sents, &st) == NG_OK);
    }
  }
  doc->title_tok_begin = toks->len;
  if (title.len && !(build & NG_BUILD_PARAS_ONLY))
    NG_CHECK_ALLOC(ng_tokenize(toks, doc->text, title.off, title.len) == NG_OK);
  doc->title_tok_end = toks->len;

  intern in = {NULL, 0, &terms, &doc->arena};
  NG_CHECK_ALLOC(intern_tokens(doc, &in, toks, 0, toks->len) == NG_OK);

  /* Copy everything into the arena: the doc must not depend on ctx scratch. */
  doc->npara = nblocks;
  doc->nsent = sents->len;
  doc->ntok = toks->len;
  doc->nterm = terms.len;
  doc->nfurn = nfurn;
  NG_CHECK_ALLOC(doc->paras = arena_copy(&doc->arena, blocks, nblocks,
                                         sizeof(ng_block_in)));
  NG_CHECK_ALLOC(doc->sents = arena_copy(&doc->arena, sents->ptr, sents->len,
                                         sizeof(ng_sent)));
  NG_CHECK_ALLOC(doc->toks = arena_copy(&doc->arena, toks->ptr, toks->len,
                                        sizeof(ng_tok)));
  NG_CHECK_ALLOC(doc->terms = arena_copy(&doc->arena, terms.ptr, terms.len,
                                         sizeof(ng_term)));
  NG_CHECK_ALLOC(doc->furn =
                     arena_copy(&doc->arena, furn, nfurn, sizeof(ng_span)));
  *out = doc;
  doc = NULL;
done:
  ng_vec_dispose(&terms);
  if (doc) ng_doc_free(doc);
  return rc;
}

void ng_doc_free(ng_doc *doc) {
  if (!doc) return;
  ng_arena arena = doc->arena; /* the doc lives inside its own arena */
  ng_arena_dispose(&arena);
}

const char *ng_doc_text(const ng_doc *doc, size_t *len) {
  if (len) *len = doc->len;
  return doc->text;
}

size_t ng_doc_body_offset(const ng_doc *doc) { return doc->body_off; }
ng_lang ng_doc_lang(const ng_doc *doc) { return doc->lang; }
ng_span ng_doc_title(const ng_doc *doc) { return doc->title; }
size_t ng_doc_sentence_count(const ng_doc *doc) { return doc->nsent; }

ng_span ng_doc_sentence(const ng_doc *doc, size_t i) {
  ng_span s = {0, 0};
  if (i < doc->nsent) {
    s.off = doc->sents[i].off;
    s.len = doc->sents[i].len;
  }
  return s;
}

size_t ng_doc_sentence_paragraph(const ng_doc *doc, size_t i) {
  return i < doc->nsent ? doc->sents[i].para : 0;
}

size_t ng_doc_paragraph_count(const ng_doc *doc) { return doc->npara; }

ng_span ng_doc_paragraph(const ng_doc *doc, size_t i) {
  ng_span s = {0, 0};
  if (i < doc->npara) {
    s.off = doc->paras[i].off;
    s.len = doc->paras[i].len;
  }
  return s;
}

size_t ng_doc_token_count(const ng_doc *doc) { return doc->title_tok_begin; }

ng_span ng_doc_token(const ng_doc *doc, size_t i) {
  ng_span s = {0, 0};
  if (i < doc->title_tok_begin) {
    s.off = doc->toks[i].off;
    s.len = doc->toks[i].len;
  }
  return s;
}

size_t ng_doc_furniture_count(const ng_doc *doc) { return doc->nfurn; }

ng_span ng_doc_furniture(const ng_doc *doc, size_t i) {
  ng_span s = {0, 0};
  if (i < doc->nfurn) s = doc->furn[i];
  return s;
}

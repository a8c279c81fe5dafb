/* ctx.h - the per-thread workspace behind the opaque ng_ctx.
 *
 * Scratch vectors only grow; they are emptied (len = 0), not freed, between
 * documents, so a long batch run settles at the memory of its largest
 * document. Stemmers are created on first use per language. */
#ifndef NG_TEXT_CTX_H
#define NG_TEXT_CTX_H

#include "nutgraf.h"
#include "vec.h"

struct sb_stemmer;

/* What a word's spelling becomes in every document of a language: its
 * folded, stemmed term and whether it is a stop word. Kept across
 * documents, since most words of the next article were in the last ones;
 * bounded (at most 32,768 of the NG_TERM_CACHE_SLOTS filled, 2 MB of text:
 * about 2.3 MB a context in all) and
 * emptied when full, so memory stays flat over a batch. Records in bytes:
 * lang, flags, surface length, term length (one byte each), the surface,
 * the term. */
#define NG_TERM_CACHE_SLOTS 65536u
#define NG_TERM_CACHE_BYTES (2048u * 1024u)
typedef struct ng_term_cache {
  uint32_t *slots; /* record offset + 1; 0 empty */
  char *bytes;
  size_t used, blen;
} ng_term_cache;

struct ng_ctx {
  ng_allocator alc;
  struct sb_stemmer *stemmer[NG_LANG_COUNT];
  unsigned char stemmer_failed[NG_LANG_COUNT];
  /* Scratch, reused between documents (see the users for item types). */
  ng_vec spans;  /* ng_span: blocks, furniture, candidate lines */
  ng_vec sents;  /* ng_sent while building a doc */
  ng_vec toks;   /* ng_tok while building a doc */
  ng_vec slots;  /* uint32_t: intern hash table */
  ng_vec floats; /* double: scores, graph rows */
  ng_vec words;  /* uint32_t: per-sentence term lists, misc */
  /* A reader may park one reusable object here (the HTML parser: creating
   * it costs as much as a small page's extraction). text/ knows only how
   * to free it, so the dependency rule holds. */
  void *reader;
  void (*reader_free)(void *reader);
  ng_term_cache terms;
};

/* Looks up the term of a surface spelling in lang (hash: ng_hash_mix of
 * the spelling, which the caller has at hand); on a hit sets *term,
 * *term_len (pointing into the cache, valid until the next insert) and
 * *flags. */
bool ng_term_cache_get(ng_ctx *ctx, ng_lang lang, const char *surface, size_t n,
                       uint64_t hash, const char **term, size_t *term_len,
                       uint32_t *flags);

/* Asks the memory for what ng_term_cache_get will read for a spelling of
 * that hash: its first slot, or (record) the record that slot points to,
 * which needs the slot in cache first. A hint only: changes nothing. */
void ng_term_cache_prefetch(const ng_ctx *ctx, ng_lang lang, uint64_t hash,
                            bool record);

/* Remembers a surface spelling's term (hash as for _get); silently does
 * nothing when the entry does not fit (over 255 bytes) or memory is
 * short. */
void ng_term_cache_put(ng_ctx *ctx, ng_lang lang, const char *surface, size_t n,
                       uint64_t hash, const char *term, size_t term_len,
                       uint32_t flags);

/* Returns the stem of a case-folded word: either a pointer into the
 * stemmer's buffer (valid until the next call) or `w` itself when the
 * language has no stemmer. */
const char *ng_ctx_stem(ng_ctx *ctx, ng_lang lang, const char *w, size_t n,
                        size_t *out_len);

#endif

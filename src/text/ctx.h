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
};

/* Returns the stem of a case-folded word: either a pointer into the
 * stemmer's buffer (valid until the next call) or `w` itself when the
 * language has no stemmer. */
const char *ng_ctx_stem(ng_ctx *ctx, ng_lang lang, const char *w, size_t n,
                        size_t *out_len);

#endif

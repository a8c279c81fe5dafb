/* doc.h - the parsed document behind the opaque ng_doc.
 *
 * Everything is in one arena. All positions are byte offsets into `text`
 * (a private, NUL-terminated copy of the input):
 *
 *   text   "Title\n\nNo time to read?\nFirst sentence. Second one.\n"
 *   title  [0,5)
 *   furn   [7,23)                 lines judged to be site furniture
 *   paras  [24,51)                body blocks, in order
 *   sents  [24,39) [40,51)        each with its paragraph and token range
 *   toks   First|sentence|Second|one   each with an interned term id
 *   terms  "first" "sentenc" "second" "one"   (folded, stemmed)
 *
 * Title tokens come after the body tokens in `toks` (title_tok_begin..end)
 * so rankers can compare sentences with the title on term ids.
 *
 * The HTML reader builds `text` as "Title\n\nFirst block\n\n...": the
 * title is there for the rankers, but the text a user gets (an article's
 * "text") starts at the first block, `body_off`, and JSON output gives
 * offsets from there. Text input is its own text: body_off is 0. */
#ifndef NG_TEXT_DOC_H
#define NG_TEXT_DOC_H

#include "arena.h"
#include "nutgraf.h"
#include "tokens.h"

#include <stdbool.h>
#include <stdint.h>

enum {
  /* A sentence that is site furniture inside an article line ("Read more.",
   * a consent sentence): kept in the text, never put in a summary. */
  NG_SENT_FURNITURE = 1u << 0
};

typedef struct ng_sent {
  uint32_t off, len;
  uint32_t para;
  uint32_t tok_begin, tok_end;
  uint32_t flags; /* NG_SENT_* */
} ng_sent;

typedef struct ng_term {
  const char *str; /* folded stem, NUL-terminated, in the arena */
  uint32_t len;
  uint32_t flags;  /* NG_TOK_STOP if a stop word */
} ng_term;

/* A body block as handed to ng_doc_build by a reader. */
typedef struct ng_block_in {
  size_t off, len;
  int kind;     /* ng_block_kind */
  int level;    /* heading level */
  bool wrapped; /* lines broken at a width: a line break is a space */
} ng_block_in;

struct ng_doc {
  ng_arena arena;
  ng_ctx *ctx;
  char *text;
  size_t len;
  ng_lang lang;
  ng_span title;
  size_t body_off; /* where the user's text starts (HTML: the first block) */
  ng_block_in *paras;
  size_t npara;
  ng_sent *sents;
  size_t nsent;
  ng_tok *toks;
  size_t ntok;
  size_t title_tok_begin, title_tok_end;
  ng_term *terms;
  size_t nterm;
  ng_span *furn;
  size_t nfurn;
};

/* Builds a document over a copy of text[0..len), which must be valid UTF-8
 * of at most UINT32_MAX - 1 bytes. `blocks` are the body blocks (spans of
 * text); `title` may be {0,0}; `furn` lists furniture lines (may be NULL).
 * `lang` NG_LANG_UNKNOWN is detected from the body. With
 * NG_BUILD_PARAS_ONLY in `build` the document has its paragraphs and
 * language but no sentences, tokens or terms (NG_EXTRACT_BODY_ONLY). The
 * caller owns *out. */
enum { NG_BUILD_PARAS_ONLY = 1u << 0 };
int ng_doc_build(ng_doc **out, ng_ctx *ctx, const char *text, size_t len,
                 const ng_block_in *blocks, size_t nblocks, ng_span title,
                 const ng_span *furn, size_t nfurn, ng_lang lang,
                 unsigned build, ng_error *err);

#endif

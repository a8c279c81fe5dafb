/* tokens.h - word tokenization.
 *
 * A token is a maximal run of letters, digits and combining marks, joined
 * across a few connectors when both sides continue the word:
 *   apostrophes  don't, O'Brien, Lukashenko’s   (letter ' letter)
 *   hyphens      well-known, COVID-19, 2024-2026 (alnum - alnum)
 *   number marks 3.14, 1,000,000, 10:30          (digit [.,:] digit)
 *   dotted abbreviations  U.S., e.g.             (single letters and dots)
 * CJK ideographs, kana and hangul syllables are one token each. Punctuation
 * and symbols are not tokens. Tokens are spans of the text: nothing is
 * copied. */
#ifndef NG_TEXT_TOKENS_H
#define NG_TEXT_TOKENS_H

#include "nutgraf.h"
#include "vec.h"

#include <stdint.h>

enum {
  NG_TOK_ALPHA = 1u << 0,   /* has a letter */
  NG_TOK_DIGIT = 1u << 1,   /* has a digit */
  NG_TOK_UPPER1 = 1u << 2,  /* first letter upper case */
  NG_TOK_ALLCAPS = 1u << 3, /* every letter upper case, at least two */
  NG_TOK_STOP = 1u << 4,    /* in the language's stop-word list */
  NG_TOK_IDEO = 1u << 5     /* an ideograph */
};

typedef struct ng_tok {
  uint32_t off;
  uint32_t len;
  uint32_t term;  /* interned id of the folded stem (doc-local) */
  uint32_t flags; /* NG_TOK_* */
} ng_tok;

/* Appends the tokens of text[off, off + len) to `out` (items: ng_tok, with
 * term = 0 and flags other than NG_TOK_STOP set). Returns NG_OK or
 * NG_ENOMEM. */
int ng_tokenize(ng_vec *out, const char *text, size_t off, size_t len);

#endif

/* furniture.h - recognising site furniture: the lines and blocks that belong
 * to the website, not to the article ("No time to read? Get a summary",
 * "Previous Article", cookie notices, share prompts, lone bullets).
 *
 * Shared by the scraped-text reader and the HTML extractor, so both use one
 * lexicon (src/data/lex/furniture.txt, cookie_cues.txt). */
#ifndef NG_EXTRACT_FURNITURE_H
#define NG_EXTRACT_FURNITURE_H

#include "nutgraf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if the whole of s[0..n), folded and stripped of bullets, outer
 * punctuation and extra spaces, is a known furniture phrase. */
bool ng_furniture_is_phrase(const char *s, size_t n);

/* True if s[0..n) contains a consent/cookie/newsletter cue. */
bool ng_furniture_has_cue(const char *s, size_t n);

/* True if s[0..n) has no letter or digit (lone bullets, separators). */
bool ng_furniture_is_symbols(const char *s, size_t n);

/* Writes the normalized key of a line (as used for the lexicon and for
 * repetition) into dst; returns its length (0 if it does not fit). */
size_t ng_furniture_key(char *dst, size_t cap, const char *s, size_t n);

/* Shape of a line of text. */
typedef struct ng_line_shape {
  size_t words;
  bool terminal;   /* ends with . ! ? … (possibly before closing quotes) */
  bool upper_start;/* first letter or digit is upper case / a digit / quote */
  bool prose;      /* looks like running article text */
  bool cue;        /* carries a consent/newsletter cue (set by classify) */
} ng_line_shape;

void ng_line_shape_of(ng_line_shape *out, const char *s, size_t n);

/* Verdicts for the lines of scraped text. */
typedef enum ng_line_kind {
  NG_LINE_BLANK = 0,
  NG_LINE_BODY,
  NG_LINE_TITLE,
  NG_LINE_FURNITURE
} ng_line_kind;

/* Classifies `n` lines (spans of text). `kinds` receives one verdict per
 * line; `keys` (n items) and `shapes` (n items) are caller scratch. Pure
 * function of its input. */
void ng_furniture_classify(const char *text, const ng_span *lines, size_t n,
                           ng_line_kind *kinds, uint64_t *keys,
                           ng_line_shape *shapes, int allow_title);

/* Flags the sentences of a document that are furniture on their own
 * ("No time to read?" run into an article line): NG_SENT_FURNITURE. */
struct ng_doc;
void ng_furniture_mark_sentences(struct ng_doc *doc);

#endif

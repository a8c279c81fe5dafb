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

/* True if the opening words of s[0..n) make the line furniture:
 *   - a label and a colon before a headline or nothing ("Read more:
 *     <headline>", "Related:", "Читайте также: ..."; furniture_label.txt);
 *     a lower-case rest ("Related: the two cases were ...") or a sentence
 *     of 10 words or more ending in a full stop is article text;
 *   - a call to the reader opening a line of at most 40 words ("Sign up to
 *     our daily newsletter ...", "Подписывайтесь на наш канал";
 *     furniture_call.txt);
 *   - a picture credit of at most 10 words: a credit label before a colon
 *     ("Photo: Reuters", "(Credit: Jane Doe / Grist)", "Foto: dpa"), a
 *     label of two words or with a full stop ("Image copyright Getty
 *     Images", "fot. ..."; credit_label.txt), or a copyright sign;
 *   - a lead cue with nothing after it ("Scroll down for video").
 * Leading bullets, brackets and spaces are passed over; words are runs
 * between white space, as the HTML reader counts them. */
bool ng_furniture_opens(const char *s, size_t n);

/* A cue glued to the sentence after it ("Scroll down for video Bosses in
 * ...", furniture_lead.txt): the bytes to pass over at the start of
 * s[0..n) (the cue, the spaces and stops after it) when what follows opens
 * a sentence (a capital, a digit or a quotation mark); n when nothing
 * follows; 0 when s does not open with a cue. */
size_t ng_furniture_lead_cue(const char *s, size_t n);

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
 * ("No time to read?" run into an article line, "Read more: <headline>"):
 * NG_SENT_FURNITURE; a sentence that opens with a lead cue ("Scroll down
 * for video Bosses in ...") starts after it. */
struct ng_doc;
void ng_furniture_mark_sentences(struct ng_doc *doc);

#endif

/* sentences.h - sentence segmentation.
 *
 * Rule-based, in the tradition of pragmatic_segmenter / pySBD, but working
 * on spans so sentences keep their byte offsets: a sentence is a span of
 * the input, never a rewritten copy. */
#ifndef NG_TEXT_SENTENCES_H
#define NG_TEXT_SENTENCES_H

#include "nutgraf.h"
#include "vec.h"

/* Appends the sentences of text[off, off + len) to `out` (items: ng_span,
 * absolute offsets, in order, never overlapping). Each is trimmed of
 * surrounding white space and of scraping leftovers at its edges (markup
 * tags such as "<p>", separator runs such as "////"); empty sentences are
 * skipped. `lang` selects the abbreviation and sentence-starter lists
 * (NG_LANG_UNKNOWN: English rules; languages without lists of their own use
 * the English abbreviations without starters); `flags` below. Linear in len; allocates
 * only by growing `out`. Returns NG_OK or NG_ENOMEM. The rules are
 * described at the top of sentences.c. */
int ng_sentences_split(ng_vec *out, const char *text, size_t off, size_t len,
                       ng_lang lang, unsigned flags);

/* Flags of ng_sentences_split. NG_SPLIT_SOFT_BREAKS: the text is wrapped
 * (a paragraph broken into lines at a width), so a single line break is a
 * space; only a blank line ends a sentence without punctuation. */
enum { NG_SPLIT_SOFT_BREAKS = 1u << 0 };

#endif

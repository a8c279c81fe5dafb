/* sentences.h - sentence segmentation.
 *
 * Rule-based, in the tradition of pragmatic_segmenter / pySBD, but working
 * on spans so sentences keep their byte offsets: a sentence is a span of
 * the input, never a rewritten copy. */
#ifndef NG_TEXT_SENTENCES_H
#define NG_TEXT_SENTENCES_H

#include "nutgraf.h"
#include "vec.h"

/* Appends the sentences of text[off, off + len) to `out` (items: ng_span),
 * each trimmed of surrounding white space; empty sentences are skipped.
 * `lang` selects abbreviation lists (NG_LANG_UNKNOWN: English rules).
 * Returns NG_OK or NG_ENOMEM. */
int ng_sentences_split(ng_vec *out, const char *text, size_t off, size_t len,
                       ng_lang lang);

#endif

/* lang.h - language codes and detection from function words. */
#ifndef NG_TEXT_LANG_H
#define NG_TEXT_LANG_H

#include "nutgraf.h"

/* Guesses the language of text[0..len) from at most its first ~400 words:
 * the stop-word list with the most hits wins when it has at least 3 and
 * clearly more than the runner-up; Cyrillic script without Russian function
 * words stays unknown. */
ng_lang ng_lang_detect(const char *text, size_t len);

#endif

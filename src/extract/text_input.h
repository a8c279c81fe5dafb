/* text_input.h - checks shared by every reader of raw input. */
#ifndef NG_EXTRACT_TEXT_INPUT_H
#define NG_EXTRACT_TEXT_INPUT_H

#include "nutgraf.h"

/* 1 if s looks binary (NUL bytes, many control characters); *bad gets the
 * offset of the first NUL. */
int ng_text_sniff_binary(const char *s, size_t n, size_t *bad);

/* Size cap, binary sniffing and UTF-8 validation, in that order. */
int ng_text_precheck(const char *text, size_t len, size_t max_bytes,
                     ng_error *err);

#endif

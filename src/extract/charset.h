/* charset.h - the character encoding of an HTML page, and conversion of the
 * page to UTF-8.
 *
 * Precedence (WHATWG "determine the character encoding", simplified):
 *   1. a byte order mark (UTF-8, UTF-16LE/BE);
 *   2. the caller's charset (HTTP Content-Type);
 *   3. bytes that are valid UTF-8 with some multi-byte sequence: UTF-8, even
 *      when the page declares otherwise (mislabelled pages are common, and
 *      legacy 8-bit text is almost never valid UTF-8 by accident); also
 *      when there are at least 20 valid multi-byte sequences per invalid
 *      byte (strings the site cut inside a character), with the invalid
 *      bytes replaced;
 *   4. <meta charset>, <meta http-equiv content="...charset=..."> or an XML
 *      declaration in the first 8 KiB;
 *   5. windows-1252 (what browsers assume for Western pages).
 * Labels are mapped as browsers do (ISO-8859-1 and ASCII mean windows-1252,
 * GB2312 means GB18030). Invalid bytes become U+FFFD; they are never fatal. */
#ifndef NG_EXTRACT_CHARSET_H
#define NG_EXTRACT_CHARSET_H

#include "nutgraf.h"

#include <stddef.h>

/* Where the encoding came from. */
typedef enum ng_charset_source {
  NG_CHARSET_BOM = 0,
  NG_CHARSET_CALLER,
  NG_CHARSET_UTF8_VALID,
  NG_CHARSET_META,
  NG_CHARSET_DEFAULT
} ng_charset_source;

/* Picks the encoding of data[0..len) (see above). `hint` is the caller's
 * label or NULL. Writes an iconv name ("UTF-8", "WINDOWS-1252", ...) into
 * name[0..cap) and returns where it came from. *bom receives the length of a
 * byte order mark to skip (0 if none). Pure function. */
ng_charset_source ng_charset_detect(char *name, size_t cap, const char *data,
                                    size_t len, const char *hint, size_t *bom);

/* Maps a charset label to an iconv name ("latin1" -> "WINDOWS-1252").
 * Writes at most cap bytes (NUL-terminated); returns 0 if the label is
 * empty, too long or has characters no label has. */
int ng_charset_label(char *name, size_t cap, const char *label, size_t n);

/* Converts data[0..len) from `charset` (an iconv name) to UTF-8, appended
 * to out (which must carry the allocator to use). Invalid or unmappable
 * bytes become U+FFFD. Returns NG_OK, NG_ENOMEM, or NG_EENCODING when iconv
 * does not know the charset. */
int ng_charset_to_utf8(ng_buf *out, const char *data, size_t len,
                       const char *charset, ng_error *err);

#endif

/* utf8.c - validation (hand-written: it is the hot path of every input and
 * must report the offset of the first bad byte), classification and
 * normalization (utf8proc). */
#include "utf8.h"

#include "errors.h"
#include "mem.h"

#include <string.h>
#include <utf8proc.h>

int ng_utf8_check(const char *str, size_t len, ng_error *err) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    /* ASCII fast path, 8 bytes at a time. */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & UINT64_C(0x8080808080808080)) break;
      i += 8;
    }
    if (i >= len) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t need;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      cp = c & 0x07u;
    } else {
      return ng_fail(err, NG_EUTF8, "invalid UTF-8 lead byte", i);
    }
    if (len - i <= need)
      return ng_fail(err, NG_EUTF8, "truncated UTF-8 sequence", i);
    for (size_t k = 1; k <= need; k++) {
      if ((s[i + k] & 0xC0) != 0x80)
        return ng_fail(err, NG_EUTF8, "invalid UTF-8 continuation byte", i);
      cp = (cp << 6) | (s[i + k] & 0x3Fu);
    }
    if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000))
      return ng_fail(err, NG_EUTF8, "overlong UTF-8 sequence", i);
    if (cp >= 0xD800 && cp <= 0xDFFF)
      return ng_fail(err, NG_EUTF8, "UTF-8 encoded surrogate", i);
    if (cp > 0x10FFFF)
      return ng_fail(err, NG_EUTF8, "code point above U+10FFFF", i);
    i += need + 1;
  }
  return NG_OK;
}

size_t ng_utf8_decode(const char *str, size_t n, int32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  if (n == 0) {
    *cp = 0;
    return 1;
  }
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (need == 0 || need >= n) {
    *cp = 0xFFFD;
    return 1;
  }
  int32_t v = (int32_t)(c & (0x3Fu >> need));
  for (size_t k = 1; k <= need; k++) {
    if ((s[k] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (int32_t)(s[k] & 0x3Fu);
  }
  *cp = v;
  return need + 1;
}

size_t ng_utf8_prev(const char *s, size_t end) {
  if (end == 0) return 0;
  size_t i = end - 1;
  size_t k = 0;
  while (i > 0 && k < 3 && ((unsigned char)s[i] & 0xC0) == 0x80) {
    i--;
    k++;
  }
  return i;
}

size_t ng_utf8_encode(int32_t cp, char *out) {
  utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
  return n > 0 ? (size_t)n : 0;
}

/* ASCII classes, indexed by byte. */
const unsigned char ng_ascii_class[128] = {
    /* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
    /* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* ' '  */ 1, 6, 6, 6, 7, 6, 6, 6, 6, 6, 6, 7, 6, 6, 6, 6,
    /* '0'  */ 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 7, 7, 7, 6,
    /* '@'  */ 6, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    /* 'P'  */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 6, 6, 7, 6,
    /* '`'  */ 7, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    /* 'p'  */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 7, 6, 7, 0};

static bool is_ideographic(int32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||   /* kana */
         (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK ext A */
         (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified */
         (cp >= 0xAC00 && cp <= 0xD7AF) ||   /* hangul syllables */
         (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility ideographs */
         (cp >= 0x20000 && cp <= 0x2FFFF);   /* supplementary ideographs */
}

ng_cclass ng_cp_class(int32_t cp) {
  if (cp >= 0 && cp < 128) return (ng_cclass)ng_ascii_class[cp];
  if (is_ideographic(cp)) return NG_CC_IDEO;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
    return NG_CC_LETTER;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
    return NG_CC_MARK;
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return NG_CC_DIGIT;
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
    return NG_CC_SPACE;
  case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI:
  case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO:
    return NG_CC_PUNCT;
  case UTF8PROC_CATEGORY_SM:
  case UTF8PROC_CATEGORY_SC:
  case UTF8PROC_CATEGORY_SK:
  case UTF8PROC_CATEGORY_SO:
    return NG_CC_SYMBOL;
  case UTF8PROC_CATEGORY_CF:
    /* Zero-width joiners and soft hyphens live inside words. */
    return cp == 0x200D || cp == 0x200C || cp == 0xAD ? NG_CC_MARK : NG_CC_OTHER;
  default:
    return NG_CC_OTHER;
  }
}

bool ng_cp_is_upper(int32_t cp) {
  if (cp < 128) return cp >= 'A' && cp <= 'Z';
  return utf8proc_isupper(cp) != 0;
}

bool ng_cp_is_lower(int32_t cp) {
  if (cp < 128) return cp >= 'a' && cp <= 'z';
  return utf8proc_islower(cp) != 0;
}

#define FOLD_OPTS \
  (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)
#define FOLD_MAX_CP 256

size_t ng_utf8_fold(char *dst, size_t cap, const char *s, size_t n) {
  /* ASCII fast path: tolower, no utf8proc, in the same pass as the test
   * (a non-ASCII byte sends the whole string to the general path, which
   * writes dst again from the start). */
  size_t i = 0, lim = n < cap ? n : cap;
  /* Eight, then four bytes at a time while they are ASCII: 0x20 added to
   * each byte in 'A'..'Z' (no carries: every byte is below 0x80). */
  for (; i + 8 <= lim; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    const uint64_t high = UINT64_C(0x8080808080808080);
    if (w & high) break;
    uint64_t ge_a = w + UINT64_C(0x3F3F3F3F3F3F3F3F); /* high bit: >= 'A' */
    uint64_t gt_z = w + UINT64_C(0x2525252525252525); /* high bit: > 'Z' */
    w |= ((ge_a ^ gt_z) & high) >> 2;
    memcpy(dst + i, &w, 8);
  }
  if (i + 4 <= lim) {
    uint32_t w;
    memcpy(&w, s + i, 4);
    if (!(w & 0x80808080u)) {
      uint32_t ge_a = w + 0x3F3F3F3Fu, gt_z = w + 0x25252525u;
      w |= ((ge_a ^ gt_z) & 0x80808080u) >> 2;
      memcpy(dst + i, &w, 4);
      i += 4;
    }
  }
  for (; i < lim; i++) {
    char c = s[i];
    if ((unsigned char)c >= 0x80) break;
    dst[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  while (i < n && (unsigned char)s[i] < 0x80) i++; /* past cap: test only */
  if (i == n) {
    if (n < cap) dst[n] = '\0';
    else if (cap) dst[cap - 1] = '\0'; /* truncated: still a C string */
    return n;
  }
  utf8proc_int32_t buf[FOLD_MAX_CP];
  size_t out = 0;
  size_t pos = 0;
  /* Fold in pieces of at most 64 code points, cut at code point starts, so
   * a long token needs no heap buffer. Composition across a cut is lost,
   * which only matters for tokens longer than 64 characters. */
  while (pos < n) {
    size_t end = pos, cps = 0;
    while (end < n && cps < 64) {
      int32_t cp;
      end += ng_utf8_decode(s + end, n - end, &cp);
      cps++;
    }
    utf8proc_ssize_t m = utf8proc_decompose_custom(
        (const utf8proc_uint8_t *)s + pos, (utf8proc_ssize_t)(end - pos), buf,
        FOLD_MAX_CP, (utf8proc_option_t)FOLD_OPTS, NULL, NULL);
    if (m < 0 || m > FOLD_MAX_CP) {
      /* Should not happen on validated text: copy the bytes unchanged. */
      for (size_t k = pos; k < end; k++, out++)
        if (out < cap) dst[out] = s[k];
    } else {
      m = utf8proc_normalize_utf32(buf, m, (utf8proc_option_t)FOLD_OPTS);
      for (utf8proc_ssize_t k = 0; k < m; k++) {
        char tmp[4];
        size_t l = ng_utf8_encode(buf[k], tmp);
        for (size_t j = 0; j < l; j++, out++)
          if (out < cap) dst[out] = tmp[j];
      }
    }
    pos = end;
  }
  if (out < cap) dst[out] = '\0';
  else if (cap) {
    /* Truncated: cut back to a code point boundary. */
    size_t c = cap - 1;
    while (c > 0 && ((unsigned char)dst[c] & 0xC0) == 0x80) c--;
    dst[c] = '\0';
  }
  return out;
}

int ng_utf8_nfc(ng_buf *out, const char *s, size_t n, ng_error *err) {
  int rc = ng_utf8_check(s, n, err);
  if (rc) return rc;
  /* Decompose to UTF-32 into the output buffer's own memory, compose in
   * place, re-encode: at most 4 bytes per code point, and NFC output is
   * never longer in code points than the canonical decomposition. */
  utf8proc_option_t opts = (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)n, NULL, 0, opts);
  if (m < 0) return ng_fail(err, NG_EUTF8, utf8proc_errmsg(m), 0);
  size_t bytes;
  if (!ng_mul_ok((size_t)m + 1, sizeof(utf8proc_int32_t), &bytes))
    return ng_fail(err, NG_ENOMEM, "out of memory", 0);
  if (ng_buf_reserve(out, bytes)) return ng_fail(err, NG_ENOMEM, "out of memory", 0);
  /* Align the UTF-32 scratch inside the reserved region. */
  char *base = out->ptr + out->len;
  size_t pad = (size_t)(-(uintptr_t)base & 3u);
  if (pad && ng_buf_reserve(out, bytes + pad))
    return ng_fail(err, NG_ENOMEM, "out of memory", 0);
  base = out->ptr + out->len;
  utf8proc_int32_t *u = (utf8proc_int32_t *)(void *)(base + pad);
  m = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, u, m,
                         opts);
  if (m < 0) return ng_fail(err, NG_EUTF8, utf8proc_errmsg(m), 0);
  m = utf8proc_normalize_utf32(u, m, opts);
  if (m < 0) return ng_fail(err, NG_EUTF8, utf8proc_errmsg(m), 0);
  /* Encode forward: the write position never overtakes the read position
   * because each code point takes at most 4 bytes and we start `pad` bytes
   * earlier. */
  size_t w = 0;
  for (utf8proc_ssize_t k = 0; k < m; k++) {
    char tmp[4];
    size_t l = ng_utf8_encode(u[k], tmp);
    memcpy(base + w, tmp, l);
    w += l;
  }
  out->len += w;
  out->ptr[out->len] = '\0';
  return NG_OK;
}

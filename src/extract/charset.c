/* charset.c - encoding detection and conversion to UTF-8 (iconv). */
#include "charset.h"
#include "../text/ascii.h"

#include "../text/errors.h"
#include "../text/mem.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>


static int label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

/* Browser label -> iconv name; labels not listed go to iconv as they are. */
static const struct {
  const char *label, *name;
} aliases[] = {
    {"utf-8", "UTF-8"},          {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    /* A page cannot declare UTF-16 in a meta tag it could be read by:
     * browsers take UTF-8 then. */
    {"utf-16", "UTF-8"},         {"utf-16le", "UTF-8"},
    {"utf-16be", "UTF-8"},       {"unicode", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"},  {"latin-1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},      {"us-ascii", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"},   {"iso_8859-1", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},  {"windows-1252", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
    {"iso-8859-11", "CP874"},    {"tis-620", "CP874"},
    {"gb2312", "GB18030"},       {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},        {"gb_2312-80", "GB18030"},
    {"shift_jis", "CP932"},      {"shift-jis", "CP932"},
    {"sjis", "CP932"},           {"x-sjis", "CP932"},
    {"windows-31j", "CP932"},    {"euc-kr", "CP949"},
    {"ks_c_5601-1987", "CP949"}, {"big5", "BIG5-HKSCS"},
    {"x-mac-roman", "MACINTOSH"}, {"macintosh", "MACINTOSH"},
};

int ng_charset_label(char *name, size_t cap, const char *label, size_t n) {
  while (n && (*label == ' ' || *label == '"' || *label == '\'')) {
    label++;
    n--;
  }
  while (n && (label[n - 1] == ' ' || label[n - 1] == '"' ||
               label[n - 1] == '\'' || label[n - 1] == ';'))
    n--;
  if (n == 0 || n >= 40 || cap < 40) return 0;
  char low[40];
  for (size_t i = 0; i < n; i++) {
    if (!label_char(label[i])) return 0;
    low[i] = ng_ascii_lower(label[i]);
  }
  low[n] = '\0';
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
    if (strcmp(low, aliases[i].label) == 0) {
      size_t l = strlen(aliases[i].name);
      memcpy(name, aliases[i].name, l + 1);
      return 1;
    }
  }
  for (size_t i = 0; i <= n; i++) name[i] = (char)(low[i] >= 'a' && low[i] <= 'z' ? low[i] - 32 : low[i]);
  return 1;
}

/* Length of a valid UTF-8 sequence at s[0..n), 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

/* 1: valid UTF-8 with at least one multi-byte sequence; 0: pure ASCII;
 * 2: UTF-8 with a few broken sequences (a string cut inside a character by
 * the site's own truncation: legacy 8-bit text almost never forms 20 valid
 * multi-byte sequences per invalid byte); -1: invalid. A sequence cut by
 * the end of a truncated page is allowed. */
static int utf8_verdict(const char *data, size_t len) {
  const unsigned char *s = (const unsigned char *)data;
  size_t multi = 0, bad = 0;
  for (size_t i = 0; i < len;) {
    if (s[i] < 0x80) {
      /* ASCII runs 8 bytes at a time: most of a page is markup. */
      uint64_t w;
      while (len - i >= 8 && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0))
        i += 8;
      while (i < len && s[i] < 0x80) i++;
      continue;
    }
    size_t l = utf8_seq(s + i, len - i);
    if (!l) {
      if (len - i < 4 && s[i] >= 0xC2 && multi) break;
      bad++;
      i++;
      continue;
    }
    multi++;
    i += l;
  }
  if (!bad) return multi ? 1 : 0;
  return multi >= 20 * bad ? 2 : -1;
}

static int ieq(const char *s, const char *lit, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ng_ascii_lower(s[i]) != lit[i]) return 0;
  return 1;
}

/* Finds charset=... in a <meta> tag, or encoding="..." in an XML
 * declaration, in the first 8 KiB. Other tags do not count: <script
 * charset="utf-8"> names the script's encoding, not the page's. */
static int meta_charset(char *name, size_t cap, const char *data, size_t len) {
  size_t lim = len < 8192 ? len : 8192;
  for (size_t i = 0; i < lim; i++) {
    if (data[i] != '<') continue;
    bool meta = lim - i >= 6 && ieq(data + i + 1, "meta", 4) &&
                (data[i + 5] == ' ' || data[i + 5] == '\t' ||
                 data[i + 5] == '\n' || data[i + 5] == '\r');
    bool xml = lim - i >= 5 && memcmp(data + i + 1, "?xml", 4) == 0;
    if (!meta && !xml) continue;
    const char *gt = memchr(data + i, '>', lim - i);
    size_t end = gt ? (size_t)(gt - data) : lim;
    const char *key = meta ? "charset" : "encoding";
    size_t kl = strlen(key);
    for (size_t j = i + 1; j + kl < end; j++) {
      if (!ieq(data + j, key, kl)) continue;
      size_t k = j + kl;
      while (k < end && (data[k] == ' ' || data[k] == '\t')) k++;
      if (k >= end || data[k] != '=') continue;
      k++;
      while (k < end && (data[k] == ' ' || data[k] == '"' || data[k] == '\''))
        k++;
      size_t b = k;
      while (k < end && label_char(data[k])) k++;
      if (k > b && ng_charset_label(name, cap, data + b, k - b)) return 1;
    }
    i = end;
  }
  return 0;
}

ng_charset_source ng_charset_detect(char *name, size_t cap, const char *data,
                                    size_t len, const char *hint,
                                    size_t *bom) {
  *bom = 0;
  const unsigned char *u = (const unsigned char *)data;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    *bom = 3;
    strcpy(name, "UTF-8");
    return NG_CHARSET_BOM;
  }
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    *bom = 2;
    strcpy(name, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
    return NG_CHARSET_BOM;
  }
  if (hint && ng_charset_label(name, cap, hint, strlen(hint)))
    return NG_CHARSET_CALLER;
  int v = utf8_verdict(data, len);
  if (v == 1) {
    strcpy(name, "UTF-8");
    return NG_CHARSET_UTF8_VALID;
  }
  if (v == 2) { /* converted with the broken bytes replaced */
    strcpy(name, "UTF-8");
    return NG_CHARSET_DEFAULT;
  }
  if (meta_charset(name, cap, data, len)) {
    /* A page declared UTF-8 that is not: legacy bytes, most likely. */
    if (strcmp(name, "UTF-8") != 0 || v == 0) return NG_CHARSET_META;
  }
  strcpy(name, v == 0 ? "UTF-8" : "WINDOWS-1252");
  return NG_CHARSET_DEFAULT;
}

static int put_replacement(ng_buf *out) { return ng_buf_put(out, "\xEF\xBF\xBD", 3); }

/* UTF-8 to UTF-8: copy, replacing invalid sequences. */
static int utf8_clean(ng_buf *out, const char *data, size_t len) {
  const unsigned char *s = (const unsigned char *)data;
  int rc = ng_buf_reserve(out, len);
  if (rc) return rc;
  size_t run = 0;
  for (size_t i = 0; i < len;) {
    size_t l = s[i] < 0x80 ? 1 : utf8_seq(s + i, len - i);
    if (l) {
      i += l;
      continue;
    }
    if ((rc = ng_buf_put(out, data + run, i - run))) return rc;
    if ((rc = put_replacement(out))) return rc;
    i++;
    run = i;
  }
  return ng_buf_put(out, data + run, len - run);
}

int ng_charset_to_utf8(ng_buf *out, const char *data, size_t len,
                       const char *charset, ng_error *err) {
  int rc;
  if (strcmp(charset, "UTF-8") == 0) {
    rc = utf8_clean(out, data, len);
    return rc ? ng_fail(err, rc, "out of memory", 0) : NG_OK;
  }
  iconv_t cd = iconv_open("UTF-8", charset);
  if (cd == (iconv_t)-1)
    return ng_fail(err, NG_EENCODING, "unknown character encoding", 0);
  char *in = (char *)(uintptr_t)data; /* iconv's prototype is not const */
  size_t inleft = len;
  rc = ng_buf_reserve(out, len + len / 2 + 16);
  while (!rc && inleft) {
    if (out->cap - out->len < 32) {
      rc = ng_buf_reserve(out, out->cap);
      if (rc) break;
    }
    char *op = out->ptr + out->len;
    size_t room = out->cap - out->len - 1, before = room;
    size_t r = iconv(cd, &in, &inleft, &op, &room);
    out->len += before - room;
    out->ptr[out->len] = '\0';
    if (r != (size_t)-1) break;
    if (errno == E2BIG) {
      rc = ng_buf_reserve(out, inleft * 2 + 16);
    } else { /* EILSEQ, or EINVAL: a sequence cut at the end */
      rc = put_replacement(out);
      in++;
      inleft--;
    }
  }
  iconv_close(cd);
  return rc ? ng_fail(err, rc, "out of memory", 0) : NG_OK;
}

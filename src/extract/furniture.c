/* furniture.c - line-level furniture detection.
 *
 * Scraped pages put the article between two bands of site text. The signals,
 * in order of strength:
 *   1. the line is a known furniture phrase or only symbols (lexicon);
 *   2. the line repeats elsewhere on the page and is short ("No time to
 *      read?" above and below the article);
 *   3. the line carries a consent/newsletter cue and sits outside the body
 *      or is short;
 *   4. position: before the first prose line only a title survives; after
 *      the last prose line nothing that is not prose survives ("Previous
 *      Article" and the linked headline after it).
 * Lines in the middle that are not prose are kept: they are subheadings. */
#include "furniture.h"

#include "../text/doc.h"
#include "../text/hash.h"
#include "../text/lexicon.h"
#include "../text/utf8.h"

#include <string.h>

static bool strip_char(int32_t cp) {
  ng_cclass c = ng_cp_class_fast(cp);
  return c == NG_CC_SPACE || c == NG_CC_PUNCT || c == NG_CC_SYMBOL ||
         c == NG_CC_OTHER;
}

size_t ng_furniture_key(char *dst, size_t cap, const char *s, size_t n) {
  /* Trim leading and trailing symbols/punctuation/space. */
  size_t b = 0, e = n;
  while (b < e) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + b, e - b, &cp);
    if (!strip_char(cp)) break;
    b += l;
  }
  while (e > b) {
    size_t p = ng_utf8_prev(s, e);
    int32_t cp;
    ng_utf8_decode_fast(s + p, e - p, &cp);
    if (!strip_char(cp) || cp == '\'') break;
    e = p;
  }
  if (e - b >= cap) return 0;
  char tmp[256];
  if (e - b >= sizeof tmp) return 0;
  /* Collapse inner white space to one ASCII space, then fold. */
  size_t w = 0;
  bool space = false;
  for (size_t i = b; i < e;) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, e - i, &cp);
    if (ng_cp_class_fast(cp) == NG_CC_SPACE) {
      space = true;
    } else {
      if (space && w) tmp[w++] = ' ';
      space = false;
      memcpy(tmp + w, s + i, l);
      w += l;
    }
    i += l;
  }
  size_t k = ng_utf8_fold(dst, cap, tmp, w);
  return k < cap ? k : 0;
}

/* More words than any furniture phrase has? Counts the runs between white
 * space that hold a letter, digit or mark: the key keeps each such run
 * (trimming takes only symbols, punctuation and space from the ends) and
 * separates runs by one space, so this is at most the key's word count.
 * Stops as soon as the count is over: sentences are read only that far,
 * where building the key reads and folds all of them. */
static bool over_phrase_words(const char *s, size_t n) {
  size_t max = ng_lex_max_words(NG_LEX_furniture), runs = 0;
  bool in_run = false, counted = false;
  for (size_t i = 0; i < n;) {
    if (ng_ascii_alnum((unsigned char)s[i])) {
      /* An ASCII letter or digit is in a run and counts it; the rest of
       * the word's ASCII letters and digits change nothing (up to eight
       * of them a step). */
      if (!in_run || !counted) {
        in_run = counted = true;
        if (++runs > max) return true;
      }
      i += ng_ascii_alnum_run8(s, i, n);
      continue;
    }
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    ng_cclass c = ng_cp_class_fast(cp);
    i += l;
    if (c == NG_CC_SPACE) {
      in_run = false;
      continue;
    }
    if (!in_run) {
      in_run = true;
      counted = false;
    }
    if (!counted && !strip_char(cp)) {
      counted = true;
      if (++runs > max) return true;
    }
  }
  return false;
}

bool ng_furniture_is_phrase(const char *s, size_t n) {
  if (n > 200) return false;
  if (over_phrase_words(s, n)) return false;
  char key[256];
  size_t k = ng_furniture_key(key, sizeof key, s, n);
  if (k == 0) return false;
  if (ng_lex_has(NG_LEX_furniture, key, k)) return true;
  /* "Share on Facebook Twitter Email", "Previous article: ..." as prefix */
  return false;
}

/* The lower case of a capital of Latin-1, Latin Extended-A or basic
 * Cyrillic (U+00C0-U+017E, U+0400-U+042F), which are all the capitals of
 * the languages the cue lists are in; other code points are returned as
 * they are. Both cases take two bytes in UTF-8. */
static int32_t lower2(int32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17E) {
    /* Pairs: capital even, small odd, except 0139-0148 and 0179-017E
     * (capital odd); 0130/0131 (Turkish i), 0138, 0149 and 0178 have no
     * small letter next to them. */
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x178)
      return cp;
    bool odd_capital = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
    return (cp & 1) == (odd_capital ? 1 : 0) ? cp + 1 : cp;
  }
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  return cp;
}

/* Lower-cases s[0..n) into dst (n bytes, at the same offsets): ASCII, and
 * the two-byte capitals lower2 knows. Returns false if s holds some other
 * non-ASCII character, for which full folding (utf8proc) may differ. */
static bool lower_simple(char *dst, const char *s, size_t n) {
  size_t i = 0;
  bool simple = true;
  while (i < n) {
    /* Eight bytes at a time while they are ASCII: 0x20 added to each byte
     * in 'A'..'Z' (no carries: every byte is below 0x80). */
    if (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (!(w & UINT64_C(0x8080808080808080))) {
        uint64_t ge_a = w + UINT64_C(0x3F3F3F3F3F3F3F3F); /* high bit: >= 'A' */
        uint64_t gt_z = w + UINT64_C(0x2525252525252525); /* high bit: > 'Z' */
        w |= ((ge_a ^ gt_z) & UINT64_C(0x8080808080808080)) >> 2;
        memcpy(dst + i, &w, 8);
        i += 8;
        continue;
      }
    }
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      dst[i++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n) {
      int32_t cp = (int32_t)((c & 0x1Fu) << 6 | ((unsigned char)s[i + 1] & 0x3Fu));
      if (cp >= 0x180 && !(cp >= 0x400 && cp < 0x460)) simple = false;
      cp = lower2(cp);
      dst[i] = (char)(0xC0 | (cp >> 6));
      dst[i + 1] = (char)(0x80 | (cp & 0x3F));
      i += 2;
      continue;
    }
    simple = false;
    dst[i] = s[i];
    i++;
  }
  return simple;
}

bool ng_furniture_has_cue(const char *s, size_t n) {
  char key[1024];
  if (n > 2000) return false;
  /* Simple lower case first: full Unicode folding (utf8proc) costs more
   * than the lookup, and it only matters for cues in other scripts than
   * Latin and Cyrillic, which all contain "cookie". */
  size_t k = n < sizeof key - 1 ? n : sizeof key - 1;
  bool simple = lower_simple(key, s, k);
  key[k] = '\0';
  if (ng_lex_contains(NG_LEX_cookie_cues, key, k)) return true;
  if (simple || !strstr(key, "cookie")) return false;
  k = ng_utf8_fold(key, sizeof key, s, n);
  if (k >= sizeof key) k = strlen(key);
  return ng_lex_contains(NG_LEX_cookie_cues, key, k);
}

/* Openings: the first words of a line, looked up in the four lists of
 * openers at once (ng_lex_lists) at each word boundary. */
#define OPEN_BYTES 64
#define LABEL_REST_WORDS 25 /* a headline after "Read more:" */
#define CALL_WORDS 40       /* "Sign up to our newsletter for ..." */
#define CREDIT_WORDS 10     /* "Photo: Jane Doe / Reuters" */
#define OPENS_MAX_BYTES 600 /* a longer line is text */

typedef struct opening {
  size_t b;                         /* where the words start in the line */
  size_t label, call, credit, lead; /* longest entry of each list, or 0 */
  char key[OPEN_BYTES];             /* the line from b, lower-cased */
} opening;

static bool quote_mark(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0xAB || cp == 0xBB || cp == 0x2018 ||
         cp == 0x2019 || cp == 0x201A || cp == 0x201C || cp == 0x201D ||
         cp == 0x201E || cp == 0x2039 || cp == 0x203A;
}

static bool word_byte(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10 ||
         c >= 0x80 || c == '\'' || c == '-';
}

/* Fills o for s[0..n); false if no opener list has an entry there. */
static bool open_line(opening *o, const char *s, size_t n) {
  /* Past bullets, brackets and spaces ("» Read more:", "(Credit: ...)"),
   * not past a quotation mark glued to a word: '"Follow us," he said' is
   * a sentence. */
  size_t b = 0;
  while (b < n) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + b, n - b, &cp);
    if (!strip_char(cp) || cp == 0xA9) break; /* © is a credit */
    if (quote_mark(cp) && b + l < n && s[b + l] != ' ' && s[b + l] != '\t') break;
    b += l;
  }
  o->b = b;
  o->label = o->call = o->credit = o->lead = 0;
  size_t k = n - b < OPEN_BYTES ? n - b : OPEN_BYTES;
  while (k < n - b && k > 0 && ((unsigned char)s[b + k] & 0xC0) == 0x80) k--;
  if (k == 0) return false;
  /* Most lines open with a word no opener starts with: the first word (a
   * run of letters, digits and non-ASCII bytes, as the lexicon reads
   * words) is lower-cased and looked up alone first. */
  size_t fw = 0;
  while (fw < k && ((unsigned char)((s[b + fw] | 0x20) - 'a') < 26 ||
                    (unsigned char)(s[b + fw] - '0') < 10 ||
                    (unsigned char)s[b + fw] >= 0x80))
    fw++;
  lower_simple(o->key, s + b, fw);
  const uint64_t want = ng_lex_may_start(
      UINT64_C(1) << NG_LEX_furniture_label | UINT64_C(1) << NG_LEX_furniture_call |
          UINT64_C(1) << NG_LEX_credit_label | UINT64_C(1) << NG_LEX_furniture_lead,
      o->key, fw);
  if (!want) return false;
  lower_simple(o->key + fw, s + b + fw, k - fw);
  size_t words = 1, max = 0;
  for (unsigned id = 0; id < NG_LEX_COUNT; id++)
    if ((want >> id & 1u) && ng_lex_max_words((ng_lex_id)id) > max)
      max = ng_lex_max_words((ng_lex_id)id);
  bool any = false;
  for (size_t e = 1; e <= k; e++) {
    /* An entry ends where a word ends; the key's end is one only if it
     * is the line's end. */
    bool inside = e < k ? word_byte((unsigned char)o->key[e])
                        : k < n - b && word_byte((unsigned char)s[b + k]);
    if (inside) continue;
    uint64_t in = ng_lex_lists(o->key, e) & want;
    if (in) {
      any = true;
      if (in >> NG_LEX_furniture_label & 1) o->label = e;
      if (in >> NG_LEX_furniture_call & 1) o->call = e;
      if (in >> NG_LEX_credit_label & 1) o->credit = e;
      if (in >> NG_LEX_furniture_lead & 1) o->lead = e;
    }
    if (e < k && o->key[e] == ' ' && ++words > max) break;
  }
  return any;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  return i;
}

/* Does a sentence start at s[i]: a capital, a digit or a quotation mark? */
static bool opens_sentence(const char *s, size_t n, size_t i) {
  if (i >= n) return false;
  int32_t cp;
  ng_utf8_decode_fast(s + i, n - i, &cp);
  ng_cclass c = ng_cp_class_fast(cp);
  return c == NG_CC_DIGIT || c == NG_CC_IDEO || ng_cp_is_upper_fast(cp) ||
         cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0xAB ||
         cp == 0x201E;
}

/* The rest after "Read more:": nothing, or a headline (a capital first, at
 * most LABEL_REST_WORDS words, not a long sentence ending in a full stop). */
static bool headline_rest(const char *s, size_t n) {
  ng_line_shape sh;
  ng_line_shape_of(&sh, s, n);
  if (sh.words == 0) return true;
  if (!sh.upper_start || sh.words > LABEL_REST_WORDS) return false;
  size_t e = n;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')'))
    e--;
  return !(e > 0 && s[e - 1] == '.' && sh.words >= 10);
}

/* Where the sentence after a lead cue starts: past the spaces and stops
 * after the cue ("Scroll down for video..."), not past a quotation mark
 * that opens the sentence. n if nothing follows, 0 if no sentence does. */
static size_t lead_end(const opening *o, const char *s, size_t n) {
  size_t i = o->b + o->lead;
  while (i < n) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    if (!(ng_cp_class_fast(cp) == NG_CC_SPACE || cp == '.' || cp == ':' || cp == '!' ||
          cp == '-' || cp == '|' || cp == '>' || cp == 0xBB || cp == 0x2013 ||
          cp == 0x2014 || cp == 0x2026))
      break;
    i += l;
  }
  if (i == n) return n;
  return opens_sentence(s, n, i) ? i : 0;
}

/* Words as the HTML reader counts them (ng_hblock.words): runs of
 * anything but white space, so "© AFP / Jane Doe" has five. */
static size_t count_words(const char *s, size_t n) {
  size_t words = 0;
  bool in = false;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    bool sp = ng_cp_class_fast(cp) == NG_CC_SPACE;
    if (!sp && !in) words++;
    in = !sp;
    i += l;
  }
  return words;
}

static bool credit_of(const opening *o, const char *s, size_t n) {
  if (o->credit) {
    size_t c = skip_spaces(s, n, o->b + o->credit);
    bool labelled = (c < n && s[c] == ':') || memchr(o->key, ' ', o->credit) ||
                    o->key[o->credit - 1] == '.';
    if (labelled && count_words(s, n) <= CREDIT_WORDS) return true;
  }
  return false;
}

/* A short line with a copyright sign: "© dpa", "Foto: © Jane Doe". */
static bool copyright_sign(const char *s, size_t n) {
  for (const char *p = s; (p = memchr(p, 0xA9, n - (size_t)(p - s))); p++)
    if (p > s && (unsigned char)p[-1] == 0xC2) return count_words(s, n) <= CREDIT_WORDS;
  return false;
}

/* ng_furniture_opens on an opening already read (`any`: open_line's
 * verdict). */
static bool opens_with(const opening *o, bool any, const char *s, size_t n) {
  if (!any) return copyright_sign(s, n);
  if (o->label) {
    size_t c = skip_spaces(s, n, o->b + o->label);
    if (c < n && s[c] == ':' && headline_rest(s + c + 1, n - c - 1)) return true;
  }
  if (o->call && count_words(s, n) <= CALL_WORDS) return true;
  if (o->lead && lead_end(o, s, n) == n) return true;
  return credit_of(o, s, n) || copyright_sign(s, n);
}

bool ng_furniture_opens(const char *s, size_t n) {
  if (n > OPENS_MAX_BYTES) return false;
  opening o;
  bool any = open_line(&o, s, n);
  return opens_with(&o, any, s, n);
}

size_t ng_furniture_lead_cue(const char *s, size_t n) {
  opening o;
  if (!open_line(&o, s, n) || !o.lead) return 0;
  return lead_end(&o, s, n);
}

bool ng_furniture_is_symbols(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    ng_cclass c = ng_cp_class_fast(cp);
    if (c == NG_CC_LETTER || c == NG_CC_DIGIT || c == NG_CC_IDEO) return false;
    i += l;
  }
  return true;
}

static bool is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0xBB;
}

void ng_line_shape_of(ng_line_shape *out, const char *s, size_t n) {
  memset(out, 0, sizeof *out);
  bool in_word = false;
  bool first = true;
  for (size_t i = 0; i < n;) {
    if (!first && in_word && ng_ascii_alnum((unsigned char)s[i])) {
      i += ng_ascii_alnum_run8(s, i, n); /* inside a word: nothing changes */
      continue;
    }
    int32_t cp;
    size_t l = ng_utf8_decode_fast(s + i, n - i, &cp);
    ng_cclass c = ng_cp_class_fast(cp);
    bool wordy = c == NG_CC_LETTER || c == NG_CC_DIGIT || c == NG_CC_IDEO;
    if (wordy && !in_word) out->words++;
    if (c == NG_CC_IDEO) out->words++; /* CJK: count characters */
    if (first && (wordy || cp == '"' || cp == 0x201C || cp == 0xAB)) {
      out->upper_start = c == NG_CC_DIGIT || c == NG_CC_IDEO ||
                         !wordy || ng_cp_is_upper(cp) ||
                         (c == NG_CC_LETTER && !ng_cp_is_lower(cp));
      first = false;
    }
    in_word = wordy || (in_word && (cp == '\'' || cp == 0x2019 || cp == '-'));
    i += l;
  }
  /* Terminal punctuation, looking past closing quotes and spaces. */
  size_t e = n;
  while (e > 0) {
    size_t p = ng_utf8_prev(s, e);
    int32_t cp;
    ng_utf8_decode_fast(s + p, e - p, &cp);
    if (ng_cp_class_fast(cp) == NG_CC_SPACE || is_closer(cp)) {
      e = p;
      continue;
    }
    out->terminal = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
                    cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
    break;
  }
  out->prose = (out->terminal && out->words >= 5) || out->words >= 16;
}

/* 0 marks "no key" in the classifier. */
static uint64_t hash64(const char *s, size_t n) {
  uint64_t h = ng_fnv64(s, n);
  return h ? h : 1;
}

/* Consent notices are short; a paragraph of over 1,000 bytes is article
 * text even when it mentions a privacy policy. */
#define CUE_MAX_BYTES 1000

void ng_furniture_classify(const char *text, const ng_span *lines, size_t n,
                           ng_line_kind *kinds, uint64_t *keys,
                           ng_line_shape *shapes, int allow_title) {
  char key[256];
  /* Pass 1: lexicon, symbols, shapes, keys for repetition. */
  for (size_t i = 0; i < n; i++) {
    const char *s = text + lines[i].off;
    size_t len = lines[i].len;
    keys[i] = 0;
    memset(&shapes[i], 0, sizeof shapes[i]);
    if (ng_furniture_is_symbols(s, len)) {
      /* Empty or only white space is blank; other symbol lines are
       * furniture (bullets, separators). */
      bool blank = true;
      for (size_t k = 0; k < len; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r') blank = false;
      kinds[i] = blank ? NG_LINE_BLANK : NG_LINE_FURNITURE;
      continue;
    }
    ng_line_shape_of(&shapes[i], s, len);
    shapes[i].cue = len <= CUE_MAX_BYTES && ng_furniture_has_cue(s, len);
    /* One key serves the phrase lookup (ng_furniture_is_phrase) and the
     * repetition test; a line with too many words for either needs none. */
    bool phrase_ok = len <= 200 && !over_phrase_words(s, len);
    size_t k = len <= 200 && (phrase_ok || shapes[i].words <= 12)
                   ? ng_furniture_key(key, sizeof key, s, len)
                   : 0;
    kinds[i] = (k && phrase_ok && ng_lex_has(NG_LEX_furniture, key, k)) ||
                       ng_furniture_opens(s, len)
                   ? NG_LINE_FURNITURE
                   : NG_LINE_BODY;
    if (k && shapes[i].words <= 12) keys[i] = hash64(key, k);
  }
  /* Pass 2: short lines that repeat on the page ("No time to read?" above
   * and below the article). The window bounds the work on huge inputs. */
  for (size_t i = 0; i < n; i++) {
    if (!keys[i]) continue;
    for (size_t j = i + 1; j < n && j < i + 512; j++)
      if (keys[j] == keys[i]) kinds[i] = kinds[j] = NG_LINE_FURNITURE;
  }
  /* Find the body: first and last prose lines that are not furniture. A
   * consent notice can be prose: it does not start or end the body. */
  size_t first = n, last = n;
  for (size_t i = 0; i < n; i++) {
    if (kinds[i] != NG_LINE_BODY || !shapes[i].prose || shapes[i].cue) continue;
    if (first == n) first = i;
    last = i;
  }
  bool title_seen = !allow_title;
  for (size_t i = 0; i < n; i++) {
    if (kinds[i] != NG_LINE_BODY) continue;
    const ng_line_shape *sh = &shapes[i];
    if (first == n) {
      /* No prose at all: keep everything that is not a cue. */
      if (sh->cue) kinds[i] = NG_LINE_FURNITURE;
      continue;
    }
    if (i < first) {
      if (!title_seen && !sh->cue && sh->upper_start && sh->words >= 2 &&
          sh->words <= 30) {
        kinds[i] = NG_LINE_TITLE;
        title_seen = true;
      } else {
        kinds[i] = NG_LINE_FURNITURE;
      }
    } else if (i > last) {
      if (!sh->prose || sh->cue) kinds[i] = NG_LINE_FURNITURE;
    } else if (sh->cue && (sh->words < 12 || !sh->prose)) {
      kinds[i] = NG_LINE_FURNITURE;
    }
  }
}

void ng_furniture_mark_sentences(ng_doc *doc) {
  for (size_t i = 0; i < doc->nsent; i++) {
    ng_sent *s = &doc->sents[i];
    const char *t = doc->text + s->off;
    opening o;
    /* A sentence that is its whole block had its opening words looked up
     * with the block (a line of text, an HTML block). */
    const ng_block_in *b = &doc->paras[s->para];
    bool whole = s->off == b->off && s->len == b->len;
    bool any = !whole && open_line(&o, t, s->len); /* reads at most OPEN_BYTES */
    size_t skip = any && o.lead ? lead_end(&o, t, s->len) : 0;
    if (skip > 0 && skip < s->len) {
      /* The sentence starts after the cue; the cue's tokens belong to no
       * sentence. What follows the cue opens with a letter, a digit or a
       * quotation mark, so some token is left. */
      s->off += (uint32_t)skip;
      s->len -= (uint32_t)skip;
      while (s->tok_begin < s->tok_end && doc->toks[s->tok_begin].off < s->off)
        s->tok_begin++;
      t = doc->text + s->off;
      any = open_line(&o, t, s->len);
    }
    size_t words = s->tok_end - s->tok_begin;
    if ((!whole && s->len <= OPENS_MAX_BYTES && opens_with(&o, any, t, s->len)) ||
        (s->len <= 200 && ng_furniture_is_phrase(t, s->len)) ||
        (words < 20 && s->len <= CUE_MAX_BYTES && ng_furniture_has_cue(t, s->len)))
      s->flags |= NG_SENT_FURNITURE;
  }
}

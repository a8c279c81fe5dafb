/* sentences.c - rule-based sentence segmentation over spans.
 *
 * One left-to-right pass over the block. A sentence ends at
 *
 *   - a terminator cluster: . ! ? … and friends, then closing quotes or
 *     brackets and footnote marks ("martyr.[1]", "consultation.11 12"),
 *     then white space, when what follows can start a sentence (a capital,
 *     a digit, a letter of a script without case, an opening quote before
 *     one of those, a list item);
 *   - a blank line, or a single line break unless the next line continues
 *     the sentence (it starts lower case after a long line, after trailing
 *     white space or after a comma);
 *   - a bullet (•, ⁃, ...) or a list item marker continuing a sequence
 *     ("1. x 2. y", "a) x b) y", "(i) x (ii) y");
 *   - a full-width terminator (。．！？), which needs no space;
 *   - a period glued to a capitalised word ("world.Today"), outside URLs;
 *   - interrupted speech closing a quotation ("to--" At this moment);
 *   - after an Armenian word, a colon (Armenian writes its full stop ։ so).
 *
 * and it does not end
 *
 *   - inside a quotation or a bracket that closes within the paragraph
 *     ("She said, 'Hi. Bye.' and left"): only the cluster that closes the
 *     quotation can end the sentence;
 *   - after an abbreviation, an initial or a list marker. Abbreviations come
 *     in classes (src/data/lex/abbr_<lang>*.txt, the language's list first,
 *     then the English one for Latin-script languages):
 *       _pre   titles before a name (Mr., Gen.): never a boundary;
 *       _num   before a number (No. 5, p. 55): a boundary before a word;
 *       _end   often sentence-final (etc., a.m., руб.): a boundary before a
 *              capital, except a word that goes on (continue_en.txt:
 *              "8 p.m. Tuesday");
 *       plain  (Inc., Jan., U.S.): a boundary only before a sentence starter
 *              (starters_en.txt: The, He, How, ...; other languages have
 *              none, so never);
 *     dotted abbreviations (e.g., Ph.D., L.F.) behave like plain ones, and
 *     so do initials (E. Smith), except that a capital initial only ends a
 *     sentence as "I" ("you and I. Did you"); German small numbers are
 *     ordinals ("am 12. Juni");
 *   - before a lower-case word or an opening parenthesis (but a sentence
 *     that is one whole quotation ends before a parenthesised sentence:
 *     "Hi!" (He waved.));
 *   - at a spaced ellipsis ". . ." inside a sentence.
 *
 * Sentences are trimmed of white space and of scraping leftovers at their
 * edges: markup tags ("<p>") and separator runs ("////"); what is left may
 * be empty, and then no sentence is emitted.
 *
 * Cost: every byte is looked at a bounded number of times. Look-ahead that
 * is not bounded by a small constant (finding where a quotation closes,
 * looking for the next list marker) draws on a budget proportional to the
 * block length; when it runs out those refinements are skipped, so
 * pathological input stays linear. Nothing is allocated except the output. */
#include "sentences.h"

#include "lexicon.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum {
  REGION_MAX = 2000,   /* bytes searched for the end of a quotation */
  LIST_LOOK_MAX = 400, /* bytes searched for the next list marker */
  WORD_BACK_MAX = 64,  /* bytes looked at before a period */
  LONG_LINE = 40       /* code points: a line this long is likely wrapped */
};

/* ------------------------------------------------------------------------
 * Characters
 * ---------------------------------------------------------------------- */

static size_t dec(const char *t, size_t i, size_t end, int32_t *cp) {
  return ng_utf8_decode_fast(t + i, end - i, cp);
}

/* The code point ending at i (i > lo); returns its start. */
static size_t dec_back(const char *t, size_t lo, size_t i, int32_t *cp) {
  size_t p = ng_utf8_prev(t, i);
  if (p < lo) p = lo;
  ng_utf8_decode_fast(t + p, i - p, cp);
  return p;
}

static bool in_set(int32_t cp, const int32_t *set, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (set[i] == cp) return true;
  return false;
}

static bool is_break(int32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

static bool is_space(int32_t cp) {
  return is_break(cp) || ng_cp_class_fast(cp) == NG_CC_SPACE;
}

static bool is_letter(int32_t cp) {
  ng_cclass c = ng_cp_class_fast(cp);
  return c == NG_CC_LETTER || c == NG_CC_MARK || c == NG_CC_IDEO;
}

static bool is_digit(int32_t cp) { return ng_cp_class_fast(cp) == NG_CC_DIGIT; }

/* Full-width terminators end a sentence without a following space. */
static bool is_strong_term(int32_t cp) {
  return cp == 0x3002 || cp == 0xFF0E || cp == 0xFF01 || cp == 0xFF1F ||
         cp == 0xFF61;
}

static bool is_excl_quest(int32_t cp) {
  return cp == '!' || cp == '?' || cp == 0x203C || cp == 0x2047 ||
         cp == 0x2048 || cp == 0x2049 || cp == 0xFF01 || cp == 0xFF1F ||
         cp == 0x061F || cp == 0x055C || cp == 0x055E;
}

static bool is_term(int32_t cp) {
  return cp == '.' || cp == 0x2026 || is_excl_quest(cp) || is_strong_term(cp) ||
         cp == 0x06D4 /* Urdu */ || cp == 0x0964 || cp == 0x0965 /* danda */ ||
         cp == 0x1362 || cp == 0x0589 /* Armenian */ ||
         cp == 0x104B /* Myanmar */;
}

static const int32_t closers[] = {
    '"',    '\'',   ')',    ']',    '}',    0x201D, 0x2019, 0x201C, 0xBB,
    0x203A, 0x300D, 0x300F, 0x3009, 0x300B, 0x3011, 0xFF09, 0xFF3D, 0xFF02};

static bool is_closer(int32_t cp) {
  if (cp < 0x80)
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}';
  return in_set(cp, closers, sizeof closers / sizeof closers[0]);
}

/* Opening quotes and marks skipped when looking at the next word; ( and [
 * are handled apart (a parenthesis after a period does not start a
 * sentence). */
static const int32_t open_quotes[] = {0x201C, 0x2018, 0xAB,   0x2039, 0x201E,
                                      0x201A, 0x300C, 0x300E, 0x3008, 0x300A,
                                      0x3010, 0xBF,   0xA1};

static bool is_open_quote(int32_t cp) {
  if (cp < 0x80) return cp == '"' || cp == '\'' || cp == '`' || cp == '{';
  return in_set(cp, open_quotes, sizeof open_quotes / sizeof open_quotes[0]);
}

/* Letters of the Latin, Greek, Cyrillic and Armenian blocks: the fast
 * path inside a word (none of them is punctuation). */
static bool is_common_letter(int32_t cp) {
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x386 && cp <= 0x3FF && cp != 0x387) ||
         (cp >= 0x400 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x52F) ||
         (cp >= 0x531 && cp <= 0x556) || (cp >= 0x561 && cp <= 0x587);
}

static bool is_dash(int32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

static const int32_t bullets[] = {
    0x2022, 0x2023, 0x2043, 0x2219, 0x25E6, 0x25AA, 0x25AB, 0x25A0, 0x25A1,
    0x25CF, 0x25CB, 0x25C6, 0x25C7, 0x25BA, 0x25B8, 0x27A2, 0x27A4};

static bool is_bullet(int32_t cp) {
  return cp >= 0x2000 &&
         in_set(cp, bullets, sizeof bullets / sizeof bullets[0]);
}

/* ------------------------------------------------------------------------
 * Segmenter state
 * ---------------------------------------------------------------------- */

/* A list item marker: "1." "a.)" "b)" "(iv)". */
typedef enum mshape { M_NONE, M_DOT, M_DOTPAREN, M_PAREN, M_PARENS } mshape;
typedef enum mclass { MC_DIGIT = 1, MC_LOWER, MC_UPPER } mclass;

typedef struct marker {
  mshape shape;
  mclass cls;
  int value; /* number, or letter index (a = 1) */
  int roman; /* value as a Roman numeral, or 0 */
  size_t len;
} marker;

typedef struct seg {
  /* Input and output. */
  const char *t;
  size_t end;
  ng_vec *out;
  int rc;
  /* Word lists. Abbreviation classes have up to two lists each (the
   * language's, then English); NG_LEX_COUNT: none. */
  ng_lex_id abbr[2], pre[2], num[2], fin[2];
  ng_lex_id starters; /* sentence starters (The, He, ...) */
  ng_lex_id cont;     /* words that go on after "p.m." (Tuesday, ET) */
  ng_lex_id stop;     /* function words: a line starting with one goes on */
  ng_lex_id bang;     /* names spelt with "!" (Yahoo!) */
  bool ordinals;      /* "vom 12. Juni": a period after a small number */
  bool caseless;      /* the block has no capitals (lower-cased text) */
  /* The current sentence. */
  size_t start;    /* where it starts */
  bool content;    /* it has a non-space, non-bullet character */
  bool soft_breaks; /* NG_SPLIT_SOFT_BREAKS: a single line break is a space */
  size_t prot_end; /* inside a quotation/bracket closing at this byte */
  bool prot_whole; /* ... which opened the sentence */
  size_t kept;     /* end of the last period judged not to end one */
  marker last;     /* the last list marker seen at an item start */
  size_t last_at;  /* and where it was */
  size_t budget;   /* bytes of unbounded look-ahead left */
} seg;

/* Leftovers of scraping at the edges of a sentence: markup tags ("<p>",
 * "</em>") and separator runs ("////", "====="). */
enum { TAG_MAX = 256, RUN_MIN = 4 };

static bool is_rule_char(char c) {
  return c == '/' || c == '*' || c == '=' || c == '_' || c == '#' || c == '~' ||
         c == '+' || c == '-';
}

static bool is_tag_start(const char *t, size_t i, size_t to) {
  if (i + 2 >= to || t[i] != '<') return false;
  char c = t[i + 1];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' ||
         c == '!';
}

/* Length of a tag at `from`, or 0. */
static size_t tag_at(const char *t, size_t from, size_t to) {
  if (!is_tag_start(t, from, to)) return 0;
  for (size_t i = from + 2; i < to && i - from < TAG_MAX; i++) {
    if (t[i] == '>') return i + 1 - from;
    if (t[i] == '<' || t[i] == '\n') return 0;
  }
  return 0;
}

/* Length of a tag ending right before `to`, or 0. */
static size_t tag_before(const char *t, size_t from, size_t to) {
  if (to <= from + 2 || t[to - 1] != '>') return 0;
  for (size_t i = to - 1; i-- > from && to - i < TAG_MAX;) {
    if (t[i] == '<') return is_tag_start(t, i, to) ? to - i : 0;
    if (t[i] == '>' || t[i] == '\n') return 0;
  }
  return 0;
}

static size_t skip_space_fwd(const char *t, size_t from, size_t to) {
  while (from < to) {
    int32_t cp;
    size_t l = dec(t, from, to, &cp);
    if (!is_space(cp)) break;
    from += l;
  }
  return from;
}

static size_t skip_space_back(const char *t, size_t from, size_t to) {
  while (to > from) {
    int32_t cp;
    size_t p = dec_back(t, from, to, &cp);
    if (!is_space(cp)) break;
    to = p;
  }
  return to;
}

/* A table-of-contents line ends in a dot leader and a page number
 * ("Chapter 2 ........ 16-17"): both go. Returns the new end. */
static size_t skip_leader(const char *t, size_t from, size_t to) {
  size_t e = to;
  while (e > from && to - e < 8 &&
         ((t[e - 1] >= '0' && t[e - 1] <= '9') || t[e - 1] == '-'))
    e--;
  if (e == to || !(t[e] >= '0' && t[e] <= '9')) return to;
  while (e > from && t[e - 1] == ' ')
    e--;
  size_t d = e;
  while (d > from && t[d - 1] == '.')
    d--;
  if (e - d < RUN_MIN) return to;
  return skip_space_back(t, from, d);
}

static void emit(seg *s, size_t from, size_t to) {
  const char *t = s->t;
  from = skip_space_fwd(t, from, to);
  to = skip_space_back(t, from, to);
  for (;;) {
    size_t n = tag_at(t, from, to);
    if (!n && from < to && is_rule_char(t[from])) {
      while (from + n < to && t[from + n] == t[from])
        n++;
      if (n < RUN_MIN) n = 0;
    }
    if (!n) break;
    from = skip_space_fwd(t, from + n, to);
  }
  to = skip_leader(t, from, to);
  for (;;) {
    size_t n = tag_before(t, from, to);
    if (!n && to > from && is_rule_char(t[to - 1])) {
      while (to - n > from && t[to - n - 1] == t[to - 1])
        n++;
      if (n < RUN_MIN) n = 0;
    }
    if (!n) break;
    to = skip_space_back(t, from, to - n);
  }
  if (to <= from || s->rc) return;
  ng_span sp = {from, to - from};
  s->rc = ng_vec_push(s->out, &sp);
}

/* Ends the current sentence at `at` and starts the next one at `next`. */
static void cut(seg *s, size_t at, size_t next) {
  emit(s, s->start, at);
  s->start = next;
  s->content = false;
}

/* A quote standing alone between spaces ("' " or "\" "), as tokenized
 * text writes both opening and closing quotes. */
static bool lone_quote(const seg *s, size_t p) {
  return p < s->end && (s->t[p] == '\'' || s->t[p] == '"') &&
         (p + 1 == s->end || is_space((unsigned char)s->t[p + 1])) &&
         (p == 0 || is_space((unsigned char)s->t[p - 1]));
}

/* Tokenized text spaces a closing quote off ("he said . ' the next"): at a
 * sentence end (*at) followed by such lone quotes (from *next), a quote
 * of which the sentence so far has an odd number closes it and goes with
 * it, instead of opening the next sentence as a stray mark. Counting is
 * bounded by the sentence, which each byte belongs to once. */
static void take_spaced_closers(seg *s, size_t *at, size_t *next) {
  while (lone_quote(s, *next)) {
    char q = s->t[*next];
    size_t count = 0;
    for (size_t p = s->start; p < *at; p++)
      if (s->t[p] == q && lone_quote(s, p)) count++;
    if (count % 2 == 0) return;
    *at = *next + 1;
    size_t k = *at;
    while (k < s->end && is_space((unsigned char)s->t[k])) k++;
    *next = k;
  }
}

static bool spend(seg *s, size_t n) {
  if (s->budget < n) {
    s->budget = 0;
    return false;
  }
  s->budget -= n;
  return true;
}

/* ------------------------------------------------------------------------
 * Words and lexicons
 * ---------------------------------------------------------------------- */

static bool lex_has_folded(ng_lex_id id, const char *w, size_t n) {
  if (id == NG_LEX_COUNT || n == 0 || n >= 48) return false;
  char fold[96];
  size_t fl = ng_utf8_fold(fold, sizeof fold, w, n);
  if (fl >= sizeof fold) return false;
  return ng_lex_has(id, fold, fl);
}

static bool in_lists(const ng_lex_id ids[2], const char *w, size_t n) {
  return lex_has_folded(ids[0], w, n) || lex_has_folded(ids[1], w, n);
}

static int roman_value(const char *w, size_t n) {
  int total = 0, prev = 0;
  if (n == 0 || n > 6) return 0;
  for (size_t i = n; i-- > 0;) {
    int v;
    switch (w[i] | 0x20) {
    case 'i': v = 1; break;
    case 'v': v = 5; break;
    case 'x': v = 10; break;
    case 'l': v = 50; break;
    default: return 0;
    }
    if (v < prev)
      total -= v;
    else
      total += v, prev = v;
  }
  return total > 0 && total < 60 ? total : 0;
}

/* Cheap test before parse_marker: a run of at most 6 ASCII letters or
 * digits (after an optional "(") ending in "." or ")". */
static bool maybe_marker(const char *t, size_t p, size_t end) {
  size_t b = p < end && t[p] == '(' ? p + 1 : p;
  if (b >= end) return false;
  size_t k = ng_ascii_alnum_run8(t, b, end);
  if (k > 6 || b + k >= end) return false;
  return k > 0 && (t[b + k] == '.' || t[b + k] == ')');
}

/* Parses a list marker at p: "12." "a." "iv." "1.)" "a)" "(b)" "(iv)",
 * followed by a space (or tab) and something. */
static bool parse_marker(const seg *s, size_t p, marker *m) {
  const char *t = s->t;
  size_t i = p, end = s->end;
  bool paren_open = false;
  if (i < end && t[i] == '(') {
    paren_open = true;
    i++;
  }
  size_t b = i;
  while (i < end && i - b < 6 &&
         ((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'z') ||
          (t[i] >= 'A' && t[i] <= 'Z')))
    i++;
  size_t n = i - b;
  if (n == 0 || i >= end) return false;
  memset(m, 0, sizeof *m);
  if (t[b] >= '0' && t[b] <= '9') {
    if (n > 2) return false;
    for (size_t k = b; k < i; k++) {
      if (t[k] < '0' || t[k] > '9') return false;
      m->value = m->value * 10 + (t[k] - '0');
    }
    m->cls = MC_DIGIT;
  } else {
    bool lower = t[b] >= 'a';
    for (size_t k = b; k < i; k++)
      if ((t[k] >= 'a') != lower || (t[k] >= '0' && t[k] <= '9')) return false;
    m->cls = lower ? MC_LOWER : MC_UPPER;
    m->roman = roman_value(t + b, n);
    if (n == 1)
      m->value = (t[b] | 0x20) - 'a' + 1;
    else if (!m->roman)
      return false;
  }
  if (paren_open) {
    if (t[i] != ')') return false;
    m->shape = M_PARENS;
    i++;
  } else if (t[i] == ')') {
    m->shape = M_PAREN;
    i++;
  } else if (t[i] == '.') {
    i++;
    if (i < end && t[i] == ')') {
      m->shape = M_DOTPAREN;
      i++;
    } else {
      m->shape = M_DOT;
    }
  } else {
    return false;
  }
  if (i + 1 >= end || (t[i] != ' ' && t[i] != '\t')) return false;
  int32_t cp;
  dec(t, i + 1, end, &cp);
  if (is_space(cp)) {
    /* allow one more space, not a line break */
    if (cp != ' ' || i + 2 >= end || t[i + 2] == ' ' || t[i + 2] == '\n')
      return false;
  }
  m->len = i - p;
  return true;
}

static bool marker_next(const marker *prev, const marker *m) {
  if (prev->shape != m->shape || prev->cls != m->cls) return false;
  if (m->value && prev->value && m->value == prev->value + 1) return true;
  return m->roman && prev->roman && m->roman == prev->roman + 1;
}

/* Does m, at p, continue the list whose last item marker was s->last? */
static bool marker_follows(const seg *s, const marker *m, size_t p) {
  const marker *prev = &s->last;
  if (!prev->shape || prev->shape != m->shape || prev->cls != m->cls ||
      p > s->last_at + LIST_LOOK_MAX)
    return false;
  return marker_next(prev, m);
}

/* Mid-sentence markers that may start an item ("A." is an initial). */
static bool marker_can_continue(const marker *m) {
  return !(m->shape == M_DOT && m->cls == MC_UPPER);
}

/* Does a marker continuing m appear within the next few hundred bytes? */
static bool marker_ahead(seg *s, size_t from, const marker *m) {
  size_t lim = from + LIST_LOOK_MAX;
  if (lim > s->end) lim = s->end;
  if (!spend(s, lim - from)) return false;
  const char *t = s->t;
  for (size_t i = from; i + 1 < lim; i++) {
    if ((t[i] == ' ' || t[i] == '\t' || t[i] == '\n') && t[i + 1] != ' ') {
      marker n;
      if (parse_marker(s, i + 1, &n) && marker_next(m, &n)) return true;
    }
  }
  return false;
}

/* ------------------------------------------------------------------------
 * The word before a period
 * ---------------------------------------------------------------------- */

typedef enum wkind {
  W_OTHER,   /* no word: a closing bracket, a quote */
  W_WORD,    /* an ordinary word */
  W_NUMBER,  /* ends with a digit */
  W_URL,     /* e-mail address, URL */
  W_INITIAL, /* a single letter */
  W_DOTTED,  /* U.S, e.g, Ph.D: short letter groups joined by periods */
  W_ABBR,    /* plain abbreviation */
  W_PRE,     /* title before a name */
  W_NUM,     /* abbreviation before a number */
  W_END      /* abbreviation that often ends a sentence */
} wkind;

typedef struct word_info {
  wkind kind;
  bool upper; /* first letter upper case */
  bool is_i;  /* the word "I" */
  bool small; /* a number of one or two digits ("12.", "-3.") */
} word_info;

static bool is_abbr_char(int32_t cp) {
  return is_letter(cp) || cp == '.' || cp == 0xB0 || cp == 0xBA || cp == 0x2116;
}

/* A single letter: an initial, or the end of an abbreviation written with
 * a space ("т. д.", "u. a.")? */
static wkind spaced_abbr(const seg *s, size_t core, size_t dot) {
  const char *t = s->t;
  if (core < s->start + 3 || t[core - 1] != ' ' || t[core - 2] != '.')
    return W_INITIAL;
  int32_t a, b = ' ';
  size_t pa = dec_back(t, s->start, core - 2, &a);
  if (pa > s->start) dec_back(t, s->start, pa, &b);
  if (!is_letter(a) || is_letter(b) || b == '.') return W_INITIAL;
  char buf[16];
  size_t la = core - 2 - pa, lb = dot - core;
  if (la + lb + 1 > sizeof buf) return W_INITIAL;
  memcpy(buf, t + pa, la);
  buf[la] = '.';
  memcpy(buf + la + 1, t + core, lb);
  size_t n = la + 1 + lb;
  if (in_lists(s->fin, buf, n)) return W_END;
  if (in_lists(s->abbr, buf, n)) return W_ABBR;
  return W_INITIAL;
}

static word_info word_before(const seg *s, size_t dot) {
  const char *t = s->t;
  word_info w = {W_OTHER, false, false, false};
  size_t lo = s->start;
  if (dot > lo + WORD_BACK_MAX) lo = dot - WORD_BACK_MAX;
  /* The whole token, back to white space. */
  size_t tok = dot;
  while (tok > lo) {
    int32_t cp;
    size_t p = dec_back(t, lo, tok, &cp);
    if (is_space(cp)) break;
    tok = p;
  }
  if (tok == lo && lo > s->start)
    return (word_info){W_WORD, false, false, false};
  for (size_t k = tok; k < dot; k++) {
    if (t[k] == '@' ||
        (t[k] == ':' && k + 2 < dot && t[k + 1] == '/' && t[k + 2] == '/'))
      return (word_info){W_URL, false, false, false};
  }
  size_t q = tok;
  while (q < dot && (t[q] == '(' || t[q] == '[' || t[q] == '"' || t[q] == '\''))
    q++;
  if (dot - q > 4 && (t[q] == 'w' || t[q] == 'W') &&
      memcmp(t + q + 1, "ww.", 3) == 0)
    return (word_info){W_URL, false, false, false};
  /* The letters-and-dots core right before the period. */
  size_t core = dot;
  while (core > tok) {
    int32_t cp;
    size_t p = dec_back(t, tok, core, &cp);
    if (!is_abbr_char(cp)) break;
    core = p;
  }
  while (core < dot && t[core] == '.')
    core++;
  if (core == dot) {
    int32_t cp = 0;
    if (dot > tok) dec_back(t, tok, dot, &cp);
    w.kind = is_digit(cp) ? W_NUMBER : W_OTHER;
    size_t d = tok < dot && t[tok] == '-' ? tok + 1 : tok;
    w.small = dot > d && dot - d <= 2 && t[d] >= '0' && t[d] <= '9' &&
              t[dot - 1] >= '0' && t[dot - 1] <= '9';
    return w;
  }
  if (core > tok) {
    /* Glued to something other than a quote, bracket or apostrophe
     * ("km/h.", "5th."): not an abbreviation. */
    int32_t cp;
    dec_back(t, tok, core, &cp);
    if (!is_open_quote(cp) && cp != '(' && cp != '[' && cp != 0x2019 &&
        !is_dash(cp))
      return (word_info){W_WORD, false, false, false};
  }
  int32_t c0;
  size_t l0 = dec(t, core, dot, &c0);
  w.upper = ng_cp_is_upper_fast(c0);
  /* Segments between the dots. */
  size_t segs = 0, seg_cps = 0, max_cps = 0;
  bool empty_seg = false;
  for (size_t k = core; k < dot;) {
    int32_t cp;
    size_t l = dec(t, k, dot, &cp);
    if (cp == '.') {
      if (seg_cps == 0) empty_seg = true;
      segs++;
      seg_cps = 0;
    } else {
      seg_cps++;
      if (seg_cps > max_cps) max_cps = seg_cps;
    }
    k += l;
  }
  segs++;
  bool single = segs == 1 && l0 == dot - core && is_letter(c0);
  if (single && (w.kind = spaced_abbr(s, core, dot)) != W_INITIAL) return w;
  if (in_lists(s->pre, t + core, dot - core))
    w.kind = W_PRE;
  else if (in_lists(s->num, t + core, dot - core))
    w.kind = W_NUM;
  else if (in_lists(s->fin, t + core, dot - core))
    w.kind = W_END;
  else if (in_lists(s->abbr, t + core, dot - core))
    w.kind = W_ABBR;
  else if (segs > 1 && !empty_seg && max_cps <= 3)
    w.kind = W_DOTTED;
  else if (single)
    w.kind = W_INITIAL;
  else
    w.kind = W_WORD;
  w.is_i = dot - core == 1 && t[core] == 'I';
  return w;
}

/* ------------------------------------------------------------------------
 * What follows a terminator
 * ---------------------------------------------------------------------- */

typedef struct next_info {
  size_t pos;       /* first non-space byte, or end */
  bool end;         /* nothing follows */
  bool paren;       /* starts with ( or [ */
  bool paren_upper; /* ... followed by a capital letter */
  bool upper;       /* the first letter is upper case, or the script has none */
  bool lower;
  bool digit;
  bool starter;  /* a sentence starter word of two or more letters */
  bool starter1; /* a one-letter starter ("I", "A") */
  bool cont;     /* a word that continues after "p.m.": weekday, zone */
  bool item;     /* a list item marker continuing or starting a list */
} next_info;

static next_info look_next(seg *s, size_t from) {
  const char *t = s->t;
  size_t end = s->end;
  next_info n;
  memset(&n, 0, sizeof n);
  size_t k = from;
  while (k < end) {
    int32_t cp;
    size_t l = dec(t, k, end, &cp);
    if (!is_space(cp)) break;
    k += l;
  }
  n.pos = k;
  if (k >= end) {
    n.end = true;
    return n;
  }
  marker m;
  if (parse_marker(s, k, &m) && marker_can_continue(&m))
    n.item = marker_follows(s, &m, k) || marker_ahead(s, k + m.len, &m);
  n.paren = t[k] == '(' || t[k] == '[';
  if (n.paren) {
    /* "(The", "(«Айқын»": the first letter inside. */
    size_t q = k + 1;
    int32_t c1 = 0;
    while (q < end && q - k < 8) {
      size_t l1 = dec(t, q, end, &c1);
      if (!is_open_quote(c1)) break;
      q += l1;
    }
    n.paren_upper = q < end && ng_cp_is_upper_fast(c1);
  }
  /* Skip opening quotes and dashes ("- Posted", "«Да"). */
  size_t lim = k + 32 < end ? k + 32 : end;
  int32_t cp = 0;
  while (k < lim) {
    size_t l = dec(t, k, end, &cp);
    if (!(is_open_quote(cp) || is_dash(cp) || (cp == ' ' && k > n.pos))) break;
    k += l;
  }
  if (k >= lim) return n;
  size_t l = dec(t, k, end, &cp);
  if (is_digit(cp)) {
    n.digit = true;
  } else if (is_letter(cp)) {
    if (ng_cp_is_lower_fast(cp) && !s->caseless)
      n.lower = true;
    else if (ng_cp_is_lower_fast(cp))
      n.upper = true; /* lower-cased text: a lower-case word can start one */
    else
      n.upper = true; /* upper case, or a script without case */
  } else if (ng_cp_class_fast(cp) == NG_CC_SYMBOL || is_bullet(cp)) {
    n.upper = !n.paren && cp != '&' && cp != '%';
  }
  if (n.upper && ng_cp_is_upper_fast(cp)) {
    size_t w = k + l;
    while (w < end && w - k < 24) {
      int32_t c2;
      size_t l2 = dec(t, w, end, &c2);
      if (!is_letter(c2)) break;
      w += l2;
    }
    int32_t after = ' ';
    if (w < end) dec(t, w, end, &after);
    if (!is_letter(after) && !is_digit(after)) {
      if (lex_has_folded(s->starters, t + k, w - k)) {
        if (w - k == l)
          n.starter1 = true;
        else
          n.starter = true;
      }
      n.cont = lex_has_folded(s->cont, t + k, w - k);
    }
  }
  return n;
}

/* ------------------------------------------------------------------------
 * Quotations and brackets
 * ---------------------------------------------------------------------- */

/* If the opener at p closes within the paragraph, returns the closer's
 * offset; else 0. ASCII quotes follow pySBD's conventions: a " or ' opens
 * after white space (or at the start) before a non-space, and a ' closes
 * only when no letter follows (so "they'll" does not close it). */
static size_t find_closer(seg *s, size_t p, int32_t open, size_t open_len) {
  const char *t = s->t;
  int32_t close;
  bool single = false;
  switch (open) {
  case '"': close = '"'; break;
  case '\'':
    close = '\'';
    single = true;
    break;
  case 0x2018:
    close = 0x2019;
    single = true;
    break;
  case 0x201C: close = 0x201D; break;
  case 0x201E: close = 0x201C; break;
  case 0xAB: close = 0xBB; break;
  case '(': close = ')'; break;
  case '[': close = ']'; break;
  case 0x300C: close = 0x300D; break;
  case 0x300E: close = 0x300F; break;
  case 0xFF08: close = 0xFF09; break;
  default: return 0;
  }
  if (open == '"' || open == '\'') {
    if (p > s->start) {
      int32_t b;
      dec_back(t, s->start, p, &b);
      if (!is_space(b) && b != '(' && b != '[' && !is_dash(b)) return 0;
    }
    int32_t a;
    if (p + 1 >= s->end) return 0;
    dec(t, p + 1, s->end, &a);
    if (is_space(a) || (open == '\'' && !is_letter(a) && !is_digit(a)))
      return 0;
  }
  if (s->budget == 0) return 0;
  size_t lim = p + REGION_MAX < s->end ? p + REGION_MAX : s->end;
  int depth = 0;
  size_t i = p + open_len;
  size_t scanned_from = i;
  bool nl = false;
  size_t found = 0;
  while (i < lim) {
    int32_t cp;
    size_t l = dec(t, i, s->end, &cp);
    if (cp == '\n') {
      if (nl) break; /* blank line: the quotation does not close here */
      nl = true;
    } else if (!is_space(cp)) {
      nl = false;
    }
    if (open == '"' && cp == '"' && i + l < s->end) {
      /* A straight quote that opens ("had "never") cannot close ours: the
       * quotation was never closed. */
      int32_t b, a;
      dec_back(t, p, i, &b);
      dec(t, i + l, s->end, &a);
      if (is_space(b) && !is_space(a)) break;
    }
    if (cp == close) {
      if (single) {
        int32_t b, a = ' ';
        dec_back(t, p, i, &b);
        if (i + l < s->end) dec(t, i + l, s->end, &a);
        if (!is_space(b) && !is_letter(a)) {
          found = i;
          break;
        }
      } else if (depth == 0) {
        found = i;
        break;
      } else {
        depth--;
      }
    } else if (cp == open && open != '"') {
      depth++;
    }
    i += l;
  }
  spend(s, i - scanned_from);
  return found;
}

/* ------------------------------------------------------------------------
 * Line breaks
 * ---------------------------------------------------------------------- */

/* Does the line at p start with a function word ("and", "but", "of")? A
 * lower-case line that does is a wrapped sentence, not a menu item. */
static bool starts_with_stopword(const seg *s, size_t p) {
  const char *t = s->t;
  size_t w = p;
  while (w < s->end && w - p < 24) {
    int32_t cp;
    size_t l = dec(t, w, s->end, &cp);
    if (!is_letter(cp)) break;
    w += l;
  }
  return w > p && lex_has_folded(s->stop, t + p, w - p);
}

/* Handles the line break at i (length l); returns where to continue. */
static size_t line_break(seg *s, size_t i, size_t l, size_t line_start) {
  const char *t = s->t;
  size_t end = s->end;
  size_t k = i + l;
  if (t[i] == '\r' && k < end && t[k] == '\n') k++;
  /* Next line's first non-blank. */
  size_t nx = k;
  bool blank = false;
  while (nx < end) {
    int32_t cp;
    size_t l2 = dec(t, nx, end, &cp);
    if (is_break(cp)) {
      blank = true;
      break;
    }
    if (!is_space(cp)) break;
    nx += l2;
  }
  if (blank || nx >= end) {
    cut(s, i, k);
    s->prot_end = 0;
    return k;
  }
  if (!s->content || s->soft_breaks) return k;
  /* Previous line: trailing white space, length, last character. */
  bool trailing = false;
  int32_t last = 0;
  if (i > line_start) {
    dec_back(t, line_start, i, &last);
    trailing = last == ' ' || last == '\t';
  }
  size_t cps = 0;
  for (size_t q = line_start; q < i && cps < LONG_LINE; q++)
    if (((unsigned char)t[q] & 0xC0) != 0x80) cps++;
  int32_t first;
  dec(t, nx, end, &first);
  bool join = false;
  if (last == ',') {
    join = true; /* "in Washington,\nD.C." */
  } else if (s->kept && s->kept == skip_space_back(t, line_start, i) &&
             cps >= LONG_LINE) {
    join = true; /* a wrapped line ending in "Gov." or "J." */
  } else if (ng_cp_is_lower_fast(first)) {
    join = trailing || cps >= LONG_LINE || last == ';' || is_dash(last) ||
           starts_with_stopword(s, nx);
  } else if (first == '(') {
    join = trailing;
  }
  if (!join) {
    cut(s, i, k);
    s->prot_end = 0;
  }
  return k;
}

/* ------------------------------------------------------------------------
 * Terminator clusters
 * ---------------------------------------------------------------------- */

/* Footnote marks glued to a terminator: "[1]", "[7][8]", ".11 12". */
static size_t skip_footnotes(const seg *s, size_t j, bool after_word) {
  const char *t = s->t;
  size_t end = s->end;
  for (;;) {
    if (j < end && t[j] == '[') {
      size_t q = j + 1;
      while (q < end && q - j <= 4 && t[q] >= '0' && t[q] <= '9')
        q++;
      if (q > j + 1 && q < end && t[q] == ']') {
        j = q + 1;
        continue;
      }
    }
    break;
  }
  if (after_word && j < end && t[j] >= '0' && t[j] <= '9') {
    size_t q = j;
    while (q < end && q - j < 3 && t[q] >= '0' && t[q] <= '9')
      q++;
    if (q >= end || t[q] == ' ' || t[q] == '\n') {
      j = q;
      /* More reference numbers: ".11 12 Take". */
      while (j + 1 < end && t[j] == ' ' && t[j + 1] >= '0' && t[j + 1] <= '9') {
        size_t r = j + 1;
        while (r < end && r - j <= 3 && t[r] >= '0' && t[r] <= '9')
          r++;
        if (r < end && t[r] != ' ' && t[r] != '\n') break;
        j = r;
      }
    }
  }
  return j;
}

/* "world.Today": a period between a lower-case word and a capitalised one,
 * in a token that is no URL, e-mail or dotted name. */
static bool glued_boundary(const seg *s, size_t dot) {
  const char *t = s->t;
  size_t end = s->end;
  if (dot == s->start || dot + 2 >= end) return false;
  int32_t b, a, a2;
  size_t pb = dec_back(t, s->start, dot, &b);
  if (!(ng_cp_is_lower_fast(b) || is_digit(b))) return false;
  size_t la = dec(t, dot + 1, end, &a);
  if (!ng_cp_is_upper_fast(a)) return false;
  dec(t, dot + 1 + la, end, &a2);
  if (!ng_cp_is_lower_fast(a2)) return false;
  /* The word before: at least two letters or a number. */
  size_t lo = pb, n = 1;
  while (lo > s->start && n < 4) {
    int32_t c;
    size_t p = dec_back(t, s->start, lo, &c);
    if (!is_letter(c) && !is_digit(c) && c != ',') break;
    lo = p;
    n++;
  }
  if (n < 2) return false;
  /* The whole token must look like prose, not like an address. */
  size_t tb = dot, te = dot + 1;
  for (size_t q = 0; tb > s->start && q < WORD_BACK_MAX; q++) {
    if (t[tb - 1] == ' ' || t[tb - 1] == '\n' || t[tb - 1] == '\t') break;
    tb--;
  }
  for (size_t q = 0; te < end && q < WORD_BACK_MAX; q++) {
    char c = t[te];
    if (c == ' ' || c == '\n' || c == '\t') break;
    te++;
  }
  for (size_t q = tb; q < te; q++) {
    if (t[q] == '@' || t[q] == '/' || t[q] == '_') return false;
    if (q != dot && t[q] == '.' && q + 1 < te &&
        ((t[q + 1] >= 'a' && t[q + 1] <= 'z') ||
         (t[q + 1] >= 'A' && t[q + 1] <= 'Z')))
      return false;
  }
  if (te - tb > 4 && (t[tb] == 'w' || t[tb] == 'W') &&
      (t[tb + 1] == 'w' || t[tb + 1] == 'W') && t[tb + 3] == '.')
    return false;
  if (in_lists(s->abbr, t + lo, dot - lo) || in_lists(s->pre, t + lo, dot - lo))
    return false;
  return true;
}

/* After a run of dots: a page number, then the end of the line? */
static bool leader_ends_line(const seg *s, size_t j) {
  const char *t = s->t;
  size_t k = j;
  while (k < s->end && (t[k] == ' ' || t[k] == '\t'))
    k++;
  size_t d = k;
  while (k < s->end && k - d < 8 &&
         ((t[k] >= '0' && t[k] <= '9') || (k > d && t[k] == '-')))
    k++;
  if (k == d) return false;
  while (k < s->end && (t[k] == ' ' || t[k] == '\t'))
    k++;
  return k >= s->end || t[k] == '\n' || t[k] == '\r';
}

/* Is the word before the "!" at i a name spelt with it (Yahoo!)? */
static bool bang_name(const seg *s, size_t i) {
  size_t w = i;
  while (w > s->start && i - w < 24) {
    int32_t cp;
    size_t p = dec_back(s->t, s->start, w, &cp);
    if (!is_letter(cp)) break;
    w = p;
  }
  return w < i && lex_has_folded(s->bang, s->t + w, i - w);
}

/* Decides whether a single period (after word w) ends a sentence before
 * what follows (n). */
static bool period_ends(const word_info *w, const next_info *n) {
  bool plain = w->kind == W_OTHER || w->kind == W_WORD || w->kind == W_NUMBER ||
               w->kind == W_URL || w->kind == W_END;
  if (n->end) return true;
  /* A list item starts after a sentence, not after "No." or "Fig.". */
  if (n->item) return plain;
  if (n->lower || n->paren) return false;
  if (n->digit)
    return w->kind == W_OTHER || w->kind == W_WORD || w->kind == W_NUMBER ||
           w->kind == W_URL;
  if (!n->upper) return false;
  switch (w->kind) {
  case W_OTHER:
  case W_WORD:
  case W_NUMBER:
  case W_URL:
  case W_NUM: return true;
  case W_END: return !n->cont;
  case W_PRE: return false;
  case W_ABBR:
  case W_DOTTED: return n->starter || n->starter1;
  case W_INITIAL: return (w->is_i && n->starter) || (!w->upper && n->starter);
  }
  return false;
}

/* Handles the terminator at i; returns where to continue scanning. */
static size_t terminator(seg *s, size_t i, int32_t cp, size_t l) {
  const char *t = s->t;
  size_t end = s->end;
  bool inside = i < s->prot_end;
  /* Dots, possibly spaced (". . ."), then other terminators. */
  size_t ndots = 0, j = i, first_dot_end = i + l;
  bool spaced = false, excl = false, ellipsis = cp == 0x2026, strong = false;
  bool attached = false;
  if (i > s->start) {
    int32_t b;
    dec_back(t, s->start, i, &b);
    attached = !is_space(b);
  }
  while (j < end) {
    int32_t c;
    size_t lc = dec(t, j, end, &c);
    if (c == '.') {
      ndots++;
      j += lc;
    } else if (c == ' ' && ndots > 0 && j + 1 < end && t[j + 1] == '.' &&
               !excl) {
      spaced = true;
      j += lc;
    } else if (is_term(c)) {
      if (is_excl_quest(c)) excl = true;
      if (c == 0x2026) ellipsis = true;
      if (is_strong_term(c)) strong = true;
      j += lc;
    } else {
      break;
    }
  }
  if (ndots >= 2 && !spaced) ellipsis = true;
  /* Closers, footnotes. */
  size_t before_closers = j;
  bool quoted = false;
  while (j < end) {
    int32_t c;
    size_t lc = dec(t, j, end, &c);
    if (!is_closer(c)) break;
    if (c == '\'' && j + lc < end) {
      int32_t a;
      dec(t, j + lc, end, &a);
      if (is_letter(a)) break; /* Jr.'s */
    }
    quoted = quoted || (c != ')' && c != ']');
    j += lc;
  }
  int32_t prev_letter = 0;
  if (i > s->start) dec_back(t, s->start, i, &prev_letter);
  j = skip_footnotes(s, j,
                     is_letter(prev_letter) || prev_letter == ')' ||
                         (j > before_closers));
  if (inside && j <= s->prot_end) return j; /* within a quotation */
  /* A sentence that is one whole quotation: a parenthesis after it is a
   * sentence of its own ("Hi!" (He waved.)). */
  bool whole_quote = inside && s->prot_whole;
  if (j > s->prot_end) s->prot_end = 0;

  int32_t after = 0;
  if (j < end) dec(t, j, end, &after);
  if (j < end && !is_space(after)) {
    if (strong)
      cut(s, j, j);
    else if (cp == '.' && ndots == 1 && !excl && glued_boundary(s, i))
      cut(s, j, j);
    return j;
  }
  if (ndots >= RUN_MIN && !spaced && leader_ends_line(s, j)) return j;
  next_info n = look_next(s, j);
  bool ends;
  if (strong ||
      (whole_quote && !ellipsis && !spaced && n.paren && n.paren_upper)) {
    ends = true;
  } else if (excl) {
    /* Not before a lower-case word ("Yahoo! in", "Stop! he said"), nor
     * after a name spelt with "!" unless a sentence starter follows. */
    ends = n.end || n.item || n.upper || n.digit;
    if (ends && !n.end && ndots == 0 && j == i + l && bang_name(s, i))
      ends = n.starter || n.starter1;
    if (n.paren && n.paren_upper && !quoted) ends = true;
  } else if (spaced && attached) {
    /* "compounds. . . . The": the period ends the sentence and the
     * ellipsis opens the next one. */
    if (n.upper || n.item) cut(s, first_dot_end, first_dot_end);
    return j;
  } else if (spaced) {
    /* " . . . " is an omission inside a sentence; " . . . ." ends one. */
    ends = ndots >= 4 && (n.upper || n.item || n.end);
  } else if (ellipsis) {
    ends = n.end || n.upper || n.item;
  } else {
    word_info w = word_before(s, i);
    if (s->ordinals && w.kind == W_NUMBER && w.small) w.kind = W_ABBR;
    ends = period_ends(&w, &n);
    /* "It closed. (Staff were told.)": a parenthesised sentence after a
     * plain sentence end (not after "Inc." nor after a quotation, where
     * it comments on what was said). */
    if (!ends && n.paren && n.paren_upper && !quoted &&
        (w.kind == W_WORD || w.kind == W_NUMBER || w.kind == W_OTHER ||
         w.kind == W_URL))
      ends = true;
    if (!ends) s->kept = j;
  }
  if (ends) {
    size_t at = j, next = n.pos;
    take_spaced_closers(s, &at, &next);
    cut(s, at, next);
  }
  return j;
}

/* Armenian writes its full stop ։ as a colon (':' in most digital text):
 * after an Armenian letter, a colon followed by a sentence start ends the
 * sentence. */
static bool is_armenian(int32_t cp) { return cp >= 0x0531 && cp <= 0x058A; }

static size_t armenian_stop(seg *s, size_t i) {
  const char *t = s->t;
  size_t j = i + 1;
  while (j < s->end) {
    int32_t c;
    size_t lc = dec(t, j, s->end, &c);
    if (!is_closer(c) && c != '.' && c != 0x2026) break;
    j += lc;
  }
  int32_t after = ' ';
  if (j < s->end) dec(t, j, s->end, &after);
  if (i < s->prot_end || !is_space(after)) return j;
  next_info n = look_next(s, j);
  if (n.end || n.upper || n.digit || n.item) cut(s, j, n.pos);
  return j;
}

/* ------------------------------------------------------------------------
 * Driver
 * ---------------------------------------------------------------------- */

static void lists_for(seg *s, ng_lang lang) {
  const ng_lex_id none = NG_LEX_COUNT;
  s->starters = s->cont = none;
  s->stop = ng_lex_stopwords(lang == NG_LANG_UNKNOWN ? NG_LANG_EN : lang);
  s->bang = NG_LEX_bang_names;
  s->abbr[0] = s->pre[0] = s->num[0] = s->fin[0] = none;
  /* English abbreviations back up the languages without lists (and the
   * international ones: Dr., Prof., No.); Russian has its own. */
  s->abbr[1] = NG_LEX_abbr_en;
  s->pre[1] = NG_LEX_abbr_en_pre;
  s->num[1] = NG_LEX_abbr_en_num;
  s->fin[1] = none;
  switch (lang) {
  case NG_LANG_RU:
    s->abbr[0] = NG_LEX_abbr_ru;
    s->fin[0] = NG_LEX_abbr_ru_end;
    s->abbr[1] = s->pre[1] = s->num[1] = none;
    break;
  case NG_LANG_DE:
    s->abbr[0] = NG_LEX_abbr_de;
    s->ordinals = true;
    break;
  case NG_LANG_ES:
    s->abbr[0] = NG_LEX_abbr_es;
    s->num[0] = NG_LEX_abbr_es_num;
    break;
  case NG_LANG_IT: s->abbr[0] = NG_LEX_abbr_it; break;
  case NG_LANG_EN:
  case NG_LANG_UNKNOWN:
    s->starters = NG_LEX_starters_en;
    s->cont = NG_LEX_continue_en;
    s->fin[1] = NG_LEX_abbr_en_end;
    break;
  default: break;
  }
}

/* Text that was lower-cased as a whole (tokenized corpora, some feeds) has
 * no capitals to mark sentence starts; there, a terminator before a
 * lower-case word ends a sentence like one before a capital. Looks at the
 * first 64 KiB: many lower-case letters and not one capital. */
static bool is_caseless(const char *t, size_t off, size_t len) {
  size_t lim = len < 65536 ? len : 65536, lower = 0;
  for (size_t i = off; i < off + lim;) {
    unsigned char b = (unsigned char)t[i];
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') return false;
      if (b >= 'a' && b <= 'z') lower++;
      i++;
      continue;
    }
    int32_t cp;
    i += dec(t, i, off + len, &cp);
    if (ng_cp_is_upper_fast(cp)) return false;
    if (ng_cp_is_lower_fast(cp)) lower++;
  }
  return lower >= 200;
}

int ng_sentences_split(ng_vec *out, const char *t, size_t off, size_t len,
                       ng_lang lang, unsigned flags) {
  seg s;
  memset(&s, 0, sizeof s);
  s.soft_breaks = flags & NG_SPLIT_SOFT_BREAKS;
  s.t = t;
  s.end = off + len;
  s.out = out;
  s.start = off;
  s.budget = 2 * len + 4096;
  lists_for(&s, lang);
  s.caseless = is_caseless(t, off, len);

  size_t i = off, line_start = off;
  bool tok_start = true; /* previous code point was white space */
  while (i < s.end && !s.rc) {
    unsigned char b0 = (unsigned char)t[i];
    if (!tok_start && ng_ascii_alnum(b0)) {
      /* Fast path: inside an ASCII word nothing can happen (up to eight
       * of its bytes a step). */
      s.content = true;
      i += ng_ascii_alnum_run8(t, i, s.end);
      continue;
    }
    int32_t cp;
    size_t l = dec(t, i, s.end, &cp);
    if (!tok_start && is_common_letter(cp)) {
      s.content = true;
      i += l;
      continue;
    }
    if (is_break(cp)) {
      i = line_break(&s, i, l, line_start);
      line_start = i;
      tok_start = true;
      continue;
    }
    if (is_space(cp)) {
      tok_start = true;
      i += l;
      continue;
    }
    bool was_tok_start = tok_start;
    tok_start = false;
    if (i >= s.prot_end) {
      s.prot_end = 0;
      if (was_tok_start && is_bullet(cp)) {
        if (s.content) cut(&s, i, i);
        i += l;
        tok_start = true; /* "⁃9." */
        continue;
      }
      marker m;
      if (was_tok_start && maybe_marker(t, i, s.end) &&
          parse_marker(&s, i, &m)) {
        if (!s.content) {
          s.last = m;
          s.last_at = i;
          s.content = true;
          i += m.len;
          continue;
        }
        if (marker_can_continue(&m) && marker_follows(&s, &m, i)) {
          cut(&s, i, i);
          s.last = m;
          s.last_at = i;
          s.content = true;
          i += m.len;
          continue;
        }
        /* "Steps: 1.) Mix. 2.) Bake.": a first bracketed marker inside a
         * sentence, if its successor follows. Bare "1." stays ordinary
         * ("see 1. above and 2. below"). */
        if (m.shape != M_DOT && marker_ahead(&s, i + m.len, &m)) {
          s.last = m;
          s.last_at = i;
          i += m.len;
          continue;
        }
      }
    }
    if (s.prot_end == 0 &&
        (is_open_quote(cp) || cp == '(' || cp == '[' || cp == 0xFF08)) {
      bool opens = !s.content;
      s.content = true;
      size_t q = find_closer(&s, i, cp, l);
      if (q) {
        s.prot_end = q;
        s.prot_whole = opens;
      }
      i += l;
      continue;
    }
    s.content = true;
    if (is_term(cp)) {
      i = terminator(&s, i, cp, l);
      continue;
    }
    if (cp == ':' && i > s.start) {
      int32_t b;
      dec_back(t, s.start, i, &b);
      if (is_armenian(b)) {
        i = armenian_stop(&s, i);
        continue;
      }
    }
    if ((cp == '-' && i + 1 < s.end && t[i + 1] == '-') || cp == 0x2014) {
      /* Interrupted speech: "to--" At this moment". */
      size_t k = i + (cp == '-' ? 2 : l);
      int32_t c;
      if (k < s.end) {
        size_t lc = dec(t, k, s.end, &c);
        int32_t a = ' ';
        if (k + lc < s.end) dec(t, k + lc, s.end, &a);
        if (is_closer(c) && c != ')' && c != ']' && is_space(a)) {
          k += lc;
          next_info n = look_next(&s, k);
          if (n.upper && !n.end) cut(&s, k, n.pos);
          if (k > s.prot_end) s.prot_end = 0;
          i = k;
          continue;
        }
      }
    }
    i += l;
  }
  if (!s.rc) emit(&s, s.start, s.end);
  return s.rc ? NG_ENOMEM : NG_OK;
}

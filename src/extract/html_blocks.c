/* html_blocks.c - one iterative walk over the tree: elements with their
 * semantics and text counts, and the candidate blocks of text.
 *
 * A block is the text between two block-level boundaries (<p>, <div>,
 * <li>, <br>, ...), white space collapsed as a browser renders it. Table
 * cells of a row stay in one block, separated by a tab. What is never text
 * is skipped whole: scripts, styles, forms controls, embedded media, hidden
 * elements and navigation. */
#include "html.h"
#include "../text/ascii.h"

#include "../text/errors.h"
#include "../text/mem.h"

#include <stddef.h>
#include <string.h>

void ng_hwalk_init(ng_hwalk *w, const ng_allocator *alc, ng_arena *arena) {
  memset(w, 0, sizeof *w);
  ng_vec_init(&w->elems, sizeof(ng_helem), alc);
  ng_vec_init(&w->blocks, sizeof(ng_hblock), alc);
  w->text.alc = alc;
  w->meta.arena = arena;
  w->body = NG_NONE;
}

void ng_hwalk_dispose(ng_hwalk *w) {
  ng_vec_dispose(&w->elems);
  ng_vec_dispose(&w->blocks);
  ng_buf_dispose(&w->text);
}




/* --- class / id semantics ------------------------------------------------
 * Names are split into tokens at anything that is not a letter or digit
 * ("c-article__body--main" -> c, article, body, main); a pattern matches a
 * token it begins or ends ("sharebar", "mainnav"), or equals for the short
 * ones. Strong negatives win over positives ("article-comments"); weak ones
 * lose to them ("entry-meta" is weak, "post-content" positive). */

typedef struct pat {
  const char *s;
  unsigned char len, exact;
} pat;

static const pat strong_neg[] = {
    {"nav", 3, 0}, {"navbar", 6, 0}, {"navigation", 10, 0}, {"menu", 4, 0},
    {"breadcrumb", 10, 0}, {"breadcrumbs", 11, 0}, {"comment", 7, 0}, {"comments", 8, 0},
    {"kommentar", 9, 0}, {"kommentare", 10, 0}, {"disqus", 6, 0}, {"respond", 7, 0},
    {"reply", 5, 0}, {"replies", 7, 0}, {"share", 5, 0}, {"sharing", 7, 0},
    {"social", 6, 0}, {"socials", 7, 0}, {"teilen", 6, 0}, {"shariff", 7, 0},
    {"related", 7, 0}, {"recommend", 9, 0}, {"recommended", 11, 0},
    {"recommendations", 15, 0}, {"outbrain", 8, 0}, {"taboola", 7, 0},
    {"cookie", 6, 0}, {"cookies", 7, 0}, {"consent", 7, 0}, {"gdpr", 4, 0},
    {"newsletter", 10, 0}, {"subscribe", 9, 0}, {"subscription", 12, 0},
    {"signup", 6, 0}, {"login", 5, 0}, {"sidebar", 7, 0},
    {"footer", 6, 0}, {"masthead", 8, 0}, {"skip", 4, 1}, {"skiplink", 8, 0},
    {"advert", 6, 0}, {"advertisement", 13, 0}, {"ad", 2, 1}, {"ads", 3, 1},
    {"adslot", 6, 0}, {"adsense", 7, 0}, {"anzeige", 7, 0}, {"werbung", 7, 0},
    {"sponsor", 7, 0}, {"sponsored", 9, 0}, {"promo", 5, 0}, {"popular", 7, 0}, {"mostread", 8, 0}, {"trending", 8, 0},
    {"meistgelesen", 12, 0}, {"pagination", 10, 0}, {"pager", 5, 0},
    {"banner", 6, 0}, {"popup", 5, 0}, {"modal", 5, 0}, {"overlay", 7, 0},
    {"toolbar", 7, 0}, {"sronly", 6, 0}, {"sr", 2, 1},
    {"visuallyhidden", 14, 0}, {"print", 5, 1}, {"rating", 6, 0}, {"tagcloud", 8, 0},
    {"copyright", 9, 0}, {"impressum", 9, 0}, {"pnav", 4, 0}, {"topnav", 6, 0},
    {"affiliate", 9, 0}, {"disclosure", 10, 0}, /* advertising notices */
};

static const pat weak_neg[] = {
    {"widget", 6, 0}, /* page builders wrap everything in "widgets" */
    {"paywall", 7, 0}, /* often wraps the article's own text */
    {"teaser", 6, 0}, {"teasers", 7, 0},
    {"meta", 4, 0},   {"tags", 4, 1},    {"tag", 3, 1},      {"tool", 4, 0},
    {"tools", 5, 0},  {"media", 5, 1},   {"header", 6, 0},   {"aside", 5, 0},
    {"caption", 7, 0}, {"legend", 6, 0}, {"credit", 6, 0}, {"author", 6, 0},   {"byline", 6, 0},
    {"info", 4, 1},   {"extra", 5, 1},   {"links", 5, 1},    {"more", 4, 1},
    {"hidden", 6, 1}, {"hide", 4, 1},    {"foot", 4, 0},     {"contact", 7, 0},
    {"date", 4, 1},   {"dateline", 8, 0}, {"infobox", 7, 0}, {"box", 3, 1},
    {"rss", 3, 1},    {"search", 6, 0},  {"suche", 5, 0},    {"icon", 4, 0},
    {"button", 6, 0}, {"btn", 3, 0},     {"logo", 4, 0},     {"header", 6, 0},
};

static const pat positive[] = {
    {"lead", 4, 1}, {"intro", 5, 0}, {"standfirst", 10, 0},
    {"article", 7, 0}, {"artikel", 7, 0}, {"content", 7, 0}, {"inhalt", 6, 0},
    {"entry", 5, 0},   {"hentry", 6, 0},  {"post", 4, 0},    {"story", 5, 0},
    {"text", 4, 0},    {"body", 4, 0},    {"main", 4, 0},    {"blog", 4, 0},
    {"prose", 5, 0},   {"richtext", 8, 0}, {"beitrag", 7, 0}, {"single", 6, 0},
    {"news", 4, 1},    {"detail", 6, 0},  {"page", 4, 1},    {"column", 6, 1},
};

/* All patterns in one numbering: strong negatives, weak negatives,
 * positives. A pattern's class is its group (0, 1, 2). */
#define N_STRONG (sizeof strong_neg / sizeof strong_neg[0])
#define N_WEAK (sizeof weak_neg / sizeof weak_neg[0])
#define N_POS (sizeof positive / sizeof positive[0])

static const pat *pat_at(size_t i, int *cls) {
  if (i < N_STRONG) return *cls = 0, &strong_neg[i];
  if (i < N_STRONG + N_WEAK) return *cls = 1, &weak_neg[i - N_STRONG];
  return *cls = 2, &positive[i - N_STRONG - N_WEAK];
}

/* Patterns bucketed by first letter (prefix or exact match) and by last
 * letter (suffix match), so a token is checked against a handful of
 * patterns instead of all of them. Built once per page (a few hundred
 * steps); 2 x 26 x 32 bytes. */
typedef struct pat_ent {
  const char *s;
  uint8_t len, exact, cls;
} pat_ent;

typedef struct pat_index {
  pat_ent pre[26][32], suf[26][32];
  uint8_t npre[26], nsuf[26];
} pat_index;

/* Entries go in pattern order, so each bucket is sorted by class: a scan
 * stops at the first entry no stronger than what was found. */
static void pat_index_build(pat_index *x) {
  memset(x->npre, 0, sizeof x->npre);
  memset(x->nsuf, 0, sizeof x->nsuf);
  for (size_t i = 0; i < N_STRONG + N_WEAK + N_POS && i < 256; i++) {
    int cls;
    const pat *p = pat_at(i, &cls);
    pat_ent e = {p->s, p->len, p->exact, (uint8_t)cls};
    int f = p->s[0] - 'a', l = p->s[p->len - 1] - 'a';
    if (f >= 0 && f < 26 && x->npre[f] < 32) x->pre[f][x->npre[f]++] = e;
    if (!p->exact && l >= 0 && l < 26 && x->nsuf[l] < 32) x->suf[l][x->nsuf[l]++] = e;
  }
}

/* Patterns are a few bytes long: an inline loop beats a memcmp call. */
static bool same(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return false;
  return true;
}

/* The strongest class (0 strong, 1 weak, 2 positive) of a token, 3 if no
 * pattern matches. */
static int token_class(const pat_index *x, const char *t, size_t n) {
  int best = 3;
  int f = t[0] - 'a', l = t[n - 1] - 'a';
  if (f >= 0 && f < 26) {
    for (size_t k = 0; k < x->npre[f]; k++) {
      const pat_ent *p = &x->pre[f][k];
      if (p->cls >= best) break;
      if (n < p->len || (p->exact && n != p->len)) continue;
      if (same(t, p->s, p->len)) best = p->cls;
    }
  }
  if (l >= 0 && l < 26) {
    for (size_t k = 0; k < x->nsuf[l]; k++) {
      const pat_ent *p = &x->suf[l][k];
      if (p->cls >= best) break;
      if (n < p->len) continue;
      if (same(t + n - p->len, p->s, p->len)) best = p->cls;
    }
  }
  return best;
}

#ifndef BIO
#define BIO 1
#endif
#ifndef AD_PROSE
#define AD_PROSE 500
#endif
#ifndef REPLY_ITEM
#define REPLY_ITEM 1
#endif
#ifndef POPUP_MAX
#define POPUP_MAX 2000
#endif
#ifndef COMMENT_MAX
#define COMMENT_MAX 3000
#endif
#ifndef CLOSE_POPUP
#define CLOSE_POPUP 1
#endif

/* Tokens that make an "author" name a box about the author (a biography,
 * "author-box", "author-info", "about-author"), not the byline. */
static bool bio_token(const char *t, size_t n) {
  switch (n) { /* by length: this runs for every token of every name */
  case 3: return memcmp(t, "box", 3) == 0 || memcmp(t, "bio", 3) == 0;
  case 4:
    return memcmp(t, "info", 4) == 0 || memcmp(t, "desc", 4) == 0 ||
           memcmp(t, "wrap", 4) == 0 || memcmp(t, "card", 4) == 0;
  case 5: return memcmp(t, "about", 5) == 0 || memcmp(t, "descr", 5) == 0;
  case 7: return memcmp(t, "details", 7) == 0 || memcmp(t, "profile", 7) == 0 ||
                 memcmp(t, "wrapper", 7) == 0;
  case 9: return memcmp(t, "biography", 9) == 0;
  case 11: return memcmp(t, "description", 11) == 0;
  default: return false;
  }
}

/* Advertising names ("ad", "advert...", "sponsor...", "banner",
 * "affiliate", "disclosure"): strongly negative, but a Spanish "cuerpo-ad"
 * holds the article, and an ad slot or notice never holds long prose with
 * hardly a link (see ng_html_blocks). */
static bool ad_token(const char *t, size_t n) {
  static const char *const pre[] = {"advert",  "adslot",    "adsense",   "anzeige",
                                    "werbung", "sponsor",   "promo",     "banner",
                                    "affiliate", "disclosure"};
  if ((n == 2 && memcmp(t, "ad", 2) == 0) || (n == 3 && memcmp(t, "ads", 3) == 0))
    return true;
  for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
    size_t l = strlen(pre[i]);
    if (n >= l && memcmp(t, pre[i], l) == 0) return true;
  }
  return false;
}

static unsigned name_class_idx(const pat_index *x, const char *s, size_t n) {
  bool strong = false, weak = false, pos = false, author = false, bio = false,
       close = false, ad_only = true, modifier = false, reply = false;
  char tok[48];
  size_t i = 0;
  if (n > 400) n = 400;
  while (i < n) {
    while (i < n && !((s[i] >= 'a' && s[i] <= 'z') ||
                      (s[i] >= 'A' && s[i] <= 'Z') ||
                      (s[i] >= '0' && s[i] <= '9'))) {
      if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') modifier = false;
      i++;
    }
    /* "js-..." class names are script hooks, not semantics
     * ("js-dynamic-adverto" on an article's text): skip the whole name. */
    if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n') && i + 3 <= n && (s[i] == 'j' || s[i] == 'J') &&
        (s[i + 1] == 's' || s[i + 1] == 'S') && (s[i + 2] == '-' || s[i + 2] == '_')) {
      while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') i++;
      continue;
    }
    size_t l = 0;
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= '0' && s[i] <= '9'))) {
      if (l < sizeof tok) tok[l++] = ng_ascii_lower(s[i]);
      i++;
    }
    if (l == 0 || l >= sizeof tok) continue;
    /* State modifiers say what an element has or lacks, not what it is:
     * "o-section--has-ads", "no-sidebar", "with-comments". */
    if (modifier) {
      modifier = false;
      continue;
    }
    if ((l == 3 && memcmp(tok, "has", 3) == 0) || (l == 2 && memcmp(tok, "no", 2) == 0) ||
        (l == 4 && memcmp(tok, "with", 4) == 0) || (l == 7 && memcmp(tok, "without", 7) == 0)) {
      modifier = true;
      continue;
    }
    if ((l == 6 && memcmp(tok, "author", 6) == 0) || (l == 5 && memcmp(tok, "autor", 5) == 0) ||
        (l == 7 && memcmp(tok, "authors", 7) == 0))
      author = true;
    else if (bio_token(tok, l))
      bio = true;
    else if (l >= 5 && memcmp(tok, "sabox", 5) == 0)
      author = bio = true; /* "sabox...": the Simple Author Box plugin */
    if ((l == 5 && memcmp(tok, "close", 5) == 0) || (l == 7 && memcmp(tok, "dismiss", 7) == 0))
      close = true;
    else if ((l == 5 && memcmp(tok, "reply", 5) == 0) || (l == 9 && memcmp(tok, "antworten", 9) == 0))
      reply = true;
    int c = token_class(x, tok, l);
    if (c == 0) {
      strong = true;
      if (!ad_token(tok, l)) ad_only = false;
    }
    else if (c == 1) weak = true;
    else if (c == 2) pos = true;
  }
  unsigned cl = (close && CLOSE_POPUP ? NG_EL_CLOSE : 0) | (reply && REPLY_ITEM ? NG_EL_REPLY : 0);
  if (BIO && author && bio) return NG_EL_NEGATIVE | NG_EL_STRONG_NEG | cl;
  if (strong)
    return NG_EL_NEGATIVE | NG_EL_STRONG_NEG | cl | (ad_only && AD_PROSE ? NG_EL_AD : 0);
  if (weak && !pos) return NG_EL_NEGATIVE | cl;
  if (pos) return NG_EL_POSITIVE | cl;
  return cl;
}

unsigned ng_html_name_class(const char *s, size_t n) {
  pat_index x;
  pat_index_build(&x);
  return name_class_idx(&x, s, n);
}

#ifndef HAS_POS_CHARS
#define HAS_POS_CHARS 200
#endif

/* --- the walk ----------------------------------------------------------- */

typedef struct walk {
  ng_hwalk *w;
  ng_vec stack; /* uint32_t: open elements */
  /* The block being collected. */
  size_t start;
  uint32_t elem, chars, link_chars, words;
  bool open, space;
  int rc;
  /* Class strings repeat a lot ("menu-item ..."): their verdicts are
   * cached, direct-mapped by hash. */
  struct {
    uint64_t h;
    unsigned v;
  } cache[1024];
  pat_index names;
} walk;

static unsigned name_class_cached(walk *k, const char *s, size_t n) {
  uint64_t h = 1469598103934665603u ^ n;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211u;
  }
  h |= 1; /* 0 marks an empty slot */
  size_t slot = (size_t)(h >> 7) % (sizeof k->cache / sizeof k->cache[0]);
  if (k->cache[slot].h == h) return k->cache[slot].v;
  unsigned v = name_class_idx(&k->names, s, n);
  k->cache[slot].h = h;
  k->cache[slot].v = v;
  return v;
}

static ng_helem *el(walk *k, uint32_t i) { return ng_vec_at(&k->w->elems, i); }

static uint32_t top(walk *k) {
  return k->stack.len ? ((uint32_t *)k->stack.ptr)[k->stack.len - 1] : NG_NONE;
}

static bool is_block_tag(ng_htag t) {
  switch (t) {
  case NG_TAG_HTML: case NG_TAG_BODY: case NG_TAG_ARTICLE: case NG_TAG_MAIN:
  case NG_TAG_SECTION: case NG_TAG_NAV: case NG_TAG_ASIDE: case NG_TAG_HEADER:
  case NG_TAG_FOOTER: case NG_TAG_ADDRESS: case NG_TAG_DIV: case NG_TAG_P:
  case NG_TAG_H1: case NG_TAG_H2: case NG_TAG_H3: case NG_TAG_H4:
  case NG_TAG_H5: case NG_TAG_H6: case NG_TAG_UL: case NG_TAG_OL:
  case NG_TAG_LI: case NG_TAG_DL: case NG_TAG_DT: case NG_TAG_DD:
  case NG_TAG_MENU: case NG_TAG_BLOCKQUOTE: case NG_TAG_PRE:
  case NG_TAG_TABLE: case NG_TAG_CAPTION: case NG_TAG_TR: case NG_TAG_FIGURE:
  case NG_TAG_FIGCAPTION: case NG_TAG_FORM: case NG_TAG_FIELDSET:
  case NG_TAG_DETAILS: case NG_TAG_SUMMARY: case NG_TAG_CENTER:
  case NG_TAG_HGROUP: case NG_TAG_HR: case NG_TAG_BR: case NG_TAG_HEAD:
    return true;
  default:
    return false;
  }
}

static bool skipped_tag(ng_htag t) {
  switch (t) {
  case NG_TAG_HEAD: case NG_TAG_TITLE: case NG_TAG_META: case NG_TAG_LINK:
  case NG_TAG_BASE: case NG_TAG_SCRIPT: case NG_TAG_STYLE:
  case NG_TAG_NOSCRIPT: case NG_TAG_TEMPLATE: case NG_TAG_SVG:
  case NG_TAG_MATH: case NG_TAG_IFRAME: case NG_TAG_OBJECT:
  case NG_TAG_EMBED: case NG_TAG_CANVAS: case NG_TAG_VIDEO:
  case NG_TAG_AUDIO: case NG_TAG_SELECT: case NG_TAG_BUTTON:
  case NG_TAG_INPUT: case NG_TAG_TEXTAREA: case NG_TAG_OPTION:
  case NG_TAG_DIALOG: case NG_TAG_FRAMESET: case NG_TAG_FRAME:
  case NG_TAG_NAV: case NG_TAG_COMMENT: case NG_TAG_LABEL:
  case NG_TAG_FIGCAPTION: case NG_TAG_FIGURE: case NG_TAG_RT:
    return true;
  default:
    return false;
  }
}

static void flush(walk *k) {
  if (!k->open) return;
  ng_buf *t = &k->w->text;
  while (t->len > k->start &&
         (t->ptr[t->len - 1] == ' ' || t->ptr[t->len - 1] == '\t'))
    t->len--;
  if (k->chars && t->len > k->start) {
    ng_helem *e = el(k, k->elem);
    ng_hblock b = {(uint32_t)k->start, (uint32_t)(t->len - k->start), k->elem,
                   k->chars, k->link_chars, k->words, e->kind, e->level, 0, 0};
    if (ng_vec_push(&k->w->blocks, &b)) k->rc = NG_ENOMEM;
    e->nblocks++; /* summed into the ancestors when they close */
  } else {
    t->len = k->start;
  }
  if (t->ptr) t->ptr[t->len] = '\0';
  k->open = false;
}

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void add_text(walk *k, const char *s, size_t n) {
  uint32_t cur = top(k);
  if (cur == NG_NONE) return;
  ng_helem *e = el(k, cur);
  bool pre = e->kind == NG_BLOCK_PRE;
  bool link = (e->flags & NG_EL_LINK) != 0;
  ng_buf *t = &k->w->text;
  if (ng_buf_reserve(t, n + 2)) {
    k->rc = NG_ENOMEM;
    return;
  }
  uint32_t chars = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    bool sp = is_space(c);
    if (!sp && c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
      sp = true; /* no-break space */
      i++;
    }
    /* Invisible characters a browser does not show: soft hyphens
     * ("Mit&shy;tel&shy;al&shy;ter"), zero-width spaces, a stray BOM. */
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
      i++;
      continue;
    }
    if ((c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
         (unsigned char)s[i + 2] == 0x8B) ||
        (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB &&
         (unsigned char)s[i + 2] == 0xBF)) {
      i += 2;
      continue;
    }
    if (sp && !pre) {
      k->space = true;
      continue;
    }
    if (c == 0) continue;
    if (!k->open) {
      k->open = true;
      k->start = t->len;
      k->elem = e->blk;
      k->chars = k->link_chars = k->words = 0;
      k->space = false;
    }
    if (k->space && !sp) {
      if (t->len > k->start) t->ptr[t->len++] = ' ';
      k->space = false;
    }
    if (!sp && (c & 0xC0) != 0x80) {
      chars++;
      if (t->len == k->start || t->ptr[t->len - 1] == ' ' ||
          t->ptr[t->len - 1] == '\t' || t->ptr[t->len - 1] == '\n')
        k->words++;
    }
    /* A no-break space in <pre> is a space (c is its lead byte). */
    t->ptr[t->len++] = sp && c == 0xC2 ? ' ' : (char)c;
    if (sp) continue;
    /* The rest of a run of ordinary bytes (no white space, control
     * character, or lead byte handled above): copied, counting characters;
     * no word starts inside a run. */
    size_t j = i + 1;
    for (; j < n; j++) {
      unsigned char d = (unsigned char)s[j];
      if (d <= ' ' || d == 0xC2 || d == 0xE2 || d == 0xEF) break;
      chars += (d & 0xC0) != 0x80;
      t->ptr[t->len++] = (char)d;
    }
    i = j - 1;
  }
  if (t->ptr) t->ptr[t->len] = '\0';
  k->chars += chars;
  if (link) k->link_chars += chars;
  e->chars += chars;
  if (link) e->link_chars += chars;
}

/* Collects the attributes the extractor looks at. */
typedef struct attrs {
  const char *cls, *id, *role, *style, *href, *itemprop, *rel;
  size_t cls_n, id_n, role_n, style_n, href_n, itemprop_n, rel_n;
  bool hidden, aria_hidden;
} attrs;

static void read_attrs(attrs *a, const ng_hnode *n) {
  memset(a, 0, sizeof *a);
  for (const ng_hattr *at = ng_hnode_attr_first(n); at; at = ng_hattr_next(at)) {
    size_t kl, vl;
    const char *key = ng_hattr_key(at, &kl);
    const char *v = ng_hattr_value(at, &vl);
    switch (kl) {
    case 2:
      if (memcmp(key, "id", 2) == 0) a->id = v, a->id_n = vl;
      break;
    case 3:
      if (memcmp(key, "rel", 3) == 0) a->rel = v, a->rel_n = vl;
      break;
    case 4:
      if (memcmp(key, "role", 4) == 0) a->role = v, a->role_n = vl;
      else if (memcmp(key, "href", 4) == 0) a->href = v, a->href_n = vl;
      break;
    case 5:
      if (memcmp(key, "class", 5) == 0) a->cls = v, a->cls_n = vl;
      else if (memcmp(key, "style", 5) == 0) a->style = v, a->style_n = vl;
      break;
    case 6:
      if (memcmp(key, "hidden", 6) == 0) a->hidden = true;
      break;
    case 8:
      if (memcmp(key, "itemprop", 8) == 0) a->itemprop = v, a->itemprop_n = vl;
      break;
    case 11:
      if (memcmp(key, "aria-hidden", 11) == 0 && ng_ascii_ieq(v, vl, "true"))
        a->aria_hidden = true;
      break;
    default:
      break;
    }
  }
}

static bool style_hidden(const char *s, size_t n) {
  /* "display:none", "display: none", "visibility:hidden" */
  for (size_t i = 0; i + 4 <= n; i++) {
    if (ng_ascii_lower(s[i]) == 'n' && (n - i >= 4) && ng_ascii_lower(s[i + 1]) == 'o' &&
        ng_ascii_lower(s[i + 2]) == 'n' && ng_ascii_lower(s[i + 3]) == 'e') {
      size_t j = i;
      while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == ':')) j--;
      if (j >= 7 && ng_ascii_icontains(s + j - 7, 7, "display")) return true;
    }
  }
  return ng_ascii_icontains(s, n, "visibility:hidden") ||
         ng_ascii_icontains(s, n, "visibility: hidden");
}

static unsigned role_class(const char *r, size_t n) {
  if (!r) return 0;
  if (ng_ascii_ieq(r, n, "main") || ng_ascii_ieq(r, n, "article")) return NG_EL_POSITIVE;
  if (ng_ascii_ieq(r, n, "navigation") || ng_ascii_ieq(r, n, "menu") || ng_ascii_ieq(r, n, "menubar") ||
      ng_ascii_ieq(r, n, "dialog") || ng_ascii_ieq(r, n, "alertdialog") || ng_ascii_ieq(r, n, "search") ||
      ng_ascii_ieq(r, n, "banner") || ng_ascii_ieq(r, n, "contentinfo") ||
      ng_ascii_ieq(r, n, "complementary") || ng_ascii_ieq(r, n, "tablist"))
    return NG_EL_NEGATIVE | NG_EL_STRONG_NEG;
  return 0;
}

/* Enters an element; returns true to descend into its children. */
static bool enter(walk *k, const ng_hnode *n, ng_htag tag) {
  ng_hwalk *w = k->w;
  uint32_t p = top(k);
  uint32_t idx = (uint32_t)w->elems.len;
  ng_helem e;
  memset(&e, 0, sizeof e);
  const ng_helem *pe = p != NG_NONE ? el(k, p) : NULL;
  e.parent = p;
  e.end = idx;
  e.tag = (uint16_t)tag;
  e.neg = pe ? pe->neg : NG_NONE;
  e.kind = pe ? pe->kind : NG_BLOCK_PARAGRAPH;
  e.level = pe ? pe->level : 0;
  e.quote = pe ? pe->quote : 0;
  e.flags = (uint16_t)(pe ? pe->flags & (NG_EL_LINK | NG_EL_HIDDEN) : 0);
  attrs a;
  read_attrs(&a, n);
  unsigned sem = 0;
  if (a.cls || a.id) {
    sem = a.cls ? name_class_cached(k, a.cls, a.cls_n) : 0;
    if (a.id) {
      unsigned s2 = name_class_cached(k, a.id, a.id_n);
      if (s2 & NG_EL_STRONG_NEG) {
        /* Advertising-only when both names are. */
        unsigned ad = (sem & NG_EL_STRONG_NEG) ? (sem & s2 & NG_EL_AD) : (s2 & NG_EL_AD);
        sem = (s2 & ~(unsigned)NG_EL_AD) | ad;
      }
      else if ((s2 & NG_EL_NEGATIVE) && !(sem & NG_EL_POSITIVE)) sem |= s2;
      else if (s2 & NG_EL_POSITIVE && !(sem & NG_EL_NEGATIVE)) sem |= s2;
    }
  }
  unsigned rs = role_class(a.role, a.role_n);
  if (rs) sem = rs;
  switch (tag) {
  case NG_TAG_ARTICLE: case NG_TAG_MAIN:
    if (!(sem & NG_EL_STRONG_NEG)) sem = NG_EL_POSITIVE;
    break;
  case NG_TAG_FOOTER: case NG_TAG_ASIDE:
    sem = NG_EL_NEGATIVE | NG_EL_STRONG_NEG;
    break;
  case NG_TAG_HEADER:
    sem |= NG_EL_NEGATIVE;
    break;
  case NG_TAG_FORM:
    sem &= ~(unsigned)NG_EL_STRONG_NEG; /* ASP.NET wraps whole pages */
    break;
  default:
    break;
  }
  if (tag == NG_TAG_HTML || tag == NG_TAG_BODY) sem = 0;
  e.flags = (uint16_t)(e.flags | sem);
  if (e.flags & NG_EL_NEGATIVE) e.neg = idx;
  if (tag == NG_TAG_A && a.href) e.flags |= NG_EL_LINK;
  if (a.hidden || a.aria_hidden || (a.style && style_hidden(a.style, a.style_n)))
    e.flags |= NG_EL_HIDDEN;
  switch (tag) {
  case NG_TAG_H1: case NG_TAG_H2: case NG_TAG_H3:
  case NG_TAG_H4: case NG_TAG_H5: case NG_TAG_H6:
    e.kind = NG_BLOCK_HEADING;
    e.level = (uint8_t)(tag - NG_TAG_H1 + 1);
    break;
  case NG_TAG_LI: case NG_TAG_DT: case NG_TAG_DD:
    e.kind = NG_BLOCK_LIST_ITEM;
    break;
  case NG_TAG_PRE:
    e.kind = NG_BLOCK_PRE;
    break;
  case NG_TAG_TR:
    e.kind = NG_BLOCK_TABLE_ROW;
    break;
  case NG_TAG_BLOCKQUOTE:
    e.quote = 1;
    e.kind = NG_BLOCK_QUOTE;
    break;
  case NG_TAG_P: case NG_TAG_DIV: case NG_TAG_TABLE:
    if (e.kind != NG_BLOCK_LIST_ITEM) e.kind = e.quote ? NG_BLOCK_QUOTE : NG_BLOCK_PARAGRAPH;
    break;
  default:
    break;
  }
  bool block = is_block_tag(tag);
  if (block) e.flags |= NG_EL_BLOCK;
  e.blk = block || !pe ? idx : pe->blk;
  if (block) flush(k);
  if (tag == NG_TAG_BODY && w->body == NG_NONE) w->body = idx;
  if (ng_vec_push(&w->elems, &e) || ng_vec_push(&k->stack, &idx)) {
    k->rc = NG_ENOMEM;
    return false;
  }
  ng_helem *pp = p != NG_NONE ? el(k, p) : NULL;
  bool boiler = pp && pp->neg != NG_NONE &&
                (el(k, pp->neg)->flags & NG_EL_STRONG_NEG);
  ng_hattrs ha = {a.cls, a.itemprop, a.rel, a.cls_n, a.itemprop_n, a.rel_n};
  if (ng_html_meta_element(&w->meta, n, tag, &ha, boiler))
    k->rc = NG_ENOMEM;
  if (skipped_tag(tag) || (e.flags & NG_EL_HIDDEN)) return tag == NG_TAG_HEAD;
  if (rs & NG_EL_STRONG_NEG && (ng_ascii_ieq(a.role, a.role_n, "navigation") ||
                                ng_ascii_ieq(a.role, a.role_n, "menu") ||
                                ng_ascii_ieq(a.role, a.role_n, "menubar")))
    return false;
  return true;
}

static void leave(walk *k, ng_htag tag) {
  uint32_t idx = top(k);
  if (idx == NG_NONE) return;
  if (is_block_tag(tag)) flush(k);
  k->stack.len--;
  ng_helem *e = el(k, idx);
  e->end = (uint32_t)k->w->elems.len - 1;
  if (e->parent != NG_NONE) {
    ng_helem *p = el(k, e->parent);
    /* A short "close" control ("Schließen [X]", "×") makes its parent a
     * candidate popup or dialog, whatever the parent is called;
     * ng_html_blocks decides once the parent's text is counted. */
    if ((e->flags & NG_EL_CLOSE) && e->chars <= 20 && p->tag != NG_TAG_BODY &&
        p->tag != NG_TAG_HTML)
      p->flags |= NG_EL_POPUP;
    /* A short "reply" control ("antworten") makes the list item around
     * it, a few levels up, a candidate reader comment, whatever the thread
     * is called; ng_html_blocks decides once the item's text is counted. */
    if ((e->flags & NG_EL_REPLY) && e->chars > 0 && e->chars <= 40) {
      uint32_t a = e->parent;
      for (int up = 0; up < 4 && a != NG_NONE; up++, a = el(k, a)->parent) {
        ng_helem *x = el(k, a);
        if (x->tag == NG_TAG_LI) {
          x->flags |= NG_EL_COMMENT;
          break;
        }
      }
    }
    p->chars += e->chars;
    p->link_chars += e->link_chars;
    p->nblocks += e->nblocks;
    /* Only a positive element with some text makes its ancestors
     * wrappers: a "page_item" menu entry or an "assistive-text" label in a
     * site header does not make the header article-like. */
    if ((e->flags & NG_EL_HAS_POS) ||
        ((e->flags & NG_EL_POSITIVE) && !(e->flags & NG_EL_NEGATIVE) &&
         e->chars >= HAS_POS_CHARS))
      p->flags |= NG_EL_HAS_POS;
  }
}

/* Cells of a row are separated by a tab (white space to the scorer, a
 * column to a reader). */
static void cell_sep(walk *k) {
  if (!k->open) return;
  k->space = false;
  if (ng_buf_putc(&k->w->text, '\t')) k->rc = NG_ENOMEM;
}

int ng_html_blocks(ng_hwalk *w, const ng_html *h) {
  walk k;
  /* All but the pattern index, which pat_index_build fills (26 KiB that
   * need no zeroing for every page). */
  memset(&k, 0, offsetof(walk, names));
  k.w = w;
  pat_index_build(&k.names);
  ng_vec_init(&k.stack, sizeof(uint32_t), w->elems.alc);
  const ng_hnode *root = ng_html_root(h);
  const ng_hnode *n = root;
  /* nt is n's tag, looked up once per node: the ancestors left on the way
   * up are elements on the stack, which keeps their tags. */
  ng_htag nt = ng_hnode_tag(n);
  bool down = enter(&k, n, nt);
  while (n && !k.rc) {
    const ng_hnode *c = down ? ng_hnode_first_child(n) : NULL;
    if (c) {
      n = c;
    } else {
      /* Leave n and its finished ancestors; go to the next sibling. */
      for (;;) {
        if (nt != NG_TAG_TEXT && nt != NG_TAG_COMMENT) leave(&k, nt);
        if (n == root) {
          n = NULL;
          break;
        }
        const ng_hnode *nx = ng_hnode_next(n);
        if (nx) {
          n = nx;
          break;
        }
        n = ng_hnode_parent(n);
        if (!n) break;
        uint32_t up = top(&k);
        nt = up != NG_NONE ? (ng_htag)el(&k, up)->tag : ng_hnode_tag(n);
      }
      if (!n) break;
    }
    ng_htag t = nt = ng_hnode_tag(n);
    if (t == NG_TAG_TEXT) {
      size_t len;
      const char *s = ng_hnode_text(n, &len);
      add_text(&k, s, len);
      down = false;
    } else if (t == NG_TAG_COMMENT) {
      down = false;
    } else {
      if ((t == NG_TAG_TD || t == NG_TAG_TH)) cell_sep(&k);
      down = enter(&k, n, t);
    }
  }
  flush(&k);
  ng_vec_dispose(&k.stack);
  /* A "negative" element around article-like ones is a layout wrapper
   * ("content right-sidebar"): it loses its verdict, and the nearest
   * negative ancestor of every element is recomputed (pre-order: parents
   * first). */
  ng_helem *es = w->elems.ptr;
  for (size_t i = 0; i < w->elems.len && !k.rc; i++) {
    ng_helem *e = &es[i];
    if ((e->flags & NG_EL_NEGATIVE) && (e->flags & NG_EL_HAS_POS) &&
        e->tag != NG_TAG_NAV)
      e->flags &= (uint16_t)~(NG_EL_NEGATIVE | NG_EL_STRONG_NEG);
    /* A popup is short and holds nothing article-like: a close button
     * inside the article's own box does not make the article a popup. */
    if ((e->flags & NG_EL_POPUP) && e->chars <= POPUP_MAX && !(e->flags & NG_EL_HAS_POS))
      e->flags |= NG_EL_NEGATIVE | NG_EL_STRONG_NEG;
    /* A list item with a reply control is a comment unless it is long:
     * an article that happens to sit in an <li> keeps its text. */
    if ((e->flags & NG_EL_COMMENT) && e->chars <= COMMENT_MAX)
      e->flags |= NG_EL_NEGATIVE | NG_EL_STRONG_NEG;
    /* An "ad" box of long prose with hardly a link is not an ad. */
    if ((e->flags & NG_EL_AD) && e->chars >= AD_PROSE && e->link_chars * 10 < e->chars)
      e->flags &= (uint16_t)~(NG_EL_NEGATIVE | NG_EL_STRONG_NEG);
    uint32_t pn = e->parent != NG_NONE ? es[e->parent].neg : NG_NONE;
    e->neg = (e->flags & NG_EL_NEGATIVE) ? (uint32_t)i : pn;
  }
  return k.rc;
}

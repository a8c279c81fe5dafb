/* html_parse.c - myhtml behind the small tree interface of html_parse.h.
 *
 * myhtml builds the tree as browsers do (HTML5 tree construction: missing
 * and misnested tags, truncated pages). We parse in single-thread mode
 * with one parser and tree per ng_ctx, parked in ctx->reader and cleaned
 * between pages: creating them costs about as much as extracting a small
 * page, and a context is per thread, so no locking is needed. */
#include "html_parse.h"
#include "../text/ascii.h"

#include "../text/ctx.h"
#include "../text/errors.h"
#include "../text/utf8.h"

#include <myhtml/charef.h>
#include <myhtml/myhtml.h> /* api.h plus the tree struct (scripting flag) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The parser and tree kept in a context between pages. */
typedef struct reader {
  myhtml_t *parser;
  myhtml_tree_t *tree;
} reader;

struct ng_html {
  myhtml_tree_t *tree; /* borrowed from the context's reader */
};

static void reader_free(void *p) {
  reader *r = p;
  if (r->tree) myhtml_tree_destroy(r->tree);
  if (r->parser) myhtml_destroy(r->parser);
  free(r);
}

static reader *reader_get(ng_ctx *ctx) {
  if (ctx->reader && ctx->reader_free == reader_free) {
    reader *r = ctx->reader;
    myhtml_tree_clean(r->tree);
    return r;
  }
  reader *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->parser = myhtml_create();
  if (!r->parser ||
      myhtml_init(r->parser, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) !=
          MyHTML_STATUS_OK) {
    if (r->parser) myhtml_destroy(r->parser);
    free(r);
    return NULL;
  }
  r->tree = myhtml_tree_create();
  if (!r->tree || myhtml_tree_init(r->tree, r->parser) != MyHTML_STATUS_OK) {
    if (r->tree) myhtml_tree_destroy(r->tree);
    myhtml_destroy(r->parser);
    free(r);
    return NULL;
  }
  if (ctx->reader && ctx->reader_free) ctx->reader_free(ctx->reader);
  ctx->reader = r;
  ctx->reader_free = reader_free;
  return r;
}

/* The myhtml node and attribute types stand behind our opaque ones. */
static myhtml_tree_node_t *mn(const ng_hnode *n) {
  return (myhtml_tree_node_t *)(uintptr_t)n;
}
static const ng_hnode *hn(myhtml_tree_node_t *n) {
  return (const ng_hnode *)(uintptr_t)n;
}
static myhtml_tree_attr_t *ma(const ng_hattr *a) {
  return (myhtml_tree_attr_t *)(uintptr_t)a;
}


static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Elements that never nest in practice: void ones, and those the tree
 * builder closes implicitly when the next sibling starts. By length, as
 * this runs for every tag of the page. */
static inline int non_nesting(const char *t, size_t n) {
#define IS(x) (memcmp(t, x, sizeof(x) - 1) == 0)
  switch (n) {
  case 1: return t[0] == 'p';
  case 2:
    return IS("br") || IS("hr") || IS("li") || IS("td") || IS("th") || IS("tr") ||
           IS("dt") || IS("dd") || IS("rb") || IS("rp") || IS("rt");
  case 3: return IS("col") || IS("img") || IS("wbr") || IS("rtc");
  case 4:
    return IS("area") || IS("base") || IS("link") || IS("meta") || IS("html") ||
           IS("head") || IS("body");
  case 5:
    return IS("embed") || IS("input") || IS("track") || IS("param") || IS("tbody") ||
           IS("thead") || IS("tfoot") || IS("frame") || IS("image");
  case 6: return IS("source") || IS("keygen") || IS("option");
  case 7: return IS("bgsound");
  case 8: return IS("basefont") || IS("optgroup") || IS("colgroup");
  default: return 0;
  }
#undef IS
}

static int raw_text(const char *t, size_t n) {
  return (n == 6 && (memcmp(t, "script", 6) == 0 || memcmp(t, "iframe", 6) == 0)) ||
         (n == 5 && (memcmp(t, "style", 5) == 0 || memcmp(t, "title", 5) == 0)) ||
         (n == 8 && (memcmp(t, "textarea", 8) == 0 || memcmp(t, "noscript", 8) == 0)) ||
         (n == 3 && memcmp(t, "xmp", 3) == 0);
}

/* First case-insensitive occurrence of lower-case `lit` at or after
 * `from`, or len. */
static size_t find(const char *s, size_t len, size_t from, const char *lit) {
  size_t l = strlen(lit);
  for (size_t i = from; i + l <= len; i++) {
    const char *p = memchr(s + i, lit[0], len - i);
    if (!p) break;
    i = (size_t)(p - s);
    if (i + l > len) break;
    size_t k = 1;
    while (k < l && ng_ascii_lower(s[i + k]) == lit[k]) k++;
    if (k == l) return i;
  }
  return len;
}

size_t ng_html_depth_cut(const char *s, size_t len, size_t limit) {
  size_t depth = 0;
  for (size_t i = 0; i < len;) {
    const char *lt = memchr(s + i, '<', len - i);
    if (!lt) break;
    i = (size_t)(lt - s);
    if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
      size_t e = find(s, len, i + 4, "-->");
      i = e < len ? e + 3 : len;
      continue;
    }
    int close = i + 1 < len && s[i + 1] == '/';
    size_t b = i + 1 + (size_t)close;
    if (b >= len || !is_alpha(s[b])) {
      i++;
      continue;
    }
    char name[16];
    size_t n = 0, e = b;
    while (e < len && s[e] != '>' && s[e] != '/' && s[e] != ' ' &&
           s[e] != '\t' && s[e] != '\n' && s[e] != '\r' && s[e] != '\f') {
      if (n < sizeof name) name[n] = ng_ascii_lower(s[e]);
      n++;
      e++;
    }
    const char *gt = memchr(s + e, '>', len - e);
    size_t end = gt ? (size_t)(gt - s) : len;
    if (n > sizeof name) n = sizeof name; /* long names never match */
    if (close) {
      if (depth && !non_nesting(name, n)) depth--;
    } else if (!non_nesting(name, n) && !(end > e && s[end - 1] == '/')) {
      if (++depth > limit) return i;
    }
    i = end < len ? end + 1 : len;
    if (!close && raw_text(name, n)) {
      /* Skip to the matching end tag: its content is not markup. */
      char endtag[20] = "</";
      memcpy(endtag + 2, name, n);
      endtag[n + 2] = '\0';
      size_t c = find(s, len, i, endtag);
      if (depth) depth--;
      i = c;
    }
  }
  return len;
}

int ng_html_parse(ng_html **out, ng_ctx *ctx, const char *text, size_t len,
                  size_t *cut, ng_error *err) {
  *out = NULL;
  size_t c = ng_html_depth_cut(text, len, NG_HTML_MAX_DEPTH);
  if (cut) *cut = c;
  ng_html *h = calloc(1, sizeof *h);
  if (!h) return ng_fail(err, NG_ENOMEM, "out of memory", 0);
  reader *r = reader_get(ctx);
  if (!r) {
    free(h);
    return ng_fail(err, NG_ENOMEM, "cannot create the HTML parser", 0);
  }
  h->tree = r->tree;
  /* Parse as a browser with scripting on: <noscript> content is text, not
   * markup (an unclosed <div> in a <noscript> must not swallow the page). */
  h->tree->flags = (enum myhtml_tree_flags)(h->tree->flags | MyHTML_TREE_FLAGS_SCRIPT);
  mystatus_t st = myhtml_parse(h->tree, MyENCODING_UTF_8, c ? text : "", c);
  if (st != MyHTML_STATUS_OK || !myhtml_tree_get_node_html(h->tree)) {
    ng_html_free(h);
    return ng_fail(err, NG_EPARSE, "HTML parser failed", 0);
  }
  *out = h;
  return NG_OK;
}

void ng_html_free(ng_html *h) {
  /* The tree stays with the context; it is cleaned before the next page. */
  free(h);
}

const ng_hnode *ng_html_root(const ng_html *h) {
  return hn(myhtml_tree_get_node_html(h->tree));
}

const ng_hnode *ng_hnode_first_child(const ng_hnode *n) {
  return hn(myhtml_node_child(mn(n)));
}
const ng_hnode *ng_hnode_next(const ng_hnode *n) {
  return hn(myhtml_node_next(mn(n)));
}
const ng_hnode *ng_hnode_parent(const ng_hnode *n) {
  return hn(myhtml_node_parent(mn(n)));
}

ng_htag ng_hnode_tag(const ng_hnode *n) {
  myhtml_tree_node_t *m = mn(n);
  myhtml_tag_id_t t = myhtml_node_tag_id(m);
  myhtml_namespace_t ns = myhtml_node_namespace(m);
  if (ns == MyHTML_NAMESPACE_SVG) return t == MyHTML_TAG_SVG ? NG_TAG_SVG : NG_TAG_OTHER;
  if (ns == MyHTML_NAMESPACE_MATHML) return t == MyHTML_TAG_MATH ? NG_TAG_MATH : NG_TAG_OTHER;
  switch (t) {
  case MyHTML_TAG__TEXT: return NG_TAG_TEXT;
  case MyHTML_TAG__COMMENT: return NG_TAG_COMMENT;
  case MyHTML_TAG_HTML: return NG_TAG_HTML;
  case MyHTML_TAG_HEAD: return NG_TAG_HEAD;
  case MyHTML_TAG_TITLE: return NG_TAG_TITLE;
  case MyHTML_TAG_META: return NG_TAG_META;
  case MyHTML_TAG_LINK: return NG_TAG_LINK;
  case MyHTML_TAG_BASE: return NG_TAG_BASE;
  case MyHTML_TAG_SCRIPT: return NG_TAG_SCRIPT;
  case MyHTML_TAG_STYLE: return NG_TAG_STYLE;
  case MyHTML_TAG_NOSCRIPT: return NG_TAG_NOSCRIPT;
  case MyHTML_TAG_TEMPLATE: return NG_TAG_TEMPLATE;
  case MyHTML_TAG_BODY: return NG_TAG_BODY;
  case MyHTML_TAG_ARTICLE: return NG_TAG_ARTICLE;
  case MyHTML_TAG_MAIN: return NG_TAG_MAIN;
  case MyHTML_TAG_SECTION: return NG_TAG_SECTION;
  case MyHTML_TAG_NAV: return NG_TAG_NAV;
  case MyHTML_TAG_ASIDE: return NG_TAG_ASIDE;
  case MyHTML_TAG_HEADER: return NG_TAG_HEADER;
  case MyHTML_TAG_FOOTER: return NG_TAG_FOOTER;
  case MyHTML_TAG_ADDRESS: return NG_TAG_ADDRESS;
  case MyHTML_TAG_DIV: return NG_TAG_DIV;
  case MyHTML_TAG_P: return NG_TAG_P;
  case MyHTML_TAG_SPAN: return NG_TAG_SPAN;
  case MyHTML_TAG_A: return NG_TAG_A;
  case MyHTML_TAG_BR: return NG_TAG_BR;
  case MyHTML_TAG_HR: return NG_TAG_HR;
  case MyHTML_TAG_H1: return NG_TAG_H1;
  case MyHTML_TAG_H2: return NG_TAG_H2;
  case MyHTML_TAG_H3: return NG_TAG_H3;
  case MyHTML_TAG_H4: return NG_TAG_H4;
  case MyHTML_TAG_H5: return NG_TAG_H5;
  case MyHTML_TAG_H6: return NG_TAG_H6;
  case MyHTML_TAG_UL: return NG_TAG_UL;
  case MyHTML_TAG_OL: return NG_TAG_OL;
  case MyHTML_TAG_LI: return NG_TAG_LI;
  case MyHTML_TAG_DL: return NG_TAG_DL;
  case MyHTML_TAG_DT: return NG_TAG_DT;
  case MyHTML_TAG_DD: return NG_TAG_DD;
  case MyHTML_TAG_MENU: return NG_TAG_MENU;
  case MyHTML_TAG_BLOCKQUOTE: return NG_TAG_BLOCKQUOTE;
  case MyHTML_TAG_PRE: return NG_TAG_PRE;
  case MyHTML_TAG_LISTING: return NG_TAG_PRE;
  case MyHTML_TAG_TABLE: return NG_TAG_TABLE;
  case MyHTML_TAG_CAPTION: return NG_TAG_CAPTION;
  case MyHTML_TAG_TR: return NG_TAG_TR;
  case MyHTML_TAG_TD: return NG_TAG_TD;
  case MyHTML_TAG_TH: return NG_TAG_TH;
  case MyHTML_TAG_FIGURE: return NG_TAG_FIGURE;
  case MyHTML_TAG_FIGCAPTION: return NG_TAG_FIGCAPTION;
  case MyHTML_TAG_FORM: return NG_TAG_FORM;
  case MyHTML_TAG_FIELDSET: return NG_TAG_FIELDSET;
  case MyHTML_TAG_BUTTON: return NG_TAG_BUTTON;
  case MyHTML_TAG_SELECT: return NG_TAG_SELECT;
  case MyHTML_TAG_INPUT: return NG_TAG_INPUT;
  case MyHTML_TAG_TEXTAREA: return NG_TAG_TEXTAREA;
  case MyHTML_TAG_LABEL: return NG_TAG_LABEL;
  case MyHTML_TAG_OPTION: return NG_TAG_OPTION;
  case MyHTML_TAG_IFRAME: return NG_TAG_IFRAME;
  case MyHTML_TAG_OBJECT: return NG_TAG_OBJECT;
  case MyHTML_TAG_APPLET: return NG_TAG_OBJECT;
  case MyHTML_TAG_EMBED: return NG_TAG_EMBED;
  case MyHTML_TAG_CANVAS: return NG_TAG_CANVAS;
  case MyHTML_TAG_VIDEO: return NG_TAG_VIDEO;
  case MyHTML_TAG_AUDIO: return NG_TAG_AUDIO;
  case MyHTML_TAG_IMG: return NG_TAG_IMG;
  case MyHTML_TAG_TIME: return NG_TAG_TIME;
  case MyHTML_TAG_DETAILS: return NG_TAG_DETAILS;
  case MyHTML_TAG_SUMMARY: return NG_TAG_SUMMARY;
  case MyHTML_TAG_DIALOG: return NG_TAG_DIALOG;
  case MyHTML_TAG_CENTER: return NG_TAG_CENTER;
  case MyHTML_TAG_HGROUP: return NG_TAG_HGROUP;
  case MyHTML_TAG_FRAMESET: return NG_TAG_FRAMESET;
  case MyHTML_TAG_FRAME: return NG_TAG_FRAME;
  case MyHTML_TAG_NOFRAMES: return NG_TAG_NOFRAMES;
  case MyHTML_TAG_XMP: return NG_TAG_XMP;
  case MyHTML_TAG_PLAINTEXT: return NG_TAG_PRE;
  case MyHTML_TAG_RT: return NG_TAG_RT;
  case MyHTML_TAG_RP: return NG_TAG_RT;
  default: return NG_TAG_OTHER;
  }
}

const char *ng_hnode_text(const ng_hnode *n, size_t *len) {
  size_t l = 0;
  const char *s = myhtml_node_text(mn(n), &l);
  *len = s ? l : 0;
  return s ? s : "";
}

const char *ng_hnode_attr(const ng_hnode *n, const char *name, size_t *len) {
  myhtml_tree_attr_t *a = myhtml_attribute_by_key(mn(n), name, strlen(name));
  if (!a) {
    *len = 0;
    return NULL;
  }
  size_t l = 0;
  const char *v = myhtml_attribute_value(a, &l);
  *len = v ? l : 0;
  return v ? v : "";
}

const ng_hattr *ng_hnode_attr_first(const ng_hnode *n) {
  return (const ng_hattr *)(uintptr_t)myhtml_node_attribute_first(mn(n));
}
const ng_hattr *ng_hattr_next(const ng_hattr *a) {
  return (const ng_hattr *)(uintptr_t)myhtml_attribute_next(ma(a));
}
const char *ng_hattr_key(const ng_hattr *a, size_t *len) {
  size_t l = 0;
  const char *s = myhtml_attribute_key(ma(a), &l);
  *len = s ? l : 0;
  return s ? s : "";
}
const char *ng_hattr_value(const ng_hattr *a, size_t *len) {
  size_t l = 0;
  const char *s = myhtml_attribute_value(ma(a), &l);
  *len = s ? l : 0;
  return s ? s : "";
}

/* --- character references left in text ---------------------------------- */

/* Appends code point cp (U+FFFD for NUL, surrogates and out of range,
 * as HTML5 reads them). */
static int put_cp(ng_buf *out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char u[4];
  return ng_buf_put(out, u, ng_utf8_encode((int32_t)cp, u));
}

/* A numeric reference "#123;" / "#x1F;" at s[0..n) (after the '&'):
 * its length, code point in *cp, or 0. */
static size_t numeric_ref(const char *s, size_t n, uint32_t *cp) {
  if (n < 3 || s[0] != '#') return 0;
  bool hex = s[1] == 'x' || s[1] == 'X';
  size_t i = hex ? 2 : 1, start = i;
  uint32_t v = 0;
  for (; i < n && i < start + 8; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0'
            : hex && (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10
                                                        : -1;
    if (d < 0) break;
    v = v * (hex ? 16u : 10u) + (uint32_t)d;
  }
  if (i == start || i >= n || s[i] != ';') return 0;
  *cp = v;
  return i + 1;
}

int ng_html_decode_refs(ng_buf *out, const char *s, size_t n) {
  size_t i = 0, from = 0;
  int rc = NG_OK;
  while (i < n && rc == NG_OK) {
    const char *amp = memchr(s + i, '&', n - i);
    if (!amp) break;
    i = (size_t)(amp - s) + 1;
    uint32_t cp;
    size_t l = numeric_ref(s + i, n - i, &cp);
    if (l) {
      rc = ng_buf_put(out, s + from, i - 1 - from);
      if (rc == NG_OK) rc = put_cp(out, cp);
    } else {
      size_t off = 0, dsz = 0;
      const charef_entry_t *e = i < n ? myhtml_charef_find(s + i, &off, n - i, &dsz) : NULL;
      if (!e || !e->codepoints_len || off < 2 || s[i + off - 1] != ';') continue;
      l = off;
      rc = ng_buf_put(out, s + from, i - 1 - from);
      for (size_t k = 0; k < e->codepoints_len && rc == NG_OK; k++)
        rc = put_cp(out, (uint32_t)e->codepoints[k]);
    }
    i += l;
    from = i;
  }
  if (rc == NG_OK) rc = ng_buf_put(out, s + from, n - from);
  return rc;
}

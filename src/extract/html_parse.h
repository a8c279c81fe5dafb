/* html_parse.h - the one module that knows the HTML parser (myhtml).
 *
 * Everything else in the extractor sees an opaque tree of nodes with our
 * own tag enum, attribute lookup and text, so the parser can be swapped by
 * rewriting html_parse.c alone. The tree is walked with first_child / next
 * / parent (no recursion anywhere: nesting depth is bounded by the input). */
#ifndef NG_EXTRACT_HTML_PARSE_H
#define NG_EXTRACT_HTML_PARSE_H

#include "nutgraf.h"

#include <stddef.h>

/* Elements the extractor distinguishes; everything else is NG_TAG_OTHER. */
typedef enum ng_htag {
  NG_TAG_OTHER = 0, NG_TAG_TEXT, NG_TAG_COMMENT,
  NG_TAG_HTML, NG_TAG_HEAD, NG_TAG_TITLE, NG_TAG_META, NG_TAG_LINK,
  NG_TAG_BASE, NG_TAG_SCRIPT, NG_TAG_STYLE, NG_TAG_NOSCRIPT,
  NG_TAG_TEMPLATE, NG_TAG_BODY,
  NG_TAG_ARTICLE, NG_TAG_MAIN, NG_TAG_SECTION, NG_TAG_NAV, NG_TAG_ASIDE,
  NG_TAG_HEADER, NG_TAG_FOOTER, NG_TAG_ADDRESS,
  NG_TAG_DIV, NG_TAG_P, NG_TAG_SPAN, NG_TAG_A, NG_TAG_BR, NG_TAG_HR,
  NG_TAG_H1, NG_TAG_H2, NG_TAG_H3, NG_TAG_H4, NG_TAG_H5, NG_TAG_H6,
  NG_TAG_UL, NG_TAG_OL, NG_TAG_LI, NG_TAG_DL, NG_TAG_DT, NG_TAG_DD,
  NG_TAG_MENU, NG_TAG_BLOCKQUOTE, NG_TAG_PRE, NG_TAG_TABLE, NG_TAG_CAPTION,
  NG_TAG_TR, NG_TAG_TD, NG_TAG_TH, NG_TAG_FIGURE, NG_TAG_FIGCAPTION,
  NG_TAG_FORM, NG_TAG_FIELDSET, NG_TAG_BUTTON, NG_TAG_SELECT, NG_TAG_INPUT,
  NG_TAG_TEXTAREA, NG_TAG_LABEL, NG_TAG_OPTION, NG_TAG_IFRAME,
  NG_TAG_OBJECT, NG_TAG_EMBED, NG_TAG_SVG, NG_TAG_MATH, NG_TAG_CANVAS,
  NG_TAG_VIDEO, NG_TAG_AUDIO, NG_TAG_IMG, NG_TAG_TIME, NG_TAG_DETAILS,
  NG_TAG_SUMMARY, NG_TAG_DIALOG, NG_TAG_CENTER, NG_TAG_HGROUP,
  NG_TAG_FRAMESET, NG_TAG_FRAME, NG_TAG_NOFRAMES, NG_TAG_XMP,
  NG_TAG_RT, /* ruby annotation (<rt>, <rp>): not part of the running text */
  NG_TAG_COUNT
} ng_htag;

typedef struct ng_html ng_html;
typedef struct ng_hnode ng_hnode;
typedef struct ng_hattr ng_hattr;

/* Nesting the parser is allowed to see. Tree builders check scopes by
 * walking the stack of open elements, which makes deep nesting quadratic;
 * input past this (approximate) depth is not parsed. */
#define NG_HTML_MAX_DEPTH 2000

/* Parses UTF-8 HTML text[0..len) (NUL bytes allowed) with the parser kept
 * in `ctx` (created on first use). Input nested deeper than
 * NG_HTML_MAX_DEPTH is cut where the limit is reached, and *cut (may be
 * NULL) receives that byte offset (len if nothing was cut). Returns NG_OK,
 * NG_ENOMEM or NG_EPARSE. The caller owns *out (ng_html_free) and must free
 * it before the next parse with the same ctx: the tree is the context's.
 * The parser allocates with the C library allocator (myhtml has no
 * allocator hook). */
int ng_html_parse(ng_html **out, ng_ctx *ctx, const char *text, size_t len,
                  size_t *cut, ng_error *err);
void ng_html_free(ng_html *h);

/* The <html> element (never NULL after a successful parse). */
const ng_hnode *ng_html_root(const ng_html *h);

const ng_hnode *ng_hnode_first_child(const ng_hnode *n);
const ng_hnode *ng_hnode_next(const ng_hnode *n);
const ng_hnode *ng_hnode_parent(const ng_hnode *n);
ng_htag ng_hnode_tag(const ng_hnode *n);
/* Text of a text node (entities decoded, UTF-8; borrowed). */
const char *ng_hnode_text(const ng_hnode *n, size_t *len);
/* Attribute value by lower-case name (borrowed), or NULL. */
const char *ng_hnode_attr(const ng_hnode *n, const char *name, size_t *len);
/* Attribute iteration. */
const ng_hattr *ng_hnode_attr_first(const ng_hnode *n);
const ng_hattr *ng_hattr_next(const ng_hattr *a);
const char *ng_hattr_key(const ng_hattr *a, size_t *len);
const char *ng_hattr_value(const ng_hattr *a, size_t *len);

/* Appends s[0..n) to out with the character references left in it
 * ("&#8217;", "&#x20;", "&uuml;": metadata written twice escaped, or
 * JSON-LD strings, which the HTML parser does not decode) decoded by
 * myhtml's entity table. Only references closed by ';' are decoded. */
int ng_html_decode_refs(ng_buf *out, const char *s, size_t n);

/* Approximate element nesting: the offset where it first exceeds `limit`,
 * or len. Exposed for tests. */
size_t ng_html_depth_cut(const char *text, size_t len, size_t limit);

#endif

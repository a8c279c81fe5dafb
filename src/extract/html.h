/* html.h - the HTML reader's internal pieces, in pipeline order:
 *
 *   charset.c      bytes -> UTF-8
 *   html_parse.c   UTF-8 -> tree (myhtml behind a small interface)
 *   html_blocks.c  tree -> elements + candidate blocks (one iterative walk;
 *                  html_meta.c sees every element on the way)
 *   html_score.c   blocks -> the main content: which blocks are the article
 *   html_meta.c    title, authors, dates, site, canonical URL, description
 *   html.c         ng_extract_html: runs the above, builds the ng_doc
 *
 * Elements are numbered in document order (pre-order), so the descendants of
 * element e are exactly the indices (e, elem[e].end]. */
#ifndef NG_EXTRACT_HTML_H
#define NG_EXTRACT_HTML_H

#include "../text/arena.h"
#include "../text/mem.h"
#include "../text/vec.h"
#include "html_parse.h"
#include "nutgraf.h"

#include <stdbool.h>
#include <stdint.h>

#define NG_NONE UINT32_MAX

/* Element flags. */
enum {
  NG_EL_HIDDEN = 1u << 0,   /* hidden, aria-hidden, display:none */
  NG_EL_LINK = 1u << 1,     /* an <a href> (or inside one) */
  NG_EL_BLOCK = 1u << 2,    /* a block-level element: starts a new block */
  NG_EL_POSITIVE = 1u << 3, /* article / main / content-like name */
  NG_EL_NEGATIVE = 1u << 4, /* nav / footer / comments / share-like name */
  NG_EL_STRONG_NEG = 1u << 5, /* navigation, cookie, comment: never body */
  NG_EL_HAS_POS = 1u << 6,     /* has a positive descendant: a wrapper */
  NG_EL_CLOSE = 1u << 7,       /* a "close" control: its parent is a popup */
  NG_EL_AD = 1u << 8,          /* negative only for an advertising name */
  NG_EL_REPLY = 1u << 9,       /* a "reply" control: its item is a comment */
  NG_EL_COMMENT = 1u << 10,    /* a list item holding a reply control */
  NG_EL_POPUP = 1u << 11       /* the parent of a close control */
};

typedef struct ng_helem {
  uint32_t parent;   /* NG_NONE for the root */
  uint32_t end;      /* last descendant */
  uint32_t neg;      /* nearest negative ancestor-or-self, or NG_NONE */
  uint32_t blk;      /* nearest block-level ancestor-or-self */
  uint32_t chars;    /* code points of text below, links included */
  uint32_t link_chars;
  uint32_t nblocks;  /* blocks that start below */
  uint16_t tag;      /* ng_htag */
  uint16_t flags;    /* NG_EL_* */
  uint8_t kind;      /* ng_block_kind for text directly inside */
  uint8_t level;     /* heading level */
  uint8_t quote;     /* inside a blockquote */
  uint8_t pad;
  float score;
} ng_helem;

/* A candidate block: a run of text between block-level boundaries. */
typedef struct ng_hblock {
  uint32_t off, len; /* in the walk's text buffer */
  uint32_t elem;     /* the block-level element holding it */
  uint32_t chars;    /* code points */
  uint32_t link_chars;
  uint32_t words;
  uint8_t kind, level;
  uint8_t keep;      /* verdict of html_score.c */
  uint8_t why;       /* ng_hdrop: why a block was not kept */
} ng_hblock;

/* Why html_score.c dropped a block (for tests and diagnostics). */
typedef enum ng_hdrop {
  NG_DROP_NONE = 0,
  NG_DROP_OUTSIDE,   /* not in the chosen containers */
  NG_DROP_NEGATIVE,  /* in a negative element inside them */
  NG_DROP_FURNITURE, /* furniture phrase, symbols, link text, notice */
  NG_DROP_HEADING    /* heading of a dropped section */
} ng_hdrop;

/* Metadata gathered during the walk (values point into the tree or into
 * the arena; valid until the tree is freed). */
typedef struct ng_hstr {
  const char *s;
  size_t n;
} ng_hstr;

typedef enum ng_meta_key {
  NG_M_TITLE_TAG = 0, /* <title> */
  NG_M_OG_TITLE,      /* og:title, twitter:title */
  NG_M_LD_HEADLINE,   /* JSON-LD headline */
  NG_M_H1,            /* first <h1> */
  NG_M_LD_AUTHOR,     /* JSON-LD author name(s), joined */
  NG_M_META_AUTHOR,   /* <meta name=author>, article:author, dc.creator */
  NG_M_BYLINE,        /* rel=author / itemprop=author / class author text */
  NG_M_LD_PUBLISHED,
  NG_M_META_PUBLISHED, /* article:published_time, date, dc.date, ... */
  NG_M_TIME,           /* first <time datetime> / itemprop=datePublished */
  NG_M_LD_MODIFIED,
  NG_M_META_MODIFIED,
  NG_M_LD_SITE,        /* publisher.name */
  NG_M_OG_SITE,        /* og:site_name, application-name */
  NG_M_CANONICAL,      /* <link rel=canonical> */
  NG_M_OG_URL,
  NG_M_DESCRIPTION,    /* og:description, description */
  NG_M_LANG,           /* <html lang>, content-language, og:locale */
  NG_M_OG_TYPE,
  NG_M_LD_TYPE,        /* @type of the JSON-LD article object */
  NG_M_LD_BODY,        /* articleBody */
  NG_M_TEXT_DATE,      /* a date written in a date/byline element, ISO */
  NG_M_COUNT
} ng_meta_key;

typedef struct ng_hmeta {
  ng_hstr v[NG_M_COUNT];
  ng_arena *arena; /* for joined / converted values */
  char latest[11]; /* latest YYYY-MM-DD date seen on the page, or "" */
  unsigned ld_scripts; /* JSON-LD scripts read (capped) */
  unsigned teaser_articles; /* <article> elements: many = a listing */
} ng_hmeta;

typedef struct ng_hwalk {
  ng_vec elems;  /* ng_helem */
  ng_vec blocks; /* ng_hblock */
  ng_buf text;   /* block texts back to back */
  ng_hmeta meta;
  uint32_t body; /* the <body> element or NG_NONE */
} ng_hwalk;

void ng_hwalk_init(ng_hwalk *w, const ng_allocator *alc, ng_arena *arena);
void ng_hwalk_dispose(ng_hwalk *w);

/* Walks the tree once (iteratively): fills elems, blocks and meta.
 * Returns NG_OK or NG_ENOMEM. */
int ng_html_blocks(ng_hwalk *w, const ng_html *h);

/* Meta hook, called by the walk for every element; `at` has its class,
 * itemprop and rel attributes (NULL when absent), `boiler` true inside a negative element (comments, sidebars:
 * no bylines from there). */
typedef struct ng_hattrs {
  const char *cls, *itemprop, *rel;
  size_t cls_n, itemprop_n, rel_n;
} ng_hattrs;
int ng_html_meta_element(ng_hmeta *m, const ng_hnode *n, ng_htag tag,
                         const ng_hattrs *at, bool boiler);

/* Decides which blocks are the article (sets ng_hblock.keep) and whether
 * the page is a listing. */
typedef struct ng_hverdict {
  bool listing;
  uint32_t main;      /* chosen container element */
  size_t kept_chars;  /* code points of the kept blocks */
  size_t teasers;     /* link blocks of 4+ words on the whole page */
  size_t prose_blocks; /* kept blocks of 30+ words, little link text */
} ng_hverdict;

void ng_html_score(ng_hverdict *out, ng_hwalk *w);

/* Normalizes a date string to ISO 8601 (YYYY-MM-DD, with the time when it
 * has one) into dst (cap >= 32); returns its length or 0 if not a date. */
size_t ng_html_date(char *dst, size_t cap, const char *s, size_t n);

/* Finds the first date written in running text ("26. Oktober 2023",
 * "March 4, 2019", "04.03.2019", "2019-03-04") and writes it as
 * YYYY-MM-DD into dst (cap >= 11); returns 10, or 0 if there is none. */
size_t ng_html_find_date(char *dst, size_t cap, const char *s, size_t n);

/* Class/id/role semantics of an element: NG_EL_POSITIVE / NEGATIVE /
 * STRONG_NEG bits. */
unsigned ng_html_name_class(const char *s, size_t n);

#endif

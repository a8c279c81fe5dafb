/*
 * nutgraf.h - the whole public API of libnutgraf.
 *
 * libnutgraf turns news pages and scraped news text into clean articles and
 * short, faithful, extractive summaries: every summary sentence is a span of
 * the document text, given with its byte offsets.
 *
 * Conventions (see docs/conventions.md):
 *  - every name starts with ng_ / NG_;
 *  - functions that can fail return int: NG_OK (0) or a negative ng_status,
 *    and fill an optional ng_error with a one-line message and a byte offset;
 *  - the library never prints, never exits, never aborts on bad input;
 *  - input is (const char *, size_t): no NUL terminator is needed and the
 *    input is never modified;
 *  - getters borrow: what they return lives as long as the object they were
 *    called on; only functions returning through an `out` parameter hand over
 *    ownership, and the matching _free releases it (every _free takes NULL);
 *  - there is no global state: an ng_ctx carries the allocator and scratch
 *    space; use one ng_ctx per thread.
 */
#ifndef NUTGRAF_H
#define NUTGRAF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(NG_STATIC_ONLY)
#define NG_EXPORT __attribute__((visibility("default")))
#else
#define NG_EXPORT
#endif

/* ------------------------------------------------------------------------
 * Version
 * ---------------------------------------------------------------------- */

#define NG_VERSION_MAJOR 0
#define NG_VERSION_MINOR 1
#define NG_VERSION_PATCH 0
#define NG_VERSION_STRING "0.1.0"

/** Returns the library's version string, e.g. "0.1.0". Static storage. */
NG_EXPORT const char *ng_version(void);

/* ------------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------- */

/** Status codes. NG_OK is 0; every error is negative. */
typedef enum ng_status {
  NG_OK = 0,
  NG_ENOMEM = -1,    /**< an allocation failed */
  NG_EINVAL = -2,    /**< an argument or option is out of range */
  NG_EUTF8 = -3,     /**< input is not valid UTF-8 (offset of the bad byte) */
  NG_ETOOBIG = -4,   /**< input exceeds a configured limit */
  NG_EEMPTY = -5,    /**< input has no text to work on */
  NG_EBINARY = -6,   /**< input looks like a binary file, not text */
  NG_ECANCELED = -7, /**< a progress callback asked to stop */
  NG_EPARSE = -8,    /**< input could not be parsed (HTML, JSON) */
  NG_EDEPTH = -9,    /**< input nests deeper than the configured limit */
  NG_EENCODING = -10 /**< a declared character encoding is unknown */
} ng_status;

/**
 * Details of a failure. `msg` points to static storage (never freed);
 * `offset` is the byte offset in the input the error refers to, or 0.
 */
typedef struct ng_error {
  int code;
  const char *msg;
  size_t offset;
} ng_error;

/** Returns a short static name for a status code ("invalid UTF-8", ...). */
NG_EXPORT const char *ng_strerror(int code);

/* ------------------------------------------------------------------------
 * Memory
 * ---------------------------------------------------------------------- */

/**
 * A caller-supplied allocator. `ctx` is passed back on every call. realloc
 * receives the old size so arena-style allocators can work; free receives
 * the size given at allocation. Pass NULL wherever an allocator is taken to
 * use the C library's malloc/realloc/free.
 */
typedef struct ng_allocator {
  void *(*malloc)(void *ctx, size_t size);
  void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
  void (*free)(void *ctx, void *ptr, size_t size);
  void *ctx;
} ng_allocator;

/**
 * A growable output buffer filled by the render functions. Initialise with
 * NG_BUF_INIT; release with ng_buf_dispose(). `ptr` is NUL-terminated when
 * non-NULL; `len` excludes the NUL.
 */
typedef struct ng_buf {
  char *ptr;
  size_t len;
  size_t cap;
  const ng_allocator *alc; /* set by the library on first growth */
} ng_buf;

#define NG_BUF_INIT {NULL, 0, 0, NULL}

/** Frees a buffer's memory and resets it to NG_BUF_INIT. Takes NULL. */
NG_EXPORT void ng_buf_dispose(ng_buf *buf);

/** Appends s[0..n) to buf (C library allocator if buf has none yet).
 * Returns NG_OK or NG_ENOMEM; on failure buf is unchanged. */
NG_EXPORT int ng_buf_put(ng_buf *buf, const char *s, size_t n);

/** Appends a NUL-terminated string; as ng_buf_put(). */
NG_EXPORT int ng_buf_puts(ng_buf *buf, const char *s);

/* ------------------------------------------------------------------------
 * Context
 * ---------------------------------------------------------------------- */

/**
 * A reusable per-thread workspace: allocator, scratch space that grows and
 * is reused between documents, stemmers. Not thread-safe: one per thread.
 */
typedef struct ng_ctx ng_ctx;

/**
 * Creates a context. `alc` may be NULL (C library allocator); it is copied.
 * Returns NG_OK or NG_ENOMEM. The caller owns *out and frees it with
 * ng_ctx_free().
 */
NG_EXPORT int ng_ctx_new(ng_ctx **out, const ng_allocator *alc, ng_error *err);

/** Frees a context and its scratch space. Takes NULL. */
NG_EXPORT void ng_ctx_free(ng_ctx *ctx);

/* ------------------------------------------------------------------------
 * Text
 * ---------------------------------------------------------------------- */

/** Languages with their own resources (stop words, stemmer, abbreviations). */
typedef enum ng_lang {
  NG_LANG_UNKNOWN = 0,
  NG_LANG_EN,
  NG_LANG_RU,
  NG_LANG_DE,
  NG_LANG_FR,
  NG_LANG_ES,
  NG_LANG_IT,
  NG_LANG_PT,
  NG_LANG_NL,
  NG_LANG_PL,
  NG_LANG_COUNT
} ng_lang;

/** ISO 639-1 code of a language ("en"), or "und" for NG_LANG_UNKNOWN. */
NG_EXPORT const char *ng_lang_code(ng_lang lang);

/** Parses an ISO 639-1 code (case-insensitive); unknown gives NG_LANG_UNKNOWN. */
NG_EXPORT ng_lang ng_lang_from_code(const char *code, size_t len);

/** A byte range [off, off + len) of a document's text. */
typedef struct ng_span {
  size_t off;
  size_t len;
} ng_span;

/**
 * Checks that `s` is valid UTF-8 (no overlongs, no surrogates, nothing above
 * U+10FFFF). Returns NG_OK or NG_EUTF8 with err->offset at the first bad
 * byte. Thread-safe.
 */
NG_EXPORT int ng_utf8_check(const char *s, size_t len, ng_error *err);

/** Default cap on a document's size in bytes (64 MiB). */
#define NG_DEFAULT_MAX_BYTES ((size_t)64 << 20)

/** Flags for ng_doc_options.flags. */
enum {
  /** Keep every line: no furniture removal (for `segment`, clean text). */
  NG_DOC_KEEP_FURNITURE = 1u << 0,
  /** Do not treat a short first line as the title. */
  NG_DOC_NO_TITLE = 1u << 1
};

#define NG_DOC_OPTIONS_VERSION 1

/** Options for ng_doc_parse(). Initialise with NG_DOC_OPTIONS_INIT. */
typedef struct ng_doc_options {
  unsigned version;  /**< NG_DOC_OPTIONS_VERSION */
  ng_lang lang;      /**< NG_LANG_UNKNOWN: detect */
  unsigned flags;    /**< NG_DOC_* bits */
  size_t max_bytes;  /**< 0: NG_DEFAULT_MAX_BYTES */
} ng_doc_options;

#define NG_DOC_OPTIONS_INIT {NG_DOC_OPTIONS_VERSION, NG_LANG_UNKNOWN, 0u, 0u}

/**
 * A parsed document: its text (a private copy of the input), the lines
 * judged to be site furniture, the title line, paragraphs, sentences and
 * word tokens, all as byte spans of that text. Everything lives in one arena
 * freed by ng_doc_free(). Immutable once built: may be read from several
 * threads.
 */
typedef struct ng_doc ng_doc;

/**
 * Parses plain (scraped) text into a document: validates UTF-8, rejects
 * binary input, removes site furniture (unless NG_DOC_KEEP_FURNITURE),
 * detects the language, splits paragraphs, sentences and tokens.
 *
 * `opts` may be NULL for defaults. Returns NG_OK, NG_EUTF8, NG_EBINARY,
 * NG_EEMPTY (no text left), NG_ETOOBIG, NG_EINVAL or NG_ENOMEM. The caller
 * owns *out and frees it with ng_doc_free(); `ctx` must outlive it.
 */
NG_EXPORT int ng_doc_parse(ng_doc **out, ng_ctx *ctx, const char *text,
                           size_t len, const ng_doc_options *opts,
                           ng_error *err);

/** Frees a document. Takes NULL. */
NG_EXPORT void ng_doc_free(ng_doc *doc);

/** The document's text (borrowed; NUL-terminated; *len may be NULL). */
NG_EXPORT const char *ng_doc_text(const ng_doc *doc, size_t *len);

/** The detected or given language. */
NG_EXPORT ng_lang ng_doc_lang(const ng_doc *doc);

/** The title line, or {0, 0} when the text has none. */
NG_EXPORT ng_span ng_doc_title(const ng_doc *doc);

/** Number of sentences of the article body (furniture and title excluded). */
NG_EXPORT size_t ng_doc_sentence_count(const ng_doc *doc);

/** Sentence `i` (0-based, in document order); {0,0} if out of range. */
NG_EXPORT ng_span ng_doc_sentence(const ng_doc *doc, size_t i);

/** Index of the paragraph that holds sentence `i`. */
NG_EXPORT size_t ng_doc_sentence_paragraph(const ng_doc *doc, size_t i);

/** Number of body paragraphs. */
NG_EXPORT size_t ng_doc_paragraph_count(const ng_doc *doc);

/** Paragraph `i`; {0,0} if out of range. */
NG_EXPORT ng_span ng_doc_paragraph(const ng_doc *doc, size_t i);

/** Number of word tokens in the body. */
NG_EXPORT size_t ng_doc_token_count(const ng_doc *doc);

/** Token `i`; {0,0} if out of range. */
NG_EXPORT ng_span ng_doc_token(const ng_doc *doc, size_t i);

/** Number of lines removed as site furniture. */
NG_EXPORT size_t ng_doc_furniture_count(const ng_doc *doc);

/** Furniture line `i` (without its line break); {0,0} if out of range. */
NG_EXPORT ng_span ng_doc_furniture(const ng_doc *doc, size_t i);

/* ------------------------------------------------------------------------
 * Extract
 * ---------------------------------------------------------------------- */

/** What kind of page an extraction found. */
typedef enum ng_page_type {
  NG_PAGE_ARTICLE = 0, /**< one article: body is its text */
  NG_PAGE_LISTING = 1  /**< a home page, section front or list of teasers */
} ng_page_type;

/** Which reader handled the input. */
typedef enum ng_input_kind {
  NG_INPUT_AUTO = 0, /**< detect (for options) */
  NG_INPUT_TEXT = 1, /**< plain scraped text */
  NG_INPUT_HTML = 2  /**< an HTML page */
} ng_input_kind;

#define NG_EXTRACT_OPTIONS_VERSION 1

/** Options for ng_extract(). Initialise with NG_EXTRACT_OPTIONS_INIT. */
typedef struct ng_extract_options {
  unsigned version;     /**< NG_EXTRACT_OPTIONS_VERSION */
  ng_input_kind kind;   /**< NG_INPUT_AUTO: sniff the bytes */
  ng_lang lang;         /**< NG_LANG_UNKNOWN: detect */
  size_t max_bytes;     /**< 0: NG_DEFAULT_MAX_BYTES */
  const char *url;      /**< the page's address if known, or NULL */
  const char *charset;  /**< a charset from HTTP headers, or NULL */
} ng_extract_options;

#define NG_EXTRACT_OPTIONS_INIT \
  {NG_EXTRACT_OPTIONS_VERSION, NG_INPUT_AUTO, NG_LANG_UNKNOWN, 0u, NULL, NULL}

/** An extracted article: metadata and body. Immutable; one arena. */
typedef struct ng_article ng_article;

/**
 * Extracts the article from an HTML page or from scraped text (detected
 * unless opts->kind says). For text input the body document is the input
 * itself with furniture marked, so summary offsets are offsets into the
 * input; for HTML they are offsets into the extracted body text.
 *
 * Returns NG_OK, NG_EUTF8, NG_EBINARY, NG_EEMPTY, NG_ETOOBIG, NG_EDEPTH,
 * NG_EENCODING or NG_ENOMEM. The caller owns *out (ng_article_free()).
 */
NG_EXPORT int ng_extract(ng_article **out, ng_ctx *ctx, const char *data,
                         size_t len, const ng_extract_options *opts,
                         ng_error *err);

/** Frees an article. Takes NULL. */
NG_EXPORT void ng_article_free(ng_article *a);

/** Article fields. */
typedef enum ng_field {
  NG_FIELD_TITLE = 0,
  NG_FIELD_AUTHOR,   /**< several authors are joined by "; " */
  NG_FIELD_DATE,     /**< published, ISO 8601 */
  NG_FIELD_MODIFIED, /**< last modified, ISO 8601 */
  NG_FIELD_SITE,
  NG_FIELD_URL,      /**< canonical URL */
  NG_FIELD_DESCRIPTION,
  NG_FIELD_COUNT
} ng_field;

/**
 * A metadata field as a NUL-terminated UTF-8 string (borrowed), or NULL when
 * the page does not give it. *len may be NULL.
 */
NG_EXPORT const char *ng_article_field(const ng_article *a, ng_field f,
                                       size_t *len);

/** Article or listing. */
NG_EXPORT ng_page_type ng_article_type(const ng_article *a);

/** How the input was read. */
NG_EXPORT ng_input_kind ng_article_input_kind(const ng_article *a);

/**
 * The body as a parsed document (borrowed; lives as long as the article).
 * NULL for a listing page.
 */
NG_EXPORT const ng_doc *ng_article_doc(const ng_article *a);

/** Block kinds of an article body (HTML input keeps its structure). */
typedef enum ng_block_kind {
  NG_BLOCK_PARAGRAPH = 0,
  NG_BLOCK_HEADING,
  NG_BLOCK_LIST_ITEM,
  NG_BLOCK_QUOTE,
  NG_BLOCK_TABLE_ROW,
  NG_BLOCK_PRE
} ng_block_kind;

/** Number of body blocks. */
NG_EXPORT size_t ng_article_block_count(const ng_article *a);

/**
 * Block `i`: its kind, (for headings) its level 1-6 in *level, and its
 * span in the body document's text. Returns {0,0} when out of range.
 */
NG_EXPORT ng_span ng_article_block(const ng_article *a, size_t i,
                                   ng_block_kind *kind, int *level);

/* ------------------------------------------------------------------------
 * Summarize
 * ---------------------------------------------------------------------- */

/** Ranking methods. */
typedef enum ng_method {
  NG_METHOD_DEFAULT = 0, /**< the news summarizer (position, centrality, ...) */
  NG_METHOD_LEAD,        /**< the first sentences */
  NG_METHOD_TEXTRANK,    /**< TextRank: PageRank over word-overlap similarity */
  NG_METHOD_LEXRANK,     /**< LexRank: PageRank over IDF-weighted cosine */
  NG_METHOD_COUNT
} ng_method;

/** Name of a method ("default", "lead", ...). Static storage. */
NG_EXPORT const char *ng_method_name(ng_method m);

/** Parses a method name; returns NG_OK or NG_EINVAL. */
NG_EXPORT int ng_method_from_name(ng_method *out, const char *name);

#define NG_SUMMARY_OPTIONS_VERSION 1

/**
 * Length control: the summary stops at the first limit reached. With every
 * limit 0, three sentences. Sentences are never cut.
 */
typedef struct ng_summary_options {
  unsigned version;     /**< NG_SUMMARY_OPTIONS_VERSION */
  ng_method method;
  size_t max_sentences; /**< 0: no sentence limit */
  size_t max_words;     /**< 0: no word limit */
  double ratio;         /**< 0: none; else fraction of the body's sentences */
} ng_summary_options;

#define NG_SUMMARY_OPTIONS_INIT \
  {NG_SUMMARY_OPTIONS_VERSION, NG_METHOD_DEFAULT, 0u, 0u, 0.0}

/** One summary sentence: a span of the document text and its rank data. */
typedef struct ng_summary_sentence {
  size_t off;    /**< byte offset in ng_doc_text() */
  size_t len;    /**< byte length */
  size_t index;  /**< sentence index in the document */
  double score;  /**< the method's score (higher is better) */
} ng_summary_sentence;

/** A summary: sentences in document order. */
typedef struct ng_summary ng_summary;

/**
 * Summarizes a document. `opts` may be NULL (default method, 3 sentences).
 * Returns NG_OK, NG_EINVAL or NG_ENOMEM; a document with no sentences gives
 * an empty summary. The caller owns *out (ng_summary_free()). `doc` must
 * outlive nothing: the summary copies what it needs.
 */
NG_EXPORT int ng_summarize(ng_summary **out, ng_ctx *ctx, const ng_doc *doc,
                           const ng_summary_options *opts, ng_error *err);

/** Frees a summary. Takes NULL. */
NG_EXPORT void ng_summary_free(ng_summary *s);

/** Number of sentences in the summary. */
NG_EXPORT size_t ng_summary_count(const ng_summary *s);

/** Sentence `i` of the summary (borrowed), or NULL when out of range. */
NG_EXPORT const ng_summary_sentence *ng_summary_sentence_at(
    const ng_summary *s, size_t i);

/** The method that produced the summary. */
NG_EXPORT ng_method ng_summary_method(const ng_summary *s);

/* ------------------------------------------------------------------------
 * Render
 * ---------------------------------------------------------------------- */

/** Output formats. */
typedef enum ng_format {
  NG_FORMAT_TEXT = 0,
  NG_FORMAT_JSON,
  NG_FORMAT_MARKDOWN
} ng_format;

/**
 * Appends a summary to `out`: text is one sentence per line; JSON is an
 * object {"method", "sentences": [{"index","offset","length","score","text"}]}.
 * `doc` must be the document the summary was made from. Returns NG_OK,
 * NG_EINVAL or NG_ENOMEM.
 */
NG_EXPORT int ng_render_summary(ng_buf *out, const ng_doc *doc,
                                const ng_summary *s, ng_format fmt,
                                ng_error *err);

/**
 * Appends an article to `out` in the given format; with a non-NULL summary,
 * JSON output carries it under "summary". Returns NG_OK, NG_EINVAL or
 * NG_ENOMEM.
 */
NG_EXPORT int ng_render_article(ng_buf *out, const ng_article *a,
                                const ng_summary *s, ng_format fmt,
                                ng_error *err);

#ifdef __cplusplus
}
#endif

#endif /* NUTGRAF_H */

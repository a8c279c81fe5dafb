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

/**
 * Where the article's text starts in ng_doc_text(). A document the HTML
 * reader made has the title and a blank line first (the summarizer compares
 * sentences with the title); the article's text, as ng_render_article()
 * gives it in "text", is the rest. 0 for a document of text input, which is
 * the input itself. JSON output gives offsets from here.
 */
NG_EXPORT size_t ng_doc_body_offset(const ng_doc *doc);

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

/** Flags of ng_extract_options. */
enum {
  /** For extraction alone: the article's document (ng_article_doc) gets
   * the body's paragraphs and language but no sentences or tokens, which
   * saves about a fifth of an HTML page's extraction time. Summarizing
   * such a document gives an empty summary. Scraped-text input is always
   * analysed in full (its furniture is found sentence by sentence). */
  NG_EXTRACT_BODY_ONLY = 1u << 0
};

/* Version 2 added `flags`; version-1 structs are still accepted. */
#define NG_EXTRACT_OPTIONS_VERSION 2

/** Options for ng_extract(). Initialise with NG_EXTRACT_OPTIONS_INIT. */
typedef struct ng_extract_options {
  unsigned version;     /**< NG_EXTRACT_OPTIONS_VERSION */
  ng_input_kind kind;   /**< NG_INPUT_AUTO: sniff the bytes */
  ng_lang lang;         /**< NG_LANG_UNKNOWN: detect */
  size_t max_bytes;     /**< 0: NG_DEFAULT_MAX_BYTES */
  const char *url;      /**< the page's address if known, or NULL */
  const char *charset;  /**< a charset from HTTP headers, or NULL */
  unsigned flags;       /**< NG_EXTRACT_* bits (version 2) */
} ng_extract_options;

#define NG_EXTRACT_OPTIONS_INIT \
  {NG_EXTRACT_OPTIONS_VERSION, NG_INPUT_AUTO, NG_LANG_UNKNOWN, 0u, NULL, NULL, 0u}

/** An extracted article: metadata and body. Immutable; one arena. */
typedef struct ng_article ng_article;

/**
 * Extracts the article from an HTML page or from scraped text (detected
 * unless opts->kind says). For text input the body document is the input
 * itself with furniture marked, so summary offsets are offsets into the
 * input; for HTML the document is the title and the extracted body text,
 * and offsets in JSON output are offsets into the body text (the "text"
 * of ng_render_article()): see ng_doc_body_offset().
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
 * limit 0, a short paragraph: three sentences, or two when those two
 * already carry 60 words. Sentences are never cut.
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
 * Sentences that are site furniture are never chosen, and sentences of
 * headings (an HTML page's headline, standfirst and section titles) only
 * when the document has no other text.
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
 * Evaluation
 * ---------------------------------------------------------------------- */

/**
 * ROUGE-1/2/L/Lsum with the semantics of Google's rouge-score package
 * (use_stemmer=True), so that figures compare with published ones.
 * Tokens: lower-case ASCII, every run of bytes other than [a-z0-9]
 * separates, tokens longer than 3 bytes go through the Porter stemmer.
 * ROUGE-N is clipped n-gram overlap; ROUGE-L the LCS of the two token
 * sequences; ROUGE-Lsum the summary-level LCS over '\n'-separated
 * sentences (as ROUGE-1.5.5). F is 2PR/(P+R), 0 when P+R is 0.
 */
typedef struct ng_rouge_prf {
  double p, r, f;
} ng_rouge_prf;

/** Metric indexes into ng_rouge_result.m. */
enum { NG_ROUGE_1 = 0, NG_ROUGE_2, NG_ROUGE_L, NG_ROUGE_LSUM, NG_ROUGE_COUNT };

/** Precision, recall and F of each metric. */
typedef struct ng_rouge_result {
  ng_rouge_prf m[NG_ROUGE_COUNT];
} ng_rouge_result;

/** Short name of a metric: "rouge1", "rouge2", "rougeL", "rougeLsum". */
NG_EXPORT const char *ng_rouge_metric_name(int metric);

/**
 * A scorer interns each distinct token with its stem, so a corpus run
 * stems every word form once. Not thread-safe: one per thread.
 */
typedef struct ng_rouge_scorer ng_rouge_scorer;

/**
 * Creates a scorer. `alc` may be NULL (C library allocator). Returns NG_OK,
 * NG_ENOMEM, or NG_EINVAL when libstemmer has no "porter" algorithm. The
 * caller owns *out (ng_rouge_scorer_free()).
 */
NG_EXPORT int ng_rouge_scorer_new(ng_rouge_scorer **out, const ng_allocator *alc);

/** Frees a scorer. Takes NULL. */
NG_EXPORT void ng_rouge_scorer_free(ng_rouge_scorer *sc);

/**
 * Scores system text `sys` against reference `ref` (any bytes; sentences
 * separated by '\n'). Returns NG_OK or NG_ENOMEM.
 */
NG_EXPORT int ng_rouge_score(ng_rouge_result *out, ng_rouge_scorer *sc,
                             const char *ref, size_t ref_len, const char *sys,
                             size_t sys_len);

/* ------------------------------------------------------------------------
 * Stories
 * ---------------------------------------------------------------------- */

/** Kinds of things ng_entities_extract() finds in an article. */
typedef enum ng_entity_kind {
  NG_ENTITY_PERSON = 0,
  NG_ENTITY_PLACE,
  NG_ENTITY_ORG,
  NG_ENTITY_OTHER,     /**< a capitalized name of unknown kind */
  NG_ENTITY_DATE,      /**< a date expression */
  NG_ENTITY_KEYPHRASE, /**< a salient lower-case phrase */
  NG_ENTITY_KIND_COUNT
} ng_entity_kind;

/** Name of a kind ("person", "place", ...). Static storage. */
NG_EXPORT const char *ng_entity_kind_name(ng_entity_kind kind);

/**
 * One entity of a document (or, from ng_story_entity(), of a story).
 * Spelling variants (Sergei/Sergey, Kyiv/Kiev) and short forms
 * (Lukashenko / Alexander Lukashenko) are one entity with one key; two
 * people of one family (Barack / Michelle Obama) are two. A person's key
 * is the skeleton of the surname, then '.' and the given name's when the
 * document gives a known one ("p:lksnk.alksndr"; "p:lksnk" for a surname
 * alone). A story merges a bare surname with the full name it matches.
 */
typedef struct ng_entity {
  ng_entity_kind kind;
  const char *name; /**< display form: the fullest spelling seen */
  const char *key;  /**< equal keys = same entity; for a date, ISO 8601
                         ("2024-06-25", or "--06-25" when the year is not
                         known), or "" when it cannot be resolved */
  size_t mentions;  /**< number of mentions */
  ng_span first;    /**< first mention, a span of ng_doc_text() ({0,0} for
                         story entities) */
  double score;     /**< salience (keyphrases), else mentions */
} ng_entity;

/** The entities of one document. Immutable; one arena. */
typedef struct ng_entities ng_entities;

/**
 * Finds people, places, organizations, dates and keyphrases in a document
 * (English heuristics and word lists; other languages get capitalized names
 * only). `date` is the article's publication date as "YYYY-MM-DD..." (may
 * be NULL): it resolves "Monday" and "June 25" to ISO dates. Returns NG_OK,
 * NG_EINVAL or NG_ENOMEM. The caller owns *out (ng_entities_free()); it
 * does not borrow from `doc`.
 */
NG_EXPORT int ng_entities_extract(ng_entities **out, ng_ctx *ctx,
                                  const ng_doc *doc, const char *date,
                                  size_t date_len, ng_error *err);

/** Frees entities. Takes NULL. */
NG_EXPORT void ng_entities_free(ng_entities *e);

/** Number of entities (people, places, orgs, others, dates, keyphrases). */
NG_EXPORT size_t ng_entities_count(const ng_entities *e);

/** Entity `i` (borrowed; lives as long as `e`), or NULL when out of range. */
NG_EXPORT const ng_entity *ng_entities_at(const ng_entities *e, size_t i);

/** Flags for ng_story_options.flags. */
enum {
  /** Keep each article's sentences (up to 64) in the set: needed for
   * ng_story_pairs_find() alignment and ng_story_digest(). */
  NG_STORY_KEEP_SENTENCES = 1u << 0,
  /** Group by broad topic ("Premier League") rather than by event: the
   * score is one IDF-weighted cosine, stories are never split or merged,
   * and the defaults become NG_STORY_TOPIC_THRESHOLD and
   * NG_STORY_TOPIC_TERMS. Without it the score is the probability that
   * the article reports the story's event, a story that turns out to hold
   * two events is split in two as it grows, and two stories that turn out
   * to be one event are merged. */
  NG_STORY_TOPICS = 1u << 1,
  /** Every article joins story 0, whatever its score: for articles
   * already known to be about one story (a digest of them, or of a
   * story read back from a store). No other story is ever made. */
  NG_STORY_ONE = 1u << 2
};

#define NG_STORY_OPTIONS_VERSION 1

/** Options for ng_story_set_new(). Initialise with NG_STORY_OPTIONS_INIT. */
typedef struct ng_story_options {
  unsigned version; /**< NG_STORY_OPTIONS_VERSION */
  unsigned flags;   /**< NG_STORY_* bits */
  double threshold; /**< score needed to join a story; 0: the default
                         (the event model's join threshold, 0.35 as
                         shipped, an event probability; with
                         NG_STORY_TOPICS a cosine,
                         NG_STORY_TOPIC_THRESHOLD) */
  size_t max_terms; /**< terms kept per article (at event level words
                         only, plus up to 32 names and dates); 0: the
                         default (100; with NG_STORY_TOPICS,
                         NG_STORY_TOPIC_TERMS) */
} ng_story_options;

#define NG_STORY_OPTIONS_INIT {NG_STORY_OPTIONS_VERSION, 0u, 0.0, 0u}

/** Defaults of topic-level grouping (NG_STORY_TOPICS): more terms per
 * article and a lower threshold. */
#define NG_STORY_TOPIC_THRESHOLD 0.12
#define NG_STORY_TOPIC_TERMS 400

/**
 * A growing set of articles grouped into stories (articles about the same
 * event). Articles are added one at a time; each is compared with the
 * existing stories through an inverted index, so adding is roughly
 * constant time and no earlier article is read again (splitting or
 * merging a story, at event level, reads only the stored term vectors of
 * that story's members and of at most 12 neighbours). Not thread-safe.
 */
typedef struct ng_story_set ng_story_set;

/**
 * Creates an empty set. `opts` may be NULL for defaults. Returns NG_OK,
 * NG_EINVAL or NG_ENOMEM. The caller owns *out (ng_story_set_free());
 * `ctx` must outlive it.
 */
NG_EXPORT int ng_story_set_new(ng_story_set **out, ng_ctx *ctx,
                               const ng_story_options *opts, ng_error *err);

/** Frees a story set. Takes NULL. */
NG_EXPORT void ng_story_set_free(ng_story_set *set);

/**
 * Adds an article: extracts its terms and entities, then puts it in the
 * most similar story or starts a new one. `id` (may be NULL: the article's
 * index is used) and `date` ("YYYY-MM-DD...", may be NULL) are copied.
 * `doc` is not kept. *story (may be NULL) receives the story's index; at
 * event level a later add may split, merge and renumber stories, so read
 * assignments with ng_story_set_article_story() when they are needed.
 * Returns NG_OK, NG_EINVAL or NG_ENOMEM; on failure the set is unchanged
 * except for corpus statistics, or, when memory ran out while splitting
 * or merging stories after the article was placed, holds the article
 * with every story still consistent.
 */
NG_EXPORT int ng_story_set_add(ng_story_set *set, const ng_doc *doc,
                               const char *id, size_t id_len,
                               const char *date, size_t date_len,
                               size_t *story, ng_error *err);

/** Number of articles added. */
NG_EXPORT size_t ng_story_set_article_count(const ng_story_set *set);

/** Id of article `i` (borrowed, NUL-terminated; *len may be NULL), or NULL
 * when out of range. */
NG_EXPORT const char *ng_story_set_article_id(const ng_story_set *set,
                                              size_t i, size_t *len);

/** Title of article `i` (its title line, else its first sentence; borrowed,
 * NUL-terminated, at most 200 bytes: a longer one is cut after a word and
 * ends with "…"), or NULL when out of range. */
NG_EXPORT const char *ng_story_set_article_title(const ng_story_set *set,
                                                 size_t i, size_t *len);

/** Index of the story holding article `i` now ((size_t)-1 when out of
 * range). */
NG_EXPORT size_t ng_story_set_article_story(const ng_story_set *set,
                                            size_t i);

/** The stories most like article `i`, other than its own: up to `max`
 * (at most NG_STORY_RELATED_MAX) story indices into stories[] (and their
 * similarity into scores[] when not NULL), best first. Similarity is the
 * IDF-weighted cosine of the article's terms with a story's centre, and a
 * story under NG_STORY_RELATED_MIN is left out, so an article on nothing
 * else in the set has none. Stories are found through the set's term
 * index, so the cost does not grow with the set. It uses the set's
 * scratch space: like ng_story_set_add(), not to be called on one set
 * from two threads at once. Returns the number written; 0 when `i` is out
 * of range. */
#define NG_STORY_RELATED_MIN 0.1
#define NG_STORY_RELATED_MAX 12
NG_EXPORT size_t ng_story_set_related(ng_story_set *set, size_t i,
                                      size_t *stories, double *scores,
                                      size_t max);

/** Number of stories. */
NG_EXPORT size_t ng_story_set_count(const ng_story_set *set);

/** Number of articles in story `s` (0 when out of range). */
NG_EXPORT size_t ng_story_size(const ng_story_set *set, size_t s);

/** Article index of the k-th article of story `s`, in the order added
 * ((size_t)-1 when out of range). */
NG_EXPORT size_t ng_story_article(const ng_story_set *set, size_t s,
                                  size_t k);

/** A one-line headline for story `s`: the title of the member closest to
 * the story's centre, members with a title line first (borrowed;
 * NUL-terminated; valid until the next ng_story_set_add()), or NULL when
 * out of range. */
NG_EXPORT const char *ng_story_headline(ng_story_set *set, size_t s,
                                        size_t *len);

/** Number of distinct named entities (people, places, orgs, others) of
 * story `s`, merged across its articles. */
NG_EXPORT size_t ng_story_entity_count(const ng_story_set *set, size_t s);

/** Entity `i` of story `s`, most mentioned first (borrowed; valid until
 * the next ng_story_set_add()), or NULL when out of range. */
NG_EXPORT const ng_entity *ng_story_entity(const ng_story_set *set, size_t s,
                                           size_t i);

/**
 * Probability that sentence `a` is a rewrite (paraphrase) of sentence `b`:
 * a logistic model over lexical, IDF-weighted, number, name, length, LCS
 * and character n-gram overlap, with the set's document frequencies as
 * IDF. Returns NG_OK, NG_EUTF8 or NG_ENOMEM.
 */
NG_EXPORT int ng_story_rewrite_score(double *out, ng_story_set *set,
                                     const char *a, size_t alen,
                                     const char *b, size_t blen,
                                     ng_error *err);

/** A pair of articles that copy or rewrite each other. */
typedef struct ng_story_pair {
  size_t a, b;       /**< article indices, a < b */
  double score;      /**< share of the shorter article's sentences (counted
                          as at least 3) rewritten in the other (0..1); for
                          near copies at least the resemblance */
  double resemblance;/**< MinHash estimate of word 4-shingle Jaccard */
  size_t aligned;    /**< number of aligned sentence pairs */
} ng_story_pair;

/** Pairs found by ng_story_pairs_find(). */
typedef struct ng_story_pairs ng_story_pairs;

/**
 * Finds near copies (MinHash) and rewrites (sentence alignment) among the
 * articles of each story (the first 200 of a story). Pairs scoring below
 * `min_score` are left out. Needs NG_STORY_KEEP_SENTENCES (else
 * NG_EINVAL). Returns NG_OK, NG_EINVAL or NG_ENOMEM. The caller owns *out
 * (ng_story_pairs_free()); it does not borrow from the set.
 */
NG_EXPORT int ng_story_pairs_find(ng_story_pairs **out, ng_story_set *set,
                                  double min_score, ng_error *err);

/** Frees pairs. Takes NULL. */
NG_EXPORT void ng_story_pairs_free(ng_story_pairs *p);

/** Number of pairs, best first. */
NG_EXPORT size_t ng_story_pairs_count(const ng_story_pairs *p);

/** Pair `i` (borrowed), or NULL when out of range. */
NG_EXPORT const ng_story_pair *ng_story_pairs_at(const ng_story_pairs *p,
                                                 size_t i);

/**
 * Aligned sentence pair `k` of pair `i`: the two sentences (borrowed,
 * NUL-terminated) and the rewrite probability. Returns NG_OK or NG_EINVAL
 * when out of range.
 */
NG_EXPORT int ng_story_pairs_aligned(const ng_story_pairs *p, size_t i,
                                     size_t k, const char **a,
                                     const char **b, double *score);

/** One digest sentence, quoted verbatim from one article. */
typedef struct ng_digest_item {
  size_t article;   /**< article index in the set (its source) */
  size_t sentence;  /**< sentence index in that article */
  const char *text; /**< the sentence (NUL-terminated) */
  size_t len;
} ng_digest_item;

/** A multi-article summary of one story. */
typedef struct ng_digest ng_digest;

/**
 * Summarizes story `s` across its articles: one sentence per fact (a fact
 * stated by several articles is quoted once, from the article that states
 * it best), at most `max_sentences` (0: 5; at most 64) and, unless
 * `max_words` is 0, at most `max_words` words (a sentence that does not
 * fit is skipped, never cut), ordered by article date and position. Needs
 * NG_STORY_KEEP_SENTENCES. Returns NG_OK, NG_EINVAL or NG_ENOMEM. The
 * caller owns *out (ng_digest_free()); it does not borrow from the set.
 */
NG_EXPORT int ng_story_digest(ng_digest **out, ng_story_set *set, size_t s,
                              size_t max_sentences, size_t max_words,
                              ng_error *err);

/** Frees a digest. Takes NULL. */
NG_EXPORT void ng_digest_free(ng_digest *d);

/** The digest's one-line headline (borrowed, NUL-terminated). */
NG_EXPORT const char *ng_digest_headline(const ng_digest *d, size_t *len);

/** Number of digest sentences. */
NG_EXPORT size_t ng_digest_count(const ng_digest *d);

/** Digest sentence `i` (borrowed), or NULL when out of range. */
NG_EXPORT const ng_digest_item *ng_digest_at(const ng_digest *d, size_t i);

/**
 * Multi-document summaries are scored as DUC 2005-2007 did, with
 * ROUGE-1.5.5's recall against several human references: ROUGE-2
 * (bigrams) and ROUGE-SU4 (unigrams plus pairs of tokens with at most four
 * tokens between them), clipped counts, the same tokens and stemming as
 * above, no stop words removed (ROUGE-1.5.5 -n 2 -2 4 -u -m -f A -l N).
 * With several references the figure is jackknifed: the mean, over the
 * subsets that leave one reference out, of the subset's pooled recall
 * (hits summed over its references, over their units summed).
 */
typedef struct ng_rouge_multi {
  double rouge2, su4; /**< recall, 0..1 */
} ng_rouge_multi;

/** Most references ng_rouge_multi_recall() takes. */
#define NG_ROUGE_MAX_REFS 16

/**
 * Scores `sys`, cut to its first `max_words` tokens (0: no cut; DUC 2006
 * used 250), against refs[0..nrefs) of ref_lens[] bytes, jackknifed
 * (`jackknife` nonzero) or pooled over all of them (0: how a human
 * reference is scored against the others). Returns NG_OK, NG_EINVAL (no scorer, NULL
 * arrays, more than NG_ROUGE_MAX_REFS references) or NG_ENOMEM. No
 * references: all zero.
 */
NG_EXPORT int ng_rouge_multi_recall(ng_rouge_multi *out, ng_rouge_scorer *sc,
                                    const char *const *refs,
                                    const size_t *ref_lens, size_t nrefs,
                                    const char *sys, size_t sys_len,
                                    size_t max_words, int jackknife);

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
 * object {"method", "summary", "sentences": [{"index","offset","length",
 * "score","text"}]}, where "offset" is the sentence's byte offset from
 * ng_doc_body_offset() (into the input for text input, into the article's
 * "text" for HTML input).
 * `doc` must be the document the summary was made from. Returns NG_OK,
 * NG_EINVAL or NG_ENOMEM.
 */
NG_EXPORT int ng_render_summary(ng_buf *out, const ng_doc *doc,
                                const ng_summary *s, ng_format fmt,
                                ng_error *err);

/**
 * Appends an article to `out` in the given format: text is the body's
 * paragraphs separated by blank lines (the title and the other metadata
 * are fields, as in other extractors' text output); Markdown starts with
 * the title as a "# " heading; JSON has every field, the body as "text"
 * and as "blocks". With a non-NULL summary, text and Markdown end with it
 * and JSON carries it under "summary". Returns NG_OK, NG_EINVAL or
 * NG_ENOMEM.
 */
NG_EXPORT int ng_render_article(ng_buf *out, const ng_article *a,
                                const ng_summary *s, ng_format fmt,
                                ng_error *err);

#ifdef __cplusplus
}
#endif

#endif /* NUTGRAF_H */

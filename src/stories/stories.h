/* stories.h - internals of entities, rewrite detection, story grouping and
 * digests (the Stories section of nutgraf.h).
 *
 *   ng_doc --entities.c--> names (skeleton keys), dates, keyphrases
 *          --set.c-------> article vector: {global term id, log tf}
 *                          terms = stems, numbers, "#p:lkshnk" entity keys
 *          incremental DF (ng_strmap term -> df) gives IDF at compare time
 *          inverted index term -> stories finds candidate stories
 *   sentences --rewrite.c--> features --logistic (rewrite_weights.inc)
 *   story --digest.c--> greedy sentence picking without repeated facts
 *
 * stories/ depends on text/ only (and data/). */
#ifndef NG_STORIES_STORIES_H
#define NG_STORIES_STORIES_H

#include "../text/arena.h"
#include "../text/doc.h"
#include "../text/vec.h"
#include "nutgraf.h"

#include <stdbool.h>
#include <stdint.h>

/* ---- names.c: string interning and name keys ------------------------ */

/* A string -> dense id map (open addressing; strings in its own arena).
 * Each id also carries a counter (used as document frequency). */
typedef struct ng_strmap {
  ng_arena arena;
  const ng_allocator *alc;
  uint32_t *slots; /* id + 1, 0 = empty */
  size_t nslots;
  const char **strs; /* by id */
  uint32_t *lens;
  uint32_t *count;
  size_t n, cap;
} ng_strmap;

void ng_strmap_init(ng_strmap *m, const ng_allocator *alc);
void ng_strmap_dispose(ng_strmap *m);
/* Finds or adds s[0..n); *id receives its id. NG_OK or NG_ENOMEM. */
int ng_strmap_intern(ng_strmap *m, const char *s, size_t n, uint32_t *id);
/* The hash the map files s[0..n) under, for a caller that asks for a
 * string's memory before interning it (one hash for both). */
uint64_t ng_strmap_hash(const char *s, size_t n);
/* ng_strmap_intern with hash = ng_strmap_hash(s, n). */
int ng_strmap_intern_hashed(ng_strmap *m, const char *s, size_t n,
                            uint64_t hash, uint32_t *id);
/* A hint before ng_strmap_find or _intern of a string of that hash
 * (ng_strmap_hash): asks the memory for what the lookup reads, by stage:
 * 0 its first slot; 1 the length and string pointer that slot names; 2
 * that string (each stage needs the one before in cache). Changes
 * nothing. */
void ng_strmap_prefetch(const ng_strmap *m, uint64_t hash, int stage);
/* Id of s[0..n) or UINT32_MAX. */
uint32_t ng_strmap_find(const ng_strmap *m, const char *s, size_t n);

/* Phonetic skeleton of a name (folded): ASCII letters transliterated
 * (c,q->k; x->ks; w->v; j,y->i), vowels dropped after the first letter,
 * 'h' after a consonant dropped, repeats collapsed; "Kyiv" and "Kiev" give
 * "kv", "Sergei"/"Sergey" "srg". Writes at most cap-1 bytes + NUL and
 * returns the length. */
size_t ng_name_skeleton(char *dst, size_t cap, const char *s, size_t n);

/* Levenshtein distance of two short byte strings (capped at 64 bytes). */
size_t ng_edit_distance(const char *a, size_t an, const char *b, size_t bn);

/* Do two folded spellings look like variants of one name? */
bool ng_name_variants(const char *a, size_t an, const char *b, size_t bn);

/* FNV-1a. */
uint64_t ng_hash64(const char *s, size_t n);

/* ---- entities.c ---------------------------------------------------- */

struct ng_entities {
  ng_arena arena;
  ng_entity *items;
  size_t n;
};

/* ng_entities_extract with internal options: NG_ENTITIES_NO_KEYPHRASES
 * leaves out the keyphrases (the story set reads only names and dates;
 * the other entities and their order are the same either way);
 * NG_ENTITIES_NO_BARE_MONTHS leaves out a month named without day or year
 * ("earlier in December"): too coarse to tell two events apart, and the
 * event score was fitted without them (with them, ECB+ dev fell from 0.937
 * to 0.934, and the refit could no longer keep the samples' events apart
 * without falling to 0.927). */
enum { NG_ENTITIES_NO_KEYPHRASES = 1u << 0, NG_ENTITIES_NO_BARE_MONTHS = 1u << 1 };
int ng_entities_extract_flags(ng_entities **out, ng_ctx *ctx, const ng_doc *doc,
                              const char *date, size_t date_len, unsigned flags,
                              ng_error *err);

/* Parses "YYYY-MM-DD" at the start of s; returns days since 1970-01-01
 * or INT32_MIN. */
int32_t ng_date_days(const char *s, size_t n);

/* ---- rewrite.c: sentence-pair features ------------------------------ */

/* A sentence prepared for comparison: sorted distinct ids of its folded
 * words (all) and stems (content), its numbers, its capitalized names and
 * character 4-gram hashes. Everything lives in the caller's arena. */
typedef struct ng_rw_sent {
  uint32_t *words; /* word ids in order (with repeats) */
  size_t nwords;
  uint32_t *uw; /* distinct word ids, sorted */
  size_t nuw;
  uint32_t *stems; /* distinct content stem ids, sorted */
  size_t nstems;
  uint32_t *seq; /* content stem ids in sentence order */
  size_t nseq;
  bool negated; /* has "not", "n't", "no" or "never" */
  uint32_t *nums; /* distinct number ids, sorted */
  size_t nnums;
  uint32_t *names; /* distinct mid-sentence capitalized word ids */
  size_t nnames;
  uint32_t *grams; /* distinct char 4-gram hashes, sorted */
  size_t ngrams;
} ng_rw_sent;

/* Prepares text[0..len) (valid UTF-8) in language `lang`; words and stems
 * are interned in `terms`. */
int ng_rw_prepare(ng_rw_sent *out, ng_arena *arena, ng_ctx *ctx,
                  ng_strmap *terms, ng_lang lang, const char *text,
                  size_t len);

#define NG_RW_NFEAT 22

/* Fills f[NG_RW_NFEAT]. idf(term) = log((N + 1) / (df + 1)) + 1 from the
 * counters of `terms` with N documents. */
void ng_rw_features(double *f, const ng_rw_sent *a, const ng_rw_sent *b,
                    const ng_strmap *terms, double N);

/* Where a term of a pair is, for its learned weight: the columns of the
 * term table (src/data/rewrite_weights.inc, tools/train-rewrite). */
enum { NG_RW_SHORTER = 0, NG_RW_BOTH = 1, NG_RW_LONGER = 2 };

/* Is a the longer of the two sentences for the term weights? By words,
 * then characters (4-grams), then the first word that differs, so that
 * the answer does not depend on the order the two are given in.
 * ng_rw_features and tools/train-rewrite must agree on it. */
static inline int ng_rw_a_longer(const ng_rw_sent *a, const ng_rw_sent *b) {
  if (a->nwords != b->nwords) return a->nwords > b->nwords;
  if (a->ngrams != b->ngrams) return a->ngrams > b->ngrams;
  for (size_t i = 0; i < a->nwords; i++)
    if (a->words[i] != b->words[i]) return a->words[i] > b->words[i];
  return 1;
}

/* Logistic model over ng_rw_features with the shipped weights. */
double ng_rw_prob(const double *f);

/* MinHash over word 4-shingles: sig[NG_MINHASH] (0xffffffff when the text
 * has no shingle). */
#define NG_MINHASH 32
void ng_minhash(uint32_t *sig, const uint32_t *words, size_t n);
double ng_minhash_sim(const uint32_t *a, const uint32_t *b);

#endif

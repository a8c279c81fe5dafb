/* fuzz_stories.c - libFuzzer target for story grouping, entities, pairs and
 * digests. The input is split into articles at form feeds ('\f'); the first
 * byte chooses the threshold, whether sentences are kept and event or
 * topic level (event level splits and merges stories as they grow); its
 * top six bits all set mean NG_STORY_ONE (one story, whatever the scores).
 * Invariants: every article is in exactly one story, story sizes add up, entity and
 * digest spans point into their texts, pairs name two articles of the set,
 * and a second run over the same input groups identically (determinism). */
#include "nutgraf.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARTICLES 64

static size_t run(const uint8_t *data, size_t size, size_t *assign) {
  ng_ctx *ctx = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL)) return 0;
  ng_story_options so = NG_STORY_OPTIONS_INIT;
  so.flags = ((data[0] & 1) ? NG_STORY_KEEP_SENTENCES : 0u) | ((data[0] & 2) ? NG_STORY_TOPICS : 0u);
  so.threshold = (double)(data[0] >> 2) / 63.0;
  if ((data[0] >> 2) == 63) so.flags |= NG_STORY_ONE;
  ng_story_set *set = NULL;
  if (ng_story_set_new(&set, ctx, &so, NULL)) {
    ng_ctx_free(ctx);
    return 0;
  }
  const char *text = (const char *)data + 1;
  size_t len = size - 1, start = 0, n = 0;
  for (size_t i = 0; i <= len && n < MAX_ARTICLES; i++) {
    if (i < len && text[i] != '\f') continue;
    ng_doc *doc = NULL;
    if (ng_doc_parse(&doc, ctx, text + start, i - start, NULL, NULL) == NG_OK) {
      ng_entities *e = NULL;
      size_t dl = 0;
      const char *dt = ng_doc_text(doc, &dl);
      if (ng_entities_extract(&e, ctx, doc, "2024-02-29", 10, NULL) == NG_OK) {
        for (size_t k = 0; k < ng_entities_count(e); k++) {
          const ng_entity *x = ng_entities_at(e, k);
          assert(x->name && x->key && x->mentions >= 1);
          assert(x->first.off + x->first.len <= dl);
        }
      }
      (void)dt;
      ng_entities_free(e);
      size_t st = (size_t)-1;
      if (ng_story_set_add(set, doc, NULL, 0, n % 2 ? "2024-01-01" : NULL, n % 2 ? 10 : 0,
                           &st, NULL) == NG_OK) {
        assert(st < ng_story_set_count(set));
        n++;
      }
    }
    ng_doc_free(doc);
    start = i + 1;
  }
  assert(ng_story_set_article_count(set) == n);
  if (so.flags & NG_STORY_ONE) assert(ng_story_set_count(set) == (n > 0));
  size_t total = 0;
  for (size_t s = 0; s < ng_story_set_count(set); s++) {
    assert(ng_story_size(set, s) >= 1);
    for (size_t k = 0; k < ng_story_size(set, s); k++)
      assert(ng_story_set_article_story(set, ng_story_article(set, s, k)) == s);
    total += ng_story_size(set, s);
    size_t hl = 0;
    const char *h = ng_story_headline(set, s, &hl);
    assert(h != NULL && hl <= 200 && strlen(h) == hl);
    for (size_t k = 0; k < ng_story_entity_count(set, s); k++)
      assert(ng_story_entity(set, s, k)->name != NULL);
  }
  assert(total == n);
  for (size_t i = 0; i < n; i++) assign[i] = ng_story_set_article_story(set, i);
  if (so.flags & NG_STORY_KEEP_SENTENCES) {
    ng_story_pairs *p = NULL;
    if (ng_story_pairs_find(&p, set, 0.0, NULL) == NG_OK) {
      for (size_t i = 0; i < ng_story_pairs_count(p); i++) {
        const ng_story_pair *x = ng_story_pairs_at(p, i);
        assert(x->a < x->b && x->b < n);
        assert(x->score >= 0.0 && x->score <= 1.0);
        for (size_t k = 0; k < x->aligned; k++) {
          const char *a, *b;
          assert(ng_story_pairs_aligned(p, i, k, &a, &b, NULL) == NG_OK);
        }
      }
    }
    ng_story_pairs_free(p);
    for (size_t s = 0; s < ng_story_set_count(set); s++) {
      ng_digest *d = NULL;
      /* Every other story with a word budget (a sentence is never cut,
       * so what fits is whole sentences). */
      size_t words = s % 2 ? 12 + s : 0;
      if (ng_story_digest(&d, set, s, 4, words, NULL) == NG_OK) {
        assert(ng_digest_count(d) <= 4);
        for (size_t k = 0; k < ng_digest_count(d); k++) {
          const ng_digest_item *it = ng_digest_at(d, k);
          assert(ng_story_set_article_story(set, it->article) == s);
          assert(strlen(it->text) == it->len);
        }
      }
      ng_digest_free(d);
    }
  }
  ng_story_set_free(set);
  ng_ctx_free(ctx);
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  size_t a[MAX_ARTICLES], b[MAX_ARTICLES];
  size_t na = run(data, size, a);
  size_t nb = run(data, size, b);
  assert(na == nb);
  assert(na == 0 || memcmp(a, b, na * sizeof a[0]) == 0);
  return 0;
}

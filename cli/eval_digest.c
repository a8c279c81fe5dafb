/* eval_digest.c - `nutgraf eval digest`: multi-document digests scored as
 * DUC 2006 scored its systems (../shared/data/duc2006: per topic 25
 * newswire articles and 4 human summaries of 250 words).
 *
 * Methods:
 *   digest  the topic's articles go into a story set as one story
 *           (NG_STORY_ONE), and its digest, sentences skipped when they
 *           no longer fit the word budget, is the summary;
 *   lead    NIST's baseline (DUC peer 1): the first words of the most
 *           recent article;
 *   human   each reference against the other three (how DUC scored its
 *           human summarizers), to check the scorer against DUC's own
 *           figures.
 * Figures: ROUGE-2 and ROUGE-SU4 recall (ng_rouge_multi_recall(),
 * jackknifed over the 4 references), the mean over topics. */
#include "cli.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define DUC_MAX_ARTICLES 64

typedef struct duc_topic {
  const char *id;
  size_t narticles;
  const char *text[DUC_MAX_ARTICLES], *headline[DUC_MAX_ARTICLES], *date[DUC_MAX_ARTICLES];
  size_t nrefs;
  const char *refs[NG_ROUGE_MAX_REFS];
  size_t ref_lens[NG_ROUGE_MAX_REFS];
} duc_topic;

/* Reads a topic from a parsed line (borrowing its strings); false when
 * the line has no id, articles or references. */
static bool topic_of(duc_topic *t, json_t *o) {
  memset(t, 0, sizeof *t);
  t->id = json_string_value(json_object_get(o, "id"));
  json_t *arts = json_object_get(o, "articles"), *heads = json_object_get(o, "headlines"),
         *dates = json_object_get(o, "dates"), *refs = json_object_get(o, "references");
  if (!t->id || !json_is_array(arts) || !json_is_array(refs)) return false;
  for (size_t i = 0; i < json_array_size(arts) && t->narticles < DUC_MAX_ARTICLES; i++) {
    const char *x = json_string_value(json_array_get(arts, i));
    if (!x) continue;
    t->text[t->narticles] = x;
    t->headline[t->narticles] = json_string_value(json_array_get(heads, i));
    t->date[t->narticles] = json_string_value(json_array_get(dates, i));
    t->narticles++;
  }
  /* References: one sentence per line, as the scorer wants them. */
  for (size_t i = 0; i < json_array_size(refs) && t->nrefs < NG_ROUGE_MAX_REFS; i++) {
    json_t *r = json_array_get(refs, i);
    if (!json_is_string(r)) continue;
    t->refs[t->nrefs] = json_string_value(r);
    t->ref_lens[t->nrefs++] = json_string_length(r);
  }
  return t->narticles > 0 && t->nrefs > 0;
}

/* The digest of the topic's articles as one story, in `out`. */
static int digest_of(ng_buf *out, ng_ctx *ctx, const duc_topic *t, size_t words) {
  ng_story_options so = NG_STORY_OPTIONS_INIT;
  so.flags |= NG_STORY_ONE | NG_STORY_KEEP_SENTENCES;
  ng_story_set *set = NULL;
  ng_error err = {0};
  int rc = ng_story_set_new(&set, ctx, &so, &err);
  ng_buf page = NG_BUF_INIT;
  for (size_t i = 0; rc == NG_OK && i < t->narticles; i++) {
    /* The headline as the first line, as in a scraped page. */
    page.len = 0;
    if (t->headline[i] && (rc = ng_buf_put(&page, t->headline[i], strlen(t->headline[i])))) break;
    if ((rc = ng_buf_put(&page, "\n\n", 2)) || (rc = ng_buf_put(&page, t->text[i], strlen(t->text[i]))))
      break;
    ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
    ng_article *a = NULL;
    int x = ng_extract(&a, ctx, page.ptr, page.len, &eo, NULL);
    const ng_doc *doc = x == NG_OK ? ng_article_doc(a) : NULL;
    /* DUC dates are "YYYY-MM-DD hh:mm"; the set reads the day. */
    size_t dl = t->date[i] ? strlen(t->date[i]) : 0;
    if (doc) rc = ng_story_set_add(set, doc, NULL, 0, t->date[i], dl > 10 ? 10 : dl, NULL, &err);
    ng_article_free(a);
  }
  ng_buf_dispose(&page);
  ng_digest *d = NULL;
  if (rc == NG_OK && ng_story_set_count(set)) rc = ng_story_digest(&d, set, 0, 64, words, &err);
  for (size_t i = 0; rc == NG_OK && i < ng_digest_count(d); i++) {
    const ng_digest_item *it = ng_digest_at(d, i);
    if ((rc = ng_buf_put(out, it->text, it->len)) == NG_OK) rc = ng_buf_put(out, "\n", 1);
  }
  ng_digest_free(d);
  ng_story_set_free(set);
  return rc;
}

/* NIST's lead baseline: the most recent article, from its start. */
static int lead_of(ng_buf *out, const duc_topic *t) {
  size_t pick = 0;
  for (size_t i = 1; i < t->narticles; i++)
    if (t->date[i] && (!t->date[pick] || strcmp(t->date[i], t->date[pick]) >= 0)) pick = i;
  return ng_buf_put(out, t->text[pick], strlen(t->text[pick]));
}

int eval_digest(const char *data_dir, const char *method, size_t words, size_t limit, bool tsv) {
  bool human = strcmp(method, "human") == 0, lead = strcmp(method, "lead") == 0;
  if (!human && !lead && strcmp(method, "digest") != 0) {
    cli_error("unknown method '%s' for eval digest (digest, lead, human)", method);
    return EXIT_USAGE;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/duc2006/dev.jsonl", data_dir);
  FILE *f = fopen(path, "rb");
  if (!f) {
    cli_error("%s: cannot open (DUC 2006 is in ../shared/data/duc2006)", path);
    return EXIT_FAIL;
  }
  ng_ctx *ctx = NULL;
  ng_rouge_scorer *sc = NULL;
  if (ng_ctx_new(&ctx, NULL, NULL) || ng_rouge_scorer_new(&sc, NULL)) {
    cli_error("out of memory");
    fclose(f);
    ng_ctx_free(ctx);
    return EXIT_FAIL;
  }
  char *line = NULL;
  size_t cap = 0, ntopics = 0, nscored = 0, bad = 0;
  double r2 = 0, su4 = 0;
  int status = EXIT_OK;
  ng_buf sys = NG_BUF_INIT;
  while (getline(&line, &cap, f) > 0 && (!limit || ntopics < limit)) {
    json_t *o = json_loads(line, 0, NULL);
    duc_topic t;
    if (!o || !topic_of(&t, o)) {
      bad++;
      json_decref(o);
      continue;
    }
    ntopics++;
    ng_rouge_multi m = {0, 0};
    int rc = NG_OK;
    if (human) {
      /* Each reference against the others, pooled; the topic's figure is
       * the mean over its references. */
      for (size_t k = 0; k < t.nrefs && rc == NG_OK && t.nrefs > 1; k++) {
        const char *others[NG_ROUGE_MAX_REFS];
        size_t lens[NG_ROUGE_MAX_REFS], n = 0;
        for (size_t j = 0; j < t.nrefs; j++)
          if (j != k) {
            others[n] = t.refs[j];
            lens[n++] = t.ref_lens[j];
          }
        ng_rouge_multi x;
        rc = ng_rouge_multi_recall(&x, sc, others, lens, n, t.refs[k], t.ref_lens[k], words, 0);
        m.rouge2 += x.rouge2 / (double)t.nrefs;
        m.su4 += x.su4 / (double)t.nrefs;
      }
    } else {
      sys.len = 0;
      rc = lead ? lead_of(&sys, &t) : digest_of(&sys, ctx, &t, words);
      if (rc == NG_OK)
        rc = ng_rouge_multi_recall(&m, sc, t.refs, t.ref_lens, t.nrefs,
                                   sys.ptr ? sys.ptr : "", sys.len, words, 1);
    }
    if (rc == NG_OK) {
      r2 += m.rouge2;
      su4 += m.su4;
      nscored++;
    } else {
      cli_fail(t.id, rc, NULL);
      status = EXIT_FAIL;
    }
    json_decref(o);
  }
  free(line);
  fclose(f);
  ng_buf_dispose(&sys);
  ng_rouge_scorer_free(sc);
  ng_ctx_free(ctx);
  if (bad) {
    cli_error("%s: %zu malformed lines skipped", path, bad);
    status = EXIT_FAIL;
  }
  if (!nscored) {
    cli_error("%s: no topic scored", path);
    return EXIT_FAIL;
  }
  double n = (double)nscored;
  if (tsv) {
    printf("duc2006\t%s\trouge2_r\t%.4f\n", method, r2 / n);
    printf("duc2006\t%s\trougeSU4_r\t%.4f\n", method, su4 / n);
  } else {
    printf("duc2006 %s: %zu topics, %zu words: ROUGE-2 recall %.4f, ROUGE-SU4 recall %.4f\n", method,
           nscored, words, r2 / n, su4 / n);
  }
  return status;
}

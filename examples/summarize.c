/* summarize.c - the smallest complete use of libnutgraf: parse scraped text,
 * summarize it in three sentences, print each with its byte offset.
 *   cc examples/summarize.c $(pkg-config --cflags --libs nutgraf) */
#include <nutgraf.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  const char *text = "Ministers met in Minsk on Monday to discuss trade. "
                     "They agreed on a date for the next round of talks. "
                     "No time to read?\nThe talks covered sanctions and energy.";
  ng_ctx *ctx = NULL;
  ng_doc *doc = NULL;
  ng_summary *sum = NULL;
  ng_error err = {0};
  if (ng_ctx_new(&ctx, NULL, &err) ||
      ng_doc_parse(&doc, ctx, text, strlen(text), NULL, &err) ||
      ng_summarize(&sum, ctx, doc, NULL, &err)) {
    fprintf(stderr, "error: %s\n", err.msg);
    return 1;
  }
  for (size_t i = 0; i < ng_summary_count(sum); i++) {
    const ng_summary_sentence *s = ng_summary_sentence_at(sum, i);
    printf("%zu\t%.*s\n", s->off, (int)s->len, text + s->off);
  }
  ng_summary_free(sum);
  ng_doc_free(doc);
  ng_ctx_free(ctx);
  return 0;
}

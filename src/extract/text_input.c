/* text_input.c - scraped plain text to a document (ng_doc_parse).
 *
 * Checks run cheapest-first so bad input fails fast with the most useful
 * message: size, binary sniffing, UTF-8 validity, then line analysis. */
#include "text_input.h"

#include "../text/ctx.h"
#include "../text/doc.h"
#include "../text/errors.h"
#include "../text/mem.h"
#include "furniture.h"

#include <string.h>

int ng_text_sniff_binary(const char *s, size_t n, size_t *bad) {
  /* NUL bytes never occur in text; many other C0 controls are a sign of a
   * binary format too. Look at the first 64 KiB. */
  size_t lim = n < 65536 ? n : 65536, ctrl = 0;
  for (size_t i = 0; i < lim;) {
    /* Eight bytes at a time while none is below 0x20 (the test has no
     * false negatives: the lowest such byte always sets its high bit). */
    if (lim - i >= 8) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (!((w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080))) {
        i += 8;
        continue;
      }
    }
    for (size_t e = lim - i >= 8 ? i + 8 : lim; i < e; i++) {
      unsigned char c = (unsigned char)s[i];
      if (c == 0) {
        *bad = i;
        return 1;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
          c != 0x1B)
        ctrl++;
    }
  }
  *bad = 0;
  return lim >= 32 && ctrl * 20 > lim; /* over 5% controls */
}

int ng_text_precheck(const char *text, size_t len, size_t max_bytes,
                     ng_error *err) {
  if (max_bytes == 0) max_bytes = NG_DEFAULT_MAX_BYTES;
  if (len > max_bytes)
    return ng_fail(err, NG_ETOOBIG, "input larger than the size limit", max_bytes);
  if (len >= UINT32_MAX)
    return ng_fail(err, NG_ETOOBIG, "input larger than 4 GiB", 0);
  size_t bad;
  if (ng_text_sniff_binary(text, len, &bad))
    return ng_fail(err, NG_EBINARY, "input looks like a binary file", bad);
  int rc = ng_utf8_check(text, len, err);
  if (rc) return rc;
  return NG_OK;
}

/* Wrapped text (hard line breaks inside paragraphs) is read paragraph by
 * paragraph, blank lines between them; otherwise every line is a block.
 * With blank lines, half of the body lines followed by another body line
 * must break off mid-sentence at a wrapping length; without any (`fold -w
 * 72` of one-paragraph-per-line text), three quarters, so that text of
 * one sentence per line with a few unpunctuated captions is not read as
 * wrapped. */
static bool looks_wrapped(const ng_span *lines, const ng_line_kind *kinds,
                          const ng_line_shape *shapes, size_t n) {
  size_t joined = 0, pairs = 0;
  bool blank_seen = false;
  for (size_t i = 0; i + 1 < n; i++) {
    if (kinds[i] == NG_LINE_BLANK) blank_seen = true;
    if (kinds[i] != NG_LINE_BODY || kinds[i + 1] != NG_LINE_BODY) continue;
    pairs++;
    if (!shapes[i].terminal && lines[i].len >= 30 && lines[i].len <= 100)
      joined++;
  }
  if (blank_seen) return pairs >= 3 && joined * 2 > pairs;
  return pairs >= 5 && joined * 4 >= pairs * 3;
}

int ng_doc_parse(ng_doc **out, ng_ctx *ctx, const char *text, size_t len,
                 const ng_doc_options *opts, ng_error *err) {
  if (!out || !ctx || (!text && len))
    return ng_fail(err, NG_EINVAL, "ng_doc_parse: NULL argument", 0);
  *out = NULL;
  ng_doc_options def = NG_DOC_OPTIONS_INIT;
  if (!opts) opts = &def;
  if (opts->version != NG_DOC_OPTIONS_VERSION)
    return ng_fail(err, NG_EINVAL, "unsupported ng_doc_options version", 0);
  if ((unsigned)opts->lang >= NG_LANG_COUNT)
    return ng_fail(err, NG_EINVAL, "unknown language", 0);
  int rc = ng_text_precheck(text, len, opts->max_bytes, err);
  if (rc) return rc;

  ng_vec lines, blocks, furn;
  ng_vec_init(&lines, sizeof(ng_span), &ctx->alc);
  ng_vec_init(&blocks, sizeof(ng_block_in), &ctx->alc);
  ng_vec_init(&furn, sizeof(ng_span), &ctx->alc);
  ng_line_kind *kinds = NULL;
  uint64_t *keys = NULL;
  ng_line_shape *shapes = NULL;
  size_t nk = 0;

  size_t start = 0;
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) start = 3; /* BOM */
  for (size_t i = start; i <= len; i++) {
    if (i == len || text[i] == '\n') {
      size_t e = i;
      if (e > start && text[e - 1] == '\r') e--;
      if (i < len || e > start) {
        ng_span sp = {start, e - start};
        NG_CHECK_ALLOC(ng_vec_push(&lines, &sp) == NG_OK);
      }
      start = i + 1;
    }
  }
  nk = lines.len;
  NG_CHECK_ALLOC(kinds = ng_mem_alloc(&ctx->alc, (nk + 1) * sizeof *kinds));
  NG_CHECK_ALLOC(keys = ng_mem_alloc(&ctx->alc, (nk + 1) * sizeof *keys));
  NG_CHECK_ALLOC(shapes = ng_mem_alloc(&ctx->alc, (nk + 1) * sizeof *shapes));
  ng_span *ls = lines.ptr;
  bool keep = opts->flags & NG_DOC_KEEP_FURNITURE;
  int allow_title = !(opts->flags & NG_DOC_NO_TITLE);
  if (keep) {
    for (size_t i = 0; i < nk; i++) {
      bool blank = true;
      for (size_t k = 0; k < ls[i].len && blank; k++) {
        char c = text[ls[i].off + k];
        blank = c == ' ' || c == '\t';
      }
      kinds[i] = blank ? NG_LINE_BLANK : NG_LINE_BODY;
    }
  } else {
    ng_furniture_classify(text, ls, nk, kinds, keys, shapes, allow_title);
  }
  /* Wrapped text is read again by paragraph (the runs of non-blank lines),
   * so that a paragraph's first lines, which end without a full stop, are
   * not taken for furniture or a title, and its sentences run across the
   * line breaks. */
  bool wrapped = !keep && looks_wrapped(ls, kinds, shapes, nk);
  if (wrapped) {
    size_t o = 0;
    for (size_t i = 0; i < nk; i++) {
      bool body = kinds[i] != NG_LINE_BLANK;
      if (o > 0 && body && kinds[o - 1] != NG_LINE_BLANK) {
        ls[o - 1].len = ls[i].off + ls[i].len - ls[o - 1].off;
      } else {
        ls[o] = ls[i];
        kinds[o++] = kinds[i];
      }
    }
    nk = lines.len = o;
    ng_furniture_classify(text, ls, nk, kinds, keys, shapes, allow_title);
  }

  ng_span title = {0, 0};
  for (size_t i = 0; i < nk; i++) {
    switch (kinds[i]) {
    case NG_LINE_TITLE:
      title = ls[i];
      break;
    case NG_LINE_FURNITURE:
      NG_CHECK_ALLOC(ng_vec_push(&furn, &ls[i]) == NG_OK);
      break;
    case NG_LINE_BODY: {
      ng_block_in b = {ls[i].off, ls[i].len, NG_BLOCK_PARAGRAPH, 0, wrapped};
      /* A cue glued to the paragraph's first sentence ("Scroll down for
       * video Bosses in ...") is furniture; the paragraph starts after it.
       * (A line that is only the cue is furniture already.) */
      size_t skip = keep ? 0 : ng_furniture_lead_cue(text + b.off, b.len);
      if (skip > 0 && skip < b.len) {
        ng_span cue = {b.off, skip};
        while (cue.len > 0 && (text[cue.off + cue.len - 1] == ' ' ||
                               text[cue.off + cue.len - 1] == '\t'))
          cue.len--;
        NG_CHECK_ALLOC(ng_vec_push(&furn, &cue) == NG_OK);
        b.off += skip;
        b.len -= skip;
      }
      NG_CHECK_ALLOC(ng_vec_push(&blocks, &b) == NG_OK);
      break;
    }
    default:
      break;
    }
  }
  if (blocks.len == 0) {
    rc = ng_fail(err, NG_EEMPTY,
                 len ? "no article text (only furniture or blank lines)"
                     : "empty input",
                 0);
    goto done;
  }
  rc = ng_doc_build(out, ctx, text, len, blocks.ptr, blocks.len, title,
                    furn.ptr, furn.len, opts->lang, 0, err);
  if (rc == NG_OK && !(opts->flags & NG_DOC_KEEP_FURNITURE))
    ng_furniture_mark_sentences(*out);
done:
  ng_mem_free(&ctx->alc, kinds, (nk + 1) * sizeof *kinds);
  ng_mem_free(&ctx->alc, keys, (nk + 1) * sizeof *keys);
  ng_mem_free(&ctx->alc, shapes, (nk + 1) * sizeof *shapes);
  ng_vec_dispose(&lines);
  ng_vec_dispose(&blocks);
  ng_vec_dispose(&furn);
  return rc;
}

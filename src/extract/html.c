/* html.c - ng_extract_html: an HTML page to an article.
 *
 *   bytes --charset.c--> UTF-8 --html_parse.c--> tree --html_blocks.c-->
 *   blocks + metadata --html_score.c--> kept blocks --> body text:
 *
 *     "Title\n\nFirst block\n\nSecond block"   (title span [0, 5))
 *
 * built into an ng_doc, so summaries and rendered blocks share offsets. */
#include "article.h"

#include "../text/ctx.h"
#include "../text/doc.h"
#include "../text/errors.h"
#include "../text/mem.h"
#include "charset.h"
#include "furniture.h"
#include "html.h"
#include "html_parse.h"
#include "text_input.h"

#include <string.h>

static bool starts_ci(const char *s, size_t n, const char *lit) {
  size_t l = strlen(lit);
  if (n < l) return false;
  for (size_t i = 0; i < l; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != lit[i]) return false;
  }
  return true;
}

static const char *find_sub(const char *s, size_t n, const char *t, size_t tn) {
  if (!tn || tn > n) return NULL;
  for (size_t i = 0; i + tn <= n; i++)
    if (s[i] == t[0] && memcmp(s + i, t, tn) == 0) return s + i;
  return NULL;
}

static bool ieq_n(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return false;
  for (size_t i = 0; i < an; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
    if (x != y) return false;
  }
  return true;
}

static ng_hstr trim(ng_hstr t) {
  while (t.n && (t.s[0] == ' ' || t.s[0] == '\n' || t.s[0] == '\t')) t.s++, t.n--;
  while (t.n && (t.s[t.n - 1] == ' ' || t.s[t.n - 1] == '\n' || t.s[t.n - 1] == '\t'))
    t.n--;
  return t;
}

/* Cuts the site name off a title: "Headline | Site", "Site - Headline".
 * A side is cut when it names the site (og:site_name / publisher), or,
 * for the strong separators ("|", "::", "·", "»", "«"), when it is the
 * shorter side. Dashes are common inside headlines, so they only cut a
 * side that names the site. `h1` (may be empty) is the page's <h1>: a
 * side equal to it is the headline. */
static ng_hstr cut_site(ng_hstr t, ng_hstr site, ng_hstr h1) {
  static const struct {
    const char *s;
    bool strong;
  } seps[] = {{" | ", true},  {" :: ", true}, {" \xc2\xb7 ", true},
              {" \xc2\xbb ", true}, {" \xc2\xab ", true}, {" - ", false},
              {" \xe2\x80\x93 ", false}, {" \xe2\x80\x94 ", false}};
  for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
    size_t sl = strlen(seps[k].s);
    /* Last occurrence for "Headline | Section | Site". */
    const char *p = NULL;
    for (const char *q = t.s; (q = find_sub(q, t.n - (size_t)(q - t.s), seps[k].s, sl));
         q += sl)
      p = q;
    if (!p) continue;
    ng_hstr a = trim((ng_hstr){t.s, (size_t)(p - t.s)});
    ng_hstr b = trim((ng_hstr){p + sl, t.n - (size_t)(p - t.s) - sl});
    if (!a.n || !b.n) continue;
    if (h1.n && ieq_n(a.s, a.n, h1.s, h1.n)) return a;
    if (h1.n && ieq_n(b.s, b.n, h1.s, h1.n)) return b;
    if (site.n && (ieq_n(b.s, b.n, site.s, site.n) || find_sub(b.s, b.n, site.s, site.n)))
      return cut_site(a, site, h1);
    if (site.n && (ieq_n(a.s, a.n, site.s, site.n) || find_sub(a.s, a.n, site.s, site.n)))
      return cut_site(b, site, h1);
    if (seps[k].strong) return a.n >= b.n ? a : b;
  }
  return t;
}

/* The headline: JSON-LD headline, og:title, the first <h1>, <title>, with
 * the site name cut off. An <h1> that is only the site's name (a blog
 * header) is not the headline when <title> has a longer side. */
static ng_hstr pick_title(const ng_hmeta *m) {
  ng_hstr site = m->v[NG_M_OG_SITE];
  if (!site.n) site = m->v[NG_M_LD_SITE];
  ng_hstr h1 = trim(m->v[NG_M_H1]);
  ng_hstr tag = trim(m->v[NG_M_TITLE_TAG]);
  ng_hstr t = trim(m->v[NG_M_LD_HEADLINE]);
  if (!t.n) t = trim(m->v[NG_M_OG_TITLE]);
  if (t.n) {
    if (h1.n && h1.n < t.n && find_sub(t.s, t.n, h1.s, h1.n)) return h1;
    return cut_site(t, site, h1);
  }
  if (h1.n) {
    if (!tag.n || find_sub(tag.s, tag.n, h1.s, h1.n) == tag.s) {
      /* <title> starts with the <h1>, or there is no <title>. */
      ng_hstr c = tag.n ? cut_site(tag, site, h1) : h1;
      return c.n >= h1.n ? h1 : c;
    }
    ng_hstr none = {NULL, 0};
    ng_hstr c = cut_site(tag, site, none);
    /* The <h1> was one side of <title> and the other side was kept: the
     * <h1> named the site. */
    if (c.n && !ieq_n(c.s, c.n, tag.s, tag.n) && !find_sub(c.s, c.n, h1.s, h1.n) &&
        find_sub(tag.s, tag.n, h1.s, h1.n))
      return c;
    return h1;
  }
  return cut_site(tag, site, h1);
}

static bool is_article_type(const ng_hmeta *m) {
  ng_hstr og = m->v[NG_M_OG_TYPE];
  if (og.n && !starts_ci(og.s, og.n, "website")) return true;
  return m->v[NG_M_LD_TYPE].n > 0;
}

/* Sets a field from page text: character references the parser left in
 * it decoded (JSON-LD, twice-escaped meta tags), invalid UTF-8 replaced,
 * white space collapsed (attribute values keep their line breaks). */
static int set(ng_article *a, ng_field f, ng_hstr v) {
  if (!v.n) return NG_OK;
  if (v.n > 4096) v.n = 4096;
  ng_buf r = NG_BUF_INIT, b = NG_BUF_INIT;
  r.alc = b.alc = a->arena.alc;
  int rc = ng_html_decode_refs(&r, v.s, v.n);
  if (!rc) rc = ng_charset_to_utf8(&b, r.ptr ? r.ptr : "", r.len, "UTF-8", NULL);
  ng_buf_dispose(&r);
  if (!rc) {
    size_t w = 0;
    bool sp = false;
    for (size_t i = 0; i < b.len; i++) {
      char c = b.ptr[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        sp = w > 0;
        continue;
      }
      if (sp) b.ptr[w++] = ' ';
      sp = false;
      b.ptr[w++] = c;
    }
    rc = ng_article_set_field(a, f, b.ptr, w);
  }
  ng_buf_dispose(&b);
  return rc;
}

static int set_date(ng_article *a, ng_field f, const ng_hstr *cands, size_t n,
                    const char *bound) {
  char d[48], first[48];
  size_t first_l = 0;
  for (size_t i = 0; i < n; i++) {
    if (!cands[i].n) continue;
    size_t l = ng_html_date(d, sizeof d, cands[i].s, cands[i].n);
    if (!l) continue;
    if (!first_l) {
      memcpy(first, d, l + 1);
      first_l = l;
    }
    if (bound && bound[0] && memcmp(d, bound, 10) > 0) continue;
    return ng_article_set_field(a, f, d, l);
  }
  /* Every candidate is later than the bound: then the bound is what is
   * wrong (an "updated" time of a sidebar item, a page template's own
   * date), not every publication date the page gives. The first one
   * (extraction-dev: 11 of these 12 equal the gold date). */
  if (first_l) return ng_article_set_field(a, f, first, first_l);
  return NG_OK;
}

/* A date in the URL path: /2019/03/04/ or /2019-03-04. */
static ng_hstr url_date(const char *u, char *buf, size_t cap) {
  ng_hstr r = {NULL, 0};
  if (!u) return r;
  size_t n = strlen(u);
  for (size_t i = 0; i + 10 <= n; i++) {
    if (u[i] != '/') continue;
    const char *s = u + i + 1;
    size_t left = n - i - 1;
    if (left >= 10 && s[4] == '/' && s[7] == '/' && cap >= 11) {
      memcpy(buf, s, 10);
      buf[4] = buf[7] = '-';
      buf[10] = '\0';
      char tmp[48];
      if (ng_html_date(tmp, sizeof tmp, buf, 10)) {
        r.s = buf;
        r.n = 10;
        return r;
      }
    }
  }
  return r;
}

static int set_metadata(ng_article *a, const ng_hmeta *m,
                        const ng_extract_options *opts, ng_hstr title) {
  int rc = NG_OK;
  rc |= set(a, NG_FIELD_TITLE, title);
  ng_hstr au = m->v[NG_M_LD_AUTHOR];
  if (!au.n) au = m->v[NG_M_META_AUTHOR];
  if (!au.n) {
    au = m->v[NG_M_BYLINE];
    /* "By Jane Doe", "Von Max Muster" */
    static const char *const pre[] = {"by ", "von ", "par ", "por ", "di ", "door "};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
      if (starts_ci(au.s ? au.s : "", au.n, pre[i])) {
        size_t l = strlen(pre[i]);
        au.s += l;
        au.n -= l;
        break;
      }
    if (au.n > 80) au.n = 0;
  }
  rc |= set(a, NG_FIELD_AUTHOR, au);
  char ubuf[16];
  const char *url = opts->url;
  ng_hstr canon = m->v[NG_M_CANONICAL];
  if (!canon.n) canon = m->v[NG_M_OG_URL];
  ng_hstr ud = url_date(url, ubuf, sizeof ubuf);
  char ubuf2[16];
  if (!ud.n && canon.n) {
    char tmp[512];
    size_t l = canon.n < sizeof tmp - 1 ? canon.n : sizeof tmp - 1;
    memcpy(tmp, canon.s, l);
    tmp[l] = '\0';
    ud = url_date(tmp, ubuf2, sizeof ubuf2);
  }
  /* Published: never later than the page's latest modification. */
  char bound[48] = "";
  ng_hstr mods[2] = {m->v[NG_M_LD_MODIFIED], m->v[NG_M_META_MODIFIED]};
  for (size_t i = 0; i < 2; i++) {
    char d[48];
    if (mods[i].n && ng_html_date(d, sizeof d, mods[i].s, mods[i].n) &&
        memcmp(d, bound, 10) > 0)
      memcpy(bound, d, 11);
  }
  if (!bound[0]) memcpy(bound, m->latest, sizeof m->latest);
  ng_hstr pub[5] = {m->v[NG_M_LD_PUBLISHED], m->v[NG_M_META_PUBLISHED],
                    m->v[NG_M_TIME], ud, m->v[NG_M_TEXT_DATE]};
  rc |= set_date(a, NG_FIELD_DATE, pub, 5, bound);
  rc |= set_date(a, NG_FIELD_MODIFIED, mods, 2, NULL);
  ng_hstr site = m->v[NG_M_OG_SITE];
  if (!site.n) site = m->v[NG_M_LD_SITE];
  rc |= set(a, NG_FIELD_SITE, site);
  if (canon.n && (starts_ci(canon.s, canon.n, "http://") ||
                  starts_ci(canon.s, canon.n, "https://")))
    rc |= set(a, NG_FIELD_URL, canon);
  else if (url)
    rc |= ng_article_set_field(a, NG_FIELD_URL, url, strlen(url));
  rc |= set(a, NG_FIELD_DESCRIPTION, m->v[NG_M_DESCRIPTION]);
  return rc ? NG_ENOMEM : NG_OK;
}

static ng_lang meta_lang(const ng_hmeta *m) {
  ng_hstr l = m->v[NG_M_LANG];
  if (l.n < 2) return NG_LANG_UNKNOWN;
  size_t n = 2;
  if (l.n > 2 && l.s[2] != '-' && l.s[2] != '_') return NG_LANG_UNKNOWN;
  return ng_lang_from_code(l.s, n);
}

/* JSON-LD articleBody is used only when the page itself gave (almost)
 * nothing and the body is long plain text: some sites render the article
 * with scripts and ship the text only there. Text with markup in it is not
 * trusted. */
static bool use_ld_body(const ng_hverdict *v, ng_hstr ldb) {
  if (ldb.n < 400 || v->kept_chars >= 250 || ldb.n < 3 * v->kept_chars)
    return false;
  size_t tags = 0;
  for (size_t i = 0; i + 1 < ldb.n; i++)
    if (ldb.s[i] == '<' && ((ldb.s[i + 1] >= 'a' && ldb.s[i + 1] <= 'z') ||
                            ldb.s[i + 1] == '/'))
      tags++;
  return tags < 3;
}

/* Listing pages: little article text among many headline links, and the
 * page does not call itself an article. */
static bool is_listing(const ng_hverdict *v, const ng_hmeta *m) {
  if (is_article_type(m)) return false;
  return v->prose_blocks == 0 && v->teasers >= 10 &&
         v->teasers * 30 > v->kept_chars;
}

int ng_extract_html(ng_article *a, ng_ctx *ctx, const char *data, size_t len,
                    const ng_extract_options *opts, ng_error *err) {
  int rc = NG_OK;
  size_t max = opts->max_bytes ? opts->max_bytes : NG_DEFAULT_MAX_BYTES;
  if (len > max)
    return ng_fail(err, NG_ETOOBIG, "input larger than the size limit", max);
  if (len >= UINT32_MAX / 2)
    return ng_fail(err, NG_ETOOBIG, "input larger than 2 GiB", 0);
  /* Binary files show it in their first bytes; 8 KiB is enough. */
  size_t bad;
  if (ng_text_sniff_binary(data, len < 8192 ? len : 8192, &bad) &&
      !(len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE)))
    return ng_fail(err, NG_EBINARY, "input looks like a binary file", bad);

  ng_buf utf8 = NG_BUF_INIT, body = NG_BUF_INIT;
  utf8.alc = body.alc = &ctx->alc;
  ng_html *tree = NULL;
  ng_hwalk w;
  ng_hwalk_init(&w, &ctx->alc, &a->arena);
  ng_vec blocks;
  ng_vec_init(&blocks, sizeof(ng_block_in), &ctx->alc);

  char cs[64];
  size_t bom;
  ng_charset_source src = ng_charset_detect(cs, sizeof cs, data, len, opts->charset, &bom);
  if (src == NG_CHARSET_UTF8_VALID) /* validated by the detection */
    rc = ng_buf_put(&utf8, data, len) ? ng_fail(err, NG_ENOMEM, "out of memory", 0) : NG_OK;
  else
    rc = ng_charset_to_utf8(&utf8, data + bom, len - bom, cs, err);
  if (rc == NG_EENCODING && src != NG_CHARSET_CALLER) {
    rc = ng_charset_to_utf8(&utf8, data + bom, len - bom, "WINDOWS-1252", err);
  }
  if (rc) goto done;
  NG_TRY(ng_html_parse(&tree, ctx, utf8.ptr ? utf8.ptr : "", utf8.len, NULL, err));
  if ((rc = ng_html_blocks(&w, tree))) {
    rc = ng_fail(err, rc, "out of memory", 0);
    goto done;
  }
  ng_hverdict v;
  ng_html_score(&v, &w);
  ng_hstr title = pick_title(&w.meta);
  NG_CHECK_ALLOC(set_metadata(a, &w.meta, opts, title) == NG_OK);
  ng_lang lang = opts->lang != NG_LANG_UNKNOWN ? opts->lang : meta_lang(&w.meta);

  if (is_listing(&v, &w.meta)) {
    a->type = NG_PAGE_LISTING;
    a->lang = lang;
    goto done;
  }
  a->type = NG_PAGE_ARTICLE;
  /* Body text: title, then the kept blocks, separated by blank lines. */
  ng_span tspan = {0, 0};
  size_t tl;
  const char *t = ng_article_field(a, NG_FIELD_TITLE, &tl);
  if (t) {
    NG_CHECK_ALLOC(ng_buf_put(&body, t, tl) == NG_OK);
    tspan.len = tl;
  }
  const ng_hblock *hb = w.blocks.ptr;
  ng_hstr ldb = w.meta.v[NG_M_LD_BODY];
  if (use_ld_body(&v, ldb)) {
    /* The page's own JSON-LD articleBody, one paragraph per line. */
    size_t start = 0;
    for (size_t i = 0; i <= ldb.n; i++) {
      if (i < ldb.n && ldb.s[i] != '\n') continue;
      size_t b0 = start, e0 = i;
      while (b0 < e0 && (ldb.s[b0] == ' ' || ldb.s[b0] == '\t' || ldb.s[b0] == '\r')) b0++;
      while (e0 > b0 && (ldb.s[e0 - 1] == ' ' || ldb.s[e0 - 1] == '\t' || ldb.s[e0 - 1] == '\r')) e0--;
      start = i + 1;
      if (e0 == b0) continue;
      if (body.len) NG_CHECK_ALLOC(ng_buf_put(&body, "\n\n", 2) == NG_OK);
      size_t at = body.len;
      NG_TRY(ng_charset_to_utf8(&body, ldb.s + b0, e0 - b0, "UTF-8", err));
      ng_block_in b = {at, body.len - at, NG_BLOCK_PARAGRAPH, 0, false};
      NG_CHECK_ALLOC(ng_vec_push(&blocks, &b) == NG_OK);
    }
  }
  for (size_t i = 0; i < w.blocks.len && !use_ld_body(&v, ldb); i++) {
    if (!hb[i].keep) continue;
    const char *s = w.text.ptr + hb[i].off;
    size_t sl = hb[i].len;
    /* The headline again at the top of the body. (Further down, as a
     * heading below a picture, it stays: summaries pass over headings.) */
    if (t && sl == tl && memcmp(s, t, tl) == 0 && blocks.len == 0) continue;
    /* A cue glued to the block's first sentence ("Scroll down for video
     * Bosses in ..."): the block starts after it. */
    size_t skip = ng_furniture_lead_cue(s, sl);
    if (skip == sl) continue;
    s += skip;
    sl -= skip;
    if (body.len) NG_CHECK_ALLOC(ng_buf_put(&body, "\n\n", 2) == NG_OK);
    /* Decoded character references can be lone surrogates and the like:
     * each block is copied with invalid sequences replaced. */
    size_t at = body.len;
    NG_TRY(ng_charset_to_utf8(&body, s, sl, "UTF-8", err));
    ng_block_in b = {at, body.len - at, hb[i].kind, hb[i].level, false};
    NG_CHECK_ALLOC(ng_vec_push(&blocks, &b) == NG_OK);
  }
  if (blocks.len == 0) {
    rc = ng_fail(err, NG_EEMPTY, "no article text found in the page", 0);
    goto done;
  }
  NG_TRY(ng_doc_build(&a->doc, ctx, body.ptr, body.len, blocks.ptr, blocks.len,
                      tspan, NULL, 0, lang,
                      (opts->flags & NG_EXTRACT_BODY_ONLY) ? NG_BUILD_PARAS_ONLY : 0,
                      err));
  /* The title before the body is not part of the article's "text". */
  a->doc->body_off = ((const ng_block_in *)blocks.ptr)[0].off;
  /* Furniture sentences inside kept blocks ("Read more: <headline>" at
   * the end of a paragraph) are never summarized. */
  ng_furniture_mark_sentences(a->doc);
  a->lang = a->doc->lang;
done:
  ng_vec_dispose(&blocks);
  ng_hwalk_dispose(&w);
  ng_html_free(tree);
  ng_buf_dispose(&utf8);
  ng_buf_dispose(&body);
  return rc;
}

/* html_score.c - which blocks are the article.
 *
 * 1. Local score (Readability's idea): every block of >= 25 code points
 *    scores 1 + commas + min(length / 100, 3), times (1 - link density),
 *    and gives it to its container, half to the parent and a sixth to the
 *    grandparent. Containers start from their tag and their class/id/role
 *    semantics; the total is scaled by (1 - the container's link density).
 * 2. Net prose: every element also sums, over the blocks below it, prose
 *    text minus link text, minus text in strongly negative elements (nav,
 *    comments, share bars, cookie notices) and a little for short lines.
 *    The element with the most net prose beats the best local score when
 *    it has more (an article split into sections, a lead in its own box),
 *    and the choice climbs while the parent has clearly more; a paragraph
 *    or list item that wins alone stands for its parent container.
 * 3. Siblings of the choice join when they score close to it or are prose
 *    (a paragraph, or a section with much net prose and few links); a
 *    wrapper with the same text stands for the choice, so the sections
 *    of an article split below one wrapper are siblings.
 * 4. Inside the chosen containers a block is dropped when it sits in a
 *    negative sub-container or a teaser list (3+ items under linked
 *    headlines, short excerpts), is mostly link text, a furniture phrase, a
 *    line whose opening words are furniture ("Read more: ...", "Photo:
 *    ...", "Sign up to our ..."), a consent / newsletter notice or a bare
 *    date; prose right before, between and after the containers joins;
 *    headings of emptied sections and short labels after the last
 *    sentence go.
 * 5. The page is a listing when no prose survives and many headline links
 *    (teasers) surround it, unless the page says it is an article.
 * The constants below are the tuning knobs (-D to experiment). */
#include "html.h"

#include "furniture.h"

#include <string.h>

#ifndef TAIL_WORDS
#define TAIL_WORDS 3
#endif
#ifndef NET_NEG
#define NET_NEG 1.0f
#endif
#ifndef NET_SHORT
#define NET_SHORT 0.2f
#endif
#ifndef NET_LINK
#define NET_LINK 2.0f
#endif
#ifndef PRUNE_ON
#define PRUNE_ON 1
#endif
#ifndef PRUNE
#define PRUNE (-20.0f)
#endif
#ifndef SIBLINGS
#define SIBLINGS 1
#endif
#ifndef LEAD_SKIPS
#define LEAD_SKIPS 4
#endif
#ifndef LEAD_SKIP_WORDS
#define LEAD_SKIP_WORDS 25
#endif
#ifndef LD_MAX
#define LD_MAX 0.5f
#endif
#ifndef BOX_POS
#define BOX_POS 1
#endif
#ifndef LEAD_NEG
#define LEAD_NEG 15
#endif
#ifndef WRAP_CLIMB
#define WRAP_CLIMB 1
#endif
#ifndef NET_SIB
#define NET_SIB 300
#endif
#ifndef SIB_LD
#define SIB_LD 0.25f
#endif
#ifndef HEAD_BOX_WORDS
#define HEAD_BOX_WORDS 10
#endif
#ifndef TEASER_LIST
#define TEASER_LIST 1
#endif
#ifndef TEASER_CHARS
#define TEASER_CHARS 500
#endif
#ifndef LEAD_BOX_SKIPS
#define LEAD_BOX_SKIPS 24
#endif
#ifndef TAIL_LIST
#define TAIL_LIST 1
#endif
#ifndef BLOCK_UP
#define BLOCK_UP 1
#endif
#ifndef PROMOTE
#define PROMOTE 1.4f
#endif

static ng_helem *E(ng_hwalk *w, uint32_t i) { return ng_vec_at(&w->elems, i); }

static bool container_tag(uint16_t t) {
  return t == NG_TAG_DIV || t == NG_TAG_TD || t == NG_TAG_ARTICLE ||
         t == NG_TAG_SECTION || t == NG_TAG_MAIN || t == NG_TAG_BODY ||
         t == NG_TAG_CENTER || t == NG_TAG_FORM;
}

static float tag_base(uint16_t t) {
  switch (t) {
  case NG_TAG_DIV: case NG_TAG_ARTICLE: case NG_TAG_MAIN: return 5;
  case NG_TAG_SECTION: return 3;
  case NG_TAG_PRE: case NG_TAG_TD: case NG_TAG_BLOCKQUOTE: return 3;
  case NG_TAG_ADDRESS: case NG_TAG_OL: case NG_TAG_UL: case NG_TAG_DL:
  case NG_TAG_DD: case NG_TAG_DT: case NG_TAG_LI: case NG_TAG_FORM:
    return -3;
  case NG_TAG_H1: case NG_TAG_H2: case NG_TAG_H3: case NG_TAG_H4:
  case NG_TAG_H5: case NG_TAG_H6: case NG_TAG_TH:
    return -5;
  default: return 0;
  }
}

static float class_weight(uint16_t flags, uint16_t tag) {
  float wgt = 0;
  if (flags & NG_EL_POSITIVE) wgt += 25;
  if (flags & NG_EL_NEGATIVE) wgt -= 25;
  if (tag == NG_TAG_ARTICLE || tag == NG_TAG_MAIN) wgt += 10;
  return wgt;
}

static unsigned commas(const char *s, size_t n) {
  unsigned c = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] == ',') c++;
    else if ((unsigned char)s[i] == 0xEF && i + 2 < n &&
             (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x8C)
      c++; /* fullwidth comma */
    else if ((unsigned char)s[i] == 0xE3 && i + 2 < n &&
             (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x81)
      c++; /* ideographic comma */
  return c;
}

/* Is block b inside a strongly negative element? */
static bool in_strong_neg(ng_hwalk *w, const ng_hblock *b) {
  uint32_t n = E(w, b->elem)->neg;
  while (n != NG_NONE) {
    ng_helem *e = E(w, n);
    if (e->flags & NG_EL_STRONG_NEG) return true;
    /* The next negative ancestor above. */
    n = e->parent != NG_NONE ? E(w, e->parent)->neg : NG_NONE;
  }
  return false;
}

static void touch(ng_hwalk *w, uint32_t i, uint8_t *seen) {
  if (seen[i]) return;
  seen[i] = 1;
  ng_helem *e = E(w, i);
  e->score = tag_base(e->tag) + class_weight(e->flags, e->tag);
}

static float link_density(const ng_helem *e) {
  return e->chars ? (float)e->link_chars / (float)e->chars : 0;
}

/* Is there a negative element between block element `x` and container `ci`
 * (exclusive)? Elements are in pre-order, so "below ci" is an index range. */
static bool neg_between(ng_hwalk *w, uint32_t ci, uint32_t x) {
  const ng_helem *c = E(w, ci);
  for (uint32_t n = E(w, x)->neg; n != NG_NONE && n > ci && n <= c->end;) {
    const ng_helem *e = E(w, n);
    if (e->flags & NG_EL_STRONG_NEG) return true;
    if (e->chars < 200 || e->link_chars * 2 > e->chars) return true;
    n = e->parent != NG_NONE ? E(w, e->parent)->neg : NG_NONE;
  }
  return false;
}

/* A server's error message printed into the page: "Warning: mysql_...()
 * ... in /www/.../file.php on line 12". */
static bool server_message(const char *s, size_t n) {
  static const char *const pre[] = {"Warning:", "Deprecated:", "Notice:",
                                    "Fatal error:", "Strict Standards:", "Parse error:"};
  if (n < 8 || !memchr("WDNFSP", s[0], 6)) return false;
  for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) {
    size_t l = strlen(pre[k]);
    if (n > l && memcmp(s, pre[k], l) == 0) {
      for (size_t i = l; i + 4 <= n; i++)
        if (memcmp(s + i, ".php", 4) == 0) return true;
      return false;
    }
  }
  return false;
}

static bool keep_block(ng_hwalk *w, const ng_hblock *b) {
  const char *s = w->text.ptr + b->off;
  /* Cheapest checks first: link text, dates, then the lexicon. */
  float ld = b->chars ? (float)b->link_chars / (float)b->chars : 0;
  if (ld > LD_MAX) return false;
  if (ld > 0.25f && b->words < 8 && b->kind != NG_BLOCK_HEADING) return false;
  char d[48];
  if (b->words <= 4 && ng_html_date(d, sizeof d, s, b->len)) return false;
  if (b->words <= 5 && b->kind != NG_BLOCK_TABLE_ROW &&
      b->kind != NG_BLOCK_LIST_ITEM && b->kind != NG_BLOCK_HEADING) {
    /* Datelines and time stamps: "12.12.2022, 08:30 Uhr", "19:49". */
    size_t digits = 0;
    for (size_t i = 0; i < b->len; i++)
      if (s[i] >= '0' && s[i] <= '9') digits++;
    if (digits * 10 >= (size_t)b->chars * 3) return false;
  }
  if (ng_furniture_is_symbols(s, b->len)) return false;
  if (server_message(s, b->len)) return false;
  if (b->words <= 12 && ng_furniture_is_phrase(s, b->len)) return false;
  /* "Read more: <headline>", "Sign up to our newsletter ...", "Foto: dpa" */
  if (b->words <= 40 && ng_furniture_opens(s, b->len)) return false;
  if (b->words < 60 && ng_furniture_has_cue(s, b->len)) return false;
  return true;
}

void ng_html_score(ng_hverdict *out, ng_hwalk *w) {
  memset(out, 0, sizeof *out);
  size_t ne = w->elems.len, nb = w->blocks.len;
  ng_hblock *bl = w->blocks.ptr;
  out->main = w->body != NG_NONE ? w->body : 0;
  if (ne == 0) return;
  /* `seen` marks scored containers; one byte per element, on the text
   * buffer's allocator (scratch, freed below). */
  uint8_t *seen = ng_mem_alloc(w->elems.alc, ne);
  if (!seen) return;
  memset(seen, 0, ne);
  for (size_t i = 0; i < ne; i++) E(w, (uint32_t)i)->score = 0;

  for (size_t i = 0; i < nb; i++) {
    const ng_hblock *b = &bl[i];
    if (b->chars < 25) continue;
    if (in_strong_neg(w, b)) continue;
    float ld = (float)b->link_chars / (float)b->chars;
    float s = 1 + (float)commas(w->text.ptr + b->off, b->len) +
              (float)(b->chars / 100 < 3 ? b->chars / 100 : 3);
    s *= 1 - ld;
    uint32_t c = b->elem;
    if (!container_tag(E(w, c)->tag) && E(w, c)->parent != NG_NONE)
      c = E(w, c)->parent;
    static const float div[3] = {1, 2, 6};
    for (int lvl = 0; lvl < 3 && c != NG_NONE; lvl++) {
      touch(w, c, seen);
      E(w, c)->score += s / div[lvl];
      c = E(w, c)->parent;
    }
  }
  uint32_t best = NG_NONE;
  float best_s = 0;
  for (size_t i = 0; i < ne; i++) {
    if (!seen[i]) continue;
    ng_helem *e = E(w, (uint32_t)i);
    e->score *= 1 - link_density(e);
    if (best == NG_NONE || e->score > best_s) {
      best = (uint32_t)i;
      best_s = e->score;
    }
  }
  if (best == NG_NONE) best = out->main;
  /* Promotion: an article split into sibling sections ("intro", "table",
   * "tips") scores best in one section. Climb while the parent's net prose
   * is larger: prose text (weighted by 1 - link density) minus link text,
   * text in strongly negative elements and, a little, short lines. */
  float *net = ng_mem_alloc(w->elems.alc, ne * sizeof *net);
  if (net) {
    memset(net, 0, ne * sizeof *net);
    for (size_t i = 0; i < nb; i++) {
      const ng_hblock *b = &bl[i];
      float c = (float)b->chars, l = (float)b->link_chars;
      if (in_strong_neg(w, b)) net[b->elem] -= NET_NEG * c;
      else if (b->chars < 25) net[b->elem] -= NET_SHORT * c + l;
      else net[b->elem] += c - NET_LINK * l;
    }
    /* Children come after their parent in pre-order: sum backwards. */
    for (size_t i = ne; i-- > 1;) {
      uint32_t p = E(w, (uint32_t)i)->parent;
      if (p != NG_NONE) net[p] += net[i];
    }
    /* The element with the most net prose on the page wins over the best
     * local score when it has more: articles split into sections. */
    {
      uint32_t g = best;
      for (size_t i = 0; i < ne; i++) {
        uint16_t t = E(w, (uint32_t)i)->tag;
        if (t == NG_TAG_HTML) continue;
        if (net[i] > net[g] * PROMOTE) g = (uint32_t)i;
      }
      best = g;
    }
    for (;;) {
      uint32_t p = E(w, best)->parent;
      if (p == NG_NONE || E(w, p)->tag == NG_TAG_HTML) break;
      if (net[p] <= net[best] * PROMOTE) break;
      best = p;
    }
  }
#if BLOCK_UP
  /* The choice is a container: a paragraph or list item that won on its
   * own (a short post with one long paragraph) stands for its parent. */
  while (!container_tag(E(w, best)->tag) && E(w, best)->parent != NG_NONE &&
         E(w, E(w, best)->parent)->tag != NG_TAG_HTML)
    best = E(w, best)->parent;
#endif
#if WRAP_CLIMB
  /* A wrapper holding exactly the same text is the same container; its
   * siblings are the ones to look at (an article split into sibling
   * sections below one wrapper). */
  for (;;) {
    uint32_t up = E(w, best)->parent;
    if (up == NG_NONE || E(w, up)->tag == NG_TAG_HTML || E(w, up)->tag == NG_TAG_BODY ||
        E(w, up)->chars != E(w, best)->chars)
      break;
    best = up;
  }
#endif
  /* Siblings that belong to the article too. */
  uint8_t *take = seen; /* reuse: 2 = included container */
  take[best] = 2;
  uint32_t p = E(w, best)->parent;
  if (p != NG_NONE) {
    float thr = best_s * 0.2f > 10 ? best_s * 0.2f : 10;
    for (uint32_t c = p + 1; c <= E(w, p)->end; c = E(w, c)->end + 1) {
      if (c == best) continue;
      ng_helem *e = E(w, c);
      bool add = seen[c] == 1 && e->score >= thr;
      if (!add && !(e->flags & NG_EL_NEGATIVE) && e->chars > 0) {
        /* A paragraph next to the article body. */
        float ld = link_density(e);
        if (e->tag == NG_TAG_P || e->tag == NG_TAG_BLOCKQUOTE ||
            e->tag == NG_TAG_UL || e->tag == NG_TAG_OL ||
            (e->tag >= NG_TAG_H2 && e->tag <= NG_TAG_H6))
          add = (e->chars > 80 && ld < 0.25f) || (e->chars > 0 && ld == 0 && e->tag != NG_TAG_P);
      }
#if NET_SIB
      /* A section of prose next to the article body: much net prose and
       * little link text. */
      if (!add && net && !(e->flags & NG_EL_NEGATIVE) && net[c] >= NET_SIB &&
          link_density(e) < SIB_LD)
        add = true;
#endif
      if (add && SIBLINGS) take[c] = 2;
    }
  }
  out->main = best;
#if TEASER_LIST
  /* Teaser lists inside the container ("more from the blog"): three or
   * more items, each under a linked headline, with short excerpts. The
   * item is the <li>/<article> around the headline, else its parent; the
   * list is the item's parent. tcount is scratch, one per element. */
  uint16_t *tcount = ng_mem_alloc(w->elems.alc, ne * sizeof *tcount);
  if (tcount) {
    memset(tcount, 0, ne * sizeof *tcount);
    for (size_t i = 0; i < nb; i++) {
      const ng_hblock *b = &bl[i];
      if (b->kind != NG_BLOCK_HEADING || b->words < 2 || b->link_chars * 2 <= b->chars)
        continue;
      uint32_t item = E(w, b->elem)->parent;
      for (uint32_t x = item, up = 0; x != NG_NONE && up < 3; x = E(w, x)->parent, up++)
        if (E(w, x)->tag == NG_TAG_LI || E(w, x)->tag == NG_TAG_ARTICLE) {
          item = x;
          break;
        }
      if (item == NG_NONE || E(w, item)->parent == NG_NONE) continue;
      uint32_t list = E(w, item)->parent;
      if (tcount[list] < UINT16_MAX) tcount[list]++;
    }
  }
#endif
  size_t kept = 0, teasers = 0;
  for (size_t i = 0; i < nb; i++) {
    ng_hblock *b = &bl[i];
    b->keep = 0;
    b->why = NG_DROP_OUTSIDE;
    float ld = b->chars ? (float)b->link_chars / (float)b->chars : 0;
    if (ld >= 0.5f && b->words >= 4) teasers++;
    /* The container holding this block among the taken ones: walk up from
     * the block to the first taken element (bounded by the tree depth). */
    uint32_t c = b->elem;
    while (c != NG_NONE && take[c] != 2) c = E(w, c)->parent;
    if (c == NG_NONE) continue;
    b->why = NG_DROP_NEGATIVE;
    if (neg_between(w, c, b->elem)) continue;
#if TEASER_LIST
    bool teaser_list = false;
    for (uint32_t x = b->elem; tcount && x != c && x != NG_NONE; x = E(w, x)->parent)
      if (tcount[x] >= 3 && E(w, x)->chars < TEASER_CHARS * tcount[x] &&
          E(w, x)->chars * 10 < E(w, best)->chars * 7) /* not the article itself */
        teaser_list = true;
    if (teaser_list) continue;
#endif
#if PRUNE_ON
    /* A box of more boilerplate than prose inside the article (link
     * lists, address boxes, teaser strips), found by its net prose. A
     * <p> of short lines split by <br> is text, not a box. */
    bool boxed = false;
    for (uint32_t x = b->elem; net && x != c && x != NG_NONE; x = E(w, x)->parent)
      if (E(w, x)->nblocks >= 2 && net[x] < PRUNE && E(w, x)->tag != NG_TAG_P &&
          !(BOX_POS && (E(w, x)->flags & NG_EL_HAS_POS)))
        boxed = true;
    if (boxed) continue;
#endif
    b->why = NG_DROP_FURNITURE;
    if (!keep_block(w, b)) continue;
    b->keep = 1;
    b->why = NG_DROP_NONE;
    kept += b->chars;
  }
  /* The article around the container: prose right before it (a lead in
   * its own header box), between its pieces, and right after it. */
  size_t first = nb, last = nb;
  for (size_t i = 0; i < nb; i++)
    if (bl[i].keep) {
      if (first == nb) first = i;
      last = i;
    }
  if (first < nb) {
    for (size_t i = first + 1; i < last; i++) {
      ng_hblock *b = &bl[i];
      if (b->keep || b->why != NG_DROP_OUTSIDE || in_strong_neg(w, b)) continue;
      if (b->link_chars * 10 > b->chars * 3 || !keep_block(w, b)) continue;
      b->keep = 1;
      b->why = NG_DROP_NONE;
      kept += b->chars;
    }
    unsigned skipped = 0, boxed_skips = 0;
    for (size_t i = first; i-- > 0 && skipped <= LEAD_SKIPS;) {
      ng_hblock *b = &bl[i];
      if (b->keep) continue;
      /* Short blocks of the container that sat in a negative box there
       * (a caption above the text) stay out; a longer one is a lead in a
       * header box. */
      bool strong = in_strong_neg(w, b);
      bool ok = !(b->why == NG_DROP_NEGATIVE && b->words < LEAD_NEG) && !strong &&
                b->link_chars * 10 <= b->chars &&
                keep_block(w, b) &&
                (b->words >= 8 || b->kind == NG_BLOCK_HEADING);
      if (!ok) {
        /* A box of furniture (share bar, "read also" aside) between the
         * headline and the text is passed over, up to a point; other
         * prose that is not the article ends the search. */
        if (strong && LEAD_BOX_SKIPS && ++boxed_skips <= LEAD_BOX_SKIPS) continue;
        if (b->words > LEAD_SKIP_WORDS) break;
        skipped++;
        continue;
      }
      b->keep = 1;
      b->why = NG_DROP_NONE;
      kept += b->chars;
    }
    for (size_t i = last + 1; i < nb; i++) {
      ng_hblock *b = &bl[i];
      if (b->keep) continue;
      ng_line_shape sh;
      ng_line_shape_of(&sh, w->text.ptr + b->off, b->len);
      bool ok = E(w, b->elem)->neg == NG_NONE && b->link_chars * 5 <= b->chars &&
                sh.prose && sh.terminal && b->words >= 10 && keep_block(w, b);
      if (!ok) break;
      b->keep = 1;
      b->why = NG_DROP_NONE;
      kept += b->chars;
    }
  }
  /* A heading whose section lost all its blocks titled a box of links
   * ("Related", "Schon gelesen?"): it goes too. */
  for (size_t i = 0; i < nb; i++) {
    if (!bl[i].keep || bl[i].kind != NG_BLOCK_HEADING) continue;
    size_t j = i + 1;
    bool any = false, dropped = false;
    for (; j < nb && bl[j].kind != NG_BLOCK_HEADING; j++) {
      if (bl[j].keep) any = true;
      else dropped = true;
    }
    bool at_end = j >= nb;
#ifdef HEAD_PROSE
    bool prose_in = false;
    for (size_t k = i + 1; k < j; k++)
      if (bl[k].keep && bl[k].words >= HEAD_PROSE) prose_in = true;
    if (any && !prose_in) any = false, dropped = true;
#endif
    /* A long heading is prose set as a heading, not a box title. */
    if (!any && (dropped || at_end) && bl[i].words <= HEAD_BOX_WORDS) {
      bl[i].keep = 0;
      bl[i].why = NG_DROP_HEADING;
      kept -= bl[i].chars;
    }
  }
#ifdef TINY_WORDS
  for (size_t i = 0; i < nb; i++) {
    ng_hblock *b = &bl[i];
    if (!b->keep || b->words > TINY_WORDS || b->kind == NG_BLOCK_HEADING ||
        b->kind == NG_BLOCK_LIST_ITEM || b->kind == NG_BLOCK_TABLE_ROW)
      continue;
    ng_line_shape sh;
    ng_line_shape_of(&sh, w->text.ptr + b->off, b->len);
    if (sh.terminal) continue;
    b->keep = 0;
    b->why = NG_DROP_FURNITURE;
    kept -= b->chars;
  }
#endif
  /* The tail of the article: short lines after the last sentence of prose
   * are labels and links ("Permalink", "Kontakt:", "Themen: ..."). */
  for (size_t i = nb; i-- > 0;) {
    ng_hblock *b = &bl[i];
    if (!b->keep) continue;
    ng_line_shape sh;
    ng_line_shape_of(&sh, w->text.ptr + b->off, b->len);
    if (sh.prose || b->words > TAIL_WORDS) break;
#if TAIL_LIST
    /* A numbered item ("100. Ray Gillen") ends a list, not a label. */
    const char *t = w->text.ptr + b->off;
    size_t d = 0;
    while (d < b->len && t[d] >= '0' && t[d] <= '9') d++;
    if (d > 0 && d < b->len && (t[d] == '.' || t[d] == ')')) break;
#endif
    b->keep = 0;
    b->why = NG_DROP_FURNITURE;
    kept -= b->chars;
  }
  if (kept == 0) {
    /* Nothing survived: keep what is not furniture outside negative
     * elements, then anything that is not furniture. */
    for (int pass = 0; pass < 2 && kept == 0; pass++) {
      for (size_t i = 0; i < nb; i++) {
        ng_hblock *b = &bl[i];
        if (pass == 0 && E(w, b->elem)->neg != NG_NONE) continue;
        if (!keep_block(w, b)) continue;
        b->keep = 1;
        b->why = NG_DROP_NONE;
        kept += b->chars;
      }
    }
  }
  size_t prose = 0;
  for (size_t i = 0; i < nb; i++)
    if (bl[i].keep && bl[i].words >= 30 && bl[i].link_chars * 5 < bl[i].chars)
      prose++;
  out->kept_chars = kept;
  out->teasers = teasers;
  out->prose_blocks = prose;
  ng_mem_free(w->elems.alc, seen, ne);
#if TEASER_LIST
  if (tcount) ng_mem_free(w->elems.alc, tcount, ne * sizeof *tcount);
#endif
  if (net) ng_mem_free(w->elems.alc, net, ne * sizeof *net);
}

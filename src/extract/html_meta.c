/* html_meta.c - page metadata: what the page says about itself.
 *
 * Sources, strongest first: JSON-LD (schema.org Article and kin), OpenGraph
 * and other <meta> tags, <link rel=canonical>, <time datetime>, bylines
 * marked with itemprop/rel/class "author", the first <h1>, <title>. The
 * walk in html_blocks.c calls ng_html_meta_element for every element; the
 * choice between sources is made in html.c. */
#include "html.h"
#include "../text/ascii.h"

#include "../text/mem.h"

#include <jansson.h>
#include <string.h>




static void set_once(ng_hmeta *m, ng_meta_key k, const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' ||
               s[n - 1] == '\r'))
    n--;
  if (!n || m->v[k].n) return;
  m->v[k].s = s;
  m->v[k].n = n;
}

/* Like set_once, for strings that do not outlive their source (JSON). */
static int set_copy(ng_hmeta *m, ng_meta_key k, const char *s, size_t n) {
  if (!n || m->v[k].n) return NG_OK;
  char *p = ng_arena_strndup(m->arena, s, n);
  if (!p) return NG_ENOMEM;
  set_once(m, k, p, n);
  return NG_OK;
}

static void note_date(ng_hmeta *m, const char *s, size_t n) {
  char d[40];
  size_t l = ng_html_date(d, sizeof d, s, n);
  if (l >= 10 && memcmp(d, m->latest, 10) > 0) {
    memcpy(m->latest, d, 10);
    m->latest[10] = '\0';
  }
}

/* --- dates -------------------------------------------------------------- */

static bool digits(const char *s, size_t n, size_t at, size_t cnt, int *out) {
  if (at + cnt > n) return false;
  int v = 0;
  for (size_t i = at; i < at + cnt; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

static size_t put_date(char *dst, size_t cap, int y, int mo, int d) {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || cap < 11)
    return 0;
  dst[0] = (char)('0' + y / 1000);
  dst[1] = (char)('0' + y / 100 % 10);
  dst[2] = (char)('0' + y / 10 % 10);
  dst[3] = (char)('0' + y % 10);
  dst[4] = '-';
  dst[5] = (char)('0' + mo / 10);
  dst[6] = (char)('0' + mo % 10);
  dst[7] = '-';
  dst[8] = (char)('0' + d / 10);
  dst[9] = (char)('0' + d % 10);
  dst[10] = '\0';
  return 10;
}

size_t ng_html_date(char *dst, size_t cap, const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\n' || *s == '\t')) s++, n--;
  int y, mo, d;
  if (n >= 10 && digits(s, n, 0, 4, &y) && (s[4] == '-' || s[4] == '/') &&
      digits(s, n, 5, 2, &mo) && s[7] == s[4] && digits(s, n, 8, 2, &d)) {
    size_t l = put_date(dst, cap, y, mo, d);
    if (!l) return 0;
    /* Keep a well-formed time and zone: Thh:mm[:ss][.fff][Z|+hh:mm]. */
    int hh, mm, ss = 0;
    if (n >= 16 && (s[10] == 'T' || s[10] == ' ') && digits(s, n, 11, 2, &hh) &&
        s[13] == ':' && digits(s, n, 14, 2, &mm) && hh < 24 && mm < 60) {
      size_t i = 16;
      if (n >= 19 && s[16] == ':' && digits(s, n, 17, 2, &ss)) i = 19;
      while (i < n && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) i++;
      size_t zb = i, ze = i;
      int zh, zm;
      if (i < n && s[i] == 'Z') ze = i + 1;
      else if (i + 6 <= n && (s[i] == '+' || s[i] == '-') &&
               digits(s, n, i + 1, 2, &zh) && s[i + 3] == ':' &&
               digits(s, n, i + 4, 2, &zm))
        ze = i + 6;
      else if (i + 5 <= n && (s[i] == '+' || s[i] == '-') &&
               digits(s, n, i + 1, 4, &zh))
        ze = i + 5;
      if (cap < 40 || ss > 60) return l;
      char *p = dst + 10;
      p[0] = 'T';
      memcpy(p + 1, s + 11, 5);
      p[6] = ':';
      p[7] = (char)('0' + ss / 10);
      p[8] = (char)('0' + ss % 10);
      l = 19;
      if (ze > zb) {
        memcpy(dst + l, s + zb, ze - zb);
        l += ze - zb;
      }
      dst[l] = '\0';
    }
    return l;
  }
  /* 04.03.2019 */
  if (n >= 10 && digits(s, n, 0, 2, &d) && s[2] == '.' &&
      digits(s, n, 3, 2, &mo) && s[5] == '.' && digits(s, n, 6, 4, &y))
    return put_date(dst, cap, y, mo, d);
  /* 20190304 */
  if (n >= 8 && digits(s, n, 0, 4, &y) && digits(s, n, 4, 2, &mo) &&
      digits(s, n, 6, 2, &d) && (n == 8 || s[8] == 'T'))
    return put_date(dst, cap, y, mo, d);
  return 0;
}

static int month_of(const char *s, size_t n, size_t *used) {
  static const char *const names[] = {
      "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
      "september", "oktober", "november", "dezember", "january", "february",
      "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jänner", "maerz"};
  static const int month[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 3};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
    size_t l = strlen(names[k]);
    if (n >= l && ng_ascii_ieq(s, l, names[k])) {
      *used = l;
      return month[k];
    }
    /* Abbreviations: "Jan", "Oct." */
    if (l > 3 && n >= 3) {
      char ab[4] = {names[k][0], names[k][1], names[k][2], '\0'};
      bool letter_after = n > 3 && (s[3] | 32) >= 'a' && (s[3] | 32) <= 'z';
      if (ng_ascii_ieq(s, 3, ab) && !letter_after) {
        *used = n > 3 && s[3] == '.' ? 4 : 3;
        return month[k];
      }
    }
  }
  return 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

size_t ng_html_find_date(char *dst, size_t cap, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i && (is_digit(s[i - 1]) || ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z')))
      continue; /* start of a word or number only */
    char tmp[48];
    if (is_digit(s[i])) {
      if (ng_html_date(tmp, sizeof tmp, s + i, n - i) >= 10 && cap >= 11) {
        memcpy(dst, tmp, 10);
        dst[10] = '\0';
        return 10;
      }
      /* "26. Oktober 2023", "4 March 2019" */
      size_t j = i;
      int d = 0;
      while (j < n && is_digit(s[j]) && j - i < 2) d = d * 10 + (s[j++] - '0');
      if (j < n && s[j] == '.') j++;
      while (j < n && s[j] == ' ') j++;
      size_t used;
      int mo = month_of(s + j, n - j, &used);
      if (!mo) continue;
      j += used;
      while (j < n && (s[j] == ' ' || s[j] == ',')) j++;
      int y;
      if (digits(s, n, j, 4, &y) && put_date(dst, cap, y, mo, d)) return 10;
    } else {
      /* "March 4, 2019" */
      size_t used;
      int mo = month_of(s + i, n - i, &used);
      if (!mo) continue;
      size_t j = i + used;
      while (j < n && s[j] == ' ') j++;
      int d = 0;
      size_t k0 = j;
      while (j < n && is_digit(s[j]) && j - k0 < 2) d = d * 10 + (s[j++] - '0');
      if (j == k0) continue;
      while (j < n && ((s[j] | 32) == 's' || (s[j] | 32) == 't' || (s[j] | 32) == 'n' ||
                       (s[j] | 32) == 'd' || (s[j] | 32) == 'r' || (s[j] | 32) == 'h'))
        j++; /* 1st, 2nd, 3rd, 4th */
      while (j < n && (s[j] == ' ' || s[j] == ',')) j++;
      int y;
      if (digits(s, n, j, 4, &y) && put_date(dst, cap, y, mo, d)) return 10;
    }
  }
  return 0;
}

/* --- JSON-LD ------------------------------------------------------------ */

static bool article_type(const char *t) {
  static const char *const types[] = {
      "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
      "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
      "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle",
      "LiveBlogPosting", "Report", "SatiricalArticle", "Review",
      "SocialMediaPosting", "DiscussionForumPosting", "AdvertiserContentArticle"};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(t, types[i]) == 0) return true;
  return false;
}

static const char *obj_type(json_t *o) {
  json_t *t = json_object_get(o, "@type");
  if (json_is_string(t)) return json_string_value(t);
  if (json_is_array(t)) {
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) {
      if (json_is_string(v) && article_type(json_string_value(v)))
        return json_string_value(v);
    }
    if (json_array_size(t) && json_is_string(json_array_get(t, 0)))
      return json_string_value(json_array_get(t, 0));
  }
  return NULL;
}

static int ld_str(ng_hmeta *m, ng_meta_key k, json_t *v) {
  if (json_is_string(v))
    return set_copy(m, k, json_string_value(v), json_string_length(v));
  return NG_OK;
}

/* Author(s): a string, {"name": ...}, or an array of those, joined "; ". */
static int ld_authors(ng_hmeta *m, json_t *v) {
  char buf[512];
  size_t len = 0, count = 0;
  json_t *one = v;
  size_t n = json_is_array(v) ? json_array_size(v) : 1;
  for (size_t i = 0; i < n && i < 16; i++) {
    if (json_is_array(v)) one = json_array_get(v, i);
    json_t *name = json_is_object(one) ? json_object_get(one, "name") : one;
    if (!json_is_string(name)) continue;
    const char *s = json_string_value(name);
    size_t l = json_string_length(name);
    while (l && *s == ' ') s++, l--;
    if (!l || l > 100 || memchr(s, '/', l)) continue; /* skip URLs */
    if (len + l + 2 >= sizeof buf) break;
    if (count) {
      memcpy(buf + len, "; ", 2);
      len += 2;
    }
    memcpy(buf + len, s, l);
    len += l;
    count++;
  }
  return set_copy(m, NG_M_LD_AUTHOR, buf, len);
}

static int ld_dates(ng_hmeta *m, json_t *o) {
  json_t *v;
  if (json_is_string(v = json_object_get(o, "datePublished")))
    note_date(m, json_string_value(v), json_string_length(v));
  if (json_is_string(v = json_object_get(o, "dateModified")))
    note_date(m, json_string_value(v), json_string_length(v));
  return NG_OK;
}

static int ld_article(ng_hmeta *m, json_t *o, const char *type) {
  int rc = NG_OK;
  rc |= set_copy(m, NG_M_LD_TYPE, type, strlen(type));
  rc |= ld_str(m, NG_M_LD_HEADLINE, json_object_get(o, "headline"));
  if (!json_object_get(o, "headline"))
    rc |= ld_str(m, NG_M_LD_HEADLINE, json_object_get(o, "name"));
  rc |= ld_str(m, NG_M_LD_PUBLISHED, json_object_get(o, "datePublished"));
  rc |= ld_str(m, NG_M_LD_MODIFIED, json_object_get(o, "dateModified"));
  rc |= ld_str(m, NG_M_LD_BODY, json_object_get(o, "articleBody"));
  rc |= ld_str(m, NG_M_DESCRIPTION, json_object_get(o, "description"));
  rc |= ld_str(m, NG_M_LANG, json_object_get(o, "inLanguage"));
  json_t *a = json_object_get(o, "author");
  if (!a) a = json_object_get(o, "creator");
  if (a) rc |= ld_authors(m, a);
  json_t *p = json_object_get(o, "publisher");
  json_t *pn = json_is_object(p) ? json_object_get(p, "name") : NULL;
  if (json_is_string(pn)) {
    m->v[NG_M_LD_SITE].n = 0; /* the article's publisher beats a WebSite */
    rc |= ld_str(m, NG_M_LD_SITE, pn);
  }
  return rc ? NG_ENOMEM : NG_OK;
}

/* Visits objects breadth-first: top level, arrays, @graph, mainEntity. */
static int ld_visit(ng_hmeta *m, json_t *root) {
  json_t *queue[64];
  size_t head = 0, tail = 0;
  queue[tail++] = root;
  int rc = NG_OK;
  while (head < tail && !rc) {
    json_t *v = queue[head++];
    if (json_is_array(v)) {
      size_t i;
      json_t *x;
      json_array_foreach(v, i, x) {
        if (tail < 64) queue[tail++] = x;
      }
      continue;
    }
    if (!json_is_object(v)) continue;
    const char *t = obj_type(v);
    ld_dates(m, v);
    if (t && article_type(t)) rc = ld_article(m, v, t);
    else if (t && (strcmp(t, "WebPage") == 0 || strcmp(t, "ItemPage") == 0)) {
      rc |= ld_str(m, NG_M_LD_PUBLISHED, json_object_get(v, "datePublished"));
      rc |= ld_str(m, NG_M_LD_MODIFIED, json_object_get(v, "dateModified"));
    } else if (t && (strcmp(t, "Organization") == 0 ||
                     strcmp(t, "NewsMediaOrganization") == 0 ||
                     strcmp(t, "WebSite") == 0)) {
      rc |= ld_str(m, NG_M_LD_SITE, json_object_get(v, "name"));
    }
    json_t *g = json_object_get(v, "@graph");
    if (g && tail < 64) queue[tail++] = g;
    g = json_object_get(v, "mainEntity");
    if (g && tail < 64) queue[tail++] = g;
  }
  return rc;
}

static int read_ld(ng_hmeta *m, const char *s, size_t n) {
  if (m->ld_scripts++ >= 16 || n > (1u << 20)) return NG_OK;
  /* Some sites wrap the JSON in comments or CDATA: start at the first
   * bracket. */
  while (n && *s != '{' && *s != '[') s++, n--;
  json_error_t jerr;
  json_t *root = json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &jerr);
  if (!root) return NG_OK;
  int rc = ld_visit(m, root);
  json_decref(root);
  return rc;
}

/* --- elements ------------------------------------------------------------ */

static const char *child_text(const ng_hnode *n, size_t *len) {
  const ng_hnode *c = ng_hnode_first_child(n);
  if (c && ng_hnode_tag(c) == NG_TAG_TEXT) return ng_hnode_text(c, len);
  *len = 0;
  return NULL;
}

/* Text of a small subtree into the arena (at most ~300 bytes), white space
 * collapsed. Iterative; stops at the subtree's end. */
static int subtree_text(ng_hmeta *m, ng_meta_key k, const ng_hnode *root) {
  char buf[320];
  size_t len = 0;
  bool space = false;
  const ng_hnode *n = ng_hnode_first_child(root);
  unsigned steps = 0;
  while (n && len < 300 && steps++ < 200) {
    ng_htag t = ng_hnode_tag(n);
    if (t == NG_TAG_TEXT) {
      size_t l;
      const char *s = ng_hnode_text(n, &l);
      for (size_t i = 0; i < l && len < 300; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
          space = len > 0;
          continue;
        }
        if (space) buf[len++] = ' ';
        space = false;
        buf[len++] = c;
      }
    }
    const ng_hnode *c = (t != NG_TAG_SCRIPT && t != NG_TAG_STYLE &&
                         t != NG_TAG_TEXT)
                            ? ng_hnode_first_child(n)
                            : NULL;
    if (c) {
      n = c;
      continue;
    }
    while (n && n != root && !ng_hnode_next(n)) n = ng_hnode_parent(n);
    if (!n || n == root) break;
    n = ng_hnode_next(n);
  }
  /* Do not end inside a UTF-8 sequence when the text was cut at 300
   * bytes; a whole last character stays (it used to be dropped whatever
   * it was: "сборной" came out "сборно", a closing "«" went). */
  size_t lead = len;
  while (lead && len - lead < 3 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80) lead--;
  if (lead && (unsigned char)buf[lead - 1] >= 0xC0) {
    unsigned char c = (unsigned char)buf[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (len - (lead - 1) < need) len = lead - 1;
  }
  return set_copy(m, k, buf, len);
}

static void meta_tag(ng_hmeta *m, const ng_hnode *n) {
  size_t kl = 0, cl = 0;
  const char *key = ng_hnode_attr(n, "property", &kl);
  if (!key || !kl) key = ng_hnode_attr(n, "name", &kl);
  if (!key || !kl) key = ng_hnode_attr(n, "itemprop", &kl);
  if (!key || !kl) key = ng_hnode_attr(n, "http-equiv", &kl);
  const char *v = ng_hnode_attr(n, "content", &cl);
  if (!key || !v || !cl) return;
  if (ng_ascii_ieq(key, kl, "og:title") || ng_ascii_ieq(key, kl, "twitter:title")) {
    set_once(m, NG_M_OG_TITLE, v, cl);
  } else if (ng_ascii_ieq(key, kl, "author") || ng_ascii_ieq(key, kl, "article:author") ||
             ng_ascii_ieq(key, kl, "dc.creator") || ng_ascii_ieq(key, kl, "dcterms.creator") ||
             ng_ascii_ieq(key, kl, "byl") || ng_ascii_ieq(key, kl, "sailthru.author") ||
             ng_ascii_ieq(key, kl, "parsely-author") || ng_ascii_ieq(key, kl, "citation_author")) {
    if (!memchr(v, '/', cl)) set_once(m, NG_M_META_AUTHOR, v, cl);
  } else if (ng_ascii_ieq(key, kl, "article:published_time") ||
             ng_ascii_ieq(key, kl, "og:article:published_time") ||
             ng_ascii_ieq(key, kl, "datepublished") || ng_ascii_ieq(key, kl, "date") ||
             ng_ascii_ieq(key, kl, "dc.date") || ng_ascii_ieq(key, kl, "dc.date.issued") ||
             ng_ascii_ieq(key, kl, "dcterms.date") || ng_ascii_ieq(key, kl, "dcterms.created") ||
             ng_ascii_ieq(key, kl, "pubdate") || ng_ascii_ieq(key, kl, "publishdate") ||
             ng_ascii_ieq(key, kl, "publish-date") || ng_ascii_ieq(key, kl, "sailthru.date") ||
             ng_ascii_ieq(key, kl, "parsely-pub-date") ||
             ng_ascii_ieq(key, kl, "article.published") ||
             ng_ascii_ieq(key, kl, "citation_publication_date") ||
             ng_ascii_ieq(key, kl, "date_published") || ng_ascii_ieq(key, kl, "og:published_time") ||
             ng_ascii_ieq(key, kl, "publication_date") || ng_ascii_ieq(key, kl, "dc:date") ||
             ng_ascii_ieq(key, kl, "uploaddate")) {
    set_once(m, NG_M_META_PUBLISHED, v, cl);
    note_date(m, v, cl);
  } else if (ng_ascii_ieq(key, kl, "article:modified_time") ||
             ng_ascii_ieq(key, kl, "og:updated_time") || ng_ascii_ieq(key, kl, "datemodified") ||
             ng_ascii_ieq(key, kl, "last-modified") || ng_ascii_ieq(key, kl, "dcterms.modified") ||
             ng_ascii_ieq(key, kl, "dc.date.modified")) {
    set_once(m, NG_M_META_MODIFIED, v, cl);
    note_date(m, v, cl);
  } else if (ng_ascii_ieq(key, kl, "og:site_name")) {
    set_once(m, NG_M_OG_SITE, v, cl);
  } else if (ng_ascii_ieq(key, kl, "og:url")) {
    set_once(m, NG_M_OG_URL, v, cl);
  } else if (ng_ascii_ieq(key, kl, "og:description") || ng_ascii_ieq(key, kl, "description") ||
             ng_ascii_ieq(key, kl, "twitter:description")) {
    set_once(m, NG_M_DESCRIPTION, v, cl);
  } else if (ng_ascii_ieq(key, kl, "content-language") || ng_ascii_ieq(key, kl, "dc.language") ||
             ng_ascii_ieq(key, kl, "og:locale") || ng_ascii_ieq(key, kl, "language")) {
    set_once(m, NG_M_LANG, v, cl);
  } else if (ng_ascii_ieq(key, kl, "og:type")) {
    set_once(m, NG_M_OG_TYPE, v, cl);
  }
}

/* Is one of the element's classes "author" ("vcard author")? Classes
 * that end in "-author" were tried: on extraction-dev 8 of the 23 more
 * names they give are right (they hold "Autor: ...", a bio). */
static bool author_class(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
    size_t b = i;
    while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') i++;
    size_t l = i - b;
    if (l == 6 && ng_ascii_ieq(s + b, 6, "author")) return true;
  }
  return false;
}

/* Does a class name say date or byline ("date", "datum", "time",
 * "publish", "posted", "byline", "meta", any case, anywhere)? One pass:
 * this runs for every element with a class until a date is found. */
static bool date_class(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const char *p = s + i;
    size_t r = n - i;
    switch (ng_ascii_lower(s[i])) {
    case 'd':
      if (ng_ascii_iprefix(p, r, "date") || ng_ascii_iprefix(p, r, "datum")) return true;
      break;
    case 't':
      if (ng_ascii_iprefix(p, r, "time")) return true;
      break;
    case 'p':
      if (ng_ascii_iprefix(p, r, "publish") || ng_ascii_iprefix(p, r, "posted")) return true;
      break;
    case 'b':
      if (ng_ascii_iprefix(p, r, "byline")) return true;
      break;
    case 'm':
      if (ng_ascii_iprefix(p, r, "meta")) return true;
      break;
    default:
      break;
    }
  }
  return false;
}

int ng_html_meta_element(ng_hmeta *m, const ng_hnode *n, ng_htag tag,
                         const ng_hattrs *at, bool boiler) {
  const char *cls = at->cls ? at->cls : "";
  size_t cls_n = at->cls_n;
  size_t l;
  const char *v;
  switch (tag) {
  case NG_TAG_TITLE:
    if ((v = child_text(n, &l))) set_once(m, NG_M_TITLE_TAG, v, l);
    return NG_OK;
  case NG_TAG_META:
    meta_tag(m, n);
    return NG_OK;
  case NG_TAG_LINK:
    v = at->rel;
    l = at->rel_n;
    if (v && ng_ascii_ieq(v, l, "canonical") && (v = ng_hnode_attr(n, "href", &l)))
      set_once(m, NG_M_CANONICAL, v, l);
    return NG_OK;
  case NG_TAG_SCRIPT:
    v = ng_hnode_attr(n, "type", &l);
    if (v && ng_ascii_ieq(v, l, "application/ld+json") && (v = child_text(n, &l)))
      return read_ld(m, v, l);
    return NG_OK;
  case NG_TAG_HTML:
    if ((v = ng_hnode_attr(n, "lang", &l)) && l) {
      m->v[NG_M_LANG].s = v;
      m->v[NG_M_LANG].n = l;
    }
    return NG_OK;
  case NG_TAG_H1:
    if (!m->v[NG_M_H1].n) return subtree_text(m, NG_M_H1, n);
    return NG_OK;
  case NG_TAG_ARTICLE:
    m->teaser_articles++;
    break;
  case NG_TAG_TIME:
    if ((v = ng_hnode_attr(n, "datetime", &l)) && l) {
      size_t pl = at->itemprop_n;
      const char *ip = at->itemprop;
      if (ip && ng_ascii_ieq(ip, pl, "datepublished"))
        set_once(m, NG_M_META_PUBLISHED, v, l);
      else if (ip && ng_ascii_ieq(ip, pl, "datemodified"))
        set_once(m, NG_M_META_MODIFIED, v, l);
      else
        set_once(m, NG_M_TIME, v, l);
      note_date(m, v, l);
    }
    return NG_OK;
  default:
    break;
  }
  if (boiler) return NG_OK;
  /* A date written in a date or byline element. */
  if (!m->v[NG_M_TEXT_DATE].n && cls_n && date_class(cls, cls_n)) {
    int rc = subtree_text(m, NG_M_TEXT_DATE, n);
    if (rc) return rc;
    ng_hstr *td = &m->v[NG_M_TEXT_DATE];
    char d[16];
    if (td->n && ng_html_find_date(d, sizeof d, td->s, td->n)) {
      char *p = ng_arena_strndup(m->arena, d, 10);
      if (!p) return NG_ENOMEM;
      td->s = p;
      td->n = 10;
    } else {
      td->n = 0;
    }
  }
  /* Bylines: itemprop=author, rel=author, class "author"/"byline". */
  if (m->v[NG_M_BYLINE].n) return NG_OK;
  const char *ip = at->itemprop;
  l = at->itemprop_n;
  if (ip && l) {
    if (ng_ascii_ieq(ip, l, "author")) return subtree_text(m, NG_M_BYLINE, n);
    if (ng_ascii_ieq(ip, l, "datepublished") &&
        (v = ng_hnode_attr(n, "content", &l)) && l)
      set_once(m, NG_M_META_PUBLISHED, v, l);
    return NG_OK;
  }
  if (at->rel && ng_ascii_ieq(at->rel, at->rel_n, "author"))
    return subtree_text(m, NG_M_BYLINE, n);
  if (cls_n && (ng_ascii_icontains(cls, cls_n, "byline") ||
                ng_ascii_icontains(cls, cls_n, "author-name") || author_class(cls, cls_n)))
    return subtree_text(m, NG_M_BYLINE, n);
  return NG_OK;
}

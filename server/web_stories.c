/* web_stories.c - the reader's story pages: the list of stories, a story
 * (its digest across sources, timeline, people, places and
 * organizations), and the "In this story" box of an article page. The
 * data come from stories.c; every piece of content is escaped. */
#include "server.h"

#include <stdlib.h>
#include <string.h>

#define STORIES_PER_PAGE 30
/* Other articles of the story listed on an article page. */
#define BOX_ARTICLES 5
/* Related stories listed on an article page. */
#define RELATED_STORIES 5

static void lit(ng_buf *out, const char *s) { ng_buf_puts(out, s); }

static void article_link(ng_buf *out, int64_t id, const char *title) {
  lit(out, "<a href=\"/a/");
  ng_web_int(out, id);
  lit(out, "\">");
  ng_web_escape(out, title && *title ? title : "(untitled)");
  lit(out, "</a>");
}

static void story_link(ng_buf *out, const ng_story_view *v) {
  lit(out, "<a href=\"/s/");
  ng_web_int(out, v->id);
  lit(out, "\">");
  ng_web_escape(out, v->headline && *v->headline ? v->headline : "(untitled story)");
  lit(out, "</a>");
}

/* "3 articles · 2024-06-25 – 2024-06-27" (dates when the articles have
 * them; the timeline puts dated articles first, in order). */
static void story_meta(ng_buf *out, const ng_story_view *v) {
  lit(out, "<span class=\"meta\">");
  ng_web_int(out, (long long)v->narticles);
  lit(out, v->narticles == 1 ? " article" : " articles");
  const char *first = NULL, *last = NULL;
  for (size_t i = 0; i < v->narticles; i++)
    if (v->articles[i].date && *v->articles[i].date) {
      if (!first) first = v->articles[i].date;
      last = v->articles[i].date;
    }
  if (first) {
    /* The days (dates are stored as ISO 8601), escaped like all content. */
    lit(out, " · ");
    ng_html_escape(out, first, strlen(first) < 10 ? strlen(first) : 10);
    if (strncmp(first, last, 10) != 0) {
      lit(out, " – ");
      ng_html_escape(out, last, strlen(last) < 10 ? strlen(last) : 10);
    }
  }
  lit(out, "</span>");
}

static bool stories_ready(const ng_req *req, ng_res *res) {
  if (!req->cfg || !req->cfg->stories) {
    ng_web_error(res, 503, "Stories are not available on this server.");
    return false;
  }
  if (ng_stories_busy(req->cfg->stories)) {
    ng_web_error(res, 503, "The stories are being read from the store; try again in a moment.");
    return false;
  }
  return true;
}

typedef struct list_acc {
  ng_buf *out;
  size_t n;
} list_acc;

static void list_item(const ng_story_view *v, void *user) {
  list_acc *acc = user;
  lit(acc->out, "<li>");
  story_link(acc->out, v);
  lit(acc->out, "<br>");
  story_meta(acc->out, v);
  lit(acc->out, "</li>\n");
  acc->n++;
}

void ng_web_stories(const ng_req *req, ng_res *res) {
  if (!stories_ready(req, res)) return;
  const char *p = ng_req_arg(req, "page"), *all_arg = ng_req_arg(req, "all");
  long page = p ? strtol(p, NULL, 10) : 1;
  if (page < 1 || page > 1000000) page = 1;
  /* A story of one article is just that article: listed on request. */
  bool all = all_arg && strcmp(all_arg, "0") != 0;
  ng_buf items = NG_BUF_INIT;
  list_acc acc = {&items, 0};
  int64_t total = 0;
  if (ng_stories_list(req->cfg->stories, all ? 1 : 2, (int64_t)(page - 1) * STORIES_PER_PAGE,
                      STORIES_PER_PAGE, &total, list_item, &acc)) {
    ng_buf_dispose(&items);
    ng_web_error(res, 503, "The stories could not be read.");
    return;
  }
  res->content_type = "text/html; charset=utf-8";
  ng_buf *out = &res->body;
  ng_web_page_start(out, "Stories", NULL);
  lit(out, "<h1>Stories</h1>\n<p class=\"meta\">Articles about the same event, "
           "grouped as they arrive; the story with the latest article first. ");
  lit(out, all ? "<a href=\"/stories\">Only stories of several articles</a>"
               : "<a href=\"/stories?all=1\">Also single articles</a>");
  lit(out, "</p>\n");
  /* The last page there is (1 when there is nothing to list). */
  long last = total > 0 ? (long)((total + STORIES_PER_PAGE - 1) / STORIES_PER_PAGE) : 1;
  const char *href = all ? "/stories?all=1&amp;page=" : "/stories?page=";
  if (acc.n) {
    lit(out, "<ul class=\"stories\">\n");
    ng_buf_put(out, items.ptr, items.len);
    lit(out, "</ul>\n");
  } else if (page > last && total > 0) {
    lit(out, "<p class=\"empty\">Page ");
    ng_web_int(out, page);
    lit(out, " is past the end: the last page is <a href=\"");
    lit(out, href);
    ng_web_int(out, last);
    lit(out, "\">page ");
    ng_web_int(out, last);
    lit(out, "</a>.</p>\n");
  } else {
    lit(out, "<p>No story of several articles yet.</p>\n");
  }
  lit(out, "<nav class=\"pages\">");
  if (page > 1 && page <= last) {
    lit(out, "<a rel=\"prev\" href=\"");
    lit(out, href);
    ng_web_int(out, page - 1);
    lit(out, "\">← Newer</a>");
  }
  if (page < last) {
    lit(out, "<a rel=\"next\" href=\"");
    lit(out, href);
    ng_web_int(out, page + 1);
    lit(out, "\">Older →</a>");
  }
  lit(out, "</nav>\n");
  ng_web_page_end(out);
  ng_buf_dispose(&items);
}

/* The title of article `id` among the story's members. */
static const char *title_of(const ng_story_view *v, int64_t id) {
  for (size_t i = 0; i < v->narticles; i++)
    if (v->articles[i].id == id) return v->articles[i].title;
  return NULL;
}

static void entity_row(ng_buf *out, const ng_story_view *v, const char *kind, const char *label) {
  size_t n = 0;
  for (size_t i = 0; i < v->nentities; i++) {
    if (strcmp(v->entities[i].kind, kind) != 0) continue;
    if (!n++) {
      lit(out, "<dt>");
      lit(out, label);
      lit(out, "</dt><dd>");
    } else {
      lit(out, ", ");
    }
    ng_web_escape(out, v->entities[i].name);
  }
  if (n) lit(out, "</dd>\n");
}

void ng_web_story(const ng_req *req, ng_res *res) {
  if (!stories_ready(req, res)) return;
  ng_story_view v;
  int rc = ng_stories_get(req->cfg->stories, req->id, true, true, &v);
  if (rc <= 0) {
    ng_web_error(res, rc ? 503 : 404,
                 rc ? "The stories could not be read." : "There is no story with this number.");
    return;
  }
  res->content_type = "text/html; charset=utf-8";
  ng_buf *out = &res->body;
  ng_web_page_start(out, v.headline && *v.headline ? v.headline : "Story", NULL);
  lit(out, "<article class=\"story\" data-story=\"");
  ng_web_int(out, v.id);
  lit(out, "\"><h1>");
  ng_web_escape(out, v.headline && *v.headline ? v.headline : "(untitled story)");
  lit(out, "</h1>\n<p>");
  story_meta(out, &v);
  lit(out, "</p>\n");
  if (v.ndigest) {
    lit(out, "<section class=\"digest\"><h2>The story so far</h2><ul>\n");
    for (size_t i = 0; i < v.ndigest; i++) {
      lit(out, "<li>");
      ng_web_escape(out, v.digest[i].text);
      lit(out, " <span class=\"source\">(");
      article_link(out, v.digest[i].article, title_of(&v, v.digest[i].article));
      lit(out, ")</span></li>\n");
    }
    lit(out, "</ul></section>\n");
  }
  lit(out, "<section class=\"timeline\"><h2>Timeline</h2><ol>\n");
  for (size_t i = 0; i < v.narticles; i++) {
    lit(out, "<li>");
    if (v.articles[i].date && *v.articles[i].date) {
      lit(out, "<time>");
      ng_web_escape(out, v.articles[i].date);
      lit(out, "</time> ");
    }
    article_link(out, v.articles[i].id, v.articles[i].title);
    lit(out, "</li>\n");
  }
  lit(out, "</ol></section>\n");
  if (v.nentities) {
    lit(out, "<section class=\"entities\"><h2>Who and where</h2><dl>\n");
    entity_row(out, &v, "person", "People");
    entity_row(out, &v, "place", "Places");
    entity_row(out, &v, "org", "Organizations");
    lit(out, "</dl></section>\n");
  }
  lit(out, "</article>\n");
  ng_web_page_end(out);
  ng_story_view_dispose(&v);
}

void ng_web_story_box(const ng_req *req, ng_buf *out, int64_t article_id) {
  if (!req->cfg || !req->cfg->stories) return;
  ng_story_view v;
  /* Not worth waiting for: the page is whole without it. */
  if (ng_stories_get(req->cfg->stories, article_id, false, false, &v) <= 0) return;
  if (v.narticles > 1) {
    lit(out, "<aside class=\"in-story\"><h2>In this story</h2><p>");
    story_link(out, &v);
    lit(out, " ");
    story_meta(out, &v);
    lit(out, "</p><ul>");
    size_t shown = 0;
    for (size_t i = 0; i < v.narticles && shown < BOX_ARTICLES; i++) {
      if (v.articles[i].id == article_id) continue;
      lit(out, "<li>");
      article_link(out, v.articles[i].id, v.articles[i].title);
      lit(out, "</li>");
      shown++;
    }
    lit(out, "</ul></aside>\n");
  }
  ng_story_view_dispose(&v);
}

bool ng_web_related_box(const ng_req *req, ng_buf *out, int64_t article_id) {
  if (!req->cfg || !req->cfg->stories) return false;
  ng_related r[RELATED_STORIES];
  size_t n = 0;
  int rc = ng_stories_related(req->cfg->stories, article_id, RELATED_STORIES, r, &n);
  if (rc > 0 && n) {
    lit(out, "<aside class=\"related\"><h2>Related articles</h2><ul>");
    for (size_t i = 0; i < n; i++) {
      lit(out, "<li>");
      article_link(out, r[i].id, r[i].title);
      lit(out, "</li>");
    }
    lit(out, "</ul></aside>\n");
  }
  for (size_t i = 0; i < n; i++) free(r[i].title);
  /* Not in the set (the library could not read it), busy or failed: the
   * caller's title search stands in. */
  return rc > 0;
}

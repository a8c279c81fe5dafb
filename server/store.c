/* store.c - the article store: one SQLite file in WAL mode.
 *
 * Tables (schema version in PRAGMA user_version, migrations below):
 *
 *   articles   id | sha256 (hex of the raw bytes, UNIQUE: dedup identity)
 *              | source | url | title | author | date | site | description
 *              | lang | input | raw_size | words | body | added_at
 *   raws       article_id -> the raw bytes (kept apart so listing and
 *              search never read them; summaries are made from them, so a
 *              stored summary has the same offsets as a stateless one)
 *   summaries  (article_id, sentences, words) -> rendered summary JSON and
 *              the library version that made it (a newer one recomputes)
 *   articles_fts  FTS5 over (title, body), external content = articles,
 *              kept in step by triggers
 *
 * Why SHA-256 (nettle): dedup treats equal hashes as equal articles, so the
 * hash must not collide by accident or by design; a 64-bit FNV can do both.
 * nettle is a small, LGPL, Debian-packaged library with a three-call API
 * (libgcrypt would also do, but needs global initialisation).
 *
 * Durability: every ingest is one transaction. With WAL and
 * synchronous=NORMAL a committed transaction survives the process being
 * killed (it may be lost only on power failure), so `kill -9` during a
 * batch loses at most the article being written. */
#include "server.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const migrations[] = {
    /* 1: articles, raw bytes, summary cache, full-text index. */
    "CREATE TABLE articles ("
    "  id INTEGER PRIMARY KEY,"
    "  sha256 TEXT NOT NULL UNIQUE,"
    "  source TEXT, url TEXT, title TEXT, author TEXT, date TEXT,"
    "  site TEXT, description TEXT, lang TEXT, input TEXT,"
    "  raw_size INTEGER NOT NULL, words INTEGER NOT NULL,"
    "  body TEXT NOT NULL,"
    "  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE raws ("
    "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
    "  data BLOB NOT NULL);"
    "CREATE TABLE summaries ("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  sentences INTEGER NOT NULL, words INTEGER NOT NULL,"
    "  json TEXT NOT NULL,"
    "  PRIMARY KEY (article_id, sentences, words)) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body,"
    "  content='articles', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, body)"
    "  VALUES (new.id, new.title, new.body); END;"
    "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
    "  VALUES ('delete', old.id, old.title, old.body); END;"
    "CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
    "  VALUES ('delete', old.id, old.title, old.body);"
    "  INSERT INTO articles_fts(rowid, title, body)"
    "  VALUES (new.id, new.title, new.body); END;",
    /* 2: a cached summary remembers the library version that made it, so
     * an upgraded summarizer recomputes instead of serving old output. */
    "ALTER TABLE summaries ADD COLUMN lib TEXT NOT NULL DEFAULT '';",
    /* 3: an HTML article's summary offsets now index its "text" (they
     * counted its title and a blank line too) with no new library
     * version, so the summaries cached before are dropped. */
    "DELETE FROM summaries;",
    /* 4: the charset an HTML body came with (HTTP Content-Type), so that
     * its raw bytes are read again as they were read when stored. The
     * summaries cached before were made from the raw bytes sniffed again
     * (an HTML fragment sent as text/html was read as text), with no new
     * library version: dropped, made again when asked for. */
    "ALTER TABLE raws ADD COLUMN charset TEXT; DELETE FROM summaries;",
};
#define NMIGRATIONS (int)(sizeof migrations / sizeof migrations[0])

#define COLS                                                               \
  "a.id, a.source, a.sha256, a.url, a.title, a.author, a.date, a.site,"    \
  " a.description, a.lang, a.input, a.added_at, a.words, a.raw_size"

enum {
  Q_BY_HASH,
  Q_INSERT,
  Q_INSERT_RAW,
  Q_GET,
  Q_GET_BODY,
  Q_RAW,
  Q_LIST,
  Q_COUNT,
  Q_SEARCH,
  Q_SEARCH_COUNT,
  Q_PREV,
  Q_NEXT,
  Q_SUM_GET,
  Q_SUM_PUT,
  Q_BEGIN,
  Q_COMMIT,
  Q_ROLLBACK,
  Q_PING,
  Q_AFTER,
  Q_SNIP_PUT,
  Q_SNIP,
  Q_SNIP_CLEAR,
  NQ
};

/* How long a statement waits for another connection's write lock, and
 * how long the summary cache write (on a GET) waits. */
#define BUSY_WAIT_MS 10000
#define SUMMARY_PUT_WAIT_MS 50

/* A search snippet is made from a small window of the body, not from the
 * whole body: FTS5's snippet() scores every match of the row against every
 * other, so its time grows with the square of the matches (a 9.5 MB
 * article and the query "the": about a minute of CPU; 1 MB: 0.6 s; 64 kB:
 * 3 ms). The window is SNIPPET_WINDOW bytes around the first place where
 * a query word starts (ASCII case folded) in the body's first
 * SNIPPET_SCAN characters, or the body's start; it goes into a one-row
 * FTS5 table of the connection's own (temp.snip, in memory, the same
 * tokenizer), so the snippet and its highlights are FTS5's. Matching and
 * ranking still use the whole body. A window of 2 kB costs at most some
 * milliseconds, even when every word of it matches. */
#define SNIPPET_SCAN 65536
#define SNIPPET_WINDOW 2048

static const char *const sql[NQ] = {
    [Q_BY_HASH] = "SELECT id FROM articles WHERE sha256 = ?1",
    [Q_INSERT] =
        "INSERT INTO articles (sha256, source, url, title, author, date, site,"
        " description, lang, input, raw_size, words, body)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
        " ON CONFLICT (sha256) DO NOTHING",
    [Q_INSERT_RAW] = "INSERT INTO raws (article_id, data, charset) VALUES (?1, ?2, ?3)",
    [Q_GET] = "SELECT " COLS " FROM articles a WHERE a.id = ?1",
    [Q_GET_BODY] = "SELECT " COLS ", a.body FROM articles a WHERE a.id = ?1",
    [Q_RAW] = "SELECT r.data, a.url, a.input, r.charset FROM raws r JOIN articles a"
              " ON a.id = r.article_id WHERE r.article_id = ?1",
    [Q_LIST] = "SELECT " COLS ", NULL FROM articles a WHERE a.id != ?1"
               " ORDER BY a.id DESC LIMIT ?2 OFFSET ?3",
    [Q_COUNT] = "SELECT count(*) FROM articles WHERE id != ?1",
    [Q_SEARCH] = "SELECT " COLS ", substr(a.body, 1, ?5)"
                 " FROM articles_fts JOIN articles a"
                 " ON a.id = articles_fts.rowid"
                 " WHERE articles_fts MATCH ?4 AND a.id != ?1"
                 " ORDER BY rank LIMIT ?2 OFFSET ?3",
    [Q_SEARCH_COUNT] = "SELECT count(*) FROM articles_fts WHERE"
                       " articles_fts MATCH ?2 AND rowid != ?1",
    [Q_PREV] = "SELECT max(id) FROM articles WHERE id < ?1",
    [Q_NEXT] = "SELECT min(id) FROM articles WHERE id > ?1",
    [Q_SUM_GET] = "SELECT json FROM summaries WHERE article_id = ?1"
                  " AND sentences = ?2 AND words = ?3 AND lib = ?4",
    [Q_SUM_PUT] = "INSERT OR REPLACE INTO summaries (article_id, sentences,"
                  " words, json, lib) VALUES (?1, ?2, ?3, ?4, ?5)",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_PING] = "SELECT 1",
    [Q_AFTER] = "SELECT " COLS " FROM articles a WHERE a.id > ?1 ORDER BY a.id LIMIT ?2",
    [Q_SNIP_PUT] = "INSERT INTO temp.snip (rowid, body) VALUES (1, ?1)",
    [Q_SNIP] = "SELECT snippet(snip, 0, char(1), char(2), '…', 16)"
               " FROM temp.snip WHERE snip MATCH ?1",
    [Q_SNIP_CLEAR] = "DELETE FROM temp.snip",
};

struct ng_store {
  sqlite3 *db;
  sqlite3_stmt *q[NQ];
  bool snip_made; /* temp.snip exists */
  int (*stop)(void *user); /* ng_store_set_interrupt() */
  void *stop_user;
};

/* A prepared statement, reset and ready to bind; NULL on error. */
static sqlite3_stmt *stmt(ng_store *st, int which) {
  if (!st->q[which] &&
      sqlite3_prepare_v3(st->db, sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                         &st->q[which], NULL) != SQLITE_OK)
    return NULL;
  sqlite3_reset(st->q[which]);
  sqlite3_clear_bindings(st->q[which]);
  return st->q[which];
}

/* Runs a statement that returns no rows (or whose rows are ignored). */
static int exec_q(ng_store *st, int which) {
  sqlite3_stmt *s = stmt(st, which);
  if (!s) return -1;
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static int mkdir_p(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    int rc = mkdir(path, 0700);
    *p = '/';
    if (rc && errno != EEXIST) return -1;
  }
  return 0;
}

int ng_store_default_path(char *out, size_t cap) {
  const char *xdg = getenv("XDG_DATA_HOME");
  const char *home = getenv("HOME");
  int n;
  if (xdg && xdg[0] == '/')
    n = snprintf(out, cap, "%s/nutgraf/nutgraf.db", xdg);
  else if (home && home[0])
    n = snprintf(out, cap, "%s/.local/share/nutgraf/nutgraf.db", home);
  else
    return -1;
  if (n < 0 || (size_t)n >= cap) return -1;
  return mkdir_p(out);
}

static int migrate(sqlite3 *db, char *why, size_t cap) {
  sqlite3_stmt *s;
  int version = 0;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
    goto fail;
  if (sqlite3_step(s) == SQLITE_ROW) version = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  if (version > NMIGRATIONS) {
    snprintf(why, cap, "database schema %d is newer than this nutgraf (%d)",
             version, NMIGRATIONS);
    return -1;
  }
  if (version == NMIGRATIONS) return 0;
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
  /* Read again under the write lock: another process may have migrated. */
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
    goto rollback;
  if (sqlite3_step(s) == SQLITE_ROW) version = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  for (int v = version; v < NMIGRATIONS; v++) {
    char pragma[64];
    if (sqlite3_exec(db, migrations[v], NULL, NULL, NULL) != SQLITE_OK)
      goto rollback;
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
    if (sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) goto rollback;
  }
  if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) goto rollback;
  return 0;
rollback:
  snprintf(why, cap, "schema migration failed: %s", sqlite3_errmsg(db));
  sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
fail:
  snprintf(why, cap, "%s", sqlite3_errmsg(db));
  return -1;
}

int ng_store_open(ng_store **out, const char *path, char *why, size_t cap) {
  *out = NULL;
  ng_store *st = calloc(1, sizeof *st);
  if (!st) {
    snprintf(why, cap, "out of memory");
    return -1;
  }
  int rc = sqlite3_open_v2(path, &st->db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                               SQLITE_OPEN_NOMUTEX,
                           NULL);
  if (rc != SQLITE_OK) {
    snprintf(why, cap, "%s: %s", path,
             st->db ? sqlite3_errmsg(st->db) : "cannot open");
    goto fail;
  }
  sqlite3_busy_timeout(st->db, BUSY_WAIT_MS);
  sqlite3_extended_result_codes(st->db, 1);
  char *msg = NULL;
  if (sqlite3_exec(st->db,
                   "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                   " PRAGMA foreign_keys = ON;",
                   NULL, NULL, &msg) != SQLITE_OK) {
    snprintf(why, cap, "%s: %s", path, msg ? msg : "cannot configure");
    sqlite3_free(msg);
    goto fail;
  }
  char mwhy[256];
  if (migrate(st->db, mwhy, sizeof mwhy)) {
    snprintf(why, cap, "%s: %s", path, mwhy);
    goto fail;
  }
  *out = st;
  return 0;
fail:
  ng_store_close(st);
  return -1;
}

void ng_store_close(ng_store *st) {
  if (!st) return;
  for (int i = 0; i < NQ; i++) sqlite3_finalize(st->q[i]);
  sqlite3_close(st->db);
  free(st);
}

static char *col_dup(sqlite3_stmt *s, int i) {
  const unsigned char *t = sqlite3_column_text(s, i);
  if (!t) return NULL;
  size_t n = (size_t)sqlite3_column_bytes(s, i);
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, t, n);
    p[n] = '\0';
  }
  return p;
}

void ng_stored_dispose(ng_stored *a) {
  if (!a) return;
  char **f[] = {&a->source, &a->sha256, &a->url,         &a->title,
                &a->author, &a->date,   &a->site,        &a->description,
                &a->lang,   &a->input,  &a->added,       &a->body};
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
    free(*f[i]);
    *f[i] = NULL;
  }
}

/* Reads COLS (and the body at column 14 when asked) from a row. */
static void read_row(sqlite3_stmt *s, ng_stored *a, bool body) {
  memset(a, 0, sizeof *a);
  a->id = sqlite3_column_int64(s, 0);
  a->source = col_dup(s, 1);
  a->sha256 = col_dup(s, 2);
  a->url = col_dup(s, 3);
  a->title = col_dup(s, 4);
  a->author = col_dup(s, 5);
  a->date = col_dup(s, 6);
  a->site = col_dup(s, 7);
  a->description = col_dup(s, 8);
  a->lang = col_dup(s, 9);
  a->input = col_dup(s, 10);
  a->added = col_dup(s, 11);
  a->words = sqlite3_column_int64(s, 12);
  a->raw_size = sqlite3_column_int64(s, 13);
  if (body) a->body = col_dup(s, 14);
}

int ng_store_get(ng_store *st, int64_t id, bool with_body, ng_stored *out) {
  sqlite3_stmt *s = stmt(st, with_body ? Q_GET_BODY : Q_GET);
  if (!s) return -1;
  sqlite3_bind_int64(s, 1, id);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) read_row(s, out, with_body);
  sqlite3_reset(s);
  return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

void ng_raw_dispose(ng_raw *r) {
  if (!r) return;
  free(r->data);
  free(r->url);
  free(r->charset);
  memset(r, 0, sizeof *r);
}

int ng_store_raw(ng_store *st, int64_t id, ng_raw *out) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *s = stmt(st, Q_RAW);
  if (!s) return -1;
  sqlite3_bind_int64(s, 1, id);
  int rc = sqlite3_step(s), found = 0;
  if (rc == SQLITE_ROW) {
    size_t n = (size_t)sqlite3_column_bytes(s, 0);
    const void *p = sqlite3_column_blob(s, 0);
    out->data = malloc(n + 1);
    if (out->data) {
      if (n) memcpy(out->data, p, n);
      out->data[n] = '\0';
      out->len = n;
      out->url = col_dup(s, 1);
      const char *in = (const char *)sqlite3_column_text(s, 2);
      /* Every stored row says "html" or "text" (ng_store_ingest). */
      out->kind = in && strcmp(in, "html") == 0 ? NG_INPUT_HTML : NG_INPUT_TEXT;
      out->charset = col_dup(s, 3);
      found = 1;
    } else {
      found = -1;
    }
  } else if (rc != SQLITE_DONE) {
    found = -1;
  }
  sqlite3_reset(s);
  return found;
}

/* How fts_query joins the words. */
enum { ALL_WORDS, ANY_WORD, ANY_LONG_WORD };

/* Turns user words into an FTS5 query: each word quoted (so no operator or
 * column filter from the user reaches FTS5), joined by AND (ALL_WORDS) or
 * OR. Returns the number of words (at most 16). With ANY_LONG_WORD, words
 * of fewer than 4 bytes are left out. */
static int fts_query(ng_buf *out, const char *q, int how) {
  int n = 0;
  const unsigned char *p = (const unsigned char *)q;
  while (*p && n < 16) {
    while (*p && !(*p >= 0x80 || (*p >= '0' && *p <= '9') ||
                   ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
      p++;
    const unsigned char *w = p;
    while (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
           ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
      p++;
    if (p == w) break;
    /* Related articles: short words ("the", "of", "и") relate everything. */
    if (how == ANY_LONG_WORD && p - w < 4) continue;
    if (n) ng_buf_puts(out, how == ALL_WORDS ? " " : " OR ");
    ng_buf_puts(out, "\"");
    ng_buf_put(out, (const char *)w, (size_t)(p - w));
    ng_buf_puts(out, "\"");
    n++;
  }
  return n;
}

int ng_store_query_words(const char *q) {
  ng_buf b = NG_BUF_INIT;
  int n = q ? fts_query(&b, q, ALL_WORDS) : 0;
  ng_buf_dispose(&b);
  return n;
}

/* The start of a text when no word of the query is in it: about 100
 * bytes, cut at a space (ASCII, so a UTF-8 boundary), and an ellipsis. */
static char *lead_snippet(const char *text, size_t len) {
  size_t n = len;
  bool cut = n > 100;
  if (cut) {
    n = 100;
    while (n > 40 && text[n] != ' ') n--;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
  }
  char *out = malloc(n + 4);
  if (!out) return NULL;
  memcpy(out, text, n);
  memcpy(out + n, cut ? "…" : "", cut ? 4 : 1);
  return out;
}

static bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Byte offset in text[0..len) of the first place where a word of the FTS
 * query `fq` ("w1" OR "w2" ...) starts, ASCII case folded, after no ASCII
 * letter or digit and before none; len when there is none. */
static size_t first_match(const char *text, size_t len, const ng_buf *fq) {
  for (size_t i = 0; i < len; i++) {
    if (i && ascii_alnum((unsigned char)text[i - 1])) continue;
    for (size_t k = 0; k < fq->len; k++) {
      if (fq->ptr[k] != '"') continue;
      const char *w = fq->ptr + k + 1;
      size_t wl = (size_t)((const char *)memchr(w, '"', fq->len - k - 1) - w);
      k += wl + 1;
      if (wl > len - i) continue;
      size_t j = 0;
      while (j < wl && ((unsigned char)text[i + j] | ((unsigned char)w[j] < 0x80 ? 0x20 : 0)) ==
                           ((unsigned char)w[j] | ((unsigned char)w[j] < 0x80 ? 0x20 : 0)))
        j++;
      if (j == wl && (i + wl == len || !ascii_alnum((unsigned char)text[i + wl]))) return i;
    }
  }
  return len;
}

/* The snippet of `text` (a body's first SNIPPET_SCAN characters) for the
 * OR query `fq` (malloc'd, or NULL: out of memory or a database error). */
static char *snippet_of(ng_store *st, const char *text, size_t len,
                        const ng_buf *fq) {
  if (!st->snip_made) {
    if (sqlite3_exec(st->db,
                     "PRAGMA temp_store = MEMORY;"
                     " CREATE VIRTUAL TABLE IF NOT EXISTS temp.snip USING"
                     " fts5(body, tokenize='unicode61 remove_diacritics 2')",
                     NULL, NULL, NULL) != SQLITE_OK)
      return NULL;
    st->snip_made = true;
  }
  /* The window: from a line or word break some 500 bytes before the
   * first match, SNIPPET_WINDOW bytes, on UTF-8 boundaries. */
  size_t m = first_match(text, len, fq), from = 0, to;
  if (m == len) m = 0;
  if (m > 512) {
    from = m - 512;
    size_t back = from > 64 ? from - 64 : 0;
    while (from > back && text[from - 1] != ' ' && text[from - 1] != '\n') from--;
    while (from < m && ((unsigned char)text[from] & 0xC0) == 0x80) from++;
  }
  to = len - from > SNIPPET_WINDOW ? from + SNIPPET_WINDOW : len;
  while (to > from && to < len && ((unsigned char)text[to] & 0xC0) == 0x80) to--;

  char *out = NULL;
  sqlite3_stmt *s = stmt(st, Q_SNIP_PUT);
  if (!s) return NULL;
  sqlite3_bind_text(s, 1, text + from, (int)(to - from), SQLITE_STATIC);
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  if (rc == SQLITE_DONE && (s = stmt(st, Q_SNIP))) {
    sqlite3_bind_text(s, 1, fq->ptr, (int)fq->len, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) {
      const char *t = (const char *)sqlite3_column_text(s, 0);
      size_t n = (size_t)sqlite3_column_bytes(s, 0);
      /* FTS5 marks a cut at the window's start, not at the body's. */
      bool dots = from > 0 && t && strncmp(t, "…", 3) != 0;
      if (t && (out = malloc(n + 4))) {
        memcpy(out, "…", dots ? 3 : 0);
        memcpy(out + (dots ? 3 : 0), t, n + 1);
      }
    }
    sqlite3_reset(s);
  }
  exec_q(st, Q_SNIP_CLEAR);
  if (rc != SQLITE_DONE) return NULL;
  return out ? out : lead_snippet(text, len);
}

int ng_store_list(ng_store *st, const char *q, bool any_word, int64_t exclude,
                  int64_t offset, int64_t limit, int64_t *total,
                  ng_store_row_fn fn, void *user) {
  ng_buf fq = NG_BUF_INIT, snipq = NG_BUF_INIT;
  int words = q ? fts_query(&fq, q, any_word ? ANY_LONG_WORD : ALL_WORDS) : 0;
  int ret = -1;
  *total = 0;
  /* A query without a word (only punctuation; a title of short words for
   * related articles) matches nothing, rather than list every article. */
  if (q && !words) return 0;
  if (words) fts_query(&snipq, q, ANY_WORD);
  sqlite3_stmt *c = stmt(st, words ? Q_SEARCH_COUNT : Q_COUNT);
  if (!c) goto done;
  sqlite3_bind_int64(c, 1, exclude);
  if (words) sqlite3_bind_text(c, 2, fq.ptr, (int)fq.len, SQLITE_STATIC);
  int rc = sqlite3_step(c);
  if (rc == SQLITE_ROW) *total = sqlite3_column_int64(c, 0);
  sqlite3_reset(c);
  if (rc != SQLITE_ROW) goto done;
  sqlite3_stmt *s = stmt(st, words ? Q_SEARCH : Q_LIST);
  if (!s) goto done;
  sqlite3_bind_int64(s, 1, exclude);
  sqlite3_bind_int64(s, 2, limit);
  sqlite3_bind_int64(s, 3, offset);
  if (words) {
    sqlite3_bind_text(s, 4, fq.ptr, (int)fq.len, SQLITE_STATIC);
    sqlite3_bind_int(s, 5, SNIPPET_SCAN);
  }
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    /* The per-row snippets are statements of their own: the time budget
     * is checked between rows as well. */
    if (words && st->stop && st->stop(st->stop_user)) {
      rc = SQLITE_INTERRUPT;
      break;
    }
    ng_stored row;
    read_row(s, &row, false);
    char *snip = NULL;
    const char *lead = (const char *)sqlite3_column_text(s, 14);
    if (words && lead)
      snip = snippet_of(st, lead, (size_t)sqlite3_column_bytes(s, 14), &snipq);
    fn(&row, snip, user);
    free(snip);
    ng_stored_dispose(&row);
  }
  sqlite3_reset(s);
  ret = rc == SQLITE_DONE ? 0 : -1;
done:
  ng_buf_dispose(&fq);
  ng_buf_dispose(&snipq);
  return ret;
}

static int64_t one_int(ng_store *st, int which, int64_t arg, int *err) {
  sqlite3_stmt *s = stmt(st, which);
  int64_t v = 0;
  if (!s) {
    *err = 1;
    return 0;
  }
  sqlite3_bind_int64(s, 1, arg);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
  else *err = 1;
  sqlite3_reset(s);
  return v;
}

int ng_store_neighbours(ng_store *st, int64_t id, int64_t *prev,
                        int64_t *next) {
  int err = 0;
  *prev = one_int(st, Q_PREV, id, &err);
  *next = one_int(st, Q_NEXT, id, &err);
  return err ? -1 : 0;
}

int64_t ng_store_count(ng_store *st) {
  int err = 0;
  int64_t n = one_int(st, Q_COUNT, 0, &err);
  return err ? -1 : n;
}

int ng_store_ping(ng_store *st) { return exec_q(st, Q_PING); }

void ng_store_set_interrupt(ng_store *st, int (*stop)(void *user), void *user) {
  /* 1000 virtual machine steps take some microseconds. */
  sqlite3_progress_handler(st->db, stop ? 1000 : 0, stop, user);
  st->stop = stop;
  st->stop_user = user;
}

int ng_store_after(ng_store *st, int64_t after, int64_t limit, ng_store_row_fn fn,
                   void *user) {
  sqlite3_stmt *s = stmt(st, Q_AFTER);
  if (!s) return -1;
  sqlite3_bind_int64(s, 1, after);
  sqlite3_bind_int64(s, 2, limit);
  int rc, n = 0;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    ng_stored row;
    read_row(s, &row, false);
    fn(&row, NULL, user);
    ng_stored_dispose(&row);
    n++;
  }
  sqlite3_reset(s);
  return rc == SQLITE_DONE ? n : -1;
}

int ng_store_summary_get(ng_store *st, int64_t id, int sentences, int words,
                         char **json, size_t *len) {
  *json = NULL;
  *len = 0;
  sqlite3_stmt *s = stmt(st, Q_SUM_GET);
  if (!s) return -1;
  sqlite3_bind_int64(s, 1, id);
  sqlite3_bind_int(s, 2, sentences);
  sqlite3_bind_int(s, 3, words);
  sqlite3_bind_text(s, 4, ng_version(), -1, SQLITE_STATIC);
  int rc = sqlite3_step(s), found = 0;
  if (rc == SQLITE_ROW) {
    *json = col_dup(s, 0);
    *len = (size_t)sqlite3_column_bytes(s, 0);
    found = *json ? 1 : -1;
  } else if (rc != SQLITE_DONE) {
    found = -1;
  }
  sqlite3_reset(s);
  return found;
}

int ng_store_summary_put(ng_store *st, int64_t id, int sentences, int words,
                         const char *json, size_t len) {
  sqlite3_stmt *s = stmt(st, Q_SUM_PUT);
  if (!s) return -1;
  sqlite3_bind_int64(s, 1, id);
  sqlite3_bind_int(s, 2, sentences);
  sqlite3_bind_int(s, 3, words);
  sqlite3_bind_text(s, 4, json, (int)len, SQLITE_STATIC);
  sqlite3_bind_text(s, 5, ng_version(), -1, SQLITE_STATIC);
  /* Best effort: a reader does not queue behind another connection's
   * write (an ingest holds the lock while it indexes); the summary is
   * served anyway and computed again next time. */
  sqlite3_busy_timeout(st->db, SUMMARY_PUT_WAIT_MS);
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  sqlite3_busy_timeout(st->db, BUSY_WAIT_MS);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- ingest --------------------------------------------------------- */

static void sha256_hex(char out[65], const char *data, size_t len) {
  struct sha256_ctx h;
  uint8_t d[SHA256_DIGEST_SIZE];
  sha256_init(&h);
  sha256_update(&h, len, (const uint8_t *)data);
  sha256_digest(&h, sizeof d, d);
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < sizeof d; i++) {
    out[2 * i] = hex[d[i] >> 4];
    out[2 * i + 1] = hex[d[i] & 15];
  }
  out[64] = '\0';
}

/* A title for text without one: the first sentence, cut at a word break
 * near 90 bytes (a space is ASCII, so the cut is a UTF-8 boundary). */
static void derive_title(ng_buf *out, const char *text, ng_span s) {
  size_t n = s.len;
  if (n > 90) {
    n = 90;
    while (n > 40 && text[s.off + n] != ' ') n--;
    if (text[s.off + n] != ' ') {
      /* no space: back up to a UTF-8 lead byte */
      while (n > 0 && ((unsigned char)text[s.off + n] & 0xC0) == 0x80) n--;
    }
    ng_buf_put(out, text + s.off, n);
    ng_buf_puts(out, "…");
  } else {
    ng_buf_put(out, text + s.off, n);
  }
}

static int db_fail(ng_error *err, ng_store *st) {
  (void)st;
  err->code = NG_EINVAL;
  err->msg = "database error";
  err->offset = 0;
  return NG_EINVAL;
}

static void bind_str(sqlite3_stmt *s, int i, const char *v, size_t n) {
  if (v) sqlite3_bind_text(s, i, v, (int)n, SQLITE_TRANSIENT);
  else sqlite3_bind_null(s, i);
}

static void bind_field(sqlite3_stmt *s, int i, const ng_article *a,
                       ng_field f) {
  size_t n = 0;
  const char *v = ng_article_field(a, f, &n);
  bind_str(s, i, v && n ? v : NULL, n);
}

int ng_store_ingest(int64_t *id, bool *dup, ng_store *st, ng_ctx *ctx,
                    const ng_ingest_input *in, ng_error *err) {
  char hash[65];
  *id = 0;
  *dup = false;
  sha256_hex(hash, in->data, in->len);
  int dberr = 0;
  sqlite3_stmt *s = stmt(st, Q_BY_HASH);
  if (!s) return db_fail(err, st);
  sqlite3_bind_text(s, 1, hash, 64, SQLITE_STATIC);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) *id = sqlite3_column_int64(s, 0);
  else if (rc != SQLITE_DONE) dberr = 1;
  sqlite3_reset(s);
  if (dberr) return db_fail(err, st);
  if (*id) {
    *dup = true;
    return NG_OK;
  }

  ng_extract_options eo = NG_EXTRACT_OPTIONS_INIT;
  eo.kind = in->kind;
  eo.max_bytes = in->max_bytes;
  eo.url = in->url;
  eo.charset = in->charset;
  ng_article *a = NULL;
  ng_buf body = NG_BUF_INIT, title = NG_BUF_INIT;
  rc = ng_extract(&a, ctx, in->data, in->len, &eo, err);
  if (rc) goto done;
  const ng_doc *doc = ng_article_doc(a);
  if (!doc) {
    err->code = rc = NG_EEMPTY;
    err->msg = "not an article (a listing page)";
    err->offset = 0;
    goto done;
  }
  size_t tlen;
  const char *text = ng_doc_text(doc, &tlen);
  size_t np = ng_doc_paragraph_count(doc);
  for (size_t i = 0; i < np; i++) {
    ng_span p = ng_doc_paragraph(doc, i);
    if (i) ng_buf_puts(&body, "\n\n");
    ng_buf_put(&body, text + p.off, p.len);
  }
  if (body.len == 0) ng_buf_put(&body, text, tlen);
  size_t n;
  const char *t = ng_article_field(a, NG_FIELD_TITLE, &n);
  /* A title the client gives is the one it wants shown. */
  if (in->title && in->title[0]) ng_buf_puts(&title, in->title);
  else if (t && n) ng_buf_put(&title, t, n);
  else if (ng_doc_sentence_count(doc))
    derive_title(&title, text, ng_doc_sentence(doc, 0));
  if (body.len > (size_t)0x7fffffff || in->len > (size_t)0x7fffffff) {
    err->code = rc = NG_ETOOBIG;
    err->msg = "article too large for the store";
    err->offset = 0;
    goto done;
  }

  if (exec_q(st, Q_BEGIN)) {
    rc = db_fail(err, st);
    goto done;
  }
  s = stmt(st, Q_INSERT);
  if (!s) goto rollback;
  sqlite3_bind_text(s, 1, hash, 64, SQLITE_STATIC);
  bind_str(s, 2, in->source, in->source ? strlen(in->source) : 0);
  const char *url = ng_article_field(a, NG_FIELD_URL, &n);
  if (url && n) bind_str(s, 3, url, n);
  else bind_str(s, 3, in->url, in->url ? strlen(in->url) : 0);
  bind_str(s, 4, title.ptr, title.len);
  bind_field(s, 5, a, NG_FIELD_AUTHOR);
  bind_field(s, 6, a, NG_FIELD_DATE);
  bind_field(s, 7, a, NG_FIELD_SITE);
  bind_field(s, 8, a, NG_FIELD_DESCRIPTION);
  sqlite3_bind_text(s, 9, ng_lang_code(ng_doc_lang(doc)), -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 10,
                    ng_article_input_kind(a) == NG_INPUT_HTML ? "html" : "text",
                    -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 11, (sqlite3_int64)in->len);
  sqlite3_bind_int64(s, 12, (sqlite3_int64)ng_doc_token_count(doc));
  sqlite3_bind_text(s, 13, body.ptr ? body.ptr : "", (int)body.len,
                    SQLITE_STATIC);
  rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) goto rollback;
  if (sqlite3_changes(st->db) == 0) {
    /* Another writer stored the same bytes between our check and now. */
    s = stmt(st, Q_BY_HASH);
    if (!s) goto rollback;
    sqlite3_bind_text(s, 1, hash, 64, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) *id = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    *dup = true;
  } else {
    *id = sqlite3_last_insert_rowid(st->db);
    s = stmt(st, Q_INSERT_RAW);
    if (!s) goto rollback;
    sqlite3_bind_int64(s, 1, *id);
    sqlite3_bind_blob(s, 2, in->data, (int)in->len, SQLITE_STATIC);
    bind_str(s, 3, in->charset, in->charset ? strlen(in->charset) : 0);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) goto rollback;
  }
  if (exec_q(st, Q_COMMIT)) goto rollback;
  rc = NG_OK;
  goto done;
rollback:
  exec_q(st, Q_ROLLBACK);
  *id = 0;
  *dup = false;
  rc = db_fail(err, st);
done:
  ng_buf_dispose(&body);
  ng_buf_dispose(&title);
  ng_article_free(a);
  return rc;
}

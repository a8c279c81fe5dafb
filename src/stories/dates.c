/* dates.c - dates in an article and their ISO 8601 keys.
 *
 * "June 25", "25 June 2024", "December 2023", a weekday ("Monday": the last
 * such day on or before the article's date), a bare month after "in",
 * "since", ... ("earlier in December"). Without the article's date a day
 * and month have the key "--06-25" and a weekday none. */
#include "entity_list.h"

#include "../text/errors.h"
#include "../text/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[12] = {"january", "february", "march",
                                       "april", "may", "june", "july",
                                       "august", "september", "october",
                                       "november", "december"};

static const char *const wdays[7] = {"monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday",
                                     "sunday"};

static const unsigned char month_len[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};

static const unsigned char wday_len[7] = {6, 7, 9, 8, 6, 8, 6};

/* 1..12 for a month name or abbreviation ("sept", "jan"), else 0. */
int ng_month_of(const char *f, size_t n) {
  if (n < 3 || n > 9) return 0;
  switch (f[0]) { /* the first letters of the twelve */
  case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
  default: return 0;
  }
  for (int m = 0; m < 12; m++) {
    size_t ml = month_len[m];
    if (n == ml && memcmp(f, months[m], n) == 0) return m + 1;
    if (m != 4 && (n == 3 || (n == 4 && m == 8)) && memcmp(f, months[m], n) == 0)
      return m + 1;
  }
  return 0;
}

/* False when a token's folded form is surely no month or weekday name
 * (month_of, wday_of): it opens with two ASCII bytes (so its first
 * letter folds to its ASCII lower case, with no mark to compose with)
 * and that letter opens none of the names. Most capitalized tokens are
 * passed over so, unfolded. */
static bool may_be_month_or_day(const char *s, size_t n) {
  if (n < 2 || (unsigned char)s[0] >= 0x80 || (unsigned char)s[1] >= 0x80)
    return true;
  /* The first letters of "january".."december", "monday".."sunday". */
  return memchr("adfjmnostw", s[0] | 0x20, 10) != NULL;
}

int ng_wday_of(const char *f, size_t n) {
  if (n < 6 || n > 9) return -1;
  switch (f[0]) {
  case 'm': case 't': case 'w': case 'f': case 's': break;
  default: return -1;
  }
  for (int d = 0; d < 7; d++)
    if (n == wday_len[d] && memcmp(f, wdays[d], n) == 0) return d;
  return -1;
}

static int small_number(const char *s, size_t n, int max) {
  if (n == 0 || n > 4) return -1;
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      /* 25th, 1st */
      if (i > 0 && n - i == 2) break;
      return -1;
    }
    v = v * 10 + (s[i] - '0');
  }
  return v >= 1 && v <= max ? v : -1;
}

/* Days from civil date (proleptic Gregorian), after H. Hinnant's
 * well-known formula. */
static int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int yy = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yy + (*m <= 2);
}

int32_t ng_date_days(const char *s, size_t n) {
  if (!s || n < 10) return INT32_MIN;
  for (size_t i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
      return INT32_MIN;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31) return INT32_MIN;
  return days_from_civil(y, m, d);
}

typedef struct dstate {
  int32_t base; /* article date in days, or INT32_MIN */
  int base_y, base_m;
} dstate;

/* Resolves a month/day (and optional year) against the article date. */
static void date_key(char *key, size_t cap, const dstate *ds, int y, int m,
                     int d) {
  if (y <= 0 && ds->base != INT32_MIN) {
    y = ds->base_y;
    /* "December 30" in a January article is last year. */
    if (m > ds->base_m + 1) y--;
  }
  if (d <= 0) {
    if (y > 0) snprintf(key, cap, "%04d-%02d", y, m);
    else snprintf(key, cap, "--%02d", m);
  } else if (y > 0) {
    snprintf(key, cap, "%04d-%02d-%02d", y, m, d);
  } else {
    snprintf(key, cap, "--%02d-%02d", m, d);
  }
}

/* Does token p (just before month token t) make a bare month a date: "in
 * December", "since June", "mid-March", "last May"? */
static bool month_cue(const char *text, const ng_tok *p, const ng_tok *t) {
  uint32_t gap = t->off - (p->off + p->len);
  if (gap != 1 || (text[t->off - 1] != ' ' && text[t->off - 1] != '-')) return false;
  char f[16];
  size_t fl = p->len < sizeof f ? fold(f, sizeof f, text + p->off, p->len) : 0;
  return has(NG_LEX_ent_month_cues, f, fl);
}

int ng_ent_add_dates(elist *el, const ng_doc *doc, const char *date, size_t date_len,
                     unsigned flags) {
  int rc = NG_OK;
  const char *text = doc->text;
  dstate ds;
  ds.base = ng_date_days(date, date_len);
  ds.base_y = ds.base_m = 0;
  if (ds.base != INT32_MIN) {
    int d;
    civil_from_days(ds.base, &ds.base_y, &ds.base_m, &d);
  }
  for (size_t r = 0; r < doc->nsent; r++) {
    uint32_t b = doc->sents[r].tok_begin, e = doc->sents[r].tok_end;
    for (uint32_t k = b; k < e; k++) {
      const ng_tok *t = &doc->toks[k];
      /* Month and weekday names are capitalized: other tokens start no
       * date, and need no folding. */
      if (!(t->flags & NG_TOK_UPPER1) ||
          !may_be_month_or_day(text + t->off, t->len))
        continue;
      char f[64];
      size_t fl = fold(f, sizeof f, text + t->off, t->len);
      if (!fl) continue;
      int mo = ng_month_of(f, fl);
      int wd = ng_wday_of(f, fl);
      char key[32] = "";
      uint32_t end = t->off + t->len;
      if (mo) {
        if (fl <= 4 && mo == 5) continue;
        int day = -1, year = -1;
        if (k + 1 < e) {
          const ng_tok *u = &doc->toks[k + 1];
          day = small_number(text + u->off, u->len, 31);
          if (day > 0) {
            end = u->off + u->len;
            if (k + 2 < e) {
              const ng_tok *v = &doc->toks[k + 2];
              if (v->len == 4 && (v->flags & NG_TOK_DIGIT) && !(v->flags & NG_TOK_ALPHA)) {
                year = atoi(text + v->off);
                if (year < 1800 || year > 2200) year = -1;
                else end = v->off + v->len;
              }
            }
          } else if (u->len == 4 && (u->flags & NG_TOK_DIGIT) && !(u->flags & NG_TOK_ALPHA)) {
            year = atoi(text + u->off);
            if (year < 1800 || year > 2200) year = -1;
            else end = u->off + u->len;
          }
        }
        uint32_t start = t->off;
        if (day <= 0 && k > b) { /* "25 June" */
          const ng_tok *p = &doc->toks[k - 1];
          int d2 = small_number(text + p->off, p->len, 31);
          if (d2 > 0) {
            day = d2;
            start = p->off;
          }
        }
        /* A bare month is a date after a word that makes it one ("earlier
         * in December", "since June", "mid-March", "last May"); alone, "May"
         * is too risky. */
        if (day <= 0 && year <= 0 &&
            ((flags & NG_ENTITIES_NO_BARE_MONTHS) || !(k > b && month_cue(text, &doc->toks[k - 1], t))))
          continue;
        date_key(key, sizeof key, &ds, year, mo, day);
        ng_span sp = {start, end - start};
        NG_TRY(ng_elist_add(el, NG_ENTITY_DATE, key, NULL, text + start, end - start, 2, sp, 1.0));
      } else if (wd >= 0) {
        /* "Tuesday, December 3" and "Tuesday 3 December" are the date that
         * follows. */
        if (k + 2 < e) {
          const ng_tok *u = &doc->toks[k + 1], *v = &doc->toks[k + 2];
          char gu[16], gv[16];
          size_t lu = u->len < sizeof gu ? fold(gu, sizeof gu, text + u->off, u->len) : 0;
          size_t lv = v->len < sizeof gv ? fold(gv, sizeof gv, text + v->off, v->len) : 0;
          if ((lu && ng_month_of(gu, lu) && small_number(text + v->off, v->len, 31) > 0) ||
              (lv && ng_month_of(gv, lv) && small_number(text + u->off, u->len, 31) > 0))
            continue;
        }
        if (ds.base != INT32_MIN) {
          /* The last such weekday on or before the article's date
           * (1970-01-01 was a Thursday: weekday index 3). */
          int32_t base_wd = ((ds.base % 7) + 7 + 3) % 7;
          int32_t back = (base_wd - wd + 7) % 7;
          int y, m2, d;
          civil_from_days(ds.base - back, &y, &m2, &d);
          snprintf(key, sizeof key, "%04d-%02d-%02d", y, m2, d);
        }
        ng_span sp = {t->off, t->len};
        char wkey[16];
        snprintf(wkey, sizeof wkey, "\x01w%d", wd); /* not a key: "" */
        NG_TRY(ng_elist_add(el, NG_ENTITY_DATE, key, key[0] ? NULL : wkey,
                         text + t->off, t->len, 1, sp, 1.0));
      }
    }
  }
done:
  return rc;
}

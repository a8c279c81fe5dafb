/* gen-lexicons.c - writes src/data/lexicons.inc and lexicon_ids.inc from
 * the word lists src/data/lex/NAME.txt (one entry per line).
 *
 *   gen-lexicons OUT_DIR LIST.txt...     (tools/gen-lexicons.sh runs it)
 *
 * Each list becomes
 *   - lex_NAME[]: its entries with their lengths, sorted in byte order and
 *     without duplicates (trailing blanks and empty lines dropped), which
 *     the word-boundary scan of ng_lex_contains() walks;
 *   - lex_NAME_slots[]: an open-addressing table of FNV-1a hashes (the
 *     library's own, src/text/hash.h) over the entries, a power of two at
 *     least twice the entries, each slot 0 or entry index + 1, so that
 *     ng_lex_has() is one hash and usually one compare instead of a
 *     binary search with a strlen per step;
 *   - lex_NAME_first[]: a 1,024-bit filter of the FNV-1a hashes of the
 *     entries' first words (their leading run of word bytes, as
 *     ng_lex_contains() reads words), so that the word-boundary scan
 *     searches only at words some entry starts with;
 *   - lex_NAME_max_words: the most words in an entry (spaces + 1), so that
 *     a caller can pass over text with more words without a lookup.
 * And over the stop-word lists (named stop_*):
 *   - lex_stop_filter[]: a 4,096-bit filter of their entries' FNV-1a hashes
 *     (bits 20-31), so that language detection passes over most words of
 *     a text (the ones in no stop-word list) without a probe.
 * And over all lists together:
 *   - lex_all[], lex_all_lists[], lex_all_slots[]: every distinct entry
 *     once, with the set of lists that hold it (bit i for the i-th list
 *     given), in the same kind of hash table, so that ng_lex_lists() tests
 *     a word against every list with one hash and one probe (language
 *     detection asks nine stop-word lists about each word).
 * Output is deterministic: the same lists give the same bytes. */
#include "../src/text/hash.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
  char *s;
  size_t n;
  uint64_t lists; /* lex_all only: bit per list holding the entry */
} entry;

static int cmp_entry(const void *a, const void *b) {
  const entry *x = a, *y = b;
  size_t n = x->n < y->n ? x->n : y->n;
  int c = memcmp(x->s, y->s, n);
  if (c) return c;
  return x->n < y->n ? -1 : x->n > y->n;
}

/* The list's name: the file name without folder and ".txt". */
static void list_name(char *out, size_t cap, const char *path) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  size_t n = strlen(b);
  if (n > 4 && strcmp(b + n - 4, ".txt") == 0) n -= 4;
  if (n >= cap) n = cap - 1;
  memcpy(out, b, n);
  out[n] = '\0';
}

static entry *read_list(const char *path, size_t *count) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 64, n = 0;
  entry *v = malloc(cap * sizeof *v);
  char line[4096];
  while (v && fgets(line, sizeof line, f)) {
    size_t l = strlen(line);
    while (l > 0 && (line[l - 1] == '\n' || line[l - 1] == '\r' ||
                     line[l - 1] == ' ' || line[l - 1] == '\t'))
      l--;
    if (!l) continue;
    if (n == cap) {
      entry *nv = realloc(v, (cap *= 2) * sizeof *v);
      if (!nv) {
        free(v);
        v = NULL;
        break;
      }
      v = nv;
    }
    v[n].lists = 0;
    v[n].s = malloc(l + 1);
    if (!v[n].s) exit(1);
    memcpy(v[n].s, line, l);
    v[n].s[l] = '\0';
    v[n++].n = l;
  }
  fclose(f);
  if (!v) return NULL;
  qsort(v, n, sizeof *v, cmp_entry);
  size_t u = 0; /* drop duplicates */
  for (size_t i = 0; i < n; i++) {
    if (u && cmp_entry(&v[u - 1], &v[i]) == 0) {
      free(v[i].s);
      continue;
    }
    v[u++] = v[i];
  }
  *count = u;
  return v;
}

/* As src/text/lexicon.c: letters, digits and every non-ASCII byte. */
static int is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

#define FIRST_BITS 1024 /* NG_LEX_FIRST_BITS in src/text/lexicon.c */
#define STOP_FILTER_BITS 4096 /* the size of lex_stop_filter, in bits */

/* Writes the open-addressing table over v[0..n) as lex_NAME_slots. */
static int put_slots(FILE *o, const char *name, const entry *v, size_t n) {
  size_t slots = 16;
  while (slots < 2 * n) slots *= 2;
  uint16_t *t = calloc(slots, sizeof *t);
  if (!t || n >= 65535) return 1;
  for (size_t i = 0; i < n; i++) {
    size_t h = ng_fnv32(v[i].s, v[i].n) & (slots - 1);
    while (t[h]) h = (h + 1) & (slots - 1);
    t[h] = (uint16_t)(i + 1);
  }
  fprintf(o, "static const uint16_t lex_%s_slots[%zu] = {", name, slots);
  for (size_t i = 0; i < slots; i++)
    fprintf(o, "%s%u%s", i % 16 ? " " : "\n  ", t[i], i + 1 < slots ? "," : "");
  fputs("\n};\n", o);
  free(t);
  return 0;
}

static void put_string(FILE *o, const entry *e) {
  fputc('"', o);
  for (size_t i = 0; i < e->n; i++) {
    unsigned char c = (unsigned char)e->s[i];
    if (c == '"' || c == '\\') fprintf(o, "\\%c", c);
    else if (c < 0x20 || c >= 0x7f) fprintf(o, "\\%03o", c);
    else fputc(c, o);
  }
  fputc('"', o);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: gen-lexicons OUT_DIR LIST.txt...\n");
    return 2;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/lexicons.inc", argv[1]);
  FILE *o = fopen(path, "w");
  snprintf(path, sizeof path, "%s/lexicon_ids.inc", argv[1]);
  FILE *ids = fopen(path, "w");
  if (!o || !ids) {
    fprintf(stderr, "gen-lexicons: cannot write to %s\n", argv[1]);
    return 1;
  }
  fprintf(o, "/* Generated by tools/gen-lexicons from the lists in src/data/lex. Do not edit. */\n");
  if (argc - 2 > 64) {
    fprintf(stderr, "gen-lexicons: at most 64 lists (lex_all_lists has a bit each)\n");
    return 1;
  }
  entry *all = NULL;
  size_t nall = 0, allcap = 0;
  uint64_t stop_filter[STOP_FILTER_BITS / 64] = {0};
  fprintf(ids, "/* Generated by tools/gen-lexicons. Do not edit. */\n#define NG_LEXICON_TABLE \\\n");
  for (int a = 2; a < argc; a++) {
    size_t n = 0;
    entry *v = read_list(argv[a], &n);
    if (!v) {
      fprintf(stderr, "gen-lexicons: cannot read %s\n", argv[a]);
      return 1;
    }
    char name[256];
    list_name(name, sizeof name, argv[a]);
    fprintf(o, "static const ng_lex_word lex_%s[] = {\n", name);
    for (size_t i = 0; i < n; i++) {
      fputs("  {", o);
      put_string(o, &v[i]);
      fprintf(o, ", %zu},\n", v[i].n);
    }
    if (!n) fputs("  {\"\", 0},\n", o);
    fputs("};\n", o);
    if (put_slots(o, name, v, n)) return 1;
    /* An entry that opens with a non-word byte never matches at a word
     * start, so it sets no bit. */
    uint64_t first[FIRST_BITS / 64] = {0};
    for (size_t i = 0; i < n; i++) {
      size_t p = 0;
      while (p < v[i].n && is_word_byte((unsigned char)v[i].s[p])) p++;
      if (!p) continue;
      uint32_t h = ng_fnv32(v[i].s, p) & (FIRST_BITS - 1);
      first[h / 64] |= UINT64_C(1) << (h % 64);
    }
    fprintf(o, "static const uint64_t lex_%s_first[%d] = {", name, FIRST_BITS / 64);
    for (size_t i = 0; i < FIRST_BITS / 64; i++)
      fprintf(o, "%s0x%016llxu%s", i % 4 ? " " : "\n  ", (unsigned long long)first[i],
              i + 1 < FIRST_BITS / 64 ? "," : "");
    fputs("\n};\n", o);
    size_t max_words = 0;
    for (size_t i = 0; i < n; i++) {
      size_t w = 1;
      for (size_t k = 0; k < v[i].n; k++) w += v[i].s[k] == ' ';
      if (w > max_words) max_words = w;
    }
    fprintf(o, "static const size_t lex_%s_max_words = %zu;\n", name, max_words);
    fprintf(ids, "  X(%s, %zu) \\\n", name, n);
    if (strncmp(name, "stop_", 5) == 0)
      for (size_t i = 0; i < n; i++) {
        uint32_t h = (ng_fnv32(v[i].s, v[i].n) >> 20) & (STOP_FILTER_BITS - 1);
        stop_filter[h / 64] |= UINT64_C(1) << (h % 64);
      }
    if (nall + n > allcap) {
      allcap = (nall + n) * 2;
      all = realloc(all, allcap * sizeof *all);
      if (!all) return 1;
    }
    for (size_t i = 0; i < n; i++) {
      all[nall] = v[i];
      all[nall++].lists = UINT64_C(1) << (a - 2);
    }
    free(v);
  }
  fputs("\n", ids);
  fprintf(o, "static const uint64_t lex_stop_filter[%d] = {", STOP_FILTER_BITS / 64);
  for (size_t i = 0; i < STOP_FILTER_BITS / 64; i++)
    fprintf(o, "%s0x%016llxu%s", i % 4 ? " " : "\n  ", (unsigned long long)stop_filter[i],
            i + 1 < STOP_FILTER_BITS / 64 ? "," : "");
  fputs("\n};\n", o);
  /* Every list at once: entries sorted, repeats merged into one entry
   * with the union of their lists. */
  qsort(all, nall, sizeof *all, cmp_entry);
  size_t u = 0;
  for (size_t i = 0; i < nall; i++) {
    if (u && cmp_entry(&all[u - 1], &all[i]) == 0) {
      all[u - 1].lists |= all[i].lists;
      free(all[i].s);
      continue;
    }
    all[u++] = all[i];
  }
  fputs("static const ng_lex_word lex_all[] = {\n", o);
  for (size_t i = 0; i < u; i++) {
    fputs("  {", o);
    put_string(o, &all[i]);
    fprintf(o, ", %zu},\n", all[i].n);
  }
  if (!u) fputs("  {\"\", 0},\n", o);
  fputs("};\n", o);
  fprintf(o, "static const uint64_t lex_all_lists[] = {");
  for (size_t i = 0; i < u; i++)
    fprintf(o, "%s0x%llxu%s", i % 8 ? " " : "\n  ", (unsigned long long)all[i].lists,
            i + 1 < u ? "," : "");
  if (!u) fputs("0", o);
  fputs("\n};\n", o);
  if (put_slots(o, "all", all, u)) return 1;
  for (size_t i = 0; i < u; i++) free(all[i].s);
  free(all);
  fclose(o);
  fclose(ids);
  return 0;
}

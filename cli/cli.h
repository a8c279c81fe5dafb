/* cli.h - what the nutgraf command's files share. The command is a thin
 * shell over nutgraf.h: it reads files, maps statuses to exit codes and
 * messages, and prints what the library renders. */
#ifndef NG_CLI_H
#define NG_CLI_H

#include "nutgraf.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes (documented in the man page). */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* One subcommand: argv[0] is the subcommand's name. */
typedef struct cli_command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} cli_command;

int cmd_summarize(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_stories(int argc, char **argv);

/* `nutgraf eval digest` (eval_digest.c). */
int eval_digest(const char *data_dir, const char *method, size_t words, size_t limit, bool tsv);

/* Prints "nutgraf: <msg>" (printf-style) to stderr as one line. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints a library failure for `what` (a file name) as one line and
 * returns the exit code for it. */
int cli_fail(const char *what, int code, const ng_error *err);

/* Reads a whole file ("-" = stdin) of at most `max` bytes into a new
 * buffer (free with free()). Returns 0, or prints one line and returns
 * EXIT_FAIL (missing file, directory, read error, over the limit). */
int cli_read(const char *path, size_t max, char **out, size_t *len);

/* JSON Lines input: reads one line of f into *line (grown as needed;
 * free with free()), without its "\n" or "\r\n" or a leading UTF-8 byte
 * order mark, length in *len. A line longer than `max` bytes is read to
 * its end and dropped, so one runaway line neither fills memory nor stops
 * a batch. Returns CLI_LINE (a line),
 * CLI_LINE_END (end of input), CLI_LINE_LONG (a line over max, skipped)
 * or CLI_LINE_ERROR (read error or out of memory). */
enum { CLI_LINE_ERROR = -2, CLI_LINE_LONG = -1, CLI_LINE_END = 0, CLI_LINE = 1 };
int cli_getline(char **line, size_t *cap, size_t *len, FILE *f, size_t max);

/* The longest JSON line read for articles of at most max_bytes: twice
 * that, as escaping in JSON lengthens a text. */
static inline size_t cli_line_limit(size_t max_bytes) {
  return max_bytes > ((size_t)-1) / 2 ? (size_t)-1 : 2 * max_bytes;
}

/* Parses a non-negative integer, with an optional suffix k, m or g (in
 * either case) for KiB, MiB, GiB. */
int cli_parse_size(const char *s, size_t *out);

/* A usage error's second line, after the one that says what is wrong
 * (getopt_long's own for a bad option: main() makes argv[0] "nutgraf
 * CMD", so it reads "nutgraf CMD: unrecognized option '--x'"): "Try
 * 'nutgraf CMD --help'." Returns EXIT_USAGE. */
int cli_usage_hint(const char *cmd);

/* Option values: on a bad value print one line naming the flag and return
 * EXIT_USAGE; else store the value and return EXIT_OK. */
int cli_opt_count(const char *flag, const char *arg, size_t min, size_t max,
                  size_t *out);
int cli_opt_bytes(const char *flag, const char *arg, size_t *out);
int cli_opt_lang(const char *arg, ng_lang *out);
/* A date: a real calendar day "YYYY-MM-DD", optionally followed by 'T' or
 * ' ' and a time "HH:MM[:SS[.fff]]" with an optional zone ("Z", "+02:00",
 * "-0500"). The library reads the day (the first ten bytes). */
bool cli_date_valid(const char *s);
int cli_opt_date(const char *flag, const char *arg, const char **out);

/* Output. Write errors are reported once, by cli_close(): main() closes
 * standard output after every command, and a command closes the files it
 * opened (eval --out). A command may stop early when a write fails
 * (cli_write() failing, or ferror(stdout)) but prints nothing about it. */

/* Writes s[0..n) to stdout; EXIT_OK, or EXIT_FAIL on a write error. */
int cli_write(const char *s, size_t n);

/* Flushes f and closes it (stdout is flushed, not closed). On a write
 * error (now or earlier) prints "nutgraf: write error: NAME: REASON" and
 * returns EXIT_FAIL; else EXIT_OK. */
int cli_close(FILE *f, const char *name);

#endif

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

/* Parses a non-negative integer / a size with optional k/M/G suffix. */
int cli_parse_size(const char *s, size_t *out);

/* Option values: on a bad value print one line naming the flag and return
 * EXIT_USAGE; else store the value and return EXIT_OK. */
int cli_opt_count(const char *flag, const char *arg, size_t min, size_t max,
                  size_t *out);
int cli_opt_bytes(const char *flag, const char *arg, size_t *out);
int cli_opt_lang(const char *arg, ng_lang *out);

/* Writes buf to stdout; returns EXIT_OK or EXIT_FAIL on a write error. */
int cli_write(const char *s, size_t n);

#endif

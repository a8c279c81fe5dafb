/* main.c - the nutgraf command: a table of subcommands. */
#include "cli.h"

#include <string.h>

static const cli_command commands[] = {
    {"extract", cmd_extract, "news page HTML or scraped text -> clean article"},
    {"summarize", cmd_summarize, "short extractive summary with byte offsets"},
    {"segment", cmd_segment, "print one sentence per line"},
    {"eval", cmd_eval, "ROUGE of summaries; run the summarizer on an eval set"},
    {"serve", cmd_serve, "HTTP API and web reader on an SQLite store"},
    {"ingest", cmd_ingest, "extract articles into the store `serve` reads"},
    {"entities", cmd_entities, "people, places, organizations, dates, keyphrases"},
    {"stories", cmd_stories, "group articles into stories; rewrites; digests"},
};

static void usage(FILE *out) {
  fprintf(out,
          "Usage: nutgraf COMMAND [OPTIONS] [FILE|-]\n"
          "\n"
          "News article extraction and faithful extractive summaries.\n"
          "\n"
          "Commands:\n");
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out,
          "\n"
          "Run 'nutgraf COMMAND --help' for a command's options.\n"
          "Options: --help, --version.\n"
          "Exit status: 0 success, 1 failure (bad input, I/O), 2 usage error.\n");
}

static int run(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
      strcmp(cmd, "help") == 0) {
    usage(stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("nutgraf %s\n", ng_version());
    return EXIT_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(cmd, commands[i].name) == 0) {
      /* getopt_long starts its messages with argv[0]: "nutgraf summarize:
       * unrecognized option '--bogus'"; the command adds cli_usage_hint(). */
      char prog[64];
      snprintf(prog, sizeof prog, "nutgraf %s", commands[i].name);
      argv[1] = prog;
      return commands[i].run(argc - 1, argv + 1);
    }
  if (cmd[0] == '-') cli_error("unrecognized option '%s'", cmd);
  else cli_error("unknown command '%s'", cmd);
  fputs("Try 'nutgraf --help'.\n", stderr);
  return EXIT_USAGE;
}

int main(int argc, char **argv) {
  int status = run(argc, argv);
  /* Every command's output is checked here, once: a full disk or a
   * closed pipe is a failure, not a silent success. */
  if (cli_close(stdout, "standard output")) status = EXIT_FAIL;
  return status;
}

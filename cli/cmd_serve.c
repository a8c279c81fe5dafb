/* cmd_serve.c - `nutgraf serve`: the HTTP API and web reader (server/). */
#include "cli.h"
#include "../server/server.h"

#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char serve_usage[] =
    "Usage: nutgraf serve [OPTIONS]\n"
    "\n"
    "Serve the JSON API and the web reader over HTTP, on an SQLite store.\n"
    "\n"
    "  -d, --db PATH          database file (default\n"
    "                         $XDG_DATA_HOME/nutgraf/nutgraf.db or\n"
    "                         ~/.local/share/nutgraf/nutgraf.db)\n"
    "      --listen ADDR:PORT numeric address and port (default\n"
    "                         127.0.0.1:8080; port 0 picks a free one;\n"
    "                         IPv6 as [::1]:8080)\n"
    "  -t, --threads N        worker threads (default 4)\n"
    "      --timeout SECONDS  close connections idle or slow for this long\n"
    "                         (default 30)\n"
    "      --max-body SIZE    refuse request bodies larger than SIZE bytes with\n"
    "                         413; a suffix k, m or g (either case) means KiB,\n"
    "                         MiB, GiB (default 10M)\n"
    "      --token-file PATH  writes (POST /api/articles) need\n"
    "                         'Authorization: Bearer <first line of PATH>'\n"
    "      --log              one line per request on standard error\n"
    "  -h, --help             this text\n"
    "\n"
    "API: GET /healthz, GET /metrics, GET /api/articles?q=&page=,\n"
    "POST /api/articles, GET /api/articles/ID, GET /api/articles/ID/summary?\n"
    "sentences=N|words=W, GET /api/articles/ID/raw (the bytes as posted: what\n"
    "a text article's summary offsets index), POST /api/summarize,\n"
    "GET /api/stories?page=,\n"
    "GET /api/stories/ID (the story of article ID).\n"
    "Reader: GET / (articles, search, paste form), /a/ID (an article),\n"
    "/stories, /s/ID (a story).\n"
    "Stops cleanly on SIGINT or SIGTERM.\n";

/* "127.0.0.1:8080", "[::1]:8080" or ":8080" (= 127.0.0.1). */
static int parse_listen(const char *s, ng_server_config *cfg) {
  const char *colon;
  size_t hlen;
  if (s[0] == '[') {
    const char *rb = strchr(s, ']');
    if (!rb || rb[1] != ':') return -1;
    hlen = (size_t)(rb - s - 1);
    s++;
    colon = rb + 1;
  } else {
    colon = strrchr(s, ':');
    if (!colon) return -1;
    hlen = (size_t)(colon - s);
  }
  if (hlen >= sizeof cfg->host) return -1;
  if (hlen) {
    memcpy(cfg->host, s, hlen);
    cfg->host[hlen] = '\0';
  } else {
    strcpy(cfg->host, "127.0.0.1");
  }
  /* Digits only: a size suffix ("18k") is no port. */
  const char *p = colon + 1;
  unsigned long port;
  size_t nd = strspn(p, "0123456789");
  if (nd == 0 || nd > 5 || p[nd] != '\0') return -1;
  port = strtoul(p, NULL, 10);
  if (port > 65535) return -1;
  cfg->port = (unsigned)port;
  return 0;
}

/* The first line of a file, without its line break. */
static char *read_token(const char *path) {
  char *data;
  size_t len;
  if (cli_read(path, 4096, &data, &len)) return NULL;
  size_t n = 0;
  while (n < len && data[n] != '\n' && data[n] != '\r') n++;
  data[n] = '\0';
  if (n == 0) {
    cli_error("%s: the token file is empty", path);
    free(data);
    return NULL;
  }
  return data;
}

int cmd_serve(int argc, char **argv) {
  static const struct option longopts[] = {
      {"db", required_argument, NULL, 'd'},
      {"listen", required_argument, NULL, 'L'},
      {"threads", required_argument, NULL, 't'},
      {"timeout", required_argument, NULL, 'T'},
      {"max-body", required_argument, NULL, 'B'},
      {"token-file", required_argument, NULL, 'K'},
      {"log", no_argument, NULL, 'l'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  ng_server_config cfg;
  memset(&cfg, 0, sizeof cfg);
  strcpy(cfg.host, "127.0.0.1");
  cfg.port = 8080;
  cfg.threads = 4;
  cfg.timeout_s = 30;
  cfg.max_body = (size_t)10 << 20;
  cfg.quiet = true;
  const char *token_file = NULL;
  static char dbpath[4096];
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:t:h", longopts, NULL)) != -1) {
    size_t v;
    switch (c) {
    case 'd': cfg.db_path = optarg; break;
    case 'L':
      if (parse_listen(optarg, &cfg)) {
        cli_error("--listen wants ADDRESS:PORT like 127.0.0.1:8080, not '%s'",
                  optarg);
        return EXIT_USAGE;
      }
      break;
    case 't':
      if (cli_parse_size(optarg, &v) || v == 0 || v > 256) {
        cli_error("--threads wants a number from 1 to 256, not '%s'", optarg);
        return EXIT_USAGE;
      }
      cfg.threads = (unsigned)v;
      break;
    case 'T':
      if (cli_parse_size(optarg, &v) || v == 0 || v > 3600) {
        cli_error("--timeout wants seconds from 1 to 3600, not '%s'", optarg);
        return EXIT_USAGE;
      }
      cfg.timeout_s = (unsigned)v;
      break;
    case 'B':
      if (cli_opt_bytes("--max-body", optarg, &cfg.max_body)) return EXIT_USAGE;
      break;
    case 'K': token_file = optarg; break;
    case 'l': cfg.quiet = false; break;
    case 'h': fputs(serve_usage, stdout); return EXIT_OK;
    default: return cli_usage_hint("serve");
    }
  }
  if (optind < argc) {
    cli_error("serve takes no file arguments ('%s')", argv[optind]);
    return EXIT_USAGE;
  }
  if (!cfg.db_path) {
    if (ng_store_default_path(dbpath, sizeof dbpath)) {
      cli_error("no --db given and no home folder for the default database");
      return EXIT_USAGE;
    }
    cfg.db_path = dbpath;
  }
  char *token = NULL;
  if (token_file && !(token = read_token(token_file))) return EXIT_FAIL;
  cfg.token = token;

  /* Block the stop signals in every thread (the pool inherits the mask)
   * and wait for them here: no handler, no global flag. */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);
  signal(SIGPIPE, SIG_IGN);

  ng_server *srv = NULL;
  unsigned port = 0;
  char why[512];
  if (ng_stories_new(&cfg.stories, cfg.db_path)) {
    cli_error("out of memory");
    free(token);
    return EXIT_FAIL;
  }
  if (ng_server_start(&srv, &cfg, &port, why, sizeof why)) {
    cli_error("%s", why);
    ng_stories_free(cfg.stories);
    free(token);
    return EXIT_FAIL;
  }
  ng_stories_start(cfg.stories);
  const bool v6 = strchr(cfg.host, ':') != NULL;
  fprintf(stderr, "nutgraf: listening on http://%s%s%s:%u/ (database %s)\n",
          v6 ? "[" : "", cfg.host, v6 ? "]" : "", port, cfg.db_path);
  fflush(stderr);
  int sig = 0;
  sigwait(&stop, &sig);
  fprintf(stderr, "nutgraf: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
  ng_server_stop(srv);
  ng_stories_free(cfg.stories);
  free(token);
  return EXIT_OK;
}

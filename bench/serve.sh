#!/bin/sh
# bench/serve.sh NUTGRAF - load test of `nutgraf serve` with wrk on loopback
# (make bench-serve). Not a test: prints figures for BENCHMARKS.md.
#
#   1. GET /api/articles/{id}/summary, cached (the store answers)
#   2. POST /api/summarize, uncached (extract + summarize every time), of a
#      4 kB text article and of a 152 kB HTML page (../shared/data, if there)
#
# For each: requests/s, p50/p99 latency, and the server's RSS sampled during
# the run plus its peak (VmHWM). Runs under nice, as the machine is shared.
# DURATION (seconds, default 20), CONNS (default 32), THREADS (server pool,
# default 2) and WRK_THREADS (default 2) override the defaults.
set -eu
NUTGRAF=${1:?usage: bench/serve.sh path/to/nutgraf}
DURATION=${DURATION:-20}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
WRK_THREADS=${WRK_THREADS:-2}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/serve_lib.sh"
command -v wrk > /dev/null || { echo "bench-serve: wrk missing (scripts/install-deps.sh --bench)"; exit 1; }
command -v curl > /dev/null || { echo "bench-serve: curl missing"; exit 1; }
tmp=$(mktemp -d)
pid=
sampler=
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2> /dev/null
  [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

"$NUTGRAF" ingest -q --db "$tmp/bench.db" samples/news > /dev/null
ids=$(ls samples/news/*.txt | wc -l)
: > "$tmp/log"
nice -n 5 "$NUTGRAF" serve --db "$tmp/bench.db" --listen 127.0.0.1:0 --threads "$THREADS" 2> "$tmp/log" &
pid=$!
wait_listening "$tmp/log"
base=$BASE
for id in $(seq 1 "$ids"); do curl -s -o /dev/null "$base/api/articles/$id/summary"; done

rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
# utime + stime of the server in clock ticks (fields 14 and 15; the name in
# field 2 has no spaces here).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$pid/status"; }

run() { # name lua [body file] [content type]
  echo "== $1: wrk -t$WRK_THREADS -c$CONNS -d${DURATION}s, server --threads $THREADS"
  : > "$tmp/rss"
  (while :; do rss >> "$tmp/rss"; sleep 2; done) &
  sampler=$!
  t0=$(cpu_ticks)
  NG_BENCH_IDS=$ids NG_BENCH_BODY=${3:-samples/news/002_f29642c651209d67.txt} NG_BENCH_TYPE=${4:-text/plain} \
    nice -n 5 wrk -t"$WRK_THREADS" -c"$CONNS" -d"${DURATION}s" -s "$here/$2" "$base" > "$tmp/wrk"
  kill "$sampler"; wait "$sampler" 2> /dev/null || true; sampler=
  t1=$(cpu_ticks)
  grep '^RESULT' "$tmp/wrk" | sed 's/^RESULT //'
  # Server CPU per request: what the figures would be with the cores to
  # itself (the load generator and other jobs share them here).
  n=$(sed -n 's/^RESULT .*requests=\([0-9]*\).*/\1/p' "$tmp/wrk")
  awk -v t="$((t1 - t0))" -v hz="$hz" -v n="$n" 'BEGIN {
    ms = t * 1000 / hz / n;
    printf "server_cpu_ms_per_request=%.3f  (=> %.0f req/s per core)\n", ms, 1000 / ms }'
  echo "rss_kib first=$(head -n 1 "$tmp/rss") last=$(tail -n 1 "$tmp/rss") max=$(sort -n "$tmp/rss" | tail -n 1) samples=$(wc -l < "$tmp/rss")"
  echo "rss_kib every 2 s: $(tr '\n' ' ' < "$tmp/rss")"
}
run "cached summary GET /api/articles/{id}/summary" serve_summary.lua
run "stateless POST /api/summarize ($(wc -c < samples/news/002_f29642c651209d67.txt) B article)" serve_summarize.lua
# A real news page (152 kB of HTML) from the shared extraction set, if there.
page=${NG_BENCH_PAGE:-../shared/data/extraction-dev/pages/bostonherald.com-Brothel-catering.html}
if [ -f "$page" ]; then
  run "stateless POST /api/summarize of an HTML page ($(wc -c < "$page") B, $(basename "$page"))" serve_summarize.lua "$page" text/html
else
  echo "== (no HTML page at $page: set NG_BENCH_PAGE for the page run)"
fi
echo "== server peak RSS (VmHWM): $(hwm) KiB"
curl -s "$base/metrics" | grep -E '^nutgraf_summary_cache|^nutgraf_http_errors' || true
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

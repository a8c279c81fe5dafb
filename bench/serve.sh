#!/bin/sh
# bench/serve.sh NUTGRAF - load test of `nutgraf serve` with wrk on loopback
# (make bench-serve). Not a test: prints figures for BENCHMARKS.md.
#
#   1. GET /api/articles/{id}/summary, cached (the store answers)
#   2. POST /api/summarize, uncached (extract + summarize every time)
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
i=0
until port=$(sed -n 's|^nutgraf: listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/log") && [ -n "$port" ]; do
  i=$((i + 1)); [ $i -lt 100 ] || { cat "$tmp/log"; exit 1; }
  sleep 0.1
done
base=http://127.0.0.1:$port
for id in $(seq 1 "$ids"); do curl -s -o /dev/null "$base/api/articles/$id/summary"; done

rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$pid/status"; }

run() { # name lua
  echo "== $1: wrk -t$WRK_THREADS -c$CONNS -d${DURATION}s, server --threads $THREADS"
  : > "$tmp/rss"
  (while :; do rss >> "$tmp/rss"; sleep 2; done) &
  sampler=$!
  NG_BENCH_IDS=$ids NG_BENCH_BODY=samples/news/002_f29642c651209d67.txt \
    nice -n 5 wrk -t"$WRK_THREADS" -c"$CONNS" -d"${DURATION}s" -s "$here/$2" "$base" > "$tmp/wrk"
  kill "$sampler"; wait "$sampler" 2> /dev/null || true; sampler=
  grep '^RESULT' "$tmp/wrk" | sed 's/^RESULT //'
  echo "rss_kib first=$(head -n 1 "$tmp/rss") last=$(tail -n 1 "$tmp/rss") max=$(sort -n "$tmp/rss" | tail -n 1) samples=$(wc -l < "$tmp/rss")"
  echo "rss_kib every 2 s: $(tr '\n' ' ' < "$tmp/rss")"
}
run "cached summary GET /api/articles/{id}/summary" serve_summary.lua
run "stateless POST /api/summarize ($(wc -c < samples/news/002_f29642c651209d67.txt) B article)" serve_summarize.lua
echo "== server peak RSS (VmHWM): $(hwm) KiB"
curl -s "$base/metrics" | grep -E '^nutgraf_summary_cache|^nutgraf_http_errors' || true
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

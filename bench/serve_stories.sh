#!/bin/sh
# bench/serve_stories.sh NUTGRAF [DATA] - the reader's stories on a real
# store (make bench-serve-stories). Not a test: prints figures for
# BENCHMARKS.md. Stores ECB+ dev and WikiRef220 dev (858 articles) with
# `nutgraf ingest`, starts `nutgraf serve`, and reports
#   - the time until GET /api/stories first answers 200 (the server's
#     thread reads and groups every stored article; 503 until then),
#   - the server's RSS then,
#   - the latency of every story page GET /s/{id} (a digest made on
#     demand from the story's articles) and of GET /api/stories/{id},
#   - the RSS after all of them.
set -eu
NUTGRAF=${1:?usage: bench/serve_stories.sh path/to/nutgraf [data]}
DATA=${2:-../shared/data}
command -v curl > /dev/null || { echo "bench-serve-stories: curl missing"; exit 1; }
for f in ecbplus/dev.jsonl wikiref220/dev.jsonl; do
  [ -f "$DATA/$f" ] || { echo "bench-serve-stories: $DATA/$f not found"; exit 1; }
done
. "$(dirname "$0")/serve_lib.sh"
tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

cat "$DATA/ecbplus/dev.jsonl" "$DATA/wikiref220/dev.jsonl" | "$NUTGRAF" ingest --db "$tmp/s.db" - 2>&1 | tail -n 1
now() { date +%s.%N; }
t0=$(now)
"$NUTGRAF" serve --db "$tmp/s.db" --listen 127.0.0.1:0 --threads 2 2> "$tmp/log" &
pid=$!
wait_listening "$tmp/log"
base=$BASE
# 503 while the server's thread reads the store into stories.
i=0
until [ "$(curl -s -o "$tmp/list" -w '%{http_code}' "$base/api/stories?per_page=100")" = 200 ]; do
  i=$((i + 1)); [ $i -lt 2000 ] || { echo "bench-serve-stories: stories never ready"; exit 1; }
  sleep 0.01
done
t1=$(now)
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
echo "stories ready $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}') s after start (server start included), RSS $(rss) kB"
total=$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$tmp/list")
pages=$(( (total + 99) / 100 ))
: > "$tmp/ids"
for p in $(seq 1 "$pages"); do
  curl -s "$base/api/stories?per_page=100&page=$p" | grep -o '{"id":[0-9]*,"headline"' | sed 's/[^0-9]//g' >> "$tmp/ids"
done
for what in s api/stories; do
  : > "$tmp/t"
  while read -r id; do
    curl -s -o /dev/null -w '%{time_total}\n' "$base/$what/$id" >> "$tmp/t"
  done < "$tmp/ids"
  sort -n "$tmp/t" | awk -v w="$what" '{v[NR] = $1; s += $1} END {
    printf "GET /%s/{id}: %d stories, mean %.1f ms, p50 %.1f ms, max %.1f ms\n", w, NR, 1000 * s / NR,
      1000 * v[int((NR + 1) / 2)], 1000 * v[NR] }'
done
echo "RSS after every story page: $(rss) kB"

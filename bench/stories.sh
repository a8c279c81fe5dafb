#!/bin/sh
# bench/stories.sh NUTGRAF DATA - story grouping, rewrite detection and
# throughput figures for BENCHMARKS.md ("## Stories"). Not a test.
set -eu
bin=$1
data=${2:-../shared/data}
for f in ecbplus/dev.jsonl wikiref220/dev.jsonl mrpc/dev.jsonl; do
  [ -f "$data/$f" ] || { echo "bench-stories: $data/$f not found"; exit 1; }
done
echo "== ECB+ dev (story = cluster; default threshold)"
nice "$bin" stories -q --eval "$data/ecbplus/dev.jsonl"
echo "== ECB+ dev in two other arrival orders (bench/ecb_orders.py)"
nice python3 "$(dirname "$0")/ecb_orders.py" "$bin" "$data"
echo "== ECB+ dev, --topics (topic-level settings)"
nice "$bin" stories -q --eval --topics "$data/ecbplus/dev.jsonl"
echo "== WikiRef220 dev (default event level, then --topics)"
nice "$bin" stories -q --eval "$data/wikiref220/dev.jsonl"
nice "$bin" stories -q --eval --topics "$data/wikiref220/dev.jsonl" | tail -n 1
echo "== DUC 2006 dev digests: ROUGE-2 / SU4 recall of 250 words (nutgraf, NIST's lead baseline, humans)"
if [ -f "$data/duc2006/dev.jsonl" ]; then
  for m in digest lead human; do nice "$bin" eval digest --data "$data" -m "$m"; done
else
  echo "bench-stories: $data/duc2006/dev.jsonl not found, skipped"
fi
echo "== MRPC dev (model fitted on orig_split train only)"
nice "$bin" stories --eval-mrpc "$data/mrpc/dev.jsonl"
echo "== Throughput: ECB+ and WikiRef dev articles repeated with new ids"
nice "$bin" stories --repeat 100000 "$data/ecbplus/dev.jsonl" "$data/wikiref220/dev.jsonl" >/dev/null

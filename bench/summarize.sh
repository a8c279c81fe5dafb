#!/bin/sh
# make bench-summarize: speed of nutgraf's default summarizer against the
# Open Text Summarizer (Debian ots / libots-dev) and the npm LexRank
# (package "lexrank", installed here on first use) on cnndm dev articles.
#   1. in process, one core (taskset), median of rounds: articles/s, and
#      peak RSS from /usr/bin/time -v (the corpus is held in memory);
#   2. libots in process on the first 200 articles (it is ~300x slower);
#   3. npm lexrank in one Node.js process, one core, all articles: its
#      articles/s, peak RSS, and the ROUGE of its 3 sentences;
#   4. both command-line tools once per article file (process start-up
#      included), on the first 100 articles.
# Not a test: figures go to BENCHMARKS.md by hand, with this command.
set -eu
NUTGRAF=$1 BENCH=$2 OTSB=$3 DATA=$4
here=$(cd "$(dirname "$0")" && pwd)
DEV=$DATA/cnndm/dev.jsonl.gz
PIN="taskset -c 0"
command -v taskset >/dev/null || PIN=""
echo "machine: $(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); $(cc --version | head -n 1)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }

echo "== in process, all cnndm dev articles"
for m in default lead lexrank; do
  $PIN /usr/bin/time -v "$BENCH" "$DEV" $m 5 > "$tmp/$m" 2> "$tmp/time"
  echo "$(cat "$tmp/$m"); peak RSS $(rss "$tmp/time") kB"
done
echo "== in process, first 200 articles: nutgraf vs libots (ratio 20%)"
$PIN /usr/bin/time -v "$BENCH" "$DEV" default 5 200 > "$tmp/ng" 2> "$tmp/ngt"
echo "$(cat "$tmp/ng"); peak RSS $(rss "$tmp/ngt") kB"
$PIN /usr/bin/time -v "$OTSB" "$DEV" 1 200 > "$tmp/ots" 2> "$tmp/otst"
echo "$(cat "$tmp/ots"); peak RSS $(rss "$tmp/otst") kB"
a=$(sed -n 's/.* \([0-9]*\) articles\/s.*/\1/p' "$tmp/ng")
b=$(sed -n 's/.* \([0-9]*\) articles\/s.*/\1/p' "$tmp/ots")
[ -n "$a" ] && [ -n "$b" ] && [ "$b" -gt 0 ] && echo "ratio nutgraf/libots: $(echo "$a / $b" | bc)x"

echo "== npm lexrank (Node.js $(node --version)), all cnndm dev articles, 3 sentences"
if [ ! -d "$here/node_modules/lexrank" ]; then
  # One install of every bench peer: npm --no-save drops what it is not told.
  npm install --prefix "$here" --no-save --no-package-lock --no-audit --no-fund \
    @mozilla/readability@0.6.0 jsdom lexrank@1.0.5 > /dev/null
fi
$PIN /usr/bin/time -v node "$here/lexrank.js" "$DEV" 3 0 "$tmp/lx.jsonl" > "$tmp/lx" 2> "$tmp/lxt"
echo "$(cat "$tmp/lx"); peak RSS $(rss "$tmp/lxt") kB"
"$NUTGRAF" eval rouge --refs "$DEV" --system "$tmp/lx.jsonl" | tail -n 5
a=$(sed -n 's/.* \([0-9]*\) articles\/s.*/\1/p' "$tmp/default")
b=$(sed -n 's/.*: \([0-9.]*\) articles\/s.*/\1/p' "$tmp/lx")
[ -n "$a" ] && [ -n "$b" ] && echo "ratio nutgraf/npm lexrank: $(echo "$a / $b" | bc)x (nutgraf $a articles/s CPU, lexrank $b wall)"

echo "== command line, one process per article, first 100 articles"
python3 - "$DEV" "$tmp" <<'PY'
import gzip, json, sys, re
dev, tmp = sys.argv[1], sys.argv[2]
with gzip.open(dev, 'rt') as f:
    for i, line in enumerate(f):
        if i >= 100: break
        a = json.loads(line)['article']
        # the same sentence marks as `nutgraf eval summarize --set cnndm`
        a = re.sub(r'( [.!?]+)( (?:"|\'\'|\)|-rrb-))?(?= )', lambda m: m.group(0) + '\n\n', a)
        open(f'{tmp}/a{i:03d}.txt', 'w').write(a.replace('\n\n ', '\n\n'))
PY
t0=$(date +%s.%N)
for f in "$tmp"/a*.txt; do $PIN "$NUTGRAF" summarize -n 3 "$f" > /dev/null; done
t1=$(date +%s.%N)
for f in "$tmp"/a*.txt; do $PIN ots "$f" > /dev/null; done
t2=$(date +%s.%N)
echo "nutgraf summarize CLI: $(echo "100 / ($t1 - $t0)" | bc -l | cut -c1-6) articles/s"
echo "ots CLI:               $(echo "100 / ($t2 - $t1)" | bc -l | cut -c1-6) articles/s"
$PIN /usr/bin/time -v "$NUTGRAF" summarize -n 3 "$tmp/a000.txt" > /dev/null 2> "$tmp/t1"
$PIN /usr/bin/time -v ots "$tmp/a000.txt" > /dev/null 2> "$tmp/t2"
echo "peak RSS of one run: nutgraf $(rss "$tmp/t1") kB, ots $(rss "$tmp/t2") kB"

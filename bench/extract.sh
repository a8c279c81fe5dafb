#!/bin/sh
# bench/extract.sh NUTGRAF EXTRACT_BENCH - extraction quality and speed
# against Mozilla Readability on ../shared/data/extraction-dev
# (make bench-extract). Not a test: prints the figures for BENCHMARKS.md.
#
#   1. quality: the scorer over `nutgraf extract --text` (one job, nice),
#      and metadata (title, author, date) against the annotations
#   2. speed in process, one core: extract_bench extract / parse /
#      parse-reuse (median of ROUNDS rounds over all pages; peak RSS)
#   3. the peer: Readability.js 0.6 on jsdom, installed here into
#      bench/node_modules; its quality through the same scorer and its
#      speed in one node process
#
# DATA (default ../shared/data/extraction-dev), ROUNDS (default 5), JOBS
# (scorer jobs for Readability, default 2) and SKIP_PEER=1 override.
set -eu
NUTGRAF=${1:?usage: bench/extract.sh path/to/nutgraf path/to/extract_bench}
XB=${2:?usage: bench/extract.sh path/to/nutgraf path/to/extract_bench}
here=$(cd "$(dirname "$0")" && pwd)
DATA=${DATA:-$here/../../shared/data/extraction-dev}
SCORER=${SCORER:-$here/../../shared/tools/score-extraction-dev}
ROUNDS=${ROUNDS:-5}
JOBS=${JOBS:-2}
[ -d "$DATA/pages" ] || { echo "bench-extract: no data at $DATA"; exit 1; }

echo "== nutgraf: quality (scorer, 1 job)"
nice "$SCORER" --jobs 1 "$DATA" "$NUTGRAF" extract --text
echo
echo "== nutgraf: metadata against the annotations"
nice python3 "$here/extract_meta.py" "$NUTGRAF" "$DATA"
echo
echo "== nutgraf: speed in process, one core (extract-body: as nutgraf extract"
echo "   without --summary; extract: with the body's sentences and tokens)"
nice "$XB" "$DATA/pages" extract-body "$ROUNDS"
nice "$XB" "$DATA/pages" extract "$ROUNDS"
echo "== bare myhtml parse of the same pages (a parser per page, as html_parse.c)"
nice "$XB" "$DATA/pages" parse "$ROUNDS"
echo "== bare myhtml parse, one reused parser"
nice "$XB" "$DATA/pages" parse-reuse "$ROUNDS"

[ "${SKIP_PEER:-0}" = 1 ] && exit 0
echo
echo "== Readability.js (jsdom)"
if [ ! -d "$here/node_modules/@mozilla/readability" ] || [ ! -d "$here/node_modules/jsdom" ]; then
  npm install --prefix "$here" --no-save --no-package-lock --no-audit --no-fund \
    @mozilla/readability@0.6.0 jsdom > /dev/null
fi
node -e "console.log('readability', require('$here/node_modules/@mozilla/readability/package.json').version, 'jsdom', require('$here/node_modules/jsdom/package.json').version)"
nice node "$here/readability.js" batch "$DATA/pages"
nice "$SCORER" --jobs "$JOBS" --timeout 120 "$DATA" node "$here/readability.js" one

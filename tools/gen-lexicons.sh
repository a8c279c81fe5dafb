#!/bin/sh
# Regenerates src/data/lexicons.inc and src/data/lexicon_ids.inc from the
# word lists in src/data/lex/*.txt with tools/gen-lexicons.c (sorted entries
# with their lengths, and a hash table per list; see that file). The
# generator is a standalone C file: it does not link the library it writes
# data for. Run via `make gen`.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$tmp/gen-lexicons" tools/gen-lexicons.c
"$tmp/gen-lexicons" "$tmp" src/data/lex/*.txt
mv "$tmp/lexicons.inc" src/data/lexicons.inc
mv "$tmp/lexicon_ids.inc" src/data/lexicon_ids.inc
echo "wrote src/data/lexicons.inc src/data/lexicon_ids.inc"

# ingest: a folder of articles, then the same again (all duplicates), then
# one file by name; counts are printed at the end.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$NUTGRAF" ingest --db "$tmp/n.db" samples/news || exit 1
"$NUTGRAF" ingest --db "$tmp/n.db" samples/news || exit 1
"$NUTGRAF" ingest -q --db "$tmp/n.db" samples/news/003_dc0927f4facc235e.txt || exit 1

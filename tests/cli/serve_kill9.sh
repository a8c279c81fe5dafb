# serve: `kill -9` in the middle of a batch of POSTs loses no article whose
# POST was answered 201, and the database opens cleanly afterwards (WAL,
# one transaction per article).
. tests/cli/serve_common.shlib
start_server --threads 2
A=samples/news/002_f29642c651209d67.txt
: > "$TMP/ids"
# Writer: distinct articles (a numbered first line), ids of those stored.
(
  i=0
  while [ $i -lt 400 ]; do
    { echo "Dispatch number $i from the wire desk."; cat "$A"; } > "$TMP/a$i"
    out=$(curl -s --max-time 10 -X POST -H 'Content-Type: text/plain' --data-binary "@$TMP/a$i" "$BASE/api/articles" -w ' %{http_code}') || exit 0
    case $out in *' 201') printf '%s\n' "$out" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p' >> "$TMP/ids" ;; esac
    rm -f "$TMP/a$i"
    i=$((i + 1))
  done
) &
writer=$!
EXTRA_PIDS=$writer
i=0
while [ "$(wc -l < "$TMP/ids")" -lt 25 ]; do
  i=$((i + 1)); [ $i -lt 300 ] || fail "writer made no progress"
  kill -0 $writer 2>/dev/null || break
  sleep 0.1
done
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
wait $writer 2>/dev/null
stored=$(wc -l < "$TMP/ids")
[ "$stored" -ge 25 ] || fail "only $stored articles stored before the kill"
echo "killed the server during a batch"

start_server
expect 200 GET /healthz
missing=0
for id in $(cat "$TMP/ids"); do
  req GET "/api/articles/$id"
  [ "$CODE" = 200 ] || missing=$((missing + 1))
done
[ $missing = 0 ] || fail "$missing of $stored committed articles lost"
expect 200 GET /api/articles
total=$(printf '%s' "$BODY" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
[ "$total" -ge "$stored" ] || fail "total $total < $stored"
# The store still takes writes.
expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary @samples/news/000_4607e9d5b3ed23ff.txt
echo "no committed article lost; database reopens and takes writes"
if command -v sqlite3 > /dev/null 2>&1; then
  stop_server
  [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
fi

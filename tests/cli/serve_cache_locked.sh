# serve: a GET does not wait for another connection's write. While
# another process holds the database's write lock, an uncached summary is
# computed and served at once (its cache write is best effort and gives up
# after 50 ms, rather than the 10 s other statements wait), and cached by
# a later GET once the lock is gone.
. tests/cli/serve_common.shlib
"$NUTGRAF" ingest -q --db "$DB" samples/news > /dev/null || fail "ingest"
start_server
python3 - "$DB" "$TMP/locked" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(15)
PY
holder=$!
EXTRA_PIDS=$holder
i=0
while [ ! -e "$TMP/locked" ]; do
  i=$((i + 1)); [ $i -lt 100 ] || fail "the lock holder did not start"
  sleep 0.1
done
CODE=$(curl -s -S --max-time 5 -o "$TMP/body" -w '%{http_code}' "$BASE/api/articles/2/summary") ||
  fail "GET summary waited for the write lock"
BODY=$(cat "$TMP/body")
[ "$CODE" = 200 ] || fail "summary under a write lock: $CODE"
has '"cached":false'
has '"sentences":[{'
echo "summary served while another process writes"
kill $holder 2>/dev/null
wait $holder 2>/dev/null
EXTRA_PIDS=
expect 200 GET /api/articles/2/summary
has '"cached":false'
expect 200 GET /api/articles/2/summary
has '"cached":true'
echo "cached once the lock is gone"

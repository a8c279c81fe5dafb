# serve: a search over a stored 9.5 MB article (under the default 10M body
# limit) answers at once: the snippet is cut from the body's first
# characters, not from the whole body (FTS5's snippet() over the whole
# body took about a minute of CPU for "the", and a few such searches held
# every worker). The server still stops promptly on SIGTERM after a burst.
. tests/cli/serve_common.shlib
start_server
# 9.5 MB of news text: the samples doubled ten times, cut at a line.
cat samples/news/*.txt > "$TMP/big"
i=0
while [ $i -lt 10 ]; do cat "$TMP/big" "$TMP/big" > "$TMP/big2"; mv "$TMP/big2" "$TMP/big"; i=$((i + 1)); done
head -c 9500000 "$TMP/big" | sed '$d' > "$TMP/big95"
expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary "@$TMP/big95"
expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary @samples/news/000_4607e9d5b3ed23ff.txt
echo "stored a 9.5 MB article"

expect 200 GET '/api/articles?q=the'
has '"total":2'
has '"snippet":"'
expect 200 GET '/?q=the'
has '<mark>the</mark>'
expect 200 GET '/api/articles?q=Lavrov+the'
has '"snippet":"'
echo "search answered"

# A word only past the snippet's window still finds the article (the
# whole body is indexed); its snippet is then the body's start.
printf 'Opening line of a long report.\n\n' > "$TMP/late"
head -c 200000 "$TMP/big95" | sed '$d' >> "$TMP/late"
printf '\n\nThe zanzibarian delegation left last.\n' >> "$TMP/late"
expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary "@$TMP/late"
expect 200 GET '/api/articles?q=zanzibarian'
has '"total":1'
has '"snippet":"Opening line of a long report.'
echo "late word found"

# A burst of searches, then SIGTERM: the server exits within seconds.
for k in 1 2 3 4 5 6; do
  curl -s -o /dev/null --max-time 30 "$BASE/api/articles?q=the+of+and&per_page=100" &
  EXTRA_PIDS="$EXTRA_PIDS $!"
done
expect 200 GET /healthz
kill "$SERVER_PID"
i=0
while kill -0 "$SERVER_PID" 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 100 ] || fail "the server did not stop within 10 s of SIGTERM"
  sleep 0.1
done
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
for p in $EXTRA_PIDS; do wait "$p" 2>/dev/null; done
EXTRA_PIDS=
echo "stopped on SIGTERM"

# serve --timeout: a client that sends its headers and then stalls is
# disconnected by the server, and others are served meanwhile.
. tests/cli/serve_common.shlib
start_server --timeout 1
mkfifo "$TMP/fifo"
# Holds the fifo open without writing: curl sends the request headers
# (chunked upload) and then waits for body bytes that never come.
sleep 30 > "$TMP/fifo" &
holder=$!
EXTRA_PIDS=$holder
timeout 25 curl -s -o /dev/null -X POST -H 'Content-Type: text/plain' -T "$TMP/fifo" "$BASE/api/summarize" &
slow=$!
EXTRA_PIDS="$holder $slow"
expect 200 GET /healthz
echo "served while a client stalls"
# curl blocks on the fifo, not on the socket, so ask the server: poll its
# metrics (bounded) until it counts the connection it timed out.
i=0
while :; do
  expect 200 GET /metrics
  case $BODY in *"nutgraf_http_timeouts_total 0"*) ;; *) break ;; esac
  i=$((i + 1))
  [ $i -lt 100 ] || fail "the stalled client was never disconnected"
  sleep 0.2
done
has 'nutgraf_http_timeouts_total 1'
kill $holder 2>/dev/null
wait $holder 2>/dev/null
wait $slow 2>/dev/null
expect 200 GET /healthz
echo "stalled client disconnected"

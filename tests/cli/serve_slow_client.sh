# serve --timeout: a client that sends its headers and then stalls is
# disconnected by the server, and others are served meanwhile. Every
# connection the server closes for --timeout is counted in
# nutgraf_http_timeouts_total: one that sends nothing, one stalled in its
# request line or headers, one idle after a keep-alive request; one whose
# client closes it is not.
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

# stall BYTES [keep]: connects, sends BYTES (printf escapes), with keep
# first reads one answer, then waits (at most 5 s) for the server to close.
cat > "$TMP/stall.py" <<'PY'
import socket, sys, time
host, port = sys.argv[1].rsplit(":", 1)
s = socket.create_connection((host, int(port)), timeout=5)
s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin1"))
if len(sys.argv) > 3:
    s.recv(65536)
try:
    while s.recv(65536):
        pass
except socket.timeout:
    sys.exit("the server did not close the connection")
PY
stall() { python3 "$TMP/stall.py" "${BASE#http://}" "$@" || fail "stall $*"; }
timeouts() {
  expect 200 GET /metrics
  printf '%s\n' "$BODY" | sed -n 's/^nutgraf_http_timeouts_total //p'
}
n=$(timeouts)
stall ''
stall 'GET /heal'
stall 'GET /healthz HTTP/1.1\r\nHost: x\r\n'
stall 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n' keep
[ "$(timeouts)" = $((n + 4)) ] || fail "timeouts: $(timeouts), want $((n + 4))"
python3 -c 'import socket, sys; h, p = sys.argv[1].rsplit(":", 1); socket.create_connection((h, int(p))).close()' "${BASE#http://}"
curl -s -o /dev/null "$BASE/healthz"
sleep 0.3
[ "$(timeouts)" = $((n + 4)) ] || fail "a connection its client closed counted as a timeout"
echo "idle and stalled connections counted"

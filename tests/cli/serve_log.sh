# serve --log: one line per request, and a request cannot forge lines or
# send terminal escapes through it: the decoded path's control bytes (a
# "%0A" or "%1B" in the URL) are logged as \xHH.
. tests/cli/serve_common.shlib
start_server --log
req GET '/a/1%0Anutgraf:%20GET%20/forged%20200%200.1ms'
[ "$CODE" = 404 ] || fail "status $CODE"
req GET '/%1B%5B2J%1B%5B31mred'
[ "$CODE" = 404 ] || fail "status $CODE"
expect 200 GET /healthz
grep -q '^nutgraf: GET /forged' "$TMP/server.log" && fail "a forged log line"
grep -q "$(printf '\033')" "$TMP/server.log" && fail "an escape byte in the log"
grep -q '^nutgraf: GET /a/1\\x0Anutgraf: GET /forged 200 0.1ms 404 ' "$TMP/server.log" || fail "newline not escaped: $(cat "$TMP/server.log")"
grep -q '^nutgraf: GET /\\x1B\[2J\\x1B\[31mred 404 ' "$TMP/server.log" || fail "escape not escaped"
grep -q '^nutgraf: GET /healthz 200 ' "$TMP/server.log" || fail "no line for /healthz"
echo "log lines escaped"

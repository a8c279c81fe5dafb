# serve: bad requests get a JSON error with the right 4xx status, never a
# crash, and the server keeps answering: oversized bodies (declared and
# chunked), malformed JSON, non-UTF-8, unknown ids, path traversal, wrong
# methods and media types, bad parameters.
. tests/cli/serve_common.shlib
start_server --max-body 64k
expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary @samples/news/000_4607e9d5b3ed23ff.txt

# 200 kB against a 64 kB limit: refused from Content-Length, and chunked
# (no length: refused once the limit is passed, the rest is dropped).
i=0; : > "$TMP/big"
while [ $i -lt 64 ]; do cat samples/news/*.txt >> "$TMP/big"; i=$((i + 1)); done
expect 413 POST /api/articles -H 'Content-Type: text/plain' --data-binary "@$TMP/big"
expect 413 POST /api/summarize -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary "@$TMP/big"
echo "oversized 413"

expect 400 POST /api/articles -H 'Content-Type: application/json' --data-binary '{"text": "unterminated'
expect 400 POST /api/articles -H 'Content-Type: application/json' --data-binary '["text"]'
expect 400 POST /api/articles -H 'Content-Type: application/json' --data-binary '{"txt":"no article key"}'
expect 400 POST /api/articles -H 'Content-Type: application/json' --data-binary '{"text":"a","text":"duplicate keys"}'
expect 400 POST /api/summarize -H 'Content-Type: application/json' --data-binary '{"text":"Fine. Text.","sentences":"3"}'
echo "malformed JSON 400"

printf 'Valid start. \377\376 then bad bytes. More text here.' > "$TMP/bad"
expect 400 POST /api/articles -H 'Content-Type: text/plain' --data-binary "@$TMP/bad"
has 'UTF-8'
printf '{"text":"Bad \377 inside JSON."}' > "$TMP/badjson"
expect 400 POST /api/articles -H 'Content-Type: application/json' --data-binary "@$TMP/badjson"
expect 400 GET '/api/articles?q=%FF%FE'
echo "non-UTF-8 400"

expect 400 POST /api/articles -H 'Content-Type: text/plain' --data-binary ''
expect 415 POST /api/articles -H 'Content-Type: image/png' --data-binary 'PNG'
head -c 3000 /dev/zero > "$TMP/zeros"
req POST /api/summarize -H 'Content-Type: text/plain' --data-binary "@$TMP/zeros"
case $CODE in 4??) ;; *) fail "binary body: status $CODE" ;; esac
echo "empty, binary, media type refused"

expect 404 GET /api/articles/999
expect 404 GET /api/articles/999/summary
expect 404 GET /api/articles/0
expect 404 GET /api/articles/-1
expect 404 GET /api/articles/01
expect 404 GET /api/articles/99999999999999999999999
expect 404 GET /api/articles/1x
expect 400 GET '/api/articles/1/summary?sentences=0'
expect 400 GET '/api/articles/1/summary?sentences=abc'
expect 400 GET '/api/articles/1/summary?words=99999999999999999999'
expect 400 GET '/api/articles?page=-2'
echo "unknown ids 404, bad parameters 400"

expect 404 GET /static/../../../etc/passwd --path-as-is
expect 404 GET /static/..%2f..%2fetc%2fpasswd
expect 404 GET /api/../../etc/passwd --path-as-is
expect 400 GET '/static/%00'
expect 404 GET /nowhere
expect 405 DELETE /api/articles/1
expect 405 PUT /api/articles
# A 405 names the methods the path takes (RFC 9110 15.5.6).
curl -s -o /dev/null -D "$TMP/h" -X DELETE "$BASE/api/articles/1"
grep -qi '^Allow: GET, HEAD' "$TMP/h" || fail "405 without Allow: $(cat "$TMP/h")"
curl -s -o /dev/null -D "$TMP/h" -X PUT "$BASE/api/articles"
grep -qi '^Allow: GET, HEAD, POST' "$TMP/h" || fail "405 without Allow: $(cat "$TMP/h")"
curl -s -o /dev/null -D "$TMP/h" "$BASE/api/summarize"
grep -qi '^Allow: POST' "$TMP/h" || fail "405 without Allow: $(cat "$TMP/h")"
# The reader's addresses answer with an HTML page, not JSON.
for p in /a/0 /a/abc /a/1/x /s/0 /stories/1; do
  req GET "$p"
  [ "$CODE" = 404 ] || fail "$p: $CODE"
  case $BODY in '<!DOCTYPE html>'*'There is no such page.'*) ;; *) fail "$p: not an HTML error page" ;; esac
done
req POST /a/1 -d x
[ "$CODE" = 405 ] || fail "POST /a/1: $CODE"
case $BODY in '<!DOCTYPE html>'*) ;; *) fail "POST /a/1: not an HTML error page" ;; esac
echo "traversal 404, methods 405"

# What libmicrohttpd lets through: HTTP/1.1 without Host, and a body with
# both Content-Length and Transfer-Encoding (request smuggling), are 400.
cat > "$TMP/raw.py" <<'PY'
import socket, sys
host, port = sys.argv[1].rsplit(":", 1)
s = socket.create_connection((host, int(port)), timeout=5)
s.sendall(sys.stdin.buffer.read())
out = b""
try:
    while True:
        d = s.recv(65536)
        if not d:
            break
        out += d
except socket.timeout:
    pass
sys.stdout.write(out.decode("utf-8", "replace"))
PY
# raw: sends standard input to the server as is, prints the answer.
raw() { python3 "$TMP/raw.py" "${BASE#http://}"; }
out=$(printf 'GET /healthz HTTP/1.1\r\n\r\n' | raw)
case $out in 'HTTP/1.1 400 '*'Host'*) ;; *) fail "HTTP/1.1 without Host: $out" ;; esac
out=$(printf 'GET /healthz HTTP/1.0\r\n\r\n' | raw)
case $out in 'HTTP/1.1 200 '*) ;; *) fail "HTTP/1.0 without Host: $out" ;; esac
out=$(printf 'POST /api/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n0\r\n\r\n' | raw)
case $out in 'HTTP/1.1 400 '*'Transfer-Encoding'*) ;; *) fail "Content-Length with Transfer-Encoding: $out" ;; esac
echo "no Host, or two body lengths, 400"

# Headers and URLs past libmicrohttpd's per-connection memory (64 kB) are
# refused by libmicrohttpd itself (431 / 414, its own small HTML body).
big=$(head -c 70000 /dev/zero | tr '\0' 'x')
req GET /healthz -H "X-Big: $big"
case $CODE in 4??) ;; *) fail "huge header: status $CODE" ;; esac
req GET "/api/articles?q=$big"
case $CODE in 4??) ;; *) fail "huge URL: status $CODE" ;; esac
echo "huge header and URL refused"

expect 200 GET /healthz
expect 200 GET /metrics
has 'nutgraf_http_body_too_large_total 2'
has 'nutgraf_http_errors_total{class="5xx"} 0'
echo "still serving"

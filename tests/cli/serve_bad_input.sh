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
expect 404 GET '/static/%00'
expect 404 GET /nowhere
expect 405 DELETE /api/articles/1
expect 405 PUT /api/articles
echo "traversal 404, methods 405"

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
